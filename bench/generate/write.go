package generate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"annals/sources"
)

// Write writes each chunk of h into dir as NAME.txt and its companion facts file NAME.facts.json, the
// shape `recorder ingest DIR` reads. It returns the number of files written.
func Write(h *History, dir string) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("write history: %w", err)
	}
	n := 0
	for _, c := range h.Chunks {
		if err := os.WriteFile(filepath.Join(dir, c.Name), []byte(c.Text), 0o644); err != nil {
			return n, fmt.Errorf("write %s: %w", c.Name, err)
		}
		n++
		data, err := json.MarshalIndent(c.Curated, "", "  ")
		if err != nil {
			return n, fmt.Errorf("encode facts of %s: %w", c.Name, err)
		}
		name := strings.TrimSuffix(c.Name, ".txt") + sources.FactsSuffix
		if err := os.WriteFile(filepath.Join(dir, name), append(data, '\n'), 0o644); err != nil {
			return n, fmt.Errorf("write %s: %w", name, err)
		}
		n++
	}
	return n, nil
}
