package events

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
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
	payload, err := json.Marshal(f.Payload)
	if err != nil {
		// Payloads are plain structs of strings, numbers and slices: they always encode.
		panic(fmt.Sprintf("events: encode payload of %s: %v", f.Type, err))
	}
	return f.idWith(payload)
}

// idWith returns the fact's id given its payload's JSON encoding (json.Marshal(f.Payload)).
func (f Fact) idWith(payload json.RawMessage) FactID {
	// Supersedes, reason and method are left out when empty, so that the identity of every fact
	// recorded before corrections (or drafting) existed is unchanged.
	canonical, _ := json.Marshal(struct {
		Type       Type            `json:"type"`
		Entity     EntityID        `json:"entity"`
		Date       string          `json:"date"`
		Source     Source          `json:"source"`
		Payload    json.RawMessage `json:"payload"`
		Supersedes []string        `json:"supersedes,omitempty"`
		Reason     string          `json:"reason,omitempty"`
		Method     string          `json:"method,omitempty"`
	}{f.Type, f.Entity, f.Date.String(), f.Source, payload, idStrings(f.Supersedes), f.Reason, f.Method})
	sum := sha256.Sum256(canonical)
	return FactID(hex.EncodeToString(sum[:16]))
}

// Involves returns the entities the fact involves besides its own entity, without repeats, in the
// order the payload names them.
func (f Fact) Involves() []EntityID {
	if f.Payload == nil {
		return nil
	}
	var out []EntityID
	seen := map[EntityID]bool{f.Entity: true}
	for _, id := range f.Payload.Refs() {
		if !seen[id] {
			seen[id] = true
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

// DecodeChecked decodes an event from bytes that DecodeEvent accepted before, such as a store's copy of
// what the log delivered. It skips what DecodeEvent checks beyond the shape (unknown fields, payload
// validation, the fact id against the content), which is most of the cost of reading a stored event;
// malformed bytes still return an error wrapping ErrInvalid. Bytes from outside the record (a log, a
// file, the network) go through DecodeEvent.
func DecodeChecked(data []byte) (Event, error) {
	var w factJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return Event{}, fmt.Errorf("decode event: %s: %w", excerptMessage(err), ErrInvalid)
	}
	id, recorded, err := w.envelope()
	if err != nil {
		return Event{}, err
	}
	f, err := w.factWith(decodeTrusted)
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

func idStrings(ids []ulid.ULID) []string {
	var out []string
	for _, id := range ids {
		out = append(out, id.String())
	}
	return out
}

// MarshalJSON encodes the fact in its wire shape: type, entity, date (EDTF), source, payload, note.
func (f Fact) MarshalJSON() ([]byte, error) {
	w, err := f.wire()
	if err != nil {
		return nil, err
	}
	return json.Marshal(w)
}

func (f Fact) wire() (factJSON, error) {
	payload, err := json.Marshal(f.Payload)
	if err != nil {
		return factJSON{}, fmt.Errorf("encode %s payload: %w", f.Type, err)
	}
	return factJSON{Type: f.Type, Entity: f.Entity, Involves: f.Involves(), Date: f.Date.String(),
		Source: f.Source, Payload: payload, Note: f.Note, Supersedes: idStrings(f.Supersedes), Reason: f.Reason,
		Method: f.Method, Rule: f.Rule}, nil
}

// UnmarshalJSON decodes a fact from its wire shape, decoding the payload by its type and refusing
// unknown fields. It does not check the source quote against a document: that is the recorder's job.
func (f *Fact) UnmarshalJSON(data []byte) error {
	var w factJSON
	if err := DecodeStrict(data, &w); err != nil {
		return fmt.Errorf("decode fact: %s: %w", excerptMessage(err), ErrInvalid)
	}
	if w.ID != "" || w.FactID != "" || w.Recorded != "" {
		return fmt.Errorf("decode fact about %s: id, fact_id and recorded are given when a fact is recorded, not by its author: %w", Excerpt(string(w.Entity), DefaultExcerpt), ErrInvalid)
	}
	got, err := w.fact()
	if err != nil {
		return err
	}
	*f = got
	return nil
}

func (w factJSON) fact() (Fact, error) { return w.factWith(DecodePayload) }

// factWith is fact with the payload decoded by decode: DecodePayload, or decodeTrusted for bytes
// checked before.
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
	w, err := e.Fact.wire()
	if err != nil {
		return nil, fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	if err := checkRecorded(e.Recorded); err != nil {
		return nil, fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	w.ID = e.ID.String()
	w.FactID = e.Fact.idWith(w.Payload) // from the content written, never a cached copy
	w.Recorded = e.Recorded.UTC().Format(time.RFC3339Nano)
	return json.Marshal(w)
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
	var w factJSON
	if err := DecodeStrict(data, &w); err != nil {
		return Event{}, "", fmt.Errorf("decode event: %s: %w", excerptMessage(err), ErrInvalid)
	}
	id, recorded, err := w.envelope()
	if err != nil {
		return Event{}, "", err
	}
	if err := checkRecorded(recorded); err != nil {
		return Event{}, "", fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	f, err := w.fact()
	if err != nil {
		return Event{}, "", fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	if err := f.Validate(); err != nil {
		return Event{}, "", fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	got := f.ID()
	if w.FactID != got {
		return Event{}, "", fmt.Errorf("decode event %s: fact id %s does not match its content (%q): %w", w.ID, Excerpt(string(w.FactID), DefaultExcerpt), got, ErrInvalid)
	}
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
