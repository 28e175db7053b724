package node

import (
	"context"
	"fmt"
	"strings"

	"annals/events"
	"annals/history"

	"github.com/oklog/ulid/v2"
)

// The questions below answer with the documents of package history, as `query --json` prints them.
// A required field left empty or a malformed date is an error wrapping events.ErrInvalid; the errors
// of history (a name that means no party or several, with the candidates) are returned as they are.

// State answers `query state --at AT [--party P]`; a request with During is refused (see During).
func (n *Node) State(ctx context.Context, r StateRequest) (history.StateDocument, error) {
	if r.At == "" || r.During != "" {
		return history.StateDocument{}, fmt.Errorf("give at or during, one of them: %w", events.ErrInvalid)
	}
	day, err := events.ParseDay(r.At)
	if err != nil {
		return history.StateDocument{}, badRequest("at", err)
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.StateDocument{}, err
	}
	states, err := h.State(ctx, day, r.Party)
	if err != nil {
		return history.StateDocument{}, err
	}
	return history.NewStateDocument(day, states), nil
}

// During answers `query state --during PERIOD [--party P]`; a request with At is refused.
func (n *Node) During(ctx context.Context, r StateRequest) (history.DuringDocument, error) {
	if r.During == "" || r.At != "" {
		return history.DuringDocument{}, fmt.Errorf("give at or during, one of them: %w", events.ErrInvalid)
	}
	period, err := events.ParseDate(r.During)
	if err != nil {
		return history.DuringDocument{}, badRequest("during", err)
	}
	if period.Unknown() {
		return history.DuringDocument{}, fmt.Errorf("during %s says nothing of when: %w", events.Excerpt(r.During, events.DefaultExcerpt), events.ErrInvalid)
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.DuringDocument{}, err
	}
	states, err := h.During(ctx, period, r.Party)
	if err != nil {
		return history.DuringDocument{}, err
	}
	return history.NewDuringDocument(period, states), nil
}

// Party answers `query party P [--at AT]`.
func (n *Node) Party(ctx context.Context, r PartyRequest) (history.PartyDocument, error) {
	if r.Party == "" {
		return history.PartyDocument{}, missing("party")
	}
	day, err := optionalDay("at", r.At)
	if err != nil {
		return history.PartyDocument{}, err
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.PartyDocument{}, err
	}
	a, err := h.Party(ctx, r.Party, day)
	if err != nil {
		return history.PartyDocument{}, err
	}
	return history.NewPartyDocument(a, day, r.At != ""), nil
}

// Timeline answers `query timeline --party P`.
func (n *Node) Timeline(ctx context.Context, r TimelineRequest) (history.TimelineDocument, error) {
	if r.Party == "" {
		return history.TimelineDocument{}, missing("party")
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.TimelineDocument{}, err
	}
	a, err := h.Timeline(ctx, r.Party)
	if err != nil {
		return history.TimelineDocument{}, err
	}
	return history.NewTimelineDocument(a), nil
}

// Lineage answers `query lineage --party P --json`.
func (n *Node) Lineage(ctx context.Context, r LineageRequest) (history.LineageDocument, error) {
	if r.Party == "" {
		return history.LineageDocument{}, missing("party")
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.LineageDocument{}, err
	}
	return h.Lineage(ctx, r.Party)
}

// Person answers `query person NAME [--at AT]`.
func (n *Node) Person(ctx context.Context, r PersonRequest) (history.PersonDocument, error) {
	if r.Name == "" {
		return history.PersonDocument{}, missing("name")
	}
	day, err := optionalDay("at", r.At)
	if err != nil {
		return history.PersonDocument{}, err
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.PersonDocument{}, err
	}
	a, err := h.Person(ctx, r.Name, day)
	if err != nil {
		return history.PersonDocument{}, err
	}
	return history.NewPersonDocument(a), nil
}

