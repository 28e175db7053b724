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
	"unicode/utf8"

	"annals/boltstore"
	"annals/record/recordtest"

	"github.com/oklog/ulid/v2"
)

// runSeeded runs the recorder like run, but with ids from a fixed seed and the given standard input,
// so that what it records is the same on every run whatever the order of the tests. Each path in
// hide is printed as the name it maps to.
func runSeeded(t *testing.T, now time.Time, seed int64, stdin string, hide map[string]string, args ...string) (out, stdout string, code int) {
	t.Helper()
	var so, se bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &so, Stderr: &se, Getenv: func(string) string { return "" },
		Now: func() time.Time { return now }, Entropy: ulid.Monotonic(rand.New(rand.NewSource(seed)), 0)}
	code = exitCode(&se, m.Run(context.Background(), args))
	out = fmt.Sprintf("%s--- stderr\n%s--- exit %d\n", so.String(), se.String(), code)
	for path, name := range hide {
		out = strings.ReplaceAll(out, path, name)
	}
	return out, so.String(), code
}

// recordedData returns a data directory holding the seeds recorded in two sittings: the CNUP article
// at t0, the two others a day later. It returns how many events the first sitting recorded.
func recordedData(t *testing.T) (string, int) {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	out, _, code := runSeeded(t, t0, 42, "", nil, "ingest", "--log-level", "error", "--data", data, "../../seeds/cambodian-national-unity-party.txt")
	if code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	first := lastSeq(t, data)
	out, _, code = runSeeded(t, t0.Add(24*time.Hour), 43, "", nil, "ingest", "--log-level", "error", "--data", data,
		"../../seeds/khmer-national-solidarity-party.txt", "../../seeds/cambodia-national-rescue-party.txt")
	if code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	if first == 0 || lastSeq(t, data) <= uint64(first) {
		t.Fatalf("the two sittings recorded %d then %d events, want some each", first, lastSeq(t, data)-first)
	}
	return data, int(first)
}

