package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"annals/events"

	bolt "go.etcd.io/bbolt"
)

// Stored answers (events.Answerer). A store opened with Options.Answers keeps, for each entity the
// Answerer keeps answers for, what it returns, so that a reader answers without folding:
//
//	answers: entity → since (8 bytes: the recorded time, Unix nanoseconds, after which they hold),
//	         a flag (1 byte: 0 answers follow, 1 the Answerer keeps none for this entity: fold it),
//	         the Answerer's bytes
//	meta:    "answers" → the version of the Answerer that built them
//	meta:    "answers_complete" → present while every entity of a kind the Answerer keeps has its
//	         entry: the store was created with the Answerer and no writer without it has written
//
// They are rebuilt in the transaction that applies the events they rest on: Apply rebuilds the answers
// of every entity whose events it adds to (the subject of an event, the entities it involves, the
// entity of an event a correction or retraction supersedes), and of every entity whose events name an
// entity first named in the batch (the names answers show are kept, not resolved when read: an
// entity's display name, its first name, changes once, when it is first named). A store written
// without an Answerer deletes the answers of those entities instead, so answers are never stale:
// an entity without answers is folded by the reader. Opening a store for writing with an Answerer of
// another version than its answers' drops them all; `recorder replay` builds them anew.
//
// A replay defers them (DeferAnswers): its batches delete the answers they touch, as a writer without
// the Answerer does, and BuildAnswers then builds every missing entry at once, each entity folded once
// however many batches its events came in, and marks them complete. Every entry written, by Apply or
// by a build, is the fold of the events the store holds when it is written, so a build interrupted
// anywhere leaves sound answers that are not vouched for, and the next build writes only the missing.
//
// since is the latest recorded time of the entity's events and of the events that first gave the
// names the answers show (entityRecord.NamedAt): an answer "as known at" an earlier time may differ,
// and the reader folds then.

var (
	bucketAnswers      = []byte("answers")
	keyAnswersVersion  = []byte("answers")
	keyAnswersComplete = []byte("answers_complete")
)

const (
	answersKept = 0
	answersNone = 1
)

// openAnswers readies the answers of a store opened for writing with an Answerer: answers of another
// version are dropped.
func (s *Store) openAnswers() error {
	if s.answerer == nil {
		return nil
	}
	version := []byte(s.answerer.Version())
	return s.update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyAnswersVersion); v != nil {
			if body, ok := unseal(keyAnswersVersion, v); ok && bytes.Equal(body, version) {
				return nil
			}
		}
		if tx.Bucket(bucketAnswers) != nil {
			if err := tx.DeleteBucket(bucketAnswers); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(bucketAnswers); err != nil {
			return err
		}
		// A store that holds no record yet gets every entry as it is written; one that holds a
		// record lacks the entries of the entities no batch touches from now on.
		if err := meta.Delete(keyAnswersComplete); err != nil {
			return err
		}
		if lastSeq(tx) == 0 {
			if err := meta.Put(keyAnswersComplete, seal(keyAnswersComplete, nil)); err != nil {
				return err
			}
		}
		return meta.Put(keyAnswersVersion, seal(keyAnswersVersion, version))
	})
}

// touch notes that the events of id changed in this transaction: its answers are rebuilt.
func (w *writer) touch(id events.EntityID) {
	if w.touched == nil {
		w.touched = map[events.EntityID]bool{}
	}
	w.touched[id] = true
}

// DeferAnswers makes Apply stop building stored answers batch by batch, until BuildAnswers builds
// every missing one at once: what a replay and a large record do, so that an entity whose events arrive over many
// batches is folded once instead of once a batch. While answers are deferred, Apply deletes the answers
// of the entities a batch touches (as a writer without the Answerer does) and the store no longer
// vouches for holding them all, so answers are never stale: readers fold the entities without them.
// The deferral belongs to this Store value, not to the file: a process that stops before BuildAnswers
// leaves a store whose answers are incomplete but sound, and the next BuildAnswers completes them.
// It does nothing for a store opened without an Answerer.
func (s *Store) DeferAnswers() {
	if s.answerer != nil {
		s.deferring.Store(true)
	}
}

