package projections

import (
	"fmt"

	"github.com/oklog/ulid/v2"

	"annals/events"
)

// Ban states.
const (
	BanInForce   = "in force"
	BanMayBeOver = "may be over"
	BanOver      = "over"
)

// Ban is a ban from politics on the day: who, from when, for how many years, the end those years
// give (Until, derived: a ruling dated 2017-11-16 banning for five years ends on 2022-11-16) and
// whether it was in force, may have been over or was over on the day. Certainty is that of its
// start; a ban without a duration has no end and stays in force.
type Ban struct {
	Who       string        `json:"who"` // as the source words it, with the count: "118 senior party officials"
	Since     string        `json:"since"`
	Years     int           `json:"years,omitempty"`
	Until     string        `json:"until,omitempty"` // derived from Since and Years (see addYears)
	State     string        `json:"state"`           // BanInForce, BanMayBeOver or BanOver
	Certainty Certainty     `json:"certainty"`
	Source    events.Source `json:"source"`
	EventID   ulid.ULID     `json:"event_id"`
	Method    string        `json:"method,omitempty"`
}

// banOf folds a ban of a party's officials as of day: its end is the start of its date plus its
// years.
func banOf(e *events.Event, p events.PartyOfficialsBanned, c Certainty, day events.Day) Ban {
	who := p.Group
	if p.Count > 0 {
		who = fmt.Sprintf("%d %s", p.Count, p.Group)
	}
	since := e.Date
	if start := startOf(e.Date); !start.IsZero() && start != e.Date {
		since = start // "2017-11-16/..": the ban ran from 2017-11-16
		if sc, ok := certainty(start, day); ok {
			c = sc
		}
	}
	b := Ban{Who: who, Since: since.String(), Years: p.Years, State: BanInForce, Certainty: c,
		Source: e.Source, EventID: e.ID, Method: e.Method}
	if p.Years <= 0 {
		return b
	}
	end := addYears(startOf(e.Date), p.Years)
	if end.IsZero() {
		return b
	}
	b.Until = end.String()
	switch end.Relation(day) {
	case events.DateBefore:
		b.State = BanOver
	case events.DateStraddles:
		b.State = BanMayBeOver
	}
	return b
}
