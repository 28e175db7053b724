// Package embednats runs a NATS server with JetStream inside the process, over a data directory, so
// that annals needs no external service. By default it opens no network listener: clients connect in
// process.
//
// The server syncs its file store to disk before it acknowledges a write (SyncAlways): an acknowledged
// event survives a power cut. JetStream's default (a sync every two minutes) can lose acknowledged
// writes, as Jepsen's analysis of NATS 2.12.1 showed.
package embednats

import (
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// DefaultReadyTimeout is how long Start waits for the server to accept connections.
const DefaultReadyTimeout = 10 * time.Second

// The settings that bound the server's memory while a recorder writes as fast as it can. The rest of
// the server's heap is its file store's block caches (the blocks written or read in the last ten
// seconds, released after) and its index of the stream's subjects (one per entity and event type),
// which grow with the record and its rate, not with these. Measured (annals-bench, 1M generated
// events recorded at full speed): about 1 GiB at the peak, nearly all of it 8 MiB block buffers (about
// 45 live at once, pooled); nats-server v2.15 has no option that bounds them, so a record that size
// is better written through a server of its own process.
const (
	// DuplicateWindow is the duplicate window the record's stream should have (jetlog.Config): the
	// server remembers every message id published within it, about 110 bytes each (measured: 200,000
	// messages with ids held 21.5 MiB more of heap with a two-minute window than once a one-second
	// window had expired, 287 against 174 bytes a message), so that at 20,000 events a second
	// JetStream's default of two minutes holds 2.4 million ids (about 250 MiB), and 45 seconds 95 MiB. A
	// recorder retries a publish for at most jetlog.DefaultRetryFor (30 s) plus one request timeout
	// (5 s), and checks the store (KnownFacts) for anything older before it publishes again: 45 seconds
	// covers every retry.
	DuplicateWindow = 45 * time.Second
	// MaxBufferedMsgs and MaxBufferedBytes bound the queue of messages published to the stream and
	// not yet stored (the server's defaults: 100,000 and 128 MiB). A recorder has one atomic batch of
	// at most MaxBatchSize in flight per Append.
	MaxBufferedMsgs  = 20_000
	MaxBufferedBytes = 32 << 20
	// MaxBatchSize is the most messages an atomic batch may carry (jetlog.DefaultMaxBatch), and
	// MaxBatchInflight the most batches open at once on the stream and on the server: each holds its
	// messages until its commit (the server's defaults: 50 per stream, 1,000 in all).
	MaxBatchSize     = 1000
	MaxBatchInflight = 16
)

// Options configure Start.
type Options struct {
	StoreDir string // where JetStream keeps its files (required)
	Listen   bool   // also listen on Host (a random port unless Port is set), for tools and tests
	Host     string // with Listen: the address to listen on; 127.0.0.1 (loopback only) if empty
	Port     int    // with Listen: the port, -1 or 0 for a random one
	LazySync bool   // sync the file store every two minutes instead of before each acknowledgement (benchmarks only)
}

// Server is a running embedded NATS server.
type Server struct {
	ns *server.Server
}

// Start starts the server and waits until it is ready. The caller must Shutdown it.
func Start(opts Options) (*Server, error) {
	if opts.StoreDir == "" {
		return nil, fmt.Errorf("start embedded nats: store directory is required")
	}
	sopts := &server.Options{
		ServerName:         "annals-embedded",
		JetStream:          true,
		StoreDir:           opts.StoreDir,
		SyncAlways:         !opts.LazySync,
		DontListen:         !opts.Listen,
		Host:               "127.0.0.1",
		Port:               -1,
		NoSigs:             true,
		NoLog:              true,
		JetStreamMaxMemory: 64 << 20,
		// The bounds above (the duplicate window is the stream's, set by its creator).
		StreamMaxBufferedMsgs: MaxBufferedMsgs,
		StreamMaxBufferedSize: MaxBufferedBytes,
		JetStreamLimits: server.JSLimitOpts{
			MaxBatchInflightPerStream: MaxBatchInflight,
			MaxBatchInflightTotal:     MaxBatchInflight,
			MaxBatchSize:              MaxBatchSize,
		},
	}
	if opts.Listen && opts.Port > 0 {
		sopts.Port = opts.Port
	}
	if opts.Listen && opts.Host != "" {
		sopts.Host = opts.Host
	}
	ns, err := server.NewServer(sopts)
	if err != nil {
		return nil, fmt.Errorf("start embedded nats in %s: %w", opts.StoreDir, err)
	}
	ns.Start()
	if !ns.ReadyForConnections(DefaultReadyTimeout) {
		ns.Shutdown()
		return nil, fmt.Errorf("start embedded nats in %s: not ready after %s", opts.StoreDir, DefaultReadyTimeout)
	}
	return &Server{ns: ns}, nil
}

// Connect returns a client connection to the server, in process.
func (s *Server) Connect(opts ...nats.Option) (*nats.Conn, error) {
	opts = append([]nats.Option{nats.InProcessServer(s.ns), nats.Name("annals")}, opts...)
	nc, err := nats.Connect("", opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to embedded nats: %w", err)
	}
	return nc, nil
}

// ClientURL returns the URL of the listener, or "" when the server does not listen.
func (s *Server) ClientURL() string {
	if s.ns.Addr() == nil {
		return ""
	}
	return s.ns.ClientURL()
}

// Shutdown stops the server and waits for it to finish.
func (s *Server) Shutdown() {
	s.ns.Shutdown()
	s.ns.WaitForShutdown()
}
