// Package tour holds the test that replays the README's tour: every shell block of README.md whose
// lines start with "$ " is run, in order, in one working directory with freshly built bin/recorder
// and bin/query, and what each command prints must be what the README shows. Event ids and recorded
// times differ from run to run: the README's stand for whatever the run prints in their place, and a
// command that names one is given the run's. `go test ./tour -update` writes the run's output into
// the README. A block preceded by `<!-- tour: skip ... -->` is not run; the comment says why and
// which test checks it instead.
package tour
