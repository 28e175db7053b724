package jetlog

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"annals/events"
)

// Entity ids hold the letters of the names' own scripts (Khmer, Chinese...), and may hold Cyrillic:
// as NATS subject tokens they are UTF-8, which the server and the client carry as bytes. Events about
// them are appended in batches and one by one, expectations on their subjects hold, and a stale one
// is refused.
func TestAppendNonASCIIEntities(t *testing.T) {
	l, s := newLog(t)
	ctx := t.Context()
	khmer := events.Slug("គណបក្សសង្គ្រោះជាតិ")
	chinese := events.Slug("中国共产党")
	cyrillic := events.EntityID("единая-россия")
	for _, id := range []events.EntityID{khmer, chinese, cyrillic} {
		if err := id.Validate(); err != nil || !strings.ContainsFunc(string(id), func(r rune) bool { return r > 127 }) {
			t.Fatalf("%q: want a valid id that is not ASCII (%v)", id, err)
		}
	}

	evs := []events.Event{statement(t, khmer, 1), statement(t, chinese, 1), statement(t, cyrillic, 1), statement(t, khmer, 2), statement(t, "cnrp", 1)}
	seqs := appendOK(t, l, evs, map[events.EntityID]uint64{khmer: 0, chinese: 0, cyrillic: 0})
	if !slices.Equal(seqs, []uint64{1, 2, 3, 4, 5}) {
		t.Fatalf("Append(5 events) = %v, want [1 2 3 4 5]", seqs)
	}
	for i, e := range evs {
		msg, err := l.stream.GetMsg(ctx, seqs[i])
		if err != nil {
			t.Fatalf("GetMsg(%d) = %v", seqs[i], err)
		}
		if want := Subject(l.cfg.Prefix, e); msg.Subject != want {
			t.Errorf("subject of seq %d = %q, want %q", seqs[i], msg.Subject, want)
		}
	}
	sameStored(t, "Read(1)", read(t, l, 1), stored(evs, seqs))

	// Expectations on a non-ASCII entity's subjects: a right one lands, a stale one is refused,
	// naming the event it raced with.
	next := statement(t, khmer, 3)
	if got := appendOK(t, l, []events.Event{next}, map[events.EntityID]uint64{khmer: 4}); !slices.Equal(got, []uint64{6}) {
		t.Errorf("Append(%s at 4) = %v, want [6]", khmer, got)
	}
	other := openLog(t, s.js, Config{Stream: l.cfg.Stream, Prefix: l.cfg.Prefix}) // another writer
	stale := []events.Event{statement(t, khmer, 4), statement(t, cyrillic, 2)}
	got, err := other.Append(ctx, stale, map[events.EntityID]uint64{khmer: 4, cyrillic: 3})
	if !errors.Is(err, events.ErrConflict) {
		t.Fatalf("Append(%s at 4, the log at 6) = %v, %v, want ErrConflict", khmer, got, err)
	}
	if msg := err.Error(); !strings.Contains(msg, string(khmer)) || !strings.Contains(msg, next.ID.String()) {
		t.Errorf("Append(%s at 4) = %q, want the entity and the event it raced with (%s) named", khmer, msg, next.ID)
	}
	if !slices.Equal(got, []uint64{0, 7}) {
		t.Errorf("Append(%s at 4, %s at 3) = %v, want [0 7]: the Cyrillic entity's event lands", khmer, cyrillic, got)
	}
	last, err := l.stream.GetLastMsgForSubject(ctx, entitySubjects(l.cfg.Prefix, khmer))
	if err != nil || last.Sequence != 6 {
		t.Errorf("GetLastMsgForSubject(%s) = %v, %v, want seq 6", entitySubjects(l.cfg.Prefix, khmer), last, err)
	}
}

// An event whose entity is not a valid id (here, one that would add subject tokens) is refused before
// anything is written.
func TestAppendRefusesInvalidEntity(t *testing.T) {
	l, _ := newLog(t)
	bad := statement(t, "cnrp", 1)
	bad.Entity = "cnrp.party"
	for _, evs := range [][]events.Event{{bad}, {statement(t, "cpp", 1), bad}} {
		seqs, err := l.Append(t.Context(), evs, nil)
		if !errors.Is(err, events.ErrInvalid) || !strings.Contains(err.Error(), "cnrp.party") {
			t.Errorf("Append(an event about %q) = %v, %v, want ErrInvalid naming it", bad.Entity, seqs, err)
		}
		if len(seqs) != len(evs) || slices.ContainsFunc(seqs, func(s uint64) bool { return s != 0 }) {
			t.Errorf("Append(an event about %q) = %v, want no sequences", bad.Entity, seqs)
		}
	}
	if got := lastSeq(t, l); got != 0 {
		t.Errorf("LastSeq() after refused appends = %d, want 0", got)
	}
}
