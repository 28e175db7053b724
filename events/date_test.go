package events

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// day parses a YYYY-MM-DD literal, or ".." for MinDay or MaxDay as want says, for test tables.
func day(t testing.TB, s string) Day {
	t.Helper()
	d, err := ParseDay(s)
	if err != nil {
		t.Fatalf("ParseDay(%q): %v", s, err)
	}
	return d
}

// bound returns the Day a table writes as text: ".." is the open bound given, anything else is
// YYYY-MM-DD, with more year digits or a minus sign as Day.String writes them.
func bound(t testing.TB, s string, open Day) Day {
	t.Helper()
	if s == ".." {
		return open
	}
	var y, m, d int
	neg := strings.HasPrefix(s, "-")
	if _, err := fmt.Sscanf(strings.TrimPrefix(s, "-"), "%d-%d-%d", &y, &m, &d); err != nil {
		t.Fatalf("bad test day %q: %v", s, err)
	}
	if neg {
		y = -y
	}
	b := DayOf(y, m, d)
	if b.String() != s {
		t.Fatalf("bad test day %q: it is %s", s, b)
	}
	return b
}

type dateCase struct {
	in               string
	earliest, latest string // YYYY-MM-DD or ".."
	precision        Precision
	uncertain        bool
	approximate      bool
	human            string
}

