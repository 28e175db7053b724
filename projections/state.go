package projections

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/oklog/ulid/v2"

	"annals/events"
)

// Certainty says how sure the record is that a fact holds on the day asked about.
type Certainty string

// Certainties.
const (
	Certain   Certainty = "certain"   // the fact's date lies wholly on or before the day
	Uncertain Certainty = "uncertain" // the day falls inside the fact's possible dates
	Undated   Certainty = "undated"   // the source gives no date for the fact
)

// affiliationEnd is the party's leaving a body, as of the day folded for.
type affiliationEnd struct {
	org       events.EntityID
	date      events.Date
	certainty Certainty
}

// endAffiliations returns the affiliations a party still has and those it has left, given the ends
// that happened by the day. An end is of the memberships of its body begun no later than it (a party
// that left a front in 1995 and joined it again in 2000 belongs to it in 2001); a certain end makes
// the membership a former one, an end that may or may not have happened by the day (or is undated
// where the membership is dated) leaves it uncertain.
func endAffiliations(links []Link, ends []affiliationEnd) (kept, former []Link) {
	kept, former = []Link{}, []Link{}
	for _, l := range links {
		end, until := Certainty(""), ""
		for _, e := range ends {
			if e.org != l.Entity {
				continue
			}
			if joined, err := events.ParseDate(l.Date); err == nil && !joined.Unknown() && !e.date.Unknown() &&
				e.date.Latest() < joined.Earliest() {
				continue // left before this joining
			}
			switch {
			case e.certainty == Certain || e.certainty == Undated && l.Certainty == Undated:
				if until == "" && !e.date.Unknown() {
					until = e.date.String()
				}
				end = Certain
			case end == "":
				end = Uncertain
			}
		}
		switch end {
		case Certain:
			l.Until = until
			former = append(former, l)
		case Uncertain:
			l.Certainty = Uncertain
			kept = append(kept, l)
		default:
			kept = append(kept, l)
		}
	}
	return kept, former
}

// certainty returns the certainty of a fact dated d on day, and false when it has certainly not
// happened yet.
func certainty(d events.Date, day events.Day) (Certainty, bool) {
	if d.Earliest() == events.MinDay && d.Latest() == events.MaxDay {
		return Undated, true
	}
	switch d.Relation(day) {
	case events.DateBefore:
		return Certain, true
	case events.DateStraddles:
		return Uncertain, true
	}
	return "", false
}

// Claim is one source's statement of a value.
type Claim struct {
	Value     string        `json:"value"`
	Date      string        `json:"date,omitempty"` // EDTF, as written in the record
	Certainty Certainty     `json:"certainty"`
	Source    events.Source `json:"source"`
	EventID   ulid.ULID     `json:"event_id"`
	Method    string        `json:"method,omitempty"` // events.MethodDrafted for a claim drafted by a rule (see events.Fact.Method)
	// NameType is the type of a name (events.NameNative, events.NameFormer, …) in a list of names; ""
	// for a claim that is not a name.
	NameType string `json:"name_type,omitempty"`

	date events.Date // Date, parsed: the fold compares dates without reading them again
}

// methodOf returns the method of what rests on claims: events.MethodDrafted when every one of them
// was drafted by a rule and none was reviewed, "" otherwise (and for no claim). A value, a status or
// a merged line is shown as drafted only when nothing a person or a document's structure states
// supports it.
func methodOf(claims []Claim) string {
	methods := make([]string, len(claims))
	for i, c := range claims {
		methods[i] = c.Method
	}
	return allMethod(methods)
}

// allMethod is methodOf for the methods of the facts behind one line.
func allMethod(methods []string) string {
	if len(methods) == 0 {
		return ""
	}
	for _, m := range methods {
		if m != events.MethodDrafted {
			return ""
		}
	}
	return events.MethodDrafted
}

