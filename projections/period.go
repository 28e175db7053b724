package projections

import (
	"slices"

	"github.com/oklog/ulid/v2"

	"annals/events"
)

// PeriodState is a party over a period (an EDTF date or interval: "1995", "1995-03", "1993/1997"):
// whether it existed at some time in it, with what certainty, and who led it then. Name,
// Abbreviation, Founded, Status and Disputes are the party's as of the last day of the period.
type PeriodState struct {
	ID     events.EntityID `json:"id"`
	During string          `json:"during"`
	// Existed is certain when the party certainly existed on some day of the period, uncertain when
	// it may have, undated when the record holds no dated fact of it by the period's end.
	Existed      Certainty `json:"existed"`
	Name         Value     `json:"name"`
	Abbreviation Value     `json:"abbreviation"`
	Founded      Value     `json:"founded"`
	Status       Status    `json:"status"` // on the last day of the period
	// Leaders are the tenures that held, or may have held, at some time in the period, each with its
	// certainty; an undated one only while no dated claim about the person and office bounds it.
	Leaders  []Leader  `json:"leaders"`
	Disputes []Dispute `json:"disputes"`
}

// lifetime returns the span of a party's existence as its events date it: from its founding (the
// refined date of compatible claims; the earliest to the latest claim when they are disputed; else
// from the first dated fact of the party that is certain) to its first dated ending that no
// legalization follows. dated reports
// whether any dated fact of the party bounds its start.
func lifetime(id events.EntityID, evs []events.Event) (life span, dated bool) {
	life = span{fromE: events.MinDay, fromL: events.MaxDay, toE: events.MaxDay, toL: events.MaxDay}
	var foundings []events.Date
	attested := events.MaxDay // the first day a dated fact of the party itself is certain
	var ends map[ulid.ULID]events.Date
	for i := range evs {
		e := &evs[i]
		if e.Date.Unknown() {
			continue
		}
		if slices.Contains(events.Founds(*e), id) {
			foundings = append(foundings, e.Date)
		}
		if slices.Contains(events.Ends(*e), id) {
			if ends == nil {
				ends = endingDates(id, evs)
			}
			if d, ok := ends[e.ID]; ok {
				life.toE, life.toL = min(life.toE, d.Earliest()), min(life.toL, d.Latest())
			}
		}
		if e.Entity != id || e.Type == events.TypeDocumentRecorded {
			continue
		}
		attested = min(attested, e.Date.Latest())
		switch e.Payload.(type) {
		case events.PartyRestored:
			if e.Date.Earliest() >= life.toE {
				life.toE, life.toL = events.MaxDay, events.MaxDay // legal again: the ending before it is over
			}
		}
	}
	if d, ok := refine(foundings); ok && !d.IsZero() {
		life.fromE, life.fromL = d.Earliest(), d.Latest()
		return life, true
	}
	if len(foundings) > 0 { // disputed: founded by the latest claim at the latest
		life.fromE, life.fromL = events.MaxDay, events.MinDay
		for _, d := range foundings {
			life.fromE, life.fromL = min(life.fromE, d.Earliest()), max(life.fromL, d.Latest())
		}
		return life, true
	}
	life.fromL = attested
	return life, attested != events.MaxDay
}

// PartyDuring folds the events about or involving a party into its state over a period, and false
// when the party certainly did not exist at any time in it. Like Party, it is pure and order-free;
// on a period of one day it agrees with Party on whether the party exists.
func PartyDuring(id events.EntityID, evs []events.Event, period events.Date, names Names) (PeriodState, bool) {
	if names == nil {
		names = func(id events.EntityID) string { return string(id) }
	}
	evs = sorted(evs)
	a, b := period.Earliest(), period.Latest()
	life, dated := lifetime(id, evs)
	existed, ok := life.during(a, b)
	if !ok {
		return PeriodState{}, false
	}
	end := Party(id, evs, b, names)
	if !end.Exists() {
		return PeriodState{}, false
	}
	if !dated || (life.fromL > b && end.Status.Is(StateUnrecorded)) {
		existed = Undated
	}
	var took, left []*events.Event
	for i := range evs {
		e := &evs[i]
		if e.Entity != id {
			continue
		}
		switch e.Payload.(type) {
		case events.LeaderTookOffice:
			took = append(took, e)
		case events.LeaderLeftOffice:
			left = append(left, e)
		}
	}
	leaders, _, _ := holders(tenures(took, left), max(a, life.fromE), min(b, life.toL), names)
	return PeriodState{ID: id, During: period.String(), Existed: existed, Name: end.Name, Abbreviation: end.Abbreviation,
		Founded: end.Founded, Status: end.Status, Leaders: leaders, Disputes: end.Disputes}, true
}
