package history

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"

	"annals/events"
	"annals/projections"
)

// State returns every party that exists, or may, on day (or, when party is not empty, the one party
// that name means, whether it exists then or not), sorted by display name then id. For every party
// and the current record it leaves unread the parties the store's lifetime index says were certainly
// not founded yet (events.Reader.Unfounded); with KnownAt or CuratedOnly it folds every party. The
// parties are read and folded on every core.
func (h *Historian) State(ctx context.Context, day events.Day, party string) ([]projections.PartyState, error) {
	states, err := h.state(ctx, day, party)
	return states, h.done(err)
}

func (h *Historian) state(ctx context.Context, day events.Day, party string) ([]projections.PartyState, error) {
	if party != "" {
		return h.oneState(ctx, day, party)
	}
	var skip map[events.EntityID]bool
	var err error
	if h.opts.KnownAt.IsZero() && !h.opts.CuratedOnly {
		if skip, err = h.store().Unfounded(ctx, day); errors.Is(err, events.ErrNotFound) {
			skip, err = nil, nil // a store without the index: read every party
		}
		if err != nil {
			return nil, err
		}
	}
	var read []events.EntityID
	var states stateList
	all, err := h.allStoredStates(ctx, day, skip, &states)
	if err != nil {
		return nil, err
	}
	if all != nil {
		read = all.fold
	} else {
		ids, err := h.partiesOr(ctx, "")
		if err != nil {
			return nil, err
		}
		read = ids[:0:0]
		for _, id := range ids {
			if !skip[id] {
				read = append(read, id)
			}
		}
		if read, err = h.storedStates(ctx, read, day, &states); err != nil {
			return nil, err
		}
	}
	names := h.names(ctx)
	folded, err := eachParty(ctx, h, read, func(id events.EntityID, evs []events.Event) (projections.PartyState, bool) {
		if len(evs) == 0 {
			return projections.PartyState{}, false // nothing known of it then (KnownAt): no answer
		}
		st := projections.Party(id, evs, day, names)
		return st, st.Exists()
	})
	if err != nil {
		return nil, err
	}
	states.addAll(folded)
	return states.byDisplayName(), nil
}

// During returns every party that existed, or may have, at some time in period (an EDTF date or
// interval: "1995", "1995-03", "1993/1997"), each with its certainty and the leaders it had then (or,
// when party is not empty, the one party that name means, if it existed then), sorted by display name
// then id. Like State it leaves unread the parties the store's lifetime index says were not founded
// yet by the period's last day, for every party and the current record. A period with no bounded
// side (XXXX) is refused with an error wrapping events.ErrInvalid.
func (h *Historian) During(ctx context.Context, period events.Date, party string) ([]projections.PeriodState, error) {
	states, err := h.during(ctx, period, party)
	return states, h.done(err)
}

