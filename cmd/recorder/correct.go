package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"annals/events"
	"annals/record"

	"github.com/oklog/ulid/v2"
)

// sourceFlags are the flags that name the source of a correction or retraction.
type sourceFlags struct {
	document, title, url, quote string
}

func (s *sourceFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&s.document, "document", "", "the `file` name of a document the record holds that supports it")
	fs.StringVar(&s.title, "title", "", "or the `title` of an external work that supports it")
	fs.StringVar(&s.url, "url", "", "with --title: the `URL` or reference of the external work")
	fs.StringVar(&s.quote, "quote", "", "the exact `words` of the source that support it (required)")
}

func (s *sourceFlags) source() events.Source {
	return events.Source{Document: s.document, Title: s.title, URL: s.url, Quote: s.quote}
}

// setFlags collects repeated --set field=value flags.
type setFlags []string

func (s *setFlags) String() string     { return strings.Join(*s, ",") }
func (s *setFlags) Set(v string) error { *s = append(*s, v); return nil }

func parseIDs(args []string) ([]ulid.ULID, error) {
	var ids []ulid.ULID
	for _, a := range args {
		id, err := ulid.ParseStrict(a)
		if err != nil {
			return nil, usageError{fmt.Sprintf("%s is not an event id (a ULID such as 01J9...): %v", events.Excerpt(a, events.DefaultExcerpt), err)}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func (m *Main) correct(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("correct", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var c config
	m.addFlags(fs, &c)
	var src sourceFlags
	src.add(fs)
	reason := fs.String("reason", "", "why the earlier events are wrong (required)")
	date := fs.String("date", "", "the corrected historical `date` (EDTF); the first event's date if not given")
	var sets setFlags
	fs.Var(&sets, "set", "a corrected payload `field=value` (repeatable; the value is JSON if it parses, else text)")
	payload := fs.String("payload", "", "the whole corrected payload as `JSON` (instead of --set)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: recorder correct [flags] EVENT-ID [EVENT-ID...]\n\n"+
			"Records a correction: a new fact, of the type and about the entity of the first event named, with\n"+
			"its date and payload changed as the flags say, that supersedes every event named. The events named\n"+
			"stay on the record, marked superseded. Refused for an id the record does not hold, an empty reason,\n"+
			"or an event a later correction already superseded. Prints the id of the correction; run again with\n"+
			"the same arguments (a retry), it prints the id of the same correction, already recorded.\n\nflags:\n")
		fs.PrintDefaults()
	}
	ids, err := targets(fs, args, reason, "correct needs the id of the event it corrects", "correct needs --reason: why the earlier events are wrong")
	if err != nil {
		return err
	}
	if len(sets) > 0 && *payload != "" {
		return usageError{"give --set or --payload, not both"}
	}
	corr := record.Correction{Supersedes: ids, Reason: *reason, Source: src.source(), Payload: json.RawMessage(*payload)}
	if *date != "" {
		d, err := events.ParseDate(*date)
		if err != nil {
			return usageError{fmt.Sprintf("--date: %v", err)}
		}
		corr.Date = &d
	}
	if corr.Set, err = setFields(sets); err != nil {
		return err
	}
	return m.recordCorrection(ctx, &c, func(rec *record.Recorder) (ulid.ULID, record.Result, error) {
		return rec.Correct(ctx, corr)
	})
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
			return nil, usageError{fmt.Sprintf("--set %s: want field=value", events.Excerpt(s, events.DefaultExcerpt))}
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

func (m *Main) retract(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("retract", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var c config
	m.addFlags(fs, &c)
	var src sourceFlags
	src.add(fs)
	reason := fs.String("reason", "", "why the events are withdrawn (required)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: recorder retract [flags] EVENT-ID [EVENT-ID...]\n\n"+
			"Withdraws events without replacing them: records a retraction, with a reason and a source, that\n"+
			"supersedes every event named. The events stay on the record, marked withdrawn. Refused like\n"+
			"correct. Prints the id of the retraction.\n\nflags:\n")
		fs.PrintDefaults()
	}
	ids, err := targets(fs, args, reason, "retract needs the id of the event it withdraws", "retract needs --reason: why the events are withdrawn")
	if err != nil {
		return err
	}
	return m.recordCorrection(ctx, &c, func(rec *record.Recorder) (ulid.ULID, record.Result, error) {
		return rec.Retract(ctx, ids, *reason, src.source())
	})
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

// targets parses the flags and the event ids of a correction or retraction, which needs at least one
// id and a reason (read once the flags are parsed): a usage error saying noIDs or noReason otherwise.
func targets(fs *flag.FlagSet, args []string, reason *string, noIDs, noReason string) ([]ulid.ULID, error) {
	if err := parseInterleaved(fs, args); err != nil {
		return nil, err
	}
	ids, err := parseIDs(fs.Args())
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		fs.Usage()
		return nil, usageError{noIDs}
	}
	if strings.TrimSpace(*reason) == "" {
		return nil, usageError{noReason}
	}
	return ids, nil
}

// parseInterleaved parses flags that may come before or after the positional arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) error {
	var rest []string
	for {
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs.Parse(append([]string{"--"}, rest...))
}
