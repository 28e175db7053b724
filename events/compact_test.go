package events

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
)

// compactSamples returns one event of every sample payload, with corrections, notes, external
// sources, Khmer text, nil and empty lists, and recorded times with and without nanoseconds.
func compactSamples(t testing.TB) []Event {
	t.Helper()
	var out []Event
	for i, p := range samplePayloads() {
		f := sampleFact(p)
		recorded := time.Date(2024, 5, 6, 7, 8, 9, i*1_000_123, time.UTC)
		switch i % 4 {
		case 1:
			f.Note = "the curator's note: " + khmerName
		case 2:
			f.Supersedes = []ulid.ULID{ulid.MustNew(1, bytes.NewReader(bytes.Repeat([]byte{7}, 16))), ulid.MustNew(2, bytes.NewReader(bytes.Repeat([]byte{9}, 16)))}
			f.Reason = "the source misread the year"
			f.Source = Source{Title: "A later history", URL: "https://example.org/history?p=1&q=2", Quote: "founded in 2012 <sic>"}
		case 3:
			f.Date = MustParseDate("1984?/2004~")
			f.Method, f.Rule = MethodDrafted, "founded-on"
		}
		e, err := NewEvent(f, ulid.MustNew(ulid.Timestamp(recorded), bytes.NewReader(bytes.Repeat([]byte{byte(i)}, 16))), recorded)
		if err != nil {
			t.Fatalf("sample %d (%T): %v", i, p, err)
		}
		out = append(out, e)
	}
	return out
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
			if !IsCompact(data) {
				t.Fatalf("IsCompact(%q) = false", data)
			}
			got, err := DecodeCompact(data)
			if err != nil {
				t.Fatalf("DecodeCompact: %v", err)
			}
			if diff := sameEvent(e, got); diff != "" {
				t.Fatalf("round trip differs in %s:\n%+v\n%+v", diff, e, got)
			}
			want, _ := EncodeEvent(e)
			enc, err := EncodeEvent(got)
			if err != nil || !bytes.Equal(enc, want) {
				t.Fatalf("EncodeEvent after the compact round trip:\n%s\nwant\n%s (%v)", enc, want, err)
			}
			wire, _ := EncodeEvent(e)
			if len(data) >= len(wire) {
				t.Errorf("compact record is %d bytes, the wire encoding %d: not compact", len(data), len(wire))
			}
		})
	}
}

// TestCompactNilAndEmptyLists checks that a nil list and an empty one stay apart: JSON writes the
// first as null and the second as [], so a store must give back the one it was given.
func TestCompactNilAndEmptyLists(t *testing.T) {
	for _, members := range [][]EntityID{nil, {}} {
		e := Event{ID: ulid.MustNew(1, bytes.NewReader(make([]byte, 16))), Recorded: time.Unix(1, 0).UTC(),
			Fact: Fact{Type: TypePartyMerged, Entity: "x", Date: MustParseDate("1990"), Source: Source{Document: "d", Quote: "q"},
				Payload: PartyMerged{Members: members}}}
		data, err := AppendCompact(nil, e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeCompact(data)
		if err != nil {
			t.Fatal(err)
		}
		m := got.Payload.(PartyMerged).Members
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
	if _, err := AppendCompact(nil, unregistered); !errors.Is(err, ErrInvalid) {
		t.Errorf("AppendCompact of an unregistered type = %v, want ErrInvalid", err)
	}
	mismatched := e
	mismatched.Payload = PartyRenamed{From: "a", To: "b"}
	if mismatched.Type != TypePartyRenamed {
		if _, err := AppendCompact(nil, mismatched); !errors.Is(err, ErrInvalid) {
			t.Errorf("AppendCompact of a %T under %s = %v, want ErrInvalid", mismatched.Payload, mismatched.Type, err)
		}
	}
	tests := map[string][]byte{
		"empty":         nil,
		"json":          []byte(`{"id":"x"}`),
		"version only":  {compactVersion},
		"trailing byte": append(append([]byte{}, data...), 0),
	}
	for cut := 1; cut < len(data); cut += 7 {
		tests[fmt.Sprintf("truncated to %d of %d bytes", cut, len(data))] = data[:cut]
	}
	for name, b := range tests {
		if got, err := DecodeCompact(b); err == nil || !errors.Is(err, ErrInvalid) {
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
			if !errors.Is(err, ErrInvalid) {
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

// TestCompactReadsVersion1 checks that a record written before facts carried a method and a rule
// (format version 1: no method and rule strings after the reason) still reads, as an undrafted fact.
func TestCompactReadsVersion1(t *testing.T) {
	for _, e := range compactSamples(t) {
		if e.Drafted() {
			continue
		}
		t.Run(string(e.Type), func(t *testing.T) {
			e.Note = "\x00marker\x00"
			e.Reason = ""
			e.Supersedes = nil
			v2, err := AppendCompact(nil, e)
			if err != nil {
				t.Fatal(err)
			}
			// After the note come the reason, the method and the rule: three empty strings, one zero
			// byte each. Version 1 has the reason only.
			at := bytes.Index(v2, []byte(e.Note)) + len(e.Note)
			if !bytes.Equal(v2[at:at+3], []byte{0, 0, 0}) {
				t.Fatalf("bytes after the note = %v, want three empty strings", v2[at:at+3])
			}
			v1 := append(append([]byte{compactVersionV1}, v2[1:at+1]...), v2[at+3:]...)
			got, err := DecodeCompact(v1)
			if err != nil {
				t.Fatalf("DecodeCompact(version 1): %v", err)
			}
			if diff := sameEvent(e, got); diff != "" {
				t.Fatalf("version 1 record differs in %s:\n%+v\n%+v", diff, e, got)
			}
		})
	}
}
