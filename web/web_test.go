package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/projections"
	"annals/record"
	"annals/record/recordtest"
	"annals/sources"

	"github.com/oklog/ulid/v2"
)

// fixture is the store of a record holding the seeds, recorded at recordedAt with seeded ids, as
// cmd/query's tests build it, and a retraction of the CNUP's armed wing recorded at retractedAt; it
// stays open, read only, for every test.
var fixture *boltstore.Store

var (
	recordedAt  = time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)
	retractedAt = time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
)

// retractionReason is why the fixture withdraws the CNUP's armed wing.
const retractionReason = `"was said to be" reports a rumour, not a fact`

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "annals-web-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := 1
	if err := buildFixture(dir); err != nil {
		fmt.Fprintln(os.Stderr, "build fixture:", err)
	} else if fixture, err = boltstore.Open(filepath.Join(dir, boltstore.FileName), boltstore.Options{ReadOnly: true}); err != nil {
		fmt.Fprintln(os.Stderr, "open fixture:", err)
	} else {
		code = m.Run()
		fixture.Close()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

func buildFixture(dir string) error {
	ctx := context.Background()
	in, err := sources.Load([]string{"../seeds"})
	if err != nil {
		return err
	}
	now := recordedAt
	return recordtest.WithRecorder(dir, func() time.Time { return now }, 42, func(rec *record.Recorder) error {
		if _, err := rec.Record(ctx, in.Facts); err != nil {
			return err
		}
		return retractArmedWing(ctx, rec, &now)
	})
}

// retractArmedWing retracts the CNUP's armed wing, recorded at retractedAt: a correction for the
// pages to show.
func retractArmedWing(ctx context.Context, rec *record.Recorder, now *time.Time) error {
	store := rec.Store
	cnup, err := store.EntityEvents(ctx, "cambodian-national-unity-party")
	if err != nil {
		return err
	}
	for _, st := range cnup {
		if w, ok := st.Event.Payload.(events.PartyWing); ok && w.Kind == "armed wing" && st.Event.Entity == "cambodian-national-unity-party" {
			*now = retractedAt
			_, err := rec.Record(ctx, []events.Fact{{Type: events.TypeRecordRetracted, Entity: st.Event.Entity,
				Date: events.MustParseDate("XXXX"), Payload: events.RecordRetracted{}, Supersedes: []ulid.ULID{st.Event.ID},
				Reason: retractionReason, Source: events.Source{Title: "Editorial review", URL: "https://example.org/review/1", Quote: "duplicate claim withdrawn"}}})
			return err
		}
	}
	return fmt.Errorf("no armed wing of the CNUP in the seeds")
}

// newServer serves the pages over the fixture.
func newServer(t testing.TB) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(New(fixture, Options{}))
	t.Cleanup(srv.Close)
	return srv
}

// get fetches a page, following no redirect, and returns its status, Location and body.
func get(t *testing.T, srv *httptest.Server, path string) (int, string, string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, resp.Header.Get("Location"), string(body)
}

