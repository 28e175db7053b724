package boltstore

import (
	"context"
	"encoding/binary"
	"fmt"

	"annals/events"

	bolt "go.etcd.io/bbolt"
)

// The lifetime index lets "every party on a day" skip the parties that certainly did not exist yet,
// without reading their events. A party exists on a day, in the fold, unless it has dated founding
// claims in effect and all of them begin after the day (projections.Party: "not yet founded"). The
// store keeps, for each party with a dated founding claim (events.Founds), the earliest day any such
// claim begins, whether in effect or not, and whether a correction or retraction has superseded one
// of them: a superseded founding may leave the party with no dated founding in effect, so such a
// party is never skipped.
//
//	lifetimes    party id → flags (1 byte: 1 = a founding claim superseded) + earliest day (8 bytes)
//	founded_from ordered earliest day (8 bytes) + party id → nothing, for parties without the flag
//
// Unfounded(day) reads founded_from from day+1 on: its cost grows with the parties it skips, not with
// the record.

var (
	bucketLifetimes   = []byte("lifetimes")
	bucketFoundedFrom = []byte("founded_from")
)

const flagSuperseded = 1

// dayKey encodes a day so that byte order is day order.
func dayKey(d events.Day) []byte {
	return binary.BigEndian.AppendUint64(nil, uint64(int64(d))^(1<<63))
}

// founded records that e dates the founding of each party in events.Founds(e).
func (w *writer) founded(e events.Event) error {
	if e.Date.Earliest() == events.MinDay && e.Date.Latest() == events.MaxDay {
		return nil // undated: the fold does not let it decide whether the party existed
	}
	for _, id := range events.Founds(e) {
		flags, earliest, ok, err := w.lifetime(id)
		if err != nil {
			return err
		}
		if ok && earliest <= e.Date.Earliest() {
			continue
		}
		if err := w.setLifetime(id, flags, earliest, ok, e.Date.Earliest()); err != nil {
			return err
		}
	}
	return nil
}

// foundingSuperseded marks the parties whose founding old dated as never to be skipped.
func (w *writer) foundingSuperseded(old events.Event) error {
	for _, id := range events.Founds(old) {
		flags, earliest, ok, err := w.lifetime(id)
		if err != nil {
			return err
		}
		if !ok || flags&flagSuperseded != 0 {
			continue // undated (no entry) or already marked
		}
		if err := w.setLifetime(id, flags|flagSuperseded, earliest, ok, earliest); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) lifetime(id events.EntityID) (flags byte, earliest events.Day, ok bool, err error) {
	v := w.tx.Bucket(bucketLifetimes).Get([]byte(id))
	if v == nil {
		return 0, 0, false, nil
	}
	v, sound := unseal([]byte(id), v)
	if !sound || len(v) != 9 {
		return 0, 0, false, damaged("the lifetime of %s fails its integrity check", id)
	}
	return v[0], events.Day(int64(binary.BigEndian.Uint64(v[1:]))), true, nil
}

func (w *writer) setLifetime(id events.EntityID, flags byte, old events.Day, hadOld bool, earliest events.Day) error {
	from := w.tx.Bucket(bucketFoundedFrom)
	if hadOld {
		if err := from.Delete(append(dayKey(old), id...)); err != nil {
			return err
		}
	}
	if flags&flagSuperseded == 0 {
		k := append(dayKey(earliest), id...)
		if err := from.Put(k, seal(k, nil)); err != nil {
			return err
		}
	}
	v := binary.BigEndian.AppendUint64([]byte{flags}, uint64(int64(earliest)))
	return w.tx.Bucket(bucketLifetimes).Put([]byte(id), seal([]byte(id), v))
}

// Unfounded returns the parties that certainly did not exist yet on day, as the record stands now
// (every correction applied): each has dated founding claims, none superseded, and all begin after
// day. Every other party may exist on day, and the fold decides. It answers for the record as it is,
// not as it was known at an earlier time: for --known-at, fold every party.
func (s *Store) Unfounded(ctx context.Context, day events.Day) (map[events.EntityID]bool, error) {
	out := map[events.EntityID]bool{}
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.required(tx, bucketFoundedFrom)
		if b == nil {
			return err
		}
		if day == events.MaxDay {
			return nil
		}
		c := b.Cursor()
		n := 0
		for k, v := c.Seek(dayKey(day + 1)); k != nil; k, v = c.Next() {
			if n++; n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if _, ok := unseal(k, v); !ok || len(k) < 8 {
				return damaged("the lifetime index entry %x fails its integrity check", k)
			}
			out[events.EntityID(k[8:])] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("parties not founded by %s: %w", day, err)
	}
	return out, nil
}
