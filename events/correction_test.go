package events

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
)

func TestCorrectionFields(t *testing.T) {
	target := ulid.MustParse("01J0000000000000000000000A")
	base := exampleFact(PartyDissolved{})
	corr := base
	corr.Supersedes = []ulid.ULID{target}
	corr.Reason = "the infobox gives the wrong year"
	if corr.ID() == base.ID() {
		t.Errorf("a correction has the same FactID as the fact it restates: supersedes and reason must count")
	}
	e, err := NewEvent(corr, ulid.MustParse("01J0000000000000000000000B"), time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	data, err := EncodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"supersedes":["01J0000000000000000000000A"],"reason":"the infobox gives the wrong year"`) {
		t.Errorf("EncodeEvent(correction) = %s, want supersedes and reason on the wire", data)
	}
	back, err := DecodeEvent(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Supersedes) != 1 || back.Supersedes[0] != target || back.Reason != corr.Reason {
		t.Errorf("DecodeEvent(correction) = %v %q, want [%s] %q", back.Supersedes, back.Reason, target, corr.Reason)
	}
	plain, _ := EncodeEvent(Event{ID: e.ID, Fact: base, Recorded: e.Recorded})
	if strings.Contains(string(plain), "supersedes") || strings.Contains(string(plain), "reason") {
		t.Errorf("EncodeEvent(plain fact) = %s, want no supersedes or reason keys", plain)
	}

	bad := []struct {
		name string
		edit func(*Fact)
		say  string
	}{
		{"no reason", func(f *Fact) { f.Supersedes = []ulid.ULID{target} }, "needs a reason"},
		{"blank reason", func(f *Fact) { f.Supersedes = []ulid.ULID{target}; f.Reason = "  " }, "needs a reason"},
		{"reason without target", func(f *Fact) { f.Reason = "why" }, "supersedes no event"},
		{"zero id", func(f *Fact) { f.Supersedes = []ulid.ULID{{}}; f.Reason = "why" }, "zero id"},
		{"twice", func(f *Fact) { f.Supersedes = []ulid.ULID{target, target}; f.Reason = "why" }, "twice"},
		{"retraction without target", func(f *Fact) { *f = exampleFact(RecordRetracted{}); f.Supersedes = nil; f.Reason = "" }, "must name the events"},
	}
	for _, tt := range bad {
		f := base
		tt.edit(&f)
		err := f.Validate()
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.say) {
			t.Errorf("%s: Validate() = %v, want ErrInvalid saying %q", tt.name, err, tt.say)
		}
	}
}
