package document

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Table is a pipe table, rebuilt from its flattened rows by the rules in the package documentation.
type Table struct {
	Line    int        // line of the first header row
	Header  [][]string // the header rows as written (one, or two with a sub-header), cells trimmed
	Columns []Column   // the rebuilt columns; a sub-header expands its parent columns
	Rows    []Row      // the body rows, each with exactly len(Columns) cells
}

// Column is one rebuilt column of a table.
type Column struct {
	Name string   // the header cell ("Votes"); may be ""
	Sub  string   // the sub-header label ("#", "%", "±"); "" without a sub-header
	Kind CellKind // the kind inferred from the body cells that are not Filled; KindEmpty if none
	// Truncated reports that the column lies beyond the width the rows were flattened to (the header
	// row's cell count, or the widest body row's when lenient parsing kept a wider one): no row could
	// keep a value for it, so its cells are all "" and mean "lost", not "empty".
	Truncated bool
}

// Label returns Name and Sub joined by a space ("Votes #"), or whichever of them is not "".
func (c Column) Label() string {
	switch {
	case c.Sub == "":
		return c.Name
	case c.Name == "":
		return c.Sub
	}
	return c.Name + " " + c.Sub
}

// Row is one body row of a table.
type Row struct {
	Line int
	// Text is the row as the document writes it: its line, or the lines of a MediaWiki row.
	Text  string
	Cells []string // trimmed; len(Cells) == len(Table.Columns); "" is an absent value, never zero
	// Filled[i] reports that Cells[i] was copied from the row above, because this row continues a
	// rowspan (Continuation). len(Filled) == len(Cells).
	Filled []bool
	// Realigned reports that the row's own cells were moved right, into the columns whose kinds
	// they fit, because the source row omitted cells spanned by a colspan or a rowspan.
	Realigned bool
	// Continuation reports that the row continues the row above through a rowspan: the cells
	// marked in Filled were copied from it.
	Continuation bool
	// Summary reports that the first cell is text in a column of another kind that is not a
	// continuation, such as a "Total" label in a numbered column.
	Summary bool
}

// Column returns the index of the first column whose Label equals label case-insensitively, or -1.
func (t *Table) Column(label string) int {
	for i, c := range t.Columns {
		if strings.EqualFold(c.Label(), label) {
			return i
		}
	}
	return -1
}

// Cell returns the cell of row r under the column labelled label, and whether such a column exists.
func (t *Table) Cell(r int, label string) (string, bool) {
	c := t.Column(label)
	if c < 0 || r < 0 || r >= len(t.Rows) {
		return "", false
	}
	return t.Rows[r].Cells[c], true
}

// CellKind is the kind of a table cell's text, and of a column.
type CellKind int

// The kinds of cell, from the most specific number to text. See KindOf.
const (
	KindEmpty   CellKind = iota // "", or a lone dash ("-", "–", "—", "−") standing for no value
	KindInteger                 // "2013", "2,946,176"
	KindDecimal                 // "44.5", "1,234.56"
	KindPercent                 // "25.33%", "40 %"
	KindSigned                  // a signed change: "+15.9", "−3", "-0.5%", "▲2", "▼1.2"
	KindText                    // anything else
)

// String returns "empty", "integer", "decimal", "percent", "signed" or "text".
func (k CellKind) String() string {
	switch k {
	case KindEmpty:
		return "empty"
	case KindInteger:
		return "integer"
	case KindDecimal:
		return "decimal"
	case KindPercent:
		return "percent"
	case KindSigned:
		return "signed"
	case KindText:
		return "text"
	}
	return "CellKind(" + strconv.Itoa(int(k)) + ")"
}

