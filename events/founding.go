package events

// Founds returns the parties whose founding an event dates: a founding or a merger founds the event's
// own party (not a merger into a party that existed before it, PartyMerged.Absorbed), a split founds
// the new party, and a succession by transformation founds the successor.
// It returns nil for every other event. The party fold (projections.Party) and the store's lifetime
// index both read founding claims through it, so that they cannot disagree on what founds a party.
func Founds(e Event) []EntityID {
	switch p := e.Payload.(type) {
	case PartyFounded:
		return []EntityID{e.Entity}
	case PartyMerged:
		if !p.Absorbed {
			return []EntityID{e.Entity}
		}
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
