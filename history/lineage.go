package history

import (
	"context"

	"annals/events"
	"annals/projections"
)

// Lineage returns the predecessors and successors of the party or organisation a name means,
// transitively, as a graph: it walks the links out from it through the entity index. Entities a merge
// joins are one node, under their canonical id.
func (h *Historian) Lineage(ctx context.Context, name string) (projections.Lineage, error) {
	l, err := h.lineage(ctx, name)
	return l, h.done(err)
}

func (h *Historian) lineage(ctx context.Context, name string) (projections.Lineage, error) {
	root, err := h.resolve(ctx, name, events.KindParty, events.KindOrganisation)
	if err != nil {
		return projections.Lineage{}, err
	}
	// An edge read from another entity's events is moved onto the canonical id at the end.
	var edges []projections.Edge
	root, _, err = h.group(ctx, root)
	if err != nil {
		return projections.Lineage{}, err
	}
	seen := map[events.EntityID]bool{root: true}
	canonical := map[events.EntityID]events.EntityID{}
	queue := []events.EntityID{root}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		canon, evs, err := h.group(ctx, id)
		if err != nil {
			return projections.Lineage{}, err
		}
		canonical[id] = canon
		if canon != id {
			if seen[canon] {
				continue
			}
			seen[canon] = true
		}
		for _, ev := range evs {
			for _, e := range projections.EdgesOf(ev) {
				edges = append(edges, e)
				for _, o := range []events.EntityID{e.From, e.To} {
					if !seen[o] {
						seen[o] = true
						queue = append(queue, o)
					}
				}
			}
		}
	}
	for i, e := range edges {
		if c, ok := canonical[e.From]; ok {
			edges[i].From = c
		}
		if c, ok := canonical[e.To]; ok {
			edges[i].To = c
		}
	}
	return projections.NewLineage(root, edges, h.names(ctx)), nil
}
