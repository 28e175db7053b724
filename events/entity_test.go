package events

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

func TestParseEntityID(t *testing.T) {
	good := []string{
		"a",
		"7",
		"cnrp",
		"cambodia-national-rescue-party",
		"x-a09bd3117c90",
		"doc-cambodia-national-rescue-party",
		"1997-party-2",
		strings.Repeat("a", MaxEntityIDLength),
		"គណបក្ស", // Khmer: letters and combining vowel signs
		"cnrp-គណបក្សសង្គ្រោះជាតិ", // scripts side by side
		"中国共产党",
		"भारतीय-जनता-पार्टी",
		"ქართული-ოცნება",
		"حزب-البعث",
		"១៩៩៧",                                   // Khmer digits
		"takéo",                                  // valid, though Slug writes "takeo"
		"единая-россия",                          // valid, though Slug romanises Cyrillic
		strings.Repeat("ក", MaxEntityIDLength/3), // 78 bytes
	}
	for _, s := range good {
		t.Run(s, func(t *testing.T) {
			id, err := ParseEntityID(s)
			if err != nil {
				t.Fatalf("ParseEntityID(%q) error: %v", s, err)
			}
			if string(id) != s {
				t.Errorf("ParseEntityID(%q) = %q, want %q", s, id, s)
			}
			if err := EntityID(s).Validate(); err != nil {
				t.Errorf("EntityID(%q).Validate() = %v, want nil", s, err)
			}
		})
	}
}

