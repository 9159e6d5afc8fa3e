//! Mentions: names, titles, places, organisations, dates, numbers, pronouns and role phrases.
//!
//! Names are found from capitalisation, then segmented with the gazetteers: a capitalised run
//! such as "UN Special Envoy for Syria Staffan De Mistura" yields ORG "UN", TITLE "UN Special
//! Envoy for Syria", GPE "Syria" and PERSON "Staffan De Mistura". Gazetteer entries win, then
//! titles (a name after a title is a person), then organisation shapes (a run ending in "Party",
//! "Council", "Front" …), and what is left is a name whose type coreference may still settle.
//!
//! "Church of Scientology", "University of Texas" are one name (with the name after "of" also a
//! mention of its own), and a nationality opening an organisation's name belongs to it ("Korean
//! Central News Agency"). Definite descriptions whose head can refer back to a name ("the
//! festival", "the country") become candidate mentions that coreference keeps only if resolved.
//!
//! A capital at the start of a sentence or in a title-case headline proves nothing, so such a
//! word only starts a name when the text also capitalises it mid-sentence, a list knows it, or a
//! speech verb follows it ("Lavrov said"). Datelines ("HAMBURG /Germany/, December 8. /TASS/.")
//! come out as GPE, DATE and ORG, never as a person.

mod descriptions;
mod names;
mod values;

use super::Reason;
use super::lexicon::FastSet as HashSet;
use super::lexicon::{self};
use super::quotes::RawQuote;
use super::tokens::{Doc, Kind, TokenIndex};

use descriptions::{nominal_phrase, pronoun_mention, role_phrase};
pub(crate) use names::{common_acronym, era_beside_number, gazetteer_at, other_kind_head, roman_numeral, verb_opening};
use names::{name_like, nested_names, run_end, segment_run};
use values::value_at;

/// What kind of words a mention is, which decides how coreference treats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MKind {
    /// A proper name (from the gazetteer or capitalisation).
    Name,
    /// he, she, his …
    Pronoun,
    /// it, its, they, their, and we/our inside a quotation: an organisation, place or thing.
    Neuter,
    /// I, me, my inside a quotation: the speaker.
    SelfRef,
    /// the minister, the Russian top diplomat.
    Role,
    /// A title before a name, or standing alone.
    Title,
    /// Dates, times and numbers.
    Value,
    /// A definite description that may refer back to a name: "the festival", "the country".
    Nominal,
    /// A speaker phrase that is none of the above ("a source", "officials").
    Other,
}

#[derive(Debug, Clone)]
pub struct Ment {
    pub start: usize,
    pub end: usize,
    /// Token range.
    pub tok: (usize, usize),
    pub label: &'static str,
    pub kind: MKind,
    /// Gazetteer canonical name, when the name is in a list.
    pub canonical: Option<&'static str>,
    /// Index of the title mention right before a person name.
    pub title: Option<usize>,
    /// Index of the top-level quotation containing it.
    pub quote: Option<usize>,
    pub reason: Reason,
    /// How sure the entity model is of the label, when it chose it (see [`super::Mention::margin`]).
    pub margin: Option<u16>,
}

pub struct Mentions {
    pub list: Vec<Ment>,
    /// For each token: the top-level quotation containing it.
    pub tok_quote: TokenIndex,
    /// For each quotation: its first token and the token after it.
    pub quote_tok: Vec<(usize, usize)>,
}

