package eventstest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// model is the simplest events.Store that keeps the contract: it holds every event it was given, in
// sequence order, and answers each query by scanning them all. The conformance suite runs against it
// (so that the suite's expectations are checked against an independent implementation) and compares
// real stores with it under random operations.
type model struct {
	mu   sync.Mutex
	all  []modelEntry    // every sequence consumed, in order: applied events, skipped duplicates, quarantined entries
	evs  []events.Stored // the events applied, in order: all without the duplicates
	keys [][]nameKey     // keys[i]: the names evs[i] gives, folded, with the entity each names
}

// nameKey is a folded name (events.NameKey) and the entity it names.
type nameKey struct {
	key string
	id  events.EntityID
}

type modelEntry struct {
	st  events.Stored
	fid events.FactID // st.Event.Fact.ID(), computed once
	dup bool          // skipped: its fact was already recorded
	q   string        // quarantined, for this reason: not an event, or an event whose id is taken
}

// skipped reports whether the entry's sequence was consumed without applying it.
func (x modelEntry) skipped() bool { return x.dup || x.q != "" }

var _ events.Store = (*model)(nil)

func newModel() *model { return &model{} }

func (m *model) lastSeq() uint64 {
	if len(m.all) == 0 {
		return 0
	}
	return m.all[len(m.all)-1].st.Seq
}

// applied returns the events stored, in sequence order.
func (m *model) applied() []events.Stored { return m.evs }

// namesOf returns the names e gives: those of its payload to its entity, the entity's id to itself and
// the id of each entity it involves to that entity.
func namesOf(e events.Event) []nameKey {
	var out []nameKey
	for _, n := range events.NamesOf(e) {
		out = append(out, nameKey{events.NameKey(n), e.Entity})
	}
	out = append(out, nameKey{events.NameKey(string(e.Entity)), e.Entity})
	for _, other := range e.Involves() {
		out = append(out, nameKey{events.NameKey(string(other)), other})
	}
	return out
}

func (m *model) LastSeq(ctx context.Context) (uint64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lastSeq(), nil
}

func (m *model) Apply(ctx context.Context, batch []events.Stored) (events.ApplyResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var res events.ApplyResult
	last := m.lastSeq()
	for i, st := range batch {
		if want := last + 1 + uint64(i); st.Seq != want {
			return events.ApplyResult{}, fmt.Errorf("event %s has sequence %d, want %d: %w", st.Event.ID, st.Seq, want, events.ErrConflict)
		}
	}
	facts := map[events.FactID]bool{}
	ids := map[ulid.ULID]events.FactID{}
	for _, x := range m.all {
		if !x.skipped() {
			facts[x.fid] = true
			ids[x.st.Event.ID] = x.fid
		}
	}
	var add []modelEntry
	for _, st := range batch {
		if st.Err != nil {
			add = append(add, modelEntry{st: st, q: st.Err.Error()})
			res.Quarantined++
			continue
		}
		fid := st.Event.Fact.ID()
		if facts[fid] {
			add = append(add, modelEntry{st: st, fid: fid, dup: true})
			res.Duplicates++
			continue
		}
		if _, ok := ids[st.Event.ID]; ok {
			add = append(add, modelEntry{st: st, fid: fid, q: fmt.Sprintf("event id %s is already recorded with another fact", st.Event.ID)})
			res.Quarantined++
			continue
		}
		facts[fid] = true
		ids[st.Event.ID] = fid
		add = append(add, modelEntry{st: st, fid: fid})
		res.Applied++
	}
	m.all = append(m.all, add...)
	for _, x := range add {
		if !x.skipped() {
			m.evs = append(m.evs, x.st)
			m.keys = append(m.keys, namesOf(x.st.Event))
		}
	}
	return res, nil
}

func (m *model) KnownFacts(ctx context.Context, ids []events.FactID) (map[events.FactID]uint64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[events.FactID]uint64{}
	for _, id := range ids {
		for _, x := range m.all {
			if !x.skipped() && x.fid == id {
				out[id] = x.st.Seq
			}
		}
	}
	return out, nil
}

// EntitySeqs counts skipped duplicates and quarantined entries too: the log holds them on the entity's
// subjects, so a writer expecting the entity's last sequence must expect theirs.
func (m *model) EntitySeqs(ctx context.Context, ids []events.EntityID) (map[events.EntityID]uint64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[events.EntityID]uint64{}
	for _, id := range ids {
		out[id] = 0
		for _, x := range m.all {
			if x.st.Event.Entity == id {
				out[id] = x.st.Seq
			}
		}
	}
	return out, nil
}

func (m *model) Event(ctx context.Context, id ulid.ULID) (events.Stored, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, st := range m.applied() {
		if st.Event.ID == id {
			return st, nil
		}
	}
	return events.Stored{}, fmt.Errorf("event %s: %w", id, events.ErrNotFound)
}

