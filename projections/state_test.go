package projections_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"annals/events"
	"annals/projections"
	"annals/sources"

	"github.com/oklog/ulid/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// seedEvents turns every fact of the seed documents into events with deterministic ids.
func seedEvents(t *testing.T) []events.Event {
	t.Helper()
	in, err := sources.Load([]string{"../seeds"})
	if err != nil {
		t.Fatal(err)
	}
	entropy := ulid.Monotonic(rand.New(rand.NewSource(1)), 0)
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var out []events.Event
	for _, f := range in.Facts {
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(now), entropy), now)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// about returns the events about or involving an entity, as the store gives them.
func about(evs []events.Event, id events.EntityID) []events.Event {
	var out []events.Event
	for _, e := range evs {
		if e.Entity == id {
			out = append(out, e)
			continue
		}
		for _, o := range e.Involves() {
			if o == id {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func names(evs []events.Event) projections.Names {
	m := map[events.EntityID]string{}
	for _, e := range evs {
		if n := events.NamesOf(e); len(n) > 0 && m[e.Entity] == "" {
			m[e.Entity] = n[0]
		}
	}
	return func(id events.EntityID) string {
		if n, ok := m[id]; ok {
			return n
		}
		return string(id)
	}
}

func TestPartyGolden(t *testing.T) {
	evs := seedEvents(t)
	parties := []events.EntityID{"cambodian-national-unity-party", "party-of-democratic-kampuchea",
		"khmer-national-solidarity-party", "cambodia-national-rescue-party", "democratic-national-union-movement"}
	days := []string{"1985-06-01", "1992-12-01", "1995-03-01", "1997-06-01", "2013-01-01", "2017-12-01"}
	for _, at := range days {
		t.Run(at, func(t *testing.T) {
			day, err := events.ParseDay(at)
			if err != nil {
				t.Fatal(err)
			}
			var states []projections.PartyState
			for _, id := range parties {
				states = append(states, projections.Party(id, about(evs, id), day, names(evs)))
			}
			got, err := json.MarshalIndent(states, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "state-"+at+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./projections -update)", err)
			}
			if !bytes.Equal(append(got, '\n'), want) {
				t.Errorf("Party(..., %s) differs from %s; run with -update and review the diff", at, golden)
			}
		})
	}
}

// The fold does not depend on the order events come in.
func TestPartyOrderIndependent(t *testing.T) {
	evs := seedEvents(t)
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewSource(seed))
	id := events.EntityID("cambodia-national-rescue-party")
	mine := about(evs, id)
	for _, at := range []string{"2012-06-01", "2017-03-01", "2017-11-16", "2020-01-01"} {
		day, _ := events.ParseDay(at)
		want, _ := json.Marshal(projections.Party(id, mine, day, names(evs)))
		for range 20 {
			shuffled := append([]events.Event(nil), mine...)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			got, _ := json.Marshal(projections.Party(id, shuffled, day, names(evs)))
			if !bytes.Equal(got, want) {
				t.Fatalf("Party(shuffled, %s) differs from Party(in order, %s) (seed %d)", at, at, seed)
			}
		}
	}
}

func fact(t *testing.T, typ events.Type, date string, p events.Payload, quote string) events.Event {
	t.Helper()
	f := events.Fact{Type: typ, Entity: "p", Date: events.MustParseDate(date),
		Source: events.Source{Document: "d.txt", Quote: quote}, Payload: p}
	e, err := events.NewEvent(f, ulid.Make(), time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// A party dissolved "1997" is neither certainly active nor certainly dissolved during 1997.
// stateOf returns a status's state, or its states joined by "+" when the day brought more than one,
// for comparing with a test's expectation.
func stateOf(s projections.Status) projections.State {
	var parts []string
	for _, st := range s.States {
		parts = append(parts, string(st))
	}
	return projections.State(strings.Join(parts, "+"))
}

func TestStatusCertaintyAtTheEdges(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1992-11-30", events.PartyFounded{Name: "P"}, "founded"),
		fact(t, events.TypePartyDissolved, "1997", events.PartyDissolved{}, "dissolved"),
	}
	tests := []struct {
		at        string
		value     projections.State
		certainty projections.Certainty
		pending   int
	}{
		{"1992-11-29", projections.StateNotFounded, projections.Certain, 0},
		{"1992-11-30", projections.StateActive, projections.Certain, 0},
		{"1996-12-31", projections.StateActive, projections.Certain, 0},
		{"1997-01-01", projections.StateActive, projections.Uncertain, 1},
		{"1997-06-01", projections.StateActive, projections.Uncertain, 1},
		{"1997-12-31", "dissolved", projections.Certain, 0},
		{"2000-01-01", "dissolved", projections.Certain, 0},
	}
	for _, tt := range tests {
		day, _ := events.ParseDay(tt.at)
		st := projections.Party("p", evs, day, nil).Status
		if stateOf(st) != tt.value || st.Certainty != tt.certainty || len(st.Pending) != tt.pending {
			t.Errorf("Party(%s).Status = %q %s (%d pending), want %q %s (%d pending)",
				tt.at, st.States, st.Certainty, len(st.Pending), tt.value, tt.certainty, tt.pending)
		}
	}
}

func TestDisputedFieldsKeepEveryClaim(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypeEntityNamed, "XXXX", events.EntityNamed{Kind: events.KindParty, Name: "Democratic National Union Movement", NameType: events.NameOfficial}, "Movement"),
		fact(t, events.TypeEntityNamed, "XXXX", events.EntityNamed{Kind: events.KindParty, Name: "Democratic National Union Party", NameType: events.NameOfficial}, "Party"),
		fact(t, events.TypePartyFounded, "1996-08", events.PartyFounded{Name: "Democratic National Union Movement"}, "founded"),
		fact(t, events.TypePartyFounded, "1999", events.PartyFounded{Name: "Democratic National Union Movement"}, "later"),
		fact(t, events.TypeEntityNamed, "XXXX", events.EntityNamed{Kind: events.KindParty, Name: "DNUM", NameType: events.NameAbbreviation}, "DNUM"),
		fact(t, events.TypeEntityNamed, "XXXX", events.EntityNamed{Kind: events.KindParty, Name: "dnum", NameType: events.NameAbbreviation}, "dnum"),
	}
	day, _ := events.ParseDay("2000-01-01")
	st := projections.Party("p", evs, day, nil)
	if !st.Name.Disputed || st.Name.Value != "" || len(st.Name.Claims) != 4 {
		t.Errorf("Name = %+v, want disputed with 4 claims and no value", st.Name)
	}
	if !st.Founded.Disputed || len(st.Founded.Claims) != 2 {
		t.Errorf("Founded = %+v, want 1996-08 and 1999 disputed", st.Founded)
	}
	if st.Abbreviation.Disputed || st.Abbreviation.Value != "DNUM" {
		t.Errorf("Abbreviation = %+v, want DNUM, not disputed (case differs only)", st.Abbreviation)
	}
}

func TestLeadersTermsAndCertainty(t *testing.T) {
	took := func(date, person string) events.Event {
		return fact(t, events.TypeLeaderTookOffice, date, events.LeaderTookOffice{Office: events.Office{Person: events.EntityID(person), Role: "leader"}}, "took "+person)
	}
	left := func(date, person string) events.Event {
		return fact(t, events.TypeLeaderLeftOffice, date, events.LeaderLeftOffice{Office: events.Office{Person: events.EntityID(person), Role: "leader"}}, "left "+person)
	}
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "2012", events.PartyFounded{Name: "P"}, "founded"),
		took("2012-07-17", "sam-rainsy"), left("2017-02-11", "sam-rainsy"),
		took("2017-03-02", "kem-sokha"), left("2017-11-16", "kem-sokha"),
		took("XXXX", "kem-sokha"),
	}
	tests := []struct {
		at   string
		want []string
	}{
		// The undated claim joins Kem Sokha's dated term: it never makes him leader before 2017-03-02.
		{"2013-01-01", []string{"sam-rainsy certain"}},
		{"2017-02-20", nil},
		{"2017-06-01", []string{"kem-sokha certain"}},
		{"2018-01-01", nil},
	}
	for _, tt := range tests {
		day, _ := events.ParseDay(tt.at)
		var got []string
		for _, l := range projections.Party("p", evs, day, nil).Leaders {
			got = append(got, string(l.Person)+" "+string(l.Certainty))
		}
		if len(got) != len(tt.want) {
			t.Errorf("Party(%s).Leaders = %v, want %v", tt.at, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Party(%s).Leaders = %v, want %v", tt.at, got, tt.want)
			}
		}
	}
}

