package history_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"
	"annals/history"
	"annals/projections"
)

// lateMS is when the record learned the facts about the party "late", after every other fact.
const lateMS = eventstest.BaseMS + 1000

// newRecord builds a small record in a real store: two parties with founding dates, a misspelling,
// two parties that share a name, two that a merge joins, a person, a drafted fact and a fact recorded
// late.
func newRecord(t *testing.T) *boltstore.Store {
	t.Helper()
	src := events.Source{Title: "A test history", URL: "https://example.org/history", Quote: "the same party"}
	drafted := eventstest.Founded("drafted", "Drafted Party", "1990-01-01")
	drafted.Method, drafted.Rule = events.MethodDrafted, "test-rule"
	facts := []events.Fact{
		eventstest.Named("cnrp", events.KindParty, "Cambodia National Rescue Party", "2012-07-17"),
		eventstest.Named("cnrp", events.KindParty, "CNRP", "2012-07-17"),
		eventstest.Founded("cnrp", "Cambodia National Rescue Party", "2012-07-17", "sam-rainsy"),
		eventstest.Named("kpnlf", events.KindParty, "Khmer People's National Liberation Front", "1979-03-05"),
		eventstest.Founded("kpnlf", "Khmer People's National Liberation Front", "1979-03-05"),
		eventstest.Named("front-a", events.KindParty, "The Front", "1990"),
		eventstest.Named("front-b", events.KindParty, "The Front", "1991"),
		eventstest.Named("srp", events.KindParty, "Sam Rainsy Party", "1998"),
		eventstest.Named("sam-rainsy-party", events.KindParty, "Sam Rainsy Party", "1998"),
		{Type: events.TypeEntitySameAs, Entity: "srp", Date: events.MustParseDate("1998"), Source: src,
			Payload: events.EntitySameAs{Other: "sam-rainsy-party"}},
		eventstest.Named("sam-rainsy", events.KindPerson, "Sam Rainsy", "1949"),
		eventstest.Named("ondrej-pesek", events.KindPerson, "Ondřej Pešek", "1951"),
		eventstest.Named("keo-sambath", events.KindPerson, "Keo Sambath", "1960"),
		eventstest.Named("ros-sambath", events.KindPerson, "Ros Sambath", "1961"),
		drafted,
	}
	var evs []events.Event
	for i, f := range facts {
		evs = append(evs, eventstest.NewEvent(t, f, eventstest.BaseMS+uint64(i)))
	}
	evs = append(evs, eventstest.NewEvent(t, eventstest.Founded("late", "Late Party", "2000-01-01"), lateMS))
	store, err := boltstore.Open(filepath.Join(t.TempDir(), "annals.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if _, err := store.Apply(context.Background(), eventstest.Stored(1, evs...)); err != nil {
		t.Fatal(err)
	}
	return store
}

func ids(list []events.EntitySummary) []events.EntityID {
	var out []events.EntityID
	for _, e := range list {
		out = append(out, e.ID)
	}
	return out
}

func TestResolve(t *testing.T) {
	ctx := context.Background()
	h := history.New(newRecord(t), history.Options{})
	tests := []struct {
		name, query string
		kinds       []events.Kind
		want        events.EntityID
		notFound    bool
		close       bool
		ambiguous   bool
		candidates  []events.EntityID
	}{
		{name: "id", query: "cnrp", kinds: []events.Kind{events.KindParty}, want: "cnrp"},
		{name: "abbreviation, any case", query: "Cnrp", kinds: []events.Kind{events.KindParty}, want: "cnrp"},
		{name: "name", query: "cambodia national  rescue party", kinds: []events.Kind{events.KindParty}, want: "cnrp"},
		{name: "person", query: "Sam Rainsy", kinds: []events.Kind{events.KindPerson}, want: "sam-rainsy"},
		{name: "surname", query: "pesek", kinds: []events.Kind{events.KindPerson}, want: "ondrej-pesek"},
		{name: "surname, as written", query: "Rainsy", kinds: []events.Kind{events.KindPerson}, want: "sam-rainsy"},
		{name: "family name first", query: "Keo", kinds: []events.Kind{events.KindPerson}, want: "keo-sambath"},
		{name: "surname of two", query: "Sambath", kinds: []events.Kind{events.KindPerson}, ambiguous: true,
			candidates: []events.EntityID{"keo-sambath", "ros-sambath"}},
		{name: "a party is no surname", query: "Party", kinds: []events.Kind{events.KindParty}, notFound: true, close: true,
			candidates: []events.EntityID{"cnrp", "drafted", "late", "sam-rainsy-party", "srp"}},
		{name: "second kind", query: "Sam Rainsy", kinds: []events.Kind{events.KindOrganisation, events.KindPerson}, want: "sam-rainsy"},
		{name: "misspelt", query: "Cambodia National Rescue Pary", kinds: []events.Kind{events.KindParty},
			notFound: true, close: true, candidates: []events.EntityID{"cnrp"}},
		{name: "words", query: "Rescue Part", kinds: []events.Kind{events.KindParty},
			notFound: true, close: true, candidates: []events.EntityID{"cnrp"}},
		{name: "nothing close", query: "zzzz", kinds: []events.Kind{events.KindParty}, notFound: true,
			candidates: []events.EntityID{"cnrp", "drafted", "front-a", "front-b", "kpnlf", "late", "sam-rainsy-party", "srp"}},
		{name: "ambiguous", query: "The Front", kinds: []events.Kind{events.KindParty}, ambiguous: true,
			candidates: []events.EntityID{"front-a", "front-b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := h.Resolve(ctx, tt.query, tt.kinds...)
			var nf *history.NotFoundError
			var amb *history.AmbiguousError
			switch {
			case tt.notFound:
				if !errors.As(err, &nf) || !errors.Is(err, events.ErrNotFound) {
					t.Fatalf("Resolve(%q) = %q, %v, want a NotFoundError", tt.query, got, err)
				}
				if nf.Close != tt.close || !reflect.DeepEqual(ids(nf.Candidates), tt.candidates) || nf.Total != len(tt.candidates) {
					t.Errorf("Resolve(%q) candidates = %v (close %v, total %d), want %v (close %v)", tt.query, ids(nf.Candidates), nf.Close, nf.Total, tt.candidates, tt.close)
				}
			case tt.ambiguous:
				if !errors.As(err, &amb) || !errors.Is(err, events.ErrAmbiguous) {
					t.Fatalf("Resolve(%q) = %q, %v, want an AmbiguousError", tt.query, got, err)
				}
				if !reflect.DeepEqual(ids(amb.Candidates), tt.candidates) || amb.Total != len(tt.candidates) {
					t.Errorf("Resolve(%q) candidates = %v (total %d), want %v", tt.query, ids(amb.Candidates), amb.Total, tt.candidates)
				}
			case err != nil || got != tt.want:
				t.Errorf("Resolve(%q) = %q, %v, want %q", tt.query, got, err, tt.want)
			}
		})
	}
}

// NearSpellings finds the entities known by a name spelled close to the one asked, not by it: Ros
// Sambath for "Keo Sambath" is too far, "Keo Sambat" near.
func TestNearSpellings(t *testing.T) {
	ctx := context.Background()
	h := history.New(newRecord(t), history.Options{})
	got, err := h.NearSpellings(ctx, "Keo Sambat", nil, events.KindPerson)
	if err != nil || !reflect.DeepEqual(ids(got), []events.EntityID{"keo-sambath"}) {
		t.Errorf("NearSpellings(Keo Sambat) = %v, %v; want keo-sambath", ids(got), err)
	}
	got, err = h.NearSpellings(ctx, "Keo Sambath", []events.EntityID{"keo-sambath"}, events.KindPerson)
	if err != nil || len(got) != 0 {
		t.Errorf("NearSpellings(Keo Sambath, but keo-sambath) = %v, %v; want none (Ros Sambath is no spelling of it)", ids(got), err)
	}
	if got, err = h.NearSpellings(ctx, "Cambodia National Rescue Pary", nil); err != nil || !reflect.DeepEqual(ids(got), []events.EntityID{"cnrp"}) {
		t.Errorf("NearSpellings(Cambodia National Rescue Pary) = %v, %v; want cnrp", ids(got), err)
	}
}

// A name that two entities share means one when a merge joins them: the canonical id, either way.
func TestResolveMerged(t *testing.T) {
	ctx := context.Background()
	h := history.New(newRecord(t), history.Options{})
	got, err := h.Resolve(ctx, "Sam Rainsy Party", events.KindParty)
	if err != nil {
		t.Fatalf("Resolve(Sam Rainsy Party) = %v, want the merged party", err)
	}
	for _, id := range []events.EntityID{"srp", "sam-rainsy-party"} {
		if other, err := h.Resolve(ctx, string(id), events.KindParty); err != nil || other != id {
			t.Errorf("Resolve(%s) = %q, %v, want %s", id, other, err, id)
		}
		canon, _, err := h.Group(ctx, id)
		if err != nil || canon != got {
			t.Errorf("Group(%s) = %q, %v, want %q", id, canon, err, got)
		}
	}
}

func stateIDs(states []projections.PartyState) []events.EntityID {
	var out []events.EntityID
	for _, st := range states {
		out = append(out, st.ID)
	}
	return out
}

func TestState(t *testing.T) {
	ctx := context.Background()
	store := newRecord(t)
	known := time.UnixMilli(int64(lateMS - 1)).UTC()
	tests := []struct {
		name  string
		opts  history.Options
		day   string
		party string
		want  []events.EntityID // sorted by display name
	}{
		// The merged parties answer as one, srp; a party whose facts are all left out (drafted with
		// CuratedOnly, late with KnownAt) is no answer: the record did not hold it then.
		{name: "before every founding", day: "1970-01-01", want: []events.EntityID{"front-a", "front-b", "srp"}},
		{name: "1980", day: "1980-01-01", want: []events.EntityID{"kpnlf", "front-a", "front-b", "srp"}},
		{name: "2013", day: "2013-01-01", want: []events.EntityID{"cnrp", "drafted", "kpnlf", "late", "front-a", "front-b", "srp"}},
		{name: "curated only", opts: history.Options{CuratedOnly: true}, day: "2013-01-01", want: []events.EntityID{"cnrp", "kpnlf", "late", "front-a", "front-b", "srp"}},
		{name: "known before late", opts: history.Options{KnownAt: known}, day: "2013-01-01", want: []events.EntityID{"cnrp", "drafted", "kpnlf", "front-a", "front-b", "srp"}},
		{name: "one party, not yet founded", day: "1970-01-01", party: "CNRP", want: []events.EntityID{"cnrp"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := history.New(store, tt.opts)
			states, err := h.State(ctx, day(tt.day), tt.party)
			if got := stateIDs(states); err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("State(%s, %q) = %v, %v, want %v", tt.day, tt.party, got, err, tt.want)
			}
		})
	}
}

