package boltstore

import (
	"bytes"
	"slices"
	"unsafe"

	"annals/events"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// pendingPuts holds the puts a batch makes to one index whose keys are scattered (fact ids, event
// ids, entities, names), to be written in key order at the end of the batch: bbolt then reaches each
// leaf once and fills it from the front, where as many inserts in arrival order would each search
// the tree and shift a leaf's entries. Within the batch, reads of the index look here first (get), so
// the batch sees its own writes as it did when they went straight to bbolt.
type pendingPuts map[string]pendingPut

type pendingPut struct {
	v      []byte
	entity events.EntityID // by_entity: the entity whose entry it is, counted
}

// put holds v under k; the last put of a key wins. It refuses what bbolt would refuse, with bbolt's
// error, so that an event the store cannot hold is found while it is applied, and quarantined.
func (p *pendingPuts) put(k, v []byte, entity events.EntityID) error {
	if err := storable(k, v); err != nil {
		return err
	}
	if *p == nil {
		*p = pendingPuts{}
	}
	(*p)[string(k)] = pendingPut{v: v, entity: entity}
	return nil
}

// get returns the value of k as the batch leaves it so far, nil if none; c is a cursor of the index,
// repositioned.
func (p pendingPuts) get(c *bolt.Cursor, k []byte) []byte {
	if put, ok := p[string(k)]; ok {
		return put.v
	}
	return seekGet(c, k)
}

// seekGet returns the value of k in the bucket of c, nil if none: Bucket.Get through a cursor the
// caller keeps, whose path down the tree is reused instead of allocated for each read.
func seekGet(c *bolt.Cursor, k []byte) []byte {
	if ck, v := c.Seek(k); bytes.Equal(ck, k) {
		return v
	}
	return nil
}

// flush writes the puts to b in key order and forgets them.
func (p *pendingPuts) flush(b *bolt.Bucket) error {
	keys := make([]string, 0, len(*p))
	for k := range *p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		// bbolt copies the key it puts: the string's bytes are lent, not copied again.
		if err := b.Put(unsafe.Slice(unsafe.StringData(k), len(k)), (*p)[k].v); err != nil {
			return err
		}
	}
	*p = nil
	return nil
}

// storable returns the error bbolt's Put returns for a key or value it cannot hold, nil otherwise.
func storable(k, v []byte) error {
	switch {
	case len(k) == 0:
		return berrors.ErrKeyRequired
	case len(k) > bolt.MaxKeySize:
		return berrors.ErrKeyTooLarge
	case int64(len(v)) > bolt.MaxValueSize:
		return berrors.ErrValueTooLarge
	}
	return nil
}
