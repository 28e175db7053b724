// Package recordtest helps test code that builds or rebuilds a record: Digest renders everything a
// store answers, so that two stores (one recorded, one replayed or imported) can be compared whole.
//
// Invariants:
//   - Two stores with the same Digest give the same answer to every query: the digest holds each
//     event's encoding and sequence, and the answer of every read method of events.Store for every
//     entity, name, fact and event id the store holds.
//
// WithRecorder builds a record the way the CLI keeps one (embedded NATS, bbolt) for tests that need
// a real one. The package is for tests only.
package recordtest

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// Digest returns a text, one line per answer, of everything the store holds: its last sequence; every
// event with its sequence and wire encoding, in sequence order; every entity with its kind and names;
// for each entity its events in historical order and its last sequence; for each name the entities it
// resolves to; for each fact and event id the sequence the store gives it; and for each event the
// events that supersede it. It returns the first error a read returns.
func Digest(ctx context.Context, s events.Store) (string, error) {
	var b strings.Builder
	last, err := s.LastSeq(ctx)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "last_seq %d\n", last)
	var ids []ulid.ULID
	var facts []events.FactID
	err = s.Scan(ctx, 1, func(st events.Stored) error {
		data, err := events.EncodeEvent(st.Event)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "event %d %s\n", st.Seq, data)
		ids = append(ids, st.Event.ID)
		facts = append(facts, st.Event.Fact.ID())
		return nil
	})
	if err != nil {
		return "", err
	}
	entities, err := s.Entities(ctx)
	if err != nil {
		return "", err
	}
	var names []string
	var entityIDs []events.EntityID
	for _, e := range entities {
		fmt.Fprintf(&b, "entity %s %s %q\n", e.ID, e.Kind, e.Names)
		names = append(names, e.Names...)
		names = append(names, string(e.ID))
		entityIDs = append(entityIDs, e.ID)
		evs, err := s.EntityEvents(ctx, e.ID)
		if err != nil {
			return "", err
		}
		for _, st := range evs {
			fmt.Fprintf(&b, "entity_event %s %d %s\n", e.ID, st.Seq, st.Event.ID)
		}
	}
	seqs, err := s.EntitySeqs(ctx, entityIDs)
	if err != nil {
		return "", err
	}
	for _, id := range entityIDs {
		fmt.Fprintf(&b, "entity_seq %s %d\n", id, seqs[id])
	}
	slices.Sort(names)
	for _, name := range slices.Compact(names) {
		got, err := s.Resolve(ctx, name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "resolve %q %v\n", name, got)
	}
	known, err := s.KnownFacts(ctx, facts)
	if err != nil {
		return "", err
	}
	for _, f := range facts {
		fmt.Fprintf(&b, "fact %s %d\n", f, known[f])
	}
	for _, id := range ids {
		st, err := s.Event(ctx, id)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "id %s %d\n", id, st.Seq)
	}
	by, err := s.SupersededBy(ctx, ids)
	if err != nil {
		return "", err
	}
	for _, id := range ids {
		if len(by[id]) > 0 {
			fmt.Fprintf(&b, "superseded %s %v\n", id, by[id])
		}
	}
	return b.String(), nil
}

// FirstDifference returns "" if a and b are equal, else the first line where they differ, from each.
func FirstDifference(a, b string) string {
	if a == b {
		return ""
	}
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(la), len(lb)) {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  %.300s\n  %.300s", i+1, x, y)
		}
	}
	return "they differ"
}
