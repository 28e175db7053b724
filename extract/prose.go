package extract

import (
	"fmt"
	"iter"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"annals/document"
	"annals/events"
)

// Draft returns the facts drafted from the running text of doc (its paragraphs, not its infobox,
// tables or lists) by the rules of this file: foundings, dissolutions, bans, renames, mergers, splits,
// successions, leadership, arrests, flights, exiles, deaths, sentences, defections, election results
// told in sentences, and affiliations, each with the names of the entities it involves. subject is
// the entity the document is about ("it" and "the party" refer to it until the text moves on).
//
// Every drafted fact quotes its whole sentence, is marked events.MethodDrafted and names the rule
// that drafted it (Fact.Rule). The rules are deterministic and read nothing but doc. A date is parsed
// from the words of the sentence ("on 16 November 2017", "after 1993", "from 1985 to 1997", "the
// following year"); when the sentence gives none, the fact is undated (XXXX), never guessed.
//
// The text is read twice: the names the first reading learns the document's party by (the name it
// was founded under, a former name in brackets, "it bore the name X") stand for it from the first
// sentence of the second, so that "railwaymen formed the MPS in 1959" is the party's founding even
// when only a later sentence says that the MPS was its name.
func Draft(doc *document.Document, subject events.EntityID) []events.Fact {
	return draft(doc, subject, nil)
}

// draft is Draft with names that stand for entities held elsewhere (Options.Aliases).
func draft(doc *document.Document, subject events.EntityID, aliases map[string]events.EntityID) []events.Fact {
	known := func(d *drafter) *drafter {
		for name, id := range aliases {
			if id != subject {
				d.aliases[events.NameKey(name)], d.kinds[id] = id, events.KindParty
				if base, _, ok := QualifiedName(name); ok {
					d.qualified[events.NameKey(name)] = base // its name, without the country
				}
			}
		}
		return d
	}
	first := known(newDrafter(doc, subject))
	first.read()
	d := known(newDrafter(doc, subject))
	for key, id := range first.aliases {
		if _, known := d.aliases[key]; !known && id == subject {
			d.aliases[key] = subject
		}
	}
	d.read()
	d.diedInOffice()
	d.leftOnDefecting()
	return d.result()
}

// read drafts every sentence of the document's running text, in order.
func (d *drafter) read() {
	for _, sec := range d.doc.Sections {
		for _, b := range sec.Blocks {
			if b.Kind != document.Paragraph || strings.TrimSpace(b.Text) == strings.TrimSpace(d.doc.Title) {
				continue
			}
			d.carried = "" // a paragraph tells its own time
			// and is about the document's party until it says otherwise: "It" opening a paragraph
			// after one that ended on another party is the document's.
			d.topic, d.it = d.subject, d.subject
			for _, s := range sentences(b.Text) {
				d.sentence(s.text)
			}
		}
	}
}

// A walkout is a group of members who left a party, with the persons who led them.
type walkout struct {
	from    ref
	leaders []events.EntityID
}

// bracketName is another name of refs[of], given in brackets after it.
type bracketName struct {
	of   int
	name string
}

// drafter carries what one sentence tells the next: the entities "it", "the party" and "he" refer to,
// the last year named, and the names the document has given its entities.
type drafter struct {
	doc     *document.Document
	subject events.EntityID
	topic   events.EntityID // what "the party" refers to
	it      events.EntityID // what "it" at the start of the next sentence refers to
	person  events.EntityID // what "he" or "she" refers to
	before  events.EntityID // the person "he" or "she" referred to before that one
	// justFounded reports that the sentence before founded a party (d.newest), which "it" refers
	// to in a sentence that names no party before it.
	justFounded bool
	prior       prior // the last year, month and day named
	// carried is the last date of one day, month or year the paragraph named before the sentence at
	// hand: the time of an office changing hands in a sentence that names none ("On 10 December 1994
	// the parties merged. Ōta became deputy president of the new party.").
	carried  string
	dated    bool            // the sentence at hand names a time
	newest   events.EntityID // the party other than the subject the text founded last ("the new party")
	newestOn events.Date     // when
	newestIn string          // the sentence that founded it
	// walkout is a group that left a party in the sentence at hand, and walkedOut the one of the
	// sentence before, whose "They founded X" is a split.
	walkout, walkedOut *walkout
	// fullNames are the persons' names as first written in full, with the sentence that wrote it.
	fullNames map[events.EntityID][2]string
	text      string // the sentence at hand
	prevText  string // the sentence before it
	aliases   map[string]events.EntityID
	kinds     map[events.EntityID]events.Kind
	persons   map[string]events.EntityID // the words of persons' names, for "Khieu" after "Khieu Samphan"
	fresh     map[events.EntityID]bool   // the entities the sentence at hand names first
	current   map[events.EntityID]string // a party's name as the text has come to tell it: founded as, renamed to
	// bracketNames are the names the sentence at hand gives in brackets after a name, drafted once
	// its rules have said which entity that name is (a party founded under it, say).
	bracketNames []bracketName
	otherAbbrevs map[string]bool // abbreviations of another name of the subject (name keys)
	natives      map[string]bool // the subject's own name in another script, told in brackets after it (name keys)
	head         string          // the office of the party's head, as its leaders table names it (headOffice)
	joinedBody   events.EntityID // the body the text told a party joined last ("It left the coalition")
	joiner       events.EntityID // the party that joined it
	leaders      []string        // the names of the leaders the infobox and the leaders tables and lists give
	// calledBefore is the name the text said a party bore until a rename ("called the RAC until 1975").
	calledBefore map[events.EntityID]string
	banned       events.EntityID            // the party the text told was banned last ("It was lifted in 1944")
	qualified    map[string]string          // the names of other documents' parties qualified with a country, and the names without
	written      map[events.EntityID]string // the name the text first wrote for an entity
	facts        []events.Fact
	named        map[string]bool
}

func newDrafter(doc *document.Document, subject events.EntityID) *drafter {
	d := &drafter{doc: doc, subject: subject, topic: subject, it: subject,
		aliases: map[string]events.EntityID{}, kinds: map[events.EntityID]events.Kind{subject: events.KindParty},
		persons: map[string]events.EntityID{}, named: map[string]bool{}, otherAbbrevs: map[string]bool{}, natives: map[string]bool{}, current: map[events.EntityID]string{}, fresh: map[events.EntityID]bool{},
		calledBefore: map[events.EntityID]string{}, qualified: map[string]string{}, written: map[events.EntityID]string{}}
	title := titleName(doc.Title)
	d.aliases[events.NameKey(title)] = subject
	d.aliases[events.NameKey(doc.Title)] = subject
	if doc.Infobox != nil {
		for _, key := range []string{"Abbreviation", "Acronym", "Native name", "Short name", "Other name", "Former name", "Former names", "Previous name", "Previous names"} {
			if f, ok := doc.Infobox.Get(key); ok {
				for _, v := range formerNames(splitList(f.Value)) {
					if m := trailingTermRE.FindStringIndex(v); m != nil {
						v = strings.TrimSpace(v[:m[0]]) // "Movimiento Fuerza Andina (1998–2004)"
					}
					// "Formosa Labour Caucus (福爾摩沙勞動聯盟, FLC)", "Sramik Dal (SD)": the name, and
					// its abbreviation, stand for the party.
					if base, _, abbrevs, ok := nativeAfter(v); ok {
						v = base
						for _, a := range abbrevs {
							d.aliases[events.NameKey(a)] = subject
						}
					} else if name, qual := splitQualifier(v); qual != "" && allCaps(qual) && !strings.Contains(qual, " ") {
						v = name
						d.aliases[events.NameKey(qual)] = subject
					}
					d.aliases[events.NameKey(v)] = subject
				}
			}
		}
	}
	// The leaders the infobox and the leaders tables and lists name: "Saldanha Pires died in
	// office" is the table's Henrique Saldanha Pires.
	firsts := map[string][]events.EntityID{} // the first words of the leaders' names
	d.leaders = leaderNames(doc)
	for _, n := range d.leaders {
		id := events.Slug(n)
		if words := strings.Fields(n); len(words) > 1 && id != "" && d.kinds[id] == "" {
			for i := 1; i < len(words); i++ {
				if key := events.NameKey(strings.Join(words[i:], " ")); utf8.RuneCountInString(key) > 2 {
					d.persons[key] = id // the family name, and the last words of the name
				}
			}
			if key := events.NameKey(words[0]); !slices.Contains(firsts[key], id) {
				firsts[key] = append(firsts[key], id)
			}
		}
	}
	for key, ids := range firsts {
		if _, taken := d.persons[key]; !taken && len(ids) == 1 && utf8.RuneCountInString(key) > 3 {
			d.persons[key] = ids[0] // "Boonlert died in office": a name written first, as in Thai
		}
	}
	return d
}

// titleName is a title without a trailing parenthetical: "X (Country)" → "X".
func titleName(title string) string {
	if base, _, ok := SplitTitle(title); ok {
		return base
	}
	return title
}

// SplitTitle splits a title that ends in a parenthetical, "X (P)", into X and P. It reports false for
// any other title, or when X or P would be empty. It is the one reading of an encyclopedia's
// disambiguated title ("Labour Party (Norway)").
func SplitTitle(title string) (base, paren string, ok bool) {
	t := strings.TrimSpace(title)
	if !strings.HasSuffix(t, ")") {
		return "", "", false
	}
	open := strings.LastIndex(t, "(")
	if open < 0 {
		return "", "", false
	}
	base, paren = strings.TrimSpace(t[:open]), strings.TrimSpace(t[open+1:len(t)-1])
	if base == "" || paren == "" || strings.ContainsAny(paren, "()") {
		return "", "", false
	}
	return base, paren, true
}

// A ref is one entity a sentence refers to, by name or by pronoun.
type ref struct {
	id    events.EntityID
	kind  events.Kind
	name  string // the name as written; "" for a pronoun
	title string
}

// sentence drafts the facts of one sentence.
func (d *drafter) sentence(text string) {
	d.fresh, d.bracketNames, d.prevText, d.text = map[events.EntityID]bool{}, nil, d.text, text
	d.walkout, d.walkedOut = nil, d.walkout
	plain := blankWikiMarkup(text) // what the rules read; text stays the quote
	dates := findDates(plain, d.prior)
	d.dated = len(dates) > 0
	sk, refs, clauses := d.skeleton(plain)
	ctx := &sentenceContext{d: d, text: text, sk: sk, refs: refs, dates: d.datesOf(sk, refs)}
	newest := d.newest
	ctx.draft()
	ctx.settleInitially()
	for _, clause := range clauses {
		// A relative clause tells facts of its own: "X, who had founded the party in 1992, died".
		c := &sentenceContext{d: d, text: text, sk: clause, refs: refs, dates: d.clauseDates(clause, refs)}
		c.draft()
	}
	d.titleChanges(text)
	for _, b := range d.bracketNames {
		// A party's other names, and the name they follow, even when the sentence tells nothing of it.
		switch of := refs[b.of]; of.kind {
		case events.KindParty, events.KindOrganisation:
			d.addName(text, of.id, of)
			d.addName(text, of.id, ref{id: of.id, kind: of.kind, name: b.name})
		case events.KindPerson:
			d.addName(text, of.id, of)
			d.addName(text, of.id, ref{id: of.id, kind: of.kind, name: b.name})
		}
	}
	// What the next sentence's "it", "he" and "the party" refer to.
	firstPerson, lastParty := events.EntityID(""), events.EntityID("")
	possessive := map[int]bool{} // "After Castañeda's death, Mamani became…": "she" is not Castañeda
	for _, m := range possessiveRE.FindAllStringSubmatch(sk, -1) {
		n, _ := strconv.Atoi(m[1])
		possessive[n] = true
	}
	for i, r := range refs {
		switch {
		case r.name == "":
		case r.kind == events.KindPerson && firstPerson == "" && !possessive[i]:
			firstPerson = r.id
		case r.kind == events.KindParty:
			lastParty = r.id
		}
	}
	// "… convicted him …, but Babangida pardoned him … and he returned home": the person the
	// sentence's pronouns keep to, twice or more, is still the one told of, not the one it names.
	told := map[events.EntityID]int{}
	for _, r := range refs {
		if r.name == "" && r.kind == events.KindPerson && r.id != "" {
			told[r.id]++
		}
	}
	for id, n := range told {
		if n >= 2 && id != firstPerson && n > told[firstPerson] {
			firstPerson = id
		}
	}
	if firstPerson != "" && firstPerson != d.person {
		d.before, d.person = d.person, firstPerson
	}
	d.justFounded = d.newest != newest
	switch subject, ok := sentenceSubject(sk, refs); {
	case d.newest != newest:
		d.it = d.newest // "… merged to form the New Party. It …": the party the sentence founded
	case ok && subject.kind == events.KindParty:
		d.it = subject.id // "It was founded … by members who left the X Party. It …": still the subject
	case lastParty != "":
		d.it = lastParty
	default:
		d.it = d.topic
	}
	for _, dt := range ctx.dates {
		if !strings.Contains(dt.edtf, "/") && dt.edtf != "XXXX" && !otherSourcesRE.MatchString(sk[:dt.start]) && !instrumentYearRE.MatchString(sk[:dt.start]) {
			// The main clause's time, not a relative clause's recollection, nor the time other
			// sources give ("Some sources give 1985 as the founding year, as it was only registered
			// in February 1985. X was elected president": not in February 1985).
			d.carried = dt.edtf
		}
	}
	for _, dt := range dates {
		d.prior = d.prior.after(dt.edtf, dt.year) // "the same day" after a month or a year names no day
	}
}

// possessiveAt reports whether the name that ends at offset end of text is in the possessive
// ("After Achola's death she…": "she" is not Achola).
func possessiveAt(text string, end int) bool {
	return strings.HasPrefix(text[end:], "'s") || strings.HasPrefix(text[end:], "’s")
}

// possessiveEnd returns where the possessive "'s" in a name begins ("Farzaneh's Letters"), or 0.
func possessiveEnd(name string) int {
	for _, p := range []string{"'s ", "’s "} {
		if i := strings.Index(name, p); i > 0 {
			return i
		}
	}
	return 0
}

// possessiveRE matches a name in the possessive ("⟦3⟧'s").
var possessiveRE = regexp.MustCompile(`⟦(\d+)⟧(?:'s|’s)\b`)

// sentenceSubject returns the entity a sentence opens with ("It was…", "The League won…"), its
// grammatical subject, and false when the sentence opens otherwise ("In 1990 the party…").
func sentenceSubject(sk string, refs []ref) (ref, bool) {
	m := subjectMarkerRE.FindStringSubmatch(sk)
	if m == nil {
		return ref{}, false
	}
	n, _ := strconv.Atoi(m[1])
	if n >= len(refs) {
		return ref{}, false
	}
	return refs[n], true
}

var subjectMarkerRE = regexp.MustCompile(`^(?:(?:In|On|By|During|After|Before|Later|Then|Soon|Eventually|From|Until|Till|Between|Since|Throughout|Following|Within|Around|Towards?|Upon|Shortly|Ahead|Prior|At|For|Despite|Amid|Over|Under|Once|Meanwhile|Subsequently|Thereafter|Afterwards|Early|Late)\b[^,⟦]*?,?\s+)?(?:[Tt]he\s+)?⟦(\d+)⟧\s+\p{Ll}`)

