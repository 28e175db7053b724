package boltstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"

	"annals/events"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// A damaged file must never crash a tool. bbolt reads the file through a memory map and trusts every
// page it reaches: a damaged page may make it panic, and a page past the end of a truncated file makes
// the process fault. Open checks what it can cheaply before bbolt maps the file (the meta pages and
// the file's size against the pages they claim), and every transaction runs with faults turned into
// panics (debug.SetPanicOnFault) and such panics turned into errors wrapping events.ErrCorrupt.

// The meta page of a bbolt file: a page header of 16 bytes, then magic, version and page size (4 bytes
// each), flags (4), the root bucket (root page 8, sequence 8), the freelist page (8), the high water
// mark (8: pages at and above it are not in use), the transaction id (8) and an FNV-64a checksum of
// the 56 bytes before it, in the byte order of the machine that wrote it (bbolt files do not move
// between byte orders).
const (
	pageHeaderSize = 16
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	noFreelist     = ^uint64(0)
)

type metaPage struct {
	pageSize           uint32
	root, freelist, hw uint64
	txid               uint64
}

// parseMeta returns the meta page at the start of buf, and false if it is not a valid one.
func parseMeta(buf []byte) (metaPage, bool) {
	if len(buf) < pageHeaderSize+64 {
		return metaPage{}, false
	}
	m := buf[pageHeaderSize : pageHeaderSize+64]
	le := binary.NativeEndian
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion {
		return metaPage{}, false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != le.Uint64(m[56:]) {
		return metaPage{}, false
	}
	return metaPage{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		hw: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, true
}

// checkFile returns an error wrapping events.ErrCorrupt when the file at path is not a bbolt file
// whose meta pages are sound and whose pages are all there. A missing or empty file passes: bbolt
// creates it.
func checkFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	size := info.Size()
	if size == 0 {
		return nil
	}
	corrupt := func(why string, args ...any) error {
		return fmt.Errorf("open store %s: %s: the file is damaged or not a store; rebuild it from the stream with `recorder replay`: %w",
			path, fmt.Sprintf(why, args...), events.ErrCorrupt)
	}
	buf := make([]byte, 4096)
	n, err := f.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("open store %s: %w", path, err)
	}
	m0, ok0 := parseMeta(buf[:n])
	var m1 metaPage
	ok1 := false
	// The second meta page is one page in: the page size the first one states, or, if it is damaged,
	// any size bbolt supports.
	sizes := []int64{int64(m0.pageSize)}
	if !ok0 {
		sizes = nil
		for ps := int64(1024); ps <= 64*1024; ps *= 2 {
			sizes = append(sizes, ps)
		}
	}
	for _, ps := range sizes {
		if ps <= 0 || ps >= size {
			continue
		}
		n, err := f.ReadAt(buf, ps)
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("open store %s: %w", path, err)
		}
		if m1, ok1 = parseMeta(buf[:n]); ok1 {
			break
		}
	}
	// bbolt uses the valid meta page with the higher transaction id.
	var m metaPage
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, !ok0 && ok1:
		m = m1
	case ok0:
		m = m0
	default:
		return corrupt("neither of its meta pages is valid (%d bytes)", size)
	}
	ps := uint64(m.pageSize)
	if ps < 512 || ps&(ps-1) != 0 {
		return corrupt("its page size %d is not a power of two", ps)
	}
	if m.hw < 2 || m.root >= m.hw || (m.freelist != noFreelist && m.freelist >= m.hw) {
		return corrupt("its meta page points beyond its pages (root %d, freelist %d, %d pages)", m.root, m.freelist, m.hw)
	}
	if m.hw > uint64(size)/ps {
		return corrupt("it is %d bytes long, but holds %d pages of %d bytes: it was cut short", size, m.hw, ps)
	}
	return nil
}

// guard marks where a transaction calls a function of the store's caller: a panic there is the
// caller's and goes on as it is.
type guard struct{ outside bool }

// call runs the caller's fn.
func (g *guard) call(fn func() error) error {
	g.outside = true
	err := fn()
	g.outside = false
	return err
}

// guarded runs fn with memory faults turned into panics, and returns a panic of bbolt or of the store
// reading a damaged file (one not raised outside, in a function of the caller's that g marks) as an
// error wrapping events.ErrCorrupt.
func guarded(path string, g *guard, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer func() {
		debug.SetPanicOnFault(old)
		if g != nil && g.outside {
			return
		}
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, events.ErrCorrupt) {
				err = fmt.Errorf("store %s: %w", path, e)
				return
			}
			err = fmt.Errorf("store %s: reading it failed (%v): the file is damaged; rebuild it from the stream with `recorder replay`: %w",
				path, r, events.ErrCorrupt)
		}
	}()
	return fn()
}

// view runs fn in a read transaction, guarded.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	return guarded(s.path, nil, func() error { return s.db.View(fn) })
}

// viewCalling runs fn in a read transaction, guarded but for the functions of the caller that fn
// runs through g.call.
func (s *Store) viewCalling(fn func(*bolt.Tx, *guard) error) error {
	var g guard
	return guarded(s.path, &g, func() error { return s.db.View(func(tx *bolt.Tx) error { return fn(tx, &g) }) })
}

// update runs fn in a write transaction, guarded.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	return guarded(s.path, nil, func() error { return s.db.Update(fn) })
}

// openBolt opens the bbolt file, guarded, and reports a file bbolt finds invalid as damaged.
func openBolt(path string, opts *bolt.Options) (*bolt.DB, error) {
	var db *bolt.DB
	err := guarded(path, nil, func() error {
		var err error
		db, err = bolt.Open(path, 0o600, opts)
		return err
	})
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) || errors.Is(err, berrors.ErrVersionMismatch) {
		return nil, fmt.Errorf("open store %s: %v: the file is damaged or not a store; rebuild it from the stream with `recorder replay`: %w",
			path, err, events.ErrCorrupt)
	}
	return db, err
}
