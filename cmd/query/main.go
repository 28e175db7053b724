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
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"annals/cmdline"
)

// Version is stamped by the build (-ldflags "-X main.Version=..."); "dev" otherwise, when the module
// version of a `go install` is used instead (see version).
var Version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	err := m.Run(ctx, os.Args[1:])
	interrupted := ctx.Err() != nil
	stop()
	if interrupted && err != nil {
		os.Exit(cmdline.ExitInterrupted)
	}
	os.Exit(exitCode(m.Stderr, err))
}

// Main is the query program, with its streams and environment injected for tests.
type Main struct {
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// usageError is a usage error (exit 2).
type usageError = cmdline.UsageError

// machineError marks an error of a command asked for a machine-readable answer (--json, --format
// json or jsonl): it is printed as one JSON object, {"error": …, "code": …}, with the same exit code.
type machineError struct{ err error }

func (e machineError) Error() string { return e.err.Error() }
func (e machineError) Unwrap() error { return e.err }

func exitCode(stderr io.Writer, err error) int {
	var ue usageError
	code, msg := 0, ""
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		code, msg = cmdline.ExitUsage, ue.Msg
	default:
		code, msg = cmdline.ExitFailure, err.Error()
	}
	var me machineError
	if errors.As(err, &me) {
		data, _ := json.Marshal(struct {
			Error string `json:"error"`
			Code  int    `json:"code"`
		}{msg, code})
		fmt.Fprintf(stderr, "%s\n", data)
		return code
	}
	fmt.Fprintf(stderr, "error: %s\n", msg)
	return code
}

// command is one subcommand: its name, its arguments as the usage line shows them, how many it takes
// (-1: any number), its help, and define, which adds its flags and returns what it runs.
type command struct {
	name, args  string
	nargs       int
	short, long string
	define      func(c *common) func(ctx context.Context) error
}

