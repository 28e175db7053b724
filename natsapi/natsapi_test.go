package natsapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"annals/embednats"
	"annals/natsapi"
	"annals/node"
	"annals/node/nodetest"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

const facts = `{"facts":[
 {"type":"entity.named/v1","entity":"candle-party","date":"XXXX","source":{"title":"Register","url":"https://example.org/c","quote":"the Candle Party"},"payload":{"kind":"party","name":"Candle Party","name_type":"official"}},
 {"type":"party.founded/v1","entity":"candle-party","date":"1993-05-01","source":{"title":"Register","url":"https://example.org/c","quote":"founded 1 May 1993"},"payload":{"name":"Candle Party"}}]}`

// serve starts a node over the embedded server's stream, with its own store, and its service.
func serve(t *testing.T, s *embednats.Server) (*node.Node, *natsapi.Service) {
	t.Helper()
	nc, err := s.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close) // after the node's cleanup, registered later
	return nodetest.Start(t, nc, "", node.Config{})
}

func request(t *testing.T, nc *nats.Conn, subject, body string) *nats.Msg {
	t.Helper()
	msg, err := nc.Request(subject, []byte(body), 10*time.Second)
	if err != nil {
		t.Fatalf("request %s %s: %v", subject, body, err)
	}
	return msg
}

func TestService(t *testing.T) {
	s, err := embednats.Start(embednats.Options{StoreDir: t.TempDir(), LazySync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	n1, _ := serve(t, s)
	n2, _ := serve(t, s)
	nc, err := s.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()

	// A write answers with the events recorded and the last sequence.
	msg := request(t, nc, "annals.api.append", facts)
	var w node.WriteDocument
	if err := json.Unmarshal(msg.Data, &w); err != nil || w.Recorded != 2 || w.LastSeq != 2 || len(w.Events) != 2 {
		t.Fatalf("append = %s (%v), want 2 recorded up to seq 2", msg.Data, err)
	}

	// A question answers with the document Node.State returns, as query --json prints it, whichever
	// node of the queue group takes it.
	for i := range 10 {
		msg = request(t, nc, "annals.api.state", fmt.Sprintf(`{"at":"1995-01-01","min_seq":%d}`, w.LastSeq))
		if code := msg.Header.Get(micro.ErrorCodeHeader); code != "" {
			t.Fatalf("state %d: error %s %s", i, code, msg.Header.Get(micro.ErrorHeader))
		}
		// n1 answers at the same sequence: the question may have gone to n2, and n1 may not have
		// applied the write yet.
		doc, err := n1.State(context.Background(), node.StateRequest{At: "1995-01-01", ReadOptions: node.ReadOptions{MinSeq: w.LastSeq}})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := node.Encode(doc)
		if string(msg.Data) != string(want) {
			t.Fatalf("state over NATS =\n%s\nwant\n%s", msg.Data, want)
		}
		if got := msg.Header.Get(node.HeaderAppliedSeq); got != "2" {
			t.Errorf("%s = %q, want 2", node.HeaderAppliedSeq, got)
		}
	}
	_ = n2

	tests := []struct {
		subject, body, code, say string
	}{
		{"annals.api.state", `{"at":"1995-13-01"}`, "400", "month 13"},
		{"annals.api.state", `{"at":"1995-01-01","nope":1}`, "400", "unknown field"},
		{"annals.api.party", `{"party":"Candle Part"}`, "404", `"candidates": [`},
		{"annals.api.timeline", `{}`, "400", "party is required"},
		{"annals.api.correct", `{"events":["x"],"reason":"r","source":{"quote":"q"}}`, "400", "not an event id"},
	}
	for _, tt := range tests {
		msg := request(t, nc, tt.subject, tt.body)
		if got := msg.Header.Get(micro.ErrorCodeHeader); got != tt.code {
			t.Errorf("%s %s: code %q, want %s", tt.subject, tt.body, got, tt.code)
		}
		if !strings.Contains(string(msg.Data), tt.say) {
			t.Errorf("%s %s = %s, want it to say %q", tt.subject, tt.body, msg.Data, tt.say)
		}
	}

	// The micro subjects: PING answers for both nodes; STATS counts the requests of each.
	inbox := nats.NewInbox()
	sub, err := nc.SubscribeSync(inbox)
	if err != nil {
		t.Fatal(err)
	}
	if err := nc.PublishRequest("$SRV.PING.annals", inbox, nil); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		m, err := sub.NextMsg(5 * time.Second)
		if err != nil {
			t.Fatalf("$SRV.PING.annals answer %d: %v", i+1, err)
		}
		var ping micro.Ping
		if err := json.Unmarshal(m.Data, &ping); err != nil || ping.Name != "annals" {
			t.Errorf("$SRV.PING.annals = %s, want the annals service", m.Data)
		}
	}
	msg = request(t, nc, "$SRV.INFO.annals", "")
	var info micro.Info
	if err := json.Unmarshal(msg.Data, &info); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range info.Endpoints {
		if e.QueueGroup != natsapi.DefaultQueueGroup {
			t.Errorf("endpoint %s in queue group %q, want %q", e.Name, e.QueueGroup, natsapi.DefaultQueueGroup)
		}
		names = append(names, e.Name)
	}
	if got, want := strings.Join(names, ","), "state,party,timeline,lineage,person,events,sources,history,diff,append,correct,retract,ingest"; got != want {
		t.Errorf("endpoints = %s, want %s", got, want)
	}
}
