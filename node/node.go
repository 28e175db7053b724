package node

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"annals/events"
	"annals/history"
	"annals/jetlog"
	"annals/record"

	"github.com/nats-io/nats.go"
)

// Defaults for Config.
const (
	DefaultInterval   = time.Second     // how often Run looks for new events without being woken
	DefaultMinSeqWait = 5 * time.Second // how long a question with min_seq waits for the node to apply it
)

// Store is what a node keeps its copy of the record in: a store the write side applies to and the
// read side reads (boltstore.Store).
type Store interface {
	events.Store
	events.Reader
}

// Config configures a Node. Log and Store are required.
type Config struct {
	Log   record.InfoLog // the stream (jetlog.Log)
	Store Store          // the node's own copy (boltstore.Store); the node writes it, the caller closes it
	// Conn, when set, wakes Run as soon as an event is published on Subject (the log's subjects,
	// jetlog.DefaultPrefix + ".>" if empty), so that the node follows within milliseconds; without it
	// Run looks every Interval.
	Conn     *nats.Conn
	Subject  string
	Interval time.Duration // DefaultInterval if zero
	// MinSeqWait is how long a question with min_seq waits; DefaultMinSeqWait if zero.
	MinSeqWait time.Duration
	// ReadOnly makes a node that only answers questions: Endpoints lists no write, and the writes
	// (Append, Correct, Retract, Ingest) fail with ErrReadOnly. A node whose NATS user may not publish
	// on the stream's subjects should be read-only (docs/api.md, "Permissions").
	ReadOnly bool
	Logger   *slog.Logger     // nil discards
	Now      func() time.Time // the recorded-time clock of writes; time.Now if nil
	Entropy  io.Reader        // entropy of event ids; crypto-random if nil
}

// Node follows the stream into its store, answers questions and takes writes. It is safe for
// concurrent use.
type Node struct {
	cfg     Config
	logger  *slog.Logger
	metrics *Metrics

	mu  sync.Mutex // one write to the store at a time: a catch-up or a write
	rec *record.Recorder

	hist    atomic.Pointer[history.Historian] // over the current record, replaced when it grows
	applied atomic.Uint64                     // the store's last sequence
	ready   atomic.Bool                       // the store caught up with the stream once

	waitMu   sync.Mutex
	advanced chan struct{} // closed (and replaced) when applied grows
}

