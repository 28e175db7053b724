package boltstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"annals/events"
)

// A rebuild. A store is rebuilt from the log into a new file beside it, TARGET.replay, and swapped in
// with an atomic rename once complete; TARGET.replay.until holds the bound the rebuild was started
// with (which stream, up to where). The bound is written and synced before the file it describes
// exists, so a leftover rebuild file always has its bound beside it, and a rebuild interrupted at any
// point resumes or starts over on the next run: the store it replaces is never touched before the
// rename.
const (
	RebuildSuffix = ".replay"
	BoundSuffix   = ".replay.until"
)

// Rebuild is a store being built to replace another. Its Store is open for writing.
type Rebuild struct {
	Store *Store
	// Resumed says that a leftover rebuild with the same bound was resumed; Restarted, when not
	// empty, says why a leftover one was removed and the rebuild started over.
	Resumed   bool
	Restarted string

	target, tmp, bound string
}

// StartRebuild opens the rebuild of the store at target, for a replay bound names (any text that
// tells one replay from another: the stream and the bound). A leftover rebuild of the same bound is
// offered to resume: resume returns nil to go on with it, or an error wrapping events.ErrConflict to
// start over (it is no longer a prefix of the log); any other error is returned. A leftover rebuild
// that is damaged, outdated or of another bound is removed and started over.
func StartRebuild(target, bound string, resume func(*Store) error) (*Rebuild, error) {
	return StartRebuildWith(target, bound, Options{}, resume)
}

// StartRebuildWith is StartRebuild with the options the rebuilt store is opened with (its Answers).
func StartRebuildWith(target, bound string, opts Options, resume func(*Store) error) (*Rebuild, error) {
	opts.ReadOnly = false
	r := &Rebuild{target: target, tmp: target + RebuildSuffix, bound: target + BoundSuffix}
	if _, err := os.Stat(r.tmp); err == nil {
		got, _ := os.ReadFile(r.bound)
		if string(got) != bound {
			r.Restarted = "the leftover rebuild was for another stream or bound"
		} else {
			s, err := Open(r.tmp, opts)
			switch {
			case errors.Is(err, events.ErrCorrupt) || errors.Is(err, events.ErrOutdated):
				r.Restarted = "the leftover rebuild is damaged or outdated: " + err.Error()
			case err != nil:
				return nil, fmt.Errorf("rebuild %s: %w", target, err)
			default:
				why := resume(s)
				if why == nil {
					r.Store, r.Resumed = s, true
					return r, nil
				}
				s.Close()
				if !errors.Is(why, events.ErrConflict) {
					return nil, fmt.Errorf("rebuild %s: %w", target, why)
				}
				r.Restarted = why.Error()
			}
		}
		if err := os.Remove(r.tmp); err != nil {
			return nil, fmt.Errorf("rebuild %s: %w", target, err)
		}
	}
	if err := writeSynced(r.bound, bound); err != nil {
		return nil, fmt.Errorf("rebuild %s: %w", target, err)
	}
	s, err := Open(r.tmp, opts)
	if err != nil {
		return nil, fmt.Errorf("rebuild %s: %w", target, err)
	}
	r.Store = s
	return r, nil
}

// Path returns the file the rebuild is written to.
func (r *Rebuild) Path() string { return r.tmp }

// Close closes the rebuild's store and leaves its file to resume on the next run.
func (r *Rebuild) Close() error { return r.Store.Close() }

// Commit closes the rebuilt store and puts it in the place of the target with an atomic rename,
// durable when Commit returns; the bound file is then removed.
func (r *Rebuild) Commit() error {
	if err := r.Store.Close(); err != nil {
		return err
	}
	if err := os.Rename(r.tmp, r.target); err != nil {
		return fmt.Errorf("swap in %s: %w", r.tmp, err)
	}
	if err := syncDir(filepath.Dir(r.target)); err != nil {
		return err
	}
	os.Remove(r.bound)
	return nil
}

// SetAside moves the store file at path out of the way, to path.damaged-STAMP (the time now, UTC),
// durably, and returns the new name: what a rebuild does with a store it cannot read, so that the
// file stays for whoever wants to look at it.
func SetAside(path string, now time.Time) (string, error) {
	aside := path + ".damaged-" + now.UTC().Format("20060102T150405Z")
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("set the store %s aside: %w", path, err)
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return "", err
	}
	return aside, nil
}

// writeSynced writes a small file and syncs it.
func writeSynced(path, content string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	if err := d.Sync(); err != nil {
		d.Close()
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return d.Close()
}
