package main

import (
	"context"
	"fmt"
	"strings"

	"annals/events"
	"annals/projections"
)

// partyDiff is what changed for one party between two days.
type partyDiff struct {
	Party   events.EntityID     `json:"party"`
	Name    string              `json:"name"`
	Changes []change            `json:"changes"`
	Events  []projections.Entry `json:"events"` // the facts that happened (or may have) between the two days
}

// change is one field that differs: its value on the first day and on the second.
type change struct {
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

func (m *Main) diff(ctx context.Context, args []string) error {
	c := m.flags("diff", "--from DATE --to DATE [--party P] [flags]",
		"Prints what changed in the world between two historical days: for each party whose state differs,\n"+
			"the fields that changed (status, name, abbreviation, leaders, ideology, position, wings,\n"+
			"affiliations, predecessors, successors) and the facts dated between the two days, with sources.")
	fromFlag := c.fs.String("from", "", "the first `day`, YYYY-MM-DD (required)")
	toFlag := c.fs.String("to", "", "the second `day`, YYYY-MM-DD (required)")
	party := c.fs.String("party", "", "only this party")
	if err := c.parse(args); err != nil {
		return err
	}
	if *fromFlag == "" || *toFlag == "" {
		c.fs.Usage()
		return usageError{"diff needs --from DATE and --to DATE"}
	}
	from, err := events.ParseDay(*fromFlag)
	if err != nil {
		return usageError{fmt.Sprintf("--from: %v", err)}
	}
	to, err := events.ParseDay(*toFlag)
	if err != nil {
		return usageError{fmt.Sprintf("--to: %v", err)}
	}
	if from > to {
		return usageError{fmt.Sprintf("--from %s is after --to %s", from, to)}
	}
	store, h, err := c.openHistorian()
	if err != nil {
		return err
	}
	defer store.Close()
	all, err := h.Diff(ctx, from, to, *party)
	if err != nil {
		return err
	}
	var diffs []partyDiff
	for _, pd := range all {
		d := partyDiff{Party: pd.ID, Name: pd.Name, Changes: compareStates(pd.Before, pd.After), Events: pd.Events}
		if len(d.Changes) > 0 || len(d.Events) > 0 {
			diffs = append(diffs, d)
		}
	}
	if c.json {
		return m.writeJSON(struct {
			From    string      `json:"from"`
			To      string      `json:"to"`
			Parties []partyDiff `json:"parties"`
		}{from.String(), to.String(), nonNil(diffs)})
	}
	fmt.Fprintf(m.Stdout, "From %s to %s: %d parties changed\n", from, to, len(diffs))
	for _, d := range diffs {
		fmt.Fprintf(m.Stdout, "\n%s [%s]\n", d.Name, d.Party)
		for _, ch := range d.Changes {
			fmt.Fprintf(m.Stdout, "  %-13s %s\n  %-13s → %s\n", ch.Field, orDash(ch.From), "", orDash(ch.To))
		}
		if len(d.Events) > 0 {
			fmt.Fprintf(m.Stdout, "  facts dated in between (%d):\n", len(d.Events))
			for _, e := range d.Events {
				fmt.Fprintf(m.Stdout, "    %-12s %s%s  [%s]\n", e.Date, e.Summary, draftedMark(e.Method), e.Source.Label())
			}
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// compareStates lists the fields whose rendering differs between two states of a party.
func compareStates(a, b projections.PartyState) []change {
	fields := []struct {
		name string
		get  func(projections.PartyState) string
	}{
		{"status", func(s projections.PartyState) string { return statusText(s.Status) }},
		{"name", func(s projections.PartyState) string { return valueText(s.Name, "name") }},
		{"abbreviation", func(s projections.PartyState) string { return valueText(s.Abbreviation, "abbreviation") }},
		{"leaders", func(s projections.PartyState) string { return leadersText(s.Leaders) }},
		{"ideology", func(s projections.PartyState) string { return valueText(s.Ideology, "ideology") }},
		{"position", func(s projections.PartyState) string { return valueText(s.Position, "position") }},
		{"wings", func(s projections.PartyState) string { return linksText(s.Wings) }},
		{"affiliations", func(s projections.PartyState) string { return linksText(s.Affiliations) }},
		{"predecessors", func(s projections.PartyState) string { return linksText(s.Predecessors) }},
		{"successors", func(s projections.PartyState) string { return linksText(s.Successors) }},
	}
	var out []change
	for _, f := range fields {
		x, y := f.get(a), f.get(b)
		if x != y {
			out = append(out, change{Field: f.name, From: strings.ReplaceAll(x, "\n", "; "), To: strings.ReplaceAll(y, "\n", "; ")})
		}
	}
	return out
}
