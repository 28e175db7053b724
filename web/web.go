package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"annals/events"
	"annals/history"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options choose how the pages answer.
type Options struct {
	// CuratedOnly leaves out the facts a rule drafted and no person reviewed, on every page.
	CuratedOnly bool
	// Workers is how many goroutines fold the parties of a day (history.Options.Workers); 0: every core.
	Workers int
	// PageSize is how many parties the day page shows at once; 0: DefaultPageSize.
	PageSize int
	// Logger receives the errors the pages cannot show as an answer (a store that fails); nil: slog.Default().
	Logger *slog.Logger
}

// Handler serves the pages. Build it with New; it is safe for concurrent use.
type Handler struct {
	store events.Reader
	opts  Options
	log   *slog.Logger
	pages map[string]*template.Template
	mux   *http.ServeMux
	cache yearsCache
	days  dayCache
}

var _ http.Handler = (*Handler)(nil)

// New returns the pages over store, to be mounted at "/":
//
//	GET /                     the parties on a day (?at=YYYY-MM-DD, or ?year=YYYY&md=MM-DD)
//	GET /party/{id}           a party: names, state on a day (?at=), lineage, timeline, disputes, corrections
//	GET /party/{id}/lineage.svg  the lineage picture alone
//	GET /person/{id}          a person's roles over time, with sources
//	GET /source/{doc}         a source document, its quotes marked (?hl=event id: that quote stands out)
//	GET /search?q=            resolves a name as query --party does; did you mean when it cannot
//	GET /static/...           style and script
//
// Every page takes ?known=YYYY-MM-DD or an RFC 3339 time: the record as it stood then.
// It panics if the embedded templates do not parse, which a test of the package catches.
func New(store events.Reader, opts Options) *Handler {
	h := &Handler{store: store, opts: opts, log: opts.Logger, pages: parsePages(), mux: http.NewServeMux()}
	if h.log == nil {
		h.log = slog.Default()
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	h.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	h.mux.HandleFunc("GET /{$}", h.day)
	h.mux.HandleFunc("GET /party/{id}", h.party)
	h.mux.HandleFunc("GET /party/{id}/lineage.svg", h.lineageSVG)
	h.mux.HandleFunc("GET /person/{id}", h.person)
	h.mux.HandleFunc("GET /source/{doc}", h.source)
	h.mux.HandleFunc("GET /search", h.search)
	h.mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		h.render(w, r, http.StatusNotFound, "error", &errorPage{Message: "There is no page at " + r.URL.Path + "."}, nil)
	})
	return h
}

// ServeHTTP serves a page.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// request is what every page takes from the query string: the record it is about.
type request struct {
	known     string    // the known parameter as given, "" for now
	knownAt   time.Time // zero: now
	knownErr  string    // why known could not be read
	historian *history.Historian
}

func (h *Handler) request(r *http.Request) *request {
	rq := &request{}
	if k := strings.TrimSpace(r.URL.Query().Get("known")); k != "" {
		t, err := events.ParseRecorded(k)
		if err != nil {
			rq.knownErr = fmt.Sprintf("“as recorded on” %q is not a day (YYYY-MM-DD) or a time (RFC 3339); showing the record as it is now.", k)
		} else {
			rq.known, rq.knownAt = k, t
		}
	}
	rq.historian = history.New(h.store, history.Options{KnownAt: rq.knownAt, CuratedOnly: h.opts.CuratedOnly, Workers: h.opts.Workers})
	return rq
}

