package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"annals/bench/generate"
	"annals/boltstore"
	"annals/record"
)

// Defaults for run.
const (
	DefaultSizes      = "1k,10k"
	DefaultJSON       = "results/latest.json"
	DefaultNaiveFacts = 2000
	DefaultSamples    = 300
	DefaultColdRuns   = 20
	CorrectionRate    = 0.05
)

// Row is one figure of the table: a value measured in the same run as its baseline.
type Row struct {
	Figure   string  `json:"figure"`
	Size     string  `json:"size"`
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Baseline float64 `json:"baseline"`
	Against  string  `json:"against"`
	Ratio    float64 `json:"ratio"` // value / baseline
	Target   string  `json:"target,omitempty"`
	Met      string  `json:"met,omitempty"` // "met", "missed" or "" when the row has no target
}

// Report is the whole run, written as JSON.
type Report struct {
	Started  string   `json:"started"`
	Machine  Machine  `json:"machine"`
	Sizes    []string `json:"sizes"`
	Rows     []Row    `json:"rows"`
	Notes    []string `json:"notes"`
	Duration string   `json:"duration"`
}

type runner struct {
	m       *Main
	rep     *Report
	tmp     string
	seed    int64
	profile string // directory for profiles; "" for none
}

// profilePath returns the path of a profile in the profile directory, or "" when none was asked for.
func (r *runner) profilePath(format string, args ...any) string {
	if r.profile == "" {
		return ""
	}
	return filepath.Join(r.profile, fmt.Sprintf(format, args...))
}

func (r *runner) add(row Row) {
	if row.Baseline != 0 {
		row.Ratio = row.Value / row.Baseline
	}
	r.rep.Rows = append(r.rep.Rows, row)
	if row.Baseline == 0 {
		fmt.Fprintf(r.m.Stderr, "  %s [%s]: %.4g %s\n", row.Figure, row.Size, row.Value, row.Unit)
		return
	}
	fmt.Fprintf(r.m.Stderr, "  %s [%s]: %.4g %s vs %.4g (%s) = %.3f× %s %s\n",
		row.Figure, row.Size, row.Value, row.Unit, row.Baseline, row.Against, row.Ratio, row.Target, row.Met)
}

func (r *runner) note(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	r.rep.Notes = append(r.rep.Notes, s)
	fmt.Fprintln(r.m.Stderr, "  note:", s)
}

