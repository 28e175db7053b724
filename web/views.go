package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/oklog/ulid/v2"

	"annals/events"
	"annals/history"
	"annals/projections"
)

// sourceView is a source as a page shows it: its label, its quote, and where to read the quote in place.
type sourceView struct {
	Label string
	Quote string
	Href  string // the document with the quote marked, or the external work; "" when neither
}

func (rq *request) source(s events.Source, eventID ulid.ULID) sourceView {
	v := sourceView{Label: s.Label(), Quote: events.FoldSpace(s.Quote)}
	switch {
	case s.Document != "" && eventID == (ulid.ULID{}):
		v.Href = quoteHref(rq, s.Document, "")
	case s.Document != "":
		v.Href = quoteHref(rq, s.Document, eventID.String())
	case strings.HasPrefix(s.URL, "https://") || strings.HasPrefix(s.URL, "http://"):
		v.Href = s.URL
	}
	return v
}

// quoteHref links to the quote of an event in its document, marked and scrolled to.
func quoteHref(rq *request, doc, eventID string) string {
	href := rq.link("/source/"+url.PathEscape(doc), "hl", eventID)
	if eventID != "" {
		href += "#q-" + eventID
	}
	return href
}

// claimView is one source's claim on a field, as disputes show it side by side.
type claimView struct {
	Value     string
	Date      string
	Certainty projections.Certainty
	Drafted   bool
	Source    sourceView
}

type disputeView struct {
	Field  string
	Claims []claimView
}

func (rq *request) claim(c projections.Claim) claimView {
	d := c.Date
	if d == "XXXX" {
		d = ""
	}
	return claimView{Value: c.Value, Date: d, Certainty: c.Certainty, Drafted: c.Method == events.MethodDrafted, Source: rq.source(c.Source, c.EventID)}
}

func (rq *request) disputes(ds []projections.Dispute) []disputeView {
	var out []disputeView
	for _, d := range ds {
		dv := disputeView{Field: d.Field}
		for _, c := range d.Claims {
			dv.Claims = append(dv.Claims, rq.claim(c))
		}
		out = append(out, dv)
	}
	return out
}

// valueView is a single-valued field: its value and sources, or its claims side by side when disputed.
type valueView struct {
	Value     string
	Certainty projections.Certainty // undated when every claim is; else empty
	Drafted   bool
	Disputed  bool
	Sources   []sourceView
	Claims    []claimView   // when disputed
	Refined   []refinedView // a date that compatible claims refine: each date they give, with its sources
}

func (rq *request) value(v projections.Value, date bool) valueView {
	out := valueView{Value: v.Value, Disputed: v.Disputed, Drafted: v.Method == events.MethodDrafted}
	if len(v.Claims) == 0 {
		return out
	}
	if v.Disputed {
		for _, c := range v.Claims {
			out.Claims = append(out.Claims, rq.claim(c))
		}
		return out
	}
	if date && out.Value == "XXXX" {
		out.Value = "not dated by the sources"
	}
	if date {
		out.Refined = rq.refined(v)
	}
	undated := true
	seen := map[string]bool{}
	for _, c := range v.Claims {
		if c.Certainty != projections.Undated {
			undated = false
		}
		if !seen[c.Source.Label()] {
			seen[c.Source.Label()] = true
			out.Sources = append(out.Sources, rq.source(c.Source, c.EventID))
		}
	}
	if undated && !date {
		out.Certainty = projections.Undated
	}
	return out
}

// refinedView is one date the sources give for a date the fold refined, with the sources that give it.
type refinedView struct {
	Date    string
	Sources []sourceView
}

// refined lists the dates behind a date the fold refined from claims that give it differently ("1997"
// and "1997-05" are one founding, in May 1997), each with the sources that give it, so that every
// source of the date is cited; nil when the claims all give the date alike.
func (rq *request) refined(v projections.Value) []refinedView {
	var out []refinedView
	index := map[string]int{}
	seen := map[[3]string]bool{}
	for _, c := range v.Claims {
		if c.Certainty == projections.Undated || c.Date == "" || c.Date == "XXXX" {
			continue
		}
		i, ok := index[c.Date]
		if !ok {
			i = len(out)
			index[c.Date] = i
			out = append(out, refinedView{Date: c.Date})
		}
		if k := [3]string{c.Date, c.Source.Label(), events.FoldSpace(c.Source.Quote)}; !seen[k] {
			seen[k] = true
			out[i].Sources = append(out[i].Sources, rq.source(c.Source, c.EventID))
		}
	}
	if len(out) < 2 {
		return nil
	}
	for i := range out {
		out[i].Sources = numberQuotes(out[i].Sources)
	}
	return out
}

