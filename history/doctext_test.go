package history_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/events/eventstest"
	"annals/history"
)

// The text of a document is its document.recorded event's, as the record held it when asked.
func TestDocumentText(t *testing.T) {
	ctx := context.Background()
	const name, text = "coastal-union.txt", "Coastal Union\n\nThe Coastal Union (CU) is a fictional party of Valdoria.\n"
	doc := events.Fact{Type: events.TypeDocumentRecorded, Entity: events.DocumentEntity(name), Date: events.MustParseDate("XXXX"),
		Source:  events.Source{Document: name, Quote: "Coastal Union"},
		Payload: events.DocumentRecorded{Name: name, Title: "Coastal Union", SHA256: events.DocumentDigest(text), Text: text}}
	named := eventstest.Named("coastal-union", events.KindParty, "Coastal Union", "XXXX")
	named.Source = events.Source{Document: name, Quote: "The Coastal Union (CU)"}
	evs := []events.Event{eventstest.NewEvent(t, named, eventstest.BaseMS), eventstest.NewEvent(t, doc, eventstest.BaseMS+10)}
	store, err := boltstore.Open(filepath.Join(t.TempDir(), "annals.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Apply(ctx, eventstest.Stored(1, evs...)); err != nil {
		t.Fatal(err)
	}
	got, err := history.New(store, history.Options{}).DocumentText(ctx, name)
	if err != nil || got != text {
		t.Errorf("DocumentText(%s) = %q, %v, want %q", name, got, err, text)
	}
	var nf *history.DocumentNotFoundError
	if _, err := history.New(store, history.Options{}).DocumentText(ctx, "missing.txt"); !errors.As(err, &nf) || !errors.Is(err, events.ErrNotFound) {
		t.Errorf("DocumentText(missing.txt) = %v, want a DocumentNotFoundError", err)
	}
	before := time.UnixMilli(int64(eventstest.BaseMS + 5)).UTC()
	if _, err := history.New(store, history.Options{KnownAt: before}).DocumentText(ctx, name); !errors.As(err, &nf) {
		t.Errorf("DocumentText(%s) known at %s, before it was recorded = %v, want a DocumentNotFoundError", name, before, err)
	}
}
