package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/jetlog"
	"annals/natsapi"
	"annals/node"
	"annals/record"
	"annals/sources"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The node figures (issue 14, figure 9), on the seeds, with the nodes and the clients in this process
// and every connection over loopback TCP to one embedded server.
const (
	NodeQueries     = 2000            // timed questions of each p50, after NodeWarmup
	NodeWarmup      = 200             // untimed questions first
	NodeLoadFor     = 3 * time.Second // each throughput loop
	NodeLoadClients = 16              // concurrent clients of the throughput loops
	FollowRate      = 1000            // facts/s written in the follow-lag figure
	FollowBatch     = 20              // facts per write: a node records one write at a time, each synced to disk
	FollowFor       = 3 * time.Second // how long the writes go on
	FollowBudgetMS  = 50              // the follow lag's target, p99
)

// nodeQuestion is the question of the node figures: the one the cold query process of figure 6 asks.
var nodeQuestion = node.StateRequest{At: "1995-03-01", Party: "cnup"}

// benchNode is a node of the figures: its connection, store and service.
type benchNode struct {
	*node.Node
	nc    *nats.Conn
	store *boltstore.Store
	svc   *natsapi.Service
	stop  func()
}

// startBenchNode starts a node over the stream of the server at url, with its own store in dir.
func startBenchNode(ctx context.Context, url, dir string) (*benchNode, error) {
	nc, err := nats.Connect(url)
	if err != nil {
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	log, err := jetlog.Open(ctx, js, jetlog.Config{})
	if err != nil {
		nc.Close()
		return nil, err
	}
	store, err := boltstore.Open(filepath.Join(dir, boltstore.FileName), storeOptions)
	if err != nil {
		nc.Close()
		return nil, err
	}
	n, err := node.New(ctx, node.Config{Log: log, Store: store, Conn: nc})
	if err != nil {
		store.Close()
		nc.Close()
		return nil, err
	}
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- n.Run(rctx) }()
	b := &benchNode{Node: n, nc: nc, store: store}
	var once sync.Once
	b.stop = func() {
		once.Do(func() {
			if b.svc != nil {
				b.svc.Stop()
			}
			cancel()
			<-done
			store.Close()
			nc.Close()
		})
	}
	return b, nil
}

// serve starts the node's service (queue group annals).
func (b *benchNode) serve(ctx context.Context) error {
	svc, err := natsapi.Start(ctx, b.nc, b.Node, natsapi.Config{})
	if err != nil {
		return err
	}
	b.svc = svc
	return b.nc.Flush()
}

