package eventstest

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"testing"
	"time"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// BaseMS is a recorded time (milliseconds since the Unix epoch, 2023-11-14T22:13:20Z) that tests may
// count from when they need event ids that increase.
const BaseMS uint64 = 1_700_000_000_000

// NewEvent records f as an event recorded at ms milliseconds after the Unix epoch. The event id is a
// ULID whose time is ms and whose entropy is derived from f's fact id and ms, so the same fact and ms
// always give the same event, and ids of events recorded at increasing ms increase. It fails t at once
// (t.Fatalf) if f is not a valid fact, so it must be called from the test's goroutine.
func NewEvent(t testing.TB, f events.Fact, ms uint64) events.Event {
	t.Helper()
	e, err := newEvent(f, ms)
	if err != nil {
		t.Fatalf("NewEvent(%s about %s, %d) = %v", f.Type, f.Entity, ms, err)
	}
	return e
}

func newEvent(f events.Fact, ms uint64) (events.Event, error) {
	if err := f.Validate(); err != nil {
		return events.Event{}, err
	}
	seed := append([]byte(f.ID()), binary.BigEndian.AppendUint64(nil, ms)...)
	sum := sha256.Sum256(seed)
	var id ulid.ULID
	if err := id.SetTime(ms); err != nil {
		return events.Event{}, fmt.Errorf("event id time %d: %w", ms, err)
	}
	if err := id.SetEntropy(sum[:10]); err != nil {
		return events.Event{}, fmt.Errorf("event id entropy: %w", err)
	}
	return events.NewEvent(f, id, time.UnixMilli(int64(ms)))
}

// Stored numbers evs with consecutive sequences from first, as a log would deliver them.
func Stored(first uint64, evs ...events.Event) []events.Stored {
	out := make([]events.Stored, len(evs))
	for i, e := range evs {
		out[i] = events.Stored{Seq: first + uint64(i), Event: e}
	}
	return out
}

// source is the source of the sample facts: an external work with a URL and a quote.
func source(quote string) events.Source {
	return events.Source{Title: "A test history of Cambodian parties", URL: "https://example.org/history", Quote: quote}
}

// Named returns an entity.named/v1 fact: entity id, of the given kind, is known by name (an alternate
// name) from the historical date given in EDTF. It panics if date does not parse.
func Named(id events.EntityID, kind events.Kind, name, date string) events.Fact {
	return events.Fact{
		Type:    events.TypeEntityNamed,
		Entity:  id,
		Date:    events.MustParseDate(date),
		Source:  source("known as " + name),
		Payload: events.EntityNamed{Kind: kind, Name: name, NameType: events.NameAlternate},
	}
}

// Described returns an entity.described/v1 fact: a description of entity id, dated in EDTF, naming the
// entities involved. It panics if date does not parse.
func Described(id events.EntityID, value, date string, involves ...events.EntityID) events.Fact {
	return events.Fact{
		Type:    events.TypeEntityDescribed,
		Entity:  id,
		Date:    events.MustParseDate(date),
		Source:  source(value),
		Payload: events.EntityDescribed{Attribute: "description", Value: value, Involves: involves},
	}
}

// Founded returns a party.founded/v1 fact: party id was founded under name by the founders given, on
// the EDTF date. It panics if date does not parse.
func Founded(id events.EntityID, name, date string, founders ...events.EntityID) events.Fact {
	return events.Fact{
		Type:    events.TypePartyFounded,
		Entity:  id,
		Date:    events.MustParseDate(date),
		Source:  source(name + " was founded"),
		Payload: events.PartyFounded{Name: name, Founders: founders},
	}
}

// Encode returns the wire encoding of e (events.EncodeEvent), failing t if it does not encode.
func Encode(t testing.TB, e events.Event) []byte {
	t.Helper()
	data, err := events.EncodeEvent(e)
	if err != nil {
		t.Fatalf("EncodeEvent(%s) = %v", e.ID, err)
	}
	return data
}
