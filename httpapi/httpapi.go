// Package httpapi serves a node over HTTP: the same questions and writes as the NATS service, as a
// JSON API (GET /api/<question>?…, POST /api/<write>), with /healthz, /readyz and /metrics, and a web
// page mounted at / when one is given. Routes are the standard library's method patterns.
//
// Invariants:
//   - A question's query parameters are the fields of its request type (package node), each given
//     once; an unknown or repeated parameter is a 400. The answer is the JSON document `query --json`
//     prints, byte for byte, with the header Annals-Applied-Seq.
//   - An error is the node.ErrorDocument with its status code (400, 404 with candidates, 409, 503,
//     500).
//   - With Config.WriteToken set, a write without "Authorization: Bearer <token>" is refused (401).
package httpapi

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"annals/events"
	"annals/node"
)

// Defaults for Config.
const (
	DefaultTimeout = 30 * time.Second
	MaxBody        = 64 << 20 // the largest request body of a write, in bytes
)

// Config configures New.
type Config struct {
	// Web, when set, is served at / (and every path no other route takes): the web page.
	Web http.Handler
	// WriteToken, when set, is the bearer token a write must carry.
	WriteToken string
	Timeout    time.Duration // the deadline of one request; DefaultTimeout if zero
	Logger     *slog.Logger  // nil discards
}

// New returns the HTTP handler of a node.
func New(n *node.Node, cfg Config) http.Handler {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	mux := http.NewServeMux()
	for _, e := range n.Endpoints() {
		if e.Write {
			mux.Handle("POST /api/"+e.Name, &endpoint{n: n, e: e, cfg: cfg})
		} else {
			mux.Handle("GET /api/"+e.Name, &endpoint{n: n, e: e, cfg: cfg})
		}
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set(node.HeaderAppliedSeq, strconv.FormatUint(n.AppliedSeq(), 10))
		if !n.Ready() {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "catching up")
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		n.Metrics().WriteTo(w)
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, n, fmt.Errorf("no endpoint %s %s: %w", r.Method, r.URL.Path, events.ErrNotFound))
	})
	if cfg.Web != nil {
		mux.Handle("/", cfg.Web)
	}
	return mux
}

type endpoint struct {
	n   *node.Node
	e   node.Endpoint
	cfg Config
}

func (h *endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), h.cfg.Timeout)
	defer cancel()
	var body []byte
	var err error
	if h.e.Write {
		if !h.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="annals"`)
			writeStatus(w, h.n, http.StatusUnauthorized, node.ErrorDocument{Code: http.StatusUnauthorized, Error: "a write needs Authorization: Bearer <token>"})
			return
		}
		body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
		if err != nil {
			err = fmt.Errorf("read the request: %v: %w", err, events.ErrInvalid)
		}
	} else {
		body, err = queryJSON(r)
	}
	var doc any
	if err == nil {
		doc, err = h.e.Serve(ctx, body)
	}
	if err != nil {
		writeError(w, h.n, err)
		return
	}
	data, err := node.Encode(doc)
	if err != nil {
		writeError(w, h.n, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set(node.HeaderAppliedSeq, strconv.FormatUint(h.n.AppliedSeq(), 10))
	w.Write(data)
}

func (h *endpoint) authorized(r *http.Request) bool {
	if h.cfg.WriteToken == "" {
		return true
	}
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(token), []byte(h.cfg.WriteToken)) == 1
}

// queryJSON turns a question's query parameters into the JSON object of its request: each parameter
// once, curated_only a boolean, min_seq a number, the others strings.
func queryJSON(r *http.Request) ([]byte, error) {
	fields := map[string]any{}
	for key, values := range r.URL.Query() {
		if len(values) != 1 {
			return nil, fmt.Errorf("parameter %s given %d times: %w", key, len(values), events.ErrInvalid)
		}
		v := values[0]
		switch key {
		case "curated_only":
			b, err := strconv.ParseBool(v)
			if err != nil {
				return nil, fmt.Errorf("curated_only %q: want true or false: %w", v, events.ErrInvalid)
			}
			fields[key] = b
		case "min_seq":
			n, err := strconv.ParseUint(v, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("min_seq %q: want a stream sequence: %w", v, events.ErrInvalid)
			}
			fields[key] = n
		default:
			fields[key] = v
		}
	}
	return json.Marshal(fields)
}

func writeError(w http.ResponseWriter, n *node.Node, err error) {
	code, doc := node.Status(err)
	writeStatus(w, n, code, doc)
}

func writeStatus(w http.ResponseWriter, n *node.Node, code int, doc node.ErrorDocument) {
	doc.AppliedSeq = n.AppliedSeq()
	data, _ := node.Encode(doc)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set(node.HeaderAppliedSeq, strconv.FormatUint(n.AppliedSeq(), 10))
	w.WriteHeader(code)
	w.Write(data)
}
