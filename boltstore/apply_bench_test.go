package boltstore

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

// benchStored returns n stored events from seq first, spread over parties entities, each quoting a
// distinct sentence.
func benchStored(b *testing.B, first uint64, n, parties int) []events.Stored {
	b.Helper()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]events.Stored, 0, n)
	for i := range n {
		seq := first + uint64(i)
		f := events.Fact{Type: events.TypeLeaderTookOffice, Entity: events.EntityID(fmt.Sprintf("party-%06d", int(seq)%parties)),
			Date:    events.MustParseDate(fmt.Sprintf("%04d-%02d", 1900+int(seq)%120, 1+int(seq)%12)),
			Source:  events.Source{Document: "volume-00001.txt", Quote: fmt.Sprintf("sentence %d", seq)},
			Payload: events.LeaderTookOffice{Office: events.Office{Person: events.EntityID(fmt.Sprintf("person-%d", seq)), Role: "leader"}}}
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(now), ulid.DefaultEntropy()), now)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, events.Stored{Seq: seq, Event: e})
	}
	return out
}

// BenchmarkApply measures applying one batch of 1,024 events (each indexed) in one transaction.
func BenchmarkApply(b *testing.B) {
	const batch = 1024
	s, err := Open(filepath.Join(b.TempDir(), "annals.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	next := uint64(1)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		evs := benchStored(b, next, batch, 1000)
		b.StartTimer()
		if _, err := s.Apply(ctx, evs); err != nil {
			b.Fatal(err)
		}
		next += batch
	}
	b.ReportMetric(float64(batch*b.N)/b.Elapsed().Seconds(), "events/s")
}

// benchStore returns a store of 20,000 events over 2,000 parties, closed when the benchmark ends.
func benchStore(b *testing.B) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "annals.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	for start := uint64(1); start <= 20000; start += 1000 {
		if _, err := s.Apply(context.Background(), benchStored(b, start, 1000, 2000)); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkEntityEvents measures reading and decoding the events of one party (about ten) from a
// store of 20,000 events.
func BenchmarkEntityEvents(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		evs, err := s.EntityEvents(ctx, events.EntityID(fmt.Sprintf("party-%06d", i%2000)))
		if err != nil || len(evs) == 0 {
			b.Fatalf("EntityEvents = %d events, %v", len(evs), err)
		}
		i++
	}
}

// BenchmarkPartyState measures what `query state --party` does after it has resolved the party: read
// its events (about ten, from a store of 20,000), keep those in force, and fold them as of a day.
func BenchmarkPartyState(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	day := events.DayOf(1960, 6, 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		id := events.EntityID(fmt.Sprintf("party-%06d", i%2000))
		stored, err := s.EntityEvents(ctx, id)
		if err != nil || len(stored) == 0 {
			b.Fatalf("EntityEvents = %d events, %v", len(stored), err)
		}
		evs := make([]events.Event, len(stored))
		for j, st := range stored {
			evs[j] = st.Event
		}
		_ = projections.Party(id, projections.Effective(evs, time.Time{}), day, nil)
		i++
	}
}
