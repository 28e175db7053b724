package web

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"annals/events"
	"annals/projections"
)

// The geometry of a lineage picture, in SVG user units (CSS pixels at full size).
const (
	nodeW      = 190
	nodeH      = 52
	gapX       = 36
	layerGap   = 140
	margin     = 24
	lineChars  = 24 // characters of a name on one line of a node
	legendRowH = 22
)

// edgeStyle is how one kind of link is drawn: a dash pattern and width as well as a colour, and a word,
// so that no kind is told from another by colour alone.
type edgeStyle struct {
	word  string
	dash  string
	width float64
	color string
}

func styleOf(kind string) edgeStyle {
	switch kind {
	case "merger":
		return edgeStyle{"merger", "", 3.5, "#1f5fa8"}
	case "split":
		return edgeStyle{"split", "10 5", 2, "#a3361f"}
	case "transformation":
		return edgeStyle{"transformation", "1 6", 3, "#2e7d32"}
	default: // a succession: legal, self-declared, unofficial, unspecified
		return edgeStyle{"succession (" + kind + ")", "14 4 3 4", 1.6, "#4a4a4a"}
	}
}

// layout is where the nodes of a lineage go: a layer (row) and a place in it.
type layout struct {
	layer  map[events.EntityID]int
	rows   [][]events.EntityID
	x, y   map[events.EntityID]float64
	width  float64
	height float64
}

// layoutLineage places the nodes in layers, each node below everything it comes from (longest path
// from the sources, links that close a cycle ignored), and orders each layer by the mean place of the
// neighbours in the layers above and below, a few sweeps each way, to keep crossings few.
func layoutLineage(l projections.Lineage) layout {
	ids := make([]events.EntityID, len(l.Nodes))
	for i, n := range l.Nodes {
		ids[i] = n.ID
	}
	out := map[events.EntityID][]events.EntityID{}
	for _, e := range l.Edges {
		if e.From != e.To {
			out[e.From] = append(out[e.From], e.To)
		}
	}
	// Depth-first search in node order: an edge to a node on the stack closes a cycle.
	state := map[events.EntityID]int{} // 0 unseen, 1 on the stack, 2 done
	var order []events.EntityID        // reverse post-order: a topological order of the forward edges
	forward := map[[2]events.EntityID]bool{}
	var visit func(events.EntityID)
	visit = func(n events.EntityID) {
		state[n] = 1
		for _, m := range out[n] {
			switch state[m] {
			case 0:
				forward[[2]events.EntityID{n, m}] = true
				visit(m)
			case 2:
				forward[[2]events.EntityID{n, m}] = true
			}
		}
		state[n] = 2
		order = append(order, n)
	}
	for _, n := range ids {
		if state[n] == 0 {
			visit(n)
		}
	}
	lay := layout{layer: map[events.EntityID]int{}, x: map[events.EntityID]float64{}, y: map[events.EntityID]float64{}}
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		for _, m := range out[n] {
			if forward[[2]events.EntityID{n, m}] && lay.layer[m] < lay.layer[n]+1 {
				lay.layer[m] = lay.layer[n] + 1
			}
		}
	}
	for _, n := range ids {
		k := lay.layer[n]
		for len(lay.rows) <= k {
			lay.rows = append(lay.rows, nil)
		}
		lay.rows[k] = append(lay.rows[k], n)
	}
	neighbours := map[events.EntityID][]events.EntityID{}
	for _, e := range l.Edges {
		if e.From != e.To {
			neighbours[e.From] = append(neighbours[e.From], e.To)
			neighbours[e.To] = append(neighbours[e.To], e.From)
		}
	}
	pos := map[events.EntityID]float64{}
	place := func() {
		for _, row := range lay.rows {
			for i, n := range row {
				pos[n] = float64(i) - float64(len(row)-1)/2
			}
		}
	}
	place()
	sweep := func(k, towards int) {
		row := lay.rows[k]
		bary := map[events.EntityID]float64{}
		for _, n := range row {
			sum, cnt := 0.0, 0
			for _, m := range neighbours[n] {
				if d := lay.layer[m] - k; d != 0 && (d < 0) == (towards < 0) {
					sum += pos[m]
					cnt++
				}
			}
			if cnt > 0 {
				bary[n] = sum / float64(cnt)
			} else {
				bary[n] = pos[n]
			}
		}
		sort.SliceStable(row, func(i, j int) bool { return bary[row[i]] < bary[row[j]] })
		for i, n := range row {
			pos[n] = float64(i) - float64(len(row)-1)/2
		}
	}
	for range 4 {
		for k := 1; k < len(lay.rows); k++ {
			sweep(k, -1)
		}
		for k := len(lay.rows) - 2; k >= 0; k-- {
			sweep(k, 1)
		}
	}
	widest := 0
	for _, row := range lay.rows {
		widest = max(widest, len(row))
	}
	lay.width = float64(widest)*(nodeW+gapX) - gapX + 2*margin
	for k, row := range lay.rows {
		rowW := float64(len(row))*(nodeW+gapX) - gapX
		left := (lay.width - rowW) / 2
		for i, n := range row {
			lay.x[n] = left + float64(i)*(nodeW+gapX)
			lay.y[n] = margin + float64(k)*(nodeH+layerGap)
		}
	}
	lay.height = margin + float64(len(lay.rows))*(nodeH+layerGap) - layerGap + margin
	return lay
}

