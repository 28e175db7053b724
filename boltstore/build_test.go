package boltstore

import (
	"context"
	"errors"
	"maps"
	"math/rand"
	"path/filepath"
	"testing"

	"annals/events"
	"annals/events/eventstest"
	"annals/projections"
	"annals/projections/projectionstest"

	bolt "go.etcd.io/bbolt"
)

// storedAnswers returns the raw entries of the answers bucket and whether the store vouches for them
// all (answers_complete).
func storedAnswers(t *testing.T, s *Store) (map[string]string, bool) {
	t.Helper()
	out := map[string]string{}
	complete := false
	err := s.db.View(func(tx *bolt.Tx) error {
		complete = tx.Bucket(bucketMeta).Get(keyAnswersComplete) != nil
		return tx.Bucket(bucketAnswers).ForEach(func(k, v []byte) error {
			out[string(k)] = string(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, complete
}

// applyIn applies evs from seq first in batches of size.
func applyIn(t *testing.T, s *Store, first uint64, evs []events.Event, size int) {
	t.Helper()
	for start := 0; start < len(evs); start += size {
		part := evs[start:min(start+size, len(evs))]
		if _, err := s.Apply(context.Background(), eventstest.Stored(first+uint64(start), part...)); err != nil {
			t.Fatal(err)
		}
	}
}

// reference returns the answers of a store that applied evs batch by batch, answers built as it went.
func reference(t *testing.T, evs []events.Event) map[string]string {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "reference.db"), Options{Answers: projections.StoredAnswers{}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	applyIn(t, s, 1, evs, 7)
	want, complete := storedAnswers(t, s)
	if !complete || len(want) == 0 {
		t.Fatalf("the reference store holds %d answers, complete %v", len(want), complete)
	}
	return want
}

// TestDeferredAnswersBuiltOnce: with answers deferred, Apply builds none and the store does not vouch
// for them; BuildAnswers then gives, byte for byte, the answers of a store that built them batch by
// batch, and vouches for them again. Over random histories, with a printed seed.
func TestDeferredAnswersBuiltOnce(t *testing.T) {
	ctx := context.Background()
	for seed := int64(1); seed <= 4; seed++ {
		t.Logf("seed %d", seed)
		evs := eventstest.RandomHistory(t, rand.New(rand.NewSource(seed)), 8)
		want := reference(t, evs)
		s, err := Open(filepath.Join(t.TempDir(), "annals.db"), Options{Answers: projections.StoredAnswers{}})
		if err != nil {
			t.Fatal(err)
		}
		s.DeferAnswers()
		applyIn(t, s, 1, evs, 5)
		if got, complete := storedAnswers(t, s); len(got) != 0 || complete {
			t.Errorf("seed %d: deferred answers = %d entries, complete %v, want none and not complete", seed, len(got), complete)
		}
		if err := s.BuildAnswers(ctx); err != nil {
			t.Fatal(err)
		}
		got, complete := storedAnswers(t, s)
		if !complete || !maps.Equal(got, want) {
			t.Errorf("seed %d: built answers = %d entries (complete %v), want the %d of the reference", seed, len(got), complete, len(want))
		}
		// The deferral has ended: the next batch builds its answers as it goes.
		if _, err := s.Apply(ctx, eventstest.Stored(uint64(len(evs)+1), eventstest.NewEvent(t, eventstest.Described("party-1", "late", "1990"), eventstest.BaseMS+1e6))); err != nil {
			t.Fatal(err)
		}
		if _, complete := storedAnswers(t, s); !complete {
			t.Errorf("seed %d: an Apply after BuildAnswers left the answers incomplete", seed)
		}
		s.Close()
	}
}

// TestDeferredApplyDropsStaleAnswers: a store with answers, deferred, drops the answers of what each
// batch touches, and keeps the others, which are still the fold of their events: no answer is stale.
func TestDeferredApplyDropsStaleAnswers(t *testing.T) {
	ctx := context.Background()
	evs := eventstest.RandomHistory(t, rand.New(rand.NewSource(7)), 12)
	want := reference(t, evs)
	s, err := Open(filepath.Join(t.TempDir(), "annals.db"), Options{Answers: projections.StoredAnswers{}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	half := len(evs) / 2
	applyIn(t, s, 1, evs[:half], 9)
	s.DeferAnswers()
	applyIn(t, s, uint64(half+1), evs[half:], 9)
	got, complete := storedAnswers(t, s)
	if complete {
		t.Error("a deferred store still vouches for its answers")
	}
	for id, v := range got {
		if want[id] != v {
			t.Errorf("the answers of %s kept while deferred are not the fold of its events", id)
		}
	}
	if len(got) >= len(want) {
		t.Errorf("deferred batches kept %d answers of %d: none was dropped", len(got), len(want))
	}
	if err := s.BuildAnswers(ctx); err != nil {
		t.Fatal(err)
	}
	if got, complete := storedAnswers(t, s); !complete || !maps.Equal(got, want) {
		t.Errorf("built answers = %d entries (complete %v), want the %d of the reference", len(got), complete, len(want))
	}
}

// TestBuildAnswersInterruptedResumes: a BuildAnswers stopped part way (its context cancelled, as a
// crash would stop it) leaves sound answers and a store that does not vouch for them; the next
// BuildAnswers, after the store is opened again, builds the rest: the answers of an uninterrupted build.
func TestBuildAnswersInterruptedResumes(t *testing.T) {
	evs := eventstest.RandomHistory(t, rand.New(rand.NewSource(11)), 10)
	want := reference(t, evs)
	path := filepath.Join(t.TempDir(), "annals.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	answerer := projectionstest.HookedAnswers{OnFold: projectionstest.CancelAt(3, cancel)}
	s, err := Open(path, Options{Answers: answerer})
	if err != nil {
		t.Fatal(err)
	}
	s.buildChunk = 2
	s.DeferAnswers()
	applyIn(t, s, 1, evs, 6)
	err = s.BuildAnswers(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("BuildAnswers(cancelled) = %v, want context.Canceled", err)
	}
	got, complete := storedAnswers(t, s)
	if complete {
		t.Error("an interrupted build vouches for its answers")
	}
	if len(got) == 0 || len(got) >= len(want) {
		t.Errorf("an interrupted build wrote %d answers of %d, want some", len(got), len(want))
	}
	for id, v := range got {
		if want[id] != v {
			t.Errorf("the answers of %s written by an interrupted build are not the fold of its events", id)
		}
	}
	s.Close()

	if s, err = Open(path, Options{Answers: projections.StoredAnswers{}}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.BuildAnswers(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, complete := storedAnswers(t, s); !complete || !maps.Equal(got, want) {
		t.Errorf("resumed build = %d entries (complete %v), want the %d of an uninterrupted one", len(got), complete, len(want))
	}
}

// TestBuildAnswersWithoutAnswerer: a store opened without an Answerer builds nothing and defers nothing.
func TestBuildAnswersWithoutAnswerer(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "annals.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.DeferAnswers()
	if s.deferring.Load() {
		t.Error("a store without an Answerer defers answers")
	}
	if err := s.BuildAnswers(context.Background()); err != nil {
		t.Errorf("BuildAnswers without an Answerer = %v, want nil", err)
	}
}
