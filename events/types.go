package events

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// The registered event types. Each is a past-tense fact; the wire name carries its version.
const (
	TypeDocumentRecorded      Type = "document.recorded/v1"
	TypeRecordRetracted       Type = "record.retracted/v1"
	TypeEntityNamed           Type = "entity.named/v1"
	TypeEntityDescribed       Type = "entity.described/v1"
	TypePartyFounded          Type = "party.founded/v1"
	TypePartyRenamed          Type = "party.renamed/v1"
	TypePartyMerged           Type = "party.merged/v1"
	TypePartySplit            Type = "party.split/v1"
	TypePartySucceeded        Type = "party.succeeded/v1"
	TypePartyDeclaredIllegal  Type = "party.declared_illegal/v1"
	TypePartyBanned           Type = "party.banned/v1"
	TypePartyDissolved        Type = "party.dissolved/v1"
	TypePartyCeased           Type = "party.ceased_activity/v1"
	TypePartyRestored         Type = "party.restored/v1"
	TypePartyIdeology         Type = "party.ideology_stated/v1"
	TypePartyPosition         Type = "party.position_stated/v1"
	TypePartyWing             Type = "party.wing_recorded/v1"
	TypePartyAffiliation      Type = "party.affiliation_recorded/v1"
	TypePartyAffiliationEnded Type = "party.affiliation_ended/v1"
	TypePartyPlatform         Type = "party.platform_stated/v1"
	TypePartyControlledArea   Type = "party.area_controlled/v1"
	TypePartyBoycotted        Type = "party.boycotted/v1"
	TypePartyPositionsLost    Type = "party.positions_lost/v1"
	TypePartyOfficialsBanned  Type = "party.officials_banned/v1"
	TypeLeaderTookOffice      Type = "leader.took_office/v1"
	TypeLeaderLeftOffice      Type = "leader.left_office/v1"
	TypeCommitteeMember       Type = "committee.member_listed/v1"
	TypeElectionResult        Type = "election.result_recorded/v1"
	TypePersonArrested        Type = "person.arrested/v1"
	TypePersonDefected        Type = "person.defected/v1"
	TypePersonSentenced       Type = "person.sentenced/v1"
	TypePersonFled            Type = "person.fled/v1"
	TypePersonBanned          Type = "person.banned_from_politics/v1"
	TypePersonServed          Type = "person.served_in/v1"
	TypeEntityDisputed        Type = "entity.disputed_with/v1"
	TypeElectionNotHeld       Type = "election.not_held/v1"
	TypeOrganisationFounded   Type = "organisation.founded/v1"
	TypePartyFellFromPower    Type = "party.fell_from_power/v1"
	TypeCourtCaseHeard        Type = "court.case_heard/v1"
	TypePartyMembersFled      Type = "party.members_fled/v1"
	TypeEntitySameAs          Type = "entity.same_as/v1"
	TypePersonDied            Type = "person.died/v1"
	TypePersonExiled          Type = "person.exiled/v1"
	TypePartyRegistered       Type = "party.registered/v1"
	TypePersonPardoned        Type = "person.pardoned/v1"
)

