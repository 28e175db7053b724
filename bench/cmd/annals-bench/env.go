package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/events"
	"annals/jetlog"
	"annals/projections"
	"annals/record"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/oklog/ulid/v2"
)

// env is a fresh embedded server with the annals stream and a fresh bbolt store, in dir.
// storeOptions open every store the harness writes, as the recorder opens its own: keeping the
// fold's stored answers (projections.StoredAnswers), rebuilt as events are applied.
var storeOptions = boltstore.Options{Answers: projections.StoredAnswers{}}

type env struct {
	dir   string
	srv   *embednats.Server
	nc    *nats.Conn
	js    jetstream.JetStream
	log   *jetlog.Log
	store *boltstore.Store
}

func newEnv(ctx context.Context, dir string, lazy bool) (*env, error) {
	srv, err := embednats.Start(embednats.Options{StoreDir: filepath.Join(dir, "nats"), LazySync: lazy})
	if err != nil {
		return nil, err
	}
	e := &env{dir: dir, srv: srv}
	if e.nc, err = srv.Connect(); err != nil {
		e.close()
		return nil, err
	}
	if e.js, err = jetstream.New(e.nc); err != nil {
		e.close()
		return nil, err
	}
	if e.log, err = jetlog.Open(ctx, e.js, jetlog.Config{DuplicateWindow: embednats.DuplicateWindow}); err != nil {
		e.close()
		return nil, err
	}
	if e.store, err = boltstore.Open(filepath.Join(dir, boltstore.FileName), storeOptions); err != nil {
		e.close()
		return nil, err
	}
	return e, nil
}

// close shuts the env down; it may be called again.
func (e *env) close() {
	if e.store != nil {
		e.store.Close()
		e.store = nil
	}
	if e.nc != nil {
		e.nc.Close()
		e.nc = nil
	}
	if e.srv != nil {
		e.srv.Shutdown()
		e.srv = nil
	}
}

// recorder returns a Recorder with a seeded entropy source, so event ids are reproducible in order.
func (e *env) recorder() *record.Recorder {
	return &record.Recorder{Log: e.log, Store: e.store, Now: time.Now, Entropy: ulid.Monotonic(rand.New(rand.NewSource(1)), 0)}
}

// encodeAll turns facts into events with ids and encodes them: the payloads the raw ceilings write.
func encodeAll(facts []events.Fact) ([]events.Event, [][]byte, error) {
	entropy := ulid.Monotonic(rand.New(rand.NewSource(2)), 0)
	now := time.Now().UTC()
	evs := make([]events.Event, 0, len(facts))
	data := make([][]byte, 0, len(facts))
	for _, f := range facts {
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(now), entropy), now)
		if err != nil {
			return nil, nil, err
		}
		b, err := events.EncodeEvent(e)
		if err != nil {
			return nil, nil, err
		}
		evs = append(evs, e)
		data = append(data, b)
	}
	return evs, data, nil
}

// memSampler samples runtime HeapInuse every few milliseconds and keeps the peak. Every 250ms it
// also reads the heap profile and splits what is in use by who allocated it (see heapShares), keeping
// the peak of each share. Given a profile path, it keeps a heap profile taken near the peak of
// HeapInuse (when it passes 110% of the last profiled level, at most twice a second) and one taken
// when the pipeline's share peaked, and writes them there when it stops.
type memSampler struct {
	base    uint64 // HeapInuse right after the GC at the start
	peak    atomic.Uint64
	stop    chan struct{}
	wg      sync.WaitGroup
	profile string
	// read and written by the sampling goroutine only, until Stop
	profLvl   uint64
	profAt    time.Time
	prof      bytes.Buffer
	pipeProf  bytes.Buffer // the heap profile when the pipeline's share peaked
	sharesAt  time.Time
	shares    heapShares // the peak of each share
	baseShare heapShares // the shares right after the GC at the start
	owners    map[[32]uintptr]int
}

// heapShares splits the bytes in use by the code that allocated them, read from the heap profile
// (sampled allocations, scaled as pprof scales them): the embedded NATS server (a frame in
// nats-server), annals' pipeline (a frame in the recorder, the store, the log client, bbolt or
// nats.go), the benchmark's generated input (a frame in the generator, which the recorder calls as it
// reads the input, or one in annals/bench or the harness's main and none of the pipeline's), and
// anything else, counted with the pipeline.
type heapShares struct {
	Server, Input, Pipeline uint64
}

const (
	ownerPipeline = iota
	ownerServer
	ownerInput
)

func startMem(profile string) *memSampler {
	runtime.GC()
	s := &memSampler{stop: make(chan struct{}), profile: profile, owners: map[[32]uintptr]int{}}
	s.sample()
	s.base = s.peak.Load()
	s.baseShare = s.readShares()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				s.sample()
			}
		}
	}()
	return s
}

