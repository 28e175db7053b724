package extract

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"annals/events"
)

func fmtQ(s string) string { return fmt.Sprintf("%q", s) }

func TestProseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"30 November 1992", "1992-11-30"},
		{"1 May 1997", "1997-05-01"},
		{"01 May 1997", "1997-05-01"},
		{"30 november 1992", "1992-11-30"},
		{"  30   November\u00a01992  ", "1992-11-30"},
		{"29 February 2000", "2000-02-29"},
		{"November 1992", "1992-11"},
		{"NOVEMBER 1992", "1992-11"},
		{"1997", "1997"},
		{"0800", "0800"},
		{"c. 1997", "1997~"},
		{"C. 1997", "1997~"},
		{"circa 1997", "1997~"},
		{"about May 1997", "1997-05~"},
		{"c. 30 November 1992", "1992-11-30~"},
		{"July 17, 2012", "2012-07-17"},
		{"July 17 2012", "2012-07-17"},
		{"February 11, 2017", "2017-02-11"},
		{"1989 (June)", "1989-06"}, // an election table's year of two elections
		{"Spring 1997", "1997-21"},
		{"autumn 1968", "1968-23"},
		{"21 January 1978, Oruro", "1978-01-21"},     // the place after the date
		{"14 March 1998; Ulaanbaatar", "1998-03-14"}, // the same, after a semicolon
		{"early 1988", "1988"},                       // the year, as the running text reads it
		{"late 1975", "1975"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ProseDate(tt.in)
			if err != nil {
				t.Fatalf("ProseDate(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ProseDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if _, err := events.ParseDate(got); err != nil {
				t.Errorf("ProseDate(%q) = %q, which events.ParseDate refuses: %v", tt.in, got, err)
			}
		})
	}
}

