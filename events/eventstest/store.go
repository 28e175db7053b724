package eventstest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// Entities and names the suite uses. The Khmer names are written in Khmer script and must come back
// byte for byte.
const (
	khmerCNRP = "គណបក្សសង្គ្រោះជាតិ"               // Cambodia National Rescue Party
	khmerCPP  = "គណបក្ស\u00a0ប្រជាជន\u00a0កម្ពុជា" // Cambodian People's Party, with no-break spaces
)

// TestStore is the conformance suite of events.Store: every implementation runs it. open must return
// a new, empty store for the test it is given; the suite closes it at the end of the test and fails the
// test if Close fails. Each subtest opens its own store.
//
// It covers Apply (contiguous batches, gaps and repeats refused with ErrConflict and nothing applied,
// duplicate facts counted and skipped), KnownFacts, EntitySeqs, Event (ErrNotFound), EntityEvents
// (historical order, involved entities), Entities (kinds and names), Resolve (case, white space
// including no-break spaces, Khmer byte for byte), Scan, Quarantined (entries that are not events or
// whose id is taken are set aside and the record goes on), and a property test that compares the store
// with an in-memory model under random batches; its seed is logged and set with -eventstest.seed.
func TestStore(t *testing.T, open func(t *testing.T) events.Store) {
	tests := []struct {
		name string
		run  func(t *testing.T, s events.Store)
	}{
		{"Empty", testEmpty},
		{"Apply", testApply},
		{"ApplyRefusesGaps", testApplyRefusesGaps},
		{"Duplicates", testDuplicates},
		{"KnownFacts", testKnownFacts},
		{"EntitySeqs", testEntitySeqs},
		{"Event", testEvent},
		{"EntityEvents", testEntityEvents},
		{"Entities", testEntities},
		{"Resolve", testResolve},
		{"Scan", testScan},
		{"SupersededBy", testSupersededBy},
		{"Quarantine", testQuarantine},
		{"Model", testModel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close() = %v", err)
				}
			})
			tt.run(t, s)
		})
	}
}

func testEmpty(t *testing.T, s events.Store) {
	ctx := t.Context()
	if got := lastSeq(t, s); got != 0 {
		t.Errorf("LastSeq() = %d, want 0", got)
	}
	if got := scan(t, s, 0); len(got) != 0 {
		t.Errorf("Scan(0) = %s, want nothing", labels(got))
	}
	if got, err := s.Entities(ctx); err != nil || len(got) != 0 {
		t.Errorf("Entities() = %v, %v, want none", got, err)
	}
	if got, err := s.EntityEvents(ctx, "cnrp"); err != nil || got == nil || len(got) != 0 {
		t.Errorf("EntityEvents(cnrp) = %#v, %v, want an empty slice", got, err)
	}
	if got, err := s.Resolve(ctx, "cnrp"); err != nil || got == nil || len(got) != 0 {
		t.Errorf("Resolve(cnrp) = %#v, %v, want an empty slice", got, err)
	}
	if got, err := s.KnownFacts(ctx, []events.FactID{"0123"}); err != nil || len(got) != 0 {
		t.Errorf("KnownFacts(0123) = %v, %v, want none", got, err)
	}
	want := map[events.EntityID]uint64{"cnrp": 0}
	if got, err := s.EntitySeqs(ctx, []events.EntityID{"cnrp"}); err != nil || !maps.Equal(got, want) {
		t.Errorf("EntitySeqs(cnrp) = %v, %v, want %v", got, err, want)
	}
	if _, err := s.Event(ctx, ulid.ULID{1}); !errors.Is(err, events.ErrNotFound) {
		t.Errorf("Event(%s) = %v, want ErrNotFound", ulid.ULID{1}, err)
	}
	if res, err := s.Apply(ctx, nil); err != nil || res != (events.ApplyResult{}) {
		t.Errorf("Apply(nil) = %+v, %v, want nothing done", res, err)
	}
}

