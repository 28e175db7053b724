// Package jetlog is the log of the record: an events.Log over one NATS JetStream stream.
//
// Invariants:
//   - The stream keeps every event for ever: file storage, no limits, deletes and purges denied.
//   - Each event goes to the subject "<prefix>.<entity>.<type tokens>", with the event's fact id as its
//     Nats-Msg-Id (a retry within the duplicate window is not written twice) and the expected last
//     sequence of its entity's subjects ("<prefix>.<entity>.>"), so two writers never interleave an
//     entity's history blindly: the second gets events.ErrConflict naming the event it raced with. A
//     retry made with the expectation of a first attempt that was written gets that attempt's sequence.
//   - Events of one entity are written in the order given, each only after the previous one is
//     acknowledged; events of different entities are written concurrently (pipelined). A conflict on
//     one entity does not stop the others.
package jetlog
