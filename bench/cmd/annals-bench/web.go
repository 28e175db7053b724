package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"annals/boltstore"
	"annals/events"
	"annals/sources"
	"annals/web"
)

// Targets of the day page (issue 15): server time of one page.
const (
	WebDayTargetMS   = 200 // at 10k generated parties, paginated
	WebSeedsTargetMS = 50  // every party of the seeds
	WebRuns          = 9   // timed requests after the first, per figure
)

// webFigures measures figure 8: the server time of the web page of the parties on a day (web.New's
// handler, called directly with an httptest recorder: no network, no browser), over the generated
// store at path (closed by the caller, opened here read only) from QueryDay on, and over the seeds
// from 1995-03-01 on (see webDay).
func (r *runner) webFigures(ctx context.Context, path string, parties int) error {
	sz := fmtSize(parties)
	r.progress("size %s: web day page", sz)
	store, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	err = r.webDay(ctx, store, sz, QueryDay, WebDayTargetMS)
	store.Close()
	if err != nil {
		return err
	}

	r.progress("seeds: web day page")
	dir, err := tempDir(r.tmp, "web-seeds")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	root, err := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}", "annals").Output()
	if err != nil {
		return fmt.Errorf("find the annals module: %w", err)
	}
	in, err := sources.Load([]string{filepath.Join(strings.TrimSpace(string(root)), "seeds")})
	if err != nil {
		return err
	}
	e, err := newEnv(ctx, dir, true)
	if err != nil {
		return err
	}
	defer e.close()
	if _, err := e.recorder().Record(ctx, in.Facts); err != nil {
		return fmt.Errorf("record the seeds: %w", err)
	}
	return r.webDay(ctx, e.store, "seeds", events.DayOf(1995, 3, 1), WebSeedsTargetMS)
}

// countRE reads the day page's count of parties: "N parties on record by DAY, and M more … Page 1 of P."
var countRE = regexp.MustCompile(`(\d+) parties on record by [0-9-]+(?:, and (\d+) more the record names without dating)?\.(?: Page 1 of (\d+)\.)?`)

// sliderRE reads the span of years of the day page's slider.
var sliderRE = regexp.MustCompile(`type="range" id="year" name="year" min="(\d+)" max="(\d+)"`)

// webDay times the day page on a fresh handler over store: its first request (which starts reading
// the span of years of the slider in the background, see web.Handler), then, once that span is read,
// the first view of WebRuns other days (every party of the day folded: the median is the figure the
// target is about) and other pages of a day already shown (the handler keeps the last day's parties).
func (r *runner) webDay(ctx context.Context, store events.Reader, size string, day events.Day, targetMS float64) error {
	h := web.New(store, web.Options{})
	get := func(page string) (string, time.Duration, error) {
		req := httptest.NewRequestWithContext(ctx, http.MethodGet, page, nil)
		w := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(w, req)
		d := time.Since(start)
		if w.Code != http.StatusOK {
			return "", d, fmt.Errorf("GET %s = %d: %.300s", page, w.Code, w.Body.String())
		}
		return w.Body.String(), d, nil
	}
	at := func(d events.Day) string { return "/?at=" + d.String() }
	body, first, err := get(at(day))
	if err != nil {
		return err
	}
	// Wait (up to two minutes) for the slider's span, until the page shows another than the default
	// one: its reading would compete with the timed requests.
	fallback := fmt.Sprintf("%d %d", web.DefaultMinYear, time.Now().UTC().Year())
	waited := time.Now()
	ready := "was not seen in 2 minutes (the record may span the default years)"
	for time.Since(waited) < 2*time.Minute {
		if m := sliderRE.FindStringSubmatch(body); m != nil && m[1]+" "+m[2] != fallback {
			ready = "was ready " + time.Since(waited).Round(time.Millisecond).String() + " later"
			break
		}
		time.Sleep(200 * time.Millisecond)
		if body, _, err = get(at(day)); err != nil {
			return err
		}
	}
	pages := 1
	count := "no count on the page"
	if m := countRE.FindStringSubmatch(body); m != nil {
		if m[3] != "" {
			fmt.Sscan(m[3], &pages)
		}
		count = fmt.Sprintf("%s parties dated by %s and %s named without dating, shown %d a page on %d pages", m[1], day, orZero(m[2]), web.DefaultPageSize, pages)
	}
	var fresh, again []time.Duration
	for i := range WebRuns {
		_, d, err := get(at(day + events.Day(1+i*37))) // another day each time: nothing kept from before
		if err != nil {
			return err
		}
		fresh = append(fresh, d)
	}
	if _, _, err := get(at(day)); err != nil {
		return err
	}
	for i := range WebRuns {
		_, d, err := get(at(day) + fmt.Sprintf("&page=%d", 1+(i+1)%pages))
		if err != nil {
			return err
		}
		again = append(again, d)
	}
	target := fmt.Sprintf("≤ %.0f ms", targetMS)
	med := millis(percentile(fresh, 0.5))
	r.add(Row{Figure: fmt.Sprintf("8. web day page, a day first shown (GET /?at=…), median of %d days", WebRuns), Size: size, Value: med, Unit: "ms",
		Target: target, Met: metWord(med <= targetMS)})
	med = millis(percentile(again, 0.5))
	r.add(Row{Figure: fmt.Sprintf("8. web day page, another page of a day shown (…&page=N), median of %d", WebRuns), Size: size, Value: med, Unit: "ms",
		Target: target, Met: metWord(med <= targetMS)})
	r.add(Row{Figure: "8. web day page, a handler's first request", Size: size, Value: millis(first), Unit: "ms"})
	r.note("web day page (8) at %s: %s; days first shown: %s and the %d days every 37 days after it; the slider's span of years, read in the background after a handler's first request, %s; server time of web.Handler.ServeHTTP into an httptest recorder, no network",
		size, count, day, WebRuns-1, ready)
	return nil
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

func millis(d time.Duration) float64 { return d.Seconds() * 1e3 }