func init() {
	register[RecordRetracted]("", "earlier events were withdrawn without replacement (the events it supersedes), with a reason")
	register[DocumentRecorded](KindDocument, "a source document entered the record, verbatim")
	register[EntityNamed]("", "an entity is known by a name (official, abbreviation, native script, alternate, misspelling)")
	register[EntityDescribed]("", "a statement about an entity: colour, slogan, logo, flag, country, aim, radio station...")
	register[PartyFounded](KindParty, "a party was founded")
	register[PartyRenamed](KindParty, "a party took a new name")
	register[PartyMerged](KindParty, "several parties merged into this one")
	register[PartySplit](KindParty, "a faction left the party and founded another")
	register[PartySucceeded](KindParty, "the party was succeeded by another (legal, self-declared, unofficial, transformation)")
	register[PartyDeclaredIllegal](KindParty, "the party was declared illegal")
	register[PartyBanned](KindParty, "the party was banned")
	register[PartyDissolved](KindParty, "the party was dissolved")
	register[PartyCeased](KindParty, "the party ceased activity or importance")
	register[PartyRestored](KindParty, "the party was legal and active again: a ban lifted, re-legalised, re-founded")
	register[PartyIdeology](KindParty, "the party's ideology as stated by a source")
	register[PartyPosition](KindParty, "the party's political position as stated by a source")
	register[PartyWing](KindParty, "the party had a wing (military, armed, youth...)")
	register[PartyAffiliation](KindParty, "the party belonged to an international or regional body, an alliance or a front")
	register[PartyAffiliationEnded](KindParty, "the party left a body, an alliance or a front it belonged to, or was expelled from it")
	register[PartyPlatform](KindParty, "a point of the party's platform or policy")
	register[PartyControlledArea](KindParty, "an area was under the party's control")
	register[PartyBoycotted](KindParty, "the party boycotted an election")
	register[PartyPositionsLost](KindParty, "the party's office holders lost their positions")
	register[PartyOfficialsBanned](KindParty, "a number of the party's officials were banned from politics")
	register[LeaderTookOffice]("", "a person took an office in a party or organisation")
	register[LeaderLeftOffice]("", "a person left an office in a party or organisation")
	register[CommitteeMember]("", "a person is listed on a committee")
	register[ElectionResult](KindParty, "an election result (general, communal or one constituency)")
	register[PersonArrested](KindPerson, "a person was arrested")
	register[PersonDefected](KindPerson, "a person defected from an organisation")
	register[PersonSentenced](KindPerson, "a person was sentenced")
	register[PersonFled](KindPerson, "a person fled a country")
	register[PersonBanned](KindPerson, "a person was banned from politics")
	register[PersonServed](KindPerson, "a person served in a government or body")
	register[EntityDisputed]("", "an entity ran into a dispute with another")
	register[ElectionNotHeld]("", "an authority did not hold an election in an area")
	register[OrganisationFounded](KindOrganisation, "an organisation (a government, a movement, an army...) was set up")
	register[PartyFellFromPower]("", "a party, or a movement or regime it led, fell from power")
	register[CourtCaseHeard](KindOrganisation, "a court heard a case")
	register[PartyMembersFled](KindParty, "a group of the party's members fled a country")
	register[PersonDied](KindPerson, "a person died")
	register[PersonExiled](KindPerson, "a person was exiled, or went into exile")
	register[PartyRegistered](KindParty, "an authority registered the party (an electoral commission, a ministry, a court)")
	register[PersonPardoned](KindPerson, "a person was pardoned or amnestied")
	register[EntitySameAs]("", "a person decided that two entities of the record are one (the event's entity, and other)")
}

// RecordRetracted withdraws the events its fact supersedes, without replacing them. Its entity is the
// entity of the withdrawn events; the fact's Reason says why and its Source supports it.
type RecordRetracted struct{}

func (RecordRetracted) EventType() Type  { return TypeRecordRetracted }
func (RecordRetracted) Refs() []EntityID { return nil }
func (RecordRetracted) Validate() error  { return nil }

// DocumentRecorded holds a source document verbatim. Its entity is DocumentEntity(Name).
type DocumentRecorded struct {
	Name   string `json:"name"`   // file name, as cited by Source.Document
	Title  string `json:"title"`  // the document's title line
	SHA256 string `json:"sha256"` // hex digest of Text
	Text   string `json:"text"`   // the document, byte for byte
}

func (DocumentRecorded) EventType() Type  { return TypeDocumentRecorded }
func (DocumentRecorded) Refs() []EntityID { return nil }
func (p DocumentRecorded) Validate() error {
	return errors.Join(required("name", p.Name), required("text", p.Text), required("sha256", p.SHA256))
}

