//! Retraining from an analyst's reviewed work: the shipped weights go on learning, for a few
//! passes, from the sentences the analyst has decided on.
//!
//! A reviewed name (accepted, made by hand or relabelled) is a positive example of its type; a
//! rejected suggestion teaches that its words are no name (its tokens are outside). Only whole
//! sentences teach: a sentence with at least one decision and no suggestion still waiting, where
//! every other word is taken to be outside too. A sentence the analyst has not finished teaches
//! nothing, so an unreviewed name is never learnt as "no name". Starting from the shipped
//! weights (not from nothing), and moving only the features of the words themselves
//! ([`LEARNT`]), keeps what the open corpora taught; averaging over the new passes keeps one
//! sentence from swinging the model. Deterministic like [`super::train`]: the same
//! base and the same work give the same bytes.

use super::features::{PER_TOKEN, Template};
use super::model::Model;
use super::train::{self, Averaged, Sentence};

/// Passes over the reviewed sentences.
pub const TUNE_EPOCHS: usize = 8;

/// The features that learn from the analyst: those of the words themselves (the word, as the
/// first of its sentence, before the next word, with its case). What the open corpora taught
/// about shapes, contexts, word lists and tag sequences stays as it was: learnt from a few
/// documents, those moved the model on every text and cost more than they gained (measured
/// with `sayso eval simulate`).
const LEARNT: [Template; 4] = [Template::Word, Template::FirstWord, Template::WordNextWord, Template::CasedWord];

/// Which of a token's feature slots learn ([`super::features::features`] fills slot
/// `k` from template `k`).
fn word_slots() -> [bool; PER_TOKEN] {
    let mut slots = [false; PER_TOKEN];
    for t in LEARNT {
        slots[t as usize] = true;
    }
    slots
}

/// One reviewed text: its names as code-point spans with a type index, the spans decided to be
/// no name (rejected suggestions; accepted pronouns, descriptions, dates), and the suggestions
/// still waiting for a decision.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reviewed {
    pub text: String,
    pub names: Vec<(usize, usize, usize)>,
    pub not_names: Vec<(usize, usize)>,
    pub pending: Vec<(usize, usize)>,
}

/// `base` trained further on `reviewed` for `epochs` passes.
pub fn fine_tune(base: &Model, reviewed: &[Reviewed], epochs: usize) -> Model {
    let examples: Vec<train::Example> =
        reviewed.iter().map(|r| train::example(&Sentence { text: r.text.clone(), names: r.names.clone() })).collect();
    let known: Vec<Vec<bool>> = reviewed.iter().zip(&examples).map(|(r, ex)| known_tokens(r, ex)).collect();
    let mut p = Averaged::from_model(base);
    train::passes(&mut p, &examples, &known, epochs, &word_slots());
    p.finish()
}

/// Which tokens of `ex` teach: those of a sentence with a decision and nothing pending.
fn known_tokens(r: &Reviewed, ex: &train::Example) -> Vec<bool> {
    let tokens = &ex.doc.tokens;
    let sentences = tokens.last().map_or(0, |t| t.sent() + 1);
    let (mut decided, mut waiting) = (vec![false; sentences], vec![false; sentences]);
    let within = |(a, b): (usize, usize), t: usize| tokens[t].start() < b && a < tokens[t].end();
    for (i, t) in tokens.iter().enumerate() {
        let s = t.sent();
        let spans = r.names.iter().map(|n| (n.0, n.1)).chain(r.not_names.iter().copied());
        decided[s] |= spans.clone().any(|sp| within(sp, i));
        waiting[s] |= r.pending.iter().any(|&sp| within(sp, i));
    }
    tokens.iter().map(|t| decided[t.sent()] && !waiting[t.sent()]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ner::model_names;

    fn names_of(model: &Model, text: &str) -> Vec<(usize, usize, &'static str)> {
        model_names(model, text)
    }

    #[test]
    fn a_taught_name_is_found_in_a_new_sentence_and_the_base_model_is_kept() {
        let Some(base) = super::super::shipped() else { return };
        // Invented words the base model cannot know: taught as an organisation.
        let taught = Reviewed {
            text: "Shares of Zorblax rose. Zorblax said profits grew. Analysts like Zorblax.".into(),
            names: vec![(10, 17, 1), (24, 31, 1), (65, 72, 1)],
            ..Default::default()
        };
        let tuned = fine_tune(base, &[taught], TUNE_EPOCHS);
        let new = "Yesterday Zorblax said it would hire.";
        let org = |m: &Model| names_of(m, new).contains(&(10, 17, "ORG"));
        assert!(!org(base), "the base model already reads it as an organisation");
        assert!(org(&tuned), "{:?}", names_of(&tuned, new));
        // The same inputs give the same bytes.
        let again = fine_tune(
            base,
            &[Reviewed {
                text: "Shares of Zorblax rose. Zorblax said profits grew. Analysts like Zorblax.".into(),
                names: vec![(10, 17, 1), (24, 31, 1), (65, 72, 1)],
                ..Default::default()
            }],
            TUNE_EPOCHS,
        );
        assert_eq!(again.to_bytes(), tuned.to_bytes());
    }

    #[test]
    fn only_finished_sentences_with_a_decision_teach() {
        let r = Reviewed {
            text: "Acme rose. Bolt fell. Nothing here.".into(),
            names: vec![(0, 4, 1)],
            not_names: vec![],
            pending: vec![(11, 15)],
        };
        let ex = train::example(&Sentence { text: r.text.clone(), names: r.names.clone() });
        let known = known_tokens(&r, &ex);
        let by_sentence: Vec<(usize, bool)> = ex.doc.tokens.iter().zip(&known).map(|(t, &k)| (t.sent(), k)).collect();
        assert!(by_sentence.iter().filter(|(s, _)| *s == 0).all(|(_, k)| *k), "{by_sentence:?}");
        assert!(by_sentence.iter().filter(|(s, _)| *s > 0).all(|(_, k)| !*k), "{by_sentence:?}");
    }
}