var dateCases = []dateCase{
	// Level 0.
	{in: "1997", earliest: "1997-01-01", latest: "1997-12-31", precision: PrecisionYear, human: "1997"},
	{in: "1992-11", earliest: "1992-11-01", latest: "1992-11-30", precision: PrecisionMonth, human: "November 1992"},
	{in: "1992-11-30", earliest: "1992-11-30", latest: "1992-11-30", precision: PrecisionDay, human: "30 November 1992"},
	{in: "1995-01-01", earliest: "1995-01-01", latest: "1995-01-01", precision: PrecisionDay, human: "1 January 1995"},
	{in: "9999-12-31", earliest: "9999-12-31", latest: "9999-12-31", precision: PrecisionDay, human: "31 December 9999"},
	{in: "0001", earliest: "0001-01-01", latest: "0001-12-31", precision: PrecisionYear, human: "1"},
	{in: "1970-01-01", earliest: "1970-01-01", latest: "1970-01-01", precision: PrecisionDay, human: "1 January 1970"},
	// Leap years.
	{in: "2000-02-29", earliest: "2000-02-29", latest: "2000-02-29", precision: PrecisionDay, human: "29 February 2000"},
	{in: "1996-02-29", earliest: "1996-02-29", latest: "1996-02-29", precision: PrecisionDay, human: "29 February 1996"},
	{in: "1900-02-28", earliest: "1900-02-28", latest: "1900-02-28", precision: PrecisionDay, human: "28 February 1900"},
	{in: "1900-02", earliest: "1900-02-01", latest: "1900-02-28", precision: PrecisionMonth, human: "February 1900"},
	{in: "2000-02", earliest: "2000-02-01", latest: "2000-02-29", precision: PrecisionMonth, human: "February 2000"},
	{in: "2100-02", earliest: "2100-02-01", latest: "2100-02-28", precision: PrecisionMonth, human: "February 2100"},
	{in: "2004-02", earliest: "2004-02-01", latest: "2004-02-29", precision: PrecisionMonth, human: "February 2004"},
	// Negative years, astronomical numbering.
	{in: "0000", earliest: "0000-01-01", latest: "0000-12-31", precision: PrecisionYear, human: "1 BCE"},
	{in: "0000-02-29", earliest: "0000-02-29", latest: "0000-02-29", precision: PrecisionDay, human: "29 February 1 BCE"},
	{in: "-0001", earliest: "-0001-01-01", latest: "-0001-12-31", precision: PrecisionYear, human: "2 BCE"},
	{in: "-0050-03-01", earliest: "-0050-03-01", latest: "-0050-03-01", precision: PrecisionDay, human: "1 March 51 BCE"},
	{in: "-0004-02", earliest: "-0004-02-01", latest: "-0004-02-29", precision: PrecisionMonth, human: "February 5 BCE"},
	{in: "-9999", earliest: "-9999-01-01", latest: "-9999-12-31", precision: PrecisionYear, human: "10000 BCE"},
	{in: "-019X", earliest: "-0199-01-01", latest: "-0190-12-31", precision: PrecisionDecade, human: "200–191 BCE"},
	{in: "000X", earliest: "0000-01-01", latest: "0009-12-31", precision: PrecisionDecade, human: "1 BCE–9"},
	{in: "-0050/0050", earliest: "-0050-01-01", latest: "0050-12-31", precision: PrecisionInterval, human: "51 BCE to 50"},
	// Qualifiers do not widen bounds.
	{in: "1984?", earliest: "1984-01-01", latest: "1984-12-31", precision: PrecisionYear, uncertain: true, human: "1984 (uncertain)"},
	{in: "2004-06~", earliest: "2004-06-01", latest: "2004-06-30", precision: PrecisionMonth, approximate: true, human: "about June 2004"},
	{in: "2004-06-11%", earliest: "2004-06-11", latest: "2004-06-11", precision: PrecisionDay, uncertain: true, approximate: true, human: "about 11 June 2004 (uncertain)"},
	{in: "1997~", earliest: "1997-01-01", latest: "1997-12-31", precision: PrecisionYear, approximate: true, human: "about 1997"},
	// Unspecified digits widen bounds.
	{in: "201X", earliest: "2010-01-01", latest: "2019-12-31", precision: PrecisionDecade, human: "the 2010s"},
	{in: "199X", earliest: "1990-01-01", latest: "1999-12-31", precision: PrecisionDecade, human: "the 1990s"},
	{in: "199X?", earliest: "1990-01-01", latest: "1999-12-31", precision: PrecisionDecade, uncertain: true, human: "the 1990s (uncertain)"},
	{in: "19XX", earliest: "1900-01-01", latest: "1999-12-31", precision: PrecisionCentury, human: "1900–1999"},
	{in: "XXXX", earliest: "..", latest: "..", precision: PrecisionUnknown, human: "date unknown"},
	{in: "1985-XX", earliest: "1985-01-01", latest: "1985-12-31", precision: PrecisionYear, human: "1985"},
	{in: "1985-04-XX", earliest: "1985-04-01", latest: "1985-04-30", precision: PrecisionMonth, human: "April 1985"},
	{in: "1985-XX-XX", earliest: "1985-01-01", latest: "1985-12-31", precision: PrecisionYear, human: "1985"},
	{in: "2000-02-XX", earliest: "2000-02-01", latest: "2000-02-29", precision: PrecisionMonth, human: "February 2000"},
	// Seasons; winter runs into the next year.
	{in: "2001-21", earliest: "2001-03-01", latest: "2001-05-31", precision: PrecisionSeason, human: "spring 2001"},
	{in: "2001-22", earliest: "2001-06-01", latest: "2001-08-31", precision: PrecisionSeason, human: "summer 2001"},
	{in: "2001-23", earliest: "2001-09-01", latest: "2001-11-30", precision: PrecisionSeason, human: "autumn 2001"},
	{in: "2001-24", earliest: "2001-12-01", latest: "2002-02-28", precision: PrecisionSeason, human: "winter 2001–2002"},
	{in: "2003-24", earliest: "2003-12-01", latest: "2004-02-29", precision: PrecisionSeason, human: "winter 2003–2004"},
	{in: "1899-24", earliest: "1899-12-01", latest: "1900-02-28", precision: PrecisionSeason, human: "winter 1899–1900"},
	{in: "9999-24", earliest: "9999-12-01", latest: "10000-02-29", precision: PrecisionSeason, human: "winter 9999–10000"},
	{in: "0000-24", earliest: "0000-12-01", latest: "0001-02-28", precision: PrecisionSeason, human: "winter 1 BCE–1"},
	{in: "-0002-24", earliest: "-0002-12-01", latest: "-0001-02-28", precision: PrecisionSeason, human: "winter 3–2 BCE"},
	{in: "1997-21~", earliest: "1997-03-01", latest: "1997-05-31", precision: PrecisionSeason, approximate: true, human: "about spring 1997"},
	// Intervals.
	{in: "1964/2008", earliest: "1964-01-01", latest: "2008-12-31", precision: PrecisionInterval, human: "1964 to 2008"},
	{in: "1985/1990", earliest: "1985-01-01", latest: "1990-12-31", precision: PrecisionInterval, human: "1985 to 1990"},
	{in: "2004-06/2006-08", earliest: "2004-06-01", latest: "2006-08-31", precision: PrecisionInterval, human: "June 2004 to August 2006"},
	{in: "2004-02-01/2005-02-08", earliest: "2004-02-01", latest: "2005-02-08", precision: PrecisionInterval, human: "1 February 2004 to 8 February 2005"},
	{in: "2004-02-01/2005-02", earliest: "2004-02-01", latest: "2005-02-28", precision: PrecisionInterval, human: "1 February 2004 to February 2005"},
	{in: "2005/2006-02", earliest: "2005-01-01", latest: "2006-02-28", precision: PrecisionInterval, human: "2005 to February 2006"},
	{in: "1990-06/1990", earliest: "1990-06-01", latest: "1990-12-31", precision: PrecisionInterval, human: "June 1990 to 1990"},
	{in: "2004-06-01/2004-06-01", earliest: "2004-06-01", latest: "2004-06-01", precision: PrecisionInterval, human: "1 June 2004 to 1 June 2004"},
	{in: "199X/2005", earliest: "1990-01-01", latest: "2005-12-31", precision: PrecisionInterval, human: "the 1990s to 2005"},
	{in: "2001-21/2002-24", earliest: "2001-03-01", latest: "2003-02-28", precision: PrecisionInterval, human: "spring 2001 to winter 2002–2003"},
	{in: "1984?/2004~", earliest: "1984-01-01", latest: "2004-12-31", precision: PrecisionInterval, uncertain: true, approximate: true, human: "1984 (uncertain) to about 2004"},
	{in: "1984~/2004-06", earliest: "1984-01-01", latest: "2004-06-30", precision: PrecisionInterval, approximate: true, human: "about 1984 to June 2004"},
	{in: "1984-06-02?/2004-08-08~", earliest: "1984-06-02", latest: "2004-08-08", precision: PrecisionInterval, uncertain: true, approximate: true, human: "2 June 1984 (uncertain) to about 8 August 2004"},
	// Open and unknown ends.
	{in: "1994/..", earliest: "1994-01-01", latest: "..", precision: PrecisionInterval, human: "1994 or later"},
	{in: "../2017-09", earliest: "..", latest: "2017-09-30", precision: PrecisionInterval, human: "by September 2017"},
	{in: "../1985-04-12~", earliest: "..", latest: "1985-04-12", precision: PrecisionInterval, approximate: true, human: "by about 12 April 1985"},
	{in: "/2006", earliest: "..", latest: "2006-12-31", precision: PrecisionInterval, human: "by 2006"},
	{in: "2004/", earliest: "2004-01-01", latest: "..", precision: PrecisionInterval, human: "2004 or later"},
	{in: "2004-06-01?/", earliest: "2004-06-01", latest: "..", precision: PrecisionInterval, uncertain: true, human: "1 June 2004 (uncertain) or later"},
}