func TestParseEntityIDInvalid(t *testing.T) {
	tests := []struct {
		name string
		in   string
		rule string // a word the error must hold
	}{
		{"empty", "", "empty"},
		{"dot", "cnrp.party", "not a lowercase letter"},
		{"star", "cnrp*", "not a lowercase letter"},
		{"greater than", "cnrp>", "not a lowercase letter"},
		{"space", "cambodia national", "not a lowercase letter"},
		{"tab", "cnrp\tparty", "not a lowercase letter"},
		{"uppercase", "CNRP", "not a lowercase letter"},
		{"one uppercase letter", "cambodia-National", "not a lowercase letter"},
		{"underscore", "cnrp_party", "not a lowercase letter"},
		{"cyrillic capital", "Россия", "not a lowercase letter"},
		{"greek capital", "πασοκ-Πασοκ", "not a lowercase letter"},
		{"latin capital with an accent", "takÉo", "not a lowercase letter"},
		{"georgian capital", "Ქართული", "not a lowercase letter"},
		{"titlecase", "ǅemal", "not a lowercase letter"},
		{"invalid utf-8", "cnrp\xff", "not valid UTF-8"},
		{"truncated utf-8", "គណបក\xe1\x9f", "not valid UTF-8"},
		{"leading mark", "\u17b6ក", "follows no letter"},
		{"mark after a hyphen", "ក-\u17b6ក", "follows no letter"},
		{"typographic apostrophe", "people\u2019s", "not a lowercase letter, digit or mark"},
		{"no-break space", "kem\u00a0sokha", "not a lowercase letter, digit or mark"},
		{"ideographic space", "中国\u3000共产党", "not a lowercase letter, digit or mark"},
		{"line separator", "a\u2028b", "not a lowercase letter, digit or mark"},
		{"zero-width space", "គណបក្ស\u200bជាតិ", "invisible"},
		{"hangul filler", "\u3164한국", "invisible"},
		{"full-width full stop", "cnrp\uff0eparty", "not a lowercase letter, digit or mark"},
		{"symbol", "cnrp€", "not a lowercase letter, digit or mark"},
		{"C1 control", "cnrp\u0085", "not a lowercase letter, digit or mark"},
		{"leading hyphen", "-cnrp", "hyphens only join"},
		{"trailing hyphen", "cnrp-", "hyphens only join"},
		{"double hyphen", "cnrp--party", "hyphens only join"},
		{"lone hyphen", "-", "hyphens only join"},
		{"too long", strings.Repeat("a", MaxEntityIDLength+1), "longer than"},
		{"too long in bytes", strings.Repeat("ក", MaxEntityIDLength/3+1), "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := ParseEntityID(tt.in)
			if err == nil {
				t.Fatalf("ParseEntityID(%q) = %q, want an error", tt.in, id)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("ParseEntityID(%q) error %v does not wrap ErrInvalid", tt.in, err)
			}
			if id != "" {
				t.Errorf("ParseEntityID(%q) = %q with an error, want \"\"", tt.in, id)
			}
			if !strings.Contains(err.Error(), tt.rule) {
				t.Errorf("ParseEntityID(%q) error %q does not say %q", tt.in, err, tt.rule)
			}
			if tt.in != "" && !strings.Contains(err.Error(), fmtQ(tt.in)) {
				t.Errorf("ParseEntityID(%q) error %q does not name the input", tt.in, err)
			}
			if verr := EntityID(tt.in).Validate(); verr == nil || verr.Error() != err.Error() {
				t.Errorf("EntityID(%q).Validate() = %v, want the ParseEntityID error %v", tt.in, verr, err)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	khmer := "គណបក្សសង្គ្រោះជាតិ"
	tests := []struct {
		name string
		in   string
		want EntityID
	}{
		{"ascii", "Cambodia National Rescue Party", "cambodia-national-rescue-party"},
		{"already a slug", "cnrp", "cnrp"},
		{"digits", "Party 1997 Congress", "party-1997-congress"},
		{"accent", "Takéo", "takeo"},
		{"accents and ligatures", "Ærøskøbing Straße Œuvre Łódź", "aeroskobing-strasse-oeuvre-lodz"},
		{"latin extended-a", "Čapek Şahin Đorđe", "capek-sahin-dorde"},
		{"latin extended additional", "Đặng", "dang"},
		{"apostrophe joins", "Cambodian People's Party", "cambodian-peoples-party"},
		{"curly apostrophe joins", "Cambodian People’s Party", "cambodian-peoples-party"},
		{"punctuation runs", "  Khmer Will Party (self-declared; not legally)  ", "khmer-will-party-self-declared-not-legally"},
		{"leading and trailing punctuation", "--«Candlelight»--", "candlelight"},
		{"mixed scripts", "CNRP គណបក្សសង្គ្រោះជាតិ", "cnrp-គណបក្សសង្គ្រោះជាតិ"},
		{"khmer between latin", "Sam ស Rainsy", "sam-ស-rainsy"},
		{"nbsp", "Anlong\u00a0Veng", "anlong-veng"},
		{"khmer only", khmer, EntityID(khmer)},
		{"khmer slogan", "សង្គ្រោះ", "សង្គ្រោះ"},
		{"empty", "", "x-e3b0c44298fc"},
		{"punctuation only", "—", EntityID("x-" + shortHash("—"))},
		{"length cap", strings.Repeat("a", 100), EntityID(strings.Repeat("a", MaxEntityIDLength))},
		{"length cap at a hyphen", strings.Repeat("a", MaxEntityIDLength-1) + " bcd", EntityID(strings.Repeat("a", MaxEntityIDLength-1))},
		{"length cap on a fold", strings.Repeat("ß", 50), EntityID(strings.Repeat("s", MaxEntityIDLength))},
		{"length cap on a character boundary", strings.Repeat("ក", 30), EntityID(strings.Repeat("ក", MaxEntityIDLength/3))},
		{"length cap in a romanisation", strings.Repeat("ψ", 50), EntityID(strings.Repeat("ps", MaxEntityIDLength/2))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Slug(tt.in)
			if got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("Slug(%q) = %q, which does not validate: %v", tt.in, got, err)
			}
			if again := Slug(tt.in); again != got {
				t.Errorf("Slug(%q) = %q, then %q: not stable", tt.in, got, again)
			}
		})
	}
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

// Names that differ only in non-Latin script get different slugs: their own letters.
func TestSlugKhmerNamesDiffer(t *testing.T) {
	a, b := Slug("គណបក្សសង្គ្រោះជាតិ"), Slug("គណបក្សសាមគ្គីជាតិកម្ពុជា")
	if a == b {
		t.Errorf("Slug of two Khmer names = %q for both, want different ids", a)
	}
	if want := EntityID("គណបក្សសាមគ្គីជាតិកម្ពុជា"); b != want {
		t.Errorf("Slug(%q) = %q, want %q", "គណបក្សសាមគ្គីជាតិកម្ពុជា", b, want)
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"", "Takéo", "គណបក្ស", "a--b", strings.Repeat("ß", 60), "\xff\xfe", "İstanbul",
		"Đặng", "Единая Россия", "Πανελλήνιο Σοσιαλιστικό Κίνημα", "αϋ ευ", "\u0301a", "a-\u17b6", "ក\u200b\u17b6",
		"ǅ ϒ ℂ 𝐀", "ᲥᲐᲠᲗᲣᲚᲘ", "한국", "People’s «Party»", strings.Repeat("ក\u17b6", 20), strings.Repeat("ψ", 41),
		"ﬁ ½ ①", "Σ\u0301\u0308", "ДжЪ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		id := Slug(name)
		if err := id.Validate(); err != nil {
			t.Fatalf("Slug(%q) = %q, which does not validate: %v", name, id, err)
		}
		if again := Slug(name); again != id {
			t.Fatalf("Slug(%q) = %q, then %q", name, id, again)
		}
		if again := Slug(string(id)); again != id {
			t.Fatalf("Slug(%q) = %q, and Slug(%q) = %q: not idempotent", name, id, id, again)
		}
		if doc := DocumentEntity(name); doc.Validate() != nil {
			t.Fatalf("DocumentEntity(%q) = %q, which does not validate: %v", name, doc, doc.Validate())
		}
	})
}

func TestDocumentEntity(t *testing.T) {
	long := strings.Repeat("very-long-name-", 10) + "end.txt"
	tests := []struct {
		in   string
		want EntityID
	}{
		{"cambodia-national-rescue-party.txt", "doc-cambodia-national-rescue-party"},
		{"seeds/cambodia-national-rescue-party.txt", "doc-cambodia-national-rescue-party"},
		{"/abs/path/Cambodian National Unity Party.txt", "doc-cambodian-national-unity-party"},
		{"no-extension", "doc-no-extension"},
		{"two.dots.txt", "doc-two-dots"},
		{".hidden", "doc-hidden"},
		{"Takéo.txt", "doc-takeo"},
		{"គណបក្ស.txt", "doc-គណបក្ស"},
		{"—.txt", EntityID("doc-x-" + shortHash("—"))},
		{strings.Repeat("ក", 30) + ".txt", EntityID("doc-" + strings.Repeat("ក", (MaxEntityIDLength-len("doc-"))/3))},
		{long, EntityID("doc-" + strings.TrimRight(string(Slug(strings.TrimSuffix(long, ".txt")))[:MaxEntityIDLength-len("doc-")], "-"))},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := DocumentEntity(tt.in)
			if got != tt.want {
				t.Errorf("DocumentEntity(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("DocumentEntity(%q) = %q, which does not validate: %v", tt.in, got, err)
			}
		})
	}
}

func TestKindValidate(t *testing.T) {
	for _, k := range []Kind{KindParty, KindPerson, KindOrganisation, KindDocument} {
		if err := k.Validate(); err != nil {
			t.Errorf("Kind(%q).Validate() = %v, want nil", k, err)
		}
	}
	for _, k := range []Kind{"", "Party", "faction", "parties"} {
		err := k.Validate()
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("Kind(%q).Validate() = %v, want an error wrapping ErrInvalid", k, err)
		}
	}
}

func TestNameKey(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Cambodia National Rescue Party", "cambodia national rescue party"},
		{"  CNRP  ", "cnrp"},
		{"Kem\u00a0Sokha", "kem sokha"},
		{"Kem \t\n Sokha", "kem sokha"},
		{"TAKÉO", "takeo"},
		{"គណបក្សសង្គ្រោះជាតិ", "គណបក្សសង្គ្រោះជាតិ"},
		{" សង្គ្រោះ\u00a0\u00a0បម្រើ ", "សង្គ្រោះ បម្រើ"},
		{"", ""},
		{" \u00a0\t", ""},
	}
	for _, tt := range tests {
		if got := NameKey(tt.in); got != tt.want {
			t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
