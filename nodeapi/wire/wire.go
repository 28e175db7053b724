// Package wire is the wire of a node (recorder serve) without a NATS client library: the requests its
// NATS service and HTTP API take, the documents its writes and errors answer with, the sentinel
// errors, and Ask, which asks the nodes over the NATS protocol itself, for a program that only asks
// and should start fast (query --server). Package nodeapi gives the same names, and a client over a
// nats.go connection.
package wire

import (
	"encoding/json"
	"errors"
	"time"

	"annals/events"
)

// The service's names, as package natsapi registers them.
const (
	// DefaultPrefix is the prefix of the service's subjects: "<prefix>.<endpoint>".
	DefaultPrefix = "annals.api"
	// ServiceTimeout is the service's deadline for one request (natsapi.DefaultTimeout).
	ServiceTimeout = 30 * time.Second
	// HeaderAppliedSeq is the header of every answer that says how far the answering node's store is.
	HeaderAppliedSeq = "Annals-Applied-Seq"
)

// ErrNotApplied is returned when a question's min_seq was not applied by the node within the wait.
var ErrNotApplied = errors.New("sequence not applied yet")

// ErrReadOnly is returned by a write to a node that takes no writes (recorder serve --read-only).
var ErrReadOnly = errors.New("this node is read-only: it takes no writes")

// ErrNotPermitted is returned when the node's NATS user may not publish what a write needs.
var ErrNotPermitted = errors.New("not permitted")

// ErrTooLarge is returned (code 413) when an answer is larger than the NATS server lets a message be.
var ErrTooLarge = errors.New("answer too large")

// ReadOptions are what every question may add: the record as it stood at a recorded time, without
// the facts a rule drafted, and the sequence the node must have applied before it answers.
type ReadOptions struct {
	KnownAt     string `json:"known_at,omitempty"`     // RFC 3339, or YYYY-MM-DD for the end of that day, UTC
	CuratedOnly bool   `json:"curated_only,omitempty"` // leave out drafted facts, as if never recorded
	MinSeq      uint64 `json:"min_seq,omitempty"`      // answer once the store holds this stream sequence
}

// StateRequest asks for every party on a day (At), or one (Party); or, with During instead of At, the
// parties that existed at some time in a period (an EDTF date or interval: 1995, 1993/1997).
type StateRequest struct {
	At     string `json:"at,omitempty"`
	During string `json:"during,omitempty"`
	Party  string `json:"party,omitempty"`
	ReadOptions
}

// PartyRequest asks for everything about one party, up to a day when At is set.
type PartyRequest struct {
	Party string `json:"party"`
	At    string `json:"at,omitempty"`
	ReadOptions
}

// TimelineRequest asks for a party's facts in historical order.
type TimelineRequest struct {
	Party string `json:"party"`
	ReadOptions
}

// LineageRequest asks for a party's predecessors and successors.
type LineageRequest struct {
	Party string `json:"party"`
	ReadOptions
}

// PersonRequest asks for a person's roles, on a day when At is set.
type PersonRequest struct {
	Name string `json:"name"`
	At   string `json:"at,omitempty"`
	ReadOptions
}

// EventsRequest asks for raw events, filtered as `query events` filters them.
type EventsRequest struct {
	Party  string `json:"party,omitempty"`
	Type   string `json:"type,omitempty"`
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Source string `json:"source,omitempty"`
	ReadOptions
}

// SourcesRequest asks for the facts drawn from one document (its file name).
type SourcesRequest struct {
	Document string `json:"document"`
	ReadOptions
}

// HistoryRequest asks for the chain of one event (Event, a ULID) or every chain of a party.
type HistoryRequest struct {
	Event string `json:"event,omitempty"`
	Party string `json:"party,omitempty"`
	ReadOptions
}

// DiffRequest asks what changed between two days, for every party or one.
type DiffRequest struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Party string `json:"party,omitempty"`
	ReadOptions
}

// Source is the source of a correction or retraction: a document the record holds, or an external
// work, and the words that support it.
type Source struct {
	Document string `json:"document,omitempty"`
	Title    string `json:"title,omitempty"`
	URL      string `json:"url,omitempty"`
	Quote    string `json:"quote"`
}

// CorrectRequest records a correction of events, as `recorder correct` does.
type CorrectRequest struct {
	Events  []string                   `json:"events"` // the ids of the events corrected; the first gives the fact
	Reason  string                     `json:"reason"`
	Source  Source                     `json:"source"`
	Date    string                     `json:"date,omitempty"`    // the corrected EDTF date
	Set     map[string]json.RawMessage `json:"set,omitempty"`     // payload fields and their JSON values
	Payload json.RawMessage            `json:"payload,omitempty"` // or the whole payload
}

// RetractRequest withdraws events without replacing them, as `recorder retract` does.
type RetractRequest struct {
	Events []string `json:"events"`
	Reason string   `json:"reason"`
	Source Source   `json:"source"`
}

// IngestRequest records one document given as text, with its curated facts file when Facts is set,
// as `recorder ingest` records NAME.txt with NAME.facts.json beside it.
type IngestRequest struct {
	Name    string          `json:"name"` // the document's file name, such as cnrp.txt
	Text    string          `json:"text"`
	Facts   json.RawMessage `json:"facts,omitempty"`
	NoDraft bool            `json:"no_draft,omitempty"`
	Strict  bool            `json:"strict,omitempty"`
}

// WriteDocument is the answer of a write: what it recorded and how far the stream then was.
type WriteDocument struct {
	Recorded int      `json:"recorded"` // facts newly recorded by this write
	Known    int      `json:"known"`    // facts the record already held
	Events   []string `json:"events"`   // the ids of the events recorded (of a correction: its id, even when known)
	// LastSeq is the stream sequence of the last event of this write, or, when it recorded nothing, the
	// node's applied sequence: a read with min_seq set to it sees the write.
	LastSeq  uint64   `json:"last_seq"`
	Warnings []string `json:"warnings,omitempty"` // ingest: what resolving a document's subject could not settle
}

// ErrorDocument is the answer of a question or write that failed: its status code (HTTP's, also used
// by the NATS service), the message, and for a name that means no entity or several, the candidates.
type ErrorDocument struct {
	Code       int         `json:"code"`
	Error      string      `json:"error"`
	Candidates []Candidate `json:"candidates,omitempty"`
	Total      int         `json:"total,omitempty"` // the candidates in all, of which Candidates lists the first
	// AppliedSeq is how far the answering node's store was (also in the Annals-Applied-Seq header):
	// with a min_seq that timed out, how far short of it the node is. Set by the NATS service and the
	// HTTP API.
	AppliedSeq uint64 `json:"applied_seq,omitempty"`
}

// Candidate is an entity a name may have meant.
type Candidate struct {
	ID    events.EntityID `json:"id"`
	Kind  events.Kind     `json:"kind"`
	Names []string        `json:"names"`
}
