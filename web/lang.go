package web

import (
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scripts are the scripts whose language the script alone names, with that language's tag. Text in
// Latin, Cyrillic, Arabic or Han script is left in the page's language: its script does not say which.
var scripts = []struct {
	table *unicode.RangeTable
	lang  string
}{
	{unicode.Khmer, "km"},
	{unicode.Thai, "th"},
	{unicode.Lao, "lo"},
	{unicode.Myanmar, "my"},
	{unicode.Hangul, "ko"},
	{unicode.Georgian, "ka"},
	{unicode.Armenian, "hy"},
}

// langOf returns the language tag the script of r names, "" for a letter of another script, and "-"
// for a rune of no script (white space, punctuation, digits, marks), which joins the run around it.
func langOf(r rune) string {
	if r < utf8.RuneSelf {
		if unicode.IsLetter(r) {
			return ""
		}
		return "-"
	}
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.lang
		}
	}
	if unicode.IsLetter(r) {
		return ""
	}
	return "-"
}

// langHTML escapes s, wrapping each run of a script that names its language in a span declaring it
// (lang="km" for Khmer). White space and punctuation between two runs of one script stay inside the
// run; at its edges they stay outside.
func langHTML(s string) template.HTML { return template.HTML(langRuns(s, "span")) }

// langRuns is langHTML with elements of the name given (tspan inside SVG text).
func langRuns(s, tag string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return template.HTMLEscapeString(s)
	}
	type seg struct {
		lang       string
		start, end int // bytes of s
	}
	var segs []seg
	for i, r := range s {
		l := langOf(r)
		end := i + utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, n := utf8.DecodeRuneInString(s[i:])
			end = i + n
		}
		if n := len(segs); n > 0 && segs[n-1].lang == l {
			segs[n-1].end = end
			continue
		}
		segs = append(segs, seg{l, i, end})
	}
	for i := range segs {
		if segs[i].lang != "-" {
			continue
		}
		segs[i].lang = ""
		if i > 0 && i+1 < len(segs) && segs[i-1].lang == segs[i+1].lang {
			segs[i].lang = segs[i-1].lang
		}
	}
	var b strings.Builder
	cur := ""
	for _, sg := range segs {
		if sg.lang != cur {
			if cur != "" {
				b.WriteString("</" + tag + ">")
			}
			if sg.lang != "" {
				b.WriteString("<" + tag + ` lang="` + sg.lang + `">`)
			}
			cur = sg.lang
		}
		b.WriteString(template.HTMLEscapeString(s[sg.start:sg.end]))
	}
	if cur != "" {
		b.WriteString("</" + tag + ">")
	}
	return b.String()
}

// langOfText returns the language tag of the first script in s that names one, or "".
func langOfText(s string) string {
	for _, r := range s {
		if l := langOf(r); l != "-" && l != "" {
			return l
		}
	}
	return ""
}
