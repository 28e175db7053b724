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
	if !events.IsCompact(got) || len(got) >= len(wire) {
		t.Errorf("stored %d bytes (compact: %v), the wire encoding is %d: want a smaller compact record", len(got), events.IsCompact(got), len(wire))
	}
	st, err := s.Event(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again := eventstest.Encode(t, st.Event); !bytes.Equal(again, wire) {
		t.Errorf("the stored event encodes to\n%s\nwant\n%s", again, wire)
	}
}

// A store written before the compact encoding holds the JSON wire encoding, and its by_entity index
// points into the events bucket; it still reads.
func TestReadsWireEncodedRecords(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "annals.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	e := eventstest.NewEvent(t, eventstest.Named("cnrp", events.KindParty, "Cambodia National Rescue Party", "XXXX"), eventstest.BaseMS)
	wire := eventstest.Encode(t, e)
	if _, err := s.Apply(ctx, []events.Stored{{Seq: 1, Event: e}}); err != nil {
		t.Fatal(err)
	}
	// As an older store holds it: no checksums, the wire encoding in events, by_entity pointing there.
	downgrade(t, s)
	if err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketEvents).Put(u64(1), wire); err != nil {
			return err
		}
		idx := tx.Bucket(bucketByEntity)
		var keys, vals [][]byte
		if err := idx.ForEach(func(k, v []byte) error {
			keys, vals = append(keys, append([]byte(nil), k...)), append(vals, append([]byte(nil), v[:9]...))
			return nil
		}); err != nil {
			return err
		}
		for i := range keys {
			if err := idx.Put(keys[i], vals[i]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	evs, err := s.EntityEvents(ctx, "cnrp")
	if err != nil || len(evs) != 1 {
		t.Fatalf("EntityEvents = %v, %v", evs, err)
	}
	if again := eventstest.Encode(t, evs[0].Event); !bytes.Equal(again, wire) {
		t.Errorf("the stored event encodes to\n%s\nwant\n%s", again, wire)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketEvents).Put(u64(1), []byte("{not json")) }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Event(ctx, e.ID); err == nil {
		t.Error("Event over a damaged record = nil error, want one")
	}
	if _, err := s.EntityEvents(ctx, "cnrp"); err == nil {
		t.Error("EntityEvents over a damaged record = nil error, want one")
	}
}
