//! Names: capitalised runs cut into people, organisations, places and titles by the gazetteers,
//! titles and organisation shapes, and the names nested inside them.

use super::{MKind, Ment, before_relative_who, joined, ment, quote_initial, sentence_initial};
use crate::detect::Reason;
use crate::detect::lexicon::FastSet as HashSet;
use crate::detect::lexicon::{self, Lexicon};
use crate::detect::lexicon::{FastHasher, FastMap};
use crate::detect::tokens::{Doc, Kind};
use std::hash::Hasher;

/// Token is a word that can be part of a name.
pub(super) fn name_like(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| {
        t.kind == Kind::Word && (t.cap || t.all_caps || particle_name(&doc.chars[t.start()..t.end()])) && {
            let w = doc.lower(i);
            w != "i" && !w.starts_with("i'") && w != "'s"
        }
    })
}

/// A single capital letter, as in a name's initial ("F." in "Steven F. Udvar-Hazy").
fn initial(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == Kind::Word && t.cap && t.end() == t.start() + 1)
}

/// "al-Nusra", "bin-Salman": a lower-case particle joined to a capitalised name.
fn particle_name(word: &[char]) -> bool {
    // The particle is at most three letters: only the first four characters can hold the hyphen.
    word.iter().take(4).position(|&c| c == '-').is_some_and(|h| word.get(h + 1).is_some_and(|c| c.is_uppercase()))
}

/// "Central and Eastern Europe", "Food and Drug Administration": an "and" at `j` inside one name,
/// between two region words or before capitalised words that end in an organisation word. ("Britain
/// and France" stays two names.)
fn and_inside_name(doc: &Doc, j: usize) -> bool {
    if j == 0 || doc.lower(j) != "and" || !name_like(doc, j - 1) || !name_like(doc, j + 1) {
        return false;
    }
    let regions = &lexicon::get().name_words.regions;
    if regions.contains(doc.lower(j - 1)) && regions.contains(doc.lower(j + 1)) {
        return true;
    }
    let mut e = j + 1;
    while e < j + 5 && name_like(doc, e) {
        e += 1;
    }
    doc.has(e - 1, lexicon::F_ORG_HEADS) && !doc.has(j - 1, lexicon::F_ORG_HEADS)
}

/// "Internet Explorer 6", "Apollo 11": a small number right after a name is its version, unless a
/// score or a range follows ("Sweden 1 – 0").
fn version_number(doc: &Doc, j: usize) -> bool {
    let Some(t) = doc.tokens.get(j) else { return false };
    j > 0
        && t.kind == Kind::Number
        && t.end() - t.start() <= 2
        && doc.tokens[j - 1].sent() == t.sent()
        && name_like(doc, j - 1)
        && !doc.has(j - 1, lexicon::F_MONTHS)
        && !matches!(doc.punct_char(j + 1), Some('–' | '-' | '—' | ':' | '/' | '%'))
        && !doc.has(j + 1, lexicon::F_UNITS | lexicon::F_NUMBER_WORDS | lexicon::F_CURRENCIES)
        && doc.tokens.get(j + 1).is_none_or(|n| n.kind != Kind::Number)
}

/// A Roman numeral of two letters or more ("II", "XIV"): a number in a name, never an acronym.
pub(crate) fn roman_numeral(doc: &Doc, j: usize) -> bool {
    let Some(t) = doc.tokens.get(j) else { return false };
    let len = t.end() - t.start();
    t.kind == Kind::Word
        && t.all_caps
        && (2..=5).contains(&len)
        && doc.chars[t.start()..t.end()].iter().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// "Thutmose III", "Charles I of England": a regnal number after a name is part of it ("I" only
/// before "of", where it cannot be the pronoun).
fn regnal_number(doc: &Doc, j: usize) -> bool {
    let numeral = roman_numeral(doc, j) || doc.text(j) == "I" && doc.lower(j + 1) == "of";
    numeral && j > 0 && doc.tokens[j - 1].sent() == doc.tokens[j].sent() && name_like(doc, j - 1)
}

/// The last word of a name of an event, a period, a law or an award ("War", "Act", "Games";
/// `name_words.txt` and the event heads of `grammar.txt`).
pub(crate) fn other_kind_head(doc: &Doc, i: usize) -> bool {
    doc.has(i, lexicon::F_NOMINAL_EVENT) || lexicon::get().name_words.other_heads.contains(doc.lower(i))
}

/// An abbreviation of a thing, not a name ("DNA", "GDP"; `name_words.txt`).
pub(crate) fn common_acronym(doc: &Doc, i: usize) -> bool {
    lexicon::get().name_words.common_acronyms.contains(doc.lower(i))
}

/// An era marker ("BC", "AD"; `name_words.txt`), written in capitals.
pub(super) fn era(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.all_caps) && lexicon::get().name_words.eras.contains(doc.lower(i))
}

