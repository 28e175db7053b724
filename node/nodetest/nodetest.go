// Package nodetest runs a node (recorder serve's engine) in a test: over the stream a NATS connection
// reaches, with a store of its own, and its NATS service, all stopped when the test ends.
package nodetest

import (
	"context"
	"path/filepath"
	"testing"

	"annals/boltstore"
	"annals/jetlog"
	"annals/natsapi"
	"annals/node"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Start runs a node over the stream nc reaches, with its store at storePath (a file in a new
// temporary directory when empty) and cfg's options (its Log, Store and Conn are set here), and its
// service; everything stops, and the store closes, when the test ends.
func Start(t testing.TB, nc *nats.Conn, storePath string, cfg node.Config) (*node.Node, *natsapi.Service) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	log, err := jetlog.Open(ctx, js, jetlog.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if storePath == "" {
		storePath = filepath.Join(t.TempDir(), boltstore.FileName)
	}
	store, err := boltstore.Open(storePath, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Log, cfg.Store, cfg.Conn = log, store, nc
	n, err := node.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- n.Run(ctx) }()
	svc, err := natsapi.Start(ctx, nc, n, natsapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		svc.Stop()
		cancel()
		<-done
		store.Close()
	})
	return n, svc
}
