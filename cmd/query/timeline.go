package main

import (
	"context"
	"fmt"

	"annals/events"
	"annals/projections"
)

// timelineEntry is one line of a timeline in JSON.
type timelineEntry struct {
	Date      string          `json:"date"`
	HumanDate string          `json:"human_date"`
	Type      events.Type     `json:"type"`
	Summary   string          `json:"summary"`
	Entity    events.EntityID `json:"entity"`
	EventID   string          `json:"event_id"`
	Recorded  string          `json:"recorded"`
	Source    events.Source   `json:"source"`
}

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
	store, err := c.open()
	if err != nil {
		return err
	}
	defer store.Close()
	dir, err := loadDirectory(ctx, store)
	if err != nil {
		return err
	}
	id, err := dir.resolve(ctx, store, *party, events.KindParty)
	if err != nil {
		return err
	}
	stored, err := store.EntityEvents(ctx, id)
	if err != nil {
		return err
	}
	entries := make([]timelineEntry, 0, len(stored))
	for _, st := range stored {
		e := st.Event
		if e.Type == events.TypeDocumentRecorded {
			continue
		}
		entries = append(entries, timelineEntry{Date: e.Date.String(), HumanDate: e.Date.Human(), Type: e.Type,
			Summary: projections.Describe(e, dir.name), Entity: e.Entity, EventID: e.ID.String(),
			Recorded: e.Recorded.Format("2006-01-02T15:04:05.000Z07:00"), Source: e.Source})
	}
	if c.json {
		return m.writeJSON(struct {
			Party  events.EntityID `json:"party"`
			Name   string          `json:"name"`
			Events []timelineEntry `json:"events"`
		}{id, dir.name(id), entries})
	}
	fmt.Fprintf(m.Stdout, "Timeline of %s [%s]: %d events\n", dir.name(id), id, len(entries))
	// Undated facts (the sources give no date) come last, under their own heading.
	var dated, undated []timelineEntry
	for _, e := range entries {
		if e.Date == "XXXX" {
			undated = append(undated, e)
		} else {
			dated = append(dated, e)
		}
	}
	m.writeEntries(dated)
	if len(undated) > 0 {
		fmt.Fprintf(m.Stdout, "\nUndated: the sources state these without a date\n")
		m.writeEntries(undated)
	}
	return nil
}

func (m *Main) writeEntries(entries []timelineEntry) {
	for _, e := range entries {
		fmt.Fprintf(m.Stdout, "\n%-12s %s\n%12s %s  %s\n%12s %s: %q\n", e.Date, e.Summary, "", e.Type, e.EventID, "", e.Source.Label(), events.FoldSpace(e.Source.Quote))
	}
}
