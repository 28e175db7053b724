package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/history"
)

// DefaultData is the data directory when neither --data nor ANNALS_DATA is given.
const DefaultData = "data"

// common holds the flags every query takes.
type common struct {
	m    *Main
	data string
	json bool
	fs   *flag.FlagSet
	args []string // positional arguments, after parseArgs

	knownAtFlag string
	knownAt     time.Time // zero: the current record
	curatedOnly bool      // leave out drafted facts, as if never recorded
	warned      bool      // the quarantine warning was printed (or not needed)
}

func (m *Main) flags(name, synopsis, help string) *common {
	c := &common{m: m, fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.fs.SetOutput(m.Stderr)
	data := DefaultData
	if v := m.Getenv("ANNALS_DATA"); v != "" {
		data = v
	}
	c.fs.StringVar(&c.data, "data", data, "data `directory` holding the record (env ANNALS_DATA)")
	c.fs.BoolVar(&c.json, "json", false, "print one JSON document (its shape is in docs/json.md)")
	c.fs.StringVar(&c.knownAtFlag, "known-at", "", "answer as the record stood at this recorded `time` (RFC 3339, or YYYY-MM-DD for the end of that day, UTC)")
	c.fs.BoolVar(&c.curatedOnly, "curated-only", false, "leave out the facts a rule drafted from running text and no person has reviewed, as if never recorded")
	c.fs.Usage = func() {
		fmt.Fprintf(c.fs.Output(), "usage: query %s %s\n\n%s\n\nflags:\n", name, synopsis, help)
		c.fs.PrintDefaults()
	}
	return c
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
		return lo, hi, true, usageError{fmt.Sprintf("--from %s is after --to %s", p.from, p.to)}
	}
	return lo, hi, !p.from.IsZero() || !p.to.IsZero(), nil
}

func (c *common) parse(args []string) error { return c.parseArgs(args, 0) }

// parseArgs parses flags and exactly n positional arguments (any number if n < 0), in any order ("party CNRP --at X" and
// "party --at X CNRP" both work); the positional arguments are then c.args.
func (c *common) parseArgs(args []string, n int) error {
	c.args = nil
	for {
		if err := c.fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return usageError{err.Error()}
		}
		if c.fs.NArg() == 0 {
			break
		}
		c.args = append(c.args, c.fs.Arg(0))
		args = c.fs.Args()[1:]
	}
	if c.knownAtFlag != "" {
		t, err := events.ParseRecorded(c.knownAtFlag)
		if err != nil {
			return usageError{fmt.Sprintf("--known-at: %v", err)}
		}
		c.knownAt = t
	}
	switch {
	case n < 0:
	case len(c.args) > n:
		c.fs.Usage()
		return usageError{fmt.Sprintf("unexpected argument %q", c.args[n])}
	case len(c.args) < n:
		c.fs.Usage()
		return usageError{fmt.Sprintf("%s needs %d argument(s)", c.fs.Name(), n)}
	}
	return nil
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
		return 0, usageError{fmt.Sprintf("--at: %v", err)}
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