// New returns a Node over the log and store of cfg, reading the store's last sequence.
func New(ctx context.Context, cfg Config) (*Node, error) {
	if cfg.Log == nil || cfg.Store == nil {
		return nil, fmt.Errorf("new node: a log and a store are required: %w", events.ErrInvalid)
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.MinSeqWait <= 0 {
		cfg.MinSeqWait = DefaultMinSeqWait
	}
	if cfg.Subject == "" {
		cfg.Subject = jetlog.DefaultPrefix + ".>"
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	rec := record.New(cfg.Log, cfg.Store, logger)
	if cfg.Now != nil {
		rec.Now = cfg.Now
	}
	if cfg.Entropy != nil {
		rec.Entropy = cfg.Entropy
	}
	n := &Node{cfg: cfg, logger: logger, metrics: newMetrics(), rec: rec, advanced: make(chan struct{})}
	last, err := cfg.Store.LastSeq(ctx)
	if err != nil {
		return nil, fmt.Errorf("new node: %w", err)
	}
	n.applied.Store(last)
	n.metrics.appliedSeq.Store(last)
	n.hist.Store(history.New(cfg.Store, history.Options{}))
	return n, nil
}

// Metrics returns the node's metrics.
func (n *Node) Metrics() *Metrics { return n.metrics }

// AppliedSeq returns the stream sequence of the last event the node's store holds.
func (n *Node) AppliedSeq() uint64 { return n.applied.Load() }

// Ready reports whether the node has caught up with the stream once since it started.
func (n *Node) Ready() bool { return n.ready.Load() }

// Run follows the stream into the store until ctx is done: it catches up at once, then whenever an
// event is published (with Config.Conn) and every Interval. A catch-up that fails (a cluster electing a
// leader) is logged and tried again at the next wake. Run returns nil once ctx is done, after the batch
// it applies is committed; it returns an error only when it cannot subscribe.
func (n *Node) Run(ctx context.Context) error {
	wake := make(chan struct{}, 1)
	if n.cfg.Conn != nil {
		sub, err := n.cfg.Conn.Subscribe(n.cfg.Subject, func(*nats.Msg) {
			select {
			case wake <- struct{}{}:
			default:
			}
		})
		if err != nil {
			return fmt.Errorf("follow %s: %w", n.cfg.Subject, err)
		}
		defer sub.Unsubscribe()
	}
	tick := time.NewTicker(n.cfg.Interval)
	defer tick.Stop()
	for {
		n.follow(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		case <-tick.C:
		}
	}
}

// follow catches the store up with the stream once, and records how far the stream and the store are.
func (n *Node) follow(ctx context.Context) {
	last, lerr := n.cfg.Log.LastSeq(ctx)
	n.mu.Lock()
	read, err := n.rec.CatchUp(ctx)
	n.mu.Unlock()
	n.advance(ctx, read)
	switch {
	case ctx.Err() != nil:
		return
	case err != nil:
		n.logger.Warn("follow the stream", "err", err, "seq", n.AppliedSeq())
		return
	case lerr != nil:
		n.logger.Warn("read the stream's last sequence", "err", lerr)
		return
	}
	n.metrics.streamSeq.Store(last)
	if n.AppliedSeq() >= last && !n.ready.Swap(true) {
		n.logger.Info("caught up", "seq", n.AppliedSeq())
	}
}

// advance records that the store may hold new events (read of them applied): it reads the store's last
// sequence, points the read side at the grown record, and wakes the questions waiting for it.
func (n *Node) advance(ctx context.Context, read int) {
	if read == 0 {
		return
	}
	n.metrics.eventsApplied.Add(uint64(read))
	last, err := n.cfg.Store.LastSeq(context.WithoutCancel(ctx))
	if err != nil {
		n.logger.Warn("read the store's last sequence", "err", err)
		return
	}
	n.hist.Store(history.New(n.cfg.Store, history.Options{}))
	n.applied.Store(last)
	n.metrics.appliedSeq.Store(last)
	if last > n.metrics.streamSeq.Load() {
		n.metrics.streamSeq.Store(last)
	}
	n.waitMu.Lock()
	close(n.advanced)
	n.advanced = make(chan struct{})
	n.waitMu.Unlock()
}

// waitFor returns once the store holds seq, or ErrNotApplied after MinSeqWait.
func (n *Node) waitFor(ctx context.Context, seq uint64) error {
	if seq == 0 || n.AppliedSeq() >= seq {
		return nil
	}
	timer := time.NewTimer(n.cfg.MinSeqWait)
	defer timer.Stop()
	for {
		n.waitMu.Lock()
		ch := n.advanced
		n.waitMu.Unlock()
		if n.AppliedSeq() >= seq {
			return nil
		}
		select {
		case <-ch:
		case <-timer.C:
			return fmt.Errorf("min_seq %d: the node holds %d after %s: %w", seq, n.AppliedSeq(), n.cfg.MinSeqWait, ErrNotApplied)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// historian returns the Historian a question's options ask for, once the node holds MinSeq.
func (n *Node) historian(ctx context.Context, o ReadOptions) (*history.Historian, error) {
	if err := n.waitFor(ctx, o.MinSeq); err != nil {
		return nil, err
	}
	if o.KnownAt == "" && !o.CuratedOnly {
		return n.hist.Load(), nil
	}
	var opts history.Options
	if o.KnownAt != "" {
		t, err := events.ParseRecorded(o.KnownAt)
		if err != nil {
			return nil, badRequest("known_at", err)
		}
		opts.KnownAt = t
	}
	opts.CuratedOnly = o.CuratedOnly
	return history.New(n.cfg.Store, opts), nil
}

// write runs one write under the node's lock, with a copy of the node's recorder for fn to configure,
// and points the read side at what it recorded. A read-only node refuses it with ErrReadOnly; a write
// the NATS server refuses to take (no permission to publish on the stream's subjects) ends at once with
// an error wrapping ErrNotPermitted, instead of waiting for an acknowledgment that never comes.
func (n *Node) write(ctx context.Context, fn func(context.Context, *record.Recorder) error) error {
	if n.cfg.ReadOnly {
		return fmt.Errorf("write: %w", ErrReadOnly)
	}
	ctx, stop := n.guardPublish(ctx)
	defer stop()
	n.mu.Lock()
	before, _ := n.cfg.Store.LastSeq(ctx)
	rec := *n.rec
	err := fn(ctx, &rec)
	if cause := context.Cause(ctx); errors.Is(cause, ErrNotPermitted) {
		err = cause
	} else if errors.Is(err, context.DeadlineExceeded) && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		err = fmt.Errorf("no acknowledgment from the stream before the request's deadline (the stream may still record the write, whole, once it answers; writing it again is safe): %w", err)
	}
	after, lerr := n.cfg.Store.LastSeq(context.WithoutCancel(ctx))
	n.mu.Unlock()
	if lerr == nil && after > before {
		n.advance(ctx, int(after-before))
	}
	return err
}

// lastSeq returns the sequence of the last of the events ids (those of a write), or the node's
// applied sequence when there are none.
func (n *Node) lastSeq(ctx context.Context, ids []string) (uint64, error) {
	if len(ids) == 0 {
		return n.AppliedSeq(), nil
	}
	id, err := parseID(ids[len(ids)-1])
	if err != nil {
		return 0, err
	}
	st, err := n.cfg.Store.Event(ctx, id)
	if err != nil {
		return 0, err
	}
	return st.Seq, nil
}
