package document

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// tableIn returns the n-th table (0-based) of the section titled title.
func tableIn(t testing.TB, d *Document, title string, n int) *Table {
	t.Helper()
	tables := blocks(t, d, title, TableBlock)
	if len(tables) <= n {
		t.Fatalf("Parse(%s) section %q has %d tables, want more than %d", d.Name, title, len(tables), n)
	}
	return tables[n].Table
}

// checkColumns compares the labels and kinds of t's columns with want ("Votes # integer").
func checkColumns(t *testing.T, name string, tb *Table, want []string) {
	t.Helper()
	var got []string
	for _, c := range tb.Columns {
		s := c.Label() + " " + c.Kind.String()
		if c.Truncated {
			s += " truncated"
		}
		got = append(got, s)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s columns =\n  %q\nwant\n  %q", name, got, want)
	}
}

// checkRow compares one row's cells by label; a label prefixed "*" must be Filled.
func checkRow(t *testing.T, name string, tb *Table, r int, want map[string]string) {
	t.Helper()
	row := tb.Rows[r]
	for label, value := range want {
		filled := strings.HasPrefix(label, "*")
		label = strings.TrimPrefix(label, "*")
		c := tb.Column(label)
		if c < 0 {
			t.Errorf("%s.Column(%q) = -1", name, label)
			continue
		}
		if row.Cells[c] != value {
			t.Errorf("%s row %d (line %d) %q = %q, want %q", name, r, row.Line, label, row.Cells[c], value)
		}
		if row.Filled[c] != filled {
			t.Errorf("%s row %d (line %d) %q Filled = %v, want %v", name, r, row.Line, label, row.Filled[c], filled)
		}
	}
}

// flags renders a row's flags as "realigned continuation summary" (those set).
func flags(r Row) string {
	var f []string
	if r.Realigned {
		f = append(f, "realigned")
	}
	if r.Continuation {
		f = append(f, "continuation")
	}
	if r.Summary {
		f = append(f, "summary")
	}
	return strings.Join(f, " ")
}

func TestRegionalStrengthTable(t *testing.T) {
	d := parseFile(t, seed002)
	blk := blocks(t, d, "Regional strength", TableBlock)[0]
	tb := blk.Table
	const name = "Parse(002) regional table"
	if blk.Intro != "" || tb.Line != 81 || blk.Line != 81 {
		t.Errorf("%s intro, line = %q, %d, want \"\", 81", name, blk.Intro, tb.Line)
	}
	if len(tb.Header) != 1 {
		t.Errorf("%s has %d header rows, want 1", name, len(tb.Header))
	}
	checkColumns(t, name, tb, []string{"No. integer", "Constituency text", "Seats won empty", "Popular vote integer", "Percentage percent"})
	if len(tb.Rows) != 25 {
		t.Fatalf("len(%s.Rows) = %d, want 25", name, len(tb.Rows))
	}
	constituencies := []string{"Banteay Meanchey", "Battambang", "Kampong Cham", "Kampong Chhnang", "Kampong Speu",
		"Kampong Thom", "Kampot", "Kandal", "Kep", "Koh Kong", "Kratié", "Mondulkiri", "Oddar Meanchey", "Pailin",
		"Phnom Penh", "Preah Vihear", "Prey Veng", "Pursat", "Ratanakiri", "Siem Reap", "Sihanoukville",
		"Stung Treng", "Svay Rieng", "Takéo"}
	for i, want := range constituencies {
		row := tb.Rows[i]
		if row.Line != 82+i || row.Cells[0] != fmt.Sprint(i+1) || row.Cells[1] != want || flags(row) != "" {
			t.Errorf("%s row %d = line %d %q %s, want line %d No. %d %q", name, i, row.Line, row.Cells, flags(row), 82+i, i+1, want)
		}
	}
	checkRow(t, name, tb, 0, map[string]string{"Seats won": "", "Popular vote": "64,732", "Percentage": "25.33%"})
	checkRow(t, name, tb, 14, map[string]string{"Constituency": "Phnom Penh", "Popular vote": "382,880", "Percentage": "57.68%"})
	checkRow(t, name, tb, 23, map[string]string{"Popular vote": "236,686", "percentage": "45.73%"})

	total := tb.Rows[24]
	checkRow(t, name, tb, 24, map[string]string{"No.": "Total", "Constituency": "", "Seats won": "", "Popular vote": "2,946,176", "Percentage": "44.46%"})
	if total.Line != 106 || flags(total) != "realigned summary" {
		t.Errorf("%s total row = line %d %q, want line 106 %q", name, total.Line, flags(total), "realigned summary")
	}
}

