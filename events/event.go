package events

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
)

// Source says where a fact comes from: a document held in the record (Document, its file name), or an
// external work (Title with a URL or reference). Quote is the exact passage that supports the fact and
// is required either way.
type Source struct {
	Document string `json:"document,omitempty"`
	Title    string `json:"title,omitempty"`
	URL      string `json:"url,omitempty"`
	Quote    string `json:"quote"`
}

// Validate returns nil if the source names a document or an external work and holds a quote.
func (s Source) Validate() error {
	var errs []error
	if strings.TrimSpace(s.Quote) == "" {
		errs = append(errs, fmt.Errorf("source quote is required: %w", ErrInvalid))
	}
	switch {
	case s.Document != "" && (s.Title != "" || s.URL != ""):
		errs = append(errs, fmt.Errorf("source names both a document and an external work: %w", ErrInvalid))
	case s.Document == "" && s.Title == "":
		errs = append(errs, fmt.Errorf("source needs a document, or a title with a URL or reference: %w", ErrInvalid))
	case s.Document == "" && s.URL == "":
		errs = append(errs, fmt.Errorf("source %s needs a URL or reference: %w", Excerpt(s.Title, DefaultExcerpt), ErrInvalid))
	}
	return errors.Join(errs...)
}

// Label returns a short name for the source: the document's file name or the external title.
func (s Source) Label() string {
	if s.Document != "" {
		return s.Document
	}
	return s.Title
}

// FactID identifies a fact by its content: its type, entity, historical date, source and payload. The
// same statement drawn from the same source always has the same FactID, whenever it is recorded.
type FactID string

// Fact is a statement drawn from a source, before it is recorded: an Event without its id and
// recorded time. Facts are what documents, curated files and `recorder append` supply.
type Fact struct {
	Type    Type
	Entity  EntityID
	Date    Date
	Source  Source
	Payload Payload
	Note    string // the curator's remark; not part of the fact's identity

	// Method says how the fact was drawn from its source: "" for a fact stated by a document's
	// structure (infobox, table) or written by a person, MethodDrafted for a fact drafted from running
	// text by a rule, not yet reviewed. It is part of the fact's identity, so that a person's fact and
	// a drafted fact with the same words stay two facts. Rule names the rule that drafted the fact; it
	// is not part of the identity (rules are renamed; the fact is the same).
	Method string
	Rule   string

	// Supersedes lists the events this fact corrects (or, for a retraction, withdraws). The superseded
	// events stay in the record; answers about the present leave them out. Reason says why, and is
	// required with Supersedes.
	Supersedes []ulid.ULID
	Reason     string
}

// MethodDrafted marks a fact drafted from running text by a rule (Fact.Method).
const MethodDrafted = "drafted"

// Drafted reports whether the fact was drafted by a rule rather than stated by a document's structure
// or written by a person.
func (f Fact) Drafted() bool { return f.Method == MethodDrafted }

// IsCorrection reports whether the fact supersedes earlier events.
func (f Fact) IsCorrection() bool { return len(f.Supersedes) > 0 }

