// Command query is the read side of annals: it answers questions from the store (a bbolt file), read
// only, without NATS.
//
//	query state --at DATE [--party P]   every party known on a date, or one
//	query timeline --party P            a party's events in historical order, with sources
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
  version                       print the version

Every command takes --data DIR (env ANNALS_DATA) and --json.
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
