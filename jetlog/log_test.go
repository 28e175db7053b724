package jetlog

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"annals/embednats"
	"annals/events"
	"annals/events/eventstest"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/oklog/ulid/v2"
)

// streams numbers the streams of the tests: each test gets a stream name and subject prefix of its
// own, never one a deleted stream had.
var streams atomic.Int64

func freshConfig() Config {
	n := streams.Add(1)
	return Config{Stream: fmt.Sprintf("T%d", n), Prefix: fmt.Sprintf("t%d.history", n)}
}

// server is a running embedded NATS server with a JetStream client.
type server struct {
	srv  *embednats.Server
	nc   *nats.Conn
	js   jetstream.JetStream
	once sync.Once
}

// startServer starts the embedded server over dir and connects to it; the test stops it at the end.
func startServer(t *testing.T, dir string) *server {
	t.Helper()
	srv, err := embednats.Start(embednats.Options{StoreDir: dir, Listen: true})
	if err != nil {
		t.Fatalf("embednats.Start(%s) = %v", dir, err)
	}
	nc, err := srv.Connect()
	if err != nil {
		srv.Shutdown()
		t.Fatalf("Connect() = %v", err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		srv.Shutdown()
		t.Fatalf("jetstream.New() = %v", err)
	}
	s := &server{srv: srv, nc: nc, js: js}
	t.Cleanup(s.stop)
	return s
}

func (s *server) stop() {
	s.once.Do(func() {
		s.nc.Close()
		s.srv.Shutdown()
	})
}

// newLog starts a server and opens a fresh stream on it.
func newLog(t *testing.T) (*Log, *server) {
	t.Helper()
	s := startServer(t, t.TempDir())
	return openLog(t, s.js, freshConfig()), s
}

func openLog(t *testing.T, js jetstream.JetStream, cfg Config) *Log {
	t.Helper()
	l, err := Open(t.Context(), js, cfg)
	if err != nil {
		t.Fatalf("Open(%+v) = %v", cfg, err)
	}
	return l
}

// msCounter makes every sample event's id distinct and increasing.
var msCounter atomic.Uint64

// statement returns a new event about entity, of a fact no other call returns: a description
// numbered n and by the call.
func statement(t *testing.T, entity events.EntityID, n int) events.Event {
	t.Helper()
	ms := msCounter.Add(1)
	f := eventstest.Described(entity, fmt.Sprintf("statement %d (%d)", n, ms), "2013")
	return eventstest.NewEvent(t, f, eventstest.BaseMS+ms)
}

func read(t *testing.T, l *Log, from uint64) []events.Stored {
	t.Helper()
	var out []events.Stored
	if err := l.Read(t.Context(), from, func(st events.Stored) error {
		out = append(out, st)
		return nil
	}); err != nil {
		t.Fatalf("Read(%d) = %v", from, err)
	}
	return out
}

func lastSeq(t *testing.T, l *Log) uint64 {
	t.Helper()
	seq, err := l.LastSeq(t.Context())
	if err != nil {
		t.Fatalf("LastSeq() = %v", err)
	}
	return seq
}

func appendOK(t *testing.T, l *Log, evs []events.Event, expect map[events.EntityID]uint64) []uint64 {
	t.Helper()
	seqs, err := l.Append(t.Context(), evs, expect)
	if err != nil {
		t.Fatalf("Append(%d events, %v) = %v", len(evs), expect, err)
	}
	return seqs
}

// sameStored fails t unless got holds want's events at want's sequences, comparing encodings.
func sameStored(t *testing.T, what string, got, want []events.Stored) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s = %d events, want %d", what, len(got), len(want))
	}
	for i := range got {
		g, w := eventstest.Encode(t, got[i].Event), eventstest.Encode(t, want[i].Event)
		if got[i].Seq != want[i].Seq || !bytes.Equal(g, w) {
			t.Errorf("%s[%d] = seq %d %s, want seq %d %s", what, i, got[i].Seq, g, want[i].Seq, w)
		}
	}
}

