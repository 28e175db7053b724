package document

import (
	"strings"

	"annals/events"
)

// ContainsQuote reports whether quote occurs in d.Text once the white space of both is folded
// (events.FoldSpace; the check is events.QuoteIndex). The comparison is otherwise exact:
// case-sensitive and byte for byte (Khmer and other scripts are compared as written). A quote that is
// empty or only white space is never contained.
func (d *Document) ContainsQuote(quote string) bool {
	_, i := d.quoteAt(quote)
	return i >= 0
}

// LineOf returns the 1-based line of d.Text on which the first occurrence of quote starts, comparing as
// ContainsQuote does, or 0 if quote does not occur (or is empty or only white space). It orders quotes
// in document order.
func (d *Document) LineOf(quote string) int {
	at, i := d.quoteAt(quote)
	if i < 0 {
		return 0
	}
	return strings.Count(d.Text[:at[i]], "\n") + 1
}

// quoteAt returns the offsets of the folded text (events.FoldSpaceAt) and the index in it at which
// quote occurs, or -1.
func (d *Document) quoteAt(quote string) ([]int32, int) {
	norm, at := d.norm, d.normAt
	if !d.folded {
		norm, at = events.FoldSpaceAt(d.Text)
	}
	return at, events.QuoteIndex(norm, quote)
}
