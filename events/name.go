package events

import (
	"strings"
	"unicode"
)

// NameKey folds a name for lookup: lower case, every run of white space (including no-break spaces)
// as one space, trimmed. Scripts without case, such as Khmer, are kept byte for byte.
func NameKey(name string) string {
	var b strings.Builder
	space := false
	for _, r := range name {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if r == 0 { // NUL separates names from ids in indexes: a name never holds one
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
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
