// Package natstest runs NATS clusters with JetStream in a test: servers in process on loopback, each
// with its own store directory, stopped when the test ends. A server can be shut down and started
// again over its own directory, on the same ports, as a crashed and restarted server would be.
package natstest

import (
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// globalAccount is the account a server without accounts puts every stream in.
const globalAccount = "$G"

// Cluster is a NATS cluster with JetStream on loopback. Its methods are safe for concurrent use.
type Cluster struct {
	t       testing.TB
	name    string
	client  []int // client ports
	route   []int // cluster ports
	dirs    []string
	mu      sync.Mutex
	servers []*server.Server // nil while shut down
}

// New returns a cluster of n servers named name, none started yet; every server it runs is shut down
// when the test ends.
func New(t testing.TB, name string, n int) *Cluster {
	t.Helper()
	var ports []int
	for range 2 * n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	c := &Cluster{t: t, name: name, client: ports[:n], route: ports[n:], servers: make([]*server.Server, n)}
	for range n {
		c.dirs = append(c.dirs, t.TempDir())
	}
	t.Cleanup(func() {
		for i := range c.servers {
			c.Stop(i)
		}
	})
	return c
}

// StartAll starts every server.
func (c *Cluster) StartAll() {
	c.t.Helper()
	for i := range c.servers {
		c.Start(i)
	}
}

func (c *Cluster) options(i int) *server.Options {
	var routes []string
	for _, p := range c.route {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", p))
	}
	return &server.Options{
		ServerName:         fmt.Sprintf("s%d", i+1),
		Host:               "127.0.0.1",
		Port:               c.client[i],
		JetStream:          true,
		StoreDir:           c.dirs[i],
		JetStreamMaxMemory: 64 << 20,
		JetStreamMaxStore:  1 << 30,
		Cluster:            server.ClusterOpts{Name: c.name, Host: "127.0.0.1", Port: c.route[i]},
		Routes:             server.RoutesFromStr(strings.Join(routes, ",")),
		NoLog:              true,
		NoSigs:             true,
	}
}

// Start starts server i (again), and waits until it takes connections.
func (c *Cluster) Start(i int) {
	c.t.Helper()
	ns, err := server.NewServer(c.options(i))
	if err != nil {
		c.t.Fatalf("start server %d: %v", i+1, err)
	}
	ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		ns.Shutdown()
		c.t.Fatalf("server %d not ready", i+1)
	}
	c.mu.Lock()
	c.servers[i] = ns
	c.mu.Unlock()
}

// Stop shuts server i down, if it runs, and waits until it has.
func (c *Cluster) Stop(i int) {
	c.mu.Lock()
	ns := c.servers[i]
	c.servers[i] = nil
	c.mu.Unlock()
	if ns != nil {
		ns.Shutdown()
		ns.WaitForShutdown()
	}
}

// Size returns how many servers the cluster has.
func (c *Cluster) Size() int { return len(c.servers) }

// Running reports whether server i runs.
func (c *Cluster) Running(i int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.servers[i] != nil
}

// Server returns the first running server that leads stream (leader true) or follows it (false),
// or -1.
func (c *Cluster) Server(stream string, leader bool) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, ns := range c.servers {
		if ns != nil && ns.JetStreamIsStreamLeader(globalAccount, stream) == leader {
			return i
		}
	}
	return -1
}

// URL returns server i's client URL.
func (c *Cluster) URL(i int) string { return fmt.Sprintf("nats://127.0.0.1:%d", c.client[i]) }

// URLs returns every server's client URL, comma-separated, starting with server first's.
func (c *Cluster) URLs(first int) string {
	urls := []string{c.URL(first)}
	for j := range c.client {
		if j != first {
			urls = append(urls, c.URL(j))
		}
	}
	return strings.Join(urls, ",")
}
