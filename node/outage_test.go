package node_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"annals/boltstore"
	"annals/embednats/natstest"
	"annals/events"
	"annals/extract"
	"annals/jetlog"
	"annals/natsapi"
	"annals/node"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// outageBatch is how many parties one write of TestClusterOutage names and founds (two events each);
// outageBatches (outage_size_test.go) how many writes each node takes.
const outageBatch = 100

// batch is one write of TestClusterOutage: a facts file and the ids of its facts.
type batch struct {
	name  string
	data  []byte
	facts []events.FactID
}

func newBatch(t *testing.T, name string) batch {
	t.Helper()
	data := factsFile(name, 0, outageBatch)
	curated, err := extract.ParseCurated(name, data)
	if err != nil {
		t.Fatal(err)
	}
	b := batch{name: name, data: data}
	for _, f := range curated.Facts {
		b.facts = append(b.facts, f.ID())
	}
	return b
}

// factCounts returns how many times the store holds each fact.
func factCounts(t *testing.T, store *boltstore.Store) map[events.FactID]int {
	t.Helper()
	counts := map[events.FactID]int{}
	if err := store.Scan(context.Background(), 1, func(st events.Stored) error {
		counts[st.Event.Fact.ID()]++
		return nil
	}); err != nil {
		t.Fatalf("Scan() = %v", err)
	}
	return counts
}

