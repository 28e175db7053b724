package document

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"annals/events"
)

// ErrMalformed is returned (wrapped in a *ParseError) when a document breaks the format: it is empty,
// is not UTF-8, holds a NUL byte, has no readable title, or, in strict mode, has a malformed infobox
// line, table row or heading.
var ErrMalformed = errors.New("malformed document")

// ParseError reports where and why a document is malformed. It wraps ErrMalformed, so
// errors.Is(err, ErrMalformed) holds for every error Parse returns.
type ParseError struct {
	Name string // the name given to Parse
	Line int    // 1-based line of the fault; 0 when the fault is the whole document
	Msg  string // what is wrong, without the name and line
}

// Error returns "document NAME:LINE: MSG", or "document NAME: MSG" when Line is 0.
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("document %s:%d: %s", e.Name, e.Line, e.Msg)
	}
	return fmt.Sprintf("document %s: %s", e.Name, e.Msg)
}

// Unwrap returns ErrMalformed.
func (e *ParseError) Unwrap() error { return ErrMalformed }

// Warning reports a part of a document that lenient parsing (or extraction) could not read: a table
// row, an infobox line, a heading, a value. Msg says what is wrong, then, after "; ", what was done
// about it ("row skipped"); the problem part is the Msg of the *ParseError strict parsing returns at
// the same line.
type Warning struct {
	Name string // the document's name
	Line int    // 1-based line of the part that could not be read; never 0
	Msg  string // what is wrong and what was done about it, without the name and line
}

// String returns "document NAME:LINE: MSG".
func (w Warning) String() string {
	return fmt.Sprintf("document %s:%d: %s", w.Name, w.Line, w.Msg)
}

// Options tune ParseWith. The zero value parses leniently.
type Options struct {
	// Strict refuses the document at its first malformed structure with a *ParseError, instead of
	// skipping that structure with a Warning.
	Strict bool
}

// Document is one parsed document. Every string in it is a substring of Text (trimmed of white space
// where the type says so) or a join of such substrings with "\n"; nothing is normalised. Line numbers
// are 1-based lines of Text.
//
// A Document returned by Parse must be treated as read-only; its methods do not modify it and are then
// safe for concurrent use.
type Document struct {
	Name     string     // the name given to Parse, usually the file name
	Title    string     // the level-1 heading, or else the first non-blank line, trimmed; never ""
	Infobox  *Infobox   // nil if the document has none
	Sections []*Section // Sections[0] is the lead (Title "", Level 0); then one per heading, in order
	Text     string     // the document exactly as given
	// Warnings lists, in line order, what lenient parsing could not read and skipped or aligned by
	// the evidence (see the package documentation); nil when all was read, and always nil in strict mode.
	Warnings []Warning

	folded bool    // norm and normAt were computed from Text by Parse
	norm   string  // events.FoldSpace(Text)
	normAt []int32 // normAt[i] is the offset in Text of the byte that produced norm[i]
}

// Section is the lead of a document or the text under one heading, up to the next heading of any
// level. Sections are not nested: Level tells the depth.
type Section struct {
	Title  string  // heading text, trimmed; "" for the lead and under a heading that could not be read
	Level  int     // number of "=" around the heading (2 for "==X=="); 0 where Title is ""
	Line   int     // line of the heading; for the lead, the line of the title
	Blocks []Block // in document order
}

// BlockKind tells what a Block holds.
type BlockKind int

// The kinds of Block.
const (
	Paragraph  BlockKind = iota + 1 // consecutive text lines: Text
	Legend                          // consecutive lines starting with white space: Text and Items
	List                            // bullet ("- x", "* x", "• x") or numbered ("1. x") items: Items
	TableBlock                      // consecutive "|" rows: Table
)

// String returns "paragraph", "legend", "list" or "table".
func (k BlockKind) String() string {
	switch k {
	case Paragraph:
		return "paragraph"
	case Legend:
		return "legend"
	case List:
		return "list"
	case TableBlock:
		return "table"
	}
	return "BlockKind(" + strconv.Itoa(int(k)) + ")"
}

// Block is one paragraph, legend, list or table of a section.
type Block struct {
	Kind BlockKind
	Line int // line of the block's first line
	// Text is, for a Paragraph, its lines exactly as written: the substring of Document.Text from
	// the first line's start to the last line's end, without the last line ending ("\n" or "\r\n").
	// For a Legend, its entries (trimmed) joined by "\n"; "" for a List or a TableBlock.
	Text string
	// Intro is, for a List or a TableBlock, the trimmed text of the paragraph just before it in the
	// same section when that paragraph is one line of at most MaxIntroRunes runes (a caption such as
	// "Executive Committee" or "The seven-point policies of the CNRP:"); otherwise "". The paragraph
	// remains a block of its own.
	Intro string
	Items []Item // the entries of a List or a Legend
	Table *Table // the table of a TableBlock; nil otherwise
}

