package boltstore

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"annals/events"
	"annals/events/eventstest"
)

// Names in every script resolve, folded by events.NameKey, in a store written and read again.
func TestNamesInEveryScript(t *testing.T) {
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

	path := filepath.Join(t.TempDir(), "annals.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(context.Background(), eventstest.Stored(1, evs...)); err != nil {
		t.Fatal(err)
	}
	check(t, s, "written")
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	check(t, ro, "read-only")
}
