// Package nodeapi is the wire of a node (recorder serve): the requests its NATS service and HTTP API
// take, the documents its writes and errors answer with, the sentinel errors, and a client (Ask) that
// sends a request to the nodes of a record over NATS. It does no work of a node itself, so that a
// program that only asks (recorder --server) does not link the node. The requests, documents and
// sentinels are those of package wire, which asks without linking the NATS client (query --server).
package nodeapi

import "annals/nodeapi/wire"

// The service's names, as package natsapi registers them.
const (
	// DefaultPrefix is the prefix of the service's subjects: "<prefix>.<endpoint>".
	DefaultPrefix = wire.DefaultPrefix
	// ServiceTimeout is the service's deadline for one request (natsapi.DefaultTimeout).
	ServiceTimeout = wire.ServiceTimeout
	// HeaderAppliedSeq is the header of every answer that says how far the answering node's store is.
	HeaderAppliedSeq = wire.HeaderAppliedSeq
)

// The sentinel errors of package wire.
var (
	// ErrNotApplied is returned when a question's min_seq was not applied by the node within the wait.
	ErrNotApplied = wire.ErrNotApplied
	// ErrReadOnly is returned by a write to a node that takes no writes (recorder serve --read-only).
	ErrReadOnly = wire.ErrReadOnly
	// ErrNotPermitted is returned when the node's NATS user may not publish what a write needs.
	ErrNotPermitted = wire.ErrNotPermitted
	// ErrTooLarge is returned (code 413) when an answer is larger than the NATS server lets a message be.
	ErrTooLarge = wire.ErrTooLarge
	// ErrNoNode is returned when no node serves the endpoint asked: no `recorder serve` is connected
	// to the NATS server, or (for a write) every node is read-only.
	ErrNoNode = wire.ErrNoNode
)

// The requests and documents of package wire.
type (
	ReadOptions     = wire.ReadOptions     // what every question may add
	StateRequest    = wire.StateRequest    // every party on a day, or one, or during a period
	PartyRequest    = wire.PartyRequest    // everything about one party
	TimelineRequest = wire.TimelineRequest // a party's events in historical order
	LineageRequest  = wire.LineageRequest  // a party's predecessors and successors
	PersonRequest   = wire.PersonRequest   // a person's roles
	EventsRequest   = wire.EventsRequest   // the raw events
	SourcesRequest  = wire.SourcesRequest  // the facts drawn from one document
	HistoryRequest  = wire.HistoryRequest  // how the record of a party changed
	DiffRequest     = wire.DiffRequest     // what changed between two days
	Source          = wire.Source          // the source of a write
	CorrectRequest  = wire.CorrectRequest  // a correction
	RetractRequest  = wire.RetractRequest  // a retraction
	IngestRequest   = wire.IngestRequest   // a document and its facts
	WriteDocument   = wire.WriteDocument   // the answer of a write
	ErrorDocument   = wire.ErrorDocument   // the answer of a request that failed
	Candidate       = wire.Candidate       // an entity a name may have meant
)