// A party is called what it was called then: before a rename from A to B, the claims that give it the
// name B (an undated name, a founding line that repeats the later name) give way to A; after it, B
// holds. Two renames in a row leave the first name before both.
func TestNameBeforeALaterRename(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypeEntityNamed, "XXXX", events.EntityNamed{Kind: events.KindParty, Name: "Civic Front", NameType: events.NameOfficial}, "Civic Front"),
		fact(t, events.TypePartyFounded, "1978-10-12", events.PartyFounded{Name: "Civic Front"}, "Founded: 12 October 1978"),
		fact(t, events.TypePartyFounded, "1978", events.PartyFounded{Name: "Peasant League"}, "founded as the Peasant League"),
		fact(t, events.TypePartyRenamed, "1989", events.PartyRenamed{From: "Peasant League", To: "Civic Union"}, "renamed 1989"),
		fact(t, events.TypePartyRenamed, "1995-05", events.PartyRenamed{From: "Civic Union", To: "Civic Front"}, "renamed 1995"),
	}
	tests := []struct{ at, name string }{
		{"1980-01-01", "Peasant League"},
		{"1990-01-01", "Civic Union"},
		{"1996-01-01", "Civic Front"},
	}
	for _, tt := range tests {
		day, _ := events.ParseDay(tt.at)
		st := projections.Party("p", evs, day, nil)
		if st.Name.Disputed || st.Name.Value != tt.name {
			t.Errorf("Party on %s: name %+v, want %q, not disputed", tt.at, st.Name, tt.name)
		}
		// The names of two times are no dispute.
		for _, d := range st.Disputes {
			t.Errorf("Party on %s: dispute %q, want none", tt.at, d.Field)
		}
	}
}