func testApply(t *testing.T, s events.Store) {
	first := []events.Event{
		NewEvent(t, Founded("cnrp", "Cambodia National Rescue Party", "2012-07-17", "kem-sokha", "sam-rainsy"), BaseMS),
		NewEvent(t, Named("cnrp", events.KindParty, "CNRP", "2012-07-17"), BaseMS+1),
		NewEvent(t, Named("kem-sokha", events.KindPerson, "Kem Sokha", "2012-07-17"), BaseMS+2),
	}
	second := []events.Event{
		NewEvent(t, Described("cnrp", "dissolved by the Supreme Court", "2017-11-16"), BaseMS+3),
		NewEvent(t, Named("cpp", events.KindParty, "CPP", "1991"), BaseMS+4),
	}
	batches := []struct {
		batch []events.Stored
		want  events.ApplyResult
		last  uint64
	}{
		{Stored(1, first...), events.ApplyResult{Applied: 3}, 3},
		{Stored(4, second[:1]...), events.ApplyResult{Applied: 1}, 4},
		{Stored(5, second[1:]...), events.ApplyResult{Applied: 1}, 5},
	}
	for _, b := range batches {
		got, err := s.Apply(t.Context(), b.batch)
		if err != nil || got != b.want {
			t.Fatalf("Apply(%s) = %+v, %v, want %+v", labels(b.batch), got, err, b.want)
		}
		if got := lastSeq(t, s); got != b.last {
			t.Errorf("after Apply(%s): LastSeq() = %d, want %d", labels(b.batch), got, b.last)
		}
	}
	want := Stored(1, append(first, second...)...)
	sameEvents(t, "Scan(1)", scan(t, s, 1), want)
}

// testApplyRefusesGaps checks that a batch that does not follow LastSeq without a gap is refused with
// ErrConflict and that nothing of it is applied, not even the events before the gap.
func testApplyRefusesGaps(t *testing.T, s events.Store) {
	ctx := t.Context()
	base := []events.Event{
		NewEvent(t, Named("cnrp", events.KindParty, "CNRP", "2012"), BaseMS),
		NewEvent(t, Named("cpp", events.KindParty, "CPP", "1991"), BaseMS+1),
		NewEvent(t, Named("srp", events.KindParty, "SRP", "1998"), BaseMS+2),
	}
	applyOK(t, s, Stored(1, base...))
	a := NewEvent(t, Named("hrp", events.KindParty, "Human Rights Party", "2007"), BaseMS+10)
	b := NewEvent(t, Named("knp", events.KindParty, "Khmer Nation Party", "1995"), BaseMS+11)
	c := NewEvent(t, Named("fun", events.KindParty, "FUNCINPEC", "1981"), BaseMS+12)
	tests := []struct {
		name  string
		batch []events.Stored
	}{
		{"starts after a gap", Stored(5, a, b)},
		{"repeats the last sequence", Stored(3, a, b)},
		{"starts at the beginning again", Stored(1, a)},
		{"starts at zero", Stored(0, a)},
		{"gap in the middle", append(Stored(4, a, b), Stored(7, c)...)},
		{"repeated sequence in the middle", append(Stored(4, a, b), Stored(5, c)...)},
		{"goes backwards", []events.Stored{{Seq: 4, Event: a}, {Seq: 6, Event: b}, {Seq: 5, Event: c}}},
		{"gap at the end of a long batch", append(Stored(4, a, b, c), events.Stored{Seq: 8, Event: NewEvent(t, Named("x", events.KindParty, "X", "2000"), BaseMS+13)})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Apply(ctx, tt.batch)
			if !errors.Is(err, events.ErrConflict) {
				t.Fatalf("Apply(%s) = %+v, %v, want ErrConflict", labels(tt.batch), res, err)
			}
			if res != (events.ApplyResult{}) {
				t.Errorf("Apply(%s) = %+v with its error, want nothing applied", labels(tt.batch), res)
			}
			if got := lastSeq(t, s); got != 3 {
				t.Errorf("LastSeq() = %d after a refused batch, want 3", got)
			}
			for _, st := range tt.batch {
				if _, err := s.Event(ctx, st.Event.ID); !errors.Is(err, events.ErrNotFound) {
					t.Errorf("Event(%s) of a refused batch = %v, want ErrNotFound", st.Event.ID, err)
				}
				if got := knownFacts(t, s, st.Event.Fact.ID()); len(got) != 0 {
					t.Errorf("KnownFacts(%s) of a refused batch = %v, want none", st.Event.Fact.ID(), got)
				}
				if got := resolve(t, s, string(st.Event.Entity)); len(got) != 0 {
					t.Errorf("Resolve(%q) of a refused batch = %v, want none", st.Event.Entity, got)
				}
			}
			sameEvents(t, "Scan(0)", scan(t, s, 0), Stored(1, base...))
		})
	}
	// The store still takes the right batch.
	if res, err := s.Apply(ctx, Stored(4, a, b, c)); err != nil || res.Applied != 3 {
		t.Fatalf("Apply(%s) after refusals = %+v, %v, want 3 applied", labels(Stored(4, a, b, c)), res, err)
	}
}

