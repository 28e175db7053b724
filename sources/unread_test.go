package sources_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"annals/sources"
)

// copyHarbour writes the partly unreadable test document into a new folder, with a facts file when
// facts is not "", and returns the folder.
func copyHarbour(t *testing.T, facts string) string {
	t.Helper()
	data, err := os.ReadFile("../document/testdata/unread/harbour-civic-party.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "harbour-civic-party.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if facts != "" {
		if err := os.WriteFile(filepath.Join(dir, "harbour-civic-party.facts.json"), []byte(facts), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadUnread(t *testing.T) {
	dir := copyHarbour(t, "")
	in, err := sources.Load([]string{dir, "../seeds/khmer-national-solidarity-party.txt"})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	// The parser's warnings and the extractor's, of every document, in line order.
	var lines []int
	for _, w := range in.Unread {
		if w.Name != "harbour-civic-party.txt" {
			t.Errorf("Load warning %v names another document than harbour-civic-party.txt", w)
		}
		lines = append(lines, w.Line)
	}
	if want := []int{7, 8, 14, 19, 20, 22, 27, 28, 29}; !slices.Equal(lines, want) {
		t.Errorf("Load warnings at lines %v, want %v:\n%v", lines, want, in.Unread)
	}
	if len(in.Documents) != 2 || len(in.Facts) < 20 {
		t.Errorf("Load = %d documents, %d facts, want both documents and their facts", len(in.Documents), len(in.Facts))
	}

	_, err = sources.LoadWith([]string{dir}, sources.LoadOptions{Strict: true})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "harbour-civic-party.txt")+": document harbour-civic-party.txt:7: infobox line") {
		t.Errorf("strict Load = %v, want the document refused at line 7", err)
	}
	seeds, err := sources.LoadWith([]string{"../seeds"}, sources.LoadOptions{Strict: true})
	if err != nil || len(seeds.Unread) != 0 {
		t.Errorf("strict Load(seeds) = %v, %v; want the seeds read without a warning", err, seeds)
	}
}

// A bad curated fact refuses the batch in lenient mode too.
func TestLoadUnreadCuratedStillRefused(t *testing.T) {
	dir := copyHarbour(t, `{"document":"harbour-civic-party.txt","facts":[{"type":"party.dissolved/v1","entity":"harbour-civic-party","date":"2009-02-30","source":{"quote":"Position: Centre"},"payload":{}}]}`)
	in, err := sources.Load([]string{dir})
	if err == nil || !strings.Contains(err.Error(), "2009-02-30") {
		t.Errorf("Load with an impossible curated date = %v, %v; want an error naming it", in, err)
	}
}
