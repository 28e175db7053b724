// Package record is the write path of annals: it turns facts into events on the log and keeps the
// store applied from the log.
//
// Invariants:
//   - The store is a fold of the log: every event reaches the store at the sequence the log holds it
//     at, in sequence order, so a rebuilt store is the same store. It is read back from the log, or,
//     when the log reports that it wrote this recorder's events just then at the store's next
//     sequences (jetlog.Log.AppendWritten), handed over from the recorder: the very events the log holds.
//   - A fact is recorded at most once: before publishing, the recorder catches the store up with the log
//     and skips every fact the store already holds, whatever time has passed since (JetStream's duplicate
//     window only covers retries within minutes). A crash at any point leaves the next run to finish the
//     work with nothing lost and nothing doubled.
//   - A batch is checked whole before anything is written: a bad fact (an invalid payload, a quote that
//     does not occur in its document) refuses the batch.
//   - A fact is reported recorded only once the store has committed it.
package record

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"slices"
	"time"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// Defaults for Recorder.
const (
	DefaultApplyBatch   = 4096 // events applied to the store in one transaction: larger batches write each index page once for more events
	DefaultPublishBatch = 4096 // facts published before the store is caught up
	DefaultRetries      = 5    // conflicts retried by Record before giving up
)

// Recorder records facts. It is not safe for concurrent use; use one per process.
type Recorder struct {
	Log     events.Log
	Store   events.Store
	Now     func() time.Time // the recorded-time clock
	Entropy io.Reader        // entropy for event ids; use ulid.Monotonic for ids that increase within a millisecond
	Logger  *slog.Logger

	ApplyBatch   int  // DefaultApplyBatch if zero
	PublishBatch int  // DefaultPublishBatch if zero
	Retries      int  // DefaultRetries if zero; negative: report the first conflict
	ReportIDs    bool // fill Result.IDs (for a few facts, such as a correction; not for a big ingest)

	// Progress, when set, is called from the calling goroutine as Record and Import go, with how many
	// of the facts (or events) given are settled (recorded or found known) and how many there are.
	Progress func(done, total int)

	// MaxPayload is the largest event the log carries, in bytes (jetlog: 64 MiB, larger than a
	// message of the server, through its object store);
	// 0: not checked. New takes it from a log that reports it (jetlog.Log.MaxPayload).
	MaxPayload int64

	building bool // a withAnswers runs: the store's answers are built at its end
}

// New returns a Recorder with the wall clock, monotonic crypto-random ids and the given logger.
func New(log events.Log, store events.Store, logger *slog.Logger) *Recorder {
	r := &Recorder{Log: log, Store: store, Now: time.Now, Entropy: ulid.Monotonic(cryptoReader{}, 0), Logger: logger}
	if l, ok := log.(interface{ MaxPayload() int64 }); ok {
		r.MaxPayload = l.MaxPayload()
	}
	return r
}

// Result counts what Record did. Recorded counts only the facts this recorder's own events recorded:
// a fact another writer recorded meanwhile (even one whose publish the log acknowledged to both, as a
// duplicate) is Known, so that two recorders sharing a log never both count the same fact.
type Result struct {
	Recorded int         // facts newly recorded, by this recorder's events
	Known    int         // facts already in the record, or recorded meanwhile by another writer: skipped
	IDs      []ulid.ULID // with Recorder.ReportIDs: the event ids of the facts newly recorded, in order
}

// CatchUp applies to the store every event of the log after the store's last sequence, in batches, and
// returns how many events it read.
func (r *Recorder) CatchUp(ctx context.Context) (int, error) { return r.catchUp(ctx, nil) }

// knowingReader is a log that delivers the events a reader holds already without decoding them again
// (jetlog.Log.ReadKnowing).
type knowingReader interface {
	ReadKnowing(ctx context.Context, from uint64, known func(ulid.ULID) (events.Event, bool), fn func(events.Stored) error) error
}

// writtenAppender is a log that says which events an Append wrote just then, exactly as given, at the
// sequences it returns (jetlog.Log.AppendWritten).
type writtenAppender interface {
	AppendWritten(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, []bool, error)
}

