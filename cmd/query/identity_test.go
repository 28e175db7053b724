package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/events"
	"annals/record"
	"annals/sources"

	"github.com/oklog/ulid/v2"
)

// A person's merge of two parties, then its retraction: the answers before, between and after, on
// the recorded-time axis.
func TestMergeAndItsRetraction(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := buildFixture(dir); err != nil {
		t.Fatal(err)
	}
	merged := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	parted := merged.Add(24 * time.Hour)
	src := events.Source{Title: "A reference", URL: "https://example.org/r", Quote: "the CNUP and the KNSP were one party"}
	var link string
	err := openRecord(dir, merged, 8, func(rec *record.Recorder) error {
		rec.ReportIDs = true
		res, err := rec.Record(context.Background(), []events.Fact{{Type: events.TypeEntitySameAs, Entity: "cambodian-national-unity-party",
			Date: events.MustParseDate("XXXX"), Source: src, Payload: events.EntitySameAs{Other: "khmer-national-solidarity-party"}, Note: "a test"}})
		if err == nil && len(res.IDs) == 1 {
			link = res.IDs[0].String()
		}
		return err
	})
	if err != nil || link == "" {
		t.Fatalf("record the merge: %v (ids %q)", err, link)
	}
	stateIDs := func(args ...string) []string {
		t.Helper()
		out := run(map[string]string{"ANNALS_DATA": dir}, append([]string{"state", "--at", "1998-01-01", "--json"}, args...)...)
		var v struct {
			Parties []struct{ ID string } `json:"parties"`
		}
		if err := json.Unmarshal([]byte(strings.SplitN(strings.SplitN(out, "\n", 2)[1], "--- stderr", 2)[0]), &v); err != nil {
			t.Fatalf("state %q: %v\n%s", args, err, out)
		}
		var ids []string
		for _, p := range v.Parties {
			ids = append(ids, p.ID)
		}
		return ids
	}
	has := func(ids []string, id string) bool {
		for _, x := range ids {
			if x == id {
				return true
			}
		}
		return false
	}
	check := func(when string, knownAt []string, together bool) {
		t.Helper()
		all := stateIDs(knownAt...)
		if has(all, "khmer-national-solidarity-party") == together || !has(all, "cambodian-national-unity-party") {
			t.Errorf("%s: state lists %q; want the KNSP listed apart: %v", when, all, !together)
		}
		one := stateIDs(append([]string{"--party", "Khmer National Solidarity Party"}, knownAt...)...)
		want := "khmer-national-solidarity-party"
		if together {
			want = "cambodian-national-unity-party"
		}
		if len(one) != 1 || one[0] != want {
			t.Errorf("%s: state --party KNSP answers for %q, want %s", when, one, want)
		}
		env := map[string]string{"ANNALS_DATA": dir}
		for _, args := range [][]string{{"timeline", "--party", "Khmer National Solidarity Party"}, {"lineage", "--party", "Khmer National Solidarity Party"}, {"party", "khmer-national-solidarity-party"}} {
			out := run(env, append(args, knownAt...)...)
			if got := strings.Contains(out, "Cambodian National Unity Party [cambodian-national-unity-party]") ||
				strings.Contains(out, "Lineage of Cambodian National Unity Party"); got != together {
				t.Errorf("%s: %s answers for the CNUP: %v, want %v\n%s", when, args[0], got, together, firstLines(out, 3))
			}
		}
	}
	check("merged", nil, true)
	check("known before the merge", []string{"--known-at", merged.Add(-time.Second).Format(time.RFC3339)}, false)
	// The timeline of the union holds the KNSP's founding and the link, once.
	out := run(map[string]string{"ANNALS_DATA": dir}, "timeline", "--party", "CNUP")
	if strings.Count(out, link) != 1 || !strings.Contains(out, "is the same entity as Khmer National Solidarity Party") ||
		!strings.Contains(out, "khmer-national-solidarity-party.txt") {
		t.Errorf("timeline of the union:\n%s", out)
	}
	err = openRecord(dir, parted, 9, func(rec *record.Recorder) error {
		_, err := rec.Record(context.Background(), []events.Fact{{Type: events.TypeRecordRetracted, Entity: "cambodian-national-unity-party",
			Date: events.MustParseDate("XXXX"), Source: src, Payload: events.RecordRetracted{}, Supersedes: mustULIDs(t, link), Reason: "two parties after all"}})
		return err
	})
	if err != nil {
		t.Fatalf("retract the merge: %v", err)
	}
	check("retracted", nil, false)
	check("known before the retraction", []string{"--known-at", parted.Add(-time.Second).Format(time.RFC3339)}, true)
}

// The seeds and an article titled "Party of Democratic Kampuchea (Cambodia)", in one batch: the
// article fills the PDK the seeds name, and the CNUP's lineage reaches it.
func TestArticleJoinsTheSeedsParty(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	in, err := sources.Load([]string{"../../seeds", "../../sources/testdata/identity/pdk"})
	if err != nil {
		t.Fatal(err)
	}
	err = openRecord(dir, time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC), 42, func(rec *record.Recorder) error {
		if err := in.ResolveSubjects(context.Background(), rec.Store.(sources.Record)); err != nil {
			return err
		}
		_, err := rec.Record(context.Background(), in.Facts)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"ANNALS_DATA": dir}
	out := run(env, "state", "--at", "1990-01-01", "--party", "PDK")
	for _, want := range []string{"id            party-of-democratic-kampuchea", "active since 1981", "Party of Democratic Kampuchea (Cambodia) (alternate)"} {
		if !strings.Contains(out, want) {
			t.Errorf("state --party PDK does not say %q:\n%s", want, out)
		}
	}
	out = run(env, "lineage", "--party", "cnup")
	if !strings.Contains(out, "Party of Democratic Kampuchea") || strings.Contains(out, "party-of-democratic-kampuchea-cambodia") {
		t.Errorf("lineage of the CNUP:\n%s", out)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func mustULIDs(t *testing.T, ids ...string) []ulid.ULID {
	t.Helper()
	var out []ulid.ULID
	for _, s := range ids {
		id, err := ulid.ParseStrict(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}
