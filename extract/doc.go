// Package extract draws facts from source documents: the document itself (recorded verbatim), the
// facts its infobox and tables state, found by general rules on keys and column names, and the facts of
// its running text, curated by hand in a companion file (NAME.facts.json). It does no I/O: callers
// hand it bytes.
//
// Every fact it returns quotes its document: an infobox fact quotes its "Key: Value" line, a table fact
// its row, a curated fact the words the curator chose (checked by the recorder).
package extract
