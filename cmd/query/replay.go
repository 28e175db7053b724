package main

import (
	"context"
	"encoding/json"
	"fmt"

	"annals/events"
	"annals/history"
	"annals/projections"
)

// DefaultFollowInterval is how often `query replay --follow` looks for newly recorded events.
const DefaultFollowInterval = history.DefaultFollowInterval

func (m *Main) replay(c *common) func(ctx context.Context) error {
	span := c.period("facts")
	party := c.fs.String("party", "", "only the facts about or involving this party")
	follow := c.fs.Bool("follow", false, "keep waiting for new events")
	interval := c.fs.Duration("interval", DefaultFollowInterval, "with --follow: how often to look for new events")
	return func(ctx context.Context) error {
		lo, hi, _, err := span.days()
		if err != nil {
			return err
		}
		if *follow && !c.knownAt.IsZero() {
			return usageError{Msg: "--follow waits for new events; it cannot go with --known-at"}
		}
		store, h, err := c.openHistorian()
		if err != nil {
			return err
		}
		q := history.ReplayQuery{Entity: *party, From: lo, To: hi}
		r, err := h.Replay(ctx, q)
		store.Close()
		if err != nil {
			return err
		}
		print := func(entry projections.Entry) error {
			if c.json {
				data, err := json.Marshal(entry)
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(m.Stdout, "%s\n", data)
				return err
			}
			_, err := fmt.Fprintf(m.Stdout, "%-12s %s%s  [%s: %q]\n", entry.Date, entry.Summary, draftedMark(entry.Method), entry.Source.Label(), events.FoldSpace(entry.Source.Quote))
			return err
		}
		for _, e := range r.Entries {
			if err := print(e); err != nil {
				return err
			}
		}
		if !*follow {
			return nil
		}
		// Follow: reopen the store now and then (a running recorder holds it while it writes) and print
		// what was applied since.
		open := func() (events.Reader, error) {
			store, err := c.open()
			if err != nil {
				return nil, err
			}
			return store, nil
		}
		return h.Follow(ctx, q, r, *interval, open, print)
	}
}
