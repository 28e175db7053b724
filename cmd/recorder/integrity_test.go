package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/events"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"
)

// seedDoc copies one seed document with its facts file into a folder of its own, for ingesting the
// seeds one at a time.
func seedDoc(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{name + ".txt", name + ".facts.json"} {
		data, err := os.ReadFile(filepath.Join("../../seeds", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// copyDir copies the files under src to dst (which must not exist).
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode())
	})
	if err != nil {
		t.Fatal(err)
	}
}

// publishRaw publishes messages to the record's stream as any client of an external server could,
// bypassing the recorder, with the embedded server over data/nats (no recorder runs meanwhile).
func publishRaw(t *testing.T, data string, msgs map[string][]byte) {
	t.Helper()
	var out []*nats.Msg
	for subject, body := range msgs {
		m := nats.NewMsg(subject)
		m.Data = body
		out = append(out, m)
	}
	publishMsgs(t, data, out...)
}

// publishMsgs publishes messages, headers and all, as publishRaw does.
func publishMsgs(t *testing.T, data string, msgs ...*nats.Msg) {
	t.Helper()
	srv, err := embednats.Start(embednats.Options{StoreDir: filepath.Join(data, "nats")})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	nc, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if _, err := js.PublishMsg(t.Context(), m); err != nil {
			t.Fatalf("publish %s: %v", m.Subject, err)
		}
	}
}

func TestIngestRefusesALostStream(t *testing.T) {
	data := t.TempDir()
	if out, code := run(t, t0, "ingest", "--data", data, "../../seeds"); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	if err := os.RemoveAll(filepath.Join(data, "nats")); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, t0.Add(time.Hour), "ingest", "--data", data, "../../seeds")
	if code != 1 || !strings.Contains(out, "deleted and created again") || !strings.Contains(out, "recorder export") ||
		!strings.Contains(out, "recorder verify") || strings.Contains(out, "the record holds") {
		t.Errorf("ingest after deleting the stream = %s, want exit 1 saying the stream was recreated, and what to do", out)
	}
	out, code = run(t, t0.Add(time.Hour), "verify", "--data", data)
	if code != 1 || !strings.Contains(out, "stream_recreated") || !strings.Contains(out, "stream_lost seq 312") {
		t.Errorf("verify after deleting the stream = %s, want exit 1, stream_recreated and every event stream_lost", out)
	}
}

func TestOlderStreamRestored(t *testing.T) {
	data := t.TempDir()
	if out, code := run(t, t0, "ingest", "--data", data, seedDoc(t, "cambodian-national-unity-party")); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	backup := filepath.Join(t.TempDir(), "nats")
	copyDir(t, filepath.Join(data, "nats"), backup)
	if out, code := run(t, t0.Add(time.Hour), "ingest", "--data", data, seedDoc(t, "khmer-national-solidarity-party")); code != 0 {
		t.Fatalf("second ingest: %s", out)
	}
	if err := os.RemoveAll(filepath.Join(data, "nats")); err != nil {
		t.Fatal(err)
	}
	copyDir(t, backup, filepath.Join(data, "nats"))

	out, code := run(t, t0.Add(2*time.Hour), "verify", "--data", data)
	if code != 1 || !strings.Contains(out, "stream_behind seq") || !strings.Contains(out, "recorder export") {
		t.Errorf("verify after restoring an older stream = %s, want exit 1 listing the events only the store holds", out)
	}
	out, code = run(t, t0.Add(2*time.Hour), "ingest", "--data", data, seedDoc(t, "cambodia-national-rescue-party"))
	if code != 1 || !strings.Contains(out, "behind the store") {
		t.Errorf("ingest into an older stream = %s, want exit 1 saying the stream is behind the store", out)
	}
	out, code = run(t, t0.Add(2*time.Hour), "replay", "--data", data)
	if code != 1 || !strings.Contains(out, "only the store holds") || !strings.Contains(out, "--force") {
		t.Errorf("replay from an older stream = %s, want exit 1 refusing to drop the store's events", out)
	}
	exported := filepath.Join(t.TempDir(), "record.jsonl")
	if out, code := run(t, t0.Add(2*time.Hour), "export", "--data", data, "--out", exported); code != 0 {
		t.Fatalf("export: %s", out)
	}
	out, code = run(t, t0.Add(2*time.Hour), "replay", "--force", "--data", data)
	if code != 0 {
		t.Fatalf("replay --force = %s, want exit 0", out)
	}
	if out, code := run(t, t0.Add(2*time.Hour), "verify", "--data", data); code != 0 {
		t.Errorf("verify after replay --force = %s, want exit 0", out)
	}
	lines, err := os.ReadFile(exported)
	if err != nil || strings.Count(string(lines), "\n") <= 100 {
		t.Errorf("the export holds %d events, %v, want every event the store held", strings.Count(string(lines), "\n"), err)
	}
}

