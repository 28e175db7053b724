package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"annals/events"
)

// A mention is a name found in running text: a run of capitalised words (with "of", "the", "for"...
// between them), without the words that only start a sentence or give a title.
type mention struct {
	start, end int    // byte offsets of the name in the sentence
	name       string // as written
	title      string // a title written before it ("Prime Minister", "Chief Justice"), if any
	kind       events.Kind
	generic    bool // a bare common noun such as "Party" or "Government": refers, names nothing
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*(?:–\p{L}[\p{L}\p{M}\p{N}'’\-]*)*`) // "Labour–Farmer": one word

// connectors may stand between the capitalised words of one name.
var connectors = map[string]bool{"of": true, "the": true, "for": true, "de": true, "du": true, "des": true,
	"la": true, "le": true, "del": true, "della": true, "di": true, "van": true, "von": true, "der": true,
	"al": true, "in": true, "on": true, "y": true, "și": true, "și-": true, "da": true, "do": true, "dos": true,
	"das": true, "bin": true, "ibn": true, "ter": true, "zu": true, "af": true,
	"cha": true, "wa": true, "ya": true, "za": true, "vya": true, "na": true, // Swahili: "Chama cha Mapinduzi", "Umoja wa Wavuvi", "Haki na Maendeleo"
	"dan": true, "e": true, "és": true, "und": true, "dhe": true} // "Partai Nelayan dan Tani", "Aliança Agrária e Social", "Bündnis für Arbeit und …"

// nameParticles are the connectors that join the words of a person's name, not those of a body's.
var nameParticles = map[string]bool{"de": true, "du": true, "des": true, "del": true, "della": true, "di": true,
	"van": true, "von": true, "der": true, "da": true, "do": true, "dos": true, "das": true, "bin": true,
	"ibn": true, "ter": true, "zu": true, "af": true, "y": true}

// openers are capitalised at the start of a sentence or clause but begin no name.
var openers = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true,
	"after": true, "before": true, "following": true, "during": true, "by": true, "from": true, "since": true,
	"despite": true, "as": true, "it": true, "its": true, "he": true, "his": true, "she": true, "her": true,
	"they": true, "their": true, "this": true, "that": true, "these": true, "those": true, "subsequently": true,
	"additionally": true, "however": true, "although": true, "when": true, "while": true, "with": true,
	"under": true, "between": true, "also": true, "later": true, "then": true, "thus": true, "considered": true,
	"meanwhile": true, "eventually": true, "initially": true, "originally": true, "until": true, "of": true,
	"and": true, "but": true, "or": true, "for": true, "to": true, "both": true, "among": true, "within": true,
	"some": true, "many": true, "most": true, "all": true, "about": true, "around": true, "there": true,
	"we": true, "our": true, "if": true, "once": true, "soon": true, "shortly": true, "days": true, "weeks": true,
	"months": true, "years": true, "decades": true, "several": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "led": true,
	"headed": true, "backed": true, "supported": true, "joined": true, "helped": true, "urged": true,
	"weakened": true, "banned": true, "freed": true, "outlawed": true, "renamed": true, "only": true, "not": true, "even": true, "still": true, "now": true, "again": true, "together": true,
	"elsewhere": true, "legal": true, "abroad": true, "instead": true, "finally": true, "briefly": true,
	"unlike": true, "like": true, "against": true, "amid": true, "towards": true, "toward": true, "without": true,
	"through": true, "throughout": true, "beyond": true, "besides": true, "upon": true, "alongside": true,
	"ahead": true, "prior": true, "whereas": true, "because": true, "thereafter": true,
	"afterwards": true, "nevertheless": true, "nonetheless": true, "moreover": true, "furthermore": true,
	"consequently": true, "accordingly": true, "ultimately": true, "previously": true, "formerly": true,
	"currently": true, "today": true, "recently": true, "officially": true, "formally": true}

// titles are words of office or rank written before a person's name; they are not part of the name.
var titles = []string{"prime minister", "chief justice", "vice president", "vice-president", "secretary-general",
	"secretary general", "general-secretary", "general secretary", "first secretary", "deputy prime minister",
	"president", "chairman", "chairwoman", "chairperson", "leader", "king", "queen", "prince", "princess",
	"emperor", "general", "colonel", "marshal", "admiral", "dr", "mr", "mrs", "ms", "deputy", "premier",
	"minister", "senator", "judge", "ambassador", "governor", "mayor", "sir", "lord", "prof",
	"professor", "field marshal", "archbishop", "bishop", "tsar", "sultan", "sheikh", "emir", "chief", "alhaji",
	"alhaja", "hajji", "haji", "imam", "rabbi", "reverend", "rev", "father", "pastor", "acharya", "pandit",
	"swami", "shri", "sri", "don", "doña", "dona", "madame", "monsieur", "herr", "frau", "lieutenant", "captain",
	"major", "brigadier", "commander", "comrade", "ato", "weyzero", "woizero", "wayzaro", "weyzerit", "lij",
	"dejazmach", "shrimati", "smt", "sardar", "mallam", "datuk", "dato", "hajjah", "ustaz", "kyai",
	"vice-chairman", "vice-chairwoman", "vice-chairperson", "vice chairman", "vice chairwoman", "deputy chairman",
	"deputy chairwoman", "co-chairman", "co-chairwoman", "co-chair", "secretary", "treasurer", "spokesman",
	"spokeswoman", "councillor", "thakin", "daw", "u", "hon", "begum", "mzee"}

// honorifics are the words that only ever stand before a person's name: inside a run of capitalised
// words, one starts the person's name.
var honorifics = map[string]bool{"alhaji": true, "alhaja": true, "hajji": true, "acharya": true, "pandit": true,
	"swami": true, "shri": true, "sri": true, "sheikh": true, "dr": true, "mr": true, "mrs": true, "ms": true,
	"prof": true, "madame": true, "monsieur": true, "herr": true, "frau": true, "doña": true,
	"ato": true, "weyzero": true, "woizero": true, "wayzaro": true, "weyzerit": true, "lij": true, "dejazmach": true,
	"shrimati": true, "smt": true, "sardar": true, "mallam": true, "datuk": true,
	"dato": true, "haji": true, "hajjah": true, "ustaz": true, "kyai": true, "bapak": true, "ibu": true,
	"thakin": true, "daw": true, "u": true, "hon": true, "begum": true, "mzee": true, "sir": true, "dame": true,
	"dra": true, "sra": true, "srta": true, "lic": true, "mme": true, "mlle": true,
	"assoc": true, "rev": true, "w/ro": true, "w/t": true, "w/o": true, "ven": true}

// personID is the id of the person a name names: its slug without the honorifics before it ("Dr.
// Than Htike", "U Ba Shwe" and "Thakin Hla Maung" are than-htike, ba-shwe and hla-maung), so that the
// person one source names with an honorific and another without is one person.
func personID(name string) events.EntityID {
	return events.Slug(withoutHonorifics(name))
}

// withoutHonorifics is a name without the honorifics before it, or the name when nothing else is left.
func withoutHonorifics(name string) string {
	rest := name
	for {
		w, after, ok := strings.Cut(strings.TrimSpace(rest), " ")
		if !ok || !honorifics[strings.ToLower(strings.TrimSuffix(w, "."))] || strings.TrimSpace(after) == "" {
			return strings.TrimSpace(rest)
		}
		rest = after
	}
}

// titleWords, after a name, start a title rather than continue the name.
var titleWords = map[string]bool{"president": true, "chairman": true, "chairwoman": true, "chairperson": true,
	"prime": true, "premier": true, "leader": true, "secretary-general": true, "speaker": true, "minister": true}

// generics name a kind of body, not one: "the Party", "the Government".
var generics = map[string]events.Kind{"party": events.KindParty, "government": events.KindOrganisation,
	"court": events.KindOrganisation, "army": events.KindOrganisation, "state": "", "parliament": events.KindOrganisation,
	"movement": events.KindParty, "front": events.KindParty, "regime": events.KindOrganisation}

// isMonthOrDay reports whether a word is a month or a day of the week, which starts no name.
func isMonthOrDay(w string) bool {
	w = strings.ToLower(w)
	_, month := months[w]
	return month || weekdays[w]
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}

// partyWords mark a name as a party's; organisationWords as another body's (checked first).
var partyWords = map[string]bool{"party": true, "movement": true, "front": true, "union": true,
	"league": true, "congress": true, "alliance": true, "rally": true, "bloc": true, "democrats": true,
	"socialists": true, "liberals": true, "conservatives": true, "greens": true, "republicans": true,
	"coalition": true, "federation": true, "đảng": true, "partidul": true, "partei": true, "partido": true,
	"parti": true, "partito": true, "partia": true, "strana": true, "kommunist": true, "platform": true,
	"convention": true, "list": true, "pact": true, "forum": true, "initiative": true, "vanguard": true,
	"movimento": true, "movimiento": true, "mouvement": true, "frente": true, "alianza": true, "aliança": true,
	"bloque": true, "liga": true, "lega": true, "ligue": true, "rassemblement": true, "união": true, "unión": true,
	"partai": true, "partij": true, "partija": true, "párt": true, "puolue": true, "partit": true, "partiya": true,
	"hizb": true, "harakat": true, "gerakan": true, "aliansi": true, "kongres": true, "kongresi": true}

var organisationWords = map[string]bool{"government": true, "court": true, "army": true, "authority": true,
	"nations": true, "ministry": true, "tribunal": true, "police": true, "commission": true, "council": true,
	"parliament": true, "assembly": true, "senate": true, "kingdom": true, "republic": true, "committee": true,
	"international": true, "university": true, "bank": true, "agency": true, "office": true, "forces": true,
	"guard": true, "militia": true, "radio": true, "parliamentarians": true, "organisation": true,
	"organization": true, "institute": true, "foundation": true, "church": true, "duma": true, "empire": true,
	"junta": true, "cabinet": true, "presidium": true, "politburo": true,
	"comintern": true, "communities": true, "community": true, "ussr": true, "deputies": true,
	"representatives": true, "chamber": true, "commons": true, "lords": true, "senators": true, "group": true,
	"club": true, "society": true, "circle": true}

// places are words before a name that make it a place rather than a person ("in North-Western
// Cambodia", "to France").
var placePrepositions = map[string]bool{"in": true, "at": true, "to": true, "near": true, "across": true,
	"throughout": true, "into": true, "from": true, "of": true}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) || unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false // a small letter, or one of a script without capitals
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// findMentions returns the names of a sentence, left to right.
func findMentions(s string) []mention {
	words := wordRE.FindAllStringIndex(s, -1)
	var out []mention
	for i := 0; i < len(words); {
		w := s[words[i][0]:words[i][1]]
		if !isCap(w) || i == 0 && openingParticiple(s, words) || otherMonthWordRE.MatchString(w) && i+1 < len(words) && yearRE.MatchString(s[words[i+1][0]:words[i+1][1]]) {
			i++ // "1 Baishakh 1380": a month of another calendar, no name
			continue
		}
		// Extend over capitalised words and connectors followed by a capitalised word, as long as
		// only spaces stand between them.
		j := i + 1
		for j < len(words) && (onlySpace(s[words[j-1][1]:words[j][0]]) || initialGap(s, words, j)) {
			next := s[words[j][0]:words[j][1]]
			if titleWords[strings.ToLower(next)] {
				break // "Bayar President of the Republic": a name, then a title
			}
			if honorifics[strings.ToLower(strings.TrimSuffix(next, "."))] {
				break // "the former Congress Socialist Acharya Ramsharan Tripathi": a body, then a person
			}
			if isCap(next) && !isMonthOrDay(next) {
				j++
				continue
			}
			if e := andName(s, words, i, j); e > j {
				j = e
				continue
			}
			if e := andIdeal(s, words, i, j); e > j {
				j = e
				continue
			}
			if foreignAnd[s[words[j][0]:words[j][1]]] && j+1 < len(words) && j-i >= 2 && onlySpace(s[words[j][1]:words[j+1][0]]) &&
				isCap(s[words[j+1][0]:words[j+1][1]]) {
				j += 2 // "Aliança Trabalhista e Social", "Frente Republicana e Socialista"
				continue
			}
			k := j
			for k < len(words) && (connectors[s[words[k][0]:words[k][1]]] || articleAfterFor(s, words, k)) && onlySpace(s[words[k-1][1]:words[k][0]]) {
				k++
			}
			if k > j && k < len(words) && onlySpace(s[words[k-1][1]:words[k][0]]) && isCap(s[words[k][0]:words[k][1]]) &&
				!isMonthOrDay(s[words[k][0]:words[k][1]]) {
				j = k + 1
				continue
			}
			break
		}
		if j == i+1 && honorifics[strings.ToLower(s[words[i][0]:words[i][1]])] {
			i = j // "Dra." alone: the name follows it
			continue
		}
		if attributiveCompoundRE.MatchString(s[words[j-1][0]:words[j-1][1]]) {
			i = j // "the Awami League-led alliance": a word about the noun after it, no name
			continue
		}
		if attributiveCompoundRE.MatchString(s[words[i][0]:words[i][1]]) {
			i++ // "the Moscow-backed Union of Workers": the name begins after the adjective
		}
		afterThe := i > 0 && strings.EqualFold(s[words[i-1][0]:words[i-1][1]], "the")
		// "Roman Bartoszcze of the Wilanów group": a person's name, then what the person is of.
		if k := personOf(s, words[i:j]); k > 0 && !afterThe {
			if m, ok := makeMention(s, words[i:i+k], false, prevWord(s, words, i)); ok && m.kind == events.KindPerson {
				out = append(out, m)
				i += k + 1
				continue
			}
		}
		if m, ok := makeMention(s, words[i:j], afterThe, prevWord(s, words, i)); ok {
			// A word in quotation marks right after a name is part of it: the Polish People's
			// Party "Piast", the Russian Democratic Party "Yabloko".
			if q := quotedSuffixRE.FindStringIndex(s[m.end:]); q != nil {
				m.end += q[1]
				m.name = s[m.start:m.end]
				for j < len(words) && words[j][0] < m.end {
					j++
				}
			}
			// "the 'Madhesi Forum'": the closing quotation mark is no possessive.
			if opened := strings.HasSuffix(s[:m.start], "'") || strings.HasSuffix(s[:m.start], "‘"); opened {
				if c := strings.TrimRight(m.name, "'’"); c != m.name && c != "" {
					m.end -= len(m.name) - len(c)
					m.name = c
				}
			}
			out = append(out, m)
		}
		i = j
	}
	return out
}

// attributiveCompoundRE matches a capitalised word made an adjective by what is joined to it: "League-
// led", "Moscow-backed", "Islamist-dominated".
var attributiveCompoundRE = regexp.MustCompile(`-(?:led|backed|dominated|aligned|sponsored|controlled|allied|linked|affiliated|inspired|oriented|style|based|funded|supported|leaning|friendly|run)$`)

// initialGap reports whether words[j-1] is an initial and words[j] the next part of the name: "W. M.
// Karunaratne", "G. Tumur".
func initialGap(s string, words [][]int, j int) bool {
	w := s[words[j-1][0]:words[j-1][1]]
	return utf8.RuneCountInString(w) == 1 && isCap(w) && s[words[j-1][1]:words[j][0]] == ". " && isCap(s[words[j][0]:words[j][1]])
}

// openingParticiple reports whether a sentence opens with a participle and a preposition ("Founded
// in 1945, the party", "Re-founded in Bodø"), which start no name ("United Front", "Ahmed was").
func openingParticiple(s string, words [][]int) bool {
	w := strings.ToLower(s[words[0][0]:words[0][1]])
	if len(words) < 2 || len(w) < 5 || !strings.HasSuffix(w, "ed") {
		return false
	}
	return participlePrepositions[s[words[1][0]:words[1][1]]]
}

var participlePrepositions = map[string]bool{"in": true, "on": true, "at": true, "by": true, "as": true,
	"after": true, "before": true, "during": true, "from": true, "under": true, "with": true, "shortly": true,
	"soon": true, "originally": true, "initially": true, "illegally": true, "secretly": true, "formally": true,
	"officially": true, "first": true, "twice": true, "again": true}

// andName returns the end of a name that joins two words with "and" (words[i:j] one capitalised
// word, or several ending with an ideal, then "and", then capitalised words whose last names a party
// or a body: "Unity and Renewal Alliance", "Justice and Development Party", "Ethiopian Justice and
// Concord Party"), or j when there is none. Two names in a list ("the Sam Rainsy Party and Human
// Rights Party", "Fidesz and Jobbik") stay two.
func andName(s string, words [][]int, i, j int) int {
	if j+1 >= len(words) || s[words[j][0]:words[j][1]] != "and" {
		return j
	}
	// "After the State Law and Order …": the name starts after the words that open the sentence.
	for i < j && (openers[strings.ToLower(s[words[i][0]:words[i][1]])] || !isCap(s[words[i][0]:words[i][1]])) {
		i++
	}
	if i == j {
		return j
	}
	for k := i; k < j; k++ {
		if w := strings.ToLower(s[words[k][0]:words[k][1]]); partyWords[w] || organisationWords[w] {
			return j // "the Sam Rainsy Party and Human Rights Party": a name of its own before "and"
		}
	}
	e := j + 1
	for e < len(words) && onlySpace(s[words[e-1][1]:words[e][0]]) && isCap(s[words[e][0]:words[e][1]]) {
		e++
	}
	if e == j+1 {
		return j
	}
	last := strings.ToLower(s[words[e-1][0]:words[e-1][1]])
	bodyAfter := e < len(words) && onlySpace(s[words[e-1][1]:words[e][0]]) && bodyNouns[s[words[e][0]:words[e][1]]]
	if !partyWords[last] && !organisationWords[last] && !bodyAfter {
		return j // "the Homeland and Justice alliance": the noun after the name says it is a body's
	}
	// Words before "and" that end with an ideal ("Ethiopian Justice and Concord Party") or with those
	// a party speaks for ("Democratic Peasants and Workers Party") are the first half of one name, as
	// are words whose initials, with those after "and", make the abbreviation in brackets after the
	// name ("State Law and Order Restoration Council (SLORC)"); other words ("Kem Sokha and Human
	// Rights Party") may be a name of their own.
	before := strings.ToLower(strings.TrimRight(s[words[j-1][0]:words[j-1][1]], "'’"))
	if j > i+1 && !idealWords[before] && !constituencyWords[before] && !abbreviatedAfter(s, words, i, e) {
		return j
	}
	return e
}

// bodyNouns are the nouns, in lower case, that say the capitalised words before them name a party or
// an alliance: "the Homeland and Justice alliance".
var bodyNouns = map[string]bool{"alliance": true, "coalition": true, "bloc": true, "front": true, "party": true,
	"movement": true, "list": true}

// constituencyWords are those a party speaks for, whose names join them with "and": "Workers and
// Peasants Party", "Farmers and Labour Union".
var constituencyWords = map[string]bool{"workers": true, "peasants": true, "farmers": true, "labourers": true,
	"laborers": true, "toilers": true, "artisans": true, "traders": true, "merchants": true, "students": true,
	"herders": true, "fishermen": true, "fisherfolk": true, "employees": true, "pensioners": true,
	"veterans": true, "peasant": true, "workers'": true, "women": true, "youth": true, "miners": true}

// abbreviatedAfter reports whether the name of words[i:e] is followed by an abbreviation in brackets
// made of the initials of its capitalised words: "(SLORC)" after State Law and Order Restoration
// Council.
func abbreviatedAfter(s string, words [][]int, i, e int) bool {
	rest := strings.TrimLeft(s[words[e-1][1]:], " ")
	if !strings.HasPrefix(rest, "(") {
		return false
	}
	abbr, _, ok := strings.Cut(rest[1:], ")")
	if abbr, _, _ = strings.Cut(abbr, ";"); !ok || !allCaps(abbr) {
		return false
	}
	var initials strings.Builder
	for k := i; k < e; k++ {
		if w := s[words[k][0]:words[k][1]]; isCap(w) {
			r, _ := utf8.DecodeRuneInString(w)
			initials.WriteRune(r)
		}
	}
	return initials.Len() >= 3 && initials.String() == strings.TrimSpace(abbr)
}

// andIdeal returns the end of a name whose words name what it is for and go on with "and" and one
// more ideal ("the Alliance for Democracy and the Republic", "Rally for Culture and Democracy",
// "Movement for Justice and Peace"), or j when there is none. The name so far joins its words with
// "for" or "of"; what follows "and" (and "the") is one or two capitalised words, the last an ideal. A
// second party ("the Union of the Centre and the Radical Party") or a person stays a name of its own.
func andIdeal(s string, words [][]int, i, j int) int {
	if j+1 >= len(words) || s[words[j][0]:words[j][1]] != "and" || j-i < 3 {
		return j
	}
	joined := false
	for k := i + 1; k < j; k++ {
		if w := s[words[k][0]:words[k][1]]; w == "for" || w == "of" {
			joined = true
		}
	}
	if !joined || !onlySpace(s[words[j][1]:words[j+1][0]]) {
		return j
	}
	e := j + 1
	if strings.EqualFold(s[words[e][0]:words[e][1]], "the") && e+1 < len(words) && onlySpace(s[words[e][1]:words[e+1][0]]) {
		e++
	}
	start := e
	for e < len(words) && e-start < 2 && (e == start || onlySpace(s[words[e-1][1]:words[e][0]])) &&
		isCap(s[words[e][0]:words[e][1]]) && !isMonthOrDay(s[words[e][0]:words[e][1]]) {
		e++
	}
	if e == start || !idealWords[strings.ToLower(s[words[e-1][0]:words[e-1][1]])] {
		return j
	}
	if e < len(words) && onlySpace(s[words[e-1][1]:words[e][0]]) && isCap(s[words[e][0]:words[e][1]]) {
		return j // "and the Republic Party": the list's second name goes on
	}
	return e
}

// idealWords are what a party says it stands for, the words that close names such as "Rally for
// Culture and Democracy" or "Union for Progress and Justice".
var idealWords = map[string]bool{"democracy": true, "republic": true, "justice": true, "progress": true,
	"development": true, "freedom": true, "liberty": true, "peace": true, "unity": true, "renewal": true,
	"reform": true, "reforms": true, "solidarity": true, "independence": true, "prosperity": true,
	"equality": true, "dignity": true, "change": true, "work": true, "labour": true, "labor": true,
	"socialism": true, "integration": true, "reconstruction": true, "citizenship": true, "welfare": true,
	"culture": true, "sovereignty": true, "reconciliation": true, "restoration": true, "salvation": true,
	"rights": true, "security": true, "order": true, "growth": true, "liberation": true, "federalism": true,
	"autonomy": true, "self-determination": true, "transparency": true, "modernity": true, "hope": true,
	"law": true}

// foreignAnd are the words for "and" of other languages, which join the words of one name written in
// them ("Aliança Trabalhista e Social", "Unión Cívica y Popular"), not two names of an English list.
var foreignAnd = map[string]bool{"e": true, "y": true, "et": true, "und": true, "og": true, "och": true, "és": true,
	"ve": true, "și": true, "и": true, "ja": true, "en": true}

// articleAfterFor reports whether words[k] is "a" or "an" after "for" inside a name: "Front for a
// Country in Solidarity", "Movement for a Democratic Society".
func articleAfterFor(s string, words [][]int, k int) bool {
	w := s[words[k][0]:words[k][1]]
	return (w == "a" || w == "an") && k > 0 && s[words[k-1][0]:words[k-1][1]] == "for"
}

func prevWord(s string, words [][]int, i int) string {
	if i == 0 {
		return ""
	}
	return strings.ToLower(s[words[i-1][0]:words[i-1][1]])
}

func onlySpace(gap string) bool {
	return gap != "" && strings.TrimSpace(gap) == ""
}

// makeMention trims a run of words into a name: leading openers and titles go, a trailing possessive
// goes, and what is left is classified.
func makeMention(s string, words [][]int, afterThe bool, before string) (mention, bool) {
	word := func(k int) string { return s[words[k][0]:words[k][1]] }
	a, b := 0, len(words)
	for a < b && (openers[strings.ToLower(word(a))] || connectors[word(a)] || isMonthOrDay(word(a))) {
		if strings.EqualFold(word(a), "the") {
			afterThe = true
		}
		before = strings.ToLower(word(a))
		a++
	}
	title, titleStart := "", a
	for a < b {
		matched := false
		for _, t := range titles {
			n := len(strings.Fields(strings.ReplaceAll(t, "-", " ")))
			if strings.Contains(t, "-") {
				n = len(strings.Fields(t))
			}
			if a+n > b {
				continue
			}
			if strings.EqualFold(s[words[a][0]:words[a+n-1][1]], t) || strings.EqualFold(strings.ReplaceAll(s[words[a][0]:words[a+n-1][1]], "-", " "), strings.ReplaceAll(t, "-", " ")) {
				if title != "" {
					title += " "
				}
				title += s[words[a][0]:words[a+n-1][1]]
				a += n
				matched = true
				break
			}
		}
		if !matched {
			break
		}
	}
	if title != "" && a < b && !connectors[word(a)] {
		// A title word that begins the name of a body is no title: "General Workers' Union" (but
		// "Chairman of the Party" is a title and what it is of).
		for k := a; k < b; k++ {
			if lw := strings.ToLower(word(k)); partyWords[lw] || organisationWords[lw] {
				a, title = titleStart, ""
				break
			}
		}
	}
	for a < b && (connectors[word(a)] || strings.EqualFold(word(a), "the")) {
		if strings.EqualFold(word(a), "the") {
			afterThe = true
		}
		a++
	}
	for b > a && connectors[word(b-1)] {
		b--
	}
	if a >= b {
		return mention{}, false
	}
	start, end := words[a][0], words[b-1][1]
	name := s[start:end]
	for _, poss := range []string{"'s", "’s"} {
		if strings.HasSuffix(name, poss) {
			name, end = strings.TrimSuffix(name, poss), end-len(poss)
		}
	}
	name = strings.TrimRight(name, "'’-")
	end = start + len(name)
	if name == "" || isMonthOrDay(name) {
		return mention{}, false
	}
	m := mention{start: start, end: end, name: name, title: title}
	n := b - a
	lower := strings.ToLower(name)
	if k, ok := generics[lower]; ok && n == 1 {
		m.generic, m.kind = true, k
		return m, true
	}
	hasConnector, particles := false, 0
	for k := a; k < b; k++ {
		w := strings.TrimRight(strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(word(k), "'s"), "’s")), "'’")
		switch {
		case nameParticles[word(k)]:
			particles++ // "José Carlos da Silva Neto", "Charles de Gaulle": a person's name
		case connectors[word(k)]:
			hasConnector = true
		}
		if organisationWords[w] {
			m.kind = events.KindOrganisation
			return m, true
		}
	}
	for k := a; k < b; k++ {
		if partyWords[strings.TrimRight(strings.ToLower(word(k)), "'’")] {
			m.kind = events.KindParty
			return m, true
		}
	}
	if last := strings.ToLower(word(b - 1)); n > 1 && (last == "centre" || last == "center") {
		m.kind = events.KindParty // "the New Democratic Centre"; "the Centre for …" is another body
		return m, true
	}
	switch {
	case title != "" && !afterThe:
		m.kind = events.KindPerson
	case n == 1 && allCaps(name):
		m.kind = "" // an abbreviation: resolved against the names the document gives
	case n == 1:
		m.kind = "" // a place, a people, or one name of a person named in full elsewhere
	case afterThe || hasConnector || placePrepositions[before]:
		m.kind = events.KindOrganisation
		if placePrepositions[before] && !afterThe {
			m.kind = "" // a place
		}
	case placeArticles[word(a)]:
		m.kind = "" // "La Paz", "Los Angeles", "El Alto": a place, whose name an article opens
	case instrumentWords[word(a)]:
		m.kind = "" // "Decree No. 25", "Law 1/2003": an act, not a person
	case n-particles <= 4:
		m.kind = events.KindPerson
	default:
		m.kind = events.KindOrganisation
	}
	return m, true
}

