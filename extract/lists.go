package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

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
			if b.Kind != document.List {
				continue
			}
			for _, it := range b.Items {
				if err := x.leaderItem(sec, it, role); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// leadersSectionRE matches the title of a section that lists a party's heads, not their deputies.
var leadersSectionRE = regexp.MustCompile(`(?i)^(?:(?:list\s+of\s+)?(?:the\s+)?(?:party\s+)?(?:leaders|leadership|chairm[ae]n|chairwomen|chairpersons|chairs|presidents|secretaries[- ]general|general\s+secretaries|first\s+secretaries|heads)(?:\s+of\s+the\s+party)?)$`)

// itemTermRE matches the term of a list item: "1981–1986", "(1952–1968)", "since 2001", "April 1972 – 1976",
// "1991–present".
var itemTermRE = regexp.MustCompile(strings.ReplaceAll(`(?i)\(?\s*(?:since\s+)?(?:c\.\s*)?(?:(?:\d{1,2}\s+)?(?:MONTH\s+)?\d{4})(?:\s*(?:[–—−-]|\s+to\s+)\s*(?:(?:(?:\d{1,2}\s+)?(?:MONTH\s+)?\d{4})|present|incumbent|today)?)?\s*\)?`,
	"MONTH", `(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter)`))

func (x *extractor) leaderItem(sec *document.Section, it document.Item, role string) error {
	q := x.lineText(it.Line)
	loc := itemTermRE.FindStringIndex(it.Text)
	skip := func(err error) error {
		if x.strict {
			return err
		}
		x.warn(it.Line, "list in section %s: %v; item skipped", events.Excerpt(sec.Title, events.DefaultExcerpt), err)
		return nil
	}
	if loc == nil {
		return skip(fmt.Errorf("item %s gives no term: %w", events.Excerpt(it.Text, events.DefaultExcerpt), events.ErrInvalid))
	}
	start, end, err := ProsePeriod(strings.TrimSpace(it.Text[loc[0]:loc[1]]))
	if err != nil {
		return skip(err)
	}
	rest := strings.TrimSpace(it.Text[:loc[0]] + " " + it.Text[loc[1]:])
	name, native := rest, ""
	if i := strings.Index(rest, "("); i >= 0 {
		if j := strings.Index(rest[i:], ")"); j > 0 {
			inner := strings.TrimSpace(rest[i+1 : i+j])
			name = strings.TrimSpace(rest[:i] + " " + rest[i+j+1:])
			if otherScript(inner) {
				native = inner
			}
		}
	}
	name = strings.Trim(name, " ,;:–—-")
	if name == "" || !isCap(name) {
		return skip(fmt.Errorf("item %s names no holder: %w", events.Excerpt(it.Text, events.DefaultExcerpt), events.ErrInvalid))
	}
	for _, n := range coHolders(name) {
		person := x.mention(events.KindPerson, n, q)
		if native != "" {
			x.name(person, events.KindPerson, native, events.NameNative, q)
		}
		office := events.Office{Person: person, Role: role}
		x.add(x.subject, start, q, events.LeaderTookOffice{Office: office})
		if end != "" {
			x.add(x.subject, end, q, events.LeaderLeftOffice{Office: office})
		}
	}
	return nil
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
