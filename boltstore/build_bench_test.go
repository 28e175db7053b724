package boltstore

import (
	"context"
	"math/rand"
	"path/filepath"
	"testing"

	"annals/events/eventstest"
	"annals/projections"
)

// BenchmarkApplyAnswers measures applying a random history of 400 parties in batches of 256 into a
// store that keeps the fold's answers: rebuilt batch by batch (as ingest applies), or deferred and
// built once at the end (as a replay applies).
func BenchmarkApplyAnswers(b *testing.B) {
	evs := eventstest.RandomHistory(b, rand.New(rand.NewSource(1)), 400)
	ctx := context.Background()
	run := func(deferred bool) func(b *testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				s, err := Open(filepath.Join(b.TempDir(), "annals.db"), Options{Answers: projections.StoredAnswers{}})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if deferred {
					s.DeferAnswers()
				}
				for start := 0; start < len(evs); start += 256 {
					if _, err := s.Apply(ctx, eventstest.Stored(uint64(start+1), evs[start:min(start+256, len(evs))]...)); err != nil {
						b.Fatal(err)
					}
				}
				if err := s.BuildAnswers(ctx); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(len(evs)*b.N)/b.Elapsed().Seconds(), "events/s")
		}
	}
	b.Run("batch-by-batch", run(false))
	b.Run("deferred", run(true))
}
