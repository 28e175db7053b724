package boltstore

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"annals/events"
	"annals/events/eventstest"

	bolt "go.etcd.io/bbolt"
)

// storedBytes returns the bytes the store keeps for seq.
func storedBytes(t *testing.T, s *Store, seq uint64) []byte {
	t.Helper()
	var got []byte
	if err := s.db.View(func(tx *bolt.Tx) error {
		got = append([]byte(nil), tx.Bucket(bucketEvents).Get(u64(seq))...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return got
}

// The store keeps events in the compact encoding, and reads back the same event, which encodes to
// the wire bytes it came from.
func TestApplyKeepsCompactRecords(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "annals.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	e := eventstest.NewEvent(t, eventstest.Named("cnrp", events.KindParty, "គណបក្សសង្គ្រោះជាតិ", "XXXX"), eventstest.BaseMS)
	wire := eventstest.Encode(t, e)
	if _, err := s.Apply(ctx, []events.Stored{{Seq: 1, Event: e, FactID: e.Fact.ID()}}); err != nil {
		t.Fatal(err)
	}
	got := storedBytes(t, s, 1)
	if !isCompact(got) || len(got) >= len(wire) {
		t.Errorf("stored %d bytes (compact: %v), the wire encoding is %d: want a smaller compact record", len(got), isCompact(got), len(wire))
	}
	st, err := s.Event(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again := eventstest.Encode(t, st.Event); !bytes.Equal(again, wire) {
		t.Errorf("the stored event encodes to\n%s\nwant\n%s", again, wire)
	}
}
