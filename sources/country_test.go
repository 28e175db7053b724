package sources

import "testing"

// A qualifier names a country by itself, by a word of its people that begins as it does, or by one
// that does not; another country's word does not.
func TestCountryAgrees(t *testing.T) {
	for _, tt := range []struct {
		country, qualifier string
		want               bool
	}{
		{"Greece", "Greece", true},
		{"Greece", "Greek", true},
		{"Morocco", "Moroccan", true},
		{"Poland", "Polish", true},
		{"Finland", "Finnish", true},
		{"Argentina", "Argentina", true},
		{"Netherlands", "Dutch", true},
		{"Poland", "Portuguese", false},
		{"Finland", "French", false},
		{"Tunisia", "Turkish", false},
	} {
		if got := countryAgrees(tt.country, tt.qualifier); got != tt.want {
			t.Errorf("countryAgrees(%q, %q) = %v, want %v", tt.country, tt.qualifier, got, tt.want)
		}
	}
}
