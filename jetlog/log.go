package jetlog

import (
	"encoding/json"
	"maps"
	"strconv"

	"context"
	"errors"
	"fmt"
	"github.com/nats-io/nuid"
	"time"

	"annals/events"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
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
	Stream          string        // stream name; DefaultStream if empty
	Prefix          string        // subject prefix; DefaultPrefix if empty
	Replicas        int           // stream replicas on a cluster; 1 if zero
	DuplicateWindow time.Duration // how long JetStream remembers message ids; DefaultDuplicateWindow if zero
	MaxInFlight     int           // unacknowledged publishes at once; DefaultMaxInFlight if zero
	// MaxBatch is the most events one atomic batch carries (DefaultMaxBatch if zero; the server's own
	// limit is 1,000). A negative MaxBatch turns atomic batches off.
	MaxBatch int
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
}

// Log is an events.Log over a JetStream stream. It is safe for concurrent use.
type Log struct {
	js     jetstream.JetStream
	stream jetstream.Stream
	cfg    Config
}

var _ events.Log = (*Log)(nil)

// Open creates the stream if it does not exist (or checks the one that does) and returns its Log.
func Open(ctx context.Context, js jetstream.JetStream, cfg Config) (*Log, error) {
	cfg.setDefaults()
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
	stream, err := js.Stream(ctx, cfg.Stream)
	switch {
	case errors.Is(err, jetstream.ErrStreamNotFound):
		stream, err = js.CreateStream(ctx, want)
		if err != nil {
			return nil, fmt.Errorf("create stream %s: %w", cfg.Stream, err)
		}
	case err != nil:
		return nil, fmt.Errorf("look up stream %s: %w", cfg.Stream, err)
	default:
		got := stream.CachedInfo().Config
		if !got.DenyDelete || !got.DenyPurge || got.Storage != jetstream.FileStorage {
			return nil, fmt.Errorf("stream %s exists but allows deletes or purges or is not on file storage: %w", cfg.Stream, events.ErrInvalid)
		}
		if len(got.Subjects) != 1 || got.Subjects[0] != cfg.Prefix+".>" {
			return nil, fmt.Errorf("stream %s has subjects %v, want [%s.>]: %w", cfg.Stream, got.Subjects, cfg.Prefix, events.ErrInvalid)
		}
		if cfg.MaxBatch > 0 && !got.AllowAtomicPublish {
			// A stream made before atomic batches: enable them if the server can, else go without.
			got.AllowAtomicPublish = true
			if updated, err := js.UpdateStream(ctx, got); err == nil {
				stream = updated
			} else {
				cfg.MaxBatch = -1
			}
		}
	}
	return &Log{js: js, stream: stream, cfg: cfg}, nil
}

// Stream returns the name of the stream.
func (l *Log) Stream() string { return l.cfg.Stream }

// LastSeq returns the sequence of the last message in the stream.
func (l *Log) LastSeq(ctx context.Context) (uint64, error) {
	info, err := l.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("stream %s info: %w", l.cfg.Stream, err)
	}
	return info.State.LastSeq, nil
}

func (l *Log) entitySubjects(id events.EntityID) string {
	return l.cfg.Prefix + "." + string(id) + ".>"
}

type ack struct {
	index int
	seq   uint64
	err   error
}

