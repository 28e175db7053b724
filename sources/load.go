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
}

// Load reads documents (*.txt) and facts files (*.facts.json) from files and folders. A document's
// companion facts file (NAME.facts.json next to NAME.txt) is read with it; a facts file without a
// document beside it quotes documents the record already holds. Everything is read and checked
// before it returns: an unreadable path, a malformed document or a bad fact is an error that names
// the file.
func Load(paths []string) (*Loaded, error) {
	var docs, factFiles []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		if !info.IsDir() {
			if strings.HasSuffix(p, FactsSuffix) {
				factFiles = append(factFiles, p)
			} else {
				docs = append(docs, p)
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
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
			return nil, fmt.Errorf("read folder %s: %w", p, err)
		}
	}
	sort.Strings(docs)
	out := &Loaded{}
	companions := map[string]bool{}
	for _, path := range docs {
		companion := strings.TrimSuffix(path, filepath.Ext(path)) + FactsSuffix
		facts, err := loadDocument(path, companion)
		if err != nil {
			return nil, err
		}
		companions[filepath.Clean(companion)] = true
		out.Facts = append(out.Facts, facts...)
		out.Documents = append(out.Documents, filepath.Base(path))
	}
	sort.Strings(factFiles)
	for _, path := range factFiles {
		if companions[filepath.Clean(path)] {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		c, err := extract.ParseCurated(path, data)
		if err != nil {
			return nil, err
		}
		out.Facts = append(out.Facts, c.Facts...)
	}
	if len(docs) == 0 && len(factFiles) == 0 {
		return nil, fmt.Errorf("no documents (*.txt) or facts files (*%s) in %s: %w", FactsSuffix, strings.Join(paths, ", "), events.ErrNotFound)
	}
	return out, nil
}

// loadDocument parses a document and its companion facts file, if there is one, into facts.
func loadDocument(path, companion string) ([]events.Fact, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	doc, err := document.Parse(filepath.Base(path), data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var curated *extract.Curated
	switch cdata, err := os.ReadFile(companion); {
	case err == nil:
		if curated, err = extract.ParseCurated(companion, cdata); err != nil {
			return nil, err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("read %s: %w", companion, err)
	}
	facts, err := extract.Facts(doc, curated)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return facts, nil
}
