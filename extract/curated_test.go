package extract

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"annals/events"
)

// A fact as a facts file writes it, valid on its own.
const goodFact = `{"type":"party.dissolved/v1","entity":"quiet-party","date":"1997","source":{"quote":"Dissolved: 1997"},"payload":{}}`

// factsFile returns a facts file for quiet.txt holding the facts given (raw JSON objects).
func factsFile(facts ...string) string {
	return `{"document":"quiet.txt","facts":[` + strings.Join(facts, ",") + `]}`
}

func TestParseCurated(t *testing.T) {
	data := `{
  "document": "quiet.txt",
  "subject": "quiet-movement",
  "subject_kind": "organisation",
  "tables": [{"section": "Results", "election": "1997 general election", "date": "1997", "note": "n"}],
  "facts": [
    ` + goodFact + `,
    {"type":"entity.named/v1","entity":"quiet-movement","date":"XXXX","source":{"title":"A History","url":"https://example.org/h","quote":"the Quiet Movement"},"payload":{"kind":"organisation","name":"Quiet Movement","name_type":"official"},"note":"from a book"},
    {"type":"entity.named/v1","entity":"quiet-movement","date":"XXXX","source":{"document":"other.txt","quote":"សង្គ្រោះ"},"payload":{"kind":"organisation","name":"សង្គ្រោះ","name_type":"native","language":"km"}}
  ]
}`
	c, err := ParseCurated("quiet.facts.json", []byte(data))
	if err != nil {
		t.Fatalf("ParseCurated: %v", err)
	}
	if c.Document != "quiet.txt" || c.Subject != "quiet-movement" || c.SubjectKind != events.KindOrganisation {
		t.Errorf("ParseCurated = document %q, subject %q, kind %q; want quiet.txt, quiet-movement, organisation", c.Document, c.Subject, c.SubjectKind)
	}
	if want := []TableHint{{Section: "Results", Election: "1997 general election", Date: "1997", Note: "n"}}; !reflect.DeepEqual(c.Tables, want) {
		t.Errorf("ParseCurated tables = %+v, want %+v", c.Tables, want)
	}
	if len(c.Facts) != 3 {
		t.Fatalf("ParseCurated returned %d facts, want 3", len(c.Facts))
	}
	// A source with no document and no title cites the file's document; the others are kept.
	wantSources := []events.Source{
		{Document: "quiet.txt", Quote: "Dissolved: 1997"},
		{Title: "A History", URL: "https://example.org/h", Quote: "the Quiet Movement"},
		{Document: "other.txt", Quote: "សង្គ្រោះ"},
	}
	for i, want := range wantSources {
		if got := c.Facts[i].Source; got != want {
			t.Errorf("ParseCurated fact %d source = %+v, want %+v", i+1, got, want)
		}
	}
	if c.Facts[1].Note != "from a book" {
		t.Errorf("ParseCurated fact 2 note = %q, want %q", c.Facts[1].Note, "from a book")
	}
	if got := c.Facts[0].Payload; !reflect.DeepEqual(got, events.PartyDissolved{}) {
		t.Errorf("ParseCurated fact 1 payload = %#v, want events.PartyDissolved{}", got)
	}
}

func TestParseCuratedEmpty(t *testing.T) {
	c, err := ParseCurated("empty.facts.json", []byte(`{"facts":[]}`))
	if err != nil {
		t.Fatalf("ParseCurated(empty): %v", err)
	}
	if len(c.Facts) != 0 || c.Document != "" || c.Tables != nil {
		t.Errorf("ParseCurated(empty) = %+v, want nothing", c)
	}
}

func TestParseCuratedSeeds(t *testing.T) {
	for _, s := range []source{cnup, cnrp, knsp, lwup} {
		data, err := os.ReadFile(s.facts)
		if err != nil {
			t.Fatal(err)
		}
		c, err := ParseCurated(s.facts, data)
		if err != nil {
			t.Errorf("ParseCurated(%s): %v", s.facts, err)
			continue
		}
		if c.Document != s.name() {
			t.Errorf("ParseCurated(%s) document = %q, want %q", s.facts, c.Document, s.name())
		}
		for i, f := range c.Facts {
			if err := f.Validate(); err != nil {
				t.Errorf("ParseCurated(%s) fact %d does not validate: %v", s.facts, i+1, err)
			}
		}
	}
}

