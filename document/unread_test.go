package document

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// harbour is a document with a malformed infobox line, heading and tables; its other parts are sound.
const harbour = "testdata/unread/harbour-civic-party.txt"

// TestLenientSkipsWhatItCannotRead checks that lenient parsing warns about each unreadable structure,
// skips or aligns it as documented, and reads the rest; and that strict parsing refuses the document
// at the first of them.
func TestLenientSkipsWhatItCannotRead(t *testing.T) {
	data, err := os.ReadFile(harbour)
	if err != nil {
		t.Fatal(err)
	}
	const name = "harbour-civic-party.txt"
	d, err := Parse(name, data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	wants := []struct {
		line int
		msg  string
	}{
		{7, `infobox line is not "- Key: Value"; line skipped`},
		{14, `unbalanced heading: 2 "=" before the text, 3 after; heading skipped; what follows is an untitled section`},
		{19, "table row has 5 cells, more than the 4 of its header; its cells after the first 4 are empty and were dropped"},
		{20, "table row has 5 cells, more than the 4 of its header; row skipped"},
		{22, `table row does not end with "|"; row skipped`},
		{27, "table row has 7 cells, more than the 5 of its header; read under the 7 columns of its two-row header"},
		{28, "table row has 7 cells, more than the 5 of its header; read under the 7 columns of its two-row header"},
		{29, "table row has 7 cells, more than the 5 of its header; read under the 7 columns of its two-row header"},
	}
	if len(d.Warnings) != len(wants) {
		t.Fatalf("Parse(%s).Warnings = %d:\n%v\nwant %d", name, len(d.Warnings), d.Warnings, len(wants))
	}
	for i, w := range wants {
		if got := d.Warnings[i]; got.Name != name || got.Line != w.line || got.Msg != w.msg {
			t.Errorf("Parse(%s).Warnings[%d] = %v, want line %d %q", name, i, got, w.line, w.msg)
		}
	}
	if got, want := d.Warnings[0].String(), `document harbour-civic-party.txt:7: infobox line is not "- Key: Value"; line skipped`; got != want {
		t.Errorf("Warning.String() = %q, want %q", got, want)
	}

	// The infobox keeps its readable lines, before and after the skipped one.
	if d.Infobox == nil || len(d.Infobox.Fields) != 6 {
		t.Fatalf("Parse(%s).Infobox = %+v, want 6 fields", name, d.Infobox)
	}
	if f, ok := d.Infobox.Get("Position"); !ok || f.Value != "Centre" || f.Line != 10 {
		t.Errorf("Parse(%s).Infobox.Get(Position) = %+v, %v, want Centre at line 10", name, f, ok)
	}
	// The text under the unreadable heading is a section of its own, not part of the lead.
	var titles []string
	for _, s := range d.Sections {
		titles = append(titles, s.Title)
	}
	if got, want := strings.Join(titles, "|"), "||Leaders|Election results"; got != want {
		t.Errorf("Parse(%s) section titles = %q, want %q", name, got, want)
	}
	if s := d.Sections[1]; s.Level != 0 || s.Line != 14 || len(s.Blocks) != 1 || !strings.HasPrefix(s.Blocks[0].Text, "The party contested") {
		t.Errorf("Parse(%s).Sections[1] = %+v, want the untitled section of line 14 holding the History paragraph", name, s)
	}
	// Leaders: the row with an empty extra cell is read, the row with a non-empty one and the
	// unfinished row are skipped; nothing moved into another column.
	leaders := section(t, d, "Leaders").Blocks[0].Table
	checkRows(t, leaders, [][]string{
		{"1", "Mari Tamm", "12 May 1994", "3 March 1999"},
		{"3", "Liis Saar", "1 June 2003", "2007"},
	})
	if leaders.Rows[0].Line != 19 || leaders.Rows[1].Line != 21 {
		t.Errorf("Parse(%s) leaders rows at lines %d, %d, want 19, 21", name, leaders.Rows[0].Line, leaders.Rows[1].Line)
	}
	// Election results: the sub-header gives the seven columns the rows fill.
	results := section(t, d, "Election results").Blocks[0].Table
	var labels []string
	for _, c := range results.Columns {
		labels = append(labels, c.Label())
		if c.Truncated {
			t.Errorf("Parse(%s) results column %q is Truncated, want kept: the rows hold it", name, c.Label())
		}
	}
	if got, want := strings.Join(labels, "|"), "Election|Leader|Votes #|Votes %|Seats #|Seats ±|Position"; got != want {
		t.Errorf("Parse(%s) results columns = %q, want %q", name, got, want)
	}
	checkRows(t, results, [][]string{
		{"1995", "Mari Tamm", "12,400", "2.3%", "1", "+1", "9th"},
		{"1999", "Jaan Kask", "15,100", "3.1%", "2", "+1", "8th"},
		{"2003", "Liis Saar", "9,800", "1.9%", "0", "−2", "11th"},
	})

	// Strict parsing refuses the document at its first problem.
	_, err = ParseWith(name, data, Options{Strict: true})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 7 || pe.Msg != `infobox line is not "- Key: Value"` {
		t.Errorf("strict Parse(%s) error = %v, want line 7: infobox line is not \"- Key: Value\"", name, err)
	}
}

// checkRows checks the cells of a table's rows.
func checkRows(t *testing.T, tb *Table, want [][]string) {
	t.Helper()
	if len(tb.Rows) != len(want) {
		t.Fatalf("table of line %d has %d rows, want %d", tb.Line, len(tb.Rows), len(want))
	}
	for i, w := range want {
		if got := strings.Join(tb.Rows[i].Cells, "|"); got != strings.Join(w, "|") {
			t.Errorf("table of line %d row %d = %q, want %q", tb.Line, i, got, strings.Join(w, "|"))
		}
	}
}

// TestLenientTables checks the table rules of lenient parsing one case at a time.
func TestLenientTables(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		rows   [][]string // the body rows read
		warned []int      // the lines warned about
	}{
		{"trailing empty cells dropped", "T\n\n| a | b |\n| 1 | 2 | | |\n", [][]string{{"1", "2"}}, []int{4}},
		{"extra value skipped", "T\n\n| a | b |\n| 1 | 2 | 3 |\n| 4 | 5 |\n", [][]string{{"4", "5"}}, []int{4}},
		{"unended row skipped", "T\n\n| a | b |\n| 1 | 2\n| 4 | 5 |\n", [][]string{{"4", "5"}}, []int{4}},
		{"unended header skips the table", "T\n\n| a | b\n| 1 | 2 |\n", nil, []int{3}},
		{"unended sub-header skips the table", "T\n\n| a | b |\n| # | %\n| 1 | 2% |\n", nil, []int{4}},
		{"unended second row that is data", "T\n\n| a | b |\n| x | 1\n| y | 2 |\n", [][]string{{"y", "2"}}, []int{4}},
		{"sub-header wider than the header", "T\n\n| Party | Votes | Seats |\n| # | % | # | ± |\n| X | 10 | 5% | 2 | +1 |\n", [][]string{{"X", "10", "5%", "2", "+1"}}, []int{4, 5}},
		{"row as wide as its sub-header", "T\n\n| Party | Votes |\n| # | % |\n| X | 10 | 5% |\n", [][]string{{"X", "10", "5%"}}, []int{5}},
		{"row wider than its sub-header, empty beyond", "T\n\n| Party | Votes |\n| # | % |\n| X | 10 | 5% | |\n", [][]string{{"X", "10", "5%"}}, []int{5}},
		{"row wider than its sub-header, value beyond", "T\n\n| Party | Votes |\n| # | % |\n| X | 10 | 5% | 7 |\n| Y | 9 | 4% |\n", [][]string{{"Y", "9", "4%"}}, []int{5, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("t.txt", []byte(tt.text))
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.text, err)
			}
			var lines []int
			for _, w := range d.Warnings {
				lines = append(lines, w.Line)
			}
			if !equalInts(lines, tt.warned) {
				t.Errorf("Parse(%q) warned at lines %v, want %v: %v", tt.text, lines, tt.warned, d.Warnings)
			}
			blocks := d.Sections[0].Blocks
			if tt.rows == nil {
				if len(blocks) != 0 {
					t.Errorf("Parse(%q) lead blocks = %+v, want the table skipped", tt.text, blocks)
				}
				return
			}
			if len(blocks) != 1 || blocks[0].Table == nil {
				t.Fatalf("Parse(%q) lead blocks = %+v, want one table", tt.text, blocks)
			}
			checkRows(t, blocks[0].Table, tt.rows)
			if _, err := ParseWith("t.txt", []byte(tt.text), Options{Strict: true}); err == nil {
				t.Errorf("strict Parse(%q) = nil error, want one", tt.text)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
