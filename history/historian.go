package history

import (
	"context"
	"runtime"
	"sort"
	"sync"
	"time"

	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

// Options choose which record an answer is about.
type Options struct {
	// KnownAt answers as the record stood at that recorded time, before later corrections; zero: now.
	KnownAt time.Time
	// CuratedOnly leaves out the facts a rule drafted from running text and no person reviewed
	// (events.Fact.Drafted), as if never recorded.
	CuratedOnly bool
	// Workers is how many goroutines read and fold the parties of a question about all of them;
	// 0: runtime.GOMAXPROCS(0).
	Workers int
}

// Historian answers questions from a store. It keeps a directory of the entities it has read, so that
// a question about one party does not read the whole record's entities. It is safe for concurrent use.
type Historian struct {
	opts Options
	dir  *directory
}

// New returns a Historian over store.
func New(store events.Reader, opts Options) *Historian {
	return &Historian{opts: opts, dir: newDirectory(store, opts.KnownAt)}
}

// Use points the Historian at a store opened anew (one that a writer may have added to since): the
// entities it read before are kept, those it did not find are looked for again.
func (h *Historian) Use(store events.Reader) { h.dir.use(store) }

func (h *Historian) store() events.Reader { return h.dir.reader() }

// done returns err, or when nil the first error the directory met naming an entity during the answer.
func (h *Historian) done(err error) error {
	if derr := h.dir.takeErr(); err == nil {
		return derr
	}
	return err
}

// Name returns the first name the record gives an entity, or its id.
func (h *Historian) Name(ctx context.Context, id events.EntityID) (string, error) {
	n := h.dir.name(ctx, id)
	return n, h.done(nil)
}

// eachParty reads the events of each party in ids and passes the facts in force (see effective) to
// fn, on every core, keeping what fn returns when it says to. The results come in no set order: the
// caller sorts them. Parties a merge joins are passed once, together, under their canonical id,
// after the others.
func eachParty[T any](ctx context.Context, h *Historian, ids []events.EntityID, fn func(events.EntityID, []events.Event) (T, bool)) ([]T, error) {
	store := h.store()
	var mu sync.Mutex
	var out []T
	linked := map[events.EntityID][]events.Stored{} // parties with a link among their events
	err := store.EachEntityEvents(ctx, ids, h.workers(), func(id events.EntityID, stored []events.Stored) error {
		evs := h.effective(stored)
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
	ident, err := readIdentity(ctx, store, h.opts.KnownAt, linked)
	if err != nil {
		return nil, err
	}
	done := map[events.EntityID]bool{}
	for _, id := range first {
		if canon := ident.Canonical(id); !done[canon] {
			done[canon] = true
			if v, keep := fn(h.unionOf(ident, id, linked)); keep {
				out = append(out, v)
			}
		}
	}
	return out, nil
}

// workers is how many goroutines read and fold: Options.Workers, else runtime.GOMAXPROCS(0).
func (h *Historian) workers() int {
	if h.opts.Workers > 0 {
		return h.opts.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// effective returns the facts in force as the record stood at KnownAt, less the drafted ones with
// CuratedOnly.
func (h *Historian) effective(stored []events.Stored) []events.Event {
	return h.inForce(eventsOf(stored))
}

// inForce is effective for events: with CuratedOnly the drafted events are left out first, as if
// never recorded (a correction a rule drafted corrects nothing; a drafted fact a person corrected is
// gone either way), then the record is taken as it stood at KnownAt.
func (h *Historian) inForce(evs []events.Event) []events.Event {
	if h.opts.CuratedOnly {
		curated := make([]events.Event, 0, len(evs))
		for _, e := range evs {
			if h.counts(e) {
				curated = append(curated, e)
			}
		}
		evs = curated
	}
	return projections.Effective(evs, h.opts.KnownAt)
}

// known keeps the stored events the record held at KnownAt, less the drafted ones with CuratedOnly.
func (h *Historian) known(st events.Stored) bool {
	return h.counts(st.Event) && (h.opts.KnownAt.IsZero() || !st.Event.Recorded.After(h.opts.KnownAt))
}

// counts reports whether an event is part of the record for this question: every event, or with
// CuratedOnly those no rule drafted.
func (h *Historian) counts(e events.Event) bool {
	return !h.opts.CuratedOnly || !e.Drafted()
}

func eventsOf(stored []events.Stored) []events.Event {
	out := make([]events.Event, len(stored))
	for i, st := range stored {
		out[i] = st.Event
	}
	return out
}

// readIdentity returns which entities are one as the record stood at knownAt (zero: now), as
// projections.Identities decides it from the links (entity.same_as/v1) among the events of the
// entities in have (id → its stored events) and the corrections and retractions of those links.
// It follows each link to the entity it joins, reading that entity's events into have, until no link
// leads to an entity not read: every member of a group of an entity in have is in have when it
// returns.
func readIdentity(ctx context.Context, store events.Reader, knownAt time.Time, have map[events.EntityID][]events.Stored) (projections.Identity, error) {
	links := map[ulid.ULID]events.Event{}
	queue := make([]events.EntityID, 0, len(have))
	for id := range have {
		queue = append(queue, id)
	}
	sort.Slice(queue, func(i, j int) bool { return queue[i] < queue[j] })
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, st := range have[id] {
			p, ok := st.Event.Payload.(events.EntitySameAs)
			if !ok || links[st.Event.ID].Payload != nil {
				continue
			}
			links[st.Event.ID] = st.Event
			for _, o := range []events.EntityID{st.Event.Entity, p.Other} {
				if _, read := have[o]; read {
					continue
				}
				stored, err := store.EntityEvents(ctx, o)
				if err != nil {
					return projections.Identity{}, err
				}
				have[o] = stored
				queue = append(queue, o)
			}
		}
	}
	if len(links) == 0 {
		return projections.Identity{}, nil
	}
	ids := make([]ulid.ULID, 0, len(links))
	evs := make([]events.Event, 0, len(links))
	for id, e := range links {
		ids = append(ids, id)
		evs = append(evs, e)
	}
	// A retraction of a link is among the events of the link's entity only: ask the store for them.
	by, err := store.SupersededBy(ctx, ids)
	if err != nil {
		return projections.Identity{}, err
	}
	for _, superseding := range by {
		for _, id := range superseding {
			st, err := store.Event(ctx, id)
			if err != nil {
				return projections.Identity{}, err
			}
			evs = append(evs, st.Event)
		}
	}
	return projections.Identities(evs, knownAt), nil
}

// hasLink reports whether a link (entity.same_as/v1) is among the events.
func hasLink(evs []events.Event) bool {
	for _, e := range evs {
		if e.Type == events.TypeEntitySameAs {
			return true
		}
	}
	return false
}

// unionOf returns the facts in force about the members of id's group, relabelled to its canonical id
// (see projections.Identity.Union), with that id. have holds every member's events.
func (h *Historian) unionOf(ident projections.Identity, id events.EntityID, have map[events.EntityID][]events.Stored) (events.EntityID, []events.Event) {
	canon := ident.Canonical(id)
	var lists [][]events.Event
	for _, m := range ident.Members(canon) {
		lists = append(lists, eventsOf(have[m]))
	}
	return canon, h.inForce(ident.Union(lists...))
}

// Group returns the entity the record answers for when asked about id: the canonical id of the
// entities a merge joins id to (id itself when none does), and the facts in force about all of them,
// relabelled to that id, in historical order.
func (h *Historian) Group(ctx context.Context, id events.EntityID) (events.EntityID, []events.Event, error) {
	canon, evs, err := h.group(ctx, id)
	return canon, evs, h.done(err)
}

func (h *Historian) group(ctx context.Context, id events.EntityID) (events.EntityID, []events.Event, error) {
	store := h.store()
	stored, err := store.EntityEvents(ctx, id)
	if err != nil {
		return "", nil, err
	}
	if !hasLink(eventsOf(stored)) {
		return id, h.effective(stored), nil
	}
	have := map[events.EntityID][]events.Stored{id: stored}
	ident, err := readIdentity(ctx, store, h.opts.KnownAt, have)
	if err != nil {
		return "", nil, err
	}
	canon, evs := h.unionOf(ident, id, have)
	return canon, evs, nil
}

// names returns the directory's naming function for projections, bound to ctx.
func (h *Historian) names(ctx context.Context) projections.Names {
	return func(id events.EntityID) string { return h.dir.name(ctx, id) }
}
