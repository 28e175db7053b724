package record

import (
	"context"
	"errors"
	"sync"
	"testing"

	"annals/events"
)

// batchStore records the batches it is given and fails the one numbered failAt (from 1).
type batchStore struct {
	events.Store
	mu      sync.Mutex
	batches [][]uint64
	failAt  int
}

var errDiskFull = errors.New("disk full")

func (s *batchStore) Apply(_ context.Context, batch []events.Stored) (events.ApplyResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.batches)+1 == s.failAt {
		s.failAt = -1
		return events.ApplyResult{}, errDiskFull
	}
	var seqs []uint64
	for _, st := range batch {
		seqs = append(seqs, st.Seq)
	}
	s.batches = append(s.batches, seqs)
	return events.ApplyResult{Applied: len(batch)}, nil
}

func TestApplierAppliesInOrderInBatches(t *testing.T) {
	store := &batchStore{}
	var applied []uint64
	a := newApplier(t.Context(), store, 4, func(batch []events.Stored, res events.ApplyResult) {
		if res.Applied != len(batch) {
			t.Errorf("applied %d of a batch of %d", res.Applied, len(batch))
		}
		for _, st := range batch {
			applied = append(applied, st.Seq)
		}
	})
	for seq := uint64(1); seq <= 10; seq++ {
		if err := a.add(events.Stored{Seq: seq}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.close(); err != nil {
		t.Fatal(err)
	}
	if len(store.batches) != 3 || len(store.batches[0]) != 4 || len(store.batches[2]) != 2 {
		t.Errorf("batches = %v, want 4, 4 and 2 events", store.batches)
	}
	for i, seq := range applied {
		if seq != uint64(i+1) {
			t.Fatalf("applied %v, want 1 to 10 in order", applied)
		}
	}
	if len(applied) != 10 {
		t.Errorf("applied %d events, want 10", len(applied))
	}
}

// After a failed Apply nothing more is applied, the reader learns of the failure, and close returns it.
func TestApplierStopsAtTheFirstFailure(t *testing.T) {
	store := &batchStore{failAt: 2}
	a := newApplier(t.Context(), store, 3, nil)
	var addErr error
	n := 0
	for seq := uint64(1); seq <= 1000 && addErr == nil; seq++ {
		addErr = a.add(events.Stored{Seq: seq})
		n++
	}
	if !errors.Is(addErr, errDiskFull) {
		t.Errorf("add after the failure = %v (after %d events), want %v", addErr, n, errDiskFull)
	}
	if err := a.close(); !errors.Is(err, errDiskFull) {
		t.Errorf("close = %v, want %v", err, errDiskFull)
	}
	if len(store.batches) != 1 || store.batches[0][0] != 1 {
		t.Errorf("applied batches %v, want only the first", store.batches)
	}
}
