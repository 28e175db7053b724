package projections_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"slices"
	"testing"
	"time"

	"annals/events"
	"annals/projections"
	"annals/sources"

	"github.com/oklog/ulid/v2"
)

// The properties of the fold's rules (see doc.go), over random dates and claim sets. Each prints its
// seed; rerun a failure with -seed N.

var seedFlag = flag.Int64("seed", 0, "seed of the property tests (0: from the clock)")

func propertyRand(t *testing.T) *rand.Rand {
	t.Helper()
	seed := *seedFlag
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("seed %d (rerun with -seed %d)", seed, seed)
	return rand.New(rand.NewSource(seed))
}

const propertyRuns = 400

// randDate returns a random EDTF date in the 1990s: a year, a month, a day, an interval of years, an
// interval with an open start or one with an open end.
func randDate(r *rand.Rand) string {
	y := 1990 + r.Intn(10)
	m := 1 + r.Intn(12)
	d := 1 + r.Intn(28)
	switch r.Intn(6) {
	case 0:
		return fmt.Sprintf("%04d", y)
	case 1:
		return fmt.Sprintf("%04d-%02d", y, m)
	case 2:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case 3:
		return fmt.Sprintf("%04d/%04d", y, y+r.Intn(3))
	case 4:
		return fmt.Sprintf("../%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d/..", y, m)
}

func randDay(r *rand.Rand) events.Day {
	return events.DayOf(1988+r.Intn(14), 1+r.Intn(12), 1+r.Intn(28))
}

// days returns random days and the edges of the given days (each, the day before and after).
func days(r *rand.Rand, edges ...events.Day) []events.Day {
	var out []events.Day
	for range 20 {
		out = append(out, randDay(r))
	}
	for _, e := range edges {
		if e != events.MinDay && e != events.MaxDay {
			out = append(out, e-1, e, e+1)
		}
	}
	return out
}

func shuffled(r *rand.Rand, evs []events.Event) []events.Event {
	out := append([]events.Event(nil), evs...)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func stateJSON(t *testing.T, st any) string {
	t.Helper()
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Two founding claims are disputed exactly when their ranges of days do not meet. Compatible claims
// refine each other: the party is founded on the days the intersection says, certainly from its last
// day, not at all before its first, whatever the vaguer claim allows; the answer does not depend on
// the order of the claims.
func TestPropertyRefinement(t *testing.T) {
	r := propertyRand(t)
	for range propertyRuns {
		a, b := events.MustParseDate(randDate(r)), events.MustParseDate(randDate(r))
		evs := []events.Event{
			fact(t, events.TypePartyFounded, a.String(), events.PartyFounded{Name: "P"}, "a"),
			fact(t, events.TypePartyFounded, b.String(), events.PartyFounded{Name: "P"}, "b"),
		}
		compatible := a.Earliest() <= b.Latest() && b.Earliest() <= a.Latest()
		lo, hi := max(a.Earliest(), b.Earliest()), min(a.Latest(), b.Latest())
		for _, day := range days(r, lo, hi) {
			st := projections.Party("p", evs, day, nil)
			if st.Founded.Disputed == compatible {
				t.Fatalf("founded %s and %s: Party(%s).Founded.Disputed = %v, want %v", a, b, day, st.Founded.Disputed, !compatible)
			}
			if other := projections.Party("p", shuffled(r, evs), day, nil); stateJSON(t, other) != stateJSON(t, st) {
				t.Fatalf("founded %s and %s: Party(%s) depends on the order of the claims", a, b, day)
			}
			if !compatible {
				continue
			}
			want, cert := projections.StateActive, projections.Uncertain
			switch {
			case day < lo:
				want, cert = projections.StateNotFounded, projections.Certain
			case day >= hi:
				cert = projections.Certain
			}
			if stateOf(st.Status) != want || st.Status.Certainty != cert {
				t.Fatalf("founded %s and %s: State(%s).Status = %s (%s), want %s (%s)", a, b, day, stateOf(st.Status), st.Status.Certainty, want, cert)
			}
			if len(st.Founded.Claims) != 2 {
				t.Fatalf("founded %s and %s: Founded.Claims = %d, want both sources", a, b, len(st.Founded.Claims))
			}
		}
	}
}

// leaderClaims returns random claims that x led the party, in a random mix of dated, open and undated
// starts and departures, and that y did with undated claims only.
func leaderClaims(t *testing.T, r *rand.Rand) []events.Event {
	took := func(date, person, role string) events.Event {
		return fact(t, events.TypeLeaderTookOffice, date, events.LeaderTookOffice{Office: events.Office{Person: events.EntityID(person), Role: role}}, "took "+person+" "+date)
	}
	left := func(date, person, role string) events.Event {
		return fact(t, events.TypeLeaderLeftOffice, date, events.LeaderLeftOffice{Office: events.Office{Person: events.EntityID(person), Role: role}}, "left "+person+" "+date)
	}
	roles := []string{"leader", "president", "Party Leader", "chairman"}
	evs := []events.Event{fact(t, events.TypePartyFounded, "1980", events.PartyFounded{Name: "P"}, "founded")}
	for range 1 + r.Intn(4) {
		evs = append(evs, took(randDate(r), "x", roles[r.Intn(len(roles))]))
	}
	for range r.Intn(3) {
		evs = append(evs, left(randDate(r), "x", roles[r.Intn(len(roles))]))
	}
	for range r.Intn(3) {
		evs = append(evs, took("XXXX", "x", roles[r.Intn(len(roles))]))
	}
	for range 1 + r.Intn(2) {
		evs = append(evs, took("XXXX", "y", "vice president"))
	}
	return evs
}

// On any day a person holds at most one line per office; an undated claim never displaces a dated
// one (no undated line for a person with a dated claim in the office, and none before the earliest
// of their bounded starts); a person with undated claims only is shown, marked undated; every claim
// stays behind some line or in the party's facts.
func TestPropertyUndatedNeverDisplacesDated(t *testing.T) {
	r := propertyRand(t)
	for range propertyRuns {
		evs := leaderClaims(t, r)
		first := events.MaxDay // the earliest bounded start of x
		openStart := false
		for _, e := range evs {
			if p, ok := e.Payload.(events.LeaderTookOffice); ok && p.Person == "x" && !e.Date.Unknown() {
				if e.Date.Earliest() == events.MinDay {
					openStart = true
				}
				first = min(first, e.Date.Earliest())
			}
		}
		for _, day := range days(r, first) {
			st := projections.Party("p", evs, day, nil)
			lines := map[string]int{}
			for _, l := range st.Leaders {
				lines[string(l.Person)]++
				switch {
				case l.Person == "x" && l.Certainty == projections.Undated:
					t.Fatalf("%s: Party(%s) shows x undated beside dated claims: %+v", describe(evs), day, st.Leaders)
				case l.Person == "y" && l.Certainty != projections.Undated:
					t.Fatalf("%s: Party(%s) shows y %s, want undated", describe(evs), day, l.Certainty)
				}
			}
			if lines["x"] > 1 || lines["y"] != 1 {
				t.Fatalf("%s: Party(%s).Leaders = %d lines for x, %d for y, want at most 1 and 1: %+v", describe(evs), day, lines["x"], lines["y"], st.Leaders)
			}
			if !openStart && day < first && lines["x"] > 0 {
				t.Fatalf("%s: Party(%s) shows x before the first dated start %s", describe(evs), day, first)
			}
		}
	}
}

func describe(evs []events.Event) string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Source.Quote)
	}
	return fmt.Sprint(out)
}

