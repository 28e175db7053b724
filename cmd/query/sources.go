package main

import (
	"context"
	"fmt"

	"annals/events"
	"annals/history"
)

func (m *Main) sources(ctx context.Context, args []string) error {
	c := m.flags("sources", "DOC [flags]",
		"Prints the facts drawn from one document, in document order (by where each quote starts), with\n"+
			"the line of each quote. DOC is the document's file name as recorded.")
	if err := c.parseArgs(args, 1); err != nil {
		return err
	}
	name := c.args[0]
	store, h, err := c.openHistorian()
	if err != nil {
		return err
	}
	defer store.Close()
	a, err := h.Sources(ctx, name)
	if err != nil {
		return documentError(err)
	}
	doc, facts := a, a.Facts
	if c.json {
		return m.writeJSON(history.NewSourcesDocument(name, a))
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
