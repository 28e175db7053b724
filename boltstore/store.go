package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"annals/events"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// FileName is the name of the store's file in a data directory: every program that opens the
// record's store joins it to the data directory (--data, ANNALS_DATA).
const FileName = "annals.db"

// DefaultTimeout is how long Open waits for the file lock held by another process.
const DefaultTimeout = 2 * time.Second

var (
	bucketMeta       = []byte("meta")
	bucketEvents     = []byte("events")
	bucketIDs        = []byte("ids")
	bucketFacts      = []byte("facts")
	bucketDuplicates = []byte("duplicates")
	bucketByEntity   = []byte("by_entity")
	bucketEntitySeq  = []byte("entity_seq")
	bucketNames      = []byte("names")
	bucketEntities   = []byte("entities")
	bucketSuperseded = []byte("superseded")
	allBuckets       = [][]byte{bucketMeta, bucketEvents, bucketIDs, bucketFacts, bucketDuplicates,
		bucketByEntity, bucketEntitySeq, bucketNames, bucketEntities, bucketSuperseded, bucketLifetimes, bucketFoundedFrom,
		bucketCounts, bucketEntityCounts, bucketAnswers}
	keyLastSeq = []byte("last_seq")
)

// Options configure Open.
type Options struct {
	ReadOnly bool          // open for queries: a shared lock, no writes
	Timeout  time.Duration // how long to wait for the lock; DefaultTimeout if zero
	// Answers, for a store opened for writing, keeps the answers of its fold (answers.go); nil keeps
	// none (and drops those of the entities written).
	Answers events.Answerer
}

// Store is an events.Store over one bbolt file. It is safe for concurrent use; only one process may
// hold it open for writing, and readers in other processes wait for that writer to close it.
type Store struct {
	db       *bolt.DB
	path     string
	answerer events.Answerer // nil: no answers kept

	writing    sync.Mutex  // held by Apply and BuildAnswers: no batch lands between a build's reads and writes
	deferring  atomic.Bool // answers are deferred until BuildAnswers (DeferAnswers)
	buildChunk int         // entities BuildAnswers folds between two writes; buildChunk if zero (tests set it)

	answersOwn atomic.Pointer[string] // a version of answers a read found the store's (answersAre)
}

var (
	_ events.Store        = (*Store)(nil)
	_ events.Reader       = (*Store)(nil)
	_ events.AnswerReader = (*Store)(nil)
)

