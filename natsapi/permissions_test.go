package natsapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/jetlog"
	"annals/natsapi"
	"annals/node"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The permissions of docs/api.md ("Permissions"), for the default stream ANNALS, its object store
// ANNALS_OBJECTS and the service's prefix annals.api.
var (
	// readerPublish is what a read-only node publishes: the JetStream API requests that read the
	// stream and its object store (stream info, read consumers, message gets).
	readerPublish = []string{
		"$JS.API.INFO",
		"$JS.API.STREAM.INFO.ANNALS", "$JS.API.STREAM.INFO.OBJ_ANNALS_OBJECTS",
		"$JS.API.STREAM.MSG.GET.ANNALS", "$JS.API.STREAM.MSG.GET.OBJ_ANNALS_OBJECTS",
		"$JS.API.DIRECT.GET.ANNALS.>", "$JS.API.DIRECT.GET.OBJ_ANNALS_OBJECTS.>",
		"$JS.API.CONSUMER.CREATE.ANNALS.>", "$JS.API.CONSUMER.CREATE.OBJ_ANNALS_OBJECTS.>",
		"$JS.API.CONSUMER.MSG.NEXT.ANNALS.>", "$JS.API.CONSUMER.MSG.NEXT.OBJ_ANNALS_OBJECTS.>",
		"$JS.API.CONSUMER.INFO.ANNALS.>", "$JS.API.CONSUMER.INFO.OBJ_ANNALS_OBJECTS.>",
		"$JS.API.CONSUMER.DELETE.ANNALS.>", "$JS.API.CONSUMER.DELETE.OBJ_ANNALS_OBJECTS.>",
	}
	// readerSubscribe is what a read-only node subscribes to: its endpoints, the micro subjects, the
	// stream's subjects (to wake up) and the replies to its own requests.
	readerSubscribe = []string{"annals.api.>", "$SRV.>", "annals.history.>", "_INBOX.>"}
	// writerPublish is what a node that takes writes publishes besides: the stream's subjects, the
	// object store's, and the requests that create the stream and its object store.
	writerPublish = append([]string{
		"annals.history.>", "$O.ANNALS_OBJECTS.>",
		"$JS.API.STREAM.CREATE.ANNALS", "$JS.API.STREAM.UPDATE.ANNALS",
		"$JS.API.STREAM.CREATE.OBJ_ANNALS_OBJECTS",
	}, readerPublish...)
	// clientPublish is what a client of the service (query --server, the nats CLI) publishes.
	clientPublish = []string{"annals.api.>", "$SRV.>"}
)

