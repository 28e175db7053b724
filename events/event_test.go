package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
)

// cnupFounded is a fixed fact whose identity and encoding are pinned below.
func cnupFounded() Fact {
	return Fact{
		Type:    TypePartyFounded,
		Entity:  "cambodian-national-unity-party",
		Date:    MustParseDate("1992-11-30"),
		Source:  Source{Document: "cambodian-national-unity-party.txt", Quote: "Foundation: 30 November 1992"},
		Payload: PartyFounded{Name: "Cambodian National Unity Party", By: "khmer-rouge"},
		Note:    "from the infobox",
	}
}

var (
	testID       = ulid.MustParse("01J0AB3C4D5E6F7G8H9JKMNPQR")
	testRecorded = time.Date(2024, 6, 1, 12, 30, 0, 500, time.UTC)
)

func cnupEvent(t testing.TB) Event {
	t.Helper()
	e, err := NewEvent(cnupFounded(), testID, testRecorded)
	if err != nil {
		t.Fatalf("NewEvent(cnupFounded): %v", err)
	}
	return e
}

// goldenFactID is the identity of cnupFounded. It must never change: every fact already recorded is
// deduplicated by its FactID, so a change to the canonical encoding (field names, order, date text,
// payload shape) would let every one of them be recorded again. If this test fails, the change is
// the bug.
const goldenFactID FactID = "f2c583547580c35a62ac20416c09c190"

// goldenEncoding is the wire encoding of cnupEvent: a contract with every log already written.
const goldenEncoding = `{"id":"01J0AB3C4D5E6F7G8H9JKMNPQR","fact_id":"` + string(goldenFactID) + `",` +
	`"type":"party.founded/v1","entity":"cambodian-national-unity-party","involves":["khmer-rouge"],` +
	`"date":"1992-11-30","recorded":"2024-06-01T12:30:00.0000005Z",` +
	`"source":{"document":"cambodian-national-unity-party.txt","quote":"Foundation: 30 November 1992"},` +
	`"payload":{"name":"Cambodian National Unity Party","by":"khmer-rouge"},"note":"from the infobox"}`

func TestFactIDGolden(t *testing.T) {
	if got := cnupFounded().ID(); got != goldenFactID {
		t.Errorf("cnupFounded().ID() = %q, want %q: the canonical encoding of facts changed, which breaks deduplication of every fact already recorded", got, goldenFactID)
	}
	enc, err := EncodeEvent(cnupEvent(t))
	if err != nil {
		t.Fatal(err)
	}
	if string(enc) != goldenEncoding {
		t.Errorf("EncodeEvent(cnupEvent) =\n%s\nwant\n%s", enc, goldenEncoding)
	}
	e, err := DecodeEvent([]byte(goldenEncoding))
	if err != nil {
		t.Fatalf("DecodeEvent(goldenEncoding): %v", err)
	}
	if !reflect.DeepEqual(e, cnupEvent(t)) {
		t.Errorf("DecodeEvent(goldenEncoding) = %+v, want %+v", e, cnupEvent(t))
	}
}

func TestFactIDStable(t *testing.T) {
	f := cnupFounded()
	first := f.ID()
	if len(first) != 32 || strings.Trim(string(first), "0123456789abcdef") != "" {
		t.Errorf("Fact.ID() = %q, want 32 lowercase hex digits", first)
	}
	for i := 0; i < 3; i++ {
		if got := cnupFounded().ID(); got != first {
			t.Fatalf("Fact.ID() = %q on call %d, want %q", got, i+2, first)
		}
	}
	// A copy through the wire shape and a pointer payload are the same fact.
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var back Fact
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.ID() != first {
		t.Errorf("Fact.ID() after a JSON round trip = %q, want %q", back.ID(), first)
	}
	p := f.Payload.(PartyFounded)
	f.Payload = &p
	if got := f.ID(); got != first {
		t.Errorf("Fact.ID() with a pointer payload = %q, want %q", got, first)
	}
}

