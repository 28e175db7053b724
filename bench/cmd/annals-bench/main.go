// Command annals-bench generates synthetic party histories and measures annals against its raw
// ceilings (JetStream, bbolt) and against SQLite, each figure in the same run as its baseline.
//
//	annals-bench generate --parties N --seed S --out DIR
//	annals-bench run [--sizes 1k,10k] [--json FILE]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"

	"annals/bench/generate"
)

// Main is the program with its streams.
type Main struct {
	Stdout, Stderr io.Writer
}

func main() {
	// A finer heap profile than the default (one sample per 512 KiB) for the memory figures.
	runtime.MemProfileRate = 64 << 10
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr}
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "error:", err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// Run runs one subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(m.Stderr, "usage: annals-bench generate|run [flags]")
		return usageError{"no command"}
	}
	switch args[0] {
	case "generate":
		return m.generate(args[1:])
	case "run":
		return m.run(ctx, args[1:])
	}
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

func (m *Main) generate(args []string) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	parties := fs.String("parties", "1k", "how many `parties` (1k, 10k, 100k or a number)")
	seed := fs.Int64("seed", generate.DefaultSeed, "the random `seed`")
	out := fs.String("out", "", "the `directory` to write NAME.txt and NAME.facts.json into (required)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if *out == "" {
		fs.Usage()
		return usageError{"generate needs --out DIR"}
	}
	n, err := parseSize(*parties)
	if err != nil {
		return usageError{err.Error()}
	}
	h := generate.Generate(generate.Config{Parties: n, Seed: *seed})
	files, err := generate.Write(h, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "wrote %d files (%d documents) with %d facts about %d parties into %s\n",
		files, len(h.Chunks), len(h.Facts()), n, *out)
	return nil
}

// parseSize reads 1k, 10k, 100k, 1m or a plain number.
func parseSize(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	mult := 1
	switch {
	case strings.HasSuffix(s, "k"):
		mult, s = 1000, strings.TrimSuffix(s, "k")
	case strings.HasSuffix(s, "m"):
		mult, s = 1000_000, strings.TrimSuffix(s, "m")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q: want a positive number such as 1k or 10000", s)
	}
	return n * mult, nil
}
