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

// Ends returns the parties whose existence an event ends: the party of a dissolution, a ban, a
// declaration of illegality or a cessation of activity, and the members of a merger (they live on in
// the merged party; not the party they merged into, when it is among them). It returns nil for every
// other event: a split, a rename or a succession ends nobody (a party that "morphed into" another
// may be told elsewhere to have lived on). A party restored (PartyRestored) after any of them is
// active again. The fold of a day (projections.Party) and the fold of a period both read endings
// through it, so that they cannot disagree on what ends a party.
func Ends(e Event) []EntityID {
	switch p := e.Payload.(type) {
	case PartyDissolved, PartyBanned, PartyDeclaredIllegal, PartyCeased:
		return []EntityID{e.Entity}
	case PartyMerged:
		var out []EntityID
		for _, m := range p.Members {
			if m != e.Entity && m != "" {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}