func TestFactIDIgnoresRecordKeeping(t *testing.T) {
	want := cnupFounded().ID()
	noted := cnupFounded()
	noted.Note = "a different remark entirely"
	if got := noted.ID(); got != want {
		t.Errorf("Fact.ID() with another Note = %q, want %q", got, want)
	}
	unnoted := cnupFounded()
	unnoted.Note = ""
	if got := unnoted.ID(); got != want {
		t.Errorf("Fact.ID() without a Note = %q, want %q", got, want)
	}
	a, err := NewEvent(cnupFounded(), testID, testRecorded)
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewEvent(noted, ulid.MustParse("01HZZZZZZZZZZZZZZZZZZZZZZZ"), testRecorded.Add(1000*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == b.ID || a.Recorded.Equal(b.Recorded) {
		t.Fatal("test events should differ in id and recorded time")
	}
	if a.Fact.ID() != b.Fact.ID() {
		t.Errorf("two events of one fact recorded apart have fact ids %q and %q, want equal", a.Fact.ID(), b.Fact.ID())
	}
	ea, _ := EncodeEvent(a)
	eb, _ := EncodeEvent(b)
	var wa, wb struct {
		FactID FactID `json:"fact_id"`
	}
	if err := json.Unmarshal(ea, &wa); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(eb, &wb); err != nil {
		t.Fatal(err)
	}
	if wa.FactID != want || wb.FactID != want {
		t.Errorf("encoded fact_id = %q and %q, want %q", wa.FactID, wb.FactID, want)
	}
}

func TestFactIDChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Fact)
	}{
		{"type and payload", func(f *Fact) { f.Type, f.Payload = TypePartyDissolved, PartyDissolved{} }},
		{"type only", func(f *Fact) { f.Type = TypePartyRenamed }},
		{"entity", func(f *Fact) { f.Entity = "khmer-national-solidarity-party" }},
		{"date", func(f *Fact) { f.Date = MustParseDate("1992-11") }},
		{"date qualifier", func(f *Fact) { f.Date = MustParseDate("1992-11-30~") }},
		{"source quote", func(f *Fact) { f.Source.Quote = "Foundation: 30 November 1992." }},
		{"source quote space", func(f *Fact) { f.Source.Quote = "Foundation:\u00a030 November 1992" }},
		{"source document", func(f *Fact) { f.Source.Document = "other.txt" }},
		{"source external", func(f *Fact) { f.Source = Source{Title: "A book", URL: "https://example.org", Quote: f.Source.Quote} }},
		{"payload name", func(f *Fact) { f.Payload = PartyFounded{Name: "Cambodian National Unity Party ", By: "khmer-rouge"} }},
		{"payload by", func(f *Fact) { f.Payload = PartyFounded{Name: "Cambodian National Unity Party"} }},
		{"payload founders", func(f *Fact) {
			f.Payload = PartyFounded{Name: "Cambodian National Unity Party", By: "khmer-rouge", Founders: []EntityID{"khieu-samphan"}}
		}},
	}
	base := cnupFounded().ID()
	seen := map[FactID]string{base: "base"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cnupFounded()
			tt.change(&f)
			got := f.ID()
			if got == base {
				t.Errorf("Fact.ID() after changing the %s = %q, the same as before", tt.name, got)
			}
			if other, dup := seen[got]; dup {
				t.Errorf("Fact.ID() after changing the %s = %q, the same as after changing the %s", tt.name, got, other)
			}
			seen[got] = tt.name
		})
	}
}