/// An era marker written beside a number ("500 BC", "AD 79"): part of a date, not a name.
pub(crate) fn era_beside_number(doc: &Doc, i: usize) -> bool {
    let number = |j: usize| doc.tokens.get(j).is_some_and(|t| t.kind == Kind::Number);
    lexicon::get().name_words.eras.contains(doc.lower(i)) && (i.checked_sub(1).is_some_and(number) || number(i + 1))
}

/// A word for a people or a nationality by its ending (`[demonym_ending]`: "Macedonian",
/// "Vietnamese"), used as one: before a word in lower case ("Macedonian army") or in the plural
/// ("Phoenicians"), not before a possessive ("the Smithsonian's"). Not a given name ("Julian")
/// nor a title word; short words ("Sean") are left.
fn demonym(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    if !t.cap || t.all_caps || doc.has(i, lexicon::F_GIVEN_NAMES | lexicon::F_TITLE_WORDS) {
        return false;
    }
    let w = doc.lower(i);
    if w.chars().count() < 6 {
        return false;
    }
    let endings = &lexicon::get().name_words.demonym_endings;
    let ends = |w: &str| endings.iter().any(|e| w.ends_with(e.as_str()));
    let plural = w.strip_suffix('s').is_some_and(|stem| ends(stem) && !stem.ends_with("ese"));
    let before_common_word = doc.tokens.get(i + 1).is_some_and(|n| {
        n.kind == Kind::Word
            && !n.cap
            && doc.chars.get(n.start()).is_some_and(|c| c.is_alphabetic())
            && n.sent() == t.sent()
            && !doc.has(i + 1, lexicon::F_FUNCTION_WORDS | lexicon::F_PRONOUNS | lexicon::F_AUX | lexicon::F_CUE)
    });
    plural || ends(w) && before_common_word
}

/// The role whose place the name at `k` is: "mayor" in "the mayor of Brisbane", and for a name
/// joined to such a place by "and" or a comma ("Governor-General of Hunan and Hubei") the same
/// role (`[place_role]` in `name_words.txt`).
fn place_of_role(doc: &Doc, k: usize) -> Option<usize> {
    let mut p = k.checked_sub(1)?;
    if matches!(doc.lower(p), "and" | ",") {
        let mut s = p;
        while s > 0 && name_like(doc, s - 1) {
            s -= 1;
        }
        if s == p {
            return None;
        }
        p = s.checked_sub(1)?;
    }
    if doc.lower(p) == "the" {
        p = p.checked_sub(1)?;
    }
    let role = p.checked_sub(1).filter(|_| doc.lower(p) == "of")?;
    lexicon::get().name_words.place_roles.contains(doc.lower(role)).then_some(role)
}

/// The last word of a place's name ("Ocean", "Park", "Empire"; `name_words.txt`).
fn place_word(doc: &Doc, i: usize) -> bool {
    lexicon::get().name_words.place_words.contains(doc.lower(i))
}

/// A head of "X of Y" place names ("State of Texas", "City of London"; `name_words.txt`).
fn place_head(w: &str) -> bool {
    lexicon::get().name_words.place_heads.contains(w)
}

/// A small word joining the parts of one name ("Bank of England"; `name_words.txt`).
fn connector(w: &str) -> bool {
    lexicon::get().name_words.connectors.contains(w)
}

