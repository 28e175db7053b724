package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
)

func TestSamplesCoverTheRegistry(t *testing.T) {
	types := Types()
	if !slices.IsSorted(types) {
		t.Errorf("Types() = %q, want it sorted", types)
	}
	sampled := map[Type]bool{}
	for _, p := range examplePayloads() {
		tp := p.EventType()
		if sampled[tp] {
			t.Errorf("two samples of %s", tp)
		}
		sampled[tp] = true
		if !tp.Registered() {
			t.Errorf("sample type %s is not registered", tp)
		}
	}
	for _, tp := range types {
		if !sampled[tp] {
			t.Errorf("registered type %s has no sample in samplePayloads: add one", tp)
		}
		if tp.Summary() == "" {
			t.Errorf("%s.Summary() = \"\", want a description", tp)
		}
		if k := tp.EntityKind(); k != "" {
			if err := k.Validate(); err != nil {
				t.Errorf("%s.EntityKind() = %q: %v", tp, k, err)
			}
		}
	}
}

func TestTypeOfUnregistered(t *testing.T) {
	for _, tp := range []Type{"", "party.founded", "party.founded/v2", "Party.Founded/v1"} {
		if tp.Registered() {
			t.Errorf("Type(%q).Registered() = true, want false", tp)
		}
		if s := tp.Summary(); s != "" {
			t.Errorf("Type(%q).Summary() = %q, want \"\"", tp, s)
		}
		if k := tp.EntityKind(); k != "" {
			t.Errorf("Type(%q).EntityKind() = %q, want \"\"", tp, k)
		}
	}
}

// Every sample survives the fact wire shape and the event encoding unchanged, Khmer byte for byte.
func TestPayloadRoundTrip(t *testing.T) {
	recorded := time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.UTC)
	for i, p := range examplePayloads() {
		f := exampleFact(p)
		t.Run(string(f.Type), func(t *testing.T) {
			if err := p.Validate(); err != nil {
				t.Fatalf("sample %s.Validate() = %v", f.Type, err)
			}
			if err := f.Validate(); err != nil {
				t.Fatalf("sample fact %s Validate() = %v", f.Type, err)
			}

			data, err := json.Marshal(f)
			if err != nil {
				t.Fatalf("json.Marshal(%s fact): %v", f.Type, err)
			}
			if !bytes.Contains(data, []byte(khmerName)) && !bytes.Contains(data, []byte(khmerSlogan)) {
				t.Errorf("json.Marshal(%s fact) = %s, want the Khmer text unescaped", f.Type, data)
			}
			var back Fact
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatalf("json.Unmarshal(%s): %v", data, err)
			}
			if !reflect.DeepEqual(back, f) {
				t.Errorf("json.Unmarshal(json.Marshal(%s fact)) = %+v, want %+v", f.Type, back, f)
			}
			again, err := json.Marshal(back)
			if err != nil || !bytes.Equal(again, data) {
				t.Errorf("json.Marshal after a round trip = %s (%v), want %s", again, err, data)
			}
			if back.ID() != f.ID() {
				t.Errorf("Fact.ID after a JSON round trip = %s, want %s", back.ID(), f.ID())
			}

			e, err := NewEvent(f, ulid.MustNew(ulid.Timestamp(recorded), bytes.NewReader(bytes.Repeat([]byte{byte(i)}, 16))), recorded)
			if err != nil {
				t.Fatalf("NewEvent(%s fact): %v", f.Type, err)
			}
			enc, err := EncodeEvent(e)
			if err != nil {
				t.Fatalf("EncodeEvent(%s): %v", f.Type, err)
			}
			dec, err := DecodeEvent(enc)
			if err != nil {
				t.Fatalf("DecodeEvent(%s): %v", enc, err)
			}
			if !reflect.DeepEqual(dec, e) {
				t.Errorf("DecodeEvent(EncodeEvent(%s event)) = %+v, want %+v", f.Type, dec, e)
			}
			reenc, err := EncodeEvent(dec)
			if err != nil || !bytes.Equal(reenc, enc) {
				t.Errorf("EncodeEvent after a round trip = %s (%v), want %s", reenc, err, enc)
			}

			payload, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := DecodePayload(f.Type, payload)
			if err != nil {
				t.Fatalf("DecodePayload(%s, %s): %v", f.Type, payload, err)
			}
			if !reflect.DeepEqual(got, p) {
				t.Errorf("DecodePayload(%s, %s) = %#v, want %#v", f.Type, payload, got, p)
			}
		})
	}
}