func TestEncodeEventShape(t *testing.T) {
	e := cnupEvent(t)
	e.Recorded = time.Date(2024, 6, 1, 14, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	enc, err := EncodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(enc, []byte(`"recorded":"2024-06-01T12:30:00Z"`)) {
		t.Errorf("EncodeEvent with a CEST recorded time = %s, want it in UTC", enc)
	}
}

func TestEncodeEventRefusesUnwritableRecordedTime(t *testing.T) {
	for _, recorded := range []time.Time{
		time.Date(-1, 12, 31, 23, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 30, 0, 0, time.FixedZone("", -3600)),
	} {
		e := cnupEvent(t)
		e.Recorded = recorded
		if enc, err := EncodeEvent(e); !errors.Is(err, ErrInvalid) {
			t.Errorf("EncodeEvent(recorded %v) = %s, %v; want an error wrapping ErrInvalid", recorded, enc, err)
		}
	}
	for _, recorded := range []time.Time{{}, time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)} {
		e := cnupEvent(t)
		e.Recorded = recorded
		enc, err := EncodeEvent(e)
		if err != nil {
			t.Fatalf("EncodeEvent(recorded %v): %v", recorded, err)
		}
		back, err := DecodeEvent(enc)
		if err != nil || !back.Recorded.Equal(recorded) {
			t.Errorf("DecodeEvent(EncodeEvent(recorded %v)) = %v, %v; want the same time", recorded, back.Recorded, err)
		}
	}
}

func TestNewEvent(t *testing.T) {
	cest := time.FixedZone("CEST", 2*3600)
	e, err := NewEvent(cnupFounded(), testID, time.Date(2024, 6, 1, 14, 30, 0, 0, cest))
	if err != nil {
		t.Fatal(err)
	}
	if e.Recorded.Location() != time.UTC || !e.Recorded.Equal(time.Date(2024, 6, 1, 12, 30, 0, 0, time.UTC)) {
		t.Errorf("NewEvent recorded = %v, want 2024-06-01 12:30:00 UTC", e.Recorded)
	}
	if _, err := NewEvent(cnupFounded(), ulid.ULID{}, testRecorded); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewEvent with a zero ULID = %v, want an error wrapping ErrInvalid", err)
	}
	bad := cnupFounded()
	bad.Entity = "Cambodian National Unity Party"
	if _, err := NewEvent(bad, testID, testRecorded); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewEvent with an invalid entity = %v, want an error wrapping ErrInvalid", err)
	}
}

