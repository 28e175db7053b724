package eventstest

import (
	"bytes"
	"errors"
	"maps"
	"strings"
	"testing"

	"annals/events"
)

// testQuarantine checks that one bad entry never blocks a store: a message of the log that is not an
// event, and an event whose id another fact holds, are quarantined with their sequence, reason and
// bytes (cut to events.MaxQuarantinedRaw), their sequence consumed, counted for the entity the log
// filed them under, and the events around them applied.
func testQuarantine(t *testing.T, s events.Store) {
	ctx := t.Context()
	if got, err := s.Quarantined(ctx); err != nil || len(got) != 0 {
		t.Fatalf("Quarantined() on an empty store = %v, %v, want none", got, err)
	}
	first := NewEvent(t, Named("cnrp", events.KindParty, "CNRP", "2012"), BaseMS)
	second := NewEvent(t, Named("cpp", events.KindParty, "CPP", "1991"), BaseMS+1)
	reused := NewEvent(t, Named("fun", events.KindParty, "FUNCINPEC", "1981"), BaseMS+2)
	reused.ID = first.ID // another fact under first's id: a forged or broken event
	garbage := []byte("\x00not an event!!")
	long := bytes.Repeat([]byte{'x'}, events.MaxQuarantinedRaw+100)
	batch := []events.Stored{
		{Seq: 1, Event: first},
		{Seq: 2, Event: events.Event{Fact: events.Fact{Entity: "khmer-rouge"}}, Raw: garbage, Err: errors.New("decode event: bad bytes")},
		{Seq: 3, Event: second},
		{Seq: 4, Event: reused},
		{Seq: 5, Raw: long, Err: errors.New("decode event: too long")},
	}
	want := events.ApplyResult{Applied: 2, Quarantined: 3}
	if got, err := s.Apply(ctx, batch); err != nil || got != want {
		t.Fatalf("Apply(event, garbage, event, reused id, long garbage) = %+v, %v, want %+v", got, err, want)
	}
	if got := lastSeq(t, s); got != 5 {
		t.Errorf("LastSeq() = %d, want 5: quarantined entries consume their sequence", got)
	}
	if got := scan(t, s, 0); len(got) != 2 || got[0].Event.ID != first.ID || got[1].Seq != 3 {
		t.Errorf("Scan(0) = %s, want seq 1 and 3 only", labels(got))
	}
	if st, err := s.Event(ctx, first.ID); err != nil || st.Seq != 1 || st.Event.Entity != "cnrp" {
		t.Errorf("Event(%s) = %s, %v, want the first event at seq 1, not the reused id", first.ID, labels([]events.Stored{st}), err)
	}
	if got := knownFacts(t, s, reused.Fact.ID()); len(got) != 0 {
		t.Errorf("KnownFacts(the reused id's fact) = %v, want none: it was not recorded", got)
	}
	wantSeqs := map[events.EntityID]uint64{"khmer-rouge": 2, "fun": 4, "cpp": 3}
	if got := entitySeqs(t, s, "khmer-rouge", "fun", "cpp"); !maps.Equal(got, wantSeqs) {
		t.Errorf("EntitySeqs() = %v, want %v: the log holds quarantined entries on their entity's subjects", got, wantSeqs)
	}
	q, err := s.Quarantined(ctx)
	if err != nil || len(q) != 3 {
		t.Fatalf("Quarantined() = %+v, %v, want seq 2, 4 and 5", q, err)
	}
	if q[0].Seq != 2 || q[0].Entity != "khmer-rouge" || !bytes.Equal(q[0].Raw, garbage) || q[0].Size != len(garbage) || !strings.Contains(q[0].Reason, "bad bytes") {
		t.Errorf("Quarantined()[0] = %+v, want seq 2 under khmer-rouge with its bytes and the log's reason", q[0])
	}
	if q[1].Seq != 4 || q[1].Entity != "fun" || !strings.Contains(q[1].Reason, "already recorded with another fact") || q[1].Size == 0 {
		t.Errorf("Quarantined()[1] = %+v, want seq 4 under fun, its id already recorded with another fact", q[1])
	}
	if q[2].Seq != 5 || len(q[2].Raw) != events.MaxQuarantinedRaw || q[2].Size != len(long) {
		t.Errorf("Quarantined()[2] = seq %d, %d bytes kept of %d, want seq 5, %d of %d", q[2].Seq, len(q[2].Raw), q[2].Size, events.MaxQuarantinedRaw, len(long))
	}
	// The record goes on after them.
	third := NewEvent(t, Named("cnrp", events.KindParty, "Cambodia National Rescue Party", "2012"), BaseMS+3)
	if got := applyOK(t, s, Stored(6, third)); got != (events.ApplyResult{Applied: 1}) {
		t.Errorf("Apply(seq 6) after the quarantined = %+v, want 1 applied", got)
	}
}
