package main

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/events"
	"annals/jetlog"
	"annals/record"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/oklog/ulid/v2"
)

// env is a fresh embedded server with the annals stream and a fresh bbolt store, in dir.
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
	if e.log, err = jetlog.Open(ctx, e.js, jetlog.Config{}); err != nil {
		e.close()
		return nil, err
	}
	if e.store, err = boltstore.Open(filepath.Join(dir, "annals.db"), boltstore.Options{}); err != nil {
		e.close()
		return nil, err
	}
	return e, nil
}

func (e *env) close() {
	if e.store != nil {
		e.store.Close()
	}
	if e.nc != nil {
		e.nc.Close()
	}
	if e.srv != nil {
		e.srv.Shutdown()
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

// memSampler samples runtime HeapInuse every few milliseconds and keeps the peak.
type memSampler struct {
	base uint64 // HeapInuse right after the GC at the start
	peak atomic.Uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

func startMem() *memSampler {
	runtime.GC()
	s := &memSampler{stop: make(chan struct{})}
	s.sample()
	s.base = s.peak.Load()
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
			return
		}
	}
}

// Stop returns the peak HeapInuse in bytes and how far it rose above the HeapInuse at the start.
func (s *memSampler) Stop() (peak, rise uint64) {
	close(s.stop)
	s.wg.Wait()
	s.sample()
	p := s.peak.Load()
	return p, p - min(p, s.base)
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
