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

	"github.com/oklog/ulid/v2"
)

// A disputed seed field settled by a correction a day later, and a retraction: the answers before
// and after, on the two time axes.
func TestCorrectionsOnTwoTimeAxes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := buildFixture(dir); err != nil {
		t.Fatal(err)
	}
	dayLater := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	err := openRecord(dir, dayLater, 7, func(rec *record.Recorder) error {
		ctx := context.Background()
		stored, err := rec.Store.EntityEvents(ctx, "democratic-national-union-movement")
		if err != nil {
			return err
		}
		// Settle the name: the claims of "Democratic National Union Party" are superseded by one
		// that restates the Movement, from a cited external source.
		// Both claims of the name "Party" are corrected: the name, and the founding that states it.
		var fixes []events.Fact
		src := events.Source{Title: "Cambodian parties, a reference", URL: "https://example.org/dnum", Quote: "the Democratic National Union Movement (DNUM), founded by Ieng Sary in 1996"}
		reason := "the party's own documents use Movement; 'Party' is the KNSP article's slip"
		for _, st := range stored {
			e := st.Event
			fix := e.Fact
			switch p := e.Payload.(type) {
			case events.EntityNamed:
				if p.Name != "Democratic National Union Party" || p.NameType != events.NameOfficial {
					continue
				}
				p.Name = "Democratic National Union Movement"
				fix.Payload = p
			case events.PartyFounded:
				if p.Name != "Democratic National Union Party" {
					continue
				}
				p.Name = "Democratic National Union Movement"
				fix.Payload = p
			default:
				continue
			}
			fix.Source, fix.Supersedes, fix.Reason, fix.Note = src, []ulid.ULID{e.ID}, reason, ""
			fixes = append(fixes, fix)
		}
		if len(fixes) != 2 {
			t.Fatalf("claims of the name Democratic National Union Party in the fixture = %d, want 2", len(fixes))
		}
		if _, err := rec.Record(ctx, fixes); err != nil {
			return err
		}
		// Withdraw the running text's claim that the NADK was the CNUP's armed wing.
		cnup, err := rec.Store.EntityEvents(ctx, "cambodian-national-unity-party")
		if err != nil {
			return err
		}
		for _, st := range cnup {
			if w, ok := st.Event.Payload.(events.PartyWing); ok && w.Kind == "armed wing" && st.Event.Entity == "cambodian-national-unity-party" {
				_, err := rec.Record(ctx, []events.Fact{{Type: events.TypeRecordRetracted, Entity: st.Event.Entity,
					Date: events.MustParseDate("XXXX"), Payload: events.RecordRetracted{}, Supersedes: []ulid.ULID{st.Event.ID},
					Reason: "\"was said to be\" reports a rumour, not a fact",
					Source: events.Source{Title: "Editorial review", URL: "https://example.org/review/1", Quote: "duplicate claim withdrawn"}}})
				return err
			}
		}
		t.Fatal("no armed wing of the CNUP in the fixture")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"ANNALS_DATA": dir}
	norm := func(s string) string { return strings.ReplaceAll(s, dir, "$ANNALS_DATA") }
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"known-at-before-correction", []string{"state", "--at", "1997-01-01", "--party", "Democratic National Union Movement", "--known-at", "2026-11-01"}},
		{"known-at-after-correction", []string{"state", "--at", "1997-01-01", "--party", "Democratic National Union Movement"}},
		{"known-at-rfc3339-json", []string{"state", "--at", "1995-03-01", "--party", "CNUP", "--known-at", "2026-11-01T09:30:00Z", "--json"}},
		{"after-retraction", []string{"state", "--at", "1995-03-01", "--party", "CNUP"}},
		{"history-dnum", []string{"history", "--party", "Democratic National Union Party"}},
		{"history-dnum-json", []string{"history", "--party", "democratic-national-union-movement", "--json"}},
		{"diff-1995-1998", []string{"diff", "--from", "1995-01-01", "--to", "1998-01-01", "--party", "CNUP"}},
		{"replay-1996-1997", []string{"replay", "--from", "1996", "--to", "1997"}},
		{"replay-cnrp-2017-json", []string{"replay", "--from", "2017-09", "--to", "2017-11-16", "--party", "cnrp", "--json"}},
		{"error-known-at", []string{"state", "--at", "1995-03-01", "--known-at", "last tuesday"}},
		{"error-history-both", []string{"history"}},
		{"error-diff-reversed", []string{"diff", "--from", "1998-01-01", "--to", "1995-01-01"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "correct-"+tt.name, norm(run(env, tt.args...)))
		})
	}
	// --known-at an event id is the record just before that event: here, the correction of the name.
	var doc struct {
		Chains []struct {
			Steps []struct {
				Action  string `json:"action"`
				EventID string `json:"event_id"`
			} `json:"steps"`
		} `json:"chains"`
	}
	hist := run(env, "history", "--party", "democratic-national-union-movement", "--json")
	if err := json.Unmarshal([]byte(strings.SplitN(hist, "--- stderr", 2)[0][len("$ query history --party democratic-national-union-movement --json\n"):]), &doc); err != nil {
		t.Fatalf("history --json: %v\n%s", err, hist)
	}
	var correction string
	for _, ch := range doc.Chains {
		for _, st := range ch.Steps {
			if st.Action == "corrected" {
				correction = st.EventID
			}
		}
	}
	before := run(env, "state", "--at", "1997-01-01", "--party", "Democratic National Union Movement", "--known-at", "2026-11-01")
	byID := run(env, "state", "--at", "1997-01-01", "--party", "Democratic National Union Movement", "--known-at", correction)
	if correction == "" || strings.SplitN(byID, "\n", 2)[1] != strings.SplitN(before, "\n", 2)[1] {
		t.Errorf("--known-at %s (the correction) =\n%s\nwant the record before it:\n%s", correction, byID, before)
	}
	// The history of one event: the rejected claim, and the correction that superseded it.
	out := run(env, "history", "--party", "cnup", "--json")
	if !strings.Contains(out, `"action": "retracted"`) || !strings.Contains(out, "reports a rumour") {
		t.Errorf("history --party cnup = %s, want the retraction with its reason", out)
	}
}