// clauseDates is datesOf for a relative clause of the sentence at hand: a year the sentence names
// counts as named before it ("chairman in 2018, replacing X, who resigned on 13 June": not of the
// year the sentences before named).
func (d *drafter) clauseDates(clause string, refs []ref) []proseDate {
	saved := d.prior
	at := len(d.text) // where the clause stands in the sentence, when its words can be found there
	if words := clauseWordsRE.FindStringSubmatch(clause); words != nil {
		if i := strings.Index(d.text, words[1]); i >= 0 {
			at = i
		}
	}
	for _, dt := range findDates(d.text, d.prior) {
		if dt.start >= at {
			break // "Łukšyc, arrested in Minsk that August, was sentenced in 2021": not 2021's August
		}
		if dt.year != 0 {
			d.prior = d.prior.after(dt.edtf, dt.year)
			d.prior.inText, d.prior.open = true, strings.Contains(dt.edtf, "/")
		}
	}
	defer func() { d.prior = saved }()
	return d.datesOf(clause, refs)
}

// clauseWordsRE matches the first words of a clause's own text, after its subject and "was": the
// words to find the clause by in its sentence.
var clauseWordsRE = regexp.MustCompile(`^⟦\d+⟧\s+(?:(?:was|were)\s+)?([^⟦,;]{6,}?)(?:\s+⟦|[,;]|$)`)

// datesOf returns the dates written in s: those findDates reads, "the same day" or "that day" for
// the last day a sentence named ("… on 12 October 2004. The old party was dissolved the same day."),
// and "after X's death" for the day the text said X died.
func (d *drafter) datesOf(s string, refs []ref) []proseDate {
	dates := findDates(s, d.prior)
	for _, m := range deathOfRE.FindAllStringSubmatchIndex(s, -1) {
		g := 2 // "after X's death", else "after the death of X"
		if m[g] < 0 {
			g = 4
		}
		n, _ := strconv.Atoi(s[m[g]:m[g+1]])
		if n >= len(refs) || refs[n].kind != events.KindPerson {
			continue
		}
		// What followed a death at once ("after his death, Y became acting leader") is dated by it.
		if died := d.diedOn(refs[n].id); !died.IsZero() {
			dates = append(dates, proseDate{start: m[0], end: m[1], edtf: died.String(), year: d.prior.year})
		}
	}
	for _, loc := range sameDayRE.FindAllStringIndex(s, -1) {
		day := d.prior.dayText()
		if monthNameRE.MatchString(s[:loc[0]]) {
			day = "" // "on 22 May …, the same day": a day this sentence names, whether read or not
		}
		for _, dt := range dates {
			if dt.end <= loc[0] && len(dt.edtf) == len("2006-01-02") {
				day = dt.edtf // "on 22 May …, made prime minister the same day"
			}
		}
		if day != "" {
			dates = append(dates, proseDate{start: loc[0], end: loc[1], edtf: day, year: d.prior.year})
		}
	}
	return dates
}

// deathOfRE matches "after X's death", "following the death of X": what happened after a death the
// text dated.
var deathOfRE = regexp.MustCompile(`(?i:after|following|upon|on)\s+(?:⟦(\d+)⟧(?:'s|’s)\s+(?:\w+\s+)?death|the\s+(?:\w+\s+)?death\s+of\s+⟦(\d+)⟧)`)

// diedOn returns the date the text said person died, or the zero date.
func (d *drafter) diedOn(person events.EntityID) events.Date {
	for _, f := range d.facts {
		if _, ok := f.Payload.(events.PersonDied); ok && f.Entity == person && !f.Date.Unknown() {
			return f.Date
		}
	}
	return events.Date{}
}

// monthNameRE matches the name of a month.
var monthNameRE = regexp.MustCompile(`\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b`)

// sameDayRE matches the words that name the day named last.
var sameDayRE = regexp.MustCompile(`\b(?:on\s+)?(?:the\s+same\s+day|that\s+(?:same\s+)?day|the\s+very\s+same\s+day)\b`)

// draft runs every rule on the sentence's skeleton.
func (c *sentenceContext) draft() {
	// "The party holds that the MPRP ceased to exist in 1992": what someone says, not what happened,
	// in the part of the sentence (between semicolons) that says so: "… annulled the party's
	// registration; party officials alleged that the decision was political" annulled it.
	parts := strings.Split(c.text, ";")
	reported := func(at int) bool {
		if n := strings.Count(c.sk[:at], ";"); len(parts) == strings.Count(c.sk, ";")+1 && n < len(parts) {
			return reportedRE.MatchString(parts[n])
		}
		return reportedRE.MatchString(c.text)
	}
	for _, r := range proseRules() {
		for _, m := range r.re.FindAllStringSubmatchIndex(c.sk, -1) {
			if reported(m[0]) {
				continue
			}
			if requestedRE.MatchString(c.sk[:m[1]]) {
				continue // "the prosecutor asked the Supreme Court to ban the party": asked for, not done
			}
			if denied(c.sk[m[0]:m[1]]) || negatedBeforeRE.MatchString(c.sk[:m[0]]) {
				continue // "Ben Yedder never retired", "was not dissolved", "never formally banned the movement": nothing happened
			}
			if relativePluperfectRE.MatchString(c.sk[:m[0]]) && hadBeenRE.MatchString(c.sk[m[0]:m[1]]) {
				continue // "the provision under which the party had been banned": told, not happening
			}
			c.rule, c.match = r.name, m
			r.draft(c)
		}
	}
}

// relativePluperfectRE matches the end of the words before a relative clause ("the provision under
// which", "the decree whereby"); hadBeenRE a pluperfect passive. A pluperfect in such a clause names
// an event told before, as what the clause's noun refers to, not one happening at the sentence's
// time.
var (
	relativePluperfectRE = regexp.MustCompile(`\b(?:which|whereby|whom)\s+$`)
	hadBeenRE            = regexp.MustCompile(`\bhad\s+been\b`)
)

// reportedRE matches the words that make a sentence a claim someone makes rather than the article's
// own telling: "the party holds that", "According to the party,", reports and rumours, denials.
var reportedRE = regexp.MustCompile(`\b(?:holds|claims|claimed|maintains|maintained|argues|argued|alleges|alleged|asserts|asserted|insists|insisted|contends|contended|denied|denies)\s+that\b|\b(?i:according\s+to)\s+(?:the\s+party|its\s+own|the\s+party's|party\s+histories|its\s+(?:leaders|founders|supporters|members))\b|` +
	// "Reports in 1999 that Mbaruk had resigned were denied by the party", "was rumoured to be
	// considering a merger": what was said, or denied, not what happened.
	`\b(?i:reports?|rumou?rs?|speculation|allegations|suggestions)\s+(?:in\s+\d{4}\s+|of\s+\d{4}\s+)?that\b|\b(?:was|were)\s+(?:\w+\s+)?(?:denied|dismissed|refuted)(?:\s+by\b|\s*[.,;]|\s*$)|\brumou?red\s+to\b`)

// denied reports whether the words a rule matched deny what they tell: a verb denied, unless
// another verb joined by "and" follows it ("never won a seat and was absorbed": the absorption
// happened).
func denied(words string) bool {
	loc := negatedRE.FindStringIndex(words)
	return loc != nil && !andVerbRE.MatchString(words[loc[1]:])
}

// andVerbRE matches a second verb joined to a denied one: "… and was absorbed", "… and died".
var andVerbRE = regexp.MustCompile(`\s+and\s+(?:(?:was|were|had|has)\s+)?(?:[a-z]+ed|died|left|became|joined|split|broke)\b`)

// requestedRE matches words that end inside a request: "asked the Supreme Court to ban the party",
// "petitioned the court to dissolve it", "called for the party to be banned".
var requestedRE = regexp.MustCompile(`\b(?:asked|petitioned|requested|urged|sought|called\s+(?:on|upon|for)|appealed\s+to|applied\s+to|demanded|threatened|proposed|moved|wanted|tried|attempted|planned|voted\s+against)\b[^;.]*?\bto\s+(?:be\s+)?(?:ban|banned|dissolve|dissolved|outlaw|outlawed|disband|disbanded|deregister|deregistered|proscribe|proscribed|suspend|suspended|cancel|revoke|arrest|arrested|expel|expelled)\b[^;.]*$`)

// negatedBeforeRE matches a denial right before the words a rule matched: "never formally ", "did not ".
var negatedBeforeRE = regexp.MustCompile(`\b(?:never|not|no\s+longer|(?:did|does|do)n't)\s+(?:(?:formally|officially|actually|yet|really|ever)\s+)*$`)

// negatedRE matches a verb denied: "never retired", "was not dissolved", "did not resign" (but not
// "never came back and died").
var negatedRE = regexp.MustCompile(`\b(?:never|not|no\s+longer)\s+(?:(?:been|be|yet|formally|officially|actually)\s+)*(?:\w+(?:ed|en)|left|led|won|fled|quit|held|took|became|split|broke|ran)\b|\b(?:did|does|do)(?:\s+not|n't)\s+\w+`)

// quotedNameRE matches a name in quotation marks: "founded the 'Madhesi Forum'" reads as a name.
var quotedNameRE = regexp.MustCompile(`["“‘'«]\s*(⟦\d+⟧)\s*["”’'»]`)

// formerBracketRE matches brackets after a name that give a name it had before: "(formerly the
// X)", "(known until 2004 as X)".
var formerBracketRE = regexp.MustCompile(`^\(\s*(?:formerly|previously|originally|(?:known|called|named)\s+until)\s+[^()]*⟦\d+⟧[^()]*\)$`)

// afterNameRE matches a name with the words in brackets after it (its abbreviation, its name in
// another script), which the rules read past.
var afterNameRE = regexp.MustCompile(`(⟦\d+⟧)(\s*\([^()]*\))`)

// whoClauseRE matches a relative clause of a person; appositionHeadRE the person an apposition
// that ends where the clause's name stands describes ("⟦3⟧, a professor of law at the ").
var (
	whoClauseRE      = regexp.MustCompile(`^,\s+(?:who|whom|whose)\s`)
	appositionHeadRE = regexp.MustCompile(`(⟦\d+⟧),\s+(?:a|an|the)\s+[^,;⟦]*$`)
)

// relativeRE matches a relative clause between commas (or a comma and a semicolon or the sentence's
// end) after a name ("X, who had brought a group
// of deputies into the party, left"); appositionRE an apposition ("X, the novelist known as Y,
// became"). The rules read past both to the verb.
var (
	relativeRE   = regexp.MustCompile(`(⟦\d+⟧(?:\s+and\s+(?:his|her|their)\s+(?:followers|supporters|allies|faction|wing|group))?),\s+(?:(?:who|which|whose)\s|(?:by\s+(?:then|now)\s+)?[a-z]+ed\s|[a-z]*[^h\s]en\s)[^,;⟦]*(?:⟦\d+⟧[^,;⟦]*)*([,;]|\.$)`)
	appositionRE = regexp.MustCompile(`(⟦\d+⟧),\s+(?:the|a|an|its|his|her|their|⟦\d+⟧'s|⟦\d+⟧’s)\s[^,;⟦]*(?:⟦\d+⟧[^,;⟦]*)*,`)
)

// listItemRE matches the words between commas that are one more name of a list ("the ⟦3⟧");
// listGoesOnRE what follows such an item in a list: another name, then a comma or "and".
var (
	listItemRE   = regexp.MustCompile(`^\s+(?:the\s+)?⟦\d+⟧,$`)
	listGoesOnRE = regexp.MustCompile(`^\s+(?:the\s+)?⟦\d+⟧(?:,|\s+and\s|\s+as\s+well\s+as\s)`)
)

// clauseVerbRE matches a verb in the past with its object ("banned the", "seized ⟦1⟧"): words
// between commas after a name that hold one are a clause, not an apposition.
var clauseVerbRE = regexp.MustCompile(`\b[a-z]{3,}ed\s+(?:the\s|a\s|an\s|its\s|⟦)`)

// subjectRE matches what follows a name that is the subject of a verb: a lower-case word, or a comma
// and a verb in the past after an apposition ("the founders, the Popular Agrarian Party, traced").
var subjectRE = regexp.MustCompile(`^(?:\s+\p{Ll}|,\s+[a-z]+ed\b)`)

// instrumentYearRE matches the end of an act's name before its year: "the Organic Act on Political
// Parties of ", "the Special Powers Act ". Such a year names the act, not a time the text tells.
var instrumentYearRE = regexp.MustCompile(`\b(?:Act|Law|Code|Constitution|Decree|Order|Ordinance|Statute|Regulations?)\b(?:\s+(?:on|of|for)\s+[\p{L} ]{1,40}?)?\s+(?:of\s+)?$`)

// foundingMeetingRE matches the words that place what a sentence tells at the party's founding:
// "at the founding meeting", "at its founding congress", "at the party's foundation".
var foundingMeetingRE = regexp.MustCompile(`(?i)\bat\s+(?:the|its|the\s+party's)\s+(?:founding\s+(?:meeting|congress|conference|assembly|convention|session)|foundation|founding|inaugural\s+(?:meeting|congress|conference|convention))\b`)

// preciseFounding returns the most precise date of a founding of party the text told, "" when none
// is dated.
func (d *drafter) preciseFounding(party events.EntityID) string {
	best := ""
	for _, f := range d.facts {
		if _, ok := f.Payload.(events.PartyFounded); ok && f.Entity == party && !f.Date.Unknown() && !strings.Contains(f.Date.String(), "/") {
			if s := f.Date.String(); len(s) > len(best) {
				best = s
			}
		}
	}
	return best
}

// founderRE matches the words that name the party's founder: "its founder", "the party's founder".
var founderRE = regexp.MustCompile(`\b(?:[Ii]ts|[Tt]he\s+party's|[Tt]he\s+party’s)\s+(?:founder|founding\s+(?:leader|chairman|chairwoman|president))\b`)

// copulaAfterRE matches what follows words that a sentence goes on to name: "… and first chairman
// was", "… was", "… is".
var copulaAfterRE = regexp.MustCompile(`^(?:\s+and\s+[\w\s-]*?)?\s+(?:was|is|were|are|remains)\b|^,`)

// soleFounder returns the one person the text told founded party, "" when it told none or several.
func (d *drafter) soleFounder(party events.EntityID) events.EntityID {
	var out events.EntityID
	for _, f := range d.facts {
		if p, ok := f.Payload.(events.PartyFounded); ok && f.Entity == party {
			for _, x := range p.Founders {
				if out != "" && out != x {
					return ""
				}
				out = x
			}
		}
	}
	if out == "" && party == d.topic {
		// The infobox's founder: "Founder: Abul Kashem Chowdhury".
		if v, ok := d.infoboxField("Founder", "Founders", "Founded by"); ok {
			if names := splitList(v); len(names) == 1 && isCap(names[0]) {
				return personID(withoutQualifier(names[0]))
			}
		}
	}
	return out
}

