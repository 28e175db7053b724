package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"
)

// Machine describes where the run happened.
type Machine struct {
	CPU    string `json:"cpu"`
	Cores  int    `json:"cores"`
	Go     string `json:"go"`
	OS     string `json:"os"`
	Kernel string `json:"kernel"`
}

func (m Machine) String() string {
	return fmt.Sprintf("%s, %d cores, %s, %s, kernel %s", m.CPU, m.Cores, m.Go, m.OS, m.Kernel)
}

func machine() Machine {
	m := Machine{CPU: "unknown", Cores: runtime.NumCPU(), Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH, Kernel: "unknown"}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		s := bufio.NewScanner(f)
		for s.Scan() {
			if k, v, ok := strings.Cut(s.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	return m
}

func writeTable(w io.Writer, rep *Report) {
	fmt.Fprintf(w, "annals-bench run, %s (sizes %s; %s)\nmachine: %s\n\n", rep.Started, strings.Join(rep.Sizes, ","), rep.Duration, rep.Machine)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tsize\tvalue\tbaseline\tagainst\tratio\ttarget\t")
	for _, r := range rep.Rows {
		base, ratio := "", ""
		if r.Baseline != 0 {
			base, ratio = fmtNum(r.Baseline)+" "+r.Unit, fmt.Sprintf("%.3f×", r.Ratio)
		}
		target := r.Target
		if r.Met != "" {
			target += " " + r.Met
		}
		fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\t%s\t%s\t%s\t\n", r.Figure, r.Size, fmtNum(r.Value), r.Unit, base, r.Against, ratio, target)
	}
	tw.Flush()
	if len(rep.Notes) > 0 {
		fmt.Fprintln(w, "\nnotes:")
		for _, n := range rep.Notes {
			fmt.Fprintln(w, "- "+n)
		}
	}
}

func fmtNum(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func writeJSON(path string, rep *Report) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