// testDuplicates checks that an event whose fact is recorded is counted, skipped, and still consumes
// its sequence, whether the fact was recorded by an earlier batch, earlier in the same batch, or the
// very same event is applied again.
func testDuplicates(t *testing.T, s events.Store) {
	ctx := t.Context()
	fa := Founded("cnrp", "Cambodia National Rescue Party", "2012-07-17", "kem-sokha")
	fb := Named("cnrp", events.KindParty, "CNRP", "2012-07-17")
	fc := Described("cnrp", "the main opposition", "2013")
	fd := Named("cpp", events.KindParty, "CPP", "1991")
	a := NewEvent(t, fa, BaseMS)
	b := NewEvent(t, fb, BaseMS+1)
	aAgain := NewEvent(t, fa, BaseMS+100) // the same fact, recorded again later under a new id
	c := NewEvent(t, fc, BaseMS+101)
	d := NewEvent(t, fd, BaseMS+102)
	dAgain := NewEvent(t, fd, BaseMS+103)

	batches := []struct {
		batch []events.Stored
		want  events.ApplyResult
	}{
		{Stored(1, a, b), events.ApplyResult{Applied: 2}},
		{Stored(3, aAgain, c, a), events.ApplyResult{Applied: 1, Duplicates: 2}}, // a new id, then the same event
		{Stored(6, d, dAgain), events.ApplyResult{Applied: 1, Duplicates: 1}},    // within one batch
		{Stored(8, b), events.ApplyResult{Duplicates: 1}},                        // a batch of duplicates only
	}
	for _, bb := range batches {
		got, err := s.Apply(ctx, bb.batch)
		if err != nil || got != bb.want {
			t.Fatalf("Apply(%s) = %+v, %v, want %+v", labels(bb.batch), got, err, bb.want)
		}
	}
	if got := lastSeq(t, s); got != 8 {
		t.Errorf("LastSeq() = %d, want 8: a duplicate still consumes its sequence", got)
	}
	applied := []events.Stored{{Seq: 1, Event: a}, {Seq: 2, Event: b}, {Seq: 4, Event: c}, {Seq: 6, Event: d}}
	sameEvents(t, "Scan(0)", scan(t, s, 0), applied)
	for _, e := range []events.Event{aAgain, dAgain} {
		if _, err := s.Event(ctx, e.ID); !errors.Is(err, events.ErrNotFound) {
			t.Errorf("Event(%s) of a skipped duplicate = %v, want ErrNotFound", e.ID, err)
		}
	}
	if got, err := s.Event(ctx, a.ID); err != nil || got.Seq != 1 {
		t.Errorf("Event(%s) = seq %d, %v, want the original at seq 1", a.ID, got.Seq, err)
	}
	wantFacts := map[events.FactID]uint64{fa.ID(): 1, fb.ID(): 2, fc.ID(): 4, fd.ID(): 6}
	if got := knownFacts(t, s, fa.ID(), fb.ID(), fc.ID(), fd.ID()); !maps.Equal(got, wantFacts) {
		t.Errorf("KnownFacts() = %v, want %v (the sequences of the originals)", got, wantFacts)
	}
	sameEvents(t, "EntityEvents(cnrp)", entityEvents(t, s, "cnrp"), []events.Stored{{Seq: 1, Event: a}, {Seq: 2, Event: b}, {Seq: 4, Event: c}})
	sameEvents(t, "EntityEvents(kem-sokha)", entityEvents(t, s, "kem-sokha"), []events.Stored{{Seq: 1, Event: a}})
	// A skipped duplicate is still a message on the entity's subjects in the log, so the entity's
	// last sequence, which a writer must expect when it appends, is the duplicate's.
	wantSeqs := map[events.EntityID]uint64{"cnrp": 8, "cpp": 7}
	if got := entitySeqs(t, s, "cnrp", "cpp"); !maps.Equal(got, wantSeqs) {
		t.Errorf("EntitySeqs(cnrp, cpp) = %v, want %v (duplicates count: the log holds them)", got, wantSeqs)
	}
}