// permissionsServer starts a NATS server with JetStream and three users: reader, writer and client,
// with the permissions above. A node answers the requests it receives (allow_responses).
func permissionsServer(t *testing.T) *server.Server {
	t.Helper()
	user := func(name string, pub, sub []string) *server.User {
		return &server.User{Username: name, Password: name + "-secret", Permissions: &server.Permissions{
			Publish:   &server.SubjectPermission{Allow: pub},
			Subscribe: &server.SubjectPermission{Allow: sub},
			Response:  &server.ResponsePermission{MaxMsgs: 1, Expires: time.Minute},
		}}
	}
	ns, err := server.NewServer(&server.Options{
		Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true,
		Users: []*server.User{
			user("reader", readerPublish, readerSubscribe),
			user("writer", writerPublish, readerSubscribe),
			user("client", clientPublish, []string{"_INBOX.>"}),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ns.Start()
	t.Cleanup(func() {
		ns.Shutdown()
		ns.WaitForShutdown()
	})
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("server not ready")
	}
	return ns
}

// connectAs connects to ns as user name, closed at the end of the test.
func connectAs(t *testing.T, ns *server.Server, name string) *nats.Conn {
	t.Helper()
	quiet := nats.ErrorHandler(func(*nats.Conn, *nats.Subscription, error) {}) // the violations are expected
	nc, err := nats.Connect(ns.ClientURL(), nats.UserInfo(name, name+"-secret"), quiet)
	if err != nil {
		t.Fatalf("connect as %s: %v", name, err)
	}
	t.Cleanup(nc.Close)
	return nc
}

// nodeAs starts a node on nc with cfg, its own store and its service; stop stops them.
func nodeAs(t *testing.T, nc *nats.Conn, cfg node.Config) (n *node.Node, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	js, _ := jetstream.New(nc)
	octx, ocancel := context.WithTimeout(ctx, 10*time.Second)
	defer ocancel()
	log, err := jetlog.Open(octx, js, jetlog.Config{RetryFor: 5 * time.Second})
	if err != nil {
		t.Fatalf("open the stream: %v", err)
	}
	store, err := boltstore.Open(filepath.Join(t.TempDir(), boltstore.FileName), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Log, cfg.Store, cfg.Conn = log, store, nc
	n, err = node.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- n.Run(ctx) }()
	svc, err := natsapi.Start(ctx, nc, n, natsapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := nc.Flush(); err != nil { // the service's subscriptions are in place
		t.Fatal(err)
	}
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		svc.Stop()
		cancel()
		<-done
		store.Close()
	}
	t.Cleanup(stop)
	return n, stop
}

// TestPermissions runs nodes as NATS users with the permissions docs/api.md gives a reader and a
// writer: a reader cannot write, over the service, on the node or straight to the stream, and says so
// at once; a writer can; the reader follows what the writer wrote.
func TestPermissions(t *testing.T) {
	ctx := context.Background()
	ns := permissionsServer(t)

	// A reader may not create the stream: the writer does.
	readerNC := connectAs(t, ns, "reader")
	js, _ := jetstream.New(readerNC)
	if _, err := jetlog.Open(ctx, js, jetlog.Config{RetryFor: time.Second, RequestTimeout: 500 * time.Millisecond}); err == nil {
		t.Fatal("a reader opened (created) the stream, want it refused")
	}
	writerNC := connectAs(t, ns, "writer")
	wjs, _ := jetstream.New(writerNC)
	if _, err := jetlog.Open(ctx, wjs, jetlog.Config{}); err != nil {
		t.Fatalf("the writer opens the stream: %v", err)
	}

	reader, _ := nodeAs(t, readerNC, node.Config{ReadOnly: true})
	clientNC := connectAs(t, ns, "client")

	// Questions work; a write finds no node that takes it.
	if _, _, err := natsapi.Ask(ctx, clientNC, "state", node.StateRequest{At: "1995-01-01"}); err != nil {
		t.Fatalf("Ask(state) of a read-only node = %v", err)
	}
	_, _, err := natsapi.Ask(ctx, clientNC, "append", []byte(facts))
	if !errors.Is(err, natsapi.ErrNoNode) {
		t.Errorf("Ask(append) with only a read-only node = %v, want ErrNoNode", err)
	}
	t.Logf("a write with only a read-only node: %v", err)

	// A reader's node that was not started read-only takes the write, and the server refuses its
	// publish: a 403 at once, not a wait for an acknowledgment.
	misconfigured, stop := nodeAs(t, connectAs(t, ns, "reader"), node.Config{})
	start := time.Now()
	_, _, err = natsapi.Ask(ctx, clientNC, "append", []byte(facts))
	var e *natsapi.Error
	if !errors.Is(err, node.ErrNotPermitted) || !errors.As(err, &e) || e.Code != 403 {
		t.Errorf("Ask(append) taken by a reader = %v, want a 403 wrapping ErrNotPermitted", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("Ask(append) taken by a reader failed after %s, want at once", took)
	}
	if err != nil && !strings.Contains(strings.ToLower(err.Error()), `permissions violation for publish to "annals.history.`) {
		t.Errorf("Ask(append) taken by a reader = %q, want it to name the refused publish", err)
	}
	t.Logf("a write taken by a reader: %v", err)
	if _, err := misconfigured.Append(ctx, "facts", []byte(facts)); !errors.Is(err, node.ErrNotPermitted) {
		t.Errorf("Append on a reader's node = %v, want ErrNotPermitted", err)
	}
	stop()

	// Straight to the stream: no acknowledgment.
	pctx, cancel := context.WithTimeout(ctx, time.Second)
	_, err = js.Publish(pctx, "annals.history.party.intruder", []byte(`{}`))
	cancel()
	if err == nil {
		t.Errorf("a reader's publish to the stream was acknowledged")
	}
	if last := readerNC.LastError(); !errors.Is(last, nats.ErrPermissionViolation) {
		t.Errorf("a reader's connection's last error = %v, want a permissions violation", last)
	}

	// The writer's node takes the write; the reader follows it.
	nodeAs(t, writerNC, node.Config{})
	body, _, err := natsapi.Ask(ctx, clientNC, "append", []byte(facts))
	if err != nil {
		t.Fatalf("Ask(append) with a writer = %v", err)
	}
	var w node.WriteDocument
	if err := json.Unmarshal(body, &w); err != nil || w.Recorded != 2 || w.LastSeq != 2 {
		t.Fatalf("Ask(append) with a writer = %s, want 2 recorded up to seq 2: nothing else in the stream", body)
	}
	st, err := reader.State(ctx, node.StateRequest{At: "1995-01-01", ReadOptions: node.ReadOptions{MinSeq: w.LastSeq}})
	if err != nil || len(st.Parties) != 1 {
		t.Errorf("State on the reader after the write = %+v, %v; want the party written", st, err)
	}
	stream, err := wjs.Stream(ctx, jetlog.DefaultStream)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := stream.Info(ctx); err != nil || info.State.Msgs != 2 {
		t.Errorf("the stream holds %v messages (%v), want the writer's 2 only", info.State.Msgs, err)
	}
}