func TestParseDate(t *testing.T) {
	for _, tc := range dateCases {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseDate(tc.in)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tc.in, err)
			}
			if got, want := d.Earliest(), bound(t, tc.earliest, MinDay); got != want {
				t.Errorf("ParseDate(%q).Earliest() = %v, want %v", tc.in, got, want)
			}
			if got, want := d.Latest(), bound(t, tc.latest, MaxDay); got != want {
				t.Errorf("ParseDate(%q).Latest() = %v, want %v", tc.in, got, want)
			}
			if got := d.Precision(); got != tc.precision {
				t.Errorf("ParseDate(%q).Precision() = %v, want %v", tc.in, got, tc.precision)
			}
			if got, want := d.IsInterval(), tc.precision == PrecisionInterval; got != want {
				t.Errorf("ParseDate(%q).IsInterval() = %v, want %v", tc.in, got, want)
			}
			if got := d.Uncertain(); got != tc.uncertain {
				t.Errorf("ParseDate(%q).Uncertain() = %v, want %v", tc.in, got, tc.uncertain)
			}
			if got := d.Approximate(); got != tc.approximate {
				t.Errorf("ParseDate(%q).Approximate() = %v, want %v", tc.in, got, tc.approximate)
			}
			if got := d.Human(); got != tc.human {
				t.Errorf("ParseDate(%q).Human() = %q, want %q", tc.in, got, tc.human)
			}
			if got := d.String(); got != tc.in {
				t.Errorf("ParseDate(%q).String() = %q, want %q", tc.in, got, tc.in)
			}
			if d.IsZero() {
				t.Errorf("ParseDate(%q).IsZero() = true, want false", tc.in)
			}
			again, err := ParseDate(d.String())
			if err != nil || again != d {
				t.Errorf("ParseDate(%q) = %#v, %v; want %#v", d.String(), again, err, d)
			}
		})
	}
}

func TestParseDateTrimsSpace(t *testing.T) {
	for _, in := range []string{" 1997", "1997 ", "\t1994/..\n", "\u00a01984?/2004~ "} {
		d, err := ParseDate(in)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", in, err)
		}
		if got, want := d.String(), strings.TrimSpace(in); got != want {
			t.Errorf("ParseDate(%q).String() = %q, want %q", in, got, want)
		}
	}
}

