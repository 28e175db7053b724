package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"annals/bench/generate"
	"annals/boltstore"
	"annals/events"
	"annals/history"
	"annals/projections"

	bolt "go.etcd.io/bbolt"
)

// QueryDay is the historical day the state figures ask about.
var QueryDay = events.DayOf(1975, 6, 1)

func percentile(ds []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }

// queries adds 5% corrections to the durable record, then measures figures 3, 4 and 5 on it.
func (r *runner) queries(ctx context.Context, e *env, parties, samples int) error {
	sz := fmtSize(parties)
	// Corrections: 5% of the recorded events, recorded after a pause so that --known-at can fall
	// between the record and its corrections.
	var recorded []events.Event
	if err := e.store.Scan(ctx, 1, func(st events.Stored) error { recorded = append(recorded, st.Event); return nil }); err != nil {
		return err
	}
	corr := generate.Corrections(recorded, CorrectionRate, r.seed)
	recorded = nil
	time.Sleep(5 * time.Millisecond)
	knownAt := time.Now().UTC()
	time.Sleep(5 * time.Millisecond)
	r.progress("size %s: recording %d corrections", sz, len(corr))
	corrD, err := timed(func() error { _, err := e.recorder().Record(ctx, corr); return err })
	if err != nil {
		return fmt.Errorf("record corrections: %w", err)
	}
	r.note("at %s, %d corrections (%.0f%% of the non-name events) recorded in %s (%.0f events/s) before the query figures",
		sz, len(corr), CorrectionRate*100, corrD.Round(time.Millisecond), float64(len(corr))/corrD.Seconds())

	// The query figures read the store alone, as a `query` process does: the server and its caches
	// (a GiB at 100k parties) are shut down first, so that the garbage collector does not scan them.
	path := e.store.Path()
	if err := e.store.Close(); err != nil {
		return err
	}
	e.store = nil
	e.close()
	runtime.GC()
	store, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer store.Close()
	raw, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer raw.Close()

	all, err := store.Entities(ctx)
	if err != nil {
		return err
	}
	names := make(map[events.EntityID]string, len(all))
	kinds := make(map[events.EntityID]events.Kind, len(all))
	var partyIDs []events.EntityID
	for _, s := range all {
		kinds[s.ID] = s.Kind
		if len(s.Names) > 0 {
			names[s.ID] = s.Names[0]
		}
		if s.Kind == events.KindParty {
			partyIDs = append(partyIDs, s.ID)
		}
	}
	nameOf := func(id events.EntityID) string {
		if n, ok := names[id]; ok {
			return n
		}
		return string(id)
	}

	r.progress("size %s: loading SQLite", sz)
	var db *sql.DB
	loadD, err := timed(func() error {
		var err error
		db, err = buildSQLite(ctx, filepath.Dir(path), func(fn func(events.Stored, []byte, []byte) error) error {
			return scanStore(ctx, store, fn)
		}, kinds)
		return err
	})
	if err != nil {
		return err
	}
	defer db.Close()
	r.note("at %s the SQLite baseline took %s to load (one transaction, indexes built after)", sz, loadD.Round(time.Millisecond))
	oneStmt, err := db.PrepareContext(ctx, `SELECT e.seq, e.data FROM entity_events x JOIN events e ON e.seq = x.seq
		WHERE x.entity = ? ORDER BY x.earliest, x.latest, x.seq`)
	if err != nil {
		return err
	}
	defer oneStmt.Close()
	oneCompactStmt, err := db.PrepareContext(ctx, `SELECT e.seq, e.compact FROM entity_events x JOIN events e ON e.seq = x.seq
		WHERE x.entity = ? ORDER BY x.earliest, x.latest, x.seq`)
	if err != nil {
		return err
	}
	defer oneCompactStmt.Close()

	// One party as `query state --at DAY --party ID` answers it: history resolves the id and folds.
	annalsOne := func(id events.EntityID, t time.Time) (projections.PartyState, error) {
		states, err := history.New(store, history.Options{KnownAt: t}).State(ctx, QueryDay, string(id))
		if err != nil {
			return projections.PartyState{}, err
		}
		return states[0], nil
	}
	var touched byte // the floor reads a byte of every record, so that its pages are really read
	rawOne := func(id events.EntityID) (int, error) {
		n := 0
		err := raw.View(func(tx *bolt.Tx) error {
			idx := tx.Bucket([]byte("by_entity"))
			prefix := append([]byte(id), 0)
			c := idx.Cursor()
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				if len(v) > 0 {
					touched ^= v[len(v)-1]
					n++
				}
			}
			return nil
		})
		return n, err
	}
	sqliteOne := func(id events.EntityID, compact bool) (projections.PartyState, error) {
		stmt, decode := oneStmt, events.DecodeChecked
		if compact {
			stmt, decode = oneCompactStmt, boltstore.DecodeCompact
		}
		rows, err := stmt.QueryContext(ctx, string(id))
		if err != nil {
			return projections.PartyState{}, err
		}
		defer rows.Close()
		var evs []events.Event
		for rows.Next() {
			var seq int64
			var data []byte
			if err := rows.Scan(&seq, &data); err != nil {
				return projections.PartyState{}, err
			}
			ev, err := decode(data)
			if err != nil {
				return projections.PartyState{}, err
			}
			evs = append(evs, ev)
		}
		if err := rows.Err(); err != nil {
			return projections.PartyState{}, err
		}
		return projections.Party(id, projections.Effective(evs, time.Time{}), QueryDay, nameOf), nil
	}

	// 3 and 5: one party, annals interleaved with its floor so that drift hits both alike.
	rng := rand.New(rand.NewSource(r.seed))
	sample := make([]events.EntityID, samples)
	for i := range sample {
		sample[i] = partyIDs[rng.Intn(len(partyIDs))]
	}
	var tAnnals, tRaw, tSQLite, tSQLiteCompact, tKnown []time.Duration
	var evCount int
	mismatch := 0
	// annals and its floor are timed in passes of their own, apart from SQLite's: the garbage of the
	// SQLite driver would otherwise set off collections inside annals' timings (and the reverse).
	for pass := range 2 { // the first pass warms the page cache and is not counted
		for _, id := range sample {
			t0 := time.Now()
			_, err := annalsOne(id, time.Time{})
			t1 := time.Now()
			n, err2 := rawOne(id)
			t2 := time.Now()
			_, err4 := annalsOne(id, knownAt)
			t3 := time.Now()
			if err := firstErr(err, err2, err4); err != nil {
				return err
			}
			if pass == 0 {
				continue
			}
			evCount += n
			tAnnals = append(tAnnals, t1.Sub(t0))
			tRaw = append(tRaw, t2.Sub(t1))
			tKnown = append(tKnown, t3.Sub(t2))
		}
	}
	for pass := range 2 {
		for _, id := range sample {
			t0 := time.Now()
			s, err := sqliteOne(id, false)
			t1 := time.Now()
			_, err2 := sqliteOne(id, true)
			t2 := time.Now()
			if err := firstErr(err, err2); err != nil {
				return err
			}
			if pass == 0 {
				a, err := annalsOne(id, time.Time{})
				if err != nil {
					return err
				}
				if !slices.Equal(a.Status.States, s.Status.States) || len(a.Leaders) != len(s.Leaders) {
					mismatch++
				}
				continue
			}
			tSQLite = append(tSQLite, t1.Sub(t0))
			tSQLiteCompact = append(tSQLiteCompact, t2.Sub(t1))
		}
	}
	if mismatch > 0 {
		r.note("one party: SQLite and annals disagreed on status or leader count for %d of %d sampled parties", mismatch, len(sample))
	}
	r.note("one party (3, 5): %d parties sampled at %s, about %.1f index entries each, as of %s, each timed in a second pass after a warming one (annals, its known-at variant and the floor interleaved in one pass, the SQLite variants in another, so that neither's garbage is collected inside the other's timings); annals = history.State with one party, as `query state --party` runs it (Resolve + the party's stored answers, one Get + projections.AnswerOn; EntityEvents + Effective + Party for a party without them); floor = bbolt prefix seek over by_entity reading each entry's bytes (the index holds each event's compact record), no decoding; SQLite = the indexed query + DecodeChecked of the JSON rows + the same fold; 'SQLite, compact rows' = the same query over a column of annals' compact encoding + DecodeCompact (no target: it shows how much of the gap is the encoding)",
		len(sample), sz, float64(evCount)/float64(len(sample)), QueryDay)
	for _, p := range []struct {
		name string
		q    float64
	}{{"p50", 0.5}, {"p99", 0.99}} {
		a, f, s := percentile(tAnnals, p.q), percentile(tRaw, p.q), percentile(tSQLite, p.q)
		r.add(atMost(Row{Figure: "3. one party as of a day, " + p.name, Size: sz, Value: us(a), Unit: "µs", Baseline: us(f), Against: "raw bbolt prefix seek"}, map[string]float64{"p50": 3, "p99": 4}[p.name]))
		r.add(atMost(Row{Figure: "3. one party as of a day, " + p.name, Size: sz, Value: us(a), Unit: "µs", Baseline: us(s), Against: "SQLite query + same fold"}, 0.1))
		r.add(Row{Figure: "3. one party as of a day, " + p.name, Size: sz, Value: us(a), Unit: "µs", Baseline: us(percentile(tSQLiteCompact, p.q)), Against: "SQLite, compact rows"})
	}
	k, a := percentile(tKnown, 0.5), percentile(tAnnals, 0.5)
	r.add(atMost(Row{Figure: "5. --known-at (before corrections), p50", Size: sz, Value: us(k), Unit: "µs", Baseline: us(a), Against: "plain as-of answer"}, 1.5))

	// 4: every party on the day.
	r.progress("size %s: all parties on a day", sz)
	// Every party as `query state --at DAY` answers it: history.State (the lifetime index, then the
	// parallel fold).
	allAnnals := func(workers int) (int, error) {
		states, err := history.New(store, history.Options{Workers: workers}).State(ctx, QueryDay, "")
		return len(states), err
	}
	allSQLite := func() (int, error) {
		rows, err := db.QueryContext(ctx, `SELECT x.entity, e.data FROM entity_events x JOIN events e ON e.seq = x.seq
			WHERE x.kind = 'party' ORDER BY x.entity, x.earliest, x.latest, x.seq`)
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		n := 0
		var cur string
		var evs []events.Event
		fold := func() {
			if cur != "" && projections.Party(events.EntityID(cur), projections.Effective(evs, time.Time{}), QueryDay, nameOf).Exists() {
				n++
			}
		}
		for rows.Next() {
			var entity string
			var data []byte
			if err := rows.Scan(&entity, &data); err != nil {
				return 0, err
			}
			if entity != cur {
				fold()
				cur, evs = entity, evs[:0]
			}
			ev, err := events.DecodeChecked(data)
			if err != nil {
				return 0, err
			}
			evs = append(evs, ev)
		}
		fold()
		return n, rows.Err()
	}
	// The stored-answer floor: one seek and one decode per party, read from bbolt directly (the
	// answers bucket, projections.AnswerOn), on every core, no listing, no sort.
	floorAll := func() (int, error) {
		var n atomic.Int64
		workers := runtime.GOMAXPROCS(0)
		share := (len(partyIDs) + workers - 1) / workers
		var wg sync.WaitGroup
		errs := make([]error, workers)
		for w, start := 0, 0; start < len(partyIDs); w, start = w+1, start+share {
			part := partyIDs[start:min(start+share, len(partyIDs))]
			wg.Go(func() {
				errs[w] = raw.View(func(tx *bolt.Tx) error {
					b := tx.Bucket([]byte("answers"))
					if b == nil {
						return fmt.Errorf("the store keeps no answers")
					}
					for _, id := range part {
						v := b.Get([]byte(id))
						if len(v) < 13 || v[8] != 0 {
							continue // none kept (a link): not part of the floor
						}
						st, ok, err := projections.AnswerOn(v[9:len(v)-4], QueryDay)
						if err != nil {
							return err
						}
						if ok && st.Exists() {
							n.Add(1)
						}
					}
					return nil
				})
			})
		}
		wg.Wait()
		return int(n.Load()), errors.Join(errs...)
	}
	var dA, d1, dS, dF []time.Duration
	var nA, n1, nS, nF int
	for range 3 {
		d, err := timed(func() error { var err error; nF, err = floorAll(); return err })
		if err != nil {
			return err
		}
		dF = append(dF, d)
		d, err = timed(func() error { var err error; nA, err = allAnnals(runtime.GOMAXPROCS(0)); return err })
		if err != nil {
			return err
		}
		dA = append(dA, d)
		d, err = timed(func() error { var err error; n1, err = allAnnals(1); return err })
		if err != nil {
			return err
		}
		d1 = append(d1, d)
		d, err = timed(func() error { var err error; nS, err = allSQLite(); return err })
		if err != nil {
			return err
		}
		dS = append(dS, d)
	}
	if n1 != nA {
		r.note("all parties: one core found %d parties, every core %d", n1, nA)
	}
	ms := func(ds []time.Duration) float64 { return percentile(ds, 0.5).Seconds() * 1e3 }
	r.add(atMost(Row{Figure: "4. all parties on a day (median of 3)", Size: sz, Value: ms(dA), Unit: "ms",
		Baseline: ms(dS), Against: "SQLite query + same fold"}, 0.1))
	r.add(Row{Figure: "4. all parties on a day, one core", Size: sz, Value: ms(d1), Unit: "ms",
		Baseline: ms(dS), Against: "SQLite query + same fold"})
	r.add(Row{Figure: "4. all parties on a day (median of 3)", Size: sz, Value: ms(dA), Unit: "ms",
		Baseline: ms(dF), Against: "stored-answer floor: a Get + AnswerOn per party"})
	r.note("all parties (4): the stored-answer floor reads each party's stored answers (boltstore answers bucket) with one bbolt Get and decodes the day's state (projections.AnswerOn) on %d cores, with no listing and no sort: %d parties exist per the floor", runtime.GOMAXPROCS(0), nF)
	r.note("all parties (4): %d of %d parties exist on %s per annals, %d per SQLite; annals = history.State, as `query state --at` runs it (Store.Unfounded, the lifetime index, + Store.AllAnswers, every party's stored answers decoded with projections.AnswerOn on %d cores, the fold for the parties without them, then sorted by name); SQLite is one query on one connection; SQLite = one query joining entity_events(kind='party') to events, ordered by entity and date + DecodeChecked + the same fold",
		nA, len(partyIDs), QueryDay, nS, runtime.GOMAXPROCS(0))
	return nil
}

// scanStore calls fn with every event of the store, read through its API (checked as every read is):
// the event, its JSON wire encoding and its compact record.
func scanStore(ctx context.Context, store *boltstore.Store, fn func(st events.Stored, wire, compact []byte) error) error {
	return store.Scan(ctx, 1, func(st events.Stored) error {
		wire, err := events.EncodeEvent(st.Event)
		if err != nil {
			return err
		}
		compact, err := boltstore.AppendCompact(nil, st.Event)
		if err != nil {
			return err
		}
		return fn(st, wire, compact)
	})
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
