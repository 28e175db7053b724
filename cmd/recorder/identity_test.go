package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"annals/boltstore"
	"annals/events"
)

const identityDocs = "../../sources/testdata/identity"

// readStore opens the store of a data directory read only and passes it to fn.
func readStore(t *testing.T, data string, fn func(ctx context.Context, s *boltstore.Store)) {
	t.Helper()
	s, err := boltstore.Open(filepath.Join(data, boltstore.FileName), boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fn(context.Background(), s)
}

// factIDs returns the fact ids of every event of a record, sorted.
func factIDs(t *testing.T, data string) []events.FactID {
	t.Helper()
	var out []events.FactID
	readStore(t, data, func(ctx context.Context, s *boltstore.Store) {
		if err := s.Scan(ctx, 1, func(st events.Stored) error {
			out = append(out, st.Event.Fact.ID())
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	})
	slices.Sort(out)
	return out
}

func ingest(t *testing.T, at time.Time, data string, paths ...string) string {
	t.Helper()
	out, code := run(t, at, append([]string{"ingest", "--data", data}, paths...)...)
	if code != 0 {
		t.Fatalf("ingest %s: %s", paths, out)
	}
	return out
}

// An article titled "X (Country)" joins the X other documents named: in one run with them or in a
// later one, the same facts, and no entity under the title's own id.
func TestIngestJoinsTheEntityATitleNames(t *testing.T) {
	tests := []struct {
		name    string
		first   string // what names X
		article string // "X (P)"
		joined  events.EntityID
		own     events.EntityID
		name0   string // X
		abbrev  string // the article's abbreviation, now X's
	}{
		{"seeds and the PDK", "../../seeds", identityDocs + "/pdk/party-of-democratic-kampuchea-cambodia.txt",
			"party-of-democratic-kampuchea", "party-of-democratic-kampuchea-cambodia", "Party of Democratic Kampuchea", "PDK"},
		{"a lineage and the Romanian SDP", identityDocs + "/romania/party-of-social-democracy-in-romania.txt",
			identityDocs + "/romania/social-democratic-party-romania.txt",
			"social-democratic-party", "social-democratic-party-romania", "Social Democratic Party", "PSD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			oneRun, twoRuns := t.TempDir(), t.TempDir()
			out := ingest(t, t0, oneRun, tt.first, tt.article)
			if strings.Contains(out, "warning") {
				t.Errorf("ingest in one run warned: %s", out)
			}
			ingest(t, t0, twoRuns, tt.first)
			if out := ingest(t, t0.Add(time.Hour), twoRuns, tt.article); strings.Contains(out, "warning") {
				t.Errorf("ingest of the article warned: %s", out)
			}
			if a, b := factIDs(t, oneRun), factIDs(t, twoRuns); !slices.Equal(a, b) {
				t.Errorf("one run recorded %d facts, two runs %d: want the same facts", len(a), len(b))
			}
			// Ingesting the article again records nothing.
			if out := ingest(t, t0.Add(2*time.Hour), twoRuns, tt.article); !strings.HasPrefix(out, "recorded 0 new facts") {
				t.Errorf("ingest again = %q, want nothing new", out)
			}
			readStore(t, oneRun, func(ctx context.Context, s *boltstore.Store) {
				if _, ok, _ := s.Entity(ctx, tt.own); ok {
					t.Errorf("the record holds %s: the article made an entity of its own", tt.own)
				}
				if ids, _ := s.Resolve(ctx, tt.abbrev); !slices.Equal(ids, []events.EntityID{tt.joined}) {
					t.Errorf("Resolve(%q) = %q, want %s", tt.abbrev, ids, tt.joined)
				}
				stored, err := s.EntityEvents(ctx, tt.joined)
				if err != nil {
					t.Fatal(err)
				}
				var join, founded bool
				for _, st := range stored {
					e := st.Event
					switch p := e.Payload.(type) {
					case events.EntityNamed:
						if p.NameType == events.NameAlternate && strings.HasPrefix(p.Name, tt.name0+" (") {
							join = e.Note != "" && strings.Contains(e.Note, string(tt.joined)) && e.Source.Quote == p.Name
						}
					case events.PartyFounded:
						founded = founded || e.Entity == tt.joined && p.Name == tt.name0
					}
				}
				if !join {
					t.Errorf("no alternate name of %s quotes the article's title with the evidence as its note", tt.joined)
				}
				if !founded {
					t.Errorf("%s has no founding as %q from the article", tt.joined, tt.name0)
				}
			})
		})
	}
}

// A title that may name several entities warns, lists them, and keeps its own id.
func TestIngestAmbiguousTitleWarns(t *testing.T) {
	data := t.TempDir()
	ingest(t, t0, data, identityDocs+"/romania")
	dir := t.TempDir()
	germany := filepath.Join(dir, "spd.facts.json")
	if err := os.WriteFile(germany, []byte(`{"facts":[{"type":"entity.named/v1","entity":"social-democratic-party-of-germany","date":"XXXX",
	  "source":{"title":"A reference","url":"https://example.org/spd","quote":"the Social Democratic Party of Germany"},
	  "payload":{"kind":"party","name":"Social Democratic Party","name_type":"official"}}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, t0.Add(time.Hour), "append", "--data", data, germany); code != 0 {
		t.Fatalf("append: %s", out)
	}
	austria := filepath.Join(dir, "social-democratic-party-austria.txt")
	if err := os.WriteFile(austria, []byte("= Social Democratic Party (Austria) =\n\nSocial Democratic Party\n- Foundation: 1889\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := ingest(t, t0.Add(2*time.Hour), data, austria)
	for _, want := range []string{"warning: social-democratic-party-austria.txt:", "may name any of 2 parties",
		"\n  social-democratic-party  (", "\n  social-democratic-party-of-germany  (", "keeps its own id social-democratic-party-austria"} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest = %q, want it to say %q", out, want)
		}
	}
	readStore(t, data, func(ctx context.Context, s *boltstore.Store) {
		if _, ok, _ := s.Entity(ctx, "social-democratic-party-austria"); !ok {
			t.Errorf("the article did not keep its own id")
		}
	})
}

// A document whose title is a stub's name fills the stub: one entity, which the seeds' links reach.
func TestIngestFillsAStub(t *testing.T) {
	data := t.TempDir()
	ingest(t, t0, data, "../../seeds")
	out := ingest(t, t0.Add(time.Hour), data, identityDocs+"/stub")
	if strings.Contains(out, "warning") {
		t.Errorf("ingest warned: %s", out)
	}
	readStore(t, data, func(ctx context.Context, s *boltstore.Store) {
		for _, name := range []string{"Party of Democratic Kampuchea", "PDK"} {
			if ids, _ := s.Resolve(ctx, name); !slices.Equal(ids, []events.EntityID{"party-of-democratic-kampuchea"}) {
				t.Errorf("Resolve(%q) = %q, want the one party-of-democratic-kampuchea", name, ids)
			}
		}
		stored, err := s.EntityEvents(ctx, "party-of-democratic-kampuchea")
		if err != nil {
			t.Fatal(err)
		}
		var founded, linked bool
		for _, st := range stored {
			switch p := st.Event.Payload.(type) {
			case events.PartyFounded:
				founded = true
			case events.PartySucceeded:
				linked = linked || p.Successor == "cambodian-national-unity-party"
			}
		}
		if !founded || !linked {
			t.Errorf("party-of-democratic-kampuchea: founded %v, succeeded by the CNUP %v; want both", founded, linked)
		}
	})
}

// merge records a link between two entities; retracting it is the existing retract; the refusals.
func TestMerge(t *testing.T) {
	data := t.TempDir()
	ingest(t, t0, data, "../../seeds")
	src := []string{"--title", "A reference", "--url", "https://example.org/r", "--quote", "the CNUP and the KNSP were one"}
	out, code := run(t, t0.Add(time.Hour), append([]string{"merge", "--data", data, "CNUP", "khmer-national-solidarity-party",
		"--reason", "a test of merging"}, src...)...)
	if code != 0 {
		t.Fatalf("merge: %s", out)
	}
	id := strings.TrimSpace(strings.Split(out, "--- stderr")[0])
	readStore(t, data, func(ctx context.Context, s *boltstore.Store) {
		stored, err := s.EntityEvents(ctx, "khmer-national-solidarity-party")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, st := range stored {
			if st.Event.ID.String() == id {
				p, _ := st.Event.Payload.(events.EntitySameAs)
				found = st.Event.Entity == "cambodian-national-unity-party" && p.Other == "khmer-national-solidarity-party" && st.Event.Note == "a test of merging"
			}
		}
		if !found {
			t.Errorf("merge event %s is not a link from the CNUP to the KNSP among the KNSP's events", id)
		}
	})
	if out, code := run(t, t0.Add(2*time.Hour), "retract", "--data", data, id, "--reason", "not one party", "--title", "T", "--url", "U", "--quote", "q"); code != 0 {
		t.Errorf("retract the merge: %s", out)
	}
	tests := []struct {
		name string
		args []string
		code int
		say  string
	}{
		{"one entity", []string{"A", "B"}, 2, "merge needs two entities"},
		{"no reason", []string{"cnup", "pdk", "--title", "T", "--url", "U", "--quote", "q"}, 2, "merge needs --reason"},
		{"the same entity", []string{"cnup", "cambodian-national-unity-party", "--reason", "r", "--title", "T", "--url", "U", "--quote", "q"}, 1, "are both cambodian-national-unity-party"},
		{"unknown", []string{"cnup", "no such party", "--reason", "r", "--title", "T", "--url", "U", "--quote", "q"}, 1, `no entity of the record is known as "no such party"`},
		{"no source", []string{"cnup", "cnrp", "--reason", "r", "--quote", "q"}, 1, "needs a document, or a title"},
	}
	for _, tt := range tests {
		args := append([]string{"merge", "--data", data}, tt.args...)
		if tt.name == "one entity" {
			args = args[:len(args)-1]
		}
		out, code := run(t, t0.Add(3*time.Hour), args...)
		if code != tt.code || !strings.Contains(out, tt.say) {
			t.Errorf("%s: %q, want exit %d saying %q", tt.name, out, tt.code, tt.say)
		}
	}
}
