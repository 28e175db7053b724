package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"annals/document"
	"annals/events"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.facts.golden files")

// source is a document and its companion facts file.
type source struct {
	text, facts string // paths
}

func (s source) name() string { return filepath.Base(s.text) }

var (
	cnup = source{"../seeds/cambodian-national-unity-party.txt", "../seeds/cambodian-national-unity-party.facts.json"}
	cnrp = source{"../seeds/cambodia-national-rescue-party.txt", "../seeds/cambodia-national-rescue-party.facts.json"}
	knsp = source{"../seeds/khmer-national-solidarity-party.txt", "../seeds/khmer-national-solidarity-party.facts.json"}
	lwup = source{"testdata/lakeside-workers-union-party.txt", "testdata/lakeside-workers-union-party.facts.json"}
)

// load parses a document, its facts file, and the facts they state together.
func load(t testing.TB, s source) (*document.Document, *Curated, []events.Fact) {
	t.Helper()
	data, err := os.ReadFile(s.text)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := document.Parse(s.name(), data)
	if err != nil {
		t.Fatalf("document.Parse(%s): %v", s.name(), err)
	}
	cdata, err := os.ReadFile(s.facts)
	if err != nil {
		t.Fatal(err)
	}
	curated, err := ParseCurated(filepath.Base(s.facts), cdata)
	if err != nil {
		t.Fatalf("ParseCurated(%s): %v", s.facts, err)
	}
	facts, warnings, err := Facts(doc, curated)
	if err != nil {
		t.Fatalf("Facts(%s): %v", s.name(), err)
	}
	if len(doc.Warnings)+len(warnings) > 0 {
		t.Errorf("Parse and Facts(%s) warn %v %v, want no warning", s.name(), doc.Warnings, warnings)
	}
	return doc, curated, facts
}

// want describes one fact that must be among the facts of a document.
type want struct {
	typ     events.Type
	entity  events.EntityID
	date    string
	quote   string
	payload events.Payload
	note    string
}

// expect checks that facts hold each wanted fact exactly as described, with the document as source.
func expect(t *testing.T, doc string, facts []events.Fact, wants []want) {
	t.Helper()
	for _, w := range wants {
		found := false
		var near []string
		for _, f := range facts {
			if f.Type != w.typ || f.Entity != w.entity {
				continue
			}
			if f.Date.String() == w.date && f.Source.Quote == w.quote && reflect.DeepEqual(f.Payload, w.payload) &&
				f.Source == (events.Source{Document: doc, Quote: w.quote}) && f.Note == w.note {
				found = true
				break
			}
			near = append(near, fmt.Sprintf("%s %q %#v note %q", f.Date, f.Source.Quote, f.Payload, f.Note))
		}
		if !found {
			t.Errorf("Facts(%s) has no %s about %s dated %s quoting %q with payload %#v; of that type and entity it has:\n  %s",
				doc, w.typ, w.entity, w.date, w.quote, w.payload, strings.Join(near, "\n  "))
		}
	}
}

// count returns how many facts pass keep.
func count(facts []events.Fact, keep func(events.Fact) bool) int {
	n := 0
	for _, f := range facts {
		if keep(f) {
			n++
		}
	}
	return n
}

// checkInvariants checks what every document's facts must satisfy: the document comes first,
// verbatim; every fact validates and quotes its document; no two facts are the same fact; and the
// curated facts follow, unchanged.
func checkInvariants(t *testing.T, doc *document.Document, curated *Curated, facts []events.Fact) {
	t.Helper()
	if len(facts) == 0 || facts[0].Type != events.TypeDocumentRecorded {
		t.Fatalf("Facts(%s) does not start with %s", doc.Name, events.TypeDocumentRecorded)
	}
	rec := facts[0].Payload.(events.DocumentRecorded)
	sum := sha256.Sum256([]byte(doc.Text))
	if rec.Text != doc.Text || rec.Name != doc.Name || rec.Title != doc.Title || rec.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("Facts(%s) document fact = %q, %q, sha256 %s, %d bytes; want the document verbatim", doc.Name, rec.Name, rec.Title, rec.SHA256, len(rec.Text))
	}
	if facts[0].Entity != events.DocumentEntity(doc.Name) {
		t.Errorf("Facts(%s) document fact entity = %q, want %q", doc.Name, facts[0].Entity, events.DocumentEntity(doc.Name))
	}
	seen := map[events.FactID]int{}
	for i, f := range facts {
		if err := f.Validate(); err != nil {
			t.Errorf("Facts(%s) fact %d does not validate: %v", doc.Name, i, err)
		}
		if f.Source.Document != doc.Name {
			t.Errorf("Facts(%s) fact %d (%s about %s) cites %q, want %q", doc.Name, i, f.Type, f.Entity, f.Source.Document, doc.Name)
		}
		if !doc.ContainsQuote(f.Source.Quote) {
			t.Errorf("Facts(%s) fact %d (%s about %s): document.ContainsQuote(%q) = false", doc.Name, i, f.Type, f.Entity, f.Source.Quote)
		}
		id := f.ID()
		if j, dup := seen[id]; dup {
			t.Errorf("Facts(%s) facts %d and %d are the same fact %s: %s about %s quoting %q", doc.Name, j, i, id, f.Type, f.Entity, f.Source.Quote)
		}
		seen[id] = i
	}
	if n := len(curated.Facts); n > len(facts) || (n > 0 && !reflect.DeepEqual(facts[len(facts)-n:], curated.Facts)) {
		t.Errorf("Facts(%s) does not end with the %d curated facts, unchanged", doc.Name, n)
	}
}

