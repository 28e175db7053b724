package jetlog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Defaults for the deadlines and retries of Config.
const (
	// DefaultRetryFor is how long a read or a publish waits out a stream without a leader (an election,
	// a lost quorum) before it fails with ErrUnavailable.
	DefaultRetryFor = 30 * time.Second
	// DefaultRequestTimeout is the deadline of one request to the server: a publish, an API call, the
	// commit of an atomic batch.
	DefaultRequestTimeout = 5 * time.Second
	// DefaultFetchWait is how long one fetch of Read waits for its messages.
	DefaultFetchWait = 5 * time.Second
)

// Backoff between attempts: from minBackoff, doubling, up to maxBackoff; progress is logged at most
// every progressEvery.
const (
	minBackoff    = 100 * time.Millisecond
	maxBackoff    = 2 * time.Second
	progressEvery = 5 * time.Second
)

// ErrUnavailable is returned when the stream gave only transient errors (no responders, no leader,
// timeouts) for longer than Config.RetryFor: a cluster that lost its quorum or could not elect a
// stream leader. What was written before is intact; running the command again once the cluster is
// whole finishes the work.
var ErrUnavailable = errors.New("stream unavailable")

// errNoDelivery marks a fetch that ended without delivering a message the stream holds: its consumer
// is lost (its server went away) and is made again.
var errNoDelivery = errors.New("no message delivered")

// transient reports whether err is one a JetStream cluster gives while a stream or the meta group
// elects a leader, or while a server restarts: worth trying again after a pause. Every other error
// (a conflict, a refusal, a closed connection, a cancelled context) is not.
func transient(err error) bool {
	switch {
	case err == nil, errors.Is(err, context.Canceled):
		return false
	case errors.Is(err, nats.ErrNoResponders), errors.Is(err, jetstream.ErrNoStreamResponse),
		errors.Is(err, nats.ErrTimeout), errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, jetstream.ErrAsyncPublishTimeout), errors.Is(err, jetstream.ErrJetStreamNotEnabled),
		errors.Is(err, jetstream.ErrNoHeartbeat), errors.Is(err, jetstream.ErrConsumerDeleted),
		errors.Is(err, jetstream.ErrConsumerLeadershipChanged), errors.Is(err, jetstream.ErrConsumerNotFound),
		errors.Is(err, jetstream.ErrConsumerDoesNotExist), errors.Is(err, jetstream.ErrServerShutdown),
		errors.Is(err, nats.ErrConnectionReconnecting),
		errors.Is(err, errNoDelivery):
		return true
	}
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode {
		case 10004, // incomplete results (a peer did not answer)
			10005, // no suitable peers for placement (servers restarting)
			10008, // JetStream system temporarily unavailable (no meta leader)
			10009, // JetStream cluster can not handle request (not the leader)
			10076, // JetStream not enabled (a server starting)
			10158, // duplicate message id is in process (the first attempt is being written)
			10163: // expected last sequence per subject temporarily unavailable
			return true
		}
	}
	return false
}

// progress reports waits on stderr (through the logger) without repeating itself: one line when a
// wait starts, one every progressEvery while it lasts, one when the stream answers again, however
// many reads and publishes wait at once. It is safe for concurrent use.
type progress struct {
	logger *slog.Logger
	stream string

	mu      sync.Mutex
	waiting bool      // a wait was reported and not its end
	since   time.Time // when the reported wait started
	logged  time.Time // when the last line was written
}

func (p *progress) wait(op string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	switch {
	case !p.waiting:
		p.waiting, p.since, p.logged = true, now, now
		p.logger.Info("waiting for the stream leader", "stream", p.stream, "op", op, "error", err)
	case now.Sub(p.logged) >= progressEvery:
		p.logged = now
		p.logger.Warn("still waiting for the stream leader", "stream", p.stream, "op", op,
			"waited", now.Sub(p.since).Round(100*time.Millisecond).String(), "error", err)
	}
}

// answered notes a success: the end of the wait reported, if any.
func (p *progress) answered(op string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.waiting {
		p.waiting = false
		p.logger.Info("the stream answers again", "stream", p.stream, "op", op,
			"waited", time.Since(p.since).Round(100*time.Millisecond).String())
	}
}

// waiter paces the attempts of one operation: a backoff between attempts after a transient error, up
// to Config.RetryFor since the first failure that followed a success. It is not safe for concurrent
// use: each goroutine has its own.
type waiter struct {
	l       *Log
	op      string
	started time.Time // the first failure since the last success; zero if none
	delay   time.Duration
}

func (l *Log) waiter(op string) *waiter { return &waiter{l: l, op: op} }

// wait returns nil once it is time to try again after err. It returns err itself when err is not
// transient, ctx's error as soon as ctx ends, and an error wrapping ErrUnavailable and err once
// Config.RetryFor has passed since the first failure.
func (w *waiter) wait(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	if !transient(err) {
		return err
	}
	now := time.Now()
	if w.started.IsZero() {
		w.started, w.delay = now, minBackoff
	}
	waited := now.Sub(w.started)
	if waited >= w.l.cfg.RetryFor {
		return fmt.Errorf("stream %s had no leader that answered for %s: %w: %w", w.l.cfg.Stream,
			waited.Round(100*time.Millisecond), ErrUnavailable, err)
	}
	w.l.progress.wait(w.op, err)
	t := time.NewTimer(min(w.delay, w.l.cfg.RetryFor-waited))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
	}
	w.delay = min(2*w.delay, maxBackoff)
	return nil
}

// ok notes a success: the next failure starts a new wait.
func (w *waiter) ok() {
	w.started = time.Time{}
	w.l.progress.answered(w.op)
}

// do calls op until it succeeds, each attempt with a deadline of Config.RequestTimeout, pacing the
// attempts with w. It returns op's error when it is not transient (at once), ctx's error when ctx
// ends, and an error wrapping ErrUnavailable when Config.RetryFor has passed.
func (l *Log) do(ctx context.Context, w *waiter, op func(ctx context.Context) error) error {
	for {
		actx, cancel := context.WithTimeout(ctx, l.cfg.RequestTimeout)
		err := op(actx)
		cancel()
		if err == nil {
			w.ok()
			return nil
		}
		if err := w.wait(ctx, err); err != nil {
			return err
		}
	}
}
