package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"annals/events"
	"annals/history"
	"annals/projections"
)

func (m *Main) events(ctx context.Context, args []string) error {
	c := m.flags("events", "[--party P] [--type T] [--from DATE] [--to DATE] [--source DOC] [flags]",
		"Prints the raw events of the record: all of them in the order they were recorded, or with --party\n"+
			"those about or involving one party (or person or organisation) in historical order. --type takes a\n"+
			"type (party.founded/v1) or a prefix (party.); --from and --to take EDTF dates and keep the events\n"+
			"whose dates may fall between them (undated events are left out then); --source keeps the facts\n"+
			"drawn from one document.")
	party := c.fs.String("party", "", "only events about or involving this entity (id or any name)")
	typ := c.fs.String("type", "", "only events of this `type` or type prefix")
	span := c.period("events")
	source := c.fs.String("source", "", "only facts drawn from this `document` (file name)")
	if err := c.parse(args); err != nil {
		return err
	}
	lo, hi, dated, err := span.days()
	if err != nil {
		return err
	}
	if *typ != "" && !knownTypePrefix(*typ) {
		return usageError{fmt.Sprintf("--type %q matches no event type; the types are:\n  %s", *typ, typeList())}
	}
	store, h, err := c.openHistorian()
	if err != nil {
		return err
	}
	defer store.Close()
	found, err := h.Events(ctx, history.EventsQuery{Entity: *party, Type: *typ, Dated: dated, From: lo, To: hi, Source: *source})
	if err != nil {
		return documentError(err)
	}
	if c.json {
		doc, err := history.NewEventsDocument(found)
		if err != nil {
			return err
		}
		return m.writeJSON(doc)
	}
	fmt.Fprintf(m.Stdout, "%d events\n", len(found))
	entries := make([]projections.Entry, len(found))
	for i, f := range found {
		entries[i] = f.Entry
	}
	writeEntries(m.Stdout, entries)
	return nil
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

// documentError says, for a document the record does not hold, how to list those it does.
func documentError(err error) error {
	var nf *history.DocumentNotFoundError
	if errors.As(err, &nf) {
		return fmt.Errorf("%w (the record holds %d documents; `query events --type document.` lists them)", err, nf.Documents)
	}
	return err
}
