package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/jetlog"
	"annals/node"
	"annals/node/nodetest"
)

// serveFixture runs a node (recorder serve's engine) over a copy of the fixture's stream, with a
// store of its own that it fills by following the stream, and returns its NATS URL once it has
// caught up.
func serveFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("cp", "-r", filepath.Join(fixture, "nats"), dir).CombinedOutput(); err != nil {
		t.Fatalf("copy the fixture's stream: %v\n%s", err, out)
	}
	srv, err := embednats.Start(embednats.Options{StoreDir: filepath.Join(dir, "nats"), Listen: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	nc, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	n, _ := nodetest.Start(t, nc, filepath.Join(dir, boltstore.FileName), node.Config{Subject: jetlog.DefaultPrefix + ".>", ReadOnly: true})
	for deadline := time.Now().Add(20 * time.Second); !n.Ready(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the node did not catch up within 20s")
		}
	}
	return srv.ClientURL()
}

// query --server asks a node and prints, byte for byte, what the same query of the local store
// prints: text, JSON and tables.
func TestServer(t *testing.T) {
	url := serveFixture(t)
	local := map[string]string{"ANNALS_DATA": fixture}
	remote := map[string]string{"ANNALS_DATA": t.TempDir(), "ANNALS_SERVER": url} // no local store at all
	for _, args := range [][]string{
		{"state", "--at", "1995-03-01"},
		{"state", "--at", "2015-06-01", "--json"},
		{"state", "--at", "2017-02-20", "--party", "CNRP", "--format", "csv"},
		{"state", "--during", "1993/1997"},
		{"party", "CNUP", "--at", "1995-03-01"},
		{"party", "CNRP", "--json"},
		{"timeline", "--party", "cnup"},
		{"person", "Kem Sokha"},
		{"person", "Khieu Samphan", "--at", "1996-01-01", "--json"},
		{"lineage", "--party", "CNRP"},
		{"lineage", "--party", "CNUP", "--format", "mermaid"},
		{"sources", "cambodian-national-unity-party.txt"},
		{"history", "--party", "cnrp"},
		{"diff", "--from", "1995-01-01", "--to", "1998-01-01"},
		{"events", "--party", "cnup", "--json"},
		{"state", "--at", "1995-03-01", "--known-at", "2026-10-01"},
		{"state", "--at", "1995-03-01", "--party", "Rescue Part"},
		{"state", "--at", "1995-03-01", "--party", "zzzz", "--json"},
	} {
		want := run(local, args...)
		got := run(remote, args...)
		if got != want {
			t.Errorf("query %s --server printed\n%s\nwant what the local store answers\n%s", strings.Join(args, " "), got, want)
		}
	}
	for _, args := range [][]string{{"replay", "--from", "1995"}, {"search", "cnrp"}, {"events", "--party", "cnup"}} {
		if got := run(remote, args...); !strings.HasSuffix(got, "--- exit 2\n") || !strings.Contains(got, "--server") {
			t.Errorf("query %s --server = %q, want a usage error saying what --server answers", strings.Join(args, " "), got)
		}
	}
}
