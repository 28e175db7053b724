package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/events"
	"annals/record"
)

// draftedQuote is the running text the drafted fact quotes: a rule reading "founded in 2012 as" drafts
// a founding of the Human Rights Party, which the sentence does not state (the HRP merged into the
// CNRP then). The curated record holds no dated fact about the HRP.
const draftedQuote = "It was founded in 2012 as a merger between the Sam Rainsy Party and Human Rights Party."

// buildDrafted returns a data directory holding the fixture and, recorded a day later, one fact a rule
// drafted.
func buildDrafted(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := buildFixture(dir); err != nil {
		t.Fatal(err)
	}
	dayLater := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	err := openRecord(dir, dayLater, 9, func(rec *record.Recorder) error {
		_, err := rec.Record(context.Background(), []events.Fact{{Type: events.TypePartyFounded, Entity: "human-rights-party",
			Date: events.MustParseDate("2012"), Payload: events.PartyFounded{Name: "Human Rights Party"},
			Source: events.Source{Document: "cambodia-national-rescue-party.txt", Quote: draftedQuote},
			Method: events.MethodDrafted, Rule: "founded-as"}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// A drafted fact is marked "(drafted)" in text and "method": "drafted" in JSON, and --curated-only
// leaves it out.
func TestDraftedFacts(t *testing.T) {
	dir := buildDrafted(t)
	env := map[string]string{"ANNALS_DATA": dir}
	norm := func(s string) string { return strings.ReplaceAll(s, dir, "$ANNALS_DATA") }
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"state-2013-hrp", []string{"state", "--at", "2013-01-01", "--party", "human rights party"}},
		{"state-2013-hrp-json", []string{"state", "--at", "2013-01-01", "--party", "human-rights-party", "--json"}},
		{"state-2013-hrp-curated-only", []string{"state", "--at", "2013-01-01", "--party", "human rights party", "--curated-only"}},
		{"timeline-hrp", []string{"timeline", "--party", "human rights party"}},
		{"timeline-hrp-json", []string{"timeline", "--party", "human rights party", "--json"}},
		{"timeline-hrp-curated-only", []string{"timeline", "--party", "human rights party", "--curated-only"}},
		{"events-founded-json", []string{"events", "--party", "human rights party", "--type", "party.founded", "--json"}},
		{"diff-2011-2013", []string{"diff", "--from", "2011-01-01", "--to", "2013-01-01", "--party", "human rights party"}},
		{"replay-2012", []string{"replay", "--from", "2012", "--to", "2012", "--party", "human rights party"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "drafted-"+tt.name, norm(run(env, tt.args...)))
		})
	}

	// The marks, whatever else the goldens hold.
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"state", "--at", "2013-01-01", "--party", "human-rights-party"}, []string{"2012 (drafted)  [cambodia-national-rescue-party.txt]"}},
		{[]string{"state", "--at", "2013-01-01", "--party", "human-rights-party", "--json"}, []string{`"method": "drafted"`}},
		{[]string{"timeline", "--party", "human-rights-party"}, []string{`cambodia-national-rescue-party.txt (drafted): "` + draftedQuote + `"`}},
		{[]string{"timeline", "--party", "human-rights-party", "--json"}, []string{`"method": "drafted"`, `"rule": "founded-as"`}},
		{[]string{"party", "human-rights-party"}, []string{"cambodia-national-rescue-party.txt (drafted): "}},
		{[]string{"party", "human-rights-party", "--json"}, []string{`"method": "drafted"`, `"rule": "founded-as"`}},
		{[]string{"events", "--party", "human-rights-party", "--json"}, []string{`"method": "drafted"`, `"rule": "founded-as"`}},
		{[]string{"events", "--party", "human-rights-party"}, []string{"(drafted): "}},
		{[]string{"sources", "cambodia-national-rescue-party.txt"}, []string{"(drafted)"}},
		{[]string{"sources", "cambodia-national-rescue-party.txt", "--json"}, []string{`"method": "drafted"`, `"rule": "founded-as"`}},
		{[]string{"diff", "--from", "2011-01-01", "--to", "2013-01-01", "--party", "human-rights-party", "--json"}, []string{`"method": "drafted"`}},
		{[]string{"diff", "--from", "2011-01-01", "--to", "2013-01-01", "--party", "human-rights-party"}, []string{"not yet founded (certain) (drafted)"}},
		{[]string{"replay", "--from", "2012", "--to", "2012", "--json"}, []string{`"method":"drafted"`, `"rule":"founded-as"`}},
		{[]string{"history", "--party", "human-rights-party"}, []string{"exit 0"}},
	} {
		got := run(env, tt.args...)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("query %s = %s\nwant it to hold %q", strings.Join(tt.args, " "), norm(got), w)
			}
		}
		got = run(env, append(tt.args, "--curated-only")...)
		if strings.Contains(got, "drafted") || strings.Contains(got, "founded-as") {
			t.Errorf("query %s --curated-only = %s\nwant no drafted fact", strings.Join(tt.args, " "), norm(got))
		}
	}
}

