package boltstore

import (
	"encoding/binary"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/events"
	"annals/events/eventstest"

	bolt "go.etcd.io/bbolt"
)

// TestQuarantineUnstorable: an event with a name too long for a bbolt key (which the recorder refuses
// to publish, but any client can) is quarantined, nothing of it stored, and the batch around it applied.
func TestQuarantineUnstorable(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "annals.db")
	s := open(t, path, Options{})
	ms := eventstest.BaseMS
	ev := func(f events.Fact) events.Event { ms++; return eventstest.NewEvent(t, f, ms) }
	a := ev(eventstest.Named("cpp", events.KindParty, "Cambodian People's Party", "1991"))
	huge := ev(eventstest.Named("longname", events.KindParty, "x", "1991"))
	huge.Payload = events.EntityNamed{Kind: events.KindParty, Name: strings.Repeat("Long Name ", 4000)}
	if err := huge.Fact.Validate(); !errors.Is(err, events.ErrInvalid) {
		t.Fatalf("Validate(a 40,000-byte name) = %v, want ErrInvalid", err)
	}
	b := ev(eventstest.Described("cpp", "in power", "1998", "kem-sokha"))
	got := apply(t, s, eventstest.Stored(1, a, huge, b))
	if want := (events.ApplyResult{Applied: 2, Quarantined: 1}); got != want {
		t.Fatalf("Apply(event, unstorable, event) = %+v, want %+v", got, want)
	}
	if _, err := s.Event(ctx, huge.ID); !errors.Is(err, events.ErrNotFound) {
		t.Errorf("Event(the unstorable event) = %v, want ErrNotFound: nothing of it is stored", err)
	}
	if evs, err := s.EntityEvents(ctx, "longname"); err != nil || len(evs) != 0 {
		t.Errorf("EntityEvents(longname) = %d events, %v, want none", len(evs), err)
	}
	if seqs, err := s.EntitySeqs(ctx, []events.EntityID{"longname", "cpp"}); err != nil || seqs["longname"] != 2 || seqs["cpp"] != 3 {
		t.Errorf("EntitySeqs() = %v, %v, want longname 2, cpp 3", seqs, err)
	}
	q, err := s.Quarantined(ctx)
	if err != nil || len(q) != 1 || q[0].Seq != 2 || q[0].Entity != "longname" || !strings.Contains(q[0].Reason, "key too large") {
		t.Fatalf("Quarantined() = %+v, %v, want seq 2 under longname, key too large", q, err)
	}
	if len(q[0].Raw) != events.MaxQuarantinedRaw || q[0].Size <= 40000 {
		t.Errorf("Quarantined()[0] keeps %d of %d bytes, want %d of the event's wire encoding", len(q[0].Raw), q[0].Size, events.MaxQuarantinedRaw)
	}
	if n, err := s.QuarantineCount(ctx); err != nil || n != 1 {
		t.Errorf("QuarantineCount() = %d, %v, want 1", n, err)
	}
	if problems, total, err := s.CheckIndexes(ctx); err != nil || total != 0 {
		t.Errorf("CheckIndexes() = %v, %d, %v, want no problem", problems, total, err)
	}
	closeStore(t, s)
	ro := open(t, path, Options{ReadOnly: true})
	defer closeStore(t, ro)
	if n, err := ro.QuarantineCount(ctx); err != nil || n != 1 {
		t.Errorf("QuarantineCount() read-only after reopening = %d, %v, want 1", n, err)
	}
}

func TestStreamIdentity(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "annals.db")
	s := open(t, path, Options{})
	if _, ok, err := s.StreamIdentity(ctx); err != nil || ok {
		t.Fatalf("StreamIdentity() of a new store = %v, %v, want none", ok, err)
	}
	want := events.LogInfo{Created: time.Date(2026, 11, 1, 9, 30, 0, 123456789, time.UTC), FirstSeq: 1}
	if err := s.SetStreamIdentity(ctx, events.LogInfo{Created: want.Created, FirstSeq: 1, LastSeq: 99}); err != nil {
		t.Fatal(err)
	}
	closeStore(t, s)
	s = open(t, path, Options{ReadOnly: true})
	defer closeStore(t, s)
	if got, ok, err := s.StreamIdentity(ctx); err != nil || !ok || !got.Created.Equal(want.Created) || got.FirstSeq != 1 || got.LastSeq != 0 {
		t.Errorf("StreamIdentity() = %+v, %v, %v, want %+v", got, ok, err, want)
	}
}

// TestCheckIndexes: a clean store has no problem; each index entry removed or added by hand is found.
func TestCheckIndexes(t *testing.T) {
	damage := []struct {
		name   string
		bucket string
		hurt   func(tx *bolt.Tx) error
	}{
		{"by_entity entry deleted", "by_entity", func(tx *bolt.Tx) error {
			k, _ := tx.Bucket(bucketByEntity).Cursor().First()
			return tx.Bucket(bucketByEntity).Delete(k)
		}},
		{"id deleted", "ids", func(tx *bolt.Tx) error {
			k, _ := tx.Bucket(bucketIDs).Cursor().Last()
			return tx.Bucket(bucketIDs).Delete(k)
		}},
		{"fact pointing elsewhere", "facts", func(tx *bolt.Tx) error {
			k, _ := tx.Bucket(bucketFacts).Cursor().First()
			return tx.Bucket(bucketFacts).Put(k, u64(99))
		}},
		{"name deleted", "names", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketNames).Delete(nameKey("CNRP", "cnrp"))
		}},
		{"event deleted", "events", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketEvents).Delete(u64(2))
		}},
		{"stray by_entity entry", "by_entity", func(tx *bolt.Tx) error {
			v := append([]byte{'s'}, binary.BigEndian.AppendUint64(nil, 1)...)
			return tx.Bucket(bucketByEntity).Put([]byte("nobody\x00xxxxxxxxxxxxxxxxxxxxxxxx"), v)
		}},
	}
	for _, tt := range damage {
		t.Run(tt.name, func(t *testing.T) {
			ctx := t.Context()
			path := filepath.Join(t.TempDir(), "annals.db")
			s := open(t, path, Options{})
			defer closeStore(t, s)
			batches := sample(t)
			apply(t, s, eventstest.Stored(1, batches[0]...))
			apply(t, s, eventstest.Stored(4, batches[1]...))
			if problems, total, err := s.CheckIndexes(ctx); err != nil || total != 0 {
				t.Fatalf("CheckIndexes() before damage = %v, %d, %v, want no problem", problems, total, err)
			}
			if err := s.db.Update(tt.hurt); err != nil {
				t.Fatal(err)
			}
			problems, total, err := s.CheckIndexes(ctx)
			if err != nil || total == 0 {
				t.Fatalf("CheckIndexes() after %s = %v, %d, %v, want a problem", tt.name, problems, total, err)
			}
			found := false
			for _, p := range problems {
				found = found || p.Bucket == tt.bucket
			}
			if !found {
				t.Errorf("CheckIndexes() after %s = %+v, want a problem in %s", tt.name, problems, tt.bucket)
			}
		})
	}
}
