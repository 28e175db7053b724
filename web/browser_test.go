package web

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// defaultChromium is where Debian's chromium package puts the browser; .ci/run installs it.
// ANNALS_CHROMIUM names another.
const defaultChromium = "/usr/bin/chromium"

// newBrowser starts a headless chromium with a fresh profile, for the life of the test. It skips the
// test when chromium is missing, unless CI is set: there a missing browser fails the test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	chromiumPath := defaultChromium
	if p := os.Getenv("ANNALS_CHROMIUM"); p != "" {
		chromiumPath = p
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no browser at %s (install chromium; under CI=true this fails)", chromiumPath)
		}
		t.Fatalf("no browser at %s, and CI is set: %v", chromiumPath, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // starts the browser, on a context with no timeout
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// step runs actions with a time limit, failing the test with what was being done.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls until a JavaScript predicate holds. A page that is being replaced cannot evaluate
// anything ("Cannot find context with specified id"): such errors are retried until the time is up.
func waitFor(t *testing.T, ctx context.Context, what, predicate string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		c, cancel := context.WithTimeout(ctx, 3*time.Second)
		ok, err := chromedp.Run(c, chromedp.Evaluate[bool](predicate))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: the page did not get there in 15s (last error: %v) (body: %.2000s)", what, last, bodyText(ctx))
}

// screenshotDirEnv names a directory where the screenshots the README shows are written as well
// (ANNALS_SCREENSHOTS=../docs go test ./web -run TestBrowser writes docs/day-1995-03-01.png and
// docs/party-cnrp.png).
const screenshotDirEnv = "ANNALS_SCREENSHOTS"

// publish writes a screenshot to the directory ANNALS_SCREENSHOTS names, when it names one.
func publish(t *testing.T, name string, png []byte) {
	t.Helper()
	dir := os.Getenv(screenshotDirEnv)
	if dir == "" {
		return
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("published screenshot: %s", path)
}

// topShot takes a screenshot of the top of the page down to the bottom of the element sel (a CSS
// selector) at the window's width: the viewport is stretched to that height for the shot.
func topShot(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	size := eval[map[string]float64](t, ctx, `(() => { const r = document.querySelector(`+"`"+sel+"`"+`).getBoundingClientRect(); return {w: innerWidth, h: Math.ceil(r.bottom + scrollY + 16)} })()`)
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(size["w"]), int64(size["h"]))); err != nil {
		t.Fatalf("stretch the viewport: %v", err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot down to %s: %v", sel, err)
	}
	if err := chromedp.Do(ctx, chromedp.ResetViewport()); err != nil {
		t.Fatalf("reset the viewport: %v", err)
	}
	return png
}

func bodyText(ctx context.Context) string {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	return s
}

// screenshot saves the whole page as a PNG in the test's artifact directory (go test -artifacts keeps it).
func screenshot(t *testing.T, ctx context.Context, name string) []byte {
	t.Helper()
	return shoot(t, ctx, name, chromedp.FullScreenshot(100))
}

// shoot saves the PNG a screenshot action takes in the test's artifact directory, and returns it.
func shoot(t *testing.T, ctx context.Context, name string, action chromedp.Action[[]byte]) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, action)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	save(t, name, png)
	return png
}