// Nothing outlives its party: on any day on or after its ending, a party has no current leader,
// wing or affiliation and no vacancy; the leaders who had begun are its last ones.
func TestPropertyNothingCurrentAfterTheEnd(t *testing.T) {
	r := propertyRand(t)
	endings := []events.Payload{events.PartyDissolved{}, events.PartyCeased{}}
	for range propertyRuns {
		evs := partyOfLeadersWingAndAffiliation(t, r)
		ending := endings[r.Intn(len(endings))]
		end := events.MustParseDate(randDate(r))
		if end.Latest() == events.MaxDay {
			end = events.MustParseDate(fmt.Sprint(1990 + r.Intn(10)))
		}
		evs = append(evs, fact(t, ending.EventType(), end.String(), ending, "end"))
		for _, day := range days(r, end.Latest()) {
			st := projections.Party("p", evs, day, nil)
			if day < end.Latest() {
				continue
			}
			if !st.Ended() || len(st.Leaders) > 0 || len(st.Wings) > 0 || len(st.Affiliations) > 0 || len(st.Vacancies) > 0 {
				t.Fatalf("%s, ended %s: Party(%s) = status %q, %d leaders, %d wings, %d affiliations, %d vacancies; want none current",
					describe(evs), end, day, stateOf(st.Status), len(st.Leaders), len(st.Wings), len(st.Affiliations), len(st.Vacancies))
			}
			if len(st.FormerLeaders) == 0 {
				t.Fatalf("%s, ended %s: Party(%s).FormerLeaders is empty; want the last leaders (y at least)", describe(evs), end, day)
			}
		}
	}
}

