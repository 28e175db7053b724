package record_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/events"
	"annals/events/eventstest"
	"annals/jetlog"
	"annals/record"
	"annals/record/recordtest"
	"annals/sources"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/oklog/ulid/v2"
)

var streamCounter atomic.Int64

// env is one running record: an embedded NATS server over a directory, a stream and a bbolt file.
type env struct {
	dir    string
	stream string
	srv    *embednats.Server
	log    *jetlog.Log
	store  *boltstore.Store
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{dir: t.TempDir(), stream: fmt.Sprintf("T%d", streamCounter.Add(1))}
	e.start(t)
	t.Cleanup(e.stop)
	return e
}

func (e *env) start(t *testing.T) {
	t.Helper()
	srv, err := embednats.Start(embednats.Options{StoreDir: filepath.Join(e.dir, "nats")})
	if err != nil {
		t.Fatal(err)
	}
	nc, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	e.srv = srv
	e.log, err = jetlog.Open(context.Background(), js, jetlog.Config{Stream: e.stream, Prefix: "t." + e.stream, DuplicateWindow: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	e.store, err = boltstore.Open(filepath.Join(e.dir, "annals.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
}

// stop is a crash as far as the record is concerned: nothing is flushed beyond what was committed.
func (e *env) stop() {
	if e.store != nil {
		e.store.Close()
		e.store = nil
	}
	if e.srv != nil {
		e.srv.Shutdown()
		e.srv = nil
	}
}

func (e *env) restart(t *testing.T) {
	t.Helper()
	e.stop()
	e.start(t)
}

func (e *env) recorder(now time.Time, seed int64) *record.Recorder {
	return &record.Recorder{Log: e.log, Store: e.store, Now: func() time.Time { return now },
		Entropy: ulid.Monotonic(rand.New(rand.NewSource(seed)), 0)}
}

// seedFacts returns every fact of the seed documents, as `recorder ingest seeds/` would record them.
func seedFacts(t *testing.T) []events.Fact {
	t.Helper()
	in, err := sources.Load([]string{"../seeds"})
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Facts) < 100 {
		t.Fatalf("seed facts = %d, want the three seed documents' hundreds", len(in.Facts))
	}
	return in.Facts
}

// checkExactlyOnce asserts that the stream and the store each hold every fact exactly once.
func checkExactlyOnce(t *testing.T, e *env, facts []events.Fact) {
	t.Helper()
	ctx := context.Background()
	want := map[events.FactID]bool{}
	for _, f := range facts {
		want[f.ID()] = true
	}
	inStream := map[events.FactID]int{}
	if err := e.log.Read(ctx, 1, func(st events.Stored) error {
		inStream[st.Event.Fact.ID()]++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	inStore := map[events.FactID]int{}
	if err := e.store.Scan(ctx, 1, func(st events.Stored) error {
		inStore[st.Event.Fact.ID()]++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for id := range want {
		if inStream[id] != 1 {
			t.Errorf("fact %s is %d times in the stream, want once", id, inStream[id])
		}
		if inStore[id] != 1 {
			t.Errorf("fact %s is %d times in the store, want once", id, inStore[id])
		}
	}
	if len(inStream) != len(want) || len(inStore) != len(want) {
		t.Errorf("stream holds %d facts, store %d, want %d", len(inStream), len(inStore), len(want))
	}
	logLast, _ := e.log.LastSeq(ctx)
	storeLast, _ := e.store.LastSeq(ctx)
	if logLast != storeLast {
		t.Errorf("store LastSeq = %d, stream LastSeq = %d, want equal", storeLast, logLast)
	}
}

var t0 = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

func TestRecordSeedsOnceAndAgainADayLater(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	facts := seedFacts(t)
	res, err := e.recorder(t0, 1).Record(ctx, facts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Recorded != len(facts) || res.Known != 0 {
		t.Fatalf("first Record = %+v, want %d recorded, 0 known", res, len(facts))
	}
	// A day later (long past JetStream's one-second duplicate window here): nothing new.
	time.Sleep(1100 * time.Millisecond)
	res, err = e.recorder(t0.Add(24*time.Hour), 2).Record(ctx, facts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Recorded != 0 || res.Known != len(facts) {
		t.Fatalf("Record a day later = %+v, want 0 recorded, %d known", res, len(facts))
	}
	checkExactlyOnce(t, e, facts)
}

// crashingStore fails every Apply after the first `keep`, like a process killed between commits.
type crashingStore struct {
	events.Store
	keep  int
	calls int
}

func (c *crashingStore) Apply(ctx context.Context, batch []events.Stored) (events.ApplyResult, error) {
	c.calls++
	if c.calls > c.keep {
		return events.ApplyResult{}, errors.New("killed while applying")
	}
	return c.Store.Apply(ctx, batch)
}

func TestRestartInTheMiddleOfAnIngest(t *testing.T) {
	tests := []struct {
		name  string
		crash func(e *env) *record.Recorder
	}{
		{"killed while publishing", func(e *env) *record.Recorder {
			r := e.recorder(t0, 3)
			r.Log = &failingLog{Log: e.log, left: 57}
			return r
		}},
		{"killed between applying batches", func(e *env) *record.Recorder {
			r := e.recorder(t0, 4)
			r.Store = &crashingStore{Store: e.store, keep: 3}
			r.ApplyBatch = 20
			return r
		}},
		{"killed after publishing, before applying", func(e *env) *record.Recorder {
			r := e.recorder(t0, 5)
			r.Store = &crashingStore{Store: e.store, keep: 0}
			return r
		}},
		// In chunks of 13 facts, chunk k+1 is published while the store applies chunk k.
		{"killed while publishing a later chunk", func(e *env) *record.Recorder {
			r := e.recorder(t0, 7)
			r.Log = &failingLog{Log: e.log, left: 150}
			r.PublishBatch = 13
			return r
		}},
		{"killed while applying behind the publishing", func(e *env) *record.Recorder {
			r := e.recorder(t0, 8)
			r.Store = &crashingStore{Store: e.store, keep: 9}
			r.PublishBatch, r.ApplyBatch = 13, 5
			return r
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			ctx := context.Background()
			facts := seedFacts(t)
			if _, err := tt.crash(e).Record(ctx, facts); err == nil {
				t.Fatal("Record with a crash = nil error, want the crash")
			}
			e.restart(t)
			res, err := e.recorder(t0.Add(time.Hour), 6).Record(ctx, facts)
			if err != nil {
				t.Fatal(err)
			}
			if res.Recorded+res.Known != len(facts) {
				t.Errorf("Record after restart = %+v, want recorded+known = %d", res, len(facts))
			}
			checkExactlyOnce(t, e, facts)
		})
	}
}

// TestRecordInSmallChunks records the seeds in chunks of 7 facts, each published while the store
// applies the one before, with every fact given twice (the repeats far apart, in other chunks): each
// is recorded once, and the repeats are counted as known.
func TestRecordInSmallChunks(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	facts := seedFacts(t)
	twice := append(append([]events.Fact(nil), facts...), facts...)
	r := e.recorder(t0, 9)
	r.PublishBatch = 7
	var logged bytes.Buffer
	r.Logger = slog.New(slog.NewTextHandler(&logged, nil))
	res, err := r.Record(ctx, twice)
	if err != nil {
		t.Fatal(err)
	}
	// A chunk expects its entities' sequences from the chunk published before it: no conflict arises
	// with no other writer.
	if strings.Contains(logged.String(), "conflict") {
		t.Errorf("Record in small chunks met conflicts with no other writer:\n%s", logged.String())
	}
	if res.Recorded != len(facts) || res.Known != len(facts) {
		t.Errorf("Record(every fact twice) = %d recorded, %d known; want %d and %d", res.Recorded, res.Known, len(facts), len(facts))
	}
	checkExactlyOnce(t, e, facts)
	// Neighbouring repeats: a fact and its twin in the next chunk, before the store holds the first.
	e2 := newEnv(t)
	var paired []events.Fact
	for _, f := range facts {
		paired = append(paired, f, f)
	}
	r2 := e2.recorder(t0, 10)
	r2.PublishBatch = 3
	res, err = r2.Record(ctx, paired)
	if err != nil {
		t.Fatal(err)
	}
	if res.Recorded != len(facts) || res.Known != len(facts) {
		t.Errorf("Record(each fact twice in a row) = %d recorded, %d known; want %d and %d", res.Recorded, res.Known, len(facts), len(facts))
	}
	checkExactlyOnce(t, e2, facts)
}

func TestRebuildStoreFromStream(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	facts := seedFacts(t)
	if _, err := e.recorder(t0, 7).Record(ctx, facts); err != nil {
		t.Fatal(err)
	}
	e.stop()
	if err := os.Remove(filepath.Join(e.dir, "annals.db")); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	res, err := e.recorder(t0, 8).Record(ctx, facts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Recorded != 0 {
		t.Errorf("Record on a lost store = %+v, want 0 recorded: the stream already holds every fact", res)
	}
	checkExactlyOnce(t, e, facts)
}

func TestRecordRefusesBadFactsWholesale(t *testing.T) {
	facts := seedFacts(t)
	bad := facts[len(facts)-1]
	bad.Source.Quote = "a sentence that is not in the document"
	unknownDoc := facts[len(facts)-1]
	unknownDoc.Source.Document = "missing.txt"
	invalid := facts[len(facts)-1]
	invalid.Entity = "Not An Id"
	tests := []struct {
		name string
		bad  events.Fact
		want error
		text string
	}{
		{"quote not in its document", bad, events.ErrInvalid, "does not occur in document"},
		{"document not in the record", unknownDoc, events.ErrNotFound, "missing.txt is not in the record"},
		{"invalid entity id", invalid, events.ErrInvalid, "Not An Id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			ctx := context.Background()
			in := append(append([]events.Fact{}, facts...), tt.bad)
			_, err := e.recorder(t0, 9).Record(ctx, in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Record = %v, want an error wrapping %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("Record error = %q, want it to say %q", err, tt.text)
			}
			if last, _ := e.log.LastSeq(ctx); last != 0 {
				t.Errorf("stream LastSeq after a refused batch = %d, want 0: nothing half-written", last)
			}
		})
	}
}

// Two recorders with their own stores share one stream and record different facts about the same
// entities at once: conflicts are retried, and every fact lands exactly once.
func TestConcurrentRecordersOnOneStream(t *testing.T) {
	// In one chunk each, and in chunks of 5 facts, each published while the store applies the one
	// before: the two writers meet on the same entities chunk after chunk.
	for _, chunk := range []int{0, 5} {
		t.Run(fmt.Sprintf("chunks of %d", chunk), func(t *testing.T) { concurrentRecorders(t, chunk) })
	}
}

func concurrentRecorders(t *testing.T, chunk int) {
	e := newEnv(t)
	ctx := context.Background()
	facts := seedFacts(t)
	second, err := boltstore.Open(filepath.Join(e.dir, "second.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	a := e.recorder(t0, 10)
	b := &record.Recorder{Log: e.log, Store: second, Now: func() time.Time { return t0 },
		Entropy: ulid.Monotonic(rand.New(rand.NewSource(11)), 0), Retries: 50, PublishBatch: chunk}
	a.Retries, a.PublishBatch = 50, chunk
	// Documents first, so that both halves can be checked against them.
	var docs, rest []events.Fact
	for _, f := range facts {
		if f.Type == events.TypeDocumentRecorded {
			docs = append(docs, f)
		} else {
			rest = append(rest, f)
		}
	}
	if _, err := a.Record(ctx, docs); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, r := range []*record.Recorder{a, b} {
		half := rest[i*len(rest)/2 : (i+1)*len(rest)/2]
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = r.Record(ctx, half)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("recorder %d: %v", i, err)
		}
	}
	if _, err := a.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, e, facts)
}

// TestFakeLogsConform runs the events.Log conformance suite against the wrappers these tests put
// around a log, while they inject nothing: each must then be the log it wraps.
func TestFakeLogsConform(t *testing.T) {
	tests := []struct {
		name string
		wrap func(events.Log) events.Log
	}{
		{"failingLog", func(l events.Log) events.Log { return &failingLog{Log: l, left: math.MaxInt} }},
		{"hookedLog", func(l events.Log) events.Log { return hooked(l, 1, func() {}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eventstest.TestLog(t, func(t *testing.T) events.Log { return tt.wrap(eventstest.NewMemoryLog()) })
		})
	}
}

// deliveryCountingLog is a jetlog.Log that counts the events its reads deliver.
type deliveryCountingLog struct {
	*jetlog.Log
	delivered atomic.Int64
}

func (c *deliveryCountingLog) Read(ctx context.Context, from uint64, fn func(events.Stored) error) error {
	return c.Log.Read(ctx, from, func(st events.Stored) error { c.delivered.Add(1); return fn(st) })
}

func (c *deliveryCountingLog) ReadKnowing(ctx context.Context, from uint64, known func(ulid.ULID) (events.Event, bool), fn func(events.Stored) error) error {
	return c.Log.ReadKnowing(ctx, from, known, func(st events.Stored) error { c.delivered.Add(1); return fn(st) })
}

// TestRecordHandsWhatItWroteToTheStore: a recorder alone on its log gives the store the events the
// log wrote for it without reading one back, and the store is, answer for answer, the store a replay
// of the log builds. Once another writer's events come between, the store reads the log again.
func TestRecordHandsWhatItWroteToTheStore(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	facts := seedFacts(t)
	log := &deliveryCountingLog{Log: e.log}
	r := e.recorder(t0, 11)
	r.Log, r.PublishBatch = log, 20
	if _, err := r.Record(ctx, facts[:200]); err != nil {
		t.Fatal(err)
	}
	if n := log.delivered.Load(); n != 0 {
		t.Errorf("a recorder alone read back %d events it had just written", n)
	}
	// Another writer (its own store) records the rest; this recorder's store catches up by reading.
	other, err := boltstore.Open(filepath.Join(e.dir, "other.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	o := e.recorder(t0, 12)
	o.Store = other
	if _, err := o.Record(ctx, facts[200:]); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Record(ctx, facts); err != nil {
		t.Fatal(err)
	}
	if n := log.delivered.Load(); n < int64(len(facts)-200) {
		t.Errorf("the recorder read %d events back, want at least the other writer's %d", n, len(facts)-200)
	}
	checkExactlyOnce(t, e, facts)
	replayed, err := boltstore.Open(filepath.Join(e.dir, "replayed.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer replayed.Close()
	if _, err := record.Replay(ctx, e.log, replayed, record.ReplayOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := recordtest.Digest(ctx, e.store)
	if err != nil {
		t.Fatal(err)
	}
	want, err := recordtest.Digest(ctx, replayed)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("the store handed the events differs from a replay of the log: %s", recordtest.FirstDifference(got, want))
	}
}
