// Package natsapi serves a node's questions and writes over NATS, as a service of nats.go's micro
// package: service "annals", one endpoint per question and write on "<prefix>.<endpoint>"
// (annals.api.state, …), every node in one queue group so that N nodes share the load, and the
// $SRV.PING, $SRV.INFO and $SRV.STATS subjects of every micro service.
//
// Invariants:
//   - A request is the JSON object of the endpoint's request type (package node); the answer is the
//     JSON document `query --json` prints, byte for byte, with the header Annals-Applied-Seq.
//   - An error is a micro error: the Nats-Service-Error-Code header holds the status code (400 for a
//     bad date or request, 404 for an unknown name, with its candidates in the body, 409 for a
//     conflict, 413 for an answer larger than the server's max payload, 503 when unavailable, 500
//     otherwise), Nats-Service-Error the message, and the body the node.ErrorDocument.
//
// Ask (and Client) is the other side: it sends a request to the service and returns the answer's
// body as the node sent it, or an error wrapping the sentinel of the answer's code.
package natsapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"sync"
	"time"

	"annals/node"
	"annals/nodeapi"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

// Defaults for Config.
const (
	DefaultName       = "annals"
	DefaultQueueGroup = "annals"
	DefaultPrefix     = nodeapi.DefaultPrefix
	DefaultVersion    = "1.0.0"
	DefaultTimeout    = nodeapi.ServiceTimeout
)

// Config configures Start.
type Config struct {
	Name       string        // the service's name; DefaultName if empty
	Version    string        // its version (semver); DefaultVersion if empty
	QueueGroup string        // the queue group every node joins; DefaultQueueGroup if empty
	Prefix     string        // the subjects' prefix; DefaultPrefix if empty
	Timeout    time.Duration // the deadline of one request; DefaultTimeout if zero
	// Concurrency is how many requests one node answers at once; 4 × GOMAXPROCS if zero.
	Concurrency int
	Logger      *slog.Logger // nil discards
}

// Service is a node's micro service. Stop it before closing the connection.
type Service struct {
	svc      micro.Service
	inflight sync.WaitGroup
}

// Start adds the service to nc and serves the node's endpoints until Stop (or until ctx is done, for
// the requests in flight: ctx is the parent of each request's context).
func Start(ctx context.Context, nc *nats.Conn, n *node.Node, cfg Config) (*Service, error) {
	if cfg.Name == "" {
		cfg.Name = DefaultName
	}
	if cfg.Version == "" {
		cfg.Version = DefaultVersion
	}
	if cfg.QueueGroup == "" {
		cfg.QueueGroup = DefaultQueueGroup
	}
	if cfg.Prefix == "" {
		cfg.Prefix = DefaultPrefix
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 4 * runtime.GOMAXPROCS(0)
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	svc, err := micro.AddService(nc, micro.Config{
		Name:        cfg.Name,
		Version:     cfg.Version,
		Description: "annals: questions and writes of the record of political parties",
		QueueGroup:  cfg.QueueGroup,
	})
	if err != nil {
		return nil, fmt.Errorf("add nats service %s: %w", cfg.Name, err)
	}
	s := &Service{svc: svc}
	sem := make(chan struct{}, cfg.Concurrency)
	g := svc.AddGroup(cfg.Prefix)
	for _, e := range n.Endpoints() {
		handler := micro.ContextHandler(ctx, func(ctx context.Context, req micro.Request) {
			sem <- struct{}{}
			s.inflight.Add(1)
			go func() {
				defer s.inflight.Done()
				defer func() { <-sem }()
				serve(ctx, nc, n, e, req, cfg.Timeout, logger)
			}()
		})
		kind := "query"
		if e.Write {
			kind = "write"
		}
		err := g.AddEndpoint(e.Name, handler, micro.WithEndpointMetadata(map[string]string{"kind": kind, "description": e.Description}))
		if err != nil {
			svc.Stop()
			return nil, fmt.Errorf("add nats endpoint %s: %w", e.Name, err)
		}
	}
	return s, nil
}

// ErrTooLarge is returned (code 413) when an answer is larger than the NATS server lets a message be.
var ErrTooLarge = nodeapi.ErrTooLarge

// replyOverhead is room left in a message for the reply's headers.
const replyOverhead = 1 << 10

// serve answers one request. It runs in a goroutine of its own, after micro's handler returned, so it
// answers on the connection (a message to the request's reply subject with the headers micro.Request
// would set) rather than through micro.Request, whose state micro reads once the handler returns: the
// service's $SRV.STATS count the requests, and the node's metrics their errors.
func serve(ctx context.Context, nc *nats.Conn, n *node.Node, e node.Endpoint, req micro.Request, timeout time.Duration, logger *slog.Logger) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	doc, err := e.Serve(ctx, req.Data())
	var data []byte
	if err == nil {
		data, err = node.Encode(doc)
	}
	if err == nil && int64(len(data))+replyOverhead > nc.MaxPayload() {
		err = fmt.Errorf("the answer is %d bytes, more than the NATS server's max payload (%d): ask a narrower question, or over HTTP: %w",
			len(data), nc.MaxPayload(), ErrTooLarge)
	}
	reply := req.Reply()
	if reply == "" {
		return
	}
	msg := nats.NewMsg(reply)
	msg.Header.Set(node.HeaderAppliedSeq, strconv.FormatUint(n.AppliedSeq(), 10))
	msg.Data = data
	if err != nil {
		code, edoc := node.Status(err)
		if errors.Is(err, ErrTooLarge) {
			code, edoc.Code = 413, 413
		}
		edoc.AppliedSeq = n.AppliedSeq()
		msg.Data, _ = node.Encode(edoc)
		msg.Header.Set(micro.ErrorCodeHeader, strconv.Itoa(code))
		msg.Header.Set(micro.ErrorHeader, firstLine(edoc.Error))
	}
	if rerr := nc.PublishMsg(msg); rerr != nil {
		logger.Warn("respond", "endpoint", e.Name, "err", rerr)
	}
}

// firstLine is the first line of an error message: a header holds one line.
func firstLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			return s[:i]
		}
	}
	return s
}

// Stop stops the service's endpoints (no new request is taken) and waits for the requests in flight
// to be answered.
func (s *Service) Stop() error {
	err := s.svc.Stop()
	s.inflight.Wait()
	return err
}

// Info returns the service's info, as $SRV.INFO answers it.
func (s *Service) Info() micro.Info { return s.svc.Info() }
