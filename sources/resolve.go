package sources

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"annals/events"
	"annals/extract"
	"annals/projections"
)

// Record is what resolving the subject of a document reads of the record it is ingested into: a
// subset of events.Store.
type Record interface {
	// Resolve returns the entities known by a name or an id (see events.Store).
	Resolve(ctx context.Context, name string) ([]events.EntityID, error)
	// EntityEvents returns the events about or involving an entity (see events.Store).
	EntityEvents(ctx context.Context, id events.EntityID) ([]events.Stored, error)
	// Entities returns every entity of the record (see events.Store), for names close to a title's.
	Entities(ctx context.Context) ([]events.EntitySummary, error)
}

// Entity is what the rule of ResolveTitle knows of an entity: its kind, its names with their types and
// sources, and the countries it is described with.
type Entity struct {
	ID        events.EntityID
	Kind      events.Kind
	Names     []Name
	Countries []string
}

// Name is one name of an Entity: its type (events.NameOfficial, ...) and the label of the source that
// gives it.
type Name struct {
	Name, Type, Source string
}

// Resolution is what ResolveTitle decides about a document's subject.
type Resolution struct {
	// Subject is the entity the record already holds that the document is about, known as Name; ""
	// when the document keeps its own id.
	Subject  events.EntityID
	Name     string
	Evidence string // why Subject: the agreeing evidence, in words
	// Warning, when not empty, says why the document keeps its own id though the record may hold its
	// subject already: Candidates are the entities it may be.
	Warning    string
	Candidates []events.EntityID
}

// ResolveTitle decides which entity a document titled "X (P)" is about, given the entities known
// besides the document itself (those of the record and of the other documents of the batch; own is
// the document's own id, events.Slug of its title). It is the one place of this rule:
//
//   - A title without a trailing parenthetical, or whose own id the known entities hold already, keeps
//     its own id (a document fills the stub other documents named).
//   - Candidates are the parties known by the name X, folded as events.NameKey (or whose id is the
//     slug of X). P agrees with a candidate that holds P as an abbreviation or is described with the
//     country P; it disagrees when P is the country of other entities and the candidate has another
//     country, or the abbreviation of other entities and the candidate has another abbreviation.
//   - One candidate that P does not disagree with, or among several the one P agrees with: the
//     document is about it.
//   - Several candidates that P does not tell apart, one that P disagrees with, or only weak evidence
//     (no party known as X, but one whose abbreviation is P or whose name holds X): a warning listing
//     the candidates, and the document keeps its own id. The rule never joins on weak evidence.
func ResolveTitle(title string, own events.EntityID, known []Entity) Resolution {
	base, paren, ok := extract.SplitTitle(title)
	if !ok {
		return Resolution{}
	}
	for _, e := range known {
		if e.ID == own {
			return Resolution{}
		}
	}
	bk, pk, slug := events.NameKey(base), events.NameKey(paren), events.Slug(base)
	var named, abbr, country, partial []Entity
	isCountry, isAbbr := false, false
	for _, e := range known {
		hasName, hasAbbr, hasCountry, near := e.ID == slug, false, false, false
		for _, n := range e.Names {
			k := events.NameKey(n.Name)
			hasName = hasName || k == bk
			hasAbbr = hasAbbr || n.Type == events.NameAbbreviation && k == pk
			near = near || k != bk && (containsWords(k, bk) || containsWords(bk, k))
		}
		for _, c := range e.Countries {
			hasCountry = hasCountry || events.NameKey(c) == pk
		}
		isCountry, isAbbr = isCountry || hasCountry, isAbbr || hasAbbr
		if e.Kind != events.KindParty {
			continue
		}
		switch {
		case hasName:
			named = append(named, e)
		case near:
			partial = append(partial, e)
		}
		if hasAbbr {
			abbr = append(abbr, e)
		}
		if hasCountry {
			country = append(country, e)
		}
	}
	agrees := func(e Entity) string {
		switch {
		case inEntities(abbr, e.ID):
			return fmt.Sprintf("; %q is its abbreviation", paren)
		case inEntities(country, e.ID):
			return fmt.Sprintf("; it is described with the country %q", paren)
		}
		return ""
	}
	disagrees := func(e Entity) bool { // P is a country or abbreviation, and e has another
		abbrevs := false
		for _, n := range e.Names {
			abbrevs = abbrevs || n.Type == events.NameAbbreviation
		}
		return agrees(e) == "" && (isCountry && len(e.Countries) > 0 || isAbbr && abbrevs)
	}
	join := func(e Entity) Resolution {
		return Resolution{Subject: e.ID, Name: nameOf(e, bk), Evidence: fmt.Sprintf(
			"the title %q names %s: the record knows it as %q%s%s", title, e.ID, nameOf(e, bk), sourcesOf(e, bk), agrees(e))}
	}
	warn := func(why string, cands []Entity) Resolution {
		r := Resolution{Warning: fmt.Sprintf("the title %s %s; it keeps its own id %s (recorder merge joins two entities)", events.Excerpt(title, events.DefaultExcerpt), why, own)}
		for _, e := range cands {
			r.Candidates = append(r.Candidates, e.ID)
		}
		return r
	}
	switch {
	case len(named) == 1 && !disagrees(named[0]):
		return join(named[0])
	case len(named) == 1:
		return warn(fmt.Sprintf("may name %s, known as %q, but %q is the abbreviation or country of another entity", named[0].ID, base, paren), named)
	case len(named) > 1:
		var agreeing []Entity
		for _, e := range named {
			if agrees(e) != "" {
				agreeing = append(agreeing, e)
			}
		}
		if len(agreeing) == 1 {
			return join(agreeing[0])
		}
		return warn(fmt.Sprintf("may name any of %d parties known as %q", len(named), base), named)
	case len(abbr) == 1:
		return warn(fmt.Sprintf("ends in %q, the abbreviation of %s, but no party is known as %q", paren, abbr[0].ID, base), abbr)
	case len(partial) > 0:
		return warn(fmt.Sprintf("may name a party whose name is close to %q, but none is known by that name", base), partial)
	}
	return Resolution{}
}