// TestClusterOutage writes a generated record of tens of thousands of events (fewer under -race:
// outage_size_test.go) through two nodes, each with its own store, on a three-server cluster with a
// stream of three replicas, while the server leading the stream is shut down and started again; then
// shuts two of the three servers down and writes again. It checks that every acknowledged write is in
// both stores exactly once, that the two nodes answer byte for byte the same, that a write without a
// quorum fails with a clear error (ErrUnavailable, 503 over NATS), unacknowledged and not half
// written, and that it succeeds once the servers are back.
func TestClusterOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("a three-server cluster, servers shut down and restarted")
	}
	ctx := context.Background()
	start := time.Now()
	c := natstest.New(t, "annals-node-test", 3)
	c.StartAll()
	// A publish waits out an election for up to RetryFor: long enough for a leader to be elected when
	// one server goes away, short enough that a lost quorum fails the write in bounded time.
	logs := &syncBuffer{}
	defer func() {
		if t.Failed() || testing.Verbose() {
			t.Logf("the logs' warnings:\n%s", logs)
		}
	}()
	cfg := jetlog.Config{Replicas: 3, RetryFor: 15 * time.Second, RequestTimeout: 2 * time.Second,
		Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	a := startNode(t, c.URLs(0), cfg, true)
	b := startNode(t, c.URLs(1), cfg, true)
	eventually(t, "both nodes ready", func() bool { return a.Ready() && b.Ready() })

	// Each node takes outageBatches writes of its own, and every fifth batch is written by both at
	// once (the same facts: one of them records them, the other finds them known).
	type result struct {
		batch batch
		doc   node.WriteDocument
		err   error
		took  time.Duration
	}
	var (
		mu      sync.Mutex
		results []result
	)
	progress := make(chan int, 2*outageBatches)
	write := func(n *running, bt batch) {
		wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		t0 := time.Now()
		doc, err := n.Append(wctx, bt.name, bt.data)
		mu.Lock()
		results = append(results, result{bt, doc, err, time.Since(t0)})
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for side, n := range map[string]*running{"a": a, "b": b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range outageBatches {
				write(n, newBatch(t, fmt.Sprintf("%s%d", side, k)))
				if k%5 == 0 {
					write(n, newBatch(t, fmt.Sprintf("both%d", k)))
				}
				progress <- k
			}
		}()
	}
	// A quarter of the way through, the stream leader goes away for two seconds and comes back.
	outage := make(chan struct{})
	go func() {
		defer close(outage)
		for range outageBatches / 2 {
			<-progress
		}
		leader := c.Server(jetlog.DefaultStream, true)
		if leader < 0 {
			t.Errorf("no stream leader")
			return
		}
		t.Logf("%s: shutting down server %d, the stream leader", time.Since(start).Round(time.Millisecond), leader+1)
		c.Stop(leader)
		time.Sleep(2 * time.Second)
		c.Start(leader)
		t.Logf("%s: server %d started again", time.Since(start).Round(time.Millisecond), leader+1)
	}()
	wg.Wait()
	<-outage

	// Every write was acknowledged: one server of three away loses no quorum.
	want := map[events.FactID]bool{}
	var slowest time.Duration
	for _, r := range results {
		if r.err != nil {
			t.Errorf("write %s = %v, want it acknowledged while two servers of three run", r.batch.name, r.err)
			continue
		}
		if r.doc.Recorded+r.doc.Known != len(r.batch.facts) {
			t.Errorf("write %s: recorded %d + known %d, want %d", r.batch.name, r.doc.Recorded, r.doc.Known, len(r.batch.facts))
		}
		for _, id := range r.batch.facts {
			want[id] = true
		}
		slowest = max(slowest, r.took)
	}
	t.Logf("%s: %d writes, %d events acknowledged; slowest write %s", time.Since(start).Round(time.Millisecond),
		len(results), len(want), slowest.Round(time.Millisecond))
	if len(want) < 2*outageBatches*2*outageBatch {
		t.Fatalf("%d events acknowledged, want at least %d", len(want), 2*outageBatches*2*outageBatch)
	}
	checkBoth(t, c, a, b, want)
	t.Logf("%s: both stores hold every acknowledged event once, both nodes answer the same", time.Since(start).Round(time.Millisecond))

	// Two servers of three away: the stream has no quorum. A write, on a node and over NATS, fails with
	// a clear error in bounded time.
	leader := c.Server(jetlog.DefaultStream, true)
	other := (leader + 1) % 3
	survivor := 3 - leader - other
	c.Stop(leader)
	c.Stop(other)
	t.Logf("%s: servers %d and %d shut down", time.Since(start).Round(time.Millisecond), leader+1, other+1)
	direct, asked := newBatch(t, "lost-direct"), newBatch(t, "lost-asked")
	client, err := nats.Connect(c.URL(survivor))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	var directErr, askErr error
	var directTook, askTook time.Duration
	wg.Add(2)
	go func() {
		defer wg.Done()
		t0 := time.Now()
		_, directErr = a.Append(ctx, direct.name, direct.data)
		directTook = time.Since(t0)
	}()
	go func() {
		defer wg.Done()
		t0 := time.Now()
		actx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		_, _, askErr = natsapi.Ask(actx, client, "append", asked.data)
		askTook = time.Since(t0)
	}()
	wg.Wait()
	t.Logf("without a quorum: on the node after %s: %v", directTook.Round(time.Millisecond), directErr)
	t.Logf("without a quorum: over NATS after %s: %v", askTook.Round(time.Millisecond), askErr)
	if !errors.Is(directErr, jetlog.ErrUnavailable) || !strings.Contains(directErr.Error(), "stream unavailable") {
		t.Errorf("Append without a quorum = %v, want a clear ErrUnavailable", directErr)
	}
	if code, _ := node.Status(directErr); code != 503 {
		t.Errorf("Status(%v) = %d, want 503", directErr, code)
	}
	var e *natsapi.Error
	if !errors.Is(askErr, jetlog.ErrUnavailable) || !errors.As(askErr, &e) || e.Code != 503 {
		t.Errorf("Ask(append) without a quorum = %v, want a 503 wrapping ErrUnavailable", askErr)
	}
	// Bounded: RetryFor (15s) for the write's own publish, after at most two others holding the node
	// (a catch-up and a write, which wait as long).
	for _, took := range []time.Duration{directTook, askTook} {
		if took > 90*time.Second {
			t.Errorf("a write without a quorum took %s to fail, want at most 3 × RetryFor (15s) and some", took)
		}
	}

	// The servers come back: nothing of the failed writes is half written (each is one atomic batch:
	// all of it or none, should the cluster commit it once whole), and the same writes succeed.
	c.Start(leader)
	c.Start(other)
	t.Logf("%s: servers %d and %d started again", time.Since(start).Round(time.Millisecond), leader+1, other+1)
	for _, bt := range []batch{direct, asked} {
		wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		last, err := lastSeq(wctx, a)
		cancel()
		if err != nil {
			t.Fatalf("the stream after the servers returned: %v", err)
		}
		eventually(t, "node a caught up", func() bool { return a.AppliedSeq() >= last })
		counts := factCounts(t, a.store)
		held := 0
		for _, id := range bt.facts {
			held += counts[id]
		}
		if held != 0 && held != len(bt.facts) {
			t.Errorf("failed write %s: %d of its %d events in the record, want none or all", bt.name, held, len(bt.facts))
		}
		wctx, cancel = context.WithTimeout(ctx, 60*time.Second)
		body, _, err := natsapi.Ask(wctx, client, "append", bt.data)
		cancel()
		if err != nil {
			t.Fatalf("write %s again once the servers are back = %v", bt.name, err)
		}
		var doc node.WriteDocument
		json.Unmarshal(body, &doc)
		t.Logf("write %s again (%d of its events held before): recorded %d, known %d, last_seq %d", bt.name, held, doc.Recorded, doc.Known, doc.LastSeq)
		for _, id := range bt.facts {
			want[id] = true
		}
	}
	checkBoth(t, c, a, b, want)
	t.Logf("%s: done", time.Since(start).Round(time.Millisecond))
}

