package boltstore

import (
	"context"
	"errors"
	"math/rand"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"annals/events"
	"annals/events/eventstest"
	"annals/projections"

	bolt "go.etcd.io/bbolt"
)

// TestAnswersKeptVersionedAndChecked: a store opened with an Answerer keeps an entry for every party
// it touches and vouches for all of them; answers of another version are not given; a writer without
// the Answerer drops what it touches and the store no longer vouches; a damaged entry is an error
// wrapping events.ErrCorrupt.
func TestAnswersKeptVersionedAndChecked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "annals.db")
	evs := eventstest.RandomHistory(t, rand.New(rand.NewSource(3)), 6)
	s, err := Open(path, Options{Answers: projections.StoredAnswers{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(ctx, eventstest.Stored(1, evs[:len(evs)/2]...)); err != nil {
		t.Fatal(err)
	}
	all := func(version string) (map[events.EntityID]bool, bool) {
		t.Helper()
		got := map[events.EntityID]bool{}
		var mu sync.Mutex // fn runs on two goroutines
		ok, err := s.AllAnswers(ctx, version, 2, func(id events.EntityID, answers []byte, _ time.Time) error {
			mu.Lock()
			defer mu.Unlock()
			got[id] = answers != nil
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got, ok
	}
	kept, ok := all(projections.AnswersVersion)
	if !ok || len(kept) == 0 {
		t.Fatalf("AllAnswers = %v, %v, want the entries of every party, vouched for", kept, ok)
	}
	if got, ok := all("another fold"); ok || len(got) != 0 {
		t.Errorf("AllAnswers(another version) = %v, %v, want none", got, ok)
	}
	ids := make([]events.EntityID, 0, len(kept))
	for id := range kept {
		ids = append(ids, id)
	}
	n := 0
	if err := s.Answers(ctx, "another fold", ids, 1, func(events.EntityID, []byte, time.Time) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("Answers(another version) gave %d, %v, want none", n, err)
	}
	s.Close()

	// A damaged entry.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	var victim events.EntityID
	var sound []byte
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketAnswers)
		k, v := b.Cursor().First()
		if k == nil {
			return errors.New("no answers")
		}
		victim, sound = events.EntityID(k), append([]byte(nil), v...)
		bad := append([]byte(nil), v...)
		bad[len(bad)/2] ^= 0xff
		return b.Put(k, bad)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if s, err = Open(path, Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	err = s.Answers(ctx, projections.AnswersVersion, []events.EntityID{victim}, 1, func(events.EntityID, []byte, time.Time) error { return nil })
	if !errors.Is(err, events.ErrCorrupt) {
		t.Errorf("Answers(a damaged entry) = %v, want ErrCorrupt", err)
	}
	if _, err := s.AllAnswers(ctx, projections.AnswersVersion, 2, func(events.EntityID, []byte, time.Time) error { return nil }); !errors.Is(err, events.ErrCorrupt) {
		t.Errorf("AllAnswers(a damaged entry) = %v, want ErrCorrupt", err)
	}
	s.Close()
	if db, err = bolt.Open(path, 0o600, nil); err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketAnswers).Put([]byte(victim), sound) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	// A writer without the Answerer: what it touches loses its answers, and the store no longer
	// vouches for every party.
	if s, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(ctx, eventstest.Stored(uint64(len(evs)/2+1), evs[len(evs)/2:]...)); err != nil {
		t.Fatal(err)
	}
	if got, ok := all(projections.AnswersVersion); ok {
		t.Errorf("AllAnswers after a writer without answers = %d entries, vouched, want not vouched", len(got))
	}
	s.Close()
}
