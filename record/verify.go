package record

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"annals/events"
)

// InfoLog is a log that tells its identity and extent (jetlog.Log does).
type InfoLog interface {
	events.Log
	// Info returns the log's creation time and its first and last sequence.
	Info(ctx context.Context) (events.LogInfo, error)
}

// IdentityStore is a store that remembers the identity of the log it follows (boltstore.Store does).
type IdentityStore interface {
	events.Store
	// StreamIdentity returns the Created and FirstSeq recorded by SetStreamIdentity, and false if
	// none was.
	StreamIdentity(ctx context.Context) (events.LogInfo, bool, error)
	// SetStreamIdentity records info's Created and FirstSeq.
	SetStreamIdentity(ctx context.Context, info events.LogInfo) error
}

// Actions a divergence calls for, as Verify and CheckLog state them.
const (
	ActionReplay = "recorder replay"
	ActionExport = "recorder export --out FILE (keeps the events only the store holds), then recorder replay --force"
)

// adviceDiverged is what an error wrapping ErrDiverged tells the user to do.
const adviceDiverged = "nothing will be written until this is resolved. Run `recorder verify` to see every difference; " +
	"to keep the events only the store holds, `recorder export --out FILE` first; then restore the stream from a " +
	"complete copy, or rebuild the store from the stream as it is with `recorder replay --force` (losing those events " +
	"from the record, unless you `recorder import` the export into a new record)"

// CheckLog checks, before anything is written, that the log is the one the store follows and holds
// everything the store holds; it returns an error wrapping events.ErrDiverged, saying what happened
// and what to do, when the log was deleted and created again (another creation time than the one the
// store recorded), is empty while the store is not (lost), ends before the store's last sequence
// (restored from an older copy), or lost events from its start. An empty store, or one whose log is
// found to be its own, records the log's identity for the next check. A store that recorded none
// (written before stores remembered their log) is checked with Resumable: its last event must be the
// log's event at that sequence.
func CheckLog(ctx context.Context, log InfoLog, store IdentityStore) error {
	info, err := log.Info(ctx)
	if err != nil {
		return fmt.Errorf("check the stream: %w", err)
	}
	last, err := store.LastSeq(ctx)
	if err != nil {
		return fmt.Errorf("check the stream: %w", err)
	}
	id, known, err := store.StreamIdentity(ctx)
	if err != nil {
		return fmt.Errorf("check the stream: %w", err)
	}
	if last == 0 {
		if !known || !id.Created.Equal(info.Created) || id.FirstSeq != info.FirstSeq {
			return store.SetStreamIdentity(ctx, info)
		}
		return nil
	}
	if why := logDiverged(info, id, known, last); why != "" {
		return fmt.Errorf("%s; %s: %w", why, adviceDiverged, events.ErrDiverged)
	}
	if known {
		return nil
	}
	if err := Resumable(ctx, log, store, Until{}); err != nil {
		if errors.Is(err, events.ErrConflict) {
			return fmt.Errorf("the store does not follow this stream (%v); %s: %w", err, adviceDiverged, events.ErrDiverged)
		}
		return fmt.Errorf("check the stream: %w", err)
	}
	return store.SetStreamIdentity(ctx, info)
}

