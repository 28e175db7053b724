package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"annals/boltstore"
	"annals/events"
	"annals/projections"
)

// DefaultData is the data directory when neither --data nor ANNALS_DATA is given.
const DefaultData = "data"

// common holds the flags every query takes.
type common struct {
	m    *Main
	data string
	json bool
	fs   *flag.FlagSet
	args []string // positional arguments, after parseArgs

	knownAtFlag string
	knownAt     time.Time // zero: the current record
	curatedOnly bool      // leave out drafted facts, as if never recorded
	warned      bool      // the quarantine warning was printed (or not needed)
}

func (m *Main) flags(name, synopsis, help string) *common {
	c := &common{m: m, fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.fs.SetOutput(m.Stderr)
	data := DefaultData
	if v := m.Getenv("ANNALS_DATA"); v != "" {
		data = v
	}
	c.fs.StringVar(&c.data, "data", data, "data `directory` holding the record (env ANNALS_DATA)")
	c.fs.BoolVar(&c.json, "json", false, "print one JSON document (its shape is in docs/json.md)")
	c.fs.StringVar(&c.knownAtFlag, "known-at", "", "answer as the record stood at this recorded `time` (RFC 3339, or YYYY-MM-DD for the end of that day, UTC)")
	c.fs.BoolVar(&c.curatedOnly, "curated-only", false, "leave out the facts a rule drafted from running text and no person has reviewed, as if never recorded")
	c.fs.Usage = func() {
		fmt.Fprintf(c.fs.Output(), "usage: query %s %s\n\n%s\n\nflags:\n", name, synopsis, help)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *common) parse(args []string) error { return c.parseArgs(args, 0) }

// parseArgs parses flags and exactly n positional arguments (any number if n < 0), in any order ("party CNRP --at X" and
// "party --at X CNRP" both work); the positional arguments are then c.args.
func (c *common) parseArgs(args []string, n int) error {
	c.args = nil
	for {
		if err := c.fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return usageError{err.Error()}
		}
		if c.fs.NArg() == 0 {
			break
		}
		c.args = append(c.args, c.fs.Arg(0))
		args = c.fs.Args()[1:]
	}
	if c.knownAtFlag != "" {
		t, err := ParseKnownAt(c.knownAtFlag)
		if err != nil {
			return usageError{fmt.Sprintf("--known-at: %v", err)}
		}
		c.knownAt = t
	}
	switch {
	case n < 0:
	case len(c.args) > n:
		c.fs.Usage()
		return usageError{fmt.Sprintf("unexpected argument %q", c.args[n])}
	case len(c.args) < n:
		c.fs.Usage()
		return usageError{fmt.Sprintf("%s needs %d argument(s)", c.fs.Name(), n)}
	}
	return nil
}

// open opens the store read only: it waits briefly for a running writer, then says so. The first
// open warns on stderr, in one line, when the store holds quarantined entries of the stream.
func (c *common) open() (*boltstore.Store, error) {
	store, err := boltstore.Open(filepath.Join(c.data, "annals.db"), boltstore.Options{ReadOnly: true})
	if err == nil && !c.warned {
		c.warned = true
		if n, qerr := store.QuarantineCount(context.Background()); qerr == nil && n > 0 {
			fmt.Fprintf(c.m.Stderr, "warning: %d events of the stream are quarantined and left out of every answer; run recorder verify\n", n)
		}
	}
	return store, err
}

// openDirectory opens the store read only, with a directory of its entities that reads them as it
// needs them.
func (c *common) openDirectory(ctx context.Context) (*boltstore.Store, *directory, error) {
	store, err := c.open()
	if err != nil {
		return nil, nil, err
	}
	dir := newDirectory(ctx, store, c.m)
	dir.knownAt = c.knownAt
	return store, dir, nil
}

// parseAt parses an optional --at day: events.MaxDay (everything) when empty, a usage error when
// malformed.
func parseAt(at string) (events.Day, error) {
	if at == "" {
		return events.MaxDay, nil
	}
	day, err := events.ParseDay(at)
	if err != nil {
		return 0, usageError{fmt.Sprintf("--at: %v", err)}
	}
	return day, nil
}

func (m *Main) writeJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// directory knows the entities of the record and their display names. It reads an entity when first
// asked about it, and every entity only for questions about all of them (every party, the candidates
// for a name that matches none), so that a question about one party does not read the whole record's
// entities. It is safe for concurrent use. An entity it cannot read is shown by its id, and the error
// is reported to main, which ends the command with it.
type directory struct {
	ctx      context.Context
	store    *boltstore.Store
	m        *Main
	mu       sync.Mutex
	entities map[events.EntityID]events.EntitySummary // those read so far; every one when complete
	missing  map[events.EntityID]bool                 // ids the record does not hold
	complete bool
	knownAt  time.Time // the record as it stood then (zero: now), for the links that join entities
}

func newDirectory(ctx context.Context, store *boltstore.Store, m *Main) *directory {
	return &directory{ctx: ctx, store: store, m: m, entities: map[events.EntityID]events.EntitySummary{}, missing: map[events.EntityID]bool{}}
}

// use points the directory at a store opened anew (query replay --follow reopens it): entities the
// record did not hold before may be there now.
func (d *directory) use(store *boltstore.Store) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.store, d.complete = store, false
	clear(d.missing)
}

