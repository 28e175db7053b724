package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/pflag"

	"annals/events"
	"annals/extract"
	"annals/record"
)

func (m *Main) append(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		logger, name, data, err := m.oneInput(fs, c, "append")
		if err != nil {
			return err
		}
		curated, err := extract.ParseCurated(name, data)
		if err != nil {
			return err
		}
		if len(curated.Facts) == 0 {
			return fmt.Errorf("facts file %s holds no facts: %w", name, events.ErrInvalid)
		}
		if c.server != "" {
			doc, err := c.write(ctx, "append", data)
			if err != nil {
				return err
			}
			for _, id := range doc.Events {
				fmt.Fprintln(m.Stdout, id)
			}
			if doc.Known > 0 {
				fmt.Fprintf(m.Stderr, "%d facts were already in the record\n", doc.Known)
			}
			return nil
		}
		b, err := c.open(ctx, logger)
		if err != nil {
			return err
		}
		defer b.Close()
		return m.recordFacts(ctx, b, logger, curated.Facts, record.AppendRetries(curated.Facts))
	}
}

// recordFacts records facts and prints the id of each event recorded, or says they were known.
func (m *Main) recordFacts(ctx context.Context, b *backend, logger *slog.Logger, facts []events.Fact, retries int) error {
	rec := m.recorder(b)
	rec.Logger = logger
	rec.ReportIDs = true
	rec.Retries = retries
	res, err := rec.Record(ctx, facts)
	if err != nil {
		return err
	}
	for _, id := range res.IDs {
		fmt.Fprintln(m.Stdout, id)
	}
	logger.Info("appended", "recorded", res.Recorded, "known", res.Known)
	if res.Known > 0 {
		fmt.Fprintf(m.Stderr, "%d facts were already in the record\n", res.Known)
	}
	return nil
}

// recorder returns the recorder of a backend, with the clock and entropy of the Main.
func (m *Main) recorder(b *backend) *record.Recorder {
	rec := record.New(b.log, b.store, nil)
	if m.Now != nil {
		rec.Now = m.Now
	}
	if m.Entropy != nil {
		rec.Entropy = m.Entropy
	}
	return rec
}

// oneInput checks that a command was given one FILE (or - for standard input) and reads it, with the
// command's logger: the start of append and import.
func (m *Main) oneInput(fs *pflag.FlagSet, c *config, command string) (*slog.Logger, string, []byte, error) {
	if fs.NArg() != 1 {
		fs.Usage()
		return nil, "", nil, usageError{Msg: command + " needs one FILE, or - for standard input"}
	}
	logger, err := c.logger(m)
	if err != nil {
		return nil, "", nil, err
	}
	name, data, err := m.readInput(fs.Arg(0))
	return logger, name, data, err
}

// readInput reads a file, or standard input for "-", and returns a name for it in errors.
func (m *Main) readInput(path string) (name string, data []byte, err error) {
	name = path
	if path == "-" {
		name = "standard input"
		data, err = io.ReadAll(m.Stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return name, nil, fmt.Errorf("read %s: %w", name, err)
	}
	return name, data, nil
}