// stored pairs events with the sequences Append returned, in sequence order.
func stored(evs []events.Event, seqs []uint64) []events.Stored {
	out := make([]events.Stored, len(evs))
	for i := range evs {
		out[i] = events.Stored{Seq: seqs[i], Event: evs[i]}
	}
	slices.SortFunc(out, func(a, b events.Stored) int { return int(a.Seq) - int(b.Seq) })
	return out
}

func TestOpen(t *testing.T) {
	s := startServer(t, t.TempDir())
	ctx := t.Context()
	cfg := freshConfig()
	l := openLog(t, s.js, cfg)
	if got := l.Stream(); got != cfg.Stream {
		t.Errorf("Stream() = %s, want %s", got, cfg.Stream)
	}
	stream, err := s.js.Stream(ctx, cfg.Stream)
	if err != nil {
		t.Fatalf("Stream(%s) = %v", cfg.Stream, err)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		t.Fatalf("Info() = %v", err)
	}
	got := info.Config
	if got.Storage != jetstream.FileStorage || !got.DenyDelete || !got.DenyPurge ||
		!slices.Equal(got.Subjects, []string{cfg.Prefix + ".>"}) || got.Duplicates != DefaultDuplicateWindow ||
		got.MaxMsgs != -1 || got.MaxBytes != -1 || got.MaxAge != 0 || got.Retention != jetstream.LimitsPolicy {
		t.Errorf("stream %s config = %+v, want file storage, deny delete and purge, subjects [%s.>], no limits, "+
			"duplicate window %s", cfg.Stream, got, cfg.Prefix, DefaultDuplicateWindow)
	}

	appendOK(t, l, []events.Event{statement(t, "cnrp", 1)}, nil)
	again := openLog(t, s.js, cfg)
	if got := lastSeq(t, again); got != 1 {
		t.Errorf("LastSeq() of the stream opened again = %d, want 1", got)
	}
	if names := streamNames(t, s.js); !slices.Equal(names, []string{cfg.Stream}) {
		t.Errorf("streams after opening twice = %v, want [%s]", names, cfg.Stream)
	}
}

func streamNames(t *testing.T, js jetstream.JetStream) []string {
	t.Helper()
	lister := js.StreamNames(t.Context())
	var names []string
	for name := range lister.Name() {
		names = append(names, name)
	}
	if err := lister.Err(); err != nil {
		t.Fatalf("StreamNames() = %v", err)
	}
	slices.Sort(names)
	return names
}

func TestOpenDefaults(t *testing.T) {
	s := startServer(t, t.TempDir())
	l := openLog(t, s.js, Config{})
	if got := l.Stream(); got != DefaultStream {
		t.Errorf("Stream() = %s, want %s", got, DefaultStream)
	}
	seqs := appendOK(t, l, []events.Event{statement(t, "cnrp", 1)}, nil)
	msg, err := l.stream.GetMsg(t.Context(), seqs[0])
	if err != nil {
		t.Fatalf("GetMsg(%d) = %v", seqs[0], err)
	}
	if want := DefaultPrefix + ".cnrp.entity.described.v1"; msg.Subject != want {
		t.Errorf("subject = %s, want %s", msg.Subject, want)
	}
}