// render writes one line per fact (type, entity, date, quote), then the count of each type.
func render(doc *document.Document, facts []events.Fact) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Facts(%s): %d facts\n", doc.Name, len(facts))
	counts := map[events.Type]int{}
	for _, f := range facts {
		counts[f.Type]++
		fmt.Fprintf(&b, "%s %s %s %q\n", f.Type, f.Entity, f.Date, f.Source.Quote)
	}
	b.WriteString("# counts\n")
	types := make([]events.Type, 0, len(counts))
	for tp := range counts {
		types = append(types, tp)
	}
	slices.Sort(types)
	for _, tp := range types {
		fmt.Fprintf(&b, "%s %d\n", tp, counts[tp])
	}
	return b.String()
}

func TestFactsGolden(t *testing.T) {
	for _, s := range []source{cnup, cnrp, knsp, lwup} {
		t.Run(s.name(), func(t *testing.T) {
			doc, curated, facts := load(t, s)
			checkInvariants(t, doc, curated, facts)
			got := render(doc, facts)
			golden := filepath.Join("testdata", strings.TrimSuffix(s.name(), ".txt")+".facts.golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wantText, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if got != string(wantText) {
				t.Errorf("render(Facts(%s)) differs from %s; rerun with -update and review the diff:\n%s", s.name(), golden, got)
			}
		})
	}
}

func TestFactsAreStable(t *testing.T) {
	for _, s := range []source{cnup, cnrp, knsp, lwup} {
		_, _, a := load(t, s)
		_, _, b := load(t, s)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("Facts(%s) differs between two runs", s.name())
		}
	}
}

func TestFactsCNUP(t *testing.T) {
	doc, _, facts := load(t, cnup)
	const party = "cambodian-national-unity-party"
	expect(t, doc.Name, facts, []want{
		{events.TypeDocumentRecorded, "doc-cambodian-national-unity-party", "XXXX", "= Cambodian National Unity Party =",
			facts[0].Payload, ""},
		{events.TypeEntityNamed, party, "XXXX", "Cambodian National Unity Party",
			events.EntityNamed{Kind: events.KindParty, Name: "Cambodian National Unity Party", NameType: events.NameOfficial}, ""},
		{events.TypeEntityNamed, party, "XXXX", "Abbreviation: CNUP",
			events.EntityNamed{Kind: events.KindParty, Name: "CNUP", NameType: events.NameAbbreviation}, ""},
		{events.TypePartyFounded, party, "1992-11-30", "Foundation: 30 November 1992",
			events.PartyFounded{Name: "Cambodian National Unity Party"}, ""},
		{events.TypePartyDissolved, party, "1997", "Dissolved: 1997", events.PartyDissolved{}, ""},
		{events.TypePartySucceeded, party, "XXXX", "Successor: Khmer National Solidarity Party",
			events.PartySucceeded{Successor: "khmer-national-solidarity-party", Kind: events.SuccessionUnspecified}, ""},
		{events.TypeEntityNamed, "khmer-national-solidarity-party", "XXXX", "Successor: Khmer National Solidarity Party",
			events.EntityNamed{Kind: events.KindParty, Name: "Khmer National Solidarity Party", NameType: events.NameOfficial}, ""},
		{events.TypeLeaderTookOffice, party, "XXXX", "Leader: Khieu Samphan, Son Sen",
			events.LeaderTookOffice{Office: events.Office{Person: "khieu-samphan", Role: "leader"}}, ""},
		{events.TypeLeaderTookOffice, party, "XXXX", "Leader: Khieu Samphan, Son Sen",
			events.LeaderTookOffice{Office: events.Office{Person: "son-sen", Role: "leader"}}, ""},
		{events.TypeEntityNamed, "son-sen", "XXXX", "Leader: Khieu Samphan, Son Sen",
			events.EntityNamed{Kind: events.KindPerson, Name: "Son Sen", NameType: events.NameOfficial}, ""},
		{events.TypePartyWing, party, "XXXX", "Wing1 Title: Military wing\n- Wing1: National Army of Democratic Kampuchea",
			events.PartyWing{Kind: "military wing", Wing: "national-army-of-democratic-kampuchea"}, ""},
		{events.TypeEntityNamed, "national-army-of-democratic-kampuchea", "XXXX", "Wing1 Title: Military wing\n- Wing1: National Army of Democratic Kampuchea",
			events.EntityNamed{Kind: events.KindOrganisation, Name: "National Army of Democratic Kampuchea", NameType: events.NameOfficial}, ""},
		{events.TypeEntityDescribed, party, "XXXX", "Colorcode: #DC143C", events.EntityDescribed{Attribute: "colour", Value: "#DC143C"}, ""},
		{events.TypePartyIdeology, party, "XXXX", "Ideology: Liberal democracy", events.PartyIdeology{Ideologies: []string{"Liberal democracy"}}, ""},
		{events.TypePartyPosition, party, "XXXX", "Position: Centre-left to left-wing", events.PartyPosition{Position: "Centre-left to left-wing"}, ""},
		{events.TypeEntityDescribed, party, "XXXX", "Country: Cambodia", events.EntityDescribed{Attribute: "country", Value: "Cambodia"}, ""},
	})
	// One founding from the infobox, one curated from the text, one curated for the KNSP.
	if n := count(facts, func(f events.Fact) bool { return f.Type == events.TypePartyFounded && f.Entity == party }); n != 2 {
		t.Errorf("Facts(%s) has %d party.founded facts about the CNUP, want 2 (infobox and text)", doc.Name, n)
	}
}