// DocumentDigest returns the hex SHA-256 digest of a document's text, as DocumentRecorded.SHA256
// holds it.
func DocumentDigest(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// CheckDigest returns nil if p.SHA256 is the digest of p.Text (DocumentDigest), and otherwise an
// error naming the document and both digests that wraps ErrInvalid.
func (p DocumentRecorded) CheckDigest() error {
	if got := DocumentDigest(p.Text); got != p.SHA256 {
		return fmt.Errorf("document %s: sha256 %s does not match its text (%s): %w", p.Name, p.SHA256, got, ErrInvalid)
	}
	return nil
}

// Name types of EntityNamed.
const (
	NameOfficial     = "official"
	NameAbbreviation = "abbreviation"
	NameNative       = "native"
	NameAlternate    = "alternate"
	NameMisspelling  = "misspelling"
)

// EntityNamed records that an entity is known by a name. It also states the entity's kind, so that
// entities the sources only mention are entities of the record too.
type EntityNamed struct {
	Kind     Kind   `json:"kind"`
	Name     string `json:"name"`
	NameType string `json:"name_type"`          // official, abbreviation, native, alternate, misspelling
	Language string `json:"language,omitempty"` // BCP 47 tag when not English, "km" for Khmer
}

func (EntityNamed) EventType() Type   { return TypeEntityNamed }
func (EntityNamed) Refs() []EntityID  { return nil }
func (p EntityNamed) Names() []string { return []string{p.Name} }
func (p EntityNamed) Validate() error {
	return errors.Join(p.Kind.Validate(), required("name", p.Name),
		oneOf("name_type", p.NameType, NameOfficial, NameAbbreviation, NameNative, NameAlternate, NameMisspelling))
}

// Attributes of EntityDescribed.
var describedAttributes = []string{
	"colour", "slogan", "motto", "logo", "flag", "country", "aim", "belief", "radio_station",
	"support_base", "standing", "description", "plan", "reputation", "status", "reaction",
	"office", "headquarters", "website", "newspaper", "membership", "infobox",
	"consequence",
}

// EntityDescribed is a statement about an entity that is not a change of its structure: its colour,
// slogan, logo, flag, country, professed aim, radio station, support base, standing, reputation, or a
// consequence of its actions ("thus keeping the civil war going")...
type EntityDescribed struct {
	Attribute   string     `json:"attribute"`
	Value       string     `json:"value"`
	Translation string     `json:"translation,omitempty"` // an English rendering of a Value in another script
	Language    string     `json:"language,omitempty"`
	Involves    []EntityID `json:"involves,omitempty"` // entities the statement names
}

func (EntityDescribed) EventType() Type    { return TypeEntityDescribed }
func (p EntityDescribed) Refs() []EntityID { return refs(p.Involves...) }
func (p EntityDescribed) Validate() error {
	return errors.Join(oneOf("attribute", p.Attribute, describedAttributes...), required("value", p.Value),
		validateRefs("involves", p.Involves...))
}

// PartyFounded records the founding of a party under a name.
type PartyFounded struct {
	Name     string     `json:"name"`
	Founders []EntityID `json:"founders,omitempty"` // people who founded it
	By       EntityID   `json:"by,omitempty"`       // the organisation that set it up
	Purpose  string     `json:"purpose,omitempty"`
}

func (PartyFounded) EventType() Type { return TypePartyFounded }
func (p PartyFounded) Refs() []EntityID {
	return refs(append(append([]EntityID{}, p.Founders...), p.By)...)
}
func (p PartyFounded) Names() []string { return []string{p.Name} }
func (p PartyFounded) Validate() error {
	return errors.Join(required("name", p.Name), validateRefs("founders", p.Founders...), validateRefs("by", p.By))
}

// PartyRenamed records that a party took a new name; its identity does not change.
type PartyRenamed struct {
	From string `json:"from,omitempty"`
	To   string `json:"to"`
}

func (PartyRenamed) EventType() Type   { return TypePartyRenamed }
func (PartyRenamed) Refs() []EntityID  { return nil }
func (p PartyRenamed) Names() []string { return []string{p.From, p.To} }
func (p PartyRenamed) Validate() error { return required("to", p.To) }

// PartyMerged records that several parties merged into the event's entity. A merger founds the
// entity ("A and B merged to form C"), unless Absorbed: the members joined the entity, which the
// source does not say the merger made ("A merged into C", an infobox's "Merged into: C"): the
// merger dates no founding of it, and its members may be some of those that merged.
type PartyMerged struct {
	Members  []EntityID `json:"members"`
	Absorbed bool       `json:"absorbed,omitempty"`
}

func (PartyMerged) EventType() Type    { return TypePartyMerged }
func (p PartyMerged) Refs() []EntityID { return refs(p.Members...) }
func (p PartyMerged) Validate() error {
	if len(p.Members) == 0 {
		return fmt.Errorf("members: a merger needs at least one member party: %w", ErrInvalid)
	}
	return validateRefs("members", p.Members...)
}

// PartySplit records that a faction left the event's entity and founded NewParty.
type PartySplit struct {
	NewParty EntityID   `json:"new_party"`
	Leaders  []EntityID `json:"leaders,omitempty"` // who led the breakaway
	Region   string     `json:"region,omitempty"`
}

func (PartySplit) EventType() Type    { return TypePartySplit }
func (p PartySplit) Refs() []EntityID { return refs(append([]EntityID{p.NewParty}, p.Leaders...)...) }
func (p PartySplit) Validate() error {
	return errors.Join(requiredRef("new_party", p.NewParty), validateRefs("leaders", p.Leaders...))
}

// Kinds of succession.
const (
	SuccessionLegal          = "legal"
	SuccessionSelfDeclared   = "self-declared"
	SuccessionUnofficial     = "unofficial"
	SuccessionTransformation = "transformation" // "morphed into"
	SuccessionUnspecified    = "unspecified"
)

// PartySucceeded records that the event's entity was succeeded by Successor.
type PartySucceeded struct {
	Successor EntityID `json:"successor"`
	Kind      string   `json:"kind"`
	Qualifier string   `json:"qualifier,omitempty"` // the source's own words, e.g. "self-declared; not legally"
}

func (PartySucceeded) EventType() Type    { return TypePartySucceeded }
func (p PartySucceeded) Refs() []EntityID { return refs(p.Successor) }
func (p PartySucceeded) Validate() error {
	return errors.Join(requiredRef("successor", p.Successor), oneOf("kind", p.Kind, SuccessionLegal,
		SuccessionSelfDeclared, SuccessionUnofficial, SuccessionTransformation, SuccessionUnspecified))
}

// PartyDeclaredIllegal records that the party was declared illegal, by By if known.
type PartyDeclaredIllegal struct {
	By EntityID `json:"by,omitempty"`
}

func (PartyDeclaredIllegal) EventType() Type    { return TypePartyDeclaredIllegal }
func (p PartyDeclaredIllegal) Refs() []EntityID { return refs(p.By) }
func (p PartyDeclaredIllegal) Validate() error  { return validateRefs("by", p.By) }

// PartyBanned records that the party was banned, by By (a court, a government) if known. A party
// whose registration was cancelled, revoked or suspended lost its legal standing as a ban takes it:
// Reason says so ("registration cancelled"; RegistrationSuspended for a suspension, which the folds
// tell apart).
type PartyBanned struct {
	By     EntityID `json:"by,omitempty"`
	Reason string   `json:"reason,omitempty"`
}

// RegistrationSuspended is the Reason of a PartyBanned whose registration was suspended;
// RegistrationCancelled of one struck off the register ("Deregistered: 6 February 2020").
const (
	RegistrationSuspended = "registration suspended"
	RegistrationCancelled = "registration cancelled"
)

func (PartyBanned) EventType() Type    { return TypePartyBanned }
func (p PartyBanned) Refs() []EntityID { return refs(p.By) }
func (p PartyBanned) Validate() error  { return validateRefs("by", p.By) }

// PartyDissolved records that the party was dissolved.
type PartyDissolved struct {
	By     EntityID `json:"by,omitempty"`
	Forced bool     `json:"forced,omitempty"`
}

func (PartyDissolved) EventType() Type    { return TypePartyDissolved }
func (p PartyDissolved) Refs() []EntityID { return refs(p.By) }
func (p PartyDissolved) Validate() error  { return validateRefs("by", p.By) }

// PartyCeased records that the party ceased activity, or ceased to matter.
type PartyCeased struct {
	Reason string `json:"reason,omitempty"`
}

func (PartyCeased) EventType() Type  { return TypePartyCeased }
func (PartyCeased) Refs() []EntityID { return nil }
func (PartyCeased) Validate() error  { return nil }

// PartyRestored records that the party was legal and active again after a ban, a declaration of
// illegality or a dissolution: the ban lifted, the party re-legalised, re-registered or re-founded
// under its own name (Means, in the source's words), by By (a court, a government) if known. From
// then on it is active.
type PartyRestored struct {
	By    EntityID `json:"by,omitempty"`
	Means string   `json:"means,omitempty"`
}

func (PartyRestored) EventType() Type    { return TypePartyRestored }
func (p PartyRestored) Refs() []EntityID { return refs(p.By) }
func (p PartyRestored) Validate() error  { return validateRefs("by", p.By) }

// PartyIdeology records the ideologies a source states for the party.
type PartyIdeology struct {
	Ideologies []string `json:"ideologies"`
}

func (PartyIdeology) EventType() Type  { return TypePartyIdeology }
func (PartyIdeology) Refs() []EntityID { return nil }
func (p PartyIdeology) Validate() error {
	if len(p.Ideologies) == 0 {
		return fmt.Errorf("ideologies: at least one is required: %w", ErrInvalid)
	}
	for i, s := range p.Ideologies {
		if err := required(fmt.Sprintf("ideologies[%d]", i), s); err != nil {
			return err
		}
	}
	return nil
}

// PartyPosition records the political position a source states for the party.
type PartyPosition struct {
	Position string `json:"position"`
}

func (PartyPosition) EventType() Type   { return TypePartyPosition }
func (PartyPosition) Refs() []EntityID  { return nil }
func (p PartyPosition) Validate() error { return required("position", p.Position) }

// PartyWing records a wing of the party: its kind ("military wing", "youth wing") and the wing.
type PartyWing struct {
	Kind string   `json:"kind"`
	Wing EntityID `json:"wing"`
}

func (PartyWing) EventType() Type    { return TypePartyWing }
func (p PartyWing) Refs() []EntityID { return refs(p.Wing) }
func (p PartyWing) Validate() error {
	return errors.Join(required("kind", p.Kind), requiredRef("wing", p.Wing))
}

// PartyAffiliation records that the party belonged to a body ("international", "regional affiliation").
type PartyAffiliation struct {
	Kind         string   `json:"kind"`
	Organisation EntityID `json:"organisation"`
}

func (PartyAffiliation) EventType() Type    { return TypePartyAffiliation }
func (p PartyAffiliation) Refs() []EntityID { return refs(p.Organisation) }
func (p PartyAffiliation) Validate() error {
	return errors.Join(required("kind", p.Kind), requiredRef("organisation", p.Organisation))
}

// PartyAffiliationEnded records that the party ceased to belong to Organisation from the event's date:
// How is the source's word for it ("left", "withdrew", "expelled"), or empty when it gives none.
type PartyAffiliationEnded struct {
	Organisation EntityID `json:"organisation"`
	How          string   `json:"how,omitempty"`
}

func (PartyAffiliationEnded) EventType() Type    { return TypePartyAffiliationEnded }
func (p PartyAffiliationEnded) Refs() []EntityID { return refs(p.Organisation) }
func (p PartyAffiliationEnded) Validate() error {
	return errors.Join(requiredRef("organisation", p.Organisation), oneOf("how", p.How, "", "left", "withdrew", "expelled"))
}

// PartyPlatform records one point of the party's platform or policies, under a section heading.
type PartyPlatform struct {
	Section string `json:"section"`
	Number  int    `json:"number,omitempty"`
	Text    string `json:"text"`
}

func (PartyPlatform) EventType() Type  { return TypePartyPlatform }
func (PartyPlatform) Refs() []EntityID { return nil }
func (p PartyPlatform) Validate() error {
	return errors.Join(required("section", p.Section), required("text", p.Text))
}

// PartyControlledArea records an area under the party's control, with its share as the source words it
// and what the share measures (population, territory).
type PartyControlledArea struct {
	Area    string   `json:"area,omitempty"`
	Places  []string `json:"places,omitempty"`
	Share   string   `json:"share,omitempty"`
	Measure string   `json:"measure,omitempty"`
}

func (PartyControlledArea) EventType() Type  { return TypePartyControlledArea }
func (PartyControlledArea) Refs() []EntityID { return nil }
func (p PartyControlledArea) Validate() error {
	if p.Area == "" && len(p.Places) == 0 && p.Share == "" {
		return fmt.Errorf("area, places or share is required: %w", ErrInvalid)
	}
	return nil
}

// PartyBoycotted records that the party boycotted an election.
type PartyBoycotted struct {
	Election string `json:"election"`
}

func (PartyBoycotted) EventType() Type   { return TypePartyBoycotted }
func (PartyBoycotted) Refs() []EntityID  { return nil }
func (p PartyBoycotted) Validate() error { return required("election", p.Election) }

// PartyPositionsLost records that the party's holders of an office lost their positions.
type PartyPositionsLost struct {
	Office      string `json:"office"`
	Count       int    `json:"count,omitempty"`
	Reallocated bool   `json:"reallocated,omitempty"` // seats given to other parties
}

func (PartyPositionsLost) EventType() Type   { return TypePartyPositionsLost }
func (PartyPositionsLost) Refs() []EntityID  { return nil }
func (p PartyPositionsLost) Validate() error { return required("office", p.Office) }

// Office records a person in a role: the payload of LeaderTookOffice and LeaderLeftOffice. The event's
// entity is the party or organisation; Person is the office holder.
type Office struct {
	Person EntityID `json:"person"`
	Role   string   `json:"role"` // president, vice president, secretary-general, general-secretary, leader, deputy, chair...
	Term   int      `json:"term,omitempty"`
}

// Provisional reports whether a role is held only for the time being, until the office is filled:
// "acting leader", "interim president", "caretaker chairman".
func Provisional(role string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(strings.ToLower(role)), " ")
	return w == "acting" || w == "interim" || w == "caretaker" || w == "provisional"
}

