package projections

import (
	"slices"

	"github.com/oklog/ulid/v2"

	"annals/events"
)

// endingDates returns the date the folds read each event that ends party id at (events.Ends), by
// its event id: an undated ending is dropped (absent) when any ending of the party is dated, for it
// is taken for one of them told without its date (an infobox's "Merged into:" beside "absorbed on 2
// February 2002"); an ending dated less precisely than another ending of the party that falls
// within its date is that same end, at the more precise date ("ceased in 2003" and "dissolved on 20
// September 2003" are one end, on 20 September 2003). Events must come in historical order.
func endingDates(id events.EntityID, evs []events.Event) map[ulid.ULID]events.Date {
	out := map[ulid.ULID]events.Date{}
	var dated []events.Date
	for i := range evs {
		if slices.Contains(events.Ends(evs[i]), id) && !undated(evs[i].Date) {
			dated = append(dated, evs[i].Date)
		}
	}
	for i := range evs {
		e := &evs[i]
		if !slices.Contains(events.Ends(*e), id) {
			continue
		}
		if undated(e.Date) {
			if len(dated) == 0 {
				out[e.ID] = e.Date
			}
			continue
		}
		d := e.Date
		for _, other := range dated {
			if within(other, d) && !within(d, other) && within(other, e.Date) {
				d = other // the most precise of those within it, latest in order
			}
		}
		out[e.ID] = d
	}
	return out
}

// within reports whether every day of a lies within b.
func within(a, b events.Date) bool {
	return a.Earliest() >= b.Earliest() && a.Latest() <= b.Latest()
}

func undated(d events.Date) bool {
	return d.Unknown() || d.Earliest() == events.MinDay && d.Latest() == events.MaxDay
}
