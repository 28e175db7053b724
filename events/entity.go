package events

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// EntityID is the stable identifier of an entity in the record: a party, a person, an organisation or
// a document. It is a slug: runs of letters, combining marks and digits joined by single hyphens, in
// valid UTF-8, at most MaxEntityIDLength bytes. Its letters are lowercase: ASCII for Latin names, and
// the letters of the name's own script for the scripts Slug does not romanise (Khmer, Thai, Arabic,
// Chinese, Georgian...), lowercased where the script has case. It is safe as a NATS subject token: it
// never holds '.', '*', '>', white space, control or format characters, punctuation or symbols,
// whatever the name of the entity is.
type EntityID string

// MaxEntityIDLength is the longest EntityID accepted, in bytes (a letter of a non-Latin script takes
// two to four).
const MaxEntityIDLength = 80

// ParseEntityID returns s as an EntityID, or an error wrapping ErrInvalid that names s and the rule it
// breaks.
func ParseEntityID(s string) (EntityID, error) {
	if err := EntityID(s).Validate(); err != nil {
		return "", err
	}
	return EntityID(s), nil
}

// Validate returns nil if id is a well-formed EntityID, or an error wrapping ErrInvalid: an id is
// valid UTF-8, and holds ASCII lowercase letters, digits and hyphens, and any other letters (not
// uppercase or titlecase, not invisible fillers), digits and numbers, and combining marks (after a
// letter, digit or mark). Hyphens only join, one at a time.
func (id EntityID) Validate() error {
	s := string(id)
	switch {
	case s == "":
		return fmt.Errorf("entity id is empty: %w", ErrInvalid)
	case len(s) > MaxEntityIDLength:
		return fmt.Errorf("entity id %s is longer than %d bytes: %w", Excerpt(s, DefaultExcerpt), MaxEntityIDLength, ErrInvalid)
	case !utf8.ValidString(s):
		return fmt.Errorf("entity id %q is not valid UTF-8: %w", s, ErrInvalid)
	case s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--"):
		return fmt.Errorf("entity id %q: hyphens only join letters and digits: %w", s, ErrInvalid)
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
		case r < utf8.RuneSelf:
			return fmt.Errorf("entity id %q: byte %q at %d is not a lowercase letter, digit or hyphen: %w", s, r, i, ErrInvalid)
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			return fmt.Errorf("entity id %q: %q at %d is not a lowercase letter: %w", s, r, i, ErrInvalid)
		case invisible(r):
			return fmt.Errorf("entity id %q: %q at %d is an invisible character: %w", s, r, i, ErrInvalid)
		case unicode.IsMark(r):
			if i == 0 || s[i-1] == '-' {
				return fmt.Errorf("entity id %q: combining mark %q at %d follows no letter: %w", s, r, i, ErrInvalid)
			}
		case !unicode.IsLetter(r) && !unicode.IsNumber(r):
			return fmt.Errorf("entity id %q: %q at %d is not a lowercase letter, digit or mark: %w", s, r, i, ErrInvalid)
		}
	}
	return nil
}

