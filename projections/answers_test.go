package projections_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"annals/events"
	"annals/events/eventstest"
	"annals/projections"
)

var answersSeed = flag.Int64("answers.seed", 0, "seed of TestStoredAnswersAgreeWithFold (0: from the clock)")

// entityEvents returns, for every entity, the events about or involving it and those that supersede
// them, as a store gives them.
func entityEvents(evs []events.Event) map[events.EntityID][]events.Event {
	by := map[events.EntityID][]events.Event{}
	ofID := map[string]events.Event{}
	for _, e := range evs {
		ofID[e.ID.String()] = e
		seen := map[events.EntityID]bool{}
		add := func(id events.EntityID) {
			if !seen[id] {
				seen[id] = true
				by[id] = append(by[id], e)
			}
		}
		add(e.Entity)
		for _, o := range e.Involves() {
			add(o)
		}
		for _, s := range e.Supersedes {
			add(ofID[s.String()].Entity)
		}
	}
	return by
}

// TestStoredAnswersAgreeWithFold: on random records with corrections and retractions, the stored
// answer of every party on every breakpoint, the day before it, the day after it and random days is
// the fold's answer, byte for byte in JSON.
func TestStoredAnswersAgreeWithFold(t *testing.T) {
	seed := *answersSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("seed %d (replay with -answers.seed %d)", seed, seed)
	rng := rand.New(rand.NewSource(seed))
	names := func(id events.EntityID) string { return "name of " + string(id) }
	records := 60
	if testing.Short() {
		records = 10
	}
	checked := 0
	for r := range records {
		by := entityEvents(eventstest.RandomHistory(t, rng, 3+rng.Intn(5)))
		for id, evs := range by {
			answers, ok := projections.StoredAnswers{}.Answers(id, events.KindParty, evs, names)
			if !ok {
				continue // a link in force: folded by the reader
			}
			inForce := projections.Effective(evs, time.Time{})
			days := []events.Day{events.MinDay, events.MinDay + 1, events.MaxDay - 1}
			for _, d := range projections.Breakpoints(id, inForce) {
				if d < events.MaxDay-1 {
					days = append(days, d-1, d, d+1)
				}
			}
			for range 20 {
				days = append(days, events.DayOf(1985+rng.Intn(14), 1, 1)+events.Day(rng.Intn(366)))
			}
			for _, day := range days {
				if day == events.MaxDay {
					continue
				}
				got, ok, err := projections.AnswerOn(answers, day)
				if err != nil || !ok {
					t.Fatalf("record %d: AnswerOn(%s, %s) = %v, %v", r, id, day, ok, err)
				}
				want := projections.Party(id, inForce, day, names)
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(want)
				if !bytes.Equal(g, w) {
					t.Fatalf("record %d (seed %d): stored answer of %s on %s =\n%s\nwant the fold's\n%s", r, seed, id, day, g, w)
				}
				checked++
			}
		}
	}
	t.Logf("%d answers checked", checked)
}

func TestAnswerOnRefusesDamage(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	by := entityEvents(eventstest.RandomHistory(t, rng, 3))
	answers := projections.PartyAnswers("party-0", projections.Effective(by["party-0"], time.Time{}), nil)
	for _, n := range []int{0, 1, 2, len(answers) / 2, len(answers) - 1} {
		cut := answers[:n]
		t.Run(fmt.Sprintf("cut at %d", n), func(t *testing.T) {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("AnswerOn(answers cut at %d) panicked: %v", n, p)
				}
			}()
			if _, ok, err := projections.AnswerOn(cut, events.DayOf(1990, 1, 1)); err == nil && ok && n < len(answers) {
				t.Errorf("AnswerOn(answers cut at %d) = ok, want an error", n)
			}
		})
	}
	if _, ok, err := projections.AnswerOn(answers, events.MaxDay); ok || err != nil {
		t.Errorf("AnswerOn(answers, MaxDay) = %v, %v, want false (fold instead)", ok, err)
	}
}

// FuzzAnswerOn: stored answers that do not decode are an error, never a panic.
func FuzzAnswerOn(f *testing.F) {
	rng := rand.New(rand.NewSource(2))
	for id, evs := range entityEvents(eventstest.RandomHistory(f, rng, 4)) {
		f.Add(projections.PartyAnswers(id, projections.Effective(evs, time.Time{}), nil), int32(events.DayOf(1990, 6, 1)))
	}
	f.Fuzz(func(t *testing.T, answers []byte, day int32) {
		st, ok, err := projections.AnswerOn(answers, events.Day(day))
		if err == nil && ok && st.AsOf != events.Day(day).String() {
			t.Errorf("AnswerOn(…, %s).AsOf = %q", events.Day(day), st.AsOf)
		}
	})
}

// TestPartyOnMaxDay: on MaxDay (everything, as `query party` asks without a day), which stored
// answers leave to the fold, a leader who never left still leads: the fold does not take the open
// end of a term for its end (it used to dereference the missing departure).
func TestPartyOnMaxDay(t *testing.T) {
	took := events.Fact{Type: events.TypeLeaderTookOffice, Entity: "p", Date: events.MustParseDate("1990"),
		Source:  events.Source{Title: "A history", URL: "https://example.org", Quote: "took office"},
		Payload: events.LeaderTookOffice{Office: events.Office{Person: "a", Role: "leader"}}}
	evs := []events.Event{
		eventstest.NewEvent(t, eventstest.Founded("p", "P", "1989"), eventstest.BaseMS),
		eventstest.NewEvent(t, took, eventstest.BaseMS+1),
	}
	st := projections.Party("p", evs, events.MaxDay, nil)
	if len(st.Leaders) != 1 || st.Leaders[0].Person != "a" || st.Leaders[0].Certainty != projections.Certain {
		t.Errorf("Party(p, MaxDay).Leaders = %+v, want a, certain", st.Leaders)
	}
}
