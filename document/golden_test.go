package document

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// testdataDocs returns the paths of the documents in testdata.
func testdataDocs(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata documents: %v", err)
	}
	return paths
}

func TestGolden(t *testing.T) {
	for _, path := range testdataDocs(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(name, data)
			if err != nil {
				t.Fatalf("Parse(%s) error: %v", name, err)
			}
			got := render(d)
			golden := strings.TrimSuffix(path, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("render(Parse(%s)) differs from %s; rerun with -update and review the diff:\n%s", name, golden, got)
			}
		})
	}
}

// render writes the parsed structure as indented text, strings quoted with %q (so U+00A0 shows as
// \u00a0), for review by eye.
func render(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "document %q\n", d.Name)
	fmt.Fprintf(&b, "title %q\n", d.Title)
	if ib := d.Infobox; ib != nil {
		fmt.Fprintf(&b, "infobox %q line %d\n", ib.Name, ib.Line)
		for _, f := range ib.Fields {
			fmt.Fprintf(&b, "  %d: %q = %q", f.Line, f.Key, f.Value)
			if f.Index > 0 {
				fmt.Fprintf(&b, "  [base %q index %d part %q]", f.Base, f.Index, f.Part)
			}
			b.WriteString("\n")
		}
	}
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "section %q level %d line %d\n", s.Title, s.Level, s.Line)
		for _, bl := range s.Blocks {
			fmt.Fprintf(&b, "  %s line %d", bl.Kind, bl.Line)
			if bl.Intro != "" {
				fmt.Fprintf(&b, " intro %q", bl.Intro)
			}
			if bl.Kind == Paragraph {
				fmt.Fprintf(&b, " %q", bl.Text)
			}
			b.WriteString("\n")
			for _, it := range bl.Items {
				if it.Number > 0 {
					fmt.Fprintf(&b, "    %d: %d. %q\n", it.Line, it.Number, it.Text)
				} else {
					fmt.Fprintf(&b, "    %d: %q\n", it.Line, it.Text)
				}
			}
			if tb := bl.Table; tb != nil {
				for _, h := range tb.Header {
					fmt.Fprintf(&b, "    header %q\n", h)
				}
				for i, c := range tb.Columns {
					fmt.Fprintf(&b, "    column %d %q %s", i, c.Label(), c.Kind)
					if c.Truncated {
						b.WriteString(" truncated")
					}
					b.WriteString("\n")
				}
				for _, r := range tb.Rows {
					fmt.Fprintf(&b, "    row %d", r.Line)
					if r.Realigned {
						b.WriteString(" realigned")
					}
					if r.Continuation {
						b.WriteString(" continuation")
					}
					if r.Summary {
						b.WriteString(" summary")
					}
					b.WriteString(":")
					for i, c := range r.Cells {
						fmt.Fprintf(&b, " %q", c)
						if r.Filled[i] {
							b.WriteString("*")
						}
					}
					b.WriteString("\n")
				}
			}
		}
	}
	return b.String()
}