// invalidDates each must fail to parse; the comment says why.
var invalidDates = []string{
	"",                      // empty
	"   ",                   // blank
	"97",                    // short year
	"19970",                 // five-digit year
	"+1985",                 // sign
	"abcd",                  // not a date
	"1997-1-1",              // short month and day
	"1997-01-1",             // short day
	"1985-",                 // trailing dash
	"--1985",                // double minus
	"1985-04-12-01",         // too many parts
	"1997-00",               // month 0
	"1997-13",               // month 13
	"1997-20",               // between months and seasons
	"1997-25",               // level 2 season
	"1997-41",               // level 2 season
	"1997-99",               // month 99
	"1997-01-00",            // day 0
	"1997-01-32",            // day 32
	"1997-04-31",            // April has 30 days
	"1997-02-29",            // not a leap year
	"1900-02-29",            // centuries are not leap years
	"-0001-02-29",           // year -1 (2 BCE) is not a leap year
	"1995-02-30",            // no such day
	"1997-21-01",            // season with a day
	"1997-24-XX",            // season with a day
	"2000/1990",             // interval ends before it starts
	"2004-06-11/2004-06-10", // interval ends before it starts
	"2001-24/2001-11",       // winter starts after November ends
	"../..",                 // no bounds
	"/",                     // no bounds
	"/..",                   // no bounds
	"../",                   // no bounds
	"..",                    // open end alone
	"1985..",                // open end glued
	"..1985",                // level 2 set range
	"..?/2000",              // qualified open end
	"1985/1990/1995",        // two slashes
	"199x",                  // lowercase x
	"1985-xx",               // lowercase x
	"1997 /2000",            // space inside
	"1997- 01",              // space inside
	"Y170000002",            // long year
	"Y-17E7",                // exponent
	"1950S2",                // significant digits
	"1984??",                // two qualifiers
	"1984?~",                // two qualifiers
	"?1984",                 // leading qualifier
	"2004-?06-11",           // level 2 qualifier on a part
	"2004?-06-11",           // level 2 qualifier on a part
	"1XXX",                  // unspecified millennium
	"X985",                  // X not trailing
	"19X5",                  // X not trailing
	"201X-05",               // month after unspecified year
	"XXXX-12",               // month after XXXX
	"XXXX-XX",               // month after XXXX
	"1985-XX-05",            // day in unspecified month
	"1985-1X",               // partial month
	"1985-04-1X",            // partial day
	"-0000",                 // negative zero
	"-0000-01-01",           // negative zero
	"-XXXX",                 // negative unknown
	"XXXX?",                 // qualified unknown
	"XXXX/2000",             // XXXX as an interval end
	"1985/XXXX",             // XXXX as an interval end
	"1985-04-12T23:20:30",   // time of day
	"1985-04-12T23:20:30Z",  // time of day
	"[1667,1668]",           // set
	"{1667,1668}",           // set
	"1985^",                 // level 2
	"１９８５",                  // full-width digits
	"1985\x00",              // NUL
	"1985/1990-13",          // bad end
	"1985-13/1990",          // bad start
	"-",                     // sign alone
	"?",                     // qualifier alone
	"/1985/",                // two slashes
}

func TestParseDateInvalid(t *testing.T) {
	for _, in := range invalidDates {
		t.Run(in, func(t *testing.T) {
			d, err := ParseDate(in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %q, nil; want an error", in, d)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("ParseDate(%q) error %v does not wrap ErrInvalid", in, err)
			}
			if q := fmtQ(in); !strings.Contains(err.Error(), q) {
				t.Errorf("ParseDate(%q) error %q does not quote the input %s", in, err, q)
			}
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) = %q with its error, want the zero Date", in, d)
			}
		})
	}
}

// fmtQ quotes s the way the error messages do.
func fmtQ(s string) string { return fmt.Sprintf("%q", s) }

func TestParseDateMessages(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1995-02-30", `parse date "1995-02-30": February 1995 has 28 days: invalid`},
		{"2000/1990", `parse date "2000/1990": interval starts (2000-01-01) after it ends (1990-12-31): invalid`},
		{"1990/2000-13", `parse date "1990/2000-13": end "2000-13": month 13 out of range 01–12 (or seasons 21–24): invalid`},
		{"../..", `parse date "../..": an interval needs at least one date at an end; write XXXX for an unknown date: invalid`},
		{"Y170000002", `parse date "Y170000002": long years with the Y prefix are not supported: invalid`},
		{"Y-17E7", `parse date "Y-17E7": long years with the Y prefix are not supported: invalid`},
		{"1950S2", `parse date "1950S2": significant digits (S) are not supported: invalid`},
		{"1985-04-12T23:20:30", `parse date "1985-04-12T23:20:30": times of day are not supported: invalid`},
		{"[1667,1668]", `parse date "[1667,1668]": sets ([…] and {…}) are not supported: invalid`},
		{"19850", `parse date "19850": year "19850" has more than four digits (long years with the Y prefix are not supported): invalid`},
		{"1985Y", `parse date "1985Y": year "1985Y" is not four digits 0–9 or X: invalid`},
		{"1985/Y170000002", `parse date "1985/Y170000002": end "Y170000002": long years with the Y prefix are not supported: invalid`},
		{"0123456789abcdef", `parse date "0123456789abcdef": year "0123456789ab…" (16 bytes) is not four digits 0–9 or X: invalid`},
		{"199x", `parse date "199x": lowercase x; write unspecified digits as X: invalid`},
		{"1997-25", `parse date "1997-25": season 25 is not supported (only 21–24: spring, summer, autumn, winter): invalid`},
		{"1984?~", `parse date "1984?~": more than one qualifier; write % for uncertain and approximate: invalid`},
		{"", `parse date "": empty date; write XXXX for an unknown date: invalid`},
		{"1997 /2000", `parse date "1997 /2000": space inside the date: invalid`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := ParseDate(tc.in)
			if err == nil || err.Error() != tc.want {
				t.Errorf("ParseDate(%q) error = %v, want %s", tc.in, err, tc.want)
			}
		})
	}
}

func TestMustParseDate(t *testing.T) {
	if got := MustParseDate("1997").String(); got != "1997" {
		t.Errorf(`MustParseDate("1997").String() = %q, want "1997"`, got)
	}
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok || !errors.Is(err, ErrInvalid) {
			t.Errorf(`MustParseDate("1997-13") panicked with %v, want an error wrapping ErrInvalid`, r)
		}
	}()
	MustParseDate("1997-13")
	t.Errorf(`MustParseDate("1997-13") did not panic`)
}

