// Package history is the read side of annals, the mirror of package record: it answers questions
// from a store (events.Reader) with typed results, for every reader (the query command, a server,
// the benchmark). It resolves names (with candidates when a name means none or several), folds the
// facts in force with package projections, and prints nothing.
//
// Invariants:
//   - An answer is about the record as it stood at Options.KnownAt (now when zero), less the facts a
//     rule drafted with Options.CuratedOnly, as if they were never recorded. That holds for the
//     directory too: an entity the record had learned nothing of by KnownAt is not listed, does not
//     resolve and is in no answer, and only the names recorded by then name it; before the first
//     event the record holds nothing.
//   - Entities a merge joins (entity.same_as/v1) are answered for as one, under their canonical id.
//   - An entity the store cannot read while naming another is an error of the answer, never a silent id.
//
// A Historian is safe for concurrent use.
package history
