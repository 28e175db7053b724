package document

import (
	"errors"
	"strings"
	"testing"
)

func TestMalformed(t *testing.T) {
	tests := []struct {
		name string
		text string
		line int
		msg  string // a substring of ParseError.Msg
		// action is a substring of the Msg of the first Warning of lenient parsing, which has the
		// error's line and msg; "" when lenient parsing refuses the document with the same error.
		action string
	}{
		{"empty", "", 0, "empty document", ""},
		{"blank", " \n\t\n\u00a0\n", 0, "empty document", ""},
		{"byte order mark only", "\ufeff\n", 0, "empty document", ""},
		{"invalid UTF-8", "= T =\n\nok\nbad \xff byte\n", 4, "invalid UTF-8", ""},
		{"truncated UTF-8", "= T =\n\n\xe1\x9e", 3, "invalid UTF-8", ""},
		{"NUL", "= T =\n\nText\x00\n", 3, "NUL byte", ""},
		{"infobox line without colon", "= T =\n\nT\n- Country: Cambodia\n- Leader\n", 5, `infobox line is not "- Key: Value"`, "line skipped"},
		{"infobox line with empty key", "= T =\n\nT\n- Country: Cambodia\n- : x\n", 5, `infobox line is not "- Key: Value"`, "line skipped"},
		{"infobox run with a text line", "= T =\n\nT\n- Country: Cambodia\nmore text\n", 5, `infobox line is not "- Key: Value"`, "line skipped"},
		{"infobox run with a heading", "T\n- Country: Cambodia\n== H ==\n", 3, `infobox line is not "- Key: Value"`, "the infobox ends before it"},
		{"table row not ending with |", "= T =\n\n| a | b |\n| 1 | 2\n", 4, `table row does not end with "|"`, "row skipped"},
		{"table row of one |", "= T =\n\n|\n", 3, `table row does not end with "|"`, "table skipped"},
		{"table row with more cells", "= T =\n\n| a | b |\n| 1 | 2 |\n| 1 | 2 | 3 |\n", 5, "table row has 3 cells, more than the 2 of its header", "row skipped"},
		{"sub-header with more cells", "= T =\n== S ==\n| a | b |\n| # | % | ± |\n", 4, "table row has 3 cells", "read as a sub-header of 4 columns"},
		{"heading unbalanced", "= T =\n\n==History===\n", 3, `unbalanced heading: 2 "=" before the text, 3 after`, "heading skipped"},
		{"heading not closed", "= T =\n\n== History\n", 3, "unbalanced heading", "heading skipped"},
		{"title unbalanced", "== T =\n", 1, "unbalanced heading", ""},
		{"heading without text", "= T =\n\n== ==\n", 3, "heading has no text", "heading skipped"},
		{"heading of = only", "= T =\n\n====\n", 3, "heading has no text", "heading skipped"},
		{"no title", "\n== History ==\nText\n", 2, "document does not begin with a title", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseWith("bad.txt", []byte(tt.text), Options{Strict: true})
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, nil; want error", tt.text, d)
			}
			if d != nil {
				t.Errorf("Parse(%q) returned a Document with its error", tt.text)
			}
			if !errors.Is(err, ErrMalformed) {
				t.Errorf("errors.Is(Parse(%q) error %v, ErrMalformed) = false, want true", tt.text, err)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error %T, want *ParseError", tt.text, err)
			}
			if pe.Name != "bad.txt" || pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("Parse(%q) error = %q line %d %q, want %q line %d containing %q", tt.text, pe.Name, pe.Line, pe.Msg, "bad.txt", tt.line, tt.msg)
			}

			lenient, lerr := Parse("bad.txt", []byte(tt.text))
			if tt.action == "" {
				if lerr == nil || lerr.Error() != err.Error() {
					t.Errorf("lenient Parse(%q) error = %v, want the strict error %v", tt.text, lerr, err)
				}
				return
			}
			if lerr != nil {
				t.Fatalf("lenient Parse(%q) error: %v", tt.text, lerr)
			}
			if len(lenient.Warnings) == 0 {
				t.Fatalf("lenient Parse(%q) has no warnings, want one at line %d", tt.text, tt.line)
			}
			w := lenient.Warnings[0]
			if w.Name != "bad.txt" || w.Line != tt.line || !strings.HasPrefix(w.Msg, pe.Msg+"; ") || !strings.Contains(w.Msg, tt.action) {
				t.Errorf("lenient Parse(%q) first warning = %q line %d %q, want %q line %d, %q then %q", tt.text, w.Name, w.Line, w.Msg, "bad.txt", tt.line, pe.Msg, tt.action)
			}
		})
	}
}

func TestParseErrorString(t *testing.T) {
	tests := []struct {
		err  *ParseError
		want string
	}{
		{&ParseError{Name: "000_x.txt", Line: 12, Msg: `table row does not end with "|"`}, `document 000_x.txt:12: table row does not end with "|"`},
		{&ParseError{Name: "000_x.txt", Msg: "empty document"}, "document 000_x.txt: empty document"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("(%+v).Error() = %q, want %q", *tt.err, got, tt.want)
		}
		if !errors.Is(tt.err, ErrMalformed) {
			t.Errorf("errors.Is(%v, ErrMalformed) = false, want true", tt.err)
		}
	}
	_, err := ParseWith("000_x.txt", []byte("= T =\n\n| a | b |\n| 1 | 2\n"), Options{Strict: true})
	if got, want := err.Error(), `document 000_x.txt:4: table row does not end with "|"`; got != want {
		t.Errorf("Parse error = %q, want %q", got, want)
	}
}

// TestBodyDashLines checks that "- x" outside the infobox run is a list item, even without a colon.
func TestBodyDashLines(t *testing.T) {
	text := "= T =\n\nName\n- Country: Cambodia\n\n== Notes ==\n- Leader\n- Key: value\n"
	d, err := Parse("ok.txt", []byte(text))
	if err != nil {
		t.Fatalf("Parse(%q) error: %v", text, err)
	}
	items := d.Sections[1].Blocks[0].Items
	if len(items) != 2 || items[0].Text != "Leader" || items[1].Text != "Key: value" {
		t.Errorf("Parse(%q) notes items = %+v, want Leader, Key: value", text, items)
	}
}
