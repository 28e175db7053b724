package events

import "errors"

// ErrInvalid is returned when an input (a date, an event, a fact, an identifier) breaks the rules of
// its type. Errors wrapping it name the input and the rule it breaks.
var ErrInvalid = errors.New("invalid")

// ErrNotFound is returned when an event, an entity or a document asked for is not in the record.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when an append raced with another writer: the log already holds an event for
// the entity that the appender had not seen. The caller may reload and retry.
var ErrConflict = errors.New("conflict")

// ErrAmbiguous is returned when a name matches more than one entity.
var ErrAmbiguous = errors.New("ambiguous")

// ErrInUse is returned when the store is locked by another process (a running writer).
var ErrInUse = errors.New("in use")

// ErrDiverged is returned when the log and the store disagree in a way that writing would make worse:
// the log was lost, recreated or restored from an older copy, so the store holds events the log does
// not (or other events at the same sequences). Errors wrapping it say what to do.
var ErrDiverged = errors.New("diverged")

// ErrCorrupt is returned when stored data fails its integrity check: a record whose bytes do not
// match its checksum, an index that lost entries, or a file that is cut short or unreadable. Errors
// wrapping it name what is damaged and say how to rebuild it (`recorder replay`).
var ErrCorrupt = errors.New("corrupt")

// ErrOutdated is returned when a store was written by another version of annals, in a layout this
// version does not read. The store is a cache of the log: errors wrapping it say to rebuild it from
// the log (`recorder replay`).
var ErrOutdated = errors.New("outdated")