func (o Office) Refs() []EntityID { return refs(o.Person) }
func (o Office) Validate() error {
	return errors.Join(requiredRef("person", o.Person), required("role", o.Role))
}

// LeaderTookOffice records that a person took an office in the event's entity.
type LeaderTookOffice struct{ Office }

// LeaderLeftOffice records that a person left an office in the event's entity.
type LeaderLeftOffice struct{ Office }

func (LeaderTookOffice) EventType() Type { return TypeLeaderTookOffice }
func (LeaderLeftOffice) EventType() Type { return TypeLeaderLeftOffice }

// CommitteeMember records a person listed on a committee of the event's entity, at a rank (1 = first).
type CommitteeMember struct {
	Committee string   `json:"committee"`
	Person    EntityID `json:"person"`
	Rank      int      `json:"rank,omitempty"`
	Role      string   `json:"role,omitempty"`
}

func (CommitteeMember) EventType() Type    { return TypeCommitteeMember }
func (p CommitteeMember) Refs() []EntityID { return refs(p.Person) }
func (p CommitteeMember) Validate() error {
	return errors.Join(required("committee", p.Committee), requiredRef("person", p.Person))
}

// Election levels.
const (
	LevelGeneral      = "general"
	LevelConstituency = "constituency"
	LevelCommunal     = "communal"
)

