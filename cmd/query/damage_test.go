package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runData runs the query program over the store in data and returns its stdout, stderr and exit code.
func runData(data string, args ...string) (stdout, stderr string, code int) {
	var so, se bytes.Buffer
	m := &Main{Stdout: &so, Stderr: &se, Getenv: func(string) string { return "" }}
	code = exitCode(&se, m.Run(context.Background(), append(args, "--data", data)))
	return so.String(), se.String(), code
}

// damageQueries are the questions asked of a damaged store.
var damageQueries = [][]string{
	{"state", "--at", "1995-03-01"},
	{"state", "--at", "2017-12-01", "--json"},
	{"party", "CNRP"},
	{"party", "cnup", "--at", "1995-03-01", "--json"},
	{"timeline", "--party", "cnup"},
	{"timeline", "--party", "CNRP", "--json"},
	{"person", "Khieu Samphan"},
	{"events", "--json"},
	{"sources", "khmer-national-solidarity-party.txt"},
	{"lineage", "--party", "CNUP"},
}

// Random bit flips in the store's pages after the meta pages: each query answers exactly as over the
// intact store, or fails with exit 1 and an error; never another answer, never a crash.
func TestBitFlipsNeverAnswerWrong(t *testing.T) {
	intact, err := os.ReadFile(filepath.Join(fixture, "annals.db"))
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, len(damageQueries))
	for i, q := range damageQueries {
		out, errOut, code := runData(fixture, q...)
		if code != 0 {
			t.Fatalf("query %s over the intact store: exit %d: %s", strings.Join(q, " "), code, errOut)
		}
		want[i] = out
	}
	seed := time.Now().UnixNano()
	files := 50
	if testing.Short() {
		files = 10
	}
	t.Logf("seed %d (%d files of %d bytes)", seed, files, len(intact))
	const pageSize = 4096
	answered, failed := 0, 0
	for i := range files {
		rng := rand.New(rand.NewSource(seed + int64(i)))
		damaged := bytes.Clone(intact)
		var at []string
		for range 1 + rng.Intn(8) {
			off, bit := 2*pageSize+rng.Intn(len(damaged)-2*pageSize), rng.Intn(8)
			damaged[off] ^= 1 << bit
			at = append(at, fmt.Sprintf("%d.%d", off, bit))
		}
		data := t.TempDir()
		if err := os.WriteFile(filepath.Join(data, "annals.db"), damaged, 0o600); err != nil {
			t.Fatal(err)
		}
		for j, q := range damageQueries {
			out, errOut, code := runData(data, q...)
			switch {
			case code == 0 && out != want[j]:
				t.Errorf("seed %d (flips at byte.bit %v): query %s answered\n%s\nwant\n%s", seed+int64(i), at, strings.Join(q, " "), out, want[j])
			case code == 0:
				answered++
			case code != 1 || !strings.Contains(errOut, "error: ") && !strings.Contains(errOut, `{"error":`):
				t.Errorf("seed %d (flips at byte.bit %v): query %s: exit %d, stderr %q; want exit 1 and an error", seed+int64(i), at, strings.Join(q, " "), code, errOut)
			default:
				failed++
			}
		}
	}
	t.Logf("%d queries answered as over the intact store, %d failed", answered, failed)
}

// A store cut to 8 KiB is a clear error with exit 1 that says what to do.
func TestTruncatedStoreIsAClearError(t *testing.T) {
	intact, err := os.ReadFile(filepath.Join(fixture, "annals.db"))
	if err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "annals.db"), intact[:8<<10], 0o600); err != nil {
		t.Fatal(err)
	}
	for _, q := range damageQueries {
		out, errOut, code := runData(data, q...)
		if code != 1 || out != "" || !strings.Contains(errOut, "recorder replay") || !strings.Contains(errOut, "annals.db") {
			t.Errorf("query %s over a truncated store: exit %d, stdout %q, stderr %q; want exit 1 and an error naming the file and `recorder replay`",
				strings.Join(q, " "), code, out, errOut)
		}
	}
}
