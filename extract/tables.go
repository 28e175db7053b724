package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"annals/document"
	"annals/events"
)

// tables applies the table rules, chosen by column names:
//   - a leaders table (Name, Term start, Term end, optionally Deputy): a leader took and left office
//     at the term's dates; a deputy listed for a term took and left office with the leader;
//   - a results table by election (Election and votes, a share or seats, under a header of two rows,
//     "Votes #", or of one, "Votes", "%"): one result per row, at the level its section names
//     (general, communal);
//   - a results table by constituency (Constituency, Popular vote, ...): one result per row for the
//     election its section's TableHint names; a summary row ("Total") is the national result.
//
// A table that matches no rule states no fact this package knows how to draw: it is skipped with a
// warning that names its columns, or refuses the document in strict mode, as does a row whose cells a
// rule cannot read.
func (x *extractor) tables() error {
	for _, sec := range x.doc.Sections {
		for _, b := range sec.Blocks {
			if b.Kind != document.TableBlock || b.Table == nil {
				continue
			}
			t := b.Table
			var err error
			switch {
			case isLeadersTable(t):
				err = x.leadersTable(sec, t)
			case electionColumn(t) != "" && t.Column("Constituency") < 0 && resultsByElection(t):
				err = x.electionTable(sec, t)
			case t.Column("Constituency") >= 0:
				err = x.constituencyTable(sec, t)
			default:
				var labels []string
				for _, c := range t.Columns {
					labels = append(labels, c.Label())
				}
				unread := fmt.Errorf("no rule reads a table of columns %s: %w", events.Excerpt(strings.Join(labels, ", "), 120), events.ErrInvalid)
				if x.strict {
					err = unread
					break
				}
				x.warn(t.Line, "table in section %s: %v; table skipped", events.Excerpt(sec.Title, events.DefaultExcerpt), unread)
			}
			if err != nil {
				return fmt.Errorf("document %s:%d: table in section %s: %w", x.doc.Name, t.Line, events.Excerpt(sec.Title, events.DefaultExcerpt), err)
			}
		}
	}
	return nil
}

// isLeadersTable reports whether a table lists a party's leaders: a name and a start (or a term), no
// election.
func isLeadersTable(t *document.Table) bool {
	return (columnOf(t, leaderColumns.start) != "" || columnOf(t, leaderColumns.term) != "") &&
		columnOf(t, leaderColumns.name) != "" && electionColumn(t) == ""
}

// electionColumn returns the label of the column a results table names its elections under: the
// election ("Election", "10th Knesset") or its year ("Year"); "" for a table of neither.
func electionColumn(t *document.Table) string {
	return columnOf(t, []string{"Election", "Year", "Election year"})
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

// unreadableRow handles a row of a table in sec whose cell cannot be read (err): in strict mode it
// returns err for the table to refuse; otherwise it records a warning saying what was skipped and
// returns nil.
func (x *extractor) unreadableRow(sec *document.Section, r document.Row, err error, skipped string) error {
	if x.strict {
		return fmt.Errorf("row %d: %w", r.Line, err)
	}
	x.warn(r.Line, "table in section %s: %v; %s", events.Excerpt(sec.Title, events.DefaultExcerpt), err, skipped)
	return nil
}

// leaderColumns are the labels a leaders table gives the holder, the start and the end of a term, and
// its number under: the seeds' ("Name", "Term start", "Term end", "No.") and others' ("Leader",
// "Took office", "Left office", "#"; "From", "To").
var leaderColumns = struct{ name, start, end, term, number, office []string }{
	name: []string{"Name", "Leader", "Chairman", "Chairwoman", "Chairperson", "Chair", "President", "Secretary-General",
		"General Secretary", "Party leader", "First Secretary", "Secretary"},
	start:  []string{"Term start", "Took office", "Assumed office", "Term began", "Start", "From", "Since"},
	end:    []string{"Term end", "Left office", "Term ended", "End", "To", "Until"},
	term:   []string{"Term", "Term of office", "Period", "Years", "Tenure", "In office", "Dates", "Years in office", "Time in office"},
	number: []string{"No.", "No", "#", "Nr."},
	office: []string{"Office", "Position", "Post", "Role"},
}

// noHolder reports whether a leaders table's name cell says the office had no holder: "vacant".
func noHolder(name string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(name), "()[]*")) {
	case "vacant", "vacancy", "none", "office vacant", "post vacant", "no leader", "position vacant":
		return true
	}
	// A note across the row, not a name: "(party banned)", "Party banned, 1964–1988".
	first, _ := utf8.DecodeRuneInString(name)
	return first == '(' || first == '[' || strings.ContainsAny(name, "0123456789")
}

