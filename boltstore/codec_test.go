package boltstore

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// compactSamples returns one event of every registered type (events.Examples), with corrections,
// notes, external sources, Khmer text, drafted facts, and recorded times with and without nanoseconds.
func compactSamples(t testing.TB) []events.Event {
	t.Helper()
	var out []events.Event
	for i, f := range events.Examples() {
		recorded := time.Date(2024, 5, 6, 7, 8, 9, i*1_000_123, time.UTC)
		switch i % 4 {
		case 1:
			f.Note = "the curator's note: គណបក្សសង្គ្រោះជាតិ"
		case 2:
			if f.Type != events.TypeRecordRetracted {
				f.Supersedes = []ulid.ULID{ulid.MustNew(1, bytes.NewReader(bytes.Repeat([]byte{7}, 16))), ulid.MustNew(2, bytes.NewReader(bytes.Repeat([]byte{9}, 16)))}
				f.Reason = "the source misread the year"
			}
			f.Source = events.Source{Title: "A later history", URL: "https://example.org/history?p=1&q=2", Quote: "founded in 2012 <sic>"}
		case 3:
			f.Date = events.MustParseDate("1984?/2004~")
			f.Method, f.Rule = events.MethodDrafted, "founded-on"
		}
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(recorded), bytes.NewReader(bytes.Repeat([]byte{byte(i)}, 16))), recorded)
		if err != nil {
			t.Fatalf("sample %d (%s): %v", i, f.Type, err)
		}
		out = append(out, e)
	}
	return out
}

// wire returns the wire encoding of e: the compact encoding holds exactly what it holds.
func wire(t testing.TB, e events.Event) []byte {
	t.Helper()
	data, err := events.EncodeEvent(e)
	if err != nil {
		t.Fatalf("EncodeEvent(%s): %v", e.ID, err)
	}
	return data
}

func TestCompactRoundTrip(t *testing.T) {
	for _, e := range compactSamples(t) {
		t.Run(string(e.Type), func(t *testing.T) {
			data, err := AppendCompact([]byte("prefix"), e)
			if err != nil {
				t.Fatal(err)
			}
			if string(data[:6]) != "prefix" {
				t.Fatalf("AppendCompact did not append: %q", data[:6])
			}
			data = data[6:]
			got, err := DecodeCompact(data)
			if err != nil {
				t.Fatalf("DecodeCompact: %v", err)
			}
			want := wire(t, e)
			if enc := wire(t, got); !bytes.Equal(enc, want) {
				t.Fatalf("EncodeEvent after the compact round trip:\n%s\nwant\n%s", enc, want)
			}
			if got.Date != e.Date || !got.Recorded.Equal(e.Recorded) || got.Recorded.Location() != time.UTC || got.Fact.ID() != e.Fact.ID() {
				t.Fatalf("round trip changed the date, the recorded time or the fact id:\n%+v\n%+v", e, got)
			}
			if len(data) >= len(want) {
				t.Errorf("compact record is %d bytes, the wire encoding %d: not compact", len(data), len(want))
			}
		})
	}
}

