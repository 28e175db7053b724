package node_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"annals/node"
)

// A write whose request deadline passes before the stream acknowledges it says what that means.
func TestWriteDeadline(t *testing.T) {
	s := embedded(t)
	a := start(t, s.ClientURL(), 0)
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	_, err := a.Append(ctx, "test", factsFile("p", 0, 2))
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "writing it again is safe") {
		t.Fatalf("Append past its deadline = %v, want DeadlineExceeded, saying a retry is safe", err)
	}
	if code, _ := node.Status(err); code != 504 {
		t.Errorf("Status(%v) = %d, want 504", err, code)
	}
}
