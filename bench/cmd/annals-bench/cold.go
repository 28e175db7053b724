package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

const helloMain = `package main

import "fmt"

func main() { fmt.Println("hello, world") }
`

// cold measures figure 6: a cold `query state --at … --party …` process on the seeds against a Go
// hello-world process built the same way (go build with CGO_ENABLED=0, as `make build` builds the
// programs), runs interleaved, median wall time.
func (r *runner) cold(ctx context.Context, runs int) error {
	r.progress("cold query process: building")
	root, err := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}", "annals").Output()
	if err != nil {
		return fmt.Errorf("find the annals module: %w", err)
	}
	rootDir := strings.TrimSpace(string(root))
	dir, err := tempDir(r.tmp, "cold")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := func(name string) string { return filepath.Join(dir, name) }
	for _, b := range [][]string{
		{"build", "-o", bin("query"), "annals/cmd/query"},
		{"build", "-o", bin("recorder"), "annals/cmd/recorder"},
	} {
		cmd := exec.CommandContext(ctx, "go", b...)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go %s: %v\n%s", strings.Join(b, " "), err, out)
		}
	}
	hello := filepath.Join(dir, "hello")
	if err := os.MkdirAll(hello, 0o755); err != nil {
		return err
	}
	os.WriteFile(filepath.Join(hello, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(hello, "main.go"), []byte(helloMain), 0o644)
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin("hello-bin"), ".")
	cmd.Dir = hello
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("build hello: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "data")
	if out, err := exec.CommandContext(ctx, bin("recorder"), "ingest", "--data", data, filepath.Join(rootDir, "seeds")).CombinedOutput(); err != nil {
		return fmt.Errorf("recorder ingest seeds: %v\n%s", err, out)
	}
	queryArgs := []string{"state", "--data", data, "--at", "1995-03-01", "--party", "cnup"}
	var tq, th []time.Duration
	for i := range runs + 1 {
		var out bytes.Buffer
		c := exec.CommandContext(ctx, bin("query"), queryArgs...)
		c.Stdout, c.Stderr = &out, &out
		d, err := timed(c.Run)
		if err != nil {
			return fmt.Errorf("query %s: %v\n%s", strings.Join(queryArgs, " "), err, out.String())
		}
		h := exec.CommandContext(ctx, bin("hello-bin"))
		dh, err := timed(h.Run)
		if err != nil {
			return err
		}
		if i > 0 { // the first run of each loads the binary into the page cache
			tq, th = append(tq, d), append(th, dh)
		}
	}
	q, h := percentile(tq, 0.5), percentile(th, 0.5)
	r.add(atMost(Row{Figure: "6. cold `query state --party cnup` process, p50", Size: "seeds", Value: us(q) / 1e3, Unit: "ms",
		Baseline: us(h) / 1e3, Against: "Go hello-world process"}, 2))
	r.note("cold query (6): %d runs each, interleaved, after one unmeasured run; query state --at 1995-03-01 --party cnup on the seeds recorded by bin/recorder ingest; both binaries built with CGO_ENABLED=0 go build (static, as make build builds the programs)", runs)
	return nil
}
