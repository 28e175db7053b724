package extract

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"annals/events"
)

// A proseRule drafts facts from the skeleton of a sentence (names and pronouns replaced by ⟦n⟧).
type proseRule struct {
	name  string
	re    *regexp.Regexp
	draft func(c *sentenceContext)
}

// rx expands the shorthands of a rule's pattern: {E} is one entity, {EL} a list of entities ("A, B
// and C"), {ROLE} an office.
func rx(p string) *regexp.Regexp {
	p = strings.NewReplacer(
		"{EL}", `((?:the\s+)?⟦\d+⟧(?:(?:,\s*|,?\s+and\s+|,?\s+as\s+well\s+as\s+)(?:the\s+)?⟦\d+⟧)*)`,
		"{E}", `(⟦\d+⟧)`,
		"{ROLE}", `((?i:(?:party\s+|new\s+|first\s+|acting\s+|interim\s+)?(?:co-|deputy\s+|vice[- ]|honorary\s+|first\s+|executive\s+|national\s+)?(?:leader|president|chairman|chairwoman|chairperson|chair|secretary[- ]general|general[- ]secretary|secretary|prime\s+minister|premier|spokesman|spokesperson|head|chief\s+justice|deputy)(?:s\b)?))`,
	).Replace(p)
	return regexp.MustCompile(p)
}

const (
	founding  = `(?:founded|formed|established|created|set\s+up|launched|organi[sz]ed|co-founded)`
	foundVerb = `(?:found|form|establish|create|set\s+up|launch)(?:ed)?`
)

