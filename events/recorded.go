package events

import (
	"fmt"
	"time"
)

// EndUTC returns the last instant of d in UTC (23:59:59.999999999). It is the one rule for a day
// given where a recorded time is wanted: the day means its end, so that "as known on 2026-11-01"
// and "until 2026-11-01" include everything recorded that day.
func (d Day) EndUTC() time.Time {
	y, m, dd := d.Civil()
	return time.Date(y, time.Month(m), dd, 23, 59, 59, 999999999, time.UTC)
}

// ParseRecorded parses a recorded time as the command lines take it (--known-at, --until): RFC 3339
// (2026-11-01T09:30:00Z), returned in UTC, or a day YYYY-MM-DD (ParseDay), meaning its end in UTC
// (Day.EndUTC). For anything else it returns an error that quotes s and wraps ErrInvalid.
func ParseRecorded(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	day, err := ParseDay(s)
	if err != nil {
		return time.Time{}, recordedError{fmt.Sprintf("%q is neither an RFC 3339 time nor a day YYYY-MM-DD", s)}
	}
	return day.EndUTC(), nil
}

// recordedError is ParseRecorded's error: its message says what was wanted, and it wraps ErrInvalid
// without adding the sentinel's text.
type recordedError struct{ msg string }

func (e recordedError) Error() string { return e.msg }
func (e recordedError) Unwrap() error { return ErrInvalid }
