package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"annals/boltstore"
	"annals/embednats"
	"annals/httpapi"
	"annals/jetlog"
	"annals/node"

	"github.com/nats-io/nats.go/jetstream"
)

const facts = `{"facts":[
 {"type":"entity.named/v1","entity":"candle-party","date":"XXXX","source":{"title":"Register","url":"https://example.org/c","quote":"the Candle Party"},"payload":{"kind":"party","name":"Candle Party","name_type":"official"}},
 {"type":"party.founded/v1","entity":"candle-party","date":"1993-05-01","source":{"title":"Register","url":"https://example.org/c","quote":"founded 1 May 1993"},"payload":{"name":"Candle Party"}}]}`

func newServer(t *testing.T, token string) (*node.Node, *httptest.Server) {
	t.Helper()
	s, err := embednats.Start(embednats.Options{StoreDir: t.TempDir(), LazySync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	nc, err := s.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithCancel(context.Background())
	log, err := jetlog.Open(ctx, js, jetlog.Config{})
	if err != nil {
		t.Fatal(err)
	}
	store, err := boltstore.Open(filepath.Join(t.TempDir(), boltstore.FileName), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := node.New(ctx, node.Config{Log: log, Store: store, Conn: nc})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- n.Run(ctx) }()
	web := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "the page") })
	srv := httptest.NewServer(httpapi.New(n, httpapi.Config{WriteToken: token, Web: web}))
	t.Cleanup(func() {
		srv.Close()
		cancel()
		<-done
		store.Close()
	})
	return n, srv
}

func do(t *testing.T, method, url, token, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(data)
}

func TestAPI(t *testing.T) {
	n, srv := newServer(t, "s3cret")
	u := srv.URL

	if code, _, body := do(t, "POST", u+"/api/append", "", facts); code != 401 {
		t.Fatalf("POST /api/append without a token = %d %s, want 401", code, body)
	}
	code, _, body := do(t, "POST", u+"/api/append", "s3cret", facts)
	var w node.WriteDocument
	if err := json.Unmarshal([]byte(body), &w); code != 200 || err != nil || w.Recorded != 2 {
		t.Fatalf("POST /api/append = %d %s, want 2 recorded", code, body)
	}

	code, h, body := do(t, "GET", u+"/api/state?at=1995-03-01&party=candle-party", "", "")
	doc, err := n.State(context.Background(), node.StateRequest{At: "1995-03-01", Party: "candle-party"})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := node.Encode(doc)
	if code != 200 || body != string(want) {
		t.Errorf("GET /api/state = %d\n%s\nwant\n%s", code, body, want)
	}
	if h.Get(node.HeaderAppliedSeq) != "2" || h.Get("Content-Type") != "application/json" {
		t.Errorf("GET /api/state headers = %v", h)
	}

	tests := []struct {
		method, path string
		code         int
		say          string
	}{
		{"GET", "/api/state?at=1995-13-01", 400, "month 13"},
		{"GET", "/api/state?during=1993/1997", 200, `"during": "1993/1997"`},
		{"GET", "/api/state?during=1995&at=1995-01-01", 400, "one of them"},
		{"GET", "/api/state?at=1995-01-01&at=1996-01-01", 400, "given 2 times"},
		{"GET", "/api/state?at=1995-01-01&colour=red", 400, "unknown field"},
		{"GET", "/api/party?party=Candle%20Part", 404, `"candidates": [`},
		{"GET", "/api/timeline?party=Candle%20Party", 200, `"party": "candle-party"`},
		{"GET", "/api/lineage?party=candle-party", 200, `"root": "candle-party"`},
		{"GET", "/api/events?party=candle-party&type=party.", 200, `"seq": 2`},
		{"GET", "/api/diff?from=1990-01-01&to=2000-01-01", 200, `"field": "status"`},
		{"GET", "/api/history?party=candle-party", 200, `"chains": []`},
		{"GET", "/api/state?at=1995-01-01&curated_only=maybe", 400, "curated_only"},
		{"GET", "/api/nothing", 404, "no endpoint"},
		{"GET", "/healthz", 200, "ok"},
		{"GET", "/readyz", 200, "ready"},
		{"GET", "/", 200, "the page"},
		{"GET", "/metrics", 200, `annals_queries_total{endpoint="state",code="200"} 2`},
	}
	for _, tt := range tests {
		code, _, body := do(t, tt.method, u+tt.path, "", "")
		if code != tt.code || !strings.Contains(body, tt.say) {
			t.Errorf("%s %s = %d %s, want %d saying %q", tt.method, tt.path, code, body, tt.code, tt.say)
		}
	}
	_, _, metrics := do(t, "GET", u+"/metrics", "", "")
	for _, want := range []string{"annals_events_applied_total 2\n", "annals_stream_lag 0\n", `annals_writes_total{endpoint="append",outcome="recorded"} 1`,
		`annals_query_duration_seconds_count{endpoint="state"} 5`, `annals_queries_total{endpoint="state",code="400"} 3`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, metrics)
		}
	}

	// Ingest a document over HTTP.
	body = `{"name":"lamp-party.txt","text":"= Lamp Party =\n\nLamp Party\n- Foundation: 12 March 2001\n"}`
	if code, _, out := do(t, "POST", u+"/api/ingest", "s3cret", body); code != 200 || !strings.Contains(out, `"recorded": `) {
		t.Errorf("POST /api/ingest = %d %s", code, out)
	}
	if code, _, out := do(t, "GET", u+"/api/sources?document=lamp-party.txt", "", ""); code != 200 || !strings.Contains(out, `"title": "Lamp Party"`) {
		t.Errorf("GET /api/sources = %d %s", code, out)
	}
}