// ElectionResult records a party's result in an election, nationally or in one constituency. Figures
// are kept as the source writes them ("2,946,176", "44.46%", "15.9"); Votes is also parsed.
type ElectionResult struct {
	Election     string   `json:"election"` // e.g. "2013 general election"
	Level        string   `json:"level"`
	Constituency string   `json:"constituency,omitempty"`
	Number       string   `json:"number,omitempty"` // the row number in the source table
	Leader       EntityID `json:"leader,omitempty"`
	Votes        int64    `json:"votes,omitempty"`
	VotesText    string   `json:"votes_text,omitempty"`
	Percent      string   `json:"percent,omitempty"`
	Change       string   `json:"change,omitempty"`
	Seats        string   `json:"seats,omitempty"`
	SeatsChange  string   `json:"seats_change,omitempty"`
	Chiefs       string   `json:"chiefs,omitempty"`
	Councillors  string   `json:"councillors,omitempty"`
	Position     string   `json:"position,omitempty"`
	Government   string   `json:"government,omitempty"`
}

func (ElectionResult) EventType() Type    { return TypeElectionResult }
func (p ElectionResult) Refs() []EntityID { return refs(p.Leader) }
func (p ElectionResult) Validate() error {
	err := errors.Join(required("election", p.Election),
		oneOf("level", p.Level, LevelGeneral, LevelConstituency, LevelCommunal), validateRefs("leader", p.Leader))
	if p.Level == LevelConstituency && p.Constituency == "" {
		err = errors.Join(err, fmt.Errorf("constituency is required for a constituency result: %w", ErrInvalid))
	}
	return err
}

