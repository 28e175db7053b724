package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"annals/events"
	"annals/history"
	"annals/nodeapi/wire"
	"annals/projections"
)

func (m *Main) lineage(c *common) func(ctx context.Context) error {
	c.remote = true
	party := c.fs.String("party", "", "the party: its id, abbreviation or any name the record holds (required)")
	format := c.fs.String("format", "text", "text, dot or mermaid")
	return func(ctx context.Context) error {
		if *party == "" {
			c.fs.Usage()
			return usageError{Msg: "lineage needs --party P"}
		}
		switch *format {
		case "text", "dot", "mermaid":
		default:
			return usageError{Msg: fmt.Sprintf("--format %q: want text, dot or mermaid", *format)}
		}
		var l projections.Lineage
		raw, err := c.answer(ctx, "lineage", wire.LineageRequest{Party: *party, ReadOptions: c.readOptions()}, &l,
			func(h *history.Historian) (err error) { l, err = h.Lineage(ctx, *party); return err })
		if err != nil {
			return err
		}
		if c.json {
			return m.writeDocument(raw, l)
		}
		switch *format {
		case "dot":
			writeDot(m.Stdout, l)
		case "mermaid":
			writeMermaid(m.Stdout, l)
		default:
			writeTree(m.Stdout, l)
		}
		return nil
	}
}

func edgeLabel(e projections.Edge) string {
	s := e.Kind
	if e.Label != "" {
		s += " to " + e.Label
	}
	if e.Date != "XXXX" {
		s += ", " + e.Date
	} else {
		s += ", undated"
	}
	return s + draftedMark(e.Method)
}

// edgeSources names every source of an edge (each once), the one that dates it first; a disputed
// edge says so.
func edgeSources(e projections.Edge) string {
	labels := []string{e.Source.Label()}
	for _, c := range e.Claims {
		if l := c.Source.Label(); !slices.Contains(labels, l) {
			labels = append(labels, l)
		}
	}
	s := strings.Join(labels, ", ")
	if e.Disputed {
		s += "; disputed"
	}
	return s
}

// writeTree draws the lineage from its roots (entities nothing leads to) down; an entity reached
// again is named with "(see above)".
func writeTree(w io.Writer, l projections.Lineage) {
	names := map[events.EntityID]string{}
	for _, n := range l.Nodes {
		names[n.ID] = n.Name
	}
	out := map[events.EntityID][]projections.Edge{}
	in := map[events.EntityID]bool{}
	for _, e := range l.Edges {
		out[e.From] = append(out[e.From], e)
		if e.From != e.To {
			in[e.To] = true
		}
	}
	fmt.Fprintf(w, "Lineage of %s [%s]: %d entities, %d links\n", names[l.Root], l.Root, len(l.Nodes), len(l.Edges))
	printed := map[events.EntityID]bool{}
	var walk func(id events.EntityID, prefix string)
	walk = func(id events.EntityID, prefix string) {
		printed[id] = true
		edges := out[id]
		for i, e := range edges {
			branch, next := "├─ ", "│  "
			if i == len(edges)-1 {
				branch, next = "└─ ", "   "
			}
			target := names[e.To]
			if e.To == l.Root {
				target += " *"
			}
			again := printed[e.To] || e.To == id
			if again && e.To != id {
				target += " (see above)"
			}
			fmt.Fprintf(w, "%s%s%s → %s  [%s]\n", prefix, branch, edgeLabel(e), target, edgeSources(e))
			if !again {
				walk(e.To, prefix+next)
			}
		}
	}
	for _, n := range l.Nodes {
		if !in[n.ID] && !printed[n.ID] {
			root := n.Name
			if n.ID == l.Root {
				root += " *"
			}
			fmt.Fprintf(w, "\n%s\n", root)
			walk(n.ID, "")
		}
	}
	for _, n := range l.Nodes { // a cycle has no root: start anywhere left
		if !printed[n.ID] {
			fmt.Fprintf(w, "\n%s\n", n.Name)
			walk(n.ID, "")
		}
	}
	fmt.Fprintln(w, "\n* the party asked about")
}

func quoteDot(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func writeDot(w io.Writer, l projections.Lineage) {
	fmt.Fprintln(w, "digraph lineage {")
	fmt.Fprintln(w, "  rankdir=LR;")
	fmt.Fprintln(w, "  node [shape=box];")
	for _, n := range l.Nodes {
		attrs := ""
		if n.ID == l.Root {
			attrs = ", style=bold"
		}
		fmt.Fprintf(w, "  %s [label=%s%s];\n", quoteDot(string(n.ID)), quoteDot(n.Name), attrs)
	}
	for _, e := range l.Edges {
		fmt.Fprintf(w, "  %s -> %s [label=%s];\n", quoteDot(string(e.From)), quoteDot(string(e.To)), quoteDot(edgeLabel(e)))
	}
	fmt.Fprintln(w, "}")
}

func mermaidID(id events.EntityID) string { return strings.ReplaceAll(string(id), "-", "_") }

func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "|", "#124;").Replace(s)
}

func writeMermaid(w io.Writer, l projections.Lineage) {
	fmt.Fprintln(w, "graph TD")
	for _, n := range l.Nodes {
		fmt.Fprintf(w, "  %s[\"%s\"]\n", mermaidID(n.ID), mermaidText(n.Name))
	}
	for _, e := range l.Edges {
		fmt.Fprintf(w, "  %s -->|\"%s\"| %s\n", mermaidID(e.From), mermaidText(edgeLabel(e)), mermaidID(e.To))
	}
	fmt.Fprintf(w, "  style %s stroke-width:3px\n", mermaidID(l.Root))
}
