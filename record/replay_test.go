package record_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"
	"annals/record"
	"annals/record/recordtest"

	"github.com/oklog/ulid/v2"
)

// recordedEnv records the seeds in two sittings a day apart (the documents and the first 150 other
// facts at t0, the rest at t0+24h), then a correction at t0+48h, so that a replay has recorded times
// to stop at and a supersession to rebuild. It returns the env and the events of the first sitting.
func recordedEnv(t *testing.T) (*env, int) {
	t.Helper()
	e := newEnv(t)
	ctx := context.Background()
	var first, second []events.Fact
	for i, f := range seedFacts(t) {
		if f.Type == events.TypeDocumentRecorded || i < 150 {
			first = append(first, f)
		} else {
			second = append(second, f)
		}
	}
	if _, err := e.recorder(t0, 30).Record(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, err := e.recorder(t0.Add(24*time.Hour), 31).Record(ctx, second); err != nil {
		t.Fatal(err)
	}
	evs, err := e.store.EntityEvents(ctx, "cambodian-national-unity-party")
	if err != nil {
		t.Fatal(err)
	}
	var target events.Event
	for _, st := range evs {
		if st.Event.Type == events.TypePartyDissolved {
			target = st.Event
		}
	}
	if target.ID == (ulid.ULID{}) {
		t.Fatal("the seeds hold no dissolution of the CNUP to correct")
	}
	fix := target.Fact
	fix.Date, fix.Supersedes, fix.Reason, fix.Note = events.MustParseDate("1997-12"), []ulid.ULID{target.ID}, "a later history dates it", ""
	fix.Source = events.Source{Title: "A later history", URL: "https://example.org/later", Quote: "dissolved in December 1997"}
	r := e.recorder(t0.Add(48*time.Hour), 32)
	r.Retries = -1
	if _, err := r.Record(ctx, []events.Fact{fix}); err != nil {
		t.Fatal(err)
	}
	return e, len(first)
}

func openStore(t *testing.T, path string) *boltstore.Store {
	t.Helper()
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func digest(t *testing.T, s events.Store) string {
	t.Helper()
	d, err := recordtest.Digest(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func sameStore(t *testing.T, what string, got, want events.Store) {
	t.Helper()
	if diff := recordtest.FirstDifference(digest(t, got), digest(t, want)); diff != "" {
		t.Errorf("%s differs from the recorded store at %s", what, diff)
	}
}

func scanAll(t *testing.T, s events.Store) []events.Stored {
	t.Helper()
	var out []events.Stored
	if err := s.Scan(context.Background(), 1, func(st events.Stored) error {
		out = append(out, st)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReplayRebuildsTheSameStore(t *testing.T) {
	e, _ := recordedEnv(t)
	ctx := context.Background()
	rs := openStore(t, filepath.Join(t.TempDir(), "annals.db.replay"))
	var reports []record.ReplayProgress
	res, err := record.Replay(ctx, e.log, rs, record.ReplayOptions{Batch: 50, Every: time.Hour,
		Progress: func(p record.ReplayProgress) { reports = append(reports, p) }})
	if err != nil {
		t.Fatal(err)
	}
	last, _ := e.store.LastSeq(ctx)
	if res.From != 1 || res.LastSeq != last || res.Applied != int(last) || res.Stopped {
		t.Errorf("Replay = %+v, want seq 1 to %d applied, not stopped", res, last)
	}
	if len(reports) != 1 || reports[0].Seq != last || reports[0].Applied != int(last) {
		t.Errorf("progress reports = %+v, want one at the end (every hour), at seq %d", reports, last)
	}
	sameStore(t, "the replayed store", rs, e.store)
}

// canceller is a store whose context is cancelled after it applied `after` batches.
type canceller struct {
	events.Store
	after  int
	cancel context.CancelFunc
}

func (c *canceller) Apply(ctx context.Context, batch []events.Stored) (events.ApplyResult, error) {
	res, err := c.Store.Apply(ctx, batch)
	if c.after--; c.after == 0 {
		c.cancel()
	}
	return res, err
}

func TestReplayInterruptedThenResumed(t *testing.T) {
	e, _ := recordedEnv(t)
	tests := []struct {
		name      string
		interrupt func(s events.Store, cancel context.CancelFunc) events.Store
		want      error
	}{
		{"killed between batches", func(s events.Store, _ context.CancelFunc) events.Store {
			return &crashingStore{Store: s, keep: 3}
		}, nil},
		{"ctrl-C after two batches", func(s events.Store, cancel context.CancelFunc) events.Store {
			return &canceller{Store: s, after: 2, cancel: cancel}
		}, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "annals.db.replay")
			rs, err := boltstore.Open(path, boltstore.Options{})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := record.ReplayOptions{Batch: 20}
			_, err = record.Replay(ctx, e.log, tt.interrupt(rs, cancel), opts)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("interrupted Replay = %v, want an error (%v)", err, tt.want)
			}
			rs.Close()

			rs = openStore(t, path)
			partial, _ := rs.LastSeq(context.Background())
			total, _ := e.store.LastSeq(context.Background())
			if partial == 0 || partial%20 != 0 || partial >= total {
				t.Fatalf("after the interruption the replay file holds seq %d, want whole batches of 20, fewer than %d", partial, total)
			}
			res, err := record.Replay(context.Background(), e.log, rs, opts)
			if err != nil {
				t.Fatal(err)
			}
			if res.From != partial+1 || res.Applied != int(total-partial) {
				t.Errorf("resumed Replay = %+v, want from seq %d, %d applied", res, partial+1, total-partial)
			}
			sameStore(t, "the resumed replay", rs, e.store)
		})
	}
}

func TestReplayUntil(t *testing.T) {
	e, first := recordedEnv(t)
	ctx := context.Background()
	all := scanAll(t, e.store)
	day := func(s string) record.Until {
		u, err := record.ParseUntil(s)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	tests := []struct {
		name  string
		until record.Until
		want  int // events kept: the first `want` of the record
	}{
		{"seq 100", record.Until{Seq: 100}, 100},
		{"seq past the end", record.Until{Seq: 10_000}, len(all)},
		{"the first sitting's time", record.Until{Time: t0}, first},
		{"a millisecond before it", record.Until{Time: t0.Add(-time.Millisecond)}, 0},
		{"the end of the first day", day("2026-11-01"), first},
		{"the end of the second day", day("2026-11-02"), len(all) - 1},
		{"seq and time, seq first", record.Until{Seq: 10, Time: t0}, 10},
		{"seq and time, time first", record.Until{Seq: 300, Time: t0}, first},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := openStore(t, filepath.Join(t.TempDir(), "annals.db.replay"))
			res, err := record.Replay(ctx, e.log, rs, record.ReplayOptions{Until: tt.until, Batch: 64})
			if err != nil {
				t.Fatal(err)
			}
			got := scanAll(t, rs)
			if len(got) != tt.want || res.LastSeq != uint64(tt.want) {
				t.Fatalf("Replay until %s holds %d events to seq %d, want the first %d", tt.until, len(got), res.LastSeq, tt.want)
			}
			for i, st := range got {
				if st.Seq != all[i].Seq || st.Event.ID != all[i].Event.ID {
					t.Fatalf("Replay until %s: event %d = seq %d %s, want seq %d %s", tt.until, i, st.Seq, st.Event.ID, all[i].Seq, all[i].Event.ID)
				}
			}
			if stopped := tt.want < len(all); res.Stopped != stopped {
				t.Errorf("Replay until %s: Stopped = %v, want %v", tt.until, res.Stopped, stopped)
			}
		})
	}
}

// Recorded times need not rise with the sequence: the replay stops at the first event recorded after
// the bound, even if a later one was recorded before it.
func TestReplayStopsAtTheFirstEventPastTheTime(t *testing.T) {
	ms := eventstest.BaseMS
	log := eventstest.NewMemoryLog()
	if _, err := log.Append(context.Background(), []events.Event{
		eventstest.NewEvent(t, eventstest.Founded("a-party", "A Party", "1990"), ms),
		eventstest.NewEvent(t, eventstest.Founded("b-party", "B Party", "1991"), ms+2000),
		eventstest.NewEvent(t, eventstest.Founded("c-party", "C Party", "1992"), ms+1000),
	}, nil); err != nil {
		t.Fatal(err)
	}
	rs := openStore(t, filepath.Join(t.TempDir(), "annals.db"))
	res, err := record.Replay(context.Background(), log, rs, record.ReplayOptions{Until: record.Until{Time: time.UnixMilli(int64(ms + 1500))}})
	if err != nil {
		t.Fatal(err)
	}
	if res.LastSeq != 1 || !res.Stopped {
		t.Errorf("Replay until between the second and third events' times = %+v, want it stopped after seq 1", res)
	}
}

func TestReplayRefusesAStoreItCannotResume(t *testing.T) {
	e, _ := recordedEnv(t)
	ctx := context.Background()
	other := newEnv(t)
	if _, err := other.recorder(t0, 40).Record(ctx, seedFacts(t)[:40]); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		build record.Until // the bound the partial store was built with
		store func(t *testing.T) events.Store
		until record.Until // the bound asked for now
	}{
		{"built past the bound", record.Until{Seq: 100}, nil, record.Until{Seq: 50}},
		{"built past the time", record.Until{}, nil, record.Until{Time: t0}},
		{"built from another stream", record.Until{}, func(*testing.T) events.Store { return other.store }, record.Until{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rs events.Store
			if tt.store != nil {
				rs = tt.store(t)
			} else {
				rs = openStore(t, filepath.Join(t.TempDir(), "annals.db.replay"))
				if _, err := record.Replay(ctx, e.log, rs, record.ReplayOptions{Until: tt.build}); err != nil {
					t.Fatal(err)
				}
			}
			before := digest(t, rs)
			if _, err := record.Replay(ctx, e.log, rs, record.ReplayOptions{Until: tt.until}); !errors.Is(err, events.ErrConflict) {
				t.Errorf("Replay until %s over a store %s = %v, want ErrConflict", tt.until, tt.name, err)
			}
			if digest(t, rs) != before {
				t.Errorf("a refused Replay changed the store")
			}
		})
	}
	// The recorded store itself is a fold of its own log, and of no other.
	if err := record.Resumable(ctx, e.log, e.store, record.Until{}); err != nil {
		t.Errorf("Resumable(the log, its own store) = %v, want nil", err)
	}
	if err := record.Resumable(ctx, other.log, e.store, record.Until{}); !errors.Is(err, events.ErrConflict) {
		t.Errorf("Resumable(another log, a store) = %v, want ErrConflict", err)
	}
}

func TestParseUntil(t *testing.T) {
	tests := []struct {
		in   string
		want record.Until
		bad  bool
	}{
		{in: "120", want: record.Until{Seq: 120}},
		{in: "1", want: record.Until{Seq: 1}},
		{in: "2026-11-01", want: record.Until{Time: time.Date(2026, 11, 1, 23, 59, 59, 999999999, time.UTC)}},
		{in: "2026-11-01T09:30:00Z", want: record.Until{Time: time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)}},
		{in: "2026-11-01T09:30:00.5+07:00", want: record.Until{Time: time.Date(2026, 11, 1, 2, 30, 0, 5e8, time.UTC)}},
		{in: "0", bad: true},
		{in: "", bad: true},
		{in: "-5", bad: true},
		{in: "18446744073709551616", bad: true},
		{in: "2026-02-30", bad: true},
		{in: "2026-11", bad: true},
		{in: "yesterday", bad: true},
		{in: "2026-11-01 09:30", bad: true},
	}
	for _, tt := range tests {
		got, err := record.ParseUntil(tt.in)
		switch {
		case tt.bad && !errors.Is(err, events.ErrInvalid):
			t.Errorf("ParseUntil(%q) = %v, %v, want ErrInvalid", tt.in, got, err)
		case !tt.bad && (err != nil || got.Seq != tt.want.Seq || !got.Time.Equal(tt.want.Time)):
			t.Errorf("ParseUntil(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
	}
}
