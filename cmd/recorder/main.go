// Command recorder is the write side of annals: it records the facts of documents as events on the
// log (NATS JetStream) and applies them to the store (a bbolt file).
//
//	recorder ingest [flags] PATH...   record documents (files or folders) and their curated facts
//	recorder extract [flags] DOC      print the facts a document states, without recording them
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"annals/cmdline"
	"annals/natsapi"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Version is stamped by the build (-ldflags "-X main.Version=...").
var Version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	err := m.Run(ctx, os.Args[1:])
	interrupted := ctx.Err() != nil
	stop()
	if interrupted && err != nil {
		os.Exit(cmdline.ExitInterrupted)
	}
	os.Exit(exitCode(m.Stderr, err))
}

// Main is the recorder program, with its streams and environment injected for tests.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string

	// Terminal, when set, replaces the check that stderr is a terminal, where progress bars are drawn
	// (tests).
	Terminal func(io.Writer) bool

	// Now and Entropy, when set, replace the wall clock and crypto randomness of event ids (tests).
	Now     func() time.Time
	Entropy io.Reader
}

// usageError is a usage error (exit 2).
type usageError = cmdline.UsageError

func exitCode(stderr io.Writer, err error) int {
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "error: %s\n", ue.Msg)
		return cmdline.ExitUsage
	default:
		fmt.Fprintf(stderr, "error: %s\n", bounded(err.Error()))
		return cmdline.ExitFailure
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

// command is one subcommand: its name, its arguments as the usage line shows them, its help, and
// define, which adds its flags and returns what it runs once they are parsed (the arguments are then
// the flag set's Args).
type command struct {
	name, args  string
	short, long string
	define      func(fs *pflag.FlagSet, c *config) func(ctx context.Context) error
}

func (m *Main) commands() []command {
	return []command{
		{name: "ingest", args: "PATH...",
			short:  "record documents (files or folders) with their curated facts",
			long:   "Records documents (*.txt, with their NAME.facts.json) and facts files, from files or folders.\nA document without a facts file gives the facts drafted from its running text, marked drafted;\nonce a facts file is beside it, the drafted facts recorded before are retracted, citing the review.\nRecording the same documents again records nothing new.",
			define: m.ingest},
		{name: "extract", args: "DOC...",
			short:  "print the facts a document states, without recording them",
			long:   "Prints the facts the parser, the drafting rules and the curated file draw from documents,\nwithout recording them. With --draft, prints a facts file to review instead.",
			define: m.extract},
		{name: "append", args: "FILE|-",
			short:  "record new facts (a facts file: each fact with its source and quote)",
			long:   "Records new facts given in the shape of a curated facts file ({\"document\": ..., \"facts\": [...]}),\nfrom FILE or standard input. Each fact cites a document the record holds (its quote must occur in it)\nor an external work (\"source\": {\"title\", \"url\", \"quote\"}). A fact with \"supersedes\" and \"reason\"\ncorrects earlier events. Prints the id of each event recorded.",
			define: m.append},
		{name: "correct", args: "EVENT-ID [EVENT-ID...]",
			short:  "record a correction that supersedes events",
			long:   "Records a correction: a new fact, of the type and about the entity of the first event named, with\nits date and payload changed as the flags say, that supersedes every event named. The events named\nstay on the record, marked superseded. Refused for an id the record does not hold, an empty reason,\nor an event a later correction already superseded. Prints the id of the correction; run again with\nthe same arguments (a retry), it prints the id of the same correction, already recorded.",
			define: m.correct},
		{name: "retract", args: "EVENT-ID [EVENT-ID...]",
			short:  "withdraw events without replacing them",
			long:   "Withdraws events without replacing them: records a retraction, with a reason and a source, that\nsupersedes every event named. The events stay on the record, marked withdrawn. Refused like\ncorrect. Prints the id of the retraction.",
			define: m.retract},
		{name: "merge", args: "A B",
			short:  "record that A and B are one party, answered for under A",
			long:   "Records a person's decision that A and B, two entities of the record (an id, or a name that means\none entity), are one party: an entity.same_as/v1 event about A, with a reason and a source.\nQueries then answer for the two together, under A's id; 'recorder retract ID' parts them again.\nPrints the id of the event.",
			define: m.merge},
		{name: "replay", args: "",
			short:  "rebuild the store from the stream, swapped in when complete",
			long:   "Rebuilds the store from the stream into a new file next to it (STORE.replay), then swaps it in\nwith an atomic rename, holding the record's lock throughout. Progress goes to stderr every second.\nAn interrupted replay resumes on the next run with the same --until; with another bound it starts\nover. --until stops at the first event past the bound. The next recorder command that writes\ncatches the store up with the stream again: to keep a past state, use --out.",
			define: m.replay},
		{name: "export", args: "",
			short:  "print the whole record as JSON Lines, one event a line",
			long:   "Writes the whole record as JSON Lines, one event a line in the wire format, in the order the\nrecord learned them: what `recorder import` reads. Reads the store only; NATS is not needed.",
			define: m.export},
		{name: "import", args: "FILE|-",
			short:  "record the events of an export as they are, into an empty record",
			long:   "Records the events of an export (JSON Lines, from FILE or standard input) as they are: the same ids,\nrecorded times and order. Every line is checked first (a bad line refuses the whole input, naming\nthe line). The record must be empty, or hold exactly the first events of the input (an interrupted\nimport, which this finishes); any other record is refused.",
			define: m.importEvents},
		{name: "verify", args: "",
			short:  "compare the stream and the store event by event, and the store's indexes",
			long:   "Compares the stream and the store event by event (sequence, event id, fact id, the event's bytes),\nthe stream's identity with the one the store recorded, and the store's indexes with its events.\nLists every divergence with what to do, and the entries the store quarantined. Writes nothing.\nExit 0 when nothing diverges (quarantined entries are listed, not divergences), 1 otherwise.",
			define: m.verify},
		{name: "serve", args: "",
			short:  "run a node: follow the stream, answer and take writes over NATS and HTTP",
			long:   fmt.Sprintf("Runs a node: follows the stream into the store (the data directory's, which it holds open), answers\nquestions and takes writes over NATS (service %q, subjects %s.<endpoint>) and HTTP (/api/...,\n/healthz, /readyz, /metrics; see docs/api.md), until interrupted. While it runs, ask it instead of\nrunning query on the same data directory.", natsapi.DefaultName, natsapi.DefaultPrefix),
			define: m.serve},
		{name: "keygen", args: "--out FILE",
			short:  "make a signing key for a recorder; print its public key",
			long:   "Makes a signing key for a recorder and prints its public key (U\u2026), which other recorders and\nreaders of the same stream trust with --trusted-keys. A recorder uses it with --signing-key FILE;\nwithout one, a recorder makes DATA/recorder.nk on first use.",
			define: m.keygen},
	}
}

