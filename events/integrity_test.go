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
