package events

// The reflective references of the wire encoding (wire_ref_test.go), for the external tests and
// benchmarks.
var (
	RefFactID        = refFactID
	RefEncodeEvent   = refEncodeEvent
	RefMarshalFact   = refMarshalFact
	RefDecodeEventID = refDecodeEventID
	RefDecodeChecked = refDecodeChecked
)
