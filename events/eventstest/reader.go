package eventstest

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sync"
	"testing"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// ReadStore is a store that also offers the reads of events.Reader, as every store the read side
// (package history) reads from does.
type ReadStore interface {
	events.Store
	events.Reader
}

var _ events.Reader = (*model)(nil)

// Entity returns one entity of the record, and false if the record holds none with that id.
func (m *model) Entity(ctx context.Context, id events.EntityID) (events.EntitySummary, bool, error) {
	all, err := m.Entities(ctx)
	if err != nil {
		return events.EntitySummary{}, false, err
	}
	for _, e := range all {
		if e.ID == id {
			return e, true, nil
		}
	}
	return events.EntitySummary{}, false, nil
}

// EachEntityEvents calls fn with EntityEvents of each id, in order, from the calling goroutine.
func (m *model) EachEntityEvents(ctx context.Context, ids []events.EntityID, workers int, fn func(events.EntityID, []events.Stored) error) error {
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		stored, err := m.EntityEvents(ctx, id)
		if err != nil {
			return err
		}
		if err := fn(id, stored); err != nil {
			return err
		}
	}
	return nil
}

// Unfounded returns the parties whose dated founding claims (events.Founds) all begin after day, none
// of them superseded.
func (m *model) Unfounded(ctx context.Context, day events.Day) (map[events.EntityID]bool, error) {
	m.mu.Lock()
	evs := slices.Clone(m.evs)
	m.mu.Unlock()
	byID := map[ulid.ULID]events.Event{}
	earliest := map[events.EntityID]events.Day{}
	for _, st := range evs {
		e := st.Event
		byID[e.ID] = e
		if dated(e) {
			for _, id := range events.Founds(e) {
				if d, ok := earliest[id]; !ok || e.Date.Earliest() < d {
					earliest[id] = e.Date.Earliest()
				}
			}
		}
	}
	superseded := map[events.EntityID]bool{}
	for _, st := range evs {
		for _, target := range st.Event.Supersedes {
			if old, ok := byID[target]; ok && dated(old) {
				for _, id := range events.Founds(old) {
					superseded[id] = true
				}
			}
		}
	}
	out := map[events.EntityID]bool{}
	for id, d := range earliest {
		if !superseded[id] && d > day {
			out[id] = true
		}
	}
	return out, nil
}

func dated(e events.Event) bool {
	return e.Date.Earliest() != events.MinDay || e.Date.Latest() != events.MaxDay
}

// TestReader is the conformance suite of the reads events.Reader adds to events.Store: every store
// the read side uses runs it, beside TestStore (which covers LastSeq, Event, EntityEvents, Entities,
// Resolve, SupersededBy and Scan). open must return a new, empty store; the suite closes it.
//
// It covers Entity (found and not), EachEntityEvents (the events EntityEvents returns, for every id
// once, in order with one worker, an entity with no events, the first error of fn returned) and
// Unfounded (dated foundings only, the earliest claim, a superseded founding never skipped).
func TestReader(t *testing.T, open func(t *testing.T) ReadStore) {
	tests := []struct {
		name string
		run  func(t *testing.T, s ReadStore)
	}{
		{"Entity", testEntity},
		{"EachEntityEvents", testEachEntityEvents},
		{"Unfounded", testUnfounded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close() = %v", err)
				}
			})
			tt.run(t, s)
		})
	}
}

func testEntity(t *testing.T, s ReadStore) {
	ctx := context.Background()
	applyOK(t, s, Stored(1,
		NewEvent(t, Named("cnrp", events.KindParty, "CNRP", "2012"), BaseMS),
		NewEvent(t, Named("cnrp", events.KindParty, khmerCNRP, "2012"), BaseMS+1)))
	tests := []struct {
		id    events.EntityID
		found bool
	}{{"cnrp", true}, {"cpp", false}}
	all, err := s.Entities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		got, ok, err := s.Entity(ctx, tt.id)
		if err != nil || ok != tt.found {
			t.Errorf("Entity(%s) = %v, %v, %v, want found %v", tt.id, got, ok, err, tt.found)
			continue
		}
		if ok && !sameSummaries([]events.EntitySummary{got}, all[:1]) {
			t.Errorf("Entity(%s) = %v, want %v as Entities gives it", tt.id, got, all[0])
		}
	}
}

