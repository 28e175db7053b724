package node_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/jetlog"
	"annals/natsapi"
	"annals/node"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// factsFile returns a curated facts file naming and founding the parties p-<from> … p-<to-1>,
// founded in 1990 + i%20, each from an external source.
func factsFile(prefix string, from, to int) []byte {
	var facts []string
	for i := from; i < to; i++ {
		id := fmt.Sprintf("%s-%d", prefix, i)
		src := fmt.Sprintf(`{"title":"Register","url":"https://example.org/%s","quote":"Party %s %d"}`, id, prefix, i)
		facts = append(facts,
			fmt.Sprintf(`{"type":"entity.named/v1","entity":%q,"date":"XXXX","source":%s,"payload":{"kind":"party","name":"Party %s %d","name_type":"official"}}`, id, src, prefix, i),
			fmt.Sprintf(`{"type":"party.founded/v1","entity":%q,"date":"%d","source":%s,"payload":{"name":"Party %s %d"}}`, id, 1990+i%20, src, prefix, i))
	}
	return []byte(`{"facts":[` + strings.Join(facts, ",") + `]}`)
}

// server starts an embedded NATS server with JetStream, listening on loopback, stopped at the end of
// the test.
func embedded(t *testing.T) *embednats.Server {
	t.Helper()
	s, err := embednats.Start(embednats.Options{StoreDir: t.TempDir(), Listen: true, LazySync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	return s
}

// running is a node of a test: its connection, log, store, and Run in the background until the
// end of the test (or stop).
type running struct {
	*node.Node
	nc    *nats.Conn
	store *boltstore.Store
	stop  func() error
}

// start starts a node over the stream at url (replicas copies when it creates it), with its own
// store in a new folder.
func start(t *testing.T, url string, replicas int) *running {
	t.Helper()
	return startNode(t, url, jetlog.Config{Replicas: replicas}, false)
}

// startNode starts a node over the stream of cfg at urls, with its own store in a new folder, and with
// serve its NATS service too; everything stops at the end of the test (or stop).
func startNode(t *testing.T, urls string, cfg jetlog.Config, serve bool) *running {
	t.Helper()
	ctx := context.Background()
	nc, err := nats.Connect(urls, nats.MaxReconnects(-1), nats.ReconnectWait(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	octx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	log, err := jetlog.Open(octx, js, cfg)
	if err != nil {
		t.Fatal(err)
	}
	store, err := boltstore.Open(filepath.Join(t.TempDir(), boltstore.FileName), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := node.New(ctx, node.Config{Log: log, Store: store, Conn: nc, Interval: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	rctx, stopRun := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- n.Run(rctx) }()
	var svc *natsapi.Service
	if serve {
		if svc, err = natsapi.Start(rctx, nc, n, natsapi.Config{Timeout: 2 * time.Minute}); err != nil {
			t.Fatal(err)
		}
	}
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() {
			if svc != nil {
				svc.Stop()
			}
			stopRun()
			runErr = <-done
			store.Close()
			nc.Close()
		})
		return runErr
	}
	t.Cleanup(func() { stop() })
	return &running{Node: n, nc: nc, store: store, stop: stop}
}

// eventually waits up to 10 s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not after 10s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestFollowAndAnswer(t *testing.T) {
	ctx := context.Background()
	s := embedded(t)
	a := start(t, s.ClientURL(), 0)
	b := start(t, s.ClientURL(), 0)
	eventually(t, "ready", func() bool { return a.Ready() && b.Ready() })

	w, err := a.Append(ctx, "test", factsFile("p", 0, 5))
	if err != nil {
		t.Fatalf("Append = %v", err)
	}
	if w.Recorded != 10 || len(w.Events) != 10 || w.LastSeq != 10 {
		t.Fatalf("Append = %+v, want 10 recorded up to seq 10", w)
	}
	// The other node follows the stream into its own store; with min_seq it waits for the write.
	st, err := b.State(ctx, node.StateRequest{At: "1995-01-01", ReadOptions: node.ReadOptions{MinSeq: w.LastSeq}})
	if err != nil {
		t.Fatalf("State(min_seq %d) = %v", w.LastSeq, err)
	}
	if len(st.Parties) != 5 {
		t.Fatalf("State(1995-01-01) on the other node = %d parties, want 5", len(st.Parties))
	}
	if b.AppliedSeq() != 10 {
		t.Errorf("AppliedSeq = %d, want 10", b.AppliedSeq())
	}
	// Both nodes answer byte for byte the same.
	for _, n := range []*running{a, b} {
		doc, err := n.Timeline(ctx, node.TimelineRequest{Party: "Party p 3"})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Party != "p-3" || len(doc.Events) != 2 {
			t.Errorf("Timeline(Party p 3) = %s with %d events, want p-3 with 2", doc.Party, len(doc.Events))
		}
	}
	da, _ := a.State(ctx, node.StateRequest{At: "2000-01-01"})
	db, _ := b.State(ctx, node.StateRequest{At: "2000-01-01"})
	ja, _ := node.Encode(da)
	jb, _ := node.Encode(db)
	if string(ja) != string(jb) {
		t.Errorf("the two nodes answer state differently:\n%s\n%s", ja, jb)
	}

	// Over a period: the parties that existed at some time in it.
	during, err := b.During(ctx, node.StateRequest{During: "1990/1992"})
	if err != nil || during.During != "1990/1992" || len(during.Parties) != 3 {
		t.Errorf("During(1990/1992) = %+v, %v; want the 3 parties founded by 1992", during, err)
	}

	// Appending the same facts again records nothing.
	again, err := b.Append(ctx, "test", factsFile("p", 0, 5))
	if err != nil || again.Recorded != 0 || again.Known != 10 {
		t.Errorf("Append again = %+v, %v; want 10 known", again, err)
	}

	// A correction, then a retraction, through the other node.
	c, err := b.Correct(ctx, node.CorrectRequest{Events: w.Events[1:2], Reason: "the register says 1991",
		Source: node.Source{Title: "Register", URL: "https://example.org/r2", Quote: "founded 1991"}, Date: "1991"})
	if err != nil || len(c.Events) != 1 || c.Recorded != 1 {
		t.Fatalf("Correct = %+v, %v", c, err)
	}
	h, err := a.History(ctx, node.HistoryRequest{Event: w.Events[1], ReadOptions: node.ReadOptions{MinSeq: c.LastSeq}})
	if err != nil || len(h.Chains) != 1 || len(h.Chains[0].Steps) != 2 {
		t.Fatalf("History(%s) = %+v, %v; want one chain of 2 steps", w.Events[1], h, err)
	}
	retry, err := b.Correct(ctx, node.CorrectRequest{Events: w.Events[1:2], Reason: "the register says 1991",
		Source: node.Source{Title: "Register", URL: "https://example.org/r2", Quote: "founded 1991"}, Date: "1991"})
	if err != nil || retry.Known != 1 || len(retry.Events) != 1 || retry.Events[0] != c.Events[0] {
		t.Errorf("Correct again = %+v, %v; want the same correction, known", retry, err)
	}
	r, err := a.Retract(ctx, node.RetractRequest{Events: w.Events[2:3], Reason: "not a party",
		Source: node.Source{Title: "Register", URL: "https://example.org/r3", Quote: "not a party"}})
	if err != nil || r.Recorded != 1 {
		t.Fatalf("Retract = %+v, %v", r, err)
	}

	// Ingest a document given as text.
	text := "= Candle Party =\n\nCandle Party\n- Foundation: 12 March 2001\n"
	in, err := a.Ingest(ctx, node.IngestRequest{Name: "candle-party.txt", Text: text})
	if err != nil || in.Recorded == 0 {
		t.Fatalf("Ingest = %+v, %v", in, err)
	}
	src, err := b.Sources(ctx, node.SourcesRequest{Document: "candle-party.txt", ReadOptions: node.ReadOptions{MinSeq: in.LastSeq}})
	if err != nil || src.Title != "Candle Party" || len(src.Facts) == 0 {
		t.Fatalf("Sources(candle-party.txt) = %+v, %v", src, err)
	}
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	s := embedded(t)
	a := start(t, s.ClientURL(), 0)
	if _, err := a.Append(ctx, "test", factsFile("p", 0, 3)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		call func() error
		code int
	}{
		{"a bad date", func() error { _, err := a.State(ctx, node.StateRequest{At: "1995-13-01"}); return err }, 400},
		{"no date", func() error { _, err := a.State(ctx, node.StateRequest{}); return err }, 400},
		{"an unknown party", func() error { _, err := a.Party(ctx, node.PartyRequest{Party: "Party p 9"}); return err }, 404},
		{"an unknown document", func() error { _, err := a.Sources(ctx, node.SourcesRequest{Document: "x.txt"}); return err }, 404},
		{"a bad event id", func() error { _, err := a.History(ctx, node.HistoryRequest{Event: "nope"}); return err }, 400},
		{"from after to", func() error {
			_, err := a.Diff(ctx, node.DiffRequest{From: "2000-01-01", To: "1999-01-01"})
			return err
		}, 400},
		{"an unknown type", func() error { _, err := a.Events(ctx, node.EventsRequest{Type: "nope."}); return err }, 400},
		{"a bad known_at", func() error {
			_, err := a.State(ctx, node.StateRequest{At: "1995-01-01", ReadOptions: node.ReadOptions{KnownAt: "yesterday"}})
			return err
		}, 400},
		{"an empty facts file", func() error { _, err := a.Append(ctx, "empty", []byte(`{"facts":[]}`)); return err }, 400},
		{"a correction of no event", func() error {
			_, err := a.Correct(ctx, node.CorrectRequest{Events: []string{"01JAAAAAAAAAAAAAAAAAAAAAAA"}, Reason: "r", Source: node.Source{Title: "T", URL: "U", Quote: "q"}})
			return err
		}, 404},
		{"a retraction without a reason", func() error {
			_, err := a.Retract(ctx, node.RetractRequest{Events: []string{"01JAAAAAAAAAAAAAAAAAAAAAAA"}, Source: node.Source{Title: "T", URL: "U", Quote: "q"}})
			return err
		}, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil {
				t.Fatalf("%s: no error, want %d", tt.name, tt.code)
			}
			if code, doc := node.Status(err); code != tt.code || doc.Code != code {
				t.Errorf("Status(%v) = %d, want %d", err, code, tt.code)
			}
		})
	}
	// An unknown party's error carries the candidates.
	_, err := a.Party(ctx, node.PartyRequest{Party: "Party p"})
	code, doc := node.Status(err)
	if code != 404 || doc.Total == 0 || len(doc.Candidates) == 0 {
		t.Errorf("Status(%v) = %d %+v, want 404 with candidates", err, code, doc)
	}
	data, _ := json.Marshal(doc)
	if !strings.Contains(string(data), `"candidates":[{"id":"p-`) {
		t.Errorf("error document %s, want candidates with snake_case keys", data)
	}
	// min_seq beyond the stream waits, then says so.
	_, err = a.State(ctx, node.StateRequest{At: "1995-01-01", ReadOptions: node.ReadOptions{MinSeq: 1 << 40}})
	if !errors.Is(err, node.ErrNotApplied) && !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("State(min_seq far ahead) = %v, want ErrNotApplied", err)
	}
}

// Run stops when its context is done, and the store is then whole and closable.
func TestRunStops(t *testing.T) {
	s := embedded(t)
	a := start(t, s.ClientURL(), 0)
	if _, err := a.Append(context.Background(), "test", factsFile("p", 0, 50)); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.stop() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run = %v, want nil once stopped", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop within 10s")
	}
}
