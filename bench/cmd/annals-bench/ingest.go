package main

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"time"

	"annals/events"
	"annals/jetlog"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"
)

// DefaultBoltBatch is how many puts the raw bbolt ceiling commits per transaction.
const DefaultBoltBatch = 1000

// rawPublish publishes the encoded payloads on a fresh embedded server with the annals stream, with
// PublishAsync and no dedup id or expected sequence, and waits for every acknowledgement.
func rawPublish(ctx context.Context, dir string, lazy bool, evs []events.Event, data [][]byte) (time.Duration, error) {
	e, err := newEnv(ctx, dir, lazy)
	if err != nil {
		return 0, err
	}
	defer e.close()
	futures := make([]jetstream.PubAckFuture, 0, len(data))
	d, err := timed(func() error {
		for i, b := range data {
			// Up to the client's default of 4,000 unacknowledged: a stall waits for acknowledgements.
			f, err := e.js.PublishAsync(jetlog.Subject(jetlog.DefaultPrefix, evs[i]), b, jetstream.WithStallWait(time.Minute))
			if err != nil {
				return fmt.Errorf("raw publish %d: %w", i, err)
			}
			futures = append(futures, f)
		}
		select {
		case <-e.js.PublishAsyncComplete():
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Minute):
			return fmt.Errorf("raw publish: acknowledgements still pending after 10 minutes")
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for i, f := range futures {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			return 0, fmt.Errorf("raw publish %d: %w", i, err)
		}
	}
	return d, nil
}

// rawBolt puts the payloads into a fresh bbolt file under their sequence, DefaultBoltBatch per
// transaction: the bbolt ceiling of an apply.
func rawBolt(dir string, data [][]byte) (time.Duration, error) {
	db, err := bolt.Open(filepath.Join(dir, "raw.db"), 0o600, nil)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	return timed(func() error {
		for start := 0; start < len(data); start += DefaultBoltBatch {
			end := min(start+DefaultBoltBatch, len(data))
			err := db.Update(func(tx *bolt.Tx) error {
				b, err := tx.CreateBucketIfNotExists([]byte("events"))
				if err != nil {
					return err
				}
				for i := start; i < end; i++ {
					if err := b.Put(binary.BigEndian.AppendUint64(nil, uint64(i+1)), data[i]); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// naive records facts the way a first design would: for each fact, one durable publish with the
// dedup id and the expected entity sequence, waiting for its acknowledgement, then one bbolt
// transaction applying it.
func naive(ctx context.Context, dir string, facts []events.Fact) (time.Duration, error) {
	e, err := newEnv(ctx, dir, false)
	if err != nil {
		return 0, err
	}
	defer e.close()
	entropy := ulid.Monotonic(rand.New(rand.NewSource(1)), 0)
	return timed(func() error {
		for _, f := range facts {
			now := time.Now()
			ev, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(now), entropy), now)
			if err != nil {
				return err
			}
			expect, err := e.store.EntitySeqs(ctx, []events.EntityID{ev.Entity})
			if err != nil {
				return err
			}
			seqs, err := e.log.Append(ctx, []events.Event{ev}, expect)
			if err != nil {
				return err
			}
			if _, err := e.store.Apply(ctx, []events.Stored{{Seq: seqs[0], Event: ev}}); err != nil {
				return err
			}
		}
		return nil
	})
}

// rawReplay reads the stream with an ordered consumer and puts each message's bytes into a fresh
// bbolt file, DefaultBoltBatch per transaction: the ceiling of a replay.
func rawReplay(ctx context.Context, js jetstream.JetStream, dir string) (time.Duration, int, error) {
	db, err := bolt.Open(filepath.Join(dir, "raw-replay.db"), 0o600, nil)
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	n := 0
	d, err := timed(func() error {
		stream, err := js.Stream(ctx, jetlog.DefaultStream)
		if err != nil {
			return err
		}
		info, err := stream.Info(ctx)
		if err != nil {
			return err
		}
		last := info.State.LastSeq
		cons, err := stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{})
		if err != nil {
			return err
		}
		type kv struct {
			seq  uint64
			data []byte
		}
		batch := make([]kv, 0, DefaultBoltBatch)
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			err := db.Update(func(tx *bolt.Tx) error {
				b, err := tx.CreateBucketIfNotExists([]byte("events"))
				if err != nil {
					return err
				}
				for _, x := range batch {
					if err := b.Put(binary.BigEndian.AppendUint64(nil, x.seq), x.data); err != nil {
						return err
					}
				}
				return nil
			})
			batch = batch[:0]
			return err
		}
		var seq uint64
		for seq < last {
			msgs, err := cons.Fetch(min(jetlog.DefaultReadBatch, int(last-seq)), jetstream.FetchMaxWait(5*time.Second))
			if err != nil {
				return err
			}
			got := 0
			for msg := range msgs.Messages() {
				got++
				meta, err := msg.Metadata()
				if err != nil {
					return err
				}
				seq = meta.Sequence.Stream
				batch = append(batch, kv{seq, msg.Data()})
				n++
				if len(batch) == DefaultBoltBatch {
					if err := flush(); err != nil {
						return err
					}
				}
			}
			if got == 0 {
				return fmt.Errorf("raw replay: no message after seq %d of %d", seq, last)
			}
		}
		return flush()
	})
	return d, n, err
}

func tempDir(parent, name string) (string, error) {
	return os.MkdirTemp(parent, name+"-")
}