// Open opens (or, unless read-only, creates) the store at path. It returns an error wrapping
// events.ErrInUse when another process holds the file longer than the timeout, one wrapping
// events.ErrNotFound when a read-only open finds no file, and one wrapping events.ErrCorrupt when the
// file is damaged: cut short, its meta pages invalid, or its pages unreadable. A store written by
// another version of annals, in another layout (schema.go), is refused with an error wrapping
// events.ErrOutdated that says to rebuild it from the log (`recorder replay`).
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout == 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.ReadOnly {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open store %s: no record here yet (run `recorder ingest` first): %w", path, events.ErrNotFound)
		}
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	db, err := openBolt(path, &bolt.Options{ReadOnly: opts.ReadOnly, Timeout: opts.Timeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("open store %s: database in use by another process (a running recorder?) for more than %s: %w", path, opts.Timeout, events.ErrInUse)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if opts.ReadOnly {
		err = s.view(checkSchema)
	} else if err = s.update(initSchema); err == nil {
		s.answerer = opts.Answers
		err = s.openAnswers()
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Path returns the file the store is in.
func (s *Store) Path() string { return s.path }

// Close releases the file and its lock.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// LastSeq returns the sequence of the last applied event, 0 if none.
func (s *Store) LastSeq(ctx context.Context) (uint64, error) {
	var seq uint64
	err := s.view(func(tx *bolt.Tx) error {
		seq = lastSeq(tx)
		if seq == 0 {
			// No last sequence, yet events: the meta page or its entry was lost.
			if evb := tx.Bucket(bucketEvents); evb != nil {
				if k, _ := evb.Cursor().First(); k != nil {
					return damaged("the store holds events but no last sequence")
				}
			}
		}
		return nil
	})
	return seq, err
}

func lastSeq(tx *bolt.Tx) uint64 {
	b := tx.Bucket(bucketMeta)
	if b == nil {
		return 0
	}
	v := b.Get(keyLastSeq)
	if len(v) == 0 {
		return 0
	}
	body, ok := unseal(keyLastSeq, v)
	if !ok || len(body) != 8 {
		// Every transaction is guarded (guard.go): the panic becomes the error of its reader.
		panic(damaged("the store's last sequence fails its integrity check"))
	}
	return binary.BigEndian.Uint64(body)
}

// Apply stores a contiguous batch of events after LastSeq, with its indexes and the new LastSeq, in one
// transaction.
func (s *Store) Apply(ctx context.Context, batch []events.Stored) (events.ApplyResult, error) {
	var res events.ApplyResult
	if len(batch) == 0 {
		return res, nil
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	s.writing.Lock()
	defer s.writing.Unlock()
	deferred := s.deferring.Load()
	err := s.updateQuarantining(func(tx *bolt.Tx, unstorable map[uint64]error) error {
		res = events.ApplyResult{}
		next := lastSeq(tx) + 1
		w := writer{tx: tx, entities: map[events.EntityID]*entityRecord{}, store: s, answerer: s.answerer, deferred: deferred}
		// Events come in sequence order, and event ids nearly so: their pages are filled before a
		// new one is started, instead of split in halves that are never filled (bbolt's default, for
		// keys that come in any order), which would write twice the pages. An entity's entries mostly
		// come after its earlier ones: fuller pages too (measured: a third fewer pages than the
		// default). Fact ids are hashes, in no order: the default suits them.
		tx.Bucket(bucketEvents).FillPercent = 1
		tx.Bucket(bucketIDs).FillPercent = 0.9
		tx.Bucket(bucketByEntity).FillPercent = 0.8
		for _, st := range batch {
			if st.Seq != next {
				return fmt.Errorf("event %s has sequence %d, want %d (the store is at %d): %w", st.Event.ID, st.Seq, next, next-1, events.ErrConflict)
			}
			if st.Err != nil || unstorable[st.Seq] != nil {
				// Not an event, or one this store cannot hold: set aside, its sequence consumed.
				if err := w.quarantine(st, quarantineReason(st, unstorable[st.Seq])); err != nil {
					return fmt.Errorf("quarantine seq %d: %w", st.Seq, err)
				}
				res.Quarantined++
				next++
				continue
			}
			dup, err := w.apply(st)
			if err != nil {
				if isUnstorable(err) {
					return &unstorableError{seq: st.Seq, err: err} // rolled back; applied again without it
				}
				return fmt.Errorf("event %s (seq %d): %w", st.Event.ID, st.Seq, err)
			}
			if dup {
				res.Duplicates++
			} else {
				res.Applied++
			}
			next++
		}
		if err := w.flushPuts(); err != nil {
			return err
		}
		if err := w.flushEntities(); err != nil {
			return err
		}
		if err := w.flushAnswers(); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyLastSeq, seal(keyLastSeq, u64(next-1)))
	})
	if err != nil {
		return events.ApplyResult{}, fmt.Errorf("apply %d events from seq %d: %w", len(batch), batch[0].Seq, err)
	}
	return res, nil
}

// entityRecord is what the store keeps of an entity, encoded by encodeEntity (entity.go).
type entityRecord struct {
	Kind     events.Kind
	Declared bool // Kind comes from an entity.named event, not from an event type
	Names    []string
	// NamedAt is the earliest recorded time (Unix nanoseconds) of the entity's own events that give
	// it its first name, Names[0]: the display name it had as the record stood at an earlier time.
	NamedAt int64

	dirty bool // new or changed in this transaction: to be written
}

// writer applies events inside one write transaction, caching entity records until the end.
type writer struct {
	tx       *bolt.Tx
	entities map[events.EntityID]*entityRecord
	counts   counts // what the batch adds to the store's counts (checksum.go)

	store    *Store
	answerer events.Answerer          // nil: answers of the entities written are dropped
	deferred bool                     // answers are deferred (DeferAnswers): those written are dropped
	touched  map[events.EntityID]bool // entities whose events the batch changed (answers.go)
	named    []events.EntityID        // entities the batch gave their first name

	// The batch's puts to the indexes with scattered keys, written in key order by flushPuts.
	ids, facts, byEntity, entitySeq, names pendingPuts
	factsAt, idsAt, entitiesAt             *bolt.Cursor // read the indexes of the batch's lookups (cursor)
}

// cursor returns the cursor *c of the bucket name, made on first use.
func (w *writer) cursor(c **bolt.Cursor, name []byte) *bolt.Cursor {
	if *c == nil {
		*c = w.tx.Bucket(name).Cursor()
	}
	return *c
}

func (w *writer) apply(st events.Stored) (duplicate bool, err error) {
	e := st.Event
	fid := st.FactID
	if fid == "" {
		fid = e.FactID()
	}
	seq := u64(st.Seq)
	if w.facts.get(w.cursor(&w.factsAt, bucketFacts), []byte(fid)) != nil {
		// The log holds the duplicate on the entity's subjects: a writer must expect its sequence.
		if err := w.putEntitySeq(e.Entity, seq); err != nil {
			return false, err
		}
		return true, w.tx.Bucket(bucketDuplicates).Put(seq, []byte(fid))
	}
	if w.ids.get(w.cursor(&w.idsAt, bucketIDs), e.ID[:]) != nil {
		return false, fmt.Errorf("event id %s is already recorded with another fact: %w: %w", e.ID, errUnstorable, events.ErrInvalid)
	}
	// The compact encoding: a third of the wire encoding's size, and read back without JSON.
	data, err := AppendCompact(nil, e)
	if err != nil {
		return false, fmt.Errorf("%w: %w", errUnstorable, err)
	}
	if err := w.tx.Bucket(bucketEvents).Put(seq, seal(seq, data)); err != nil {
		return false, err
	}
	w.counts.events++
	if err := w.ids.put(e.ID[:], seq, ""); err != nil {
		return false, err
	}
	if err := w.facts.put([]byte(fid), seq, ""); err != nil {
		return false, err
	}
	if err := w.putByEntity(e.Entity, entityKey(e.Entity, e.Date, e.ID), entityEntry('s', seq, data)); err != nil {
		return false, err
	}
	w.touch(e.Entity)
	if err := w.putEntitySeq(e.Entity, seq); err != nil {
		return false, err
	}
	rec, err := w.entity(e.Entity)
	if err != nil {
		return false, err
	}
	// A kind stated by a name wins over one implied by an event type; the first stated kind stays.
	if n, ok := e.Payload.(events.EntityNamed); ok && !rec.Declared {
		rec.Kind, rec.Declared, rec.dirty = n.Kind, true, true
	} else if k := e.Type.EntityKind(); k != "" && rec.Kind == "" {
		rec.Kind, rec.dirty = k, true
	}
	// The names index holds every name of rec.Names and the entity's id: a name already among them
	// is indexed already, and a known entity's id too.
	for _, name := range events.NamesOf(e) {
		first := name // the display name: the first name the entity was given
		if len(rec.Names) == 0 {
			w.named = append(w.named, e.Entity) // its display name changes: answers.go
		} else {
			first = rec.Names[0]
		}
		if at := e.Recorded.UnixNano(); events.NameKey(name) == events.NameKey(first) && (rec.NamedAt == 0 || at < rec.NamedAt) {
			rec.NamedAt, rec.dirty = at, true
		}
		if contains(rec.Names, name) {
			continue
		}
		k := nameKey(name, e.Entity)
		if err := w.names.put(k, seal(k, nil), ""); err != nil {
			return false, err
		}
		rec.Names, rec.dirty = append(rec.Names, name), true
	}
	for _, other := range e.Involves() {
		if err := w.putByEntity(other, entityKey(other, e.Date, e.ID), entityEntry('i', seq, data)); err != nil {
			return false, err
		}
		w.touch(other)
		if _, err := w.entity(other); err != nil {
			return false, err
		}
	}
	if err := w.founded(e); err != nil {
		return false, err
	}
	return false, w.supersede(e, seq, data)
}

// entityEntry is a by_entity value: the role, the sequence and the event's compact record, so that an
// entity's events are read in one pass over the index, in order, without a lookup each.
func entityEntry(role byte, seq, data []byte) []byte {
	v := make([]byte, 0, 1+len(seq)+len(data)+4) // and the checksum putByEntity appends
	return append(append(append(v, role), seq...), data...)
}

// supersede indexes a correction or retraction: each superseded id points to it, and it joins the
// events of every entity whose events it supersedes. A superseded id the store does not hold is
// indexed all the same (the recorder refuses such corrections before they reach the log).
func (w *writer) supersede(e events.Event, seq, data []byte) error {
	superseded := w.tx.Bucket(bucketSuperseded)
	for _, target := range e.Supersedes {
		k := append(append([]byte{}, target[:]...), e.ID[:]...)
		if err := superseded.Put(k, seal(k, nil)); err != nil {
			return err
		}
		v := w.ids.get(w.cursor(&w.idsAt, bucketIDs), target[:])
		if v == nil {
			continue
		}
		old, err := loadFrom(w.tx.Bucket(bucketEvents), binary.BigEndian.Uint64(v))
		if err != nil {
			return err
		}
		if err := w.foundingSuperseded(old.Event); err != nil {
			return err
		}
		if old.Event.Entity == e.Entity {
			continue
		}
		if err := w.putByEntity(old.Event.Entity, entityKey(old.Event.Entity, e.Date, e.ID), entityEntry('c', seq, data)); err != nil {
			return err
		}
		w.touch(old.Event.Entity)
	}
	return nil
}

// putEntitySeq notes seq as the last sequence of the entity's subjects.
func (w *writer) putEntitySeq(id events.EntityID, seq []byte) error {
	return w.entitySeq.put([]byte(id), seq, "")
}

// flushPuts writes the batch's pending index puts, each index in key order, counting the by_entity
// entries. It runs before flushEntities, which writes the counts.
func (w *writer) flushPuts() error {
	if err := w.ids.flush(w.tx.Bucket(bucketIDs)); err != nil {
		return err
	}
	if err := w.facts.flush(w.tx.Bucket(bucketFacts)); err != nil {
		return err
	}
	if err := w.entitySeq.flush(w.tx.Bucket(bucketEntitySeq)); err != nil {
		return err
	}
	if err := w.names.flush(w.tx.Bucket(bucketNames)); err != nil {
		return err
	}
	// Every by_entity key of the batch is new: it ends with the id of an event the batch stores (an
	// id the store held already is refused above), so each is counted without reading the index.
	for _, put := range w.byEntity {
		if w.counts.byEntity == nil {
			w.counts.byEntity = map[events.EntityID]int{}
		}
		w.counts.byEntity[put.entity]++
	}
	return w.byEntity.flush(w.tx.Bucket(bucketByEntity))
}

func (w *writer) entity(id events.EntityID) (*entityRecord, error) {
	if rec, ok := w.entities[id]; ok {
		return rec, nil
	}
	rec := &entityRecord{}
	if v := seekGet(w.cursor(&w.entitiesAt, bucketEntities), []byte(id)); v != nil {
		v, ok := unseal([]byte(id), v)
		if !ok {
			return nil, damaged("the record of entity %s fails its integrity check", id)
		}
		if err := decodeEntityRecord(v, rec); err != nil {
			return nil, fmt.Errorf("entity %s: %w", id, err)
		}
	} else {
		// A new entity: its id is one of its names in the index.
		k := nameKey(string(id), id)
		if err := w.names.put(k, seal(k, nil), ""); err != nil {
			return nil, err
		}
		rec.dirty = true
		w.counts.entities++
	}
	w.entities[id] = rec
	return rec, nil
}

func (w *writer) flushEntities() error {
	b := w.tx.Bucket(bucketEntities)
	ids := make([]events.EntityID, 0, len(w.entities))
	for id, rec := range w.entities {
		if rec.dirty {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids) // written in key order, as flushPuts writes
	for _, id := range ids {
		if err := b.Put([]byte(id), seal([]byte(id), encodeEntity(w.entities[id]))); err != nil {
			return err
		}
	}
	return w.flushCounts()
}

// KnownFacts returns the sequence of each recorded fact among ids.
func (s *Store) KnownFacts(ctx context.Context, ids []events.FactID) (map[events.FactID]uint64, error) {
	out := map[events.FactID]uint64{}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFacts)
		if b == nil {
			return nil
		}
		for _, id := range ids {
			if v := b.Get([]byte(id)); v != nil {
				out[id] = binary.BigEndian.Uint64(v)
			}
		}
		return nil
	})
	return out, err
}

// EntitySeqs returns the sequence of the last event about each entity given.
func (s *Store) EntitySeqs(ctx context.Context, ids []events.EntityID) (map[events.EntityID]uint64, error) {
	out := map[events.EntityID]uint64{}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketEntitySeq)
		for _, id := range ids {
			out[id] = 0
			if b == nil {
				continue
			}
			if v := b.Get([]byte(id)); v != nil {
				out[id] = binary.BigEndian.Uint64(v)
			}
		}
		return nil
	})
	return out, err
}

