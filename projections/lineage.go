package projections

import (
	"sort"

	"github.com/oklog/ulid/v2"

	"annals/events"
)

// Edge is a typed, dated link from a party (or organisation) to one that followed it.
type Edge struct {
	From    events.EntityID `json:"from"`
	To      events.EntityID `json:"to"`
	Kind    string          `json:"kind"` // merger, split, transformation, legal, self-declared, unofficial, unspecified, rename
	Date    string          `json:"date"`
	Label   string          `json:"label,omitempty"` // for a rename: the new name
	Source  events.Source   `json:"source"`
	EventID ulid.ULID       `json:"event_id"`
	Method  string          `json:"method,omitempty"` // events.MethodDrafted when every claim behind the edge was drafted by a rule
	// Claims holds every claim behind the edge, in historical order (undated ones last), the one it
	// is dated by (Source, EventID) included: sources that state one link (same kind, same parties,
	// compatible dates) are one edge (see NewLineage). NewLineage always sets it; EdgesOf leaves it
	// empty.
	Claims []EdgeClaim `json:"claims,omitempty"`
	// Disputed marks an edge whose link other sources state with a date that cannot also be true: each
	// set of compatible claims is an edge of its own, every one of them disputed.
	Disputed bool `json:"disputed,omitempty"`
}

// EdgeClaim is one source's statement of a lineage link: the date it gives, as written in the record.
type EdgeClaim struct {
	Date    string        `json:"date"`
	Source  events.Source `json:"source"`
	EventID ulid.ULID     `json:"event_id"`
	Method  string        `json:"method,omitempty"`
}

// Node is an entity of a lineage.
type Node struct {
	ID   events.EntityID `json:"id"`
	Name string          `json:"name"`
}

// Lineage is the graph of predecessors and successors around a party.
type Lineage struct {
	Root  events.EntityID `json:"root"`
	Nodes []Node          `json:"nodes"`
	Edges []Edge          `json:"edges"`
}

// EdgesOf returns the lineage links an event states: a succession (predecessor → successor, with its
// kind), a merger (each member → the merged party), a split (the party → the breakaway) or a rename
// (the party → itself, labelled with its new name).
func EdgesOf(e events.Event) []Edge {
	edge := func(from, to events.EntityID, kind string) Edge {
		return Edge{From: from, To: to, Kind: kind, Date: e.Date.String(), Source: e.Source, EventID: e.ID, Method: e.Method}
	}
	switch p := e.Payload.(type) {
	case events.PartySucceeded:
		return []Edge{edge(e.Entity, p.Successor, p.Kind)}
	case events.PartyMerged:
		var out []Edge
		for _, m := range p.Members {
			out = append(out, edge(m, e.Entity, "merger"))
		}
		return out
	case events.PartySplit:
		return []Edge{edge(e.Entity, p.NewParty, "split")}
	case events.PartyRenamed:
		r := edge(e.Entity, e.Entity, "rename")
		r.Label = p.To
		return []Edge{r}
	}
	return nil
}

// NewLineage builds the lineage around root from edges, keeping the nodes reachable from root in
// either direction. Edges are sorted by date, then source, so the result does not depend on order.
//
// Claims of one link are one edge (foldEdges): edges of the same kind between the same parties (a
// rename: to the same name) whose dates are compatible are folded into one, dated by what their dates
// leave together (refine, the rule the state's founding and tenures follow) and carrying every claim.
// Claims whose dates do not meet stay separate edges, each marked disputed.
func NewLineage(root events.EntityID, edges []Edge, names Names) Lineage {
	if names == nil {
		names = func(id events.EntityID) string { return string(id) }
	}
	adj := map[events.EntityID][]events.EntityID{}
	for _, e := range edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	seen := map[events.EntityID]bool{root: true}
	queue := []events.EntityID{root}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, o := range adj[id] {
			if !seen[o] {
				seen[o] = true
				queue = append(queue, o)
			}
		}
	}
	l := Lineage{Root: root, Nodes: []Node{}, Edges: []Edge{}}
	for id := range seen {
		l.Nodes = append(l.Nodes, Node{ID: id, Name: names(id)})
	}
	sort.Slice(l.Nodes, func(i, j int) bool { return l.Nodes[i].ID < l.Nodes[j].ID })
	type edgeKey struct {
		event    ulid.ULID
		from, to events.EntityID
	}
	dedup := map[edgeKey]bool{}
	var kept []Edge
	for _, e := range edges {
		if k := (edgeKey{e.EventID, e.From, e.To}); seen[e.From] && !dedup[k] {
			dedup[k] = true
			kept = append(kept, e)
		}
	}
	l.Edges = append(l.Edges, foldEdges(kept)...)
	sort.SliceStable(l.Edges, func(i, j int) bool {
		a, b := l.Edges[i], l.Edges[j]
		if c := events.MustParseDate(orUnknown(a.Date)).Compare(events.MustParseDate(orUnknown(b.Date))); c != 0 {
			return c < 0
		}
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		return a.EventID.Compare(b.EventID) < 0
	})
	return l
}

