package projections

import (
	"slices"

	"annals/events"
)

// Breakpoints returns, sorted and without repeats, every day on which the answer of Party(id, evs,
// day, names) may differ from its answer on the day before (AsOf aside): between two breakpoints,
// and before the first, the fold gives one answer. It lists every day the fold compares the day
// asked about with, in the form "day ≥ X" or "day < X" (certainty, Date.Relation and span.during
// all compare so): the earliest and the latest day of the date of every event it folds (see folded), the
// first day a fact of another type about the party is certain (it attests the party), and the
// earliest and latest day of the dates the fold derives from them, which lie inside those ranges or beyond them: the refined founding date, the
// start and end of each tenure (refine, tenures), and the start and the end a ban's duration gives
// (startOf, addYears). MinDay is never a breakpoint: no day lies before it.
//
// Breakpoints is the rule that stored answers rest on: a store that keeps Party's answer for each
// interval between breakpoints answers any day with the fold's answer. Whatever the fold comes to
// compare the day with must be listed here.
func Breakpoints(id events.EntityID, evs []events.Event) []events.Day {
	var out []events.Day
	add := func(days ...events.Day) {
		for _, d := range days {
			if d != events.MinDay {
				out = append(out, d)
			}
		}
	}
	addDate := func(d events.Date) { add(d.Earliest(), d.Latest()) }
	evs = sorted(evs)
	var took, left []*events.Event
	var founded []events.Date
	attested := events.MaxDay // the first day a fact of the party itself is certain (Party: attested)
	for i := range evs {
		e := &evs[i]
		if folded(e.Type) || slices.Contains(events.Founds(*e), id) {
			addDate(e.Date)
		} else if e.Entity == id && e.Type != events.TypeDocumentRecorded && !e.Date.Unknown() {
			// Party reads any other fact of the party only as attesting it: once certain.
			attested = min(attested, e.Date.Latest())
		}
		if slices.Contains(events.Founds(*e), id) {
			founded = append(founded, e.Date)
		}
		if e.Entity != id {
			continue
		}
		switch p := e.Payload.(type) {
		case events.LeaderTookOffice:
			took = append(took, e)
		case events.LeaderLeftOffice:
			left = append(left, e)
		case events.PartyOfficialsBanned:
			start := startOf(e.Date)
			addDate(start)
			if p.Years > 0 {
				addDate(addYears(start, p.Years))
			}
		}
	}
	var dated []events.Date
	for _, d := range founded {
		if !d.Unknown() {
			dated = append(dated, d)
		}
	}
	if d, ok := refine(dated); ok && !d.IsZero() {
		addDate(d)
	}
	for _, t := range tenures(took, left) {
		addDate(t.start)
		add(t.span.fromE, t.span.fromL, t.span.toE, t.span.toL)
	}
	add(attested)
	slices.Sort(out)
	return slices.Compact(out)
}

// folded reports whether Party reads events of type t for more than attesting the party: the types
// its switch folds (a name, a founding, a rename, a link to another party, an ending, an office, a
// ban, an idea, a wing, an affiliation). Another type counts only by the latest day of its date.
func folded(t events.Type) bool {
	switch t {
	case events.TypeEntityNamed, events.TypePartyFounded, events.TypePartyRenamed, events.TypePartySucceeded,
		events.TypePartyMerged, events.TypePartySplit, events.TypePartyDissolved, events.TypePartyBanned,
		events.TypePartyDeclaredIllegal, events.TypePartyCeased, events.TypePartyRestored, events.TypeLeaderTookOffice,
		events.TypeLeaderLeftOffice, events.TypePartyOfficialsBanned, events.TypePartyIdeology,
		events.TypePartyPosition, events.TypePartyWing, events.TypePartyAffiliation, events.TypePartyAffiliationEnded:
		return true
	}
	return false
}
