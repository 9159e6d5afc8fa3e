//! The learned entity model: an averaged-perceptron tagger that decides which capitalised words
//! are names of people, organisations and places, beside the rules in [`super::entities`].
//!
//! The rules still find titles, dates, numbers, datelines and descriptions, and group mentions;
//! the model reads the same tokens and lexicon flags as features and, where it finds a name,
//! its span and type replace the rules' guess. Where it is silent the rules stand, so a text the
//! model never saw the like of gets at worst what the rules give. Every name the model decides
//! carries the reason: its type, its probability and the features that weighed most.
//!
//! The weights (`assets/model/ner.bin`) are built by `sayso train ner` ([`train`]) and embedded
//! in the binary; they are parsed once, on first use.

mod document;
mod features;
mod model;
mod train;
mod tune;

pub use model::{Model, TYPES};
pub use train::{
    EPOCHS, GUM_GENRES, Sentence, counts, gum_genre_allowed, read_conll_io, read_gum_conllu, read_iob2, train,
};
pub use tune::{Reviewed, TUNE_EPOCHS, fine_tune};

use std::cmp::Reverse;
use std::fmt::Write;

use super::entities::{MKind, Ment, Mentions, before_relative_who, text_order};
use super::lexicon::FastMap;
use super::tokens::{Doc, Kind};
use super::{Explain, Reason};
use document::Settled;
use features::{Context, PER_TOKEN};
use std::sync::OnceLock;

/// The shipped weights, as embedded (parsed by [`shipped`]).
pub const WEIGHTS: &[u8] = include_bytes!("../../../assets/model/ner.bin");

/// The shipped model, parsed on first use; `None` if the embedded file is not a model (the
/// rules then work alone).
pub fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_static(WEIGHTS)).as_ref()
}

/// A name the model found in a document: token span, Sayso label, and what its reason is made
/// of (written only for the names that are kept, by [`Found::reason`]).
struct Found {
    pub tok: (usize, usize),
    pub label: &'static str,
    span: model::Span,
    how: Settled,
}

/// The names `model` alone finds in `text`: code-point span and Sayso label (for measuring a
/// model apart from the rules).
pub fn model_names(model: &Model, text: &str) -> Vec<(usize, usize, &'static str)> {
    let doc = Doc::new(text);
    let context = Context::new(&doc);
    let found = found(&doc, &model.tag(&doc, &context));
    found
        .iter()
        .filter(|f| f.label != "MISC")
        .map(|f| (doc.tokens[f.tok.0].start(), doc.tokens[f.tok.1 - 1].end(), f.label))
        .collect()
}

/// The tagger's names, settled against each other (MISC: a name of another kind, such as an
/// event, a work or a language).
fn found(doc: &Doc, tagged: &model::Tagged) -> Vec<Found> {
    document::settle(doc, tagged.spans.clone())
        .into_iter()
        .map(|(span, how)| Found { tok: span.tok, label: sayso_label(span.kind), span, how })
        .collect()
}

impl Found {
    /// The reason shown for name `k` of `all`.
    fn reason(all: &[Found], k: usize, model: &Model, doc: &Doc, context: &Context, tagged: &model::Tagged) -> String {
        let f = &all[k];
        match f.how {
            Settled::Surname(j) | Settled::Same(j) if j >= k => why(model, doc, context, tagged, &f.span),
            Settled::Tagger => why(model, doc, context, tagged, &f.span),
            Settled::Surname(j) => format!("model: {} — the surname of \"{}\"", f.label, words(doc, all[j].tok)),
            Settled::Same(j) => {
                let mut out = format!("model: {} — as \"{}\" elsewhere in the text (", f.label, words(doc, all[j].tok));
                write_hundredths(&mut out, all[j].span.confidence);
                out.push(')');
                out
            }
        }
    }
}

/// Writes a probability as `{:.2}` would ("0.93"; ties to even on the exact value, which an
/// `f64` holds for any `f32` times 100) without the general float formatter, which cost more
/// than the rest of a reason.
fn write_hundredths(out: &mut String, p: f32) {
    let v = f64::from(p.clamp(0.0, 1.0)) * 100.0;
    let mut r = v.round();
    if v - v.trunc() == 0.5 && r % 2.0 == 1.0 {
        r -= 1.0;
    }
    let r = r as u32;
    let _ = write!(out, "{}.{:02}", r / 100, r % 100);
}