/// "the Andy Warhol Foundation", "the Irving Police Department": a name the text also uses on its
/// own, written inside a longer name (before its last word), is a mention of its own.
pub(super) fn nested_names(doc: &Doc, list: &mut Vec<Ment>) {
    // Gazetteer names are whole; a person's or an unknown name's words are not separate names
    // ("Space Shuttle Columbia").
    let outer = |m: &Ment| {
        m.kind == MKind::Name
            && m.canonical.is_none()
            && !matches!(m.label, "PERSON" | "MISC")
            && m.tok.1 >= m.tok.0 + 2
    };
    if !list.iter().any(outer) {
        return;
    }
    // Names keyed by a hash of their lower-cased words (no allocation per name).
    let key = |s: usize, e: usize| {
        let mut h = FastHasher::default();
        for j in s..e {
            h.write(doc.lower(j).as_bytes());
            h.write_u8(0);
        }
        h.finish()
    };
    let mut known: FastMap<u64, usize> = FastMap::default();
    let mut spans: HashSet<(usize, usize)> = HashSet::default();
    for (i, m) in list.iter().enumerate() {
        if m.kind != MKind::Name {
            continue;
        }
        spans.insert(m.tok);
        // Only a name used on its own (not a piece cut from a longer capitalised run), and not a
        // word that is also a description or a title ("the Church", "Administrator").
        let (s, e) = m.tok;
        let alone = !(name_like(doc, e) || s > 0 && name_like(doc, s - 1));
        let generic = e == s + 1 && doc.has(s, lexicon::F_NOMINAL | lexicon::F_ORG_HEADS | lexicon::F_TITLE_WORDS);
        if alone && !generic && m.label != "NORP" {
            known.entry(key(s, e)).or_insert(i);
        }
    }
    for i in 0..list.len() {
        if !outer(&list[i]) {
            continue;
        }
        let (s, e) = list[i].tok;
        let label = list[i].label;
        let mut a = s;
        while a + 1 < e {
            let found = (1..=3.min(e - 1 - a)).rev().find_map(|len| {
                let b = a + len;
                let k = known.get(&key(a, b)).copied()?;
                let first_last_ok = doc.is_word(a) && doc.is_word(b - 1) && !connector(doc.lower(b - 1));
                // The name's own short form ("Andy Warhol Foundation" in "… Foundation for the
                // Visual Arts") is the same name, grouped with it; what is inside it may not be.
                let short_form = a == s && list[k].label == label;
                (first_last_ok && !short_form && !spans.contains(&(a, b))).then_some((b, k))
            });
            let Some((b, k)) = found else {
                a += 1;
                continue;
            };
            let mut m = ment(doc, a, b, list[k].label, MKind::Name, "name inside a longer name");
            m.canonical = list[k].canonical;
            spans.insert((a, b));
            list.push(m);
            a = b;
        }
    }
}

/// The possessive of "People's Party", "Korean People's Army": part of the name.
fn peoples(doc: &Doc, j: usize) -> bool {
    j > 0 && doc.lower(j) == "'s" && doc.lower(j - 1) == "people" && name_like(doc, j + 1)
}

/// End of a capitalised run starting at `i` (connectors and honorific dots allowed inside).
pub(super) fn run_end(doc: &Doc, i: usize) -> usize {
    let n = doc.tokens.len();
    let sent = doc.tokens[i].sent();
    let words = &lexicon::get().name_words;
    let mut j = i + 1;
    loop {
        if j >= n || doc.tokens[j].sent() != sent {
            return j;
        }
        // "… Elizabeth Quat In the New Territories": a capitalised preposition after a heading
        // with no full stop starts a new sentence, not a longer name.
        if doc.tokens[j].cap && !doc.tokens[j].all_caps && words.run_breakers.contains(doc.lower(j)) {
            return j;
        }
        // "Paul Tuesday night said": a day after a name is when, not more of the name ("Super
        // Tuesday", "Good Friday" are names of days).
        if doc.has(j, lexicon::F_WEEKDAYS)
            && !doc.tokens[j].all_caps
            && !words.day_name_modifiers.contains(doc.lower(j - 1))
        {
            return j;
        }
        if name_like(doc, j) || peoples(doc, j) {
            j += 1;
            continue;
        }
        // "Mr." "Sen." "L. Ron Hubbard": the dot after an abbreviation or an initial stays in the run.
        if doc.is_punct(j, '.')
            && (doc.has(j - 1, lexicon::F_ABBREVIATIONS) || initial(doc, j - 1))
            && doc.tokens[j].start() == doc.tokens[j - 1].end()
            && name_like(doc, j + 1)
        {
            j += 1;
            continue;
        }
        if and_inside_name(doc, j) {
            j += 1;
            continue;
        }
        if version_number(doc, j) {
            return j + 1;
        }
        let w = doc.lower(j);
        // "Bank of England", "Foundation for the Future": a connector ("for the" too, and "of
        // the" inside a purpose, "for the Protection of the Danube River": elsewhere "of the"
        // more often leaves a name, "Shiu Ka-chun of the Social Welfare constituency"), and more
        // of the name.
        let the_after = doc.lower(j + 1) == "the"
            && name_like(doc, j + 2)
            && (w == "for" || w == "of" && (i..j).any(|x| doc.lower(x) == "for"));
        if connector(w) && (name_like(doc, j + 1) || the_after) && (w != "on" || doc.tokens[j - 1].all_caps) {
            if w == "on" {
                return j;
            }
            j += 1;
            if doc.lower(j) == "the" && name_like(doc, j + 1) {
                j += 1;
            }
            continue;
        }
        // "Ambassador to the United States", "Special Envoy to Syria": a title's complement.
        if w == "to" && is_title_word(doc, lexicon::get(), j - 1) {
            let g = if doc.lower(j + 1) == "the" { j + 2 } else { j + 1 };
            if g < n && doc.tokens[g].sent() == sent && name_like(doc, g) {
                j = g;
                continue;
            }
        }
        if w == "the" && doc.lower(j - 1) == "of" {
            j += 1;
            continue;
        }
        return j;
    }
}

