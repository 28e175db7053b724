package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"annals/events"
	"annals/history"
	"annals/nodeapi/wire"
	"annals/projections"
)

func (m *Main) events(c *common) func(ctx context.Context) error {
	c.remote = true
	c.tables = true
	party := c.fs.String("party", "", "only events about or involving this entity (id or any name)")
	typ := c.fs.String("type", "", "only events of this `type` or type prefix")
	span := c.period("events")
	source := c.fs.String("source", "", "only facts drawn from this `document` (file name)")
	return func(ctx context.Context) error {
		lo, hi, dated, err := span.days()
		if err != nil {
			return err
		}
		if *typ != "" && !knownTypePrefix(*typ) {
			return usageError{Msg: fmt.Sprintf("--type %q matches no event type; the types are:\n  %s", *typ, typeList())}
		}
		if c.server != "" && !c.json {
			return usageError{Msg: "events --server answers with --json (the events in their wire encoding)"}
		}
		var found []history.Found
		var doc history.EventsDocument
		raw, err := c.answer(ctx, "events", wire.EventsRequest{Party: *party, Type: *typ, From: span.from.String(), To: span.to.String(),
			Source: *source, ReadOptions: c.readOptions()}, &doc, func(h *history.Historian) (err error) {
			found, err = h.Events(ctx, history.EventsQuery{Entity: *party, Type: *typ, Dated: dated, From: lo, To: hi, Source: *source})
			return err
		})
		if err != nil {
			return documentError(err)
		}
		if raw != nil {
			return m.writeDocument(raw, nil)
		}
		if tabular(c.format) {
			entries := make([]projections.Entry, len(found))
			for i, f := range found {
				entries[i] = f.Entry
			}
			return writeTable(m.Stdout, c.format, entryTable(entries))
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