// Value is a single-valued field with every claim behind it. Value is empty when no claim is in effect
// or when the claims disagree (Disputed). Method is events.MethodDrafted when every claim was drafted.
type Value struct {
	Value    string  `json:"value"`
	Disputed bool    `json:"disputed,omitempty"`
	Method   string  `json:"method,omitempty"`
	Claims   []Claim `json:"claims"`
}

// Leader is a person holding an office in the party on the day.
type Leader struct {
	Person    events.EntityID `json:"person"`
	Name      string          `json:"name"`
	Role      string          `json:"role"`
	Since     string          `json:"since,omitempty"`
	Until     string          `json:"until,omitempty"` // a departure whose date straddles the day
	Certainty Certainty       `json:"certainty"`
	Source    events.Source   `json:"source"`
	EventID   ulid.ULID       `json:"event_id"`
	Also      []events.Source `json:"also,omitempty"`   // other sources naming the same person in the same role
	Method    string          `json:"method,omitempty"` // events.MethodDrafted when the source and every one of Also were drafted
	// Claims holds every claim behind the line (its value the role as the claim words it), the one it
	// is dated by included: the line is one term of one person in one office (see tenures).
	Claims []Claim `json:"claims,omitempty"`

	since   events.Date // Since, parsed
	methods []string    // the method of Source, then of each of Also
}

// Link ties the party to another entity: a predecessor, a successor, a wing, an affiliation.
type Link struct {
	Entity    events.EntityID `json:"entity"`
	Name      string          `json:"name"`
	Kind      string          `json:"kind"` // merger, split, transformation, legal, self-declared, unofficial, unspecified; wing or affiliation kind
	Date      string          `json:"date,omitempty"`
	Certainty Certainty       `json:"certainty"`
	Source    events.Source   `json:"source"`
	EventID   ulid.ULID       `json:"event_id"`
	Method    string          `json:"method,omitempty"` // events.MethodDrafted for a link drafted by a rule
	// Until is the date a party left the body of a former affiliation (EDTF), when it did.
	Until string `json:"until,omitempty"`
}

// State is one thing a party was on a day. A party has one state on a day, or, when the record puts
// two changes on one day (banned and dissolved), every state that day brought. Renderers put states
// in words (history.StateWords).
type State string

// States.
const (
	StateNotFounded State = "not_founded"         // the founding lies after the day
	StateActive     State = "active"              // founded by the day, no ending in force
	StateUnrecorded State = "founding_unrecorded" // on record, but no source dates its founding
	StateDissolved  State = "dissolved"
	StateBanned     State = "banned"
	// StateSuspended is a party whose registration was suspended: its legal standing is lost for a
	// time, as a ban takes it (party.banned/v1 with the reason "registration suspended").
	StateSuspended       State = "suspended"
	StateDeclaredIllegal State = "declared_illegal"
	StateCeased          State = "ceased" // ceased activity
	StateMerged          State = "merged" // merged into another party (its successor)
)

// Status is what the party was on the day (States: active, dissolved, banned, suspended, declared illegal,
// ceased activity, merged, or not yet founded), with how sure the record is and the events that say so.
// Method is events.MethodDrafted when every claim the states rest on (the foundings, or the ending
// that decides it) was drafted.
type Status struct {
	States    []State   `json:"states"`
	Certainty Certainty `json:"certainty"`
	Since     string    `json:"since,omitempty"`
	Method    string    `json:"method,omitempty"`
	Pending   []Claim   `json:"pending,omitempty"` // changes whose dates straddle the day
	Claims    []Claim   `json:"claims"`
}

// Is reports whether the party was in state s on the day.
func (s Status) Is(state State) bool { return slices.Contains(s.States, state) }

