package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"annals/events"
	"annals/history"
	"annals/nodeapi/wire"
	"annals/projections"
)

func (m *Main) state(c *common) func(ctx context.Context) error {
	c.remote = true
	c.tables = true
	at := c.fs.String("at", "", "the `day`, YYYY-MM-DD (this or --during is required)")
	during := c.fs.String("during", "", "a `period`: any EDTF date or interval (1995, 1995-03, 1993/1997)")
	party := c.fs.String("party", "", "one party: its id, abbreviation or any name the record holds")
	return func(ctx context.Context) error {
		switch {
		case *at != "" && *during != "":
			return usageError{Msg: "state takes --at DAY or --during PERIOD, not both"}
		case *during != "":
			return m.stateDuring(ctx, c, *during, *party)
		case *at == "":
			c.fs.Usage()
			return usageError{Msg: "state needs --at DATE"}
		}
		day, err := parseAt(*at)
		if err != nil {
			if d, derr := events.ParseDate(*at); derr == nil && !d.Unknown() {
				return usageError{Msg: fmt.Sprintf("--at takes one day, YYYY-MM-DD; %q is a period: use --during %s", *at, *at)}
			}
			return err
		}
		var states []projections.PartyState
		var doc history.StateDocument
		raw, err := c.answer(ctx, "state", wire.StateRequest{At: *at, Party: *party, ReadOptions: c.readOptions()}, &doc,
			func(h *history.Historian) (err error) { states, err = h.State(ctx, day, *party); return err })
		if err != nil {
			return err
		}
		if raw != nil {
			states = doc.Parties
		}
		if tabular(c.format) {
			return writeTable(m.Stdout, c.format, stateTable(states))
		}
		if c.json {
			return m.writeDocument(raw, history.NewStateDocument(day, states))
		}
		if len(states) == 0 && !c.knownAt.IsZero() {
			fmt.Fprintf(m.Stdout, "the record held nothing on %s as it stood at %s\n", day, c.knownAt.UTC().Format(time.RFC3339))
			return nil
		}
		writeStates(m.Stdout, day, states, *party != "")
		return nil
	}
}

// stateDuring answers state --during PERIOD.
func (m *Main) stateDuring(ctx context.Context, c *common, during, party string) error {
	period, err := events.ParseDate(during)
	if err != nil || period.Unknown() {
		if err == nil {
			err = fmt.Errorf("%q says nothing of when", during)
		}
		return usageError{Msg: fmt.Sprintf("--during: %v", err)}
	}
	var states []projections.PeriodState
	var doc history.DuringDocument
	raw, err := c.answer(ctx, "state", wire.StateRequest{During: during, Party: party, ReadOptions: c.readOptions()}, &doc,
		func(h *history.Historian) (err error) { states, err = h.During(ctx, period, party); return err })
	if err != nil {
		return err
	}
	if raw != nil {
		states = doc.Parties
	}
	if tabular(c.format) {
		return writeTable(m.Stdout, c.format, periodTable(states))
	}
	if c.json {
		return m.writeDocument(raw, history.NewDuringDocument(period, states))
	}
	if len(states) == 0 && !c.knownAt.IsZero() {
		fmt.Fprintf(m.Stdout, "the record held nothing on %s as it stood at %s\n", period, c.knownAt.UTC().Format(time.RFC3339))
		return nil
	}
	if party != "" && len(states) == 0 {
		// The party is on record (else the name would not resolve), but not during the period.
		fmt.Fprintf(m.Stdout, "%s: the record dates no day of %s on which it existed (not yet founded, or ended before); its status on a day: query state --at %s --party %q\n",
			party, period, period.Latest(), party)
		return nil
	}
	writePeriods(m.Stdout, period, states, party != "")
	return nil
}

// writePeriods renders the answer of state --during: the parties with a dated fact first, each with
// whether it existed then and who led it, then the parties the record names without dating.
func writePeriods(w io.Writer, period events.Date, states []projections.PeriodState, one bool) {
	var dated, undated []projections.PeriodState
	for _, st := range states {
		if st.Existed == projections.Undated && !one {
			undated = append(undated, st)
		} else {
			dated = append(dated, st)
		}
	}
	if !one {
		when := period.String()
		if h := period.Human(); h != when {
			when += " (" + h + ")"
		}
		fmt.Fprintf(w, "Parties during %s: %d on record then", when, len(dated))
		if len(undated) > 0 {
			fmt.Fprintf(w, ", %d more the record names without dating", len(undated))
		}
		fmt.Fprintln(w)
	}
	for _, st := range dated {
		fmt.Fprintln(w)
		title := history.DisplayName(projections.PartyState{ID: st.ID, Name: st.Name})
		if st.Abbreviation.Value != "" {
			title += " (" + st.Abbreviation.Value + ")"
		}
		fmt.Fprintln(w, title)
		row := func(label, value string) {
			if value == "" {
				value = "—"
			}
			fmt.Fprintf(w, "  %-13s %s\n", label, strings.ReplaceAll(value, "\n", "\n"+strings.Repeat(" ", 16)))
		}
		row("id", string(st.ID))
		existed := "existed then (" + string(st.Existed) + ")"
		if st.Existed == projections.Uncertain {
			existed = "may have existed then (uncertain)"
		}
		row("existence", existed)
		row("founded", history.FoundedText(st.Founded))
		row("by the end", statusText(st.Status))
		row("leaders", leadersText(st.Leaders))
	}
	if len(undated) > 0 {
		fmt.Fprintf(w, "\nParties the record names with no dated fact by the end of %s (they may or may not have existed then):\n", period)
		for _, st := range undated {
			fmt.Fprintf(w, "  %s [%s]\n", history.DisplayName(projections.PartyState{ID: st.ID, Name: st.Name}), st.ID)
		}
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func displayName(st projections.PartyState) string { return history.DisplayName(st) }

func writeStates(w io.Writer, day events.Day, states []projections.PartyState, one bool) {
	var dated, undated []projections.PartyState
	for _, st := range states {
		if st.Status.Is(projections.StateUnrecorded) && !st.Attested && !one {
			undated = append(undated, st)
		} else {
			dated = append(dated, st)
		}
	}
	if !one {
		fmt.Fprintf(w, "Parties on %s: %d on record by then", day, len(dated))
		if len(undated) > 0 {
			fmt.Fprintf(w, ", %d more the record names without dating", len(undated))
		}
		fmt.Fprintln(w)
	}
	for _, st := range dated {
		fmt.Fprintln(w)
		writeState(w, st)
	}
	if len(undated) > 0 {
		fmt.Fprintf(w, "\nParties the record names with no dated fact by %s (they may or may not have existed then):\n", day)
		for _, st := range undated {
			line := fmt.Sprintf("  %s [%s]", displayName(st), st.ID)
			if st.Status.Since != "" || len(st.Status.Pending) > 0 {
				line += ": " + strings.ReplaceAll(statusText(st.Status), "\n", "\n    ")
			}
			fmt.Fprintln(w, line)
		}
	}
}

func writeState(w io.Writer, st projections.PartyState) {
	title := displayName(st)
	if st.Name.Disputed {
		title = strings.Join(claimValues(st.Name.Claims), " / ") + " (name disputed)"
	}
	if st.Abbreviation.Value != "" {
		title += " (" + st.Abbreviation.Value + ")"
	}
	fmt.Fprintln(w, title)
	row := func(label, value string) {
		if value == "" {
			value = "—"
		}
		fmt.Fprintf(w, "  %-13s %s\n", label, strings.ReplaceAll(value, "\n", "\n"+strings.Repeat(" ", 16)))
	}
	row("id", string(st.ID))
	row("status", statusText(st.Status))
	row("founded", history.FoundedText(st.Founded))
	if st.Name.Disputed {
		row("name", valueText(st.Name, "name"))
	}
	if st.Abbreviation.Disputed {
		row("abbreviation", valueText(st.Abbreviation, "abbreviation"))
	}
	var other []string
	for _, c := range st.OtherNames {
		other = append(other, history.NameText(c)+draftedMark(c.Method))
	}
	if len(other) > 0 {
		row("also known as", strings.Join(other, "\n"))
	}
	if st.Ended() && len(st.FormerLeaders) > 0 {
		row("leaders", "none: the party has ended")
		row("last leaders", history.FormerLeadersText(st.FormerLeaders))
	} else {
		row("leaders", leadersText(st.Leaders))
	}
	if len(st.Vacancies) > 0 {
		row("vacant", history.VacanciesText(st.Vacancies))
	}
	row("ideology", valueText(st.Ideology, "ideology"))
	row("position", valueText(st.Position, "position"))
	row("wings", linksText(st.Wings))
	if len(st.FormerWings) > 0 {
		row("former wings", linksText(st.FormerWings))
	}
	row("affiliations", linksText(st.Affiliations))
	if len(st.FormerAffiliations) > 0 {
		row("former affil.", linksText(st.FormerAffiliations))
	}
	row("predecessors", linksText(st.Predecessors))
	row("successors", linksText(st.Successors))
	if len(st.Bans) > 0 {
		row("bans", history.BansText(st.Bans))
	}
	// A dispute already listed claim by claim in its own row is not printed twice.
	var disputes []projections.Dispute
	for _, d := range st.Disputes {
		switch {
		case d.Field == "official name" && st.Name.Disputed:
		case d.Field == events.NameAbbreviation+" name" && st.Abbreviation.Disputed:
		case d.Field == "founded" && st.Founded.Disputed:
		default:
			disputes = append(disputes, d)
		}
	}
	if len(disputes) > 0 {
		row("disputed", disputesText(disputes))
	}
}

// disputesText lists each dispute with every claim, its date and its source's words.
func disputesText(disputes []projections.Dispute) string {
	var lines []string
	for _, d := range disputes {
		lines = append(lines, d.Field+":")
		for _, c := range d.Claims {
			value := c.Value
			switch {
			case value == "":
				value = "dated " + c.Date
			case c.Date != "" && c.Date != "XXXX":
				value += " (" + c.Date + ")"
			}
			lines = append(lines, fmt.Sprintf("  %s%s  [%s: %q]", value, draftedMark(c.Method), c.Source.Label(), events.FoldSpace(c.Source.Quote)))
		}
	}
	return strings.Join(lines, "\n")
}

// draftedMark returns " (drafted)" for what rests only on facts a rule drafted from running text and
// no person has reviewed (method events.MethodDrafted), "" otherwise. Every answer in text marks a
// drafted claim, link, leader, status or event with it, next to its certainty or its source.
func draftedMark(method string) string { return history.DraftedMark(method) }

// sourceLabels names each source once, in order.
func sourceLabels(sources []events.Source) string { return history.SourceLabels(sources) }

func claimValues(claims []projections.Claim) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range claims {
		if k := events.NameKey(c.Value); !seen[k] {
			seen[k] = true
			out = append(out, c.Value)
		}
	}
	return out
}

func statusText(s projections.Status) string { return history.StatusText(s) }

// valueText renders a field: its value with its dating, or every claim with its source when disputed.
func valueText(v projections.Value, what string) string { return history.ValueText(v, what) }

func linksText(links []projections.Link) string { return history.LinksText(links) }

// leadersText renders office holders, one a line, with their dating and sources.
func leadersText(leaders []projections.Leader) string { return history.LeadersText(leaders) }
