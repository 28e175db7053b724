// Package events is the domain of annals: the historical facts it records, as immutable events.
//
// An Event is one cited fact about one entity (a party, a person, an organisation, a document): its
// type (a registered, versioned wire name such as "party.founded/v1"), the entity it is about, the
// historical Date it happened (EDTF, with the precision its source gives), the recorded time (when the
// record learned it), the Source with the exact quote that supports it, and a typed Payload.
//
// Invariants:
//   - Events are never changed after they are written. A correction is a new event.
//   - A Type is never edited once shipped: a new shape is a new version ("/v2") with an upcaster.
//   - Two clocks, never confused: Date is historical time and drives "as of" answers; Recorded (and the
//     time inside the ULID) is recorded time and drives "as known at" answers.
//   - A fact has an identity (FactID) derived from its content, independent of when it was recorded, so
//     that recording the same fact again is detected at any later time.
//
// One encoding: the wire encoding (EncodeEvent, DecodeEvent), JSON, which the log holds, exports carry
// and every reader from outside checks in full. How a store keeps events is the store's business (see
// boltstore); RestoreDate and Type.PayloadType let it rebuild events without parsing them again.
// The wire encoding and the canonical encoding a FactID digests are written and read without
// reflection (wire.go, and payload_json.go, generated from the registered payload types by a test that
// fails when a type changes without it), byte for byte as encoding/json writes them, so that no fact
// id and no message already in a log ever changes; the reflective encoders are kept in the tests as
// the reference, and the decoder falls back on encoding/json for anything but plain JSON.
//
// The package imports the standard library, ulid, and golang.org/x/text's Unicode normalisation (which
// Slug and NameKey fold names with) only: no I/O, no clock, no randomness of its own.
package events
