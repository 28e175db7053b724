package extract

import (
	"testing"

	"annals/document"
	"annals/events"
)

// Results told one election a line, in a list or in lines of their own, under a section of results;
// running text there and lines under other sections are no results lines.
func TestResultLines(t *testing.T) {
	const src = `= Åland Centre League =

The Åland Centre League is a party in Finland.

== Electoral history ==
1991 municipal election – 4.1% of the vote, 3 seats
1995 – did not contest
1999 – boycotted
1999 was the party's worst year: it lost 2 seats.

- **2003 (March)**: 12,431 votes (2.2%), 1 seat
- 17 April 2011 parliamentary elections: 0.9% of the vote, no seats

== History ==
2007 – 5.0% of the vote, 9 seats
`
	doc, err := document.ParseWith("aland-centre-league.txt", []byte(src), document.Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	facts, _, err := FactsWith(doc, nil, Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	const party = "aland-centre-league"
	expect(t, doc.Name, facts, []want{
		{events.TypeElectionResult, party, "1991", "1991 municipal election – 4.1% of the vote, 3 seats",
			events.ElectionResult{Election: "1991 municipal election", Level: events.LevelCommunal, Percent: "4.1%", Seats: "3"}, ""},
		{events.TypePartyBoycotted, party, "1999", "1999 – boycotted", events.PartyBoycotted{Election: "1999 general election"}, ""},
		{events.TypeElectionResult, party, "2003-03", "**2003 (March)**: 12,431 votes (2.2%), 1 seat",
			events.ElectionResult{Election: "2003 general election", Level: events.LevelGeneral, Votes: 12431, VotesText: "12,431", Percent: "2.2%", Seats: "1"}, ""},
		{events.TypeElectionResult, party, "2011-04-17", "17 April 2011 parliamentary elections: 0.9% of the vote, no seats",
			events.ElectionResult{Election: "2011 parliamentary election", Level: events.LevelGeneral, Percent: "0.9%", Seats: "0"}, ""},
	})
	var results int
	for _, f := range facts {
		if f.Type == events.TypeElectionResult || f.Type == events.TypePartyBoycotted {
			results++
		}
	}
	if results != 4 {
		t.Errorf("%d results and boycotts, want 4 (none from running text, a line of no figure, or another section)", results)
	}
}