const rootLong = `recorder writes the record: it records the facts of documents as events on the log (NATS
JetStream: the embedded server by default, or a cluster with --nats) and applies them to the store
(a bbolt file in the data directory).

The flags every command takes (data directory, NATS connection and TLS, stream, signing, logging)
are listed once, by 'recorder help flags'.`

// subcommandUsage is cobra's usage template without the inherited flags, which 'recorder help flags'
// lists once.
const subcommandUsage = `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if .HasAvailableSubCommands}}

Available Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Every command also takes the connection and logging flags: see 'recorder help flags'.{{end}}{{if .HasHelpSubCommands}}

Additional help topics:{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

Use "{{.CommandPath}} [command] --help" for more information about a command.{{end}}
`

// Run runs one command line.
func (m *Main) Run(ctx context.Context, args []string) error {
	c := &config{}
	root := cmdline.Root("recorder", "write the record", rootLong, cmdline.Version(Version), m.Stdout, m.Stderr)
	root.SetIn(m.Stdin)
	root.SetUsageTemplate(subcommandUsage)
	m.addFlags(root.PersistentFlags(), c)
	for _, spec := range m.commands() {
		root.AddCommand(m.build(spec, c))
	}
	root.AddCommand(&cobra.Command{
		Use:   "flags",
		Short: "the flags every command takes: data directory, NATS connection and TLS, stream, signing, logging",
		Long: "The flags every recorder command takes (each also read from the environment variable named):\n\n" +
			root.PersistentFlags().FlagUsages(),
	})
	return cmdline.Execute(root, args, func() error { return root.ExecuteContext(ctx) })
}

// build makes the cobra command of a subcommand: its flags are defined now, what it runs is called
// once cobra has parsed them (before or after the arguments).
func (m *Main) build(spec command, c *config) *cobra.Command {
	cmd := &cobra.Command{Use: strings.TrimSpace(spec.name + " " + spec.args), Short: spec.short, Long: spec.long}
	fs := cmd.Flags()
	fs.Usage = func() { cmdline.UsageLine(m.Stderr, cmd) }
	run := spec.define(fs, c)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		switch spec.name {
		case "append", "correct", "retract", "ingest":
		default:
			if cmd.Flags().Changed("server") {
				return usageError{Msg: fmt.Sprintf("%s does not go through a node; --server is for ingest, append, correct and retract", spec.name)}
			}
			c.server = "" // ANNALS_SERVER is for the writes that can go through a node
		}
		return run(cmd.Context())
	}
	return cmd
}
