package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// serveLog is a log destination safe for concurrent use.
type serveLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *serveLog) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *serveLog) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serve answers over HTTP from the store of the data directory (the same document as query --json),
// takes a write, and stops when its context is done, closing the store for the next command.
func TestServe(t *testing.T) {
	data := t.TempDir()
	if out, code := run(t, t0, "ingest", "--data", data, "../../seeds/cambodian-national-unity-party.txt"); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	base, _, stderr, stop := startServe(t, data, "--write-token", "t")
	defer stop()
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if code, _ := get("/readyz"); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("/readyz not 200 after 20s")
		}
	}
	if code, body := get("/?at=1995-03-01"); code != 200 || !strings.Contains(body, "Cambodian National Unity Party") || !strings.Contains(body, "<html") {
		t.Errorf("GET / (the web page) = %d %.200s, want the parties of 1995-03-01", code, body)
	}
	if !strings.Contains(stderr.String(), "web_page="+base+"/") {
		t.Errorf("serve does not say where the web page is:\n%s", stderr.String())
	}
	if code, body := get("/api/timeline?party=cnup"); code != 200 || !strings.Contains(body, `"party": "cambodian-national-unity-party"`) {
		t.Errorf("GET /api/timeline?party=cnup = %d %.200s", code, body)
	}
	req, _ := http.NewRequest("POST", base+"/api/append", strings.NewReader(`{"facts":[{"type":"entity.described/v1","entity":"cambodian-national-unity-party","date":"XXXX","source":{"title":"T","url":"https://example.org/t","quote":"a party"},"payload":{"attribute":"description","value":"a party"}}]}`))
	req.Header.Set("Authorization", "Bearer t")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"recorded": 1`) {
		t.Errorf("POST /api/append = %d %s", resp.StatusCode, body)
	}
	stop()
	// The store is closed: the next command opens it, and holds the write.
	out, code := run(t, t0.Add(time.Hour), "append", "--data", data, tempFacts(t, `{"facts":[{"type":"entity.described/v1","entity":"cambodian-national-unity-party","date":"XXXX","source":{"title":"T","url":"https://example.org/t","quote":"a party"},"payload":{"attribute":"description","value":"a party"}}]}`))
	if code != 0 || !strings.Contains(out, "1 facts were already in the record") {
		t.Errorf("append after serve = %s", out)
	}
}

func tempFacts(t *testing.T, content string) string {
	t.Helper()
	path := t.TempDir() + "/facts.json"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestServeUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		say  string
	}{
		{[]string{"serve", "extra"}, "serve takes no arguments"},
		{[]string{"serve", "--nats", "nats://127.0.0.1:1", "--nats-listen", "127.0.0.1:4222"}, "--nats-listen is for the embedded server"},
	} {
		out, code := run(t, t0, tt.args...)
		if code != 2 || !strings.Contains(out, tt.say) {
			t.Errorf("%v = exit %d %s, want 2 saying %q", tt.args, code, out, tt.say)
		}
	}
}

// startServe runs recorder serve on the data directory, HTTP and NATS on loopback ports of its own,
// and returns the HTTP base URL, the NATS URL, its log, and stop, which interrupts it (once) and
// checks that it stopped cleanly.
func startServe(t *testing.T, data string, args ...string) (base, natsURL string, stderr *serveLog, stop func()) {
	t.Helper()
	stderr = &serveLog{}
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: stderr, Getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, append([]string{"serve", "--data", data, "--http", "127.0.0.1:0", "--nats-listen", "127.0.0.1:-1"}, args...))
	}()
	httpAddr := regexp.MustCompile(`msg="serving http" addr=(\S+)`)
	natsAddr := regexp.MustCompile(`msg="serving nats" .*nats_url=(nats://127\.0\.0\.1:\d+)`)
	for deadline := time.Now().Add(20 * time.Second); base == "" || natsURL == ""; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start:\n%s", stderr.String())
		}
		if m := httpAddr.FindStringSubmatch(stderr.String()); m != nil {
			base = "http://" + m[1]
		}
		if m := natsAddr.FindStringSubmatch(stderr.String()); m != nil {
			natsURL = m[1]
		}
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve = %v, want nil once interrupted", err)
				}
			case <-time.After(20 * time.Second):
				t.Error("serve did not stop within 20s")
			}
		})
	}
	return base, natsURL, stderr, stop
}

// The writes of append, correct and retract go through a node with --server: the node records them,
// and the record holds them once the node stops.
func TestWritesThroughANode(t *testing.T) {
	data := t.TempDir()
	if out, code := run(t, t0, "ingest", "--data", data, "../../seeds/cambodian-national-unity-party.txt"); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	_, natsURL, _, stop := startServe(t, data)
	defer stop()
	facts := tempFacts(t, `{"facts":[{"type":"entity.described/v1","entity":"cambodian-national-unity-party","date":"XXXX","source":{"title":"T","url":"https://example.org/t","quote":"a party"},"payload":{"attribute":"description","value":"a party"}}]}`)
	other := t.TempDir() // no record here: the writes must go to the node
	out, code := run(t, t0, "append", "--data", other, "--server", natsURL, facts)
	ids := regexp.MustCompile(`(?m)^[0-9A-HJKMNP-TV-Z]{26}$`).FindAllString(out, -1)
	if code != 0 || len(ids) != 1 {
		t.Fatalf("append --server = %s, want the id of the one event recorded", out)
	}
	if out, code := run(t, t0, "append", "--data", other, "--server", natsURL, facts); code != 0 || !strings.Contains(out, "1 facts were already in the record") {
		t.Errorf("append --server again = %s, want it known", out)
	}
	out, code = run(t, t0, "retract", "--server", natsURL, ids[0], "--reason", "a test", "--title", "T", "--url", "https://example.org/t", "--quote", "withdrawn")
	if code != 0 || !regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{26}\n`).MatchString(out) {
		t.Errorf("retract --server = %s, want the id of the retraction", out)
	}
	if out, code := run(t, t0, "retract", "--server", natsURL, "01J0000000000000000000000A", "--reason", "r", "--title", "T", "--url", "https://example.org/t", "--quote", "q"); code != 1 || !strings.Contains(out, "not found") {
		t.Errorf("retract --server of an unknown event = exit %d %s, want exit 1 saying not found", code, out)
	}
	if out, code := run(t, t0, "export", "--server", natsURL); code != 2 || !strings.Contains(out, "--server is for ingest, append, correct and retract") {
		t.Errorf("export --server = exit %d %s, want a usage error", code, out)
	}
	// ingest --server: the node records the documents as ingest would here; again, nothing new.
	for i, want := range []string{"recorded 257 new facts from 3 documents (55 already in the record); the record holds 314 events",
		"recorded 0 new facts from 3 documents (312 already in the record); the record holds 314 events"} {
		out, code := run(t, t0, "ingest", "--data", other, "--server", natsURL, "../../seeds")
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("ingest --server, run %d = %s, want %q", i+1, out, want)
		}
	}
	stop()
	if out, code := run(t, t0, "export", "--data", data); code != 0 || !strings.Contains(out, ids[0]) || !strings.Contains(out, "record.retracted/v1") {
		t.Errorf("export after the node stopped = exit %d, want the appended event and its retraction:\n%.500s", code, out)
	}
}
