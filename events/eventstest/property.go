package eventstest

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"annals/events"
)

var seedFlag = flag.Uint64("eventstest.seed", 0, "seed of the events.Store property test (0: a random seed, logged)")

// Pools the random facts draw from. They are small, so that facts repeat (duplicates) and entities
// gather many events and names. Names include case and white-space variants and Khmer script; one
// name equals an entity id; one entity id is a prefix of another.
var (
	genEntities = []events.EntityID{"cnrp", "cnrp-youth", "cpp", "kem-sokha", "sam-rainsy", "nec", events.Slug(khmerCNRP)}
	genNames    = []string{
		"Cambodia National Rescue Party", "CAMBODIA NATIONAL RESCUE PARTY", "Cambodia\u00a0National  Rescue Party",
		"CNRP", "cnrp", "Cambodian People's Party", khmerCNRP, khmerCPP, "គណបក្ស ប្រជាជន កម្ពុជា",
		"Kem Sokha", " Sam  Rainsy ", "Élan", "élan", "Front Uni",
	}
	genDates  = []string{"2012-07-17", "2012", "2012-07", "2012-07/2013", "-0050", "../2010", "XXXX", "199X", "2017-21", "1997~", "1997", "2004/"}
	genKinds  = []events.Kind{events.KindParty, events.KindPerson, events.KindOrganisation}
	genValues = []string{"the opposition", "in power", "ប្ដូរ\u00a0ឬ មិន ប្ដូរ", "dissolved"}
	genQuotes = []string{"as the history says", "«" + khmerCNRP + "»"}
)

// generator makes random batches of events, remembering every fact and event it made.
type generator struct {
	t   testing.TB
	rng *rand.Rand
	ms  uint64
	fs  []events.Fact
	evs []events.Event
}

func (g *generator) pick(n int) int { return g.rng.IntN(n) }

func (g *generator) entity() events.EntityID { return genEntities[g.pick(len(genEntities))] }

// entities returns up to max distinct entities, at least min.
func (g *generator) entities(min, max int) []events.EntityID {
	n := min + g.pick(max-min+1)
	var out []events.EntityID
	for _, i := range g.rng.Perm(len(genEntities))[:n] {
		out = append(out, genEntities[i])
	}
	return out
}

func (g *generator) fact() events.Fact {
	f := events.Fact{
		Entity: g.entity(),
		Date:   events.MustParseDate(genDates[g.pick(len(genDates))]),
		Source: source(genQuotes[g.pick(len(genQuotes))]),
	}
	name := func() string { return genNames[g.pick(len(genNames))] }
	switch g.pick(6) {
	case 0:
		f.Payload = events.EntityNamed{Kind: genKinds[g.pick(len(genKinds))], Name: name(),
			NameType: []string{events.NameOfficial, events.NameAbbreviation, events.NameNative}[g.pick(3)]}
	case 1:
		f.Payload = events.PartyFounded{Name: name(), Founders: g.entities(0, 2)}
	case 2:
		from := ""
		if g.pick(2) == 0 {
			from = name()
		}
		f.Payload = events.PartyRenamed{From: from, To: name()}
	case 3:
		f.Payload = events.EntityDescribed{Attribute: "description", Value: genValues[g.pick(len(genValues))], Involves: g.entities(0, 3)}
	case 4:
		var by events.EntityID
		if g.pick(2) == 0 {
			by = g.entity()
		}
		f.Payload = events.PersonArrested{By: by}
	default:
		f.Payload = events.PartyMerged{Members: g.entities(1, 2)}
	}
	f.Type = f.Payload.EventType()
	return f
}

// event returns a new fact recorded now, the same fact as an earlier one recorded again, or an earlier
// event exactly.
func (g *generator) event() events.Event {
	g.ms++
	switch r := g.pick(10); {
	case r < 2 && len(g.fs) > 0:
		e := NewEvent(g.t, g.fs[g.pick(len(g.fs))], g.ms)
		g.evs = append(g.evs, e)
		return e
	case r == 2 && len(g.evs) > 0:
		return g.evs[g.pick(len(g.evs))]
	}
	f := g.fact()
	e := NewEvent(g.t, f, g.ms)
	g.fs = append(g.fs, f)
	g.evs = append(g.evs, e)
	return e
}

// batch returns one to six events after last; one batch in eight has a gap or a repeat in it.
func (g *generator) batch(last uint64) []events.Stored {
	evs := make([]events.Event, 1+g.pick(6))
	for i := range evs {
		evs[i] = g.event()
	}
	b := Stored(last+1, evs...)
	if g.pick(8) == 0 {
		i := g.pick(len(b))
		if g.pick(2) == 0 {
			b[i].Seq++
		} else {
			b[i].Seq--
		}
	}
	return b
}