func TestPages(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name   string
		path   string
		status int
		want   []string
		not    []string
	}{
		{"day 1995", "/?at=1995-03-01", 200, []string{
			`<html lang="en">`, "The parties on <time datetime=\"1995-03-01\">1995-03-01</time>",
			"Cambodian National Unity Party", "(CNUP)", "Khieu Samphan", "active since 1992-11-30",
			`<span class="cert cert-certain"><span aria-hidden="true">●</span> certain</span>`,
			`<span class="cert cert-undated"><span aria-hidden="true">○</span> undated</span>`,
			`<span lang="km">គណបក្សសាមគ្គីជាតិកម្ពុជា</span>`,
			"Party of Democratic Kampuchea", "declared illegal since 1994-07",
			"succession: Party of Democratic Kampuchea → Cambodian National Unity Party",
			"In 1992 the Party of Democratic Kampuchea morphed into the Cambodian National Unity Party",
			`type="range" id="year"`, `name="md" value="03-01"`, "Named, with no dated fact by 1995-03-01",
		}, []string{"Cambodia National Rescue Party</a> (CNRP)"}},
		{"day 2015", "/?at=2015-06-01", 200, []string{"Cambodia National Rescue Party", "(CNRP)", "Sam Rainsy"}, nil},
		{"day by the slider", "/?year=2015&md=06-01", 200, []string{`datetime="2015-06-01"`, "(CNRP)"}, nil},
		{"day not a day", "/?at=1995-02-30", 200, []string{"is not a day", `datetime="1995-03-01"`}, nil},
		{"day known before the record", "/?at=1995-03-01&known=2026-10-01", 200,
			[]string{"0 parties on record by 1995-03-01", "as it stood at 2026-10-01", `name="known" value="2026-10-01"`}, []string{"Khieu Samphan"}},
		{"party cnrp", "/party/cambodia-national-rescue-party", 200, []string{
			"<h1>Cambodia National Rescue Party", "Names, in every script", "<td>Khmer</td>",
			`<svg class="lineage-graph"`, `href="/party/sam-rainsy-party"`, `href="/party/candlelight-party"`, "merger, 2012",
			"Timeline", `/source/cambodia-national-rescue-party.txt?hl=`, "read the quote in place",
		}, nil},
		{"party at a day", "/party/cnup?at=1997-06-01", 200, []string{"State on <time datetime=\"1997-06-01\">", "Cambodian National Unity Party"}, nil},
		{"party lineage cnup", "/party/cnup", 200, []string{"transformation, 1992", "split, 1996-08", `stroke-dasharray="10 5"`, `stroke-dasharray="1 6"`}, nil},
		{"lineage svg", "/party/cnrp/lineage.svg", 200, []string{`<?xml`, `<svg class="lineage-graph"`, "Human Rights Party"}, nil},
		{"person", "/person/kem-sokha", 200, []string{"<h1>Kem Sokha</h1>", "Roles over time", "Cambodia National Rescue Party", "leader", "cambodia-national-rescue-party.txt"}, nil},
		{"person at", "/person/kem-sokha?at=2017-06-01", 200, []string{"Roles on <time>2017-06-01</time>"}, nil},
		{"source", "/source/khmer-national-solidarity-party.txt", 200, []string{`<div class="document"`, `<mark class="quote">`, "Facts drawn from it"}, nil},
		{"unknown party", "/party/Rescue%20Part", 404, []string{"Did you mean", `href="/party/cambodia-national-rescue-party"`}, nil},
		{"unknown source", "/source/missing.txt", 404, []string{"holds no document missing.txt"}, nil},
		{"no such page", "/nowhere", 404, []string{"There is no page at /nowhere"}, nil},
		{"search misspelled", "/search?q=Khmer+Natonal+Solidarity", 404, []string{"Did you mean", `href="/party/khmer-national-solidarity-party"`}, nil},
		{"search nothing close", "/search?q=zzzz", 404, []string{"Nothing the record holds comes close"}, nil},
		{"party corrections", "/party/cnup?at=1995-03-01", 200, []string{"Corrections and disputes", "<strong>retracted</strong>", "reason: &#34;was said to be&#34; reports a rumour, not a fact",
			`href="https://example.org/review/1"`}, []string{"armed wing: <a"}},
		{"party before the correction", "/party/cnup?at=1995-03-01&known=2026-11-01", 200, []string{"armed wing: <a", "as it stood at 2026-11-01"}, []string{"<strong>retracted</strong>"}},
		{"organisation", "/party/national-army-of-democratic-kampuchea", 200, []string{"National Army of Democratic Kampuchea"}, nil},
		{"bad known", "/?known=last+tuesday", 200, []string{"is not a day (YYYY-MM-DD) or a time", "as it stands now"}, nil},
		{"static css", "/static/style.css", 200, []string{"@media"}, nil},
		// What the fold says since issue 12: refined foundings, one line per person and office,
		// vacancies, former leaders, wings and affiliations of an ended party, bans and their end.
		{"refined founding, both sources", "/?at=1995-03-01", 200, []string{
			`<dt>Founded</dt><dd>1992-11-30 <span class="refined">(refined from <span class="date">1992</span> <span class="srcs">[<a class="src" href="/source/khmer-national-solidarity-party.txt?hl=`,
			`and <span class="date">1992-11-30</span> <span class="srcs">[<a class="src" href="/source/cambodian-national-unity-party.txt?hl=`,
			`>cambodian-national-unity-party.txt</a>, <a class="src" href="/source/cambodian-national-unity-party.txt?hl=`,
		}, nil},
		{"refined founding of the KNSP", "/party/khmer-national-solidarity-party?at=1998-01-01", 200, []string{
			`1997-05 <span class="refined">(refined from <span class="date">1997</span>`, `and <span class="date">1997-05</span>`,
		}, nil},
		{"leader also styled", "/?at=2017-06-01", 200, []string{
			`<a href="/person/kem-sokha">Kem Sokha</a>, leader <span class="styles">(also styled president)</span> since 2017-03-02`,
			`deputy leader <span class="styles">(also styled vice president)</span> since 2017-03-02`,
		}, []string{"Kem Sokha</a>, president"}},
		{"vacancy", "/party/cnrp?at=2017-02-20", 200, []string{
			"<dt>Vacant offices</dt>", "leader: <strong>vacant since 2017-02-11</strong>, until 2017-03-02 (last held by Sam Rainsy)",
			"deputy leader: <strong>vacant since 2017-02-11</strong>, until 2017-03-02 (last held by Kem Sokha)",
		}, []string{"<dt>Last leaders</dt>"}},
		{"ended party: former leaders, wings, affiliations; ban in force", "/party/cnrp?at=2018-01-01", 200, []string{
			"banned, dissolved since 2017-11-16", `<dd class="leaders">none: the party had ended</dd>`, "<dt>Last leaders</dt>",
			`Kem Sokha</a>, leader <span class="styles">(also styled president)</span> since 2017-03-02, left 2017-11-16`,
			"<dt>Former wings</dt>", "CNRP Youth", "<dt>Former affiliations</dt>", "Liberal International",
			"<dt>Bans from politics</dt>", `<li class="ban ban-in-force">118 senior party officials banned for 5 years from 2017-11-16 until 2022-11-16: <strong><span aria-hidden="true">⛔</span> in force</strong>`,
		}, []string{"<dt>Wings</dt>", "<dt>Affiliations</dt>", "<dt>Vacant offices</dt>"}},
		{"ban over", "/party/cnrp?at=2023-01-01", 200, []string{
			`<li class="ban ban-over">118 senior party officials banned for 5 years from 2017-11-16 until 2022-11-16: <strong><span aria-hidden="true">✓</span> over</strong>`,
		}, []string{"in force</strong>"}},
		{"lineage: one edge per link, every source", "/party/cnrp", 200, []string{
			"The lineage in words (6 links)",
			`Sam Rainsy Party</a> → <a href="/party/cambodia-national-rescue-party">Cambodia National Rescue Party</a>: merger, 2012 <span class="srcs">[`,
			`Norodom Ranariddh Party</a> → <a href="/party/cambodia-national-rescue-party">Cambodia National Rescue Party</a>: merger, undated`,
			"merger, 2012 [cambodia-national-rescue-party.txt, 2 quotes]",
		}, []string{
			`Sam Rainsy Party</a> → <a href="/party/cambodia-national-rescue-party">Cambodia National Rescue Party</a>: merger, undated`,
			"disputed: another source",
		}},
		{"timeline by year", "/party/cnrp", 200, []string{
			`<nav class="years" id="years" aria-label="Years"`, `<a href="#y-2012">2012</a> <span class="count">(4)</span>`,
			`<a href="#y-2017">2017</a>`, `<a href="#y-undated">undated</a>`, `<span id="y-2013" tabindex="-1">2013</span>`,
			`<span id="y-undated" tabindex="-1">Undated: the sources give no year</span>`, `<a class="to-years" href="#years">↑ years</a>`,
		}, nil},
		{"person timeline by year", "/person/kem-sokha", 200, []string{`<nav class="years" id="years"`, `<span id="y-2017" tabindex="-1">2017</span>`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, body := get(t, srv, tt.path)
			if status != tt.status {
				t.Errorf("GET %s = %d, want %d", tt.path, status, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: page lacks %q", tt.path, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(body, n) {
					t.Errorf("GET %s: page has %q, want it not to", tt.path, n)
				}
			}
			if t.Failed() && testing.Verbose() {
				t.Logf("page:\n%s", body)
			}
		})
	}
}

