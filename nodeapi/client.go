package nodeapi

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"annals/jetlog"
	"annals/nodeapi/wire"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

// DefaultAskTimeout is how long Ask waits for an answer when ctx has no deadline: longer than the
// service's own deadline of a request (DefaultTimeout), so that a slow request is answered by the node
// with its error rather than cut short by the client.
const DefaultAskTimeout = wire.DefaultAskTimeout

// Client asks the nodes of a record over NATS: the request goes to the service's queue group, which
// one node answers. A Client is a value; it is safe for concurrent use as its connection is.
type Client struct {
	Conn   *nats.Conn
	Prefix string // the subjects' prefix, as the nodes' Config.Prefix; DefaultPrefix if empty
}

// Ask sends request to the endpoint of the nodes on nc (DefaultPrefix), as Client.Ask does.
func Ask(ctx context.Context, nc *nats.Conn, endpoint string, request any) (body []byte, appliedSeq uint64, err error) {
	return Client{Conn: nc}.Ask(ctx, endpoint, request)
}

// Ask sends request to the endpoint (state, party, …, append, correct, retract, ingest: docs/api.md)
// and returns the answer's body exactly as the node sent it (the JSON document `query --json` prints,
// with its final newline, or a write's document) and the node's applied sequence (the
// Annals-Applied-Seq header: how far the store it answered from was).
//
// The request is sent as is when it is a []byte or json.RawMessage (a curated facts file for append),
// as an empty body when nil, and as its JSON encoding otherwise (StateRequest, a map, …). Ask
// waits until ctx is done, or DefaultAskTimeout when ctx has no deadline.
//
// When the node answers with an error, Ask returns a nil body, the applied sequence, and an *Error
// whose message is the node's (for an unknown name, with its candidates: "did you mean one of: …")
// and which wraps the sentinel of its code: 400 events.ErrInvalid (and events.ErrAmbiguous for a
// name that means several entities), 403 ErrReadOnly or ErrNotPermitted, 404
// events.ErrNotFound, 409 events.ErrConflict, 413 ErrTooLarge (an answer larger than a NATS
// message), 503 ErrNotApplied (min_seq not applied in time) or jetlog.ErrUnavailable (the
// stream has no quorum), 504 context.DeadlineExceeded. When no node serves the endpoint, even after
// asking again for NoNodeGrace (a node may be moving to another server of its cluster), the error
// wraps ErrNoNode; when none answers in time, context.DeadlineExceeded.
func (c Client) Ask(ctx context.Context, endpoint string, request any) (body []byte, appliedSeq uint64, err error) {
	prefix := c.Prefix
	if prefix == "" {
		prefix = DefaultPrefix
	}
	subject := prefix + "." + endpoint
	data, err := wire.Encode(subject, request)
	if err != nil {
		return nil, 0, err
	}
	ctx, cancel := wire.AskContext(ctx)
	defer cancel()
	msg, err := c.Conn.RequestWithContext(ctx, subject, data)
	for wait, deadline := 50*time.Millisecond, time.Now().Add(NoNodeGrace); errors.Is(err, nats.ErrNoResponders) && time.Now().Before(deadline); wait = min(2*wait, 500*time.Millisecond) {
		// A node of a cluster whose server went down serves again once its connection moves to
		// another server (a NATS client waits ReconnectWait, 2s, before it tries): ask again.
		if !sleep(ctx, wait) {
			break
		}
		msg, err = c.Conn.RequestWithContext(ctx, subject, data)
	}
	switch {
	case errors.Is(err, nats.ErrNoResponders):
		return nil, 0, fmt.Errorf("ask %s: %w (is a node running, and does one take this request?): %w", subject, ErrNoNode, err)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, nats.ErrTimeout):
		return nil, 0, fmt.Errorf("ask %s: no answer in time: %w", subject, context.DeadlineExceeded)
	case err != nil:
		return nil, 0, fmt.Errorf("ask %s: %w", subject, err)
	}
	if s := msg.Header.Get(HeaderAppliedSeq); s != "" {
		appliedSeq, _ = strconv.ParseUint(s, 10, 64)
	}
	code := msg.Header.Get(micro.ErrorCodeHeader)
	if code == "" {
		return msg.Data, appliedSeq, nil
	}
	return nil, appliedSeq, answerError(endpoint, code, msg)
}

// sleep waits d, and reports false if ctx is done first.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// NoNodeGrace is how long Ask asks again while no node serves the endpoint, before it gives up with
// ErrNoNode: longer than a NATS client's wait before it reconnects to another server of a cluster.
const NoNodeGrace = 3 * time.Second

// Error is a node's error answer to a request: its status code and error document (docs/api.md).
// Its message is the node's; it wraps the sentinel of its code (see Client.Ask).
type Error struct {
	Endpoint string
	Code     int
	Document ErrorDocument
}

// Error returns the node's message: for a name that means no entity or several, with the candidates.
func (e *Error) Error() string { return e.Document.Error }

// Unwrap returns the sentinels of the error's code (wire.Sentinels), and for a 503 of a stream that lost
// its quorum, jetlog.ErrUnavailable.
func (e *Error) Unwrap() []error {
	if e.Code == 503 && !strings.Contains(e.Document.Error, ErrNotApplied.Error()) {
		return []error{jetlog.ErrUnavailable}
	}
	return wire.Sentinels(e.Code, e.Document)
}

// answerError reads a micro error answer: the error document of the body, or, when the body is not
// one, the code and message of the headers (wire.AnswerDocument).
func answerError(endpoint, code string, msg *nats.Msg) error {
	doc := wire.AnswerDocument(code, msg.Data, msg.Header.Get(micro.ErrorHeader))
	return &Error{Endpoint: endpoint, Code: doc.Code, Document: doc}
}
