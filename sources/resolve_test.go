package sources_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"
	"annals/sources"
)

func party(id events.EntityID, names ...string) sources.Entity {
	e := sources.Entity{ID: id, Kind: events.KindParty}
	for _, n := range names {
		typ := events.NameOfficial
		if n == strings.ToUpper(n) {
			typ = events.NameAbbreviation
		}
		e.Names = append(e.Names, sources.Name{Name: n, Type: typ, Source: "a.txt"})
	}
	return e
}

func in(country string, e sources.Entity) sources.Entity {
	e.Countries = append(e.Countries, country)
	return e
}

func TestResolveTitle(t *testing.T) {
	pdk := party("party-of-democratic-kampuchea", "Party of Democratic Kampuchea")
	sdpDE := in("Germany", party("social-democratic-party-of-germany", "Social Democratic Party", "SPD"))
	sdpRO := in("Romania", party("social-democratic-party-romania", "Social Democratic Party", "PSD"))
	sdp := party("social-democratic-party", "Social Democratic Party")
	person := sources.Entity{ID: "party-of-democratic-kampuchea", Kind: events.KindPerson, Names: []sources.Name{{Name: "Party of Democratic Kampuchea"}}}
	tests := []struct {
		name    string
		title   string
		known   []sources.Entity
		subject events.EntityID
		warn    []events.EntityID // candidates of the warning; nil for no warning
	}{
		{"no parenthetical", "Party of Democratic Kampuchea", []sources.Entity{pdk}, "", nil},
		{"country: the same name", "Party of Democratic Kampuchea (Cambodia)", []sources.Entity{pdk}, pdk.ID, nil},
		{"the name folded", "party of  democratic KAMPUCHEA (Cambodia)", []sources.Entity{pdk}, pdk.ID, nil},
		{"the slug of the name", "Party of Democratic-Kampuchea (Cambodia)", []sources.Entity{{ID: pdk.ID, Kind: events.KindParty}}, pdk.ID, nil},
		{"a stub, P the country of another", "Party of Democratic Kampuchea (Cambodia)",
			[]sources.Entity{pdk, in("Cambodia", party("cambodian-national-unity-party", "Cambodian National Unity Party", "CNUP"))}, pdk.ID, nil},
		{"nothing known", "Party of Democratic Kampuchea (Cambodia)", nil, "", nil},
		{"not a party", "Party of Democratic Kampuchea (Cambodia)", []sources.Entity{person}, "", nil},
		{"its own id is known: it fills it", "Social Democratic Party (Romania)", []sources.Entity{sdpRO, sdp, {ID: "social-democratic-party-romania"}}, "", nil},
		{"abbreviation settles two", "Social Democratic Party (PSD)", []sources.Entity{sdpDE, sdpRO}, sdpRO.ID, nil},
		{"country settles two", "Social Democratic Party (Germany)", []sources.Entity{sdpDE, sdpRO}, sdpDE.ID, nil},
		{"two, nothing settles", "Social Democratic Party (Austria)", []sources.Entity{sdpDE, sdpRO}, "", []events.EntityID{sdpDE.ID, sdpRO.ID}},
		{"three, one undescribed", "Social Democratic Party (Sweden)", []sources.Entity{sdp, sdpDE, sdpRO}, "", []events.EntityID{sdp.ID, sdpDE.ID, sdpRO.ID}},
		{"one, its abbreviation elsewhere", "Social Democratic Party (PSD)", []sources.Entity{sdpDE, party("psd-x", "Other Party", "PSD")}, "", []events.EntityID{sdpDE.ID}},
		{"one, another country", "Social Democratic Party (Romania)", []sources.Entity{sdpDE, in("Romania", party("romanian-x", "Other"))}, "", []events.EntityID{sdpDE.ID}},
		{"one, a neutral parenthetical", "Social Democratic Party (1990)", []sources.Entity{sdpDE}, sdpDE.ID, nil},
		{"weak: only the abbreviation", "Democratic Party (SPD)", []sources.Entity{sdpDE}, "", []events.EntityID{sdpDE.ID}},
		{"weak: a partial name", "Democratic Kampuchea (Cambodia)", []sources.Entity{pdk}, "", []events.EntityID{pdk.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sources.ResolveTitle(tt.title, events.Slug(tt.title), tt.known)
			if r.Subject != tt.subject {
				t.Errorf("ResolveTitle(%q).Subject = %q, want %q (%+v)", tt.title, r.Subject, tt.subject, r)
			}
			if (r.Warning != "") != (tt.warn != nil) || !slices.Equal(r.Candidates, tt.warn) {
				t.Errorf("ResolveTitle(%q) warns %q with %q, want candidates %q", tt.title, r.Warning, r.Candidates, tt.warn)
			}
			if r.Subject != "" && (r.Evidence == "" || r.Name == "") {
				t.Errorf("ResolveTitle(%q) joins %s without evidence or name: %+v", tt.title, r.Subject, r)
			}
		})
	}
}

