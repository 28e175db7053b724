package eventstest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"annals/events"
)

// TestLog is the conformance suite of events.Log: every implementation, and every wrapper the tests put
// around one, runs it. open must return a new, empty log for the test it is given; each subtest opens
// its own.
//
// It states the contract of events.Log: Append returns the sequence of each event in the order given,
// and writes the events of one entity in that order; it checks expect[entity] (0 when absent) before
// the first event of each entity and chains the later ones on it; a stale expectation is refused with
// an error wrapping events.ErrConflict that names the entity, and the events written before it stay
// written, their sequences returned; a retry of a fact the log holds returns its original sequence and
// writes nothing. Read delivers the events from a sequence up to the last at the time of the call, in
// order, and stops at the first error of fn, returning it. LastSeq is 0 for an empty log, then the
// sequence of the last event.
func TestLog(t *testing.T, open func(t *testing.T) events.Log) {
	tests := []struct {
		name string
		run  func(t *testing.T, l events.Log)
	}{
		{"Empty", testLogEmpty},
		{"AppendRead", testLogAppendRead},
		{"ReadFrom", testLogReadFrom},
		{"ReadStopsAtFnError", testLogReadStops},
		{"ReadUpToTheLastAtCall", testLogReadUpToLast},
		{"Expect", testLogExpect},
		{"ConflictKeepsWhatWasWritten", testLogConflictKeeps},
		{"Retry", testLogRetry},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, open(t)) })
	}
}

// logEvents makes the suite's events: each a fact no other call of the same logEvents returns.
type logEvents struct {
	t *testing.T
	n uint64
}

func (g *logEvents) next(entity events.EntityID) events.Event {
	g.t.Helper()
	g.n++
	return NewEvent(g.t, Described(entity, fmt.Sprintf("statement %d", g.n), "2013"), BaseMS+g.n)
}

func logAppend(t *testing.T, l events.Log, evs []events.Event, expect map[events.EntityID]uint64) []uint64 {
	t.Helper()
	seqs, err := l.Append(t.Context(), evs, expect)
	if err != nil {
		t.Fatalf("Append(%d events, %v) = %v, %v, want them written", len(evs), expect, seqs, err)
	}
	if len(seqs) != len(evs) {
		t.Fatalf("Append(%d events, %v) = %v, want %d sequences", len(evs), expect, seqs, len(evs))
	}
	return seqs
}

func logRead(t *testing.T, l events.Log, from uint64) []events.Stored {
	t.Helper()
	var out []events.Stored
	if err := l.Read(t.Context(), from, func(st events.Stored) error {
		out = append(out, st)
		return nil
	}); err != nil {
		t.Fatalf("Read(%d) = %v", from, err)
	}
	return out
}

func logLastSeq(t *testing.T, l events.Log) uint64 {
	t.Helper()
	seq, err := l.LastSeq(t.Context())
	if err != nil {
		t.Fatalf("LastSeq() = %v", err)
	}
	return seq
}

// logHolds fails t unless got is, in order, each event of want at the sequence seqs gives it.
func logHolds(t *testing.T, what string, got []events.Stored, want []events.Event, seqs []uint64) {
	t.Helper()
	pairs := make([]events.Stored, len(want))
	for i := range want {
		pairs[i] = events.Stored{Seq: seqs[i], Event: want[i]}
	}
	slices.SortFunc(pairs, func(a, b events.Stored) int { return int(a.Seq) - int(b.Seq) })
	if len(got) != len(pairs) {
		t.Fatalf("%s = %d events, want %d", what, len(got), len(pairs))
	}
	for i := range got {
		if got[i].Err != nil {
			t.Errorf("%s[%d] = seq %d with Err %v, want an event", what, i, got[i].Seq, got[i].Err)
			continue
		}
		g, w := Encode(t, got[i].Event), Encode(t, pairs[i].Event)
		if got[i].Seq != pairs[i].Seq || !bytes.Equal(g, w) {
			t.Errorf("%s[%d] = seq %d %s, want seq %d %s", what, i, got[i].Seq, got[i].Event.ID, pairs[i].Seq, pairs[i].Event.ID)
		}
	}
}

