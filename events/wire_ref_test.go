package events

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/oklog/ulid/v2"
)

// The reflective encoders and decoder that the wire encoding was first written with, kept as the
// reference that the encoders and the decoder without reflection are held to (byte for byte, error
// for error) and as the baseline of the benchmarks.

// refFactID is Fact.ID through encoding/json.
func refFactID(f Fact) FactID {
	payload, err := json.Marshal(f.Payload)
	if err != nil {
		panic(fmt.Sprintf("events: encode payload of %s: %v", f.Type, err))
	}
	return f.refIDWith(payload)
}

func (f Fact) refIDWith(payload json.RawMessage) FactID {
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

func idStrings(ids []ulid.ULID) []string {
	var out []string
	for _, id := range ids {
		out = append(out, id.String())
	}
	return out
}

func (f Fact) refWire() (factJSON, error) {
	payload, err := json.Marshal(f.Payload)
	if err != nil {
		return factJSON{}, fmt.Errorf("encode %s payload: %w", f.Type, err)
	}
	return factJSON{Type: f.Type, Entity: f.Entity, Involves: f.Involves(), Date: f.Date.String(),
		Source: f.Source, Payload: payload, Note: f.Note, Supersedes: idStrings(f.Supersedes), Reason: f.Reason,
		Method: f.Method, Rule: f.Rule}, nil
}

// refMarshalFact is Fact.MarshalJSON through encoding/json.
func refMarshalFact(f Fact) ([]byte, error) {
	w, err := f.refWire()
	if err != nil {
		return nil, err
	}
	return json.Marshal(w)
}

// refEncodeEvent is EncodeEvent through encoding/json.
func refEncodeEvent(e Event) ([]byte, error) {
	w, err := e.Fact.refWire()
	if err != nil {
		return nil, fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	if err := checkRecorded(e.Recorded); err != nil {
		return nil, fmt.Errorf("encode event %s: %w", e.ID, err)
	}
	w.ID = e.ID.String()
	w.FactID = e.Fact.refIDWith(w.Payload)
	w.Recorded = e.Recorded.UTC().Format(time.RFC3339Nano)
	return json.Marshal(w)
}

// refDecodePayload is DecodePayload through encoding/json alone.
func refDecodePayload(t Type, data []byte) (Payload, error) {
	reg, ok := registry[t]
	if !ok {
		return nil, fmt.Errorf("event type %s is not registered: %w", Excerpt(string(t), DefaultExcerpt), ErrInvalid)
	}
	p, err := reg.decodeReflect(data)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("%s payload: %w", t, err)
	}
	return p, nil
}

// refDecodeEventID is DecodeEventID through encoding/json alone.
func refDecodeEventID(data []byte) (Event, FactID, error) {
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
	f, err := w.factWith(refDecodePayload)
	if err != nil {
		return Event{}, "", fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	if err := f.Validate(); err != nil {
		return Event{}, "", fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	got := refFactID(f)
	if w.FactID != got {
		return Event{}, "", fmt.Errorf("decode event %s: fact id %s does not match its content (%q): %w", w.ID, Excerpt(string(w.FactID), DefaultExcerpt), got, ErrInvalid)
	}
	return Event{ID: id, Fact: f, Recorded: recorded, factID: got}, got, nil
}

// refDecodeChecked is DecodeChecked through encoding/json alone.
func refDecodeChecked(data []byte) (Event, error) {
	var w factJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return Event{}, fmt.Errorf("decode event: %s: %w", excerptMessage(err), ErrInvalid)
	}
	id, recorded, err := w.envelope()
	if err != nil {
		return Event{}, err
	}
	f, err := w.factWith(func(t Type, data []byte) (Payload, error) {
		reg, ok := registry[t]
		if !ok {
			return nil, fmt.Errorf("event type %s is not registered: %w", Excerpt(string(t), DefaultExcerpt), ErrInvalid)
		}
		return reg.trustedReflect(data)
	})
	if err != nil {
		return Event{}, fmt.Errorf("decode event %s: %w", w.ID, err)
	}
	return Event{ID: id, Fact: f, Recorded: recorded, factID: w.FactID}, nil
}

// refUnmarshalFact is Fact.UnmarshalJSON through encoding/json alone.
func refUnmarshalFact(data []byte) (Fact, error) {
	var w factJSON
	if err := DecodeStrict(data, &w); err != nil {
		return Fact{}, fmt.Errorf("decode fact: %s: %w", excerptMessage(err), ErrInvalid)
	}
	if w.ID != "" || w.FactID != "" || w.Recorded != "" {
		return Fact{}, fmt.Errorf("decode fact about %s: id, fact_id and recorded are given when a fact is recorded, not by its author: %w", Excerpt(string(w.Entity), DefaultExcerpt), ErrInvalid)
	}
	return w.factWith(refDecodePayload)
}