// KindOf returns the kind of a cell's text, ignoring surrounding white space. A number is ASCII
// digits, optionally grouped in threes by commas, optionally followed by "." and digits. A sign is
// one of + - − – ± ▲ ▼.
func KindOf(cell string) CellKind {
	s := strings.TrimSpace(cell)
	switch s {
	case "", "-", "–", "—", "−":
		return KindEmpty
	}
	signed := false
	if r, size := utf8.DecodeRuneInString(s); strings.ContainsRune("+-−–±▲▼", r) {
		signed = true
		s = strings.TrimSpace(s[size:])
	}
	percent := false
	if t, ok := strings.CutSuffix(s, "%"); ok {
		percent = true
		s = strings.TrimSpace(t)
	}
	whole, frac, dot := strings.Cut(s, ".")
	if !isInteger(whole) || dot && (frac == "" || strings.Trim(frac, "0123456789") != "") {
		return KindText
	}
	switch {
	case signed:
		return KindSigned
	case percent:
		return KindPercent
	case dot:
		return KindDecimal
	}
	return KindInteger
}

// isInteger reports whether s is ASCII digits, or digits grouped in threes by commas ("2,946,176").
func isInteger(s string) bool {
	if s == "" {
		return false
	}
	groups := strings.Split(s, ",")
	for i, g := range groups {
		if g == "" || strings.Trim(g, "0123456789") != "" {
			return false
		}
		if len(groups) > 1 && (i > 0 && len(g) != 3 || i == 0 && len(g) > 3) {
			return false
		}
	}
	return true
}

// fits reports whether a non-empty cell of kind cell fits a column of kind col.
func fits(cell, col CellKind) bool {
	switch col {
	case KindInteger:
		return cell == KindInteger
	case KindDecimal:
		return cell == KindInteger || cell == KindDecimal
	case KindPercent:
		return cell == KindPercent || cell == KindDecimal
	case KindSigned:
		return cell == KindSigned || cell == KindInteger || cell == KindDecimal || cell == KindPercent
	case KindText:
		return cell == KindText
	}
	return false // KindEmpty: a column with no values fits no value
}

// score sums +1 for each non-empty cell that fits its column's kind and -1 for each that does not.
// Columns of kind -1 have no expectation. Cells with skip[i] set are not counted.
func score(cells []string, kinds []CellKind, skip []bool) int {
	s := 0
	for i, c := range cells {
		if i >= len(kinds) || kinds[i] < 0 || skip != nil && skip[i] {
			continue
		}
		k := KindOf(c)
		if k == KindEmpty {
			continue
		}
		if fits(k, kinds[i]) {
			s++
		} else {
			s--
		}
	}
	return s
}

// subLabelKind returns the column kind a sub-header label promises, or -1 for no promise.
func subLabelKind(label string) CellKind {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "#", "no.", "no", "n", "number":
		return KindInteger
	case "%", "percent", "share":
		return KindPercent
	case "±", "+/−", "+/-", "+−", "δ", "change", "swing":
		return KindSigned
	}
	return -1
}

// isSubHeader reports whether a second table row holds sub-labels rather than data: it has a
// non-empty cell, no cell holds a digit or is longer than maxSubLabelRunes, and either a cell is a
// known sub-label (see subLabelKind) or a label repeats.
func isSubHeader(cells []string) bool {
	seen := map[string]bool{}
	labels, known, repeat := 0, false, false
	for _, c := range cells {
		if c == "" {
			continue
		}
		if strings.ContainsAny(c, "0123456789") || utf8.RuneCountInString(c) > maxSubLabelRunes {
			return false
		}
		labels++
		if subLabelKind(c) >= 0 {
			known = true
		}
		key := strings.ToLower(c)
		repeat = repeat || seen[key]
		seen[key] = true
	}
	return labels > 0 && (known || repeat)
}

// maxSubLabelRunes is the longest cell taken as a sub-header label.
const maxSubLabelRunes = 20

