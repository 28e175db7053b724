package boltstore

import (
	"encoding/binary"
	"errors"

	"annals/events"
)

// The entity record (entities: entity → record), in a binary layout of its own: read for every
// question about a party by name and for every entity of "every party", it decodes without
// reflection.
//
//	version (1 byte) flags (1 byte: 1 declared) kind (uvarint length, bytes) named_at (varint)
//	names: uvarint count; each uvarint length, bytes

const entityRecordVersion = 1

var errEntityRecord = errors.New("the entity record does not decode")

// encodeEntity returns rec in its stored layout.
func encodeEntity(rec *entityRecord) []byte {
	size := 3 + len(rec.Kind) + binary.MaxVarintLen64 + 2
	for _, n := range rec.Names {
		size += len(n) + 2
	}
	b := make([]byte, 0, size+4) // and the checksum seal appends
	var flags byte
	if rec.Declared {
		flags |= 1
	}
	b = append(b, entityRecordVersion, flags)
	b = binary.AppendUvarint(b, uint64(len(rec.Kind)))
	b = append(b, rec.Kind...)
	b = binary.AppendVarint(b, rec.NamedAt)
	b = binary.AppendUvarint(b, uint64(len(rec.Names)))
	for _, n := range rec.Names {
		b = binary.AppendUvarint(b, uint64(len(n)))
		b = append(b, n...)
	}
	return b
}

// decodeEntityRecord reads a record encodeEntity wrote into rec.
func decodeEntityRecord(b []byte, rec *entityRecord) error {
	if len(b) < 2 || b[0] != entityRecordVersion {
		return errEntityRecord
	}
	rec.Declared = b[1]&1 != 0
	b = b[2:]
	str := func() (string, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return "", false
		}
		s := string(b[k : k+int(n)])
		b = b[k+int(n):]
		return s, true
	}
	kind, ok := str()
	if !ok {
		return errEntityRecord
	}
	rec.Kind = events.Kind(kind)
	at, k := binary.Varint(b)
	if k <= 0 {
		return errEntityRecord
	}
	rec.NamedAt, b = at, b[k:]
	count, k := binary.Uvarint(b)
	if k <= 0 || count > uint64(len(b)) {
		return errEntityRecord
	}
	b = b[k:]
	rec.Names = nil
	if count > 0 {
		rec.Names = make([]string, count)
	}
	for i := range rec.Names {
		if rec.Names[i], ok = str(); !ok {
			return errEntityRecord
		}
	}
	if len(b) != 0 {
		return errEntityRecord
	}
	return nil
}
