package document

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	seed000 = "000_ae3073f9a17fe860.txt"
	seed001 = "001_15dc3a915161c957.txt"
	seed002 = "002_743ac18ba101e039.txt"
	own003  = "003_sunrise_federalist_league.txt"

	// Khmer strings from the seeds, spelled with escapes so the test source states every code point.
	khmerSlogan = "\u179f\u1784\u17d2\u1782\u17d2\u179a\u17c4\u17c7 \u1794\u1798\u17d2\u179a\u17be \u1780\u17b6\u179a\u1796\u17b6\u179a"
	khmerCNRP   = "\u1782\u178e\u1794\u1780\u17d2\u179f\u179f\u1784\u17d2\u1782\u17d2\u179a\u17c4\u17c7\u1787\u17b6\u178f\u17b7"
	khmerCNUP   = "\u1782\u178e\u1794\u1780\u17d2\u179f\u179f\u17b6\u1798\u1782\u17d2\u1782\u17b8\u1787\u17b6\u178f\u17b7\u1780\u1798\u17d2\u1796\u17bb\u1787\u17b6"
)

// parseFile parses testdata/name, failing the test on any error.
func parseFile(t testing.TB, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(name, data)
	if err != nil {
		t.Fatalf("Parse(%s) error: %v", name, err)
	}
	if d.Text != string(data) {
		t.Fatalf("Parse(%s).Text differs from the input", name)
	}
	return d
}

// section returns the first section of d titled title.
func section(t testing.TB, d *Document, title string) *Section {
	t.Helper()
	for _, s := range d.Sections {
		if s.Title == title {
			return s
		}
	}
	t.Fatalf("Parse(%s) has no section %q", d.Name, title)
	return nil
}

// blocks returns the blocks of kind k in the section titled title.
func blocks(t testing.TB, d *Document, title string, k BlockKind) []Block {
	t.Helper()
	var out []Block
	for _, b := range section(t, d, title).Blocks {
		if b.Kind == k {
			out = append(out, b)
		}
	}
	return out
}

func TestTitleAndInfobox(t *testing.T) {
	tests := []struct {
		file, title string
		infobox     bool
		name        string
		line        int
		fields      int
	}{
		{seed000, "Cambodian National Unity Party", true, "Cambodian National Unity Party", 3, 11},
		{seed001, "Khmer National Solidarity Party", false, "", 0, 0},
		{seed002, "Cambodia National Rescue Party", true, "Cambodia National Rescue Party", 3, 18},
		{own003, "Sunrise Federalist League", true, "Sunrise Federalist League", 3, 13},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := parseFile(t, tt.file)
			if d.Name != tt.file {
				t.Errorf("Parse(%s).Name = %q, want %q", tt.file, d.Name, tt.file)
			}
			if d.Title != tt.title {
				t.Errorf("Parse(%s).Title = %q, want %q", tt.file, d.Title, tt.title)
			}
			if (d.Infobox != nil) != tt.infobox {
				t.Fatalf("Parse(%s).Infobox = %v, want present %v", tt.file, d.Infobox, tt.infobox)
			}
			if d.Infobox == nil {
				return
			}
			if d.Infobox.Name != tt.name || d.Infobox.Line != tt.line {
				t.Errorf("Parse(%s).Infobox name, line = %q, %d, want %q, %d", tt.file, d.Infobox.Name, d.Infobox.Line, tt.name, tt.line)
			}
			if len(d.Infobox.Fields) != tt.fields {
				t.Errorf("len(Parse(%s).Infobox.Fields) = %d, want %d", tt.file, len(d.Infobox.Fields), tt.fields)
			}
		})
	}
}

