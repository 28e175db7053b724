package sources_test

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"annals/document"
	"annals/events"
	"annals/sources"
)

var update = flag.Bool("update", false, "rebuild ../seeds/COVERAGE.md from the seeds, keeping its hand-written reasons, and testdata/seed-entities.golden")

const (
	seedsDir     = "../seeds"
	coveragePath = "../seeds/COVERAGE.md"
)

// The kinds of statement a document is cut into.
const (
	kindTitle       = "title"
	kindInfoboxName = "infobox name"
	kindInfobox     = "infobox"
	kindHeading     = "heading"
	kindSentence    = "sentence"
	kindItem        = "item"
	kindLegend      = "legend"
	kindTableHeader = "table header"
	kindTableRow    = "table row"
)

// statement is one statement of a document: a title, an infobox line, a heading, a sentence of a
// paragraph, a list item, a legend line, or a table row.
type statement struct {
	Line       int    // 1-based line where it starts
	Kind       string // one of the kind constants
	Text       string // exactly as the document writes it
	Start, End int    // its bytes in the document's text
}

// segment cuts a document into its statements, in document order:
//   - the title line, as written ("= Title =" keeps its marks), and the infobox's name line when it
//     is not the title line;
//   - each infobox line, without its "- " marker;
//   - each heading line, as written ("==Party platform==");
//   - each sentence of each paragraph (see sentences);
//   - each list item, without a "- " marker but with its number ("1. A pension ...");
//   - each legend line and each table row (header rows and body rows), trimmed.
func segment(doc *document.Document) []statement {
	text := doc.Text
	lines := lineSpans(text)
	var out []statement
	whole := func(n int, kind string, marker string) {
		s, e := lines[n-1][0], lines[n-1][1]
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) && r != '\uFEFF' {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= size
		}
		if marker != "" && strings.HasPrefix(text[s:e], marker) {
			s += len(marker)
		}
		out = append(out, statement{Line: n, Kind: kind, Text: text[s:e], Start: s, End: e})
	}
	title := doc.Sections[0].Line
	whole(title, kindTitle, "")
	if ib := doc.Infobox; ib != nil {
		if ib.Line != title {
			whole(ib.Line, kindInfoboxName, "")
		}
		for _, f := range ib.Fields {
			whole(f.Line, kindInfobox, "- ")
		}
	}
	for _, sec := range doc.Sections {
		if sec.Level > 0 {
			whole(sec.Line, kindHeading, "")
		}
		for _, b := range sec.Blocks {
			switch b.Kind {
			case document.Paragraph:
				base := lines[b.Line-1][0]
				for _, sp := range sentences(b.Text) {
					s, e := base+sp[0], base+sp[1]
					out = append(out, statement{Line: lineAt(lines, s), Kind: kindSentence, Text: text[s:e], Start: s, End: e})
				}
			case document.List:
				for _, it := range b.Items {
					whole(it.Line, kindItem, "- ")
				}
			case document.Legend:
				for _, it := range b.Items {
					whole(it.Line, kindLegend, "")
				}
			case document.TableBlock:
				for i := range b.Table.Header {
					whole(b.Table.Line+i, kindTableHeader, "")
				}
				for _, r := range b.Table.Rows {
					whole(r.Line, kindTableRow, "")
				}
			}
		}
	}
	return out
}

// lineSpans returns the byte span of each line of text, without its "\n" or "\r\n".
func lineSpans(text string) [][2]int {
	var out [][2]int
	start := 0
	for {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			out = append(out, [2]int{start, len(text)})
			return out
		}
		end := start + i
		if end > start && text[end-1] == '\r' {
			end--
		}
		out = append(out, [2]int{start, end})
		start += i + 1
	}
}