func (m *model) EntityEvents(ctx context.Context, id events.EntityID) ([]events.Stored, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := []events.Stored{}
	entityOf := map[ulid.ULID]events.EntityID{}
	for _, st := range m.applied() {
		entityOf[st.Event.ID] = st.Event.Entity
	}
	for _, st := range m.applied() {
		corrects := false
		for _, target := range st.Event.Supersedes {
			if e, ok := entityOf[target]; ok && e == id {
				corrects = true
			}
		}
		if st.Event.Entity == id || slices.Contains(st.Event.Involves(), id) || corrects {
			out = append(out, st)
		}
	}
	slices.SortFunc(out, historical)
	return out, nil
}

// SupersededBy lists, for each id, the applied events that supersede it, in the order learned.
func (m *model) SupersededBy(ctx context.Context, ids []ulid.ULID) (map[ulid.ULID][]ulid.ULID, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[ulid.ULID][]ulid.ULID{}
	for _, id := range ids {
		var by []ulid.ULID
		for _, st := range m.applied() {
			if slices.Contains(st.Event.Supersedes, id) {
				by = append(by, st.Event.ID)
			}
		}
		slices.SortFunc(by, func(a, b ulid.ULID) int { return a.Compare(b) })
		if len(by) > 0 {
			out[id] = by
		}
	}
	return out, nil
}

// historical orders events by earliest day, then latest day, then event id.
func historical(a, b events.Stored) int {
	if c := cmp.Compare(a.Event.Date.Earliest(), b.Event.Date.Earliest()); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Event.Date.Latest(), b.Event.Date.Latest()); c != 0 {
		return c
	}
	return a.Event.ID.Compare(b.Event.ID)
}

// Entities gives every entity an event is about or involves. The kind is the first kind an
// entity.named event states, or else the kind the first typed event about it implies; the names are
// every name events give it, in the order first given, byte for byte.
func (m *model) Entities(ctx context.Context) ([]events.EntitySummary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	type record struct {
		summary  events.EntitySummary
		declared bool
	}
	recs := map[events.EntityID]*record{}
	get := func(id events.EntityID) *record {
		if recs[id] == nil {
			recs[id] = &record{summary: events.EntitySummary{ID: id}}
		}
		return recs[id]
	}
	for _, st := range m.applied() {
		e := st.Event
		rec := get(e.Entity)
		if n, ok := e.Payload.(events.EntityNamed); ok {
			if !rec.declared {
				rec.summary.Kind, rec.declared = n.Kind, true
			}
		} else if k := e.Type.EntityKind(); k != "" && rec.summary.Kind == "" {
			rec.summary.Kind = k
		}
		for _, name := range events.NamesOf(e) {
			if !slices.Contains(rec.summary.Names, name) {
				rec.summary.Names = append(rec.summary.Names, name)
			}
		}
		for _, other := range e.Involves() {
			get(other)
		}
	}
	var out []events.EntitySummary
	for _, rec := range recs {
		out = append(out, rec.summary)
	}
	slices.SortFunc(out, func(a, b events.EntitySummary) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// Resolve matches the names events give their entity, the entity's id and the ids of the entities
// they involve, after events.NameKey.
func (m *model) Resolve(ctx context.Context, name string) ([]events.EntityID, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := []events.EntityID{}
	key := events.NameKey(name)
	if key == "" {
		return out, nil
	}
	for _, keys := range m.keys {
		for _, k := range keys {
			if k.key == key && !slices.Contains(out, k.id) {
				out = append(out, k.id)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

func (m *model) Scan(ctx context.Context, from uint64, fn func(events.Stored) error) error {
	m.mu.Lock()
	evs := m.applied()
	m.mu.Unlock()
	for _, st := range evs {
		if st.Seq < from {
			continue
		}
		if err := fn(st); err != nil {
			return err
		}
	}
	return nil
}

// Quarantined lists the entries Apply set aside, in sequence order, with their bytes as the log gave
// them (an event's wire encoding when the log gave an event), cut to events.MaxQuarantinedRaw.
func (m *model) Quarantined(ctx context.Context) ([]events.Quarantined, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := []events.Quarantined{}
	for _, x := range m.all {
		if x.q == "" {
			continue
		}
		raw := x.st.Raw
		if x.st.Err == nil {
			raw, _ = events.EncodeEvent(x.st.Event)
		}
		out = append(out, events.Quarantined{Seq: x.st.Seq, Entity: x.st.Event.Entity, Reason: x.q,
			Raw: raw[:min(len(raw), events.MaxQuarantinedRaw)], Size: len(raw)})
	}
	return out, nil
}

func (m *model) Close() error { return nil }
