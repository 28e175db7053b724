package record_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"annals/boltstore"
	"annals/embednats/natstest"
	"annals/events"
	"annals/events/eventstest"
	"annals/jetlog"
	"annals/record"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// syncBuffer is a log destination safe for concurrent use.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// hookedLog calls hook (in a goroutine of its own, so that it runs while the publish is in flight)
// before the n-th call of Append.
type hookedLog struct {
	events.Log
	calls atomic.Int64
	n     int64
	hook  func()
	done  chan struct{}
}

func hooked(log events.Log, n int64, hook func()) *hookedLog {
	return &hookedLog{Log: log, n: n, hook: hook, done: make(chan struct{})}
}

func (h *hookedLog) Append(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, error) {
	if h.calls.Add(1) == h.n {
		go func() {
			defer close(h.done)
			h.hook()
		}()
	}
	return h.Log.Append(ctx, evs, expect)
}

// clusterFacts returns n facts no other call returns, about 40 parties.
func clusterFacts(run string, n int) []events.Fact {
	facts := make([]events.Fact, n)
	for i := range facts {
		entity := events.EntityID(fmt.Sprintf("party-%02d", i%40))
		facts[i] = eventstest.Described(entity, fmt.Sprintf("%s statement %d", run, i), "1993")
	}
	return facts
}

