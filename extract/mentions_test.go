package extract

import (
	"slices"
	"testing"
)

// Names that join their words with "and" are one name when the words before "and" name an ideal or
// those a party speaks for, or when the abbreviation after the name takes the initials of both
// halves; two names listed with "and" stay two.
func TestFindMentionsJoinedByAnd(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The Ethiopian Justice and Concord Party was founded.", []string{"Ethiopian Justice and Concord Party"}},
		{"The Democratic Peasants and Workers Party (DPWP) was founded.", []string{"Democratic Peasants and Workers Party", "DPWP"}},
		{"In 1950 the Farmers and Labour Union won two seats.", []string{"Farmers and Labour Union"}},
		{"After the State Law and Order Restoration Council (SLORC) seized power, the UPL registered.",
			[]string{"State Law and Order Restoration Council", "SLORC", "UPL"}},
		{"After the Green Valley and Coast Alliance (GVCA) was formed, it split.", []string{"Green Valley and Coast Alliance", "GVCA"}},
		{"The Sam Rainsy Party and Human Rights Party merged.", []string{"Sam Rainsy Party", "Human Rights Party"}},
		{"In 2012 Kem Sokha and Human Rights Party leaders met.", []string{"Kem Sokha", "Human Rights Party"}},
		{"Fidesz and Jobbik refused.", []string{"Fidesz", "Jobbik"}},
		{"The Green Valley and Coast Alliance (GCA) was formed.", []string{"Green Valley", "Coast Alliance", "GCA"}},
		// Words that open a sentence begin no name.
		{"Ahead of the election the Farmers' Union split.", []string{"Farmers' Union"}},
		{"Thereafter the Farmers' Union split.", []string{"Farmers' Union"}},
		// A noun after the name says it is a body's: one name.
		{"It formed the Homeland and Justice alliance in 2012.", []string{"Homeland and Justice"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range findMentions(tt.sentence) {
			got = append(got, m.name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("findMentions(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}

// A name qualified with its country splits into the name and the country; a name that opens with a
// creed ending as demonyms do ("Democratic", "Christian", "Republican") is no qualified name.
func TestQualifiedName(t *testing.T) {
	tests := []struct{ name, base, qualifier string }{
		{"Moroccan Popular Renewal Party", "Popular Renewal Party", "Moroccan"},
		{"Hellenic Rural Union", "Rural Union", "Hellenic"},
		{"Panhellenic Rural Union of Greece", "Panhellenic Rural Union", "Greece"},
		{"India's Samajwadi Lok Morcha", "Samajwadi Lok Morcha", "India"},
		{"Democratic Peasants and Workers Party", "", ""},
		{"Christian Democratic Union", "", ""},
		{"Republican People's Party", "", ""},
		{"Islamic Salvation Front", "", ""},
	}
	for _, tt := range tests {
		base, q, ok := QualifiedName(tt.name)
		if base != tt.base || q != tt.qualifier || ok != (tt.base != "") {
			t.Errorf("QualifiedName(%q) = %q, %q, %v; want %q, %q", tt.name, base, q, ok, tt.base, tt.qualifier)
		}
	}
}

// A month of another calendar before a year is no name: "1 Baishakh 1380".
func TestFindMentionsOtherCalendarMonth(t *testing.T) {
	for _, m := range findMentions("It was founded in Khulna on 1 Baishakh 1380 (14 April 1973).") {
		if m.name != "Khulna" {
			t.Errorf("findMentions: %q, want Khulna only", m.name)
		}
	}
}

// A capitalised word made an adjective ("League-led", "Moscow-backed") ends no name: the noun after
// it is what the sentence speaks of.
func TestFindMentionsAttributiveCompound(t *testing.T) {
	var got []string
	for _, m := range findMentions("In 2005 the party joined the Awami League-led alliance, and in 2009 the Moscow-backed Union of Workers.") {
		got = append(got, m.name)
	}
	if want := []string{"Union of Workers"}; !slices.Equal(got, want) {
		t.Errorf("findMentions: %q, want %q", got, want)
	}
}

// Honorifics of other languages written with a slash or abbreviated ("W/ro", "Ven.") are no part of
// the person's id.
func TestPersonIDWithoutOtherHonorifics(t *testing.T) {
	for name, want := range map[string]string{"W/ro Meseret Tadesse": "meseret-tadesse", "Ven. Thich Quang Do": "thich-quang-do", "Dra. Rosa Mamani": "rosa-mamani"} {
		if got := personID(name); string(got) != want {
			t.Errorf("personID(%q) = %q, want %q", name, got, want)
		}
	}
}