func TestParseCuratedInvalid(t *testing.T) {
	tests := []struct {
		name string
		data string
		text []string // what the error must say, besides the file name
	}{
		{"not json", `facts: []`, []string{"invalid character"}},
		{"empty", ``, []string{"EOF"}},
		{"unknown top-level field", `{"document":"quiet.txt","facts":[],"authors":["me"]}`, []string{`"authors"`}},
		{"trailing data", factsFile(goodFact) + `{"facts":[]}`, []string{"data after the JSON value"}},
		{"unknown field in a fact", factsFile(goodFact, strings.Replace(goodFact, `"payload"`, `"colour":"red","payload"`, 1)),
			[]string{"fact 2", `"colour"`}},
		{"unknown source field", factsFile(strings.Replace(goodFact, `"quote"`, `"page":3,"quote"`, 1)), []string{"fact 1", `"page"`}},
		{"bad date", factsFile(goodFact, goodFact, strings.Replace(goodFact, `"1997"`, `"31 February 1997"`, 1)),
			[]string{"fact 3", "31 February 1997"}},
		{"impossible date", factsFile(strings.Replace(goodFact, `"1997"`, `"1997-02-30"`, 1)), []string{"fact 1", "1997-02-30"}},
		{"missing date", factsFile(strings.Replace(goodFact, `"date":"1997",`, ``, 1)), []string{"fact 1", "date"}},
		{"bad entity id", factsFile(goodFact, strings.Replace(goodFact, `"quiet-party"`, `"Quiet Party"`, 1)),
			[]string{"fact 2", `"Quiet Party"`}},
		{"entity id with a dot", factsFile(strings.Replace(goodFact, `"quiet-party"`, `"quiet.party"`, 1)), []string{"fact 1", `"quiet.party"`}},
		{"payload field typo", factsFile(strings.Replace(goodFact, `"payload":{}`, `"payload":{"forcd":true}`, 1)),
			[]string{"fact 1", `"forcd"`}},
		{"payload missing a field", factsFile(`{"type":"party.renamed/v1","entity":"quiet-party","date":"1997","source":{"quote":"q"},"payload":{"from":"A"}}`),
			[]string{"fact 1", "to is required"}},
		{"payload reference not an id", factsFile(`{"type":"person.defected/v1","entity":"bo-li","date":"1997","source":{"quote":"q"},"payload":{"from":"Khmer Rouge"}}`),
			[]string{"fact 1", `"Khmer Rouge"`}},
		{"unregistered type", factsFile(strings.Replace(goodFact, `party.dissolved/v1`, `party.evaporated/v1`, 1)),
			[]string{"fact 1", "party.evaporated/v1"}},
		{"no quote", factsFile(strings.Replace(goodFact, `"Dissolved: 1997"`, `""`, 1)), []string{"fact 1", "quote is required"}},
		{"no document anywhere", `{"facts":[` + goodFact + `]}`, []string{"fact 1", "needs a document"}},
		{"document and title", factsFile(strings.Replace(goodFact, `"source":{`, `"source":{"document":"a.txt","title":"T",`, 1)),
			[]string{"fact 1", "both a document and an external work"}},
		{"fact not an object", factsFile(goodFact, `"party.dissolved/v1"`), []string{"fact 2"}},
		{"bad subject", `{"subject":"Quiet Party","facts":[]}`, []string{"subject", `"Quiet Party"`}},
		{"bad subject kind", `{"subject_kind":"faction","facts":[]}`, []string{"subject_kind", `"faction"`}},
		{"table hint with a bad date", `{"tables":[{"section":"Results","election":"1997 general election","date":"May 1997"}],"facts":[]}`,
			[]string{"table 1", "May 1997"}},
		{"table hint with no date", `{"tables":[{"section":"Results","election":"1997 general election"}],"facts":[]}`,
			[]string{"table 1", "parse date"}},
		{"table hint with no election", `{"tables":[{"section":"A","election":"e","date":"1997"},{"section":"Results","date":"1997"}],"facts":[]}`,
			[]string{"table 2", "no election"}},
		{"table hint with no section", `{"tables":[{"election":"1997 general election","date":"1997"}],"facts":[]}`,
			[]string{"table 1", "no section"}},
		{"table hint unknown field", `{"tables":[{"section":"Results","election":"e","date":"1997","level":"communal"}],"facts":[]}`,
			[]string{`"level"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCurated("quiet.facts.json", []byte(tt.data))
			if err == nil {
				t.Fatalf("ParseCurated(%s) = %+v, want an error", tt.data, c)
			}
			if !errors.Is(err, events.ErrInvalid) {
				t.Errorf("ParseCurated(%s) error %v does not wrap events.ErrInvalid", tt.data, err)
			}
			if c != nil {
				t.Errorf("ParseCurated(%s) = %+v with an error, want nil", tt.data, c)
			}
			for _, w := range append([]string{"facts file quiet.facts.json"}, tt.text...) {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ParseCurated(%s) error %q does not say %q", tt.data, err, w)
				}
			}
		})
	}
}

// The subject and its kind come from the facts file when it gives them.
func TestFactsSubjectFromCurated(t *testing.T) {
	doc := parse(t, "quiet.txt", "= Quiet Movement =\n\nQuiet Movement\n- Abbreviation: QM\n- Founded: 1997\n")
	c, err := ParseCurated("quiet.facts.json", []byte(`{"document":"quiet.txt","subject":"quiet-movement-of-verin","subject_kind":"organisation","facts":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	facts, _, err := Facts(doc, c)
	if err != nil {
		t.Fatalf("Facts(%s): %v", doc.Name, err)
	}
	checkInvariants(t, doc, c, facts)
	expect(t, doc.Name, facts, []want{
		{events.TypeEntityNamed, "quiet-movement-of-verin", "XXXX", "Quiet Movement",
			events.EntityNamed{Kind: events.KindOrganisation, Name: "Quiet Movement", NameType: events.NameOfficial}, ""},
		{events.TypeEntityNamed, "quiet-movement-of-verin", "XXXX", "Abbreviation: QM",
			events.EntityNamed{Kind: events.KindOrganisation, Name: "QM", NameType: events.NameAbbreviation}, ""},
		{events.TypePartyFounded, "quiet-movement-of-verin", "1997", "Founded: 1997", events.PartyFounded{Name: "Quiet Movement"}, ""},
	})
}
