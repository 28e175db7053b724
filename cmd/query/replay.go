package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"annals/events"
	"annals/projections"
)

// DefaultFollowInterval is how often `query replay --follow` looks for newly recorded events.
const DefaultFollowInterval = time.Second

func (m *Main) replay(ctx context.Context, args []string) error {
	c := m.flags("replay", "[--from DATE] [--to DATE] [--party P] [--follow] [flags]",
		"Plays the history in historical order, one change per line with its date and source: every fact in\n"+
			"force whose date may fall between --from and --to (EDTF dates; open if not given), of every party or\n"+
			"of one. --follow then waits for new events as they are recorded (like tail -f) and prints those in\n"+
			"range as they arrive, until interrupted. With --json, one JSON object a line.")
	fromFlag := c.fs.String("from", "", "only facts that may have happened on or after this EDTF `date`")
	toFlag := c.fs.String("to", "", "only facts that may have happened on or before this EDTF `date`")
	party := c.fs.String("party", "", "only the facts about or involving this party")
	follow := c.fs.Bool("follow", false, "keep waiting for new events")
	interval := c.fs.Duration("interval", DefaultFollowInterval, "with --follow: how often to look for new events")
	if err := c.parse(args); err != nil {
		return err
	}
	lo, hi := events.MinDay, events.MaxDay
	if *fromFlag != "" {
		d, err := events.ParseDate(*fromFlag)
		if err != nil {
			return usageError{fmt.Sprintf("--from: %v", err)}
		}
		lo = d.Earliest()
	}
	if *toFlag != "" {
		d, err := events.ParseDate(*toFlag)
		if err != nil {
			return usageError{fmt.Sprintf("--to: %v", err)}
		}
		hi = d.Latest()
	}
	if lo > hi {
		return usageError{fmt.Sprintf("--from %s is after --to %s", *fromFlag, *toFlag)}
	}
	if *follow && !c.knownAt.IsZero() {
		return usageError{"--follow waits for new events; it cannot go with --known-at"}
	}
	inRange := func(e events.Event) bool {
		return e.Type != events.TypeDocumentRecorded && !undatedEvent(e) && e.Date.Latest() >= lo && e.Date.Earliest() <= hi
	}
	store, dir, err := c.openDirectory(ctx)
	if err != nil {
		return err
	}
	var entity events.EntityID
	var evs []events.Event
	var last uint64
	if *party != "" {
		if entity, err = dir.resolve(ctx, store, *party, events.KindParty, events.KindOrganisation); err == nil {
			var stored []events.Stored
			if stored, err = store.EntityEvents(ctx, entity); err == nil {
				evs = c.effective(stored)
			}
		}
	} else {
		var all []events.Stored
		err = store.Scan(ctx, 1, func(st events.Stored) error {
			all = append(all, st)
			return nil
		})
		evs = c.effective(all)
	}
	if err == nil {
		last, err = store.LastSeq(ctx)
	}
	if err != nil {
		store.Close()
		return err
	}
	var play []events.Event
	for _, e := range evs {
		if inRange(e) {
			play = append(play, e)
		}
	}
	sort.SliceStable(play, func(i, j int) bool {
		if c := play[i].Date.Compare(play[j].Date); c != 0 {
			return c < 0
		}
		return play[i].ID.Compare(play[j].ID) < 0
	})
	print := func(e events.Event) error {
		entry := projections.NewEntry(e, events.MaxDay, dir.name)
		if c.json {
			data, err := json.Marshal(entry)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(m.Stdout, "%s\n", data)
			return err
		}
		_, err := fmt.Fprintf(m.Stdout, "%-12s %s%s  [%s: %q]\n", e.Date, entry.Summary, draftedMark(e.Method), e.Source.Label(), events.FoldSpace(e.Source.Quote))
		return err
	}
	for _, e := range play {
		if err := print(e); err != nil {
			store.Close()
			return err
		}
	}
	// The directory reads names from the store: it stays open until the answer is printed.
	store.Close()
	if !*follow {
		return nil
	}
	// Follow: reopen the store now and then (a running recorder holds it while it writes) and print
	// what was applied since.
	ticker := time.NewTicker(*interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
		store, err := c.open()
		if errors.Is(err, events.ErrInUse) {
			continue
		}
		if err != nil {
			return err
		}
		dir.use(store)
		err = store.Scan(ctx, last+1, func(st events.Stored) error {
			last = st.Seq
			e := st.Event
			if !inRange(e) || e.Type == events.TypeRecordRetracted || !c.counts(e) {
				return nil
			}
			if entity != "" && e.Entity != entity && !involves(e, entity) {
				return nil
			}
			return print(e)
		})
		store.Close()
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
}

func involves(e events.Event, id events.EntityID) bool {
	for _, o := range e.Involves() {
		if o == id {
			return true
		}
	}
	return false
}
