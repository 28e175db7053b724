package history

import (
	"fmt"
	"strings"

	"annals/events"
	"annals/projections"
)

// FoundedText renders a founding date. Claims that refine each other show as the date they leave
// together with the sources that give it (and those of undated claims, which agree with any date),
// then one line per vaguer date, "refines DATE", with its sources: every source stays cited.
// Otherwise it is ValueText(v, "date").
func FoundedText(v projections.Value) string {
	if v.Disputed || len(v.Claims) == 0 {
		return ValueText(v, "date")
	}
	var dates []string
	sources := map[string][]events.Source{}
	for _, c := range v.Claims {
		d := c.Date
		if d == "" || d == "XXXX" {
			d = v.Value
		}
		if _, ok := sources[d]; !ok {
			dates = append(dates, d)
		}
		sources[d] = append(sources[d], c.Source)
	}
	if len(dates) == 1 {
		return ValueText(v, "date")
	}
	out := v.Value + DraftedMark(v.Method)
	if s, ok := sources[v.Value]; ok {
		out += "  [" + SourceLabels(s) + "]"
	}
	for _, d := range dates {
		if d == v.Value {
			continue
		}
		out += "\nrefines " + d + "  [" + SourceLabels(sources[d]) + "]"
	}
	return out
}

// VacanciesText renders the offices nobody held, one a line: "leader: vacant since 2017-02-11 (last
// held by Sam Rainsy), until 2017-03-02", or "no holder on record since …" when the record knows of
// no later holder.
func VacanciesText(vs []projections.Vacancy) string {
	var lines []string
	for _, v := range vs {
		s := fmt.Sprintf("%s: vacant since %s (last held by %s), until %s", v.Office, v.Since, strings.Join(v.Last, ", "), v.Until)
		if v.Until == "" {
			s = fmt.Sprintf("%s: no holder on record since %s (last held by %s)", v.Office, v.Since, strings.Join(v.Last, ", "))
		}
		lines = append(lines, s+"  ["+v.Source.Label()+"]")
	}
	return strings.Join(lines, "\n")
}

// FormerLeadersText renders the last office holders of a party that has ended, one a line: since
// when they held the office and, if the record says, when they left it.
func FormerLeadersText(leaders []projections.Leader) string {
	var lines []string
	for _, l := range leaders {
		s := fmt.Sprintf("%s, %s", l.Name, l.Role)
		s += stylesText(l)
		switch {
		case l.Certainty == projections.Undated:
			s += " (undated)"
		case l.Certainty == projections.Uncertain:
			s += " since " + l.Since + " (uncertain)"
		default:
			s += " since " + l.Since
		}
		if l.Until != "" {
			s += ", left " + l.Until
		} else {
			s += ", until the party ended"
		}
		lines = append(lines, s+DraftedMark(l.Method)+"  ["+SourceLabels(append([]events.Source{l.Source}, l.Also...))+"]")
	}
	return strings.Join(lines, "\n")
}

// BansText renders bans from politics, one a line: who, from when, for how long, until when, and
// whether the ban was in force, may have been over or was over on the day.
func BansText(bans []projections.Ban) string {
	var lines []string
	for _, b := range bans {
		s := fmt.Sprintf("%s banned from politics since %s", b.Who, b.Since)
		if b.Years > 0 {
			s += fmt.Sprintf(" for %d years", b.Years)
		}
		if b.Until != "" {
			s += ", to " + b.Until
		}
		s += " (" + b.State
		if b.Certainty == projections.Uncertain {
			s += ", uncertain"
		}
		s += ")"
		lines = append(lines, s+DraftedMark(b.Method)+"  ["+b.Source.Label()+"]")
	}
	return strings.Join(lines, "\n")
}
