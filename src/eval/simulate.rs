//! A simulated analyst, to measure what learning from review is worth.
//!
//! The analyst reviews gold documents in order. Sayso suggests names (PER, ORG, LOC, matched as
//! in [`super::ner`]); the analyst accepts a suggestion that matches a gold name, relabels one
//! that covers a gold name's words under another label, rejects the rest, and adds the gold
//! names still missing: one keystroke each. Names of other types are left out of the count.
//!
//! Learning is measured in parts ([`Learning`]): decisions carried over to the same words as in
//! the app (a relabel relabels the same words in later documents; a rejection rejects the same
//! words under the same label, unless the suggestion only had its bounds wrong); the entity
//! model retrained after each document from every document reviewed so far
//! ([`crate::detect::ner::fine_tune`] from the shipped weights); both; and neither. The report
//! gives typed F1 on the documents not yet reviewed after 0, 5, 10 and 20 reviewed ones, and
//! keystrokes per document from the fifth document on.

use super::ner::{self, GoldDoc, Name, SystemScores};
use crate::detect::ner::{Model, Reviewed, TUNE_EPOCHS, fine_tune, shipped};
use crate::edit::actions::twins::normalise;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// After how many reviewed documents F1 on the rest is reported.
pub const CHECKPOINTS: [usize; 4] = [0, 5, 10, 20];
/// Keystrokes are counted from this document on (1-based): the first ones teach, and cost the
/// same either way.
pub const COUNT_FROM: usize = 5;

/// What the simulated analyst's decisions teach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Learning {
    /// Nothing: every document gets the shipped model's suggestions.
    None,
    /// Decisions carry over to the same words in later documents (as in the app).
    Twins,
    /// The entity model is retrained after each document.
    Retrained,
    /// Both.
    Both,
}

impl Learning {
    pub const ALL: [Learning; 4] = [Learning::None, Learning::Twins, Learning::Retrained, Learning::Both];

    fn twins(self) -> bool {
        matches!(self, Learning::Twins | Learning::Both)
    }

    fn retrains(self) -> bool {
        matches!(self, Learning::Retrained | Learning::Both)
    }

    pub fn title(self) -> &'static str {
        match self {
            Learning::None => "no learning",
            Learning::Twins => "same words",
            Learning::Retrained => "retrained",
            Learning::Both => "both",
        }
    }
}

/// The analyst's keystrokes over the counted documents.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Keys {
    pub documents: usize,
    pub accept: usize,
    pub reject: usize,
    pub relabel: usize,
    pub add: usize,
}

impl Keys {
    pub fn total(&self) -> usize {
        self.accept + self.reject + self.relabel + self.add
    }

    pub fn per_document(&self) -> f64 {
        if self.documents == 0 { 0.0 } else { self.total() as f64 / self.documents as f64 }
    }
}

/// One pass of the analyst: typed F1 on the documents not yet reviewed at each of
/// [`CHECKPOINTS`] (those before the last document), and keystrokes.
#[derive(Debug, Clone, Serialize)]
pub struct Pass {
    pub learning: Learning,
    pub f1: Vec<(usize, f64)>,
    pub keys: Keys,
}

/// What the simulation measured, one pass per kind of learning.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub documents: usize,
    pub passes: Vec<Pass>,
}

/// What the analyst did to one document's suggestions.
#[derive(Debug, Default)]
struct Review {
    accepted: Vec<Name>,
    /// A suggestion and the label it was given.
    relabelled: Vec<(Name, &'static str)>,
    rejected: Vec<Name>,
    added: Vec<Name>,
}

fn review(doc: &GoldDoc, suggested: &[Name]) -> Review {
    let text: Vec<char> = doc.text.chars().collect();
    let mut used = vec![false; doc.names.len()];
    let mut out = Review::default();
    let mut left = Vec::new();
    for p in suggested {
        match (0..doc.names.len()).find(|&k| !used[k] && ner::matches(&text, &doc.names[k], p)) {
            Some(k) => {
                used[k] = true;
                out.accepted.push(p.clone());
            }
            None => left.push(p),
        }
    }
    for p in left {
        match (0..doc.names.len()).find(|&k| !used[k] && ner::same_words(&text, &doc.names[k], p)) {
            Some(k) => {
                used[k] = true;
                out.relabelled.push((p.clone(), doc.names[k].label));
            }
            None => out.rejected.push(p.clone()),
        }
    }
    out.added = doc.names.iter().zip(&used).filter(|(_, u)| !**u).map(|(g, _)| added(&text, g)).collect();
    out
}

/// The name an analyst marks for gold name `g`: the whole span, or for a maximal GUM span
/// ("U.S. President Donald Trump's") the capitalised words around its head, up to a title
/// ("Donald Trump").
fn added(text: &[char], g: &Name) -> Name {
    let Some(head) = &g.head else { return g.clone() };
    let words = words_in(text, g.start, g.end);
    let Some(h) = words.iter().position(|w| w.2 == *head) else { return g.clone() };
    let capital = |k: usize| {
        let w = &words[k].2;
        w.chars().next().is_some_and(char::is_uppercase) && !crate::detect::is_title_word(&w.to_lowercase())
    };
    let (mut a, mut b) = (h, h);
    while a > 0 && capital(a - 1) {
        a -= 1;
    }
    while b + 1 < words.len() && capital(b + 1) {
        b += 1;
    }
    Name { start: words[a].0, end: words[b].1, label: g.label, head: None }
}

/// The words of `start..end` with their code-point spans (apostrophes end a word: "Trump's").
fn words_in(text: &[char], start: usize, end: usize) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end.min(text.len()) {
        if text[i].is_alphanumeric() {
            let s = i;
            while i < end && (text[i].is_alphanumeric() || matches!(text[i], '.' | '-')) {
                i += 1;
            }
            let w: String = text[s..i].iter().collect();
            let trimmed = w.trim_end_matches('.').len();
            // "U.S." keeps its dots; a sentence's full stop is not part of a name.
            let e = if trimmed < w.len() && !w[..trimmed].contains('.') { s + trimmed } else { i };
            out.push((s, e, text[s..e].iter().collect()));
        } else {
            i += 1;
        }
    }
    out
}

