package document

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// MediaWiki source: a page's source copied whole opens with templates on lines of their own
// ({{Short description|…}}, {{Use dmy dates}}) and an {{Infobox …}} whose fields are "| key = value"
// lines, and its tables' cells hold links and templates. WikiPlain turns such markup into the text a
// reader of the page sees; wikiInfobox reads the infobox template into the fields a "- Key: Value"
// infobox would have.

var (
	wikiCommentRE  = lazyRegexp(`(?s)<!--.*?-->`)
	wikiRefRE      = lazyRegexp(`(?is)<ref[^>]*/>|<ref[^>]*>.*?</ref>`)
	wikiBreakRE    = lazyRegexp(`(?i)<br\s*/?>`)
	wikiTagRE      = lazyRegexp(`</?[a-zA-Z][^<>]*>`)
	wikiFileLinkRE = lazyRegexp(`(?i)\[\[(?:File|Image|Category):[^\[\]]*(?:\[\[[^\[\]]*\]\][^\[\]]*)*\]\]`)
	wikiLinkRE     = lazyRegexp(`\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]`)
	wikiExtLinkRE  = lazyRegexp(`\[(?:https?:)?//[^\s\]]+\s+([^\]]*)\]`)
	wikiTemplateRE = lazyRegexp(`\{\{([^{}]*)\}\}`)
	wikiQuotesRE   = lazyRegexp(`'{2,5}`)
	wikiSpaceRE    = lazyRegexp(`[ \t]+`)
	wikiCommasRE   = lazyRegexp(`\s*,(?:\s*,)+\s*|\s+,`)
)

// WikiPlain returns the text a reader sees of MediaWiki markup s: a link's label (its target when it
// has none), a template's words (the date of {{start date|2007|9}} as prose writes it, "September
// 2007"; the words of {{lang|th|…}}; the items of {{ubl|…}} joined by ", "; the seats of
// {{Composition bar|3|403}}, "3 / 403"; nothing for any other template), line breaks (<br />) as ", ", and no notes (<ref>), comments, HTML tags or bold and
// italic quotes. Text without markup is returned trimmed.
func WikiPlain(s string) string {
	if !strings.ContainsAny(s, "[{<'") {
		return strings.TrimSpace(s)
	}
	s = wikiCommentRE().ReplaceAllString(s, "")
	s = wikiRefRE().ReplaceAllString(s, "")
	s = wikiBreakRE().ReplaceAllString(s, ", ")
	s = wikiTagRE().ReplaceAllString(s, "")
	s = wikiFileLinkRE().ReplaceAllString(s, "")
	s = wikiLinkRE().ReplaceAllStringFunc(s, func(m string) string {
		g := wikiLinkRE().FindStringSubmatch(m)
		if g[2] != "" {
			return g[2]
		}
		return g[1]
	})
	s = wikiExtLinkRE().ReplaceAllString(s, "$1")
	// Templates from the innermost out: {{ubl|{{lang|th|…}}|…}}.
	for range 8 {
		next := wikiTemplateRE().ReplaceAllStringFunc(s, func(m string) string {
			return templateText(m[2 : len(m)-2])
		})
		if next == s {
			break
		}
		s = next
	}
	s = wikiQuotesRE().ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "&nbsp;", " ")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(wikiSpaceRE().ReplaceAllString(l, " "))
	}
	s = strings.Join(lines, "\n")
	s = wikiCommasRE().ReplaceAllString(s, ", ")
	return strings.Trim(strings.TrimSpace(s), ",; ")
}

// dateTemplates are the templates whose positional parameters are a year, a month and a day.
var dateTemplates = map[string]bool{"start date": true, "end date": true, "start date and age": true,
	"end date and age": true, "start and end dates": false, "birth date": true, "death date": true,
	"birth date and age": true, "dts": true, "date": false, "start year": true, "end year": true}