// A ban (or a declaration that the party is illegal, or a suspension of its registration) ends its
// legal life, not the party: on every day after it, the leaders, wings and affiliations are those of
// the same record without the ban; a suspension shows as one.
func TestPropertyBanKeepsTheParty(t *testing.T) {
	r := propertyRand(t)
	bans := []events.Payload{events.PartyBanned{}, events.PartyDeclaredIllegal{}, events.PartyBanned{Reason: events.RegistrationSuspended}}
	for range propertyRuns {
		evs := partyOfLeadersWingAndAffiliation(t, r)
		ban := bans[r.Intn(len(bans))]
		at := events.MustParseDate(fmt.Sprint(1990 + r.Intn(10)))
		banned := append(slices.Clone(evs), fact(t, ban.EventType(), at.String(), ban, "ban"))
		for _, day := range days(r, at.Latest()) {
			if day < at.Latest() {
				continue
			}
			with, without := projections.Party("p", banned, day, nil), projections.Party("p", evs, day, nil)
			if b, ok := ban.(events.PartyBanned); ok && b.Reason == events.RegistrationSuspended && !with.Status.Is(projections.StateSuspended) {
				t.Fatalf("%s, registration suspended %s: Party(%s).Status = %v, want suspended", describe(banned), at, day, with.Status.States)
			}
			if with.Ended() || !slices.Equal(leaderIDs(with), leaderIDs(without)) || len(with.Wings) != len(without.Wings) || len(with.Affiliations) != len(without.Affiliations) {
				t.Fatalf("%s, banned %s: Party(%s) = ended %v, leaders %v, %d wings, %d affiliations; want leaders %v, %d wings, %d affiliations as without the ban",
					describe(banned), at, day, with.Ended(), leaderIDs(with), len(with.Wings), len(with.Affiliations), leaderIDs(without), len(without.Wings), len(without.Affiliations))
			}
		}
	}
}

// partyOfLeadersWingAndAffiliation returns random leader claims, a youth wing and an international
// affiliation of one party.
func partyOfLeadersWingAndAffiliation(t *testing.T, r *rand.Rand) []events.Event {
	return append(leaderClaims(t, r),
		fact(t, events.TypePartyWing, "XXXX", events.PartyWing{Wing: "w", Kind: "youth wing"}, "wing"),
		fact(t, events.TypePartyAffiliation, randDate(r), events.PartyAffiliation{Organisation: "o", Kind: "international"}, "affiliation"))
}