/// The reason of a name kept against the model's reading.
const RECURRING: &str =
    "capitalised inside sentences more than once: a name, of a type neither the rules nor the entity model can tell";

/// The reason of a name the model typed when no one will read it in full.
const BRIEFLY: &str = "entity model";

/// Sayso's label for a model type (a place is a GPE until the rules say LOC).
fn sayso_label(kind: usize) -> &'static str {
    match TYPES[kind] {
        "PER" => "PERSON",
        "ORG" => "ORG",
        "LOC" => "GPE",
        _ => "MISC",
    }
}

fn words(doc: &Doc, tok: (usize, usize)) -> String {
    let (Some(a), Some(b)) = (doc.tokens.get(tok.0), doc.tokens.get(tok.1.saturating_sub(1))) else {
        return String::new();
    };
    super::slice(&doc.chars, a.start(), b.end())
}

/// "model: ORG 0.93 — after 'shares of', capitalised, in the gazetteer (ORG)": the span's type,
/// its probability and the three features of its first word that favoured the type most over
/// the runner-up.
fn why(model: &Model, doc: &Doc, context: &Context, tagged: &model::Tagged, s: &model::Span) -> String {
    let i = s.tok.0;
    let (feats, scores) = match tagged.features_of(i) {
        Some((f, scores)) => (*f, scores),
        None => {
            // A name opens after a word outside any name (or at a sentence start): previous tag O.
            let mut f = [0u32; PER_TOKEN];
            features::features(doc, context, i, model::OUTSIDE, &mut f);
            (f, model.scores(&f))
        }
    };
    let chosen = 1 + 2 * s.kind;
    // The best other tag a name's first word could have had: outside, or the start of another type.
    let runner_up =
        (0..scores.len()).filter(|&c| c != chosen && (c == 0 || c % 2 == 1)).max_by_key(|&c| scores[c]).unwrap_or(0);
    let mut parts = [(0i32, 0usize); PER_TOKEN];
    let mut n = 0;
    for (k, &b) in feats.iter().enumerate() {
        let d = model.weight(b, chosen) - model.weight(b, runner_up);
        if d > 0 {
            parts[n] = (d, k);
            n += 1;
        }
    }
    let parts = &mut parts[..n];
    // One string, written in place: the three strongest features that say something, each once.
    let mut out = String::with_capacity(112);
    out.push_str("model: ");
    out.push_str(sayso_label(s.kind));
    out.push(' ');
    write_hundredths(&mut out, s.confidence);
    out.push_str(" — ");
    let mut said = [(0usize, 0usize); 3];
    let mut count = 0;
    // Strongest first (the first feature among equals); only as many are picked as are written.
    while let Some(best) = (0..parts.len()).filter(|&j| parts[j].0 > 0).max_by_key(|&j| (parts[j].0, Reverse(j))) {
        let k = parts[best].1;
        parts[best].0 = 0;
        let before = out.len();
        if count > 0 {
            out.push_str(", ");
        }
        let at = out.len();
        if !features::describe(doc, context, i, k, &mut out)
            || said[..count].iter().any(|&(a, b)| out[a..b] == out[at..])
        {
            out.truncate(before);
            continue;
        }
        said[count] = (at, out.len());
        count += 1;
        if count == 3 {
            break;
        }
    }
    out
}

