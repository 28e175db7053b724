package history

import (
	"encoding/json"
	"strings"

	"annals/events"
	"annals/projections"
)

// The documents below are the JSON answers of the read side, as `query --json` prints them and a node
// serves them over NATS and HTTP: one shape for every reader. Their keys are a contract (docs/json.md):
// fields are only ever added.

// StateDocument is the answer of state: every party on a day, or one.
type StateDocument struct {
	AsOf    string                   `json:"as_of"`
	Parties []projections.PartyState `json:"parties"`
}

// NewStateDocument returns the state document of the states State returned for day.
func NewStateDocument(day events.Day, states []projections.PartyState) StateDocument {
	return StateDocument{AsOf: day.String(), Parties: nonNil(states)}
}

// DuringDocument is the answer of state over a period: the parties that existed, or may have, at
// some time in it.
type DuringDocument struct {
	During  string                    `json:"during"`
	Parties []projections.PeriodState `json:"parties"`
}

// NewDuringDocument returns the document of the states During returned for period.
func NewDuringDocument(period events.Date, states []projections.PeriodState) DuringDocument {
	return DuringDocument{During: period.String(), Parties: nonNil(states)}
}

// PartyDocument is the answer of party: everything about one party, grouped, with its state on the day
// asked about when one was.
type PartyDocument struct {
	Party    events.EntityID         `json:"party"`
	Name     string                  `json:"name"`
	Kind     events.Kind             `json:"kind"`
	AsOf     string                  `json:"as_of,omitempty"`
	State    *projections.PartyState `json:"state,omitempty"`
	Groups   []PartyGroup            `json:"groups"`
	Disputes []projections.Dispute   `json:"disputes"`
}

// NewPartyDocument returns the party document of an answer of Party; dated says a day was asked about
// (day), which adds as_of and the state on it.
func NewPartyDocument(a PartyAnswer, day events.Day, dated bool) PartyDocument {
	d := PartyDocument{Party: a.ID, Name: a.Name, Kind: a.Kind, Groups: nonNil(a.Groups), Disputes: a.State.Disputes}
	if dated {
		st := a.State
		d.AsOf, d.State = day.String(), &st
	}
	return d
}

// TimelineDocument is the answer of timeline: a party's facts in force in historical order.
type TimelineDocument struct {
	Party  events.EntityID     `json:"party"`
	Name   string              `json:"name"`
	Events []projections.Entry `json:"events"`
}

// NewTimelineDocument returns the timeline document of an answer of Timeline.
func NewTimelineDocument(a TimelineAnswer) TimelineDocument {
	return TimelineDocument{Party: a.ID, Name: a.Name, Events: a.Events}
}

// LineageDocument is the answer of lineage: the graph of Lineage as it is.
type LineageDocument = projections.Lineage

// PersonDocument is the answer of person: the person's id and name, then their state's fields.
type PersonDocument struct {
	Person events.EntityID `json:"person"`
	Name   string          `json:"name"`
	projections.PersonState
}

// NewPersonDocument returns the person document of an answer of Person.
func NewPersonDocument(a PersonAnswer) PersonDocument {
	return PersonDocument{Person: a.ID, Name: a.Name, PersonState: a.State}
}

// RawEvent is one event of the events document: its sequence in the log and its wire encoding.
type RawEvent struct {
	Seq   uint64          `json:"seq"`
	Event json.RawMessage `json:"event"`
}

// EventsDocument is the answer of events: the raw events found.
type EventsDocument struct {
	Events []RawEvent `json:"events"`
}

// NewEventsDocument returns the events document of what Events found, each event in its wire encoding
// (events.EncodeEvent); it returns the first encoding error.
func NewEventsDocument(found []Found) (EventsDocument, error) {
	out := make([]RawEvent, 0, len(found))
	for _, f := range found {
		data, err := events.EncodeEvent(f.Stored.Event)
		if err != nil {
			return EventsDocument{}, err
		}
		out = append(out, RawEvent{Seq: f.Stored.Seq, Event: data})
	}
	return EventsDocument{Events: out}, nil
}

// SourcesDocument is the answer of sources: the facts drawn from one document, in document order.
type SourcesDocument struct {
	Document string       `json:"document"`
	Title    string       `json:"title"`
	Facts    []SourceFact `json:"facts"`
}

// NewSourcesDocument returns the sources document of an answer of Sources about the document name.
func NewSourcesDocument(name string, a SourcesAnswer) SourcesDocument {
	return SourcesDocument{Document: name, Title: a.Title, Facts: nonNil(a.Facts)}
}

// HistoryDocument is the answer of history: the chains of one event, or of one party (Party set).
type HistoryDocument struct {
	Party  events.EntityID `json:"party,omitempty"`
	Name   string          `json:"name,omitempty"` // the party's name, with Party
	Chains []Chain         `json:"chains"`
}