// MaxIntroRunes is the longest paragraph, in runes, that is taken as the Intro of the list or table
// that follows it.
const MaxIntroRunes = 200

// Item is one entry of a list or legend.
type Item struct {
	Number int    // the number of a numbered item ("12. x" → 12); 0 for bullets and legend entries
	Text   string // the text after the marker, trimmed
	Line   int
}

// Parse parses a document leniently: it is ParseWith(name, data, Options{}).
func Parse(name string, data []byte) (*Document, error) {
	return ParseWith(name, data, Options{})
}

// ParseWith parses a document. name identifies it in errors and warnings and becomes Document.Name.
// data must be UTF-8 text with at least one non-blank line; it is kept byte for byte in Document.Text.
//
// ParseWith returns a *ParseError wrapping ErrMalformed, in either mode, when data is empty or blank,
// is not valid UTF-8, holds a NUL byte, or has no readable title: the first non-blank line is a
// heading of level 2 or more, or a heading whose "=" marks are unbalanced or enclose no text.
//
// The other faults are structures it cannot read: a line of the infobox run that is not
// "- Key: Value", a line starting with "|" that does not end with "|", a table row with more cells
// than the table's header row, a heading whose "=" marks are unbalanced or enclose no text. With
// opts.Strict the first of them is a *ParseError. Otherwise each becomes a Warning in
// Document.Warnings, the structure is skipped or aligned by the evidence as the package documentation
// says, and the rest of the document is parsed; the first Warning then names the line and problem of
// the error strict parsing would return. ParseWith is safe for concurrent use.
func ParseWith(name string, data []byte, opts Options) (*Document, error) {
	p := &parser{name: name, strict: opts.Strict}
	if err := p.check(data); err != nil {
		return nil, err
	}
	text := string(data)
	p.text = text
	p.lines = strings.Split(text, "\n")
	p.offsets = make([]int, len(p.lines))
	off := 0
	for i, l := range p.lines {
		p.offsets[i] = off
		off += len(l) + 1
		p.lines[i] = strings.TrimSuffix(l, "\r")
	}
	if l, ok := strings.CutPrefix(p.lines[0], "\uFEFF"); ok { // a byte order mark is not part of the title
		p.lines[0] = l
		p.offsets[0] += len("\uFEFF")
	}
	d := &Document{Name: name, Text: text}
	d.norm, d.normAt = events.FoldSpaceAt(text)
	d.folded = true
	if err := p.parse(d); err != nil {
		return nil, err
	}
	d.Warnings = p.warnings
	return d, nil
}

type parser struct {
	name     string
	strict   bool
	text     string
	lines    []string // the lines of text, without "\n", a "\r" before it, or a leading byte order mark
	offsets  []int    // offsets[i] is the byte offset in text of lines[i]
	warnings []Warning
}

func (p *parser) errorf(line int, format string, args ...any) error {
	return &ParseError{Name: p.name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// problem reports a structure at line that cannot be read: in strict mode it returns the *ParseError
// for msg; otherwise it records the Warning "msg; action" and returns nil, and the caller goes on.
func (p *parser) problem(line int, msg, action string) error {
	if p.strict {
		return p.errorf(line, "%s", msg)
	}
	p.warnings = append(p.warnings, Warning{Name: p.name, Line: line, Msg: msg + "; " + action})
	return nil
}

// check rejects empty, blank, non-UTF-8 and NUL-holding input.
func (p *parser) check(data []byte) error {
	line := 1
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == 0:
			return p.errorf(line, "NUL byte")
		case c == '\n':
			line++
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				return p.errorf(line, "invalid UTF-8")
			}
			i += size
			continue
		}
		i++
	}
	if strings.TrimSpace(strings.TrimPrefix(string(data), "\uFEFF")) == "" {
		return p.errorf(0, "empty document")
	}
	return nil
}

