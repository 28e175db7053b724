package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/record"
	"annals/record/recordtest"
	"annals/sources"

	bolt "go.etcd.io/bbolt"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixture is a data directory holding the seeds, recorded with a fixed clock and seeded ids so that
// answers are the same on every run.
var fixture string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "annals-query-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fixture = dir
	if err := buildFixture(dir); err != nil {
		fmt.Fprintln(os.Stderr, "build fixture:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// openRecord runs fn with a recorder over the record in dir (embedded NATS and bbolt), at a fixed
// time with seeded ids.
func openRecord(dir string, now time.Time, seed int64, fn func(*record.Recorder) error) error {
	return recordtest.WithRecorder(dir, func() time.Time { return now }, seed, fn)
}

func buildFixture(dir string) error {
	in, err := sources.Load([]string{"../../seeds"})
	if err != nil {
		return err
	}
	return openRecord(dir, time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC), 42, func(rec *record.Recorder) error {
		_, err := rec.Record(context.Background(), in.Facts)
		return err
	})
}

// run runs the query program and renders what it printed and its exit code.
func run(env map[string]string, args ...string) string {
	var stdout, stderr bytes.Buffer
	m := &Main{Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return env[k] }}
	code := exitCode(&stderr, m.Run(context.Background(), args))
	out := fmt.Sprintf("$ query %s\n%s--- stderr\n%s--- exit %d\n", strings.Join(args, " "), stdout.String(), stderr.String(), code)
	return strings.ReplaceAll(out, fixture, "$ANNALS_DATA")
}

