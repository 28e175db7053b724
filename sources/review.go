package sources

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/oklog/ulid/v2"

	"annals/events"
	"annals/extract"
)

// Reviewed is what Review reads of the record: which facts it holds, its events and which are
// superseded (a subset of events.Store).
type Reviewed interface {
	KnownFacts(ctx context.Context, ids []events.FactID) (map[events.FactID]uint64, error)
	Scan(ctx context.Context, from uint64, fn func(events.Stored) error) error
	SupersededBy(ctx context.Context, ids []ulid.ULID) (map[ulid.ULID][]ulid.ULID, error)
}

// Review settles the facts drafted earlier from documents that now come with a curated facts file: a
// person reviewed the document, and the file is now its account of the running text. Every drafted
// event of such a document that is still in force is withdrawn by a retraction (record.retracted/v1,
// the normal correction mechanism: the drafted event stays on the record, superseded) whose reason
// cites the review: the curated fact that states the same claim, or that the review dropped it. A
// retraction quotes the drafted fact's own sentence, so it is checked against the document as every
// quote is.
//
// The retractions are deterministic: reviewing again after they are recorded finds nothing in force
// and returns none, so that ingesting twice records nothing new.
func (l *Loaded) Review(ctx context.Context, rec Reviewed) ([]events.Fact, error) {
	// Only a document the record held before can have drafted facts to settle: the record is read
	// through only when one of them is back with a facts file.
	curated := map[string]loadedDocument{}
	var docIDs []events.FactID
	docOf := map[events.FactID]loadedDocument{}
	for _, d := range l.docs {
		for _, f := range d.facts {
			if f.Type == events.TypeDocumentRecorded && d.curated != nil {
				id := f.ID()
				docIDs, docOf[id] = append(docIDs, id), d
			}
		}
	}
	if len(docIDs) == 0 {
		return nil, nil
	}
	known, err := rec.KnownFacts(ctx, docIDs)
	if err != nil {
		return nil, fmt.Errorf("review drafted facts: %w", err)
	}
	for id := range known {
		curated[docOf[id].doc.Name] = docOf[id]
	}
	if len(curated) == 0 {
		return nil, nil
	}
	var drafted []events.Stored
	err = rec.Scan(ctx, 1, func(st events.Stored) error {
		if _, ok := curated[st.Event.Source.Document]; ok && st.Event.Drafted() {
			drafted = append(drafted, st)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("review drafted facts: %w", err)
	}
	ids := make([]ulid.ULID, len(drafted))
	for i, st := range drafted {
		ids[i] = st.Event.ID
	}
	superseded, err := rec.SupersededBy(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("review drafted facts: %w", err)
	}
	var out []events.Fact
	for _, st := range drafted {
		e := st.Event
		if len(superseded[e.ID]) > 0 {
			continue
		}
		d := curated[e.Source.Document]
		file := filepath.Base(d.path[:len(d.path)-len(filepath.Ext(d.path))]) + FactsSuffix
		reason := fmt.Sprintf("reviewed in %s, which does not keep this drafted fact", file)
		for _, c := range d.curated.Facts {
			if extract.SameClaim(e.Fact, c) {
				reason = fmt.Sprintf("reviewed in %s, which states it as a curated fact quoting %q", file, c.Source.Quote)
				break
			}
		}
		out = append(out, events.Fact{Type: events.TypeRecordRetracted, Entity: e.Entity, Date: events.MustParseDate("XXXX"),
			Source: events.Source{Document: e.Source.Document, Quote: e.Source.Quote}, Payload: events.RecordRetracted{},
			Supersedes: []ulid.ULID{e.ID}, Reason: reason})
	}
	return out, nil
}