var pronounRE = regexp.MustCompile(`\b(?:[Ii]t|[Tt]he (?:(?:new|merged|unified|combined|joint|clandestine|banned|exiled|reformed|refounded|old|former|original|renamed|united|young|small|underground|outlawed)\s+)?(?:[Pp]arty|[Mm]ovement|[Oo]rganisation|[Oo]rganization|[Bb]loc|[Aa]lliance|[Cc]oalition|[Aa]ssociation|[Ff]ront|[Ll]eague|[Uu]nion|[Bb]ond|[Ff]ederation|[Ss]ociety|[Cc]lub|[Cc]aucus|[Cc]ommittee)|[Hh]e|[Ss]he|him|her)\b`)

// formerNameRE matches an apposition that gives a former name: ", the former ⟦2⟧,".
var formerNameRE = regexp.MustCompile(`^\s*the\s+(?:former|erstwhile)\s+⟦\d+⟧\s*,?$`)

// quotedPartRE matches the part of a party's name in quotation marks: "Ojcowizna" in People's
// Movement "Ojcowizna".
var quotedPartRE = regexp.MustCompile(`["“„«]([^"“”„«»]+)["”»]`)

// newPartyWordRE matches the words for the party the text founded last: "the new party", "the
// merged party".
var newPartyWordRE = regexp.MustCompile(`^the\s+(?:new|merged|unified|combined|joint)\s`)

// objectItRE matches the words before an "it" that is the object of a verb ("led it", "banned it"):
// a word in lower case that is no conjunction.
var objectItRE = regexp.MustCompile(`\b(?:[a-z]+ed|took|won|left|ran|kept|made|gave|saw|held|joined|led)\s+$`)

// openingSubjectRE matches what may stand before a sentence's subject: nothing, or "The".
var openingSubjectRE = regexp.MustCompile(`^(?:[Tt]he\s+)?$`)

// thatItRE matches the words of a finding about the party named before that "it" opens: "ruling
// that it", "on the grounds that it".
var thatItRE = regexp.MustCompile(`\b(?:ruling|ruled|finding|found|arguing|argued|claiming|claimed|saying|said|stating|noting|holding|held|on\s+the\s+grounds)\s+that\s+$`)

// objectOfRE matches a preposition that "it" is the object of: "absorbed into it", "split from it".
var objectOfRE = regexp.MustCompile(`\b(?:into|with|from|against)\s+$`)

// honorificBeforeRE matches the word right before a name, which may be an honorific: "Dr. ", "Ato ".
var honorificBeforeRE = regexp.MustCompile(`\b(\p{L}+)\.?\s+$`)

// headNounRE matches a name and the lower-case word for the kind of body it names: "⟦3⟧ coalition".
var headNounRE = regexp.MustCompile(`⟦\d+⟧\s+(?:coalition|alliance|bloc|electoral\s+list|joint\s+list)\b`)

// joinDashed joins two names a dash stands between into one when the text knows them as one:
// "New Georgia – Civic Renewal", "Fidesz – Hungarian Civic Alliance".
func (d *drafter) joinDashed(text string, ms []mention) []mention {
	var out []mention
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		for i+1 < len(ms) && dashGapRE.MatchString(text[m.end:ms[i+1].start]) {
			joined := text[m.start:ms[i+1].end]
			if _, known := d.aliases[events.NameKey(joined)]; !known {
				break
			}
			m = mention{start: m.start, end: ms[i+1].end, name: joined, title: m.title, kind: events.KindParty}
			i++
		}
		out = append(out, m)
	}
	return out
}

// dashGapRE matches a dash between two words of one name: " – ", " - ", " — ".
var dashGapRE = regexp.MustCompile(`^\s+[–—-]\s+$`)

// skeleton replaces every name and pronoun of a sentence by a marker ⟦n⟧, n indexing refs, so that
// the rules read the shape of the sentence: "⟦0⟧ was founded by ⟦1⟧ in 1992".
func (d *drafter) skeleton(text string) (string, []ref, []string) {
	type piece struct {
		start, end int
		r          ref
	}
	var pieces []piece
	if strings.HasPrefix(text, "It ") {
		// "It" opening a sentence is the party the sentence before ended on, and from now on the
		// party the text is about.
		d.topic = d.it
	}
	eras := eraSpans(text)
	for _, m := range d.joinDashed(text, findMentions(text)) {
		if slices.ContainsFunc(eras, func(e [2]int) bool { return m.start < e[1] && e[0] < m.end }) {
			continue // "1984 E.C.": the era of a year, no name (findDates reads it)
		}
		if id, known := d.aliases[events.NameKey(m.name)]; (!known || id == events.Slug(m.name)) && (bodyWords[strings.ToLower(m.name)] && d.namedBy(d.topic, m.name) || d.lastWordOf(d.topic, m.name) && strings.HasSuffix(strings.ToLower(text[:m.start]), "the ")) {
			// "The League won 11 seats" in a text about the Social Reform League: that party (a
			// reading before may have taken the word for a party of its own).
			pieces = append(pieces, piece{m.start, m.end, ref{id: d.topic, kind: events.KindParty}})
			continue
		}
		if _, known := d.aliases[events.NameKey(m.name)]; !known && strings.HasSuffix(strings.ToLower(text[:m.start]), "the ") {
			id := d.endingIn(m.name)
			if id == "" && bodyWords[strings.ToLower(m.name)] && !d.namedBy(d.topic, m.name) {
				id = d.nameEndingIn(m.name) // "The Bloc was wound up": the bloc told of
			}
			if id != "" {
				// "The Vanguard won a single seat" after the Socialist Workers' Vanguard: that party.
				pieces = append(pieces, piece{m.start, m.end, ref{id: id, kind: events.KindParty, name: m.name}})
				continue
			}
		}
		r, ok := d.resolve(m)
		if !ok {
			continue
		}
		if _, seen := d.written[r.id]; !seen && r.id != "" && m.name != "" && !allCaps(m.name) && events.Slug(m.name) == r.id {
			d.written[r.id] = m.name
		}
		if q := quotedPartRE.FindStringSubmatch(m.name); q != nil && r.kind == events.KindParty && r.id != "" {
			// "the People's Movement "Ojcowizna"": "Ojcowizna" alone names it from now on.
			if _, known := d.aliases[events.NameKey(q[1])]; !known {
				d.aliases[events.NameKey(q[1])] = r.id
			}
		}
		if m.generic && r.kind == events.KindParty {
			// "the Party": the party the text is about; "Party leader X": the same.
			r = ref{id: d.topic, kind: events.KindParty}
		} else if m.generic {
			continue
		}
		start := m.start
		if loc := honorificBeforeRE.FindStringSubmatchIndex(text[:start]); loc != nil && honorifics[strings.ToLower(text[loc[2]:loc[3]])] {
			// "re-elected Ato Selam Haile", "the founding chairman, Dr. Mesfin Tadesse": the honorific
			// goes with the name it stands before.
			start = loc[0]
		}
		pieces = append(pieces, piece{start, m.end, r})
	}
	for _, loc := range pronounRE.FindAllStringIndex(text, -1) {
		overlaps := false
		for _, p := range pieces {
			if loc[0] < p.end && p.start < loc[1] {
				overlaps = true
			}
		}
		if overlaps {
			continue
		}
		w := strings.ToLower(text[loc[0]:loc[1]])
		if strings.HasPrefix(text[loc[1]:], "-") {
			continue // "the party-list vote": a word about a vote, no party
		}
		if w == "her" && !objectPronoun(text[loc[1]:]) {
			continue // "her deputy": a possessive
		}
		var r ref
		switch {
		case w == "it":
			// "It" opening a sentence is the party the sentence before ended on, and from then on
			// the party the text is about.
			id := d.topic
			if loc[0] == 0 {
				d.topic, id = d.it, d.it
			} else if thatItRE.MatchString(text[:loc[0]]) {
				// "the court dissolved the Future Generation Party, ruling that it had been founded
				// on a religious basis": the party named last.
				for _, p := range pieces {
					if p.start < loc[0] && p.r.kind == events.KindParty && p.r.name != "" {
						id = p.r.id
					}
				}
			} else if objectOfRE.MatchString(text[:loc[0]]) {
				// After a preposition, the party named before that is not the subject of the verb:
				// "moved closer to the Centre, and in 2003 the PAE was absorbed into it".
				var named []piece
				for _, p := range pieces {
					if p.start < loc[0] && p.r.kind == events.KindParty && p.r.name != "" && (len(named) == 0 || named[len(named)-1].r.id != p.r.id) {
						named = append(named, p)
					}
				}
				switch n := len(named); {
				case n >= 2 && !strings.ContainsAny(text[named[n-1].end:loc[0]], ",;"):
					id = named[n-2].r.id
				case n >= 1:
					id = named[n-1].r.id
				}
			} else if participleOpeningRE.MatchString(text[:loc[0]]) {
				// "Banned together with every other party except the BSPP in 1964, it was
				// re-registered in 1988": what the opening participle tells of, the party the text
				// is about, not a party it names.
				id = d.topic
			} else if !strings.HasPrefix(text, "It ") {
				// Later in a sentence that named a party first, that party: "the ZSL switched
				// sides, and that November it renamed itself". In one that named none, after a
				// sentence that founded a party, that party: "Exiles founded the Renewal Movement.
				// Đoàn, the founder's niece, led it until 1994."
				if d.justFounded && objectItRE.MatchString(text[:loc[0]]) {
					id = d.it
				}
				first := -1 // the piece the sentence opens with
				for k, p := range pieces {
					if first < 0 || p.start < pieces[first].start {
						first = k
					}
				}
				opening := first >= 0 && pieces[first].r.kind == events.KindParty && pieces[first].r.id != "" && openingSubjectRE.MatchString(text[:pieces[first].start])
				object := opening && objectItRE.MatchString(text[:loc[0]]) && d.it != "" && d.it != pieces[first].r.id
				if object {
					// "The CRPG joined it on 11 December 2007", after a sentence about the alliance:
					// the object of the subject's verb is the party told of before, not the subject.
					id = d.it
				}
				for _, p := range pieces {
					if object {
						break
					}
					if opening {
						// "The party left the People's Union in 1997, in which it won a single
						// seat": the sentence's subject, not a party named after it.
						id = pieces[first].r.id
						break
					}
					if p.start < loc[0] && p.r.kind == events.KindParty && p.r.name != "" {
						if subjectRE.MatchString(text[p.end:]) {
							id = p.r.id
						}
						break
					}
				}
			}
			r = ref{id: id, kind: events.KindParty}
		case w == "he" || w == "she" || w == "him" || w == "her":
			// A subject ("he") is the last person this sentence named before it; an object
			// ("succeeded him") the first, since the last is likely the subject of its verb.
			// With none, the first person the sentence before named.
			id := d.person
			for _, p := range pieces {
				if p.start < loc[0] && p.r.kind == events.KindPerson && p.r.name != "" && possessiveAt(text, p.end) && id == p.r.id {
					id = d.before // "After Achola's death she…": not Achola, the person named before
				}
			}
			for _, p := range pieces {
				if w == "he" || w == "she" {
					if obj := strings.ToLower(text[p.start:p.end]); p.start < loc[0] && p.r.kind == events.KindPerson && p.r.name == "" &&
						(obj == "him" || obj == "her") && andThenSubjectRE.MatchString(text[p.end:loc[0]]) {
						id = p.r.id // "Babangida pardoned him in October 1986 and he returned home": the one pardoned
						continue
					}
				}
				if p.start < loc[0] && p.r.kind == events.KindPerson && p.r.name != "" && !possessiveAt(text, p.end) {
					id = p.r.id
					if w == "him" || w == "her" {
						if subjectOfVerbRE.MatchString(text[p.end:loc[0]]) {
							// "Morag Campbell succeeded him": the object of the verb whose subject
							// she is is another, the person told of before.
							id = d.person
							if id == p.r.id {
								id = d.before
							}
						}
						break
					}
				}
			}
			if id == "" {
				continue
			}
			r = ref{id: id, kind: events.KindPerson}
		case strings.HasSuffix(w, "committee") && !d.namedBy(d.topic, w):
			continue // "the committee elected": a body of the party, unless the party's name is a committee's
		case newPartyWordRE.MatchString(w) && d.newest != "":
			// "the new party": the party the text founded last.
			r = ref{id: d.newest, kind: events.KindParty}
		case strings.HasSuffix(w, "party") || strings.HasSuffix(w, "movement"):
			r = ref{id: d.topic, kind: events.KindParty}
		case d.namedBy(d.topic, w):
			// "the front" in a text about the Popular Front: the party the text is about.
			r = ref{id: d.topic, kind: events.KindParty}
		default:
			// "the bloc", "the alliance": the last party named, in this sentence or the one before.
			id := d.it
			for _, p := range pieces {
				if p.start < loc[0] && p.r.kind == events.KindParty {
					id = p.r.id
				}
			}
			r = ref{id: id, kind: events.KindParty}
		}
		pieces = append(pieces, piece{loc[0], loc[1], r})
	}
	// "its founder has lived in exile since 2016": the one person the text told founded the party.
	for _, loc := range founderRE.FindAllStringIndex(text, -1) {
		overlaps := false
		for _, p := range pieces {
			if loc[0] < p.end && p.start < loc[1] {
				overlaps = true
			}
		}
		if copulaAfterRE.MatchString(text[loc[1]:]) {
			continue // "Its founder and first chairman was X": the words that name the founder
		}
		if founder := d.soleFounder(d.topic); !overlaps && founder != "" {
			pieces = append(pieces, piece{loc[0], loc[1], ref{id: founder, kind: events.KindPerson}})
		}
	}
	// In text order; a piece inside one before it is part of that one.
	for i := 1; i < len(pieces); i++ {
		for j := i; j > 0 && pieces[j].start < pieces[j-1].start; j-- {
			pieces[j], pieces[j-1] = pieces[j-1], pieces[j]
		}
	}
	pieces = slices.DeleteFunc(pieces, func() func(piece) bool {
		end := 0
		return func(p piece) bool {
			if p.start < end {
				return true
			}
			end = p.end
			return false
		}
	}())
	var b strings.Builder
	var refs []ref
	at := 0
	for _, p := range pieces {
		b.WriteString(text[at:p.start])
		fmt.Fprintf(&b, "⟦%d⟧", len(refs))
		refs = append(refs, p.r)
		at = p.end
	}
	b.WriteString(text[at:])
	for _, loc := range afterNameRE.FindAllStringSubmatchIndex(b.String(), -1) {
		whole := b.String()
		i, _ := strconv.Atoi(strings.Trim(whole[loc[2]:loc[3]], "⟦⟧"))
		for k, m := range markerRE.FindAllStringSubmatch(whole[loc[3]:loc[1]], -1) {
			n, _ := strconv.Atoi(m[1])
			if k > 0 && n < len(refs) && refs[n].kind == events.KindPerson {
				refs[n].kind = "" // "(DK; Demokratikus Koalíció)": a name in another language
			}
		}
		d.otherNames(refs, i, whole[loc[3]:loc[1]])
	}
	sk := afterNameRE.ReplaceAllStringFunc(quotedNameRE.ReplaceAllString(b.String(), "$1"), func(m string) string {
		loc := afterNameRE.FindStringSubmatchIndex(m)
		name, brackets := m[loc[2]:loc[3]], m[loc[4]:loc[5]]
		if inner := strings.TrimSpace(brackets); formerBracketRE.MatchString(inner) {
			// "the Workers' Front (formerly the Socialist Workers' League)": its former name, read
			// as the apposition it is.
			return name + ", " + strings.TrimSuffix(strings.TrimPrefix(inner, "("), ")") + ","
		}
		return name
	})
	// "The "Motherland" coalition was wound up": the body named, its kind said after its name.
	sk = headNounRE.ReplaceAllStringFunc(sk, func(m string) string {
		marker := markerRE.FindStringSubmatch(m)
		if n, _ := strconv.Atoi(marker[1]); n < len(refs) && refs[n].kind != events.KindPerson && refs[n].id != "" {
			return marker[0]
		}
		return m
	})
	// "The new party, the Unity Alliance, was founded": the party the apposition names.
	for _, m := range namedAppositionRE.FindAllStringSubmatch(sk, -1) {
		i, _ := strconv.Atoi(m[1])
		j, _ := strconv.Atoi(m[2])
		if i < len(refs) && j < len(refs) && refs[i].name == "" && refs[i].kind == events.KindParty && refs[j].kind == events.KindParty {
			refs[i] = refs[j]
		}
	}
	var clauses []string
	if m := openingParticipleRE.FindStringSubmatch(sk); m != nil {
		// "Re-founded in Bodø in June 1945, the party elected": "the party was re-founded in Bodø
		// in June 1945".
		clauses = append(clauses, m[3]+" was "+strings.ToLower(m[1][:1])+m[1][1:]+m[2])
	}
	// A clause that runs to the sentence's end is read as one only when "who" or "which" opens it:
	// "the Justice Party, founded in 1961 by X and seen as …." is read whole.
	lastClause := func(m string) bool {
		return strings.HasSuffix(m, ".") && !whoWhichRE.MatchString(m[strings.Index(m, ","):])
	}
	var kept strings.Builder
	upTo := 0
	for _, loc := range relativeRE.FindAllStringSubmatchIndex(sk, -1) {
		m := sk[loc[0]:loc[1]]
		if lastClause(m) || appositionTailRE.MatchString(sk[:loc[0]]) && !whoWhichRE.MatchString(sk[loc[3]:loc[1]]) {
			// Read whole: a clause that runs to the sentence's end, or the verb of a sentence whose
			// subject an apposition ends ("A, a former mayor of Mỹ Tho, led the party").
			continue
		}
		if loc[0] < upTo {
			continue // within a clause read already
		}
		if who := whoToEndRE.FindString(sk[loc[1]:]); who != "" && strings.HasSuffix(m, ",") && !whoWhichRE.MatchString(sk[loc[3]:loc[1]]) {
			// "a party in ⟦2⟧, founded in 1979 by ⟦3⟧, who became its first chairman.": read
			// whole, as a clause that runs to the sentence's end is, and "who" is the last name
			// the participle gives.
			if names := markerRE.FindAllString(m, -1); len(names) > 1 {
				if c := relativeClause(names[len(names)-1], ","+who); c != "" {
					clauses = append(clauses, c)
				}
			}
			continue
		}
		kept.WriteString(sk[upTo:loc[0]])
		upTo = loc[1]
		// The name stays; a semicolon that ended the clause still parts the sentence's clauses.
		kept.WriteString(sk[loc[2]:loc[3]])
		if end := m[len(m)-1:]; end == ";" || end == "." {
			kept.WriteString(end)
		}
		if strings.HasSuffix(m, ",") && whoNextRE.MatchString(sk[loc[1]:]) && !whoWhichRE.MatchString(sk[loc[3]:loc[1]]) {
			// "a party in ⟦2⟧, founded in 1979 by ⟦3⟧, who became its first chairman": "who" is
			// the last name the participle gives, and its clause is read past too.
			rest := sk[loc[1]:]
			end := strings.IndexAny(rest, ",;.")
			if end < 0 {
				end = len(rest)
			}
			if names := markerRE.FindAllString(m, -1); len(names) > 1 {
				if c := relativeClause(names[len(names)-1], ","+rest[:end]); c != "" {
					clauses = append(clauses, c)
				}
			}
			upTo = loc[1] + end
			if end < len(rest) {
				if rest[end] != ',' {
					kept.WriteByte(rest[end])
				}
				upTo++
			}
		}
		if objectOfPrepositionRE.MatchString(sk[:loc[0]]) && !whoWhichRE.MatchString(sk[loc[3]:loc[1]]) {
			continue // "a coalition with the SLD, formed in 2001,": the clause is of the coalition
		}
		name := sk[loc[2]:loc[3]]
		if whoClauseRE.MatchString(sk[loc[3]:loc[1]]) {
			// "X, a professor of law at the University of Tehran, who was chosen as its first
			// secretary-general": "who" is the person the apposition describes, not the body it
			// names last.
			n, _ := strconv.Atoi(strings.Trim(name, "⟦⟧"))
			if h := appositionHeadRE.FindStringSubmatch(sk[:loc[0]]); h != nil && n < len(refs) && refs[n].kind != events.KindPerson {
				if p, _ := strconv.Atoi(strings.Trim(h[1], "⟦⟧")); p < len(refs) && refs[p].kind == events.KindPerson {
					name = h[1]
				}
			}
		}
		if c := relativeClause(name, sk[loc[3]:loc[1]]); c != "" {
			clauses = append(clauses, c)
		}
	}
	kept.WriteString(sk[upTo:])
	sk = kept.String()
	var b2 strings.Builder
	last := 0
	for _, loc := range appositionRE.FindAllStringIndex(sk, -1) {
		m := sk[loc[0]:loc[1]]
		name, body, _ := strings.Cut(m, ",")
		b2.WriteString(sk[last:loc[0]])
		switch {
		case clauseVerbRE.MatchString(body):
			b2.WriteString(m) // "X, the army banned the Y, and": a clause of its own, not an apposition
		case formerNameRE.MatchString(body):
			// "the Centre Party, the former Agrarian League,": its former name (formerly), one
			// party for every rule of the sentence.
			b2.WriteString(m)
			if x, y := markerRE.FindStringSubmatch(name), markerRE.FindStringSubmatch(body); x != nil && y != nil {
				i, _ := strconv.Atoi(x[1])
				j, _ := strconv.Atoi(y[1])
				if i < len(refs) && j < len(refs) && refs[i].kind == events.KindParty && refs[i].id != "" && refs[j].id != refs[i].id {
					d.aliases[events.NameKey(refs[j].name)] = refs[i].id
					old := refs[j].id
					for k := range refs {
						if refs[k].id == old { // "… was absorbed into it": the party, by either name
							refs[k].id, refs[k].kind = refs[i].id, events.KindParty
						}
					}
				}
			}
		case listItemRE.MatchString(body) && listGoesOnRE.MatchString(sk[loc[1]:]):
			b2.WriteString(m) // "merged with the A, the B, the C and the D": a list, not an apposition
		default:
			b2.WriteString(name)
		}
		last = loc[1]
	}
	b2.WriteString(sk[last:])
	sk = b2.String()
	// The rules read white space as ASCII spaces (RE2's \s knows no others): a no-break space
	// between two words is still a space.
	for i := range clauses {
		clauses[i] = asciiSpaces(clauses[i])
	}
	return asciiSpaces(sk), refs, clauses
}

func asciiSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
}

// namedAppositionRE matches a pronoun or a generic name followed by an apposition that is a name:
// "⟦0⟧, the ⟦1⟧, was founded".
var namedAppositionRE = regexp.MustCompile(`⟦(\d+)⟧,\s+(?:the\s+)?⟦(\d+)⟧,`)

// objectOfPrepositionRE matches the words before a name that make it the object of a preposition
// ("the leader of the ⟦1⟧"): a relative clause after it may be of the words before.
var objectOfPrepositionRE = regexp.MustCompile(`\b(?:of|with|to|for|from|against|by|between|and|or|including|under|within|than)\s+(?:the\s+)?$`)

// appositionTailRE matches the words before a name that end an apposition ("A, a former mayor of
// ⟦2⟧", "a faction, led by ⟦0⟧"): a verb after it, between commas, is the sentence's, not a clause of
// that name.
var appositionTailRE = regexp.MustCompile(`,\s+(?:(?:a|an|the|his|her|its|their)\s[^,;⟦]*|(?:led|headed|chaired|directed|organi[sz]ed)\s+by\s+(?:[^,;⟦]*\s)?)$`)

// whoWhichRE matches a relative clause that opens with its pronoun, which is of the name before it
// ("closer to the Centre, which had been founded in 1985,").
var whoWhichRE = regexp.MustCompile(`^,\s+(?:who|which)\s`)

// openingParticipleRE matches a sentence that opens with a participle whose subject is the name
// after its comma: "Founded in the autumn of 1945, the ⟦0⟧ won".
var openingParticipleRE = regexp.MustCompile(`^([A-Z][a-z]*(?:-[a-z]+)?ed)(\s+(?:in|on|at|by|as|after|before|during|from|under|with|shortly|soon|originally|initially|illegally|secretly|formally|officially|first|twice|again)\b(?:[^⟦;,]|⟦\d+⟧)*?(?:,\s+(?:in|on|at|after|before|during|with|from|by|under|following)\s(?:[^⟦;,]|⟦\d+⟧)*?)?),\s+(?:the\s+)?(⟦\d+⟧)\s+\p{Ll}`)

// andThenSubjectRE matches the words between an object pronoun and a subject pronoun joined to its
// clause by "and": " in October 1986 and ".
var andThenSubjectRE = regexp.MustCompile(`^[^,;.⟦]*\s+and\s+(?:then\s+|later\s+|soon\s+)?$`)

// subjectOfVerbRE matches the words between a person and an object pronoun that make the person the
// subject of the verb the pronoun is the object of: "succeeded", "later replaced", "was elected to
// succeed".
var subjectOfVerbRE = regexp.MustCompile(`^\s+(?:[a-z-]+\s+){1,4}$`)

// whoNextRE matches a relative clause on a person right after a clause that ended with a comma;
// whoToEndRE one that runs to the sentence's end.
var (
	whoNextRE  = regexp.MustCompile(`^\s*who\s`)
	whoToEndRE = regexp.MustCompile(`^\s*who\s[^,;⟦]*(?:⟦\d+⟧[^,;⟦]*)*\.$`)
)

// relativeClause returns the relative clause after a name as a clause of its own, the name its
// subject: "⟦2⟧, who had founded the party in 1992," → "⟦2⟧ had founded the party in 1992"; "⟦1⟧,
// founded in 1990 by ⟦3⟧," → "⟦1⟧ was founded in 1990 by ⟦3⟧". A clause whose subject is not the name
// ("whose", "which the court banned") gives "".
func relativeClause(name, rest string) string {
	body := strings.TrimSpace(strings.TrimRight(strings.TrimPrefix(rest, ","), ",;."))
	word, tail, _ := strings.Cut(body, " ")
	switch word {
	case "who", "which":
		if m := describedAsRE.FindStringSubmatchIndex(tail); m != nil {
			// "which he described as founded in 1977 and then led by X", "which the congress papers
			// described as founded in 1910": what a source says of the name.
			return name + " was " + tail[m[1]:]
		}
		if next, _, _ := strings.Cut(tail, " "); !strings.HasSuffix(next, "ed") && !auxiliaries[next] {
			return "" // "which the court banned": the name is the object
		}
		return name + " " + tail
	case "whose":
		return ""
	}
	return name + " was " + body // a participle: "founded in 1990"
}

// describedAsRE matches the words of a relative clause that report what someone says of its name:
// "he described as", "the papers called", "sources give as".
var describedAsRE = regexp.MustCompile(`^(?:[^,;]*?\s+)?(?:described|reported|characteri[sz]ed|presented|remembered|gave|give|list|listed)(?:\s+[^,;"“]*?)?\s+as\s+["“]?(?:having\s+been\s+)?`)

// auxiliaries are the verbs a relative clause whose subject is the name it follows may open with.
var auxiliaries = map[string]bool{"had": true, "has": true, "was": true, "were": true, "is": true, "are": true,
	"would": true, "could": true, "later": true, "then": true, "also": true, "soon": true, "went": true,
	"led": true, "won": true, "ran": true, "became": true, "left": true, "took": true, "broke": true, "split": true}

// otherNames reads the brackets after the name of a party or another body, refs[i]: each item of
// them (between commas and semicolons) that is a name and nothing else is another name of the same
// entity, its abbreviation or its name in another language: "the Indigenous Peasant Movement
// (Movimiento Indígena Campesino, MIC)". The sentence's refs to them become refs to it, and so do the
// document's later mentions of them. An item with other words ("now part of X") names something else.
// A name the document gave another entity before this sentence keeps it, unless it is an
// abbreviation ("(CPP)") written right after the name it stands for.
func (d *drafter) otherNames(refs []ref, i int, brackets string) {
	if i < len(refs) && refs[i].kind == events.KindPerson && refs[i].name != "" {
		d.nativeNames(refs, i, brackets)
		return
	}
	if i >= len(refs) || refs[i].name == "" || refs[i].id == "" || refs[i].kind != events.KindParty && refs[i].kind != events.KindOrganisation {
		return
	}
	inner := strings.TrimSpace(brackets)
	inner = strings.TrimSuffix(strings.TrimPrefix(inner, "("), ")")
	for _, item := range strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == ';' }) {
		item = strings.TrimSpace(item)
		item = strings.TrimSpace(abbreviatedRE.ReplaceAllString(item, ""))
		if language, name, ok := strings.Cut(item, ":"); ok && len(strings.Fields(language)) <= 2 {
			// "Ukrainian: Партія «Народна воля»": the name, not its language (either may have been
			// read as a mention: "⟦1⟧: საქართველოს …", "⟦1⟧: ⟦2⟧")
			name = strings.TrimSpace(name)
			if _, written := itemNames(refs, i, name); otherScript(written) && !otherScript(markerRE.ReplaceAllString(language, "Language")) {
				item = name
			}
		}
		if otherScript(item) && refs[i].id == d.subject && events.NameKey(refs[i].name) == events.NameKey(titleName(d.doc.Title)) {
			d.natives[events.NameKey(item)] = true // the party's own name, in its own script
		}
		if caseless(item) || otherScript(item) && !markerRE.MatchString(item) && !allCaps(item) && len(strings.Fields(item)) > 1 {
			// "(農村進歩党)", "(नेपाल जनमुक्ति पार्टी)": a name in a script without capitals, which no
			// mention finds; or one in another script the finder passed over ("Greek: Ένωση
			// Δημοκρατικής Ανανέωσης").
			d.aliases[events.NameKey(item)] = refs[i].id
			d.bracketNames = append(d.bracketNames, bracketName{of: i, name: item})
			continue
		}
		if !bracketNameRE.MatchString(item) {
			continue
		}
		// The name as written: a name in a script or a language that writes its words in lower
		// case is one name with them ("Сељачки и грађански савез").
		in, name := itemNames(refs, i, item)
		if len(in) == 0 {
			continue
		}
		if lowerWords := strings.Fields(markerRE.ReplaceAllString(item, " ")); slices.ContainsFunc(lowerWords, func(w string) bool { return englishWords[w] }) {
			continue // "(X in exile)": words of the sentence, not of a name
		}
		key := events.NameKey(name)
		if known, ok := d.aliases[key]; ok && known != refs[i].id && !d.fresh[known] && d.kinds[known] != "" && !allCaps(name) {
			continue // a name the document already gave another entity (of a kind: not a name the finder could not type)
		}
		if otherScript(name) && !allCaps(name) && refs[i].id == d.subject && events.NameKey(refs[i].name) == events.NameKey(titleName(d.doc.Title)) {
			d.natives[key] = true // "(Greek: Ένωση Δημοκρατικής Ανανέωσης)", found as a name: the party's own
		}
		d.aliases[key] = refs[i].id
		refs[in[0]] = ref{id: refs[i].id, kind: refs[i].kind, name: name}
		d.bracketNames = append(d.bracketNames, bracketName{of: i, name: name})
		if refs[i].id == d.subject && allCaps(name) && refs[i].name != "" && events.NameKey(refs[i].name) != events.NameKey(titleName(d.doc.Title)) {
			// "founded as the Agrarian Democratic Party (ADK)": the abbreviation of a name the party
			// had, not of its own (no dispute with the abbreviation of its present name).
			d.otherAbbrevs[key] = true
		}
		for _, j := range in[1:] {
			refs[j] = ref{id: refs[i].id, kind: refs[i].kind} // a part of that name
		}
	}
}

