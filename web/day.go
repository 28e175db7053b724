package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"annals/events"
	"annals/history"
	"annals/projections"
)

// DefaultDay is the day the day page shows when none is asked for.
const DefaultDay = "1995-03-01"

// DefaultPageSize is how many parties the day page shows at once; ?page=N shows the others.
const DefaultPageSize = 100

type dayPage struct {
	Day              string // YYYY-MM-DD
	Year             int
	MD               string // MM-DD of Day, kept when the slider moves the year
	MinYear, MaxYear int
	Parties          []stateView
	Undated          []stateView // parties the record names with no dated fact by the day
	Error            string

	// Counts of all the parties of the day; Parties and Undated hold those of page Page (from 1) of Pages.
	Dated, Named int
	Page, Pages  int
	Prev, Next   string // links to the pages around, "" at the ends
}

// day serves the parties on a day: ?at=YYYY-MM-DD, or ?year=YYYY with ?md=MM-DD (the slider's form).
func (h *Handler) day(w http.ResponseWriter, r *http.Request) {
	rq := h.request(r)
	ctx := r.Context()
	q := r.URL.Query()
	p := &dayPage{}
	day, err := events.ParseDay(DefaultDay)
	if err != nil {
		panic(err)
	}
	if at := strings.TrimSpace(q.Get("at")); at != "" {
		if d, err := events.ParseDay(at); err == nil {
			day = d
		} else {
			p.Error = fmt.Sprintf("%q is not a day (YYYY-MM-DD); showing %s.", at, day)
		}
	} else if y := q.Get("year"); y != "" {
		year, err := strconv.Atoi(y)
		if err != nil {
			p.Error = fmt.Sprintf("%q is not a year; showing %s.", y, day)
		} else {
			day = dayInYear(year, q.Get("md"))
		}
	}
	p.Day = day.String()
	year, month, dom := day.Civil()
	p.Year, p.MD = year, fmt.Sprintf("%02d-%02d", month, dom)
	seq, err := h.store.LastSeq(ctx)
	if err != nil {
		h.fail(w, r, rq, "day", err)
		return
	}
	p.MinYear, p.MaxYear = h.years(ctx, rq, seq)
	p.MinYear, p.MaxYear = min(p.MinYear, year), max(p.MaxYear, year)
	dated, named, err := h.partiesOn(ctx, rq, seq, day)
	if err != nil {
		h.fail(w, r, rq, "day", err)
		return
	}
	// Page n holds the nth PageSize of the dated parties and the nth of the named ones.
	p.Dated, p.Named = len(dated), len(named)
	size := h.opts.PageSize
	if size <= 0 {
		size = DefaultPageSize
	}
	p.Pages = max(1, (len(dated)+size-1)/size, (len(named)+size-1)/size)
	p.Page = 1
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n >= 1 && n <= p.Pages {
		p.Page = n
	}
	lo := (p.Page - 1) * size
	for _, st := range window(dated, lo, size) {
		p.Parties = append(p.Parties, rq.state(st, history.DisplayName(st)))
	}
	for _, st := range window(named, lo, size) {
		p.Undated = append(p.Undated, rq.state(st, history.DisplayName(st)))
	}
	if p.Page > 1 {
		p.Prev = rq.link("/", "at", p.Day, "page", strconv.Itoa(p.Page-1))
	}
	if p.Page < p.Pages {
		p.Next = rq.link("/", "at", p.Day, "page", strconv.Itoa(p.Page+1))
	}
	h.render(w, r, http.StatusOK, "day", p, rq, hidden{"at", p.Day})
}

// dayInYear returns the day md (MM-DD) of year: the last day of the month when year has no such day,
// and 1 July when md is not a month and day.
func dayInYear(year int, md string) events.Day {
	var m, d int
	if _, err := fmt.Sscanf(md, "%d-%d", &m, &d); err != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		m, d = 7, 1
	}
	last := time.Date(year, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return events.DayOf(year, m, min(d, last))
}

// recordKey names one record as it stood: the answers for it do not change.
type recordKey struct {
	seq     uint64
	knownAt time.Time
}

// yearsWait is how long a page waits for the span of years of a record not seen before; past it, the
// page shows the last span known (of an earlier record) or DefaultMinYear to this year, and the span
// is ready for the pages after it.
const yearsWait = 40 * time.Millisecond

// DefaultMinYear is the first year of the slider until the record's own span is known.
const DefaultMinYear = 1900