// Events answers `query events` with its filters.
func (n *Node) Events(ctx context.Context, r EventsRequest) (history.EventsDocument, error) {
	q := history.EventsQuery{Entity: r.Party, Type: r.Type, Source: r.Source, From: events.MinDay, To: events.MaxDay}
	if r.From != "" {
		d, err := events.ParseDate(r.From)
		if err != nil {
			return history.EventsDocument{}, badRequest("from", err)
		}
		q.From, q.Dated = d.Earliest(), true
	}
	if r.To != "" {
		d, err := events.ParseDate(r.To)
		if err != nil {
			return history.EventsDocument{}, badRequest("to", err)
		}
		q.To, q.Dated = d.Latest(), true
	}
	if q.From > q.To {
		return history.EventsDocument{}, fmt.Errorf("from %s is after to %s: %w", r.From, r.To, events.ErrInvalid)
	}
	if r.Type != "" && !knownTypePrefix(r.Type) {
		return history.EventsDocument{}, fmt.Errorf("type %s matches no event type: %w", events.Excerpt(r.Type, events.DefaultExcerpt), events.ErrInvalid)
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.EventsDocument{}, err
	}
	found, err := h.Events(ctx, q)
	if err != nil {
		return history.EventsDocument{}, err
	}
	return history.NewEventsDocument(found)
}

// Sources answers `query sources DOC`.
func (n *Node) Sources(ctx context.Context, r SourcesRequest) (history.SourcesDocument, error) {
	if r.Document == "" {
		return history.SourcesDocument{}, missing("document")
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.SourcesDocument{}, err
	}
	a, err := h.Sources(ctx, r.Document)
	if err != nil {
		return history.SourcesDocument{}, err
	}
	return history.NewSourcesDocument(r.Document, a), nil
}

// History answers `query history EVENT-ID` or `query history --party P`.
func (n *Node) History(ctx context.Context, r HistoryRequest) (history.HistoryDocument, error) {
	if (r.Event == "") == (r.Party == "") {
		return history.HistoryDocument{}, fmt.Errorf("give event or party, one of them: %w", events.ErrInvalid)
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.HistoryDocument{}, err
	}
	if r.Party != "" {
		a, err := h.History(ctx, r.Party)
		if err != nil {
			return history.HistoryDocument{}, err
		}
		return history.NewHistoryDocument(a.ID, a.Name, a.Chains), nil
	}
	id, err := parseID(r.Event)
	if err != nil {
		return history.HistoryDocument{}, badRequest("event", err)
	}
	chain, err := h.Chain(ctx, id)
	if err != nil {
		return history.HistoryDocument{}, err
	}
	return history.NewHistoryDocument("", "", []history.Chain{chain}), nil
}

// Diff answers `query diff --from FROM --to TO [--party P]`.
func (n *Node) Diff(ctx context.Context, r DiffRequest) (history.DiffDocument, error) {
	if r.From == "" || r.To == "" {
		return history.DiffDocument{}, missing("from and to")
	}
	from, err := events.ParseDay(r.From)
	if err != nil {
		return history.DiffDocument{}, badRequest("from", err)
	}
	to, err := events.ParseDay(r.To)
	if err != nil {
		return history.DiffDocument{}, badRequest("to", err)
	}
	if from > to {
		return history.DiffDocument{}, fmt.Errorf("from %s is after to %s: %w", from, to, events.ErrInvalid)
	}
	h, err := n.historian(ctx, r.ReadOptions)
	if err != nil {
		return history.DiffDocument{}, err
	}
	all, err := h.Diff(ctx, from, to, r.Party)
	if err != nil {
		return history.DiffDocument{}, err
	}
	return history.NewDiffDocument(from, to, all), nil
}

// optionalDay parses an optional day: events.MaxDay (everything) when empty.
func optionalDay(field, s string) (events.Day, error) {
	if s == "" {
		return events.MaxDay, nil
	}
	day, err := events.ParseDay(s)
	if err != nil {
		return 0, badRequest(field, err)
	}
	return day, nil
}

func parseID(s string) (ulid.ULID, error) {
	id, err := ulid.ParseStrict(s)
	if err != nil {
		return ulid.ULID{}, fmt.Errorf("%s is not an event id (a ULID): %v: %w", events.Excerpt(s, events.DefaultExcerpt), err, events.ErrInvalid)
	}
	return id, nil
}

func knownTypePrefix(prefix string) bool {
	for _, t := range events.Types() {
		if strings.HasPrefix(string(t), prefix) {
			return true
		}
	}
	return false
}
