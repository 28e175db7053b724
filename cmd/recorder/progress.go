package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how long work goes (ingest, replay, import, export): a bar with the count, the rate
// and the time left, on stderr, when stderr is a terminal; nothing otherwise, where the command's
// summary line says what was done. Its methods do nothing on a nil or silent progress.
type progress struct {
	bar *progressbar.ProgressBar
}

// isTerminal reports whether w is a terminal: a bar is drawn only there. Main.Terminal replaces it in
// tests.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// newProgress returns a progress of total units (events or facts) for the work described.
func (m *Main) newProgress(what string, total int64) *progress {
	terminal := isTerminal
	if m.Terminal != nil {
		terminal = m.Terminal
	}
	if !terminal(m.Stderr) || total <= 0 {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(m.Stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("events"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
	)}
}

// recorderProgress returns a Recorder.Progress that draws a bar for the work described, made on the
// first report (when the total is known), and the progress, to finish.
func (m *Main) recorderProgress(what string) (func(done, total int), **progress) {
	var p *progress
	return func(done, total int) {
		if p == nil {
			p = m.newProgress(what, int64(total))
		}
		p.set(int64(done))
	}, &p
}

// set moves the bar to done of its total.
func (p *progress) set(done int64) {
	if p != nil && p.bar != nil {
		p.bar.Set64(done)
	}
}

// finish clears the bar, leaving the line for the summary.
func (p *progress) finish() {
	if p != nil && p.bar != nil {
		p.bar.Finish()
	}
}