/// Longest gazetteer name starting at `k` within `[k, end)`.
pub(crate) fn gazetteer_at(
    doc: &Doc,
    lex: &'static Lexicon,
    k: usize,
    end: usize,
) -> Option<(usize, &'static str, &'static str)> {
    if !doc.has(k, lexicon::F_NAME_START) {
        return None;
    }
    // No listed name is longer than this, nor than the buffer below.
    let max = lex.max_name_words.min(end - k).min(15);
    // The key grows a word at a time, on the stack, while some listed name goes on from it.
    let mut key = [0u8; 160];
    let mut used = 0;
    let mut found = None;
    for len in 1..=max {
        let w = doc.lower(k + len - 1).as_bytes();
        let sep = usize::from(len > 1 && w != b"'s");
        if used + sep + w.len() > key.len() {
            break;
        }
        if sep == 1 {
            key[used] = b' ';
        }
        key[used + sep..used + sep + w.len()].copy_from_slice(w);
        used += sep + w.len();
        let Ok(kk) = std::str::from_utf8(&key[..used]) else { break };
        if let Some(e) = lex.names.get(kk) {
            // Single words that are also common words need the capital: checked by the caller.
            found = Some((k + len, e.label, e.canonical.as_str()));
        }
        if !lex.name_prefixes.contains(kk) {
            break;
        }
    }
    found
}

fn is_title_word(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    doc.has(i, lexicon::F_TITLE_WORDS) || {
        let w = doc.lower(i);
        w.ends_with('.') && lex.title_words.contains(w.trim_end_matches('.'))
    }
}