// entity returns the entity with that id, and false if the record holds none.
func (d *directory) entity(id events.EntityID) (events.EntitySummary, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if e, ok := d.entities[id]; ok {
		return e, true
	}
	if d.complete || d.missing[id] {
		return events.EntitySummary{}, false
	}
	e, ok, err := d.store.Entity(d.ctx, id)
	if err != nil {
		d.m.fail(err)
		return events.EntitySummary{}, false
	}
	if !ok {
		d.missing[id] = true
		return e, false
	}
	d.entities[id] = e
	return e, true
}

// all returns every entity of the record, reading them once.
func (d *directory) all() (map[events.EntityID]events.EntitySummary, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.complete {
		return d.entities, nil
	}
	all, err := d.store.Entities(d.ctx)
	if err != nil {
		return nil, err
	}
	for _, e := range all {
		d.entities[e.ID] = e
	}
	d.complete = true
	return d.entities, nil
}

// name returns the first name the record gives an entity, or its id.
func (d *directory) name(id events.EntityID) string {
	if e, ok := d.entity(id); ok && len(e.Names) > 0 {
		return e.Names[0]
	}
	return string(id)
}

// kind returns the kind of an entity, "" if the record holds none with that id.
func (d *directory) kind(id events.EntityID) events.Kind {
	e, _ := d.entity(id)
	return e.Kind
}

