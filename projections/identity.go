package projections

import (
	"slices"
	"time"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// Identity says which entity ids of the record are one entity: those an entity.same_as/v1 event in
// force joins, transitively. Each group is shown under one id, its canonical id: the entity of the
// earliest link of the group (the first id a person's merge names). The zero Identity joins nothing.
// An Identity is safe for concurrent reads.
type Identity struct {
	canon   map[events.EntityID]events.EntityID   // member → canonical, for members of a group only
	members map[events.EntityID][]events.EntityID // canonical → members, canonical first, then by id
}

// Identities returns the identity that the entity.same_as/v1 events among evs establish as the record
// stood at the recorded time t (zero: now): a link joins its two entities when Effective(evs, t) keeps
// it, that is when it was recorded by t and no correction or retraction known by t supersedes it. evs
// must hold those corrections and retractions; other events are ignored. Links are taken in the order
// the record learned them (their ids): a link between two groups keeps the canonical id of the group
// formed first, and a link that joins two lone entities makes its own entity canonical.
func Identities(evs []events.Event, t time.Time) Identity {
	var links []events.Event
	for _, e := range Effective(evs, t) {
		if _, ok := e.Payload.(events.EntitySameAs); ok {
			links = append(links, e)
		}
	}
	if len(links) == 0 {
		return Identity{}
	}
	slices.SortFunc(links, func(a, b events.Event) int { return a.ID.Compare(b.ID) })
	parent := map[events.EntityID]events.EntityID{}
	var find func(id events.EntityID) events.EntityID
	find = func(id events.EntityID) events.EntityID {
		p, ok := parent[id]
		if !ok || p == id {
			return id
		}
		root := find(p)
		parent[id] = root
		return root
	}
	formed := map[events.EntityID]int{} // root of a group → 1 + the index of the group's first link
	for n, e := range links {
		a, b := find(e.Entity), find(e.Payload.(events.EntitySameAs).Other)
		if a == b {
			continue
		}
		if fb := formed[b]; fb > 0 && (formed[a] == 0 || fb < formed[a]) {
			a, b = b, a
		}
		if formed[a] == 0 {
			formed[a] = n + 1
		}
		parent[b], parent[a] = a, a
		delete(formed, b)
	}
	id := Identity{canon: map[events.EntityID]events.EntityID{}, members: map[events.EntityID][]events.EntityID{}}
	for m := range parent {
		root := find(m)
		id.canon[m] = root
		id.members[root] = append(id.members[root], m)
	}
	for root, ms := range id.members {
		slices.SortFunc(ms, func(a, b events.EntityID) int {
			switch {
			case a == root:
				return -1
			case b == root:
				return 1
			case a < b:
				return -1
			case a > b:
				return 1
			}
			return 0
		})
	}
	return id
}

// Canonical returns the id the entity is shown under: its group's canonical id, or id itself when no
// link in force joins it to another.
func (i Identity) Canonical(id events.EntityID) events.EntityID {
	if c, ok := i.canon[id]; ok {
		return c
	}
	return id
}

// Members returns the ids that are one entity with id, the canonical id first, then the others by id;
// just id when no link joins it to another. The caller must not change the slice.
func (i Identity) Members(id events.EntityID) []events.EntityID {
	if ms, ok := i.members[i.Canonical(id)]; ok {
		return ms
	}
	return []events.EntityID{id}
}

// Joined reports whether a link in force joins id to another entity.
func (i Identity) Joined(id events.EntityID) bool { _, ok := i.canon[id]; return ok }

// Relabel returns e about its canonical entity, with every entity it involves named by its canonical
// id too, so that a fold about the canonical id reads the events of every member as its own. A link
// (entity.same_as/v1) keeps the other id it names.
func (i Identity) Relabel(e events.Event) events.Event {
	if len(i.canon) == 0 {
		return e
	}
	e.Entity = i.Canonical(e.Entity)
	if _, link := e.Payload.(events.EntitySameAs); !link { // a link keeps the id it joins, to be shown
		e.Payload = events.MapRefs(e.Payload, i.Canonical)
	}
	return e
}

// Union returns the events of the lists, each event once (the events of two members share the events
// that involve both), in historical order (date, then the order the record learned them), relabelled
// (see Relabel).
func (i Identity) Union(lists ...[]events.Event) []events.Event {
	seen := map[ulid.ULID]bool{}
	var out []events.Event
	for _, evs := range lists {
		for _, e := range evs {
			if !seen[e.ID] {
				seen[e.ID] = true
				out = append(out, i.Relabel(e))
			}
		}
	}
	return sorted(out)
}
