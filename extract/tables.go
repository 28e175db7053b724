package extract

import (
	"fmt"
	"strings"

	"annals/document"
	"annals/events"
)

// tables applies the table rules, chosen by column names:
//   - a leaders table (Name, Term start, Term end, optionally Deputy): a leader took and left office
//     at the term's dates; a deputy listed for a term took and left office with the leader;
//   - a results table by election (Election, Votes #, ...): one result per row, at the level its
//     section names (general, communal);
//   - a results table by constituency (Constituency, Popular vote, ...): one result per row for the
//     election its section's TableHint names; a summary row ("Total") is the national result.
//
// A table that matches no rule states no fact this package knows how to draw.
func (x *extractor) tables() error {
	for _, sec := range x.doc.Sections {
		for _, b := range sec.Blocks {
			if b.Kind != document.TableBlock || b.Table == nil {
				continue
			}
			t := b.Table
			var err error
			switch {
			case t.Column("Term start") >= 0 && t.Column("Name") >= 0:
				err = x.leadersTable(t)
			case t.Column("Election") >= 0 && t.Column("Votes #") >= 0:
				err = x.electionTable(sec, t)
			case t.Column("Constituency") >= 0:
				err = x.constituencyTable(sec, t)
			}
			if err != nil {
				return fmt.Errorf("document %s:%d: table in section %q: %w", x.doc.Name, t.Line, sec.Title, err)
			}
		}
	}
	return nil
}

func cell(t *document.Table, r document.Row, label string) string {
	if i := t.Column(label); i >= 0 {
		return strings.TrimSpace(r.Cells[i])
	}
	return ""
}

func filled(t *document.Table, r document.Row, label string) bool {
	i := t.Column(label)
	return i >= 0 && r.Filled[i]
}

func (x *extractor) leadersTable(t *document.Table) error {
	for _, r := range t.Rows {
		q := x.lineText(r.Line)
		start, end := cell(t, r, "Term start"), cell(t, r, "Term end")
		var startDate, endDate string
		var err error
		if start != "" {
			if startDate, err = ProseDate(start); err != nil {
				return fmt.Errorf("row %d: %w", r.Line, err)
			}
		}
		if end != "" {
			if endDate, err = ProseDate(end); err != nil {
				return fmt.Errorf("row %d: %w", r.Line, err)
			}
		}
		term := 0
		if n, ok := Number(cell(t, r, "No.")); ok {
			term = int(n)
		}
		if name := cell(t, r, "Name"); name != "" && !filled(t, r, "Name") {
			person := x.mention(events.KindPerson, name, q)
			x.add(x.subject, startDate, q, events.LeaderTookOffice{Office: events.Office{Person: person, Role: "leader", Term: term}})
			if endDate != "" {
				x.add(x.subject, endDate, q, events.LeaderLeftOffice{Office: events.Office{Person: person, Role: "leader", Term: term}})
			}
		}
		if deputy := cell(t, r, "Deputy"); deputy != "" && !filled(t, r, "Deputy") {
			person := x.mention(events.KindPerson, deputy, q)
			x.add(x.subject, startDate, q, events.LeaderTookOffice{Office: events.Office{Person: person, Role: "deputy leader", Term: term}})
			if endDate != "" {
				x.add(x.subject, endDate, q, events.LeaderLeftOffice{Office: events.Office{Person: person, Role: "deputy leader", Term: term}})
			}
		}
	}
	return nil
}

func levelOf(section string) string {
	if strings.Contains(strings.ToLower(section), "communal") {
		return events.LevelCommunal
	}
	return events.LevelGeneral
}

func (x *extractor) electionTable(sec *document.Section, t *document.Table) error {
	level := levelOf(sec.Title)
	for _, r := range t.Rows {
		q := x.lineText(r.Line)
		year := cell(t, r, "Election")
		date, err := ProseDate(year)
		if err != nil {
			return fmt.Errorf("row %d: %w", r.Line, err)
		}
		res := events.ElectionResult{
			Election:    year + " " + level + " election",
			Level:       level,
			VotesText:   cell(t, r, "Votes #"),
			Percent:     cell(t, r, "Votes %"),
			Change:      cell(t, r, "Votes ±"),
			Seats:       cell(t, r, "Seats #"),
			SeatsChange: cell(t, r, "Seats ±"),
			Chiefs:      cell(t, r, "Chiefs #"),
			Councillors: cell(t, r, "Councillors #"),
			Position:    cell(t, r, "Position"),
			Government:  cell(t, r, "Government"),
		}
		res.Votes, _ = Number(res.VotesText)
		if leader := cell(t, r, "Leader"); leader != "" {
			res.Leader = x.mention(events.KindPerson, leader, q)
		}
		x.add(x.subject, date, q, res)
	}
	return nil
}

func (x *extractor) constituencyTable(sec *document.Section, t *document.Table) error {
	var hint *TableHint
	for i := range x.hints {
		if strings.EqualFold(x.hints[i].Section, sec.Title) {
			hint = &x.hints[i]
		}
	}
	if hint == nil {
		return fmt.Errorf("constituency results name no election: add a table hint for section %q to the facts file: %w", sec.Title, events.ErrInvalid)
	}
	if err := hint.validate(); err != nil {
		return err
	}
	for _, r := range t.Rows {
		q := x.lineText(r.Line)
		res := events.ElectionResult{
			Election:  hint.Election,
			Level:     events.LevelConstituency,
			VotesText: firstOf(cell(t, r, "Popular vote"), cell(t, r, "Votes")),
			Percent:   firstOf(cell(t, r, "Percentage"), cell(t, r, "%")),
			Seats:     firstOf(cell(t, r, "Seats won"), cell(t, r, "Seats")),
		}
		res.Votes, _ = Number(res.VotesText)
		if r.Summary {
			res.Level = events.LevelGeneral
			res.Number = cell(t, r, "No.")
		} else {
			res.Constituency = cell(t, r, "Constituency")
			res.Number = cell(t, r, "No.")
			if res.Constituency == "" {
				return fmt.Errorf("row %d: a constituency result names no constituency: %w", r.Line, events.ErrInvalid)
			}
		}
		f := events.Fact{Type: res.EventType(), Entity: x.subject, Date: events.MustParseDate(hint.Date),
			Source: events.Source{Document: x.doc.Name, Quote: q}, Payload: res, Note: hint.Note}
		x.facts = append(x.facts, f)
	}
	return nil
}

func firstOf(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
