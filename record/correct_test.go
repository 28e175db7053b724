package record_test

import (
	"context"
	"errors"
	"math/rand"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/record"

	"github.com/oklog/ulid/v2"
)

// firstOf returns the first stored event of a type about an entity.
func firstOf(t *testing.T, s events.Store, entity events.EntityID, typ events.Type) events.Event {
	t.Helper()
	evs, err := s.EntityEvents(context.Background(), entity)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range evs {
		if st.Event.Type == typ && st.Event.Entity == entity {
			return st.Event
		}
	}
	t.Fatalf("no %s about %s", typ, entity)
	return events.Event{}
}

func correction(of events.Event, date, reason string) events.Fact {
	f := of.Fact
	f.Date = events.MustParseDate(date)
	f.Supersedes = []ulid.ULID{of.ID}
	f.Reason = reason
	f.Source = events.Source{Title: "A later history", URL: "https://example.org/later", Quote: "dissolved in " + date}
	f.Note = ""
	return f
}

func TestCorrectionsAreCheckedAgainstTheRecord(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.recorder(t0, 20).Record(ctx, seedFacts(t)); err != nil {
		t.Fatal(err)
	}
	dissolved := firstOf(t, e.store, "cambodian-national-unity-party", events.TypePartyDissolved)
	r := e.recorder(t0.Add(time.Hour), 21)
	r.Retries = -1

	missing := correction(dissolved, "1998", "a second source")
	missing.Supersedes = []ulid.ULID{ulid.MustParse("01J0000000000000000000000A")}
	if _, err := r.Record(ctx, []events.Fact{missing}); !errors.Is(err, events.ErrNotFound) {
		t.Errorf("correcting a missing id = %v, want ErrNotFound", err)
	}
	noReason := correction(dissolved, "1998", "")
	if _, err := r.Record(ctx, []events.Fact{noReason}); !errors.Is(err, events.ErrInvalid) || !strings.Contains(err.Error(), "needs a reason") {
		t.Errorf("correcting without a reason = %v, want ErrInvalid saying it needs a reason", err)
	}
	if _, err := r.Record(ctx, []events.Fact{correction(dissolved, "1998", "a second source")}); err != nil {
		t.Fatal(err)
	}
	_, err := r.Record(ctx, []events.Fact{correction(dissolved, "1999", "a third source")})
	if !errors.Is(err, events.ErrConflict) || !strings.Contains(err.Error(), "already superseded by") {
		t.Errorf("correcting an event already corrected = %v, want a conflict naming the correction", err)
	}
	retract := events.Fact{Type: events.TypeRecordRetracted, Entity: dissolved.Entity, Date: events.MustParseDate("XXXX"),
		Source:  events.Source{Title: "Review", URL: "https://example.org/review", Quote: "no such dissolution"},
		Payload: events.RecordRetracted{}, Supersedes: []ulid.ULID{dissolved.ID}, Reason: "withdrawn"}
	if _, err := r.Record(ctx, []events.Fact{retract}); !errors.Is(err, events.ErrConflict) {
		t.Errorf("retracting an event already corrected = %v, want a conflict", err)
	}
}

// Two writers correct the same event at the same time: one wins, the other gets a conflict that names
// the event it raced with; nothing is lost, and its retry is refused because the event is corrected.
func TestConcurrentCorrectors(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.recorder(t0, 30).Record(ctx, seedFacts(t)); err != nil {
		t.Fatal(err)
	}
	second, err := boltstore.Open(filepath.Join(e.dir, "second.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	b := &record.Recorder{Log: e.log, Store: second, Now: func() time.Time { return t0.Add(time.Hour) },
		Entropy: ulid.Monotonic(rand.New(rand.NewSource(31)), 0), Retries: -1}
	if _, err := b.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	a := e.recorder(t0.Add(time.Hour), 32)
	a.Retries = -1
	dissolved := firstOf(t, e.store, "cambodian-national-unity-party", events.TypePartyDissolved)
	// Both writers check against a store that has not seen the other's correction; the log decides.
	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, r := range []*record.Recorder{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = r.Record(ctx, []events.Fact{correction(dissolved, []string{"1998", "1999"}[i], "writer "+string(rune('a'+i)))})
		}()
	}
	close(start)
	wg.Wait()
	won, lost := 0, 0
	var loser *record.Recorder
	for i, err := range errs {
		switch {
		case err == nil:
			won++
		case errors.Is(err, events.ErrConflict):
			lost++
			loser = []*record.Recorder{a, b}[i]
			// Either it published and the log refused it (naming the event it raced with), or the
			// other correction was already applied when it checked (naming that correction).
			if !strings.Contains(err.Error(), "cambodian-national-unity-party holds event") && !strings.Contains(err.Error(), "already superseded by") {
				t.Errorf("conflict error = %q, want it to name the event it raced with", err)
			}
		default:
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if won != 1 || lost != 1 {
		t.Fatalf("concurrent correctors: %d won, %d lost (errors %v), want one of each", won, lost, errs)
	}
	// The loser retries after catching up: refused, the event is already corrected.
	_, err = loser.Record(ctx, []events.Fact{correction(dissolved, "2000", "retry")})
	if !errors.Is(err, events.ErrConflict) || !strings.Contains(err.Error(), "already superseded by") {
		t.Errorf("retry of the losing correction = %v, want refused as already superseded", err)
	}
	// Exactly one correction in the stream, nothing lost.
	corrections := 0
	if err := e.log.Read(ctx, 1, func(st events.Stored) error {
		if st.Event.IsCorrection() {
			corrections++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if corrections != 1 {
		t.Errorf("corrections in the stream = %d, want 1", corrections)
	}
	if _, err := a.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	by, _ := e.store.SupersededBy(ctx, []ulid.ULID{dissolved.ID})
	if len(by[dissolved.ID]) != 1 {
		t.Errorf("SupersededBy(dissolved) = %v, want the one winning correction", by[dissolved.ID])
	}
}
