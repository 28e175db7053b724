package projections_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

// benchParty returns about a dozen events of one party: names, a founding, leaders and a deputy
// with overlapping terms, election results, a rename and a dissolution.
func benchParty(b *testing.B) []events.Event {
	b.Helper()
	id := events.EntityID("party-000007")
	src := func(q string) events.Source { return events.Source{Document: "volume-00001.txt", Quote: q} }
	facts := []events.Fact{
		{Type: events.TypeEntityNamed, Entity: id, Date: events.MustParseDate("XXXX"), Source: src("named"), Payload: events.EntityNamed{Kind: events.KindParty, Name: "United Farmers' Party", NameType: events.NameOfficial}},
		{Type: events.TypeEntityNamed, Entity: id, Date: events.MustParseDate("XXXX"), Source: src("abbr"), Payload: events.EntityNamed{Kind: events.KindParty, Name: "UFP", NameType: events.NameAbbreviation}},
		{Type: events.TypePartyFounded, Entity: id, Date: events.MustParseDate("1950-03-12"), Source: src("founded"), Payload: events.PartyFounded{Name: "United Farmers' Party"}},
		{Type: events.TypePartyFounded, Entity: id, Date: events.MustParseDate("1951"), Source: src("founded again"), Payload: events.PartyFounded{Name: "United Farmers' Party"}},
		{Type: events.TypeLeaderTookOffice, Entity: id, Date: events.MustParseDate("1950-03"), Source: src("leader"), Payload: events.LeaderTookOffice{Office: events.Office{Person: "person-1", Role: "leader"}}},
		{Type: events.TypeLeaderTookOffice, Entity: id, Date: events.MustParseDate("1952"), Source: src("deputy"), Payload: events.LeaderTookOffice{Office: events.Office{Person: "person-2", Role: "deputy"}}},
		{Type: events.TypeLeaderLeftOffice, Entity: id, Date: events.MustParseDate("1960-07"), Source: src("left"), Payload: events.LeaderLeftOffice{Office: events.Office{Person: "person-1", Role: "leader"}}},
		{Type: events.TypePartyIdeology, Entity: id, Date: events.MustParseDate("XXXX"), Source: src("ideology"), Payload: events.PartyIdeology{Ideologies: []string{"agrarianism"}}},
		{Type: events.TypeElectionResult, Entity: id, Date: events.MustParseDate("1954"), Source: src("e1"), Payload: events.ElectionResult{Election: "1954 general election", Level: "constituency", Constituency: "North", Votes: 1234}},
		{Type: events.TypeElectionResult, Entity: id, Date: events.MustParseDate("1958"), Source: src("e2"), Payload: events.ElectionResult{Election: "1958 general election", Level: "constituency", Constituency: "South", Votes: 4321}},
		{Type: events.TypePartyRenamed, Entity: id, Date: events.MustParseDate("1962-05"), Source: src("renamed"), Payload: events.PartyRenamed{From: "United Farmers' Party", To: "Rural People's Party"}},
		{Type: events.TypePartyDissolved, Entity: id, Date: events.MustParseDate("1971"), Source: src("dissolved"), Payload: events.PartyDissolved{}},
	}
	var out []events.Event
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, f := range facts {
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(now), ulid.DefaultEntropy()), now.Add(time.Duration(i)*time.Second))
		if err != nil {
			b.Fatal(fmt.Errorf("fact %d: %w", i, err))
		}
		out = append(out, e)
	}
	// In the order a store gives them: historical, then recorded.
	slices.SortStableFunc(out, func(a, b events.Event) int { return a.Date.Compare(b.Date) })
	return out
}

// BenchmarkParty measures folding one party's events into its state as of a day.
func BenchmarkParty(b *testing.B) {
	evs := benchParty(b)
	day := events.DayOf(1965, 6, 1)
	b.ReportAllocs()
	for b.Loop() {
		_ = projections.Party("party-000007", evs, day, nil)
	}
}

// BenchmarkEffectiveParty measures the --known-at path: Effective at a recorded time, then the fold.
func BenchmarkEffectiveParty(b *testing.B) {
	evs := benchParty(b)
	day := events.DayOf(1965, 6, 1)
	at := time.Date(2026, 1, 1, 0, 0, 5, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		_ = projections.Party("party-000007", projections.Effective(evs, at), day, nil)
	}
}

// BenchmarkPartyAnswers measures building a party's stored answers: the fold on every interval
// between its breakpoints, encoded (what a store does for each party a batch touches).
func BenchmarkPartyAnswers(b *testing.B) {
	evs := benchParty(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = projections.PartyAnswers("party-000007", evs, nil)
	}
}

// BenchmarkAnswerOn measures reading a party's state on a day from its stored answers (what one
// party as of a day and every party on a day decode for each party).
func BenchmarkAnswerOn(b *testing.B) {
	answers := projections.PartyAnswers("party-000007", benchParty(b), nil)
	day := events.DayOf(1965, 6, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok, err := projections.AnswerOn(answers, day); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