func (r *runner) progress(format string, args ...any) {
	fmt.Fprintf(r.m.Stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

// atLeast marks a row met when its ratio is at least want.
func atLeast(row Row, want float64) Row {
	row.Target = fmt.Sprintf("≥ %.2g×", want)
	row.Met = metWord(row.Ratio >= want || (row.Baseline != 0 && row.Value/row.Baseline >= want))
	return row
}

// atMost marks a row met when its ratio is at most want.
func atMost(row Row, want float64) Row {
	row.Target = fmt.Sprintf("≤ %.2g×", want)
	row.Met = metWord(row.Baseline != 0 && row.Value/row.Baseline <= want)
	return row
}

func metWord(ok bool) string {
	if ok {
		return "met"
	}
	return "missed"
}

func (m *Main) run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	sizesFlag := fs.String("sizes", envOr("BENCH_SIZES", DefaultSizes), "comma-separated party `counts` (1k, 10k, 100k: about 10 events a party); the largest is used for the query figures (env BENCH_SIZES)")
	jsonPath := fs.String("json", DefaultJSON, "write the table as JSON to this `file`")
	seed := fs.Int64("seed", generate.DefaultSeed, "the generator's `seed`")
	samples := fs.Int("samples", DefaultSamples, "parties sampled for the one-party latencies")
	coldRuns := fs.Int("cold-runs", DefaultColdRuns, "runs of the cold query process and of hello-world")
	tmpFlag := fs.String("tmp", "", "`directory` for the temporary stores (default: the system's)")
	profile := fs.String("profile", "", "write a CPU profile of the run and heap profiles near the peak of each ingest and replay to this `directory`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	var sizes []int
	for _, s := range strings.Split(*sizesFlag, ",") {
		n, err := parseSize(s)
		if err != nil {
			return usageError{err.Error()}
		}
		sizes = append(sizes, n)
	}
	sort.Ints(sizes)
	tmp, err := os.MkdirTemp(*tmpFlag, "annals-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	start := time.Now()
	rep := &Report{Started: start.UTC().Format(time.RFC3339), Machine: machine()}
	r := &runner{m: m, rep: rep, tmp: tmp, seed: *seed, profile: *profile}
	if *profile != "" {
		if err := os.MkdirAll(*profile, 0o755); err != nil {
			return err
		}
		f, err := os.Create(filepath.Join(*profile, "cpu.pprof"))
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Fprintf(m.Stderr, "machine: %s\n", rep.Machine)

	peaks := map[int]peakPair{}
	for i, n := range sizes {
		rep.Sizes = append(rep.Sizes, fmtSize(n))
		top := i == len(sizes)-1
		p, err := r.size(ctx, n, i == 0, top, *samples)
		if err != nil {
			return fmt.Errorf("size %s: %w", fmtSize(n), err)
		}
		peaks[n] = p
	}
	if len(sizes) > 1 {
		lo, hi := sizes[len(sizes)-2], sizes[len(sizes)-1] // the two largest: the smallest may not fill a batch
		for _, what := range []string{"ingest", "replay"} {
			a, b := peaks[lo].ingest, peaks[hi].ingest
			if what == "replay" {
				a, b = peaks[lo].replay, peaks[hi].replay
			}
			r.add(atMost(Row{Figure: "7. peak heap of the annals pipeline, " + what, Size: fmtSize(hi), Value: mib(b.Shares.Pipeline), Unit: "MiB",
				Baseline: mib(a.Shares.Pipeline), Against: "same at " + fmtSize(lo)}, 2))
			r.add(Row{Figure: "7. peak heap of the embedded server, " + what, Size: fmtSize(hi), Value: mib(b.Shares.Server), Unit: "MiB",
				Baseline: mib(a.Shares.Server), Against: "same at " + fmtSize(lo)})
			r.add(Row{Figure: "7. peak heap of the process, " + what, Size: fmtSize(hi), Value: mib(b.Rise), Unit: "MiB",
				Baseline: mib(a.Rise), Against: "same at " + fmtSize(lo)})
		}
		r.note("peak heap (7): the process figure is how far runtime HeapInuse (sampled every 5ms) rose above its level after a GC at the start of the phase; the benchmark process also runs the embedded NATS server. The pipeline and server figures split the heap profile (read every 250ms, scaled as pprof scales it, MemProfileRate %d) by who allocated each byte: a frame in nats-server makes it the server's (its per-subject index, its duplicate window, its block caches); otherwise a frame of the recorder, store, log client, bbolt or nats.go makes it the pipeline's; otherwise a frame in annals/bench or the harness's main makes it the generated input (generated as the recorder reads it, about %d facts at a time, one batch ahead in a goroutine of its own: Recorder.RecordStream over generate.Stream, so the ingest figures include generating the input alongside; the recorder runs before the ceilings of its size, whose servers would otherwise leave nats-server's pooled block buffers for its server to reuse; the ceilings, measured after it, hold the whole history and its encodings); each is its peak above its level at the start. 'flat' is read as ≤ 2× while the record grows %d×",
			runtime.MemProfileRate, StreamBatchFacts, hi/lo)
	}
	if err := r.cold(ctx, *coldRuns); err != nil {
		return fmt.Errorf("cold query: %w", err)
	}
	if err := r.nodeFigures(ctx); err != nil {
		return fmt.Errorf("node figures: %w", err)
	}
	rep.Duration = time.Since(start).Round(time.Second).String()
	writeTable(m.Stdout, rep)
	if *jsonPath != "" {
		if err := writeJSON(*jsonPath, rep); err != nil {
			return err
		}
		fmt.Fprintf(m.Stderr, "wrote %s\n", *jsonPath)
	}
	return nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

type peakPair struct{ ingest, replay memPeak }

// StreamBatchFacts is about how many generated facts the recorder is given at a time: four of its
// publish chunks, so that a batch's last catch-up is a small part of it.
const StreamBatchFacts = 4 * record.DefaultPublishBatch

// countFacts returns how many facts the history cfg describes holds, generating it a batch at a time.
func countFacts(cfg generate.Config) int {
	n := 0
	next := generate.Stream(cfg, StreamBatchFacts)
	for {
		batch, err := next()
		if err != nil { // io.EOF: the generator fails in no other way
			return n
		}
		n += len(batch)
	}
}

// syncMode names the server's sync mode in the figures.
func syncMode(lazy bool) string {
	if lazy {
		return "lazy sync"
	}
	return "durable"
}

// size measures ingest and replay at n parties, and the queries when top.
func (r *runner) size(ctx context.Context, n int, first, top bool, samples int) (peakPair, error) {
	var pk peakPair
	sz := fmtSize(n)
	cfg := generate.Config{Parties: n, Seed: r.seed}
	E := float64(countFacts(cfg))

	// The recorder first, before the ceilings' servers (which would leave nats-server's pooled block
	// buffers for its server to reuse), reading the facts as they are generated (Recorder.RecordStream
	// over generate.Stream), so that its heap is its own.
	var durable *env
	defer func() {
		if durable != nil {
			durable.close()
		}
	}()
	recRate := map[bool]float64{}
	for _, lazy := range []bool{false, true} {
		mode := syncMode(lazy)
		r.progress("size %s: recorder ingest (%s)", sz, mode)
		dir, err := tempDir(r.tmp, "ingest-"+sz)
		if err != nil {
			return pk, err
		}
		e, err := newEnv(ctx, dir, lazy)
		if err != nil {
			return pk, err
		}
		mem := startMem(r.profilePath("heap-ingest-%s-%s.pprof", sz, strings.ReplaceAll(mode, " ", "-")))
		next, stop := generate.Ahead(generate.Stream(cfg, StreamBatchFacts))
		recD, err := timed(func() error {
			_, err := e.recorder().RecordStream(ctx, int(E), next)
			return err
		})
		stop()
		mp, perr := mem.Stop()
		if err == nil {
			err = perr
		}
		if err != nil {
			e.close()
			return pk, fmt.Errorf("record (%s): %w", mode, err)
		}
		recRate[lazy] = E / recD.Seconds()
		if !lazy {
			pk.ingest = mp
			r.progress("size %s: ingest heap: %.1f MiB at the start, peak %.1f MiB; peak shares above the start: pipeline %.1f MiB, server %.1f MiB",
				sz, mib(mp.Peak-mp.Rise), mib(mp.Peak), mib(mp.Shares.Pipeline), mib(mp.Shares.Server))
			durable = e
		} else {
			e.close()
			os.RemoveAll(dir)
		}
	}

	// Then the ceilings, which hold the whole history and its encodings.
	r.progress("size %s: generating", sz)
	h := generate.Generate(cfg)
	facts := h.Facts()
	evs, data, err := encodeAll(facts)
	if err != nil {
		return pk, err
	}
	var bytes int
	for _, b := range data {
		bytes += len(b)
	}
	r.progress("size %s: %d facts in %d documents, %.1f MiB encoded", sz, len(facts), len(h.Chunks), float64(bytes)/(1<<20))
	dir, err := tempDir(r.tmp, "raw-bolt-"+sz)
	if err != nil {
		return pk, err
	}
	boltD, err := rawBolt(dir, data)
	if err != nil {
		return pk, fmt.Errorf("raw bolt: %w", err)
	}
	os.RemoveAll(dir)
	boltRate := E / boltD.Seconds()
	for _, lazy := range []bool{false, true} {
		mode := syncMode(lazy)
		r.progress("size %s: raw publish (%s)", sz, mode)
		dir, err := tempDir(r.tmp, "raw-js-"+sz)
		if err != nil {
			return pk, err
		}
		jsD, err := rawPublish(ctx, dir, lazy, evs, data)
		if err != nil {
			return pk, err
		}
		os.RemoveAll(dir)

		r.progress("size %s: atomic batches with the recorder's headers (%s)", sz, mode)
		if dir, err = tempDir(r.tmp, "batch-js-"+sz); err != nil {
			return pk, err
		}
		batchD, err := batchPublish(ctx, dir, lazy, evs, data)
		if err != nil {
			return pk, fmt.Errorf("atomic batch publish (%s): %w", mode, err)
		}
		os.RemoveAll(dir)
		batchRate := E / batchD.Seconds()
		r.add(Row{Figure: "1. raw JetStream async publish, message by message (context), " + mode, Size: sz, Value: E / jsD.Seconds(), Unit: "events/s"})
		r.add(Row{Figure: "1. raw bbolt puts (1000/tx, context)", Size: sz, Value: boltRate, Unit: "events/s"})
		r.add(Row{Figure: "1. fair ceiling: atomic batches of 1,000 with the recorder's headers, " + mode, Size: sz, Value: batchRate, Unit: "events/s"})
		r.add(atLeast(Row{Figure: "1. ingest (Recorder.RecordStream), " + mode, Size: sz, Value: recRate[lazy], Unit: "events/s",
			Baseline: batchRate, Against: "fair ceiling: atomic batches with the recorder's headers"}, 0.5))
	}
	if first {
		nf := min(DefaultNaiveFacts, len(facts))
		r.progress("size %s: naive pipeline on the first %d facts", sz, nf)
		dir, err := tempDir(r.tmp, "naive")
		if err != nil {
			return pk, err
		}
		d, err := naive(ctx, dir, facts[:nf])
		if err != nil {
			return pk, fmt.Errorf("naive: %w", err)
		}
		os.RemoveAll(dir)
		r.add(atLeast(Row{Figure: "1. durable ingest vs naive (1 publish+1 tx/event)", Size: sz, Value: recRate[false], Unit: "events/s",
			Baseline: float64(nf) / d.Seconds(), Against: fmt.Sprintf("naive, first %d facts", nf)}, 10))
	}
	h, facts, evs, data = nil, nil, nil, nil // let the generated history go: replay reads the log

	// Replay: a fresh store from the populated (durable) log.
	r.progress("size %s: replay", sz)
	rdir, err := tempDir(r.tmp, "replay-"+sz)
	if err != nil {
		return pk, err
	}
	fresh, err := boltstore.Open(filepath.Join(rdir, "replayed.db"), storeOptions)
	if err != nil {
		return pk, err
	}
	mem := startMem(r.profilePath("heap-replay-%s.pprof", sz))
	var res record.ReplayResult
	repD, err := timed(func() error {
		var err error
		res, err = record.Replay(ctx, durable.log, fresh, record.ReplayOptions{})
		return err
	})
	mp, perr := mem.Stop()
	if err == nil {
		err = perr
	}
	fresh.Close()
	if err != nil {
		return pk, fmt.Errorf("replay: %w", err)
	}
	pk.replay = mp
	r.progress("size %s: replay heap: %.1f MiB at the start, peak %.1f MiB; peak shares above the start: pipeline %.1f MiB, server %.1f MiB",
		sz, mib(mp.Peak-mp.Rise), mib(mp.Peak), mib(mp.Shares.Pipeline), mib(mp.Shares.Server))
	rawD, rawN, err := rawReplay(ctx, durable.js, rdir)
	if err != nil {
		return pk, fmt.Errorf("raw replay: %w", err)
	}
	fairD, fairN, err := overlappedReplay(ctx, durable.js, rdir)
	if err != nil {
		return pk, fmt.Errorf("fair replay ceiling: %w", err)
	}
	os.RemoveAll(rdir)
	r.add(Row{Figure: "2. ordered consumer + bbolt puts 1000/tx, one after the other (context)", Size: sz, Value: float64(rawN) / rawD.Seconds(), Unit: "events/s"})
	r.add(Row{Figure: "2. fair ceiling: ordered consumer + bbolt puts 4096/tx, overlapped", Size: sz, Value: float64(fairN) / fairD.Seconds(), Unit: "events/s"})
	r.add(atLeast(Row{Figure: "2. replay (record.Replay into an empty store)", Size: sz, Value: float64(res.Applied) / repD.Seconds(), Unit: "events/s",
		Baseline: float64(fairN) / fairD.Seconds(), Against: "fair ceiling: ordered consumer + bbolt puts 4096/tx, overlapped"}, 0.5))

	if top {
		path := durable.store.Path() // queries closes the store; the web figures read the file again
		if err := r.queries(ctx, durable, n, samples); err != nil {
			return pk, err
		}
		if err := r.webFigures(ctx, path, n); err != nil {
			return pk, fmt.Errorf("web figures: %w", err)
		}
	}
	return pk, nil
}
