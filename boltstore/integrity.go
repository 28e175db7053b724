package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"annals/events"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Integrity: the store remembers the stream it follows, sets aside (quarantines) what it cannot
// apply, and checks its indexes against its events.
//
//	meta:       "stream_identity" → JSON {created (RFC 3339 UTC), first_seq} of the stream the store follows
//	quarantine: seq (8 bytes) → JSON {entity, reason, size, raw (base64, at most events.MaxQuarantinedRaw bytes)}
//
// The quarantine bucket is created by the first Apply that quarantines; a store without it has
// quarantined nothing.

var (
	bucketQuarantine  = []byte("quarantine")
	keyStreamIdentity = []byte("stream_identity")
)

// maxQuarantineReason bounds the reason a quarantine record keeps, in bytes.
const maxQuarantineReason = 1024

// errUnstorable marks an error of apply that is the event's own (an id already taken, an encoding
// that fails): the event is quarantined and the batch goes on.
var errUnstorable = errors.New("cannot be stored")

// isUnstorable reports whether err, from applying one event, is the event's own: bbolt refused one of
// its keys or values, or apply marked it errUnstorable. Any other error (a damaged store, a full disk)
// fails the batch.
func isUnstorable(err error) bool {
	return errors.Is(err, errUnstorable) || errors.Is(err, berrors.ErrKeyTooLarge) ||
		errors.Is(err, berrors.ErrValueTooLarge) || errors.Is(err, berrors.ErrKeyRequired)
}

// unstorableError is returned from an Apply transaction, rolling it back, when one event of the batch
// cannot be stored: Apply then quarantines it and applies the batch again.
type unstorableError struct {
	seq uint64
	err error
}

func (e *unstorableError) Error() string { return fmt.Sprintf("seq %d: %v", e.seq, e.err) }

// updateQuarantining runs fn in a write transaction with the sequences of the events found unstorable
// so far: when fn fails with an unstorableError, the transaction is rolled back and fn runs again with
// that event added, to be quarantined. Each run adds an event, so it ends.
func (s *Store) updateQuarantining(fn func(tx *bolt.Tx, unstorable map[uint64]error) error) error {
	unstorable := map[uint64]error{}
	for {
		err := s.update(func(tx *bolt.Tx) error { return fn(tx, unstorable) })
		var u *unstorableError
		if errors.As(err, &u) && unstorable[u.seq] == nil {
			unstorable[u.seq] = u.err
			continue
		}
		return err
	}
}

// quarantineRecord is the value of the quarantine bucket.
type quarantineRecord struct {
	Entity events.EntityID `json:"entity,omitempty"`
	Reason string          `json:"reason"`
	Size   int             `json:"size"`
	Raw    []byte          `json:"raw,omitempty"`
}

// quarantine records st as quarantined for reason, instead of applying it, and counts its sequence
// for its entity (the log holds it on the entity's subjects, so a writer to that entity must expect it).
func (w *writer) quarantine(st events.Stored, reason string) error {
	raw := st.Raw
	if raw == nil && st.Err == nil {
		if data, err := events.EncodeEvent(st.Event); err == nil {
			raw = data
		}
	}
	if len(reason) > maxQuarantineReason {
		reason = reason[:maxQuarantineReason] + "…"
	}
	rec := quarantineRecord{Entity: st.Event.Entity, Reason: reason, Size: len(raw), Raw: raw[:min(len(raw), events.MaxQuarantinedRaw)]}
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	b, err := w.tx.CreateBucketIfNotExists(bucketQuarantine)
	if err != nil {
		return err
	}
	if err := b.Put(u64(st.Seq), v); err != nil {
		return err
	}
	if st.Event.Entity != "" {
		// An entity id too long for a key is no entity a writer appends to: nothing to expect.
		if err := w.putEntitySeq(st.Event.Entity, u64(st.Seq)); err != nil && !isUnstorable(err) {
			return err
		}
	}
	return nil
}

// quarantineReason is why st is quarantined: the log's error, or the store's.
func quarantineReason(st events.Stored, err error) string {
	if st.Err != nil {
		return st.Err.Error()
	}
	return fmt.Sprintf("event %s cannot be stored: %v", st.Event.ID, err)
}

