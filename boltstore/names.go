package boltstore

import (
	"fmt"

	"annals/events"

	bolt "go.etcd.io/bbolt"
)

// The names index is keyed by events.NameKey, whose folding may change from one version to the next
// (events.NameKeyVersion): the version is part of the schema fingerprint (schema.go), so a store
// folded by another version is refused and rebuilt from the log, never misread.

// eachEntityName calls fn with each entity's id (which is one of its names) and each of its names.
// Each entity record is checked against its checksum.
func eachEntityName(tx *bolt.Tx, fn func(name string, id events.EntityID) error) error {
	b := tx.Bucket(bucketEntities)
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		id := events.EntityID(k)
		v, ok := unseal(k, v)
		if !ok {
			return damaged("the record of entity %s fails its integrity check", id)
		}
		var rec entityRecord
		if err := decodeEntityRecord(v, &rec); err != nil {
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