// statusView is what a party was on the day, with how sure the record is.
type statusView struct {
	Text      string
	Certainty projections.Certainty
	Drafted   bool
	Pending   []claimView // changes whose dates straddle the day
	Sources   []sourceView
}

func (rq *request) status(s projections.Status) statusView {
	text := history.StatesWords(s)
	switch {
	case s.Is(projections.StateUnrecorded) && s.Since == "":
		text = "on record, founding date not recorded"
	case s.Since != "" && !s.Is(projections.StateNotFounded):
		text += " since " + s.Since
	}
	out := statusView{Text: text, Certainty: s.Certainty, Drafted: s.Method == events.MethodDrafted}
	for _, p := range s.Pending {
		cv := rq.claim(p)
		cv.Value = history.StateWords(projections.State(p.Value))
		out.Pending = append(out.Pending, cv)
	}
	seen := map[string]bool{}
	for _, c := range s.Claims {
		if !seen[c.Source.Label()] {
			seen[c.Source.Label()] = true
			out.Sources = append(out.Sources, rq.source(c.Source, c.EventID))
		}
	}
	return out
}

// leaderView is an office holder on the day, or one of the last holders of a party that has ended.
type leaderView struct {
	Name      string
	Href      string
	Role      string
	Styles    []string // the other ways the sources word the office: "(also styled …)"
	When      string
	Certainty projections.Certainty
	Drafted   bool
	Sources   []sourceView
}

func (rq *request) leaders(ls []projections.Leader) []leaderView {
	var out []leaderView
	for _, l := range ls {
		v := rq.leader(l)
		switch {
		case l.Certainty == projections.Undated:
		case l.Until != "":
			v.When = "since " + l.Since + ", may have left " + l.Until
		default:
			v.When = "since " + l.Since
		}
		out = append(out, v)
	}
	return out
}

// formerLeaders are the last holders of each office of a party that has ended: since when, and when
// they left or that they held the office until the party ended.
func (rq *request) formerLeaders(ls []projections.Leader) []leaderView {
	var out []leaderView
	for _, l := range ls {
		v := rq.leader(l)
		if l.Certainty != projections.Undated {
			v.When = "since " + l.Since
			if l.Certainty == projections.Uncertain {
				v.When += " (uncertain)"
			}
			v.When += ", "
		}
		if l.Until != "" {
			v.When += "left " + l.Until
		} else {
			v.When += "until the party ended"
		}
		out = append(out, v)
	}
	return out
}

// leader is the line of an office holder without its dating: the sources of every claim behind it,
// each once (by label and quote), linking to its quote.
func (rq *request) leader(l projections.Leader) leaderView {
	v := leaderView{Name: l.Name, Role: l.Role, Styles: l.Styles(), Certainty: l.Certainty, Drafted: l.Method == events.MethodDrafted,
		Href: rq.link("/person/" + url.PathEscape(string(l.Person)))}
	seen := map[[2]string]bool{}
	add := func(s events.Source, eventID ulid.ULID) {
		if k := [2]string{s.Label(), events.FoldSpace(s.Quote)}; !seen[k] {
			seen[k] = true
			v.Sources = append(v.Sources, rq.source(s, eventID))
		}
	}
	add(l.Source, l.EventID)
	for _, c := range l.Claims {
		add(c.Source, c.EventID)
	}
	for _, s := range l.Also {
		add(s, ulid.ULID{})
	}
	v.Sources = numberQuotes(v.Sources)
	return v
}

// numberQuotes names the second and later quotes of one document in a list of sources by their
// number ("quote 2"), so that a line several quotes of one document support reads
// "[file.txt, quote 2, quote 3]", each a link to its quote.
func numberQuotes(vs []sourceView) []sourceView {
	n := map[string]int{}
	for i, v := range vs {
		n[v.Label]++
		if k := n[v.Label]; k > 1 {
			vs[i].Label = fmt.Sprintf("quote %d", k)
		}
	}
	return vs
}

// vacancyView is an office of a living party that nobody held on the day.
type vacancyView struct {
	Office string
	Since  string
	Until  string // when the next holder took it; "" when the record knows of none
	Last   []string
	Source sourceView
}

func (rq *request) vacancies(vs []projections.Vacancy) []vacancyView {
	var out []vacancyView
	for _, v := range vs {
		out = append(out, vacancyView{Office: v.Office, Since: v.Since, Until: v.Until, Last: v.Last, Source: rq.source(v.Source, v.EventID)})
	}
	return out
}

