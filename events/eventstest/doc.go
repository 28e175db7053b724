// Package eventstest helps test code built on package events: it builds valid sample facts and events
// with deterministic identities (NewEvent, Named, Described, Founded, Stored), and holds the conformance
// suites that every events.Store implementation runs (TestStore) and every events.Log implementation or
// wrapper runs (TestLog), with MemoryLog, an events.Log in memory that keeps TestLog's contract.
//
// Invariants:
//   - The same fact recorded at the same millisecond is always the same event, byte for byte.
//   - TestStore's property test compares the store with an in-memory model that answers each query by
//     scanning every event it holds; its seed is logged, and -eventstest.seed replays it.
//
// It imports events, ulid and the standard library only. It is for tests: its functions fail the test
// they are given instead of returning errors, and must be called from the test's goroutine.
package eventstest
