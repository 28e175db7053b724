package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"annals/events"
	"annals/record"
)

// syncBuffer is a bytes.Buffer safe to write from the follower and read from the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// query replay --follow prints an event recorded after it started, like tail -f.
func TestReplayFollow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := buildFixture(dir); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	m := &Main{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"replay", "--data", dir, "--from", "2020", "--party", "CNRP", "--follow", "--interval", "50ms"})
	}()
	// Wait until the initial playback is out (nothing from 2020 on yet, so wait for the poller).
	time.Sleep(200 * time.Millisecond)
	if got := stdout.String(); strings.Contains(got, "Candlelight") {
		t.Fatalf("replay printed %q before the event was recorded", got)
	}
	err := openRecord(dir, time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), 9, func(rec *record.Recorder) error {
		_, err := rec.Record(context.Background(), []events.Fact{{
			Type: events.TypePartySucceeded, Entity: "cambodia-national-rescue-party", Date: events.MustParseDate("2023"),
			Source:  events.Source{Title: "A later history", URL: "https://example.org/later", Quote: "the Candlelight Party took up its cause in 2023"},
			Payload: events.PartySucceeded{Successor: "candlelight-party", Kind: events.SuccessionUnofficial},
		}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "succeeded by Candlelight Party") {
		if time.Now().After(deadline) {
			t.Fatalf("replay --follow printed %q (stderr %q), want the new succession", stdout.String(), stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("replay --follow ended with %v, want nil on interrupt", err)
	}
	if strings.Count(stdout.String(), "succeeded by Candlelight Party (unofficial)  [A later history") != 1 {
		t.Errorf("replay --follow printed the new event %d times, want once:\n%s", strings.Count(stdout.String(), "A later history"), stdout.String())
	}
}
