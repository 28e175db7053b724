package events

import (
	"fmt"
	"strings"
)

// Telling is what a payload's Describe needs to tell its event in English: the event's entity, the
// name it is shown by, and a name for any other entity.
type Telling struct {
	Entity  EntityID
	Subject string                // the name the entity is shown by
	Name    func(EntityID) string // a name for any entity; never nil
}

// List names the entities of ids, joined with commas.
func (t Telling) List(ids []EntityID) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = t.Name(id)
	}
	return strings.Join(out, ", ")
}

// By returns " by NAME" for an entity, and "" for none.
func (t Telling) By(id EntityID) string {
	if id == "" {
		return ""
	}
	return " by " + t.Name(id)
}

// The English account of each payload: one Describe method a type, so that a new type's account is
// written where the compiler asks for it (Payload requires it).

// Describe tells a DocumentRecorded in one line of English.
func (p DocumentRecorded) Describe(t Telling) string {
	return fmt.Sprintf("document %s recorded (%q, %d bytes)", p.Name, p.Title, len(p.Text))
}

// Describe tells a EntityNamed in one line of English.
func (p EntityNamed) Describe(t Telling) string {
	lang := ""
	if p.Language != "" {
		lang = ", " + p.Language
	}
	return fmt.Sprintf("%s is known as %q (%s %s%s)", t.Subject, p.Name, p.NameType, p.Kind, lang)
}

// Describe tells a EntityDescribed in one line of English.
func (p EntityDescribed) Describe(t Telling) string {
	s := fmt.Sprintf("%s: %s %q", t.Subject, strings.ReplaceAll(p.Attribute, "_", " "), p.Value)
	if p.Translation != "" {
		s += fmt.Sprintf(" (%q)", p.Translation)
	}
	return s
}

// Describe tells a PartyFounded in one line of English.
func (p PartyFounded) Describe(t Telling) string {
	s := fmt.Sprintf("%s founded as %q", t.Subject, p.Name)
	if len(p.Founders) > 0 {
		s += " by " + t.List(p.Founders)
	}
	if p.By != "" {
		s += ", set up by " + t.Name(p.By)
	}
	if p.Purpose != "" {
		s += ", " + p.Purpose
	}
	return s
}

// Describe tells a PartyRenamed in one line of English.
func (p PartyRenamed) Describe(t Telling) string {
	if p.From != "" {
		return fmt.Sprintf("%s renamed from %q to %q", t.Subject, p.From, p.To)
	}
	return fmt.Sprintf("%s renamed to %q", t.Subject, p.To)
}

// Describe tells a PartyMerged in one line of English.
func (p PartyMerged) Describe(t Telling) string {
	if p.Absorbed {
		return fmt.Sprintf("%s merged into %s", t.List(p.Members), t.Subject)
	}
	return fmt.Sprintf("%s formed by the merger of %s", t.Subject, t.List(p.Members))
}

// Describe tells a PartySplit in one line of English.
func (p PartySplit) Describe(t Telling) string {
	s := fmt.Sprintf("%s split: a faction left and founded %s", t.Subject, t.Name(p.NewParty))
	if len(p.Leaders) > 0 {
		s += ", led by " + t.List(p.Leaders)
	}
	return s
}

// Describe tells a PartySucceeded in one line of English.
func (p PartySucceeded) Describe(t Telling) string {
	s := fmt.Sprintf("%s succeeded by %s (%s", t.Subject, t.Name(p.Successor), p.Kind)
	if p.Qualifier != "" {
		s += ": " + p.Qualifier
	}
	return s + ")"
}

// Describe tells a PartyDeclaredIllegal in one line of English.
func (p PartyDeclaredIllegal) Describe(t Telling) string {
	return t.Subject + " declared illegal" + t.By(p.By)
}

// Describe tells a PartyBanned in one line of English.
func (p PartyBanned) Describe(t Telling) string {
	return t.Subject + " banned" + t.By(p.By)
}

// Describe tells a PartyDissolved in one line of English.
func (p PartyDissolved) Describe(t Telling) string {
	s := t.Subject + " dissolved" + t.By(p.By)
	if p.Forced {
		s += " (forced)"
	}
	return s
}

// Describe tells a PartyCeased in one line of English.
func (p PartyCeased) Describe(t Telling) string {
	return t.Subject + " ceased activity"
}

// Describe tells a PartyRestored in one line of English.
func (p PartyRestored) Describe(t Telling) string {
	s := t.Subject + " restored"
	if p.Means != "" {
		s += " (" + p.Means + ")"
	}
	return s + t.By(p.By)
}

// Describe tells a PartyIdeology in one line of English.
func (p PartyIdeology) Describe(t Telling) string {
	return fmt.Sprintf("%s ideology: %s", t.Subject, strings.Join(p.Ideologies, ", "))
}