fn type_index(label: &str) -> usize {
    match label {
        "PER" => 0,
        "ORG" => 1,
        _ => 2,
    }
}

/// What the analyst has taught so far, and the model retrained from it.
#[derive(Default)]
struct Taught {
    /// Words → the label the analyst gave them.
    relabelled: BTreeMap<String, &'static str>,
    /// Words and label the analyst rejected.
    rejected: BTreeSet<(String, &'static str)>,
    reviewed: Vec<Reviewed>,
    model: Option<Model>,
}

impl Taught {
    /// The suggestions for `doc`: the model's names, then what the analyst's decisions on the
    /// same words say.
    fn suggest(&self, doc: &GoldDoc) -> Vec<Name> {
        let text: Vec<char> = doc.text.chars().collect();
        let mut names = ner::sayso_names_with(&doc.text, self.model.as_ref());
        names.retain_mut(|n| {
            let words = normalise(&crate::detect::slice_pub(&text, n.start, n.end));
            if let Some(&label) = self.relabelled.get(&words) {
                n.label = label;
            }
            !self.rejected.contains(&(words, n.label))
        });
        names
    }

    /// Learns from the analyst's review of `doc` what `learning` says.
    fn learn(&mut self, doc: &GoldDoc, r: &Review, learning: Learning) {
        if learning.twins() {
            self.carry_over(doc, r);
        }
        if !learning.retrains() {
            return;
        }
        let relabelled = r.relabelled.iter().map(|(p, l)| (p.start, p.end, type_index(l)));
        let kept = r.accepted.iter().chain(&r.added).map(|n| (n.start, n.end, type_index(n.label)));
        let mut names: Vec<(usize, usize, usize)> = kept.chain(relabelled).collect();
        names.sort_unstable();
        let not_names = r.rejected.iter().map(|n| (n.start, n.end)).collect();
        self.reviewed.push(Reviewed { text: doc.text.clone(), names, not_names, pending: Vec::new() });
        if let Some(base) = shipped() {
            self.model = Some(fine_tune(base, &self.reviewed, TUNE_EPOCHS));
        }
    }

