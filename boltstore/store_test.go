package boltstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"annals/events"
	"annals/events/eventstest"

	bolt "go.etcd.io/bbolt"
)

func TestConformance(t *testing.T) {
	eventstest.TestStore(t, func(t *testing.T) events.Store {
		return open(t, filepath.Join(t.TempDir(), "annals.db"), Options{})
	})
}

// open opens the store at path, failing t if it does not open. It does not close it.
func open(t *testing.T, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s, %+v) = %v", path, opts, err)
	}
	return s
}

func closeStore(t *testing.T, s *Store) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
}

func apply(t *testing.T, s *Store, batch []events.Stored) events.ApplyResult {
	t.Helper()
	res, err := s.Apply(t.Context(), batch)
	if err != nil {
		t.Fatalf("Apply(%d events from %d) = %v", len(batch), batch[0].Seq, err)
	}
	return res
}

// khmerSlogan is a Khmer text with a no-break space, a zero-width space, a coeng and a trailing space,
// all of which must come back byte for byte.
const khmerSlogan = "ប្ដូរ\u00a0ឬ\u200bមិន\u00a0ប្ដូរ "

// sample returns batches of events covering names, kinds, involvement, a Khmer name and duplicates.
func sample(t *testing.T) [][]events.Event {
	ms := eventstest.BaseMS
	ev := func(f events.Fact) events.Event { ms++; return eventstest.NewEvent(t, f, ms) }
	founded := eventstest.Founded("cnrp", "Cambodia National Rescue Party", "2012-07-17", "kem-sokha", "sam-rainsy")
	return [][]events.Event{
		{
			ev(founded),
			ev(eventstest.Named("cnrp", events.KindParty, "គណបក្សសង្គ្រោះជាតិ", "2012")),
			ev(eventstest.Named("kem-sokha", events.KindPerson, "Kem Sokha", "1953-06-27")),
		},
		{
			ev(eventstest.Described("cnrp", khmerSlogan, "2013", "cpp")),
			ev(founded), // a duplicate
			ev(eventstest.Described("cnrp", "dissolved by the Supreme Court", "2017-11-16")),
		},
	}
}

// snapshot describes everything s answers about the sample, one answer a line.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	ctx := t.Context()
	var b strings.Builder
	last, err := s.LastSeq(ctx)
	fmt.Fprintf(&b, "LastSeq() = %d, %v\n", last, err)
	var facts []events.FactID
	err = s.Scan(ctx, 0, func(st events.Stored) error {
		data, err := events.EncodeEvent(st.Event)
		fmt.Fprintf(&b, "Scan: %d %s %v\n", st.Seq, data, err)
		facts = append(facts, st.Event.Fact.ID())
		return nil
	})
	fmt.Fprintf(&b, "Scan(0) = %v\n", err)
	known, err := s.KnownFacts(ctx, facts)
	fmt.Fprintf(&b, "KnownFacts() = %v, %v\n", known, err)
	ids := []events.EntityID{"cnrp", "kem-sokha", "sam-rainsy", "cpp"}
	seqs, err := s.EntitySeqs(ctx, ids)
	fmt.Fprintf(&b, "EntitySeqs() = %v, %v\n", seqs, err)
	for _, id := range ids {
		evs, err := s.EntityEvents(ctx, id)
		fmt.Fprintf(&b, "EntityEvents(%s) = %v", id, err)
		for _, st := range evs {
			fmt.Fprintf(&b, " %d:%s", st.Seq, st.Event.ID)
		}
		b.WriteByte('\n')
	}
	ents, err := s.Entities(ctx)
	fmt.Fprintf(&b, "Entities() = %+v, %v\n", ents, err)
	for _, name := range []string{"cambodia national rescue party", "គណបក្សសង្គ្រោះជាតិ", "KEM SOKHA", "cpp"} {
		got, err := s.Resolve(ctx, name)
		fmt.Fprintf(&b, "Resolve(%q) = %v, %v\n", name, got, err)
	}
	return b.String()
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	s := open(t, path, Options{})
	batches := sample(t)
	apply(t, s, eventstest.Stored(1, batches[0]...))
	apply(t, s, eventstest.Stored(4, batches[1]...))
	want := snapshot(t, s)
	closeStore(t, s)

	for _, opts := range []Options{{}, {ReadOnly: true}} {
		t.Run(fmt.Sprintf("ReadOnly=%v", opts.ReadOnly), func(t *testing.T) {
			s := open(t, path, opts)
			defer closeStore(t, s)
			if got := snapshot(t, s); got != want {
				t.Errorf("after reopening:\n%s\nwant\n%s", got, want)
			}
		})
	}

	// A reopened store goes on from its last sequence, and still refuses a gap.
	s = open(t, path, Options{})
	defer closeStore(t, s)
	next := eventstest.NewEvent(t, eventstest.Named("cpp", events.KindParty, "CPP", "1991"), eventstest.BaseMS+100)
	if _, err := s.Apply(t.Context(), eventstest.Stored(8, next)); !errors.Is(err, events.ErrConflict) {
		t.Errorf("Apply(seq 8) after reopening at 6 = %v, want ErrConflict", err)
	}
	if res := apply(t, s, eventstest.Stored(7, next)); res.Applied != 1 {
		t.Errorf("Apply(seq 7) after reopening = %+v, want 1 applied", res)
	}
	if got, err := s.EntitySeqs(t.Context(), []events.EntityID{"cpp", "cnrp"}); err != nil || got["cpp"] != 7 || got["cnrp"] != 6 {
		t.Errorf("EntitySeqs(cpp, cnrp) = %v, %v, want cpp 7, cnrp 6", got, err)
	}
}

