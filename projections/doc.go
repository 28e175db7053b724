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
//
// The fold chooses what is current on a day; it never hides a source. These rules decide it, each
// in one place:
//
//   - Refinement is not doubt (refine, foundingOf, statusAt). Two dated claims about one event are
//     compatible when their ranges of days overlap ("1992" and "1992-11-30": the day lies inside the
//     year) and then narrow each other: the event is dated by the intersection of their ranges, and a
//     party whose founding claims refine to 1992-11-30 is not yet founded on 1992-11-29. Only
//     incompatible claims (ranges that do not meet) are a dispute. Both sources stay cited. The
//     refined date does not depend on the order of the claims.
//   - Undated and inferred claims fold into dated ones (tenures). Claims of one person in one office
//     are one line, one per continuous term: the best-dated start, every claim and source. Offices
//     are compared by rank (officeKey: "president" and "leader" are the party's head, "vice
//     president" and "deputy leader" its deputy). A claim with an open start ("../2017-09", inferred
//     from a later event) joins the term that may have begun by then; an undated claim joins the
//     person's latest term in the office. An undated claim is a line of its own only when no dated
//     claim about the person and office exists, and then it is marked undated: an undated claim never
//     displaces a dated one.
//   - Nothing outlives its party (PartyState.Ended). Once a party has certainly been dissolved,
//     banned, declared illegal or has ceased, it has no current leader, wing or affiliation: its last
//     leaders (FormerLeaders), wings and affiliations are former ones. Undated facts of a party hold
//     only within its lifetime: before its founding it has none, after its end they are former.
//   - Gaps are facts too (holders, Vacancy). Between the departure of an office's last holder and the
//     arrival of the next, the office is vacant: the state says since when and, if the record knows
//     of a next holder, until when.
//   - Durations become dates (Ban, addYears). A ban "for five years" from a ruling dated 2017-11-16
//     ends on 2022-11-16: the end is derived from the start of the ban's date and its years, and the
//     ban shows as over from that day on.
//   - Answers change only on breakpoints (Breakpoints, PartyAnswers, AnswerOn). Party compares the day
//     asked about only with days its events give (their dates' bounds, and the dates it derives from
//     them: refined foundings, tenures, the ends of bans), so its answer holds from one such day to
//     the next. A store may keep the answer of each interval (StoredAnswers) and answer any day with
//     it: byte for byte the fold's own answer, which stays the definition.
//   - Periods (PartyDuring). Over a period (an EDTF date or interval) a party existed when some day of
//     the period lies within its lifetime: certainly when a day lies after its latest founding and
//     before its earliest end, uncertainly when one may. Leaders over a period follow the same rule.
package projections
