package node

import (
	"context"
	"errors"
	"fmt"

	"annals/events"
	"annals/history"
	"annals/jetlog"
	"annals/nodeapi"
)

// The node's requests and answers are the wire types of package nodeapi, which clients import
// without the node.
type (
	ReadOptions     = nodeapi.ReadOptions
	StateRequest    = nodeapi.StateRequest
	PartyRequest    = nodeapi.PartyRequest
	TimelineRequest = nodeapi.TimelineRequest
	LineageRequest  = nodeapi.LineageRequest
	PersonRequest   = nodeapi.PersonRequest
	EventsRequest   = nodeapi.EventsRequest
	SourcesRequest  = nodeapi.SourcesRequest
	HistoryRequest  = nodeapi.HistoryRequest
	DiffRequest     = nodeapi.DiffRequest
	Source          = nodeapi.Source
	CorrectRequest  = nodeapi.CorrectRequest
	RetractRequest  = nodeapi.RetractRequest
	IngestRequest   = nodeapi.IngestRequest
	WriteDocument   = nodeapi.WriteDocument
	ErrorDocument   = nodeapi.ErrorDocument
	Candidate       = nodeapi.Candidate
)

// eventSource is the source of a correction or retraction as the record keeps it.
func eventSource(s Source) events.Source {
	return events.Source{Document: s.Document, Title: s.Title, URL: s.URL, Quote: s.Quote}
}

func candidates(list []events.EntitySummary) []Candidate {
	out := make([]Candidate, len(list))
	for i, e := range list {
		out[i] = Candidate{ID: e.ID, Kind: e.Kind, Names: e.Names}
	}
	return out
}

// ErrNotApplied is returned when a question's min_seq was not applied by the node within the wait.
var ErrNotApplied = nodeapi.ErrNotApplied

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