// columnOf returns the first of labels that t has a column for, or "".
func columnOf(t *document.Table, labels []string) string {
	for _, l := range labels {
		if t.Column(l) >= 0 {
			return l
		}
	}
	return ""
}

func (x *extractor) leadersTable(sec *document.Section, t *document.Table) error {
	nameColumn := columnOf(t, leaderColumns.name)
	for _, r := range t.Rows {
		q := r.Text
		start, end := cellOf(t, r, leaderColumns.start), cellOf(t, r, leaderColumns.end)
		if stillInOffice(end) {
			end = "" // "Incumbent", "present": the term goes on
		}
		var startDate, endDate string
		var err error
		// A date that cannot be read loses the facts it dates, not the others of the row.
		tookOK, leftOK := true, true
		if term := cellOf(t, r, leaderColumns.term); start == "" && term != "" {
			// "1956–1961", "1991–present": the term in one cell.
			if startDate, endDate, err = ProsePeriod(term); err != nil {
				if err := x.unreadableRow(sec, r, err, "its term skipped"); err != nil {
					return err
				}
				tookOK, leftOK = false, false
			}
		} else if start != "" {
			if startDate, err = ProseDate(start); err != nil {
				if err := x.unreadableRow(sec, r, err, "its taking office skipped"); err != nil {
					return err
				}
				tookOK = false
			}
		}
		if end != "" {
			if endDate, err = ProseDate(end); err != nil {
				if err := x.unreadableRow(sec, r, err, "its leaving office skipped"); err != nil {
					return err
				}
				leftOK = false
			}
		}
		term := 0
		if n, ok := Number(cellOf(t, r, leaderColumns.number)); ok {
			term = int(n)
		}
		for _, holder := range []struct{ column, role string }{{nameColumn, sectionOffice(sec.Title)}, {"Deputy", "deputy leader"}} {
			name := cell(t, r, holder.column)
			if name == "" || filled(t, r, holder.column) || !tookOK && (!leftOK || endDate == "") || noHolder(name) {
				continue // "| — | vacant | 9 October 1997 | 13 December 1997 |": no one held it
			}
			role := holder.role
			if office := cellOf(t, r, leaderColumns.office); holder.column == nameColumn && office != "" && !strings.ContainsAny(office, "0123456789") {
				role = Role(office) // "| Daw Nu Nu Swe | Vice-chairwoman | 17 February 2013 | …": the office the row names
			}
			if note := strings.ToLower(firstOf(cell(t, r, "Notes"), cell(t, r, "Note"))); holder.column == nameColumn && (note == "acting" || note == "interim" || note == "caretaker") {
				role = note + " " + role // "| 1966 | Tauno Rinne | acting |"
			}
			if n, qual, ok := strings.Cut(name, " ("); ok && strings.HasSuffix(qual, ")") {
				// "Haruko Mizuno (acting)": the person, and how the office was held.
				name = strings.TrimSpace(n)
				if w := strings.ToLower(strings.TrimSuffix(qual, ")")); w == "acting" || w == "interim" || w == "caretaker" {
					role = w + " " + role
				}
			}
			// "Pavel Zuev and Marina Orlova": co-leaders, each in the office.
			for _, n := range coHolders(name) {
				office := events.Office{Person: x.mention(events.KindPerson, n, q), Role: role, Term: term}
				if tookOK {
					x.add(x.subject, startDate, q, events.LeaderTookOffice{Office: office})
				}
				if leftOK && endDate != "" {
					x.add(x.subject, endDate, q, events.LeaderLeftOffice{Office: office})
				}
			}
		}
	}
	return nil
}

