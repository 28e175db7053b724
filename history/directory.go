package history

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"annals/events"
)

// DefaultMaxCandidates is how many candidates a NotFoundError or AmbiguousError carries at most.
const DefaultMaxCandidates = 10

// NotFoundError is returned by Resolve when no entity of the kinds asked is known by the name. It
// wraps events.ErrNotFound. Candidates are the entities of Kind whose names come closest (Close), or
// else every entity of Kind, sorted by id and capped at DefaultMaxCandidates; Total counts them all.
type NotFoundError struct {
	Query      string
	Kind       events.Kind
	Close      bool
	Candidates []events.EntitySummary
	Total      int
}

// Error describes the error, listing the candidates or the reason.
func (e *NotFoundError) Error() string {
	switch {
	case e.Total == 0:
		return fmt.Sprintf("no %s is known as %q: %v; the record holds none", e.Kind, e.Query, events.ErrNotFound)
	case e.Close:
		return fmt.Sprintf("no %s is known as %q: %v; did you mean one of:\n%s", e.Kind, e.Query, events.ErrNotFound, list(e.Candidates, e.Total))
	}
	return fmt.Sprintf("no %s is known as %q: %v; nothing comes close; the record holds:\n%s", e.Kind, e.Query, events.ErrNotFound, list(e.Candidates, e.Total))
}

// Unwrap returns events.ErrNotFound.
func (e *NotFoundError) Unwrap() error { return events.ErrNotFound }

// AmbiguousError is returned by Resolve when a name means several entities of the kind asked (that
// no merge joins). It wraps events.ErrAmbiguous. Candidates are those entities, in id order, capped
// at DefaultMaxCandidates; Total counts them all.
type AmbiguousError struct {
	Query      string
	Kind       events.Kind
	Candidates []events.EntitySummary
	Total      int
}

// Error describes the error, listing the candidates or the reason.
func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q is %v: it names %d %s; use the id:\n%s", e.Query, events.ErrAmbiguous, e.Total, kindsOf(e.Kind, e.Total), list(e.Candidates, e.Total))
}

// kindsOf names n entities of a kind: "2 parties", "1 person", "3 entities" of no kind.
func kindsOf(kind events.Kind, n int) string {
	word, plural := string(kind), string(kind)+"s"
	switch kind {
	case "":
		word, plural = "entity", "entities"
	case events.KindParty:
		plural = "parties"
	}
	if n == 1 {
		return word
	}
	return plural
}

// Unwrap returns events.ErrAmbiguous.
func (e *AmbiguousError) Unwrap() error { return events.ErrAmbiguous }

func list(cands []events.EntitySummary, total int) string {
	var b strings.Builder
	for _, e := range cands {
		fmt.Fprintf(&b, "  %s  (%s)\n", e.ID, strings.Join(e.Names, "; "))
	}
	if total > len(cands) {
		fmt.Fprintf(&b, "  … and %d more; use `query search` to list them all\n", total-len(cands))
	}
	return strings.TrimRight(b.String(), "\n")
}

// directory knows the entities of the record and their display names. It reads an entity when first
// asked about it, and every entity only for questions about all of them. It is safe for concurrent
// use. An entity it cannot read is shown by its id, and the first such error is kept for takeErr.
type directory struct {
	mu       sync.Mutex
	store    events.Reader
	entities map[events.EntityID]events.EntitySummary // those read so far; every one when complete
	missing  map[events.EntityID]bool                 // ids the record does not hold
	complete bool
	knownAt  time.Time // the record as it stood then (zero: now), for the links that join entities
	err      error     // the first error met reading an entity for its name
	// vouched are entities the record knew at knownAt as it knows them now (no event about or
	// involving them was recorded after it): knownThen reads none of their events.
	vouched map[events.EntityID]bool
	// lastID is the entity whose events knownThen read last, lastStored those events: a question
	// about one party folds them without reading them again (eventsRead).
	lastID     events.EntityID
	lastStored []events.Stored
}

func newDirectory(store events.Reader, knownAt time.Time) *directory {
	return &directory{store: store, knownAt: knownAt, entities: map[events.EntityID]events.EntitySummary{}, missing: map[events.EntityID]bool{}}
}

func (d *directory) use(store events.Reader) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.store, d.complete = store, false
	clear(d.missing)
	d.lastID, d.lastStored = "", nil
}

// eventsRead returns the events of id when knownThen read them last (from the store in use), and
// false otherwise.
func (d *directory) eventsRead(id events.EntityID) ([]events.Stored, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.lastID != id || d.lastStored == nil {
		return nil, false
	}
	return d.lastStored, true
}

func (d *directory) reader() events.Reader {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.store
}

