package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"annals/boltstore"
	"annals/embednats"
	"annals/jetlog"
	"annals/nodeapi"
	"annals/projections"
	"annals/record"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/spf13/pflag"
)

// storeOptions open the store for writing: it keeps the fold's stored answers up to date, so that a
// query answers "every party on a day" without folding (a writer opened without them would drop the
// answers it touches).
var storeOptions = boltstore.Options{Answers: projections.StoredAnswers{}}

// DefaultData is the data directory when neither --data nor ANNALS_DATA is given.
const DefaultData = "data"

// config holds the flags every writing command shares.
type config struct {
	data      string
	natsURL   string
	user      string
	password  string
	token     string
	creds     string
	tlsCA     string
	tlsCert   string
	tlsKey    string
	stream    string
	replicas  string
	signing   string // the signing key file; "" for DATA/recorder.nk
	trusted   string // public keys trusted besides the recorder's own
	logLevel  string
	logFormat string

	// server, when set, is the NATS URL of a node (recorder serve) that takes the writes of append,
	// correct and retract instead of this process.
	server string

	// listen, when set (recorder serve --nats-listen), is the host:port the embedded server listens on.
	listen string

	// unchecked opens without refusing a stream that diverged from the store (lost, recreated,
	// behind it): for replay and verify, which look at the divergence themselves.
	unchecked bool
}

func (m *Main) addFlags(fs *pflag.FlagSet, c *config) {
	env := func(name, def string) string {
		if v := m.Getenv(name); v != "" {
			return v
		}
		return def
	}
	fs.StringVar(&c.data, "data", env("ANNALS_DATA", DefaultData), "data `directory` for the store and the embedded NATS server (env ANNALS_DATA)")
	fs.StringVar(&c.natsURL, "nats", env("ANNALS_NATS_URL", ""), "`URL`s of an external NATS server or cluster with JetStream, comma-separated; empty runs the embedded server (env ANNALS_NATS_URL)")
	fs.StringVar(&c.user, "nats-user", env("ANNALS_NATS_USER", ""), "user for the external NATS (env ANNALS_NATS_USER)")
	fs.StringVar(&c.password, "nats-password", env("ANNALS_NATS_PASSWORD", ""), "password for the external NATS (env ANNALS_NATS_PASSWORD)")
	fs.StringVar(&c.token, "nats-token", env("ANNALS_NATS_TOKEN", ""), "token for the external NATS (env ANNALS_NATS_TOKEN)")
	fs.StringVar(&c.creds, "nats-creds", env("ANNALS_NATS_CREDS", ""), "credentials `file` (JWT and NKey) for the external NATS (env ANNALS_NATS_CREDS)")
	fs.StringVar(&c.tlsCA, "nats-ca", env("ANNALS_NATS_CA", ""), "CA certificate `file` to verify the external NATS (env ANNALS_NATS_CA)")
	fs.StringVar(&c.tlsCert, "nats-cert", env("ANNALS_NATS_CERT", ""), "client certificate `file` for TLS (env ANNALS_NATS_CERT)")
	fs.StringVar(&c.tlsKey, "nats-key", env("ANNALS_NATS_KEY", ""), "client key `file` for TLS (env ANNALS_NATS_KEY)")
	fs.StringVar(&c.stream, "stream", env("ANNALS_STREAM", jetlog.DefaultStream), "JetStream stream `name` (env ANNALS_STREAM)")
	fs.StringVar(&c.replicas, "replicas", env("ANNALS_REPLICAS", ""), "copies of the stream a cluster keeps, `N` (1, 3 or 5), used when the stream is created; default 1, the embedded server being a single node (env ANNALS_REPLICAS)")
	fs.StringVar(&c.signing, "signing-key", env("ANNALS_SIGNING_KEY", ""), "the recorder's signing key `file` (an nkey seed; made on first use; default DATA/recorder.nk) (env ANNALS_SIGNING_KEY)")
	fs.StringVar(&c.trusted, "trusted-keys", env("ANNALS_TRUSTED_KEYS", ""), "public `keys` (U…, comma-separated) of other recorders whose events are part of the record (env ANNALS_TRUSTED_KEYS)")
	fs.StringVar(&c.server, "server", env("ANNALS_SERVER", ""), "send the write (ingest, append, correct, retract) to the node (recorder serve) at this NATS `URL`, with the connection flags above, instead of writing here (env ANNALS_SERVER)")
	fs.StringVar(&c.logLevel, "log-level", "", "log level: debug, info, warn, error (default warn: only what needs attention; serve: info)")
	fs.StringVar(&c.logFormat, "log-format", "text", "log format: text or json")
}

