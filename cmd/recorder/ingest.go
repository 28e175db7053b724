package main

import (
	"context"
	"flag"
	"fmt"

	"annals/sources"
)

func (m *Main) ingest(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var c config
	m.addFlags(fs, &c)
	var u unreadFlags
	u.add(fs)
	noDraft := fs.Bool("no-draft", false, "leave out the facts drafted from the running text of documents without a NAME.facts.json")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: recorder ingest [flags] PATH...\n\nRecords documents (*.txt, with their NAME.facts.json) and facts files, from files or folders.\nA document without a facts file gives the facts drafted from its running text, marked drafted;\nonce a facts file is beside it, the drafted facts recorded before are retracted, citing the review.\nRecording the same documents again records nothing new.\n\nflags:\n")
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
	in, err := sources.LoadWith(fs.Args(), sources.LoadOptions{Strict: u.strict, NoDraft: *noDraft})
	if err != nil {
		return err
	}
	u.report(m.Stderr, in.Unread)
	b, err := c.open(ctx, logger)
	if err != nil {
		return err
	}
	defer b.Close()
	rec := m.recorder(b)
	rec.Logger = logger
	// A document titled "X (Country)" is about the X the record or the batch holds, when the evidence
	// agrees; drafted facts of documents a person has since reviewed (a facts file beside them) are
	// withdrawn, citing the review.
	res, err := rec.Ingest(ctx, in)
	for _, w := range res.Warnings {
		fmt.Fprintf(m.Stderr, "warning: %s\n", w)
	}
	if res.Reviewed > 0 {
		fmt.Fprintf(m.Stderr, "retracting %d drafted facts that a curated facts file now replaces\n", res.Reviewed)
	}
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
	warnQuarantined(ctx, m.Stderr, b.store)
	return nil
}