func testKnownFacts(t *testing.T, s events.Store) {
	f1 := Named("cnrp", events.KindParty, "CNRP", "2012")
	f2 := Named("cpp", events.KindParty, "CPP", "1991")
	f3 := Described("cpp", "the ruling party", "1998")
	unknown := Named("srp", events.KindParty, "SRP", "1998")
	applyOK(t, s, Stored(1, NewEvent(t, f1, BaseMS), NewEvent(t, f2, BaseMS+1), NewEvent(t, f3, BaseMS+2)))
	tests := []struct {
		name string
		ids  []events.FactID
		want map[events.FactID]uint64
	}{
		{"none asked", nil, map[events.FactID]uint64{}},
		{"one", []events.FactID{f2.ID()}, map[events.FactID]uint64{f2.ID(): 2}},
		{"all", []events.FactID{f1.ID(), f2.ID(), f3.ID()}, map[events.FactID]uint64{f1.ID(): 1, f2.ID(): 2, f3.ID(): 3}},
		{"unknown left out", []events.FactID{unknown.ID(), f3.ID(), "", "not-a-fact-id"}, map[events.FactID]uint64{f3.ID(): 3}},
		{"asked twice", []events.FactID{f1.ID(), f1.ID()}, map[events.FactID]uint64{f1.ID(): 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := knownFacts(t, s, tt.ids...); !maps.Equal(got, tt.want) {
				t.Errorf("KnownFacts(%v) = %v, want %v", tt.ids, got, tt.want)
			}
		})
	}
}

func testEntitySeqs(t *testing.T, s events.Store) {
	applyOK(t, s, Stored(1,
		NewEvent(t, Founded("cnrp", "Cambodia National Rescue Party", "2012-07-17", "kem-sokha"), BaseMS),
		NewEvent(t, Named("cpp", events.KindParty, "CPP", "1991"), BaseMS+1),
		NewEvent(t, Described("cnrp", "dissolved", "2017-11-16", "cpp"), BaseMS+2),
	))
	applyOK(t, s, Stored(4, NewEvent(t, Named("cnrp-youth", events.KindOrganisation, "CNRP Youth", "2013"), BaseMS+3)))
	tests := []struct {
		name string
		ids  []events.EntityID
		want map[events.EntityID]uint64
	}{
		{"the last event about it", []events.EntityID{"cnrp"}, map[events.EntityID]uint64{"cnrp": 3}},
		{"involvement is not about it", []events.EntityID{"cpp", "kem-sokha"}, map[events.EntityID]uint64{"cpp": 2, "kem-sokha": 0}},
		{"no prefix match", []events.EntityID{"cnrp-youth", "cnrp-y", "cnr"}, map[events.EntityID]uint64{"cnrp-youth": 4, "cnrp-y": 0, "cnr": 0}},
		{"unknown", []events.EntityID{"srp"}, map[events.EntityID]uint64{"srp": 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := entitySeqs(t, s, tt.ids...); !maps.Equal(got, tt.want) {
				t.Errorf("EntitySeqs(%v) = %v, want %v", tt.ids, got, tt.want)
			}
		})
	}
}

func testEvent(t *testing.T, s events.Store) {
	ctx := t.Context()
	khmer := events.Fact{
		Type:   events.TypeEntityDescribed,
		Entity: "cnrp",
		Date:   events.MustParseDate("2013-07-28"),
		Source: events.Source{Title: "ប្រវត្តិ", URL: "https://example.org/km", Quote: "«" + khmerCNRP + "»\u00a0ឈ្នះ ៥៥ អាសនៈ"},
		Payload: events.EntityDescribed{Attribute: "slogan", Value: "ប្ដូរ\u00a0ឬ\u200bមិន\u00a0ប្ដូរ ", Translation: "change or no change",
			Language: "km"},
		Note: "ZWSP, NBSP and a trailing space are kept: \u200b\u00a0 ",
	}
	evs := []events.Event{
		NewEvent(t, Named("cnrp", events.KindParty, khmerCNRP, "2012-07-17"), BaseMS),
		NewEvent(t, khmer, BaseMS+1),
		NewEvent(t, Named("cpp", events.KindParty, khmerCPP, "1979"), BaseMS+2),
	}
	applyOK(t, s, Stored(1, evs...))
	for i, e := range evs {
		got, err := s.Event(ctx, e.ID)
		if err != nil {
			t.Fatalf("Event(%s) = %v", e.ID, err)
		}
		sameEvents(t, fmt.Sprintf("Event(%s)", e.ID), []events.Stored{got}, Stored(uint64(i+1), e))
	}
	got, err := s.Event(ctx, evs[1].ID)
	if err == nil {
		if d, ok := got.Event.Payload.(events.EntityDescribed); !ok || d.Value != "ប្ដូរ\u00a0ឬ\u200bមិន\u00a0ប្ដូរ " {
			t.Errorf("Event(%s).Payload = %#v, want the Khmer value byte for byte", evs[1].ID, got.Event.Payload)
		}
		if got.Event.Source.Quote != khmer.Source.Quote || got.Event.Note != khmer.Note {
			t.Errorf("Event(%s) source quote and note = %q, %q, want %q, %q", evs[1].ID, got.Event.Source.Quote, got.Event.Note, khmer.Source.Quote, khmer.Note)
		}
	}
	missing := []ulid.ULID{{}, NewEvent(t, Named("srp", events.KindParty, "SRP", "1998"), BaseMS+3).ID,
		// the id of a stored event with its last bit changed
		func() ulid.ULID { id := evs[0].ID; id[15] ^= 1; return id }()}
	for _, id := range missing {
		if got, err := s.Event(ctx, id); !errors.Is(err, events.ErrNotFound) {
			t.Errorf("Event(%s) = seq %d, %v, want ErrNotFound", id, got.Seq, err)
		}
	}
}