// catchUp is CatchUp, given the chunk this recorder has just published (nil: none). When the log
// wrote every event of the chunk just then, at the sequences right after the store's last, the store
// is given them from hand, without reading the log (see published.inHand); otherwise it reads the log,
// and a log that can (knowingReader) delivers the chunk's events without decoding what this process
// encoded. Either way the store gets every event the log holds, at its sequence, in order.
func (r *Recorder) catchUp(ctx context.Context, p *published) (int, error) {
	last, err := r.Store.LastSeq(ctx)
	if err != nil {
		return 0, fmt.Errorf("catch up: %w", err)
	}
	size := r.ApplyBatch
	if size <= 0 {
		size = DefaultApplyBatch
	}
	read := 0
	apply := newApplier(ctx, r.Store, size, func(batch []events.Stored, res events.ApplyResult) {
		if res.Duplicates > 0 {
			r.logger().Warn("skipped events whose facts were already recorded", "count", res.Duplicates, "first_seq", batch[0].Seq)
		}
		read += len(batch)
	})
	kr, knowing := r.Log.(knowingReader)
	if hand := p.inHand(last); hand != nil {
		for _, st := range hand {
			if err = apply.add(st); err != nil {
				break
			}
		}
	} else if knowing && p != nil && len(p.evs) > 0 {
		byID := make(map[ulid.ULID]events.Event, len(p.evs))
		for _, e := range p.evs {
			byID[e.ID] = e
		}
		err = kr.ReadKnowing(ctx, last+1, func(id ulid.ULID) (events.Event, bool) { e, ok := byID[id]; return e, ok }, apply.add)
	} else {
		err = r.Log.Read(ctx, last+1, apply.add)
	}
	if cerr := apply.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return read, fmt.Errorf("catch up from seq %d: %w", last+1, err)
	}
	if read > 0 {
		r.logger().Debug("caught up", "events", read, "from_seq", last+1)
	}
	return read, nil
}

// Record checks every fact, then records those the record does not hold yet. It returns an error
// wrapping events.ErrInvalid, naming the fact, if any fact is invalid or quotes its document wrongly;
// then nothing is recorded. A conflict with another writer is retried after catching up, up to Retries
// times; after that the error wraps events.ErrConflict.
//
// A store that keeps stored answers and can build them at once (boltstore.Store) has them built
// before Record returns: for more than two publish chunks of facts it stops building them batch by
// batch and builds each touched entity's once at the end, on every core (see withAnswers).
func (r *Recorder) Record(ctx context.Context, facts []events.Fact) (Result, error) {
	var res Result
	err := r.withAnswers(ctx, len(facts), func() error {
		var err error
		res, err = r.record(ctx, len(facts), once(facts))
		return err
	})
	return res, err
}

// RecordStream records the facts next gives, batch by batch, until next returns io.EOF: each batch is
// checked whole, as Record checks its facts, before any of it is published, and what it holds does not
// grow with the input (a batch and the chunk before it). The batches flow through one pipeline: the
// next batch is read and checked while the store catches up on the last chunk of the one before. facts
// is about how many facts next will give in all (0 if unknown): the total Progress reports, and, as for
// Record, whether the store's answers are deferred to one build at the end. The counts add up over the
// batches and are returned with an error too, which stops it at the batch that failed (the batches
// before it stay recorded; recording them again records the rest). It checks ctx between batches.
func (r *Recorder) RecordStream(ctx context.Context, facts int, next func() ([]events.Fact, error)) (Result, error) {
	var res Result
	err := r.withAnswers(ctx, facts, func() error {
		var err error
		res, err = r.record(ctx, facts, next)
		return err
	})
	return res, err
}

// once is a stream of one batch.
func once(facts []events.Fact) func() ([]events.Fact, error) {
	done := false
	return func() ([]events.Fact, error) {
		if done {
			return nil, io.EOF
		}
		done = true
		return facts, nil
	}
}

// progressOver makes Progress, while a stream is recorded batch by batch, add to each batch's count
// the facts the batches before it settled, against about facts in all (0: unknown); the function it
// returns puts Progress back.
func (r *Recorder) progressOver(facts int, settled func() int) (restore func()) {
	progress := r.Progress
	if progress != nil {
		r.Progress = func(done, of int) {
			before := settled()
			progress(done+before, max(facts, done+before, before+of))
		}
	}
	return func() { r.Progress = progress }
}

// deferAnswersAbove is how many facts a Record (or a stream) holds before it defers the store's
// answers to one build at its end: past two publish chunks, an entity's events come over several
// catch-ups, and rebuilding its answers after each one, on the catch-up's one goroutine, costs more
// than building them once on every core (the bench's ingest figure measures it).
func (r *Recorder) deferAnswersAbove() int { return 2 * r.publishBatch() }

