package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"annals/document"
	"annals/events"
)

// Facts returns the facts a document states, in document order: the document itself, then its infobox,
// then its tables, then the curated facts (which may be nil). Curated facts whose source names another
// document are kept as they are.
//
// Facts is lenient: a value of the infobox or a table it cannot read (a date it cannot parse, a
// constituency table no hint names, a constituency row naming no constituency) is skipped, with the
// facts that need it, and reported in the warnings it returns, in line order, each naming the
// document and the line; the document's own parse warnings are not among them. With
// Options.Strict, the first such value is an error wrapping events.ErrInvalid, as is, in either
// mode, a curated facts file that names another document or holds a table hint that is not valid.
func Facts(doc *document.Document, curated *Curated) ([]events.Fact, []document.Warning, error) {
	return FactsWith(doc, curated, Options{})
}

// Options changes what FactsWith takes a document to be about.
type Options struct {
	// Subject, when set, is an entity the record already holds that the document is about, though
	// its title is not that entity's name (sources resolves "X (Country)" to the X the record holds).
	// Name is the record's name for it, which its founding and official name use; the title joins its
	// names as an alternate name, a fact whose note is Evidence (why the document is about it). A
	// subject set by the curated facts file wins over Subject.
	Subject  events.EntityID
	Name     string
	Evidence string
	// Strict refuses the document at the first value of its infobox or tables that cannot be read,
	// instead of skipping it with a warning.
	Strict bool
	// Draft adds, for a document without a curated facts file, the facts Draft draws from its running
	// text (marked drafted), without the names the infobox already gives.
	Draft bool
	// Aliases are names the running text uses for entities other documents or the record hold ("the
	// Moroccan Popular Renewal Party" for the party another article is about): the drafts give them
	// those ids.
	Aliases map[string]events.EntityID
}

// FactsWith is Facts with options: see Options.
func FactsWith(doc *document.Document, curated *Curated, opts Options) ([]events.Fact, []document.Warning, error) {
	x := &extractor{doc: doc, named: map[events.EntityID]bool{}, title: doc.Title, strict: opts.Strict}
	if curated != nil {
		x.hints = curated.Tables
		x.subject, x.kind = curated.Subject, curated.SubjectKind
		if curated.Document != "" && curated.Document != doc.Name {
			return nil, nil, fmt.Errorf("facts file for %s names document %s: %w", doc.Name, curated.Document, events.ErrInvalid)
		}
	}
	joined := x.subject == "" && opts.Subject != "" && opts.Name != ""
	disambiguated := false // the title is "X (P)", X the name, P what tells it from others of the name
	switch {
	case joined:
		x.subject, x.title = opts.Subject, opts.Name
	case x.subject == "":
		x.subject = events.Slug(doc.Title)
		if base, _, ok := SplitTitle(doc.Title); ok && namesItself(doc, base) {
			x.title, disambiguated = base, true
		}
	}
	if x.kind == "" {
		x.kind = events.KindParty
	}
	// The document quotes its title line, which is line 1 unless blank lines come first.
	x.add(events.DocumentEntity(doc.Name), "", x.lineText(doc.Sections[0].Line), events.DocumentRecorded{
		Name: doc.Name, Title: doc.Title, SHA256: events.DocumentDigest(doc.Text), Text: doc.Text})
	x.name(x.subject, x.kind, x.title, events.NameOfficial, doc.Title)
	switch {
	case joined:
		x.name(x.subject, x.kind, doc.Title, events.NameAlternate, doc.Title)
		x.facts[len(x.facts)-1].Note = opts.Evidence
	case disambiguated:
		x.name(x.subject, x.kind, doc.Title, events.NameAlternate, doc.Title)
		x.facts[len(x.facts)-1].Note = "the title's parenthetical tells the party from others of the name " + x.title
	}
	if err := x.infobox(); err != nil {
		return nil, nil, err
	}
	if err := x.tables(); err != nil {
		return nil, nil, err
	}
	if err := x.lists(); err != nil {
		return nil, nil, err
	}
	x.resultLines()
	if curated != nil {
		x.facts = append(x.facts, curated.Facts...)
	} else if opts.Draft {
		drafted := draft(doc, x.subject, opts.Aliases)
		x.facts = samePersons(append(withoutOwnNames(x.facts, drafted, x.subject), withoutKnownNames(x.facts, drafted)...))
	}
	sort.SliceStable(x.warned, func(i, j int) bool { return x.warned[i].Line < x.warned[j].Line })
	return x.facts, x.warned, nil
}

type extractor struct {
	doc     *document.Document
	subject events.EntityID
	title   string // the subject's name: the document's title, or the record's name for a resolved subject
	kind    events.Kind
	hints   []TableHint
	facts   []events.Fact
	named   map[events.EntityID]bool
	strict  bool               // refuse, rather than skip, a value that cannot be read
	leaders []string           // the leaders the document's structures name (leaderNames), read once
	warned  []document.Warning // what was skipped, when not strict
	// abbreviated holds the names the infobox's former names abbreviate ("URSP" → Ukrainian Workers'
	// and Peasants' Party), for a founding "(as URSP)".
	abbreviated map[string]string
	// firstFormer is the earliest former name the infobox gives a term to, and the term's start.
	firstFormer [2]string
}

