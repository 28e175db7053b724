package extract

import (
	"testing"

	"annals/document"
	"annals/events"
)

// The Lakeside Workers' Union Party is a document of our own: other infobox keys, numbered groups in
// another order, a leaders table with a rowspan, an election table under a two-row header, communal
// results and a district table. The same rules read it.
func TestFactsOwnDocument(t *testing.T) {
	doc, _, facts := load(t, lwup)
	const party = "lakeside-workers-union-party"
	const predecessors = "Predecessor: Lakeside Labour League (legal), Harbour Guild (unofficial)"
	const merger = "Merger: Alder Farmers' Party, Quay Workers' Association"
	const founder1 = "Founder1 Name: Marta Öberg\n- Founder1 Title: Co-founder"
	const row1 = "| 1 | Marta Öberg | 3 March 1951 | 12 June 1960 | Jonas Pérez |"
	const row2 = "| 2 | Ilse Brandt | July 1960 | 4 May 1989 | Sven Dahl |"
	const note = "The district table does not name its election; its total of seats (17 less the 8 held elsewhere) is not checked."
	office := func(person events.EntityID, role string, term int) events.Office {
		return events.Office{Person: person, Role: role, Term: term}
	}
	named := func(kind events.Kind, name string) events.EntityNamed {
		return events.EntityNamed{Kind: kind, Name: name, NameType: events.NameOfficial}
	}
	expect(t, doc.Name, facts, []want{
		{events.TypeEntityNamed, party, "XXXX", "Native name: Partido Obrero del Lago",
			events.EntityNamed{Kind: events.KindParty, Name: "Partido Obrero del Lago", NameType: events.NameNative}, ""},
		{events.TypePartyFounded, party, "1951-03-03", "Founded: 3 March 1951", events.PartyFounded{Name: "Lakeside Workers' Union Party"}, ""},
		{events.TypePartyDissolved, party, "1989~", "Dissolution: c. 1989", events.PartyDissolved{}, ""},
		// A predecessor is a fact about the predecessor: it was succeeded by this party.
		{events.TypePartySucceeded, "lakeside-labour-league", "XXXX", predecessors,
			events.PartySucceeded{Successor: party, Kind: events.SuccessionLegal, Qualifier: "legal"}, ""},
		{events.TypePartySucceeded, "harbour-guild", "XXXX", predecessors,
			events.PartySucceeded{Successor: party, Kind: events.SuccessionUnofficial, Qualifier: "unofficial"}, ""},
		{events.TypeEntityNamed, "lakeside-labour-league", "XXXX", predecessors, named(events.KindParty, "Lakeside Labour League"), ""},
		{events.TypePartySucceeded, party, "XXXX", "Successor: New Lakeside Party (morphed into)",
			events.PartySucceeded{Successor: "new-lakeside-party", Kind: events.SuccessionTransformation, Qualifier: "morphed into"}, ""},
		// Founder groups, the first with its Title after its Name.
		{events.TypePartyFounded, party, "XXXX", founder1,
			events.PartyFounded{Name: "Lakeside Workers' Union Party", Founders: []events.EntityID{"marta-oberg"}}, ""},
		{events.TypeEntityNamed, "marta-oberg", "XXXX", founder1, named(events.KindPerson, "Marta Öberg"), ""},
		{events.TypePartyFounded, party, "XXXX", "Founder2 Name: Jonas Pérez",
			events.PartyFounded{Name: "Lakeside Workers' Union Party", Founders: []events.EntityID{"jonas-perez"}}, ""},
		{events.TypeEntityDescribed, party, "XXXX", "Headquarters: 4 Quay Street, Port Alder",
			events.EntityDescribed{Attribute: "headquarters", Value: "4 Quay Street, Port Alder"}, ""},
		{events.TypeLeaderTookOffice, party, "XXXX", "Chairman: Ilse Brandt", events.LeaderTookOffice{Office: office("ilse-brandt", "chairman", 0)}, ""},
		{events.TypePartyMerged, party, "XXXX", merger,
			events.PartyMerged{Members: []events.EntityID{"alder-farmers-party", "quay-workers-association"}}, ""},
		{events.TypeEntityNamed, "quay-workers-association", "XXXX", merger, named(events.KindParty, "Quay Workers' Association"), ""},
		{events.TypeEntityDescribed, party, "XXXX", "Newspaper: The Lantern", events.EntityDescribed{Attribute: "newspaper", Value: "The Lantern"}, ""},
		{events.TypeEntityDescribed, party, "XXXX", "Membership: 52,000 (1970)", events.EntityDescribed{Attribute: "membership", Value: "52,000 (1970)"}, ""},
		// A key no rule knows is kept as the infobox line.
		{events.TypeEntityDescribed, party, "XXXX", "Seats: 14 / 120", events.EntityDescribed{Attribute: "infobox", Value: "Seats: 14 / 120"}, ""},
		{events.TypePartyWing, party, "XXXX", "Wing1 Title: Youth wing\n- Wing1: Young Lakesiders",
			events.PartyWing{Kind: "youth wing", Wing: "young-lakesiders"}, ""},
		// A wing title without a wing is not an office.
		{events.TypeEntityDescribed, party, "XXXX", "Wing2 Title: Women's wing",
			events.EntityDescribed{Attribute: "infobox", Value: "Wing2 Title: Women's wing"}, ""},
		{events.TypeLeaderTookOffice, party, "XXXX", "Leader1 Title: General Secretary\n- Leader1 Name: Ilse Brandt",
			events.LeaderTookOffice{Office: office("ilse-brandt", "general secretary", 0)}, ""},
		{events.TypePartyIdeology, party, "XXXX", `Ideology: Democratic socialism, "Bread, work, and peace", Agrarianism (co-operative, local)`,
			events.PartyIdeology{Ideologies: []string{"Democratic socialism", `"Bread, work, and peace"`, "Agrarianism (co-operative, local)"}}, ""},
		{events.TypeEntityDescribed, party, "XXXX", `Motto: "Zusammen, stark" ("Together, strong")`,
			events.EntityDescribed{Attribute: "motto", Value: "Zusammen, stark", Translation: "Together, strong"}, ""},
		{events.TypeEntityDescribed, party, "XXXX", "Colours: Red and blue", events.EntityDescribed{Attribute: "colour", Value: "Red and blue"}, ""},
		{events.TypePartyAffiliation, party, "XXXX", "International: Socialist International",
			events.PartyAffiliation{Kind: "international", Organisation: "socialist-international"}, ""},

		// Leaders table: a deputy on a row of its own continues the first term.
		{events.TypeLeaderTookOffice, party, "1951-03-03", row1, events.LeaderTookOffice{Office: office("marta-oberg", "leader", 1)}, ""},
		{events.TypeLeaderLeftOffice, party, "1960-06-12", row1, events.LeaderLeftOffice{Office: office("marta-oberg", "leader", 1)}, ""},
		{events.TypeLeaderTookOffice, party, "1951-03-03", row1, events.LeaderTookOffice{Office: office("jonas-perez", "deputy leader", 1)}, ""},
		{events.TypeLeaderLeftOffice, party, "1960-06-12", row1, events.LeaderLeftOffice{Office: office("jonas-perez", "deputy leader", 1)}, ""},
		{events.TypeLeaderTookOffice, party, "1951-03-03", "| Karl Vik | | | | |", events.LeaderTookOffice{Office: office("karl-vik", "deputy leader", 1)}, ""},
		{events.TypeLeaderLeftOffice, party, "1960-06-12", "| Karl Vik | | | | |", events.LeaderLeftOffice{Office: office("karl-vik", "deputy leader", 1)}, ""},
		{events.TypeLeaderTookOffice, party, "1960-07", row2, events.LeaderTookOffice{Office: office("ilse-brandt", "leader", 2)}, ""},
		{events.TypeLeaderLeftOffice, party, "1989-05-04", row2, events.LeaderLeftOffice{Office: office("sven-dahl", "deputy leader", 2)}, ""},
		// A term with no end: took office only.
		{events.TypeLeaderTookOffice, party, "1989-05-05", "| 3 | Per Holm | 5 May 1989 | | |", events.LeaderTookOffice{Office: office("per-holm", "leader", 3)}, ""},

		// Results by election, under a two-row header; the section title says which level.
		{events.TypeElectionResult, party, "1952", "| 1952 | Marta Öberg | 120,400 | 18.2 | | 14 |",
			events.ElectionResult{Election: "1952 general election", Level: events.LevelGeneral, Leader: "marta-oberg",
				Votes: 120400, VotesText: "120,400", Percent: "18.2", Seats: "14"}, ""},
		{events.TypeElectionResult, party, "1956", "| 1956 | Marta Öberg | 151,000 | 21.0 | +2.8 | 17 |",
			events.ElectionResult{Election: "1956 general election", Level: events.LevelGeneral, Leader: "marta-oberg",
				Votes: 151000, VotesText: "151,000", Percent: "21.0", Change: "+2.8", Seats: "17"}, ""},
		{events.TypeElectionResult, party, "1958", "| 1958 | Marta Öberg | 98,700 | 19.5 | |",
			events.ElectionResult{Election: "1958 communal election", Level: events.LevelCommunal, Leader: "marta-oberg",
				Votes: 98700, VotesText: "98,700", Percent: "19.5"}, ""},

		// Results by district, with the hint's election and the total as the national result.
		{events.TypeElectionResult, party, "1956", "| 1 | North Shore | 3 | 40,100 | 22.1% |",
			events.ElectionResult{Election: "1956 general election", Level: events.LevelConstituency, Constituency: "North Shore",
				Number: "1", Votes: 40100, VotesText: "40,100", Percent: "22.1%", Seats: "3"}, note},
		{events.TypeElectionResult, party, "1956", "| Total | | 9 | 100,400 | 23.5% |",
			events.ElectionResult{Election: "1956 general election", Level: events.LevelGeneral, Number: "Total",
				Votes: 100400, VotesText: "100,400", Percent: "23.5%", Seats: "9"}, note},
	})
	if n := count(facts, func(f events.Fact) bool { return f.Entity == "ilse-brandt" && f.Type == events.TypeEntityNamed }); n != 1 {
		t.Errorf("Facts(%s) names Ilse Brandt %d times, want once", doc.Name, n)
	}
}

