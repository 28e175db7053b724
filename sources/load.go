// Package sources reads the documents and facts files annals records from the file system, and turns
// them into facts with the document parser and the extractor. It is the only package that reads
// source files.
package sources

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"annals/document"
	"annals/events"
	"annals/extract"
)

// FactsSuffix ends the name of a curated facts file: NAME.facts.json sits next to NAME.txt.
const FactsSuffix = ".facts.json"

// Loaded is what a set of paths holds.
type Loaded struct {
	Facts     []events.Fact // in document order, documents in name order, then standalone facts files
	Documents []string      // file names of the documents read
	// Warnings are what ResolveSubjects could not settle, one a document: it names the document.
	Warnings []string
	// Unread lists what the parser and the extractor could not read in the documents (see
	// document.Warning): documents in name order, each in line order. It is empty with
	// LoadOptions.Strict, which refuses such a document instead.
	Unread []document.Warning

	docs       []loadedDocument
	standalone []events.Fact // the facts of facts files without a document
	factFiles  []string      // the paths of those facts files
	opts       LoadOptions
}

// loadedDocument is a document as read, kept so that ResolveSubjects can read it again about another
// subject.
type loadedDocument struct {
	path       string
	doc        *document.Document
	curated    *extract.Curated
	facts      []events.Fact
	opts       extract.Options // what its facts were read with: its subject, once resolved
	start, end int             // its facts in Loaded.Facts
}

// rebuild lays the facts of the documents, then of the standalone facts files, out in l.Facts again.
func (l *Loaded) rebuild() {
	l.Facts = l.Facts[:0:0]
	for i := range l.docs {
		l.docs[i].start = len(l.Facts)
		l.Facts = append(l.Facts, l.docs[i].facts...)
		l.docs[i].end = len(l.Facts)
	}
	l.Facts = append(l.Facts, l.standalone...)
}

// LoadOptions tune LoadWith. The zero value is what Load does.
type LoadOptions struct {
	// Strict refuses a document at the first structure or value of it that cannot be read (see
	// document.ParseWith and extract.FactsWith), instead of skipping it with a warning in
	// Loaded.Unread.
	Strict bool
	// NoDraft leaves out the facts drafted from the running text of documents without a curated
	// facts file (see extract.Draft); by default they are recorded, marked drafted.
	NoDraft bool
}

// extractOptions are the options of the extractor for documents loaded with o.
func (o LoadOptions) extractOptions() extract.Options {
	return extract.Options{Strict: o.Strict, Draft: !o.NoDraft}
}

// Load is LoadWith(paths, LoadOptions{}): it reads leniently.
func Load(paths []string) (*Loaded, error) {
	return LoadWith(paths, LoadOptions{})
}

// LoadWith reads documents (*.txt) and facts files (*.facts.json) from files and folders. A document's
// companion facts file (NAME.facts.json next to NAME.txt) is read with it; a facts file without a
// document beside it quotes documents the record already holds. Everything is read and checked
// before it returns: an unreadable path, a malformed document or a bad fact is an error that names
// the file. Each document is about the entity its title names (events.Slug of it) or its facts file
// sets; ResolveSubjects then finds those an "X (Country)" title means. What a document holds that
// cannot be read is skipped and listed in Loaded.Unread, or, with opts.Strict, an error naming the file
// and line. A curated facts file is checked in full in both modes.
func LoadWith(paths []string, opts LoadOptions) (*Loaded, error) {
	docs, factFiles, err := list(paths)
	if err != nil {
		return nil, err
	}
	out := &Loaded{opts: opts}
	companions := map[string]bool{}
	for _, path := range docs {
		companion := companionOf(path)
		d, unread, err := loadDocument(path, companion, opts)
		if err != nil {
			return nil, err
		}
		out.Unread = append(out.Unread, unread...)
		companions[filepath.Clean(companion)] = true
		out.docs = append(out.docs, d)
		out.Documents = append(out.Documents, filepath.Base(path))
	}
	for _, path := range factFiles {
		if companions[filepath.Clean(path)] {
			continue
		}
		facts, err := loadFacts(path)
		if err != nil {
			return nil, err
		}
		out.standalone = append(out.standalone, facts...)
		out.factFiles = append(out.factFiles, path)
	}
	out.rebuild()
	return out, nil
}

// File is a file LoadWith read: a document with the path of its facts file beside it ("" if none),
// or a facts file without a document (Document "").
type File struct {
	Document string
	Facts    string
}

// Files returns the files LoadWith read, documents in name order with their facts files, then the
// facts files without a document: what to send, one by one, to a node that records them (recorder
// ingest --server).
func (l *Loaded) Files() []File {
	var out []File
	for _, d := range l.docs {
		f := File{Document: d.path}
		if d.curated != nil {
			f.Facts = companionOf(d.path)
		}
		out = append(out, f)
	}
	for _, path := range l.factFiles {
		out = append(out, File{Facts: path})
	}
	return out
}

