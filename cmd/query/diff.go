package main

import (
	"context"
	"fmt"

	"annals/events"
	"annals/history"
	"annals/nodeapi/wire"
)

func (m *Main) diff(c *common) func(ctx context.Context) error {
	c.remote = true
	c.tables = true
	fromFlag := c.fs.String("from", "", "the first `day`, YYYY-MM-DD (required)")
	toFlag := c.fs.String("to", "", "the second `day`, YYYY-MM-DD (required)")
	party := c.fs.String("party", "", "only this party")
	return func(ctx context.Context) error {
		if *fromFlag == "" || *toFlag == "" {
			c.fs.Usage()
			return usageError{Msg: "diff needs --from DATE and --to DATE"}
		}
		from, err := events.ParseDay(*fromFlag)
		if err != nil {
			return usageError{Msg: fmt.Sprintf("--from: %v", err)}
		}
		to, err := events.ParseDay(*toFlag)
		if err != nil {
			return usageError{Msg: fmt.Sprintf("--to: %v", err)}
		}
		if from > to {
			return usageError{Msg: fmt.Sprintf("--from %s is after --to %s", from, to)}
		}
		var doc history.DiffDocument
		raw, err := c.answer(ctx, "diff", wire.DiffRequest{From: *fromFlag, To: *toFlag, Party: *party, ReadOptions: c.readOptions()}, &doc,
			func(h *history.Historian) error {
				all, err := h.Diff(ctx, from, to, *party)
				doc = history.NewDiffDocument(from, to, all)
				return err
			})
		if err != nil {
			return err
		}
		if tabular(c.format) {
			return writeTable(m.Stdout, c.format, changeTable(doc))
		}
		if c.json {
			return m.writeDocument(raw, doc)
		}
		diffs := doc.Parties
		changed := "parties changed"
		if len(diffs) == 1 {
			changed = "party changed"
		}
		fmt.Fprintf(m.Stdout, "From %s to %s: %d %s\n", from, to, len(diffs), changed)
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
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
