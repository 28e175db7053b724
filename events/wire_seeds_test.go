package events_test

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
	"time"

	"annals/events"
	"annals/sources"

	"github.com/oklog/ulid/v2"
)

// TestSeedsEncodeAsReflection holds the encoders without reflection to the reflective ones on every
// fact of the seeds (documents, curated facts and drafted facts): the same fact ids, the same wire
// bytes, and the same events read back.
func TestSeedsEncodeAsReflection(t *testing.T) {
	loaded, err := sources.Load([]string{"../seeds"})
	if err != nil {
		t.Fatal(err)
	}
	if len(loaded.Facts) == 0 {
		t.Fatal("no facts in ../seeds")
	}
	recorded := time.Date(2025, 1, 2, 3, 4, 5, 6000, time.UTC)
	types := map[events.Type]int{}
	for i, f := range loaded.Facts {
		types[f.Type]++
		if got, want := f.ID(), events.RefFactID(f); got != want {
			t.Fatalf("fact %d: ID() = %s, want %s", i, got, want)
		}
		got, err := f.MarshalJSON()
		want, wantErr := events.RefMarshalFact(f)
		if !bytes.Equal(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("fact %d: MarshalJSON() = %s, %v\nwant %s, %v", i, got, err, want, wantErr)
		}
		e, err := events.NewEvent(f, ulid.MustNew(ulid.Timestamp(recorded), bytes.NewReader(bytes.Repeat([]byte{byte(i)}, 16))), recorded)
		if err != nil {
			t.Fatalf("fact %d: %v", i, err)
		}
		got, err = events.EncodeEvent(e)
		want, wantErr = events.RefEncodeEvent(e)
		if !bytes.Equal(got, want) || err != nil || wantErr != nil {
			t.Fatalf("fact %d: EncodeEvent() = %s, %v\nwant %s, %v", i, got, err, want, wantErr)
		}
		d, fid, err := events.DecodeEventID(got)
		wd, wfid, werr := events.RefDecodeEventID(got)
		if err != nil || werr != nil || fid != wfid || fid != e.FactID() || !reflect.DeepEqual(d, wd) {
			t.Fatalf("fact %d: DecodeEventID() = %+v, %s, %v\nwant %+v, %s, %v", i, d, fid, err, wd, wfid, werr)
		}
	}
	t.Logf("%d facts of %d types", len(loaded.Facts), len(types))
}