func levelOf(section string) string {
	if localSectionRE.MatchString(section) {
		return events.LevelCommunal
	}
	return events.LevelGeneral
}

// ownFigures reports whether a results row writes a figure of its own (votes, a share, seats), not
// one copied from the row above.
func ownFigures(t *document.Table, r document.Row) bool {
	for _, rule := range []columnRule{resultColumns.votes, resultColumns.percent, resultColumns.seats} {
		if i := rule.index(t); i >= 0 && i < len(r.Cells) && !r.Filled[i] && strings.ContainsAny(r.Cells[i], "0123456789") {
			return true
		}
	}
	return false
}

// notContestedRE matches the words of a results row whose party stood in no election: "did not
// contest", "boycotted", "lists withdrawn".
var notContestedRE = regexp.MustCompile(`(?i)\b(?:did\s+not\s+(?:contest|stand|run|participate|take\s+part)|boycott(?:ed)?|not\s+contested|lists?\s+withdrawn|withdrew|barred|banned|suspended|did\s+not\s+field)\b`)

// boycottRE matches the word of a results row whose party boycotted the election.
var boycottRE = regexp.MustCompile(`(?i)\bboycott(?:ed)?\b`)

// localSectionRE matches the title of a section of local elections: "Communal elections", "Tbilisi
// City Assembly", "Municipal councils", "Citizens' Representative Khurals" (not the State Great
// Khural, a parliament).
var localSectionRE = regexp.MustCompile(`(?i)\b(?:communal|commune|municipal|municipality|local|city|town|provincial|county|district|prefectural|cantonal|citizens'\s+representative)\b`)

// A columnRule finds the column of a figure in a results table: under one of its labels (the first
// the table has, or else a sub-header that is one of them: a header of two rows that groups "Votes"
// and "Seats" under "Performance"), or else under the first column whose label reads like one
// ("Party-list votes", "% of list vote", "Seats in the Duma") and not like another figure.
type columnRule struct {
	labels       []string
	like, unlike *regexp.Regexp
}

// resultColumns are the rules of each figure of a results table by election: a header of two rows
// names the column and its sub-header ("Votes #", "Votes %"), a header of one row the figure alone
// ("Votes", "%", "Seats").
var resultColumns = struct{ votes, percent, change, seats, seatsChange columnRule }{
	votes: columnRule{labels: []string{"Votes #", "Votes", "Popular vote", "Vote"},
		like: regexp.MustCompile(`(?i)\bvotes?\b`), unlike: regexp.MustCompile(`(?i)%|share|percent|±|\+/|change|swing|rank|position|seat`)},
	percent: columnRule{labels: []string{"Votes %", "%", "Vote %", "Votes (%)", "Share", "Vote share", "Percentage", "Percent",
		"First-preference %", "First preference %", "1st pref %", "% of vote", "% of votes", "Vote (%)"},
		like: regexp.MustCompile(`(?i)%|\bshare\b|\bpercent`), unlike: regexp.MustCompile(`(?i)±|\+/|change|swing|seat`)},
	change: columnRule{labels: []string{"Votes ±", "±", "+/–", "+/-"}},
	seats: columnRule{labels: []string{"Seats #", "Seats", "Seats won", "House seats", "Seats in parliament", "Parliament seats"},
		like: regexp.MustCompile(`(?i)\b(?:seats?|deputies|mps|members\s+elected|representatives|senators|diputados|escaños|mandates?)\b`), unlike: regexp.MustCompile(`(?i)±|\+/|change|swing|gain|loss|%|share`)},
	seatsChange: columnRule{labels: []string{"Seats ±"}},
}

