package history

import (
	"fmt"
	"strings"

	"annals/events"
	"annals/projections"
)

// The renderings below are the one place a field of a party's state is put in words: the query
// command prints them, and CompareStates compares them for the diff document.

// DraftedMark returns " (drafted)" for what rests only on facts a rule drafted from running text and
// no person has reviewed (method events.MethodDrafted), "" otherwise.
func DraftedMark(method string) string {
	if method == events.MethodDrafted {
		return " (drafted)"
	}
	return ""
}

// SourceLabels names each source once, in order, comma-separated.
func SourceLabels(sources []events.Source) string {
	var out []string
	seen := map[string]bool{}
	for _, s := range sources {
		if !seen[s.Label()] {
			seen[s.Label()] = true
			out = append(out, s.Label())
		}
	}
	return strings.Join(out, ", ")
}

// StateWords puts a party's state in words ("declared illegal" for projections.StateDeclaredIllegal),
// and any other claim value of a status ("founded") as it is.
func StateWords(s projections.State) string {
	switch s {
	case projections.StateNotFounded:
		return "not yet founded"
	case projections.StateUnrecorded:
		return "founding not recorded"
	case projections.StateDeclaredIllegal:
		return "declared illegal"
	case projections.StateCeased:
		return "ceased activity"
	case projections.StateSuspended:
		return "registration suspended"
	}
	return string(s)
}

// StatesWords puts the states of a status in words: "banned, dissolved" for two changes on one day.
func StatesWords(s projections.Status) string {
	words := make([]string, len(s.States))
	for i, st := range s.States {
		words[i] = StateWords(st)
	}
	return strings.Join(words, ", ")
}

// NameText renders a name with its type when it has one: "គណបក្សសង្គ្រោះជាតិ (native)".
func NameText(c projections.Claim) string {
	if c.NameType == "" {
		return c.Value
	}
	return c.Value + " (" + c.NameType + ")"
}

// StatusText renders a status: its states, since when, its certainty and what it may already be.
func StatusText(s projections.Status) string {
	out := StatesWords(s)
	if s.Since != "" && !s.Is(projections.StateNotFounded) {
		out += " since " + s.Since
	}
	if s.Is(projections.StateUnrecorded) && s.Since == "" {
		out = "on record, founding date not recorded"
	}
	out += " (" + string(s.Certainty) + ")" + DraftedMark(s.Method)
	// One line per change and date, naming every source of it: two claims of one founding are one line.
	var lines []string
	sources := map[string][]events.Source{}
	for _, p := range s.Pending {
		line := fmt.Sprintf("\nmay already be: %s (dated %s)%s", StateWords(projections.State(p.Value)), p.Date, DraftedMark(p.Method))
		if _, ok := sources[line]; !ok {
			lines = append(lines, line)
		}
		sources[line] = append(sources[line], p.Source)
	}
	for _, line := range lines {
		out += line + "  [" + SourceLabels(sources[line]) + "]"
	}
	return out
}

// ValueText renders a field (what names it, as "name" or "date"): its value with its dating and
// sources, or every claim with its source when disputed; "" for a field without claims.
func ValueText(v projections.Value, what string) string {
	if len(v.Claims) == 0 {
		return ""
	}
	if v.Disputed {
		lines := []string{"DISPUTED: the sources disagree on the " + what}
		for _, c := range v.Claims {
			if what == "date" && c.Value == "XXXX" {
				continue // a claim that dates nothing takes no side
			}
			value := c.Value
			if c.Date != "" && c.Date != "XXXX" && c.Date != c.Value {
				value += " (dated " + c.Date + ")"
			}
			lines = append(lines, fmt.Sprintf("  %s%s  [%s: %q]", value, DraftedMark(c.Method), c.Source.Label(), events.FoldSpace(c.Source.Quote)))
		}
		return strings.Join(lines, "\n")
	}
	out := v.Value
	if what == "date" && out == "XXXX" {
		out = "not dated by the sources"
	}
	var sources []string
	seen := map[string]bool{}
	undated := true
	for _, c := range v.Claims {
		if !seen[c.Source.Label()] {
			seen[c.Source.Label()] = true
			sources = append(sources, c.Source.Label())
		}
		if c.Certainty != projections.Undated {
			undated = false
		}
	}
	if undated && what != "date" {
		out += " (undated)"
	}
	return out + DraftedMark(v.Method) + "  [" + strings.Join(sources, ", ") + "]"
}

// LinksText renders links, one a line, each with its kind, dating and source.
func LinksText(links []projections.Link) string {
	var out []string
	for _, l := range links {
		s := fmt.Sprintf("%s: %s", l.Kind, l.Name)
		switch l.Certainty {
		case projections.Undated:
			s += " (undated)"
		case projections.Uncertain:
			s += fmt.Sprintf(" (%s, uncertain)", l.Date)
		default:
			s += fmt.Sprintf(" (%s)", l.Date)
		}
		if l.Until != "" {
			s += ", left " + l.Until
		}
		out = append(out, s+DraftedMark(l.Method)+"  ["+l.Source.Label()+"]")
	}
	return strings.Join(out, "\n")
}

// stylesText is " (also styled …)" for a leader whose sources word the office in other ways, and ""
// otherwise.
func stylesText(l projections.Leader) string {
	if styles := l.Styles(); len(styles) > 0 {
		return " (also styled " + strings.Join(styles, ", ") + ")"
	}
	return ""
}

// LeadersText renders office holders, one a line, with their dating and sources.
func LeadersText(leaders []projections.Leader) string {
	var lines []string
	for _, l := range leaders {
		s := fmt.Sprintf("%s, %s", l.Name, l.Role)
		s += stylesText(l)
		switch {
		case l.Certainty == projections.Undated && l.Until != "":
			s += fmt.Sprintf(" (undated: no source says since when), may have left %s", l.Until)
		case l.Certainty == projections.Undated:
			s += " (undated: no source says since when)"
		case l.Until != "" && l.Certainty == projections.Certain: // over a period: held it, then left
			s += fmt.Sprintf(" since %s, left %s", l.Since, l.Until)
		case l.Until != "":
			s += fmt.Sprintf(" since %s, may have left %s (uncertain)", l.Since, l.Until)
		case l.Certainty == projections.Uncertain:
			s += fmt.Sprintf(" since %s (uncertain)", l.Since)
		default:
			s += " since " + l.Since
		}
		lines = append(lines, s+DraftedMark(l.Method)+"  ["+SourceLabels(append([]events.Source{l.Source}, l.Also...))+"]")
	}
	return strings.Join(lines, "\n")
}
