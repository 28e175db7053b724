package node_test

import (
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// cluster is a three-server NATS cluster with JetStream on loopback, in process, started by the test
// and shut down at its end. A server can be shut down and started again over its own store directory,
// on the same ports.
type cluster struct {
	t       *testing.T
	client  []int // client ports
	route   []int // cluster ports
	dirs    []string
	mu      sync.Mutex
	servers []*server.Server // nil while shut down
}

// newCluster starts a cluster of n servers.
func newCluster(t *testing.T, n int) *cluster {
	t.Helper()
	var ports []int
	for range 2 * n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
		defer ln.Close()
	}
	c := &cluster{t: t, client: ports[:n], route: ports[n:], servers: make([]*server.Server, n)}
	for range n {
		c.dirs = append(c.dirs, t.TempDir())
	}
	t.Cleanup(func() {
		for i := range c.servers {
			c.stop(i)
		}
	})
	return c
}

func (c *cluster) startAll() {
	c.t.Helper()
	for i := range c.servers {
		c.start(i)
	}
}

func (c *cluster) options(i int) *server.Options {
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
		Cluster:            server.ClusterOpts{Name: "annals-node-test", Host: "127.0.0.1", Port: c.route[i]},
		Routes:             server.RoutesFromStr(strings.Join(routes, ",")),
		NoLog:              true,
		NoSigs:             true,
	}
}

// start starts server i (again).
func (c *cluster) start(i int) {
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

// stop shuts server i down, if it runs.
func (c *cluster) stop(i int) {
	c.mu.Lock()
	ns := c.servers[i]
	c.servers[i] = nil
	c.mu.Unlock()
	if ns != nil {
		ns.Shutdown()
		ns.WaitForShutdown()
	}
}

// leader returns the server leading stream, or -1.
func (c *cluster) leader(stream string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, ns := range c.servers {
		if ns != nil && ns.JetStreamIsStreamLeader("$G", stream) {
			return i
		}
	}
	return -1
}

// url returns server i's client URL.
func (c *cluster) url(i int) string { return fmt.Sprintf("nats://127.0.0.1:%d", c.client[i]) }

// urls returns every server's client URL, comma-separated, starting with server i's.
func (c *cluster) urls(i int) string {
	urls := []string{c.url(i)}
	for j := range c.client {
		if j != i {
			urls = append(urls, c.url(j))
		}
	}
	return strings.Join(urls, ",")
}