// groupLabels splits sub-header labels (trailing padding removed) into groups, one per parent
// column: a new group starts at a label already in the current group ("# % ± # ±" → [# % ±] [# ±]).
func groupLabels(cells []string) [][]string {
	end := len(cells)
	for end > 0 && cells[end-1] == "" {
		end--
	}
	var groups [][]string
	var seen map[string]bool // the labels of the current group, lower-cased
	for i, c := range cells[:end] {
		key := strings.ToLower(c)
		if i == 0 || c != "" && seen[key] {
			groups = append(groups, nil)
			seen = map[string]bool{}
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], c)
		seen[key] = true
	}
	return groups
}

// aligned reports whether a sub-header stands cell under cell below its header: as many cells, the
// first column without a label of its own ("| Election | Performance | | |" over "| | Votes | % |
// Seats |"), where a sub-header whose labels are written one after the other starts with one.
func aligned(header, sub []string) bool {
	return len(sub) == len(header) && sub[0] == "" && header[0] != ""
}

// underEach returns the columns of a sub-header aligned under its header: each column is named by
// its header cell, or by the last one before it when its own is empty (a header cell spanning
// several columns), with the sub-label under it.
func underEach(header, sub []string) []Column {
	cols := make([]Column, len(header))
	name := ""
	for i, h := range header {
		if h != "" || sub[i] == "" {
			name = h
		}
		cols[i] = Column{Name: name, Sub: sub[i]}
	}
	return cols
}

// expand returns the columns of a header whose sub-header groups start under header[off].
func expand(header []string, groups [][]string, off int) []Column {
	var cols []Column
	for i, h := range header {
		g := i - off
		if g < 0 || g >= len(groups) {
			cols = append(cols, Column{Name: h})
			continue
		}
		for _, sub := range groups[g] {
			cols = append(cols, Column{Name: h, Sub: sub})
		}
	}
	return cols
}

// rawRow is a table row as the text writes it, before the columns are rebuilt.
type rawRow struct {
	cells       []string
	first, last int  // its first and last lines, 0-based
	unended     bool // a "|" row that does not end with "|": cells are looseCells
}

// table reads the table whose rows are lines start..end-1, each starting with "|". It returns nil, and
// no error, when lenient parsing skips the whole table: its header row, or a second row that looks
// like a sub-header, cannot be read, so no column can be named with confidence. Otherwise each
// unreadable row is a problem (see parser.problem): a row not ending with "|" is skipped; a row with
// more cells than the header is read when a sub-header gives the table that many columns, cut back
// when its cells beyond the columns are all empty, and skipped otherwise.
func (p *parser) table(start, end int) (*Table, error) {
	raw := make([]rawRow, 0, end-start)
	for i := start; i < end; i++ {
		cells, ok := splitRow(p.lines[i])
		if !ok {
			cells = looseCells(p.lines[i])
		}
		if i == start+1 && ok && delimiterRow(cells) {
			continue // "|---|:---:|": Markdown's line under the header, not a row
		}
		raw = append(raw, rawRow{cells: cells, first: i, last: i, unended: !ok})
	}
	return p.readTable(raw)
}

