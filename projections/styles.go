package projections

import "slices"

// Styles returns the other ways the claims behind a leader's line word the office (the line's Role
// aside), each once, in the order of the claims: the "(also styled …)" of the line.
func (l Leader) Styles() []string {
	var out []string
	for _, c := range l.Claims {
		if c.Value != l.Role && !slices.Contains(out, c.Value) {
			out = append(out, c.Value)
		}
	}
	return out
}
