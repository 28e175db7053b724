package boltstore_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"

	"github.com/oklog/ulid/v2"
)

// damageRecord builds a store of a few hundred events over sixty parties and people (names, foundings,
// splits, descriptions that involve others, retractions) and returns its path and its events.
func damageRecord(t *testing.T) (string, []events.Event) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "annals.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := &recordBuilder{t: t, store: s}
	rng := rand.New(rand.NewSource(7))
	party := func(i int) events.EntityID { return events.EntityID(fmt.Sprintf("party-%02d", i)) }
	var all []events.Event
	for i := range 60 {
		id := party(i)
		all = append(all, b.add(
			eventstest.Founded(id, fmt.Sprintf("Party number %d", i), fmt.Sprint(1900+rng.Intn(100)), "person-"+events.EntityID(fmt.Sprint(i%7))),
			eventstest.Named(id, events.KindParty, fmt.Sprintf("P%02d", i), "XXXX"),
			eventstest.Described(id, fmt.Sprintf("founded in %d by a group of exiles", 1900+i), fmt.Sprint(1950+rng.Intn(50)), party((i+1)%60)),
		)...)
		if i%4 == 0 {
			all = append(all, b.add(split(id, party((i+7)%60), fmt.Sprint(1960+i)))...)
		}
	}
	for i := 0; i < len(all); i += 23 {
		all = append(all, b.add(retraction(all[i]))...)
	}
	return path, all
}

