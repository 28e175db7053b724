package nodeapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"annals/events"
	"annals/jetlog"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

// DefaultAskTimeout is how long Ask waits for an answer when ctx has no deadline: longer than the
// service's own deadline of a request (DefaultTimeout), so that a slow request is answered by the node
// with its error rather than cut short by the client.
const DefaultAskTimeout = ServiceTimeout + 5*time.Second

// ErrNoNode is returned when no node serves the endpoint asked: no `recorder serve` is connected to
// the NATS server, or (for a write) every node is read-only.
var ErrNoNode = errors.New("no node answers")

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
// stream has no quorum), 504 context.DeadlineExceeded. When no node serves the endpoint, the error
// wraps ErrNoNode; when none answers in time, context.DeadlineExceeded.
func (c Client) Ask(ctx context.Context, endpoint string, request any) (body []byte, appliedSeq uint64, err error) {
	prefix := c.Prefix
	if prefix == "" {
		prefix = DefaultPrefix
	}
	subject := prefix + "." + endpoint
	var data []byte
	switch r := request.(type) {
	case nil:
	case []byte:
		data = r
	case json.RawMessage:
		data = r
	default:
		data, err = json.Marshal(r)
		if err != nil {
			return nil, 0, fmt.Errorf("ask %s: encode the request: %v: %w", subject, err, events.ErrInvalid)
		}
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultAskTimeout)
		defer cancel()
	}
	msg, err := c.Conn.RequestWithContext(ctx, subject, data)
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

// Error is a node's error answer to a request: its status code and error document (docs/api.md).
// Its message is the node's; it wraps the sentinel of its code (see Client.Ask).
type Error struct {
	Endpoint string
	Code     int
	Document ErrorDocument
}

// Error returns the node's message: for a name that means no entity or several, with the candidates.
func (e *Error) Error() string { return e.Document.Error }

// Unwrap returns the sentinels of the error's code.
func (e *Error) Unwrap() []error {
	msg := e.Document.Error
	switch e.Code {
	case 400:
		if len(e.Document.Candidates) > 0 {
			return []error{events.ErrAmbiguous, events.ErrInvalid}
		}
		return []error{events.ErrInvalid}
	case 401, 403:
		if strings.Contains(msg, ErrReadOnly.Error()) {
			return []error{ErrReadOnly}
		}
		return []error{ErrNotPermitted}
	case 404:
		return []error{events.ErrNotFound}
	case 413:
		return []error{ErrTooLarge}
	case 409:
		return []error{events.ErrConflict}
	case 503:
		if strings.Contains(msg, ErrNotApplied.Error()) {
			return []error{ErrNotApplied}
		}
		return []error{jetlog.ErrUnavailable}
	case 504:
		return []error{context.DeadlineExceeded}
	}
	return nil
}

// answerError reads a micro error answer: the error document of the body, or, when the body is not
// one, the code and message of the headers.
func answerError(endpoint, code string, msg *nats.Msg) error {
	e := &Error{Endpoint: endpoint}
	e.Code, _ = strconv.Atoi(code)
	if err := json.Unmarshal(msg.Data, &e.Document); err != nil || e.Document.Error == "" {
		e.Document = ErrorDocument{Code: e.Code, Error: msg.Header.Get(micro.ErrorHeader)}
	}
	if e.Document.Error == "" {
		e.Document.Error = "error " + code
	}
	if len(e.Document.Candidates) > 0 && !containsAll(e.Document.Error, e.Document.Candidates) {
		var b bytes.Buffer
		b.WriteString(e.Document.Error)
		b.WriteString("; did you mean one of:")
		for _, c := range e.Document.Candidates {
			fmt.Fprintf(&b, "\n  %s  (%s)", c.ID, strings.Join(c.Names, "; "))
		}
		e.Document.Error = b.String()
	}
	e.Document.Code = e.Code
	return e
}

// containsAll reports whether msg names every candidate.
func containsAll(msg string, cands []Candidate) bool {
	for _, c := range cands {
		if !strings.Contains(msg, string(c.ID)) {
			return false
		}
	}
	return true
}
