package extract

import (
	"os"
	"strings"
	"testing"

	"annals/document"
	"annals/events"
)

// TestFactsFromAPartlyUnreadableDocument checks that what the parser and the extractor can read of a
// document with malformed parts is drawn, that what they cannot is warned about and skipped, and that
// strict extraction refuses the document.
func TestFactsFromAPartlyUnreadableDocument(t *testing.T) {
	const name = "harbour-civic-party.txt"
	data, err := os.ReadFile("../document/testdata/unread/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := document.Parse(name, data)
	if err != nil {
		t.Fatalf("document.Parse(%s): %v", name, err)
	}
	facts, warnings, err := Facts(doc, nil)
	if err != nil {
		t.Fatalf("Facts(%s): %v", name, err)
	}
	checkInvariants(t, doc, &Curated{}, facts)
	if len(warnings) != 1 || warnings[0].Name != name || warnings[0].Line != 8 ||
		warnings[0].Msg != `infobox "Dissolved": date "sometime in the spring" is not a day, month or year as prose writes them: invalid; fact skipped` {
		t.Fatalf("Facts(%s) warnings = %v, want the Dissolved line only", name, warnings)
	}
	const hcp = events.EntityID("harbour-civic-party")
	office := func(person string, term int) events.Office {
		return events.Office{Person: events.EntityID(person), Role: "leader", Term: term}
	}
	expect(t, name, facts, []want{
		{events.TypePartyFounded, hcp, "1994-05-12", "Foundation: 12 May 1994", events.PartyFounded{Name: "Harbour Civic Party"}, ""},
		{events.TypePartyPosition, hcp, "XXXX", "Position: Centre", events.PartyPosition{Position: "Centre"}, ""},
		// The row whose empty extra cell was dropped.
		{events.TypeLeaderTookOffice, hcp, "1994-05-12", "| 1 | Mari Tamm | 12 May 1994 | 3 March 1999 | |", events.LeaderTookOffice{Office: office("mari-tamm", 1)}, ""},
		{events.TypeLeaderLeftOffice, hcp, "1999-03-03", "| 1 | Mari Tamm | 12 May 1994 | 3 March 1999 | |", events.LeaderLeftOffice{Office: office("mari-tamm", 1)}, ""},
		{events.TypeLeaderTookOffice, hcp, "2003-06-01", "| 3 | Liis Saar | 1 June 2003 | 2007 |", events.LeaderTookOffice{Office: office("liis-saar", 3)}, ""},
	})
	var results []string
	for _, f := range facts {
		switch p := f.Payload.(type) {
		case events.ElectionResult:
			results = append(results, p.Election+" "+p.VotesText+" "+p.Percent+" "+p.Seats+" "+p.SeatsChange+" "+p.Position)
		case events.LeaderTookOffice:
			if p.Office.Person == "jaan-kask" || p.Office.Person == "tiit-mets" {
				t.Errorf("Facts(%s) has %s taking office from a skipped row", name, p.Office.Person)
			}
		case events.PartyDissolved:
			t.Errorf("Facts(%s) has a dissolution from an unreadable date", name)
		}
	}
	want := "1995 general election 12,400 2.3% 1 +1 9th|1999 general election 15,100 3.1% 2 +1 8th|2003 general election 9,800 1.9% 0 −2 11th"
	if got := strings.Join(results, "|"); got != want {
		t.Errorf("Facts(%s) election results = %q, want %q", name, got, want)
	}

	if _, _, err := FactsWith(doc, nil, Options{Strict: true}); err == nil || !strings.Contains(err.Error(), `document harbour-civic-party.txt:8: infobox "Dissolved"`) {
		t.Errorf("strict Facts(%s) error = %v, want the Dissolved line refused", name, err)
	}
}
