package wire

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"annals/events"
)

// Ask speaks the NATS client protocol itself (https://docs.nats.io/reference/reference-protocols/nats-protocol):
// a program that only asks a question links no NATS client library, whose packages would make each of
// its starts slower. It supports what `query --server URL` takes: one URL or several, comma-separated,
// with a user and password or a token in it, and TLS (tls:// or a server that requires it) against the
// system's roots. Programs that need more (credentials files, nkeys, a CA of their own) use package
// nodeapi's client over a nats.go connection.

// DefaultAskTimeout is how long Ask waits for an answer when ctx has no deadline: longer than the
// service's own deadline of a request (ServiceTimeout), so that a slow request is answered by the node
// with its error rather than cut short by the client.
const DefaultAskTimeout = ServiceTimeout + 5*time.Second

// DefaultPort is the port of a NATS URL that names none.
const DefaultPort = "4222"

// ErrNoNode is returned when no node serves the endpoint asked: no `recorder serve` is connected to
// the NATS server, or (for a write) every node is read-only.
var ErrNoNode = errors.New("no node answers")

// Headers the NATS service framework (nats.go's micro) sets on an error answer.
const (
	headerErrorCode = "Nats-Service-Error-Code"
	headerError     = "Nats-Service-Error"
)

// Error is a node's error answer to a request that Ask sent: its status code and error document
// (docs/api.md). Its message is the node's; it wraps the sentinels of its code (Sentinels).
type Error struct {
	Endpoint string
	Code     int
	Document ErrorDocument
}

// Error returns the node's message: for a name that means no entity or several, with the candidates.
func (e *Error) Error() string { return e.Document.Error }

// Unwrap returns the sentinels of the error's code.
func (e *Error) Unwrap() []error { return Sentinels(e.Code, e.Document) }

// Sentinels returns the sentinel errors a node's error answer wraps: 400 events.ErrInvalid (and
// events.ErrAmbiguous with candidates), 403 ErrReadOnly or ErrNotPermitted, 404 events.ErrNotFound,
// 409 events.ErrConflict, 413 ErrTooLarge, 503 ErrNotApplied (a 503 for a stream that lost its quorum
// wraps jetlog.ErrUnavailable, which package nodeapi adds), 504 context.DeadlineExceeded.
func Sentinels(code int, doc ErrorDocument) []error {
	switch code {
	case 400:
		if len(doc.Candidates) > 0 {
			return []error{events.ErrAmbiguous, events.ErrInvalid}
		}
		return []error{events.ErrInvalid}
	case 401, 403:
		if strings.Contains(doc.Error, ErrReadOnly.Error()) {
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
		if strings.Contains(doc.Error, ErrNotApplied.Error()) {
			return []error{ErrNotApplied}
		}
	case 504:
		return []error{context.DeadlineExceeded}
	}
	return nil
}

// AnswerDocument returns the error document of a node's error answer with the code of its headers:
// the document its body holds, or, when the body is not one, the code and the message of its headers
// (headerMsg). A message that does not name every candidate gets them added, one a line.
func AnswerDocument(code string, body []byte, headerMsg string) ErrorDocument {
	var doc ErrorDocument
	n, _ := strconv.Atoi(code)
	if err := json.Unmarshal(body, &doc); err != nil || doc.Error == "" {
		doc = ErrorDocument{Code: n, Error: headerMsg}
	}
	if doc.Error == "" {
		doc.Error = "error " + code
	}
	if len(doc.Candidates) > 0 && !containsAll(doc.Error, doc.Candidates) {
		var b bytes.Buffer
		b.WriteString(doc.Error)
		b.WriteString("; did you mean one of:")
		for _, c := range doc.Candidates {
			fmt.Fprintf(&b, "\n  %s  (%s)", c.ID, strings.Join(c.Names, "; "))
		}
		doc.Error = b.String()
	}
	doc.Code = n
	return doc
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

// Encode returns the body of a request: request itself when it is a []byte or json.RawMessage, none
// when nil, and its JSON encoding otherwise; an error wrapping events.ErrInvalid when it does not
// encode.
func Encode(subject string, request any) ([]byte, error) {
	switch r := request.(type) {
	case nil:
		return nil, nil
	case []byte:
		return r, nil
	case json.RawMessage:
		return r, nil
	}
	data, err := json.Marshal(request)
	if err != nil {
		return nil, fmt.Errorf("ask %s: encode the request: %v: %w", subject, err, events.ErrInvalid)
	}
	return data, nil
}

// AskContext returns ctx, with a deadline DefaultAskTimeout from now when it has none: how long a
// question waits for its answer.
func AskContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, DefaultAskTimeout)
}