// Quarantined returns the entries Apply quarantined, in sequence order.
func (s *Store) Quarantined(ctx context.Context) ([]events.Quarantined, error) {
	out := []events.Quarantined{}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketQuarantine)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var rec quarantineRecord
			if len(k) != 8 {
				return fmt.Errorf("quarantine: key %x is not a sequence", k)
			}
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("quarantine at seq %d: %w", binary.BigEndian.Uint64(k), err)
			}
			out = append(out, events.Quarantined{Seq: binary.BigEndian.Uint64(k), Entity: rec.Entity, Reason: rec.Reason, Raw: rec.Raw, Size: rec.Size})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	return out, nil
}

// QuarantineCount returns how many entries Apply quarantined: cheaper than Quarantined.
func (s *Store) QuarantineCount(ctx context.Context) (int, error) {
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketQuarantine); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	})
	return n, err
}

// streamIdentity is the value of meta's "stream_identity".
type streamIdentity struct {
	Created  string `json:"created"`
	FirstSeq uint64 `json:"first_seq"`
}

// StreamIdentity returns the identity of the stream the store follows, as SetStreamIdentity recorded
// it (Created and FirstSeq; LastSeq is zero), and false when none is recorded: a new store, or one
// written before stores remembered their stream.
func (s *Store) StreamIdentity(ctx context.Context) (events.LogInfo, bool, error) {
	var out events.LogInfo
	found := false
	err := s.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return nil
		}
		v := meta.Get(keyStreamIdentity)
		if v == nil {
			return nil
		}
		var id streamIdentity
		if err := json.Unmarshal(v, &id); err != nil {
			return fmt.Errorf("stream identity: %w", err)
		}
		created, err := time.Parse(time.RFC3339Nano, id.Created)
		if err != nil {
			return fmt.Errorf("stream identity: %w", err)
		}
		out, found = events.LogInfo{Created: created.UTC(), FirstSeq: id.FirstSeq}, true
		return nil
	})
	if err != nil {
		return events.LogInfo{}, false, fmt.Errorf("store %s: %w", s.path, err)
	}
	return out, found, nil
}

// SetStreamIdentity records the identity of the stream the store follows: info's Created and
// FirstSeq.
func (s *Store) SetStreamIdentity(ctx context.Context, info events.LogInfo) error {
	v, err := json.Marshal(streamIdentity{Created: info.Created.UTC().Format(time.RFC3339Nano), FirstSeq: info.FirstSeq})
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		return meta.Put(keyStreamIdentity, v)
	})
	if err != nil {
		return fmt.Errorf("store %s: record the stream's identity: %w", s.path, err)
	}
	return nil
}

// IndexProblem is one disagreement between the store's indexes and its events, found by CheckIndexes.
type IndexProblem struct {
	Bucket  string // the bucket where the problem is: "events", "ids", "facts", "by_entity", ...
	Seq     uint64 // the sequence of the event concerned, 0 if none
	Problem string // what is wrong, in words
}

// MaxIndexProblems is how many problems CheckIndexes lists; it counts the rest.
const MaxIndexProblems = 1000

// CheckIndexes reads every event of the store and checks each index against them, both ways: every
// event is under its id (ids), its fact (facts), its entity and the entities it involves or corrects
// (by_entity, with the same record), its names (names, entities), and counted in entity_seq; every
// sequence up to LastSeq is an event, a skipped duplicate or quarantined; and every index entry
// points to an event the store holds. It returns the problems found (at most MaxIndexProblems) and
// how many there are in all; an error only when the store cannot be read at all. It reads the whole
// store in one read transaction.
func (s *Store) CheckIndexes(ctx context.Context) ([]IndexProblem, int, error) {
	c := indexChecker{}
	err := s.view(func(tx *bolt.Tx) error {
		c.tx = tx
		return c.run(ctx)
	})
	if err != nil {
		return c.problems, c.total, fmt.Errorf("check the indexes of %s: %w", s.path, err)
	}
	return c.problems, c.total, nil
}

type indexChecker struct {
	tx       *bolt.Tx
	problems []IndexProblem
	total    int
}

func (c *indexChecker) add(bucket string, seq uint64, format string, args ...any) {
	c.total++
	if len(c.problems) < MaxIndexProblems {
		c.problems = append(c.problems, IndexProblem{Bucket: bucket, Seq: seq, Problem: fmt.Sprintf(format, args...)})
	}
}

