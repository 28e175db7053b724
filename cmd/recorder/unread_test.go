package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unreadDocs holds a document with a malformed infobox line, heading and tables, and an infobox date
// the extractor cannot read.
const unreadDocs = "../../document/testdata/unread"

// Ingest records what it can read of a document, says on stderr how much it skipped (each warning with
// --verbose), and exits 0; with --strict it refuses the document and writes nothing.
func TestIngestUnread(t *testing.T) {
	out, code := run(t, t0, "ingest", "--data", t.TempDir(), unreadDocs)
	if code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	golden(t, "ingest-unread", out)

	data := t.TempDir()
	out, code = run(t, t0, "ingest", "--verbose", "--data", data, unreadDocs)
	if code != 0 {
		t.Fatalf("ingest --verbose: %s", out)
	}
	golden(t, "ingest-unread-verbose", out)
	// What was read is in the record: ingesting it again records nothing new.
	again, code := run(t, t0, "ingest", "--data", data, unreadDocs)
	if code != 0 || !strings.HasPrefix(again, "recorded 0 new facts from 1 documents") {
		t.Errorf("ingest again = %q, want nothing new", again)
	}

	data = filepath.Join(t.TempDir(), "data")
	out, code = run(t, t0, "ingest", "--strict", "--data", data, unreadDocs)
	if code != 1 || !strings.Contains(out, `error: ../../document/testdata/unread/harbour-civic-party.txt: document harbour-civic-party.txt:7: infobox line is not "- Key: Value"`) {
		t.Errorf("ingest --strict = %q, want exit 1 and the document refused at line 7", out)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("ingest --strict created %s, want nothing written", data)
	}
}

// Extract prints the warnings too: with --json, one {"warning": ...} line each after the facts.
func TestExtractUnread(t *testing.T) {
	doc := filepath.Join(unreadDocs, "harbour-civic-party.txt")
	out, code := run(t, t0, "extract", "--json", doc)
	if code != 0 {
		t.Fatalf("extract --json: %s", out)
	}
	golden(t, "extract-unread-json", out)
	stdout, _, _ := strings.Cut(out, "--- stderr\n")
	var warnings []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var v struct {
			Warning map[string]any `json:"warning"`
		}
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("extract --json line %q: %v", line, err)
		}
		if v.Warning != nil {
			warnings = append(warnings, v.Warning)
		} else if len(warnings) > 0 {
			t.Errorf("extract --json printed a fact %q after a warning, want the warnings last", line)
		}
	}
	if len(warnings) != 9 || warnings[0]["document"] != "harbour-civic-party.txt" || warnings[0]["line"] != 7.0 ||
		warnings[0]["message"] != `infobox line is not "- Key: Value"; line skipped` {
		t.Errorf("extract --json warnings = %v, want 9, the first at line 7", warnings)
	}

	out, code = run(t, t0, "extract", "--strict", doc)
	if code != 1 || !strings.Contains(out, "harbour-civic-party.txt:7: infobox line") {
		t.Errorf("extract --strict = %q, want exit 1 and the document refused at line 7", out)
	}
}