// Ask sends request to the endpoint of the nodes (DefaultPrefix) at the NATS server of servers (a URL,
// or several, comma-separated: the first that takes the connection is asked), over a connection of its
// own that it closes, and returns the answer's body exactly as the node sent it and the node's applied
// sequence, as nodeapi.Client.Ask does: the request is encoded by Encode; an error answer is an *Error;
// when no node serves the endpoint the error wraps ErrNoNode; when none answers in time (ctx, or
// DefaultAskTimeout when ctx has no deadline), context.DeadlineExceeded. name is the connection's
// name, as the server shows it.
func Ask(ctx context.Context, servers, name, endpoint string, request any) (body []byte, appliedSeq uint64, err error) {
	subject := DefaultPrefix + "." + endpoint
	data, err := Encode(subject, request)
	if err != nil {
		return nil, 0, err
	}
	ctx, cancel := AskContext(ctx)
	defer cancel()
	c, err := dialAny(ctx, servers, name)
	if err != nil {
		return nil, 0, err
	}
	defer c.conn.Close()
	stop := context.AfterFunc(ctx, func() { c.conn.SetDeadline(time.Unix(1, 0)) }) // wake a blocked read
	defer stop()
	msg, err := c.request(subject, data)
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, 0, fmt.Errorf("ask %s: no answer in time: %w", subject, context.DeadlineExceeded)
	case ctx.Err() != nil:
		return nil, 0, fmt.Errorf("ask %s: %w", subject, ctx.Err())
	}
	if err != nil {
		return nil, 0, fmt.Errorf("ask %s: %w", subject, err)
	}
	if msg.status == "503" && len(msg.data) == 0 {
		return nil, 0, fmt.Errorf("ask %s: %w (is a node running, and does one take this request?): nats: no responders available for request", subject, ErrNoNode)
	}
	if s := msg.header(HeaderAppliedSeq); s != "" {
		appliedSeq, _ = strconv.ParseUint(s, 10, 64)
	}
	code := msg.header(headerErrorCode)
	if code == "" {
		return msg.data, appliedSeq, nil
	}
	doc := AnswerDocument(code, msg.data, msg.header(headerError))
	return nil, appliedSeq, &Error{Endpoint: endpoint, Code: doc.Code, Document: doc}
}

// natsConn is one connection to a NATS server, for one request.
type natsConn struct {
	conn       net.Conn
	r          *bufio.Reader
	w          *bufio.Writer
	maxPayload int // the most bytes a message from the server may carry (its INFO's max_payload)
}

// defaultMaxPayload bounds a message from a server whose INFO names no max_payload.
const defaultMaxPayload = 64 << 20

// serverInfo is what a server's INFO says of what it wants of a client.
type serverInfo struct {
	TLSRequired  bool  `json:"tls_required"`
	AuthRequired bool  `json:"auth_required"`
	Headers      bool  `json:"headers"`
	MaxPayload   int64 `json:"max_payload"`
}

// dialAny connects to the first of the servers that takes the connection.
func dialAny(ctx context.Context, servers, name string) (*natsConn, error) {
	var errs []error
	for s := range strings.SplitSeq(servers, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		c, err := dial(ctx, s, name)
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return nil, fmt.Errorf("no NATS server URL given: %w", events.ErrInvalid)
	}
	return nil, errors.Join(errs...)
}

