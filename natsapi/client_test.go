package natsapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"annals/embednats"
	"annals/events"
	"annals/jetlog"
	"annals/natsapi"
	"annals/node"
	"annals/node/nodetest"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

// startNode starts a node over the stream nc reaches, with its own store, cfg's options and its
// service (the questions only when cfg.ReadOnly), all stopped at the end of the test.
func startNode(t *testing.T, nc *nats.Conn, cfg node.Config) *node.Node {
	t.Helper()
	n, _ := nodetest.Start(t, nc, "", cfg)
	return n
}

func TestAsk(t *testing.T) {
	ctx := context.Background()
	s, err := embednats.Start(embednats.Options{StoreDir: t.TempDir(), LazySync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	nc, err := s.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)

	// No node yet: a clear error, at once.
	if _, _, err := natsapi.Ask(ctx, nc, "state", node.StateRequest{At: "1995-01-01"}); !errors.Is(err, natsapi.ErrNoNode) {
		t.Errorf("Ask(state) without a node = %v, want ErrNoNode", err)
	}

	n := startNode(t, nc, node.Config{MinSeqWait: 300 * time.Millisecond})

	// A write, its facts file sent as is.
	body, seq, err := natsapi.Ask(ctx, nc, "append", []byte(facts))
	if err != nil {
		t.Fatalf("Ask(append) = %v", err)
	}
	var w node.WriteDocument
	if err := json.Unmarshal(body, &w); err != nil || w.Recorded != 2 || w.LastSeq != 2 {
		t.Fatalf("Ask(append) = %s (%v), want 2 recorded up to seq 2", body, err)
	}
	if seq != 2 {
		t.Errorf("Ask(append) applied seq = %d, want 2", seq)
	}

	// A question answers with the document as the node encodes it, byte for byte, and how far the node is.
	for _, req := range []any{
		node.StateRequest{At: "1995-01-01", ReadOptions: node.ReadOptions{MinSeq: w.LastSeq}},
		map[string]any{"at": "1995-01-01", "min_seq": w.LastSeq},
		json.RawMessage(`{"at":"1995-01-01"}`),
	} {
		body, seq, err := natsapi.Ask(ctx, nc, "state", req)
		if err != nil {
			t.Fatalf("Ask(state, %v) = %v", req, err)
		}
		doc, err := n.State(ctx, node.StateRequest{At: "1995-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := node.Encode(doc)
		if string(body) != string(want) {
			t.Errorf("Ask(state, %v) =\n%s\nwant\n%s", req, body, want)
		}
		if seq != 2 {
			t.Errorf("Ask(state, %v) applied seq = %d, want 2", req, seq)
		}
	}

	// Errors wrap the sentinels of their codes, with the node's message.
	first := w.Events[1]
	correct := func(date string) node.CorrectRequest {
		return node.CorrectRequest{Events: []string{first}, Reason: "the register says " + date,
			Source: node.Source{Title: "Register", URL: "https://example.org/r", Quote: "founded " + date}, Date: date}
	}
	if _, _, err := natsapi.Ask(ctx, nc, "correct", correct("1993-06-01")); err != nil {
		t.Fatalf("Ask(correct) = %v", err)
	}
	tests := []struct {
		name     string
		endpoint string
		request  any
		code     int
		want     error
		say      string
	}{
		{"a bad date", "state", node.StateRequest{At: "1995-02-30"}, 400, events.ErrInvalid, `at: parse day "1995-02-30"`},
		{"an unknown field", "state", map[string]string{"at": "1995-01-01", "nope": "1"}, 400, events.ErrInvalid, "unknown field"},
		{"an unknown party", "party", node.PartyRequest{Party: "Candle Part"}, 404, events.ErrNotFound, "did you mean one of:\n  candle-party  (Candle Party)"},
		{"an unknown document", "sources", node.SourcesRequest{Document: "x.txt"}, 404, events.ErrNotFound, "x.txt"},
		{"a correction of a corrected event", "correct", correct("1994-01-01"), 409, events.ErrConflict, "conflict"},
		{"min_seq not applied in time", "state", node.StateRequest{At: "1995-01-01", ReadOptions: node.ReadOptions{MinSeq: 1000}}, 503, node.ErrNotApplied, "min_seq 1000: the node holds 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, seq, err := natsapi.Ask(ctx, nc, tt.endpoint, tt.request)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Ask(%s, %v) = %v, want an error wrapping %v", tt.endpoint, tt.request, err, tt.want)
			}
			var e *natsapi.Error
			if !errors.As(err, &e) || e.Code != tt.code || e.Document.Code != tt.code {
				t.Errorf("Ask(%s) error %#v, want code %d", tt.endpoint, err, tt.code)
			}
			if !strings.Contains(err.Error(), tt.say) {
				t.Errorf("Ask(%s) error %q, want it to say %q", tt.endpoint, err, tt.say)
			}
			if body != nil || seq != 3 {
				t.Errorf("Ask(%s) = %q, seq %d; want no body, seq 3", tt.endpoint, body, seq)
			}
			if e != nil && e.Document.AppliedSeq != 3 {
				t.Errorf("Ask(%s) error document applied_seq %d, want 3", tt.endpoint, e.Document.AppliedSeq)
			}
		})
	}

	// A read-only node refuses writes (its service offers none: see TestPermissions).
	nc2, err := s.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc2.Close)
	reader := startNode(t, nc2, node.Config{ReadOnly: true})
	_, err = reader.Append(ctx, "x", []byte(facts))
	if !errors.Is(err, node.ErrReadOnly) {
		t.Fatalf("Append on a read-only node = %v, want ErrReadOnly", err)
	}
	if code, _ := node.Status(err); code != 403 {
		t.Errorf("Status(%v) = %d, want 403", err, code)
	}
}

