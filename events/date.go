package events

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Day is a calendar day in the proleptic Gregorian calendar, counted in days since 1970-01-01
// (negative before). Years use astronomical numbering: year 0 is 1 BCE, year -1 is 2 BCE.
// MinDay and MaxDay are not calendar days but the open ends of a range. A Day is a plain value,
// safe for concurrent use.
type Day int32

// MinDay is the open start of a range: a date whose start is open ("..") or unknown has it as its
// Earliest. It prints "..".
const MinDay Day = math.MinInt32

// MaxDay is the open end of a range: a date whose end is open ("..") or unknown has it as its
// Latest. It prints "..".
const MaxDay Day = math.MaxInt32

// DayOf returns the day year-month-day. It does not validate: like time.Date it normalizes a month
// outside 1–12 into the neighbouring years and a day outside the month into the neighbouring months,
// so DayOf(1995, 2, 29) == DayOf(1995, 3, 1). Callers validate (ParseDay and ParseDate do). The result
// is meaningful only while it fits in a Day (about 5.8 million years either side of 1970).
func DayOf(year, month, day int) Day {
	y := int64(year) + floorDiv(int64(month)-1, 12)
	m := floorMod(int64(month)-1, 12) + 1
	return Day(daysFromCivil(y, m) + int64(day) - 1)
}