// leaderIDs returns the people of a state's current leaders.
func leaderIDs(st projections.PartyState) []events.EntityID {
	var out []events.EntityID
	for _, l := range st.Leaders {
		out = append(out, l.Person)
	}
	return out
}

// Between one holder's departure and the next one's arrival the office is vacant, since the
// departure and until the arrival.
func TestPropertyVacancy(t *testing.T) {
	r := propertyRand(t)
	for range propertyRuns {
		d1 := randDay(r)
		d2 := d1 + events.Day(1+r.Intn(2000))
		d3 := d2 + events.Day(1+r.Intn(400))
		evs := []events.Event{
			fact(t, events.TypePartyFounded, "1980", events.PartyFounded{Name: "P"}, "founded"),
			fact(t, events.TypeLeaderTookOffice, d1.String(), events.LeaderTookOffice{Office: events.Office{Person: "a", Role: "leader"}}, "a took"),
			fact(t, events.TypeLeaderLeftOffice, d2.String(), events.LeaderLeftOffice{Office: events.Office{Person: "a", Role: "leader"}}, "a left"),
			fact(t, events.TypeLeaderTookOffice, d3.String(), events.LeaderTookOffice{Office: events.Office{Person: "b", Role: "President"}}, "b took"),
			fact(t, events.TypeLeaderTookOffice, "XXXX", events.LeaderTookOffice{Office: events.Office{Person: "b", Role: "leader"}}, "b undated"),
		}
		for _, day := range days(r, d1, d2, d3) {
			st := projections.Party("p", evs, day, nil)
			vacant := day >= d2 && day < d3
			if got := len(st.Vacancies) == 1; got != vacant {
				t.Fatalf("a %s–%s, b from %s: Party(%s).Vacancies = %+v, want vacant %v", d1, d2, d3, day, st.Vacancies, vacant)
			}
			if vacant && (st.Vacancies[0].Since != d2.String() || st.Vacancies[0].Until != d3.String() || len(st.Leaders) != 0) {
				t.Fatalf("a %s–%s, b from %s: Party(%s) = vacancy %+v, %d leaders; want vacant since %s until %s", d1, d2, d3, day, st.Vacancies[0], len(st.Leaders), d2, d3)
			}
			if day >= d3 && (len(st.Leaders) != 1 || st.Leaders[0].Person != "b" || len(st.Leaders[0].Claims) != 2) {
				t.Fatalf("a %s–%s, b from %s: Party(%s).Leaders = %+v, want b, one line with both claims", d1, d2, d3, day, st.Leaders)
			}
		}
	}
}

// A ban for N years from a day ends N years later, to the day: in force before, over from then.
func TestPropertyBanEnds(t *testing.T) {
	r := propertyRand(t)
	for range propertyRuns {
		start := randDay(r)
		years := 1 + r.Intn(10)
		date := start.String()
		if r.Intn(2) == 0 {
			date += "/.." // as the extractor records a ban that runs from a ruling
		}
		evs := []events.Event{
			fact(t, events.TypePartyFounded, "1980", events.PartyFounded{Name: "P"}, "founded"),
			fact(t, events.TypePartyOfficialsBanned, date, events.PartyOfficialsBanned{Group: "officials", Count: 3, Years: years}, "ban"),
		}
		y, m, d := start.Civil()
		end := events.DayOf(y+years, m, d)
		if _, em, _ := end.Civil(); em != m {
			end = events.DayOf(y+years, m+1, 1) - 1 // 29 February: the last day of February
		}
		for _, day := range days(r, start, end) {
			st := projections.Party("p", evs, day, nil)
			if day < start {
				if len(st.Bans) != 0 {
					t.Fatalf("ban from %s: Party(%s).Bans = %+v, want none yet", date, day, st.Bans)
				}
				continue
			}
			want := projections.BanInForce
			if day >= end {
				want = projections.BanOver
			}
			if len(st.Bans) != 1 || st.Bans[0].State != want || st.Bans[0].Until != end.String() || st.Bans[0].Certainty != projections.Certain {
				t.Fatalf("ban from %s for %d years: Party(%s).Bans = %+v, want %s until %s, certain", date, years, day, st.Bans, want, end)
			}
		}
	}
}

