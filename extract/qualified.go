package extract

import (
	"regexp"
	"strings"
)

// QualifiedName splits a party's name qualified with its country into the name and the qualifier:
// "Panhellenic Rural Union of Greece" → "Panhellenic Rural Union", "Greece"; "Moroccan Popular
// Renewal Party" → "Popular Renewal Party", "Moroccan"; "India's Samajwadi Lok Morcha" → "Samajwadi
// Lok Morcha", "India". Any other name reports false.
func QualifiedName(name string) (base, qualifier string, ok bool) {
	if b, q, found := strings.Cut(name, " of "); found {
		if i := strings.LastIndex(name, " of "); i >= 0 {
			b, q = name[:i], name[i+len(" of "):]
		}
		q = strings.TrimPrefix(q, "the ")
		if b != "" && q != "" && !strings.Contains(q, " ") {
			return b, q, true
		}
	}
	first, rest, found := strings.Cut(name, " ")
	if owner, ok := strings.CutSuffix(strings.Replace(first, "’", "'", 1), "'s"); found && ok && owner != "" {
		return rest, owner, true // "Argentina's Partido Federal del Trabajo"
	}
	if !found || !strings.Contains(rest, " ") || !demonymRE.MatchString(first) {
		return "", "", false
	}
	return rest, first, true
}

// demonymRE matches a word that may name a nation: "Moroccan", "Greek", "Japanese", "Turkish".
var demonymRE = regexp.MustCompile(`^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ic|ch|k)$`)