// yearsCache keeps the years of the slider: the span of the last record read, and whether a reading
// is under way.
type yearsCache struct {
	sync.Mutex
	ok         bool
	key        recordKey
	start, end int
	reading    chan struct{} // closed when the reading under way is done; nil when none is
}

// years returns the first and last year a dated fact of the record may fall in, for the slider. The
// answer is kept until the store applies another event or another known-at is asked about. Reading
// it reads every event, which takes seconds at scale: it is read in the background, and a page does
// not wait longer than yearsWait for it (it shows the span of the record as it was before, or
// DefaultMinYear to this year when none was read yet).
func (h *Handler) years(ctx context.Context, rq *request, seq uint64) (int, int) {
	key := recordKey{seq, rq.knownAt}
	h.cache.Lock()
	if h.cache.ok && h.cache.key == key {
		s, e := h.cache.start, h.cache.end
		h.cache.Unlock()
		return s, e
	}
	done := h.cache.reading
	if done == nil {
		done = make(chan struct{})
		h.cache.reading = done
		go h.readYears(context.WithoutCancel(ctx), rq.historian, key, done)
	}
	h.cache.Unlock()
	select {
	case <-done:
	case <-time.After(yearsWait):
	case <-ctx.Done():
	}
	h.cache.Lock()
	defer h.cache.Unlock()
	if h.cache.ok {
		return h.cache.start, h.cache.end
	}
	return DefaultMinYear, time.Now().UTC().Year()
}

// readYears reads the span of years of the record key names into the cache, and closes done.
func (h *Handler) readYears(ctx context.Context, hi *history.Historian, key recordKey, done chan struct{}) {
	defer func() {
		h.cache.Lock()
		h.cache.reading = nil
		h.cache.Unlock()
		close(done)
	}()
	found, err := hi.Events(ctx, history.EventsQuery{Dated: true, From: events.MinDay, To: events.MaxDay})
	if err != nil {
		h.log.Error("read the years of the record", "seq", key.seq, "err", err)
		return
	}
	lo, hi2 := events.MaxDay, events.MinDay
	for _, f := range found {
		d := f.Stored.Event.Date
		if e := d.Earliest(); e != events.MinDay && e < lo {
			lo = e
		}
		if l := d.Latest(); l != events.MaxDay && l > hi2 {
			hi2 = l
		}
	}
	start, end := DefaultMinYear, time.Now().UTC().Year()
	if lo != events.MaxDay {
		start, _, _ = lo.Civil()
	}
	if hi2 != events.MinDay {
		end, _, _ = hi2.Civil()
	}
	if start > end {
		start, end = end, start
	}
	h.cache.Lock()
	h.cache.ok, h.cache.key, h.cache.start, h.cache.end = true, key, start, end
	h.cache.Unlock()
}

// dayKey names the parties of one day of one record.
type dayKey struct {
	record recordKey
	day    events.Day
}

// dayCache keeps the parties of the last day shown, so that the other pages of that day are not
// folded again.
type dayCache struct {
	sync.Mutex
	ok           bool
	key          dayKey
	dated, named []projections.PartyState
}

// partiesOn returns the parties of the day: those the record dates by then, and those it names without
// a dated fact by then, each in the order history.State gives. The answer for the last day asked
// about is kept until the store or the known-at changes.
func (h *Handler) partiesOn(ctx context.Context, rq *request, seq uint64, day events.Day) (dated, named []projections.PartyState, err error) {
	key := dayKey{recordKey{seq, rq.knownAt}, day}
	h.days.Lock()
	if h.days.ok && h.days.key == key {
		dated, named = h.days.dated, h.days.named
		h.days.Unlock()
		return dated, named, nil
	}
	h.days.Unlock()
	states, err := rq.historian.State(ctx, day, "")
	if err != nil {
		return nil, nil, err
	}
	for _, st := range states {
		if st.Status.Is(projections.StateUnrecorded) && !st.Attested {
			named = append(named, st)
		} else {
			dated = append(dated, st)
		}
	}
	h.days.Lock()
	h.days.ok, h.days.key, h.days.dated, h.days.named = true, key, dated, named
	h.days.Unlock()
	return dated, named, nil
}

// window returns up to n elements of list from lo.
func window[T any](list []T, lo, n int) []T {
	if lo >= len(list) {
		return nil
	}
	return list[lo:min(lo+n, len(list))]
}
