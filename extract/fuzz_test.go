package extract

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"annals/document"
	"annals/events"
)

func FuzzProseDate(f *testing.F) {
	for _, s := range []string{"30 November 1992", "November 1992", "1997", "c. 1997", "circa 1997", "about May 1997",
		"July 17, 2012", "31 February 2017", "29 February 2000", "0 May 1990", "-1 May 1990", "+5 May 1990",
		"1992-11-30", "", "c.", "30  November\u00a01992", "MAY 0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ProseDate(s)
		if err != nil {
			if !errors.Is(err, events.ErrInvalid) {
				t.Fatalf("ProseDate(%q) error %v does not wrap events.ErrInvalid", s, err)
			}
			if got != "" {
				t.Fatalf("ProseDate(%q) = %q with an error, want \"\"", s, got)
			}
			return
		}
		d, err := events.ParseDate(got)
		if err != nil {
			t.Fatalf("ProseDate(%q) = %q, which events.ParseDate refuses: %v", s, got, err)
		}
		if d.String() != got {
			t.Fatalf("ProseDate(%q) = %q, which events.ParseDate reads as %q", s, got, d)
		}
	})
}

// FuzzFacts checks the package's contract on any document the parser accepts: Facts never panics, and
// either refuses the document with an error wrapping events.ErrInvalid, or returns facts that all
// validate and all quote their document.
func FuzzFacts(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"../seeds/*.txt", "testdata/*.txt", "../document/testdata/*.txt"} {
		paths, _ := filepath.Glob(pattern)
		seeds = append(seeds, paths...)
	}
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("T\n- Wing1:\n- Leader1 Title:\n- Leader1 Name: ,\n- Merger: ,\n- Ideology: ,\n"))
	f.Add([]byte("Motto Party\n- Motto: \"\n\nThe Motto Party is a party.\n")) // a motto of no words: the recorder refused it
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := document.Parse("fuzz.txt", data)
		if err != nil {
			return
		}
		// Hint every section, so that constituency tables are read too.
		c := &Curated{}
		for _, sec := range doc.Sections {
			c.Tables = append(c.Tables, TableHint{Section: sec.Title, Election: "2013 general election", Date: "2013"})
		}
		strict, _, serr := FactsWith(doc, c, Options{Strict: true})
		if serr != nil && !errors.Is(serr, events.ErrInvalid) {
			t.Fatalf("strict Facts(%q) error %v does not wrap events.ErrInvalid", data, serr)
		}
		facts, warnings, err := Facts(doc, c)
		if err != nil {
			if !errors.Is(err, events.ErrInvalid) {
				t.Fatalf("Facts(%q) error %v does not wrap events.ErrInvalid", data, err)
			}
			return
		}
		// Lenient extraction warns exactly where strict extraction refuses; without a warning both
		// draw the same facts.
		if (serr != nil) != (len(warnings) > 0) {
			t.Fatalf("Facts(%q) warnings %v, strict error %v", data, warnings, serr)
		}
		if serr == nil && !reflect.DeepEqual(strict, facts) {
			t.Fatalf("Facts(%q) differs between the modes without a warning", data)
		}
		lines := strings.Count(doc.Text, "\n") + 1
		for i, w := range warnings {
			if w.Name != "fuzz.txt" || w.Line < 1 || w.Line > lines || w.Msg == "" {
				t.Fatalf("Facts(%q) warning %d = %+v, want name fuzz.txt, a line in 1..%d and a message", data, i, w, lines)
			}
		}
		// Every fact passes the recorder's checks (record.Recorder.check): it validates, and its quote
		// occurs in its document; so too with the facts drafted from the running text, as ingest
		// draws them for a document without a facts file.
		drafted, _, err := FactsWith(doc, nil, Options{Draft: true})
		if err != nil {
			t.Fatalf("FactsWith(%q, Draft) without a facts file: %v", data, err)
		}
		for i, fact := range append(facts, drafted...) {
			if err := fact.Validate(); err != nil {
				t.Fatalf("Facts(%q) fact %d (%s about %s, quoting %q) does not validate: %v", data, i, fact.Type, fact.Entity, fact.Source.Quote, err)
			}
			if !doc.ContainsQuote(fact.Source.Quote) {
				t.Fatalf("Facts(%q) fact %d (%s about %s) quotes %q, which is not in the document", data, i, fact.Type, fact.Entity, fact.Source.Quote)
			}
		}
	})
}