// TestClusterNodesLostMidIngest records on a three-node cluster with a stream of three replicas
// while nodes go away: the first ingest into a fresh stream; a follower stopped mid-ingest; the
// stream leader stopped mid-ingest; the quorum lost mid-ingest and regained; the quorum lost for
// longer than the log waits. Each run ends on its own well before its deadline (completed, or failed
// with ErrUnavailable), a cancelled run ends at once, and at the end every fact is exactly once in
// the stream and in the store.
func TestClusterNodesLostMidIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("a three-node cluster with leader elections takes about a minute")
	}
	c := natstest.New(t, "annals-test", 3)
	c.StartAll()
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	defer func() {
		if t.Failed() || testing.Verbose() {
			t.Logf("recorder log:\n%s", logs)
		}
	}()
	nc, err := nats.Connect(c.URLs(0), nats.MaxReconnects(-1), nats.ReconnectWait(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	const stream = "ANNALS"
	openCtx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	log, err := jetlog.Open(openCtx, js, jetlog.Config{Stream: stream, Replicas: 3, RequestTimeout: 2 * time.Second, Logger: logger})
	if err != nil {
		t.Fatalf("Open(R3) on a fresh cluster = %v", err)
	}
	store, err := boltstore.Open(filepath.Join(t.TempDir(), "annals.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	rec := record.New(log, store, logger)
	rec.PublishBatch = 100 // many chunks, so that a node goes away in the middle

	var all []events.Fact
	recorded := 0
	// run records facts with a deadline, which it must not reach: it ends on its own.
	run := func(name string, rec *record.Recorder, facts []events.Fact, within time.Duration) (record.Result, error) {
		t.Helper()
		ctx, cancel := context.WithTimeout(t.Context(), within)
		defer cancel()
		start := time.Now()
		res, err := rec.Record(ctx, facts)
		if ctx.Err() != nil {
			t.Fatalf("%s: Record did not end within %s (err %v)", name, within, err)
		}
		t.Logf("%s: %d facts in %s: recorded %d, known %d, err %v", name, len(facts), time.Since(start).Round(time.Millisecond), res.Recorded, res.Known, err)
		return res, err
	}
	ok := func(name string, rec *record.Recorder, facts []events.Fact, within time.Duration) {
		t.Helper()
		res, err := run(name, rec, facts, within)
		if err != nil {
			t.Fatalf("%s: Record() = %v", name, err)
		}
		if res.Recorded+res.Known != len(facts) {
			t.Errorf("%s: recorded %d + known %d, want %d facts", name, res.Recorded, res.Known, len(facts))
		}
		all = append(all, facts...)
		recorded += res.Recorded
	}

	// 1. The first ingest into a fresh R3 stream on a healthy cluster.
	ok("fresh stream", rec, clusterFacts("fresh", 200), 30*time.Second)

	// Asking for other replicas than the stream has is reported, and changes nothing.
	if _, err := jetlog.Open(openCtx, js, jetlog.Config{Stream: stream, Replicas: 1, Logger: logger}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "another number of replicas") {
		t.Errorf("Open(Replicas 1) of an R3 stream logged no warning")
	}

	// 2. A follower stopped mid-ingest.
	follower := c.Server(stream, false)
	h := hooked(log, 3, func() { c.Stop(follower) })
	rec.Log = h
	ok("follower stopped", rec, clusterFacts("follower", 600), 30*time.Second)
	<-h.done
	c.Start(follower)
	t.Logf("follower %d stopped and started again", follower+1)

	// 3. The stream leader stopped mid-ingest.
	leader := c.Server(stream, true)
	if leader < 0 {
		t.Fatal("no stream leader")
	}
	h = hooked(log, 3, func() { c.Stop(leader) })
	rec.Log = h
	ok("leader stopped", rec, clusterFacts("leader", 600), 45*time.Second)
	<-h.done
	c.Start(leader)
	t.Logf("leader %d stopped and started again", leader+1)

	// 4. The quorum lost mid-ingest (two nodes stopped) and regained two seconds later.
	h = hooked(log, 3, func() {
		a, b := c.Server(stream, true), -1
		for i := range c.Size() {
			if i != a && c.Running(i) {
				b = i
				break
			}
		}
		c.Stop(a)
		if b >= 0 {
			c.Stop(b)
		}
		time.Sleep(2 * time.Second) // the outage, in the cluster's time: the recorder waits on a context
		c.Start(a)
		if b >= 0 {
			c.Start(b)
		}
	})
	rec.Log = h
	ok("quorum lost and regained", rec, clusterFacts("quorum", 600), 50*time.Second)
	<-h.done
	if !strings.Contains(logs.String(), "waiting for the stream leader") {
		t.Errorf("no \"waiting for the stream leader\" on the log while the quorum was lost")
	}

	// 5. The quorum lost mid-ingest for longer than the log waits: a clear error, in bounded time.
	short, err := jetlog.Open(t.Context(), js, jetlog.Config{Stream: stream, RetryFor: 3 * time.Second, RequestTimeout: 2 * time.Second, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	var lost []int
	h = hooked(short, 2, func() {
		lost = []int{c.Server(stream, true)}
		for i := range c.Size() {
			if i != lost[0] && len(lost) < 2 {
				lost = append(lost, i)
			}
		}
		for _, i := range lost {
			c.Stop(i)
		}
	})
	shortRec := record.New(h, store, logger)
	shortRec.PublishBatch = 100
	facts := clusterFacts("outage", 600)
	res, err := run("quorum lost", shortRec, facts, 30*time.Second)
	if !errors.Is(err, jetlog.ErrUnavailable) {
		t.Errorf("Record(quorum lost) = %v, want ErrUnavailable", err)
	}
	recorded += res.Recorded
	<-h.done

	// A cancelled run (SIGINT, SIGTERM) ends at once, however long the log would wait.
	cancelled, cancelRun := context.WithCancel(t.Context())
	time.AfterFunc(300*time.Millisecond, cancelRun)
	start := time.Now()
	if _, err := record.New(log, store, logger).Record(cancelled, facts); !errors.Is(err, context.Canceled) {
		t.Errorf("Record(cancelled while the quorum is lost) = %v, want context.Canceled", err)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("Record(cancelled while the quorum is lost) took %s to end, want at once", waited)
	}
	for _, i := range lost {
		c.Start(i)
	}

	// 6. The quorum regained: the same facts again record, once.
	ok("quorum regained", rec, facts, 45*time.Second)

	// Nothing lost, nothing doubled: in the stream, in the store, and in the counts.
	checkClusterExactlyOnce(t, log, store, all)
	if recorded > len(all) {
		t.Errorf("runs reported %d facts recorded, more than the %d there are", recorded, len(all))
	}
}

// checkClusterExactlyOnce asserts that the stream and the store each hold every fact exactly once,
// and nothing else.
func checkClusterExactlyOnce(t *testing.T, log *jetlog.Log, store *boltstore.Store, facts []events.Fact) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	want := map[events.FactID]bool{}
	for _, f := range facts {
		want[f.ID()] = true
	}
	inStream := map[events.FactID]int{}
	if err := log.Read(ctx, 1, func(st events.Stored) error {
		inStream[st.Event.Fact.ID()]++
		return nil
	}); err != nil {
		t.Fatalf("Read() = %v", err)
	}
	inStore := map[events.FactID]int{}
	if err := store.Scan(ctx, 1, func(st events.Stored) error {
		inStore[st.Event.Fact.ID()]++
		return nil
	}); err != nil {
		t.Fatalf("Scan() = %v", err)
	}
	lost, doubled := 0, 0
	for id := range want {
		for _, n := range []int{inStream[id], inStore[id]} {
			switch {
			case n == 0:
				lost++
			case n > 1:
				doubled++
			}
		}
	}
	if lost > 0 || doubled > 0 || len(inStream) != len(want) || len(inStore) != len(want) {
		t.Errorf("%d facts: stream holds %d, store %d; %d lost, %d doubled (in stream or store)",
			len(want), len(inStream), len(inStore), lost, doubled)
	}
	last, err := log.LastSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := store.LastSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if last != uint64(len(want)) || stored != last {
		t.Errorf("stream last seq %d, store last seq %d, want %d (one event per fact)", last, stored, len(want))
	}
}
