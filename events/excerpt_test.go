package events

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name string
		s    string
		n    int
		want string
	}{
		{"short", "abc", 10, `"abc"`},
		{"empty", "", 10, `""`},
		{"exactly n", "abcdefghij", 10, `"abcdefghij"`},
		{"one over", "abcdefghijk", 10, `"abcdefghij…" (11 bytes)`},
		{"long", strings.Repeat("a", 1204511), 3, `"aaa…" (1,204,511 bytes)`},
		{"escapes count", "\x00\x01\x02", 8, `"\x00\x01…" (3 bytes)`},
		{"cut on a rune boundary", "ពពពព", 5, `"ព…" (12 bytes)`}, // ព is 3 bytes
		{"invalid UTF-8", "\xff\xfe\xfd", 8, `"\xff\xfe…" (3 bytes)`},
		{"default", strings.Repeat("b", 300), 0, `"` + strings.Repeat("b", DefaultExcerpt) + `…" (300 bytes)`},
		{"thousands", strings.Repeat("c", 1000), 1, `"c…" (1,000 bytes)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Excerpt(tt.s, tt.n); got != tt.want {
				t.Errorf("Excerpt(%.20q, %d) = %s, want %s", tt.s, tt.n, got, tt.want)
			}
		})
	}
}

// An excerpt of any input is at most n quoted bytes, an ellipsis and a length, and valid UTF-8.
func FuzzExcerpt(f *testing.F) {
	for _, s := range []string{"", "abc", "ពពពព", "\xff\x00", strings.Repeat("x", 500)} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n%300 + 1
		if n < 1 {
			n += 300
		}
		got := Excerpt(s, n)
		if len(got) > n+len(`"…" (1,000,000,000 bytes)`) {
			t.Fatalf("Excerpt(%q, %d) = %s: %d bytes, too long", s, n, got, len(got))
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Excerpt(%q, %d) = %q: not valid UTF-8", s, n, got)
		}
	})
}