func testLogEmpty(t *testing.T, l events.Log) {
	if got := logLastSeq(t, l); got != 0 {
		t.Errorf("LastSeq() of an empty log = %d, want 0", got)
	}
	if got := logRead(t, l, 1); len(got) != 0 {
		t.Errorf("Read(1) of an empty log = %d events, want none", len(got))
	}
}

func testLogAppendRead(t *testing.T, l events.Log) {
	g := &logEvents{t: t}
	evs := []events.Event{g.next("cnrp"), g.next("cpp"), g.next("cnrp"), g.next("cpp"), g.next("cnrp")}
	seqs := logAppend(t, l, evs, nil)
	if sorted := slices.Sorted(slices.Values(seqs)); !slices.Equal(sorted, []uint64{1, 2, 3, 4, 5}) {
		t.Fatalf("Append(5 events) into an empty log = %v, want the sequences 1 to 5", seqs)
	}
	last := map[events.EntityID]uint64{}
	for i, e := range evs {
		if seqs[i] <= last[e.Entity] {
			t.Errorf("Append() = %v: event %d of %s at %d, after its entity's event at %d, want the order given", seqs, i, e.Entity, seqs[i], last[e.Entity])
		}
		last[e.Entity] = seqs[i]
	}
	logHolds(t, "Read(1)", logRead(t, l, 1), evs, seqs)
	if got := logLastSeq(t, l); got != 5 {
		t.Errorf("LastSeq() = %d, want 5", got)
	}
	// The next call chains on what the log holds.
	more := []events.Event{g.next("cnrp"), g.next("srp")}
	seqs2 := logAppend(t, l, more, map[events.EntityID]uint64{"cnrp": last["cnrp"]})
	if sorted := slices.Sorted(slices.Values(seqs2)); !slices.Equal(sorted, []uint64{6, 7}) {
		t.Errorf("Append(2 more events) = %v, want the sequences 6 and 7", seqs2)
	}
	logHolds(t, "Read(6)", logRead(t, l, 6), more, seqs2)
}

func testLogReadFrom(t *testing.T, l events.Log) {
	g := &logEvents{t: t}
	var evs []events.Event
	for range 6 {
		evs = append(evs, g.next("cnrp"))
	}
	seqs := logAppend(t, l, evs, nil)
	for _, from := range []uint64{1, 3, 6} {
		logHolds(t, fmt.Sprintf("Read(%d)", from), logRead(t, l, from), evs[from-1:], seqs[from-1:])
	}
	if got := logRead(t, l, 7); len(got) != 0 {
		t.Errorf("Read(7) of a log ending at 6 = %d events, want none", len(got))
	}
}