func (c *indexChecker) run(ctx context.Context) error {
	tx := c.tx
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			c.add(string(name), 0, "bucket %s is missing", name)
		}
	}
	if c.total > 0 {
		return nil
	}
	last := lastSeq(tx)
	evb, ids, facts := tx.Bucket(bucketEvents), tx.Bucket(bucketIDs), tx.Bucket(bucketFacts)
	byEntity, entitySeq, names := tx.Bucket(bucketByEntity), tx.Bucket(bucketEntitySeq), tx.Bucket(bucketNames)
	entities, superseded, dups := tx.Bucket(bucketEntities), tx.Bucket(bucketSuperseded), tx.Bucket(bucketDuplicates)
	quarantine := tx.Bucket(bucketQuarantine)

	// Every sequence up to last is one of: an event, a skipped duplicate, a quarantined entry.
	seen := map[uint64]string{}
	mark := func(bucket string, k []byte) {
		if len(k) != 8 {
			c.add(bucket, 0, "key %x is not a sequence", k)
			return
		}
		seq := binary.BigEndian.Uint64(k)
		if other, ok := seen[seq]; ok {
			c.add(bucket, seq, "seq %d is also in %s", seq, other)
		}
		seen[seq] = bucket
		if seq == 0 || seq > last {
			c.add(bucket, seq, "seq %d is beyond the store's last sequence %d", seq, last)
		}
	}
	dups.ForEach(func(k, v []byte) error {
		mark("duplicates", k)
		if fseq := facts.Get(v); fseq == nil {
			c.add("duplicates", seqOf(k), "the duplicate's fact %s is not in the facts index", v)
		} else if binary.BigEndian.Uint64(fseq) >= seqOf(k) {
			c.add("duplicates", seqOf(k), "the duplicate's fact %s was first recorded at seq %d, not before it", v, binary.BigEndian.Uint64(fseq))
		}
		return nil
	})
	if quarantine != nil {
		quarantine.ForEach(func(k, v []byte) error { mark("quarantine", k); return nil })
	}

	wantByEntity := map[string]bool{}
	wantIDs := map[ulid.ULID]bool{}
	wantFacts := map[string]bool{}
	lastOf := map[events.EntityID]uint64{}
	n := 0
	cur := evb.Cursor()
	for k, data := cur.First(); k != nil; k, data = cur.Next() {
		if n++; n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		mark("events", k)
		if len(k) != 8 {
			continue
		}
		seq := binary.BigEndian.Uint64(k)
		data, ok := unseal(k, data)
		if !ok {
			c.add("events", seq, "the event at seq %d fails its integrity check", seq)
			continue
		}
		e, err := DecodeCompact(data)
		if err != nil {
			c.add("events", seq, "the event at seq %d does not decode: %v", seq, err)
			continue
		}
		wantIDs[e.ID] = true
		if v := ids.Get(e.ID[:]); v == nil || binary.BigEndian.Uint64(v) != seq {
			c.add("ids", seq, "event %s (seq %d) is not under its id", e.ID, seq)
		}
		fid := string(e.Fact.ID())
		wantFacts[fid] = true
		if v := facts.Get([]byte(fid)); v == nil || binary.BigEndian.Uint64(v) != seq {
			c.add("facts", seq, "event %s (seq %d) is not under its fact %s", e.ID, seq, fid)
		}
		lastOf[e.Entity] = max(lastOf[e.Entity], seq)
		check := func(entity events.EntityID, role byte) {
			key := entityKey(entity, e.Date, e.ID)
			wantByEntity[string(key)] = true
			v := byEntity.Get(key)
			if v != nil {
				body, ok := unseal(key, v)
				if !ok {
					c.add("by_entity", seq, "the entry of event %s (seq %d) under %s fails its integrity check", e.ID, seq, entity)
					return
				}
				v = body
			}
			switch {
			case v == nil:
				c.add("by_entity", seq, "event %s (seq %d) is missing from the events of %s", e.ID, seq, entity)
			case len(v) < 9 || v[0] != role || binary.BigEndian.Uint64(v[1:9]) != seq:
				c.add("by_entity", seq, "the entry of event %s (seq %d) under %s has another role or sequence", e.ID, seq, entity)
			case len(v) > 9 && !bytes.Equal(v[9:], data):
				c.add("by_entity", seq, "the copy of event %s (seq %d) under %s differs from the event", e.ID, seq, entity)
			}
			if entities.Get([]byte(entity)) == nil {
				c.add("entities", seq, "entity %s of event %s (seq %d) has no entity record", entity, e.ID, seq)
			}
			if names.Get(nameKey(string(entity), entity)) == nil {
				c.add("names", seq, "entity %s is not found by its id", entity)
			}
		}
		check(e.Entity, 's')
		for _, other := range e.Involves() {
			check(other, 'i')
		}
		for _, target := range e.Supersedes {
			if superseded.Get(append(append([]byte{}, target[:]...), e.ID[:]...)) == nil {
				c.add("superseded", seq, "event %s (seq %d) is not indexed as superseding %s", e.ID, seq, target)
			}
			if v := ids.Get(target[:]); v != nil {
				if old, err := load(tx, binary.BigEndian.Uint64(v)); err == nil && old.Event.Entity != e.Entity {
					check(old.Event.Entity, 'c')
				}
			}
		}
		if rec := entities.Get([]byte(e.Entity)); rec != nil {
			var er entityRecord
			body, ok := unseal([]byte(e.Entity), rec)
			if !ok {
				c.add("entities", seq, "the entity record of %s fails its integrity check", e.Entity)
			} else if err := decodeEntityRecord(body, &er); err != nil {
				c.add("entities", seq, "the entity record of %s does not decode: %v", e.Entity, err)
			} else {
				for _, name := range events.NamesOf(e) {
					if !contains(er.Names, name) {
						c.add("entities", seq, "entity %s lacks the name %s that event %s (seq %d) gives it", e.Entity, shortName(name), e.ID, seq)
					}
					if names.Get(nameKey(name, e.Entity)) == nil {
						c.add("names", seq, "entity %s is not found by the name %s that event %s (seq %d) gives it", e.Entity, shortName(name), e.ID, seq)
					}
				}
			}
		}
	}
	for seq := uint64(1); seq <= last && seq <= 1<<26; seq++ {
		if _, ok := seen[seq]; !ok {
			c.add("events", seq, "seq %d is neither an event, a skipped duplicate nor quarantined: the event is missing", seq)
		}
	}
	// Each index entry points to an event the store holds.
	byEntity.ForEach(func(k, v []byte) error {
		if !wantByEntity[string(k)] {
			seq := uint64(0)
			if v, _ = unseal(k, v); len(v) >= 9 {
				seq = binary.BigEndian.Uint64(v[1:9])
			}
			c.add("by_entity", seq, "an entry (key %x) is for no event the store holds", k)
		}
		return nil
	})
	ids.ForEach(func(k, v []byte) error {
		var id ulid.ULID
		copy(id[:], k)
		if len(k) != 16 || !wantIDs[id] {
			c.add("ids", seqOf(v), "id %x points to seq %d, which holds no event with that id", k, seqOf(v))
		}
		return nil
	})
	facts.ForEach(func(k, v []byte) error {
		if !wantFacts[string(k)] {
			c.add("facts", seqOf(v), "fact %s points to seq %d, which holds no event of that fact", k, seqOf(v))
		}
		return nil
	})
	superseded.ForEach(func(k, v []byte) error {
		if len(k) != 32 || ids.Get(k[16:]) == nil {
			c.add("superseded", 0, "entry %x names a superseding event the store does not hold", k)
		}
		return nil
	})
	// entity_seq holds, for each entity, the last sequence filed under it: at least its last event.
	for id, seq := range lastOf {
		if v := entitySeq.Get([]byte(id)); v == nil || binary.BigEndian.Uint64(v) < seq {
			c.add("entity_seq", seq, "entity %s: the last sequence written under it is %d, but entity_seq says %d", id, seq, seqOf(v))
		}
	}
	names.ForEach(func(k, v []byte) error {
		i := bytes.IndexByte(k, 0)
		if i < 0 || entities.Get(k[i+1:]) == nil {
			c.add("names", 0, "name entry %q is for no entity the store holds", k)
		}
		return nil
	})
	return nil
}

// seqOf reads an 8-byte sequence, 0 if v is not one.
func seqOf(v []byte) uint64 {
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

// shortName quotes a name, cut to 60 bytes.
func shortName(s string) string {
	if len(s) > 60 {
		return fmt.Sprintf("%q…", s[:60])
	}
	return fmt.Sprintf("%q", s)
}
