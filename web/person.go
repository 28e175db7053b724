package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/oklog/ulid/v2"

	"annals/events"
	"annals/projections"
)

type personPage struct {
	ID      string
	Name    string
	Day     string // the day of Roles, "" for every role
	Names   []nameView
	Parties []personParty
	History []yearView
	Error   string
}

// personParty is the roles a person held in one party or organisation.
type personParty struct {
	Name  string
	Href  string
	Roles []roleView
}

type roleView struct {
	Role      string
	When      string
	Certainty projections.Certainty
	Drafted   bool
	Sources   []sourceView
}

// person serves a person by id or any name: their roles over time across parties, with sources
// (?at=YYYY-MM-DD: the roles held that day), and what happened to them.
func (h *Handler) person(w http.ResponseWriter, r *http.Request) {
	rq := h.request(r)
	ctx := r.Context()
	p := &personPage{}
	day := events.MaxDay
	if at := strings.TrimSpace(r.URL.Query().Get("at")); at != "" {
		d, err := events.ParseDay(at)
		if err != nil {
			p.Error = fmt.Sprintf("%q is not a day (YYYY-MM-DD); showing every role.", at)
		} else {
			day, p.Day = d, d.String()
		}
	}
	a, err := rq.historian.Person(ctx, r.PathValue("id"), day)
	if err != nil {
		h.fail(w, r, rq, "person", err)
		return
	}
	p.ID, p.Name = string(a.ID), a.Name
	seen := map[string]bool{}
	for _, n := range a.State.Names {
		name, typ := n.Value, n.NameType
		if k := events.NameKey(name); !seen[k] {
			seen[k] = true
			p.Names = append(p.Names, nameView{Name: name, Script: scriptOf(name), Type: typ, Sources: []sourceView{rq.source(n.Source, n.EventID)}})
		}
	}
	index := map[events.EntityID]int{}
	for _, ro := range a.State.Roles {
		i, ok := index[ro.Entity]
		if !ok {
			i = len(p.Parties)
			index[ro.Entity] = i
			p.Parties = append(p.Parties, personParty{Name: ro.Name, Href: rq.link("/party/" + url.PathEscape(string(ro.Entity)))})
		}
		role := ro.Role
		if ro.Committee != "" {
			role = strings.TrimSpace(fmt.Sprintf("%s, no. %d %s", ro.Committee, ro.Rank, ro.Role))
		}
		when := ""
		if ro.Since != "" && !strings.HasPrefix(ro.Since, "XXXX") {
			when = "since " + ro.Since
		}
		if ro.Until != "" {
			when += ", until " + ro.Until
		}
		v := roleView{Role: role, When: when, Certainty: ro.Certainty, Drafted: ro.Method == events.MethodDrafted,
			Sources: []sourceView{rq.source(ro.Source, ro.EventID)}}
		for _, s := range ro.Also {
			v.Sources = append(v.Sources, rq.source(s, ulid.ULID{}))
		}
		p.Parties[i].Roles = append(p.Parties[i].Roles, v)
	}
	var history []entryView
	for _, e := range a.State.History {
		history = append(history, entryView{Date: e.Date, HumanDate: e.HumanDate, Summary: e.Summary, Type: string(e.Type),
			Drafted: e.Method == events.MethodDrafted, Source: rq.source(e.Source, e.EventID)})
	}
	p.History = byYear(history)
	h.render(w, r, http.StatusOK, "person", p, rq, hidden{"at", p.Day})
}