// vouch notes that the record knew the entity id at knownAt as it knows it now: its stored answers
// hold at knownAt, so no event about or involving it was recorded after it.
func (d *directory) vouch(id events.EntityID) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.vouched == nil {
		d.vouched = map[events.EntityID]bool{}
	}
	d.vouched[id] = true
}

func (d *directory) takeErr() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	err := d.err
	d.err = nil
	return err
}

// entity returns the entity with that id, and false if the record holds none (or it cannot be read:
// the error is kept).
func (d *directory) entity(ctx context.Context, id events.EntityID) (events.EntitySummary, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if e, ok := d.entities[id]; ok {
		return e, true
	}
	if d.complete || d.missing[id] {
		return events.EntitySummary{}, false
	}
	e, ok, err := d.store.Entity(ctx, id)
	return d.keep(ctx, id, e, ok, err)
}

// keep files what the store returned for the entity id (ok false: it holds none) as the record knew it
// at knownAt, and returns that. Its caller holds d.mu.
func (d *directory) keep(ctx context.Context, id events.EntityID, e events.EntitySummary, ok bool, err error) (events.EntitySummary, bool) {
	if err == nil && ok {
		e, ok, err = d.knownThen(ctx, e)
	}
	if err != nil {
		if d.err == nil {
			d.err = err
		}
		return events.EntitySummary{}, false
	}
	if !ok {
		d.missing[id] = true
		return e, false
	}
	d.entities[id] = e
	return e, true
}

// seed files entities read with the names that mean them: found are the records the store holds
// (events.Reader.Entity), missing the ids it holds none for.
func (d *directory) seed(ctx context.Context, found []events.EntitySummary, missing []events.EntityID) {
	if len(found) == 0 && len(missing) == 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, e := range found {
		if _, known := d.entities[e.ID]; !known && !d.complete {
			d.keep(ctx, e.ID, e, true, nil)
		}
	}
	for _, id := range missing {
		if _, known := d.entities[id]; !known && !d.complete {
			d.keep(ctx, id, events.EntitySummary{}, false, nil)
		}
	}
}

// knownThen returns an entity as the record knew it at knownAt: false when no event about or
// involving it had been recorded by then, and with only the names an event recorded by then gives it
// (none: it is shown by its id). With a zero knownAt it returns the entity as it is.
func (d *directory) knownThen(ctx context.Context, e events.EntitySummary) (events.EntitySummary, bool, error) {
	if d.knownAt.IsZero() || d.vouched[e.ID] {
		return e, true, nil
	}
	stored, err := d.store.EntityEvents(ctx, e.ID)
	if err != nil {
		return e, false, err
	}
	d.lastID, d.lastStored = e.ID, stored
	named := map[string]bool{}
	known := false
	for _, st := range stored {
		if st.Event.Recorded.After(d.knownAt) {
			continue
		}
		known = true
		if st.Event.Entity == e.ID {
			for _, n := range events.NamesOf(st.Event) {
				named[events.NameKey(n)] = true
			}
		}
	}
	if !known {
		return events.EntitySummary{}, false, nil
	}
	names := e.Names[:0:0]
	for _, n := range e.Names {
		if named[events.NameKey(n)] {
			names = append(names, n)
		}
	}
	e.Names = names
	return e, true, nil
}

// all returns every entity of the record, reading them once.
func (d *directory) all(ctx context.Context) (map[events.EntityID]events.EntitySummary, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.complete {
		return d.entities, nil
	}
	all, err := d.store.Entities(ctx)
	if err != nil {
		return nil, err
	}
	for _, e := range all {
		e, ok, err := d.knownThen(ctx, e)
		if err != nil {
			return nil, err
		}
		if ok {
			d.entities[e.ID] = e
		}
	}
	d.complete = true
	return d.entities, nil
}

// name returns the first name the record gives an entity, or its id.
func (d *directory) name(ctx context.Context, id events.EntityID) string {
	if e, ok := d.entity(ctx, id); ok && len(e.Names) > 0 {
		return e.Names[0]
	}
	return string(id)
}

// Entity returns the entity with that id, and false if the record holds none.
func (h *Historian) Entity(ctx context.Context, id events.EntityID) (events.EntitySummary, bool, error) {
	e, ok := h.dir.entity(ctx, id)
	return e, ok, h.done(nil)
}

// Entities returns every entity of the record, sorted by id.
func (h *Historian) Entities(ctx context.Context) ([]events.EntitySummary, error) {
	all, err := h.dir.all(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]events.EntitySummary, 0, len(all))
	h.dir.mu.Lock()
	for _, e := range all {
		out = append(out, e)
	}
	h.dir.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Parties returns the ids of every party of the record, sorted.
