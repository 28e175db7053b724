package record_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"annals/events"
	"annals/sources"
)

// TestIngestStreamRecordsWhatIngestRecords: the seeds ingested one document per batch give the record
// that ingesting them at once gives, and ingesting them again records nothing.
func TestIngestStreamRecordsWhatIngestRecords(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	facts := func(e *env) []events.FactID {
		var out []events.FactID
		err := e.store.Scan(ctx, 1, func(st events.Stored) error { out = append(out, st.Event.FactID()); return nil })
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(out)
		return out
	}
	whole := newEnv(t)
	in, err := sources.Load([]string{"../seeds"})
	if err != nil {
		t.Fatal(err)
	}
	want, err := whole.recorder(now, 1).Ingest(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	streamed := newEnv(t)
	for round := range 2 {
		s, err := sources.OpenStream([]string{"../seeds"}, sources.LoadOptions{}, 1)
		if err != nil {
			t.Fatal(err)
		}
		got, err := streamed.recorder(now, 2).IngestStream(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		if round == 1 {
			if got.Recorded != 0 || got.Known != want.Facts {
				t.Errorf("IngestStream(seeds) again = %d recorded, %d known, want 0, %d", got.Recorded, got.Known, want.Facts)
			}
			continue
		}
		if got.Documents != want.Documents || got.Facts != want.Facts || got.Recorded != want.Recorded {
			t.Errorf("IngestStream(seeds) = %d documents, %d facts, %d recorded, want Ingest's %d, %d, %d",
				got.Documents, got.Facts, got.Recorded, want.Documents, want.Facts, want.Recorded)
		}
	}
	if g, w := facts(streamed), facts(whole); !slices.Equal(g, w) {
		t.Errorf("IngestStream(seeds) recorded %d facts, want Ingest's %d, the same", len(g), len(w))
	}
}
