package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
)

// trickyStrings are texts that every escaping rule of encoding/json meets: HTML characters, control
// characters, U+2028 and U+2029, bytes that are not UTF-8 (an encoded surrogate among them), Khmer,
// an emoji, DEL and a slash.
var trickyStrings = []string{
	"", "a", "cnrp", "<b>&amp;</b> 'q' \"quoted\" back\\slash /", "line\u2028para\u2029", "\x00\x01\x1f\x7f end",
	"\t\n\r\b\f", "bad \xff\xfe utf-8", "\xed\xa0\x80 surrogate", "trunc \xe1\x9f", khmerName, khmerSlogan,
	"emoji 😀 and \ufffd", "Takéo", strings.Repeat("long ", 300), "\u00a0nbsp", "x<y>z&",
}

// fillValue sets every field of v (a payload: strings, integers, booleans and slices of strings,
// possibly in embedded structs) from rnd. With full, every field is set to a value encoding/json
// does not leave out, so that a field a codec forgets shows.
func fillValue(v reflect.Value, rnd *rand.Rand, full bool) {
	switch v.Kind() {
	case reflect.String:
		s := trickyStrings[rnd.IntN(len(trickyStrings))]
		if full && s == "" {
			s = "set"
		}
		v.SetString(s)
	case reflect.Int, reflect.Int64:
		n := []int64{0, 1, -1, 42, math.MaxInt64, math.MinInt64, 1 << 40, -99999}[rnd.IntN(8)]
		if full && n == 0 {
			n = 7
		}
		v.SetInt(n)
	case reflect.Bool:
		v.SetBool(full || rnd.IntN(2) == 0)
	case reflect.Slice:
		n := rnd.IntN(4) - 1 // -1: nil
		if full && n < 1 {
			n = 2
		}
		if n < 0 {
			v.SetZero()
			return
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fillValue(s.Index(i), rnd, full)
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillValue(v.Field(i), rnd, full)
			}
		}
	default:
		panic(fmt.Sprintf("fillValue: %s", v.Type()))
	}
}

// filledPayload returns a payload of type t with its fields filled (fillValue).
func filledPayload(t Type, rnd *rand.Rand, full bool) Payload {
	v := reflect.New(t.PayloadType()).Elem()
	fillValue(v, rnd, full)
	return v.Interface().(Payload)
}

// TestPayloadCodecsMatchEncodingJSON holds every registered type's codec to encoding/json: the same
// bytes as json.Marshal for payloads with every field set (a field added to a type without
// regenerating payload_json.go fails here), with fields left empty, and with random values; and
// the codec reads back what it writes to what the reflective decoder reads.
func TestPayloadCodecsMatchEncodingJSON(t *testing.T) {
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	rnd := rand.New(rand.NewPCG(seed, 16))
	for _, typ := range Types() {
		t.Run(string(typ), func(t *testing.T) {
			payloads := []Payload{reflect.New(typ.PayloadType()).Elem().Interface().(Payload), filledPayload(typ, rnd, true)}
			for range 300 {
				payloads = append(payloads, filledPayload(typ, rnd, false))
			}
			for _, p := range payloads {
				want, err := json.Marshal(p)
				if err != nil {
					t.Fatal(err)
				}
				got, err := appendPayload([]byte("prefix"), typ, p)
				if err != nil || !bytes.Equal(got, append([]byte("prefix"), want...)) {
					t.Fatalf("appendPayload(%#v) = %s, %v; want prefix%s (run go test ./events -run TestPayloadJSONGenerated -update?)", p, got, err, want)
				}
				fast, ok := decodePlain(typ, want)
				if !ok {
					t.Fatalf("decodePlain(%s) of what json.Marshal writes gave up", want)
				}
				bad, invalid, ok := payloadCodecs[typ].invalidText(p)
				wantBad, wantInvalid := invalidString(reflect.ValueOf(p))
				if !ok || bad != wantBad || invalid != wantInvalid {
					t.Fatalf("invalidText(%#v) = %q, %v, %v; want %q, %v", p, bad, invalid, ok, wantBad, wantInvalid)
				}
				ref, err := registry[typ].decodeReflect(want)
				if err != nil {
					t.Fatalf("decodeReflect(%s) = %v", want, err)
				}
				if !reflect.DeepEqual(fast, ref) {
					t.Fatalf("decodePlain(%s) = %#v, want %#v", want, fast, ref)
				}
			}
		})
	}
}

