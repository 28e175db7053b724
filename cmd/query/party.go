package main

import (
	"context"
	"fmt"

	"annals/events"
	"annals/projections"
)

// The groups of `query party`, in the order they are shown, and the event types in each.
var partyGroups = []struct {
	name  string
	types []events.Type
}{
	{"names", []events.Type{events.TypeEntityNamed, events.TypePartyRenamed}},
	{"life", []events.Type{events.TypePartyFounded, events.TypePartyMerged, events.TypePartySplit, events.TypePartySucceeded,
		events.TypePartyDeclaredIllegal, events.TypePartyBanned, events.TypePartyDissolved, events.TypePartyCeased,
		events.TypePartyPositionsLost, events.TypePartyOfficialsBanned, events.TypePartyBoycotted, events.TypePartyControlledArea}},
	{"leaders", []events.Type{events.TypeLeaderTookOffice, events.TypeLeaderLeftOffice}},
	{"committees", []events.Type{events.TypeCommitteeMember}},
	{"ideas", []events.Type{events.TypePartyIdeology, events.TypePartyPosition, events.TypePartyPlatform}},
	{"ties", []events.Type{events.TypePartyWing, events.TypePartyAffiliation}},
	{"elections", []events.Type{events.TypeElectionResult}},
}

// partyGroup is one group of `query party` in JSON.
type partyGroup struct {
	Group  string              `json:"group"`
	Events []projections.Entry `json:"events"`
}

func groupOf(t events.Type) string {
	for _, g := range partyGroups {
		for _, gt := range g.types {
			if gt == t {
				return g.name
			}
		}
	}
	if t == events.TypeDocumentRecorded {
		return ""
	}
	return "other facts"
}

func (m *Main) party(ctx context.Context, args []string) error {
	c := m.flags("party", "P [--at DATE] [flags]",
		"Prints everything the record holds about one party (or organisation), grouped, with sources:\n"+
			"names, life (founding, mergers, splits, successions, bans), leaders, committees, ideas, ties,\n"+
			"elections and other facts, then the disputes. With --at, only what had or may have happened by\n"+
			"that day, and the party's state on it.")
	at := c.fs.String("at", "", "only facts up to this `day`, YYYY-MM-DD, with the state on it")
	if err := c.parseArgs(args, 1); err != nil {
		return err
	}
	day, err := parseAt(*at)
	if err != nil {
		return err
	}
	store, dir, err := c.openDirectory(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	id, err := dir.resolve(ctx, store, c.args[0], events.KindParty, events.KindOrganisation)
	if err != nil {
		return err
	}
	id, evs, err := c.group(ctx, store, id)
	if err != nil {
		return err
	}
	byGroup := map[string][]projections.Entry{}
	for _, e := range evs {
		if e.Date.Relation(day) == events.DateAfter {
			continue
		}
		if g := groupOf(e.Type); g != "" {
			byGroup[g] = append(byGroup[g], projections.NewEntry(e, day, dir.name))
		}
	}
	var groups []partyGroup
	for _, g := range append(partyGroupNames(), "other facts") {
		if len(byGroup[g]) > 0 {
			groups = append(groups, partyGroup{Group: g, Events: byGroup[g]})
		}
	}
	st := projections.Party(id, evs, day, dir.name)
	var state *projections.PartyState
	if *at != "" {
		state = &st
	}
	if c.json {
		return m.writeJSON(struct {
			Party    events.EntityID         `json:"party"`
			Name     string                  `json:"name"`
			Kind     events.Kind             `json:"kind"`
			AsOf     string                  `json:"as_of,omitempty"`
			State    *projections.PartyState `json:"state,omitempty"`
			Groups   []partyGroup            `json:"groups"`
			Disputes []projections.Dispute   `json:"disputes"`
		}{id, dir.name(id), dir.kind(id), optionalDay(*at, day), state, nonNil(groups), st.Disputes})
	}
	fmt.Fprintf(m.Stdout, "%s [%s], %s", dir.name(id), id, dir.kind(id))
	if *at != "" {
		fmt.Fprintf(m.Stdout, ", as of %s", day)
	}
	fmt.Fprintln(m.Stdout)
	if state != nil {
		fmt.Fprintln(m.Stdout)
		writeState(m.Stdout, *state)
	}
	for _, g := range groups {
		fmt.Fprintf(m.Stdout, "\n== %s (%d)\n", g.Group, len(g.Events))
		writeHistory(m.Stdout, g.Events)
	}
	if len(st.Disputes) > 0 && state == nil {
		fmt.Fprintf(m.Stdout, "\n== disputes (%d)\n%s\n", len(st.Disputes), disputesText(st.Disputes))
	}
	return nil
}

func partyGroupNames() []string {
	var out []string
	for _, g := range partyGroups {
		out = append(out, g.name)
	}
	return out
}

func optionalDay(flag string, day events.Day) string {
	if flag == "" {
		return ""
	}
	return day.String()
}
