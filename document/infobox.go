package document

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Infobox is the run of "- Key: Value" lines after a document's title, with the name line before it.
type Infobox struct {
	Name   string  // the name line, trimmed; the title when the fields follow the title line directly
	Line   int     // line of the name line
	Fields []Field // in document order; keys may repeat
	// Template reports an infobox read from a MediaWiki {{Infobox …}} template: its keys and values
	// are as a "- Key: Value" infobox writes them and a reader sees them, not as the lines write them.
	Template bool
}

// Field is one "- Key: Value" line of an infobox.
//
// A key ending its first word in a number is a numbered key: "Leader1 Name" has Base "Leader", Index
// 1 and Part "Name"; "Wing1" has Base "Wing", Index 1 and Part "". Any other key has Base equal to
// Key, Index 0 and Part "" ("Youth Wing", "Seats 2013"). A number of 0 or too large for an int does
// not make a key numbered.
type Field struct {
	Key   string // text before the first ":", trimmed; never ""
	Value string // text after the first ":", trimmed; may be ""
	Line  int
	Base  string
	Index int
	Part  string
}

// Group is the set of infobox fields sharing a Base and an Index, such as "Leader2 Title" and
// "Leader2 Name".
type Group struct {
	Index int
	// Parts maps Field.Part to the field ("Title", "Name", or "" for "Wing1"). A part that the
	// infobox does not give is absent: "Leader3 Title" without "Leader3 Name" yields a Group with
	// only "Title". When a part repeats, the first field wins.
	Parts map[string]Field
}

// Get returns the first field whose Key equals key, compared case-insensitively.
func (ib *Infobox) Get(key string) (Field, bool) {
	if ib == nil {
		return Field{}, false
	}
	for _, f := range ib.Fields {
		if strings.EqualFold(f.Key, key) {
			return f, true
		}
	}
	return Field{}, false
}

// Numbered returns the groups of numbered fields whose Base equals base (case-insensitively), in
// increasing Index order; nil if there are none. Unnumbered fields are never part of a group.
func (ib *Infobox) Numbered(base string) []Group {
	if ib == nil {
		return nil
	}
	byIndex := map[int]Group{}
	for _, f := range ib.Fields {
		if f.Index == 0 || !strings.EqualFold(f.Base, base) {
			continue
		}
		g, ok := byIndex[f.Index]
		if !ok {
			g = Group{Index: f.Index, Parts: map[string]Field{}}
			byIndex[f.Index] = g
		}
		if _, dup := g.Parts[f.Part]; !dup {
			g.Parts[f.Part] = f
		}
	}
	if len(byIndex) == 0 {
		return nil
	}
	groups := make([]Group, 0, len(byIndex))
	for _, g := range byIndex {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].Index < groups[j].Index })
	return groups
}

// isField reports whether line is a well-formed infobox line.
func isField(line string) bool {
	_, ok := parseField(line)
	return ok
}

// parseBareField parses "Key: Value" without the dash, as infoboxes copied from elsewhere write it, or
// "- Key: Value": the key at most six words and 40 characters besides an aside in brackets at its
// end, starting with a capital letter, without sentence punctuation, and the value after a space
// ("10:30" and "http://x" are no fields); the line may be a Markdown blockquote's ("> **Founded:**").
func parseBareField(line string) (Field, bool) {
	if rest, ok := strings.CutPrefix(line, ">"); ok {
		// "> **Founded:** 21 January 1978": an infobox a Markdown page writes as a blockquote.
		line = strings.TrimPrefix(rest, " ")
	}
	if f, ok := parseField(line); ok {
		return f, true
	}
	key, value, ok := strings.Cut(unboldKey(line), ":")
	if !ok || (value != "" && value[0] != ' ' && value[0] != '\t') {
		return Field{}, false
	}
	first, _ := utf8.DecodeRuneInString(key)
	bare := keyAsideRE().ReplaceAllString(key, "") // "Seats in the State Great Khural (peak, 2008)"
	if !unicode.IsUpper(first) || utf8.RuneCountInString(bare) > 40 || len(strings.Fields(bare)) > 6 ||
		strings.ContainsAny(bare, ".,;!?()[]\"“”|=") {
		return Field{}, false
	}
	f := Field{Key: strings.TrimSpace(key), Value: strings.TrimSpace(value)}
	f.Base, f.Index, f.Part = splitKey(f.Key)
	return f, true
}

// keyAsideRE matches the aside in brackets a key may end with: " (peak, 2008)".
var keyAsideRE = lazyRegexp(`\s*\([^()]*\)\s*$`)

// boldKeyRE matches a key written in Markdown bold, its colon inside the stars or after them:
// "**Founded:** 1994", "__Founded__: 1994".
var boldKeyRE = lazyRegexp(`^(\*\*|__)([^*_:\n]+?)(?::(\*\*|__)|(\*\*|__):)`)

// unboldKey returns a field's line with the Markdown bold of its key taken off ("**Founded:** 1994"
// is "Founded: 1994"), or the line as it is.
func unboldKey(line string) string {
	if m := boldKeyRE().FindStringSubmatchIndex(line); m != nil {
		return line[m[4]:m[5]] + ":" + line[m[1]:]
	}
	return line
}

// parseField parses "- Key: Value"; Line is left for the caller.
func parseField(line string) (Field, bool) {
	rest, ok := strings.CutPrefix(line, "- ")
	if !ok {
		return Field{}, false
	}
	key, value, ok := strings.Cut(unboldKey(rest), ":")
	key = strings.TrimSpace(key)
	if !ok || key == "" {
		return Field{}, false
	}
	f := Field{Key: key, Value: strings.TrimSpace(value)}
	f.Base, f.Index, f.Part = splitKey(key)
	return f, true
}

// splitKey splits a numbered key at the first word that ends in ASCII digits after a non-digit.
func splitKey(key string) (base string, index int, part string) {
	for start := 0; start < len(key); {
		end := strings.IndexByte(key[start:], ' ')
		if end < 0 {
			end = len(key)
		} else {
			end += start
		}
		d := end
		for d > start && key[d-1] >= '0' && key[d-1] <= '9' {
			d--
		}
		if d < end && d > start {
			n, err := strconv.Atoi(key[d:end])
			if err != nil || n == 0 {
				return key, 0, ""
			}
			return key[:d], n, strings.TrimSpace(key[end:])
		}
		start = end + 1
	}
	return key, 0, ""
}
