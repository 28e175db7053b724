package extract

import (
	"errors"
	"strings"
	"testing"

	"annals/events"
)

// The structures other writers use for leaders and results: a leaders list with the holder's name in
// another script, a leaders table with the term in one column, a results table by year whose first
// column names the election, an infobox affiliation with its term; a row that gives no figure is no
// result, and a table no rule reads is skipped with a warning (refused in strict mode).
func TestListsAndTermsOfOtherWriters(t *testing.T) {
	doc := parseArticle(t, "mg.txt", `= Mountain Gate Party =

Mountain Gate Party
- Founded: 1981
- International: Agrarian International (1994–2001)
- Country: Georgia

The Mountain Gate Party was a party in Georgia.

== Leaders ==
- Nodar Beridze (ნოდარ ბერიძე), 1981–1986
- Tamar Abashidze (1986–1992)
- 1992–present: Levan Gelashvili
- the founders, jointly

== Chairmen ==
| No. | Chairman | Term |
| 1 | Nodar Beridze | 1981–1986 |
| 2 | Tamar Abashidze | spring 1986 – 1992 |

== Results ==
| Election | Year | Votes (%) | House seats | Leader |
| 10th Parliament | 1984 | 1.9 | 2 | Nodar Beridze |
| 11th Parliament | 1988 | — | — | barred |

== Branches ==
| Region | Members |
| North | 1,200 |
`)
	facts, warnings, err := FactsWith(doc, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range facts {
		key := string(f.Type) + " " + KeyOf(f)
		switch p := f.Payload.(type) {
		case events.LeaderTookOffice:
			key += " " + p.Role
		case events.ElectionResult:
			key += " seats " + p.Seats + " " + string(p.Leader)
		case events.EntityNamed:
			if p.NameType != events.NameNative {
				continue
			}
			key = string(f.Type) + " " + string(f.Entity) + " " + p.Name
		}
		if prev, ok := got[key]; ok && prev != f.Date.String() {
			key += " again"
		}
		got[key] = f.Date.String()
	}
	for k, date := range map[string]string{
		"leader.took_office/v1 nodar-beridze leader":                      "1981",
		"leader.left_office/v1 nodar-beridze":                             "1986",
		"leader.took_office/v1 tamar-abashidze leader":                    "1986",
		"leader.left_office/v1 tamar-abashidze":                           "1992",
		"leader.took_office/v1 levan-gelashvili leader":                   "1992",
		"entity.named/v1 nodar-beridze ნოდარ ბერიძე":                      "XXXX",
		"leader.took_office/v1 nodar-beridze chairman":                    "1981",
		"leader.took_office/v1 tamar-abashidze chairman":                  "1986-21",
		"election.result_recorded/v1 1984/general/ seats 2 nodar-beridze": "1984",
		"party.affiliation_recorded/v1 agrarian-international":            "1994",
		"party.affiliation_ended/v1 agrarian-international":               "2001",
	} {
		if got[k] != date {
			t.Errorf("FactsWith: %s dated %q, want %q", k, got[k], date)
		}
	}
	for k := range got {
		if strings.Contains(k, "1988") || strings.Contains(k, "levan-gelashvili") && strings.HasPrefix(k, "leader.left_office") {
			t.Errorf("FactsWith: %s, want none (no figure; a term still running)", k)
		}
	}
	var msgs []string
	for _, w := range warnings {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	if len(warnings) != 2 || !strings.Contains(all, "the founders, jointly") || !strings.Contains(all, "Region, Members") {
		t.Errorf("FactsWith warnings:\n%s\nwant the list item without a term and the table no rule reads", all)
	}
	if _, _, err := FactsWith(doc, nil, Options{Strict: true}); !errors.Is(err, events.ErrInvalid) {
		t.Errorf("strict FactsWith: %v, want the document refused", err)
	}
	if t.Failed() {
		t.Logf("facts: %v", got)
	}
}
