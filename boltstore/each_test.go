package boltstore_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"
)

// EachEntityEvents gives every entity the events EntityEvents gives it, across the transactions it
// opens every 1,024 entities, and stops at the first error of fn.
func TestEachEntityEvents(t *testing.T) {
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "annals.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := &recordBuilder{t: t, store: s}
	var facts []events.Fact
	var ids []events.EntityID
	for i := range 1500 {
		id := events.EntityID(fmt.Sprintf("party-%04d", i))
		ids = append(ids, id)
		facts = append(facts, eventstest.Founded(id, "P", fmt.Sprint(1900+i%100)))
		if i%3 == 0 {
			facts = append(facts, eventstest.Described(id, fmt.Sprint("fact ", i), "XXXX", ids[i/2]))
		}
	}
	b.add(facts...)
	ids = append(ids, "no-such-party")
	ctx := context.Background()
	for _, workers := range []int{1, 3} {
		var mu sync.Mutex
		seen := map[events.EntityID]bool{}
		n := 0
		err = s.EachEntityEvents(ctx, ids, workers, func(id events.EntityID, got []events.Stored) error {
			mu.Lock()
			defer mu.Unlock()
			if workers == 1 && id != ids[n] {
				t.Errorf("with one worker, entity %d is %s, want %s", n, id, ids[n])
			}
			n++
			if seen[id] {
				t.Errorf("%s given twice", id)
			}
			seen[id] = true
			want, err := s.EntityEvents(ctx, id)
			if err != nil {
				return err
			}
			if len(got) != len(want) {
				t.Errorf("%s: %d events, EntityEvents gives %d", id, len(got), len(want))
				return nil
			}
			for i := range got {
				if got[i].Seq != want[i].Seq || got[i].Event.ID != want[i].Event.ID || got[i].Event.Fact.ID() != want[i].Event.Fact.ID() {
					t.Errorf("%s event %d: %+v, EntityEvents gives %+v", id, i, got[i], want[i])
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) != len(ids) {
			t.Errorf("with %d workers, fn was called for %d entities, want %d", workers, len(seen), len(ids))
		}

		stop := errors.New("stop")
		var calls atomic.Int64
		err = s.EachEntityEvents(ctx, ids, workers, func(events.EntityID, []events.Stored) error {
			if calls.Add(1) == 1100 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) {
			t.Errorf("with %d workers, EachEntityEvents after fn's error = %v, want %v", workers, err, stop)
		}
		if workers == 1 && calls.Load() != 1100 {
			t.Errorf("with one worker, fn was called %d times, want 1100 (none after the error)", calls.Load())
		}
		if c := calls.Load(); c >= int64(len(ids)) {
			t.Errorf("with %d workers, fn was called for every entity (%d) despite the error", workers, c)
		}
	}
}
