package document

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics and that what it returns keeps the package invariants.
func FuzzParse(f *testing.F) {
	for _, path := range testdataDocs(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range fuzzFindings {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkInvariants(t, data)
	})
}

// fuzzFindings are inputs that once broke an invariant, or came close; they run as plain tests too.
var fuzzFindings = []string{
	"=",
	"=\n",
	"a\n- :",
	"a\n- b:\n|",
	"0\n|0|\n|#|\n|0|0|",
	"0\n|||\n|#||\n|0|0|",
	"0\n| a | b | c |\n| x | | |\n| y | 1 | |\n|z|||",
	"x\n\n1.\n\n2.\n\n\n3. c",
	"T\n| No. | A |\n| 1 | x |\n| y | |\n| z | |",
	"\ufeff",
	"\ufeffx",
	"\u00a0x\u00a0",
	"x\r\n|a|\r\n|1|\r",
	"0\n0\r\n1", // a CRLF paragraph: its Text must stay a substring of the document
	// Lenient parsing: unreadable rows, sub-headers, infobox lines and headings.
	"T\n| a | b |\n| 1 | 2 | |\n| 3 | 4 | 5 |\n| 6 | 7\n|\n",
	"T\n| a | b |\n| # | % | # | % |\n| x | 1 | 2% | 3 | 4% |\n| y | 1 | 2% | 3 | 4% | | |\n| z | 1 | 2 | 3 | 4 | 5 |\n",
	"T\n| a | b |\n| # | %\n| 1 | 2 |\n",
	"T\n| a | b\n| 1 | 2 |\n",
	"T\n- K: v\n- bad\n|x|\n== H\n|a|\n",
	"T\n- K: v\n===\ntext\n==x=\n",
	// MediaWiki tables: closed, open, empty, attributes, continued cells.
	"T\n{| class=\"x\"\n! a !! b\n|-\n| 1 || 2\n|-\n| colspan=\"2\" | c\n|}\n",
	"T\n{|\n! a\n! b\n|-\n| 1\nmore\n| 2\n== H ==\n{|\n|}\n{|",
	"T\n{|\n|+ cap\n|-\n|}\n|x|\n",
	"T\n{|\n| colspan=99999999999999999999 | a\n|}",
	// Infoboxes without dashes.
	"T\nA: b\nC: d\nbad\n- E: f\n",
	"T\n\nN\nA:\nB: 10:30\n|x|\n",
	"T\nA: b\n",
	// MediaWiki templates before the lead: one-line ones, an infobox over lines, unclosed ones.
	"{{Short description|x}}\n{{Infobox party\n| name = N\n| founded = {{start date|1990|5}} | leader = [[A|B]]\n}}'''N''' was a party.\n",
	"{{Infobox\n| a = {{ubl|\n| b\n}}\n{{x}}\n",
	// Bold keys, an infobox list in the lead, a heading over its text.
	"# T\n\nSome lead text here.\n\n- **Founded:** 1\n- __Ideology__: x\n- **:**\n",
	"T\nFrom x\n\nT\nN\nFounded: 1\nA: b\n\nLead text.\n\nHistory\nIt was.\n",
	"{{x}}\n{{Infobox x|a=1}}\n\nT\n== H ==\n{{Infobox y}}\n",
}

func TestFuzzFindings(t *testing.T) {
	for _, s := range fuzzFindings {
		t.Run(s, func(t *testing.T) { checkInvariants(t, []byte(s)) })
	}
}

// checkInvariants parses data in both modes and checks the documented invariants of the results, and
// how the modes relate: strict parsing fails exactly when lenient parsing fails with the same error or
// warns, its error then naming the line and problem of the first warning; without a problem, both
// return the same Document.
func checkInvariants(t *testing.T, data []byte) {
	strict, serr := ParseWith("fuzz.txt", data, Options{Strict: true})
	checkParsed(t, data, strict, serr)
	d, err := Parse("fuzz.txt", data)
	checkParsed(t, data, d, err)
	if strict != nil && strict.Warnings != nil {
		t.Fatalf("strict Parse(%q) has warnings %v", data, strict.Warnings)
	}
	switch {
	case serr == nil && err == nil:
		if !reflect.DeepEqual(strict, d) {
			t.Fatalf("Parse(%q) differs between the modes without a problem:\nstrict  %+v\nlenient %+v", data, strict, d)
		}
	case serr == nil:
		t.Fatalf("lenient Parse(%q) error %v, strict none", data, err)
	case err != nil:
		if err.Error() != serr.Error() {
			t.Fatalf("Parse(%q) error %v, strict %v; want the same", data, err, serr)
		}
	default:
		var pe *ParseError
		errors.As(serr, &pe)
		if len(d.Warnings) == 0 {
			t.Fatalf("strict Parse(%q) error %v, lenient no warning", data, serr)
		}
		if w := d.Warnings[0]; w.Line != pe.Line || !strings.HasPrefix(w.Msg, pe.Msg+"; ") {
			t.Fatalf("strict Parse(%q) error %v, lenient first warning %v; want the same line and problem", data, serr, w)
		}
	}
	if d == nil {
		return
	}
	lines := strings.Count(d.Text, "\n") + 1
	for i, w := range d.Warnings {
		if w.Name != "fuzz.txt" || w.Line < 1 || w.Line > lines || w.Msg == "" {
			t.Fatalf("Parse(%q) warning %d = %+v, want name fuzz.txt, a line in 1..%d and a message", data, i, w, lines)
		}
		if i > 0 && w.Line < d.Warnings[i-1].Line {
			t.Fatalf("Parse(%q) warnings out of line order: %v", data, d.Warnings)
		}
	}
}

