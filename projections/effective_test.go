package projections_test

import (
	"testing"
	"time"

	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

func TestEffectiveTwoAxes(t *testing.T) {
	t1 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	t2 := t1.Add(48 * time.Hour)
	t3 := t2.Add(48 * time.Hour)
	mk := func(date string, at time.Time, p events.Payload, supersedes ...ulid.ULID) events.Event {
		f := events.Fact{Type: p.EventType(), Entity: "p", Date: events.MustParseDate(date),
			Source: events.Source{Document: "d.txt", Quote: date}, Payload: p, Supersedes: supersedes}
		if len(supersedes) > 0 {
			f.Reason = "a better source"
		}
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(at), ulid.DefaultEntropy()), at)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	founded := mk("1990", t1, events.PartyFounded{Name: "P"})
	wrong := mk("1997", t1, events.PartyDissolved{})
	fixed := mk("1999", t2, events.PartyDissolved{}, wrong.ID)
	retraction := mk("XXXX", t3, events.RecordRetracted{}, fixed.ID)
	evs := []events.Event{founded, wrong, fixed, retraction}
	day, _ := events.ParseDay("1998-06-01")
	tests := []struct {
		knownAt time.Time
		status  projections.State
	}{
		{t1, "dissolved"},               // as first recorded: dissolved 1997
		{t2.Add(time.Second), "active"}, // corrected to 1999
		{t3, projections.StateActive},   // the correction withdrawn: nothing says it dissolved
		{time.Time{}, projections.StateActive},
	}
	for _, tt := range tests {
		st := projections.Party("p", projections.Effective(evs, tt.knownAt), day, nil)
		if stateOf(st.Status) != tt.status {
			t.Errorf("Party(1998-06-01, known at %s).Status = %q, want %q", tt.knownAt, stateOf(st.Status), tt.status)
		}
	}
	if got := len(projections.Effective(evs, t3)); got != 1 {
		t.Errorf("len(Effective(known at t3)) = %d, want 1: the founding (the rest superseded or a retraction)", got)
	}
}
