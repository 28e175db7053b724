package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"annals/boltstore"
	"annals/cmdline"
	"annals/events"
	"annals/history"
	"annals/nodeapi/wire"
)

// DefaultData is the data directory when neither --data nor ANNALS_DATA is given.
const DefaultData = "data"

// globals are the flags every command takes (persistent flags of the root command).
type globals struct {
	data        string
	json        bool
	knownAtFlag string
	knownAt     time.Time // zero: the current record
	curatedOnly bool      // leave out drafted facts, as if never recorded
	format      string    // --format: text, json, or a table (csv, tsv, jsonl)
	server      string    // --server: the NATS URL of a node to ask, instead of the local store
}

// common is one command being run: the global flags, its own flag set and its arguments.
type common struct {
	*globals
	m      *Main
	tables bool // the command answers as a table too (--format csv, tsv, jsonl)
	remote bool // the command can ask a node (--server)
	cmd    *cobra.Command
	fs     *pflag.FlagSet
	args   []string // positional arguments
	warned bool     // the quarantine warning was printed (or not needed)
}

// addGlobalFlags adds the flags every command takes to root, as persistent flags.
func (m *Main) addGlobalFlags(root *cobra.Command, g *globals) {
	data := DefaultData
	if v := m.Getenv("ANNALS_DATA"); v != "" {
		data = v
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.data, "data", data, "data `directory` holding the record (env ANNALS_DATA)")
	pf.BoolVar(&g.json, "json", false, "print one JSON document (its shape is in docs/json.md); the same as --format json")
	pf.StringVar(&g.format, "format", formatText, "`format` of the answer: text, json, or a table for analysis tools (csv, tsv, jsonl: state, timeline, events, person, history, diff)")
	pf.StringVar(&g.knownAtFlag, "known-at", "", "answer as the record stood at this recorded `time` (RFC 3339, or YYYY-MM-DD for the end of that day, UTC), or just before the event with this id was recorded")
	pf.StringVar(&g.server, "server", m.Getenv("ANNALS_SERVER"), "ask the node (recorder serve) at this NATS `URL` instead of reading the local store; the answer is the same, byte for byte (env ANNALS_SERVER)")
	pf.BoolVar(&g.curatedOnly, "curated-only", false, "leave out the facts a rule drafted from running text and no person has reviewed, as if never recorded")
}

// build makes the cobra command of a subcommand: its flags are defined now, what it runs is called
// once they are parsed and its arguments counted.
func (m *Main) build(spec command, g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: strings.TrimSpace(spec.name + " " + spec.args), Short: spec.short, Long: spec.long}
	c := &common{globals: g, m: m, cmd: cmd, fs: cmd.Flags()}
	c.fs.Usage = func() { cmdline.UsageLine(m.Stderr, cmd) }
	run := spec.define(c)
	if c.fs.Lookup("party") != nil {
		cmd.RegisterFlagCompletionFunc("party", m.completeNames(g, events.KindParty, events.KindOrganisation))
	}
	switch spec.name {
	case "party":
		cmd.ValidArgsFunction = m.completeNames(g, events.KindParty, events.KindOrganisation)
	case "person":
		cmd.ValidArgsFunction = m.completeNames(g, events.KindPerson)
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		c.args = args
		if err := c.finish(spec.nargs); err != nil {
			return err
		}
		return run(cmd.Context())
	}
	return cmd
}