func (c *config) logger(m *Main) (*slog.Logger, error) {
	var level slog.Level
	if c.logLevel == "" {
		level = slog.LevelWarn
	} else if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, usageError{Msg: fmt.Sprintf("--log-level %q: want debug, info, warn or error", c.logLevel)}
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.logFormat {
	case "text":
		return slog.New(slog.NewTextHandler(m.Stderr, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(m.Stderr, opts)), nil
	}
	return nil, usageError{Msg: fmt.Sprintf("--log-format %q: want text or json", c.logFormat)}
}

func (c *config) natsOptions() []nats.Option {
	opts := []nats.Option{nats.Name("annals recorder"), nats.Timeout(10 * time.Second)}
	if c.user != "" || c.password != "" {
		opts = append(opts, nats.UserInfo(c.user, c.password))
	}
	if c.token != "" {
		opts = append(opts, nats.Token(c.token))
	}
	if c.creds != "" {
		opts = append(opts, nats.UserCredentials(c.creds))
	}
	if c.tlsCA != "" {
		opts = append(opts, nats.RootCAs(c.tlsCA))
	}
	if c.tlsCert != "" || c.tlsKey != "" {
		opts = append(opts, nats.ClientCert(c.tlsCert, c.tlsKey))
	}
	return opts
}

// backend is the wired store and log of one run.
type backend struct {
	store  *boltstore.Store
	log    *jetlog.Log
	nc     *nats.Conn
	server *embednats.Server
}

func (b *backend) Close() {
	if b.nc != nil {
		b.nc.Drain()
		b.nc.Close()
	}
	if b.server != nil {
		b.server.Shutdown()
	}
	if b.store != nil {
		b.store.Close()
	}
}

// open locks the store first (so that two recorders never run the embedded server over one directory),
// then connects to NATS, embedded or external, and opens the log.
func (c *config) open(ctx context.Context, logger *slog.Logger) (*backend, error) {
	replicas, err := c.replicaCount()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(c.data, 0o755); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	extra, err := jetlog.ParseTrust(c.trusted)
	if err != nil {
		return nil, usageError{Msg: fmt.Sprintf("--trusted-keys: %v", err)}
	}
	b := &backend{}
	signer, err := jetlog.LoadKey(c.signingKey(), true)
	if err != nil {
		return nil, err
	}
	b.store, err = boltstore.Open(filepath.Join(c.data, boltstore.FileName), storeOptions)
	if err != nil {
		return nil, err
	}
	if c.natsURL == "" {
		eopts := embednats.Options{StoreDir: filepath.Join(c.data, "nats")}
		if c.listen != "" {
			if eopts.Host, eopts.Port, err = splitHostPort(c.listen); err != nil {
				b.Close()
				return nil, usageError{Msg: fmt.Sprintf("--nats-listen: %v", err)}
			}
			eopts.Listen = true
		}
		b.server, err = embednats.Start(eopts)
		if err != nil {
			b.Close()
			return nil, err
		}
		b.nc, err = b.server.Connect()
		logger.Debug("embedded nats started", "store_dir", filepath.Join(c.data, "nats"))
	} else {
		b.nc, err = nats.Connect(c.natsURL, c.natsOptions()...)
		if err != nil {
			err = fmt.Errorf("connect to nats %s: %w", redact(c.natsURL), err)
		}
		logger.Debug("connected to nats", "url", redact(c.natsURL))
	}
	if err != nil {
		b.Close()
		return nil, err
	}
	js, err := jetstream.New(b.nc)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	b.log, err = jetlog.Open(ctx, js, jetlog.Config{Stream: c.stream, Replicas: replicas, Logger: logger, Signer: signer,
		DuplicateWindow: embednats.DuplicateWindow})
	if err != nil {
		b.Close()
		return nil, err
	}
	trusting, err := c.trust(ctx, b.log, signer, extra)
	if err != nil {
		b.Close()
		return nil, err
	}
	b.log.Trust(trusting)
	if !c.unchecked {
		// Nothing is written to a stream that lost, or never had, what the store holds.
		if err := record.CheckLog(ctx, b.log, b.store); err != nil {
			b.Close()
			return nil, err
		}
	}
	return b, nil
}

// replicaCount returns the replicas asked for by --replicas or ANNALS_REPLICAS, 0 if neither (the
// log then creates a stream of one and leaves an existing stream's count unremarked).
func (c *config) replicaCount() (int, error) {
	if c.replicas == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(c.replicas)
	if err != nil || n < 1 || n > 5 {
		return 0, usageError{Msg: fmt.Sprintf("--replicas %q: want a number from 1 to 5", c.replicas)}
	}
	if n > 1 && c.natsURL == "" {
		return 0, usageError{Msg: fmt.Sprintf("--replicas %d needs a NATS cluster (--nats): the embedded server is a single node", n)}
	}
	return n, nil
}

// redact hides passwords in a NATS URL for logs and errors.
func redact(url string) string {
	var out []string
	for _, u := range strings.Split(url, ",") {
		if at := strings.LastIndex(u, "@"); at >= 0 {
			if scheme := strings.Index(u, "://"); scheme >= 0 && scheme < at {
				u = u[:scheme+3] + "***" + u[at:]
			}
		}
		out = append(out, u)
	}
	return strings.Join(out, ",")
}

// write sends a write to the node at --server and returns what it recorded: the same code paths as
// a local write, run by the node.
func (c *config) write(ctx context.Context, endpoint string, request any) (nodeapi.WriteDocument, error) {
	nc, err := nats.Connect(c.server, c.natsOptions()...)
	if err != nil {
		return nodeapi.WriteDocument{}, fmt.Errorf("--server %s: %w", redact(c.server), err)
	}
	defer nc.Close()
	body, _, err := nodeapi.Ask(ctx, nc, endpoint, request)
	if err != nil {
		return nodeapi.WriteDocument{}, err
	}
	var doc nodeapi.WriteDocument
	if err := json.Unmarshal(body, &doc); err != nil {
		return doc, fmt.Errorf("the answer of %s at %s: %w", endpoint, redact(c.server), err)
	}
	return doc, nil
}
