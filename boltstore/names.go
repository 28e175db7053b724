package boltstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"annals/events"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// The names index is keyed by events.NameKey, whose folding changes from one version to the next
// (events.NameKeyVersion). The meta bucket records the version the index was folded with; a store
// without the marker was folded by version 1 (case and white space only). Open, for writing, rebuilds
// an index of another version; a store opened read-only cannot, and answers Resolve from its entity
// records instead (staleNames).

var (
	// keyNameKeyVersion names the version of events.NameKey that folded the keys of the names index.
	keyNameKeyVersion = []byte("name_key_version")
	nameKeyVersion    = []byte(strconv.Itoa(events.NameKeyVersion))
)

// namesCurrent reports whether the names index of the store was folded by the NameKey of this build.
func namesCurrent(tx *bolt.Tx) bool {
	meta := tx.Bucket(bucketMeta)
	return meta != nil && bytes.Equal(meta.Get(keyNameKeyVersion), nameKeyVersion)
}

// buildNames rebuilds the names index, in the transaction of Open, when it was folded by another
// version of NameKey. The index holds every entity's id and the names of its entity record (the
// names its events gave it, which apply keeps there), so it is rebuilt from the entity records
// without reading the events.
func buildNames(tx *bolt.Tx) error {
	if namesCurrent(tx) {
		return nil
	}
	if err := tx.DeleteBucket(bucketNames); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
		return fmt.Errorf("rebuild the names index: %w", err)
	}
	names, err := tx.CreateBucket(bucketNames)
	if err != nil {
		return fmt.Errorf("rebuild the names index: %w", err)
	}
	err = eachEntityName(tx, true, func(name string, id events.EntityID) error {
		k := nameKey(name, id)
		return names.Put(k, seal(k, nil))
	})
	if err != nil {
		return fmt.Errorf("rebuild the names index: %w", err)
	}
	return tx.Bucket(bucketMeta).Put(keyNameKeyVersion, nameKeyVersion)
}

// eachEntityName calls fn with each entity's id (which is one of its names) and each of its names.
// With sealed, each entity record is checked against its checksum.
func eachEntityName(tx *bolt.Tx, sealed bool, fn func(name string, id events.EntityID) error) error {
	b := tx.Bucket(bucketEntities)
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		id := events.EntityID(k)
		v, ok := unseal(sealed, k, v)
		if !ok {
			return damaged("the record of entity %s fails its integrity check", id)
		}
		var rec entityRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("entity %s: %w", id, err)
		}
		if err := fn(string(id), id); err != nil {
			return err
		}
		for _, name := range rec.Names {
			if err := fn(name, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// staleNames answers Resolve for a store opened read-only whose names index another NameKey folded:
// an index in memory, built from the entity records on the first Resolve. No writer can change the
// file while a reader holds it open, so the index stays true while the Store is open.
type staleNames struct {
	once  sync.Once
	index map[string][]events.EntityID
	err   error
}

// resolve returns the entities whose name or id has the key, unsorted.
func (sn *staleNames) resolve(tx *bolt.Tx, sealed bool, key string) ([]events.EntityID, error) {
	sn.once.Do(func() {
		sn.index = map[string][]events.EntityID{}
		seen := map[string]bool{}
		sn.err = eachEntityName(tx, sealed, func(name string, id events.EntityID) error {
			k := events.NameKey(name)
			if k == "" || seen[k+"\x00"+string(id)] {
				return nil
			}
			seen[k+"\x00"+string(id)] = true
			sn.index[k] = append(sn.index[k], id)
			return nil
		})
		if sn.err != nil {
			sn.err = fmt.Errorf("read the names of an older store: %w", sn.err)
		}
	})
	return sn.index[key], sn.err
}