// abbreviatedRE matches the words that introduce an abbreviation in brackets: "abbreviated PNV",
// "abbr. PNV", "short: PNV".
var abbreviatedRE = regexp.MustCompile(`^(?i:abbreviated(?:\s+as)?|abbr\.|short(?:\s+form)?:|also\s+abbreviated)\s+`)

// nativeNames reads the brackets after a person's name, refs[i]: a name in another script ("Yun
// Chang-ho (윤창호)", "Paul Varga (Павел Варга)") is the person's own name as written at home, not
// another person.
func (d *drafter) nativeNames(refs []ref, i int, brackets string) {
	inner := strings.TrimSpace(brackets)
	inner = strings.TrimSuffix(strings.TrimPrefix(inner, "("), ")")
	if strings.ContainsAny(inner, "\"“”«»") {
		return // "(קול הנגב, "Voice of the Negev")": a translated name is a body's, not a person's
	}
	for _, item := range strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == ';' }) {
		item = strings.TrimSpace(item)
		in, name := itemNames(refs, i, item)
		if !otherScript(name) || strings.ContainsAny(name, ":–—") || len(strings.Fields(name)) > len(strings.Fields(refs[i].name))+1 {
			continue // "(Hebrew: …)" names its language; a Latin name, or a longer one, is another matter
		}
		for _, j := range in {
			refs[j] = ref{id: refs[i].id, kind: events.KindPerson}
		}
		d.aliases[events.NameKey(name)] = refs[i].id
		d.bracketNames = append(d.bracketNames, bracketName{of: i, name: name})
	}
}

// itemNames returns the refs an item of the brackets after refs[i] is made of, and the item written
// with their names; no refs (and the item as it is) when one of its markers is refs[i] or stands for
// no name of its own.
func itemNames(refs []ref, i int, item string) ([]int, string) {
	var in []int
	for _, m := range markerRE.FindAllStringSubmatch(item, -1) {
		j, _ := strconv.Atoi(m[1])
		if j >= len(refs) || j == i || refs[j].name == "" {
			return nil, item
		}
		in = append(in, j)
	}
	return in, markerRE.ReplaceAllStringFunc(item, func(m string) string {
		j, _ := strconv.Atoi(m[len("⟦") : len(m)-len("⟧")])
		return refs[j].name
	})
}

// caseless reports whether s is a name written in scripts without capitals (Han, Devanagari, Arabic,
// Khmer...): letters, none upper or lower case, and no digits.
func caseless(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Georgian, r) && !unicode.IsUpper(r):
			// Georgian's Mkhedruli letters are lower case to Unicode, but it writes names without
			// capitals ("საქართველოს აგრარული კავშირი").
			letters++
		case unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters > 0
}

// bracketNameRE matches an item in brackets that is a name and nothing else: names, and words in
// lower case between them.
var bracketNameRE = regexp.MustCompile(`^⟦\d+⟧(?:\s+(?:\p{Ll}[\p{Ll}\p{M}'’-]*|⟦\d+⟧))*$`)

// englishWords are words in lower case that are not part of a name in brackets.
var englishWords = map[string]bool{"in": true, "of": true, "the": true, "and": true, "now": true, "later": true,
	"from": true, "until": true, "since": true, "formerly": true, "also": true, "known": true, "as": true,
	"or": true, "with": true, "by": true, "to": true, "for": true, "after": true, "before": true, "then": true,
	"its": true, "an": true, "a": true, "exile": true, "part": true, "today": true, "renamed": true}

// bodyWords are the words that, capitalised and alone ("the League", "the Union"), stand for the
// party the text is about when its name has that word, and for nothing else.
var bodyWords = map[string]bool{"league": true, "union": true, "alliance": true, "bloc": true, "congress": true,
	"rally": true, "federation": true, "coalition": true, "association": true, "organisation": true,
	"organization": true, "convention": true, "forum": true, "assembly": true, "council": true, "group": true,
	"centre": true, "center": true, "list": true, "pact": true}

// namedBy reports whether the last word of a generic name ("the union", "the new front") is a word
// of the name id has come to have, or of its first name.
func (d *drafter) namedBy(id events.EntityID, generic string) bool {
	words := strings.Fields(generic)
	w := events.NameKey(words[len(words)-1])
	for _, name := range []string{d.nameOf(id), d.firstName(id)} {
		if slices.Contains(strings.Fields(events.NameKey(name)), w) {
			return true
		}
	}
	return false
}

// endingIn returns the one party named so far whose name ends with word, one word ("the Vanguard"
// for the Socialist Workers' Vanguard), or "" when none or more than one does.
func (d *drafter) endingIn(word string) events.EntityID {
	if bodyWords[strings.ToLower(word)] {
		return ""
	}
	return d.nameEndingIn(word)
}

// nameEndingIn is endingIn for any word, a word for a body too ("The Bloc was wound up" after the
// Democratic Opposition Bloc).
func (d *drafter) nameEndingIn(word string) events.EntityID {
	if strings.Contains(word, " ") || len(word) < 4 || allCaps(word) {
		return ""
	}
	found := events.EntityID("")
	for id, name := range d.written {
		if d.kinds[id] != events.KindParty {
			continue
		}
		f := strings.Fields(events.NameKey(name))
		if len(f) < 2 || f[len(f)-1] != events.NameKey(word) {
			continue
		}
		if found != "" && found != id {
			return ""
		}
		found = id
	}
	return found
}

// lastWordOf reports whether word, one word, is the last word of id's name: "the Morcha" in a text
// about the Samajwadi Lok Morcha.
func (d *drafter) lastWordOf(id events.EntityID, word string) bool {
	if strings.Contains(word, " ") || len(word) < 3 || allCaps(word) {
		return false
	}
	f := strings.Fields(events.NameKey(d.nameOf(id)))
	return len(f) > 1 && f[len(f)-1] == events.NameKey(word)
}

// firstName returns the first name the document gave id: the title's for the document's party.
func (d *drafter) firstName(id events.EntityID) string {
	if id == d.subject {
		return titleName(d.doc.Title)
	}
	if n := d.written[id]; n != "" {
		return n
	}
	return string(id)
}

// objectPronoun reports whether "her", followed by rest, is the object of a verb rather than a
// possessive: the end of the sentence, a comma, or a word that starts a phrase follows it.
func objectPronoun(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if rest == "" || strings.ContainsRune(",.;:)", rune(rest[0])) {
		return true
	}
	w := strings.ToLower(strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })[0])
	switch w {
	case "as", "in", "on", "at", "after", "before", "until", "later", "and", "soon", "a", "one", "two", "three",
		"four", "five", "six", "seven", "eight", "nine", "ten", "the", "from", "to", "with", "by":
		return true
	}
	return false
}

// resolve gives a mention its entity: a name the document gave an entity before (its title, an
// abbreviation, a name in parentheses, one word of a person's name), a near spelling of a party's
// name, or else the slug of the name.
func (d *drafter) resolve(m mention) (ref, bool) {
	key := events.NameKey(m.name)
	if id, ok := d.aliases[key]; ok {
		if d.kinds[id] == events.KindPerson {
			d.rememberPerson(m.name, id)
		}
		return ref{id: id, kind: d.kinds[id], name: m.name, title: m.title}, true
	}
	if m.generic {
		return ref{kind: m.kind}, true
	}
	if i := possessiveEnd(m.name); i > 0 && m.kind != events.KindParty {
		// "Farzaneh's Letters from Zabol": a person the text knows, and what is theirs.
		owner := events.NameKey(m.name[:i])
		id, ok := d.persons[owner]
		if known, isAlias := d.aliases[owner]; isAlias && d.kinds[known] == events.KindPerson {
			id, ok = known, true
		}
		if ok {
			return ref{id: id, kind: events.KindPerson, name: m.name[:i], title: m.title}, true
		}
	}
	if id, ok := d.persons[key]; ok && (!strings.Contains(m.name, " ") || m.kind == events.KindPerson || m.kind == "") {
		// "Maniu" after "Iuliu Maniu", "Ben Yedder" after "Habib Ben Yedder".
		return ref{id: id, kind: events.KindPerson, name: m.name, title: m.title}, true
	}
	if m.kind == events.KindParty && !strings.Contains(m.name, " ") && strings.HasSuffix(key, "s") {
		stem := strings.TrimSuffix(key, "s")
		var found events.EntityID
		for name, id := range d.aliases {
			if d.kinds[id] == events.KindParty && slices.Contains(strings.Fields(name), stem) {
				switch {
				case id == d.subject:
					found = id
				case found == "":
					found = id
				case found != d.subject && found != id:
					found = "-" // two parties, neither the document's: no guess
				}
			}
		}
		if found != "" && found != "-" {
			return ref{id: found, kind: events.KindParty, name: m.name, title: m.title}, true
		}
	}
	if m.kind == events.KindParty {
		for name, id := range d.aliases {
			if d.kinds[id] == events.KindParty && nearSpelling(name, key) {
				return ref{id: id, kind: events.KindParty, name: m.name, title: m.title}, true
			}
		}
	}
	if words := strings.Fields(m.name); (m.kind == events.KindPerson || m.kind == "") && len(words) >= 3 {
		// "former deputy mayor of Zugdidi Tamar Beridze": a place before a person the text knows.
		for i := 1; i+2 <= len(words); i++ {
			rest := strings.Join(words[i:], " ")
			if id, ok := d.aliases[events.NameKey(rest)]; ok && d.kinds[id] == events.KindPerson {
				return ref{id: id, kind: events.KindPerson, name: rest, title: m.title}, true
			}
			if slices.ContainsFunc(d.leaders, func(n string) bool { return events.NameKey(n) == events.NameKey(rest) }) {
				return d.resolve(mention{name: rest, kind: events.KindPerson, start: m.start, end: m.end, title: m.title})
			}
		}
	}
	if id := d.byInitials(m); id != "" {
		// "K. S. Bakari" after "Sheikh Khamis Salim Bakari": the person, by the initials of the
		// given names.
		d.aliases[key] = id
		return ref{id: id, kind: events.KindPerson, name: m.name, title: m.title}, true
	}
	if id := d.sameLetters(m); id != "" && id != personID(m.name) {
		// "Chen Meiling" in a text that wrote "Chen Mei-ling": the same letters, joined otherwise.
		d.aliases[key] = id
		if d.kinds[id] == "" {
			d.kinds[id], d.fresh[id] = events.KindPerson, true
		}
		return ref{id: id, kind: events.KindPerson, name: m.name, title: m.title}, true
	}
	if id := d.shortLeader(m); id != "" {
		// "Batsukh Luvsandorj, usually known simply as Batsukh" in a document whose leaders table
		// names Batsukh: the leader, under a longer name.
		d.aliases[key] = id
		d.rememberPerson(m.name, id)
		return ref{id: id, kind: events.KindPerson, name: m.name, title: m.title}, true
	}
	if m.kind == "" {
		// A place, a people, an unknown abbreviation: kept so that rules may read it as a place
		// ("fled Cambodia"), never as a party or a person.
		return ref{id: events.Slug(m.name), name: m.name}, true
	}
	id := events.Slug(m.name)
	if m.kind == events.KindPerson {
		id = personID(m.name)
	}
	d.aliases[key] = id
	if d.kinds[id] == "" {
		d.kinds[id] = m.kind
		d.fresh[id] = true
	}
	if m.kind == events.KindPerson {
		d.rememberPerson(m.name, id)
	}
	return ref{id: id, kind: m.kind, name: m.name, title: m.title}, true
}

// rememberPerson makes each word of a person's full name, and each of its last words together,
// stand for that person, so that a later "Maniu" is the Iuliu Maniu named last ("Papandreou" after
// "George Papandreou" is George, "Ben Yedder" after "Habib Ben Yedder" is Habib).
func (d *drafter) rememberPerson(name string, id events.EntityID) {
	words := strings.Fields(name)
	if len(words) < 2 {
		return
	}
	if d.fullNames == nil {
		d.fullNames = map[events.EntityID][2]string{}
	}
	if _, ok := d.fullNames[id]; !ok {
		d.fullNames[id] = [2]string{name, d.text}
	}
	for i, w := range words {
		if utf8.RuneCountInString(w) > 2 {
			d.persons[events.NameKey(w)] = id
		}
		if i > 0 && i < len(words)-1 {
			d.persons[events.NameKey(strings.Join(words[i:], " "))] = id
		}
	}
}

// nearSpelling reports whether two folded names of at least 15 letters differ by at most two edits
// ("Khmer National Solidary Party" for "Khmer National Solidarity Party").
func nearSpelling(a, b string) bool {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	return a != b && la >= 15 && lb >= 15 && max(la-lb, lb-la) <= 2 && events.EditDistance(a, b) <= 2
}

// heldOffice is an office a person held in a body, as the drafts give it.
type heldOffice struct {
	body   events.EntityID
	person events.EntityID
	role   string
}

// leftSince reports whether the drafts tell the person left an office in body since taking one on
// took: any office of the body after a dated taking, the same office after an undated one.
func (d *drafter) leftSince(body, person events.EntityID, role string, took events.Date) bool {
	for _, f := range d.facts {
		if p, ok := f.Payload.(events.LeaderLeftOffice); ok && f.Entity == body && p.Person == person && (p.Role == role || !took.Unknown()) &&
			(f.Date.Unknown() || took.Unknown() || f.Date.Latest() >= took.Earliest()) {
			return true
		}
	}
	return false
}

// leave drafts that the holder of the office took (a leader.took_office fact) left it when the fact
// why happened, quoting it.
func (d *drafter) leave(took, why events.Fact, rule string) {
	g := events.Fact{Type: events.TypeLeaderLeftOffice, Entity: took.Entity, Date: why.Date, Source: why.Source,
		Payload: events.LeaderLeftOffice(took.Payload.(events.LeaderTookOffice)), Method: events.MethodDrafted, Rule: rule}
	if g.Validate() == nil {
		d.facts = append(d.facts, g)
	}
}