// PersonArrested records an arrest of the event's person.
type PersonArrested struct {
	By     EntityID `json:"by,omitempty"`
	Charge string   `json:"charge,omitempty"`
}

func (PersonArrested) EventType() Type    { return TypePersonArrested }
func (p PersonArrested) Refs() []EntityID { return refs(p.By) }
func (p PersonArrested) Validate() error  { return validateRefs("by", p.By) }

// PersonDefected records that the event's person defected from an organisation.
type PersonDefected struct {
	From EntityID `json:"from"`
}

func (PersonDefected) EventType() Type    { return TypePersonDefected }
func (p PersonDefected) Refs() []EntityID { return refs(p.From) }
func (p PersonDefected) Validate() error  { return requiredRef("from", p.From) }

// PersonSentenced records a sentence passed on the event's person.
type PersonSentenced struct {
	Sentence string   `json:"sentence"`
	By       EntityID `json:"by,omitempty"`
}

func (PersonSentenced) EventType() Type    { return TypePersonSentenced }
func (p PersonSentenced) Refs() []EntityID { return refs(p.By) }
func (p PersonSentenced) Validate() error {
	return errors.Join(required("sentence", p.Sentence), validateRefs("by", p.By))
}

// PersonFled records that the event's person fled a country.
type PersonFled struct {
	From   string `json:"from"`
	Reason string `json:"reason,omitempty"`
}