// publishBatch is how many facts Record publishes before the store is caught up.
func (r *Recorder) publishBatch() int {
	if r.PublishBatch > 0 {
		return r.PublishBatch
	}
	return DefaultPublishBatch
}

// withAnswers runs record with the store's answers deferred when it records more than
// deferAnswersAbove facts, then has the store build every answer it lacks: those deferred, and any that
// an interrupted build or a change of the answers' version left missing (a store whose answers are
// complete answers that at once). A store that cannot build its answers at once runs record alone.
// Calls nested in one that defers (IngestStream's batches) leave the build to it. The build runs
// after a failed record too, so that the deferral never outlives the call; it stops with ctx, leaving
// sound answers, incomplete, for the next build.
func (r *Recorder) withAnswers(ctx context.Context, facts int, record func() error) error {
	b, ok := r.Store.(answerBuilder)
	if !ok || r.building {
		return record()
	}
	r.building = true
	defer func() { r.building = false }()
	if facts > r.deferAnswersAbove() {
		b.DeferAnswers()
	}
	err := record()
	if berr := b.BuildAnswers(ctx); err == nil {
		err = berr
	}
	return err
}

// record is RecordStream (and Record, a stream of one batch), the store's answers left to the
// caller; total is about how many facts next gives (0: unknown), for Progress.
func (r *Recorder) record(ctx context.Context, total int, next func() ([]events.Fact, error)) (Result, error) {
	var res Result
	if _, err := r.CatchUp(ctx); err != nil {
		return res, err
	}
	// Chunks are published while the store catches up on the chunk before: publishing waits on the
	// server (on its sync to disk, in the durable default) and catching up on the store, so the two
	// overlap. A chunk's expected sequences come from the store and from what the previous chunk's
	// publish returned; its facts are looked up in the store and among the previous chunk's, which the
	// store may not hold yet. A chunk is settled (counted, its conflicts retried) once the store has
	// caught up on it, and only one catch-up runs at a time; a chunk whose publish met another writer
	// or an error is settled before the next is published. Nothing is kept from one chunk to the next
	// but the previous chunk, so the memory ingest needs beyond its input does not grow with the input
	// or the record. The chunks flow on from one batch of a stream to the next: a batch is checked
	// while the store catches up on the last chunk of the batch before, against the documents the
	// store holds and those of that chunk (a batch that corrects events waits for the store first, so
	// that it is checked against every correction before it).
	var bg background
	defer bg.wait() // never return while a catch-up writes to the store: the caller may close it
	var prev *published
	settled := 0 // facts of the batches before this one
	for {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		facts, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return res, err
		}
		if prev != nil && corrects(facts) {
			if err := bg.wait(); err != nil {
				return res, err
			}
			if err := r.settle(ctx, prev, &res); err != nil {
				return res, err
			}
			prev = nil
		}
		var inFlight []events.Fact
		if prev != nil {
			inFlight = prev.todo
		}
		if err := r.check(ctx, facts, inFlight); err != nil {
			return res, err
		}
		if prev, err = r.recordBatch(ctx, facts, prev, &bg, &res, func() { r.progress(res.Recorded+res.Known, max(total, settled+len(facts))) }); err != nil {
			return res, err
		}
		settled += len(facts)
	}
	if err := bg.wait(); err != nil {
		return res, err
	}
	err := r.settle(ctx, prev, &res)
	if err == nil {
		r.progress(res.Recorded+res.Known, max(total, res.Recorded+res.Known))
	}
	return res, err
}

// corrects reports whether any of facts is a correction (it supersedes or retracts an event).
func corrects(facts []events.Fact) bool {
	return slices.ContainsFunc(facts, events.Fact.IsCorrection)
}