func TestGolden(t *testing.T) {
	env := map[string]string{"ANNALS_DATA": fixture}
	tests := []struct {
		name string
		args []string
	}{
		{"state-1995", []string{"state", "--at", "1995-03-01"}},
		{"state-1995-json", []string{"state", "--at", "1995-03-01", "--json"}},
		{"state-1997-cnup", []string{"state", "--at", "1997-06-01", "--party", "CNUP"}},
		{"state-2013-cnrp", []string{"state", "--at", "2013-01-01", "--party", "cambodia national rescue party"}},
		{"state-2017-cnrp-json", []string{"state", "--at", "2017-12-01", "--party", "cnrp", "--json"}},
		{"state-misspelling", []string{"state", "--at", "1998-01-01", "--party", "Khmer National Solidary Party"}},
		{"state-khmer-name", []string{"state", "--at", "2013-01-01", "--party", "គណបក្សសង្គ្រោះជាតិ"}},
		{"timeline-cnup", []string{"timeline", "--party", "cambodian-national-unity-party"}},
		{"timeline-dnum-json", []string{"timeline", "--party", "Democratic National Union Party", "--json"}},
		{"party-cnrp", []string{"party", "CNRP"}},
		{"party-cnup-at-1995", []string{"party", "cnup", "--at", "1995-03-01"}},
		{"party-khmer-rouge-json", []string{"party", "--json", "khmer rouge"}},
		{"person-khieu-samphan", []string{"person", "Khieu Samphan"}},
		{"person-kem-sokha-at-2017", []string{"person", "kem sokha", "--at", "2017-06-01"}},
		{"person-mu-sochua-json", []string{"person", "Mu Sochua", "--json"}},
		{"lineage-cnup", []string{"lineage", "--party", "CNUP"}},
		{"lineage-cnup-dot", []string{"lineage", "--party", "CNUP", "--format", "dot"}},
		{"lineage-cnrp-mermaid", []string{"lineage", "--party", "CNRP", "--format", "mermaid"}},
		{"lineage-cnrp-json", []string{"lineage", "--party", "CNRP", "--json"}},
		{"events-cnrp-ban", []string{"events", "--party", "CNRP", "--type", "party.banned", "--json"}},
		{"events-cnup-1996-1997", []string{"events", "--party", "cnup", "--from", "1996", "--to", "1997-06"}},
		{"events-committee", []string{"events", "--source", "cambodia-national-rescue-party.txt", "--type", "committee."}},
		{"sources-knsp", []string{"sources", "khmer-national-solidarity-party.txt"}},
		{"sources-cnup-json", []string{"sources", "cambodian-national-unity-party.txt", "--json"}},
		{"error-unknown-source", []string{"sources", "missing.txt"}},
		{"error-unknown-person", []string{"person", "Khieu Sampan"}},
		{"error-lineage-format", []string{"lineage", "--party", "cnup", "--format", "svg"}},
		{"error-events-type", []string{"events", "--type", "party.exploded"}},
		{"error-events-from-after-to", []string{"events", "--from", "2000", "--to", "1990"}},
		{"error-party-two-args", []string{"party", "cnup", "cnrp"}},
		{"error-unknown-party", []string{"state", "--at", "1995-03-01", "--party", "Rescue Part"}},
		{"error-nothing-like", []string{"timeline", "--party", "zzzz"}},
		{"error-malformed-at", []string{"state", "--at", "1995-02-30"}},
		{"error-at-not-a-day", []string{"state", "--at", "1995"}},
		{"error-missing-at", []string{"state"}},
		{"error-timeline-no-party", []string{"timeline"}},
		{"error-unknown-command", []string{"status"}},
		{"error-unknown-flag", []string{"state", "--at", "1995-03-01", "--bogus"}},
		// Issue 12: refinement, reconciled leaders, lifetimes, vacancies, bans, periods, the second axis.
		{"state-1992-11-29-cnup", []string{"state", "--at", "1992-11-29", "--party", "CNUP"}},
		{"state-2015-cnrp", []string{"state", "--at", "2015-06-01", "--party", "CNRP"}},
		{"state-2017-02-cnrp-vacant", []string{"state", "--at", "2017-02-20", "--party", "CNRP"}},
		{"state-2023-cnrp-ended", []string{"state", "--at", "2023-01-01", "--party", "CNRP"}},
		{"state-2012-pending-once", []string{"state", "--at", "2012-05-01", "--party", "CNRP"}},
		{"state-known-at-before-first", []string{"state", "--at", "1995-03-01", "--known-at", "2020-01-01"}},
		{"state-known-at-before-first-party", []string{"state", "--at", "1995-03-01", "--party", "CNUP", "--known-at", "2020-01-01"}},
		{"state-during-1995", []string{"state", "--during", "1995"}},
		{"state-during-1993-1997-json", []string{"state", "--during", "1993/1997", "--json"}},
		{"state-during-2017-cnrp", []string{"state", "--during", "2017", "--party", "CNRP"}},
		{"error-during-and-at", []string{"state", "--at", "1995-03-01", "--during", "1995"}},
		{"error-during-not-a-date", []string{"state", "--during", "XXXX"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(env, tt.args...)
			golden(t, tt.name, got)
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/query -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (rerun with -update and review the diff):\n%s", path, got)
	}
}

func TestNoRecordIsAClearError(t *testing.T) {
	got := run(nil, "state", "--at", "1995-03-01", "--data", t.TempDir())
	if !strings.Contains(got, "no record here yet") || !strings.HasSuffix(got, "--- exit 1\n") {
		t.Errorf("query state on an empty directory = %q, want a 'no record here yet' error and exit 1", got)
	}
}

func TestLockedStoreSaysSoInsteadOfHanging(t *testing.T) {
	dir := t.TempDir()
	writer, err := boltstore.Open(filepath.Join(dir, "annals.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	start := time.Now()
	got := run(nil, "state", "--at", "1995-03-01", "--data", dir)
	if !strings.Contains(got, "in use by another process") || !strings.HasSuffix(got, "--- exit 1\n") {
		t.Errorf("query state while a writer holds the store = %q, want an 'in use' error and exit 1", got)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("query state while locked took %s, want it to give up after the lock timeout", d)
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"state", "-h"}, {"timeline", "-h"}} {
		got := run(nil, args...)
		if !strings.HasSuffix(got, "--- exit 0\n") || !strings.Contains(got, "usage") {
			t.Errorf("query %v = %q, want usage and exit 0", args, got)
		}
	}
}

// An entity the directory cannot read, met while naming a leader, ends the command with an error that
// names it (the answer printed so far shows the id), not a silent success.
func TestDamagedEntityIsAnError(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join(fixture, "annals.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "annals.db"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(dir, "annals.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("entities")).Put([]byte("khieu-samphan"), []byte("{not json"))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	got := run(nil, "state", "--at", "1995-03-01", "--party", "cnup", "--data", dir)
	if !strings.Contains(got, "entity khieu-samphan") || !strings.HasSuffix(got, "--- exit 1\n") {
		t.Errorf("query state over a damaged entity record = %q, want an error naming khieu-samphan and exit 1", got)
	}
}

// The lifetime index only leaves out parties the fold would leave out: on every day, `query state`
// answers as it does with --known-at far in the future, which reads every party.
func TestStateWithAndWithoutTheLifetimeIndex(t *testing.T) {
	env := map[string]string{"ANNALS_DATA": fixture}
	for _, day := range []string{"1950-01-01", "1979-01-07", "1992-06-01", "1995-03-01", "1996-08-15", "1997-06-01",
		"2012-07-17", "2017-11-16", "2026-01-01"} {
		plain := run(env, "state", "--at", day, "--json")
		all := run(env, "state", "--at", day, "--json", "--known-at", "2100-01-01")
		all = strings.Replace(all, " --known-at 2100-01-01", "", 1)
		if plain != all {
			t.Errorf("query state --at %s differs from the same with --known-at 2100-01-01:\n%s\n---\n%s", day, plain, all)
		}
	}
}