func TestLeadersTable(t *testing.T) {
	d := parseFile(t, seed002)
	tb := tableIn(t, d, "List of party leaders", 0)
	const name = "Parse(002) leaders table"
	checkColumns(t, name, tb, []string{"No. integer", "Name text", "Term start text", "Term end text", "Deputy text"})
	if len(tb.Rows) != 4 {
		t.Fatalf("len(%s.Rows) = %d, want 4", name, len(tb.Rows))
	}
	checkRow(t, name, tb, 0, map[string]string{"No.": "1", "Name": "Sam Rainsy", "Term start": "17 July 2012", "Term end": "11 February 2017", "Deputy": "Kem Sokha"})
	checkRow(t, name, tb, 1, map[string]string{"No.": "2", "Name": "Kem Sokha", "Term start": "2 March 2017", "Term end": "16 November 2017", "Deputy": "Eng Chhai Eang"})
	for r, deputy := range map[int]string{2: "Mu Sochua", 3: "Pol Hom"} {
		checkRow(t, name, tb, r, map[string]string{"*No.": "2", "*Name": "Kem Sokha", "*Term start": "2 March 2017", "*Term end": "16 November 2017", "Deputy": deputy})
		if got := flags(tb.Rows[r]); got != "realigned continuation" {
			t.Errorf("%s row %d flags = %q, want %q", name, r, got, "realigned continuation")
		}
		if tb.Rows[r].Line != 114+r {
			t.Errorf("%s row %d line = %d, want %d", name, r, tb.Rows[r].Line, 114+r)
		}
	}
	var deputies []string
	for _, row := range tb.Rows {
		if row.Cells[tb.Column("Name")] == "Kem Sokha" {
			deputies = append(deputies, row.Cells[tb.Column("Deputy")])
		}
	}
	if want := []string{"Eng Chhai Eang", "Mu Sochua", "Pol Hom"}; !slices.Equal(deputies, want) {
		t.Errorf("%s deputies of Kem Sokha = %q, want %q", name, deputies, want)
	}
}

func TestElectionTables(t *testing.T) {
	d := parseFile(t, seed002)
	tests := []struct {
		section string
		header  [][]string
		columns []string
		row     map[string]string
		line    int
	}{
		{
			"General election",
			[][]string{{"Election", "Leader", "Votes", "Seats", "Position", "Government"}, {"#", "%", "±", "#", "±", ""}},
			[]string{"Election integer", "Leader text", "Votes # integer", "Votes % decimal", "Votes ± decimal",
				"Seats # empty", "Seats ± empty truncated", "Position empty truncated", "Government empty truncated"},
			map[string]string{"Election": "2013", "Leader": "Sam Rainsy", "Votes #": "2,946,176", "Votes %": "44.5", "Votes ±": "15.9",
				"Seats #": "", "Seats ±": "", "Position": "", "Government": ""},
			162,
		},
		{
			"Communal elections",
			[][]string{{"Election", "Leader", "Votes", "Chiefs", "Councillors", "Position"}, {"#", "%", "±", "#", "±", "#"}},
			[]string{"Election integer", "Leader text", "Votes # integer", "Votes % decimal", "Votes ± decimal",
				"Chiefs # empty", "Chiefs ± empty truncated", "Councillors # empty truncated", "Position empty truncated"},
			map[string]string{"Election": "2017", "Leader": "Kem Sokha", "Votes #": "3,056,824", "Votes %": "43.8", "Votes ±": "13.1",
				"Chiefs #": "", "Councillors #": "", "Position": ""},
			167,
		},
	}
	for _, tt := range tests {
		t.Run(tt.section, func(t *testing.T) {
			tb := tableIn(t, d, tt.section, 0)
			name := "Parse(002) " + tt.section + " table"
			if len(tb.Header) != len(tt.header) {
				t.Fatalf("%s has %d header rows, want %d", name, len(tb.Header), len(tt.header))
			}
			for i := range tt.header {
				if !slices.Equal(tb.Header[i], tt.header[i]) {
					t.Errorf("%s.Header[%d] = %q, want %q", name, i, tb.Header[i], tt.header[i])
				}
			}
			checkColumns(t, name, tb, tt.columns)
			if len(tb.Rows) != 1 || tb.Rows[0].Line != tt.line {
				t.Fatalf("%s has %d rows, want 1 at line %d", name, len(tb.Rows), tt.line)
			}
			checkRow(t, name, tb, 0, tt.row)
			if f := flags(tb.Rows[0]); f != "" {
				t.Errorf("%s row flags = %q, want none", name, f)
			}
		})
	}
	if c := tableIn(t, d, "General election", 0).Column("Votes"); c != -1 {
		t.Errorf("Parse(002) general election table.Column(%q) = %d, want -1 (the parent label is not a column)", "Votes", c)
	}
}