func TestKhmerBytesSurvive(t *testing.T) {
	// Khmer with a coeng (U+17D2) and a zero-width space (U+200B), which no normalisation may touch.
	value := "សង្គ្រោះ\u200bបម្រើ ការពារ"
	f := exampleFact(EntityDescribed{Attribute: "slogan", Value: value, Language: "km"})
	f.Source.Quote = value
	e, err := NewEvent(f, ulid.MustParse("01HZZZZZZZZZZZZZZZZZZZZZZZ"), time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := EncodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := DecodeEvent(enc)
	if err != nil {
		t.Fatalf("DecodeEvent(%s): %v", enc, err)
	}
	if got := dec.Payload.(EntityDescribed).Value; got != value {
		t.Errorf("decoded slogan = %q, want %q byte for byte", got, value)
	}
	if got := dec.Source.Quote; got != value {
		t.Errorf("decoded quote = %q, want %q byte for byte", got, value)
	}
}

func TestDecodePayloadUnknownField(t *testing.T) {
	for _, p := range examplePayloads() {
		tp := p.EventType()
		t.Run(string(tp), func(t *testing.T) {
			var fields map[string]any
			data, _ := json.Marshal(p)
			if err := json.Unmarshal(data, &fields); err != nil {
				t.Fatal(err)
			}
			fields["colour_typo"] = "red"
			bad, _ := json.Marshal(fields)
			got, err := DecodePayload(tp, bad)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("DecodePayload(%s, %s) = %v, %v; want an error wrapping ErrInvalid", tp, bad, got, err)
			}
			if !strings.Contains(err.Error(), "colour_typo") || !strings.Contains(err.Error(), string(tp)) {
				t.Errorf("DecodePayload(%s, ...) error %q does not name the type and the field", tp, err)
			}
		})
	}
}

func TestDecodePayloadInvalid(t *testing.T) {
	tests := []struct {
		name string
		tp   Type
		data string
		text string
	}{
		{"unregistered type", "party.founded/v2", `{"name":"X"}`, "not registered"},
		{"unregistered empty type", "", `{}`, "not registered"},
		{"field typo", TypePartyFounded, `{"nmae":"X"}`, "nmae"},
		{"wrong field type", TypePartyPlatform, `{"section":"S","text":"T","number":"five"}`, "number"},
		{"not an object", TypePartyFounded, `["X"]`, "party.founded/v1"},
		{"truncated", TypePartyFounded, `{"name":"X"`, "party.founded/v1"},
		{"trailing data", TypePartyFounded, `{"name":"X"} {"name":"Y"}`, "party.founded/v1"},
		{"empty", TypePartyFounded, ``, "party.founded/v1"},
		{"missing required field", TypePartyFounded, `{"purpose":"X"}`, "name is required"},
		{"bad reference", TypePartyMerged, `{"members":["Sam Rainsy Party"]}`, "Sam Rainsy Party"},
		{"bad enum", TypePartySucceeded, `{"successor":"x","kind":"friendly"}`, "friendly"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodePayload(tt.tp, []byte(tt.data))
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("DecodePayload(%q, %s) = %v, %v; want an error wrapping ErrInvalid", tt.tp, tt.data, got, err)
			}
			if got != nil {
				t.Errorf("DecodePayload(%q, %s) = %v with an error, want nil", tt.tp, tt.data, got)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("DecodePayload(%q, %s) error %q does not say %q", tt.tp, tt.data, err, tt.text)
			}
		})
	}
}

