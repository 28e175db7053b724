// Package projections folds events into the state of a party as of a historical day.
//
// A fold is pure: it takes events and a day and returns a value. It does no I/O, reads no clock and
// cannot fail. Folding the same events always gives the same state, whatever their order.
//
// Certainty: every fact has a date with an earliest and a latest possible day. On a day D a fact is
// certain once its latest day is on or before D, not yet when its earliest day is after D, and
// uncertain when D falls between the two: a party dissolved "1997" is neither certainly active nor
// certainly dissolved on 1 June 1997, and the state says so. A fact with no date at all is "undated":
// the source states it without saying when.
//
// Disputes: the state keeps every claim with its source. When the claims for a single-valued field
// (a name, an abbreviation, a founding date) disagree, the field is marked disputed and lists each value
// with its source; the fold never picks one.
package projections