func TestDayPaginates(t *testing.T) {
	srv := httptest.NewServer(New(fixture, Options{PageSize: 4}))
	defer srv.Close()
	_, _, first := get(t, srv, "/?at=1995-03-01")
	_, _, third := get(t, srv, "/?at=1995-03-01&page=3")
	for _, tt := range []struct {
		page, want string
	}{
		{first, "2 parties on record by 1995-03-01, and 9 more the record names without dating. Page 1 of 3."},
		{first, `href="/?at=1995-03-01&amp;page=2">next page`},
		{first, "Cambodian National Unity Party"},
		{third, `href="/?at=1995-03-01&amp;page=2">← previous page`},
		{third, "Sam Rainsy Party"},
	} {
		if !strings.Contains(tt.page, tt.want) {
			t.Errorf("paginated day page lacks %q", tt.want)
		}
	}
	if strings.Contains(third, "id=\"p-cambodian-national-unity-party\"") || strings.Contains(third, "next page") {
		t.Errorf("page 3 of 3 shows a dated party of page 1 or a next page")
	}
}

// The slider's span of years is read in the background: a page waits for it only briefly, and the
// pages after it show the record's years.
func TestSliderYears(t *testing.T) {
	srv := newServer(t)
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, _, body := get(t, srv, "/?at=1995-03-01")
		if strings.Contains(body, `min="1985" max="2018"`) {
			break
		}
		if !strings.Contains(body, fmt.Sprintf(`min="%d"`, DefaultMinYear)) {
			t.Fatalf("the slider spans neither the record's years (1985–2018) nor the default's: %s", regexp.MustCompile(`<input type="range"[^>]*>`).FindString(body))
		}
		if time.Now().After(deadline) {
			t.Fatal("the slider's span of years was not read within 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Another page of the day last shown is cut from the parties kept for it, and agrees with a handler
// that folds them afresh.
func TestDayPagesOfTheDayKept(t *testing.T) {
	h := New(fixture, Options{PageSize: 4})
	page := func(h *Handler, path string) string {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		body := w.Body.String()
		i, j := strings.Index(body, `<div id="day-results"`), strings.Index(body, "</main>")
		if i < 0 || j < i {
			return ""
		}
		return body[i:j] // the parties, not the slider, whose years another handler may not have read yet
	}
	page(h, "/?at=1995-03-01")
	for _, path := range []string{"/?at=1995-03-01&page=2", "/?at=1995-03-01&page=3", "/?at=1995-03-01&page=2&known=2026-11-01"} {
		if got, want := page(h, path), page(New(fixture, Options{PageSize: 4}), path); got != want || got == "" {
			t.Errorf("GET %s from the parties kept differs from a fresh fold:\n%s\nwant\n%s", path, got, want)
		}
	}
}

func TestSearchRedirects(t *testing.T) {
	srv := newServer(t)
	tests := []struct{ q, want string }{
		{"Khmer National Solidary Party", "/party/khmer-national-solidarity-party"},
		{"cnrp", "/party/cambodia-national-rescue-party"},
		{"គណបក្សសង្គ្រោះជាតិ", "/party/cambodia-national-rescue-party"},
		{"Khieu Samphan", "/person/khieu-samphan"},
	}
	for _, tt := range tests {
		status, loc, _ := get(t, srv, "/search?q="+url.QueryEscape(tt.q))
		if status != http.StatusSeeOther || loc != tt.want {
			t.Errorf("search %q = %d %q, want 303 %q", tt.q, status, loc, tt.want)
		}
	}
	_, loc, _ := get(t, srv, "/search?q=cnrp&known=2026-11-02")
	if want := "/party/cambodia-national-rescue-party?known=2026-11-02"; loc != want {
		t.Errorf("search keeping known-at = %q, want %q", loc, want)
	}
}

// Every quote of a document the record holds is marked in its text, and a link to one makes that one
// stand out under the anchor the link names.
func TestSourceMarksTheQuoteInPlace(t *testing.T) {
	srv := newServer(t)
	_, _, party := get(t, srv, "/party/cnup")
	m := regexp.MustCompile(`href="(/source/cambodian-national-unity-party\.txt\?hl=([0-9A-Z]+)#q-[0-9A-Z]+)"`).FindStringSubmatch(party)
	if m == nil {
		t.Fatal("the CNUP page links to no quote of cambodian-national-unity-party.txt")
	}
	_, _, body := get(t, srv, strings.ReplaceAll(m[1], "&amp;", "&"))
	if !strings.Contains(body, `id="q-`+m[2]+`"`) {
		t.Errorf("source page has no anchor q-%s", m[2])
	}
	if !strings.Contains(body, `<mark class="quote current">`) {
		t.Errorf("source page marks no current quote")
	}
}

func TestFoldWithOrigin(t *testing.T) {
	for _, s := range []string{"", "a", "  a  b\n\nc ", "ខ្មែរ\u00a0 ក", "x\u2009y", "\xff a"} {
		folded, origin := foldWithOrigin(s)
		if want := events.FoldSpace(s); folded != want {
			t.Errorf("foldWithOrigin(%q) = %q, want %q", s, folded, want)
		}
		if len(origin) != len(folded) {
			t.Fatalf("foldWithOrigin(%q): %d origins for %d bytes", s, len(origin), len(folded))
		}
		for i := range folded {
			if folded[i] != ' ' && s[origin[i]] != folded[i] {
				t.Errorf("foldWithOrigin(%q): byte %d comes from %d, which is %q", s, i, origin[i], s[origin[i]])
			}
		}
	}
}

func TestLangHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cambodia National Rescue Party", "Cambodia National Rescue Party"},
		{"គណបក្សសង្គ្រោះជាតិ", `<span lang="km">គណបក្សសង្គ្រោះជាតិ</span>`},
		{"CNRP (គណបក្ស សង្គ្រោះ) & co", `CNRP (<span lang="km">គណបក្ស សង្គ្រោះ</span>) &amp; co`},
		{"<b>", "&lt;b&gt;"},
	}
	for _, tt := range tests {
		if got := string(langHTML(tt.in)); got != tt.want {
			t.Errorf("langHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLayoutPutsPredecessorsAbove(t *testing.T) {
	l := projections.Lineage{Root: "b", Nodes: []projections.Node{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "d", Name: "D"}},
		Edges: []projections.Edge{{From: "a", To: "b", Kind: "merger"}, {From: "d", To: "b", Kind: "merger"}, {From: "b", To: "c", Kind: "split"}, {From: "c", To: "a", Kind: "unspecified"}}}
	lay := layoutLineage(l)
	if !(lay.y["a"] < lay.y["b"] && lay.y["b"] < lay.y["c"]) {
		t.Errorf("layout y = %v, want a above b above c", lay.y)
	}
	if lay.y["d"] != lay.y["a"] || lay.x["d"] == lay.x["a"] {
		t.Errorf("layout: d at (%v,%v), a at (%v,%v): want them side by side", lay.x["d"], lay.y["d"], lay.x["a"], lay.y["a"])
	}
	svg := string(lineageSVG(l, func(id events.EntityID) string { return "/party/" + string(id) }))
	for _, w := range []string{`href="/party/a"`, `class="node node-root"`, "merger, undated", "split, undated", "succession (unspecified)"} {
		if !strings.Contains(svg, w) {
			t.Errorf("lineageSVG lacks %q", w)
		}
	}
}

// Claims of one link whose dates cannot both be true are drawn as two edges, each marked disputed,
// and an edge names the sources of every claim behind it.
func TestLineageSVGMarksDisputes(t *testing.T) {
	src := func(doc, quote string) events.Source { return events.Source{Document: doc, Quote: quote} }
	l := projections.NewLineage("coastal-union", []projections.Edge{
		{From: "fishermens-league", To: "coastal-union", Kind: "merger", Date: "1988-03", EventID: ulid.MustParse("01J00000000000000000000001"), Source: src("coastal-union.txt", "in March 1988")},
		{From: "fishermens-league", To: "coastal-union", Kind: "merger", Date: "1988", EventID: ulid.MustParse("01J00000000000000000000002"), Source: src("coastal-union.txt", "in 1988")},
		{From: "fishermens-league", To: "coastal-union", Kind: "merger", Date: "1990", EventID: ulid.MustParse("01J00000000000000000000003"), Source: src("league-history.txt", "to 1990")},
	}, nil)
	svg := string(lineageSVG(l, func(id events.EntityID) string { return "/party/" + string(id) }))
	for _, w := range []string{"1988-03 ⚠ disputed", "1990 ⚠ disputed", "[coastal-union.txt, 2 quotes]", "[league-history.txt]"} {
		if !strings.Contains(svg, w) {
			t.Errorf("lineageSVG lacks %q", w)
		}
	}
	if n := strings.Count(svg, `<path class="edge edge-merger"`); n != 2 {
		t.Errorf("lineageSVG draws %d merger edges, want 2", n)
	}
}

func TestByYear(t *testing.T) {
	var entries []entryView
	for _, d := range []string{"../2017-09", "XXXX", "1992", "1992-11-30", "1993/..", "2017-03-02", "1992-11/1993-01"} {
		entries = append(entries, entryView{Date: d})
	}
	var got []string
	for _, y := range byYear(entries) {
		var dates []string
		for _, e := range y.Entries {
			dates = append(dates, e.Date)
		}
		got = append(got, y.Year+" "+strings.Join(dates, ","))
	}
	want := []string{"1992 1992,1992-11-30,1992-11/1993-01", "1993 1993/..", "2017 ../2017-09,2017-03-02", "undated XXXX"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("byYear = %q, want %q", got, want)
	}
}

func TestDayInYear(t *testing.T) {
	tests := []struct {
		year int
		md   string
		want string
	}{{2015, "06-01", "2015-06-01"}, {2015, "02-29", "2015-02-28"}, {2016, "02-29", "2016-02-29"}, {1990, "", "1990-07-01"}, {1990, "13-01", "1990-07-01"}}
	for _, tt := range tests {
		if got := dayInYear(tt.year, tt.md).String(); got != tt.want {
			t.Errorf("dayInYear(%d, %q) = %s, want %s", tt.year, tt.md, got, tt.want)
		}
	}
}

// TestServe serves the pages over the seeds for a person to look at, when ANNALS_WEB_ADDR names an
// address (go test ./web -run TestServe -v with ANNALS_WEB_ADDR=127.0.0.1:8080), until interrupted
// or ANNALS_WEB_FOR (a duration) has passed.
func TestServe(t *testing.T) {
	addr := os.Getenv("ANNALS_WEB_ADDR")
	if addr == "" {
		t.Skip("set ANNALS_WEB_ADDR=127.0.0.1:8080 to look at the pages over the seeds")
	}
	d, err := time.ParseDuration(os.Getenv("ANNALS_WEB_FOR"))
	if err != nil {
		d = time.Hour
	}
	srv := &http.Server{Addr: addr, Handler: New(fixture, Options{})}
	t.Logf("serving the seeds at http://%s/ for %s", addr, d)
	go func() {
		time.Sleep(d)
		srv.Close()
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		t.Fatal(err)
	}
}

// BenchmarkPages measures the server time of the pages over the seeds (the issue asks ≤ 50 ms for the
// day page).
func BenchmarkPages(b *testing.B) {
	h := New(fixture, Options{})
	for _, path := range []string{"/?at=1995-03-01", "/?at=2015-06-01", "/party/cnrp", "/person/kem-sokha", "/source/cambodia-national-rescue-party.txt"} {
		b.Run(path, func(b *testing.B) {
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s = %d", path, w.Code)
				}
			}
		})
	}
}
