// Package jetlog is the log of the record: an events.Log over one NATS JetStream stream.
//
// Invariants:
//   - The stream keeps every event for ever: file storage, no limits, deletes and purges denied.
//   - Each event goes to the subject "<prefix>.<entity>.<type tokens>", with the event's fact id as its
//     Nats-Msg-Id (a retry within the duplicate window is not written twice) and the expected last
//     sequence of its entity's subjects ("<prefix>.<entity>.>"), so two writers never interleave an
//     entity's history blindly: the second gets events.ErrConflict naming the event it raced with. A
//     retry made with the expectation of a first attempt that was written gets that attempt's sequence.
//   - Events go in atomic batches (nats-server 2.12 and later; up to 1,000 events): a batch is written
//     whole, in the order given, contiguously, with one sync to disk for all of it, or not at all.
//     Every event of a batch carries its entity's expected last sequence from before the batch.
//   - A batch the server refuses (another writer got in first, a duplicate) is written again event by
//     event: each entity's events in order, each only after the previous one is acknowledged, the
//     entities concurrently. That writes what can be written and reports each conflict. A conflict on
//     one entity does not stop the others.
//   - Every request has a deadline (Config.RequestTimeout). The transient errors of a cluster electing
//     a leader or regaining its quorum (no responders, no leader, timeouts) are retried with backoff for
//     up to Config.RetryFor, then fail with ErrUnavailable; any other error fails at once; every wait
//     ends as soon as the context does. A retried publish carries the same message id and expectation
//     as the first attempt, so an event is never written twice: the retry of an attempt that was written
//     is answered with that attempt's sequence.
//   - Open refuses a server older than MinServerVersion (ErrServerVersion).
package jetlog
