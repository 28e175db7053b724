package record

import (
	"context"

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