func TestZeroDate(t *testing.T) {
	var d Date
	if !d.IsZero() {
		t.Errorf("Date{}.IsZero() = false, want true")
	}
	if got := d.String(); got != "" {
		t.Errorf("Date{}.String() = %q, want \"\"", got)
	}
	if got := d.Earliest(); got != MinDay {
		t.Errorf("Date{}.Earliest() = %v, want MinDay", got)
	}
	if got := d.Latest(); got != MaxDay {
		t.Errorf("Date{}.Latest() = %v, want MaxDay", got)
	}
	if got := d.Precision(); got != PrecisionUnknown {
		t.Errorf("Date{}.Precision() = %v, want %v", got, PrecisionUnknown)
	}
	if got := d.Human(); got != "date unknown" {
		t.Errorf("Date{}.Human() = %q, want \"date unknown\"", got)
	}
	if d.IsInterval() || d.Uncertain() || d.Approximate() {
		t.Errorf("Date{}: IsInterval, Uncertain, Approximate = %v, %v, %v; want all false", d.IsInterval(), d.Uncertain(), d.Approximate())
	}
	if got := d.Relation(day(t, "1997-06-01")); got != DateStraddles {
		t.Errorf("Date{}.Relation(1997-06-01) = %v, want %v", got, DateStraddles)
	}
	if !d.Contains(day(t, "1997-06-01")) {
		t.Errorf("Date{}.Contains(1997-06-01) = false, want true")
	}
}

func TestDateRelationAndContains(t *testing.T) {
	type edge struct {
		day      string // YYYY-MM-DD
		relation Relation
		contains bool
	}
	tests := []struct {
		date  string
		edges []edge
	}{
		{"1997", []edge{
			{"1996-12-31", DateAfter, false},
			{"1997-01-01", DateStraddles, true},
			{"1997-06-01", DateStraddles, true},
			{"1997-12-30", DateStraddles, true},
			{"1997-12-31", DateBefore, true},
			{"1998-01-01", DateBefore, false},
		}},
		{"1992-11-30", []edge{
			{"1992-11-29", DateAfter, false},
			{"1992-11-30", DateBefore, true},
			{"1992-12-01", DateBefore, false},
		}},
		{"2004-02", []edge{
			{"2004-01-31", DateAfter, false},
			{"2004-02-01", DateStraddles, true},
			{"2004-02-29", DateBefore, true},
			{"2004-03-01", DateBefore, false},
		}},
		{"2003-24", []edge{
			{"2003-11-30", DateAfter, false},
			{"2003-12-01", DateStraddles, true},
			{"2004-02-28", DateStraddles, true},
			{"2004-02-29", DateBefore, true},
			{"2004-03-01", DateBefore, false},
		}},
		{"1997~", []edge{
			{"1996-12-31", DateAfter, false},
			{"1997-01-01", DateStraddles, true},
			{"1997-12-31", DateBefore, true},
		}},
		{"1985/1990", []edge{
			{"1984-12-31", DateAfter, false},
			{"1985-01-01", DateStraddles, true},
			{"1990-12-31", DateBefore, true},
			{"1991-01-01", DateBefore, false},
		}},
		{"1994/..", []edge{
			{"1993-12-31", DateAfter, false},
			{"1994-01-01", DateStraddles, true},
			{"9999-12-31", DateStraddles, true},
		}},
		{"../2017-09", []edge{
			{"-9999-01-01", DateStraddles, true},
			{"2017-09-29", DateStraddles, true},
			{"2017-09-30", DateBefore, true},
			{"2017-10-01", DateBefore, false},
		}},
		{"XXXX", []edge{
			{"-9999-01-01", DateStraddles, true},
			{"9999-12-31", DateStraddles, true},
		}},
	}
	for _, tc := range tests {
		d := MustParseDate(tc.date)
		for _, e := range tc.edges {
			t.Run(tc.date+"@"+e.day, func(t *testing.T) {
				at := day(t, e.day)
				if got := d.Relation(at); got != e.relation {
					t.Errorf("ParseDate(%q).Relation(%s) = %v, want %v", tc.date, e.day, got, e.relation)
				}
				if got := d.Contains(at); got != e.contains {
					t.Errorf("ParseDate(%q).Contains(%s) = %v, want %v", tc.date, e.day, got, e.contains)
				}
			})
		}
	}
}

func TestRelationString(t *testing.T) {
	tests := []struct {
		r    Relation
		want string
	}{
		{DateBefore, "before"}, {DateStraddles, "straddles"}, {DateAfter, "after"}, {Relation(0), "Relation(0)"},
	}
	for _, tc := range tests {
		if got := tc.r.String(); got != tc.want {
			t.Errorf("Relation(%d).String() = %q, want %q", int(tc.r), got, tc.want)
		}
	}
}

func TestPrecisionString(t *testing.T) {
	tests := []struct {
		p    Precision
		want string
	}{
		{PrecisionUnknown, "unknown"}, {PrecisionDay, "day"}, {PrecisionMonth, "month"},
		{PrecisionSeason, "season"}, {PrecisionYear, "year"}, {PrecisionDecade, "decade"},
		{PrecisionCentury, "century"}, {PrecisionInterval, "interval"}, {Precision(99), "Precision(99)"},
		{Precision(-1), "Precision(-1)"},
	}
	for _, tc := range tests {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("Precision(%d).String() = %q, want %q", int(tc.p), got, tc.want)
		}
	}
}