func (s *memSampler) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	for {
		old := s.peak.Load()
		if ms.HeapInuse <= old || s.peak.CompareAndSwap(old, ms.HeapInuse) {
			break
		}
	}
	if s.profile != "" && ms.HeapInuse > s.profLvl+s.profLvl/10 && time.Since(s.profAt) > 500*time.Millisecond {
		s.prof.Reset()
		if err := pprof.Lookup("heap").WriteTo(&s.prof, 0); err == nil {
			s.profLvl, s.profAt = ms.HeapInuse, time.Now()
		}
	}
	if time.Since(s.sharesAt) >= 250*time.Millisecond {
		s.sharesAt = time.Now()
		sh := s.readShares()
		if s.profile != "" && sh.Pipeline > s.shares.Pipeline {
			s.pipeProf.Reset()
			_ = pprof.Lookup("heap").WriteTo(&s.pipeProf, 0)
		}
		s.shares.Server = max(s.shares.Server, sh.Server)
		s.shares.Input = max(s.shares.Input, sh.Input)
		s.shares.Pipeline = max(s.shares.Pipeline, sh.Pipeline)
	}
}

// readShares reads the heap profile (as of the last GC) and adds up the bytes in use by owner.
func (s *memSampler) readShares() heapShares {
	var recs []runtime.MemProfileRecord
	n, _ := runtime.MemProfile(nil, false)
	for {
		recs = make([]runtime.MemProfileRecord, n+50)
		var ok bool
		if n, ok = runtime.MemProfile(recs, false); ok {
			recs = recs[:n]
			break
		}
	}
	rate := float64(runtime.MemProfileRate)
	var sh heapShares
	for _, r := range recs {
		inuse := r.InUseBytes()
		if inuse <= 0 || r.AllocObjects == 0 {
			continue
		}
		// pprof's scaling of a sampled heap record: each sampled byte stands for 1/(1-e^(-size/rate)).
		size := float64(r.AllocBytes) / float64(r.AllocObjects)
		bytes := uint64(float64(inuse) / (1 - math.Exp(-size/rate)))
		switch s.owner(r.Stack0) {
		case ownerServer:
			sh.Server += bytes
		case ownerInput:
			sh.Input += bytes
		default:
			sh.Pipeline += bytes
		}
	}
	return sh
}

func (s *memSampler) owner(stack [32]uintptr) int {
	if o, ok := s.owners[stack]; ok {
		return o
	}
	server, pipeline, input, generated := false, false, false, false
	frames := runtime.CallersFrames(stack[:])
	for {
		f, more := frames.Next()
		fn := f.Function
		switch {
		case strings.Contains(fn, "nats-server/v2"):
			server = true
		case strings.HasPrefix(fn, "annals/record") || strings.HasPrefix(fn, "annals/boltstore") || strings.HasPrefix(fn, "annals/jetlog") ||
			strings.HasPrefix(fn, "go.etcd.io/bbolt") || strings.HasPrefix(fn, "github.com/nats-io/nats.go"):
			pipeline = true
		case strings.HasPrefix(fn, "annals/bench/generate."):
			generated = true // the generator, even when the recorder calls it (RecordStream)
		case strings.HasPrefix(fn, "annals/bench/") || strings.HasPrefix(fn, "main."):
			input = true
		}
		if !more {
			break
		}
	}
	o := ownerPipeline
	switch {
	case server:
		o = ownerServer
	case generated || (!pipeline && input):
		o = ownerInput
	}
	s.owners[stack] = o
	return o
}

// memPeak is what a memSampler saw.
type memPeak struct {
	Peak, Rise uint64     // HeapInuse at its peak, and how far it rose above the start
	Shares     heapShares // the peak of each share, above its level at the start
}

// Stop returns what the sampler saw, and writes the heap profile if one was asked for.
func (s *memSampler) Stop() (memPeak, error) {
	close(s.stop)
	s.wg.Wait()
	s.sample()
	p := s.peak.Load()
	var err error
	if s.profile != "" && s.prof.Len() > 0 {
		err = os.WriteFile(s.profile, s.prof.Bytes(), 0o644)
	}
	if s.profile != "" && s.pipeProf.Len() > 0 && err == nil {
		err = os.WriteFile(strings.TrimSuffix(s.profile, ".pprof")+"-pipeline-peak.pprof", s.pipeProf.Bytes(), 0o644)
	}
	rise := func(peak, base uint64) uint64 { return peak - min(peak, base) }
	return memPeak{Peak: p, Rise: rise(p, s.base), Shares: heapShares{
		Server:   rise(s.shares.Server, s.baseShare.Server),
		Input:    rise(s.shares.Input, s.baseShare.Input),
		Pipeline: rise(s.shares.Pipeline, s.baseShare.Pipeline),
	}}, err
}

func timed(fn func() error) (time.Duration, error) {
	start := time.Now()
	err := fn()
	return time.Since(start), err
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

func fmtSize(n int) string {
	switch {
	case n >= 1000_000 && n%1000_000 == 0:
		return fmt.Sprintf("%dm", n/1000_000)
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}