// banView is a ban from politics of a party's officials, with the end its duration gives.
type banView struct {
	Who       string
	Since     string
	Years     int
	Until     string
	State     string // projections.BanInForce, BanMayBeOver or BanOver
	Over      bool
	Certainty projections.Certainty
	Drafted   bool
	Source    sourceView
}

func (rq *request) bans(bs []projections.Ban) []banView {
	var out []banView
	for _, b := range bs {
		out = append(out, banView{Who: b.Who, Since: b.Since, Years: b.Years, Until: b.Until, State: b.State, Over: b.State == projections.BanOver,
			Certainty: b.Certainty, Drafted: b.Method == events.MethodDrafted, Source: rq.source(b.Source, b.EventID)})
	}
	return out
}

// linkView ties a party to another entity.
type linkView struct {
	Kind      string
	Name      string
	Href      string
	Date      string
	Certainty projections.Certainty
	Drafted   bool
	Source    sourceView
}

func (rq *request) links(ls []projections.Link) []linkView {
	var out []linkView
	for _, l := range ls {
		d := l.Date
		if d == "XXXX" {
			d = ""
		}
		out = append(out, linkView{Kind: l.Kind, Name: l.Name, Href: rq.link("/party/" + url.PathEscape(string(l.Entity))),
			Date: d, Certainty: l.Certainty, Drafted: l.Method == events.MethodDrafted, Source: rq.source(l.Source, l.EventID)})
	}
	return out
}

// stateView is a party on a day.
type stateView struct {
	ID           string
	Href         string
	Name         string
	Names        []string // the claims of a disputed name
	Abbreviation valueView
	OtherNames   []claimView
	Status       statusView
	Founded      valueView
	Leaders      []leaderView
	Ended        bool // the party had certainly ended by the day: its leaders, wings and affiliations are former
	Former       []leaderView
	Vacancies    []vacancyView
	Bans         []banView
	Ideology     valueView
	Position     valueView
	Wings        []linkView
	Affiliations []linkView
	FormerWings  []linkView
	FormerAffils []linkView
	Predecessors []linkView
	Successors   []linkView
	Disputes     []disputeView
}

func (rq *request) state(st projections.PartyState, name string) stateView {
	v := stateView{ID: string(st.ID), Href: rq.link("/party/" + url.PathEscape(string(st.ID))), Name: name,
		Abbreviation: rq.value(st.Abbreviation, false), Status: rq.status(st.Status), Founded: rq.value(st.Founded, true),
		Leaders: rq.leaders(st.Leaders), Ideology: rq.value(st.Ideology, false), Position: rq.value(st.Position, false),
		Wings: rq.links(st.Wings), Affiliations: rq.links(st.Affiliations), Predecessors: rq.links(st.Predecessors),
		Successors: rq.links(st.Successors), Disputes: rq.disputes(st.Disputes),
		Ended: st.Ended(), Former: rq.formerLeaders(st.FormerLeaders), Vacancies: rq.vacancies(st.Vacancies), Bans: rq.bans(st.Bans),
		FormerWings: rq.links(st.FormerWings), FormerAffils: rq.links(st.FormerAffiliations)}
	if st.Name.Disputed {
		seen := map[string]bool{}
		for _, c := range st.Name.Claims {
			if k := events.NameKey(c.Value); !seen[k] {
				seen[k] = true
				v.Names = append(v.Names, c.Value)
			}
		}
	}
	for _, c := range st.OtherNames {
		cv := rq.claim(c)
		cv.Value = history.NameText(c)
		v.OtherNames = append(v.OtherNames, cv)
	}
	return v
}

// certHTML renders a certainty as a symbol and a word, never by colour alone.
func certHTML(c projections.Certainty) template.HTML {
	sym, word := "", string(c)
	switch c {
	case projections.Certain:
		sym = "●"
	case projections.Uncertain:
		sym = "◐"
	case projections.Undated:
		sym = "○"
	default:
		return ""
	}
	return template.HTML(`<span class="cert cert-` + word + `"><span aria-hidden="true">` + sym + `</span> ` + word + `</span>`)
}

var funcs = template.FuncMap{
	"t":    langHTML,
	"cert": certHTML,
	"lang": langOfText,
}

func parsePages() map[string]*template.Template {
	pages := map[string]*template.Template{}
	for _, name := range []string{"day", "party", "person", "source", "error"} {
		t := template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html", "templates/"+name+".html"))
		pages[name] = t
	}
	return pages
}