// TestCompactNilAndEmptyLists checks that a nil list and an empty one stay apart: JSON writes the
// first as null and the second as [], so a store must give back the one it was given.
func TestCompactNilAndEmptyLists(t *testing.T) {
	for _, members := range [][]events.EntityID{nil, {}} {
		e := events.Event{ID: ulid.MustNew(1, bytes.NewReader(make([]byte, 16))), Recorded: time.Unix(1, 0).UTC(),
			Fact: events.Fact{Type: events.TypePartyMerged, Entity: "x", Date: events.MustParseDate("1990"), Source: events.Source{Document: "d", Quote: "q"},
				Payload: events.PartyMerged{Members: members}}}
		data, err := AppendCompact(nil, e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeCompact(data)
		if err != nil {
			t.Fatal(err)
		}
		m := got.Payload.(events.PartyMerged).Members
		if (m == nil) != (members == nil) || len(m) != len(members) {
			t.Errorf("members %#v came back as %#v", members, m)
		}
	}
}

func TestCompactRefusesMalformed(t *testing.T) {
	e := compactSamples(t)[5]
	data, err := AppendCompact(nil, e)
	if err != nil {
		t.Fatal(err)
	}
	unregistered := e
	unregistered.Type = "party.founded/v9"
	if _, err := AppendCompact(nil, unregistered); !errors.Is(err, events.ErrInvalid) {
		t.Errorf("AppendCompact of an unregistered type = %v, want ErrInvalid", err)
	}
	mismatched := e
	mismatched.Payload = events.PartyRenamed{From: "a", To: "b"}
	if mismatched.Type != events.TypePartyRenamed {
		if _, err := AppendCompact(nil, mismatched); !errors.Is(err, events.ErrInvalid) {
			t.Errorf("AppendCompact of a %T under %s = %v, want ErrInvalid", mismatched.Payload, mismatched.Type, err)
		}
	}
	tests := map[string][]byte{
		"empty":         nil,
		"json":          []byte(`{"id":"x"}`),
		"version only":  {compactVersion},
		"other version": append([]byte{compactVersion + 1}, data[1:]...),
		"trailing byte": append(append([]byte{}, data...), 0),
	}
	for cut := 1; cut < len(data); cut += 7 {
		tests[fmt.Sprintf("truncated to %d of %d bytes", cut, len(data))] = data[:cut]
	}
	for name, b := range tests {
		if got, err := DecodeCompact(b); err == nil || !errors.Is(err, events.ErrInvalid) {
			t.Errorf("%s: DecodeCompact = %+v, %v; want an error wrapping ErrInvalid", name, got, err)
		}
	}
}

func FuzzDecodeCompact(f *testing.F) {
	for _, e := range compactSamples(f) {
		data, err := AppendCompact(nil, e)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := DecodeCompact(data)
		if err != nil {
			if !errors.Is(err, events.ErrInvalid) {
				t.Fatalf("DecodeCompact(%q) error %v does not wrap ErrInvalid", data, err)
			}
			return
		}
		// Whatever decodes encodes again and decodes to the same event.
		again, err := AppendCompact(nil, e)
		if err != nil {
			t.Fatalf("AppendCompact(DecodeCompact(%q)): %v", data, err)
		}
		e2, err := DecodeCompact(again)
		if err != nil {
			t.Fatalf("DecodeCompact(AppendCompact(DecodeCompact(%q))): %v", data, err)
		}
		if e.ID != e2.ID || e.Type != e2.Type || e.Entity != e2.Entity || e.Date != e2.Date || e.Source != e2.Source || !e.Recorded.Equal(e2.Recorded) {
			t.Fatalf("compact re-encoding of %q changed the event:\n%+v\n%+v", data, e, e2)
		}
	})
}

// FuzzWireToCompact checks that every event the wire decoder accepts survives the compact encoding a
// store keeps, to the byte.
func FuzzWireToCompact(f *testing.F) {
	for _, e := range compactSamples(f) {
		f.Add(wire(f, e))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := events.DecodeEvent(data)
		if err != nil {
			return
		}
		compact, err := AppendCompact(nil, e)
		if err != nil {
			t.Fatalf("AppendCompact(DecodeEvent(%q)): %v", data, err)
		}
		got, err := DecodeCompact(compact)
		if err != nil {
			t.Fatalf("DecodeCompact(AppendCompact(DecodeEvent(%q))): %v", data, err)
		}
		if a, b := wire(t, e), wire(t, got); !bytes.Equal(a, b) {
			t.Fatalf("DecodeEvent(%q) and its compact round trip encode differently:\n%s\n%s", data, a, b)
		}
	})
}

// BenchmarkDecodeCompact measures decoding one event from the compact encoding (every read of the
// store), beside the wire encoding's checked decoder for scale.
func BenchmarkDecodeCompact(b *testing.B) {
	e := compactSamples(b)[0]
	compact, err := AppendCompact(nil, e)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(compact)))
	for b.Loop() {
		if _, err := DecodeCompact(compact); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendCompact measures the compact encoding of one event (every apply).
func BenchmarkAppendCompact(b *testing.B) {
	e := compactSamples(b)[0]
	buf := make([]byte, 0, 512)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if buf, err = AppendCompact(buf[:0], e); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEveryPayloadCompacts checks that every registered payload type holds only the kinds of values
// the compact encoding writes (appendValue panics on any other), all of them exported as JSON keeps
// them.
func TestEveryPayloadCompacts(t *testing.T) {
	var check func(path string, typ reflect.Type)
	check = func(path string, typ reflect.Type) {
		switch typ.Kind() {
		case reflect.Struct:
			for i := range typ.NumField() {
				f := typ.Field(i)
				if !f.IsExported() {
					t.Errorf("%s.%s is unexported: JSON would not keep it", path, f.Name)
					continue
				}
				check(path+"."+f.Name, f.Type)
			}
		case reflect.String, reflect.Int, reflect.Int64, reflect.Int32, reflect.Bool:
		case reflect.Slice:
			check(path+"[]", typ.Elem())
		default:
			t.Errorf("%s is a %s, which the compact encoding does not write", path, typ.Kind())
		}
	}
	for _, typ := range events.Types() {
		check(string(typ), typ.PayloadType())
	}
}