// dial connects to the server of a URL (nats://, tls://, or host:port), reads its INFO, sends CONNECT
// with the URL's credentials and waits for the server's PONG: the connection is then accepted.
func dial(ctx context.Context, server, name string) (*natsConn, error) {
	if !strings.Contains(server, "://") {
		server = "nats://" + server
	}
	u, err := url.Parse(server)
	if err != nil {
		return nil, fmt.Errorf("NATS URL %q: %v: %w", server, err, events.ErrInvalid)
	}
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = DefaultPort
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(host, port))
	if err != nil {
		return nil, err
	}
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	c := &natsConn{conn: conn, r: bufio.NewReader(conn)}
	fail := func(err error) (*natsConn, error) {
		conn.Close()
		return nil, fmt.Errorf("nats %s: %w", u.Host, err)
	}
	line, err := c.line()
	if err != nil {
		return fail(err)
	}
	var info serverInfo
	if rest, ok := strings.CutPrefix(line, "INFO "); !ok || json.Unmarshal([]byte(rest), &info) != nil {
		return fail(fmt.Errorf("not a NATS server (it said %.40q)", line))
	}
	if !info.Headers {
		return fail(errors.New("the server does not support headers"))
	}
	c.maxPayload = defaultMaxPayload
	if info.MaxPayload > 0 && info.MaxPayload < defaultMaxPayload {
		c.maxPayload = int(info.MaxPayload)
	}
	if info.TLSRequired || u.Scheme == "tls" {
		tc := tls.Client(conn, &tls.Config{ServerName: host})
		if err := tc.HandshakeContext(ctx); err != nil {
			return fail(err)
		}
		c.conn, c.r = tc, bufio.NewReader(tc)
	}
	c.w = bufio.NewWriter(c.conn)
	connect := map[string]any{"verbose": false, "pedantic": false, "tls_required": info.TLSRequired || u.Scheme == "tls",
		"name": name, "lang": "go", "version": "annals", "protocol": 1, "headers": true, "no_responders": true}
	if u.User != nil {
		if pass, ok := u.User.Password(); ok {
			connect["user"], connect["pass"] = u.User.Username(), pass
		} else {
			connect["auth_token"] = u.User.Username()
		}
	}
	data, err := json.Marshal(connect)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(c.w, "CONNECT %s\r\nPING\r\n", data)
	if err := c.w.Flush(); err != nil {
		return fail(err)
	}
	for {
		line, err := c.line()
		if err != nil {
			return fail(err)
		}
		switch {
		case line == "PONG":
			return c, nil
		case line == "PING":
			c.w.WriteString("PONG\r\n")
			c.w.Flush()
		case strings.HasPrefix(line, "-ERR"):
			return fail(fmt.Errorf("the server refused the connection: %s", strings.Trim(strings.TrimPrefix(line, "-ERR "), "'")))
		}
	}
}

// line reads one protocol line, without its CRLF.
func (c *natsConn) line() (string, error) {
	line, err := c.r.ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// answer is a message that answered a request: its status ("503": no responders), its headers and
// its payload.
type answer struct {
	status  string
	headers []string // "Key: Value"
	data    []byte
}

// header returns the value of the header key, compared case-insensitively, "" when it has none.
func (m *answer) header(key string) string {
	for _, h := range m.headers {
		if k, v, ok := strings.Cut(h, ":"); ok && strings.EqualFold(strings.TrimSpace(k), key) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// request publishes data on subject with a reply inbox of its own and returns the first message on it.
func (c *natsConn) request(subject string, data []byte) (*answer, error) {
	inbox := "_INBOX." + strconv.FormatUint(rand.Uint64(), 36) + strconv.FormatUint(rand.Uint64(), 36)
	fmt.Fprintf(c.w, "SUB %s 1\r\nUNSUB 1 1\r\nPUB %s %s %d\r\n", inbox, subject, inbox, len(data))
	c.w.Write(data)
	c.w.WriteString("\r\n")
	if err := c.w.Flush(); err != nil {
		return nil, err
	}
	for {
		line, err := c.line()
		if err != nil {
			return nil, err
		}
		op, args, _ := strings.Cut(line, " ")
		switch strings.ToUpper(op) {
		case "PING":
			c.w.WriteString("PONG\r\n")
			if err := c.w.Flush(); err != nil {
				return nil, err
			}
		case "-ERR":
			return nil, fmt.Errorf("the server: %s", strings.Trim(args, "'"))
		case "MSG", "HMSG":
			return c.message(strings.ToUpper(op) == "HMSG", strings.Fields(args))
		}
	}
}

// message reads the payload of a MSG (subject sid [reply] size) or HMSG (subject sid [reply]
// header-size total-size) whose arguments are args.
func (c *natsConn) message(headers bool, args []string) (*answer, error) {
	want := 3
	if headers {
		want = 4
	}
	if len(args) != want && len(args) != want+1 {
		return nil, fmt.Errorf("a malformed message from the server: %q", args)
	}
	total, err := strconv.Atoi(args[len(args)-1])
	if err != nil || total < 0 {
		return nil, fmt.Errorf("a malformed message from the server: %q", args)
	}
	if total > c.maxPayload {
		return nil, fmt.Errorf("a message of %d bytes from the server, more than its %d: %q", total, c.maxPayload, args)
	}
	hsize := 0
	if headers {
		if hsize, err = strconv.Atoi(args[len(args)-2]); err != nil || hsize < 0 || hsize > total {
			return nil, fmt.Errorf("a malformed message from the server: %q", args)
		}
	}
	buf := make([]byte, total+2)
	if _, err := io.ReadFull(c.r, buf); err != nil {
		return nil, err
	}
	m := &answer{data: buf[hsize:total]}
	if hsize > 0 {
		lines := strings.Split(strings.TrimRight(string(buf[:hsize]), "\r\n"), "\r\n")
		// The first line is "NATS/1.0", with a status and its description when there is one.
		if f := strings.Fields(lines[0]); len(f) > 1 {
			m.status = f[1]
		}
		m.headers = lines[1:]
	}
	return m, nil
}