// save writes a PNG in the test's artifact directory.
func save(t *testing.T, name string, png []byte) {
	t.Helper()
	path := filepath.Join(t.ArtifactDir(), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

func TestBrowser(t *testing.T) {
	ctx := newBrowser(t)
	srv := newServer(t)
	base := srv.URL

	t.Run("day 1995 shows the CNUP and its leader", func(t *testing.T) {
		step(t, ctx, "open the day page", chromedp.Navigate(base+"/?at=1995-03-01"))
		card := eval[string](t, ctx, `document.getElementById("p-cambodian-national-unity-party").innerText`)
		for _, want := range []string{"Cambodian National Unity Party", "(CNUP)", "Khieu Samphan", "certain"} {
			if !strings.Contains(card, want) {
				t.Errorf("the CNUP's card on 1995-03-01 lacks %q:\n%s", want, card)
			}
		}
		publish(t, "day-1995-03-01", screenshot(t, ctx, "day-1995-03-01"))
	})

	t.Run("moving the date to 2015 shows the CNRP", func(t *testing.T) {
		// Without script: the date form is a plain GET.
		step(t, ctx, "open the day page", chromedp.Navigate(base+"/?at=1995-03-01"))
		if _, err := chromedp.RunResponse(ctx, chromedp.SetValue(chromedp.ID("at"), "2015-06-01"), chromedp.Submit(chromedp.ID("at"))); err != nil {
			t.Fatalf("submit the day form: %v", err)
		}
		waitFor(t, ctx, "the CNRP on 2015-06-01", `document.getElementById("p-cambodia-national-rescue-party") !== null && location.search.includes("at=2015-06-01")`)
		card := eval[string](t, ctx, `document.getElementById("p-cambodia-national-rescue-party").innerText`)
		if !strings.Contains(card, "Cambodia National Rescue Party") || !strings.Contains(card, "Sam Rainsy") {
			t.Errorf("the CNRP's card on 2015-06-01 = %q, want its name and leader", card)
		}
		// With script: the slider updates the page in place.
		eval[bool](t, ctx, `(() => { const s = document.getElementById("year"); s.value = "1995"; s.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
		waitFor(t, ctx, "the slider moved to 1995", `document.getElementById("p-cambodian-national-unity-party") !== null && document.getElementById("day-title").innerText.includes("1995-06-01") && location.search.includes("at=1995-06-01")`)
		screenshot(t, ctx, "day-slider-1995")
	})

	t.Run("the lineage is a picture whose nodes link to party pages", func(t *testing.T) {
		step(t, ctx, "open the CNRP's page", chromedp.Navigate(base+"/party/cnrp"))
		hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll("svg.lineage-graph a")].map(a => a.getAttribute("href"))`)
		for _, want := range []string{"/party/sam-rainsy-party", "/party/human-rights-party", "/party/cambodia-national-rescue-party", "/party/candlelight-party", "/party/khmer-will-party"} {
			if !slices.Contains(hrefs, want) {
				t.Errorf("lineage nodes link to %v, want %s among them", hrefs, want)
			}
		}
		box := eval[map[string]float64](t, ctx, `(() => { const r = document.querySelector("svg.lineage-graph").getBoundingClientRect(); return {w: r.width, h: r.height} })()`)
		if box["w"] < 200 || box["h"] < 150 {
			t.Errorf("the lineage picture is %vx%v px, want it drawn", box["w"], box["h"])
		}
		shoot(t, ctx, "party-cnrp-top", chromedp.CaptureScreenshot())
		shoot(t, ctx, "lineage-cnrp", chromedp.Screenshot(chromedp.CSS("figure.lineage")))
		// One edge per link: the two sources of the 2012 merger are one edge each for the Sam Rainsy
		// and the Human Rights Party, and the infobox's undated claim folds into it.
		if n := eval[int](t, ctx, `document.querySelectorAll("svg.lineage-graph path.edge-merger").length`); n != 3 {
			t.Errorf("the CNRP's lineage draws %d merger edges, want 3 (Sam Rainsy, Human Rights, Norodom Ranariddh)", n)
		}
		// The page with its lineage picture, for the README.
		png := topShot(t, ctx, "#lineage")
		save(t, "party-cnrp", png)
		publish(t, "party-cnrp", png)
		// The nodes are links a keyboard reaches: focus one and press Enter.
		eval[bool](t, ctx, `(() => { document.querySelector('svg.lineage-graph a[href="/party/candlelight-party"]').focus(); return true })()`)
		if href := eval[string](t, ctx, `document.activeElement.getAttribute("href") || ""`); href != "/party/candlelight-party" {
			t.Errorf("focus on the Candlelight Party's node went to %q", href)
		}
		if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent("\r")); err != nil {
			t.Fatalf("press Enter on a lineage node: %v", err)
		}
		waitFor(t, ctx, "the Candlelight Party's page", `location.pathname === "/party/candlelight-party"`)
		step(t, ctx, "open the CNUP's page", chromedp.Navigate(base+"/party/cnup"))
		shoot(t, ctx, "lineage-cnup", chromedp.Screenshot(chromedp.CSS("figure.lineage")))
		step(t, ctx, "open the CNRP's page", chromedp.Navigate(base+"/party/cnrp"))
		if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`svg.lineage-graph a[href="/party/sam-rainsy-party"] rect`))); err != nil {
			t.Fatalf("click the Sam Rainsy Party's node: %v", err)
		}
		waitFor(t, ctx, "the Sam Rainsy Party's page", `location.pathname === "/party/sam-rainsy-party" && document.querySelector("h1").innerText.includes("Sam Rainsy Party")`)
	})

	t.Run("an ended party: last leaders, former wings and affiliations, bans", func(t *testing.T) {
		step(t, ctx, "open the CNRP's page on 2018-01-01", chromedp.Navigate(base+"/party/cnrp?at=2018-01-01"))
		state := eval[string](t, ctx, `document.getElementById("state").innerText`)
		for _, want := range []string{"none: the party had ended", "Last leaders", "Kem Sokha, leader (also styled president) since 2017-03-02, left 2017-11-16",
			"Former wings", "CNRP Youth", "Former affiliations", "Liberal International", "Bans from politics",
			"118 senior party officials banned for 5 years from 2017-11-16 until 2022-11-16: ⛔ in force"} {
			if !strings.Contains(norm(state), want) {
				t.Errorf("the CNRP on 2018-01-01 lacks %q:\n%s", want, state)
			}
		}
		screenshot(t, ctx, "party-cnrp-2018")
		step(t, ctx, "open the CNRP's page on 2023-01-01", chromedp.Navigate(base+"/party/cnrp?at=2023-01-01"))
		if state := norm(eval[string](t, ctx, `document.querySelector("#state .bans").innerText`)); !strings.Contains(state, "118 senior party officials banned for 5 years from 2017-11-16 until 2022-11-16: ✓ over") {
			t.Errorf("the CNRP's ban on 2023-01-01 = %q, want it over", state)
		}
		step(t, ctx, "open the CNRP's page on 2017-02-20", chromedp.Navigate(base+"/party/cnrp?at=2017-02-20"))
		if v := norm(eval[string](t, ctx, `document.querySelector("#state .vacancies").innerText`)); !strings.Contains(v, "leader: vacant since 2017-02-11, until 2017-03-02 (last held by Sam Rainsy)") {
			t.Errorf("the CNRP's vacancies on 2017-02-20 = %q, want the leader's office vacant since 2017-02-11", v)
		}
	})

	t.Run("the timeline is grouped by year and keyboard navigable", func(t *testing.T) {
		step(t, ctx, "open the CNRP's page", chromedp.Navigate(base+"/party/cnrp"))
		years := eval[[]string](t, ctx, `[...document.querySelectorAll("nav#years a")].map(a => a.getAttribute("href"))`)
		if want := []string{"#y-2012", "#y-2013", "#y-2017", "#y-undated"}; !slices.Equal(years, want) {
			t.Errorf("the year index links to %q, want %q", years, want)
		}
		// Tab to the index's 2017 and press Enter: the page goes to 2017's heading.
		eval[bool](t, ctx, `(() => { document.querySelector('nav#years a[href="#y-2017"]').focus(); return true })()`)
		step(t, ctx, "press Enter on 2017", chromedp.KeyEvent("\r"))
		waitFor(t, ctx, "the 2017 heading in view", `location.hash === "#y-2017" && (() => { const r = document.getElementById("y-2017").getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight })()`)
		first := eval[string](t, ctx, `document.getElementById("y-2017").closest("section").querySelector(".entry .when").innerText`)
		if !strings.Contains(first, "2017") {
			t.Errorf("the first entry under 2017 is dated %q", first)
		}
		// The next Tab from the heading reaches its link back to the index.
		step(t, ctx, "press Tab", chromedp.KeyEvent("\t"))
		if cls := eval[string](t, ctx, `document.activeElement.className + " " + (document.activeElement.closest("section") || {}).className`); cls != "to-years year" {
			t.Errorf("after the 2017 heading, Tab goes to %q, want its link back to the years", cls)
		}
		step(t, ctx, "press Enter on ↑ years", chromedp.KeyEvent("\r"))
		waitFor(t, ctx, "the year index", `location.hash === "#years"`)
		screenshot(t, ctx, "timeline-years")
	})

	t.Run("a source link shows the quote highlighted in place", func(t *testing.T) {
		step(t, ctx, "open the CNUP's page", chromedp.Navigate(base+"/party/cnup"))
		quote := eval[string](t, ctx, `document.querySelector("#timeline a.read").closest("li").querySelector("blockquote").innerText`)
		if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("#timeline a.read"))); err != nil {
			t.Fatalf("follow the first source link: %v", err)
		}
		waitFor(t, ctx, "the source page", `location.pathname.startsWith("/source/") && document.querySelector("mark.quote.current") !== null`)
		marked := eval[string](t, ctx, `[...document.querySelectorAll("mark.quote.current")].map(m => m.textContent).join("")`)
		if norm(marked) != norm(quote) {
			t.Errorf("the highlighted quote = %q, want %q", marked, quote)
		}
		inView := eval[bool](t, ctx, `(() => { const r = document.querySelector("mark.quote.current").getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight })()`)
		if !inView {
			t.Errorf("the highlighted quote is not scrolled into view")
		}
		shoot(t, ctx, "source-quote", chromedp.CaptureScreenshot())
	})

	t.Run("search", func(t *testing.T) {
		step(t, ctx, "open the day page", chromedp.Navigate(base+"/"))
		if _, err := chromedp.RunResponse(ctx, chromedp.SendKeys(chromedp.ID("q"), "Khmer National Solidary Party"), chromedp.Submit(chromedp.ID("q"))); err != nil {
			t.Fatalf("search: %v", err)
		}
		waitFor(t, ctx, "the KNSP's page", `location.pathname === "/party/khmer-national-solidarity-party"`)
		if _, err := chromedp.RunResponse(ctx, chromedp.SendKeys(chromedp.ID("q"), "Khmer Natonal Solidarity"), chromedp.Submit(chromedp.ID("q"))); err != nil {
			t.Fatalf("search: %v", err)
		}
		waitFor(t, ctx, "did you mean", `document.body.innerText.includes("Did you mean") && document.querySelector('.candidates a[href="/party/khmer-national-solidarity-party"]') !== null`)
		screenshot(t, ctx, "did-you-mean")
	})

	t.Run("a person's roles across parties", func(t *testing.T) {
		step(t, ctx, "open Kem Sokha's page", chromedp.Navigate(base+"/person/kem-sokha"))
		roles := eval[string](t, ctx, `document.getElementById("roles").innerText`)
		for _, want := range []string{"Cambodia National Rescue Party", "leader", "cambodia-national-rescue-party.txt"} {
			if !strings.Contains(roles, want) {
				t.Errorf("Kem Sokha's roles lack %q:\n%s", want, roles)
			}
		}
		shoot(t, ctx, "person-kem-sokha", chromedp.CaptureScreenshot())
	})

	t.Run("Khmer text is declared as Khmer", func(t *testing.T) {
		step(t, ctx, "open the CNRP's page", chromedp.Navigate(base+"/party/cnrp"))
		km := eval[[]string](t, ctx, `[...document.querySelectorAll('[lang="km"]')].map(e => e.textContent)`)
		if !slices.Contains(km, "គណបក្សសង្គ្រោះជាតិ") {
			t.Errorf(`elements with lang="km" = %q, want the CNRP's Khmer name among them`, km)
		}
		if !strings.Contains(bodyText(ctx), "គណបក្សសង្គ្រោះជាតិ") {
			t.Errorf("the rendered text lacks the CNRP's Khmer name")
		}
		// The Khmer font renders the name: it is wider than nothing and the glyphs are not all one box.
		w := eval[float64](t, ctx, `document.querySelector('[lang="km"]').getBoundingClientRect().width`)
		if w <= 0 {
			t.Errorf("the Khmer name renders %v px wide", w)
		}
	})

	t.Run("as recorded on", func(t *testing.T) {
		step(t, ctx, "open the day page", chromedp.Navigate(base+"/?at=1995-03-01"))
		if _, err := chromedp.RunResponse(ctx, chromedp.SetValue(chromedp.ID("known"), "2026-10-01"), chromedp.Submit(chromedp.ID("known"))); err != nil {
			t.Fatalf("submit as recorded on: %v", err)
		}
		waitFor(t, ctx, "the record before it was recorded", `location.search.includes("known=2026-10-01") && location.search.includes("at=1995-03-01") && document.body.innerText.includes("0 parties on record")`)
	})

	t.Run("keyboard: the first tab reaches the skip link", func(t *testing.T) {
		step(t, ctx, "open the day page", chromedp.Navigate(base+"/?at=1995-03-01"), chromedp.KeyEvent("\t"))
		if cls := eval[string](t, ctx, `document.activeElement.className`); cls != "skip" {
			t.Errorf("after one tab the focus is on class %q, want the skip link", cls)
		}
	})

	t.Run("phone width has no horizontal overflow", func(t *testing.T) {
		for _, path := range []string{"/?at=1995-03-01", "/party/cnrp", "/party/cnup", "/person/kem-sokha", "/source/cambodia-national-rescue-party.txt"} {
			step(t, ctx, "open "+path+" at 375 px", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile), chromedp.Navigate(base+path))
			over := eval[map[string]float64](t, ctx, `({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})`)
			if over["scroll"] > over["inner"] {
				wide := eval[string](t, ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 5).map(e => e.tagName + "." + e.className).join(", ")`)
				t.Errorf("%s at 375 px: the page is %v px wide (too wide: %s)", path, over["scroll"], wide)
			}
			if path == "/?at=1995-03-01" {
				screenshot(t, ctx, "day-phone")
			}
		}
		step(t, ctx, "reset the viewport", chromedp.ResetViewport())
	})
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }
