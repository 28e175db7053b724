package sources_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"annals/events"
	"annals/sources"
)

// streamed returns every fact of a stream over paths, batch by batch, and the documents of each batch.
func streamed(t *testing.T, paths []string, batchFacts int) ([]events.FactID, [][]string) {
	t.Helper()
	s, err := sources.OpenStream(paths, sources.LoadOptions{}, batchFacts)
	if err != nil {
		t.Fatal(err)
	}
	var ids []events.FactID
	var batches [][]string
	for {
		b, err := s.Next()
		if errors.Is(err, io.EOF) {
			return ids, batches
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range b.Facts {
			ids = append(ids, f.ID())
		}
		batches = append(batches, b.Documents)
	}
}

// TestStreamReadsWhatLoadReads: batch by batch, a stream reads the facts Load reads, each once; a
// document whose subject is resolved ("X (P)") comes last, with the facts files without a document.
func TestStreamReadsWhatLoadReads(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"cambodia-national-rescue-party", "cambodian-national-unity-party", "khmer-national-solidarity-party"} {
		for _, ext := range []string{".txt", ".facts.json"} {
			data, err := os.ReadFile(filepath.Join("..", "seeds", name+ext))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+ext), data, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A facts file without its document: read in the last batch.
	if err := os.Rename(filepath.Join(dir, "khmer-national-solidarity-party.txt"), filepath.Join(t.TempDir(), "away.txt")); err != nil {
		t.Fatal(err)
	}
	// A document titled "X (P)" without a subject set: put off to the last batch.
	doc := "= Sam Rainsy Party (Cambodia) =\n\nThe Sam Rainsy Party (Cambodia) was a party.\n"
	if err := os.WriteFile(filepath.Join(dir, "aaa-srp.txt"), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	all, err := sources.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var want []events.FactID
	for _, f := range all.Facts {
		want = append(want, f.ID())
	}
	for _, batchFacts := range []int{1, 50, 0} {
		got, batches := streamed(t, []string{dir}, batchFacts)
		slices.Sort(got)
		w := slices.Clone(want)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("stream (batches of %d facts) read %d facts, want Load's %d, the same", batchFacts, len(got), len(w))
		}
		last := batches[len(batches)-1]
		if !slices.Contains(last, "aaa-srp.txt") {
			t.Errorf("stream (batches of %d facts): last batch %v, want the document titled \"X (P)\" in it", batchFacts, last)
		}
		if batchFacts == 1 && len(batches) != 3 {
			t.Errorf("stream (batches of 1 fact) = %d batches %v, want one per document, the one put off last with the facts file", len(batches), batches)
		}
	}
}

func TestStreamErrors(t *testing.T) {
	if _, err := sources.OpenStream([]string{t.TempDir()}, sources.LoadOptions{}, 0); !errors.Is(err, events.ErrNotFound) {
		t.Errorf("OpenStream(empty folder) = %v, want ErrNotFound", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.facts.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := sources.OpenStream([]string{dir}, sources.LoadOptions{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Next(); err == nil {
		t.Errorf("Next(a malformed facts file) = nil, want an error naming it")
	}
}

// TestCheckReadsWhatLoadReads: Check counts the documents, facts and unread parts that LoadWith reads,
// whatever the batch size.
func TestCheckReadsWhatLoadReads(t *testing.T) {
	in, err := sources.LoadWith([]string{"../seeds"}, sources.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, batch := range []int{1, 0} {
		got, err := sources.Check([]string{"../seeds"}, sources.LoadOptions{}, batch)
		if err != nil {
			t.Fatalf("Check(seeds, batch %d) = %v", batch, err)
		}
		if got.Documents != len(in.Documents) || got.Facts != len(in.Facts) || len(got.Unread) != len(in.Unread) {
			t.Errorf("Check(seeds, batch %d) = %d documents, %d facts, %d unread; LoadWith reads %d, %d, %d", batch,
				got.Documents, got.Facts, len(got.Unread), len(in.Documents), len(in.Facts), len(in.Unread))
		}
	}
}

// TestCheckFindsABadFileInALaterBatch: a quote its document lacks, in the last of three batches, fails
// Check before anything would be recorded, naming the quote and the document.
func TestCheckFindsABadFileInALaterBatch(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"cambodia-national-rescue-party.txt", "cambodian-national-unity-party.txt"} {
		data, err := os.ReadFile(filepath.Join("../seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := os.ReadFile("../seeds/khmer-national-solidarity-party.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "z.txt"), doc, 0o600); err != nil {
		t.Fatal(err)
	}
	bad := `{"document":"z.txt","facts":[{"type":"party.dissolved/v1","entity":"khmer-national-solidarity-party","date":"1997","source":{"quote":"dissolved in 1998"},"payload":{}}]}`
	if err := os.WriteFile(filepath.Join(dir, "z.facts.json"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = sources.Check([]string{dir}, sources.LoadOptions{}, 1)
	if !errors.Is(err, events.ErrInvalid) || !strings.Contains(err.Error(), `quote "dissolved in 1998" does not occur in document z.txt`) {
		t.Errorf("Check(a bad quote in the last batch) = %v, want ErrInvalid naming the quote and z.txt", err)
	}
}
