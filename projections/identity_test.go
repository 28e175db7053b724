package projections_test

import (
	"slices"
	"testing"
	"time"

	"annals/events"
	"annals/projections"

	"github.com/oklog/ulid/v2"
)

var tIdentity = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)

// ev builds an event recorded h hours after tIdentity.
func ev(h int, entity events.EntityID, p events.Payload, supersedes ...ulid.ULID) events.Event {
	at := tIdentity.Add(time.Duration(h) * time.Hour)
	e := events.Event{ID: ulid.MustNew(ulid.Timestamp(at), nil), Recorded: at}
	e.Type, e.Entity, e.Date, e.Payload = p.EventType(), entity, events.MustParseDate("XXXX"), p
	e.Source = events.Source{Title: "A reference", URL: "https://example.org/r", Quote: "the same party"}
	if len(supersedes) > 0 {
		e.Supersedes, e.Reason = supersedes, "a mistake"
	}
	return e
}

func same(h int, a, b events.EntityID) events.Event { return ev(h, a, events.EntitySameAs{Other: b}) }

func TestIdentities(t *testing.T) {
	ab := same(1, "a", "b")
	retracted := ev(5, "a", events.RecordRetracted{}, ab.ID)
	tests := []struct {
		name    string
		evs     []events.Event
		knownAt time.Time
		want    map[events.EntityID][]events.EntityID // id → Members(id)
	}{
		{"no links", []events.Event{ev(1, "a", events.PartyCeased{})}, time.Time{},
			map[events.EntityID][]events.EntityID{"a": {"a"}, "b": {"b"}}},
		{"one link", []events.Event{ab}, time.Time{},
			map[events.EntityID][]events.EntityID{"a": {"a", "b"}, "b": {"a", "b"}, "c": {"c"}}},
		{"the link's own entity is canonical", []events.Event{same(1, "b", "a")}, time.Time{},
			map[events.EntityID][]events.EntityID{"a": {"b", "a"}}},
		{"known before the link", []events.Event{ab}, tIdentity, map[events.EntityID][]events.EntityID{"a": {"a"}, "b": {"b"}}},
		{"known after the link", []events.Event{ab}, tIdentity.Add(time.Hour), map[events.EntityID][]events.EntityID{"b": {"a", "b"}}},
		{"retracted", []events.Event{ab, retracted}, time.Time{}, map[events.EntityID][]events.EntityID{"a": {"a"}, "b": {"b"}}},
		{"known before the retraction", []events.Event{ab, retracted}, tIdentity.Add(4 * time.Hour),
			map[events.EntityID][]events.EntityID{"b": {"a", "b"}}},
		{"a later link joins the group formed first", []events.Event{same(2, "c", "b"), ab}, time.Time{},
			map[events.EntityID][]events.EntityID{"c": {"a", "b", "c"}}},
		{"two groups: the older one's id", []events.Event{same(1, "c", "d"), same(2, "a", "b"), same(3, "b", "d")}, time.Time{},
			map[events.EntityID][]events.EntityID{"a": {"c", "a", "b", "d"}}},
		{"a link within a group changes nothing", []events.Event{ab, same(2, "b", "a")}, time.Time{},
			map[events.EntityID][]events.EntityID{"b": {"a", "b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := projections.Identities(tt.evs, tt.knownAt)
			for e, want := range tt.want {
				if got := id.Members(e); !slices.Equal(got, want) {
					t.Errorf("Members(%s) = %q, want %q", e, got, want)
				}
				if got := id.Canonical(e); got != want[0] {
					t.Errorf("Canonical(%s) = %q, want %q", e, got, want[0])
				}
				if got := id.Joined(e); got != (len(want) > 1) {
					t.Errorf("Joined(%s) = %v, want %v", e, got, len(want) > 1)
				}
			}
		})
	}
}

// The union of two members' events folds as one party: each event once, about the canonical id, and
// the links of other parties to either member reach it.
func TestIdentityUnionFolds(t *testing.T) {
	link := same(9, "pdk", "pdk-cambodia")
	founded := ev(1, "pdk-cambodia", events.PartyFounded{Name: "Party of Democratic Kampuchea"})
	founded.Date = events.MustParseDate("1981")
	named := ev(2, "pdk", events.EntityNamed{Kind: events.KindParty, Name: "Party of Democratic Kampuchea", NameType: events.NameOfficial})
	succeeded := ev(3, "pdk-cambodia", events.PartySucceeded{Successor: "cnup", Kind: events.SuccessionTransformation})
	succeeded.Date = events.MustParseDate("1992")
	from := ev(4, "khmer-rouge", events.PartySucceeded{Successor: "pdk", Kind: events.SuccessionTransformation})
	id := projections.Identities([]events.Event{link}, time.Time{})
	evs := id.Union([]events.Event{named, link, from}, []events.Event{founded, succeeded, link})
	if len(evs) != 5 {
		t.Fatalf("Union gave %d events, want 5 (the link once)", len(evs))
	}
	for _, e := range evs {
		if e.Entity == "pdk-cambodia" {
			t.Errorf("event %s is still about pdk-cambodia", e.Type)
		}
	}
	st := projections.Party("pdk", evs, day(t, "1995-01-01"), nil)
	if st.Founded.Value != "1981" || st.Name.Value != "Party of Democratic Kampuchea" {
		t.Errorf("Party(pdk) founded %q named %q, want 1981 and the one name", st.Founded.Value, st.Name.Value)
	}
	if len(st.Successors) != 1 || st.Successors[0].Entity != "cnup" || len(st.Predecessors) != 1 || st.Predecessors[0].Entity != "khmer-rouge" {
		t.Errorf("Party(pdk) successors %v predecessors %v, want cnup and khmer-rouge", st.Successors, st.Predecessors)
	}
	// The original events are left as they were.
	if founded.Entity != "pdk-cambodia" {
		t.Errorf("Union changed its argument")
	}
	if got := projections.Describe(id.Relabel(link), nil); got != "pdk is the same entity as pdk-cambodia [pdk-cambodia]" {
		t.Errorf("Describe(link) = %q", got)
	}
}

func day(t *testing.T, s string) events.Day {
	t.Helper()
	d, err := events.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