// readTable builds a table from its rows as written, the first its header (see table).
func (p *parser) readTable(raw []rawRow) (*Table, error) {
	const unended = `table row does not end with "|"`
	if raw[0].unended {
		return nil, p.problem(raw[0].first+1, unended, "table skipped: its header row cannot be read")
	}
	header := raw[0].cells
	width := len(header)
	limit := width // the most cells a row may have: the header's, or the columns of a sub-header
	rows, texts := [][]string{header}, []rawRow{raw[0]}
	sub := false
	for k, r := range raw[1:] {
		cells, line := r.cells, r.first
		if r.unended {
			if k == 0 && isSubHeader(cells) {
				return nil, p.problem(line+1, unended, "table skipped: its sub-header row cannot be read")
			}
			if err := p.problem(line+1, unended, "row skipped"); err != nil {
				return nil, err
			}
			continue
		}
		if k == 0 {
			if groups, ok := subHeaderGroups(cells, width); ok {
				sub = true
				limit = width - len(groups)
				for _, g := range groups {
					limit += len(g)
				}
				if len(cells) > width {
					msg := fmt.Sprintf("table row has %d cells, more than the %d of its header", len(cells), width)
					action := fmt.Sprintf("read as a sub-header of %d columns", limit)
					if err := p.problem(line+1, msg, action); err != nil {
						return nil, err
					}
				}
				rows, texts = append(rows, cells), append(texts, r)
				continue
			}
		}
		if len(cells) > width {
			msg := fmt.Sprintf("table row has %d cells, more than the %d of its header", len(cells), width)
			var action string
			switch {
			case len(cells) <= limit:
				action = fmt.Sprintf("read under the %d columns of its two-row header", limit)
			case lastNonEmpty(cells) < limit:
				action = fmt.Sprintf("its cells after the first %d are empty and were dropped", limit)
			default:
				action = "row skipped"
			}
			if err := p.problem(line+1, msg, action); err != nil {
				return nil, err
			}
			if lastNonEmpty(cells) >= limit {
				continue
			}
			cells = cells[:min(len(cells), limit)]
		}
		rows, texts = append(rows, cells), append(texts, r)
	}
	lines := make([]int, len(texts))
	for i, r := range texts {
		lines[i] = r.first + 1
	}
	t := buildTable(rows, lines, sub)
	body := texts[len(texts)-len(t.Rows):]
	for i := range t.Rows {
		t.Rows[i].Text = p.span(body[i].first, body[i].last)
	}
	return t, nil
}

// wikiTableEnd returns the end (exclusive) of the rows of the MediaWiki table opened at line start
// (0-based) and the line after the table: the "|}" that closes it and the line after that. A table
// left open ends before the next heading or at the end of the document, a problem.
func (p *parser) wikiTableEnd(start int) (end, next int, err error) {
	for i := start + 1; i < len(p.lines); i++ {
		if strings.HasPrefix(strings.TrimSpace(p.lines[i]), "|}") {
			return i, i + 1, nil
		}
		if kindOf(p.lines[i]) == lineHeading {
			return i, i, p.problem(start+1, `table "{|" is not closed by "|}"`, "read up to the next heading")
		}
	}
	n := len(p.lines)
	return n, n, p.problem(start+1, `table "{|" is not closed by "|}"`, "read up to the end of the document")
}

// wikiTable reads the MediaWiki table of lines start ("{|") to end ("|}"): rows separated by "|-",
// cells written "| a || b" or one to a line, header cells "! a !! b", a caption "|+" (not a row),
// attributes before a cell's "|" dropped (a colspan of n taking n cells), and a line that starts with
// neither continuing the cell before it. The first row is the header, as in a "|" table.
func (p *parser) wikiTable(start, end int) (*Table, error) {
	var raw []rawRow
	var row *rawRow
	flush := func() {
		if row != nil && len(row.cells) > 0 {
			raw = append(raw, *row)
		}
		row = nil
	}
	for i := start + 1; i < end; i++ {
		l := strings.TrimSpace(p.lines[i])
		switch {
		case l == "" || strings.HasPrefix(l, "|+"):
		case strings.HasPrefix(l, "|-"):
			flush()
		case strings.HasPrefix(l, "!") || strings.HasPrefix(l, "|"):
			if row == nil {
				row = &rawRow{first: i}
			}
			sep := "||"
			if l[0] == '!' {
				l = strings.ReplaceAll(l[1:], "!!", "||")
			} else {
				l = l[1:]
			}
			for _, c := range strings.Split(l, sep) {
				row.cells = append(row.cells, wikiCell(c)...)
			}
			row.last = i
		case row != nil && len(row.cells) > 0:
			last := &row.cells[len(row.cells)-1]
			*last = strings.TrimSpace(*last + "\n" + l)
			row.last = i
		}
	}
	flush()
	if len(raw) == 0 {
		return nil, p.problem(start+1, "table has no rows", "table skipped")
	}
	return p.readTable(raw)
}

