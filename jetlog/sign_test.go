package jetlog

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"annals/events"
)

func TestLoadKeyCreatesOnceAndReadsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", "recorder.nk")
	if _, err := LoadKey(path, false); !errors.Is(err, events.ErrNotFound) {
		t.Fatalf("LoadKey(missing, false) = %v, want ErrNotFound", err)
	}
	a, err := LoadKey(path, true)
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadKey(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if a.PublicKey() != b.PublicKey() || a.PublicKey()[0] != 'U' {
		t.Fatalf("keys %s and %s: want the same user key read back", a.PublicKey(), b.PublicKey())
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode = %v, want 0600", info.Mode().Perm())
	}
	if err := os.WriteFile(path, []byte("not a seed"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKey(path, true); !errors.Is(err, events.ErrInvalid) {
		t.Fatalf("LoadKey(bad seed) = %v, want ErrInvalid", err)
	}
}

func TestTrustChecksSignatures(t *testing.T) {
	seed, _ := GenerateKey()
	signer, _ := NewSigner(seed)
	otherSeed, _ := GenerateKey()
	other, _ := NewSigner(otherSeed)
	trust, err := ParseTrust(signer.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	signed := func(s *Signer, data string) *nats.Msg {
		m := &nats.Msg{Data: []byte(data)}
		if err := s.Sign(m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	good := signed(signer, `{"id":"1"}`)
	tampered := signed(signer, `{"id":"1"}`)
	tampered.Data = []byte(`{"id":"2"}`)
	garbled := signed(signer, `{"id":"1"}`)
	garbled.Header.Set(HeaderSignature, "%%%")
	tests := []struct {
		name string
		msg  *nats.Msg
		ok   bool
	}{
		{"signed by a trusted key", good, true},
		{"unsigned", &nats.Msg{Data: []byte(`{}`), Header: nats.Header{}}, false},
		{"signed by another key", signed(other, `{"id":"1"}`), false},
		{"data changed after signing", tampered, false},
		{"signature not base64", garbled, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := trust.check(tt.msg.Header, tt.msg.Data)
			if (err == nil) != tt.ok || err != nil && !errors.Is(err, ErrUntrusted) {
				t.Fatalf("check = %v, want ok=%v (or ErrUntrusted)", err, tt.ok)
			}
		})
	}
	if _, err := ParseTrust("UBAD, nope"); !errors.Is(err, events.ErrInvalid) {
		t.Fatalf("ParseTrust(bad) = %v, want ErrInvalid", err)
	}
}

// TestReadTrustsOnlySignedEvents publishes through a signing log, and as other clients would: unsigned,
// signed by another key, changed after signing, on another subject. A reader that trusts the
// recorder's key gets the recorder's events and each of the others as an entry to quarantine, with
// why; the unsigned events the stream held before signing began are accepted.
func TestReadTrustsOnlySignedEvents(t *testing.T) {
	s := startServer(t, t.TempDir())
	cfg := freshConfig()
	unsignedLog := openLog(t, s.js, cfg)
	old := statement(t, "party-a", 0)
	appendOK(t, unsignedLog, []events.Event{old}, map[events.EntityID]uint64{"party-a": 0})

	seed, _ := GenerateKey()
	signer, _ := NewSigner(seed)
	cfg.Signer = signer
	l := openLog(t, s.js, cfg)
	mine := statement(t, "party-a", 1)
	appendOK(t, l, []events.Event{mine}, map[events.EntityID]uint64{"party-a": 1})

	otherSeed, _ := GenerateKey()
	other, _ := NewSigner(otherSeed)
	publish := func(subject string, data []byte, sign *Signer, edit func(*nats.Msg)) {
		t.Helper()
		m := nats.NewMsg(subject)
		m.Data = data
		if sign != nil {
			if err := sign.Sign(m); err != nil {
				t.Fatal(err)
			}
		}
		if edit != nil {
			edit(m)
		}
		if _, err := s.js.PublishMsg(t.Context(), m); err != nil {
			t.Fatalf("publish %s: %v", subject, err)
		}
	}
	encode := func(e events.Event) []byte {
		data, err := events.EncodeEvent(e)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	forged := statement(t, "party-b", 2)
	publish(Subject(cfg.Prefix, forged), encode(forged), nil, nil) // unsigned
	wrongKey := statement(t, "party-b", 3)
	publish(Subject(cfg.Prefix, wrongKey), encode(wrongKey), other, nil)
	tampered := statement(t, "party-b", 4)
	publish(Subject(cfg.Prefix, tampered), encode(tampered), signer, func(m *nats.Msg) {
		// The recorder's own signature, over other bytes: an event changed after it was signed.
		changed := statement(t, "party-b", 5)
		m.Data = encode(changed)
	})
	elsewhere := statement(t, "party-c", 6)
	publish(cfg.Prefix+".party-d.entity.described.v1", encode(elsewhere), signer, nil)

	l.Trust(Trusting{Keys: Trust{signer.PublicKey(): true}, UnsignedThrough: 1})
	got := read(t, l, 1)
	if len(got) != 6 {
		t.Fatalf("Read delivered %d entries, want 6", len(got))
	}
	want := []string{"", "", "unsigned", "does not trust", "does not match", "not on its subject"}
	for i, st := range got {
		switch {
		case want[i] == "" && st.Err != nil:
			t.Errorf("entry %d: %v, want an event of the record", i+1, st.Err)
		case want[i] != "" && (st.Err == nil || !errors.Is(st.Err, ErrUntrusted) || !strings.Contains(st.Err.Error(), want[i])):
			t.Errorf("entry %d: err = %v, want ErrUntrusted saying %q", i+1, st.Err, want[i])
		}
	}
	if got[0].Event.ID != old.ID || got[1].Event.ID != mine.ID {
		t.Errorf("Read = %v, %v, want the unsigned event before signing and the signed one", got[0].Event.ID, got[1].Event.ID)
	}
	// Trusting no key accepts what is on its own subject, as before events were signed.
	l.Trust(Trusting{})
	if got := read(t, l, 3); got[0].Err != nil || got[1].Err != nil {
		t.Errorf("with no trusted keys, Read = %v, %v, want events", got[0].Err, got[1].Err)
	}
}

// TestReadReportsADeletedMessage deletes a message from a stream that allows it (Open refuses such a
// stream; an operator could still change one): Read delivers the missing sequence as an entry to
// quarantine and goes on.
func TestReadReportsADeletedMessage(t *testing.T) {
	s := startServer(t, t.TempDir())
	cfg := freshConfig()
	cfg.MaxBatch = -1
	cfg.setDefaults()
	st, err := s.js.CreateStream(t.Context(), jetstream.StreamConfig{Name: cfg.Stream, Subjects: []string{cfg.Prefix + ".>"}, Storage: jetstream.FileStorage})
	if err != nil {
		t.Fatal(err)
	}
	l := &Log{js: s.js, stream: st, cfg: cfg, progress: &progress{logger: cfg.Logger, stream: cfg.Stream}}
	var evs []events.Event
	for i := range 3 {
		evs = append(evs, statement(t, events.EntityID(fmt.Sprintf("party-%d", i)), i))
	}
	appendOK(t, l, evs, nil)
	if err := st.DeleteMsg(t.Context(), 2); err != nil {
		t.Fatal(err)
	}
	got := read(t, l, 1)
	if len(got) != 3 || got[1].Seq != 2 || got[1].Err == nil || !strings.Contains(got[1].Err.Error(), "deleted") ||
		got[0].Err != nil || got[2].Err != nil {
		t.Fatalf("Read after a delete = %+v, want seq 2 reported as deleted between the two others", got)
	}
}

// TestAppendReadLargeEvent appends an event larger than a message of the server (1 MiB): it goes
// through the object store and reads back byte for byte, signed; an object changed in the store
// is delivered for quarantine.
func TestAppendReadLargeEvent(t *testing.T) {
	s := startServer(t, t.TempDir())
	cfg := freshConfig()
	seed, _ := GenerateKey()
	cfg.Signer, _ = NewSigner(seed)
	l := openLog(t, s.js, cfg)
	l.Trust(Trusting{Keys: Trust{cfg.Signer.PublicKey(): true}})
	big := statement(t, "party-big", 0)
	d := big.Payload.(events.EntityDescribed)
	d.Value = strings.Repeat("a long description ", 3<<20/19)
	big.Payload = d
	small := statement(t, "party-small", 1)
	appendOK(t, l, []events.Event{big, small}, nil)
	got := read(t, l, 1)
	if len(got) != 2 || got[0].Err != nil || got[1].Err != nil {
		t.Fatalf("Read = %d entries (%v), want both events", len(got), got)
	}
	want, _ := events.EncodeEvent(big)
	for _, st := range got {
		if st.Event.ID == big.ID {
			if data, _ := events.EncodeEvent(st.Event); !bytes.Equal(data, want) {
				t.Fatalf("the large event read back differs (%d bytes, want %d)", len(data), len(want))
			}
		}
	}
	// The object changed behind the log's back: its digest no longer matches.
	obs, err := s.js.ObjectStore(t.Context(), cfg.Stream+"_OBJECTS")
	if err != nil {
		t.Fatal(err)
	}
	list, err := obs.List(t.Context())
	if err != nil || len(list) != 1 {
		t.Fatalf("object store holds %d objects (%v), want 1", len(list), err)
	}
	if _, err := obs.PutBytes(t.Context(), list[0].Name, []byte("changed")); err != nil {
		t.Fatal(err)
	}
	got = read(t, l, 1)
	for _, st := range got {
		if st.Event.ID == small.ID {
			continue
		}
		if st.Err == nil || !strings.Contains(st.Err.Error(), "does not match its digest") {
			t.Errorf("Read of a changed object = %v, want an entry to quarantine", st.Err)
		}
	}
}

// TestAppendWrittenOnlyWhatReadTrusts: AppendWritten says an event was written only when Read would
// deliver its message as the event: a log whose trusted keys leave out its own signer, or that signs
// nothing while trusting keys, reads its own events back as untrusted.
func TestAppendWrittenOnlyWhatReadTrusts(t *testing.T) {
	seed, _ := GenerateKey()
	signer, _ := NewSigner(seed)
	otherSeed, _ := GenerateKey()
	other, _ := NewSigner(otherSeed)
	tests := []struct {
		name   string
		signer *Signer
		trust  Trusting
		want   bool
	}{
		{"no keys trusted: every event", nil, Trusting{}, true},
		{"its own key trusted", signer, Trusting{Keys: Trust{signer.PublicKey(): true}}, true},
		{"another key trusted", signer, Trusting{Keys: Trust{other.PublicKey(): true}}, false},
		{"unsigned, keys trusted", nil, Trusting{Keys: Trust{other.PublicKey(): true}}, false},
		{"unsigned, within the unsigned sequences", nil, Trusting{Keys: Trust{other.PublicKey(): true}, UnsignedThrough: 100}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startServer(t, t.TempDir())
			cfg := freshConfig()
			cfg.Signer = tt.signer
			l := openLog(t, s.js, cfg)
			l.Trust(tt.trust)
			evs := []events.Event{statement(t, "cnrp", 1), statement(t, "srp", 1)}
			seqs, written, err := l.AppendWritten(t.Context(), evs, nil)
			if err != nil || len(seqs) != 2 {
				t.Fatalf("AppendWritten = %v, %v", seqs, err)
			}
			if want := []bool{tt.want, tt.want}; !slices.Equal(written, want) {
				t.Errorf("written = %v, want %v", written, want)
			}
			untrusted := 0
			for _, st := range read(t, l, 1) {
				if st.Err != nil {
					untrusted++
				}
			}
			if (untrusted == 0) != tt.want {
				t.Errorf("Read delivers %d of the 2 events as untrusted, but AppendWritten says written %v", untrusted, written)
			}
		})
	}
}
