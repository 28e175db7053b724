package jetlog

import (
	"context"
	"fmt"
	"testing"
	"time"

	"annals/embednats"
	"annals/events"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/oklog/ulid/v2"
)

func benchEvents(b *testing.B, first, n, parties int) []events.Event {
	b.Helper()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]events.Event, 0, n)
	for i := first; i < first+n; i++ {
		f := events.Fact{Type: events.TypeLeaderTookOffice, Entity: events.EntityID(fmt.Sprintf("party-%06d", i%parties)),
			Date:    events.MustParseDate(fmt.Sprintf("%04d", 1900+i%120)),
			Source:  events.Source{Document: "volume-00001.txt", Quote: fmt.Sprintf("sentence %d", i)},
			Payload: events.LeaderTookOffice{Office: events.Office{Person: events.EntityID(fmt.Sprintf("person-%d", i)), Role: "leader"}}}
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(now), ulid.DefaultEntropy()), now)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// BenchmarkAppend measures appending a batch of 512 events over 512 entities (one chain each) with
// the dedup id and the expected sequence, in the durable default and with lazy sync.
func BenchmarkAppend(b *testing.B) {
	for _, lazy := range []bool{false, true} {
		name := "durable"
		if lazy {
			name = "lazy-sync"
		}
		b.Run(name, func(b *testing.B) {
			const batch = 512
			srv, err := embednats.Start(embednats.Options{StoreDir: b.TempDir(), LazySync: lazy})
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Shutdown()
			nc, err := srv.Connect()
			if err != nil {
				b.Fatal(err)
			}
			defer nc.Close()
			js, err := jetstream.New(nc)
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			l, err := Open(ctx, js, Config{})
			if err != nil {
				b.Fatal(err)
			}
			expect := map[events.EntityID]uint64{}
			next := 0
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				evs := benchEvents(b, next, batch, batch)
				b.StartTimer()
				seqs, err := l.Append(ctx, evs, expect)
				if err != nil {
					b.Fatal(err)
				}
				for i, e := range evs {
					expect[e.Entity] = seqs[i]
				}
				next += batch
			}
			b.ReportMetric(float64(batch*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