// testEntityEvents checks the historical order: earliest day, then latest day, then event id; open and
// unknown starts first, years before the common era before those after, and events that involve an
// entity in its list.
func testEntityEvents(t *testing.T, s events.Store) {
	ev := func(f events.Fact, ms uint64) events.Event { return NewEvent(t, f, BaseMS+ms) }
	dissolved := ev(Described("cnrp", "dissolved", "2017-11-16"), 1)
	founded := ev(Founded("cnrp", "Cambodia National Rescue Party", "2012-07-17", "kem-sokha"), 20)
	year := ev(Described("cnrp", "a year", "2012"), 3)
	sameDayEarlierID := ev(Described("cnrp", "announced", "2012-07-17"), 10)
	interval := ev(Described("cnrp", "an interval", "2012-07/2013"), 5)
	month := ev(Described("cnrp", "a month", "2012-07"), 6)
	bce := ev(Described("cnrp", "long before", "-0050"), 7)
	openStart := ev(Described("cnrp", "by 2010", "../2010"), 8)
	unknown := ev(Described("cnrp", "some time", "XXXX"), 9)
	involving := ev(Described("cpp", "won the election against the CNRP", "2013-07-28", "cnrp"), 11)
	sibling := ev(Named("cnrp-youth", events.KindOrganisation, "CNRP Youth", "2012"), 12)
	applied := []events.Event{dissolved, founded, year, sameDayEarlierID, interval, involving, month, bce, sibling, openStart, unknown}
	applyOK(t, s, Stored(1, applied...))
	seq := map[ulid.ULID]uint64{}
	for i, e := range applied {
		seq[e.ID] = uint64(i + 1)
	}
	stored := func(evs ...events.Event) []events.Stored {
		out := []events.Stored{}
		for _, e := range evs {
			out = append(out, events.Stored{Seq: seq[e.ID], Event: e})
		}
		return out
	}
	tests := []struct {
		id   events.EntityID
		want []events.Stored
	}{
		{"cnrp", stored(openStart, unknown, bce, year, month, interval, sameDayEarlierID, founded, involving, dissolved)},
		{"kem-sokha", stored(founded)},
		{"cpp", stored(involving)},
		{"cnrp-youth", stored(sibling)},
		{"cnrp-y", stored()},
		{"srp", stored()},
	}
	for _, tt := range tests {
		got := entityEvents(t, s, tt.id)
		if got == nil {
			t.Errorf("EntityEvents(%q) = nil, want an empty slice", tt.id)
		}
		sameEvents(t, fmt.Sprintf("EntityEvents(%q)", tt.id), got, tt.want)
	}
}

