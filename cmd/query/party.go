package main

import (
	"context"
	"fmt"

	"annals/history"
	"annals/projections"
)

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
	store, h, err := c.openHistorian()
	if err != nil {
		return err
	}
	defer store.Close()
	a, err := h.Party(ctx, c.args[0], day)
	if err != nil {
		return err
	}
	id, groups, st := a.ID, a.Groups, a.State
	var state *projections.PartyState
	if *at != "" {
		state = &st
	}
	if c.json {
		return m.writeJSON(history.NewPartyDocument(a, day, *at != ""))
	}
	fmt.Fprintf(m.Stdout, "%s [%s], %s", a.Name, id, a.Kind)
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