// encodedWith returns the golden encoding with one JSON field replaced (value as raw JSON) or, with
// value "", removed.
func encodedWith(t testing.TB, field, value string) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(goldenEncoding), &m); err != nil {
		t.Fatal(err)
	}
	if value == "" {
		delete(m, field)
	} else {
		m[field] = json.RawMessage(value)
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDecodeEventRefuses(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		text string // what the error must say
	}{
		{"tampered payload", encodedWith(t, "payload", `{"name":"Cambodian National Unity Party","by":"khmer-rouge","purpose":"x"}`), "does not match its content"},
		{"tampered quote", encodedWith(t, "source", `{"document":"cambodian-national-unity-party.txt","quote":"Foundation: 1992"}`), "does not match its content"},
		{"tampered date", encodedWith(t, "date", `"1992-11-29"`), "does not match its content"},
		{"tampered entity", encodedWith(t, "entity", `"khmer-rouge"`), "does not match its content"},
		{"forged fact id", encodedWith(t, "fact_id", `"00000000000000000000000000000000"`), "does not match its content"},
		{"missing fact id", encodedWith(t, "fact_id", ""), "does not match its content"},
		{"bad ulid", encodedWith(t, "id", `"not-a-ulid"`), "not-a-ulid"},
		{"ulid too long", encodedWith(t, "id", `"01J0AB3C4D5E6F7G8H9JKMNPQRS"`), "01J0AB3C4D5E6F7G8H9JKMNPQRS"},
		{"ulid overflow", encodedWith(t, "id", `"81J0AB3C4D5E6F7G8H9JKMNPQR"`), "81J0AB3C4D5E6F7G8H9JKMNPQR"},
		{"ulid bad character", encodedWith(t, "id", `"01J0AB3C4D5E6F7G8H9JKMNPQU"`), "01J0AB3C4D5E6F7G8H9JKMNPQU"},
		{"missing id", encodedWith(t, "id", ""), "id"},
		{"bad recorded time", encodedWith(t, "recorded", `"yesterday"`), "yesterday"},
		{"recorded date only", encodedWith(t, "recorded", `"2024-06-01"`), "recorded time"},
		{"missing recorded time", encodedWith(t, "recorded", ""), "recorded time"},
		{"recorded hour 24", encodedWith(t, "recorded", `"2024-06-01T24:00:00Z"`), "recorded time"},
		// Found by reasoning about FuzzDecodeEvent's property: both offsets parse, but in UTC they fall in
		// year -1 and year 10000, which RFC 3339 cannot write, so the re-encoding could not be decoded.
		{"recorded before year 0 in UTC", encodedWith(t, "recorded", `"0000-01-01T00:00:00+01:00"`), "outside the years 0000-9999"},
		{"recorded after year 9999 in UTC", encodedWith(t, "recorded", `"9999-12-31T23:30:00-01:00"`), "outside the years 0000-9999"},
		{"unknown type", encodedWith(t, "type", `"party.founded/v9"`), "not registered"},
		{"type of another payload", encodedWith(t, "type", `"party.renamed/v1"`), "party.renamed/v1"},
		{"bad date", encodedWith(t, "date", `"30 November 1992"`), "30 November 1992"},
		{"empty date", encodedWith(t, "date", `""`), "date"},
		{"bad entity", encodedWith(t, "entity", `"Cambodian National Unity Party"`), "Cambodian National Unity Party"},
		{"no quote", encodedWith(t, "source", `{"document":"cambodian-national-unity-party.txt","quote":" "}`), "quote is required"},
		{"payload field typo", encodedWith(t, "payload", `{"nmae":"Cambodian National Unity Party"}`), "nmae"},
		{"no payload", encodedWith(t, "payload", ""), "no payload"},
		{"unknown field", encodedWith(t, "sequence", `7`), "sequence"},
		{"not an object", []byte(`["party.founded/v1"]`), "decode event"},
		{"truncated", []byte(goldenEncoding[:len(goldenEncoding)-1]), "decode event"},
		{"empty", nil, "decode event"},
		{"two events", []byte(goldenEncoding + goldenEncoding), "decode event"},
		{"trailing garbage", []byte(goldenEncoding + "x"), "decode event"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := DecodeEvent(tt.data)
			if err == nil {
				t.Fatalf("DecodeEvent(%s) = %+v, want an error", tt.data, e)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("DecodeEvent(%s) error %v does not wrap ErrInvalid", tt.data, err)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("DecodeEvent(%s) error %q does not say %q", tt.data, err, tt.text)
			}
			if !reflect.DeepEqual(e, Event{}) {
				t.Errorf("DecodeEvent(%s) = %+v with an error, want the zero Event", tt.data, e)
			}
		})
	}
	// White space around the one value is not data.
	if _, err := DecodeEvent([]byte(" \n" + goldenEncoding + "\n")); err != nil {
		t.Errorf("DecodeEvent(golden with surrounding white space) = %v, want nil", err)
	}
}