// completeNames completes the names of the record's entities of the kinds given (their ids and every
// name the record gives them) that begin with what was typed, ignoring case: shell completion of
// --party and of party and person arguments. A record that cannot be opened completes nothing.
func (m *Main) completeNames(g *globals, kinds ...events.Kind) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		store, err := boltstore.Open(filepath.Join(g.data, boltstore.FileName), boltstore.Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		defer store.Close()
		all, err := store.Entities(cmd.Context())
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		prefix := strings.ToLower(typed)
		seen := map[string]bool{}
		var out []cobra.Completion
		for _, e := range all {
			if !slices.Contains(kinds, e.Kind) {
				continue
			}
			for _, name := range append([]string{string(e.ID)}, e.Names...) {
				if strings.HasPrefix(strings.ToLower(name), prefix) && !seen[name] {
					seen[name] = true
					out = append(out, name)
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// finish checks what the flags alone cannot: the --known-at time and the number of arguments (any
// when n < 0).
func (c *common) finish(n int) error {
	if c.server != "" && !c.remote {
		return usageError{Msg: fmt.Sprintf("%s answers from the local store only; --server: state, party, timeline, person, lineage, events, sources, history, diff", c.cmd.Name())}
	}
	switch c.format {
	case formatText:
	case formatJSON:
		c.json = true
	case formatCSV, formatTSV, formatJSONL:
		if c.json {
			return usageError{Msg: fmt.Sprintf("--json and --format %s: give one", c.format)}
		}
		if !c.tables {
			return usageError{Msg: fmt.Sprintf("%s answers as text or json, not %s; tables: state, timeline, events, person, history, diff", c.cmd.Name(), c.format)}
		}
	default:
		return usageError{Msg: fmt.Sprintf("--format %q: want text, json, csv, tsv or jsonl", c.format)}
	}
	if c.knownAtFlag != "" {
		t, err := c.parseKnownAt(c.knownAtFlag)
		if err != nil {
			return err
		}
		c.knownAt = t
	}
	switch {
	case n < 0:
	case len(c.args) > n:
		c.fs.Usage()
		return usageError{Msg: fmt.Sprintf("unexpected argument %q", c.args[n])}
	case len(c.args) < n:
		c.fs.Usage()
		return usageError{Msg: fmt.Sprintf("%s needs %d argument(s)", c.cmd.Name(), n)}
	}
	return nil
}

// period is a --from and a --to flag: EDTF dates, each parsed by events.Date's UnmarshalText.
type period struct{ from, to events.Date }

// period adds --from and --to to the command, for what it selects ("events", "facts").
func (c *common) period(what string) *period {
	p := &period{}
	c.fs.TextVar(&p.from, "from", events.Date{}, "only "+what+" that may have happened on or after this EDTF `date`")
	c.fs.TextVar(&p.to, "to", events.Date{}, "only "+what+" that may have happened on or before this EDTF `date`")
	return p
}

// days returns the days the flags bound (MinDay and MaxDay where not given), whether either was
// given, and a usage error when --from begins after --to ends.
func (p *period) days() (lo, hi events.Day, dated bool, err error) {
	lo, hi = events.MinDay, events.MaxDay
	if !p.from.IsZero() {
		lo = p.from.Earliest()
	}
	if !p.to.IsZero() {
		hi = p.to.Latest()
	}
	if lo > hi {
		return lo, hi, true, usageError{Msg: fmt.Sprintf("--from %s is after --to %s", p.from, p.to)}
	}
	return lo, hi, !p.from.IsZero() || !p.to.IsZero(), nil
}

// parseKnownAt reads --known-at: a recorded time, or an event id standing for the moment just
// before the record learned that event (so that an answer "before the correction" names the
// correction).
func (c *common) parseKnownAt(v string) (time.Time, error) {
	id, err := ulid.ParseStrict(v)
	if err == nil && c.server != "" {
		return time.Time{}, usageError{Msg: "with --server, --known-at takes a time, not an event id"}
	}
	if err != nil {
		t, err := events.ParseRecorded(v)
		if err != nil {
			return time.Time{}, usageError{Msg: fmt.Sprintf("--known-at: %v (want a time, or an event id)", err)}
		}
		return t, nil
	}
	store, err := c.open()
	if err != nil {
		return time.Time{}, err
	}
	defer store.Close()
	st, err := store.Event(context.Background(), id)
	if err != nil {
		return time.Time{}, fmt.Errorf("--known-at %s: %w", id, err)
	}
	return st.Event.Recorded.Add(-time.Nanosecond), nil
}

// answer gets the answer to a question: from the node at --server, when one is given, decoding its
// JSON document into doc and returning the document's bytes as the node sent them (what --json
// prints); otherwise from the local store, through local, returning nil.
func (c *common) answer(ctx context.Context, endpoint string, request, doc any, local func(h *history.Historian) error) ([]byte, error) {
	if c.server == "" {
		store, h, err := c.openHistorian()
		if err != nil {
			return nil, err
		}
		defer store.Close()
		return nil, local(h)
	}
	body, _, err := wire.Ask(ctx, c.server, "annals query", endpoint, request)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(body, doc); err != nil {
		return nil, fmt.Errorf("the answer of %s at %s: %w", endpoint, c.server, err)
	}
	return body, nil
}

// readOptions are the flags of every question, as a node takes them.
func (c *common) readOptions() wire.ReadOptions {
	o := wire.ReadOptions{CuratedOnly: c.curatedOnly}
	if !c.knownAt.IsZero() {
		o.KnownAt = c.knownAt.UTC().Format(time.RFC3339Nano)
	}
	return o
}

// writeDocument prints a JSON document: as a node sent it (raw), or v encoded as --json prints it.
func (m *Main) writeDocument(raw []byte, v any) error {
	if raw != nil {
		_, err := m.Stdout.Write(raw)
		return err
	}
	return m.writeJSON(v)
}

// open opens the store read only: it waits briefly for a running writer, then says so. The first
// open warns on stderr, in one line, when the store holds quarantined entries of the stream.
func (c *common) open() (*boltstore.Store, error) {
	store, err := boltstore.Open(filepath.Join(c.data, boltstore.FileName), boltstore.Options{ReadOnly: true})
	if err == nil && !c.warned {
		c.warned = true
		if n, qerr := store.QuarantineCount(context.Background()); qerr == nil && n > 0 {
			fmt.Fprintf(c.m.Stderr, "warning: %d events of the stream are quarantined and left out of every answer; run recorder verify\n", n)
		}
	}
	return store, err
}

// openHistorian opens the store read only, with a Historian over it that answers as the flags ask.
func (c *common) openHistorian() (*boltstore.Store, *history.Historian, error) {
	store, err := c.open()
	if err != nil {
		return nil, nil, err
	}
	return store, history.New(store, history.Options{KnownAt: c.knownAt, CuratedOnly: c.curatedOnly}), nil
}

// parseAt parses an optional --at day: events.MaxDay (everything) when empty, a usage error when
// malformed.
func parseAt(at string) (events.Day, error) {
	if at == "" {
		return events.MaxDay, nil
	}
	day, err := events.ParseDay(at)
	if err != nil {
		return 0, usageError{Msg: fmt.Sprintf("--at: %v", err)}
	}
	return day, nil
}

func (m *Main) writeJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// indent puts prefix before every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
