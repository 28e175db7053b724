package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// An error quotes at most a few hundred bytes of its input, whatever the input: a 10 MB line in any
// field of an import, a facts file or a document leaves less than 1 KB on stderr.
func TestErrorsQuoteLittleOfALongInput(t *testing.T) {
	long := strings.Repeat("a", 10<<20)
	digits := strings.Repeat("1", 10<<20)
	const id = `"id":"01J0000000000000000000000A","fact_id":"x","recorded":"2026-11-01T09:30:00Z"`
	doc, err := os.ReadFile("../../seeds/cambodian-national-unity-party.txt")
	if err != nil {
		t.Fatal(err)
	}
	fact := func(field string) string {
		fields := map[string]string{"type": `"party.dissolved/v1"`, "entity": `"cambodian-national-unity-party"`, "date": `"1997"`,
			"source": `{"quote":"Dissolved: 1997"}`, "payload": `{}`}
		fields[strings.Split(field, "=")[0]] = strings.SplitN(field, "=", 2)[1]
		var b strings.Builder
		b.WriteString("{")
		for _, k := range []string{"type", "entity", "date", "source", "payload"} {
			b.WriteString(`"` + k + `":` + fields[k] + ",")
		}
		return strings.TrimSuffix(b.String(), ",") + "}"
	}
	facts := func(field string) string { return `{"document":"cnup.txt","facts":[` + fact(field) + `]}` }
	imports := []struct{ name, line string }{
		{"not JSON", long},
		{"a long id", `{"id":"` + long + `"}`},
		{"a long unknown field", `{"` + long + `":1}`},
		{"a long number", `{"id":` + digits + `}`},
		{"a long recorded time", `{"id":"01J0000000000000000000000A","recorded":"` + long + `"}`},
		{"a long type", `{` + id + `,"type":"` + long + `"}`},
		{"a long entity", `{` + id + `,` + strings.TrimPrefix(fact(`entity="`+long+`"`), "{")},
		{"a long date", `{` + id + `,` + strings.TrimPrefix(fact(`date="`+long+`"`), "{")},
		{"a long quote", encoded(t, events.Fact{Type: events.TypePartyDissolved, Entity: "cnup", Date: events.MustParseDate("1997"),
			Source: events.Source{Document: "cnup.txt", Quote: long}, Payload: events.PartyDissolved{}})}, // a document the record does not hold
		{"a long payload field", `{` + id + `,` + strings.TrimPrefix(fact(`payload={"`+long+`":1}`), "{")},
	}
	dir := t.TempDir()
	for _, tt := range imports {
		t.Run("import "+tt.name, func(t *testing.T) {
			out, code := runStdin(t, t0, tt.line+"\n", "import", "--data", t.TempDir(), "-")
			checkShortError(t, out, code)
		})
	}
	appends := []struct{ name, file string }{
		{"a long entity", facts(`entity="` + long + `"`)},
		{"a long type", facts(`type="` + long + `"`)},
		{"a long quote", facts(`source={"quote":"` + long + `"}`)},
		{"a long date", facts(`date="` + long + `"`)},
		{"a long payload value", `{"facts":[{"type":"entity.described/v1","entity":"cnup","date":"XXXX","source":{"title":"T","url":"U","quote":"q"},"payload":{"attribute":"a","value":` + digits + `}}]}`},
	}
	data := t.TempDir()
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "cnup.txt"), doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, t0, "ingest", "--data", data, docs); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	for i, tt := range appends {
		t.Run("append "+tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "f"+string(rune('0'+i))+".facts.json")
			if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
				t.Fatal(err)
			}
			out, code := run(t, t0, "append", "--data", data, path)
			checkShortError(t, out, code)
		})
	}
	// A document whose infobox has a long key and a long date, and an unknown command.
	bad := filepath.Join(dir, "bad")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "p.txt"), []byte("= P Party =\n\nP Party\n- Foundation: "+long+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, t0, "ingest", "--strict", "--data", t.TempDir(), bad)
	checkShortError(t, out, code)
	out, code = run(t, t0, long)
	if stderr := strings.SplitN(out, "--- stderr\n", 2)[1]; code != 2 || len(stderr) > 2048 { // the usage, and the error
		t.Errorf("an unknown command of %d bytes: exit %d, %d bytes on stderr", len(long), code, len(stderr))
	}
}

// encoded is a fact as an export writes it, with its fact id.
func encoded(t *testing.T, f events.Fact) string {
	t.Helper()
	data, err := events.EncodeEvent(events.Event{ID: ulid.MustParse("01J0000000000000000000000A"), Fact: f, Recorded: t0})
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// checkShortError fails unless the run failed with less than 1 KB on stderr.
func checkShortError(t *testing.T, out string, code int) {
	t.Helper()
	stderr := strings.SplitN(out, "--- stderr\n", 2)[1]
	if code != 1 || len(stderr) >= 1024 {
		t.Errorf("exit %d, %d bytes on stderr, want exit 1 with less than 1 KB: %.600s", code, len(stderr), stderr)
	}
}
