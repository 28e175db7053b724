package record

import "crypto/rand"

// cryptoReader reads from crypto/rand; it never fails.
type cryptoReader struct{}

func (cryptoReader) Read(p []byte) (int, error) { return rand.Read(p) }
