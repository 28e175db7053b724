package node

import (
	"context"
	"fmt"

	"annals/events"
	"annals/extract"
	"annals/record"
	"annals/sources"

	"github.com/oklog/ulid/v2"
)

// The writes below take the paths of `recorder append`, `correct`, `retract` and `ingest`
// (record.Recorder), one at a time on a node. Each answers with the events it recorded and the stream
// sequence of the last one. A bad request or fact is an error wrapping events.ErrInvalid; a conflict
// with another writer that is not retried, one wrapping events.ErrConflict.

// Append records the facts of a curated facts file ({"document": ..., "facts": [...]}), as `recorder
// append` does; name names it in errors. New facts are retried after a conflict with another writer;
// a correction among them is not.
func (n *Node) Append(ctx context.Context, name string, data []byte) (WriteDocument, error) {
	if name == "" {
		name = "request"
	}
	curated, err := extract.ParseCurated(name, data)
	if err != nil {
		return n.written(ctx, "append", WriteDocument{}, err)
	}
	if len(curated.Facts) == 0 {
		return n.written(ctx, "append", WriteDocument{}, fmt.Errorf("facts file %s holds no facts: %w", name, events.ErrInvalid))
	}
	var res record.Result
	err = n.write(ctx, func(ctx context.Context, rec *record.Recorder) error {
		rec.ReportIDs = true
		rec.Retries = record.AppendRetries(curated.Facts)
		res, err = rec.Record(ctx, curated.Facts)
		return err
	})
	doc := WriteDocument{Recorded: res.Recorded, Known: res.Known, Events: idStrings(res.IDs)}
	return n.written(ctx, "append", doc, err)
}

// Correct records a correction, as `recorder correct` does: a retry of one the record holds answers
// with the id recorded then.
func (n *Node) Correct(ctx context.Context, r CorrectRequest) (WriteDocument, error) {
	ids, err := parseIDs(r.Events)
	if err != nil {
		return n.written(ctx, "correct", WriteDocument{}, err)
	}
	if len(r.Set) > 0 && len(r.Payload) > 0 {
		return n.written(ctx, "correct", WriteDocument{}, fmt.Errorf("give set or payload, not both: %w", events.ErrInvalid))
	}
	c := record.Correction{Supersedes: ids, Reason: r.Reason, Source: eventSource(r.Source), Set: r.Set, Payload: r.Payload}
	if r.Date != "" {
		d, err := events.ParseDate(r.Date)
		if err != nil {
			return n.written(ctx, "correct", WriteDocument{}, badRequest("date", err))
		}
		c.Date = &d
	}
	var id ulid.ULID
	var res record.Result
	err = n.write(ctx, func(ctx context.Context, rec *record.Recorder) error {
		id, res, err = rec.Correct(ctx, c)
		return err
	})
	return n.written(ctx, "correct", correctionDoc(id, res), err)
}

// Retract records a retraction, as `recorder retract` does.
func (n *Node) Retract(ctx context.Context, r RetractRequest) (WriteDocument, error) {
	ids, err := parseIDs(r.Events)
	if err != nil {
		return n.written(ctx, "retract", WriteDocument{}, err)
	}
	var id ulid.ULID
	var res record.Result
	err = n.write(ctx, func(ctx context.Context, rec *record.Recorder) error {
		id, res, err = rec.Retract(ctx, ids, r.Reason, eventSource(r.Source))
		return err
	})
	return n.written(ctx, "retract", correctionDoc(id, res), err)
}

// Ingest records one document and its curated facts file, as `recorder ingest` records NAME.txt with
// NAME.facts.json beside it.
func (n *Node) Ingest(ctx context.Context, r IngestRequest) (WriteDocument, error) {
	if r.Name == "" {
		return n.written(ctx, "ingest", WriteDocument{}, missing("name"))
	}
	var facts []byte
	if len(r.Facts) > 0 && string(r.Facts) != "null" {
		facts = r.Facts
	}
	in, err := sources.LoadDocument(r.Name, []byte(r.Text), facts, sources.LoadOptions{Strict: r.Strict, NoDraft: r.NoDraft})
	if err != nil {
		return n.written(ctx, "ingest", WriteDocument{}, err)
	}
	var res record.IngestResult
	err = n.write(ctx, func(ctx context.Context, rec *record.Recorder) error {
		rec.ReportIDs = true
		res, err = rec.Ingest(ctx, in)
		return err
	})
	doc := WriteDocument{Recorded: res.Recorded, Known: res.Known, Events: idStrings(res.IDs), Warnings: res.Warnings}
	return n.written(ctx, "ingest", doc, err)
}

// written completes the answer of a write (its last sequence), counts its outcome and logs it.
func (n *Node) written(ctx context.Context, endpoint string, doc WriteDocument, err error) (WriteDocument, error) {
	if doc.Events == nil {
		doc.Events = []string{}
	}
	if err == nil {
		doc.LastSeq, err = n.lastSeq(ctx, doc.Events)
	}
	outcome := OutcomeRecorded
	switch code, _ := statusOf(err); {
	case err == nil && doc.Recorded == 0:
		outcome = OutcomeKnown
	case err == nil:
	case code == 400 || code == 404:
		outcome = OutcomeInvalid
	case code == 409:
		outcome = OutcomeConflict
	default:
		outcome = OutcomeError
	}
	n.metrics.ObserveWrite(endpoint, outcome)
	if err != nil {
		return WriteDocument{}, err
	}
	n.logger.Info("write", "endpoint", endpoint, "recorded", doc.Recorded, "known", doc.Known, "last_seq", doc.LastSeq)
	return doc, nil
}

func statusOf(err error) (int, ErrorDocument) {
	if err == nil {
		return 200, ErrorDocument{}
	}
	return Status(err)
}

func correctionDoc(id ulid.ULID, res record.Result) WriteDocument {
	doc := WriteDocument{Recorded: res.Recorded, Known: res.Known, Events: []string{}}
	if id != (ulid.ULID{}) {
		doc.Events = []string{id.String()}
	}
	return doc
}

func parseIDs(list []string) ([]ulid.ULID, error) {
	if len(list) == 0 {
		return nil, missing("events")
	}
	ids := make([]ulid.ULID, 0, len(list))
	for _, s := range list {
		id, err := parseID(s)
		if err != nil {
			return nil, badRequest("events", err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func idStrings(ids []ulid.ULID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return out
}