func TestFactsCNRP(t *testing.T) {
	doc, _, facts := load(t, cnrp)
	const party = "cambodia-national-rescue-party"
	const successors = "Successor: Cambodia National Rescue Movement, Khmer Will Party (self-declared; not legally), Candlelight Party (unofficial)"
	const merger = "Merger: Sam Rainsy Party, Human Rights Party, Norodom Ranariddh Party"
	const vicePresidents = "Leader2 Title: Vice Presidents\n- Leader2 Name: Eng Chhai Eang, Mu Sochua, Pol Hom"
	const note = "The table does not name its election. Its total (2,946,176 votes, 44.46%) is the CNRP's result in the 2013 general election, as the 'General election' table gives it (2,946,176, 44.5%)."
	took := func(person events.EntityID, role string, term int) events.Payload {
		return events.LeaderTookOffice{Office: events.Office{Person: person, Role: role, Term: term}}
	}
	left := func(person events.EntityID, role string, term int) events.Payload {
		return events.LeaderLeftOffice{Office: events.Office{Person: person, Role: role, Term: term}}
	}
	const row1 = "| 1 | Sam Rainsy | 17 July 2012 | 11 February 2017 | Kem Sokha |"
	const row2 = "| 2 | Kem Sokha | 2 March 2017 | 16 November 2017 | Eng Chhai Eang |"
	expect(t, doc.Name, facts, []want{
		// Infobox.
		{events.TypePartySucceeded, party, "XXXX", successors,
			events.PartySucceeded{Successor: "cambodia-national-rescue-movement", Kind: events.SuccessionUnspecified}, ""},
		{events.TypePartySucceeded, party, "XXXX", successors,
			events.PartySucceeded{Successor: "khmer-will-party", Kind: events.SuccessionSelfDeclared, Qualifier: "self-declared; not legally"}, ""},
		{events.TypePartySucceeded, party, "XXXX", successors,
			events.PartySucceeded{Successor: "candlelight-party", Kind: events.SuccessionUnofficial, Qualifier: "unofficial"}, ""},
		{events.TypeEntityNamed, "khmer-will-party", "XXXX", successors,
			events.EntityNamed{Kind: events.KindParty, Name: "Khmer Will Party", NameType: events.NameOfficial}, ""},
		{events.TypePartyMerged, party, "XXXX", merger,
			events.PartyMerged{Members: []events.EntityID{"sam-rainsy-party", "human-rights-party", "norodom-ranariddh-party"}}, ""},
		{events.TypeEntityNamed, "norodom-ranariddh-party", "XXXX", merger,
			events.EntityNamed{Kind: events.KindParty, Name: "Norodom Ranariddh Party", NameType: events.NameOfficial}, ""},
		{events.TypeLeaderTookOffice, party, "XXXX", "Leader1 Title: President\n- Leader1 Name: Kem Sokha", took("kem-sokha", "president", 0), ""},
		{events.TypeLeaderTookOffice, party, "XXXX", vicePresidents, took("eng-chhai-eang", "vice president", 0), ""},
		{events.TypeLeaderTookOffice, party, "XXXX", vicePresidents, took("mu-sochua", "vice president", 0), ""},
		{events.TypeLeaderTookOffice, party, "XXXX", vicePresidents, took("pol-hom", "vice president", 0), ""},
		{events.TypeEntityDescribed, party, "XXXX", "Leader3 Title: Secretary-General",
			events.EntityDescribed{Attribute: "office", Value: "Secretary-General"}, ""},
		{events.TypePartyWing, party, "XXXX", "Youth Wing: CNRP Youth", events.PartyWing{Kind: "youth wing", Wing: "cnrp-youth"}, ""},
		{events.TypePartyFounded, party, "XXXX", "Founders: Sam Rainsy, Kem Sokha",
			events.PartyFounded{Name: "Cambodia National Rescue Party", Founders: []events.EntityID{"sam-rainsy", "kem-sokha"}}, ""},
		{events.TypeEntityDescribed, party, "XXXX", `Slogan: "សង្គ្រោះ បម្រើ ការពារ" ("Rescue, Serve, Protect")`,
			events.EntityDescribed{Attribute: "slogan", Value: "សង្គ្រោះ បម្រើ ការពារ", Translation: "Rescue, Serve, Protect", Language: "km"}, ""},
		{events.TypePartyIdeology, party, "XXXX", "Ideology: Liberalism, Liberal democracy, Civic nationalism, Populism, Anti-Vietnamese sentiment",
			events.PartyIdeology{Ideologies: []string{"Liberalism", "Liberal democracy", "Civic nationalism", "Populism", "Anti-Vietnamese sentiment"}}, ""},
		{events.TypePartyAffiliation, party, "XXXX", "International: Liberal International",
			events.PartyAffiliation{Kind: "international", Organisation: "liberal-international"}, ""},
		{events.TypePartyAffiliation, party, "XXXX", "Affiliation1 Title: Regional affiliation\n- Affiliation1: Council of Asian Liberals and Democrats",
			events.PartyAffiliation{Kind: "regional affiliation", Organisation: "council-of-asian-liberals-and-democrats"}, ""},
		{events.TypeEntityDescribed, party, "XXXX", "Flag: Cambodia National Rescue Party flag.png",
			events.EntityDescribed{Attribute: "flag", Value: "Cambodia National Rescue Party flag.png"}, ""},

		// Regional strength: constituencies, then the total as the national result.
		{events.TypeElectionResult, party, "2013", "| 1 | Banteay Meanchey | | 64,732 | 25.33% |",
			events.ElectionResult{Election: "2013 general election", Level: events.LevelConstituency, Constituency: "Banteay Meanchey",
				Number: "1", Votes: 64732, VotesText: "64,732", Percent: "25.33%"}, note},
		{events.TypeElectionResult, party, "2013", "| 24 | Takéo | | 236,686 | 45.73% |",
			events.ElectionResult{Election: "2013 general election", Level: events.LevelConstituency, Constituency: "Takéo",
				Number: "24", Votes: 236686, VotesText: "236,686", Percent: "45.73%"}, note},
		{events.TypeElectionResult, party, "2013", "| Total | | 2,946,176 | 44.46% | |",
			events.ElectionResult{Election: "2013 general election", Level: events.LevelGeneral, Number: "Total",
				Votes: 2946176, VotesText: "2,946,176", Percent: "44.46%"}, note},

		// Leaders table, with the deputies of the second term on rows of their own.
		{events.TypeLeaderTookOffice, party, "2012-07-17", row1, took("sam-rainsy", "leader", 1), ""},
		{events.TypeLeaderLeftOffice, party, "2017-02-11", row1, left("sam-rainsy", "leader", 1), ""},
		{events.TypeLeaderTookOffice, party, "2012-07-17", row1, took("kem-sokha", "deputy leader", 1), ""},
		{events.TypeLeaderLeftOffice, party, "2017-02-11", row1, left("kem-sokha", "deputy leader", 1), ""},
		{events.TypeLeaderTookOffice, party, "2017-03-02", row2, took("kem-sokha", "leader", 2), ""},
		{events.TypeLeaderLeftOffice, party, "2017-11-16", row2, left("kem-sokha", "leader", 2), ""},
		{events.TypeLeaderTookOffice, party, "2017-03-02", row2, took("eng-chhai-eang", "deputy leader", 2), ""},
		{events.TypeLeaderLeftOffice, party, "2017-11-16", row2, left("eng-chhai-eang", "deputy leader", 2), ""},
		{events.TypeLeaderTookOffice, party, "2017-03-02", "| Mu Sochua | | | | |", took("mu-sochua", "deputy leader", 2), ""},
		{events.TypeLeaderLeftOffice, party, "2017-11-16", "| Mu Sochua | | | | |", left("mu-sochua", "deputy leader", 2), ""},
		{events.TypeLeaderTookOffice, party, "2017-03-02", "| Pol Hom | | | | |", took("pol-hom", "deputy leader", 2), ""},
		{events.TypeLeaderLeftOffice, party, "2017-11-16", "| Pol Hom | | | | |", left("pol-hom", "deputy leader", 2), ""},

		// Election results by election.
		{events.TypeElectionResult, party, "2013", "| 2013 | Sam Rainsy | 2,946,176 | 44.5 | 15.9 | |",
			events.ElectionResult{Election: "2013 general election", Level: events.LevelGeneral, Leader: "sam-rainsy",
				Votes: 2946176, VotesText: "2,946,176", Percent: "44.5", Change: "15.9"}, ""},
		{events.TypeElectionResult, party, "2017", "| 2017 | Kem Sokha | 3,056,824 | 43.8 | 13.1 | |",
			events.ElectionResult{Election: "2017 communal election", Level: events.LevelCommunal, Leader: "kem-sokha",
				Votes: 3056824, VotesText: "3,056,824", Percent: "43.8", Change: "13.1"}, ""},
	})

	level := func(l string) func(events.Fact) bool {
		return func(f events.Fact) bool {
			r, ok := f.Payload.(events.ElectionResult)
			return ok && r.Level == l
		}
	}
	if n := count(facts, level(events.LevelConstituency)); n != 24 {
		t.Errorf("Facts(%s) has %d constituency results, want 24", doc.Name, n)
	}
	if n := count(facts, level(events.LevelGeneral)); n != 2 {
		t.Errorf("Facts(%s) has %d general results, want 2 (the regional total and the general election table)", doc.Name, n)
	}
	if n := count(facts, func(f events.Fact) bool {
		p, ok := f.Payload.(events.LeaderTookOffice)
		return ok && p.Role == "vice president" && f.Source.Quote == vicePresidents
	}); n != 3 {
		t.Errorf("Facts(%s) has %d vice presidents taking office from the infobox, want 3", doc.Name, n)
	}
	// Each person mentioned in the infobox and tables is named once, at the first mention.
	if n := count(facts, func(f events.Fact) bool {
		return f.Type == events.TypeEntityNamed && f.Entity == "kem-sokha" && f.Source.Quote == "Founders: Sam Rainsy, Kem Sokha"
	}); n != 1 {
		t.Errorf("Facts(%s) names Kem Sokha %d times from the Founders line, want 1", doc.Name, n)
	}
	if n := count(facts, func(f events.Fact) bool {
		p, ok := f.Payload.(events.EntityNamed)
		return ok && f.Entity == "kem-sokha" && p.Name == "Kem Sokha" && strings.HasPrefix(f.Source.Quote, "|")
	}); n != 0 {
		t.Errorf("Facts(%s) names Kem Sokha again from a table row %d times, want 0", doc.Name, n)
	}
}

func TestFactsKNSP(t *testing.T) {
	doc, curated, facts := load(t, knsp)
	const party = "khmer-national-solidarity-party"
	if doc.Infobox != nil {
		t.Fatalf("document.Parse(%s) found an infobox; this test expects none", doc.Name)
	}
	// No infobox and no tables: the document, its title as a name, and the curated facts.
	if got, want := len(facts), 2+len(curated.Facts); got != want {
		t.Errorf("Facts(%s) returned %d facts, want %d (document, title, %d curated)", doc.Name, got, want, len(curated.Facts))
	}
	expect(t, doc.Name, facts, []want{
		{events.TypeDocumentRecorded, "doc-khmer-national-solidarity-party", "XXXX", "Khmer National Solidarity Party", facts[0].Payload, ""},
		{events.TypeEntityNamed, party, "XXXX", "Khmer National Solidarity Party",
			events.EntityNamed{Kind: events.KindParty, Name: "Khmer National Solidarity Party", NameType: events.NameOfficial}, ""},
		{events.TypePersonSentenced, "khieu-samphan", "2018", "In 2018 Khieu Samphan was sentenced to life in prison",
			events.PersonSentenced{Sentence: "life in prison"}, "The document does not name the court."},
	})
}
