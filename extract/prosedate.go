package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"annals/events"
)

// A proseDate is a date expression found in running text: where it stands, the EDTF it means, and the
// last year it names (for "the following year" in the sentences after it).
type proseDate struct {
	start, end int    // byte offsets in the text searched
	edtf       string // e.g. "2017-11-16", "1993/..", "../1995", "1985/1997", "199X"
	year       int    // the year it ends in, 0 when it names none
}

var smallNumbers = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10}

// decadeParts are the years of a decade that "early", "mid" and "late" name.
var decadeParts = map[string][2]int{"early": {0, 3}, "mid": {4, 6}, "late": {7, 9}}

const monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December)`

// dateRules are tried in order at every position; the first (and so the most specific) wins. Each
// turns its submatches into EDTF, given the year of the sentences before (0 when unknown); an empty
// result means the words are not a date after all.
type dateRule struct {
	re   *regexp.Regexp
	edtf func(m []string, prev prior) (string, int)
}

// prior is the last year, and the month and day of it when known (else 0), that the text named
// before a date expression: what "the following year", "that month" and "the next day" count from.
type prior struct {
	year, month, day int
	inText           bool // named earlier in the same text, not in the sentences before
	open             bool // and by a span ("since 2019"), not by a day, month or year
}

// dateRules are compiled on first use (see proseRules).
var dateRules = sync.OnceValue(func() []dateRule {
	return []dateRule{
		// between 12 March 1990 and 1995 / from 1985 to 1997 / from 1985 until 1997 / 1985–1997
		{regexp.MustCompile(`^(?i:between|from)\s+(` + simpleDateRE + `)\s+(?i:and|to|until|till)\s+(` + simpleDateRE + `)`),
			func(m []string, _ prior) (string, int) { return interval(m[1], m[11]) }},
		// ahead of the election of 28 January 2003: before the day of the event named (what
		// happened "after the coup of 24 March 1976" is dated by the coup, as events that follow
		// at once are)
		{regexp.MustCompile(`^(?i:(ahead\s+of|before|prior\s+to|in\s+the\s+run-up\s+to)\s+the\s+(?:[\p{L}-]+\s+){0,3}?(?:elections?|vote|poll|referendum|congress|convention|conference)\s+of\s+)(` + simpleDateRE + `)`),
			func(m []string, prev prior) (string, int) {
				d, y := simpleDate(m[3:], prev.year)
				if d == "" {
					return "", 0
				}
				return "../" + d, y
			}},
		// in the early/mid/late 1990s
		{regexp.MustCompile(`^(?i:(?:in|during)\s+the\s+)?(early|mid|mid-|late)\s*-?\s*(\d{3})0s\b`),
			func(m []string, _ prior) (string, int) {
				decade, _ := strconv.Atoi(m[2])
				part := decadeParts[strings.TrimSuffix(strings.ToLower(m[1]), "-")]
				return fmt.Sprintf("%d/%d", decade*10+part[0], decade*10+part[1]), decade*10 + part[1]
			}},
		// in the 1990s
		{regexp.MustCompile(`^(?i:(?:in|during)\s+the\s+)(\d{3})0s\b`),
			func(m []string, _ prior) (string, int) { return m[1] + "X", 0 }},
		// after / since 1993 (open end); before / by / until 1995 (open start)
		{regexp.MustCompile(`^(?i:(after|since|following|before|by|until|till|prior\s+to))\s+(` + simpleDateRE + `)`),
			func(m []string, prev prior) (string, int) {
				d, y := simpleDate(m[3:], prev.year)
				if d == "" {
					return "", 0
				}
				switch strings.ToLower(strings.Fields(m[1])[0]) {
				case "after", "since", "following":
					return d + "/..", y
				}
				return "../" + d, y
			}},
		// in the spring of 1958, autumn 1968 (EDTF's seasons)
		{regexp.MustCompile(`^(?i:(?:in|during|by|until)\s+)?(?i:(?:the|early|late)\s+)?(?i:(spring|summer|autumn|fall|winter))(?:\s+of)?\s+(\d{4})\b`),
			func(m []string, _ prior) (string, int) {
				y, _ := strconv.Atoi(m[2])
				if y < 1000 {
					return "", 0
				}
				return fmt.Sprintf("%s-%d", m[2], seasons[strings.ToLower(m[1])]), y
			}},
		// in July 1994, on 16 November 2017
		{regexp.MustCompile(`^(?i:in|on|during|of)\s+(` + simpleDateRE + `)`),
			func(m []string, prev prior) (string, int) { return simpleDate(m[2:], prev.year) }},
		// before October, that December (the year of the sentences before)
		{regexp.MustCompile(`^(?i:(before|by|until|after|since|in|that))\s+` + monthRE + `\b`),
			func(m []string, prev prior) (string, int) {
				if prev.year == 0 {
					return "", 0
				}
				d := fmt.Sprintf("%04d-%02d", prev.year, months[strings.ToLower(m[2])])
				switch strings.ToLower(m[1]) {
				case "after", "since":
					return d + "/..", prev.year
				case "in", "that":
					return d, prev.year
				}
				return "../" + d, prev.year
			}},
		// on 22 May (the year of the sentences before; a year after it is read by the rules above)
		{regexp.MustCompile(`^(?i:on|by|until|after|since)\s+(\d{1,2})\s+` + monthRE + `\b`),
			func(m []string, prev prior) (string, int) {
				if prev.year == 0 || prev.inText && prev.open {
					return "", 0 // "prime minister since 2019, resigned on 18 February": which year?
				}
				day, _ := strconv.Atoi(m[1])
				d := fmt.Sprintf("%04d-%02d-%02d", prev.year, months[strings.ToLower(m[2])], day)
				if _, err := events.ParseDate(d); err != nil {
					return "", 0
				}
				switch strings.ToLower(strings.Fields(m[0])[0]) {
				case "after", "since":
					return d + "/..", prev.year
				case "by", "until":
					return "../" + d, prev.year
				}
				return d, prev.year
			}},
		// four years later, two years after
		{regexp.MustCompile(`^(?i:(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+(?:later|afterwards|after))\b`),
			func(m []string, prev prior) (string, int) {
				n, ok := smallNumbers[strings.ToLower(m[1])]
				if !ok {
					n, _ = strconv.Atoi(m[1])
				}
				if prev.year == 0 || n == 0 {
					return "", 0
				}
				return strconv.Itoa(prev.year + n), prev.year + n
			}},
		// the following year, the next year, a year later; that year, the same year
		{regexp.MustCompile(`^(?i:(the\s+following\s+year|the\s+next\s+year|a\s+year\s+later|one\s+year\s+later|the\s+year\s+after)|(that\s+(?:same\s+|very\s+)?year|the\s+same\s+year|in\s+the\s+same\s+year))\b`),
			func(m []string, prev prior) (string, int) {
				if prev.year == 0 {
					return "", 0
				}
				year := prev.year
				if m[1] != "" {
					year++
				}
				return strconv.Itoa(year), year
			}},
		// two weeks later, three months later: counted from the day, or the month, named before
		{regexp.MustCompile(`^(?i:(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+(weeks?|months?)\s+(?:later|afterwards))\b`),
			func(m []string, prev prior) (string, int) {
				n, ok := smallNumbers[strings.ToLower(m[1])]
				if !ok {
					n, _ = strconv.Atoi(m[1])
				}
				weeks := strings.HasPrefix(strings.ToLower(m[2]), "week")
				switch {
				case n == 0 || prev.year == 0:
					return "", 0
				case weeks && prev.day != 0:
					t := time.Date(prev.year, time.Month(prev.month), prev.day+7*n, 0, 0, 0, 0, time.UTC)
					return t.Format("2006-01-02"), t.Year()
				case !weeks && prev.month != 0:
					t := time.Date(prev.year, time.Month(prev.month)+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
					return t.Format("2006-01"), t.Year()
				}
				return "", 0 // the year's rule below
			}},
		// weeks later, a few months later: of the year named before (across its end when
		// it may be)
		{regexp.MustCompile(`^(?i:(?:a\s+few|some|several|two|three|four|five|six|\d+)\s+)?(?i:(weeks|months))\s+(?i:later|afterwards)\b`),
			func(m []string, prev prior) (string, int) {
				switch {
				case prev.year == 0:
					return "", 0
				case strings.EqualFold(m[1], "months") && (prev.month == 0 || prev.month > 6), prev.month == 12:
					return fmt.Sprintf("%d/%d", prev.year, prev.year+1), prev.year + 1
				}
				return strconv.Itoa(prev.year), prev.year
			}},
		// the following day, two days later: of the day named before, and no date when the text
		// named none (a month's "next day" may be in the month after it); "the same day" is the
		// drafter's (drafter.datesOf)
		{regexp.MustCompile(`^(?i:the\s+following\s+day|the\s+next\s+day|(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+(?:later|afterwards))\b`),
			func(m []string, prev prior) (string, int) {
				if prev.day == 0 {
					return "", 0
				}
				n := 1
				if m[1] != "" {
					var ok bool
					if n, ok = smallNumbers[strings.ToLower(m[1])]; !ok {
						n, _ = strconv.Atoi(m[1])
					}
				}
				t := time.Date(prev.year, time.Month(prev.month), prev.day+n, 0, 0, 0, 0, time.UTC)
				return t.Format("2006-01-02"), t.Year()
			}},
		// the following month, a month later; that month, the same month: of the month named before,
		// or, with only its year known, of that year
		{regexp.MustCompile(`^(?i:(the\s+following\s+month|the\s+next\s+month|a\s+month\s+later|one\s+month\s+later)|(that\s+month|the\s+same\s+month))\b`),
			func(m []string, prev prior) (string, int) {
				switch {
				case prev.year == 0:
					return "", 0
				case prev.month == 0:
					return strconv.Itoa(prev.year), prev.year
				case m[1] == "":
					return fmt.Sprintf("%04d-%02d", prev.year, prev.month), prev.year
				case prev.month == 12:
					return fmt.Sprintf("%04d-01", prev.year+1), prev.year + 1
				}
				return fmt.Sprintf("%04d-%02d", prev.year, prev.month+1), prev.year
			}},
		// 16 November 2017, November 16, 2017, November 2017, early 1946, 1992
		{regexp.MustCompile(`^(` + simpleDateRE + `)`),
			func(m []string, prev prior) (string, int) { return simpleDate(m[2:], prev.year) }},
	}
})

// simpleDateRE matches one day, month or year; its groups are read by simpleDate: day-month-year,
// month-day-year, (early|late) month-year, year.
const simpleDateRE = `(?:(\d{1,2})\s+` + monthRE + `,?\s+(\d{4})|` + monthRE + `\s+(\d{1,2}),\s+(\d{4})|(?i:(?:early|mid|late)\s+)?` + monthRE + `\s+(\d{4})|(?i:(?:early|mid|late)[\s-]+)?(\d{4}))\b`

// simpleDate reads the groups of simpleDateRE.
func simpleDate(g []string, _ int) (string, int) {
	pick := func(day, month, year string) (string, int) {
		y, _ := strconv.Atoi(year)
		if y < 1000 {
			return "", 0
		}
		out := year
		if month != "" {
			out += fmt.Sprintf("-%02d", months[strings.ToLower(month)])
		}
		if day != "" {
			d, _ := strconv.Atoi(day)
			out += fmt.Sprintf("-%02d", d)
		}
		if _, err := events.ParseDate(out); err != nil {
			return "", 0
		}
		return out, y
	}
	switch {
	case len(g) < 9:
		return "", 0
	case g[2] != "":
		return pick(g[0], g[1], g[2])
	case g[5] != "":
		return pick(g[4], g[3], g[5])
	case g[7] != "":
		return pick("", g[6], g[7])
	case g[8] != "":
		return pick("", "", g[8])
	}
	return "", 0
}

// interval joins two simple dates, each written as prose, into an EDTF interval.
func interval(a, b string) (string, int) {
	da, _ := simpleDateText(a)
	db, yb := simpleDateText(b)
	if da == "" || db == "" {
		return "", 0
	}
	if _, err := events.ParseDate(da + "/" + db); err != nil {
		return "", 0
	}
	return da + "/" + db, yb
}

var simpleDateOnly = regexp.MustCompile(`^` + simpleDateRE + `$`)

func simpleDateText(s string) (string, int) {
	m := simpleDateOnly.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", 0
	}
	return simpleDate(m[1:], 0)
}

// findDates returns the date expressions of text, left to right, without overlaps. prev is the last
// year (and month) named before text (zero when none), for relative expressions such as "the
// following year".
func findDates(text string, prev prior) []proseDate {
	var out []proseDate
	for i := 0; i < len(text); {
		if i > 0 && isWordByte(text[i-1]) || !isWordByte(text[i]) {
			i++
			continue
		}
		found, skip := false, 0
		for _, r := range dateRules() {
			m := r.re.FindStringSubmatchIndex(text[i:])
			if m == nil {
				continue
			}
			// Words that read as a date but are none ("31 February 1990") are passed over whole:
			// a part of them is no date either.
			skip = max(skip, m[1])
			groups := make([]string, len(m)/2)
			for g := range groups {
				if m[2*g] >= 0 {
					groups[g] = text[i+m[2*g] : i+m[2*g+1]]
				}
			}
			edtf, year := r.edtf(groups, prev)
			if edtf == "" {
				continue
			}
			if otherCalendar(text[i+m[1]:]) || otherMonthRE.MatchString(text[:i]) {
				// "14 Megabit 1984 E.C.", "1 Baishakh 1380": a year of another calendar, no
				// Gregorian date.
				break
			}
			out = append(out, proseDate{start: i, end: i + m[1], edtf: edtf, year: year})
			if prev = prev.after(edtf, year); year != 0 {
				prev.inText, prev.open = true, strings.Contains(edtf, "/")
			}
			i += m[1]
			found = true
			break
		}
		switch {
		case found:
		case skip > 0:
			i += skip
		default:
			i++
		}
	}
	return out
}

// after returns what a date of that EDTF ending in that year leaves for the words after it: its year,
// and its month when it names one day or month.
func (p prior) after(edtf string, year int) prior {
	if year == 0 {
		p.day = 0 // "in the 1990s": no day of the year before is the day named last
		return p
	}
	month, day := 0, 0
	if len(edtf) >= len("2006-01") && len(edtf) <= len("2006-01-02") && edtf[4] == '-' {
		if month, _ = strconv.Atoi(edtf[5:7]); month > 12 {
			month = 0 // a season: "the following month" is of its year
		}
	}
	if month != 0 && len(edtf) == len("2006-01-02") {
		day, _ = strconv.Atoi(edtf[8:10])
	}
	return prior{year: year, month: month, day: day}
}

// dayText returns the day named last as EDTF (YYYY-MM-DD), or "" when the last date named was no day.
func (p prior) dayText() string {
	if p.day == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.year, p.month, p.day)
}

// eraWords are the eras of calendars other than the Gregorian written after a year: the Ethiopian
// (E.C.), Bikram Sambat (B.S., V.S.), Hijri (AH, SH), Buddhist (B.E.), and those named in words.
const eraWords = `(?:E\.\s?C\.?|EC|B\.\s?S\.?|BS|V\.\s?S\.?|VS|A\.\s?H\.?|AH|S\.\s?H\.?|SH|B\.\s?E\.|(?:in\s+the\s+)?(?:Ethiopian|Hijri|Islamic|Nepali|Nepal\s+Sambat|Bikram\s+Sambat|Buddhist|Persian|Solar\s+Hijri|Thai|Juche|Minguo)\b)`

// otherMonths are the months of other calendars, as English texts write them: the Bengali, the
// Nepali (Bikram Sambat), the Ethiopian, the Hijri, the Persian and the Burmese.
const otherMonths = `(?:` +
	`Baishakh|Boishakh|Jyoishtho|Joishtho|Jaishtha|Asharh|Asar|Ashar|Shrabon|Shraban|Shrawan|Bhadro|Bhadra|Ashwin|Asoj|Ashvin|Kartik|Ogrohayon|Agrahayan|Mangsir|Poush|Push|Magh|Falgun|Phalgun|Choitro|Chaitra|Baisakh|Jestha|Jeth|` +
	`Meskerem|Tikimt|Tiqimt|Hidar|Tahsas|Tir|Yekatit|Megabit|Miyazya|Miazia|Ginbot|Sene|Hamle|Nehase|Pagume|` +
	`Muharram|Safar|Rabi(?:\s+al|'|\s+ul)?[-\s]?(?:Awwal|Thani|Akhir)|Jumada(?:\s+al|\s+ul)?[-\s]?(?:Ula|Awwal|Thani|Akhirah|Akhir)|Rajab|Sha'?ban|Ramadan|Ramazan|Shawwal|Dhu(?:\s+al|'l)?[-\s]?(?:Qi'?dah|Qa'?dah|Hijjah)|` +
	`Farvardin|Ordibehesht|Khordad|Mordad|Amordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand|` +
	`Tagu|Kason|Nayon|Waso|Wagaung|Tawthalin|Thadingyut|Tazaungmon|Nadaw|Pyatho|Tabodwe|Tabaung` +
	`)`

// otherMonthRE matches such a month at the end of the words before a year; otherMonthWordRE is one.
var (
	otherMonthRE     = regexp.MustCompile(`\b` + otherMonths + `\s+$`)
	otherMonthWordRE = regexp.MustCompile(`^` + otherMonths + `$`)
)

// otherCalendarRE matches an era after a year; eraRE a year with its era.
var (
	otherCalendarRE = regexp.MustCompile(`^\s*` + eraWords + `(?:[^\p{L}\p{N}]|$)`)
	eraRE           = regexp.MustCompile(`\b\d{1,4}\s*(` + eraWords + `)`)
)

// otherCalendar reports whether the words after a year name another calendar's era.
func otherCalendar(after string) bool { return otherCalendarRE.MatchString(after) }

// eraSpans returns where text writes the era of a year of another calendar ("E.C." in "1984 E.C."),
// whose letters name nothing.
func eraSpans(text string) [][2]int {
	var out [][2]int
	for _, m := range eraRE.FindAllStringSubmatchIndex(text, -1) {
		if otherCalendar(text[m[2]:]) {
			out = append(out, [2]int{m[2], m[3]})
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