// damageReads are the reads a query makes, each rendered as text: a damaged store must answer each
// exactly as the intact one does, or fail.
func damageReads(evs []events.Event) map[string]func(*boltstore.Store) (string, error) {
	render := func(stored []events.Stored) (string, error) {
		var b strings.Builder
		for _, st := range stored {
			data, err := events.EncodeEvent(st.Event)
			if err != nil {
				return "", err
			}
			fmt.Fprintf(&b, "%d %s\n", st.Seq, data)
		}
		return b.String(), nil
	}
	reads := map[string]func(*boltstore.Store) (string, error){}
	reads["LastSeq"] = func(s *boltstore.Store) (string, error) {
		n, err := s.LastSeq(bg)
		return fmt.Sprint(n), err
	}
	reads["Scan"] = func(s *boltstore.Store) (string, error) {
		var all []events.Stored
		err := s.Scan(bg, 1, func(st events.Stored) error { all = append(all, st); return nil })
		if err != nil {
			return "", err
		}
		return render(all)
	}
	reads["Entities"] = func(s *boltstore.Store) (string, error) {
		all, err := s.Entities(bg)
		return fmt.Sprintf("%+v", all), err
	}
	var ids []events.EntityID
	var names []string
	for _, e := range evs {
		ids = append(ids, e.Entity)
		ids = append(ids, e.Involves()...)
		names = append(names, events.NamesOf(e)...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	reads["EachEntityEvents"] = func(s *boltstore.Store) (string, error) {
		got := map[events.EntityID]string{}
		mu := make(chan struct{}, 1) // fn runs on several goroutines
		err := s.EachEntityEvents(bg, ids, 3, func(id events.EntityID, stored []events.Stored) error {
			text, err := render(stored)
			mu <- struct{}{}
			got[id] = text
			<-mu
			return err
		})
		return fmt.Sprint(got), err
	}
	for _, id := range ids {
		reads["EntityEvents "+string(id)] = func(s *boltstore.Store) (string, error) {
			stored, err := s.EntityEvents(bg, id)
			if err != nil {
				return "", err
			}
			return render(stored)
		}
		reads["Entity "+string(id)] = func(s *boltstore.Store) (string, error) {
			e, ok, err := s.Entity(bg, id)
			return fmt.Sprintf("%+v %v", e, ok), err
		}
	}
	for _, name := range names {
		reads["Resolve "+name] = func(s *boltstore.Store) (string, error) {
			got, err := s.Resolve(bg, name)
			return fmt.Sprint(got), err
		}
	}
	var eventIDs []ulid.ULID
	for _, e := range evs {
		eventIDs = append(eventIDs, e.ID)
		reads["Event "+e.ID.String()] = func(s *boltstore.Store) (string, error) {
			st, err := s.Event(bg, e.ID)
			if err != nil {
				return "", err
			}
			return render([]events.Stored{st})
		}
	}
	reads["SupersededBy"] = func(s *boltstore.Store) (string, error) {
		got, err := s.SupersededBy(bg, eventIDs)
		return fmt.Sprint(got), err
	}
	for _, year := range []int{1920, 1950, 1990} {
		reads[fmt.Sprint("Unfounded ", year)] = func(s *boltstore.Store) (string, error) {
			got, err := s.Unfounded(bg, events.DayOf(year, 1, 1))
			var out []string
			for id := range got {
				out = append(out, string(id))
			}
			slices.Sort(out)
			return fmt.Sprint(out), err
		}
	}
	return reads
}

// Random bit flips in the pages after the meta pages: every read either fails or answers exactly as
// the intact store does; never another answer, never a crash.
func TestBitFlipsNeverAnswerWrong(t *testing.T) {
	path, evs := damageRecord(t)
	intact, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	reads := damageReads(evs)
	want := map[string]string{}
	s, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for name, read := range reads {
		if want[name], err = read(s); err != nil {
			t.Fatalf("%s on the intact store: %v", name, err)
		}
	}
	s.Close()

	seed := *damageSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	files := 50
	if testing.Short() {
		files = 10
	}
	t.Logf("seed %d (%d files, %d bytes, %d reads each)", seed, files, len(intact), len(reads))
	const pageSize = 4096
	var opened, failed, answered, unseen int
	for i := range files {
		rng := rand.New(rand.NewSource(seed + int64(i)))
		damaged := slices.Clone(intact)
		flips := 1 + rng.Intn(8)
		var at []string
		for range flips {
			off := 2*pageSize + rng.Intn(len(damaged)-2*pageSize)
			bit := rng.Intn(8)
			damaged[off] ^= 1 << bit
			at = append(at, fmt.Sprintf("%d.%d", off, bit))
		}
		p := filepath.Join(t.TempDir(), "annals.db")
		if err := os.WriteFile(p, damaged, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := boltstore.Open(p, boltstore.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			if !errors.Is(err, events.ErrCorrupt) {
				t.Logf("seed %d (flips at %v): Open = %v", seed+int64(i), at, err)
			}
			continue
		}
		opened++
		for name, read := range reads {
			got, err := read(s)
			switch {
			case err != nil:
				failed++
			case got != want[name] && strings.HasPrefix(name, "Unfounded ") && subset(got, want[name]):
				// The lifetime index only lets a reader skip parties not yet founded: an entry it
				// lost makes the reader fold one party more, never answer wrong.
				answered++
			case got != want[name] && name == "SupersededBy":
				// A known gap, stated in the store's documentation: an entry of the supersession
				// index lost to damage is not noticed (nothing counts them), so a correction may
				// go unseen. Reported, so that a run shows how often.
				unseen++
				t.Logf("seed %d (flips at byte.bit %v): SupersededBy lost an entry (a known gap)", seed+int64(i), at)
			case got != want[name]:
				t.Errorf("seed %d (flips at byte.bit %v): %s answered\n%s\nwant\n%s", seed+int64(i), at, name, got, want[name])
			default:
				answered++
			}
		}
		s.Close()
	}
	t.Logf("%d of %d damaged files opened; over them, %d reads answered as the intact store, %d failed, %d SupersededBy missed an entry",
		opened, files, answered, failed, unseen)
}

// subset reports whether every id of the rendered list got is in the rendered list want.
func subset(got, want string) bool {
	in := map[string]bool{}
	for _, id := range strings.Fields(strings.Trim(want, "[]")) {
		in[id] = true
	}
	for _, id := range strings.Fields(strings.Trim(got, "[]")) {
		if !in[id] {
			return false
		}
	}
	return true
}

var damageSeed = flag.Int64("damage-seed", 0, "seed of the first damaged file of TestBitFlipsNeverAnswerWrong (0: the time)")

// bg is the context of the reads.
var bg = context.Background()
