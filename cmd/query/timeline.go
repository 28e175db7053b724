package main

import (
	"context"
	"fmt"
	"io"

	"annals/events"
	"annals/history"
	"annals/nodeapi/wire"
	"annals/projections"
)

func (m *Main) timeline(c *common) func(ctx context.Context) error {
	c.remote = true
	c.tables = true
	party := c.fs.String("party", "", "the party: its id, abbreviation or any name the record holds (required)")
	return func(ctx context.Context) error {
		if *party == "" {
			c.fs.Usage()
			return usageError{Msg: "timeline needs --party P"}
		}
		var a history.TimelineAnswer
		var doc history.TimelineDocument
		raw, err := c.answer(ctx, "timeline", wire.TimelineRequest{Party: *party, ReadOptions: c.readOptions()}, &doc,
			func(h *history.Historian) (err error) { a, err = h.Timeline(ctx, *party); return err })
		if err != nil {
			return err
		}
		if raw != nil {
			a = history.TimelineAnswer{ID: doc.Party, Name: doc.Name, Events: doc.Events}
		}
		id, entries := a.ID, a.Events
		if tabular(c.format) {
			return writeTable(m.Stdout, c.format, entryTable(entries))
		}
		if c.json {
			return m.writeDocument(raw, history.NewTimelineDocument(a))
		}
		fmt.Fprintf(m.Stdout, "Timeline of %s [%s]: %d events\n", a.Name, id, len(entries))
		writeHistory(m.Stdout, entries)
		return nil
	}
}

// writeHistory prints entries in historical order, with the undated ones (the sources give no date)
// last, under their own heading.
func writeHistory(w io.Writer, entries []projections.Entry) {
	var dated, undated []projections.Entry
	for _, e := range entries {
		if e.Date == "XXXX" {
			undated = append(undated, e)
		} else {
			dated = append(dated, e)
		}
	}
	writeEntries(w, dated)
	if len(undated) > 0 {
		fmt.Fprintf(w, "\nUndated: the sources state these without a date\n")
		writeEntries(w, undated)
	}
}

// writeEntries prints events one to a block: the date as the source gives it and the event, then its
// type and id, then its source (marked when a rule drafted the fact) and quote.
func writeEntries(w io.Writer, entries []projections.Entry) {
	for _, e := range entries {
		fmt.Fprintf(w, "\n%-12s %s\n%12s %s  %s\n%12s %s%s: %q\n", e.Date, e.Summary, "", e.Type, e.EventID, "", e.Source.Label(), draftedMark(e.Method), events.FoldSpace(e.Source.Quote))
	}
}
