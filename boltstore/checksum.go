package boltstore

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"slices"
	"sync"

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
//	meta:          "last_seq" is sealed too (12 bytes)
//	counts:        "events" → the number of records in events, "entities" → in entities (sealed)
//	entity_counts: entity → the number of its entries in by_entity (sealed)

var (
	bucketCounts       = []byte("counts")
	bucketEntityCounts = []byte("entity_counts")
	checksumsVersion   = "crc32c" // part of the schema fingerprint
	countEvents        = []byte("events")
	countEntities      = []byte("entities")
)

// castagnoli returns the table of the checksums. Making it readies the hardware's tables too, a third
// of a millisecond once per process: the first call, from a goroutine init starts, makes it while the
// process goes on with the rest of its start, on another core.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

func init() { go castagnoli() }

// sum is the checksum of a key and its value.
func sum(k, v []byte) uint32 {
	tab := castagnoli()
	return crc32.Update(crc32.Checksum(k, tab), tab, v)
}

// seal returns a copy of v followed by the checksum of k and v.
func seal(k, v []byte) []byte {
	out := make([]byte, len(v), len(v)+4)
	copy(out, v)
	return binary.BigEndian.AppendUint32(out, sum(k, v))
}

// unseal returns the value stored under k without its checksum, and false if the checksum does not
// match.
func unseal(k, v []byte) ([]byte, bool) {
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
	if len(record) >= 17 && isCompact(record) {
		var id [16]byte
		copy(id[:], record[1:17])
		return damaged("event at seq %d (%s as stored) fails its integrity check", seq, ulid.ULID(id))
	}
	return damaged("event at seq %d fails its integrity check", seq)
}

// readCount returns the count under k in b (0 if none).
func readCount(b *bolt.Bucket, k []byte) (uint64, error) {
	if b == nil {
		return 0, damaged("the count of %s is missing", k)
	}
	return countIn(k, b.Get(k))
}

// countIn returns the count v holds under k (0 for nil).
func countIn(k, v []byte) (uint64, error) {
	if v == nil {
		return 0, nil
	}
	body, ok := unseal(k, v)
	if !ok || len(body) != 8 {
		return 0, damaged("the count of %s fails its integrity check", k)
	}
	return binary.BigEndian.Uint64(body), nil
}

// addCount adds n to the count under k in the bucket of c, a cursor of it.
func addCount(c *bolt.Cursor, k []byte, n int) error {
	if n == 0 {
		return nil
	}
	old, err := countIn(k, seekGet(c, k))
	if err != nil {
		return err
	}
	return c.Bucket().Put(k, seal(k, u64(old+uint64(n))))
}

// counts are what a writer adds to the counts, written with its entities at the end of a batch.
type counts struct {
	events, entities int
	byEntity         map[events.EntityID]int
}

// putByEntity stores a by_entity entry of entity, sealed; flushPuts writes it at the end of the batch,
// counting it if it is new.
func (w *writer) putByEntity(entity events.EntityID, k, v []byte) error {
	return w.byEntity.put(k, binary.BigEndian.AppendUint32(v, sum(k, v)), entity)
}

// flushCounts writes the counts of the batch, the entities' in key order.
func (w *writer) flushCounts() error {
	totals, entityCounts := w.tx.Bucket(bucketCounts), w.tx.Bucket(bucketEntityCounts)
	if totals == nil || entityCounts == nil {
		return damaged("the store's counts are missing")
	}
	c := totals.Cursor()
	if err := addCount(c, countEvents, w.counts.events); err != nil {
		return err
	}
	if err := addCount(c, countEntities, w.counts.entities); err != nil {
		return err
	}
	ids := make([]events.EntityID, 0, len(w.counts.byEntity))
	for id := range w.counts.byEntity {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	ec := entityCounts.Cursor()
	for _, id := range ids {
		if err := addCount(ec, []byte(id), w.counts.byEntity[id]); err != nil {
			return err
		}
	}
	w.counts = counts{}
	return nil
}
