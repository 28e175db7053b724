package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NameKeyVersion numbers the folding NameKey does. It changes whenever NameKey folds some name
// differently, so that an index keyed by NameKey (a store's) knows to rebuild itself. Version 1 folded
// case and white space only.
const NameKeyVersion = 2

// NameKey folds a name for lookup, so that the ways one name is written find each other: compatibility
// characters normalised (NFKC: ligatures, full-width forms), lower case (final sigma as sigma), Latin
// letters without their diacritics and folded as Slug folds them ("Partidul Naţional Ţărănesc", with
// cedillas, "Partidul Național Țărănesc", with commas below, and "partidul national taranesc" have one
// key; so have "Łódź" and "Lodz"), Greek letters without accents, typographic apostrophes and quotation
// marks as the ASCII ones ("People’s" → "people's"), invisible format characters (zero-width spaces
// and joiners, direction marks, soft hyphens) and NUL dropped, and every run of white space (including
// no-break spaces) as one space, trimmed. Other scripts keep their letters and marks; Cyrillic is not
// romanised (й is not и). The result is in NFC and never holds NUL.
func NameKey(name string) string {
	if ascii(name) {
		return nameKeyASCII(name)
	}
	s := norm.NFD.String(norm.NFKC.String(strings.Map(foldQuote, name)))
	var b strings.Builder
	var base rune // the last letter written: its marks are dropped if it is Latin or Greek
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			b.WriteRune(r) // folded by FoldSpace below
			continue
		case r == 0 || invisible(r): // NUL separates names from ids in indexes
			continue
		case unicode.IsMark(r):
			if base < utf8.RuneSelf || unicode.In(base, unicode.Latin, unicode.Greek) {
				continue
			}
		default:
			base = r
		}
		r = unicode.ToLower(r)
		if r == 'ς' {
			r = 'σ'
		}
		if unicode.In(r, unicode.Latin) {
			if t, ok := latinLetters[r]; ok {
				b.WriteString(t)
				continue
			}
		}
		b.WriteRune(r)
	}
	return FoldSpace(norm.NFC.String(b.String()))
}

// nameKeyASCII is NameKey of an ASCII name.
func nameKeyASCII(name string) string {
	return FoldSpace(strings.Map(func(r rune) rune {
		switch {
		case r == 0:
			return -1
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r == '`':
			return '\''
		}
		return r
	}, name))
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// NamesOf returns the names an event gives its entity: those of a Namer payload, without empties.
func NamesOf(e Event) []string {
	n, ok := e.Payload.(Namer)
	if !ok {
		return nil
	}
	var out []string
	for _, s := range n.Names() {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// EditDistance returns the number of single-letter insertions, deletions and substitutions that turn
// a into b (Levenshtein, counted in runes), for telling a misspelt name from another name.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
