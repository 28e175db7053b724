package events

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules for white space and quotes, in one place: FoldSpace folds the white space of a text,
// and QuoteIndex is the quote check (a quote occurs in its document once the white space of both is
// folded). The recorder, the importer and the document parser all check quotes with them.

// FoldSpace returns s with every run of Unicode white space (as unicode.IsSpace: ASCII space, tab,
// newline, the no-break space U+00A0, the thin space U+2009, …) replaced by one ASCII space, and
// trimmed. Everything else is kept byte for byte, bytes that are not UTF-8 included: no case folding
// and no Unicode normalisation. It returns s itself when there is nothing to fold.
func FoldSpace(s string) string {
	if !needsFold(s) {
		return s
	}
	folded, _ := foldSpace(s, false)
	return folded
}

// FoldSpaceAt returns FoldSpace(s) and, for each of its bytes, the offset in s of the byte that
// produced it; the space that stands for a run of white space has the offset of the run's first byte.
// It panics if s is 2 GiB or longer.
func FoldSpaceAt(s string) (string, []int32) {
	if len(s) > math.MaxInt32 {
		panic("events.FoldSpaceAt: text of 2 GiB or more")
	}
	return foldSpace(s, true)
}

// QuoteIndex returns the offset in folded, a text that FoldSpace has folded, at which quote (its
// white space folded too) first occurs, or -1 if it does not occur or is empty or only white space.
// The comparison is otherwise exact: case, punctuation and every script byte for byte. Fold a text
// once and look many quotes up in it.
func QuoteIndex(folded, quote string) int {
	q := FoldSpace(quote)
	if q == "" {
		return -1
	}
	return strings.Index(folded, q)
}

// needsFold reports whether FoldSpace would change s: it has white space other than single ASCII
// spaces between other characters.
func needsFold(s string) bool {
	prevSpace := true // at the start, a space is leading
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				r = -1
			}
		}
		if r >= 0 && unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				return true
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		i += size
	}
	return prevSpace && len(s) > 0 // a trailing space
}

// foldSpace implements FoldSpace and FoldSpaceAt: with at it also returns, for each byte of the
// result, the offset in s of the byte that produced it.
func foldSpace(s string, withAt bool) (string, []int32) {
	var b strings.Builder
	b.Grow(len(s))
	var at []int32
	if withAt {
		at = make([]int32, 0, len(s))
	}
	pending := -1 // the offset of a white space run not yet written
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				r = -1 // an invalid byte: never white space
			}
		}
		if r >= 0 && unicode.IsSpace(r) {
			if pending < 0 && b.Len() > 0 {
				pending = i
			}
			i += size
			continue
		}
		if pending >= 0 {
			b.WriteByte(' ')
			if withAt {
				at = append(at, int32(pending))
			}
			pending = -1
		}
		b.WriteString(s[i : i+size]) // the bytes as written, even where they are not UTF-8
		if withAt {
			for k := range size {
				at = append(at, int32(i+k))
			}
		}
		i += size
	}
	return b.String(), at
}
