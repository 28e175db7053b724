package boltstore

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annals/events"
	"annals/events/eventstest"
)

// Editing a year inside a stored quote (the same length, so that bbolt sees nothing) is found by every
// read of the event.
func TestEditedQuoteIsDetected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	s := open(t, path, Options{})
	f := eventstest.Named("cnrp", events.KindParty, "Cambodia National Rescue Party", "2012")
	f.Source.Quote = "The party traces its roots to a group formed in 1954."
	e := eventstest.NewEvent(t, f, eventstest.BaseMS)
	apply(t, s, eventstest.Stored(1, e))
	closeStore(t, s)

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(data, []byte("in 1954.")); n != 2 {
		t.Fatalf("the file holds the quote %d times, want 2 (events and by_entity)", n)
	}
	for _, which := range []int{0, 1} {
		t.Run(fmt.Sprint("copy ", which), func(t *testing.T) {
			edited := bytes.Clone(data)
			at := bytes.Index(edited, []byte("in 1954."))
			if which == 1 {
				at += 1 + bytes.Index(edited[at+1:], []byte("in 1954."))
			}
			copy(edited[at:], "in 1854.")
			p := filepath.Join(t.TempDir(), "annals.db")
			if err := os.WriteFile(p, edited, 0o600); err != nil {
				t.Fatal(err)
			}
			s := open(t, p, Options{ReadOnly: true})
			defer closeStore(t, s)
			ctx := t.Context()
			var got []events.Event
			corrupt := 0
			check := func(name string, err error) {
				switch {
				case errors.Is(err, events.ErrCorrupt):
					corrupt++
				case err != nil:
					t.Errorf("%s = %v, want nil or ErrCorrupt", name, err)
				}
			}
			st, err := s.Event(ctx, e.ID)
			check("Event", err)
			got = append(got, st.Event)
			evs, err := s.EntityEvents(ctx, "cnrp")
			check("EntityEvents", err)
			for _, st := range evs {
				got = append(got, st.Event)
			}
			check("Scan", s.Scan(ctx, 1, func(st events.Stored) error { got = append(got, st.Event); return nil }))
			// Event and Scan read the events bucket, EntityEvents by_entity: one copy each.
			if corrupt == 0 {
				t.Error("no read found the edited quote")
			}
			for _, e := range got {
				if strings.Contains(e.Source.Quote, "1854") {
					t.Errorf("a read answered with the edited quote %q", e.Source.Quote)
				}
			}
		})
	}
}

// A store cut short is refused at Open, read-only or not, with an error wrapping ErrCorrupt that
// names the file: never a crash.
func TestTruncatedStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	s := open(t, path, Options{})
	ms := eventstest.BaseMS
	for seq := uint64(1); seq <= 300; seq++ {
		ms++
		e := eventstest.NewEvent(t, eventstest.Described("cnrp", fmt.Sprint("fact number ", seq), "2013"), ms)
		apply(t, s, eventstest.Stored(seq, e))
	}
	closeStore(t, s)
	for _, size := range []int64{8 << 10, 20 << 10, 100} {
		for _, readOnly := range []bool{true, false} {
			if err := os.Truncate(path, size); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path, Options{ReadOnly: readOnly})
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, events.ErrCorrupt) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "recorder replay") {
				t.Errorf("Open(cut to %d bytes, read-only %v) = %v, want ErrCorrupt naming the file and `recorder replay`", size, readOnly, err)
			}
		}
	}
}