func testEntities(t *testing.T, s events.Store) {
	ev := func(f events.Fact, ms uint64) events.Event { return NewEvent(t, f, BaseMS+ms) }
	renamed := events.Fact{Type: events.TypePartyRenamed, Entity: "cnrp", Date: events.MustParseDate("2012-10"),
		Source: source("renamed"), Payload: events.PartyRenamed{From: "Cambodia National Rescue Party", To: "CNRP"}}
	applyOK(t, s, Stored(1,
		ev(Founded("cnrp", "Cambodia National Rescue Party", "2012-07-17", "kem-sokha", "sam-rainsy"), 1), // kind implied: party
		ev(Named("cnrp", events.KindParty, "CNRP", "2012"), 2),
		ev(Named("cnrp", events.KindParty, khmerCNRP, "2012"), 3),
		ev(renamed, 4), // names it already has
		ev(Named("kem-sokha", events.KindPerson, "Kem Sokha", "2012"), 5), // mentioned first, named later
		ev(Described("nec", "the election committee", "1998"), 6),         // no kind implied
		ev(Founded("srp", "Sam\u00a0Rainsy Party", "1995-11"), 7),         // implied party...
		ev(Named("srp", events.KindOrganisation, "SRP", "1998"), 8),       // ...then stated: the stated kind wins
		ev(Named("srp", events.KindPerson, "S.R.P.", "1999"), 9),          // the first stated kind stays
		ev(Named("cpp", events.KindParty, "cpp", "1991"), 10),             // a name equal to its id is a name
		ev(Named("cpp", events.KindParty, "CPP", "1991"), 11),             // names differing in case are both kept
		ev(Named("cpp", events.KindParty, khmerCPP, "1991"), 12),
	))
	applyOK(t, s, Stored(13,
		ev(events.Fact{Type: events.TypePersonArrested, Entity: "kem-sokha", Date: events.MustParseDate("2017-09-03"),
			Source: source("arrested"), Payload: events.PersonArrested{By: "police"}}, 13), // kind person stays stated
		ev(Named("nec", events.KindOrganisation, "National Election Committee", "1998"), 14),
	))
	want := []events.EntitySummary{
		{ID: "cnrp", Kind: events.KindParty, Names: []string{"Cambodia National Rescue Party", "CNRP", khmerCNRP}},
		{ID: "cpp", Kind: events.KindParty, Names: []string{"cpp", "CPP", khmerCPP}},
		{ID: "kem-sokha", Kind: events.KindPerson, Names: []string{"Kem Sokha"}},
		{ID: "nec", Kind: events.KindOrganisation, Names: []string{"National Election Committee"}},
		{ID: "police"},
		{ID: "sam-rainsy"},
		{ID: "srp", Kind: events.KindOrganisation, Names: []string{"Sam\u00a0Rainsy Party", "SRP", "S.R.P."}},
	}
	got, err := s.Entities(t.Context())
	if err != nil {
		t.Fatalf("Entities() = %v", err)
	}
	if !sameSummaries(got, want) {
		t.Errorf("Entities() =\n%s\nwant\n%s", summaries(got), summaries(want))
	}
}

func testResolve(t *testing.T, s events.Store) {
	ev := func(f events.Fact, ms uint64) events.Event { return NewEvent(t, f, BaseMS+ms) }
	merged := events.Fact{Type: events.TypePartyMerged, Entity: "cnrp", Date: events.MustParseDate("2012-07-17"),
		Source: source("merged"), Payload: events.PartyMerged{Members: []events.EntityID{"srp", "hrp"}}}
	applyOK(t, s, Stored(1,
		ev(Founded("cnrp", "Cambodia National Rescue Party", "2012-07-17"), 1),
		ev(Named("cnrp", events.KindParty, "CNRP", "2012"), 2),
		ev(Named("cnrp", events.KindParty, khmerCNRP, "2012"), 3),
		ev(Named("cnrp-youth", events.KindOrganisation, "CNRP Youth", "2013"), 4),
		ev(merged, 5),
		ev(Named("cpp", events.KindParty, khmerCPP, "1979"), 6),
		ev(Named("knp", events.KindParty, "KNP", "1995"), 7),
		ev(Named("khmer-nation-party", events.KindParty, "Khmer Nation Party", "1995"), 8),
		ev(Named("khmer-nation-party", events.KindParty, "knp", "1995"), 9),
		ev(Named("funcinpec", events.KindParty, "Front Uni National pour un Cambodge Indépendant, Neutre, Pacifique et Coopératif", "1981"), 10),
	))
	tests := []struct {
		name string
		want []events.EntityID
	}{
		{"Cambodia National Rescue Party", []events.EntityID{"cnrp"}},
		{"cambodia national rescue party", []events.EntityID{"cnrp"}},
		{"  CAMBODIA\tNational\n\nRescue   Party ", []events.EntityID{"cnrp"}},
		{"Cambodia\u00a0National\u00a0Rescue\u2003Party", []events.EntityID{"cnrp"}},
		{"CambodiaNational Rescue Party", []events.EntityID{}},
		{"Cambodia National Rescue", []events.EntityID{}}, // no prefix match
		{"CNRP", []events.EntityID{"cnrp"}},               // a name and the id: one answer
		{"cnrp", []events.EntityID{"cnrp"}},
		{"cnr", []events.EntityID{}},
		{"CNRP Youth", []events.EntityID{"cnrp-youth"}},
		{"CNRP-YOUTH", []events.EntityID{"cnrp-youth"}}, // by id, any case
		{khmerCNRP, []events.EntityID{"cnrp"}},
		{" " + khmerCNRP + "\u00a0", []events.EntityID{"cnrp"}},
		{strings.TrimSuffix(khmerCNRP, "ិ"), []events.EntityID{}}, // Khmer is compared byte for byte: no vowel sign, no match
		{"គណបក្ស ប្រជាជន  កម្ពុជា", []events.EntityID{"cpp"}},     // no-break spaces fold like spaces
		{"គណបក្ស\u00a0ប្រជាជន\u00a0កម្ពុជា", []events.EntityID{"cpp"}},
		{"គណបក្សប្រជាជនកម្ពុជា", []events.EntityID{}}, // white space is folded, not removed
		{"KNP", []events.EntityID{"khmer-nation-party", "knp"}},
		{"hrp", []events.EntityID{"hrp"}}, // only ever involved
		{"SRP", []events.EntityID{"srp"}},
		{"FRONT UNI NATIONAL POUR UN CAMBODGE INDÉPENDANT, NEUTRE, PACIFIQUE ET COOPÉRATIF", []events.EntityID{"funcinpec"}},
		{"Unknown Party", []events.EntityID{}},
		{"", []events.EntityID{}},
		{" \t\u00a0", []events.EntityID{}},
	}
	for _, tt := range tests {
		got, err := s.Resolve(t.Context(), tt.name)
		if err != nil || got == nil || !slices.Equal(got, tt.want) {
			t.Errorf("Resolve(%q) = %#v, %v, want %v", tt.name, got, err, tt.want)
		}
	}
}