func TestDateCompare(t *testing.T) {
	// The order for timelines: by Earliest, then Latest, then text.
	want := []string{
		"../1990",
		"/1990",
		"../2017-09",
		"", // the zero Date: MinDay..MaxDay, text ""
		"XXXX",
		"-0050",
		"19XX",
		"1985/..",
		"1990-01-01",
		"1990-01",
		"1990",
		"1990?",
		"1990~",
		"1990/1991",
		"199X",
		"1990-03-01",
		"1990-03",
		"1990-21",
		"1990-12-01",
		"1990-24",
		"1991",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		shuffled := slices.Clone(want)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		dates := make([]Date, len(shuffled))
		for i, s := range shuffled {
			if s != "" {
				dates[i] = MustParseDate(s)
			}
		}
		slices.SortFunc(dates, Date.Compare)
		got := make([]string, len(dates))
		for i, d := range dates {
			got[i] = d.String()
		}
		if !slices.Equal(got, want) {
			t.Fatalf("sorted %q\n got %q\nwant %q", shuffled, got, want)
		}
	}
	for i, a := range want {
		for j, b := range want {
			var da, db Date
			if a != "" {
				da = MustParseDate(a)
			}
			if b != "" {
				db = MustParseDate(b)
			}
			if got, exp := da.Compare(db), cmpInt(i, j); got != exp {
				t.Errorf("ParseDate(%q).Compare(%q) = %d, want %d", a, b, got, exp)
			}
		}
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestDateJSON(t *testing.T) {
	type fact struct {
		Name string `json:"name"`
		Date Date   `json:"date"`
	}
	for _, in := range []string{"", "1997", "1984?/2004~", "../2017-09", "2004/", "2001-24", "-0050-03-01"} {
		t.Run(in, func(t *testing.T) {
			var d Date
			if in != "" {
				d = MustParseDate(in)
			}
			b, err := json.Marshal(fact{Name: "x", Date: d})
			if err != nil {
				t.Fatalf("json.Marshal(%q): %v", in, err)
			}
			if want := `{"name":"x","date":` + string(mustJSON(t, in)) + `}`; string(b) != want {
				t.Errorf("json.Marshal(%q) = %s, want %s", in, b, want)
			}
			var got fact
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("json.Unmarshal(%s): %v", b, err)
			}
			if got.Date != d {
				t.Errorf("json.Unmarshal(%s).Date = %#v, want %#v", b, got.Date, d)
			}
		})
	}
	t.Run("invalid", func(t *testing.T) {
		got := fact{Date: MustParseDate("1997")}
		err := json.Unmarshal([]byte(`{"date":"1997-13"}`), &got)
		if !errors.Is(err, ErrInvalid) {
			t.Errorf(`json.Unmarshal({"date":"1997-13"}) error = %v, want one wrapping ErrInvalid`, err)
		}
		if got.Date.String() != "1997" {
			t.Errorf(`json.Unmarshal({"date":"1997-13"}) changed Date to %q, want "1997" kept`, got.Date)
		}
	})
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDayString(t *testing.T) {
	tests := []struct {
		d    Day
		want string
	}{
		{0, "1970-01-01"},
		{-1, "1969-12-31"},
		{DayOf(1995, 3, 1), "1995-03-01"},
		{DayOf(-50, 1, 1), "-0050-01-01"},
		{DayOf(0, 12, 31), "0000-12-31"},
		{DayOf(12345, 6, 7), "12345-06-07"},
		{MinDay, ".."},
		{MaxDay, ".."},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("Day(%d).String() = %q, want %q", int32(tc.d), got, tc.want)
		}
	}
}

func TestDayOfNormalizes(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{1995, 2, 29, "1995-03-01"},
		{1995, 13, 1, "1996-01-01"},
		{1995, 0, 1, "1994-12-01"},
		{1995, -11, 1, "1994-01-01"},
		{1995, -12, 1, "1993-12-01"},
		{1995, 1, 0, "1994-12-31"},
		{1995, 1, 365, "1995-12-31"},
		{2000, 25, 1, "2002-01-01"},
	}
	for _, tc := range tests {
		if got := DayOf(tc.y, tc.m, tc.d).String(); got != tc.want {
			t.Errorf("DayOf(%d, %d, %d) = %s, want %s", tc.y, tc.m, tc.d, got, tc.want)
		}
	}
}