// textTemplates are the templates that show their first positional parameter as it is.
var textTemplates = map[string]bool{"nowrap": true, "nobr": true, "nobold": true, "noitalic": true, "small": true,
	"big": true, "resize": true, "keep together": true, "flag": true, "flagcountry": true, "flag country": true,
	"abbr": true, "abbrlink": true, "sic": true, "ill": true, "interlanguage link": true, "nowrap begin": false,
	"lang-rtl": false, "transliteration": false, "transl": false}

// listTemplates are the templates that show their positional parameters as a list.
var listTemplates = map[string]bool{"ubl": true, "unbulleted list": true, "plainlist": true, "plain list": true,
	"flatlist": true, "flat list": true, "hlist": true, "bulleted list": true, "bull list": true,
	"collapsible list": true, "unordered list": true, "ordered list": true, "enum": true, "br separated entries": true}

// templateText returns what a template (its text between "{{" and "}}") shows.
func templateText(t string) string {
	parts := strings.Split(t, "|")
	name := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(parts[0], "_", " ")))
	var pos []string
	for _, p := range parts[1:] {
		if k, _, ok := strings.Cut(p, "="); ok && namedParamRE().MatchString(k) {
			continue // a named parameter: df=yes, border=darkgray, title=…
		}
		pos = append(pos, strings.TrimSpace(p))
	}
	switch {
	case dateTemplates[name]:
		return templateDate(pos)
	case name == "lang" || name == "native name" || name == "transl" || name == "transliteration" || name == "lang-rtl":
		if len(pos) >= 2 {
			return pos[len(pos)-1]
		}
	case strings.HasPrefix(name, "lang-") || strings.HasPrefix(name, "lang "):
		if len(pos) >= 1 {
			return pos[0]
		}
	case name == "composition bar" || name == "seats bar":
		if len(pos) >= 2 {
			return pos[0] + " / " + pos[1] // {{Composition bar|3|403|hex=…}}: 3 seats of 403
		}
	case textTemplates[name]:
		if len(pos) >= 1 {
			return pos[0]
		}
	case listTemplates[name]:
		var items []string
		for _, p := range pos {
			for _, l := range strings.Split(p, "\n") {
				l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "*#"))
				if l != "" {
					items = append(items, l)
				}
			}
		}
		return strings.Join(items, ", ")
	}
	return ""
}

// namedParamRE matches the name of a template's named parameter: a word, with spaces, digits,
// hyphens or underscores, before "=".
var namedParamRE = lazyRegexp(`^\s*[\pL\d _-]+\s*$`)

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// templateDate writes a date template's year, month and day as prose does ("24 January 2017",
// "September 2007", "2007"); "" when the first is no year.
func templateDate(pos []string) string {
	var n []int
	for _, p := range pos {
		v, err := strconv.Atoi(p)
		if err != nil {
			break
		}
		n = append(n, v)
	}
	switch {
	case len(n) == 0 || n[0] < 1 || n[0] > 9999:
		return ""
	case len(n) == 1 || n[1] < 1 || n[1] > 12:
		return strconv.Itoa(n[0])
	case len(n) == 2 || n[2] < 1 || n[2] > 31:
		return fmt.Sprintf("%s %d", monthNames[n[1]-1], n[0])
	}
	return fmt.Sprintf("%d %s %d", n[2], monthNames[n[1]-1], n[0])
}

// wikiInfoboxKeys renames the keys of MediaWiki's party infobox to the keys "- Key: Value" infoboxes
// write; the others are their words, capitalised ("native_name" is "Native Name").
var wikiInfoboxKeys = map[string]string{"split": "Split from", "national": "National affiliation",
	"european": "European affiliation", "regional": "Regional affiliation", "secretary general": "Secretary-general",
	"general secretary": "General secretary", "women wing": "Women's wing", "lgbt wing": "LGBT wing",
	"merged into": "Merged into", "merger": "Merger"}

// wikiInfoboxSkipRE matches the keys of an infobox template that are layout, not facts.
var wikiInfoboxSkipRE = lazyRegexp(`^(?:logo|image|caption|alt|footnotes|lang\d*|.* lang|.* size|.* alt|.* caption|.* notes?|membership year|colorcode)$`)