// PartyState is a party as of one day.
type PartyState struct {
	ID           events.EntityID `json:"id"`
	AsOf         string          `json:"as_of"`
	Name         Value           `json:"name"`
	Abbreviation Value           `json:"abbreviation"`
	OtherNames   []Claim         `json:"other_names"`
	Status       Status          `json:"status"`
	Attested     bool            `json:"attested"` // a dated fact about the party is certain by the day
	Founded      Value           `json:"founded"`
	Leaders      []Leader        `json:"leaders"`
	Ideology     Value           `json:"ideology"`
	Position     Value           `json:"position"`
	Wings        []Link          `json:"wings"`
	Affiliations []Link          `json:"affiliations"`
	Predecessors []Link          `json:"predecessors"`
	Successors   []Link          `json:"successors"`
	Disputes     []Dispute       `json:"disputes"` // claims that cannot all be true, whatever the day
	// FormerLeaders are, once the party has ended (dissolved, merged, ceased; see Ended), the
	// last holders of each office: nothing outlives its party.
	FormerLeaders []Leader `json:"former_leaders"`
	// Vacancies are the offices of a living party that nobody held on the day.
	Vacancies []Vacancy `json:"vacancies"`
	// FormerWings and FormerAffiliations are the wings and affiliations of a party that has ended.
	FormerWings        []Link `json:"former_wings"`
	FormerAffiliations []Link `json:"former_affiliations"`
	// Bans are the bans from politics of the party's officials that had or may have begun by the day,
	// each with the end its duration gives.
	Bans []Ban `json:"bans"`
}

// Ended reports whether the party had certainly ended by the day: dissolved, merged or ceased
// activity. A ban ends its legal life, not the party: a banned party lives on (underground, in exile)
// with its leaders, wings and affiliations, as the sources tell of them.
func (s PartyState) Ended() bool { return slices.ContainsFunc(s.Status.States, State.Final) }

// Final reports whether s ends the party itself: dissolved, merged, or ceased activity.
func (s State) Final() bool {
	switch s {
	case StateDissolved, StateCeased, StateMerged:
		return true
	}
	return false
}

// Exists reports whether the party has or may have been founded by the day.
func (s PartyState) Exists() bool { return !s.Status.Is(StateNotFounded) }

// Names gives the display name of an entity, for the names of leaders and linked parties.
type Names func(events.EntityID) string

// Party folds the events about or involving a party into its state as of day. Events may come in any
// order; names may be nil (ids are shown instead).
func Party(id events.EntityID, evs []events.Event, day events.Day, names Names) PartyState {
	return partyAt(id, evs, day, names, &dayFree{})
}

// dayFree keeps what Party computes that does not depend on the day (the disputes, the tenures), for
// folding one party's events on many days (PartyAnswers): partyAt computes each once.
type dayFree struct {
	disputes []Dispute
	ts       []tenure
	ends     map[ulid.ULID]events.Date // endingDates, once asked
	names    []string                  // namesOf, once asked
	refined  map[ulid.ULID]bool        // refinedRenames, once asked
	keys     map[string]string         // events.NameKey of the names compared, once folded
	done     struct{ disputes, ts, names, refined bool }
}

// key returns events.NameKey(s), folded once however many days the party is asked about.
func (f *dayFree) key(s string) string {
	if k, ok := f.keys[s]; ok {
		return k
	}
	if f.keys == nil {
		f.keys = map[string]string{}
	}
	k := events.NameKey(s)
	f.keys[s] = k
	return k
}

// refinedRenames returns the renames of the party that another rename to the same name dates more
// precisely within their own time ("1989" and "July 1989"): one rename, told twice, which happened
// when the more precise says.
func refinedRenames(id events.EntityID, evs []events.Event) map[ulid.ULID]bool {
	var out map[ulid.ULID]bool
	for i := range evs {
		a, ok := evs[i].Payload.(events.PartyRenamed)
		if !ok || evs[i].Entity != id || evs[i].Date.Unknown() {
			continue
		}
		da := evs[i].Date
		for j := range evs {
			b, ok := evs[j].Payload.(events.PartyRenamed)
			db := evs[j].Date
			if !ok || i == j || evs[j].Entity != id || db.Unknown() || events.NameKey(a.To) != events.NameKey(b.To) {
				continue
			}
			if db.Earliest() >= da.Earliest() && db.Latest() <= da.Latest() && db.Latest()-db.Earliest() < da.Latest()-da.Earliest() {
				if out == nil {
					out = map[ulid.ULID]bool{}
				}
				out[evs[i].ID] = true
				break
			}
		}
	}
	return out
}