// index returns the column of t the rule finds, or -1.
func (rule columnRule) index(t *document.Table) int {
	if l := columnOf(t, rule.labels); l != "" {
		return t.Column(l)
	}
	for _, l := range rule.labels {
		if strings.ContainsAny(l, "±+") {
			continue // a change under a sub-header may be of the votes or of the seats
		}
		for i, c := range t.Columns {
			if c.Sub != "" && strings.EqualFold(c.Sub, l) {
				return i
			}
		}
	}
	if rule.like == nil {
		return -1
	}
	for i, c := range t.Columns {
		if l := c.Label(); rule.like.MatchString(l) && !rule.unlike.MatchString(l) {
			return i
		}
	}
	return -1
}

// resultsByElection reports whether t gives a figure of a result (votes, a share, seats) by election.
func resultsByElection(t *document.Table) bool {
	for _, rule := range []columnRule{resultColumns.votes, resultColumns.percent, resultColumns.seats} {
		if rule.index(t) >= 0 {
			return true
		}
	}
	return false
}

// cellOf returns the cell of row r under the first of labels that t has, or else under the first
// column whose sub-header is one of them.
func cellOf(t *document.Table, r document.Row, labels []string) string {
	return figure(t, r, columnRule{labels: labels})
}

// figure returns the cell of row r in the column the rule finds, or "".
func figure(t *document.Table, r document.Row, rule columnRule) string {
	if i := rule.index(t); i >= 0 && i < len(r.Cells) {
		return strings.TrimSpace(r.Cells[i])
	}
	return ""
}

func (x *extractor) electionTable(sec *document.Section, t *document.Table) error {
	level := levelOf(sec.Title)
	for _, r := range t.Rows {
		q := r.Text
		year := cell(t, r, "Election")
		date, err := ProseDate(year)
		if y := firstOf(cell(t, r, "Year"), cell(t, r, "Election year")); y != "" && (err != nil || year == "") {
			// "| 10th Knesset | 1981 |": the election named, its year beside it.
			year = y
			date, err = ProseDate(year)
		}
		if err != nil {
			if err := x.unreadableRow(sec, r, err, "row skipped"); err != nil {
				return err
			}
			continue
		}
		if boycottRE.MatchString(q) {
			// "| 2014 | Boycotted | 0 / 300 |": the party stayed out of that election on purpose; its
			// figures, if any, are those of a party that did not stand, no result.
			x.add(x.subject, date, q, events.PartyBoycotted{Election: year + " " + level + " election"})
			continue
		}
		if notContestedRE.MatchString(q) && !ownFigures(t, r) {
			continue // "| 2000 | Did not contest (suspended) | | |": no result (no figure of the row above)
		}
		res := events.ElectionResult{
			Election:    year + " " + level + " election",
			Level:       level,
			VotesText:   figure(t, r, resultColumns.votes),
			Percent:     figure(t, r, resultColumns.percent),
			Change:      figure(t, r, resultColumns.change),
			Seats:       figure(t, r, resultColumns.seats),
			SeatsChange: figure(t, r, resultColumns.seatsChange),
			Chiefs:      cell(t, r, "Chiefs #"),
			Councillors: cell(t, r, "Councillors #"),
			Position:    cell(t, r, "Position"),
			Government:  cell(t, r, "Government"),
		}
		for _, f := range []*string{&res.VotesText, &res.Percent, &res.Change, &res.Seats, &res.SeatsChange} {
			if dashOnly(*f) {
				*f = "" // "—": no figure
			}
		}
		if res.VotesText == "" && res.Percent == "" && res.Seats == "" {
			continue // "| 1988 | — | — | barred |": the party did not stand; no result
		}
		res.Votes, _ = Number(res.VotesText)
		entity := x.subject
		if party := cell(t, r, "Party"); party != "" && !dashOnly(party) && !x.ownNameOrShort(party) && isCap(party) {
			// "| 2023 | Siam Future | … |" in the table of a party that had ended: another party's
			// result (its successor's), not this one's.
			entity = x.mention(events.KindParty, fullPartyName(party), q)
		}
		if leader := firstOf(cell(t, r, "Leader"), cell(t, r, "Party leader"), cell(t, r, "Chairman")); leader != "" && isCap(leader) {
			res.Leader = x.mention(events.KindPerson, leader, q)
		}
		x.add(entity, date, q, res)
	}
	return nil
}

