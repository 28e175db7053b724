package events

import (
	"fmt"
	"reflect"
	"time"
	"unicode/utf8"
)

// Limits on what a fact may hold, so that every event the recorder publishes can be stored: a store
// keys its indexes by names (bbolt refuses keys over 32 KiB), and one event that cannot be stored
// would be quarantined instead of recorded. Fact.Validate checks them; DecodeEvent, through it, refuses
// an event from outside the record that breaks them.
const (
	// MaxNameLength is the longest name a fact may give an entity, in bytes.
	MaxNameLength = 1024
	// MaxNameKeyLength is the longest a name may become once folded by NameKey (which may expand
	// compatibility characters), in bytes.
	MaxNameKeyLength = 4 * MaxNameLength
)

// checkLimits returns an error wrapping ErrInvalid, naming the name, for a name the fact gives its
// entity that is longer than MaxNameLength bytes, or whose NameKey is longer than MaxNameKeyLength.
func (f Fact) checkLimits() error {
	if f.Payload == nil {
		return nil
	}
	if err := f.checkUTF8(); err != nil {
		return err
	}
	n, ok := f.Payload.(Namer)
	if !ok {
		return nil
	}
	for _, name := range n.Names() {
		switch {
		case len(name) > MaxNameLength:
			return fmt.Errorf("name %s is %d bytes long, more than the %d a name may have: %w", shortQuote(name), len(name), MaxNameLength, ErrInvalid)
		case len(NameKey(name)) > MaxNameKeyLength:
			return fmt.Errorf("name %s folds to %d bytes, more than %d: %w", shortQuote(name), len(NameKey(name)), MaxNameKeyLength, ErrInvalid)
		}
	}
	return nil
}

// LogInfo identifies a log and says how far it goes. A log that was deleted and created again has
// another Created time, even under the same name.
type LogInfo struct {
	Created  time.Time // when the log (a JetStream stream) was created
	FirstSeq uint64    // the sequence of its first event (1, unless events were removed)
	LastSeq  uint64    // the sequence of its last event, 0 if it is empty
}

// Quarantined is an entry of the log that a store could not apply: a message that does not decode as
// an event, or an event the store cannot hold. Its sequence is consumed (the store's LastSeq moves past
// it) and the record goes on without it.
type Quarantined struct {
	Seq    uint64
	Entity EntityID // the entity the log filed it under, if known
	Reason string   // why it was not applied
	Raw    []byte   // its bytes as the log holds them, the first MaxQuarantinedRaw of them
	Size   int      // the length of its bytes in the log
}

// MaxQuarantinedRaw is how many bytes of a quarantined entry a store keeps.
const MaxQuarantinedRaw = 4096

// shortQuote quotes the first 60 bytes of a long name (cut at a character boundary), so that an error
// never echoes a long input.
func shortQuote(s string) string {
	const max = 60
	if len(s) <= max {
		return fmt.Sprintf("%q", s)
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return fmt.Sprintf("%q…", s[:cut])
}

// checkUTF8 refuses a fact with text that is not valid UTF-8 anywhere (its source, note, reason,
// method, rule or payload): the wire encoding would write such bytes as U+FFFD, so the fact would not
// read back as it was written, and every text of the record round-trips byte for byte.
func (f Fact) checkUTF8() error {
	for _, field := range []struct{ name, value string }{
		{"source document", f.Source.Document}, {"source title", f.Source.Title}, {"source url", f.Source.URL},
		{"source quote", f.Source.Quote}, {"note", f.Note}, {"reason", f.Reason}, {"method", f.Method}, {"rule", f.Rule},
	} {
		if !utf8.ValidString(field.value) {
			return fmt.Errorf("the %s %s is not valid UTF-8: %w", field.name, shortQuote(field.value), ErrInvalid)
		}
	}
	bad, invalid, known := "", false, false
	if c, ok := payloadCodecs[f.Type]; ok && c.invalidText != nil {
		bad, invalid, known = c.invalidText(f.Payload)
	}
	if !known {
		bad, invalid = invalidString(reflect.ValueOf(f.Payload))
	}
	if invalid {
		return fmt.Errorf("the payload text %s is not valid UTF-8: %w", shortQuote(bad), ErrInvalid)
	}
	return nil
}

// invalidString returns the first string in v (a payload: structs, strings, slices of them) that is
// not valid UTF-8.
func invalidString(v reflect.Value) (string, bool) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); !utf8.ValidString(s) {
			return s, true
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if s, bad := invalidString(v.Field(i)); bad {
				return s, true
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if s, bad := invalidString(v.Index(i)); bad {
				return s, true
			}
		}
	}
	return "", false
}