// TestOpenRefuses checks that Open refuses a stream that exists under the name but could lose events
// or holds other subjects.
func TestOpenRefuses(t *testing.T) {
	s := startServer(t, t.TempDir())
	tests := []struct {
		name   string
		change func(c *jetstream.StreamConfig, prefix string)
	}{
		{"allows purge", func(c *jetstream.StreamConfig, _ string) { c.DenyPurge = false }},
		{"allows delete", func(c *jetstream.StreamConfig, _ string) { c.DenyDelete = false }},
		{"memory storage", func(c *jetstream.StreamConfig, _ string) { c.Storage = jetstream.MemoryStorage }},
		{"other subjects", func(c *jetstream.StreamConfig, p string) { c.Subjects = []string{p + ".other.>"} }},
		{"more subjects", func(c *jetstream.StreamConfig, p string) { c.Subjects = []string{p + ".>", p + "x.>"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := freshConfig()
			sc := jetstream.StreamConfig{Name: cfg.Stream, Subjects: []string{cfg.Prefix + ".>"},
				Storage: jetstream.FileStorage, DenyDelete: true, DenyPurge: true}
			tt.change(&sc, cfg.Prefix)
			if _, err := s.js.CreateStream(t.Context(), sc); err != nil {
				t.Fatalf("CreateStream(%+v) = %v", sc, err)
			}
			if l, err := Open(t.Context(), s.js, cfg); !errors.Is(err, events.ErrInvalid) || l != nil {
				t.Errorf("Open(%s, which %s) = %v, %v, want ErrInvalid", cfg.Stream, tt.name, l, err)
			}
		})
	}
}

func TestAppendRead(t *testing.T) {
	l, _ := newLog(t)
	ctx := t.Context()
	called := 0
	if err := l.Read(ctx, 1, func(events.Stored) error { called++; return nil }); err != nil || called != 0 {
		t.Errorf("Read(1) of an empty stream = %v after %d calls, want nil after none", err, called)
	}
	if got := lastSeq(t, l); got != 0 {
		t.Errorf("LastSeq() of an empty stream = %d, want 0", got)
	}
	if seqs, err := l.Append(ctx, nil, nil); err != nil || len(seqs) != 0 {
		t.Errorf("Append(none) = %v, %v, want nothing", seqs, err)
	}

	evs := []events.Event{
		statement(t, "cnrp", 1), statement(t, "cpp", 1), statement(t, "cnrp", 2),
		statement(t, "kem-sokha", 1), statement(t, "cpp", 2), statement(t, "cnrp", 3),
	}
	seqs := appendOK(t, l, evs, nil)
	if sorted := slices.Sorted(slices.Values(seqs)); !slices.Equal(sorted, []uint64{1, 2, 3, 4, 5, 6}) {
		t.Fatalf("Append(6 events) = %v, want the sequences 1 to 6", seqs)
	}
	for _, chain := range [][]int{{0, 2, 5}, {1, 4}} {
		for i := 1; i < len(chain); i++ {
			if seqs[chain[i-1]] >= seqs[chain[i]] {
				t.Errorf("Append() = %v: event %d of %s is before event %d", seqs, chain[i], evs[chain[i]].Entity, chain[i-1])
			}
		}
	}
	if got := lastSeq(t, l); got != 6 {
		t.Errorf("LastSeq() = %d, want 6", got)
	}
	all := stored(evs, seqs)
	tests := []struct {
		from uint64
		want []events.Stored
	}{
		{0, all},
		{1, all},
		{4, all[3:]},
		{6, all[5:]},
		{7, nil},
		{1 << 40, nil},
	}
	for _, tt := range tests {
		sameStored(t, fmt.Sprintf("Read(%d)", tt.from), read(t, l, tt.from), tt.want)
	}

	stop := errors.New("stop")
	called = 0
	if err := l.Read(ctx, 2, func(events.Stored) error { called++; return stop }); !errors.Is(err, stop) || called != 1 {
		t.Errorf("Read(2) with fn failing = %v after %d calls, want %v after 1", err, called, stop)
	}
}

// TestReadBatches reads more events than Read fetches at a time.
func TestReadBatches(t *testing.T) {
	l, _ := newLog(t)
	const entities, each = 40, 15 // 600 events, more than DefaultReadBatch
	var evs []events.Event
	for i := range each {
		for e := range entities {
			evs = append(evs, statement(t, events.EntityID(fmt.Sprintf("party-%d", e)), i))
		}
	}
	seqs := appendOK(t, l, evs, nil)
	all := stored(evs, seqs)
	if n := uint64(len(evs)); all[0].Seq != 1 || all[n-1].Seq != n {
		t.Fatalf("Append(%d events) = sequences %d to %d, want 1 to %d", n, all[0].Seq, all[n-1].Seq, n)
	}
	sameStored(t, "Read(1)", read(t, l, 1), all)
	sameStored(t, "Read(500)", read(t, l, 500), all[499:])
}

// TestAppendConflict appends with an expectation that another writer made stale.
func TestAppendConflict(t *testing.T) {
	l, s := newLog(t)
	ctx := t.Context()
	a1 := statement(t, "cnrp", 1)
	appendOK(t, l, []events.Event{a1}, map[events.EntityID]uint64{"cnrp": 0})
	other := openLog(t, s.js, Config{Stream: l.cfg.Stream, Prefix: l.cfg.Prefix}) // another writer
	a2 := statement(t, "cnrp", 2)
	if seqs := appendOK(t, other, []events.Event{a2}, map[events.EntityID]uint64{"cnrp": 1}); seqs[0] != 2 {
		t.Fatalf("Append(a2, cnrp at 1) = %v, want [2]", seqs)
	}

	tests := []struct {
		name   string
		expect uint64
	}{
		{"expects none", 0},
		{"expects an older event", 1},
		{"expects a later event", 9},
	}
	var cppLast uint64 // cpp's last sequence: each case writes cpp's events after the conflict
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stale := statement(t, "cnrp", 3)
			b := []events.Event{statement(t, "cpp", 1), statement(t, "cpp", 2), statement(t, "cpp", 3)}
			start := lastSeq(t, l)
			evs := append([]events.Event{stale}, b...)
			expect := map[events.EntityID]uint64{"cnrp": tt.expect, "cpp": cppLast}
			seqs, err := l.Append(ctx, evs, expect)
			if !errors.Is(err, events.ErrConflict) {
				t.Fatalf("Append(cnrp at %d) = %v, %v, want ErrConflict", tt.expect, seqs, err)
			}
			if msg := err.Error(); !strings.Contains(msg, a2.ID.String()) || !strings.Contains(msg, "cnrp") {
				t.Errorf("Append(cnrp at %d) = %q, want the entity and the event it raced with (%s) named", tt.expect, msg, a2.ID)
			}
			if seqs[0] != 0 {
				t.Errorf("Append(cnrp at %d) = %v, want no sequence for the refused event", tt.expect, seqs)
			}
			// The other entity's events land, in order, whatever the conflict did.
			want := []uint64{start + 1, start + 2, start + 3}
			if !slices.Equal(seqs[1:], want) {
				t.Errorf("Append(cnrp at %d) = %v, want cpp's events at %v", tt.expect, seqs, want)
			}
			sameStored(t, fmt.Sprintf("Read(%d)", start+1), read(t, l, start+1), stored(b, want))
			cppLast = start + 3
		})
	}
}