// Validate returns nil if the fact is complete: a registered type matching its payload, a valid
// entity, a date (XXXX when unknown, never the zero Date), a valid payload and a source with a quote.
// Errors wrap ErrInvalid.
func (f Fact) Validate() error {
	if f.Payload == nil {
		return fmt.Errorf("fact %s about %s has no payload: %w", excerptWord(string(f.Type)), Excerpt(string(f.Entity), DefaultExcerpt), ErrInvalid)
	}
	if f.Type != f.Payload.EventType() {
		return fmt.Errorf("fact type %s does not match its payload type %q: %w", Excerpt(string(f.Type), DefaultExcerpt), f.Payload.EventType(), ErrInvalid)
	}
	if !f.Type.Registered() {
		return fmt.Errorf("event type %s is not registered: %w", Excerpt(string(f.Type), DefaultExcerpt), ErrInvalid)
	}
	var errs []error
	if err := f.Entity.Validate(); err != nil {
		errs = append(errs, err)
	}
	if f.Date.IsZero() {
		// The zero Date encodes as "", which ParseDate refuses: such an event could be written but
		// never read back.
		errs = append(errs, fmt.Errorf("date is required (write XXXX for an unknown date): %w", ErrInvalid))
	}
	if err := f.Payload.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := f.Source.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := f.checkLimits(); err != nil {
		errs = append(errs, err)
	}
	if f.Method != "" && f.Method != MethodDrafted {
		errs = append(errs, fmt.Errorf("method %s is not %q (or empty, for a fact a person wrote or a document's structure states): %w", Excerpt(f.Method, DefaultExcerpt), MethodDrafted, ErrInvalid))
	}
	if f.Rule != "" && f.Method == "" {
		errs = append(errs, fmt.Errorf("rule %s is given but the fact is not drafted: %w", Excerpt(f.Rule, DefaultExcerpt), ErrInvalid))
	}
	switch {
	case f.IsCorrection() && strings.TrimSpace(f.Reason) == "":
		errs = append(errs, fmt.Errorf("a correction or retraction needs a reason: %w", ErrInvalid))
	case !f.IsCorrection() && f.Reason != "":
		errs = append(errs, fmt.Errorf("a reason is given but the fact supersedes no event: %w", ErrInvalid))
	case f.Type == TypeRecordRetracted && !f.IsCorrection():
		errs = append(errs, fmt.Errorf("a retraction must name the events it withdraws (supersedes): %w", ErrInvalid))
	}
	for i, id := range f.Supersedes {
		if id == (ulid.ULID{}) {
			errs = append(errs, fmt.Errorf("supersedes[%d] is a zero id: %w", i, ErrInvalid))
		}
		for _, other := range f.Supersedes[:i] {
			if other == id {
				errs = append(errs, fmt.Errorf("supersedes %s twice: %w", id, ErrInvalid))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("fact %s about %s: %w", excerptWord(string(f.Type)), Excerpt(string(f.Entity), DefaultExcerpt), err)
	}
	return nil
}

// ID returns the fact's identity: a hex digest of its canonical encoding (Note excluded).
func (f Fact) ID() FactID {
	var text [32]byte
	f.putID(text[:])
	return FactID(text[:])
}

// putID writes the fact's id into dst (32 bytes).
func (f Fact) putID(dst []byte) {
	buf := getBuffer()
	defer putBuffer(buf)
	b := f.appendCanonicalHead((*buf)[:0])
	b, err := appendPayload(b, f.Type, f.Payload)
	if err != nil {
		// Payloads are plain structs of strings, numbers and slices: they always encode.
		panic(fmt.Sprintf("events: encode payload of %s: %v", f.Type, err))
	}
	b = f.appendCanonicalTail(b)
	*buf = b
	sum := sha256.Sum256(b)
	hex.Encode(dst, sum[:16])
}

// putIDWith writes the fact's id into dst (32 bytes) given its payload's JSON encoding
// (json.Marshal(f.Payload)).
func (f Fact) putIDWith(dst, payload []byte) {
	buf := getBuffer()
	defer putBuffer(buf)
	b := f.appendCanonicalHead((*buf)[:0])
	b = append(b, payload...)
	b = f.appendCanonicalTail(b)
	*buf = b
	sum := sha256.Sum256(b)
	hex.Encode(dst, sum[:16])
}

// appendCanonicalHead appends the canonical encoding of the fact up to its payload, and
// appendCanonicalTail what follows the payload. The canonical encoding, which the fact's id digests,
// is the JSON object json.Marshal writes for {type, entity, date, source, payload, supersedes, reason,
// method}. Supersedes, reason and method are left out when empty, so that the identity of every fact
// recorded before corrections (or drafting) existed is unchanged.
func (f Fact) appendCanonicalHead(b []byte) []byte {
	b = append(b, `{"type":`...)
	b = appendString(b, string(f.Type))
	b = append(b, `,"entity":`...)
	b = appendString(b, string(f.Entity))
	b = append(b, `,"date":`...)
	b = appendString(b, f.Date.String())
	b = append(b, `,"source":`...)
	b = appendSource(b, f.Source)
	return append(b, `,"payload":`...)
}

func (f Fact) appendCanonicalTail(b []byte) []byte {
	return append(f.appendAmendment(b), '}')
}

// appendAmendment appends the members of a correction and of a drafted fact that follow the payload
// in both encodings: supersedes, reason and method, each left out when empty.
func (f Fact) appendAmendment(b []byte) []byte {
	b = f.appendSupersedes(b)
	if f.Reason != "" {
		b = append(b, `,"reason":`...)
		b = appendString(b, f.Reason)
	}
	if f.Method != "" {
		b = append(b, `,"method":`...)
		b = appendString(b, f.Method)
	}
	return b
}

// appendSupersedes appends the supersedes member, if the fact supersedes any event.
func (f Fact) appendSupersedes(b []byte) []byte {
	if len(f.Supersedes) == 0 {
		return b
	}
	b = append(b, `,"supersedes":[`...)
	for i, id := range f.Supersedes {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = appendULID(b, id)
		b = append(b, '"')
	}
	return append(b, ']')
}

// Involves returns the entities the fact involves besides its own entity, without repeats, in the
// order the payload names them.
func (f Fact) Involves() []EntityID {
	if f.Payload == nil {
		return nil
	}
	refs := f.Payload.Refs()
	var out []EntityID
	if len(refs) > 16 {
		seen := map[EntityID]bool{f.Entity: true}
		for _, id := range refs {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
		return out
	}
	for _, id := range refs {
		if id != f.Entity && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// Event is a recorded fact: immutable once written. ID is a ULID whose time is the recorded time.
type Event struct {
	ID ulid.ULID
	Fact
	Recorded time.Time // when the record learned the fact (UTC); recorded time, never historical

	factID FactID // Fact.ID(), when the event was made or decoded with it; "" if not known
}

// FactID returns the id of the event's fact: the one computed when the event was made (NewEvent) or
// checked when it was decoded (DecodeEventID, DecodeChecked), without computing it again, or else
// Fact.ID(). An event is immutable: a copy whose Fact is changed afterwards (a projection's rewrite)
// is no longer the recorded event and must not be asked its FactID.
func (e Event) FactID() FactID {
	if e.factID != "" {
		return e.factID
	}
	return e.Fact.ID()
}

// NewEvent records f under id at the recorded time given. It validates f and returns an error
// wrapping ErrInvalid if it is incomplete.
func NewEvent(f Fact, id ulid.ULID, recorded time.Time) (Event, error) {
	if err := f.Validate(); err != nil {
		return Event{}, err
	}
	if id == (ulid.ULID{}) {
		return Event{}, fmt.Errorf("event id is zero: %w", ErrInvalid)
	}
	return Event{ID: id, Fact: f, Recorded: recorded.UTC(), factID: f.ID()}, nil
}

// NewEventKnown is NewEvent for a fact whose id the caller has computed (fid is f.ID(), as the
// recorder computes it once to look the fact up), so that it is not computed again: the event's
// FactID is fid. An empty fid is computed. EncodeEvent writes the fact id of the content it encodes,
// whatever fid is.
func NewEventKnown(f Fact, fid FactID, id ulid.ULID, recorded time.Time) (Event, error) {
	if err := f.Validate(); err != nil {
		return Event{}, err
	}
	if id == (ulid.ULID{}) {
		return Event{}, fmt.Errorf("event id is zero: %w", ErrInvalid)
	}
	if fid == "" {
		fid = f.ID()
	}
	return Event{ID: id, Fact: f, Recorded: recorded.UTC(), factID: fid}, nil
}

// DecodeChecked decodes an event from bytes that DecodeEvent accepted before, such as a store's copy of
// what the log delivered. It skips what DecodeEvent checks beyond the shape (unknown fields, payload
// validation, the fact id against the content), which is most of the cost of reading a stored event;
// malformed bytes still return an error wrapping ErrInvalid. Bytes from outside the record (a log, a
// file, the network) go through DecodeEvent.
func DecodeChecked(data []byte) (Event, error) {
	w, p, ok := readWire(data)
	decode := func(Type, []byte) (Payload, error) { return p, nil }
	if !ok {
		var rw factJSON // its own variable, so that w stays on the stack on the fast path
		if err := json.Unmarshal(data, &rw); err != nil {
			return Event{}, fmt.Errorf("decode event: %s: %w", excerptMessage(err), ErrInvalid)
		}
		w, decode = rw, decodeTrusted
	}
	id, recorded, err := w.envelope()
	if err != nil {
		return Event{}, err
	}
	f, err := w.factWith(decode)
	if err != nil {
		return Event{}, fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	return Event{ID: id, Fact: f, Recorded: recorded, factID: w.FactID}, nil
}

// factJSON is the wire shape of a Fact (and of the fact inside an Event).
type factJSON struct {
	ID       string          `json:"id,omitempty"`
	FactID   FactID          `json:"fact_id,omitempty"`
	Type     Type            `json:"type"`
	Entity   EntityID        `json:"entity"`
	Involves []EntityID      `json:"involves,omitempty"`
	Date     string          `json:"date"`
	Recorded string          `json:"recorded,omitempty"`
	Source   Source          `json:"source"`
	Payload  json.RawMessage `json:"payload"`
	Note     string          `json:"note,omitempty"`

	Supersedes []string `json:"supersedes,omitempty"`
	Reason     string   `json:"reason,omitempty"`
	Method     string   `json:"method,omitempty"`
	Rule       string   `json:"rule,omitempty"`
}

// MarshalJSON encodes the fact in its wire shape: type, entity, date (EDTF), source, payload, note.
func (f Fact) MarshalJSON() ([]byte, error) {
	buf := getBuffer()
	defer putBuffer(buf)
	b, _, err := f.appendWire((*buf)[:0], nil)
	*buf = b
	if err != nil {
		return nil, err
	}
	return bytes.Clone(b), nil
}

// appendWire appends the wire encoding of f, as json.Marshal writes its factJSON: with the envelope
// of e (its id, a fact id of 32 zeros for the caller to fill in at fidAt, and its recorded time) when
// e is not nil. It returns where the payload's encoding begins and ends.
func (f Fact) appendWire(b []byte, e *Event) (_ []byte, payload [2]int, err error) {
	if e != nil {
		b = append(b, `{"id":"`...)
		b = appendULID(b, e.ID)
		b = append(b, `","fact_id":"00000000000000000000000000000000","type":`...)
	} else {
		b = append(b, `{"type":`...)
	}
	b = appendString(b, string(f.Type))
	b = append(b, `,"entity":`...)
	b = appendString(b, string(f.Entity))
	b = f.appendInvolves(b)
	b = append(b, `,"date":`...)
	b = appendString(b, f.Date.String())
	if e != nil {
		// RFC 3339 in UTC needs no escaping.
		b = append(b, `,"recorded":"`...)
		b = e.Recorded.UTC().AppendFormat(b, time.RFC3339Nano)
		b = append(b, '"')
	}
	b = append(b, `,"source":`...)
	b = appendSource(b, f.Source)
	b = append(b, `,"payload":`...)
	payload[0] = len(b)
	if b, err = appendPayload(b, f.Type, f.Payload); err != nil {
		return b, payload, fmt.Errorf("encode %s payload: %w", f.Type, err)
	}
	payload[1] = len(b)
	if f.Note != "" {
		b = append(b, `,"note":`...)
		b = appendString(b, f.Note)
	}
	b = f.appendAmendment(b)
	if f.Rule != "" {
		b = append(b, `,"rule":`...)
		b = appendString(b, f.Rule)
	}
	return append(b, '}'), payload, nil
}

// appendInvolves appends the involves member, if the fact involves other entities (Involves).
func (f Fact) appendInvolves(b []byte) []byte {
	if f.Payload == nil {
		return b
	}
	refs, dedupe := f.Payload.Refs(), true
	if len(refs) > 16 {
		refs, dedupe = f.Involves(), false // without a quadratic search
	}
	n := 0
	for i, id := range refs {
		if dedupe && (id == f.Entity || slices.Contains(refs[:i], id)) {
			continue
		}
		if n == 0 {
			b = append(b, `,"involves":[`...)
		} else {
			b = append(b, ',')
		}
		b = appendString(b, string(id))
		n++
	}
	if n > 0 {
		b = append(b, ']')
	}
	return b
}

// fidAt is where appendWire writes the fact id of an event.
const fidAt = len(`{"id":"`) + ulid.EncodedSize + len(`","fact_id":"`)

// UnmarshalJSON decodes a fact from its wire shape, decoding the payload by its type and refusing
// unknown fields. It does not check the source quote against a document: that is the recorder's job.
func (f *Fact) UnmarshalJSON(data []byte) error {
	w, p, ok := readWire(data)
	decode := func(t Type, _ []byte) (Payload, error) { return validPayload(t, p) }
	if !ok {
		var rw factJSON // its own variable, so that w stays on the stack on the fast path
		if err := DecodeStrict(data, &rw); err != nil {
			return fmt.Errorf("decode fact: %s: %w", excerptMessage(err), ErrInvalid)
		}
		w, decode = rw, DecodePayload
	}
	if w.ID != "" || w.FactID != "" || w.Recorded != "" {
		return fmt.Errorf("decode fact about %s: id, fact_id and recorded are given when a fact is recorded, not by its author: %w", Excerpt(string(w.Entity), DefaultExcerpt), ErrInvalid)
	}
	got, err := w.factWith(decode)
	if err != nil {
		return err
	}
	*f = got
	return nil
}

// factWith returns the fact w holds, with the payload decoded by decode: DecodePayload, decodeTrusted
// for bytes checked before, or a function that returns the payload readWire read.
func (w factJSON) factWith(decode func(Type, []byte) (Payload, error)) (Fact, error) {
	date, err := ParseDate(w.Date)
	if err != nil {
		return Fact{}, fmt.Errorf("fact %s about %s: %w", excerptWord(string(w.Type)), Excerpt(string(w.Entity), DefaultExcerpt), err)
	}
	if len(w.Payload) == 0 {
		return Fact{}, fmt.Errorf("fact %s about %s has no payload: %w", excerptWord(string(w.Type)), Excerpt(string(w.Entity), DefaultExcerpt), ErrInvalid)
	}
	payload, err := decode(w.Type, w.Payload)
	if err != nil {
		return Fact{}, fmt.Errorf("fact about %s: %w", Excerpt(string(w.Entity), DefaultExcerpt), err)
	}
	var supersedes []ulid.ULID
	for _, s := range w.Supersedes {
		id, err := ulid.ParseStrict(s)
		if err != nil {
			return Fact{}, fmt.Errorf("fact %s about %s: supersedes %s: %v: %w", excerptWord(string(w.Type)), Excerpt(string(w.Entity), DefaultExcerpt), Excerpt(s, DefaultExcerpt), err, ErrInvalid)
		}
		supersedes = append(supersedes, id)
	}
	return Fact{Type: w.Type, Entity: w.Entity, Date: date, Source: w.Source, Payload: payload, Note: w.Note,
		Supersedes: supersedes, Reason: w.Reason, Method: w.Method, Rule: w.Rule}, nil
}

// EncodeEvent returns the wire encoding of e: one JSON object with its id, fact id, type, entity,
// involved entities, date (EDTF as written), recorded time (RFC 3339 UTC), source, payload and note.
// It returns an error wrapping ErrInvalid for a recorded time outside the years 0000-9999 in UTC.
func EncodeEvent(e Event) ([]byte, error) {
	buf := getBuffer()
	defer putBuffer(buf)
	b, payload, err := e.Fact.appendWire((*buf)[:0], &e)
	*buf = b
	if err != nil {
		return nil, fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	if err := checkRecorded(e.Recorded); err != nil {
		return nil, fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	e.Fact.putIDWith(b[fidAt:fidAt+32], b[payload[0]:payload[1]]) // from the content written, never a cached copy
	return bytes.Clone(b), nil
}

// checkRecorded refuses a recorded time that RFC 3339 cannot write in UTC (years 0000 to 9999), which
// would encode to text that no decoder reads back.
func checkRecorded(t time.Time) error {
	if y := t.UTC().Year(); y < 0 || y > 9999 {
		return fmt.Errorf("recorded time %s is outside the years 0000-9999 in UTC: %w", t, ErrInvalid)
	}
	return nil
}

// DecodeEvent decodes an event from its wire encoding and checks it: a registered type, a valid
// payload, a ULID, a recorded time, and a fact id that matches its content (so that a changed event
// is detected). Errors wrap ErrInvalid.
func DecodeEvent(data []byte) (Event, error) {
	e, _, err := DecodeEventID(data)
	return e, err
}

// DecodeEventID is DecodeEvent that also returns the fact id it checked, so that a reader need not
// compute it again.
func DecodeEventID(data []byte) (Event, FactID, error) {
	w, p, ok := readWire(data)
	decode := func(t Type, _ []byte) (Payload, error) { return validPayload(t, p) }
	if !ok {
		var rw factJSON // its own variable, so that w stays on the stack on the fast path
		if err := DecodeStrict(data, &rw); err != nil {
			return Event{}, "", fmt.Errorf("decode event: %s: %w", excerptMessage(err), ErrInvalid)
		}
		w, decode = rw, DecodePayload
	}
	id, recorded, err := w.envelope()
	if err != nil {
		return Event{}, "", err
	}
	if err := checkRecorded(recorded); err != nil {
		return Event{}, "", fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	f, err := w.factWith(decode)
	if err != nil {
		return Event{}, "", fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	if err := f.Validate(); err != nil {
		return Event{}, "", fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	var text [32]byte
	f.putID(text[:])
	if string(w.FactID) != string(text[:]) {
		return Event{}, "", fmt.Errorf("decode event %s: fact id %s does not match its content (%q): %w", w.ID, Excerpt(string(w.FactID), DefaultExcerpt), text[:], ErrInvalid)
	}
	got := w.FactID // the text checked, without a copy
	return Event{ID: id, Fact: f, Recorded: recorded, factID: got}, got, nil
}

// envelope parses what an event adds to its fact: its id and its recorded time (in UTC).
func (w factJSON) envelope() (ulid.ULID, time.Time, error) {
	id, err := ulid.ParseStrict(w.ID)
	if err != nil {
		return ulid.ULID{}, time.Time{}, fmt.Errorf("decode event: id %s: %v: %w", Excerpt(w.ID, DefaultExcerpt), err, ErrInvalid)
	}
	recorded, err := time.Parse(time.RFC3339Nano, w.Recorded)
	if err != nil {
		return ulid.ULID{}, time.Time{}, fmt.Errorf("decode event %s: recorded time %s: %v: %w", w.ID, Excerpt(w.Recorded, DefaultExcerpt), excerptMessage(err), ErrInvalid)
	}
	return id, recorded.UTC(), nil
}