// colspanRE reads a cell's colspan attribute.
var colspanRE = lazyRegexp(`(?i)\bcolspan\s*=\s*["']?(\d+)`)

// wikiCell returns the content of a MediaWiki cell without its attributes ("colspan="2" | x"), as
// a reader sees it (WikiPlain: "[[2007 Thai general election|2007]]" is "2007"), as many cells as it
// spans, the first its content and the others empty.
func wikiCell(c string) []string {
	attrs, content, ok := strings.Cut(c, "|")
	if !ok || !strings.Contains(attrs, "=") || strings.Contains(attrs, "[[") || strings.Contains(attrs, "{{") {
		return []string{WikiPlain(c)}
	}
	cells := []string{WikiPlain(content)}
	if m := colspanRE().FindStringSubmatch(attrs); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n > 1 {
			cells = append(cells, make([]string, min(n, 50)-1)...)
		}
	}
	return cells
}

// span is the text of lines first..last (0-based), trimmed.
func (p *parser) span(first, last int) string {
	return strings.TrimSpace(p.text[p.offsets[first] : p.offsets[last]+len(p.lines[last])])
}

// delimiterRow reports whether cells are Markdown's delimiter row, which follows a table's header:
// every cell hyphens, with a colon at either end for its alignment ("---", ":--:").
func delimiterRow(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return len(cells) > 0
}

// subHeaderGroups returns the label groups of a second table row under a header of width cells, and
// whether the row is a sub-header: it looks like one (isSubHeader) and has no more groups than the
// header has cells.
func subHeaderGroups(cells []string, width int) ([][]string, bool) {
	if !isSubHeader(cells) {
		return nil, false
	}
	groups := groupLabels(cells)
	return groups, len(groups) <= width
}