// recordBatch publishes a checked batch of facts chunk by chunk, each while the store catches up on
// the chunk before (bg), settling each chunk into res once the store holds it, and reporting progress
// after each chunk; it returns the last chunk, published and not settled yet.
func (r *Recorder) recordBatch(ctx context.Context, facts []events.Fact, prev *published, bg *background, res *Result, progress func()) (*published, error) {
	size := r.publishBatch()
	for start := 0; start < len(facts); start += size {
		chunk := facts[start:min(start+size, len(facts))]
		seen := make(map[events.FactID]bool, len(chunk))
		var fresh []events.Fact
		var fids []events.FactID // each fact's id, computed once and carried along
		for _, f := range chunk {
			id := f.ID()
			if seen[id] || (prev != nil && prev.ids[id]) {
				res.Known++
				continue
			}
			seen[id] = true
			fresh = append(fresh, f)
			fids = append(fids, id)
		}
		if prev != nil && prev.appendErr != nil {
			// The previous chunk met another writer or an error: settle it before publishing more.
			if err := bg.wait(); err != nil {
				return nil, err
			}
			if err := r.settle(ctx, prev, res); err != nil {
				return nil, err
			}
			prev = nil // settled, and the store has caught up on it
		}
		p, err := r.publish(ctx, fresh, fids, prev)
		if err != nil {
			return nil, err
		}
		res.Known += p.known
		if err := bg.wait(); err != nil {
			return nil, err
		}
		if err := r.settle(ctx, prev, res); err != nil {
			return nil, err
		}
		progress()
		bg.start(func() error { _, err := r.catchUp(ctx, p); return err })
		prev = p
	}
	return prev, nil
}

// progress reports progress, if the recorder was asked to.
func (r *Recorder) progress(done, total int) {
	if r.Progress != nil {
		r.Progress(done, total)
	}
}

// EventIDs returns, for each fact, the id of the event that records it, or the zero ULID for a fact
// the store does not hold: what a retried correction answers with once its first attempt was
// recorded. It reads the store only; call CatchUp first for what other writers recorded.
func (r *Recorder) EventIDs(ctx context.Context, facts []events.Fact) ([]ulid.ULID, error) {
	ids := make([]events.FactID, len(facts))
	for i, f := range facts {
		ids[i] = f.ID()
	}
	known, err := r.Store.KnownFacts(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("event ids: %w", err)
	}
	out := make([]ulid.ULID, len(facts))
	for i, id := range ids {
		seq, ok := known[id]
		if !ok {
			continue
		}
		err := r.Store.Scan(ctx, seq, func(st events.Stored) error {
			if st.Seq == seq {
				out[i] = st.Event.ID
			}
			return errFound
		})
		if err != nil && !errors.Is(err, errFound) {
			return nil, fmt.Errorf("event ids: %w", err)
		}
	}
	return out, nil
}

// errFound ends a Scan once it found what it looked for.
var errFound = errors.New("found")

// published is a chunk of facts handed to the log, not yet settled.
type published struct {
	todo      []events.Fact              // the facts the store did not hold
	fids      []events.FactID            // their fact ids, in order
	ids       map[events.FactID]bool     // their fact ids, as a set
	evs       []events.Event             // the events they became
	seqs      map[events.EntityID]uint64 // the last sequence Append returned for each entity
	at        []uint64                   // the sequence Append returned for each event (0: none)
	written   []bool                     // each event was written just then by this Append (writtenAppender)
	known     int                        // facts of the chunk the store held already
	appendErr error
}

// publish appends to the log the facts the store does not hold, expecting for each entity the last
// sequence the store knows or, if later, the one the previous chunk's publish returned.
func (r *Recorder) publish(ctx context.Context, facts []events.Fact, fids []events.FactID, prev *published) (*published, error) {
	todo, todoIDs, err := r.unknownOf(ctx, facts, fids)
	if err != nil {
		return nil, err
	}
	p := &published{todo: todo, fids: todoIDs, known: len(facts) - len(todo), ids: make(map[events.FactID]bool, len(todo)), seqs: map[events.EntityID]uint64{}}
	if len(todo) == 0 {
		return p, nil
	}
	for _, id := range todoIDs {
		p.ids[id] = true
	}
	if p.evs, err = r.events(todo, todoIDs); err != nil {
		return nil, err
	}
	entities := entitiesOf(p.evs)
	expect, err := r.Store.EntitySeqs(ctx, entities)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	if prev != nil {
		for _, entity := range entities {
			expect[entity] = max(expect[entity], prev.seqs[entity])
		}
	}
	var seqs []uint64
	var appendErr error
	if wa, ok := r.Log.(writtenAppender); ok {
		seqs, p.written, appendErr = wa.AppendWritten(ctx, p.evs, expect)
	} else {
		seqs, appendErr = r.Log.Append(ctx, p.evs, expect)
	}
	p.at = seqs
	for i, seq := range seqs {
		if seq != 0 {
			p.seqs[p.evs[i].Entity] = max(p.seqs[p.evs[i].Entity], seq)
		}
	}
	p.appendErr = appendErr
	return p, nil
}

