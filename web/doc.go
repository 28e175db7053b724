// Package web serves the record to people as pages: the parties on a day, a party's timeline with its
// sources (grouped by year, with an index of the years) and its lineage drawn as a picture, a person's
// roles, a source document with its quotes highlighted, and a search that resolves names as the query
// command does.
//
// Invariants:
//   - Every answer comes from package history; the handler builds a history.Historian per request so
//     that each page may ask about the record as it stood at another recorded time ("as recorded on",
//     the known query parameter). Between requests it keeps only its parsed templates, the span of
//     years of the day page's slider and the parties of the last day shown, each kept until the
//     store's last sequence or known-at changes.
//   - Pages are rendered on the server with html/template and read fully without JavaScript; the
//     script only enhances (the year slider updates the page without a reload). Templates, style
//     and script are embedded: nothing is fetched from the network.
//   - Text in the Khmer script (and a few other scripts whose language it determines) is wrapped in
//     an element declaring its language, found by Unicode script, never guessed from the content.
//   - Certainty is always shown as a word and a symbol, never by colour alone.
//
// A Handler is safe for concurrent use.
package web
