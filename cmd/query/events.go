package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"annals/events"
	"annals/projections"
)

// rawEvent is one event of `query events --json`: its sequence in the log and its wire encoding.
type rawEvent struct {
	Seq   uint64          `json:"seq"`
	Event json.RawMessage `json:"event"`
}

func (m *Main) events(ctx context.Context, args []string) error {
	c := m.flags("events", "[--party P] [--type T] [--from DATE] [--to DATE] [--source DOC] [flags]",
		"Prints the raw events of the record: all of them in the order they were recorded, or with --party\n"+
			"those about or involving one party (or person or organisation) in historical order. --type takes a\n"+
			"type (party.founded/v1) or a prefix (party.); --from and --to take EDTF dates and keep the events\n"+
			"whose dates may fall between them (undated events are left out then); --source keeps the facts\n"+
			"drawn from one document.")
	party := c.fs.String("party", "", "only events about or involving this entity (id or any name)")
	typ := c.fs.String("type", "", "only events of this `type` or type prefix")
	from := c.fs.String("from", "", "only events that may have happened on or after this EDTF `date`")
	to := c.fs.String("to", "", "only events that may have happened on or before this EDTF `date`")
	source := c.fs.String("source", "", "only facts drawn from this `document` (file name)")
	if err := c.parse(args); err != nil {
		return err
	}
	lo, hi := events.MinDay, events.MaxDay
	dated := *from != "" || *to != ""
	if *from != "" {
		d, err := events.ParseDate(*from)
		if err != nil {
			return usageError{fmt.Sprintf("--from: %v", err)}
		}
		lo = d.Earliest()
	}
	if *to != "" {
		d, err := events.ParseDate(*to)
		if err != nil {
			return usageError{fmt.Sprintf("--to: %v", err)}
		}
		hi = d.Latest()
	}
	if lo > hi {
		return usageError{fmt.Sprintf("--from %s is after --to %s", *from, *to)}
	}
	if *typ != "" && !knownTypePrefix(*typ) {
		return usageError{fmt.Sprintf("--type %q matches no event type; the types are:\n  %s", *typ, typeList())}
	}
	store, dir, err := c.openDirectory(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	keep := func(st events.Stored) bool {
		e := st.Event
		switch {
		case !c.known(st):
			return false
		case *typ != "" && !strings.HasPrefix(string(e.Type), *typ):
			return false
		case *source != "" && e.Source.Document != *source:
			return false
		case dated && (undatedEvent(e) || e.Date.Latest() < lo || e.Date.Earliest() > hi):
			return false
		}
		return true
	}
	var found []events.Stored
	if *party != "" {
		id, err := dir.resolve(ctx, store, *party, events.KindParty, events.KindOrganisation, events.KindPerson)
		if err != nil {
			return err
		}
		stored, err := store.EntityEvents(ctx, id)
		if err != nil {
			return err
		}
		for _, st := range stored {
			if keep(st) {
				found = append(found, st)
			}
		}
	} else {
		err := store.Scan(ctx, 1, func(st events.Stored) error {
			if keep(st) {
				found = append(found, st)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if *source != "" && len(found) == 0 && !dir.hasDocument(*source) {
		return fmt.Errorf("document %s is not in the record: %w", *source, events.ErrNotFound)
	}
	if c.json {
		out := make([]rawEvent, 0, len(found))
		for _, st := range found {
			data, err := events.EncodeEvent(st.Event)
			if err != nil {
				return err
			}
			out = append(out, rawEvent{Seq: st.Seq, Event: data})
		}
		return m.writeJSON(struct {
			Events []rawEvent `json:"events"`
		}{out})
	}
	fmt.Fprintf(m.Stdout, "%d events\n", len(found))
	entries := make([]projections.Entry, len(found))
	for i, st := range found {
		entries[i] = projections.NewEntry(st.Event, events.MaxDay, dir.name)
	}
	writeEntries(m.Stdout, entries)
	return nil
}

func undatedEvent(e events.Event) bool {
	return e.Date.Earliest() == events.MinDay && e.Date.Latest() == events.MaxDay
}

func knownTypePrefix(prefix string) bool {
	for _, t := range events.Types() {
		if strings.HasPrefix(string(t), prefix) {
			return true
		}
	}
	return false
}

func typeList() string {
	var out []string
	for _, t := range events.Types() {
		out = append(out, string(t))
	}
	return strings.Join(out, "\n  ")
}

// hasDocument reports whether the record holds a document of that file name.
func (d *directory) hasDocument(name string) bool {
	_, ok := d.entity(events.DocumentEntity(name))
	return ok
}
