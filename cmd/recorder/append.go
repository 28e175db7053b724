package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"annals/events"
	"annals/extract"
	"annals/record"
)

func (m *Main) append(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("append", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var c config
	m.addFlags(fs, &c)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: recorder append [flags] FILE|-\n\n"+
			"Records new facts given in the shape of a curated facts file ({\"document\": ..., \"facts\": [...]}),\n"+
			"from FILE or standard input. Each fact cites a document the record holds (its quote must occur in it)\n"+
			"or an external work (\"source\": {\"title\", \"url\", \"quote\"}). A fact with \"supersedes\" and \"reason\"\n"+
			"corrects earlier events. Prints the id of each event recorded.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{"append needs one FILE, or - for standard input"}
	}
	logger, err := c.logger(m)
	if err != nil {
		return err
	}
	name, data, err := m.readInput(fs.Arg(0))
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
	b, err := c.open(ctx, logger)
	if err != nil {
		return err
	}
	defer b.Close()
	return m.recordFacts(ctx, b, logger, curated.Facts, record.AppendRetries(curated.Facts))
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
