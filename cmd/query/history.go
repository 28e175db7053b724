package main

import (
	"context"
	"fmt"
	"sort"

	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

// historyStep is one event of a chain of corrections, in recorded order.
type historyStep struct {
	Action       string          `json:"action"` // recorded, corrected, retracted
	EventID      string          `json:"event_id"`
	Recorded     string          `json:"recorded"`
	Type         events.Type     `json:"type"`
	Entity       events.EntityID `json:"entity"`
	Date         string          `json:"date"`
	Summary      string          `json:"summary"`
	Supersedes   []string        `json:"supersedes,omitempty"`
	SupersededBy []string        `json:"superseded_by,omitempty"`
	Reason       string          `json:"reason,omitempty"`
	Source       events.Source   `json:"source"`
	Method       string          `json:"method,omitempty"` // "drafted" for a fact a rule drafted (events.Fact.Method)
	Rule         string          `json:"rule,omitempty"`   // the rule that drafted it
}

// historyChain is an event and everything that corrected or retracted it, and what it corrected.
type historyChain struct {
	Steps    []historyStep         `json:"steps"`
	Disputes []projections.Dispute `json:"disputes"` // disputes one of the chain's events is a claim in
}

func (m *Main) history(ctx context.Context, args []string) error {
	c := m.flags("history", "EVENT-ID | --party P [flags]",
		"Prints the chain of an event: what it corrected, everything that corrected, retracted or disputed it,\n"+
			"in recorded order, with reasons and sources. With --party, every such chain of a party.")
	party := c.fs.String("party", "", "every chain of corrections of this party, and its disputes")
	if err := c.parseArgs(args, -1); err != nil {
		return err
	}
	if (len(c.args) == 1) == (*party != "") || len(c.args) > 1 {
		c.fs.Usage()
		return usageError{"history needs one EVENT-ID or --party P"}
	}
	store, dir, err := c.openDirectory(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	h := historian{ctx: ctx, store: store, dir: dir, c: c}
	var chains []historyChain
	var entity events.EntityID
	if *party != "" {
		entity, err = dir.resolve(ctx, store, *party, events.KindParty, events.KindOrganisation, events.KindPerson)
		if err != nil {
			return err
		}
		chains, err = h.entityChains(entity)
	} else {
		id, perr := ulid.ParseStrict(c.args[0])
		if perr != nil {
			return usageError{fmt.Sprintf("%q is not an event id: %v", c.args[0], perr)}
		}
		var chain historyChain
		chain, err = h.chain(id)
		chains = []historyChain{chain}
	}
	if err != nil {
		return err
	}
	if c.json {
		return m.writeJSON(struct {
			Party  events.EntityID `json:"party,omitempty"`
			Chains []historyChain  `json:"chains"`
		}{entity, nonNil(chains)})
	}
	if *party != "" {
		fmt.Fprintf(m.Stdout, "History of the record about %s [%s]: %d chains of corrections or disputes\n", dir.name(entity), entity, len(chains))
	}
	for i, ch := range chains {
		if i > 0 || *party != "" {
			fmt.Fprintln(m.Stdout)
		}
		for _, s := range ch.Steps {
			fmt.Fprintf(m.Stdout, "%s  %-9s %s  %s\n", s.Recorded, s.Action, s.EventID, s.Summary)
			fmt.Fprintf(m.Stdout, "%26s dated %s; %s%s: %q\n", "", s.Date, s.Source.Label(), draftedMark(s.Method), events.FoldSpace(s.Source.Quote))
			if s.Reason != "" {
				fmt.Fprintf(m.Stdout, "%26s reason: %s\n", "", s.Reason)
			}
			for _, by := range s.SupersededBy {
				fmt.Fprintf(m.Stdout, "%26s superseded by %s\n", "", by)
			}
		}
		if len(ch.Disputes) > 0 {
			fmt.Fprintf(m.Stdout, "disputed:\n%s\n", indent(disputesText(ch.Disputes), "  "))
		}
	}
	return nil
}

type historian struct {
	ctx   context.Context
	store interface {
		Event(context.Context, ulid.ULID) (events.Stored, error)
		SupersededBy(context.Context, []ulid.ULID) (map[ulid.ULID][]ulid.ULID, error)
		EntityEvents(context.Context, events.EntityID) ([]events.Stored, error)
	}
	dir *directory
	c   *common
}

// chain gathers, from one event, everything linked to it by supersession in either direction (as the
// record stood at --known-at), in recorded order.
func (h historian) chain(start ulid.ULID) (historyChain, error) {
	seen := map[ulid.ULID]events.Event{}
	queue := []ulid.ULID{start}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if _, ok := seen[id]; ok {
			continue
		}
		st, err := h.store.Event(h.ctx, id)
		if err != nil {
			return historyChain{}, err
		}
		if !h.c.known(st) {
			switch {
			case id != start:
			case !h.c.counts(st.Event):
				return historyChain{}, fmt.Errorf("event %s was drafted by a rule and --curated-only leaves it out: %w", id, events.ErrNotFound)
			default:
				return historyChain{}, fmt.Errorf("event %s was recorded after %s: %w", id, h.c.knownAtFlag, events.ErrNotFound)
			}
			continue
		}
		seen[id] = st.Event
		queue = append(queue, st.Event.Supersedes...)
		by, err := h.store.SupersededBy(h.ctx, []ulid.ULID{id})
		if err != nil {
			return historyChain{}, err
		}
		queue = append(queue, by[id]...)
	}
	var evs []events.Event
	for _, e := range seen {
		evs = append(evs, e)
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].ID.Compare(evs[j].ID) < 0 })
	supersededBy := map[ulid.ULID][]string{}
	for _, e := range evs {
		for _, t := range e.Supersedes {
			supersededBy[t] = append(supersededBy[t], e.ID.String())
		}
	}
	ch := historyChain{Disputes: []projections.Dispute{}}
	for _, e := range evs {
		step := historyStep{Action: "recorded", EventID: e.ID.String(), Recorded: e.Recorded.Format("2006-01-02T15:04:05Z"),
			Type: e.Type, Entity: e.Entity, Date: e.Date.String(), Summary: projections.Describe(e, h.dir.name),
			SupersededBy: supersededBy[e.ID], Reason: e.Reason, Source: e.Source, Method: e.Method, Rule: e.Rule}
		switch {
		case e.Type == events.TypeRecordRetracted:
			step.Action = "retracted"
		case e.IsCorrection():
			step.Action = "corrected"
		}
		for _, t := range e.Supersedes {
			step.Supersedes = append(step.Supersedes, t.String())
		}
		ch.Steps = append(ch.Steps, step)
	}
	// The disputes any of the chain's events is a claim in, among its entity's facts in force.
	inChain := map[string]bool{}
	for _, e := range evs {
		inChain[e.ID.String()] = true
	}
	entity := evs[0].Entity
	stored, err := h.store.EntityEvents(h.ctx, entity)
	if err != nil {
		return historyChain{}, err
	}
	st := projections.Party(entity, h.c.effective(stored), events.MaxDay, h.dir.name)
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