func TestInfoboxGet(t *testing.T) {
	tests := []struct {
		file, key, value string
		line             int
	}{
		{seed000, "Colorcode", "#DC143C", 4},
		{seed000, "Leader", "Khieu Samphan, Son Sen", 5},
		{seed000, "Abbreviation", "CNUP", 6},
		{seed000, "Foundation", "30 November 1992", 7},
		{seed000, "Dissolved", "1997", 8},
		{seed000, "Successor", "Khmer National Solidarity Party", 9},
		{seed000, "Wing1 Title", "Military wing", 10},
		{seed000, "Wing1", "National Army of Democratic Kampuchea", 11},
		{seed000, "Ideology", "Liberal democracy", 12},
		{seed000, "Position", "Centre-left to left-wing", 13},
		{seed000, "Country", "Cambodia", 14},

		{seed002, "Country", "Cambodia", 4},
		{seed002, "Abbreviation", "CNRP", 5},
		{seed002, "Successor", "Cambodia National Rescue Movement, Khmer Will Party (self-declared; not legally), Candlelight Party (unofficial)", 6},
		{seed002, "Leader1 Title", "President", 7},
		{seed002, "Leader1 Name", "Kem Sokha", 8},
		{seed002, "Leader2 Title", "Vice Presidents", 9},
		{seed002, "Leader2 Name", "Eng Chhai Eang, Mu Sochua, Pol Hom", 10},
		{seed002, "Leader3 Title", "Secretary-General", 11},
		{seed002, "Youth Wing", "CNRP Youth", 12},
		{seed002, "Founders", "Sam Rainsy, Kem Sokha", 13},
		{seed002, "Merger", "Sam Rainsy Party, Human Rights Party, Norodom Ranariddh Party", 14},
		{seed002, "Slogan", `"` + khmerSlogan + `" ("Rescue, Serve, Protect")`, 15},
		{seed002, "Ideology", "Liberalism, Liberal democracy, Civic nationalism, Populism, Anti-Vietnamese sentiment", 16},
		{seed002, "Position", "Centre", 17},
		{seed002, "International", "Liberal International", 18},
		{seed002, "Affiliation1 Title", "Regional affiliation", 19},
		{seed002, "Affiliation1", "Council of Asian Liberals and Democrats", 20},
		{seed002, "Flag", "Cambodia National Rescue Party flag.png", 21},
		{seed002, "abbreviation", "CNRP", 5}, // keys compare case-insensitively

		{own003, "Founder2 Name", "Tomás Ek", 7},
		{own003, "Motto", `"Ἥλιος ἀνατέλλει" ("The sun rises")`, 13},
		{own003, "Seats 2004", "12", 14},
		{own003, "Website", "", 15},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.key, func(t *testing.T) {
			d := parseFile(t, tt.file)
			f, ok := d.Infobox.Get(tt.key)
			if !ok {
				t.Fatalf("Parse(%s).Infobox.Get(%q) not found", tt.file, tt.key)
			}
			if f.Value != tt.value {
				t.Errorf("Parse(%s).Infobox.Get(%q) = %q, want %q", tt.file, tt.key, f.Value, tt.value)
			}
			if f.Line != tt.line {
				t.Errorf("Parse(%s).Infobox.Get(%q).Line = %d, want %d", tt.file, tt.key, f.Line, tt.line)
			}
		})
	}

	d := parseFile(t, seed002)
	for _, key := range []string{"Leader3 Name", "Leader", "Slogan "} {
		if f, ok := d.Infobox.Get(key); ok {
			t.Errorf("Parse(002).Infobox.Get(%q) = %+v, want not found", key, f)
		}
	}
	var none *Infobox
	if _, ok := none.Get("Country"); ok {
		t.Errorf("(*Infobox)(nil).Get(%q) found, want not found", "Country")
	}
}

func TestKhmerSloganBytes(t *testing.T) {
	d := parseFile(t, seed002)
	f, _ := d.Infobox.Get("Slogan")
	want := "22" + // "
		"e19e9fe19e84e19f92e19e82e19f92e19e9ae19f84e19f87" + // សង្គ្រោះ
		"20" +
		"e19e94e19e98e19f92e19e9ae19ebe" + // បម្រើ
		"20" +
		"e19e80e19eb6e19e9ae19e96e19eb6e19e9a" + // ការពារ
		"22" + hex.EncodeToString([]byte(` ("Rescue, Serve, Protect")`))
	if got := hex.EncodeToString([]byte(f.Value)); got != want {
		t.Errorf("Parse(002).Infobox.Get(%q) bytes = %s, want %s", "Slogan", got, want)
	}
}

func TestInfoboxNumbered(t *testing.T) {
	type group struct {
		index int
		parts map[string]string // part → value
	}
	tests := []struct {
		file, base string
		want       []group
	}{
		{seed000, "Wing", []group{{1, map[string]string{"Title": "Military wing", "": "National Army of Democratic Kampuchea"}}}},
		{seed000, "Leader", nil}, // "Leader" is not numbered
		{seed002, "Leader", []group{
			{1, map[string]string{"Title": "President", "Name": "Kem Sokha"}},
			{2, map[string]string{"Title": "Vice Presidents", "Name": "Eng Chhai Eang, Mu Sochua, Pol Hom"}},
			{3, map[string]string{"Title": "Secretary-General"}}, // no Leader3 Name
		}},
		{seed002, "affiliation", []group{{1, map[string]string{"Title": "Regional affiliation", "": "Council of Asian Liberals and Democrats"}}}},
		{seed002, "Youth Wing", nil},
		{seed002, "Wing", nil},
		{own003, "Founder", []group{
			{1, map[string]string{"Name": "Ana Ruiz", "Title": "Co-founder"}},
			{2, map[string]string{"Name": "Tomás Ek"}},
		}},
		{own003, "Wing", []group{
			{1, map[string]string{"Title": "Youth wing", "": "Young Federalists"}},
			{2, map[string]string{"Title": "Women's wing"}},
		}},
		{own003, "Seats", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.base, func(t *testing.T) {
			d := parseFile(t, tt.file)
			got := d.Infobox.Numbered(tt.base)
			if len(got) != len(tt.want) {
				t.Fatalf("len(Parse(%s).Infobox.Numbered(%q)) = %d, want %d", tt.file, tt.base, len(got), len(tt.want))
			}
			for i, g := range got {
				w := tt.want[i]
				if g.Index != w.index {
					t.Errorf("Parse(%s).Infobox.Numbered(%q)[%d].Index = %d, want %d", tt.file, tt.base, i, g.Index, w.index)
				}
				if len(g.Parts) != len(w.parts) {
					t.Errorf("Parse(%s).Infobox.Numbered(%q)[%d] has %d parts, want %d", tt.file, tt.base, i, len(g.Parts), len(w.parts))
				}
				for part, value := range w.parts {
					if f := g.Parts[part]; f.Value != value {
						t.Errorf("Parse(%s).Infobox.Numbered(%q)[%d].Parts[%q] = %q, want %q", tt.file, tt.base, i, part, f.Value, value)
					}
				}
			}
		})
	}
}

