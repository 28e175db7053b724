package node

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"annals/events"
	"annals/history"
	"annals/jetlog"
)

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

func (s Source) event() events.Source {
	return events.Source{Document: s.Document, Title: s.Title, URL: s.URL, Quote: s.Quote}
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

func candidates(list []events.EntitySummary) []Candidate {
	out := make([]Candidate, len(list))
	for i, e := range list {
		out[i] = Candidate{ID: e.ID, Kind: e.Kind, Names: e.Names}
	}
	return out
}

// ErrNotApplied is returned when a question's min_seq was not applied by the node within the wait.
var ErrNotApplied = errors.New("sequence not applied yet")

// Status returns the status code and error document of an error of the node: 400 for a bad request
// (events.ErrInvalid: a bad date, field or fact), 404 for a name, document or event the record does
// not hold (with the candidates of a name), 400 with the candidates for a name that means several,
// 403 for a write a read-only or unpermitted node cannot take, 409 for a conflict with another
// writer, 503 for a log or sequence not available, 504 for a deadline,
// 500 otherwise.
func Status(err error) (int, ErrorDocument) {
	doc := ErrorDocument{Error: err.Error()}
	var nf *history.NotFoundError
	var amb *history.AmbiguousError
	switch {
	case errors.As(err, &nf):
		doc.Code, doc.Candidates, doc.Total = 404, candidates(nf.Candidates), nf.Total
	case errors.As(err, &amb):
		doc.Code, doc.Candidates, doc.Total = 400, candidates(amb.Candidates), amb.Total
	case errors.Is(err, events.ErrInvalid):
		doc.Code = 400
	case errors.Is(err, events.ErrNotFound):
		doc.Code = 404
	case errors.Is(err, events.ErrConflict):
		doc.Code = 409
	case errors.Is(err, ErrReadOnly), errors.Is(err, ErrNotPermitted):
		doc.Code = 403
	case errors.Is(err, ErrNotApplied), errors.Is(err, jetlog.ErrUnavailable):
		doc.Code = 503
	case errors.Is(err, context.DeadlineExceeded):
		doc.Code = 504
	default:
		doc.Code = 500
	}
	return doc.Code, doc
}

// badRequest is an error of a request's field, wrapping events.ErrInvalid.
func badRequest(field string, err error) error {
	if errors.Is(err, events.ErrInvalid) {
		return fmt.Errorf("%s: %w", field, err)
	}
	return fmt.Errorf("%s: %v: %w", field, err, events.ErrInvalid)
}

// missing is the error of a required field left empty.
func missing(field string) error {
	return fmt.Errorf("%s is required: %w", field, events.ErrInvalid)
}
