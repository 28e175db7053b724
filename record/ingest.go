package record

import (
	"context"
	"errors"
	"io"

	"annals/document"
	"annals/sources"
)

// IngestResult says what Ingest did.
type IngestResult struct {
	Result
	Documents int // documents read
	Facts     int // facts the documents and facts files gave
	// Reviewed counts the retractions of drafted facts that a curated facts file now replaces (see
	// sources.Loaded.Review), recorded with the facts.
	Reviewed int
	// Warnings are what resolving the documents' subjects could not settle (sources.Loaded.Warnings),
	// one a document.
	Warnings []string
	// Unread, with IngestStream, is what the documents held that could not be read
	// (sources.Loaded.Unread), every batch's; Ingest leaves it to the caller's Loaded.
	Unread []document.Warning
}

// Ingest records what sources loaded: it catches the store up with the log (so that it holds what
// other writers recorded), resolves the subjects of the documents titled "X (Country)" against the
// record, withdraws the drafted facts of documents a person has since reviewed (a curated facts file
// beside them), then records every fact with Record. The warnings and counts are returned with an
// error too, Recorded counting the facts recorded before it stopped. Ingesting the same sources again
// records nothing new.
func (r *Recorder) Ingest(ctx context.Context, in *sources.Loaded) (IngestResult, error) {
	res := IngestResult{Documents: len(in.Documents), Facts: len(in.Facts)}
	if _, err := r.CatchUp(ctx); err != nil {
		return res, err
	}
	if err := in.ResolveSubjects(ctx, r.Store); err != nil {
		return res, err
	}
	res.Warnings = in.Warnings
	reviewed, err := in.Review(ctx, r.Store)
	if err != nil {
		return res, err
	}
	res.Reviewed = len(reviewed)
	res.Result, err = r.Record(ctx, append(in.Facts, reviewed...))
	return res, err
}

// IngestStream records what a stream of sources reads, batch by batch: each batch as Ingest records it
// (its subjects resolved against the record, which holds the batches before it), before the next is
// read, so that what it holds does not grow with the sources. It checks ctx between batches. The
// counts and warnings add up over the batches; they are returned with an error too, which stops it at
// the batch that failed (the batches before it stay recorded; ingesting again records the rest).
func (r *Recorder) IngestStream(ctx context.Context, in *sources.Stream) (IngestResult, error) {
	var total IngestResult
	// Progress goes on over the batches: each batch's Record reports its own count.
	defer r.progressOver(in.Facts, func() int { return total.Recorded + total.Known })()
	// The batches' Records leave the store's answers to one build at the end (withAnswers).
	err := r.withAnswers(ctx, in.Facts, func() error { return r.ingestBatches(ctx, in, &total) })
	return total, err
}

// ingestBatches is IngestStream's loop over the batches, adding up into total.
func (r *Recorder) ingestBatches(ctx context.Context, in *sources.Stream, total *IngestResult) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch, err := in.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		res, err := r.Ingest(ctx, batch)
		total.Documents += res.Documents
		total.Facts += res.Facts
		total.Reviewed += res.Reviewed
		total.Warnings = append(total.Warnings, res.Warnings...)
		total.Unread = append(total.Unread, batch.Unread...)
		total.Recorded += res.Recorded
		total.Known += res.Known
		total.IDs = append(total.IDs, res.IDs...)
		if err != nil {
			return err
		}
	}
}
