package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"annals/document"
	"annals/events"
)

// resultLines applies the results-line rule: under a section of election results ("Electoral
// history", "Election results", "Elections"), or a subsection of one, a list item or a line of its own that opens with an
// election's year (its day or month too, "1989 (June)"), and its kind, then its figures: "2008
// parliamentary election – 4.2% of the vote, 6 seats", "**1974**: 1.9% of the vote, 2 seats". Each
// is one result of the party the document is about, at the level the section names; "boycotted" is a
// boycott, "did not contest" no result. A line of running text is no such line: it does not open
// with a year and a separator.
func (x *extractor) resultLines() {
	var parents []*document.Section // the sections that hold the one at hand, by level
	for _, sec := range x.doc.Sections {
		for len(parents) > 0 && parents[len(parents)-1].Level >= sec.Level {
			parents = parents[:len(parents)-1]
		}
		parents = append(parents, sec)
		results := false // the section, or one that holds it ("Electoral history" over "Senate")
		for _, s := range parents {
			results = results || resultsSectionRE.MatchString(s.Title)
		}
		if !results {
			continue
		}
		level := levelOf(sec.Title)
		for _, b := range sec.Blocks {
			switch b.Kind {
			case document.List:
				for _, it := range b.Items {
					x.resultLine(it.Text, level)
				}
			case document.Paragraph:
				for _, l := range strings.Split(b.Text, "\n") {
					x.resultLine(strings.TrimSpace(l), level)
				}
			}
		}
	}
}

// resultsSectionRE matches the title of a section of election results.
var resultsSectionRE = regexp.MustCompile(`(?i)^(?:(?:the\s+)?(?:party'?s\s+)?(?:electoral|election)\s+(?:history|results?|performance|record)|elections?(?:\s+results?)?|results|electoral\s+results?\s+by\s+year)(?:\s*\(.*\))?$`)

// resultLineRE reads a results line: the election's day, month and year, or its year and month in
// brackets, its kind, a remark in brackets ("(as the New Party)"), a separator, and the rest.
var resultLineRE = regexp.MustCompile(`^(?:(\d{1,2})\s+)?(?:` + monthRE + `\s+)?(\d{4})(?:\s*\(` + monthRE + `\))?(?:\s+((?:[\p{L}-]+\s+){0,3}?)elections?)?(?:\s*\([^()]*\))?\s*(?:[:–—]|\s-|,)\s*(\S.*)$`)

// resultLine drafts the result one line or item tells, if it is a results line.
func (x *extractor) resultLine(text, level string) {
	m := resultLineRE.FindStringSubmatch(strings.TrimSpace(blankWikiMarkup(text)))
	if m == nil {
		return
	}
	day, month, year, kind, rest := m[1], m[2], m[3], strings.TrimSpace(strings.ToLower(m[5])), m[6]
	if month == "" {
		month = m[4]
	}
	switch kind {
	case "":
		kind = level
	case "local", "communal", "municipal":
		level = events.LevelCommunal
	}
	election := year + " " + kind + " election"
	date := year
	if month != "" {
		date = fmt.Sprintf("%s-%02d", year, months[strings.ToLower(month)])
		if day != "" {
			d, _ := strconv.Atoi(day)
			date += fmt.Sprintf("-%02d", d)
		}
		if _, err := events.ParseDate(date); err != nil {
			date = year
		}
	}
	if boycottRE.MatchString(rest) {
		x.add(x.subject, date, text, events.PartyBoycotted{Election: election})
		return
	}
	res := events.ElectionResult{Election: election, Level: level, Seats: seatsIn(rest)}
	if p := percentRE.FindStringSubmatch(rest); p != nil {
		res.Percent = p[1] + "%"
	}
	if v := votesRE.FindStringSubmatch(rest); v != nil {
		res.VotesText = v[1]
		res.Votes, _ = Number(v[1])
	}
	if res.Seats == "" && res.Percent == "" && res.VotesText == "" {
		return // "2004 – did not contest", "1990: the party's first election": no figure
	}
	x.add(x.subject, date, text, res)
}
