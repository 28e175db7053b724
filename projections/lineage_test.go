package projections_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

// edgeLine is an edge as the tests compare it: its ends, kind, date, claim dates and whether disputed.
func edgeLine(e projections.Edge) string {
	var dates []string
	for _, c := range e.Claims {
		dates = append(dates, c.Date)
	}
	s := fmt.Sprintf("%s -%s-> %s %s %v", e.From, e.Kind, e.To, e.Date, dates)
	if e.Label != "" {
		s += " to " + e.Label
	}
	if e.Disputed {
		s += " disputed"
	}
	return s
}

// A document of another country, not a seed: the Coastal Union of Valdoria (fictional) is a merger
// that four sources state (one undated, one "1988", one "March 1988", one dating the Fishermen's
// League's joining to 1990), a split that two sources date "1995" and "10 June 1995", and a rename
// dated "2004" and "1 February 2004". Claims of one link are one edge dated by their refined date,
// every source kept; the 1990 claim cannot also be true with March 1988: two edges, disputed.
func TestLineageFoldsClaimsOfOneLink(t *testing.T) {
	var edges []projections.Edge
	for _, e := range documentEvents(t, "testdata/valdoria") {
		edges = append(edges, projections.EdgesOf(e)...)
	}
	want := []string{
		"fishermens-league -merger-> coastal-union 1988-03 [1988 1988-03 XXXX] disputed",
		"harbour-workers-party -merger-> coastal-union 1988-03 [1988 1988-03 XXXX]",
		"fishermens-league -merger-> coastal-union 1990 [1990 XXXX] disputed",
		"coastal-union -split-> new-coast-party 1995-06-10 [1995 1995-06-10]",
		"coastal-union -rename-> coastal-union 2004-02-01 [2004 2004-02-01] to Coastal Democratic Union",
	}
	l := projections.NewLineage("coastal-union", edges, nil)
	var got []string
	for _, e := range l.Edges {
		got = append(got, edgeLine(e))
	}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("NewLineage(coastal-union).Edges =\n%q\nwant\n%q", got, want)
	}
	for _, e := range l.Edges {
		if !slices.ContainsFunc(e.Claims, func(c projections.EdgeClaim) bool { return c.EventID == e.EventID && c.Date == e.Date }) {
			t.Errorf("edge %s: dated by event %s, which is not among its claims", edgeLine(e), e.EventID)
		}
	}
	// The answer does not depend on the order of the claims.
	r := propertyRand(t)
	base := stateJSON(t, l)
	for range 50 {
		shuffledEdges := append([]projections.Edge(nil), edges...)
		r.Shuffle(len(shuffledEdges), func(i, j int) { shuffledEdges[i], shuffledEdges[j] = shuffledEdges[j], shuffledEdges[i] })
		if got := stateJSON(t, projections.NewLineage("coastal-union", shuffledEdges, nil)); got != base {
			t.Fatalf("NewLineage(shuffled) =\n%s\nwant\n%s", got, base)
		}
	}
}

// testID returns an event id that sorts as n does, for one-digit n.
func testID(n string) ulid.ULID { return ulid.MustParse("01J" + strings.Repeat("0", 22) + n) }

func TestFoldEdges(t *testing.T) {
	edge := func(date, id, method string) projections.Edge {
		return projections.Edge{From: "a", To: "b", Kind: "merger", Date: date, EventID: testID(id), Method: method,
			Source: events.Source{Document: "a.txt", Quote: "claim " + id}}
	}
	tests := []struct {
		name    string
		edges   []projections.Edge
		want    []string
		drafted []bool
	}{
		{"one claim", []projections.Edge{edge("2012", "1", "")}, []string{"a -merger-> b 2012 [2012]"}, []bool{false}},
		{"undated folds into dated", []projections.Edge{edge("XXXX", "1", ""), edge("2012", "2", "")}, []string{"a -merger-> b 2012 [2012 XXXX]"}, []bool{false}},
		{"undated alone", []projections.Edge{edge("XXXX", "1", ""), edge("", "2", "")}, []string{"a -merger-> b XXXX [XXXX ]"}, []bool{false}},
		{"refined to their intersection", []projections.Edge{edge("1988/1989", "1", ""), edge("1989/1990", "2", "")},
			[]string{"a -merger-> b 1989-01-01/1989-12-31 [1988/1989 1989/1990]"}, []bool{false}},
		{"incompatible", []projections.Edge{edge("2012", "1", ""), edge("2013", "2", "")},
			[]string{"a -merger-> b 2012 [2012] disputed", "a -merger-> b 2013 [2013] disputed"}, []bool{false, false}},
		{"drafted only when every claim is", []projections.Edge{edge("2012", "1", events.MethodDrafted), edge("2012-05", "2", "")},
			[]string{"a -merger-> b 2012-05 [2012 2012-05]"}, []bool{false}},
		{"all drafted", []projections.Edge{edge("2012", "1", events.MethodDrafted), edge("XXXX", "2", events.MethodDrafted)},
			[]string{"a -merger-> b 2012 [2012 XXXX]"}, []bool{true}},
		{"another kind is another link", []projections.Edge{edge("2012", "1", ""), {From: "a", To: "b", Kind: "split", Date: "2012", EventID: testID("2")}},
			[]string{"a -merger-> b 2012 [2012]", "a -split-> b 2012 [2012]"}, []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := projections.NewLineage("a", tt.edges, nil)
			var got []string
			var drafted []bool
			for _, e := range l.Edges {
				got = append(got, edgeLine(e))
				drafted = append(drafted, e.Method == events.MethodDrafted)
			}
			if fmt.Sprintf("%q %v", got, drafted) != fmt.Sprintf("%q %v", tt.want, tt.drafted) {
				t.Errorf("NewLineage(%s).Edges = %q drafted %v, want %q drafted %v", tt.name, got, drafted, tt.want, tt.drafted)
			}
		})
	}
}
