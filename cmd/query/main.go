// Command query is the read side of annals: it answers questions from the store (a bbolt file), read
// only, without NATS.
//
//	query state --at DATE [--party P]   every party known on a date, or one
//	query timeline --party P            a party's events in historical order, with sources
//	query party P [--at DATE]           everything about one party, grouped, with sources
//	query person NAME [--at DATE]       a person's roles and what happened to them
//	query lineage --party P             predecessors and successors as a graph (text, dot, mermaid)
//	query events [filters]              the raw events
//	query sources DOC                   the facts drawn from one document, in document order
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Version is stamped by the build (-ldflags "-X main.Version=...").
var Version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	err := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(exitCode(m.Stderr, err))
}

// Main is the query program, with its streams and environment injected for tests.
type Main struct {
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(stderr io.Writer, err error) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "error: %s\n", ue.msg)
		return 2
	default:
		fmt.Fprintf(stderr, "error: %s\n", err)
		return 1
	}
}

const usage = `usage: query <command> [flags]

commands:
  state --at DATE [--party P]   every party known on a date (or one), with its leaders and links
  timeline --party P            a party's events in historical order, with sources and quotes
  party P [--at DATE]           everything the record holds about one party, grouped, with sources
  person NAME [--at DATE]       a person's roles and what happened to them, in historical order
  lineage --party P [--format text|dot|mermaid]
                                predecessors and successors as a graph, each link typed and dated
  events [--party P] [--type T] [--from DATE] [--to DATE] [--source DOC]
                                the raw events
  sources DOC                   the facts drawn from one document, in document order
  history EVENT-ID | --party P  an event and everything that corrected, retracted or disputed it
  diff --from DATE --to DATE [--party P]
                                what changed in the world between two historical days
  replay [--from DATE] [--to DATE] [--party P] [--follow]
                                the history played in historical order, one change a line

Every command takes --data DIR (env ANNALS_DATA), --json, and --known-at TIME: the answer as the
record stood at that recorded time, before later corrections. Facts a rule drafted from running text
and no person has reviewed are marked (drafted); --curated-only leaves them out, as if never recorded.
  version                       print the version

Run 'query <command> -h' for the flags of a command.
`

// Run runs one command.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return usageError{"no command given"}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "state":
		return m.state(ctx, rest)
	case "timeline":
		return m.timeline(ctx, rest)
	case "party":
		return m.party(ctx, rest)
	case "person":
		return m.person(ctx, rest)
	case "lineage":
		return m.lineage(ctx, rest)
	case "events":
		return m.events(ctx, rest)
	case "sources":
		return m.sources(ctx, rest)
	case "history":
		return m.history(ctx, rest)
	case "diff":
		return m.diff(ctx, rest)
	case "replay":
		return m.replay(ctx, rest)
	case "version":
		fmt.Fprintln(m.Stdout, Version)
		return nil
	case "-h", "-help", "--help", "help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	default:
		fmt.Fprint(m.Stderr, usage)
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}
