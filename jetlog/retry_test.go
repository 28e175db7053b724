package jetlog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"annals/events"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func TestCheckServerVersion(t *testing.T) {
	tests := []struct {
		version string
		atomic  bool
		err     string // a part of the error, "" for none
	}{
		{"2.9.10", false, "nats-server 2.9.10 is older than 2.11.0, which the recorder needs for the expected last sequence"},
		{"2.10.29", false, "older than 2.11.0"},
		{"2.11.0", false, ""},
		{"v2.11.9", false, ""},
		{"2.12.0-RC.1", true, ""},
		{"2.12.0", true, ""},
		{"2.15.2", true, ""},
		{"3.0.0", true, ""},
		{"", false, "not MAJOR.MINOR.PATCH"},
		{"2.x.1", false, "not MAJOR.MINOR.PATCH"},
	}
	for _, tt := range tests {
		t.Run(tt.version, func(t *testing.T) {
			atomic, err := checkServerVersion(tt.version)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("checkServerVersion(%q) = %v, want no error", tt.version, err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || !errors.Is(err, ErrServerVersion)):
				t.Fatalf("checkServerVersion(%q) = %v, want ErrServerVersion saying %q", tt.version, err, tt.err)
			case atomic != tt.atomic:
				t.Errorf("checkServerVersion(%q) atomic batches = %v, want %v", tt.version, atomic, tt.atomic)
			}
		})
	}
}

func TestTransient(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"no responders", fmt.Errorf("append batch x: %w", nats.ErrNoResponders), true},
		{"no stream response", jetstream.ErrNoStreamResponse, true},
		{"request deadline", fmt.Errorf("stream info: %w", context.DeadlineExceeded), true},
		{"jetstream not enabled", jetstream.ErrJetStreamNotEnabled, true},
		{"no meta leader", &jetstream.APIError{Code: 503, ErrorCode: 10008}, true},
		{"duplicate in process", fmt.Errorf("nats: %w", &jetstream.APIError{Code: 409, ErrorCode: 10158}), true},
		{"consumer lost", jetstream.ErrNoHeartbeat, true},
		{"no delivery", fmt.Errorf("x: %w", errNoDelivery), true},
		{"cancelled", context.Canceled, false},
		{"wrong last sequence", &jetstream.APIError{Code: 400, ErrorCode: jetstream.JSErrCodeStreamWrongLastSequence}, false},
		{"replicas on one node", &jetstream.APIError{Code: 500, ErrorCode: 10074}, false},
		{"stream not found", jetstream.ErrStreamNotFound, false},
		{"closed", nats.ErrConnectionClosed, false},
		{"conflict", events.ErrConflict, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := transient(tt.err); got != tt.want {
				t.Errorf("transient(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

func testLog(retryFor time.Duration, logger *slog.Logger) *Log {
	cfg := Config{RetryFor: retryFor, Logger: logger}
	cfg.setDefaults()
	return &Log{cfg: cfg, progress: &progress{logger: cfg.Logger, stream: cfg.Stream}}
}

// TestWaitEnds: a wait on transient errors ends with ErrUnavailable after RetryFor, at once on an
// error that is not transient, and as soon as the context ends.
func TestWaitEnds(t *testing.T) {
	var logs strings.Builder
	l := testLog(400*time.Millisecond, slog.New(slog.NewTextHandler(&logs, nil)))
	start := time.Now()
	err := l.do(t.Context(), l.waiter("test"), func(context.Context) error { return nats.ErrNoResponders })
	if !errors.Is(err, ErrUnavailable) || !errors.Is(err, nats.ErrNoResponders) {
		t.Errorf("do(no responders for ever) = %v, want ErrUnavailable wrapping ErrNoResponders", err)
	}
	if took := time.Since(start); took < 400*time.Millisecond || took > 2*time.Second {
		t.Errorf("do(no responders for ever) took %s, want about RetryFor (400ms)", took)
	}
	if !strings.Contains(logs.String(), "waiting for the stream leader") {
		t.Errorf("log = %q, want \"waiting for the stream leader\"", logs.String())
	}

	calls := 0
	err = l.do(t.Context(), l.waiter("test"), func(context.Context) error {
		calls++
		return events.ErrConflict
	})
	if !errors.Is(err, events.ErrConflict) || calls != 1 {
		t.Errorf("do(conflict) = %v after %d calls, want ErrConflict after 1", err, calls)
	}

	calls = 0
	err = l.do(t.Context(), l.waiter("test"), func(context.Context) error {
		if calls++; calls < 3 {
			return jetstream.ErrNoStreamResponse
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Errorf("do(two transient errors, then success) = %v after %d calls, want nil after 3", err, calls)
	}
	if !strings.Contains(logs.String(), "the stream answers again") {
		t.Errorf("log = %q, want \"the stream answers again\"", logs.String())
	}

	long := testLog(time.Hour, nil)
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(200*time.Millisecond, cancel)
	start = time.Now()
	err = long.do(ctx, long.waiter("test"), func(ctx context.Context) error {
		<-ctx.Done() // a request that never answers, until its deadline or the caller's end
		return ctx.Err()
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("do(cancelled) = %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("do(cancelled after 200ms) took %s, want it to end at once", took)
	}
}

// TestOpenReplicasOnOneNode: three replicas on a single server fail at once, not after a wait.
func TestOpenReplicasOnOneNode(t *testing.T) {
	s := startServer(t, t.TempDir())
	cfg := freshConfig()
	cfg.Replicas = 3
	start := time.Now()
	if _, err := Open(t.Context(), s.js, cfg); err == nil {
		t.Fatalf("Open(Replicas 3) on one server = nil, want an error")
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Open(Replicas 3) on one server took %s, want it to fail at once", took)
	}
}