/// Lets the model decide the type of the named people, organisations and places; the rules keep
/// where names start and end (titles, particles, "of" names, datelines are theirs):
///
/// * a rule name the model also found, or cut differently, takes the type the model gives its
///   words (a place keeps the rules' GPE or LOC), unless the rules' type comes from a list or
///   the name's own shape ([`rule_decides`]); read as another kind of name (an event, a work:
///   MISC), it keeps the rules' type if [`vouched`] and is dropped if not;
/// * a rule name the model finds no name in at all is dropped unless [`vouched`];
/// * a model name no rule name overlaps is added.
pub fn apply(doc: &Doc, ents: &mut Mentions, explain: Explain, model: &Model) {
    let context = Context::new(doc);
    let tagged = model.tag(doc, &context);
    let found = found(doc, &tagged);
    let named = |m: &Ment| m.kind == MKind::Name && matches!(m.label, "PERSON" | "ORG" | "GPE" | "LOC" | "MISC");
    // Which model name covers each token, to find a rule name's overlap without a search.
    let mut cover = vec![usize::MAX; doc.tokens.len()];
    for (k, f) in found.iter().enumerate() {
        cover[f.tok.0..f.tok.1].iter_mut().for_each(|c| *c = k);
    }
    // Counted only once a name needs it: most documents' names are vouched for otherwise.
    let mid_caps = std::cell::OnceCell::new();
    let recurring = |m: &Ment| recurs(doc, m, mid_caps.get_or_init(|| mid_sentence_capitals(doc)));
    let mut used = vec![false; found.len()];
    let mut drop = vec![false; ents.list.len()];
    // "Metro Vancouver": a model name that the rules split into several names, each inside it,
    // is one name; the pieces go.
    let mut pieces = vec![0usize; found.len()];
    let mut outside = vec![false; found.len()];
    // A title among the pieces ("Afghan Ambassador to the United States Hamdullah Mohib"), or
    // a name of another kind by its shape ("Lantern Festival" in "Taiwan Lantern Festival"),
    // means the rules read a structure the model does not: no join.
    for m in ents.list.iter().filter(|m| named(m) || m.kind == MKind::Title) {
        let structured = m.kind == MKind::Title || m.label == "MISC" && rule_decides(m);
        for &c in cover.get(m.tok.0..m.tok.1).unwrap_or(&[]) {
            if c != usize::MAX {
                let f = &found[c];
                if structured || m.tok.0 < f.tok.0 || m.tok.1 > f.tok.1 || m.tok == f.tok {
                    outside[c] = true;
                }
            }
        }
        if let Some(&c) = cover.get(m.tok.0).filter(|&&c| c != usize::MAX && named(m)) {
            pieces[c] += 1;
        }
    }
    let joins: Vec<bool> =
        (0..found.len()).map(|c| pieces[c] >= 2 && !outside[c] && found[c].label != "MISC").collect();
    for (k, m) in ents.list.iter_mut().enumerate() {
        if !named(m) {
            continue;
        }
        if cover.get(m.tok.0).is_some_and(|&c| c != usize::MAX && joins[c]) {
            drop[k] = true;
            continue;
        }
        let overlaps: Option<usize> =
            cover.get(m.tok.0..m.tok.1).and_then(|c| c.iter().copied().find(|&f| f != usize::MAX));
        let Some(f) = overlaps else {
            // A word the model reads as no name but the writer capitalises inside sentences
            // again and again ("Scientology") is a name of some kind: kept, its type unknown.
            if !vouched(doc, m) {
                drop[k] = !recurring(m);
                if !drop[k] {
                    m.label = "MISC";
                    m.reason = Reason::Borrowed(RECURRING);
                }
            }
            continue;
        };
        for &c in cover.get(m.tok.0..m.tok.1).unwrap_or(&[]) {
            if c != usize::MAX {
                used[c] = true;
            }
        }
        let exact = found[f].tok == m.tok;
        let (label, span) = if exact {
            (found[f].label, found[f].span.clone())
        } else {
            let (kind, confidence) = tagged.type_of(m.tok);
            (sayso_label(kind), model::Span { tok: m.tok, kind, confidence })
        };
        let person = person_in_context(doc, m.tok, m.title.is_some(), label);
        if label == "MISC" && person.is_none() {
            drop[k] = !vouched(doc, m) && !recurring(m);
            continue;
        }
        let label = match label {
            _ if person.is_some() => "PERSON",
            // "Connecting Europe Facility": a name a verb form opens is no place's.
            "GPE" if m.tok.1 > m.tok.0 + 1 && super::entities::verb_opening(doc, m.tok.0) => "ORG",
            _ => label,
        };
        // The rules' type stands where they know better; the model agreeing is worth saying.
        if rule_decides(m) && label != m.label {
            continue;
        }
        let reason = explained(explain, person, || {
            if exact {
                Found::reason(&found, f, model, doc, &context, &tagged)
            } else {
                why(model, doc, &context, &tagged, &span)
            }
        });
        if !rule_decides(m) {
            m.label = if label == "GPE" && m.label == "LOC" { "LOC" } else { label };
            m.margin = person.is_none().then(|| tagged.margin_of(m.tok));
        }
        m.reason = reason;
    }
    if drop.iter().any(|&d| d) {
        remove(&mut ents.list, &drop);
    }
    // A word of a title the rules read ("Envoy" in "UN Special Envoy for Syria") is no name.
    let mut in_title = vec![false; doc.tokens.len()];
    for m in ents.list.iter().filter(|m| m.kind == MKind::Title) {
        in_title[m.tok.0..m.tok.1].iter_mut().for_each(|t| *t = true);
    }
    // A nationality the rules read ("North Korean", "Macedonian") is not also a name of another type.
    let mut in_people = vec![false; doc.tokens.len()];
    for m in ents.list.iter().filter(|m| m.kind == MKind::Name && m.label == "NORP") {
        in_people[m.tok.0..m.tok.1].iter_mut().for_each(|t| *t = true);
    }
    let mut added: Vec<Ment> = Vec::new();
    for (c, f) in found.iter().enumerate() {
        let tokens = f.tok.0..f.tok.1;
        if (used[c] && !joins[c])
            || f.label == "MISC"
            || in_title[tokens.clone()].iter().all(|&t| t)
            || !joins[c] && in_people[tokens].iter().any(|&t| t)
        {
            continue;
        }
        // "DNA", "BC" in "500 BC", "III", "Mrs.": the rules know these are no names.
        let word = f.tok.1 == f.tok.0 + 1 || f.tok.1 == f.tok.0 + 2 && doc.is_punct(f.tok.0 + 1, '.');
        if word
            && (honorific(doc, f.tok.0)
                || super::entities::common_acronym(doc, f.tok.0)
                || super::entities::era_beside_number(doc, f.tok.0)
                || super::entities::roman_numeral(doc, f.tok.0))
        {
            continue;
        }
        let person = person_in_context(doc, f.tok, false, f.label);
        added.push(Ment {
            start: doc.tokens[f.tok.0].start(),
            end: doc.tokens[f.tok.1 - 1].end(),
            tok: f.tok,
            label: if person.is_some() { "PERSON" } else { f.label },
            kind: MKind::Name,
            canonical: None,
            title: None,
            quote: ents.tok_quote.get(f.tok.0),
            reason: explained(explain, person, || Found::reason(&found, c, model, doc, &context, &tagged)),
            margin: person.is_none().then(|| tagged.margin_of(f.tok)),
        });
    }
    if !added.is_empty() {
        ents.list.extend(added);
        let order = text_order(&ents.list);
        let new_index = super::reorder(&mut ents.list, &order);
        for m in &mut ents.list {
            m.title = m.title.and_then(|t| new_index.get(t).copied());
        }
    }
}