func TestSourceValidate(t *testing.T) {
	tests := []struct {
		name string
		s    Source
		want []string // "" entries mean valid; otherwise what the error says
	}{
		{"document", Source{Document: "a.txt", Quote: "q"}, nil},
		{"external work", Source{Title: "A History", URL: "https://example.org/h", Quote: "q"}, nil},
		{"external with a reference", Source{Title: "A History", URL: "ISBN 978-0-00-000000-0, p. 12", Quote: "q"}, nil},
		{"khmer quote", Source{Document: "a.txt", Quote: khmerSlogan}, nil},
		{"no quote", Source{Document: "a.txt"}, []string{"quote is required"}},
		{"blank quote", Source{Document: "a.txt", Quote: " \u00a0\t"}, []string{"quote is required"}},
		{"nothing", Source{Quote: "q"}, []string{"needs a document, or a title"}},
		{"url alone", Source{URL: "https://example.org", Quote: "q"}, []string{"needs a document, or a title"}},
		{"title without url", Source{Title: "A History", Quote: "q"}, []string{`"A History" needs a URL`}},
		{"document and title", Source{Document: "a.txt", Title: "A History", Quote: "q"}, []string{"both a document and an external work"}},
		{"document and url", Source{Document: "a.txt", URL: "https://example.org", Quote: "q"}, []string{"both a document and an external work"}},
		{"document, title and url", Source{Document: "a.txt", Title: "T", URL: "https://example.org", Quote: "q"}, []string{"both"}},
		{"two faults", Source{Title: "A History"}, []string{"quote is required", "needs a URL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.s.Validate()
			if tt.want == nil {
				if err != nil {
					t.Errorf("%+v.Validate() = %v, want nil", tt.s, err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("%+v.Validate() = %v, want an error wrapping ErrInvalid", tt.s, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%+v.Validate() = %q, want it to say %q", tt.s, err, w)
				}
			}
		})
	}
	if got := (Source{Document: "a.txt", Quote: "q"}).Label(); got != "a.txt" {
		t.Errorf("Source.Label() = %q, want %q", got, "a.txt")
	}
	if got := (Source{Title: "A History", URL: "u", Quote: "q"}).Label(); got != "A History" {
		t.Errorf("Source.Label() = %q, want %q", got, "A History")
	}
}

// testPayload is a Payload whose type is not registered.
type testPayload struct{}

func (testPayload) EventType() Type         { return "test.unregistered/v1" }
func (testPayload) Refs() []EntityID        { return nil }
func (testPayload) Validate() error         { return nil }
func (testPayload) Describe(Telling) string { return "" }

func TestFactValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Fact)
		want   []string
	}{
		{"no payload", func(f *Fact) { f.Payload = nil }, []string{"has no payload"}},
		{"type does not match payload", func(f *Fact) { f.Type = TypePartyDissolved }, []string{`fact type "party.dissolved/v1" does not match its payload type "party.founded/v1"`}},
		{"empty type", func(f *Fact) { f.Type = "" }, []string{"does not match"}},
		{"unregistered type", func(f *Fact) { f.Type, f.Payload = "test.unregistered/v1", testPayload{} }, []string{"not registered"}},
		{"bad entity", func(f *Fact) { f.Entity = "CNUP" }, []string{`"CNUP"`}},
		{"empty entity", func(f *Fact) { f.Entity = "" }, []string{"entity id is empty"}},
		{"bad payload", func(f *Fact) { f.Payload = PartyFounded{By: "khmer-rouge"} }, []string{"name is required"}},
		{"bad source", func(f *Fact) { f.Source = Source{} }, []string{"quote is required", "needs a document"}},
		{"zero date", func(f *Fact) { f.Date = Date{} }, []string{"XXXX"}},
		{"everything at once", func(f *Fact) { f.Entity, f.Payload, f.Source.Quote = "-", PartyFounded{}, "" },
			[]string{`"-"`, "name is required", "quote is required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cnupFounded()
			tt.change(&f)
			err := f.Validate()
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Fact{%s}.Validate() = %v, want an error wrapping ErrInvalid", tt.name, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Fact{%s}.Validate() = %q, want it to say %q", tt.name, err, w)
				}
			}
		})
	}
	if err := cnupFounded().Validate(); err != nil {
		t.Errorf("cnupFounded().Validate() = %v, want nil", err)
	}
	unknown := cnupFounded()
	unknown.Date = MustParseDate("XXXX")
	if err := unknown.Validate(); err != nil {
		t.Errorf("a fact dated XXXX: Validate() = %v, want nil", err)
	}
}