func (h *Historian) Parties(ctx context.Context) ([]events.EntityID, error) {
	all, err := h.Entities(ctx)
	if err != nil {
		return nil, err
	}
	var out []events.EntityID
	for _, e := range all {
		if e.Kind == events.KindParty {
			out = append(out, e.ID)
		}
	}
	return out, nil
}

// partiesOr returns the one party a user's name means, or every party when the name is empty.
func (h *Historian) partiesOr(ctx context.Context, name string) ([]events.EntityID, error) {
	if name == "" {
		return h.Parties(ctx)
	}
	id, err := h.resolve(ctx, name, events.KindParty)
	if err != nil {
		return nil, err
	}
	return []events.EntityID{id}, nil
}

// Resolve returns the one entity of the kinds wanted that a user's name for it means: its id, its
// abbreviation or any name the record holds (a misspelling a source uses included), compared
// case-insensitively with white space folded. With several kinds, the first kind that matches wins.
// Names that several entities share mean one entity when a merge joins them all: its canonical id.
// A name that means none is a *NotFoundError, one that means several an *AmbiguousError, each
// carrying the candidates.
func (h *Historian) Resolve(ctx context.Context, query string, kinds ...events.Kind) (events.EntityID, error) {
	id, err := h.resolve(ctx, query, kinds...)
	return id, h.done(err)
}

func (h *Historian) resolve(ctx context.Context, query string, kinds ...events.Kind) (events.EntityID, error) {
	if len(kinds) == 0 {
		return "", fmt.Errorf("resolve %q: no kind asked for: %w", query, events.ErrInvalid)
	}
	ids, err := h.store().Resolve(ctx, query)
	if err != nil {
		return "", err
	}
	return h.resolveAmong(ctx, query, ids, kinds...)
}