func TestOpenReadOnlyMissing(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		path string
	}{
		{"no file", filepath.Join(dir, "annals.db")},
		{"no directory", filepath.Join(dir, "missing", "annals.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(tt.path, Options{ReadOnly: true})
			if !errors.Is(err, events.ErrNotFound) {
				if s != nil {
					s.Close()
				}
				t.Fatalf("Open(%s, read-only) = %v, want ErrNotFound", tt.path, err)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("Open(%s, read-only) = %q, want the path named", tt.path, err)
			}
			if _, err := os.Stat(tt.path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("after Open(%s, read-only): Stat = %v, want no file created", tt.path, err)
			}
		})
	}
}

// TestOpenInUse opens the same file twice in the process: bbolt's flock is per open file, so the second
// open waits for the first just as another process would.
func TestOpenInUse(t *testing.T) {
	const timeout = 100 * time.Millisecond
	writer, reader := Options{}, Options{ReadOnly: true}
	tests := []struct {
		name          string
		holder, again Options
		inUse         bool
	}{
		{"second writer", writer, writer, true},
		{"reader while a writer holds it", writer, reader, true},
		{"writer while a reader holds it", reader, writer, true},
		{"two readers", reader, reader, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "annals.db")
			closeStore(t, open(t, path, Options{})) // create it
			holder := open(t, path, tt.holder)
			defer closeStore(t, holder)

			again := tt.again
			again.Timeout = timeout
			start := time.Now()
			s, err := Open(path, again)
			elapsed := time.Since(start)
			if !tt.inUse {
				if err != nil {
					t.Fatalf("Open(%s, %+v) = %v, want it open", path, again, err)
				}
				closeStore(t, s)
				return
			}
			if !errors.Is(err, events.ErrInUse) {
				if s != nil {
					s.Close()
				}
				t.Fatalf("Open(%s, %+v) = %v, want ErrInUse", path, again, err)
			}
			if elapsed > time.Second {
				t.Errorf("Open(%s, %+v) took %s, want about %s", path, again, elapsed, timeout)
			}
			if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "in use") {
				t.Errorf("Open(%s, %+v) = %q, want the path and \"in use\" named", path, again, msg)
			}
		})
	}
}