// A ban ends when the party is restored: banned between, active again after, led by whoever took
// office then; a later ending ends it again.
func TestBanLiftedByARestoration(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1951-04-14", events.PartyFounded{Name: "P"}, "founded"),
		fact(t, events.TypePartyBanned, "1961-01-05", events.PartyBanned{}, "prohibited"),
		fact(t, events.TypePartyRestored, "1990", events.PartyRestored{Means: "re-legalised"}, "re-legalised"),
		fact(t, events.TypeLeaderTookOffice, "1991", events.LeaderTookOffice{Office: events.Office{Person: "k", Role: "president"}}, "elected"),
		fact(t, events.TypePartyDissolved, "2009", events.PartyDissolved{}, "dissolved"),
	}
	tests := []struct {
		at        string
		state     projections.State
		certainty projections.Certainty
		leaders   int
	}{
		{"1965-06-01", projections.StateBanned, projections.Certain, 0},
		{"1990-06-01", projections.StateBanned, projections.Uncertain, 0}, // restored some day of 1990
		{"1995-06-01", projections.StateActive, projections.Certain, 1},
		{"2010-01-01", projections.StateDissolved, projections.Certain, 0},
	}
	for _, tt := range tests {
		day, _ := events.ParseDay(tt.at)
		st := projections.Party("p", evs, day, nil)
		if stateOf(st.Status) != tt.state || st.Status.Certainty != tt.certainty || len(st.Leaders) != tt.leaders {
			t.Errorf("Party on %s: %q %s with %d leaders, want %q %s with %d", tt.at, st.Status.States, st.Status.Certainty, len(st.Leaders), tt.state, tt.certainty, tt.leaders)
		}
	}
	if st := projections.Party("p", evs, events.DayOf(1995, 6, 1), nil); st.Status.Since != "1990" {
		t.Errorf("Party on 1995-06-01: active since %q, want 1990 (restored)", st.Status.Since)
	}
	if _, ok := projections.PartyDuring("p", evs, events.MustParseDate("1995"), nil); !ok {
		t.Error("PartyDuring(1995) = false, want the party restored in 1990")
	}
}

// An undated ban is no threat to a party restored since: it was before the restoration.
func TestRestorationOutlivesAnUndatedBan(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1968-03-03", events.PartyFounded{Name: "P"}, "founded"),
		fact(t, events.TypePartyBanned, "XXXX", events.PartyBanned{}, "banned outright"),
		fact(t, events.TypePartyRestored, "1988-11-14", events.PartyRestored{Means: "legalised"}, "legalised"),
	}
	before := projections.Party("p", evs, events.DayOf(1980, 1, 1), nil).Status
	if len(before.Pending) != 1 {
		t.Errorf("Party on 1980-01-01: %d pending claims, want the undated ban", len(before.Pending))
	}
	after := projections.Party("p", evs, events.DayOf(1995, 1, 1), nil).Status
	if stateOf(after) != projections.StateActive || len(after.Pending) != 0 || after.Since != "1988-11-14" {
		t.Errorf("Party on 1995-01-01: %q since %q, %d pending, want active since 1988-11-14 with nothing pending", after.States, after.Since, len(after.Pending))
	}
}

// "A merged into C" and "A and B merged into C" agree: a merger's members are no dispute when one
// claim lists some of the other's.
func TestMergerClaimsOfSomeMembersAgree(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypePartyMerged, "XXXX", events.PartyMerged{Members: []events.EntityID{"a"}, Absorbed: true}, "Merged into: C"),
		fact(t, events.TypePartyMerged, "1998-11-22", events.PartyMerged{Members: []events.EntityID{"a", "b"}}, "A and B merged"),
	}
	if st := projections.Party("p", evs, events.DayOf(2000, 1, 1), nil); len(st.Disputes) != 0 {
		t.Errorf("Party: disputes %+v, want none", st.Disputes)
	}
	evs = append(evs, fact(t, events.TypePartyMerged, "1998", events.PartyMerged{Members: []events.EntityID{"a", "d"}}, "A and D merged"))
	if st := projections.Party("p", evs, events.DayOf(2000, 1, 1), nil); len(st.Disputes) != 1 {
		t.Errorf("Party: %d disputes, want the members B and D in dispute", len(st.Disputes))
	}
}

