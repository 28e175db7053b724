package projections

import (
	"sort"

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
	EventID string          `json:"event_id"`
	Method  string          `json:"method,omitempty"` // events.MethodDrafted for a link drafted by a rule
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
		return Edge{From: from, To: to, Kind: kind, Date: e.Date.String(), Source: e.Source, EventID: e.ID.String(), Method: e.Method}
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
	dedup := map[string]bool{}
	for _, e := range edges {
		if seen[e.From] && !dedup[e.EventID+string(e.From)+string(e.To)] {
			dedup[e.EventID+string(e.From)+string(e.To)] = true
			l.Edges = append(l.Edges, e)
		}
	}
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
		return a.EventID < b.EventID
	})
	return l
}

func orUnknown(date string) string {
	if date == "" {
		return "XXXX"
	}
	return date
}
