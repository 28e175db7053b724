package jetlog

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"annals/events"
)

// MaxEventBytes is the largest event (its wire encoding) the log carries: 64 MiB. An event too large
// for one message of the server (its max_payload, 1 MiB by default) is kept in the stream's object
// store (a JetStream Object Store bucket, "<stream>_OBJECTS") under its SHA-256, and the stream holds a
// small message that names it: an object reference. Readers fetch the event from the object store and
// check its digest, so that it reads back exactly as any other event.
const MaxEventBytes = 64 << 20

// HeaderEventID names the id of the event a message carries.
const HeaderEventID = "Annals-Event-Id"

// HeaderObject marks a message whose data is an object reference, not an event.
const HeaderObject = "Annals-Object"

// objectMargin is what a message needs besides its data (subject, headers), kept free under the
// server's max_payload.
const objectMargin = 8 << 10

// objectRef is the data of a message that holds an event in the object store. The signature of the
// message covers it, and so, by the digest, the event.
type objectRef struct {
	Bucket string `json:"bucket"`
	Name   string `json:"name"`   // the hex SHA-256 of the event's bytes
	Size   int    `json:"size"`   // their length
	Event  string `json:"event"`  // the event's id, for people reading the stream
	Entity string `json:"entity"` // its entity
}

func (l *Log) objectBucket() string { return l.cfg.Stream + "_OBJECTS" }

// store puts an event's bytes in the object store when they are too large for one message, and
// returns the data the message carries instead: the reference. Small events are returned as they are.
// Putting the same event again (a retry) writes the same object.
func (l *Log) store(ctx context.Context, e events.Event, data []byte) ([]byte, bool, error) {
	if int64(len(data)) <= l.js.Conn().MaxPayload()-objectMargin {
		return data, false, nil
	}
	if len(data) > MaxEventBytes {
		return nil, false, fmt.Errorf("event %s about %s is %d bytes, more than the %d an event may have: %w",
			e.ID, e.Entity, len(data), MaxEventBytes, events.ErrInvalid)
	}
	sum := sha256.Sum256(data)
	ref := objectRef{Bucket: l.objectBucket(), Name: hex.EncodeToString(sum[:]), Size: len(data), Event: e.ID.String(), Entity: string(e.Entity)}
	err := l.do(ctx, l.waiter("store object"), func(ctx context.Context) error {
		obs, err := l.objects(ctx, true)
		if err != nil {
			return err
		}
		_, err = obs.Put(ctx, jetstream.ObjectMeta{Name: ref.Name, Description: "annals event " + ref.Event}, bytes.NewReader(data))
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("store event %s (%d bytes) in object store %s: %w", e.ID, len(data), ref.Bucket, err)
	}
	out, _ := json.Marshal(ref)
	return out, true, nil
}

// objects returns the log's object store, creating it when create is set.
func (l *Log) objects(ctx context.Context, create bool) (jetstream.ObjectStore, error) {
	obs, err := l.js.ObjectStore(ctx, l.objectBucket())
	if err == nil || !create || !errors.Is(err, jetstream.ErrBucketNotFound) {
		return obs, err
	}
	info := l.stream.CachedInfo()
	replicas := 1
	if info != nil {
		replicas = info.Config.Replicas
	}
	obs, err = l.js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: l.objectBucket(),
		Description: "annals: events too large for one message", Storage: jetstream.FileStorage, Replicas: replicas})
	if errors.Is(err, jetstream.ErrBucketExists) {
		return l.js.ObjectStore(ctx, l.objectBucket())
	}
	return obs, err
}

// load returns the event bytes a message stands for: its data, or, for an object reference, the
// object it names, checked against its digest and size.
func (l *Log) load(ctx context.Context, header nats.Header, data []byte) ([]byte, error) {
	if header.Get(HeaderObject) == "" {
		return data, nil
	}
	var ref objectRef
	if err := json.Unmarshal(data, &ref); err != nil || ref.Bucket != l.objectBucket() || len(ref.Name) != 64 || strings.Trim(ref.Name, "0123456789abcdef") != "" {
		return nil, fmt.Errorf("object reference %s is malformed", events.Excerpt(string(data), events.DefaultExcerpt))
	}
	if ref.Size > MaxEventBytes {
		return nil, fmt.Errorf("object %s is %d bytes, more than the %d an event may have", ref.Name, ref.Size, MaxEventBytes)
	}
	var out []byte
	err := l.do(ctx, l.waiter("read object"), func(ctx context.Context) error {
		obs, err := l.objects(ctx, false)
		if err != nil {
			return err
		}
		out, err = obs.GetBytes(ctx, ref.Name)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read object %s of event %s: %w", ref.Name, ref.Event, err)
	}
	sum := sha256.Sum256(out)
	if hex.EncodeToString(sum[:]) != ref.Name || len(out) != ref.Size {
		return nil, fmt.Errorf("object %s of event %s does not match its digest: it was changed", ref.Name, ref.Event)
	}
	return out, nil
}