func TestOwnTables(t *testing.T) {
	d := parseFile(t, own003)

	pres := tableIn(t, d, "Presidential", 0)
	const presName = "Parse(003) presidential table"
	checkColumns(t, presName, pres, []string{"Year integer", "Candidate text", "First round Votes integer", "First round % percent",
		"Second round Votes integer", "Second round % empty truncated", "Outcome empty truncated"})
	checkRow(t, presName, pres, 1, map[string]string{"Year": "2009", "Candidate": "Ana Ruiz", "First round Votes": "240,000", "First round %": "21.4%", "Second round Votes": "301,250"})
	checkRow(t, presName, pres, 2, map[string]string{"Year": "2014", "Candidate": "Tomás Ek", "First round %": "6.8%", "Second round Votes": ""})

	// The offset is 0 here, against the tie-break's preference for 1: evidence wins.
	leg := tableIn(t, d, "Legislative", 0)
	const legName = "Parse(003) legislative table"
	checkColumns(t, legName, leg, []string{"Lower house # integer", "Lower house ± signed", "Upper house # integer", "Notes empty truncated"})
	checkRow(t, legName, leg, 1, map[string]string{"Lower house #": "9", "Lower house ±": "−3", "Upper house #": "4"})

	br := tableIn(t, d, "Branches", 0)
	const brName = "Parse(003) branches table"
	checkColumns(t, brName, br, []string{"Rank integer", "Region text", "Branch text", "Members integer", "Share percent"})
	// A rowspan in the middle: "| 2 | Bryn | 900 | 30.0% | |" under Region "North".
	checkRow(t, brName, br, 1, map[string]string{"Rank": "2", "*Region": "North", "Branch": "Bryn", "Members": "900", "Share": "30.0%"})
	// A colspan of three: "| Total | 3,000 | 100.0% | | |".
	checkRow(t, brName, br, 3, map[string]string{"Rank": "Total", "Region": "", "Branch": "", "Members": "3,000", "Share": "100.0%"})
	wantFlags := []string{"", "realigned continuation", "", "realigned summary"}
	for i, row := range br.Rows {
		if got := flags(row); got != wantFlags[i] {
			t.Errorf("%s row %d flags = %q, want %q", brName, i, got, wantFlags[i])
		}
	}

	lead := tableIn(t, d, "Leadership", 0)
	const leadName = "Parse(003) leadership table"
	checkRow(t, leadName, lead, 1, map[string]string{"*No.": "1", "*Chair": "Ana Ruiz", "*From": "1998", "*To": "2009", "Spokesperson": "Tomás Ek"})
	checkRow(t, leadName, lead, 2, map[string]string{"No.": "2", "Chair": "Tomás Ek", "From": "2009", "To": "", "Spokesperson": "Sara Lind"})

	bodies := blocks(t, d, "Leadership", TableBlock)[1]
	if bodies.Intro != "Bodies of the party:" || len(bodies.Table.Header) != 1 || len(bodies.Table.Rows) != 2 {
		t.Errorf("Parse(003) bodies table intro %q, %d header rows, %d rows, want %q, 1, 2 (no sub-header)",
			bodies.Intro, len(bodies.Table.Header), len(bodies.Table.Rows), "Bodies of the party:")
	}
}

