package events

import (
	"context"

	"github.com/oklog/ulid/v2"
)

// Stored is an event at its position in the log: Seq is its stream sequence, 1 for the first event.
type Stored struct {
	Seq   uint64
	Event Event
	// FactID is Event's fact id when the reader has checked it (DecodeEventID returns it), so that a
	// store need not compute it again; empty when not known.
	FactID FactID
	// Err, when not nil, says why the log holds no event it can deliver at Seq: a message that does
	// not decode as an event (DecodeEventID refused it). Event is then zero but for Event.Entity, the
	// entity the log filed the message under (empty if none), and Raw holds the message's bytes. A
	// store quarantines such an entry (see Store.Apply).
	Err error
	Raw []byte
}

// Log is the durable, ordered history of the record (a JetStream stream). Implementations are safe for
// concurrent use.
type Log interface {
	// Append writes events and returns their sequences in the order given. Events of one entity are
	// written in the order given; events of different entities may be written concurrently, so their
	// relative order in the log is not fixed. Before the
	// first event of an entity is written, the last sequence of that entity's events in the log must be
	// expect[entity] (0: none); later events of the same entity chain on the earlier ones. If another
	// writer got in first, Append returns an error wrapping ErrConflict that names the entity; events
	// written before the conflict stay written and their sequences are returned. A retry of an event
	// the log already holds (the same fact id within the log's duplicate window) returns its original
	// sequence and writes nothing.
	Append(ctx context.Context, evs []Event, expect map[EntityID]uint64) ([]uint64, error)
	// Read calls fn with each event from sequence from (inclusive) up to the last sequence at the time
	// of the call, in order. It stops at the first error fn returns and returns it. A message that is
	// not an event does not stop it: fn gets a Stored with Err set (and the message's bytes in Raw).
	Read(ctx context.Context, from uint64, fn func(Stored) error) error
	// LastSeq returns the sequence of the last event in the log, 0 if it is empty.
	LastSeq(ctx context.Context) (uint64, error)
}

// EntitySummary describes an entity of the record: its id, kind and every name the record gives it.
type EntitySummary struct {
	ID    EntityID
	Kind  Kind
	Names []string
}

// ApplyResult counts what Store.Apply did with a batch.
type ApplyResult struct {
	Applied    int // events stored and indexed
	Duplicates int // events whose fact was already recorded: skipped, their sequence still consumed
	// Quarantined counts the entries set aside instead of applied (see Store.Apply): their sequence
	// is consumed too.
	Quarantined int
}