// partyAt is Party, with what does not depend on the day kept in free across calls about the same
// events and names.
func partyAt(id events.EntityID, evs []events.Event, day events.Day, names Names, free *dayFree) PartyState {
	if names == nil {
		names = func(id events.EntityID) string { return string(id) }
	}
	evs = sorted(evs)
	st := PartyState{ID: id, AsOf: day.String(), OtherNames: []Claim{}, Leaders: []Leader{}, Wings: []Link{},
		Affiliations: []Link{}, Predecessors: []Link{}, Successors: []Link{}, FormerLeaders: []Leader{},
		Vacancies: []Vacancy{}, FormerWings: []Link{}, FormerAffiliations: []Link{}, Bans: []Ban{}}
	var names0, abbrevs, founded, ideology, position, renames, endings []Claim
	var later []laterRename // renames yet to come on day
	datedRestored := false  // a dated restoration is on record, on any day
	var took, left []*events.Event
	var leftBodies []affiliationEnd
	attested := false // a dated fact about the party itself is certain by the day
	for i := range evs {
		e := &evs[i]
		c, happened := certainty(e.Date, day)
		if e.Entity == id && c == Certain && e.Type != events.TypeDocumentRecorded {
			attested = true
		}
		claim := func(value string) Claim {
			return Claim{Value: value, Date: e.Date.String(), Certainty: c, Source: e.Source, EventID: e.ID, Method: e.Method, date: e.Date}
		}
		link := func(other events.EntityID, kind string) Link {
			return Link{Entity: other, Name: names(other), Kind: kind, Date: e.Date.String(), Certainty: c, Source: e.Source, EventID: e.ID, Method: e.Method}
		}
		self := e.Entity == id
		// The events that date the party's founding are the ones the store's lifetime index reads.
		if slices.Contains(events.Founds(*e), id) {
			founded = append(founded, claim(e.Date.String()))
		}
		// The events that end the party (at the dates endingDates reads them at), and its
		// restorations, are its changes of state.
		switch {
		case slices.Contains(events.Ends(*e), id):
			if free.ends == nil {
				free.ends = endingDates(id, evs)
			}
			if d, ok := free.ends[e.ID]; ok {
				if c, happened := certainty(d, day); happened {
					endings = append(endings, Claim{Value: string(stateOf(*e)), Date: d.String(), Certainty: c,
						Source: e.Source, EventID: e.ID, Method: e.Method, date: d})
				}
			}
		case self && e.Type == events.TypePartyRestored:
			if happened {
				endings = append(endings, claim(string(StateActive)))
			}
			if !e.Date.Unknown() {
				datedRestored = true
			}
		}
		switch p := e.Payload.(type) {
		case events.EntityNamed:
			if !self {
				continue
			}
			switch p.NameType {
			case events.NameOfficial:
				names0 = append(names0, claim(p.Name))
			case events.NameAbbreviation:
				abbrevs = append(abbrevs, claim(p.Name))
			default:
				cl := claim(p.Name)
				cl.NameType = p.NameType
				st.OtherNames = append(st.OtherNames, cl)
			}
		case events.PartyFounded:
			if !self {
				continue
			}
			names0 = append(names0, claim(p.Name))
		case events.PartyRenamed:
			if !free.done.refined {
				free.refined, free.done.refined = refinedRenames(id, evs), true
			}
			if free.refined[e.ID] {
				continue // told more precisely by another rename to the same name
			}
			switch {
			case self && happened:
				renames = append(renames, claim(p.To))
			case self && p.From != "" && !e.Date.Unknown():
				later = append(later, laterRename{from: claim(p.From), to: p.To, on: e.Date})
			}
		case events.PartySucceeded:
			switch {
			case self && happened:
				st.Successors = append(st.Successors, link(p.Successor, p.Kind))
			case p.Successor == id && happened:
				st.Predecessors = append(st.Predecessors, link(e.Entity, p.Kind))
			}
		case events.PartyMerged:
			if self {
				if happened {
					for _, m := range p.Members {
						st.Predecessors = append(st.Predecessors, link(m, "merger"))
					}
				}
			} else if happened {
				st.Successors = append(st.Successors, link(e.Entity, "merger"))
			}
		case events.PartySplit:
			switch {
			case self && happened:
				st.Successors = append(st.Successors, link(p.NewParty, "split"))
			case p.NewParty == id && happened:
				st.Predecessors = append(st.Predecessors, link(e.Entity, "split"))
			}
		case events.LeaderTookOffice:
			if self {
				took = append(took, e)
			}
		case events.LeaderLeftOffice:
			if self {
				left = append(left, e)
			}
		case events.PartyOfficialsBanned:
			if self && happened {
				st.Bans = append(st.Bans, banOf(e, p, c, day))
			}
		case events.PartyIdeology:
			if self && happened {
				ideology = append(ideology, claim(strings.Join(p.Ideologies, ", ")))
			}
		case events.PartyPosition:
			if self && happened {
				position = append(position, claim(p.Position))
			}
		case events.PartyWing:
			if self && happened {
				st.Wings = append(st.Wings, link(p.Wing, p.Kind))
			}
		case events.PartyAffiliation:
			if self && happened {
				st.Affiliations = append(st.Affiliations, link(p.Organisation, p.Kind))
			}
		case events.PartyAffiliationEnded:
			if self && happened {
				leftBodies = append(leftBodies, affiliationEnd{org: p.Organisation, date: e.Date, certainty: c})
			}
		}
	}
	names0 = beforeRenames(names0, later, free)
	// A rename in effect replaces the names before it; an uncertain one joins them.
	for _, r := range renames {
		if r.Certainty == Certain {
			names0 = []Claim{r}
		} else {
			names0 = append(names0, r)
		}
	}
	st.Name = valueOf(names0)
	if len(abbrevs) > 0 && !free.done.names {
		free.names, free.done.names = namesOf(id, evs), true
	}
	st.Abbreviation = valueOf(abbreviationsOf(abbrevs, st.Name.Value, free.names))
	st.Ideology = valueOf(ideology)
	st.Position = valueOf(position)
	st.Founded = foundingOf(founded)
	if !free.done.disputes {
		free.disputes, free.done.disputes = disputesOf(id, evs, names), true
	}
	st.Disputes = free.disputes
	if st.Disputes == nil {
		st.Disputes = []Dispute{}
	}
	// An undated restoration beside a dated one is taken for it, told without its date (undated
	// endings beside dated ones, endingDates).
	endings = slices.DeleteFunc(endings, func(c Claim) bool {
		return c.Certainty == Undated && c.Value == string(StateActive) && datedRestored
	})
	st.Affiliations, st.FormerAffiliations = endAffiliations(st.Affiliations, leftBodies)
	st.Status = statusAt(st.Founded, endings, attested, day)
	st.Attested = attested
	if st.Status.Is(StateNotFounded) {
		return st
	}
	var vacancies []Vacancy
	if !free.done.ts {
		free.ts, free.done.ts = tenures(took, left), true
	}
	ts := free.ts
	st.Leaders, vacancies, st.FormerLeaders = holders(ts, day, day, names)
	if st.Ended() {
		// Nothing outlives its party: its last leaders, wings and affiliations are former ones. The
		// last leaders are the last holders of each office and those who left it when the party ended.
		st.Leaders, st.Wings, st.FormerWings, st.Affiliations, st.FormerAffiliations = []Leader{}, []Link{}, st.Wings, []Link{}, append(st.FormerAffiliations, st.Affiliations...)
		if end, err := events.ParseDate(st.Status.Since); err == nil {
			have := map[ulid.ULID]bool{}
			for _, l := range st.FormerLeaders {
				have[l.EventID] = true
			}
			for _, t := range ts {
				if t.end != nil && compatible(t.end.Date, end) {
					if l := t.leader(Certain, names); !have[l.EventID] {
						l.Until = t.end.Date.String()
						st.FormerLeaders = append(st.FormerLeaders, l)
					}
				}
			}
		}
		return st
	}
	st.FormerLeaders, st.Vacancies = []Leader{}, nonNil(vacancies)
	return st
}