// checkParsed checks the documented invariants of what Parse returned for data.
func checkParsed(t *testing.T, data []byte, d *Document, err error) {
	if err != nil {
		var pe *ParseError
		if !errors.Is(err, ErrMalformed) || !errors.As(err, &pe) {
			t.Fatalf("Parse(%q) error %v is not a *ParseError wrapping ErrMalformed", data, err)
		}
		if n := strings.Count(string(data), "\n") + 1; pe.Line < 0 || pe.Line > n {
			t.Fatalf("Parse(%q) error line %d outside 0..%d", data, pe.Line, n)
		}
		if d != nil {
			t.Fatalf("Parse(%q) returned a Document with an error", data)
		}
		return
	}
	if d.Text != string(data) {
		t.Fatalf("Parse(%q).Text = %q, want the input", data, d.Text)
	}
	lines := strings.Count(d.Text, "\n") + 1
	checkLine := func(what string, line int) {
		if line < 1 || line > lines {
			t.Fatalf("Parse(%q): %s line %d outside 1..%d", data, what, line, lines)
		}
	}
	if d.Title == "" || !d.ContainsQuote(d.Title) {
		t.Fatalf("Parse(%q).ContainsQuote(Title %q) = false", data, d.Title)
	}
	if ib := d.Infobox; ib != nil {
		checkLine("infobox", ib.Line)
		for _, f := range ib.Fields {
			checkLine("field "+f.Key, f.Line)
			if ib.Template {
				// Read through WikiPlain from the template's lines: its key's words are on its line.
				line := strings.ToLower(strings.ReplaceAll(strings.Split(d.Text, "\n")[f.Line-1], "_", " "))
				if f.Key == "" || f.Value == "" || !strings.Contains(line, "=") {
					t.Fatalf("Parse(%q) template field %q = %q on line %d %q", data, f.Key, f.Value, f.Line, line)
				}
				continue
			}
			if f.Key == "" || !strings.Contains(d.Text, f.Key) || !strings.Contains(d.Text, f.Value) {
				t.Fatalf("Parse(%q) field %q = %q is not in the text", data, f.Key, f.Value)
			}
		}
	}
	if len(d.Sections) == 0 || d.Sections[0].Title != "" || d.Sections[0].Level != 0 {
		t.Fatalf("Parse(%q) has no lead section", data)
	}
	for _, s := range d.Sections {
		checkLine("section", s.Line)
		for _, b := range s.Blocks {
			checkLine("block", b.Line)
			for _, it := range b.Items {
				checkLine("item", it.Line)
			}
			if b.Kind == Paragraph && !strings.Contains(d.Text, b.Text) {
				t.Fatalf("Parse(%q) paragraph %q is not in the text", data, b.Text)
			}
			if (b.Kind == TableBlock) != (b.Table != nil) {
				t.Fatalf("Parse(%q) block %v has table %v", data, b.Kind, b.Table)
			}
			if b.Table == nil {
				continue
			}
			checkLine("table", b.Table.Line)
			for _, r := range b.Table.Rows {
				checkLine("row", r.Line)
				if r.Text == "" || !strings.Contains(d.Text, r.Text) {
					t.Fatalf("Parse(%q) row at line %d: Text %q is not in the text", data, r.Line, r.Text)
				}
				if len(r.Cells) != len(b.Table.Columns) || len(r.Filled) != len(r.Cells) {
					t.Fatalf("Parse(%q) row at line %d has %d cells, %d filled, want %d", data, r.Line, len(r.Cells), len(r.Filled), len(b.Table.Columns))
				}
			}
		}
	}
}

// FuzzContainsQuote checks that every rune-aligned substring of a parsed document that starts and
// ends with a non-space rune is found by ContainsQuote, and at or before its own line by LineOf.
func FuzzContainsQuote(f *testing.F) {
	for _, path := range testdataDocs(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint(0), uint(40))
		f.Add(data, uint(300), uint(120))
	}
	f.Add([]byte("x\n\nfall\u00a0 of\tthe  Khmer"), uint(3), uint(30))
	f.Add([]byte("000000"), uint(216), uint(132)) // a finding (of the test): start at the end of the text
	f.Fuzz(func(t *testing.T, data []byte, start, length uint) {
		d, err := Parse("fuzz.txt", data)
		if err != nil {
			return
		}
		text := d.Text
		i := int(start % uint(len(text)+1))
		for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
			i--
		}
		j := i + int(length%uint(len(text)-i+1))
		for j < len(text) && !utf8.RuneStart(text[j]) {
			j++
		}
		quote := strings.TrimFunc(text[i:j], unicode.IsSpace)
		if quote == "" {
			return
		}
		if !d.ContainsQuote(quote) {
			t.Fatalf("Parse(%q).ContainsQuote(%q) = false, want true", text, quote)
		}
		at := strings.Index(text, quote)
		if own := strings.Count(text[:at], "\n") + 1; d.LineOf(quote) < 1 || d.LineOf(quote) > own {
			t.Fatalf("Parse(%q).LineOf(%q) = %d, want 1..%d", text, quote, d.LineOf(quote), own)
		}
	})
}
