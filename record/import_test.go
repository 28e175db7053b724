package record_test

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"annals/events"
	"annals/record"
)

func export(t *testing.T, s events.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := record.Export(context.Background(), s, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readEvents(t *testing.T, data []byte) []events.Event {
	t.Helper()
	evs, err := record.ReadEvents(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func TestExportImportReproducesTheRecord(t *testing.T) {
	e, _ := recordedEnv(t)
	ctx := context.Background()
	first := export(t, e.store)
	evs := readEvents(t, first)
	if last, _ := e.store.LastSeq(ctx); len(evs) != int(last) {
		t.Fatalf("export holds %d events, want the record's %d", len(evs), last)
	}
	fresh := newEnv(t)
	res, err := fresh.recorder(t0.Add(72*time.Hour), 50).Import(ctx, evs)
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != len(evs) || res.Present != 0 {
		t.Errorf("Import into an empty record = %+v, want %d imported", res, len(evs))
	}
	sameStore(t, "the imported store", fresh.store, e.store)
	if again := export(t, fresh.store); !bytes.Equal(again, first) {
		t.Errorf("the export of the import differs from the first export")
	}
	// Importing it again records nothing: the record already holds the whole input.
	res, err = fresh.recorder(t0, 51).Import(ctx, evs)
	if err != nil || res.Imported != 0 || res.Present != len(evs) {
		t.Errorf("Import again = %+v, %v, want nothing imported, %d present", res, err, len(evs))
	}
}

// failingLog writes the first `left` events appended to it (over all its calls of Append), then fails,
// like a process killed while publishing. Until then it is the log it wraps.
type failingLog struct {
	events.Log
	left int
}

func (f *failingLog) Append(ctx context.Context, evs []events.Event, expect map[events.EntityID]uint64) ([]uint64, error) {
	n := min(f.left, len(evs))
	f.left -= n
	seqs, err := f.Log.Append(ctx, evs[:n], expect)
	if err != nil || n == len(evs) {
		return seqs, err
	}
	return append(seqs, make([]uint64, len(evs)-n)...), errors.New("killed while publishing")
}

func TestImportInterruptedThenFinished(t *testing.T) {
	e, _ := recordedEnv(t)
	ctx := context.Background()
	data := export(t, e.store)
	evs := readEvents(t, data)
	fresh := newEnv(t)
	r := fresh.recorder(t0, 52)
	r.Log = &failingLog{Log: fresh.log, left: 100}
	r.PublishBatch = 64
	if _, err := r.Import(ctx, evs); err == nil {
		t.Fatal("Import with a crash = nil error, want the crash")
	}
	fresh.restart(t)
	res, err := fresh.recorder(t0, 53).Import(ctx, evs)
	if err != nil {
		t.Fatal(err)
	}
	if res.Present != 100 || res.Imported != len(evs)-100 {
		t.Errorf("Import after a crash = %+v, want 100 present, %d imported", res, len(evs)-100)
	}
	sameStore(t, "the store of the finished import", fresh.store, e.store)
	if !bytes.Equal(export(t, fresh.store), data) {
		t.Errorf("the export of the finished import differs from the first export")
	}
}

func TestImportRefusesARecordThatIsNotItsStart(t *testing.T) {
	e, _ := recordedEnv(t)
	ctx := context.Background()
	evs := readEvents(t, export(t, e.store))
	other := newEnv(t)
	if _, err := other.recorder(t0, 54).Record(ctx, seedFacts(t)[:40]); err != nil {
		t.Fatal(err)
	}
	before := digest(t, other.store)
	if _, err := other.recorder(t0, 55).Import(ctx, evs); !errors.Is(err, events.ErrConflict) || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("Import into a record of other events = %v, want ErrConflict saying the record is not empty", err)
	}
	if digest(t, other.store) != before {
		t.Errorf("a refused Import changed the record")
	}
	lastLog, _ := other.log.LastSeq(ctx)
	if lastLog != 40 {
		t.Errorf("after a refused Import the log holds %d events, want the 40 it held", lastLog)
	}
}

// lineWith returns the index of the first line that contains s.
func lineWith(t *testing.T, lines []string, s string) int {
	t.Helper()
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i
		}
	}
	t.Fatalf("no line contains %q", s)
	return -1
}

func reencode(t *testing.T, line string, edit func(e *events.Event)) string {
	t.Helper()
	e, err := events.DecodeEvent([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	edit(&e)
	data, err := events.EncodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestReadEventsRefusesBadInput(t *testing.T) {
	e, _ := recordedEnv(t)
	lines := strings.Split(strings.TrimSuffix(string(export(t, e.store)), "\n"), "\n")
	quoted := lineWith(t, lines, `"type":"party.founded/v1"`)
	doc := lineWith(t, lines, `"type":"document.recorded/v1"`)
	fix := lineWith(t, lines, `"supersedes":`)
	tests := []struct {
		name string
		edit func(lines []string) []string
		say  []string
	}{
		{"malformed line", func(l []string) []string { l[2] = `{"id": "01J`; return l }, []string{"line 3:", "decode event"}},
		{"empty line", func(l []string) []string { l[3] = ""; return l }, []string{"line 4: empty line"}},
		{"tampered event", func(l []string) []string {
			l[quoted] = strings.Replace(l[quoted], `"quote":"`, `"quote":"Not `, 1)
			return l
		}, []string{"line " + strconv.Itoa(quoted+1) + ":", "does not match its content"}},
		{"quote not in its document", func(l []string) []string {
			l[quoted] = reencode(t, l[quoted], func(e *events.Event) { e.Source.Quote = "words no document holds" })
			return l
		}, []string{"line " + strconv.Itoa(quoted+1) + " (", `quote "words no document holds" does not occur`}},
		{"document text changed", func(l []string) []string {
			l[doc] = reencode(t, l[doc], func(e *events.Event) {
				d := e.Payload.(events.DocumentRecorded)
				d.Text += "\nA line added later.\n"
				e.Payload = d
			})
			return l
		}, []string{"line " + strconv.Itoa(doc+1) + ": document", "does not match its text"}},
		{"repeated event", func(l []string) []string { return append(l[:5], append([]string{l[4]}, l[5:]...)...) },
			[]string{"line 6: event id", "repeats line 5"}},
		{"correction before what it corrects", func(l []string) []string {
			c := l[fix]
			rest := append(l[:fix:fix], l[fix+1:]...)
			return append([]string{c}, rest...)
		}, []string{"line 1 (", "which is not on an earlier line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := tt.edit(append([]string(nil), lines...))
			evs, err := record.ReadEvents(strings.NewReader(strings.Join(edited, "\n") + "\n"))
			if !errors.Is(err, events.ErrInvalid) || evs != nil {
				t.Fatalf("ReadEvents(%s) = %d events, %v; want ErrInvalid", tt.name, len(evs), err)
			}
			for _, s := range tt.say {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("ReadEvents(%s) = %v, want it to say %q", tt.name, err, s)
				}
			}
		})
	}
}
