// Package boltstore is the queryable copy of the record in a bbolt file.
//
// Invariants:
//   - Events are appended, never changed or deleted: the events bucket maps a stream sequence to the
//     event's compact record (AppendCompact, codec.go), which encodes back to the wire encoding the
//     log holds, byte for byte.
//   - The store is a cache of the log, in this build's layout only: its schema fingerprint (schema.go)
//     covers the encodings, the buckets and every payload's fields in order. A store of another
//     layout is refused (events.ErrOutdated) and rebuilt from the log by `recorder replay`; there are
//     no migrations and no readers of older layouts.
//   - The sequence of the last applied event is committed in the same transaction as the events it
//     covers, so a crash leaves every event applied exactly once: the next run resumes after it.
//   - Every index (entity by historical date, fact identity, event id, name, entity) is written in the
//     transaction that stores its event, so indexes never disagree with the events.
//   - Stored answers are never stale: the transaction that adds to an entity's events (or first names
//     an entity its answers show) rebuilds them, or, for a writer without the fold or one that defers
//     them to a build at the end of a replay or a large record (BuildAnswers), deletes them.
//
// Layout (bucket: key → value):
//
//	meta:       "last_seq" → uint64 big-endian
//	events:     seq (8 bytes) → the event's compact record
//	ids:        ULID (16 bytes) → seq
//	facts:      fact id → seq
//	duplicates: seq → fact id of an event skipped because its fact was already recorded
//	by_entity:  entity 0x00 earliest day (4) latest day (4) ULID (16) → role ('s' subject, 'i' involved),
//	            seq (8), the event's compact record (a copy: an entity's events are one pass over the
//	            index)
//	entity_seq: entity → seq of the last event whose subject it is, a skipped duplicate included (the
//	            log holds it on the entity's subjects, so a writer appending must expect its sequence)
//	names:      folded name (events.NameKey) 0x00 entity → nil, for every entity's id and names
//	entities:   entity → its kind, its names and when it was first named (entity.go)
//	superseded: superseded ULID (16) superseding ULID (16) → nil
//	quarantine: seq → JSON {entity, reason, size, raw}: an entry of the stream set aside, not applied
//	            (not an event, or one the store cannot hold); its sequence is consumed (see integrity.go)
//	meta:       "stream_identity" → JSON {created, first_seq} of the stream the store follows
//	lifetimes, founded_from: the lifetime index (see lifetime.go)
//	meta:       "schema" → the schema fingerprint (schema.go)
//	counts, entity_counts: what the store holds, counted (checksum.go)
//	answers:    entity → the answers of the fold the store was opened with (Options.Answers), rebuilt
//	            in the transaction that changes the entity's events (see answers.go)
//	meta:       "answers" → their version; "answers_complete" → present while every entity the
//	            fold keeps answers for has its entry
//
// A correction or retraction is also indexed in by_entity (role 'c') under the entity of every event
// it supersedes, so that an entity's events always include what corrected them.
package boltstore
