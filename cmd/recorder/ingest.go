package main

import (
	"annals/sources"
	"context"
	"flag"
	"fmt"

	"annals/record"
)

func (m *Main) ingest(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var c config
	m.addFlags(fs, &c)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: recorder ingest [flags] PATH...\n\nRecords documents (*.txt, with their NAME.facts.json) and facts files, from files or folders.\nRecording the same documents again records nothing new.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"ingest needs at least one PATH"}
	}
	logger, err := c.logger(m)
	if err != nil {
		return err
	}
	in, err := sources.Load(fs.Args())
	if err != nil {
		return err
	}
	b, err := c.open(ctx, logger)
	if err != nil {
		return err
	}
	defer b.Close()
	rec := record.New(b.log, b.store, logger)
	if m.Now != nil {
		rec.Now = m.Now
	}
	if m.Entropy != nil {
		rec.Entropy = m.Entropy
	}
	res, err := rec.Record(ctx, in.Facts)
	if err != nil {
		return fmt.Errorf("ingest: %w (recorded %d facts before stopping)", err, res.Recorded)
	}
	last, err := b.store.LastSeq(ctx)
	if err != nil {
		return err
	}
	logger.Info("ingested", "documents", len(in.Documents), "facts", len(in.Facts), "recorded", res.Recorded, "known", res.Known, "last_seq", last)
	fmt.Fprintf(m.Stdout, "recorded %d new facts from %d documents (%d already in the record); the record holds %d events\n",
		res.Recorded, len(in.Documents), res.Known, last)
	return nil
}