// lineAt returns the 1-based line holding byte offset.
func lineAt(lines [][2]int, offset int) int {
	for i, sp := range lines {
		if offset <= sp[1] {
			return i + 1
		}
	}
	return len(lines)
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = []string{"c.", "ca.", "e.g.", "i.e.", "etc.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "vs.", "U.S.", "U.N."}

// sentences returns the byte spans of the sentences of a paragraph, trimmed of white space. A sentence
// ends at ".", "!" or "?" and any closing quotation marks or brackets right after it, when white space
// follows and then an upper-case letter, a digit, or an opening quotation mark or bracket; or at the
// end of the paragraph. A full stop after an abbreviation ("c.", "e.g.") or a single capital (an
// initial) ends no sentence.
func sentences(p string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(s, e int) {
		t := strings.TrimRightFunc(p[s:e], unicode.IsSpace)
		lead := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
		if strings.TrimSpace(t) != "" {
			out = append(out, [2]int{s + lead, s + len(t)})
		}
	}
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i
		for end < len(p) {
			c, n := utf8.DecodeRuneInString(p[end:])
			if !strings.ContainsRune(`"”’')]`, c) {
				break
			}
			end += n
		}
		next := end
		for next < len(p) {
			c, n := utf8.DecodeRuneInString(p[next:])
			if !unicode.IsSpace(c) {
				break
			}
			next += n
		}
		if next == end || next == len(p) {
			continue // no white space after it, or only white space to the end
		}
		c, _ := utf8.DecodeRuneInString(p[next:])
		if !unicode.IsUpper(c) && !unicode.IsDigit(c) && !strings.ContainsRune(`"“‘'([`, c) {
			continue
		}
		if r == '.' && abbreviated(p[start:i]) {
			continue
		}
		emit(start, end)
		start, i = next, next
	}
	emit(start, len(p))
	return out
}

// abbreviated reports whether s ends in an abbreviation or an initial.
func abbreviated(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	w := strings.TrimLeft(words[len(words)-1], `"“‘'(`)
	if slices.Contains(abbreviations, w) {
		return true
	}
	r, size := utf8.DecodeRuneInString(w)
	return size+1 == len(w) && unicode.IsUpper(r)
}

// foldedText is a text with its white space folded as events.FoldSpace folds it, with the offset in
// the original text of each of its bytes, so that a quote found in it can be placed in the original.
type foldedText struct {
	s  string
	at []int32
}

func fold(text string) foldedText {
	s, at := events.FoldSpaceAt(text)
	return foldedText{s, at}
}

// occurrences returns the spans, in the original text, of every occurrence of quote (compared as
// events.QuoteIn compares).
func (f foldedText) occurrences(quote string) [][2]int {
	q := events.FoldSpace(quote)
	var out [][2]int
	for from := 0; ; {
		i := events.QuoteIndex(f.s[from:], q)
		if i < 0 {
			return out
		}
		i += from
		out = append(out, [2]int{int(f.at[i]), int(f.at[i+len(q)-1]) + 1})
		from = i + 1
	}
}

func overlaps(sp [2]int, st statement) bool { return sp[0] < st.End && st.Start < sp[1] }

// seedDoc is one seed document with its statements and the facts that cite it.
type seedDoc struct {
	name       string
	doc        *document.Document
	folded     foldedText
	statements []statement
	facts      []events.Fact
}

// loadSeeds loads the seeds as the recorder does, and cuts each document into statements.
func loadSeeds(t *testing.T) ([]*seedDoc, map[events.FactID]events.Fact, []events.Fact) {
	t.Helper()
	in, err := sources.Load([]string{seedsDir})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*seedDoc
	byName := map[string]*seedDoc{}
	for _, name := range in.Documents {
		data, err := os.ReadFile(filepath.Join(seedsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := document.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		d := &seedDoc{name: name, doc: doc, folded: fold(doc.Text), statements: segment(doc)}
		docs = append(docs, d)
		byName[name] = d
	}
	ids := map[events.FactID]events.Fact{}
	for _, f := range in.Facts {
		ids[f.ID()] = f
		if d := byName[f.Source.Document]; d != nil {
			d.facts = append(d.facts, f)
		}
	}
	return docs, ids, in.Facts
}

// assign returns, for each statement of d, the facts that record it: each fact is placed at one
// occurrence of its quote (one that is exactly a statement if there is one, else the first) and
// cited by every statement that occurrence overlaps.
func assign(d *seedDoc) [][]events.Fact {
	out := make([][]events.Fact, len(d.statements))
	for _, f := range d.facts {
		occs := d.folded.occurrences(f.Source.Quote)
		if len(occs) == 0 {
			continue
		}
		at := occs[0]
	pick:
		for _, o := range occs {
			for _, st := range d.statements {
				if o[0] == st.Start && o[1] == st.End {
					at = o
					break pick
				}
			}
		}
		for i, st := range d.statements {
			if overlaps(at, st) {
				out[i] = append(out[i], f)
			}
		}
	}
	return out
}

// entry is one row of COVERAGE.md.
type entry struct {
	fileLine int // line of COVERAGE.md
	line     int
	kind     string
	text     string
	facts    []citation
	reason   string
}

type citation struct {
	id  events.FactID
	typ events.Type
}

// coverage is COVERAGE.md parsed: the rows under each "## NAME" heading, and the headings in order.
type coverage struct {
	docs []string
	rows map[string][]entry
}

var (
	docHeading = regexp.MustCompile("^## `?([^`]+?)`?$")
	citeRe     = regexp.MustCompile("^`([0-9a-f]{32})` (\\S+)$")
)

// parseCoverage parses COVERAGE.md. Rows are "| line | kind | "statement" | facts or — reason |"
// under a "## NAME" heading; pipes and backslashes in cells are escaped with a backslash. Every other
// line is prose. Errors name the line of the file.
func parseCoverage(data []byte) (*coverage, error) {
	c := &coverage{rows: map[string][]entry{}}
	doc := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if m := docHeading.FindStringSubmatch(line); m != nil {
			doc = m[1]
			if _, dup := c.rows[doc]; dup {
				return nil, fmt.Errorf("COVERAGE.md:%d: document %s listed twice", n, doc)
			}
			c.docs = append(c.docs, doc)
			c.rows[doc] = nil
			continue
		}
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells, err := splitCells(line)
		if err != nil {
			return nil, fmt.Errorf("COVERAGE.md:%d: %v", n, err)
		}
		if len(cells) != 4 {
			return nil, fmt.Errorf("COVERAGE.md:%d: a row has 4 cells (line, kind, statement, facts or reason), this one %d", n, len(cells))
		}
		if cells[0] == "line" || strings.Trim(cells[0], "-: ") == "" {
			continue // the table's header and its delimiter row
		}
		if doc == "" {
			return nil, fmt.Errorf("COVERAGE.md:%d: a row before any \"## document\" heading", n)
		}
		e := entry{fileLine: n, kind: cells[1]}
		if e.line, err = strconv.Atoi(cells[0]); err != nil {
			return nil, fmt.Errorf("COVERAGE.md:%d: line %q is not a number", n, cells[0])
		}
		st := cells[2]
		if len(st) < 2 || !strings.HasPrefix(st, `"`) || !strings.HasSuffix(st, `"`) {
			return nil, fmt.Errorf("COVERAGE.md:%d: statement %s is not in double quotes", n, st)
		}
		e.text = st[1 : len(st)-1]
		last := cells[3]
		switch {
		case strings.HasPrefix(last, "—"):
			e.reason = strings.TrimSpace(strings.TrimPrefix(last, "—"))
		case last != "":
			for _, item := range strings.Split(last, "<br>") {
				m := citeRe.FindStringSubmatch(strings.TrimSpace(item))
				if m == nil {
					return nil, fmt.Errorf("COVERAGE.md:%d: %q is neither \"`fact id` type\" nor \"— reason\"", n, item)
				}
				e.facts = append(e.facts, citation{events.FactID(m[1]), events.Type(m[2])})
			}
		}
		c.rows[doc] = append(c.rows[doc], e)
	}
	return c, sc.Err()
}

// splitCells splits a table row into its cells, trimmed, undoing the escapes \| and \\.
func splitCells(line string) ([]string, error) {
	s := strings.TrimSpace(line)
	if len(s) < 2 || !strings.HasSuffix(s, "|") || strings.HasSuffix(s, `\|`) && !strings.HasSuffix(s, `\\|`) {
		return nil, fmt.Errorf("table row does not end with an unescaped \"|\"")
	}
	var cells []string
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && (s[i+1] == '|' || s[i+1] == '\\'):
			b.WriteByte(s[i+1])
			i++
		case c == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return cells, nil
}

func escapeCell(s string) string {
	return strings.NewReplacer(`\`, `\\`, "|", `\|`, "\r\n", " ", "\n", " ").Replace(s)
}

// key is how a hand-written reason is matched to its statement when the file is rebuilt.
func key(doc, text string) string { return doc + "\x00" + events.FoldSpace(text) }

const coverageIntro = `# What the seeds state, and which facts record it

Every statement of the seed documents, in document order, with the facts of the record that
state it, or with the reason it states no fact. The facts are those ` + "`sources.Load`" + ` draws from
` + "`seeds/`" + `: the infobox and the tables by the rules in ` + "`extract/`" + `, the running text from the
curated ` + "`*.facts.json`" + ` files. A fact is named by its id (` + "`events.Fact.ID`" + `, a digest of its
type, entity, date, source and payload: the same at every recording) and its type.

Statements: the title line; the infobox's name line and each of its lines; each heading; each sentence
of each paragraph; each list item; each legend line; each table row, header rows included. A fact is
listed against every statement its quote overlaps (a quote that occurs more than once is placed where
it is a whole statement, else at its first occurrence).

Rebuild with ` + "`go test ./sources -run TestCoverage -update`" + `: statements and facts come from the
documents and the facts files; a reason (after "—") is written by hand and kept, matched by the
statement's text. ` + "`go test ./sources`" + ` fails when a statement of a document is missing here or is not
in its document, when a statement has neither facts nor a reason, when a cited fact does not exist or
its quote does not overlap the statement, and when a fact of the seeds is cited by no statement.
`

// render builds COVERAGE.md from the seeds, taking the reasons of statements without facts from old.
func render(docs []*seedDoc, old *coverage) string {
	reasons := map[string]string{}
	loose := map[string]string{} // by text alone, for a document renamed
	if old != nil {
		for _, doc := range old.docs {
			for _, e := range old.rows[doc] {
				if e.reason != "" {
					reasons[key(doc, e.text)] = e.reason
					loose[key("", e.text)] = e.reason
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString(coverageIntro)
	for _, d := range docs {
		fmt.Fprintf(&b, "\n## %s\n\n", d.name)
		b.WriteString("| line | kind | statement | facts or reason |\n|---:|---|---|---|\n")
		for i, facts := range assign(d) {
			st := d.statements[i]
			var last string
			if len(facts) > 0 {
				var items []string
				for _, f := range facts {
					items = append(items, fmt.Sprintf("`%s` %s", f.ID(), f.Type))
				}
				last = strings.Join(items, "<br>")
			} else if r := reasons[key(d.name, st.Text)]; r != "" {
				last = "— " + escapeCell(r)
			} else if r := loose[key("", st.Text)]; r != "" {
				last = "— " + escapeCell(r)
			}
			fmt.Fprintf(&b, "| %d | %s | \"%s\" | %s |\n", st.Line, st.Kind, escapeCell(st.Text), last)
		}
	}
	return b.String()
}

// checkCoverage returns what is wrong with c as an account of the seeds, one message per problem,
// each naming the document, the line and the statement.
func checkCoverage(docs []*seedDoc, ids map[events.FactID]events.Fact, all []events.Fact, c *coverage) []string {
	var problems []string
	report := func(doc string, line int, text, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d %q: %s", doc, line, text, fmt.Sprintf(format, args...)))
	}
	known := map[string]*seedDoc{}
	for _, d := range docs {
		known[d.name] = d
	}
	for _, name := range c.docs {
		if known[name] == nil {
			problems = append(problems, fmt.Sprintf("COVERAGE.md lists %s, which is not a seed document", name))
		}
	}
	cited := map[events.FactID]bool{}
	for _, d := range docs {
		rows, listed := c.rows[d.name]
		if !listed {
			problems = append(problems, fmt.Sprintf("%s: the document has no \"## %s\" section in COVERAGE.md", d.name, d.name))
		}
		// Every non-blank line of the document lies in a statement: the cut loses nothing.
		for n, sp := range lineSpans(d.doc.Text) {
			covered := strings.TrimSpace(d.doc.Text[sp[0]:sp[1]]) == ""
			for _, st := range d.statements {
				covered = covered || overlaps(sp, st)
			}
			if !covered {
				report(d.name, n+1, d.doc.Text[sp[0]:sp[1]], "this line is in no statement: the cut into statements misses it")
			}
		}
		type pos struct {
			line int
			text string
		}
		want := map[pos]int{} // index in d.statements
		for i, st := range d.statements {
			want[pos{st.Line, events.FoldSpace(st.Text)}] = i
		}
		seen := map[pos]int{} // index in rows
		var order []int       // the statements rows name, in the order of rows
		for ri, e := range rows {
			p := pos{e.line, events.FoldSpace(e.text)}
			if !d.doc.ContainsQuote(e.text) {
				report(d.name, e.line, e.text, "the statement does not occur in the document (COVERAGE.md:%d)", e.fileLine)
			}
			i, ok := want[p]
			switch {
			case !ok:
				report(d.name, e.line, e.text, "not a statement of the document at this line (COVERAGE.md:%d)", e.fileLine)
			case seen[p] > 0:
				report(d.name, e.line, e.text, "listed twice (COVERAGE.md:%d and %d)", rows[seen[p]-1].fileLine, e.fileLine)
			default:
				order = append(order, i)
				if st := d.statements[i]; e.kind != st.Kind {
					report(d.name, e.line, e.text, "kind %q, want %q (COVERAGE.md:%d)", e.kind, st.Kind, e.fileLine)
				}
			}
			seen[p] = ri + 1
			if len(e.facts) == 0 && e.reason == "" {
				report(d.name, e.line, e.text, "neither facts nor a reason (COVERAGE.md:%d): cite the facts that record it, or write \"— reason\"", e.fileLine)
			}
			dup := map[events.FactID]bool{}
			for _, ct := range e.facts {
				f, ok := ids[ct.id]
				if !ok {
					report(d.name, e.line, e.text, "cites fact %s, which is not a fact of the seeds (COVERAGE.md:%d)", ct.id, e.fileLine)
					continue
				}
				cited[ct.id] = true
				if dup[ct.id] {
					report(d.name, e.line, e.text, "cites fact %s twice (COVERAGE.md:%d)", ct.id, e.fileLine)
				}
				dup[ct.id] = true
				if ct.typ != f.Type {
					report(d.name, e.line, e.text, "cites fact %s as %s; it is %s (COVERAGE.md:%d)", ct.id, ct.typ, f.Type, e.fileLine)
				}
				if f.Source.Document != d.name {
					report(d.name, e.line, e.text, "cites fact %s, which quotes %s, not this document (COVERAGE.md:%d)", ct.id, f.Source.Label(), e.fileLine)
					continue
				}
				if i, isStatement := want[p]; isStatement {
					found := false
					for _, o := range d.folded.occurrences(f.Source.Quote) {
						found = found || overlaps(o, d.statements[i])
					}
					if !found {
						report(d.name, e.line, e.text, "cites fact %s, whose quote %q is not in this statement (COVERAGE.md:%d)", ct.id, f.Source.Quote, e.fileLine)
					}
				}
			}
		}
		if listed {
			for _, st := range d.statements {
				if seen[pos{st.Line, events.FoldSpace(st.Text)}] == 0 {
					report(d.name, st.Line, st.Text, "%s missing from COVERAGE.md", st.Kind)
				}
			}
			if !slices.IsSorted(order) {
				problems = append(problems, fmt.Sprintf("%s: the statements in COVERAGE.md are not in document order", d.name))
			}
		}
	}
	for _, f := range all {
		if !cited[f.ID()] {
			line := 0
			if d := known[f.Source.Document]; d != nil {
				line = d.doc.LineOf(f.Source.Quote)
			}
			problems = append(problems, fmt.Sprintf("%s:%d: fact %s (%s about %s, quoting %q) is cited by no statement of COVERAGE.md",
				f.Source.Label(), line, f.ID(), f.Type, f.Entity, f.Source.Quote))
		}
	}
	return problems
}

// TestCoverage checks seeds/COVERAGE.md against the seeds; with -update it rebuilds the file first.
func TestCoverage(t *testing.T) {
	docs, ids, all := loadSeeds(t)
	if *update {
		var old *coverage
		if data, err := os.ReadFile(coveragePath); err == nil {
			if old, err = parseCoverage(data); err != nil {
				t.Fatalf("read the reasons of the old file: %v", err)
			}
		}
		if err := os.WriteFile(coveragePath, []byte(render(docs, old)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(coveragePath)
	if err != nil {
		t.Fatalf("%v (run go test ./sources -run TestCoverage -update)", err)
	}
	c, err := parseCoverage(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range checkCoverage(docs, ids, all, c) {
		t.Error(p)
	}
}

// TestCoverageCatches breaks a good COVERAGE.md in each way the check must catch, and checks that it
// does.
func TestCoverageCatches(t *testing.T) {
	docs, ids, all := loadSeeds(t)
	// A good file: the one -update writes, with a reason wherever a statement has no fact.
	var lines []string
	for _, line := range strings.Split(render(docs, nil), "\n") {
		if strings.HasSuffix(line, "|  |") {
			line = strings.TrimSuffix(line, "|  |") + "| — a reason |"
		}
		lines = append(lines, line)
	}
	good := strings.Join(lines, "\n")
	c, err := parseCoverage([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if p := checkCoverage(docs, ids, all, c); len(p) > 0 {
		t.Fatalf("checkCoverage(the file -update writes, with reasons) = %q, want no problems", p)
	}

	idRe := regexp.MustCompile("[0-9a-f]{32}")
	factsCell := regexp.MustCompile("\\| `.*\\|$")
	// Rows to break: one with a reason, one with facts, and one whose only fact no other row cites.
	var reasonRow, factRow, loneRow string
	for _, line := range lines {
		switch {
		case !strings.HasPrefix(line, "| "):
		case reasonRow == "" && strings.HasSuffix(line, "| — a reason |"):
			reasonRow = line
		case factRow == "" && strings.Contains(line, "`"):
			factRow = line
		case loneRow == "" && len(idRe.FindAllString(line, -1)) == 1 && strings.Count(good, idRe.FindString(line)) == 1:
			loneRow = line
		}
	}
	if reasonRow == "" || factRow == "" || loneRow == "" {
		t.Fatalf("the seeds give no row with a reason (%q), with facts (%q), or with a fact cited once (%q)", reasonRow, factRow, loneRow)
	}
	factID := idRe.FindString(factRow)
	factType := string(ids[events.FactID(factID)].Type)
	loneID := idRe.FindString(loneRow)
	loneCell := "`" + loneID + "` " + string(ids[events.FactID(loneID)].Type)

	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("the file has no %q to break", old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	const delimiter = "|---:|---|---|---|\n"
	tests := []struct {
		name   string
		mutate func(string) string
		want   string // what a problem says
	}{
		{"unknown fact", replace(factID, strings.Repeat("0", 32)), "which is not a fact of the seeds"},
		{"statement not in its document", replace(reasonRow, strings.Replace(reasonRow, "\" |", " and more\" |", 1)), "does not occur in the document"},
		{"statement missing", replace(reasonRow+"\n", ""), "missing from COVERAGE.md"},
		{"neither facts nor a reason", replace(reasonRow, strings.Replace(reasonRow, "| — a reason |", "|  |", 1)), "neither facts nor a reason"},
		{"fact cited by no statement", replace(loneRow, factsCell.ReplaceAllString(loneRow, "| — a reason |")), "is cited by no statement"},
		{"fact cited at another statement", replace(reasonRow, strings.Replace(reasonRow, "| — a reason |", "| "+loneCell+" |", 1)), "is not in this statement"},
		{"fact of another type", replace("`"+factID+"` "+factType, "`"+factID+"` party.renamed/v9"), "party.renamed/v9"},
		{"wrong line", replace(reasonRow, regexp.MustCompile(`^\| \d+ \|`).ReplaceAllString(reasonRow, "| 99999 |")), "not a statement of the document at this line"},
		{"wrong kind", replace(reasonRow, regexp.MustCompile(`^(\| \d+ \|) [a-z ]+ \|`).ReplaceAllString(reasonRow, "$1 sentence |")), `kind "sentence"`},
		{"listed twice", replace(reasonRow, reasonRow+"\n"+reasonRow), "listed twice"},
		{"out of order", func(s string) string {
			return replace(delimiter, delimiter+reasonRow+"\n")(replace(reasonRow+"\n", "")(s))
		}, "not in document order"},
		{"document not a seed", replace("## "+docs[0].name, "## not-a-seed.txt"), "not a seed document"},
		{"document missing", replace("## "+docs[0].name, "## not-a-seed.txt"), "has no \"## " + docs[0].name + "\" section"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseCoverage([]byte(tt.mutate(good)))
			if err != nil {
				t.Fatalf("parseCoverage(file with %s): %v", tt.name, err)
			}
			expectProblem(t, checkCoverage(docs, ids, all, c), tt.name, tt.want)
		})
	}

	// A sentence added to a document is a statement the file lacks.
	t.Run("new sentence in a document", func(t *testing.T) {
		last := docs[len(docs)-1]
		text := strings.TrimRight(last.doc.Text, "\n") + " It was revived in 2030.\n"
		doc, err := document.Parse(last.name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		grown := *last
		grown.doc, grown.folded, grown.statements = doc, fold(text), segment(doc)
		changed := append(append([]*seedDoc{}, docs[:len(docs)-1]...), &grown)
		expectProblem(t, checkCoverage(changed, ids, all, c), "a new sentence", `"It was revived in 2030.": sentence missing from COVERAGE.md`)
	})
}

// expectProblem fails unless one of problems says want.
func expectProblem(t *testing.T, problems []string, what, want string) {
	t.Helper()
	for _, p := range problems {
		if strings.Contains(p, want) {
			return
		}
	}
	t.Errorf("checkCoverage(file with %s) = %q, want a problem saying %q", what, problems, want)
}

// A new sentence in a document is a statement the list lacks.
func TestCoverageSeesNewSentences(t *testing.T) {
	doc, err := document.Parse("x.txt", []byte("X Party\n\nIt was founded in 1990. It was \"renamed.\" It split (c. 1995). It ended.”.\n\n- A. Smith led it.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, st := range segment(doc) {
		got = append(got, fmt.Sprintf("%d %s %s", st.Line, st.Kind, st.Text))
	}
	want := []string{
		"1 title X Party",
		"3 sentence It was founded in 1990.",
		"3 sentence It was \"renamed.\"",
		"3 sentence It split (c. 1995).",
		"3 sentence It ended.”.",
		"5 item A. Smith led it.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("segment(doc) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