// daysFromCivil returns the days since 1970-01-01 of the first day of month m (1–12) of year y.
// It is Howard Hinnant's days_from_civil, with eras of 400 years.
func daysFromCivil(y, m int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400              // [0, 399]
	doy := (153*((m+9)%12) + 2) / 5 // day of the year starting 1 March, [0, 365]
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Civil returns the year (astronomical), month (1–12) and day (1–31) of d. For MinDay and MaxDay it
// returns the distant days they count, which are not meaningful dates.
func (d Day) Civil() (year, month, day int) {
	z := int64(d) + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // month starting 1 March, [0, 11]
	day = int(doy - (153*mp+2)/5 + 1)
	month = int(mp + 3)
	if month > 12 {
		month -= 12
	}
	year = int(yoe + era*400)
	if month <= 2 {
		year++
	}
	return year, month, day
}

// String returns d as YYYY-MM-DD ("1995-03-01"), with a minus sign before years below zero
// ("-0050-01-01") and as many digits as years above 9999 need. MinDay and MaxDay print "..".
// ParseDay(d.String()) returns d for every day of the years -9999 to 9999.
func (d Day) String() string {
	if d == MinDay || d == MaxDay {
		return ".."
	}
	y, m, dd := d.Civil()
	// As fmt's "%s-%02d-%02d" of yearText, without its reflection: a day is written often (every
	// claim of every fold).
	b := make([]byte, 0, 16)
	b = appendYear(b, y)
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return string(b)
}

// ParseDay parses a day written strictly as YYYY-MM-DD, or -YYYY-MM-DD for a year before year 0,
// with no surrounding space (the form Day.String prints). The day must exist: the month is 01–12 and
// the day is within the month, leap years by Gregorian rules. An error wraps ErrInvalid and quotes
// the input, for example `parse day "1995-02-30": February 1995 has 28 days: invalid`.
func ParseDay(s string) (Day, error) {
	y, m, d, err := parseDayFields(s)
	if err != nil {
		return 0, fmt.Errorf("parse day %s: %v: %w", Excerpt(s, DefaultExcerpt), err, ErrInvalid)
	}
	return DayOf(y, m, d), nil
}

func parseDayFields(s string) (year, month, day int, err error) {
	t := s
	neg := strings.HasPrefix(t, "-")
	if neg {
		t = t[1:]
	}
	if len(t) != 10 || t[4] != '-' || t[7] != '-' ||
		!allDigits(t[0:4]) || !allDigits(t[5:7]) || !allDigits(t[8:10]) {
		return 0, 0, 0, errors.New("want YYYY-MM-DD")
	}
	year, _ = strconv.Atoi(t[0:4])
	month, _ = strconv.Atoi(t[5:7])
	day, _ = strconv.Atoi(t[8:10])
	if neg {
		if year == 0 {
			return 0, 0, 0, errors.New("year -0000 is not allowed; write 0000")
		}
		year = -year
	}
	if month < 1 || month > 12 {
		return 0, 0, 0, fmt.Errorf("month %02d out of range 01–12", month)
	}
	if err := checkDay(year, month, day); err != nil {
		return 0, 0, 0, err
	}
	return year, month, day, nil
}

// checkDay reports whether day exists in month (1–12) of year.
func checkDay(year, month, day int) error {
	if n := daysIn(year, month); day < 1 || day > n {
		return fmt.Errorf("%s %s has %d days", monthNames[month-1], yearText(year), n)
	}
	return nil
}

// Precision is how finely a Date places its fact in time.
type Precision int

// The precisions of a Date. PrecisionUnknown is the zero value.
const (
	PrecisionUnknown  Precision = iota // the zero Date, or XXXX
	PrecisionDay                       // 1992-11-30
	PrecisionMonth                     // 1992-11, 1985-04-XX
	PrecisionSeason                    // 1997-21
	PrecisionYear                      // 1997, 1985-XX, 1985-XX-XX
	PrecisionDecade                    // 199X
	PrecisionCentury                   // 19XX
	PrecisionInterval                  // 1985/1990, 1994/.., /2006
)

var precisionNames = [...]string{"unknown", "day", "month", "season", "year", "decade", "century", "interval"}

// String returns the lowercase name of p ("day", "interval"), or "Precision(n)" for a value outside
// the constants.
func (p Precision) String() string {
	if p >= 0 && int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Relation says where a day stands relative to a Date; see Date.Relation. The zero Relation is none of
// the constants.
type Relation int

// The relations of a Date to a day.
const (
	// DateBefore means the date lies wholly before or on the day: Latest() <= day, so the fact has
	// certainly happened by that day.
	DateBefore Relation = iota + 1
	// DateStraddles means the day falls inside the date's possible range without being its last day:
	// Earliest() <= day < Latest(), so on that day the fact may or may not have happened yet.
	DateStraddles
	// DateAfter means the date lies wholly after the day: Earliest() > day, so the fact has certainly
	// not happened by that day.
	DateAfter
)

// String returns "before", "straddles" or "after", or "Relation(n)" for a value outside the constants.
func (r Relation) String() string {
	switch r {
	case DateBefore:
		return "before"
	case DateStraddles:
		return "straddles"
	case DateAfter:
		return "after"
	}
	return "Relation(" + strconv.Itoa(int(r)) + ")"
}

// Date is the historical date of a fact: when it happened in the world, written in the Library of
// Congress Extended Date/Time Format (EDTF) with the precision the source gives. It is either a
// single date or an interval.
//
// ParseDate accepts EDTF level 0 and the level 1 features that histories need, with years from
// -9999 to 9999 in astronomical numbering (0000 is 1 BCE, -0001 is 2 BCE; -0000 is rejected):
//
//	1997, 1992-11, 1992-11-30            year, month, day
//	1984?, 2004-06~, 2004-06-11%         uncertain, approximate, both (a suffix only)
//	201X, 19XX, XXXX                     unspecified decade, century, everything
//	1985-XX, 1985-04-XX, 1985-XX-XX      unspecified month or day
//	2001-21 .. 2001-24                   spring (Mar–May), summer (Jun–Aug), autumn (Sep–Nov),
//	                                     winter (Dec 2001 – Feb 2002)
//	1964/2008, 1984?/2004~               intervals of any of the single forms above but XXXX
//	1994/.., ../2017-09                  intervals with an open end
//	2004/, /2006                         intervals with an unknown end
//
// Only the last one or two digits of a year may be X, or all four; a month follows only a year
// without X, and a known day only a known month (1985-XX-XX and 1985-04-XX, not 1985-XX-05).
//
// A Date's bounds, Earliest and Latest, are the first and last day it may stand for. Unspecified
// digits widen them (201X runs from 2010-01-01 to 2019-12-31); the qualifiers ?, ~ and % do not:
// "1997~" has the same bounds as "1997", and Approximate and Uncertain report the qualifiers. An open
// or unknown end is MinDay or MaxDay.
//
// A Date is immutable and safe for concurrent use. Two Dates are == exactly when their texts are equal.
// The zero Date is "unknown": it prints "", its bounds are MinDay and MaxDay, and it marshals to the
// empty string.
type Date struct {
	text        string
	earliest    Day
	latest      Day
	precision   Precision
	uncertain   bool
	approximate bool
}

// ParseDate parses an EDTF date or interval (see Date for the forms), after trimming surrounding
// white space. It rejects everything else with an error that wraps ErrInvalid, quotes the input and
// says what is wrong: an empty input (write XXXX for an unknown date), months outside 01–12 and
// 21–24, days that do not exist, an interval whose start begins after its end ends ("2000/1990"), an
// interval with no bounded end ("../..", "/"), space inside the date, a lowercase x, and the EDTF
// level 2 forms that annals does not support (Y-prefixed long years, exponents, significant digits,
// sets, qualifiers on parts of a date, seasons 25–41).
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	start, end, interval, err := parseEDTF(t)
	if err != nil {
		return Date{}, fmt.Errorf("parse date %s: %v: %w", Excerpt(s, DefaultExcerpt), err, ErrInvalid)
	}
	d := Date{
		text:        t,
		earliest:    start.earliest,
		latest:      start.latest,
		precision:   start.precision,
		uncertain:   start.uncertain,
		approximate: start.approximate,
	}
	if interval {
		d.latest = end.latest
		d.precision = PrecisionInterval
		d.uncertain = start.uncertain || end.uncertain
		d.approximate = start.approximate || end.approximate
	}
	return d, nil
}

// RestoreDate rebuilds a Date from the parts a store kept of one that ParseDate returned (its text,
// Earliest, Latest, Precision, Uncertain and Approximate), without parsing the text again. It trusts
// its caller: parts that no parse produced make a Date whose methods disagree with its text.
// Anything read from outside goes through ParseDate.
func RestoreDate(text string, earliest, latest Day, p Precision, uncertain, approximate bool) Date {
	if text == "" {
		return Date{}
	}
	return Date{text: text, earliest: earliest, latest: latest, precision: p, uncertain: uncertain, approximate: approximate}
}

// MustParseDate is ParseDate for literals and tests: it panics with ParseDate's error if s does
// not parse.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// String returns the EDTF text of d exactly as parsed, without surrounding space; "" for the zero Date.
func (d Date) String() string { return d.text }

// IsZero reports whether d is the zero Date ("unknown", never parsed).
func (d Date) IsZero() bool { return d.text == "" }

// Unknown reports whether d says nothing of when: it is XXXX or the zero Date. Its bounds are then
// MinDay and MaxDay; no other Date has both (an interval needs a bounded end).
func (d Date) Unknown() bool { return d.precision == PrecisionUnknown }

// Earliest returns the first day d may stand for: MinDay if its start is open or unknown, and for
// XXXX and the zero Date.
func (d Date) Earliest() Day {
	if d.text == "" {
		return MinDay
	}
	return d.earliest
}

// Latest returns the last day d may stand for: MaxDay if its end is open or unknown, and for XXXX and
// the zero Date.
func (d Date) Latest() Day {
	if d.text == "" {
		return MaxDay
	}
	return d.latest
}

// Uncertain reports whether d, or either end of it, is qualified with ? or %.
func (d Date) Uncertain() bool { return d.uncertain }

// Approximate reports whether d, or either end of it, is qualified with ~ or %.
func (d Date) Approximate() bool { return d.approximate }

// IsInterval reports whether d is an interval ("1985/1990", "1994/..", "/2006").
func (d Date) IsInterval() bool { return d.precision == PrecisionInterval }

// Precision returns how finely d places its fact: PrecisionInterval for any interval, otherwise the
// precision of the single date, PrecisionUnknown for XXXX and the zero Date.
func (d Date) Precision() Precision { return d.precision }

// Contains reports whether day lies within d's bounds: Earliest() <= day <= Latest().
func (d Date) Contains(day Day) bool {
	return d.Earliest() <= day && day <= d.Latest()
}

// Relation says where day stands relative to d, for answering "had the fact happened by day?":
// DateBefore if d.Latest() <= day (certainly yes), DateAfter if d.Earliest() > day (certainly not),
// and DateStraddles otherwise (maybe). A fact dated "1997" is DateAfter on 1996-12-31, DateStraddles
// from 1997-01-01 to 1997-12-30 and DateBefore from 1997-12-31 on.
func (d Date) Relation(day Day) Relation {
	switch {
	case d.Latest() <= day:
		return DateBefore
	case d.Earliest() > day:
		return DateAfter
	}
	return DateStraddles
}

// Compare orders dates for timelines: by Earliest, then by Latest, then by the EDTF text. It returns
// -1, 0 or +1, and 0 only when d == o.
func (d Date) Compare(o Date) int {
	if c := cmp.Compare(d.Earliest(), o.Earliest()); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Latest(), o.Latest()); c != 0 {
		return c
	}
	return strings.Compare(d.text, o.text)
}