func TestVerifyHealthyRecord(t *testing.T) {
	data := t.TempDir()
	if out, code := run(t, t0, "ingest", "--data", data, "../../seeds"); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	out, code := run(t, t0, "verify", "--data", data)
	if code != 0 || !strings.Contains(out, "compared 312 sequences and the store's indexes: no divergence") {
		t.Errorf("verify = %s, want exit 0 and no divergence", out)
	}
	var stdout strings.Builder
	m := &Main{Stdout: &stdout, Stderr: os.Stderr, Getenv: func(string) string { return "" }}
	if err := m.Run(t.Context(), []string{"verify", "--json", "--data", data}); err != nil {
		t.Fatalf("verify --json: %v", err)
	}
	var got struct {
		Stream struct {
			Name    string `json:"name"`
			LastSeq uint64 `json:"last_seq"`
		} `json:"stream"`
		Store struct {
			LastSeq       uint64  `json:"last_seq"`
			StreamCreated *string `json:"stream_created"`
		} `json:"store"`
		Clean       bool              `json:"clean"`
		Divergences []json.RawMessage `json:"divergences"`
		Quarantined []json.RawMessage `json:"quarantined"`
	}
	if err := json.Unmarshal([]byte(stdout.String()), &got); err != nil {
		t.Fatalf("verify --json = %s: %v", stdout.String(), err)
	}
	if !got.Clean || got.Stream.Name != "ANNALS" || got.Stream.LastSeq != 312 || got.Store.LastSeq != 312 || got.Store.StreamCreated == nil ||
		got.Divergences == nil || len(got.Divergences) != 0 || got.Quarantined == nil {
		t.Errorf("verify --json = %s, want a clean record of 312 events, empty lists", stdout.String())
	}
}

func TestVerifyFindsADamagedIndex(t *testing.T) {
	data := t.TempDir()
	if out, code := run(t, t0, "ingest", "--data", data, "../../seeds"); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	db, err := bolt.Open(filepath.Join(data, boltstore.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("by_entity"))
		k, _ := b.Cursor().First()
		return b.Delete(k)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	out, code := run(t, t0, "verify", "--data", data)
	if code != 1 || !strings.Contains(out, "index_damaged") || !strings.Contains(out, "by_entity") || !strings.Contains(out, "do: recorder replay") {
		t.Errorf("verify with a by_entity entry deleted = %s, want exit 1 naming the damaged index and replay", out)
	}
}

func TestGarbageInTheStreamIsQuarantined(t *testing.T) {
	data := t.TempDir()
	if out, code := run(t, t0, "ingest", "--data", data, seedDoc(t, "cambodian-national-unity-party")); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	// A name too long for a bbolt key, with a fact id that matches its content: only the limit of
	// events refuses it.
	long := events.Event{ID: ulid.MustParse("01M80KDHR4VWTH2VBN9XJYKQZH"), Recorded: t0, Fact: events.Fact{
		Type: events.TypeEntityNamed, Entity: "long-party", Date: events.MustParseDate("1990"),
		Source:  events.Source{Title: "Somewhere", URL: "https://example.org", Quote: "a long name"},
		Payload: events.EntityNamed{Kind: events.KindParty, Name: strings.Repeat("Long Name ", 4000), NameType: events.NameOfficial}}}
	body, err := events.EncodeEvent(long)
	if err != nil {
		t.Fatal(err)
	}
	publishRaw(t, data, map[string][]byte{
		"annals.history.x.y.v1":                     []byte("\x00garbage-15-byt"),
		"annals.history.long-party.entity.named.v1": body,
	})
	out, code := run(t, t0.Add(time.Hour), "ingest", "--data", data, seedDoc(t, "khmer-national-solidarity-party"))
	if code != 0 || !strings.Contains(out, "warning: 2 events of the stream are quarantined; run recorder verify") {
		t.Fatalf("ingest after garbage in the stream = %s, want exit 0 and a warning", out)
	}
	out, code = run(t, t0.Add(time.Hour), "verify", "--data", data)
	if code != 0 || !strings.Contains(out, "quarantined: 2 entries") || !strings.Contains(out, "(x): stream ANNALS seq") ||
		!strings.Contains(out, "(long-party)") || !strings.Contains(out, "more than the 1024") {
		t.Errorf("verify = %s, want exit 0 listing both quarantined entries", out)
	}
	// The record goes on: the entity the garbage was filed under can still be written.
	out, code = run(t, t0.Add(2*time.Hour), "ingest", "--data", data, seedDoc(t, "cambodia-national-rescue-party"))
	if code != 0 {
		t.Errorf("a third ingest = %s, want exit 0", out)
	}
}

func TestAppendRefusesANameTooLong(t *testing.T) {
	data := t.TempDir()
	name := strings.Repeat("Long Name ", 200)
	facts := `{"facts":[{"type":"entity.named/v1","entity":"long-party","date":"1990","source":{"title":"Somewhere","url":"https://example.org","quote":"a long name"},"payload":{"kind":"party","name_type":"official","name":"` + name + `"}}]}`
	out, code := runStdin(t, t0, facts, "append", "--data", data, "-")
	if code != 1 || !strings.Contains(out, "2000 bytes long, more than the 1024 a name may have") || strings.Contains(out, name) {
		t.Errorf("append of a 2,000-byte name = %s, want exit 1 naming the limit without echoing the name", out)
	}
	out, code = run(t, t0, "verify", "--data", data)
	if code != 0 || !strings.Contains(out, "seq 0 to 0") {
		t.Errorf("verify after a refused append = %s, want an empty stream", out)
	}
}
