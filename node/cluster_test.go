package node_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"annals/embednats/natstest"
	"annals/natsapi"
	"annals/node"

	"github.com/nats-io/nats.go"
)

// startCluster starts a three-server NATS cluster with JetStream on loopback, each server with its
// own store directory, shut down at the end of the test; it returns each server's client URL.
func startCluster(t *testing.T) []string {
	t.Helper()
	c := natstest.New(t, "annals-node-test", 3)
	c.StartAll()
	return []string{c.URL(0), c.URL(1), c.URL(2)}
}

// described returns a facts file of statements by who about the parties shared-0 … shared-4, one a
// party per round.
func described(who string, round int) []byte {
	var facts []string
	for i := range 5 {
		id := fmt.Sprintf("shared-%d", i)
		facts = append(facts, fmt.Sprintf(`{"type":"entity.described/v1","entity":%q,"date":"XXXX","source":{"title":"Notes of %s","url":"https://example.org/%s","quote":"%s says %d"},"payload":{"attribute":"description","value":"%s round %d"}}`,
			id, who, who, who, round, who, round))
	}
	return []byte(`{"facts":[` + strings.Join(facts, ",") + `]}`)
}

// TestCluster runs two nodes, each with its own store, on different servers of a three-server
// cluster sharing a stream of three replicas: a write on one is readable on the other; concurrent
// writes on both (new parties of each, the same facts from both, and statements about the same
// parties, which race on their subjects) lose nothing and double nothing; the two nodes answer byte
// for byte the same; a question over NATS is answered by the queue group.
func TestCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("a three-server cluster")
	}
	ctx := context.Background()
	urls := startCluster(t)
	a := start(t, urls[0], 3)
	b := start(t, urls[1], 3)
	eventually(t, "both nodes ready", func() bool { return a.Ready() && b.Ready() })

	w, err := a.Append(ctx, "first", factsFile("first", 0, 3))
	if err != nil {
		t.Fatalf("Append on a = %v", err)
	}
	tl, err := b.Timeline(ctx, node.TimelineRequest{Party: "first-2", ReadOptions: node.ReadOptions{MinSeq: w.LastSeq}})
	if err != nil || len(tl.Events) != 2 {
		t.Fatalf("Timeline(first-2) on b = %+v, %v; want the 2 facts written on a", tl, err)
	}

	const rounds = 8
	var wg sync.WaitGroup
	errs := make(chan error, 4*rounds)
	for _, side := range []struct {
		name string
		n    *running
	}{{"a", a}, {"b", b}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				for _, f := range [][]byte{factsFile(side.name, r*4, r*4+4), factsFile("both", r*2, r*2+2), described(side.name, r)} {
					if _, err := side.n.Append(ctx, side.name, f); err != nil {
						errs <- fmt.Errorf("round %d on %s: %w", r, side.name, err)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// 3 parties first, 2 × 8 × 4 of each node's own, 8 × 2 written by both, 2 facts each; 2 × 8 × 5
	// statements.
	const want = 2*3 + 2*2*rounds*4 + 2*rounds*2 + 2*rounds*5
	last, err := a.nc.JetStream()
	if err != nil {
		t.Fatal(err)
	}
	info, err := last.StreamInfo("ANNALS")
	if err != nil {
		t.Fatal(err)
	}
	if info.State.LastSeq != want || info.State.Msgs != want {
		t.Errorf("stream holds %d messages up to seq %d, want %d: a fact lost or doubled", info.State.Msgs, info.State.LastSeq, want)
	}
	var docs []string
	for _, n := range []*running{a, b} {
		doc, err := n.Events(ctx, node.EventsRequest{ReadOptions: node.ReadOptions{MinSeq: want}})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Events) != want {
			t.Errorf("a node's store holds %d events, want %d", len(doc.Events), want)
		}
		seen := map[string]bool{}
		for _, e := range doc.Events {
			var ev struct {
				FactID string `json:"fact_id"`
			}
			json.Unmarshal(e.Event, &ev)
			if seen[ev.FactID] {
				t.Errorf("fact %s recorded twice", ev.FactID)
			}
			seen[ev.FactID] = true
		}
		data, _ := node.Encode(doc)
		docs = append(docs, string(data))
		st, _ := n.State(ctx, node.StateRequest{At: "2010-01-01"})
		data, _ = node.Encode(st)
		docs = append(docs, string(data))
	}
	if docs[0] != docs[2] || docs[1] != docs[3] {
		t.Errorf("the two nodes answer differently")
	}

	// A question over NATS, to the service of both nodes, from a client of the third server.
	for _, n := range []*running{a, b} {
		svc, err := natsapi.Start(ctx, n.nc, n.Node, natsapi.Config{})
		if err != nil {
			t.Fatal(err)
		}
		defer svc.Stop()
	}
	nc, err := nats.Connect(urls[2])
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	// The services' subscriptions reach the third server through the routes a moment after they start.
	var msg *nats.Msg
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		msg, err = nc.Request("annals.api.state", []byte(`{"at":"2010-01-01"}`), 10*time.Second)
		if !errors.Is(err, nats.ErrNoResponders) || time.Now().After(deadline) {
			break
		}
	}
	if err != nil {
		t.Fatalf("state over NATS: %v", err)
	}
	if string(msg.Data) != docs[1] {
		t.Errorf("state over NATS =\n%.300s\nwant\n%.300s", msg.Data, docs[1])
	}
}
