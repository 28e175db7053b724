package main

import (
	"context"
	"fmt"

	"annals/events"
	"annals/history"
)

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
	doc := history.NewDiffDocument(from, to, all)
	if c.json {
		return m.writeJSON(doc)
	}
	diffs := doc.Parties
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
