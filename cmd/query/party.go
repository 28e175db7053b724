package main

import (
	"context"
	"fmt"

	"annals/history"
	"annals/nodeapi/wire"
	"annals/projections"
)

func (m *Main) party(c *common) func(ctx context.Context) error {
	c.remote = true
	at := c.fs.String("at", "", "only facts up to this `day`, YYYY-MM-DD, with the state on it")
	return func(ctx context.Context) error {
		day, err := parseAt(*at)
		if err != nil {
			return err
		}
		var a history.PartyAnswer
		var doc history.PartyDocument
		raw, err := c.answer(ctx, "party", wire.PartyRequest{Party: c.args[0], At: *at, ReadOptions: c.readOptions()}, &doc,
			func(h *history.Historian) (err error) { a, err = h.Party(ctx, c.args[0], day); return err })
		if err != nil {
			return err
		}
		if raw != nil {
			a = history.PartyAnswer{ID: doc.Party, Name: doc.Name, Kind: doc.Kind, Groups: doc.Groups}
			if doc.State != nil {
				a.State = *doc.State
			}
			a.State.Disputes = doc.Disputes
		}
		id, groups, st := a.ID, a.Groups, a.State
		var state *projections.PartyState
		if *at != "" {
			state = &st
		}
		if c.json {
			return m.writeDocument(raw, history.NewPartyDocument(a, day, *at != ""))
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
}
