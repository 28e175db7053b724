package main

import (
	"context"
	"fmt"
	"sort"

	"annals/document"
	"annals/events"
	"annals/projections"
)

// sourceFact is one fact of `query sources`, with the line its quote starts on.
type sourceFact struct {
	Line int `json:"line"`
	projections.Entry
}

func (m *Main) sources(ctx context.Context, args []string) error {
	c := m.flags("sources", "DOC [flags]",
		"Prints the facts drawn from one document, in document order (by where each quote starts), with\n"+
			"the line of each quote. DOC is the document's file name as recorded.")
	if err := c.parseArgs(args, 1); err != nil {
		return err
	}
	name := c.args[0]
	store, dir, err := c.openDirectory(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	docEvents, err := store.EntityEvents(ctx, events.DocumentEntity(name))
	if err != nil {
		return err
	}
	var doc *document.Document
	for _, st := range docEvents {
		if d, ok := st.Event.Payload.(events.DocumentRecorded); ok && d.Name == name {
			if doc, err = document.Parse(d.Name, []byte(d.Text)); err != nil {
				return fmt.Errorf("document %s in the record: %w", name, err)
			}
		}
	}
	if doc == nil {
		all, err := dir.all()
		if err != nil {
			return err
		}
		var names []string
		for id, e := range all {
			if e.Kind == events.KindDocument {
				names = append(names, string(id))
			}
		}
		sort.Strings(names)
		return fmt.Errorf("document %s is not in the record: %w (the record holds %d documents; `query events --type document.` lists them)", name, events.ErrNotFound, len(names))
	}
	var facts []sourceFact
	err = store.Scan(ctx, 1, func(st events.Stored) error {
		if st.Event.Source.Document == name && st.Event.Type != events.TypeDocumentRecorded && c.known(st) {
			facts = append(facts, sourceFact{Line: doc.LineOf(st.Event.Source.Quote), Entry: projections.NewEntry(st.Event, events.MaxDay, dir.name)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(facts, func(i, j int) bool {
		if facts[i].Line != facts[j].Line {
			return facts[i].Line < facts[j].Line
		}
		return facts[i].EventID < facts[j].EventID
	})
	if c.json {
		return m.writeJSON(struct {
			Document string       `json:"document"`
			Title    string       `json:"title"`
			Facts    []sourceFact `json:"facts"`
		}{name, doc.Title, nonNil(facts)})
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
