package generate

import (
	"reflect"
	"testing"

	"annals/sources"
)

func TestDeterministic(t *testing.T) {
	a := Generate(Config{Parties: 50, Seed: 7}).Facts()
	b := Generate(Config{Parties: 50, Seed: 7}).Facts()
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Generate(seed 7) twice gave different facts")
	}
	if n := len(a); n < 50*8 || n > 50*14 {
		t.Fatalf("50 parties gave %d facts, want about 10 a party", n)
	}
	for i, f := range a {
		if err := f.Validate(); err != nil {
			t.Fatalf("fact %d: %v", i, err)
		}
	}
}

// TestFilesLoadAsInMemory checks that the files Write produces load (through the document parser and
// the extractor) into the facts Facts returns.
func TestFilesLoadAsInMemory(t *testing.T) {
	h := Generate(Config{Parties: 45, Seed: 3})
	dir := t.TempDir()
	if _, err := Write(h, dir); err != nil {
		t.Fatal(err)
	}
	loaded, err := sources.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := h.Facts()
	if len(loaded.Facts) != len(want) {
		t.Fatalf("loaded %d facts, generated %d", len(loaded.Facts), len(want))
	}
	for i := range want {
		if loaded.Facts[i].ID() != want[i].ID() {
			t.Fatalf("fact %d: loaded %+v, generated %+v", i, loaded.Facts[i], want[i])
		}
	}
}