// abbreviationsOf keeps the abbreviations that may stand for the party's name on the day: one whose
// letters are the initials of another of its names (names), and not of this one, is that name's
// ("NGCR" is New Georgia – Civic Renewal's, not the Union for Civic Renewal's it was in 1995). An
// abbreviation that fits none of its names (one in the party's language, "PiS") stands for them all.
func abbreviationsOf(abbrevs []Claim, name string, names []string) []Claim {
	if len(abbrevs) == 0 || name == "" {
		return abbrevs
	}
	return slices.DeleteFunc(slices.Clone(abbrevs), func(c Claim) bool {
		return !initialsFit(c.Value, name) && slices.ContainsFunc(names, func(n string) bool { return n != name && initialsFit(c.Value, n) })
	})
}

// namesOf returns every name the party's own events give it, whatever the day: official and
// alternate names, the names it was founded under, the names of its renames.
func namesOf(id events.EntityID, evs []events.Event) []string {
	var out []string
	for i := range evs {
		e := &evs[i]
		if e.Entity != id {
			continue
		}
		switch p := e.Payload.(type) {
		case events.EntityNamed:
			if p.NameType == events.NameOfficial || p.NameType == events.NameAlternate {
				out = append(out, p.Name)
			}
		case events.PartyFounded:
			out = append(out, p.Name)
		case events.PartyRenamed:
			out = append(out, p.From, p.To)
		}
	}
	return out
}