func TestOpenInUseReleased(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	holder := open(t, path, Options{})
	released := make(chan struct{})
	go func() {
		time.Sleep(50 * time.Millisecond)
		holder.Close()
		close(released)
	}()
	s, err := Open(path, Options{Timeout: 5 * time.Second})
	<-released
	if err != nil {
		t.Fatalf("Open(%s) while the holder closes = %v, want it open once released", path, err)
	}
	closeStore(t, s)
}

func TestReadOnlyRefusesApply(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	s := open(t, path, Options{})
	batches := sample(t)
	apply(t, s, eventstest.Stored(1, batches[0]...))
	closeStore(t, s)

	ro := open(t, path, Options{ReadOnly: true})
	defer closeStore(t, ro)
	if got := ro.Path(); got != path {
		t.Errorf("Path() = %s, want %s", got, path)
	}
	res, err := ro.Apply(t.Context(), eventstest.Stored(4, batches[1]...))
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("Apply() on a read-only store = %+v, %v, want an error saying it is read-only", res, err)
	}
	if last, err := ro.LastSeq(t.Context()); err != nil || last != 3 {
		t.Errorf("LastSeq() after a refused Apply = %d, %v, want 3", last, err)
	}
}

// TestApplyAtomic checks that a batch that fails part way leaves nothing of it, in memory or on disk.
func TestApplyAtomic(t *testing.T) {
	ms := eventstest.BaseMS
	ev := func(f events.Fact) events.Event { ms++; return eventstest.NewEvent(t, f, ms) }
	first := ev(eventstest.Named("cnrp", events.KindParty, "CNRP", "2012"))
	a := ev(eventstest.Named("cpp", events.KindParty, "Cambodian People's Party", "1991"))
	b := ev(eventstest.Described("cpp", "in power", "1998", "kem-sokha"))
	c := ev(eventstest.Named("srp", events.KindParty, "Sam Rainsy Party", "1998"))

	tests := []struct {
		name  string
		batch []events.Stored
		want  error
	}{
		{"gap in the middle", append(eventstest.Stored(2, a, b), eventstest.Stored(5, c)...), events.ErrConflict},
		// An event id reused with another fact no longer fails the batch: it is quarantined (see
		// TestQuarantineUnstorable), the rest of the batch applied.
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "annals.db")
			s := open(t, path, Options{})
			apply(t, s, eventstest.Stored(1, first))
			want := snapshot(t, s)
			if res, err := s.Apply(t.Context(), tt.batch); !errors.Is(err, tt.want) {
				t.Fatalf("Apply() = %+v, %v, want %v", res, err, tt.want)
			}
			check := func(s *Store) {
				t.Helper()
				if got := snapshot(t, s); got != want {
					t.Errorf("after a failed Apply:\n%s\nwant\n%s", got, want)
				}
				for _, e := range []events.Event{a, b} {
					if _, err := s.Event(t.Context(), e.ID); !errors.Is(err, events.ErrNotFound) {
						t.Errorf("Event(%s) before the failure = %v, want ErrNotFound", e.ID, err)
					}
				}
				if got, err := s.Resolve(t.Context(), "Cambodian People's Party"); err != nil || len(got) != 0 {
					t.Errorf("Resolve(Cambodian People's Party) = %v, %v, want none", got, err)
				}
				if got, err := s.EntityEvents(t.Context(), "kem-sokha"); err != nil || len(got) != 0 {
					t.Errorf("EntityEvents(kem-sokha) = %d events, %v, want none", len(got), err)
				}
			}
			check(s)
			closeStore(t, s)
			s = open(t, path, Options{ReadOnly: true})
			defer closeStore(t, s)
			check(s)
		})
	}
}

func TestApplyCanceled(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "annals.db"), Options{})
	defer closeStore(t, s)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	batch := eventstest.Stored(1, sample(t)[0]...)
	if res, err := s.Apply(ctx, batch); !errors.Is(err, context.Canceled) {
		t.Errorf("Apply(canceled) = %+v, %v, want context.Canceled", res, err)
	}
	if last, err := s.LastSeq(t.Context()); err != nil || last != 0 {
		t.Errorf("LastSeq() after a canceled Apply = %d, %v, want 0", last, err)
	}
}

