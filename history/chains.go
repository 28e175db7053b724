package history

import (
	"context"
	"fmt"
	"sort"
	"time"

	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

// Step is one event of a chain of corrections, in recorded order.
type Step struct {
	Action       string          `json:"action"` // recorded, corrected, retracted
	EventID      ulid.ULID       `json:"event_id"`
	Recorded     string          `json:"recorded"`
	Type         events.Type     `json:"type"`
	Entity       events.EntityID `json:"entity"`
	Date         string          `json:"date"`
	Summary      string          `json:"summary"`
	Supersedes   []ulid.ULID     `json:"supersedes,omitempty"`
	SupersededBy []ulid.ULID     `json:"superseded_by,omitempty"`
	Reason       string          `json:"reason,omitempty"`
	Source       events.Source   `json:"source"`
	Method       string          `json:"method,omitempty"` // "drafted" for a fact a rule drafted (events.Fact.Method)
	Rule         string          `json:"rule,omitempty"`   // the rule that drafted it
}

// Chain is an event and everything that corrected or retracted it, and what it corrected, with the
// disputes one of its events is a claim in.
type Chain struct {
	Steps    []Step                `json:"steps"`
	Disputes []projections.Dispute `json:"disputes"`
}

// LeftOutError is returned by Chain when the event asked about is not part of the record the answer
// is about: recorded after Options.KnownAt, or drafted by a rule with Options.CuratedOnly. It wraps
// events.ErrNotFound.
type LeftOutError struct {
	ID      ulid.ULID
	Drafted bool      // drafted by a rule, and the answer is curated only
	KnownAt time.Time // otherwise: recorded after this time
}

// Error says which event is left out and why.
func (e *LeftOutError) Error() string {
	if e.Drafted {
		return fmt.Sprintf("event %s was drafted by a rule and a curated-only answer leaves it out: %v", e.ID, events.ErrNotFound)
	}
	return fmt.Sprintf("event %s was recorded after %s: %v", e.ID, e.KnownAt.Format(time.RFC3339Nano), events.ErrNotFound)
}

// Unwrap returns events.ErrNotFound.
func (e *LeftOutError) Unwrap() error { return events.ErrNotFound }

// Chain gathers, from one event, everything linked to it by supersession in either direction (as the
// record stood at KnownAt), in recorded order. An event the store does not hold is an error wrapping
// events.ErrNotFound; one the answer leaves out a *LeftOutError.
func (h *Historian) Chain(ctx context.Context, id ulid.ULID) (Chain, error) {
	ch, err := h.chain(ctx, id)
	return ch, h.done(err)
}

func (h *Historian) chain(ctx context.Context, start ulid.ULID) (Chain, error) {
	store := h.store()
	seen := map[ulid.ULID]events.Event{}
	queue := []ulid.ULID{start}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if _, ok := seen[id]; ok {
			continue
		}
		st, err := store.Event(ctx, id)
		if err != nil {
			return Chain{}, err
		}
		if !h.known(st) {
			if id == start {
				return Chain{}, &LeftOutError{ID: id, Drafted: !h.counts(st.Event), KnownAt: h.opts.KnownAt}
			}
			continue
		}
		seen[id] = st.Event
		queue = append(queue, st.Event.Supersedes...)
		by, err := store.SupersededBy(ctx, []ulid.ULID{id})
		if err != nil {
			return Chain{}, err
		}
		queue = append(queue, by[id]...)
	}
	var evs []events.Event
	for _, e := range seen {
		evs = append(evs, e)
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].ID.Compare(evs[j].ID) < 0 })
	supersededBy := map[ulid.ULID][]ulid.ULID{}
	for _, e := range evs {
		for _, t := range e.Supersedes {
			supersededBy[t] = append(supersededBy[t], e.ID)
		}
	}
	names := h.names(ctx)
	ch := Chain{Disputes: []projections.Dispute{}}
	for _, e := range evs {
		step := Step{Action: "recorded", EventID: e.ID, Recorded: e.Recorded.Format("2006-01-02T15:04:05Z"),
			Type: e.Type, Entity: e.Entity, Date: e.Date.String(), Summary: projections.Describe(e, names),
			SupersededBy: supersededBy[e.ID], Reason: e.Reason, Source: e.Source, Method: e.Method, Rule: e.Rule}
		switch {
		case e.Type == events.TypeRecordRetracted:
			step.Action = "retracted"
		case e.IsCorrection():
			step.Action = "corrected"
		}
		step.Supersedes = e.Supersedes
		ch.Steps = append(ch.Steps, step)
	}
	// The disputes any of the chain's events is a claim in, among its entity's facts in force.
	inChain := map[ulid.ULID]bool{}
	for _, e := range evs {
		inChain[e.ID] = true
	}
	entity := evs[0].Entity
	stored, err := store.EntityEvents(ctx, entity)
	if err != nil {
		return Chain{}, err
	}
	st := projections.Party(entity, h.effective(stored), events.MaxDay, names)
	for _, d := range st.Disputes {
		for _, cl := range d.Claims {
			if inChain[cl.EventID] {
				ch.Disputes = append(ch.Disputes, d)
				break
			}
		}
	}
	return ch, nil
}

// HistoryAnswer is every chain of corrections of an entity's events, then one chain per dispute
// among its facts in force that no chain shows, in recorded order of their first event.
type HistoryAnswer struct {
	ID     events.EntityID
	Name   string
	Chains []Chain
}

// History returns the chains of the party, organisation or person a name means.
func (h *Historian) History(ctx context.Context, name string) (HistoryAnswer, error) {
	a, err := h.history(ctx, name)
	return a, h.done(err)
}

func (h *Historian) history(ctx context.Context, name string) (HistoryAnswer, error) {
	id, err := h.resolve(ctx, name, events.KindParty, events.KindOrganisation, events.KindPerson)
	if err != nil {
		return HistoryAnswer{}, err
	}
	store := h.store()
	stored, err := store.EntityEvents(ctx, id)
	if err != nil {
		return HistoryAnswer{}, err
	}
	var ids []ulid.ULID
	for _, st := range stored {
		if h.known(st) {
			ids = append(ids, st.Event.ID)
		}
	}
	by, err := store.SupersededBy(ctx, ids)
	if err != nil {
		return HistoryAnswer{}, err
	}
	covered := map[ulid.ULID]bool{}
	shown := map[string]bool{} // disputes already shown with a chain
	var chains []Chain
	sort.Slice(ids, func(i, j int) bool { return ids[i].Compare(ids[j]) < 0 })
	for _, eid := range ids {
		st, _ := store.Event(ctx, eid)
		if covered[eid] || (len(by[eid]) == 0 && !st.Event.IsCorrection()) {
			continue
		}
		ch, err := h.chain(ctx, eid)
		if err != nil {
			return HistoryAnswer{}, err
		}
		for _, s := range ch.Steps {
			covered[s.EventID] = true
		}
		for _, d := range ch.Disputes {
			shown[d.Field] = true
		}
		chains = append(chains, ch)
	}
	names := h.names(ctx)
	st := projections.Party(id, h.effective(stored), events.MaxDay, names)
	for _, d := range st.Disputes {
		if !shown[d.Field] {
			chains = append(chains, Chain{Steps: []Step{}, Disputes: []projections.Dispute{d}})
		}
	}
	return HistoryAnswer{ID: id, Name: names(id), Chains: chains}, nil
}
