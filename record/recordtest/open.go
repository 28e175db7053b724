package recordtest

import (
	"context"
	"math/rand"
	"path/filepath"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/jetlog"
	"annals/record"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/oklog/ulid/v2"
)

// WithRecorder runs fn with a recorder over the record in dir, as the CLI keeps it: the embedded
// NATS server with its stream under dir/nats and the bbolt store in dir, both closed when fn
// returns. The recorder's clock is now and its event ids come from seed, so that a record built
// twice is the same; it reports the first conflict instead of retrying.
func WithRecorder(dir string, now func() time.Time, seed int64, fn func(*record.Recorder) error) error {
	ctx := context.Background()
	srv, err := embednats.Start(embednats.Options{StoreDir: filepath.Join(dir, "nats")})
	if err != nil {
		return err
	}
	defer srv.Shutdown()
	nc, err := srv.Connect()
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	log, err := jetlog.Open(ctx, js, jetlog.Config{})
	if err != nil {
		return err
	}
	store, err := boltstore.Open(filepath.Join(dir, boltstore.FileName), boltstore.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	return fn(&record.Recorder{Log: log, Store: store, Now: now, Entropy: ulid.Monotonic(rand.New(rand.NewSource(seed)), 0), Retries: -1})
}