func (p *parser) parse(d *Document) error {
	n := len(p.lines)
	wikiBox := p.templates()
	i := p.nextNonBlank(0)
	if i == n {
		return p.errorf(1, "document holds only templates, no title or text")
	}
	titleLine := i
	fromLead := false
	if line := p.lines[i]; kindOf(line) == lineHeading {
		level, title, msg := p.heading(i)
		if msg != "" {
			return p.errorf(i+1, "%s", msg)
		}
		if level != 1 {
			return p.errorf(i+1, "document does not begin with a title: level-%d heading first", level)
		}
		d.Title = title
	} else if title, ok := leadTitle(line, wikiBox != nil); ok {
		// The document opens with its lead, no title line (a page's source copied whole): the
		// title is the name the lead opens with, and the line stays the lead's first paragraph.
		d.Title, fromLead = title, true
		i--
	} else {
		d.Title = strings.TrimSpace(line)
	}
	i++

	// The infobox: either the title line itself is followed by "- Key: Value" lines, or the next
	// non-blank line is a plain name line followed by them; or, the same, by two or more lines
	// "Key: Value" without the dash.
	field, bad := parseField, `infobox line is not "- Key: Value"`
	bare := func(k int) bool {
		_, ok1 := parseBareField(p.lines[k])
		_, ok2 := parseBareField(p.lines[min(k+1, n-1)])
		return k+1 < n && ok1 && ok2 && kindOf(p.lines[k]) == lineText
	}
	// Or the fields come after a blank line, or after a tagline and a blank line ("From Wikipedia,
	// the free encyclopedia"), with the title as the infobox name; the tagline stays in the text.
	j := p.nextNonBlank(i)
	k := -1 // the first line of fields that follow a blank line
	switch {
	case j < n && (isField(p.lines[j]) || bare(j)):
		k = j
	case j+1 < n && p.tagline(j) && isBlank(p.lines[j+1]) && p.fieldsAfterShortLines(p.nextNonBlank(j+1), 0, bare) >= 0:
		k = p.fieldsAfterShortLines(p.nextNonBlank(j+1), 0, bare)
	default:
		// A tagline, the name, the name in another script, each on a line of its own (a blank
		// line may follow the tagline), then the fields: the short lines stay in the text.
		k = p.fieldsAfterShortLines(j, 2, bare)
	}
	skipFrom := n // the infobox's lines, from a name line on, are not part of the text
	switch {
	case i < n && isField(p.lines[i]):
		d.Infobox = &Infobox{Name: d.Title, Line: titleLine + 1}
	case i < n && bare(i):
		d.Infobox = &Infobox{Name: d.Title, Line: titleLine + 1}
		field, bad = parseBareField, `infobox line is not "Key: Value"`
	case k >= 0:
		d.Infobox = &Infobox{Name: d.Title, Line: titleLine + 1}
		skipFrom = k
		if !isField(p.lines[k]) {
			field, bad = parseBareField, `infobox line is not "Key: Value"`
		}
	case j+1 < n && kindOf(p.lines[j]) == lineText && isField(p.lines[j+1]):
		d.Infobox = &Infobox{Name: strings.TrimSpace(p.lines[j]), Line: j + 1}
		i = j + 1
	case j+1 < n && kindOf(p.lines[j]) == lineText && bare(j+1):
		d.Infobox = &Infobox{Name: strings.TrimSpace(p.lines[j]), Line: j + 1}
		i = j + 1
		field, bad = parseBareField, `infobox line is not "Key: Value"`
	}
	start := i // where the text resumes: after the infobox, or, with a tagline, before it
	if skipFrom < n {
		i = skipFrom
	}
	if d.Infobox != nil {
	fields:
		for ; i < n && !isBlank(p.lines[i]); i++ {
			f, ok := field(p.lines[i])
			if !ok {
				// A heading or a table starts a structure of its own: the infobox lacks the blank
				// line that ends it. Anything else is an unreadable line of the infobox.
				k := kindOf(p.lines[i])
				action := "line skipped"
				if k == lineHeading || k == lineTable {
					action = "the infobox ends before it"
				}
				if err := p.problem(i+1, bad, action); err != nil {
					return err
				}
				if k == lineHeading || k == lineTable {
					break fields
				}
				continue
			}
			f.Line = i + 1
			d.Infobox.Fields = append(d.Infobox.Fields, f)
		}
	}

	if d.Infobox == nil && wikiBox != nil {
		d.Infobox = wikiBox
		if wikiBox.Name == "" {
			wikiBox.Name = d.Title
		} else if fromLead && strings.Contains(d.Text, wikiBox.Name) {
			d.Title = wikiBox.Name // the infobox names the party; the lead's first words may not
		}
	}

	skipTo := i
	if skipFrom < n {
		i = start
	} else {
		skipFrom = n
	}
	sec := &Section{Line: titleLine + 1}
	d.Sections = append(d.Sections, sec)
	for i < n {
		if i == skipFrom {
			i = skipTo
			continue
		}
		line := p.lines[i]
		switch kindOf(line) {
		case lineBlank:
			i++
		case lineHeading:
			level, title, msg := p.heading(i)
			if msg != "" {
				// What follows the heading is not part of the section before it: it opens a section
				// whose title could not be read.
				if err := p.problem(i+1, msg, "heading skipped; what follows is an untitled section"); err != nil {
					return err
				}
				title, level = "", 0
			}
			sec = &Section{Title: title, Level: level, Line: i + 1}
			d.Sections = append(d.Sections, sec)
			i++
		case lineTable:
			start := i
			for i < n && kindOf(p.lines[i]) == lineTable {
				i++
			}
			t, err := p.table(start, i)
			if err != nil {
				return err
			}
			if t != nil {
				sec.add(Block{Kind: TableBlock, Line: t.Line, Table: t})
			}
		case lineTabRow:
			// "Election<TAB>Votes<TAB>Seats", "Election | Votes | Seats": a table copied from a
			// page as text, its cells parted by tabs or by bars; a line alone is text.
			start := i
			for i < n && kindOf(p.lines[i]) == lineTabRow {
				i++
			}
			if i-start < 2 {
				sec.add(Block{Kind: Paragraph, Line: start + 1, Text: p.text[p.offsets[start] : p.offsets[start]+len(p.lines[start])]})
				continue
			}
			raw := make([]rawRow, 0, i-start)
			for k := start; k < i; k++ {
				sep := "\t"
				if strings.Count(p.lines[k], "\t") < 2 {
					sep = "|"
				}
				cells := strings.Split(strings.TrimSuffix(strings.TrimRight(p.lines[k], " \r"), sep), sep)
				for c := range cells {
					cells[c] = strings.TrimSpace(cells[c])
				}
				raw = append(raw, rawRow{cells: cells, first: k, last: k})
			}
			t, err := p.readTable(raw)
			if err != nil {
				return err
			}
			if t != nil {
				sec.add(Block{Kind: TableBlock, Line: t.Line, Table: t})
			}
		case lineWikiTable:
			end, next, err := p.wikiTableEnd(i)
			if err != nil {
				return err
			}
			t, err := p.wikiTable(i, end)
			if err != nil {
				return err
			}
			if t != nil {
				sec.add(Block{Kind: TableBlock, Line: t.Line, Table: t})
			}
			i = next
		case lineLegend:
			b := Block{Kind: Legend, Line: i + 1}
			var texts []string
			for ; i < n && kindOf(p.lines[i]) == lineLegend; i++ {
				t := strings.TrimSpace(p.lines[i])
				texts = append(texts, t)
				b.Items = append(b.Items, Item{Text: t, Line: i + 1})
			}
			b.Text = strings.Join(texts, "\n")
			sec.add(b)
		case lineBullet:
			b := Block{Kind: List, Line: i + 1}
			for ; i < n && kindOf(p.lines[i]) == lineBullet; i++ {
				text, _ := bulletText(p.lines[i])
				b.Items = append(b.Items, Item{Text: text, Line: i + 1})
			}
			sec.add(b)
		case lineNumbered:
			b := Block{Kind: List, Line: i + 1}
			for i < n {
				num, text, ok := numberedItem(p.lines[i])
				if !ok {
					// Blank lines do not end the list when the numbering continues after them.
					j := p.nextNonBlank(i)
					if j == i || j >= n {
						break
					}
					if next, _, ok := numberedItem(p.lines[j]); !ok || next != b.Items[len(b.Items)-1].Number+1 {
						break
					}
					i = j
					continue
				}
				b.Items = append(b.Items, Item{Number: num, Text: text, Line: i + 1})
				i++
			}
			sec.add(b)
		default:
			start := i
			for i < n && kindOf(p.lines[i]) == lineText {
				i++
			}
			end := p.offsets[i-1] + len(p.lines[i-1])
			sec.add(Block{Kind: Paragraph, Line: start + 1, Text: p.text[p.offsets[start]:end]})
		}
	}
	if d.Infobox == nil {
		d.Infobox = leadInfobox(d)
	}
	if len(d.Sections) == 1 {
		d.Sections = plainHeadings(d.Sections[0])
	}
	if d.Infobox == nil || d.Infobox.Name == d.Title {
		if name, ok := headlineName(d.Title, leadText(d)); ok {
			if d.Infobox != nil {
				d.Infobox.Name = name
			}
			d.Title = name
		}
	}
	return nil
}

