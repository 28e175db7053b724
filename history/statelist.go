package history

import (
	"slices"
	"strings"
	"sync"

	"annals/events"
	"annals/projections"
)

// stateList gathers the party states of a question about many parties from the goroutines that decode
// or fold them. A PartyState is a large value (about half a kilobyte, without what it points to): the
// list keeps them in chunks that never move, so that gathering tens of thousands copies each state
// once into its chunk and once into the sorted answer, and never again as a growing slice would.
type stateList struct {
	mu     sync.Mutex
	chunks [][]projections.PartyState
	n      int
}

// stateChunk is how many states a chunk holds.
const stateChunk = 512

// add appends st; it may be called from several goroutines.
func (l *stateList) add(st *projections.PartyState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.chunks) == 0 || len(l.chunks[len(l.chunks)-1]) == stateChunk {
		l.chunks = append(l.chunks, make([]projections.PartyState, 0, stateChunk))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(*last, *st)
	l.n++
}

// addAll appends states.
func (l *stateList) addAll(states []projections.PartyState) {
	for i := range states {
		l.add(&states[i])
	}
}

// reset empties the list.
func (l *stateList) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.chunks, l.n = nil, 0
}

// at returns the i-th state added.
func (l *stateList) at(i int) *projections.PartyState { return &l.chunks[i/stateChunk][i%stateChunk] }

// byDisplayName returns the states sorted by display name then id. The order is found on the keys,
// then each state is moved once.
func (l *stateList) byDisplayName() []projections.PartyState {
	type key struct {
		name string
		id   events.EntityID
		i    int
	}
	keys := make([]key, l.n)
	for i := range keys {
		st := l.at(i)
		keys[i] = key{DisplayName(*st), st.ID, i}
	}
	slices.SortFunc(keys, func(a, b key) int { // ids are unique: a total order
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(string(a.id), string(b.id))
	})
	out := make([]projections.PartyState, len(keys))
	for i, k := range keys {
		out[i] = *l.at(k.i)
	}
	return out
}
