package tour

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "write the output of the run into README.md")

// step is one command of the README and the output it shows.
type step struct {
	command string   // with its continuation lines (each ending in a backslash but the last)
	want    []string // the lines the README shows; a last line "..." stands for any further lines
	line    int      // the README line of the command (1-based)
	lines   int      // how many README lines the command and its output take
}

// block is one fenced block of the README made of steps.
type block struct {
	start, end int // README lines of its first and last content line (0-based, inclusive)
	steps      []step
}

var (
	fence    = regexp.MustCompile("^```")
	skipNote = regexp.MustCompile(`^<!-- tour: skip\b`)
	// volatile matches what differs from run to run: event ids (ULIDs) and recorded times.
	volatile = regexp.MustCompile(`\b[0-9A-HJKMNP-TV-Z]{26}\b|\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\b`)
)

// parse returns the blocks of README lines made of "$ " commands.
func parse(lines []string) []block {
	var out []block
	skip := false
	for i := 0; i < len(lines); i++ {
		if skipNote.MatchString(lines[i]) {
			skip = true
			continue
		}
		if !fence.MatchString(lines[i]) {
			if strings.TrimSpace(lines[i]) != "" {
				skip = false
			}
			continue
		}
		j := i + 1
		for j < len(lines) && !fence.MatchString(lines[j]) {
			j++
		}
		if lines[i] == "```" && i+1 < j && strings.HasPrefix(lines[i+1], "$ ") && !skip {
			out = append(out, block{start: i + 1, end: j - 1, steps: steps(lines[i+1:j], i+1)})
		}
		skip = false
		i = j
	}
	return out
}

// steps splits a block's lines into commands and their outputs.
func steps(lines []string, first int) []step {
	var out []step
	for i := 0; i < len(lines); {
		s := step{line: first + i + 1}
		cmd := strings.TrimPrefix(lines[i], "$ ")
		start := i
		i++
		for strings.HasSuffix(cmd, "\\") && i < len(lines) { // a continued line stays continued for bash
			cmd += "\n" + lines[i]
			i++
		}
		s.command = cmd
		for i < len(lines) && !strings.HasPrefix(lines[i], "$ ") {
			s.want = append(s.want, lines[i])
			i++
		}
		s.lines = i - start
		out = append(out, s)
	}
	return out
}

// binder maps what the README shows for a volatile value to what the run printed there.
type binder struct {
	actual map[string]string // README value → run value
}

// match compares the README's line with the run's, binding volatile values; it returns "" or why
// they differ.
func (b *binder) match(want, got string) string {
	wv, gv := volatile.FindAllString(want, -1), volatile.FindAllString(got, -1)
	if len(wv) != len(gv) || volatile.ReplaceAllString(want, "\x00") != volatile.ReplaceAllString(got, "\x00") {
		return fmt.Sprintf("want %q\n got %q", want, got)
	}
	for i, w := range wv {
		if bound, ok := b.actual[w]; ok && bound != gv[i] && !sameSecondsApart(bound, gv[i]) {
			return fmt.Sprintf("%s stands for %s earlier, %s here:\n want %q\n  got %q", w, bound, gv[i], want, got)
		}
		b.actual[w] = gv[i]
	}
	return ""
}

// sameSecondsApart reports whether two times printed to the second are at most two seconds apart:
// two events the README shows in one second may fall on either side of a second in another run.
func sameSecondsApart(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339, a)
	tb, errB := time.Parse(time.RFC3339, b)
	return errA == nil && errB == nil && !strings.Contains(a, ".") && !strings.Contains(b, ".") && ta.Sub(tb).Abs() <= 2*time.Second
}

// substitute gives a command the run's values for the README's: an id the run printed, or a time
// at the same distance from a time the run printed as the README's is from its own.
func (b *binder) substitute(cmd string) string {
	return volatile.ReplaceAllStringFunc(cmd, func(v string) string {
		if a, ok := b.actual[v]; ok {
			return a
		}
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return v // an id the run never printed: left as it is, and the command says so
		}
		var best string
		var dist time.Duration
		for w, a := range b.actual {
			wt, err := time.Parse(time.RFC3339Nano, w)
			if err != nil {
				continue
			}
			d := t.Sub(wt)
			if best == "" || d.Abs() < dist.Abs() {
				at, _ := time.Parse(time.RFC3339Nano, a)
				best, dist = at.Add(d).UTC().Format(time.RFC3339Nano), d
			}
		}
		if best == "" {
			return v
		}
		return best
	})
}

