package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/oklog/ulid/v2"

	"annals/events"
	"annals/jetlog"
)

// publishSigned publishes one event to the record's stream as another client would, signed by the
// key in keyFile ("" for unsigned), with no recorder running.
func publishSigned(t *testing.T, data string, e events.Event, keyFile string) {
	t.Helper()
	body, err := events.EncodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	msg := nats.NewMsg(jetlog.Subject(jetlog.DefaultPrefix, e))
	msg.Data = body
	if keyFile != "" {
		if err := mustKey(t, keyFile).Sign(msg); err != nil {
			t.Fatal(err)
		}
	}
	publishMsgs(t, data, msg)
}

func mustKey(t *testing.T, path string) *jetlog.Signer {
	t.Helper()
	s, err := jetlog.LoadKey(path, false)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A retraction forged by a client that can publish, unsigned or signed by a key the record does not
// trust, is quarantined and changes nothing; the same event signed by a key the operator trusts with
// --trusted-keys is part of the record.
func TestForgedEventsAreQuarantined(t *testing.T) {
	data := t.TempDir()
	if out, code := run(t, t0, "ingest", "--data", data, seedDoc(t, "cambodian-national-unity-party")); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	if _, err := os.Stat(filepath.Join(data, "recorder.nk")); err != nil {
		t.Fatalf("the recorder made no signing key: %v", err)
	}
	var tf trustFile
	raw, err := os.ReadFile(filepath.Join(data, "trust.json"))
	if err != nil || json.Unmarshal(raw, &tf) != nil || len(tf.Keys) != 1 || tf.UnsignedThrough != 0 {
		t.Fatalf("trust.json = %s (%v), want the recorder's key and no unsigned events", raw, err)
	}
	exported, _ := run(t, t0, "export", "--data", data)
	var founding struct {
		ID     string `json:"id"`
		Entity string `json:"entity"`
	}
	for _, line := range strings.Split(exported, "\n") {
		if strings.Contains(line, `"type":"party.founded/v1"`) {
			json.Unmarshal([]byte(line), &founding)
			break
		}
	}
	forge := func(n int) events.Event {
		return events.Event{ID: ulid.MustNew(ulid.Timestamp(t0.Add(time.Duration(n)*time.Hour)), strings.NewReader(strings.Repeat("x", 16))),
			Recorded: t0.Add(time.Duration(n) * time.Hour), Fact: events.Fact{
				Type: events.TypeRecordRetracted, Entity: events.EntityID(founding.Entity), Date: events.MustParseDate("XXXX"),
				Source:     events.Source{Title: "A forger", URL: "https://example.org", Quote: "never happened"},
				Payload:    events.RecordRetracted{},
				Supersedes: []ulid.ULID{ulid.MustParse(founding.ID)}, Reason: "forged " + strings.Repeat("!", n)}}
	}
	other := filepath.Join(t.TempDir(), "other.nk")
	out, code := run(t, t0, "keygen", "--out", other)
	if code != 0 || !strings.HasPrefix(out, "U") {
		t.Fatalf("keygen: %s", out)
	}
	otherPublic := strings.TrimSpace(out[:strings.Index(out, "\n")])
	publishSigned(t, data, forge(1), "")
	publishSigned(t, data, forge(2), other)
	out, code = run(t, t0.Add(time.Hour), "ingest", "--data", data, seedDoc(t, "khmer-national-solidarity-party"))
	if code != 0 || !strings.Contains(out, "warning: 2 events of the stream are quarantined") {
		t.Fatalf("ingest after two forged retractions = %s, want both quarantined", out)
	}
	exported, _ = run(t, t0, "export", "--data", data)
	if strings.Contains(exported, "forged") {
		t.Fatalf("a forged retraction is in the record:\n%s", exported)
	}
	// The operator trusts the other recorder's key: its events from now on are part of the record.
	publishSigned(t, data, forge(3), other)
	out, code = run(t, t0.Add(2*time.Hour), "ingest", "--data", data, "--trusted-keys", otherPublic, seedDoc(t, "cambodia-national-rescue-party"))
	if code != 0 {
		t.Fatalf("ingest trusting the other key: %s", out)
	}
	exported, _ = run(t, t0, "export", "--data", data)
	if !strings.Contains(exported, `"reason":"forged !!!"`) || strings.Contains(exported, `"reason":"forged !!"`) {
		t.Errorf("want the event signed by a trusted key in the record and the earlier ones still out:\n%s", exported)
	}
	if out, code := run(t, t0, "ingest", "--data", data, "--trusted-keys", "not-a-key", seedDoc(t, "cambodia-national-rescue-party")); code != 2 {
		t.Errorf("a malformed --trusted-keys = %s, want a usage error", out)
	}
}