// looseCells splits a row that does not end with "|" into trimmed cells, as if it did.
func looseCells(line string) []string {
	cells := strings.Split(strings.TrimRightFunc(line, unicode.IsSpace)[1:], "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// buildTable rebuilds a table from its rows (rows[0] the header, rows[1] a sub-header when sub) and
// their 1-based lines. No row has more cells than the header, or, under a sub-header, than the
// columns it expands the header into.
func buildTable(rows [][]string, lines []int, sub bool) *Table {
	header := rows[0]
	width := len(header)
	t := &Table{Line: lines[0], Header: [][]string{header}}
	body, bodyLines := rows[1:], lines[1:]

	t.Columns = expand(header, nil, 0)
	if sub {
		groups := groupLabels(body[0])
		t.Header = append(t.Header, body[0])
		if aligned(header, body[0]) {
			t.Columns = underEach(header, body[0])
		} else {
			t.Columns = expand(header, groups, bestOffset(header, groups, body[1:]))
		}
		body, bodyLines = body[1:], bodyLines[1:]
	}
	// The rows were flattened to the header's width, or to that of the widest row when one is wider
	// (lenient parsing keeps rows as wide as the sub-header's columns).
	flat := width
	for _, cells := range body {
		flat = max(flat, len(cells))
	}
	for i := flat; i < len(t.Columns); i++ {
		t.Columns[i].Truncated = true
	}

	n := len(t.Columns)
	t.Rows = make([]Row, len(body))
	for r, cells := range body {
		padded := make([]string, n)
		copy(padded, cells)
		t.Rows[r] = Row{Line: bodyLines[r], Cells: padded, Filled: make([]bool, n)}
	}
	kinds := columnKinds(t.Rows, n)
	for r := range t.Rows {
		row := &t.Rows[r]
		var above *Row
		if r > 0 {
			above = &t.Rows[r-1]
		}
		if !realign(row, above, kinds) && above != nil {
			continueRow(row, above, kinds)
		}
	}
	for r := range t.Rows {
		row := &t.Rows[r]
		k := KindOf(row.Cells[0])
		row.Summary = !row.Continuation && k == KindText && kinds[0] != KindText && kinds[0] != KindEmpty
	}
	for i, k := range columnKinds(t.Rows, n) {
		t.Columns[i].Kind = k
	}
	return t
}

// bestOffset chooses the header cell under which the first sub-header group starts: the offset at
// which the body cells best fit the kinds the sub-labels promise. Ties go to the smallest offset of
// at least 1 (a first column labelling the rows, spanning both header rows), then to 0.
// keyColumns are the headers of the columns that name a row (the election, its year, its leader),
// which a sub-header does not divide.
var keyColumns = map[string]bool{"election": true, "elections": true, "year": true, "date": true, "leader": true,
	"party leader": true, "candidate": true, "no.": true, "name": true, "chairman": true, "term": true}

func bestOffset(header []string, groups [][]string, body [][]string) int {
	best, bestScore := -1, 0
	rank := func(off int) int {
		if off == 0 {
			return len(header)
		}
		return off
	}
	if len(header) > maxRuleColumns {
		return min(1, len(header)-len(groups))
	}
	for off := 0; off+len(groups) <= len(header); off++ {
		cols := expand(header, groups, off)
		kinds := make([]CellKind, len(cols))
		for i, c := range cols {
			kinds[i] = -1
			if c.Sub != "" {
				kinds[i] = subLabelKind(c.Sub)
			}
		}
		s := 0
		for _, cells := range body {
			s += score(cells, kinds, nil)
		}
		for g := range groups {
			if keyColumns[strings.ToLower(header[off+g])] {
				// "| Election | Leader | Votes | Seats |" over "| # | % | # | ± |": the labels are of
				// the figures; what names a row is not divided.
				s -= 2 * len(body)
			}
		}
		if best < 0 || s > bestScore || s == bestScore && rank(off) < rank(best) {
			best, bestScore = off, s
		}
	}
	return best
}

// columnKinds infers each column's kind from the cells that are not Filled. Each cell votes with the
// weight of its row (the row's count of non-empty cells, so that sparse rows such as totals and
// continuations weigh little) for every column kind it fits; the kind with the most weight wins,
// ties going to the more specific kind. A kind is a candidate only if some cell has exactly that kind.
func columnKinds(rows []Row, n int) []CellKind {
	cellKinds := make([][]CellKind, len(rows))
	weights := make([]int, len(rows))
	for r, row := range rows {
		cellKinds[r] = make([]CellKind, n)
		for c, cell := range row.Cells {
			if k := KindOf(cell); k != KindEmpty && !row.Filled[c] {
				cellKinds[r][c] = k
				weights[r]++
			}
		}
	}
	kinds := make([]CellKind, n)
	for c := range n {
		var weight [KindText + 1]int
		var present [KindText + 1]bool
		for r := range rows {
			k := cellKinds[r][c]
			if k == KindEmpty {
				continue
			}
			present[k] = true
			for col := KindInteger; col <= KindText; col++ {
				if fits(k, col) {
					weight[col] += weights[r]
				}
			}
		}
		best := KindEmpty
		for col := KindInteger; col <= KindText; col++ {
			if present[col] && (best == KindEmpty || weight[col] > weight[best]) {
				best = col
			}
		}
		kinds[c] = best
	}
	return kinds
}

// lastNonEmpty returns the index of the last cell that is not "", or -1.
func lastNonEmpty(cells []string) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if cells[i] != "" {
			return i
		}
	}
	return -1
}