// NewHistoryDocument returns the history document of the chains of party and its name (both empty
// for one event).
func NewHistoryDocument(party events.EntityID, name string, chains []Chain) HistoryDocument {
	return HistoryDocument{Party: party, Name: name, Chains: nonNil(chains)}
}

// Change is one field of a party that differs between two days: its rendering (StatusText,
// ValueText, LeadersText, LinksText, one line) on the first day and on the second, and its value on
// each day as the state holds it (a Status, a Value, a list of Leaders, Links, Vacancies or Bans), for
// a program to compare.
type Change struct {
	Field  string `json:"field"`
	From   string `json:"from"`
	To     string `json:"to"`
	Before any    `json:"before"`
	After  any    `json:"after"`
}

// DiffParty is what changed for one party between two days.
type DiffParty struct {
	Party   events.EntityID     `json:"party"`
	Name    string              `json:"name"`
	Changes []Change            `json:"changes"`
	Events  []projections.Entry `json:"events"` // the facts that happened (or may have) between the two days
}

// DiffDocument is the answer of diff: the parties that changed between two days.
type DiffDocument struct {
	From    string      `json:"from"`
	To      string      `json:"to"`
	Parties []DiffParty `json:"parties"`
}

// NewDiffDocument returns the diff document of what Diff returned: the parties with a changed field
// (CompareStates) or a fact dated between the days, in the order given.
func NewDiffDocument(from, to events.Day, all []PartyDiff) DiffDocument {
	var diffs []DiffParty
	for _, pd := range all {
		d := DiffParty{Party: pd.ID, Name: pd.Name, Changes: CompareStates(pd.Before, pd.After), Events: pd.Events}
		if len(d.Changes) > 0 || len(d.Events) > 0 {
			diffs = append(diffs, d)
		}
	}
	return DiffDocument{From: from.String(), To: to.String(), Parties: nonNil(diffs)}
}

// CompareStates lists the fields whose rendering differs between two states of a party, in a fixed
// order: status, name, abbreviation, leaders, last leaders, vacant, ideology, position, wings, former
// wings, affiliations, former affiliations, predecessors, successors, bans. A rendering over several
// lines is joined with "; ".
func CompareStates(a, b projections.PartyState) []Change {
	fields := []struct {
		name  string
		get   func(projections.PartyState) string
		value func(projections.PartyState) any
	}{
		{"status", func(s projections.PartyState) string { return StatusText(s.Status) }, func(s projections.PartyState) any { return s.Status }},
		{"name", func(s projections.PartyState) string { return ValueText(s.Name, "name") }, func(s projections.PartyState) any { return s.Name }},
		{"abbreviation", func(s projections.PartyState) string { return ValueText(s.Abbreviation, "abbreviation") }, func(s projections.PartyState) any { return s.Abbreviation }},
		{"leaders", func(s projections.PartyState) string { return LeadersText(s.Leaders) }, func(s projections.PartyState) any { return nonNil(s.Leaders) }},
		{"last leaders", func(s projections.PartyState) string { return FormerLeadersText(s.FormerLeaders) }, func(s projections.PartyState) any { return nonNil(s.FormerLeaders) }},
		{"vacant", func(s projections.PartyState) string { return VacanciesText(s.Vacancies) }, func(s projections.PartyState) any { return nonNil(s.Vacancies) }},
		{"ideology", func(s projections.PartyState) string { return ValueText(s.Ideology, "ideology") }, func(s projections.PartyState) any { return s.Ideology }},
		{"position", func(s projections.PartyState) string { return ValueText(s.Position, "position") }, func(s projections.PartyState) any { return s.Position }},
		{"wings", func(s projections.PartyState) string { return LinksText(s.Wings) }, func(s projections.PartyState) any { return nonNil(s.Wings) }},
		{"former wings", func(s projections.PartyState) string { return LinksText(s.FormerWings) }, func(s projections.PartyState) any { return nonNil(s.FormerWings) }},
		{"affiliations", func(s projections.PartyState) string { return LinksText(s.Affiliations) }, func(s projections.PartyState) any { return nonNil(s.Affiliations) }},
		{"former affiliations", func(s projections.PartyState) string { return LinksText(s.FormerAffiliations) }, func(s projections.PartyState) any { return nonNil(s.FormerAffiliations) }},
		{"predecessors", func(s projections.PartyState) string { return LinksText(s.Predecessors) }, func(s projections.PartyState) any { return nonNil(s.Predecessors) }},
		{"successors", func(s projections.PartyState) string { return LinksText(s.Successors) }, func(s projections.PartyState) any { return nonNil(s.Successors) }},
		{"bans", func(s projections.PartyState) string { return BansText(s.Bans) }, func(s projections.PartyState) any { return nonNil(s.Bans) }},
	}
	var out []Change
	for _, f := range fields {
		x, y := f.get(a), f.get(b)
		if x != y {
			out = append(out, Change{Field: f.name, From: strings.ReplaceAll(x, "\n", "; "), To: strings.ReplaceAll(y, "\n", "; "),
				Before: f.value(a), After: f.value(b)})
		}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
