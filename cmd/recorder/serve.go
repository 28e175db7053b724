package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/spf13/pflag"

	"annals/httpapi"
	"annals/jetlog"
	"annals/natsapi"
	"annals/node"
	"annals/web"
)

// DefaultHTTP is the address recorder serve answers HTTP on: loopback only.
const DefaultHTTP = "127.0.0.1:8080"

// shutdownGrace is how long serve waits for HTTP requests in flight when it stops.
const shutdownGrace = 10 * time.Second

func (m *Main) serve(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	env := func(name, def string) string {
		if v := m.Getenv(name); v != "" {
			return v
		}
		return def
	}
	fs.StringVar(&c.listen, "nats-listen", env("ANNALS_NATS_LISTEN", ""), "with the embedded server: also listen for NATS clients on `host:port` (loopback unless told otherwise; off if empty) (env ANNALS_NATS_LISTEN)")
	httpAddr := fs.String("http", env("ANNALS_HTTP", DefaultHTTP), "answer HTTP on `host:port` (loopback unless told otherwise; off if empty) (env ANNALS_HTTP)")
	writeToken := fs.String("write-token", env("ANNALS_WRITE_TOKEN", ""), "the bearer `token` an HTTP write must carry; empty: HTTP writes need none (env ANNALS_WRITE_TOKEN)")
	readOnly := fs.Bool("read-only", false, "answer questions only: the node takes no write (for a NATS user that may not publish to the stream; see docs/api.md)")
	queueGroup := fs.String("queue-group", env("ANNALS_QUEUE_GROUP", natsapi.DefaultQueueGroup), "the NATS queue `group` the nodes of one record share (env ANNALS_QUEUE_GROUP)")
	return func(ctx context.Context) error {
		if fs.NArg() != 0 {
			fs.Usage()
			return usageError{Msg: fmt.Sprintf("serve takes no arguments, got %q", fs.Arg(0))}
		}
		if c.listen != "" && c.natsURL != "" {
			return usageError{Msg: "--nats-listen is for the embedded server; with --nats the cluster listens"}
		}
		if c.logLevel == "" {
			c.logLevel = "info" // a node's log is what its operator reads
		}
		logger, err := c.logger(m)
		if err != nil {
			return err
		}
		b, err := c.open(ctx, logger)
		if err != nil {
			return err
		}
		defer b.Close()
		n, err := node.New(ctx, node.Config{Log: b.log, Store: b.store, Conn: b.nc, Subject: jetlog.DefaultPrefix + ".>", ReadOnly: *readOnly,
			Logger: logger, Now: m.Now, Entropy: m.Entropy})
		if err != nil {
			return err
		}
		// Requests in flight when serve is interrupted are answered before it stops: their context is not
		// the signal's.
		svc, err := natsapi.Start(context.WithoutCancel(ctx), b.nc, n, natsapi.Config{QueueGroup: *queueGroup, Version: serviceVersion(), Logger: logger})
		if err != nil {
			return err
		}
		defer svc.Stop()
		var srv *http.Server
		httpDone := make(chan error, 1)
		if *httpAddr != "" {
			ln, err := net.Listen("tcp", *httpAddr)
			if err != nil {
				return fmt.Errorf("listen http on %s: %w", *httpAddr, err)
			}
			page := web.New(b.store, web.Options{Logger: logger})
			srv = &http.Server{Handler: httpapi.New(n, httpapi.Config{Web: page, WriteToken: *writeToken, Logger: logger}), ReadHeaderTimeout: 10 * time.Second}
			go func() { httpDone <- srv.Serve(ln) }()
			logger.Info("serving http", "addr", ln.Addr().String(), "web_page", "http://"+ln.Addr().String()+"/")
		}
		attrs := []any{"service", natsapi.DefaultName, "queue_group", *queueGroup, "seq", n.AppliedSeq()}
		if b.server != nil && b.server.ClientURL() != "" {
			attrs = append(attrs, "nats_url", b.server.ClientURL())
		}
		logger.Info("serving nats", attrs...)
		runErr := n.Run(ctx)
		logger.Info("stopping", "seq", n.AppliedSeq())
		if srv != nil {
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
			defer cancel()
			if err := srv.Shutdown(sctx); err != nil {
				logger.Warn("stop http", "err", err)
			}
			if err := <-httpDone; err != nil && !errors.Is(err, http.ErrServerClosed) && runErr == nil {
				runErr = fmt.Errorf("serve http: %w", err)
			}
		}
		if err := svc.Stop(); err != nil && runErr == nil {
			runErr = fmt.Errorf("stop nats service: %w", err)
		}
		return runErr
	}
}

// serviceVersion is the micro service's version: the build's when it is semver, else 0.0.0-dev.
func serviceVersion() string {
	if len(Version) > 0 && Version[0] >= '0' && Version[0] <= '9' {
		return Version
	}
	return "0.0.0-" + Version
}

// splitHostPort reads host:port for a listener: an empty host is loopback; the port may be -1 or 0
// for a random one.
func splitHostPort(addr string) (string, int, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, err
	}
	p, err := strconv.Atoi(port)
	if err != nil || p < -1 || p > 65535 {
		return "", 0, fmt.Errorf("port %q: want a number up to 65535", port)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	return host, p, nil
}