// initialsFit reports whether abbreviation, written in capital Latin letters, takes its letters in
// order from the initials of name's words ("UCR" of "Union for Civic Renewal"). Any other
// abbreviation fits nothing.
func initialsFit(abbreviation, name string) bool {
	var initials []rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		r, _ := utf8.DecodeRuneInString(w)
		initials = append(initials, unicode.ToUpper(r))
	}
	letters := 0
	i := 0
	for _, r := range abbreviation {
		if r > unicode.MaxASCII || !unicode.IsUpper(r) {
			if unicode.IsLetter(r) {
				return false
			}
			continue
		}
		letters++
		for i < len(initials) && initials[i] != r {
			i++
		}
		if i == len(initials) {
			return false
		}
		i++
	}
	return letters >= 2
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// stateOf returns the state an ending event brings.
func stateOf(e events.Event) State {
	switch e.Type {
	case events.TypePartyDissolved:
		return StateDissolved
	case events.TypePartyBanned:
		if p, ok := e.Payload.(events.PartyBanned); ok && p.Reason == events.RegistrationSuspended {
			return StateSuspended
		}
		return StateBanned
	case events.TypePartyDeclaredIllegal:
		return StateDeclaredIllegal
	case events.TypePartyCeased:
		return StateCeased
	case events.TypePartyRestored:
		return StateActive
	case events.TypePartyMerged:
		return StateMerged
	}
	return State(e.Type)
}

