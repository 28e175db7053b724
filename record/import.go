package record

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// maxErrors is how many errors a refused input lists before "and N more".
const maxErrors = 10

// ReadEvents reads events written as JSON Lines by Export: one event a line, in the wire encoding of
// events.EncodeEvent. Every line is decoded and checked by events.DecodeEvent (a registered type, a
// valid payload and date, a fact id that matches the content, so that an edited event is caught), then
// the events are checked together as Import checks them (repeated ids or facts, documents and quotes,
// supersessions). A bad line, an empty one included, is an error naming its line number (from 1) and
// wrapping events.ErrInvalid; the first ten are listed. Event n is always on line n. The last line may
// end without a newline.
func ReadEvents(r io.Reader) ([]events.Event, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var evs []events.Event
	var errs []error
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("read line %d: %w", n, err)
		}
		if len(line) == 0 && err == io.EOF {
			break
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		if len(bytes.TrimSpace(line)) == 0 {
			errs = append(errs, fmt.Errorf("line %d: empty line, want one event a line: %w", n, events.ErrInvalid))
		} else if e, derr := events.DecodeEvent(line); derr != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", n, derr))
		} else {
			evs = append(evs, e)
		}
		if err == io.EOF {
			break
		}
	}
	if err := joinErrors(errs); err != nil {
		return nil, err
	}
	if err := checkImport(evs); err != nil {
		return nil, err
	}
	return evs, nil
}

// ImportResult counts what Import did.
type ImportResult struct {
	Imported int // events published and applied
	Present  int // events at the start of the input the record already held (an interrupted import)
}

// Import records events exactly as another record holds them (as ReadEvents reads an export): the
// same event ids, recorded times and order. It publishes them through the log like Record does, with
// the fact id as the duplicate id and the expected last sequence of each entity, and catches the store
// up, batch by batch.
//
// Import writes only into an empty record, or into one that holds exactly the first events of the
// input (the same ids in the same order: an import that was interrupted, or one already done), in
// which case it publishes the rest; any other record is refused with an error wrapping
// events.ErrConflict. Before publishing anything it checks the whole input, and refuses it with an
// error wrapping events.ErrInvalid, naming the line of each bad event (event n on line n), if an event
// id or a fact repeats, a document's text does not match its digest, a quote does not occur in its
// document (which the input must hold: the record holds nothing the input does not), or a correction
// supersedes an event not on an earlier line or one an earlier line already superseded.
//
// Like Record, a large import defers the store's answers to one build at its end (withAnswers).
func (r *Recorder) Import(ctx context.Context, evs []events.Event) (ImportResult, error) {
	var res ImportResult
	if err := checkImport(evs); err != nil {
		return res, fmt.Errorf("import: %w", err)
	}
	err := r.withAnswers(ctx, len(evs), func() error {
		var err error
		res, err = r.importChecked(ctx, evs)
		return err
	})
	return res, err
}

// importChecked is Import of checked events, the store's answers left to the caller.
func (r *Recorder) importChecked(ctx context.Context, evs []events.Event) (ImportResult, error) {
	var res ImportResult
	if _, err := r.CatchUp(ctx); err != nil {
		return res, err
	}
	have, err := r.importedPrefix(ctx, evs)
	if err != nil {
		return res, err
	}
	res.Present = have
	size := r.publishBatch()
	for start := have; start < len(evs); start += size {
		chunk := evs[start:min(start+size, len(evs))]
		expect, err := r.Store.EntitySeqs(ctx, entitiesOf(chunk))
		if err != nil {
			return res, fmt.Errorf("import: %w", err)
		}
		appendErr := r.appendInOrder(ctx, chunk, expect)
		if _, err := r.CatchUp(ctx); err != nil {
			return res, err
		}
		if appendErr != nil {
			return res, fmt.Errorf("import lines %d to %d: %w", start+1, start+len(chunk), appendErr)
		}
		ids := make([]events.FactID, len(chunk))
		for i, e := range chunk {
			ids[i] = e.Fact.ID()
		}
		known, err := r.Store.KnownFacts(ctx, ids)
		if err != nil {
			return res, fmt.Errorf("import: %w", err)
		}
		for i, id := range ids {
			if _, ok := known[id]; !ok {
				return res, fmt.Errorf("import: line %d (event %s) was acknowledged but is not in the store", start+i+1, chunk[i].ID)
			}
		}
		res.Imported += len(chunk)
		r.logger().Info("imported", "events", res.Imported+have, "of", len(evs))
		r.progress(res.Imported+have, len(evs))
	}
	return res, nil
}

