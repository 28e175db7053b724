package generate

import (
	"errors"
	"io"
	"reflect"
	"testing"

	"annals/events"

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

// TestStreamGivesGeneratesFacts: Stream gives the facts of Generate's history, in order, in batches of
// whole chunks of about the size asked, then io.EOF.
func TestStreamGivesGeneratesFacts(t *testing.T) {
	cfg := Config{Parties: 95, Seed: 7}
	want := Generate(cfg).Facts()
	next := Stream(cfg, 300)
	var got []events.Fact
	batches := 0
	for {
		batch, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if batches++; len(batch) < 300 && len(got)+len(batch) < len(want) {
			t.Errorf("batch %d holds %d facts, want at least 300 before the last", batches, len(batch))
		}
		got = append(got, batch...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Stream gave %d facts in %d batches, not Generate's %d in order", len(got), batches, len(want))
	}
	if _, err := next(); !errors.Is(err, io.EOF) {
		t.Errorf("next after the end = %v, want io.EOF", err)
	}
}

// TestAheadGivesTheSameBatches: reading one batch ahead gives the same batches in the same order, then
// io.EOF; cancelled early, it stops.
func TestAheadGivesTheSameBatches(t *testing.T) {
	cfg := Config{Parties: 95, Seed: 7}
	next, cancel := Ahead(Stream(cfg, 300))
	defer cancel()
	plain := Stream(cfg, 300)
	for i := 0; ; i++ {
		got, gerr := next()
		want, werr := plain()
		if !errors.Is(gerr, werr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("batch %d read ahead = %d facts, %v; want %d facts, %v", i, len(got), gerr, len(want), werr)
		}
		if werr != nil {
			break
		}
	}
	early, stop := Ahead(Stream(cfg, 10))
	if _, err := early(); err != nil {
		t.Fatal(err)
	}
	stop()
	stop() // again: nothing
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