// answerJob is the fold of one entity's answers: its events and the recorded time after which the
// answers hold, then the stored entry.
type answerJob struct {
	id    events.EntityID
	kind  events.Kind
	evs   []events.Event
	since int64 // Unix nanoseconds
	entry []byte
}

// nameOf is what an entity's answers show of another entity: its display name and when it got it.
type nameOf struct {
	name string
	at   int64 // entityRecord.NamedAt
}

// newAnswerJob returns the job of id from its stored events; named returns the display name of an
// entity among them, false when it has none but its id.
func newAnswerJob(id events.EntityID, kind events.Kind, stored []events.Stored, named func(events.EntityID) (nameOf, bool)) *answerJob {
	j := &answerJob{id: id, kind: kind, evs: make([]events.Event, len(stored))}
	for i, st := range stored {
		j.evs[i] = st.Event
		j.since = max(j.since, st.Event.Recorded.UnixNano())
		if n, ok := named(st.Event.Entity); ok {
			j.since = max(j.since, n.at)
		}
		for _, o := range st.Event.Involves() {
			if n, ok := named(o); ok {
				j.since = max(j.since, n.at)
			}
		}
	}
	return j
}

// fold runs the Answerer and encodes the entry (see the layout above), sealed under its key.
func (j *answerJob) fold(a events.Answerer, names func(events.EntityID) string) {
	answer, ok := a.Answers(j.id, j.kind, j.evs, names)
	k := []byte(j.id)
	v := make([]byte, 0, 9+len(answer)+4)
	v = binary.BigEndian.AppendUint64(v, uint64(j.since))
	if ok {
		v = append(append(v, answersKept), answer...)
	} else {
		v = append(v, answersNone)
	}
	j.entry, j.evs = seal(k, v), nil
}

