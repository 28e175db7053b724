package projections

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/oklog/ulid/v2"

	"annals/events"
)

// Stored answers. Party's answer for a party changes only on its Breakpoints, so a store can keep, for
// each party, the answer on every interval between them and answer any day with one read and one
// decode, without folding. The fold stays the definition: PartyAnswers folds the party once per
// interval and AnswerOn returns what Party returns on the day, byte for byte in JSON.
//
// The encoding of a party's answers (one value per party):
//
//	version (1 byte)
//	strings: uvarint total length, their bytes, each string once
//	intervals: uvarint count; for each its first day (varint) and the length of its body (uvarint),
//	           from MinDay on, in day order; the last one runs to MaxDay-1
//	bodies: each interval's PartyState (AsOf left out), each string as its offset and length in the
//	        strings (uvarints), each event id as its 16 bytes
//
// Identical answers on adjacent intervals are kept once. MaxDay itself is never answered: AnswerOn
// reports false and the caller folds.

// AnswersVersion names the fold and the encoding of PartyAnswers. A store keeps the version that
// built its answers, and a reader uses them only when it is its own: change it whenever Party,
// Breakpoints or the encoding changes what they give.
const AnswersVersion = "party answers 21"

const answersEncoding = 2

// errAnswer is returned by AnswerOn for answers it cannot decode.
var errAnswer = errors.New("stored answer does not decode")

// StoredAnswers is the fold a store keeps answers with (see events.Answerer): PartyAnswers for the
// parties of the record.
type StoredAnswers struct{}

var _ events.Answerer = StoredAnswers{}

// Version returns AnswersVersion.
func (StoredAnswers) Version() string { return AnswersVersion }

// Keeps reports whether kind is events.KindParty: the answers kept are parties'.
func (StoredAnswers) Keeps(kind events.Kind) bool { return kind == events.KindParty }

// Answers returns PartyAnswers(id, Effective(evs, now), names) for a party, and false for an entity
// of another kind, a party with no event in force (history leaves it out of every party) and a party
// joined to others by a link in force (entity.same_as/v1): the reader folds their union.
func (StoredAnswers) Answers(id events.EntityID, kind events.Kind, evs []events.Event, names func(events.EntityID) string) ([]byte, bool) {
	if kind != events.KindParty {
		return nil, false
	}
	evs = Effective(evs, time.Time{})
	if len(evs) == 0 {
		return nil, false // every event retracted: readers leave it out of "every party"
	}
	for _, e := range evs {
		if e.Type == events.TypeEntitySameAs {
			return nil, false
		}
	}
	return PartyAnswers(id, evs, names), true
}

// PartyAnswers folds a party's events (those in force, as Party takes them) on every interval between
// its Breakpoints and returns the answers encoded, for AnswerOn.
func PartyAnswers(id events.EntityID, evs []events.Event, names Names) []byte {
	evs = sorted(evs)
	starts := []events.Day{events.MinDay}
	for _, d := range Breakpoints(id, evs) {
		if d != events.MaxDay {
			starts = append(starts, d)
		}
	}
	w := stateWriter{index: map[string]uint64{}}
	var bodies [][]byte
	var firsts []events.Day
	var prev []byte
	free := &dayFree{}
	for _, day := range starts {
		st := partyAt(id, evs, day, names, free)
		w.buf = w.buf[:0]
		w.state(st)
		if prev != nil && bytes.Equal(prev, w.buf) {
			continue
		}
		prev = bytes.Clone(w.buf)
		bodies, firsts = append(bodies, prev), append(firsts, day)
	}
	total, size := 0, 1+3*binary.MaxVarintLen64
	for _, s := range w.strings {
		total += len(s)
	}
	for _, b := range bodies {
		size += 2*binary.MaxVarintLen64 + len(b)
	}
	out := make([]byte, 0, size+total) // the answers are written once, into one allocation
	out = append(out, answersEncoding)
	out = binary.AppendUvarint(out, uint64(total))
	for _, s := range w.strings {
		out = append(out, s...)
	}
	out = binary.AppendUvarint(out, uint64(len(bodies)))
	for i, b := range bodies {
		out = binary.AppendVarint(out, int64(firsts[i]))
		out = binary.AppendUvarint(out, uint64(len(b)))
	}
	for _, b := range bodies {
		out = append(out, b...)
	}
	return out
}

