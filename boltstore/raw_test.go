package boltstore

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"annals/events"
	"annals/events/eventstest"

	bolt "go.etcd.io/bbolt"
)

// The store keeps the bytes the log delivered, not a new encoding of the event.
func TestApplyKeepsRawBytes(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "annals.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e := eventstest.NewEvent(t, eventstest.Named("cnrp", events.KindParty, "Cambodia National Rescue Party", "XXXX"), eventstest.BaseMS)
	var raw bytes.Buffer
	if err := json.Indent(&raw, eventstest.Encode(t, e), "", "  "); err != nil {
		t.Fatal(err)
	}
	if _, err := events.DecodeEvent(raw.Bytes()); err != nil {
		t.Fatalf("DecodeEvent(indented encoding) = %v", err)
	}
	if _, err := s.Apply(context.Background(), []events.Stored{{Seq: 1, Event: e, Raw: raw.Bytes()}}); err != nil {
		t.Fatal(err)
	}
	var got []byte
	if err := s.db.View(func(tx *bolt.Tx) error {
		got = append([]byte(nil), tx.Bucket(bucketEvents).Get(u64(1))...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, raw.Bytes()) {
		t.Errorf("stored bytes = %s, want the raw bytes given:\n%s", got, raw.Bytes())
	}
	st, err := s.Event(context.Background(), e.ID)
	if err != nil || st.Event.Fact.ID() != e.Fact.ID() {
		t.Errorf("Event(%s) = %v, %v, want the event back", e.ID, st.Event.Fact.ID(), err)
	}
}
