package extract

import (
	"testing"

	"annals/events"
)

// A shorter form of a name is the same letters joined otherwise, the fuller name's words from its
// first on with some left out, or written as initials; names of other persons are none.
func TestShortFormOf(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Elena Sotomayor", "Elena Sotomayor Ruiz", true},
		{"Vasyl Kravets", "Vasyl Ivanovych Kravets", true},
		{"J. Valdivieso", "Jorge Valdivieso Pino", true},
		{"L. A. Carrasco V.", "Luis Alberto Carrasco Vidal", true},
		{"Chen Meiling", "Chen Mei-ling", true},
		{"Dr. Than Htike", "Than Htike", false}, // the same name
		{"Sotomayor Ruiz", "Elena Sotomayor Ruiz", false},
		{"George Papandreou", "Andreas Papandreou", false},
		{"Kim Jong-il", "Kim Jong-un", false},
		{"Elena", "Elena Sotomayor", false},
		{"J. K.", "Jorge Kast", false}, // no word whole
		{"Elena Sotomayor Ruiz", "Elena Sotomayor", false},
	}
	for _, tt := range tests {
		if got := shortFormOf(tt.a, tt.b); got != tt.want {
			t.Errorf("shortFormOf(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// samePersons gives the facts of a person named shorter to the one fuller form it fits, the short
// names becoming alternate names, and the payloads that refer to it refer to the fuller; a short form
// two fuller ones fit stays apart.
func TestSamePersons(t *testing.T) {
	named := func(id events.EntityID, name string) events.Fact {
		return events.Fact{Type: events.TypeEntityNamed, Entity: id, Payload: events.EntityNamed{Kind: events.KindPerson, Name: name, NameType: events.NameOfficial}}
	}
	took := func(person events.EntityID) events.Fact {
		return events.Fact{Type: events.TypeLeaderTookOffice, Entity: "p", Payload: events.LeaderTookOffice{Office: events.Office{Person: person, Role: "leader"}}}
	}
	facts := samePersons([]events.Fact{
		named("elena-sotomayor", "Elena Sotomayor"), named("elena-sotomayor-ruiz", "Elena Sotomayor Ruiz"), took("elena-sotomayor"),
		named("ana-toro", "Ana Toro"), named("ana-toro-lillo", "Ana Toro Lillo"), named("ana-toro-vidal", "Ana Toro Vidal"), took("ana-toro"),
	})
	if p := facts[2].Payload.(events.LeaderTookOffice); p.Person != "elena-sotomayor-ruiz" {
		t.Errorf("the office of Elena Sotomayor is %s's, want elena-sotomayor-ruiz's", p.Person)
	}
	if facts[0].Entity != "elena-sotomayor-ruiz" || facts[0].Payload.(events.EntityNamed).NameType != events.NameAlternate {
		t.Errorf("the short name is %s's, %s; want an alternate name of elena-sotomayor-ruiz", facts[0].Entity, facts[0].Payload.(events.EntityNamed).NameType)
	}
	if p := facts[6].Payload.(events.LeaderTookOffice); p.Person != "ana-toro" {
		t.Errorf("Ana Toro, whom two fuller names fit, became %s", p.Person)
	}
}