// AnswerOn returns the answer of Party on day from answers PartyAnswers encoded, and false for MaxDay
// (fold instead). It returns an error when answers do not decode.
func AnswerOn(answers []byte, day events.Day) (PartyState, bool, error) {
	if day == events.MaxDay {
		return PartyState{}, false, nil
	}
	r := stateReader{b: answers}
	if v := r.byte(); v != answersEncoding {
		return PartyState{}, false, fmt.Errorf("%w: encoding %d", errAnswer, v)
	}
	total := r.uvarint()
	if r.err != nil || total > uint64(len(r.b)) {
		return PartyState{}, false, errAnswer
	}
	r.table = string(r.b[:total]) // one copy: every string of the answer is a part of it
	r.b = r.b[total:]
	intervals := r.uvarint()
	if r.err != nil || intervals == 0 || intervals > uint64(len(r.b)) {
		return PartyState{}, false, errAnswer
	}
	offset, size, chosen, all := uint64(0), uint64(0), false, uint64(0)
	for i := uint64(0); i < intervals; i++ {
		first, l := events.Day(r.varint()), r.uvarint()
		all += l
		switch {
		case chosen:
		case i == 0 || first <= day:
			offset, size = offset+size, l
		default:
			chosen = true
		}
	}
	if r.err != nil || all != uint64(len(r.b)) || offset+size > all {
		return PartyState{}, false, errAnswer
	}
	r.b = r.b[offset : offset+size]
	st := r.state()
	if r.err != nil || len(r.b) != 0 {
		return PartyState{}, false, errAnswer
	}
	st.AsOf = dayText(day)
	return st, true, nil
}

// lastDay is the day AnswerOn last answered and its text: a question about every party decodes each
// party's answers on the same day, and formats it once.
var lastDay atomic.Pointer[dayAndText]

type dayAndText struct {
	day  events.Day
	text string
}

// dayText returns day.String(), remembering the last day asked.
func dayText(day events.Day) string {
	if p := lastDay.Load(); p != nil && p.day == day {
		return p.text
	}
	text := day.String()
	lastDay.Store(&dayAndText{day, text})
	return text
}

// stateWriter encodes PartyStates, each string once in its table.
type stateWriter struct {
	buf     []byte
	index   map[string]uint64 // string → its offset in the strings
	strings []string
	size    uint64 // the strings' total length
}

func (w *stateWriter) uvarint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }

func (w *stateWriter) str(s string) {
	at, ok := w.index[s]
	if !ok {
		at = w.size
		w.index[s] = at
		w.strings = append(w.strings, s)
		w.size += uint64(len(s))
	}
	w.uvarint(at)
	w.uvarint(uint64(len(s)))
}

func (w *stateWriter) id(id ulid.ULID) { w.buf = append(w.buf, id[:]...) }

func (w *stateWriter) bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

// count writes the length of a slice plus one, 0 for nil: JSON tells nil (null) from empty ([]).
func count[T any](w *stateWriter, s []T) {
	if s == nil {
		w.uvarint(0)
		return
	}
	w.uvarint(uint64(len(s)) + 1)
}

func each[T any](w *stateWriter, s []T, f func(T)) {
	count(w, s)
	for _, x := range s {
		f(x)
	}
}

func (w *stateWriter) source(s events.Source) {
	w.str(s.Document)
	w.str(s.Title)
	w.str(s.URL)
	w.str(s.Quote)
}

func (w *stateWriter) claim(c Claim) {
	w.str(c.Value)
	w.str(c.Date)
	w.str(string(c.Certainty))
	w.source(c.Source)
	w.id(c.EventID)
	w.str(c.Method)
	w.str(c.NameType)
}

func (w *stateWriter) value(v Value) {
	w.str(v.Value)
	w.bool(v.Disputed)
	w.str(v.Method)
	each(w, v.Claims, w.claim)
}

func (w *stateWriter) leader(l Leader) {
	w.str(string(l.Person))
	w.str(l.Name)
	w.str(l.Role)
	w.str(l.Since)
	w.str(l.Until)
	w.str(string(l.Certainty))
	w.source(l.Source)
	w.id(l.EventID)
	each(w, l.Also, w.source)
	w.str(l.Method)
	each(w, l.Claims, w.claim)
}

func (w *stateWriter) link(l Link) {
	w.str(string(l.Entity))
	w.str(l.Name)
	w.str(l.Kind)
	w.str(l.Date)
	w.str(string(l.Certainty))
	w.source(l.Source)
	w.id(l.EventID)
	w.str(l.Method)
	w.str(l.Until)
}

func (w *stateWriter) state(st PartyState) {
	w.str(string(st.ID))
	w.value(st.Name)
	w.value(st.Abbreviation)
	each(w, st.OtherNames, w.claim)
	each(w, st.Status.States, func(s State) { w.str(string(s)) })
	w.str(string(st.Status.Certainty))
	w.str(st.Status.Since)
	w.str(st.Status.Method)
	each(w, st.Status.Pending, w.claim)
	each(w, st.Status.Claims, w.claim)
	w.bool(st.Attested)
	w.value(st.Founded)
	each(w, st.Leaders, w.leader)
	w.value(st.Ideology)
	w.value(st.Position)
	each(w, st.Wings, w.link)
	each(w, st.Affiliations, w.link)
	each(w, st.Predecessors, w.link)
	each(w, st.Successors, w.link)
	each(w, st.Disputes, func(d Dispute) {
		w.str(d.Field)
		each(w, d.Claims, w.claim)
	})
	each(w, st.FormerLeaders, w.leader)
	each(w, st.Vacancies, func(v Vacancy) {
		w.str(v.Office)
		w.str(v.Since)
		w.str(v.Until)
		each(w, v.Last, w.str)
		w.source(v.Source)
		w.id(v.EventID)
	})
	each(w, st.FormerWings, w.link)
	each(w, st.FormerAffiliations, w.link)
	each(w, st.Bans, func(b Ban) {
		w.str(b.Who)
		w.str(b.Since)
		w.uvarint(uint64(int64(b.Years)<<1 ^ int64(b.Years)>>63)) // zigzag
		w.str(b.Until)
		w.str(b.State)
		w.str(string(b.Certainty))
		w.source(b.Source)
		w.id(b.EventID)
		w.str(b.Method)
	})
}

