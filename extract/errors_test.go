package extract

import (
	"errors"
	"os"
	"strings"
	"testing"

	"annals/document"
	"annals/events"
)

func TestFactsRefuses(t *testing.T) {
	cnrpText, err := os.ReadFile(cnrp.text)
	if err != nil {
		t.Fatal(err)
	}
	cnrpDoc, err := document.Parse(cnrp.name(), cnrpText)
	if err != nil {
		t.Fatal(err)
	}
	const party = "= Quiet Party =\n\nQuiet Party\n"
	tests := []struct {
		name    string
		doc     *document.Document
		curated *Curated
		text    []string // what the error must say
	}{
		{"constituency table without a hint", cnrpDoc, nil,
			[]string{"document cambodia-national-rescue-party.txt:", `section "Regional strength"`, "add a table hint"}},
		{"constituency table with a hint for another section", cnrpDoc,
			&Curated{Tables: []TableHint{{Section: "Election results", Election: "2013 general election", Date: "2013"}}},
			[]string{`section "Regional strength"`, "add a table hint"}},
		{"hint with a bad date", cnrpDoc,
			&Curated{Tables: []TableHint{{Section: "Regional strength", Election: "2013 general election", Date: "2013-13"}}},
			[]string{`section "Regional strength"`, "2013-13"}},
		{"hint with no election", cnrpDoc,
			&Curated{Tables: []TableHint{{Section: "regional strength", Date: "2013"}}},
			[]string{`section "Regional strength"`, "no election"}},
		{"facts file naming another document", cnrpDoc, &Curated{Document: "cambodian-national-unity-party.txt"},
			[]string{"cambodia-national-rescue-party.txt", "names document cambodian-national-unity-party.txt"}},
		{"infobox date in words", parse(t, "quiet.txt", party+"- Abbreviation: QP\n- Foundation: sometime\n"), nil,
			[]string{"document quiet.txt:5:", `infobox "Foundation"`, `"sometime"`}},
		{"infobox impossible date", parse(t, "quiet.txt", party+"- Dissolved: 31 February 2017\n"), nil,
			[]string{"document quiet.txt:4:", `infobox "Dissolved"`, `"31 February 2017"`}},
		{"infobox ban date", parse(t, "quiet.txt", party+"- Banned: soon\n"), nil,
			[]string{"document quiet.txt:4:", `infobox "Banned"`, `"soon"`}},
		{"leaders table with a bad date", parse(t, "quiet.txt", party+"\n== Leaders ==\n| No. | Name | Term start | Term end |\n| 1 | Bo Li | 3 Marhc 1951 | 1960 |\n"), nil,
			[]string{"document quiet.txt:6:", `section "Leaders"`, "row 7", `"3 Marhc 1951"`}},
		{"leaders table with a bad end date", parse(t, "quiet.txt", party+"\n== Leaders ==\n| No. | Name | Term start | Term end |\n| 1 | Bo Li | 3 March 1951 | 30 February 1960 |\n"), nil,
			[]string{"document quiet.txt:6:", "row 7", `"30 February 1960"`}},
		{"election table with a bad year", parse(t, "quiet.txt", party+"\n== Results ==\n| Election | Votes | Seats |\n| # | % | |\n| 1952–1953 | 1,200 | 3.5 |\n"), nil,
			[]string{"document quiet.txt:6:", `section "Results"`, "row 8", `"1952–1953"`}},
		{"constituency row without a constituency", parse(t, "quiet.txt", party+"\n== Districts ==\n| No. | Constituency | Votes |\n| 1 | North | 1,200 |\n| 2 | | 900 |\n"),
			&Curated{Tables: []TableHint{{Section: "Districts", Election: "1952 general election", Date: "1952"}}},
			[]string{"document quiet.txt:6:", `section "Districts"`, "row 8", "no constituency"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts, err := Facts(tt.doc, tt.curated)
			if err == nil {
				t.Fatalf("Facts(%s) = %d facts, want an error", tt.doc.Name, len(facts))
			}
			if !errors.Is(err, events.ErrInvalid) {
				t.Errorf("Facts(%s) error %v does not wrap events.ErrInvalid", tt.doc.Name, err)
			}
			if facts != nil {
				t.Errorf("Facts(%s) = %d facts with an error, want nil", tt.doc.Name, len(facts))
			}
			for _, w := range tt.text {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Facts(%s) error %q does not say %q", tt.doc.Name, err, w)
				}
			}
		})
	}
}

// A facts file that names no document, or the document given, is accepted.
func TestFactsCuratedDocument(t *testing.T) {
	doc := parse(t, "quiet.txt", "= Quiet Party =\n\nQuiet Party\n- Abbreviation: QP\n")
	for _, c := range []*Curated{nil, {}, {Document: "quiet.txt"}} {
		facts, err := Facts(doc, c)
		if err != nil {
			t.Errorf("Facts(quiet.txt, %+v): %v", c, err)
			continue
		}
		if len(facts) != 3 {
			t.Errorf("Facts(quiet.txt, %+v) = %d facts, want 3", c, len(facts))
		}
	}
}
