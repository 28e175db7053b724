// Command recorder is the write side of annals: it records the facts of documents as events on the
// log (NATS JetStream) and applies them to the store (a bbolt file).
//
//	recorder ingest [flags] PATH...   record documents (files or folders) and their curated facts
//	recorder extract [flags] DOC      print the facts a document states, without recording them
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
	"time"
	"unicode/utf8"

	"annals/events"
)

// Version is stamped by the build (-ldflags "-X main.Version=...").
var Version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	err := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(exitCode(m.Stderr, err))
}

// Main is the recorder program, with its streams and environment injected for tests.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string

	// Now and Entropy, when set, replace the wall clock and crypto randomness of event ids (tests).
	Now     func() time.Time
	Entropy io.Reader
}

// errUsage marks a usage error (exit 2); its message has already been printed with the usage.
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
		fmt.Fprintf(stderr, "error: %s\n", bounded(err.Error()))
		return 1
	}
}

// maxMessage is the most of an error message main prints. Each error quotes its input through
// events.Excerpt; this bounds what a joined list of them, or an input an error names unquoted, can add.
const maxMessage = 8 << 10

// bounded is msg, cut on a rune boundary after maxMessage bytes, saying how long it was.
func bounded(msg string) string {
	if len(msg) <= maxMessage {
		return msg
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", msg[:cut], len(msg))
}

const usage = `usage: recorder <command> [flags] [args]

commands:
  ingest PATH...   record documents (files or folders) with their curated facts
  extract DOC      print the facts a document states, without recording them
  append FILE|-    record new facts (a facts file: each fact with its source and quote)
  correct ID...    record a correction that supersedes events (--reason, --quote, --document or --title/--url)
  retract ID...    withdraw events without replacing them (--reason, --quote, a source)
  merge A B        record that A and B are one party, answered for under A (--reason, --quote, a source);
                   retracting the event it prints parts them again
  replay           rebuild the store from the stream, swapped in when complete (--until SEQ|TIME, --out FILE)
  export           print the whole record as JSON Lines, one event a line (--out FILE)
  import FILE|-    record the events of an export as they are, into an empty record
  verify           compare the stream and the store event by event, and the store's indexes; list what
                   diverges and what to do, and the quarantined entries (--json; exit 1 on a divergence)
  serve            run a node: follow the stream into the store, answer questions and take writes over
                   NATS and HTTP until interrupted (--http, --nats-listen; see docs/api.md)
  keygen           make a signing key for a recorder (--out FILE); print its public key
  version          print the version

Run 'recorder <command> -h' for the flags of a command.
`

// Run runs one command.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return usageError{"no command given"}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "ingest":
		return m.ingest(ctx, rest)
	case "extract":
		return m.extract(ctx, rest)
	case "append":
		return m.append(ctx, rest)
	case "correct":
		return m.correct(ctx, rest)
	case "retract":
		return m.retract(ctx, rest)
	case "merge":
		return m.merge(ctx, rest)
	case "replay":
		return m.replay(ctx, rest)
	case "export":
		return m.export(ctx, rest)
	case "import":
		return m.importEvents(ctx, rest)
	case "verify":
		return m.verify(ctx, rest)
	case "keygen":
		return m.keygen(ctx, rest)
	case "serve":
		return m.serve(ctx, rest)
	case "version":
		fmt.Fprintln(m.Stdout, Version)
		return nil
	case "-h", "-help", "--help", "help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	default:
		fmt.Fprint(m.Stderr, usage)
		return usageError{fmt.Sprintf("unknown command %s", events.Excerpt(cmd, events.DefaultExcerpt))}
	}
}

// parse parses a command's flags, turning a bad flag into a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
