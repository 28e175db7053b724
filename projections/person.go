package projections

import (
	"slices"

	"github.com/oklog/ulid/v2"

	"annals/events"
)

// Role is an office or a committee seat a person held in a party or organisation.
type Role struct {
	Entity    events.EntityID `json:"entity"`
	Name      string          `json:"name"` // of the party or organisation
	Role      string          `json:"role"`
	Committee string          `json:"committee,omitempty"`
	Rank      int             `json:"rank,omitempty"`
	Since     string          `json:"since,omitempty"`
	Until     string          `json:"until,omitempty"`
	Certainty Certainty       `json:"certainty"`
	Source    events.Source   `json:"source"`
	EventID   ulid.ULID       `json:"event_id"`
	Also      []events.Source `json:"also,omitempty"`   // other sources stating the same role
	Method    string          `json:"method,omitempty"` // events.MethodDrafted when the source and every one of Also were drafted

	since   events.Date // Since, parsed
	methods []string    // the method of Source, then of each of Also
}

// Entry is one event in a person's or party's history, described in a line. Method and Rule are the
// event's (events.Fact.Method and Rule): "drafted" and the rule's name for a fact drafted by a rule.
type Entry struct {
	Date      string          `json:"date"`
	HumanDate string          `json:"human_date"`
	Type      events.Type     `json:"type"`
	Summary   string          `json:"summary"`
	Entity    events.EntityID `json:"entity"`
	Certainty Certainty       `json:"certainty,omitempty"` // on the day asked about; empty without one
	Source    events.Source   `json:"source"`
	EventID   ulid.ULID       `json:"event_id"`
	Recorded  string          `json:"recorded"` // when the record learned it, RFC 3339 UTC
	Method    string          `json:"method,omitempty"`
	Rule      string          `json:"rule,omitempty"`
}

// PersonState is a person as the record knows them: names, the roles they held on a day (all of
// them when day is MaxDay), and what happened to them, in historical order.
type PersonState struct {
	ID      events.EntityID `json:"id"`
	AsOf    string          `json:"as_of,omitempty"`
	Names   []Claim         `json:"names"`
	Roles   []Role          `json:"roles"`
	History []Entry         `json:"history"`
}

// NewEntry describes an event as an Entry, with its certainty on day.
func NewEntry(e events.Event, day events.Day, names Names) Entry {
	c, _ := certainty(e.Date, day)
	if day == events.MaxDay && c != Undated {
		c = ""
	}
	return Entry{Date: e.Date.String(), HumanDate: e.Date.Human(), Type: e.Type, Summary: Describe(e, names),
		Entity: e.Entity, Certainty: c, Source: e.Source, EventID: e.ID,
		Recorded: e.Recorded.UTC().Format("2006-01-02T15:04:05.000Z"), Method: e.Method, Rule: e.Rule}
}

