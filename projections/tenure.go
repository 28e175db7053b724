package projections

import (
	"slices"
	"strings"

	"github.com/oklog/ulid/v2"

	"annals/events"
)

// officeKey returns the office a role names, for telling whether two claims are about one office: the
// head of the party (leader, president, chairman, chair, head), its deputy (deputy leader, vice
// president, vice chairman, deputy), its secretary general, or else the role itself, lowercased with
// hyphens and white space folded and a leading "party " dropped. Sources style one office in several
// ways (an infobox "President", a table of leaders); a rank compares them.
func officeKey(role string) string {
	k := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(role, "-", " "))), " ")
	k = strings.TrimPrefix(k, "party ")
	if w, rest, ok := strings.Cut(k, " "); ok && events.Provisional(k) {
		return w + " " + officeKey(rest) // "acting chairman" and "acting leader": one acting office
	}
	switch k {
	case "leader", "president", "chairman", "chairwoman", "chairperson", "chair", "head":
		return "head"
	case "deputy leader", "deputy", "vice president", "deputy president", "vice chairman", "vice chairwoman",
		"vice chairperson", "vice chair", "deputy chairman", "deputy chair", "vice leader":
		return "deputy"
	case "general secretary", "secretary general":
		return "secretary general"
	}
	return k
}

// tenure is one term of a person in an office: the claims that the person took it, reconciled (see
// tenures), and the departure that ends it.
type tenure struct {
	person  events.EntityID
	office  string          // officeKey of the role
	claims  []*events.Event // leader.took_office claims behind it, in historical order
	starts  []events.Date   // the mutually compatible dated starts, refined into start
	start   events.Date     // the best-dated start; Unknown for an undated tenure
	undated bool            // no claim dates it: it holds "undated" while the party lives
	end     *events.Event   // the departure that ends it, if any
	after   *events.Event   // the departure that ended the person's term before, on the day this one began
	span    span
}

// tenures reconciles the claims that people took and left offices in a party into terms, one per
// person, office and continuous term, whatever order the events come in (they must be sorted
// historically, as sorted returns them):
//
//   - Claims of one person in one office with a bounded start are one term until a departure dated
//     wholly before the next claim: their compatible dates refine the start (see refine); a later
//     claim that does not fit joins the term as a source.
//   - A claim with an open start ("../2017-09", inferred from a later event: the person held the office
//     by then) joins the latest term that may have begun by its end, else the first term unless a
//     departure certainly separates them; otherwise it is a term of its own.
//   - An undated claim joins the person's latest term in that office. Only when no dated or open claim
//     about the person and office exists is it a term of its own, undated.
//   - An acting term whose start is open ("../1995-04") began after the last departure from the office
//     it stands in for before then.
//   - A term ends at the first dated departure of the person from the office no earlier than its start;
//     an acting term without one, when someone next takes the office it stood in for (its start ends
//     it: that claim is its end).
func tenures(took, left []*events.Event) []tenure {
	type key struct {
		person events.EntityID
		office string
	}
	var order []key
	groups := map[key][]*events.Event{}
	for _, e := range took {
		p := e.Payload.(events.LeaderTookOffice)
		k := key{p.Person, officeKey(p.Role)}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], e)
	}
	// A departure from an office no claim says the person took tells that they held it by then: "X
	// stepped down as chairman in 1993" is a term that began by 1993 and ended then.
	for _, d := range left {
		p := d.Payload.(events.LeaderLeftOffice)
		k := key{p.Person, officeKey(p.Role)}
		if _, ok := groups[k]; ok || d.Date.Unknown() || d.Date.IsInterval() {
			continue
		}
		by, err := events.ParseDate("../" + d.Date.String())
		if err != nil {
			continue
		}
		claim := *d
		claim.Date, claim.Payload = by, events.LeaderTookOffice(p)
		order = append(order, k)
		groups[k] = []*events.Event{&claim}
	}
	var out []tenure
	for _, k := range order {
		var deps []*events.Event
		for _, d := range left {
			p := d.Payload.(events.LeaderLeftOffice)
			if p.Person == k.person && officeKey(p.Role) == k.office && !d.Date.Unknown() {
				deps = append(deps, d)
			}
		}
		out = append(out, personTenures(k.person, k.office, groups[k], deps)...)
	}
	// An acting office begins no earlier than the office it stands in for fell vacant: an acting
	// term taken "by April 1995" began after the last departure from that office before then.
	for i := range out {
		t := &out[i]
		if !events.Provisional(t.office) || t.undated || t.span.fromE != events.MinDay {
			continue
		}
		base := officeKey(t.office[strings.Index(t.office, " ")+1:])
		for _, d := range left {
			p := d.Payload.(events.LeaderLeftOffice)
			if officeKey(p.Role) == base && !d.Date.Unknown() && d.Date.Latest() <= t.span.fromL {
				t.span.fromE = max(t.span.fromE, d.Date.Earliest())
			}
		}
	}
	// An acting office that no departure ends ends when someone takes the office it stood in for:
	// "X became acting leader; Y was elected leader the following year".
	for i := range out {
		t := &out[i]
		if !events.Provisional(t.office) || t.end != nil || t.undated {
			continue
		}
		base := officeKey(t.office[strings.Index(t.office, " ")+1:])
		for _, e := range took {
			p := e.Payload.(events.LeaderTookOffice)
			if officeKey(p.Role) == base && !e.Date.Unknown() && e.Date.Earliest() > t.span.fromL {
				t.end, t.span = e, t.span.endAt(e.Date)
				break
			}
		}
	}
	return out
}