// resolveAmong is resolve given the entities the store knows by the query (events.Reader.Resolve).
func (h *Historian) resolveAmong(ctx context.Context, query string, ids []events.EntityID, kinds ...events.Kind) (events.EntityID, error) {
	kind := kinds[0]
	var err error
	var matches []events.EntityID
	for _, k := range kinds {
		for _, id := range ids {
			if e, _ := h.dir.entity(ctx, id); e.Kind == k && h.knownAs(e, query) {
				matches = append(matches, id)
			}
		}
		if len(matches) > 0 {
			kind = k
			break
		}
	}
	if len(matches) > 1 {
		if matches, err = h.canonical(ctx, matches); err != nil {
			return "", err
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		if kind == events.KindPerson {
			if ids, err := h.bySurname(ctx, query); err != nil || len(ids) > 1 {
				if err != nil {
					return "", err
				}
				return "", &AmbiguousError{Query: query, Kind: kind, Candidates: h.summaries(ctx, capped(ids)), Total: len(ids)}
			} else if len(ids) == 1 {
				return ids[0], nil
			}
		}
		cands, close, err := h.candidates(ctx, query, kind)
		if err != nil {
			return "", err
		}
		return "", &NotFoundError{Query: query, Kind: kind, Close: close, Candidates: h.summaries(ctx, capped(cands)), Total: len(cands)}
	}
	return "", &AmbiguousError{Query: query, Kind: kind, Candidates: h.summaries(ctx, capped(matches)), Total: len(matches)}
}

// knownAs reports whether the record knew the entity by the query at KnownAt: always for the current
// record, else when the query is its id or a name an event recorded by then gives it.
func (h *Historian) knownAs(e events.EntitySummary, query string) bool {
	if h.opts.KnownAt.IsZero() {
		return true
	}
	q := events.NameKey(query)
	if q == events.NameKey(string(e.ID)) || strings.TrimSpace(query) == string(e.ID) {
		return true
	}
	for _, n := range e.Names {
		if events.NameKey(n) == q {
			return true
		}
	}
	return false
}

// Search returns the entities of the kinds asked (all kinds if none) that a user's name may mean: those
// it names exactly (an id, a name, an abbreviation, a misspelling the record holds), else those whose
// names come close, every one of them (uncapped), in id order. It returns none when nothing comes
// close.
func (h *Historian) Search(ctx context.Context, query string, kinds ...events.Kind) ([]events.EntitySummary, error) {
	if len(kinds) == 0 {
		kinds = []events.Kind{events.KindParty, events.KindOrganisation, events.KindPerson, events.KindDocument}
	}
	ids, err := h.store().Resolve(ctx, query)
	if err != nil {
		return nil, err
	}
	var found []events.EntityID
	for _, id := range ids {
		if e, _ := h.dir.entity(ctx, id); slices.Contains(kinds, e.Kind) && h.knownAs(e, query) {
			found = append(found, id)
		}
	}
	if len(found) == 0 {
		for _, k := range kinds {
			cands, close, err := h.candidates(ctx, query, k)
			if err != nil {
				return nil, h.done(err)
			}
			if close {
				found = append(found, cands...)
			}
		}
	}
	slices.Sort(found)
	return h.summaries(ctx, slices.Compact(found)), h.done(nil)
}

// NearSpellings returns the entities of kinds (every kind if none) known by a name spelled close to
// query but not by query itself ("Than Htaik" for "Than Htike"), other than those of skip, sorted by
// id: the same entities, perhaps, written otherwise by another source. The record never joins them
// by itself (a reader may join two parties: recorder merge).
func (h *Historian) NearSpellings(ctx context.Context, query string, skip []events.EntityID, kinds ...events.Kind) ([]events.EntitySummary, error) {
	if len(kinds) == 0 {
		kinds = []events.Kind{events.KindParty, events.KindOrganisation, events.KindPerson, events.KindDocument}
	}
	entities, err := h.dir.all(ctx)
	if err != nil {
		return nil, h.done(err)
	}
	q := events.NameKey(query)
	var found []events.EntityID
	h.dir.mu.Lock()
	for id, e := range entities {
		if !slices.Contains(kinds, e.Kind) || slices.Contains(skip, id) {
			continue
		}
		// The id too: a person's leaves out the honorifics ("khin-mint" of "Daw Khin Mint").
		for _, n := range append([]string{strings.ReplaceAll(string(id), "-", " ")}, e.Names...) {
			if k := events.NameKey(n); k != q && near(k, q) {
				found = append(found, id)
				break
			}
		}
	}
	h.dir.mu.Unlock()
	slices.Sort(found)
	return h.summaries(ctx, found), h.done(nil)
}

func capped(ids []events.EntityID) []events.EntityID {
	return ids[:min(len(ids), DefaultMaxCandidates)]
}

func (h *Historian) summaries(ctx context.Context, ids []events.EntityID) []events.EntitySummary {
	out := make([]events.EntitySummary, len(ids))
	for i, id := range ids {
		out[i], _ = h.dir.entity(ctx, id)
		out[i].ID = id
	}
	return out
}

// canonical returns the canonical ids of entities, each once, in the order given.
func (h *Historian) canonical(ctx context.Context, ids []events.EntityID) ([]events.EntityID, error) {
	store := h.store()
	have := map[events.EntityID][]events.Stored{}
	for _, id := range ids {
		stored, err := store.EntityEvents(ctx, id)
		if err != nil {
			return nil, err
		}
		have[id] = stored
	}
	ident, err := readIdentity(ctx, store, h.opts.KnownAt, have)
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

// candidates returns the entities of a kind whose names come closest to the query: a name within a
// small edit distance of it (a misspelling), or else the most query words found among a name's words
// (a word of the query may be the start of a name's word: "Rescue Part"). All of that kind if nothing
// comes close.
func (h *Historian) candidates(ctx context.Context, query string, kind events.Kind) (ids []events.EntityID, close bool, err error) {
	entities, err := h.dir.all(ctx)
	if err != nil {
		return nil, false, err
	}
	q := events.NameKey(query)
	words := strings.Fields(q)
	best := 0
	var out, all []events.EntityID
	h.dir.mu.Lock()
	defer h.dir.mu.Unlock()
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

// bySurname returns the persons a name that is none of theirs means as their surname: the last word
// or words of a name of theirs ("Pešek" for "Ondřej Pešek", "Ben Yedder" for "Habib Ben Yedder"),
// or else, for names written family name first, the first ("Nishimura" for "Nishimura Kōichi"),
// compared as names are (events.NameKey), canonical ids only.
func (h *Historian) bySurname(ctx context.Context, query string) ([]events.EntityID, error) {
	ids, err := h.personsByName(ctx, query, strings.HasSuffix)
	if len(ids) > 0 || err != nil {
		return ids, err
	}
	return h.personsByName(ctx, query, func(name, q string) bool { return strings.HasPrefix(name, strings.TrimPrefix(q, " ")+" ") })
}

// personsByName returns the persons with a name that match reports holds the query (with a space
// before it: a whole word), canonical ids only, sorted.
func (h *Historian) personsByName(ctx context.Context, query string, match func(name, q string) bool) ([]events.EntityID, error) {
	q := events.NameKey(query)
	if q == "" {
		return nil, nil
	}
	entities, err := h.dir.all(ctx)
	if err != nil {
		return nil, err
	}
	var out []events.EntityID
	h.dir.mu.Lock()
	for id, e := range entities {
		if e.Kind != events.KindPerson {
			continue
		}
		for _, n := range e.Names {
			if match(events.NameKey(n), " "+q) && h.knownAs(e, n) {
				out = append(out, id)
				break
			}
		}
	}
	h.dir.mu.Unlock()
	if len(out) > 1 {
		if out, err = h.canonical(ctx, out); err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
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
