package history

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"annals/document"
	"annals/events"
	"annals/projections"
)

// EventsQuery selects raw events; its zero value selects every event.
type EventsQuery struct {
	Entity string // an entity's id or any name (a party, organisation or person): its events in historical order
	Type   string // a type (party.founded/v1) or a type prefix (party.)
	// Dated keeps only the events whose dates may fall between From and To (inclusive; events.MinDay
	// and events.MaxDay leave a side open), leaving out the undated ones.
	Dated    bool
	From, To events.Day
	Source   string // only the facts drawn from this document (file name)
}

// Found is one event an Events query found, with its entry for display.
type Found struct {
	Stored events.Stored
	Entry  projections.Entry
}

// DocumentNotFoundError is returned by Events and Sources when the record holds no document of the
// name asked about. It wraps events.ErrNotFound; Documents counts the documents the record holds.
type DocumentNotFoundError struct {
	Name      string
	Documents int
}

// Error names the document the record does not hold.
func (e *DocumentNotFoundError) Error() string {
	return fmt.Sprintf("document %s is not in the record: %v", e.Name, events.ErrNotFound)
}

// Unwrap returns events.ErrNotFound.
func (e *DocumentNotFoundError) Unwrap() error { return events.ErrNotFound }

// Events returns the raw events a query selects, among those the record holds (KnownAt, CuratedOnly):
// with an entity, its events in historical order; without, every event in the order recorded.
func (h *Historian) Events(ctx context.Context, q EventsQuery) ([]Found, error) {
	found, err := h.events(ctx, q)
	return found, h.done(err)
}

func (h *Historian) events(ctx context.Context, q EventsQuery) ([]Found, error) {
	dated, lo, hi := q.Dated, q.From, q.To
	keep := func(st events.Stored) bool {
		e := st.Event
		switch {
		case !h.known(st):
			return false
		case q.Type != "" && !strings.HasPrefix(string(e.Type), q.Type):
			return false
		case q.Source != "" && e.Source.Document != q.Source:
			return false
		case dated && (undated(e) || e.Date.Latest() < lo || e.Date.Earliest() > hi):
			return false
		}
		return true
	}
	store := h.store()
	var found []events.Stored
	if q.Entity != "" {
		id, err := h.resolve(ctx, q.Entity, events.KindParty, events.KindOrganisation, events.KindPerson)
		if err != nil {
			return nil, err
		}
		stored, err := store.EntityEvents(ctx, id)
		if err != nil {
			return nil, err
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
			return nil, err
		}
	}
	if q.Source != "" && len(found) == 0 {
		if _, ok := h.dir.entity(ctx, events.DocumentEntity(q.Source)); !ok {
			return nil, h.documentNotFound(ctx, q.Source)
		}
	}
	names := h.names(ctx)
	out := make([]Found, len(found))
	for i, st := range found {
		out[i] = Found{Stored: st, Entry: projections.NewEntry(st.Event, events.MaxDay, names)}
	}
	return out, nil
}

func (h *Historian) documentNotFound(ctx context.Context, name string) error {
	all, err := h.Entities(ctx)
	if err != nil {
		return err
	}
	n := 0
	for _, e := range all {
		if e.Kind == events.KindDocument {
			n++
		}
	}
	return &DocumentNotFoundError{Name: name, Documents: n}
}

// undated reports whether the sources give an event no date at all.
func undated(e events.Event) bool {
	return e.Date.Earliest() == events.MinDay && e.Date.Latest() == events.MaxDay
}

// SourceFact is one fact drawn from a document, with the line its quote starts on.
type SourceFact struct {
	Line int `json:"line"`
	projections.Entry
}

// SourcesAnswer is the facts drawn from one document, in document order.
type SourcesAnswer struct {
	Document string
	Title    string
	Facts    []SourceFact
}

// Sources returns the facts the record holds drawn from the document of that file name, in document
// order (by the line where each quote starts, then event id). A document the record does not hold is
// a *DocumentNotFoundError.
func (h *Historian) Sources(ctx context.Context, name string) (SourcesAnswer, error) {
	a, err := h.sources(ctx, name)
	return a, h.done(err)
}

func (h *Historian) sources(ctx context.Context, name string) (SourcesAnswer, error) {
	store := h.store()
	docEvents, err := store.EntityEvents(ctx, events.DocumentEntity(name))
	if err != nil {
		return SourcesAnswer{}, err
	}
	var doc *document.Document
	for _, st := range docEvents {
		if d, ok := st.Event.Payload.(events.DocumentRecorded); ok && d.Name == name {
			if doc, err = document.Parse(d.Name, []byte(d.Text)); err != nil {
				return SourcesAnswer{}, fmt.Errorf("document %s in the record: %w", name, err)
			}
		}
	}
	if doc == nil {
		return SourcesAnswer{}, h.documentNotFound(ctx, name)
	}
	names := h.names(ctx)
	var facts []SourceFact
	err = store.Scan(ctx, 1, func(st events.Stored) error {
		if st.Event.Source.Document == name && st.Event.Type != events.TypeDocumentRecorded && h.known(st) {
			facts = append(facts, SourceFact{Line: doc.LineOf(st.Event.Source.Quote), Entry: projections.NewEntry(st.Event, events.MaxDay, names)})
		}
		return nil
	})
	if err != nil {
		return SourcesAnswer{}, err
	}
	sort.SliceStable(facts, func(i, j int) bool {
		if facts[i].Line != facts[j].Line {
			return facts[i].Line < facts[j].Line
		}
		return facts[i].EventID.Compare(facts[j].EventID) < 0
	})
	return SourcesAnswer{Document: name, Title: doc.Title, Facts: facts}, nil
}
