package main

import (
	"bytes"
	"context"
	"fmt"

	"github.com/spf13/pflag"

	"annals/record"
)

func (m *Main) importEvents(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		logger, name, data, err := m.oneInput(fs, c, "import")
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
		var bar **progress
		rec.Progress, bar = m.recorderProgress("import")
		res, err := rec.Import(ctx, evs)
		(*bar).finish()
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
}
