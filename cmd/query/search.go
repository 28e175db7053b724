package main

import (
	"context"
	"fmt"
	"strings"

	"annals/events"
)

func (m *Main) search(c *common) func(ctx context.Context) error {
	kind := c.fs.String("kind", "", "only entities of this `kind`: party, organisation, person or document")
	return func(ctx context.Context) error {
		var kinds []events.Kind
		switch *kind {
		case "":
		case string(events.KindParty), string(events.KindOrganisation), string(events.KindPerson), string(events.KindDocument):
			kinds = []events.Kind{events.Kind(*kind)}
		default:
			return usageError{Msg: fmt.Sprintf("--kind %q: want party, organisation, person or document", *kind)}
		}
		store, h, err := c.openHistorian()
		if err != nil {
			return err
		}
		defer store.Close()
		query := strings.Join(c.args, " ")
		found, err := h.Search(ctx, query, kinds...)
		if err != nil {
			return err
		}
		var ids []events.EntityID
		for _, e := range found {
			ids = append(ids, e.ID)
		}
		var near []events.EntitySummary
		if len(found) > 0 {
			// Found by the name: other entities spelled close to it may be the same, written otherwise.
			if near, err = h.NearSpellings(ctx, query, ids, kinds...); err != nil {
				return err
			}
		}
		if c.json {
			type match struct {
				ID    events.EntityID `json:"id"`
				Kind  events.Kind     `json:"kind"`
				Names []string        `json:"names"`
			}
			matches := func(es []events.EntitySummary) []match {
				out := make([]match, 0, len(es))
				for _, e := range es {
					out = append(out, match{e.ID, e.Kind, nonNil(e.Names)})
				}
				return out
			}
			return m.writeJSON(struct {
				Query         string  `json:"query"`
				Matches       []match `json:"matches"`
				NearSpellings []match `json:"near_spellings"`
			}{query, matches(found), matches(near)})
		}
		if len(found) == 0 {
			fmt.Fprintf(m.Stdout, "nothing in the record is known as %q, or comes close\n", query)
			return nil
		}
		for _, e := range found {
			fmt.Fprintf(m.Stdout, "%s  %s  (%s)\n", e.ID, e.Kind, strings.Join(e.Names, "; "))
		}
		if len(near) > 0 {
			fmt.Fprintf(m.Stdout, "spelled close to %q (the same, perhaps, written otherwise; the record keeps them apart):\n", query)
			for _, e := range near {
				fmt.Fprintf(m.Stdout, "  %s  %s  (%s)\n", e.ID, e.Kind, strings.Join(e.Names, "; "))
			}
		}
		return nil
	}
}
