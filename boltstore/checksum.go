package boltstore

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"

	"annals/events"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"
)

// Checksums. bbolt checks its meta pages and nothing else: a flipped bit in a page of records reads
// back as another record, another key or no key at all. So the store seals what it keeps: every value
// of the events, by_entity, entities, names, superseded, lifetimes and founded_from buckets ends with
// a CRC-32C of its key and its value, checked on every read; and it counts what it keeps, so that a
// damaged page that hides records (a lowered element count, a branch pointing at the wrong page) is
// caught as well: the records of each entity in by_entity, every event and every entity record.
//
// CRC-32C (Castagnoli): it detects every burst of up to 32 flipped bits and all but one in 2^32 other
// damage, which is what a cache of the log needs (it is checked against random damage, not against
// an adversary: the log's signatures are for that), and it runs in hardware on amd64 and arm64 at
// several GB/s, some 20 ns for a record of a few hundred bytes, against half a microsecond to decode
// it. A truncated SHA-256 would cost ten times more for no gain against random damage.
//
//	meta:          "last_seq" is sealed too (12 bytes; 8 in an older store)
//	meta:          "checksums" → "crc32c": every value named above is sealed (absent: a store
//	               written before checksums; Open, for writing, seals it; read-only it reads unchecked)
//	counts:        "events" → the number of records in events, "entities" → in entities (sealed)
//	entity_counts: entity → the number of its entries in by_entity (sealed)

var (
	bucketCounts       = []byte("counts")
	bucketEntityCounts = []byte("entity_counts")
	keyChecksums       = []byte("checksums")
	checksumsVersion   = []byte("crc32c")
	countEvents        = []byte("events")
	countEntities      = []byte("entities")
	// sealedBuckets are the buckets whose every value ends with its checksum.
	sealedBuckets = [][]byte{bucketEvents, bucketByEntity, bucketEntities, bucketNames, bucketSuperseded,
		bucketLifetimes, bucketFoundedFrom}
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sum is the checksum of a key and its value.
func sum(k, v []byte) uint32 {
	return crc32.Update(crc32.Checksum(k, castagnoli), castagnoli, v)
}

// seal returns a copy of v followed by the checksum of k and v.
func seal(k, v []byte) []byte {
	out := make([]byte, len(v), len(v)+4)
	copy(out, v)
	return binary.BigEndian.AppendUint32(out, sum(k, v))
}

// unseal returns the value stored under k without its checksum, and false if the checksum does not
// match. With sealed false (a store written before checksums) it returns v as it is.
func unseal(sealed bool, k, v []byte) ([]byte, bool) {
	if !sealed {
		return v, true
	}
	if len(v) < 4 {
		return nil, false
	}
	body := v[:len(v)-4]
	return body, binary.BigEndian.Uint32(v[len(v)-4:]) == sum(k, body)
}

// damaged returns an error wrapping events.ErrCorrupt for what failed its check.
func damaged(format string, args ...any) error {
	return fmt.Errorf("%s: the store is damaged; rebuild it from the stream with `recorder replay`: %w",
		fmt.Sprintf(format, args...), events.ErrCorrupt)
}

// eventDamaged names an event whose record fails its checksum: its sequence and the id its record
// holds (which may be damaged too).
func eventDamaged(seq uint64, record []byte) error {
	if len(record) >= 17 && events.IsCompact(record) {
		var id [16]byte
		copy(id[:], record[1:17])
		return damaged("event at seq %d (%s as stored) fails its integrity check", seq, ulid.ULID(id))
	}
	return damaged("event at seq %d fails its integrity check", seq)
}

// isSealed reports whether the store's values carry checksums, and returns an error wrapping
// events.ErrCorrupt when the marker and the buckets that come with it disagree.
func isSealed(tx *bolt.Tx) (bool, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return false, nil
	}
	marked := bytes.Equal(meta.Get(keyChecksums), checksumsVersion)
	counted := tx.Bucket(bucketCounts) != nil && tx.Bucket(bucketEntityCounts) != nil
	if marked != counted {
		return false, damaged("the checksum marker of the store (%q) and its count buckets disagree", meta.Get(keyChecksums))
	}
	return marked, nil
}

// readCount returns the count under k in b (0 if none).
func readCount(b *bolt.Bucket, k []byte) (uint64, error) {
	if b == nil {
		return 0, damaged("the count of %s is missing", k)
	}
	v := b.Get(k)
	if v == nil {
		return 0, nil
	}
	body, ok := unseal(true, k, v)
	if !ok || len(body) != 8 {
		return 0, damaged("the count of %s fails its integrity check", k)
	}
	return binary.BigEndian.Uint64(body), nil
}

// addCount adds n to the count under k in b.
func addCount(b *bolt.Bucket, k []byte, n int) error {
	if n == 0 {
		return nil
	}
	old, err := readCount(b, k)
	if err != nil {
		return err
	}
	return b.Put(k, seal(k, u64(old+uint64(n))))
}

// counts are what a writer adds to the counts, written with its entities at the end of a batch.
type counts struct {
	events, entities int
	byEntity         map[events.EntityID]int
}