// With --curated-only, a record that holds drafted facts answers every question as the same record
// without them does: as if they were never recorded.
func TestCuratedOnlyIsAsIfNeverRecorded(t *testing.T) {
	dir := buildDrafted(t)
	for _, args := range [][]string{
		{"state", "--at", "2013-01-01"},
		{"state", "--at", "2013-01-01", "--json"},
		{"state", "--at", "2013-01-01", "--party", "human-rights-party", "--json"},
		{"timeline", "--party", "human-rights-party", "--json"},
		{"party", "human-rights-party", "--at", "2013-01-01"},
		{"party", "cnrp", "--json"},
		{"lineage", "--party", "cnrp", "--json"},
		{"events", "--party", "human-rights-party"},
		{"events", "--json"},
		{"sources", "cambodia-national-rescue-party.txt", "--json"},
		{"history", "--party", "human-rights-party", "--json"},
		{"diff", "--from", "2011-01-01", "--to", "2013-01-01"},
		{"replay", "--from", "2012", "--to", "2012"},
	} {
		want := run(map[string]string{"ANNALS_DATA": fixture}, args...)
		got := run(map[string]string{"ANNALS_DATA": dir}, append(args, "--curated-only")...)
		got = strings.Replace(got, " --curated-only", "", 1)
		if got != want {
			t.Errorf("query %s --curated-only over a record with a drafted fact =\n%s\nwant the answer without it:\n%s",
				strings.Join(args, " "), strings.ReplaceAll(got, dir, "$ANNALS_DATA"), want)
		}
	}
	// And without the flag, the drafted fact changes the answer.
	plain := run(map[string]string{"ANNALS_DATA": dir}, "state", "--at", "2013-01-01", "--party", "human-rights-party")
	if !strings.Contains(plain, "founded       2012 (drafted)") {
		t.Errorf("query state --party hrp over a record with a drafted founding = %s, want it founded in 2012, drafted", plain)
	}
}

// A history of a drafted event asked for with --curated-only says why it is not there.
func TestCuratedOnlyHistoryOfADraftedEvent(t *testing.T) {
	dir := buildDrafted(t)
	env := map[string]string{"ANNALS_DATA": dir}
	out := run(env, "events", "--party", "human-rights-party", "--type", "party.founded")
	i := strings.Index(out, "party.founded/v1  ")
	if i < 0 {
		t.Fatalf("query events --party hrp --type party.founded = %s, want the drafted founding", out)
	}
	id := strings.Fields(out[i:])[1]
	if got := run(env, "history", id); !strings.Contains(got, "(drafted)") || !strings.HasSuffix(got, "--- exit 0\n") {
		t.Errorf("query history %s = %s, want the drafted event, marked", id, got)
	}
	if got := run(env, "history", id, "--curated-only"); !strings.Contains(got, "--curated-only leaves it out") || !strings.HasSuffix(got, "--- exit 1\n") {
		t.Errorf("query history %s --curated-only = %s, want an error saying --curated-only leaves it out", id, got)
	}
}
