// Package node runs a long-lived annals node: it follows the stream (the log) into its own store,
// answers the questions of the read side (package history) as the JSON documents `query --json`
// prints, and takes writes through the write side (package record), for the NATS service (natsapi)
// and the HTTP API (httpapi) alike.
//
// Invariants:
//   - The node's store is only ever written through record.Recorder (CatchUp, Record, Ingest), one
//     write at a time: every event is applied exactly once, in sequence order, as the CLI applies it.
//   - A write publishes through the log with the fact id as message id and the expected last sequence
//     of its entity's subjects, as the CLI does: nodes sharing a stream never double or lose a fact.
//   - An answer is about the record as the node's store holds it when the question arrives (or, with
//     min_seq, once it holds that sequence); AppliedSeq says how far that is.
//   - A cancelled Run finishes the batch it applies (each is one transaction) and returns; the caller
//     then closes the store.
//
// A Node is safe for concurrent use.
package node