// putByEntity stores a by_entity entry of entity, sealed, counting it if it is new.
func (w *writer) putByEntity(entity events.EntityID, k, v []byte) error {
	b := w.tx.Bucket(bucketByEntity)
	if b.Get(k) == nil {
		if w.counts.byEntity == nil {
			w.counts.byEntity = map[events.EntityID]int{}
		}
		w.counts.byEntity[entity]++
	}
	return b.Put(k, binary.BigEndian.AppendUint32(v, sum(k, v)))
}

// flushCounts writes the counts of the batch.
func (w *writer) flushCounts() error {
	c := w.tx.Bucket(bucketCounts)
	if err := addCount(c, countEvents, w.counts.events); err != nil {
		return err
	}
	if err := addCount(c, countEntities, w.counts.entities); err != nil {
		return err
	}
	ec := w.tx.Bucket(bucketEntityCounts)
	for id, n := range w.counts.byEntity {
		if err := addCount(ec, []byte(id), n); err != nil {
			return err
		}
	}
	w.counts = counts{}
	return nil
}

// sealStore brings a store written before checksums up to date, in the transaction of Open: it
// checks that every event still decodes, seals every value of the sealed buckets, fills in the
// by_entity entries that an older store keeps without their record, and counts. Sealing vouches for
// records that were checked when they were written and decode now; damage that still decodes is
// beyond what it can tell (replay rebuilds a store from the log). A new store is only marked.
func sealStore(tx *bolt.Tx) error {
	sealed, err := isSealed(tx)
	if err != nil || sealed {
		return err
	}
	counter, err := tx.CreateBucket(bucketCounts)
	if err != nil {
		return fmt.Errorf("seal the store: %w", err)
	}
	entityCounts, err := tx.CreateBucket(bucketEntityCounts)
	if err != nil {
		return fmt.Errorf("seal the store: %w", err)
	}
	evb := tx.Bucket(bucketEvents)
	nEvents := 0
	err = rewrite(evb, func(k, v []byte) ([]byte, error) {
		if _, err := decodeStored(v); err != nil {
			return nil, damaged("seal the store: event at seq %d does not decode (%v)", binary.BigEndian.Uint64(k), err)
		}
		nEvents++
		return seal(k, v), nil
	})
	if err != nil {
		return err
	}
	perEntity := map[string]int{}
	err = rewrite(tx.Bucket(bucketByEntity), func(k, v []byte) ([]byte, error) {
		if len(k) < 25 || len(v) < 9 {
			return nil, damaged("seal the store: a by_entity entry of %d bytes under a key of %d", len(v), len(k))
		}
		perEntity[string(k[:len(k)-25])]++
		if len(v) > 9 {
			return seal(k, v), nil
		}
		// An entry of a store written before by_entity held records: role and seq.
		record := evb.Get(v[1:9])
		if record == nil {
			return nil, damaged("seal the store: event at seq %d is indexed but missing", binary.BigEndian.Uint64(v[1:9]))
		}
		record, _ = unseal(true, v[1:9], record) // sealed above
		return seal(k, append(append([]byte(nil), v...), record...)), nil
	})
	if err != nil {
		return err
	}
	nEntities := 0
	for _, name := range [][]byte{bucketEntities, bucketNames, bucketSuperseded, bucketLifetimes, bucketFoundedFrom} {
		err := rewrite(tx.Bucket(name), func(k, v []byte) ([]byte, error) {
			if bytes.Equal(name, bucketEntities) {
				nEntities++
			}
			return seal(k, v), nil
		})
		if err != nil {
			return err
		}
	}
	for id, n := range perEntity {
		if err := entityCounts.Put([]byte(id), seal([]byte(id), u64(uint64(n)))); err != nil {
			return fmt.Errorf("seal the store: %w", err)
		}
	}
	if err := counter.Put(countEvents, seal(countEvents, u64(uint64(nEvents)))); err != nil {
		return fmt.Errorf("seal the store: %w", err)
	}
	if err := counter.Put(countEntities, seal(countEntities, u64(uint64(nEntities)))); err != nil {
		return fmt.Errorf("seal the store: %w", err)
	}
	meta := tx.Bucket(bucketMeta)
	if v := meta.Get(keyLastSeq); len(v) == 8 {
		if err := meta.Put(keyLastSeq, seal(keyLastSeq, v)); err != nil {
			return fmt.Errorf("seal the store: %w", err)
		}
	}
	return meta.Put(keyChecksums, checksumsVersion)
}

// rewrite replaces every value of b (if b exists) with what fn returns for it, 1,024 at a time (a
// bucket must not change under its cursor).
func rewrite(b *bolt.Bucket, fn func(k, v []byte) ([]byte, error)) error {
	if b == nil {
		return nil
	}
	var keys, vals [][]byte
	c := b.Cursor()
	k, v := c.First()
	for k != nil {
		keys, vals = keys[:0], vals[:0]
		for ; k != nil && len(keys) < 1024; k, v = c.Next() {
			nv, err := fn(k, v)
			if err != nil {
				return err
			}
			keys, vals = append(keys, append([]byte(nil), k...)), append(vals, nv)
		}
		var next []byte
		if k != nil {
			next = append(next, k...)
		}
		for i := range keys {
			if err := b.Put(keys[i], vals[i]); err != nil {
				return fmt.Errorf("seal the store: %w", err)
			}
		}
		if next != nil {
			// Seek back to where the batch stopped: the puts may have moved the cursor's pages.
			k, v = c.Seek(next)
		}
	}
	return nil
}