// personTenures is tenures for the claims of one person in one office, and its departures.
func personTenures(person events.EntityID, office string, claims, deps []*events.Event) []tenure {
	// A term ends at the first departure no earlier than its start, told as precisely as a source
	// tells it: "1979–1990" and "stepped down in November 1990" end it in November 1990.
	endOf := func(start events.Date) *events.Event {
		for i, d := range deps {
			if d.Date.Latest() < start.Earliest() {
				continue
			}
			best := d
			for _, o := range deps[i+1:] {
				if o.Date.Earliest() >= best.Date.Earliest() && o.Date.Latest() <= best.Date.Latest() && o.Date.Latest() >= start.Earliest() &&
					o.Date.Latest()-o.Date.Earliest() < best.Date.Latest()-best.Date.Earliest() {
					best = o
				}
			}
			return best
		}
		return nil
	}
	// termEnd is endOf a term's start, past the departure that ended the term before it on its first day.
	termEnd := func(t *tenure) *events.Event {
		d := endOf(t.start)
		if d == nil || d != t.after {
			return d
		}
		for _, o := range deps {
			if o != t.after && o.Date.Earliest() > t.after.Date.Latest() {
				return o
			}
		}
		return nil
	}
	var dated, openStart, undated []*events.Event
	for _, c := range claims {
		switch {
		case c.Date.Unknown() || (c.Date.Earliest() == events.MinDay && c.Date.Latest() == events.MaxDay):
			undated = append(undated, c)
		case c.Date.Earliest() == events.MinDay:
			openStart = append(openStart, c)
		default:
			dated = append(dated, c)
		}
	}
	var ts []tenure
	add := func(t *tenure, c *events.Event, refines bool) {
		t.claims = append(t.claims, c)
		if refines {
			t.starts = append(t.starts, c.Date)
			t.start, _ = refine(t.starts)
		}
	}
	for _, c := range dated {
		if n := len(ts); n > 0 {
			last := &ts[n-1]
			d := termEnd(last)
			// "X (2006–2010)" then "X (2010–2017)": a term that ended when the next began, the
			// departure and the new claim told alike, after the term's start.
			again := d != nil && d.Date.String() == c.Date.String() && last.start.Latest() < c.Date.Earliest() &&
				slices.ContainsFunc(deps, func(o *events.Event) bool { return o.Date.Earliest() > d.Date.Latest() })
			if !again && (d == nil || d.Date.Latest() > c.Date.Earliest()) {
				_, ok := refine(append(slices.Clone(last.starts), c.Date))
				add(last, c, ok)
				continue
			}
		}
		t := tenure{person: person, office: office}
		if n := len(ts); n > 0 {
			if d := endOf(ts[n-1].start); d != nil && d.Date.String() == c.Date.String() {
				t.after = d // the departure that ended the term before: not this one's end
			}
		}
		ts = append(ts, t)
		add(&ts[len(ts)-1], c, true)
	}
	slices.SortStableFunc(openStart, func(a, b *events.Event) int { return int(a.Date.Latest()) - int(b.Date.Latest()) })
	var openT *tenure // the term of the open claims that fit no dated term
	for _, c := range openStart {
		fit := -1
		for i := range ts {
			if ts[i].start.Earliest() <= c.Date.Latest() {
				fit = i
			}
		}
		if fit < 0 && len(ts) > 0 {
			// No term may have begun by then: the claim joins the first term unless a departure
			// certainly separates them (then it is a term of its own, before it).
			if d := endOf(events.Date{}); d == nil || d.Date.Latest() > ts[0].start.Earliest() {
				fit = 0
			}
		}
		switch {
		case fit >= 0:
			add(&ts[fit], c, false)
		case openT != nil:
			add(openT, c, true)
		default:
			openT = &tenure{person: person, office: office}
			add(openT, c, true)
		}
	}
	if openT != nil {
		ts = append([]tenure{*openT}, ts...)
	}
	for _, c := range undated {
		if len(ts) == 0 {
			ts = append(ts, tenure{person: person, office: office, undated: true, start: c.Date})
		}
		add(&ts[len(ts)-1], c, false)
	}
	for i := range ts {
		t := &ts[i]
		t.span = open(t.start)
		if t.undated {
			t.span = span{fromE: events.MinDay, fromL: events.MinDay, toE: events.MaxDay, toL: events.MaxDay}
		}
		if t.end = termEnd(t); t.end != nil {
			t.span = t.span.endAt(t.end.Date)
		}
	}
	return ts
}

