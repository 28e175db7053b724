package node

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"annals/nodeapi"

	"github.com/nats-io/nats.go"
)

// ErrReadOnly is returned when a write is asked of a read-only node (Config.ReadOnly).
var ErrReadOnly = nodeapi.ErrReadOnly

// ErrNotPermitted is returned when the NATS server refused a write because the node's user may not
// publish on the stream's subjects: the node is a reader, not a writer.
var ErrNotPermitted = nodeapi.ErrNotPermitted

// guardInterval is how often a write looks at the connection's last error for a refused publish.
const guardInterval = 10 * time.Millisecond

// guardPublish returns a context for one write that is cancelled, with a cause wrapping
// ErrNotPermitted, as soon as the NATS server refuses a publish on the stream's subjects. The server
// refuses a publish without answering it (it tells the connection, asynchronously); without the guard
// the write would wait for an acknowledgment until the log gives up. stop ends the guard.
func (n *Node) guardPublish(ctx context.Context) (context.Context, func()) {
	nc := n.cfg.Conn
	if nc == nil {
		return ctx, func() {}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	prefix := strings.TrimSuffix(n.cfg.Subject, ">")
	before := nc.LastError()
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(guardInterval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			err := nc.LastError()
			if err == nil || err == before || !errors.Is(err, nats.ErrPermissionViolation) {
				continue
			}
			if msg := strings.ToLower(err.Error()); strings.Contains(msg, "publish to \""+strings.ToLower(prefix)) {
				cancel(fmt.Errorf("publish on %s: the NATS server refused it (%v): this node's user is not a writer: %w", n.cfg.Subject, err, ErrNotPermitted))
				return
			}
			before = err
		}
	}()
	return ctx, func() {
		close(done)
		cancel(nil)
	}
}
