package boltstore_test

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

func src(q string) events.Source {
	return events.Source{Title: "A history", URL: "https://example.org", Quote: q}
}

func split(from, to events.EntityID, date string) events.Fact {
	return events.Fact{Type: events.TypePartySplit, Entity: from, Date: events.MustParseDate(date), Source: src(string(from) + " split " + date),
		Payload: events.PartySplit{NewParty: to}}
}

func transformed(from, to events.EntityID, date string) events.Fact {
	return events.Fact{Type: events.TypePartySucceeded, Entity: from, Date: events.MustParseDate(date), Source: src(string(from) + " became " + date),
		Payload: events.PartySucceeded{Successor: to, Kind: events.SuccessionTransformation}}
}

func merged(id events.EntityID, date string, members ...events.EntityID) events.Fact {
	return events.Fact{Type: events.TypePartyMerged, Entity: id, Date: events.MustParseDate(date), Source: src(string(id) + " merged " + date),
		Payload: events.PartyMerged{Members: members}}
}

func retraction(of events.Event) events.Fact {
	return events.Fact{Type: events.TypeRecordRetracted, Entity: of.Entity, Date: events.MustParseDate("XXXX"), Source: src("retracted"),
		Payload: events.RecordRetracted{}, Supersedes: []ulid.ULID{of.ID}, Reason: "the source was wrong"}
}

type recordBuilder struct {
	t     *testing.T
	store *boltstore.Store
	seq   uint64
	ms    uint64
}

func (b *recordBuilder) add(facts ...events.Fact) []events.Event {
	b.t.Helper()
	var evs []events.Event
	for _, f := range facts {
		b.ms++
		evs = append(evs, eventstest.NewEvent(b.t, f, eventstest.BaseMS+b.ms))
	}
	if _, err := b.store.Apply(context.Background(), eventstest.Stored(b.seq+1, evs...)); err != nil {
		b.t.Fatal(err)
	}
	b.seq += uint64(len(evs))
	return evs
}

func unfounded(t *testing.T, s *boltstore.Store, day string) []string {
	t.Helper()
	got, err := s.Unfounded(context.Background(), events.MustParseDate(day).Earliest())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for id := range got {
		out = append(out, string(id))
	}
	slices.Sort(out)
	return out
}

func TestUnfounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := &recordBuilder{t: t, store: s}
	b.add(
		eventstest.Founded("a", "A", "1950"),
		eventstest.Founded("b", "B", "1990-05-02"),
		eventstest.Named("c", events.KindParty, "C", "XXXX"), // no founding at all
		split("a", "d", "1960"),
		transformed("a", "e", "1970~"),
		eventstest.Founded("f", "F", "XXXX"), // undated: says nothing of when
		merged("g", "1980/1982", "a", "d"),
		eventstest.Founded("h", "H", "2000"),
		eventstest.Founded("h", "H", "1955"), // two claims: the earliest counts
	)
	if got, want := unfounded(t, s, "1965-01-01"), []string{"b", "e", "g"}; !slices.Equal(got, want) {
		t.Errorf("Unfounded(1965) = %v, want %v", got, want)
	}
	if got, want := unfounded(t, s, "1980-06-01"), []string{"b"}; !slices.Equal(got, want) {
		t.Errorf("Unfounded(1980-06-01) = %v, want %v (g's merger may have happened)", got, want)
	}
	if got := unfounded(t, s, "1949-12-31"); !slices.Equal(got, []string{"a", "b", "d", "e", "g", "h"}) {
		t.Errorf("Unfounded(1949-12-31) = %v", got)
	}
	// Retracting b's only founding leaves b with no dated founding: it may exist on any day.
	bFounding := b.add(eventstest.Founded("b", "B", "1991"))[0]
	b.add(retraction(bFounding))
	if got, want := unfounded(t, s, "1965-01-01"), []string{"e", "g"}; !slices.Equal(got, want) {
		t.Errorf("after a retraction of one of b's foundings, Unfounded(1965) = %v, want %v", got, want)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestUnfoundedAgreesWithTheFold builds random records of foundings, splits, successions, mergers,
// corrections and retractions, and checks on many days that every party the index skips is one the
// fold says was not founded yet.
func TestUnfoundedAgreesWithTheFold(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewSource(seed))
	for round := range 20 {
		s, err := boltstore.Open(filepath.Join(t.TempDir(), fmt.Sprintf("r%d.db", round)), boltstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		b := &recordBuilder{t: t, store: s}
		party := func() events.EntityID { return events.EntityID(fmt.Sprintf("p%d", rng.Intn(8))) }
		date := func() string {
			y := 1900 + rng.Intn(100)
			switch rng.Intn(6) {
			case 0:
				return "XXXX"
			case 1:
				return fmt.Sprintf("%d-%02d", y, 1+rng.Intn(12))
			case 2:
				return fmt.Sprintf("%d-%02d-%02d", y, 1+rng.Intn(12), 1+rng.Intn(28))
			case 3:
				return fmt.Sprintf("%d/%d", y, y+rng.Intn(5))
			case 4:
				return fmt.Sprintf("%dX", y/10)
			}
			return fmt.Sprint(y)
		}
		var all []events.Event
		for range 10 + rng.Intn(30) {
			var f events.Fact
			p, q := party(), party()
			switch rng.Intn(7) {
			case 0, 1:
				f = eventstest.Founded(p, "P", date())
			case 2:
				f = split(p, q, date())
			case 3:
				f = transformed(p, q, date())
			case 4:
				f = merged(p, date(), q)
			case 5:
				f = eventstest.Described(p, fmt.Sprint("fact ", rng.Int()), date())
			case 6:
				if len(all) == 0 {
					continue
				}
				target := all[rng.Intn(len(all))]
				if target.IsCorrection() {
					continue
				}
				f = retraction(target)
				if rng.Intn(2) == 0 {
					f = eventstest.Founded(target.Entity, "P", date())
					f.Supersedes, f.Reason = []ulid.ULID{target.ID}, "a better source"
				}
			}
			if p == q && f.Type != events.TypePartyFounded {
				continue
			}
			evs := b.add(f)
			if f.IsCorrection() {
				// A target is superseded once: drop it from the candidates.
				all = slices.DeleteFunc(all, func(e events.Event) bool { return e.ID == f.Supersedes[0] })
			}
			all = append(all, evs...)
		}
		for range 40 {
			day := events.DayOf(1890+rng.Intn(120), 1+rng.Intn(12), 1+rng.Intn(28))
			skip, err := s.Unfounded(context.Background(), day)
			if err != nil {
				t.Fatal(err)
			}
			for id := range skip {
				stored, err := s.EntityEvents(context.Background(), id)
				if err != nil {
					t.Fatal(err)
				}
				var evs []events.Event
				for _, st := range stored {
					evs = append(evs, st.Event)
				}
				if st := projections.Party(id, projections.Effective(evs, time.Time{}), day, nil); st.Exists() {
					t.Fatalf("seed %d round %d: Unfounded(%s) skips %s, which the fold says is %q", seed, round, day, id, st.Status.States)
				}
			}
		}
		s.Close()
	}
}
