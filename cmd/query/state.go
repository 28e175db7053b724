package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"annals/events"
	"annals/history"
	"annals/projections"
)

func (m *Main) state(ctx context.Context, args []string) error {
	c := m.flags("state", "--at DATE [--party P] [flags]",
		"Prints every party known on a day (or one party): its name on that day, abbreviation, status,\n"+
			"leaders, ideology and position, wings and affiliations, predecessors and successors.\n"+
			"A fact whose date range contains the day is shown as uncertain; claims that disagree are shown\n"+
			"as disputed, each with its source.")
	at := c.fs.String("at", "", "the `day`, YYYY-MM-DD (required)")
	party := c.fs.String("party", "", "one party: its id, abbreviation or any name the record holds")
	if err := c.parse(args); err != nil {
		return err
	}
	if *at == "" {
		c.fs.Usage()
		return usageError{"state needs --at DATE"}
	}
	day, err := parseAt(*at)
	if err != nil {
		return err
	}
	store, h, err := c.openHistorian()
	if err != nil {
		return err
	}
	defer store.Close()
	states, err := h.State(ctx, day, *party)
	if err != nil {
		return err
	}
	if c.json {
		return m.writeJSON(struct {
			AsOf    string                   `json:"as_of"`
			Parties []projections.PartyState `json:"parties"`
		}{day.String(), nonNil(states)})
	}
	writeStates(m.Stdout, day, states, *party != "")
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func displayName(st projections.PartyState) string { return history.DisplayName(st) }

func writeStates(w io.Writer, day events.Day, states []projections.PartyState, one bool) {
	var dated, undated []projections.PartyState
	for _, st := range states {
		if st.Status.Value == projections.StatusUnknown && !st.Attested && !one {
			undated = append(undated, st)
		} else {
			dated = append(dated, st)
		}
	}
	if !one {
		fmt.Fprintf(w, "Parties on %s: %d on record by then", day, len(dated))
		if len(undated) > 0 {
			fmt.Fprintf(w, ", %d more the record names without dating", len(undated))
		}
		fmt.Fprintln(w)
	}
	for _, st := range dated {
		fmt.Fprintln(w)
		writeState(w, st)
	}
	if len(undated) > 0 {
		fmt.Fprintf(w, "\nParties the record names with no dated fact by %s (they may or may not have existed then):\n", day)
		for _, st := range undated {
			line := fmt.Sprintf("  %s [%s]", displayName(st), st.ID)
			if st.Status.Since != "" || len(st.Status.Pending) > 0 {
				line += ": " + statusText(st.Status)
			}
			fmt.Fprintln(w, line)
		}
	}
}

func writeState(w io.Writer, st projections.PartyState) {
	title := displayName(st)
	if st.Name.Disputed {
		title = strings.Join(claimValues(st.Name.Claims), " / ") + " (name disputed)"
	}
	if st.Abbreviation.Value != "" {
		title += " (" + st.Abbreviation.Value + ")"
	}
	fmt.Fprintln(w, title)
	row := func(label, value string) {
		if value == "" {
			value = "—"
		}
		fmt.Fprintf(w, "  %-13s %s\n", label, strings.ReplaceAll(value, "\n", "\n"+strings.Repeat(" ", 16)))
	}
	row("id", string(st.ID))
	row("status", statusText(st.Status))
	row("founded", valueText(st.Founded, "date"))
	if st.Name.Disputed {
		row("name", valueText(st.Name, "name"))
	}
	if st.Abbreviation.Disputed {
		row("abbreviation", valueText(st.Abbreviation, "abbreviation"))
	}
	var other []string
	for _, c := range st.OtherNames {
		other = append(other, c.Value+draftedMark(c.Method))
	}
	if len(other) > 0 {
		row("also known as", strings.Join(other, "\n"))
	}
	row("leaders", leadersText(st.Leaders))
	row("ideology", valueText(st.Ideology, "ideology"))
	row("position", valueText(st.Position, "position"))
	row("wings", linksText(st.Wings))
	row("affiliations", linksText(st.Affiliations))
	row("predecessors", linksText(st.Predecessors))
	row("successors", linksText(st.Successors))
	if len(st.Disputes) > 0 {
		row("disputed", disputesText(st.Disputes))
	}
}

// disputesText lists each dispute with every claim, its date and its source's words.
func disputesText(disputes []projections.Dispute) string {
	var lines []string
	for _, d := range disputes {
		lines = append(lines, d.Field+":")
		for _, c := range d.Claims {
			value := c.Value
			switch {
			case value == "":
				value = "dated " + c.Date
			case c.Date != "" && c.Date != "XXXX":
				value += " (" + c.Date + ")"
			}
			lines = append(lines, fmt.Sprintf("  %s%s  [%s: %q]", value, draftedMark(c.Method), c.Source.Label(), events.FoldSpace(c.Source.Quote)))
		}
	}
	return strings.Join(lines, "\n")
}

// draftedMark returns " (drafted)" for what rests only on facts a rule drafted from running text and
// no person has reviewed (method events.MethodDrafted), "" otherwise. Every answer in text marks a
// drafted claim, link, leader, status or event with it, next to its certainty or its source.
func draftedMark(method string) string {
	if method == events.MethodDrafted {
		return " (drafted)"
	}
	return ""
}

// sourceLabels names each source once, in order.
func sourceLabels(sources []events.Source) string {
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

func claimValues(claims []projections.Claim) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range claims {
		if k := events.NameKey(c.Value); !seen[k] {
			seen[k] = true
			out = append(out, c.Value)
		}
	}
	return out
}

func statusText(s projections.Status) string {
	out := s.Value
	if s.Since != "" && s.Value != projections.StatusNotFounded {
		out += " since " + s.Since
	}
	if s.Value == projections.StatusUnknown {
		out = "on record, founding date not recorded"
		if s.Since != "" {
			out = s.Value + " since " + s.Since
		}
	}
	out += " (" + string(s.Certainty) + ")" + draftedMark(s.Method)
	for _, p := range s.Pending {
		out += fmt.Sprintf("\nmay already be: %s (dated %s)%s  [%s]", p.Value, p.Date, draftedMark(p.Method), p.Source.Label())
	}
	return out
}

// valueText renders a field: its value with its dating, or every claim with its source when disputed.
func valueText(v projections.Value, what string) string {
	if len(v.Claims) == 0 {
		return ""
	}
	if v.Disputed {
		lines := []string{"DISPUTED: the sources disagree on the " + what}
		for _, c := range v.Claims {
			value := c.Value
			if c.Date != "" && c.Date != "XXXX" && c.Date != c.Value {
				value += " (dated " + c.Date + ")"
			}
			lines = append(lines, fmt.Sprintf("  %s%s  [%s: %q]", value, draftedMark(c.Method), c.Source.Label(), events.FoldSpace(c.Source.Quote)))
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
	return out + draftedMark(v.Method) + "  [" + strings.Join(sources, ", ") + "]"
}

func linksText(links []projections.Link) string {
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
		out = append(out, s+draftedMark(l.Method)+"  ["+l.Source.Label()+"]")
	}
	return strings.Join(out, "\n")
}

// leadersText renders office holders, one a line, with their dating and sources.
func leadersText(leaders []projections.Leader) string {
	var lines []string
	for _, l := range leaders {
		s := fmt.Sprintf("%s, %s", l.Name, l.Role)
		switch {
		case l.Certainty == projections.Undated:
			s += " (undated)"
		case l.Until != "":
			s += fmt.Sprintf(" since %s, may have left %s (uncertain)", l.Since, l.Until)
		case l.Certainty == projections.Uncertain:
			s += fmt.Sprintf(" since %s (uncertain)", l.Since)
		default:
			s += " since " + l.Since
		}
		lines = append(lines, s+draftedMark(l.Method)+"  ["+sourceLabels(append([]events.Source{l.Source}, l.Also...))+"]")
	}
	return strings.Join(lines, "\n")
}
