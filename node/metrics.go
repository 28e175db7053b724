package node

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultBuckets are the upper bounds, in seconds, of the latency histogram of questions.
var DefaultBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Outcomes of a write, the label of annals_writes_total.
const (
	OutcomeRecorded = "recorded" // it recorded at least one fact
	OutcomeKnown    = "known"    // the record held every fact already
	OutcomeInvalid  = "invalid"  // refused: a bad request or fact (400, 404)
	OutcomeConflict = "conflict" // another writer got in first and it was not retried (409)
	OutcomeError    = "error"    // the log or the store failed
)

// Metrics counts what a node does, for /metrics. It is safe for concurrent use.
type Metrics struct {
	eventsApplied atomic.Uint64
	appliedSeq    atomic.Uint64
	streamSeq     atomic.Uint64

	mu      sync.Mutex
	queries map[[2]string]*latency // endpoint, code
	writes  map[[2]string]uint64   // endpoint, outcome
}

type latency struct {
	count   uint64
	sum     float64
	buckets []uint64 // cumulative counts are computed when written
}

func newMetrics() *Metrics {
	return &Metrics{queries: map[[2]string]*latency{}, writes: map[[2]string]uint64{}}
}

// ObserveQuery counts a question to endpoint answered with status code in d.
func (m *Metrics) ObserveQuery(endpoint string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	key := [2]string{endpoint, strconv.Itoa(code)}
	l := m.queries[key]
	if l == nil {
		l = &latency{buckets: make([]uint64, len(DefaultBuckets))}
		m.queries[key] = l
	}
	s := d.Seconds()
	l.count++
	l.sum += s
	for i, b := range DefaultBuckets {
		if s <= b {
			l.buckets[i]++
			break
		}
	}
}

// ObserveWrite counts a write to endpoint with its outcome.
func (m *Metrics) ObserveWrite(endpoint, outcome string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.writes[[2]string{endpoint, outcome}]++
}

// WriteTo writes the metrics in the Prometheus text exposition format (version 0.0.4).
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	applied, stream := m.appliedSeq.Load(), m.streamSeq.Load()
	lag := uint64(0)
	if stream > applied {
		lag = stream - applied
	}
	fmt.Fprintf(cw, "# HELP annals_events_applied_total Events of the stream applied to the node's store since it started.\n# TYPE annals_events_applied_total counter\nannals_events_applied_total %d\n", m.eventsApplied.Load())
	fmt.Fprintf(cw, "# HELP annals_applied_seq The stream sequence of the last event the node's store holds.\n# TYPE annals_applied_seq gauge\nannals_applied_seq %d\n", applied)
	fmt.Fprintf(cw, "# HELP annals_stream_last_seq The stream's last sequence, as last seen.\n# TYPE annals_stream_last_seq gauge\nannals_stream_last_seq %d\n", stream)
	fmt.Fprintf(cw, "# HELP annals_stream_lag Events of the stream the node's store does not hold yet, as last seen.\n# TYPE annals_stream_lag gauge\nannals_stream_lag %d\n", lag)

	m.mu.Lock()
	defer m.mu.Unlock()
	qkeys := make([][2]string, 0, len(m.queries))
	for k := range m.queries {
		qkeys = append(qkeys, k)
	}
	sortKeys(qkeys)
	fmt.Fprintf(cw, "# HELP annals_queries_total Questions answered, by endpoint and status code.\n# TYPE annals_queries_total counter\n")
	for _, k := range qkeys {
		fmt.Fprintf(cw, "annals_queries_total{endpoint=%q,code=%q} %d\n", k[0], k[1], m.queries[k].count)
	}
	// The histogram is by endpoint: the codes of one endpoint are summed.
	byEndpoint := map[string]*latency{}
	var endpoints []string
	for _, k := range qkeys {
		l := byEndpoint[k[0]]
		if l == nil {
			l = &latency{buckets: make([]uint64, len(DefaultBuckets))}
			byEndpoint[k[0]] = l
			endpoints = append(endpoints, k[0])
		}
		q := m.queries[k]
		l.count += q.count
		l.sum += q.sum
		for i := range q.buckets {
			l.buckets[i] += q.buckets[i]
		}
	}
	fmt.Fprintf(cw, "# HELP annals_query_duration_seconds Time to answer a question, by endpoint.\n# TYPE annals_query_duration_seconds histogram\n")
	for _, e := range endpoints {
		l := byEndpoint[e]
		var cum uint64
		for i, b := range DefaultBuckets {
			cum += l.buckets[i]
			fmt.Fprintf(cw, "annals_query_duration_seconds_bucket{endpoint=%q,le=%q} %d\n", e, strconv.FormatFloat(b, 'g', -1, 64), cum)
		}
		fmt.Fprintf(cw, "annals_query_duration_seconds_bucket{endpoint=%q,le=\"+Inf\"} %d\n", e, l.count)
		fmt.Fprintf(cw, "annals_query_duration_seconds_sum{endpoint=%q} %s\n", e, strconv.FormatFloat(l.sum, 'g', -1, 64))
		fmt.Fprintf(cw, "annals_query_duration_seconds_count{endpoint=%q} %d\n", e, l.count)
	}
	wkeys := make([][2]string, 0, len(m.writes))
	for k := range m.writes {
		wkeys = append(wkeys, k)
	}
	sortKeys(wkeys)
	fmt.Fprintf(cw, "# HELP annals_writes_total Writes taken, by endpoint and outcome.\n# TYPE annals_writes_total counter\n")
	for _, k := range wkeys {
		fmt.Fprintf(cw, "annals_writes_total{endpoint=%q,outcome=%q} %d\n", k[0], k[1], m.writes[k])
	}
	return cw.n, cw.err
}

func sortKeys(keys [][2]string) {
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
}

type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}