func TestFactJSON(t *testing.T) {
	f := cnupFounded()
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"type":"party.founded/v1","entity":"cambodian-national-unity-party","involves":["khmer-rouge"],` +
		`"date":"1992-11-30","source":{"document":"cambodian-national-unity-party.txt","quote":"Foundation: 30 November 1992"},` +
		`"payload":{"name":"Cambodian National Unity Party","by":"khmer-rouge"},"note":"from the infobox"}`
	if string(data) != want {
		t.Errorf("json.Marshal(cnupFounded()) =\n%s\nwant\n%s", data, want)
	}
}

func TestFactJSONRefuses(t *testing.T) {
	tests := []struct {
		name string
		data string
		text string
	}{
		{"unknown field", `{"type":"party.dissolved/v1","entity":"x","date":"1997","source":{"quote":"q"},"payload":{},"colour":"red"}`, "colour"},
		{"unknown source field", `{"type":"party.dissolved/v1","entity":"x","date":"1997","source":{"quote":"q","page":3},"payload":{}}`, "page"},
		{"bad date", `{"type":"party.dissolved/v1","entity":"x","date":"1997-13","source":{"quote":"q"},"payload":{}}`, "1997-13"},
		{"missing date", `{"type":"party.dissolved/v1","entity":"x","source":{"quote":"q"},"payload":{}}`, "date"},
		{"missing payload", `{"type":"party.dissolved/v1","entity":"x","date":"1997","source":{"quote":"q"}}`, "no payload"},
		{"unregistered type", `{"type":"party.vanished/v1","entity":"x","date":"1997","source":{"quote":"q"},"payload":{}}`, "party.vanished/v1"},
		{"payload field typo", `{"type":"party.dissolved/v1","entity":"x","date":"1997","source":{"quote":"q"},"payload":{"forcd":true}}`, "forcd"},
		{"payload invalid", `{"type":"party.renamed/v1","entity":"x","date":"1997","source":{"quote":"q"},"payload":{"from":"A"}}`, "to is required"},
		{"entity not a string", `{"type":"party.dissolved/v1","entity":7,"date":"1997","source":{"quote":"q"},"payload":{}}`, "decode fact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f Fact
			err := json.Unmarshal([]byte(tt.data), &f)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("json.Unmarshal(%s) = %v, want an error wrapping ErrInvalid", tt.data, err)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("json.Unmarshal(%s) error %q does not say %q", tt.data, err, tt.text)
			}
			if !reflect.DeepEqual(f, Fact{}) {
				t.Errorf("json.Unmarshal(%s) left %+v, want the zero Fact", tt.data, f)
			}
		})
	}
}

func TestFoldSpace(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   ", ""},
		{"a", "a"},
		{"  a  b  ", "a b"},
		{"Anlong\u00a0Veng", "Anlong Veng"},
		{"fall\u00a0 of", "fall of"},
		{"a\tb\nc\r\nd", "a b c d"},
		{"a\u2003\u3000b", "a b"},      // em space, ideographic space
		{"a\u200bb", "a\u200bb"},       // a zero-width space is not white space
		{"Takéo", "Takéo"},             // not normalised
		{"Take\u0301o", "Take\u0301o"}, // decomposed stays decomposed
		{khmerSlogan, khmerSlogan},     // Khmer kept byte for byte
		{" សង្គ្រោះ\u00a0\nបម្រើ ", "សង្គ្រោះ បម្រើ"},
		{"\xffa  b\xfe", "\xffa b\xfe"}, // bytes that are not UTF-8 are kept too
		{"a\t\n\r\v\fb", "a b"},
		{"a\u2009\u202f\u3000b", "a b"},
		{"x\xffy  z", "x\xffy z"},
		{"a ", "a"},
		{"Ab", "Ab"},
	}
	for _, tt := range tests {
		if got := FoldSpace(tt.in); got != tt.want {
			t.Errorf("FoldSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
		got, at := FoldSpaceAt(tt.in)
		if got != tt.want || len(at) != len(got) {
			t.Errorf("FoldSpaceAt(%q) = %q, %d offsets, want %q and one offset a byte", tt.in, got, len(at), tt.want)
			continue
		}
		for i := range got {
			if c := tt.in[at[i]]; c != got[i] && got[i] != ' ' {
				t.Errorf("FoldSpaceAt(%q) byte %d = %q from offset %d, which holds %q", tt.in, i, got[i], at[i], c)
			}
		}
	}
	if _, at := FoldSpaceAt("a \u00a0\nb"); !reflect.DeepEqual(at, []int32{0, 1, 5}) {
		t.Errorf("FoldSpaceAt(\"a \\u00a0\\nb\") offsets = %v, want [0 1 5]", at)
	}
}

func TestQuoteIndex(t *testing.T) {
	text := "The Cambodia National Rescue Party (CNRP; គណបក្សសង្គ្រោះជាតិ, UNGEGN: ) was a major\n" +
		"political party in Cambodia. Its official motto was \"Rescue, Serve, Protect\" (សង្គ្រោះ បម្រើ ការពារ )\n" +
		"- Leader2 Title: Vice Presidents\n- Leader2 Name: Eng Chhai Eang\n" +
		"Following the fall\u00a0 of the Khmer Rouge\tand\n\nthe CPK."
	tests := []struct {
		name  string
		quote string
		want  bool
	}{
		{"exact", "a major", true},
		{"across a line break", "a major political party", true},
		{"newline in the quote", "a major\npolitical", true},
		{"nbsp in the text", "the fall of the Khmer Rouge", true},
		{"nbsp in the quote", "the fall\u00a0of", true},
		{"tab and blank line", "Khmer Rouge and the CPK.", true},
		{"surrounding space", "  CNRP;  ", true},
		{"khmer exact", "គណបក្សសង្គ្រោះជាតិ", true},
		{"khmer with its spaces", "(សង្គ្រោះ បម្រើ ការពារ )", true},
		{"khmer without a space", "សង្គ្រោះបម្រើ", false},
		{"khmer with a zero-width space", "សង្គ្រោះ\u200bបម្រើ", false},
		{"khmer prefix", "គណបក្ស", true},
		{"two infobox lines", "Leader2 Title: Vice Presidents\n- Leader2 Name: Eng Chhai Eang", true},
		{"case differs", "a Major", false},
		{"punctuation differs", "Rescue, Serve, Protect.", false},
		{"curly quotes differ", "“Rescue, Serve, Protect”", false},
		{"missing space", "amajor", false},
		{"empty", "", false},
		{"only space", " \u00a0\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QuoteIndex(FoldSpace(text), tt.quote) >= 0; got != tt.want {
				t.Errorf("QuoteIndex(FoldSpace(text), %q) >= 0 = %v, want %v", tt.quote, got, tt.want)
			}
		})
	}
	if QuoteIndex("", "") >= 0 || QuoteIndex(FoldSpace("   "), " ") >= 0 {
		t.Error("QuoteIndex of an empty quote in an empty text >= 0, want -1")
	}
	if QuoteIndex("\xff", "\xfe") >= 0 {
		t.Error("QuoteIndex(\"\\xff\", \"\\xfe\") >= 0, want -1: bytes that are not UTF-8 compare exactly too")
	}
}

// sameEvent reports how a and b differ, or "" if they are the same event. Empty and nil slices in
// a payload are the same (the encoding omits both).
func sameEvent(a, b Event) string {
	switch {
	case a.ID != b.ID:
		return "id"
	case !a.Recorded.Equal(b.Recorded) || a.Recorded.Location() != b.Recorded.Location():
		return "recorded"
	case a.Type != b.Type || a.Entity != b.Entity || a.Date != b.Date || a.Source != b.Source || a.Note != b.Note:
		return "fact"
	case a.Method != b.Method || a.Rule != b.Rule:
		return "method"
	case a.Fact.ID() != b.Fact.ID():
		return "fact id"
	}
	pa, _ := json.Marshal(a.Payload)
	pb, _ := json.Marshal(b.Payload)
	if !bytes.Equal(pa, pb) || reflect.TypeOf(a.Payload) != reflect.TypeOf(b.Payload) {
		return "payload"
	}
	return ""
}

func FuzzDecodeEvent(f *testing.F) {
	f.Add([]byte(goldenEncoding))
	recorded := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	for i, p := range examplePayloads() {
		e, err := NewEvent(exampleFact(p), ulid.MustNew(ulid.Timestamp(recorded), bytes.NewReader(bytes.Repeat([]byte{byte(i)}, 16))), recorded)
		if err != nil {
			f.Fatal(err)
		}
		data, err := EncodeEvent(e)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add(encodedWith(f, "recorded", `"2024-06-01T14:30:00+02:00"`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checked, checkedErr := DecodeChecked(data)
		if checkedErr != nil && !errors.Is(checkedErr, ErrInvalid) {
			t.Fatalf("DecodeChecked(%q) error %v does not wrap ErrInvalid", data, checkedErr)
		}
		e, err := DecodeEvent(data)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("DecodeEvent(%q) error %v does not wrap ErrInvalid", data, err)
			}
			return
		}
		// What DecodeEvent accepts, DecodeChecked reads the same.
		if checkedErr != nil {
			t.Fatalf("DecodeEvent(%q) accepts what DecodeChecked refuses: %v", data, checkedErr)
		}
		if diff := sameEvent(e, checked); diff != "" {
			t.Fatalf("DecodeEvent(%q) and DecodeChecked differ in %s:\n%+v\n%+v", data, diff, e, checked)
		}
		if err := e.Fact.Validate(); err != nil {
			t.Fatalf("DecodeEvent(%q) = an event that does not validate: %v", data, err)
		}
		enc, err := EncodeEvent(e)
		if err != nil {
			t.Fatalf("EncodeEvent(DecodeEvent(%q)): %v", data, err)
		}
		e2, err := DecodeEvent(enc)
		if err != nil {
			t.Fatalf("DecodeEvent(EncodeEvent(DecodeEvent(%q))) = %v\nencoding: %s", data, err, enc)
		}
		if diff := sameEvent(e, e2); diff != "" {
			t.Fatalf("DecodeEvent(%q) and its re-decoding differ in %s:\n%+v\n%+v", data, diff, e, e2)
		}
		enc2, err := EncodeEvent(e2)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("EncodeEvent is not stable for %q:\n%s\n%s (%v)", data, enc, enc2, err)
		}
	})
}

func FuzzFactJSON(f *testing.F) {
	for _, p := range examplePayloads() {
		data, err := json.Marshal(exampleFact(p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(goldenEncoding))
	f.Add([]byte(`{"type":"party.dissolved/v1","entity":"x","date":" 1997 ","source":{"quote":"q"},"payload":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var fact Fact
		if err := json.Unmarshal(data, &fact); err != nil {
			var syntax *json.SyntaxError
			if !errors.Is(err, ErrInvalid) && !errors.As(err, &syntax) {
				t.Fatalf("json.Unmarshal(%q) error %v is neither a syntax error nor wraps ErrInvalid", data, err)
			}
			return
		}
		enc, err := json.Marshal(fact)
		if err != nil {
			t.Fatalf("json.Marshal(json.Unmarshal(%q)): %v", data, err)
		}
		var back Fact
		if err := json.Unmarshal(enc, &back); err != nil {
			t.Fatalf("json.Unmarshal(json.Marshal(json.Unmarshal(%q))) = %v\nencoding: %s", data, err, enc)
		}
		if diff := sameEvent(Event{Fact: fact}, Event{Fact: back}); diff != "" {
			t.Fatalf("json.Unmarshal(%q) and its re-decoding differ in %s:\n%+v\n%+v", data, diff, fact, back)
		}
		enc2, err := json.Marshal(back)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("json.Marshal of a Fact is not stable for %q:\n%s\n%s (%v)", data, enc, enc2, err)
		}
	})
}

// A role held for the time being is provisional, whatever its office; another is not.
func TestProvisional(t *testing.T) {
	for role, want := range map[string]bool{"acting leader": true, "Interim president": true, "caretaker chairman": true,
		"provisional secretary": true, "leader": false, "president": false, "actingleader": false, "": false} {
		if got := Provisional(role); got != want {
			t.Errorf("Provisional(%q) = %v, want %v", role, got, want)
		}
	}
}