func testLogReadStops(t *testing.T, l events.Log) {
	g := &logEvents{t: t}
	logAppend(t, l, []events.Event{g.next("cnrp"), g.next("cnrp"), g.next("cnrp")}, nil)
	stop := errors.New("stop here")
	var calls []uint64
	err := l.Read(t.Context(), 1, func(st events.Stored) error {
		calls = append(calls, st.Seq)
		if st.Seq == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("Read(1) with fn failing at seq 2 = %v, want fn's error", err)
	}
	if !slices.Equal(calls, []uint64{1, 2}) {
		t.Errorf("Read(1) with fn failing at seq 2 called fn at %v, want [1 2]", calls)
	}
}

func testLogReadUpToLast(t *testing.T, l events.Log) {
	g := &logEvents{t: t}
	evs := []events.Event{g.next("cnrp"), g.next("cnrp")}
	seqs := logAppend(t, l, evs, nil)
	later := g.next("cpp")
	var got []events.Stored
	err := l.Read(t.Context(), 1, func(st events.Stored) error {
		if len(got) == 0 {
			// Written while Read runs: after the last sequence at the time of the call.
			logAppend(t, l, []events.Event{later}, nil)
		}
		got = append(got, st)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(1) = %v", err)
	}
	logHolds(t, "Read(1) appending during the read", got, evs, seqs)
	if last := logLastSeq(t, l); last != 3 {
		t.Errorf("LastSeq() after the read = %d, want 3", last)
	}
}

func testLogExpect(t *testing.T, l events.Log) {
	g := &logEvents{t: t}
	const party = "khmer-national-party"
	a1, a2, a3 := g.next(party), g.next(party), g.next(party)
	if seqs := logAppend(t, l, []events.Event{a1}, map[events.EntityID]uint64{party: 0}); seqs[0] != 1 {
		t.Fatalf("Append(a1, none expected) = %v, want [1]", seqs)
	}
	// Another writer (here, an earlier call) got in first: a stale expectation is a conflict.
	if seqs := logAppend(t, l, []events.Event{a2}, map[events.EntityID]uint64{party: 1}); seqs[0] != 2 {
		t.Fatalf("Append(a2, %s at 1) = %v, want [2]", party, seqs)
	}
	for _, expect := range []map[events.EntityID]uint64{{party: 1}, {party: 0}, nil, {party: 9}} {
		seqs, err := l.Append(t.Context(), []events.Event{a3}, expect)
		if !errors.Is(err, events.ErrConflict) {
			t.Fatalf("Append(a3, %v) with %s at 2 = %v, %v, want ErrConflict", expect, party, seqs, err)
		}
		if !strings.Contains(err.Error(), party) {
			t.Errorf("Append(a3, %v) = %q, want the entity %s named", expect, err, party)
		}
		if len(seqs) != 1 || seqs[0] != 0 {
			t.Errorf("Append(a3, %v) = %v, want [0]: nothing written", expect, seqs)
		}
		if last := logLastSeq(t, l); last != 2 {
			t.Errorf("LastSeq() after a conflict = %d, want 2", last)
		}
	}
	if seqs := logAppend(t, l, []events.Event{a3}, map[events.EntityID]uint64{party: 2}); seqs[0] != 3 {
		t.Errorf("Append(a3, %s at 2) = %v, want [3]", party, seqs)
	}
	logHolds(t, "Read(1)", logRead(t, l, 1), []events.Event{a1, a2, a3}, []uint64{1, 2, 3})
}

func testLogConflictKeeps(t *testing.T, l events.Log) {
	g := &logEvents{t: t}
	logAppend(t, l, []events.Event{g.next("cnrp")}, nil)
	before, stale := g.next("cpp"), g.next("cnrp")
	seqs, err := l.Append(t.Context(), []events.Event{before, stale}, map[events.EntityID]uint64{"cpp": 0, "cnrp": 0})
	if !errors.Is(err, events.ErrConflict) || !strings.Contains(err.Error(), "cnrp") {
		t.Fatalf("Append(cpp at 0, cnrp at 0) with cnrp at 1 = %v, %v, want ErrConflict naming cnrp", seqs, err)
	}
	if len(seqs) != 2 || seqs[0] != 2 || seqs[1] != 0 {
		t.Fatalf("Append(cpp at 0, cnrp at 0) = %v, want [2 0]: cpp's event written before the conflict", seqs)
	}
	got := logRead(t, l, 2)
	logHolds(t, "Read(2)", got, []events.Event{before}, seqs[:1])
}

func testLogRetry(t *testing.T, l events.Log) {
	g := &logEvents{t: t}
	evs := []events.Event{g.next("cnrp"), g.next("cpp"), g.next("cnrp")}
	expect := map[events.EntityID]uint64{"cnrp": 0, "cpp": 0}
	first := logAppend(t, l, evs, expect)
	last := logLastSeq(t, l)
	if again := logAppend(t, l, evs, expect); !slices.Equal(again, first) {
		t.Errorf("Append(the same events, the same expectations) again = %v, want %v, the original sequences", again, first)
	}
	current := map[events.EntityID]uint64{"cnrp": first[2], "cpp": first[1]}
	if again := logAppend(t, l, evs[1:2], current); !slices.Equal(again, first[1:2]) {
		t.Errorf("Append(cpp's event, the current expectations) again = %v, want %v", again, first[1:2])
	}
	// The same fact under another event id is the same fact.
	sameFact := NewEvent(t, evs[0].Fact, BaseMS+1000)
	if again := logAppend(t, l, []events.Event{sameFact}, current); !slices.Equal(again, first[:1]) {
		t.Errorf("Append(the first fact under another id) = %v, want %v", again, first[:1])
	}
	if got := logLastSeq(t, l); got != last {
		t.Errorf("LastSeq() after retries = %d, want %d: nothing written", got, last)
	}
	// A retry followed by a new event of the same entity: the new one chains on the events it retries.
	next := g.next("cnrp")
	seqs := logAppend(t, l, []events.Event{evs[0], evs[2], next}, map[events.EntityID]uint64{"cnrp": 0})
	if want := []uint64{first[0], first[2], last + 1}; !slices.Equal(seqs, want) {
		t.Errorf("Append(two retries, then a new event) = %v, want %v", seqs, want)
	}
	logHolds(t, "Read(1)", logRead(t, l, 1), append(slices.Clone(evs), next), append(slices.Clone(first), last+1))
}

// MemoryLog is an events.Log held in memory, for tests: the simplest implementation of the contract
// TestLog states. Its duplicate window never ends: a fact it holds is never written again. It is safe
// for concurrent use.
type MemoryLog struct {
	mu    sync.Mutex
	evs   []events.Event // evs[i] is at sequence i+1
	facts map[events.FactID]uint64
	last  map[events.EntityID]uint64
}

var _ events.Log = (*MemoryLog)(nil)

// NewMemoryLog returns an empty MemoryLog.
func NewMemoryLog() *MemoryLog {
	return &MemoryLog{facts: map[events.FactID]uint64{}, last: map[events.EntityID]uint64{}}
}

// Append writes events as events.Log says, one at a time in the order given. A conflict stops the
// events of its entity only; the error joins one conflict per entity that had one.
func (m *MemoryLog) Append(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	seqs := make([]uint64, len(evs))
	chain := map[events.EntityID]uint64{}
	stopped := map[events.EntityID]bool{}
	var conflicts []error
	for i, e := range evs {
		if err := ctx.Err(); err != nil {
			return seqs, err
		}
		if stopped[e.Entity] {
			continue
		}
		want, ok := chain[e.Entity]
		if !ok {
			want = expect[e.Entity]
		}
		fid := e.Fact.ID()
		if seq, ok := m.facts[fid]; ok {
			seqs[i], chain[e.Entity] = seq, seq
			continue
		}
		if got := m.last[e.Entity]; got != want {
			stopped[e.Entity] = true
			conflicts = append(conflicts, fmt.Errorf("append event %s: %s is at seq %d, not %d: %w", e.ID, e.Entity, got, want, events.ErrConflict))
			continue
		}
		m.evs = append(m.evs, e)
		seq := uint64(len(m.evs))
		m.facts[fid], m.last[e.Entity], chain[e.Entity], seqs[i] = seq, seq, seq, seq
	}
	return seqs, errors.Join(conflicts...)
}

// Read calls fn with each event from sequence from up to the last at the time of the call.
func (m *MemoryLog) Read(ctx context.Context, from uint64, fn func(events.Stored) error) error {
	m.mu.Lock()
	evs := m.evs
	m.mu.Unlock()
	for seq := max(from, 1); seq <= uint64(len(evs)); seq++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		e := evs[seq-1]
		if err := fn(events.Stored{Seq: seq, Event: e, FactID: e.Fact.ID()}); err != nil {
			return err
		}
	}
	return nil
}

// LastSeq returns the sequence of the last event, 0 if the log is empty.
func (m *MemoryLog) LastSeq(ctx context.Context) (uint64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return uint64(len(m.evs)), nil
}
