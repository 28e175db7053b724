package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"

	"annals/record"
)

func (m *Main) importEvents(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var c config
	m.addFlags(fs, &c)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: recorder import [flags] FILE|-\n\n"+
			"Records the events of an export (JSON Lines, from FILE or standard input) as they are: the same ids,\n"+
			"recorded times and order. Every line is checked first (a bad line refuses the whole input, naming\n"+
			"the line). The record must be empty, or hold exactly the first events of the input (an interrupted\n"+
			"import, which this finishes); any other record is refused.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{"import needs one FILE, or - for standard input"}
	}
	logger, err := c.logger(m)
	if err != nil {
		return err
	}
	name, data, err := m.readInput(fs.Arg(0))
	if err != nil {
		return err
	}
	evs, err := record.ReadEvents(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	b, err := c.open(ctx, logger)
	if err != nil {
		return err
	}
	defer b.Close()
	rec := m.recorder(b)
	rec.Logger = logger
	res, err := rec.Import(ctx, evs)
	if err != nil && res.Imported > 0 {
		return fmt.Errorf("%w (imported %d events before stopping)", err, res.Imported)
	}
	if err != nil {
		return err
	}
	last, err := b.store.LastSeq(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "imported %d events from %s (%d already in the record); the record holds %d events\n",
		res.Imported, name, res.Present, last)
	return nil
}
