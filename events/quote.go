package events

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldSpace returns s with every run of Unicode white space (including the no-break space U+00A0)
// replaced by one ASCII space, and trimmed. Everything else is kept byte for byte.
func FoldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			i += size
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(s[i : i+size]) // the bytes as written, even where they are not UTF-8
		i += size
	}
	return b.String()
}

// QuoteIn reports whether quote occurs in text, comparing with white space folded (FoldSpace) and
// otherwise exactly: case, punctuation and every other script byte for byte. An empty quote never
// occurs.
func QuoteIn(text, quote string) bool {
	q := FoldSpace(quote)
	return q != "" && strings.Contains(FoldSpace(text), q)
}
