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

// BenchmarkEncodeEvent measures the wire encoding of one event (the apply and publish paths), against
// the reflective encoder it replaced (reflect: the baseline).
func BenchmarkEncodeEvent(b *testing.B) {
	e := benchEvent(b)
	for _, c := range []struct {
		name   string
		encode func(events.Event) ([]byte, error)
	}{{"reflect", events.RefEncodeEvent}, {"fast", events.EncodeEvent}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.encode(e); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFactID measures computing a fact's id (its canonical encoding and its digest), against the
// reflective encoder it replaced (reflect: the baseline).
func BenchmarkFactID(b *testing.B) {
	f := benchEvent(b).Fact
	for _, c := range []struct {
		name string
		id   func(events.Fact) events.FactID
	}{{"reflect", events.RefFactID}, {"fast", events.Fact.ID}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if c.id(f) == "" {
					b.Fatal("no id")
				}
			}
		})
	}
}

// BenchmarkDecodeEventID measures decoding one event from the log with every check (DecodeEventID,
// the read path of replay), against the reflective decoder it replaced (reflect: the baseline).
func BenchmarkDecodeEventID(b *testing.B) {
	wire, err := events.EncodeEvent(benchEvent(b))
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		decode func([]byte) (events.Event, events.FactID, error)
	}{{"reflect", events.RefDecodeEventID}, {"fast", events.DecodeEventID}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(wire)))
			for b.Loop() {
				if _, _, err := c.decode(wire); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode measures decoding one event from the wire encoding, with every check (DecodeEvent:
// every read of the log from outside) and without them (DecodeChecked: a read-back of what this
// process checked). boltstore measures its own encoding.
func BenchmarkDecode(b *testing.B) {
	e := benchEvent(b)
	wire, err := events.EncodeEvent(e)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		data   []byte
		decode func([]byte) (events.Event, error)
	}{
		{"DecodeEvent", wire, events.DecodeEvent},
		{"DecodeChecked", wire, events.DecodeChecked},
		{"DecodeChecked/reflect", wire, events.RefDecodeChecked},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := c.decode(c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
