package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormalizeSpace returns s with every run of Unicode white space (as unicode.IsSpace: ASCII space,
// tab, newline, U+00A0 no-break space, U+2009 thin space, …) replaced by one ASCII space, and with
// leading and trailing white space removed. Every other byte is kept as is, invalid UTF-8 included: no
// case folding and no Unicode normalisation.
func NormalizeSpace(s string) string {
	norm, _ := fold(s, false)
	return norm
}

// ContainsQuote reports whether quote occurs in d.Text once both are passed through NormalizeSpace.
// The comparison is otherwise exact: case-sensitive and byte for byte (Khmer and other scripts are
// compared as written). A quote that is empty or only white space is never contained.
func (d *Document) ContainsQuote(quote string) bool {
	return d.LineOf(quote) > 0
}

// LineOf returns the 1-based line of d.Text on which the first occurrence of quote starts, comparing as
// ContainsQuote does, or 0 if quote does not occur (or is empty or only white space). It orders quotes
// in document order.
func (d *Document) LineOf(quote string) int {
	q := NormalizeSpace(quote)
	if q == "" {
		return 0
	}
	norm, lines := d.norm, d.normLines
	if !d.folded {
		norm, lines = fold(d.Text, true)
	}
	i := strings.Index(norm, q)
	if i < 0 {
		return 0
	}
	return int(lines[i])
}

// fold implements NormalizeSpace; with withLines it also returns, for each byte of the result, the
// 1-based line of s that produced it.
func fold(s string, withLines bool) (string, []int32) {
	var b strings.Builder
	b.Grow(len(s))
	var lines []int32
	if withLines {
		lines = make([]int32, 0, len(s))
	}
	line := int32(1)
	space := false // a white space run is pending
	spaceLine := line
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				r = -1 // an invalid byte: never white space
			}
		}
		if r >= 0 && unicode.IsSpace(r) {
			if !space && b.Len() > 0 {
				space, spaceLine = true, line
			}
			if r == '\n' {
				line++
			}
			i += size
			continue
		}
		if space {
			b.WriteByte(' ')
			if withLines {
				lines = append(lines, spaceLine)
			}
			space = false
		}
		b.WriteString(s[i : i+size])
		if withLines {
			for range size {
				lines = append(lines, line)
			}
		}
		i += size
	}
	return b.String(), lines
}
