package events

import "testing"

func TestExamplesCoverEveryType(t *testing.T) {
	ex := Examples()
	types := Types()
	if len(ex) != len(types) {
		t.Fatalf("Examples() has %d facts, %d types are registered: every type needs one", len(ex), len(types))
	}
	for i, f := range ex {
		if f.Type != types[i] {
			t.Errorf("Examples()[%d] is a %s, want %s (the order of Types)", i, f.Type, types[i])
		}
		if err := f.Validate(); err != nil {
			t.Errorf("example %s does not validate: %v", f.Type, err)
		}
	}
}