func testEachEntityEvents(t *testing.T, s ReadStore) {
	ctx := context.Background()
	var evs []events.Event
	var ids []events.EntityID
	for i, id := range []events.EntityID{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		ids = append(ids, id)
		evs = append(evs, NewEvent(t, Founded(id, "Party "+string(id), "2000", "founder"), BaseMS+uint64(i)))
	}
	applyOK(t, s, Stored(1, evs...))
	ids = append(ids, "nobody", "founder")
	for _, workers := range []int{0, 1, 4} {
		var mu sync.Mutex
		got := map[events.EntityID][]events.Stored{}
		var order []events.EntityID
		err := s.EachEntityEvents(ctx, ids, workers, func(id events.EntityID, stored []events.Stored) error {
			mu.Lock()
			defer mu.Unlock()
			if _, again := got[id]; again {
				t.Errorf("EachEntityEvents(workers %d) called fn twice for %s", workers, id)
			}
			got[id] = stored
			order = append(order, id)
			return nil
		})
		if err != nil {
			t.Fatalf("EachEntityEvents(workers %d) = %v", workers, err)
		}
		if workers <= 1 && !slices.Equal(order, ids) {
			t.Errorf("EachEntityEvents(workers %d) order = %v, want %v", workers, order, ids)
		}
		if keys := slices.Sorted(maps.Keys(got)); !slices.Equal(keys, slices.Sorted(slices.Values(ids))) {
			t.Errorf("EachEntityEvents(workers %d) ids = %v, want %v", workers, keys, ids)
		}
		for _, id := range ids {
			sameEvents(t, "EachEntityEvents "+string(id), got[id], entityEvents(t, s, id))
		}
		if got["nobody"] == nil {
			t.Errorf("EachEntityEvents(workers %d) gave nobody nil, want an empty slice", workers)
		}
	}
	stop := errors.New("stop")
	for _, workers := range []int{1, 4} {
		if err := s.EachEntityEvents(ctx, ids, workers, func(events.EntityID, []events.Stored) error { return stop }); !errors.Is(err, stop) {
			t.Errorf("EachEntityEvents(workers %d) with fn failing = %v, want its error", workers, err)
		}
	}
}

func testUnfounded(t *testing.T, s ReadStore) {
	ctx := context.Background()
	superseded := NewEvent(t, Founded("e", "E", "2010"), BaseMS+4)
	correction := Founded("e", "E", "2011")
	correction.Supersedes, correction.Reason = []ulid.ULID{superseded.ID}, "the sources say 2011"
	applyOK(t, s, Stored(1,
		NewEvent(t, Founded("a", "A", "2000-05-01"), BaseMS),
		NewEvent(t, Founded("a", "A", "2001"), BaseMS+1), // a later claim: the earliest counts
		NewEvent(t, Founded("b", "B", "1990"), BaseMS+2),
		NewEvent(t, Named("c", events.KindParty, "C", "1950"), BaseMS+3), // no founding: never skipped
		superseded,
		NewEvent(t, correction, BaseMS+5), // a superseded founding: never skipped
	))
	day := func(s string) events.Day {
		d, err := events.ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		day  events.Day
		want []events.EntityID
	}{
		{day("1980-01-01"), []events.EntityID{"a", "b"}},
		{day("1989-12-31"), []events.EntityID{"a", "b"}},
		{day("1990-01-01"), []events.EntityID{"a"}},
		{day("2000-04-30"), []events.EntityID{"a"}},
		{day("2000-05-01"), nil},
		{events.MaxDay, nil},
	}
	for _, tt := range tests {
		got, err := s.Unfounded(ctx, tt.day)
		if keys := slices.Sorted(maps.Keys(got)); err != nil || !slices.Equal(keys, tt.want) {
			t.Errorf("Unfounded(%s) = %v, %v, want %v", tt.day, keys, err, tt.want)
		}
	}
}