// foldAll runs the jobs' folds on every core: they are pure.
func foldAll(a events.Answerer, jobs []*answerJob, names func(events.EntityID) string) {
	var wg sync.WaitGroup
	next := make(chan *answerJob)
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for j := range next {
				j.fold(a, names)
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

// flushAnswers rebuilds (or, without an Answerer or while answers are deferred, deletes) the answers
// of the entities the batch touched and of those whose events name an entity the batch named first.
// It runs after flushEntities: the entity records and counts it reads are the batch's.
func (w *writer) flushAnswers() error {
	b := w.tx.Bucket(bucketAnswers)
	if b == nil || (len(w.touched) == 0 && len(w.named) == 0) {
		return nil
	}
	if w.answerer == nil || w.deferred {
		if err := w.tx.Bucket(bucketMeta).Delete(keyAnswersComplete); err != nil {
			return err
		}
	}
	if w.deferred {
		if k, _ := b.Cursor().First(); k == nil {
			return nil // none stored, none stale: the replay into an empty store
		}
	}
	idx := w.tx.Bucket(bucketByEntity)
	for _, named := range w.named {
		// Every entity among the events of the one named (their subjects and what they involve)
		// may show its name.
		prefix := append([]byte(named), 0)
		c := idx.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			st, err := entityEvent(k, v)
			if err != nil {
				return fmt.Errorf("events of %s: %w", named, err)
			}
			w.touch(st.Event.Entity)
			for _, o := range st.Event.Involves() {
				w.touch(o)
			}
		}
	}
	ids := make([]events.EntityID, 0, len(w.touched))
	for id := range w.touched {
		ids = append(ids, id)
	}
	slices.Sort(ids) // written in key order
	names := map[events.EntityID]nameOf{}
	name := func(id events.EntityID) error {
		if _, ok := names[id]; ok {
			return nil
		}
		rec, err := w.known(id)
		if err != nil {
			return err
		}
		names[id] = nameOf{name: string(id)}
		if rec != nil && len(rec.Names) > 0 {
			names[id] = nameOf{rec.Names[0], rec.NamedAt}
		}
		return nil
	}
	named := func(id events.EntityID) (nameOf, bool) { n, ok := names[id]; return n, ok }
	var jobs []*answerJob
	for _, id := range ids {
		rec, err := w.known(id)
		if err != nil {
			return err
		}
		if w.answerer == nil || w.deferred || rec == nil || !w.answerer.Keeps(rec.Kind) {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
			continue
		}
		stored, err := w.store.entityEvents(w.tx, idx.Cursor(), id)
		if err != nil {
			return err
		}
		for _, st := range stored {
			for _, o := range append(st.Event.Involves(), st.Event.Entity) {
				if err := name(o); err != nil {
					return err
				}
			}
		}
		jobs = append(jobs, newAnswerJob(id, rec.Kind, stored, named))
	}
	foldAll(w.answerer, jobs, func(id events.EntityID) string {
		if n, ok := names[id]; ok {
			return n.name
		}
		return string(id)
	})
	for _, j := range jobs {
		if err := b.Put([]byte(j.id), j.entry); err != nil {
			return err
		}
	}
	return nil
}

// How BuildAnswers divides its work: it folds buildChunk entities at a time and writes what it has
// folded in one transaction once it holds buildTxBytes of answers (a party's answers are a few KiB),
// so that what it holds stays a few MiB whatever the number of entities, and each transaction writes
// many pages at once.
const (
	buildChunk   = 1024
	buildTxBytes = 8 << 20
)

// BuildAnswers builds the stored answers of every entity of a kind the Answerer keeps that has none,
// ends a deferral (DeferAnswers), and marks the store's answers complete. The entities' events are
// read and folded on GOMAXPROCS goroutines, buildChunk entities at a time, while the answers folded
// before are written, in key order, about buildTxBytes a transaction. Every entry it writes is the
// fold of the events the store holds (no Apply runs meanwhile), so a BuildAnswers interrupted at any
// point (ctx, a crash) leaves sound answers, and the next one builds only those still missing. It
// checks ctx between chunks. It does nothing for a store opened without an Answerer, and little for
// one whose answers are complete.
func (s *Store) BuildAnswers(ctx context.Context) error {
	if s.answerer == nil {
		return nil
	}
	s.writing.Lock()
	defer s.writing.Unlock()
	s.deferring.Store(false)
	var todo []todoEntity
	names := map[events.EntityID]nameOf{}
	complete := false
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if _, complete, err = answersOf(tx, s.answerer.Version()); err != nil || complete {
			return err
		}
		answers := tx.Bucket(bucketAnswers)
		return tx.Bucket(bucketEntities).ForEach(func(k, v []byte) error {
			id := events.EntityID(k)
			rec, err := decodeEntity(id, v)
			if err != nil {
				return err
			}
			if len(rec.Names) > 0 {
				names[id] = nameOf{rec.Names[0], rec.NamedAt}
			}
			if s.answerer.Keeps(rec.Kind) && answers.Get(k) == nil {
				todo = append(todo, todoEntity{id, rec.Kind})
			}
			return nil
		})
	})
	if err != nil || complete {
		return s.buildFailed(err)
	}
	named := func(id events.EntityID) (nameOf, bool) { n, ok := names[id]; return n, ok }
	display := func(id events.EntityID) string {
		if n, ok := names[id]; ok {
			return n.name
		}
		return string(id)
	}
	// One goroutine folds the chunks in order, each on every core, and hands them to this one, which
	// writes them about buildTxBytes at a time: the folds go on while a transaction is written.
	chunk := buildChunk
	if s.buildChunk > 0 {
		chunk = s.buildChunk
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	folded := make(chan []*answerJob, 1)
	var foldErr error
	go func() {
		defer close(folded)
		for start := 0; start < len(todo); start += chunk {
			if foldErr = ctx.Err(); foldErr != nil {
				return
			}
			jobs, err := s.foldChunk(ctx, todo[start:min(start+chunk, len(todo))], named, display)
			if err != nil {
				foldErr = err
				return
			}
			select {
			case folded <- jobs:
			case <-ctx.Done():
				foldErr = ctx.Err()
				return
			}
		}
	}()
	var pending []*answerJob
	size := 0
	write := func() error {
		if len(pending) == 0 {
			return nil
		}
		err := s.update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketAnswers)
			b.FillPercent = 0.9 // in key order: fuller pages than bbolt's default
			for _, j := range pending {
				if err := b.Put([]byte(j.id), j.entry); err != nil {
					return err
				}
			}
			return nil
		})
		clear(pending) // what is written can be collected
		pending, size = pending[:0], 0
		return err
	}
	for jobs := range folded {
		pending = append(pending, jobs...)
		for _, j := range jobs {
			size += len(j.entry)
		}
		if size < buildTxBytes {
			continue
		}
		if err := write(); err != nil {
			cancel()
			for range folded {
			}
			return s.buildFailed(err)
		}
	}
	// What was folded is sound even if the build stops here: keep it.
	if err := write(); err != nil {
		return s.buildFailed(err)
	}
	if foldErr != nil {
		return s.buildFailed(foldErr)
	}
	if err := ctx.Err(); err != nil {
		return s.buildFailed(err)
	}
	return s.buildFailed(s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyAnswersComplete, seal(keyAnswersComplete, nil))
	}))
}