// warn records that the value at line could not be read and was skipped: "format; action".
func (x *extractor) warn(line int, format string, args ...any) {
	x.warned = append(x.warned, document.Warning{Name: x.doc.Name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// add appends a fact about entity, dated date ("" for undated), quoting quote.
func (x *extractor) add(entity events.EntityID, date, quote string, p events.Payload) {
	if date == "" {
		date = "XXXX"
	}
	x.facts = append(x.facts, events.Fact{Type: p.EventType(), Entity: entity, Date: events.MustParseDate(date),
		Source: events.Source{Document: x.doc.Name, Quote: quote}, Payload: p})
}

// name records, once per document, that entity is known by name.
func (x *extractor) name(id events.EntityID, kind events.Kind, name, nameType, quote string) events.EntityID {
	key := events.EntityID(string(id) + "\x00" + nameType + "\x00" + name)
	if !x.named[key] {
		x.named[key] = true
		x.add(id, "", quote, events.EntityNamed{Kind: kind, Name: name, NameType: nameType, Language: language(name)})
	}
	return id
}

// mention names an entity mentioned by name and returns its id.
func (x *extractor) mention(kind events.Kind, name, quote string) events.EntityID {
	if kind == events.KindPerson {
		name = withoutHonorifics(name) // "Prof. Vasyl Stasiuk": the name, not the title before it
		if full := x.fullName(name); full != "" {
			// "| 2005 | Yohannes Bekele |" in a document whose leaders table names Yohannes Bekele
			// Woldegiorgis: the leader, under a shorter name.
			id := x.mention(kind, full, quote)
			if key := id + "\x00" + events.EntityID(events.NameKey(name)); !x.named[key] {
				x.named[key] = true
				x.add(id, "", quote, events.EntityNamed{Kind: kind, Name: name, NameType: events.NameAlternate, Language: language(name)})
			}
			return id
		}
	}
	id := events.Slug(name)
	if kind == events.KindPerson {
		id = personID(name)
	}
	if !x.named[id] {
		x.named[id] = true
		x.add(id, "", quote, events.EntityNamed{Kind: kind, Name: name, NameType: events.NameOfficial, Language: language(name)})
	}
	return id
}

// fullName returns the one longer name of a leader the document's infobox, leaders tables and lists
// name that begins with the words of name (two or more), or "": "Yohannes Bekele" for Yohannes Bekele
// Woldegiorgis.
func (x *extractor) fullName(name string) string {
	words := strings.Fields(events.NameKey(name))
	if len(words) < 2 {
		return ""
	}
	if x.leaders == nil {
		x.leaders = leaderNames(x.doc)
		if x.leaders == nil {
			x.leaders = []string{}
		}
	}
	found := ""
	for _, l := range x.leaders {
		l, _ = splitQualifier(l) // "Ana Ruiz (last)"
		lw := strings.Fields(events.NameKey(l))
		if len(lw) > len(words) && slices.Equal(lw[:len(words)], words) && found != l {
			if found != "" {
				return "" // two leaders it may be: neither
			}
			found = l
		}
	}
	return found
}

func (x *extractor) lineText(n int) string {
	lines := strings.Split(x.doc.Text, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}

// infoboxKey is an infobox key as the rules name it: lower case, the first of alternatives written
// "Leader / Chairman", and "Political position" as "position".
func infoboxKey(key string) string {
	k, _, _ := strings.Cut(strings.ToLower(key), "/")
	k = strings.Join(strings.Fields(k), " ")
	if k == "political position" {
		return "position"
	}
	return k
}

// fieldQuote is the "Key: Value" text of an infobox line.
func (x *extractor) fieldQuote(f document.Field) string {
	return strings.TrimSpace(strings.TrimPrefix(x.lineText(f.Line), "-"))
}

func (x *extractor) infobox() error {
	ib := x.doc.Infobox
	if ib == nil {
		return nil
	}
	for _, f := range ib.Fields {
		if f.Index > 0 || strings.TrimSpace(f.Value) == "" {
			continue
		}
		if err := x.field(f); err != nil {
			if x.strict {
				return fmt.Errorf("document %s:%d: infobox %s: %w", x.doc.Name, f.Line, events.Excerpt(f.Key, events.DefaultExcerpt), err)
			}
			x.warn(f.Line, "infobox %s: %v; fact skipped", events.Excerpt(f.Key, events.DefaultExcerpt), err)
		}
	}
	for _, base := range numberedBases(ib) {
		for _, g := range ib.Numbered(base) {
			x.group(base, g)
		}
	}
	// "Founded: 16 June 1990 (as URSP)", with "Former names: Ukrainian Workers' and Peasants' Party
	// (…, URSP)": founded under the name the abbreviation stands for.
	foundedAs := ""
	for i, f := range x.facts {
		if p, ok := f.Payload.(events.PartyFounded); ok && f.Entity == x.subject {
			if x.abbreviated[p.Name] != "" {
				p.Name = x.abbreviated[p.Name]
				x.facts[i].Payload = p
			}
			if first, from := x.firstFormer[0], x.firstFormer[1]; p.Name == x.title && first != "" && !f.Date.Unknown() && f.Date.String()[:4] == from[:min(4, len(from))] {
				// "Founded: Autumn 1943" beside "Former names: Society of Iranian Liberty Seekers
				// (…), 1943–1949": founded under that name.
				p.Name = first
				x.facts[i].Payload = p
			}
			if p.Name != x.title && !f.Date.Unknown() {
				foundedAs = p.Name
			}
		}
	}
	// "Founder: X" beside "Founded: 1990 (as URSP)": X founded the party under that first name.
	for i, f := range x.facts {
		if p, ok := f.Payload.(events.PartyFounded); ok && f.Entity == x.subject && foundedAs != "" && p.Name == x.title && f.Date.Unknown() {
			p.Name = foundedAs
			x.facts[i].Payload = p
		}
	}
	return nil
}

func numberedBases(ib *document.Infobox) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range ib.Fields {
		if f.Index > 0 && !seen[strings.ToLower(f.Base)] {
			seen[strings.ToLower(f.Base)] = true
			out = append(out, f.Base)
		}
	}
	return out
}

// field applies the rule for one unnumbered infobox key.
func (x *extractor) field(f document.Field) error {
	q := x.fieldQuote(f)
	v := strings.TrimSpace(f.Value)
	s := x.subject
	switch key := infoboxKey(f.Key); key {
	case "abbreviation", "acronym", "abbreviations":
		// "MWDP (formerly DPWP)", "CUP (1998–2014), MCRP (1990–1998)": each abbreviation the party
		// bore, without what the brackets say of it (the fold shows the one that fits the day's name).
		abbreviation := func(a string) {
			if otherScript(a) {
				x.name(s, x.kind, a, events.NameNative, q) // "HH (ГГ)": the abbreviation in its own script
				return
			}
			x.name(s, x.kind, a, events.NameAbbreviation, q)
		}
		for _, item := range splitList(v) {
			a, qual := splitQualifier(item)
			abbreviation(a)
			for _, w := range strings.FieldsFunc(qual, func(r rune) bool { return r == ' ' || r == ';' || r == ',' }) {
				if allCaps(w) && w != a {
					abbreviation(w)
				}
			}
		}
	case "native name", "khmer name", "local name", "official name":
		x.name(s, x.kind, v, events.NameNative, q)
	case "former name", "former names", "previous name", "previous names", "formerly":
		// "Former names: New Dawn Party (1975–1979)": the names it had, the term each was borne.
		items := formerNames(splitList(v))
		for n, item := range items {
			name, from, to := item, "", ""
			var abbrevs []string
			if m := trailingTermRE.FindStringSubmatchIndex(item); m != nil {
				// "(1975–1979)", or with the name's abbreviation: "(EDSF; 1988–1992)".
				for _, part := range strings.FieldsFunc(item[m[2]:m[3]], func(r rune) bool { return r == ';' }) {
					part = strings.TrimSpace(part)
					if a, b, err := ProsePeriod(part); err == nil {
						name, from, to = strings.TrimSpace(item[:m[0]]), a, b
					} else if allCaps(part) && !strings.Contains(part, " ") {
						abbrevs = append(abbrevs, part)
					}
				}
				if from == "" && to == "" {
					abbrevs = nil
				}
			}
			if from != "" && (x.firstFormer == [2]string{} || from < x.firstFormer[1]) {
				x.firstFormer = [2]string{name, from} // name set below, without its brackets
			}
			if base, natives, short, ok := nativeAfter(name); ok {
				// "Democratic Peasants and Workers Party (ဒီမိုကရေစီ လယ်သမား အလုပ်သမား ပါတီ)": the
				// name, and the same in its own script; "(Партія праці і гідності, PPH)": and its
				// abbreviation.
				name = base
				for _, native := range natives {
					x.name(s, x.kind, native, events.NameNative, q)
				}
				abbrevs = append(abbrevs, short...)
			} else if base, qual := splitQualifier(name); allCaps(qual) && !strings.Contains(qual, " ") {
				name, abbrevs = base, append(abbrevs, qual) // "Movimiento Laborista Independiente (MLI)"
			}
			if x.firstFormer[1] == from && from != "" {
				x.firstFormer[0] = name
			}
			x.name(s, x.kind, name, events.NameAlternate, q)
			for _, a := range abbrevs {
				x.name(s, x.kind, a, events.NameAbbreviation, q) // of the name it stood for (projections.initialsFit)
				if x.abbreviated == nil {
					x.abbreviated = map[string]string{}
				}
				x.abbreviated[a] = name
			}
			if to != "" && to != from {
				// "Movimiento Fuerza Andina (1998–2004), Partido Fuerza Andina (2004–2006)": each
				// name gave way to the next one the list gives from that year, the last to the title.
				next := x.title
				if n+1 < len(items) {
					if m := trailingTermRE.FindStringSubmatchIndex(items[n+1]); m != nil {
						if a, _, err := ProsePeriod(items[n+1][m[2]:m[3]]); err == nil && a == to {
							next = strings.TrimSpace(items[n+1][:m[0]])
							if base, _, _, ok := nativeAfter(next); ok {
								next = base
							}
						}
					}
				}
				x.add(s, to, q, events.PartyRenamed{From: name, To: next})
			}
		}
	case "romanized name", "romanised name", "transliteration", "other name", "other names", "also known as",
		"english name", "short name":
		for _, n := range splitList(v) {
			x.name(s, x.kind, n, events.NameAlternate, q)
		}
	case "foundation", "founded", "formation", "established":
		date, err := ProseDate(v)
		if err != nil {
			return err
		}
		name := x.title
		if m := trailingAsideRE.FindStringSubmatch(v); m != nil {
			if as, ok := cutPrefixFold(strings.TrimSpace(m[2]), "as "); ok && as != "" {
				// "14 April 1993 (as Union for Civic Renewal)": founded under another name.
				as = strings.TrimSpace(as)
				if rest, ok := cutPrefixFold(as, "the "); ok {
					as = rest
				}
				name = as
			}
		}
		x.add(s, date, q, events.PartyFounded{Name: name})
	case "refounded", "re-founded", "re-established", "reestablished", "refoundation", "re-foundation", "relegalised",
		"relegalized", "re-legalised", "re-legalized", "legalised", "legalized", "restored", "revived":
		// A party founded again under its name after a ban or a dissolution (party.restored/v1).
		date, err := ProseDate(v)
		if err != nil {
			return err
		}
		x.add(s, date, q, events.PartyRestored{Means: key})
	case "registered", "registration", "deregistered", "deregistration":
		// "Registered: 2 December 2002 (INEC)": entered in the register; "Deregistered: 6 February
		// 2020": its legal standing ended, as a cancelled registration ends it.
		date, err := ProseDate(v)
		if err != nil {
			return err
		}
		if strings.HasPrefix(key, "de") {
			x.add(s, date, q, events.PartyBanned{Reason: events.RegistrationCancelled})
		} else {
			x.add(s, date, q, events.PartyRegistered{})
		}
	case "founders", "founder":
		var founders []events.EntityID
		for _, n := range splitList(v) {
			founders = append(founders, x.mention(events.KindPerson, n, q))
		}
		if len(founders) > 0 { // a value of bare commas names no one
			x.add(s, "", q, events.PartyFounded{Name: x.title, Founders: founders})
		}
	case "dissolved", "dissolution", "banned":
		date, err := ProseDate(v)
		if from, to, perr := ProsePeriod(v); err != nil && perr == nil && key == "banned" && from != to {
			// "Banned: 1961–1990": banned, then legal again at the term's end.
			x.add(s, from, q, events.PartyBanned{})
			if to != "" {
				x.add(s, to, q, events.PartyRestored{Means: "ban ended"})
			}
			return nil
		}
		if err != nil {
			return err
		}
		if key == "banned" {
			x.add(s, date, q, events.PartyBanned{})
		} else {
			x.add(s, date, q, events.PartyDissolved{})
		}
	case "successor", "successors", "predecessor", "predecessors", "succeeded by", "preceded by":
		for _, item := range splitList(v) {
			name, qualifier := splitQualifier(item)
			other := x.mention(events.KindParty, name, q)
			if other == s {
				continue // "Successor: X (1998)" in X's infobox: the party re-founded, not a successor
			}
			p := events.PartySucceeded{Successor: other, Kind: successionKind(qualifier), Qualifier: qualifier}
			if strings.HasPrefix(key, "predecessor") || key == "preceded by" {
				p.Successor = s
				x.add(other, "", q, p)
			} else {
				x.add(s, "", q, p)
			}
		}
	case "merger", "merged from", "merger of", "absorbed", "absorbed parties", "merged in":
		// "Merger of: A and B (2014)", "Absorbed: C (2003)": the parties, and the year in brackets.
		names, date := x.listedParties(v, f.Line)
		var members []events.EntityID
		absorbed := strings.HasPrefix(key, "absorbed") || key == "merged in"
		for _, n := range names {
			if x.ownName(n) {
				absorbed = true // "Merger of: Party of Labour and Dignity (its former name) and Green Dnipro"
				continue
			}
			members = append(members, x.mention(events.KindParty, n, q))
		}
		if len(members) > 0 {
			x.add(s, date, q, events.PartyMerged{Members: members, Absorbed: absorbed})
		}
	case "split from", "breakaway from", "split off from", "splinter of":
		for _, n := range splitList(v) {
			date := ""
			if name, qual := splitQualifier(n); qual != "" {
				if d, err := ProseDate(qual); err == nil {
					n, date = name, d // "Eastern Choice (2006)": the party, and when the split came
				}
			}
			x.add(x.mention(events.KindParty, n, q), date, q, events.PartySplit{NewParty: s})
		}
	case "merged into":
		// The party joined another, which an infobox does not say was new: the merger dates no
		// founding of it (PartyMerged.Absorbed), as "X merged into Y" in a sentence.
		for _, n := range splitList(v) {
			x.add(x.mention(events.KindParty, n, q), "", q, events.PartyMerged{Members: []events.EntityID{s}, Absorbed: true})
		}
	case "leader", "leaders", "president", "chairman", "chairwoman", "chairperson", "chair", "secretary-general",
		"general secretary", "first secretary", "party leader", "party chairman", "party president":
		role := "leader"
		if !strings.HasPrefix(key, "leader") {
			role = Role(f.Key)
		}
		for _, n := range splitList(v) {
			if x.leaderTerms(s, q, n, role) {
				continue
			}
			r := role
			if name, qual, ok := strings.Cut(n, " ("); ok && strings.HasSuffix(qual, ")") {
				// "Anneke Stellingwerf (last)", "Vasil Tsonev (acting)": the person, and how
				n = strings.TrimSpace(name)
				if w := strings.ToLower(strings.TrimSuffix(qual, ")")); w == "acting" || w == "interim" || w == "caretaker" {
					r = w + " " + r
				}
			}
			x.add(s, "", q, events.LeaderTookOffice{Office: events.Office{Person: x.mention(events.KindPerson, n, q), Role: r}})
		}
	case "ideology":
		if ideologies := splitList(v); len(ideologies) > 0 {
			x.add(s, "", q, events.PartyIdeology{Ideologies: ideologies})
		}
	case "position":
		x.add(s, "", q, events.PartyPosition{Position: v})
	case "international":
		x.affiliation(s, q, "international", v)
	case "colorcode", "colourcode", "colour", "color", "colours", "colors":
		x.add(s, "", q, events.EntityDescribed{Attribute: "colour", Value: v})
	case "slogan", "motto":
		value, translation := splitTranslation(v)
		if value == "" { // quotation marks around nothing, such as `Motto: "`
			return fmt.Errorf("%s %s has no words inside its quotation marks: %w", key, events.Excerpt(v, events.DefaultExcerpt), events.ErrInvalid)
		}
		x.add(s, "", q, events.EntityDescribed{Attribute: key, Value: value, Translation: translation, Language: language(value)})
	case "flag", "logo", "country", "headquarters", "website", "newspaper", "membership":
		x.add(s, "", q, events.EntityDescribed{Attribute: key, Value: v})
	default:
		if strings.HasSuffix(key, " wing") {
			x.add(s, "", q, events.PartyWing{Kind: strings.ToLower(f.Key), Wing: x.mention(events.KindOrganisation, v, q)})
			return nil
		}
		if strings.HasSuffix(key, " affiliation") || strings.HasSuffix(key, " affiliations") {
			// "National affiliation: Popular Front (1937–1941), Popular Unity (1969–1973)".
			x.affiliation(s, q, strings.TrimSuffix(key, "s"), v)
			return nil
		}
		if lang, ok := strings.CutSuffix(key, " name"); ok && !strings.Contains(lang, " ") {
			// "Swedish name: Agrarförbundet": the party's name in another language.
			for _, n := range splitList(v) {
				x.name(s, x.kind, n, events.NameAlternate, q)
			}
			return nil
		}
		x.add(s, "", q, events.EntityDescribed{Attribute: "infobox", Value: q})
	}
	return nil
}

// group applies the rule for a numbered group such as "Leader1 Title" / "Leader1 Name".
func (x *extractor) group(base string, g document.Group) {
	// A part with an empty value ("- Wing1:") is as good as absent.
	part := func(name string) (document.Field, bool) {
		f, ok := g.Parts[name]
		return f, ok && strings.TrimSpace(f.Value) != ""
	}
	title, hasTitle := part("Title")
	value, hasValue := part("Name")
	if !hasValue {
		value, hasValue = part("")
	}
	quote := func(fs ...document.Field) string {
		// Every line from the group's first to its last (the parts may come in any order, with other
		// fields between them): the first without its list marker, the others as written, so the
		// quote stays one passage of the document.
		first, last := fs[0].Line, fs[0].Line
		for _, f := range fs[1:] {
			first, last = min(first, f.Line), max(last, f.Line)
		}
		parts := []string{x.fieldQuote(document.Field{Line: first})}
		for n := first + 1; n <= last; n++ {
			parts = append(parts, x.lineText(n))
		}
		return strings.Join(parts, "\n")
	}
	s := x.subject
	switch {
	case !hasValue && hasTitle:
		// "Leader3 Title: Secretary-General" alone states an office; any other lone title, such as
		// "Wing2 Title: Women's wing", is kept as the infobox states it.
		q := quote(title)
		switch strings.ToLower(base) {
		case "leader", "leaders", "officer":
			x.add(s, "", q, events.EntityDescribed{Attribute: "office", Value: strings.TrimSpace(title.Value)})
		default:
			x.add(s, "", q, events.EntityDescribed{Attribute: "infobox", Value: q})
		}
		return
	case !hasValue:
		return
	}
	kind := strings.ToLower(base)
	fields := []document.Field{value}
	if hasTitle {
		kind = strings.ToLower(title.Value)
		fields = []document.Field{title, value}
	}
	q := quote(fields...)
	switch strings.ToLower(base) {
	case "leader", "leaders", "officer":
		for _, n := range splitList(value.Value) {
			x.add(s, "", q, events.LeaderTookOffice{Office: events.Office{Person: x.mention(events.KindPerson, n, q), Role: Role(kind)}})
		}
	case "wing":
		x.add(s, "", q, events.PartyWing{Kind: kind, Wing: x.mention(events.KindOrganisation, value.Value, q)})
	case "affiliation":
		x.affiliation(s, q, kind, value.Value)
	case "founder":
		x.add(s, "", q, events.PartyFounded{Name: x.title, Founders: []events.EntityID{x.mention(events.KindPerson, value.Value, q)}})
	default:
		x.add(s, "", q, events.EntityDescribed{Attribute: "infobox", Value: q})
	}
}

// Role normalises an office title: lower case, singular ("Vice Presidents" → "vice president").
func Role(title string) string {
	words := strings.Fields(strings.ToLower(title))
	// "its first president", "the new chairman": the office is the president's, the chairman's; a
	// first secretary's office is its own.
	for len(words) > 1 && (words[0] == "new" || words[0] == "first" && !strings.HasPrefix(words[1], "secretar")) {
		words = words[1:]
	}
	if n := len(words); n > 0 {
		w := words[n-1]
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3 {
			words[n-1] = strings.TrimSuffix(w, "s")
		}
	}
	return strings.Join(words, " ")
}

// splitList splits a value listed with commas or semicolons, keeping those inside parentheses and
// quotes (straight or curly).
func splitList(v string) []string {
	var out []string
	depth, curly, quoted, start := 0, 0, false, 0
	for i, r := range v {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case r == '“':
			curly++
		case r == '”' && curly > 0:
			curly--
		case r == '"':
			quoted = !quoted
		case (r == ',' || r == ';') && depth == 0 && curly == 0 && !quoted:
			if s := strings.TrimSpace(v[start:i]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(v[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// affiliation adds the party's membership of each body a value names, with the term in brackets
// after a body ("Socialist International (1989–1998)") dating it and its end.
func (x *extractor) affiliation(s events.EntityID, q, kind, value string) {
	for _, item := range splitList(value) {
		if noneValue(item) {
			continue // "International: None": no affiliation
		}
		start, end, kind := "", "", kind
		if m := trailingTermRE.FindStringSubmatchIndex(item); m != nil {
			// "(1995–2004)", or with how it belonged: "(partner, 2014–2020)".
			for _, part := range strings.FieldsFunc(item[m[2]:m[3]], func(r rune) bool { return r == ',' || r == ';' }) {
				if from, to, err := ProsePeriod(strings.TrimSpace(part)); err == nil {
					start, end = from, to
				} else if w := strings.TrimSpace(part); w != "" && kind != "member" {
					kind += " (" + w + ")"
				}
			}
			if start != "" || end != "" {
				item = strings.TrimSpace(item[:m[0]])
			}
		}
		org := x.mention(events.KindOrganisation, item, q)
		x.add(s, start, q, events.PartyAffiliation{Kind: kind, Organisation: org})
		if end != "" && end != start {
			x.add(s, end, q, events.PartyAffiliationEnded{Organisation: org})
		}
	}
}

// noneValue reports whether an infobox value says there is nothing: "None", "—", "N/A".
func noneValue(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "none", "—", "–", "-", "n/a", "na", "nil", "no", "unaffiliated", "independent":
		return true
	}
	return false
}

// trailingTermRE matches a term in brackets at the end of a value: " (1989–1998)", " (since 1983)".
var trailingTermRE = regexp.MustCompile(`\s*\(([^()]*\d{4}[^()]*)\)\s*$`)

// leaderTerms adds the terms an infobox gives a leader in brackets ("U Tin Aye (1958–1964;
// 1988–1995)", "Ana Ruiz (acting, 1990–1991)"): each a taking and a leaving of the office, dated. It
// reports false for a leader given without a term.
func (x *extractor) leaderTerms(s events.EntityID, q, item, role string) bool {
	first, err := readLeaderItem(item)
	if err != nil || first.start == "" {
		return false
	}
	terms := []leaderItem{first}
	if _, paren, ok := strings.Cut(item, "("); ok {
		for _, seg := range strings.Split(strings.TrimSuffix(strings.TrimSpace(paren), ")"), ";")[1:] {
			if later, err := readLeaderItem(first.name + " (" + strings.TrimSpace(seg) + ")"); err == nil && later.start != "" {
				terms = append(terms, later)
			}
		}
	}
	person := x.mention(events.KindPerson, first.name, q)
	for _, t := range terms {
		office := events.Office{Person: person, Role: role}
		if t.qualifier != "" {
			office.Role = t.qualifier + " " + role
		}
		x.add(s, t.start, q, events.LeaderTookOffice{Office: office})
		if t.end != "" {
			x.add(s, t.end, q, events.LeaderLeftOffice{Office: office})
		}
	}
	return true
}

// ownName reports whether the facts so far give the document's party the name n (its title, a
// former name, a name it was renamed from or to).
func (x *extractor) ownName(n string) bool {
	k := events.NameKey(n)
	for _, f := range x.facts {
		if f.Entity != x.subject {
			continue
		}
		switch p := f.Payload.(type) {
		case events.EntityNamed:
			if events.NameKey(p.Name) == k {
				return true
			}
		case events.PartyRenamed:
			if events.NameKey(p.From) == k || events.NameKey(p.To) == k {
				return true
			}
		}
	}
	return false
}

// listedParties returns the parties an infobox value lists, with commas, semicolons or "and" (where
// the document names each side elsewhere too: "Party of Labour and Dignity and Green Dnipro"), and the
// time a bracket at its end gives ("(2014)"), "" when none.
func (x *extractor) listedParties(v string, line int) ([]string, string) {
	date := ""
	if m := trailingTermRE.FindStringSubmatchIndex(v); m != nil {
		if d, err := ProseDate(v[m[2]:m[3]]); err == nil {
			date, v = d, strings.TrimSpace(v[:m[0]])
		}
	}
	elsewhere := func(name string) bool {
		return strings.Count(x.doc.Text, name) > strings.Count(x.lineText(line), name)
	}
	var out []string
	for _, item := range splitList(v) {
		parts := strings.Split(item, " and ")
		split := false
		for i := 1; i < len(parts) && !split; i++ {
			left, right := strings.Join(parts[:i], " and "), strings.Join(parts[i:], " and ")
			if elsewhere(left) && elsewhere(right) {
				out, split = append(out, left, right), true
			}
		}
		if !split {
			out = append(out, item)
		}
	}
	return out, date
}

// formerNames joins to each former name the term a list gives after it as an item of its own ("X,
// 1958–1989" is X (1958–1989)).
func formerNames(items []string) []string {
	var out []string
	for _, item := range items {
		if _, _, err := ProsePeriod(item); err == nil && len(out) > 0 && trailingTermRE.FindStringIndex(out[len(out)-1]) == nil {
			out[len(out)-1] += " (" + item + ")"
			continue
		}
		out = append(out, item)
	}
	return out
}

// nativeAfter splits "Name (name in its own script)" into the name and the names in brackets: those
// in another script, and the abbreviations among them ("(Партія праці і гідності, PPH)").
func nativeAfter(s string) (name string, natives, abbrevs []string, ok bool) {
	base, paren, found := strings.Cut(s, " (")
	paren, closed := strings.CutSuffix(paren, ")")
	if !found || !closed || strings.ContainsAny(paren, "()") || !otherScript(paren) || otherScript(base) {
		return s, nil, nil, false
	}
	for _, part := range strings.FieldsFunc(paren, func(r rune) bool { return r == ',' || r == ';' }) {
		switch part = strings.TrimSpace(part); {
		case otherScript(part):
			natives = append(natives, part)
		case allCaps(part) && !strings.Contains(part, " "):
			abbrevs = append(abbrevs, part)
		}
	}
	return strings.TrimSpace(base), natives, abbrevs, true
}

// splitQualifier splits "Khmer Will Party (self-declared; not legally)" into the name and the words in
// parentheses.
func splitQualifier(item string) (name, qualifier string) {
	if i := strings.Index(item, "("); i > 0 && strings.HasSuffix(item, ")") {
		return strings.TrimSpace(item[:i]), strings.TrimSpace(item[i+1 : len(item)-1])
	}
	return item, ""
}

func successionKind(qualifier string) string {
	q := strings.ToLower(qualifier)
	switch {
	case strings.Contains(q, "self-declared") || strings.Contains(q, "self declared"):
		return events.SuccessionSelfDeclared
	case strings.Contains(q, "unofficial"):
		return events.SuccessionUnofficial
	case strings.Contains(q, "legal") && !strings.Contains(q, "illegal") && !strings.Contains(q, "not legal") &&
		!strings.Contains(q, "non-legal"):
		return events.SuccessionLegal
	case strings.Contains(q, "morph") || strings.Contains(q, "transform"):
		return events.SuccessionTransformation
	}
	return events.SuccessionUnspecified
}

// splitTranslation splits `"សង្គ្រោះ បម្រើ ការពារ" ("Rescue, Serve, Protect")` into the value and its
// translation, without the quotation marks.
func splitTranslation(v string) (value, translation string) {
	value = v
	if i := strings.Index(v, "("); i > 0 && strings.HasSuffix(v, ")") {
		value, translation = strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+1:len(v)-1])
	}
	return strings.Trim(value, `"“”`), strings.Trim(translation, `"“”`)
}

// language returns "km" for text in Khmer script, "" otherwise.
func language(s string) string {
	for _, r := range s {
		if unicode.Is(unicode.Khmer, r) {
			return "km"
		}
	}
	return ""
}

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

// ProseDate turns a date as prose writes it ("30 November 1992", "November 1992", "1997", "c. 1997")
// into EDTF ("1992-11-30", "1992-11", "1997", "1997~"). It returns an error wrapping events.ErrInvalid
// for anything else, or for a day that does not exist.
func ProseDate(s string) (string, error) {
	words := strings.Fields(strings.TrimSpace(s))
	approx := ""
	if len(words) > 0 && (strings.EqualFold(words[0], "c.") || strings.EqualFold(words[0], "circa") || strings.EqualFold(words[0], "about")) {
		approx, words = "~", words[1:]
	}
	var out string
	switch len(words) {
	case 1:
		if isYear(words[0]) {
			out = words[0]
		}
	case 2:
		if m, ok := months[strings.ToLower(words[0])]; ok && isYear(words[1]) {
			out = fmt.Sprintf("%s-%02d", words[1], m)
		} else if season, ok := seasons[strings.ToLower(words[0])]; ok && isYear(words[1]) {
			out = fmt.Sprintf("%s-%d", words[1], season) // "autumn 1968": EDTF's season 23
		} else if m, ok := months[strings.ToLower(strings.Trim(words[1], "()"))]; ok && isYear(words[0]) && strings.HasPrefix(words[1], "(") {
			out = fmt.Sprintf("%s-%02d", words[0], m) // "1989 (June)": the election of June 1989
		}
	case 3:
		d, err := strconv.Atoi(words[0])
		m, ok := months[strings.ToLower(words[1])]
		if err == nil && ok && isYear(words[2]) {
			out = fmt.Sprintf("%s-%02d-%02d", words[2], m, d)
		} else if m, ok := months[strings.ToLower(words[0])]; ok && isYear(words[2]) {
			if d, err := strconv.Atoi(strings.TrimSuffix(words[1], ",")); err == nil {
				out = fmt.Sprintf("%s-%02d-%02d", words[2], m, d)
			}
		}
	}
	if out == "" {
		if m := trailingAsideRE.FindStringSubmatch(s); m != nil {
			// "2 July 1988 (25 Sene 1980 E.C.)", "1994 (Constituent Assembly)": the date before an aside.
			if d, err := ProseDate(m[1]); err == nil {
				return d, nil
			}
		}
		if m := trailingPlaceRE.FindStringSubmatch(s); m != nil {
			// "21 January 1978, Oruro", "14 March 1998; Ulaanbaatar": the date, then where.
			if d, err := ProseDate(m[1]); err == nil {
				return d, nil
			}
		}
		if rest, ok := strings.CutPrefix(strings.ToLower(strings.TrimSpace(s)), "early "); ok && isYear(rest) {
			return rest, nil // "early 1988": the year, as the running text's dates read it
		}
		for _, part := range []string{"mid-", "mid ", "late "} {
			if rest, ok := strings.CutPrefix(strings.ToLower(strings.TrimSpace(s)), part); ok && isYear(rest) {
				return rest, nil
			}
		}
		return "", fmt.Errorf("date %s is not a day, month or year as prose writes them: %w", events.Excerpt(s, events.DefaultExcerpt), events.ErrInvalid)
	}
	out += approx
	if _, err := events.ParseDate(out); err != nil {
		return "", fmt.Errorf("date %s: %w", events.Excerpt(s, events.DefaultExcerpt), err)
	}
	return out, nil
}

// trailingAsideRE splits a value into what comes before a closing parenthesised aside and the aside.
var trailingAsideRE = regexp.MustCompile(`^(.*\S)\s*\(([^()]*)\)\s*$`)

// trailingPlaceRE matches a date followed by the place it happened, after a comma or a semicolon:
// "21 January 1978, Oruro".
var trailingPlaceRE = regexp.MustCompile(`^([^,;]*\d{4})\s*[,;]\s+\p{Lu}[^\d]*$`)

// stillInOffice reports whether a term's end says the term goes on: "Incumbent", "present".
func stillInOffice(end string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(end), "()*")) {
	case "incumbent", "present", "current", "in office", "to date", "ongoing", "now", "today":
		return true
	}
	return false
}

// ProsePeriod reads a term as prose and tables write it ("1956–1961", "April 1972 – 1976", "1991–present",
// "since 1983", "1998 to 2003", "1998"): the EDTF of its start and of its end, the end "" for a term
// still running or open ("1991–"). A single date is a term that began and ended within it.
func ProsePeriod(s string) (start, end string, err error) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "()"))
	s = hyphenRE.ReplaceAllString(s, "$1–$2")
	if rest, ok := cutPrefixFold(s, "since "); ok {
		start, err = ProseDate(rest)
		return start, "", err
	}
	from, to, ranged := "", "", false
	if m := periodSepRE.FindStringIndex(s); m != nil {
		from, to, ranged = s[:m[0]], s[m[1]:], true
	}
	if !ranged {
		d, err := ProseDate(s)
		return d, d, err
	}
	if _, err := ProseDate(from); err != nil && isMonthName(from) {
		if y := yearAtEndRE.FindString(to); y != "" {
			from += " " + y // "February–June 1971": February of the year the end names
		}
	}
	if start, err = ProseDate(from); err != nil {
		return "", "", err
	}
	if t := strings.ToLower(strings.TrimSpace(to)); t == "" || t == "date" || stillInOffice(t) {
		return start, "", nil // "1991–present", "1991–"
	}
	if end, err = ProseDate(to); err != nil {
		return "", "", err
	}
	return start, end, nil
}