func TestTableRules(t *testing.T) {
	tests := []struct {
		name    string
		rows    []string
		columns []string // labels
		cells   [][]string
		flags   []string
	}{
		{
			name:    "header only",
			rows:    []string{"| a | b |"},
			columns: []string{"a", "b"},
		},
		{
			name:    "short rows are padded",
			rows:    []string{"| a | b | c |", "| x |"},
			columns: []string{"a", "b", "c"},
			cells:   [][]string{{"x", "", ""}},
			flags:   []string{""},
		},
		{
			name:    "sub-header without body",
			rows:    []string{"| Party | Votes |", "| # | % |"},
			columns: []string{"Party", "Votes #", "Votes %"}, // no evidence: offset 1
		},
		{
			name:    "repeated labels make a sub-header",
			rows:    []string{"| Party | 2010 | 2015 |", "| Votes | Seats | Votes |", "| Blue | 100 | 5 |"},
			columns: []string{"Party", "2010 Votes", "2010 Seats", "2015 Votes"},
			cells:   [][]string{{"Blue", "100", "5", ""}},
			flags:   []string{""},
		},
		{
			name:    "Markdown's delimiter row is not a row",
			rows:    []string{"| Name | From | To |", "|---|:---:|--:|", "| Ana | 1996 | 2001 |"},
			columns: []string{"Name", "From", "To"},
			cells:   [][]string{{"Ana", "1996", "2001"}},
			flags:   []string{""},
		},
		{
			name:    "dashes under the first row only",
			rows:    []string{"| Name | Year |", "| Ana | 1996 |", "| --- | --- |"},
			columns: []string{"Name", "Year"},
			cells:   [][]string{{"Ana", "1996"}, {"---", "---"}},
			flags:   []string{"", ""},
		},
		{
			name:    "a data row of text is not a sub-header",
			rows:    []string{"| Name | Role |", "| Ana | Chair |"},
			columns: []string{"Name", "Role"},
			cells:   [][]string{{"Ana", "Chair"}},
			flags:   []string{""},
		},
		{
			name:    "too many groups for the header is data",
			rows:    []string{"| a |", "| # |"},
			columns: []string{"a #"},
		},
		{
			name: "middle rowspan in an election table",
			rows: []string{"| Year | Leader | Votes | % |", "| 2008 | Ana | 1,000 | 10.5% |", "| 2013 | 2,000 | 20.5% | |",
				"| 2018 | Bo | 3,000 | 30.5% |"},
			columns: []string{"Year", "Leader", "Votes", "%"},
			cells:   [][]string{{"2008", "Ana", "1,000", "10.5%"}, {"2013", "Ana", "2,000", "20.5%"}, {"2018", "Bo", "3,000", "30.5%"}},
			flags:   []string{"", "realigned continuation", ""},
		},
		{
			name:    "the first body row is never a continuation",
			rows:    []string{"| No. | Name |", "| Ana | |", "| 1 | Bo |", "| 2 | Cy |"},
			columns: []string{"No.", "Name"},
			cells:   [][]string{{"Ana", ""}, {"1", "Bo"}, {"2", "Cy"}},
			flags:   []string{"summary", "", ""},
		},
		{
			name:    "a continuation needs fewer cells than the row above",
			rows:    []string{"| No. | Name | Deputy |", "| 1 | Ana | Bo |", "| Cy | Di | Gi |", "| 2 | Ed | Fa |"},
			columns: []string{"No.", "Name", "Deputy"},
			cells:   [][]string{{"1", "Ana", "Bo"}, {"Cy", "Di", "Gi"}, {"2", "Ed", "Fa"}},
			flags:   []string{"", "summary", ""},
		},
		{
			name:    "a continuation of two cells",
			rows:    []string{"| No. | Name | Deputy |", "| 1 | Ana | Bo |", "| Cy | Di | |", "| 2 | Ed | Fa |"},
			columns: []string{"No.", "Name", "Deputy"},
			cells:   [][]string{{"1", "Ana", "Bo"}, {"1", "Cy", "Di"}, {"2", "Ed", "Fa"}},
			flags:   []string{"", "realigned continuation", ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "T\n\n" + strings.Join(tt.rows, "\n") + "\n"
			d, err := Parse("rules.txt", []byte(text))
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", text, err)
			}
			tb := d.Sections[0].Blocks[0].Table
			var labels []string
			for _, c := range tb.Columns {
				labels = append(labels, c.Label())
			}
			if !slices.Equal(labels, tt.columns) {
				t.Errorf("Parse(%q) columns = %q, want %q", text, labels, tt.columns)
			}
			if len(tb.Rows) != len(tt.cells) {
				t.Fatalf("Parse(%q) has %d rows, want %d", text, len(tb.Rows), len(tt.cells))
			}
			for i, row := range tb.Rows {
				if !slices.Equal(row.Cells, tt.cells[i]) || flags(row) != tt.flags[i] {
					t.Errorf("Parse(%q) row %d = %q %q, want %q %q", text, i, row.Cells, flags(row), tt.cells[i], tt.flags[i])
				}
			}
		})
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		cell string
		want CellKind
	}{
		{"", KindEmpty}, {"  ", KindEmpty}, {"—", KindEmpty}, {"-", KindEmpty},
		{"2013", KindInteger}, {"2,946,176", KindInteger}, {"0", KindInteger}, {" 24 ", KindInteger},
		{"44.5", KindDecimal}, {"1,234.56", KindDecimal},
		{"25.33%", KindPercent}, {"40 %", KindPercent}, {"100%", KindPercent},
		{"+15.9", KindSigned}, {"−3", KindSigned}, {"-0.5%", KindSigned}, {"▲2", KindSigned}, {"± 1", KindSigned},
		{"Total", KindText}, {"2,94,176", KindText}, {"1,2345", KindText}, {",123", KindText}, {"12.", KindText},
		{"1.2.3", KindText}, {"%", KindText}, {"+", KindText}, {"17 July 2012", KindText}, {"#", KindText},
		{"\u17e2\u17e0\u17e1\u17e3", KindText}, // Khmer digits are not ASCII digits
	}
	for _, tt := range tests {
		if got := KindOf(tt.cell); got != tt.want {
			t.Errorf("KindOf(%q) = %v, want %v", tt.cell, got, tt.want)
		}
	}
}

