package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"annals/events"
	"annals/history"
)

type sourcePage struct {
	Document string
	Title    string
	Text     template.HTML // the document as the record holds it, quotes marked; empty when it holds none
	Facts    []sourceFact
	Current  string // the event whose quote stands out
	Missing  int    // facts whose quote the text does not hold
}

type sourceFact struct {
	EventID string
	Line    int
	Summary string
	Href    string // the entity the fact is about
	Quote   string
	Anchor  string // the quote's id in the page
	Found   bool
}

// source serves a document the record holds, byte for byte, with the quote of every fact drawn from it
// marked and the quote of ?hl=<event id> standing out; each quote has the id q-<event id>.
func (h *Handler) source(w http.ResponseWriter, r *http.Request) {
	rq := h.request(r)
	ctx := r.Context()
	name := r.PathValue("doc")
	ans, err := rq.historian.Sources(ctx, name)
	if err != nil {
		h.fail(w, r, rq, "source", err)
		return
	}
	text, err := rq.historian.DocumentText(ctx, name)
	var nf *history.DocumentNotFoundError
	if err != nil && !errors.As(err, &nf) { // a document Sources found whose text is not held: its quotes alone
		h.fail(w, r, rq, "source", err)
		return
	}
	p := &sourcePage{Document: name, Title: ans.Title, Current: r.URL.Query().Get("hl")}
	var quotes []quoteSpan
	folded, origin := foldWithOrigin(text)
	for _, f := range ans.Facts {
		sf := sourceFact{EventID: f.EventID.String(), Line: f.Line, Summary: f.Summary, Quote: events.FoldSpace(f.Source.Quote),
			Href: rq.link("/party/" + url.PathEscape(string(f.Entity))), Anchor: "q-" + f.EventID.String()}
		if text != "" {
			if i := events.QuoteIndex(folded, f.Source.Quote); i >= 0 {
				end := i + len(events.FoldSpace(f.Source.Quote))
				quotes = append(quotes, quoteSpan{start: origin[i], end: origin[end-1] + 1, id: f.EventID.String()})
				sf.Found = true
			} else {
				p.Missing++
			}
		}
		p.Facts = append(p.Facts, sf)
	}
	if text != "" {
		p.Text = markQuotes(text, quotes, p.Current)
	}
	h.render(w, r, http.StatusOK, "source", p, rq, hidden{"hl", p.Current})
}

// foldWithOrigin folds white space as events.FoldSpace does and returns, for each byte of the folded
// text, the offset of the byte of s it comes from, so that a quote found in the folded text can be
// marked in s as written.
func foldWithOrigin(s string) (string, []int) {
	var b strings.Builder
	origin := make([]int, 0, len(s))
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			origin = append(origin, i-1)
		}
		space = false
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		b.WriteString(s[i : i+n])
		for k := range n {
			origin = append(origin, i+k)
		}
	}
	return b.String(), origin
}

type quoteSpan struct {
	start, end int
	id         string
}

// markQuotes escapes text and marks every quote with <mark>, the quote of the event current with
// class "current"; an anchor with id q-<event id> starts each quote. Quotes may overlap: the text is cut
// at every start and end, and each piece is marked when some quote covers it.
func markQuotes(text string, quotes []quoteSpan, current string) template.HTML {
	cuts := map[int]bool{0: true, len(text): true}
	for _, q := range quotes {
		cuts[q.start], cuts[q.end] = true, true
	}
	var at []int
	for c := range cuts {
		at = append(at, c)
	}
	sort.Ints(at)
	starts := map[int][]string{}
	for _, q := range quotes {
		starts[q.start] = append(starts[q.start], q.id)
	}
	var b strings.Builder
	for k := 0; k+1 < len(at); k++ {
		lo, hi := at[k], at[k+1]
		for _, id := range starts[lo] {
			cls := "anchor"
			if id == current {
				cls += " anchor-current"
			}
			b.WriteString(`<span class="` + cls + `" id="q-` + template.HTMLEscapeString(id) + `"></span>`)
		}
		covered, isCurrent := false, false
		for _, q := range quotes {
			if q.start <= lo && hi <= q.end {
				covered = true
				if q.id == current {
					isCurrent = true
				}
			}
		}
		piece := langRuns(text[lo:hi], "span")
		switch {
		case isCurrent:
			b.WriteString(`<mark class="quote current">` + piece + `</mark>`)
		case covered:
			b.WriteString(`<mark class="quote">` + piece + `</mark>`)
		default:
			b.WriteString(piece)
		}
	}
	return template.HTML(b.String())
}
