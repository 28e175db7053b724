package sources_test

import (
	"slices"
	"strings"
	"testing"

	"annals/events"
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
