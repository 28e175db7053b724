package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A span is a run of a text: its byte offsets and its words.
type span struct {
	start, end int
	text       string
}

// sentences splits running text into sentences: a sentence ends at ".", "!" or "?" (with closing
// quotes or brackets after it) followed by white space and a capital letter, a digit, an opening quote
// or the end of the text. A full stop does not end a sentence after a single capital letter (an
// initial, "J. Smith"), after a known abbreviation ("Dr.", "St.", "U.S.", "c.") or inside brackets.
func sentences(text string) []span {
	var out []span
	start, depth := 0, 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '.', '!', '?':
			end := i + size
			for end < len(text) && strings.ContainsRune(`"'”’)]»`, rune(text[end])) {
				end++
			}
			for end < len(text) {
				n := noteAfter(text[end:])
				if n == 0 {
					break
				}
				end += n
			}
			if depth == 0 && sentenceEnds(text, start, i, end) {
				if s := strings.TrimSpace(text[start:end]); s != "" {
					lead := len(text[start:end]) - len(strings.TrimLeftFunc(text[start:end], unicode.IsSpace))
					out = append(out, span{start + lead, start + lead + len(s), s})
				}
				start = end
				i = end
				continue
			}
		}
		i += size
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		lead := len(text[start:]) - len(strings.TrimLeftFunc(text[start:], unicode.IsSpace))
		out = append(out, span{start + lead, start + lead + len(s), s})
	}
	return out
}

// noteAfter returns the length of the footnote that opens text, right after a sentence's full stop,
// or 0: a marker ("[11]", "[citation needed]"), a wiki note ("<ref name="a" />", "<ref>{{cite news
// |…}}</ref>") or a citation template ("{{sfn|Smith|2001|p=4}}").
func noteAfter(text string) int {
	switch {
	case strings.HasPrefix(text, "["):
		j := strings.IndexByte(text, ']')
		if j < 0 || j > 31 || strings.ContainsAny(text[1:j], "[\n") {
			return 0
		}
		return j + 1
	case strings.HasPrefix(text, "<ref"):
		tag := strings.IndexByte(text, '>')
		if tag < 0 || tag > 200 {
			return 0
		}
		if text[tag-1] == '/' {
			return tag + 1 // <ref name="a" />
		}
		j := strings.Index(text, "</ref>")
		if j < 0 || j > 2000 {
			return 0
		}
		return j + len("</ref>")
	case strings.HasPrefix(text, "{{"):
		depth := 0
		for i := 0; i+1 < len(text) && i < 600; i++ {
			switch text[i : i+2] {
			case "{{":
				depth++
				i++
			case "}}":
				depth--
				i++
				if depth == 0 {
					return i + 1
				}
			}
		}
	}
	return 0
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "c": true,
	"ca": true, "vs": true, "gen": true, "col": true, "lt": true, "sgt": true, "prof": true, "jr": true,
	"sr": true, "no": true, "approx": true, "u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true,
	// titles in other languages and academic ranks: "la Dra. Rosa Mamani", "Assoc. Prof. Woranuch"
	"dra": true, "sra": true, "srta": true, "lic": true, "arq": true, "mme": true, "mlle": true,
	"assoc": true, "asst": true, "hon": true, "rev": true, "capt": true, "maj": true, "adm": true, "sen": true,
	"rep": true, "gov": true, "pres": true, "supt": true, "cdr": true, "brig": true, "ven": true, "w/ro": true, "ing": true}

// sentenceEnds reports whether the mark at text[mark] (with closing quotes up to end) ends a sentence
// that began at start.
func sentenceEnds(text string, start, mark, end int) bool {
	if end < len(text) {
		next, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(next) {
			return false
		}
		rest := strings.TrimLeftFunc(text[end:], unicode.IsSpace)
		if rest != "" {
			first, _ := utf8.DecodeRuneInString(rest)
			if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune(`"“'‘(«`, first) {
				return false
			}
		}
	}
	if text[mark] != '.' {
		return true
	}
	// The word before the full stop.
	w := mark
	for w > start {
		r, size := utf8.DecodeLastRuneInString(text[:w])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w -= size
	}
	word := text[w:mark]
	if abbreviations[strings.ToLower(word)] {
		return false // "c. 1920", "Dr. Smith"
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return !unicode.IsUpper(r) // an initial
	}
	return !abbreviations[strings.ToLower(word)]
}