func TestPayloadValidate(t *testing.T) {
	tests := []struct {
		name string
		p    Payload
		want []string // what the error must say, one entry per missing or bad field
	}{
		{"document recorded empty", DocumentRecorded{}, []string{"name is required", "text is required", "sha256 is required"}},
		{"document recorded blank text", DocumentRecorded{Name: "a.txt", SHA256: "00", Text: " \n"}, []string{"text is required"}},
		{"entity named empty", EntityNamed{}, []string{`kind ""`, "name is required", `name_type ""`}},
		{"entity named bad name type", EntityNamed{Kind: KindParty, Name: "X", NameType: "nickname"}, []string{`name_type "nickname"`}},
		{"entity named bad kind", EntityNamed{Kind: "faction", Name: "X", NameType: NameOfficial}, []string{`kind "faction"`}},
		{"entity described empty", EntityDescribed{}, []string{`attribute ""`, "value is required"}},
		{"entity described bad attribute", EntityDescribed{Attribute: "mascot", Value: "X"}, []string{`attribute "mascot"`}},
		{"entity described bad involves", EntityDescribed{Attribute: "colour", Value: "red", Involves: []EntityID{"Kem Sokha"}}, []string{"involves", "Kem Sokha"}},
		{"party founded no name", PartyFounded{Founders: []EntityID{"sam-rainsy"}}, []string{"name is required"}},
		{"party founded bad founder", PartyFounded{Name: "X", Founders: []EntityID{"sam-rainsy", "Kem_Sokha"}}, []string{"founders", "Kem_Sokha"}},
		{"party founded bad by", PartyFounded{Name: "X", By: "khmer rouge"}, []string{"by", "khmer rouge"}},
		{"party renamed no to", PartyRenamed{From: "Old"}, []string{"to is required"}},
		{"party merged no members", PartyMerged{}, []string{"at least one member"}},
		{"party merged bad member", PartyMerged{Members: []EntityID{"a", "-b"}}, []string{"members", "-b"}},
		{"party split empty", PartySplit{}, []string{"new_party is required"}},
		{"party split bad leader", PartySplit{NewParty: "p", Leaders: []EntityID{"A"}}, []string{"leaders"}},
		{"party succeeded empty", PartySucceeded{}, []string{"successor is required", `kind ""`}},
		{"party succeeded bad kind", PartySucceeded{Successor: "x", Kind: "Legal"}, []string{`kind "Legal"`}},
		{"party declared illegal bad by", PartyDeclaredIllegal{By: "The Government"}, []string{"by"}},
		{"party banned bad by", PartyBanned{By: "a.b"}, []string{"by"}},
		{"party dissolved bad by", PartyDissolved{By: "a*"}, []string{"by"}},
		{"party ideology empty", PartyIdeology{}, []string{"at least one"}},
		{"party ideology blank entry", PartyIdeology{Ideologies: []string{"Liberalism", " "}}, []string{"ideologies[1] is required"}},
		{"party position empty", PartyPosition{}, []string{"position is required"}},
		{"party wing empty", PartyWing{}, []string{"kind is required", "wing is required"}},
		{"party affiliation empty", PartyAffiliation{}, []string{"kind is required", "organisation is required"}},
		{"party platform empty", PartyPlatform{Number: 1}, []string{"section is required", "text is required"}},
		{"party controlled area empty", PartyControlledArea{Measure: "population"}, []string{"area, places or share is required"}},
		{"party boycotted empty", PartyBoycotted{}, []string{"election is required"}},
		{"party positions lost empty", PartyPositionsLost{Count: 55}, []string{"office is required"}},
		{"party officials banned empty", PartyOfficialsBanned{Count: 118}, []string{"group is required"}},
		{"took office empty", LeaderTookOffice{}, []string{"person is required", "role is required"}},
		{"left office empty", LeaderLeftOffice{Office{Term: 2}}, []string{"person is required", "role is required"}},
		{"took office bad person", LeaderTookOffice{Office{Person: "Sam Rainsy", Role: "leader"}}, []string{"person", "Sam Rainsy"}},
		{"committee member empty", CommitteeMember{Rank: 1}, []string{"committee is required", "person is required"}},
		{"election result empty", ElectionResult{}, []string{"election is required", `level ""`}},
		{"election result bad level", ElectionResult{Election: "2013", Level: "national"}, []string{`level "national"`}},
		{"constituency result without constituency", ElectionResult{Election: "2013", Level: LevelConstituency}, []string{"constituency is required"}},
		{"election result bad leader", ElectionResult{Election: "2013", Level: LevelGeneral, Leader: "Sam Rainsy"}, []string{"leader"}},
		{"person arrested bad by", PersonArrested{By: "Police"}, []string{"by"}},
		{"person defected empty", PersonDefected{}, []string{"from is required"}},
		{"person sentenced empty", PersonSentenced{}, []string{"sentence is required"}},
		{"person fled empty", PersonFled{Reason: "fear"}, []string{"from is required"}},
		{"person banned bad by", PersonBanned{Years: 5, By: "Court"}, []string{"by"}},
		{"person served empty", PersonServed{Role: "minister"}, []string{"organisation is required"}},
		{"entity disputed empty", EntityDisputed{Dispute: "various disputes"}, []string{"with is required"}},
		{"entity disputed bad with", EntityDisputed{With: "United Nations"}, []string{"with", "United Nations"}},
		{"election not held empty", ElectionNotHeld{}, []string{"election is required", "area is required"}},
		{"election not held bad involves", ElectionNotHeld{Election: "1993", Area: "north", Involves: []EntityID{"CNUP"}}, []string{"involves", "CNUP"}},
		{"organisation founded empty", OrganisationFounded{Involvement: "members"}, []string{"name is required"}},
		{"organisation founded bad refs", OrganisationFounded{Name: "X", By: "Khmer Rouge", Involving: []EntityID{"cnup", "CNUP"}}, []string{"by", "involving"}},
		{"fell from power bad refs", PartyFellFromPower{By: "Vietnam Army", ReplacedBy: "new government"}, []string{"by", "replaced_by"}},
		{"court case heard empty", CourtCaseHeard{}, []string{"case is required"}},
		{"court case heard bad concerning", CourtCaseHeard{Case: "x", Concerning: []EntityID{"CNRP"}}, []string{"concerning", "CNRP"}},
		{"party members fled empty", PartyMembersFled{Share: "about half"}, []string{"group is required", "from is required"}},
		{"party members fled bad including", PartyMembersFled{Group: "MPs", From: "Cambodia", Including: []EntityID{"Mu Sochua"}}, []string{"including", "Mu Sochua"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("%#v.Validate() = %v, want an error wrapping ErrInvalid", tt.p, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%#v.Validate() = %q, want it to say %q", tt.p, err, w)
				}
			}
		})
	}
	// The payloads whose every field is optional accept their zero value.
	for _, p := range []Payload{PartyDeclaredIllegal{}, PartyBanned{}, PartyDissolved{}, PartyCeased{}, PersonArrested{}, PersonBanned{},
		PartyFellFromPower{}} {
		if err := p.Validate(); err != nil {
			t.Errorf("%#v.Validate() = %v, want nil", p, err)
		}
	}
}

