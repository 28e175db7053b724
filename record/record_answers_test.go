package record_test

import (
	"context"
	"errors"
	"io"
	"maps"
	"math/rand"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"
	"annals/projections"
	"annals/projections/projectionstest"
	"annals/record"

	"github.com/oklog/ulid/v2"
)

// openAnswering opens a store at path that keeps the answers of a.
func openAnswering(t *testing.T, path string, a events.Answerer) *boltstore.Store {
	t.Helper()
	s, err := boltstore.Open(path, boltstore.Options{Answers: a})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// answersApplied returns the answers of a store that applied every event of log in batches of size,
// its answers rebuilt batch by batch: what any other way of building them must give.
func answersApplied(t *testing.T, log events.Log, size int) map[events.EntityID]string {
	t.Helper()
	ctx := context.Background()
	ref := openAnswering(t, filepath.Join(t.TempDir(), "ref.db"), projections.StoredAnswers{})
	var batch []events.Stored
	flush := func() {
		if _, err := ref.Apply(ctx, batch); err != nil {
			t.Fatal(err)
		}
		batch = batch[:0]
	}
	if err := log.Read(ctx, 1, func(st events.Stored) error {
		if batch = append(batch, st); len(batch) == size {
			flush()
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	flush()
	want, ok := allAnswers(t, ref)
	if !ok || len(want) == 0 {
		t.Fatalf("the reference holds %d answers, vouched %v", len(want), ok)
	}
	return want
}

// memoryRecorder is a recorder in chunks of 20 facts; seed sets its event ids.
func memoryRecorder(log events.Log, s events.Store, seed int64) *record.Recorder {
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	return &record.Recorder{Log: log, Store: s, Now: func() time.Time { return now },
		Entropy: ulid.Monotonic(rand.New(rand.NewSource(seed)), 0), PublishBatch: 20, ApplyBatch: 20}
}

// TestLargeRecordBuildsAnswersOnce: a Record of more than two publish chunks defers the store's
// answers and builds them at its end, each entity's once; they are, byte for byte, those of a store
// that applied the same events batch by batch, and the store vouches for them. A Record of a few facts
// rebuilds the answers of what it touches as it goes.
func TestLargeRecordBuildsAnswersOnce(t *testing.T) {
	ctx := context.Background()
	facts := seedFacts(t)
	log := eventstest.NewMemoryLog()
	folds := new(atomic.Int64)
	s := openAnswering(t, filepath.Join(t.TempDir(), "annals.db"), projectionstest.HookedAnswers{OnFold: func() { folds.Add(1) }})
	if _, err := memoryRecorder(log, s, 1).Record(ctx, facts); err != nil {
		t.Fatal(err)
	}
	got, ok := allAnswers(t, s)
	if want := answersApplied(t, log, 20); !ok || !maps.Equal(got, want) {
		t.Errorf("answers after a large Record = %d (vouched %v), want the %d of a store applied batch by batch", len(got), ok, len(want))
	}
	if n := folds.Load(); n != int64(len(got)) {
		t.Errorf("a large Record folded %d times for %d entities' answers, want each once", n, len(got))
	}

	// A few facts more: the answers of what they touch are rebuilt as they are applied.
	folds.Store(0)
	small := []events.Fact{{Type: events.TypeEntityNamed, Entity: "party-zz", Date: events.MustParseDate("XXXX"),
		Source:  events.Source{Title: "A note", URL: "https://example.org/note", Quote: "ZZ"},
		Payload: events.EntityNamed{Kind: events.KindParty, Name: "Zed Party", NameType: events.NameOfficial}}}
	if _, err := memoryRecorder(log, s, 2).Record(ctx, small); err != nil {
		t.Fatal(err)
	}
	if folds.Load() == 0 {
		t.Error("a Record of one fact built no answers")
	}
	got, ok = allAnswers(t, s)
	if want := answersApplied(t, log, 20); !ok || !maps.Equal(got, want) {
		t.Errorf("answers after a small Record = %d (vouched %v), want the %d of a store applied batch by batch", len(got), ok, len(want))
	}
}

// TestRecordInterruptedInTheAnswersBuild: a large Record stopped while it builds the answers (every
// fact recorded) leaves a store that does not vouch for them; the next Record, which records nothing,
// builds the rest.
func TestRecordInterruptedInTheAnswersBuild(t *testing.T) {
	facts := seedFacts(t)
	log := eventstest.NewMemoryLog()
	path := filepath.Join(t.TempDir(), "annals.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := boltstore.Open(path, boltstore.Options{Answers: projectionstest.HookedAnswers{OnFold: projectionstest.CancelAt(2, cancel)}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := memoryRecorder(log, s, 1).Record(ctx, facts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Record cancelled in the answers build = %+v, %v, want context.Canceled", res, err)
	}
	if res.Recorded != len(facts) {
		t.Errorf("the interrupted Record recorded %d facts, want every one (%d) before the build", res.Recorded, len(facts))
	}
	if got, ok := allAnswers(t, s); ok {
		t.Errorf("an interrupted answers build vouches for its %d answers", len(got))
	}
	s.Close()

	s = openAnswering(t, path, projections.StoredAnswers{})
	res, err = memoryRecorder(log, s, 2).Record(context.Background(), facts[:1])
	if err != nil || res.Recorded != 0 {
		t.Fatalf("Record again = %+v, %v; want nothing recorded", res, err)
	}
	if got, ok := allAnswers(t, s); !ok || !maps.Equal(got, answersApplied(t, log, 20)) {
		t.Errorf("answers after the next Record = %d (vouched %v), want those of a store applied batch by batch", len(got), ok)
	}
}

// TestRecordStream: a stream of facts recorded batch by batch records each fact once, reports its
// progress over the whole stream, and, given more facts than two publish chunks, builds the store's
// answers once at the end, each entity's once.
func TestRecordStream(t *testing.T) {
	ctx := context.Background()
	facts := seedFacts(t)
	twice := append(append([]events.Fact(nil), facts...), facts[:100]...) // the last batch repeats
	log := eventstest.NewMemoryLog()
	folds := new(atomic.Int64)
	s := openAnswering(t, filepath.Join(t.TempDir(), "annals.db"), projectionstest.HookedAnswers{OnFold: func() { folds.Add(1) }})
	r := memoryRecorder(log, s, 1)
	var reported [][2]int
	r.Progress = func(done, total int) { reported = append(reported, [2]int{done, total}) }
	rest := twice
	calls := 0
	res, err := r.RecordStream(ctx, len(twice), func() ([]events.Fact, error) {
		calls++
		if len(rest) == 0 {
			return nil, io.EOF
		}
		batch := rest[:min(50, len(rest))]
		rest = rest[len(batch):]
		return batch, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Recorded != len(facts) || res.Known != 100 {
		t.Errorf("RecordStream = %d recorded, %d known; want %d and 100", res.Recorded, res.Known, len(facts))
	}
	if want := (len(twice)+49)/50 + 1; calls != want {
		t.Errorf("next called %d times, want %d", calls, want)
	}
	for i, p := range reported {
		if p[1] != len(twice) || p[0] > p[1] || (i > 0 && p[0] < reported[i-1][0]) {
			t.Fatalf("progress %d = %v after %v: want a count that grows to %d, against %d", i, p, reported[max(i-1, 0)], len(twice), len(twice))
		}
	}
	if last := reported[len(reported)-1]; last[0] != len(twice) {
		t.Errorf("progress ends at %v, want %d of %d", last, len(twice), len(twice))
	}
	got, ok := allAnswers(t, s)
	if want := answersApplied(t, log, 20); !ok || !maps.Equal(got, want) {
		t.Errorf("answers after RecordStream = %d (vouched %v), want the %d of a store applied batch by batch", len(got), ok, len(want))
	}
	if n := folds.Load(); n != int64(len(got)) {
		t.Errorf("RecordStream folded %d times for %d entities' answers, want each once", n, len(got))
	}
}

// slowStore is a store whose every Apply takes a while: a stream's next batch is checked before the
// store holds the chunk before it.
type slowStore struct{ *boltstore.Store }

func (s slowStore) Apply(ctx context.Context, batch []events.Stored) (events.ApplyResult, error) {
	time.Sleep(30 * time.Millisecond)
	return s.Store.Apply(ctx, batch)
}

// TestRecordStreamChecksAgainstTheChunkInFlight: a batch of a stream that quotes a document recorded
// by the batch before it is checked while the store is still catching up on that batch: the document
// is found among the facts in flight, and every fact is recorded once.
func TestRecordStreamChecksAgainstTheChunkInFlight(t *testing.T) {
	ctx := context.Background()
	facts := seedFacts(t)
	if _, ok := facts[0].Payload.(events.DocumentRecorded); !ok {
		t.Fatalf("the first seed fact is a %s, want its document", facts[0].Type)
	}
	s := slowStore{openAnswering(t, filepath.Join(t.TempDir(), "annals.db"), projections.StoredAnswers{})}
	r := memoryRecorder(eventstest.NewMemoryLog(), s, 1)
	rest := facts
	res, err := r.RecordStream(ctx, len(facts), func() ([]events.Fact, error) {
		if len(rest) == 0 {
			return nil, io.EOF
		}
		batch := rest[:min(10, len(rest))] // the first batch holds the document, the next quote it
		rest = rest[len(batch):]
		return batch, nil
	})
	if err != nil || res.Recorded != len(facts) {
		t.Fatalf("RecordStream = %+v, %v; want %d recorded", res, err, len(facts))
	}
}