// instrumentWords open the names of laws and acts.
var instrumentWords = map[string]bool{"Decree": true, "Law": true, "Act": true, "Article": true, "Resolution": true,
	"Order": true, "Ordinance": true, "Proclamation": true, "Edict": true, "Statute": true, "Amendment": true, "Bill": true}

// placeArticles are the articles that open the names of places, never a person's given name: "La
// Paz", "Los Ángeles", "El Alto" ("Le" is left out: "Le Pen").
var placeArticles = map[string]bool{"La": true, "Las": true, "Los": true, "El": true, "Lo": true}

// quotedSuffixRE matches a capitalised word in quotation marks right after a name.
var quotedSuffixRE = regexp.MustCompile(`^ ["“„«]\p{Lu}[\p{L}\p{M}\p{N} '’-]*["”»]`)

// personOf returns, for a run of words "A B of the C", the number of words of A B when they read as a
// person's name (two to four capitalised words, none of a party's or another body's, no title) and
// the run goes on with "of"; 0 otherwise.
func personOf(s string, words [][]int) int {
	for k := 2; k <= 4 && k < len(words); k++ {
		if s[words[k][0]:words[k][1]] != "of" {
			continue
		}
		for _, w := range words[:k] {
			lw := strings.ToLower(s[w[0]:w[1]])
			if partyWords[lw] || organisationWords[lw] || openers[lw] || connectors[s[w[0]:w[1]]] || !isCap(s[w[0]:w[1]]) {
				return 0
			}
		}
		for _, t := range titles {
			if strings.EqualFold(s[words[0][0]:words[0][1]], t) {
				return 0
			}
		}
		return k
	}
	return 0
}