// containsWords reports whether the words of b occur, in order and together, among the words of a.
func containsWords(a, b string) bool {
	return b != "" && strings.Contains(" "+a+" ", " "+b+" ")
}

func inEntities(es []Entity, id events.EntityID) bool {
	for _, e := range es {
		if e.ID == id {
			return true
		}
	}
	return false
}

// nameOf returns the name of e whose key is key, as the record writes it.
func nameOf(e Entity, key string) string {
	for _, n := range e.Names {
		if events.NameKey(n.Name) == key {
			return n.Name
		}
	}
	if len(e.Names) > 0 {
		return e.Names[0].Name
	}
	return string(e.ID)
}

// sourcesOf names the sources that give e the name whose key is key: " (named in a.txt, b.txt)".
func sourcesOf(e Entity, key string) string {
	var out []string
	seen := map[string]bool{}
	for _, n := range e.Names {
		if events.NameKey(n.Name) == key && n.Source != "" && !seen[n.Source] {
			seen[n.Source] = true
			out = append(out, n.Source)
		}
	}
	if len(out) == 0 {
		return ""
	}
	return " (named in " + strings.Join(out, ", ") + ")"
}

// Entities returns what facts say of the entities they are about, sorted by id: kind (the first a name
// states, else the one an event type implies), names and countries. Entities only involved in a fact
// are left out.
func Entities(facts []events.Fact) []Entity {
	byID := map[events.EntityID]*Entity{}
	declared := map[events.EntityID]bool{}
	for _, f := range facts {
		if f.Payload == nil || f.Entity == "" {
			continue
		}
		e := byID[f.Entity]
		if e == nil {
			e = &Entity{ID: f.Entity}
			byID[f.Entity] = e
		}
		switch p := f.Payload.(type) {
		case events.EntityNamed:
			if !declared[f.Entity] {
				e.Kind, declared[f.Entity] = p.Kind, true
			}
			e.Names = append(e.Names, Name{Name: p.Name, Type: p.NameType, Source: f.Source.Label()})
			continue
		case events.EntityDescribed:
			if p.Attribute == "country" {
				e.Countries = append(e.Countries, p.Value)
			}
		}
		if k := f.Type.EntityKind(); k != "" && e.Kind == "" {
			e.Kind = k
		}
		if n, ok := f.Payload.(events.Namer); ok {
			for _, name := range n.Names() {
				if strings.TrimSpace(name) != "" {
					e.Names = append(e.Names, Name{Name: name, Type: events.NameOfficial, Source: f.Source.Label()})
				}
			}
		}
	}
	out := make([]Entity, 0, len(byID))
	for _, e := range byID {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ResolveSubjects resolves the subject of each document of l whose title ends in a parenthetical and
// whose facts file sets no subject (see ResolveTitle), against the entities the other documents of l
// name and, when rec is not nil, those the record holds (the facts in force; entities a merge joins
// count as one, under its canonical id). A document resolved to an entity is read again about it: its
// facts replace the old ones in l.Facts. Each warning is added to l.Warnings, naming the document.
// Resolving the documents of one batch gives what resolving them in several runs would, provided the
// documents they join were recorded first. It returns the first error rec returns.
func (l *Loaded) ResolveSubjects(ctx context.Context, rec Record) error {
	changed := false
	for i, d := range l.docs {
		if (d.curated != nil && d.curated.Subject != "") || !hasParenthetical(d.doc.Title) {
			continue
		}
		known := Entities(l.factsBut(i))
		if rec != nil {
			stored, err := recordEntities(ctx, rec, d.doc.Title)
			if err != nil {
				return fmt.Errorf("resolve the subject of %s: %w", d.path, err)
			}
			known = mergeEntities(known, stored)
		}
		r := ResolveTitle(d.doc.Title, events.Slug(d.doc.Title), known)
		if r.Warning != "" {
			l.Warnings = append(l.Warnings, d.doc.Name+": "+r.Warning+candidateList(r.Candidates, known))
		}
		if r.Subject == "" {
			continue
		}
		// What it cannot read was listed in l.Unread when it was loaded.
		opts := l.withSubject(r)
		facts, _, err := extract.FactsWith(d.doc, d.curated, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", d.path, err)
		}
		l.docs[i].facts, l.docs[i].opts, changed = facts, opts, true
	}
	if changed {
		l.rebuild()
	}
	return l.resolveMentions(ctx, rec)
}

// resolveMentions reads again each document whose running text names a party with its country,
// "the X of Greece" or "the Moroccan X", when the other documents of l or the record hold exactly
// one party known as X that is described with that country: the name stands for that party, not for
// a party of its own (the rule of qualifiedName and countryAgrees).
func (l *Loaded) resolveMentions(ctx context.Context, rec Record) error {
	changed := false
	for i, d := range l.docs {
		if d.curated != nil || !d.opts.Draft {
			continue
		}
		aliases := map[string]events.EntityID{}
		var others []Entity // the entities of the other documents, once asked
		for _, e := range Entities(d.facts) {
			if e.Kind != events.KindParty {
				continue
			}
			for _, n := range e.Names {
				base, qualifier, ok := extract.QualifiedName(n.Name)
				if !ok {
					continue
				}
				if others == nil {
					others = Entities(l.factsBut(i))
				}
				id, err := partyOf(ctx, rec, others, base, qualifier)
				if err != nil {
					return fmt.Errorf("resolve the parties %s names: %w", d.path, err)
				}
				if id != "" && id != e.ID {
					aliases[n.Name] = id
				}
			}
		}
		if err := l.otherNames(ctx, rec, i, aliases, &others); err != nil {
			return err
		}
		if len(aliases) == 0 {
			continue
		}
		opts := d.opts
		opts.Aliases = aliases
		facts, _, err := extract.FactsWith(d.doc, d.curated, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", d.path, err)
		}
		l.docs[i].facts, l.docs[i].opts, changed = facts, opts, true
	}
	if rec != nil {
		var all []events.EntitySummary // the record's entities, read once for every document
		for i := range l.docs {
			found, err := l.namedBefore(ctx, rec, &all, i)
			if err != nil {
				return err
			}
			if len(found) > 0 {
				l.docs[i].facts, changed = append(l.docs[i].facts, found...), true
			}
		}
	}
	if changed {
		l.rebuild()
	}
	return nil
}

// otherNames adds to aliases the names by which the running text of the document at i names a party
// that is only a name there, while the other documents of l or the record know exactly one other
// party by it ("the Democratic Peasants and Workers Party", the former name another article gives
// its party): the name stands for that party. A party documented under that name (documented) stays
// its own, a name of one word or an abbreviation is never read so, and neither is one of a party
// described with another country than the document's.
func (l *Loaded) otherNames(ctx context.Context, rec Record, i int, aliases map[string]events.EntityID, others *[]Entity) error {
	d := l.docs[i]
	subject := d.opts.Subject
	if subject == "" {
		subject = events.Slug(d.doc.Title)
	}
	entities := Entities(d.facts)
	var countries []string
	for _, e := range entities {
		if e.ID == subject {
			countries = e.Countries
		}
	}
	for _, e := range entities {
		if e.Kind != events.KindParty || e.ID == subject {
			continue
		}
		for _, n := range e.Names {
			if _, done := aliases[n.Name]; done || n.Type == events.NameAbbreviation || len(strings.Fields(n.Name)) < 2 {
				continue
			}
			if *others == nil {
				*others = Entities(l.factsBut(i))
			}
			known := *others
			if rec != nil {
				stored, err := recordNamed(ctx, rec, n.Name)
				if err != nil {
					return fmt.Errorf("resolve the parties %s names: %w", d.path, err)
				}
				known = mergeEntities(known, stored)
			}
			id := onlyKnownAs(known, e.ID, n.Name, countries)
			if id == "" {
				continue
			}
			documented, err := l.documented(ctx, rec, e.ID)
			if err != nil {
				return fmt.Errorf("resolve the parties %s names: %w", d.path, err)
			}
			if !documented {
				aliases[n.Name] = id
			}
		}
	}
	return nil
}

// documented reports whether a party is more than a name the running text of articles gave: the
// subject of a document of l, or held by the record with a fact that no rule drafted from running
// text (its own article's title or infobox, another's infobox or table, a curated fact).
func (l *Loaded) documented(ctx context.Context, rec Record, id events.EntityID) (bool, error) {
	for _, d := range l.docs {
		if d.opts.Subject == id || d.opts.Subject == "" && events.Slug(d.doc.Title) == id {
			return true, nil
		}
	}
	if rec == nil {
		return false, nil
	}
	stored, err := rec.EntityEvents(ctx, id)
	if err != nil {
		return false, err
	}
	for _, st := range stored {
		if st.Event.Entity == id && st.Event.Method != events.MethodDrafted {
			return true, nil
		}
	}
	return false, nil
}

// onlyKnownAs returns the one party of known, other than own, that is known by name and not described
// with a country other than those given; "" when none or several are.
func onlyKnownAs(known []Entity, own events.EntityID, name string, countries []string) events.EntityID {
	key := events.NameKey(name)
	var found events.EntityID
	for _, e := range known {
		if e.Kind != events.KindParty || !slices.ContainsFunc(e.Names, func(n Name) bool { return events.NameKey(n.Name) == key }) {
			continue
		}
		if e.ID == own {
			continue // the party under its own name, which other articles' texts may give too
		}
		if len(countries) > 0 && len(e.Countries) > 0 && !slices.ContainsFunc(e.Countries, func(c string) bool {
			return slices.ContainsFunc(countries, func(o string) bool { return countryAgrees(c, o) })
		}) {
			continue
		}
		if found != "" && found != e.ID {
			return "" // two parties of that name: no guess
		}
		found = e.ID
	}
	return found
}

// namedBefore returns, for the document at i, the facts that join to its party the parties the
// record holds under its name qualified with its country ("the Moroccan Popular Renewal Party", named
// in an article recorded before this one): the document's party is the same entity as each
// (entity.same_as/v1, drafted), quoting the infobox line that gives the country.
func (l *Loaded) namedBefore(ctx context.Context, rec Record, all *[]events.EntitySummary, i int) ([]events.Fact, error) {
	d := l.docs[i]
	if d.curated != nil || !d.opts.Draft {
		return nil, nil
	}
	subject := d.opts.Subject
	if subject == "" {
		subject = events.Slug(d.doc.Title)
	}
	var own Entity
	for _, e := range Entities(d.facts) {
		if e.ID == subject {
			own = e
		}
	}
	var country *events.Fact
	for j, f := range d.facts {
		if p, ok := f.Payload.(events.EntityDescribed); ok && f.Entity == subject && p.Attribute == "country" {
			country = &d.facts[j]
		}
	}
	if country == nil || own.Kind != events.KindParty {
		return nil, nil
	}
	names := map[string]bool{}
	for _, n := range own.Names {
		names[events.NameKey(n.Name)] = true
	}
	if *all == nil {
		read, err := rec.Entities(ctx)
		if err != nil {
			return nil, fmt.Errorf("resolve the parties named before as %s: %w", d.path, err)
		}
		*all = read
	}
	var out []events.Fact
	for _, e := range *all {
		if e.Kind != events.KindParty || e.ID == subject {
			continue
		}
		for _, n := range e.Names {
			base, qualifier, ok := extract.QualifiedName(n)
			if !ok || !names[events.NameKey(base)] || !slices.ContainsFunc(own.Countries, func(c string) bool { return countryAgrees(c, qualifier) }) {
				continue
			}
			// About the document's party, so that it stays the one shown (projections.Identities).
			out = append(out, events.Fact{Type: events.TypeEntitySameAs, Entity: subject, Date: events.MustParseDate("XXXX"),
				Source: country.Source, Payload: events.EntitySameAs{Other: e.ID}, Method: events.MethodDrafted,
				Rule: "qualified-name", Note: fmt.Sprintf("%q, recorded before, is the name of this party qualified with its country", n)})
			break
		}
	}
	return out, nil
}

// factsBut returns the facts of the documents of l but the one at skip.
func (l *Loaded) factsBut(skip int) []events.Fact {
	var out []events.Fact
	for j, o := range l.docs {
		if j != skip {
			out = append(out, l.Facts[o.start:o.end]...)
		}
	}
	return out
}

// partyOf returns the one party, of the entities of the other documents and of the record, that is
// known as base and described with the country qualifier names; "" when none or several are.
func partyOf(ctx context.Context, rec Record, others []Entity, base, qualifier string) (events.EntityID, error) {
	known := others
	if rec != nil {
		stored, err := recordNamed(ctx, rec, base)
		if err != nil {
			return "", err
		}
		known = mergeEntities(known, stored)
	}
	bk := events.NameKey(base)
	var found events.EntityID
	for _, e := range known {
		if e.Kind != events.KindParty || !slices.ContainsFunc(e.Names, func(n Name) bool { return events.NameKey(n.Name) == bk }) ||
			!slices.ContainsFunc(e.Countries, func(c string) bool { return countryAgrees(c, qualifier) }) {
			continue
		}
		if found != "" && found != e.ID {
			return "", nil // two parties of that name and country: no guess
		}
		found = e.ID
	}
	return found, nil
}

// countryAgrees reports whether a country an entity is described with is the one a qualifier names:
// the country itself ("Greece"), a word of its people that begins as it does ("Moroccan" for
// Morocco, "Greek" for Greece; four letters at least), or one that does not ("Polish" for Poland).
func countryAgrees(country, qualifier string) bool {
	c, q := events.NameKey(country), events.NameKey(qualifier)
	if c == q || irregularDemonyms[q] == c {
		return true
	}
	n := 0
	for n < len(c) && n < len(q) && c[n] == q[n] {
		n++
	}
	return n >= 4
}

// irregularDemonyms are the words of a people that do not begin as their country's name does, by the
// country's name key.
var irregularDemonyms = map[string]string{"polish": "poland", "spanish": "spain", "danish": "denmark",
	"finnish": "finland", "french": "france", "dutch": "netherlands", "irish": "ireland", "swiss": "switzerland",
	"welsh": "wales", "cypriot": "cyprus", "lao": "laos", "british": "united kingdom", "filipino": "philippines",
	"malagasy": "madagascar", "burmese": "myanmar", "czech": "czech republic", "slovene": "slovenia",
	"basque": "spain", "flemish": "belgium", "walloon": "belgium", "emirati": "united arab emirates",
	"bangladeshi": "bangladesh", "thai": "thailand", "argentine": "argentina", "argentinian": "argentina",
	"peruvian": "peru", "icelandic": "iceland", "luxembourgish": "luxembourg", "maltese": "malta"}

func hasParenthetical(title string) bool { _, _, ok := extract.SplitTitle(title); return ok }

func candidateList(ids []events.EntityID, known []Entity) string {
	var b strings.Builder
	for _, id := range ids {
		var names []string
		for _, e := range known {
			if e.ID == id {
				for _, n := range e.Names {
					if !contains(names, n.Name) {
						names = append(names, n.Name)
					}
				}
			}
		}
		fmt.Fprintf(&b, "\n  %s  (%s)", id, strings.Join(names, "; "))
	}
	return b.String()
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// recordEntities reads, from the record, the entities a title "X (P)" may name: those known by X, by
// P, by the title itself or by its slug, each as the facts in force say, and under its canonical id
// when a merge joins it to others.
func recordEntities(ctx context.Context, rec Record, title string) ([]Entity, error) {
	base, paren, _ := extract.SplitTitle(title)
	out, ids, err := recordKnownAs(ctx, rec, base, paren, title, string(events.Slug(title)), string(events.Slug(base)))
	if err != nil {
		return nil, err
	}
	// Parties whose names are close to X, which only ever make a warning: their names are enough.
	summaries, err := rec.Entities(ctx)
	if err != nil {
		return nil, err
	}
	bk := events.NameKey(base)
	for _, s := range summaries {
		if ids[s.ID] || s.Kind != events.KindParty {
			continue
		}
		for _, n := range s.Names {
			if k := events.NameKey(n); k != bk && (containsWords(k, bk) || containsWords(bk, k)) {
				e := Entity{ID: s.ID, Kind: s.Kind}
				for _, n := range s.Names {
					e.Names = append(e.Names, Name{Name: n})
				}
				out = append(out, e)
				break
			}
		}
	}
	return out, nil
}

// recordNamed reads, from the record, the entities known by a name, as recordEntities reads them.
func recordNamed(ctx context.Context, rec Record, name string) ([]Entity, error) {
	out, _, err := recordKnownAs(ctx, rec, name)
	return out, err
}

// recordKnownAs reads, from the record, the entities known by any of names (or ids), each as the facts
// in force say and under its canonical id when a merge joins it to others, with the ids found.
func recordKnownAs(ctx context.Context, rec Record, names ...string) ([]Entity, map[events.EntityID]bool, error) {
	ids := map[events.EntityID]bool{}
	for _, name := range names {
		found, err := rec.Resolve(ctx, name)
		if err != nil {
			return nil, nil, err
		}
		for _, id := range found {
			ids[id] = true
		}
	}
	var all []events.Event
	byID := map[events.EntityID][]events.Event{}
	for id := range ids {
		stored, err := rec.EntityEvents(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		for _, st := range stored {
			byID[id] = append(byID[id], st.Event)
		}
		all = append(all, byID[id]...)
	}
	ident := projections.Identities(all, time.Time{})
	var facts []events.Fact
	for _, evs := range byID {
		for _, e := range projections.Effective(evs, time.Time{}) {
			if e.Type == events.TypeDocumentRecorded {
				continue
			}
			f := e.Fact
			f.Entity = ident.Canonical(f.Entity)
			facts = append(facts, f)
		}
	}
	var out []Entity
	for _, e := range Entities(facts) {
		if ids[e.ID] || ident.Joined(e.ID) {
			out = append(out, e)
		}
	}
	return out, ids, nil
}

// mergeEntities joins two lists of entities: an entity in both gets the names and countries of both.
func mergeEntities(a, b []Entity) []Entity {
	byID := map[events.EntityID]int{}
	out := append([]Entity{}, a...)
	for i, e := range out {
		byID[e.ID] = i
	}
	for _, e := range b {
		i, ok := byID[e.ID]
		if !ok {
			byID[e.ID] = len(out)
			out = append(out, e)
			continue
		}
		if out[i].Kind == "" {
			out[i].Kind = e.Kind
		}
		// Clipped: a's entities keep their own names and countries.
		out[i].Names = append(slices.Clip(out[i].Names), e.Names...)
		out[i].Countries = append(slices.Clip(out[i].Countries), e.Countries...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// withSubject returns the extractor's options for a document about the subject r resolved.
func (l *Loaded) withSubject(r Resolution) extract.Options {
	o := l.opts.extractOptions()
	o.Subject, o.Name, o.Evidence = r.Subject, r.Name, r.Evidence
	return o
}
