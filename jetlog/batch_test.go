package jetlog

import (
	"errors"
	"fmt"
	"testing"

	"annals/events"
)

// An Append larger than a batch goes in atomic batches: in the order given, contiguous, and each
// entity's expectation carried from one batch to the next.
func TestAppendAtomicBatches(t *testing.T) {
	s := startServer(t, t.TempDir())
	cfg := freshConfig()
	cfg.MaxBatch = 7
	l := openLog(t, s.js, cfg)
	if info, _ := l.stream.Info(t.Context()); !info.Config.AllowAtomicPublish {
		t.Fatalf("stream %s: AllowAtomicPublish = false, want true", cfg.Stream)
	}
	var evs []events.Event
	for i := range 30 {
		evs = append(evs, statement(t, events.EntityID(fmt.Sprintf("party-%d", i%4)), i))
	}
	seqs := appendOK(t, l, evs, nil)
	for i, seq := range seqs {
		if seq != uint64(i+1) {
			t.Fatalf("Append(30 events, batches of 7) seqs = %v, want 1..30 in the order given", seqs)
		}
	}
	sameStored(t, "Read after batched Append", read(t, l, 1), stored(evs, seqs))

	// A stale expectation for one entity refuses its batch; the events are then written one by one:
	// the other entities' land, the stale entity's are reported as a conflict.
	more := []events.Event{statement(t, "party-0", 100), statement(t, "party-1", 101), statement(t, "party-0", 102)}
	got, err := l.Append(t.Context(), more, map[events.EntityID]uint64{"party-0": 1, "party-1": seqs[29]})
	if !errors.Is(err, events.ErrConflict) {
		t.Fatalf("Append with a stale expectation = %v, want ErrConflict", err)
	}
	if got[1] == 0 || got[0] != 0 || got[2] != 0 {
		t.Errorf("Append with a stale expectation for party-0 = %v, want only party-1's event written", got)
	}
}

// A stream made before atomic batches is upgraded when opened; with batches off, Append still works.
func TestOpenUpgradesOldStream(t *testing.T) {
	s := startServer(t, t.TempDir())
	cfg := freshConfig()
	off := cfg
	off.MaxBatch = -1
	l := openLog(t, s.js, off)
	if info, _ := l.stream.Info(t.Context()); info.Config.AllowAtomicPublish {
		t.Fatalf("stream opened with MaxBatch -1: AllowAtomicPublish = true, want false")
	}
	evs := []events.Event{statement(t, "a", 1), statement(t, "b", 2), statement(t, "a", 3)}
	appendOK(t, l, evs, nil)
	l = openLog(t, s.js, cfg)
	info, err := l.stream.Info(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !info.Config.AllowAtomicPublish {
		t.Errorf("reopened stream: AllowAtomicPublish = false, want it enabled")
	}
	appendOK(t, l, []events.Event{statement(t, "a", 4), statement(t, "c", 5)}, map[events.EntityID]uint64{"a": 3})
	if n := len(read(t, l, 1)); n != 5 {
		t.Errorf("events after the upgrade = %d, want 5", n)
	}
}