func TestGroupLabels(t *testing.T) {
	tests := []struct {
		cells []string
		want  string
	}{
		{[]string{"#", "%", "±", "#", "±", ""}, "[# % ±] [# ±]"},
		{[]string{"#", "%", "±", "#", "±", "#"}, "[# % ±] [# ±] [#]"},
		{[]string{"Votes", "%", "Votes", "%", ""}, "[Votes %] [Votes %]"},
		{[]string{"#", "", "%", "#"}, "[#  %] [#]"},
		{[]string{"", "", ""}, ""},
	}
	for _, tt := range tests {
		var parts []string
		for _, g := range groupLabels(tt.cells) {
			parts = append(parts, "["+strings.Join(g, " ")+"]")
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("groupLabels(%q) = %s, want %s", tt.cells, got, tt.want)
		}
	}
}

func TestColumnLookup(t *testing.T) {
	tb := &Table{Columns: []Column{{Name: "Votes", Sub: "#"}, {Name: "", Sub: "%"}, {Name: "Position"}}}
	tests := []struct {
		label string
		want  int
	}{
		{"Votes #", 0}, {"votes #", 0}, {"%", 1}, {"POSITION", 2}, {"Votes", -1}, {"", -1},
	}
	for _, tt := range tests {
		if got := tb.Column(tt.label); got != tt.want {
			t.Errorf("Table.Column(%q) = %d, want %d", tt.label, got, tt.want)
		}
	}
}

// TestWideTables checks that the rules run in time on wide tables and stop beyond maxRuleColumns.
func TestWideTables(t *testing.T) {
	for _, n := range []int{maxRuleColumns, maxRuleColumns + 1, 5000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			header := "|" + strings.Repeat(" a |", n)
			full := "|" + strings.Repeat(" x |", n/2) + strings.Repeat(" 1 |", n-n/2)
			half := "|" + strings.Repeat(" 1 |", n/2) + strings.Repeat(" |", n-n/2) // fits when shifted n/2 right
			labels := make([]string, n)
			for i := range labels {
				labels[i] = strings.Repeat("y", i%7+1) + strings.Repeat("z", i/7%7)
			}
			sub := "| # |" + strings.Join(labels[1:], " | ") + " |"
			text := "T\n\n" + header + "\n" + strings.Repeat(full+"\n", 5) + half + "\n\n" + header + "\n" + sub + "\n" + full + "\n"
			d, err := Parse("wide.txt", []byte(text))
			if err != nil {
				t.Fatalf("Parse(wide %d) error: %v", n, err)
			}
			tb := d.Sections[0].Blocks[0].Table
			row := tb.Rows[len(tb.Rows)-1]
			if want := n <= maxRuleColumns; row.Realigned != want {
				t.Errorf("Parse(wide %d) half row Realigned = %v, want %v", n, row.Realigned, want)
			}
			if sub := d.Sections[0].Blocks[1].Table; len(sub.Header) != 2 {
				t.Errorf("Parse(wide %d) second table has %d header rows, want 2", n, len(sub.Header))
			}
		})
	}
}

