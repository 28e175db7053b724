package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
)

// Type is the registered wire name of an event type with its version, such as "party.founded/v1".
// Wire names are written out explicitly, never derived by reflection, and never edited once shipped.
type Type string

// Payload is the typed body of an event. Each implementation is registered under one Type.
type Payload interface {
	// EventType returns the Type the payload is registered under.
	EventType() Type
	// Refs returns the other entities the payload involves (people, parties, organisations).
	Refs() []EntityID
	// Validate returns nil if the payload is complete and consistent, or an error wrapping ErrInvalid.
	Validate() error
	// Describe tells the event in one line of English (see Telling).
	Describe(t Telling) string
}

// Namer is implemented by payloads that give an entity a name (a founding, a rename, an alias).
// Names returns the names the payload gives to the event's entity.
type Namer interface {
	Names() []string
}

// registration describes one registered event type.
type registration struct {
	name    Type // the registered Type itself (readType returns it without a copy)
	kind    Kind // the kind of the entity the event is about; "" for any kind
	summary string
	typ     reflect.Type // the payload's Go type (Type.PayloadType)

	// decodeReflect and trustedReflect decode a payload through encoding/json, refusing unknown fields
	// or not (for checked bytes); decode and trusted try the type's codec first (payloadCodecs), which
	// reads plain JSON to the same payload, and fall back on them.
	decodeReflect, trustedReflect func([]byte) (Payload, error)
}

// decode decodes a payload of the registered type t, refusing unknown fields.
func (reg registration) decode(t Type, data []byte) (Payload, error) {
	if p, ok := decodePlain(t, data); ok {
		return p, nil
	}
	return reg.decodeReflect(data)
}

// trusted decodes a payload of the registered type t from checked bytes, without refusing unknown
// fields.
func (reg registration) trusted(t Type, data []byte) (Payload, error) {
	if p, ok := decodePlain(t, data); ok {
		return p, nil
	}
	return reg.trustedReflect(data)
}

// decodePlain decodes a payload of type t with its codec, if it has one and data is plain JSON (see
// jsonReader).
func decodePlain(t Type, data []byte) (Payload, bool) {
	c, ok := payloadCodecs[t]
	if !ok || c.decode == nil {
		return nil, false
	}
	r := jsonReader{data: data}
	p, ok := c.decode(&r)
	if !ok || !r.end() {
		return nil, false
	}
	return p, true
}

var registry = map[Type]registration{}

// register adds a payload type to the registry. It panics on a duplicate: registrations are static.
func register[P Payload](kind Kind, summary string) {
	var zero P
	t := zero.EventType()
	if _, dup := registry[t]; dup {
		panic("events: type registered twice: " + string(t))
	}
	typ := reflect.TypeFor[P]()
	registry[t] = registration{name: t, kind: kind, summary: summary, typ: typ, decodeReflect: func(data []byte) (Payload, error) {
		var p P
		if err := DecodeStrict(data, &p); err != nil {
			return nil, fmt.Errorf("decode %s payload: %s: %w", t, excerptMessage(err), ErrInvalid)
		}
		return p, nil
	}, trustedReflect: func(data []byte) (Payload, error) {
		var p P
		if err := json.Unmarshal(data, &p); err != nil {
			return nil, fmt.Errorf("decode %s payload: %s: %w", t, excerptMessage(err), ErrInvalid)
		}
		return p, nil
	}}
}

// DecodeStrict decodes the one JSON value in data into v, refusing unknown fields and anything but
// white space after the value ("data after the JSON value"). Its errors are encoding/json's and do not
// wrap ErrInvalid: the caller says what was being decoded.
func DecodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the JSON value")
	}
	return nil
}

// Types returns every registered Type, sorted.
func Types() []Type {
	out := make([]Type, 0, len(registry))
	for t := range registry {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Summary returns the one-line description of a registered Type, or "" if it is not registered.
func (t Type) Summary() string { return registry[t].summary }

// EntityKind returns the kind of entity events of this Type are about, or "" when any kind may be.
func (t Type) EntityKind() Kind { return registry[t].kind }

// PayloadType returns the Go type of the payload of events of Type t, or nil if t is not registered.
// A store's own encoding walks it; reading a payload's JSON needs only DecodePayload.
func (t Type) PayloadType() reflect.Type { return registry[t].typ }

// Registered reports whether t is a registered Type.
func (t Type) Registered() bool { _, ok := registry[t]; return ok }

// DecodePayload decodes the JSON payload of an event of Type t, refusing unknown fields. It returns an
// error wrapping ErrInvalid for an unregistered type or a payload that does not decode or validate.
func DecodePayload(t Type, data []byte) (Payload, error) {
	reg, ok := registry[t]
	if !ok {
		return nil, fmt.Errorf("event type %s is not registered: %w", Excerpt(string(t), DefaultExcerpt), ErrInvalid)
	}
	p, err := reg.decode(t, data)
	if err != nil {
		return nil, err
	}
	return validPayload(t, p)
}

// validPayload returns p, a payload of type t, if it validates, or the error DecodePayload returns
// for it.
func validPayload(t Type, p Payload) (Payload, error) {
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("%s payload: %w", t, err)
	}
	return p, nil
}

// decodeTrusted decodes a payload that was checked before: without refusing unknown fields and
// without validating it.
func decodeTrusted(t Type, data []byte) (Payload, error) {
	reg, ok := registry[t]
	if !ok {
		return nil, fmt.Errorf("event type %s is not registered: %w", Excerpt(string(t), DefaultExcerpt), ErrInvalid)
	}
	return reg.trusted(t, data)
}

// refs collects the non-empty entity ids given.
func refs(ids ...EntityID) []EntityID {
	var out []EntityID
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	return out
}

func validateRefs(field string, ids ...EntityID) error {
	for _, id := range ids {
		if id == "" {
			continue
		}
		if err := id.Validate(); err != nil {
			return fmt.Errorf("%s: %w", field, err)
		}
	}
	return nil
}

func required(field, value string) error {
	if strings.TrimSpace(value) == "" {
		return fmt.Errorf("%s is required: %w", field, ErrInvalid)
	}
	return nil
}

func requiredRef(field string, id EntityID) error {
	if id == "" {
		return fmt.Errorf("%s is required: %w", field, ErrInvalid)
	}
	return validateRefs(field, id)
}

func oneOf(field, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return fmt.Errorf("%s %s is not one of %s: %w", field, Excerpt(value, DefaultExcerpt), strings.Join(allowed, ", "), ErrInvalid)
}