// lastSeq returns the stream's last sequence, as the node's connection reads it.
func lastSeq(ctx context.Context, r *running) (uint64, error) {
	js, err := jetstream.New(r.nc)
	if err != nil {
		return 0, err
	}
	for {
		s, err := js.Stream(ctx, jetlog.DefaultStream)
		if err == nil {
			info, err := s.Info(ctx)
			if err == nil {
				return info.State.LastSeq, nil
			}
		}
		select {
		case <-ctx.Done():
			return 0, fmt.Errorf("stream info: %w (%v)", ctx.Err(), err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// checkBoth waits for both nodes to hold the whole stream, then checks that the stream and each store
// hold every fact of want exactly once and nothing else, and that the two nodes answer byte for byte
// the same, also over NATS.
func checkBoth(t *testing.T, c *natstest.Cluster, a, b *running, want map[events.FactID]bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	last, err := lastSeq(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if last != uint64(len(want)) {
		t.Errorf("the stream holds %d events, want the %d acknowledged: one lost or doubled", last, len(want))
	}
	var docs [][]byte
	for _, n := range []*running{a, b} {
		if _, err := n.State(ctx, node.StateRequest{At: "2000-01-01", ReadOptions: node.ReadOptions{MinSeq: last}}); err != nil {
			t.Fatalf("State(min_seq %d) = %v", last, err)
		}
		counts := factCounts(t, n.store)
		lost, doubled := 0, 0
		for id := range want {
			switch counts[id] {
			case 0:
				lost++
			case 1:
			default:
				doubled++
			}
		}
		if lost > 0 || doubled > 0 || len(counts) != len(want) {
			t.Errorf("a store holds %d facts, want %d: %d acknowledged lost, %d doubled", len(counts), len(want), lost, doubled)
		}
		ev, err := n.Events(ctx, node.EventsRequest{})
		if err != nil {
			t.Fatal(err)
		}
		st, err := n.State(ctx, node.StateRequest{At: "2000-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		tl, err := n.Timeline(ctx, node.TimelineRequest{Party: "both0-7"})
		if err != nil {
			t.Fatal(err)
		}
		var doc []byte
		for _, d := range []any{ev, st, tl} {
			data, _ := node.Encode(d)
			doc = append(doc, data...)
		}
		docs = append(docs, doc)
	}
	if string(docs[0]) != string(docs[1]) {
		t.Errorf("the two nodes answer differently (%d and %d bytes)", len(docs[0]), len(docs[1]))
	}
	// Over NATS, whichever node answers; an answer larger than a NATS message is refused with 413.
	nc, err := nats.Connect(c.URL(2))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	tl, _ := a.Timeline(ctx, node.TimelineRequest{Party: "both0-7"})
	wantTL, _ := node.Encode(tl)
	for range 4 {
		body, seq, err := natsapi.Ask(ctx, nc, "timeline", node.TimelineRequest{Party: "both0-7"})
		if err != nil || string(body) != string(wantTL) || seq != last {
			t.Errorf("Ask(timeline) = %s, seq %d, %v; want the node's %d bytes, seq %d", body, seq, err, len(wantTL), last)
		}
	}
	if _, _, err := natsapi.Ask(ctx, nc, "state", node.StateRequest{At: "2000-01-01"}); !errors.Is(err, natsapi.ErrTooLarge) {
		t.Errorf("Ask(state) of %d parties = %v, want ErrTooLarge", 2*outageBatches*outageBatch, err)
	}
}

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
