package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"

	"annals/events"

	_ "modernc.org/sqlite"
)

// The SQLite baseline: what a user would otherwise build. Two tables, with the obvious indexes:
//
//	events(seq INTEGER PRIMARY KEY, type TEXT, data BLOB, compact BLOB)
//	  data: the event's JSON wire encoding, what a user would store; compact: annals' compact
//	  encoding, so that a second baseline shows how much of the difference is the encoding
//	entity_events(entity TEXT, kind TEXT, earliest INT, latest INT, seq INT)
//	  one row per entity an event is about or involves (the same rows as bbolt's by_entity index)
//	  INDEX (entity, earliest, latest, seq), INDEX (kind, earliest)
//
// One party as of a day asks
//
//	SELECT e.seq, e.data FROM entity_events x JOIN events e ON e.seq = x.seq
//	WHERE x.entity = ? AND x.earliest <= ? ORDER BY x.earliest, x.latest, x.seq
//
// and then decodes the rows (events.DecodeChecked for JSON: the rows were checked when loaded;
// boltstore.DecodeCompact for the compact column) and folds them with the same projections.Party. All parties on a day asks the same with x.kind = 'party' instead of one entity,
// ordered by entity, and folds each party's rows.
const sqliteSchema = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE events(seq INTEGER PRIMARY KEY, type TEXT NOT NULL, data BLOB NOT NULL, compact BLOB NOT NULL);
CREATE TABLE entity_events(entity TEXT NOT NULL, kind TEXT NOT NULL, earliest INTEGER NOT NULL, latest INTEGER NOT NULL, seq INTEGER NOT NULL);
`

const sqliteIndexes = `
CREATE INDEX entity_events_by_entity ON entity_events(entity, earliest, latest, seq);
CREATE INDEX entity_events_by_kind ON entity_events(kind, entity, earliest, latest, seq);
ANALYZE;
`

// buildSQLite loads every event of the store into a SQLite file, in one transaction, and returns it
// open. kinds maps an entity to its kind.
func buildSQLite(ctx context.Context, dir string, scan func(func(st events.Stored, wire, compact []byte) error) error, kinds map[events.EntityID]events.Kind) (*sql.DB, error) {
	db, err := sql.Open("sqlite", filepath.Join(dir, "baseline.sqlite"))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, sqliteSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite schema: %w", err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		db.Close()
		return nil, err
	}
	insEvent, err := tx.PrepareContext(ctx, `INSERT INTO events(seq, type, data, compact) VALUES (?, ?, ?, ?)`)
	if err != nil {
		db.Close()
		return nil, err
	}
	insEntity, err := tx.PrepareContext(ctx, `INSERT INTO entity_events(entity, kind, earliest, latest, seq) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		db.Close()
		return nil, err
	}
	err = scan(func(st events.Stored, wire, compact []byte) error {
		e := st.Event
		if _, err := insEvent.ExecContext(ctx, int64(st.Seq), string(e.Type), wire, compact); err != nil {
			return err
		}
		lo, hi := int64(e.Date.Earliest()), int64(e.Date.Latest())
		for _, id := range append([]events.EntityID{e.Entity}, e.Involves()...) {
			if _, err := insEntity.ExecContext(ctx, string(id), string(kinds[id]), lo, hi, int64(st.Seq)); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = tx.Commit()
	} else {
		tx.Rollback()
	}
	if err == nil {
		_, err = db.ExecContext(ctx, sqliteIndexes)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("load sqlite: %w", err)
	}
	return db, nil
}
