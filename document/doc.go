// Package document parses the plain-text encyclopedia documents that annals draws facts from into a
// Document: title, infobox, sections of paragraphs, legends, lists and tables, every part with its
// 1-based line number. It interprets structure only; which facts the structure states is decided
// elsewhere. It imports the standard library only.
//
// Invariants:
//   - Document.Text is the input byte for byte. Every string in a Document is a substring of it,
//     trimmed of white space where the field says so, or a join of such substrings with "\n". Nothing
//     is normalised: Khmer, NBSP (U+00A0) and any other UTF-8 text are kept as written.
//   - Every line number lies in 1..the number of lines of Text.
//   - Every table row has exactly one cell per column (len(Row.Cells) == len(Table.Columns)).
//   - ContainsQuote(Title) is true.
//   - Parse returns either a Document or a *ParseError wrapping ErrMalformed, never both, and does
//     not panic on any input. A Document is read-only after Parse and safe for concurrent use.
//   - Every Warning names a line of Text. Strict parsing fails exactly where lenient parsing warns
//     first (same line, same problem), or fails alike; without a warning both give the same Document.
//
// # Strict and lenient parsing
//
// Parse is lenient: a structure it cannot read (an infobox line, a table row, a heading) becomes a
// Warning naming its line, what is wrong and what was done, it is skipped or aligned by the evidence
// as said below, and the rest of the document is parsed. ParseWith(name, data, Options{Strict: true})
// refuses the document at the first such structure instead, with the *ParseError of the problem.
// Whole-document faults are errors in both modes: an empty or blank document, invalid UTF-8, a NUL
// byte, and a title that cannot be read (a heading of level 2 or more first, or a malformed heading
// as the first line), since the title names what the document is about.
//
// What lenient parsing does with each fault:
//   - an infobox line that is not "- Key: Value" is skipped; a heading or a table row in the infobox
//     run ends the infobox (it lacked its blank line) and is read as what it is;
//   - a heading with unbalanced "=" or no text is skipped, and what follows it opens a Section with
//     Title "" and Level 0, so that it is not taken for part of the section before;
//   - a table row not ending with "|" is skipped; when it is the header row, or the second row and
//     it looks like a sub-header, the whole table is skipped, since no column can be named;
//   - a table row with more cells than the header row is read when a sub-header expands the header
//     into at least that many columns; else, when its cells beyond the columns are all empty, they
//     are dropped; else the row is skipped. Values are never moved into other columns.
//
// # Format
//
// Lines end in "\n"; a "\r" before it is not part of the line (a paragraph's Text still keeps its
// inner line endings as written). A line is blank when it holds only white space.
//
//   - Title: the first non-blank line. "= Title =" (a level-1 heading) gives its text; any other
//     line that is not a heading is the title itself, trimmed — unless it is the lead itself (a page's
//     source copied whole): a line of more than 120 runes, or one with a sentence in it, is the
//     lead's first paragraph, and the title is the name in bold (between triple quotes) it opens
//     with, or the words before its first bracket, comma, " is " or " was " (without a leading
//     "The"). A heading of level 2 or more first
//     is an error: the document has no title.
//   - Infobox: right after the title, a name line followed at once by "- Key: Value" lines, up to
//     the first blank line. Every line of that run must be "- Key: Value" (the key non-empty, the
//     value possibly empty): "- Leader" with no colon there is a fault. When the title line is
//     itself followed at once by such lines, the title is the infobox name. The infobox is only
//     recognised when the line after the name is a well-formed field; elsewhere "- x" is a list item.
//     The fields may also come after a blank line, or after one short line of text (a tagline, at
//     most 80 characters, such as "From Wikipedia, the free encyclopedia") and a blank line: the
//     title is then the infobox name, and the tagline stays in the text. So do two or three such
//     short lines right before the fields (a tagline, the name, the name in another script).
//     An infobox copied without its dashes is read the same way when at least two "Key: Value"
//     lines come first (parseBareField: a key of at most five words and 40 characters, starting
//     with a capital letter, without sentence punctuation, and a space after the colon); its run
//     may then mix lines with and without the dash.
//     A key written in Markdown bold ("- **Founded:** 1994") is read without its stars. A page
//     that gives its infobox as a list in its lead, after the first paragraph, is read the same
//     way: a list of two or more "Key: Value" items, one of them a key infoboxes give
//     ("Founded", "Ideology", …), is the infobox, and leaves the lead.
//     A key is numbered at its first word that ends in digits after a non-digit: "Leader1 Name" is
//     Base "Leader", Index 1, Part "Name"; "Wing1" is Base "Wing", Index 1, Part ""; "Youth Wing"
//     and "Seats 2004" are not numbered. Numbered groups partner such fields and
//     tolerate missing partners ("Leader3 Title" without "Leader3 Name").
//   - MediaWiki templates: a page's source copied whole opens with templates on lines of their own
//     ({{Short description|…}}, {{Use dmy dates}}); before the first section heading such lines are
//     no text, and the first {{Infobox …}} among them is the infobox: each "| key = value" (its
//     value continued on the lines after it) a field, its key as a "- Key: Value" infobox writes it
//     ("native_name" is "Native Name", "split" is "Split from"), its value as a reader sees it
//     (WikiPlain: links' labels, dates of {{start date}}, items of {{ubl}}), keys of layout (logo,
//     image, *_lang) and empty values left out; its "name" is the infobox name and the title. The
//     line after such templates is the lead's first, whatever its length. Cells of MediaWiki
//     tables are read through WikiPlain too; a row's Text stays as written.
//   - Headings: "==X==", "== X ==", "===X===" and so on, starting in the first column; the number of
//     "=" is the level and must be the same on both sides, around non-empty text. Each heading opens
//     a Section; text before the first heading is the lead, Sections[0] (Title "", Level 0).
//     Markdown headings are read too: "## X" (or "## X ##"), the number of "#" its level; "#x",
//     without a space, is text.
//   - Plain headings: a document with no heading markup at all (a page copied as plain text) is
//     split at its plain headings: a paragraph of one line, of at most 60 runes and eight words,
//     starting with a capital letter or a digit and not ending in ".", ":", ";", ",", "!" or "?",
//     that comes after the lead's running text has begun (a tagline before it stays text). Each
//     opens a Section of Level 2. So does the first line of a paragraph written right over its
//     text, with no blank line between, when it is such a line of at most five words that does
//     not end in a word running text breaks after ("by", "the", "of") and the line under it
//     begins with a capital letter or a digit; a title line right under another opens a Section
//     of Level 3.
//
// Blocks are separated by blank lines or by a change of line kind:
//   - paragraph: consecutive lines of text;
//   - bullet list: lines "- item";
//   - numbered list: lines "12. item" (1 to 9 digits, a dot, then a space or the end of the line).
//     Blank lines do not end a numbered list when the next item continues the numbering (12, then
//     13); otherwise a new list starts;
//   - legend: lines starting with white space (" Majority"), one Item each;
//   - table: consecutive lines starting with "|", each of which must end with "|";
//   - MediaWiki table: from a line starting with "{|" to one starting with "|}" (or, left open, up to
//     the next heading or the end of the document: a problem). Rows are separated by "|-"; a row's
//     cells are written "| a || b" or one to a line ("| a", then "| b"), header cells "! a !! b"; a
//     caption "|+ …" is not a row; what stands before a cell's single "|" is its attributes, dropped,
//     except that a colspan of n gives the cell n-1 empty cells after it; a line that starts with
//     neither "|" nor "!" continues the cell before it (joined with "\n"). The first row is the
//     header, and the table is then read as a "|" table of those rows.
//
// A list or table directly after a one-line paragraph of at most MaxIntroRunes runes takes it as its
// Intro ("Executive Committee", "The seven-point policies of the CNRP:").
//
// # Tables
//
// A table row "| a | b |" splits on "|" into trimmed cells. The first row is the header, and a
// Markdown delimiter row under it ("|---|:---:|") is skipped; no row may
// have more cells than it (see lenient parsing above), and shorter rows are padded with "". The rows were flattened from tables
// with colspans and rowspans, padded or truncated to the header's width; the parser rebuilds the
// columns and realigns the rows by the kinds of their cells, as follows.
//
// Cell kinds (KindOf): empty ("" or a lone dash), integer ("2013", "2,946,176"), decimal ("44.5"),
// percent ("25.33%"), signed ("+15.9", "−3", "▼1.2"), text. A column of kind integer accepts
// integers; decimal accepts integers and decimals; percent accepts percents and decimals; signed
// accepts any number; text accepts text; a column with no values accepts nothing. An empty cell fits
// anywhere. A row's fit is +1 for each non-empty cell that its column accepts and -1 for each other.
//
// Column kinds: each non-empty cell votes, with the weight of its row's count of non-empty cells (so
// that sparse rows such as totals and continuations weigh little), for every kind that accepts it;
// the kind with the most weight wins, ties going to the more specific kind (integer, decimal,
// percent, signed, text), and a kind is only a candidate when some cell has exactly that kind.
// Cells filled down from a rowspan do not vote.
//
// Sub-header: the second row is a sub-header, not data, when it has a non-empty cell, none of its
// cells holds a digit or is longer than 20 runes, and one of them is a known sub-label ("#", "No."
// promise an integer; "%" a percent or decimal; "±", "+/−", "Change", "Swing" a signed number) or a
// label repeats. Its trailing empty cells are padding; its labels split into groups, a new group
// starting at a label already in the current group, compared case-insensitively ("# % ± # ± #" → [# % ±] [# ±] [#]). Group g
// belongs under header cell off+g: the header cells before off spanned both header rows. The
// offset chosen is the one at which the body rows best fit the kinds the sub-labels promise; ties go
// to the smallest offset of at least 1 (a first column labelling the rows), then 0. Each parent column
// then expands into one column per label (Name "Votes", Sub "#", Label "Votes #"), and the rows
// are padded to the new width. Columns beyond the header's width (or, in lenient
// parsing, beyond the widest body row's) are Truncated: the flattening cut their values off. So "| Election | Leader | Votes | Seats | Position | Government |" over
// "| # | % | ± | # | ± | |" gives Election, Leader, Votes #, Votes %, Votes ±, Seats #, Seats ±,
// Position, Government.
//
// Shift (colspan or rowspan inside a row): a body row with a cell its column does not accept is
// tried with the cells after some cell i shifted right by k columns, dropping k trailing empty cells;
// the best-fitting shift is kept if it fits better than the row as written (ties: smaller k, then
// smaller i) and the row is Realigned. If cell i is not accepted by its own column (a "Total" label in
// a numbered column), it spanned the k opened columns (a colspan) and they stay "". Otherwise the
// opened columns were spanned from above (a rowspan): they are filled down from the row above,
// marked in Filled, and the row is a Continuation. So "| Total | | 2,946,176 | 44.46% | |" under
// "No. | Constituency | Seats won | Popular vote | Percentage" becomes "Total", "", "", "2,946,176",
// "44.46%".
//
// Continuation (rowspan over the first columns): a row that the shift rule leaves alone, whose first
// cell is not accepted by the first column and which has fewer non-empty cells than the row above,
// continues the row above when its cells, moved to the last columns, fit better: the columns before
// them are filled down from the row above (Filled) and the row is Realigned and a Continuation. So
// "| Mu Sochua | | | | |" after "| 2 | Kem Sokha | 2 March 2017 | 16 November 2017 | Eng Chhai Eang |"
// becomes "2", "Kem Sokha", "2 March 2017", "16 November 2017", "Mu Sochua".
//
// Summary: a row that is not a continuation and whose first cell is text in a column of another,
// non-empty kind (a "Total" label in a numbered column) is marked Summary.
//
// Column kinds are computed once before the shift and continuation rules, and again after them for
// Column.Kind. Tables wider than 256 columns are not realigned (their rows are kept as written and a
// sub-header starts at offset 1), which bounds the work on hostile input.
//
// Known limits: the rules see kinds, not meanings. A rowspan continuation of two or more cells whose
// later cells can be fitted by a shift is read as a colspan; a row that repeats a label in a table
// of text may be taken for a sub-header; a row whose misfit cannot be cured by shifting right is
// kept as written.
//
// # Quotes
//
// ContainsQuote and LineOf compare a quote with Text as the recorder does (events.QuoteIndex), after
// events.FoldSpace has folded every run of Unicode white space (NBSP included) in both to one ASCII
// space and trimmed them; otherwise the comparison is exact, case- and byte-sensitive.
package document