// TestDayCivil checks DayOf and Civil against each other for every day from -2000-01-01 to
// 3000-12-31, against the calendar's own rules (each day follows the one before), and against
// package time for years from 1 on.
func TestDayCivil(t *testing.T) {
	first, last := DayOf(-2000, 1, 1), DayOf(3000, 12, 31)
	if first >= last {
		t.Fatalf("DayOf(-2000, 1, 1) = %d >= DayOf(3000, 12, 31) = %d", first, last)
	}
	if got := DayOf(1970, 1, 1); got != 0 {
		t.Fatalf("DayOf(1970, 1, 1) = %d, want 0", got)
	}
	py, pm, pd := -2000, 1, 0 // the civil day before first, as if January had a day 0
	for d := first; d <= last; d++ {
		y, m, dd := d.Civil()
		// The day after py-pm-pd.
		wy, wm, wd := py, pm, pd+1
		if wd > daysInTest(wy, wm) {
			wm, wd = wm+1, 1
			if wm > 12 {
				wy, wm = wy+1, 1
			}
		}
		if y != wy || m != wm || dd != wd {
			t.Fatalf("Day(%d).Civil() = %d, %d, %d; want %d, %d, %d", d, y, m, dd, wy, wm, wd)
		}
		if back := DayOf(y, m, dd); back != d {
			t.Fatalf("DayOf(%d, %d, %d) = %d, want %d", y, m, dd, back, d)
		}
		if y >= 1 {
			tm := time.Unix(int64(d)*86400, 0).UTC()
			if tm.Year() != y || int(tm.Month()) != m || tm.Day() != dd {
				t.Fatalf("Day(%d).Civil() = %d, %d, %d; time says %s", d, y, m, dd, tm.Format(time.DateOnly))
			}
		}
		py, pm, pd = y, m, dd
	}
	if py != 3000 || pm != 12 || pd != 31 {
		t.Fatalf("last day = %d-%d-%d, want 3000-12-31", py, pm, pd)
	}
}

// daysInTest is an independent statement of the Gregorian month lengths.
func daysInTest(y, m int) int {
	leap := (y%4 == 0 && y%100 != 0) || y%400 == 0
	return [...]int{31, map[bool]int{true: 29, false: 28}[leap], 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
}

func TestParseDay(t *testing.T) {
	good := []string{"1995-03-01", "2000-02-29", "1996-02-29", "1970-01-01", "0000-01-01", "0000-02-29",
		"-0050-01-01", "-0001-12-31", "-9999-01-01", "9999-12-31", "1995-12-31"}
	for _, in := range good {
		t.Run(in, func(t *testing.T) {
			d, err := ParseDay(in)
			if err != nil {
				t.Fatalf("ParseDay(%q): %v", in, err)
			}
			if got := d.String(); got != in {
				t.Errorf("ParseDay(%q).String() = %q, want %q", in, got, in)
			}
		})
	}
	if got, want := day(t, "1995-03-01"), DayOf(1995, 3, 1); got != want {
		t.Errorf("ParseDay(\"1995-03-01\") = %d, want %d", got, want)
	}
	bad := []struct{ in, want string }{
		{"1995-02-30", `parse day "1995-02-30": February 1995 has 28 days: invalid`},
		{"1900-02-29", `parse day "1900-02-29": February 1900 has 28 days: invalid`},
		{"-0001-02-29", `parse day "-0001-02-29": February -0001 has 28 days: invalid`},
		{"1995-04-31", `parse day "1995-04-31": April 1995 has 30 days: invalid`},
		{"1995-01-00", `parse day "1995-01-00": January 1995 has 31 days: invalid`},
		{"1995-13-01", `parse day "1995-13-01": month 13 out of range 01–12: invalid`},
		{"1995-00-10", `parse day "1995-00-10": month 00 out of range 01–12: invalid`},
		{"-0000-01-01", `parse day "-0000-01-01": year -0000 is not allowed; write 0000: invalid`},
		{"", `parse day "": want YYYY-MM-DD: invalid`},
		{"1995-2-3", `parse day "1995-2-3": want YYYY-MM-DD: invalid`},
		{"95-02-03", `parse day "95-02-03": want YYYY-MM-DD: invalid`},
		{"1995/02/03", `parse day "1995/02/03": want YYYY-MM-DD: invalid`},
		{" 1995-02-03", `parse day " 1995-02-03": want YYYY-MM-DD: invalid`},
		{"1995-02-03 ", `parse day "1995-02-03 ": want YYYY-MM-DD: invalid`},
		{"1995-02", `parse day "1995-02": want YYYY-MM-DD: invalid`},
		{"1995", `parse day "1995": want YYYY-MM-DD: invalid`},
		{"19950203", `parse day "19950203": want YYYY-MM-DD: invalid`},
		{"+1995-02-03", `parse day "+1995-02-03": want YYYY-MM-DD: invalid`},
		{"1995-02-03T00:00", `parse day "1995-02-03T00:00": want YYYY-MM-DD: invalid`},
		{"1995-02-0X", `parse day "1995-02-0X": want YYYY-MM-DD: invalid`},
		{"..", `parse day "..": want YYYY-MM-DD: invalid`},
		{"--1995-02-03", `parse day "--1995-02-03": want YYYY-MM-DD: invalid`},
		{"12345-01-01", `parse day "12345-01-01": want YYYY-MM-DD: invalid`},
	}
	for _, tc := range bad {
		t.Run(tc.in, func(t *testing.T) {
			_, err := ParseDay(tc.in)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseDay(%q) error = %v, want one wrapping ErrInvalid", tc.in, err)
			}
			if err.Error() != tc.want {
				t.Errorf("ParseDay(%q) error = %q, want %q", tc.in, err, tc.want)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tc := range dateCases {
		f.Add(tc.in)
	}
	for _, in := range invalidDates {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseDate(in)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseDate(%q) error %v does not wrap ErrInvalid", in, err)
			}
			if !strings.Contains(err.Error(), fmtQ(in)) {
				t.Fatalf("ParseDate(%q) error %q does not quote the input", in, err)
			}
			return
		}
		if got, want := d.String(), strings.TrimSpace(in); got != want {
			t.Fatalf("ParseDate(%q).String() = %q, want %q", in, got, want)
		}
		if d.Earliest() > d.Latest() {
			t.Fatalf("ParseDate(%q): Earliest() = %v > Latest() = %v", in, d.Earliest(), d.Latest())
		}
		again, err := ParseDate(d.String())
		if err != nil {
			t.Fatalf("ParseDate(%q) after ParseDate(%q): %v", d.String(), in, err)
		}
		if again != d {
			t.Fatalf("ParseDate(%q) = %#v, want %#v as from ParseDate(%q)", d.String(), again, d, in)
		}
		if d.Human() == "" {
			t.Fatalf("ParseDate(%q).Human() = \"\"", in)
		}
		b, _ := d.MarshalText()
		var u Date
		if err := u.UnmarshalText(b); err != nil || u != d {
			t.Fatalf("UnmarshalText(%q) = %#v, %v; want %#v", b, u, err, d)
		}
	})
}

func FuzzParseDay(f *testing.F) {
	for _, in := range []string{"1995-03-01", "2000-02-29", "1900-02-29", "-0050-01-01", "-0000-01-01",
		"0000-01-01", "9999-12-31", "1995-13-01", "1995-2-3", "", ".."} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseDay(in)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseDay(%q) error %v does not wrap ErrInvalid", in, err)
			}
			if !strings.Contains(err.Error(), fmtQ(in)) {
				t.Fatalf("ParseDay(%q) error %q does not quote the input", in, err)
			}
			return
		}
		if got := d.String(); got != in {
			t.Fatalf("ParseDay(%q).String() = %q, want %q", in, got, in)
		}
		y, m, dd := d.Civil()
		if DayOf(y, m, dd) != d {
			t.Fatalf("DayOf(ParseDay(%q).Civil()) = %v, want %v", in, DayOf(y, m, dd), d)
		}
		if !MustParseDate(in).Contains(d) || MustParseDate(in).Earliest() != d || MustParseDate(in).Latest() != d {
			t.Fatalf("ParseDate(%q) bounds %v..%v, want %v..%v", in, MustParseDate(in).Earliest(), MustParseDate(in).Latest(), d, d)
		}
	})
}