// wireFacts returns the examples and variants of them that meet every rule of the encodings: no
// payload, an unregistered payload, corrections, drafted facts, fields left empty, tricky text.
func wireFacts(t testing.TB) []Fact {
	facts := Examples()
	for i, f := range Examples() {
		g := f
		g.Note, g.Source = "", Source{Title: "A <title> & more", URL: "https://example.org/?a=1&b=<2>", Quote: "\u2028q\"\\\x01"}
		facts = append(facts, g)
		g = f
		g.Method, g.Rule = MethodDrafted, "rule <&>"
		g.Supersedes = []ulid.ULID{ulid.MustParse("01J0000000000000000000000A"), ulid.MustParse("01J0000000000000000000000B")}
		g.Reason = "the source <misread> it"
		facts = append(facts, g)
		g = f
		g.Entity, g.Note = EntityID(trickyStrings[i%len(trickyStrings)]), trickyStrings[(i+1)%len(trickyStrings)]
		g.Source.Quote = trickyStrings[(i+2)%len(trickyStrings)]
		g.Date = Date{}
		facts = append(facts, g)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, typ := range Types() {
		f := exampleFact(filledPayload(typ, rnd, true))
		facts = append(facts, f)
		f.Payload = reflect.New(typ.PayloadType()).Elem().Interface().(Payload)
		facts = append(facts, f)
	}
	many := exampleFact(PartyMerged{})
	for i := range 20 {
		many.Payload = PartyMerged{Members: append(many.Payload.(PartyMerged).Members, EntityID(fmt.Sprint("p", i%7)), many.Entity)}
	}
	few := exampleFact(PartyFellFromPower{By: "x", ReplacedBy: "x"})
	few.Entity = "x"
	facts = append(facts, many, few)
	nilPayload := Examples()[0]
	nilPayload.Payload = nil
	foreign := Examples()[1]
	foreign.Payload = foreignPayload{Text: "<not registered>"}
	mismatched := Examples()[2]
	mismatched.Payload = Examples()[3].Payload
	return append(facts, nilPayload, foreign, mismatched)
}

// foreignPayload is a payload type that is not registered (and has no codec).
type foreignPayload struct {
	Text string `json:"text"`
}

func (foreignPayload) EventType() Type            { return "test.foreign/v1" }
func (foreignPayload) Refs() []EntityID           { return []EntityID{"a", "b", "a"} }
func (foreignPayload) Validate() error            { return nil }
func (foreignPayload) Describe(tl Telling) string { return "foreign" }

// checkEncodings fails t unless Fact.ID, Fact.MarshalJSON and EncodeEvent write for f what the
// reflective encoders write, and the decoders read the event back as the reflective decoder does.
func checkEncodings(t *testing.T, f Fact, id ulid.ULID, recorded time.Time) {
	t.Helper()
	if got, want := f.ID(), refFactID(f); got != want {
		t.Fatalf("ID() = %s, want %s for %+v", got, want, f)
	}
	got, err := f.MarshalJSON()
	want, wantErr := refMarshalFact(f)
	if !bytes.Equal(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("MarshalJSON() = %s, %v\nwant %s, %v", got, err, want, wantErr)
	}
	e := Event{ID: id, Fact: f, Recorded: recorded}
	got, err = EncodeEvent(e)
	want, wantErr = refEncodeEvent(e)
	if !bytes.Equal(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("EncodeEvent() = %s, %v\nwant %s, %v", got, err, want, wantErr)
	}
	if err != nil {
		return
	}
	compareDecoders(t, got)
	if _, _, ok := readWire(got); !ok && f.Type.Registered() && f.Payload != nil && f.Type == f.Payload.EventType() {
		t.Errorf("readWire(%s) gave up on what EncodeEvent wrote", got)
	}
}

// compareDecoders fails t unless DecodeEventID, DecodeChecked, Fact.UnmarshalJSON and DecodePayload
// return for data what their reflective references return: equal events, equal errors.
func compareDecoders(t testing.TB, data []byte) {
	t.Helper()
	e, fid, err := DecodeEventID(data)
	we, wfid, werr := refDecodeEventID(data)
	if fmt.Sprint(err) != fmt.Sprint(werr) || fid != wfid || !reflect.DeepEqual(e, we) {
		t.Fatalf("DecodeEventID(%q) = %+v, %s, %v\nwant %+v, %s, %v", data, e, fid, err, we, wfid, werr)
	}
	if err != nil && !errors.Is(err, ErrInvalid) {
		t.Fatalf("DecodeEventID(%q) error %v does not wrap ErrInvalid", data, err)
	}
	c, err := DecodeChecked(data)
	wc, werr := refDecodeChecked(data)
	if fmt.Sprint(err) != fmt.Sprint(werr) || !reflect.DeepEqual(c, wc) {
		t.Fatalf("DecodeChecked(%q) = %+v, %v\nwant %+v, %v", data, c, err, wc, werr)
	}
	var f Fact
	err = f.UnmarshalJSON(data)
	wf, werr := refUnmarshalFact(data)
	if fmt.Sprint(err) != fmt.Sprint(werr) || (err == nil && !reflect.DeepEqual(f, wf)) {
		t.Fatalf("UnmarshalJSON(%q) = %+v, %v\nwant %+v, %v", data, f, err, wf, werr)
	}
	types := Types()
	typ := types[len(data)%len(types)]
	p, err := DecodePayload(typ, data)
	wp, werr := refDecodePayload(typ, data)
	if fmt.Sprint(err) != fmt.Sprint(werr) || !reflect.DeepEqual(p, wp) {
		t.Fatalf("DecodePayload(%s, %q) = %+v, %v\nwant %+v, %v", typ, data, p, err, wp, werr)
	}
}

// TestEncodingsMatchReflection holds the encoders without reflection to the reflective ones for one
// fact of every type and variants of each, and the decoders to theirs on what they write.
func TestEncodingsMatchReflection(t *testing.T) {
	recorded := time.Date(2024, 5, 6, 7, 8, 9, 123456000, time.FixedZone("x", 3600))
	for i, f := range wireFacts(t) {
		t.Run(fmt.Sprintf("%d-%s", i, f.Type), func(t *testing.T) {
			checkEncodings(t, f, ulid.MustNew(ulid.Timestamp(recorded), bytes.NewReader(bytes.Repeat([]byte{byte(i)}, 16))), recorded)
		})
	}
	// A recorded time EncodeEvent refuses, and a zero event id.
	f := Examples()[4]
	checkEncodings(t, f, ulid.ULID{}, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))
	checkEncodings(t, f, ulid.ULID{}, time.Time{})
}

