package boltstore

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"annals/events"
	"annals/events/eventstest"

	bolt "go.etcd.io/bbolt"
)

// nameKeyV1 is events.NameKey as version 1 folded names: lower case and white space only.
func nameKeyV1(name string) string {
	return events.FoldSpace(strings.Map(func(r rune) rune {
		if r == 0 {
			return -1
		}
		return unicode.ToLower(r)
	}, name))
}

// downgradeNames turns the names index of the store at path into one version 1 wrote: keys folded by
// nameKeyV1, and no version marker (or the marker given).
func downgradeNames(t *testing.T, path string, marker string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketNames); err != nil {
			return err
		}
		names, err := tx.CreateBucket(bucketNames)
		if err != nil {
			return err
		}
		if err := eachEntityName(tx, true, func(name string, id events.EntityID) error {
			return names.Put(append(append([]byte(nameKeyV1(name)), 0), id...), nil)
		}); err != nil {
			return err
		}
		if marker == "" {
			return tx.Bucket(bucketMeta).Delete(keyNameKeyVersion)
		}
		return tx.Bucket(bucketMeta).Put(keyNameKeyVersion, []byte(marker))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// nameKeys returns the keys of the names index.
func nameKeys(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	if err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketNames).ForEach(func(k, _ []byte) error {
			out = append(out, string(k))
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// A store whose names index an older NameKey folded is rebuilt when opened for writing, and answers
// with the new folding when opened read-only, before it is rebuilt.
func TestNamesIndexOfAnOlderNameKey(t *testing.T) {
	khmer := "គណបក្សសង្គ្រោះជាតិ"
	facts := []events.Fact{
		eventstest.Named("partidul-national-taranesc", events.KindParty, "Partidul Naţional Ţărănesc", "1926"),
		eventstest.Named("cpp", events.KindParty, "Cambodian People’s Party", "1991"),
		eventstest.Named(events.Slug(khmer), events.KindParty, khmer, "2012"),
		eventstest.Named("edinaya-rossiya", events.KindParty, "Единая Россия", "2001"),
	}
	var evs []events.Event
	for i, f := range facts {
		evs = append(evs, eventstest.NewEvent(t, f, eventstest.BaseMS+uint64(i)))
	}
	lookups := []struct {
		name string
		want []events.EntityID
	}{
		{"Partidul National Taranesc", []events.EntityID{"partidul-national-taranesc"}},
		{"PARTIDUL NAȚIONAL ȚĂRĂNESC", []events.EntityID{"partidul-national-taranesc"}},
		{"Cambodian People's Party", []events.EntityID{"cpp"}},
		{khmer, []events.EntityID{events.EntityID(khmer)}},
		{"ЕДИНАЯ РОССИЯ", []events.EntityID{"edinaya-rossiya"}},
		{"Edinaya-Rossiya", []events.EntityID{"edinaya-rossiya"}}, // the id is a name
		{"Cambodian Peoples Party", []events.EntityID{}},
	}
	check := func(t *testing.T, s *Store, when string) {
		t.Helper()
		for _, l := range lookups {
			got, err := s.Resolve(context.Background(), l.name)
			if err != nil {
				t.Fatalf("%s: Resolve(%q) error: %v", when, l.name, err)
			}
			if !slices.Equal(got, l.want) {
				t.Errorf("%s: Resolve(%q) = %q, want %q", when, l.name, got, l.want)
			}
		}
	}

	for _, marker := range []string{"", "1"} {
		t.Run("marker "+marker, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "annals.db")
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Apply(context.Background(), eventstest.Stored(1, evs...)); err != nil {
				t.Fatal(err)
			}
			check(t, s, "new store")
			want := nameKeys(t, s)
			s.Close()

			downgradeNames(t, path, marker)
			ro, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			if got := nameKeys(t, ro); slices.Equal(got, want) {
				t.Fatalf("downgraded names index = %q, want the keys of version 1", got)
			}
			check(t, ro, "read-only, names folded by version 1")
			ro.Close()

			s, err = Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got := nameKeys(t, s); !slices.Equal(got, want) {
				t.Errorf("rebuilt names index = %q, want %q", got, want)
			}
			check(t, s, "rebuilt")
			if err := s.db.View(func(tx *bolt.Tx) error {
				if !namesCurrent(tx) {
					t.Errorf("name key version = %q after a rebuild, want %q", tx.Bucket(bucketMeta).Get(keyNameKeyVersion), nameKeyVersion)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		})
	}
}