// yearAtEndRE matches the year that ends a date: "June 1971".
var yearAtEndRE = regexp.MustCompile(`\d{4}$`)

func isMonthName(s string) bool {
	_, ok := months[strings.ToLower(strings.TrimSpace(s))]
	return ok
}

// periodSepRE matches what stands between the start and the end of a term: a dash or " to ".
var periodSepRE = regexp.MustCompile(`\s*[–—−]\s*|\s+-\s+|\s+to\s+`)

// hyphenRE matches a hyphen written for the dash of a term: "1956-1961", "1991-present", "1991-".
var hyphenRE = regexp.MustCompile(`(\d)-(\d|[Pp]resent|$)`)

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// seasons are EDTF's numbers of the seasons (northern: spring is March to May).
var seasons = map[string]int{"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Number parses a count as written ("2,946,176") and reports whether it is one. It returns 0 when it
// is not, so that callers may ignore the report (ParseInt gives the nearest int64 for a count too
// large, which no table means).
func Number(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(s), ",", ""), 10, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}

// withoutKnownNames returns the drafted facts less the names that facts already give their entities.
func withoutKnownNames(facts, drafted []events.Fact) []events.Fact {
	known := map[string]bool{}
	for _, f := range facts {
		if n, ok := f.Payload.(events.EntityNamed); ok {
			known[string(f.Entity)+"\x00"+events.NameKey(n.Name)] = true
		}
	}
	var out []events.Fact
	for _, f := range drafted {
		if n, ok := f.Payload.(events.EntityNamed); ok && known[string(f.Entity)+"\x00"+events.NameKey(n.Name)] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// withoutOwnNames returns the facts of a document's structure without those that make another party
// of a name the running text gives the subject: "Preceded by: Agrarian Democratic Party" in the
// infobox of a party the text says was founded as the Agrarian Democratic Party is no predecessor,
// and no party of its own.
func withoutOwnNames(facts, drafted []events.Fact, subject events.EntityID) []events.Fact {
	own := map[events.EntityID]bool{}
	for _, f := range drafted {
		if n, ok := f.Payload.(events.EntityNamed); ok && f.Entity == subject && events.Slug(n.Name) != subject {
			own[events.Slug(n.Name)] = true
		}
	}
	if len(own) == 0 {
		return facts
	}
	out := facts[:0:0]
	for _, f := range facts {
		p, succession := f.Payload.(events.PartySucceeded)
		_, named := f.Payload.(events.EntityNamed)
		switch {
		case own[f.Entity] && succession && p.Successor == subject: // preceded by itself
		case f.Entity == subject && succession && own[p.Successor]: // succeeded by itself
		case own[f.Entity] && named:
		default:
			out = append(out, f)
		}
	}
	return out
}

// namesItself reports whether a document titled "X (P)" calls its subject X without the
// parenthetical: its infobox's name line, or its text after the title line, names X on its own. Then
// P only tells the party from others of the name ("Labour Party (Norway)"), and X is its name.
func namesItself(doc *document.Document, base string) bool {
	if doc.Infobox != nil && events.NameKey(doc.Infobox.Name) == events.NameKey(base) {
		return true
	}
	body := doc.Text
	if i := strings.Index(body, doc.Title); i >= 0 {
		body = body[i+len(doc.Title):]
	}
	for i := strings.Index(body, base); i >= 0; i = strings.Index(body, base) {
		rest := strings.TrimLeft(body[i+len(base):], " ")
		if !strings.HasPrefix(rest, "(") || !strings.HasPrefix(rest[1:], strings.TrimPrefix(doc.Title, base+" (")) {
			return true
		}
		body = body[i+len(base):]
	}
	return false
}