// leadText returns the lead's paragraphs, joined.
func leadText(d *Document) string {
	var b strings.Builder
	for _, blk := range d.Sections[0].Blocks {
		if blk.Kind == Paragraph {
			b.WriteString(blk.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// headlineName returns the name a headline is about, when the title is a headline over the text
// rather than a name ("The end of a Šumadija party: a backgrounder on the People's Labour Party"):
// the longest name in it (capitalised words, and the small words between them) that the lead
// repeats. A title is a headline when it has two words in lower case that no name has between its
// capitalised words ("end", "backgrounder"), or one such word and a colon or a dash, or a colon or a
// dash and the lead does not repeat it whole ("Between the Factory Floor and Exile: The Belarusian
// Social Labour Union, 1990–2023").
func headlineName(title, lead string) (string, bool) {
	words := strings.Fields(title)
	if len(words) < 5 {
		return "", false
	}
	lower, colon := 0, strings.ContainsAny(title, ":—–|")
	for _, w := range words {
		w = strings.Trim(w, ":,;—–|\"'“”‘’()")
		if r, _ := utf8.DecodeRuneInString(w); w != "" && unicode.IsLower(r) && !nameParticles[strings.ToLower(w)] {
			lower++
		}
	}
	if lower < 2 && !(lower == 1 && colon) && !(colon && !strings.Contains(lead, title)) {
		return "", false // a name; but a title and its subtitle the lead does not repeat are a headline
	}
	best := ""
	for _, m := range titleNameRE().FindAllString(title, -1) {
		// The name may start after the first words ("How the Movement for a Democratic Slovenia"):
		// each tail that starts with a capital is a candidate.
		words := strings.Fields(m)
		for i := range words {
			if r, _ := utf8.DecodeRuneInString(words[i]); unicode.IsLower(r) || nameParticles[strings.ToLower(words[i])] {
				continue
			}
			name := strings.Join(words[i:], " ")
			if len(words)-i >= 2 && len(name) > len(best) && strings.Contains(lead, name) {
				best = name
			}
		}
	}
	return best, best != ""
}

// nameParticles are the words in lower case that names have between their capitalised words.
var nameParticles = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "de": true,
	"la": true, "le": true, "les": true, "du": true, "des": true, "del": true, "y": true, "e": true, "i": true,
	"und": true, "für": true, "van": true, "von": true, "da": true, "do": true, "dos": true, "das": true,
	"al": true, "el": true, "a": true, "to": true, "on": true}

// titleNameRE matches a name in a title: capitalised words (or words in a script without case), with
// the small words of names (nameParticles) between them.
var titleNameRE = sync.OnceValue(func() *regexp.Regexp {
	small := slices.Sorted(maps.Keys(nameParticles))
	word := `(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’.-]*`
	return regexp.MustCompile(word + `(?:\s+(?:(?:` + strings.Join(small, "|") + `)\s+)*` + word + `)*`)
})

// leadInfobox returns the infobox a page gives as a list in its lead, after its first paragraph
// ("- **Founded:** December 1994", "- Ideology: Centrism"), and takes the list out of the lead: a
// list of two items or more, every one a "Key: Value" field (parseBareField, bold keys too), one of
// them with a key infoboxes give. Nil when there is none.
func leadInfobox(d *Document) *Infobox {
	lead := d.Sections[0]
	for bi, b := range lead.Blocks {
		if b.Kind == TableBlock {
			if fields := tableFields(b.Table); fields != nil {
				lead.Blocks = slices.Delete(lead.Blocks, bi, bi+1)
				return &Infobox{Name: d.Title, Line: b.Line, Fields: fields}
			}
			continue
		}
		if b.Kind != List || len(b.Items) < 2 {
			continue
		}
		var fields []Field
		known := false
		for _, it := range b.Items {
			f, ok := parseBareField(strings.TrimSpace(it.Text))
			if !ok {
				fields = nil
				break
			}
			f.Line = it.Line
			fields = append(fields, f)
			known = known || infoboxKeyRE().MatchString(f.Key)
		}
		if fields == nil || !known {
			continue
		}
		lead.Blocks = slices.Delete(lead.Blocks, bi, bi+1)
		return &Infobox{Name: d.Title, Line: b.Line, Fields: fields}
	}
	return nil
}

// tableFields reads a table of two columns as the fields of an infobox ("| Quick facts | |", then
// "| Founded | 2 June 1998 |"): every body row a key and its value, written in the row, two or more
// rows, one key a known infobox key. Any other table gives nil.
func tableFields(t *Table) []Field {
	if len(t.Columns) != 2 || len(t.Rows) < 2 {
		return nil
	}
	var fields []Field
	known := false
	for _, r := range t.Rows {
		key, value := r.Cells[0], r.Cells[1]
		if key == "" || !strings.Contains(r.Text, key) || !strings.Contains(r.Text, value) {
			return nil
		}
		f := Field{Key: key, Value: value, Line: r.Line}
		f.Base, f.Index, f.Part = splitKey(key)
		fields = append(fields, f)
		known = known || infoboxKeyRE().MatchString(key)
	}
	if !known {
		return nil
	}
	return fields
}

// infoboxKeyRE matches the keys a party's infobox gives.
var infoboxKeyRE = lazyRegexp(`(?i)^(?:founded|foundation|formation|founders?|leaders?|chairman|chairwoman|president|secretary-general|dissolved|dissolution|merged\s+into|merger(?:\s+of)?|split\s+from|headquarters|ideology|(?:political\s+)?position|abbreviation|native\s+name|colou?rs|successor|predecessor|international(?:\s+affiliation)?|newspaper|youth\s+wing|membership)$`)

// plainHeadings splits the one section of a document written without heading markup (a page copied
// as plain text) at the lines that stand as headings: a one-line paragraph after the lead's running
// text that reads as a title, not a sentence (plainHeading). Each opens a Section of level 2.
func plainHeadings(lead *Section) []*Section {
	out := []*Section{lead}
	blocks := lead.Blocks
	lead.Blocks = nil
	sec, prose := lead, false
	for _, b := range blocks {
		if b.Kind == Paragraph && prose && plainHeading(b.Text) {
			sec = &Section{Title: strings.TrimSpace(b.Text), Level: 2, Line: b.Line}
			out = append(out, sec)
			continue
		}
		// A heading copied without a blank line after it: "Merger\nAfter the political opening
		// …", "Electoral history\nHouse of Peoples' Representatives\n- 1995: boycotted". A title
		// right under another is its subsection.
		level := 2
		for b.Kind == Paragraph && prose {
			title, rest, ok := strings.Cut(b.Text, "\n")
			if !ok || !headingOverText(title, rest) {
				break
			}
			sec = &Section{Title: strings.TrimSpace(title), Level: level, Line: b.Line}
			out = append(out, sec)
			b = Block{Kind: Paragraph, Line: b.Line + 1, Text: rest}
			level = 3
		}
		if b.Kind == Paragraph && prose && plainHeading(b.Text) && level == 3 {
			sec = &Section{Title: strings.TrimSpace(b.Text), Level: 3, Line: b.Line}
			out = append(out, sec)
			continue
		}
		if b.Kind == Paragraph && !plainHeading(b.Text) {
			prose = true // the lead's running text has begun: a title line after it is a heading
		}
		b.Intro = "" // taken again from the block before it in its own section
		sec.add(b)
	}
	return out
}

// plainHeading reports whether a paragraph reads as a heading: one line of at most maxPlainHeading
// runes and eight words, starting with a capital letter or a digit, not ending as a sentence or a
// label does (".", ":", ";", ",", "!", "?").
func plainHeading(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || strings.Contains(t, "\n") || utf8.RuneCountInString(t) > maxPlainHeading || len(strings.Fields(t)) > 8 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return (unicode.IsUpper(first) || unicode.IsDigit(first)) && !strings.ContainsRune(".:;,!?", last)
}

// headingOverText reports whether the first line of a paragraph is a heading written right over the
// text it heads: a plain heading of at most five words, not ending in a word that goes on into the
// next line ("founded in 1990 by"), over a line that begins as a sentence or a title does (a capital
// letter or a digit).
func headingOverText(title, rest string) bool {
	words := strings.Fields(title)
	if !plainHeading(title) || len(words) > 5 || strings.TrimSpace(rest) == "" {
		return false
	}
	if continues[strings.ToLower(words[len(words)-1])] {
		return false
	}
	next, _, _ := strings.Cut(strings.TrimSpace(rest), "\n")
	if termEndRE().MatchString(title) && termEndRE().MatchString(strings.TrimSpace(next)) {
		return false // "Mohammad Abdul Matin Sarkar (1974–1989)" over another such line: a list a line each
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(rest))
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// termEndRE matches a line that ends with a term in brackets: "(1974–1989)", "(acting 1989–1990)".
var termEndRE = lazyRegexp(`\([^()]*\d{4}[^()]*\)\s*$`)

// continues are the words a line of running text may break after, in the middle of a sentence.
var continues = map[string]bool{"the": true, "a": true, "an": true, "of": true, "by": true, "in": true, "on": true,
	"to": true, "and": true, "or": true, "for": true, "with": true, "at": true, "from": true, "as": true,
	"its": true, "his": true, "her": true, "their": true, "was": true, "were": true, "is": true, "are": true}

// maxPlainHeading is the length of the longest line read as a plain heading, in runes.
const maxPlainHeading = 60

// add appends b to the section, setting the Intro of a list or table from the paragraph before it.
func (s *Section) add(b Block) {
	if (b.Kind == List || b.Kind == TableBlock) && len(s.Blocks) > 0 {
		prev := s.Blocks[len(s.Blocks)-1]
		t := strings.TrimSpace(prev.Text)
		if prev.Kind == Paragraph && !strings.Contains(t, "\n") && utf8.RuneCountInString(t) <= MaxIntroRunes {
			b.Intro = t
		}
	}
	s.Blocks = append(s.Blocks, b)
}

// maxTitleRunes is the length of the longest first line read as a title line; a longer one, or one
// with a sentence in it, is the lead (see leadTitle).
const maxTitleRunes = 120

// leadTitle returns the title of a document that opens with its lead instead of a title line: the
// name in bold (”'Name”') the line opens with, else the words before the first bracket, comma,
// " is " or " was ". It reports false for a line that reads as a title: short and no sentence,
// unless the line comes after a page's templates (a page's source opens with its lead).
func leadTitle(line string, afterTemplates bool) (string, bool) {
	t := strings.TrimSpace(line)
	if !afterTemplates && utf8.RuneCountInString(t) <= maxTitleRunes && !sentenceInRE().MatchString(t) {
		return "", false
	}
	if rest, ok := strings.CutPrefix(t, "'''"); ok {
		if name, _, ok := strings.Cut(rest, "'''"); ok && strings.TrimSpace(name) != "" {
			return strings.TrimSpace(name), true
		}
	}
	if loc := leadNameEndRE().FindStringIndex(t); loc != nil && loc[0] > 0 && utf8.RuneCountInString(t[:loc[0]]) <= maxTitleRunes/2 {
		name := strings.TrimSpace(t[:loc[0]])
		if rest, ok := strings.CutPrefix(name, "The "); ok && rest != "" {
			name = rest // "The Union Party (UP) was …": the Union Party
		}
		return name, true
	}
	return "", false
}

// sentenceInRE finds the end of a sentence inside a line; leadNameEndRE where the name a lead opens
// with ends.
var (
	sentenceInRE  = lazyRegexp(`[.!?]["”’')\]]?\s+\p{Lu}`)
	leadNameEndRE = lazyRegexp(`\s*\(|,|\s+(?:is|was|are|were)\s`)
)

// tagline reports whether line i may be a line between a title and its infobox, such as "From
// Wikipedia, the free encyclopedia": one short line of text.
func (p *parser) tagline(i int) bool {
	return kindOf(p.lines[i]) == lineText && utf8.RuneCountInString(strings.TrimSpace(p.lines[i])) <= maxTagline
}

// fieldsAfterShortLines returns the first line of infobox fields at or after line l once at least
// min and at most maxTaglines short lines have been passed over (the name, the name in another
// script), or -1.
func (p *parser) fieldsAfterShortLines(l, min int, bare func(int) bool) int {
	short := 0
	for short < maxTaglines && l < len(p.lines) && p.tagline(l) && !isField(p.lines[l]) && !bare(l) {
		l, short = p.nextNonBlank(l+1), short+1
	}
	if short >= min && l < len(p.lines) && (isField(p.lines[l]) || bare(l)) {
		return l
	}
	return -1
}

// maxTaglines is how many short lines may stand between a title and its infobox.
const maxTaglines = 3

// maxTagline is the length of the longest tagline, in characters.
const maxTagline = 80

// templates reads the MediaWiki templates that stand on lines of their own before the first section
// heading: their lines are no text (they are blanked), and the first infobox template among them is
// returned as the document's infobox (nil when there is none), its Name the value of its "name" key.
func (p *parser) templates() *Infobox {
	var box *Infobox
	for i := 0; i < len(p.lines); i++ {
		l := p.lines[i]
		if strings.HasPrefix(l, "==") || strings.HasPrefix(l, "## ") {
			break // the first section: templates after it are the sections' own
		}
		if !isTemplateStart(l) {
			continue
		}
		end := p.templateEnd(i, maxTemplateLines)
		if end < 0 {
			continue
		}
		last := p.lines[end]
		close := strings.LastIndex(last, "}}") + len("}}")
		rest := strings.TrimSpace(last[close:])
		infobox := box == nil && isInfoboxStart(l)
		if rest != "" && !infobox {
			continue // a template that begins a line of text: "{{lang|km|…}} is a party"
		}
		if infobox {
			box = &Infobox{Line: i + 1, Template: true}
			for _, f := range p.wikiInfobox(i, end) {
				if strings.EqualFold(f.Key, "name") {
					box.Name = f.Value
					continue
				}
				box.Fields = append(box.Fields, f)
			}
		}
		for k := i; k < end; k++ {
			p.lines[k] = ""
		}
		// The text after the template's braces on its last line is text of its own.
		p.offsets[end] += close + (len(last[close:]) - len(strings.TrimLeftFunc(last[close:], unicode.IsSpace)))
		p.lines[end] = rest
		i = end
	}
	return box
}

// maxTemplateLines is how many lines a template before the first section may span.
const maxTemplateLines = 400

// nextNonBlank returns the index of the first non-blank line at or after i, or len(lines).
func (p *parser) nextNonBlank(i int) int {
	for i < len(p.lines) && isBlank(p.lines[i]) {
		i++
	}
	return i
}

// heading parses line i, which starts with "="; msg says what is wrong with it, or is "".
func (p *parser) heading(i int) (level int, title, msg string) {
	s := strings.TrimRightFunc(p.lines[i], unicode.IsSpace)
	if m := markdownHeadingRE().FindStringSubmatch(s); m != nil {
		if strings.TrimSpace(m[2]) == "" {
			return 0, "", "heading has no text" // "# \v #": white space RE2's \S lets through
		}
		return len(m[1]), strings.TrimSpace(m[2]), "" // "## History", "## History ##"
	}
	lead := len(s) - len(strings.TrimLeft(s, "="))
	if lead == len(s) {
		return 0, "", "heading has no text"
	}
	trail := len(s) - len(strings.TrimRight(s, "="))
	if lead != trail {
		return 0, "", fmt.Sprintf(`unbalanced heading: %d "=" before the text, %d after`, lead, trail)
	}
	title = strings.TrimSpace(s[lead : len(s)-trail])
	if title == "" {
		return 0, "", "heading has no text"
	}
	return lead, title, ""
}

type lineKind int

const (
	lineBlank lineKind = iota
	lineHeading
	lineTable
	lineWikiTable // "{|": a table in MediaWiki's markup, up to "|}"
	lineTabRow    // a row of a table whose cells tabs part, or bars without the outer ones
	lineLegend
	lineBullet
	lineNumbered
	lineText
)

// kindOf classifies one line by its first bytes.
func kindOf(line string) lineKind {
	switch {
	case isBlank(line):
		return lineBlank
	case line[0] == '=', markdownHeadingRE().MatchString(line):
		return lineHeading
	case line[0] == '|':
		return lineTable
	case strings.HasPrefix(line, "{|"):
		return lineWikiTable
	case strings.Count(line, "\t") >= 2 && !unicode.IsSpace(rune(line[0])):
		return lineTabRow
	case strings.Count(line, " | ") >= 2 && !unicode.IsSpace(rune(line[0])):
		return lineTabRow // "1976 | 29,406 | 0.52 | 0/263": a "|" table without its outer bars
	}
	if _, ok := bulletText(line); ok {
		return lineBullet
	}
	if r, _ := utf8.DecodeRuneInString(line); unicode.IsSpace(r) {
		return lineLegend
	}
	if _, _, ok := numberedItem(line); ok {
		return lineNumbered
	}
	return lineText
}

// markdownHeadingRE matches a Markdown heading: one to six "#", a space, the text, and optionally
// "#" again after it.
var markdownHeadingRE = lazyRegexp(`^(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$`)

// bullets are the marks that open a bullet item: "- x", "* x", "• x".
var bullets = []string{"- ", "* ", "• "}

// bulletText returns the text of a bullet item, and false for a line that is none.
func bulletText(line string) (string, bool) {
	for _, b := range bullets {
		if rest, ok := strings.CutPrefix(line, b); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}

// isBlank reports whether line holds only white space (Unicode, including U+00A0).
func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

// numberedItem parses "12. text" (1 to 9 digits, a dot, then a space or the end of the line).
func numberedItem(line string) (num int, text string, ok bool) {
	d := 0
	for d < len(line) && d < 10 && line[d] >= '0' && line[d] <= '9' {
		d++
	}
	if d == 0 || d > 9 || d >= len(line) || line[d] != '.' {
		return 0, "", false
	}
	rest := line[d+1:]
	if rest != "" && rest[0] != ' ' {
		return 0, "", false
	}
	num, err := strconv.Atoi(line[:d])
	if err != nil {
		return 0, "", false
	}
	return num, strings.TrimSpace(rest), true
}

// lazyRegexp compiles expr the first time it is used rather than when the program starts: the
// programs that link this package without reading an article (query, for the line of a quote) do
// not pay for compiling its patterns at every start.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
