package boltstore

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"

	"annals/events"

	bolt "go.etcd.io/bbolt"
)

// The schema. The store is a cache of the log, in a layout of its own: the compact encoding of events
// (codec.go), whose payloads follow their Go types' fields in order, the checksums (checksum.go), the
// buckets and their keys, and the names index folded by events.NameKey. One fingerprint covers all of
// it, written in the meta bucket when the store is created:
//
//	meta: "schema" → the fingerprint (hex)
//
// Open refuses a store whose fingerprint is not this build's with an error wrapping events.ErrOutdated:
// reordering a payload's fields, adding a bucket or changing a fold can never silently misread an
// existing file. There are no migrations: `recorder replay` rebuilds the store from the log.

// schemaLayout names the version of what the fingerprint cannot see by itself: the meaning of the
// buckets' keys and values. Change it whenever their layout changes.
const schemaLayout = "by_entity records, lifetime index, counts, stored answers, binary entity records"

var keySchema = []byte("schema")

// Schema is this build's schema fingerprint: the one a store it creates records, and the one it
// requires of a store it opens.
var Schema = fingerprint(payloadTypes())

// payloadType is a registered event type and the Go type of its payload.
type payloadType struct {
	name events.Type
	typ  reflect.Type
}

// payloadTypes returns every registered event type with its payload's Go type, sorted.
func payloadTypes() []payloadType {
	var out []payloadType
	for _, t := range events.Types() {
		out = append(out, payloadType{t, t.PayloadType()})
	}
	return out
}

// fingerprint hashes the layout: the version of every encoding, the buckets, and every payload type
// with its fields, in order, with their types. It runs at every start of a program that links the
// store: the text is built in one buffer and hashed once.
func fingerprint(types []payloadType) string {
	b := make([]byte, 0, 8192)
	b = fmt.Appendf(b, "layout %s\ncompact %d\nchecksums %s\nname key %d\n", schemaLayout, compactVersion, checksumsVersion, events.NameKeyVersion)
	for _, bucket := range allBuckets {
		b = append(append(append(b, "bucket "...), bucket...), '\n')
	}
	for _, t := range types {
		b = append(append(append(b, "type "...), t.name...), ' ')
		b = appendType(b, t.typ)
		b = append(b, '\n')
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

// appendType appends the shape of a payload type: a struct as its fields in order, each with its name
// and type; a slice as its element; any other type as its kind.
func appendType(b []byte, t reflect.Type) []byte {
	switch t.Kind() {
	case reflect.Struct:
		b = append(b, '{')
		for i := range t.NumField() {
			f := t.Field(i)
			b = append(append(b, f.Name...), ' ')
			b = appendType(b, f.Type)
			b = append(b, ';')
		}
		return append(b, '}')
	case reflect.Slice:
		return appendType(append(b, "[]"...), t.Elem())
	}
	return append(b, t.Kind().String()...)
}

// initSchema readies a store opened for writing: a new one gets every bucket and this build's
// fingerprint; an existing one must have it.
func initSchema(tx *bolt.Tx) error {
	if tx.Bucket(bucketMeta) != nil || tx.Bucket(bucketEvents) != nil {
		return checkSchema(tx)
	}
	for _, name := range allBuckets {
		if _, err := tx.CreateBucket(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(Schema))
}

// checkSchema returns nil if the store was written with this build's schema, and otherwise an error
// wrapping events.ErrOutdated. A file with no buckets at all (created, never written) holds no record.
func checkSchema(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil && tx.Bucket(bucketEvents) != nil {
		return damaged("the store holds events but its meta bucket is missing")
	}
	if meta == nil {
		return fmt.Errorf("the file holds no record (run `recorder ingest` first): %w", events.ErrNotFound)
	}
	got := meta.Get(keySchema)
	if string(got) == Schema {
		return nil
	}
	written := "before schemas were recorded"
	if got != nil {
		written = fmt.Sprintf("with schema %.16s", got)
	}
	return fmt.Errorf("this store was written by another version of annals (%s; this version reads %s); run `recorder replay` to rebuild it from the log: %w",
		written, Schema, events.ErrOutdated)
}