    /// Remembers relabels and rejections for the same words in later documents.
    fn carry_over(&mut self, doc: &GoldDoc, r: &Review) {
        let text: Vec<char> = doc.text.chars().collect();
        let words = |n: &Name| normalise(&crate::detect::slice_pub(&text, n.start, n.end));
        for (p, label) in &r.relabelled {
            self.relabelled.insert(words(p), label);
        }
        // A suggestion rejected for its bounds (it overlaps a gold name: the analyst redraws
        // it) says nothing against the same words elsewhere.
        for p in r.rejected.iter().filter(|p| !r.added.iter().any(|g| g.start < p.end && p.start < g.end)) {
            self.rejected.insert((words(p), p.label));
        }
    }
}

/// Typed F1 (PER, ORG, LOC together) of `suggest` on `docs`.
fn f1(docs: &[GoldDoc], suggest: impl Fn(&GoldDoc) -> Vec<Name>) -> f64 {
    let mut scores = SystemScores::default();
    for d in docs {
        ner::score_doc(&mut scores, d, &suggest(d), None);
    }
    ner::finish(scores).all.f1
}

/// One analyst's pass over `docs`.
fn run(docs: &[GoldDoc], learning: Learning) -> Pass {
    let mut taught = Taught::default();
    let mut pass = Pass { learning, f1: Vec::new(), keys: Keys::default() };
    for (i, doc) in docs.iter().enumerate() {
        if CHECKPOINTS.contains(&i) {
            pass.f1.push((i, f1(&docs[i..], |d| taught.suggest(d))));
        }
        let r = review(doc, &taught.suggest(doc));
        if i + 1 >= COUNT_FROM {
            let k = &mut pass.keys;
            k.documents += 1;
            k.accept += r.accepted.len();
            k.reject += r.rejected.len();
            k.relabel += r.relabelled.len();
            k.add += r.added.len();
        }
        // The last document teaches nothing anyone measures.
        if i + 1 < docs.len() {
            taught.learn(doc, &r, learning);
        }
    }
    pass
}

/// Simulates the analyst on `docs` in order, once per kind of learning.
pub fn simulate(docs: &[GoldDoc]) -> Report {
    Report { documents: docs.len(), passes: Learning::ALL.iter().map(|&l| run(docs, l)).collect() }
}

/// UNER content with its sentences regrouped into documents of `n` sentences, in order
/// (`# newdoc id = chunkNNN`), for a corpus whose own documents are a few sentences each.
pub fn chunk_sentences(content: &str, n: usize) -> String {
    let mut out = String::with_capacity(content.len());
    let mut sentences = 0;
    let mut in_sentence = false;
    for line in content.lines() {
        if line.starts_with("# newdoc id") {
            continue;
        }
        let blank = line.trim().is_empty();
        if !blank && !in_sentence {
            if sentences % n.max(1) == 0 {
                out.push_str(&format!("# newdoc id = chunk{:03}\n", sentences / n.max(1)));
            }
            sentences += 1;
        }
        in_sentence = !blank;
        out.push_str(line);
        out.push('\n');
    }
    out
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} documents, reviewed in order; typed F1 on the documents not yet reviewed", self.documents)?;
        write!(f, "{:>8} {:>9}", "reviewed", "remaining")?;
        for p in &self.passes {
            write!(f, " {:>11}", p.learning.title())?;
        }
        writeln!(f)?;
        let rows = self.passes.first().map_or(0, |p| p.f1.len());
        for k in 0..rows {
            let reviewed = self.passes[0].f1[k].0;
            write!(f, "{:>8} {:>9}", reviewed, self.documents - reviewed)?;
            for p in &self.passes {
                write!(f, " {:>11.3}", p.f1[k].1)?;
            }
            writeln!(f)?;
        }
        let counted = self.passes.first().map_or(0, |p| p.keys.documents);
        writeln!(f, "keystrokes per document from document {COUNT_FROM} on ({counted} documents):")?;
        for p in &self.passes {
            let k = &p.keys;
            writeln!(
                f,
                "{:>11}: {:.2} (accept {}, reject {}, relabel {}, add {})",
                p.learning.title(),
                k.per_document(),
                k.accept,
                k.reject,
                k.relabel,
                k.add
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(start: usize, end: usize, label: &'static str) -> Name {
        Name { start, end, label, head: None }
    }

    /// Invented names the shipped model has never seen, in two short documents.
    fn gold() -> Vec<GoldDoc> {
        let first = "Kwarbo said prices rose. Kwarbo expects more. Analysts asked Kwarbo again.";
        let second = "On Monday Kwarbo said it would hire.";
        vec![
            GoldDoc {
                id: "a".into(),
                text: first.into(),
                names: vec![name(0, 6, "ORG"), name(25, 31, "ORG"), name(61, 67, "ORG")],
            },
            GoldDoc { id: "b".into(), text: second.into(), names: vec![name(10, 16, "ORG")] },
        ]
    }

    #[test]
    fn the_review_counts_one_key_per_decision() {
        let d = &gold()[0];
        let r = review(d, &[name(0, 6, "ORG"), name(25, 31, "PER"), name(46, 54, "ORG")]);
        assert_eq!(r.accepted, vec![name(0, 6, "ORG")]);
        assert_eq!(r.relabelled, vec![(name(25, 31, "PER"), "ORG")]);
        assert_eq!(r.rejected, vec![name(46, 54, "ORG")]);
        assert_eq!(r.added, vec![name(61, 67, "ORG")]);
    }

    #[test]
    fn a_corrected_document_changes_the_next_ones_suggestions() {
        if shipped().is_none() {
            return;
        }
        let docs = gold();
        let mut taught = Taught::default();
        let before = taught.suggest(&docs[1]);
        assert!(!before.contains(&name(10, 16, "ORG")), "already right before learning: {before:?}");
        let r = review(&docs[0], &taught.suggest(&docs[0]));
        taught.learn(&docs[0], &r, Learning::Retrained);
        let after = taught.suggest(&docs[1]);
        assert!(after.contains(&name(10, 16, "ORG")), "{after:?}");
        assert_eq!(review(&docs[1], &after).accepted.len(), 1);
    }

    #[test]
    fn a_gum_name_is_added_as_the_capitalised_words_around_its_head() {
        let text: Vec<char> = "U.S. President Donald Trump's visit".chars().collect();
        let g = Name { start: 0, end: 29, label: "PER", head: Some("Trump".into()) };
        assert_eq!(added(&text, &g), name(15, 27, "PER"));
    }

    #[test]
    fn sentences_are_regrouped_in_order() {
        let content = "# newdoc id = x\n# text = A\n1\tA\tO\n\n# text = B\n1\tB\tO\n\n# text = C\n1\tC\tO\n\n";
        let docs = ner::read_uner(&chunk_sentences(content, 2));
        assert_eq!(docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), vec!["A B", "C"]);
    }
}
