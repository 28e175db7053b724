package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Facts appended from a file and from standard input, a correction, a retraction, and the refusals.
func TestAppendCorrectRetract(t *testing.T) {
	data := t.TempDir()
	if out, code := run(t, t0, "ingest", "--data", data, "../../seeds"); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	dir := t.TempDir()
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// A new fact from an external source, and one quoting a document the record holds.
	facts := write("new.facts.json", `{"facts":[
	  {"type":"entity.described/v1","entity":"candlelight-party","date":"XXXX","source":{"title":"A later history","url":"https://example.org/later","quote":"the Candlelight Party carried on its work"},"payload":{"attribute":"description","value":"carried on the CNRP's work"}},
	  {"type":"party.ceased_activity/v1","entity":"cambodian-national-unity-party","date":"1997","source":{"document":"cambodian-national-unity-party.txt","quote":"Dissolved: 1997"},"payload":{}}
	]}`)
	out, code := run(t, t0.Add(time.Hour), "append", "--data", data, facts)
	if code != 0 {
		t.Fatalf("append: %s", out)
	}
	ids := strings.Fields(strings.Split(out, "--- stderr")[0])
	if len(ids) != 2 {
		t.Fatalf("append printed %q, want two event ids", out)
	}
	// Appending again records nothing and says so.
	out, code = run(t, t0.Add(2*time.Hour), "append", "--data", data, facts)
	if code != 0 || !strings.Contains(out, "2 facts were already in the record") {
		t.Errorf("append again = %q, want nothing new", out)
	}
	// Correct the first, then try to correct it again: refused, naming the correction.
	correctArgs := []string{"correct", "--data", data, ids[0], "--reason", "the source says 'continued'",
		"--set", `value=continued the CNRP's work`, "--title", "A later history", "--url", "https://example.org/later", "--quote", "the Candlelight Party continued"}
	out, code = run(t, t0.Add(3*time.Hour), correctArgs...)
	if code != 0 {
		t.Fatalf("correct: %s", out)
	}
	correction := strings.TrimSpace(strings.Split(out, "--- stderr")[0])
	// The same correction again (a retry of one whose answer was lost) converges on it: exit 0, the
	// same id.
	out, code = run(t, t0.Add(3*time.Hour+time.Minute), correctArgs...)
	if again := strings.TrimSpace(strings.Split(out, "--- stderr")[0]); code != 0 || again != correction {
		t.Errorf("the same correction again = %q, want exit 0 printing %s", out, correction)
	}
	out, code = run(t, t0.Add(4*time.Hour), "correct", "--data", data, ids[0], "--reason", "again", "--title", "T", "--url", "U", "--quote", "q")
	if code != 1 || !strings.Contains(out, "already superseded by "+correction) {
		t.Errorf("second correction of %s = %q, want exit 1 naming %s", ids[0], out, correction)
	}
	// Retract the second appended fact.
	retractArgs := []string{"retract", "--data", data, ids[1], "--reason", "the infobox says dissolved, not ceased",
		"--document", "cambodian-national-unity-party.txt", "--quote", "Dissolved: 1997"}
	out, code = run(t, t0.Add(5*time.Hour), retractArgs...)
	if code != 0 {
		t.Fatalf("retract: %s", out)
	}
	retraction := strings.TrimSpace(strings.Split(out, "--- stderr")[0])
	out, code = run(t, t0.Add(5*time.Hour+time.Minute), retractArgs...)
	if again := strings.TrimSpace(strings.Split(out, "--- stderr")[0]); code != 0 || again != retraction {
		t.Errorf("the same retraction again = %q, want exit 0 printing %s", out, retraction)
	}
	// Exports of what the record now holds are checked by the query tests; here the refusals.
	tests := []struct {
		name string
		args []string
		code int
		say  string
	}{
		{"correct a missing id", []string{"correct", "--data", data, "01J0000000000000000000000A", "--reason", "r", "--title", "T", "--url", "U", "--quote", "q"}, 1, "01J0000000000000000000000A: not found"},
		{"correct without a reason", []string{"correct", "--data", data, ids[0], "--title", "T", "--url", "U", "--quote", "q"}, 2, "needs --reason"},
		{"correct not an id", []string{"correct", "--data", data, "cnup", "--reason", "r"}, 2, "is not an event id"},
		{"correct without a quote", []string{"correct", "--data", data, correction, "--reason", "r", "--title", "T", "--url", "U"}, 1, "source quote is required"},
		{"correct with a bad field", []string{"correct", "--data", data, correction, "--reason", "r", "--set", "colour=red", "--title", "T", "--url", "U", "--quote", "q"}, 1, `unknown field "colour"`},
		{"retract without a source", []string{"retract", "--data", data, correction, "--reason", "r", "--quote", "q"}, 1, "needs a document, or a title"},
		{"append a quote not in its document", []string{"append", "--data", data, write("bad.facts.json", `{"document":"cambodian-national-unity-party.txt","facts":[{"type":"party.ceased_activity/v1","entity":"cambodian-national-unity-party","date":"1998","source":{"quote":"it ceased in 1998"},"payload":{}}]}`)}, 1, "does not occur in document"},
		{"append an external source without a quote", []string{"append", "--data", data, write("noquote.facts.json", `{"facts":[{"type":"party.ceased_activity/v1","entity":"cambodian-national-unity-party","date":"1998","source":{"title":"T","url":"U","quote":""},"payload":{}}]}`)}, 1, "source quote is required"},
		{"append nothing", []string{"append", "--data", data, write("empty.facts.json", `{"facts":[]}`)}, 1, "holds no facts"},
	}
	for _, tt := range tests {
		out, code := run(t, t0.Add(6*time.Hour), tt.args...)
		if code != tt.code || !strings.Contains(out, tt.say) {
			t.Errorf("%s: %q, want exit %d saying %q", tt.name, out, tt.code, tt.say)
		}
	}
	// From standard input.
	stdinOut, _ := runStdin(t, t0.Add(7*time.Hour), `{"facts":[{"type":"entity.described/v1","entity":"khmer-will-party","date":"XXXX","source":{"title":"T","url":"https://example.org/t","quote":"the Khmer Will Party"},"payload":{"attribute":"description","value":"a party"}}]}`, "append", "--data", data, "-")
	if !strings.Contains(stdinOut, "--- exit 0") || len(strings.Fields(strings.Split(stdinOut, "--- stderr")[0])) != 1 {
		t.Errorf("append - = %q, want one event id", stdinOut)
	}
}
