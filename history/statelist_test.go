package history

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"annals/events"
	"annals/projections"
)

// TestStateListGathersEveryStateOnceInOrder adds states from several goroutines, across chunk
// boundaries, and checks that the sorted answer holds each once, by display name then id, and that a
// reset list starts again empty.
func TestStateListGathersEveryStateOnceInOrder(t *testing.T) {
	const n = 3*stateChunk + 7
	var l stateList
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < n; i += 4 {
				st := projections.PartyState{ID: events.EntityID(fmt.Sprintf("p%04d", i))}
				switch i % 3 {
				case 0:
					st.Name.Value = fmt.Sprintf("Name %d", i%50)
				case 1:
					st.Name.Claims = []projections.Claim{{Value: fmt.Sprintf("Claimed %d", i%40)}}
				}
				l.add(&st)
			}
		})
	}
	wg.Wait()
	got := l.byDisplayName()
	if len(got) != n {
		t.Fatalf("got %d states, want %d", len(got), n)
	}
	seen := map[events.EntityID]bool{}
	for i, st := range got {
		if seen[st.ID] {
			t.Fatalf("%s twice", st.ID)
		}
		seen[st.ID] = true
		if i == 0 {
			continue
		}
		prev := got[i-1]
		if a, b := DisplayName(prev), DisplayName(st); a > b || a == b && prev.ID >= st.ID {
			t.Fatalf("out of order at %d: %q (%s) before %q (%s)", i, a, prev.ID, b, st.ID)
		}
	}
	if !slices.ContainsFunc(got, func(st projections.PartyState) bool { return DisplayName(st) == string(st.ID) }) {
		t.Fatal("no state shown by its id: the test covers less than it says")
	}
	l.reset()
	l.addAll(got[:2])
	if again := l.byDisplayName(); len(again) != 2 || again[0].ID != got[0].ID || again[1].ID != got[1].ID {
		t.Fatalf("after reset: %v", again)
	}
}
