package history

import (
	"context"
	"errors"
	"io"
	"slices"
	"sort"
	"time"

	"annals/events"
	"annals/projections"
)

// DefaultFollowInterval is how often Follow looks for newly recorded events.
const DefaultFollowInterval = time.Second

// ReplayQuery selects the facts of a replay: those whose dates may fall between From and To
// (inclusive; events.MinDay and events.MaxDay leave a side open), of every entity or, with Entity (an
// id or any name of a party or organisation), of one. Documents and undated facts are left out.
type ReplayQuery struct {
	Entity   string
	From, To events.Day
}

func (q ReplayQuery) inRange(e events.Event) bool {
	return e.Type != events.TypeDocumentRecorded && !undated(e) && e.Date.Latest() >= q.From && e.Date.Earliest() <= q.To
}

// Replayed is the history a replay played, and where Follow goes on from.
type Replayed struct {
	Entity  events.EntityID     // the entity Entity means; empty for every entity
	Entries []projections.Entry // in historical order (earliest date, then event id)
	Last    uint64              // the sequence of the last event applied when the replay read the store
}

// Replay returns the facts in force a query selects, in historical order.
func (h *Historian) Replay(ctx context.Context, q ReplayQuery) (Replayed, error) {
	r, err := h.replay(ctx, q)
	return r, h.done(err)
}

func (h *Historian) replay(ctx context.Context, q ReplayQuery) (Replayed, error) {
	store := h.store()
	var r Replayed
	var evs []events.Event
	if q.Entity != "" {
		id, err := h.resolve(ctx, q.Entity, events.KindParty, events.KindOrganisation)
		if err != nil {
			return Replayed{}, err
		}
		stored, err := store.EntityEvents(ctx, id)
		if err != nil {
			return Replayed{}, err
		}
		r.Entity, evs = id, h.effective(stored)
	} else {
		var all []events.Stored
		err := store.Scan(ctx, 1, func(st events.Stored) error {
			all = append(all, st)
			return nil
		})
		if err != nil {
			return Replayed{}, err
		}
		evs = h.effective(all)
	}
	last, err := store.LastSeq(ctx)
	if err != nil {
		return Replayed{}, err
	}
	r.Last = last
	var play []events.Event
	for _, e := range evs {
		if q.inRange(e) {
			play = append(play, e)
		}
	}
	sort.SliceStable(play, func(i, j int) bool {
		if c := play[i].Date.Compare(play[j].Date); c != 0 {
			return c < 0
		}
		return play[i].ID.Compare(play[j].ID) < 0
	})
	names := h.names(ctx)
	r.Entries = make([]projections.Entry, len(play))
	for i, e := range play {
		r.Entries[i] = projections.NewEntry(e, events.MaxDay, names)
	}
	return r, nil
}

// Follow goes on from a replay: every interval it opens the store with open (a running writer holds
// it while it writes: an open that fails with events.ErrInUse is tried again at the next tick), calls
// fn with each event applied since, in the order applied, that the query selects (retractions and,
// with CuratedOnly, drafted facts left out), and closes the store again if it is an io.Closer. It
// returns nil when ctx is done, or the first error of open, a read or fn. Follow answers for the
// record as it grows: it cannot go with KnownAt.
func (h *Historian) Follow(ctx context.Context, q ReplayQuery, since Replayed, interval time.Duration, open func() (events.Reader, error), fn func(projections.Entry) error) error {
	if !h.opts.KnownAt.IsZero() {
		return errors.New("follow waits for new events: it cannot answer as known at an earlier time")
	}
	last := since.Last
	names := h.names(ctx)
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
		store, err := open()
		if errors.Is(err, events.ErrInUse) {
			continue
		}
		if err != nil {
			return err
		}
		h.Use(store)
		err = store.Scan(ctx, last+1, func(st events.Stored) error {
			last = st.Seq
			e := st.Event
			if !q.inRange(e) || e.Type == events.TypeRecordRetracted || !h.counts(e) {
				return nil
			}
			if since.Entity != "" && e.Entity != since.Entity && !slices.Contains(e.Involves(), since.Entity) {
				return nil
			}
			entry := projections.NewEntry(e, events.MaxDay, names)
			if err := h.dir.takeErr(); err != nil {
				return err
			}
			return fn(entry)
		})
		if c, ok := store.(io.Closer); ok {
			c.Close()
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
}