func TestRefsAndInvolves(t *testing.T) {
	tests := []struct {
		name   string
		entity EntityID
		p      Payload
		refs   []EntityID
		inv    []EntityID
	}{
		{"founded", "cnrp", PartyFounded{Name: "X", Founders: []EntityID{"sam-rainsy", "kem-sokha"}, By: "khmer-rouge"},
			[]EntityID{"sam-rainsy", "kem-sokha", "khmer-rouge"}, []EntityID{"sam-rainsy", "kem-sokha", "khmer-rouge"}},
		{"founded without by", "cnrp", PartyFounded{Name: "X", Founders: []EntityID{"sam-rainsy"}},
			[]EntityID{"sam-rainsy"}, []EntityID{"sam-rainsy"}},
		{"repeats and self dropped", "cnrp", PartyMerged{Members: []EntityID{"srp", "cnrp", "srp", "hrp"}},
			[]EntityID{"srp", "cnrp", "srp", "hrp"}, []EntityID{"srp", "hrp"}},
		{"split", "cnup", PartySplit{NewParty: "dnum", Leaders: []EntityID{"ieng-sary"}},
			[]EntityID{"dnum", "ieng-sary"}, []EntityID{"dnum", "ieng-sary"}},
		{"office", "cnrp", LeaderTookOffice{Office{Person: "kem-sokha", Role: "leader"}}, []EntityID{"kem-sokha"}, []EntityID{"kem-sokha"}},
		{"organisation founded", "pgnunsc", OrganisationFounded{Name: "X", By: "khmer-rouge", Involving: []EntityID{"cnup", "khmer-rouge"}},
			[]EntityID{"khmer-rouge", "cnup", "khmer-rouge"}, []EntityID{"khmer-rouge", "cnup"}},
		{"fell from power", "khmer-rouge", PartyFellFromPower{ReplacedBy: "prk"}, []EntityID{"prk"}, []EntityID{"prk"}},
		{"members fled", "cnrp", PartyMembersFled{Group: "MPs", From: "Cambodia", Including: []EntityID{"mu-sochua"}},
			[]EntityID{"mu-sochua"}, []EntityID{"mu-sochua"}},
		{"none", "cnrp", PartyPosition{Position: "Centre"}, nil, nil},
		{"empty by", "cnrp", PartyBanned{}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Refs(); !slices.Equal(got, tt.refs) {
				t.Errorf("%#v.Refs() = %q, want %q", tt.p, got, tt.refs)
			}
			f := Fact{Type: tt.p.EventType(), Entity: tt.entity, Payload: tt.p}
			if got := f.Involves(); !slices.Equal(got, tt.inv) {
				t.Errorf("Fact{%s about %s}.Involves() = %q, want %q", f.Type, f.Entity, got, tt.inv)
			}
		})
	}
	if got := (Fact{}).Involves(); got != nil {
		t.Errorf("Fact{}.Involves() = %q, want nil", got)
	}
}

func TestNamesOf(t *testing.T) {
	tests := []struct {
		p    Payload
		want []string
	}{
		{EntityNamed{Kind: KindParty, Name: khmerName, NameType: NameNative}, []string{khmerName}},
		{PartyFounded{Name: "Cambodia National Rescue Party"}, []string{"Cambodia National Rescue Party"}},
		{PartyRenamed{From: "Khmer Nation Party", To: "Sam Rainsy Party"}, []string{"Khmer Nation Party", "Sam Rainsy Party"}},
		{PartyRenamed{From: " ", To: "Sam Rainsy Party"}, []string{"Sam Rainsy Party"}},
		{PartyBanned{}, nil},
		{OrganisationFounded{Name: "Provisional Government of National Union and National Salvation of Cambodia"},
			[]string{"Provisional Government of National Union and National Salvation of Cambodia"}},
	}
	for _, tt := range tests {
		e := Event{Fact: Fact{Type: tt.p.EventType(), Payload: tt.p}}
		if got := NamesOf(e); !slices.Equal(got, tt.want) {
			t.Errorf("NamesOf(%#v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}