// A party named with its country in another article ("the Moroccan Istiqlal Union", "the Rural Union
// of Greece", "Greece's Rural Union") is the party of that name and country the other article is about; a party of that
// name described with another country is not.
func TestQualifiedMentions(t *testing.T) {
	docs := map[string]string{
		"istiqlal-union.txt": "= Istiqlal Union =\n\nIstiqlal Union\n- Country: Morocco\n\nThe Istiqlal Union was a party in Morocco. It was founded in 1944. In 1979 it signed an agreement with the Rural Union of Greece, which had been founded in 1951. Greece's Rural Union, founded in 1952, sent observers.\n",
		"rural-union.txt":    "= Rural Union =\n\nRural Union\n- Country: Greece\n\nThe Rural Union was a party in Greece. In 1979 it signed an agreement with the Moroccan Istiqlal Union, which had been founded in 1946, and with the Tunisian Rural Union.\n",
	}
	l, founded := resolvedFoundings(t, docs)
	if !slices.Contains(founded["istiqlal-union"], "1946") || !slices.Contains(founded["rural-union"], "1951") || !slices.Contains(founded["rural-union"], "1952") {
		t.Errorf("foundings %v: want the 1946 of 'the Moroccan Istiqlal Union', the 1951 of 'the Rural Union of Greece' and the 1952 of 'Greece's Rural Union' on the parties the articles are about", founded)
	}
	for _, e := range sources.Entities(l.Facts) {
		if e.ID == "moroccan-istiqlal-union" || e.ID == "rural-union-of-greece" || e.ID == "greeces-rural-union" {
			t.Errorf("entity %s: a qualified name made a party of its own", e.ID)
		}
		if e.ID == "rural-union" && slices.ContainsFunc(e.Names, func(n sources.Name) bool { return n.Name == "Tunisian Rural Union" }) {
			t.Error("the Tunisian Rural Union joined the Rural Union of Greece")
		}
	}
}

// A party named with its country in an article recorded before ("the Moroccan Istiqlal Union") is
// the party of the article read later: the later article's party is the same entity (drafted).
func TestQualifiedNameRecordedBefore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	first, err := sources.Load([]string{write("rural-union.txt", "= Rural Union =\n\nRural Union\n- Country: Greece\n\nThe Rural Union was a party in Greece. In 1979 it signed an agreement with the Moroccan Istiqlal Union, which had been founded in 1946.\n")})
	if err != nil {
		t.Fatal(err)
	}
	store, err := boltstore.Open(filepath.Join(t.TempDir(), "annals.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var evs []events.Event
	for i, f := range first.Facts {
		evs = append(evs, eventstest.NewEvent(t, f, eventstest.BaseMS+uint64(i)))
	}
	if _, err := store.Apply(ctx, eventstest.Stored(1, evs...)); err != nil {
		t.Fatal(err)
	}
	later, err := sources.Load([]string{write("istiqlal-union.txt", "= Istiqlal Union (Morocco) =\n\nIstiqlal Union\n- Country: Morocco\n\nThe Istiqlal Union was a party in Morocco. It was founded in 1944.\n")})
	if err != nil {
		t.Fatal(err)
	}
	if err := later.ResolveSubjects(ctx, store); err != nil {
		t.Fatal(err)
	}
	joined := false
	for _, f := range later.Facts {
		if p, ok := f.Payload.(events.EntitySameAs); ok && f.Entity == "istiqlal-union-morocco" && p.Other == "moroccan-istiqlal-union" && f.Method == events.MethodDrafted {
			joined = f.Source.Quote == "Country: Morocco"
		}
	}
	if !joined {
		t.Errorf("facts of the later article: no drafted same-as joining the Moroccan Istiqlal Union recorded before, quoting its country")
	}
}

// A party another article names only by its former name ("the Coastal Farmers and Fishermen League",
// the name the Harbour Party bore before its rename) is the party of the article that gives the name;
// a party that has an article of its own keeps its own entity, and a name two parties bore is no
// one's.
func TestFormerNameInAnotherArticle(t *testing.T) {
	docs := map[string]string{
		"harbour-party.txt": "= Harbour Party =\n\nHarbour Party\n- Country: Norway\n- Former name: Coastal Farmers and Fishermen League\n\nThe Harbour Party, known until 1989 as the Coastal Farmers and Fishermen League, was a party in Norway.\n",
		"fjord-party.txt":   "= Fjord Party =\n\nFjord Party\n- Country: Norway\n\nThe Fjord Party was a party in Norway. In 1970 it signed a pact with the Coastal Farmers and Fishermen League, which had been founded in 1958. In 1975 it signed another with the Valley Party.\n",
		"valley-party.txt":  "= Valley Party =\n\nValley Party\n- Country: Norway\n- Former name: Upland Party\n\nThe Valley Party was a party in Norway.\n",
		"upland-party.txt":  "= Upland Party =\n\nUpland Party\n- Country: Norway\n\nThe Upland Party was a party in Norway. It was founded in 1960.\n",
	}
	l, founded := resolvedFoundings(t, docs)
	if !slices.Contains(founded["harbour-party"], "1958") || !slices.Contains(founded["upland-party"], "1960") {
		t.Errorf("foundings %v: want the 1958 of the league on the Harbour Party, and the Upland Party's own", founded)
	}
	for _, e := range sources.Entities(l.Facts) {
		if e.ID == "coastal-farmers-and-fishermen-league" {
			t.Errorf("entity %s: a former name made a party of its own", e.ID)
		}
	}
}

// resolvedFoundings loads the documents (name → text) from a folder, resolves their subjects and
// mentions without a record, and returns them with the dates of each party's foundings.
func resolvedFoundings(t *testing.T, docs map[string]string) (*sources.Loaded, map[events.EntityID][]string) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, err := sources.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.ResolveSubjects(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	founded := map[events.EntityID][]string{}
	for _, f := range l.Facts {
		if _, ok := f.Payload.(events.PartyFounded); ok {
			founded[f.Entity] = append(founded[f.Entity], f.Date.String())
		}
	}
	return l, founded
}