func (PersonFled) EventType() Type   { return TypePersonFled }
func (PersonFled) Refs() []EntityID  { return nil }
func (p PersonFled) Validate() error { return required("from", p.From) }

// PersonBanned records that the event's person was banned from politics, by By, for Years if known.
type PersonBanned struct {
	Years int      `json:"years,omitempty"`
	By    EntityID `json:"by,omitempty"`
}

func (PersonBanned) EventType() Type    { return TypePersonBanned }
func (p PersonBanned) Refs() []EntityID { return refs(p.By) }
func (p PersonBanned) Validate() error  { return validateRefs("by", p.By) }

// PartyOfficialsBanned records that a number of the party's officials were banned from politics.
type PartyOfficialsBanned struct {
	Group string   `json:"group"` // as the source words it: "senior party officials"
	Count int      `json:"count,omitempty"`
	Years int      `json:"years,omitempty"`
	By    EntityID `json:"by,omitempty"`
}

func (PartyOfficialsBanned) EventType() Type    { return TypePartyOfficialsBanned }
func (p PartyOfficialsBanned) Refs() []EntityID { return refs(p.By) }
func (p PartyOfficialsBanned) Validate() error {
	return errors.Join(required("group", p.Group), validateRefs("by", p.By))
}

// PersonServed records that the event's person served in a government or body.
type PersonServed struct {
	Organisation EntityID `json:"organisation"`
	Role         string   `json:"role,omitempty"`
}

func (PersonServed) EventType() Type    { return TypePersonServed }
func (p PersonServed) Refs() []EntityID { return refs(p.Organisation) }
func (p PersonServed) Validate() error  { return requiredRef("organisation", p.Organisation) }

// EntityDisputed records that the event's entity ran into a dispute with another entity, With. Dispute
// and Outcome keep the source's own words ("various disputes"; "culminating in their desire to boycott
// the elections"); an outcome that is a fact of its own is recorded as its own event too.
type EntityDisputed struct {
	With    EntityID `json:"with"`
	Dispute string   `json:"dispute,omitempty"`
	Outcome string   `json:"outcome,omitempty"`
}

func (EntityDisputed) EventType() Type    { return TypeEntityDisputed }
func (p EntityDisputed) Refs() []EntityID { return refs(p.With) }
func (p EntityDisputed) Validate() error  { return requiredRef("with", p.With) }

// ElectionNotHeld records that an election was not held in an area. The event's entity is the
// authority that did not hold it (an electoral authority, a government). Election and Area are as the
// source words them ("1993 elections", "areas under CNUP control"); Involves names the entities the
// area is defined by, such as the party that controlled it.
type ElectionNotHeld struct {
	Election string     `json:"election"`
	Area     string     `json:"area"`
	Involves []EntityID `json:"involves,omitempty"`
}

func (ElectionNotHeld) EventType() Type    { return TypeElectionNotHeld }
func (p ElectionNotHeld) Refs() []EntityID { return refs(p.Involves...) }
func (p ElectionNotHeld) Validate() error {
	return errors.Join(required("election", p.Election), required("area", p.Area), validateRefs("involves", p.Involves...))
}

// OrganisationFounded records that the event's entity, an organisation that is not a party (a
// government, a movement, an army), was set up under Name: by By if the source says who set it up,
// with the involvement of members of Involving, in the source's words Involvement ("with involvement by
// CNUP members"). A party's founding is PartyFounded.
type OrganisationFounded struct {
	Name        string     `json:"name"`
	By          EntityID   `json:"by,omitempty"`
	Involving   []EntityID `json:"involving,omitempty"`
	Involvement string     `json:"involvement,omitempty"`
}

func (OrganisationFounded) EventType() Type { return TypeOrganisationFounded }
func (p OrganisationFounded) Refs() []EntityID {
	return refs(append([]EntityID{p.By}, p.Involving...)...)
}
func (p OrganisationFounded) Names() []string { return []string{p.Name} }
func (p OrganisationFounded) Validate() error {
	return errors.Join(required("name", p.Name), validateRefs("by", p.By), validateRefs("involving", p.Involving...))
}

// PartyFellFromPower records that the event's entity, a party or a movement or regime it led, fell
// from power: overthrown by By and replaced by ReplacedBy, when the source says so.
type PartyFellFromPower struct {
	By         EntityID `json:"by,omitempty"`
	ReplacedBy EntityID `json:"replaced_by,omitempty"`
}

