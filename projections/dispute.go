package projections

import (
	"sort"
	"strings"

	"annals/events"
)

// Dispute is a place where the claims of the record cannot all be true: each claim keeps its value,
// its date and its source. Disputes are never resolved by the fold; a correction settles them.
type Dispute struct {
	Field string `json:"field"` // what the claims disagree on: "official name", "founded", "merger", "succession: A → B"...
	// Claims holds every claim on the field; a claim's value is empty where only its date is at issue.
	Claims []Claim `json:"claims"`
}

// claimGroup gathers the claims about one field. Two claims conflict when their values differ (a
// value of "" or "unspecified" agrees with anything) or when both are dated and their date ranges do
// not overlap.
type claimGroup struct {
	field  string
	claims []Claim
	dates  []events.Date
}

func (g *claimGroup) add(c Claim, d events.Date) {
	g.claims = append(g.claims, c)
	g.dates = append(g.dates, d)
}

func (g *claimGroup) conflicts(i, j int) bool {
	a, b := g.claims[i].Value, g.claims[j].Value
	wild := func(s string) bool { return s == "" || s == events.SuccessionUnspecified }
	if !wild(a) && !wild(b) && events.NameKey(a) != events.NameKey(b) {
		return true
	}
	da, db := g.dates[i], g.dates[j]
	if undated(da.String()) || undated(db.String()) {
		return false
	}
	return da.Latest() < db.Earliest() || db.Latest() < da.Earliest()
}

func (g *claimGroup) dispute() (Dispute, bool) {
	for i := range g.claims {
		for j := i + 1; j < len(g.claims); j++ {
			if g.conflicts(i, j) {
				return Dispute{Field: g.field, Claims: g.claims}, true
			}
		}
	}
	return Dispute{}, false
}

// disputesOf finds the disputes among a party's events, whatever the day: names, abbreviations, the
// founding date, mergers (which parties merged), successions (when, and of what kind), splits (when),
// areas under control (what the share measures), positions and ideologies.
func disputesOf(id events.EntityID, evs []events.Event, names Names) []Dispute {
	groups := map[string]*claimGroup{}
	var order []string
	group := func(field string) *claimGroup {
		g, ok := groups[field]
		if !ok {
			g = &claimGroup{field: field}
			groups[field] = g
			order = append(order, field)
		}
		return g
	}
	for _, e := range evs {
		claim := func(value string) Claim {
			return Claim{Value: value, Date: e.Date.String(), Source: e.Source, EventID: e.ID.String()}
		}
		undatedClaim := func(value string) (Claim, events.Date) {
			c := claim(value)
			return c, events.MustParseDate("XXXX")
		}
		self := e.Entity == id
		switch p := e.Payload.(type) {
		case events.EntityNamed:
			if self && (p.NameType == events.NameOfficial || p.NameType == events.NameAbbreviation) {
				c, d := undatedClaim(p.Name)
				group(p.NameType+" name").add(c, d)
			}
		case events.PartyFounded:
			if self {
				c, d := undatedClaim(p.Name)
				group("official name").add(c, d)
				if !undated(e.Date.String()) {
					group("founded").add(claim(""), e.Date)
				}
			}
		case events.PartyMerged:
			if self {
				var members []string
				for _, m := range p.Members {
					members = append(members, names(m))
				}
				sort.Strings(members)
				group("merger").add(claim(strings.Join(members, ", ")), e.Date)
			}
		case events.PartySucceeded:
			if self || p.Successor == id {
				field := "succession: " + names(e.Entity) + " → " + names(p.Successor)
				group(field).add(claim(p.Kind), e.Date)
				if p.Successor == id && p.Kind == events.SuccessionTransformation && !undated(e.Date.String()) {
					group("founded").add(claim(""), e.Date)
				}
			}
		case events.PartySplit:
			if self || p.NewParty == id {
				group("split: "+names(e.Entity)+" → "+names(p.NewParty)).add(claim(""), e.Date)
			}
		case events.PartyControlledArea:
			if self {
				group("what the share of the area under control measures").add(claim(p.Measure), e.Date)
			}
		case events.PartyPosition:
			if self {
				c, d := undatedClaim(p.Position)
				group("position").add(c, d)
			}
		}
	}
	var out []Dispute
	for _, field := range order {
		if d, ok := groups[field].dispute(); ok {
			out = append(out, d)
		}
	}
	return out
}
