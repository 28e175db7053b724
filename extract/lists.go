package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"annals/document"
	"annals/events"
)

// lists applies the list rule: a list under a section that names a party's leaders ("Leaders",
// "Chairmen", "List of party presidents") whose items give a holder and a term, in any order ("Yosef
// Ben-Harush (יוסף בן-חרוש), 1981–1986", "Ramsharan Tripathi (1952–1968)", "1991–present: Nino
// Kiknadze"): the holder took office at the term's start and left it at its end, in the office the
// section names. A name in another script in brackets is the holder's native name. An item of such
// a list that gives no term, or a term that cannot be read, is skipped with a warning (or refuses the
// document in strict mode); lists under other sections state no fact this package draws.
func (x *extractor) lists() error {
	for _, sec := range x.doc.Sections {
		if !leadersSectionRE.MatchString(sec.Title) {
			continue
		}
		role := sectionOffice(sec.Title)
		for _, b := range sec.Blocks {
			items := b.Items
			if b.Kind == document.Paragraph {
				items = lineItems(b) // "Dorjsürengiin Temüüjin (14 March 1998 – October 2003)", a line each
			} else if b.Kind != document.List {
				continue
			}
			for _, it := range items {
				r, holders := labelledHolders(it.Text)
				if r == "" {
					r = role
				}
				for _, h := range holders {
					it := it
					it.Text = h
					if err := x.leaderItem(sec, it, r); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// lineItems reads a paragraph of a leaders section written a holder a line, with no bullets, as
// the items of a list: two lines or more, each short, none ending a sentence, and each giving a term.
// Any other paragraph gives none.
func lineItems(b document.Block) []document.Item {
	lines := strings.Split(strings.TrimRight(b.Text, "\n"), "\n")
	if len(lines) < 2 {
		return nil
	}
	items := make([]document.Item, 0, len(lines))
	for k, l := range lines {
		l = strings.TrimSpace(strings.TrimSuffix(l, "\r"))
		if utf8.RuneCountInString(l) > 150 || strings.HasSuffix(l, ".") || !itemTermRE.MatchString(l) {
			return nil
		}
		items = append(items, document.Item{Text: l, Line: b.Line + k})
	}
	return items
}

// leadersSectionRE matches the title of a section that lists a party's heads, not their deputies.
var leadersSectionRE = regexp.MustCompile(`(?i)^(?:(?:list\s+of\s+)?(?:the\s+)?(?:party\s+)?(?:leaders|leadership|chairm[ae]n|chairwomen|chairpersons|chairs|presidents|secretaries[- ]general|general\s+secretaries|first\s+secretaries|heads)(?:\s+of\s+the\s+party)?)$`)

// itemTermRE matches the term of a list item: "1981–1986", "(1952–1968)", "since 2001", "April 1972 – 1976",
// "1991–present".
var itemTermRE = regexp.MustCompile(strings.ReplaceAll(`(?i)\(?\s*(?:since\s+)?(?:c\.\s*)?(?:(?:\d{1,2}\s+)?(?:MONTH\s+)?\d{4})(?:\s*(?:[–—−-]|\s+to\s+)\s*(?:(?:(?:\d{1,2}\s+)?(?:MONTH\s+)?\d{4})|present|incumbent|today)?)?\s*\)?`,
	"MONTH", `(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter)`))

func (x *extractor) leaderItem(sec *document.Section, it document.Item, role string) error {
	q := x.lineText(it.Line)
	skip := func(err error) error {
		if x.strict {
			return err
		}
		x.warn(it.Line, "list in section %s: %v; item skipped", events.Excerpt(sec.Title, events.DefaultExcerpt), err)
		return nil
	}
	parts, err := readLeaderItem(it.Text)
	if err != nil {
		return skip(err)
	}
	sectionRole := role
	if parts.role != "" {
		role = parts.role
	}
	if parts.qualifier != "" {
		role = parts.qualifier + " " + role // "Ibrahim Ali Rifaat (1936, interim)"
	}
	// "Declan Moran, 1977 (acting); 1977–1992": the same holder's later terms.
	if first, more, ok := strings.Cut(it.Text, ";"); ok && strings.Count(first, "(") == strings.Count(first, ")") {
		for _, seg := range strings.Split(more, ";") {
			later, err := readLeaderItem(parts.name + " " + strings.TrimSpace(seg))
			if err != nil {
				continue
			}
			r := sectionRole
			if later.qualifier != "" {
				r = later.qualifier + " " + r
			}
			x.term(x.mention(events.KindPerson, parts.name, q), r, later.start, later.end, q)
		}
	}
	for _, n := range coHolders(parts.name) {
		person := x.mention(events.KindPerson, n, q)
		if parts.native != "" {
			x.name(person, events.KindPerson, parts.native, events.NameNative, q)
		}
		x.term(person, role, parts.start, parts.end, q)
	}
	for _, l := range parts.later {
		r := sectionRole
		switch l.word {
		case "acting", "interim", "caretaker":
			r = l.word + " " + sectionRole
		default:
			if isRoleWord(l.word) {
				r = Role(l.word)
			}
		}
		x.term(x.mention(events.KindPerson, parts.name, q), r, l.start, l.end, q)
	}
	return nil
}

// term drafts that person took the office of role on start and, when end is known, left it then,
// as the item quoted q tells.
func (x *extractor) term(person events.EntityID, role, start, end, q string) {
	office := events.Office{Person: person, Role: role}
	x.add(x.subject, start, q, events.LeaderTookOffice{Office: office})
	if end != "" {
		x.add(x.subject, end, q, events.LeaderLeftOffice{Office: office})
	}
}

// labelledHolders reads an item of a leaders list that names its office before a colon and may
// list several holders, each with a term, separated by semicolons ("Secretary-general: A (1987–2006);
// B (2006–present)"): it returns the office and each holder's text. An item without such a label
// ("1991–present: Nino Kiknadze" labels with a term, not an office) is returned whole, with no
// office; so is a segment after a semicolon that names nobody ("Declan Moran, 1977 (acting);
// 1977–1992": the same holder's later term, read by leaderItem).
func labelledHolders(text string) (role string, holders []string) {
	m := officeLabelRE.FindStringSubmatch(text)
	if m == nil {
		return "", []string{text}
	}
	role, text = Role(m[1]), m[2]
	for _, seg := range splitList(text) {
		if seg = strings.TrimSpace(seg); seg == "" {
			continue
		}
		if n := len(holders); n > 0 && !isCap(strings.TrimSpace(itemTermRE.ReplaceAllString(seg, ""))) {
			holders[n-1] += "; " + seg // a later term of the holder before
			continue
		}
		holders = append(holders, seg)
	}
	return role, holders
}

// officeLabelRE matches an office named before a colon at the start of a list item: "Chairman: ",
// "Acting chairman: ", "Secretary-general: ". The label holds no digit and at most four words.
var officeLabelRE = regexp.MustCompile(`^(\p{L}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}):\s+(\S.*)$`)

// leaderItem is what an item of a leaders list gives: the holder's name, their name in another
// script, how they held the office (acting, interim), and the term.
type leaderItem struct {
	name, native, qualifier string
	role                    string // the office, where the item names it ("co-chair")
	start, end              string
	later                   []laterTerm // more terms in the brackets: "(acting 1989–1990; chairperson 1990–2005)"
}

// laterTerm is a further term a leaders item gives in its brackets, in the office the word before
// it names ("chairperson") or provisionally ("acting").
type laterTerm struct {
	word, start, end string
}

// readLeaderItem reads an item of a leaders list: "Yosef Ben-Harush (יוסף בן-חרוש), 1981–1986",
// "Ibrahim Ali Rifaat (1936, interim)", "1991–present: Nino Kiknadze". The brackets may hold the
// term, the native name and the qualifier, in any order; a term may also stand outside them.
func readLeaderItem(text string) (leaderItem, error) {
	var it leaderItem
	if first, _, ok := strings.Cut(text, ";"); ok && itemTermRE.MatchString(first) && strings.Count(first, "(") == strings.Count(first, ")") {
		text = first // "Declan Moran, 1977 (acting); 1977–1992": the first term (leaderItems reads the rest)
	}
	term, elsewhere := "", false
	rest := bracketsRE.ReplaceAllStringFunc(text, func(b string) string {
		for _, part := range strings.FieldsFunc(strings.Trim(b, "()"), func(r rune) bool { return r == ',' || r == ';' }) {
			part = strings.TrimSpace(part)
			if term == "" && officeElsewhereRE.MatchString(part) {
				elsewhere = true // "(co-chair of the New Progressive Unity Party, 2011–2014)": another body's office
			}
			switch w := strings.ToLower(part); {
			case w == "acting" || w == "interim" || w == "caretaker":
				it.qualifier = w
			case term == "" && isTerm(part):
				term = part
			case term == "" && provisionalTermRE.MatchString(part) && isTerm(provisionalTermRE.FindStringSubmatch(part)[2]):
				m := provisionalTermRE.FindStringSubmatch(part) // "acting October 2003 – April 2004"
				it.qualifier, term = strings.ToLower(m[1]), m[2]
			case term != "" && wordTermRE.MatchString(part):
				m := wordTermRE.FindStringSubmatch(part) // "chairperson 1990–2005" after a first term
				if start, end, err := ProsePeriod(m[2]); err == nil {
					it.later = append(it.later, laterTerm{word: strings.ToLower(m[1]), start: start, end: end})
				}
			case it.native == "" && otherScript(part):
				it.native = part
			}
		}
		return " "
	})
	if term == "" {
		if loc := itemTermRE.FindStringIndex(rest); loc != nil {
			term, rest = rest[loc[0]:loc[1]], rest[:loc[0]]+" "+rest[loc[1]:]
		}
	}
	if elsewhere {
		return it, fmt.Errorf("item %s gives the term of an office in another body: %w", events.Excerpt(text, events.DefaultExcerpt), events.ErrInvalid)
	}
	if term == "" {
		return it, fmt.Errorf("item %s gives no term: %w", events.Excerpt(text, events.DefaultExcerpt), events.ErrInvalid)
	}
	var err error
	if it.start, it.end, err = ProsePeriod(term); err != nil {
		return it, err
	}
	it.name = strings.Trim(strings.Join(strings.Fields(rest), " "), " ,;:–—-")
	if name, how, ok := strings.Cut(it.name, ", "); ok && !isCap(how) {
		// "Vasil Tsonev, acting", "A and B, co-chairs": the name, then how the office was held.
		it.name = name
		switch w := strings.ToLower(strings.TrimSpace(how)); {
		case w == "acting" || w == "interim" || w == "caretaker":
			it.qualifier = w
		case strings.HasPrefix(w, "co-"):
			it.role = strings.TrimSuffix(w, "s")
		}
	}
	if it.name == "" || !isCap(it.name) {
		return it, fmt.Errorf("item %s names no holder: %w", events.Excerpt(text, events.DefaultExcerpt), events.ErrInvalid)
	}
	return it, nil
}

// leaderItemParts returns the holder an item of a leaders list names, and whether it is one.
func leaderItemParts(text string) (name string, it leaderItem, ok bool) {
	it, err := readLeaderItem(text)
	return it.name, it, err == nil
}

var bracketsRE = regexp.MustCompile(`\([^()]*\)`)

// officeElsewhereRE matches an office of a body named in an item's brackets: "co-chair of the New
// Progressive Unity Party".
var officeElsewhereRE = regexp.MustCompile(`\bof\s+(?:the\s+)?\p{Lu}`)

// isRoleWord reports whether word names a party office: "chairperson", "co-chair", "president".
func isRoleWord(word string) bool { return roleWordRE.MatchString(word) }

var roleWordRE = regexp.MustCompile(`^(?:co-|vice-|deputy-)?(?:leader|president|chairman|chairwoman|chairperson|chair|secretary-general|general-secretary|secretary|head|spokesperson|spokesman)$`)

// wordTermRE matches a term after the word that says how it was held: "chairperson 1990–2005",
// "acting 2003".
var wordTermRE = regexp.MustCompile(`^(\p{Ll}[\p{Ll}-]*)\s+(\d.*)$`)

// provisionalTermRE matches a term held provisionally, the word before it: "acting October 2003 – April 2004".
var provisionalTermRE = regexp.MustCompile(`(?i)^(acting|interim|caretaker)\s+(.+)$`)

func isTerm(s string) bool {
	_, _, err := ProsePeriod(s)
	return err == nil
}

// otherScript reports whether s is written in a script other than Latin (a name in Hebrew, Hangul,
// Devanagari, Georgian).
func otherScript(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

// leaderNames returns the names of the persons a document's infobox, leaders tables and leaders lists
// name as the party's leaders, in document order.
func leaderNames(doc *document.Document) []string {
	var out []string
	if doc.Infobox != nil {
		for _, f := range doc.Infobox.Fields {
			switch k := infoboxKey(f.Key); {
			case k == "leader" || k == "leaders" || k == "president" || k == "chairman" || k == "chairwoman" || k == "chairperson",
				strings.HasPrefix(k, "leader") && strings.HasSuffix(k, "name"):
				for _, n := range splitList(f.Value) {
					out = append(out, withoutQualifier(n))
				}
			}
		}
	}
	for _, sec := range doc.Sections {
		for _, b := range sec.Blocks {
			switch {
			case b.Kind == document.TableBlock && b.Table != nil && isLeadersTable(b.Table):
				for _, r := range b.Table.Rows {
					for _, n := range coHolders(cell(b.Table, r, columnOf(b.Table, leaderColumns.name))) {
						out = append(out, withoutQualifier(n))
					}
				}
			case b.Kind == document.List && leadersSectionRE.MatchString(sec.Title):
				for _, it := range b.Items {
					_, holders := labelledHolders(it.Text)
					for _, h := range holders {
						if name, _, ok := leaderItemParts(h); ok {
							for _, n := range coHolders(name) {
								out = append(out, withoutQualifier(n))
							}
						}
					}
				}
			}
		}
	}
	return out
}

// withoutQualifier is a leader's name without what brackets say of the term, and without the
// honorifics before it: "Batsukh" of "Batsukh (1996–2001)", "Ana Ruiz" of "Dr. Ana Ruiz (acting)".
func withoutQualifier(n string) string {
	if name, _, ok := strings.Cut(n, " ("); ok && strings.TrimSpace(name) != "" {
		n = name
	}
	return withoutHonorifics(n)
}
