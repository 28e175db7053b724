package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/oklog/ulid/v2"

	"annals/history"
	"annals/projections"
)

// Output formats (--format). text is for people; json is one document (--json); csv, tsv and jsonl
// are tables for analysis tools: one row a party, an event, a role, a step or a change, with the
// columns documented in docs/json.md.
const (
	formatText  = "text"
	formatJSON  = "json"
	formatJSONL = "jsonl"
	formatCSV   = "csv"
	formatTSV   = "tsv"
)

// tabular reports whether the format is one of the tables.
func tabular(format string) bool {
	return format == formatCSV || format == formatTSV || format == formatJSONL
}

// table is an answer as rows of named columns.
type table struct {
	columns []string
	rows    [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// writeTable writes t as CSV (RFC 4180, a header line first), TSV (a header line; tabs and line
// breaks inside a value become spaces) or JSON Lines (one object a row, the columns its keys).
func writeTable(w io.Writer, format string, t table) error {
	switch format {
	case formatCSV:
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		if err := cw.Write(t.columns); err != nil {
			return err
		}
		if err := cw.WriteAll(t.rows); err != nil {
			return err
		}
		return cw.Error()
	case formatTSV:
		clean := strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
		for _, row := range append([][]string{t.columns}, t.rows...) {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = clean.Replace(c)
			}
			if _, err := fmt.Fprintln(w, strings.Join(cells, "\t")); err != nil {
				return err
			}
		}
		return nil
	case formatJSONL:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, row := range t.rows {
			obj := make(map[string]string, len(row))
			for i, c := range row {
				obj[t.columns[i]] = c
			}
			if err := enc.Encode(obj); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("no table format %q", format)
}

// stateTable is one row a party.
func stateTable(states []projections.PartyState) table {
	t := table{columns: []string{"id", "as_of", "name", "abbreviation", "status", "status_since", "status_certainty", "founded",
		"leaders", "ideology", "position", "predecessors", "successors", "disputed"}}
	for _, st := range states {
		var disputed []string
		for _, d := range st.Disputes {
			disputed = append(disputed, d.Field)
		}
		t.add(string(st.ID), st.AsOf, history.DisplayName(st), st.Abbreviation.Value, history.StatesWords(st.Status), st.Status.Since,
			string(st.Status.Certainty), st.Founded.Value, leaderCells(st.Leaders), st.Ideology.Value, st.Position.Value,
			linkNames(st.Predecessors), linkNames(st.Successors), strings.Join(disputed, "; "))
	}
	return t
}

// periodTable is one row a party that existed (or may have) in a period.
func periodTable(states []projections.PeriodState) table {
	t := table{columns: []string{"id", "during", "existed", "name", "abbreviation", "founded", "status_at_end", "leaders"}}
	for _, st := range states {
		t.add(string(st.ID), st.During, string(st.Existed), st.Name.Value, st.Abbreviation.Value, st.Founded.Value,
			history.StatesWords(st.Status), leaderCells(st.Leaders))
	}
	return t
}

// leaderCells is the leaders of a party in one cell: "name: role since date (certainty); …".
func leaderCells(leaders []projections.Leader) string {
	var out []string
	for _, l := range leaders {
		s := l.Name + ": " + l.Role
		if l.Since != "" {
			s += " since " + l.Since
		}
		out = append(out, s+" ("+string(l.Certainty)+")")
	}
	return strings.Join(out, "; ")
}

func linkNames(links []projections.Link) string {
	var out []string
	for _, l := range links {
		s := l.Name + " (" + l.Kind
		if l.Date != "" {
			s += ", " + l.Date
		}
		out = append(out, s+")")
	}
	return strings.Join(out, "; ")
}

// entryTable is one row an event.
func entryTable(entries []projections.Entry) table {
	t := table{columns: []string{"date", "human_date", "type", "entity", "summary", "certainty", "document", "title", "url", "quote",
		"event_id", "recorded", "method", "rule"}}
	for _, e := range entries {
		t.add(e.Date, e.HumanDate, string(e.Type), string(e.Entity), e.Summary, string(e.Certainty), e.Source.Document, e.Source.Title,
			e.Source.URL, e.Source.Quote, e.EventID.String(), e.Recorded, e.Method, e.Rule)
	}
	return t
}

// roleTable is one row a role of a person.
func roleTable(a history.PersonAnswer) table {
	t := table{columns: []string{"person", "person_name", "entity", "entity_name", "role", "committee", "rank", "since", "until",
		"certainty", "document", "title", "quote", "event_id"}}
	for _, r := range a.State.Roles {
		rank := ""
		if r.Rank > 0 {
			rank = strconv.Itoa(r.Rank)
		}
		t.add(string(a.ID), a.Name, string(r.Entity), r.Name, r.Role, r.Committee, rank, r.Since, r.Until, string(r.Certainty),
			r.Source.Document, r.Source.Title, r.Source.Quote, r.EventID.String())
	}
	return t
}

// stepTable is one row a step of a chain of corrections.
func stepTable(chains []history.Chain) table {
	t := table{columns: []string{"chain", "action", "event_id", "recorded", "type", "entity", "date", "summary", "reason",
		"supersedes", "superseded_by", "document", "title", "quote"}}
	for i, ch := range chains {
		for _, s := range ch.Steps {
			t.add(strconv.Itoa(i+1), s.Action, s.EventID.String(), s.Recorded, string(s.Type), string(s.Entity), s.Date, s.Summary, s.Reason,
				idList(s.Supersedes), idList(s.SupersededBy), s.Source.Document, s.Source.Title, s.Source.Quote)
		}
	}
	return t
}

// changeTable is one row a changed field of a party.
func changeTable(doc history.DiffDocument) table {
	t := table{columns: []string{"party", "name", "from_day", "to_day", "field", "before", "after"}}
	for _, d := range doc.Parties {
		for _, ch := range d.Changes {
			t.add(string(d.Party), d.Name, doc.From, doc.To, ch.Field, ch.From, ch.To)
		}
	}
	return t
}

// idList joins event ids with spaces, for one cell.
func idList(ids []ulid.ULID) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return strings.Join(out, " ")
}