func (PartyFellFromPower) EventType() Type    { return TypePartyFellFromPower }
func (p PartyFellFromPower) Refs() []EntityID { return refs(p.By, p.ReplacedBy) }
func (p PartyFellFromPower) Validate() error {
	return errors.Join(validateRefs("by", p.By), validateRefs("replaced_by", p.ReplacedBy))
}

// CourtCaseHeard records that the event's entity, a court, heard a case: Case as the source describes
// it, Concerning the entities the case was about (a party, a person). The ruling, when the source
// gives one, is its own event (a party banned, a person sentenced).
type CourtCaseHeard struct {
	Case       string     `json:"case"`
	Concerning []EntityID `json:"concerning,omitempty"`
}

func (CourtCaseHeard) EventType() Type    { return TypeCourtCaseHeard }
func (p CourtCaseHeard) Refs() []EntityID { return refs(p.Concerning...) }
func (p CourtCaseHeard) Validate() error {
	return errors.Join(required("case", p.Case), validateRefs("concerning", p.Concerning...))
}

// PartyMembersFled records that a group of the party's members fled a country, From. Group and Share
// are as the source words them ("former MPs", "about half"); Count is set when the source gives a
// number; Including names members the source singles out (each may also have a PersonFled event).
type PartyMembersFled struct {
	Group     string     `json:"group"`
	Share     string     `json:"share,omitempty"`
	Count     int        `json:"count,omitempty"`
	Including []EntityID `json:"including,omitempty"`
	From      string     `json:"from"`
	Reason    string     `json:"reason,omitempty"`
}

func (PartyMembersFled) EventType() Type    { return TypePartyMembersFled }
func (p PartyMembersFled) Refs() []EntityID { return refs(p.Including...) }
func (p PartyMembersFled) Validate() error {
	return errors.Join(required("group", p.Group), required("from", p.From), validateRefs("including", p.Including...))
}

// EntitySameAs records a person's decision that the event's entity and Other are one entity, which the
// record holds under two ids (two documents named it differently, say). Readers answer for the two
// together, under the event's entity, for as long as the event is in force; retracting it parts them
// again. Neither entity's events are changed.
type EntitySameAs struct {
	Other EntityID `json:"other"`
}

func (EntitySameAs) EventType() Type    { return TypeEntitySameAs }
func (p EntitySameAs) Refs() []EntityID { return refs(p.Other) }
func (p EntitySameAs) Validate() error  { return requiredRef("other", p.Other) }

// PersonDied records the death of the event's person; Cause is as the source words it, if it does.
type PersonDied struct {
	Cause string `json:"cause,omitempty"`
}

func (PersonDied) EventType() Type  { return TypePersonDied }
func (PersonDied) Refs() []EntityID { return nil }
func (PersonDied) Validate() error  { return nil }

// PersonExiled records that the event's person was exiled or went into exile: From the country left
// and To the place of exile, as the source words them, when it does.
type PersonExiled struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

func (PersonExiled) EventType() Type  { return TypePersonExiled }
func (PersonExiled) Refs() []EntityID { return nil }
func (PersonExiled) Validate() error  { return nil }

// PartyRegistered records that an authority entered the party in its register: By the authority (an
// electoral commission, a ministry, a court) when the source names it. A registration cancelled is a
// PartyBanned; a party "registered as" a name at its founding is a PartyFounded.
type PartyRegistered struct {
	By EntityID `json:"by,omitempty"`
}

func (PartyRegistered) EventType() Type    { return TypePartyRegistered }
func (p PartyRegistered) Refs() []EntityID { return refs(p.By) }
func (p PartyRegistered) Validate() error  { return validateRefs("by", p.By) }

// PersonPardoned records that the event's person was pardoned or amnestied: By whom (a head of state,
// a court) when the source names them, and Means, "pardon" or "amnesty".
type PersonPardoned struct {
	By    EntityID `json:"by,omitempty"`
	Means string   `json:"means"`
}

// The Means of a PersonPardoned.
const (
	MeansPardon  = "pardon"
	MeansAmnesty = "amnesty"
)

func (PersonPardoned) EventType() Type    { return TypePersonPardoned }
func (p PersonPardoned) Refs() []EntityID { return refs(p.By) }
func (p PersonPardoned) Validate() error {
	if p.Means != MeansPardon && p.Means != MeansAmnesty {
		return fmt.Errorf("means %q: want %q or %q: %w", p.Means, MeansPardon, MeansAmnesty, ErrInvalid)
	}
	return validateRefs("by", p.By)
}
