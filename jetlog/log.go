package jetlog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"strconv"
	"time"

	"annals/events"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
	"github.com/oklog/ulid/v2"
)

// Defaults for Config.
const (
	DefaultStream          = "ANNALS"
	DefaultPrefix          = "annals.history"
	DefaultDuplicateWindow = 2 * time.Minute
	DefaultMaxInFlight     = 256
)

// Config names the stream and its subjects.
type Config struct {
	Stream string // stream name; DefaultStream if empty
	Prefix string // subject prefix; DefaultPrefix if empty
	// Replicas is the number of copies of the stream a cluster keeps (1, 3 or 5), used when Open
	// creates the stream; 1 if zero. A stream that exists keeps its own: Open logs a warning when a
	// Replicas that was asked for (not zero) differs from the stream's.
	Replicas        int
	DuplicateWindow time.Duration // how long JetStream remembers message ids; DefaultDuplicateWindow if zero
	MaxInFlight     int           // unacknowledged publishes at once; DefaultMaxInFlight if zero
	// MaxBatch is the most events one atomic batch carries (DefaultMaxBatch if zero; the server's own
	// limit is 1,000). A negative MaxBatch turns atomic batches off.
	MaxBatch int
	// RetryFor is how long a read or a publish waits out transient errors (no responders, no stream
	// leader, timeouts: a leader election, a lost quorum) before it fails with ErrUnavailable;
	// DefaultRetryFor if zero; negative: no retries.
	RetryFor time.Duration
	// RequestTimeout is the deadline of one request (a publish, an API call, an atomic batch's
	// commit); DefaultRequestTimeout if zero.
	RequestTimeout time.Duration
	// Signer, when set, signs every event the log publishes (see Signer); nil publishes unsigned.
	Signer *Signer
	// Logger reports waits for a stream leader ("waiting for the stream leader") and a stream whose
	// replicas differ from Replicas; nil discards them.
	Logger *slog.Logger
}