// stateReader decodes what stateWriter encoded; the first error sticks and zero values follow it.
type stateReader struct {
	b     []byte
	table string
	err   error
}

func (r *stateReader) fail() {
	if r.err == nil {
		r.err = errAnswer
	}
	r.b = nil
}

func (r *stateReader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *stateReader) uvarint() uint64 {
	b := r.b
	switch {
	case len(b) > 0 && b[0] < 0x80: // one byte: most lengths and counts
		r.b = b[1:]
		return uint64(b[0])
	case len(b) > 1 && b[1] < 0x80: // two: most offsets
		r.b = b[2:]
		return uint64(b[0]&0x7f) | uint64(b[1])<<7
	}
	return r.uvarintLong()
}

func (r *stateReader) uvarintLong() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *stateReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *stateReader) str() string {
	at, n := r.uvarint(), r.uvarint()
	if at > uint64(len(r.table)) || n > uint64(len(r.table))-at {
		r.fail()
		return ""
	}
	return r.table[at : at+n]
}

func (r *stateReader) bool() bool { return r.byte() == 1 }

func (r *stateReader) id() ulid.ULID {
	var id ulid.ULID
	if len(r.b) < len(id) {
		r.fail()
		return id
	}
	r.b = r.b[copy(id[:], r.b):]
	return id
}

// list reads a slice written by each: nil for 0.
func list[T any](r *stateReader, f func() T) []T {
	n := r.uvarint()
	if n == 0 || r.err != nil {
		return nil
	}
	if n-1 > uint64(len(r.b)) { // every element takes a byte at least
		r.fail()
		return nil
	}
	out := make([]T, n-1)
	for i := range out {
		out[i] = f()
	}
	return out
}

func (r *stateReader) source() events.Source {
	return events.Source{Document: r.str(), Title: r.str(), URL: r.str(), Quote: r.str()}
}

func (r *stateReader) claim() Claim {
	return Claim{Value: r.str(), Date: r.str(), Certainty: Certainty(r.str()), Source: r.source(), EventID: r.id(), Method: r.str(), NameType: r.str()}
}

func (r *stateReader) value() Value {
	return Value{Value: r.str(), Disputed: r.bool(), Method: r.str(), Claims: list(r, r.claim)}
}

func (r *stateReader) leader() Leader {
	return Leader{Person: events.EntityID(r.str()), Name: r.str(), Role: r.str(), Since: r.str(), Until: r.str(),
		Certainty: Certainty(r.str()), Source: r.source(), EventID: r.id(), Also: list(r, r.source), Method: r.str(),
		Claims: list(r, r.claim)}
}

func (r *stateReader) link() Link {
	return Link{Entity: events.EntityID(r.str()), Name: r.str(), Kind: r.str(), Date: r.str(), Certainty: Certainty(r.str()),
		Source: r.source(), EventID: r.id(), Method: r.str(), Until: r.str()}
}

func (r *stateReader) state() PartyState {
	var st PartyState
	st.ID = events.EntityID(r.str())
	st.Name = r.value()
	st.Abbreviation = r.value()
	st.OtherNames = list(r, r.claim)
	st.Status = Status{States: list(r, func() State { return State(r.str()) }), Certainty: Certainty(r.str()), Since: r.str(), Method: r.str(),
		Pending: list(r, r.claim), Claims: list(r, r.claim)}
	st.Attested = r.bool()
	st.Founded = r.value()
	st.Leaders = list(r, r.leader)
	st.Ideology = r.value()
	st.Position = r.value()
	st.Wings = list(r, r.link)
	st.Affiliations = list(r, r.link)
	st.Predecessors = list(r, r.link)
	st.Successors = list(r, r.link)
	st.Disputes = list(r, func() Dispute { return Dispute{Field: r.str(), Claims: list(r, r.claim)} })
	st.FormerLeaders = list(r, r.leader)
	st.Vacancies = list(r, func() Vacancy {
		return Vacancy{Office: r.str(), Since: r.str(), Until: r.str(), Last: list(r, r.str), Source: r.source(), EventID: r.id()}
	})
	st.FormerWings = list(r, r.link)
	st.FormerAffiliations = list(r, r.link)
	st.Bans = list(r, func() Ban {
		b := Ban{Who: r.str(), Since: r.str()}
		z := r.uvarint()
		b.Years = int(int64(z>>1) ^ -int64(z&1))
		b.Until, b.State, b.Certainty = r.str(), r.str(), Certainty(r.str())
		b.Source, b.EventID, b.Method = r.source(), r.id(), r.str()
		return b
	})
	return st
}