// Over a period of one day, PartyDuring agrees with Party on whether the party exists; over a longer
// period, the party existed when it existed on some day of it.
func TestPropertyDuringAgreesWithDays(t *testing.T) {
	r := propertyRand(t)
	for range propertyRuns {
		founded := randDate(r)
		evs := []events.Event{fact(t, events.TypePartyFounded, founded, events.PartyFounded{Name: "P"}, "founded")}
		ended := ""
		if r.Intn(2) == 0 {
			ended = fmt.Sprintf("%04d-%02d", 1992+r.Intn(10), 1+r.Intn(12))
			evs = append(evs, fact(t, events.TypePartyDissolved, ended, events.PartyDissolved{}, "dissolved"))
		}
		for _, day := range days(r) {
			period := events.MustParseDate(day.String())
			_, ok := projections.PartyDuring("p", evs, period, nil)
			st := projections.Party("p", evs, day, nil)
			exists := st.Exists() && !st.Ended()
			if ok != exists {
				t.Fatalf("founded %s, dissolved %q: PartyDuring(%s) = %v, Party(%s) = %s (%s)", founded, ended, day, ok, day, stateOf(st.Status), st.Status.Certainty)
			}
		}
		if r.Intn(4) != 0 {
			continue // a period checked day by day is slow: one run in four
		}
		y := 1988 + r.Intn(14)
		period := events.MustParseDate(fmt.Sprintf("%04d/%04d", y, y+r.Intn(3)))
		_, ok := projections.PartyDuring("p", evs, period, nil)
		some := false
		for d := period.Earliest(); d <= period.Latest() && !some; d++ {
			st := projections.Party("p", evs, d, nil)
			some = st.Exists() && !st.Ended()
		}
		if ok != some {
			t.Fatalf("founded %s, dissolved %q: PartyDuring(%s) = %v, want %v", founded, ended, period, ok, some)
		}
	}
}

// documentEvents returns the events of the curated facts of the documents in dir, recorded on one
// fixed day with ids from a fixed seed.
func documentEvents(t *testing.T, dir string) []events.Event {
	t.Helper()
	in, err := sources.LoadWith([]string{dir}, sources.LoadOptions{NoDraft: true})
	if err != nil {
		t.Fatal(err)
	}
	entropy := ulid.Monotonic(rand.New(rand.NewSource(7)), 0)
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var evs []events.Event
	for _, f := range in.Facts {
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(now), entropy), now)
		if err != nil {
			t.Fatal(err)
		}
		evs = append(evs, e)
	}
	return evs
}

