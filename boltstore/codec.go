package boltstore

import (
	"encoding/binary"
	"fmt"
	"reflect"
	"time"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// The compact encoding is how the store keeps an event it has checked: a binary record that reads back
// without JSON and without checking again. It holds exactly what the wire encoding holds, so that
// EncodeEvent(DecodeCompact(AppendCompact(nil, e))) is EncodeEvent(e) byte for byte. The fact id
// and the involved entities are left out: both follow from the rest.
//
// Layout (integers are varints, strings and byte runs are a uvarint length and the bytes):
//
//	0x02                               format version (a JSON encoding starts with '{' instead)
//	16 bytes                           event id (ULID)
//	int seconds, uint nanoseconds      recorded time, UTC
//	type, entity                       strings
//	date text, int earliest, int latest, byte precision, byte flags (1 uncertain, 2 approximate)
//	document, title, url, quote        the source, strings
//	note, reason                       strings
//	method, rule                       strings
//	uint n, n × 16 bytes               the ids it supersedes
//	payload                            its fields in declaration order (see appendValue)
//
// The layout of every payload follows its Go type's fields in order, so the schema fingerprint
// (schema.go) covers them: a store written with another layout is refused, never misread.
const compactVersion = 0x02

// isCompact reports whether data starts like a compact record.
func isCompact(data []byte) bool { return len(data) > 0 && data[0] == compactVersion }

// AppendCompact appends the compact encoding of e to dst. It fails only for a payload of a type
// that is not registered.
func AppendCompact(dst []byte, e events.Event) ([]byte, error) {
	typ := e.Type.PayloadType()
	if typ == nil {
		return nil, fmt.Errorf("compact encoding of event %s: event type %s is not registered: %w", e.ID, events.Excerpt(string(e.Type), events.DefaultExcerpt), events.ErrInvalid)
	}
	pv := reflect.ValueOf(e.Payload)
	if !pv.IsValid() || pv.Type() != typ {
		return nil, fmt.Errorf("compact encoding of event %s: payload %T is not a %s payload: %w", e.ID, e.Payload, e.Type, events.ErrInvalid)
	}
	dst = append(dst, compactVersion)
	dst = append(dst, e.ID[:]...)
	rec := e.Recorded.UTC()
	dst = binary.AppendVarint(dst, rec.Unix())
	dst = binary.AppendUvarint(dst, uint64(rec.Nanosecond()))
	dst = appendString(dst, string(e.Type))
	dst = appendString(dst, string(e.Entity))
	d := e.Date
	dst = appendString(dst, d.String())
	dst = binary.AppendVarint(dst, int64(d.Earliest()))
	dst = binary.AppendVarint(dst, int64(d.Latest()))
	var flags byte
	if d.Uncertain() {
		flags |= 1
	}
	if d.Approximate() {
		flags |= 2
	}
	dst = append(dst, byte(d.Precision()), flags)
	for _, s := range []string{e.Source.Document, e.Source.Title, e.Source.URL, e.Source.Quote, e.Note, e.Reason, e.Method, e.Rule} {
		dst = appendString(dst, s)
	}
	dst = binary.AppendUvarint(dst, uint64(len(e.Supersedes)))
	for _, id := range e.Supersedes {
		dst = append(dst, id[:]...)
	}
	return appendValue(dst, pv), nil
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// appendValue appends a payload value: a struct as its fields in order, a string as a string, an
// integer as a varint, a bool as a byte, and a slice as 0 when nil or its length plus one followed
// by its elements (nil and empty slices encode differently in JSON, so they must stay apart).
func appendValue(dst []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			dst = appendValue(dst, v.Field(i))
		}
	case reflect.String:
		dst = appendString(dst, v.String())
	case reflect.Int, reflect.Int64, reflect.Int32:
		dst = binary.AppendVarint(dst, v.Int())
	case reflect.Bool:
		b := byte(0)
		if v.Bool() {
			b = 1
		}
		dst = append(dst, b)
	case reflect.Slice:
		if v.IsNil() {
			return append(dst, 0)
		}
		dst = binary.AppendUvarint(dst, uint64(v.Len())+1)
		for i := range v.Len() {
			dst = appendValue(dst, v.Index(i))
		}
	default:
		// TestEveryPayloadCompacts refuses such payload types in the registry.
		panic("boltstore: compact encoding of a " + v.Kind().String())
	}
	return dst
}

// compactReader reads a compact record. Strings are cut from one copy of the record, so that a record
// costs one string allocation however many strings it holds.
type compactReader struct {
	data []byte
	text string // string(data)
	off  int
	err  error
}

func (r *compactReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("compact record truncated or malformed at byte %d (%s): %w", r.off, what, events.ErrInvalid)
	}
}