// TestAppendConcurrentEntities appends to several entities at once, each with its own correct
// expectation, while a stale writer conflicts on another entity.
func TestAppendConcurrentEntities(t *testing.T) {
	l, _ := newLog(t)
	ctx := t.Context()
	first := statement(t, "cnrp", 0)
	appendOK(t, l, []events.Event{first}, nil)
	appendOK(t, l, []events.Event{statement(t, "cnrp", 1)}, map[events.EntityID]uint64{"cnrp": 1})

	const writers, each = 8, 3
	var wg sync.WaitGroup
	errs := make([]error, writers)
	written := make([][]events.Event, writers)
	for w := range writers {
		entity := events.EntityID(fmt.Sprintf("party-%d", w))
		for i := range each {
			written[w] = append(written[w], statement(t, entity, i))
		}
		wg.Go(func() {
			_, errs[w] = l.Append(ctx, written[w], map[events.EntityID]uint64{entity: 0})
		})
	}
	stale := statement(t, "cnrp", 2)
	var staleErr error
	wg.Go(func() {
		_, staleErr = l.Append(ctx, []events.Event{stale}, map[events.EntityID]uint64{"cnrp": 1})
	})
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Errorf("Append(party-%d at 0) = %v, want it written", w, err)
		}
	}
	if !errors.Is(staleErr, events.ErrConflict) {
		t.Errorf("Append(cnrp at 1) = %v, want ErrConflict", staleErr)
	}
	got := read(t, l, 3)
	if len(got) != writers*each {
		t.Fatalf("Read(3) = %d events, want %d", len(got), writers*each)
	}
	per := map[events.EntityID][]string{}
	for _, st := range got {
		per[st.Event.Entity] = append(per[st.Event.Entity], st.Event.ID.String())
	}
	for w, evs := range written {
		var want []string
		for _, e := range evs {
			want = append(want, e.ID.String())
		}
		if id := evs[0].Entity; !slices.Equal(per[id], want) {
			t.Errorf("Read(3) events of %s = %v, want %v (writer %d, in order)", id, per[id], want, w)
		}
	}
}