// Slug derives an EntityID from a name. Compatibility characters are normalised first (NFKC:
// ligatures, full-width forms, superscripts). Latin letters fold to lowercase ASCII without their
// diacritics, in every Latin alphabet ("Đặng" → "dang", "Țărănesc" → "taranesc", "Łódź" → "lodz",
// "Straße" → "strasse"); Cyrillic and Greek are romanised (Russian by BGN/PCGN, Greek by ELOT 743:
// "Единая Россия" → "edinaya-rossiya"); the letters of other scripts are kept, lowercased where the
// script has case, with their combining marks (a Khmer name gives a Khmer id). Apostrophes, plain
// or typographic, are dropped ("People's" and "People’s" → "peoples"), and so are invisible format
// characters (zero-width spaces and joiners, direction marks, soft hyphens); every other run of
// characters (white space, punctuation, quotation marks, symbols) becomes one hyphen. The id is cut
// to MaxEntityIDLength bytes on a character boundary. A name with no letter or digit at all gets
// "x-" and a short hash of its bytes, so it still has a stable identifier. Slug of a Slug is itself.
func Slug(name string) EntityID {
	s := norm.NFKC.String(strings.Map(foldQuote, name))
	b := make([]byte, 0, len(s))
	hyphen := false // a separator since the last letter written
	marks := false  // combining marks after the last rune written are kept
	emit := func(t string) {
		if t == "" {
			return
		}
		if hyphen && len(b) > 0 {
			b = append(b, '-')
		}
		hyphen = false
		b = append(b, t...)
	}
	emitByte := func(c byte) {
		if hyphen && len(b) > 0 {
			b = append(b, '-')
		}
		hyphen, marks = false, false
		b = append(b, c)
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := foldQuote(rs[i])
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			emitByte(byte(r))
		case r >= 'A' && r <= 'Z':
			emitByte(byte(r) + 'a' - 'A')
		case r == '\'':
			// "People's" is one word: "peoples"
		case invisible(r):
			// a zero-width space, a joiner, a direction mark...
		case unicode.IsMark(r):
			if marks && !hyphen {
				b = utf8.AppendRune(b, r)
			}
		case !unicode.IsLetter(r) && !unicode.IsNumber(r):
			hyphen, marks = true, false
		case unicode.In(r, unicode.Greek) && unicode.IsLetter(r):
			j := i + 1
			for j < len(rs) && (unicode.IsMark(rs[j]) || unicode.In(rs[j], unicode.Greek) && unicode.IsLetter(rs[j])) {
				j++
			}
			emit(string(greekWord(rs[i:j], nil)))
			i, marks = j-1, false
		default:
			r = unicode.ToLower(r)
			if unicode.IsUpper(r) || unicode.IsTitle(r) { // a capital with no small letter (a symbol)
				hyphen, marks = true, false
				continue
			}
			if t, ok := cyrillicLetters[r]; ok {
				emit(t) // ъ and ь are "": they join the letters around them
				marks = false
				continue
			}
			if unicode.In(r, unicode.Latin) || r < utf8.RuneSelf {
				if t, ok := foldLatin(r); ok {
					emit(t)
					marks = false
					continue
				}
			}
			emit(string(r))
			marks = !isFoldedScript(r)
		}
	}
	id := cutID(norm.NFC.String(string(b)), MaxEntityIDLength)
	if id == "" {
		sum := sha256.Sum256([]byte(name))
		id = "x-" + hex.EncodeToString(sum[:6])
	}
	return EntityID(id)
}

// Kind is what sort of thing an entity is.
type Kind string

// The kinds of entity annals knows.
const (
	KindParty        Kind = "party"        // a political party
	KindPerson       Kind = "person"       // a person
	KindOrganisation Kind = "organisation" // a government, a court, an army, a movement, an NGO...
	KindDocument     Kind = "document"     // a source document held in the record
)

// Validate returns nil if k is one of the known kinds, or an error wrapping ErrInvalid.
func (k Kind) Validate() error {
	switch k {
	case KindParty, KindPerson, KindOrganisation, KindDocument:
		return nil
	}
	return fmt.Errorf("kind %q is not one of party, person, organisation, document: %w", string(k), ErrInvalid)
}

// DocumentEntity returns the EntityID under which the document with the given file name is recorded:
// "doc-" and the slug of the base name without its extension, cut to MaxEntityIDLength.
func DocumentEntity(name string) EntityID {
	base := name
	if i := strings.LastIndexByte(base, '/'); i >= 0 {
		base = base[i+1:]
	}
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	const prefix = "doc-"
	// A slug never starts with a hyphen or a combining mark, so the cut leaves a valid, non-empty slug.
	return EntityID(prefix + cutID(string(Slug(base)), MaxEntityIDLength-len(prefix)))
}