func (m *Main) commands() []command {
	return []command{
		{name: "state", args: "--at DATE | --during PERIOD [--party P]", nargs: 0,
			short: "every party known on a day (or one), or during a period, with its leaders and links",
			long: "Prints every party known on a day (or one party): its name on that day, abbreviation, status,\n" +
				"leaders, ideology and position, wings and affiliations, predecessors and successors.\n" +
				"A fact whose date range contains the day is shown as uncertain; claims that disagree are shown\n" +
				"as disputed, each with its source. With --during, the parties that existed at some time in a\n" +
				"period (1995, 1995-03, 1993/1997) and who led them then, each with its certainty.",
			define: m.state},
		{name: "timeline", args: "--party P", nargs: 0,
			short: "a party's events in historical order, with sources and quotes",
			long: "Lists a party's events, and the events that involve it, in historical order: the date as the\n" +
				"source gives it, the event, and the source with its quote.",
			define: m.timeline},
		{name: "party", args: "P [--at DATE]", nargs: 1,
			short: "everything the record holds about one party, grouped, with sources",
			long: "Prints everything the record holds about one party (or organisation), grouped, with sources:\n" +
				"names, life (founding, mergers, splits, successions, bans), leaders, committees, ideas, ties,\n" +
				"elections and other facts, then the disputes. With --at, only what had or may have happened by\n" +
				"that day, and the party's state on it.",
			define: m.party},
		{name: "person", args: "NAME [--at DATE]", nargs: 1,
			short: "a person's roles and what happened to them, in historical order",
			long: "Prints a person's roles (offices and committee seats, with their dates) and what happened to them,\n" +
				"in historical order, with sources. With --at, the roles held on that day and the history up to it.",
			define: m.person},
		{name: "lineage", args: "--party P [--format text|dot|mermaid]", nargs: 0,
			short: "predecessors and successors as a graph, each link typed and dated",
			long: "Prints a party's predecessors and successors, transitively, as a graph: each link typed (merger,\n" +
				"split, succession and its kind, transformation, rename) and dated. text draws a tree; dot and\n" +
				"mermaid paste into Graphviz and Mermaid.",
			define: m.lineage},
		{name: "events", args: "[--party P] [--type T] [--from DATE] [--to DATE] [--source DOC]", nargs: 0,
			short: "the raw events, filtered by party, type, dates or document",
			long: "Prints the raw events of the record: all of them in the order they were recorded, or with --party\n" +
				"those about or involving one party (or person or organisation) in historical order. --type takes a\n" +
				"type (party.founded/v1) or a prefix (party.); --from and --to take EDTF dates and keep the events\n" +
				"whose dates may fall between them (undated events are left out then); --source keeps the facts\n" +
				"drawn from one document.",
			define: m.events},
		{name: "sources", args: "DOC", nargs: 1,
			short: "the facts drawn from one document, in document order",
			long: "Prints the facts drawn from one document, in document order (by where each quote starts), with\n" +
				"the line of each quote. DOC is the document's file name as recorded.",
			define: m.sources},
		{name: "history", args: "EVENT-ID | --party P", nargs: -1,
			short: "an event and everything that corrected, retracted or disputed it",
			long: "Prints the chain of an event: what it corrected, everything that corrected, retracted or disputed it,\n" +
				"in recorded order, with reasons and sources. With --party, every such chain of a party.",
			define: m.history},
		{name: "diff", args: "--from DATE --to DATE [--party P]", nargs: 0,
			short: "what changed in the world between two historical days",
			long: "Prints what changed in the world between two historical days: for each party whose state differs,\n" +
				"the fields that changed (status, name, abbreviation, leaders, ideology, position, wings,\n" +
				"affiliations, predecessors, successors) and the facts dated between the two days, with sources.",
			define: m.diff},
		{name: "replay", args: "[--from DATE] [--to DATE] [--party P] [--follow]", nargs: 0,
			short: "the history played in historical order, one change a line (--follow to wait for more)",
			long: "Plays the history in historical order, one change per line with its date and source: every fact in\n" +
				"force whose date may fall between --from and --to (EDTF dates; open if not given), of every party or\n" +
				"of one. --follow then waits for new events as they are recorded (like tail -f) and prints those in\n" +
				"range as they arrive, until interrupted. With --json, one JSON object a line.",
			define: m.replay},
		{name: "search", args: "NAME...", nargs: -1,
			short: "every party, person or organisation a name may mean, exactly or nearly",
			long: "Lists the entities of the record that a name means (an id, a name, an abbreviation, a misspelling\n" +
				"the record holds, in any script), or, when none does, every one whose names come close.",
			define: m.search},
		{name: "types", args: "", nargs: 0,
			short: "every event type, with its payload fields and an example (docs/events.md)",
			long: "Lists every event type a fact can have: what it records, the kind of entity it is about, its\n" +
				"payload's fields with their types and whether each is required, and a complete example in the\n" +
				"shape of a facts file's entry (what recorder append reads).",
			define: m.types},
	}
}

const rootLong = `query answers questions from the record (its bbolt store), read only, without NATS.

Every command takes --data DIR (env ANNALS_DATA), --json, and --known-at TIME: the answer as the
record stood at that recorded time, before later corrections. Facts a rule drafted from running text
and no person has reviewed are marked (drafted); --curated-only leaves them out, as if never recorded.`

// Run runs one command line.
func (m *Main) Run(ctx context.Context, args []string) error {
	g := &globals{}
	root := cmdline.Root("query", "answer questions from the record", rootLong, cmdline.Version(Version), m.Stdout, m.Stderr)
	m.addGlobalFlags(root, g)
	for _, spec := range m.commands() {
		root.AddCommand(m.build(spec, g))
	}
	err := cmdline.Execute(root, args, func() error { return root.ExecuteContext(ctx) })
	if err != nil && (g.json || g.format == formatJSON || g.format == formatJSONL) {
		return machineError{err}
	}
	return err
}