// realign applies the shift rule: if a cell misfits its column, try shifting the cells after some
// cell i right by k, dropping k trailing "" cells, and keep the shift that fits best if it fits better
// than the row as written (ties go to the smaller k, then the smaller i). The k columns opened after
// cell i were spanned in the source: by cell i itself (a colspan) when it does not fit its own column,
// as a "Total" label does not fit a numbered column; otherwise by the cells above (a rowspan), and they
// are filled down from the row above when there is one.
func realign(row, above *Row, kinds []CellKind) bool {
	cells := row.Cells
	n := len(cells)
	ck := make([]CellKind, n)
	misfit := false
	for j, c := range cells {
		ck[j] = KindOf(c)
		misfit = misfit || ck[j] != KindEmpty && !fits(ck[j], kinds[j])
	}
	last := lastNonEmpty(cells)
	if !misfit || last < 1 || n > maxRuleColumns {
		return false
	}
	cellScore := func(j, col int) int {
		switch {
		case ck[j] == KindEmpty:
			return 0
		case fits(ck[j], kinds[col]):
			return 1
		}
		return -1
	}
	// prefix[i] is the score of cells 0..i in place; suffix[i] that of cells i+1..last shifted by k.
	prefix := make([]int, last+1)
	for j := 0; j <= last; j++ {
		prefix[j] = cellScore(j, j)
		if j > 0 {
			prefix[j] += prefix[j-1]
		}
	}
	bestI, bestK, bestScore := -1, 0, prefix[last]
	suffix := make([]int, last+1)
	for k := 1; k <= n-1-last; k++ {
		suffix[last] = 0
		for i := last - 1; i >= 0; i-- {
			suffix[i] = suffix[i+1] + cellScore(i+1, i+1+k)
		}
		for i := 0; i < last; i++ {
			if s := prefix[i] + suffix[i]; s > bestScore {
				bestI, bestK, bestScore = i, k, s
			}
		}
	}
	if bestI < 0 {
		return false
	}
	cand := make([]string, n)
	shift(cand, cells, bestI, bestK)
	row.Cells, row.Realigned = cand, true
	if k := ck[bestI]; above != nil && k != KindEmpty && fits(k, kinds[bestI]) {
		for j := bestI + 1; j <= bestI+bestK; j++ {
			row.Cells[j], row.Filled[j] = above.Cells[j], true
		}
		row.Continuation = true
	}
	return true
}

// maxRuleColumns is the widest table the kind-guided rules are applied to; the rows of a wider table
// are kept as written and its sub-header, if any, starts at offset 1 (or 0 when it must).
const maxRuleColumns = 256

// shift sets dst to src with k "" cells inserted after src[i] and the last k cells dropped.
func shift(dst, src []string, i, k int) {
	copy(dst, src[:i+1])
	for j := i + 1; j <= i+k; j++ {
		dst[j] = ""
	}
	copy(dst[i+k+1:], src[i+1:len(src)-k])
}

// continueRow applies the continuation rule: a row whose first cell misfits the first column and which
// has fewer non-empty cells than the row above continues it when its cells, moved to the last
// columns, fit better; the columns before them are filled down from the row above.
func continueRow(row, above *Row, kinds []CellKind) {
	cells := row.Cells
	first := KindOf(cells[0])
	if first == KindEmpty || fits(first, kinds[0]) || countNonEmpty(cells) >= countNonEmpty(above.Cells) {
		return
	}
	m := lastNonEmpty(cells) + 1
	n := len(cells)
	if m >= n || n > maxRuleColumns {
		return
	}
	cand := make([]string, n)
	filled := make([]bool, n)
	copy(cand, above.Cells[:n-m])
	copy(cand[n-m:], cells[:m])
	for i := range n - m {
		filled[i] = true
	}
	if score(cand, kinds, filled) <= score(cells, kinds, nil) {
		return
	}
	row.Cells, row.Filled, row.Realigned, row.Continuation = cand, filled, true, true
}

func countNonEmpty(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}

// splitRow splits "| a | b |" into trimmed cells; ok is false unless the line, without trailing white
// space, starts and ends with "|" and is at least "||".
func splitRow(line string) (cells []string, ok bool) {
	s := strings.TrimRightFunc(line, unicode.IsSpace)
	if len(s) < 2 || s[0] != '|' || s[len(s)-1] != '|' {
		return nil, false
	}
	cells = strings.Split(s[1:len(s)-1], "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells, true
}
