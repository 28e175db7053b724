package main

import (
	"context"
	"errors"
	"fmt"

	"annals/events"
	"annals/history"
	"annals/nodeapi/wire"

	"github.com/oklog/ulid/v2"
)

// historyChain is an event and everything that corrected or retracted it, and what it corrected.
type historyChain = history.Chain

func (m *Main) history(c *common) func(ctx context.Context) error {
	c.remote = true
	c.tables = true
	party := c.fs.String("party", "", "every chain of corrections of this party, and its disputes")
	return func(ctx context.Context) error {
		if (len(c.args) == 1) == (*party != "") || len(c.args) > 1 {
			c.fs.Usage()
			return usageError{Msg: "history needs one EVENT-ID or --party P"}
		}
		var id ulid.ULID
		if *party == "" {
			var perr error
			if id, perr = ulid.ParseStrict(c.args[0]); perr != nil {
				return usageError{Msg: fmt.Sprintf("%q is not an event id: %v", c.args[0], perr)}
			}
		}
		var chains []historyChain
		var entity events.EntityID
		var name string
		var doc history.HistoryDocument
		req := wire.HistoryRequest{Party: *party, ReadOptions: c.readOptions()}
		if *party == "" {
			req.Event = id.String()
		}
		raw, err := c.answer(ctx, "history", req, &doc, func(h *history.Historian) error {
			if *party != "" {
				a, err := h.History(ctx, *party)
				entity, name, chains = a.ID, a.Name, a.Chains
				return err
			}
			chain, err := h.Chain(ctx, id)
			chains = []historyChain{chain}
			return err
		})
		if raw != nil {
			entity, name, chains = doc.Party, doc.Name, doc.Chains
		}
		var left *history.LeftOutError
		switch {
		case errors.As(err, &left) && left.Drafted:
			return fmt.Errorf("event %s was drafted by a rule and --curated-only leaves it out: %w", left.ID, events.ErrNotFound)
		case errors.As(err, &left):
			return fmt.Errorf("event %s was recorded after %s: %w", left.ID, c.knownAtFlag, events.ErrNotFound)
		case err != nil:
			return err
		}
		if tabular(c.format) {
			return writeTable(m.Stdout, c.format, stepTable(chains))
		}
		if c.json {
			return m.writeDocument(raw, history.NewHistoryDocument(entity, name, chains))
		}
		if *party != "" {
			fmt.Fprintf(m.Stdout, "History of the record about %s [%s]: %d chains of corrections or disputes\n", name, entity, len(chains))
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
}
