package projections

import (
	"math"
	"slices"
	"sort"
	"strconv"
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
// not overlap. Claims are built only for a group in dispute: most groups agree.
type claimGroup struct {
	field string
	items []groupItem
	// successive holds the names of a rename chain (folded): two of them are names the party had at
	// different times, not claims that disagree.
	successive map[string]bool
	// agree, when set, tells two values that agree though written apart: a share of 44.46 and one
	// of 44.5, rounded.
	agree func(a, b string) bool
}

type groupItem struct {
	event *events.Event
	value string
	date  events.Date // the date at issue; the zero Date where only the value is
	// some says the value is a list ("A, B") of some members only: "A merged into C" does not say
	// that no other party did, so it agrees with any list that holds A.
	some bool
}

func (g *claimGroup) add(e *events.Event, value string, d events.Date) {
	g.items = append(g.items, groupItem{event: e, value: value, date: d})
}

// wild reports whether a claim's value agrees with any other.
func wild(value string) bool { return value == "" || value == events.SuccessionUnspecified }

func (g *claimGroup) conflicts(i, j int) bool {
	a, b := &g.items[i], &g.items[j]
	if a.value != b.value && !wild(a.value) && !wild(b.value) && events.NameKey(a.value) != events.NameKey(b.value) &&
		(g.agree == nil || !g.agree(a.value, b.value)) &&
		!(g.successive[events.NameKey(a.value)] && g.successive[events.NameKey(b.value)]) &&
		!(a.some && subset(a.value, b.value) || b.some && subset(b.value, a.value)) {
		return true
	}
	if a.date.Unknown() || b.date.Unknown() {
		return false
	}
	return a.date.Latest() < b.date.Earliest() || b.date.Latest() < a.date.Earliest()
}

// subset reports whether every member of the list a is in the list b.
func subset(a, b string) bool {
	in := strings.Split(b, ", ")
	for _, m := range strings.Split(a, ", ") {
		if !slices.Contains(in, m) {
			return false
		}
	}
	return true
}

func (g *claimGroup) dispute() (Dispute, bool) {
	for i := range g.items {
		for j := i + 1; j < len(g.items); j++ {
			if g.conflicts(i, j) {
				d := Dispute{Field: g.field}
				for _, it := range g.items {
					e := it.event
					d.Claims = append(d.Claims, Claim{Value: it.value, Date: e.Date.String(), Source: e.Source, EventID: e.ID, Method: e.Method, date: e.Date})
				}
				return d, true
			}
		}
	}
	return Dispute{}, false
}

// disputesOf finds the disputes among a party's events, whatever the day: names, abbreviations, the
// founding date, mergers (which parties merged), successions (when, and of what kind), splits (when),
// areas under control (what the share measures), positions, and the figures of an election's result.
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
	for i := range evs {
		e := &evs[i]
		self := e.Entity == id
		switch p := e.Payload.(type) {
		case events.EntityNamed:
			if self && (p.NameType == events.NameOfficial || p.NameType == events.NameAbbreviation) {
				group(p.NameType+" name").add(e, p.Name, events.Date{})
			}
		case events.PartyFounded:
			if self {
				group("official name").add(e, p.Name, events.Date{})
				if !e.Date.Unknown() {
					group("founded").add(e, "", e.Date)
				}
			}
		case events.PartyMerged:
			if self {
				var members []string
				for _, m := range p.Members {
					members = append(members, names(m))
				}
				sort.Strings(members)
				field := "merger"
				if p.Absorbed {
					// "A merged into C": A joined C, at C's founding or after it; the claims about A
					// joining dispute with each other, not with the founding merger of other parties.
					field = "merger of " + strings.Join(members, ", ") + " into " + names(id)
				}
				g := group(field)
				g.add(e, strings.Join(members, ", "), e.Date)
				g.items[len(g.items)-1].some = p.Absorbed // "A merged into C": A is one of them
			}
		case events.PartySucceeded:
			if self || p.Successor == id {
				field := "succession: " + names(e.Entity) + " → " + names(p.Successor)
				group(field).add(e, p.Kind, e.Date)
				if p.Successor == id && p.Kind == events.SuccessionTransformation && !e.Date.Unknown() {
					group("founded").add(e, "", e.Date)
				}
			}
		case events.PartySplit:
			if self || p.NewParty == id {
				group("split: "+names(e.Entity)+" → "+names(p.NewParty)).add(e, "", e.Date)
			}
		case events.PartyControlledArea:
			if self {
				group("what the share of the area under control measures").add(e, p.Measure, e.Date)
			}
		case events.PartyPosition:
			if self {
				group("position").add(e, p.Position, events.Date{})
			}
		case events.ElectionResult:
			// The same result told twice, by a table and by the text or by two articles: the seats
			// and the share must agree.
			if self {
				key := p.Election
				if p.Constituency != "" {
					key += ", " + p.Constituency
				}
				if n := figure(p.Seats); n != "" {
					group(key+": seats").add(e, n, events.Date{})
				}
				if n := figure(p.Percent); n != "" {
					g := group(key + ": share of the vote")
					g.agree = rounded
					g.add(e, n, events.Date{})
				}
			}
		}
	}
	if g, ok := groups["official name"]; ok {
		// "Founded as the Democratic Renewal Union" and "the Armenian Renewal Party", with a rename
		// from the one to the other: the names of two times.
		for i := range evs {
			if p, ok := evs[i].Payload.(events.PartyRenamed); ok && evs[i].Entity == id && p.From != "" {
				if g.successive == nil {
					g.successive = map[string]bool{}
				}
				g.successive[events.NameKey(p.From)], g.successive[events.NameKey(p.To)] = true, true
			}
		}
	}
	if g, ok := groups[string(events.NameAbbreviation)+" name"]; ok {
		// "MWDP" and "DPWP", each the initials of one of the party's names (the Myanmar Workers'
		// Democratic Party, and the Democratic Peasants and Workers Party it was called before):
		// the abbreviations of two times.
		all := namesOf(id, evs)
		for _, it := range g.items {
			if slices.ContainsFunc(all, func(n string) bool { return initialsFit(it.value, n) }) {
				if g.successive == nil {
					g.successive = map[string]bool{}
				}
				g.successive[events.NameKey(it.value)] = true
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

// figure returns the number a result's figure begins with, as a number is written plainly ("4" of "4
// / 233", "2.3" of "2.30%"), or "" when it begins with none ("new", "—").
func figure(s string) string {
	m := leadingFigure(strings.TrimSpace(s))
	if m == "" {
		return ""
	}
	m = strings.ReplaceAll(m, ",", "")
	if f, err := strconv.ParseFloat(m, 64); err == nil {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return m
}

// leadingFigure returns the number s begins with: a digit, then digits and commas, then a point and
// digits if they follow ("1,204.5" of "1,204.5 votes"), or "" when s begins with no digit.
func leadingFigure(s string) string {
	digit := func(i int) bool { return i < len(s) && '0' <= s[i] && s[i] <= '9' }
	if !digit(0) {
		return ""
	}
	i := 1
	for digit(i) || i < len(s) && s[i] == ',' {
		i++
	}
	if i < len(s) && s[i] == '.' && digit(i+1) {
		for i += 2; digit(i); i++ {
		}
	}
	return s[:i]
}

// rounded reports whether two shares are one number, one of them rounded to the other's decimals.
func rounded(a, b string) bool {
	decimals := func(s string) int {
		if _, frac, ok := strings.Cut(s, "."); ok {
			return len(frac)
		}
		return 0
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	n := min(decimals(a), decimals(b))
	return strconv.FormatFloat(x, 'f', n, 64) == strconv.FormatFloat(y, 'f', n, 64) ||
		math.Abs(x-y) <= 0.5*math.Pow(10, -float64(n))
}