// proseRules are the drafting rules, in the order they are tried. They are compiled on first use, so
// that a program that never drafts (query) does not pay for their patterns when it starts.
var proseRules = sync.OnceValue(func() []proseRule {
	return []proseRule{
		{"merger-founding", rx(`{E}\s+(?:was\s+|had\s+been\s+)?` + founding + `(?:\s+[^⟦;]*?)?\s+(?:as|by|through|from|in|after)\s+(?:a|the)\s+merger\s+(?:between|of)\s+((?:the\s+)?⟦\d+⟧[^;]*)`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.add(p.id, "", events.PartyFounded{Name: c.partyName(p)})
					c.merged(p, c.memberList(2))
				}
			}},
		{"merged-into", rx(`{E}(?:['’]s\s+(?:congress|council|conference|convention|members|membership|delegates|leadership|board|assembly|committee))?,?\s+(?:[^⟦;,]*?\s+and\s+)?(?:which\s+|that\s+)?(?:later\s+|eventually\s+|then\s+)?(?:was\s+|were\s+)?(?:merged|absorbed|folded|(?:voted|decided|agreed|resolved)\s+(?:[^⟦;,]{0,40}?\s+)?to\s+merge)\s+into\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.partyInto(2)
				if !ok {
					return
				}
				members := c.refsIn(1)
				if len(members) == 1 && members[0].kind != events.KindParty && strings.Contains(c.sk[c.match[2]:c.match[1]], " and ") {
					// "The party held seats in the National Assembly … and merged into X": the
					// sentence's party merged, not the body its first verb named.
					subject, ok := sentenceSubject(c.sk, c.refs)
					if !ok || subject.kind != events.KindParty {
						subject = ref{id: c.d.topic, kind: events.KindParty}
					}
					members = []ref{subject}
				}
				c.mergedInto(p, members)
			}},
		// "the Umoja wa Wavuvi Party (…), founded in 1993 by X, who had led it ever since, dissolved
		// itself at a joint meeting in Malindi and merged into the CHU": the party the sentence opens
		// with.
		{"dissolved-and-merged", rx(`\b(?:dissolved\s+itself|disbanded(?:\s+itself)?|wound\s+itself\s+up)\b[^;]*?\s+and\s+(?:was\s+)?(?:merged|absorbed|folded)\s+into\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				into, ok := c.party(1)
				if !ok {
					return
				}
				for _, r := range c.refs {
					if r.kind == events.KindParty && r.id != into.id {
						c.mergedInto(into, []ref{r})
						return
					}
				}
			}},
		// "its remnants, led by X, merged into the Alliance": what was left of the party merged.
		{"remnants-merged", rx(`\b(?:its|the\s+party's|their)\s+(?:remnants|remaining\s+members|rump|remaining\s+branches|last\s+members)\b[^⟦;]*?(?:⟦\d+⟧[^⟦;]*?)*?\s+(?:were\s+|was\s+)?(?:merged|absorbed|folded)\s+into\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok && p.id != c.d.topic {
					c.mergedInto(p, []ref{{id: c.d.topic, kind: events.KindParty}})
				}
			}},
		{"merged-with-to-form", rx(`\b(?:merged|merges|merge)\s+(?:(?:in|on)\s+[^⟦;,]*?\s+)?with\s+(?:the\s+)?(?:[\w-]+\s+)?{EL}(?:\s*\([^()]*\))?(?:\s+(?:in|on)\s+[^;,]*?)?\s+(?:to\s+(?:form|create|found|establish|launch)|into|as)\s+(?:the\s+|a\s+new\s+(?:party|organi[sz]ation|movement|alliance),?\s+(?:the\s+|called\s+(?:the\s+)?|named\s+(?:the\s+)?)?)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.newParty(2)
				if !ok {
					return
				}
				members := c.refsIn(1)
				if before, ok := c.lastBefore(c.match[0], events.KindParty); ok {
					members = append([]ref{before}, members...)
				} else {
					members = append([]ref{{id: c.d.topic, kind: events.KindParty}}, members...)
				}
				c.add(p.id, "", events.PartyFounded{Name: c.partyName(p)})
				c.merged(p, members)
			}},
		// "it merged with six other parties to form the Unity Party": others the words do not name.
		{"merged-with-others", rx(`\bmerged\s+with\s+(?:\w+\s+)?(?:other|smaller|several|like-minded)\s+(?:[\w-]+\s+)?(?:parties|organi[sz]ations|groups|movements)(?:\s+(?:in|on)\s+[^;,]*?)?\s+to\s+(?:form|create|found|establish|launch)\s+(?:the\s+|a\s+new\s+(?:party|alliance),?\s+(?:the\s+|called\s+(?:the\s+)?)?)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.newParty(1)
				if !ok {
					return
				}
				member := ref{id: c.d.topic, kind: events.KindParty}
				if before, ok := c.lastBefore(c.match[0], events.KindParty); ok {
					member = before
				}
				c.add(p.id, "", events.PartyFounded{Name: c.partyName(p)})
				c.merged(p, []ref{member})
			}},
		{"merged-then-became", rx(`{EL}\s+(?:merged|fused|united|amalgamated)\b[^⟦;]*?,?\s+and\s+(?:the\s+(?:two|three|four|five)\s+(?:parties|organi[sz]ations|groups)|they)\s+(?:became|formed)\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				if p, ok := c.party(2); ok {
					c.merged(p, c.refsIn(1))
				}
			}},
		{"parties-fused", rx(`\b(?:the\s+)?(?:two|three|four|five)\s+(?:parties|organi[sz]ations|movements|groups)\s+(?:\w+\s+)?(?:merged|fused|united|amalgamated|combined)\s+(?:to\s+(?:form|create)|into|as)\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				// "the two parties fused into X": the parties the sentence names before, or else
				// the party the text is about, one of them.
				p, ok := c.newParty(1)
				if !ok {
					return
				}
				var members []ref
				for _, m := range markerRE.FindAllStringSubmatch(c.sk[:c.match[0]], -1) {
					n, _ := strconv.Atoi(m[1])
					if n < len(c.refs) && c.refs[n].kind == events.KindParty && c.refs[n].id != p.id {
						members = append(members, c.refs[n])
					}
				}
				count := map[string]int{"two": 2, "three": 3, "four": 4, "five": 5}[strings.ToLower(countRE.FindString(c.sk[c.match[0]:c.match[1]]))]
				if len(members) < count && c.d.topic != p.id && !slices.ContainsFunc(members, func(r ref) bool { return r.id == c.d.topic }) {
					// "Talks with the Citizens' Reform Party opened …, and the two parties merged":
					// the party the text is about is the other.
					members = append(members, ref{id: c.d.topic, kind: events.KindParty})
				}
				c.add(p.id, "", events.PartyFounded{Name: c.partyName(p)})
				c.merged(p, members)
			}},
		{"absorbed", rx(`{E}\s+(?:\w+\s+)?absorbed\s+(?:the\s+)?(?:(?:small|smaller|tiny|minor|little|rival|regional|local|old|remaining|much\s+smaller)\s+)?{EL}`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.mergedInto(p, c.refsIn(2))
				}
			}},
		// "the union was absorbed by the government-aligned BANU", "… was absorbed back into the League".
		{"was-absorbed", rx(`{E}\s+(?:was|were)\s+(?:\w+\s+)?absorbed\s+(?:back\s+)?(?:by|into)\s+(?:the\s+)?(?:[\w-]+\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				into, ok2 := c.party(2)
				if ok && ok2 && p.id != into.id {
					c.mergedInto(into, []ref{p})
				}
			}},
		{"merged-to-form", rx(`{EL}\s+(?:merged|united|amalgamated|combined|fused)\s+(?:to\s+form|into|as)\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				if p, ok := c.party(2); ok {
					c.merged(p, c.refsIn(1))
				}
			}},
		{"merged-with", rx(`{E}\s+(?:merged|merges|united|unites|amalgamated|amalgamates)\s+with\s+(?:the\s+)?(?:(?:small|smaller|tiny|minor|little|rival)\s+)?{EL}\s+(?:to\s+form|into|as)\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				if p, ok := c.party(3); ok {
					c.merged(p, append(c.refsIn(1), c.refsIn(2)...))
				}
			}},
		{"merger-formed", rx(`(?:the\s+)?merger\s+of\s+{EL}\s+(?:formed|created|produced|gave\s+birth\s+to)\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				if p, ok := c.party(2); ok {
					c.merged(p, c.refsIn(1))
				}
			}},
		// "delegates … met on 14 March 1956 and constituted themselves as the Progressive Labour Party":
		// the founding of the party the text is about, under that name.
		{"constituted-as", rx(`\b(?:constituted|declared|proclaimed|organi[sz]ed)\s+(?:themselves|itself)\s+(?:formally\s+)?(?:as|into)\s+(?:the\s+|a\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				n, ok := c.one(1)
				if !ok || n.name == "" || n.kind == events.KindPerson || n.kind == events.KindOrganisation && n.id != c.d.topic {
					return
				}
				p := ref{id: c.d.topic, kind: events.KindParty, name: c.d.nameOf(c.d.topic)}
				if n.id != p.id {
					c.sameEntity(n, p)
				}
				c.d.current[p.id] = n.name
				c.add(p.id, "", events.PartyFounded{Name: n.name})
			}},
		{"founded-under-name", rx(`{E}\s+(?:was|were|had\s+been)\s+(?:\w+\s+){0,2}?` + founding + `\b[^;]*?(?:\s+as|,?\s+under\s+the\s+(?:name|title)(?:\s+of)?)\s+(?:the\s+)?{E}(?:\s*(?:[,.;]|$)|\s+(?:by|in|on|at|and|with|after|from)\b)`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				n, ok2 := c.one(2)
				if !ok || !ok2 || n.name == "" || n.kind == events.KindPerson || n.kind == events.KindOrganisation || n.id == p.id && (p.name != "" || allCaps(n.name)) {
					return
				}
				if laterVerbRE.MatchString(c.sk[c.match[3]:c.match[4]]) {
					return // "founded in 1984 …, and was refounded in 2001 as NUPA": the later verb's name
				}
				// The name it was founded under names the same party.
				if n.id != p.id {
					c.sameEntity(n, p)
				}
				c.d.current[p.id] = n.name
			}},
		// "The NSR began life as the Workers' Alliance of Šumadija", "started out as a study circle
		// called the X": one party with the name it had first.
		{"began-as", rx(`{E}\s+(?:had\s+)?(?:began|begun|started)\s+(?:(?:its\s+)?life|out|off)\s+(?:in\s+\d{4}\s+)?as\s+(?:the\s+|an?\s+(?:[\w-]+\s+){0,4}?(?:called|named|known\s+as)\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				n, ok2 := c.one(2)
				if !ok || !ok2 || n.name == "" || n.kind == events.KindPerson {
					return
				}
				if n.id != p.id {
					c.sameEntity(n, p)
				}
				c.d.current[p.id] = n.name // its name then, whichever reading knew the two as one
			}},
		// "The Siam Future Party had been registered in 2019 as the Rak Chumchon Party": founded
		// then, under that name, one party with the one named first.
		{"registered-as", rx(`{E}\s+(?:was|were|had\s+been)\s+(?:first\s+|originally\s+|initially\s+)?registered\b[^;⟦]*?\s+as\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				n, ok2 := c.one(2)
				if !ok || !ok2 || n.name == "" || n.id == p.id || n.kind == events.KindPerson || n.kind == events.KindOrganisation && !partyWordEndRE.MatchString(n.name) {
					return
				}
				c.sameEntity(n, p)
				c.d.current[p.id] = n.name
				c.add(p.id, "", events.PartyFounded{Name: n.name})
			}},
		{"founded-as", rx(`{E}\s+(?:was|were|had\s+been)\s+(?:\w+\s+){0,2}?` + founding + `(?:\s+(?:[^⟦,;]*?\s+)?by\s+(?:(?:the|a|an)\s+[^⟦;,]*?\s+)?{EL})?`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok {
					return
				}
				by := c.refsIn(2)
				if c.match[4] >= 0 && ledByRE.MatchString(c.sk[c.match[0]:c.match[4]]) {
					by = nil // "founded in 1977 and then led by X": X led it, and founded nothing
				}
				c.founded(p, by)
			}},
		{"founded-party-by", rx(`{E}\s+(?:was|is)\s+an?\s+(?:(?:[\w-]+|⟦\d+⟧)\s+){0,4}?(?:political\s+)?(?:party|movement)(?:\s+(?:of|in)\s+(?:the\s+)?(?:⟦\d+⟧|[\w-]+))?,?\s+(?:which\s+was\s+|that\s+was\s+)?` + founding + `(?:\s+by\s+{EL})?`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.founded(p, c.refsIn(2))
				}
			}},
		{"faction-left-and-founded", rx(`\b(?:his|her|their|its|the\s+party's)?\s*(?:(?:left|right|radical|moderate|conservative|liberal|reformist|hardline|youth)\s+)?(?:opponents|rivals|dissidents|critics|faction|wing|followers|supporters|deputies|members)(?:,\s+led\s+by\s+{EL},)?\s+(?:\w+\s+)?(?:left|quit|walked\s+out|broke\s+away)(?:\s+(?:the\s+)?{E})?,?\s+(?:and|to)\s+(?:formed|founded|form|found|set\s+up|launched|created|create|establish|established)\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				from := ref{id: c.d.topic, kind: events.KindParty}
				if p, ok := c.party(2); ok {
					from = p
				}
				// "its left wing, led by X, broke away to form Y": a split, X its leader.
				if newParty, ok := c.newParty(3); ok && newParty.id != from.id {
					c.splitOff(from, newParty, c.persons(c.refsIn(1)))
				}
			}},
		// "X led a breakaway faction out of the NAC and founded the Farmers' Democratic Party", "X led
		// most of the Bihar unit out of the party and formed Y", "X left with most of the northern
		// branches to found Y": a split of the party left, led by X.
		{"led-out-and-founded", rx(`{EL}\s+(?:\w+\s+)?(?:led|took)\s+(?:[^⟦;]*?\s+)?(?:out\s+of|away\s+from)\s+(?:the\s+)?{E}(?:[^⟦;]*?(?:⟦\d+⟧[^⟦;]*?)?)?(?:\s+(?:and|to)|;\s+(?:together\s+|then\s+|there\s+)?they)\s+(?:\w+\s+)?` + foundVerb + `\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}|{EL}\s+(?:\w+\s+)?(?:left|walked\s+out|broke\s+away)(?:\s+(?:of\s+|from\s+)?(?:the\s+)?{E})?(?:\s+with\s+[^;]*?\s+(?:to|and)\s+|[^;]*?\s+and\s+together\s+they\s+)` + foundVerb + `\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				leaders, from, to := 1, 2, 3
				if c.match[2] < 0 {
					leaders, from, to = 4, 5, 6
				}
				people := c.persons(c.personRefs(c.refsIn(leaders)))
				if len(people) == 0 {
					return
				}
				p, ok := c.party(from)
				if !ok {
					if c.match[2*from] >= 0 {
						return
					}
					p, ok = ref{id: c.d.topic, kind: events.KindParty}, true
				}
				n, ok2 := c.newParty(to)
				if ok && ok2 && n.id != p.id {
					c.splitOff(p, n, people)
				}
			}},
		{"members-left", rx(`\b(?:faction|group|members|deputies|dissidents|followers|supporters|MPs|parliamentarians|legislators|senators)\b[^;.]{0,80}?\s(?:(?:left|quit|broke\s+away\s+from|walked\s+out\s+of|split\s+from|seceded\s+from)\s+(?:the\s+)?{E}|(?:walked\s+out|broke\s+away|seceded)(?:\s+(?:in|on|at)\s|[,.;]|$))`),
			func(c *sentenceContext) {
				// "Six members led by X left the party in 1989." A founding in the next sentence
				// ("They founded Y") is a split.
				if from, ok := c.party(1); ok {
					c.d.walkout = &walkout{from: from, leaders: c.persons(c.refsBetween(c.match[0], c.match[2]))}
				} else if c.match[2] < 0 {
					// "A group of younger members walked out in the winter of 1995–96": of the party
					// the text is about.
					c.d.walkout = &walkout{from: ref{id: c.d.topic, kind: events.KindParty}}
				}
			}},
		// "X and eleven members of the national council walked out of a congress in Siedlce; within
		// weeks they had set up Y": a split led by X.
		{"walked-out-they-founded", rx(`(?:{EL}\s+and\s+)?[^;⟦]*?\b(?:members|deputies|delegates|followers|supporters|faction|dissidents|activists)\b[^;⟦]*?\s+(?:walked\s+out|left|quit|broke\s+away)\b[^;]*?[;,]\s+(?:and\s+)?(?:[^;⟦]*?\s+)?they\s+(?:had\s+|then\s+|soon\s+)?` + foundVerb + `\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				from := ref{id: c.d.topic, kind: events.KindParty}
				if m := outOfPartyRE.FindStringSubmatch(c.sk[c.match[0]:c.match[1]]); m != nil {
					if r, ok := c.refAt(m[1]); ok && r.kind == events.KindParty {
						from = r // "walked out of the X"
					}
				}
				newParty, ok := c.newParty(2)
				if !ok || newParty.id == from.id {
					return
				}
				date := ""
				if dt := c.date(); afterThatRE.MatchString(c.sk[c.match[0]:c.match[1]]) && dt.edtf != "XXXX" && !strings.Contains(dt.edtf, "/") {
					date = dt.edtf + "/.." // "…; within weeks they had set up Y": after the walk-out
				}
				c.splitOffOn(from, newParty, c.persons(c.personRefs(c.refsIn(1))), date)
			}},
		{"they-founded", rx(`^(?:(?:Led|Headed)\s+by\s+(?:[^⟦,;]*?\s+)?{EL},\s+)?[Tt]hey\s+(?:\w+\s+)?(?:founded|formed|established|created|launched|set\s+up)\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				w := c.d.walkedOut
				if w == nil {
					return
				}
				leaders := w.leaders
				if led := c.persons(c.personRefs(c.refsIn(1))); len(led) > 0 {
					leaders = led // "Led by the lawyer Karim Adly, they founded …"
				}
				if newParty, ok := c.newParty(2); ok && newParty.id != w.from.id {
					c.splitOff(w.from, newParty, leaders)
				}
			}},
		{"left-and-founded", rx(`{EL}(?:\s+and\s+(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+|over\s+)?(?:a\s+third|a\s+quarter|half|two\s+thirds|most|many|some|several|part|a\s+number|a\s+group|dozens|hundreds)(?:\s+of\s+(?:the\s+|its\s+|their\s+)?(?:party's\s+)?(?:membership|members|deputies|followers|supporters|activists|MPs))?)?\s+(?:\w+\s+)?(left|quit|abandoned|was\s+expelled|were\s+expelled)(?:\s+(?:from\s+)?(?:the\s+)?{E})?(?:\s+(?:in|on)\s+(?:(?:early|late|mid-?)\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})?,?\s+(?:and\s+(?:went\s+on\s+to\s+|later\s+)?|to\s+)(?:found|form|create|establish|launch|set\s+up)(?:ed)?\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				from, ok := c.party(3)
				if !ok {
					from = ref{id: c.d.topic, kind: events.KindParty}
				}
				newParty, ok := c.newParty(4)
				leaders := c.persons(c.refsIn(1))
				switch {
				case !ok || newParty.id == from.id:
				case strings.Contains(c.group(2), "expelled"):
					// An expulsion is not a split of the party: only the founding.
					c.add(newParty.id, "", events.PartyFounded{Name: c.partyName(newParty), Founders: leaders})
				default:
					c.splitOff(from, newParty, leaders)
				}
			}},
		{"joined-to-form", rx(`{E}\s+(?:\w+\s+)?(?:joined|joined\s+with|allied\s+with)\s+(?:the\s+)?{EL}(?:\s+and\s+[^⟦;]*?)?\s+to\s+form\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				if p, ok := c.party(3); ok {
					c.add(p.id, "", events.PartyFounded{Name: c.partyName(p)})
					c.merged(p, append(c.refsIn(1), c.refsIn(2)...))
				}
			}},
		{"refounded-as", rx(`(?:re-?founded|revived|re-?established|relaunched)\s+(?:the\s+(?:party|organi[sz]ation|movement|league|group|society)|{E})(?:\s+[^⟦;]*?)?\s+as\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				old := ref{id: c.d.topic, kind: events.KindParty}
				if p, ok := c.party(1); ok {
					old = p
				}
				p, ok := c.party(2)
				if !ok {
					return
				}
				if p.id == old.id {
					// "former members re-founded the organisation as the Rural People's League", the
					// party the text is about: legal again, under that name.
					c.add(p.id, "", events.PartyRestored{Means: "re-founded"})
					if p.name != "" {
						c.renamed(p, p.name, 0)
					}
					return
				}
				c.add(p.id, "", events.PartyFounded{Name: c.partyName(p), Founders: c.persons([]ref{c.firstBefore(c.match[0], events.KindPerson)})})
				c.add(old.id, "", events.PartySucceeded{Successor: p.id, Kind: events.SuccessionUnspecified, Qualifier: "refounded as"})
			}},
		// "The PEC, which is widely regarded as the successor of the MCI", "X claimed to be the heir of
		// Y": a succession others (or the party itself) see, not a legal one.
		{"regarded-successor", rx(`{E},?\s+(?:which\s+|that\s+)?(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+|often\s+|commonly\s+|usually\s+)?(?:regarded|seen|considered|described|viewed)\s+as\s+(?:the\s+|a\s+)?(?:de\s+facto\s+|political\s+|spiritual\s+)?(?:successor|heir)\s+(?:of|to)\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				heir, ok := c.party(1)
				old, ok2 := c.party(2)
				if ok && ok2 && heir.id != old.id {
					c.add(old.id, "XXXX", events.PartySucceeded{Successor: heir.id, Kind: events.SuccessionUnofficial})
				}
			}},
		{"grew-out-of", rx(`{E}\s+(?:\w+\s+)?(?:grew\s+out\s+of|emerged\s+from|developed\s+from|was\s+formed\s+from|traces\s+its\s+origins?\s+to|was\s+the\s+successor\s+(?:of|to))\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				old, ok2 := c.lineage(2)
				if ok && ok2 && p.id != old.id {
					c.add(old.id, "", events.PartySucceeded{Successor: p.id, Kind: events.SuccessionUnspecified})
				}
			}},
		{"founded-participle", rx(`{E},\s+(?:which\s+was\s+|that\s+was\s+)?(?:founded|formed|established|created|set\s+up|launched|registered)\b(?:[^⟦;]*?\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?{EL})?`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.founded(p, c.refsIn(2))
				}
			}},
		{"founded-object", rx(`\b(?:founded|formed|established|created|launched|registered|constituted|proclaimed|set\s+up)\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				if strings.HasSuffix(c.sk[:c.match[0]], "re-") {
					return // "re-founded the party": a restoration (refounded)
				}
				if strings.HasSuffix(c.sk[:c.match[0]], "-") {
					return // "the self-proclaimed X": no founding
				}
				if strings.HasPrefix(c.sk[c.match[0]:], "registered") && c.authorityBefore(c.match[0]) {
					return // "the ministry registered it on 3 May 1991": a registration (registered), no founding
				}
				if p, ok := c.party(1); ok && strings.HasPrefix(c.sk[c.match[0]:], "registered") && (c.foundedOtherwise(p.id) || againRE.MatchString(c.sk[c.match[1]:])) {
					return // a party founded before, registered
				}
				p, ok := c.party(1)
				if !ok && !strings.HasPrefix(c.sk[c.match[0]:], "registered") {
					p, ok = c.newParty(1) // "set up the Kisan Mazdoor Mahaz": a body its founding names is a party
				}
				if ok {
					c.founded(p, c.subjectPersons(c.match[0]))
				}
			}},
		{"founded-by", rx(`{EL}(?:,?\s+(?:who|which)\s+(?:then\s+|later\s+)?|\s+(?:\w+\s+)?)(?:founded|formed|established|created|set\s+up|launched|co-founded)\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?|his\s+own\s+party,?\s+(?:the\s+)?|her\s+own\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				if refoundingRE.MatchString(c.sk[c.match[0]:c.match[1]]) {
					return // "X re-founded the party": a restoration (refounded)
				}
				if p, ok := c.party(2); ok {
					c.founded(p, c.refsIn(1))
				}
			}},
		{"refounded", rx(`{E}\s+(?:\w+\s+)?(re-?founded|re-?established|revived|reconstituted|relaunched|re-?formed)\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				// "Erdem re-founded the party on 3 November 1992 under its original name"; re-founded
				// "as the X" is another party (refounded-as).
				if p, ok := c.party(3); ok && !asNextRE.MatchString(c.sk[c.match[1]:]) {
					c.add(p.id, "", events.PartyRestored{Means: strings.ToLower(c.group(2))})
				}
			}},
		{"broke-away", rx(`(?:{E}\s+(?:suffered|underwent|experienced|saw)\s+a\s+(?:\w+\s+)?split\s+when\s+)?(?:a\s+(?:faction|group|wing)\s+(?:led\s+by|under|around)\s+)?{EL}(?:\s+and\s+(?:his|her|their)\s+(?:followers|supporters|allies|faction)|,?\s+and\s+(?:most|some|many|much|part|several|a\s+group|a\s+number|members)\s+of\s+[^;]*?|,?\s+and\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozens|hundreds|a\s+dozen)\s+(?:other\s+)?(?:of|members|deputies|supporters|followers|delegates|MPs)\b[^;]*?)?(?:\s+in\s+{E})?,?\s+(?:broke\s+away|split\s+(?:off|away)|seceded|walked\s+out)(?:\s+from\s+(?:the\s+)?{E})?(?:\s+(?:in|on)\s+(?:(?:early|late|mid-?)\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})?(?:(?:,\s+(?:\w+ing|in\s+protest|over|after|citing)\b[^;]{0,100}?)?,?\s+(?:and|to)\s+` + `(?:found|form|create|establish|launch|set\s+up)(?:ed)?\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E})?`),
			func(c *sentenceContext) {
				from, ok := c.party(1)
				if f, okFrom := c.party(4); okFrom {
					from, ok = f, true
				}
				if !ok {
					from, ok = ref{id: c.d.topic, kind: events.KindParty}, true
				}
				leaders := c.persons(c.refsIn(2))
				region := ""
				if r, ok := c.one(3); ok {
					region = r.name
				}
				newParty, hasNew := c.newParty(5)
				if hasNew && newParty.id != from.id {
					c.add(from.id, "", events.PartySplit{NewParty: newParty.id, Leaders: leaders, Region: region})
					c.add(newParty.id, "", events.PartyFounded{Name: c.partyName(newParty), Founders: leaders})
				}
				for _, l := range leaders {
					c.add(l, "", events.PersonDefected{From: from.id})
				}
			}},
		{"left-to-form", rx(`\b(?:left|quit|deserted|abandoned|resigned\s+from)\s+(?:the\s+)?{E}(?:\s+(?:in|on)\s+(?:(?:early|late|mid-?)\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})?(?:,\s+(?:\w+ing|in\s+protest|over|after|citing)\b[^;]{0,100}?)?,?\s+(?:and\s+(?:later\s+|then\s+|subsequently\s+|soon\s+)?(?:found|form|creat|establish|launch)ed|and\s+set\s+up|to\s+(?:found|form|create|establish|launch|set\s+up))\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?|(?:his|her|their)\s+own\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				// "the party's youth organisation left the party and founded the Green Youth
				// Alliance", "Pirker's supporters quit the LUK in 2005 to establish the New
				// Carinthia Party": a split told without the word.
				if notDoneRE.MatchString(c.sk[:c.match[0]]) {
					return // "threatened to quit the party and set up their own": not done
				}
				from, ok := c.party(1)
				newParty, hasNew := c.newParty(2)
				if !ok || !hasNew || newParty.id == from.id {
					return
				}
				leaders := c.persons(c.leavers(c.match[0]))
				c.add(from.id, "", events.PartySplit{NewParty: newParty.id, Leaders: leaders})
				c.add(newParty.id, "", events.PartyFounded{Name: c.partyName(newParty), Founders: leaders})
				for _, l := range leaders {
					c.add(l, "", events.PersonDefected{From: from.id})
				}
			}},
		{"renamed", rx(`{E}\s+(?:\w+\s+|[^⟦;]*?⟦\d+⟧[^⟦;]*?\s+and\s+|[^⟦;]{0,80}?\s+and\s+)?(?:changed\s+its\s+name|was\s+renamed|renamed\s+itself|was\s+re-named|adopted\s+the\s+(?:new\s+)?name|took\s+the\s+name|was\s+(?:reorgani[sz]ed|reconstituted|relaunched)\s+as)(?:\s+(?:to|as))?\s+(?:(?:a|an)\s+[\w\s]+?,\s+)?(?:the\s+)?([^,;.()]+)`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok {
					return
				}
				to := strings.TrimSpace(c.raw(2))
				if m := leadingMarkerRE.FindStringSubmatch(c.group(2)); m != nil {
					// "renamed itself the Jatiya Gana Mukti Party (JGMP) and received permission …":
					// the name the text gave, not the words after it.
					if n, _ := strconv.Atoi(m[1]); n < len(c.refs) && c.refs[n].name != "" && !allCaps(c.refs[n].name) {
						to = c.refs[n].name
					}
				}
				if len(to) > 1 && strings.ContainsRune(`"“`, []rune(to)[0]) && strings.ContainsRune(`"”`, []rune(to)[len([]rune(to))-1]) {
					to = strings.Trim(to, `"“”`)
				} else if w := nameWords(to); w != "" && strings.HasPrefix(to, w) && trailingPhraseRE.MatchString(to[len(w):]) {
					to = w // "renamed itself Nationale Boeren- en Middenstandspartij at its Zwolle congress"
				}
				if to == "" || !isCap(to) && !leadingMarkerRE.MatchString(c.group(2)) {
					return // "it was renamed twice before …": no name
				}
				c.renamed(p, to, 2)
			}},
		// "The NAC, called the People's Agrarian Congress (PAC) until 1998, …": the name it had until then.
		{"called-until", rx(`{E},?\s+(?:was\s+)?(?:also\s+)?(?:called|named|styled)\s+(?:the\s+)?{E}(?:\s*\([^()]*\))?`),
			func(c *sentenceContext) {
				if untilAfterRE.MatchString(c.sk[c.match[1]:]) {
					c.calledUntil(1, 2, c.dateAfter().edtf)
				}
			}},
		// "Until 1972 it was called the Partido Obrero Federal (POF)."
		// "The Rural Democratic Union, known until 2004 as the Farmers' Democratic League, is …":
		// renamed then.
		{"known-until", rx(`{E},?\s+(?:(?:which\s+was|that\s+was|was)\s+)?(?:known|called|named)\s+until\s+(?:the\s+)?(?:(?:early|mid|late|spring|summer|autumn|winter|end\s+of|beginning\s+of)[\s-]+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\s+as\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) { c.calledUntil(1, 2, strings.TrimPrefix(c.date().edtf, "../")) }},
		{"until-called", rx(`\b(?:Until|Before|Till|Up\s+to)\s+[^⟦;,]+?,?\s+{E}\s+(?:was|had\s+been)\s+(?:called|named|known\s+as)\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) { c.calledUntil(1, 2, strings.TrimPrefix(c.date().edtf, "../")) }},
		// "the delegates voted to adopt the name Związek Chłopsko-Robotniczy", "The name Korea Labour
		// Democratic Party was taken at the second congress", "its council renamed the list Ahdut
		// HaKfar": a new name of the party named before, or of the party the text is about.
		{"name-adopted", rx(`\b(?:adopted|to\s+adopt|chose|to\s+choose|took|to\s+take|voted\s+for|settled\s+on)\s+the\s+(?:new\s+)?name\s+(?:of\s+)?(?:the\s+)?([^,;.()]+)`),
			func(c *sentenceContext) { c.renamedTo(c.lastPartyBefore(c.match[0]), 1) }},
		{"the-name-was", rx(`\b[Tt]he\s+(?:new\s+)?name\s+(?:the\s+)?([^,;.()]+?)\s+was\s+(?:taken|adopted|chosen|introduced|assumed|approved)\b`),
			func(c *sentenceContext) { c.renamedTo(c.lastPartyBefore(c.match[0]), 1) }},
		{"renamed-the", rx(`\b(?:renamed|(?:voted|decided|agreed|resolved)\s+to\s+rename)\s+(?:the\s+(?:list|group|club|bloc|organi[sz]ation|movement|association)|{E})\s+(?:as\s+|to\s+)?(?:the\s+)?([^,;.()]+)`),
			func(c *sentenceContext) {
				id := c.lastPartyBefore(c.match[0])
				if p, ok := c.party(1); ok {
					id = p.id
				} else if c.match[2] >= 0 {
					return // "renamed the Ministry …": no party
				}
				c.renamedTo(id, 2)
			}},
		// "… turned itself into a party, calling it the Georgian Labour Union": a name it had.
		{"calling-it", rx(`\b(?:calling|naming|christening|christened)\s+{E}\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				n, ok2 := c.one(2)
				if ok && ok2 && n.name != "" && n.id != p.id && n.kind != events.KindPerson {
					c.sameEntity(n, p)
					c.d.addName(c.text, p.id, n)
				}
			}},
		// "now calling itself the Awami Kisan Mazdoor Party", "in 1958 the congress rebaptised it the
		// Partido Liberal Agrario".
		{"calling-itself", rx(`\b(?:now\s+)?(?:calling|naming|styling)\s+itself\s+(?:the\s+)?([^,;.()]+)`),
			func(c *sentenceContext) { c.renamedTo(c.lastPartyBefore(c.match[0]), 1) }},
		{"rebaptised-it", rx(`\b(?:rebaptised|rebaptized|rechristened)\s+{E}\s+(?:as\s+)?(?:the\s+)?([^,;.()]+)`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.renamedTo(p.id, 2)
				}
			}},
		// "the party regrouped under the name Acção Trabalhista": the same party, a new name.
		{"regrouped-under-name", rx(`\b(?:regrouped|reorgani[sz]ed|re-?formed|reconstituted|re-?emerged|continued|resurfaced)\s+(?:itself\s+)?under\s+the\s+(?:new\s+)?name\s+(?:of\s+)?(?:the\s+)?([^,;.()]+)`),
			func(c *sentenceContext) { c.renamedTo(c.lastPartyBefore(c.match[0]), 1) }},
		{"present-name", rx(`{E}\s+(?:\w+\s+)?(?:took|adopted|assumed|acquired|received|was\s+given)\s+its\s+(?:present|current|final|later|definitive|last|modern)\s+name`),
			func(c *sentenceContext) {
				// "it took its present name": the name the article gives the party it is about.
				if p, ok := c.party(1); ok && p.id == c.d.subject {
					c.renamed(p, titleName(c.d.doc.Title), 0)
				}
			}},
		{"changed-name-of", rx(`\bchanged\s+the\s+name\s+of\s+(?:the\s+)?{E}\s+to\s+(?:the\s+)?([^,;.()]+)`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					if to := strings.TrimSpace(c.raw(2)); to != "" {
						c.renamed(p, to, 2)
					}
				}
			}},
		{"known-as", rx(`{E},?\s+(?:was\s+)?(?:also\s+)?known\s+((?:until|before|till|up\s+to|from|between|in|after)\s+[^⟦;,]*?\s+)?as\s+(?:the\s+)?{E}(?:,?\s+and\s+(?:(?:until|before|from|between|in|after|since)\s+[^⟦;,]*?\s+)?as\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				// "X, known until 1925 as Y and from 1925 to 1990 as Z": the names of one party.
				p, ok := c.party(1)
				if !ok {
					return
				}
				for _, g := range []int{3, 4} {
					if n, ok := c.one(g); ok && n.name != "" && n.id != p.id && n.kind != events.KindPerson {
						c.sameEntity(n, p)
					}
				}
				if n, ok := c.one(3); ok && n.name != "" && strings.HasPrefix(c.group(2), "until") || strings.HasPrefix(c.group(2), "before") {
					c.d.current[p.id] = n.name // the name it had first
				}
			}},
		// "New Georgia – Civic Renewal, usually called simply New Georgia": a short name of the party.
		{"called-simply", rx(`{E},?\s+(?:\(\s*)?(?:usually|commonly|often|generally|popularly|informally|mostly|widely|simply)\s+(?:\w+\s+)?(?:called|known\s+as|referred\s+to\s+as|named)\s+(?:simply\s+|just\s+)?(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				n, ok2 := c.one(2)
				if !ok || !ok2 || n.name == "" || n.id == p.id {
					return
				}
				if n.kind == events.KindPerson {
					// "New Georgia" read as a person's name: the party's, the words say.
					for key, id := range c.d.persons {
						if id == n.id {
							delete(c.d.persons, key)
						}
					}
				}
				c.sameEntity(n, p)
				c.d.addName(c.text, p.id, ref{id: p.id, kind: events.KindParty, name: n.name})
			}},
		{"bore-the-name", rx(`{E}\s+(?:\w+\s+)?(?:bore|had|carried|went\s+by|used)\s+the\s+name\s+(?:of\s+)?(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				old, okOld := c.one(2)
				if ok && okOld && old.name != "" && old.id != p.id && old.kind != events.KindPerson {
					c.sameEntity(old, p) // "Until 2001 it bore the name Senegalese Popular Movement"
				}
			}},
		{"formerly", rx(`{E},?\s+(?:\(\s*)?(?:formerly|previously|originally|the\s+former|the\s+erstwhile)\s+(?:known\s+as\s+|called\s+|named\s+)?(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				old, okOld := c.one(2)
				if !ok || !okOld || old.name == "" {
					return
				}
				c.d.aliases[events.NameKey(old.name)] = p.id
				date := "XXXX" // "X, formerly Y": renamed at some time before the sentence's
				if dt := c.date(); dt.edtf != "XXXX" && !strings.Contains(dt.edtf, "/") {
					date = "../" + dt.edtf
				}
				c.add(p.id, date, events.PartyRenamed{From: old.name, To: c.partyName(p)})
			}},
		{"transformed-into", rx(`{E}\s+(?:(?:soon|later|eventually|then|gradually|itself|effectively|formally|officially)\s+)?((?:was\s+)?(?:morphed|transformed|evolved|reorgani[sz]ed|reconstituted|converted|turned))\s+(?:itself\s+)?(?:into|itself\s+as)\s+(?:the\s+|a\s+new\s+party,?\s+(?:the\s+)?)?{E}`),
			func(c *sentenceContext) {
				from, ok1 := c.lineage(1)
				to, ok2 := c.lineage(3)
				if ok1 && ok2 && from.id != to.id {
					c.add(from.id, "", events.PartySucceeded{Successor: to.id, Kind: events.SuccessionTransformation, Qualifier: strings.TrimPrefix(c.group(2), "was ") + " into"})
				}
			}},
		{"succeeded-by", rx(`{E}\s+(?:was|were)\s+(?:\w+\s+)?(succeeded|replaced|superseded)\s+by\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				from, ok1 := c.lineage(1)
				to, ok2 := c.lineage(3)
				if ok1 && ok2 && from.id != to.id && from.kind != events.KindPerson && to.kind != events.KindPerson {
					c.add(from.id, "", events.PartySucceeded{Successor: to.id, Kind: events.SuccessionUnspecified})
				}
			}},
		{"succeeded", rx(`{E}\s+(?:\w+\s+)?(?:succeeded|replaced|superseded)\s+(?:the\s+)?{E}(\s+as\b)?`),
			func(c *sentenceContext) {
				to, ok1 := c.lineage(1)
				from, ok2 := c.lineage(2)
				if ok1 && ok2 && c.group(3) == "" && from.id != to.id {
					c.add(from.id, "", events.PartySucceeded{Successor: to.id, Kind: events.SuccessionUnspecified})
				}
			}},
		{"became-party", rx(`{E}\s+(?:later\s+|eventually\s+|then\s+|formally\s+)?became\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				from, ok1 := c.party(1)
				to, ok2 := c.party(2)
				if ok1 && ok2 && from.id != to.id {
					c.add(from.id, "", events.PartySucceeded{Successor: to.id, Kind: events.SuccessionTransformation, Qualifier: "became"})
				}
			}},
		{"restored", rx(`{E}\s+(?:(?:was|were|had\s+been)\s+[^⟦;]*?\s+and\s+(?:was\s+|were\s+)?|(?:was|were|had\s+been)\s+(?:\w+\s+)?)(re-?legali[sz]ed|legali[sz]ed(?:\s+again)?|re-?registered|unbanned|(?:permitted|allowed)\s+to\s+(?:resume|operate\s+again|function\s+again|register\s+again)|(?:legally\s+|officially\s+)?recogni[sz]ed(?:\s+again|\s+by)|re-?entered\s+(?:in|on|into)\s+the\s+register|re-?admitted\s+to\s+the\s+register|allowed\s+to\s+(?:operate|function|register|organi[sz]e)\s+again|re-?founded|re-?established|revived|reconstituted)\b(?:\s+(?:[^⟦,;]*?\s+)?by\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok || asNextRE.MatchString(c.sk[c.match[1]:]) {
					return // "re-founded as the X": another party (refounded-as)
				}
				c.add(p.id, "", events.PartyRestored{By: c.body(3), Means: strings.ToLower(c.group(2))})
			}},
		// "Re-registered with the National Election Commission in the spring of 1985, the party …"
		{"restored-participle", rx(`^(?i:re-?registered|re-?legali[sz]ed|legali[sz]ed\s+again|unbanned)\b[^;⟦]*?(?:⟦\d+⟧[^;⟦]*?)*,\s+(?:the\s+)?{E}(?:,[^,;]*,)?\s+\p{Ll}`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.add(p.id, "", events.PartyRestored{Means: strings.ToLower(strings.Fields(c.sk)[0])})
				}
			}},
		// "the registrar struck Ojcowizna off the register", "was struck off the register":
		// deregistered, the party's legal existence ended.
		{"struck-off", rx(`(?:{E}\s+(?:\w+\s+){0,2}?)?(?:struck|removed|deleted|erased)\s+(?:the\s+)?{E}\s+(?:off|from)\s+the\s+(?:\w+\s+)?(?:register|registry|roll)|{E}\s+(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:struck|removed|deleted|erased)(?:\s+(?:off|from)\s+the\s+(?:\w+\s+)?(?:register|registry|roll))?`),
			func(c *sentenceContext) {
				p, ok := c.party(2)
				by := c.body(1)
				if !ok {
					p, ok = c.party(3)
					by = ""
				}
				if ok && (c.match[6] < 0 || strings.Contains(c.sk[c.match[0]:c.match[1]], "regist") || strings.Contains(c.sk[c.match[0]:c.match[1]], " roll")) {
					c.add(p.id, "", events.PartyDissolved{By: by, Forced: true})
				}
			}},
		// "In March 1979 the party re-registered as the New Dawn Party": legal again, under a name.
		{"re-registered-as", rx(`{E}\s+(?:\w+\s+)?(?:re-?registered|re-?applied\s+for\s+registration|registered\s+again)(?:\s+(?:[^⟦;,]*?\s+)?as\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok {
					return
				}
				c.add(p.id, "", events.PartyRestored{Means: "re-registered"})
				if n, ok := c.one(2); ok && n.name != "" && n.kind != events.KindPerson {
					if n.id != p.id {
						c.sameEntity(n, p)
					}
					c.renamed(p, n.name, 0)
				}
			}},
		// "the JNE re-registered it on 3 February 2010, under a new name, Partido Descentralista Tierra
		// Andina": legal again, and renamed.
		{"re-registered-it", rx(`\bre-?registered\s+(?:it\b|the\s+party\b|(?:the\s+)?{E})(?:[^⟦;]*?\bunder\s+(?:a|the|its)\s+(?:new\s+)?name,?\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok {
					if c.match[2] >= 0 {
						return
					}
					p, ok = ref{id: c.d.topic, kind: events.KindParty}, true
				}
				c.add(p.id, "", events.PartyRestored{Means: "re-registered"})
				if n, ok := c.one(2); ok && n.name != "" && n.kind != events.KindPerson {
					if n.id != p.id {
						c.sameEntity(n, p)
					}
					c.renamed(p, n.name, 0)
				}
			}},
		// "registered the party on 17 January 1975, making it legal again", "restored it to the
		// register", "the Supreme Court annulled the registrar's decision": legal again.
		{"legal-again", rx(`\b(?:making|made|rendering|declaring|was|were)\s+(?:the\s+)?{E}\s+(?:\w+\s+)?legal\s+(?:once\s+)?again|\brestored\s+{E}\s+to\s+the\s+(?:\w+\s+)?(?:register|registry|roll|ballot)|\b(?:annulled|overturned|quashed|reversed|struck\s+down|set\s+aside|lifted)\s+(?:the\s+)?[^⟦;,]*?\b(?:decision|ban|order|ruling|dissolution|deregistration|prohibition)\b(?:\s+(?:on|against|of)\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				if timeReferenceRE.MatchString(c.sk[:c.match[0]]) {
					return // "launched … about a month after the king lifted the ban on parties": a time, told of another
				}
				p, ok := c.firstParty(1, 2, 3)
				if !ok {
					if c.group(1) != "" || c.group(2) != "" {
						return
					}
					p, ok = ref{id: c.d.topic, kind: events.KindParty}, true
				}
				date := ""
				if dt := c.date(); strings.HasSuffix(dt.edtf, "/..") && c.dateBefore() != "" {
					date = c.dateBefore() // "registered it on 17 January 1975, making it legal again for the first time since 1926"
				}
				c.add(p.id, date, events.PartyRestored{Means: "legal again"})
			}},
		// "the NEBE deregistered the EJCP": the party struck off by a body.
		// A party that loses its registration loses its legal standing, as a ban takes it; it may
		// regain it ("regained its registration").
		{"deregistered", rx(`(?:{E}\s+(?:\w+\s+){0,2}?|\b[Tt]he\s+(?:\w+\s+){0,3}?(?:board|commission|ministry|court|authorities|registrar|government)\s+)(?:deregistered|de-registered|delisted)\s+(?:the\s+)?{E}|{E}\s+(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:deregistered|de-registered|delisted)(?:\s+by\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				p, ok := c.party(2)
				by := c.body(1)
				if !ok {
					p, ok = c.party(3)
					by = c.body(4)
				}
				if ok {
					c.add(p.id, "", events.PartyBanned{By: by})
				}
			}},
		// "The party was registered by the Central Election Commission on 9 June 1998", "it
		// registered with the Ministry of Justice", "the commission registered the party", "it
		// obtained registration": entered in a register. "registered in 2019 as the X" is a founding
		// under that name (registered-as); registered to contest an election is no registration.
		{"registered", rx(`{E}\s+(?:(?:was|were|had\s+been|has\s+been)\s+(?:(?:officially|formally|legally|finally|first|duly|eventually|only|successfully)\s+)?registered|(?:(?:officially|formally|finally|then|later|successfully)\s+)?registered\s+(?:itself\s+)?(?:with|at))\b(?:\s+(?:as\s+a\s+(?:political\s+)?party\s+)?(?:(?:with|by|at)\s+)?(?:the\s+)?{E})?` +
			`|(?:{E}|\b[Tt]he\s+(?:[\w'-]+\s+){0,3}?(?:board|commission|committee|ministry|court|authorities|registrar|government|tribunal|council|office|commissioner))\s+(?:(?:officially|formally|finally|duly|then|later)\s+)?(?:registered|recogni[sz]ed)\s+(?:(?:the\s+)?{E}|it\b|the\s+(?:party|group|movement|organi[sz]ation|association)\b)` +
			`|{E}\s+(?:\w+\s+)?(?:obtained|received|gained|was\s+granted|was\s+given|secured|won|got)\s+(?:its\s+|an?\s+)?(?:official\s+|legal\s+|formal\s+|state\s+)?(?:registration|legal\s+(?:status|recognition|personality))\b(?:\s+again)?(?:\s+(?:from|with|by)\s+(?:the\s+)?{E})?` +
			// "the Ministry of the Interior granted the party legal status on 1 March 2011"
			`|\b(?:granted|gave|accorded)\s+(?:(?:the\s+)?{E}|it|the\s+party)\s+(?:official\s+|formal\s+)?(?:legal\s+(?:status|recognition|personality)|registration|recognition\s+as\s+an?\s+(?:political\s+)?party)`),
			func(c *sentenceContext) {
				after := c.sk[c.match[1]:]
				if strings.Contains(c.sk[c.match[0]:c.match[1]], "recogni") && !asAPartyRE.MatchString(after) {
					return // "the court recognised the election": a registration only "as a political party"
				}
				if m := registeredAsNameRE.FindStringSubmatch(after); m != nil && c.match[2] < 0 && c.match[10] < 0 {
					// "INEC registered the group as the People's Solidarity Party": registered under
					// that name, which the party bears from then on.
					if n, ok := c.refAt(m[1]); ok && n.name != "" && n.kind != events.KindPerson {
						p := ref{id: c.d.topic, kind: events.KindParty}
						if c.match[8] >= 0 {
							if r, okP := c.party(4); okP {
								p = r
							}
						}
						c.add(p.id, "", events.PartyRegistered{By: c.body(3)})
						if n.id != p.id {
							c.sameEntity(n, p)
						}
						if events.NameKey(n.name) != events.NameKey(c.d.nameOf(p.id)) {
							c.renamed(p, n.name, 0)
						}
					}
					return
				}
				if asNextRE.MatchString(after) || registeredForRE.MatchString(after) {
					return // "registered in 2019 as the X": founded (registered-as); "registered to contest the election"
				}
				var p ref
				var ok bool
				var by events.EntityID
				switch {
				case c.match[2] >= 0: // "X was registered by Y", "X registered with Y"
					p, ok = c.party(1)
					by = c.body(2)
				case c.match[10] >= 0: // "X obtained registration from Y"
					p, ok = c.party(5)
					by = c.body(6)
				case c.match[8] >= 0: // "Y registered X"
					p, ok = c.party(4)
					by = c.body(3)
				case grantedRE.MatchString(c.sk[c.match[0]:c.match[1]]): // "Y granted X legal status"
					p, ok = ref{id: c.d.topic, kind: events.KindParty}, true
					if c.match[14] >= 0 {
						p, ok = c.party(7)
					}
					by, _ = c.bodyBefore(c.match[0])
				default: // "Y registered it", "the commission registered the party"
					p, ok = ref{id: c.d.topic, kind: events.KindParty}, true
					by = c.body(3)
				}
				if !ok || by == p.id {
					return
				}
				c.registration(p, by)
			}},
		// "It was inscribed in the register of political parties kept by the Supreme Court of
		// Justice on 20 February 1975": registered, by the body that keeps the register.
		{"inscribed-register", rx(`{E}\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:inscribed|entered|recorded|listed|enrolled)\s+(?:in|on|into)\s+the\s+(?:\w+\s+)?(?:register|registry|roll)\b(?:[^⟦;]*?\b(?:kept\s+by|of|at)\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok {
					return
				}
				c.registration(p, c.body(2))
			}},
		// "it regained its registration on 2 April 2009": legal again.
		{"registration-regained", rx(`{E}\s+(?:\w+\s+)?(?:regained|recovered|won\s+back|got\s+back)\s+(?:its\s+)?(?:legal\s+)?(?:registration|legal\s+status|legality|licen[cs]e)`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.add(p.id, "", events.PartyRestored{Means: "registration regained"})
				}
			}},
		// "Gobernación cancelled the PLA's registration", "the registration of X was cancelled": its
		// legal standing ended, as a ban ends it, not the party, which may register again.
		{"registration-cancelled", rx(`\b(?:cancelled|canceled|revoked|withdrew|annulled|suspended)\s+(?:(?:the\s+)?{E}(?:'s|’s)|its|the\s+(?:caucus|party|movement|league|group|organi[sz]ation)(?:'s|’s))\s+(?:legal\s+)?registration|\b[Tt]he\s+registration\s+of\s+(?:the\s+)?{E}\s+was\s+(?:\w+\s+)?(?:cancelled|canceled|revoked|withdrawn|annulled|suspended)|\b[Ii]ts\s+(?:legal\s+)?registration\s+was\s+(?:\w+\s+)?(?:cancelled|canceled|revoked|withdrawn|annulled|suspended)|\b(?:cancelled|canceled|revoked|annulled|suspended)\s+the\s+(?:legal\s+)?registration\s+of\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.firstParty(1, 2, 3)
				if !ok && c.match[2] < 0 && c.match[4] < 0 && c.match[6] < 0 {
					p, ok = ref{id: c.d.topic, kind: events.KindParty}, true // "the JNE cancelled its registration"
				}
				if severalTimesRE.MatchString(c.sk[c.match[0]:]) {
					return // "Its registration was cancelled twice": a summary of cancellations told one by one
				}
				if ok && !dissolvedRE.MatchString(c.text) {
					// One told with the party's dissolution ("…, and the party was dissolved") is
					// that dissolution's occasion, read by the rule of dissolutions.
					c.add(p.id, "", events.PartyBanned{Reason: "registration " + registrationVerb(c.group(0))})
				}
			}},
		// "the Ministry refused the party a licence": no legal standing, as a ban.
		{"licence-refused", rx(`\b(?:refused|denied|rejected)\s+(?:the\s+party|it|{E})\s+(?:a\s+|its\s+)?(?:licen[cs]e|registration|legal\s+status)`),
			func(c *sentenceContext) {
				p := ref{id: c.d.topic, kind: events.KindParty}
				if q, ok := c.party(1); ok {
					p = q
				}
				c.add(p.id, "", events.PartyBanned{Reason: "registration refused"})
			}},
		// "Legal life returned only on 28 December 1977", "Parties could function again once …":
		// the party the text is about was legal again.
		{"legal-life-returned", rx(`\b(?i:legal\s+life|legality|party\s+life|political\s+life)\s+(?:\w+\s+)?returned\b|\b[Pp]arties\s+(?:could|were\s+allowed\s+to|were\s+permitted\s+to)\s+(?:function|operate|register|organi[sz]e|exist)\s+(?:legally\s+)?(?:again|once\s+more)`),
			func(c *sentenceContext) { c.add(c.d.topic, "", events.PartyRestored{Means: "legal again"}) }},
		// "The ban on the league … It was lifted in the autumn of 1944": the ban told last.
		{"it-was-lifted", rx(`^⟦\d+⟧\s+was\s+(?:\w+\s+)?(?:lifted|revoked|rescinded|repealed|overturned|annulled)\b`),
			func(c *sentenceContext) {
				if c.d.banned != "" {
					c.add(c.d.banned, "", events.PartyRestored{Means: "ban lifted"})
				}
			}},
		{"resumed-legal", rx(`{E}\s+(?:\w+\s+)?(resumed\s+(?:its\s+)?(?:legal|open|public)\s+(?:activity|activities|work|existence|operations)|returned\s+to\s+(?:legality|legal\s+(?:activity|life|politics))|(?:was|became)\s+legal\s+again|re-?emerged\s+(?:legally|openly|from\s+(?:clandestinity|the\s+underground|underground|illegality))|emerged\s+from\s+(?:clandestinity|the\s+underground|underground|illegality))`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.add(p.id, "", events.PartyRestored{Means: strings.ToLower(strings.Join(strings.Fields(c.group(2)), " "))})
				}
			}},
		// "The ban remained in force until 9 February 1998, when the Ministry of Justice lifted it":
		// the ban told last ended then.
		{"lifted-it", rx(`\b[Tt]he\s+(?:\w+\s+)?(?:ban|prohibition|proscription)(?:\s+(?:order|decree))?\b[^;]*?\b(?:lifted|revoked|rescinded|repealed|annulled)\s+(?:it|⟦\d+⟧)(?:\s|[.,;]|$)`),
			func(c *sentenceContext) {
				if c.d.banned != "" {
					// "remained in force until 9 February 1998": lifted that day.
					c.add(c.d.banned, strings.TrimPrefix(c.date().edtf, "../"), events.PartyRestored{Means: "ban lifted"})
				}
			}},
		// "the registration was restored on 22 July 2013", "… suspended HAMA's registration …; it was
		// restored in February 2017": the party whose registration was taken last has it again.
		{"registration-restored", rx(`\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+registration\s+(?:was|had\s+been)\s+(?:\w+\s+)?(?:restored|reinstated|renewed|given\s+back)\b|\b(?:ordered|directed)\s+(?:the|its|their|⟦\d+⟧['’]s)\s+registration\s+(?:to\s+be\s+)?(?:restored|reinstated)\b|(?:;|,\s+and|\band)\s+(?:it|⟦\d+⟧)\s+was\s+(?:\w+\s+)?(?:restored|reinstated)\b|\b(?:restored|reinstated)\s+(?:its|the\s+party's|⟦\d+⟧(?:'s|’s))\s+(?:legal\s+)?registration\b|\b(?:inscribed|entered|re-?entered)\s+in\s+the\s+(?:\w+\s+)?(?:register|registry)\b|\brecogni[sz]ed\s+(?:it|⟦\d+⟧)\s+as\s+a\s+(?:lawful|legal)\s+(?:political\s+)?(?:party|organi[sz]ation)`),
			func(c *sentenceContext) {
				if c.d.banned != "" && (strings.Contains(strings.ToLower(c.text), "regist") || strings.Contains(strings.ToLower(c.text), "lawful")) &&
					c.d.bannedBefore(c.d.banned, c.date().edtf) {
					c.add(c.d.banned, "", events.PartyRestored{Means: "registration restored"})
				}
			}},
		// "Party politics were legalised again under the regulation of 28 July 1976": the banned
		// party with them.
		{"politics-legal-again", rx(`(?:⟦\d+⟧\s+politics|\b(?i:party\s+politics|political\s+parties|parties|party\s+activity|political\s+activity))\s+(?:was|were)\s+(?:\w+\s+)?(?:legali[sz]ed|permitted|allowed|made\s+legal)\s+(?:again|once\s+more)\b`),
			func(c *sentenceContext) {
				if c.d.banned != "" {
					c.add(c.d.banned, "", events.PartyRestored{Means: "legal again"})
				}
			}},
		{"ban-lifted", rx(`\b(?:lifted|ended|revoked|repealed|rescinded)\s+the\s+(?:\w+\s+)?(?:ban|prohibition)\s+on\s+(?:the\s+)?{E}|\b[Tt]he\s+(?:\w+\s+)?(?:ban|prohibition|proscription)(?:\s+(?:order|decree))?(?:\s+on\s+(?:the\s+)?{E})?\s+was\s+(?:\w+\s+)?(?:lifted|revoked|ended|repealed|rescinded)|\ballowed\s+(?:the\s+)?{E}\s+to\s+(?:register|operate|function|organi[sz]e|exist|work)\s+(?:legally\s+)?(?:once\s+)?again`),
			func(c *sentenceContext) {
				p, ok := c.firstParty(1, 2, 3)
				if !ok && c.group(1) == "" && c.group(3) == "" && strings.Contains(c.sk[c.match[0]:c.match[1]], " was ") {
					p, ok = ref{id: c.d.topic, kind: events.KindParty}, true // "The prohibition was lifted in March 1987"
				}
				if ok {
					c.add(p.id, "", events.PartyRestored{Means: "ban lifted"})
				}
			}},
		{"all-parties-banned", rx(`\b[Aa]ll\s+(?:\w+\s+)?parties(?:,\s+(?:the\s+)?{E}\s+among\s+them,|,?\s+(?:including|among\s+them)\s+(?:the\s+)?{E},?)?\s+(?:were|had\s+been)\s+(?:\w+\s+)?(banned|prohibited|outlawed|proscribed|dissolved|abolished)(?:\s+(?:[^⟦,;]*?\s+)?by\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok {
					p, ok = c.party(2)
				}
				if !ok {
					p = ref{id: c.d.topic, kind: events.KindParty}
				}
				if strings.HasPrefix(c.group(3), "dissolved") || strings.HasPrefix(c.group(3), "abolished") {
					c.add(p.id, "", events.PartyDissolved{By: c.body(4)})
					return
				}
				c.add(p.id, "", events.PartyBanned{By: c.body(4)})
			}},
		// "Party activity was suspended again after the coup of 24 March 1976": the party's too.
		{"activity-suspended", rx(`(?:⟦\d+⟧(?:['’]s)?|\b(?i:political|all\s+party|all\s+political))\s+(?:and\s+\w+\s+)?activit(?:y|ies)\s+(?:was|were)\s+(?:\w+\s+)?(?:suspended|banned|prohibited|outlawed|forbidden)\b`),
			func(c *sentenceContext) {
				party := c.d.topic // "political activity was suspended": every party's
				if strings.HasPrefix(c.sk[c.match[0]:], "⟦") {
					p, ok := c.party(0)
					if !ok {
						return
					}
					party = p.id // "Party activity", "the Centre Party's activity"
				}
				c.add(party, "", events.PartyBanned{})
			}},
		// "Open political activity was suspended after the coup of 24 March 1982 and only partly
		// restored in 1983": the ban the sentence told, over then.
		{"activity-restored", rx(`\b(?i:political|party)\s+activit(?:y|ies)\s+(?:was|were)\s+[^;]*?\band\s+(?:\w+\s+){0,2}(?:restored|resumed)\b`),
			func(c *sentenceContext) {
				if c.d.banned != "" {
					c.add(c.d.banned, "", events.PartyRestored{Means: "political activity restored"})
				}
			}},
		// "the SLM dissolved itself into the new Janata Party": a merger into another party.
		{"dissolved-into", rx(`{E}\s+(?:\w+\s+)?(?:dissolved|merged|disbanded)\s+itself\s+into\s+(?:the\s+)?(new\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				into, ok2 := c.newParty(3)
				if !ok || !ok2 || p.id == into.id {
					return
				}
				if c.group(2) != "" {
					c.add(into.id, "", events.PartyFounded{Name: c.partyName(into)})
					c.merged(into, []ref{p})
					return
				}
				c.mergedInto(into, []ref{p})
			}},
		{"banned-all-parties", rx(`(?:{E}|\b(?i:government|junta|regime|army|military|authorities|council|parliament|president|decree))\s+(?:[^⟦;,]*?\s+)?(?:banned|outlawed|dissolved|abolished|suspended|prohibited)\s+(?:all|every)\s+(?:\w+\s+){0,2}?part(?:ies|y)\b`),
			func(c *sentenceContext) {
				if r, ok := c.one(1); ok && (r.kind == events.KindOrganisation || r.kind == events.KindPerson) {
					c.add(c.d.topic, "", events.PartyBanned{By: r.id})
				} else {
					c.add(c.d.topic, "", events.PartyBanned{}) // "the military government dissolved all parties"
				}
			}},
		{"left-party", rx(`{E}\s+(?:\w+\s+)?(?:left|quit|deserted)\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				from, ok2 := c.party(2)
				if ok && ok2 && !strings.HasPrefix(c.sk[c.match[1]:], " and ") && !strings.HasPrefix(c.sk[c.match[1]:], " to ") {
					c.add(person.id, "", events.PersonDefected{From: from.id})
				}
			}},
		// "A ban on the party followed in 1940", "The ban on the KPD came in 1956".
		{"ban-on-followed", rx(`\b(?i:a|the)\s+(?:\w+\s+)?(?:ban|prohibition)\s+on\s+(?:the\s+)?{E}\s+(?:\w+\s+)?(?:followed|came|was\s+imposed|was\s+introduced|was\s+decreed|was\s+announced|took\s+effect)\b`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.add(p.id, "", events.PartyBanned{})
				}
			}},
		{"banned", rx(`{E}\s+(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:banned|proscribed|prohibited)(?:\s+(?:[^⟦,;]*?\s+)?by\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if exceptRE.MatchString(c.sk[:c.match[2]]) {
					// "all parties other than the BSPP were banned": every party but that one, the
					// party the text is about among them.
					if !ok || p.id == c.d.topic {
						return
					}
					p = ref{id: c.d.topic, kind: events.KindParty}
				}
				if ok {
					c.add(p.id, "", events.PartyBanned{By: c.body(2)})
				}
			}},
		{"banned-with-all", rx(`\b(banned|outlawed|proscribed|dissolved|closed)\s+[^;]*?\b(?:together|along)\s+with\s+all\s+(?:the\s+)?(?:other\s+)?(?:political\s+)?parties,?\s+(?:including|among\s+them)\s+{EL}`),
			func(c *sentenceContext) {
				// "banned the party together with all other political parties, including the X": X too.
				for _, r := range c.refsIn(2) {
					if r.kind != events.KindParty {
						continue
					}
					if strings.HasPrefix(c.group(1), "dissolved") {
						c.add(r.id, "", events.PartyDissolved{})
					} else {
						c.add(r.id, "", events.PartyBanned{})
					}
				}
			}},
		{"ruled-to-ban", rx(`(?:{E}\s+(?:\w+\s+){0,2}?)?(?:ruled\s+to\s+|voted\s+to\s+|decided\s+to\s+|moved\s+to\s+)?\b(?:ban|banned|outlaw|outlawed|proscribed)\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				if p, ok := c.party(2); ok {
					c.add(p.id, "", events.PartyBanned{By: c.body(1)})
				}
			}},
		{"declared-illegal", rx(`{E}\s+(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:declared\s+(?:illegal|unconstitutional|unlawful|an\s+illegal\s+\w+)|outlawed)(?:\s+(?:[^⟦,;]*?\s+)?by\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.add(p.id, "", events.PartyDeclaredIllegal{By: c.body(2)})
				}
			}},
		{"declared-party-illegal", rx(`(?:{E}\s+(?:\w+\s+)?)?\bdeclared\s+(?:the\s+)?{E}(?:\s+and\s+[^⟦;,]*?|,\s+(?:together|along)\s+with\s+[^;]*?,)?\s+(?:an?\s+)?(?:illegal|unconstitutional|unlawful)`),
			func(c *sentenceContext) {
				if p, ok := c.party(2); ok {
					by := c.body(1)
					if by == p.id {
						by = "" // "it declared the party unlawful": not the party itself
					}
					c.add(p.id, "", events.PartyDeclaredIllegal{By: by})
				}
			}},
		{"dissolved", rx(`{E}\s+(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:dissolved|disbanded|abolished|liquidated|wound\s+up)(?:\s+(?:[^⟦,;]*?\s+)?by\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.add(p.id, "", events.PartyDissolved{By: c.body(2)})
				}
			}},
		{"dissolved-itself", rx(`{E}\s+(?:\w+\s+)?(?:dissolved|disbanded|(?:voted|decided|resolved|chose|agreed)\s+to\s+(?:dissolve|disband))\s+itself`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok && !intoRE.MatchString(c.sk[c.match[1]:]) {
					c.add(p.id, "", events.PartyDissolved{}) // "dissolved itself into X": a merger (dissolved-into)
				}
			}},
		{"dissolved-party", rx(`(?:{E}\s+(?:\w+\s+){0,2}?)?((?:ruled|voted|decided|ordered|resolved|agreed)\s+to\s+)?\b(dissolve|dissolved|disband|disbanded)\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				if c.group(2) == "" && !strings.HasSuffix(c.group(3), "ed") {
					return // "petitioned the court to dissolve the party": asked for, not done
				}
				if p, ok := c.party(4); ok && !legislatures[strings.ToLower(p.name)] {
					c.add(p.id, "", events.PartyDissolved{By: c.body(1)})
				}
			}},
		// "the Turku Court of Appeal ordered the league dissolved", "declared it extinct".
		{"ordered-dissolved", rx(`\b(?:ordered|declared|pronounced)\s+(?:the\s+)?{E}\s+(?:to\s+be\s+)?(dissolved|disbanded|extinct|defunct|abolished|closed|banned|outlawed)\b`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok {
					return
				}
				if w := c.group(2); w == "banned" || w == "outlawed" {
					c.add(p.id, "", events.PartyBanned{})
					return
				}
				c.add(p.id, "", events.PartyDissolved{Forced: true})
			}},
		{"dissolution-of", rx(`(?i:the\s+)(forced\s+|formal\s+|official\s+)?dissolution\s+of\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				if p, ok := c.party(2); ok {
					c.add(p.id, "", events.PartyDissolved{Forced: strings.HasPrefix(c.group(1), "forced")})
				}
			}},
		{"ceased-to-exist", rx(`{E}\s+(?:\w+\s+){0,2}?(?:ceased\s+to\s+exist|ceased\s+(?:all\s+)?(?:its\s+)?activit(?:y|ies)|ceased\s+operations|disappeared|faded\s+(?:away|into\s+obscurity)|(?:has|had)\s+been\s+(?:largely\s+|effectively\s+|politically\s+)?(?:inactive|dormant|defunct)\s+since|(?:became|went)\s+(?:largely\s+|effectively\s+)?(?:inactive|dormant|defunct))`),
			func(c *sentenceContext) {
				if whenBeforeRE.MatchString(c.sk[:c.match[0]]) {
					return // "still called it the MPS when it disappeared": a time, told elsewhere
				}
				if p, ok := c.party(1); ok {
					date := ""
					if from, open := strings.CutSuffix(c.date().edtf, "/.."); open && !strings.Contains(from, "/") {
						date = from // "has been inactive since 2016": since then
					}
					c.add(p.id, date, events.PartyCeased{})
				}
			}},
		{"led-by", rx(`{E}\s+(?:[^⟦;,]*?\s+and\s+)?(?:was|were|is|had\s+been)\s+((?:initially|originally|first|jointly|briefly|then|later|now)\s+)?(?:led|headed|chaired)(?:\s+(?:from|between)\s+[^⟦;,]*?)?\s+by\s+(?:{ROLE}\s+)?{EL}`),
			func(c *sentenceContext) {
				p, ok := c.lineage(1)
				if !ok {
					return
				}
				role := c.roleOr(3, "leader")
				if ledSpanRE.MatchString(c.sk[c.match[0]:c.match[1]]) {
					// "was led from 1951 until 1968 by X": the office held over those years.
					for _, person := range c.persons(c.refsIn(4)) {
						c.office(p.id, person, role, true)
					}
					return
				}
				for _, person := range c.persons(c.refsIn(4)) {
					// "was led by X until 2008": held until then (office reads the "until").
					i := c.office(p.id, person, role, false)
					if i >= 0 && c.group(2) != "" && strings.TrimSpace(c.group(2)) != "then" && strings.TrimSpace(c.group(2)) != "later" {
						c.initially = append(c.initially, i)
					}
				}
			}},
		// "Otar Kapanadze has chaired the party since 2019": its holder since then.
		{"has-led-since", rx(`{E}\s+has\s+(?:\w+\s+)?(led|chaired|headed)\s+(?:the\s+party|it|(?:the\s+)?{E})\s+since\b`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					return
				}
				party := c.lastPartyBefore(c.match[0])
				if p, ok := c.party(3); ok {
					party = p.id
				}
				role := "leader"
				if c.group(2) == "chaired" {
					role = "chairman"
				}
				c.office(party, person.id, role, false)
			}},
		// "Karunaratne has been general secretary since 2008": the holder since then.
		{"has-been-since", rx(`{E}\s+has\s+(?:\w+\s+)?been\s+(?:the\s+)?(?:party's\s+|its\s+)?{ROLE}(?:\s+of\s+(?:the\s+)?{E})?\s+since\b`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok || c.governmentOffice(c.group(2)) {
					return
				}
				party := c.lastPartyBefore(c.match[0])
				if p, ok := c.party(3); ok {
					party = p.id
				}
				c.office(party, person.id, Role(c.group(2)), false)
			}},
		// "The general secretary since 2019 has been Ketevan Sulava": the holder since then.
		{"role-since-has-been", rx(`\b[Tt]he\s+(?:party's\s+)?{ROLE}\s+since\s+[^⟦;,]+?\s+(?:has\s+been|is)\s+{E}`),
			func(c *sentenceContext) {
				if person, ok := c.person(2); ok && !c.governmentOffice(c.group(1)) {
					c.office(c.lastPartyBefore(c.match[0]), person.id, Role(c.group(1)), false)
				}
			}},
		// "a delegation of the Georgian Social Democratic Union, then led by Tamaz Beridze, visited
		// Seoul in 1997": its leader by that time.
		{"then-led-by", rx(`{E},\s+(?:(?:then|at\s+the\s+time|at\s+that\s+time|by\s+then|still)\s+)(?:led|headed|chaired)\s+by\s+(?:(?:its|the\s+party's)\s+)?(?:{ROLE}\s+)?{EL}`),
			func(c *sentenceContext) {
				p, ok := c.lineage(1)
				if !ok {
					return
				}
				role := c.roleOr(2, "leader")
				date := "XXXX"
				if dt := c.date(); dt.edtf != "XXXX" && !strings.Contains(dt.edtf, "/") {
					date = "../" + dt.edtf
				}
				for _, person := range c.persons(c.refsIn(3)) {
					c.add(p.id, date, events.LeaderTookOffice{Office: events.Office{Person: person, Role: role}})
				}
			}},
		{"headed-by", rx(`{E},?\s+(?:which|who|that)\s+(?:is|was)\s+(?:\w+\s+)?(?:headed|led|chaired)\s+by\s+(?:(?i:the\s+)?([\p{L} -]+?)\s+)?{E}`),
			func(c *sentenceContext) {
				body, ok := c.lineage(1)
				person, ok2 := c.one(3)
				if !ok || !ok2 || person.kind != events.KindPerson {
					return
				}
				role := person.title
				if role == "" {
					role = c.group(2)
				}
				if role == "" {
					role = "head"
				}
				c.add(body.id, "", events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: Role(role)}})
			}},
		{"led-then-by", rx(`{E}(?:\s*\([^)]*\))?,\s+(?:(?:then|at\s+the\s+time|now|still)\s+)?(?:led|headed|chaired)\s+(?:(?:then|at\s+the\s+time)\s+)?by\s+{E}`),
			func(c *sentenceContext) {
				// "the New Century Party, led by X", "the Rural Union, led at the time by X": X led it
				// then, having taken office by that day.
				body, ok := c.party(1)
				person, ok2 := c.person(2)
				if !ok || !ok2 {
					return
				}
				date := ""
				if dt := c.date(); dt.edtf != "" && !strings.Contains(dt.edtf, "/") {
					date = "../" + dt.edtf
				}
				c.add(body.id, date, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: "leader"}})
			}},
		{"led", rx(`{EL}\s+(?:\w+\s+)?led\s+(?:the\s+)?{E}(?:\s+(?:from|between)\s+[^⟦;]+)?`),
			func(c *sentenceContext) {
				p, ok2 := c.lineage(2)
				for _, person := range c.personRefs(c.refsIn(1)) {
					c.ledBy(p, ok2, person)
				}
			}},
		// "X resigned in 1992 and was succeeded by Professor Y", "X stepped down as chairman after
		// entering the National Assembly and was succeeded by Y".
		{"succeeded-as-by", rx(`{E}\s+([^;]*?,?\s+and\s+)?was\s+(?:in\s+turn\s+|\w+\s+)?(?:succeeded|replaced|followed)\s+(?:as\s+{ROLE}\s+)?by\s+(?:(?:his|her|the|a)\s+[^⟦;,]*?,?\s+|[^⟦;,]{1,30}?\s+)?{E}`),
			func(c *sentenceContext) {
				if whoseRE.MatchString(c.group(2)) {
					return // "X, whose deputy Y resigned and was succeeded by Z": not X's office
				}
				out, ok1 := c.person(1)
				in, ok2 := c.person(4)
				body, role := c.d.officeOf(out.id)
				if r := c.group(3); r != "" {
					body, role = c.d.topic, Role(r)
				}
				if ok1 && ok2 && in.id != out.id && !c.governmentOffice(role) {
					c.handover(body, in.id, out.id, role)
				}
			}},
		// "led by Solomon Tekle until 2008, when Hirut Assefa took over": the one who took over then.
		{"when-took-over", rx(`\buntil\s+[^⟦;]*?,\s+when\s+{E}\s+(?:took\s+over|stepped\s+in|succeeded\s+(?:him|her)|replaced\s+(?:him|her)|became\s+(?:the\s+)?(?:party's\s+)?(?:new\s+)?(?:leader|chairman|chairwoman|chairperson|president|secretary-general))`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					return
				}
				date := ""
				if dt := c.date(); dt.start >= c.match[0] && dt.end <= c.match[1] {
					date = strings.TrimPrefix(dt.edtf, "../") // the day the holder before left
				}
				party := c.lastPartyBefore(c.match[0])
				c.add(party, date, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: c.d.roleOf(party, "")}})
			}},
		{"served-as", rx(`{E}\s+(?:\w+\s+)?(?:served|acted)\s+as\s+(?:the\s+)?(?:party's\s+|its\s+)?{ROLE}(?:\s+of\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				if person, ok := c.person(1); ok {
					c.termOffice(person)
				}
			}},
		// "Talukder, who was secretary-general from 1987 to 2006, died": an office held for the
		// term the words give, and only then (an undated "was chairman" tells no time).
		{"was-role-term", rx(`{E}\s+(?:had\s+been|was)\s+(?:the\s+)?(?:party's\s+|its\s+)?{ROLE}(?:\s+of\s+(?:the\s+)?{E})?\s+(?:from|between)\s`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					return
				}
				if party := c.bodyOr(3); fromFoundationRE.MatchString(c.sk[c.match[1]-len("from "):]) {
					// "X was secretary-general from the foundation onwards": since its founding.
					if founded := c.d.foundingDate(party); founded != "" {
						c.add(party, founded, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: Role(c.group(2))}})
					}
					return
				}
				dt := c.date()
				if from, to, ok := strings.Cut(dt.edtf, "/"); !ok || from == ".." || to == ".." || dt.start < c.match[1]-len(" from ") {
					return
				}
				c.termOffice(person)
			}},
		{"took-office", rx(`{EL},?\s+(?:\w+\s+)?(?:became|was\s+(?:elected|appointed|named|chosen|made|installed|re-elected|confirmed)(?:\s+as)?|took\s+over\s+as|took\s+office\s+as|assumed\s+the\s+(?:post|office|position|role)\s+of|succeeded\s+(?:{E})\s+as)\s+(?:the\s+)?(?:(?:party's|party|its|their|new|first|sole)\s+)*{ROLE}(?:\s+(?:of|in)\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				// "A and B became co-chairpersons of the new party": each of them.
				persons := c.persons(c.refsIn(1))
				if len(persons) == 2 && clauseJoinRE.MatchString(c.group(1)) {
					// "He was succeeded by Thapa, and Yadav became general secretary": two clauses,
					// the second one's subject alone.
					persons = persons[1:]
				}
				if len(persons) == 0 {
					return
				}
				party := ref{id: c.d.topic, kind: events.KindParty}
				if p, ok := c.lineage(4); ok {
					party = p
				} else if c.governmentOffice(c.group(3)) {
					return
				}
				for _, person := range persons {
					i := c.office(party.id, person, Role(c.group(3)), false)
					if i < 0 {
						continue
					}
					c.tookLater = append(c.tookLater, i)
					if prev, ok := c.one(2); ok && prev.kind == events.KindPerson {
						c.add(party.id, c.d.facts[i].Date.String(), events.LeaderLeftOffice{Office: events.Office{Person: prev.id, Role: Role(c.group(3))}})
					}
				}
			}},
		// "Daw Khin Myint, a university lecturer, replaced Tin Aye as vice-chairwoman": the one took
		// the office the other left.
		{"replaced-as", rx(`{E},?\s+(?:[^⟦;]*?,\s+)?(?:\w+\s+)?replaced\s+{E}\s+as\s+(?:(?:the\s+)?party's\s+|its\s+|the\s+)?{ROLE}`),
			func(c *sentenceContext) {
				in, ok1 := c.person(1)
				out, ok2 := c.person(2)
				if !ok1 || !ok2 || c.governmentOffice(c.group(3)) {
					return
				}
				party := c.lastPartyBefore(c.match[0])
				role := Role(c.group(3))
				i := c.office(party, in.id, role, false)
				if i >= 0 {
					c.add(party, c.d.facts[i].Date.String(), events.LeaderLeftOffice{Office: events.Office{Person: out.id, Role: role}})
				}
			}},
		{"congress-elected", rx(`\b(?:congress|delegates|members|conference|convention|council|committee|assembly|plenum|executive|caucus|board)\s+(?:\S+\s+){0,5}?(?:elected|re-elected|chose|confirmed)\s+(?:[^⟦;]*?,\s+|(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){1,3}?)?{EL}(?:,?\s+as\s+(?:(?:its|their|the\s+party's|his|her)\s+)?(?:new\s+)?{ROLE})?`),
			func(c *sentenceContext) {
				role := c.roleOr(2, "leader")
				// "the congress elected A and B as co-chairs": each of them.
				for _, person := range c.persons(c.refsIn(1)) {
					c.office(c.lastPartyBefore(c.match[0]), person, role, false)
				}
			}},
		{"elected-as", rx(`(?:elected|appointed|chose|named)\s+(?:[^⟦;]*?,\s+|(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){1,3}?)?{EL},?\s+(?:as\s+)?(?:(?:its|their|the\s+party's|his|her)\s+)?(?:new\s+)?({ROLE}|successor)`),
			func(c *sentenceContext) {
				role := Role(c.group(2))
				if role == "successor" {
					role = "leader"
				}
				// "elected A and B as co-chairs": each of them.
				for _, person := range c.persons(c.refsIn(1)) {
					c.add(c.lastPartyBefore(c.match[0]), "", events.LeaderTookOffice{Office: events.Office{Person: person, Role: role}})
				}
			}},
		{"becoming-role", rx(`{E}\s+becoming\s+(?:its|their|the\s+party's)\s+(?:first\s+|new\s+)?{ROLE}`),
			func(c *sentenceContext) {
				if person, ok := c.person(1); ok {
					c.add(c.lastPartyBefore(c.match[0]), "", events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: Role(c.group(2))}})
				}
			}},
		{"handed-over", rx(`(?:took\s+over\s+from\s+{E}\s+as\s+(?:(?:the\s+)?party\s+)?{ROLE}|replaced\s+{E}\s+with\s+{E}|exchanged\s+{E}\s+for\s+{E}|(?:leadership|presidency|chairmanship)\s+passed\s+from\s+{E}\s+to\s+{E}|took\s+(?:over\s+)?(?:the\s+)?(?:party\s+)?(chairmanship|leadership|presidency|chair)\s+(?:of\s+the\s+party\s+)?from\s+{E})`),
			func(c *sentenceContext) {
				var in, out ref
				var ok1, ok2 bool
				role := "leader"
				switch {
				case c.group(1) != "":
					out, ok2 = c.person(1)
					in, ok1 = c.lastBefore(c.match[0], events.KindPerson)
					role = Role(c.group(2))
				case c.group(3) != "":
					out, ok2 = c.person(3)
					in, ok1 = c.person(4)
				case c.group(5) != "":
					out, ok2 = c.person(5)
					in, ok1 = c.person(6)
				case c.group(10) != "":
					// "Łęcki took over the chairmanship from Bosko in 1985", "Per Lunde took the chair
					// from Kari Berg": the names of persons.
					out, ok2 = c.personNamed(10)
					in, ok1 = c.lastBefore(c.match[0], events.KindPerson)
					if m := subjectMarkerBeforeRE.FindStringSubmatch(c.sk[:c.match[0]]); m != nil {
						if r, ok := c.refAt(m[1]); ok && (r.kind == events.KindPerson || r.kind == "") {
							in, ok1 = c.namedPerson(r)
						}
					}
					role = officeOfPost[c.group(9)]
					if role == "" {
						role = "leader"
					}
				default:
					out, ok2 = c.person(7)
					in, ok1 = c.person(8)
				}
				if !ok1 || !ok2 || in.id == out.id {
					return
				}
				body := c.d.topic
				if ministerRE.MatchString(c.text) {
					if body = c.d.government(); body == "" {
						return
					}
					role = "prime minister"
				}
				c.handover(body, in.id, out.id, role)
			}},
		{"gave-way", rx(`{E}\s+(?:\w+\s+)?(?:(?:handed|passed|gave|relinquished|ceded)\s+(?:over\s+)?(?:the\s+)?(?:party\s+)?(?:chairmanship|leadership|presidency|chair)\s+(?:on\s+|over\s+)?to|gave\s+way\s+to|made\s+way\s+for|stepped\s+aside\s+(?:for|in\s+favou?r\s+of|so\s+that)|handed\s+over\s+to)\s+{E}(?:\s+as\s+{ROLE})?`),
			func(c *sentenceContext) {
				out, ok1 := c.person(1)
				in, ok2 := c.person(2)
				if !ok2 && !officeWordRE.MatchString(c.sk[c.match[0]:c.match[1]]) {
					in, ok2 = c.personNamed(2) // "handed over to Lena Petrova": a person (the office's word: handed-to)
				}
				if !ok1 || !ok2 || in.id == out.id {
					return
				}
				role := c.roleOr(3, "leader")
				c.handover(c.d.topic, in.id, out.id, role)
			}},
		{"place-taken", rx(`\b(?:[Hh]is|[Hh]er)\s+place\s+was\s+(?:\w+\s+)?taken\s+(?:[^⟦;]*?\s+)?by\s+(?:[^⟦;]*?\s+)?{E}`),
			func(c *sentenceContext) {
				in, ok := c.person(1)
				out := c.d.person
				if !ok || out == "" || out == in.id {
					return
				}
				c.handover(c.d.topic, in.id, out, "leader")
			}},
		{"took-place", rx(`{E}\s+(?:\w+\s+)?took\s+{E}(?:'s|’s)\s+place`),
			func(c *sentenceContext) {
				in, ok1 := c.person(1)
				out, ok2 := c.person(2)
				if ok1 && ok2 && in.id != out.id {
					c.handover(c.d.topic, in.id, out.id, "leader")
				}
			}},
		{"followed", rx(`{E}\s+followed\s+(?:him|her|in\s+\d{4}|on\s+\d+\s+\w+\s+\d{4}|as\s+{ROLE})`),
			func(c *sentenceContext) {
				if person, ok := c.person(1); ok {
					role := c.roleOr(2, "leader")
					c.add(c.d.topic, "", events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: role}})
				}
			}},
		{"elected-to-lead", rx(`{E}\s+was\s+(?:elected|chosen|appointed)\s+to\s+lead\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				party, ok2 := c.lineage(2)
				if ok && ok2 {
					c.add(party.id, "", events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: "leader"}})
				}
			}},
		{"successor-or-back", rx(`\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+successor,?\s+{E}|{E}\s+was\s+(?:voted|elected|brought)\s+back`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					person, ok = c.person(2)
				}
				if !ok {
					return
				}
				date := ""
				if dt := c.date().edtf; (dt == "XXXX" || strings.HasPrefix(dt, "../")) && untilRE.MatchString(c.sk[c.match[1]:]) && c.d.carried != "" {
					date = c.d.carried + "/.." // "His successor, X, led the party until 1995": after the one before left
				}
				c.add(c.d.topic, date, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: "leader"}})
			}},
		{"lasted-until", rx(`{E}\s+(?:\w+\s+)?(?:lasted|remained\s+in\s+office|stayed\s+in\s+charge|(?:stayed|remained)\s+at\s+the\s+(?:head|helm)(?:\s+of\s+(?:it|the\s+party|{E}))?|led\s+(?:it|the\s+party|{E}))\s+until\b`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					return
				}
				party := c.bodyOr(2) // "stayed at the head of ⟦2⟧"
				if c.group(2) == "" {
					party = c.bodyOr(3) // "led ⟦3⟧ until"
				}
				if strings.Contains(c.sk[c.match[0]:c.match[1]], "led") {
					c.add(party, "XXXX", events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: "leader"}})
				}
				c.add(party, c.dateAfter().edtf, events.LeaderLeftOffice{Office: events.Office{Person: person.id, Role: "leader"}})
				if untilDeathRE.MatchString(c.sk[c.match[1]:]) {
					c.add(person.id, c.dateAfter().edtf, events.PersonDied{}) // "led the party until his death in 1994"
				}
			}},
		{"replaced-in-office", rx(`{E}\s+(?:\w+\s+)?(?:replaced|succeeded|ousted|unseated)\s+{E}(?:\s+as\s+{ROLE})?`),
			func(c *sentenceContext) {
				in, ok := c.one(1)
				out, ok2 := c.one(2)
				if !ok || !ok2 || in.kind != events.KindPerson || out.kind != events.KindPerson || in.id == out.id || c.group(3) != "" {
					return
				}
				if headOfGovernmentRE.MatchString(c.text) || c.d.toldHeadOfGovernment(out.id) {
					return // "Medgyessy, the prime minister …, resigned. Gyurcsány replaced him": the state's office
				}
				body, role := c.d.officeOf(out.id)
				c.handover(body, in.id, out.id, role)
			}},
		{"remained-until", rx(`{E}\s+remained\s+(?:the\s+)?(?:party\s+)?{ROLE}(?:\s+of\s+(?:the\s+)?{E})?\s+until`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					return
				}
				party := c.bodyOr(3)
				if last := c.d.lastHolder(party); person.name == "" && last != "" {
					person.id = last // "She remained leader until …": the one who took the office last
				}
				c.add(party, c.dateAfter().edtf, events.LeaderLeftOffice{Office: events.Office{Person: person.id, Role: Role(c.group(2))}})
			}},
		{"elected-to-succeed", rx(`{E}\s+(?:was|were)\s+(?:\w+\s+)?(?:elected|chosen|appointed|named|designated)\s+(?:as\s+)?to\s+(?:succeed|replace)\s+{E}`),
			func(c *sentenceContext) {
				// "Y was elected to succeed her at a conference in November of that year".
				in, ok1 := c.person(1)
				out, ok2 := c.person(2)
				if ok1 && ok2 && in.id != out.id {
					body, role := c.d.officeOf(out.id)
					c.handover(body, in.id, out.id, role)
				}
			}},
		// "the labour lawyer Ivo Horvat was elected in his place": the office of the one named before.
		{"elected-in-place", rx(`{E}\s+(?:was|were)\s+(?:\w+\s+)?(?:elected|chosen|appointed|named|installed|co-opted|designated)\s+(?:in\s+(?:his|her)\s+(?:place|stead)|as\s+(?:his|her)\s+successor)`),
			func(c *sentenceContext) {
				in, ok := c.personNamed(1)
				out, ok2 := c.lastBefore(c.match[0], events.KindPerson)
				if !ok2 {
					out, ok2 = ref{id: c.d.person}, c.d.person != ""
				}
				if ok && ok2 && in.id != out.id {
					body, role := c.d.officeOf(out.id)
					c.handover(body, in.id, out.id, role)
				}
			}},
		// "The national executive chose Dario Bosko, a trade unionist, to replace her in 1980."
		// "The council chose X to lead the party in 2001": X took the lead.
		{"chose-to-lead", rx(`\b(?:chose|elected|appointed|named|picked|selected|designated)\s+(?:[^⟦;]*?\s+)?{E}(?:,[^⟦;]*?,)?\s+(?:to\s+(?:lead|head|chair)|as\s+the\s+new\s+head\s+of)\s+(?:the\s+party|it|{E})`),
			func(c *sentenceContext) {
				person, ok := c.personNamed(1)
				if !ok {
					return
				}
				party := c.lastPartyBefore(c.match[0])
				if p, ok := c.party(2); ok {
					party = p.id
				}
				role := "leader"
				if strings.Contains(c.sk[c.match[0]:c.match[1]], "to chair") {
					role = "chairman"
				}
				c.office(party, person.id, role, false)
			}},
		{"chose-to-replace", rx(`\b(?:chose|elected|appointed|named|picked|selected|nominated|designated)\s+(?:[^⟦;]*?\s+)?{E}(?:,[^⟦;]*?,)?\s+to\s+(?:replace|succeed)\s+{E}`),
			func(c *sentenceContext) {
				in, ok1 := c.personNamed(1)
				out, ok2 := c.person(2)
				if ok1 && ok2 && out.name == "" {
					// "to replace her": the one who took the party's office last, before this one
					_, o, _ := c.d.lastTaken(func(body events.EntityID, o events.Office) bool { return body == c.d.topic && o.Person != in.id })
					if o.Person != "" {
						out.id = o.Person
					}
				}
				if ok1 && ok2 && in.id != out.id {
					body, role := c.d.officeOf(out.id)
					c.handover(body, in.id, out.id, role)
				}
			}},
		// "Its founder and first chairman was Anton Kessler", "the Green Union, whose first leader was
		// Goran Ilic": the office from the party's founding.
		// "relaunched in 2009 with Grant as president and Ross as secretary", "a new party with
		// Sarkar as its president": each took the office then.
		{"with-as-role", rx(`\bwith\s+(?:the\s+[a-z-]+\s+(?:[a-z-]+\s+)?)?{E}\s+as\s+(?:(?:its|their|his|her|the\s+party's)\s+)?(?:new\s+|first\s+)?{ROLE}(?:,?\s+and\s+(?:the\s+[a-z-]+\s+(?:[a-z-]+\s+)?)?{E}\s+as\s+(?:(?:its|their|his|her|the\s+party's)\s+)?(?:new\s+|first\s+)?{ROLE})?`),
			func(c *sentenceContext) {
				if c.governmentOffice(c.group(2)) {
					return
				}
				party := c.lastPartyBefore(c.match[0])
				for _, g := range [][2]int{{1, 2}, {3, 4}} {
					if person, ok := c.personNamed(g[0]); ok && c.group(g[1]) != "" {
						c.add(party, "", events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: Role(c.group(g[1]))}})
					}
				}
			}},
		{"first-holder", rx(`\b(?:[Ii]ts|[Tt]heir|[Tt]he\s+party's|whose)\s+(?:founder\s+and\s+)?first\s+{ROLE}\s+(?:was|became)\s+{E}`),
			func(c *sentenceContext) {
				person, ok := c.personNamed(2)
				if !ok {
					return
				}
				party := c.d.topic
				if strings.HasPrefix(c.sk[c.match[0]:], "whose") {
					party = c.lastPartyBefore(c.match[0])
				}
				c.add(party, c.d.foundingDate(party), events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: Role(c.group(1))}})
			}},
		// "the party secretary, X, managed its affairs as interim president", "Y kept the party
		// running as acting leader": a provisional office, whatever the verb.
		{"as-acting", rx(`{E},?\s+(?:[^;.]{0,60}?\s+)?(?:as|was|became)\s+(?:the\s+)?(?:party's\s+|its\s+)?((?:acting|interim|caretaker|provisional)\s+{ROLE})`),
			func(c *sentenceContext) {
				var person ref // the last person the words before "as" name
				for _, r := range c.refsBetween(c.match[0], c.match[4]) {
					if r.kind == events.KindPerson {
						person = r
					}
				}
				if person.id == "" || c.governmentOffice(c.group(2)) {
					return
				}
				if dt := c.date(); dt.start >= c.match[1] && strings.Contains(c.sk[c.match[1]:dt.start], ", and ") {
					// "X kept the party running as acting leader through the summer, and a congress
					// held in November 1982 …": not November, after the time told before.
					date := c.dateBefore()
					if date == "" {
						date = c.d.carried // from the time told before: a death, a resignation
					}
					c.add(c.lastPartyBefore(c.match[0]), date, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: Role(c.group(2))}})
					return
				}
				c.office(c.lastPartyBefore(c.match[0]), person.id, Role(c.group(2)), false)
			}},
		// "a congress held in November 1982 handed the chairmanship to the Bangkok lawyer Chuan
		// Kaewmanee": the office to X, from the one who held it last.
		{"body-handed-to", rx(`\b(?i:congress|convention|conference|council|committee|assembly|plenum|executive|delegates)\b[^⟦;]*?\s+(?:handed|gave|passed|entrusted|offered)\s+the\s+(?:party\s+)?(chairmanship|leadership|presidency|chair)\s+to\s+(?:[^;]*?\s+)?{E}(?:[.,;]|\s+(?:in|on|as|at|who|and|after)\b|$)`),
			func(c *sentenceContext) {
				in, ok := c.personNamed(2)
				if !ok {
					return
				}
				role := map[string]string{"chairmanship": "chairman", "chair": "chairman", "presidency": "president"}[c.group(1)]
				if role == "" {
					role = "leader"
				}
				body := c.lastPartyBefore(c.match[0])
				_, o, _ := c.d.lastTaken(func(b events.EntityID, o events.Office) bool { return b == body && o.Person != in.id })
				c.add(body, "", events.LeaderTookOffice{Office: events.Office{Person: in.id, Role: role}})
				if o.Person != "" && !c.leftInSentence(o.Person) && !c.leftBefore(o.Person) {
					// the one who held it last leaves the office they held: an acting leader hers
					c.add(body, "", events.LeaderLeftOffice{Office: o})
				}
			}},
		{"handed-to", rx(`{E}\s+(?:\w+\s+)?(?:handed|passed|transferred|gave|turned)\s+(?:over\s+)?the\s+(?:party\s+)?(chairmanship|leadership|presidency|chair)\s+(?:of\s+the\s+party\s+)?(?:over\s+)?to\s+{E}`),
			func(c *sentenceContext) {
				// "Dovzhenko handed the chairmanship to Levchuk in the summer of 1995".
				out, ok1 := c.person(1)
				in, ok2 := c.personNamed(3)
				if !ok1 || !ok2 || in.id == out.id {
					return
				}
				// The body is the party the sentence names before ("The Workers' Alternative … was
				// chaired by Sokolova until 2001, when she handed over the leadership to Tarasov").
				body := c.lastPartyBefore(c.match[0])
				role := map[string]string{"chairmanship": "chairman", "chair": "chairman", "presidency": "president"}[c.group(2)]
				if role == "" {
					role = c.d.roleOf(body, out.id)
				}
				c.handover(body, in.id, out.id, role)
			}},
		{"as-its-leader", rx(`with\s+{E}\s+as\s+(?:its|their|the\s+party's|his|her)\s+(?:new\s+)?{ROLE}`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					return
				}
				party := c.lastPartyBefore(c.match[0])
				if c.d.newestIn == c.text {
					party = c.d.newest // "merged to form United Revival, with X as its first leader"
				}
				c.office(party, person.id, Role(c.group(2)), false)
			}},
		// "Its founding chairman was Park Jung-ho", "The party's first president was X": the office
		// from the founding, when the text dated it.
		{"founding-role-was", rx(`(?:\b(?:[Ii]ts|[Tt]heir)|{E}(?:'s|’s)?)\s+(?:founding|first)\s+{ROLE}\s+(?:was|had\s+been)\s+(?:the\s+[^⟦;,]*?\s+)?{E}`),
			func(c *sentenceContext) {
				person, ok := c.person(3)
				if !ok {
					return
				}
				party, ok := c.officeBody(1)
				if !ok {
					return
				}
				date := c.d.foundingDate(party)
				if precise := c.d.preciseFounding(party); precise != "" {
					date = precise
				}
				if date == "" {
					date = "XXXX"
				}
				c.add(party, date, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: Role(c.group(2))}})
			}},
		{"apposition", rx(`(?:\b(?:[Ii]ts|[Tt]heir)|{E}(?:'s|’s)?)\s+(?:then\s+|former\s+|long-time\s+|founding\s+)?{ROLE},?\s+{E}`),
			func(c *sentenceContext) {
				person, ok := c.person(3)
				if !ok || calledBeforeRE.MatchString(c.sk[:c.match[0]]) {
					return // "newspapers usually called its leader Nikolai Gordienko": a name, no office
				}
				party, ok := c.officeBody(1)
				if !ok {
					return
				}
				date := c.date().edtf
				if d, err := events.ParseDate(date); err == nil && !d.IsInterval() && !d.Unknown() {
					date = "../" + date
				}
				c.add(party, date, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: Role(c.group(2))}})
			}},
		{"was-role-of", rx(`{E}\s+(?:was|is|had\s+been)\s+(?:(?:later|also|then|once|briefly|long)\s+){0,3}(?:the\s+)?{ROLE}\s+of\s+(?:the\s+)?{E}(?:,?\s+(?:from|between)\s+[^⟦;]+)?`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				body, ok2 := c.lineage(3)
				if ok && ok2 {
					c.office(body.id, person.id, Role(c.group(2)), true)
				}
			}},
		{"government-office", rx(`{E}\s+(?:\w+\s+)?(?:(served\s+as|became|was\s+appointed|was\s+named)\s+(?:the\s+)?(?:prime\s+minister|premier)|(resigned\s+as|gave\s+up|give\s+up|stepped\s+down\s+as)\s+(?:the\s+)?(?:prime\s+minister|premier|premiership)|(formed)\s+(?:the|a|his|her)\s+(?:[\w-]+\s+){0,3}government)`),
			func(c *sentenceContext) {
				person, ok := c.one(1)
				gov := c.d.government()
				if !ok || person.kind != events.KindPerson || gov == "" {
					return
				}
				office := events.Office{Person: person.id, Role: "prime minister"}
				switch {
				case c.group(3) != "":
					c.add(gov, "", events.LeaderLeftOffice{Office: office})
				case strings.HasPrefix(c.sk[c.match[1]:], " until"):
					c.add(gov, c.dateAfter().edtf, events.LeaderLeftOffice{Office: office})
				default:
					c.add(gov, "", events.LeaderTookOffice{Office: office})
				}
			}},
		{"role-of", rx(`{E},\s+(?:the\s+)?{ROLE}\s+of\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				body, ok2 := c.lineage(3)
				if !ok || !ok2 {
					return
				}
				date := ""
				if dt := c.date(); dt.edtf != "XXXX" && !strings.Contains(dt.edtf, "/") && (dt.end <= c.match[0] || dt.start >= c.match[1]) {
					// "in 1994 she welcomed Stefka Ruseva, leader of the People's Agrarian Union": she led
					// it by then, since a time the sentence does not tell.
					date = "../" + dt.edtf
				}
				c.add(body.id, date, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: Role(c.group(2))}})
			}},
		// "Warraich's presidency ended with his death on 3 February 1971".
		{"office-ended", rx(`{E}(?:'s|’s)\s+(presidency|chairmanship|leadership|term(?:\s+as\s+{ROLE})?)\s+(?:ended|came\s+to\s+an\s+end|was\s+cut\s+short)`),
			func(c *sentenceContext) {
				person, ok := c.personNamed(1)
				if !ok {
					return
				}
				body, role := c.d.officeOf(person.id)
				if body == "" {
					body = c.d.topic
				}
				if r := map[string]string{"presidency": "president", "chairmanship": "chairman"}[c.group(2)]; r != "" && role == "" {
					role = r
				}
				if role == "" {
					role = "leader"
				}
				c.add(body, "", events.LeaderLeftOffice{Office: events.Office{Person: person.id, Role: role}})
				if untilDeathRE.MatchString(" "+c.sk[c.match[1]:]) || strings.Contains(c.sk[c.match[1]:], "death") {
					c.add(person.id, "", events.PersonDied{})
				}
			}},
		// "The party secretary, X, led it ad interim until the May congress", "installed Y as chairman".
		{"led-ad-interim", rx(`{E},?\s+(?:[^;.]{0,40}?\s+)?(?:led|ran|headed|chaired)\s+(?:it|⟦\d+⟧)\s+(?:ad\s+interim|on\s+an\s+(?:interim|acting)\s+basis|in\s+an\s+(?:acting|interim)\s+capacity|as\s+a\s+caretaker)`),
			func(c *sentenceContext) {
				if person, ok := c.personNamed(1); ok {
					c.office(c.lastPartyBefore(c.match[0]), person.id, "acting leader", false)
				}
			}},
		{"installed", rx(`\binstalled\s+(?:[^⟦;]*?\s+)?{E}(?:\s+as\s+(?:(?:its|the\s+party's)\s+)?(?:new\s+)?{ROLE})?`),
			func(c *sentenceContext) {
				if person, ok := c.personNamed(1); ok {
					c.add(c.lastPartyBefore(c.match[0]), "", events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: c.roleOr(2, "leader")}})
				}
			}},
		{"left-office", rx(`{E},?\s+(?:\w+\s+)?(?:resigned(?:\s+(?:the|his|her)\s+(?:party\s+)?(chairmanship|leadership|presidency|chair))?|stepped\s+down|stood\s+down|retired|was\s+(?:ousted|removed|deposed|dismissed|replaced)|gave\s+up\s+the\s+(?:party\s+)?(?:presidency|leadership|chairmanship))(?:\s+(?:as|from\s+(?:the\s+post\s+of|(?:his|her)\s+post\s+as|the\s+(?:leadership|presidency|chairmanship)\s+of))\s+(?:the\s+)?(?:party's\s+)?{ROLE})?(?:\s+(?:of|in)\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					return
				}
				if fromBodyRE.MatchString(c.sk[c.match[1]:]) {
					return // "had resigned from the board before the loan": a seat, no office of the party
				}
				party, _ := c.d.officeOf(person.id) // the body of the office the text gave the person
				if p, ok := c.lineage(4); ok {
					party = p.id
				} else if c.governmentOffice(c.group(3)) || c.group(3) == "" && ministerRE.MatchString(c.text) {
					return
				}
				role := c.d.roleOf(party, person.id)
				if r := c.group(3); r != "" {
					role = Role(r)
				} else if r := officeOfPost[c.group(2)]; r != "" {
					role = r // "Tsehay resigned the chairmanship"
				} else if _, _, held := c.d.lastTaken(func(body events.EntityID, o events.Office) bool { return o.Person == person.id }); !held &&
					strings.Contains(c.sk[c.match[0]:c.match[1]], "retired") && !slices.ContainsFunc(c.d.leaders, func(n string) bool { return events.Slug(n) == person.id }) {
					return // "Bregvadze, who had retired from active politics in 2010": no office the text gave him
				}
				c.add(party, "", events.LeaderLeftOffice{Office: events.Office{Person: person.id, Role: role}})
			}},
		{"arrested", rx(`{EL}(?:[^⟦;.]|⟦\d+⟧(?:'s|’s))*?\s+(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:arrested|detained|imprisoned|jailed|captured|taken\s+prisoner)(?:\s+(?:[^⟦,;]*?\s+)?by\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				for _, p := range c.persons(c.refsIn(1)) {
					c.add(p, "", events.PersonArrested{By: c.body(2)})
				}
			}},
		{"fled", rx(`{E},?\s+(?:had\s+)?(?:\w+\s+)?(?:fled|escaped)\s+(to\s+|from\s+)?(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.one(1)
				place, ok2 := c.one(3)
				if !ok || !ok2 || p.kind != events.KindPerson || place.kind != "" || place.name == "" {
					return
				}
				from := place.name
				if strings.HasPrefix(c.group(2), "to") {
					if from = c.d.country(); from == "" {
						return
					}
				}
				c.add(p.id, "", events.PersonFled{From: from})
			}},
		{"exiled", rx(`{E},?\s+(?:was|were)\s+(?:[^⟦;]*?\s+and\s+|\w+\s+)?(?:exiled|banished|deported|sent\s+into\s+exile)(?:\s+to\s+(?:the\s+)?{E})?|{E}\s+(?:[^⟦;]*?\s+and\s+|\w+\s+)?(?:went|fled)\s+into\s+exile(?:\s+(?:in|to)\s+(?:the\s+)?{E})?|{E}\s+(?:\w+\s+)?(?:has|had|have)\s+(?:lived|remained|been)\s+in\s+exile(?:\s+(?:in|abroad\s+in)\s+(?:the\s+)?{E})?\s+since\b` +
			// "he lived in exile in Lima", "spent the next five years in exile in London"
			`|{E}\s+(?:[^;]{0,80}?\s+and\s+)?(?:lived|remained|stayed|spent\s+(?:the\s+next\s+|the\s+following\s+|some\s+|several\s+)?(?:[\w-]+\s+)?(?:years?|months?|decades?))\s+in\s+exile(?:\s+(?:in|abroad\s+in)\s+(?:the\s+)?{E})?`),
			func(c *sentenceContext) {
				p, ok := c.one(1)
				to, _ := c.one(2)
				if !ok {
					p, ok = c.one(3)
					to, _ = c.one(4)
				}
				date := ""
				if !ok && c.match[10] >= 0 {
					// "has lived in exile in the United Kingdom since 2016": exiled in 2016.
					p, ok = c.one(5)
					to, _ = c.one(6)
					if from, open := strings.CutSuffix(c.date().edtf, "/.."); open && !strings.Contains(from, "/") {
						date = from
					}
				}
				if !ok {
					// "he left for Kolkata, where he lived in exile until 1977": in exile from the
					// sentence's first day (not until its last).
					p, ok = c.one(7)
					to, _ = c.one(8)
					if m := leftForWhereRE.FindStringSubmatch(c.sk[:c.match[1]]); m != nil {
						// "he left for Vienna, where he lived in exile": there; and "he" is who left,
						// even when the place's name was read as a person's ("La Paz").
						who, okWho := c.refAt(m[1])
						place, okPlace := c.refAt(m[2])
						if okWho && okPlace && who.kind == events.KindPerson && who.id != place.id {
							if p.id == place.id {
								p = who
							}
							if to.name == "" {
								to = place
							}
						}
					}
					if before := c.dateBefore(); before != "" && !strings.HasPrefix(c.date().edtf, before) {
						date = before
					}
				}
				if ok && p.kind == events.KindPerson {
					c.add(p.id, date, events.PersonExiled{To: to.name})
				}
			}},
		// "twelve of its executives were banned from politics for ten years", "the 111 members of its
		// executive board were barred from politics for five years": the party's officials banned.
		{"officials-banned", rx(`(?i:\b(?:(\w+)\s+of\s+)?(?:(?:its|the\s+party's|their|the)\s+)?(?:(\w+)\s+)?(` + officialsGroup + `))(?:,[^;]*?,)?\s+(?:were|had\s+been)\s+(?:\w+\s+)?(?:banned|barred|disqualified|prohibited)\s+from\s+` + fromPolitics + `(?:\s+for\s+(\w+)\s+years)?`),
			func(c *sentenceContext) { c.officialsBanned([]int{1, 2}, 3, 4) }},
		// "the court … banned the fourteen members of its executive board, including X, from politics
		// for ten years": the same, told in the active.
		{"banned-officials", rx(`(?i:\b(?:banned|barred|disqualified)\s+(?:(?:its|the\s+party's|their|the)\s+)?(?:(\w+)\s+)?(` + officialsGroup + `))(?:,[^;]*?,)?\s+from\s+` + fromPolitics + `(?:\s+for\s+(\w+)\s+years)?`),
			func(c *sentenceContext) { c.officialsBanned([]int{1}, 2, 3) }},
		// "X was banned from politics for five years": one person banned.
		{"person-banned", rx(`{EL},?\s+(?:[^⟦;]*?,\s+)?(?:was|were|had\s+been)\s+(?:[^⟦;]*?\s+and\s+|\w+\s+)?(?:banned|barred|disqualified)\s+from\s+` + fromPolitics + `(?:\s+(?:or\s+[^;,.]*?\s+)?for\s+(\w+)\s+years)?`),
			func(c *sentenceContext) { c.personsBanned(c.refsIn(1), 2) }},
		// "the court barred him from holding public office for five years", "barred him for life
		// from political activity".
		{"banned-person", rx(`\b(?:banned|barred|disqualified)\s+{EL}\s+(?:for\s+(?:life|(\w+)\s+years)\s+)?from\s+` + fromPolitics + `(?:\s+(?:or\s+[^;,.]*?\s+)?for\s+(\w+)\s+years)?`),
			func(c *sentenceContext) {
				g := 3
				if c.group(2) != "" {
					g = 2
				}
				c.personsBanned(c.refsIn(1), g)
			}},
		// "After the death of the EDCP's founding chairman, Dr. Mesfin Gebrekidan Tadesse, in October
		// 1998, …": that person died then.
		{"death-of", rx(`\b(?i:after|following|upon|since)\s+the\s+(?:\w+\s+)?death\s+of\s+(?:[^;]*?,\s+)?{E},?\s+(?:in|on)\s+`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					return
				}
				for _, dt := range c.dates {
					if dt.end > c.match[1] && dt.start <= c.match[1]+1 && !strings.Contains(dt.edtf, "/") {
						c.add(person.id, dt.edtf, events.PersonDied{})
						if body, o, ok := c.d.heldAtDeath(person.id); ok {
							c.add(body, dt.edtf, events.LeaderLeftOffice{Office: o}) // the office ends with the life
						}
						break
					}
				}
			}},
		{"died", rx(`{EL}[^⟦;.]{0,60}?\s(?:died|was\s+killed|was\s+assassinated|was\s+executed|was\s+hanged|were\s+hanged|was\s+shot|killed\s+(?:himself|herself)|took\s+(?:his|her)\s+own\s+life|committed\s+suicide|lived\s+until)\b`),
			func(c *sentenceContext) {
				date := ""
				if strings.HasSuffix(c.sk[c.match[0]:c.match[1]], "lived until") {
					date = c.dateAfter().edtf
				}
				persons := c.persons(c.refsIn(1))
				if subject, ok := sentenceSubject(c.sk, c.refs); len(persons) == 0 && ok && subject.kind == events.KindPerson &&
					strings.Contains(c.sk[:c.match[1]], " and ") {
					// "Sotomayor was arrested in Concepción and died in detention": the person the
					// sentence is about, not the place named last.
					persons = []events.EntityID{subject.id}
				}
				if diedAfterAndRE.MatchString(c.sk[c.match[3]:c.match[1]]) {
					// "A was succeeded by B in 1995, and died the following year": A died, on the
					// date told after the verb.
					if subject, ok := c.lastBefore(c.match[0], events.KindPerson); ok {
						persons = []events.EntityID{subject.id}
						if dt := c.dateAfter(); dt.start >= c.match[1] {
							date = dt.edtf
						}
					}
				}
				for _, p := range persons {
					i := c.add(p, date, events.PersonDied{})
					// A leader's death ends the office the text gave the leader, as a departure
					// would: "its leader Senadheera was shot dead on 23 November 1989".
					if body, o, ok := c.d.heldAtDeath(p); ok && i >= 0 && !c.d.facts[i].Date.Unknown() && !c.d.endedBefore(body, c.d.facts[i].Date) {
						c.add(body, c.d.facts[i].Date.String(), events.LeaderLeftOffice{Office: o})
					}
				}
			}},
		// "Rainsy was pardoned by King Sihamoni in 2015", "the king pardoned Rainsy", "received a
		// royal pardon", "were released under an amnesty": pardoned or amnestied.
		{"pardoned", rx(`{EL}(?:[^⟦;.]|⟦\d+⟧(?:'s|’s))*?\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?(pardoned|amnestied)(?:\s+(?:[^⟦,;]*?\s+)?by\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,2}?{E})?` +
			`|{E}\s+(?:\w+\s+)?(pardoned|amnestied)\s+{EL}` +
			`|{EL},?\s+(?:\w+\s+)?(?:received|was\s+granted|were\s+granted|was\s+given|were\s+given|obtained|won)\s+(?:a\s+|an\s+)?(?:(?:royal|presidential|full|general|conditional|partial)\s+)?(pardon|amnesty)(?:\s+from\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,2}?{E})?` +
			`|{EL}\s+(?:(?:was|were)\s+(?:\w+\s+)?(?:released|freed)|(?:\w+\s+)?(?:returned|came\s+back)(?:\s+(?:to|from)\s+(?:the\s+)?(?:⟦\d+⟧|exile))?)\s+(?:under|in|through|by|thanks\s+to)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(amnesty|pardon)` +
			// "the general amnesty of January 1978 allowed him to return"
			`|\b(amnesty|pardon)\b[^⟦;]{0,40}?\s+(?:allowed|enabled|permitted|let|cleared\s+the\s+way\s+for)\s+{E}` +
			// "He and the party's former prisoners were covered by the general amnesty", "benefited from an amnesty"
			`|{E}(?:\s+and\s+[^;]*?)?\s+(?:(?:was|were)\s+(?:\w+\s+)?(?:covered\s+by|included\s+in)|(?:\w+\s+)?benefit(?:t)?ed\s+from)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(amnesty|pardon)`),
			func(c *sentenceContext) {
				means := func(word string) string {
					if strings.HasPrefix(word, "amnest") {
						return events.MeansAmnesty
					}
					return events.MeansPardon
				}
				var who []ref
				var word string
				var by events.EntityID
				switch {
				case c.match[2] >= 0:
					who, word, by = c.refsIn(1), c.group(2), c.pardoner(3)
				case c.match[8] >= 0:
					who, word, by = c.refsIn(6), c.group(5), c.pardoner(4)
				case c.match[14] >= 0:
					who, word, by = c.refsIn(7), c.group(8), c.pardoner(9)
				case c.match[20] >= 0:
					who, word = c.refsIn(10), c.group(11)
				case c.match[24] >= 0:
					who, word = c.refsIn(13), c.group(12)
				default:
					who, word = c.refsIn(14), c.group(15)
				}
				for _, p := range c.persons(who) {
					if p != by {
						c.add(p, "", events.PersonPardoned{By: by, Means: means(word)})
					}
				}
			}},
		{"sentenced", rx(`{EL}[^⟦;.]{0,90}?\s+(?:(?:was|were|and)\s+(?:\w+\s+)?sentenced\s+to|(?:was|were|and)\s+given|received)\s+((?i:life(?:\s+in\s+prison|\s+imprisonment)?|death|[\w-]+\s+years?(?:\s+in\s+(?:prison|jail)|\s+of\s+[\w-]+(?:\s+labou?r)?)?|[\w-]+\s+months?(?:\s+in\s+(?:prison|jail))?))`),
			func(c *sentenceContext) {
				for _, p := range c.persons(c.refsIn(1)) {
					c.add(p, "", events.PersonSentenced{Sentence: strings.TrimSpace(c.group(2))})
				}
			}},
		{"defected-from", rx(`{E}\s+(?:\w+\s+)?(?:defected|defecting|deserted)\s+from\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.person(1)
				from, ok2 := c.lineage(2)
				if ok && ok2 {
					c.add(p.id, "", events.PersonDefected{From: from.id})
				}
			}},
		{"defection-from", rx(`(?:(?:[Hh]is|[Hh]er)|(?:the\s+)?defection\s+of\s+{E})\s*(?:defection\s+)?from\s+(?:the\s+)?{E}|(?:after|before|following)\s+(?:also\s+)?(?:defecting|his\s+defection|her\s+defection)\s+from\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				from, ok := c.lineage(2)
				if !ok {
					from, ok = c.lineage(3)
				}
				if !ok {
					return
				}
				person, okP := c.one(1)
				if !okP {
					person, okP = c.lastBefore(c.match[0], events.KindPerson)
				}
				if okP && person.kind == events.KindPerson && person.id != from.id {
					c.add(person.id, "", events.PersonDefected{From: from.id})
				}
			}},
		{"election-result", rx(`{E}\s+(?:[^⟦;]*?\s+)?(?:won|received|took|taking|winning|returned|elected|gained|obtained|secured|polled|garnered|captured|collected|got|came\s+\w+\s+with|finished\s+\w+\s+with|fell\s+to|fell\s+below\s+[^⟦;,]*?\s+with|was\s+(?:\w+\s+)?credited\s+with|was\s+(?:\w+\s+)?(?:given|allotted|awarded)|became\s+[^⟦;,]*?\s+with|returned\s+[^⟦;,]*?\s+with|(?:was|were)\s+(?:cut|reduced)\s+to)\s+((?:[^;,⟦]|,\s+(?:with|and)\s|,\d)*?(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+single|no)\s+(?:of\s+the\s+\d+\s+)?(?:\w+\s+)?(?:seats?|deputies|members|MPs|representatives|senators|legislators)|\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)|[\d,]{4,}\s+votes)(?:[^;,⟦]|,\s+(?:with|and)\s|,\d)*)`),
			func(c *sentenceContext) { c.election() }},
		// "At the 1992 legislative election the MFLP failed to win any seats": a result of none.
		// "three of its candidates were elected", "fielded twenty-two candidates …, but none of them
		// was elected", "lost its parliamentary representation": the seats of a result the
		// sentence dates.
		{"candidates-elected", candidatesElectedRE,
			func(c *sentenceContext) { c.candidatesElected() }},
		{"no-seats", rx(`{E}\s+(?:\w+\s+)?(?:failed\s+to\s+win|failed\s+to\s+gain|was\s+left\s+without)\s+(any\s+seats?|a\s+(?:single\s+)?seat|representation)`),
			func(c *sentenceContext) { c.election() }},
		// "former members refounded the party on 3 February 2001 under the name Nueva Unión Popular
		// Andina": the party lives again, under that name ("refounded the party as X" is another
		// party, its successor: refounded-as). "…, dissolved itself in 1993, and was refounded in
		// 2001": the sentence's party lives again.
		{"refounded-under-name", rx(`\b(?:re-?founded|re-?established|relaunched|revived)\s+(?:the\s+)?{E}[^;⟦]*?\s+under\s+the\s+(?:new\s+)?name(?:\s+of)?\s+(?:the\s+)?{E}|,?\s+and\s+(?:was|were)\s+(?:\w+\s+)?(?:re-?founded|re-?established|relaunched|revived)\b(?:\s+(?:in|on)\s+[^;⟦]*?)?(?:[,.;]|$)`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if c.match[2] < 0 {
					subject, found := sentenceSubject(c.sk, c.refs)
					if !found || subject.kind != events.KindParty {
						subject = ref{id: c.d.topic, kind: events.KindParty}
					}
					p, ok = subject, subject.id != ""
				}
				if !ok {
					return
				}
				c.add(p.id, "", events.PartyRestored{Means: "refounded"})
				if n, named := c.one(2); named && n.name != "" && n.kind != events.KindPerson && !allCaps(n.name) &&
					events.NameKey(n.name) != events.NameKey(c.d.nameOf(p.id)) {
					c.renamed(p, n.name, 2)
				}
			}},
		// "She led the party into the 2018 election as part of the Democratic Unity Platform", "it won
		// 1 seat in 1996 as part of the Democratic Union": a member of that alliance then.
		{"as-part-of", rx(`\bas\s+(?:a\s+)?(?:part|member|a\s+component|one\s+of\s+the\s+members)\s+of\s+(?:the\s+|an?\s+)?(?:(?:electoral\s+)?(?:alliance|coalition|bloc|front|list)\s+)?{E}`),
			func(c *sentenceContext) {
				org, ok := c.one(1)
				if !ok || org.id == "" || org.kind == events.KindPerson || org.id == c.d.topic || !allianceNameRE.MatchString(org.name) {
					return
				}
				party := c.lastPartyBefore(c.match[0])
				if party == org.id {
					return
				}
				date := ""
				if y := c.dateBefore(); y != "" {
					date = y
				} else if m := electionRE.FindStringSubmatch(c.sk[:c.match[0]]); m != nil {
					date = m[1] + m[3]
				}
				if date == "" {
					return
				}
				c.add(party, date, events.PartyAffiliation{Organisation: org.id, Kind: "member"})
			}},
		// "For the 1990 general election it formed the Frente Regional del Sur (FRS) with two smaller
		// groups": it founded the front, and was a member of it.
		{"formed-with", rx(`{E}\s+(?:\w+\s+)?(?:formed|founded|set\s+up|created|established|co-founded)\s+(?:the\s+|a\s+new\s+(?:alliance|coalition|bloc|front),?\s+(?:the\s+)?)?{E}[^;⟦]*?\s+(?:with|together\s+with|alongside)\b`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				org, ok2 := c.one(2)
				if !ok || !ok2 || org.id == "" || org.id == p.id || org.kind == events.KindPerson || !allianceNameRE.MatchString(org.name) {
					return
				}
				c.add(p.id, "", events.PartyAffiliation{Organisation: org.id, Kind: "member"})
			}},
		// "The Civic Renewal Party is a centre-right, liberal conservative political party in
		// Mongolia": where it stands and what it holds, as the article describes it, unless its
		// infobox says so.
		{"described-as", rx(`{E}\s+(?:is|was)\s+(?:an?\s+|the\s+)((?:(?:[\p{L}'’–-]+|⟦\d+⟧)(?:,\s+|\s+and\s+|\s+or\s+|\s+)){1,8}?)(?:political\s+)?(?:party|movement)\b`),
			func(c *sentenceContext) { c.describedAs() }},
		// "The party is usually placed on the centre-right", "it has been described as left-wing":
		// where the party stands, as the article places it, unless its infobox says so.
		{"placed-on", rx(`{E}\s+(?:[^;]*?,?\s+and\s+)?(?:is|was|has\s+been|had\s+been)\s+(?:\w+\s+){0,2}?(?:placed|positioned|located|situated|described\s+as|considered|regarded\s+as|seen\s+as|classified\s+as|characteri[sz]ed\s+as)\s+(?:on\s+|in\s+|at\s+)?(?:the\s+)?((?i:far[- ]left|left[- ]wing|centre[- ]left|center[- ]left|centre[- ]right|center[- ]right|right[- ]wing|far[- ]right|radical[- ]left|radical[- ]right|centrist|centre|center|left|right))(?:\s+(?:of\b|wing\b|spectrum\b)|\s*[,.;]|\s+(?:and|but)\b|$)`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok && p.id == c.d.topic {
					c.position(p.id, c.raw(2))
				}
			}},
		// "historians generally place it on the centre-left": the same, in the active.
		{"places-it-on", rx(`\b(?:(?:place|places|placed|position|positions|positioned|locate|locates|put|puts)\s+(?:it|the\s+party|{E})\s+(?:firmly\s+|squarely\s+)?(?:on|in|at)\s+the|(?:described|describe|describes|considered|consider|considers|regarded|regard|regards|saw|see|sees|classified|classify|classifies|called|call|calls|labelled|labeled|branded)\s+(?:it|the\s+party|{E})\s+(?:as\s+)?(?:an?\s+)?(?:the\s+)?)\s*((?i:far[- ]left|left[- ]wing|centre[- ]left|center[- ]left|centre[- ]right|center[- ]right|right[- ]wing|far[- ]right|radical[- ]left|radical[- ]right|centre|center|left|right))(?:\s+(?:of\b|wing\b|spectrum\b)|\s*[,.;]|\s+(?:and|but)\b|$)`),
			func(c *sentenceContext) {
				p := ref{id: c.d.topic, kind: events.KindParty}
				if r, ok := c.firstParty(1, 2); ok {
					p = r
				}
				if p.id == c.d.topic {
					c.position(p.id, c.raw(3))
				}
			}},
		// "The party advocated democratic socialism, stronger union rights and non-alignment", "it
		// combines agrarianism with Christian democracy", "moved towards eco-socialism": the ideas
		// (the words ending in -ism, or a kind of democracy) the party held, unless its infobox
		// says so; dated by the sentence when it names a time.
		{"advocated", rx(`{E}\s+(?:[^;⟦]*?\s+and\s+)?(?:\w+\s+)?(?:advocated|advocates|espoused|espouses|embraced|embraces|championed|champions|professed|professes|stood\s+for|stands\s+for|combines|combined|(?:moved|shifted|turned|drifted)\s+(?:further\s+)?(?:towards?|to)|adopted\s+(?:a|an|the)\s+(?:\w+\s+)?(?:programme|program|platform|line|ideology)\s+of)\s+([^;.]+)`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if _, has := c.d.infoboxField("Ideology"); !ok || has || p.id != c.d.topic {
					return
				}
				var ideas []string
				for _, item := range ideaSepRE.Split(c.raw(2), -1) {
					if item = strings.TrimSpace(item); isIdea(item) {
						ideas = append(ideas, item)
					}
				}
				if len(ideas) > 0 {
					c.add(p.id, "", events.PartyIdeology{Ideologies: ideas})
				}
			}},
		// "It won 2 seats in 1990, none in 1992, 1 seat in 1996, none in 2000, 2004 and 2008", "it
		// won 0.9% in 2012 and 1.2% in 2016, gaining no seats on either occasion": one result a year.
		{"results-list", rx(`{E}\s+(?:[^⟦;]*?\s+)?(?:won|received|obtained|gained|took|polled|secured)\s+`),
			func(c *sentenceContext) { c.resultsList() }},
		{"gave-result", rx(`\bgave\s+(?:the\s+)?{E}\s+((?:[^;,⟦]|,\s+(?:with|and)\s|,\d)*?(?:\d+\s+(?:of\s+the\s+\d+\s+)?seats|\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)|[\d,]{4,}\s+votes)(?:[^;,⟦]|,\s+(?:with|and)\s|,\d)*)`),
			func(c *sentenceContext) { c.election() }},
		{"joined", rx(`{E}\s+(?:\w+\s+)?(?:joined|signed\s+up\s+to|entered|(?:was|became)\s+(?:a|one\s+of\s+the)\s+founding\s+(?:members?|components?|constituents?|parties|member\s+parties)\s+of|became\s+a\s+constituent\s+of|became\s+a\s+(?:full\s+)?member\s+(?:organi[sz]ation\s+|party\s+)?of|is\s+a\s+member\s+of|was\s+a\s+member\s+of|was\s+admitted\s+to|affiliated\s+(?:itself\s+)?with|is\s+affiliated\s+with|was\s+affiliated\s+with)\s+(?:an?\s+(?:\w+\s+){0,2}?(?:joint\s+list|alliance|coalition|bloc|front|list|grouping),?\s+)?(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				org, ok2 := c.one(2)
				if ok2 && org.kind != events.KindParty && org.kind != events.KindOrganisation && listWordRE.MatchString(c.sk[c.match[0]:c.match[1]]) {
					org, ok2 = c.newParty(2) // "joined a second joint list, Derekh Hadasha": the list's name
				}
				if !ok || !ok2 || org.kind != events.KindOrganisation && org.kind != events.KindParty || org.id == p.id {
					return // "the party joined the coalition government of X": no body named
				}
				if rest := c.sk[c.match[1]:]; toFormRE.MatchString(rest) {
					return // joined others to form a new party: a merger (joined-to-form)
				}
				kind := "member"
				if strings.Contains(strings.ToLower(org.name), "international") {
					kind = "international"
				}
				c.add(p.id, "", events.PartyAffiliation{Kind: kind, Organisation: org.id})
				c.d.joinedBody, c.d.joiner = org.id, p.id
			}},
		// "In May 1999 the party joined the governing coalition led by the Reform Party": a coalition
		// named by the party that leads it (none when a person leads it).
		{"joined-coalition-led-by", rx(`{E}\s+(?:\w+\s+){0,2}?(?:joined|entered)\s+(?:the|a|an)\s+((?:[\w-]+\s+){0,2}?(?:coalition|government|cabinet|alliance|bloc))\s+(?:led|headed|formed|dominated)\s+by\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				org, ok2 := c.party(3)
				if !ok || !ok2 || org.id == p.id {
					return
				}
				kind := "member"
				if w := strings.ToLower(c.group(2)); !strings.Contains(w, "alliance") && !strings.Contains(w, "bloc") {
					kind = "coalition"
				}
				c.add(p.id, "", events.PartyAffiliation{Kind: kind, Organisation: org.id})
				c.d.joinedBody, c.d.joiner = org.id, p.id
			}},
		// "the party concluded an electoral pact with the Democratic Union": a pact with another party,
		// which a later "the pact with the Democratic Union ended" or "left the pact" ends.
		{"pact-with", rx(`{E}\s+(?:\w+\s+){0,2}?(?:concluded|signed|formed|made|agreed|entered\s+into|struck|sealed)\s+(?:an?\s+)?((?:electoral|election|coalition|governing|parliamentary|joint)\s+(?:pact|alliance|agreement|coalition))\s+with\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				org, ok2 := c.one(3)
				if !ok || !ok2 || org.id == p.id || org.kind != events.KindParty && org.kind != events.KindOrganisation {
					return
				}
				c.add(p.id, "", events.PartyAffiliation{Kind: strings.ToLower(c.group(2)), Organisation: org.id})
				c.d.joinedBody, c.d.joiner = org.id, p.id
			}},
		{"pact-ended", rx(`\b(?:pact|alliance|agreement|coalition)\s+with\s+(?:the\s+)?{E}\s+(?:was\s+)?(?:\w+\s+)?(?:ended|dissolved|terminated|cancelled|annulled|broke\s+down|collapsed|broken\s+off|came\s+to\s+an\s+end)\b`),
			func(c *sentenceContext) {
				org, ok := c.one(1)
				if !ok || org.kind != events.KindParty && org.kind != events.KindOrganisation {
					return
				}
				p := c.d.topic
				if org.id == c.d.joinedBody && c.d.joiner != "" {
					p = c.d.joiner
				}
				if p != "" && p != org.id {
					c.add(p, strings.TrimPrefix(c.dateAfter().edtf, "../"), events.PartyAffiliationEnded{Organisation: org.id})
				}
			}},
		// "Avraham Sharoni, who led it throughout its existence": its leader from its founding.
		{"led-throughout", rx(`{E},?\s+(?:who\s+)?(?:led|headed|chaired)\s+(?:it|the\s+party|{E})\s+(?:throughout\s+its\s+(?:existence|history|life)|for\s+(?:all|the\s+whole)\s+of\s+its\s+(?:existence|history|life)|from\s+its\s+(?:foundation|founding|creation)\s+(?:until|to)\s+its\s+(?:end|dissolution|demise))`),
			func(c *sentenceContext) {
				person, ok := c.personNamed(1)
				if !ok {
					return
				}
				party := c.d.topic
				if p, ok := c.party(2); ok {
					party = p.id
				}
				date := c.d.foundingDate(party)
				if date == "" {
					date = "XXXX"
				}
				c.add(party, date, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: "leader"}})
			}},
		// "he lost the chairmanship to Tsehay Alemu": the office changed hands.
		{"lost-post-to", rx(`{E}\s+(?:\w+\s+)?lost\s+the\s+(?:party\s+)?(chairmanship|leadership|presidency|chair)\s+(?:of\s+(?:the\s+)?{E}\s+)?to\s+(?:[^⟦;,]*?\s+)?{E}`),
			func(c *sentenceContext) {
				out, ok1 := c.person(1)
				in, ok2 := c.personNamed(4)
				if !ok1 || !ok2 || in.id == out.id {
					return
				}
				body := c.lastPartyBefore(c.match[0])
				if p, ok := c.party(3); ok {
					body = p.id
				}
				c.handover(body, in.id, out.id, officeOfPost[c.group(2)])
			}},
		// "he was forced out of the chairmanship": a departure.
		{"forced-out", rx(`{E}\s+was\s+(?:\w+\s+)?(?:forced|pushed|voted|ousted|driven)\s+out\s+(?:of\s+(?:the\s+)?(?:party\s+)?(chairmanship|leadership|presidency|chair|office))`),
			func(c *sentenceContext) {
				person, ok := c.person(1)
				if !ok {
					return
				}
				party := c.lastPartyBefore(c.match[0])
				role := officeOfPost[c.group(2)]
				if role == "" {
					role = c.d.roleOf(party, person.id)
				}
				c.add(party, "", events.LeaderLeftOffice{Office: events.Office{Person: person.id, Role: role}})
			}},
		// "a faction led by Batsükh … formed its own party, the National Renewal Party": a split.
		{"formed-own-party", rx(`\b(?:a|the|its|his|her|their)\s+(?:\w+\s+)?(?:faction|group|wing|dissidents|rebels|supporters|followers)\b[^;]*?\s+(?:formed|founded|set\s+up|launched|created)\s+(?:its|their|a)\s+(?:own|new)\s+party,?\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.newParty(1)
				if !ok || p.id == c.d.topic {
					return
				}
				var leaders []events.EntityID
				if m := ledByFactionRE.FindStringSubmatch(c.sk[c.match[0]:c.match[1]]); m != nil {
					if r, ok := c.refAt(m[1]); ok && r.kind == events.KindPerson {
						leaders = []events.EntityID{r.id}
					}
				}
				c.add(c.d.topic, "", events.PartySplit{NewParty: p.id, Leaders: leaders})
				c.add(p.id, "", events.PartyFounded{Name: c.partyName(p), Founders: leaders})
			}},
		// "The 1977 figure is sometimes given as 4.1%": another source's share of that election.
		{"figure-given-as", rx(`\b[Tt]he\s+(\d{4})\s+(?:figure|share|result|vote)\s+is\s+(?:sometimes|often|also|elsewhere|in\s+some\s+sources)\s+(?:given|put|reported|cited)\s+as\s+(\d+(?:\.\d+)?)\s?(?:%|per\s?cent)`),
			func(c *sentenceContext) {
				year := c.group(1)
				c.add(c.d.topic, year, events.ElectionResult{Election: year + " general election", Level: events.LevelGeneral, Percent: c.group(2) + "%"})
			}},
		// "the party and the Herders' Party formed an electoral alliance, the "Motherland" coalition",
		// "it formed a joint list, Ihud VeTzedek, with Tenu'at HaOlim": the alliance founded, and each
		// party a member of it.
		{"formed-alliance", rx(`{EL}\s+(?:[^⟦;]*?\s+)?(?:formed|founded|created|set\s+up|launched)\s+an?\s+(?:\w+\s+){0,2}?(?:alliance|coalition|joint\s+list|bloc|electoral\s+list|electoral\s+front),?\s+(?:the\s+)?["“']?{E}(?:[^⟦;]*?\bwith\s+(?:the\s+)?{EL})?`),
			func(c *sentenceContext) {
				if org, ok := c.one(2); ok && org.name != "" {
					c.allianceFormed(org)
				}
			}},
		// "For the 2012 election it formed the Homeland and Justice alliance with two smaller
		// parties": an alliance named before its word, and the party in it.
		{"formed-named-alliance", rx(`{EL}\s+(?:[^⟦;]*?\s+)?(?:formed|founded|created|set\s+up|launched)\s+the\s+{E}(?:\s+(?i:alliance|coalition|bloc|front|joint\s+list|electoral\s+list)\b)?(?:[^⟦;]*?\bwith\s+(?:the\s+)?{EL})?`),
			func(c *sentenceContext) {
				org, ok := c.one(2)
				if !ok || org.name == "" || org.kind == events.KindPerson || !strings.Contains(c.text, org.name) {
					return
				}
				if !allianceNounAfterRE.MatchString(c.text[strings.Index(c.text, org.name)+len(org.name):]) {
					return // "formed the New Party": a party founded, which founded-object drafts
				}
				c.allianceFormed(org)
			}},
		// "the Supreme Court suspended the party for one year": its legal life suspended, as a ban.
		{"suspended-party", rx(`\bsuspended\s+(?:the\s+)?{E}(?:['’]s\s+(?:activities|activity|operations|registration))?(?:\s+for\b|\s+(?:on|in|from|until)\b|\s*[,.;]|$)|{E}\s+was\s+(?:\w+\s+)?suspended\b(?:\s+(?:for|by|on|in|until)\b|\s*[,.;]|$)`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok {
					p, ok = c.party(2)
				}
				if ok {
					c.add(p.id, "", events.PartyBanned{})
					c.d.banned = p.id
				}
			}},
		// "The suspension ended on 4 October 2000", "The ban expired in 1990": legal again.
		{"ban-ended", rx(`\b(?:[Tt]he|[Ii]ts|[Tt]his)\s+(?:\w+\s+)?(?:suspension|ban|proscription|prohibition)\s+(?:ended|expired|ran\s+out|lapsed|came\s+to\s+an\s+end|was\s+lifted)\b`),
			func(c *sentenceContext) {
				if c.d.banned != "" {
					c.add(c.d.banned, "", events.PartyRestored{Means: "ban ended"})
				}
			}},
		// "Sáenz took the PLA into the Frente Democrático Nacional in January 1988", "brought the
		// party into the Plattelandsfront".
		{"took-into", rx(`\b(?:took|brought|led)\s+(?:the\s+)?{E}\s+into\s+(?:the\s+)?{E}`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				org, ok2 := c.one(2)
				if ok && ok2 && org.id != p.id && org.kind != events.KindPerson {
					c.add(p.id, "", events.PartyAffiliation{Kind: "member", Organisation: org.id})
					c.d.joinedBody, c.d.joiner = org.id, p.id
				}
			}},
		// "… only to pull it out again in October 1988".
		{"pulled-it-out", rx(`\bpull(?:ed)?\s+(?:the\s+)?{E}\s+out\b`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if ok && p.id == c.d.joinedBody && c.d.joiner != "" {
					p.id = c.d.joiner // "took the party into the Front … only to pull it out": the party that joined
				}
				if ok && c.d.joinedBody != "" && c.d.joinedBody != p.id {
					c.add(p.id, c.dateAfter().edtf, events.PartyAffiliationEnded{Organisation: c.d.joinedBody, How: "withdrew"})
				}
			}},
		// "It joined the National Front in 1988 and left it in November 1990", "the party quit the
		// coalition in 2001", "It pulled out in March 2008": the body named, or the one the text
		// told the party joined last.
		{"left-body", rx(`{E}\s+((?:[^;⟦]*?⟦\d+⟧[^;⟦]*?(?:\s+and|,)\s+|(?:\w+\s+){0,2}?)(?:left|quit|withdrew\s+from|pulled\s+out\s+of|was\s+expelled\s+from|exited|walked\s+out\s+of|broke\s+with))\s+(?:the\s+)?(?:{E}|(?i:(coalition|alliance|bloc|front|federation|grouping|international|union|pact|electoral\s+list))\b)`),
			func(c *sentenceContext) { c.leftBody() }},
		// "New Dawn joined the Democratic Front in April 1992, and stayed in it until May 1994".
		{"stayed-until", rx(`{E}\s+(?:[^;⟦]*?⟦\d+⟧[^;⟦]*?(?:\s+and|,)\s+)?(?:stayed|remained)\s+(?:in\s+(?:it|⟦\d+⟧)|a\s+member(?:\s+of\s+(?:it|⟦\d+⟧))?)\s+until\b`),
			func(c *sentenceContext) {
				p, ok := c.party(1)
				if !ok || c.d.joinedBody == "" || c.d.joinedBody == p.id {
					return
				}
				c.add(p.id, strings.TrimPrefix(c.dateAfter().edtf, "../"), events.PartyAffiliationEnded{Organisation: c.d.joinedBody, How: "left"})
			}},
		{"pulled-out", rx(`{E}\s+((?:[^;⟦]*?⟦\d+⟧[^;⟦]*?\s+and\s+|(?:\w+\s+){0,2}?)(?:pulled\s+out|withdrew|had\s+left))(?:\s+(?:in|on|at|of\s+it)\b|\s*[,.;]|$)`),
			func(c *sentenceContext) { c.leftBody() }},
		// "The new party was launched … on 3 February 1975, although some sources give 1974", "went
		// into exile in 1977, although some sources give 1975": another dating of what the sentence
		// told at that time (or of its founding), as those sources give it.
		{"sources-give", rx(`\b(?:although|but|while|though|whereas)\s+(?:some|other|several|many|a\s+few|most)\s+(?:sources|accounts|historians|authors|writers|references)\s+(?:give|say|state|cite|date\s+(?:it|the\s+founding)\s+(?:to|from)|put\s+(?:it|the\s+founding)\s+(?:in|at))\s+`),
			func(c *sentenceContext) {
				var date string
				for _, dt := range c.dates {
					if dt.end > c.match[1] && dt.start <= c.match[1]+1 && !strings.Contains(dt.edtf, "/") {
						date = dt.edtf
						break
					}
				}
				if date == "" {
					return
				}
				// The time the words dispute is the one written last before them: "stepped down in
				// December 2009, although some sources give March 2010".
				var told string
				for _, dt := range c.dates {
					if dt.end <= c.match[0] && !strings.Contains(dt.edtf, "/") {
						told = dt.edtf
					}
				}
				for _, f := range slices.Clone(c.d.facts) {
					if f.Source.Quote != c.text || f.Date.String() == date {
						continue
					}
					switch f.Payload.(type) {
					case events.LeaderTookOffice, events.LeaderLeftOffice:
						// An office's other date would read as a second term, not as a disagreement
						// about one: the fold keeps no dispute of a term's dates.
						continue
					}
					if _, founding := f.Payload.(events.PartyFounded); founding || told != "" && f.Date.String() == told {
						c.add(f.Entity, date, f.Payload)
					}
				}
			}},
		// "The party boycotted the 2004 election", "called for a boycott of the parliamentary
		// election of 28 March 2004": an election the party stayed out of on purpose.
		{"boycotted", rx(`{E}\s+(?:[^;⟦]*?\s+|[^;⟦]*?⟦\d+⟧[^;⟦]*?\s+and\s+)?(?:boycotted|boycotts|(?:called|calling)\s+for\s+a\s+boycott\s+of|(?:chose|decided|resolved|voted)\s+to\s+boycott|announced\s+(?:a|its)\s+boycott\s+of)\s+(?:the\s+|both\s+|all\s+)?([^;,.⟦]*?\b(?:elections?|polls?|referendum)\b(?:\s+(?:of|in)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})?)`),
			func(c *sentenceContext) {
				if p, ok := c.party(1); ok {
					c.boycott(p.id, 2)
				}
			}},
		// "the delegates also resolved to boycott the May 2010 general election", "called on their
		// supporters to boycott the elections to the 20th Majlis in 1960": the party's boycott.
		{"resolved-to-boycott", rx(`\b(?i:delegates|congress|conference|convention|members|membership|leadership|council|assembly|executive|board|(?:called|calling)\s+on\s+(?:its|their)\s+(?:supporters|members|voters|followers))\s+(?:also\s+|then\s+)?(?:(?:resolved|voted|decided|agreed|chose)\s+)?to\s+boycott\s+(?:the\s+|both\s+|all\s+)?([^;,.⟦]*?\b(?:elections?|polls?|referendum)\b(?:\s+(?:of|in|to)\s+(?:the\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})?)`),
			func(c *sentenceContext) { c.boycott(c.d.topic, 1) }},
		// "Some sources give December 1989 as the founding date", "Some accounts date the split to
		// late 2000", "other accounts place his death on 1 September": in a sentence of its own,
		// another dating of an event told before, as those sources give it.
		{"sources-date", otherSourcesRE,
			func(c *sentenceContext) { c.otherDating() }},
	}
})

// electionKindRE finds the kind of an election its words name.
var electionKindRE = regexp.MustCompile(`(?i)\b(general|parliamentary|legislative|presidential|national|local|communal|municipal|regional|european|federal|state|senate|constituent\s+assembly)\b`)

// boycott drafts that party boycotted the election submatch g names, at its time: the year the words
// give, or the date written in them.
func (c *sentenceContext) boycott(party events.EntityID, g int) {
	words := c.group(g)
	year, kind := "", "general"
	if m := electionRE.FindStringSubmatch(words); m != nil {
		year = m[1] + m[3]
	}
	if k := electionKindRE.FindStringSubmatch(words); k != nil {
		kind = strings.ToLower(k[1])
	}
	if strings.Contains(strings.ToLower(words), "referendum") {
		kind = "referendum"
	}
	date := ""
	for _, dt := range c.dates {
		if dt.start >= c.match[2*g] && dt.end <= c.match[2*g+1] && !strings.Contains(dt.edtf, "/") {
			date = dt.edtf
		}
	}
	if year == "" && len(date) >= 4 {
		year = date[:4]
	}
	if year == "" {
		if dt := c.date(); len(dt.edtf) >= 4 && !strings.ContainsAny(dt.edtf[:4], "X.") && !strings.Contains(dt.edtf, "/") {
			year, date = dt.edtf[:4], dt.edtf
		}
	}
	if year == "" {
		return // "boycotted the elections": which, the words do not say
	}
	if date == "" || !strings.HasPrefix(date, year) {
		date = year
	}
	election := year + " " + kind + " election"
	if kind == "referendum" {
		election = year + " referendum"
	}
	c.add(party, date, events.PartyBoycotted{Election: election})
}

// afterDissolutionRE matches the words that place a ban after the party's dissolution; alongsideRE
// those that tell it with what was told before.
var (
	afterDissolutionRE = regexp.MustCompile(`(?i)\b(?:after|following|upon|with)\s+(?:its|the(?:\s+party's)?)\s+dissolution\b`)
	alongsideRE        = regexp.MustCompile(`(?i)^(?:additionally|in\s+addition|also|moreover|furthermore|at\s+the\s+same\s+time)\b`)
)

// dissolvedOn returns the date the text told party dissolved, "" when it told none dated.
func (d *drafter) dissolvedOn(party events.EntityID) string {
	for i := len(d.facts) - 1; i >= 0; i-- {
		if _, ok := d.facts[i].Payload.(events.PartyDissolved); ok && d.facts[i].Entity == party && !d.facts[i].Date.Unknown() &&
			!strings.Contains(d.facts[i].Date.String(), "/") {
			return d.facts[i].Date.String()
		}
	}
	return ""
}

// endedBefore reports whether the text told party dissolved before date: a death after it ends no
// office of the party ("the congress voted to dissolve the party" in 1995; "X died in Paris in 2003").
func (d *drafter) endedBefore(party events.EntityID, date events.Date) bool {
	dissolved, err := events.ParseDate(d.dissolvedOn(party))
	return err == nil && !dissolved.Unknown() && dissolved.Latest() < date.Earliest()
}

// bannedBefore reports whether the text told party banned (or its registration cancelled) at a time
// that may come before date: a registration told before the ban (a first one, "entered in the
// electoral register in February 1985", told in a history after a lead that tells of a later ban)
// restores nothing. An undated ban, or an undated registration, may.
func (d *drafter) bannedBefore(party events.EntityID, date string) bool {
	at, err := events.ParseDate(date)
	told := false
	for _, f := range d.facts {
		switch f.Payload.(type) {
		case events.PartyBanned, events.PartyDeclaredIllegal, events.PartyDissolved:
			if f.Entity != party {
				continue
			}
			told = true
			if err != nil || at.Unknown() || f.Date.Unknown() || f.Date.Earliest() < at.Latest() {
				return true
			}
		}
	}
	return !told // an end of another kind: as before
}

// legislatures are the names of a country's assembly, which a president dissolves ("Fujimori
// dissolved Congress"): no party.
var legislatures = map[string]bool{"congress": true, "parliament": true, "senate": true, "assembly": true,
	"national assembly": true, "duma": true, "state duma": true, "legislature": true,
	"majlis": true, "cortes": true, "diet": true, "sejm": true, "knesset": true, "bundestag": true, "reichstag": true,
	"storting": true, "riksdag": true, "verkhovna rada": true, "rada": true, "great khural": true,
	"state great khural": true, "jatiya sangsad": true, "national congress": true, "constituent assembly": true}

// severalTimesRE matches the words that make a statement a summary of events told one by one:
// "twice", "three times", "repeatedly", "on several occasions".
var severalTimesRE = regexp.MustCompile(`^[^;,]*?\b(?:twice|(?:two|three|four|five|several|many)\s+times|repeatedly|on\s+(?:two|three|several|many)\s+occasions)\b`)

// laterVerbRE matches a verb that tells a later change of a party, whose "as X" is not the name it
// was founded under.
var laterVerbRE = regexp.MustCompile(`\b(?:re-?founded|re-?established|re-?formed|re-?launched|renamed|reconstituted|revived|dissolved|merged|became|adopted|transformed|reorgani[sz]ed)\b`)

// fromBodyRE matches what a person resigned from that is a seat on a body, not an office of the
// party: "from the board", "from parliament", "from the cabinet".
var fromBodyRE = regexp.MustCompile(`^\s+from\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:(?:executive|party|central|national|governing)\s+)?(?:board|committee|council|cabinet|parliament|assembly|senate|legislature|government|politburo|presidium|house|seat)\b`)

// allianceNameRE matches the name of an alliance, a front or a bloc in the languages articles write
// them in: "Democratic Unity Platform", "Frente Regional del Sur", "Aliança Democrática".
var allianceNameRE = regexp.MustCompile(`(?i)\b(?:alliance|coalition|bloc|front|union|platform|list|pact|convergence|frente|alianza|aliança|coalición|coligação|bloque|front|fronte|bündnis|blok|sojuz|союз|блок|фронт|unity|forum|rally|concertación|unidad)\b`)

// resultVerbRE matches a verb that tells a result, before the one a result rule matched.
var resultVerbRE = regexp.MustCompile(`\b(?:won|received|took|gained|obtained|polled|secured|garnered)\s`)

// timeReferenceRE matches the words before a verb that make its clause a time another event is
// placed at: "about a month after the king", "until the court".
var timeReferenceRE = regexp.MustCompile(`\b(?:after|before|until|since|when|once|following|shortly\s+after)\s+(?:the\s+)?(?:⟦\d+⟧\s+|\w+\s+){0,2}$`)

// companion reports whether p is what a sentence telling an event of want's type draws with it, and
// other sources date with it: the founding a split or a merger makes, the defection of a split.
func companion(want, p events.Payload) bool {
	switch want.(type) {
	case events.PartySplit:
		switch p.(type) {
		case events.PartyFounded, events.PersonDefected:
			return true
		}
	case events.PartyMerged:
		_, ok := p.(events.PartyFounded)
		return ok
	}
	return false
}

// clauseJoinRE matches two names joined by a comma and "and": two clauses, not a list of two.
var clauseJoinRE = regexp.MustCompile(`^⟦\d+⟧,\s+and\s+⟦\d+⟧`)

// relativeElectedRE matches a relative clause that tells how a person took an office: ", who was
// elected …", ", who had been appointed …".
var relativeElectedRE = regexp.MustCompile(`,\s+who\s+(?:was|had\s+been)\s+(?:\w+\s+)?(?:elected|appointed|chosen|named|installed|confirmed)\b`)

// termOffice drafts that person held the office of submatch 2 in the party of submatch 3 (else the
// party named last before the words), for the term the words give; an office of a government is
// none of a party's.
func (c *sentenceContext) termOffice(person ref) {
	party := c.lastPartyBefore(c.match[0])
	if p, ok := c.lineage(3); ok {
		party = p.id
	} else if c.governmentOffice(c.group(2)) {
		return
	}
	c.office(party, person.id, Role(c.group(2)), true)
}

// countWord reads a count written in figures or in words ("12", "twelve"), and false for a word that
// is no count.
func countWord(w string) (int, bool) {
	w = strings.ToLower(strings.TrimSpace(w))
	if n, err := strconv.Atoi(w); err == nil && n > 0 {
		return n, true
	}
	if d, ok := numberWords[w]; ok {
		n, _ := strconv.Atoi(d)
		return n, true
	}
	return 0, false
}

// otherSourcesRE matches the words that open what other sources say: "Some sources", "other
// accounts", "several Georgian reference works".
var otherSourcesRE = rx(`(?i)\b(?:some|other|several|many|a\s+few|certain|earlier|later)\s+(?:(?:[\p{L}-]+|⟦\d+⟧)\s+){0,2}(?:sources|accounts|reports|historians|authors|writers|references|scholars|studies|biographies|works|publications|encyclopa?edias|textbooks|chronicles)\b`)

// otherDatingRE finds what a sentence of other sources dates: the event its noun names.
var otherDatingRE = regexp.MustCompile(`(?i)\b(founding|foundation|formation|establishment|creation|split|breakaway|schism|death|merger|dissolution|renaming|ban|banning|exile|arrest)\b`)

// asTheDateRE matches what a date other sources give is given as: "as the founding date", "as its
// year of foundation".
var asTheDateRE = regexp.MustCompile(`(?i)\bas\s+(?:the\s+|its\s+)?(?:(\w+)\s+(?:date|year|day)|(?:date|year|day)\s+of\s+(?:its\s+|the\s+)?(\w+))\b`)

// giveYearRE matches what follows "some sources" that gives a time alone: "give 1993", "give 1993,
// the year of its first congress", "say 1989".
var giveYearRE = regexp.MustCompile(`^\s+(?:give|say|cite|state|suggest|put\s+it\s+(?:in|at))\s+(?:\w+\s+)?(?:\d{1,2}\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?\d{4}\b`)

// otherDatable reports whether other sources may date an event of p's kind otherwise.
func otherDatable(p events.Payload) bool {
	for _, v := range otherDatingOf {
		if reflect.TypeOf(v) == reflect.TypeOf(p) {
			return true
		}
	}
	return false
}

// otherDatingOf maps otherDatingRE's nouns to a value of the payload type they name.
var otherDatingOf = map[string]events.Payload{
	"founding": events.PartyFounded{}, "foundation": events.PartyFounded{}, "formation": events.PartyFounded{},
	"establishment": events.PartyFounded{}, "creation": events.PartyFounded{},
	"split": events.PartySplit{}, "breakaway": events.PartySplit{}, "schism": events.PartySplit{},
	"death": events.PersonDied{}, "merger": events.PartyMerged{}, "dissolution": events.PartyDissolved{},
	"renaming": events.PartyRenamed{}, "ban": events.PartyBanned{}, "banning": events.PartyBanned{},
	"exile": events.PersonExiled{}, "arrest": events.PersonArrested{},
}

// otherDating drafts another dating of an event told before (or earlier in the sentence), for a
// sentence that says other sources date it otherwise: the last fact drafted of the type the sentence's noun names, and the facts its
// sentence drew at the same time (the founding of the party a split made), again, each at the date
// written after the sources. Offices are left alone, as sources-give leaves them; a date the sentence
// already drew a fact at is not drawn twice.
func (c *sentenceContext) otherDating() {
	rest := c.sk[c.match[1]:]
	var want events.Payload
	if noun := asTheDateRE.FindStringSubmatch(rest); noun != nil && otherDatingOf[strings.ToLower(noun[1]+noun[2])] != nil {
		// "give 27 February 1998, the day the two signed their merger agreement, as the founding
		// date": the date of what the words say it is, not of a noun on the way.
		want = otherDatingOf[strings.ToLower(noun[1]+noun[2])]
	} else if noun := otherDatingRE.FindStringSubmatch(rest); noun != nil {
		want = otherDatingOf[strings.ToLower(noun[1])]
	} else if giveYearRE.MatchString(rest) {
		// "It was founded in exile on 12 June 1992. Some sources give 1993": the event the
		// sentence before told last.
		for i := len(c.d.facts) - 1; i >= 0 && want == nil; i-- {
			f := c.d.facts[i]
			if f.Source.Quote == c.text {
				continue
			}
			switch f.Payload.(type) {
			case events.EntityNamed, events.LeaderTookOffice, events.LeaderLeftOffice:
				continue
			}
			if !otherDatable(f.Payload) {
				return // the sentence before told something other sources do not date here
			}
			want = f.Payload
		}
	}
	if want == nil {
		return
	}
	var date string
	for _, dt := range c.dates {
		if dt.start >= c.match[1] && !strings.Contains(dt.edtf, "/") && dt.year != 0 {
			date = dt.edtf
			break
		}
	}
	if date == "" {
		return
	}
	// The event dated otherwise is the one of that kind told nearest in time to the other date, the
	// last told of those as near: "founded on 14 March 1998 … Some sources give 27 February 1998"
	// after a predecessor "set up in September 1996".
	other, err := events.ParseDate(date)
	if err != nil {
		return
	}
	anchor, nearest := -1, events.Day(0)
	for i, f := range c.d.facts {
		if reflect.TypeOf(f.Payload) != reflect.TypeOf(want) {
			continue
		}
		dist := events.Day(0)
		if !f.Date.Unknown() {
			dist = max(f.Date.Earliest()-other.Latest(), other.Earliest()-f.Date.Latest(), 0)
		}
		if anchor < 0 || dist <= nearest {
			anchor, nearest = i, dist
		}
	}
	if anchor < 0 {
		return
	}
	a := c.d.facts[anchor]
	if a.Date.String() == date || a.Date.Unknown() {
		return
	}
	for _, f := range c.d.facts {
		if f.Source.Quote == c.text && f.Date.String() == date {
			return // drawn by a rule of its own
		}
	}
	for _, f := range slices.Clone(c.d.facts) {
		if f.Source.Quote != a.Source.Quote || f.Date.String() != a.Date.String() {
			continue
		}
		switch f.Payload.(type) {
		case events.PartyFounded, events.PartySplit, events.PersonDefected, events.PartyMerged, events.PersonDied,
			events.PartyDissolved, events.PartyRenamed, events.PartyBanned, events.PersonExiled, events.PersonArrested:
		default:
			continue // the sentence's other facts (a restoration told with a founding) are not what is dated
		}
		if reflect.TypeOf(f.Payload) != reflect.TypeOf(want) && !companion(want, f.Payload) {
			continue
		}
		c.add(f.Entity, date, f.Payload)
	}
}

// leftBody drafts that the party of submatch 1 left a body: the one submatch 3 names, or the one the
// text told it joined last (for "it", "the coalition", or no object at all). Its date is the first
// written after the verb when the verb follows another ("joined X in 1988 and left it in 1990").
func (c *sentenceContext) leftBody() {
	p, ok := c.party(1)
	if !ok {
		return
	}
	org := ref{}
	if len(c.match) > 6 && c.match[6] >= 0 {
		org, ok = c.one(3)
		if !ok || org.kind == events.KindPerson || org.kind == events.KindParty && org.id != p.id && org.id != c.d.joinedBody {
			return // "X left the Socialist Party": a party is no body one leaves, unless it was joined
		}
	}
	if org.id == "" || org.id == p.id {
		org.id = c.d.joinedBody
	}
	if org.id == "" || org.id == p.id {
		return
	}
	how := "left"
	switch verb := c.group(2); {
	case strings.Contains(verb, "expelled"):
		how = "expelled"
	case strings.Contains(verb, "withdrew"):
		how = "withdrew"
	}
	date := ""
	if strings.Contains(c.group(2), "⟦") {
		verbAt := c.match[4] + max(strings.LastIndex(c.group(2), " and "), strings.LastIndex(c.group(2), ", "))
		_, ce := clauseOf(c.sk, c.match[0], c.match[1])
		for _, dt := range c.dates {
			if dt.start >= verbAt && dt.end <= ce {
				date = dt.edtf
				break
			}
		}
	}
	c.add(p.id, date, events.PartyAffiliationEnded{Organisation: org.id, How: how})
}

// roleAfterRE matches the office a person held something as: " as interim president".
var roleAfterRE = sync.OnceValue(func() *regexp.Regexp { return rx(`^\s+as\s+(?:the\s+)?(?:party's\s+)?{ROLE}`) })

// splitOff drafts that leaders (if any) left from and founded newParty: the founding, the split and
// each leader's defection.
func (c *sentenceContext) splitOff(from, newParty ref, leaders []events.EntityID) {
	c.splitOffOn(from, newParty, leaders, "")
}

// splitOffOn is splitOff on date ("" for the match's): the walk-out, the founding and the split.
func (c *sentenceContext) splitOffOn(from, newParty ref, leaders []events.EntityID, date string) {
	c.add(newParty.id, date, events.PartyFounded{Name: c.partyName(newParty), Founders: leaders})
	c.add(from.id, date, events.PartySplit{NewParty: newParty.id, Leaders: leaders})
	for _, l := range leaders {
		c.add(l, date, events.PersonDefected{From: from.id})
	}
}

// renamed drafts that p took the name to, which submatch g writes (g is 0 when the sentence does not
// write it: "took its present name"): a name there alone stands for p from now on, with the names in
// brackets after it. The name before is the one the text has told p had, or its first, or else as
// the sentence writes it ("changed the name of the MPS to …").
// officeWordRE matches the word for a party's office a handover names ("handed the chairmanship to").
var officeWordRE = regexp.MustCompile(`\b(?:chairmanship|leadership|presidency|chair)\b`)

// outOfPartyRE matches the party a group walked out of: "walked out of the ⟦3⟧".
var outOfPartyRE = regexp.MustCompile(`\b(?:walked\s+out\s+of|left|quit|broke\s+away\s+from)\s+(?:the\s+)?(⟦\d+⟧)`)

// againRE matches "again" later in the sentence: "registered the party …, making it legal again".
var againRE = regexp.MustCompile(`\bagain\b`)

// subjectMarkerBeforeRE matches a name right before the words: "⟦0⟧ " of "⟦0⟧ took the chair".
var subjectMarkerBeforeRE = regexp.MustCompile(`(⟦\d+⟧),?\s+(?:\w+\s+)?$`)

// ledByRE matches another verb before "by": "founded in 1977 and then led by".
var ledByRE = regexp.MustCompile(`\b(?:led|headed|chaired|run|directed|joined|backed|supported|banned|dissolved)\s+by\s+(?:(?:the|a|an)\s+[^⟦;,]*?\s+)?$`)

// trailingPhraseRE matches the phrase that follows a new name in a sentence: " at its congress", " in 1936".
var trailingPhraseRE = regexp.MustCompile(`^\s+(?:at|in|on|during|after|before|when|under|following|by)\s`)

// intoRE matches "into" right after the words: "dissolved itself into the new Janata Party".
var intoRE = regexp.MustCompile(`^\s+into\b`)

// countRE matches the number of parties a merger names: "the two parties merged".
var countRE = regexp.MustCompile(`(?i)\b(?:two|three|four|five)\b`)

// untilAfterRE matches "until" right after a name: the time it bore the name ends there.
var untilAfterRE = regexp.MustCompile(`^,?\s+(?:until|till|up\s+to)\b`)

// calledUntil drafts that the party of submatch g was called the name of submatch old until date: a
// name of the party, and a rename from it on that date to the name the party has now.
func (c *sentenceContext) calledUntil(g, old int, date string) {
	p, ok := c.party(g)
	n, ok2 := c.one(old)
	if !ok || !ok2 || n.name == "" || n.kind == events.KindPerson {
		return
	}
	if n.id != p.id {
		c.sameEntity(n, p) // the second reading knows the name for the party's
	}
	to := c.d.nameOf(p.id)
	switch {
	case p.id == c.d.subject:
		to = titleName(c.d.doc.Title)
	case p.name != "" && !allCaps(p.name):
		to = p.name
	}
	if to == "" || events.NameKey(to) == events.NameKey(n.name) {
		return
	}
	c.d.calledBefore[p.id] = n.name
	c.add(p.id, date, events.PartyRenamed{From: n.name, To: to})
}

// renamedTo drafts that party id took the name submatch g begins with: the name a marker stands for,
// or the words of a name ("Partido Federal del Trabajo and chose …": up to "and chose").
func (c *sentenceContext) renamedTo(id events.EntityID, g int) {
	if id == "" || c.d.kinds[id] != events.KindParty && id != c.d.subject {
		return
	}
	p := ref{id: id, kind: events.KindParty, name: c.d.nameOf(id)}
	if id != c.d.subject && events.NameKey(nameWords(strings.TrimSpace(c.group(g)))) == events.NameKey(titleName(c.d.doc.Title)) && c.d.toldFounding(c.d.subject) == "" {
		// "the Mahaz resurfaced, now calling itself the Awami Kisan Mazdoor Party", in that party's
		// article: the Mahaz was it, under its former name.
		formerly := p.name
		c.sameEntity(p, ref{id: c.d.subject, kind: events.KindParty})
		p = ref{id: c.d.subject, kind: events.KindParty, name: formerly}
		c.d.current[p.id] = formerly
	}
	words := strings.TrimSpace(c.group(g))
	if loc := markerRE.FindStringIndex(words); loc != nil && loc[0] == 0 {
		if r, ok := c.refAt(words[:loc[1]]); ok && r.kind != events.KindPerson {
			switch {
			case r.id == c.d.subject && id != c.d.subject && c.d.toldFounding(c.d.subject) == "":
				// "the Mahaz resurfaced, now calling itself the Awami Kisan Party", in that party's
				// article: the Mahaz was it, under its former name.
				formerly := p.name
				c.sameEntity(p, r)
				p = ref{id: c.d.subject, kind: events.KindParty, name: formerly}
				c.d.current[p.id] = formerly
			case r.id != id:
				c.sameEntity(r, p)
			}
			c.renamed(p, r.name, 0)
		}
		return
	}
	if to := nameWords(words); to != "" {
		c.renamed(p, to, 0)
	}
}

// firstParty returns the party of the first of submatches gs that names one.
func (c *sentenceContext) firstParty(gs ...int) (ref, bool) {
	for _, g := range gs {
		if p, ok := c.party(g); ok {
			return p, true
		}
	}
	return ref{}, false
}

// roleOr returns the office submatch g names, or def when it names none.
func (c *sentenceContext) roleOr(g int, def string) string {
	if r := c.group(g); r != "" {
		return Role(r)
	}
	return def
}

// refAt returns the entity a marker ("⟦3⟧") stands for in the sentence at hand.
func (c *sentenceContext) refAt(marker string) (ref, bool) {
	m := markerRE.FindStringSubmatch(marker)
	if m == nil {
		return ref{}, false
	}
	n, _ := strconv.Atoi(m[1])
	if n >= len(c.refs) {
		return ref{}, false
	}
	return c.refs[n], true
}

// nameWords returns the words a name begins s with: capitalised words, and the small words that
// join them ("del", "of the"), up to the first other word; words of a script without capitals count
// as a name's. "" when s begins with no name.
func nameWords(s string) string {
	end := 0
	for _, loc := range wordRE.FindAllStringIndex(s, -1) {
		if strings.TrimSpace(s[end:loc[0]]) != "" && end > 0 {
			break // a mark between the words
		}
		w := s[loc[0]:loc[1]]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !(unicode.IsLetter(r) && !unicode.IsLower(r)) && !connectors[w] && !foreignAnd[w] {
			break
		}
		end = loc[1]
	}
	name := strings.TrimSpace(s[:end])
	for _, w := range strings.Fields(name) {
		if connectors[w] {
			continue
		}
		return trimConnectors(name)
	}
	return ""
}

// trimConnectors drops the joining words a name cannot end with: "Partido del" → "Partido".
func trimConnectors(name string) string {
	f := strings.Fields(name)
	for len(f) > 0 && connectors[f[len(f)-1]] {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

func (c *sentenceContext) renamed(p ref, to string, g int) {
	if g > 0 {
		if r, ok := c.one(g); ok && len(markerRE.FindString(c.group(g))) == len(strings.TrimSpace(c.group(g))) && r.id != p.id {
			c.sameEntity(r, p)
		}
	}
	if p.id != c.d.subject && p.name == "" && events.NameKey(to) == events.NameKey(titleName(c.d.doc.Title)) {
		// "the union took the name Radical Workers' Party", the article's party, told of the union
		// the text is telling about: the union was it, under its former name. (A party named
		// outright that takes the name is another: "the True Path Party renamed itself the
		// Democrat Party" in the old Democrat Party's article.)
		formerly := c.d.nameOf(p.id)
		c.sameEntity(p, ref{id: c.d.subject, kind: events.KindParty})
		p = ref{id: c.d.subject, kind: events.KindParty, name: formerly}
		c.d.current[p.id] = formerly
	}
	from := c.d.nameOf(p.id)
	if events.NameKey(from) == events.NameKey(to) {
		from = p.name
	}
	if before := c.d.calledBefore[p.id]; events.NameKey(from) == events.NameKey(to) && before != "" {
		from = before // "called the RAC until 1975" told before: the name it gave up
	}
	if events.NameKey(from) == events.NameKey(to) {
		from = "" // the name before is not told: the party is known by the new one
	}
	if founded := c.d.foundingDate(p.id); from == "" && founded != "" && founded == c.date().edtf {
		return // "the founding conference … adopted the name X": the name it was founded under
	}
	c.add(p.id, "", events.PartyRenamed{From: from, To: to})
	c.d.current[p.id] = to
}

// handover drafts that in took an office of body that out left, at the match's date: out's
// departure only once a sentence ("X resigned in May, and Y succeeded him in July": X left in May).
func (c *sentenceContext) handover(body, in, out events.EntityID, role string) {
	date := ""
	if dt := c.date(); dt.start >= c.match[1] && untilWordRE.MatchString(c.sk[dt.start:dt.end]) {
		// "chose Y to replace him, and she remained at the helm until 1999": not 1999, the time
		// the sentence named before (or none).
		date = c.dateBefore()
		if date == "" {
			date = "XXXX"
		}
	}
	if date == "" && (len(c.dates) == 0 || c.date().edtf == "XXXX") {
		// "Talukder, who served as secretary-general from 1987 to 2006, died in 2009. He was
		// succeeded as secretary-general by Bhuiyan": when the one before left that office, not the
		// time told last.
		date = c.d.leftOn(body, out, role)
	}
	if len(c.dates) == 0 && relativeElectedRE.MatchString(c.text) {
		// "He was succeeded by Mamani, who was elected president at a party congress in December
		// 2009": the relative clause tells when she took the office; its rule drafts it.
	} else {
		c.add(body, date, events.LeaderTookOffice{Office: events.Office{Person: in, Role: role}})
	}
	if !c.leftInSentence(out) && !c.leftBefore(out) {
		c.add(body, date, events.LeaderLeftOffice{Office: events.Office{Person: out, Role: role}})
	}
}

// leftOn returns the date the text last told person leaving role in body, "" when it told none
// dated.
func (d *drafter) leftOn(body, person events.EntityID, role string) string {
	for i := len(d.facts) - 1; i >= 0; i-- {
		if p, ok := d.facts[i].Payload.(events.LeaderLeftOffice); ok && d.facts[i].Entity == body && p.Person == person &&
			p.Role == role && !d.facts[i].Date.Unknown() {
			return strings.TrimPrefix(d.facts[i].Date.String(), "../")
		}
	}
	return ""
}

// lastTaken returns the body and the office of the last taking of office the text told that match
// accepts, and false when it told none.
func (d *drafter) lastTaken(match func(body events.EntityID, o events.Office) bool) (events.EntityID, events.Office, bool) {
	for i := len(d.facts) - 1; i >= 0; i-- {
		if p, ok := d.facts[i].Payload.(events.LeaderTookOffice); ok && match(d.facts[i].Entity, p.Office) {
			return d.facts[i].Entity, p.Office, true
		}
	}
	return "", events.Office{}, false
}

// heldAtDeath returns the office the text gave person last, when the text has told of no departure
// from it since.
func (d *drafter) heldAtDeath(person events.EntityID) (events.EntityID, events.Office, bool) {
	for i := len(d.facts) - 1; i >= 0; i-- {
		switch p := d.facts[i].Payload.(type) {
		case events.LeaderLeftOffice:
			if p.Person == person {
				return "", events.Office{}, false
			}
		case events.LeaderTookOffice:
			if p.Person == person {
				return d.facts[i].Entity, p.Office, true
			}
		}
	}
	return "", events.Office{}, false
}

// lastHolder returns the person the text said took an office of party last, or "".
func (d *drafter) lastHolder(party events.EntityID) events.EntityID {
	_, o, _ := d.lastTaken(func(body events.EntityID, _ events.Office) bool { return body == party })
	return o.Person
}

// infoboxFounding returns the founding date the document's infobox gives, as EDTF, or "".
func (d *drafter) infoboxFounding() string {
	if d.doc.Infobox == nil {
		return ""
	}
	for _, key := range []string{"Founded", "Foundation", "Formation", "Established"} {
		if f, ok := d.doc.Infobox.Get(key); ok {
			if date, err := ProseDate(f.Value); err == nil {
				return date
			}
		}
	}
	return ""
}

// foundingDate returns the date the text, or for the document's party its infobox, gives the
// founding of party ("" when none).
func (d *drafter) foundingDate(party events.EntityID) string {
	if date := d.toldFounding(party); date != "" {
		return date
	}
	if party == d.subject {
		return d.infoboxFounding()
	}
	return ""
}

// toldFounding returns the date of the first dated founding of party the text told, or "".
func (d *drafter) toldFounding(party events.EntityID) string {
	for _, f := range d.facts {
		if _, ok := f.Payload.(events.PartyFounded); ok && f.Entity == party && !f.Date.Unknown() {
			return f.Date.String()
		}
	}
	return ""
}

// officeOf returns the body and the office the text last said person took ("She was replaced by
// Y": Y took that office of that body), or the party the text is about and "leader".
func (d *drafter) officeOf(person events.EntityID) (events.EntityID, string) {
	if body, o, ok := d.lastTaken(func(_ events.EntityID, o events.Office) bool { return o.Person == person }); ok {
		return body, o.Role
	}
	return d.topic, "leader"
}

// ledBy drafts that person led the party p ("X led the party …"): an office, when the words after
// do not lead elsewhere ("led the party into exile"), in the role they name ("as interim
// president"), held then ("through the early 1960s") or over the term they tell.
func (c *sentenceContext) ledBy(p ref, ok bool, person ref) {
	rest := c.sk[c.match[1]:]
	if !ok || ledElsewhereRE.MatchString(rest) && !throughYearsRE.MatchString(rest) {
		return
	}
	role := "leader"
	if m := roleAfterRE().FindStringSubmatch(rest); m != nil {
		role = Role(m[1]) // "led the party as interim president"
	}
	if founded := c.d.foundingDate(p.id); founded != "" && fromFoundationRE.MatchString(c.sk[c.match[0]:]) {
		// "led the party from its foundation until his death in 1968": taken when it was founded,
		// left on the day the words after "until" name.
		office := events.Office{Person: person.id, Role: role}
		c.add(p.id, founded, events.LeaderTookOffice{Office: office})
		dt := c.date()
		until := strings.TrimPrefix(dt.edtf, "../") // "until 1994" reads as ../1994
		if dt.start >= c.match[0] && (untilBeforeRE.MatchString(c.sk[c.match[0]:dt.start]) || until != dt.edtf) && !strings.Contains(until, "/") {
			c.add(p.id, until, events.LeaderLeftOffice{Office: office})
			if untilHisDeathRE.MatchString(c.sk[c.match[0]:dt.start]) {
				c.add(person.id, until, events.PersonDied{})
			}
		}
		return
	}
	if dt := c.date(); dt.start >= c.match[1] && ledDuringRE.MatchString(c.sk[c.match[1]:dt.start]+leadingPreposition(c.sk[dt.start:dt.end])) && !strings.HasPrefix(dt.edtf, "..") {
		// "led the party through the early 1960s": in office then, taken by its start.
		start, _, _ := strings.Cut(dt.edtf, "/")
		c.add(p.id, "../"+start, events.LeaderTookOffice{Office: events.Office{Person: person.id, Role: role}})
		return
	}
	c.office(p.id, person.id, role, true)
}

// leadingPreposition returns the preposition a date expression opens with ("in 1970" → "in "), or "".
func leadingPreposition(date string) string {
	for _, p := range []string{"in ", "during "} {
		if strings.HasPrefix(strings.ToLower(date), p) {
			return p
		}
	}
	return ""
}

// roleOf returns the office the text last said person took in party ("X resigned", "X was replaced
// by Y": X left that office, and Y took it), or "leader" when it said none.
func (d *drafter) roleOf(party, person events.EntityID) string {
	if _, o, ok := d.lastTaken(func(body events.EntityID, o events.Office) bool { return body == party && o.Person == person }); ok {
		return o.Role
	}
	return "leader"
}

// leftInSentence reports whether a departure of person was drafted from this sentence already
// ("X resigned in May, and Y succeeded him in July": X left in May).
// leftBefore reports whether the words before the match say person left an office ("Petrosyan
// resigned as chairman on 2 May 1999, and … the congress elected Y to succeed him"): that departure
// dates the leaving, not the match.
func (c *sentenceContext) leftBefore(person events.EntityID) bool {
	for _, m := range leftVerbRE.FindAllStringSubmatch(c.sk[:c.match[0]], -1) {
		if r, ok := c.refAt(m[1]); ok && r.id == person {
			return true
		}
	}
	return false
}

var leftVerbRE = regexp.MustCompile(`(⟦\d+⟧),?\s+(?:\w+\s+)?(?:resigned|stepped\s+down|stood\s+down|retired|died|was\s+(?:ousted|removed|deposed|dismissed))\b`)

func (c *sentenceContext) leftInSentence(person events.EntityID) bool {
	for _, f := range c.d.facts {
		if l, ok := f.Payload.(events.LeaderLeftOffice); ok && l.Person == person && f.Source.Quote == c.text {
			return true
		}
	}
	return false
}

// governmentOffice reports whether a role is an office of government (prime minister, minister)
// held with no body named: not an office of the party.
func (c *sentenceContext) governmentOffice(role string) bool {
	r := strings.ToLower(role)
	if strings.Contains(r, "minister") || strings.Contains(r, "premier") {
		return true
	}
	// "deputy head of its resistance committee": an office of something the sentence does not name.
	return ofUnnamedRE.MatchString(c.sk[c.match[1]:])
}

// whoseRE matches the words of a relative clause, whose verbs are not the subject's.
var whoseRE = regexp.MustCompile(`\b(?:who|whose|whom|which)\b`)

// memberList returns the parties and bodies listed in submatch g, up to where the list ends: the
// first ", and" followed by something other than another member.
func (c *sentenceContext) memberList(g int) []ref {
	text := c.group(g)
	for _, loc := range andRE.FindAllStringIndex(text, -1) {
		rest := text[loc[1]:]
		if !strings.HasPrefix(rest, "the ⟦") && !strings.HasPrefix(rest, "⟦") {
			text = text[:loc[0]]
			break
		}
	}
	var out []ref
	for _, m := range markerRE.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		if n < len(c.refs) {
			out = append(out, c.refs[n])
		}
	}
	return out
}

// person returns the entity of submatch g when it is a person.
func (c *sentenceContext) person(g int) (ref, bool) {
	r, ok := c.one(g)
	return r, ok && r.kind == events.KindPerson
}

// party returns the entity of submatch g when it is a party.
func (c *sentenceContext) party(g int) (ref, bool) {
	r, ok := c.one(g)
	return r, ok && r.kind == events.KindParty && r.id != ""
}

// stateBody reports whether a name ends with a word for an organ of the state ("the Transitional
// Government", "the Supreme Court", "the National Army"), which a founding does not make a party.
func stateBody(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	if len(words) == 0 {
		return false
	}
	head := words[len(words)-1]
	if i := slices.Index(words, "of"); i > 0 {
		head = words[i-1] // "Council of the Revolution": a council
	}
	return stateBodyWords[head]
}

var stateBodyWords = map[string]bool{"government": true, "court": true, "army": true, "ministry": true,
	"parliament": true, "assembly": true, "cabinet": true, "commission": true, "police": true, "administration": true,
	"tribunal": true, "senate": true, "navy": true, "gendarmerie": true, "board": true, "authority": true,
	"council": true, "junta": true, "directorate": true, "agency": true, "bureau": true, "secretariat": true}

// newParty returns the entity of submatch g as the party a split or a walk-out founded: a party, or
// a body the sentence names first whose name says nothing of its kind ("formed the Christian
// Agrarian Left"), which is a party from now on.
func (c *sentenceContext) newParty(g int) (ref, bool) {
	r, ok := c.one(g)
	if !ok || r.id == "" || r.name == "" {
		return ref{}, false
	}
	switch {
	case r.kind == events.KindParty:
		return r, true
	case stateBody(r.name):
		return ref{}, false // "the conference that set up the Transitional Government": no party
	// A body first named here, or a name of several words the finder could not type (a name of no
	// kind is never remembered, so never fresh); not an abbreviation, which may stand for anything.
	case (r.kind == events.KindOrganisation || r.kind == "") && c.d.fresh[r.id] || r.kind == "" && !allCaps(r.name) && strings.Contains(r.name, " ") ||
		r.kind == events.KindPerson && c.d.fresh[r.id]: // "merged to form United Revival": no person's name
		return c.typeAsParty(r), true
	}
	return ref{}, false
}

// partyInto returns the party of submatch g that another merges into: a party, or a name the finder
// could not type, which merging into makes a party's ("voted to merge into Kadima").
func (c *sentenceContext) partyInto(g int) (ref, bool) {
	if p, ok := c.party(g); ok {
		return p, true
	}
	if r, ok := c.one(g); ok && r.kind == "" && r.id != "" && r.name != "" && !stateBody(r.name) {
		return c.typeAsParty(r), true
	}
	return ref{}, false
}

// typeAsParty makes r, a name of no kind or of a body first named in the sentence, a party's: in the
// drafter's kinds and aliases, and in the sentence's refs.
func (c *sentenceContext) typeAsParty(r ref) ref {
	for key, id := range c.d.persons {
		if id == r.id {
			delete(c.d.persons, key)
		}
	}
	c.d.kinds[r.id] = events.KindParty
	c.d.aliases[events.NameKey(r.name)] = r.id
	r.kind = events.KindParty
	for i := range c.refs {
		if c.refs[i].id == r.id {
			c.refs[i].kind = events.KindParty
		}
	}
	return r
}

// bodyOr returns the party or body of submatch g, or else the party the text is about.
func (c *sentenceContext) bodyOr(g int) events.EntityID {
	if p, ok := c.lineage(g); ok {
		return p.id
	}
	return c.d.topic
}

// lineage returns the entity of submatch g when it is a party or another body (a movement, a regime,
// a government) that a party's lineage may pass through.
func (c *sentenceContext) lineage(g int) (ref, bool) {
	r, ok := c.one(g)
	return r, ok && (r.kind == events.KindParty || r.kind == events.KindOrganisation) && r.id != ""
}

// body returns the id of submatch g when it names a body (a court, a government, a party), or "".
func (c *sentenceContext) body(g int) events.EntityID {
	if r, ok := c.lineage(g); ok {
		return r.id
	}
	return ""
}

// personNamed returns the entity of submatch g as a person: a person, or a name of two to four
// words the finder could not type ("handed the chairmanship to Taras Levchuk": no place), which is
// a person's from now on.
// namedPerson is personNamed for a ref the rule found itself.
func (c *sentenceContext) namedPerson(r ref) (ref, bool) {
	if r.kind == events.KindPerson {
		return r, true
	}
	if n := len(strings.Fields(r.name)); r.kind != "" || n < 2 || n > 4 || allCaps(r.name) {
		return ref{}, false
	}
	r.kind, c.d.kinds[r.id] = events.KindPerson, events.KindPerson
	c.d.rememberPerson(r.name, r.id)
	return r, true
}

func (c *sentenceContext) personNamed(g int) (ref, bool) {
	r, ok := c.one(g)
	if !ok || r.kind == events.KindPerson {
		return r, ok && r.kind == events.KindPerson
	}
	if n := len(strings.Fields(r.name)); r.kind != "" || n < 2 || n > 4 || allCaps(r.name) {
		return ref{}, false
	}
	r.kind, c.d.kinds[r.id] = events.KindPerson, events.KindPerson
	c.d.rememberPerson(r.name, r.id)
	return r, true
}

// personRefs returns the persons among refs.
func (c *sentenceContext) personRefs(refs []ref) []ref {
	var out []ref
	for _, r := range refs {
		if r.kind == events.KindPerson {
			out = append(out, r)
		}
	}
	return out
}

// persons returns the ids of the persons among refs.
func (c *sentenceContext) persons(refs []ref) []events.EntityID {
	var out []events.EntityID
	for _, r := range refs {
		if r.kind == events.KindPerson {
			out = append(out, r.id)
		}
	}
	return out
}

// sameEntity makes n another name of p: the sentence's refs to n, and the names the document gave n,
// stand for p from now on.
func (c *sentenceContext) sameEntity(n, p ref) {
	for key, id := range c.d.aliases {
		if id == n.id {
			c.d.aliases[key] = p.id
		}
	}
	c.d.aliases[events.NameKey(n.name)] = p.id
	for i := range c.refs {
		if c.refs[i].id == n.id {
			c.refs[i].id, c.refs[i].kind = p.id, p.kind
		}
	}
}

func (c *sentenceContext) partyName(p ref) string {
	if base, ok := c.d.qualified[events.NameKey(p.name)]; ok {
		return base // "Argentina's Partido Federal del Trabajo, founded in 1955": the PFT's founding
	}
	if p.name != "" && !allCaps(p.name) {
		return p.name
	}
	if p.id != c.d.subject && c.d.current[p.id] == "" {
		for _, r := range c.refs {
			if r.id == p.id && r.name != "" && !allCaps(r.name) {
				return r.name // "the Popular Agrarian Party … had founded it in 1949"
			}
		}
	}
	return c.d.nameOf(p.id)
}

func (c *sentenceContext) founded(p ref, by []ref) {
	if day := c.d.infoboxFounding(); p.id != c.d.subject && p.name != "" && c.d.fresh[p.id] &&
		len(day) == len("2006-01-02") && c.date().edtf == day {
		// "Some two hundred delegates … on 1 May 1922 founded the Smallholders' Workers' League", in
		// the article of a party its infobox says was founded on 1 May 1922: that party, under the
		// name it had first.
		c.sameEntity(p, ref{id: c.d.subject, kind: events.KindParty})
		name := p.name
		p = ref{id: c.d.subject, kind: events.KindParty, name: name}
		c.d.current[p.id] = name
	}
	payload := events.PartyFounded{Name: c.d.nameBefore(p.id, c.partyName(p), c.date().edtf), Founders: c.persons(by)}
	for _, r := range by {
		if r.kind == events.KindOrganisation || r.kind == events.KindParty {
			payload.By = r.id
			break
		}
	}
	if c.add(p.id, "", payload) >= 0 && p.id == c.d.subject && c.d.current[p.id] == "" &&
		events.NameKey(payload.Name) != events.NameKey(titleName(c.d.doc.Title)) {
		c.d.current[p.id] = payload.Name // founded under another name: its name until a rename
	}
}

// nameBefore returns the name a party had on date, given name, the one the text calls it by now: the
// name a rename the text told already gave up, when that rename came after date ("was refounded in
// 2001 as NUPA … UPA was established in 1984": founded as UPA, not NUPA).
func (d *drafter) nameBefore(party events.EntityID, name, date string) string {
	at, err := events.ParseDate(date)
	if err != nil || at.Unknown() {
		return name
	}
	for i := len(d.facts) - 1; i >= 0; i-- {
		r, ok := d.facts[i].Payload.(events.PartyRenamed)
		if !ok || d.facts[i].Entity != party || r.From == "" || events.NameKey(r.To) != events.NameKey(name) || d.facts[i].Date.Unknown() {
			continue
		}
		if d.facts[i].Date.Earliest() > at.Latest() {
			name = r.From
		}
	}
	return name
}

// merged drafts that members merged to form p.
func (c *sentenceContext) merged(p ref, members []ref) {
	if ids := c.members(p, members); len(ids) > 0 {
		c.add(p.id, "", events.PartyMerged{Members: ids})
	}
}

// mergedInto drafts that members merged into p, a party that existed before them ("the PNA merged
// into the Movement for Socialism"): the merger does not found p.
func (c *sentenceContext) mergedInto(p ref, members []ref) {
	if ids := c.members(p, members); len(ids) > 0 {
		c.add(p.id, "", events.PartyMerged{Members: ids, Absorbed: true})
	}
}

func (c *sentenceContext) members(p ref, members []ref) []events.EntityID {
	var ids []events.EntityID
	for _, m := range members {
		if (m.kind == events.KindParty || m.kind == events.KindOrganisation) && m.id != p.id {
			ids = append(ids, m.id)
		}
	}
	return ids
}

// office drafts that person took an office in party. A term written "from A to B" is two facts: the
// office taken at A and left at B. withTerm says whether the match may hold such a term.
func (c *sentenceContext) office(party, person events.EntityID, role string, withTerm bool) int {
	dt := c.date()
	if from, ok := strings.CutSuffix(dt.edtf, "/.."); ok && !strings.Contains(from, "/") {
		// "has led the party since 2015": taken in 2015.
		return c.add(party, from, events.LeaderTookOffice{Office: events.Office{Person: person, Role: role}})
	}
	if until, ok := strings.CutPrefix(dt.edtf, "../"); ok && dt.start >= c.match[1] && untilWordRE.MatchString(c.sk[dt.start:dt.end]) && !strings.Contains(until, "/") {
		dt.edtf = until // "led the party until 2004": the date's own "until"
		dt.start = dt.end
	}
	if dt.start >= c.match[1] && (untilBeforeRE.MatchString(c.sk[c.match[1]:dt.start]) || untilWordRE.MatchString(c.sk[c.match[1]:dt.start]) || untilWordRE.MatchString(c.sk[dt.start:dt.end])) && !strings.Contains(dt.edtf, "/") {
		// "took over as acting leader, until a congress on 20 January 1955 chose another", "led
		// the party as interim president until she returned in September": held until that day,
		// taken before it; "from its foundation until …": taken when the party was founded.
		office := events.Office{Person: person, Role: role}
		from := "../" + dt.edtf
		if founded := c.d.foundingDate(party); founded != "" && fromFoundationRE.MatchString(c.sk[c.match[0]:dt.start]) {
			from = founded
		} else if before := c.dateBefore(); c.d.carried != "" && (thenRE.MatchString(c.sk[c.match[0]:c.match[1]]) || heldUntilRE.MatchString(c.sk[c.match[1]:dt.start]) || events.Provisional(role) && c.d.departedOn(c.d.carried)) &&
			c.d.carried <= dt.edtf && !strings.Contains(c.d.carried, "/") && (before == "" || before <= c.d.carried) {
			// "X and Y then led the party until 2004", "… became co-chairpersons of the new party, an
			// arrangement that lasted until 2019", "His deputy served as acting chairwoman until …"
			// after a leader's death or departure: from the time told before.
			from = c.d.carried
		} else if before := c.dateBefore(); before != "" && before <= dt.edtf {
			from = before // "X stepped down in 1993; the council chose Y to replace him, and she remained until 1999"
		}
		i := c.add(party, from, events.LeaderTookOffice{Office: office})
		c.add(party, dt.edtf, events.LeaderLeftOffice{Office: office})
		return i
	}
	if withTerm {
		if from, to, ok := strings.Cut(dt.edtf, "/"); ok && from != ".." && to != ".." && termRE.MatchString(c.sk[c.match[0]:max(c.match[1], min(dt.end, len(c.sk)))]) {
			i := c.add(party, from, events.LeaderTookOffice{Office: events.Office{Person: person, Role: role}})
			c.add(party, to, events.LeaderLeftOffice{Office: events.Office{Person: person, Role: role}})
			return i
		}
	}
	return c.add(party, "", events.LeaderTookOffice{Office: events.Office{Person: person, Role: role}})
}

// calledBeforeRE matches a verb of naming right before "its leader X": what someone called the leader.
var calledBeforeRE = regexp.MustCompile(`\b(?:called|named|styled|dubbed|spelled|spelt|wrote|transliterated|rendered)\s+$`)

// exceptRE matches the words before the one party a statement about all parties leaves out: "all
// parties other than the".
var exceptRE = regexp.MustCompile(`\b(?:other\s+than|except(?:\s+for)?|apart\s+from|save(?:\s+for)?|but|excluding|with\s+the\s+exception\s+of)\s+(?:the\s+)?$`)

// departedOn reports whether the text told a leader's departure, or a death, on date.
func (d *drafter) departedOn(date string) bool {
	for _, f := range d.facts {
		switch f.Payload.(type) {
		case events.LeaderLeftOffice, events.PersonDied:
			if f.Date.String() == date {
				return true
			}
		}
	}
	return false
}

// heldUntilRE matches a clause after an office that says how long it was held: ", an arrangement that
// lasted until", ", a post she held until", "and served until".
var heldUntilRE = regexp.MustCompile(`^(?:,\s+|\s+and\s+)[^;]*?\b(?:lasted|held|kept|remained|continued|served)\b[^;]*\buntil\b`)

// lastPartyBefore returns the last party the sentence names before offset at, or the topic.
func (c *sentenceContext) lastPartyBefore(at int) events.EntityID {
	if r, ok := c.lastBefore(at, events.KindParty); ok {
		return r.id
	}
	return c.d.topic
}

// lastBefore returns the last entity of a kind the sentence names before offset at.
func (c *sentenceContext) lastBefore(at int, kind events.Kind) (ref, bool) {
	var out ref
	found := false
	for _, m := range markerRE.FindAllStringSubmatchIndex(c.sk[:at], -1) {
		n, _ := strconv.Atoi(c.sk[m[2]:m[3]])
		if n < len(c.refs) && c.refs[n].kind == kind {
			out, found = c.refs[n], true
		}
	}
	return out, found
}

// subjectPersons returns the persons listed right before offset at ("A, B and C founded"), the
// subject of the verb there; none when other words stand between.
func (c *sentenceContext) subjectPersons(at int) []ref {
	m := subjectListRE.FindStringIndex(c.sk[:at])
	if m == nil {
		return nil
	}
	var out []ref
	for _, x := range markerRE.FindAllStringSubmatch(c.sk[m[0]:m[1]], -1) {
		n, _ := strconv.Atoi(x[1])
		if n < len(c.refs) {
			if c.refs[n].kind == events.KindPerson {
				out = append(out, c.refs[n])
			}
		}
	}
	return out
}

// leavers returns the persons who lead the subject of a verb of leaving at at: the subject itself
// ("⟦0⟧ and ⟦1⟧ left"), the leader of a group ("a group led by ⟦0⟧ left") or the one whose followers
// left ("⟦0⟧'s supporters quit").
func (c *sentenceContext) leavers(at int) []ref {
	if refs := c.subjectPersons(at); len(refs) > 0 {
		return refs
	}
	before := c.sk[strings.LastIndex(c.sk[:at], ";")+1 : at]
	m := ledByFactionRE.FindStringSubmatchIndex(before)
	if m == nil {
		m = followersOfRE.FindStringSubmatchIndex(before)
	}
	if m == nil {
		return nil
	}
	if r, ok := c.refAt(before[m[2]:m[3]]); ok && r.kind == events.KindPerson {
		return []ref{r}
	}
	return nil
}

// registeredForRE matches what follows "registered" when a party registered its list or candidates
// for an election, not itself: "registered to contest the election", "registered for the 2008 poll".
var registeredForRE = regexp.MustCompile(`^\s+(?:[^⟦;,]*?\s+)?(?:to\s+(?:contest|run|stand|take\s+part|participate)|for\s+(?:the\s+|its\s+|an?\s+)?(?:[\w-]+\s+){0,3}?(?:election|elections|poll|polls|vote|ballot|race|contest|\d{4}))\b`)

// authorityBefore reports whether the words before at end with an authority that keeps a register,
// the subject of its verb: "the Ministry of Justice", "the electoral commission" ("the four
// registered the Democrat Party" were its founders).
func (c *sentenceContext) authorityBefore(at int) bool {
	if id, named := c.bodyBefore(at); named {
		return id != ""
	}
	return authorityEndRE.MatchString(c.sk[:at])
}

// bodyBefore returns the organisation named right before at, the subject of the verb there ("the
// Ministry of the Interior granted"), or "" when the name there is of something else; named reports
// whether a name stands there at all.
func (c *sentenceContext) bodyBefore(at int) (id events.EntityID, named bool) {
	m := markerEndRE.FindStringSubmatch(c.sk[:at])
	if m == nil {
		return "", false
	}
	r, ok := c.refAt(m[1])
	if !ok {
		return "", false
	}
	if r.kind == events.KindOrganisation {
		return r.id, true
	}
	return "", true
}

var (
	markerEndRE    = regexp.MustCompile(`(⟦\d+⟧)\s+(?:(?:officially|formally|finally|duly|then|later)\s+)?$`)
	authorityEndRE = regexp.MustCompile(`(?i)\b(?:board|commission|committee|ministry|court|authorities|registrar|government|tribunal|council|office|commissioner)\s+(?:(?:officially|formally|finally|duly|then|later)\s+)?$`)
)

// registeredAsNameRE matches the name a body registered a party under, right after it: " as the ⟦3⟧".
var registeredAsNameRE = regexp.MustCompile(`^\s+as\s+(?:the\s+)?(⟦\d+⟧)`)

// grantedRE matches the words of a registration an authority granted: "granted the party legal status".
var grantedRE = regexp.MustCompile(`^(?:granted|gave|accorded)\b`)

// asAPartyRE matches what makes a body's recognition a registration: "as a political party".
var asAPartyRE = regexp.MustCompile(`^\s+as\s+an?\s+(?:political\s+|legal\s+)?party\b`)

// registration drafts that body by registered party p, or, when the words the rule matched say
// "again" ("obtained registration again", "was entered in the register again"), that p was legal
// again.
func (c *sentenceContext) registration(p ref, by events.EntityID) {
	if againRE.MatchString(c.sk[c.match[0]:c.match[1]]) || againNextRE.MatchString(c.sk[c.match[1]:]) {
		c.add(p.id, "", events.PartyRestored{Means: "re-registered"})
		return
	}
	c.add(p.id, "", events.PartyRegistered{By: by})
}

// againNextRE matches "again" right after a verb: "was registered again".
var againNextRE = regexp.MustCompile(`^\s+(?:once\s+)?again\b`)

// pardoner returns the id of submatch g when it names who pardons: a person (a head of state) or a
// body (a court, a government); "" for none.
func (c *sentenceContext) pardoner(g int) events.EntityID {
	if r, ok := c.one(g); ok && r.kind == events.KindPerson && r.id != "" {
		return r.id
	}
	return c.body(g)
}

// toldHeadOfGovernment reports whether the sentence before named person a head of government, the
// office and the person's name close together: "Péter Medgyessy, the prime minister they put forward".
func (d *drafter) toldHeadOfGovernment(person events.EntityID) bool {
	words := strings.Fields(d.nameOf(person))
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	for _, m := range headOfGovernmentRE.FindAllStringIndex(d.prevText, -1) {
		near := d.prevText[max(0, m[0]-60):min(len(d.prevText), m[1]+60)]
		if strings.Contains(near, last) {
			return true
		}
	}
	return false
}

// headOfGovernmentRE matches the offices of a state's head or its government, whose holders one
// replaces in the state's office rather than the party's.
var headOfGovernmentRE = regexp.MustCompile(`(?i)\b(?:prime\s+minister|premier|chancellor|head\s+of\s+(?:government|state)|president\s+of\s+the\s+(?:republic|country))\b`)

// leftForWhereRE finds a person and the place they left for, told before a clause on their life
// there: "⟦0⟧ left for ⟦2⟧, where".
var leftForWhereRE = regexp.MustCompile(`(⟦\d+⟧)\s+(?:\w+\s+){0,2}?(?:left|fled|went|moved|escaped)\s+(?:for|to)\s+(?:the\s+)?(⟦\d+⟧),\s+where\s`)

// notDoneRE matches the end of the words before a verb that make it what was meant, not done: "to
// quit", "would leave".
var notDoneRE = regexp.MustCompile(`\b(?:to|would|will|could|might|may|should)\s+$`)

// followersOfRE matches a person's followers as the subject of a verb: "⟦0⟧'s supporters".
var followersOfRE = regexp.MustCompile(`(⟦\d+⟧)['’]s\s+(?:supporters|followers|faction|allies|wing|loyalists)\s+(?:\w+\s+)?$`)

// theirDeath matches a person's death in a possessive: "his death", "her sudden death".
const theirDeath = `(?:his|her|their)\s+(?:own\s+|sudden\s+|early\s+)?death\b`

var subjectListRE = regexp.MustCompile(`⟦\d+⟧(?:(?:,\s*|,?\s+and\s+)⟦\d+⟧)*\s+(?:(?:then|later|also|soon|jointly|together)\s+)?$`)

// ledByFactionRE matches the leader of a faction: "led by ⟦3⟧".
var ledByFactionRE = regexp.MustCompile(`\b(?:led|headed)\s+by\s+(⟦\d+⟧)`)

// listWordRE matches the words that introduce the name of a joint list or an alliance: "a joint list,".
var listWordRE = regexp.MustCompile(`\b(?:joint\s+list|alliance|coalition|bloc|electoral\s+list),?\s+(?:the\s+)?⟦`)

// officeOfPost is the office a word for a post names: "the chairmanship" is a chairman's.
var officeOfPost = map[string]string{"chairmanship": "chairman", "chair": "chairman", "presidency": "president", "leadership": "leader"}

var (
	diedAfterAndRE   = regexp.MustCompile(`^[^⟦]*,\s+and\s+(?:(?:later|then|soon|eventually)\s+)?(?:died|was\s+killed|was\s+assassinated|was\s+executed|was\s+shot)$`)
	whenBeforeRE     = regexp.MustCompile(`\b(?:when|until|before|after|by\s+the\s+time)\s+$`)
	untilBeforeRE    = regexp.MustCompile(`\buntil\b[^;]*$`)
	asNextRE         = regexp.MustCompile(`^\s+(?:[^⟦;,]*?\s+)?as\s+(?:the\s+)?⟦`)
	untilDeathRE     = regexp.MustCompile(`^\s+` + theirDeath)
	ledElsewhereRE   = regexp.MustCompile(`^\s+(?:until|back|to|into|out|through|in\s+(?:the|a)\s)`)
	throughYearsRE   = regexp.MustCompile(`^\s+through(?:out)?\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?\d`)
	ledDuringRE      = regexp.MustCompile(`^\s+(?:[^⟦;]*?\s+)?(?:through|throughout|during|in)\s+(?:the\s+)?$`)
	refoundingRE     = regexp.MustCompile(`\bre-(?:founded|formed|established|created)\b`)
	untilWordRE      = regexp.MustCompile(`(?i)^\s*(?:until|till)\b`)
	thenRE           = regexp.MustCompile(`\b(?:then|thereafter|subsequently)\b`)
	untilHisDeathRE  = regexp.MustCompile(`\buntil\s+` + theirDeath)
	fromFoundationRE = regexp.MustCompile(`\bfrom\s+(?:its|the\s+party's|their|the)\s+(?:foundation|founding|creation|formation|inception|establishment|start|beginning|outset)\b`)
	ledSpanRE        = regexp.MustCompile(`\b(?:led|headed|chaired)\s+(?:from|between)\s`)
	termRE           = regexp.MustCompile(`(?i)\b(?:from|between)\b`)
	ministerRE       = regexp.MustCompile(`(?i)prime\s+minister|premier|minister`)
	toFormRE         = regexp.MustCompile(`^[^;.]*?\bto\s+form\b`)
	ofUnnamedRE      = regexp.MustCompile(`^\s+of\s+(?:its|the|a|their)\s+[a-z]`)
	andRE            = regexp.MustCompile(`,\s+and\s+`)
	seatsRE          = regexp.MustCompile(`(?i)\b(\d[\d,]*|no|a\s+single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:of\s+the\s+\d[\d,]*\s+|out\s+of\s+\d[\d,]*\s+)?(?:\w+\s+)?(?:seats?|deputies|members|MPs|representatives|senators|legislators)\b`)
	lostRE           = regexp.MustCompile(`(?i)\b(?:lost|lose|losing|lost\s+(?:all\s+)?(?:its|their|the|all|his|her))\s+(?:all\s+)?(?:of\s+(?:its|their|the)\s+)?$`)
	percentRE        = regexp.MustCompile(`(\d+(?:\.\d+)?)\s?(%|per\s?cent|percent)`)
	votesRE          = regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d{4,})\s+votes`)
	electionRE       = regexp.MustCompile(`(?i)\b(?:the\s+)?(\d{4})\s+((?:general|parliamentary|legislative|presidential|national|local|communal|municipal|regional|european|constituent\s+assembly|snap|federal|state|duma)\s+)?elections?\b|\belections?\s+(?:of|in)\s+(\d{4})\b`)
)

// candidatesElectedRE matches the seats a party won told by its candidates, or its seats lost.
var candidatesElectedRE = regexp.MustCompile(`\b([\w-]+)\s+of\s+(?:its|their|the\s+party's)\s+(?:[\w-]+\s+)?candidates\s+(?:were\s+elected|won\b)|\bnone\s+of\s+(?:them|its\s+candidates|their\s+candidates)\s+(?:was|were)\s+elected\b|\blost\s+(?:all\s+)?(?:its|their)\s+(?:parliamentary\s+representation|seats|last\s+seats?)\b`)

// candidatesSeats returns the seats candidatesElectedRE finds in s ("0" for none, or for seats
// lost), or "".
func candidatesSeats(s string) string {
	m := candidatesElectedRE.FindStringSubmatch(s)
	switch {
	case m == nil:
		return ""
	case m[1] == "":
		return "0"
	}
	if n, ok := countWord(m[1]); ok {
		return strconv.Itoa(n)
	}
	return ""
}

// candidatesElected drafts the result a sentence tells by the party's candidates elected: at the
// election the sentence names, or in the year it gives.
func (c *sentenceContext) candidatesElected() {
	seats := candidatesSeats(c.sk[c.match[0]:])
	if seats == "" {
		return
	}
	year, kind := "", "general"
	if m := electionRE.FindStringSubmatch(c.sk); m != nil {
		year = m[1] + m[3]
		if k := strings.TrimSpace(strings.ToLower(m[2])); k != "" {
			kind = k
		}
	}
	date := c.date().edtf
	if strings.Contains(date, "/") || strings.ContainsAny(date, "X") || len(date) < 4 {
		date = ""
		for _, dt := range c.dates {
			if dt.end <= c.match[0] && !strings.ContainsAny(dt.edtf, "/X") {
				date = dt.edtf // "fielded candidates in the election of March 1980, but none of them was elected"
			}
		}
	}
	if year == "" && date != "" {
		year = date[:4]
	}
	if year == "" {
		return
	}
	if !strings.HasPrefix(date, year) {
		date = year
	}
	res := events.ElectionResult{Election: year + " " + kind + " election", Level: events.LevelGeneral, Seats: seats}
	if kind == "local" || kind == "communal" || kind == "municipal" {
		res.Level = events.LevelCommunal
	}
	c.add(c.lastPartyBefore(c.match[0]), date, res)
}

// shareMovedRE matches a share of the vote told as where it moved to: "its vote fell to 1.6%".
var shareMovedRE = regexp.MustCompile(`\b(?:vote|share(?:\s+of\s+the\s+vote)?|support)\s+(?:fell|rose|dropped|increased|declined|grew|slipped|climbed|jumped|sank|recovered)\s+to\s+(\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)`)

// seatsIn returns the seats a result's words give: the number as written ("27", "four"), 0 for "no
// seats", 1 for "a single seat"; seats lost are no result ("lost two seats"), and "" when none is
// given.
func seatsIn(what string) string {
	for _, m := range seatsRE.FindAllStringSubmatchIndex(what, -1) {
		if lostRE.MatchString(what[:m[0]]) {
			continue
		}
		n := strings.ToLower(what[m[2]:m[3]])
		switch {
		case n == "no":
			return "0"
		case strings.HasPrefix(n, "a"):
			return "1"
		case n[0] >= '0' && n[0] <= '9':
			return what[m[2]:m[3]]
		}
		if d, ok := numberWords[n]; ok {
			return d // "four seats": 4, as a table writes it
		}
		return n
	}
	return ""
}

// numberWords are the numbers prose writes in words, as figures.
var numberWords = map[string]string{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
	"fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100"}

// objectBeforeRE matches the words that make the name after them an object, not the subject of the
// verb that follows: "left the", "ran with the".
var objectBeforeRE = regexp.MustCompile(`\b(?:left|joined|quit|entered|with|against|from|over|than|within|behind|under)\s+(?:the\s+)?$`)

// wonSeatsRE matches the verbs that tell seats won at the polls, where the sentence names no election.
var wonSeatsRE = regexp.MustCompile(`\b(?:won|winning|gained|obtained|secured|captured|returned|elected)\b`)

// election drafts an election result told in a sentence: "In the 1990 election the party won 78
// seats with 32.1% of the vote".
func (c *sentenceContext) election() {
	p, ok := c.party(1)
	if !ok {
		return
	}
	if objectBeforeRE.MatchString(c.sk[:c.match[2]]) {
		// "the league left the SKDL and ran its own list again, winning a single seat", "ran with
		// the Egyptian Bloc instead, winning five seats": the party the sentence is about won them.
		subject, ok := sentenceSubject(c.sk, c.refs)
		if !ok || subject.kind != events.KindParty {
			subject, ok = ref{id: c.d.topic, kind: events.KindParty}, true
		}
		p = subject
	}
	what := c.group(2)
	if prefix := c.sk[c.match[3]:c.match[4]]; resultVerbRE.MatchString(prefix) {
		// "received 0.31% of the vote and won no seats": the figures of both verbs.
		what = prefix + what
	}
	if !strings.Contains(strings.ToLower(c.sk), "election") && !strings.Contains(strings.ToLower(c.sk), "vote") &&
		!(wonSeatsRE.MatchString(c.sk[c.match[0]:c.match[1]]) && seatsIn(what) != "") {
		return // "held 12 seats" is no result; "won 12 seats in 1997" is one, the year's election
	}
	res := events.ElectionResult{Level: events.LevelGeneral}
	year, kind := "", "general"
	if m := electionRE.FindStringSubmatch(c.sk[c.match[0]:c.match[1]]); m != nil {
		year = m[1] + m[3]
		if k := strings.TrimSpace(strings.ToLower(m[2])); k != "" {
			kind = k
		}
	}
	if year == "" {
		// "The 1956 general election was the party's high point: it took 14 seats": the election the
		// sentence named just before the words, with no other time and no ";" between.
		before := c.sk[:c.match[0]]
		if all := electionRE.FindAllStringSubmatchIndex(before, -1); len(all) > 0 {
			m := all[len(all)-1]
			between := !yearRE.MatchString(before[m[1]:]) && !strings.Contains(before[m[1]:], ";")
			for _, dt := range c.dates {
				if dt.start >= m[1] && dt.end <= c.match[0] {
					between = false // "…; three years later it became …": a time of its own
				}
			}
			if between {
				for g := 1; g <= 3; g += 2 {
					if m[2*g] >= 0 {
						year = before[m[2*g]:m[2*g+1]]
					}
				}
				if m[4] >= 0 {
					if k := strings.TrimSpace(strings.ToLower(before[m[4]:m[5]])); k != "" {
						kind = k
					}
				}
			}
		}
	}
	dt := c.date()
	if strings.Contains(dt.edtf, "/") {
		// "In April 2006 the MSZP became the first governing party since 1990 to win re-election":
		// a span is no election's time; the time the sentence names before is.
		if before := c.dateBefore(); before != "" {
			dt.edtf = before
		}
	}
	if year == "" && len(dt.edtf) >= 4 && !strings.ContainsAny(dt.edtf[:4], "X.") {
		if strings.HasSuffix(dt.edtf, "/..") {
			return // "Since 2007 Yabloko has won no seats": a span of elections, none named
		}
		year = dt.edtf[:4]
	}
	if year == "" {
		return
	}
	if kind == "local" || kind == "communal" || kind == "municipal" {
		res.Level = events.LevelCommunal
	}
	res.Election = year + " " + kind + " election"
	res.Seats = seatsIn(what)
	if m := percentRE.FindStringSubmatch(what); m != nil {
		res.Percent = m[1] + "%"
	}
	if m := votesRE.FindStringSubmatch(what); m != nil {
		res.VotesText = m[1]
		res.Votes, _ = Number(m[1])
	}
	if c.rule == "no-seats" {
		res.Seats = "0" // "failed to win any seats"
	}
	if m := shareMovedRE.FindStringSubmatch(c.sk); res.Percent == "" && m != nil {
		res.Percent = m[1] + "%" // "the party's vote fell to 1.6% and it won two seats"
	}
	if res.Seats == "" {
		res.Seats = candidatesSeats(c.sk) // "took 1.23% of the vote, but two of its candidates won single-member seats"
	}
	if res.Seats == "" && res.Percent == "" && res.VotesText == "" {
		return
	}
	date := year
	figures := c.match[1] // where the figures the rule read begin: its first group, or its end
	if len(c.match) > 4 && c.match[4] >= 0 {
		figures = c.match[4]
	}
	_, ce := clauseOf(c.sk, figures, min(figures+1, len(c.sk)))
	for _, dt := range c.dates {
		// "… boycotted the February 1996 election and won no seats in June 1996": the month the
		// figures themselves are told in, after them in their clause.
		if dt.start >= figures && dt.end <= ce && strings.HasPrefix(dt.edtf, year+"-") && !strings.Contains(dt.edtf, "/") {
			date = dt.edtf
			break
		}
	}
	for _, dt := range c.dates {
		if date != year {
			break
		}
		// "At the general election of 27 February 1991 it won three seats": the election's day.
		before := c.sk[:dt.start]
		if w := c.sk[dt.start:dt.end]; strings.HasPrefix(w, "of ") || strings.HasPrefix(w, "on ") {
			before = c.sk[:dt.start+3] // the date's words may begin with its preposition
		}
		if strings.HasPrefix(dt.edtf, year+"-") && !strings.Contains(dt.edtf, "/") && (electionDayRE.MatchString(before) || electionAfterRE.MatchString(c.sk[dt.end:])) {
			date = dt.edtf // "the general election of 27 February 1991", "the July 1985 general election"
			break
		}
	}
	c.add(p.id, date, res)
	// "in which the NRP received 1.9% and the PRG 1.4% of the party-list vote": the second party's
	// share at the same election.
	if m := secondShareRE.FindStringSubmatch(c.sk[c.match[4]:]); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n < len(c.refs) && c.refs[n].kind == events.KindParty && c.refs[n].id != "" && c.refs[n].id != p.id {
			second := events.ElectionResult{Election: res.Election, Level: res.Level, Percent: m[2] + "%"}
			c.add(c.refs[n].id, date, second)
		}
	}
}

// electionAfterRE matches an election right after its month or day: "July 1985 general election".
var electionAfterRE = regexp.MustCompile(`^\s+(?:[\p{L}-]+\s+){0,2}?(?:elections?|polls?|ballot|vote)\b`)

// secondShareRE matches a second party's share after a result: " and the ⟦2⟧ 1.4%".
var secondShareRE = regexp.MustCompile(`^[^;⟦]*?\band\s+(?:the\s+)?⟦(\d+)⟧\s+(\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)`)

// positionWords are the words for where a party stands, as a source writes them.
var positionWords = map[string]bool{"far-left": true, "left-wing": true, "centre-left": true, "center-left": true,
	"centrist": true, "centre": true, "center": true, "centre-right": true, "center-right": true, "right-wing": true,
	"far-right": true, "big-tent": true, "left": true, "right": true, "radical-left": true, "radical-right": true}

// ideologyWordRE matches the last word of an ideology told as an adjective: "conservative",
// "regionalist", "agrarian", "social democratic", "national-conservative", "indigenista".
var ideologyWordRE = regexp.MustCompile(`(?i)(?:^|[\s-])(?:[a-z]*ist|conservative|liberal|democratic|agrarian|green|progressive|radical|republican|secular|libertarian|eurosceptic|pro-european|islamic|christian|indigenista|ecological|environmental|revolutionary|reactionary)$`)

// notIdeology are adjectives a party's description uses that say nothing of its ideas.
var notIdeology = map[string]bool{"minor": true, "major": true, "small": true, "defunct": true,
	"former": true, "banned": true, "new": true, "main": true, "largest": true, "registered": true, "ruling": true,
	"governing": true, "opposition": true, "exiled": true, "underground": true, "clandestine": true, "leading": true}

// describedAs drafts a party's position and ideology from the words that describe it ("a
// regionalist, centre-left political party"), when its infobox gives none: each word of position
// ("centre-left") is its position, the rest that name ideas ("regionalist", "liberal conservative")
// its ideology, as written. A description of a demonym or of size alone ("a Cambodian political
// party", "a minor party") drafts nothing.
func (c *sentenceContext) describedAs() {
	p, ok := c.party(1)
	if !ok || p.id != c.d.topic {
		return
	}
	_, hasIdeology := c.d.infoboxField("Ideology")
	_, hasPosition := c.d.infoboxField("Political position", "Position")
	var ideologies []string
	position := ""
	for _, item := range describedItemSepRE.Split(strings.TrimSpace(c.raw(2)), -1) {
		item = strings.TrimSpace(item)
		for {
			first, rest, ok := strings.Cut(item, " ")
			if !ok || !notIdeology[strings.ToLower(first)] {
				break
			}
			item = rest // "minor Christian democratic": the ideas, not the size
		}
		w := strings.ToLower(item)
		switch {
		case item == "" || notIdeology[w] || isCap(item) && !ideologyWordRE.MatchString(item):
			// "Cambodian": a demonym, not an idea
		case positionWords[w] || positionWords[strings.ReplaceAll(w, " ", "-")]:
			if position == "" {
				position = item
			}
		case ideologyWordRE.MatchString(item):
			ideologies = append(ideologies, item)
		}
	}
	if position != "" && !hasPosition {
		c.add(p.id, "XXXX", events.PartyPosition{Position: position})
	}
	if len(ideologies) > 0 && !hasIdeology {
		c.add(p.id, "XXXX", events.PartyIdeology{Ideologies: ideologies})
	}
}

// ideaSepRE parts the ideas a sentence lists: commas, "and", "with" ("combines agrarianism with
// Christian democracy").
var ideaSepRE = regexp.MustCompile(`,\s+|\s+and\s+|\s+with\s+|\s+as\s+well\s+as\s+`)

// ideaRE matches an idea a party holds: at most three words ending in a word in -ism ("democratic
// socialism", "eco-socialism"), or a kind of democracy ("Christian democracy").
var ideaRE = regexp.MustCompile(`(?i)^(?:[\p{L}-]+\s+){0,2}(?:[\p{L}-]*ism|[\p{L}-]+\s+democracy)$`)

// notIdeas are words in -ism that name no idea a party holds.
var notIdeas = map[string]bool{"terrorism": true, "tourism": true, "journalism": true, "criticism": true, "mechanism": true,
	"organism": true, "optimism": true, "pessimism": true, "favouritism": true, "favoritism": true, "clientelism": true,
	"nepotism": true, "vandalism": true, "activism": true, "absenteeism": true, "alcoholism": true, "racism": true}

// isIdea reports whether item names an idea a party holds.
func isIdea(item string) bool {
	if !ideaRE.MatchString(item) || strings.HasPrefix(strings.ToLower(item), "the ") {
		return false
	}
	words := strings.Fields(strings.ToLower(item))
	return !notIdeas[words[len(words)-1]]
}

// officeBody returns the body of an office the sentence tells: the party or body of submatch g
// ("the League's first chairman"), or else the party named last before the words; false when
// submatch g names something else (a person, a place).
func (c *sentenceContext) officeBody(g int) (events.EntityID, bool) {
	if p, ok := c.one(g); ok {
		return p.id, p.kind == events.KindParty || p.kind == events.KindOrganisation
	}
	return c.lastPartyBefore(c.match[0]), true
}

// allianceFormed drafts that the alliance org (submatch 2) was founded and that the parties of
// submatches 1 and 3 joined it, the last the one a later "left the alliance" leaves.
func (c *sentenceContext) allianceFormed(org ref) {
	if org.kind != events.KindParty { // "a joint list, Ihud VeTzedek": the list's name, no person's
		if org.kind == "" {
			c.d.fresh[org.id] = true // "an electoral alliance, the "Motherland" coalition": a body, the words say
		}
		var made bool
		if org, made = c.newParty(2); !made {
			return
		}
	}
	c.add(org.id, "", events.PartyFounded{Name: c.partyName(org)})
	for _, m := range append(c.refsIn(1), c.refsIn(3)...) {
		if m.kind == events.KindParty && m.id != "" && m.id != org.id {
			c.add(m.id, "", events.PartyAffiliation{Kind: "member", Organisation: org.id})
			c.d.joinedBody, c.d.joiner = org.id, m.id
		}
	}
}

// allianceNounAfterRE matches the noun after a name that makes it an alliance's: "the Homeland and
// Justice alliance".
var allianceNounAfterRE = regexp.MustCompile(`^\s+(?i:alliance|coalition|bloc|front|joint\s+list|electoral\s+list)\b`)

// personsBanned drafts that each person of refs was banned from politics, for the years submatch g
// counts (none: for life or for a term the words do not give).
func (c *sentenceContext) personsBanned(refs []ref, g int) {
	b := events.PersonBanned{}
	if n, ok := countWord(c.group(g)); ok {
		b.Years = n
	}
	for _, p := range c.persons(refs) {
		c.add(p, "", b)
	}
}

// officialsGroup matches the officials of a party a ban names: "executives", "senior party
// officials", "members of its executive board".
const officialsGroup = `(?:(?:senior|former|top|leading|executive|board|party|central|committee)\s+)*(?:executives|officials|leaders|board\s+members|members\s+of\s+(?:its|the(?:\s+party's)?)\s+(?:executive\s+)?(?:board|committee|politburo|executive)|executive\s+committee\s+members|committee\s+members)`

// fromPolitics matches what a ban from politics keeps its persons from.
const fromPolitics = `(?:(?:voting|contesting\s+elections?)\s+(?:or|and)\s+)?(?:politics|political\s+activit(?:y|ies)|(?:holding|seeking)\s+(?:any\s+)?(?:(?:public|political|elected|elective|party|state)\s+(?:or\s+(?:public|political|elected|elective|party|state)\s+)?)?offices?|(?:standing|running)\s+(?:for|in)\s+(?:public\s+|political\s+|elected\s+)?(?:office|elections?))`

// officialsBanned drafts the ban of a party's officials a rule matched: their number in the first of
// countGroups that gives one, who they are in group, and the years in yearsGroup.
func (c *sentenceContext) officialsBanned(countGroups []int, group, yearsGroup int) {
	party := c.lastPartyBefore(c.match[0])
	b := events.PartyOfficialsBanned{Group: c.raw(group)}
	for _, g := range countGroups {
		if n, ok := countWord(c.group(g)); ok {
			b.Count = n
		}
	}
	if n, ok := countWord(c.group(yearsGroup)); ok {
		b.Years = n
	}
	date := ""
	if c.date().edtf == "XXXX" {
		// "Additionally, 118 senior party officials were banned", "After its dissolution, twelve
		// of its executives were banned": with the ruling told before, or after the dissolution
		// told.
		if afterDissolutionRE.MatchString(c.sk[:c.match[0]]) {
			if d := c.d.dissolvedOn(party); d != "" {
				date = d + "/.."
			}
		} else if alongsideRE.MatchString(c.sk[:c.match[0]]) && c.d.carried != "" && !strings.Contains(c.d.carried, "/") {
			date = c.d.carried
		}
	}
	c.add(party, date, b)
}

// describedItemSepRE parts the words that describe a party: commas, "and", "or".
var describedItemSepRE = regexp.MustCompile(`,\s+|\s+and\s+|\s+or\s+`)

// infoboxField returns the value of the first of keys the document's infobox has.
// position drafts a place the running text gives the party, unless its infobox gives the same:
// "Scholars generally place it on the centre-left" beside an infobox's "Left-wing" is a second
// account of where it stood, not one to drop.
func (c *sentenceContext) position(party events.EntityID, place string) {
	if boxed, has := c.d.infoboxField("Political position", "Position"); has && samePlace(boxed, place) {
		return
	}
	c.add(party, "", events.PartyPosition{Position: place})
}

// samePlace reports whether an infobox's position names the place the running text gives: one of
// its places ("Centre-left to left-wing") is that place, "left" and "left-wing" alike.
func samePlace(boxed, place string) bool {
	norm := func(s string) string {
		s = strings.NewReplacer(" ", "-", "center", "centre").Replace(strings.ToLower(strings.TrimSpace(s)))
		return strings.TrimSuffix(s, "-wing")
	}
	for _, p := range positionSepRE.Split(boxed, -1) {
		if norm(p) == norm(place) {
			return true
		}
	}
	return false
}

// positionSepRE parts the places of an infobox's position: "Centre-left to left-wing", "Left / far-left".
var positionSepRE = regexp.MustCompile(`(?i)\s*(?:,|/|;|\bto\b|\band\b|\bor\b|\(|\))\s*`)

func (d *drafter) infoboxField(keys ...string) (string, bool) {
	if d.doc == nil || d.doc.Infobox == nil {
		return "", false
	}
	for _, k := range keys {
		if f, ok := d.doc.Infobox.Get(k); ok {
			return f.Value, true
		}
	}
	return "", false
}

// resultFigureRE matches one figure of a results list, at the start of an item: seats ("2 seats",
// "a single seat", "none", "no seats"), a share ("0.9%"), or both ("3.1% and 2 seats").
var resultFigureRE = regexp.MustCompile(`^(?:(\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)(?:\s+(?:of\s+the\s+vote\s+)?and\s+)?)?(?:(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+single|none|no)\b(?:\s+seats?)?)?`)

// resultYearRE matches the year an item of a results list gives its figure: "in 1990", "in each of
// the elections of 2012", "in the annulled election of November 2003", "at the 1996 election".
var resultYearRE = regexp.MustCompile(`^\s*(?:in\s+the\s+(?:\w+\s+)?⟦\d+⟧\s+)?(?:in\s+(?:each\s+of\s+)?(?:the\s+)?(?:\w+\s+)?(?:elections?\s+(?:of|in)\s+)?(?:[A-Z][a-z]+\s+)?|at\s+the\s+)(\d{4})\b`)

// resultSepRE matches what parts the items of a results list, with what an item tells after its
// year ("1 seat in 1996 as part of the Democratic Union, none in 2000"): up to a comma or an "and"
// before the next figure or year.
var resultSepRE = regexp.MustCompile(`^[^,;⟦]*?(?:⟦\d+⟧[^,;⟦]*?)*(?:,\s+and\s+|,\s+|\s+and\s+|\s+or\s+)`)

// bareYearRE matches an item of a results list that is a year alone: the figure before holds for it.
var bareYearRE = regexp.MustCompile(`^(\d{4})\b`)

// resultsList drafts each result of a list of them after a verb of winning: "won 2 seats in 1990,
// none in 1992, 1 seat in 1996 as part of the Democratic Union, none in 2000, 2004 and 2008". Each
// item gives a figure and a year, or only a year, for which the figure before it holds; the list
// ends at the first item that is neither. Lists of one item are the election rule's. "gaining no
// seats on either occasion" after a list of shares gives each of them no seats.
func (c *sentenceContext) resultsList() {
	p, ok := c.party(1)
	if !ok {
		return
	}
	rest := c.sk[c.match[1]:]
	if i := strings.IndexAny(rest, ";"); i >= 0 {
		rest = rest[:i]
	}
	rest = strings.TrimSuffix(strings.TrimSpace(rest), ".")
	type result struct{ year, seats, percent string }
	var out []result
	var seats, percent string
	seatsBefore := false // the item before gave seats: a bare number after it gives seats too
	for first := true; rest != ""; first = false {
		if !first {
			sep := resultSepRE.FindStringIndex(rest)
			if sep == nil {
				break
			}
			rest = rest[sep[1]:]
		}
		if m := bareYearRE.FindStringSubmatchIndex(rest); m != nil && !first && (seats != "" || percent != "") {
			out = append(out, result{rest[m[2]:m[3]], seats, percent})
			rest = rest[m[1]:]
			continue
		}
		f := resultFigureRE.FindStringSubmatchIndex(rest)
		if f == nil || f[1] == 0 {
			if !first && noSeatsEitherRE.MatchString(rest) {
				for i := range out {
					if out[i].seats == "" {
						out[i].seats = "0"
					}
				}
			}
			break
		}
		percent, seats = "", ""
		if f[2] >= 0 {
			percent = rest[f[2]:f[3]] + "%"
		}
		if f[4] >= 0 {
			w := strings.ToLower(rest[f[4]:f[5]])
			switch {
			case w == "none" || w == "no":
				seats = "0"
			case !strings.Contains(rest[f[4]:f[1]], "seat") && !seatsBefore:
				seats = "-" // "2 of them": a number that is no seats
			case !strings.Contains(rest[f[4]:f[1]], "seat"):
				seats = seatsIn(rest[f[4]:f[5]] + " seats") // "2 seats in 1989, 3 in 1991": seats, as before
			default:
				seats = seatsIn(rest[f[4]:f[1]])
			}
		}
		if seats == "-" {
			break
		}
		y := resultYearRE.FindStringSubmatchIndex(rest[f[1]:])
		if y == nil {
			break
		}
		seatsBefore = seats != ""
		out = append(out, result{rest[f[1]+y[2] : f[1]+y[3]], seats, percent})
		rest = rest[f[1]+y[1]:]
	}
	if len(out) < 2 {
		return
	}
	for _, r := range out {
		c.add(p.id, r.year, events.ElectionResult{Election: r.year + " general election", Level: events.LevelGeneral, Seats: r.seats, Percent: r.percent})
	}
}

// noSeatsEitherRE matches the words after a list of shares that give all of them no seats.
var noSeatsEitherRE = regexp.MustCompile(`(?i)^(?:gaining|winning|taking)\s+no\s+seats\s+(?:on\s+(?:either|each|any|both)\s+(?:occasion|of\s+them)|in\s+(?:either|each|any|both))`)

// electionDayRE matches the words before the day an election was held: "the election of", "the
// elections held on".
var electionDayRE = regexp.MustCompile(`(?i)\belections?\s+(?:(?:was\s+|were\s+)?(?:held|took\s+place)\s+)?(?:of|on)\s+$`)

// dateBefore returns the last date of one day, month or year written before the match in its
// sentence, or "".
func (c *sentenceContext) dateBefore() string {
	before := ""
	for _, dt := range c.dates {
		if dt.end <= c.match[0] && !strings.Contains(dt.edtf, "/") && dt.edtf != "XXXX" {
			before = dt.edtf
		}
	}
	return before
}

// foundedOtherwise reports whether the text or the infobox dates party's founding at a time the
// match's date cannot be: "founded in 1920 … registered the party on 17 January 1985".
func (c *sentenceContext) foundedOtherwise(party events.EntityID) bool {
	known := c.d.foundingDate(party)
	if known == "" {
		return false
	}
	a, err1 := events.ParseDate(known)
	b, err2 := events.ParseDate(c.date().edtf)
	return err1 == nil && err2 == nil && !CompatibleDates(a, b)
}

// leadingMarkerRE matches a name the skeleton marks at the start of a submatch.
var leadingMarkerRE = regexp.MustCompile(`^\s*⟦(\d+)⟧`)

// dissolvedRE finds a party's dissolution told in a sentence.
var dissolvedRE = regexp.MustCompile(`\b(?:was|were|had\s+been|is)\s+(?:formally\s+|officially\s+|then\s+)?dissolved\b`)

// registrationVerb is what a registration-cancelled sentence did to the registration, in one
// spelling: "cancelled", "revoked", "withdrawn", "annulled" or "suspended".
func registrationVerb(s string) string {
	for _, v := range []struct{ stem, verb string }{{"cancel", "cancelled"}, {"revoked", "revoked"}, {"withdr", "withdrawn"}, {"annulled", "annulled"}, {"suspended", "suspended"}} {
		if strings.Contains(s, v.stem) {
			return v.verb
		}
	}
	return "cancelled"
}
