package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"sync"
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

// flushAnswers rebuilds (or, without an Answerer, deletes) the answers of the entities the batch
// touched and of those whose events name an entity the batch named first. It runs after
// flushEntities: the entity records and counts it reads are the batch's.
func (w *writer) flushAnswers() error {
	b := w.tx.Bucket(bucketAnswers)
	if b == nil || (len(w.touched) == 0 && len(w.named) == 0) {
		return nil
	}
	if w.answerer == nil {
		if err := w.tx.Bucket(bucketMeta).Delete(keyAnswersComplete); err != nil {
			return err
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
	type job struct {
		id     events.EntityID
		kind   events.Kind
		evs    []events.Event
		since  time.Time
		answer []byte
		ok     bool
	}
	var jobs []*job
	names := map[events.EntityID]string{}
	namedAt := map[events.EntityID]int64{}
	name := func(id events.EntityID) error {
		if _, ok := names[id]; ok {
			return nil
		}
		rec, err := w.known(id)
		if err != nil {
			return err
		}
		names[id] = string(id)
		if rec != nil && len(rec.Names) > 0 {
			names[id], namedAt[id] = rec.Names[0], rec.NamedAt
		}
		return nil
	}
	for id := range w.touched {
		rec, err := w.known(id)
		if err != nil {
			return err
		}
		if w.answerer == nil || rec == nil || !w.answerer.Keeps(rec.Kind) {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
			continue
		}
		stored, err := w.store.entityEvents(w.tx, idx.Cursor(), id)
		if err != nil {
			return err
		}
		j := &job{id: id, kind: rec.Kind, evs: make([]events.Event, len(stored))}
		since := int64(0)
		for i, st := range stored {
			j.evs[i] = st.Event
			since = max(since, st.Event.Recorded.UnixNano())
			for _, o := range append(st.Event.Involves(), st.Event.Entity) {
				if err := name(o); err != nil {
					return err
				}
				since = max(since, namedAt[o])
			}
		}
		j.since = time.Unix(0, since).UTC()
		jobs = append(jobs, j)
	}
	// The folds are pure: run them on every core, then write in this transaction.
	lookup := func(id events.EntityID) string {
		if n, ok := names[id]; ok {
			return n
		}
		return string(id)
	}
	var wg sync.WaitGroup
	next := make(chan *job)
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for j := range next {
				j.answer, j.ok = w.answerer.Answers(j.id, j.kind, j.evs, lookup)
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	for _, j := range jobs {
		k := []byte(j.id)
		v := make([]byte, 0, 9+len(j.answer)+4)
		v = binary.BigEndian.AppendUint64(v, uint64(j.since.UnixNano()))
		if j.ok {
			v = append(append(v, answersKept), j.answer...)
		} else {
			v = append(v, answersNone)
		}
		if err := b.Put(k, seal(k, v)); err != nil {
			return err
		}
	}
	return nil
}

// known returns the record of an entity as this transaction leaves it, nil if the store has none.
func (w *writer) known(id events.EntityID) (*entityRecord, error) {
	if rec, ok := w.entities[id]; ok {
		return rec, nil
	}
	v := w.tx.Bucket(bucketEntities).Get([]byte(id))
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
			if b == nil || !answersVersion(tx, version) {
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
