package main

import (
	"context"
	"fmt"
	"io"

	"annals/events"
	"annals/history"
	"annals/projections"
)

func (m *Main) timeline(ctx context.Context, args []string) error {
	c := m.flags("timeline", "--party P [flags]",
		"Lists a party's events, and the events that involve it, in historical order: the date as the\n"+
			"source gives it, the event, and the source with its quote.")
	party := c.fs.String("party", "", "the party: its id, abbreviation or any name the record holds (required)")
	if err := c.parse(args); err != nil {
		return err
	}
	if *party == "" {
		c.fs.Usage()
		return usageError{"timeline needs --party P"}
	}
	store, h, err := c.openHistorian()
	if err != nil {
		return err
	}
	defer store.Close()
	a, err := h.Timeline(ctx, *party)
	if err != nil {
		return err
	}
	id, entries := a.ID, a.Events
	if c.json {
		return m.writeJSON(history.NewTimelineDocument(a))
	}
	fmt.Fprintf(m.Stdout, "Timeline of %s [%s]: %d events\n", a.Name, id, len(entries))
	writeHistory(m.Stdout, entries)
	return nil
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
