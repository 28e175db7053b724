package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var runs atomic.Int64

// run runs the recorder program at a fixed time with seeded ids (a new seed each run, as two real
// runs never share entropy), and renders what it printed and its exit code. Ingest logs only errors:
// its info log carries wall-clock times.
func run(t *testing.T, now time.Time, args ...string) (out string, code int) {
	t.Helper()
	return runStdin(t, now, "", args...)
}

// runStdin is run with standard input.
func runStdin(t *testing.T, now time.Time, stdin string, args ...string) (out string, code int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" },
		Now: func() time.Time { return now }, Entropy: ulid.Monotonic(rand.New(rand.NewSource(runs.Add(1))), 0)}
	switch args[0] {
	case "ingest", "append", "correct", "retract", "merge":
		args = append([]string{args[0], "--log-level", "error"}, args[1:]...)
	}
	code = exitCode(&stderr, m.Run(context.Background(), args))
	return fmt.Sprintf("%s--- stderr\n%s--- exit %d\n", stdout.String(), stderr.String(), code), code
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
		t.Fatalf("%v (run go test ./cmd/recorder -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (rerun with -update and review the diff):\n%s", path, got)
	}
}

var t0 = time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)

func TestIngestSeedsThenAgainADayLater(t *testing.T) {
	data := t.TempDir()
	first, code := run(t, t0, "ingest", "--data", data, "../../seeds")
	if code != 0 {
		t.Fatalf("first ingest: %s", first)
	}
	golden(t, "ingest-first", first)
	second, code := run(t, t0.Add(24*time.Hour), "ingest", "--data", data, "../../seeds")
	if code != 0 {
		t.Fatalf("second ingest: %s", second)
	}
	golden(t, "ingest-second", second)
}

func TestExtractGolden(t *testing.T) {
	out, code := run(t, t0, "extract", "../../seeds/cambodian-national-unity-party.txt")
	if code != 0 {
		t.Fatalf("extract: %s", out)
	}
	golden(t, "extract-cnup", out)
	out, code = run(t, t0, "extract", "--json", "../../seeds/khmer-national-solidarity-party.txt")
	if code != 0 {
		t.Fatalf("extract --json: %s", out)
	}
	golden(t, "extract-knsp-json", out)
}

// Bad input: a clear error naming the input, a non-zero exit, and nothing written.
func TestBadInput(t *testing.T) {
	doc, err := os.ReadFile("../../seeds/cambodian-national-unity-party.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		files map[string]string
		code  int
		say   string
		// unread marks a fault of a document that ingest without --strict skips with a warning.
		unread bool
	}{
		{"malformed infobox", map[string]string{"bad.txt": "= Party =\n\nParty\n- Founded: 1990\n- Leader\n"}, 1, `bad.txt:5`, true},
		{"malformed table", map[string]string{"table.txt": "= P Party =\n\n| a | b |\n| 1 | 2\n"}, 1, `table.txt:4`, true},
		{"impossible date in the infobox", map[string]string{"p.txt": "= P Party =\n\nP Party\n- Foundation: 31 February 1990\n"}, 1, `p.txt:4`, true},
		{"impossible date in a facts file", map[string]string{
			"cnup.txt":        string(doc),
			"cnup.facts.json": `{"document":"cnup.txt","facts":[{"type":"party.dissolved/v1","entity":"cambodian-national-unity-party","date":"1997-02-30","source":{"quote":"Dissolved: 1997"},"payload":{}}]}`,
		}, 1, `parse date "1997-02-30"`, false},
		{"quote not in its document", map[string]string{
			"cnup.txt":        string(doc),
			"cnup.facts.json": `{"document":"cnup.txt","facts":[{"type":"party.dissolved/v1","entity":"cambodian-national-unity-party","date":"1997","source":{"quote":"dissolved in 1998"},"payload":{}}]}`,
		}, 1, `quote "dissolved in 1998" does not occur in document cnup.txt`, false},
		{"unknown payload field", map[string]string{
			"cnup.txt":        string(doc),
			"cnup.facts.json": `{"document":"cnup.txt","facts":[{"type":"party.dissolved/v1","entity":"cambodian-national-unity-party","date":"1997","source":{"quote":"Dissolved: 1997"},"payload":{"forcd":true}}]}`,
		}, 1, `unknown field "forcd"`, false},
		{"document not a UTF-8 text", map[string]string{"latin1.txt": "= Tak\xe9o Party =\n"}, 1, "latin1.txt", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := t.TempDir()
			for name, body := range tt.files {
				if err := os.WriteFile(filepath.Join(in, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data := filepath.Join(t.TempDir(), "data")
			if tt.unread {
				// Without --strict the fault is a warning; the rest is recorded.
				out, code := run(t, t0, "ingest", "--verbose", "--data", data, in)
				if code != 0 || !strings.Contains(out, "warning: document "+tt.say) {
					t.Errorf("ingest %s = %q, want exit 0 and a warning at %q", tt.name, out, tt.say)
				}
				data = filepath.Join(t.TempDir(), "data")
			}
			out, code := run(t, t0, "ingest", "--strict", "--data", data, in)
			if code != tt.code || !strings.Contains(out, tt.say) {
				t.Errorf("ingest %s = %q, want exit %d and an error saying %q", tt.name, out, tt.code, tt.say)
			}
			if _, err := os.Stat(data); !os.IsNotExist(err) {
				// The store is opened only after everything was read and checked, unless the bad
				// fact could only be checked against the record (a quote): then nothing was published.
				if !strings.Contains(tt.say, "does not occur") {
					t.Errorf("ingest %s created %s, want nothing written", tt.name, data)
				}
				checkEmptyRecord(t, data)
			}
		})
	}
}

// checkEmptyRecord asserts that a data directory holds no event.
func checkEmptyRecord(t *testing.T, data string) {
	t.Helper()
	out, code := run(t, t0, "ingest", "--data", data, "../../seeds")
	if code != 0 || !strings.Contains(out, "(0 already in the record)") {
		t.Errorf("after a refused ingest, ingesting the seeds = %q, want every fact new", out)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"ingest"}, 2},
		{[]string{"ingest", "--log-level", "loud", "x"}, 2},
		{[]string{"frobnicate"}, 2},
		{[]string{"ingest", "-h"}, 0},
		{[]string{"help"}, 0},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		m := &Main{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
		if code := exitCode(&stderr, m.Run(context.Background(), tt.args)); code != tt.code {
			t.Errorf("recorder %v exit = %d, want %d (stderr %q)", tt.args, code, tt.code, stderr.String())
		}
	}
}