// Describe tells a PartyPosition in one line of English.
func (p PartyPosition) Describe(t Telling) string {
	return fmt.Sprintf("%s position: %s", t.Subject, p.Position)
}

// Describe tells a PartyWing in one line of English.
func (p PartyWing) Describe(t Telling) string {
	return fmt.Sprintf("%s %s: %s", t.Subject, p.Kind, t.Name(p.Wing))
}

// Describe tells a PartyAffiliation in one line of English.
func (p PartyAffiliation) Describe(t Telling) string {
	return fmt.Sprintf("%s %s: %s", t.Subject, p.Kind, t.Name(p.Organisation))
}

// Describe tells a PartyAffiliationEnded in one line of English.
func (p PartyAffiliationEnded) Describe(t Telling) string {
	how := p.How
	if how == "" {
		how = "left"
	}
	return fmt.Sprintf("%s %s %s", t.Subject, howEnded[how], t.Name(p.Organisation))
}

// howEnded words the ways a party stops belonging to a body.
var howEnded = map[string]string{"left": "left", "withdrew": "withdrew from", "expelled": "was expelled from"}

// Describe tells a PartyPlatform in one line of English.
func (p PartyPlatform) Describe(t Telling) string {
	n := ""
	if p.Number > 0 {
		n = fmt.Sprintf(" %d.", p.Number)
	}
	return fmt.Sprintf("%s platform (%s)%s %s", t.Subject, p.Section, n, p.Text)
}

// Describe tells a PartyControlledArea in one line of English.
func (p PartyControlledArea) Describe(t Telling) string {
	parts := []string{}
	for _, s := range []string{p.Share, p.Measure, p.Area, strings.Join(p.Places, ", ")} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return fmt.Sprintf("area under %s's control: %s", t.Subject, strings.Join(parts, "; "))
}

// Describe tells a PartyBoycotted in one line of English.
func (p PartyBoycotted) Describe(t Telling) string {
	return fmt.Sprintf("%s boycotted the %s", t.Subject, p.Election)
}

// Describe tells a PartyPositionsLost in one line of English.
func (p PartyPositionsLost) Describe(t Telling) string {
	s := fmt.Sprintf("%s lost its %s", t.Subject, p.Office)
	if p.Count > 0 {
		s = fmt.Sprintf("%s lost %d %s", t.Subject, p.Count, p.Office)
	}
	if p.Reallocated {
		s += " (reallocated to other parties)"
	}
	return s
}

// Describe tells a PartyOfficialsBanned in one line of English.
func (p PartyOfficialsBanned) Describe(t Telling) string {
	s := fmt.Sprintf("%s: %s banned from politics", t.Subject, p.Group)
	if p.Count > 0 {
		s = fmt.Sprintf("%s: %d %s banned from politics", t.Subject, p.Count, p.Group)
	}
	if p.Years > 0 {
		s += fmt.Sprintf(" for %d years", p.Years)
	}
	return s
}

// Describe tells a LeaderTookOffice in one line of English.
func (p LeaderTookOffice) Describe(t Telling) string {
	return fmt.Sprintf("%s took office as %s of %s", t.Name(p.Person), p.Role, t.Subject)
}

// Describe tells a LeaderLeftOffice in one line of English.
func (p LeaderLeftOffice) Describe(t Telling) string {
	return fmt.Sprintf("%s left office as %s of %s", t.Name(p.Person), p.Role, t.Subject)
}

// Describe tells a CommitteeMember in one line of English.
func (p CommitteeMember) Describe(t Telling) string {
	s := fmt.Sprintf("%s on the %s of %s", t.Name(p.Person), p.Committee, t.Subject)
	if p.Rank > 0 {
		s += fmt.Sprintf(", no. %d", p.Rank)
	}
	if p.Role != "" {
		s += ", " + p.Role
	}
	return s
}

// Describe tells a ElectionResult in one line of English.
func (p ElectionResult) Describe(t Telling) string {
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
		switch {
		case f[1] == "1" || strings.EqualFold(f[1], "one"):
			figs = append(figs, f[1]+" "+strings.TrimSuffix(f[0], "s"))
		case f[1] != "":
			figs = append(figs, f[1]+" "+f[0])
		}
	}
	if p.Leader != "" {
		figs = append(figs, "led by "+t.Name(p.Leader))
	}
	return fmt.Sprintf("%s in the %s: %s", t.Subject, where, strings.Join(figs, ", "))
}

// Describe tells a PersonArrested in one line of English.
func (p PersonArrested) Describe(t Telling) string {
	s := t.Subject + " arrested" + t.By(p.By)
	if p.Charge != "" {
		s += " (" + p.Charge + ")"
	}
	return s
}

// Describe tells a PersonDefected in one line of English.
func (p PersonDefected) Describe(t Telling) string {
	return fmt.Sprintf("%s defected from %s", t.Subject, t.Name(p.From))
}

