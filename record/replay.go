package record

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"annals/events"
)

// DefaultProgressEvery is how often Replay reports its progress.
const DefaultProgressEvery = time.Second

// Until bounds a replay to the record as it stood at a point of the log. The zero Until is the whole
// log. Both bounds may be set; the replay stops at whichever comes first.
type Until struct {
	// Seq, if not zero, keeps the events with a stream sequence up to Seq.
	Seq uint64
	// Time, if not zero, keeps the events recorded at or before Time. Recorded times need not rise
	// with the sequence (writers' clocks differ, an import keeps the times it imports), so the replay
	// stops at the first event recorded after Time: the record as a reader following the log saw it.
	Time time.Time
}

// ParseUntil parses a bound as the recorder's --until takes it: a stream sequence (a positive
// integer), or a recorded time as events.ParseRecorded takes it: RFC 3339 (2026-11-01T09:30:00Z) or a
// day YYYY-MM-DD, meaning the end of that day in UTC. It returns an error wrapping events.ErrInvalid for anything else.
func ParseUntil(s string) (Until, error) {
	s = strings.TrimSpace(s)
	if s != "" && strings.Trim(s, "0123456789") == "" {
		seq, err := strconv.ParseUint(s, 10, 64)
		if err != nil || seq == 0 {
			return Until{}, fmt.Errorf("%q: a stream sequence is a whole number from 1: %w", s, events.ErrInvalid)
		}
		return Until{Seq: seq}, nil
	}
	if t, err := events.ParseRecorded(s); err == nil {
		return Until{Time: t}, nil
	}
	return Until{}, fmt.Errorf("%q: want a stream sequence (120), a recorded time in RFC 3339 (2026-11-01T09:30:00Z) or a day (2026-11-01): %w", s, events.ErrInvalid)
}

// IsZero reports whether u bounds nothing: the whole log.
func (u Until) IsZero() bool { return u.Seq == 0 && u.Time.IsZero() }

// String returns the bound in words: "the end of the log", "seq 120", "2026-11-01T23:59:59.999999999Z"
// or both joined by "or". Two Untils are the same bound if and only if their strings are equal.
func (u Until) String() string {
	var parts []string
	if u.Seq != 0 {
		parts = append(parts, fmt.Sprintf("seq %d", u.Seq))
	}
	if !u.Time.IsZero() {
		parts = append(parts, u.Time.UTC().Format(time.RFC3339Nano))
	}
	if len(parts) == 0 {
		return "the end of the log"
	}
	return strings.Join(parts, " or ")
}

// past reports whether st lies beyond the bound.
func (u Until) past(st events.Stored) bool {
	return (u.Seq != 0 && st.Seq > u.Seq) || (!u.Time.IsZero() && st.Event.Recorded.After(u.Time))
}

// ReplayProgress is what Replay reports as it goes.
type ReplayProgress struct {
	From    uint64        // the first sequence this replay read: 1, or the one after a resumed store's last
	Seq     uint64        // the last sequence applied so far
	Last    uint64        // the log's last sequence when the replay began, capped by Until.Seq
	Applied int           // events read and applied by this replay (duplicates included)
	Elapsed time.Duration // since this replay began
}

// Rate returns the events applied per second so far.
func (p ReplayProgress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Applied) / p.Elapsed.Seconds()
}

// ReplayOptions configure Replay.
type ReplayOptions struct {
	Until    Until
	Batch    int                  // events applied in one transaction; DefaultApplyBatch if zero
	Progress func(ReplayProgress) // called at most once every Every and once at the end; nil for none
	Every    time.Duration        // DefaultProgressEvery if zero
}

// ReplayResult says what Replay did.
type ReplayResult struct {
	From       uint64 // the first sequence read: 1, or the one after a resumed store's last
	LastSeq    uint64 // the store's last sequence afterwards
	Applied    int    // events read and applied by this replay
	Duplicates int    // of those, events whose fact was already recorded (skipped, as the first build did)
	LogLastSeq uint64 // the log's last sequence when the replay began
	Stopped    bool   // the replay stopped at the bound before the end of the log
}

// answerBuilder is a store that can defer its stored answers during a replay or a large record and
// build them once at the end (boltstore.Store), instead of rebuilding an entity's answers in every
// batch that adds to its events.
type answerBuilder interface {
	DeferAnswers()
	BuildAnswers(ctx context.Context) error
}

// errStop ends a Read early; it never leaves this package.
var errStop = errors.New("stop reading")

