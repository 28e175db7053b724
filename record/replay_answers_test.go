package record_test

import (
	"context"
	"errors"
	"maps"
	"math/rand"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"
	"annals/projections"
	"annals/projections/projectionstest"
	"annals/record"
)

// randomLog returns a memory log holding a random history.
func randomLog(t *testing.T, seed int64) *eventstest.MemoryLog {
	t.Helper()
	evs := eventstest.RandomHistory(t, rand.New(rand.NewSource(seed)), 12)
	log := eventstest.NewMemoryLog()
	if _, err := log.Append(context.Background(), evs, nil); err != nil {
		t.Fatal(err)
	}
	return log
}

// allAnswers returns every stored answer of s (with the time after which it holds) and whether s
// vouches for holding them all.
func allAnswers(t *testing.T, s *boltstore.Store) (map[events.EntityID]string, bool) {
	t.Helper()
	out := map[events.EntityID]string{}
	var mu sync.Mutex
	ok, err := s.AllAnswers(context.Background(), projections.AnswersVersion, 2, func(id events.EntityID, answers []byte, since time.Time) error {
		mu.Lock()
		defer mu.Unlock()
		out[id] = since.Format(time.RFC3339Nano) + " " + string(answers)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, ok
}

// TestReplayBuildsAnswersOnce: a replay into a store that keeps answers builds them after its last
// batch; they are, byte for byte, those of a store that applied the same log batch by batch with its
// answers rebuilt as it went, and the store vouches for them.
func TestReplayBuildsAnswersOnce(t *testing.T) {
	ctx := context.Background()
	log := randomLog(t, 5)
	want := answersApplied(t, log, 7)
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "replayed.db"), boltstore.Options{Answers: projections.StoredAnswers{}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := record.Replay(ctx, log, s, record.ReplayOptions{Batch: 10}); err != nil {
		t.Fatal(err)
	}
	if got, ok := allAnswers(t, s); !ok || !maps.Equal(got, want) {
		t.Errorf("replayed answers = %d (vouched %v), want the %d of the store applied batch by batch", len(got), ok, len(want))
	}
}

// TestReplayInterruptedInTheAnswersBuild: a replay stopped while it builds the answers (every event
// applied) leaves a store that does not vouch for them; the next Replay applies nothing, builds the
// rest, and gives the answers of an uninterrupted replay.
func TestReplayInterruptedInTheAnswersBuild(t *testing.T) {
	log := randomLog(t, 6)
	dir := t.TempDir()
	whole, err := boltstore.Open(filepath.Join(dir, "whole.db"), boltstore.Options{Answers: projections.StoredAnswers{}})
	if err != nil {
		t.Fatal(err)
	}
	defer whole.Close()
	if _, err := record.Replay(context.Background(), log, whole, record.ReplayOptions{Batch: 10}); err != nil {
		t.Fatal(err)
	}
	want, _ := allAnswers(t, whole)

	path := filepath.Join(dir, "interrupted.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := boltstore.Open(path, boltstore.Options{Answers: projectionstest.HookedAnswers{OnFold: projectionstest.CancelAt(2, cancel)}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := record.Replay(ctx, log, s, record.ReplayOptions{Batch: 10})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Replay cancelled in the answers build = %+v, %v, want context.Canceled", res, err)
	}
	last, _ := log.LastSeq(context.Background())
	if res.LastSeq != last {
		t.Errorf("the interrupted replay applied up to seq %d, want every event (%d) before the build", res.LastSeq, last)
	}
	if got, ok := allAnswers(t, s); ok {
		t.Errorf("an interrupted answers build vouches for its %d answers", len(got))
	}
	s.Close()

	if s, err = boltstore.Open(path, boltstore.Options{Answers: projections.StoredAnswers{}}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err = record.Replay(context.Background(), log, s, record.ReplayOptions{Batch: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Applied != 0 {
		t.Errorf("the resumed replay applied %d events, want none", res.Applied)
	}
	if got, ok := allAnswers(t, s); !ok || !maps.Equal(got, want) {
		t.Errorf("resumed answers = %d (vouched %v), want the %d of an uninterrupted replay", len(got), ok, len(want))
	}
}
