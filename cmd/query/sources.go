package main

import (
	"context"
	"fmt"

	"annals/events"
	"annals/history"
	"annals/nodeapi/wire"
)

func (m *Main) sources(c *common) func(ctx context.Context) error {
	c.remote = true
	return func(ctx context.Context) error {
		name := c.args[0]
		var a history.SourcesAnswer
		var sdoc history.SourcesDocument
		raw, err := c.answer(ctx, "sources", wire.SourcesRequest{Document: name, ReadOptions: c.readOptions()}, &sdoc,
			func(h *history.Historian) (err error) { a, err = h.Sources(ctx, name); return err })
		if err != nil {
			return documentError(err)
		}
		if raw != nil {
			a = history.SourcesAnswer(sdoc)
		}
		doc, facts := a, a.Facts
		if c.json {
			return m.writeDocument(raw, history.NewSourcesDocument(name, a))
		}
		fmt.Fprintf(m.Stdout, "%s (%q): %d facts\n", name, doc.Title, len(facts))
		line := -1
		for _, f := range facts {
			if f.Line != line {
				line = f.Line
				fmt.Fprintf(m.Stdout, "\nline %d\n", line)
			}
			fmt.Fprintf(m.Stdout, "  %-10s %s\n  %10s %s  %s%s\n  %10s %q\n", f.Date, f.Summary, "", f.Type, f.EventID, draftedMark(f.Method), "", events.FoldSpace(f.Source.Quote))
		}
		return nil
	}
}
