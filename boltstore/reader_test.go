package boltstore_test

import (
	"path/filepath"
	"testing"

	"annals/boltstore"
	"annals/events/eventstest"
)

func TestReaderConformance(t *testing.T) {
	eventstest.TestReader(t, func(t *testing.T) eventstest.ReadStore {
		s, err := boltstore.Open(filepath.Join(t.TempDir(), "annals.db"), boltstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
