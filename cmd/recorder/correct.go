package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"annals/events"
	"annals/nodeapi"
	"annals/record"

	"github.com/oklog/ulid/v2"
	"github.com/spf13/pflag"
)

// sourceFlags are the flags that name the source of a correction or retraction.
type sourceFlags struct {
	document, title, url, quote string
}

func (s *sourceFlags) add(fs *pflag.FlagSet) {
	fs.StringVar(&s.document, "document", "", "the `file` name of a document the record holds that supports it")
	fs.StringVar(&s.title, "title", "", "or the `title` of an external work that supports it")
	fs.StringVar(&s.url, "url", "", "with --title: the `URL` or reference of the external work")
	fs.StringVar(&s.quote, "quote", "", "the exact `words` of the source that support it (required)")
}

func (s *sourceFlags) source() events.Source {
	return events.Source{Document: s.document, Title: s.title, URL: s.url, Quote: s.quote}
}

func parseIDs(args []string) ([]ulid.ULID, error) {
	var ids []ulid.ULID
	for _, a := range args {
		id, err := ulid.ParseStrict(a)
		if err != nil {
			return nil, usageError{Msg: fmt.Sprintf("%s is not an event id (a ULID such as 01J9...): %v", events.Excerpt(a, events.DefaultExcerpt), err)}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func (m *Main) correct(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	var src sourceFlags
	src.add(fs)
	reason := fs.String("reason", "", "why the earlier events are wrong (required)")
	date := fs.String("date", "", "the corrected historical `date` (EDTF); the first event's date if not given")
	sets := fs.StringArray("set", nil, "a corrected payload `field=value` (repeatable; the value is JSON if it parses, else text)")
	payload := fs.String("payload", "", "the whole corrected payload as `JSON` (instead of --set)")
	return func(ctx context.Context) error {
		ids, err := targets(fs, reason, "correct needs the id of the event it corrects", "correct needs --reason: why the earlier events are wrong")
		if err != nil {
			return err
		}
		if len(*sets) > 0 && *payload != "" {
			return usageError{Msg: "give --set or --payload, not both"}
		}
		corr := record.Correction{Supersedes: ids, Reason: *reason, Source: src.source(), Payload: json.RawMessage(*payload)}
		if *date != "" {
			d, err := events.ParseDate(*date)
			if err != nil {
				return usageError{Msg: fmt.Sprintf("--date: %v", err)}
			}
			corr.Date = &d
		}
		if corr.Set, err = setFields(*sets); err != nil {
			return err
		}
		if c.server != "" {
			return m.remoteCorrection(ctx, c, "correct", nodeapi.CorrectRequest{Events: fs.Args(), Reason: *reason, Source: nodeSource(src.source()),
				Date: *date, Set: corr.Set, Payload: rawOrNil(corr.Payload)})
		}
		return m.recordCorrection(ctx, c, func(rec *record.Recorder) (ulid.ULID, record.Result, error) {
			return rec.Correct(ctx, corr)
		})
	}
}

// setFields reads --set field=value edits: the value is JSON if it parses, else text. A later edit of a
// field wins.
func setFields(sets []string) (map[string]json.RawMessage, error) {
	if len(sets) == 0 {
		return nil, nil
	}
	fields := map[string]json.RawMessage{}
	for _, s := range sets {
		key, value, ok := strings.Cut(s, "=")
		if !ok || key == "" {
			return nil, usageError{Msg: fmt.Sprintf("--set %s: want field=value", events.Excerpt(s, events.DefaultExcerpt))}
		}
		if json.Valid([]byte(value)) {
			fields[key] = json.RawMessage(value)
		} else {
			quoted, _ := json.Marshal(value)
			fields[key] = quoted
		}
	}
	return fields, nil
}

func (m *Main) retract(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	var src sourceFlags
	src.add(fs)
	reason := fs.String("reason", "", "why the events are withdrawn (required)")
	return func(ctx context.Context) error {
		ids, err := targets(fs, reason, "retract needs the id of the event it withdraws", "retract needs --reason: why the events are withdrawn")
		if err != nil {
			return err
		}
		if c.server != "" {
			return m.remoteCorrection(ctx, c, "retract", nodeapi.RetractRequest{Events: fs.Args(), Reason: *reason, Source: nodeSource(src.source())})
		}
		return m.recordCorrection(ctx, c, func(rec *record.Recorder) (ulid.ULID, record.Result, error) {
			return rec.Retract(ctx, ids, *reason, src.source())
		})
	}
}

// remoteCorrection sends a correction or retraction to the node at --server and prints its id, as
// recordCorrection does for one recorded here.
func (m *Main) remoteCorrection(ctx context.Context, c *config, endpoint string, request any) error {
	doc, err := c.write(ctx, endpoint, request)
	if err != nil {
		return err
	}
	if len(doc.Events) == 0 {
		return fmt.Errorf("%s at %s: the node answered with no event", endpoint, redact(c.server))
	}
	fmt.Fprintln(m.Stdout, doc.Events[0])
	return nil
}

// rawOrNil is raw, or nil when it is empty (an empty RawMessage does not encode).
func rawOrNil(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 {
		return nil
	}
	return raw
}

func nodeSource(s events.Source) nodeapi.Source {
	return nodeapi.Source{Document: s.Document, Title: s.Title, URL: s.URL, Quote: s.Quote}
}

// recordCorrection records a correction or retraction and prints the id of its event. A retry of one
// the record already holds (the same fact: a first attempt that was recorded, though the command was
// interrupted before it answered) converges: it prints the id recorded then, and succeeds. Only a
// different correction of an event already superseded is refused.
func (m *Main) recordCorrection(ctx context.Context, c *config, do func(*record.Recorder) (ulid.ULID, record.Result, error)) error {
	logger, err := c.logger(m)
	if err != nil {
		return err
	}
	b, err := c.open(ctx, logger)
	if err != nil {
		return err
	}
	defer b.Close()
	rec := m.recorder(b)
	rec.Logger = logger
	id, res, err := do(rec)
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, id)
	if res.Known > 0 {
		logger.Info("already recorded", "event_id", id.String())
	} else {
		logger.Info("recorded", "event_id", id.String())
	}
	return nil
}

// targets returns the event ids of a correction or retraction (the arguments, once the flags are
// parsed), which needs at least one id and a reason: a usage error saying noIDs or noReason otherwise.
func targets(fs *pflag.FlagSet, reason *string, noIDs, noReason string) ([]ulid.ULID, error) {
	ids, err := parseIDs(fs.Args())
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		fs.Usage()
		return nil, usageError{Msg: noIDs}
	}
	if strings.TrimSpace(*reason) == "" {
		return nil, usageError{Msg: noReason}
	}
	return ids, nil
}
