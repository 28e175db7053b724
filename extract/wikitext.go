package extract

import (
	"regexp"
	"strings"
)

// Wiki and Markdown markup in running text. A page's source copied whole keeps its markup in the
// sentences: bold and italic names (three or two single quotes, or Markdown's stars), [[Target|label]]
// links, {{templates}} and <ref>…</ref> notes. The drafter reads a sentence with that markup blanked
// out, each byte of it a space, so that the names and dates it finds keep their places in the sentence
// as written, which stays the quote.

// wikiMarkupRE matches the markup blankWikiMarkup blanks: a link's target and brackets (the label
// stays), a link to a file or a category whole, a template, a note, bold and italic quotes and stars.
var wikiMarkupRE = regexp.MustCompile(`\[\[(?:File|Image|Category|Datei|Fichier|Archivo):[^\]]*\]\]|\[\[[^\]|]*\||\[\[|\]\]|\{\{[^{}]*\}\}|<ref[^>]*/>|<ref[^>]*>.*?</ref>|<[a-z]+\s*/?>|</[a-z]+>|'{2,5}|\*{1,3}|__`)

// blankWikiMarkup returns text with its wiki markup replaced by spaces, byte for byte: the result
// has the length of text, and every name or date in it stands where it stands in text. Text without
// markup is returned as it is.
func blankWikiMarkup(text string) string {
	if !strings.ContainsAny(text, "[{<'*_") {
		return text
	}
	return wikiMarkupRE.ReplaceAllStringFunc(text, func(m string) string { return strings.Repeat(" ", len(m)) })
}