func TestProseDateInvalid(t *testing.T) {
	for _, in := range []string{
		"30 Novembr 1992",
		"1992-11-30",
		"31 February 2017",
		"29 February 2001",
		"31 April 1990",
		"0 May 1990",
		"32 May 1990",
		"-1 May 1990",
		"May 32, 1990",
		"",
		"   ",
		"c.",
		"c. c. 1997",
		"sometime",
		"the 1990s",
		"1998, 2003", // two years are no date and a place
		"early in 1988",
		"1990s",
		"97",
		"19970",
		"١٩٩٧", // Arabic-Indic digits
		"1997?",
		"17 July, 2012",
		"30 November 1992 to 1997",
	} {
		t.Run(in, func(t *testing.T) {
			got, err := ProseDate(in)
			if err == nil {
				t.Fatalf("ProseDate(%q) = %q, want an error", in, got)
			}
			if !errors.Is(err, events.ErrInvalid) {
				t.Errorf("ProseDate(%q) error %v does not wrap events.ErrInvalid", in, err)
			}
			if !strings.Contains(err.Error(), fmtQ(in)) {
				t.Errorf("ProseDate(%q) error %q does not name the input", in, err)
			}
			if got != "" {
				t.Errorf("ProseDate(%q) = %q with an error, want \"\"", in, got)
			}
		})
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"2,946,176", 2946176, true},
		{"3,056,824", 3056824, true},
		{" 64,732 ", 64732, true},
		{"0", 0, true},
		{"2013", 2013, true},
		{"", 0, false},
		{"44.46%", 0, false},
		{"44.5", 0, false},
		{"−3", 0, false}, // a minus sign, not a hyphen
		{"n/a", 0, false},
		{"99,999,999,999,999,999,999", 0, false}, // overflows int64
	}
	for _, tt := range tests {
		got, ok := Number(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Number(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRole(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"President", "president"},
		{"Vice Presidents", "vice president"},
		{"vice presidents", "vice president"},
		{"Secretary-General", "secretary-general"},
		{"General Secretary", "general secretary"},
		{"Chairman", "chairman"},
		{"Leaders", "leader"},
		{"  Deputy   Leaders ", "deputy leader"},
		{"Military wing", "military wing"},
		{"Boss", "boss"}, // "ss" is not a plural
		{"Bus", "bus"},   // too short to be a plural
		{"Treasurers", "treasurer"},
		{"first president", "president"},
		{"new chairman", "chairman"},
		{"First Secretary", "first secretary"},
		{"first", "first"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Role(tt.in); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Khieu Samphan, Son Sen", []string{"Khieu Samphan", "Son Sen"}},
		{"Liberalism, Liberal democracy, Civic nationalism, Populism, Anti-Vietnamese sentiment",
			[]string{"Liberalism", "Liberal democracy", "Civic nationalism", "Populism", "Anti-Vietnamese sentiment"}},
		{"Cambodia National Rescue Movement, Khmer Will Party (self-declared; not legally), Candlelight Party (unofficial)",
			[]string{"Cambodia National Rescue Movement", "Khmer Will Party (self-declared; not legally)", "Candlelight Party (unofficial)"}},
		{"Agrarianism (co-operative, local), Socialism", []string{"Agrarianism (co-operative, local)", "Socialism"}},
		{"A (b (c, d), e), F", []string{"A (b (c, d), e)", "F"}},
		{`Democratic socialism, "Bread, work, and peace", Agrarianism`, []string{"Democratic socialism", `"Bread, work, and peace"`, "Agrarianism"}},
		{"Peace, “Bread, work”, Land", []string{"Peace", "“Bread, work”", "Land"}},
		{"A), B", []string{"A)", "B"}}, // an unmatched ")" does not open anything
		{"Liberal democracy", []string{"Liberal democracy"}},
		{" A ,, B , ", []string{"A", "B"}},
		{"", nil},
		{" , ,", nil},
		{"សង្គ្រោះ, បម្រើ", []string{"សង្គ្រោះ", "បម្រើ"}},
	}
	for _, tt := range tests {
		if got := splitList(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitQualifier(t *testing.T) {
	tests := []struct {
		in, name, qualifier string
	}{
		{"Khmer Will Party (self-declared; not legally)", "Khmer Will Party", "self-declared; not legally"},
		{"Candlelight Party (unofficial)", "Candlelight Party", "unofficial"},
		{"X Party (legal)", "X Party", "legal"},
		{"X Party ( legal )", "X Party", "legal"},
		{"Cambodia National Rescue Movement", "Cambodia National Rescue Movement", ""},
		{"(legal)", "(legal)", ""},                             // no name before the parenthesis
		{"X Party (legal) today", "X Party (legal) today", ""}, // the parenthesis must end the item
		{"Party of (the) People", "Party of (the) People", ""}, // likewise
	}
	for _, tt := range tests {
		name, qualifier := splitQualifier(tt.in)
		if name != tt.name || qualifier != tt.qualifier {
			t.Errorf("splitQualifier(%q) = %q, %q; want %q, %q", tt.in, name, qualifier, tt.name, tt.qualifier)
		}
	}
}

func TestSuccessionKind(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", events.SuccessionUnspecified},
		{"self-declared; not legally", events.SuccessionSelfDeclared},
		{"Self declared", events.SuccessionSelfDeclared},
		{"unofficial", events.SuccessionUnofficial},
		{"legal", events.SuccessionLegal},
		{"Legal successor", events.SuccessionLegal},
		{"legally", events.SuccessionLegal},
		{"morphed into", events.SuccessionTransformation},
		{"transformation", events.SuccessionTransformation},
		{"transformed", events.SuccessionTransformation},
		{"after 1993", events.SuccessionUnspecified},
		// Negated legality is not a legal succession.
		{"illegal", events.SuccessionUnspecified},
		{"not legally", events.SuccessionUnspecified},
		{"non-legal", events.SuccessionUnspecified},
	}
	for _, tt := range tests {
		if got := successionKind(tt.in); got != tt.want {
			t.Errorf("successionKind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitTranslation(t *testing.T) {
	tests := []struct {
		in, value, translation string
	}{
		{`"សង្គ្រោះ បម្រើ ការពារ" ("Rescue, Serve, Protect")`, "សង្គ្រោះ បម្រើ ការពារ", "Rescue, Serve, Protect"},
		{`"Zusammen, stark" ("Together, strong")`, "Zusammen, stark", "Together, strong"},
		{`“Ἥλιος ἀνατέλλει” (“The sun rises”)`, "Ἥλιος ἀνατέλλει", "The sun rises"},
		{`Rescue, Serve, Protect`, "Rescue, Serve, Protect", ""},
		{`"Rescue, Serve, Protect"`, "Rescue, Serve, Protect", ""},
		{`(Rescue)`, "(Rescue)", ""},
		{`Unity (in) diversity`, "Unity (in) diversity", ""},
	}
	for _, tt := range tests {
		value, translation := splitTranslation(tt.in)
		if value != tt.value || translation != tt.translation {
			t.Errorf("splitTranslation(%q) = %q, %q; want %q, %q", tt.in, value, translation, tt.value, tt.translation)
		}
	}
	// The Khmer slogan comes out byte for byte: the bytes of the infobox value between the quotes.
	const in = "\"សង្គ្រោះ បម្រើ ការពារ\" (\"Rescue, Serve, Protect\")"
	value, _ := splitTranslation(in)
	if want := in[1:strings.Index(in, "\" (")]; value != want {
		t.Errorf("splitTranslation(%q) value = % x, want % x", in, value, want)
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"គណបក្សសង្គ្រោះជាតិ", "km"},
		{"CNRP (គណបក្ស)", "km"},
		{"Cambodia National Rescue Party", ""},
		{"Ἥλιος ἀνατέλλει", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := language(tt.in); got != tt.want {
			t.Errorf("language(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct {
		title, base, paren string
		ok                 bool
	}{
		{"Party of Democratic Kampuchea (Cambodia)", "Party of Democratic Kampuchea", "Cambodia", true},
		{"Social Democratic Party (SDP) ", "Social Democratic Party", "SDP", true},
		{"Cambodian National Unity Party", "", "", false},
		{"(Cambodia)", "", "", false},
		{"X ()", "", "", false},
		{"X (a (b))", "", "", false},
		{"X (Cambodia) party", "", "", false},
	}
	for _, tt := range tests {
		base, paren, ok := SplitTitle(tt.title)
		if base != tt.base || paren != tt.paren || ok != tt.ok {
			t.Errorf("SplitTitle(%q) = %q, %q, %v, want %q, %q, %v", tt.title, base, paren, ok, tt.base, tt.paren, tt.ok)
		}
	}
}