pub(super) fn segment_run(
    doc: &Doc,
    lex: &'static Lexicon,
    mid_caps: &HashSet<&str>,
    start: usize,
    end: usize,
    out: &mut Vec<Ment>,
) {
    let headline = doc.headline.get(doc.tokens[start].para()).copied().unwrap_or(false);
    let mut k = start;
    // A sentence-initial or headline word must earn its capital.
    let mut strict_until = if sentence_initial(doc, start) || quote_initial(doc, start) { start + 1 } else { start };
    if headline {
        strict_until = end;
    }
    let mut pending_title: Option<usize> = None;
    while k < end {
        let w = doc.lower(k);
        if connector(w) || w == "the" || doc.punct_char(k).is_some() {
            k += 1;
            continue;
        }
        // "Jordan Spieth", "Chad Smith": a place that is also a given name, before a name that is
        // not a place or a title, opens a person's name.
        let given_first = |e: usize| {
            e == k + 1
                && doc.has(k, lexicon::F_GIVEN_NAMES)
                && e < end
                && name_like(doc, e)
                && !doc.has(e, lexicon::F_ORG_HEADS)
                && gazetteer_at(doc, lex, e, end).is_none()
                && !is_title_word(doc, lex, e)
        };
        if let Some((e, label, canonical)) =
            gazetteer_at(doc, lex, k, end).filter(|g| !(g.1 == "GPE" && given_first(g.0)))
        {
            let single_common = e == k + 1 && doc.has(k, lexicon::F_FUNCTION_WORDS) && !doc.tokens[k].all_caps;
            // "Korean Central News Agency", "Korean People's Army": a nationality or place
            // opening an organisation's name is part of it.
            // "Pacific Ocean", "Irish Sea", "Russian Empire": a place word after it makes a place.
            let org_end = if matches!(label, "NORP" | "GPE" | "LOC") && e < end && name_like(doc, e) {
                let ge = name_group_end(doc, lex, e, end);
                let titled = (e..ge).any(|j| is_title_word(doc, lex, j));
                let org_like = label != "LOC" && doc.has(ge - 1, lexicon::F_ORG_HEADS);
                let kind = if org_like { Some("ORG") } else { place_word(doc, ge - 1).then_some("LOC") };
                kind.filter(|_| ge > e && !titled).map(|kind| (ge, kind))
            } else {
                None
            };
            if let Some((ge, kind)) = org_end {
                let reason = match kind {
                    "ORG" => "organisation name (ends in an organisation word)",
                    _ => "place name (ends in a place word)",
                };
                out.push(ment(doc, k, ge, kind, MKind::Name, reason));
                // "the US State Department": the place is a mention of its own (a nationality is not).
                if label == "GPE" && kind == "ORG" {
                    let mut m = ment(doc, k, e, label, MKind::Name, "place inside an organisation's name");
                    m.canonical = Some(canonical);
                    out.push(m);
                }
                k = ge;
                continue;
            }
            if !single_common {
                // A demonym inside a title ("Russian Foreign Minister") is still a NORP.
                let mut m = ment(doc, k, e, label, MKind::Name, name_kind(label));
                m.canonical = Some(canonical);
                out.push(m);
                // An acronym org or place right before a title belongs to the title ("UN Special Envoy").
                if is_title_word(doc, lex, e) && label != "NORP" && pending_title.is_none() {
                    pending_title = Some(k);
                }
                k = e;
                continue;
            }
        }
        // "Sputnik-Middle East": a known name before a hyphen.
        let tk = doc.tokens[k];
        if let Some(h) = doc.chars[tk.start()..tk.end()].iter().position(|&c| c == '-') {
            let head: String = doc.chars[tk.start()..tk.start() + h].iter().flat_map(|c| c.to_lowercase()).collect();
            if let Some(entry) = lex.names.get(&head).filter(|_| h > 1 && !lex.names.contains_key(w)) {
                let mut m = ment(doc, k, k + 1, entry.label, MKind::Name, name_kind(entry.label));
                m.end = tk.start() + h;
                m.canonical = Some(entry.canonical.as_str());
                out.push(m);
                k += 1;
                continue;
            }
        }
        let strict = k < strict_until;
        // "Lower Austria", "New France": a listed place after a direction or "New" is a place
        // of its own.
        if !strict && lex.name_words.place_modifiers.contains(w) {
            let place = gazetteer_at(doc, lex, k + 1, end).filter(|g| matches!(g.1, "GPE" | "LOC"));
            if let Some((e, label, _)) = place {
                out.push(ment(
                    doc,
                    k,
                    e,
                    label,
                    MKind::Name,
                    "place name (a listed place after a direction or \"New\")",
                ));
                k = e;
                continue;
            }
        }
        // "the State of Texas" is a place, not the title of "Secretary of State".
        let place_of = place_head(w) && doc.lower(k + 1) == "of" && k + 2 < end;
        // "National Air and Space Museum", "Home Office": title-like words running on to an
        // organisation word are the organisation's name, not a title.
        if is_title_word(doc, lex, k) && !place_of && !org_tail(doc, lex, k, end) {
            // Title stretch: title words, "of/for" + one name or title word.
            let ts = pending_title.take().unwrap_or(k);
            let mut e = k;
            loop {
                if e < end
                    && (is_title_word(doc, lex, e)
                        || (doc.is_punct(e, '.') && e > k && doc.has(e - 1, lexicon::F_ABBREVIATIONS)))
                {
                    e += 1;
                } else if e + 1 < end && matches!(doc.lower(e), "of" | "for" | "to") {
                    let g = if doc.lower(e) == "to" && doc.lower(e + 1) == "the" { e + 2 } else { e + 1 };
                    if let Some((ge, label, canonical)) = gazetteer_at(doc, lex, g, end) {
                        // "Governor of Washington": the place or body is a mention of its own.
                        if label != "NORP" {
                            let mut m = ment(doc, g, ge, label, MKind::Name, name_kind(label));
                            m.canonical = Some(canonical);
                            out.push(m);
                        }
                        e = ge;
                    } else if is_title_word(doc, lex, e + 1) {
                        e += 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let only_honorific = (k..e).all(|j| doc.has(j, lexicon::F_ABBREVIATIONS) || doc.punct_char(j).is_some());
            let last_is_org = doc.has(e - 1, lexicon::F_ORG_HEADS);
            if last_is_org && !(e < end && name_like(doc, e)) {
                out.push(ment(doc, ts, e, "ORG", MKind::Name, "organisation name (ends in an organisation word)"));
            } else if !(only_honorific || strict && e == k + 1 && e >= end) {
                let mut m = ment(doc, ts, e, "TITLE", MKind::Title, "title or role");
                m.tok = (ts, e);
                out.push(m);
            }
            if e < end {
                // What follows a title is a person.
                let title_idx = (!only_honorific).then(|| out.len() - 1);
                let pe = name_group_end(doc, lex, e, end);
                if pe > e {
                    let mut m = ment(
                        doc,
                        e,
                        pe,
                        "PERSON",
                        MKind::Name,
                        format!(
                            "name after the title \"{}\"",
                            super::super::slice(&doc.chars, doc.tokens[ts].start(), doc.tokens[e - 1].end())
                        ),
                    );
                    m.title = title_idx;
                    out.push(m);
                    k = pe;
                    continue;
                }
            }
            k = e.max(k + 1);
            continue;
        }
        pending_title = None;
        let ge = name_group_end(doc, lex, k, end);
        let mut ge = ge.max(k + 1);
        // "Church of Scientology", "University of Texas", "State of Texas": one name.
        let mut of_label = None;
        let mut inner = None;
        // "International Organization for Renewable Energies", "National Association for the
        // Advancement of Colored People": what an organisation is for is part of its name.
        let org_purpose = doc.lower(ge) == "for" && doc.has(ge - 1, lexicon::F_ORG_HEADS);
        if (doc.lower(ge) == "of" || org_purpose)
            && ge + 1 < end
            && (place_of
                || !(k..ge).any(|j| is_title_word(doc, lex, j))
                || org_purpose && !(k..ge).any(|j| doc.has(j, lexicon::F_PERSON_ROLES)))
        {
            let head = doc.lower(ge - 1);
            let place = place_head(head) && !org_purpose;
            // "Gulf of Mexico", "Sea of Galilee", "Tower of London": a place's own name.
            let site = place_word(doc, ge - 1) && !org_purpose;
            if place || site || doc.has(ge - 1, lexicon::F_ORG_HEADS) {
                let ys = if doc.lower(ge + 1) == "the" { ge + 2 } else { ge + 1 };
                // The rest of the capitalised run, places included ("of Southern Indiana"); an
                // organisation's name runs on over "of" and "for (the)" ("Alliance of Democratic
                // Forces for the Liberation of Congo"), not over "and", which may join two.
                let org = !place && !site;
                let mut purpose = org_purpose;
                let mut ye = ys;
                loop {
                    if ye < end && name_like(doc, ye) && !is_title_word(doc, lex, ye) {
                        ye += 1;
                        continue;
                    }
                    // "of" only inside a purpose ("for the Liberation of Congo"), not after the
                    // place ("University of Sheffield of the UK").
                    let small = |j: usize| match doc.lower(j) {
                        "for" => j == ye,
                        "of" => j == ye && purpose,
                        "the" => j == ye + 1,
                        _ => false,
                    };
                    let mut g = ye;
                    while org && g < end && g < ye + 2 && small(g) {
                        g += 1;
                    }
                    purpose |= g > ye && doc.lower(ye) == "for";
                    if g > ye && g < end && name_like(doc, g) {
                        ye = g;
                        continue;
                    }
                    break;
                }
                if ye > ys {
                    ge = ye;
                    // What follows "of" is a name of its own when it is a place ("Texas" in
                    // "University of Texas"), not when it names a subject ("Museum of Flight").
                    let placed = place
                        || site
                        || lexicon::get().name_words.placed_heads.contains(head)
                        || (ys..ye).any(|j| gazetteer_at(doc, lex, j, ye).is_some());
                    inner = placed.then_some(ys);
                    of_label = Some(if place {
                        "GPE"
                    } else if site {
                        "LOC"
                    } else {
                        "ORG"
                    });
                }
            }
        }
        let first = doc.lower(k);
        // "Thutmose III" (not "War II" of "World War II").
        let regnal = ge == k + 2 && regnal_number(doc, k + 1) && !other_kind_head(doc, k) && !place_word(doc, k);
        let known = doc.has(k, lexicon::F_GIVEN_NAMES) || doc.tokens[k].all_caps || mid_caps.contains(first) || regnal;
        // "November showed …", "Videos show …": a month, a number or a document before a verb is
        // not made a name by standing there.
        let not_a_name = doc
            .has(k, lexicon::F_MONTHS | lexicon::F_WEEKDAYS | lexicon::F_TEMPORAL | lexicon::F_NUMBER_WORDS)
            && !doc.has(k, lexicon::F_GIVEN_NAMES)
            || lex.document_sources.contains(first);
        let followed_by_cue = !not_a_name
            && (doc.has(ge, lexicon::F_CUE) || doc.has(ge, lexicon::F_AUX) && doc.has(ge + 1, lexicon::F_CUE));
        let before_who = !not_a_name && ge > k + 1 && before_relative_who(doc, ge);
        if strict && !known && !followed_by_cue && !before_who {
            // "Combat operations", "Our strategy": an ordinary word with a sentence capital.
            if ge > k + 1 && mid_caps.contains(doc.lower(k + 1)) && !headline {
                k += 1;
                continue;
            }
            if headline {
                k += 1;
                continue;
            }
            k = ge;
            continue;
        }
        if doc.has(k, lexicon::F_FUNCTION_WORDS | lexicon::F_PRONOUNS)
            || doc.has(k, lexicon::F_CUE) && !mid_caps.contains(first)
        {
            k += 1;
            continue;
        }
        if doc.tokens[k].all_caps && ge == k + 1 && strict_until > k && headline {
            k += 1;
            continue;
        }
        if heading_before_colon(doc, k, ge) {
            k = ge;
            continue;
        }
        if ge == k + 1 && (common_acronym(doc, k) || era_beside_number(doc, k) || roman_numeral(doc, k)) {
            k += 1;
            continue;
        }
        let words = ge - k;
        let (label, reason) = if let Some(l) = of_label {
            (l, Reason::Borrowed("name of the form \"X of Y\""))
        } else if regnal {
            ("PERSON", Reason::Borrowed("name with a regnal number"))
        } else if doc.has(ge - 1, lexicon::F_ORG_HEADS) && words >= 2 {
            ("ORG", Reason::Borrowed("organisation name (ends in an organisation word)"))
        } else if doc.has(ge - 1, lexicon::F_NOMINAL_GPE) && words >= 2 {
            ("GPE", Reason::Borrowed("place name (ends in a place word)"))
        } else if place_word(doc, ge - 1) && words >= 2 && !doc.has(k, lexicon::F_GIVEN_NAMES) {
            // "Golden Gate Park", "Tampa Bay" (not "Michael Bay").
            ("LOC", Reason::Borrowed("place name (ends in a place word)"))
        } else if words >= 2 && other_kind_head(doc, ge - 1) && !doc.has(k, lexicon::F_GIVEN_NAMES) {
            // "the Second World War", "the Clean Air Act", "the Olympic Games" (not "Doris Day").
            ("MISC", Reason::Borrowed("name of an event, a period, a law or an award (ends in such a word)"))
        } else if doc.has(ge - 1, lexicon::F_NOMINAL | lexicon::F_NOMINAL_EVENT) && words >= 2 {
            // "Ford Museum", "Mercy Hospital": named institutions, not people (and an event whose
            // name opens with a given name, which the rule above leaves to this one).
            ("ORG", Reason::Borrowed("name of an institution or event (ends in such a word)"))
        } else if let Some(role) = place_of_role(doc, k) {
            ("GPE", Reason::Owned(format!("place name (after \"{} of\")", doc.text(role))))
        } else if doc.tokens[k].all_caps && words == 1 {
            ("ORG", Reason::Borrowed("acronym"))
        } else if (k..ge).any(|j| and_inside_name(doc, j))
            || words >= 2
                && doc.tokens[k].all_caps
                && !doc.tokens[k + 1].all_caps
                && !doc.has(k, lexicon::F_GIVEN_NAMES)
        {
            // "WWF Central and Eastern Europe", "BBC News": not a person's name.
            ("ORG", Reason::Borrowed("organisation name (an acronym or \"and\" inside)"))
        } else if before_who {
            // "Rucker Culpepper, who runs …": a relative clause only people take.
            ("PERSON", Reason::Borrowed("name before a relative clause (\", who …\")"))
        } else if doc.has(k, lexicon::F_GIVEN_NAMES) && words >= 2 {
            ("PERSON", Reason::Owned(format!("starts with the given name \"{}\"", doc.text(k))))
        } else if (2..=4).contains(&words) {
            // Probably a person, but only a speech verb, a title or a later mention proves it.
            ("MISC", Reason::Borrowed("capitalised name"))
        } else if followed_by_cue {
            ("PERSON", Reason::Borrowed("name followed by a speech verb"))
        } else if words == 1 && demonym(doc, k) {
            ("NORP", Reason::Borrowed("nationality or people (ends like one, and used as one)"))
        } else {
            ("ORG", Reason::Borrowed("capitalised name"))
        };
        let mut m = ment(doc, k, ge, label, MKind::Name, reason);
        // Unknown single names get their final type from coreference.
        if words == 1 && label == "ORG" && !doc.tokens[k].all_caps {
            m.canonical = None;
            m.title = None;
            m.reason = Reason::Borrowed("capitalised name");
            m.label = "MISC";
        }
        out.push(m);
        k = inner.unwrap_or(ge);
    }
}

/// "KEEPING SCORE: …", "JAPAN ECONOMY: …": words in capitals opening a paragraph before a colon
/// label what follows; unless a given name opens them ("DONALD TRUMP:"), they name no one.
fn heading_before_colon(doc: &Doc, start: usize, end: usize) -> bool {
    let opens_paragraph = start == 0 || doc.tokens[start - 1].para() != doc.tokens[start].para();
    opens_paragraph
        && end > start + 1
        && doc.is_punct(end, ':')
        && (start..end).all(|j| doc.tokens[j].all_caps)
        && !doc.has(start, lexicon::F_GIVEN_NAMES)
}

/// "Civil Defense Authority", "National Security Agency": title-like words that, with no role noun
/// among them, run on to an organisation word belong to the organisation's name.
fn org_tail(doc: &Doc, lex: &'static Lexicon, j: usize, end: usize) -> bool {
    let mut e = j;
    while e < end && e < j + 5 && (name_like(doc, e) || e > j && and_inside_name(doc, e)) {
        if doc.has(e, lexicon::F_PERSON_ROLES) {
            return false;
        }
        if doc.has(e, lexicon::F_ORG_HEADS) && !is_title_word(doc, lex, e) {
            return true;
        }
        e += 1;
    }
    false
}

/// End of a name group: capitalised non-title words, with name particles ("De", "bin", "al-").
fn name_group_end(doc: &Doc, lex: &'static Lexicon, k: usize, end: usize) -> usize {
    let mut e = k;
    let mut and_joined = false;
    while e < end {
        if e > k && peoples(doc, e) {
            e += 1;
        } else if doc.is_punct(e, '.') && e > k && initial(doc, e - 1) && e + 1 < end && name_like(doc, e + 1) {
            // "Steven F. Udvar-Hazy": a middle initial's dot.
            e += 1;
        } else if e > k && and_inside_name(doc, e) {
            and_joined = true;
            e += 1;
        } else if e > k && (version_number(doc, e) || regnal_number(doc, e)) {
            e += 1;
        } else if name_like(doc, e) && (e == k || !is_title_word(doc, lex, e) || org_tail(doc, lex, e, end)) {
            // Stop before a gazetteer place/org that starts a new name after the first word,
            // unless a verb form opens the name and it runs on past the place ("Connecting
            // Europe Facility").
            if e > k
                && !and_joined
                && gazetteer_at(doc, lex, e, end).is_some_and(|(ge, l, _)| {
                    l != "PERSON" && !(verb_opening(doc, k) && e == k + 1 && ge < end && name_like(doc, ge))
                })
                && !lex.names.contains_key(&joined(doc, k, e + 1))
            {
                break;
            }
            e += 1;
        } else if e > k && e + 1 < end && lex.name_words.name_particles.contains(doc.lower(e)) {
            e += 1;
        } else {
            break;
        }
    }
    e
}

/// A capitalised "-ing" form that is no given name and no listed place ("Beijing", "Reading"):
/// it opens a name only as the name's own word ("Connecting Europe Facility"), and such a name
/// is not a place's.
pub(crate) fn verb_opening(doc: &Doc, k: usize) -> bool {
    let w = doc.lower(k);
    w.len() > 5 && w.ends_with("ing") && !doc.has(k, lexicon::F_GIVEN_NAMES) && !lexicon::get().names.contains_key(w)
}

fn name_kind(label: &str) -> &'static str {
    match label {
        "GPE" => "place in the gazetteer",
        "LOC" => "location in the gazetteer",
        "ORG" => "organisation in the gazetteer",
        "NORP" => "nationality or group in the gazetteer",
        _ => "name in the gazetteer",
    }
}