// nodeFigures measures figure 9: a question over NATS to a warm node against the same question in
// process and against the cold query process of figure 6 (read from its row); the questions per
// second of two nodes in one queue group against one; and the follow lag of a write on one node until
// the other answers with it, at a steady FollowRate.
func (r *runner) nodeFigures(ctx context.Context) error {
	r.progress("seeds: nodes over NATS")
	dir, err := tempDir(r.tmp, "node")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	srv, err := embednats.Start(embednats.Options{StoreDir: filepath.Join(dir, "nats"), Listen: true, LazySync: true})
	if err != nil {
		return err
	}
	defer srv.Shutdown()
	url := srv.ClientURL()
	root, err := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}", "annals").Output()
	if err != nil {
		return fmt.Errorf("find the annals module: %w", err)
	}
	in, err := sources.Load([]string{filepath.Join(strings.TrimSpace(string(root)), "seeds")})
	if err != nil {
		return err
	}
	// The seeds go into the stream through a recorder of their own; both nodes follow them.
	{
		nc, err := nats.Connect(url)
		if err != nil {
			return err
		}
		js, _ := jetstream.New(nc)
		log, err := jetlog.Open(ctx, js, jetlog.Config{})
		if err != nil {
			nc.Close()
			return err
		}
		store, err := boltstore.Open(filepath.Join(dir, "seeds.db"), storeOptions)
		if err != nil {
			nc.Close()
			return err
		}
		_, err = record.New(log, store, nil).Record(ctx, in.Facts)
		store.Close()
		nc.Close()
		if err != nil {
			return fmt.Errorf("record the seeds: %w", err)
		}
	}
	var nodes []*benchNode
	defer func() {
		for _, n := range nodes {
			n.stop()
		}
	}()
	for i := range 2 {
		ndir := filepath.Join(dir, fmt.Sprintf("node%d", i+1))
		if err := os.MkdirAll(ndir, 0o755); err != nil {
			return err
		}
		n, err := startBenchNode(ctx, url, ndir)
		if err != nil {
			return fmt.Errorf("start node %d: %w", i+1, err)
		}
		nodes = append(nodes, n)
	}
	a, b := nodes[0], nodes[1]
	for deadline := time.Now().Add(time.Minute); !a.Ready() || !b.Ready(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			return fmt.Errorf("the nodes did not catch up with the seeds within a minute")
		}
	}
	if err := a.serve(ctx); err != nil {
		return err
	}
	client, err := nats.Connect(url)
	if err != nil {
		return err
	}
	defer client.Close()

	// 9a. One question, one at a time: in process (the node's own call and encoding, what the service
	// runs) and over NATS to the warm node.
	inProcess := func() error {
		doc, err := a.State(ctx, nodeQuestion)
		if err == nil {
			_, err = node.Encode(doc)
		}
		return err
	}
	overNATS := func() error {
		_, _, err := natsapi.Ask(ctx, client, "state", nodeQuestion)
		return err
	}
	want, err := a.State(ctx, nodeQuestion)
	if err != nil {
		return fmt.Errorf("state %+v: %w", nodeQuestion, err)
	}
	wantDoc, _ := node.Encode(want)
	if body, _, err := natsapi.Ask(ctx, client, "state", nodeQuestion); err != nil || string(body) != string(wantDoc) {
		return fmt.Errorf("state over NATS = %.200s, %v; want the node's document", body, err)
	}
	p50 := func(fn func() error) (time.Duration, error) {
		for range NodeWarmup {
			if err := fn(); err != nil {
				return 0, err
			}
		}
		ds := make([]time.Duration, 0, NodeQueries)
		for range NodeQueries {
			d, err := timed(fn)
			if err != nil {
				return 0, err
			}
			ds = append(ds, d)
		}
		return percentile(ds, 0.5), nil
	}
	local, err := p50(inProcess)
	if err != nil {
		return err
	}
	remote, err := p50(overNATS)
	if err != nil {
		return err
	}
	r.add(atMost(Row{Figure: "9. query over NATS to a warm node (state --party cnup), p50", Size: "seeds", Value: us(remote), Unit: "µs",
		Baseline: us(local), Against: "the same query in process"}, 3))
	cold := 0.0
	for _, row := range r.rep.Rows {
		if strings.HasPrefix(row.Figure, "6. cold") {
			cold = row.Value
		}
	}
	if cold > 0 {
		r.add(atLeast(Row{Figure: "9. cold `query state --party cnup` process (figure 6), p50", Size: "seeds", Value: cold * 1e3, Unit: "µs",
			Baseline: us(remote), Against: "the same query over NATS to a warm node"}, 20))
	} else {
		r.note("node (9): no cold query figure (6) in this run to compare the query over NATS with")
	}

	// 9b. Questions per second of one node, then of two in one queue group, under the same bounded
	// read-only loop of NodeLoadClients clients.
	load := func() (float64, error) {
		var count atomic.Int64
		var firstErr atomic.Value
		lctx, cancel := context.WithTimeout(ctx, NodeLoadFor)
		defer cancel()
		var wg sync.WaitGroup
		start := time.Now()
		for range NodeLoadClients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for lctx.Err() == nil {
					qctx, qcancel := context.WithTimeout(ctx, 10*time.Second)
					_, _, err := natsapi.Ask(qctx, client, "state", nodeQuestion)
					qcancel()
					if err != nil {
						firstErr.CompareAndSwap(nil, err)
						return
					}
					count.Add(1)
				}
			}()
		}
		wg.Wait()
		if err, _ := firstErr.Load().(error); err != nil {
			return 0, err
		}
		return float64(count.Load()) / time.Since(start).Seconds(), nil
	}
	one, err := load()
	if err != nil {
		return err
	}
	if err := b.serve(ctx); err != nil {
		return err
	}
	two, err := load()
	if err != nil {
		return err
	}
	r.add(atLeast(Row{Figure: "9. two nodes in one queue group, questions/s", Size: "seeds", Value: two, Unit: "q/s",
		Baseline: one, Against: "one node"}, 1.6))

	// 9c. Follow lag: a write on node a each 1/FollowRate s; for each, the time from its acknowledgment
	// until node b answers a question with min_seq set to it.
	var (
		mu    sync.Mutex
		lags  []time.Duration
		wg    sync.WaitGroup
		werr  error // of the writes
		rerr  error // of the reads, under mu
		count int
	)
	tick := time.NewTicker(time.Second * FollowBatch / FollowRate)
	start := time.Now()
	for time.Since(start) < FollowFor && werr == nil {
		<-tick.C
		var facts []string
		for range FollowBatch {
			facts = append(facts, fmt.Sprintf(`{"type":"entity.described/v1","entity":"follow-%d","date":"XXXX","source":{"title":"Bench","url":"https://example.org/follow","quote":"statement %d"},"payload":{"attribute":"description","value":"statement %d"}}`,
				count%100, count, count))
			count++
		}
		doc, err := a.Append(ctx, "follow", []byte(`{"facts":[`+strings.Join(facts, ",")+`]}`))
		if err != nil {
			werr = fmt.Errorf("write %d on node a: %w", count, err)
			break
		}
		acked := time.Now()
		wg.Add(1)
		go func(seq uint64) {
			defer wg.Done()
			_, err := b.State(ctx, node.StateRequest{At: nodeQuestion.At, Party: nodeQuestion.Party, ReadOptions: node.ReadOptions{MinSeq: seq}})
			lag := time.Since(acked)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && rerr == nil {
				rerr = fmt.Errorf("read seq %d on node b: %w", seq, err)
			}
			lags = append(lags, lag)
		}(doc.LastSeq)
	}
	tick.Stop()
	elapsed := time.Since(start)
	wg.Wait()
	if werr == nil {
		werr = rerr
	}
	if werr != nil {
		return werr
	}
	p99 := percentile(lags, 0.99)
	r.add(atMost(Row{Figure: "9. follow lag at 1,000 facts/s: written on node a until node b answers with it, p99", Size: "seeds", Value: us(p99) / 1e3, Unit: "ms",
		Baseline: FollowBudgetMS, Against: "the 50 ms budget"}, 1))
	r.note("node (9): nodes, clients and the embedded server in this process, every connection over loopback TCP; p50s of %d questions after %d unmeasured; throughput: %d clients asking state --party cnup for %s, first with one node serving, then two (the same process, the same %d cores); follow lag: %d writes of %d facts on node a in %s (%.0f facts/s, aimed at %d: one node records one write at a time, each committed to its bbolt file before the next), measured from each write's acknowledgment until node b answers a question with its min_seq (p50 %.2f ms, max %.2f ms)",
		NodeQueries, NodeWarmup, NodeLoadClients, NodeLoadFor, r.rep.Machine.Cores, len(lags), FollowBatch, elapsed.Round(time.Millisecond), float64(count)/elapsed.Seconds(), FollowRate,
		us(percentile(lags, 0.5))/1e3, us(percentile(lags, 1))/1e3)
	return nil
}