// isTemplateStart reports whether line opens a template: "{{" at its start.
func isTemplateStart(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), "{{") }

// isInfoboxStart reports whether line opens an infobox template ("{{Infobox political party").
func isInfoboxStart(line string) bool {
	l := strings.TrimSpace(line)
	return len(l) > len("{{infobox") && strings.EqualFold(l[:len("{{infobox")], "{{infobox")
}

// templateEnd returns the last line of the template that opens line start: the line where its
// braces balance, or -1 when they do not within limit lines.
func (p *parser) templateEnd(start, limit int) int {
	depth := 0
	for i := start; i < len(p.lines) && i < start+limit; i++ {
		l := p.lines[i]
		depth += strings.Count(l, "{{") - strings.Count(l, "}}")
		if depth <= 0 {
			return i
		}
	}
	return -1
}

// wikiInfobox reads the infobox template of lines start to end into fields: each "| key = value",
// the value continued on the lines after it until the next key at the template's own level, read
// through WikiPlain; keys of layout and fields with no value left out.
func (p *parser) wikiInfobox(start, end int) []Field {
	var fields []Field
	var key, value strings.Builder
	line := 0
	flush := func() {
		if key.Len() == 0 {
			return
		}
		k := wikiKey(key.String())
		v := WikiPlain(value.String())
		key.Reset()
		value.Reset()
		if k == "" || v == "" || wikiInfoboxSkipRE().MatchString(strings.ToLower(k)) {
			return
		}
		f := Field{Key: k, Value: strings.ReplaceAll(v, "\n", ", "), Line: line}
		f.Base, f.Index, f.Part = splitKey(f.Key)
		fields = append(fields, f)
	}
	depth := 0 // of templates and links opened inside the infobox, at the start of each line
	for i := start; i <= end; i++ {
		l := p.lines[i]
		if i == start {
			_, l, _ = strings.Cut(l, "|") // "{{Infobox political party | name = X"
			l = "|" + l
			if !strings.Contains(p.lines[i], "|") {
				l = ""
			}
		}
		if i == end {
			l = strings.TrimSuffix(strings.TrimRightFunc(l, unicode.IsSpace), "}}")
		}
		t := strings.TrimSpace(l)
		if depth == 0 && strings.HasPrefix(t, "|") {
			for _, part := range splitTopLevel(t[1:]) {
				k, v, ok := strings.Cut(part, "=")
				if !ok {
					value.WriteString("|" + part)
					continue
				}
				flush()
				key.WriteString(k)
				value.WriteString(v)
				line = i + 1
			}
		} else if key.Len() > 0 {
			value.WriteString("\n" + l)
		}
		depth += strings.Count(l, "{{") + strings.Count(l, "[[") - strings.Count(l, "}}") - strings.Count(l, "]]")
		depth = max(depth, 0)
	}
	flush()
	return fields
}

// splitTopLevel splits s at the "|" that stand outside templates and links: "a = [[X|Y]] | b = 1"
// is two parts.
func splitTopLevel(s string) []string {
	var parts []string
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{"), strings.HasPrefix(s[i:], "[["):
			depth++
			i++
		case strings.HasPrefix(s[i:], "}}"), strings.HasPrefix(s[i:], "]]"):
			depth = max(depth-1, 0)
			i++
		case s[i] == '|' && depth == 0:
			parts = append(parts, s[from:i])
			from = i + 1
		}
	}
	return append(parts, s[from:])
}

// wikiKey turns an infobox template's key into a "- Key: Value" infobox's: underscores are spaces,
// known keys take their usual names, and every word is capitalised ("leader1_name" is "Leader1
// Name").
func wikiKey(k string) string {
	k = strings.Join(strings.Fields(strings.ReplaceAll(k, "_", " ")), " ")
	if k == "" {
		return ""
	}
	if v, ok := wikiInfoboxKeys[strings.ToLower(k)]; ok {
		return v
	}
	words := strings.Fields(k)
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