// parse parses a document given inline, for the rule tests.
func parse(t *testing.T, name, text string) *document.Document {
	t.Helper()
	doc, err := document.Parse(name, []byte(text))
	if err != nil {
		t.Fatalf("document.Parse(%s): %v", name, err)
	}
	return doc
}

// Regressions: each of these documents once gave a fact that did not validate or quoted text that is
// not in the document.
func TestFactsEdgeDocuments(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		wants []want
	}{
		{
			"blank lines before the title",
			"\n\n= Quiet Party =\n\nQuiet Party\n- Abbreviation: QP\n",
			[]want{{events.TypeDocumentRecorded, "doc-blank-lines-before-the-title", "XXXX", "= Quiet Party =", nil, ""}},
		},
		{
			"group parts out of order with a field between",
			"= Quiet Party =\n\nQuiet Party\n- Leader1 Name: Cy Ko\n- Abbreviation: QP\n- Leader1 Title: Chairs\n",
			[]want{{events.TypeLeaderTookOffice, "quiet-party", "XXXX", "Leader1 Name: Cy Ko\n- Abbreviation: QP\n- Leader1 Title: Chairs",
				events.LeaderTookOffice{Office: events.Office{Person: "cy-ko", Role: "chair"}}, ""}},
		},
		{
			"empty group parts",
			"= Quiet Party =\n\nQuiet Party\n- Wing1:\n- Wing1 Title: Youth wing\n- Leader1 Title:\n- Leader1 Name: Bo Li\n- Leader2 Title: Treasurer\n- Leader2 Name:\n",
			[]want{
				// "Wing1:" is empty, so the title stands alone.
				{events.TypeEntityDescribed, "quiet-party", "XXXX", "Wing1 Title: Youth wing",
					events.EntityDescribed{Attribute: "infobox", Value: "Wing1 Title: Youth wing"}, ""},
				{events.TypeLeaderTookOffice, "quiet-party", "XXXX", "Leader1 Name: Bo Li",
					events.LeaderTookOffice{Office: events.Office{Person: "bo-li", Role: "leader"}}, ""},
				{events.TypeEntityDescribed, "quiet-party", "XXXX", "Leader2 Title: Treasurer",
					events.EntityDescribed{Attribute: "office", Value: "Treasurer"}, ""},
			},
		},
		{
			"results by election under a header of one row",
			"= Quiet Party =\n\n==Election results==\n| Election | Votes | % | Seats |\n| 1995 | 84,310 | 7.2 | 9 |\n\n==Senate==\n| Election | % | Seats |\n| 1997 | 1.3 | 1 |\n",
			[]want{
				{events.TypeElectionResult, "quiet-party", "1995", "| 1995 | 84,310 | 7.2 | 9 |",
					events.ElectionResult{Election: "1995 general election", Level: events.LevelGeneral, Votes: 84310, VotesText: "84,310", Percent: "7.2", Seats: "9"}, ""},
				{events.TypeElectionResult, "quiet-party", "1997", "| 1997 | 1.3 | 1 |",
					events.ElectionResult{Election: "1997 general election", Level: events.LevelGeneral, Percent: "1.3", Seats: "1"}, ""},
			},
		},
		{
			"merged into another party",
			"= Quiet Party =\n\nQuiet Party\n- Merged into: Loud Party\n",
			[]want{{events.TypePartyMerged, "loud-party", "XXXX", "Merged into: Loud Party",
				events.PartyMerged{Members: []events.EntityID{"quiet-party"}, Absorbed: true}, ""}},
		},
		{
			"preceded by, and a romanised name",
			"= Quiet Party =\n\nQuiet Party\n- Preceded by: Old Party\n- Romanized name: Shizuka Tō\n",
			[]want{
				{events.TypePartySucceeded, "old-party", "XXXX", "Preceded by: Old Party",
					events.PartySucceeded{Successor: "quiet-party", Kind: events.SuccessionUnspecified}, ""},
				{events.TypeEntityNamed, "quiet-party", "XXXX", "Romanized name: Shizuka Tō",
					events.EntityNamed{Kind: events.KindParty, Name: "Shizuka Tō", NameType: events.NameAlternate}, ""},
			},
		},
		{
			"a leaders table with other column names",
			"= Quiet Party =\n\n==Leaders==\n| # | Portrait | Leader | Took office | Left office | Notes |\n| 1 | | Ana Ruiz | 1990 | 1995 | Founder |\n",
			[]want{
				{events.TypeLeaderTookOffice, "quiet-party", "1990", "| 1 | | Ana Ruiz | 1990 | 1995 | Founder |",
					events.LeaderTookOffice{Office: events.Office{Person: "ana-ruiz", Role: "leader", Term: 1}}, ""},
				{events.TypeLeaderLeftOffice, "quiet-party", "1995", "| 1 | | Ana Ruiz | 1990 | 1995 | Founder |",
					events.LeaderLeftOffice{Office: events.Office{Person: "ana-ruiz", Role: "leader", Term: 1}}, ""},
			},
		},
		{
			"results under a header of two rows that groups them",
			"= Quiet Party =\n\n==Election results==\n| Election | Party leader | Performance | | | Government |\n| | | Votes | % | Seats | |\n| 1996 | Ana Ruiz | 181,776 | 2.9 | 0 | Opposition |\n",
			[]want{
				{events.TypeElectionResult, "quiet-party", "1996", "| 1996 | Ana Ruiz | 181,776 | 2.9 | 0 | Opposition |",
					events.ElectionResult{Election: "1996 general election", Level: events.LevelGeneral, Leader: "ana-ruiz", Votes: 181776,
						VotesText: "181,776", Percent: "2.9", Seats: "0", Government: "Opposition"}, ""},
			},
		},
		{
			"negated legality",
			"= Quiet Party =\n\nQuiet Party\n- Successor: Loud Party (illegal)\n",
			[]want{{events.TypePartySucceeded, "quiet-party", "XXXX", "Successor: Loud Party (illegal)",
				events.PartySucceeded{Successor: "loud-party", Kind: events.SuccessionUnspecified, Qualifier: "illegal"}, ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := events.Slug(tt.name)
			doc := parse(t, string(name)+".txt", tt.text)
			facts, _, err := Facts(doc, nil)
			if err != nil {
				t.Fatalf("Facts(%s): %v", doc.Name, err)
			}
			checkInvariants(t, doc, &Curated{}, facts)
			for i := range tt.wants {
				if tt.wants[i].payload == nil {
					tt.wants[i].payload = facts[0].Payload
				}
			}
			expect(t, doc.Name, facts, tt.wants)
		})
	}
}

// Lists of nothing but commas name nothing: no empty merger, ideology or founding.
func TestFactsEmptyLists(t *testing.T) {
	doc := parse(t, "commas.txt", "= Quiet Party =\n\nQuiet Party\n- Merger: ,\n- Ideology: , ,\n- Founders: ,\n- Leader: ,\n- Successor: ,\n")
	facts, _, err := Facts(doc, nil)
	if err != nil {
		t.Fatalf("Facts(%s): %v", doc.Name, err)
	}
	checkInvariants(t, doc, &Curated{}, facts)
	if len(facts) != 2 {
		t.Errorf("Facts(%s) = %d facts, want 2 (the document and its title): %+v", doc.Name, len(facts), facts[2:])
	}
}
