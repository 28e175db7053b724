package sources_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"annals/events"
	"annals/sources"
)

const seedIDsGolden = "testdata/seed-entities.golden"

// TestSeedEntityIDsGolden pins every entity id the seeds produce (the entity of each fact and every
// entity it involves), sorted, one a line. Ids are derived from names by events.Slug and
// events.DocumentEntity; a change to either must not move the seeds' entities. Rerun with -update
// only when an id is meant to change, and review the diff.
func TestSeedEntityIDsGolden(t *testing.T) {
	loaded, err := sources.Load([]string{seedsDir})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[events.EntityID]bool{}
	for _, f := range loaded.Facts {
		seen[f.Entity] = true
		for _, id := range f.Involves() {
			seen[id] = true
		}
	}
	var ids []string
	for id := range seen {
		if err := id.Validate(); err != nil {
			t.Errorf("seed entity %q: %v", id, err)
		}
		ids = append(ids, string(id))
	}
	slices.Sort(ids)
	got := strings.Join(ids, "\n") + "\n"
	if *update {
		if err := os.WriteFile(filepath.FromSlash(seedIDsGolden), []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(filepath.FromSlash(seedIDsGolden))
	if err != nil {
		t.Fatalf("read golden (run with -update): %v", err)
	}
	if got != string(want) {
		t.Errorf("entity ids of the seeds differ from %s; rerun with -update and review the diff:\n%s", seedIDsGolden, got)
	}
}