// entityChains returns every chain of corrections touching an entity's events, then one chain per
// dispute among its facts in force, in recorded order of their first event.
func (h historian) entityChains(id events.EntityID) ([]historyChain, error) {
	stored, err := h.store.EntityEvents(h.ctx, id)
	if err != nil {
		return nil, err
	}
	var ids []ulid.ULID
	for _, st := range stored {
		if h.c.known(st) {
			ids = append(ids, st.Event.ID)
		}
	}
	by, err := h.store.SupersededBy(h.ctx, ids)
	if err != nil {
		return nil, err
	}
	covered := map[ulid.ULID]bool{}
	shown := map[string]bool{} // disputes already shown with a chain
	var chains []historyChain
	sort.Slice(ids, func(i, j int) bool { return ids[i].Compare(ids[j]) < 0 })
	for _, eid := range ids {
		st, _ := h.store.Event(h.ctx, eid)
		if covered[eid] || (len(by[eid]) == 0 && !st.Event.IsCorrection()) {
			continue
		}
		ch, err := h.chain(eid)
		if err != nil {
			return nil, err
		}
		for _, s := range ch.Steps {
			covered[ulid.MustParseStrict(s.EventID)] = true
		}
		for _, d := range ch.Disputes {
			shown[d.Field] = true
		}
		chains = append(chains, ch)
	}
	st := projections.Party(id, h.c.effective(stored), events.MaxDay, h.dir.name)
	for _, d := range st.Disputes {
		if !shown[d.Field] {
			chains = append(chains, historyChain{Steps: []historyStep{}, Disputes: []projections.Dispute{d}})
		}
	}
	return chains, nil
}
