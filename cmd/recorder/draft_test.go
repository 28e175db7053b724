package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A new article without a facts file is recorded with the facts drafted from its running text; a
// person then reviews the drafted facts file, keeps it beside the article, and the next ingest records
// the curated facts and retracts the drafted ones, citing the review. A third ingest records nothing.
func TestDraftReviewWorkflow(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	article := filepath.Join(dir, "yabloko.txt")
	text, err := os.ReadFile("../../extract/testdata/gold/yabloko.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(article, text, 0o644); err != nil {
		t.Fatal(err)
	}

	out, code := run(t, t0, "ingest", "--data", data, "--no-draft", dir)
	if code != 0 {
		t.Fatalf("ingest --no-draft: %s", out)
	}
	undrafted := recordedCount(t, out)
	out, code = run(t, t0.Add(time.Hour), "ingest", "--data", data, dir)
	if code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	drafted := recordedCount(t, out)
	if drafted == 0 {
		t.Fatalf("ingest after --no-draft recorded no drafted facts:\n%s", out)
	}

	extracted, code := run(t, t0, "extract", "--json", article)
	if code != 0 || !strings.Contains(extracted, `"method":"drafted"`) || !strings.Contains(extracted, `"rule":"founded-as"`) {
		t.Fatalf("extract --json does not mark drafted facts with their rule:\n%s", extracted)
	}

	draft, code := run(t, t0, "extract", "--draft", article)
	if code != 0 {
		t.Fatalf("extract --draft: %s", draft)
	}
	file := draft[:strings.Index(draft, "--- stderr")]
	var parsed struct {
		Document string            `json:"document"`
		Facts    []json.RawMessage `json:"facts"`
	}
	if err := json.Unmarshal([]byte(file), &parsed); err != nil || parsed.Document != "yabloko.txt" || len(parsed.Facts) == 0 {
		t.Fatalf("extract --draft printed no facts file (%v):\n%s", err, draft)
	}
	if strings.Contains(file, `"method"`) {
		t.Fatalf("a facts file for review must hold curated facts, not drafted ones:\n%s", file)
	}
	// The reviewer keeps all but the last fact.
	parsed.Facts = parsed.Facts[:len(parsed.Facts)-1]
	kept, _ := json.MarshalIndent(parsed, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "yabloko.facts.json"), kept, 0o644); err != nil {
		t.Fatal(err)
	}

	out, code = run(t, t0.Add(2*time.Hour), "ingest", "--data", data, dir)
	if code != 0 || !strings.Contains(out, "retracting ") {
		t.Fatalf("ingest after review: %s", out)
	}
	out, code = run(t, t0.Add(3*time.Hour), "ingest", "--data", data, dir)
	if code != 0 || recordedCount(t, out) != 0 {
		t.Fatalf("ingest again after review recorded something:\n%s", out)
	}
	if undrafted == 0 {
		t.Fatalf("ingest --no-draft recorded nothing")
	}
}

func recordedCount(t *testing.T, out string) int {
	t.Helper()
	var n int
	i := strings.Index(out, "recorded ")
	if i < 0 {
		t.Fatalf("no summary in:\n%s", out)
	}
	if _, err := fmt.Sscan(out[i+len("recorded "):], &n); err != nil {
		t.Fatalf("summary %q: %v", out[i:], err)
	}
	return n
}

// A person's correction of a drafted fact is the person's: it is not marked drafted.
func TestCorrectionOfADraftedFactIsCurated(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	text, err := os.ReadFile("../../extract/testdata/gold/yabloko.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "yabloko.txt"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, t0, "ingest", "--data", data, dir); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	exported, code := run(t, t0, "export", "--data", data)
	if code != 0 {
		t.Fatalf("export: %s", exported)
	}
	var drafted struct {
		ID     string `json:"id"`
		Source struct {
			Quote string `json:"quote"`
		} `json:"source"`
	}
	for _, line := range strings.Split(exported, "\n") {
		if strings.Contains(line, `"method":"drafted"`) && strings.Contains(line, `"type":"party.founded/v1"`) {
			if err := json.Unmarshal([]byte(line), &drafted); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if drafted.ID == "" {
		t.Fatalf("no drafted founding in the export:\n%s", exported)
	}
	out, code := run(t, t0.Add(time.Hour), "correct", drafted.ID, "--data", data, "--reason", "checked against the sentence",
		"--date", "1993-10", "--document", "yabloko.txt", "--quote", drafted.Source.Quote)
	if code != 0 {
		t.Fatalf("correct: %s", out)
	}
	exported, _ = run(t, t0, "export", "--data", data)
	for _, line := range strings.Split(exported, "\n") {
		if strings.Contains(line, `"supersedes":["`+drafted.ID) && strings.Contains(line, `"method"`) {
			t.Fatalf("the correction is marked as drafted: %s", line)
		}
	}
	if !strings.Contains(exported, `"supersedes":["`+drafted.ID) {
		t.Fatalf("no correction of %s in the export", drafted.ID)
	}
}
