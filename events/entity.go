package events

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// EntityID is the stable identifier of an entity in the record: a party, a person, an organisation or
// a document. It is a slug: lowercase ASCII letters and digits in runs joined by single hyphens, at
// most MaxEntityIDLength bytes. It is safe as a NATS subject token (it never holds '.', '*', '>' or
// white space), whatever the name of the entity is.
type EntityID string

// MaxEntityIDLength is the longest EntityID accepted.
const MaxEntityIDLength = 80

// ParseEntityID returns s as an EntityID, or an error wrapping ErrInvalid that names s and the rule it
// breaks.
func ParseEntityID(s string) (EntityID, error) {
	if err := EntityID(s).Validate(); err != nil {
		return "", err
	}
	return EntityID(s), nil
}

// Validate returns nil if id is a well-formed EntityID, or an error wrapping ErrInvalid.
func (id EntityID) Validate() error {
	s := string(id)
	switch {
	case s == "":
		return fmt.Errorf("entity id is empty: %w", ErrInvalid)
	case len(s) > MaxEntityIDLength:
		return fmt.Errorf("entity id %q is longer than %d bytes: %w", s, MaxEntityIDLength, ErrInvalid)
	case s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--"):
		return fmt.Errorf("entity id %q: hyphens only join letters and digits: %w", s, ErrInvalid)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return fmt.Errorf("entity id %q: byte %q at %d is not a lowercase letter, digit or hyphen: %w", s, c, i, ErrInvalid)
		}
	}
	return nil
}

// Slug derives an EntityID from a name: Latin letters are folded to lowercase ASCII (accents removed),
// apostrophes are dropped ("People's" → "peoples"), every other run of characters becomes one hyphen. A name with no Latin letters or digits (a name in
// Khmer script, say) gets "x-" and a short hash of its bytes, so it still has a stable identifier.
func Slug(name string) EntityID {
	var b strings.Builder
	hyphen := false
	for _, r := range name {
		if r == '\'' || r == '’' { // "People's" is one word: "peoples"
			continue
		}
		folded, ok := foldLatin(r)
		if !ok {
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteString(folded)
	}
	s := b.String()
	if len(s) > MaxEntityIDLength {
		s = strings.TrimRight(s[:MaxEntityIDLength], "-")
	}
	if s == "" {
		sum := sha256.Sum256([]byte(name))
		s = "x-" + hex.EncodeToString(sum[:6])
	}
	return EntityID(s)
}

// foldLatin maps a rune to lowercase ASCII: letters and digits as themselves, the Latin-1 and Latin
// Extended-A letters without their accents. It reports false for anything else.
func foldLatin(r rune) (string, bool) {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return string(r), true
	case r >= 'A' && r <= 'Z':
		return string(r + 'a' - 'A'), true
	}
	if s, ok := latinFolds[r]; ok {
		return s, true
	}
	return "", false
}

var latinFolds = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe", 'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l"}
	groups := map[string]string{
		"a": "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "c": "çćĉċčÇĆĈĊČ", "d": "ďĎ", "e": "èéêëēĕėęěÈÉÊËĒĔĖĘĚ",
		"g": "ĝğġģĜĞĠĢ", "h": "ĥħĤĦ", "i": "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "j": "ĵĴ", "k": "ķĶ", "l": "ĺļľŀĹĻĽĿ",
		"n": "ñńņňÑŃŅŇ", "o": "òóôõöōŏőÒÓÔÕÖŌŎŐ", "r": "ŕŗřŔŖŘ", "s": "śŝşšŚŜŞŠ", "t": "ţťŧŢŤŦ",
		"u": "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "w": "ŵŴ", "y": "ýÿŷÝŸŶ", "z": "źżžŹŻŽ",
	}
	for ascii, runes := range groups {
		for _, r := range runes {
			m[r] = ascii
		}
	}
	return m
}()

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
	slug := string(Slug(base))
	if len(slug) > MaxEntityIDLength-len(prefix) {
		// Slug is ASCII and never starts with a hyphen, so the cut leaves a valid, non-empty slug.
		slug = strings.TrimRight(slug[:MaxEntityIDLength-len(prefix)], "-")
	}
	return EntityID(prefix + slug)
}
