package boltstore

import (
	"context"
	"time"

	"annals/events"

	bolt "go.etcd.io/bbolt"
)

var _ events.EntityLookup = (*Store)(nil)

// Lookup returns the entities known by a name or an id, sorted by id, as Resolve does, and calls fn
// with each, in that order, with its stored answers built by the Answerer of version and the recorded
// time after which they hold (as Answers passes them; nil answers for an entity without) and record,
// which reads the entity's record as Entity returns it: all in one read transaction, so that a
// question about one entity by its name reads the store once, and no more of it than it needs.
// answers and record are valid only while fn runs. An answer that fails its checksum is an error
// wrapping events.ErrCorrupt. It returns the first error of fn or of a read.
func (s *Store) Lookup(ctx context.Context, name, version string, fn func(id events.EntityID, answers []byte, since time.Time, record func() (events.EntitySummary, bool, error)) error) ([]events.EntityID, error) {
	ids := []events.EntityID{}
	key := events.NameKey(name)
	if key == "" {
		return ids, nil
	}
	err := s.viewCalling(func(tx *bolt.Tx, g *guard) error {
		var err error
		if ids, err = s.resolveIn(tx, name, key); err != nil || len(ids) == 0 {
			return err
		}
		answers := tx.Bucket(bucketAnswers)
		if answers != nil && !s.answersAre(tx, version) {
			answers = nil
		}
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			var a []byte
			var since time.Time
			if answers != nil {
				if v := answers.Get([]byte(id)); v != nil {
					if a, since, err = answerEntry([]byte(id), v); err != nil {
						return err
					}
				}
			}
			record := func() (events.EntitySummary, bool, error) { return entityIn(tx, id) }
			if err := g.call(func() error { return fn(id, a, since, record) }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}
