package main

import (
	"strings"
	"testing"
	"time"
)

// TestReplicasFlag: --replicas is checked before anything opens; more than one replica needs a
// cluster, and one replica records on the embedded server.
func TestReplicasFlag(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"three on the embedded server", []string{"--replicas", "3"}, 2, "--replicas 3 needs a NATS cluster (--nats): the embedded server is a single node"},
		{"not a number", []string{"--replicas", "three"}, 2, `--replicas "three": want a number from 1 to 5`},
		{"zero", []string{"--replicas", "0"}, 2, "want a number from 1 to 5"},
		{"one", []string{"--replicas", "1"}, 0, "new facts from"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"ingest", "--data", t.TempDir()}, tt.args...)
			out, code := run(t, now, append(args, "../../seeds")...)
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Errorf("recorder %s = exit %d:\n%s\nwant exit %d with %q", strings.Join(args, " "), code, out, tt.code, tt.want)
			}
		})
	}
}