// leftOnDefecting drafts, for each office a person took in a party and never left in the drafted
// facts, that the person left it on leaving the party ("In September 1958 vice-chairman Tin Aye …
// walked out … and founded the DPWP"), quoting the sentence that tells it: no one holds an office in
// a party they left.
func (d *drafter) leftOnDefecting() {
	left := map[heldOffice]bool{}
	for _, defection := range slices.Clone(d.facts) {
		from, ok := defection.Payload.(events.PersonDefected)
		if !ok || defection.Date.Unknown() || strings.HasPrefix(defection.Date.String(), "..") || strings.Contains(defection.Date.String(), "/") {
			continue
		}
		for _, f := range slices.Clone(d.facts) {
			p, ok := f.Payload.(events.LeaderTookOffice)
			o := heldOffice{f.Entity, p.Person, p.Role}
			if !ok || f.Entity != from.From || p.Person != defection.Entity || left[o] || f.Date.Unknown() || f.Date.Earliest() > defection.Date.Latest() ||
				d.leftSince(f.Entity, p.Person, p.Role, f.Date) {
				continue
			}
			left[o] = true
			d.leave(f, defection, "left-with-party")
		}
	}
}

// diedInOffice drafts, for each office a person took in the drafted facts and never left after, that
// the person left it on dying, quoting the death (an undated office only when the sentence of the
// death says the person died in office: "still its president", "while in office"): a dead leader
// leads nothing.
func (d *drafter) diedInOffice() {
	left := map[heldOffice]bool{}
	for _, f := range d.facts {
		if p, ok := f.Payload.(events.LeaderLeftOffice); ok {
			left[heldOffice{f.Entity, p.Person, p.Role}] = true
		}
	}
	died := map[events.EntityID]events.Fact{} // every dated death
	inOffice := map[events.EntityID]bool{}    // a death the sentence says was in office
	for _, f := range d.facts {
		if _, ok := f.Payload.(events.PersonDied); ok && !f.Date.Unknown() && !strings.HasPrefix(f.Date.String(), "..") {
			if _, seen := died[f.Entity]; !seen {
				died[f.Entity] = f
			}
			inOffice[f.Entity] = inOffice[f.Entity] || inOfficeRE.MatchString(f.Source.Quote)
		}
	}
	for _, f := range slices.Clone(d.facts) {
		p, ok := f.Payload.(events.LeaderTookOffice)
		death, dead := died[p.Person]
		if !ok || !dead || !f.Date.Unknown() && f.Date.Earliest() > death.Date.Latest() || d.leftSince(f.Entity, p.Person, p.Role, f.Date) {
			continue
		}
		if f.Date.Unknown() && !inOffice[p.Person] {
			continue // an office the text does not date may have ended before the death
		}
		if d.endedBefore(f.Entity, death.Date) {
			continue // the party was dissolved before the death: the office ended with it
		}
		left[heldOffice{f.Entity, p.Person, p.Role}] = true
		d.leave(f, death, "died-in-office")
	}
	for person := range died {
		if !inOffice[person] {
			delete(died, person) // the head's office below is given to those who died in office only
		}
	}
	// One who died in office the text never told took: the office its table or infobox gives them
	// ("Boonlert died in office on 9 May 1982"), the head of the document's party.
	leaders := map[events.EntityID]bool{}
	for _, n := range d.leaders {
		leaders[events.Slug(n)] = true
	}
	for _, person := range slices.Sorted(maps.Keys(died)) {
		death := died[person]
		took := false
		for o := range left {
			took = took || o.person == person
		}
		if took || !leaders[person] {
			continue
		}
		g := events.Fact{Type: events.TypeLeaderLeftOffice, Entity: d.subject, Date: death.Date, Source: death.Source,
			Payload: d.headOffice(events.LeaderLeftOffice{Office: events.Office{Person: person, Role: "leader"}}),
			Method:  events.MethodDrafted, Rule: "died-in-office"}
		if g.Validate() == nil {
			d.facts = append(d.facts, g)
		}
	}
}

// inOfficeRE matches the words that say a person died holding an office.
var inOfficeRE = regexp.MustCompile(`\b(?:in\s+office|still\s+(?:its|the\s+party's|the|their|his|her)\s+[\w-]+|while\s+(?:still\s+)?(?:serving|in\s+office|leading|at\s+the\s+head)|at\s+the\s+head\s+of)\b`)

// result returns the drafted facts, without repeats: a fact of the same type about the same entity
// with the same key fields (and the same office), a compatible date and no better one, as one drafted
// before is left out.
func (d *drafter) result() []events.Fact {
	var out []events.Fact
	for _, f := range d.facts {
		dup := -1
		for i, g := range out {
			if SameClaim(f, g) && !otherFigures(f, g) && (roleOf(f) == roleOf(g) || !f.Date.Unknown() && !g.Date.Unknown() && headRole(roleOf(f)) == headRole(roleOf(g)) && events.Provisional(roleOf(f)) == events.Provisional(roleOf(g))) {
				dup = i
				break
			}
		}
		switch {
		case dup < 0:
			out = append(out, f)
		case narrower(f.Date, out[dup].Date) && richer(out[dup].Payload, f.Payload):
			out = append(out, f) // better dated, but telling less (no founders): both are kept
		case narrower(f.Date, out[dup].Date):
			out[dup] = f // the same claim, better dated
		case !narrower(out[dup].Date, f.Date) && richer(f.Payload, out[dup].Payload):
			out[dup] = f // the same claim, as well dated, telling more (who led a split)
		}
	}
	return out
}

// otherFigures reports whether two results of one election give different figures: two claims, kept
// both, which the fold sets in dispute ("3.4%", and "sometimes given as 4.1%").
func otherFigures(a, b events.Fact) bool {
	ra, ok1 := a.Payload.(events.ElectionResult)
	rb, ok2 := b.Payload.(events.ElectionResult)
	differ := func(x, y string) bool { return x != "" && y != "" && x != y }
	return ok1 && ok2 && (differ(ra.Percent, rb.Percent) || differ(ra.Seats, rb.Seats) || differ(ra.VotesText, rb.VotesText))
}

// richer reports whether payload a tells more of the same claim than b: the leaders of a split, the
// founders of a founding, the former name of a rename.
func richer(a, b events.Payload) bool {
	switch a := a.(type) {
	case events.PartySplit:
		b, ok := b.(events.PartySplit)
		return ok && len(a.Leaders) > len(b.Leaders)
	case events.PartyFounded:
		b, ok := b.(events.PartyFounded)
		return ok && len(a.Founders) > len(b.Founders)
	case events.PartyRenamed:
		b, ok := b.(events.PartyRenamed)
		return ok && a.From != "" && b.From == ""
	}
	return false
}

// narrower reports whether date a names fewer days than b (an unknown date names all).
func narrower(a, b events.Date) bool {
	if a.Unknown() {
		return false
	}
	if b.Unknown() {
		return true
	}
	return a.Latest()-a.Earliest() < b.Latest()-b.Earliest()
}

func roleOf(f events.Fact) string {
	switch p := f.Payload.(type) {
	case events.LeaderTookOffice:
		return p.Role
	case events.LeaderLeftOffice:
		return p.Role
	}
	return ""
}

// DraftedTypes are the event types Draft drafts, besides the names of the entities they involve
// (events.TypeEntityNamed).
var DraftedTypes = []events.Type{
	events.TypePartyFounded, events.TypePartyDissolved, events.TypePartyBanned, events.TypePartyDeclaredIllegal,
	events.TypePartyCeased, events.TypePartyRestored, events.TypePartyRenamed, events.TypePartyMerged, events.TypePartySplit,
	events.TypePartySucceeded, events.TypeLeaderTookOffice, events.TypeLeaderLeftOffice,
	events.TypePersonArrested, events.TypePersonFled, events.TypePersonExiled, events.TypePersonDied,
	events.TypePersonDefected, events.TypePersonSentenced, events.TypeElectionResult, events.TypePartyAffiliation,
	events.TypePartyAffiliationEnded, events.TypePartyBoycotted, events.TypePartyOfficialsBanned, events.TypePersonBanned,
	events.TypePartyIdeology, events.TypePartyPosition,
}

// SameClaim reports whether two facts make the same claim: the same type and entity, compatible dates
// (one unknown, or their days overlap) and the same key fields of the payload (the founders of a
// founding do not matter, the members of a merger do; see KeyOf).
func SameClaim(a, b events.Fact) bool {
	return a.Type == b.Type && a.Entity == b.Entity && KeyOf(a) == KeyOf(b) && CompatibleDates(a.Date, b.Date) && sameFormerName(a, b)
}

// sameFormerName reports whether two renames to one name may be one claim: one of them does not say
// what the name was before, or both say the same ("formerly the A" and "formerly the B" are two).
func sameFormerName(a, b events.Fact) bool {
	ra, ok1 := a.Payload.(events.PartyRenamed)
	rb, ok2 := b.Payload.(events.PartyRenamed)
	return !ok1 || !ok2 || ra.From == "" || rb.From == "" || events.NameKey(ra.From) == events.NameKey(rb.From)
}

// CompatibleDates reports whether two dates may name the same day: either is unknown, or their
// ranges of days overlap.
func CompatibleDates(a, b events.Date) bool {
	if a.Unknown() || b.Unknown() {
		return true
	}
	ae, al := a.Earliest(), a.Latest()
	be, bl := b.Earliest(), b.Latest()
	return ae <= bl && be <= al
}

// KeyOf returns the payload fields that tell two claims of a type apart: the person of an office, the
// successor of a succession, the new name of a rename, the members of a merger, the year of an
// election, the body of an affiliation, the new party of a split, the name of an entity, the ideas
// of an ideology and the place of a position.
func KeyOf(f events.Fact) string {
	switch p := f.Payload.(type) {
	case events.LeaderTookOffice:
		return string(p.Person)
	case events.LeaderLeftOffice:
		return string(p.Person)
	case events.PartySucceeded:
		return string(p.Successor)
	case events.PartyRenamed:
		return events.NameKey(p.To)
	case events.PartyMerged:
		ids := make([]string, len(p.Members))
		for i, m := range p.Members {
			ids[i] = string(m)
		}
		slices.Sort(ids)
		return strings.Join(ids, ",")
	case events.PartySplit:
		return string(p.NewParty)
	case events.ElectionResult:
		return electionYear(p.Election) + "/" + p.Level + "/" + p.Constituency
	case events.PartyAffiliation:
		return string(p.Organisation)
	case events.PartyAffiliationEnded:
		return string(p.Organisation)
	case events.EntityNamed:
		return events.NameKey(p.Name)
	case events.PartyIdeology:
		return strings.ToLower(strings.Join(p.Ideologies, ", "))
	case events.PartyPosition:
		return strings.ToLower(p.Position)
	}
	return ""
}

func electionYear(s string) string {
	if m := yearRE.FindString(s); m != "" {
		return m
	}
	return s
}

var yearRE = regexp.MustCompile(`\b\d{4}\b`)

// sentenceContext is one sentence being drafted, and the rule match at hand.
type sentenceContext struct {
	d     *drafter
	text  string
	sk    string
	refs  []ref
	dates []proseDate
	rule  string
	match []int
	// initially holds offices the sentence says a person held "initially" (or "first", "originally"),
	// to be closed by a later office in the same sentence.
	initially []int // indexes into d.facts
	tookLater []int
}

var markerRE = regexp.MustCompile(`⟦(\d+)⟧`)

// group returns the text of submatch g of the match ("" when it did not take part).
func (c *sentenceContext) group(g int) string {
	if 2*g+1 >= len(c.match) || c.match[2*g] < 0 {
		return ""
	}
	return c.sk[c.match[2*g]:c.match[2*g+1]]
}

// raw returns the text of submatch g with every marker replaced by the name it stands for.
func (c *sentenceContext) raw(g int) string {
	return markerRE.ReplaceAllStringFunc(c.group(g), func(m string) string {
		n, _ := strconv.Atoi(m[len("⟦") : len(m)-len("⟧")])
		if n < len(c.refs) && c.refs[n].name != "" {
			return c.refs[n].name
		}
		return m
	})
}

// firstBefore returns the first entity of a kind the sentence names before offset at.
func (c *sentenceContext) firstBefore(at int, kind events.Kind) ref {
	for _, m := range markerRE.FindAllStringSubmatchIndex(c.sk[:at], -1) {
		n, _ := strconv.Atoi(c.sk[m[2]:m[3]])
		if n < len(c.refs) && c.refs[n].kind == kind {
			return c.refs[n]
		}
	}
	return ref{}
}

// refsIn returns the entities marked in submatch g, in order.
func (c *sentenceContext) refsIn(g int) []ref {
	var out []ref
	for _, m := range markerRE.FindAllStringSubmatch(c.group(g), -1) {
		n, _ := strconv.Atoi(m[1])
		if n < len(c.refs) {
			out = append(out, c.refs[n])
		}
	}
	return out
}

// refsBetween returns the entities the skeleton names between two offsets.
func (c *sentenceContext) refsBetween(from, to int) []ref {
	var out []ref
	for _, m := range markerRE.FindAllStringSubmatch(c.sk[from:to], -1) {
		n, _ := strconv.Atoi(m[1])
		if n < len(c.refs) {
			out = append(out, c.refs[n])
		}
	}
	return out
}

// one returns the single entity of submatch g.
func (c *sentenceContext) one(g int) (ref, bool) {
	rs := c.refsIn(g)
	if len(rs) != 1 {
		return ref{}, false
	}
	return rs[0], true
}