// TestAppendDuplicate appends an event the stream already holds, within the duplicate window.
func TestAppendDuplicate(t *testing.T) {
	l, _ := newLog(t)
	ctx := t.Context()
	f := eventstest.Named("cnrp", events.KindParty, "CNRP", "2012")
	e := eventstest.NewEvent(t, f, eventstest.BaseMS)
	appendOK(t, l, []events.Event{statement(t, "cpp", 1)}, nil)
	if seqs := appendOK(t, l, []events.Event{e}, nil); seqs[0] != 2 {
		t.Fatalf("Append(e) = %v, want [2]", seqs)
	}
	sameFact := eventstest.NewEvent(t, f, eventstest.BaseMS+1) // another id, the same fact id
	tests := []struct {
		name   string
		e      events.Event
		expect map[events.EntityID]uint64
	}{
		{"the same event", e, map[events.EntityID]uint64{"cnrp": 2}},
		{"the same event with the expectation it had", e, map[events.EntityID]uint64{"cnrp": 0}},
		{"the same fact under another id", sameFact, map[events.EntityID]uint64{"cnrp": 2}},
		{"the same fact under another id with the expectation it had", sameFact, map[events.EntityID]uint64{"cnrp": 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seqs, written, err := l.AppendWritten(ctx, []events.Event{tt.e}, tt.expect)
			if err != nil || !slices.Equal(seqs, []uint64{2}) {
				t.Errorf("Append(%s again, %v) = %v, %v, want [2], the original sequence", tt.e.ID, tt.expect, seqs, err)
			}
			if !slices.Equal(written, []bool{false}) {
				t.Errorf("AppendWritten(%s again) says written %v, want [false]: the stream holds the first message", tt.e.ID, written)
			}
			if got := lastSeq(t, l); got != 2 {
				t.Errorf("LastSeq() after a duplicate = %d, want 2", got)
			}
		})
	}
	// A batch that retries a written event goes on after it.
	next := statement(t, "cnrp", 1)
	seqs, written, err := l.AppendWritten(ctx, []events.Event{e, next}, map[events.EntityID]uint64{"cnrp": 0})
	if err != nil || !slices.Equal(seqs, []uint64{2, 3}) {
		t.Errorf("Append(e, next) = %v, %v, want [2 3]", seqs, err)
	}
	if !slices.Equal(written, []bool{false, true}) {
		t.Errorf("AppendWritten(e, next) says written %v, want [false true]", written)
	}
	got := read(t, l, 1)
	if len(got) != 3 || got[1].Event.ID != e.ID || got[2].Event.ID != next.ID {
		t.Errorf("Read(1) = %d events, want cpp's, e (%s) once, then next", len(got), e.ID)
	}

	// A retry of a whole batch, all of it written, with the expectations of the first attempt.
	batch := []events.Event{statement(t, "srp", 1), statement(t, "cnrp", 2), statement(t, "srp", 2)}
	expect := map[events.EntityID]uint64{"srp": 0, "cnrp": 3}
	first, written, err := l.AppendWritten(ctx, batch, expect)
	if err != nil || !slices.Equal(written, []bool{true, true, true}) {
		t.Fatalf("AppendWritten(batch) = %v, %v, written %v; want every event written", first, err, written)
	}
	again, written, err := l.AppendWritten(ctx, batch, expect)
	if err != nil || !slices.Equal(again, first) {
		t.Errorf("Append(batch) again = %v, %v, want %v, the original sequences", again, err, first)
	}
	if !slices.Equal(written, []bool{false, false, false}) {
		t.Errorf("AppendWritten(batch) again says written %v, want none", written)
	}
	if got := lastSeq(t, l); got != 6 {
		t.Errorf("LastSeq() after retrying a batch = %d, want 6", got)
	}
}

