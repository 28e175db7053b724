package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annals/boltstore"
	"annals/events"
)

// TestQueryWarnsOfQuarantine: a store that quarantined an entry of the stream answers as before, with
// one warning line on stderr.
func TestQueryWarnsOfQuarantine(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(fixture, "annals.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "annals.db"), src, 0o600); err != nil {
		t.Fatal(err)
	}
	before := run(map[string]string{"ANNALS_DATA": dir}, "state", "--at", "1995-03-01")
	if strings.Contains(before, "quarantined") {
		t.Fatalf("query state on a store with nothing quarantined = %s, want no warning", before)
	}
	store, err := boltstore.Open(filepath.Join(dir, "annals.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	last, err := store.LastSeq(context.Background())
	if err == nil {
		_, err = store.Apply(context.Background(), []events.Stored{{Seq: last + 1, Raw: []byte("garbage"), Err: errors.New("decode event: garbage")}})
	}
	if cerr := store.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	after := run(map[string]string{"ANNALS_DATA": dir}, "state", "--at", "1995-03-01")
	warning := "warning: 1 events of the stream are quarantined and left out of every answer; run recorder verify\n"
	if got := strings.Replace(after, warning, "", 1); got != before || !strings.Contains(after, "--- stderr\n"+warning) {
		t.Errorf("query state with a quarantined entry = %s, want the same answer with one warning line on stderr", after)
	}
}