// appendInOrder appends evs so that the log holds them in exactly the order given. Log.Append keeps
// the order of each entity's events but may interleave entities, so evs is cut into runs in which no
// entity repeats: the events of one run are published at once, in order, on one connection.
func (r *Recorder) appendInOrder(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) error {
	for start := 0; start < len(evs); {
		end := start
		inRun := map[events.EntityID]bool{}
		for end < len(evs) && !inRun[evs[end].Entity] {
			inRun[evs[end].Entity] = true
			end++
		}
		run := evs[start:end]
		seqs, err := r.Log.Append(ctx, run, expect)
		for i, seq := range seqs {
			if seq != 0 {
				expect[run[i].Entity] = seq
			}
		}
		if err != nil {
			return err
		}
		start = end
	}
	return nil
}

// importedPrefix returns how many of evs the record already holds, refusing a record that holds
// anything but the first events of evs.
func (r *Recorder) importedPrefix(ctx context.Context, evs []events.Event) (int, error) {
	n := 0
	err := r.Store.Scan(ctx, 1, func(st events.Stored) error {
		if n >= len(evs) {
			return fmt.Errorf("the record holds more events than the %d of the input: %w", len(evs), events.ErrConflict)
		}
		if want := evs[n]; st.Event.ID != want.ID || st.Event.Fact.ID() != want.Fact.ID() {
			return fmt.Errorf("the record is not empty and its event %s (seq %d) is not the one on line %d (%s); "+
				"import only into an empty record, or to finish an interrupted import of the same input: %w",
				st.Event.ID, st.Seq, n+1, want.ID, events.ErrConflict)
		}
		n++
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("import: %w", err)
	}
	return n, nil
}

// checkImport checks the whole input: unique ids and facts, documents and quotes, supersessions.
func checkImport(evs []events.Event) error {
	var errs []error
	ids := make(map[ulid.ULID]int, len(evs))
	facts := make(map[events.FactID]int, len(evs))
	docs := map[string]string{} // document name → its text with white space folded
	for i, e := range evs {
		line := i + 1
		if j, dup := ids[e.ID]; dup {
			errs = append(errs, fmt.Errorf("line %d: event id %s repeats line %d: %w", line, e.ID, j, events.ErrInvalid))
		}
		ids[e.ID] = line
		if j, dup := facts[e.Fact.ID()]; dup {
			errs = append(errs, fmt.Errorf("line %d: the fact of event %s repeats line %d: %w", line, e.ID, j, events.ErrInvalid))
		}
		facts[e.Fact.ID()] = line
		if d, ok := e.Payload.(events.DocumentRecorded); ok {
			if err := d.CheckDigest(); err != nil {
				errs = append(errs, fmt.Errorf("line %d: %w", line, err))
			}
			docs[d.Name] = events.FoldSpace(d.Text)
		}
	}
	superseded := map[ulid.ULID]int{} // event id → the line that superseded it
	for i, e := range evs {
		line := i + 1
		if doc := e.Source.Document; doc != "" {
			text, ok := docs[doc]
			if !ok {
				errs = append(errs, fmt.Errorf("line %d (%s about %s): document %s is not in the input: %w", line, e.Type, e.Entity, doc, events.ErrInvalid))
			} else if events.QuoteIndex(text, e.Source.Quote) < 0 {
				errs = append(errs, fmt.Errorf("line %d (%s about %s): quote %s does not occur in document %s: %w",
					line, e.Type, e.Entity, events.Excerpt(e.Source.Quote, events.DefaultExcerpt), doc, events.ErrInvalid))
			}
		}
		for _, target := range e.Supersedes {
			switch j, ok := ids[target]; {
			case !ok || j >= line:
				errs = append(errs, fmt.Errorf("line %d (%s about %s) supersedes %s, which is not on an earlier line: %w", line, e.Type, e.Entity, target, events.ErrInvalid))
			case superseded[target] != 0:
				errs = append(errs, fmt.Errorf("line %d (%s about %s) supersedes %s, which line %d already superseded: %w", line, e.Type, e.Entity, target, superseded[target], events.ErrInvalid))
			default:
				superseded[target] = line
			}
		}
	}
	return joinErrors(errs)
}

// joinErrors joins errs (nil for none), listing the first maxErrors and then "and N more".
func joinErrors(errs []error) error {
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors], fmt.Errorf("and %d more", len(errs)-maxErrors))
	}
	return errors.Join(errs...)
}