// MarshalText returns the EDTF text of d, empty for the zero Date. It never fails.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.text), nil }

// UnmarshalText sets d to the Date that text spells: the zero Date for empty text, otherwise
// ParseDate(string(text)). On error, which wraps ErrInvalid, d is left unchanged.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Human returns d in readable English:
//
//	1992-11-30   30 November 1992        1997-21      spring 1997
//	1992-11      November 1992           2001-24      winter 2001–2002
//	1997         1997                    199X         the 1990s
//	1985-04-XX   April 1985              19XX         1900–1999
//	1997~        about 1997              1997?        1997 (uncertain)
//	1997%        about 1997 (uncertain)  -0049        50 BCE
//	1985/1990    1985 to 1990            1994/..      1994 or later
//	../2017-09   by September 2017       2004/, /2006 2004 or later, by 2006
//	XXXX, zero   date unknown
//
// An open end ("..") and an unknown end (empty) read the same: both leave that side unbounded.
func (d Date) Human() string {
	if d.text == "" {
		return "date unknown"
	}
	start, end, interval, err := parseEDTF(d.text)
	if err != nil {
		return d.text // unreachable: d.text was parsed by ParseDate
	}
	switch {
	case !interval:
		return start.human()
	case start.kind != endDate:
		return "by " + end.human()
	case end.kind != endDate:
		return start.human() + " or later"
	}
	return start.human() + " to " + end.human()
}

