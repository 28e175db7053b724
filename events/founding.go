package events

// Founds returns the parties whose founding an event dates, as the party fold reads them: a
// founding or a merger founds the event's own party, a split founds the new party, and a succession
// by transformation founds the successor. It returns nil for every other event.
func Founds(e Event) []EntityID {
	switch p := e.Payload.(type) {
	case PartyFounded, PartyMerged:
		return []EntityID{e.Entity}
	case PartySplit:
		if p.NewParty != "" {
			return []EntityID{p.NewParty}
		}
	case PartySucceeded:
		if p.Kind == SuccessionTransformation && p.Successor != "" {
			return []EntityID{p.Successor}
		}
	}
	return nil
}
