package record

import (
	"context"
	"sync"

	"annals/events"
)

// applier applies the events read from the log to a store in batches, in a goroutine of its own, so
// that the next batch is read and decoded while the last one is written. Batches are applied one at a
// time and in order, each in one transaction with its last sequence, so a crash leaves the store at
// the end of a batch, as applying them in line would. At most three batches are held: the one being
// filled, one waiting and one being applied.
type applier struct {
	store   events.Store
	size    int
	applied func(batch []events.Stored, res events.ApplyResult) // called after each batch, in order

	batch  []events.Stored
	work   chan []events.Stored
	free   chan []events.Stored
	failed chan struct{} // closed when an Apply fails; err says why
	done   chan struct{}
	once   sync.Once
	err    error
}

// newApplier starts an applier of batches of size events, whose goroutine applies them under ctx.
// applied runs in the applier's goroutine.
func newApplier(ctx context.Context, store events.Store, size int, applied func([]events.Stored, events.ApplyResult)) *applier {
	a := &applier{store: store, size: size, applied: applied,
		batch: make([]events.Stored, 0, size), work: make(chan []events.Stored, 1), free: make(chan []events.Stored, 2),
		failed: make(chan struct{}), done: make(chan struct{})}
	go a.run(ctx)
	return a
}

func (a *applier) run(ctx context.Context) {
	defer close(a.done)
	for batch := range a.work {
		if a.err != nil {
			continue // drain: the reader stops at its next add
		}
		res, err := a.store.Apply(ctx, batch)
		if err != nil {
			a.err = err
			close(a.failed)
			continue
		}
		if a.applied != nil {
			a.applied(batch, res)
		}
		clear(batch) // a recycled batch holds no events: the ones applied can be collected
		select {
		case a.free <- batch[:0]:
		default:
		}
	}
}

// add queues one event. It returns the error of a failed Apply, after which nothing more is applied.
func (a *applier) add(st events.Stored) error {
	select {
	case <-a.failed:
		return a.err
	default:
	}
	a.batch = append(a.batch, st)
	if len(a.batch) < a.size {
		return nil
	}
	return a.send()
}

func (a *applier) send() error {
	if len(a.batch) == 0 {
		return nil
	}
	select {
	case a.work <- a.batch:
	case <-a.failed:
		return a.err
	}
	select {
	case a.batch = <-a.free:
	default:
		a.batch = make([]events.Stored, 0, a.size)
	}
	return nil
}

// close applies what is queued, waits for it, and returns the first error of any Apply. Every batch
// queued before the error was applied; none after it.
func (a *applier) close() error {
	err := a.send()
	a.once.Do(func() { close(a.work) })
	<-a.done
	if a.err != nil {
		return a.err
	}
	return err
}
