package sources_test

import (
	"errors"
	"os"
	"reflect"
	"testing"

	"annals/events"
	"annals/sources"
)

// A document given as bytes, with or without its facts file, gives the facts the same files give.
func TestLoadDocumentAsLoadReadsIt(t *testing.T) {
	const name = "khmer-national-solidarity-party"
	text, err := os.ReadFile("../seeds/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	facts, err := os.ReadFile("../seeds/" + name + sources.FactsSuffix)
	if err != nil {
		t.Fatal(err)
	}
	want, err := sources.Load([]string{"../seeds/" + name + ".txt"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := sources.LoadDocument("uploads/"+name+".txt", text, facts, sources.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Facts, want.Facts) || !reflect.DeepEqual(got.Documents, want.Documents) {
		t.Errorf("LoadDocument = %d facts of %v, want the %d facts of %v", len(got.Facts), got.Documents, len(want.Facts), want.Documents)
	}
	drafted, err := sources.LoadDocument(name+".txt", text, nil, sources.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(drafted.Facts) == 0 || drafted.Facts[0].Type != events.TypeDocumentRecorded {
		t.Errorf("LoadDocument(no facts file) = %d facts, want the document recorded first", len(drafted.Facts))
	}
	if _, err := sources.LoadDocument("", text, nil, sources.LoadOptions{}); !errors.Is(err, events.ErrInvalid) {
		t.Errorf("LoadDocument(no name) = %v, want ErrInvalid", err)
	}
	if _, err := sources.LoadDocument(name+".txt", text, []byte(`{"facts":[{"type":"nope"}]}`), sources.LoadOptions{}); !errors.Is(err, events.ErrInvalid) {
		t.Errorf("LoadDocument(bad facts file) = %v, want ErrInvalid", err)
	}
}
