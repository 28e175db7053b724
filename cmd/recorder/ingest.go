package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"annals/nodeapi"
	"annals/sources"
)

func (m *Main) ingest(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	var u unreadFlags
	u.add(fs)
	noDraft := fs.Bool("no-draft", false, "leave out the facts drafted from the running text of documents without a NAME.facts.json")
	return func(ctx context.Context) error {
		if fs.NArg() == 0 {
			fs.Usage()
			return usageError{Msg: "ingest needs at least one PATH"}
		}
		logger, err := c.logger(m)
		if err != nil {
			return err
		}
		opts := sources.LoadOptions{Strict: u.strict, NoDraft: *noDraft}
		if c.server != "" {
			in, err := sources.LoadWith(fs.Args(), opts)
			if err != nil {
				return err
			}
			u.report(m.Stderr, in.Unread)
			return m.ingestThrough(ctx, c, in, *noDraft, u.strict)
		}
		// The sources are read twice, a batch at a time, so that what ingest holds does not grow with
		// them: first to check every file (nothing is recorded from a set of sources with a bad file in
		// it), then to record them.
		checked, err := sources.Check(fs.Args(), opts, 0)
		if err != nil {
			return err
		}
		u.report(m.Stderr, checked.Unread)
		in, err := sources.OpenStream(fs.Args(), opts, 0)
		if err != nil {
			return err
		}
		in.Facts = checked.Facts
		b, err := c.open(ctx, logger)
		if err != nil {
			return err
		}
		defer b.Close()
		rec := m.recorder(b)
		rec.Logger = logger
		var bar **progress
		rec.Progress, bar = m.recorderProgress("ingest")
		defer func() { (*bar).finish() }()
		// A document titled "X (Country)" is about the X the record or the batch holds, when the evidence
		// agrees; drafted facts of documents a person has since reviewed (a facts file beside them) are
		// withdrawn, citing the review.
		res, err := rec.IngestStream(ctx, in)
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
		logger.Info("ingested", "documents", res.Documents, "facts", res.Facts, "recorded", res.Recorded, "known", res.Known, "last_seq", last)
		fmt.Fprintf(m.Stdout, "recorded %d new facts from %d documents (%d already in the record); the record holds %d events\n",
			res.Recorded, res.Documents, res.Known, last)
		warnQuarantined(ctx, m.Stderr, b.store)
		return nil
	}
}

// ingestThrough sends what sources read, document by document (with its facts file), then the facts
// files without a document, to the node at --server, which records each as ingest would here, and
// prints the same summary.
func (m *Main) ingestThrough(ctx context.Context, c *config, in *sources.Loaded, noDraft, strict bool) error {
	var recorded, known, docs int
	var last uint64
	for _, f := range in.Files() {
		var doc nodeapi.WriteDocument
		var err error
		if f.Document == "" {
			data, rerr := os.ReadFile(f.Facts)
			if rerr != nil {
				return fmt.Errorf("read %s: %w", f.Facts, rerr)
			}
			doc, err = c.write(ctx, "append", data)
		} else {
			text, rerr := os.ReadFile(f.Document)
			if rerr != nil {
				return fmt.Errorf("read %s: %w", f.Document, rerr)
			}
			req := nodeapi.IngestRequest{Name: filepath.Base(f.Document), Text: string(text), NoDraft: noDraft, Strict: strict}
			if f.Facts != "" {
				facts, rerr := os.ReadFile(f.Facts)
				if rerr != nil {
					return fmt.Errorf("read %s: %w", f.Facts, rerr)
				}
				req.Facts = facts
			}
			doc, err = c.write(ctx, "ingest", req)
			docs++
		}
		for _, w := range doc.Warnings {
			fmt.Fprintf(m.Stderr, "warning: %s\n", w)
		}
		if err != nil {
			return fmt.Errorf("ingest: %w (recorded %d facts before stopping)", err, recorded)
		}
		recorded, known, last = recorded+doc.Recorded, known+doc.Known, doc.LastSeq
	}
	fmt.Fprintf(m.Stdout, "recorded %d new facts from %d documents (%d already in the record); the record holds %d events\n",
		recorded, docs, known, last)
	return nil
}
