package extract

import (
	"testing"

	"annals/document"
	"annals/events"
)

// A page's MediaWiki source copied whole, of our own writing: templates before the lead, the infobox
// as a template (its keys the template's, its values links, date templates and lists), and a results
// table whose cells are links and whose columns are named as that page names them ("Party-list
// votes", "% of list vote", "Seats won"). The same rules read it as the "- Key: Value" infobox.
func TestFactsWikiSource(t *testing.T) {
	const src = `{{Short description|Political party in Mongolia}}
{{Infobox political party
| name = Civic Will Party
| native_name = Иргэний Зориг Нам
| native_name_lang = mn
| leader = [[Sanjaasürengiin Oyuun|S. Oyuun]]
| founder = [[Sanjaasürengiin Zorig]]
| foundation = {{start date|1990|3|2}}
| dissolution = {{end date|2000|12}}
| merged_into = [[Democratic Party (Mongolia)|Democratic Party]]
| ideology = {{ubl|[[Liberalism]]|[[Green politics]]}}
| position = [[Centre-right politics|Centre-right]]
}}
'''Civic Will Party''' ({{lang-mn|Иргэний Зориг Нам}}) was a political party in [[Mongolia]].

== Election results ==
{| class="wikitable"
! Election !! Seats won !! Party-list votes !! % of list vote
|-
| [[1992 Mongolian legislative election|1992]] || 1 / 76 || 12,345 || 1.8%
|-
| [[1996 Mongolian legislative election|1996]] || colspan="3" | Boycotted
|}
`
	doc, err := document.ParseWith("civic-will-party.txt", []byte(src), document.Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	facts, _, err := FactsWith(doc, nil, Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	const party = "civic-will-party"
	expect(t, doc.Name, facts, []want{
		{events.TypeEntityNamed, party, "XXXX", "| native_name = Иргэний Зориг Нам",
			events.EntityNamed{Kind: events.KindParty, Name: "Иргэний Зориг Нам", NameType: events.NameNative}, ""},
		{events.TypePartyFounded, party, "1990-03-02", "| foundation = {{start date|1990|3|2}}", events.PartyFounded{Name: "Civic Will Party"}, ""},
		{events.TypePartyDissolved, party, "2000-12", "| dissolution = {{end date|2000|12}}", events.PartyDissolved{}, ""},
		{events.TypePartyMerged, "democratic-party", "XXXX", "| merged_into = [[Democratic Party (Mongolia)|Democratic Party]]",
			events.PartyMerged{Members: []events.EntityID{party}, Absorbed: true}, ""},
		{events.TypeLeaderTookOffice, party, "XXXX", "| leader = [[Sanjaasürengiin Oyuun|S. Oyuun]]",
			events.LeaderTookOffice{Office: events.Office{Person: "s-oyuun", Role: "leader"}}, ""},
		{events.TypePartyIdeology, party, "XXXX", "| ideology = {{ubl|[[Liberalism]]|[[Green politics]]}}",
			events.PartyIdeology{Ideologies: []string{"Liberalism", "Green politics"}}, ""},
		{events.TypePartyPosition, party, "XXXX", "| position = [[Centre-right politics|Centre-right]]", events.PartyPosition{Position: "Centre-right"}, ""},
		{events.TypeElectionResult, party, "1992", "| [[1992 Mongolian legislative election|1992]] || 1 / 76 || 12,345 || 1.8%",
			events.ElectionResult{Election: "1992 general election", Level: events.LevelGeneral, Votes: 12345, VotesText: "12,345", Percent: "1.8%", Seats: "1 / 76"}, ""},
		{events.TypePartyBoycotted, party, "1996", `| [[1996 Mongolian legislative election|1996]] || colspan="3" | Boycotted`,
			events.PartyBoycotted{Election: "1996 general election"}, ""},
	})
	for _, f := range facts {
		if f.Type == events.TypeEntityDescribed {
			t.Errorf("a layout key or an unknown one kept: %+v", f)
		}
	}
}