// Store is the queryable copy of the log (a bbolt file): every event applied exactly once, indexed by
// entity, historical date, fact identity, event id and name.
type Store interface {
	// LastSeq returns the sequence of the last event applied, 0 if none.
	LastSeq(ctx context.Context) (uint64, error)
	// Apply stores a batch of events, which must follow LastSeq without a gap, together with the new
	// LastSeq in one transaction: after a crash either the whole batch is applied or none of it. An event
	// whose fact is already recorded is counted as a duplicate and not stored again. A batch that does
	// not start at LastSeq+1 is refused with an error wrapping ErrConflict.
	//
	// One bad entry never blocks the record: Apply quarantines, instead of applying, an entry with Err
	// set (a message of the log that is not an event), an event whose id is already recorded with
	// another fact, and an event the store cannot hold (a store may have limits of its own, such as
	// bbolt's key size; an event within events' limits, which Fact.Validate checks, always fits). A
	// quarantined entry is recorded with its sequence, the reason and its bytes (see Quarantined),
	// counted in ApplyResult.Quarantined, and its sequence consumed; EntitySeqs counts it for the
	// entity the log filed it under, as it does a duplicate.
	Apply(ctx context.Context, batch []Stored) (ApplyResult, error)
	// Quarantined returns the entries Apply quarantined, in sequence order.
	Quarantined(ctx context.Context) ([]Quarantined, error)
	// KnownFacts returns, for each of the fact ids given that is recorded, the sequence of its event.
	KnownFacts(ctx context.Context, ids []FactID) (map[FactID]uint64, error)
	// EntitySeqs returns, for each entity given, the sequence of the last event about it (0: none).
	EntitySeqs(ctx context.Context, ids []EntityID) (map[EntityID]uint64, error)
	// Event returns the event with the given id, or an error wrapping ErrNotFound.
	Event(ctx context.Context, id ulid.ULID) (Stored, error)
	// EntityEvents returns the events about or involving an entity, in historical order (earliest day,
	// then latest day, then event id, which is the order the record learned them). A correction or
	// retraction is among the events of every entity whose events it supersedes. It returns an empty slice for an entity with no events.
	EntityEvents(ctx context.Context, id EntityID) ([]Stored, error)
	// Entities returns every entity of the record, sorted by id.
	Entities(ctx context.Context) ([]EntitySummary, error)
	// Resolve returns the entities known by a name or an id, compared case-insensitively with white
	// space folded, sorted by id. It returns an empty slice when nothing matches.
	Resolve(ctx context.Context, name string) ([]EntityID, error)
	// SupersededBy returns, for each of the event ids given that a later event supersedes (corrects
	// or retracts), the ids of the events that supersede it, in the order the record learned them.
	SupersededBy(ctx context.Context, ids []ulid.ULID) (map[ulid.ULID][]ulid.ULID, error)
	// Scan calls fn with each applied event from sequence from (inclusive), in sequence order.
	Scan(ctx context.Context, from uint64, fn func(Stored) error) error
	// Close releases the store.
	Close() error
}

// Reader is what the read side (package history) asks of a store: the reads of Store, and those
// that answer for many entities at once. Implementations are safe for concurrent use.
type Reader interface {
	// LastSeq returns the sequence of the last event applied, 0 if none.
	LastSeq(ctx context.Context) (uint64, error)
	// Event returns the event with the given id, or an error wrapping ErrNotFound.
	Event(ctx context.Context, id ulid.ULID) (Stored, error)
	// EntityEvents returns the events about or involving an entity, in historical order, as
	// Store.EntityEvents does; an empty slice for an entity with no events.
	EntityEvents(ctx context.Context, id EntityID) ([]Stored, error)
	// EachEntityEvents calls fn with the events of each entity in ids, as EntityEvents returns them.
	// With workers ≤ 1 it calls fn in the order of ids, from the calling goroutine; with more it may
	// call fn concurrently, in no set order, and fn must be safe for that. It returns the first error
	// of fn or of a read, after which no new entity is read.
	EachEntityEvents(ctx context.Context, ids []EntityID, workers int, fn func(EntityID, []Stored) error) error
	// Entity returns one entity of the record, and false if the record holds none with that id.
	Entity(ctx context.Context, id EntityID) (EntitySummary, bool, error)
	// Entities returns every entity of the record, sorted by id.
	Entities(ctx context.Context) ([]EntitySummary, error)
	// Resolve returns the entities known by a name or an id, as Store.Resolve does.
	Resolve(ctx context.Context, name string) ([]EntityID, error)
	// SupersededBy returns, for each of the event ids given that a later event supersedes, the ids of
	// the events that supersede it, in the order the record learned them.
	SupersededBy(ctx context.Context, ids []ulid.ULID) (map[ulid.ULID][]ulid.ULID, error)
	// Scan calls fn with each applied event from sequence from (inclusive), in sequence order.
	Scan(ctx context.Context, from uint64, fn func(Stored) error) error
	// Unfounded returns the parties that certainly did not exist yet on day, as the record stands
	// now (every correction applied): each has dated founding claims (see Founds), none of them
	// superseded, and the earliest begins after day. Every other party may exist on day. It answers
	// for the record as it is, not as it was known at an earlier time. A store that cannot answer
	// (it keeps no such index) returns an error wrapping ErrNotFound: the caller reads every party.
	Unfounded(ctx context.Context, day Day) (map[EntityID]bool, error)
}
