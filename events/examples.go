package events

import (
	"strings"

	"github.com/oklog/ulid/v2"
)

// Examples returns one complete, valid fact of every registered type, in the order of Types: every
// payload field set, Khmer text wherever a field holds free text. They document the types (the
// event catalogue) and give every encoder and decoder one case of each to check.
func Examples() []Fact {
	byType := map[Type]Fact{}
	for _, p := range examplePayloads() {
		byType[p.EventType()] = exampleFact(p)
	}
	out := make([]Fact, 0, len(byType))
	for _, t := range Types() {
		if f, ok := byType[t]; ok {
			out = append(out, f)
		}
	}
	return out
}

const (
	khmerName   = "គណបក្សសង្គ្រោះជាតិ"    // Cambodia National Rescue Party
	khmerSlogan = "សង្គ្រោះ បម្រើ ការពារ" // "Rescue, Serve, Protect"
)

// examplePayloads returns one valid payload of every registered type, every field set, with Khmer text
// wherever a field holds free text.
func examplePayloads() []Payload {
	return []Payload{
		RecordRetracted{},
		DocumentRecorded{Name: "cnrp.txt", Title: "Cambodia National Rescue Party", SHA256: strings.Repeat("ab", 32),
			Text: "= Cambodia National Rescue Party =\n\nThe party (" + khmerName + ")\u00a0was\tfounded.\r\n"},
		EntityNamed{Kind: KindParty, Name: khmerName, NameType: NameNative, Language: "km"},
		EntityDescribed{Attribute: "slogan", Value: khmerSlogan, Translation: "Rescue, Serve, Protect", Language: "km",
			Involves: []EntityID{"kem-sokha", "sam-rainsy"}},
		PartyFounded{Name: "Cambodia National Rescue Party", Founders: []EntityID{"sam-rainsy", "kem-sokha"}, By: "khmer-rouge",
			Purpose: "to participate in the elections (" + khmerSlogan + ")"},
		PartyRenamed{From: "Khmer Nation Party", To: "Sam Rainsy Party"},
		PartyMerged{Members: []EntityID{"sam-rainsy-party", "human-rights-party", "norodom-ranariddh-party"}},
		PartySplit{NewParty: "democratic-national-union-movement", Leaders: []EntityID{"ieng-sary"}, Region: "North-Western Cambodia"},
		PartySucceeded{Successor: "khmer-will-party", Kind: SuccessionSelfDeclared, Qualifier: "self-declared; not legally"},
		PartyDeclaredIllegal{By: "government-of-cambodia"},
		PartyBanned{By: "supreme-court-of-cambodia", Reason: "a foreign plot"},
		PartyDissolved{By: "supreme-court-of-cambodia", Forced: true},
		PartyCeased{Reason: "for all intents it ceased to exist"},
		PartyRestored{By: "supreme-court-of-cambodia", Means: "ban lifted"},
		PartyIdeology{Ideologies: []string{"Liberalism", "Civic nationalism", khmerSlogan}},
		PartyPosition{Position: "Centre-left to left-wing"},
		PartyWing{Kind: "military wing", Wing: "national-army-of-democratic-kampuchea"},
		PartyAffiliation{Kind: "international", Organisation: "liberal-international"},
		PartyAffiliationEnded{Organisation: "liberal-international", How: "withdrew"},
		PartyPlatform{Section: "The seven-point policies of the CNRP:", Number: 5, Text: "Free medical care for the poor."},
		PartyControlledArea{Area: "Cambodian territory", Places: []string{"Pailin", "Anlong\u00a0Veng"}, Share: "around 6%", Measure: "territory"},
		PartyBoycotted{Election: "1993 general election"},
		PartyPositionsLost{Office: "commune chief", Count: 489, Reallocated: true},
		PartyOfficialsBanned{Group: "senior party officials", Count: 118, Years: 5, By: "supreme-court-of-cambodia"},
		LeaderTookOffice{Office{Person: "sam-rainsy", Role: "leader", Term: 1}},
		LeaderLeftOffice{Office{Person: "sam-rainsy", Role: "leader", Term: 1}},
		CommitteeMember{Committee: "Standing Committee", Person: "kem-sokha", Rank: 1, Role: "president"},
		ElectionResult{Election: "2013 general election", Level: LevelConstituency, Constituency: "Takéo", Number: "24",
			Leader: "sam-rainsy", Votes: 236686, VotesText: "236,686", Percent: "45.73%", Change: "+15.9", Seats: "4",
			SeatsChange: "+1", Chiefs: "12", Councillors: "300", Position: "2nd", Government: "Opposition"},
		PersonArrested{By: "government-of-cambodia", Charge: "treason"},
		PersonDefected{From: "khmer-rouge"},
		PersonSentenced{Sentence: "life in prison", By: "extraordinary-chambers-in-the-courts-of-cambodia"},
		PersonFled{From: "Cambodia", Reason: "fear of arrest"},
		PersonDied{Cause: "took his own life"},
		PersonExiled{From: "Greece", To: "Paris"},
		PartyRegistered{By: "ministry-of-interior-of-cambodia"},
		PersonPardoned{By: "norodom-sihamoni", Means: MeansPardon},
		PersonBanned{Years: 5, By: "supreme-court-of-cambodia"},
		PersonServed{Organisation: "government-of-cambodia", Role: "prime minister"},
		EntityDisputed{With: "united-nations-transitional-authority-in-cambodia", Dispute: "various disputes",
			Outcome: "culminating in their desire to boycott the elections (" + khmerSlogan + ")"},
		ElectionNotHeld{Election: "1993 elections", Area: "areas under CNUP control (" + khmerName + ")",
			Involves: []EntityID{"cambodian-national-unity-party"}},
		OrganisationFounded{Name: "Provisional Government of National Union and National Salvation of Cambodia", By: "khmer-rouge",
			Involving: []EntityID{"cambodian-national-unity-party"}, Involvement: "with involvement by CNUP members (" + khmerName + ")"},
		PartyFellFromPower{By: "vietnamese-army", ReplacedBy: "vietnamese-backed-government"},
		CourtCaseHeard{Case: "the case for dissolving the party (" + khmerName + ")", Concerning: []EntityID{"cambodia-national-rescue-party"}},
		PartyMembersFled{Group: "former MPs", Share: "about half", Count: 27, Including: []EntityID{"mu-sochua"}, From: "Cambodia",
			Reason: "fear of arrest by the ruling party (" + khmerSlogan + ")"},
		EntitySameAs{Other: "cnrp"},
	}
}

// exampleFact wraps a payload in a complete fact about an entity of the right kind.
func exampleFact(p Payload) Fact {
	entity := EntityID("cambodia-national-rescue-party")
	switch p.EventType().EntityKind() {
	case KindPerson:
		entity = "kem-sokha"
	case KindDocument:
		entity = DocumentEntity("cnrp.txt")
	}
	f := Fact{
		Type:    p.EventType(),
		Entity:  entity,
		Date:    MustParseDate("2012-07-17"),
		Source:  Source{Document: "cnrp.txt", Quote: "The party (" + khmerName + ") was founded."},
		Payload: p,
		Note:    "curated; " + khmerSlogan,
	}
	if f.Type == TypeRecordRetracted {
		f.Supersedes = []ulid.ULID{ulid.MustParse("01J0000000000000000000000A")}
		f.Reason = "the source misread the date (ស)"
	}
	return f
}
