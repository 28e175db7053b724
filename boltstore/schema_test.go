package boltstore

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"annals/events"
	"annals/events/eventstest"

	bolt "go.etcd.io/bbolt"
)

// reordered returns the payload types with the fields of the first struct payload of two or more
// fields in reverse order: what a build would register if someone reordered that payload's fields.
func reordered(t *testing.T) ([]payloadType, events.Type) {
	t.Helper()
	types := payloadTypes()
	for i, pt := range types {
		if pt.typ.Kind() != reflect.Struct || pt.typ.NumField() < 2 {
			continue
		}
		var fields []reflect.StructField
		for j := range pt.typ.NumField() {
			fields = append(fields, pt.typ.Field(j))
		}
		slices.Reverse(fields)
		out := slices.Clone(types)
		out[i].typ = reflect.StructOf(fields)
		return out, pt.name
	}
	t.Fatal("no payload type has two fields")
	return nil, ""
}

// TestSchemaCoversPayloadFieldOrder checks that the fingerprint changes with the order of a
// payload's fields (the compact encoding writes them in that order), and with nothing else here.
func TestSchemaCoversPayloadFieldOrder(t *testing.T) {
	if got := fingerprint(payloadTypes()); got != Schema {
		t.Fatalf("fingerprint is not deterministic: %s, then %s", Schema, got)
	}
	types, name := reordered(t)
	if got := fingerprint(types); got == Schema {
		t.Errorf("fingerprint with the fields of %s reversed = %s, the same as this build's: a reordered payload would be misread", name, got)
	}
}

// setSchema writes fingerprint into the store file at path, as another build would have.
func setSchema(t *testing.T, path string, fingerprint []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error {
		if fingerprint == nil {
			return tx.Bucket(bucketMeta).Delete(keySchema)
		}
		return tx.Bucket(bucketMeta).Put(keySchema, fingerprint)
	}); err != nil {
		t.Fatal(err)
	}
}

// A store written by a build whose payload fields were in another order, or by one before schemas
// were recorded, is refused by every open with the rebuild hint; nothing in it is read or changed.
func TestOutdatedStoreIsRefused(t *testing.T) {
	types, name := reordered(t)
	for _, tt := range []struct {
		name   string
		schema []byte
		says   string
	}{
		{"fields of " + string(name) + " reordered", []byte(fingerprint(types)), "with schema " + fingerprint(types)[:16]},
		{"no schema", nil, "before schemas were recorded"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "annals.db")
			s := open(t, path, Options{})
			apply(t, s, eventstest.Stored(1, sample(t)[0]...))
			closeStore(t, s)
			setSchema(t, path, tt.schema)
			for _, opts := range []Options{{}, {ReadOnly: true}} {
				s, err := Open(path, opts)
				if err == nil {
					s.Close()
					t.Fatalf("Open(%+v) of a store of another schema = nil error, want ErrOutdated", opts)
				}
				if !errors.Is(err, events.ErrOutdated) {
					t.Errorf("Open(%+v) = %v, want an error wrapping ErrOutdated", opts, err)
				}
				for _, want := range []string{"this store was written by another version", tt.says, "run `recorder replay` to rebuild it from the log"} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("Open(%+v) = %q, want it to say %q", opts, err, want)
					}
				}
			}
			// Refused, not changed: the other build's fingerprint is still there.
			setSchema(t, path, []byte(Schema))
			s = open(t, path, Options{ReadOnly: true})
			defer closeStore(t, s)
			if last, err := s.LastSeq(context.Background()); err != nil || last != 3 {
				t.Errorf("LastSeq after the refusals = %d, %v; want 3", last, err)
			}
		})
	}
}

// A new store records this build's schema.
func TestNewStoreRecordsSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "annals.db")
	closeStore(t, open(t, path, Options{}))
	s := open(t, path, Options{ReadOnly: true})
	defer closeStore(t, s)
	if err := s.db.View(func(tx *bolt.Tx) error {
		if got := string(tx.Bucket(bucketMeta).Get(keySchema)); got != Schema {
			t.Errorf("schema of a new store = %q, want %q", got, Schema)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