func (r *compactReader) uvarint(what string) uint64 { return readVarint(r, what, binary.Uvarint) }

func (r *compactReader) varint(what string) int64 { return readVarint(r, what, binary.Varint) }

// readVarint reads one varint with decode (binary.Uvarint or binary.Varint).
func readVarint[T uint64 | int64](r *compactReader, what string, decode func([]byte) (T, int)) T {
	if r.err != nil {
		return 0
	}
	v, n := decode(r.data[r.off:])
	if n <= 0 {
		r.fail(what)
		return 0
	}
	r.off += n
	return v
}

func (r *compactReader) bytes(n int, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.data)-r.off {
		r.fail(what)
		return nil
	}
	b := r.data[r.off : r.off+n]
	r.off += n
	return b
}

func (r *compactReader) string(what string) string {
	n := r.uvarint(what)
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.data)-r.off) {
		r.fail(what)
		return ""
	}
	s := r.text[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

// DecodeCompact decodes an event from its compact encoding (AppendCompact). It trusts that the
// event was checked before it was written; malformed bytes return an error wrapping
// events.ErrInvalid.
func DecodeCompact(data []byte) (events.Event, error) {
	if !isCompact(data) {
		return events.Event{}, fmt.Errorf("decode compact event: not a compact record: %w", events.ErrInvalid)
	}
	r := &compactReader{data: data, text: string(data), off: 1}
	var e events.Event
	copy(e.ID[:], r.bytes(16, "id"))
	sec := r.varint("recorded seconds")
	nsec := r.uvarint("recorded nanoseconds")
	e.Type = events.Type(r.string("type"))
	e.Entity = events.EntityID(r.string("entity"))
	text := r.string("date")
	earliest := events.Day(r.varint("earliest day"))
	latest := events.Day(r.varint("latest day"))
	if b := r.bytes(2, "date precision"); b != nil {
		e.Date = events.RestoreDate(text, earliest, latest, events.Precision(b[0]), b[1]&1 != 0, b[1]&2 != 0)
	}
	e.Source.Document = r.string("source document")
	e.Source.Title = r.string("source title")
	e.Source.URL = r.string("source url")
	e.Source.Quote = r.string("source quote")
	e.Note = r.string("note")
	e.Reason = r.string("reason")
	e.Method = r.string("method")
	e.Rule = r.string("rule")
	n := r.uvarint("supersedes")
	if n > uint64(len(data)) {
		r.fail("supersedes")
	}
	for i := uint64(0); i < n && r.err == nil; i++ {
		var id ulid.ULID
		copy(id[:], r.bytes(16, "superseded id"))
		e.Supersedes = append(e.Supersedes, id)
	}
	if r.err != nil {
		return events.Event{}, fmt.Errorf("decode compact event: %w", r.err)
	}
	if nsec >= 1e9 {
		return events.Event{}, fmt.Errorf("decode compact event %s: recorded nanoseconds %d: %w", e.ID, nsec, events.ErrInvalid)
	}
	e.Recorded = time.Unix(sec, int64(nsec)).UTC()
	typ := e.Type.PayloadType()
	if typ == nil {
		return events.Event{}, fmt.Errorf("decode compact event %s: event type %s is not registered: %w", e.ID, events.Excerpt(string(e.Type), events.DefaultExcerpt), events.ErrInvalid)
	}
	pv := reflect.New(typ).Elem()
	r.value(pv)
	if r.err == nil && r.off != len(data) {
		r.fail("data after the payload")
	}
	if r.err != nil {
		return events.Event{}, fmt.Errorf("decode compact event %s: %w", e.ID, r.err)
	}
	e.Payload = pv.Interface().(events.Payload)
	return e, nil
}

// value reads into v what appendValue wrote.
func (r *compactReader) value(v reflect.Value) {
	if r.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			r.value(v.Field(i))
		}
	case reflect.String:
		v.SetString(r.string("payload string"))
	case reflect.Int, reflect.Int64, reflect.Int32:
		n := r.varint("payload integer")
		if v.OverflowInt(n) {
			r.fail("payload integer out of range")
			return
		}
		v.SetInt(n)
	case reflect.Bool:
		if b := r.bytes(1, "payload bool"); b != nil {
			v.SetBool(b[0] != 0)
		}
	case reflect.Slice:
		n := r.uvarint("payload list")
		if n == 0 || r.err != nil {
			return
		}
		if n-1 > uint64(len(r.data)-r.off) { // every element takes at least one byte
			r.fail("payload list length")
			return
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		for i := range int(n - 1) {
			r.value(s.Index(i))
		}
		v.Set(s)
	}
}
