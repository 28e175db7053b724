package record_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/record"

	"github.com/nats-io/nats.go"
)

var tv = time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)

// TestRecordRefusesANameTooLongBeforePublishing: the limit of events is checked with the rest of a
// fact, so the recorder never publishes an event a store cannot hold.
func TestRecordRefusesANameTooLongBeforePublishing(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	facts := seedFacts(t)[:5]
	long := events.Fact{Type: events.TypeEntityNamed, Entity: "long-party", Date: events.MustParseDate("1990"),
		Source:  events.Source{Title: "Somewhere", URL: "https://example.org", Quote: "a long name"},
		Payload: events.EntityNamed{Kind: events.KindParty, Name: strings.Repeat("n", events.MaxNameLength+1), NameType: events.NameOfficial}}
	_, err := e.recorder(tv, 1).Record(ctx, append(facts, long))
	if !errors.Is(err, events.ErrInvalid) || !strings.Contains(err.Error(), "more than the 1024 a name may have") {
		t.Fatalf("Record(a name of %d bytes) = %v, want ErrInvalid naming the limit", events.MaxNameLength+1, err)
	}
	if last, err := e.log.LastSeq(ctx); err != nil || last != 0 {
		t.Errorf("the stream's LastSeq after a refused batch = %d, %v, want 0: nothing published", last, err)
	}
}

// TestCheckLog: the store remembers its stream; a stream deleted and created again, or restored from
// an older copy, is refused with ErrDiverged; replay refuses to drop the store's events.
func TestCheckLog(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	if err := record.CheckLog(ctx, e.log, e.store); err != nil {
		t.Fatalf("CheckLog(a new record) = %v", err)
	}
	facts := seedFacts(t)
	if _, err := e.recorder(tv, 1).Record(ctx, facts[:100]); err != nil {
		t.Fatal(err)
	}
	if err := record.CheckLog(ctx, e.log, e.store); err != nil {
		t.Fatalf("CheckLog(its own stream) = %v", err)
	}
	if err := record.CheckReplay(ctx, e.log, e.store); err != nil {
		t.Fatalf("CheckReplay(its own stream) = %v", err)
	}
	r, err := record.Verify(ctx, e.log, e.store)
	if err != nil || !r.Clean() || r.Compared != 100 {
		t.Fatalf("Verify() = %+v, %v, want 100 sequences compared and nothing diverging", r, err)
	}

	// An older copy of the stream: copied at 100 events, restored after more.
	e.stop()
	backup := filepath.Join(t.TempDir(), "nats")
	if err := os.CopyFS(backup, os.DirFS(filepath.Join(e.dir, "nats"))); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	if _, err := e.recorder(tv.Add(time.Hour), 2).Record(ctx, facts[100:150]); err != nil {
		t.Fatal(err)
	}
	e.stop()
	if err := os.RemoveAll(filepath.Join(e.dir, "nats")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(e.dir, "nats"), os.DirFS(backup)); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	err = record.CheckLog(ctx, e.log, e.store)
	if !errors.Is(err, events.ErrDiverged) || !strings.Contains(err.Error(), "the store holds 50 events it does not") {
		t.Errorf("CheckLog(an older stream) = %v, want ErrDiverged counting 50 events", err)
	}
	err = record.CheckReplay(ctx, e.log, e.store)
	if !errors.Is(err, events.ErrDiverged) || !strings.Contains(err.Error(), "drop 50 events") {
		t.Errorf("CheckReplay(an older stream) = %v, want ErrDiverged counting 50 events", err)
	}
	r, err = record.Verify(ctx, e.log, e.store)
	if err != nil || r.Clean() || !r.StreamDiverged || r.Total != 50 || r.Divergences[0].Kind != record.DivergedStreamBehind || r.Divergences[0].Seq != 101 {
		t.Errorf("Verify(an older stream) = %+v, %v, want 50 events stream_behind from seq 101", r, err)
	}
}

// TestQuarantineGoesOn: garbage published on an entity's subjects is quarantined, and the entity can
// still be written (its expected sequence counts the garbage).
func TestQuarantineGoesOn(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	facts := seedFacts(t)
	if _, err := e.recorder(tv, 1).Record(ctx, facts[:50]); err != nil {
		t.Fatal(err)
	}
	entity := facts[60].Entity
	nc, err := e.srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	msg := nats.NewMsg("t." + e.stream + "." + string(entity) + ".party.founded.v1")
	msg.Data = []byte("{not an event}")
	if _, err := nc.RequestMsg(msg, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := e.recorder(tv, 1).CatchUp(ctx); err != nil {
		t.Fatalf("CatchUp over garbage = %v", err)
	}
	if err := record.Resumable(ctx, e.log, e.store, record.Until{}); err != nil {
		t.Errorf("Resumable() with the store's last sequence quarantined = %v, want nil", err)
	}
	res, err := e.recorder(tv.Add(time.Hour), 2).Record(ctx, facts[50:])
	if err != nil {
		t.Fatalf("Record after garbage on %s's subjects = %v", entity, err)
	}
	if res.Recorded != len(facts)-50 {
		t.Errorf("Record() recorded %d, want %d", res.Recorded, len(facts)-50)
	}
	q, err := e.store.Quarantined(ctx)
	if err != nil || len(q) != 1 || q[0].Seq != 51 || q[0].Entity != entity {
		t.Errorf("Quarantined() = %+v, %v, want seq 51 under %s", q, err, entity)
	}
	r, err := record.Verify(ctx, e.log, e.store)
	if err != nil || !r.Clean() || len(r.Quarantined) != 1 {
		t.Errorf("Verify() = %+v, %v, want clean with one entry quarantined", r, err)
	}
	// A replay quarantines it again, and goes on.
	rebuilt, err := boltstore.Open(filepath.Join(t.TempDir(), "rebuilt.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rebuilt.Close()
	got, err := record.Replay(ctx, e.log, rebuilt, record.ReplayOptions{})
	if err != nil || got.LastSeq != uint64(len(facts)+1) {
		t.Fatalf("Replay() = %+v, %v, want every sequence consumed", got, err)
	}
	if q, err := rebuilt.Quarantined(ctx); err != nil || len(q) != 1 || q[0].Seq != 51 {
		t.Errorf("Quarantined() after replay = %+v, %v, want seq 51", q, err)
	}
}