// A document of another country, not a seed: the rules hold on it too. The Norland Farmers' League
// is fictional; its facts file records a founding in 1931 and on 12 April 1931, an infobox chairman
// without a date, a dated term (3 May 1931 to 20 June 1936), a claim inferred from 1935 ("../1935"),
// a successor from 1 September 1936, a ban on 10 May 1940 and a ten-year ban of forty officials.
func TestNorlandDocument(t *testing.T) {
	evs := documentEvents(t, "testdata/norland")
	const id = "norland-farmers-league"
	leaders := func(st projections.PartyState) []string {
		var out []string
		for _, l := range st.Leaders {
			out = append(out, fmt.Sprintf("%s %s %s %s", l.Person, l.Role, l.Since, l.Certainty))
		}
		return out
	}
	tests := []struct {
		at       string
		status   projections.State
		leaders  []string
		vacant   string // the office and since when, if vacant
		banState string
	}{
		{"1931-04-11", projections.StateNotFounded, nil, "", ""},
		{"1931-04-12", projections.StateActive, []string{"per-holm deputy chairman XXXX undated"}, "", ""},
		{"1933-01-01", projections.StateActive, []string{"anna-lind chair 1931-05-03 certain", "per-holm deputy chairman XXXX undated"}, "", ""},
		{"1936-07-01", projections.StateActive, []string{"per-holm deputy chairman XXXX undated"}, "chair since 1936-06-20", ""},
		{"1937-01-01", projections.StateActive, []string{"erik-berg chair 1936-09-01 certain", "per-holm deputy chairman XXXX undated"}, "", ""},
		// A ban ends the party's legal life, not its leadership.
		{"1945-01-01", "banned", []string{"erik-berg chair 1936-09-01 certain", "per-holm deputy chairman XXXX undated"}, "", projections.BanInForce},
		{"1950-05-10", "banned", []string{"erik-berg chair 1936-09-01 certain", "per-holm deputy chairman XXXX undated"}, "", projections.BanOver},
	}
	for _, tt := range tests {
		st := projections.Party(id, evs, mustDay(t, tt.at), nil)
		if stateOf(st.Status) != tt.status {
			t.Errorf("Party(%s).Status = %s, want %s", tt.at, stateOf(st.Status), tt.status)
		}
		if got := leaders(st); fmt.Sprint(got) != fmt.Sprint(tt.leaders) {
			t.Errorf("Party(%s).Leaders = %q, want %q", tt.at, got, tt.leaders)
		}
		vacant := ""
		if len(st.Vacancies) == 1 {
			vacant = st.Vacancies[0].Office + " since " + st.Vacancies[0].Since
		}
		if vacant != tt.vacant || len(st.Vacancies) > 1 {
			t.Errorf("Party(%s).Vacancies = %+v, want %q", tt.at, st.Vacancies, tt.vacant)
		}
		if tt.banState != "" && (len(st.Bans) != 1 || st.Bans[0].State != tt.banState || st.Bans[0].Until != "1950-05-10") {
			t.Errorf("Party(%s).Bans = %+v, want %s until 1950-05-10", tt.at, st.Bans, tt.banState)
		}
		if st.Ended() && (len(st.Wings) > 0 || len(st.FormerWings) != 1 || len(st.FormerLeaders) != 2) {
			t.Errorf("Party(%s): wings %d, former wings %d, former leaders %d; want 0, 1, 2 (Erik Berg, Per Holm)", tt.at, len(st.Wings), len(st.FormerWings), len(st.FormerLeaders))
		}
	}
	// Anna Lind's line carries all three of her claims: the table, the infobox and the 1935 sentence.
	st := projections.Party(id, evs, mustDay(t, "1933-01-01"), nil)
	if len(st.Leaders) == 0 || len(st.Leaders[0].Claims) != 3 {
		t.Errorf("Party(1933-01-01).Leaders[0] = %+v, want Anna Lind with her 3 claims", st.Leaders)
	}
	if st.Founded.Value != "1931-04-12" || st.Founded.Disputed || len(st.Founded.Claims) != 2 {
		t.Errorf("Party(1933-01-01).Founded = %+v, want 1931-04-12 refined from both claims", st.Founded)
	}
	p, ok := projections.PartyDuring(id, evs, events.MustParseDate("1936"), nil)
	var during []string
	for _, l := range p.Leaders {
		during = append(during, string(l.Person)+" "+string(l.Certainty))
	}
	if want := "[anna-lind certain erik-berg certain per-holm undated]"; !ok || p.Existed != projections.Certain || fmt.Sprint(during) != want {
		t.Errorf("PartyDuring(1936) = %v, %s, %v; want existed certain, leaders %s", ok, p.Existed, during, want)
	}
	if _, ok := projections.PartyDuring(id, evs, events.MustParseDate("1941/1945"), nil); ok {
		t.Errorf("PartyDuring(1941/1945) = true, want false: banned in 1940")
	}
}

func mustDay(t *testing.T, s string) events.Day {
	t.Helper()
	d, err := events.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