// date returns the date of the match: the date written inside it, or else the nearest date of its
// clause (the part of the sentence between semicolons and ", but"), or else undated.
func (c *sentenceContext) date() proseDate {
	start, end := c.match[0], c.match[1]
	var coordinated *proseDate
	for i, dt := range c.dates {
		if dt.start >= start && dt.end <= end {
			if attributiveDate(c.sk, dt) {
				continue // "lifted the 1953 ban": the ban's year, not the lifting's
			}
			if andVerbAfterRE.MatchString(c.sk[dt.end:end]) {
				// "held seats from 1999 to 2012 and merged into X in February 2018": the date of
				// the verb before "and", when the words have one of their own.
				coordinated = &c.dates[i]
				continue
			}
			return dt
		}
	}
	if coordinated != nil {
		_, ce := clauseOf(c.sk, start, end)
		for _, dt := range c.dates {
			if dt.start >= end && dt.end <= ce {
				return dt
			}
		}
		return *coordinated
	}
	for _, dt := range c.dates {
		// "until 2009, when it merged": the day the words name, not before it.
		if dt.end <= start && whenRE.MatchString(c.sk[dt.end:start]) {
			dt.edtf = strings.TrimPrefix(dt.edtf, "../")
			if _, to, ok := strings.Cut(dt.edtf, "/"); ok && to != "" && to != ".." {
				dt.edtf = to // "active from 1956 until 1998, when it was absorbed": 1998
			}
			return dt
		}
	}
	for i, dt := range c.dates {
		if dt.start >= end && !strings.Contains(c.sk[end:dt.start], ";") && underInstrumentRE.MatchString(c.sk[end:dt.start]) &&
			(i == 0 || c.dates[i-1].end <= end) && !namedByYearRE.MatchString(c.sk[:dt.end]) {
			// "the junta banned the PDL, together with …, under Decree Law No. 77 of 8 October 1973":
			// the date of the act the words did it by is theirs, unless the words date themselves
			// before it ("arrested on 14 February 2015 under the Special Powers Act 1974") or the
			// year is part of the act's name.
			return dt
		}
	}
	cs, ce := clauseOf(c.sk, start, end)
	best, bestDist := proseDate{edtf: "XXXX"}, -1
	participle := leadingParticipleRE.FindStringIndex(c.sk)
	for _, dt := range c.dates {
		if dt.start < cs || dt.end > ce {
			continue
		}
		if participle != nil && dt.end <= participle[1] && start >= participle[1] {
			// "Founded in 1965 by dissidents, it was outlawed during the dictatorship": the date of
			// the participle that opens the sentence is the founding's, not the main clause's.
			continue
		}
		dist := start - dt.end
		if dt.start >= end {
			dist = dt.start - end + 1 // a date before the words wins a tie
		}
		if dt.end <= start && (nounOfRE.MatchString(c.sk[:dt.start]) || strings.HasPrefix(c.sk[dt.start:dt.end], "of ")) {
			dist += 20 // "after the revolution of January 2011 the party joined X in June 2011": June
		}
		if dt.start >= start && dt.end <= end && attributiveDate(c.sk, dt) {
			dist += len(c.sk) // "lifted the 1953 ban", within the words
		}
		if dt.end <= start && attributiveDate(c.sk, dt) && !electionNamedRE.MatchString(c.sk[start:end]) {
			// "In 2003 the court convicted X of offences committed in the 2001 election and
			// disqualified him": a year before the words that names a noun's time is not theirs,
			// when another is told.
			dist += len(c.sk) / 2
		}
		if dt.start >= end && (nounOfRE.MatchString(c.sk[:dt.start]) || nounOfRE.MatchString(c.sk[:dt.start]+"of ") && strings.HasPrefix(c.sk[dt.start:dt.end], "of ") || attributiveDate(c.sk, dt)) {
			// "In February 2005 … the EDOB, formed to contest the general election of 15 May 2005":
			// a date after the words that is a noun's is the noun's, not theirs.
			dist += len(c.sk)
		}
		if dt.start >= end && relativePronounRE.MatchString(c.sk[end:dt.start]) {
			// "succeeded by Bondar, a businessman who had led the Rural Party from 1997 to 2005": the
			// time of what the relative clause recalls, none of the words'.
			continue
		}
		if dt.start >= end && andOtherVerbRE.MatchString(c.sk[end:dt.start]) && !untilInRE.MatchString(c.sk[end:dt.end]) {
			// "… was suspended after the coup of 24 March 1982 and only partly restored in 1983",
			// "founded … as the SILS by X, took its present name in 1949": a date after another verb
			// joined by "and" or a comma is that verb's, none of the words'.
			continue
		}
		if dt.end <= start && andThenRE.MatchString(c.sk[dt.end:start]) {
			// "The group met throughout December 1947 and formally proclaimed the league … on 4
			// January 1948": the date of the verb before "and" is not this one's.
			dist += 2 * len(c.sk)
		}
		if lo, hi := min(dt.end, end), max(dt.start, start); lo < hi && strings.Contains(c.sk[lo:hi], ",") {
			// "In the months after … in May 1998, X re-established the party on 28 July 1998": a
			// date the words' own stretch of the sentence names wins over one a comma sets apart.
			dist += len(c.sk)
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = dt, dist
		}
	}
	return best
}

// leadingParticipleRE matches a participle clause that opens a sentence, up to its comma: "Founded
// in 1965 by left-wing dissidents,".
var leadingParticipleRE = regexp.MustCompile(`^(?:(?:Originally|First|Initially)\s+)?(?:Founded|Formed|Established|Created|Registered|Launched|Set\s+up|Organi[sz]ed|Born)\b[^,;]*,`)

// namedByYearRE matches the end of an act's name that holds its year: "the Special Powers Act 1974",
// "the Political Parties Order 2002".
var namedByYearRE = regexp.MustCompile(`\b(?:Act|Law|Order|Ordinance|Code|Decree|Statute|Regulations?|Rules)\s+\d{4}$`)

// relativePronounRE finds a relative clause in the pluperfect between a rule's words and a later
// date: what it recalls happened before.
var relativePronounRE = regexp.MustCompile(`\b(?:who|which)\s+had\s+(?:\w+\s+)?[a-z]+(?:ed|led|ld|ght|ew|en|un|ne)\b`)

// participleOpeningRE matches a sentence opening with a past participle's clause, up to the comma
// before its subject: "Banned together with every other party in 1964, ".
var participleOpeningRE = regexp.MustCompile(`^[A-Z][a-z]+(?:ed|en)\b[^;.]*,\s*$`)

// andOtherVerbRE matches the words between a rule's words and a later date that join another verb
// with "and": " after the coup of … and only partly restored in ".
var andOtherVerbRE = regexp.MustCompile(`\band\s+(?:(?:was|were|had\s+been|then|only|later|partly|soon|again)\s+)*[a-z]+ed\b|,\s+(?:and\s+)?(?:then\s+|later\s+)?(?:took|adopted|became|changed|belonged|joined|left|won|lost|merged|split|entered|withdrew|boycotted|contested)\b`)

// untilInRE finds "until" in words: "and served until a council in February 1990" dates the words'
// end, not another verb.
var untilInRE = regexp.MustCompile(`\b(?:until|till)\b`)

// andVerbAfterRE matches, after a date inside a rule's words, a verb of their own joined by "and",
// with which the words end: " and merged into ⟦1⟧", " and only partly restored" (not " and adopted
// its present name in 2014", another verb after the words' own).
var andVerbAfterRE = regexp.MustCompile(`^[^⟦;,]*?\s+and\s+(?:\w+ly\s+){0,2}(?:[a-z]+ed|went|fled|left|became|joined|broke|ran|took|won|lost)(?:\s+into\s+exile)?(?:(?:\s+(?:into|to|with|as|from|in|on))?\s+(?:the\s+)?⟦\d+⟧)?\s*$`)

// underInstrumentRE matches the words between a rule's words and the date of the act they were done
// by: ", together with the parties of the ⟦1⟧, under Decree Law No. 77 of ".
var underInstrumentRE = regexp.MustCompile(`\bunder\s+(?:the\s+)?(?:[\p{Lu}][\w.]*\s+){1,5}(?:No\.\s+\d+\s+)?(?:of\s+)?$|\bunder\s+(?:the\s+)?⟦\d+⟧\.?(?:\s+\d+)?\s+(?:of\s+)?$|\bunder\s+(?:the\s+)?(?:decree|law|act|order)\s+(?:[\w.]+\s+){0,3}(?:of\s+)?$`)

// andThenRE matches what stands between a date and words that follow it as a verb of their own: " and
// formally ".
var andThenRE = regexp.MustCompile(`^\s+and\s+(?:\w+ly\s+)?$`)

// attributiveDate reports whether a date is a noun's attribute: "the 2010 general election".
func attributiveDate(sk string, dt proseDate) bool {
	return strings.HasSuffix(sk[:dt.start], "the ") && attributiveNounRE.MatchString(sk[dt.end:])
}

// attributiveNounRE matches the noun a year stands before: " general election", " elections".
var attributiveNounRE = regexp.MustCompile(`^\s+(?:[a-z]+\s+){0,2}?(?:elections?|polls?|vote|congress|conference|campaign|budget|census|constitution|referendum|coup|revolution|war|crisis|uprising|protests?|games|season|law|accords?|agreement|treaty|ban|decree|ruling|amendment)\b`)

// electionNamedRE matches words that tell of an election themselves, whose time the election's year
// before them may be: "won three seats".
var electionNamedRE = regexp.MustCompile(`\b(?:won|wins|took|gained|lost|polled|received|obtained|seats?|votes?|elected|boycotted|contested)\b`)

// nounOfRE matches a noun's "of" before a date, which makes the date the noun's: "the revolution of".
var nounOfRE = regexp.MustCompile(`\b[a-z]+\s+of\s+$`)

// whenRE matches what stands between a date and the words that happened on it: ", when ⟦0⟧".
var whenRE = regexp.MustCompile(`^,?\s+when\s+(?:⟦\d+⟧\s+|(?:the|a|an|its|his|her)\s+(?:[\w-]+\s+){0,3})?$`)

var clauseBreakRE = regexp.MustCompile(`;|,\s+and\s+(?:he|she|they|⟦\d+⟧)\s+(?:later\s+|then\s+|soon\s+)?[a-z]+ed\b|,\s+and\s+(?:he|she|they|it|⟦\d+⟧)\s+(?:has|have|had)\s+been\b|,\s+where\b|,\s+but\b|\s+but\s+|,\s+while\b|,\s+whereas\b|,\s+after\s+which\b|,\s+and\s+(?:later|then|subsequently)\b|,\s+and\s+(?:[a-z]+\s+){1,2}(?:years?|months?|decades?|weeks?)\s+later\b|,\s+and\s+(?:in|on)\s+\d`)

// clauseOf returns the bounds of the clause of sk that holds [start, end).
func clauseOf(sk string, start, end int) (int, int) {
	cs, ce := 0, len(sk)
	for _, loc := range clauseBreakRE.FindAllStringIndex(sk, -1) {
		if m := sk[loc[0]:loc[1]]; m[len(m)-1] >= '0' && m[len(m)-1] <= '9' {
			// ", and on 17 March 1990 it was renamed": the clause after begins with its date.
			loc[1] = loc[0] + strings.Index(m, "and") + len("and")
		}
		if loc[1] <= start && loc[1] > cs {
			cs = loc[1]
		}
		if loc[0] >= end && loc[0] < ce {
			ce = loc[0]
		}
	}
	return cs, ce
}

// honoraryOffice reports whether p takes or leaves an honour that leads nothing: "honorary
// chairman", "patron", "chairman emeritus".
func honoraryOffice(p events.Payload) bool {
	var role string
	switch p := p.(type) {
	case events.LeaderTookOffice:
		role = p.Role
	case events.LeaderLeftOffice:
		role = p.Role
	default:
		return false
	}
	role = strings.ToLower(role)
	return strings.HasPrefix(role, "honorary") || strings.HasPrefix(role, "honourary") || strings.Contains(role, "emeritus") || role == "patron"
}

// add drafts a fact about entity with the match's date (or date, when given).
func (c *sentenceContext) add(entity events.EntityID, date string, p events.Payload) int {
	if entity == "" || entity.Validate() != nil || honoraryOffice(p) {
		return -1
	}
	if changesHands(p) && c.match != nil && governmentPostRE.MatchString(c.sk[c.match[1]:]) {
		return -1 // "was appointed deputy minister of agriculture": the role read was of a state office
	}
	if _, took := p.(events.LeaderTookOffice); took && date == "" && len(c.dates) == 0 && foundingMeetingRE.MatchString(c.text) {
		// "X was elected party leader at the founding meeting": when the party was founded, to the
		// day if the text told it so ("founded in 1990 … launched at a convention on 14 May 1990").
		date = c.d.foundingDate(entity)
		if precise := c.d.preciseFounding(entity); precise != "" {
			date = precise
		}
	}
	if date == "" {
		date = c.date().edtf
		if _, ok := p.(events.PartyFounded); ok && pluperfectFoundedRE.MatchString(c.sk[c.match[0]:c.match[1]]) && !c.datedWithin() {
			date = "XXXX" // "ruling that it had been founded on a religious basis": no time of its own
		}
	}
	if _, left := p.(events.LeaderLeftOffice); left && untilRE.MatchString(c.text) {
		// "remained leader until the merger": an end the words name, not the time told before
	} else if date == "XXXX" && changesHands(p) {
		// "Erdem died on 8 August 1997; his deputy Kaya became acting chairwoman": an office
		// changing hands in a clause that names no time takes the time of the clause before.
		for _, dt := range c.dates {
			if dt.end <= c.match[0] && !strings.Contains(dt.edtf, "/") {
				date = dt.edtf
			}
		}
	}
	if date == "XXXX" && changesHands(p) && afterTheEventRE.MatchString(c.sk[:c.match[0]]) && c.d.carried != "" && !strings.Contains(c.d.carried, "/") {
		// "For the election of 27 June 2004, … After the election Dagvadorj was replaced by Ganzorig
		// S.": after the time told before.
		date = c.d.carried + "/.."
	}
	if date == "XXXX" && changesState(p) && sameTimeRE.MatchString(c.sk) && c.d.carried != "" && !c.d.dated {
		date = c.d.carried // "The coalition was thereby wound up": when what was told before happened
	}
	if date == "XXXX" && changesState(p) && afterThatRE.MatchString(c.sk) {
		// "… walked out of a congress in November 1996; within weeks they had set up X", "The
		// registrar then declared the party unlawful": after the time the sentence, or else the
		// paragraph, named before.
		for _, dt := range c.dates {
			if dt.end <= c.match[0] && !strings.Contains(dt.edtf, "/") {
				date = dt.edtf + "/.."
			}
		}
		if date == "XXXX" && c.d.carried != "" && !c.d.dated {
			date = c.d.carried + "/.."
		}
	}
	if date == "XXXX" && c.d.carried != "" && !c.d.dated && changesHands(p) && !untilRE.MatchString(c.text) {
		date = c.d.carried
		if laterRE.MatchString(c.text) {
			date += "/.." // "He was later replaced by Y": after that time, not at it
		}
	}
	parsed, err := events.ParseDate(date)
	if err != nil {
		parsed = events.MustParseDate("XXXX")
	}
	if entity == c.d.subject {
		p = c.d.headOffice(p)
	}
	if from, to, ok := strings.Cut(date, "/"); ok && from != ".." && to != ".." && !strings.HasPrefix(from, "..") {
		switch p.(type) {
		case events.PartyBanned, events.PartyDeclaredIllegal:
			// "banned from 1982 to 1991": banned in 1982, the ban over in 1991.
			i := c.add(entity, from, p)
			c.add(entity, to, events.PartyRestored{Means: "ban ended"})
			return i
		}
	}
	f := events.Fact{Type: p.EventType(), Entity: entity, Date: parsed,
		Source: events.Source{Document: c.d.doc.Name, Quote: c.text}, Payload: p,
		Method: events.MethodDrafted, Rule: c.rule}
	if f.Validate() != nil {
		return -1
	}
	for _, r := range append([]ref{{id: entity}}, refsOf(p)...) {
		c.name(r.id)
	}
	c.d.facts = append(c.d.facts, f)
	switch p := p.(type) {
	case events.PartyBanned, events.PartyDeclaredIllegal:
		c.d.banned = entity
	case events.PartyDissolved:
		if p.Forced || p.By != "" {
			c.d.banned = entity // "ordered the league dissolved … The ban was lifted in 1944"
		}
	}
	if founds := events.Founds(events.Event{Fact: f}); len(founds) == 1 && founds[0] != c.d.subject &&
		(c.d.newest == "" || f.Date.Unknown() || c.d.newestOn.Unknown() || f.Date.Latest() >= c.d.newestOn.Earliest()) {
		// "the new party" is the one founded last: not one "which had been founded in 1986" that a
		// clause recalls after the merger of 1994.
		c.d.newest, c.d.newestOn, c.d.newestIn = founds[0], f.Date, c.text
	}
	return len(c.d.facts) - 1
}

