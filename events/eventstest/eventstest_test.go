package eventstest

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"annals/events"
)

// TestModelConforms runs the conformance suite against the in-memory model, so that the suite's
// hand-written expectations and the model the property test trusts are checked against each other.
func TestModelConforms(t *testing.T) {
	TestStore(t, func(t *testing.T) events.Store { return newModel() })
}

// TestMemoryLogConforms runs the events.Log conformance suite against MemoryLog.
func TestMemoryLogConforms(t *testing.T) {
	TestLog(t, func(t *testing.T) events.Log { return NewMemoryLog() })
}

func TestNewEvent(t *testing.T) {
	f := Named("cnrp", events.KindParty, "CNRP", "2012-07-17")
	e := NewEvent(t, f, BaseMS)
	if got := e.ID.Time(); got != BaseMS {
		t.Errorf("NewEvent(f, %d).ID.Time() = %d, want %d", BaseMS, got, BaseMS)
	}
	if want := time.UnixMilli(int64(BaseMS)).UTC(); !e.Recorded.Equal(want) || e.Recorded.Location() != time.UTC {
		t.Errorf("NewEvent(f, %d).Recorded = %v, want %v", BaseMS, e.Recorded, want)
	}
	if again := NewEvent(t, f, BaseMS); again.ID != e.ID || !bytes.Equal(Encode(t, again), Encode(t, e)) {
		t.Errorf("NewEvent(f, %d) twice = %s and %s, want the same event", BaseMS, e.ID, again.ID)
	}
	tests := []struct {
		name string
		f    events.Fact
		ms   uint64
	}{
		{"later", f, BaseMS + 1},
		{"another fact", Named("cnrp", events.KindParty, "CNRP ", "2012-07-17"), BaseMS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if other := NewEvent(t, tt.f, tt.ms); other.ID == e.ID {
				t.Errorf("NewEvent(%s, %d).ID = %s, the same as another event's", tt.f.ID(), tt.ms, other.ID)
			}
		})
	}
	if later := NewEvent(t, f, BaseMS+1); later.ID.Compare(e.ID) <= 0 {
		t.Errorf("NewEvent(f, %d).ID = %s, not after NewEvent(f, %d).ID = %s", BaseMS+1, later.ID, BaseMS, e.ID)
	}
	data := Encode(t, e)
	decoded, err := events.DecodeEvent(data)
	if err != nil || !bytes.Equal(Encode(t, decoded), data) {
		t.Errorf("DecodeEvent(%s) = %v, want the event back", data, err)
	}
}

func TestNewEventInvalid(t *testing.T) {
	bad := Named("CNRP", events.KindParty, "CNRP", "2012") // an entity id must be lowercase
	if _, err := newEvent(bad, BaseMS); !errors.Is(err, events.ErrInvalid) {
		t.Errorf("newEvent(entity %q) = %v, want ErrInvalid", bad.Entity, err)
	}
}

func TestStored(t *testing.T) {
	a := NewEvent(t, Named("cnrp", events.KindParty, "CNRP", "2012"), BaseMS)
	b := NewEvent(t, Named("cpp", events.KindParty, "CPP", "1991"), BaseMS+1)
	got := Stored(7, a, b)
	if len(got) != 2 || got[0].Seq != 7 || got[0].Event.ID != a.ID || got[1].Seq != 8 || got[1].Event.ID != b.ID {
		t.Errorf("Stored(7, a, b) = %s, want a at 7 and b at 8", labels(got))
	}
}
