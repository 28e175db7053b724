package projections

import (
	"strings"

	"annals/events"
)

// span bounds when a fact held: it began no earlier than fromE and certainly by fromL, and it ended
// no earlier than toE and certainly by toL (MaxDay: no end on record). An ending dated D has
// happened on D itself, as certainty says of every fact.
type span struct {
	fromE, fromL events.Day
	toE, toL     events.Day
}

// open is the span of a fact that began on the dates d allows and has no end on record.
func open(d events.Date) span {
	return span{fromE: d.Earliest(), fromL: d.Latest(), toE: events.MaxDay, toL: events.MaxDay}
}

// endAt returns s ended on the dates d allows.
func (s span) endAt(d events.Date) span {
	s.toE, s.toL = d.Earliest(), d.Latest()
	return s
}

// during returns how sure the record is that the fact held at some time from day a to day b (one day
// when a == b): certain when some day of the period lies after its latest start and before its
// earliest end, uncertain when some day may, and false when it certainly did not hold.
func (s span) during(a, b events.Day) (Certainty, bool) {
	// MaxDay as an end is no end: the fact still holds on the open end of time (a day of MaxDay
	// asks about everything), instead of seeming to have ended there without an ending.
	if x := max(a, s.fromL); x <= b && (x < s.toE || s.toE == events.MaxDay) {
		return Certain, true
	}
	if x := max(a, s.fromE); x <= b && (x < s.toL || s.toL == events.MaxDay) {
		return Uncertain, true
	}
	return "", false
}

// compatible reports whether two dates can both be true of one event: their ranges of days overlap.
// An undated date is compatible with every date.
func compatible(a, b events.Date) bool {
	return a.Earliest() <= b.Latest() && b.Earliest() <= a.Latest()
}

// refine returns the date that every one of ds leaves for one event: the narrowest of ds whose range
// is the intersection of all their ranges (the least EDTF text among equals), or else an interval of
// the intersection's first and last day. It returns false when two of ds are incompatible, and the
// zero Date for no date. Whatever the order of ds, the result is the same.
func refine(ds []events.Date) (events.Date, bool) {
	if len(ds) == 0 {
		return events.Date{}, true
	}
	lo, hi := events.MinDay, events.MaxDay
	for _, d := range ds {
		lo, hi = max(lo, d.Earliest()), min(hi, d.Latest())
	}
	if lo > hi {
		return events.Date{}, false
	}
	var best events.Date
	found := false
	for _, d := range ds {
		if d.Earliest() == lo && d.Latest() == hi && (!found || d.String() < best.String()) {
			best, found = d, true
		}
	}
	if found {
		return best, true
	}
	text := lo.String() + "/" + hi.String()
	if lo == hi {
		text = lo.String()
	}
	d, err := events.ParseDate(text)
	if err != nil { // no bounded end: cannot happen for dates with a bounded side, keep the first
		return ds[0], true
	}
	return d, true
}

// startOf returns the date an event's date gives for the start of what it records: the start of an
// interval ("2017-11-16" of "2017-11-16/.."), the date itself otherwise, and the zero Date for an
// interval with an open or unknown start.
func startOf(d events.Date) events.Date {
	if !d.IsInterval() {
		return d
	}
	start, _, _ := strings.Cut(d.String(), "/")
	if start == "" || start == ".." {
		return events.Date{}
	}
	s, err := events.ParseDate(start)
	if err != nil {
		return events.Date{}
	}
	return s
}

// addYears returns the date years after start, with start's precision when it has one: "2017-11-16"
// and five years is "2022-11-16", "2017" is "2022". A day that the later year lacks (29 February)
// becomes the last day of its month. It returns the zero Date for an undated start.
func addYears(start events.Date, years int) events.Date {
	if start.Unknown() || start.Earliest() == events.MinDay || start.Latest() == events.MaxDay {
		return events.Date{}
	}
	text := start.String()
	if len(text) >= 4 && allDigits(text[:4]) && (len(text) == 4 || text[4] == '-' || text[4] == '?' || text[4] == '~' || text[4] == '%') &&
		!start.IsInterval() && !strings.Contains(text, "X") {
		y := 0
		for _, c := range text[:4] {
			y = y*10 + int(c-'0')
		}
		if y+years >= 0 && y+years <= 9999 {
			shifted := pad4(y+years) + text[4:]
			if d, err := events.ParseDate(shifted); err == nil {
				return d
			}
		}
	}
	lo, hi := shiftYears(start.Earliest(), years), shiftYears(start.Latest(), years)
	text = lo.String() + "/" + hi.String()
	if lo == hi {
		text = lo.String()
	}
	d, err := events.ParseDate(text)
	if err != nil {
		return events.Date{}
	}
	return d
}

// shiftYears returns the same day of the month years later, or the last day of that month.
func shiftYears(d events.Day, years int) events.Day {
	y, m, day := d.Civil()
	for ; day > 28; day-- {
		if s := events.DayOf(y+years, m, day); func() bool { _, sm, _ := s.Civil(); return sm == m }() {
			return s
		}
	}
	return events.DayOf(y+years, m, day)
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func pad4(y int) string {
	s := []byte("0000")
	for i := 3; i >= 0; i-- {
		s[i] = byte('0' + y%10)
		y /= 10
	}
	return string(s)
}
