package projections

import (
	"fmt"
	"strings"

	"annals/events"
)

// Describe returns a one-line English account of an event, naming entities through names (which may
// be nil).
func Describe(e events.Event, names Names) string {
	if names == nil {
		names = func(id events.EntityID) string { return string(id) }
	}
	list := func(ids []events.EntityID) string {
		var out []string
		for _, id := range ids {
			out = append(out, names(id))
		}
		return strings.Join(out, ", ")
	}
	by := func(id events.EntityID) string {
		if id == "" {
			return ""
		}
		return " by " + names(id)
	}
	subject := names(e.Entity)
	switch p := e.Payload.(type) {
	case events.DocumentRecorded:
		return fmt.Sprintf("document %s recorded (%q, %d bytes)", p.Name, p.Title, len(p.Text))
	case events.EntityNamed:
		lang := ""
		if p.Language != "" {
			lang = ", " + p.Language
		}
		return fmt.Sprintf("%s is known as %q (%s %s%s)", subject, p.Name, p.NameType, p.Kind, lang)
	case events.EntityDescribed:
		s := fmt.Sprintf("%s: %s %q", subject, strings.ReplaceAll(p.Attribute, "_", " "), p.Value)
		if p.Translation != "" {
			s += fmt.Sprintf(" (%q)", p.Translation)
		}
		return s
	case events.PartyFounded:
		s := fmt.Sprintf("%s founded as %q", subject, p.Name)
		if len(p.Founders) > 0 {
			s += " by " + list(p.Founders)
		}
		if p.By != "" {
			s += ", set up by " + names(p.By)
		}
		if p.Purpose != "" {
			s += ", " + p.Purpose
		}
		return s
	case events.PartyRenamed:
		if p.From != "" {
			return fmt.Sprintf("%s renamed from %q to %q", subject, p.From, p.To)
		}
		return fmt.Sprintf("%s renamed to %q", subject, p.To)
	case events.PartyMerged:
		return fmt.Sprintf("%s formed by the merger of %s", subject, list(p.Members))
	case events.PartySplit:
		s := fmt.Sprintf("%s split: a faction left and founded %s", subject, names(p.NewParty))
		if len(p.Leaders) > 0 {
			s += ", led by " + list(p.Leaders)
		}
		return s
	case events.PartySucceeded:
		s := fmt.Sprintf("%s succeeded by %s (%s", subject, names(p.Successor), p.Kind)
		if p.Qualifier != "" {
			s += ": " + p.Qualifier
		}
		return s + ")"
	case events.PartyDeclaredIllegal:
		return subject + " declared illegal" + by(p.By)
	case events.PartyBanned:
		return subject + " banned" + by(p.By)
	case events.PartyDissolved:
		s := subject + " dissolved" + by(p.By)
		if p.Forced {
			s += " (forced)"
		}
		return s
	case events.PartyCeased:
		return subject + " ceased activity"
	case events.PartyIdeology:
		return fmt.Sprintf("%s ideology: %s", subject, strings.Join(p.Ideologies, ", "))
	case events.PartyPosition:
		return fmt.Sprintf("%s position: %s", subject, p.Position)
	case events.PartyWing:
		return fmt.Sprintf("%s %s: %s", subject, p.Kind, names(p.Wing))
	case events.PartyAffiliation:
		return fmt.Sprintf("%s %s: %s", subject, p.Kind, names(p.Organisation))
	case events.PartyPlatform:
		n := ""
		if p.Number > 0 {
			n = fmt.Sprintf(" %d.", p.Number)
		}
		return fmt.Sprintf("%s platform (%s)%s %s", subject, p.Section, n, p.Text)
	case events.PartyControlledArea:
		parts := []string{}
		for _, s := range []string{p.Share, p.Measure, p.Area, strings.Join(p.Places, ", ")} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		return fmt.Sprintf("area under %s's control: %s", subject, strings.Join(parts, "; "))
	case events.PartyBoycotted:
		return fmt.Sprintf("%s boycotted the %s", subject, p.Election)
	case events.PartyPositionsLost:
		s := fmt.Sprintf("%s lost its %s", subject, p.Office)
		if p.Count > 0 {
			s = fmt.Sprintf("%s lost %d %s", subject, p.Count, p.Office)
		}
		if p.Reallocated {
			s += " (reallocated to other parties)"
		}
		return s
	case events.PartyOfficialsBanned:
		s := fmt.Sprintf("%s: %s banned from politics", subject, p.Group)
		if p.Count > 0 {
			s = fmt.Sprintf("%s: %d %s banned from politics", subject, p.Count, p.Group)
		}
		if p.Years > 0 {
			s += fmt.Sprintf(" for %d years", p.Years)
		}
		return s
	case events.LeaderTookOffice:
		return fmt.Sprintf("%s took office as %s of %s", names(p.Person), p.Role, subject)
	case events.LeaderLeftOffice:
		return fmt.Sprintf("%s left office as %s of %s", names(p.Person), p.Role, subject)
	case events.CommitteeMember:
		s := fmt.Sprintf("%s on the %s of %s", names(p.Person), p.Committee, subject)
		if p.Rank > 0 {
			s += fmt.Sprintf(", no. %d", p.Rank)
		}
		if p.Role != "" {
			s += ", " + p.Role
		}
		return s
	case events.ElectionResult:
		where := p.Election
		if p.Constituency != "" {
			where += ", " + p.Constituency
		}
		var figs []string
		if p.VotesText != "" {
			figs = append(figs, p.VotesText+" votes")
		}
		if p.Percent != "" {
			pct := p.Percent
			if !strings.HasSuffix(pct, "%") {
				pct += "%"
			}
			figs = append(figs, pct)
		}
		if p.Change != "" {
			figs = append(figs, "change "+p.Change)
		}
		for _, f := range [][2]string{{"seats", p.Seats}, {"chiefs", p.Chiefs}, {"councillors", p.Councillors}} {
			if f[1] != "" {
				figs = append(figs, f[1]+" "+f[0])
			}
		}
		if p.Leader != "" {
			figs = append(figs, "led by "+names(p.Leader))
		}
		return fmt.Sprintf("%s in the %s: %s", subject, where, strings.Join(figs, ", "))
	case events.PersonArrested:
		s := subject + " arrested" + by(p.By)
		if p.Charge != "" {
			s += " (" + p.Charge + ")"
		}
		return s
	case events.PersonDefected:
		return fmt.Sprintf("%s defected from %s", subject, names(p.From))
	case events.PersonSentenced:
		return fmt.Sprintf("%s sentenced to %s%s", subject, p.Sentence, by(p.By))
	case events.PersonFled:
		s := fmt.Sprintf("%s fled %s", subject, p.From)
		if p.Reason != "" {
			s += " (" + p.Reason + ")"
		}
		return s
	case events.PersonBanned:
		s := subject + " banned from politics" + by(p.By)
		if p.Years > 0 {
			s += fmt.Sprintf(" for %d years", p.Years)
		}
		return s
	case events.PersonServed:
		s := fmt.Sprintf("%s served in %s", subject, names(p.Organisation))
		if p.Role != "" {
			s += " as " + p.Role
		}
		return s
	case events.EntitySameAs:
		if p.Other == e.Entity {
			return subject + ": two records joined as one entity"
		}
		return fmt.Sprintf("%s is the same entity as %s [%s]", subject, names(p.Other), p.Other)
	case events.EntityDisputed:
		what := "a dispute"
		if p.Dispute != "" {
			what = p.Dispute
		}
		s := fmt.Sprintf("%s ran into %s with %s", subject, what, names(p.With))
		if p.Outcome != "" {
			s += ", " + p.Outcome
		}
		return s
	case events.ElectionNotHeld:
		return fmt.Sprintf("%s did not hold the %s in %s", subject, p.Election, p.Area)
	case events.OrganisationFounded:
		s := subject + " set up"
		if p.Name != subject {
			s += fmt.Sprintf(" as %q", p.Name)
		}
		if p.By != "" {
			s += " by " + names(p.By)
		}
		switch {
		case p.Involvement != "":
			s += ", " + p.Involvement
		case len(p.Involving) > 0:
			s += ", with involvement by " + list(p.Involving)
		}
		return s
	case events.PartyFellFromPower:
		s := subject + " fell from power" + by(p.By)
		if p.ReplacedBy != "" {
			s += ", replaced by " + names(p.ReplacedBy)
		}
		return s
	case events.CourtCaseHeard:
		s := fmt.Sprintf("%s heard %s", subject, p.Case)
		if len(p.Concerning) > 0 {
			s += " (concerning " + list(p.Concerning) + ")"
		}
		return s
	case events.PartyMembersFled:
		group := p.Group
		if p.Count > 0 {
			group = fmt.Sprintf("%d %s", p.Count, p.Group)
		}
		if p.Share != "" {
			group = p.Share + " of its " + group
		}
		s := fmt.Sprintf("%s: %s fled %s", subject, group, p.From)
		if len(p.Including) > 0 {
			s += ", including " + list(p.Including)
		}
		if p.Reason != "" {
			s += " (" + p.Reason + ")"
		}
		return s
	}
	return fmt.Sprintf("%s: %s", subject, e.Type)
}