// lineageSVG draws a lineage as an SVG picture: a box per party linking to its page (href gives the
// address), an arrow per link, styled and labelled by its kind, with its date, and a legend.
func lineageSVG(l projections.Lineage, href func(events.EntityID) string) template.HTML {
	lay := layoutLineage(l)
	names := map[events.EntityID]string{}
	for _, n := range l.Nodes {
		names[n.ID] = n.Name
	}
	renames := map[events.EntityID][]string{}
	type pair struct{ a, b events.EntityID }
	parallel := map[pair]int{}
	for _, e := range l.Edges {
		if e.From == e.To {
			renames[e.From] = append(renames[e.From], "renamed "+e.Label+", "+edgeDate(e))
			continue
		}
		parallel[pair{e.From, e.To}]++
	}
	kinds := []string{"merger", "split", "transformation"}
	seenKind := map[string]bool{}
	for _, e := range l.Edges {
		if e.From != e.To && !seenKind[e.Kind] {
			seenKind[e.Kind] = true
			switch e.Kind {
			case "merger", "split", "transformation":
			default:
				kinds = append(kinds, e.Kind)
			}
		}
	}
	legendH := float64(len(kinds))*legendRowH + 30
	width := max(lay.width, 420)
	shift := (width - lay.width) / 2
	height := lay.height + legendH
	var b strings.Builder
	title := "Lineage of " + names[l.Root]
	fmt.Fprintf(&b, `<svg class="lineage-graph" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="%s" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f">`,
		template.HTMLEscapeString(title), width, height, width, height)
	fmt.Fprintf(&b, `<title>%s</title>`, template.HTMLEscapeString(title))
	b.WriteString(`<defs>`)
	for _, k := range kinds {
		s := styleOf(k)
		fmt.Fprintf(&b, `<marker id="arrow-%s" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="%s"/></marker>`,
			markerID(k), s.color)
	}
	b.WriteString(`</defs>`)
	// Ports: the links leaving a box start spread along its bottom, those reaching a box end spread
	// along its top, each in the order of the box at the other end, so that arrows do not pile up.
	var links []projections.Edge
	for _, e := range l.Edges {
		if e.From != e.To {
			links = append(links, e)
		}
	}
	outs, ins := map[events.EntityID][]int{}, map[events.EntityID][]int{}
	for i, e := range links {
		outs[e.From] = append(outs[e.From], i)
		ins[e.To] = append(ins[e.To], i)
	}
	port := map[[2]int]float64{} // (link, 0 start | 1 end) → x offset from the box's centre
	spread := func(list []int, end int, other func(projections.Edge) events.EntityID) {
		sort.SliceStable(list, func(a, b int) bool { return lay.x[other(links[list[a]])] < lay.x[other(links[list[b]])] })
		step := min(float64(nodeW-40)/float64(max(len(list)-1, 1)), 28)
		for k, i := range list {
			port[[2]int{i, end}] = (float64(k) - float64(len(list)-1)/2) * step
		}
	}
	for _, list := range outs {
		spread(list, 0, func(e projections.Edge) events.EntityID { return e.To })
	}
	for _, list := range ins {
		spread(list, 1, func(e projections.Edge) events.EntityID { return e.From })
	}
	// Edges first, under the boxes.
	done := map[pair]int{}
	var labels strings.Builder
	for i, e := range links {
		p := pair{e.From, e.To}
		n, k := parallel[p], done[p]
		done[p]++
		off := (float64(k) - float64(n-1)/2) * 50
		x1, y1 := lay.x[e.From]+shift+nodeW/2+port[[2]int{i, 0}], lay.y[e.From]+nodeH
		x2, y2 := lay.x[e.To]+shift+nodeW/2+port[[2]int{i, 1}], lay.y[e.To]
		if y2 <= y1 { // a link that closes a cycle: from the side of one box to the side of the other
			x1, y1 = lay.x[e.From]+shift+nodeW, lay.y[e.From]+nodeH/2
			x2, y2 = lay.x[e.To]+shift+nodeW, lay.y[e.To]+nodeH/2
		}
		dy := (y2 - y1) / 2
		c1x, c1y := x1+off, y1+dy
		c2x, c2y := x2+off, y2-dy
		if dy <= 0 {
			c1x, c1y, c2x, c2y = x1+80+off, y1, x2+80+off, y2
		}
		s := styleOf(e.Kind)
		dash := ""
		if s.dash != "" {
			dash = ` stroke-dasharray="` + s.dash + `"`
		}
		date := edgeDate(e)
		if e.Method == events.MethodDrafted {
			date += " (drafted)"
		}
		if e.Disputed {
			date += " ⚠ disputed"
		}
		label := s.word + ", " + date
		fmt.Fprintf(&b, `<path class="edge edge-%s" d="M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="none" stroke="%s" stroke-width="%.1f"%s stroke-linecap="round" marker-end="url(#arrow-%s)"><title>%s</title></path>`,
			markerID(e.Kind), x1, y1, c1x, c1y, c2x, c2y, x2, y2, s.color, s.width, dash, markerID(e.Kind),
			template.HTMLEscapeString(names[e.From]+" → "+names[e.To]+": "+label+" ["+edgeSources(e)+"]"))
		// The label, its kind over its date, sits on the curve where the links fan out most (near
		// the source when several links meet at the target, near the target when several leave the
		// source), parallel links' labels stacked, over a halo so that it reads across lines.
		t := 0.5
		switch in, out := len(ins[e.To]), len(outs[e.From]); {
		case in > out:
			t = 0.3
		case out > in:
			t = 0.7
		}
		u := 1 - t
		mx := u*u*u*x1 + 3*u*u*t*c1x + 3*u*t*t*c2x + t*t*t*x2
		my := u*u*u*y1 + 3*u*u*t*c1y + 3*u*t*t*c2y + t*t*t*y2 + (float64(k)-float64(n-1)/2)*30
		fmt.Fprintf(&labels, `<text class="edge-label" x="%.1f" y="%.1f" text-anchor="middle" font-size="11" fill="%s" stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"><tspan x="%.1f">%s</tspan><tspan x="%.1f" dy="13">%s</tspan></text>`,
			mx, my-2, s.color, mx, template.HTMLEscapeString(s.word), mx, template.HTMLEscapeString(date))
	}
	ids := make([]events.EntityID, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		ids = append(ids, n.ID)
	}
	for _, id := range ids {
		x, y := lay.x[id]+shift, lay.y[id]
		root := id == l.Root
		cls, stroke, sw, fill := "node", "#333", 1.2, "#fff"
		if root {
			cls, stroke, sw, fill = "node node-root", "#000", 3, "#fff7d6"
		}
		full := names[id]
		if full == "" {
			full = string(id)
		}
		lines := wrapName(full, lineChars, 2)
		tip := full
		if root {
			tip += " (the party of this page)"
		}
		for _, r := range renames[id] {
			tip += "; " + r
		}
		fmt.Fprintf(&b, `<a class="%s" href="%s"><title>%s</title><rect x="%.1f" y="%.1f" width="%d" height="%d" rx="8" fill="%s" stroke="%s" stroke-width="%.1f"/>`,
			cls, template.HTMLEscapeString(href(id)), template.HTMLEscapeString(tip), x, y, nodeW, nodeH, fill, stroke, sw)
		ty := y + nodeH/2 + 5 - float64(len(lines)-1)*8
		for i, line := range lines {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="13" fill="#0b3d91" text-decoration="underline">%s</text>`,
				x+nodeW/2, ty+float64(i)*16, langRuns(line, "tspan"))
		}
		b.WriteString(`</a>`)
	}
	b.WriteString(labels.String())
	// The legend: each kind's line and word.
	ly := lay.height + 8
	fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="12" font-weight="bold">Links</text>`, margin, ly+8)
	for i, k := range kinds {
		s := styleOf(k)
		yy := ly + 28 + float64(i)*legendRowH
		dash := ""
		if s.dash != "" {
			dash = ` stroke-dasharray="` + s.dash + `"`
		}
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-width="%.1f"%s stroke-linecap="round" marker-end="url(#arrow-%s)"/>`,
			margin, yy-4, margin+60, yy-4, s.color, s.width, dash, markerID(k))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="12">%s</text>`, margin+72, yy, template.HTMLEscapeString(s.word))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func markerID(kind string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, kind)
}

// wrapName breaks a name into at most n lines of about width characters at spaces, the last line
// cut with "…" when the name is longer.
func wrapName(name string, width, n int) []string {
	words := strings.Fields(name)
	var lines []string
	cur := ""
	for _, w := range words {
		switch {
		case cur == "":
			cur = w
		case len([]rune(cur))+1+len([]rune(w)) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > n {
		lines = append(lines[:n-1], strings.Join(lines[n-1:], " "))
	}
	for i, line := range lines {
		if r := []rune(line); len(r) > width+2 {
			lines[i] = string(r[:width]) + "…"
		}
	}
	return lines
}

// edgeSources names the sources of every claim behind an edge, each document once, with how many of
// its quotes state the link when more than one does.
func edgeSources(e projections.Edge) string {
	var labels []string
	n := map[string]int{}
	for _, c := range edgeClaims(e) {
		l := c.Source.Label()
		if n[l] == 0 {
			labels = append(labels, l)
		}
		n[l]++
	}
	for i, l := range labels {
		if n[l] > 1 {
			labels[i] = fmt.Sprintf("%s, %d quotes", l, n[l])
		}
	}
	return strings.Join(labels, "; ")
}
