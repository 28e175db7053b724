package jetlog

import (
	"strings"

	"annals/events"
)

// Subject returns the subject the log publishes e on under prefix: "<prefix>.<entity>.<type tokens>",
// the type's wire name with its "/" made a ".", for example
// "annals.history.cambodia-national-rescue-party.party.banned.v1". Read refuses an event published
// on any other subject (see Trusting).
func Subject(prefix string, e events.Event) string {
	return prefix + "." + string(e.Entity) + "." + typeTokens(e.Type)
}

// typeTokens returns t as a run of subject tokens: "party.founded/v1" becomes "party.founded.v1".
func typeTokens(t events.Type) string { return strings.ReplaceAll(string(t), "/", ".") }

// entitySubjects returns the subjects of every event of an entity under prefix: "<prefix>.<entity>.>".
func entitySubjects(prefix string, id events.EntityID) string {
	return prefix + "." + string(id) + ".>"
}
