package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"annals/extract"
	"annals/sources"
)

func (m *Main) extract(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	asJSON := fs.Bool("json", false, "print the facts as JSON Lines, in the shape of a facts file's entries, then each warning as {\"warning\": ...}")
	var u unreadFlags
	u.add(fs)
	draft := fs.Bool("draft", false, "print a facts file (NAME.facts.json) of the facts drafted from DOC's running text, for a person to review and keep beside it")
	noDraft := fs.Bool("no-draft", false, "leave out the facts drafted from the running text")
	return func(ctx context.Context) error {
		if fs.NArg() == 0 {
			fs.Usage()
			return usageError{Msg: "extract needs a DOC"}
		}
		if *draft {
			return m.draftFile(fs.Args(), u.strict)
		}
		in, err := sources.LoadWith(fs.Args(), sources.LoadOptions{Strict: u.strict, NoDraft: *noDraft})
		if err != nil {
			return err
		}
		u.report(m.Stderr, in.Unread)
		for i, f := range in.Facts {
			if *asJSON {
				data, err := json.Marshal(f)
				if err != nil {
					return err
				}
				fmt.Fprintf(m.Stdout, "%s\n", data)
				continue
			}
			date, method := f.Date.String(), ""
			if f.Drafted() {
				method = " (drafted by rule " + f.Rule + ")"
			}
			fmt.Fprintf(m.Stdout, "%4d  %-10s %-32s %s%s\n      %s: %q\n", i+1, date, f.Type, f.Entity, method, f.Source.Label(), f.Source.Quote)
		}
		if *asJSON {
			// A machine reads the warnings where it reads the facts: one line each, after them.
			for _, w := range in.Unread {
				data, err := json.Marshal(unreadJSON{Warning: warningJSON{Document: w.Name, Line: w.Line, Message: w.Msg}})
				if err != nil {
					return err
				}
				fmt.Fprintf(m.Stdout, "%s\n", data)
			}
		}
		return nil
	}
}

// unreadJSON is the line `recorder extract --json` prints for each warning (see docs/json.md).
type unreadJSON struct {
	Warning warningJSON `json:"warning"`
}

type warningJSON struct {
	Document string `json:"document"`
	Line     int    `json:"line"`
	Message  string `json:"message"`
}

// draftFile prints, for one document, a facts file of the facts drafted from its running text: the
// shape of a NAME.facts.json, each fact curated-to-be (no method) with a note naming the rule that
// drafted it. A person checks each against its sentence, edits or deletes it, and keeps the file
// beside the document; ingesting then records the file's facts and retracts the drafted ones.
func (m *Main) draftFile(paths []string, strict bool) error {
	if len(paths) != 1 || filepath.Ext(paths[0]) != ".txt" {
		return usageError{Msg: "extract --draft needs one document (a .txt file)"}
	}
	if _, err := os.Stat(strings.TrimSuffix(paths[0], ".txt") + sources.FactsSuffix); err == nil {
		fmt.Fprintf(m.Stderr, "note: %s has a facts file already; drafting from its running text as if it had none\n", paths[0])
	}
	doc, facts, err := sources.Draft(paths[0], strict)
	if err != nil {
		return err
	}
	file := extract.Curated{Document: doc}
	for _, f := range facts {
		f.Note = fmt.Sprintf("drafted by rule %s; check it against its sentence, then edit or delete it", f.Rule)
		f.Method, f.Rule, f.Source.Document = "", "", ""
		file.Facts = append(file.Facts, f)
	}
	data, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(m.Stdout, "%s\n", data)
	return err
}
