package jetlog

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nkeys"

	"annals/events"
)

// Headers of a signed event: the public key of the recorder that published it (an nkey, "U…") and
// its ed25519 signature of the message's data (the event's wire bytes), base64 (raw URL encoding).
const (
	HeaderSigner    = "Annals-Signer"
	HeaderSignature = "Annals-Signature"
)

// ErrUntrusted is wrapped by the error a reader gets for a message that is not part of the record: it
// is unsigned, signed by a key the record does not trust, or its signature does not match its data.
var ErrUntrusted = errors.New("not signed by a key the record trusts")

// Signer signs the events a recorder publishes with an ed25519 key, an nkey of the user type. It is
// safe for concurrent use.
type Signer struct {
	kp     nkeys.KeyPair
	public string
}

// NewSigner returns the signer of an nkey seed ("SU…"), or an error saying the seed is not one.
func NewSigner(seed []byte) (*Signer, error) {
	kp, err := nkeys.FromSeed(bytes.TrimSpace(seed))
	if err != nil {
		return nil, fmt.Errorf("signing key: %v: %w", err, events.ErrInvalid)
	}
	public, err := kp.PublicKey()
	if err != nil {
		return nil, fmt.Errorf("signing key: %v: %w", err, events.ErrInvalid)
	}
	if !nkeys.IsValidPublicUserKey(public) {
		return nil, fmt.Errorf("signing key %s is not a user nkey (SU…): %w", public, events.ErrInvalid)
	}
	return &Signer{kp: kp, public: public}, nil
}

// GenerateKey returns the seed of a new user nkey, for a key file.
func GenerateKey() ([]byte, error) {
	kp, err := nkeys.CreateUser()
	if err != nil {
		return nil, fmt.Errorf("generate signing key: %w", err)
	}
	return kp.Seed()
}

// LoadKey reads the signing key in the file at path (an nkey seed). With create, a missing file is
// made with a new key (mode 0600, its folder 0700) and the key returned; without it, a missing file is
// an error wrapping events.ErrNotFound.
func LoadKey(path string, create bool) (*Signer, error) {
	seed, err := os.ReadFile(path)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist) && create:
		if seed, err = GenerateKey(); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("create signing key %s: %w", path, err)
		}
		// O_EXCL: two recorders starting at once never write two keys over each other.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return LoadKey(path, false)
		}
		if err != nil {
			return nil, fmt.Errorf("create signing key %s: %w", path, err)
		}
		if _, err := f.Write(append(seed, '\n')); err != nil {
			f.Close()
			return nil, fmt.Errorf("write signing key %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return nil, fmt.Errorf("write signing key %s: %w", path, err)
		}
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("signing key %s: no such file (recorder keygen makes one): %w", path, events.ErrNotFound)
	default:
		return nil, fmt.Errorf("read signing key %s: %w", path, err)
	}
	s, err := NewSigner(seed)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// PublicKey returns the signer's public key ("U…"), which readers trust.
func (s *Signer) PublicKey() string { return s.public }

// Sign adds the signer's headers to a message: its public key and its signature of msg.Data. The log
// signs what it publishes with it; it is exported for tools that publish events of their own.
func (s *Signer) Sign(msg *nats.Msg) error {
	sig, err := s.kp.Sign(msg.Data)
	if err != nil {
		return fmt.Errorf("sign event: %w", err)
	}
	if msg.Header == nil {
		msg.Header = nats.Header{}
	}
	msg.Header.Set(HeaderSigner, s.public)
	msg.Header.Set(HeaderSignature, base64.RawURLEncoding.EncodeToString(sig))
	return nil
}

// Trust is the set of public keys whose signed events are part of the record.
type Trust map[string]bool

// Trusting is what a log's readers accept as part of the record: events signed by the Keys, and the
// unsigned events at sequences up to UnsignedThrough (those the stream held before its recorders
// signed). A zero Trusting (no keys) accepts every event, as a log did before events were signed.
type Trusting struct {
	Keys            Trust
	UnsignedThrough uint64
}

// Trust sets what Read accepts as part of the record from now on; anything else is delivered as an
// entry to quarantine, with the reason (see events.Stored). Call it before Read, not during one.
func (l *Log) Trust(t Trusting) { l.trust = t }

// trusted returns nil if the message at seq is part of the record: signed by a trusted key (or
// unsigned at or before Trusting.UnsignedThrough), and published on its event's own subject.
func (l *Log) trusted(seq uint64, msg jetstream.Msg, e events.Event) error {
	if want := Subject(l.cfg.Prefix, e); msg.Subject() != want {
		return fmt.Errorf("event %s was published on %s, not on its subject %s: %w", e.ID, msg.Subject(), want, ErrUntrusted)
	}
	if len(l.trust.Keys) == 0 {
		return nil
	}
	if seq <= l.trust.UnsignedThrough && msg.Headers().Get(HeaderSignature) == "" {
		return nil
	}
	if err := l.trust.Keys.check(msg.Headers(), msg.Data()); err != nil {
		return fmt.Errorf("event %s: %w", e.ID, err)
	}
	return nil
}

// ParseTrust returns the keys of a comma- or space-separated list of public user nkeys ("U…"), or an
// error naming the first that is not one.
func ParseTrust(list string) (Trust, error) {
	t := Trust{}
	for _, k := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' }) {
		if !nkeys.IsValidPublicUserKey(k) {
			return nil, fmt.Errorf("trusted key %q is not a public user nkey (U…): %w", k, events.ErrInvalid)
		}
		t[k] = true
	}
	return t, nil
}

// check returns nil if the message is signed by a trusted key and its signature matches its data, or
// an error wrapping ErrUntrusted that says which it is not.
func (t Trust) check(header nats.Header, data []byte) error {
	signer, sig := header.Get(HeaderSigner), header.Get(HeaderSignature)
	switch {
	case signer == "" || sig == "":
		return fmt.Errorf("unsigned: %w", ErrUntrusted)
	case !t[signer]:
		return fmt.Errorf("signed by %s, a key the record does not trust: %w", signer, ErrUntrusted)
	}
	raw, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return fmt.Errorf("signature is not base64: %w", ErrUntrusted)
	}
	kp, err := nkeys.FromPublicKey(signer)
	if err != nil {
		return fmt.Errorf("signer %s: %v: %w", signer, err, ErrUntrusted)
	}
	if err := kp.Verify(data, raw); err != nil {
		return fmt.Errorf("signature by %s does not match the event: %w", signer, ErrUntrusted)
	}
	return nil
}
