package events

import (
	"context"
	"time"
)

// Answerer computes an entity's stored answers: what a fold answers about it on every day, encoded so
// that a reader can answer any day without folding (projections.StoredAnswers folds parties). A store
// that keeps answers calls it in the transaction that applies an event about or involving the entity,
// or a correction of one, and when an entity whose name the answers show is first named; it keeps
// nothing it did not get from the Answerer.
type Answerer interface {
	// Version names the fold and the encoding: answers built by another version are not read.
	Version() string
	// Keeps reports whether the Answerer keeps answers for entities of kind: the store reads the
	// events of no other entity for it.
	Keeps(kind Kind) bool
	// Answers returns the entity's answers from every event about or involving it (as
	// Store.EntityEvents returns them, corrections and retractions included) and the display name of
	// any entity (the first name the record gives it, or its id), and false when it keeps none for
	// this entity: the reader folds. It is pure and safe for concurrent use.
	Answers(id EntityID, kind Kind, evs []Event, names func(EntityID) string) ([]byte, bool)
}

// AnswerReader is a Reader that keeps stored answers (see Answerer). Implementations are safe for
// concurrent use.
type AnswerReader interface {
	// Answers calls fn with the stored answers of each entity of ids that has answers built by the
	// Answerer of that version, and with the recorded time after which they hold: the latest recorded
	// time of the events they rest on and of the names they show (an answer as the record stood at an
	// earlier time may differ). answers is valid only while fn runs. Entities without answers are not
	// passed to fn; a store whose answers are of another version passes none. With workers ≤ 1 fn
	// is called from the calling goroutine; with more it may be called concurrently, in no set order.
	// It returns the first error of fn or of a read.
	Answers(ctx context.Context, version string, ids []EntityID, workers int, fn func(id EntityID, answers []byte, since time.Time) error) error
	// AllAnswers calls fn with the entry of every entity of the kinds the Answerer of that version
	// keeps: its answers, or nil when the Answerer keeps none for it (fold it), and the recorded time
	// after which they hold. It returns false when the store cannot vouch for holding every such
	// entity: the caller lists the entities itself and drops what fn was given. With workers > 1 fn
	// may be called concurrently. answers is valid only while fn runs.
	AllAnswers(ctx context.Context, version string, workers int, fn func(id EntityID, answers []byte, since time.Time) error) (bool, error)
}

// EntityLookup is a store that reads what a question about one entity by its name needs in one read:
// the entities the name means (as Reader.Resolve finds them), sorted by id, each with its stored
// answers of the Answerer of version (as AnswerReader.Answers passes them; nil when it has none) and a
// function that reads its record (as Reader.Entity returns it). answers and record are valid only
// while fn runs. It returns the first error of fn or of the read.
type EntityLookup interface {
	Lookup(ctx context.Context, name, version string, fn func(id EntityID, answers []byte, since time.Time, record func() (EntitySummary, bool, error)) error) ([]EntityID, error)
}