// The lifetime index leaves out only parties the fold leaves out: State answers as it does with
// KnownAt far in the future, which folds every party.
func TestStateWithAndWithoutTheLifetimeIndex(t *testing.T) {
	ctx := context.Background()
	store := newRecord(t)
	for _, d := range []string{"1900-01-01", "1979-03-04", "1979-03-05", "2012-07-16", "2012-07-17", "2026-01-01"} {
		plain, err := history.New(store, history.Options{}).State(ctx, day(d), "")
		if err != nil {
			t.Fatal(err)
		}
		all, err := history.New(store, history.Options{KnownAt: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)}).State(ctx, day(d), "")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(plain, all) {
			t.Errorf("State(%s) = %v, want %v as with KnownAt 2100", d, stateIDs(plain), stateIDs(all))
		}
	}
}

func TestAnswers(t *testing.T) {
	ctx := context.Background()
	h := history.New(newRecord(t), history.Options{})
	p, err := h.Party(ctx, "CNRP", events.MaxDay)
	if err != nil || p.ID != "cnrp" || p.Name != "Cambodia National Rescue Party" || p.Kind != events.KindParty || len(p.Groups) != 2 {
		t.Errorf("Party(CNRP) = %+v, %v, want cnrp with its names and life", p, err)
	}
	tl, err := h.Timeline(ctx, "kpnlf")
	if err != nil || len(tl.Events) != 2 {
		t.Errorf("Timeline(kpnlf) = %+v, %v, want 2 events", tl, err)
	}
	person, err := h.Person(ctx, "Sam Rainsy", events.MaxDay)
	if err != nil || person.ID != "sam-rainsy" {
		t.Errorf("Person(Sam Rainsy) = %+v, %v, want sam-rainsy", person, err)
	}
	if _, err := h.Person(ctx, "CNRP", events.MaxDay); !errors.Is(err, events.ErrNotFound) {
		t.Errorf("Person(CNRP) = %v, want ErrNotFound: CNRP is a party", err)
	}
	found, err := h.Events(ctx, history.EventsQuery{Type: "party.founded", Dated: true, From: day("2000-01-01"), To: events.MaxDay})
	if err != nil || len(found) != 2 {
		t.Errorf("Events(party.founded since 2000) = %d events, %v, want 2 (cnrp, late)", len(found), err)
	}
	if _, err := h.Sources(ctx, "missing.txt"); !errors.As(err, new(*history.DocumentNotFoundError)) {
		t.Errorf("Sources(missing.txt) = %v, want a DocumentNotFoundError", err)
	}
	diffs, err := h.Diff(ctx, day("2000-01-01"), day("2013-01-01"), "")
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, d := range diffs {
		if len(d.Events) > 0 {
			changed++
		}
	}
	if changed != 1 { // cnrp was founded in between; late on the first day
		t.Errorf("Diff(2000, 2013) = %d parties with facts in between, want 1", changed)
	}
	l, err := h.Lineage(ctx, "cnrp")
	if err != nil || l.Root != "cnrp" {
		t.Errorf("Lineage(cnrp) = %+v, %v, want rooted at cnrp", l, err)
	}
	r, err := h.Replay(ctx, history.ReplayQuery{From: day("2000-01-01"), To: events.MaxDay})
	if err != nil || len(r.Entries) != 4 || r.Last != 16 {
		t.Errorf("Replay(since 2000) = %d entries up to seq %d, %v, want 4 up to 16", len(r.Entries), r.Last, err)
	}
}

func day(s string) events.Day {
	d, err := events.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

// The second axis holds for the directory too: before the record learned of a party, it has no
// entity, no name that resolves and no place in the state; before the first event, nothing at all.
func TestKnownAtDirectory(t *testing.T) {
	ctx := context.Background()
	store := newRecord(t)
	before := history.New(store, history.Options{KnownAt: time.UnixMilli(int64(lateMS - 1)).UTC()})
	all, err := before.Entities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if e.ID == "late" {
			t.Errorf("Entities() as known before late = %v, want no late", ids(all))
		}
	}
	if _, err := before.Resolve(ctx, "Late Party", events.KindParty); !errors.Is(err, events.ErrNotFound) {
		t.Errorf("Resolve(Late Party) as known before it = %v, want ErrNotFound", err)
	}
	if id, err := history.New(store, history.Options{}).Resolve(ctx, "Late Party", events.KindParty); err != nil || id != "late" {
		t.Errorf("Resolve(Late Party) now = %q, %v, want late", id, err)
	}
	empty := history.New(store, history.Options{KnownAt: time.UnixMilli(int64(eventstest.BaseMS - 1)).UTC()})
	states, err := empty.State(ctx, day("2013-01-01"), "")
	if err != nil || len(states) != 0 {
		t.Errorf("State(2013-01-01) as known before the first event = %v, %v, want nothing", stateIDs(states), err)
	}
	if all, err := empty.Entities(ctx); err != nil || len(all) != 0 {
		t.Errorf("Entities() as known before the first event = %v, %v, want none", ids(all), err)
	}
}

// During answers for a period: the parties that existed at some time in it.
func TestDuring(t *testing.T) {
	ctx := context.Background()
	h := history.New(newRecord(t), history.Options{})
	tests := []struct {
		period string
		party  string
		want   []events.EntityID // those with a dated existence, sorted by display name
	}{
		{"1978", "", nil},
		{"1979", "", []events.EntityID{"kpnlf"}},
		{"2012", "", []events.EntityID{"cnrp", "drafted", "kpnlf", "late", "front-a", "front-b", "srp"}},
		{"2011/2013", "CNRP", []events.EntityID{"cnrp"}},
		{"2011", "CNRP", nil},
	}
	for _, tt := range tests {
		states, err := h.During(ctx, events.MustParseDate(tt.period), tt.party)
		if err != nil {
			t.Fatal(err)
		}
		var got []events.EntityID
		for _, st := range states {
			if st.Existed != projections.Undated {
				got = append(got, st.ID)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("During(%s, %q) = %v, want %v", tt.period, tt.party, got, tt.want)
		}
	}
	if _, err := h.During(ctx, events.MustParseDate("XXXX"), ""); !errors.Is(err, events.ErrInvalid) {
		t.Errorf("During(XXXX) = %v, want ErrInvalid", err)
	}
}
