package extract

import (
	"errors"
	"fmt"
	"slices"
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

// Structures of a thirteenth round: an infobox founding with another calendar's date and the name it
// was founded under, a ban over a term, a former name with its abbreviation, an affiliation "(partner,
// 2014–2020)" and one that is "None", leaders listed with "* ", a vacancy and an incumbent in a leaders
// table, and a results table whose sub-header divides the figures, not the election and its leader.
func TestStructuresOfTheThirteenthRound(t *testing.T) {
	doc := parseArticle(t, "lap.txt", `= Lowland Agrarian Party =

Lowland Agrarian Party
- Founded: 2 July 1961 (25 Sene 1953 E.C.) (as Lowland Farmers' Front)
- Banned: 1974–1991
- Former name: Lowland Farmers' Front (LFF; 1961–1980)
- International: None
- Affiliation1 Title: European affiliation
- Affiliation1: European Green Party (observer, 2014–2020)

The Lowland Agrarian Party is a party in Ethiopia.

== Presidents ==
* 1961–1979: Kebede Alemu
* 1991–present: Hirut Desta

== Chairmen ==
| No. | Name | Term start | Term end |
| 1 | Kebede Alemu | 2 July 1961 | 1979 |
| — | vacant | 1979 | 1991 |
| 2 | Hirut Desta | 1991 | Incumbent |

== Results ==
| Election | Leader | Votes | Seats | Status |
| # | % | # | ± | |
| 1995 | Hirut Desta | 61,214 | 3.1 | 1 / 235 | New | Opposition |
| 2000 | Hirut Desta | 42,806 | 2.8 | 0 / 235 | 1 | Extra-parliamentary |
`)
	facts, warnings, err := FactsWith(doc, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range facts {
		key := string(f.Type) + " " + KeyOf(f)
		switch p := f.Payload.(type) {
		case events.PartyFounded:
			key += " as " + p.Name
		case events.PartyAffiliation:
			key += " " + p.Kind
		case events.LeaderTookOffice:
			key += " " + p.Role
		case events.ElectionResult:
			key += " votes " + p.VotesText + " " + p.Percent + "% seats " + p.Seats
		case events.EntityNamed:
			key = string(f.Type) + " " + string(f.Entity) + " " + p.Name
		}
		got[key] = f.Date.String()
	}
	for k, date := range map[string]string{
		"party.founded/v1  as Lowland Farmers' Front":                                        "1961-07-02",
		"party.banned/v1 ":                                                                   "1974",
		"party.restored/v1 ":                                                                 "1991",
		"entity.named/v1 lowland-agrarian-party Lowland Farmers' Front":                      "XXXX",
		"entity.named/v1 lowland-agrarian-party LFF":                                         "XXXX",
		"party.renamed/v1 lowland agrarian party":                                            "1980",
		"party.affiliation_recorded/v1 european-green-party european affiliation (observer)": "2014",
		"party.affiliation_ended/v1 european-green-party":                                    "2020",
		"leader.took_office/v1 kebede-alemu president":                                       "1961",
		"leader.took_office/v1 hirut-desta president":                                        "1991",
		"leader.took_office/v1 hirut-desta chairman":                                         "1991",
		"election.result_recorded/v1 1995/general/ votes 61,214 3.1% seats 1 / 235":          "1995",
		"election.result_recorded/v1 2000/general/ votes 42,806 2.8% seats 0 / 235":          "2000",
	} {
		if got[k] != date {
			t.Errorf("FactsWith: %s dated %q, want %q", k, got[k], date)
		}
	}
	for k := range got {
		if strings.Contains(k, "vacant") || strings.Contains(k, "party.affiliation_recorded/v1 none") || strings.HasPrefix(k, "leader.left_office/v1 hirut-desta") {
			t.Errorf("FactsWith: %s, want none (no holder; no affiliation; a term still running)", k)
		}
	}
	for _, w := range warnings {
		if strings.Contains(w.String(), "Incumbent") || strings.Contains(w.String(), "Founded") || strings.Contains(w.String(), "Banned") {
			t.Errorf("FactsWith warning %s, want the value read", w)
		}
	}
	if t.Failed() {
		t.Logf("facts: %v", got)
	}
}

// A leader a results table names by the first words of the name the leaders table gives is that
// leader; a split told "he and eleven of the members … broke away and founded"; and a founding
// conference that "adopted the name" founds the party under it, no rename.
func TestShortNamesSplitsAndFoundingNames(t *testing.T) {
	doc := parseArticle(t, "dcp.txt", `= Democratic Concord Party =

The Democratic Concord Party (DCP) is a party in Eritrea. It was founded on 12 February 2000.

The founding conference of the new party, held in Keren on 12 February 2000, elected Amanuel Tesfay chairman and adopted the name Democratic Concord Party. In October 2004 Selam Haile and eleven of the thirty-one members of the central committee broke away and founded the Concord Renewal Party.

== Leaders ==
| Name | Term |
| Amanuel Tesfay Gebremedhin | 2000–2011 |

== Results ==
| Election | Leader | Votes | % | Seats |
| 2005 | Amanuel Tesfay | 131,870 | 0.6 | 3 / 547 |
`)
	facts, _, err := FactsWith(doc, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var leader events.EntityID
	split, renamed := false, false
	for _, f := range append(facts, Draft(doc, "democratic-concord-party")...) {
		switch p := f.Payload.(type) {
		case events.ElectionResult:
			leader = p.Leader
		case events.PartySplit:
			split = p.NewParty == "concord-renewal-party" && f.Date.String() == "2004-10" && slices.Equal(p.Leaders, []events.EntityID{"selam-haile"})
		case events.PartyRenamed:
			renamed = true
		}
	}
	if leader != "amanuel-tesfay-gebremedhin" {
		t.Errorf("FactsWith: the 2005 result led by %q, want amanuel-tesfay-gebremedhin", leader)
	}
	if !split {
		t.Error("FactsWith: no split of October 2004 led by Selam Haile")
	}
	if renamed {
		t.Error("FactsWith: a rename, want the founding conference's name the name it was founded under")
	}
}

// A results table under a section of local elections ("Tbilisi City Assembly") is of local
// elections, not of the general election of its year.
func TestLocalResultsTables(t *testing.T) {
	for _, title := range []string{"Tbilisi City Assembly", "Municipal councils", "Communal elections", "Citizens' Representative Khurals"} {
		if got := levelOf(title); got != events.LevelCommunal {
			t.Errorf("levelOf(%q) = %q, want %q", title, got, events.LevelCommunal)
		}
	}
	for _, title := range []string{"Parliament", "National Assembly", "General elections", "House of Peoples' Representatives", "State Great Khural"} {
		if got := levelOf(title); got != events.LevelGeneral {
			t.Errorf("levelOf(%q) = %q, want %q", title, got, events.LevelGeneral)
		}
	}
}

// Former names listed with their terms hand over one to the next: "Movimiento Fuerza Andina
// (1998–2004), Partido Fuerza Andina (2004–2006)" is a rename to the second in 2004, and to the title in
// 2006.
func TestFormerNamesHandOver(t *testing.T) {
	doc := parseArticle(t, "pdta.txt", `= Partido Descentralista Tierra Andina =

Partido Descentralista Tierra Andina
- Former names: Movimiento Fuerza Andina (1998–2004), Partido Fuerza Andina (2004–2006)

The Partido Descentralista Tierra Andina is a party in Peru.
`)
	facts, _, err := FactsWith(doc, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var renames []string
	for _, f := range facts {
		if p, ok := f.Payload.(events.PartyRenamed); ok {
			renames = append(renames, f.Date.String()+" "+p.From+" → "+p.To)
		}
	}
	want := []string{"2004 Movimiento Fuerza Andina → Partido Fuerza Andina", "2006 Partido Fuerza Andina → Partido Descentralista Tierra Andina"}
	if !slices.Equal(renames, want) {
		t.Errorf("FactsWith renames %q, want %q", renames, want)
	}
}

// A leaders section written a holder a line, with no bullets ("acting" inside the brackets before a
// term), and a results table whose seats column is labelled "Deputies"; a paragraph of prose under
// the same heading is not a list, and a term of an office in another body is not the party's.
func TestLeadersALineEachAndDeputies(t *testing.T) {
	doc := parseArticle(t, "ku.txt", `= Kyrgyz Unity =

Kyrgyz Unity is a party in Kyrgyzstan.

== Chairmen ==

Asan Toktogulov (2 May 1995 – October 2001)
Aigul Satybaldieva (acting October 2001 – April 2002)
Bolot Usenov (April 2002 – 2009; chairman 2011–2014)
Marat Kadyrov (chairman of the Union of Youth, 1998–2000)

The chairmen are elected by the congress for four years.

== Elections ==

| Year | Votes | % | Deputies |
| 1995 | 41,210 | 2.9 | 3 |
| 2000 | 12,004 | 0.8 | 0 |
`)
	facts, _, err := FactsWith(doc, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range facts {
		switch p := f.Payload.(type) {
		case events.LeaderTookOffice:
			got = append(got, fmt.Sprintf("took %s %s %s", f.Date, p.Person, p.Role))
		case events.LeaderLeftOffice:
			got = append(got, fmt.Sprintf("left %s %s %s", f.Date, p.Person, p.Role))
		case events.ElectionResult:
			got = append(got, fmt.Sprintf("result %s seats %s", f.Date, p.Seats))
		}
	}
	expectLines(t, "facts", got, []string{
		"result 1995 seats 3", "result 2000 seats 0",
		"took 1995-05-02 asan-toktogulov chairman", "left 2001-10 asan-toktogulov chairman",
		"took 2001-10 aigul-satybaldieva acting chairman", "left 2002-04 aigul-satybaldieva acting chairman",
		"took 2002-04 bolot-usenov chairman", "left 2009 bolot-usenov chairman",
		"took 2011 bolot-usenov chairman", "left 2014 bolot-usenov chairman",
	})
}