// todoEntity is an entity whose answers BuildAnswers builds.
type todoEntity struct {
	id   events.EntityID
	kind events.Kind
}

func (s *Store) buildFailed(err error) error {
	if err != nil {
		return fmt.Errorf("build the stored answers of %s: %w", s.path, err)
	}
	return nil
}

// foldChunk reads the events of each entity of chunk and folds its answers, on GOMAXPROCS
// goroutines, each in a read transaction of its own, taking the next entity as it is done with one
// (a party's events may be few or many).
func (s *Store) foldChunk(ctx context.Context, chunk []todoEntity, named func(events.EntityID) (nameOf, bool), display func(events.EntityID) string) ([]*answerJob, error) {
	jobs := make([]*answerJob, len(chunk))
	workers := min(runtime.GOMAXPROCS(0), len(chunk))
	errs := make([]error, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			errs[w] = s.view(func(tx *bolt.Tx) error {
				idx, err := s.required(tx, bucketByEntity)
				if idx == nil {
					return err
				}
				c := idx.Cursor()
				for n := 0; ; n++ {
					i := int(next.Add(1) - 1)
					if i >= len(chunk) {
						return nil
					}
					if n%256 == 255 {
						if err := ctx.Err(); err != nil {
							return err
						}
					}
					stored, err := s.entityEvents(tx, c, chunk[i].id)
					if err != nil {
						return err
					}
					j := newAnswerJob(chunk[i].id, chunk[i].kind, stored, named)
					j.fold(s.answerer, display)
					jobs[i] = j
				}
			})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return jobs, nil
}

// known returns the record of an entity as this transaction leaves it, nil if the store has none.
func (w *writer) known(id events.EntityID) (*entityRecord, error) {
	if rec, ok := w.entities[id]; ok {
		return rec, nil
	}
	v := seekGet(w.cursor(&w.entitiesAt, bucketEntities), []byte(id))
	if v == nil {
		return nil, nil
	}
	rec, err := decodeEntity(id, v)
	if err != nil {
		return nil, err
	}
	w.entities[id] = rec
	return rec, nil
}

// Answers calls fn with the stored answers of each entity of ids that has answers built by the
// Answerer of version (see events.AnswerReader), reading them in one transaction per 1,024 entities,
// on workers goroutines when workers > 1. A store whose answers are of another version, or that keeps
// none, calls fn for none. An answer that fails its checksum is an error wrapping events.ErrCorrupt.
func (s *Store) Answers(ctx context.Context, version string, ids []events.EntityID, workers int, fn func(events.EntityID, []byte, time.Time) error) error {
	if workers <= 1 || len(ids) < 2*workers {
		return s.answers(ctx, version, ids, fn)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	share := (len(ids) + workers - 1) / workers
	for start := 0; start < len(ids); start += share {
		part := ids[start:min(start+share, len(ids))]
		wg.Go(func() {
			if err := s.answers(ctx, version, part, fn); err != nil {
				cancel(err)
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return ctx.Err()
}

func (s *Store) answers(ctx context.Context, version string, ids []events.EntityID, fn func(events.EntityID, []byte, time.Time) error) error {
	const perTx = 1024
	for start := 0; start < len(ids); start += perTx {
		if err := ctx.Err(); err != nil {
			return err
		}
		chunk := ids[start:min(start+perTx, len(ids))]
		err := s.viewCalling(func(tx *bolt.Tx, g *guard) error {
			b := tx.Bucket(bucketAnswers)
			if b == nil || !s.answersAre(tx, version) {
				return nil
			}
			for _, id := range chunk {
				v := b.Get([]byte(id))
				if v == nil {
					continue
				}
				answers, since, err := answerEntry([]byte(id), v)
				if err != nil {
					return err
				}
				if answers == nil {
					continue // none kept: the caller folds it
				}
				if err := g.call(func() error { return fn(id, answers, since) }); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// decodeEntity reads an entity record, checked.
func decodeEntity(id events.EntityID, v []byte) (*entityRecord, error) {
	body, ok := unseal([]byte(id), v)
	if !ok {
		return nil, damaged("the record of entity %s fails its integrity check", id)
	}
	rec := &entityRecord{}
	if err := decodeEntityRecord(body, rec); err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	return rec, nil
}

// answersAre is answersVersion, remembered once true: only Open sets the version of a store's answers,
// and no other process writes the file while this one has it open.
func (s *Store) answersAre(tx *bolt.Tx, version string) bool {
	if v := s.answersOwn.Load(); v != nil && *v == version {
		return true
	}
	if !answersVersion(tx, version) {
		return false
	}
	s.answersOwn.Store(&version)
	return true
}

// answersVersion reports whether the answers of the store are of version.
func answersVersion(tx *bolt.Tx, version string) bool {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return false
	}
	v, sound := unseal(keyAnswersVersion, meta.Get(keyAnswersVersion))
	return sound && string(v) == version
}

// answersOf reports whether the store keeps answers of version, and whether every entity of the kinds
// the Answerer keeps has its entry.
func answersOf(tx *bolt.Tx, version string) (ok, complete bool, err error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || tx.Bucket(bucketAnswers) == nil {
		return false, false, nil
	}
	if c := meta.Get(keyAnswersComplete); c != nil {
		if _, sound := unseal(keyAnswersComplete, c); !sound {
			return false, false, damaged("the store's answers_complete mark fails its integrity check")
		}
		complete = true
	}
	return answersVersion(tx, version), complete, nil
}

// answerEntry reads an entry of the answers bucket: the answers (nil when the Answerer keeps none for
// the entity) and the recorded time after which they hold.
func answerEntry(k, v []byte) ([]byte, time.Time, error) {
	body, ok := unseal(k, v)
	if !ok || len(body) < 9 || body[8] > answersNone {
		return nil, time.Time{}, damaged("the stored answers of %s fail their integrity check", k)
	}
	since := time.Unix(0, int64(binary.BigEndian.Uint64(body))).UTC()
	if body[8] == answersNone {
		return nil, since, nil
	}
	return body[9:], since, nil
}

// AllAnswers calls fn with the entry of every entity of the kinds the Answerer of version keeps, in
// id order with workers ≤ 1 and concurrently on workers goroutines otherwise: its answers, or nil
// when the Answerer keeps none for it (fold it), and the recorded time after which they hold. It
// returns false when the store cannot vouch for holding every such entity (answers of another
// version, or a writer without the Answerer has written since): the caller lists the entities itself
// and drops what fn was given. answers is valid only while fn runs.
func (s *Store) AllAnswers(ctx context.Context, version string, workers int, fn func(events.EntityID, []byte, time.Time) error) (bool, error) {
	workers = max(workers, 1)
	vouched := make([]bool, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	// Each worker reads the whole bucket in its own transaction (a cursor step is cheap) and
	// decodes its share of the entries in place.
	for w := range workers {
		wg.Go(func() {
			errs[w] = s.viewCalling(func(tx *bolt.Tx, g *guard) error {
				b := tx.Bucket(bucketAnswers)
				ok, complete, err := answersOf(tx, version)
				if err != nil || b == nil || !ok || !complete {
					return err
				}
				vouched[w] = true
				c := b.Cursor()
				var prev []byte
				i := 0
				for k, v := c.First(); k != nil; k, v = c.Next() {
					if err := ascending(&prev, k); err != nil {
						return fmt.Errorf("the answers: %w", err)
					}
					if i++; i%workers != w {
						continue
					}
					if i%1024 == w {
						if err := ctx.Err(); err != nil {
							return err
						}
					}
					answers, since, err := answerEntry(k, v)
					if err != nil {
						return err
					}
					if err := g.call(func() error { return fn(events.EntityID(k), answers, since) }); err != nil {
						return err
					}
				}
				return nil
			})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return false, err
	}
	for _, v := range vouched {
		if !v {
			return false, nil
		}
	}
	return true, nil
}
