package sources

import (
	"io"
	"path/filepath"

	"annals/document"
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
