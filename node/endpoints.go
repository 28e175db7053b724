package node

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"annals/events"
	"annals/nodeapi"
)

// Endpoint is one question or write of a node, as the NATS service and the HTTP API serve it: a JSON
// request in, a JSON document out.
type Endpoint struct {
	Name        string // state, party, …, append, correct, retract, ingest
	Write       bool   // a write (HTTP POST) rather than a question (HTTP GET)
	Description string
	// Serve answers a request: for a question and for correct, retract and ingest, the JSON object of
	// its request type (unknown fields refused; empty: {}); for append, a curated facts file. It
	// returns the document to send, or an error for Status. Questions are counted in the node's
	// metrics by endpoint and status, with their latency; writes by outcome.
	Serve func(ctx context.Context, body []byte) (any, error)
}

// Endpoints returns the node's endpoints, questions first, in a fixed order; a read-only node's are
// the questions only.
func (n *Node) Endpoints() []Endpoint {
	all := []Endpoint{
		query(n, "state", "every party on a day (at) or in a period (during), or one (party)", n.state),
		query(n, "party", "everything about one party (party), up to a day (at)", n.Party),
		query(n, "timeline", "a party's facts in historical order (party)", n.Timeline),
		query(n, "lineage", "a party's predecessors and successors as a graph (party)", n.Lineage),
		query(n, "person", "a person's roles and history (name), on a day (at)", n.Person),
		query(n, "events", "the raw events (party, type, from, to, source)", n.Events),
		query(n, "sources", "the facts drawn from one document (document)", n.Sources),
		query(n, "history", "the chain of corrections of an event (event) or of a party (party)", n.History),
		query(n, "diff", "what changed between two days (from, to, party)", n.Diff),
		{Name: "append", Write: true, Description: "record the facts of a curated facts file", Serve: func(ctx context.Context, body []byte) (any, error) {
			return n.Append(ctx, "request", body)
		}},
		write(n, "correct", "record a correction of events", n.Correct),
		write(n, "retract", "withdraw events without replacing them", n.Retract),
		write(n, "ingest", "record a document (name, text) with its curated facts file (facts)", n.Ingest),
	}
	if !n.cfg.ReadOnly {
		return all
	}
	var questions []Endpoint
	for _, e := range all {
		if !e.Write {
			questions = append(questions, e)
		}
	}
	return questions
}

// state is the state endpoint: State, or During with a period.
func (n *Node) state(ctx context.Context, r StateRequest) (any, error) {
	if r.During != "" {
		return n.During(ctx, r)
	}
	return n.State(ctx, r)
}

func query[Req, Doc any](n *Node, name, desc string, fn func(context.Context, Req) (Doc, error)) Endpoint {
	return Endpoint{Name: name, Description: desc, Serve: func(ctx context.Context, body []byte) (any, error) {
		start := time.Now()
		var req Req
		err := decode(body, &req)
		var doc Doc
		if err == nil {
			doc, err = fn(ctx, req)
		}
		code, _ := statusOf(err)
		n.metrics.ObserveQuery(name, code, time.Since(start))
		if err != nil {
			return nil, err
		}
		return doc, nil
	}}
}

func write[Req any](n *Node, name, desc string, fn func(context.Context, Req) (WriteDocument, error)) Endpoint {
	return Endpoint{Name: name, Write: true, Description: desc, Serve: func(ctx context.Context, body []byte) (any, error) {
		var req Req
		if err := decode(body, &req); err != nil {
			n.metrics.ObserveWrite(name, OutcomeInvalid)
			return nil, err
		}
		doc, err := fn(ctx, req)
		if err != nil {
			return nil, err
		}
		return doc, nil
	}}
}

// decode reads a JSON request strictly: unknown fields and trailing data are refused, with an error
// wrapping events.ErrInvalid. An empty body is {}.
func decode(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("request: %v: %w", err, events.ErrInvalid)
	}
	if dec.More() {
		return fmt.Errorf("request: data after the JSON object: %w", events.ErrInvalid)
	}
	return nil
}

// HeaderAppliedSeq is the header (NATS and HTTP) of every answer of a node: the stream sequence of
// the last event its store held when it answered.
const HeaderAppliedSeq = nodeapi.HeaderAppliedSeq

// Encode returns a document as `query --json` prints it: indented by two spaces, HTML characters
// unescaped, with a final newline.
func Encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