// TestKhmerRoundTrip checks that Khmer text comes back byte for byte, and that the events bucket holds
// the compact encoding of each event, which decodes to it exactly.
func TestKhmerRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	s := open(t, path, Options{})
	f := events.Fact{
		Type:   events.TypeEntityDescribed,
		Entity: "cnrp",
		Date:   events.MustParseDate("2013-07"),
		Source: events.Source{Title: "ប្រវត្តិគណបក្ស", URL: "https://example.org/km", Quote: "«គណបក្សសង្គ្រោះជាតិ»\u00a0" + khmerSlogan},
		Payload: events.EntityDescribed{Attribute: "slogan", Value: khmerSlogan, Translation: "change or no change",
			Language: "km"},
	}
	e := eventstest.NewEvent(t, f, eventstest.BaseMS)
	apply(t, s, eventstest.Stored(1, e))
	got, err := s.Event(t.Context(), e.ID)
	if err != nil {
		t.Fatalf("Event(%s) = %v", e.ID, err)
	}
	if d, ok := got.Event.Payload.(events.EntityDescribed); !ok || d.Value != khmerSlogan || !bytes.Equal([]byte(d.Value), []byte(khmerSlogan)) {
		t.Errorf("Event(%s).Payload = %#v, want value %q", e.ID, got.Event.Payload, khmerSlogan)
	}
	if got.Event.Source.Quote != f.Source.Quote || got.Event.Source.Title != f.Source.Title {
		t.Errorf("Event(%s).Source = %+v, want %+v", e.ID, got.Event.Source, f.Source)
	}
	want := eventstest.Encode(t, e)
	if g := eventstest.Encode(t, got.Event); !bytes.Equal(g, want) {
		t.Errorf("Event(%s) encodes as\n%s\nwant\n%s", e.ID, g, want)
	}
	closeStore(t, s)

	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("bolt.Open(%s) = %v", path, err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketEvents).Get(u64(1))
		compact, err := AppendCompact(nil, e)
		if err != nil {
			return err
		}
		if !bytes.Equal(raw, seal(u64(1), compact)) {
			t.Errorf("events[1] =\n%q\nwant the compact encoding and its checksum\n%q", raw, seal(u64(1), compact))
		}
		if !bytes.Contains(raw, []byte(khmerSlogan)) {
			t.Errorf("events[1] does not hold the slogan's bytes as given: %q", raw)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("View() = %v", err)
	}
}

// TestConcurrentUse queries the store from several goroutines while batches are applied; run it with
// -race.
func TestConcurrentUse(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "annals.db"), Options{})
	defer closeStore(t, s)
	ctx := t.Context()
	const batches = 20
	var wg sync.WaitGroup
	done := make(chan struct{})
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				last, err := s.LastSeq(ctx)
				if err != nil {
					errs <- err
					return
				}
				n := 0
				if err := s.Scan(ctx, 0, func(events.Stored) error { n++; return nil }); err != nil {
					errs <- err
					return
				}
				if uint64(n) < last {
					errs <- fmt.Errorf("Scan(0) after LastSeq() = %d saw %d events", last, n)
					return
				}
				if _, err := s.EntityEvents(ctx, "cnrp"); err != nil {
					errs <- err
					return
				}
				if _, err := s.Resolve(ctx, "CNRP"); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for i := range batches {
		e := eventstest.NewEvent(t, eventstest.Described("cnrp", fmt.Sprintf("statement %d", i), "2013"), eventstest.BaseMS+uint64(i))
		apply(t, s, eventstest.Stored(uint64(i+1), e))
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got, err := s.EntityEvents(ctx, "cnrp"); err != nil || len(got) != batches {
		t.Errorf("EntityEvents(cnrp) = %d events, %v, want %d", len(got), err, batches)
	}
}
