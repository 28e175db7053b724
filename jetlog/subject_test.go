package jetlog

import (
	"strings"
	"testing"

	"annals/events"
	"annals/events/eventstest"
)

// Every registered type is a run of plain subject tokens: no wildcard, no white space, no empty token.
func TestTypeTokens(t *testing.T) {
	for _, tp := range events.Types() {
		tok := typeTokens(tp)
		if strings.ContainsAny(tok, "/*> \t") || strings.Contains(tok, "..") || !strings.HasSuffix(tok, ".v1") {
			t.Errorf("typeTokens(%s) = %q, want dot-separated tokens ending in .v1", tp, tok)
		}
	}
	if got, want := typeTokens(events.TypePartyBanned), "party.banned.v1"; got != want {
		t.Errorf("typeTokens(%s) = %q, want %q", events.TypePartyBanned, got, want)
	}
}

func TestSubjectOf(t *testing.T) {
	e := eventstest.NewEvent(t, eventstest.Founded("cambodian-national-unity-party", "CNUP", "1992"), eventstest.BaseMS)
	if got, want := Subject("annals.history", e), "annals.history.cambodian-national-unity-party.party.founded.v1"; got != want {
		t.Errorf("Subject(%q, e) = %q, want %q", "annals.history", got, want)
	}
	if got, want := entitySubjects("annals.history", e.Entity), "annals.history.cambodian-national-unity-party.>"; got != want {
		t.Errorf("entitySubjects(%q, %s) = %q, want %q", "annals.history", e.Entity, got, want)
	}
}
