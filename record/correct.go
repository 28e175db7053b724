package record

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// Correction is a correction of events as a person states it: the events it supersedes (the first
// gives the type, entity, date and payload of the corrected fact), why, on what source, and what
// changes. The zero Date keeps the first event's date; Payload, when set, replaces the whole payload,
// else each field of Set is set to its JSON value.
type Correction struct {
	Supersedes []ulid.ULID
	Reason     string
	Source     events.Source
	Date       *events.Date
	Set        map[string]json.RawMessage
	Payload    json.RawMessage
}

// Correct records a correction: a new fact, of the type and about the entity of the first event c
// supersedes, with its date and payload changed as c says, that supersedes every event of c. It
// catches the store up first. It returns the id of the correction's event: a retry of a correction
// the record already holds (the same fact) returns the id recorded then, with Result.Known set.
// An event the store does not hold is an error wrapping events.ErrNotFound; an empty reason, a bad
// field or payload an error wrapping events.ErrInvalid; a correction of an event another correction
// already superseded is refused, and a conflict with another writer is not retried (the race may have
// been another correction of the same event, which the writer must see first): events.ErrConflict.
func (r *Recorder) Correct(ctx context.Context, c Correction) (ulid.ULID, Result, error) {
	first, err := r.target(ctx, c.Supersedes, c.Reason)
	if err != nil {
		return ulid.ULID{}, Result{}, fmt.Errorf("correct: %w", err)
	}
	f := first.Fact
	f.Supersedes, f.Reason, f.Source, f.Note = c.Supersedes, c.Reason, c.Source, ""
	f.Method, f.Rule = "", "" // a person's correction, even of a drafted fact
	if c.Date != nil {
		f.Date = *c.Date
	}
	if f.Payload, err = EditPayload(f.Type, f.Payload, c.Set, c.Payload); err != nil {
		return ulid.ULID{}, Result{}, fmt.Errorf("correct: %w", err)
	}
	return r.recordCorrection(ctx, f)
}

// Retract records a retraction (record.retracted/v1): it withdraws events without replacing them,
// with a reason and a source, superseding every event of ids. It is refused and retried as Correct is,
// and returns the id of the retraction's event.
func (r *Recorder) Retract(ctx context.Context, ids []ulid.ULID, reason string, src events.Source) (ulid.ULID, Result, error) {
	first, err := r.target(ctx, ids, reason)
	if err != nil {
		return ulid.ULID{}, Result{}, fmt.Errorf("retract: %w", err)
	}
	f := events.Fact{Type: events.TypeRecordRetracted, Entity: first.Entity, Date: events.MustParseDate("XXXX"),
		Source: src, Payload: events.RecordRetracted{}, Supersedes: ids, Reason: reason}
	return r.recordCorrection(ctx, f)
}

// target catches the store up with the log and returns the first event a correction or retraction
// supersedes.
func (r *Recorder) target(ctx context.Context, ids []ulid.ULID, reason string) (events.Event, error) {
	if len(ids) == 0 {
		return events.Event{}, fmt.Errorf("no event to supersede: %w", events.ErrInvalid)
	}
	if strings.TrimSpace(reason) == "" {
		return events.Event{}, fmt.Errorf("no reason given: %w", events.ErrInvalid)
	}
	if _, err := r.CatchUp(ctx); err != nil {
		return events.Event{}, err
	}
	first, err := r.Store.Event(ctx, ids[0])
	if err != nil {
		return events.Event{}, err
	}
	return first.Event, nil
}

// recordCorrection records a correction or retraction, without retrying a conflict, and returns the
// id of its event: the one recorded now, or by an earlier attempt of the same fact.
func (r *Recorder) recordCorrection(ctx context.Context, f events.Fact) (ulid.ULID, Result, error) {
	rc := *r
	rc.Retries = -1
	res, err := rc.Record(ctx, []events.Fact{f})
	if err != nil {
		return ulid.ULID{}, res, err
	}
	ids, err := rc.EventIDs(ctx, []events.Fact{f})
	if err != nil {
		return ulid.ULID{}, res, err
	}
	if ids[0] == (ulid.ULID{}) {
		return ulid.ULID{}, res, fmt.Errorf("the %s was acknowledged but is not in the store", f.Type)
	}
	return ids[0], res, nil
}

// EditPayload returns a payload of type t edited: whole, when not empty, is the new payload's JSON;
// otherwise each field of set is given its JSON value in p's JSON. The result is decoded and checked
// as any payload (events.DecodePayload): a bad one is an error wrapping events.ErrInvalid.
func EditPayload(t events.Type, p events.Payload, set map[string]json.RawMessage, whole json.RawMessage) (events.Payload, error) {
	if len(whole) > 0 {
		return events.DecodePayload(t, whole)
	}
	if len(set) == 0 {
		return p, nil
	}
	data, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	fields := map[string]json.RawMessage{}
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, err
	}
	for key, value := range set {
		if key == "" || !json.Valid(value) {
			return nil, fmt.Errorf("payload field %s: want a name and a JSON value: %w", events.Excerpt(key, events.DefaultExcerpt), events.ErrInvalid)
		}
		fields[key] = value
	}
	edited, _ := json.Marshal(fields)
	return events.DecodePayload(t, edited)
}

// AppendRetries returns the Retries for recording facts a person appends: 0 (DefaultRetries) for new
// facts, which are retried after a conflict with another writer; -1 when any of them is a correction,
// which is not (the race may have been another correction of the same event, which the writer must
// see first).
func AppendRetries(facts []events.Fact) int {
	for _, f := range facts {
		if f.IsCorrection() {
			return -1
		}
	}
	return 0
}
