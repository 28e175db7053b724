package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"annals/document"
	"annals/events"
)

// A goldSet is articles with hand-curated facts of their running text: the seeds (NAME.txt with
// NAME.facts.json) and the articles written for this test (testdata/gold: NAME.txt with
// NAME.gold.json, in the facts-file format).
type goldSet struct {
	name   string
	dir    string
	suffix string
	// required says whether the set must meet the figures; a held-out set is measured and reported
	// only, so that no rule is fitted to it.
	required bool
}

var goldSets = []goldSet{
	{"seeds", "../seeds", ".facts.json", true},
	{"own articles", "testdata/gold", ".gold.json", true},
	{"held-out articles", "testdata/heldout", ".gold.json", false},
	{"second held-out articles", "testdata/heldout2", ".gold.json", false},
	{"third held-out articles", "testdata/heldout3", ".gold.json", false},
}

// score counts, for one event type, the gold facts, the drafted facts and the pairs that match.
type score struct{ gold, drafted, matched int }

func (s score) precision() float64 { return ratio(s.matched, s.drafted) }
func (s score) recall() float64    { return ratio(s.matched, s.gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// scoreSet drafts the running text of every article of a gold set as if it had no facts file and
// matches the drafted facts to the curated ones: the same type and entity, compatible dates and the
// same key fields (SameClaim). Each fact is matched at most once, a same-day pair first.
func scoreSet(t *testing.T, set goldSet) (map[events.Type]*score, []string) {
	t.Helper()
	docs, err := filepath.Glob(filepath.Join(set.dir, "*.txt"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no articles in %s: %v", set.dir, err)
	}
	scores := map[events.Type]*score{}
	var misses []string
	at := func(typ events.Type) *score {
		if scores[typ] == nil {
			scores[typ] = &score{}
		}
		return scores[typ]
	}
	for _, path := range docs {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := document.Parse(filepath.Base(path), data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		goldPath := strings.TrimSuffix(path, ".txt") + set.suffix
		gdata, err := os.ReadFile(goldPath)
		if err != nil {
			t.Fatal(err)
		}
		curated, err := ParseCurated(goldPath, gdata)
		if err != nil {
			t.Fatalf("%s: %v", goldPath, err)
		}
		for _, f := range curated.Facts {
			if !doc.ContainsQuote(f.Source.Quote) {
				t.Errorf("%s: gold quote %q is not in %s", goldPath, f.Source.Quote, path)
			}
		}
		subject := curated.Subject
		if subject == "" {
			subject = events.Slug(doc.Title)
		}
		var gold, drafted []events.Fact
		for _, f := range curated.Facts {
			if scored(f.Type) {
				gold = append(gold, f)
			}
		}
		for _, f := range Draft(doc, subject) {
			if !f.Drafted() || f.Rule == "" {
				t.Errorf("%s: drafted fact %s about %s is not marked drafted with its rule", path, f.Type, f.Entity)
			}
			if !doc.ContainsQuote(f.Source.Quote) {
				t.Errorf("%s: drafted quote %q is not in the document", path, f.Source.Quote)
			}
			if scored(f.Type) {
				drafted = append(drafted, f)
			}
		}
		matchedGold := make([]bool, len(gold))
		matchedDraft := make([]bool, len(drafted))
		for pass := 0; pass < 2; pass++ {
			for i, g := range gold {
				for j, d := range drafted {
					if matchedGold[i] || matchedDraft[j] || !SameClaim(g, d) || pass == 0 && g.Date.String() != d.Date.String() {
						continue
					}
					matchedGold[i], matchedDraft[j] = true, true
				}
			}
		}
		for i, g := range gold {
			at(g.Type).gold++
			if matchedGold[i] {
				at(g.Type).matched++
			} else {
				misses = append(misses, fmt.Sprintf("missed  %s %s %s %s %q", filepath.Base(path), g.Type, g.Entity, g.Date, KeyOf(g)))
			}
		}
		for j, d := range drafted {
			at(d.Type).drafted++
			if !matchedDraft[j] {
				misses = append(misses, fmt.Sprintf("extra   %s %s %s %s %q [%s] %q", filepath.Base(path), d.Type, d.Entity, d.Date, KeyOf(d), d.Rule, d.Source.Quote))
			}
		}
	}
	return scores, misses
}

// scored reports whether facts of a type count in the figures: the types Draft drafts, and names.
func scored(t events.Type) bool {
	if t == events.TypeEntityNamed {
		return true
	}
	for _, d := range DraftedTypes {
		if d == t {
			return true
		}
	}
	return false
}

// table renders scores as a Markdown table, one row a type and the overall row over the event types
// (names apart: the curated files name every entity a sentence mentions, the drafter only those its
// facts involve).
func table(scores map[events.Type]*score) (string, score) {
	var types []string
	for t := range scores {
		types = append(types, string(t))
	}
	sort.Strings(types)
	var b strings.Builder
	b.WriteString("| event type | curated | drafted | matched | precision | recall |\n|---|---:|---:|---:|---:|---:|\n")
	var all score
	row := func(name string, s score) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %.0f%% | %.0f%% |\n", name, s.gold, s.drafted, s.matched, 100*s.precision(), 100*s.recall())
	}
	for _, t := range types {
		s := *scores[events.Type(t)]
		if events.Type(t) != events.TypeEntityNamed {
			all.gold, all.drafted, all.matched = all.gold+s.gold, all.drafted+s.drafted, all.matched+s.matched
			row(t, s)
		}
	}
	row("**all event types**", all)
	if s, ok := scores[events.TypeEntityNamed]; ok {
		row("entity.named/v1 (names, not in the overall row)", *s)
	}
	return b.String(), all
}

// TestExtractionQuality measures the drafter against hand-curated facts and prints the tables the
// README reports. Required on the seeds and our own articles: recall of at least 70% and precision
// of at least 85% over the event types Draft drafts; held-out articles are measured and reported.
func TestExtractionQuality(t *testing.T) {
	for _, set := range goldSets {
		t.Run(set.name, func(t *testing.T) {
			scores, misses := scoreSet(t, set)
			tab, all := table(scores)
			t.Logf("extraction quality on the %s:\n%s", set.name, tab)
			if testing.Verbose() {
				t.Logf("differences:\n%s", strings.Join(misses, "\n"))
			}
			// The README reports this table: it must be the one measured.
			readme, err := os.ReadFile("../README.md")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(readme), tab) {
				t.Errorf("README.md does not show the table measured on the %s; put it there:\n%s", set.name, tab)
			}
			if set.required && (all.recall() < 0.70 || all.precision() < 0.85) {
				t.Errorf("on the %s: recall %.1f%% (want >= 70%%), precision %.1f%% (want >= 85%%)\n%s",
					set.name, 100*all.recall(), 100*all.precision(), strings.Join(misses, "\n"))
			}
		})
	}
}
