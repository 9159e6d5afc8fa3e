//! Values: dates, times, money, percentages, quantities and other numbers.

use super::names::era;
use super::{MKind, Ment, ment};
use crate::detect::lexicon;
use crate::detect::tokens::{Doc, Kind};

/// Dates, times, money, percentages, quantities and cardinals starting at token `i`.
pub(super) fn value_at(doc: &Doc, i: usize, out: &mut Vec<Ment>) -> Option<usize> {
    let t = doc.tokens.get(i)?;
    let w = doc.lower(i);
    // Only a number, a number or date word, a currency sign or "today" can start a value: one
    // test spares every other word the look-arounds below.
    let money_sign = matches!(doc.punct_char(i), Some('$' | '€' | '£'));
    let relative_date = matches!(w, "today" | "yesterday" | "tomorrow" | "tonight");
    // "AD 79": an era marker before the year.
    let era_first = era(doc, i) && doc.tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Number);
    if era_first && doc.tokens[i + 1].sent() == t.sent() {
        out.push(ment(doc, i, i + 2, "DATE", MKind::Value, "year of an era"));
        return Some(i + 2);
    }
    let may_start = t.kind == Kind::Number
        || t.flags & (lexicon::F_NUMBER_WORDS | lexicon::F_MONTHS | lexicon::F_WEEKDAYS) != 0
        || money_sign
        || relative_date;
    if !may_start {
        return None;
    }
    let sent = t.sent();
    let same = |j: usize| doc.tokens.get(j).is_some_and(|x| x.sent() == sent);
    let is_num = |j: usize| {
        same(j)
            && (doc.tokens[j].kind == Kind::Number
                || (doc.has(j, lexicon::F_NUMBER_WORDS) && doc.lower(j) != "one" && doc.lower(j) != "half"))
    };
    let is_day = |j: usize| same(j) && doc.tokens[j].kind == Kind::Number && doc.lower(j).len() <= 2;
    let is_year = |j: usize| {
        same(j)
            && doc.tokens[j].kind == Kind::Number
            && doc.lower(j).len() == 4
            && matches!(doc.lower(j).as_bytes().first(), Some(b'1' | b'2'))
    };
    // Month dates: "December 8", "Dec. 10", "December 8, 2016", "December 2016", "December".
    let month_word = t.cap && doc.has(i, lexicon::F_MONTHS);
    if month_word {
        let mut e = i + 1;
        if doc.is_punct(e, '.') {
            e += 1;
        }
        let mut dated = false;
        if is_day(e) {
            e += 1;
            dated = true;
            if doc.is_punct(e, ',') && is_year(e + 1) {
                e += 2;
            }
        } else if is_year(e) {
            e += 1;
            dated = true;
        }
        if dated || (w != "may" && w != "march" && w.len() > 3 && !doc.is_punct(i + 1, '.')) {
            let e = if dated { e } else { i + 1 };
            out.push(ment(doc, i, e, "DATE", MKind::Value, "month date"));
            return Some(e);
        }
    }
    if t.cap && doc.has(i, lexicon::F_WEEKDAYS) {
        out.push(ment(doc, i, i + 1, "DATE", MKind::Value, "day of the week"));
        return Some(i + 1);
    }
    if relative_date {
        out.push(ment(doc, i, i + 1, "DATE", MKind::Value, "relative date"));
        return Some(i + 1);
    }
    if money_sign && is_num(i + 1) {
        let mut e = i + 2;
        while is_num(e) {
            e += 1;
        }
        out.push(ment(doc, i, e, "MONEY", MKind::Value, "amount of money"));
        return Some(e);
    }
    if !is_num(i) {
        return None;
    }
    // "500 BC", "1200 BCE": a number and its era.
    let mut e = i + 1;
    while is_num(e) {
        e += 1;
    }
    if same(e) && era(doc, e) {
        out.push(ment(doc, i, e + 1, "DATE", MKind::Value, "year of an era"));
        return Some(e + 1);
    }
    // A year on its own.
    if is_year(i) && !is_num(i + 1) && !doc.has(i + 1, lexicon::F_UNITS) {
        out.push(ment(doc, i, i + 1, "DATE", MKind::Value, "year"));
        return Some(i + 1);
    }
    // "8 December"
    if is_day(i) && e == i + 1 && same(e) && doc.has(e, lexicon::F_MONTHS) && doc.tokens[e].cap {
        out.push(ment(doc, i, e + 1, "DATE", MKind::Value, "day and month"));
        return Some(e + 1);
    }
    let next = doc.lower(e);
    let (label, end, reason) = if doc.is_punct(e, '%') || matches!(next, "percent" | "per" | "pct") {
        ("PERCENT", if next == "per" { e + 2 } else { e + 1 }, "percentage")
    } else if same(e) && doc.has(e, lexicon::F_CURRENCIES) {
        ("MONEY", e + 1, "amount of money")
    } else if same(e) && matches!(next, "a.m." | "p.m." | "am" | "pm")
        || doc.is_punct(e, ':')
            && doc.tokens.get(e + 1).is_some_and(|x| x.kind == Kind::Number && x.start() == doc.tokens[e].end())
    {
        ("TIME", if next.contains('m') { e + 1 } else { e + 2 }, "time of day")
    } else if same(e) && lexicon::get().periods.contains(next) {
        // "three years", "the 5th century BC": a period of time, with its era if it has one.
        let end = if same(e + 1) && era(doc, e + 1) { e + 2 } else { e + 1 };
        ("DATE", end, "period of time")
    } else if same(e) && doc.has(e, lexicon::F_UNITS) {
        ("QUANTITY", e + 1, "number with a unit")
    } else {
        ("CARDINAL", e, "number")
    };
    out.push(ment(doc, i, end, label, MKind::Value, reason));
    Some(end)
}
