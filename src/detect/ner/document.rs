//! One reading of a name per document: the tagger decides word by word, but a text that calls
//! someone "Steven Seagal" and then "Seagal" means the same person, however the second sentence
//! reads on its own.
//!
//! Two passes over the tagger's names, both linear (hash maps keyed by the arena's words):
//! a lone word that is the last word of a person's name elsewhere in the text is that person
//! (found even where the tagger saw no name); and a name written the same way several times
//! takes the type the tagger was surest of overall.

use super::super::lexicon::{self, FastMap};
use super::super::tokens::{Doc, Kind};
use super::model::Span;

/// Why a name's type came from elsewhere in the document: the name that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// The tagger's own reading stands.
    Tagger,
    /// The last word of the person's name at this span index.
    Surname(usize),
    /// The same words at this span index, read with more confidence.
    Same(usize),
}

const PER: usize = 0;

/// Settles `spans` (in text order) against each other; returns the spans, still in text order,
/// each with how its type was settled.
pub fn settle(doc: &Doc, spans: Vec<Span>) -> Vec<(Span, Settled)> {
    let mut out: Vec<(Span, Settled)> = spans.into_iter().map(|s| (s, Settled::Tagger)).collect();
    same_words(doc, &mut out);
    surnames(doc, &mut out);
    out
}

/// The words of a span as one key (lower-cased words joined by spaces).
fn key(doc: &Doc, s: &Span) -> String {
    let mut k = String::new();
    for i in s.tok.0..s.tok.1 {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(doc.lower(i));
    }
    k
}

/// Names written the same way take the type with the highest summed confidence.
fn same_words(doc: &Doc, out: &mut [(Span, Settled)]) {
    // key → (confidence per type, most confident span per type)
    let mut votes: FastMap<String, ([f32; 4], [usize; 4])> = FastMap::default();
    for (k, (s, _)) in out.iter().enumerate() {
        let v = votes.entry(key(doc, s)).or_insert(([0.0; 4], [usize::MAX; 4]));
        v.0[s.kind] += s.confidence;
        if v.1[s.kind] == usize::MAX || out[v.1[s.kind]].0.confidence < s.confidence {
            v.1[s.kind] = k;
        }
    }
    for (s, how) in out.iter_mut() {
        let Some((conf, best)) = votes.get(&key(doc, s)) else { continue };
        let mut kind = s.kind;
        for t in 0..4 {
            if conf[t] > conf[kind] {
                kind = t;
            }
        }
        if kind != s.kind {
            s.kind = kind;
            *how = Settled::Same(best[kind]);
        }
    }
}

/// A lone capitalised word that ends a person's name elsewhere in the text is that person.
fn surnames(doc: &Doc, out: &mut Vec<(Span, Settled)>) {
    let mut last_words: FastMap<&str, usize> = FastMap::default();
    for (k, (s, _)) in out.iter().enumerate() {
        if s.kind == PER && s.tok.1 >= s.tok.0 + 2 && doc.is_word(s.tok.1 - 1) {
            last_words.entry(doc.lower(s.tok.1 - 1)).or_insert(k);
        }
    }
    if last_words.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for (s, _) in out.iter() {
        covered[s.tok.0..s.tok.1].iter_mut().for_each(|c| *c = true);
    }
    for (s, how) in out.iter_mut() {
        if s.kind != PER
            && s.tok.1 == s.tok.0 + 1
            && let Some(&k) = last_words.get(doc.lower(s.tok.0))
        {
            s.kind = PER;
            *how = Settled::Surname(k);
        }
    }
    let mut added = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if covered[i] || t.kind != Kind::Word || !t.cap || doc.has(i, lexicon::F_FUNCTION_WORDS | lexicon::F_PRONOUNS) {
            continue;
        }
        // Not a piece of a longer capitalised run the tagger left alone ("Seagal Films").
        let cap = |j: usize| doc.tokens.get(j).is_some_and(|x| x.kind == Kind::Word && x.cap);
        if cap(i + 1) || i > 0 && cap(i - 1) && doc.tokens[i - 1].sent() == t.sent() {
            continue;
        }
        if let Some(&k) = last_words.get(doc.lower(i)) {
            added.push((Span { tok: (i, i + 1), kind: PER, confidence: out[k].0.confidence }, Settled::Surname(k)));
        }
    }
    if !added.is_empty() {
        // Indices in `Settled` point into the spans before insertion: keep those first, sort by
        // a stable key only the new ones change.
        let n = out.len();
        out.extend(added);
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&k| out[k].0.tok.0);
        let mut new_index = vec![0; out.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut sorted: Vec<(Span, Settled)> = order.iter().map(|&k| out[k].clone()).collect();
        for (_, how) in &mut sorted {
            *how = match *how {
                Settled::Surname(k) if k < n => Settled::Surname(new_index[k]),
                Settled::Same(k) if k < n => Settled::Same(new_index[k]),
                other => other,
            };
        }
        *out = sorted;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(tok: (usize, usize), kind: usize, confidence: f32) -> Span {
        Span { tok, kind, confidence }
    }

    #[test]
    fn a_surname_alone_is_the_person() {
        // "Steven Seagal met Putin . Seagal said ..."
        let doc = Doc::new("Steven Seagal met Putin. Then he left, and Seagal said it.");
        let spans = vec![span((0, 2), PER, 0.9), span((3, 4), PER, 0.8)];
        let out = settle(&doc, spans);
        let seagal = (0..doc.tokens.len()).rfind(|&i| doc.lower(i) == "seagal").unwrap();
        let found = out.iter().find(|(s, _)| s.tok == (seagal, seagal + 1)).expect("the lone surname is found");
        assert_eq!(found.0.kind, PER);
        assert_eq!(found.1, Settled::Surname(0));
    }

    #[test]
    fn the_same_words_take_the_surer_type() {
        let doc = Doc::new("Acme rose. Acme fell.");
        let out = settle(&doc, vec![span((0, 1), 1, 0.9), span((3, 4), PER, 0.4)]);
        assert_eq!(out[1].0.kind, 1);
        assert_eq!(out[1].1, Settled::Same(0));
        assert_eq!(out[0].1, Settled::Tagger);
    }
}
