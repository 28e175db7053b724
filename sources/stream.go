package sources

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"annals/document"
	"annals/events"
)

// DefaultBatchFacts is about how many facts a Stream's batch holds: a batch ends with the document
// that reaches it.
const DefaultBatchFacts = 20_000

// Stream reads the documents and facts files of paths as LoadWith does, a batch of documents at a
// time, so that what is held at once does not grow with the sources: record each batch before reading
// the next. Documents come in name order; a document whose subject ResolveSubjects settles (a title
// "X (P)" and no subject in its facts file) is put off to the last batch, with the facts files that
// have no document, so that it is resolved against a record that already holds every other document
// (which is what resolving them in one batch gives: see ResolveSubjects). Unlike LoadWith, a stream
// has not checked every file before the first batch is recorded: an unreadable or malformed file
// stops it there, the batches before it recorded (ingesting the same sources again records only the
// rest). A Stream is not safe for concurrent use.
type Stream struct {
	// Facts, when known (the count Check gives), is how many facts the sources hold: what a
	// recorder's progress is reported against. 0 when unknown.
	Facts int

	opts       LoadOptions
	max        int      // facts a batch reaches before it ends
	docs       []string // documents not read yet
	deferred   []string // documents put off to the last batch
	factFiles  []string // facts files without a document
	companions map[string]bool
	done       bool
}

// OpenStream lists the documents and facts files of paths (files and folders), as LoadWith does,
// without reading them; batchFacts is about how many facts a batch holds (DefaultBatchFacts if ≤ 0).
// It returns an error wrapping events.ErrNotFound when paths hold neither.
func OpenStream(paths []string, opts LoadOptions, batchFacts int) (*Stream, error) {
	docs, factFiles, err := list(paths)
	if err != nil {
		return nil, err
	}
	if batchFacts <= 0 {
		batchFacts = DefaultBatchFacts
	}
	s := &Stream{opts: opts, max: batchFacts, docs: docs, companions: map[string]bool{}}
	for _, d := range docs {
		s.companions[filepath.Clean(companionOf(d))] = true
	}
	for _, f := range factFiles {
		if !s.companions[filepath.Clean(f)] {
			s.factFiles = append(s.factFiles, f)
		}
	}
	return s, nil
}

// Next reads the next batch: documents in name order until about batchFacts facts, or, once they
// are read, the documents put off and the facts files without a document. Record it (ResolveSubjects,
// Review, then its facts, as record.Recorder.Ingest does) before asking for the next. It returns
// io.EOF when every batch has been read, and an error naming the file of a document or facts file
// that cannot be read.
func (s *Stream) Next() (*Loaded, error) {
	out := &Loaded{opts: s.opts}
	facts := 0
	for len(s.docs) > 0 && facts < s.max {
		path := s.docs[0]
		d, unread, err := loadDocument(path, companionOf(path), s.opts)
		if err != nil {
			return nil, err
		}
		s.docs = s.docs[1:]
		if (d.curated == nil || d.curated.Subject == "") && hasParenthetical(d.doc.Title) {
			s.deferred = append(s.deferred, path) // read again in the last batch, not held
			continue
		}
		out.add(d, unread)
		facts += len(d.facts)
	}
	if facts == 0 && len(s.docs) == 0 {
		if s.done {
			return nil, io.EOF
		}
		s.done = true
		for _, path := range s.deferred {
			d, unread, err := loadDocument(path, companionOf(path), s.opts)
			if err != nil {
				return nil, err
			}
			out.add(d, unread)
		}
		for _, path := range s.factFiles {
			facts, err := loadFacts(path)
			if err != nil {
				return nil, err
			}
			out.standalone = append(out.standalone, facts...)
		}
		s.deferred, s.factFiles = nil, nil
		if len(out.docs) == 0 && len(out.standalone) == 0 {
			return nil, io.EOF
		}
	}
	out.rebuild()
	return out, nil
}

// add appends a document read to the batch.
func (l *Loaded) add(d loadedDocument, unread []document.Warning) {
	l.Unread = append(l.Unread, unread...)
	l.docs = append(l.docs, d)
	l.Documents = append(l.Documents, filepath.Base(d.path))
}

// Checked is what Check read.
type Checked struct {
	Documents int                // documents read
	Facts     int                // facts they and the facts files give
	Unread    []document.Warning // what the documents held that could not be read
}

// Check reads every batch of paths as a Stream reads them, one batch held at a time, and returns
// what they hold, or the first error a file gives: a file that cannot be read, a malformed facts file,
// with opts.Strict a document with something that cannot be read, or a fact whose quote does not
// occur in the document of its batch that it cites (an error wrapping events.ErrInvalid). Checking
// the sources first is what keeps an ingest that streams them from recording some of them and then
// stopping at a bad file; what Check cannot see (a quote of a document only the record holds, a
// correction of an event it lacks) the recorder checks batch by batch.
func Check(paths []string, opts LoadOptions, batchFacts int) (Checked, error) {
	s, err := OpenStream(paths, opts, batchFacts)
	if err != nil {
		return Checked{}, err
	}
	var out Checked
	for {
		batch, err := s.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if err := batch.checkQuotes(); err != nil {
			return out, err
		}
		out.Documents += len(batch.Documents)
		out.Facts += len(batch.Facts)
		out.Unread = append(out.Unread, batch.Unread...)
	}
}

// checkQuotes returns an error naming the first fact whose quote does not occur in the document of
// the batch it cites.
func (l *Loaded) checkQuotes() error {
	texts := map[string]string{} // document name → its text with white space folded
	for _, f := range l.Facts {
		if d, ok := f.Payload.(events.DocumentRecorded); ok {
			texts[d.Name] = events.FoldSpace(d.Text)
		}
	}
	for _, f := range l.Facts {
		text, ok := texts[f.Source.Document]
		if ok && events.QuoteIndex(text, f.Source.Quote) < 0 {
			return fmt.Errorf("a fact (%s about %s): quote %s does not occur in document %s: %w", f.Type, f.Entity,
				events.Excerpt(f.Source.Quote, events.DefaultExcerpt), f.Source.Document, events.ErrInvalid)
		}
	}
	return nil
}
