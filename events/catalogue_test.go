package events_test

import (
	"testing"

	"annals/events"
)

func TestCatalogue(t *testing.T) {
	cat := events.Catalogue()
	if len(cat) != len(events.Types()) {
		t.Fatalf("Catalogue() has %d types, want %d", len(cat), len(events.Types()))
	}
	byType := map[events.Type]events.TypeInfo{}
	for _, info := range cat {
		byType[info.Type] = info
		if info.Summary == "" || len(info.Fields) == 0 && info.Type != events.TypeRecordRetracted {
			t.Errorf("%s: summary %q, %d fields", info.Type, info.Summary, len(info.Fields))
		}
	}
	field := func(typ events.Type, name string) events.FieldInfo {
		for _, f := range byType[typ].Fields {
			if f.Name == name {
				return f
			}
		}
		t.Fatalf("%s has no field %s: %+v", typ, name, byType[typ].Fields)
		return events.FieldInfo{}
	}
	for _, tt := range []struct {
		typ      events.Type
		name     string
		kind     string
		required bool
	}{
		{events.TypePartyRenamed, "to", "string", true},
		{events.TypePartyRenamed, "from", "string", false},
		{events.TypeLeaderLeftOffice, "person", "entity", true}, // a field of the embedded Office
		{events.TypePartyMerged, "members", "list of entity", true},
		{events.TypePartyDissolved, "forced", "boolean", false},
		{events.TypeElectionResult, "votes", "integer", false},
	} {
		f := field(tt.typ, tt.name)
		if f.Type != tt.kind || f.Required != tt.required {
			t.Errorf("%s.%s = %+v, want type %s, required %v", tt.typ, tt.name, f, tt.kind, tt.required)
		}
	}
}