// parties returns the ids of every party, sorted.
func (d *directory) parties() ([]events.EntityID, error) {
	all, err := d.all()
	if err != nil {
		return nil, err
	}
	var out []events.EntityID
	for id, e := range all {
		if e.Kind == events.KindParty {
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// partiesOr returns the one party a user's name means, or every party when the name is empty.
func (d *directory) partiesOr(ctx context.Context, store events.Store, name string) ([]events.EntityID, error) {
	if name == "" {
		return d.parties()
	}
	id, err := d.resolve(ctx, store, name, events.KindParty)
	if err != nil {
		return nil, err
	}
	return []events.EntityID{id}, nil
}

// resolve finds the one entity of the kind wanted that a user's name for it means: its id, its
// abbreviation or any name the record holds (a misspelling a source uses included), case-insensitive.
// An unknown or ambiguous name is an error that lists the candidates.
// With several kinds, the first kind that matches wins.
func (d *directory) resolve(ctx context.Context, store events.Store, query string, kinds ...events.Kind) (events.EntityID, error) {
	ids, err := store.Resolve(ctx, query)
	if err != nil {
		return "", err
	}
	kind := kinds[0]
	var matches []events.EntityID
	for _, k := range kinds {
		for _, id := range ids {
			if e, _ := d.entity(id); e.Kind == k {
				matches = append(matches, id)
			}
		}
		if len(matches) > 0 {
			kind = k
			break
		}
	}
	if len(matches) > 1 {
		if matches, err = d.canonical(ctx, matches); err != nil {
			return "", err
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		cands, close, err := d.candidates(query, kind)
		if err != nil {
			return "", err
		}
		switch {
		case len(cands) == 0:
			return "", fmt.Errorf("no %s is known as %q: %w; the record holds none", kind, query, events.ErrNotFound)
		case close:
			return "", fmt.Errorf("no %s is known as %q: %w; did you mean one of:\n%s", kind, query, events.ErrNotFound, d.list(cands))
		}
		return "", fmt.Errorf("no %s is known as %q: %w; nothing comes close; the record holds:\n%s", kind, query, events.ErrNotFound, d.list(cands))
	}
	return "", fmt.Errorf("%q is %w: it names %d %ss; use the id:\n%s", query, events.ErrAmbiguous, len(matches), kind, d.list(matches))
}

// canonical returns the canonical ids of entities (see group), each once, in the order given: names
// that several entities share mean one entity when a merge joins them all.
func (d *directory) canonical(ctx context.Context, ids []events.EntityID) ([]events.EntityID, error) {
	have := map[events.EntityID][]events.Stored{}
	for _, id := range ids {
		stored, err := d.store.EntityEvents(ctx, id)
		if err != nil {
			return nil, err
		}
		have[id] = stored
	}
	ident, err := readIdentity(ctx, d.store, d.knownAt, have)
	if err != nil {
		return nil, err
	}
	var out []events.EntityID
	seen := map[events.EntityID]bool{}
	for _, id := range ids {
		if c := ident.Canonical(id); !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, nil
}

func (d *directory) list(ids []events.EntityID) string {
	var b strings.Builder
	for _, id := range ids {
		e, _ := d.entity(id)
		fmt.Fprintf(&b, "  %s  (%s)\n", id, strings.Join(e.Names, "; "))
	}
	return strings.TrimRight(b.String(), "\n")
}

// candidates returns the entities of a kind whose names come closest to the query: a name within a
// small edit distance of it (a misspelling), or else the most query words found among a name's words
// (a word of the query may be the start of a name's word: "Rescue Part"). All of that kind if nothing
// comes close.
func (d *directory) candidates(query string, kind events.Kind) (ids []events.EntityID, close bool, err error) {
	entities, err := d.all()
	if err != nil {
		return nil, false, err
	}
	q := events.NameKey(query)
	words := strings.Fields(q)
	best := 0
	var out, all []events.EntityID
	for id, e := range entities {
		if e.Kind != kind {
			continue
		}
		all = append(all, id)
		score := 0
		for _, n := range append([]string{strings.ReplaceAll(string(id), "-", " ")}, e.Names...) {
			k := events.NameKey(n)
			s := wordScore(strings.Fields(k), words)
			if near(k, q) {
				s += 100
			}
			score = max(score, s)
		}
		switch {
		case score == 0 || score < best:
		case score > best:
			best, out = score, []events.EntityID{id}
		default:
			out = append(out, id)
		}
	}
	close = len(out) > 0
	if !close {
		out = all
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, close, nil
}

// wordScore counts the query words (of three letters or more) that are, or begin, a word of the name.
func wordScore(name, query []string) int {
	score := 0
	for _, w := range query {
		if len(w) < 3 {
			continue
		}
		for _, n := range name {
			if strings.HasPrefix(n, w) {
				score++
				break
			}
		}
	}
	return score
}

// near reports whether a and b are within an edit distance of a fifth of the longer, at least 2.
func near(a, b string) bool {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	limit := max(2, max(la, lb)/5)
	return max(la-lb, lb-la) <= limit && events.EditDistance(a, b) <= limit
}

// ParseKnownAt parses a recorded time: RFC 3339, or a day (YYYY-MM-DD) meaning the end of that day
// in UTC, so that "as known on 2026-11-01" includes everything recorded that day.
func ParseKnownAt(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	day, err := events.ParseDay(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither an RFC 3339 time nor a day YYYY-MM-DD", s)
	}
	y, m, d := day.Civil()
	return time.Date(y, time.Month(m), d, 23, 59, 59, 999999999, time.UTC), nil
}

// eachParty reads the events of each party in ids and passes the facts in force (see effective) to
// fn, on every core, keeping what fn returns when it says to. The results come in no set order: the
// caller sorts them. Parties a merge joins (see group) are passed once, together, under their
// canonical id, after the others.
func eachParty[T any](ctx context.Context, c *common, store *boltstore.Store, ids []events.EntityID, fn func(events.EntityID, []events.Event) (T, bool)) ([]T, error) {
	var mu sync.Mutex
	var out []T
	linked := map[events.EntityID][]events.Stored{} // parties with a link among their events
	err := store.EachEntityEvents(ctx, ids, runtime.GOMAXPROCS(0), func(id events.EntityID, stored []events.Stored) error {
		evs := c.effective(stored)
		if hasLink(evs) {
			mu.Lock()
			linked[id] = stored
			mu.Unlock()
			return nil
		}
		if v, keep := fn(id, evs); keep {
			mu.Lock()
			out = append(out, v)
			mu.Unlock()
		}
		return nil
	})
	if err != nil || len(linked) == 0 {
		return out, err
	}
	first := make([]events.EntityID, 0, len(linked))
	for id := range linked {
		first = append(first, id)
	}
	sort.Slice(first, func(i, j int) bool { return first[i] < first[j] })
	ident, err := readIdentity(ctx, store, c.knownAt, linked)
	if err != nil {
		return nil, err
	}
	done := map[events.EntityID]bool{}
	for _, id := range first {
		if canon := ident.Canonical(id); !done[canon] {
			done[canon] = true
			if v, keep := fn(c.unionOf(ident, id, linked)); keep {
				out = append(out, v)
			}
		}
	}
	return out, nil
}

// effective returns the facts in force as the record stood at --known-at (now without it), less the
// drafted ones with --curated-only.
func (c *common) effective(stored []events.Stored) []events.Event {
	return c.inForce(eventsOf(stored))
}

// inForce is effective for events: with --curated-only the drafted events are left out first, as if
// never recorded (a correction a rule drafted corrects nothing; a drafted fact a person corrected is
// gone either way), then the record is taken as it stood at --known-at.
func (c *common) inForce(evs []events.Event) []events.Event {
	if c.curatedOnly {
		curated := make([]events.Event, 0, len(evs))
		for _, e := range evs {
			if c.counts(e) {
				curated = append(curated, e)
			}
		}
		evs = curated
	}
	return projections.Effective(evs, c.knownAt)
}

// known keeps the stored events the record held at --known-at, less the drafted ones with
// --curated-only.
func (c *common) known(st events.Stored) bool {
	return c.counts(st.Event) && (c.knownAt.IsZero() || !st.Event.Recorded.After(c.knownAt))
}

// counts reports whether an event is part of the record for this question: every event, or with
// --curated-only those no rule drafted (see events.Fact.Drafted).
func (c *common) counts(e events.Event) bool {
	return !c.curatedOnly || !e.Drafted()
}

func eventsOf(stored []events.Stored) []events.Event {
	out := make([]events.Event, len(stored))
	for i, st := range stored {
		out[i] = st.Event
	}
	return out
}

// indent puts prefix before every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
