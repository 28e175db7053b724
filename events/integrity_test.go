package events_test

import (
	"errors"
	"strings"
	"testing"

	"annals/events"
)

func TestValidateNameLimits(t *testing.T) {
	named := func(name string) events.Fact {
		return events.Fact{Type: events.TypeEntityNamed, Entity: "p", Date: events.MustParseDate("1990"),
			Source:  events.Source{Title: "T", URL: "https://example.org", Quote: "q"},
			Payload: events.EntityNamed{Kind: events.KindParty, Name: name, NameType: events.NameOfficial}}
	}
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"at the limit", strings.Repeat("a", events.MaxNameLength), true},
		{"one byte over", strings.Repeat("a", events.MaxNameLength+1), false},
		{"far over", strings.Repeat("Long Name ", 4000), false},
		{"folds too long", strings.Repeat("\ufdfa", events.MaxNameLength/3), false}, // each 3 bytes fold to 33
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := named(tt.in).Validate()
			if tt.ok != (err == nil) || (!tt.ok && !errors.Is(err, events.ErrInvalid)) {
				t.Errorf("Validate(a name of %d bytes) = %v, want ok %v", len(tt.in), err, tt.ok)
			}
			if err != nil && len(err.Error()) > 400 {
				t.Errorf("Validate(a name of %d bytes) = an error of %d bytes, want it short", len(tt.in), len(err.Error()))
			}
		})
	}
}

// A fact with text that is not valid UTF-8, anywhere, is refused: it could not round-trip.
func TestFactRefusesInvalidUTF8(t *testing.T) {
	bad := "Sam Rainsy \xff Party"
	var described, ideology events.Fact
	for _, f := range events.Examples() {
		switch f.Type {
		case events.TypeEntityDescribed:
			described = f
		case events.TypePartyIdeology:
			ideology = f
		}
	}
	for name, tt := range map[string]struct {
		base   events.Fact
		mutate func(f *events.Fact)
	}{
		"quote":   {described, func(f *events.Fact) { f.Source.Quote = bad }},
		"note":    {described, func(f *events.Fact) { f.Note = bad }},
		"payload": {described, func(f *events.Fact) { f.Payload = events.EntityDescribed{Attribute: "slogan", Value: bad} }},
		"list":    {ideology, func(f *events.Fact) { f.Payload = events.PartyIdeology{Ideologies: []string{"Liberalism", bad}} }},
	} {
		f := tt.base
		if err := f.Validate(); err != nil {
			t.Fatalf("%s: the example does not validate: %v", name, err)
		}
		tt.mutate(&f)
		if err := f.Validate(); !errors.Is(err, events.ErrInvalid) || !strings.Contains(err.Error(), "not valid UTF-8") {
			t.Errorf("%s: Validate() = %v, want an error saying the text is not valid UTF-8", name, err)
		}
	}
}
