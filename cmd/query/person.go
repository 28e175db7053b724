package main

import (
	"context"
	"fmt"
	"strings"

	"annals/events"
	"annals/history"
)

func (m *Main) person(ctx context.Context, args []string) error {
	c := m.flags("person", "NAME [--at DATE] [flags]",
		"Prints a person's roles (offices and committee seats, with their dates) and what happened to them,\n"+
			"in historical order, with sources. With --at, the roles held on that day and the history up to it.")
	at := c.fs.String("at", "", "roles on this `day`, YYYY-MM-DD, and history up to it")
	if err := c.parseArgs(args, 1); err != nil {
		return err
	}
	day, err := parseAt(*at)
	if err != nil {
		return err
	}
	store, h, err := c.openHistorian()
	if err != nil {
		return err
	}
	defer store.Close()
	a, err := h.Person(ctx, c.args[0], day)
	if err != nil {
		return err
	}
	id, st := a.ID, a.State
	if c.json {
		return m.writeJSON(history.NewPersonDocument(a))
	}
	fmt.Fprintf(m.Stdout, "%s [%s]", a.Name, id)
	if *at != "" {
		fmt.Fprintf(m.Stdout, " as of %s", day)
	}
	fmt.Fprintln(m.Stdout)
	var names []string
	for _, n := range st.Names {
		names = append(names, n.Value+draftedMark(n.Method))
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
