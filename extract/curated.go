package extract

import (
	"encoding/json"
	"fmt"
	"strings"

	"annals/events"
)

// Curated is a facts file: the facts of a document's running text, curated by hand, in the shape that
// `recorder append` takes, with optional hints for reading the document's tables.
type Curated struct {
	// Document is the file name of the document the facts quote. A fact whose source names no document
	// and no external work gets this one.
	Document string `json:"document,omitempty"`
	// Subject is the entity the document is about, when it is not the slug of the document's title.
	Subject events.EntityID `json:"subject,omitempty"`
	// SubjectKind is the kind of the subject; party if empty.
	SubjectKind events.Kind `json:"subject_kind,omitempty"`
	// Tables gives what a table does not say itself, by the title of its section.
	Tables []TableHint `json:"tables,omitempty"`
	// Facts in any order.
	Facts []events.Fact `json:"facts"`
}

// TableHint tells the extractor which election a table of constituency results belongs to.
type TableHint struct {
	Section  string `json:"section"`
	Election string `json:"election"`
	Date     string `json:"date"`
	Note     string `json:"note,omitempty"`
}

// validate returns nil if the hint names a section, an election and a valid EDTF date.
func (h TableHint) validate() error {
	if strings.TrimSpace(h.Section) == "" || strings.TrimSpace(h.Election) == "" {
		return fmt.Errorf("table hint %s names no section or no election: %w", events.Excerpt(h.Section, events.DefaultExcerpt), events.ErrInvalid)
	}
	if _, err := events.ParseDate(h.Date); err != nil {
		return fmt.Errorf("table hint %s: %w", events.Excerpt(h.Section, events.DefaultExcerpt), err)
	}
	return nil
}

// ParseCurated decodes a facts file. name is used in errors. Every fact is decoded strictly (unknown
// fields are refused) and validated, and so is every table hint; the first bad fact or hint is reported
// with its position. Errors wrap events.ErrInvalid.
func ParseCurated(name string, data []byte) (*Curated, error) {
	var raw struct {
		Document    string            `json:"document"`
		Subject     events.EntityID   `json:"subject"`
		SubjectKind events.Kind       `json:"subject_kind"`
		Tables      []TableHint       `json:"tables"`
		Facts       []json.RawMessage `json:"facts"`
	}
	if err := events.DecodeStrict(data, &raw); err != nil {
		return nil, fmt.Errorf("facts file %s: %v: %w", name, err, events.ErrInvalid)
	}
	for i, h := range raw.Tables {
		if err := h.validate(); err != nil {
			return nil, fmt.Errorf("facts file %s: table %d: %w", name, i+1, err)
		}
	}
	c := &Curated{Document: raw.Document, Subject: raw.Subject, SubjectKind: raw.SubjectKind, Tables: raw.Tables}
	if c.Subject != "" {
		if err := c.Subject.Validate(); err != nil {
			return nil, fmt.Errorf("facts file %s: subject: %w", name, err)
		}
	}
	if c.SubjectKind != "" {
		if err := c.SubjectKind.Validate(); err != nil {
			return nil, fmt.Errorf("facts file %s: subject_kind: %w", name, err)
		}
	}
	for i, rf := range raw.Facts {
		var f events.Fact
		if err := json.Unmarshal(rf, &f); err != nil {
			return nil, fmt.Errorf("facts file %s: fact %d: %w", name, i+1, err)
		}
		if f.Source.Document == "" && f.Source.Title == "" {
			f.Source.Document = c.Document
		}
		if err := f.Validate(); err != nil {
			return nil, fmt.Errorf("facts file %s: fact %d: %w", name, i+1, err)
		}
		c.Facts = append(c.Facts, f)
	}
	return c, nil
}