func (c *Config) setDefaults() {
	if c.Stream == "" {
		c.Stream = DefaultStream
	}
	if c.Prefix == "" {
		c.Prefix = DefaultPrefix
	}
	if c.Replicas == 0 {
		c.Replicas = 1
	}
	if c.DuplicateWindow == 0 {
		c.DuplicateWindow = DefaultDuplicateWindow
	}
	if c.MaxInFlight == 0 {
		c.MaxInFlight = DefaultMaxInFlight
	}
	if c.MaxBatch == 0 {
		c.MaxBatch = DefaultMaxBatch
	}
	if c.RetryFor == 0 {
		c.RetryFor = DefaultRetryFor
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// Log is an events.Log over a JetStream stream. It is safe for concurrent use.
type Log struct {
	js       jetstream.JetStream
	stream   jetstream.Stream
	cfg      Config
	progress *progress
	trust    Trusting // what Read accepts; see Trust
}

var _ events.Log = (*Log)(nil)

// Open creates the stream if it does not exist (or checks the one that does) and returns its Log.
// It returns an error wrapping ErrServerVersion, at once, when the server is older than
// MinServerVersion; on a server older than AtomicBatchVersion it publishes event by event. A cluster
// electing its leaders is waited out (see Config.RetryFor).
func Open(ctx context.Context, js jetstream.JetStream, cfg Config) (*Log, error) {
	asked := cfg.Replicas != 0
	cfg.setDefaults()
	atomic, err := checkServerVersion(js.Conn().ConnectedServerVersion())
	if err != nil {
		return nil, err
	}
	if !atomic && cfg.MaxBatch > 0 {
		cfg.Logger.Debug("nats-server has no atomic batches; publishing event by event",
			"server_version", js.Conn().ConnectedServerVersion(), "needs", AtomicBatchVersion)
		cfg.MaxBatch = -1
	}
	want := jetstream.StreamConfig{
		Name:        cfg.Stream,
		Description: "annals: the append-only history of facts",
		Subjects:    []string{cfg.Prefix + ".>"},
		Storage:     jetstream.FileStorage,
		Retention:   jetstream.LimitsPolicy,
		Discard:     jetstream.DiscardNew,
		MaxMsgs:     -1,
		MaxBytes:    -1,
		MaxAge:      0,
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.DuplicateWindow,
		DenyDelete:  true,
		DenyPurge:   true,
		// Atomic batches (nats-server 2.12 and later) let one sync to disk cover a whole batch.
		AllowAtomicPublish: cfg.MaxBatch > 0,
	}
	l := &Log{js: js, cfg: cfg, progress: &progress{logger: cfg.Logger, stream: cfg.Stream}}
	w := l.waiter("open")
	var stream jetstream.Stream
	err = l.do(ctx, w, func(ctx context.Context) error {
		var err error
		stream, err = js.Stream(ctx, cfg.Stream)
		if errors.Is(err, jetstream.ErrStreamNotFound) {
			// Created here, or by another recorder (or an attempt of ours that timed out) meanwhile:
			// then the next attempt looks it up.
			stream, err = js.CreateStream(ctx, want)
			if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
				err = nats.ErrTimeout
			}
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("open stream %s: %w", cfg.Stream, err)
	}
	got := stream.CachedInfo().Config
	if !got.DenyDelete || !got.DenyPurge || got.Storage != jetstream.FileStorage {
		return nil, fmt.Errorf("stream %s exists but allows deletes or purges or is not on file storage: %w", cfg.Stream, events.ErrInvalid)
	}
	if len(got.Subjects) != 1 || got.Subjects[0] != cfg.Prefix+".>" {
		return nil, fmt.Errorf("stream %s has subjects %v, want [%s.>]: %w", cfg.Stream, got.Subjects, cfg.Prefix, events.ErrInvalid)
	}
	if asked && got.Replicas != cfg.Replicas {
		cfg.Logger.Warn("the stream exists with another number of replicas, which it keeps (an operator changes it with `nats stream edit --replicas`)",
			"stream", cfg.Stream, "replicas", got.Replicas, "asked", cfg.Replicas)
	}
	if l.cfg.MaxBatch > 0 && !got.AllowAtomicPublish {
		// A stream made before atomic batches: enable them if the server can, else go without.
		got.AllowAtomicPublish = true
		uctx, cancel := context.WithTimeout(ctx, cfg.RequestTimeout)
		if updated, err := js.UpdateStream(uctx, got); err == nil {
			stream = updated
		} else {
			l.cfg.MaxBatch = -1
		}
		cancel()
	}
	l.stream = stream
	return l, nil
}

// Stream returns the name of the stream.
func (l *Log) Stream() string { return l.cfg.Stream }

// MaxPayload returns the largest event the log carries, in bytes: MaxEventBytes (one too large for a
// message of the server goes through the object store). record.New reads it, to refuse a larger event
// before anything is written.
func (l *Log) MaxPayload() int64 { return MaxEventBytes }

// LastSeq returns the sequence of the last message in the stream.
// Transient errors are retried (see Config.RetryFor).
func (l *Log) LastSeq(ctx context.Context) (uint64, error) {
	var info *jetstream.StreamInfo
	err := l.do(ctx, l.waiter("stream info"), func(ctx context.Context) error {
		var err error
		info, err = l.stream.Info(ctx)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("stream %s info: %w", l.cfg.Stream, err)
	}
	return info.State.LastSeq, nil
}

type ack struct {
	index int
	seq   uint64
	fresh bool // written by this publish: answered as no duplicate
	err   error
}

// Append publishes events, in atomic batches of up to MaxBatch events when the stream allows them:
// each batch is written whole, in the order given, with one sync to disk, or not at all. Every event
// of a batch carries the expected last sequence of its entity before the batch. A batch the server
// refuses (a conflict, a duplicate) is written again event by event (see appendChained), which writes
// what it can and reports what it cannot. An event whose entity is not a valid EntityID refuses the
// whole call, with nothing written: an error wrapping events.ErrInvalid. See events.Log.
func (l *Log) Append(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, error) {
	seqs, _, err := l.AppendWritten(ctx, evs, expect)
	return seqs, err
}

// AppendWritten is Append, saying also which events it wrote just then: written[i] is true when
// this call's own message put evs[i] at seqs[i] (an atomic batch committed whole, or a publish answered
// as no duplicate) and Read would deliver it as that event (the log trusts what its own Signer
// signs). An event acknowledged otherwise (as a duplicate of an earlier attempt or of another writer's
// message, or found in the stream after an answer was lost) is not written: the stream may hold
// another message for its fact, and a reader that needs it reads it back. A writer can hand its written
// events to its store without reading them back.
func (l *Log) AppendWritten(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, []bool, error) {
	seqs, written, err := l.append(ctx, evs, expect)
	for i := range written {
		written[i] = written[i] && i < len(seqs) && seqs[i] != 0 && l.trustsOwn(seqs[i])
	}
	return seqs, written, err
}

// trustsOwn reports whether Read trusts a message this log published at seq: one its Signer signed
// (or, unsigned, one at or before the sequence up to which the log accepts unsigned events).
func (l *Log) trustsOwn(seq uint64) bool {
	switch {
	case len(l.trust.Keys) == 0:
		return true
	case l.cfg.Signer == nil:
		return seq <= l.trust.UnsignedThrough
	}
	return l.trust.Keys[l.cfg.Signer.PublicKey()]
}

// append is AppendWritten before its trust check.
func (l *Log) append(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, []bool, error) {
	written := make([]bool, len(evs))
	// The entity is a token of the event's subjects: one that is not a valid EntityID (a '.', a
	// wildcard, white space) would publish on other subjects. Refuse the whole call before writing.
	for _, e := range evs {
		if err := e.Entity.Validate(); err != nil {
			return make([]uint64, len(evs)), written, fmt.Errorf("append event %s: %w", e.ID, err)
		}
	}
	if l.cfg.MaxBatch <= 0 || len(evs) < 2 {
		seqs, err := l.appendChained(ctx, evs, expect, written)
		return seqs, written, err
	}
	expect = maps.Clone(expect)
	if expect == nil {
		expect = map[events.EntityID]uint64{}
	}
	seqs := make([]uint64, 0, len(evs))
	var err error
	for start := 0; start < len(evs); start += l.cfg.MaxBatch {
		batch := evs[start:min(start+l.cfg.MaxBatch, len(evs))]
		// A batch that met no stream leader (an election, a lost quorum) or no answer in time is
		// sent again, with a new batch id and the same message ids and expectations: if an attempt
		// was written after all, the next is refused and the event-by-event path below finds each
		// event in the stream (see translate).
		var got []uint64
		w := l.waiter("append batch")
		for {
			if got, err = l.appendBatch(ctx, batch, expect); err == nil {
				w.ok()
				break
			}
			if !transient(err) {
				break
			}
			if err = w.wait(ctx, err); err != nil {
				break
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return append(seqs, make([]uint64, len(evs)-len(seqs))...), written, ctx.Err()
			}
			if errors.Is(err, ErrUnavailable) {
				return append(seqs, make([]uint64, len(evs)-len(seqs))...), written, fmt.Errorf("append: %w", err)
			}
			// Refused whole: write this batch and the rest one by one, which sorts out what was
			// refused (and writes the other entities' events).
			rest, err := l.appendChained(ctx, evs[start:], expect, written[start:])
			return append(seqs, rest...), written, err
		}
		// A committed batch holds this attempt's messages: an earlier attempt that was written
		// after all would have had this one refused (the same message ids and expectations).
		for i, e := range batch {
			expect[e.Entity] = got[i]
			written[start+i] = true
		}
		seqs = append(seqs, got...)
	}
	return seqs, written, nil
}

// DefaultMaxBatch is how many events an atomic batch carries by default: the server's limit.
const DefaultMaxBatch = 1000

// batchAck is the server's answer to the commit of an atomic batch.
type batchAck struct {
	Stream   string `json:"stream"`
	Sequence uint64 `json:"seq"`
	BatchID  string `json:"batch"`
	Count    uint64 `json:"count"`
	Error    *struct {
		Code        int    `json:"code"`
		ErrCode     int    `json:"err_code"`
		Description string `json:"description"`
	} `json:"error"`
}

// appendBatch publishes events as one atomic batch: every message but the last without a reply, the
// last with the commit header, answered once the whole batch is written and synced. It returns the
// sequences the batch got, or an error when the server refused it (then nothing was written) or did
// not answer within Config.RequestTimeout (then the batch may have been written).
func (l *Log) appendBatch(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, error) {
	nc := l.js.Conn()
	id := nuid.Next()
	var ack batchAck
	for i, e := range evs {
		msg, err := l.message(ctx, e)
		if err != nil {
			return nil, err
		}
		msg.Header.Set(jetstream.MsgIDHeader, string(e.FactID()))
		msg.Header.Set(jetstream.ExpectedLastSubjSeqHeader, strconv.FormatUint(expect[e.Entity], 10))
		msg.Header.Set(jetstream.ExpectedLastSubjSeqSubjHeader, entitySubjects(l.cfg.Prefix, e.Entity))
		msg.Header.Set("Nats-Batch-Id", id)
		msg.Header.Set("Nats-Batch-Sequence", strconv.Itoa(i+1))
		if i < len(evs)-1 {
			if err := nc.PublishMsg(msg); err != nil {
				return nil, fmt.Errorf("append batch %s: %w", id, err)
			}
			continue
		}
		msg.Header.Set("Nats-Batch-Commit", "1")
		rctx, cancel := context.WithTimeout(ctx, l.cfg.RequestTimeout)
		reply, err := nc.RequestMsgWithContext(rctx, msg)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("append batch %s: %w", id, err)
		}
		if err := json.Unmarshal(reply.Data, &ack); err != nil {
			return nil, fmt.Errorf("append batch %s: answer %q: %w", id, reply.Data, err)
		}
	}
	if ack.Error != nil {
		apiErr := &jetstream.APIError{Code: ack.Error.Code, ErrorCode: jetstream.ErrorCode(ack.Error.ErrCode), Description: ack.Error.Description}
		return nil, fmt.Errorf("append batch %s refused: %w", id, apiErr)
	}
	if ack.Count != uint64(len(evs)) || ack.Sequence < ack.Count {
		return nil, fmt.Errorf("append batch %s: acknowledged %d events ending at %d, want %d", id, ack.Count, ack.Sequence, len(evs))
	}
	// A committed batch is written contiguously, in order, ending at the acknowledged sequence.
	seqs := make([]uint64, len(evs))
	for i := range evs {
		seqs[i] = ack.Sequence - ack.Count + 1 + uint64(i)
	}
	return seqs, nil
}

// appendChained publishes events: each entity's events in order, one at a time, different entities
// concurrently, at most MaxInFlight unacknowledged. A conflict stops only the events of its entity:
// those of the other entities are still written, and the error joins one conflict per entity that
// had one. Any other error stops every entity. It sets written[i] when evs[i] was written by its own
// publish, answered as no duplicate.
func (l *Log) appendChained(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64, written []bool) ([]uint64, error) {
	seqs := make([]uint64, len(evs))
	type chain struct {
		indexes []int
		next    int
		last    uint64
	}
	chains := map[events.EntityID]*chain{}
	var order []events.EntityID
	for i, e := range evs {
		c, ok := chains[e.Entity]
		if !ok {
			c = &chain{last: expect[e.Entity]}
			chains[e.Entity] = c
			order = append(order, e.Entity)
		}
		c.indexes = append(c.indexes, i)
	}
	acks := make(chan ack, len(evs))
	inFlight := 0
	ready := order // entities whose next event may be published now
	var fatal error
	var conflicts []error
	publish := func(id events.EntityID) error {
		c := chains[id]
		i := c.indexes[c.next]
		c.next++
		msg, err := l.message(ctx, evs[i])
		if err != nil {
			return err
		}
		opts := []jetstream.PublishOpt{jetstream.WithMsgID(string(evs[i].FactID())),
			jetstream.WithExpectStream(l.cfg.Stream),
			jetstream.WithExpectLastSequenceForSubject(c.last, entitySubjects(l.cfg.Prefix, id))}
		inFlight++
		go func() {
			// Each attempt has a deadline; one that met no stream leader or no answer is sent again
			// with the same message id and expectation, so the server writes the event at most once:
			// a retry of an attempt that was written is answered as a duplicate (with the first
			// attempt's sequence) or refused with a wrong last sequence, which translate recognises.
			var pa *jetstream.PubAck
			err := l.do(ctx, l.waiter("publish"), func(ctx context.Context) error {
				var err error
				pa, err = l.js.PublishMsg(ctx, msg, opts...)
				return err
			})
			if err != nil {
				acks <- ack{index: i, err: err}
				return
			}
			acks <- ack{index: i, seq: pa.Sequence, fresh: !pa.Duplicate}
		}()
		return nil
	}
	for {
		for fatal == nil && len(ready) > 0 && inFlight < l.cfg.MaxInFlight {
			id := ready[0]
			ready = ready[1:]
			if err := publish(id); err != nil {
				fatal = err
			}
		}
		if inFlight == 0 {
			break
		}
		a := <-acks
		inFlight--
		e := evs[a.index]
		c := chains[e.Entity]
		if a.err != nil {
			a.seq, a.err = l.translate(ctx, e, c.last, a.err)
		}
		if a.err != nil {
			if errors.Is(a.err, events.ErrConflict) {
				conflicts = append(conflicts, a.err) // this entity's chain ends here
			} else if fatal == nil {
				fatal = a.err
			}
			continue
		}
		seqs[a.index], written[a.index] = a.seq, a.fresh
		c.last = a.seq
		if c.next < len(c.indexes) {
			ready = append(ready, e.Entity)
		}
	}
	return seqs, errors.Join(append([]error{fatal}, conflicts...)...)
}

// message returns the message that carries e: its wire encoding (or, when that is too large for a
// message, a reference to it in the object store), its event id, and the signature when the log signs.
func (l *Log) message(ctx context.Context, e events.Event) (*nats.Msg, error) {
	data, err := events.EncodeEvent(e)
	if err != nil {
		return nil, err
	}
	// An event too large for one message goes to the object store; the message names it.
	data, stored, err := l.store(ctx, e, data)
	if err != nil {
		return nil, err
	}
	msg := nats.NewMsg(Subject(l.cfg.Prefix, e))
	msg.Data = data
	msg.Header.Set(HeaderEventID, e.ID.String())
	if stored {
		msg.Header.Set(HeaderObject, "sha256")
	}
	if l.cfg.Signer != nil {
		if err := l.cfg.Signer.Sign(msg); err != nil {
			return nil, err
		}
	}
	return msg, nil
}

// translate turns a publish error into the domain's. A wrong last sequence is either a retry of an
// event the stream already holds, whose sequence it returns with no error, or a conflict: ErrConflict
// naming the event the writer raced with.
//
// The server checks the expected sequence before the message id, so a retry made with the expectation
// of the first attempt is refused instead of being reported as a duplicate. That first attempt, if it
// was written, is the entity's first message after the expected sequence: translate looks there for the
// event's fact id.
func (l *Log) translate(ctx context.Context, e events.Event, expected uint64, err error) (uint64, error) {
	subject := Subject(l.cfg.Prefix, e)
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) && (apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
		apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant) {
		entity := entitySubjects(l.cfg.Prefix, e.Entity)
		var next *jetstream.RawStreamMsg
		gerr := l.do(ctx, l.waiter("get message"), func(ctx context.Context) error {
			var err error
			next, err = l.stream.GetMsg(ctx, expected+1, jetstream.WithGetMsgSubject(entity))
			return err
		})
		if gerr == nil && next.Header.Get(jetstream.MsgIDHeader) == string(e.FactID()) {
			return next.Sequence, nil
		}
		if gerr != nil && (ctx.Err() != nil || errors.Is(gerr, ErrUnavailable)) {
			// Whether the event was written is unknown: not a conflict, a failure.
			return 0, fmt.Errorf("append %s: look for an earlier attempt after seq %d: %w", subject, expected, gerr)
		}
		raced := "another event"
		gctx, cancel := context.WithTimeout(ctx, l.cfg.RequestTimeout)
		defer cancel()
		if last, gerr := l.stream.GetLastMsgForSubject(gctx, entity); gerr == nil {
			raced = fmt.Sprintf("event %s (seq %d)", last.Header.Get(HeaderEventID), last.Sequence)
		}
		return 0, fmt.Errorf("append %s: %s holds %s written after seq %d, which this writer had not seen: %w",
			subject, e.Entity, raced, expected, events.ErrConflict)
	}
	return 0, fmt.Errorf("append %s: %w", subject, err)
}

// DefaultReadBatch is how many messages Read fetches at a time.
const DefaultReadBatch = 512

// Read calls fn with each event from sequence from up to the last sequence at the time of the call.
// A message that does not decode as an event is delivered with Err set, its bytes in Raw and the
// entity of its subject in Event.Entity (see events.Stored), for the store to quarantine.
func (l *Log) Read(ctx context.Context, from uint64, fn func(events.Stored) error) error {
	return l.ReadKnowing(ctx, from, nil, fn)
}

// ReadKnowing is Read for a reader that holds some of the events already, such as a recorder reading
// back what it has just published: a message whose event id header (Annals-Event-Id) names an event
// that known returns is delivered as that event, after Read's checks of its subject and signature,
// without fetching or decoding its body again. known (nil: none) must return an event only under
// its own id; an event id is never reused, so the message is that event.
func (l *Log) ReadKnowing(ctx context.Context, from uint64, known func(ulid.ULID) (events.Event, bool), fn func(events.Stored) error) error {
	if from == 0 {
		from = 1
	}
	last, err := l.LastSeq(ctx)
	if err != nil {
		return err
	}
	if from > last {
		return nil
	}
	// One consumer of Read's own, made again from the next sequence whenever it is lost (its server
	// went away, a leader changed): a fetch that fails or delivers nothing is retried with backoff up
	// to Config.RetryFor without progress, and every wait ends when ctx does.
	var cons jetstream.Consumer
	defer func() { l.dropConsumer(cons) }()
	cancelFetch := context.CancelFunc(func() {})
	defer func() { cancelFetch() }()
	w := l.waiter("read")
	next := from
	for next <= last {
		if err := ctx.Err(); err != nil {
			return err
		}
		if cons == nil {
			err := l.do(ctx, w, func(ctx context.Context) error {
				var err error
				cons, err = l.stream.CreateOrUpdateConsumer(ctx, readConsumer(next))
				return err
			})
			if err != nil {
				return fmt.Errorf("read stream %s from %d: %w", l.cfg.Stream, next, err)
			}
		}
		want := min(int(last-next+1), DefaultReadBatch)
		cancelFetch()
		var batch jetstream.MessageBatch
		var ferr error
		batch, cancelFetch, ferr = fetch(ctx, cons, want)
		got := 0
		for msg := range messages(batch) {
			meta, err := msg.Metadata()
			if err != nil {
				return fmt.Errorf("read stream %s at %d: %w", l.cfg.Stream, next, err)
			}
			seq := meta.Sequence.Stream
			if seq < next {
				continue // delivered again: fn has had it
			}
			// A stream the recorder writes denies deletes: a sequence missing between two messages
			// was taken out by someone else. Each is delivered for the store to quarantine, so that
			// the record goes on and verify reports it.
			for ; next < seq; next++ {
				if err := fn(events.Stored{Seq: next, Err: fmt.Errorf("stream %s holds no message at sequence %d: it was deleted", l.cfg.Stream, next)}); err != nil {
					return err
				}
			}
			got++
			e, ok := knownEvent(known, msg.Headers())
			var fid events.FactID
			if ok {
				fid = e.FactID()
			} else {
				var data []byte
				data, err = l.load(ctx, msg.Headers(), msg.Data())
				if err == nil {
					e, fid, err = events.DecodeEventID(data)
				}
			}
			if err == nil {
				err = l.trusted(seq, msg, e)
			}
			st := events.Stored{Seq: seq, Event: e, FactID: fid}
			if err != nil {
				// Not an event: delivered for the store to quarantine, so that it blocks nothing.
				st = l.undecodable(seq, msg.Subject(), msg.Data(), err)
			}
			if err := fn(st); err != nil {
				return err
			}
			next = seq + 1
			if next > last {
				break
			}
		}
		if ferr == nil && batch.Error() != nil && !errors.Is(batch.Error(), nats.ErrTimeout) {
			ferr = batch.Error()
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if ferr == nil && got > 0 {
			w.ok()
			continue
		}
		if next > last {
			break
		}
		// The consumer is lost or the fetch failed: make a new consumer from next.
		l.dropConsumer(cons)
		cons = nil
		if ferr == nil {
			ferr = fmt.Errorf("no message at %d of %d within %s: %w (%w)", next, last, DefaultFetchWait, errNoDelivery, events.ErrNotFound)
		}
		if got > 0 && transient(ferr) {
			w.ok() // progress: try a new consumer at once
			continue
		}
		if err := w.wait(ctx, ferr); err != nil {
			return fmt.Errorf("read stream %s at %d: %w", l.cfg.Stream, next, err)
		}
	}
	return nil
}

// readConsumer is the configuration of Read's consumer from sequence from: a pull consumer of one
// replica in memory, without acknowledgements, removed by the server when left idle.
func readConsumer(from uint64) jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{
		Name:              "annals_read_" + nuid.Next(),
		DeliverPolicy:     jetstream.DeliverByStartSequencePolicy,
		OptStartSeq:       from,
		AckPolicy:         jetstream.AckNonePolicy,
		InactiveThreshold: 2 * time.Minute,
		Replicas:          1,
		MemoryStorage:     true,
	}
}

// fetch asks cons for want messages, waiting for them up to DefaultFetchWait, with heartbeats that
// tell a lost consumer within two seconds. The caller cancels the fetch once it is done with it.
func fetch(ctx context.Context, cons jetstream.Consumer, want int) (jetstream.MessageBatch, context.CancelFunc, error) {
	fctx, cancel := context.WithTimeout(ctx, DefaultFetchWait)
	batch, err := cons.Fetch(want, jetstream.FetchContext(fctx), jetstream.FetchHeartbeat(time.Second))
	return batch, cancel, err
}

// messages returns the messages of a fetch, or none if the fetch failed to start.
func messages(batch jetstream.MessageBatch) <-chan jetstream.Msg {
	if batch == nil {
		ch := make(chan jetstream.Msg)
		close(ch)
		return ch
	}
	return batch.Messages()
}

// dropConsumer deletes Read's consumer in the background (the server also removes it once idle).
func (l *Log) dropConsumer(cons jetstream.Consumer) {
	if cons == nil {
		return
	}
	name := cons.CachedInfo().Name
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), l.cfg.RequestTimeout)
		defer cancel()
		_ = l.stream.DeleteConsumer(ctx, name)
	}()
}

// knownEvent returns the event that known holds under the id a message's headers name, if any.
func knownEvent(known func(ulid.ULID) (events.Event, bool), h nats.Header) (events.Event, bool) {
	if known == nil {
		return events.Event{}, false
	}
	id, err := ulid.ParseStrict(h.Get(HeaderEventID))
	if err != nil {
		return events.Event{}, false
	}
	return known(id)
}