func TestDateUnknown(t *testing.T) {
	for _, tc := range []struct {
		date string
		want bool
	}{
		{"XXXX", true}, {"", true}, {"19XX", false}, {"1997", false}, {"../2010", false}, {"2004/", false},
	} {
		var d Date
		if tc.date != "" {
			d = MustParseDate(tc.date)
		}
		if got := d.Unknown(); got != tc.want {
			t.Errorf("Date(%q).Unknown() = %v, want %v", tc.date, got, tc.want)
		}
	}
}

func TestParseRecorded(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"2026-11-01", time.Date(2026, 11, 1, 23, 59, 59, 999999999, time.UTC)},
		{"2024-02-29", time.Date(2024, 2, 29, 23, 59, 59, 999999999, time.UTC)},
		{"2026-11-01T09:30:00+02:00", time.Date(2026, 11, 1, 7, 30, 0, 0, time.UTC)},
	} {
		if got, err := ParseRecorded(tc.in); err != nil || !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("ParseRecorded(%q) = %v, %v, want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "last tuesday", "2026-13-01", "2026-11-01T25:00:00Z", "2026-11"} {
		_, err := ParseRecorded(in)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "neither an RFC 3339 time nor a day") {
			t.Errorf("ParseRecorded(%q) error = %v, want one wrapping ErrInvalid", in, err)
		}
	}
}

// TestDayStringIsFmtsFormat: Day.String writes what fmt's "%04d-%02d-%02d" writes (with a minus
// sign before the year's four digits before year 0), for years of every width.
func TestDayStringIsFmtsFormat(t *testing.T) {
	for _, y := range []int{-9999, -1000, -999, -44, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 1995, 9999, 10000, 123456} {
		for _, m := range []int{1, 9, 10, 12} {
			for _, dd := range []int{1, 7, 10, 28} {
				d := DayOf(y, m, dd)
				yy, mm, ddd := d.Civil()
				want := fmt.Sprintf("%04d-%02d-%02d", yy, mm, ddd)
				if yy < 0 {
					want = fmt.Sprintf("-%04d-%02d-%02d", -yy, mm, ddd)
				}
				if got := d.String(); got != want {
					t.Errorf("DayOf(%d, %d, %d).String() = %q, want %q", y, m, dd, got, want)
				}
			}
		}
	}
}