// valueOf gathers claims into a Value: the shared value when every claim agrees (ignoring case and
// white space), disputed otherwise.
func valueOf(claims []Claim) Value {
	v := Value{Claims: claims, Method: methodOf(claims)}
	if v.Claims == nil {
		v.Claims = []Claim{}
	}
	for i, c := range claims {
		if i == 0 {
			v.Value = c.Value
			continue
		}
		if c.Value != v.Value && events.NameKey(c.Value) != events.NameKey(v.Value) {
			v.Disputed = true
		}
	}
	if v.Disputed {
		v.Value = ""
	}
	return v
}

// laterRename is a rename that has not happened on the day asked: from the name it replaces (a claim
// citing the rename) to the name it gives, on its date.
type laterRename struct {
	from Claim
	to   string
	on   events.Date
}

// beforeRenames returns the name claims that hold before the renames yet to come. A rename from A to
// B on a later day says the party was called A until then: a claim to the name B that is undated or
// dated before the rename (an infobox that gives the party its later name, a founding told under
// it) names it by the name it came to have, and gives way to A, which the rename attests when no
// other claim does.
func beforeRenames(names []Claim, later []laterRename, free *dayFree) []Claim {
	if len(later) == 0 {
		return names
	}
	// The last rename first: "A to B in 1989, B to C in 1995" leaves A before 1989.
	slices.SortStableFunc(later, func(a, b laterRename) int { return b.on.Compare(a.on) })
	var attested map[ulid.ULID]bool // the claims a rename added: names until a rename, whatever its date
	for _, r := range later {
		to, from := free.key(r.to), free.key(r.from.Value)
		kept := make([]Claim, 0, len(names)+1)
		dropped, hasFrom := false, false
		for _, c := range names {
			value := free.key(c.Value)
			if value == to && (c.date.Unknown() || c.date.Latest() < r.on.Earliest() || attested[c.EventID]) {
				dropped = true
				continue
			}
			hasFrom = hasFrom || value == from
			kept = append(kept, c)
		}
		if !dropped {
			continue
		}
		if !hasFrom {
			kept = append(kept, r.from)
			if attested == nil {
				attested = map[ulid.ULID]bool{}
			}
			attested[r.from.EventID] = true
		}
		names = kept
	}
	return names
}

// foundingOf gathers founding-date claims. Compatible claims refine each other (a day inside a year
// narrows the year): the value is the date they leave together (see refine), and every claim stays
// with its source. Claims that cannot both be true are disputed. Undated claims agree with any.
func foundingOf(claims []Claim) Value {
	v := Value{Claims: claims, Method: methodOf(claims)}
	if v.Claims == nil {
		v.Claims = []Claim{}
	}
	var dated []events.Date
	for _, c := range claims {
		if !c.date.Unknown() {
			dated = append(dated, c.date)
		}
	}
	best, ok := refine(dated)
	switch {
	case !ok:
		v.Disputed = true
	case best.IsZero() && len(claims) > 0:
		v.Value = claims[0].date.String()
	default:
		v.Value = best.String()
	}
	return v
}