// A party that merged into another has ended on the merger's day, whether the merger founded a new
// party or the party merged into one that existed (absorbed); the party it merged into lives on. An
// undated claim of the same merger (an infobox's "Merger:") says nothing of the days before it.
func TestMergerEndsItsMembers(t *testing.T) {
	on := func(entity events.EntityID, e events.Event) events.Event {
		e.Entity = entity
		return e
	}
	took := events.LeaderTookOffice{Office: events.Office{Person: "vidal", Role: "president"}}
	evs := []events.Event{
		on("a", fact(t, events.TypePartyFounded, "1987-05-10", events.PartyFounded{Name: "Alianza Popular"}, "founded on 10 May 1987")),
		on("a", fact(t, events.TypeLeaderTookOffice, "1990", took, "Vidal became its president in 1990")),
		on("d", fact(t, events.TypePartyFounded, "1962", events.PartyFounded{Name: "Unión Cívica"}, "founded in 1962")),
		on("c", fact(t, events.TypePartyMerged, "XXXX", events.PartyMerged{Members: []events.EntityID{"a", "b"}}, "Merger: Alianza Popular, Bloque Rural")),
		on("c", fact(t, events.TypePartyMerged, "2004-03-01", events.PartyMerged{Members: []events.EntityID{"a", "b"}}, "merged on 1 March 2004")),
		on("d", fact(t, events.TypePartyMerged, "2011", events.PartyMerged{Members: []events.EntityID{"c"}, Absorbed: true}, "merged into the Unión Cívica in 2011")),
	}
	tests := []struct {
		id      events.EntityID
		at      string
		state   projections.State
		since   string
		leaders int
	}{
		{"a", "2000-01-01", projections.StateActive, "1987-05-10", 1},
		{"a", "2004-02-29", projections.StateActive, "1987-05-10", 1},
		{"a", "2004-03-01", projections.StateMerged, "2004-03-01", 0},
		{"c", "2005-01-01", projections.StateActive, "2004-03-01", 0},
		{"c", "2011-06-01", projections.StateMerged, "2011", 0}, // some day of 2011, not certainly by June
		{"c", "2012-01-01", projections.StateMerged, "2011", 0},
		{"d", "2012-01-01", projections.StateActive, "1962", 0}, // absorbed: it lives on
	}
	for _, tt := range tests {
		st := projections.Party(tt.id, evs, day(t, tt.at), nil)
		got := stateOf(st.Status)
		if tt.at == "2011-06-01" {
			if got != projections.StateActive || st.Status.Certainty != projections.Uncertain || len(st.Status.Pending) != 1 {
				t.Errorf("Party(%s) on %s: %q %s, %d pending, want active, uncertain, the merger pending", tt.id, tt.at, got, st.Status.Certainty, len(st.Status.Pending))
			}
			continue
		}
		if got != tt.state || st.Status.Since != tt.since || len(st.Leaders) != tt.leaders {
			t.Errorf("Party(%s) on %s: %q since %q with %d leaders, want %q since %q with %d", tt.id, tt.at, got, st.Status.Since, len(st.Leaders), tt.state, tt.since, tt.leaders)
		}
		if tt.state == projections.StateActive && tt.id == "a" && len(st.Status.Pending) != 0 {
			t.Errorf("Party(a) on %s: pending %+v, want nothing: the undated merger is the one of 2004", tt.at, st.Status.Pending)
		}
	}
	if st := projections.Party("a", evs, day(t, "2005-01-01"), nil); len(st.FormerLeaders) != 1 {
		t.Errorf("Party(a) after the merger: former leaders %+v, want Vidal", st.FormerLeaders)
	}
	for _, tt := range []struct {
		period string
		want   bool
	}{{"2000/2003", true}, {"2003/2005", true}, {"2005/2010", false}} {
		if _, ok := projections.PartyDuring("a", evs, events.MustParseDate(tt.period), nil); ok != tt.want {
			t.Errorf("PartyDuring(a, %s) = %v, want %v", tt.period, ok, tt.want)
		}
	}
}

// An acting office ends when someone takes the office it stood in for, and falls vacant by design:
// the office is vacant while an acting holder stands in, the acting office never.
func TestActingOfficeEndsWhenTheOfficeIsFilled(t *testing.T) {
	took := func(person events.EntityID, role string) events.LeaderTookOffice {
		return events.LeaderTookOffice{Office: events.Office{Person: person, Role: role}}
	}
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1944-02-18", events.PartyFounded{Name: "P"}, "founded"),
		fact(t, events.TypeLeaderTookOffice, "1944-02-18", took("bennani", "secretary-general"), "led by Bennani"),
		fact(t, events.TypeLeaderLeftOffice, "1991-02-14", events.LeaderLeftOffice{Office: events.Office{Person: "bennani", Role: "secretary-general"}}, "died in office"),
		fact(t, events.TypeLeaderTookOffice, "1991-02-14", took("benjelloun", "acting secretary-general"), "became acting leader"),
		fact(t, events.TypeLeaderTookOffice, "1992", took("benjelloun", "secretary-general"), "was elected the following year"),
	}
	for _, tt := range []struct {
		at      string
		roles   []string
		vacancy []string
	}{
		{"1991-06-01", []string{"acting secretary-general"}, []string{"secretary-general"}}, // held in the acting
		{"1995-01-01", []string{"secretary-general"}, nil},
	} {
		st := projections.Party("p", evs, day(t, tt.at), nil)
		var roles, vacant []string
		for _, l := range st.Leaders {
			roles = append(roles, l.Role)
		}
		for _, v := range st.Vacancies {
			vacant = append(vacant, v.Office)
		}
		if !slices.Equal(roles, tt.roles) || !slices.Equal(vacant, tt.vacancy) {
			t.Errorf("Party on %s: leaders %q, vacant %q; want %q, vacant %q", tt.at, roles, vacant, tt.roles, tt.vacancy)
		}
	}
}