// TestAppendRace has two writers append to the same entity with the same expectation, round after
// round: exactly one wins each round, and the stream holds the winners' events only, each once.
func TestAppendRace(t *testing.T) {
	l, s := newLog(t)
	ctx := t.Context()
	writers := [2]*Log{l, openLog(t, s.js, Config{Stream: l.cfg.Stream, Prefix: l.cfg.Prefix})}
	const rounds = 15
	var last uint64
	var want []events.Stored
	for round := range rounds {
		var batches [2][]events.Event
		var seqs [2][]uint64
		var errs [2]error
		for w := range writers {
			batches[w] = []events.Event{statement(t, "cnrp", round*10+w), statement(t, "cnrp", round*10+w+5)}
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				<-start
				seqs[w], errs[w] = writers[w].Append(ctx, batches[w], map[events.EntityID]uint64{"cnrp": last})
			})
		}
		close(start)
		wg.Wait()
		winners := 0
		for w := range writers {
			switch {
			case errs[w] == nil:
				winners++
				if !slices.Equal(seqs[w], []uint64{last + 1, last + 2}) {
					t.Fatalf("round %d: writer %d Append() = %v, want [%d %d]", round, w, seqs[w], last+1, last+2)
				}
				want = append(want, stored(batches[w], seqs[w])...)
			case errors.Is(errs[w], events.ErrConflict):
				if !slices.Equal(seqs[w], []uint64{0, 0}) {
					t.Errorf("round %d: writer %d Append() = %v, %v, want nothing written", round, w, seqs[w], errs[w])
				}
			default:
				t.Fatalf("round %d: writer %d Append() = %v, want nil or ErrConflict", round, w, errs[w])
			}
		}
		if winners != 1 {
			t.Fatalf("round %d: %d writers won (%v), want exactly 1", round, winners, errs)
		}
		last += 2
	}
	sameStored(t, "Read(1)", read(t, l, 1), want)
}

func TestSubject(t *testing.T) {
	l, _ := newLog(t)
	ctx := t.Context()
	illegal := events.Fact{Type: events.TypePartyDeclaredIllegal, Entity: "knp", Date: events.MustParseDate("1995"),
		Source:  events.Source{Title: "A history", URL: "https://example.org", Quote: "declared illegal"},
		Payload: events.PartyDeclaredIllegal{By: "government"}}
	tests := []struct {
		f    events.Fact
		want string
	}{
		{eventstest.Named("cnrp", events.KindParty, "CNRP", "2012"), ".cnrp.entity.named.v1"},
		{eventstest.Founded("cnrp-youth", "CNRP Youth", "2013"), ".cnrp-youth.party.founded.v1"},
		{eventstest.Described("cpp", "in power", "1998"), ".cpp.entity.described.v1"},
		{illegal, ".knp.party.declared_illegal.v1"},
	}
	for i, tt := range tests {
		e := eventstest.NewEvent(t, tt.f, eventstest.BaseMS+uint64(i))
		seqs := appendOK(t, l, []events.Event{e}, nil)
		if seqs[0] != uint64(i+1) {
			t.Errorf("Append(%s) = %v, want [%d]", e.ID, seqs, i+1)
		}
		if got := lastSeq(t, l); got != uint64(i+1) {
			t.Errorf("LastSeq() = %d, want %d", got, i+1)
		}
		msg, err := l.stream.GetMsg(ctx, seqs[0])
		if err != nil {
			t.Fatalf("GetMsg(%d) = %v", seqs[0], err)
		}
		if want := l.cfg.Prefix + tt.want; msg.Subject != want {
			t.Errorf("subject of %s = %s, want %s", tt.f.Type, msg.Subject, want)
		}
		if got := msg.Header.Get("Annals-Event-Id"); got != e.ID.String() {
			t.Errorf("Annals-Event-Id of %s = %q, want %s", tt.f.Type, got, e.ID)
		}
		if got := msg.Header.Get(jetstream.MsgIDHeader); got != string(tt.f.ID()) {
			t.Errorf("%s of %s = %q, want the fact id %s", jetstream.MsgIDHeader, tt.f.Type, got, tt.f.ID())
		}
		if data := eventstest.Encode(t, e); !bytes.Equal(msg.Data, data) {
			t.Errorf("data of %s =\n%s\nwant\n%s", tt.f.Type, msg.Data, data)
		}
	}
}