// Describe tells a PersonSentenced in one line of English.
func (p PersonSentenced) Describe(t Telling) string {
	return fmt.Sprintf("%s sentenced to %s%s", t.Subject, p.Sentence, t.By(p.By))
}

// Describe tells a PersonFled in one line of English.
func (p PersonFled) Describe(t Telling) string {
	s := fmt.Sprintf("%s fled %s", t.Subject, p.From)
	if p.Reason != "" {
		s += " (" + p.Reason + ")"
	}
	return s
}

// Describe tells a PersonBanned in one line of English.
func (p PersonBanned) Describe(t Telling) string {
	s := t.Subject + " banned from politics" + t.By(p.By)
	if p.Years > 0 {
		s += fmt.Sprintf(" for %d years", p.Years)
	}
	return s
}

// Describe tells a PersonServed in one line of English.
func (p PersonServed) Describe(t Telling) string {
	s := fmt.Sprintf("%s served in %s", t.Subject, t.Name(p.Organisation))
	if p.Role != "" {
		s += " as " + p.Role
	}
	return s
}

// Describe tells a EntitySameAs in one line of English.
func (p EntitySameAs) Describe(t Telling) string {
	if p.Other == t.Entity {
		return t.Subject + ": two records joined as one entity"
	}
	return fmt.Sprintf("%s is the same entity as %s [%s]", t.Subject, t.Name(p.Other), p.Other)
}

// Describe tells a EntityDisputed in one line of English.
func (p EntityDisputed) Describe(t Telling) string {
	what := "a dispute"
	if p.Dispute != "" {
		what = p.Dispute
	}
	s := fmt.Sprintf("%s ran into %s with %s", t.Subject, what, t.Name(p.With))
	if p.Outcome != "" {
		s += ", " + p.Outcome
	}
	return s
}

// Describe tells a ElectionNotHeld in one line of English.
func (p ElectionNotHeld) Describe(t Telling) string {
	return fmt.Sprintf("%s did not hold the %s in %s", t.Subject, p.Election, p.Area)
}

// Describe tells a OrganisationFounded in one line of English.
func (p OrganisationFounded) Describe(t Telling) string {
	s := t.Subject + " set up"
	if p.Name != t.Subject {
		s += fmt.Sprintf(" as %q", p.Name)
	}
	if p.By != "" {
		s += " by " + t.Name(p.By)
	}
	switch {
	case p.Involvement != "":
		s += ", " + p.Involvement
	case len(p.Involving) > 0:
		s += ", with involvement by " + t.List(p.Involving)
	}
	return s
}

// Describe tells a PartyFellFromPower in one line of English.
func (p PartyFellFromPower) Describe(t Telling) string {
	s := t.Subject + " fell from power" + t.By(p.By)
	if p.ReplacedBy != "" {
		s += ", replaced by " + t.Name(p.ReplacedBy)
	}
	return s
}

// Describe tells a CourtCaseHeard in one line of English.
func (p CourtCaseHeard) Describe(t Telling) string {
	s := fmt.Sprintf("%s heard %s", t.Subject, p.Case)
	if len(p.Concerning) > 0 {
		s += " (concerning " + t.List(p.Concerning) + ")"
	}
	return s
}

// Describe tells a PartyMembersFled in one line of English.
func (p PartyMembersFled) Describe(t Telling) string {
	group := p.Group
	if p.Count > 0 {
		group = fmt.Sprintf("%d %s", p.Count, p.Group)
	}
	if p.Share != "" {
		group = p.Share + " of its " + group
	}
	s := fmt.Sprintf("%s: %s fled %s", t.Subject, group, p.From)
	if len(p.Including) > 0 {
		s += ", including " + t.List(p.Including)
	}
	if p.Reason != "" {
		s += " (" + p.Reason + ")"
	}
	return s
}

// Describe tells a RecordRetracted in one line of English.
func (p RecordRetracted) Describe(t Telling) string {
	return t.Subject + ": retracted from the record"
}

// Describe tells a PersonDied in one line of English.
func (p PersonDied) Describe(t Telling) string {
	s := t.Subject + " died"
	if p.Cause != "" {
		s += " (" + p.Cause + ")"
	}
	return s
}

// Describe tells a PartyRegistered in one line of English.
func (p PartyRegistered) Describe(t Telling) string {
	return t.Subject + " registered" + t.By(p.By)
}

// Describe tells a PersonPardoned in one line of English.
func (p PersonPardoned) Describe(t Telling) string {
	if p.Means == MeansAmnesty {
		return t.Subject + " amnestied" + t.By(p.By)
	}
	return t.Subject + " pardoned" + t.By(p.By)
}

// Describe tells a PersonExiled in one line of English.
func (p PersonExiled) Describe(t Telling) string {
	s := t.Subject + " went into exile"
	if p.From != "" {
		s += " from " + p.From
	}
	if p.To != "" {
		s += " to " + p.To
	}
	return s
}