func TestTableCell(t *testing.T) {
	tb := tableIn(t, parseFile(t, seed002), "General election", 0)
	tests := []struct {
		row         int
		label, want string
		ok          bool
	}{
		{0, "Votes #", "2,946,176", true},
		{0, "votes %", "44.5", true},
		{0, "Government", "", true},
		{0, "Votes", "", false},
		{1, "Votes #", "", false},
		{-1, "Votes #", "", false},
	}
	for _, tt := range tests {
		got, ok := tb.Cell(tt.row, tt.label)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(002) general election table.Cell(%d, %q) = %q, %v, want %q, %v", tt.row, tt.label, got, ok, tt.want, tt.ok)
		}
	}
}

// A table in MediaWiki's markup is read as a "|" table: its header from "!" cells, its rows between
// "|-", cells on one line ("||") or one to a line, attributes dropped, a colspan taking its cells, and
// each row's Text the lines that write it.
func TestWikiTable(t *testing.T) {
	text := `Party

== Leaders ==
{| class="wikitable"
|+ Chairmen
! Name !! Office !! From !! To
|-
| Ana Ruiz || Chairman || 4 January 1948 || 17 November 1961
|-
| colspan="4" | Party banned, 1964–1988
|-
| Bo Lin
| Chairman
| 1988
| 1991
|-
| style="color:red" | Cy Tam || colspan="2" | Acting || 1992
|}

After the table.
`
	d, err := ParseWith("wiki.txt", []byte(text), Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	tb := tableIn(t, d, "Leaders", 0)
	var labels []string
	for _, c := range tb.Columns {
		labels = append(labels, c.Label())
	}
	if want := []string{"Name", "Office", "From", "To"}; !slices.Equal(labels, want) {
		t.Errorf("columns = %q, want %q", labels, want)
	}
	want := [][]string{
		{"Ana Ruiz", "Chairman", "4 January 1948", "17 November 1961"},
		{"Party banned, 1964–1988", "", "", ""},
		{"Bo Lin", "Chairman", "1988", "1991"},
		{"Cy Tam", "Acting", "", "1992"},
	}
	if len(tb.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(tb.Rows), len(want))
	}
	for i, r := range tb.Rows {
		if !slices.Equal(r.Cells, want[i]) {
			t.Errorf("row %d = %q, want %q", i, r.Cells, want[i])
		}
		if !strings.Contains(text, r.Text) || !strings.Contains(r.Text, r.Cells[0]) {
			t.Errorf("row %d Text = %q: not the lines that write it", i, r.Text)
		}
	}
	if tb.Rows[0].Line != 8 || tb.Rows[2].Text != "| Bo Lin\n| Chairman\n| 1988\n| 1991" {
		t.Errorf("rows 0 and 2: line %d, text %q", tb.Rows[0].Line, tb.Rows[2].Text)
	}
	if last := d.Sections[1].Blocks[len(d.Sections[1].Blocks)-1]; last.Kind != Paragraph || last.Text != "After the table." {
		t.Errorf("the block after the table = %v %q, want the paragraph", last.Kind, last.Text)
	}

	// A table left open is read up to the next heading, with a warning (an error when strict).
	open := "Party\n\n== A ==\n{|\n! Name !! Year\n|-\n| Ana || 1990\n== B ==\nText.\n"
	d, err = Parse("open.txt", []byte(open))
	if err != nil {
		t.Fatal(err)
	}
	if tb := tableIn(t, d, "A", 0); len(tb.Rows) != 1 || len(d.Warnings) != 1 {
		t.Errorf("open table: %d rows, warnings %v", len(tb.Rows), d.Warnings)
	}
	if _, err := ParseWith("open.txt", []byte(open), Options{Strict: true}); err == nil {
		t.Error("strict parse of an open table: no error")
	}
}