// pluperfectFoundedRE matches a founding told as what had happened before the time of the sentence.
var pluperfectFoundedRE = regexp.MustCompile(`\bhad\s+(?:been\s+)?(?:founded|formed|established|created|set\s+up)\b`)

// datedWithin reports whether a date is written inside the match or right after it ("had been
// founded in 1988").
func (c *sentenceContext) datedWithin() bool {
	for _, dt := range c.dates {
		if dt.start >= c.match[0] && (dt.end <= c.match[1] || rightAfterRE.MatchString(c.sk[c.match[1]:dt.start])) {
			return true
		}
	}
	return false
}

// rightAfterRE matches what may stand between words and their own date: " in ", " on ", nothing.
var rightAfterRE = regexp.MustCompile(`^\s*(?:(?:in|on|at|by|around|about|c\.)\s+)?(?:the\s+)?$`)

// untilRE matches "until", which names an end rather than the time of the words.
var untilRE = regexp.MustCompile(`\buntil\b`)

// titleChanges drops the departures the sentence at hand drafted for a person who, in the same
// sentence and on the same day, took another office of the same body: "A and B led the party jointly
// until July 1969, when B became sole chairman": B's title changed, B did not leave.
func (d *drafter) titleChanges(text string) {
	took := map[string]bool{}
	for _, f := range d.facts {
		if p, ok := f.Payload.(events.LeaderTookOffice); ok && f.Source.Quote == text && headRole(p.Role) {
			took[string(f.Entity)+"\x00"+string(p.Person)+"\x00"+f.Date.String()] = true
		}
	}
	d.facts = slices.DeleteFunc(d.facts, func(f events.Fact) bool {
		p, ok := f.Payload.(events.LeaderLeftOffice)
		return ok && f.Source.Quote == text && headRole(p.Role) && took[string(f.Entity)+"\x00"+string(p.Person)+"\x00"+f.Date.String()]
	})
}

// headRole reports whether a role is the head of the party under some title ("co-leader", "sole
// chairman", "president"), not another office.
func headRole(role string) bool {
	w := strings.Fields(strings.NewReplacer("co-", "", "-", " ").Replace(role))
	if len(w) == 0 {
		return false
	}
	switch w[len(w)-1] {
	case "leader", "president", "chairman", "chairwoman", "chairperson", "chair", "head":
		return len(w) == 1 || w[0] == "sole" || w[0] == "joint" || w[0] == "party"
	}
	return false
}

// governmentPostRE matches the words that make the role a rule read end inside the name of a state
// office: "deputy| minister of agriculture", "vice| speaker of parliament", "deputy| mayor of Riga".
var governmentPostRE = regexp.MustCompile(`^[ \t]*(?:-\s*)?(?i:(?:prime\s+)?minister|ministers|speaker|governor|mayor|ambassador|commissioner|premier|secretary\s+of\s+state|president\s+of\s+the\s+(?:republic|country|senate|parliament|assembly))\b`)

// changesHands reports whether p is an office taken or left.
// changesState reports whether p changes what a party is: founded, split, merged, renamed, banned,
// restored, ended.
func changesState(p events.Payload) bool {
	switch p.(type) {
	case events.PartyFounded, events.PartySplit, events.PartyMerged, events.PartyRenamed, events.PartyBanned,
		events.PartyDeclaredIllegal, events.PartyDissolved, events.PartyRestored, events.PartyCeased:
		return true
	}
	return false
}

// afterTheEventRE matches the opening of a sentence that places it after an event told before: "After
// the election", "Following the congress".
var afterTheEventRE = regexp.MustCompile(`^(?i:after|following)\s+(?:the|this|that|its)\s+(?:\w+\s+)?(?:election|elections|congress|vote|defeat|split|merger|conference|coup|ban|war|revolution|poll|polls)\b`)

// sameTimeRE matches the words that place what a sentence tells at the time told before it.
var sameTimeRE = regexp.MustCompile(`(?i)\b(?:thereby|with\s+that|at\s+the\s+same\s+time|simultaneously|in\s+the\s+process)\b`)

// afterThatRE matches the words that place what a sentence tells after the time told before it:
// "then", "within weeks", "soon after", "shortly afterwards".
var afterThatRE = regexp.MustCompile(`(?i)\b(?:then|thereupon|within\s+(?:(?:a\s+few|two|three|several)\s+)?(?:days|weeks|months)|soon\s+after(?:wards)?|shortly\s+after(?:wards)?|afterwards|subsequently|thereafter)\b`)

func changesHands(p events.Payload) bool {
	switch p.(type) {
	case events.LeaderTookOffice, events.LeaderLeftOffice:
		return true
	}
	return false
}

// laterRE matches the words that put an event after the time told before.
var laterRE = regexp.MustCompile(`(?i)\b(?:later|subsequently|afterwards|eventually|thereafter|soon)\b`)

// headOffice returns p with the head of the party named as the document's leaders table names it: a
// text that says "led by X" of a party whose table lists its secretaries-general means that office.
func (d *drafter) headOffice(p events.Payload) events.Payload {
	if d.head == "" {
		d.head = "leader"
		for _, sec := range d.doc.Sections {
			for _, b := range sec.Blocks {
				if t := b.Table; b.Kind == document.TableBlock && t != nil && isLeadersTable(t) {
					d.head = sectionOffice(sec.Title)
				}
			}
		}
	}
	head := func(role string) string {
		if rest, ok := strings.CutSuffix(role, "leader"); ok && (rest == "" || rest == "acting " || rest == "interim ") {
			return rest + d.head // "acting leader" of a party headed by a secretary-general
		}
		return role
	}
	switch o := p.(type) {
	case events.LeaderTookOffice:
		o.Role = head(o.Role)
		return o
	case events.LeaderLeftOffice:
		o.Role = head(o.Role)
		return o
	}
	return p
}

func refsOf(p events.Payload) []ref {
	var out []ref
	for _, id := range p.Refs() {
		out = append(out, ref{id: id})
	}
	return out
}

// name drafts, once per document, that an entity the drafted facts involve is known by the name the
// sentence gives it, so that the record knows its kind.
func (c *sentenceContext) name(id events.EntityID) {
	for _, r := range c.refs {
		if r.id != id || r.name == "" {
			continue
		}
		if !c.d.addName(c.text, id, r) {
			return
		}
		// Go on: the sentence may give it other names too ("the Democratic Party (DS)").
	}
}

// addName drafts, once per document, that id is known by the name of r, quoting the sentence. It
// reports false when the kind of id is not known (a place, a people): such a name is not drafted.
func (d *drafter) addName(quote string, id events.EntityID, r ref) bool {
	kind := d.kinds[id]
	if kind == "" {
		kind = r.kind
	}
	if kind == "" {
		return false
	}
	nameType := events.NameOfficial
	switch {
	case id == d.subject && d.otherAbbrevs[events.NameKey(r.name)]:
		nameType = events.NameAlternate
	case id == d.subject && d.natives[events.NameKey(r.name)]:
		nameType = events.NameNative // "The New Siam Party (Thai: พรรคสยามก้าวใหม่)"
	case id == d.subject && events.NameKey(r.name) != events.NameKey(titleName(d.doc.Title)) && allCaps(r.name):
		nameType = events.NameAbbreviation
	case events.Slug(r.name) != id && allCaps(r.name):
		nameType = events.NameAbbreviation
	case events.Slug(r.name) != id && kind == events.KindParty && nearSpelling(events.NameKey(r.name), events.NameKey(d.nameOf(id))):
		nameType = events.NameMisspelling
	case kind == events.KindPerson && otherScript(r.name):
		nameType = events.NameNative // "Yun Chang-ho (윤창호)"
	case events.Slug(r.name) != id:
		nameType = events.NameAlternate
	}
	if _, ok := d.qualified[events.NameKey(r.name)]; ok {
		return true // "Argentina's Partido Federal del Trabajo": the name and its country, not a name
	}
	key := string(id) + "\x00" + events.NameKey(r.name)
	if d.named[key] {
		return true
	}
	d.named[key] = true
	f := events.Fact{Type: events.TypeEntityNamed, Entity: id, Date: events.MustParseDate("XXXX"),
		Source:  events.Source{Document: d.doc.Name, Quote: quote},
		Payload: events.EntityNamed{Kind: kind, Name: r.name, NameType: nameType, Language: language(r.name)},
		Method:  events.MethodDrafted, Rule: "named-in-sentence"}
	if f.Validate() == nil {
		d.facts = append(d.facts, f)
	}
	if full, ok := d.fullNames[id]; ok && kind == events.KindPerson && full[0] != r.name && full[1] != "" {
		// "Henríquez" after "Lucía Henríquez Saavedra": the person's full name, quoting where it
		// was written.
		d.addName(full[1], id, ref{id: id, kind: kind, name: full[0]})
	}
	return true
}

// country returns the country the document's infobox gives, or "".
func (d *drafter) country() string {
	if d.doc.Infobox == nil {
		return ""
	}
	if f, ok := d.doc.Infobox.Get("Country"); ok {
		return strings.TrimSpace(f.Value)
	}
	return ""
}

// government returns the id under which the record knows the government of the document's country
// ("government-of-romania"), or "" when the infobox names no country.
func (d *drafter) government() events.EntityID {
	c := d.country()
	if c == "" {
		return ""
	}
	return events.Slug("Government of " + c)
}

// nameOf returns the name the text has come to give id (the name it was founded under, the name it
// was renamed to), or else the first name the document gave it.
func (d *drafter) nameOf(id events.EntityID) string {
	if n := d.current[id]; n != "" {
		return n
	}
	return d.firstName(id)
}

// dateAfter returns the first date written after the match in its clause, or else its date.
func (c *sentenceContext) dateAfter() proseDate {
	_, ce := clauseOf(c.sk, c.match[0], c.match[1])
	for _, dt := range c.dates {
		if dt.start >= c.match[1] && dt.end <= ce {
			// "until 1998" after an office or a life names when it ended: 1998, not ../1998.
			dt.edtf = strings.TrimPrefix(dt.edtf, "../")
			return dt
		}
	}
	return c.date()
}

// settleInitially closes the offices a sentence says were held "initially" at the date of the office
// the same sentence says came later ("It was initially led by A, but in 1985 B became leader").
func (c *sentenceContext) settleInitially() {
	if len(c.initially) == 0 || len(c.tookLater) == 0 {
		return
	}
	later := c.d.facts[c.tookLater[0]]
	if later.Date.Unknown() {
		return
	}
	for _, i := range c.initially {
		f := c.d.facts[i]
		office := f.Payload.(events.LeaderTookOffice).Office
		f.Date = events.MustParseDate("../" + later.Date.String())
		c.d.facts[i] = f
		left := events.Fact{Type: events.TypeLeaderLeftOffice, Entity: f.Entity, Date: later.Date, Source: f.Source,
			Payload: events.LeaderLeftOffice{Office: office}, Method: events.MethodDrafted, Rule: "succeeded-in-office"}
		if left.Validate() == nil {
			c.d.facts = append(c.d.facts, left)
		}
	}
}

// shortLeader returns the id of the one leader the document's infobox, leaders tables and lists name
// by a single word that is a word of the person m names in full ("Batsukh" of Batsukh Luvsandorj), or
// "": the mirror of extractor.fullName, for a document whose structures use the shorter name.
func (d *drafter) shortLeader(m mention) events.EntityID {
	words := strings.Fields(events.NameKey(m.name))
	if (m.kind != events.KindPerson && m.kind != "") || len(words) < 2 || len(words) > 4 {
		return ""
	}
	var found events.EntityID
	for _, n := range d.leaders {
		key := events.NameKey(n)
		if strings.Contains(key, " ") || utf8.RuneCountInString(key) < 4 || !slices.Contains(words, key) {
			continue
		}
		if id := events.Slug(n); found != id {
			if found != "" {
				return "" // two leaders it may be: neither
			}
			found = id
		}
	}
	return found
}

// byInitials returns the id of the one person the document names in full whose given names begin with
// the initials m gives before the same family name ("K. S. Bakari" for Khamis Salim Bakari), or "".
func (d *drafter) byInitials(m mention) events.EntityID {
	words := strings.Fields(m.name)
	n := 0
	for n < len(words) && utf8.RuneCountInString(strings.TrimSuffix(words[n], ".")) == 1 {
		n++
	}
	if n == 0 || n == len(words) || (m.kind != events.KindPerson && m.kind != "") {
		return ""
	}
	initials, family := words[:n], events.NameKey(strings.Join(words[n:], " "))
	fits := func(full string) bool {
		fw := strings.Fields(events.NameKey(withoutHonorifics(full)))
		fam := strings.Fields(family)
		if len(fw) <= len(fam) {
			return false
		}
		var given []string
		switch {
		case strings.Join(fw[len(fw)-len(fam):], " ") == family:
			given = fw[:len(fw)-len(fam)]
		case strings.Join(fw[:len(fam)], " ") == family:
			given = fw[len(fam):] // "C. H. Lin" for Lin Chao-hsiung: the family name first
		default:
			return false
		}
		var parts []string // "chao-hsiung": two given names, two initials
		for _, g := range given {
			parts = append(parts, strings.FieldsFunc(g, func(r rune) bool { return r == '-' })...)
		}
		if len(parts) < n {
			return false
		}
		for i, in := range initials {
			r, _ := utf8.DecodeRuneInString(events.NameKey(strings.TrimSuffix(in, ".")))
			g, _ := utf8.DecodeRuneInString(parts[i])
			if r != g {
				return false
			}
		}
		return true
	}
	return onePerson(fits, func(yield func(string, events.EntityID) bool) {
		for id, full := range d.fullNames {
			if !yield(full[0], id) {
				return
			}
		}
		d.leaderPersons(yield)
	})
}

// onePerson returns the one person of candidates (name, id) whose name fits, or "" when none or
// several do: two persons it may be, neither.
func onePerson(fits func(name string) bool, candidates iter.Seq2[string, events.EntityID]) events.EntityID {
	var found events.EntityID
	for name, id := range candidates {
		if !fits(name) || id == found {
			continue
		}
		if found != "" {
			return ""
		}
		found = id
	}
	return found
}

// leaderPersons yields the names the document's infobox and leaders tables give its leaders, with
// their persons' ids.
func (d *drafter) leaderPersons(yield func(string, events.EntityID) bool) {
	for _, n := range d.leaders {
		if !yield(n, personID(n)) {
			return
		}
	}
}

// sameLetters returns the id of the one person the document names (before, or in its infobox and
// leaders tables) with the same letters as m, spaces and hyphens aside ("Chen Mei-ling" for "Chen
// Meiling"), or "".
func (d *drafter) sameLetters(m mention) events.EntityID {
	if m.kind != events.KindPerson && m.kind != "" {
		return ""
	}
	compact := func(s string) string { return strings.NewReplacer(" ", "", "-", "").Replace(events.NameKey(s)) }
	want := compact(m.name)
	if utf8.RuneCountInString(want) < 6 {
		return ""
	}
	return onePerson(func(name string) bool { return compact(name) == want }, func(yield func(string, events.EntityID) bool) {
		for name, id := range d.aliases {
			if d.kinds[id] == events.KindPerson && !yield(name, id) {
				return
			}
		}
		d.leaderPersons(yield)
	})
}