// TestDecodersMatchReflection holds the decoders to the reflective one on inputs that the fast path
// must give up on or refuse as it does.
func TestDecodersMatchReflection(t *testing.T) {
	recorded := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	e, err := NewEvent(Examples()[5], ulid.MustNew(ulid.Timestamp(recorded), bytes.NewReader(make([]byte, 16))), recorded)
	if err != nil {
		t.Fatal(err)
	}
	wire, err := EncodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range decoderCases(wire) {
		compareDecoders(t, data)
	}
}

// decoderCases returns variants of an event's wire encoding that meet every way a decoder may
// differ: white space, keys in another case or escaped, repeated keys, null, escapes, numbers,
// trailing data, the payload before the type.
func decoderCases(wire []byte) [][]byte {
	s := string(wire)
	out := [][]byte{wire, []byte(" \n\t" + s + " \r\n"), []byte(s + "x"), []byte(s + "{}"), []byte("null"), []byte("{}"), []byte("[]"), []byte(""),
		[]byte(`{"id":1}`), []byte(s[:len(s)/2])}
	for _, r := range [][2]string{
		{`"type"`, `"TYPE"`}, {`"type"`, `"typ\u0065"`}, {`"entity":`, `"entity":null,"entity":`}, {`"note":`, `"note":"x","note":`},
		{`"payload":{`, `"payload":{"name":"dup",`}, {`"payload":{"name"`, `"payload":{"Name"`}, {`"payload":{`, `"payload":{"unknown":1,`},
		{`"source":{`, `"source":{"quote":"q",`}, {`"source":{`, `"source":{"x":"q",`}, {`,"payload":`, ` , "payload" : `},
		{`{"id"`, `{"payload":{"name":"x"},"id"`}, {`"date":"`, `"date":"\ud83d\ude00`}, {`"date":"`, `"date":"\ud800`},
		{`"date":"`, `"date":"\u00e9\/\b`}, {`"date":"`, `"date":"\x`}, {`"date":"`, "\"date\":\"\xff"}, {`"date":"`, "\"date\":\"\x01"},
		{`"fact_id":"`, `"fact_id":"0`}, {`"recorded":"`, `"recorded":"x`}, {`"payload":{`, `"payload":null,"x":{`},
		{`"payload":{`, `"payload":{"founders":[],`}, {`"payload":{`, `"payload":{"founders":null,`}, {`"payload":{`, `"payload":{"founders":["a" ,"b"],`},
		{`"payload":{`, `"payload":{"founders":[1],`}, {`"payload":{`, `"payload":{"name":1,`},
	} {
		out = append(out, []byte(strings.Replace(s, r[0], r[1], 1)))
	}
	return out
}

