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
	var stderr serveLog
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"serve", "--data", data, "--http", "127.0.0.1:0", "--nats-listen", "127.0.0.1:-1", "--write-token", "t"})
	}()
	addr := regexp.MustCompile(`msg="serving http" addr=(\S+)`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == ""; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", stderr.String())
		}
		if m := addr.FindStringSubmatch(stderr.String()); m != nil {
			base = "http://" + m[1]
		}
	}
	if !regexp.MustCompile(`msg="serving nats" .*nats_url=nats://127\.0\.0\.1:\d+`).MatchString(stderr.String()) {
		t.Errorf("serve with --nats-listen logs no NATS URL:\n%s", stderr.String())
	}
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
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve = %v, want nil once interrupted", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop within 20s")
	}
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
