package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"annals/events"
	"annals/history"
	"annals/projections"
)

type partyPage struct {
	ID      string
	Name    string
	Kind    string
	Day     string // the day of State, "" for everything the record holds
	Names   []nameView
	State   stateView
	Lineage template.HTML
	Edges   []edgeView // the lineage in words, for those who cannot see the picture
	Nodes   int
	SVGHref string

	Timeline    []yearView
	Corrections []chainView
	Error       string
}

type nameView struct {
	Name    string
	Script  string
	Type    string // official, abbreviation, native, alternate, misspelling; "" when the record does not say
	Sources []sourceView
}

// names lists every name of a party once (by events.NameKey), official names first, each with its
// script, its type and its sources; then the names the record holds with no claim on the party.
func names(rq *request, st projections.PartyState, all []string) []nameView {
	var out []nameView
	index := map[string]int{}
	add := func(name, typ string, c *projections.Claim) {
		k := events.NameKey(name)
		if name == "" {
			return
		}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, nameView{Name: name, Script: scriptOf(name), Type: typ})
		}
		if out[i].Type == "" {
			out[i].Type = typ
		}
		if c != nil {
			for _, s := range out[i].Sources {
				if s.Label == c.Source.Label() {
					return
				}
			}
			out[i].Sources = append(out[i].Sources, rq.source(c.Source, c.EventID))
		}
	}
	for _, c := range st.Name.Claims {
		add(c.Value, events.NameOfficial, &c)
	}
	for _, c := range st.Abbreviation.Claims {
		add(c.Value, events.NameAbbreviation, &c)
	}
	for _, c := range st.OtherNames {
		add(c.Value, c.NameType, &c)
	}
	for _, n := range all {
		add(n, "", nil)
	}
	return out
}

type entryView struct {
	Date      string // as written in the record (EDTF)
	HumanDate string
	Summary   string
	Type      string
	Drafted   bool
	Source    sourceView
}

// yearView is the entries of a timeline that fall in one year (by the year the date gives: its
// first, or for a date with an open start, "../2017-09", its last), or those the sources give no
// year.
type yearView struct {
	Year    string // "1992", or "undated"
	ID      string // the heading's id: y-1992, y-undated
	Entries []entryView
}

// byYear groups entries by year, the years in order and the entries of a year in the order given;
// the entries with no year come last.
func byYear(entries []entryView) []yearView {
	index := map[string]int{}
	var out []yearView
	for _, e := range entries {
		y := yearOf(e.Date)
		i, ok := index[y]
		if !ok {
			i = len(out)
			index[y] = i
			out = append(out, yearView{Year: y, ID: "y-" + y})
		}
		out[i].Entries = append(out[i].Entries, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Year, out[j].Year
		if (a == "undated") != (b == "undated") {
			return b == "undated"
		}
		return a < b
	})
	return out
}

// yearOf returns the year an EDTF date falls in, as four digits: the year of its first day, or of
// its last when it has an open start; "undated" when it has neither.
func yearOf(date string) string {
	d, err := events.ParseDate(date)
	if err != nil {
		return "undated"
	}
	day := d.Earliest()
	if day == events.MinDay {
		day = d.Latest()
	}
	if day == events.MinDay || day == events.MaxDay {
		return "undated"
	}
	y, _, _ := day.Civil()
	return fmt.Sprintf("%04d", y)
}

type edgeView struct {
	From, To         string
	FromHref, ToHref string
	Kind, Date       string
	Disputed         bool         // other sources date the same link incompatibly
	Sources          []sourceView // every claim behind the link
}

type chainView struct {
	Steps    []stepView
	Disputes []disputeView
}

type stepView struct {
	Action   string
	Recorded string
	EventID  string
	Date     string
	Summary  string
	Reason   string
	Drafted  bool
	Source   sourceView
}