// logDiverged says how the log differs from the one a store holding events up to last follows, or
// returns "" when it does not.
func logDiverged(info, id events.LogInfo, known bool, last uint64) string {
	switch {
	case known && !id.Created.Equal(info.Created):
		return fmt.Sprintf("the stream was created at %s, but the store (%d events) follows the stream created at %s: "+
			"the stream was deleted and created again, and may hold none of the store's events",
			stamp(info.Created), last, stamp(id.Created))
	case info.LastSeq == 0:
		return fmt.Sprintf("the stream is empty but the store holds events up to seq %d: the stream was lost", last)
	case info.LastSeq < last:
		return fmt.Sprintf("the stream ends at seq %d, behind the store, which holds events up to seq %d: "+
			"the stream was restored from an older copy, and the store holds %d events it does not", info.LastSeq, last, last-info.LastSeq)
	case known && id.FirstSeq != 0 && info.FirstSeq > id.FirstSeq:
		return fmt.Sprintf("the stream now begins at seq %d, not at seq %d: events were removed from its start", info.FirstSeq, id.FirstSeq)
	}
	return ""
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// Kinds of divergence Verify reports.
const (
	DivergedStreamRecreated = "stream_recreated" // the stream was deleted and created again
	DivergedStreamLost      = "stream_lost"      // the stream is empty, the store is not
	DivergedStreamBehind    = "stream_behind"    // the store holds an event past the stream's last sequence
	DivergedStreamMissing   = "stream_missing"   // the store holds an event at a sequence the stream has no message at
	DivergedEventDiffers    = "event_differs"    // the stream and the store hold different events at one sequence
	DivergedStoreBehind     = "store_behind"     // the stream holds events past the store's last sequence
	DivergedStoreMissing    = "store_missing"    // the store lacks the stream's event at a sequence
	DivergedStoreDamaged    = "store_damaged"    // the store's event differs from the stream's, or cannot be read
	DivergedIndexDamaged    = "index_damaged"    // an index of the store disagrees with its events
)

// Divergence is one difference between the stream and the store, or inside the store.
type Divergence struct {
	Kind    string `json:"kind"`
	Seq     uint64 `json:"seq,omitempty"`
	EventID string `json:"event_id,omitempty"`
	Detail  string `json:"detail"`
	Action  string `json:"action"`
}

// stream reports whether the divergence is the stream's: it lacks, or differs from, what the store
// holds, so rebuilding the store from it would lose events.
func (d Divergence) stream() bool {
	switch d.Kind {
	case DivergedStreamRecreated, DivergedStreamLost, DivergedStreamBehind, DivergedStreamMissing, DivergedEventDiffers:
		return true
	}
	return false
}

// MaxDivergences is how many divergences a Report lists; it counts the rest.
const MaxDivergences = 1000

// Report is what Verify found.
type Report struct {
	Stream         events.LogInfo       // the stream as Verify found it
	Identity       events.LogInfo       // the stream the store follows: Created and FirstSeq, when Known
	IdentityKnown  bool                 // the store recorded the identity of its stream
	StoreLastSeq   uint64               // the store's last sequence
	Compared       uint64               // sequences compared between the stream and the store
	Divergences    []Divergence         // at most MaxDivergences
	Total          int                  // divergences found in all
	Quarantined    []events.Quarantined // the entries the store quarantined (not divergences)
	StreamDiverged bool                 // a divergence is the stream's: writing is refused, replay would lose events
}

// Clean reports whether nothing diverges.
func (r *Report) Clean() bool { return r.Total == 0 }

// Add records a divergence, keeping at most MaxDivergences.
func (r *Report) Add(d Divergence) {
	r.Total++
	if d.stream() {
		r.StreamDiverged = true
	}
	if len(r.Divergences) < MaxDivergences {
		r.Divergences = append(r.Divergences, d)
	}
}

// verifyWindow is how many sequences Verify compares at a time.
const verifyWindow = 2048

// Verify compares the stream and the store event by event: at each sequence, the same event (id, fact
// id, and the same wire encoding) or, where the store holds none, a fact it skipped as a duplicate or
// an entry it quarantined; beyond the shorter of the two, what only one holds. It also compares the
// stream's identity with the one the store recorded. Every divergence says what to do: the store's
// (behind, missing events, damaged) → recorder replay; the stream's (lost, recreated, behind the
// store, other events) → export the store's events before anything else. It writes nothing. Index
// checks are the store's own (boltstore.Store.CheckIndexes); the caller adds them with Report.Add.
func Verify(ctx context.Context, log InfoLog, store IdentityStore) (*Report, error) {
	r := &Report{}
	var err error
	if r.Stream, err = log.Info(ctx); err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	if r.StoreLastSeq, err = store.LastSeq(ctx); err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	if r.Identity, r.IdentityKnown, err = store.StreamIdentity(ctx); err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	if r.Quarantined, err = store.Quarantined(ctx); err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	if r.IdentityKnown && r.StoreLastSeq > 0 && !r.Identity.Created.Equal(r.Stream.Created) {
		r.Add(Divergence{Kind: DivergedStreamRecreated, Action: ActionExport,
			Detail: logDiverged(r.Stream, r.Identity, true, r.StoreLastSeq)})
	}
	if err := compare(ctx, log, store, r); err != nil {
		return nil, err
	}
	return r, nil
}

// compare walks the stream and the store side by side, a window at a time.
func compare(ctx context.Context, log events.Log, store events.Store, r *Report) error {
	quarantined := map[uint64]bool{}
	for _, q := range r.Quarantined {
		quarantined[q.Seq] = true
	}
	upTo := min(r.StoreLastSeq, r.Stream.LastSeq)
	var window []events.Stored
	flush := func() error {
		if len(window) == 0 {
			return nil
		}
		err := compareWindow(ctx, store, window, quarantined, r)
		window = window[:0]
		return err
	}
	if upTo > 0 {
		err := log.Read(ctx, 1, func(st events.Stored) error {
			if st.Seq > upTo {
				return errStop
			}
			window = append(window, st)
			if len(window) == verifyWindow {
				return flush()
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStop) {
			return fmt.Errorf("verify: read the stream: %w", err)
		}
		if err := flush(); err != nil {
			return err
		}
		r.Compared = upTo
	}
	// What only the store holds: events past the stream's end.
	if r.StoreLastSeq > r.Stream.LastSeq {
		kind := DivergedStreamBehind
		if r.Stream.LastSeq == 0 {
			kind = DivergedStreamLost
		}
		err := store.Scan(ctx, r.Stream.LastSeq+1, func(st events.Stored) error {
			r.Add(Divergence{Kind: kind, Seq: st.Seq, EventID: st.Event.ID.String(), Action: ActionExport,
				Detail: fmt.Sprintf("the store holds event %s (%s about %s) at seq %d; the stream ends at seq %d",
					st.Event.ID, st.Event.Type, st.Event.Entity, st.Seq, r.Stream.LastSeq)})
			return nil
		})
		if err != nil {
			r.Add(Divergence{Kind: DivergedStoreDamaged, Action: ActionExport,
				Detail: fmt.Sprintf("the store's events past seq %d cannot all be read: %v", r.Stream.LastSeq, err)})
		}
	}
	if r.Stream.LastSeq > r.StoreLastSeq {
		r.Add(Divergence{Kind: DivergedStoreBehind, Seq: r.StoreLastSeq + 1, Action: ActionReplay + " (or any recorder command that writes, which catches up)",
			Detail: fmt.Sprintf("the store is %d events behind the stream: it holds up to seq %d, the stream up to seq %d",
				r.Stream.LastSeq-r.StoreLastSeq, r.StoreLastSeq, r.Stream.LastSeq)})
	}
	return nil
}

// compareWindow compares the stream's entries of window (consecutive in the stream, though the stream
// may skip sequences) with the store's at the same sequences.
func compareWindow(ctx context.Context, store events.Store, window []events.Stored, quarantined map[uint64]bool, r *Report) error {
	lo, hi := window[0].Seq, window[len(window)-1].Seq
	held := make(map[uint64]events.Stored, len(window))
	scanErr := store.Scan(ctx, lo, func(st events.Stored) error {
		if st.Seq > hi {
			return errStop
		}
		held[st.Seq] = st
		return nil
	})
	if scanErr != nil && !errors.Is(scanErr, errStop) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r.Add(Divergence{Kind: DivergedStoreDamaged, Seq: lo, Action: ActionReplay,
			Detail: fmt.Sprintf("the store's events from seq %d to %d cannot all be read: %v", lo, hi, scanErr)})
	}
	// The facts of the stream's events the store does not hold at their sequence: skipped as
	// duplicates of an earlier event, or missing.
	var ask []events.FactID
	for _, ls := range window {
		if _, ok := held[ls.Seq]; !ok && ls.Err == nil && !quarantined[ls.Seq] {
			ask = append(ask, factID(ls))
		}
	}
	known, err := store.KnownFacts(ctx, ask)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	inStream := make(map[uint64]bool, len(window))
	for _, ls := range window {
		inStream[ls.Seq] = true
		ss, ok := held[ls.Seq]
		switch {
		case ls.Err != nil && ok:
			r.Add(Divergence{Kind: DivergedEventDiffers, Seq: ls.Seq, EventID: ss.Event.ID.String(), Action: ActionExport,
				Detail: fmt.Sprintf("the stream's message at seq %d is not an event (%v), but the store holds event %s there", ls.Seq, ls.Err, ss.Event.ID)})
		case ls.Err != nil && !quarantined[ls.Seq] && scanErr == nil:
			r.Add(Divergence{Kind: DivergedStoreMissing, Seq: ls.Seq, Action: ActionReplay,
				Detail: fmt.Sprintf("the stream's message at seq %d is not an event (%v), and the store did not quarantine it", ls.Seq, ls.Err)})
		case ls.Err != nil:
		case ok && ss.Event.ID != ls.Event.ID:
			r.Add(Divergence{Kind: DivergedEventDiffers, Seq: ls.Seq, EventID: ss.Event.ID.String(), Action: ActionExport,
				Detail: fmt.Sprintf("the store holds event %s (%s about %s) at seq %d, the stream event %s: one of them was replaced",
					ss.Event.ID, ss.Event.Type, ss.Event.Entity, ls.Seq, ls.Event.ID)})
		case ok:
			if why := differs(ls, ss); why != "" {
				r.Add(Divergence{Kind: DivergedStoreDamaged, Seq: ls.Seq, EventID: ss.Event.ID.String(), Action: ActionReplay,
					Detail: fmt.Sprintf("the store's event %s at seq %d differs from the stream's: %s", ss.Event.ID, ls.Seq, why)})
			}
		case quarantined[ls.Seq]:
			// The store could not hold this event: set aside, listed in the report.
		default:
			if seq, dup := known[factID(ls)]; dup && seq < ls.Seq {
				continue // skipped: its fact was recorded before
			}
			if scanErr != nil {
				continue // not read: reported as damage above
			}
			r.Add(Divergence{Kind: DivergedStoreMissing, Seq: ls.Seq, EventID: ls.Event.ID.String(), Action: ActionReplay,
				Detail: fmt.Sprintf("the store lacks the stream's event %s (%s about %s) at seq %d", ls.Event.ID, ls.Event.Type, ls.Event.Entity, ls.Seq)})
		}
	}
	for seq, ss := range held {
		if !inStream[seq] {
			r.Add(Divergence{Kind: DivergedStreamMissing, Seq: seq, EventID: ss.Event.ID.String(), Action: ActionExport,
				Detail: fmt.Sprintf("the store holds event %s (%s about %s) at seq %d, where the stream has no message", ss.Event.ID, ss.Event.Type, ss.Event.Entity, seq)})
		}
	}
	return nil
}

func factID(st events.Stored) events.FactID {
	if st.FactID != "" {
		return st.FactID
	}
	return st.Event.Fact.ID()
}

// differs says how the store's copy ss of the stream's event ls differs from it, or returns "".
func differs(ls, ss events.Stored) string {
	if got, want := ss.Event.Fact.ID(), factID(ls); got != want {
		return fmt.Sprintf("its content has fact id %s, the stream's %s", got, want)
	}
	a, errA := events.EncodeEvent(ls.Event)
	b, errB := events.EncodeEvent(ss.Event)
	switch {
	case errB != nil:
		return fmt.Sprintf("it does not encode: %v", errB)
	case errA == nil && !bytes.Equal(a, b):
		return "its note, rule or recorded time differs"
	}
	return ""
}

// CheckReplay returns nil if rebuilding the store from the log loses nothing the store holds: every
// event of the store is the log's event at its sequence. Otherwise (the log was lost, recreated,
// restored from an older copy, or holds other events) it returns an error wrapping events.ErrDiverged
// that counts the events only the store holds and says how to keep them. It reads the whole log and
// the whole store. A store it cannot read is not refused: replaying is how a damaged store is rebuilt.
func CheckReplay(ctx context.Context, log InfoLog, store IdentityStore) error {
	r, err := Verify(ctx, log, store)
	if err != nil {
		return err
	}
	if !r.StreamDiverged {
		return nil
	}
	only := 0
	var first Divergence
	for _, d := range r.Divergences {
		if d.stream() {
			if only == 0 {
				first = d
			}
			only++
		}
	}
	more := ""
	if r.Total > len(r.Divergences) {
		more = " at least"
	}
	return fmt.Errorf("replay would drop%s %d events that only the store holds (first: %s); save them with "+
		"`recorder export --out FILE` first, then run `recorder replay --force` to rebuild the store from the stream anyway "+
		"(`recorder verify` lists them all): %w", more, only, first.Detail, events.ErrDiverged)
}

// quarantinedAt reports whether the store quarantined the entry at seq.
func quarantinedAt(ctx context.Context, store events.Store, seq uint64) (bool, error) {
	q, err := store.Quarantined(ctx)
	if err != nil {
		return false, err
	}
	for _, x := range q {
		if x.Seq == seq {
			return true, nil
		}
	}
	return false, nil
}
