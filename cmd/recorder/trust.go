package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"annals/jetlog"
)

// trustFile is the file in the data directory that says which events of the stream this recorder
// takes as part of the record: those signed by Keys, and the unsigned ones at sequences up to
// UnsignedThrough — what the stream held when the record first met signed events (trust on first
// use, written once).
type trustFile struct {
	Keys            []string `json:"keys"`
	UnsignedThrough uint64   `json:"unsigned_through"`
}

// signingKey returns the path of the recorder's signing key.
func (c *config) signingKey() string {
	if c.signing != "" {
		return c.signing
	}
	return filepath.Join(c.data, "recorder.nk")
}

// trust reads the data directory's trust file, making it on first use (the recorder's own key; the
// stream's events so far accepted unsigned), and returns what the log's readers accept: the keys of
// the file, the recorder's own and those of --trusted-keys.
func (c *config) trust(ctx context.Context, log *jetlog.Log, signer *jetlog.Signer, extra jetlog.Trust) (jetlog.Trusting, error) {
	path := filepath.Join(c.data, "trust.json")
	var tf trustFile
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := json.Unmarshal(data, &tf); err != nil {
			return jetlog.Trusting{}, fmt.Errorf("trust file %s: %w", path, err)
		}
	case errors.Is(err, fs.ErrNotExist):
		last, err := log.LastSeq(ctx)
		if err != nil {
			return jetlog.Trusting{}, err
		}
		tf = trustFile{Keys: []string{signer.PublicKey()}, UnsignedThrough: last}
		data, _ := json.MarshalIndent(tf, "", "  ")
		if err := writeFileAtomic(path, append(data, '\n')); err != nil {
			return jetlog.Trusting{}, fmt.Errorf("write trust file %s: %w", path, err)
		}
	default:
		return jetlog.Trusting{}, fmt.Errorf("read trust file %s: %w", path, err)
	}
	keys, err := jetlog.ParseTrust(joinKeys(tf.Keys))
	if err != nil {
		return jetlog.Trusting{}, fmt.Errorf("trust file %s: %w", path, err)
	}
	keys[signer.PublicKey()] = true
	for k := range extra {
		keys[k] = true
	}
	return jetlog.Trusting{Keys: keys, UnsignedThrough: tf.UnsignedThrough}, nil
}

func joinKeys(keys []string) string {
	sorted := append([]string(nil), keys...)
	sort.Strings(sorted)
	out := ""
	for i, k := range sorted {
		if i > 0 {
			out += ","
		}
		out += k
	}
	return out
}

// writeFileAtomic writes data to path through a temporary file and a rename: the file is whole or
// absent.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
