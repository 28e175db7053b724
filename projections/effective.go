package projections

import (
	"time"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// KnownAt returns the events the record held at the recorded time t: those recorded at or before it.
// A zero t means now: every event.
func KnownAt(evs []events.Event, t time.Time) []events.Event {
	if t.IsZero() {
		return evs
	}
	out := make([]events.Event, 0, len(evs))
	for _, e := range evs {
		if !e.Recorded.After(t) {
			out = append(out, e)
		}
	}
	return out
}

// Effective returns the facts in force at the recorded time t (zero: now): the events known then,
// less those a correction or retraction known then supersedes, less the retractions themselves. The
// two time axes meet here: fold Effective(evs, t) as of a historical day to answer "on that day, as
// the record stood at t".
func Effective(evs []events.Event, t time.Time) []events.Event {
	known := KnownAt(evs, t)
	var superseded map[ulid.ULID]bool
	for _, e := range known {
		for _, id := range e.Supersedes {
			if superseded == nil {
				superseded = map[ulid.ULID]bool{}
			}
			superseded[id] = true
		}
	}
	if superseded == nil {
		return known // nothing corrected or retracted: every event is in force, as it comes
	}
	out := make([]events.Event, 0, len(known))
	for _, e := range known {
		if !superseded[e.ID] && e.Type != events.TypeRecordRetracted {
			out = append(out, e)
		}
	}
	return out
}
