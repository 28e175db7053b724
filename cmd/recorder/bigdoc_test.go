package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A 10 MB document, ten times what one message of the server takes, records: its event goes through
// the stream's object store. It exports whole, verify finds the stream and the store alike, and
// replay rebuilds it.
func TestTenMegabyteDocumentRecords(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	var b strings.Builder
	b.WriteString("= Long Archive Party =\n\nLong Archive Party\n- Founded: 1990\n- Country: Testland\n\n")
	b.WriteString("The Long Archive Party (LAP) was founded in 1990 by Ada Quill.\n\n==Minutes==\n")
	for i := 0; b.Len() < 10<<20; i++ {
		fmt.Fprintf(&b, "- Minute %d: the party met, read the minutes of the last meeting and adopted them without change.\n", i)
	}
	path := filepath.Join(dir, "long-archive-party.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, t0, "ingest", "--data", data, path)
	if code != 0 || !strings.Contains(out, "recorded ") {
		t.Fatalf("ingest of a 10 MB document: %s", excerptOf(out))
	}
	exported, code := run(t, t0, "export", "--data", data)
	if code != 0 || !strings.Contains(exported, "Minute 90000:") {
		t.Fatalf("export does not hold the whole document (exit %d, %d bytes)", code, len(exported))
	}
	if out, code := run(t, t0, "verify", "--data", data); code != 0 {
		t.Fatalf("verify: %s", excerptOf(out))
	}
	if out, code := run(t, t0.Add(time.Hour), "replay", "--data", data); code != 0 {
		t.Fatalf("replay: %s", excerptOf(out))
	}
	again, _ := run(t, t0, "export", "--data", data)
	if again != exported {
		t.Fatal("the export after replay differs")
	}
}

func excerptOf(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