// TestRestart restarts the embedded server, with its default durability, over the same directory.
func TestRestart(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, dir)
	cfg := freshConfig()
	l := openLog(t, s.js, cfg)
	var evs []events.Event
	for i := range 5 {
		evs = append(evs, statement(t, "cnrp", i), statement(t, "cpp", i))
	}
	want := stored(evs, appendOK(t, l, evs, nil))
	s.stop()

	s = startServer(t, dir)
	l = openLog(t, s.js, cfg)
	if got := lastSeq(t, l); got != uint64(len(evs)) {
		t.Errorf("LastSeq() after a restart = %d, want %d", got, len(evs))
	}
	sameStored(t, "Read(1) after a restart", read(t, l, 1), want)
	next := statement(t, "cnrp", 9)
	lastCNRP := uint64(0)
	for _, st := range want {
		if st.Event.Entity == "cnrp" {
			lastCNRP = st.Seq
		}
	}
	if seqs := appendOK(t, l, []events.Event{next}, map[events.EntityID]uint64{"cnrp": lastCNRP}); seqs[0] != uint64(len(evs)+1) {
		t.Errorf("Append(next) after a restart = %v, want [%d]", seqs, len(evs)+1)
	}
}

func TestReadCanceled(t *testing.T) {
	l, _ := newLog(t)
	appendOK(t, l, []events.Event{statement(t, "cnrp", 1)}, nil)
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	cancel()
	if err := l.Read(ctx, 1, func(events.Stored) error { return nil }); err == nil {
		t.Errorf("Read(canceled) = nil, want an error")
	}
}

// TestLogConforms runs the events.Log conformance suite against a stream on a real embedded server,
// publishing in atomic batches and event by event.
func TestLogConforms(t *testing.T) {
	for _, maxBatch := range []int{0, -1} {
		t.Run(fmt.Sprintf("MaxBatch=%d", maxBatch), func(t *testing.T) {
			eventstest.TestLog(t, func(t *testing.T) events.Log {
				s := startServer(t, t.TempDir())
				cfg := freshConfig()
				cfg.MaxBatch = maxBatch
				return openLog(t, s.js, cfg)
			})
		})
	}
}

// TestReadKnowing checks that ReadKnowing delivers the events the reader holds from its hand (a copy
// marked here, to tell it from a decoded one), decodes the others, and still refuses a known event
// whose subject is not the message's.
func TestReadKnowing(t *testing.T) {
	l, _ := newLog(t)
	ctx := context.Background()
	a, b := statement(t, "cnrp", 1), statement(t, "cpp", 1)
	appendOK(t, l, []events.Event{a, b}, nil)

	marked := a
	marked.Note = "from hand"
	wrong := b
	wrong.Entity = "knp" // another subject than the message's
	for _, tt := range []struct {
		name  string
		known map[ulid.ULID]events.Event
		check func(t *testing.T, got []events.Stored)
	}{
		{"one known", map[ulid.ULID]events.Event{a.ID: marked}, func(t *testing.T, got []events.Stored) {
			if got[0].Event.Note != "from hand" || got[0].FactID != marked.FactID() {
				t.Errorf("known event delivered as %+v, want the one in hand", got[0])
			}
			if got[1].Err != nil || got[1].Event.Note == "from hand" || got[1].Event.ID != b.ID {
				t.Errorf("unknown event delivered as %+v, want it decoded", got[1])
			}
		}},
		{"known on another subject", map[ulid.ULID]events.Event{b.ID: wrong}, func(t *testing.T, got []events.Stored) {
			if !errors.Is(got[1].Err, ErrUntrusted) {
				t.Errorf("a known event whose subject is not the message's = %+v, want it refused (ErrUntrusted)", got[1])
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []events.Stored
			err := l.ReadKnowing(ctx, 1, func(id ulid.ULID) (events.Event, bool) { e, ok := tt.known[id]; return e, ok }, func(st events.Stored) error {
				got = append(got, st)
				return nil
			})
			if err != nil || len(got) != 2 {
				t.Fatalf("ReadKnowing = %d events, %v; want 2", len(got), err)
			}
			tt.check(t, got)
		})
	}
}
