package events

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The rules for folding text, in one place: Slug (entity.go) makes ids with them and NameKey
// (name.go) makes lookup keys with them.
//
// Diacritics of Latin letters are removed by Unicode canonical decomposition (golang.org/x/text's
// unicode/norm): a letter decomposes into its base letter and combining marks, and the marks are
// dropped. Only marks on a Latin (or Greek) letter are dropped: the vowel signs of Khmer, Devanagari
// or Thai are combining marks too, and are letters of their words. The Latin letters that do not
// decompose (ł, đ, ß, æ, ø...) fold by the table latinLetters.

// foldQuote returns the ASCII apostrophe for a typographic apostrophe (’ ‘ ‛ ʼ ʻ ʹ ´ ` ′), the ASCII
// double quote for a typographic quotation mark (″ “ ” „ ‟ « » ‹ › ʺ), and any other rune as it is.
// Applied before compatibility normalisation, which would make ´ a space and a combining accent.
func foldQuote(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u201b', '\u02bc', '\u02bb', '\u02b9', '\u00b4', '`', '\u2032':
		return '\''
	case '\u2033', '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2039', '\u203a', '\u02ba':
		return '"'
	}
	return r
}

// invisible reports whether r is a character that shows nothing and is dropped from ids and lookup
// keys: a format character (zero-width space and joiners, direction marks, soft hyphen, byte order
// mark) or another default-ignorable one (the Hangul fillers, the Khmer inherent vowels, the
// combining grapheme joiner).
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point)
}

// latinLetters folds the lowercase Latin letters that do not decompose into an ASCII letter and
// combining marks. Letters that decompose (é, ș, ặ, ğ...) are not listed: foldLatin removes their
// marks.
var latinLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'ø': "o", 'œ': "oe", 'đ': "d", 'ð': "d", 'ł': "l", 'ı': "i", 'þ': "th",
	'ŋ': "ng", 'ħ': "h", 'ŧ': "t", 'ĸ': "k", 'ƀ': "b", 'ɓ': "b", 'ƈ': "c", 'ɗ': "d", 'ɖ': "d",
	'ə': "e", 'ǝ': "e", 'ɛ': "e", 'ƒ': "f", 'ɠ': "g", 'ɨ': "i", 'ƙ': "k", 'ƚ': "l", 'ɲ': "n",
	'ƞ': "n", 'ɔ': "o", 'ɵ': "o", 'ƥ': "p", 'ʉ': "u", 'ʋ': "v", 'ƴ': "y", 'ƶ': "z", 'ȥ': "z",
}

// foldLatin returns the ASCII letters a lowercase Latin letter folds to, without its diacritics
// ("é" → "e", "ặ" → "a", "ł" → "l", "ß" → "ss"), or false for a Latin letter without an ASCII
// fold (ʒ, ɣ...), which is kept as it is.
func foldLatin(r rune) (string, bool) {
	if r < utf8.RuneSelf {
		return string(r), true
	}
	if s, ok := latinLetters[r]; ok {
		return s, true
	}
	d := norm.NFD.String(string(r)) // the base letter, then its combining marks
	base, _ := utf8.DecodeRuneInString(d)
	if base == r {
		return "", false
	}
	if base < utf8.RuneSelf {
		return string(base), true
	}
	if s, ok := latinLetters[base]; ok { // ǣ is æ with a macron
		return s, true
	}
	return "", false
}

// isFoldedScript reports whether r is a letter of a script whose combining marks folding drops:
// Latin, Greek (accents, breathings, dialytika) and Cyrillic (stress marks; й and ё are whole
// letters, composed before they are read).
func isFoldedScript(r rune) bool {
	return r < utf8.RuneSelf || unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

// cyrillicLetters romanises lowercase Cyrillic. Russian letters follow BGN/PCGN (1947) simplified as
// English-language references write it: е is always "e" (not "ye" at the start of a word), ё is "e"
// (Russian text writes ё and е interchangeably, and one name must give one id), and the hard and
// soft signs are dropped ("Единая Россия" → "edinaya rossiya"). The letters of Ukrainian,
// Belarusian, Serbian, Macedonian, Bulgarian and Kazakh that Russian has not are romanised as those
// languages usually are. A Cyrillic letter not listed is kept as it is.
var cyrillicLetters = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	// Ukrainian and Belarusian
	'є': "ye", 'і': "i", 'ї': "yi", 'ґ': "g", 'ў': "u",
	// Serbian, Macedonian
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	// Kazakh and other Turkic languages
	'ә': "a", 'ғ': "gh", 'қ': "q", 'ң': "ng", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h",
}

// greekLetters romanises lowercase Greek letters without their accents, as ELOT 743 (the Greek
// standard, as Greek passports apply it) does letter by letter; greekWord adds its rules for pairs.
var greekLetters = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
	'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s",
	'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// greekUnit is a Greek letter of a word: its lowercase base letter and whether it bears an accent
// (or breathing) or a dialytika.
type greekUnit struct {
	base              rune
	accent, diaeresis bool
}

// greekWord romanises a run of Greek letters and combining marks by ELOT 743: letter by letter
// (greekLetters), except that γ before γ, ξ or χ is "n" (γγ → ng, γξ → nx, γχ → nch), ου is "ou",
// and αυ, ευ, ηυ are "av", "ev", "iv", or "af", "ef", "if" before θ κ ξ π σ τ φ χ ψ and at the end of
// the word; a dialytika on υ, or an accent on the vowel before it, parts the pair ("Ευρώπη" →
// "evropi", "Πανελλήνιο" → "panellinio"). A Greek letter not listed (an archaic one) is kept.
func greekWord(run []rune, out []byte) []byte {
	units := make([]greekUnit, 0, len(run))
	for _, r := range run {
		for _, d := range norm.NFD.String(string(r)) {
			switch {
			case unicode.Is(unicode.M, d):
				if len(units) > 0 {
					u := &units[len(units)-1]
					if d == '\u0308' {
						u.diaeresis = true
					} else {
						u.accent = true
					}
				}
			case unicode.IsUpper(unicode.ToLower(d)):
				// a capital with no small letter: a symbol, not a letter of the word
			default:
				units = append(units, greekUnit{base: unicode.ToLower(d)})
			}
		}
	}
	voiceless := func(i int) bool {
		if i >= len(units) {
			return true // the end of the word
		}
		switch units[i].base {
		case 'θ', 'κ', 'ξ', 'π', 'σ', 'ς', 'τ', 'φ', 'χ', 'ψ':
			return true
		}
		return false
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		pair := i+1 < len(units) && units[i+1].base == 'υ' && !units[i+1].diaeresis && !u.accent && !u.diaeresis
		switch {
		case u.base == 'γ' && i+1 < len(units) && (units[i+1].base == 'γ' || units[i+1].base == 'ξ' || units[i+1].base == 'χ'):
			out = append(out, 'n')
		case pair && u.base == 'ο':
			out = append(out, "ou"...)
			i++
		case pair && (u.base == 'α' || u.base == 'ε' || u.base == 'η'):
			out = append(out, greekLetters[u.base]...)
			if voiceless(i + 2) {
				out = append(out, 'f')
			} else {
				out = append(out, 'v')
			}
			i++
		default:
			if s, ok := greekLetters[u.base]; ok {
				out = append(out, s...)
			} else {
				out = utf8.AppendRune(out, u.base)
			}
		}
	}
	return out
}

// cutID cuts s to at most max bytes on a rune boundary, without trailing hyphens.
func cutID(s string, max int) string {
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	for i > 0 && s[i-1] == '-' {
		i--
	}
	return s[:i]
}
