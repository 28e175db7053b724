package eventstest

import "testing"

// TestModelReaderConforms runs the reader suite against the in-memory model.
func TestModelReaderConforms(t *testing.T) {
	TestReader(t, func(t *testing.T) ReadStore { return newModel() })
}
