package record_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/events"
	"annals/jetlog"
	"annals/record"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/oklog/ulid/v2"
)

// syntheticFacts returns a document and n facts quoting it, spread over parties entities.
func syntheticFacts(n, parties int) []events.Fact {
	var text strings.Builder
	text.WriteString("= Synthetic history =\n\n")
	for i := range n {
		fmt.Fprintf(&text, "Fact %d: party %d stated its aim number %d.\n", i, i%parties, i)
	}
	sum := sha256.Sum256([]byte(text.String()))
	doc := events.Fact{Type: events.TypeDocumentRecorded, Entity: events.DocumentEntity("synthetic.txt"),
		Date: events.MustParseDate("XXXX"), Source: events.Source{Document: "synthetic.txt", Quote: "= Synthetic history ="},
		Payload: events.DocumentRecorded{Name: "synthetic.txt", Title: "Synthetic history", SHA256: hex.EncodeToString(sum[:]), Text: text.String()}}
	facts := []events.Fact{doc}
	for i := range n {
		facts = append(facts, events.Fact{Type: events.TypeEntityDescribed, Entity: events.EntityID(fmt.Sprintf("party-%d", i%parties)),
			Date:    events.MustParseDate(fmt.Sprintf("%04d", 1900+i%100)),
			Source:  events.Source{Document: "synthetic.txt", Quote: fmt.Sprintf("Fact %d: party %d stated its aim number %d.", i, i%parties, i)},
			Payload: events.EntityDescribed{Attribute: "aim", Value: fmt.Sprintf("aim number %d", i)}})
	}
	return facts
}

type benchEnv struct {
	srv   *embednats.Server
	nc    *nats.Conn
	js    jetstream.JetStream
	log   *jetlog.Log
	store *boltstore.Store
}

func newBenchEnv(b *testing.B, lazy bool) *benchEnv {
	b.Helper()
	dir := b.TempDir()
	srv, err := embednats.Start(embednats.Options{StoreDir: filepath.Join(dir, "nats"), LazySync: lazy})
	if err != nil {
		b.Fatal(err)
	}
	nc, err := srv.Connect()
	if err != nil {
		b.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	stream := fmt.Sprintf("B%d", streamCounter.Add(1))
	log, err := jetlog.Open(context.Background(), js, jetlog.Config{Stream: stream, Prefix: "b." + stream})
	if err != nil {
		b.Fatal(err)
	}
	store, err := boltstore.Open(filepath.Join(dir, "annals.db"), boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	e := &benchEnv{srv: srv, nc: nc, js: js, log: log, store: store}
	b.Cleanup(func() { store.Close(); nc.Close(); srv.Shutdown() })
	return e
}

// BenchmarkIngest compares, in one run, the recorder (per-entity chains pipelined across entities,
// batched applies) with a naive pipeline (one durable publish at a time, one transaction per event),
// on the durable embedded server. Both publish with the dedup id and the expected entity sequence.
func BenchmarkIngest(b *testing.B) {
	const n, parties = 2000, 200
	facts := syntheticFacts(n, parties)
	recorder := func(lazy bool) func(b *testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				b.StopTimer()
				e := newBenchEnv(b, lazy)
				r := &record.Recorder{Log: e.log, Store: e.store, Now: time.Now, Entropy: ulid.Monotonic(rand.New(rand.NewSource(1)), 0)}
				b.StartTimer()
				if _, err := r.Record(context.Background(), facts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(facts)*b.N)/b.Elapsed().Seconds(), "events/s")
		}
	}
	b.Run("recorder", recorder(false))
	b.Run("recorder-lazy-sync", recorder(true))
	b.Run("naive", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			b.StopTimer()
			e := newBenchEnv(b, false)
			entropy := ulid.Monotonic(rand.New(rand.NewSource(1)), 0)
			b.StartTimer()
			ctx := context.Background()
			for _, f := range facts {
				now := time.Now()
				ev, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(now), entropy), now)
				if err != nil {
					b.Fatal(err)
				}
				expect, err := e.store.EntitySeqs(ctx, []events.EntityID{ev.Entity})
				if err != nil {
					b.Fatal(err)
				}
				seqs, err := e.log.Append(ctx, []events.Event{ev}, expect)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := e.store.Apply(ctx, []events.Stored{{Seq: seqs[0], Event: ev}}); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(len(facts)*b.N)/b.Elapsed().Seconds(), "events/s")
	})
}

// BenchmarkReplay measures record.Replay of a recorded log into an empty store, the way `recorder
// replay` rebuilds one.
func BenchmarkReplay(b *testing.B) {
	const n, parties = 20000, 500
	e := newBenchEnv(b, true)
	r := &record.Recorder{Log: e.log, Store: e.store, Now: time.Now, Entropy: ulid.Monotonic(rand.New(rand.NewSource(1)), 0)}
	if _, err := r.Record(context.Background(), syntheticFacts(n, parties)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		store, err := boltstore.Open(filepath.Join(b.TempDir(), "replayed.db"), boltstore.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := record.Replay(context.Background(), e.log, store, record.ReplayOptions{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64((n+1)*b.N)/b.Elapsed().Seconds(), "events/s")
}