// endKind says what stands at one end of an interval.
type endKind int

const (
	endDate    endKind = iota // a date
	endOpen                   // ".."
	endUnknown                // empty
)

// point is a single date, or one end of an interval.
type point struct {
	kind        endKind
	precision   Precision
	yearLo      int // the years the date may fall in: equal unless the year has X digits
	yearHi      int
	month       int // 1–12, 21–24 for a season, 0 when absent or unspecified
	day         int // 1–31, 0 when absent or unspecified
	earliest    Day
	latest      Day
	uncertain   bool
	approximate bool
}

// parseEDTF parses the trimmed text of a Date. The error says what is wrong, without the input.
func parseEDTF(t string) (start, end point, interval bool, err error) {
	if t == "" {
		return point{}, point{}, false, errors.New("empty date; write XXXX for an unknown date")
	}
	if strings.ContainsFunc(t, unicode.IsSpace) {
		return point{}, point{}, false, errors.New("space inside the date")
	}
	if strings.Contains(t, "x") {
		return point{}, point{}, false, errors.New("lowercase x; write unspecified digits as X")
	}
	if t[0] == '[' || t[0] == '{' {
		return point{}, point{}, false, errors.New("sets ([…] and {…}) are not supported")
	}
	left, right, interval := strings.Cut(t, "/")
	if !interval {
		if t == ".." {
			return point{}, point{}, false, errors.New(`".." stands only at an end of an interval, as in "1994/.."`)
		}
		start, err = parsePoint(t)
		return start, point{}, false, err
	}
	if strings.Contains(right, "/") {
		return point{}, point{}, false, errors.New("more than one /")
	}
	if start, err = parseEnd(left); err != nil {
		return point{}, point{}, false, fmt.Errorf("start %s: %v", Excerpt(left, DefaultExcerpt), err)
	}
	if end, err = parseEnd(right); err != nil {
		return point{}, point{}, false, fmt.Errorf("end %s: %v", Excerpt(right, DefaultExcerpt), err)
	}
	if start.kind != endDate && end.kind != endDate {
		return point{}, point{}, false, errors.New("an interval needs at least one date at an end; write XXXX for an unknown date")
	}
	if start.earliest > end.latest {
		return point{}, point{}, false, fmt.Errorf("interval starts (%s) after it ends (%s)", start.earliest, end.latest)
	}
	return start, end, true, nil
}

// parseEnd parses one end of an interval: empty (unknown), ".." (open) or a date other than XXXX.
func parseEnd(s string) (point, error) {
	switch s {
	case "":
		return point{kind: endUnknown, earliest: MinDay, latest: MaxDay}, nil
	case "..":
		return point{kind: endOpen, earliest: MinDay, latest: MaxDay}, nil
	}
	p, err := parsePoint(s)
	if err != nil {
		return point{}, err
	}
	if p.precision == PrecisionUnknown {
		return point{}, errors.New("XXXX cannot end an interval; leave the end empty if it is unknown")
	}
	return p, nil
}

