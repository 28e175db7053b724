package record_test

import (
	"encoding/json"
	"errors"
	"testing"

	"annals/events"
	"annals/record"
)

func TestEditPayload(t *testing.T) {
	p := events.PartyFounded{Name: "Candle Party"}
	tests := []struct {
		name    string
		set     map[string]json.RawMessage
		whole   string
		want    string
		invalid bool
	}{
		{"nothing", nil, "", "Candle Party", false},
		{"a field", map[string]json.RawMessage{"name": json.RawMessage(`"Lamp Party"`)}, "", "Lamp Party", false},
		{"the whole payload", nil, `{"name":"Torch Party"}`, "Torch Party", false},
		{"an unknown field", map[string]json.RawMessage{"colour": json.RawMessage(`"red"`)}, "", "", true},
		{"not JSON", map[string]json.RawMessage{"name": json.RawMessage(`Lamp`)}, "", "", true},
		{"an empty name", map[string]json.RawMessage{"name": json.RawMessage(`""`)}, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := record.EditPayload(events.TypePartyFounded, p, tt.set, json.RawMessage(tt.whole))
			if tt.invalid {
				if !errors.Is(err, events.ErrInvalid) {
					t.Fatalf("EditPayload(%s) = %v, %v; want ErrInvalid", tt.name, got, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("EditPayload(%s) = %v", tt.name, err)
			}
			if f, ok := got.(events.PartyFounded); !ok || f.Name != tt.want {
				t.Errorf("EditPayload(%s) = %#v, want name %q", tt.name, got, tt.want)
			}
		})
	}
}
