package eventstest

import (
	"fmt"
	"math/rand"
	"testing"

	"annals/events"

	"github.com/oklog/ulid/v2"
)

// RandomHistory returns a random record about parties party-0 … party-(parties-1), for property tests
// of folds and of what readers keep of them: names (official, abbreviations, others, some added late,
// so that a party's name reaches the answers of others after they were recorded), foundings (some
// disputed, some refining each other), renames, leaders taking and leaving offices (dated, open
// starts, undated), endings, bans of officials with and without durations, ideologies, positions,
// wings, affiliations, successions, mergers, splits, links (entity.same_as/v1), facts the fold reads
// only as attesting the party (election results, descriptions), and corrections and
// retractions of earlier events. Dates are drawn from a narrow span of years in every precision
// (years, months, days, intervals, open ends, XXXX), so that they overlap often. Events are recorded
// at increasing milliseconds from BaseMS in the order returned; a correction always follows the
// events it supersedes. The same rng state gives the same record.
func RandomHistory(t testing.TB, rng *rand.Rand, parties int) []events.Event {
	t.Helper()
	party := func() events.EntityID { return events.EntityID(fmt.Sprintf("party-%d", rng.Intn(parties))) }
	person := func() events.EntityID { return events.EntityID(fmt.Sprintf("person-%d", rng.Intn(4))) }
	roles := []string{"leader", "president", "deputy", "vice president", "secretary general", "treasurer"}
	day := func(y int) string { return fmt.Sprintf("%04d-%02d-%02d", y, 1+rng.Intn(12), 1+rng.Intn(28)) }
	date := func() string {
		y := 1988 + rng.Intn(8)
		switch rng.Intn(12) {
		case 0:
			return "XXXX"
		case 1, 2:
			return fmt.Sprintf("%04d", y)
		case 3, 4:
			return fmt.Sprintf("%04d-%02d", y, 1+rng.Intn(12))
		case 5:
			return fmt.Sprintf("%04d/%04d", y, y+1+rng.Intn(2))
		case 6:
			return "../" + day(y)
		case 7:
			return day(y) + "/.."
		case 8:
			return fmt.Sprintf("%04d-%02d/%s", y, 1+rng.Intn(12), day(y+1))
		}
		return day(y)
	}
	src := func(i int) events.Source {
		return events.Source{Title: "A random history", URL: "https://example.org/random", Quote: fmt.Sprintf("statement %d", i)}
	}
	var out []events.Event
	ms := BaseMS
	record := func(f events.Fact) {
		f.Source = src(len(out))
		if rng.Intn(5) == 0 {
			f.Method = events.MethodDrafted
		}
		d := f.Date
		if d.IsZero() {
			f.Date = events.MustParseDate(date())
		}
		e, err := newEvent(f, ms)
		if err != nil && d.IsZero() { // a date this fact cannot have: undated then
			f.Date = events.MustParseDate("XXXX")
			e, err = newEvent(f, ms)
		}
		if err != nil {
			t.Fatalf("RandomHistory: %s about %s: %v", f.Type, f.Entity, err)
		}
		ms += uint64(1 + rng.Intn(3))
		out = append(out, e)
	}
	names := []string{"Popular Front", "Union", "Freedom Party", "Labour", "Greens", "People's Party"}
	for i := range parties * 8 {
		id := party()
		if i < parties {
			id = events.EntityID(fmt.Sprintf("party-%d", i))
		}
		var p events.Payload
		switch rng.Intn(24) {
		case 0, 1:
			types := []string{events.NameOfficial, events.NameAbbreviation, events.NameAlternate}
			p = events.EntityNamed{Kind: events.KindParty, Name: names[rng.Intn(len(names))], NameType: types[rng.Intn(len(types))]}
		case 2, 3:
			p = events.PartyFounded{Name: names[rng.Intn(len(names))]}
		case 4:
			p = events.PartyRenamed{To: names[rng.Intn(len(names))]}
		case 5, 6, 7, 8:
			p = events.LeaderTookOffice{Office: events.Office{Person: person(), Role: roles[rng.Intn(len(roles))]}}
		case 9, 10:
			p = events.LeaderLeftOffice{Office: events.Office{Person: person(), Role: roles[rng.Intn(len(roles))]}}
		case 11:
			switch rng.Intn(4) {
			case 0:
				p = events.PartyDissolved{}
			case 1:
				p = events.PartyBanned{}
			case 2:
				p = events.PartyDeclaredIllegal{}
			default:
				p = events.PartyCeased{}
			}
		case 12:
			p = events.PartyOfficialsBanned{Group: "officials", Count: rng.Intn(3) * 10, Years: rng.Intn(4)}
		case 13:
			p = events.PartyIdeology{Ideologies: []string{names[rng.Intn(len(names))]}}
		case 14:
			p = events.PartyPosition{Position: []string{"left", "right", "centre"}[rng.Intn(3)]}
		case 15:
			p = events.PartyWing{Kind: "youth", Wing: party()}
		case 16:
			org := events.EntityID(fmt.Sprintf("org-%d", rng.Intn(2)))
			p = events.PartyAffiliation{Kind: "member", Organisation: org}
			if rng.Intn(3) == 0 {
				p = events.PartyAffiliationEnded{Organisation: org, How: "left"}
			}
		case 17:
			kinds := []string{events.SuccessionLegal, events.SuccessionTransformation, events.SuccessionUnspecified, events.SuccessionSelfDeclared}
			p = events.PartySucceeded{Successor: party(), Kind: kinds[rng.Intn(len(kinds))]}
		case 18:
			p = events.PartyMerged{Members: []events.EntityID{party(), party()}}
		case 19:
			p = events.PartySplit{NewParty: party()}
		case 20:
			if rng.Intn(4) != 0 {
				continue
			}
			p = events.EntitySameAs{Other: party()}
		case 22:
			p = events.ElectionResult{Election: "general election", Level: "general", Leader: person(), Votes: int64(rng.Intn(1000))}
		case 23:
			p = events.EntityDescribed{Attribute: "description", Value: "described", Involves: []events.EntityID{party()}}
		case 21:
			// A person or an organisation named late: its name reaches the answers that show it.
			other := person()
			kind := events.KindPerson
			if rng.Intn(3) == 0 {
				other, kind = events.EntityID(fmt.Sprintf("org-%d", rng.Intn(2))), events.KindOrganisation
			}
			record(events.Fact{Type: events.TypeEntityNamed, Entity: other, Date: events.MustParseDate("XXXX"),
				Payload: events.EntityNamed{Kind: kind, Name: fmt.Sprintf("%s named %d", other, i), NameType: events.NameOfficial}})
			continue
		}
		if sa, ok := p.(events.EntitySameAs); ok && sa.Other == id {
			continue
		}
		record(events.Fact{Type: p.EventType(), Entity: id, Payload: p})
		// A correction or retraction of an earlier event, now and then.
		if len(out) > 1 && rng.Intn(8) == 0 {
			target := out[rng.Intn(len(out)-1)]
			if target.IsCorrection() || target.Type == events.TypeDocumentRecorded {
				continue
			}
			if rng.Intn(3) == 0 {
				record(events.Fact{Type: events.TypeRecordRetracted, Entity: target.Entity, Date: events.MustParseDate("XXXX"),
					Payload: events.RecordRetracted{}, Supersedes: []ulid.ULID{target.ID}, Reason: "withdrawn"})
				continue
			}
			f := target.Fact
			f.Date, f.Supersedes, f.Reason, f.Method = events.Date{}, []ulid.ULID{target.ID}, "redated", ""
			record(f)
		}
	}
	return out
}