// companionOf returns the name of a document's facts file: NAME.facts.json beside NAME.txt.
func companionOf(doc string) string {
	return strings.TrimSuffix(doc, filepath.Ext(doc)) + FactsSuffix
}

// loadFacts reads a facts file without a document beside it.
func loadFacts(path string) ([]events.Fact, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	c, err := extract.ParseCurated(path, data)
	if err != nil {
		return nil, err
	}
	return c.Facts, nil
}

// list returns the documents (*.txt) and the facts files (*.facts.json) of paths, files and folders,
// each sorted by name, or an error wrapping events.ErrNotFound when there are none.
func list(paths []string) (docs, factFiles []string, err error) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", p, err)
		}
		if !info.IsDir() {
			if strings.HasSuffix(p, FactsSuffix) {
				factFiles = append(factFiles, p)
			} else {
				docs = append(docs, p)
			}
			continue
		}
		// A folder given through a symbolic link is read as the folder it links to (WalkDir would
		// not enter it); the files keep the path as given.
		root := p
		if resolved, err := filepath.EvalSymlinks(p); err == nil {
			root = resolved
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if rel, rerr := filepath.Rel(root, path); rerr == nil {
				path = filepath.Join(p, rel)
			}
			switch {
			case err != nil:
				return err
			case d.IsDir():
				return nil
			case strings.HasSuffix(path, FactsSuffix):
				factFiles = append(factFiles, path)
			case strings.HasSuffix(path, ".txt"):
				docs = append(docs, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("read folder %s: %w", p, err)
		}
	}
	if len(docs) == 0 && len(factFiles) == 0 {
		return nil, nil, fmt.Errorf("no documents (*.txt) or facts files (*%s) in %s: %w", FactsSuffix, strings.Join(paths, ", "), events.ErrNotFound)
	}
	sort.Strings(docs)
	sort.Strings(factFiles)
	return docs, factFiles, nil
}

// loadDocument parses a document and its companion facts file, if there is one, into facts. It returns
// what the parser and the extractor could not read, in line order.
func loadDocument(path, companion string, opts LoadOptions) (loadedDocument, []document.Warning, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return loadedDocument{}, nil, fmt.Errorf("read %s: %w", path, err)
	}
	cdata, err := os.ReadFile(companion)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		cdata = nil
	case err != nil:
		return loadedDocument{}, nil, fmt.Errorf("read %s: %w", companion, err)
	}
	return parseDocument(path, data, companion, cdata, opts)
}

// parseDocument is loadDocument over the bytes of a document and of its companion facts file (nil
// when it has none); path and companion name them in errors.
func parseDocument(path string, data []byte, companion string, cdata []byte, opts LoadOptions) (loadedDocument, []document.Warning, error) {
	doc, err := document.ParseWith(filepath.Base(path), data, document.Options{Strict: opts.Strict})
	if err != nil {
		return loadedDocument{}, nil, fmt.Errorf("%s: %w", path, err)
	}
	var curated *extract.Curated
	if cdata != nil {
		if curated, err = extract.ParseCurated(companion, cdata); err != nil {
			return loadedDocument{}, nil, err
		}
	}
	xopts := opts.extractOptions()
	facts, unread, err := extract.FactsWith(doc, curated, xopts)
	if err != nil {
		return loadedDocument{}, nil, fmt.Errorf("%s: %w", path, err)
	}
	unread = append(slices.Clone(doc.Warnings), unread...)
	slices.SortStableFunc(unread, func(a, b document.Warning) int { return a.Line - b.Line })
	return loadedDocument{path: path, doc: doc, curated: curated, facts: facts, opts: xopts}, unread, nil
}

// LoadDocument reads one document given as bytes (a client sent it), with its curated facts file
// when facts is not nil, as LoadWith reads the file name with its NAME.facts.json beside it: name is
// the document's file name (its base name is what the record holds); the same checks, the same facts.
func LoadDocument(name string, data, facts []byte, opts LoadOptions) (*Loaded, error) {
	base := filepath.Base(name)
	if base == "." || base == string(filepath.Separator) || base == "" {
		return nil, fmt.Errorf("document name %q: %w", name, events.ErrInvalid)
	}
	companion := strings.TrimSuffix(base, filepath.Ext(base)) + FactsSuffix
	d, unread, err := parseDocument(base, data, companion, facts, opts)
	if err != nil {
		return nil, err
	}
	out := &Loaded{opts: opts, Unread: unread, docs: []loadedDocument{d}, Documents: []string{base}}
	out.rebuild()
	return out, nil
}

// Draft reads one document and returns its file name and the facts drafted from its running text
// (extract.Draft), about the entity its title names, whether or not a facts file is beside it.
func Draft(path string, strict bool) (string, []events.Fact, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil, fmt.Errorf("read %s: %w", path, err)
	}
	doc, err := document.ParseWith(filepath.Base(path), data, document.Options{Strict: strict})
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc.Name, extract.Draft(doc, events.Slug(doc.Title)), nil
}
