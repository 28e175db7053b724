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