// leader is the line of a tenure: the claim that dates it best as its source, every other claim's
// source in Also and every claim in Claims.
func (t tenure) leader(c Certainty, names Names) Leader {
	best := t.claims[0]
	for _, e := range t.claims {
		if e.Date == t.start {
			best = e
			break
		}
	}
	p := best.Payload.(events.LeaderTookOffice)
	l := Leader{Person: t.person, Name: names(t.person), Role: p.Role, Since: t.start.String(), Certainty: c,
		Source: best.Source, EventID: best.ID, since: t.start}
	var methods []string
	for _, e := range t.claims {
		q := e.Payload.(events.LeaderTookOffice)
		methods = append(methods, e.Method)
		cc := c // a claim is as certain as its line, but an undated one says so
		if e.Date.Unknown() {
			cc = Undated
		}
		l.Claims = append(l.Claims, Claim{Value: q.Role, Date: e.Date.String(), Certainty: cc, Source: e.Source, EventID: e.ID, Method: e.Method, date: e.Date})
		if e != best {
			l.Also = append(l.Also, e.Source)
		}
	}
	l.Method = allMethod(methods)
	l.methods = methods
	return l
}

// Vacancy is an office of the party that nobody held on the day: its last holders had certainly left
// and nobody on record had taken it since. Until is when the next holder on record took it, if any.
type Vacancy struct {
	Office  string        `json:"office"` // as the last holder's claim words it
	Since   string        `json:"since"`  // when the last holder left
	Until   string        `json:"until,omitempty"`
	Last    []string      `json:"last"` // the names of the last holders
	Source  events.Source `json:"source"`
	EventID ulid.ULID     `json:"event_id"` // of the departure
}

// holders evaluates tenures on the period a..b (one day when a == b): the lines of the tenures that
// held or may have held then, dated first in the order they began and undated after; the tenures
// certainly ended by a; and, for each office nobody held, its vacancy.
func holders(ts []tenure, a, b events.Day, names Names) (current []Leader, vacancies []Vacancy, last []Leader) {
	type held struct {
		t tenure
		l Leader
	}
	now := make([]held, 0, len(ts))
	ended := map[string][]tenure{}
	var offices []string
	for _, t := range ts {
		if !slices.Contains(offices, t.office) {
			offices = append(offices, t.office)
		}
		if t.undated {
			if t.end != nil && t.span.toL <= a {
				ended[t.office] = append(ended[t.office], t)
				continue
			}
			l := t.leader(Undated, names)
			if t.end != nil && t.span.toE <= b {
				l.Until = t.end.Date.String()
			}
			now = append(now, held{t, l})
			continue
		}
		c, ok := t.span.during(a, b)
		if !ok {
			if t.span.fromE <= b {
				ended[t.office] = append(ended[t.office], t)
			}
			continue
		}
		l := t.leader(c, names)
		if t.end != nil && t.span.toE <= b {
			l.Until = t.end.Date.String()
		}
		now = append(now, held{t, l})
	}
	slices.SortStableFunc(now, func(x, y held) int {
		if x.t.undated != y.t.undated {
			if x.t.undated {
				return 1
			}
			return -1
		}
		if x.t.span.fromE != y.t.span.fromE {
			if x.t.span.fromE < y.t.span.fromE {
				return -1
			}
			return 1
		}
		return 0
	})
	// One line a person and office: two terms of one holder that meet on the day (a term that ended
	// in 2010 and the next that began in 2010) are the holder in office.
	later := make([]bool, len(now))
	for i, h := range now {
		later[i] = slices.ContainsFunc(now, func(o held) bool {
			return o.t.person == h.t.person && o.t.office == h.t.office && !o.t.undated && !h.t.undated && o.t.span.fromE < h.t.span.fromE
		})
	}
	kept := now[:0:0]
	for i, h := range now {
		if !later[i] {
			kept = append(kept, h)
		}
	}
	now = kept
	current = make([]Leader, len(now))
	for i, h := range now {
		current[i] = h.l
	}
	for _, o := range offices {
		gone := ended[o]
		// The last holders of each office: those holding it, else those who left it last.
		var lastOf []Leader
		for _, h := range now {
			if h.t.office == o {
				lastOf = append(lastOf, h.l)
			}
		}
		if len(lastOf) > 0 || len(gone) == 0 {
			last = append(last, lastOf...)
			continue
		}
		if events.Provisional(o) {
			continue // an acting office exists while another is vacant: it falls vacant by design
		}
		latest := gone[0].span.toL
		for _, t := range gone {
			latest = max(latest, t.span.toL)
		}
		v := Vacancy{Last: []string{}}
		for _, t := range gone {
			if t.span.toL != latest {
				continue
			}
			l := t.leader(Certain, names)
			l.Until = t.end.Date.String()
			last = append(last, l)
			v.Last = append(v.Last, l.Name)
			if v.Office == "" {
				v.Office, v.Since, v.Source, v.EventID = l.Role, t.end.Date.String(), t.end.Source, t.end.ID
			}
		}
		next := events.MaxDay
		for _, t := range ts {
			if t.office == o && !t.undated && t.span.fromE > b && t.span.fromE < next {
				next, v.Until = t.span.fromE, t.start.String()
			}
		}
		vacancies = append(vacancies, v)
	}
	return current, vacancies, last
}