func testScan(t *testing.T, s events.Store) {
	ctx := t.Context()
	fa := Named("cnrp", events.KindParty, "CNRP", "2012")
	evs := []events.Event{
		NewEvent(t, fa, BaseMS),
		NewEvent(t, Named("cpp", events.KindParty, "CPP", "1991"), BaseMS+1),
		NewEvent(t, fa, BaseMS+2), // a duplicate at seq 3: not stored, not scanned
		NewEvent(t, Described("cpp", "in power", "1998"), BaseMS+3),
		NewEvent(t, Described("cnrp", "dissolved", "2017-11-16"), BaseMS+4),
	}
	applyOK(t, s, Stored(1, evs[:2]...))
	applyOK(t, s, Stored(3, evs[2:]...))
	all := []events.Stored{{Seq: 1, Event: evs[0]}, {Seq: 2, Event: evs[1]}, {Seq: 4, Event: evs[3]}, {Seq: 5, Event: evs[4]}}
	tests := []struct {
		from uint64
		want []events.Stored
	}{
		{0, all},
		{1, all},
		{2, all[1:]},
		{3, all[2:]},
		{4, all[2:]},
		{5, all[3:]},
		{6, nil},
		{math.MaxUint64, nil},
	}
	for _, tt := range tests {
		sameEvents(t, fmt.Sprintf("Scan(%d)", tt.from), scan(t, s, tt.from), tt.want)
	}
	stop := errors.New("stop")
	calls := 0
	err := s.Scan(ctx, 1, func(events.Stored) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Scan(1) with fn failing = %v after %d calls, want %v after 1", err, calls, stop)
	}
}

// Helpers. Each fails the test on an unexpected error.

func lastSeq(t testing.TB, s events.Store) uint64 {
	t.Helper()
	seq, err := s.LastSeq(context.Background())
	if err != nil {
		t.Fatalf("LastSeq() = %v", err)
	}
	return seq
}

func applyOK(t testing.TB, s events.Store, batch []events.Stored) events.ApplyResult {
	t.Helper()
	res, err := s.Apply(context.Background(), batch)
	if err != nil {
		t.Fatalf("Apply(%s) = %v", labels(batch), err)
	}
	return res
}

func scan(t testing.TB, s events.Store, from uint64) []events.Stored {
	t.Helper()
	var out []events.Stored
	if err := s.Scan(context.Background(), from, func(st events.Stored) error {
		out = append(out, st)
		return nil
	}); err != nil {
		t.Fatalf("Scan(%d) = %v", from, err)
	}
	return out
}

func knownFacts(t testing.TB, s events.Store, ids ...events.FactID) map[events.FactID]uint64 {
	t.Helper()
	got, err := s.KnownFacts(context.Background(), ids)
	if err != nil {
		t.Fatalf("KnownFacts(%v) = %v", ids, err)
	}
	return got
}

func entitySeqs(t testing.TB, s events.Store, ids ...events.EntityID) map[events.EntityID]uint64 {
	t.Helper()
	got, err := s.EntitySeqs(context.Background(), ids)
	if err != nil {
		t.Fatalf("EntitySeqs(%v) = %v", ids, err)
	}
	return got
}

func entityEvents(t testing.TB, s events.Store, id events.EntityID) []events.Stored {
	t.Helper()
	got, err := s.EntityEvents(context.Background(), id)
	if err != nil {
		t.Fatalf("EntityEvents(%q) = %v", id, err)
	}
	return got
}