// Endings read together: an undated one beside a dated one is taken for it (no "may already be"
// before it), and one dated to a year is the same end as one dated to a day of that year.
func TestEndingsReadTogether(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1974-05-12", events.PartyFounded{Name: "P"}, "founded"),
		fact(t, events.TypePartyCeased, "2003", events.PartyCeased{}, "it ceased to exist in 2003"),
		fact(t, events.TypePartyDissolved, "2003-09-20", events.PartyDissolved{}, "Dissolved: 20 September 2003"),
		fact(t, events.TypePartyDissolved, "XXXX", events.PartyDissolved{}, "it was later dissolved"),
	}
	for _, tt := range []struct {
		at      string
		state   projections.State
		cert    projections.Certainty
		since   string
		pending int
	}{
		{"1990-01-01", projections.StateActive, projections.Certain, "1974-05-12", 0},
		{"2003-01-01", projections.StateActive, projections.Certain, "1974-05-12", 0},
		{"2004-01-01", projections.StateCeased + "+" + projections.StateDissolved, projections.Certain, "2003-09-20", 0},
	} {
		st := projections.Party("p", evs, day(t, tt.at), nil).Status
		if stateOf(st) != tt.state || st.Certainty != tt.cert || st.Since != tt.since || len(st.Pending) != tt.pending {
			t.Errorf("Party on %s: %q %s since %q, %d pending; want %q %s since %q, %d pending", tt.at, st.States, st.Certainty, st.Since, len(st.Pending), tt.state, tt.cert, tt.since, tt.pending)
		}
	}
	ps, ok := projections.PartyDuring("p", evs, events.MustParseDate("1975/1980"), nil)
	if !ok || ps.Existed != projections.Certain {
		t.Errorf("PartyDuring(1975/1980) = %v, %v; want certain", ps.Existed, ok)
	}
	if _, ok := projections.PartyDuring("p", evs, events.MustParseDate("2004/2005"), nil); ok {
		t.Error("PartyDuring(2004/2005) = true, want false: it ended on 2003-09-20")
	}
}

// An acting office held "by April 1995" began after the office it stands in for fell vacant, not at
// any time before.
func TestActingOfficeBeganWhenTheOfficeFellVacant(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1990-03-14", events.PartyFounded{Name: "P"}, "founded"),
		fact(t, events.TypeLeaderTookOffice, "1990-03-14", events.LeaderTookOffice{Office: events.Office{Person: "k", Role: "chairman"}}, "Kolesnikov chaired it"),
		fact(t, events.TypeLeaderLeftOffice, "1995-02-10", events.LeaderLeftOffice{Office: events.Office{Person: "k", Role: "chairman"}}, "he died in office"),
		fact(t, events.TypeLeaderTookOffice, "../1995-04", events.LeaderTookOffice{Office: events.Office{Person: "s", Role: "acting chairwoman"}}, "acting chairwoman until April 1995"),
	}
	for _, tt := range []struct {
		at      string
		persons []events.EntityID
	}{
		{"1992-01-01", []events.EntityID{"k"}},
		{"1995-03-01", []events.EntityID{"s"}},
	} {
		var got []events.EntityID
		for _, l := range projections.Party("p", evs, day(t, tt.at), nil).Leaders {
			got = append(got, l.Person)
		}
		if !slices.Equal(got, tt.persons) {
			t.Errorf("Party on %s: leaders %q, want %q", tt.at, got, tt.persons)
		}
	}
}

