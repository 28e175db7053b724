package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"annals/boltstore"
	"annals/events"
	"annals/record"
)

func (m *Main) export(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	format := fs.String("format", "jsonl", "output format: jsonl (one event a line, in the wire format)")
	out := fs.String("out", "-", "write to `FILE` (replaced once complete) instead of standard output (-)")
	return func(ctx context.Context) error {
		if fs.NArg() != 0 {
			fs.Usage()
			return usageError{Msg: fmt.Sprintf("unexpected argument %s", events.Excerpt(fs.Arg(0), events.DefaultExcerpt))}
		}
		if *format != "jsonl" {
			return usageError{Msg: fmt.Sprintf("--format %s: want jsonl", events.Excerpt(*format, events.DefaultExcerpt))}
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
		total, err := store.LastSeq(ctx)
		if err != nil {
			return err
		}
		bar := m.newProgress("export", int64(total))
		defer bar.finish()
		if *out == "-" {
			n, err := record.Export(ctx, store, &lineCounter{w: m.Stdout, bar: bar})
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
		n, err := record.Export(ctx, store, &lineCounter{w: f, bar: bar})
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
}

// lineCounter passes what is written to w, moving bar by the lines (events) written.
type lineCounter struct {
	w     io.Writer
	bar   *progress
	lines int64
}

func (l *lineCounter) Write(p []byte) (int, error) {
	n, err := l.w.Write(p)
	l.lines += int64(bytes.Count(p[:n], []byte{'\n'}))
	l.bar.set(l.lines)
	return n, err
}
