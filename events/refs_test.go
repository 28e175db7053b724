package events

import (
	"reflect"
	"slices"
	"testing"
)

// MapRefs changes exactly the ids Refs returns, in every registered payload, and leaves the original
// alone.
func TestMapRefs(t *testing.T) {
	mark := func(id EntityID) EntityID { return id + "-x" }
	for _, p := range examplePayloads() {
		t.Run(string(p.EventType()), func(t *testing.T) {
			before := slices.Clone(p.Refs())
			got := MapRefs(p, mark)
			var want []EntityID
			for _, id := range before {
				want = append(want, mark(id))
			}
			if !slices.Equal(got.Refs(), want) {
				t.Errorf("MapRefs(%v).Refs() = %q, want %q", p, got.Refs(), want)
			}
			if !slices.Equal(p.Refs(), before) {
				t.Errorf("MapRefs changed its argument: Refs() = %q, want %q", p.Refs(), before)
			}
			if len(before) == 0 && !reflect.DeepEqual(got, p) {
				t.Errorf("MapRefs(%v) = %v, want it unchanged", p, got)
			}
			if same := MapRefs(p, func(id EntityID) EntityID { return id }); !reflect.DeepEqual(same, p) {
				t.Errorf("MapRefs(identity) = %v, want %v", same, p)
			}
		})
	}
}