func TestSplitKey(t *testing.T) {
	tests := []struct {
		key, base string
		index     int
		part      string
	}{
		{"Leader1 Name", "Leader", 1, "Name"},
		{"Leader1 Title", "Leader", 1, "Title"},
		{"Wing1", "Wing", 1, ""},
		{"Leader", "Leader", 0, ""},
		{"Youth Wing", "Youth Wing", 0, ""},
		{"Youth Wing2 Title", "Youth Wing", 2, "Title"},
		{"Leader12 Name", "Leader", 12, "Name"},
		{"Seats 2004", "Seats 2004", 0, ""},
		{"Leader0 Name", "Leader0 Name", 0, ""},
		{"Leader99999999999999999999 Name", "Leader99999999999999999999 Name", 0, ""},
		{"1", "1", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			base, index, part := splitKey(tt.key)
			if base != tt.base || index != tt.index || part != tt.part {
				t.Errorf("splitKey(%q) = %q, %d, %q, want %q, %d, %q", tt.key, base, index, part, tt.base, tt.index, tt.part)
			}
		})
	}
}

func TestSections(t *testing.T) {
	type sec struct {
		title       string
		level, line int
		blocks      string // kinds of the blocks, in order
	}
	tests := []struct {
		file string
		want []sec
	}{
		{seed000, []sec{{"", 0, 1, "paragraph paragraph paragraph"}}},
		{seed001, []sec{{"", 0, 1, strings.Repeat("paragraph ", 9) + "paragraph"}}},
		{seed002, []sec{
			{"", 0, 1, "paragraph paragraph paragraph paragraph"},
			{"Party platform", 2, 31, "paragraph list"},
			{"Policies", 2, 41, ""},
			{"Domestic policy", 3, 43, "paragraph list"},
			{"Economy", 3, 53, "paragraph list"},
			{"Education, youth and employment", 3, 59, "list"},
			{"Healthcare", 3, 66, "list"},
			{"Agriculture", 3, 71, "paragraph"},
			{"Women's rights", 3, 74, "paragraph"},
			{"Regional strength", 2, 77, "legend table"},
			{"Support base", 3, 108, "paragraph"},
			{"List of party leaders", 2, 112, "table"},
			{"Organization", 2, 119, "paragraph list paragraph list"},
			{"Election results", 2, 157, ""},
			{"General election", 3, 159, "table"},
			{"Communal elections", 3, 164, "table"},
			{"See also", 2, 169, "list"},
		}},
		{own003, []sec{
			{"", 0, 1, "paragraph paragraph"},
			{"History", 2, 23, ""},
			{"Founding", 3, 24, "paragraph"},
			{"Early congresses", 4, 27, "paragraph"},
			{"Platform", 2, 30, "paragraph list list list"},
			{"Elections", 2, 41, ""},
			{"Presidential", 3, 42, "table"},
			{"Legislative", 3, 49, "paragraph table"},
			{"Branches", 2, 56, "legend table"},
			{"Leadership", 2, 65, "table paragraph table"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := parseFile(t, tt.file)
			if len(d.Sections) != len(tt.want) {
				t.Fatalf("len(Parse(%s).Sections) = %d, want %d", tt.file, len(d.Sections), len(tt.want))
			}
			for i, s := range d.Sections {
				w := tt.want[i]
				var kinds []string
				for _, b := range s.Blocks {
					kinds = append(kinds, b.Kind.String())
				}
				got := sec{s.Title, s.Level, s.Line, strings.Join(kinds, " ")}
				if got != w {
					t.Errorf("Parse(%s).Sections[%d] = %+v, want %+v", tt.file, i, got, w)
				}
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	d := parseFile(t, seed001)
	lead := d.Sections[0]
	if got, want := lead.Blocks[1].Text, "Following the fall\u00a0 of the Khmer Rouge and the Communist Party of Kampuchea, the new Vietnamese backed government reclaimed the history of the CPK and morphed into the Kampuchean Peoples Revolutionary Party."; got != want {
		t.Errorf("Parse(001) lead paragraph 2 = %q, want %q (NBSP kept)", got, want)
	}
	if got := lead.Blocks[9].Line; got != 21 {
		t.Errorf("Parse(001) last paragraph line = %d, want 21", got)
	}

	crlf := "T\r\n\r\nOne\r\ntwo\r\n"
	if d, err := Parse("crlf.txt", []byte(crlf)); err != nil || d.Sections[0].Blocks[0].Text != "One\r\ntwo" {
		t.Errorf("Parse(%q) paragraph = %+v, %v, want %q", crlf, d.Sections[0].Blocks, err, "One\r\ntwo")
	}

	d = parseFile(t, own003)
	want := "The Sunrise Federalist League (SFL; Greek: Ομοσπονδιακή\u00a0Ένωση Ανατολής) is a fictional\u00a0party\tof the\nisland of Verin, invented to test the document parser."
	if got := d.Sections[0].Blocks[0].Text; got != want {
		t.Errorf("Parse(003) lead paragraph = %q, want %q", got, want)
	}
}

func TestLists(t *testing.T) {
	d := parseFile(t, seed002)

	platform := blocks(t, d, "Party platform", List)[0]
	if platform.Intro != "The seven-point policies of the CNRP:" || platform.Line != 33 || len(platform.Items) != 7 {
		t.Errorf("Parse(002) platform list intro, line, items = %q, %d, %d, want %q, 33, 7", platform.Intro, platform.Line, len(platform.Items), "The seven-point policies of the CNRP:")
	}
	for i, it := range platform.Items {
		if it.Number != i+1 || it.Line != 33+i {
			t.Errorf("Parse(002) platform item %d number, line = %d, %d, want %d, %d", i, it.Number, it.Line, i+1, 33+i)
		}
	}
	if got, want := platform.Items[3].Text, "Guarantee of prices for farm produce (the lowest price of rice is 1,000 riels or US$0.25 per kilo) and of markets for it."; got != want {
		t.Errorf("Parse(002) platform item 4 = %q, want %q", got, want)
	}

	org := blocks(t, d, "Organization", List)
	if len(org) != 2 {
		t.Fatalf("Parse(002) Organization has %d lists, want 2", len(org))
	}
	exec, standing := org[0], org[1]
	if exec.Intro != "Executive Committee" || len(exec.Items) != 7 || exec.Items[6].Text != "Vann Chan" {
		t.Errorf("Parse(002) executive list intro, items, last = %q, %d, %q, want %q, 7, %q", exec.Intro, len(exec.Items), exec.Items[len(exec.Items)-1].Text, "Executive Committee", "Vann Chan")
	}
	if standing.Intro != "Standing Committee" || len(standing.Items) != 23 {
		t.Fatalf("Parse(002) standing list intro, items = %q, %d, want %q, 23", standing.Intro, len(standing.Items), "Standing Committee")
	}
	for i, it := range standing.Items {
		line := 132 + i
		if it.Number >= 13 {
			line++ // the blank line between 12 and 13
		}
		if it.Number != i+1 || it.Line != line {
			t.Errorf("Parse(002) standing item %d number, line = %d, %d, want %d, %d", i, it.Number, it.Line, i+1, line)
		}
	}
	for i, want := range map[int]string{0: "Kem Sokha (President)", 11: "Kem Monovithya", 12: "Vann Chan", 22: "Men Sothavarin"} {
		if got := standing.Items[i].Text; got != want {
			t.Errorf("Parse(002) standing item %d = %q, want %q", i+1, got, want)
		}
	}

	domestic := blocks(t, d, "Domestic policy", List)[0]
	if len(domestic.Items) != 7 || domestic.Items[0].Number != 0 || !strings.HasSuffix(domestic.Intro, "based on a set of principles:") {
		t.Errorf("Parse(002) domestic list = %d items, number %d, intro %q", len(domestic.Items), domestic.Items[0].Number, domestic.Intro)
	}
	if got := blocks(t, d, "Healthcare", List)[0]; got.Intro != "" || got.Items[0].Text != "Universal health care" {
		t.Errorf("Parse(002) healthcare list intro, first = %q, %q, want \"\", %q", got.Intro, got.Items[0].Text, "Universal health care")
	}
	if got := blocks(t, d, "See also", List)[0].Items[0]; got.Text != "2013\u20132014 Cambodian protests" || got.Line != 170 {
		t.Errorf("Parse(002) see also = %q line %d, want %q line 170", got.Text, got.Line, "2013\u20132014 Cambodian protests")
	}

	own := blocks(t, parseFile(t, own003), "Platform", List)
	if len(own) != 3 {
		t.Fatalf("Parse(003) Platform has %d lists, want 3", len(own))
	}
	if n := len(own[0].Items); n != 3 || own[0].Items[2].Line != 35 {
		t.Errorf("Parse(003) first list = %d items, want 3 (item 3 after a blank line)", n)
	}
	if own[1].Items[0].Number != 5 {
		t.Errorf("Parse(003) second list starts at %d, want 5 (numbering jumped)", own[1].Items[0].Number)
	}
	if got, want := own[2].Items[1].Text, `Note: a "- Key: Value" line in the body is a list item.`; got != want {
		t.Errorf("Parse(003) bullet = %q, want %q", got, want)
	}
}

func TestLegends(t *testing.T) {
	tests := []struct {
		file, section string
		line          int
		items         []string
	}{
		{seed002, "Regional strength", 79, []string{"Majority", "Minority"}},
		{own003, "Branches", 57, []string{"Founding branch", "Later branch"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := parseFile(t, tt.file)
			legends := blocks(t, d, tt.section, Legend)
			if len(legends) != 1 {
				t.Fatalf("Parse(%s) section %q has %d legends, want 1", tt.file, tt.section, len(legends))
			}
			lg := legends[0]
			if lg.Line != tt.line || lg.Text != strings.Join(tt.items, "\n") || len(lg.Items) != len(tt.items) {
				t.Fatalf("Parse(%s) legend = line %d %q, want line %d %q", tt.file, lg.Line, lg.Text, tt.line, tt.items)
			}
			for i, it := range lg.Items {
				if it.Text != tt.items[i] || it.Line != tt.line+i {
					t.Errorf("Parse(%s) legend item %d = %q line %d, want %q line %d", tt.file, i, it.Text, it.Line, tt.items[i], tt.line+i)
				}
			}
		})
	}
}

func TestContainsQuote(t *testing.T) {
	tests := []struct {
		file, quote string
		want        bool
		line        int
	}{
		{seed001, "Following the fall of the Khmer Rouge", true, 5}, // NBSP + space in the text
		{seed001, "Following the fall\u00a0of the Khmer Rouge", true, 5},
		{seed001, "  Following   the\tfall of\nthe Khmer Rouge ", true, 5},
		{seed001, "Following the fallof the Khmer Rouge", false, 0},
		{seed001, "following the fall of the Khmer Rouge", false, 0}, // case-sensitive
		{seed001, "into the Party of Democratic Kampuchea which officially", true, 7},
		{seed001, "Coalition Government of Democratic Kampuchea .", true, 11},
		{seed001, "in 1985 Khieu Samphan became General-Secretary", true, 7},
		{seed001, "“If the elections do not go ahead", true, 17},
		{seed001, `"If the elections do not go ahead`, false, 0},           // quotation marks are not folded
		{seed001, "Revolutionary Party. The Khmer Rouge morphed", true, 5}, // across a paragraph break
		{seed001, "Khmer National Solidarity Party", true, 1},
		{seed002, khmerSlogan, true, 15},
		{seed002, "(" + khmerSlogan + " )", true, 25},
		{seed002, "CNRP; " + khmerCNRP + ", UNGEGN", true, 23},
		{seed002, "\u179f\u1784\u17d2\u1782\u17d2\u179a\u17c2\u17c7", false, 0}, // one vowel sign changed
		{seed002, "\u179f\u1784\u1782\u17d2\u179a\u17c4\u17c7", false, 0},       // a coeng dropped
		{seed002, "Kratié", true, 92},
		{seed002, "Kratie\u0301", false, 0}, // decomposed é: no Unicode normalisation
		{seed002, "| 2 | Kem Sokha |", true, 115},
		{seed002, "Men Sothavarin", true, 155},
		{seed000, khmerCNUP, true, 16},
		{seed000, "", false, 0},
		{seed000, " \u00a0\t\n", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.quote, func(t *testing.T) {
			d := parseFile(t, tt.file)
			if got := d.ContainsQuote(tt.quote); got != tt.want {
				t.Errorf("Parse(%s).ContainsQuote(%q) = %v, want %v", tt.file, tt.quote, got, tt.want)
			}
			if got := d.LineOf(tt.quote); got != tt.line {
				t.Errorf("Parse(%s).LineOf(%q) = %d, want %d", tt.file, tt.quote, got, tt.line)
			}
			// A Document built by hand, not by Parse, answers the same.
			manual := &Document{Text: d.Text}
			if got := manual.LineOf(tt.quote); got != tt.line {
				t.Errorf("(&Document{Text: %s}).LineOf(%q) = %d, want %d", tt.file, tt.quote, got, tt.line)
			}
		})
	}
}

func TestParseVariants(t *testing.T) {
	tests := []struct {
		name, text string
		title      string
		infobox    string // infobox name, "-" for none
		fields     int
		lead       int // blocks in the lead
	}{
		{"no title heading, no infobox", "Party\n\nText.\n", "Party", "-", 0, 1},
		{"fields under the title line", "Party\n- Leader: A\n- Founded: 1990\n\nText.\n", "Party", "Party", 2, 1},
		{"fields under a title heading", "= Party =\n- Leader: A\n", "Party", "Party", 1, 0},
		{"name line", "= Party =\n\n\nThe Party\n- Leader: A\n", "Party", "The Party", 1, 0},
		{"bullets are not an infobox", "= Party =\n\nAims:\n- Peace\n- Bread\n", "Party", "-", 0, 2},
		{"CRLF", "= Party =\r\n\r\nName\r\n- Leader: A\r\n\r\nText.\r\n", "Party", "Name", 1, 1},
		{"byte order mark", "\ufeff= Party =\n", "Party", "-", 0, 0},
		{"leading blank lines", "\n\n  \n= Party =\nText\n", "Party", "-", 0, 1},
		{"title only", "Party", "Party", "-", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("x.txt", []byte(tt.text))
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.text, err)
			}
			if d.Title != tt.title {
				t.Errorf("Parse(%q).Title = %q, want %q", tt.text, d.Title, tt.title)
			}
			name, fields := "-", 0
			if d.Infobox != nil {
				name, fields = d.Infobox.Name, len(d.Infobox.Fields)
			}
			if name != tt.infobox || fields != tt.fields {
				t.Errorf("Parse(%q).Infobox = %q with %d fields, want %q with %d", tt.text, name, fields, tt.infobox, tt.fields)
			}
			if n := len(d.Sections[0].Blocks); n != tt.lead {
				t.Errorf("len(Parse(%q).Sections[0].Blocks) = %d, want %d", tt.text, n, tt.lead)
			}
		})
	}
}

// A tagline between the title and an infobox stays in the text, and the infobox's lines are not in it.
func TestInfoboxAfterTaglineKeepsTheText(t *testing.T) {
	text := "Union Party\n\nFrom Wikipedia, the free encyclopedia\n\nFounded: 1948\nColours: Green\n\nThe Union Party is a party.\n\n== History ==\nIt was founded in 1948.\n"
	d, err := ParseWith("tagline.txt", []byte(text), Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if d.Infobox == nil || len(d.Infobox.Fields) != 2 || d.Infobox.Fields[0].Line != 5 {
		t.Fatalf("infobox %+v, want two fields from line 5", d.Infobox)
	}
	var got []string
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			got = append(got, fmt.Sprintf("%d %s", b.Line, b.Text))
		}
	}
	want := []string{"3 From Wikipedia, the free encyclopedia", "8 The Union Party is a party.", "11 It was founded in 1948."}
	if !slices.Equal(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// An infobox copied without its dashes, "Key: Value" lines after the title or a name line, is read as
// one with them; a lone "Key: Value" line, a time or an address is not an infobox.
func TestBareInfobox(t *testing.T) {
	tests := []struct {
		name, text string
		fields     []string // "Key=Value"
		boxName    string
	}{
		{"after a name line", "Union Party\n\nUnion Party\nNative name: ပြည်ထောင်စု\nFounded: 4 January 1948\nLeader / Chairman: Ana (first); Bo (last)\nDissolved:\n\nThe party.\n",
			[]string{"Native name=ပြည်ထောင်စု", "Founded=4 January 1948", "Leader / Chairman=Ana (first); Bo (last)", "Dissolved="}, "Union Party"},
		{"after the title", "= Union Party =\nFounded: 1948\nColours: Green\n\nText.\n", []string{"Founded=1948", "Colours=Green"}, "Union Party"},
		{"after a blank line", "Union Party\n\nFounded: 1948\nColours: Green\n\nText.\n", []string{"Founded=1948", "Colours=Green"}, "Union Party"},
		{"dashed, after a blank line", "Union Party\n\n- Founded: 1948\n- Colours: Green\n\nText.\n", []string{"Founded=1948", "Colours=Green"}, "Union Party"},
		{"after a tagline", "Union Party\n\nFrom Wikipedia, the free encyclopedia\n\nFounded: 1948\nColours: Green\n\nText.\n", []string{"Founded=1948", "Colours=Green"}, "Union Party"},
		{"after a tagline, the name and the name in another script", "Union Party\nFrom Wikipedia, the free encyclopedia\nUnion Party\nየኢትዮጵያ ፓርቲ\nFounded: 1948\nColours: Green\n\nText.\n", []string{"Founded=1948", "Colours=Green"}, "Union Party"},
		{"after a tagline, a blank line, the name and the name in another script", "Union Party\nFrom Wikipedia, the free encyclopedia\n\nUnion Party\nየኢትዮጵያ ፓርቲ\nFounded: 1948\nColours: Green\n\nText.\n", []string{"Founded=1948", "Colours=Green"}, "Union Party"},
		{"keys in Markdown bold", "# Union Party\n- **Founded:** 1948\n- __Colours__: Green\n\nText.\n", []string{"Founded=1948", "Colours=Green"}, "Union Party"},
		{"a list in the lead after its first paragraph", "# Union Party\n\nThe Union Party was a party of the centre, founded in 1948 by farmers of the north and teachers of the south.\n\n- **Founded:** 1948\n- **Colours:** Green\n\n## History\n\nText.\n", []string{"Founded=1948", "Colours=Green"}, "Union Party"},
		{"a list of aims in the lead is no infobox", "# Union Party\n\nThe Union Party was a party of the centre, founded in 1948 by farmers of the north and teachers of the south.\n\n- Land reform: for farmers\n- Schools: for all\n\nText.\n", nil, ""},
		{"one line is a paragraph", "Union Party\n\nNote: the party is small.\n\nText.\n", nil, ""},
		{"a paragraph is no tagline", "Union Party\n\nThe Union Party is a party of the centre, founded in 1948 by farmers and teachers of the north.\n\nFounded: 1948\nColours: Green\n", nil, ""},
		{"a time is no field", "Union Party\nMeeting at 10:30 today\nFounded: 1948\n", nil, ""},
		{"a sentence is no key", "Union Party\n\nThe party, in 1948, said: no.\nIt did: yes.\n", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseWith("bare.txt", []byte(tt.text), Options{Strict: true})
			if err != nil {
				t.Fatal(err)
			}
			if tt.fields == nil {
				if d.Infobox != nil {
					t.Errorf("infobox %+v, want none", d.Infobox)
				}
				return
			}
			if d.Infobox == nil {
				t.Fatal("no infobox")
			}
			var got []string
			for _, f := range d.Infobox.Fields {
				got = append(got, f.Key+"="+f.Value)
			}
			if !slices.Equal(got, tt.fields) || d.Infobox.Name != tt.boxName {
				t.Errorf("infobox %q %q, want %q %q", d.Infobox.Name, got, tt.boxName, tt.fields)
			}
		})
	}
}

// sectionLines parses text strictly and writes each section as "level "title" line: blocks", each
// block as block writes it.
func sectionLines(t *testing.T, text string, block func(Block) string) []string {
	t.Helper()
	d, err := ParseWith("h.txt", []byte(text), Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range d.Sections {
		var blocks []string
		for _, b := range s.Blocks {
			blocks = append(blocks, block(b))
		}
		out = append(out, fmt.Sprintf("%d %q %d: %s", s.Level, s.Title, s.Line, strings.Join(blocks, ",")))
	}
	return out
}

// A page copied as plain text has no heading markup: a short title line after the lead's running
// text opens a section, while a tagline before the lead, a sentence and a label ending in ":" stay
// text. Markdown headings ("## History") are headings, their "#" count their level.
func TestPlainAndMarkdownHeadings(t *testing.T) {
	sections := func(text string) []string {
		t.Helper()
		return sectionLines(t, text, func(b Block) string { return fmt.Sprint(b.Kind) })
	}
	plain := "Union Party\n\nFrom Wikipedia, the free encyclopedia\n\nThe Union Party is a party in Mongolia.\n\nHistory\n\nIt was founded in 1990.\n\nThe leaders were:\n\n- A (1990–1992)\n\nLeadership\n\n| Chairman | Term |\n|---|---|\n| A | 1990–1992 |\n"
	want := []string{
		`0 "" 1: paragraph,paragraph`,
		`2 "History" 7: paragraph,paragraph,list`,
		`2 "Leadership" 15: table`,
	}
	if got := sections(plain); !slices.Equal(got, want) {
		t.Errorf("plain text:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	md := "# Union Party\n\nThe Union Party is a party.\n\n## History ##\n\nIt was founded in 1990.\n\n### Leaders\n\n- A (1990–1992)\n\n#hashtag is text\n"
	want = []string{
		`0 "" 1: paragraph`,
		`2 "History" 5: paragraph`,
		`3 "Leaders" 9: list,paragraph`,
	}
	if got := sections(md); !slices.Equal(got, want) {
		t.Errorf("markdown:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	d, err := Parse("h.md", []byte(md))
	if err != nil || d.Title != "Union Party" {
		t.Errorf("markdown title %q, %v", d.Title, err)
	}
}

// A document that opens with its lead, not a title line (a page's source copied whole): the title
// is the name in bold it opens with, or the words before its first bracket, and the line stays the
// lead's first paragraph. A short first line is still the title line.
func TestTitleFromTheLead(t *testing.T) {
	for _, tt := range []struct{ text, title, lead string }{
		{"'''Movimiento Cívico''' ('''MC''') was a party in Argentina. It was founded in 1987.\n", "Movimiento Cívico", "'''Movimiento Cívico''' ('''MC''') was a party in Argentina. It was founded in 1987."},
		{"The Union Party (UP) was a party in Ruritania, founded in 1950 by farmers of the north and teachers of the south, and dissolved in 1990.\n", "Union Party", "The Union Party (UP) was a party in Ruritania, founded in 1950 by farmers of the north and teachers of the south, and dissolved in 1990."},
		{"Union Party\n\nThe Union Party was a party.\n", "Union Party", "The Union Party was a party."},
	} {
		d, err := ParseWith("t.txt", []byte(tt.text), Options{Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != tt.title || !d.ContainsQuote(d.Title) {
			t.Errorf("title %q, want %q", d.Title, tt.title)
		}
		if b := d.Sections[0].Blocks; len(b) == 0 || b[0].Text != tt.lead {
			t.Errorf("lead %+v, want %q", b, tt.lead)
		}
	}
}

// Pages copied as text: an infobox written as a Markdown blockquote ("> **Founded:** 1978"), a key
// with an aside in brackets, a table whose cells tabs part (a lone line with tabs is text).
func TestBlockquoteInfoboxAndTabTable(t *testing.T) {
	text := "# Frente Andino\n\n> **Frente Andino** (FA)\n> **Founded:** 21 January 1978, Oruro\n> **Seats in the Chamber of Deputies (peak, 1985):** 4 / 130\n\nThe Frente Andino was a party in Bolivia.\n\n## Elections\n\nElection\tVotes\t%\tSeats\n1979\t25,930\t1.6\t1\n1985\t34,610\t2.3\t3\n\nA note\twith\ttabs.\n"
	d, err := ParseWith("fa.md", []byte(text), Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if d.Infobox == nil {
		t.Fatal("no infobox")
	}
	var keys []string
	for _, f := range d.Infobox.Fields {
		keys = append(keys, f.Key+"="+f.Value)
	}
	want := []string{"Founded=21 January 1978, Oruro", "Seats in the Chamber of Deputies (peak, 1985)=4 / 130"}
	if !slices.Equal(keys, want) {
		t.Errorf("infobox fields %q, want %q", keys, want)
	}
	var tables, paragraphs []string
	for _, sec := range d.Sections {
		for _, b := range sec.Blocks {
			switch b.Kind {
			case TableBlock:
				for _, r := range b.Table.Rows {
					tables = append(tables, strings.Join(r.Cells, "|"))
				}
			case Paragraph:
				paragraphs = append(paragraphs, b.Text)
			}
		}
	}
	if want := []string{"1979|25,930|1.6|1", "1985|34,610|2.3|3"}; !slices.Equal(tables, want) {
		t.Errorf("table rows %q, want %q", tables, want)
	}
	if len(paragraphs) == 0 || paragraphs[len(paragraphs)-1] != "A note\twith\ttabs." {
		t.Errorf("paragraphs %q: the lone line with tabs should be text", paragraphs)
	}
}

// Lines that each end with a term in brackets are a list written a line each, under a plain
// heading: the first of them is no heading over the others.
func TestLinesWithTermsAreNoHeadings(t *testing.T) {
	got := sectionLines(t, "Union Party\n\nThe Union Party is a party in Bangladesh.\n\nHistory\n\nIt was founded in 1974.\n\nLeaders\n\nAbdul Matin (1974–1989)\nRahima Khanam (acting 1989–1990)\n", func(b Block) string { return fmt.Sprintf("%v@%d", b.Kind, b.Line) })
	want := []string{
		`0 "" 1: paragraph@3`,
		`2 "History" 5: paragraph@7`,
		`2 "Leaders" 9: paragraph@11`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("sections:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A key-value table in the lead ("| Quick facts | |" over "| Founded | 2 June 1998 |") is the
// infobox; a table whose rows lack the outer bars ("1976 | 29,406 | 0.52") is a table; a title
// and its subtitle the lead does not repeat name the party the lead repeats.
func TestQuickFactsBareBarsAndSubtitles(t *testing.T) {
	text := "Between Field and Factory: The Farmers' Voice Party, 1998–2021\n\nThe Farmers' Voice Party was a party in Indonesia.\n\n| Quick facts | |\n|---|---|\n| Founded | 2 June 1998 |\n| Ideology | Agrarianism |\n\n## Elections\n\nElection | Votes | % | Seats\n1999 | 327,854 | 0.31 | 1/462\n2004 | 657,915 | 0.58 | 2/550 |\n"
	d, err := ParseWith("fv.md", []byte(text), Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Farmers' Voice Party" {
		t.Errorf("title %q", d.Title)
	}
	if d.Infobox == nil || len(d.Infobox.Fields) != 2 || d.Infobox.Fields[0].Key != "Founded" || d.Infobox.Fields[0].Value != "2 June 1998" {
		t.Fatalf("infobox %+v, want Founded and Ideology", d.Infobox)
	}
	var rows []string
	for _, sec := range d.Sections {
		for _, b := range sec.Blocks {
			if b.Kind == TableBlock {
				for _, r := range b.Table.Rows {
					rows = append(rows, strings.Join(r.Cells, "|"))
				}
			}
		}
	}
	if want := []string{"1999|327,854|0.31|1/462", "2004|657,915|0.58|2/550"}; !slices.Equal(rows, want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
}

// A title line that is a headline over the text, not a name, gives the name of the party it is
// about that the lead repeats; a title that is a name, or a headline whose names the lead does not
// repeat, stays as written.
func TestTitleOfAHeadline(t *testing.T) {
	for _, tt := range []struct{ text, title string }{
		{"The last days of a Baltic party: a portrait of the Latvian Farmers' Union\n\nRIGA, 3 May 2019 — The Latvian Farmers' Union voted to dissolve itself on Saturday.\n", "Latvian Farmers' Union"},
		{"How the Movement for a Democratic Slovenia lost its voters\n\nThe Movement for a Democratic Slovenia was founded in 1990.\n", "Movement for a Democratic Slovenia"},
		{"Union for the Progress of the Republic and Democracy in the Sahel\n\nThe Union for the Progress of the Republic and Democracy in the Sahel is a party in Niger.\n", "Union for the Progress of the Republic and Democracy in the Sahel"},
		{"List of political parties in Cambodia\n\nThis is a list of political parties in Cambodia.\n", "List of political parties in Cambodia"},
		{"# Ένωση Δημοκρατικής Ανανέωσης: a short history of the party\n\nΈνωση Δημοκρατικής Ανανέωσης was a Greek party.\n", "Ένωση Δημοκρατικής Ανανέωσης"},
	} {
		d, err := ParseWith("t.txt", []byte(tt.text), Options{Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != tt.title || !d.ContainsQuote(d.Title) {
			t.Errorf("title %q, want %q", d.Title, tt.title)
		}
	}
}

// In a page copied without markup a heading may stand right over its text, with no blank line
// between: the title line opens a section, and a title right under another opens its subsection.
// The first line of wrapped running text is no heading: it goes on into the next line.
func TestPlainHeadingsOverTheirText(t *testing.T) {
	sections := func(text string) []string {
		t.Helper()
		return sectionLines(t, text, func(b Block) string { return fmt.Sprintf("%v@%d", b.Kind, b.Line) })
	}
	got := sections("Union Party\n\nThe Union Party is a party in Mongolia.\n\nHistory\nIt was founded in 1990 by herders.\n\nElectoral history\nState Great Khural\n- 1992: 1 seat\n- 1996: none\n")
	want := []string{
		`0 "" 1: paragraph@3`,
		`2 "History" 5: paragraph@6`,
		`2 "Electoral history" 8: `,
		`3 "State Great Khural" 9: list@10`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("headings over text:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, text := range []string{
		"Union Party\n\nThe Union Party is a party in Mongolia.\n\nThe party was founded in 1990 by\nJohn Smith and others.\n",
		"Union Party\n\nThe Union Party is a party in Mongolia.\n\nShort first line\nand the sentence goes on.\n",
	} {
		if got := sections(text); len(got) != 1 {
			t.Errorf("wrapped running text read as a heading: %q", got)
		}
	}
}