// testModel applies random batches to the store and to the model and compares every answer after
// each batch.
func testModel(t *testing.T, s events.Store) {
	seed := *seedFlag
	if seed == 0 {
		seed = rand.Uint64()
	}
	t.Logf("seed %d (rerun with -eventstest.seed=%d)", seed, seed)
	ctx := t.Context()
	g := &generator{t: t, rng: rand.New(rand.NewPCG(seed, seed)), ms: BaseMS}
	m := newModel()
	rounds := 80
	if testing.Short() {
		rounds = 20
	}
	for round := range rounds {
		batch := g.batch(m.lastSeq())
		want, wantErr := m.Apply(ctx, batch)
		got, err := s.Apply(ctx, batch)
		if got != want || (err == nil) != (wantErr == nil) || errors.Is(wantErr, events.ErrConflict) != errors.Is(err, events.ErrConflict) {
			t.Fatalf("seed %d round %d: Apply(%s) = %+v, %v, want %+v, %v", seed, round, labels(batch), got, err, want, wantErr)
		}
		// Answers that decode events are compared every few rounds and at the end; the indexes
		// every round.
		full := round%5 == 4 || round == rounds-1
		compareStores(t, fmt.Sprintf("seed %d round %d: ", seed, round), s, m, g, full)
		if t.Failed() {
			return
		}
	}
}

// compareStores fails t where s answers differently from the model m. Unless full, it leaves out
// Scan, EntityEvents and Event but for the last batch's events.
func compareStores(t *testing.T, prefix string, s events.Store, m *model, g *generator, full bool) {
	t.Helper()
	ctx := context.Background()
	if got, want := lastSeq(t, s), m.lastSeq(); got != want {
		t.Errorf("%sLastSeq() = %d, want %d", prefix, got, want)
	}
	ids := append(slices.Clone(genEntities), "cnrp-y", "nobody")
	evs := g.evs[max(0, len(g.evs)-6):]
	if full {
		evs = g.evs
		for _, from := range []uint64{0, uint64(g.pick(int(m.lastSeq()) + 2))} {
			sameEvents(t, fmt.Sprintf("%sScan(%d)", prefix, from), scan(t, s, from), scan(t, m, from))
		}
		for _, id := range ids {
			sameEvents(t, fmt.Sprintf("%sEntityEvents(%q)", prefix, id), entityEvents(t, s, id), entityEvents(t, m, id))
		}
	}

	factIDs := []events.FactID{"0000"}
	for _, f := range g.fs {
		factIDs = append(factIDs, f.ID())
	}
	if got, want := knownFacts(t, s, factIDs...), knownFacts(t, m, factIDs...); !maps.Equal(got, want) {
		t.Errorf("%sKnownFacts(%d facts) = %v, want %v", prefix, len(factIDs), got, want)
	}
	if got, want := entitySeqs(t, s, ids...), entitySeqs(t, m, ids...); !maps.Equal(got, want) {
		t.Errorf("%sEntitySeqs(%v) = %v, want %v", prefix, ids, got, want)
	}
	for _, e := range evs {
		got, err := s.Event(ctx, e.ID)
		want, wantErr := m.Event(ctx, e.ID)
		switch {
		case wantErr != nil:
			if !errors.Is(err, events.ErrNotFound) {
				t.Errorf("%sEvent(%s) = seq %d, %v, want ErrNotFound", prefix, e.ID, got.Seq, err)
			}
		case err != nil:
			t.Errorf("%sEvent(%s) = %v, want seq %d", prefix, e.ID, err, want.Seq)
		default:
			sameEvents(t, fmt.Sprintf("%sEvent(%s)", prefix, e.ID), []events.Stored{got}, []events.Stored{want})
		}
	}
	got, err := s.Entities(ctx)
	if err != nil {
		t.Fatalf("%sEntities() = %v", prefix, err)
	}
	if want, _ := m.Entities(ctx); !sameSummaries(got, want) {
		t.Errorf("%sEntities() =\n%s\nwant\n%s", prefix, summaries(got), summaries(want))
	}
	names := append(slices.Clone(genNames), "", " ", "Cambodia National", "cambodia  national rescue party", "cnrp youth")
	for _, id := range ids {
		names = append(names, string(id), strings.ToUpper(string(id)))
	}
	for _, name := range names {
		if got, want := resolve(t, s, name), resolve(t, m, name); !slices.Equal(got, want) {
			t.Errorf("%sResolve(%q) = %v, want %v", prefix, name, got, want)
		}
	}
}