func (h *Historian) during(ctx context.Context, period events.Date, party string) ([]projections.PeriodState, error) {
	if period.Unknown() {
		return nil, fmt.Errorf("during %q: a period needs a date: %w", period.String(), events.ErrInvalid)
	}
	ids, err := h.partiesOr(ctx, party)
	if err != nil {
		return nil, err
	}
	var skip map[events.EntityID]bool
	if party == "" && h.opts.KnownAt.IsZero() && !h.opts.CuratedOnly && period.Latest() != events.MaxDay {
		if skip, err = h.store().Unfounded(ctx, period.Latest()); errors.Is(err, events.ErrNotFound) {
			skip, err = nil, nil
		}
		if err != nil {
			return nil, err
		}
	}
	read := ids[:0:0]
	for _, id := range ids {
		if !skip[id] {
			read = append(read, id)
		}
	}
	names := h.names(ctx)
	states, err := eachParty(ctx, h, read, func(id events.EntityID, evs []events.Event) (projections.PeriodState, bool) {
		if len(evs) == 0 {
			return projections.PeriodState{}, false // nothing known of it then (KnownAt)
		}
		return projections.PartyDuring(id, evs, period, names)
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(states, func(i, j int) bool {
		a := projections.PartyState{ID: states[i].ID, Name: states[i].Name}
		b := projections.PartyState{ID: states[j].ID, Name: states[j].Name}
		if x, y := DisplayName(a), DisplayName(b); x != y {
			return x < y
		}
		return a.ID < b.ID
	})
	return states, nil
}

// allStored is what the store's answers leave to fold of a question about every party.
type allStored struct {
	fold []events.EntityID // the parties the Answerer keeps no answers for, sorted
}

// allStoredStates answers a question about every party on the current record from the store's
// answers alone, without listing the entities, when the store vouches for holding the entry of every
// party (events.AnswerReader.AllAnswers): the states of the parties that exist on day (those of skip
// left out), added to states, and, in allStored, the parties to fold. It returns a nil *allStored, and
// states empty, when it cannot.
func (h *Historian) allStoredStates(ctx context.Context, day events.Day, skip map[events.EntityID]bool, states *stateList) (*allStored, error) {
	ar, ok := h.store().(events.AnswerReader)
	if !ok || !h.opts.KnownAt.IsZero() || h.opts.CuratedOnly || day == events.MaxDay {
		return nil, nil
	}
	var mu sync.Mutex
	all := &allStored{}
	complete, err := ar.AllAnswers(ctx, projections.AnswersVersion, h.workers(), func(id events.EntityID, answers []byte, _ time.Time) error {
		if skip[id] {
			return nil
		}
		if answers == nil {
			mu.Lock()
			all.fold = append(all.fold, id)
			mu.Unlock()
			return nil
		}
		st, ok, err := projections.AnswerOn(answers, day)
		if err != nil {
			return fmt.Errorf("stored answers of %s: %w", id, err)
		}
		if ok && st.Exists() {
			states.add(&st)
		}
		return nil
	})
	if err != nil || !complete {
		states.reset() // what a worker that found the answers complete added: the caller reads them again
		return nil, err
	}
	sort.Slice(all.fold, func(i, j int) bool { return all.fold[i] < all.fold[j] })
	return all, nil
}

// oneState is state for the one party a name means. The name is resolved and the stored answers of
// the entities it names read together; the party is folded only when its answers cannot answer (see
// storedStates). A stored answer that holds at KnownAt also vouches that the record knew the party then
// as it knows it now, so that resolving the name as the record stood then reads none of its events.
func (h *Historian) oneState(ctx context.Context, day events.Day, name string) ([]projections.PartyState, error) {
	ids, answered, err := h.lookup(ctx, name, day)
	if err != nil {
		return nil, err
	}
	if len(ids) == 1 && len(answered) == 1 && answered[0].ID == ids[0] {
		// The name means one entity, which has answers: a party (the answers are parties', see
		// projections.StoredAnswers), known by that name at KnownAt (its answers hold then).
		return answered, nil
	}
	id, err := h.resolveAmong(ctx, name, ids, events.KindParty)
	if err != nil {
		return nil, err
	}
	for i := range answered {
		if answered[i].ID == id {
			return answered[i : i+1 : i+1], nil
		}
	}
	names := h.names(ctx)
	if stored, ok := h.dir.eventsRead(id); ok { // resolving it as the record stood at KnownAt read them
		if evs := h.effective(stored); !hasLink(evs) {
			return []projections.PartyState{projections.Party(id, evs, day, names)}, nil
		}
	}
	// One state: that of the party, or of the union a merge joins it to.
	return eachParty(ctx, h, []events.EntityID{id}, func(id events.EntityID, evs []events.Event) (projections.PartyState, bool) {
		return projections.Party(id, evs, day, names), true
	})
}

// maxLookup is how many entities a name may mean for lookup to read their stored answers with it.
const maxLookup = 8

// lookup returns the entities a name means (as events.Reader.Resolve finds them) and the states on day
// of those whose stored answers answer for the record as it stood at KnownAt (see storedStates), each
// with the ID of its party; the directory takes each of those as the record knew it at KnownAt. A store
// that reads them together (events.EntityLookup) is read once.
func (h *Historian) lookup(ctx context.Context, name string, day events.Day) ([]events.EntityID, []projections.PartyState, error) {
	store := h.store()
	usable := !h.opts.CuratedOnly && day != events.MaxDay
	var answered []projections.PartyState // a PartyState is large: not a map's value
	answer := func(id events.EntityID, answers []byte, since time.Time) error {
		if !usable || len(answered) == maxLookup || (!h.opts.KnownAt.IsZero() && since.After(h.opts.KnownAt)) {
			return nil // the record has changed since KnownAt: fold it as it stood then
		}
		st, ok, err := projections.AnswerOn(answers, day)
		if err != nil {
			return fmt.Errorf("stored answers of %s: %w", id, err)
		}
		if ok {
			if answered == nil {
				answered = make([]projections.PartyState, 0, 1)
			}
			answered = append(answered, st)
		}
		return nil
	}
	var ids []events.EntityID
	var found []events.EntitySummary
	var missing []events.EntityID
	var err error
	if lk, ok := store.(events.EntityLookup); ok {
		ids, err = lk.Lookup(ctx, name, projections.AnswersVersion, func(id events.EntityID, answers []byte, since time.Time, record func() (events.EntitySummary, bool, error)) error {
			if answers != nil {
				if err := answer(id, answers, since); err != nil {
					return err
				}
				if n := len(answered); n > 0 && answered[n-1].ID == id {
					return nil // answered, and a party: its record is read only if resolving needs it
				}
			}
			e, ok, err := record()
			if err == nil && !ok {
				missing = append(missing, id)
			}
			if ok {
				found = append(found, e)
			}
			return err
		})
	} else if ids, err = store.Resolve(ctx, name); err == nil && len(ids) <= maxLookup && usable {
		if ar, ok := store.(events.AnswerReader); ok && len(ids) > 0 {
			err = ar.Answers(ctx, projections.AnswersVersion, ids, 1, answer)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	if !h.opts.KnownAt.IsZero() {
		for _, st := range answered {
			h.dir.vouch(st.ID)
		}
	}
	h.dir.seed(ctx, found, missing)
	return ids, answered, nil
}

// storedStates answers what the store's stored answers can (events.AnswerReader, built by
// projections.StoredAnswers): the states on day of the parties of ids that have answers and exist
// that day, and the parties left to fold. The answers are the fold's own, byte for
// byte; they are used for the record as it stands now, and as it stood at KnownAt when no event they
// rest on (nor a name they show) was recorded after it. With CuratedOnly, and for events.MaxDay,
// every party is folded.
func (h *Historian) storedStates(ctx context.Context, ids []events.EntityID, day events.Day, states *stateList) ([]events.EntityID, error) {
	ar, ok := h.store().(events.AnswerReader)
	if !ok || h.opts.CuratedOnly || day == events.MaxDay || len(ids) == 0 {
		return ids, nil
	}
	var mu sync.Mutex
	answered := make(map[events.EntityID]bool, len(ids))
	err := ar.Answers(ctx, projections.AnswersVersion, ids, h.workers(), func(id events.EntityID, answers []byte, since time.Time) error {
		if !h.opts.KnownAt.IsZero() && since.After(h.opts.KnownAt) {
			return nil // the record has changed since: fold it as it stood then
		}
		st, ok, err := projections.AnswerOn(answers, day)
		if err != nil {
			return fmt.Errorf("stored answers of %s: %w", id, err)
		}
		if !ok {
			return nil
		}
		mu.Lock()
		answered[id] = true
		mu.Unlock()
		if st.Exists() {
			states.add(&st)
		}
		return nil
	})
	if err != nil || len(answered) == 0 {
		return ids, err
	}
	rest := make([]events.EntityID, 0, len(ids)-len(answered))
	for _, id := range ids {
		if !answered[id] {
			rest = append(rest, id)
		}
	}
	return rest, nil
}

// DisplayName returns the name a party state is shown and sorted by: its name on the day, else the
// first name claimed, else its id.
func DisplayName(st projections.PartyState) string {
	if st.Name.Value != "" {
		return st.Name.Value
	}
	if len(st.Name.Claims) > 0 {
		return st.Name.Claims[0].Value
	}
	return string(st.ID)
}

// PartyAnswer is everything the record holds about one party (or organisation): its facts in force,
// grouped, and its state on the day asked about.
type PartyAnswer struct {
	ID     events.EntityID
	Name   string
	Kind   events.Kind
	State  projections.PartyState // on the day asked about (events.MaxDay: everything)
	Groups []PartyGroup           // the non-empty groups, in the order of PartyGroups, then "other facts"
}

// PartyGroup is one group of facts of a party.
type PartyGroup struct {
	Group  string              `json:"group"`
	Events []projections.Entry `json:"events"`
}

// PartyGroups are the groups of Party, in the order they are given, and the event types in each;
// every other type but document.recorded is in "other facts", last.
var PartyGroups = []struct {
	Name  string
	Types []events.Type
}{
	{"names", []events.Type{events.TypeEntityNamed, events.TypePartyRenamed}},
	{"life", []events.Type{events.TypePartyFounded, events.TypePartyMerged, events.TypePartySplit, events.TypePartySucceeded,
		events.TypePartyDeclaredIllegal, events.TypePartyBanned, events.TypePartyRestored, events.TypePartyDissolved, events.TypePartyCeased,
		events.TypePartyPositionsLost, events.TypePartyOfficialsBanned, events.TypePartyBoycotted, events.TypePartyControlledArea,
		events.TypePartyRegistered}},
	{"leaders", []events.Type{events.TypeLeaderTookOffice, events.TypeLeaderLeftOffice}},
	{"committees", []events.Type{events.TypeCommitteeMember}},
	{"ideas", []events.Type{events.TypePartyIdeology, events.TypePartyPosition, events.TypePartyPlatform}},
	{"ties", []events.Type{events.TypePartyWing, events.TypePartyAffiliation, events.TypePartyAffiliationEnded}},
	{"elections", []events.Type{events.TypeElectionResult}},
}

// OtherFacts is the name of the last group of Party.
const OtherFacts = "other facts"

func groupOf(t events.Type) string {
	for _, g := range PartyGroups {
		for _, gt := range g.Types {
			if gt == t {
				return g.Name
			}
		}
	}
	if t == events.TypeDocumentRecorded {
		return ""
	}
	return OtherFacts
}

// Party returns everything the record holds about the party or organisation a name means, up to day
// (events.MaxDay: everything): the facts that had or may have happened by then, grouped, and its state
// on day. Errors of Resolve are returned as they are.
func (h *Historian) Party(ctx context.Context, name string, day events.Day) (PartyAnswer, error) {
	a, err := h.party(ctx, name, day)
	return a, h.done(err)
}

func (h *Historian) party(ctx context.Context, name string, day events.Day) (PartyAnswer, error) {
	id, err := h.resolve(ctx, name, events.KindParty, events.KindOrganisation)
	if err != nil {
		return PartyAnswer{}, err
	}
	id, evs, err := h.group(ctx, id)
	if err != nil {
		return PartyAnswer{}, err
	}
	names := h.names(ctx)
	byGroup := map[string][]projections.Entry{}
	for _, e := range evs {
		if e.Date.Relation(day) == events.DateAfter {
			continue
		}
		if g := groupOf(e.Type); g != "" {
			byGroup[g] = append(byGroup[g], projections.NewEntry(e, day, names))
		}
	}
	a := PartyAnswer{ID: id, Name: names(id), State: projections.Party(id, evs, day, names)}
	a.Kind = h.kind(ctx, id)
	for _, g := range PartyGroups {
		if len(byGroup[g.Name]) > 0 {
			a.Groups = append(a.Groups, PartyGroup{Group: g.Name, Events: byGroup[g.Name]})
		}
	}
	if len(byGroup[OtherFacts]) > 0 {
		a.Groups = append(a.Groups, PartyGroup{Group: OtherFacts, Events: byGroup[OtherFacts]})
	}
	return a, nil
}

func (h *Historian) kind(ctx context.Context, id events.EntityID) events.Kind {
	e, _ := h.dir.entity(ctx, id)
	return e.Kind
}

// TimelineAnswer is a party's facts in force in historical order.
type TimelineAnswer struct {
	ID     events.EntityID
	Name   string
	Events []projections.Entry
}

// Timeline returns the facts in force about (or involving) the party a name means, and the parties a
// merge joins it to, in historical order, documents left out.
func (h *Historian) Timeline(ctx context.Context, name string) (TimelineAnswer, error) {
	a, err := h.timeline(ctx, name)
	return a, h.done(err)
}

func (h *Historian) timeline(ctx context.Context, name string) (TimelineAnswer, error) {
	id, err := h.resolve(ctx, name, events.KindParty)
	if err != nil {
		return TimelineAnswer{}, err
	}
	id, evs, err := h.group(ctx, id)
	if err != nil {
		return TimelineAnswer{}, err
	}
	names := h.names(ctx)
	entries := make([]projections.Entry, 0, len(evs))
	for _, e := range evs {
		if e.Type != events.TypeDocumentRecorded {
			entries = append(entries, projections.NewEntry(e, events.MaxDay, names))
		}
	}
	return TimelineAnswer{ID: id, Name: names(id), Events: entries}, nil
}

// PersonAnswer is a person as the record knows them on a day.
type PersonAnswer struct {
	ID    events.EntityID
	Name  string
	State projections.PersonState
}

// Person returns the person a name means: their roles on day (all of them with events.MaxDay) and
// what happened to them up to it.
func (h *Historian) Person(ctx context.Context, name string, day events.Day) (PersonAnswer, error) {
	a, err := h.person(ctx, name, day)
	return a, h.done(err)
}

func (h *Historian) person(ctx context.Context, name string, day events.Day) (PersonAnswer, error) {
	id, err := h.resolve(ctx, name, events.KindPerson)
	if err != nil {
		return PersonAnswer{}, err
	}
	stored, err := h.store().EntityEvents(ctx, id)
	if err != nil {
		return PersonAnswer{}, err
	}
	// The events of the bodies the person held an office in: another's taking that office ends an
	// acting term of theirs, as in the bodies' own answers (projections.Person).
	seen := map[ulid.ULID]bool{}
	var bodies []events.EntityID
	for _, st := range stored {
		seen[st.Event.ID] = true
		if p, ok := st.Event.Payload.(events.LeaderTookOffice); ok && p.Person == id && !slices.Contains(bodies, st.Event.Entity) {
			bodies = append(bodies, st.Event.Entity)
		}
	}
	for _, body := range bodies {
		more, err := h.store().EntityEvents(ctx, body)
		if err != nil {
			return PersonAnswer{}, err
		}
		for _, st := range more {
			if !seen[st.Event.ID] {
				seen[st.Event.ID] = true
				stored = append(stored, st)
			}
		}
	}
	names := h.names(ctx)
	st := projections.Person(id, h.effective(stored), day, names)
	return PersonAnswer{ID: id, Name: names(id), State: st}, nil
}