// Append publishes events, in atomic batches of up to MaxBatch events when the stream allows them:
// each batch is written whole, in the order given, with one sync to disk, or not at all. Every event
// of a batch carries the expected last sequence of its entity before the batch. A batch the server
// refuses (a conflict, a duplicate) is written again event by event (see appendChained), which writes
// what it can and reports what it cannot. An event whose entity is not a valid EntityID refuses the
// whole call, with nothing written: an error wrapping events.ErrInvalid. See events.Log.
func (l *Log) Append(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, error) {
	// The entity is a token of the event's subjects: one that is not a valid EntityID (a '.', a
	// wildcard, white space) would publish on other subjects. Refuse the whole call before writing.
	for _, e := range evs {
		if err := e.Entity.Validate(); err != nil {
			return make([]uint64, len(evs)), fmt.Errorf("append event %s: %w", e.ID, err)
		}
	}
	if l.cfg.MaxBatch <= 0 || len(evs) < 2 {
		return l.appendChained(ctx, evs, expect)
	}
	expect = maps.Clone(expect)
	if expect == nil {
		expect = map[events.EntityID]uint64{}
	}
	seqs := make([]uint64, 0, len(evs))
	for start := 0; start < len(evs); start += l.cfg.MaxBatch {
		batch := evs[start:min(start+l.cfg.MaxBatch, len(evs))]
		got, err := l.appendBatch(ctx, batch, expect)
		if err != nil {
			if ctx.Err() != nil {
				return append(seqs, make([]uint64, len(evs)-len(seqs))...), ctx.Err()
			}
			// Refused whole: write this batch and the rest one by one, which sorts out what was
			// refused (and writes the other entities' events).
			rest, err := l.appendChained(ctx, evs[start:], expect)
			return append(seqs, rest...), err
		}
		for i, e := range batch {
			expect[e.Entity] = got[i]
		}
		seqs = append(seqs, got...)
	}
	return seqs, nil
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
// sequences the batch got, or an error when the server refused it (then nothing was written).
func (l *Log) appendBatch(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, error) {
	nc := l.js.Conn()
	id := nuid.Next()
	var ack batchAck
	for i, e := range evs {
		msg, err := l.message(e)
		if err != nil {
			return nil, err
		}
		msg.Header.Set(jetstream.MsgIDHeader, string(e.Fact.ID()))
		msg.Header.Set(jetstream.ExpectedLastSubjSeqHeader, strconv.FormatUint(expect[e.Entity], 10))
		msg.Header.Set(jetstream.ExpectedLastSubjSeqSubjHeader, l.entitySubjects(e.Entity))
		msg.Header.Set("Nats-Batch-Id", id)
		msg.Header.Set("Nats-Batch-Sequence", strconv.Itoa(i+1))
		if i < len(evs)-1 {
			if err := nc.PublishMsg(msg); err != nil {
				return nil, fmt.Errorf("append batch %s: %w", id, err)
			}
			continue
		}
		msg.Header.Set("Nats-Batch-Commit", "1")
		reply, err := nc.RequestMsgWithContext(ctx, msg)
		if err != nil {
			return nil, fmt.Errorf("append batch %s: %w", id, err)
		}
		if err := json.Unmarshal(reply.Data, &ack); err != nil {
			return nil, fmt.Errorf("append batch %s: answer %q: %w", id, reply.Data, err)
		}
	}
	if ack.Error != nil {
		return nil, fmt.Errorf("append batch %s refused: %s (code %d)", id, ack.Error.Description, ack.Error.ErrCode)
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
// had one. Any other error stops every entity.
func (l *Log) appendChained(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, error) {
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
		msg, err := l.message(evs[i])
		if err != nil {
			return err
		}
		fut, err := l.js.PublishMsgAsync(msg, jetstream.WithMsgID(string(evs[i].Fact.ID())),
			jetstream.WithExpectStream(l.cfg.Stream),
			jetstream.WithExpectLastSequenceForSubject(c.last, l.entitySubjects(id)))
		if err != nil {
			return fmt.Errorf("publish %s: %w", msg.Subject, err)
		}
		inFlight++
		go func() {
			select {
			case pa := <-fut.Ok():
				acks <- ack{index: i, seq: pa.Sequence}
			case err := <-fut.Err():
				acks <- ack{index: i, err: err}
			case <-ctx.Done():
				acks <- ack{index: i, err: ctx.Err()}
			}
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
		seqs[a.index] = a.seq
		c.last = a.seq
		if c.next < len(c.indexes) {
			ready = append(ready, e.Entity)
		}
	}
	return seqs, errors.Join(append([]error{fatal}, conflicts...)...)
}

func (l *Log) message(e events.Event) (*nats.Msg, error) {
	data, err := events.EncodeEvent(e)
	if err != nil {
		return nil, err
	}
	msg := nats.NewMsg(e.Subject(l.cfg.Prefix))
	msg.Data = data
	msg.Header.Set("Annals-Event-Id", e.ID.String())
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
	subject := e.Subject(l.cfg.Prefix)
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) && (apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
		apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant) {
		entity := l.entitySubjects(e.Entity)
		next, gerr := l.stream.GetMsg(ctx, expected+1, jetstream.WithGetMsgSubject(entity))
		if gerr == nil && next.Header.Get(jetstream.MsgIDHeader) == string(e.Fact.ID()) {
			return next.Sequence, nil
		}
		raced := "another event"
		if last, gerr := l.stream.GetLastMsgForSubject(ctx, entity); gerr == nil {
			raced = fmt.Sprintf("event %s (seq %d)", last.Header.Get("Annals-Event-Id"), last.Sequence)
		}
		return 0, fmt.Errorf("append %s: %s holds %s written after seq %d, which this writer had not seen: %w",
			subject, e.Entity, raced, expected, events.ErrConflict)
	}
	return 0, fmt.Errorf("append %s: %w", subject, err)
}

// DefaultReadBatch is how many messages Read fetches at a time.
const DefaultReadBatch = 512

// Read calls fn with each event from sequence from up to the last sequence at the time of the call.
func (l *Log) Read(ctx context.Context, from uint64, fn func(events.Stored) error) error {
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
	cons, err := l.stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{
		DeliverPolicy: jetstream.DeliverByStartSequencePolicy,
		OptStartSeq:   from,
	})
	if err != nil {
		return fmt.Errorf("read stream %s from %d: %w", l.cfg.Stream, from, err)
	}
	next := from
	for next <= last {
		if err := ctx.Err(); err != nil {
			return err
		}
		want := min(int(last-next+1), DefaultReadBatch)
		batch, err := cons.Fetch(want, jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			return fmt.Errorf("read stream %s at %d: %w", l.cfg.Stream, next, err)
		}
		got := 0
		for msg := range batch.Messages() {
			got++
			meta, err := msg.Metadata()
			if err != nil {
				return fmt.Errorf("read stream %s at %d: %w", l.cfg.Stream, next, err)
			}
			seq := meta.Sequence.Stream
			e, fid, err := events.DecodeEventID(msg.Data())
			if err != nil {
				return fmt.Errorf("stream %s seq %d (%s): %w", l.cfg.Stream, seq, msg.Subject(), err)
			}
			if err := fn(events.Stored{Seq: seq, Event: e, FactID: fid}); err != nil {
				return err
			}
			next = seq + 1
			if next > last {
				break
			}
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) {
			return fmt.Errorf("read stream %s at %d: %w", l.cfg.Stream, next, err)
		}
		if got == 0 {
			return fmt.Errorf("read stream %s: no message at %d of %d: %w", l.cfg.Stream, next, last, events.ErrNotFound)
		}
	}
	return nil
}
