package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/record"
	"annals/record/recordtest"
	"annals/sources"

	"github.com/spf13/cobra"
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
		{"state-during-1980-cnrp-not-yet", []string{"state", "--during", "1980", "--party", "CNRP"}},
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
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-h"}, "Available Commands:"},
		{[]string{"help"}, "Available Commands:"},
		{[]string{"state", "-h"}, "query state --at DATE"},
		{[]string{"help", "state"}, "query state --at DATE"},
		{[]string{"timeline", "--help"}, "query timeline --party P"},
	} {
		got := run(nil, tt.args...)
		if !strings.HasSuffix(got, "--- stderr\n--- exit 0\n") || !strings.Contains(got, "Usage:") || !strings.Contains(got, tt.want) {
			t.Errorf("query %v = %q, want its usage (%q) on stdout and exit 0", tt.args, got, tt.want)
		}
	}
}

// The command line behaves as the README says: did-you-mean for commands, one error line for a bad
// flag, flags before or after arguments, --version and version.
func TestCommandLine(t *testing.T) {
	env := map[string]string{"ANNALS_DATA": fixture}
	for _, tt := range []struct {
		args []string
		want []string
		exit int
	}{
		{[]string{"stat", "--at", "1995-03-01"}, []string{`unknown command "stat"; did you mean state?`}, 2},
		{[]string{"state", "--bogus"}, []string{"error: unknown flag: --bogus (see 'query state --help')"}, 2},
		{[]string{"party", "--at", "1995-03-01", "CNUP"}, []string{"Cambodian National Unity Party [cambodian-national-unity-party]"}, 0},
		{[]string{"party", "CNUP", "--at", "1995-03-01"}, []string{"Cambodian National Unity Party [cambodian-national-unity-party]"}, 0},
		{[]string{"search", "rescue"}, []string{"cambodia-national-rescue-party  party  (Cambodia National Rescue Party; CNRP;", "cambodia-national-rescue-movement"}, 0},
		{[]string{"search", "Kem", "Sokha", "--kind", "person"}, []string{"kem-sokha  person"}, 0},
		{[]string{"--version"}, []string{Version}, 0},
		{[]string{"version"}, []string{Version}, 0},
		{[]string{"completion", "bash"}, []string{"bash completion"}, 0},
		{[]string{cobra.ShellCompRequestCmd, "party", "Cambodian N"}, []string{"Cambodian National Unity Party\n"}, 0},
		{[]string{cobra.ShellCompRequestCmd, "state", "--party", "cambodia-"}, []string{"cambodia-national-rescue-party\n"}, 0},
		{[]string{cobra.ShellCompRequestCmd, "person", "Kem"}, []string{"Kem Sokha\n"}, 0},
	} {
		got := run(env, tt.args...)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("query %v = %q, want it to say %q", tt.args, got, w)
			}
		}
		if !strings.HasSuffix(got, fmt.Sprintf("--- exit %d\n", tt.exit)) {
			t.Errorf("query %v = %q, want exit %d", tt.args, got, tt.exit)
		}
		if n := strings.Count(got, "error:"); n > 1 {
			t.Errorf("query %v printed %d errors, want one:\n%s", tt.args, n, got)
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

// docs/events.md is what query types --markdown prints: the catalogue cannot go stale.
func TestEventCatalogue(t *testing.T) {
	got := run(nil, "types", "--markdown")
	body := strings.TrimSuffix(strings.SplitN(got, "\n", 2)[1], "--- stderr\n--- exit 0\n")
	path := filepath.Join("..", "..", "docs", "events.md")
	if *update {
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if body != string(want) {
		t.Errorf("docs/events.md is stale: run go test ./cmd/query -run TestEventCatalogue -update")
	}
	if !strings.Contains(body, "## leader.left_office/v1") || !strings.Contains(body, "| `person` | entity | required |") {
		t.Errorf("docs/events.md lacks leader.left_office/v1 and its person field:\n%.2000s", body)
	}
	text := run(nil, "types")
	if !strings.Contains(text, "party.renamed/v1") || !strings.Contains(text, "example: {") {
		t.Errorf("query types = %.500s", text)
	}
}

// The tables for analysis tools: CSV that encoding/csv and Python's csv module read back, one row a
// party; TSV and JSON Lines with the same columns; a command without a table says so.
func TestTables(t *testing.T) {
	env := map[string]string{"ANNALS_DATA": fixture}
	body := func(got string) string { return strings.SplitN(strings.SplitN(got, "\n", 2)[1], "--- stderr\n", 2)[0] }
	csvOut := body(run(env, "state", "--at", "2015-06-01", "--format", "csv"))
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read state --format csv: %v\n%s", err, csvOut)
	}
	if len(rows) < 3 || rows[0][0] != "id" || rows[0][8] != "leaders" {
		t.Fatalf("state --format csv = %q, want a header (id … leaders …) and a row a party", rows)
	}
	found := false
	for _, r := range rows[1:] {
		if len(r) != len(rows[0]) {
			t.Errorf("row %q has %d cells, the header %d", r, len(r), len(rows[0]))
		}
		if r[0] == "cambodia-national-rescue-party" && strings.Contains(r[8], "Sam Rainsy: leader since 2012-07-17") {
			found = true
		}
	}
	if !found {
		t.Errorf("state --format csv has no CNRP row led by Sam Rainsy:\n%s", csvOut)
	}
	if py, err := exec.LookPath("python3"); err == nil {
		cmd := exec.Command(py, "-c", "import csv,sys; rows=list(csv.reader(sys.stdin)); print(len(rows), len(rows[0]), rows[0][0])")
		cmd.Stdin = strings.NewReader(csvOut)
		out, err := cmd.Output()
		if want := fmt.Sprintf("%d %d id\n", len(rows), len(rows[0])); err != nil || string(out) != want {
			t.Errorf("Python's csv module read %q (%v), want %q", out, err, want)
		}
	} else if os.Getenv("CI") != "" {
		t.Error("python3 is missing: .ci/run installs it for this test")
	}
	tsv := body(run(env, "timeline", "--party", "cnup", "--format", "tsv"))
	lines := strings.Split(strings.TrimSuffix(tsv, "\n"), "\n")
	if head := strings.Split(lines[0], "\t"); len(head) != 14 || head[0] != "date" || len(lines) < 10 {
		t.Errorf("timeline --format tsv = %.300q", tsv)
	}
	for _, l := range lines {
		if n := strings.Count(l, "\t"); n != 13 {
			t.Errorf("TSV line with %d tabs, want 13: %q", n, l)
		}
	}
	jsonl := body(run(env, "diff", "--from", "1995-01-01", "--to", "1998-01-01", "--party", "cnup", "--format", "jsonl"))
	for _, l := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		var row map[string]string
		if err := json.Unmarshal([]byte(l), &row); err != nil || row["party"] != "cambodian-national-unity-party" || row["field"] == "" {
			t.Errorf("diff --format jsonl line %q (%v)", l, err)
		}
	}
	if got := run(env, "party", "cnup", "--format", "csv"); !strings.Contains(got, "party answers as text or json, not csv") || !strings.HasSuffix(got, "--- exit 2\n") {
		t.Errorf("party --format csv = %q, want a usage error", got)
	}
}

// Under --json an error is one JSON object on stderr, with the exit code it would have anyway.
func TestJSONErrors(t *testing.T) {
	env := map[string]string{"ANNALS_DATA": fixture}
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"state", "--at", "1995-03-01", "--party", "zzzz", "--json"}, 1},
		{[]string{"state", "--at", "1995-3-01", "--json"}, 2},
	} {
		got := run(env, tt.args...)
		stderr := strings.TrimSuffix(strings.SplitN(got, "--- stderr\n", 2)[1], fmt.Sprintf("--- exit %d\n", tt.code))
		var e struct {
			Error string `json:"error"`
			Code  int    `json:"code"`
		}
		if err := json.Unmarshal([]byte(stderr), &e); err != nil || e.Code != tt.code || e.Error == "" {
			t.Errorf("query %v: stderr %q (%v), want {\"error\": …, \"code\": %d}", tt.args, stderr, err, tt.code)
		}
	}
}
