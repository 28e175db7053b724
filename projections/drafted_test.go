package projections_test

import (
	"math/rand"
	"testing"
	"time"

	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

// draftedEvents builds events in the order given, each fact drafted when its Method says so.
func draftedEvents(t *testing.T, facts ...events.Fact) []events.Event {
	t.Helper()
	entropy := ulid.Monotonic(rand.New(rand.NewSource(3)), 0)
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var out []events.Event
	for _, f := range facts {
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(now), entropy), now)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// A link a rule drafted is drafted in the lineage too.
func TestDraftedEdge(t *testing.T) {
	evs := draftedEvents(t, events.Fact{Type: events.TypePartySucceeded, Entity: "harbour-civic-party", Date: events.MustParseDate("2010"),
		Source:  events.Source{Document: "harbour-civic-party.txt", Quote: "succeeded in 2010 by the Quay Party"},
		Payload: events.PartySucceeded{Successor: "quay-party", Kind: events.SuccessionUnspecified}, Method: events.MethodDrafted, Rule: "succeeded-by"})
	edges := projections.EdgesOf(evs[0])
	if len(edges) != 1 || edges[0].Method != events.MethodDrafted {
		t.Errorf("EdgesOf(a drafted succession) = %+v, want one drafted edge", edges)
	}
	l := projections.NewLineage("harbour-civic-party", edges, nil)
	if len(l.Edges) != 1 || l.Edges[0].Method != events.MethodDrafted {
		t.Errorf("NewLineage(a drafted edge).Edges = %+v, want it drafted", l.Edges)
	}
}

// A value, a status or a merged line is drafted when everything it rests on was drafted, and not when
// a curated fact also supports it; a claim, a link, an entry or an edge is drafted when its fact is.
func TestDraftedMethod(t *testing.T) {
	const party = events.EntityID("harbour-civic-party")
	src := func(quote string) events.Source {
		return events.Source{Document: "harbour-civic-party.txt", Quote: quote}
	}
	fact := func(typ events.Type, date string, p events.Payload, drafted bool) events.Fact {
		f := events.Fact{Type: typ, Entity: party, Date: events.MustParseDate(date), Source: src(string(typ) + " " + date), Payload: p}
		if drafted {
			f.Method, f.Rule = events.MethodDrafted, "a-rule"
		}
		return f
	}
	founded := func(date string, drafted bool) events.Fact {
		return fact(events.TypePartyFounded, date, events.PartyFounded{Name: "Harbour Civic Party"}, drafted)
	}
	took := func(person events.EntityID, date string, drafted bool) events.Fact {
		return fact(events.TypeLeaderTookOffice, date, events.LeaderTookOffice{Office: events.Office{Person: person, Role: "leader"}}, drafted)
	}
	const drafted = events.MethodDrafted
	tests := []struct {
		name    string
		facts   []events.Fact
		day     string
		founded string                     // Founded.Method
		status  string                     // Status.Method
		leaders map[events.EntityID]string // Leaders[].Method by person
	}{
		{"curated founding", []events.Fact{founded("2001", false)}, "2005-01-01", "", "", nil},
		{"drafted founding", []events.Fact{founded("2001", true)}, "2005-01-01", drafted, drafted, nil},
		{"drafted founding not yet", []events.Fact{founded("2001", true)}, "1999-01-01", drafted, drafted, nil},
		{"drafted and curated founding agree", []events.Fact{founded("2001", true), founded("2001-05", false)}, "2005-01-01", "", "", nil},
		{"drafted ban after a curated founding", []events.Fact{founded("2001", false),
			fact(events.TypePartyBanned, "2004", events.PartyBanned{}, true)}, "2005-01-01", "", drafted, nil},
		{"curated ban after a drafted founding", []events.Fact{founded("2001", true),
			fact(events.TypePartyBanned, "2004", events.PartyBanned{}, false)}, "2005-01-01", drafted, "", nil},
		{"leaders", []events.Fact{founded("2001", false),
			took("ann-lee", "2002", true),                                 // drafted alone
			took("bo-tran", "XXXX", false), took("bo-tran", "2002", true), // a drafted dated claim and a curated undated one
			took("cy-ng", "XXXX", true), took("cy-ng", "2003", true), // two drafted claims
		}, "2005-01-01", "", "", map[events.EntityID]string{"ann-lee": drafted, "bo-tran": "", "cy-ng": drafted}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := draftedEvents(t, tt.facts...)
			day, err := events.ParseDay(tt.day)
			if err != nil {
				t.Fatal(err)
			}
			st := projections.Party(party, evs, day, nil)
			if st.Founded.Method != tt.founded {
				t.Errorf("Party(%s).Founded.Method = %q, want %q", tt.day, st.Founded.Method, tt.founded)
			}
			if st.Status.Method != tt.status {
				t.Errorf("Party(%s).Status = %+v, want method %q", tt.day, st.Status, tt.status)
			}
			for _, c := range append(st.Founded.Claims, st.Status.Claims...) {
				if want := methodOfEvent(evs, c.EventID); c.Method != want {
					t.Errorf("Party(%s): claim %+v has method %q, want its event's %q", tt.day, c, c.Method, want)
				}
			}
			if len(st.Leaders) != len(tt.leaders) {
				t.Fatalf("Party(%s).Leaders = %+v, want %d lines", tt.day, st.Leaders, len(tt.leaders))
			}
			for _, l := range st.Leaders {
				if want, ok := tt.leaders[l.Person]; !ok || l.Method != want {
					t.Errorf("Party(%s): leader %s has method %q, want %q", tt.day, l.Person, l.Method, want)
				}
			}
			for _, e := range evs {
				entry := projections.NewEntry(e, events.MaxDay, nil)
				if entry.Method != e.Method || entry.Rule != e.Rule {
					t.Errorf("NewEntry(%s) method, rule = %q, %q; want %q, %q", e.Type, entry.Method, entry.Rule, e.Method, e.Rule)
				}
			}
			for person, want := range tt.leaders {
				roles := projections.Person(person, evs, day, nil).Roles
				if len(roles) != 1 || roles[0].Method != want {
					t.Errorf("Person(%s, %s).Roles = %+v, want one role with method %q", person, tt.day, roles, want)
				}
			}
		})
	}
}

func methodOfEvent(evs []events.Event, id ulid.ULID) string {
	for _, e := range evs {
		if e.ID == id {
			return e.Method
		}
	}
	return "?"
}
