package projections

import "testing"

// TestFigure checks the number a result's figure begins with, as the disputes compare them.
func TestFigure(t *testing.T) {
	for s, want := range map[string]string{
		"4 / 233":         "4",
		"2.30%":           "2.3",
		" 1,204.5 votes ": "1204.5",
		"12.":             "12",
		"3.x":             "3",
		"07":              "7",
		"new":             "",
		"—":               "",
		"":                "",
		"٣٤":              "", // digits of other scripts are not read as numbers
		"1,,2":            "12",
	} {
		if got := figure(s); got != want {
			t.Errorf("figure(%q) = %q, want %q", s, got, want)
		}
	}
}
