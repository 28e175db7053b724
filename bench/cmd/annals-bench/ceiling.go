package main

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"annals/events"
	"annals/jetlog"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
	bolt "go.etcd.io/bbolt"
)

// The fair ceilings: what the log and the store can do when asked the way the recorder asks them.

// CeilingBatch is how many events the fair publish ceiling puts in one atomic batch (the server's
// limit, and the recorder's: jetlog.DefaultMaxBatch).
const CeilingBatch = jetlog.DefaultMaxBatch

// ReplayCeilingBatch is how many puts the fair replay ceiling commits per transaction (the
// recorder's apply batch, record.DefaultApplyBatch).
const ReplayCeilingBatch = 4096

// batchPublish publishes the encoded events on a fresh embedded server in atomic batches of
// CeilingBatch, each message with the headers the recorder sends: the event id, the fact id as
// Nats-Msg-Id, and the expected last sequence of the entity's subjects (as it stood before the batch);
// the commit of each batch is a request answered once the batch is written (and, durable, synced).
// Everything the recorder computes (fact ids, encodings) is computed before the clock starts: the
// figure is what the server takes.
func batchPublish(ctx context.Context, dir string, lazy bool, evs []events.Event, data [][]byte) (time.Duration, error) {
	e, err := newEnv(ctx, dir, lazy)
	if err != nil {
		return 0, err
	}
	defer e.close()
	type prepared struct {
		subject, entitySubjects, eventID, factID string
		entity                                   events.EntityID
	}
	prep := make([]prepared, len(evs))
	for i, ev := range evs {
		prep[i] = prepared{subject: jetlog.Subject(jetlog.DefaultPrefix, ev), entitySubjects: jetlog.DefaultPrefix + "." + string(ev.Entity) + ".>",
			eventID: ev.ID.String(), factID: string(ev.Fact.ID()), entity: ev.Entity}
	}
	last := map[events.EntityID]uint64{}
	return timed(func() error {
		for start := 0; start < len(evs); start += CeilingBatch {
			end := min(start+CeilingBatch, len(evs))
			id := nuid.Next()
			var reply *nats.Msg
			for i := start; i < end; i++ {
				p := prep[i]
				msg := nats.NewMsg(p.subject)
				msg.Data = data[i]
				msg.Header.Set("Annals-Event-Id", p.eventID)
				msg.Header.Set(jetstream.MsgIDHeader, p.factID)
				msg.Header.Set(jetstream.ExpectedLastSubjSeqHeader, strconv.FormatUint(last[p.entity], 10))
				msg.Header.Set(jetstream.ExpectedLastSubjSeqSubjHeader, p.entitySubjects)
				msg.Header.Set("Nats-Batch-Id", id)
				msg.Header.Set("Nats-Batch-Sequence", strconv.Itoa(i-start+1))
				if i < end-1 {
					if err := e.nc.PublishMsg(msg); err != nil {
						return err
					}
					continue
				}
				msg.Header.Set("Nats-Batch-Commit", "1")
				rctx, cancel := context.WithTimeout(ctx, time.Minute)
				reply, err = e.nc.RequestMsgWithContext(rctx, msg)
				cancel()
				if err != nil {
					return fmt.Errorf("batch at %d: %w", start, err)
				}
			}
			var ack struct {
				Sequence uint64          `json:"seq"`
				Count    uint64          `json:"count"`
				Error    json.RawMessage `json:"error"`
			}
			if err := json.Unmarshal(reply.Data, &ack); err != nil || ack.Error != nil || ack.Count != uint64(end-start) {
				return fmt.Errorf("batch at %d: answer %s (%v)", start, reply.Data, err)
			}
			first := ack.Sequence - ack.Count + 1
			for i := start; i < end; i++ {
				last[prep[i].entity] = first + uint64(i-start)
			}
		}
		return nil
	})
}

// overlappedReplay reads the stream with an ordered consumer in one goroutine and puts each message's
// bytes under its sequence into a fresh bbolt file in another, ReplayCeilingBatch per transaction,
// the two overlapped: the fair ceiling of a replay, which reads the log while it applies.
func overlappedReplay(ctx context.Context, js jetstream.JetStream, dir string) (time.Duration, int, error) {
	db, err := bolt.Open(filepath.Join(dir, "fair-replay.db"), 0o600, nil)
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	type kv struct {
		seq  uint64
		data []byte
	}
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
		batches := make(chan []kv, 2)
		var werr error
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range batches {
				if werr != nil {
					continue
				}
				werr = db.Update(func(tx *bolt.Tx) error {
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
			}
		}()
		var rerr error
		batch := make([]kv, 0, ReplayCeilingBatch)
		var seq uint64
		for seq < last && rerr == nil {
			msgs, err := cons.Fetch(min(jetlog.DefaultReadBatch, int(last-seq)), jetstream.FetchMaxWait(5*time.Second))
			if err != nil {
				rerr = err
				break
			}
			got := 0
			for msg := range msgs.Messages() {
				got++
				meta, err := msg.Metadata()
				if err != nil {
					rerr = err
					break
				}
				seq = meta.Sequence.Stream
				batch = append(batch, kv{seq, msg.Data()})
				n++
				if len(batch) == ReplayCeilingBatch {
					batches <- batch
					batch = make([]kv, 0, ReplayCeilingBatch)
				}
			}
			if got == 0 && rerr == nil {
				rerr = fmt.Errorf("fair replay: no message after seq %d of %d", seq, last)
			}
		}
		if len(batch) > 0 {
			batches <- batch
		}
		close(batches)
		wg.Wait()
		if rerr != nil {
			return rerr
		}
		return werr
	})
	return d, n, err
}
