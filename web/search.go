package web

import (
	"net/http"
	"strings"

	"annals/events"
)

// search resolves ?q= as query --party and query person do (an id, an abbreviation or any name the
// record holds, misspellings a source uses and names in every script included): one entity redirects
// to its page; none or several give a page of the candidates ("did you mean").
func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	rq := h.request(r)
	ctx := r.Context()
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		h.render(w, r, http.StatusOK, "error", &errorPage{Message: "Type a party's or a person's name, abbreviation or id."}, rq)
		return
	}
	id, err := rq.historian.Resolve(ctx, q, events.KindParty, events.KindOrganisation, events.KindPerson)
	if err != nil {
		h.fail(w, r, rq, "search", err)
		return
	}
	e, ok, err := rq.historian.Entity(ctx, id)
	if err != nil {
		h.fail(w, r, rq, "search", err)
		return
	}
	if !ok {
		e = events.EntitySummary{ID: id, Kind: events.KindParty}
	}
	http.Redirect(w, r, entityHref(rq, e), http.StatusSeeOther)
}