// parsePoint parses a single date: [-]YYYY[-MM[-DD]][?~%] with X for unspecified digits.
func parsePoint(s string) (point, error) {
	var p point
	if strings.Contains(s, "..") {
		return p, errors.New(`".." stands only alone at an end of an interval`)
	}
	if strings.HasPrefix(s, "Y") {
		return p, errors.New("long years with the Y prefix are not supported")
	}
	rest := s
	if n := len(rest); n > 0 {
		switch rest[n-1] {
		case '?':
			p.uncertain = true
		case '~':
			p.approximate = true
		case '%':
			p.uncertain, p.approximate = true, true
		}
		if p.uncertain || p.approximate {
			rest = rest[:n-1]
		}
	}
	if i := strings.IndexAny(rest, "?~%"); i >= 0 {
		if strings.Trim(rest[i:], "?~%") == "" {
			return p, errors.New("more than one qualifier; write % for uncertain and approximate")
		}
		return p, errors.New("a qualifier stands only at the end of a date (qualifying a part is EDTF level 2, not supported)")
	}
	neg := strings.HasPrefix(rest, "-")
	if neg {
		rest = rest[1:]
	}
	if len(rest) > 10 && rest[10] == 'T' {
		return p, errors.New("times of day are not supported")
	}
	fields := strings.Split(rest, "-")
	if len(fields) > 3 {
		return p, errors.New("too many parts; want YYYY, YYYY-MM or YYYY-MM-DD")
	}

	// The year.
	yf := fields[0]
	if len(yf) != 4 || !allDigitsOrX(yf) {
		switch {
		case len(yf) > 4 && allDigits(yf):
			return p, fmt.Errorf("year %s has more than four digits (long years with the Y prefix are not supported)", Excerpt(yf, fieldExcerpt))
		case len(yf) > 5 && allDigits(yf[:4]) && yf[4] == 'S' && allDigits(yf[5:]):
			return p, errors.New("significant digits (S) are not supported")
		}
		return p, fmt.Errorf("year %s is not four digits 0–9 or X", Excerpt(yf, fieldExcerpt))
	}
	nx := len(yf) - len(strings.TrimRight(yf, "X"))
	if strings.Contains(yf[:4-nx], "X") {
		return p, fmt.Errorf("year %s: unspecified digits (X) must be the last ones", yf)
	}
	switch nx {
	case 0:
		p.precision = PrecisionYear
	case 1:
		p.precision = PrecisionDecade
	case 2:
		p.precision = PrecisionCentury
	case 3:
		return p, fmt.Errorf("year %s: only the last one or two digits, or all four, may be X", yf)
	case 4:
		switch {
		case neg:
			return p, errors.New("-XXXX is not a year; write XXXX for an unknown date")
		case len(fields) > 1:
			return p, errors.New("a month or day after XXXX is not supported")
		case p.uncertain || p.approximate:
			return p, errors.New("XXXX is unknown already and takes no qualifier")
		}
		p.precision = PrecisionUnknown
		p.earliest, p.latest = MinDay, MaxDay
		return p, nil
	}
	lo, _ := strconv.Atoi(strings.ReplaceAll(yf, "X", "0"))
	hi, _ := strconv.Atoi(strings.ReplaceAll(yf, "X", "9"))
	if neg {
		if hi == 0 {
			return p, errors.New("year -0000 is not allowed; write 0000")
		}
		lo, hi = -hi, -lo
	}
	p.yearLo, p.yearHi = lo, hi
	p.earliest, p.latest = DayOf(lo, 1, 1), DayOf(hi, 12, 31)
	if len(fields) == 1 {
		return p, nil
	}
	if nx > 0 {
		return p, fmt.Errorf("a month after the unspecified year %s is not supported", yf)
	}
	y := lo

	// The month or season.
	mf := fields[1]
	if len(mf) != 2 || !allDigitsOrX(mf) {
		return p, fmt.Errorf("month %s is not two digits 01–12, a season 21–24 or XX", Excerpt(mf, fieldExcerpt))
	}
	switch {
	case mf == "XX":
		// The month is unspecified: the year stands.
	case strings.Contains(mf, "X"):
		return p, fmt.Errorf("month %s: X must replace both digits", mf)
	default:
		m, _ := strconv.Atoi(mf)
		switch {
		case m >= 1 && m <= 12:
			p.precision, p.month = PrecisionMonth, m
			p.earliest, p.latest = DayOf(y, m, 1), DayOf(y, m+1, 1)-1
		case m >= 21 && m <= 24:
			p.precision, p.month = PrecisionSeason, m
			first := 3 * (m - 20) // March, June, September, December
			p.earliest, p.latest = DayOf(y, first, 1), DayOf(y, first+3, 1)-1
		case m >= 25 && m <= 41:
			return p, fmt.Errorf("season %s is not supported (only 21–24: spring, summer, autumn, winter)", mf)
		default:
			return p, fmt.Errorf("month %s out of range 01–12 (or seasons 21–24)", mf)
		}
	}
	if len(fields) == 2 {
		return p, nil
	}

	// The day.
	df := fields[2]
	if len(df) != 2 || !allDigitsOrX(df) {
		return p, fmt.Errorf("day %s is not two digits or XX", Excerpt(df, fieldExcerpt))
	}
	switch {
	case p.precision == PrecisionSeason:
		return p, fmt.Errorf("a season (%s) has no day", mf)
	case df == "XX":
		// The day is unspecified: the month (or year) stands.
		return p, nil
	case strings.Contains(df, "X"):
		return p, fmt.Errorf("day %s: X must replace both digits", df)
	case mf == "XX":
		return p, fmt.Errorf("day %s in an unspecified month is not supported", df)
	}
	d, _ := strconv.Atoi(df)
	if err := checkDay(y, p.month, d); err != nil {
		return p, err
	}
	p.precision, p.day = PrecisionDay, d
	p.earliest = DayOf(y, p.month, d)
	p.latest = p.earliest
	return p, nil
}

