package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"annals/events"
)

// samePersons joins, in the facts one document gives, the persons it names in a shorter and in a
// fuller form: "Elena Sotomayor" and "Elena Sotomayor Ruiz", "Vasyl Kravets" and "Vasyl Ivanovych
// Kravets", "J. Valdivieso" and "Jorge Valdivieso Pino", "Abdolhossein Tavakoli" and "Abdol-Hossein
// Tavakoli". A shorter form stands for the one fuller form it fits (shortFormOf); one that fits two is
// left alone. Its facts become the fuller form's, its names alternate names of it.
func samePersons(facts []events.Fact) []events.Fact {
	names := map[events.EntityID][]string{}
	var order []events.EntityID
	for _, f := range facts {
		if n, ok := f.Payload.(events.EntityNamed); ok && n.Kind == events.KindPerson {
			if _, seen := names[f.Entity]; !seen {
				order = append(order, f.Entity)
			}
			names[f.Entity] = append(names[f.Entity], n.Name)
		}
	}
	into := map[events.EntityID]events.EntityID{}
	for _, short := range order {
		var found events.EntityID
		ambiguous := false
		for _, long := range order {
			if long == short || !anyShortForm(names[short], names[long]) || anyShortForm(names[long], names[short]) && long > short {
				continue
			}
			if found != "" && found != long {
				ambiguous = true
			}
			found = long
		}
		if found != "" && !ambiguous {
			into[short] = found
		}
	}
	canon := func(id events.EntityID) events.EntityID {
		for range len(into) { // a chain, short → fuller → fullest, ends
			next, ok := into[id]
			if !ok {
				break
			}
			id = next
		}
		return id
	}
	if len(into) == 0 {
		return facts
	}
	out := make([]events.Fact, 0, len(facts))
	for _, f := range facts {
		if c := canon(f.Entity); c != f.Entity {
			if n, ok := f.Payload.(events.EntityNamed); ok && n.NameType == events.NameOfficial {
				n.NameType = events.NameAlternate
				f.Payload = n
			}
			f.Entity = c
		}
		f.Payload = events.MapRefs(f.Payload, canon)
		out = append(out, f)
	}
	return out
}

// anyShortForm reports whether one of shorts is a shorter form of one of longs (shortFormOf).
func anyShortForm(shorts, longs []string) bool {
	for _, s := range shorts {
		for _, l := range longs {
			if shortFormOf(s, l) {
				return true
			}
		}
	}
	return false
}

// shortFormOf reports whether name a is b written shorter or otherwise: the same letters joined
// otherwise ("Mei-ling", "Meiling"), or b's words from its first on, some left out ("Elena Sotomayor"
// of Elena Sotomayor Ruiz, "Vasyl Kravets" of Vasyl Ivanovych Kravets), a word written as its initial
// ("J. Valdivieso", "L. A. Carrasco V."). a keeps two words at least, one of them whole.
func shortFormOf(a, b string) bool {
	a, b = withoutHonorifics(a), withoutHonorifics(b)
	ka, kb := events.NameKey(a), events.NameKey(b)
	if ka == kb {
		return false
	}
	compact := strings.NewReplacer(" ", "", "-", "")
	if ca := compact.Replace(ka); ca == compact.Replace(kb) && utf8.RuneCountInString(ca) >= 6 {
		return true
	}
	words := func(k string) []string {
		return strings.Fields(strings.ReplaceAll(k, ".", " ")) // "j. valdivieso": the initial alone
	}
	wa, wb := words(ka), words(kb)
	initial := slices.ContainsFunc(wa, func(w string) bool { return utf8.RuneCountInString(w) == 1 })
	if len(wa) < 2 || len(wa) > len(wb) || len(wa) == len(wb) && !initial {
		return false
	}
	whole := false
	j := 0
	for i, w := range wa {
		for j < len(wb) && !wordFits(w, wb[j]) {
			if i == 0 {
				return false // the first words go together
			}
			j++
		}
		if j == len(wb) {
			return false
		}
		whole = whole || utf8.RuneCountInString(w) > 1
		j++
	}
	return whole && slices.ContainsFunc(wa[1:], func(w string) bool { return utf8.RuneCountInString(w) > 1 })
}

// wordFits reports whether a word of a shorter name stands for a word of the fuller: the same word, or
// its initial.
func wordFits(short, long string) bool {
	if short == long {
		return true
	}
	r, _ := utf8.DecodeRuneInString(long)
	return utf8.RuneCountInString(short) == 1 && strings.HasPrefix(short, string(r))
}