// party serves a party (or an organisation) by id or any name: ?at=YYYY-MM-DD for its state that day.
func (h *Handler) party(w http.ResponseWriter, r *http.Request) {
	rq := h.request(r)
	ctx := r.Context()
	hi := rq.historian
	p := &partyPage{}
	day := events.MaxDay
	if at := strings.TrimSpace(r.URL.Query().Get("at")); at != "" {
		d, err := events.ParseDay(at)
		if err != nil {
			p.Error = fmt.Sprintf("%q is not a day (YYYY-MM-DD); showing everything the record holds.", at)
		} else {
			day, p.Day = d, d.String()
		}
	}
	a, err := hi.Party(ctx, r.PathValue("id"), day)
	if err != nil {
		h.fail(w, r, rq, "party", err)
		return
	}
	id := string(a.ID)
	p.ID, p.Name, p.Kind = id, a.Name, string(a.Kind)
	p.State = rq.state(a.State, a.Name)
	ent, _, err := hi.Entity(ctx, a.ID)
	if err != nil {
		h.fail(w, r, rq, "party", err)
		return
	}
	p.Names = names(rq, a.State, ent.Names)
	var entries []projections.Entry
	if a.Kind == events.KindParty {
		tl, err := hi.Timeline(ctx, id)
		if err != nil {
			h.fail(w, r, rq, "party", err)
			return
		}
		entries = tl.Events
	} else { // an organisation: its events, as query events --party gives them
		found, err := hi.Events(ctx, history.EventsQuery{Entity: id})
		if err != nil {
			h.fail(w, r, rq, "party", err)
			return
		}
		for _, f := range found {
			if f.Stored.Event.Type != events.TypeDocumentRecorded {
				entries = append(entries, f.Entry)
			}
		}
	}
	var views []entryView
	for _, e := range entries {
		views = append(views, entryView{Date: e.Date, HumanDate: e.HumanDate, Summary: e.Summary, Type: string(e.Type),
			Drafted: e.Method == events.MethodDrafted, Source: rq.source(e.Source, e.EventID)})
	}
	p.Timeline = byYear(views)
	lin, err := hi.Lineage(ctx, id)
	if err != nil {
		h.fail(w, r, rq, "party", err)
		return
	}
	p.Nodes = len(lin.Nodes)
	p.Lineage = lineageSVG(lin, func(id events.EntityID) string { return rq.link("/party/" + url.PathEscape(string(id))) })
	p.SVGHref = rq.link("/party/" + url.PathEscape(id) + "/lineage.svg")
	p.Edges = edgeViews(rq, lin)
	hist, err := hi.History(ctx, id)
	if err != nil {
		h.fail(w, r, rq, "party", err)
		return
	}
	for _, ch := range hist.Chains {
		cv := chainView{Disputes: rq.disputes(ch.Disputes)}
		for _, s := range ch.Steps {
			cv.Steps = append(cv.Steps, stepView{Action: s.Action, Recorded: s.Recorded, EventID: s.EventID.String(), Date: s.Date, Summary: s.Summary,
				Reason: s.Reason, Drafted: s.Method == events.MethodDrafted, Source: rq.source(s.Source, s.EventID)})
		}
		p.Corrections = append(p.Corrections, cv)
	}
	h.render(w, r, http.StatusOK, "party", p, rq, hidden{"at", p.Day})
}

// lineageSVG serves the lineage picture of a party alone, as image/svg+xml.
func (h *Handler) lineageSVG(w http.ResponseWriter, r *http.Request) {
	rq := h.request(r)
	lin, err := rq.historian.Lineage(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, rq, "lineage", err)
		return
	}
	svg := lineageSVG(lin, func(id events.EntityID) string { return rq.link("/party/" + url.PathEscape(string(id))) })
	w.Header().Set("Content-Type", "image/svg+xml")
	_, _ = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + string(svg)))
}

func edgeViews(rq *request, l projections.Lineage) []edgeView {
	names := map[events.EntityID]string{}
	for _, n := range l.Nodes {
		names[n.ID] = n.Name
	}
	var out []edgeView
	for _, e := range l.Edges {
		kind := e.Kind
		if e.Label != "" {
			kind += " to " + e.Label
		}
		v := edgeView{From: names[e.From], To: names[e.To], Kind: kind, Date: edgeDate(e), Disputed: e.Disputed,
			FromHref: rq.link("/party/" + url.PathEscape(string(e.From))), ToHref: rq.link("/party/" + url.PathEscape(string(e.To)))}
		for _, c := range edgeClaims(e) {
			v.Sources = append(v.Sources, rq.source(c.Source, c.EventID))
		}
		v.Sources = numberQuotes(v.Sources)
		out = append(out, v)
	}
	return out
}

// edgeClaims returns the claims behind an edge: its Claims, or the edge's own source for an edge
// built by hand.
func edgeClaims(e projections.Edge) []projections.EdgeClaim {
	if len(e.Claims) > 0 {
		return e.Claims
	}
	return []projections.EdgeClaim{{Date: e.Date, Source: e.Source, EventID: e.EventID, Method: e.Method}}
}

func edgeDate(e projections.Edge) string {
	if e.Date == "" || e.Date == "XXXX" {
		return "undated"
	}
	return e.Date
}

// scriptNames are the scripts a name is labelled with, first match wins.
var scriptNames = []struct {
	table *unicode.RangeTable
	name  string
}{
	{unicode.Khmer, "Khmer"}, {unicode.Latin, "Latin"}, {unicode.Thai, "Thai"}, {unicode.Lao, "Lao"},
	{unicode.Myanmar, "Myanmar"}, {unicode.Cyrillic, "Cyrillic"}, {unicode.Greek, "Greek"}, {unicode.Arabic, "Arabic"},
	{unicode.Hebrew, "Hebrew"}, {unicode.Han, "Han"}, {unicode.Hangul, "Hangul"}, {unicode.Devanagari, "Devanagari"},
	{unicode.Georgian, "Georgian"}, {unicode.Armenian, "Armenian"},
}

// scriptOf names the script of the first letter of s that has one of scriptNames, or "other".
func scriptOf(s string) string {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		for _, sn := range scriptNames {
			if unicode.Is(sn.table, r) {
				return sn.name
			}
		}
	}
	return "other"
}