// ownNameOrShort reports whether n is one of the subject's names, or such a name without its last
// word ("New Siam" for the New Siam Party), as a results table's Party column writes it.
func (x *extractor) ownNameOrShort(n string) bool {
	if x.ownName(n) {
		return true
	}
	k := events.NameKey(n)
	for _, f := range x.facts {
		if p, ok := f.Payload.(events.EntityNamed); ok && f.Entity == x.subject {
			if w := strings.Fields(p.Name); len(w) > 1 && events.NameKey(strings.Join(w[:len(w)-1], " ")) == k {
				return true
			}
		}
	}
	return false
}

// fullPartyName is a party's name as a table cell shortens it: "Siam Future" is the Siam Future
// Party; a cell that ends with a word for a party is whole.
func fullPartyName(n string) string {
	if partyWordEndRE.MatchString(n) || allCaps(n) {
		return n
	}
	return n + " Party"
}

// partyWordEndRE matches a name that ends with a word for a party or an alliance: "Rak Chumchon
// Party", "Siam Future" does not.
var partyWordEndRE = regexp.MustCompile(`(?i)\b(?:party|movement|front|union|alliance|league|congress|bloc|coalition|list|forum|council|rally|federation)$`)

func (x *extractor) constituencyTable(sec *document.Section, t *document.Table) error {
	var hint *TableHint
	for i := range x.hints {
		if strings.EqualFold(x.hints[i].Section, sec.Title) {
			hint = &x.hints[i]
		}
	}
	if hint == nil {
		err := fmt.Errorf("constituency results name no election: add a table hint for section %s to the facts file: %w", events.Excerpt(sec.Title, events.DefaultExcerpt), events.ErrInvalid)
		if x.strict {
			return err
		}
		x.warn(t.Line, "table in section %s: %v; table skipped", events.Excerpt(sec.Title, events.DefaultExcerpt), err)
		return nil
	}
	if err := hint.validate(); err != nil {
		return err
	}
	for _, r := range t.Rows {
		q := r.Text
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
				err := fmt.Errorf("a constituency result names no constituency: %w", events.ErrInvalid)
				if err := x.unreadableRow(sec, r, err, "row skipped"); err != nil {
					return err
				}
				continue
			}
		}
		f := events.Fact{Type: res.EventType(), Entity: x.subject, Date: events.MustParseDate(hint.Date),
			Source: events.Source{Document: x.doc.Name, Quote: q}, Payload: res, Note: hint.Note}
		x.facts = append(x.facts, f)
	}
	return nil
}

// dashOnly reports whether a cell holds only a dash, which tables write for no figure.
func dashOnly(s string) bool {
	return s != "" && strings.Trim(s, "—–-− ") == ""
}

func firstOf(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// sectionOffice returns the office a leaders table's section names: "Chairmen" → chairman,
// "Secretaries-general" → secretary-general, "List of party presidents" → president; "leader" for
// any other title.
func sectionOffice(title string) string {
	t := strings.ToLower(title)
	for _, o := range []struct{ words, role string }{
		{"secretaries-general", "secretary-general"}, {"secretaries general", "secretary-general"},
		{"general secretaries", "general secretary"}, {"secretary-general", "secretary-general"},
		{"general secretary", "general secretary"}, {"chairmen", "chairman"}, {"chairman", "chairman"},
		{"chairwomen", "chairwoman"}, {"chairpersons", "chairperson"}, {"presidents", "president"},
		{"president", "president"}, {"first secretaries", "first secretary"}, {"first secretary", "first secretary"},
		{"secretaries", "secretary"},
	} {
		if strings.Contains(t, o.words) && !strings.Contains(t, "vice") && !strings.Contains(t, "deputy") {
			return o.role
		}
	}
	return "leader"
}

// coHolders splits a cell that names the holders of one office together ("A and B", "A & B", "A / B")
// into their names; any other cell is one name.
func coHolders(cell string) []string {
	var out []string
	for _, n := range coHoldersRE.Split(cell, -1) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

var coHoldersRE = regexp.MustCompile(`\s+(?:and|&|/)\s+`)
