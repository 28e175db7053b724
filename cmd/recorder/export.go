package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"annals/boltstore"
	"annals/events"
	"annals/record"
)

func (m *Main) export(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	data := DefaultData
	if v := m.Getenv("ANNALS_DATA"); v != "" {
		data = v
	}
	var c config
	fs.StringVar(&c.data, "data", data, "data `directory` holding the record (env ANNALS_DATA)")
	format := fs.String("format", "jsonl", "output format: jsonl (one event a line, in the wire format)")
	out := fs.String("out", "-", "write to `FILE` (replaced once complete) instead of standard output (-)")
	fs.StringVar(&c.logLevel, "log-level", "info", "log level: debug, info, warn, error")
	fs.StringVar(&c.logFormat, "log-format", "text", "log format: text or json")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: recorder export [flags]\n\n"+
			"Writes the whole record as JSON Lines, one event a line in the wire format, in the order the\n"+
			"record learned them: what `recorder import` reads. Reads the store only; NATS is not needed.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return usageError{fmt.Sprintf("unexpected argument %s", events.Excerpt(fs.Arg(0), events.DefaultExcerpt))}
	}
	if *format != "jsonl" {
		return usageError{fmt.Sprintf("--format %s: want jsonl", events.Excerpt(*format, events.DefaultExcerpt))}
	}
	logger, err := c.logger(m)
	if err != nil {
		return err
	}
	store, err := boltstore.Open(filepath.Join(c.data, boltstore.FileName), boltstore.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer store.Close()
	if *out == "-" {
		n, err := record.Export(ctx, store, m.Stdout)
		if err != nil {
			return err
		}
		logger.Debug("exported", "events", n)
		return nil
	}
	// The file appears complete or not at all.
	f, err := os.CreateTemp(filepath.Dir(*out), filepath.Base(*out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(f.Name())
	n, err := record.Export(ctx, store, f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), *out)
	}
	if err != nil {
		return fmt.Errorf("export to %s: %w", *out, err)
	}
	logger.Info("exported", "events", n, "file", *out)
	return nil
}
