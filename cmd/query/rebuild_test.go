package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annals/boltstore"
	"annals/embednats"
	"annals/jetlog"
	"annals/record"

	"github.com/nats-io/nats.go/jetstream"
)

// openCopy starts an embedded NATS server over a copy of the fixture's stream (or an empty one when
// copy is false) and opens its log and a new store in dir. The caller closes the store; the server
// stops with the test.
func openCopy(t *testing.T, dir string, copy bool) (*jetlog.Log, *boltstore.Store) {
	t.Helper()
	natsDir := filepath.Join(dir, "nats")
	if copy {
		if err := os.CopyFS(natsDir, os.DirFS(filepath.Join(fixture, "nats"))); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := embednats.Start(embednats.Options{StoreDir: natsDir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	nc, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	log, err := jetlog.Open(context.Background(), js, jetlog.Config{})
	if err != nil {
		t.Fatal(err)
	}
	store, err := boltstore.Open(filepath.Join(dir, "annals.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return log, store
}

// A store rebuilt from the stream (record.Replay), and a record imported from an export of the
// fixture into a new stream (record.Import), answer every query byte for byte as the fixture does.
func TestReplayedAndImportedRecordsAnswerTheSame(t *testing.T) {
	ctx := context.Background()

	replayed := t.TempDir()
	log, store := openCopy(t, replayed, true)
	if _, err := record.Replay(ctx, log, store, record.ReplayOptions{Batch: 100}); err != nil {
		t.Fatal(err)
	}
	store.Close()

	src, err := boltstore.Open(filepath.Join(fixture, "annals.db"), boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var export bytes.Buffer
	_, err = record.Export(ctx, src, &export)
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	evs, err := record.ReadEvents(bytes.NewReader(export.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	imported := t.TempDir()
	log, store = openCopy(t, imported, false)
	if _, err := (&record.Recorder{Log: log, Store: store}).Import(ctx, evs); err != nil {
		t.Fatal(err)
	}
	store.Close()

	queries := [][]string{
		{"state", "--at", "1995-03-01", "--json"},
		{"state", "--at", "2017-12-01", "--party", "cnrp"},
		{"party", "CNRP", "--json"},
		{"person", "Khieu Samphan", "--json"},
		{"timeline", "--party", "cnup", "--json"},
		{"lineage", "--party", "CNRP", "--json"},
		{"events", "--party", "cnup", "--json"},
		{"sources", "cambodian-national-unity-party.txt", "--json"},
		{"state", "--at", "1995-03-01", "--known-at", "2026-11-01", "--json"},
	}
	for _, q := range queries {
		want := run(map[string]string{"ANNALS_DATA": fixture}, q...)
		if !strings.HasSuffix(want, "--- exit 0\n") {
			t.Fatalf("query %v on the fixture: %s", q, want)
		}
		for name, dir := range map[string]string{"replayed": replayed, "imported": imported} {
			got := strings.ReplaceAll(run(map[string]string{"ANNALS_DATA": dir}, q...), dir, "$ANNALS_DATA")
			if got != want {
				t.Errorf("query %v on the %s record differs from the fixture's answer:\n%.600s", q, name, got)
			}
		}
	}
}
