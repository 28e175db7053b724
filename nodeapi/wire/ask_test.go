package wire_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"annals/embednats"
	"annals/events"
	"annals/nodeapi/wire"

	"github.com/nats-io/nats.go"
)

// Ask speaks the NATS protocol itself: against a real server it gets a node's answer byte for byte
// with its applied sequence, a node's error as an *Error wrapping the sentinel of its code, and, with
// no node, ErrNoNode.
func TestAsk(t *testing.T) {
	srv, err := embednats.Start(embednats.Options{StoreDir: t.TempDir(), Listen: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	ctx := context.Background()

	if _, _, err := wire.Ask(ctx, srv.ClientURL(), "test", "state", wire.StateRequest{At: "1995-03-01"}); !errors.Is(err, wire.ErrNoNode) {
		t.Errorf("Ask(state) with no node = %v, want ErrNoNode", err)
	}

	nc, err := nats.Connect(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	// A node that answers state with the request it got, and party with a not-found error.
	_, err = nc.Subscribe(wire.DefaultPrefix+".*", func(m *nats.Msg) {
		reply := nats.NewMsg(m.Reply)
		reply.Header.Set(wire.HeaderAppliedSeq, "42")
		if m.Subject == wire.DefaultPrefix+".state" {
			reply.Data = append(append([]byte{}, m.Data...), '\n')
		} else {
			reply.Header.Set("Nats-Service-Error-Code", "404")
			reply.Header.Set("Nats-Service-Error", "not found")
			reply.Data, _ = json.Marshal(wire.ErrorDocument{Code: 404, Error: `no party is known as "zzzz": not found`,
				Candidates: []wire.Candidate{{ID: "cnrp", Kind: events.KindParty, Names: []string{"CNRP"}}}})
		}
		m.RespondMsg(reply)
	})
	if err != nil {
		t.Fatal(err)
	}
	nc.Flush()
	urls := "nats://127.0.0.1:1," + srv.ClientURL() // the first refuses: the second is asked
	body, seq, err := wire.Ask(ctx, urls, "test", "state", wire.StateRequest{At: "1995-03-01", Party: "cnup"})
	if want := `{"at":"1995-03-01","party":"cnup"}` + "\n"; err != nil || string(body) != want || seq != 42 {
		t.Errorf("Ask(state) = %q, %d, %v, want %q, 42", body, seq, err, want)
	}
	_, seq, err = wire.Ask(ctx, srv.ClientURL(), "test", "party", wire.PartyRequest{Party: "zzzz"})
	var e *wire.Error
	if !errors.As(err, &e) || e.Code != 404 || !errors.Is(err, events.ErrNotFound) || seq != 42 {
		t.Fatalf("Ask(party) = %v (seq %d), want a 404 *Error wrapping ErrNotFound", err, seq)
	}
	if want := "no party is known as \"zzzz\": not found; did you mean one of:\n  cnrp  (CNRP)"; err.Error() != want {
		t.Errorf("Ask(party) error = %q, want %q", err.Error(), want)
	}
}
