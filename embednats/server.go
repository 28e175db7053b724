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
