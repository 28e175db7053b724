// Package projectionstest holds what the tests of the stores and the recorder need of the fold.
package projectionstest

import (
	"context"
	"sync/atomic"

	"annals/events"
	"annals/projections"
)

// HookedAnswers is the fold's Answerer (projections.StoredAnswers) calling OnFold, when set, before
// each fold: a test counts the folds with it, or stops a build part way (CancelAt).
type HookedAnswers struct {
	projections.StoredAnswers
	OnFold func()
}

// Answers calls OnFold, then folds as projections.StoredAnswers does.
func (h HookedAnswers) Answers(id events.EntityID, kind events.Kind, evs []events.Event, names func(events.EntityID) string) ([]byte, bool) {
	if h.OnFold != nil {
		h.OnFold()
	}
	return h.StoredAnswers.Answers(id, kind, evs, names)
}

// CancelAt returns an OnFold that calls cancel at the nth fold.
func CancelAt(n int64, cancel context.CancelFunc) func() {
	var folds atomic.Int64
	return func() {
		if folds.Add(1) == n {
			cancel()
		}
	}
}
