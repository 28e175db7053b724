package jetlog

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Server versions the log relies on.
const (
	// MinServerVersion is the oldest nats-server the log works with: 2.11.0 added the header
	// Nats-Expected-Last-Subject-Sequence-Subject, which makes the expected last sequence of a publish
	// that of its entity's subjects. An older server ignores it and checks the sequence of the one
	// subject published to, so every event after one of another type of the same entity would be a
	// false conflict.
	MinServerVersion = "2.11.0"
	// AtomicBatchVersion is the oldest nats-server with atomic batch publish (2.12.0); on an older one
	// the log publishes event by event.
	AtomicBatchVersion = "2.12.0"
)

// ErrServerVersion is returned by Open when the NATS server is older than MinServerVersion or gives a
// version that cannot be read.
var ErrServerVersion = errors.New("unsupported nats-server version")

// checkServerVersion checks a server's version ("2.12.3", "v2.11.0-RC.2") and reports whether it has
// atomic batch publish.
func checkServerVersion(version string) (atomic bool, err error) {
	got, ok := parseVersion(version)
	if !ok {
		return false, fmt.Errorf("nats-server gives its version as %q, which is not MAJOR.MINOR.PATCH: %w", version, ErrServerVersion)
	}
	need, _ := parseVersion(MinServerVersion)
	if less(got, need) {
		return false, fmt.Errorf("nats-server %s is older than %s, which the recorder needs for the expected last sequence of an entity's subjects (Nats-Expected-Last-Subject-Sequence-Subject; an older server ignores it and reports false conflicts): upgrade the server: %w",
			version, MinServerVersion, ErrServerVersion)
	}
	batch, _ := parseVersion(AtomicBatchVersion)
	return !less(got, batch), nil
}

// parseVersion reads MAJOR.MINOR.PATCH, with an optional leading "v" and a pre-release or build
// suffix, which it ignores (2.12.0-RC.1 counts as 2.12.0).
func parseVersion(s string) ([3]int, bool) {
	var v [3]int
	s = strings.TrimPrefix(s, "v")
	if i := strings.IndexAny(s, "-+"); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return v, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return v, false
		}
		v[i] = n
	}
	return v, true
}

func less(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}
