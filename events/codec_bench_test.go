package events_test

import (
	"fmt"
	"testing"
	"time"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

func benchEvent(b *testing.B) events.Event {
	b.Helper()
	f := events.Fact{Type: events.TypeLeaderTookOffice, Entity: "party-000042", Date: events.MustParseDate("1975-04"),
		Source:  events.Source{Document: "volume-00003.txt", Quote: fmt.Sprintf("person-%06d-1 became leader of party %d in 1975-04.", 42, 42)},
		Payload: events.LeaderTookOffice{Office: events.Office{Person: "person-000042-1", Role: "leader"}}}
	e, err := events.NewEvent(f, ulid.MustNew(ulid.Now(), ulid.DefaultEntropy()), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkEncodeEvent measures the wire encoding of one event (the apply and publish paths).
func BenchmarkEncodeEvent(b *testing.B) {
	e := benchEvent(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := events.EncodeEvent(e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeEvent measures decoding and checking one event (every read of the store or the log).
func BenchmarkDecodeEvent(b *testing.B) {
	data, err := events.EncodeEvent(benchEvent(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := events.DecodeEvent(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeChecked measures decoding a stored event whose bytes were checked when stored (every
// read of the store).
func BenchmarkDecodeChecked(b *testing.B) {
	data, err := events.EncodeEvent(benchEvent(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := events.DecodeChecked(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeCompact measures decoding a stored event from the compact encoding the store keeps.
func BenchmarkDecodeCompact(b *testing.B) {
	data, err := events.AppendCompact(nil, benchEvent(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := events.DecodeCompact(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendCompact measures the compact encoding of one event (every apply).
func BenchmarkAppendCompact(b *testing.B) {
	e := benchEvent(b)
	buf := make([]byte, 0, 512)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if buf, err = events.AppendCompact(buf[:0], e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFactID measures the content digest of a fact (dedup and every decode).
func BenchmarkFactID(b *testing.B) {
	e := benchEvent(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Fact.ID()
	}
}