// workdir makes the directory the tour runs in: the repository's files and folders linked (the
// seeds, the test articles), bin/ freshly built, no data.
func workdir(t *testing.T, root string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch e.Name() {
		case "bin", "data", ".git":
			continue
		}
		if err := os.Symlink(filepath.Join(root, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	for _, cmd := range []string{"recorder", "query"} {
		build := exec.Command("go", "build", "-o", filepath.Join(dir, "bin", cmd), "./cmd/"+cmd)
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", cmd, err, out)
		}
	}
	return dir
}

// TestREADME runs the README's tour and compares every output with what the README shows.
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("the tour builds both programs and records the seeds")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(readme), "\n")
	blocks := parse(lines)
	if len(blocks) < 5 {
		t.Fatalf("the README shows %d blocks of commands, want the tour", len(blocks))
	}
	dir := workdir(t, root)
	b := &binder{actual: map[string]string{}}
	replace := map[int][]string{} // README line (0-based) of a step → its new lines, with -update
	ran := 0
	for _, bl := range blocks {
		for _, s := range bl.steps {
			cmd := b.substitute(s.command)
			sh := exec.Command("bash", "-o", "pipefail", "-c", cmd)
			sh.Dir = dir
			sh.Env = append(os.Environ(), "ANNALS_DATA=", "ANNALS_NATS_URL=", "NO_COLOR=1")
			var out bytes.Buffer
			sh.Stdout, sh.Stderr = &out, &out
			_ = sh.Run() // a command may fail on purpose: its error is its output
			ran++
			got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if out.Len() == 0 {
				got = nil
			}
			if *update {
				compare(b, s.want, got) // binds what still lines up, for the commands after
				s.command = cmd
				replace[s.line-1] = rewritten(s, got)
				continue
			}
			if why := compare(b, s.want, got); why != "" {
				t.Errorf("README.md:%d: $ %s\n%s\nthe run printed:\n%s", s.line, s.command, why, strings.Join(got, "\n"))
			}
		}
	}
	t.Logf("ran %d commands of %d blocks", ran, len(blocks))
	if *update {
		if err := os.WriteFile(filepath.Join(root, "README.md"), []byte(apply(lines, blocks, replace)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// compare matches the run's lines against the README's: line by line, a last "..." standing for
// any further lines.
func compare(b *binder, want, got []string) string {
	for i, w := range want {
		if w == "..." && i == len(want)-1 {
			return ""
		}
		if i >= len(got) {
			return fmt.Sprintf("the README shows %d lines, the run printed %d", len(want), len(got))
		}
		if why := b.match(w, got[i]); why != "" {
			return fmt.Sprintf("line %d: %s", i+1, why)
		}
	}
	if len(got) > len(want) {
		return fmt.Sprintf("the run printed %d lines more than the README shows, from %q", len(got)-len(want), got[len(want)])
	}
	return ""
}

// rewritten is a step as -update writes it: its command as the README has it, then the run's
// output, cut as the README cuts it (a last "..." keeps as many lines before it).
func rewritten(s step, got []string) []string {
	if n := len(s.want); n > 0 && s.want[n-1] == "..." && len(got) > n-1 {
		got = append(append([]string{}, got[:n-1]...), "...")
	}
	return append(strings.Split("$ "+s.command, "\n"), got...)
}

// apply replaces each step's lines of the README with its new ones.
func apply(lines []string, blocks []block, replace map[int][]string) string {
	var out []string
	for i := 0; i < len(lines); {
		var s *step
		for bi := range blocks {
			for si := range blocks[bi].steps {
				if blocks[bi].steps[si].line-1 == i {
					s = &blocks[bi].steps[si]
				}
			}
		}
		if s == nil {
			out = append(out, lines[i])
			i++
			continue
		}
		out = append(out, replace[i]...)
		i += s.lines
	}
	return strings.Join(out, "\n")
}
