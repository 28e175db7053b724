package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"annals/boltstore"

	bolt "go.etcd.io/bbolt"
)

// A store cut to 8 KiB: ingest and export refuse it with a clear error and exit 1 (no crash); replay
// moves it aside, says so, and rebuilds the record from the stream, which then reads as before.
func TestReplayRebuildsATruncatedStore(t *testing.T) {
	data, _ := recordedData(t)
	path := filepath.Join(data, boltstore.FileName)
	want := digestOf(t, path)
	if err := os.Truncate(path, 8<<10); err != nil {
		t.Fatal(err)
	}
	later := t0.Add(48 * time.Hour)
	for _, args := range [][]string{
		{"ingest", "--data", data, "../../seeds/cambodian-national-unity-party.txt"},
		{"export", "--data", data},
	} {
		out, code := run(t, later, args...)
		if code != 1 || !strings.Contains(out, "recorder replay") || !strings.Contains(out, path) {
			t.Errorf("recorder %s over a truncated store:\n%s\nwant exit 1 and an error naming the file and `recorder replay`", args[0], out)
		}
	}
	out, code := run(t, later, "replay", "--data", data)
	aside := path + ".damaged-" + later.UTC().Format("20060102T150405Z")
	if code != 0 || !strings.Contains(out, "moved_to="+aside) {
		t.Fatalf("recorder replay over a truncated store:\n%s\nwant exit 0 and the file moved aside to %s", out, aside)
	}
	if st, err := os.Stat(aside); err != nil || st.Size() != 8<<10 {
		t.Errorf("the damaged store set aside: %v, %v", st, err)
	}
	sameRecord(t, "the replayed store", digestOf(t, path), want)
	noLeftovers(t, data)
}

// A store with a damaged record (a year edited inside a quote) is rebuilt by replay the same way.
func TestReplayRebuildsADamagedRecord(t *testing.T) {
	data, _ := recordedData(t)
	path := filepath.Join(data, boltstore.FileName)
	want := digestOf(t, path)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(raw, []byte("1992"))
	if at < 0 {
		t.Fatal("no 1992 in the store")
	}
	copy(raw[at:], "1892")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, t0.Add(48*time.Hour), "replay", "--data", data)
	if code != 0 {
		t.Fatalf("recorder replay over a damaged record:\n%s", out)
	}
	sameRecord(t, "the replayed store", digestOf(t, path), want)
	noLeftovers(t, data)
}

// A store written by another version (here: a schema fingerprint that is not this build's, as a build
// with a payload's fields in another order writes) is refused by every command that opens it, with
// the rebuild hint; replay moves it aside and rebuilds the same record from the stream.
func TestReplayRebuildsAnOutdatedStore(t *testing.T) {
	data, _ := recordedData(t)
	path := filepath.Join(data, boltstore.FileName)
	want := digestOf(t, path)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("0123456789abcdef0123456789abcdef"))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	later := t0.Add(48 * time.Hour)
	for _, args := range [][]string{
		{"ingest", "--data", data, "../../seeds/cambodian-national-unity-party.txt"},
		{"export", "--data", data},
	} {
		out, code := run(t, later, args...)
		if code != 1 || !strings.Contains(out, "written by another version") || !strings.Contains(out, "run `recorder replay` to rebuild it from the log") {
			t.Errorf("recorder %s over an outdated store:\n%s\nwant exit 1 and the rebuild hint", args[0], out)
		}
	}
	out, code := run(t, later, "replay", "--data", data)
	aside := path + ".damaged-" + later.UTC().Format("20060102T150405Z")
	if code != 0 || !strings.Contains(out, "written by another version: moved it aside") || !strings.Contains(out, "moved_to="+aside) {
		t.Fatalf("recorder replay over an outdated store:\n%s\nwant exit 0 and the file moved aside to %s", out, aside)
	}
	sameRecord(t, "the replayed store", digestOf(t, path), want)
	noLeftovers(t, data)
}
