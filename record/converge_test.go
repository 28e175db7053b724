package record_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/record"

	"github.com/oklog/ulid/v2"
)

// A correction or retraction whose first attempt was published, but whose recorder was killed before
// it answered (before or after the store applied it), is retried with the same fact: the retry
// converges on the one already recorded, with no error, and names its event. A different correction
// of the same event is still refused.
func TestRetriedCorrectionConverges(t *testing.T) {
	crashes := []struct {
		name  string
		crash func(e *env, r *record.Recorder) // makes the first attempt die after publishing
	}{
		{"killed after publishing, before applying", func(e *env, r *record.Recorder) {
			r.Store = &crashingStore{Store: e.store, keep: 0}
		}},
		{"killed after applying, before answering", func(e *env, r *record.Recorder) {}},
	}
	kinds := []struct {
		name string
		fact func(of events.Event) events.Fact
	}{
		{"correction", func(of events.Event) events.Fact { return correction(of, "1998", "a second source") }},
		{"retraction", func(of events.Event) events.Fact {
			return events.Fact{Type: events.TypeRecordRetracted, Entity: of.Entity, Date: events.MustParseDate("XXXX"),
				Source:  events.Source{Title: "Review", URL: "https://example.org/review", Quote: "no such dissolution"},
				Payload: events.RecordRetracted{}, Supersedes: []ulid.ULID{of.ID}, Reason: "withdrawn"}
		}},
	}
	seed := int64(40)
	for _, c := range crashes {
		for _, k := range kinds {
			t.Run(c.name+"/"+k.name, func(t *testing.T) {
				seed += 3
				e := newEnv(t)
				ctx := context.Background()
				if _, err := e.recorder(t0, seed).Record(ctx, seedFacts(t)); err != nil {
					t.Fatal(err)
				}
				dissolved := firstOf(t, e.store, "cambodian-national-unity-party", events.TypePartyDissolved)
				fact := k.fact(dissolved)
				first := e.recorder(t0.Add(time.Hour), seed+1)
				first.Retries = -1
				c.crash(e, first)
				res, err := first.Record(ctx, []events.Fact{fact})
				if first.Store == e.store && (err != nil || res.Recorded != 1) {
					t.Fatalf("first attempt = %+v, %v, want recorded", res, err)
				}
				e.restart(t)
				retry := e.recorder(t0.Add(2*time.Hour), seed+2)
				retry.Retries = -1
				res, err = retry.Record(ctx, []events.Fact{fact})
				if err != nil {
					t.Fatalf("retry: %v, want it to converge", err)
				}
				if res.Recorded != 0 || res.Known != 1 {
					t.Errorf("retry = %+v, want recorded 0, known 1", res)
				}
				ids, err := retry.EventIDs(ctx, []events.Fact{fact})
				if err != nil {
					t.Fatal(err)
				}
				by, err := e.store.SupersededBy(ctx, []ulid.ULID{dissolved.ID})
				if err != nil {
					t.Fatal(err)
				}
				if len(by[dissolved.ID]) != 1 || ids[0] != by[dissolved.ID][0] {
					t.Errorf("EventIDs(retried fact) = %v, SupersededBy = %v, want the one correction", ids, by[dissolved.ID])
				}
				// Another correction of the same event is refused, naming the one recorded.
				_, err = retry.Record(ctx, []events.Fact{correction(dissolved, "1999", "a third source")})
				if !errors.Is(err, events.ErrConflict) || !strings.Contains(err.Error(), "already superseded by "+ids[0].String()) {
					t.Errorf("a different correction after the retry = %v, want a conflict naming %s", err, ids[0])
				}
			})
		}
	}
}

// Two recorders, each with its own store, record the same facts on one stream at once: each fact is
// recorded once, and counted recorded by exactly one of them (known by the other), however their
// publishes met (a conflict, or an acknowledgement of the other's event as a duplicate).
func TestConcurrentRecordersCountExactly(t *testing.T) {
	for _, chunk := range []int{0, 7} {
		t.Run(fmt.Sprintf("chunks of %d", chunk), func(t *testing.T) {
			e := newEnv(t)
			ctx := context.Background()
			facts := seedFacts(t)
			distinct := map[events.FactID]bool{}
			for _, f := range facts {
				distinct[f.ID()] = true
			}
			second, err := boltstore.Open(filepath.Join(e.dir, "second.db"), boltstore.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer second.Close()
			a := e.recorder(t0, 80)
			b := &record.Recorder{Log: e.log, Store: second, Now: func() time.Time { return t0 },
				Entropy: ulid.Monotonic(rand.New(rand.NewSource(81)), 0)}
			a.Retries, a.PublishBatch = 100, chunk
			b.Retries, b.PublishBatch = 100, chunk
			start := make(chan struct{})
			var wg sync.WaitGroup
			results := make([]record.Result, 2)
			errs := make([]error, 2)
			for i, r := range []*record.Recorder{a, b} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					results[i], errs[i] = r.Record(ctx, facts)
				}()
			}
			close(start)
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("recorder %d: %v", i, err)
				}
			}
			for i, res := range results {
				if res.Recorded+res.Known != len(facts) {
					t.Errorf("recorder %d = %+v, want recorded+known = %d", i, res, len(facts))
				}
			}
			if sum := results[0].Recorded + results[1].Recorded; sum != len(distinct) {
				t.Errorf("recorded %d + %d = %d, want the %d distinct facts", results[0].Recorded, results[1].Recorded, sum, len(distinct))
			}
			checkExactlyOnce(t, e, facts)
			if _, err := b.CatchUp(ctx); err != nil {
				t.Fatal(err)
			}
			inSecond := map[events.FactID]int{}
			if err := second.Scan(ctx, 1, func(st events.Stored) error {
				inSecond[st.Event.Fact.ID()]++
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			for id := range distinct {
				if inSecond[id] != 1 {
					t.Errorf("fact %s is %d times in the second store, want once", id, inSecond[id])
				}
			}
		})
	}
}

// A document larger than the server takes in one message is refused before anything is written,
// with an error naming it, its size and the limit.
func TestDocumentOverMaxPayloadIsRefused(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	r := record.New(e.log, e.store, nil)
	if r.MaxPayload <= 0 {
		t.Fatalf("record.New(jetlog).MaxPayload = %d, want the server's", r.MaxPayload)
	}
	text := "= Big Party =\n\n" + strings.Repeat("The Big Party said a great deal. ", int(r.MaxPayload)/32+1)
	sum := sha256.Sum256([]byte(text))
	doc := events.Fact{Type: events.TypeDocumentRecorded, Entity: events.DocumentEntity("big.txt"),
		Date: events.MustParseDate("XXXX"), Source: events.Source{Document: "big.txt", Quote: "= Big Party ="},
		Payload: events.DocumentRecorded{Name: "big.txt", Title: "Big Party", SHA256: hex.EncodeToString(sum[:]), Text: text}}
	small := syntheticFacts(3, 1)
	_, err := r.Record(ctx, append(small, doc))
	if !errors.Is(err, events.ErrInvalid) {
		t.Fatalf("Record(a %d-byte document) = %v, want ErrInvalid", len(text), err)
	}
	for _, want := range []string{"document big.txt", fmt.Sprintf("%d bytes", len(text)), fmt.Sprintf("%d bytes the log carries", r.MaxPayload)} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Record(a %d-byte document) error %q does not say %q", len(text), err, want)
		}
	}
	if last, _ := e.log.LastSeq(ctx); last != 0 {
		t.Errorf("log LastSeq after the refusal = %d, want 0: nothing written", last)
	}
}