// Person folds the events about or involving a person into what the record says of them as of day
// (events.MaxDay for everything). Roles ended by a departure certainly before the day are left out
// of Roles but stay in History. The offices a person held in a party are reconciled as the party's
// leaders are (see tenures): one role per party, office and term, every claim's source in Also.
func Person(id events.EntityID, evs []events.Event, day events.Day, names Names) PersonState {
	if names == nil {
		names = func(id events.EntityID) string { return string(id) }
	}
	evs = sorted(evs)
	st := PersonState{ID: id, Names: []Claim{}, Roles: []Role{}, History: []Entry{}}
	if day != events.MaxDay {
		st.AsOf = day.String()
	}
	// The person's offices are reconciled as a party's are (see tenures): one line per party, office
	// and term.
	// Other persons' offices in those bodies, when evs holds them, end an acting term of the person's
	// (tenures); they are read for nothing else.
	took, left := map[events.EntityID][]*events.Event{}, map[events.EntityID][]*events.Event{}
	var bodies []events.EntityID
	for i := range evs {
		if p, ok := evs[i].Payload.(events.LeaderTookOffice); ok && p.Person == id && !slices.Contains(bodies, evs[i].Entity) {
			bodies = append(bodies, evs[i].Entity)
		}
	}
	for i := range evs {
		e := &evs[i]
		if !slices.Contains(bodies, e.Entity) {
			continue
		}
		switch e.Payload.(type) {
		case events.LeaderTookOffice:
			took[e.Entity] = append(took[e.Entity], e)
		case events.LeaderLeftOffice:
			left[e.Entity] = append(left[e.Entity], e)
		}
	}
	var offices []Role
	for _, body := range bodies {
		offices = append(offices, rolesIn(id, body, took[body], left[body], day, names)...)
	}
	for _, e := range evs {
		if !involves(e, id) {
			continue // another person's office in a body of theirs
		}
		c, happened := certainty(e.Date, day)
		if !happened {
			continue
		}
		st.History = append(st.History, NewEntry(e, day, names))
		switch p := e.Payload.(type) {
		case events.EntityNamed:
			if e.Entity == id {
				st.Names = append(st.Names, Claim{Value: p.Name, NameType: p.NameType, Date: e.Date.String(), Certainty: c, Source: e.Source, EventID: e.ID, Method: e.Method})
			}
		case events.CommitteeMember:
			if p.Person == id {
				st.Roles = append(st.Roles, Role{Entity: e.Entity, Name: names(e.Entity), Role: p.Role, Committee: p.Committee,
					Rank: p.Rank, Since: e.Date.String(), Certainty: c, Source: e.Source, EventID: e.ID, since: e.Date, methods: []string{e.Method}})
			}
		}
	}
	st.Roles = append(offices, mergeRoles(st.Roles)...)
	return st
}

// mergeRoles makes one line of the claims of the same role in the same body: the dated claim if there
// is one, with the sources of the others.
func mergeRoles(roles []Role) []Role {
	out := []Role{}
	index := map[string]int{}
	for _, r := range roles {
		key := string(r.Entity) + "\x00" + r.Role + "\x00" + r.Committee
		i, seen := index[key]
		switch {
		case !seen:
			index[key] = len(out)
			out = append(out, r)
		case out[i].since.Unknown() && !r.since.Unknown():
			r.Also = append(append(r.Also, out[i].Source), out[i].Also...)
			r.methods = append(r.methods, out[i].methods...)
			out[i] = r
		default:
			out[i].Also = append(out[i].Also, r.Source)
			out[i].methods = append(out[i].methods, r.methods...)
		}
	}
	for i := range out {
		out[i].Method = allMethod(out[i].methods)
	}
	return out
}

// involves reports whether an event is about or involves an entity.
func involves(e events.Event, id events.EntityID) bool {
	return e.Entity == id || slices.Contains(e.Payload.Refs(), id)
}

// rolesIn returns the offices person held in one body on day, as holders reconciles them (every
// term, with its end, for events.MaxDay), from the offices taken and left in it.
func rolesIn(person, body events.EntityID, took, left []*events.Event, day events.Day, names Names) []Role {
	ts := slices.DeleteFunc(tenures(took, left), func(t tenure) bool { return t.person != person })
	var leaders []Leader
	if day == events.MaxDay {
		for _, t := range ts {
			c := Certain
			if t.undated {
				c = Undated
			}
			l := t.leader(c, names)
			if t.end != nil {
				l.Until = t.end.Date.String()
			}
			leaders = append(leaders, l)
		}
	} else {
		leaders, _, _ = holders(ts, day, day, names)
	}
	var out []Role
	for _, l := range leaders {
		out = append(out, Role{Entity: body, Name: names(body), Role: l.Role, Since: l.Since, Until: l.Until, Certainty: l.Certainty,
			Source: l.Source, EventID: l.EventID, Also: l.Also, Method: l.Method, since: l.since, methods: l.methods})
	}
	return out
}