// human returns p in readable English; see Date.Human.
func (p point) human() string {
	var s string
	switch p.precision {
	case PrecisionUnknown:
		return "date unknown"
	case PrecisionDay:
		s = fmt.Sprintf("%d %s %s", p.day, monthNames[p.month-1], humanYear(p.yearLo))
	case PrecisionMonth:
		s = monthNames[p.month-1] + " " + humanYear(p.yearLo)
	case PrecisionSeason:
		if p.month == 24 {
			s = "winter " + humanYears(p.yearLo, p.yearLo+1)
		} else {
			s = seasonNames[p.month-21] + " " + humanYear(p.yearLo)
		}
	case PrecisionYear:
		s = humanYear(p.yearLo)
	case PrecisionDecade:
		if p.yearLo >= 1 {
			s = fmt.Sprintf("the %ds", p.yearLo)
		} else {
			s = humanYears(p.yearLo, p.yearHi)
		}
	case PrecisionCentury:
		s = humanYears(p.yearLo, p.yearHi)
	}
	if p.approximate {
		s = "about " + s
	}
	if p.uncertain {
		s += " (uncertain)"
	}
	return s
}

var monthNames = [...]string{
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
}

var seasonNames = [...]string{"spring", "summer", "autumn", "winter"}

// humanYear returns an astronomical year as people write it: 1997, or 50 BCE for year -49.
func humanYear(y int) string {
	if y >= 1 {
		return strconv.Itoa(y)
	}
	return strconv.Itoa(1-y) + " BCE"
}

// humanYears returns the span of years lo to hi (lo < hi): "1900–1999", "200–191 BCE", "1 BCE–9".
func humanYears(lo, hi int) string {
	switch {
	case lo >= 1:
		return fmt.Sprintf("%d–%d", lo, hi)
	case hi <= 0:
		return fmt.Sprintf("%d–%d BCE", 1-lo, 1-hi)
	}
	return humanYear(lo) + "–" + humanYear(hi)
}

// yearText returns an astronomical year as EDTF writes it: 1995, 0000, -0050.
func yearText(y int) string { return string(appendYear(nil, y)) }

// appendYear appends year y as fmt's "%04d" writes it (a minus sign before the digits of a year before
// year 0, padded to four digits: -0044).
func appendYear(b []byte, y int) []byte {
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	for p := 1000; p > 1 && y < p; p /= 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(y), 10)
}

// daysIn returns the number of days in month m (1–12) of year y, by Gregorian leap-year rules.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// clip shortens s, a part of an input, for quoting in an error message that quotes the input whole.
// fieldExcerpt is how much of a year, month or day field an error quotes: the whole input is quoted
// before it.
const fieldExcerpt = 12

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func allDigitsOrX(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != 'X' {
			return false
		}
	}
	return s != ""
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }
