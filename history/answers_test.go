package history_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"math/rand"
	"path/filepath"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"
	"annals/history"
	"annals/projections"
)

var answersSeed = flag.Int64("answers.seed", 0, "seed of TestStoredAnswersAgreeWithFold (0: from the clock)")

// foldOnly hides a store's stored answers: history folds every party.
type foldOnly struct{ events.Reader }

// TestStoredAnswersAgreeWithFold: random records with corrections, retractions, links and late names
// are applied in random batches to a store that keeps answers (and now and then by a writer that
// keeps none); after each batch, State from the stored answers equals State from the fold, byte for
// byte in JSON, for every party and for each party alone, on many days, now and as known at times
// within the record.
func TestStoredAnswersAgreeWithFold(t *testing.T) {
	seed := *answersSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("seed %d (replay with -answers.seed %d)", seed, seed)
	rng := rand.New(rand.NewSource(seed))
	ctx := context.Background()
	records := 12
	if testing.Short() {
		records = 3
	}
	used := 0
	for r := range records {
		evs := eventstest.RandomHistory(t, rng, 3+rng.Intn(5))
		path := filepath.Join(t.TempDir(), "annals.db")
		open := func(opts boltstore.Options) *boltstore.Store {
			s, err := boltstore.Open(path, opts)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		keeping := boltstore.Options{Answers: projections.StoredAnswers{}}
		store := open(keeping)
		var days []events.Day
		for _, e := range evs {
			for _, d := range []events.Day{e.Date.Earliest(), e.Date.Latest()} {
				if d != events.MinDay && d != events.MaxDay {
					days = append(days, d-1, d, d+1)
				}
			}
		}
		for range 10 {
			days = append(days, events.DayOf(1985+rng.Intn(14), 1, 1)+events.Day(rng.Intn(366)))
		}
		for next := 0; next < len(evs); {
			n := min(len(evs)-next, 1+rng.Intn(12))
			if rng.Intn(6) == 0 { // a writer that keeps no answers drops those it touches
				store.Close()
				store = open(boltstore.Options{})
			}
			if _, err := store.Apply(ctx, eventstest.Stored(uint64(next+1), evs[next:next+n]...)); err != nil {
				t.Fatal(err)
			}
			next += n
			store.Close()
			store = open(keeping)
			knownAt := evs[rng.Intn(next)].Recorded
			for range 6 {
				day := days[rng.Intn(len(days))]
				compareStates(t, seed, r, store, history.Options{}, day)
				compareStates(t, seed, r, store, history.Options{KnownAt: knownAt}, day)
			}
		}
		ids, err := history.New(store, history.Options{}).Parties(ctx)
		if err != nil {
			t.Fatal(err)
		}
		err = store.Answers(ctx, projections.AnswersVersion, ids, 1, func(events.EntityID, []byte, time.Time) error { used++; return nil })
		if err != nil {
			t.Fatal(err)
		}
		store.Close()
	}
	if used == 0 {
		t.Errorf("no party had stored answers: the test compared the fold with itself")
	}
	t.Logf("%d parties had stored answers at the end of their record", used)
}

func compareStates(t *testing.T, seed int64, r int, store *boltstore.Store, opts history.Options, day events.Day) {
	t.Helper()
	ctx := context.Background()
	state := func(reader events.Reader, party string) []byte {
		t.Helper()
		st, err := history.New(reader, opts).State(ctx, day, party)
		if err != nil {
			t.Fatalf("record %d (seed %d): State(%s, %q) = %v", r, seed, day, party, err)
		}
		b, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	parties, err := history.New(store, opts).Parties(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, party := range append([]string{""}, idStrings(parties)...) {
		got, want := state(store, party), state(foldOnly{store}, party)
		if !bytes.Equal(got, want) {
			t.Fatalf("record %d (seed %d), known at %v: State(%s, %q) from stored answers =\n%s\nwant the fold's\n%s", r, seed, opts.KnownAt, day, party, got, want)
		}
	}
}

func idStrings(ids []events.EntityID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// BenchmarkStateOneParty measures one party as of a day from its stored answers, as `query state
// --party` asks it, on a record of 200 random parties.
func BenchmarkStateOneParty(b *testing.B) {
	ctx := context.Background()
	evs := eventstest.RandomHistory(b, rand.New(rand.NewSource(1)), 200)
	store, err := boltstore.Open(filepath.Join(b.TempDir(), "annals.db"), boltstore.Options{Answers: projections.StoredAnswers{}})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Apply(ctx, eventstest.Stored(1, evs...)); err != nil {
		b.Fatal(err)
	}
	day := events.DayOf(1991, 6, 1)
	for b.Loop() {
		if _, err := history.New(store, history.Options{}).State(ctx, day, "party-7"); err != nil {
			b.Fatal(err)
		}
	}
}

// One party by a name, from its stored answers: the name resolves as the record stood at KnownAt (a
// name recorded later means nothing then), and the answer is the fold's, now and then.
func TestStateOnePartyByNameKnownAt(t *testing.T) {
	ctx := context.Background()
	store, err := boltstore.Open(filepath.Join(t.TempDir(), "annals.db"), boltstore.Options{Answers: projections.StoredAnswers{}})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	evs := []events.Event{
		eventstest.NewEvent(t, eventstest.Founded("kpnlf", "Khmer People's National Liberation Front", "1979-03-05"), eventstest.BaseMS),
		eventstest.NewEvent(t, eventstest.Named("kpnlf", events.KindParty, "Sereika", "1979"), eventstest.BaseMS+1000),
	}
	if _, err := store.Apply(ctx, eventstest.Stored(1, evs...)); err != nil {
		t.Fatal(err)
	}
	day := events.DayOf(1990, 1, 1)
	before, after := time.UnixMilli(int64(eventstest.BaseMS+500)).UTC(), time.UnixMilli(int64(eventstest.BaseMS+2000)).UTC()
	for _, tt := range []struct {
		name    string
		knownAt time.Time
		found   bool
	}{
		{"Sereika", time.Time{}, true},
		{"Sereika", after, true},
		{"Sereika", before, false}, // not yet named so
		{"kpnlf", before, true},
		{"Khmer People's National Liberation Front", before, true},
	} {
		opts := history.Options{KnownAt: tt.knownAt}
		got, err := history.New(store, opts).State(ctx, day, tt.name)
		want, werr := history.New(foldOnly{store}, opts).State(ctx, day, tt.name)
		if tt.found != (err == nil) || (err == nil) != (werr == nil) {
			t.Errorf("State(%q) known at %v = %v, want found %v (the fold: %v)", tt.name, tt.knownAt, err, tt.found, werr)
			continue
		}
		if g, w := mustJSON(t, got), mustJSON(t, want); !bytes.Equal(g, w) {
			t.Errorf("State(%q) known at %v =\n%s\nwant the fold's\n%s", tt.name, tt.knownAt, g, w)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
