package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var (
	soak     = flag.Int("soak", 0, "run the kill -9 soak with this many kills (make soak: 100)")
	soakSeed = flag.Int64("soak-seed", 0, "seed of the soak's random choices (0: the time)")
)

// TestSoak kills the recorder with SIGKILL at random points of ingest, replay, import and correct, and
// after each kill runs the command again to the end and checks the record: every fact recorded once (no
// event of the stream doubled in the store, no fact id twice), nothing lost (every fact of the corpus and
// every correction that was acknowledged is in the record), and `recorder verify` clean when the
// recorder has it. Run with `go test ./cmd/recorder -run TestSoak -soak 100` (make soak).
func TestSoak(t *testing.T) {
	if *soak == 0 {
		t.Skip("the kill -9 soak runs with -soak N (make soak)")
	}
	seed := *soakSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("soak seed %d (rerun with -soak-seed %d)", seed, seed)
	rng := rand.New(rand.NewSource(seed))
	dir := t.TempDir()
	bin := filepath.Join(dir, "recorder")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "corpus")
	writeSoakCorpus(t, corpus, 120)
	data := filepath.Join(dir, "data")
	sh := soakShell{t: t, bin: bin}

	// The reference: the whole corpus recorded without a kill.
	sh.ok("ingest", "--data", data, corpus)
	reference := sh.export(data)
	want := map[string]bool{}
	for _, e := range reference {
		want[e.FactID] = true
	}
	exportFile := filepath.Join(dir, "reference.jsonl")
	sh.ok("export", "--data", data, "--out", exportFile)
	t.Logf("reference record: %d events", len(reference))
	hasVerify := exec.Command(bin, "verify", "-h").Run() == nil

	kills := map[string]int{}
	for i := 0; i < *soak; i++ {
		op := []string{"ingest", "replay", "import", "correct"}[rng.Intn(4)]
		var args []string
		target := data
		switch op {
		case "ingest":
			args = []string{"ingest", "--data", data, corpus}
		case "replay":
			args = []string{"replay", "--data", data}
		case "import":
			target = filepath.Join(dir, fmt.Sprintf("import-%d", i))
			args = []string{"import", "--data", target, exportFile}
		case "correct":
			evs := sh.export(data)
			e := evs[rng.Intn(len(evs))]
			if len(e.Supersedes) > 0 || e.Type == "record.retracted/v1" || e.Type == "document.recorded/v1" || superseded(evs, e.ID) {
				op, args = "ingest", []string{"ingest", "--data", data, corpus}
				break
			}
			args = []string{"correct", e.ID, "--data", data, "--reason", fmt.Sprintf("soak correction %d", i),
				"--document", e.Source.Document, "--quote", e.Source.Quote}
		}
		kills[op]++
		delay := time.Duration(rng.Int63n(int64(1500 * time.Millisecond)))
		sh.kill(delay, args...)
		// Run the same command again to the end: it resumes, and records nothing twice.
		if op == "correct" {
			// A correction the recorder acknowledged (exit 0) must be in the record from then on: its
			// reason is unique. A retry of one the killed run had published answers with it, or
			// (before retries converged) is refused as already superseded: either way it is there.
			out, code := sh.run(args...)
			switch {
			case code == 0:
				want["reason:"+args[5]] = true
			case !strings.Contains(out, "superseded"):
				t.Fatalf("kill %d: correct after the kill: exit %d\n%s", i, code, out)
			}
		} else {
			sh.ok(args...)
		}
		got := sh.export(target)
		seen := map[string]bool{}
		for _, e := range got {
			if seen[e.FactID] {
				t.Fatalf("kill %d (%s after %v): fact %s recorded twice", i, op, delay, e.FactID)
			}
			seen[e.FactID] = true
			if e.Reason != "" {
				seen["reason:"+e.Reason] = true
			}
		}
		for id := range want {
			if op == "import" && strings.HasPrefix(id, "reason:") {
				continue
			}
			if op == "import" && !containsFact(reference, id) {
				continue
			}
			if !seen[id] {
				t.Fatalf("kill %d (%s after %v): %s lost", i, op, delay, id)
			}
		}
		if op == "import" && len(got) != len(reference) {
			t.Fatalf("kill %d (import after %v): %d events imported, want %d", i, delay, len(got), len(reference))
		}
		if hasVerify {
			if out, code := sh.run("verify", "--data", target); code != 0 {
				t.Fatalf("kill %d (%s after %v): verify found a divergence:\n%s", i, op, delay, out)
			}
		}
		if op == "import" {
			os.RemoveAll(target)
		}
	}
	t.Logf("%d kills (%v): 0 lost, 0 doubled, verify clean: %v", *soak, kills, hasVerify)
}

type soakEvent struct {
	ID         string   `json:"id"`
	FactID     string   `json:"fact_id"`
	Type       string   `json:"type"`
	Supersedes []string `json:"supersedes"`
	Reason     string   `json:"reason"`
	Source     struct {
		Document string `json:"document"`
		Quote    string `json:"quote"`
	} `json:"source"`
}

func superseded(evs []soakEvent, id string) bool {
	for _, e := range evs {
		for _, s := range e.Supersedes {
			if s == id {
				return true
			}
		}
	}
	return false
}

func containsFact(evs []soakEvent, id string) bool {
	for _, e := range evs {
		if e.FactID == id {
			return true
		}
	}
	return false
}

type soakShell struct {
	t   *testing.T
	bin string
}

func (s soakShell) run(args ...string) (string, int) {
	cmd := exec.Command(s.bin, args...)
	cmd.Env = append(os.Environ(), "ANNALS_NATS_URL=")
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		s.t.Fatalf("%v: %v", args, err)
	}
	return string(out), code
}

func (s soakShell) ok(args ...string) string {
	s.t.Helper()
	out, code := s.run(args...)
	if code != 0 {
		s.t.Fatalf("recorder %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
	return out
}

// kill starts the recorder and kills it with SIGKILL after delay (or lets it end first).
func (s soakShell) kill(delay time.Duration, args ...string) {
	cmd := exec.Command(s.bin, args...)
	cmd.Env = append(os.Environ(), "ANNALS_NATS_URL=")
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(delay):
		cmd.Process.Kill()
		<-done
	}
}

func (s soakShell) export(data string) []soakEvent {
	s.t.Helper()
	cmd := exec.Command(s.bin, "export", "--data", data)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		s.t.Fatalf("export %s: %v\n%s", data, err, stderr.String())
	}
	var out []soakEvent
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e soakEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			s.t.Fatalf("export line: %v", err)
		}
		out = append(out, e)
	}
	return out
}

// writeSoakCorpus writes n generated articles (infobox and running text, no facts files) and copies the
// seeds with their facts files.
func writeSoakCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Soak Union Party %03d", i)
		text := fmt.Sprintf(`= %[1]s =

%[1]s
- Abbreviation: SUP%03[2]d
- Founded: %[3]d
- Leader: Ana Test%[2]d
- Ideology: Centrism, Regionalism
- Position: Centre
- Country: Testland

The %[1]s (SUP%03[2]d) was a political party in Testland. It was founded on 12 March %[3]d by Ana Test%[2]d and Ben Trial%[2]d. In %[4]d the party changed its name to the Free Union %03[2]d. Carl Probe%[2]d was elected chairman in %[4]d. The party was banned by the Supreme Court of Testland in %[5]d.
`, name, i, 1950+i%50, 1960+i%50, 1990+i%20)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("soak-%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seeds, err := filepath.Glob("../../seeds/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range seeds {
		if !strings.HasSuffix(p, ".txt") && !strings.HasSuffix(p, ".facts.json") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