// A party that left a body no longer belongs to it from the day it left: the membership is a former
// one, with the day it ended; one that may or may not have ended by the day is uncertain; a party
// that joined again after leaving belongs to it again.
func TestAffiliationEnds(t *testing.T) {
	joined := func(date string) events.Event {
		return fact(t, events.TypePartyAffiliation, date, events.PartyAffiliation{Kind: "member", Organisation: "front"}, "joined the Front in "+date)
	}
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1950", events.PartyFounded{Name: "Agrarian League"}, "founded in 1950"),
		joined("1962"),
		fact(t, events.TypePartyAffiliationEnded, "1970-11", events.PartyAffiliationEnded{Organisation: "front", How: "left"}, "left it in November 1970"),
		joined("1980-05-01"),
	}
	tests := []struct {
		at              string
		current, former int
		certainty       projections.Certainty
		until           string
	}{
		{"1965-01-01", 1, 0, projections.Certain, ""},
		{"1970-11-15", 1, 0, projections.Uncertain, ""},
		{"1971-01-01", 0, 1, "", "1970-11"},
		{"1981-01-01", 1, 1, projections.Certain, "1970-11"},
	}
	for _, tt := range tests {
		st := projections.Party("p", evs, day(t, tt.at), nil)
		if len(st.Affiliations) != tt.current || len(st.FormerAffiliations) != tt.former {
			t.Errorf("Party on %s: %d affiliations, %d former, want %d and %d", tt.at, len(st.Affiliations), len(st.FormerAffiliations), tt.current, tt.former)
			continue
		}
		if tt.current > 0 && st.Affiliations[0].Certainty != tt.certainty {
			t.Errorf("Party on %s: affiliation %s, want %s", tt.at, st.Affiliations[0].Certainty, tt.certainty)
		}
		if tt.former > 0 && st.FormerAffiliations[0].Until != tt.until {
			t.Errorf("Party on %s: former affiliation until %q, want %q", tt.at, st.FormerAffiliations[0].Until, tt.until)
		}
	}
}

// A departure from an office that no claim says the person took tells that they held it by then:
// before it they may hold it (since when no one says), in the departure's year they may have left,
// after it the office is another's.
func TestDepartureAloneIsATerm(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1989", events.PartyFounded{Name: "P"}, "founded"),
		fact(t, events.TypeLeaderLeftOffice, "1993", events.LeaderLeftOffice{Office: events.Office{Person: "galezowski", Role: "chairman"}}, "stepped down in 1993"),
		fact(t, events.TypeLeaderTookOffice, "1993", events.LeaderTookOffice{Office: events.Office{Person: "swiatek", Role: "chairman"}}, "succeeded him in 1993"),
	}
	st := projections.Party("p", evs, day(t, "1992-06-01"), nil)
	if len(st.Leaders) != 1 || st.Leaders[0].Person != "galezowski" || st.Leaders[0].Certainty != projections.Uncertain {
		t.Errorf("Party on 1992-06-01: leaders %+v, want Gałęzowski, uncertain (by 1993)", st.Leaders)
	}
	st = projections.Party("p", evs, day(t, "1994-01-01"), nil)
	if len(st.Leaders) != 1 || st.Leaders[0].Person != "swiatek" {
		t.Errorf("Party on 1994-01-01: leaders %+v, want Świątek alone", st.Leaders)
	}
	st = projections.Party("p", evs, day(t, "1993-06-01"), nil)
	if !slices.ContainsFunc(st.Leaders, func(l projections.Leader) bool { return l.Person == "galezowski" && l.Until == "1993" }) {
		t.Errorf("Party on 1993-06-01: leaders %+v, want Gałęzowski, who may have left in 1993", st.Leaders)
	}
}

// One election's result told twice must agree: seats that differ are a dispute, a share rounded from
// the other is not, and a figure that is no number ("new") agrees with any.
func TestElectionResultsInDispute(t *testing.T) {
	result := func(seats, share, quote string) events.Event {
		return fact(t, events.TypeElectionResult, "1990", events.ElectionResult{Election: "1990 general election", Level: events.LevelGeneral, Seats: seats, Percent: share}, quote)
	}
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1989", events.PartyFounded{Name: "P"}, "founded"),
		result("4", "2.30%", "| 1990 | 2.3 | 4 |"),
		result("new", "2.3", "won 2.3% in 1990"),
	}
	if st := projections.Party("p", evs, day(t, "1991-01-01"), nil); len(st.Disputes) != 0 {
		t.Errorf("Party: disputes %+v, want none", st.Disputes)
	}
	evs = append(evs, result("3 / 250", "2.34", "won three seats with 2.34% of the vote"))
	st := projections.Party("p", evs, day(t, "1991-01-01"), nil)
	if len(st.Disputes) != 1 || st.Disputes[0].Field != "1990 general election: seats" {
		t.Errorf("Party: disputes %+v, want the seats of 1990 (4 against 3) alone", st.Disputes)
	}
}

// Sources that disagree on the founding leave the days between their dates uncertain: active by one,
// not yet founded by the other.
func TestDisputedFoundingLeavesTheDaysBetweenUncertain(t *testing.T) {
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1931-04-12", events.PartyFounded{Name: "P"}, "Founded: 12 April 1931"),
		fact(t, events.TypePartyFounded, "1933", events.PartyFounded{Name: "P"}, "founded in 1933"),
	}
	for _, tt := range []struct {
		at        string
		certainty projections.Certainty
	}{
		{"1932-06-01", projections.Uncertain},
		{"1934-01-01", projections.Certain},
	} {
		st := projections.Party("p", evs, day(t, tt.at), nil)
		if got := stateOf(st.Status); got != projections.StateActive || st.Status.Certainty != tt.certainty {
			t.Errorf("Party on %s: %q %s, want active, %s", tt.at, got, st.Status.Certainty, tt.certainty)
		}
	}
}