// link returns path with the query parameters given (pairs of name and value, empty values left out)
// and the known parameter of the request.
func (rq *request) link(path string, kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			v.Set(kv[i], kv[i+1])
		}
	}
	if rq.known != "" {
		v.Set("known", rq.known)
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// page is what the layout shows around every page.
type page struct {
	Title   string
	Path    string   // the page's path, where the "as recorded on" form goes
	Keep    []hidden // the page's own parameters, kept when "as recorded on" changes
	Known   string
	Notice  string
	Query   string // the search box
	Content any
	rq      *request
}

type hidden struct{ Name, Value string }

// Home links to the day page, keeping "as recorded on".
func (p *page) Home() string { return p.rq.link("/") }

// NowHref links to this page as the record stands now.
func (p *page) NowHref() string {
	var kv []string
	for _, k := range p.Keep {
		kv = append(kv, k.Name, k.Value)
	}
	return (&request{}).link(p.Path, kv...)
}

// PageTitle names the page.
func (p *dayPage) PageTitle() string { return "The parties on " + p.Day }

// PageTitle names the page.
func (p *partyPage) PageTitle() string { return p.Name }

// PageTitle names the page.
func (p *personPage) PageTitle() string { return p.Name }

// PageTitle names the page.
func (p *sourcePage) PageTitle() string { return p.Document }

// PageTitle names the page.
func (p *errorPage) PageTitle() string {
	if len(p.Candidates) > 0 {
		return "Did you mean"
	}
	return "Not found"
}

type errorPage struct {
	Message    string
	Candidates []candidate
	Query      string
}

type candidate struct {
	Name  string
	Names []string
	Href  string
	Kind  string
}

// render writes a page with the layout; keep names the page's parameters the known-at form keeps.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, content any, rq *request, keep ...hidden) {
	if rq == nil {
		rq = h.request(r)
	}
	title := "annals"
	if t, ok := content.(interface{ PageTitle() string }); ok {
		title = t.PageTitle() + " · annals"
	}
	p := &page{Title: title, Path: r.URL.Path, Keep: keep, Known: rq.known, Notice: rq.knownErr, Query: r.URL.Query().Get("q"), Content: content, rq: rq}
	var b strings.Builder
	if err := h.pages[name].ExecuteTemplate(&b, "layout", p); err != nil {
		h.log.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(b.String()))
}

// fail renders an error of history: a name no entity has, or several have, as a page of candidates;
// anything else as a server error, logged.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, rq *request, what string, err error) {
	var nf *history.NotFoundError
	var amb *history.AmbiguousError
	var doc *history.DocumentNotFoundError
	switch {
	case errors.As(err, &nf):
		msg := fmt.Sprintf("No %s is known as “%s”.", kindWord(nf.Kind), nf.Query)
		if !nf.Close {
			msg += " Nothing the record holds comes close."
		}
		h.render(w, r, http.StatusNotFound, "error", &errorPage{Message: msg, Query: nf.Query, Candidates: h.candidates(rq, nf.Candidates, nf.Close)}, rq)
	case errors.As(err, &amb):
		msg := fmt.Sprintf("“%s” names %d entities.", amb.Query, amb.Total)
		h.render(w, r, http.StatusMultipleChoices, "error", &errorPage{Message: msg, Query: amb.Query, Candidates: h.candidates(rq, amb.Candidates, true)}, rq)
	case errors.As(err, &doc):
		h.render(w, r, http.StatusNotFound, "error", &errorPage{Message: fmt.Sprintf("The record holds no document %s.", doc.Name)}, rq)
	case errors.Is(err, context.Canceled):
	default:
		h.log.Error("answer page", "page", what, "path", r.URL.Path, "err", err)
		h.render(w, r, http.StatusInternalServerError, "error", &errorPage{Message: "The record could not be read: " + err.Error()}, rq)
	}
}

func (h *Handler) candidates(rq *request, list []events.EntitySummary, close bool) []candidate {
	if !close {
		return nil
	}
	var out []candidate
	for _, e := range list {
		c := candidate{Href: entityHref(rq, e), Kind: string(e.Kind), Name: string(e.ID)}
		if len(e.Names) > 0 {
			c.Name = e.Names[0]
			c.Names = e.Names[1:]
		}
		out = append(out, c)
	}
	return out
}

func entityHref(rq *request, e events.EntitySummary) string {
	if e.Kind == events.KindPerson {
		return rq.link("/person/" + url.PathEscape(string(e.ID)))
	}
	return rq.link("/party/" + url.PathEscape(string(e.ID)))
}

func kindWord(k events.Kind) string {
	switch k {
	case "":
		return "party or person"
	case events.KindOrganisation:
		return "party or organisation"
	}
	return string(k)
}
