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
	if !found || !strings.Contains(rest, " ") || !demonym(first) {
		return "", "", false
	}
	return rest, first, true
}

// demonym reports whether a word may name a nation: "Moroccan", "Greek", "Japanese", "Turkish",
// "Hellenic"; not the words of a creed that end alike ("Democratic", "Christian", "Republican").
func demonym(w string) bool {
	lw := strings.ToLower(w)
	return demonymRE.MatchString(w) && !creedWords[lw] || nationsInIC[lw]
}

// demonymRE matches a word that ends as names of nations do.
var demonymRE = regexp.MustCompile(`^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ch|k)$`)

// nationsInIC are the words in "-ic" that name nations or peoples; the others in "-ic" are creeds
// ("Democratic", "Islamic", "Patriotic", "Civic").
var nationsInIC = map[string]bool{"hellenic": true, "icelandic": true, "arabic": true, "baltic": true,
	"nordic": true, "celtic": true, "slavic": true, "germanic": true, "turkic": true}

// creedWords are words that end as demonyms do but name what a party believes.
var creedWords = map[string]bool{"republican": true, "christian": true, "agrarian": true, "libertarian": true,
	"proletarian": true, "humanitarian": true, "egalitarian": true, "parliamentarian": true, "utilitarian": true,
	"authoritarian": true, "totalitarian": true, "vegetarian": true, "lutheran": true, "anglican": true,
	"publican": true, "partisan": true, "veteran": true, "pan": true, "rastafarian": true, "sectarian": true}