// A thirteenth round's folds: a term whose end two sources tell, one to the year ("1979–1990") and one
// to the month ("stepped down in November 1990"), ends in that month; an undated "acting chairman"
// claim is the dated acting leader's term, not a term of its own shown on every day; and a party
// that absorbed another long after its founding merger has two mergers, not one in dispute.
func TestThirteenthRoundFolds(t *testing.T) {
	took := func(person events.EntityID, role string) events.LeaderTookOffice {
		return events.LeaderTookOffice{Office: events.Office{Person: person, Role: role}}
	}
	left := func(person events.EntityID, role string) events.LeaderLeftOffice {
		return events.LeaderLeftOffice{Office: events.Office{Person: person, Role: role}}
	}
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1956-09-22", events.PartyFounded{Name: "P"}, "founded"),
		fact(t, events.TypePartyMerged, "XXXX", events.PartyMerged{Members: []events.EntityID{"a", "b"}}, "Merger: A, B"),
		fact(t, events.TypeLeaderTookOffice, "1979", took("mahato", "leader"), "* 1979–1990: Mahato"),
		fact(t, events.TypeLeaderLeftOffice, "1990", left("mahato", "leader"), "* 1979–1990: Mahato"),
		fact(t, events.TypeLeaderLeftOffice, "1990-11", left("mahato", "leader"), "Mahato stepped down in November 1990"),
		fact(t, events.TypeLeaderTookOffice, "1990-11", took("lamichhane", "leader"), "and was succeeded by Lamichhane"),
		fact(t, events.TypeLeaderLeftOffice, "2003-11-26", left("lamichhane", "leader"), "resigned on 26 November 2003"),
		fact(t, events.TypeLeaderTookOffice, "2003-11-26", took("lortkipanidze", "acting leader"), "| Lortkipanidze | 26 November 2003 | 18 January 2004 | Acting |"),
		fact(t, events.TypeLeaderLeftOffice, "2004-01-18", left("lortkipanidze", "acting leader"), "| Lortkipanidze | 26 November 2003 | 18 January 2004 | Acting |"),
		fact(t, events.TypeLeaderTookOffice, "XXXX", took("lortkipanidze", "acting chairman"), "Lortkipanidze served as acting chairman"),
		fact(t, events.TypeLeaderTookOffice, "2004-01-18", took("meskhishvili", "chairman"), "elected chairman on 18 January 2004"),
		fact(t, events.TypePartyMerged, "2013-05-18", events.PartyMerged{Members: []events.EntityID{"c"}, Absorbed: true}, "C merged into P on 18 May 2013"),
	}
	for _, tt := range []struct {
		at      string
		leaders []events.EntityID
	}{
		{"1990-06-01", []events.EntityID{"mahato"}},
		{"1990-12-01", []events.EntityID{"lamichhane"}},
		{"2000-01-01", []events.EntityID{"lamichhane"}},
		{"2004-01-01", []events.EntityID{"lortkipanidze"}},
		{"2005-01-01", []events.EntityID{"meskhishvili"}},
	} {
		st := projections.Party("p", evs, day(t, tt.at), nil)
		var got []events.EntityID
		for _, l := range st.Leaders {
			got = append(got, l.Person)
		}
		if !slices.Equal(got, tt.leaders) {
			t.Errorf("Party on %s: leaders %v, want %v (%+v)", tt.at, got, tt.leaders, st.Leaders)
		}
		if len(st.Disputes) != 0 {
			t.Errorf("Party on %s: disputes %+v, want none: the absorption of 2013 is a merger of its own", tt.at, st.Disputes)
		}
	}
}

// The abbreviation shown with a party's name is one that may stand for that name: the infobox's
// "NGCR" is the name the party took in 2008, not the Union for Civic Renewal's of 1995; an
// abbreviation in the party's own language ("PiS"), which fits none of its names, fits them all.
func TestAbbreviationOfTheDaysName(t *testing.T) {
	named := func(name, kind string) events.EntityNamed {
		return events.EntityNamed{Kind: events.KindParty, Name: name, NameType: kind}
	}
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1993-04-14", events.PartyFounded{Name: "Union for Civic Renewal"}, "founded as the Union for Civic Renewal"),
		fact(t, events.TypeEntityNamed, "XXXX", named("New Georgia – Civic Renewal", events.NameOfficial), "New Georgia – Civic Renewal"),
		fact(t, events.TypeEntityNamed, "XXXX", named("NGCR", events.NameAbbreviation), "Abbreviation: NGCR"),
		fact(t, events.TypeEntityNamed, "XXXX", named("PiS", events.NameAbbreviation), "PiS"),
		fact(t, events.TypePartyRenamed, "2008-06", events.PartyRenamed{From: "Union for Civic Renewal", To: "New Georgia – Civic Renewal"}, "adopted the name in June 2008"),
	}
	for _, tt := range []struct{ at, name, abbreviations string }{
		{"1995-03-01", "Union for Civic Renewal", "PiS"},
		{"2010-01-01", "New Georgia – Civic Renewal", "NGCR, PiS"},
	} {
		st := projections.Party("p", evs, day(t, tt.at), nil)
		var abbrevs []string
		for _, c := range st.Abbreviation.Claims {
			abbrevs = append(abbrevs, c.Value)
		}
		if st.Name.Value != tt.name || strings.Join(abbrevs, ", ") != tt.abbreviations {
			t.Errorf("Party on %s: %q (%s), want %q (%s)", tt.at, st.Name.Value, strings.Join(abbrevs, ", "), tt.name, tt.abbreviations)
		}
	}
}

