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
		found, err := h.Search(ctx, strings.Join(c.args, " "), kinds...)
		if err != nil {
			return err
		}
		if c.json {
			type match struct {
				ID    events.EntityID `json:"id"`
				Kind  events.Kind     `json:"kind"`
				Names []string        `json:"names"`
			}
			out := make([]match, 0, len(found))
			for _, e := range found {
				out = append(out, match{e.ID, e.Kind, nonNil(e.Names)})
			}
			return m.writeJSON(struct {
				Query   string  `json:"query"`
				Matches []match `json:"matches"`
			}{strings.Join(c.args, " "), out})
		}
		if len(found) == 0 {
			fmt.Fprintf(m.Stdout, "nothing in the record is known as %q, or comes close\n", strings.Join(c.args, " "))
			return nil
		}
		for _, e := range found {
			fmt.Fprintf(m.Stdout, "%s  %s  (%s)\n", e.ID, e.Kind, strings.Join(e.Names, "; "))
		}
		return nil
	}
}