func orUnknown(date string) string {
	if date == "" {
		return "XXXX"
	}
	return date
}

// foldEdges folds the claims of one link into one edge. Edges are one link when they have the same
// ends, kind and (for a rename) new name. The dated claims of a link are taken in historical order,
// each joining the first group whose dates it leaves compatible (refine), else starting a group; an
// undated claim states the link without saying when and joins every group. A group is one edge,
// dated by its refined date; when a link has more than one group, its edges are disputed.
func foldEdges(edges []Edge) []Edge {
	type key struct {
		from, to   events.EntityID
		kind, name string
	}
	type claim struct {
		c    EdgeClaim
		date events.Date
		edge Edge
	}
	var order []key
	groups := map[key][]claim{}
	for _, e := range edges {
		k := key{e.From, e.To, e.Kind, events.NameKey(e.Label)}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		cs := e.Claims
		if len(cs) == 0 {
			cs = []EdgeClaim{{Date: e.Date, Source: e.Source, EventID: e.EventID, Method: e.Method}}
		}
		for _, c := range cs {
			d, err := events.ParseDate(orUnknown(c.Date))
			if err != nil {
				d = events.MustParseDate("XXXX")
			}
			groups[k] = append(groups[k], claim{c: c, date: d, edge: e})
		}
	}
	var out []Edge
	for _, k := range order {
		cs := groups[k]
		sort.SliceStable(cs, func(i, j int) bool {
			if c := cs[i].date.Compare(cs[j].date); c != 0 {
				return c < 0
			}
			return cs[i].c.EventID.Compare(cs[j].c.EventID) < 0
		})
		var dated, undated []claim
		for _, c := range cs {
			if c.date.Earliest() == events.MinDay && c.date.Latest() == events.MaxDay {
				undated = append(undated, c)
			} else {
				dated = append(dated, c)
			}
		}
		var sets [][]claim
		for _, c := range dated {
			joined := false
			for i, set := range sets {
				ds := []events.Date{c.date}
				for _, o := range set {
					ds = append(ds, o.date)
				}
				if _, ok := refine(ds); ok {
					sets[i] = append(set, c)
					joined = true
					break
				}
			}
			if !joined {
				sets = append(sets, []claim{c})
			}
		}
		if len(sets) == 0 {
			sets = [][]claim{nil}
		}
		for _, set := range sets {
			set = append(set, undated...)
			ds := make([]events.Date, len(set))
			for i, c := range set {
				ds[i] = c.date
			}
			best, _ := refine(ds)
			// The edge is dated by the claim whose date is the refined one, else by the narrowest.
			match := func(c claim) bool { return c.date.String() == best.String() }
			width := func(c claim) events.Day { return c.date.Latest() - c.date.Earliest() }
			by := set[0]
			for _, c := range set[1:] {
				if match(c) && !match(by) || match(c) == match(by) && width(c) < width(by) {
					by = c
				}
			}
			e := by.edge
			e.Source, e.EventID, e.Date = by.c.Source, by.c.EventID, by.c.Date
			if !match(by) {
				e.Date = best.String()
			}
			e.Claims = make([]EdgeClaim, len(set))
			methods := make([]string, len(set))
			for i, c := range set {
				e.Claims[i], methods[i] = c.c, c.c.Method
			}
			e.Method = allMethod(methods)
			e.Disputed = len(sets) > 1
			out = append(out, e)
		}
	}
	return out
}