// TestAskCodes checks the translation of every code, against a responder that answers as a node does.
func TestAskCodes(t *testing.T) {
	ctx := context.Background()
	s, err := embednats.Start(embednats.Options{StoreDir: t.TempDir(), LazySync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	nc, err := s.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	tests := []struct {
		code string
		doc  string
		want error
	}{
		{"400", `{"code":400,"error":"\"CNP\" is ambiguous: it names 2 parties; use the id:\n  a  (A)\n  b  (B)","candidates":[{"id":"a","kind":"party","names":["A"]},{"id":"b","kind":"party","names":["B"]}],"total":2}`, events.ErrAmbiguous},
		{"403", `{"code":403,"error":"write: this node is read-only: it takes no writes"}`, node.ErrReadOnly},
		{"403", `{"code":403,"error":"publish on annals.history.>: refused: not permitted"}`, node.ErrNotPermitted},
		{"404", `{"code":404,"error":"no party is known as \"X\": not found","candidates":[{"id":"x-party","kind":"party","names":["X Party"]}],"total":1}`, events.ErrNotFound},
		{"503", `{"code":503,"error":"stream ANNALS had no leader that answered for 30s: stream unavailable: nats: timeout"}`, jetlog.ErrUnavailable},
		{"504", `{"code":504,"error":"context deadline exceeded"}`, context.DeadlineExceeded},
		{"500", `not a document`, nil},
	}
	for i, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			sub, err := nc.Subscribe("test.api.x", func(m *nats.Msg) {
				reply := nats.NewMsg(m.Reply)
				reply.Header.Set(micro.ErrorCodeHeader, tt.code)
				reply.Header.Set(micro.ErrorHeader, "first line")
				reply.Header.Set(node.HeaderAppliedSeq, "7")
				reply.Data = []byte(tt.doc)
				m.RespondMsg(reply)
			})
			if err != nil {
				t.Fatal(err)
			}
			defer sub.Unsubscribe()
			_, seq, err := natsapi.Client{Conn: nc, Prefix: "test.api"}.Ask(ctx, "x", nil)
			var e *natsapi.Error
			if !errors.As(err, &e) || e.Code != atoi(tt.code) || seq != 7 {
				t.Fatalf("%d: Ask = %v (seq %d), want a natsapi.Error of code %s, seq 7", i, err, seq, tt.code)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("%d: Ask = %v, want an error wrapping %v", i, err, tt.want)
			}
			if tt.want == nil && err.Error() != "first line" {
				t.Errorf("%d: Ask = %q, want the header's message", i, err)
			}
			if tt.code == "404" && !strings.Contains(err.Error(), "did you mean one of:\n  x-party  (X Party)") {
				t.Errorf("%d: Ask = %q, want the candidates in the message", i, err)
			}
		})
	}
	// No answer in time.
	sub, _ := nc.Subscribe("test.api.slow", func(*nats.Msg) {})
	defer sub.Unsubscribe()
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if _, _, err := (natsapi.Client{Conn: nc, Prefix: "test.api"}).Ask(short, "slow", nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Ask(no answer) = %v, want DeadlineExceeded", err)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = 10*n + int(c-'0')
	}
	return n
}