/// Why a name the model typed otherwise is a person here, if it is: after an honorific ("Ms.
/// Conway", whatever the type); and for a place, after a personal title ("Senator Wilcox", or a
/// title the rules linked: `titled`) or before a relative clause only people take (", whose …",
/// ", who …").
fn person_in_context(doc: &Doc, tok: (usize, usize), titled: bool, label: &str) -> Option<&'static str> {
    let (start, end) = tok;
    // "Ms. Gillard", "Dr Okafor": an honorific is only ever a person's, whatever the model read.
    if after_honorific(doc, start) {
        return Some("after a personal title");
    }
    let before = word_before(doc, start);
    if !matches!(label, "GPE" | "LOC") {
        return None;
    }
    if titled || before.is_some_and(|j| doc.has(j, super::lexicon::F_TITLE_WORDS) && doc.tokens[j].cap) {
        return Some("after a personal title");
    }
    before_relative_who(doc, end).then_some("before a relative clause (\", who …\")")
}

/// A typed name's reason: the model's (`full`, written only when asked for), after why the rules
/// made its place a person.
fn explained(explain: Explain, person: Option<&str>, full: impl FnOnce() -> String) -> Reason {
    match (explain, person) {
        (Explain::Briefly, _) => Reason::Borrowed(BRIEFLY),
        (Explain::Names, Some(why)) => Reason::Owned(format!("a person {why} — {}", full())),
        (Explain::Names, None) => Reason::Owned(full()),
    }
}

/// A rule name whose type the rules know better than the model: a gazetteer name, or one whose
/// words say what it is ("… Party", "State of …", "… and Eastern Europe" after an acronym, a
/// listed given name and a surname).
fn rule_decides(m: &Ment) -> bool {
    const SHAPES: [&str; 8] = [
        "organisation name",
        "name inside a longer name",
        "name with a regnal number",
        "place name",
        "name of the form",
        "name of an institution",
        "name of an event",
        "starts with the given name",
    ];
    m.canonical.is_some() || SHAPES.iter().any(|p| m.reason.starts_with(p))
}