// Event returns the event with the given id.
func (s *Store) Event(ctx context.Context, id ulid.ULID) (events.Stored, error) {
	var st events.Stored
	err := s.view(func(tx *bolt.Tx) error {
		ids := tx.Bucket(bucketIDs)
		var v []byte
		if ids != nil {
			v = ids.Get(id[:])
		}
		if v == nil {
			return fmt.Errorf("event %s: %w", id, events.ErrNotFound)
		}
		if len(v) != 8 {
			return damaged("the index entry of event %s", id)
		}
		var err error
		if st, err = loadFrom(tx.Bucket(bucketEvents), binary.BigEndian.Uint64(v)); err != nil {
			return err
		}
		if st.Event.ID != id {
			// The ids index points at another event: one of the two is damaged.
			return damaged("event %s is indexed at seq %d, which holds event %s", id, st.Seq, st.Event.ID)
		}
		return nil
	})
	return st, err
}

// EntityEvents returns the events about or involving an entity in historical order.
func (s *Store) EntityEvents(ctx context.Context, id events.EntityID) ([]events.Stored, error) {
	out := []events.Stored{}
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.required(tx, bucketByEntity)
		if b == nil {
			return err
		}
		out, err = s.entityEvents(tx, b.Cursor(), id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// entityEvents reads the events of id with a cursor over by_entity, each record checked, and checks
// that none is missing: as many as the store counted for id.
func (s *Store) entityEvents(tx *bolt.Tx, c *bolt.Cursor, id events.EntityID) ([]events.Stored, error) {
	out := make([]events.Stored, 0, 16) // most entities have a few dozen events at most
	prefix := append([]byte(id), 0)
	var prev []byte
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := ascending(&prev, k); err != nil {
			return nil, fmt.Errorf("events of %s: %w", id, err)
		}
		st, err := entityEvent(k, v)
		if err != nil {
			return nil, fmt.Errorf("events of %s: %w", id, err)
		}
		out = append(out, st)
	}
	n, err := readCount(tx.Bucket(bucketEntityCounts), []byte(id))
	if err != nil {
		return nil, fmt.Errorf("events of %s: %w", id, err)
	}
	if n != uint64(len(out)) {
		return nil, damaged("events of %s: the index holds %d of its %d events", id, len(out), n)
	}
	// Neither entries nor a count, for an entity the store knows: both were lost.
	if n == 0 {
		if ents := tx.Bucket(bucketEntities); ents == nil || ents.Get([]byte(id)) != nil {
			return nil, damaged("events of %s: the index holds none of the events of an entity the store knows", id)
		}
	}
	return out, nil
}

// EachEntityEvents calls fn with the events of each entity in ids, as EntityEvents returns them,
// reading many entities in one read transaction (a new one every 1,024 entities, so that a long read
// does not hold back a writer). With workers ≤ 1 it calls fn in the order of ids, from the calling
// goroutine. With more, that many goroutines each read a share of ids (in their own transactions:
// bbolt readers do not block each other) and call fn concurrently, in no set order; fn must be safe
// for that. It returns the first error of fn or of a read, after which no new entity is read.
func (s *Store) EachEntityEvents(ctx context.Context, ids []events.EntityID, workers int, fn func(events.EntityID, []events.Stored) error) error {
	if workers <= 1 || len(ids) < 2*workers {
		return s.eachEntityEvents(ctx, ids, fn)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	share := (len(ids) + workers - 1) / workers
	for start := 0; start < len(ids); start += share {
		part := ids[start:min(start+share, len(ids))]
		wg.Go(func() {
			if err := s.eachEntityEvents(ctx, part, fn); err != nil {
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

func (s *Store) eachEntityEvents(ctx context.Context, ids []events.EntityID, fn func(events.EntityID, []events.Stored) error) error {
	const perTx = 1024
	for start := 0; start < len(ids); start += perTx {
		if err := ctx.Err(); err != nil {
			return err
		}
		chunk := ids[start:min(start+perTx, len(ids))]
		err := s.viewCalling(func(tx *bolt.Tx, g *guard) error {
			b, err := s.required(tx, bucketByEntity)
			if err != nil {
				return err
			}
			for i, id := range chunk {
				if i%64 == 63 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				out := []events.Stored{}
				if b != nil {
					var err error
					if out, err = s.entityEvents(tx, b.Cursor(), id); err != nil {
						return err
					}
				}
				if err := g.call(func() error { return fn(id, out) }); err != nil {
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

// Entity returns one entity of the record, and false if the record holds none with that id.
func (s *Store) Entity(ctx context.Context, id events.EntityID) (events.EntitySummary, bool, error) {
	var out events.EntitySummary
	found := false
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, found, err = entityIn(tx, id)
		return err
	})
	return out, found, err
}

// entityIn is Entity in the transaction tx.
func entityIn(tx *bolt.Tx, id events.EntityID) (events.EntitySummary, bool, error) {
	b := tx.Bucket(bucketEntities)
	var v []byte
	if b != nil {
		v = b.Get([]byte(id))
	}
	if v == nil {
		// Every entity with events has a record: one missing is damage, whether its count or
		// its index entries say it has events.
		if n, err := readCount(tx.Bucket(bucketEntityCounts), []byte(id)); err != nil || n > 0 {
			return events.EntitySummary{}, false, errors.Join(damaged("entity %s has events but no entity record", id), err)
		}
		if idx := tx.Bucket(bucketByEntity); idx != nil {
			prefix := append([]byte(id), 0)
			if k, _ := idx.Cursor().Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) {
				return events.EntitySummary{}, false, damaged("entity %s has events but no entity record", id)
			}
		}
		return events.EntitySummary{}, false, nil
	}
	v, ok := unseal([]byte(id), v)
	if !ok {
		return events.EntitySummary{}, false, damaged("the record of entity %s fails its integrity check", id)
	}
	var rec entityRecord
	if err := decodeEntityRecord(v, &rec); err != nil {
		return events.EntitySummary{}, false, fmt.Errorf("entity %s: %w", id, err)
	}
	return events.EntitySummary{ID: id, Kind: rec.Kind, Names: rec.Names}, true, nil
}

// Entities returns every entity of the record, sorted by id.
func (s *Store) Entities(ctx context.Context) ([]events.EntitySummary, error) {
	var out []events.EntitySummary
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.required(tx, bucketEntities)
		if b == nil {
			return err
		}
		err = b.ForEach(func(k, v []byte) error {
			v, ok := unseal(k, v)
			if !ok {
				return damaged("the record of entity %s fails its integrity check", k)
			}
			var rec entityRecord
			if err := decodeEntityRecord(v, &rec); err != nil {
				return fmt.Errorf("entity %s: %w", k, err)
			}
			out = append(out, events.EntitySummary{ID: events.EntityID(k), Kind: rec.Kind, Names: rec.Names})
			return nil
		})
		if err != nil {
			return err
		}
		if n, err := readCount(tx.Bucket(bucketCounts), countEntities); err != nil {
			return err
		} else if n != uint64(len(out)) {
			return damaged("the store reads %d entity records of the %d it holds", len(out), n)
		}
		return nil
	})
	return out, err
}

// Resolve returns the entities known by name (or id), sorted by id.
func (s *Store) Resolve(ctx context.Context, name string) ([]events.EntityID, error) {
	out := []events.EntityID{}
	key := events.NameKey(name)
	if key == "" {
		return out, nil
	}
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = s.resolveIn(tx, name, key)
		return err
	})
	return out, err
}

// resolveIn is Resolve in the transaction tx, for the name's key (events.NameKey, not empty). The names
// index holds a name's entities in id order, and a cursor that returned them out of order is an error.
func (s *Store) resolveIn(tx *bolt.Tx, name, key string) ([]events.EntityID, error) {
	out := []events.EntityID{}
	b, err := s.required(tx, bucketNames)
	if b == nil {
		return out, err
	}
	prefix := append([]byte(key), 0)
	c := b.Cursor()
	var prev []byte
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := ascending(&prev, k); err != nil {
			return nil, fmt.Errorf("the names index for %q: %w", name, err)
		}
		if _, ok := unseal(k, v); !ok {
			return nil, damaged("the names index entry of %s for %q fails its integrity check", k[len(prefix):], name)
		}
		out = append(out, events.EntityID(k[len(prefix):]))
	}
	if len(out) == 0 {
		// A name the index lost would read as unknown: confirm a miss against the entity records.
		err := eachEntityName(tx, func(n string, id events.EntityID) error {
			if events.NameKey(n) == key {
				return damaged("the names index lost the name %q of %s", name, id)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SupersededBy returns the events that supersede each of the ids given, in the order the record
// learned them.
func (s *Store) SupersededBy(ctx context.Context, ids []ulid.ULID) (map[ulid.ULID][]ulid.ULID, error) {
	out := map[ulid.ULID][]ulid.ULID{}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSuperseded)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for _, id := range ids {
			var prev []byte
			for k, v := c.Seek(id[:]); k != nil && bytes.HasPrefix(k, id[:]); k, v = c.Next() {
				if err := ascending(&prev, k); err != nil {
					return fmt.Errorf("the index of what supersedes event %s: %w", id, err)
				}
				if _, ok := unseal(k, v); !ok || len(k) != 32 {
					return damaged("the index of what supersedes event %s", id)
				}
				var by ulid.ULID
				copy(by[:], k[16:])
				out[id] = append(out[id], by)
			}
		}
		return nil
	})
	return out, err
}

// Scan calls fn with each applied event from sequence from, in sequence order. Each record is
// checked against its checksum and its fact against the facts index (so that a fact id computed from
// what Scan returns is the one the store recorded), and a scan of the whole store that reads fewer
// records than the store holds fails: all with an error wrapping events.ErrCorrupt.
func (s *Store) Scan(ctx context.Context, from uint64, fn func(events.Stored) error) error {
	return s.viewCalling(func(tx *bolt.Tx, g *guard) error {
		b := tx.Bucket(bucketEvents)
		if b == nil {
			return nil
		}
		facts := tx.Bucket(bucketFacts)
		c := b.Cursor()
		n, last := 0, uint64(0)
		for k, v := c.Seek(u64(from)); k != nil; k, v = c.Next() {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if len(k) != 8 {
				return damaged("an event is stored under the key %x, not a sequence", k)
			}
			seq := binary.BigEndian.Uint64(k)
			if seq <= last {
				return damaged("the events are read out of order at seq %d, after seq %d", seq, last)
			}
			last = seq
			record, ok := unseal(k, v)
			if !ok {
				return eventDamaged(seq, v)
			}
			e, err := DecodeCompact(record)
			if err != nil {
				return fmt.Errorf("event at seq %d: %w", seq, err)
			}
			st := events.Stored{Seq: seq, Event: e, FactID: e.Fact.ID()}
			if got := facts.Get([]byte(st.FactID)); len(got) != 8 || binary.BigEndian.Uint64(got) != seq {
				return damaged("event %s at seq %d: its fact %s is not the one the store recorded there", e.ID, seq, st.FactID)
			}
			if err := g.call(func() error { return fn(st) }); err != nil {
				return err
			}
		}
		if from <= 1 {
			want, err := readCount(tx.Bucket(bucketCounts), countEvents)
			if err != nil {
				return err
			}
			if want != uint64(n) {
				return damaged("the store reads %d events of the %d it holds", n, want)
			}
		}
		return nil
	})
}

// load reads the event at seq, checked against its checksum.
func load(tx *bolt.Tx, seq uint64) (events.Stored, error) {
	return loadFrom(tx.Bucket(bucketEvents), seq)
}

// entityEvent reads the event of the by_entity entry k, v from the record it holds.
func entityEvent(k, v []byte) (events.Stored, error) {
	body, ok := unseal(k, v)
	if !ok || len(body) <= 9 {
		if len(k) >= 16 {
			var id ulid.ULID
			copy(id[:], k[len(k)-16:])
			return events.Stored{}, damaged("the index entry of event %s fails its integrity check", id)
		}
		return events.Stored{}, damaged("an index entry fails its integrity check")
	}
	seq := binary.BigEndian.Uint64(body[1:9])
	e, err := DecodeCompact(body[9:])
	if err != nil {
		return events.Stored{}, fmt.Errorf("event at seq %d: %w", seq, err)
	}
	return events.Stored{Seq: seq, Event: e}, nil
}

// loadFrom reads the event at seq from the events bucket.
func loadFrom(evb *bolt.Bucket, seq uint64) (events.Stored, error) {
	key := u64(seq)
	v := evb.Get(key)
	if v == nil {
		return events.Stored{}, damaged("event at seq %d is indexed but missing", seq)
	}
	record, ok := unseal(key, v)
	if !ok {
		return events.Stored{}, eventDamaged(seq, v)
	}
	e, err := DecodeCompact(record)
	if err != nil {
		return events.Stored{}, fmt.Errorf("event at seq %d: %w", seq, err)
	}
	return events.Stored{Seq: seq, Event: e}, nil
}

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

// entityKey orders an entity's events by earliest day, latest day, then event id (the order the
// record learned them, which does not depend on how concurrent publishes interleaved in the stream).
// Days are int32 offset by 2^31 so that they sort as unsigned big-endian bytes.
func entityKey(id events.EntityID, d events.Date, eventID ulid.ULID) []byte {
	k := make([]byte, 0, len(id)+25)
	k = append(k, id...)
	k = append(k, 0)
	k = binary.BigEndian.AppendUint32(k, uint32(int64(d.Earliest())+1<<31))
	k = binary.BigEndian.AppendUint32(k, uint32(int64(d.Latest())+1<<31))
	return append(k, eventID[:]...)
}

func nameKey(name string, id events.EntityID) []byte {
	k := append([]byte(events.NameKey(name)), 0)
	return append(k, id...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ascending returns an error wrapping events.ErrCorrupt unless k follows *prev (the key a cursor read
// before): a cursor over sound pages returns keys in increasing order, and a damaged branch page can
// send it over a leaf twice. It keeps k in *prev.
func ascending(prev *[]byte, k []byte) error {
	if *prev != nil && bytes.Compare(k, *prev) <= 0 {
		return damaged("the index returns its entries out of order")
	}
	*prev = k
	return nil
}

// required returns the bucket name of tx, or, when it is missing from a store that holds events (every
// such store has it), an error wrapping events.ErrCorrupt: a lost bucket would read as an empty one. A
// nil bucket with a nil error is a store that has no such records yet.
func (s *Store) required(tx *bolt.Tx, name []byte) (*bolt.Bucket, error) {
	if b := tx.Bucket(name); b != nil {
		return b, nil
	}
	if evb := tx.Bucket(bucketEvents); evb != nil {
		if k, _ := evb.Cursor().First(); k != nil {
			return nil, damaged("the store holds events but its %s bucket is missing", name)
		}
	}
	return nil, nil
}