fn joined(doc: &Doc, s: usize, e: usize) -> String {
    let mut out = String::new();
    for i in s..e {
        let w = doc.lower(i);
        if !out.is_empty() && w != "'s" {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

pub fn find_mentions(doc: &Doc, quotes: &[RawQuote]) -> Mentions {
    let lex = lexicon::get();
    let n = doc.tokens.len();
    let mut tok_quote = TokenIndex::new(n);
    let mut quote_tok = Vec::with_capacity(quotes.len());
    // Quotations are sorted and disjoint: one cursor walks the tokens (no binary searches, which
    // miss the cache on long documents).
    let mut t = 0;
    for (qi, q) in quotes.iter().enumerate() {
        while t < n && doc.tokens[t].start() < q.start {
            t += 1;
        }
        let ft = t;
        while t < n && doc.tokens[t].start() < q.end {
            tok_quote.set(t, qi);
            t += 1;
        }
        quote_tok.push((ft, t));
    }
    // Words the text capitalises somewhere mid-sentence: evidence that they are names.
    let mut mid_caps: HashSet<&str> = HashSet::with_capacity_and_hasher(n / 16 + 16, Default::default());
    for i in 0..n {
        let t = doc.tokens[i];
        if t.kind == Kind::Word
            && t.cap
            && !sentence_initial(doc, i)
            && !quote_initial(doc, i)
            && !doc.headline.get(t.para()).copied().unwrap_or(false)
        {
            mid_caps.insert(doc.lower(i));
        }
    }
    let mut list = Vec::with_capacity(n / 4 + 8);
    let mut i = 0;
    while i < n {
        let t = doc.tokens[i];
        let dateish = doc.has(i, lexicon::F_MONTHS | lexicon::F_WEEKDAYS) || t.all_caps && era_beside_number(doc, i);
        if dateish && let Some(end) = value_at(doc, i, &mut list) {
            i = end;
            continue;
        }
        // "I'm", "we've", "they'll": the pronoun is the part before the apostrophe.
        if t.kind == Kind::Word
            && let Some((w, len)) = doc.contracted_pronoun(i)
        {
            if let Some(mut m) = pronoun_mention(doc, i, w, tok_quote.has(i)) {
                m.end = m.start + len;
                list.push(m);
            }
            i += 1;
            continue;
        }
        if t.kind == Kind::Word
            && name_like(doc, i)
            && (t.all_caps || !doc.has(i, lexicon::F_FUNCTION_WORDS | lexicon::F_PRONOUNS))
        {
            let end = run_end(doc, i);
            segment_run(doc, lex, &mid_caps, i, end, &mut list);
            i = end;
            continue;
        }
        if let Some(end) = value_at(doc, i, &mut list) {
            i = end;
            continue;
        }
        // Pronouns and determiners are all listed words: one flag test spares the rest of the text
        // the string comparisons.
        if t.kind == Kind::Word && doc.has(i, lexicon::F_PRONOUNS | lexicon::F_FUNCTION_WORDS) {
            let w = doc.lower(i);
            if let Some(m) = pronoun_mention(doc, i, w, tok_quote.has(i)) {
                list.push(m);
            } else if matches!(w, "the" | "this")
                && let Some(e) = nominal_phrase(doc, i)
            {
                let text = super::slice(&doc.chars, t.start(), doc.tokens[e - 1].end());
                list.push(ment(doc, i, e, "ORG", MKind::Nominal, format!("description \"{text}\"")));
            } else if matches!(w, "the" | "this")
                && let Some(e) = role_phrase(doc, i)
            {
                list.push(ment(
                    doc,
                    i,
                    e,
                    "PERSON",
                    MKind::Role,
                    format!("role phrase \"{}\"", super::slice(&doc.chars, t.start(), doc.tokens[e - 1].end())),
                ));
            }
        }
        i += 1;
    }
    nested_names(doc, &mut list);
    for m in &mut list {
        m.quote = tok_quote.get(m.tok.0);
    }
    // Text order (longer first), keeping each name's link to its title valid.
    let order = text_order(&list);
    let new_index = super::reorder(&mut list, &order);
    for m in &mut list {
        m.title = m.title.and_then(|t| new_index.get(t).copied());
    }
    Mentions { list, tok_quote, quote_tok }
}

/// Mention indices in text order: by start, longer first, then by index. Sorting small keys
/// rather than indices into the mentions keeps a long document's sort inside the cache.
pub fn text_order(list: &[Ment]) -> Vec<usize> {
    let mut keys: Vec<(usize, std::cmp::Reverse<usize>, usize)> =
        list.iter().enumerate().map(|(i, m)| (m.start, std::cmp::Reverse(m.end), i)).collect();
    sort_nearly_sorted(&mut keys);
    keys.into_iter().map(|k| k.2).collect()
}

/// Sorts keys that are almost in order already (the passes emit mentions left to right, a few
/// of them a little late) by insertion, which is linear then. A key that has far to go (mentions
/// appended after the first passes) hands over to the standard sort, which merges a long sorted
/// prefix with a short tail cheaply; no input costs more than 32 moves a key plus a sort.
fn sort_nearly_sorted<T: Ord>(keys: &mut [T]) {
    for i in 1..keys.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            if i - j == 32 {
                keys.sort();
                return;
            }
            keys.swap(j - 1, j);
            j -= 1;
        }
    }
}

fn ment(doc: &Doc, s: usize, e: usize, label: &'static str, kind: MKind, reason: impl Into<Reason>) -> Ment {
    let start = doc.tokens.get(s).map_or(0, |t| t.start());
    let end = doc.tokens.get(e.saturating_sub(1)).map_or(start, |t| t.end()).max(start + 1);
    Ment {
        start,
        end,
        tok: (s, e),
        label,
        kind,
        canonical: None,
        title: None,
        quote: None,
        reason: reason.into(),
        margin: None,
    }
}

/// Whether a comma and "who", "whose" or "whom" follow the words ending before token `end`: a
/// relative clause only people take ("Rucker Culpepper, who runs …").
pub fn before_relative_who(doc: &Doc, end: usize) -> bool {
    doc.is_punct(end, ',') && matches!(doc.lower(end + 1), "who" | "whose" | "whom")
}

/// First word of its sentence (after opening quotes and brackets).
pub fn sentence_initial(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else { return false };
    let Some(&(s, _)) = doc.sentences.get(t.sent()) else { return false };
    (s..i).all(|j| doc.tokens[j].kind == Kind::Punct)
}

/// First word of a quotation ("commented, “Hoping that …"): capitalised like a sentence start.
fn quote_initial(doc: &Doc, i: usize) -> bool {
    let opening = |j: usize| match doc.punct_char(j) {
        Some('“' | '‘') => true,
        Some('"') => j == 0 || doc.tokens[j - 1].end() < doc.tokens[j].start() || doc.punct_char(j - 1).is_some(),
        _ => false,
    };
    i > 0 && opening(i - 1) && doc.tokens[i - 1].end() == doc.tokens[i].start()
}
