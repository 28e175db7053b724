package events

import (
	"strconv"
	"unicode/utf8"
)

// DefaultExcerpt is how many bytes of an input an error message quotes: enough to recognise a name, a
// date or a line, never a whole document.
const DefaultExcerpt = 200

// Excerpt returns s quoted as %q quotes it when the quoted form is at most n bytes long (not counting
// its quotation marks). A longer s is cut on a rune boundary, marked with "…" and followed by its whole
// length: "Motto Party is a…" (1,204,511 bytes). Every error message that quotes an input (a line, a
// name, a value, a quote) quotes it through Excerpt, so that what an error echoes stays a few hundred
// bytes whatever the input. n <= 0 means DefaultExcerpt.
func Excerpt(s string, n int) string {
	if n <= 0 {
		n = DefaultExcerpt
	}
	if len(s) <= n/4 { // a byte quotes to at most 4 (\xff), so this fits: the common case
		return strconv.Quote(s)
	}
	quoted := 0
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		w := len(strconv.Quote(s[i:i+size])) - 2
		if quoted+w > n {
			return strconv.Quote(s[:i]+"…") + " (" + groupDigits(len(s)) + " bytes)"
		}
		quoted += w
		i += size
	}
	return strconv.Quote(s)
}

// groupDigits writes n with a comma between groups of three digits: 1,204,511.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// excerptMessage is an error message from a library, cut as Excerpt cuts (but not quoted) when it is
// longer than twice DefaultExcerpt: encoding/json's errors quote what they refuse (an unknown field,
// a number) whole.
func excerptMessage(err error) string {
	msg := err.Error()
	if len(msg) <= 2*DefaultExcerpt {
		return msg
	}
	cut := 2 * DefaultExcerpt
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return msg[:cut] + "… (" + groupDigits(len(msg)) + " bytes)"
}

// excerptWord is s as it is (a type, an id) when it is at most DefaultExcerpt bytes long, else its
// Excerpt.
func excerptWord(s string) string {
	if len(s) <= DefaultExcerpt {
		return s
	}
	return Excerpt(s, DefaultExcerpt)
}
