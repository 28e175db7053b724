package main

import (
	"bytes"
	"context"
	"io"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
)

// The command line behaves as the README says: help for every command, did-you-mean, one error line
// for a bad flag (exit 2), flags before or after arguments, --version and version, completion.
func TestCommandLine(t *testing.T) {
	data := t.TempDir()
	for _, tt := range []struct {
		args []string
		want []string
		exit int
	}{
		{[]string{"--help"}, []string{"Available Commands:", "ingest", "serve", "recorder help flags"}, 0},
		{[]string{"help", "ingest"}, []string{"recorder ingest PATH...", "--no-draft", "see 'recorder help flags'"}, 0},
		{[]string{"ingest", "--help"}, []string{"recorder ingest PATH..."}, 0},
		{[]string{"help", "flags"}, []string{"--nats URL", "--nats-creds file", "--data directory", "--log-level"}, 0},
		{[]string{"ingst"}, []string{`error: unknown command "ingst"; did you mean ingest?`}, 2},
		{[]string{"ingest", "--bogus", "x"}, []string{"error: unknown flag: --bogus (see 'recorder ingest --help')"}, 2},
		{[]string{"ingest"}, []string{"error: ingest needs at least one PATH"}, 2},
		{[]string{"--version"}, []string{Version}, 0},
		{[]string{"version"}, []string{Version}, 0},
		{[]string{"completion", "zsh"}, []string{"zsh completion"}, 0},
		// flags after the argument: this used to read --data as a path
		{[]string{"ingest", "../../seeds/cambodian-national-unity-party.txt", "--data", data}, []string{"recorded 55 new facts from 1 documents"}, 0},
	} {
		out, code := run(t, t0, tt.args...)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("recorder %v = %q, want it to say %q", tt.args, out, w)
			}
		}
		if code != tt.exit {
			t.Errorf("recorder %v exit %d, want %d:\n%s", tt.args, code, tt.exit, out)
		}
		if n := strings.Count(out, "error:"); n > 1 {
			t.Errorf("recorder %v printed %d errors, want one:\n%s", tt.args, n, out)
		}
	}
}

// A progress bar, with its count, rate and time left, is drawn on stderr when stderr is a terminal,
// and nothing but the summary when it is not; INFO logs are off by default.
func TestProgressOnlyOnATerminal(t *testing.T) {
	for _, terminal := range []bool{false, true} {
		var stdout, stderr bytes.Buffer
		m := &Main{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" },
			Now: func() time.Time { return t0 }, Entropy: ulid.Monotonic(rand.New(rand.NewSource(1)), 0),
			Terminal: func(io.Writer) bool { return terminal }}
		err := m.Run(context.Background(), []string{"ingest", "--data", t.TempDir(), "../../seeds"})
		if err != nil {
			t.Fatalf("ingest (terminal %v): %v\n%s", terminal, err, stderr.String())
		}
		if !strings.Contains(stdout.String(), "recorded 312 new facts") {
			t.Errorf("ingest (terminal %v) printed %q, want its summary", terminal, stdout.String())
		}
		bar := strings.Contains(stderr.String(), "\ringest") && strings.Contains(stderr.String(), "/312, ") && strings.Contains(stderr.String(), "events/")
		if bar != terminal {
			t.Errorf("ingest with a terminal %v drew a bar: %v; stderr:\n%q", terminal, bar, stderr.String())
		}
		if strings.Contains(stderr.String(), "level=INFO") {
			t.Errorf("ingest logged INFO lines by default:\n%s", stderr.String())
		}
	}
}
