package document

import (
	"slices"
	"strings"
	"testing"
)

func TestWikiPlain(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"[[2007 Thai general election|2007]]", "2007"},
		{"[[Ulaanbaatar]], Mongolia", "Ulaanbaatar, Mongolia"},
		{"{{start date|1990|5|14}}", "14 May 1990"},
		{"{{Start date and age|df=yes|1990|05}}", "May 1990"},
		{"{{end date|2017}}", "2017"},
		{"[[Conservatism]]<br />[[Agrarianism|agrarian]]<br>[[Populism]]", "Conservatism, agrarian, Populism"},
		{"{{ubl|[[Liberalism]]|{{nowrap|Pro-Europeanism}}}}", "Liberalism, Pro-Europeanism"},
		{"{{plainlist|\n* [[Social democracy]]\n* [[Federalism]]\n}}", "Social democracy, Federalism"},
		{"{{lang|mn|Ардчилсан нам}}", "Ардчилсан нам"},
		{"{{lang-el|Ένωση Δημοκρατικής Ανανέωσης}}", "Ένωση Δημοκρατικής Ανανέωσης"},
		{"{{Color box|#2E8B57|border=darkgray}} Green", "Green"},
		{"'''12''' / 76<ref>{{cite news |title=Results |date=2 July 2012}}</ref>", "12 / 76"},
		{"Centre-right<ref name=\"a\" /><!-- a comment -->", "Centre-right"},
		{"[[File:Logo.svg|120px|the logo [[x]]]] Party", "Party"},
		{"{{Composition bar|3|403|hex=#006400}}", "3 / 403"},
		{"{{0}}0", "0"},
		{"plain words", "plain words"},
		{"{{unknown template|x}}", ""},
	} {
		if got := WikiPlain(tt.in); got != tt.want {
			t.Errorf("WikiPlain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A page's MediaWiki source copied whole: templates on lines of their own before the lead are no
// text, the infobox template is the infobox (its keys as a "- Key: Value" infobox writes them, its
// values as a reader sees them, layout keys left out), and the title is the infobox's name.
func TestWikiInfobox(t *testing.T) {
	const src = `{{Short description|Political party in Mongolia}}
{{Use dmy dates|date=March 2020}}
{{Infobox political party
| name = Civic Will Party
| native_name = Иргэний Зориг Нам
| native_name_lang = mn
| logo = Civic Will logo.svg
| leader1_title = Chairman
| leader1_name = [[Sanjaasürengiin Oyuun|S. Oyuun]]
| foundation = {{start date|1990|3|2}}
| dissolution = {{end date|2000|12}} | merged_into = [[Democratic Party (Mongolia)|Democratic Party]]
| ideology = {{ubl|[[Liberalism]]|[[Green politics]]}}
| position = [[Centre-right politics|Centre-right]]
| headquarters = [[Ulaanbaatar]]<ref>{{cite web|title=Address}}</ref>
}}
'''Civic Will Party''' ({{lang-mn|Иргэний Зориг Нам}}) was a political party in [[Mongolia]], founded in 1990.

== Election results ==
{| class="wikitable"
! Election !! Seats !! Votes
|-
| [[1992 Mongolian legislative election|1992]] || {{Composition bar|1|76}} || 12,345
|-
| colspan="2" | [[1996 Mongolian legislative election|1996]] ''(in alliance)'' || —
|}
`
	d, err := ParseWith("civic-will.txt", []byte(src), Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Civic Will Party" || d.Infobox == nil || d.Infobox.Name != "Civic Will Party" || d.Infobox.Line != 3 {
		t.Fatalf("title %q, infobox %+v", d.Title, d.Infobox)
	}
	var got []string
	for _, f := range d.Infobox.Fields {
		got = append(got, f.Key+"="+f.Value+"@"+strings.TrimSpace(strings.Split(d.Text, "\n")[f.Line-1])[:2])
	}
	want := []string{"Native Name=Иргэний Зориг Нам@| ", "Leader1 Title=Chairman@| ", "Leader1 Name=S. Oyuun@| ",
		"Foundation=2 March 1990@| ", "Dissolution=December 2000@| ", "Merged into=Democratic Party@| ",
		"Ideology=Liberalism, Green politics@| ", "Position=Centre-right@| ", "Headquarters=Ulaanbaatar@| "}
	if !slices.Equal(got, want) {
		t.Errorf("fields:\n%q\nwant\n%q", got, want)
	}
	if g := d.Infobox.Numbered("Leader"); len(g) != 1 || g[0].Parts["Name"].Value != "S. Oyuun" {
		t.Errorf("numbered leaders %+v", g)
	}
	lead := d.Sections[0].Blocks
	if len(lead) != 1 || !strings.HasPrefix(lead[0].Text, "'''Civic Will Party'''") {
		t.Errorf("lead %+v, want the paragraph alone", lead)
	}
	var table *Table
	for _, b := range d.Sections[1].Blocks {
		if b.Table != nil {
			table = b.Table
		}
	}
	if table == nil {
		t.Fatalf("no table in %+v", d.Sections[1])
	}
	var rows []string
	for _, r := range table.Rows {
		rows = append(rows, strings.Join(r.Cells, "|"))
	}
	if want := []string{"1992|1 / 76|12,345", "1996 (in alliance)||—"}; !slices.Equal(rows, want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
}

// A template that begins a line of text stays text; a document of templates alone has no title.
func TestWikiTemplatesInText(t *testing.T) {
	const line = "{{lang|km|គណបក្ស}} is the name of a party in Cambodia, founded in 1993 by farmers. It won seats in 1998 and 2003."
	d, err := ParseWith("t.txt", []byte(line+"\n"), Options{Strict: true})
	if err != nil || d.Infobox != nil || len(d.Sections[0].Blocks) != 1 || d.Sections[0].Blocks[0].Text != line {
		t.Fatalf("%+v, %v", d, err)
	}
	if _, err := ParseWith("t.txt", []byte("{{Short description|x}}\n{{Infobox party\n| name = X\n}}\n"), Options{}); err == nil {
		t.Error("a document of templates alone parsed")
	}
}
