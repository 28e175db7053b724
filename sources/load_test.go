package sources_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annals/events"
	"annals/sources"
)

func TestLoadFolderFileAndFactsFile(t *testing.T) {
	all, err := sources.Load([]string{"../seeds"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(all.Documents, ","); got != "cambodia-national-rescue-party.txt,cambodian-national-unity-party.txt,khmer-national-solidarity-party.txt" {
		t.Errorf("Load(seeds).Documents = %s, want the three seeds in name order", got)
	}
	one, err := sources.Load([]string{"../seeds/khmer-national-solidarity-party.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Documents) != 1 || len(one.Facts) == 0 || one.Facts[0].Type != events.TypeDocumentRecorded {
		t.Errorf("Load(one document) = %d documents, %d facts, want 1 document recorded first", len(one.Documents), len(one.Facts))
	}
	// A facts file on its own quotes documents the record already holds.
	facts, err := sources.Load([]string{"../seeds/khmer-national-solidarity-party.facts.json"})
	if err != nil {
		t.Fatal(err)
	}
	if len(facts.Documents) != 0 || len(facts.Facts) != len(one.Facts)-2 {
		// the document itself and its title's name come from the document, not the facts file
		t.Errorf("Load(facts file) = %d documents, %d facts, want 0 documents, %d facts", len(facts.Documents), len(facts.Facts), len(one.Facts)-2)
	}
}

func TestLoadErrorsNameTheInput(t *testing.T) {
	empty := t.TempDir()
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "x.txt"), []byte("\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want string
		is   error
	}{
		{"missing path", filepath.Join(empty, "nope"), "nope", os.ErrNotExist},
		{"no documents", empty, "no documents", events.ErrNotFound},
		{"blank document", bad, "x.txt", nil},
	}
	for _, tt := range tests {
		_, err := sources.Load([]string{tt.path})
		if err == nil || !strings.Contains(err.Error(), tt.want) || (tt.is != nil && !errors.Is(err, tt.is)) {
			t.Errorf("Load(%s) = %v, want an error naming %q", tt.name, err, tt.want)
		}
	}
}

// A folder given through a symbolic link is read as the folder it links to.
func TestLoadFolderThroughALink(t *testing.T) {
	link := filepath.Join(t.TempDir(), "seeds")
	target, err := filepath.Abs("../seeds")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	in, err := sources.Load([]string{link})
	if err != nil || len(in.Documents) != 3 {
		t.Fatalf("Load(a link to seeds) = %v, %v; want the 3 seed documents", in, err)
	}
}