// statusAt decides the status on day from the founding and the endings in effect. Undated founding
// claims say that a party was founded, not when, so they never decide whether it existed on a day:
// without a dated founding, the status rests on whether any dated fact attests the party by then.
//
// Compatible dated founding claims are one founding, dated by what they leave together: on a day
// before the refined date the party is not yet founded, whatever the vaguer claims allow, and each
// claim carries the certainty of the refined founding. Disputed claims are each taken on their own: a
// day one source says the party existed by and another says it did not is uncertain.
func statusAt(founded Value, endings []Claim, attested bool, day events.Day) Status {
	st := Status{Claims: make([]Claim, 0, len(founded.Claims)+len(endings))}
	certainFounding, anyFounding, dated := false, false, false
	notYet := false                                         // a source of a disputed founding dates it after the day
	datedFoundings := make([]Claim, 0, len(founded.Claims)) // the founding claims that say when
	var refined events.Date
	if founded.Value != "" {
		refined, _ = events.ParseDate(founded.Value)
	}
	for _, c := range founded.Claims {
		cert, ok := certainty(c.date, day)
		if cert == Undated {
			continue
		}
		if !founded.Disputed && !refined.Unknown() {
			cert, ok = certainty(refined, day)
		}
		dated = true
		datedFoundings = append(datedFoundings, c)
		if !ok {
			notYet = notYet || founded.Disputed
			continue
		}
		anyFounding = true
		certainFounding = certainFounding || cert == Certain
		st.Claims = append(st.Claims, Claim{Value: "founded", Date: c.Value, Certainty: cert, Source: c.Source, EventID: c.EventID, Method: c.Method, date: c.date})
	}
	var basis []Claim // the claims the value rests on
	switch {
	case !dated && attested:
		st.States, st.Certainty = []State{StateUnrecorded}, Certain
	case !dated:
		st.States, st.Certainty = []State{StateUnrecorded}, Uncertain
	case !anyFounding:
		st.States, st.Certainty, st.Method = []State{StateNotFounded}, Certain, methodOf(datedFoundings)
		return st
	case certainFounding && !notYet:
		st.States, st.Certainty, st.Since = []State{StateActive}, Certain, founded.Value
		basis = slices.Clone(st.Claims)
	case certainFounding:
		// "Founded 12 April 1931" and "founded in 1933", on a day of 1932: active by one source,
		// not yet founded by the other.
		st.States, st.Certainty, st.Since = []State{StateActive}, Uncertain, founded.Value
		basis = slices.Clone(st.Claims)
	default:
		st.States, st.Certainty, st.Since = []State{StateActive}, Uncertain, founded.Value
		basis = slices.Clone(st.Claims)
		for _, c := range st.Claims {
			if c.Certainty == Uncertain {
				st.Pending = append(st.Pending, c)
			}
		}
	}
	for _, e := range endings {
		st.Claims = append(st.Claims, e)
		if e.Certainty == Certain {
			state := State(e.Value)
			if st.Since == e.Date && !st.Is(StateActive) && !st.Is(StateUnrecorded) {
				if !st.Is(state) {
					st.States = append(st.States, state) // two changes on one day: banned and dissolved
				}
				basis = append(basis, e)
			} else {
				// A certain change decides the day: what was pending before it is past.
				st.States, st.Since, st.Certainty, st.Pending = []State{state}, e.Date, Certain, nil
				basis = []Claim{e}
			}
			continue
		}
		st.Pending = append(st.Pending, e)
		if e.Certainty == Uncertain {
			st.Certainty = Uncertain
		}
	}
	if len(basis) == 1 && basis[0].Value == string(StateActive) && basis[0].Certainty == Certain {
		// Restored (party.restored/v1): whatever undated ban the record holds was before it.
		st.Pending = slices.DeleteFunc(st.Pending, func(c Claim) bool {
			return c.Certainty == Undated && (c.Value == string(StateBanned) || c.Value == string(StateSuspended) || c.Value == string(StateDeclaredIllegal))
		})
	}
	// An undated claim of a state the party is in on the day tells nothing more ("may already be:
	// merged" of a party merged since 2012).
	st.Pending = slices.DeleteFunc(st.Pending, func(c Claim) bool {
		return c.Certainty == Undated && !st.Is(StateActive) && st.Is(State(c.Value))
	})
	st.Method = methodOf(basis)
	return st
}

// sorted returns the events in historical order: by date, then recorded order. Events that come in
// that order (as a store gives them, nearly always) are returned as they are, without a copy.
func sorted(evs []events.Event) []events.Event {
	historical := func(a, b *events.Event) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return a.ID.Compare(b.ID)
	}
	inOrder := true
	for i := 1; i < len(evs) && inOrder; i++ {
		inOrder = historical(&evs[i-1], &evs[i]) <= 0
	}
	if inOrder {
		return evs
	}
	out := slices.Clone(evs)
	slices.SortStableFunc(out, func(a, b events.Event) int { return historical(&a, &b) })
	return out
}