// inHand returns the chunk's events as the store is to get them after its last sequence, when the
// log's next events are exactly this chunk's: every event written just then by this chunk's Append, at
// the sequences last+1, last+2, … with none between them. It returns nil when they are not (an event
// not written, or not acknowledged, another writer's events among or before them, a log that does not
// say what it wrote): the store reads the log instead. The log's events after the chunk's are left to
// the next catch-up.
func (p *published) inHand(last uint64) []events.Stored {
	if p == nil || len(p.evs) == 0 || len(p.written) != len(p.evs) || len(p.at) != len(p.evs) {
		return nil
	}
	hand := make([]events.Stored, len(p.evs))
	for i, e := range p.evs {
		seq := p.at[i]
		if !p.written[i] || seq <= last || seq > last+uint64(len(p.evs)) || hand[seq-last-1].Seq != 0 {
			return nil
		}
		hand[seq-last-1] = events.Stored{Seq: seq, Event: e, FactID: p.fids[i]}
	}
	return hand // every slot filled: len(evs) distinct sequences in last+1 … last+len(evs)
}

// settle counts a published chunk once the store has caught up on it, and retries the facts a
// conflict with another writer kept out of the log: it publishes them again, catches the store up
// and counts them, up to Retries attempts. A nil chunk settles nothing.
func (r *Recorder) settle(ctx context.Context, p *published, res *Result) error {
	for attempt := 1; p != nil && len(p.todo) > 0; attempt++ {
		known, err := r.Store.KnownFacts(ctx, p.fids)
		if err != nil {
			return fmt.Errorf("record: %w", err)
		}
		var left []events.Fact
		var leftIDs []events.FactID
		for i, id := range p.fids {
			if _, ok := known[id]; !ok {
				left, leftIDs = append(left, p.todo[i]), append(leftIDs, id)
			}
		}
		if err := r.count(ctx, p, known, res); err != nil {
			return err
		}
		switch {
		case p.appendErr == nil && len(left) > 0:
			return fmt.Errorf("record: %d facts were acknowledged but are not in the store", len(left))
		case p.appendErr == nil:
			return nil
		case !errors.Is(p.appendErr, events.ErrConflict) || attempt > r.retries():
			return p.appendErr
		}
		r.logger().Info("conflict with another writer; retrying", "attempt", attempt, "left", len(left), "error", p.appendErr)
		if err := backOff(ctx, attempt); err != nil {
			return err
		}
		// What the other writer wrote first: the expectations of the retry are the log's as it is
		// now, not the store's as it was when the conflict was published.
		if _, err := r.CatchUp(ctx); err != nil {
			return err
		}
		if p, err = r.publish(ctx, left, leftIDs, nil); err != nil {
			return err
		}
		res.Known += p.known // recorded meanwhile by another writer
		if len(p.todo) > 0 {
			if _, err := r.CatchUp(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// count adds to res the outcome of a published chunk, given the sequences at which the store now holds
// its facts (known): a fact is recorded by us when the store holds our event for it, and known when it
// holds another writer's (one that got in first, whose event the log may even have acknowledged to us
// as a duplicate of ours). A fact the store holds at the very sequence the log wrote our event at
// (published.written) is ours; for any other the store is asked for our event. With
// Recorder.ReportIDs it adds the ids of our events the store holds.
func (r *Recorder) count(ctx context.Context, p *published, known map[events.FactID]uint64, res *Result) error {
	ours, stored := 0, 0
	for i, e := range p.evs {
		seq, ok := known[p.fids[i]]
		if !ok {
			continue
		}
		stored++
		mine := len(p.written) == len(p.evs) && p.written[i] && p.at[i] == seq
		if !mine {
			_, err := r.Store.Event(ctx, e.ID)
			switch {
			case err == nil:
				mine = true
			case !errors.Is(err, events.ErrNotFound):
				return fmt.Errorf("record: %w", err)
			}
		}
		if mine {
			ours++
			if r.ReportIDs {
				res.IDs = append(res.IDs, e.ID)
			}
		}
	}
	res.Recorded += ours
	res.Known += stored - ours
	return nil
}

// backOff waits before the attempt-th retry of a conflict: a few milliseconds more each attempt, and
// a random part, so that two writers racing on the same subjects do not meet again at once (the one
// that won would otherwise win again with its next write while the other retries).
func backOff(ctx context.Context, attempt int) error {
	d := time.Duration(attempt) * (2*time.Millisecond + time.Duration(rand.Int64N(int64(8*time.Millisecond))))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return fmt.Errorf("record: %w", ctx.Err())
	case <-t.C:
		return nil
	}
}

func (r *Recorder) retries() int {
	if r.Retries == 0 {
		return DefaultRetries
	}
	return r.Retries
}

// background runs one function at a time in a goroutine of its own.
type background struct {
	done chan struct{}
	err  error
}

// start runs fn; the previous run must have been waited for.
func (b *background) start(fn func() error) {
	b.done = make(chan struct{})
	go func() {
		defer close(b.done)
		b.err = fn()
	}()
}

// wait waits for the running function, if any, and returns its error (once).
func (b *background) wait() error {
	if b.done == nil {
		return nil
	}
	<-b.done
	b.done = nil
	err := b.err
	b.err = nil
	return err
}

// unknownOf returns the facts the store does not hold, and their ids, given every fact's id.
func (r *Recorder) unknownOf(ctx context.Context, facts []events.Fact, ids []events.FactID) ([]events.Fact, []events.FactID, error) {
	known, err := r.Store.KnownFacts(ctx, ids)
	if err != nil {
		return nil, nil, fmt.Errorf("record: %w", err)
	}
	var out []events.Fact
	var outIDs []events.FactID
	for i, f := range facts {
		if _, ok := known[ids[i]]; !ok {
			out = append(out, f)
			outIDs = append(outIDs, ids[i])
		}
	}
	return out, outIDs, nil
}

// events makes the events that record facts, given their fact ids (computed once, when the facts
// were looked up).
func (r *Recorder) events(facts []events.Fact, fids []events.FactID) ([]events.Event, error) {
	now := r.Now().UTC()
	out := make([]events.Event, 0, len(facts))
	for i, f := range facts {
		id, err := ulid.New(ulid.Timestamp(now), r.Entropy)
		if err != nil {
			return nil, fmt.Errorf("new event id: %w", err)
		}
		e, err := events.NewEventKnown(f, fids[i], id, now)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// check validates every fact and its quote against the document it cites: one in this batch, one among
// inFlight (facts published that the store may not hold yet), or one the record holds.
func (r *Recorder) check(ctx context.Context, facts, inFlight []events.Fact) error {
	docs := map[string]string{} // document name → its text with white space folded
	var errs []error
	// The documents of facts published and not yet applied (the chunk the store is catching up on).
	flying := map[string]string{}
	for _, f := range inFlight {
		if d, ok := f.Payload.(events.DocumentRecorded); ok {
			flying[d.Name] = d.Text
		}
	}
	for _, f := range facts {
		if d, ok := f.Payload.(events.DocumentRecorded); ok {
			if err := d.CheckDigest(); err != nil {
				return err
			}
			if err := r.checkSize(f, d); err != nil {
				errs = append(errs, err)
			}
			docs[d.Name] = events.FoldSpace(d.Text)
		}
	}
	for i, f := range facts {
		if err := f.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("fact %d: %w", i+1, err))
			continue
		}
		doc := f.Source.Document
		if doc == "" {
			continue
		}
		text, ok := docs[doc]
		if !ok {
			var err error
			text, ok = flying[doc]
			if !ok {
				text, err = r.document(ctx, doc)
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("fact %d (%s about %s): %w", i+1, f.Type, f.Entity, err))
				continue
			}
			text = events.FoldSpace(text)
			docs[doc] = text
		}
		// The document's text is folded once; each quote is folded and looked for in it.
		if events.QuoteIndex(text, f.Source.Quote) < 0 {
			errs = append(errs, fmt.Errorf("fact %d (%s about %s): quote %s does not occur in document %s: %w",
				i+1, f.Type, f.Entity, events.Excerpt(f.Source.Quote, events.DefaultExcerpt), doc, events.ErrInvalid))
		}
	}
	errs = append(errs, r.checkSupersessions(ctx, facts)...)
	return joinErrors(errs)
}

// messageOverhead is what a message of the log carries besides its event, at most: the headers that
// name its fact, its expected sequence and its batch, which the server counts in its max payload.
const messageOverhead = 1024

// checkSize refuses a document whose event is larger than the log carries in one message
// (Recorder.MaxPayload), naming the document, its size and the limit: an error wrapping
// events.ErrInvalid. Only documents are checked: every other fact quotes a document or a few words.
func (r *Recorder) checkSize(f events.Fact, d events.DocumentRecorded) error {
	if r.MaxPayload <= 0 {
		return nil
	}
	data, err := events.EncodeEvent(events.Event{Fact: f, Recorded: r.Now().UTC()})
	if err != nil {
		return nil // Validate names what is wrong with the fact
	}
	if size := int64(len(data)) + messageOverhead; size > r.MaxPayload {
		return fmt.Errorf("document %s is %d bytes (%d as an event), more than the %d bytes the log carries in one event; record a smaller document, or split it: %w",
			d.Name, len(d.Text), len(data), r.MaxPayload, events.ErrInvalid)
	}
	return nil
}

// checkSupersessions refuses a correction or retraction of an event that does not exist, or that a
// correction already superseded (naming it), or that another fact of the batch also supersedes. A
// correction the record already holds (the same fact: a retry of one that was recorded) is not
// checked: Record counts it as known, so that a retried correction converges.
func (r *Recorder) checkSupersessions(ctx context.Context, facts []events.Fact) []error {
	var errs []error
	var corrections []events.Fact
	var ids []events.FactID         // the corrections' fact ids, computed once
	idOf := map[int]events.FactID{} // the fact id of each correction, by its index in facts
	for i, f := range facts {
		if f.IsCorrection() {
			id := f.ID()
			corrections = append(corrections, f)
			ids = append(ids, id)
			idOf[i] = id
		}
	}
	if len(corrections) == 0 {
		return nil
	}
	_, freshIDs, err := r.unknownOf(ctx, corrections, ids)
	if err != nil {
		return []error{err}
	}
	unknown := make(map[events.FactID]bool, len(freshIDs))
	for _, id := range freshIDs {
		unknown[id] = true
	}
	claimed := map[ulid.ULID]int{}
	for i, f := range facts {
		if !f.IsCorrection() || !unknown[idOf[i]] {
			continue
		}
		by, err := r.Store.SupersededBy(ctx, f.Supersedes)
		if err != nil {
			return append(errs, err)
		}
		for _, target := range f.Supersedes {
			if _, err := r.Store.Event(ctx, target); err != nil {
				errs = append(errs, fmt.Errorf("fact %d (%s about %s) supersedes %s: %w", i+1, f.Type, f.Entity, target, err))
				continue
			}
			if later := by[target]; len(later) > 0 {
				why := ""
				if st, err := r.Store.Event(ctx, later[0]); err == nil {
					why = fmt.Sprintf(" (%s: %s)", st.Event.Type, events.Excerpt(st.Event.Reason, events.DefaultExcerpt))
				}
				errs = append(errs, fmt.Errorf("fact %d (%s about %s): event %s was already superseded by %s%s; correct that one instead: %w",
					i+1, f.Type, f.Entity, target, later[0], why, events.ErrConflict))
			}
			if j, dup := claimed[target]; dup {
				errs = append(errs, fmt.Errorf("facts %d and %d both supersede %s: %w", j, i+1, target, events.ErrInvalid))
			}
			claimed[target] = i + 1
		}
	}
	return errs
}

// document returns the text of a document the record holds.
func (r *Recorder) document(ctx context.Context, name string) (string, error) {
	evs, err := r.Store.EntityEvents(ctx, events.DocumentEntity(name))
	if err != nil {
		return "", err
	}
	for _, st := range evs {
		if d, ok := st.Event.Payload.(events.DocumentRecorded); ok && d.Name == name {
			return d.Text, nil
		}
	}
	return "", fmt.Errorf("document %s is not in the record (ingest it first): %w", name, events.ErrNotFound)
}

func entitiesOf(evs []events.Event) []events.EntityID {
	seen := map[events.EntityID]bool{}
	var out []events.EntityID
	for _, e := range evs {
		if !seen[e.Entity] {
			seen[e.Entity] = true
			out = append(out, e.Entity)
		}
	}
	return out
}

func (r *Recorder) logger() *slog.Logger {
	if r.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return r.Logger
}
