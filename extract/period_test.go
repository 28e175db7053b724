package extract

import "testing"

// ProsePeriod reads a term as tables and lists write it.
func TestProsePeriod(t *testing.T) {
	tests := []struct{ in, start, end string }{
		{"1956–1961", "1956", "1961"},
		{"1956-1961", "1956", "1961"},
		{"April 1972 – 1976", "1972-04", "1976"},
		{"1991–present", "1991", ""},
		{"1991-present", "1991", ""},
		{"1991–", "1991", ""},
		{"since 1983", "1983", ""},
		{"1998 to 2003", "1998", "2003"},
		{"1998", "1998", "1998"},
		{"(3 May 1990 – 12 June 1995)", "1990-05-03", "1995-06-12"},
		{"spring 1969 – 1970", "1969-21", "1970"},
	}
	for _, tt := range tests {
		start, end, err := ProsePeriod(tt.in)
		if err != nil || start != tt.start || end != tt.end {
			t.Errorf("ProsePeriod(%q) = %q, %q, %v; want %q, %q", tt.in, start, end, err, tt.start, tt.end)
		}
	}
	for _, bad := range []string{"", "the 1990s", "1990–soon", "Jan"} {
		if _, _, err := ProsePeriod(bad); err == nil {
			t.Errorf("ProsePeriod(%q): no error, want one", bad)
		}
	}
}