// TestReadIntMatchesEncodingJSON holds readInt to encoding/json on integers and what is not one.
func TestReadIntMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"0", "-0", "1", "-1", "01", "1.0", "1e2", "1E2", "-", "9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "-9223372036854775809", "123456789012345678", "1234567890123456789", "99999999999999999999", " 5 ", "+1", "0x1"} {
		var want struct {
			N int   `json:"n"`
			L int64 `json:"l"`
		}
		data := []byte(`{"n":` + s + `,"l":` + s + `}`)
		werr := DecodeStrict(data, &want)
		r := jsonReader{data: []byte(s)}
		n := readInt[int](&r)
		ok := r.end()
		r = jsonReader{data: []byte(s)}
		l := readInt[int64](&r)
		ok = ok && r.end()
		if ok && (werr != nil || n != want.N || l != want.L) {
			t.Errorf("readInt(%q) = %d, %d; encoding/json: %d, %d, %v", s, n, l, want.N, want.L, werr)
		}
		if !ok && werr == nil {
			t.Logf("readInt(%q) gives up where encoding/json reads %d (the reflective decoder decides)", s, want.N)
		}
	}
}

// FuzzFactIDEncoding holds Fact.ID, Fact.MarshalJSON and EncodeEvent to the reflective encoders for
// facts of every type built from fuzzed text and numbers, and the decoders to the reflective one on
// what they write.
func FuzzFactIDEncoding(f *testing.F) {
	for i, ex := range Examples() {
		p, _ := json.Marshal(ex.Payload)
		f.Add(uint8(i), string(ex.Entity), ex.Date.String(), ex.Source.Document, ex.Source.Title, ex.Source.Quote, ex.Note, ex.Reason,
			string(p), khmerName, int64(i), i%2 == 0, uint8(i))
	}
	for i, s := range trickyStrings {
		f.Add(uint8(i), s, "1993-05", "", s, s, s, s, s, s+"<&>", int64(-i), true, uint8(255))
	}
	f.Fuzz(func(t *testing.T, typeIndex uint8, entity, date, document, title, quote, note, reason, text1, text2 string, n int64, flag bool, shape uint8) {
		types := Types()
		typ := types[int(typeIndex)%len(types)]
		texts := []string{text1, text2, quote, note}
		v := reflect.New(typ.PayloadType()).Elem()
		k := 0
		var fill func(v reflect.Value)
		fill = func(v reflect.Value) {
			switch v.Kind() {
			case reflect.String:
				v.SetString(texts[k%len(texts)])
				k++
			case reflect.Int, reflect.Int64:
				v.SetInt(n >> (k % 3 * 20))
				k++
			case reflect.Bool:
				v.SetBool(flag)
			case reflect.Slice:
				switch shape % 3 {
				case 1:
					v.Set(reflect.MakeSlice(v.Type(), 0, 0))
				case 2:
					s := reflect.MakeSlice(v.Type(), 2, 2)
					fill(s.Index(0))
					fill(s.Index(1))
					v.Set(s)
				}
			case reflect.Struct:
				for i := range v.NumField() {
					fill(v.Field(i))
				}
			}
		}
		fill(v)
		fact := Fact{Type: typ, Entity: EntityID(entity), Source: Source{Document: document, Title: title, Quote: quote},
			Payload: v.Interface().(Payload), Note: note, Reason: reason}
		if d, err := ParseDate(date); err == nil {
			fact.Date = d
		}
		if shape&4 != 0 {
			fact.Supersedes = []ulid.ULID{ulid.MustParse("01J0000000000000000000000A")}
		}
		if shape&8 != 0 {
			fact.Method, fact.Rule = MethodDrafted, text2
		}
		if shape&16 != 0 {
			fact.Source.URL = text1
		}
		recorded := time.UnixMilli(int64(uint64(n) % (1 << 47))).In(time.FixedZone("z", int(shape)*60))
		checkEncodings(t, fact, ulid.MustNew(ulid.Timestamp(recorded.UTC()), bytes.NewReader(bytes.Repeat([]byte{shape}, 16))), recorded)
	})
}

// FuzzDecodeWire holds DecodeEventID, DecodeChecked, Fact.UnmarshalJSON and DecodePayload to their
// reflective references on any input: what one accepts the other accepts, as the same event, and
// what one refuses the other refuses with the same error.
func FuzzDecodeWire(f *testing.F) {
	recorded := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	for i, fact := range wireFacts(f) {
		e := Event{ID: ulid.MustNew(ulid.Timestamp(recorded), bytes.NewReader(bytes.Repeat([]byte{byte(i)}, 16))), Fact: fact, Recorded: recorded}
		data, err := EncodeEvent(e)
		if err != nil {
			continue
		}
		f.Add(data)
		if i == 5 {
			for _, c := range decoderCases(data) {
				f.Add(c)
			}
		}
		p, _ := json.Marshal(fact.Payload)
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareDecoders(t, data)
	})
}