// Replay builds store from log: it applies every event after the store's last sequence up to the
// bound, in batches, each committed with its last sequence. Given an empty store it rebuilds the
// record from scratch; given the partial store of an interrupted Replay with the same bound, it
// resumes where that one stopped, and the result is the store an uninterrupted replay builds.
//
// Before resuming, Replay checks (see Resumable) that the store holds nothing past the bound and that
// its last event is the log's event at that sequence; otherwise it returns an error wrapping
// events.ErrConflict and applies nothing. It cannot tell a partial store built for a later Until.Time
// from one built for this one: the caller keeps the bound with the file (the recorder writes it next
// to the replay file).
//
// A store that keeps stored answers and can build them at once (boltstore.Store: DeferAnswers,
// BuildAnswers) builds them after the last batch, before Replay returns, so that an entity whose events
// arrive over many batches is folded once; until then the store does not vouch for them, and readers
// fold the entities that have none. A replay that fails or is cancelled leaves them to the next
// Replay, which builds those still missing.
//
// Replay checks ctx between batches; a cancelled replay returns ctx.Err() (wrapped) with every batch
// it applied committed. It is not safe to run two Replays on one store at once.
func Replay(ctx context.Context, log events.Log, store events.Store, opts ReplayOptions) (ReplayResult, error) {
	var res ReplayResult
	if err := Resumable(ctx, log, store, opts.Until); err != nil {
		return res, err
	}
	last, err := store.LastSeq(ctx)
	if err != nil {
		return res, fmt.Errorf("replay: %w", err)
	}
	res.From, res.LastSeq = last+1, last
	res.LogLastSeq, err = log.LastSeq(ctx)
	if err != nil {
		return res, fmt.Errorf("replay: %w", err)
	}
	size := opts.Batch
	if size <= 0 {
		size = DefaultApplyBatch
	}
	every := opts.Every
	if every <= 0 {
		every = DefaultProgressEvery
	}
	start := time.Now()
	reported := start
	progress := func(final bool) {
		if opts.Progress == nil || (!final && time.Since(reported) < every) {
			return
		}
		reported = time.Now()
		end := res.LogLastSeq
		if opts.Until.Seq != 0 {
			end = min(end, opts.Until.Seq)
		}
		opts.Progress(ReplayProgress{From: res.From, Seq: res.LastSeq, Last: end, Applied: res.Applied, Elapsed: time.Since(start)})
	}
	builder, deferred := store.(answerBuilder)
	if deferred {
		builder.DeferAnswers()
	}
	apply := newApplier(ctx, store, size, func(batch []events.Stored, got events.ApplyResult) {
		res.Applied += len(batch)
		res.Duplicates += got.Duplicates
		res.LastSeq = batch[len(batch)-1].Seq
		progress(false)
	})
	stopped := false // read by this goroutine only; res.Stopped is set after the applier is done
	err = log.Read(ctx, last+1, func(st events.Stored) error {
		if opts.Until.past(st) {
			stopped = true
			return errStop
		}
		if err := apply.add(st); err != nil {
			return err
		}
		if opts.Until.Seq != 0 && st.Seq >= opts.Until.Seq {
			stopped = st.Seq < res.LogLastSeq
			return errStop
		}
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	if cerr := apply.close(); err == nil {
		err = cerr
	}
	res.Stopped = stopped
	if err == nil && deferred {
		err = builder.BuildAnswers(ctx)
	}
	progress(true)
	if err != nil {
		return res, fmt.Errorf("replay from seq %d, stopped after seq %d: %w", res.From, res.LastSeq, err)
	}
	return res, nil
}

// Resumable returns nil if a Replay bounded by until can continue from the store: the store is
// empty, or it holds nothing past until.Seq, its last event was not recorded after until.Time, and it
// is the log's event at the store's last sequence (the same event id, or for an event the store skipped
// as a duplicate, a fact the store holds). Otherwise it returns an error wrapping events.ErrConflict
// that says why. Resumable also tells whether a store is a fold of the log at all: a store built from
// another stream, or from a stream since recreated, fails it.
func Resumable(ctx context.Context, log events.Log, store events.Store, until Until) error {
	last, err := store.LastSeq(ctx)
	if err != nil {
		return fmt.Errorf("check store against log: %w", err)
	}
	if last == 0 {
		return nil
	}
	if until.Seq != 0 && last > until.Seq {
		return fmt.Errorf("the store holds events up to seq %d, past the bound seq %d: %w", last, until.Seq, events.ErrConflict)
	}
	inLog, err := logAt(ctx, log, last)
	if err != nil {
		return err
	}
	e := inLog.Event
	if !until.Time.IsZero() && e.Recorded.After(until.Time) {
		return fmt.Errorf("the store's last event (seq %d) was recorded at %s, after the bound %s: %w",
			last, e.Recorded.Format(time.RFC3339Nano), until, events.ErrConflict)
	}
	if q, err := quarantinedAt(ctx, store, last); err != nil || q {
		return err // the store set the log's entry at last aside: it follows the log
	}
	st, err := store.Event(ctx, e.ID)
	switch {
	case err == nil && st.Seq == last:
		return nil
	case err == nil:
		return fmt.Errorf("the log's event %s at seq %d is at seq %d in the store: %w", e.ID, last, st.Seq, events.ErrConflict)
	case !errors.Is(err, events.ErrNotFound):
		return fmt.Errorf("check store against log at seq %d: %w", last, err)
	}
	known, err := store.KnownFacts(ctx, []events.FactID{e.Fact.ID()})
	if err != nil {
		return fmt.Errorf("check store against log at seq %d: %w", last, err)
	}
	if seq, ok := known[e.Fact.ID()]; ok && seq < last {
		// The log's event at last repeats a fact, which the store skipped: fine if the store holds
		// the log's event that first recorded it.
		first, err := logAt(ctx, log, seq)
		if err != nil {
			return err
		}
		if st, err := store.Event(ctx, first.Event.ID); err == nil && st.Seq == seq {
			return nil
		}
	}
	return fmt.Errorf("the store's last event (seq %d) is not the log's event %s there: the store was built from another log: %w",
		last, e.ID, events.ErrConflict)
}

// logAt returns the log's event at seq, or an error wrapping events.ErrConflict if there is none.
func logAt(ctx context.Context, log events.Log, seq uint64) (events.Stored, error) {
	var found *events.Stored
	err := log.Read(ctx, seq, func(st events.Stored) error {
		found = &st
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		return events.Stored{}, fmt.Errorf("check store against log at seq %d: %w", seq, err)
	}
	if found == nil || found.Seq != seq {
		return events.Stored{}, fmt.Errorf("the store holds seq %d but the log has no event there: %w", seq, events.ErrConflict)
	}
	return *found, nil
}