func resolve(t testing.TB, s events.Store, name string) []events.EntityID {
	t.Helper()
	got, err := s.Resolve(context.Background(), name)
	if err != nil {
		t.Fatalf("Resolve(%q) = %v", name, err)
	}
	return got
}

// sameEvents reports (as what = got, want want) unless got and want hold the same sequences with the
// same encoded events, in the same order.
func sameEvents(t testing.TB, what string, got, want []events.Stored) bool {
	t.Helper()
	if len(got) == len(want) {
		same := true
		for i := range got {
			if got[i].Seq != want[i].Seq || !bytes.Equal(Encode(t, got[i].Event), Encode(t, want[i].Event)) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	t.Errorf("%s =\n%s\nwant\n%s", what, labels(got), labels(want))
	for i := range min(len(got), len(want)) {
		if g, w := Encode(t, got[i].Event), Encode(t, want[i].Event); !bytes.Equal(g, w) {
			t.Errorf("%s[%d] encodes as\n%s\nwant\n%s", what, i, g, w)
			break
		}
	}
	return false
}

// labels describes stored events one a line: sequence, id, entity, date and type.
func labels(sts []events.Stored) string {
	if len(sts) == 0 {
		return "  (none)"
	}
	var b strings.Builder
	for i, st := range sts {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "  %d %s %s %s %s", st.Seq, st.Event.ID, st.Event.Entity, st.Event.Date, st.Event.Type)
	}
	return b.String()
}

func sameSummaries(got, want []events.EntitySummary) bool {
	return slices.EqualFunc(got, want, func(a, b events.EntitySummary) bool {
		return a.ID == b.ID && a.Kind == b.Kind && slices.Equal(a.Names, b.Names)
	})
}

func summaries(list []events.EntitySummary) string {
	if len(list) == 0 {
		return "  (none)"
	}
	var b strings.Builder
	for i, s := range list {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "  %s %q %q", s.ID, s.Kind, s.Names)
	}
	return b.String()
}

// A correction of another entity's event, and a retraction, are found through SupersededBy and
// among the events of the entity whose event they supersede.
func testSupersededBy(t *testing.T, s events.Store) {
	ctx := context.Background()
	wrong := NewEvent(t, Founded("cnup", "Cambodian National Unity Party", "1993"), BaseMS)
	other := NewEvent(t, Described("cnup", "a colour", "XXXX"), BaseMS+1)
	fix := Founded("cnup-2", "Cambodian National Unity Party", "1992-11-30")
	fix.Supersedes, fix.Reason = []ulid.ULID{wrong.ID}, "the founding is dated 1992 in the infobox"
	correction := NewEvent(t, fix, BaseMS+2)
	retract := events.Fact{Type: events.TypeRecordRetracted, Entity: "cnup", Date: events.MustParseDate("XXXX"),
		Source: source("withdrawn"), Payload: events.RecordRetracted{}, Supersedes: []ulid.ULID{other.ID, wrong.ID}, Reason: "not in the source"}
	retraction := NewEvent(t, retract, BaseMS+3)
	if _, err := s.Apply(ctx, Stored(1, wrong, other, correction, retraction)); err != nil {
		t.Fatal(err)
	}
	got, err := s.SupersededBy(ctx, []ulid.ULID{wrong.ID, other.ID, correction.ID})
	if err != nil {
		t.Fatal(err)
	}
	if w := got[wrong.ID]; len(w) != 2 || w[0] != correction.ID || w[1] != retraction.ID {
		t.Errorf("SupersededBy(wrong)[wrong] = %v, want [%s %s]", w, correction.ID, retraction.ID)
	}
	if o := got[other.ID]; len(o) != 1 || o[0] != retraction.ID {
		t.Errorf("SupersededBy(other)[other] = %v, want [%s]", o, retraction.ID)
	}
	if _, ok := got[correction.ID]; ok {
		t.Errorf("SupersededBy(correction) = %v, want nothing: nothing supersedes it", got[correction.ID])
	}
	evs, err := s.EntityEvents(ctx, "cnup")
	if err != nil {
		t.Fatal(err)
	}
	var ids []ulid.ULID
	for _, st := range evs {
		ids = append(ids, st.Event.ID)
	}
	if !slices.Contains(ids, correction.ID) || !slices.Contains(ids, retraction.ID) || len(ids) != 4 {
		t.Errorf("EntityEvents(cnup) = %v, want its two events, the correction (about cnup-2) and the retraction", ids)
	}
}
