package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"annals/boltstore"
	"annals/events"
	"annals/record"
)

func (m *Main) replay(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	untilFlag := fs.String("until", "", "rebuild the record as it stood at a stream `SEQ`, or at a recorded TIME (RFC 3339, or YYYY-MM-DD: the end of that day, UTC)")
	out := fs.String("out", "", "build the store into `FILE` instead of replacing the record's store")
	force := fs.Bool("force", false, "replace the store even if it holds events the stream does not (a lost, recreated or older stream): they are dropped; save them first with `recorder export`")
	return func(ctx context.Context) error {
		if fs.NArg() != 0 {
			fs.Usage()
			return usageError{Msg: fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
		}
		var until record.Until
		if *untilFlag != "" {
			var err error
			if until, err = record.ParseUntil(*untilFlag); err != nil {
				return usageError{Msg: fmt.Sprintf("--until: %v", err)}
			}
		}
		logger, err := c.logger(m)
		if err != nil {
			return err
		}
		c.unchecked = true // a stream that diverged from the store is checked below, event by event
		b, err := c.open(ctx, logger)
		if (errors.Is(err, events.ErrCorrupt) || errors.Is(err, events.ErrOutdated)) && *out == "" {
			// The store cannot even be opened (damaged, or in another version's layout); the stream holds
			// the record: set the file aside, rebuild.
			if err = m.setAside(logger, filepath.Join(c.data, boltstore.FileName), err); err == nil {
				b, err = c.open(ctx, logger)
			}
		}
		if err != nil {
			return err
		}
		defer b.Close()
		if *out == "" {
			if err := m.setAsideIfDamaged(ctx, logger, b); err != nil {
				return err
			}
		}
		target := b.store.Path()
		if *out == "" && !*force {
			// Never drop an event that only the store holds.
			if err := record.CheckReplay(ctx, b.log, b.store); err != nil {
				return fmt.Errorf("replay: %w", err)
			}
		}
		if *out != "" {
			if target, err = sameFileRefused(*out, b.store.Path()); err != nil {
				return err
			}
		} else if err := record.Resumable(ctx, b.log, b.store, record.Until{}); err != nil && !*force {
			return fmt.Errorf("replay: the store %s is not a fold of stream %s, so replaying would lose what it holds (is --stream right?): %w",
				target, b.log.Stream(), err)
		}
		bound := fmt.Sprintf("stream %s\nuntil %s\n", b.log.Stream(), until)
		rb, err := boltstore.StartRebuildWith(target, bound, storeOptions, func(s *boltstore.Store) error { return record.Resumable(ctx, b.log, s, until) })
		if err != nil {
			return fmt.Errorf("replay: %w", err)
		}
		if rb.Resumed {
			last, _ := rb.Store.LastSeq(ctx)
			logger.Info("resuming an interrupted replay", "file", rb.Path(), "seq", last)
		} else if rb.Restarted != "" {
			fmt.Fprintf(m.Stderr, "starting the replay over in %s: %s\n", rb.Path(), rb.Restarted)
		}
		var bar *progress
		opts := record.ReplayOptions{Until: until, Every: 100 * time.Millisecond, Progress: func(p record.ReplayProgress) {
			if bar == nil {
				bar = m.newProgress("replay", int64(p.Last-p.From+1))
			}
			bar.set(int64(p.Applied))
			logger.Debug("replaying", "applied", p.Applied, "seq", p.Seq, "last_seq", p.Last, "events_per_s", int(p.Rate()),
				"elapsed", p.Elapsed.Round(time.Millisecond))
		}}
		res, err := record.Replay(ctx, b.log, rb.Store, opts)
		bar.finish()
		if err != nil {
			rb.Close()
			return fmt.Errorf("%w (the partial replay in %s resumes on the next run)", err, rb.Path())
		}
		if err := rb.Commit(); err != nil {
			return fmt.Errorf("replay: %w", err)
		}
		logger.Info("replayed", "from_seq", res.From, "last_seq", res.LastSeq, "applied", res.Applied, "duplicates", res.Duplicates, "store", target)
		fmt.Fprintf(m.Stdout, "replayed %d events (%s) from stream %s into %s; %s\n",
			res.Applied, replayedRange(res), b.log.Stream(), target, replayedRecord(res, until))
		return nil
	}
}

// sameFileRefused creates the directory of out and returns out, or a usage error if out is the
// record's own store.
func sameFileRefused(out, store string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return "", fmt.Errorf("replay: --out: %w", err)
	}
	if st, err := filepath.Abs(store); err == nil && st == abs {
		return "", usageError{Msg: fmt.Sprintf("--out %s is the record's store; leave --out out to replace it", out)}
	}
	if a, err := os.Stat(abs); err == nil {
		if s, err := os.Stat(store); err == nil && os.SameFile(a, s) {
			return "", usageError{Msg: fmt.Sprintf("--out %s is the record's store; leave --out out to replace it", out)}
		}
	}
	return out, nil
}

func replayedRange(res record.ReplayResult) string {
	switch {
	case res.Applied == 0:
		return fmt.Sprintf("none after seq %d", res.LastSeq)
	case res.From > 1:
		return fmt.Sprintf("seq %d to %d, resuming an interrupted replay", res.From, res.LastSeq)
	}
	return fmt.Sprintf("seq %d to %d", res.From, res.LastSeq)
}

func replayedRecord(res record.ReplayResult, until record.Until) string {
	if until.IsZero() {
		return fmt.Sprintf("the record holds %d events", res.LastSeq)
	}
	return fmt.Sprintf("the record as it stood at %s holds %d events (the stream holds %d)", until, res.LastSeq, res.LogLastSeq)
}

// setAside moves the damaged store at path aside, to path.damaged-TIME, and says so on stderr: replay
// then rebuilds the store from the stream, and the damaged file stays for whoever wants to look at it.
func (m *Main) setAside(logger *slog.Logger, path string, cause error) error {
	now := time.Now
	if m.Now != nil {
		now = m.Now
	}
	aside, err := boltstore.SetAside(path, now())
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	what := "the store is damaged"
	if errors.Is(cause, events.ErrOutdated) {
		what = "the store was written by another version"
	}
	logger.Warn(what+": moved it aside, rebuilding it from the stream", "store", path, "moved_to", aside, "reason", cause.Error())
	return nil
}

// setAsideIfDamaged reads every event of the record's store, each checked: if one is damaged, it
// moves the store aside (holding its lock until a new, empty store has taken its place) so that the
// replay rebuilds it. A healthy store is left as it is.
func (m *Main) setAsideIfDamaged(ctx context.Context, logger *slog.Logger, b *backend) error {
	err := b.store.Scan(ctx, 1, func(events.Stored) error { return nil })
	if !errors.Is(err, events.ErrCorrupt) {
		return nil // healthy, or an error the replay meets again and reports
	}
	path := b.store.Path()
	if err := m.setAside(logger, path, err); err != nil {
		return err
	}
	b.store.Close()
	store, err := boltstore.Open(path, storeOptions)
	if err != nil {
		b.store = nil
		return fmt.Errorf("replay: %w", err)
	}
	b.store = store
	return nil
}
