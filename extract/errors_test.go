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
		text    []string // what the strict error must say
		// line and skipped are the line of the lenient warning and what it says was skipped; skipped
		// is "" when the document is refused in both modes (a fault of the curated facts file).
		line    int
		skipped string
	}{
		{"constituency table without a hint", cnrpDoc, nil,
			[]string{"document cambodia-national-rescue-party.txt:", `section "Regional strength"`, "add a table hint"}, 81, "table skipped"},
		{"constituency table with a hint for another section", cnrpDoc,
			&Curated{Tables: []TableHint{{Section: "Election results", Election: "2013 general election", Date: "2013"}}},
			[]string{`section "Regional strength"`, "add a table hint"}, 81, "table skipped"},
		{"hint with a bad date", cnrpDoc,
			&Curated{Tables: []TableHint{{Section: "Regional strength", Election: "2013 general election", Date: "2013-13"}}},
			[]string{`section "Regional strength"`, "2013-13"}, 0, ""},
		{"hint with no election", cnrpDoc,
			&Curated{Tables: []TableHint{{Section: "regional strength", Date: "2013"}}},
			[]string{`section "Regional strength"`, "no election"}, 0, ""},
		{"facts file naming another document", cnrpDoc, &Curated{Document: "cambodian-national-unity-party.txt"},
			[]string{"cambodia-national-rescue-party.txt", "names document cambodian-national-unity-party.txt"}, 0, ""},
		{"infobox date in words", parse(t, "quiet.txt", party+"- Abbreviation: QP\n- Foundation: sometime\n"), nil,
			[]string{"document quiet.txt:5:", `infobox "Foundation"`, `"sometime"`}, 5, "fact skipped"},
		{"infobox impossible date", parse(t, "quiet.txt", party+"- Dissolved: 31 February 2017\n"), nil,
			[]string{"document quiet.txt:4:", `infobox "Dissolved"`, `"31 February 2017"`}, 4, "fact skipped"},
		{"infobox ban date", parse(t, "quiet.txt", party+"- Banned: soon\n"), nil,
			[]string{"document quiet.txt:4:", `infobox "Banned"`, `"soon"`}, 4, "fact skipped"},
		{"leaders table with a bad date", parse(t, "quiet.txt", party+"\n== Leaders ==\n| No. | Name | Term start | Term end |\n| 1 | Bo Li | 3 Marhc 1951 | 1960 |\n"), nil,
			[]string{"document quiet.txt:6:", `section "Leaders"`, "row 7", `"3 Marhc 1951"`}, 7, "its taking office skipped"},
		{"leaders table with a bad end date", parse(t, "quiet.txt", party+"\n== Leaders ==\n| No. | Name | Term start | Term end |\n| 1 | Bo Li | 3 March 1951 | 30 February 1960 |\n"), nil,
			[]string{"document quiet.txt:6:", "row 7", `"30 February 1960"`}, 7, "its leaving office skipped"},
		{"election table with a bad year", parse(t, "quiet.txt", party+"\n== Results ==\n| Election | Votes | Seats |\n| # | % | |\n| 1952–1953 | 1,200 | 3.5 |\n"), nil,
			[]string{"document quiet.txt:6:", `section "Results"`, "row 8", `"1952–1953"`}, 8, "row skipped"},
		{"constituency row without a constituency", parse(t, "quiet.txt", party+"\n== Districts ==\n| No. | Constituency | Votes |\n| 1 | North | 1,200 |\n| 2 | | 900 |\n"),
			&Curated{Tables: []TableHint{{Section: "Districts", Election: "1952 general election", Date: "1952"}}},
			[]string{"document quiet.txt:6:", `section "Districts"`, "row 8", "no constituency"}, 8, "row skipped"},
		// A fuzz finding: extract built a motto of no words, which the recorder refused (value is required).
		{"motto of a lone quotation mark", parse(t, "motto-party.txt", "Motto Party\n- Motto: \"\n\nThe Motto Party is a party.\n"), nil,
			[]string{"document motto-party.txt:2:", `infobox "Motto"`, "no words"}, 2, "fact skipped"},
		{"slogan of empty quotation marks", parse(t, "quiet.txt", party+"- Slogan: “”\n"), nil,
			[]string{"document quiet.txt:4:", `infobox "Slogan"`, "no words"}, 4, "fact skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts, warnings, err := FactsWith(tt.doc, tt.curated, Options{Strict: true})
			if err == nil {
				t.Fatalf("strict Facts(%s) = %d facts, want an error", tt.doc.Name, len(facts))
			}
			if !errors.Is(err, events.ErrInvalid) {
				t.Errorf("strict Facts(%s) error %v does not wrap events.ErrInvalid", tt.doc.Name, err)
			}
			if facts != nil || warnings != nil {
				t.Errorf("strict Facts(%s) = %d facts, %d warnings with an error, want nil", tt.doc.Name, len(facts), len(warnings))
			}
			for _, w := range tt.text {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("strict Facts(%s) error %q does not say %q", tt.doc.Name, err, w)
				}
			}

			lenient, warnings, lerr := Facts(tt.doc, tt.curated)
			if tt.skipped == "" {
				if lerr == nil || lerr.Error() != err.Error() {
					t.Errorf("lenient Facts(%s) error = %v, want the strict error %v", tt.doc.Name, lerr, err)
				}
				return
			}
			if lerr != nil {
				t.Fatalf("lenient Facts(%s): %v", tt.doc.Name, lerr)
			}
			if len(warnings) != 1 || warnings[0].Name != tt.doc.Name || warnings[0].Line != tt.line || !strings.HasSuffix(warnings[0].Msg, "; "+tt.skipped) {
				t.Fatalf("lenient Facts(%s) warnings = %v, want one at line %d ending %q", tt.doc.Name, warnings, tt.line, tt.skipped)
			}
			// The warning says what the strict error says, but for where it is.
			for _, w := range tt.text[1:] {
				if !strings.HasPrefix(w, "row ") && !strings.Contains(warnings[0].Msg, w) {
					t.Errorf("lenient Facts(%s) warning %q does not say %q", tt.doc.Name, warnings[0].Msg, w)
				}
			}
			c := tt.curated
			if c == nil {
				c = &Curated{}
			}
			checkInvariants(t, tt.doc, c, lenient)
		})
	}
}

// A facts file that names no document, or the document given, is accepted.
func TestFactsCuratedDocument(t *testing.T) {
	doc := parse(t, "quiet.txt", "= Quiet Party =\n\nQuiet Party\n- Abbreviation: QP\n")
	for _, c := range []*Curated{nil, {}, {Document: "quiet.txt"}} {
		facts, _, err := Facts(doc, c)
		if err != nil {
			t.Errorf("Facts(quiet.txt, %+v): %v", c, err)
			continue
		}
		if len(facts) != 3 {
			t.Errorf("Facts(quiet.txt, %+v) = %d facts, want 3", c, len(facts))
		}
	}
}
