package main

import (
	"context"
	"sort"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

// readIdentity returns which entities are one as the record stood at knownAt (zero: now), as
// projections.Identities decides it from the links (entity.same_as/v1) among the events of the
// entities in have (id → its stored events) and the corrections and retractions of those links.
// It follows each link to the entity it joins, reading that entity's events into have, until no link
// leads to an entity not read: every member of a group of an entity in have is in have when it
// returns.
func readIdentity(ctx context.Context, store *boltstore.Store, knownAt time.Time, have map[events.EntityID][]events.Stored) (projections.Identity, error) {
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

// unionOf returns the facts in force at --known-at about the members of id's group, relabelled to
// its canonical id (see projections.Identity.Union), with that id. have holds every member's events.
func (c *common) unionOf(ident projections.Identity, id events.EntityID, have map[events.EntityID][]events.Stored) (events.EntityID, []events.Event) {
	canon := ident.Canonical(id)
	var lists [][]events.Event
	for _, m := range ident.Members(canon) {
		lists = append(lists, eventsOf(have[m]))
	}
	return canon, c.inForce(ident.Union(lists...))
}

// group returns the entity the record answers for when asked about id, as it stood at --known-at:
// the canonical id of the entities a merge joins id to (id itself when none does), and the facts in
// force about all of them, relabelled to that id.
func (c *common) group(ctx context.Context, store *boltstore.Store, id events.EntityID) (events.EntityID, []events.Event, error) {
	stored, err := store.EntityEvents(ctx, id)
	if err != nil {
		return "", nil, err
	}
	if !hasLink(eventsOf(stored)) {
		return id, c.effective(stored), nil
	}
	have := map[events.EntityID][]events.Stored{id: stored}
	ident, err := readIdentity(ctx, store, c.knownAt, have)
	if err != nil {
		return "", nil, err
	}
	canon, evs := c.unionOf(ident, id, have)
	return canon, evs, nil
}
