package projections

import "annals/events"

// Describe returns a one-line English account of an event (its payload's Describe), naming entities
// through names (which may be nil: ids are shown instead).
func Describe(e events.Event, names Names) string {
	if names == nil {
		names = func(id events.EntityID) string { return string(id) }
	}
	return e.Payload.Describe(events.Telling{Entity: e.Entity, Subject: names(e.Entity), Name: names})
}
