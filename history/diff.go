package history

import (
	"context"
	"sort"

	"annals/events"
	"annals/projections"
)

// PartyDiff is one party on two historical days, and the facts dated between them.
type PartyDiff struct {
	ID     events.EntityID
	Name   string
	Before projections.PartyState // on the first day
	After  projections.PartyState // on the second day
	// Events are the facts that were certainly not yet on the first day and happened, or may have,
	// by the second, documents and undated facts left out.
	Events []projections.Entry
}

// Diff returns every party (or the one party a name means) on the days from and to, sorted by name
// then id, read and folded on every core; which differences matter is the caller's to say.
func (h *Historian) Diff(ctx context.Context, from, to events.Day, party string) ([]PartyDiff, error) {
	d, err := h.diff(ctx, from, to, party)
	return d, h.done(err)
}

func (h *Historian) diff(ctx context.Context, from, to events.Day, party string) ([]PartyDiff, error) {
	ids, err := h.partiesOr(ctx, party)
	if err != nil {
		return nil, err
	}
	names := h.names(ctx)
	diffs, err := eachParty(ctx, h, ids, func(id events.EntityID, evs []events.Event) (PartyDiff, bool) {
		d := PartyDiff{ID: id, Name: names(id), Before: projections.Party(id, evs, from, names),
			After: projections.Party(id, evs, to, names), Events: []projections.Entry{}}
		for _, e := range evs {
			if e.Type == events.TypeDocumentRecorded || undated(e) {
				continue
			}
			if e.Date.Relation(from) != events.DateBefore && e.Date.Relation(to) != events.DateAfter {
				d.Events = append(d.Events, projections.NewEntry(e, to, names))
			}
		}
		return d, true
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(diffs, func(i, j int) bool {
		if diffs[i].Name != diffs[j].Name {
			return diffs[i].Name < diffs[j].Name
		}
		return diffs[i].ID < diffs[j].ID
	})
	return diffs, nil
}