func openRead(t *testing.T, path string) *boltstore.Store {
	t.Helper()
	s, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func lastSeq(t *testing.T, data string) uint64 {
	t.Helper()
	s := openRead(t, filepath.Join(data, boltstore.FileName))
	defer s.Close()
	last, err := s.LastSeq(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return last
}

// digestOf renders everything the store file answers (recordtest.Digest).
func digestOf(t *testing.T, path string) string {
	t.Helper()
	s := openRead(t, path)
	defer s.Close()
	d, err := recordtest.Digest(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func sameRecord(t *testing.T, what, got, want string) {
	t.Helper()
	if diff := recordtest.FirstDifference(got, want); diff != "" {
		t.Errorf("%s differs from the record at %s", what, diff)
	}
}

// noLeftovers checks that a replay left neither its file nor its bound behind.
func noLeftovers(t *testing.T, data string) {
	t.Helper()
	for _, name := range []string{boltstore.FileName + boltstore.RebuildSuffix, boltstore.FileName + boltstore.BoundSuffix} {
		if _, err := os.Stat(filepath.Join(data, name)); !os.IsNotExist(err) {
			t.Errorf("%s is left in the data directory after a replay (%v)", name, err)
		}
	}
}

func TestReplay(t *testing.T) {
	data, first := recordedData(t)
	store := filepath.Join(data, boltstore.FileName)
	hide := map[string]string{data: "$DATA"}
	whole := digestOf(t, store)
	total := int(lastSeq(t, data))
	replay := func(name string, args ...string) {
		t.Helper()
		out, _, code := runSeeded(t, t0, 1, "", hide, append([]string{"replay", "--log-level", "error", "--data", data}, args...)...)
		if code != 0 {
			t.Fatalf("replay %v: %s", args, out)
		}
		golden(t, name, out)
		noLeftovers(t, data)
	}

	replay("replay")
	sameRecord(t, "the replayed store", digestOf(t, store), whole)

	replay("replay-until-seq", "--until", "100")
	if got := lastSeq(t, data); got != 100 {
		t.Errorf("after replay --until 100 the store holds seq %d, want 100", got)
	}
	replay("replay-until-day", "--until", "2026-11-01")
	if got := lastSeq(t, data); got != uint64(first) {
		t.Errorf("after replay --until 2026-11-01 the store holds seq %d, want the first sitting's %d", got, first)
	}
	replay("replay-until-time", "--until", t0.Add(24*time.Hour).Format(time.RFC3339))
	if got := lastSeq(t, data); got != uint64(total) {
		t.Errorf("after replay --until the second sitting the store holds seq %d, want %d", got, total)
	}

	past := filepath.Join(data, "past.db")
	replay("replay-out", "--until", "50", "--out", past)
	sameRecord(t, "the store after replay --out", digestOf(t, store), whole)
	s := openRead(t, past)
	if last, _ := s.LastSeq(context.Background()); last != 50 {
		t.Errorf("replay --until 50 --out: the file holds seq %d, want 50", last)
	}
	s.Close()

	// A wrong --stream is refused (here the embedded server already refuses a second stream over the
	// same subjects; record.Resumable refuses a stream that does not hold what the store holds), and
	// the record is left as it was.
	out, _, code := runSeeded(t, t0, 1, "", hide, "replay", "--data", data, "--stream", "OTHER")
	if code != 1 {
		t.Errorf("replay --stream OTHER = %s, want exit 1", out)
	}
	sameRecord(t, "the store after a refused replay", digestOf(t, store), whole)
	noLeftovers(t, data)
}

// A replay file left by an interrupted replay resumes only with the same bound; otherwise the replay
// starts over. The leftover is made by replaying a prefix aside, as an interrupted replay leaves it:
// whole batches committed, up to a sequence.
func TestReplayResumesOrStartsOver(t *testing.T) {
	tests := []struct {
		name    string
		marker  string // the bound the leftover was started with
		args    []string
		want    uint64 // the store's last sequence afterwards; 0: the whole record
		resumed bool
	}{
		{"same bound: resumed", "the end of the log", nil, 0, true},
		{"another bound: over", "the end of the log", []string{"--until", "50"}, 50, false},
		{"same bound, but the leftover is past it: over", "seq 50", []string{"--until", "50"}, 50, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, _ := recordedData(t)
			store := filepath.Join(data, boltstore.FileName)
			whole := digestOf(t, store)
			leftover := store + boltstore.RebuildSuffix
			out, _, code := runSeeded(t, t0, 1, "", nil, "replay", "--log-level", "error", "--data", data, "--until", "100", "--out", leftover)
			if code != 0 {
				t.Fatalf("replay --out: %s", out)
			}
			if err := os.WriteFile(store+boltstore.BoundSuffix, []byte("stream ANNALS\nuntil "+tt.marker+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			out, stdout, code := runSeeded(t, t0, 1, "", nil, append([]string{"replay", "--data", data}, tt.args...)...)
			if code != 0 {
				t.Fatalf("replay: %s", out)
			}
			if tt.resumed {
				golden(t, "replay-resumed", strings.ReplaceAll(stdout, data, "$DATA"))
			}
			if got := strings.Contains(stdout, "resuming an interrupted replay"); got != tt.resumed {
				t.Errorf("replay %v over a leftover for %q said %q, want resumed = %v", tt.args, tt.marker, stdout, tt.resumed)
			}
			if !tt.resumed && !strings.Contains(out, "starting the replay over") {
				t.Errorf("replay %v over a leftover for %q logged %q, want it to say it starts over", tt.args, tt.marker, out)
			}
			noLeftovers(t, data)
			if tt.want == 0 {
				sameRecord(t, "the replayed store", digestOf(t, store), whole)
			} else if got := lastSeq(t, data); got != tt.want {
				t.Errorf("after the replay the store holds seq %d, want %d", got, tt.want)
			}
		})
	}
}

// cut returns the first n lines of an export, each cut to width characters, and the number of lines.
func cut(export string, n, width int) string {
	lines := strings.Split(strings.TrimSuffix(export, "\n"), "\n")
	var b strings.Builder
	for i, l := range lines[:min(n, len(lines))] {
		if utf8.RuneCountInString(l) > width {
			l = string([]rune(l)[:width]) + "…"
		}
		fmt.Fprintf(&b, "%d: %s\n", i+1, l)
	}
	fmt.Fprintf(&b, "... %d lines in all\n", len(lines))
	return b.String()
}

func TestExportImport(t *testing.T) {
	data, _ := recordedData(t)
	whole := digestOf(t, filepath.Join(data, boltstore.FileName))

	out, first, code := runSeeded(t, t0, 1, "", nil, "export", "--data", data)
	if code != 0 {
		t.Fatalf("export: %s", out)
	}
	golden(t, "export-head", cut(first, 6, 200))
	file := filepath.Join(t.TempDir(), "annals.jsonl")
	if out, _, code := runSeeded(t, t0, 1, "", nil, "export", "--log-level", "error", "--data", data, "--out", file); code != 0 {
		t.Fatalf("export --out: %s", out)
	}
	if got, err := os.ReadFile(file); err != nil || string(got) != first {
		t.Fatalf("export --out wrote %d bytes (%v), want the %d of standard output", len(got), err, len(first))
	}

	fresh := filepath.Join(t.TempDir(), "data")
	hide := map[string]string{fresh: "$DATA", file: "$FILE"}
	out, _, code = runSeeded(t, t0.Add(72*time.Hour), 2, "", hide, "import", "--log-level", "error", "--data", fresh, file)
	if code != 0 {
		t.Fatalf("import: %s", out)
	}
	golden(t, "import", out)
	sameRecord(t, "the imported record", digestOf(t, filepath.Join(fresh, boltstore.FileName)), whole)
	if out, again, _ := runSeeded(t, t0, 1, "", nil, "export", "--data", fresh); again != first {
		t.Errorf("the export of the import differs from the first export: %.300s", out)
	}

	// Again, from standard input: the record already holds every event of the input.
	out, _, code = runSeeded(t, t0, 3, first, hide, "import", "--log-level", "error", "--data", fresh, "-")
	if code != 0 || !strings.HasPrefix(out, fmt.Sprintf("imported 0 events from standard input (%d already in the record)", strings.Count(first, "\n"))) {
		t.Errorf("import again = %s, want 0 imported, every event already in the record", out)
	}

	// Into a record of other events: refused, nothing written.
	other := filepath.Join(t.TempDir(), "data")
	if out, _, code := runSeeded(t, t0, 4, "", nil, "ingest", "--log-level", "error", "--data", other, "../../seeds/khmer-national-solidarity-party.txt"); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	before := digestOf(t, filepath.Join(other, boltstore.FileName))
	out, _, code = runSeeded(t, t0, 5, "", nil, "import", "--data", other, file)
	if code != 1 || !strings.Contains(out, "error: import: the record is not empty") {
		t.Errorf("import into a record of other events = %s, want exit 1 saying the record is not empty", out)
	}
	sameRecord(t, "the record after a refused import", digestOf(t, filepath.Join(other, boltstore.FileName)), before)
}

func TestImportBadInput(t *testing.T) {
	data, _ := recordedData(t)
	_, export, code := runSeeded(t, t0, 1, "", nil, "export", "--data", data)
	if code != 0 {
		t.Fatal("export failed")
	}
	lines := strings.Split(strings.TrimSuffix(export, "\n"), "\n")
	tests := []struct {
		name string
		edit func(l []string)
		say  string
	}{
		{"malformed line", func(l []string) { l[2] = `{"id":"01M8` }, "error: import $FILE: line 3: decode event"},
		{"tampered event", func(l []string) { l[4] = strings.Replace(l[4], `"quote":"`, `"quote":"Not `, 1) }, "line 5: decode event"},
		{"empty line", func(l []string) { l[6] = "" }, "line 7: empty line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := append([]string(nil), lines...)
			tt.edit(edited)
			file := filepath.Join(t.TempDir(), "bad.jsonl")
			if err := os.WriteFile(file, []byte(strings.Join(edited, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			fresh := filepath.Join(t.TempDir(), "data")
			out, _, code := runSeeded(t, t0, 1, "", map[string]string{file: "$FILE"}, "import", "--data", fresh, file)
			if code != 1 || !strings.Contains(out, tt.say) {
				t.Errorf("import of a %s = %s, want exit 1 and %q", tt.name, out, tt.say)
			}
			if _, err := os.Stat(fresh); !os.IsNotExist(err) {
				t.Errorf("import of a %s created %s, want nothing written", tt.name, fresh)
			}
		})
	}
}

func TestReplayExportImportUsage(t *testing.T) {
	data, _ := recordedData(t)
	hide := map[string]string{data: "$DATA"}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"replay-until-malformed", []string{"replay", "--data", data, "--until", "last tuesday"}, 2},
		{"", []string{"replay", "--data", data, "--until", "0"}, 2},
		{"", []string{"replay", "--data", data, "--until", "2026-02-30"}, 2},
		{"", []string{"replay", "--data", data, "seeds"}, 2},
		{"", []string{"replay", "--data", data, "--out", filepath.Join(data, boltstore.FileName)}, 2},
		{"", []string{"replay", "-h"}, 0},
		{"export-format", []string{"export", "--data", data, "--format", "csv"}, 2},
		{"", []string{"export", "--data", data, "extra"}, 2},
		{"", []string{"import", "--data", data}, 2},
		{"", []string{"import", "--data", data, "a", "b"}, 2},
	}
	for _, tt := range tests {
		out, _, code := runSeeded(t, t0, 1, "", hide, tt.args...)
		if code != tt.code {
			t.Errorf("recorder %v = %s, want exit %d", tt.args, out, tt.code)
		}
		if tt.name != "" {
			golden(t, tt.name, out)
		}
	}
	if got := lastSeq(t, data); got == 0 {
		t.Errorf("usage errors changed the record")
	}
}
