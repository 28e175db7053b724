package main

import (
	"context"
	"fmt"
	"strings"

	"annals/events"
	"annals/history"
	"annals/nodeapi/wire"
)

func (m *Main) person(c *common) func(ctx context.Context) error {
	c.remote = true
	c.tables = true
	at := c.fs.String("at", "", "roles on this `day`, YYYY-MM-DD, and history up to it")
	return func(ctx context.Context) error {
		day, err := parseAt(*at)
		if err != nil {
			return err
		}
		var a history.PersonAnswer
		var doc history.PersonDocument
		raw, err := c.answer(ctx, "person", wire.PersonRequest{Name: c.args[0], At: *at, ReadOptions: c.readOptions()}, &doc,
			func(h *history.Historian) (err error) { a, err = h.Person(ctx, c.args[0], day); return err })
		if err != nil {
			return err
		}
		if raw != nil {
			a = history.PersonAnswer{ID: doc.Person, Name: doc.Name, State: doc.PersonState}
		}
		id, st := a.ID, a.State
		if tabular(c.format) {
			return writeTable(m.Stdout, c.format, roleTable(a))
		}
		if c.json {
			return m.writeDocument(raw, history.NewPersonDocument(a))
		}
		fmt.Fprintf(m.Stdout, "%s [%s]", a.Name, id)
		if *at != "" {
			fmt.Fprintf(m.Stdout, " as of %s", day)
		}
		fmt.Fprintln(m.Stdout)
		var names []string
		for _, n := range st.Names {
			names = append(names, history.NameText(n)+draftedMark(n.Method))
		}
		fmt.Fprintf(m.Stdout, "  names  %s\n", strings.Join(unique(names), "; "))
		fmt.Fprintf(m.Stdout, "\n== roles (%d)\n", len(st.Roles))
		for _, r := range st.Roles {
			role := r.Role
			if r.Committee != "" {
				role = strings.TrimSpace(fmt.Sprintf("%s, no. %d %s", r.Committee, r.Rank, r.Role))
			}
			when := "undated"
			if !strings.HasPrefix(r.Since, "XXXX") {
				when = "since " + r.Since
			}
			if r.Until != "" {
				when += ", until " + r.Until
			}
			fmt.Fprintf(m.Stdout, "  %s of %s (%s)%s  [%s]\n", role, r.Name, when, draftedMark(r.Method), sourceLabels(append([]events.Source{r.Source}, r.Also...)))
		}
		fmt.Fprintf(m.Stdout, "\n== history (%d)\n", len(st.History))
		writeHistory(m.Stdout, st.History)
		return nil
	}
}

func unique(list []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
