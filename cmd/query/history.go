package main

import (
	"context"
	"errors"
	"fmt"

	"annals/events"
	"annals/history"

	"github.com/oklog/ulid/v2"
)

// historyChain is an event and everything that corrected or retracted it, and what it corrected.
type historyChain = history.Chain

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
	store, h, err := c.openHistorian()
	if err != nil {
		return err
	}
	defer store.Close()
	var chains []historyChain
	var entity events.EntityID
	var name string
	if *party != "" {
		var a history.HistoryAnswer
		a, err = h.History(ctx, *party)
		entity, name, chains = a.ID, a.Name, a.Chains
	} else {
		id, perr := ulid.ParseStrict(c.args[0])
		if perr != nil {
			return usageError{fmt.Sprintf("%q is not an event id: %v", c.args[0], perr)}
		}
		var chain historyChain
		chain, err = h.Chain(ctx, id)
		chains = []historyChain{chain}
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
	if c.json {
		return m.writeJSON(history.NewHistoryDocument(entity, chains))
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