// A holder listed for two terms that meet in a year ("X and Y (2006–2010)", "Y (2010–2017)") holds the
// office on through both: no vacancy between them.
func TestTermsThatMeetInAYear(t *testing.T) {
	took := func(person events.EntityID, date string) events.Event {
		return fact(t, events.TypeLeaderTookOffice, date, events.LeaderTookOffice{Office: events.Office{Person: person, Role: "president"}}, "took "+date)
	}
	left := func(person events.EntityID, date string) events.Event {
		return fact(t, events.TypeLeaderLeftOffice, date, events.LeaderLeftOffice{Office: events.Office{Person: person, Role: "president"}}, "left "+date)
	}
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1998", events.PartyFounded{Name: "P"}, "founded"),
		took("rosa", "2006"), left("rosa", "2010"), took("julio", "2006"), left("julio", "2010"),
		took("julio", "2010"), left("julio", "2017"),
	}
	for _, tt := range []struct {
		at      string
		leaders string
	}{
		{"2008-01-01", "rosa julio"},
		{"2012-01-01", "julio"},
		{"2018-01-01", ""},
	} {
		st := projections.Party("p", evs, day(t, tt.at), nil)
		var got []string
		for _, l := range st.Leaders {
			got = append(got, string(l.Person))
		}
		slices.Sort(got)
		want := strings.Fields(tt.leaders)
		slices.Sort(want)
		if !slices.Equal(got, want) || tt.at == "2012-01-01" && len(st.Vacancies) > 0 {
			t.Errorf("Party on %s: leaders %v, vacancies %+v; want %v and no vacancy", tt.at, got, st.Vacancies, want)
		}
	}
}

// Two abbreviations, each the initials of a name the party bore (DPWP before its rename, MWDP after),
// are of two times, not in dispute; one that fits none of its names disputes them.
func TestAbbreviationsOfTwoNames(t *testing.T) {
	abbreviation := func(a string) events.Event {
		return fact(t, events.TypeEntityNamed, "XXXX", events.EntityNamed{Kind: events.KindParty, Name: a, NameType: events.NameAbbreviation}, "Abbreviation: "+a)
	}
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1958", events.PartyFounded{Name: "Democratic Peasants and Workers Party"}, "founded"),
		fact(t, events.TypePartyRenamed, "1989-07", events.PartyRenamed{From: "Democratic Peasants and Workers Party", To: "Myanmar Workers' Democratic Party"}, "renamed"),
		abbreviation("DPWP"),
		abbreviation("MWDP"),
	}
	for _, at := range []string{"1970-01-01", "1990-01-01"} {
		st := projections.Party("p", evs, day(t, at), nil)
		if len(st.Disputes) != 0 {
			t.Errorf("Party(%s): disputes %+v, want none", at, st.Disputes)
		}
		if want := map[string]string{"1970-01-01": "DPWP", "1990-01-01": "MWDP"}[at]; st.Abbreviation.Value != want {
			t.Errorf("Party(%s).Abbreviation = %q, want %q", at, st.Abbreviation.Value, want)
		}
	}
	st := projections.Party("p", append(evs, abbreviation("KLM")), day(t, "1990-01-01"), nil)
	if len(st.Disputes) != 1 || st.Disputes[0].Field != "abbreviation name" {
		t.Errorf("Party: disputes %+v, want the abbreviations, KLM fitting no name", st.Disputes)
	}
}

// A rename told twice, once to the year and once to the month, is one rename, in that month: before
// it the old name stands, undisputed.
func TestRenameToldTwice(t *testing.T) {
	rename := func(date, quote string) events.Event {
		return fact(t, events.TypePartyRenamed, date, events.PartyRenamed{From: "Democratic Peasants Party", To: "Workers' Party"}, quote)
	}
	evs := []events.Event{
		fact(t, events.TypePartyFounded, "1958", events.PartyFounded{Name: "Democratic Peasants Party"}, "founded"),
		rename("1989", "renamed in 1989"),
		rename("1989-07", "renamed in July 1989"),
	}
	for at, want := range map[string]string{"1989-01-01": "Democratic Peasants Party", "1989-06-30": "Democratic Peasants Party", "1989-08-01": "Workers' Party"} {
		st := projections.Party("p", evs, day(t, at), nil)
		if st.Name.Value != want || st.Name.Disputed {
			t.Errorf("Party(%s).Name = %q (disputed %v), want %q", at, st.Name.Value, st.Name.Disputed, want)
		}
	}
}
