package main

import (
	"annals/sources"
	"context"
	"encoding/json"
	"flag"
	"fmt"
)

func (m *Main) extract(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	asJSON := fs.Bool("json", false, "print the facts as JSON Lines, in the shape of a facts file's entries")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: recorder extract [flags] DOC...\n\nPrints the facts the parser and the curated file draw from documents, without recording them.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"extract needs a DOC"}
	}
	in, err := sources.Load(fs.Args())
	if err != nil {
		return err
	}
	for i, f := range in.Facts {
		if *asJSON {
			data, err := json.Marshal(f)
			if err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "%s\n", data)
			continue
		}
		date := f.Date.String()
		fmt.Fprintf(m.Stdout, "%4d  %-10s %-32s %s\n      %s: %q\n", i+1, date, f.Type, f.Entity, f.Source.Label(), f.Source.Quote)
	}
	return nil
}