/// A rule name that stands without the model: a gazetteer name, a name after a title, a name
/// before a speech verb, a name inside a longer one, a name of several capitalised words, an
/// acronym, the employer after a role ("a spokesman for Hidroelectrica") or the place of one ("the
/// mayor of Brisbane"). What is left is a
/// single capitalised word the model read as no name ("Image", "Leaving" opening a headline).
fn vouched(doc: &Doc, m: &Ment) -> bool {
    let words = (m.tok.0..m.tok.1).filter(|&i| doc.is_word(i)).count();
    let employer = m.tok.0 >= 2
        && matches!(doc.lower(m.tok.0 - 1), "for" | "of" | "at")
        && doc.has(m.tok.0 - 2, super::lexicon::F_PERSON_ROLES | super::lexicon::F_ROLE_NOUNS);
    employer
        || m.canonical.is_some()
        || m.title.is_some()
        || words >= 2
        || doc.tokens.get(m.tok.0).is_some_and(|t| t.all_caps)
        || doc.has(m.tok.1, super::lexicon::F_CUE)
        || after_honorific(doc, m.tok.0)
        || matches!(&m.reason, Reason::Borrowed(r) if r.starts_with("name inside") || r.starts_with("place inside"))
        || matches!(&m.reason, Reason::Owned(r) if r.starts_with("place name (after"))
}

/// An abbreviated personal title ("Mr", "Ms", "Dr", "Sen"), capitalised: what follows is a person.
fn honorific(doc: &Doc, j: usize) -> bool {
    doc.tokens[j].cap && doc.has(j, super::lexicon::F_ABBREVIATIONS) && doc.has(j, super::lexicon::F_TITLE_WORDS)
}

/// The word before token `start`, past the full stop of an abbreviated title ("Ms." → "Ms").
fn word_before(doc: &Doc, start: usize) -> Option<usize> {
    match start.checked_sub(1) {
        Some(j) if doc.lower(j) == "." => j.checked_sub(1),
        other => other,
    }
}

/// Whether the name at `start` follows an honorific ("Ms. Gillard").
fn after_honorific(doc: &Doc, start: usize) -> bool {
    word_before(doc, start).is_some_and(|j| honorific(doc, j))
}

/// Whether the first word of `m` is written with a capital inside sentences more than once.
fn recurs(doc: &Doc, m: &Ment, mid_caps: &FastMap<&str, u32>) -> bool {
    mid_caps.get(doc.lower(m.tok.0)).is_some_and(|&n| n >= 2)
}

/// How often each word is written with a capital inside a sentence, after another word: a
/// name by the writer's choice, not by its place.
fn mid_sentence_capitals(doc: &Doc) -> FastMap<&str, u32> {
    let mut counts: FastMap<&str, u32> = FastMap::default();
    for (i, t) in doc.tokens.iter().enumerate().skip(1) {
        let prev = &doc.tokens[i - 1];
        if t.cap && !t.all_caps && t.kind == Kind::Word && prev.kind == Kind::Word && prev.sent() == t.sent() {
            *counts.entry(doc.lower(i)).or_default() += 1;
        }
    }
    counts
}

/// Removes the mentions marked in `drop`, keeping every title link valid (a link to a removed
/// mention is cut).
fn remove(list: &mut Vec<Ment>, drop: &[bool]) {
    let mut new_index = vec![None; list.len()];
    let mut n = 0;
    for (k, &d) in drop.iter().enumerate() {
        if !d {
            new_index[k] = Some(n);
            n += 1;
        }
    }
    let mut k = 0;
    list.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    for m in list.iter_mut() {
        m.title = m.title.and_then(|t| new_index.get(t).copied().flatten());
    }
}

#[cfg(test)]
mod tests {
    use super::write_hundredths;

    #[test]
    fn hundredths_are_written_as_the_float_formatter_writes_them() {
        // Every thousandth, the exact ties of an f32 (0.125, 0.375 …: to even) and both ends.
        let ties = [0.125f32, 0.375, 0.625, 0.875, 0.0625, 0.3125];
        let values = (0..=1000).map(|k| k as f32 / 1000.0).chain(ties).chain([0.0, 1.0, 0.994_999_9, 0.995]);
        for p in values {
            let mut out = String::new();
            write_hundredths(&mut out, p);
            assert_eq!(out, format!("{p:.2}"), "{p:e}");
        }
    }
}
