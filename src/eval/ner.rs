//! Scoring named entities (people, organisations, places) against gold, for Sayso and a peer.
//!
//! Choices, stated so the figures can be read:
//!
//! * **Labels.** PER, ORG and LOC. Sayso's PERSON is PER, ORG is ORG, GPE and LOC are LOC; a
//!   peer's (spaCy's) PERSON, ORG, and GPE, LOC or FAC likewise. Other labels are not scored.
//! * **Names only.** Sayso's named mentions (not pronouns, descriptions or titles). A mention
//!   inside a longer scored mention ("Texas" in "University of Texas") is not scored: the gold is
//!   flat. A leading "the" is trimmed from every name, gold and predicted ("the Netherlands",
//!   "The Rocket Record Company"): the name is the same with or without it.
//! * **UNER files** (`*.iob2`): sentences are grouped by `# newdoc id` into documents, joined by
//!   spaces, and each document is detected as one text. A match is the exact span and the label.
//! * **GUM** (`gold.jsonl` of `../gum-news`): gold names are person, place and organization
//!   mentions with a Wikipedia identity and a proper-noun head. GUM's spans are maximal ("U.S.
//!   President Donald Trump's"), so a prediction matches a gold name of its label when it lies
//!   inside it and contains its head word.
//! * Matching is one-to-one, in text order.

use crate::detect::ner::Model;
use crate::detect::{self, MentionForm};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// The scored labels.
pub const LABELS: [&str; 3] = ["PER", "ORG", "LOC"];

/// A name: code-point span and label from [`LABELS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
    /// For GUM gold: the head word, which a matching prediction must contain.
    pub head: Option<String>,
}

/// A gold document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub names: Vec<Name>,
}

/// Precision, recall and F1 of one label (or of all together).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn finish(&mut self) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.matched, self.predicted);
        self.recall = ratio(self.matched, self.gold);
        let (p, r) = (self.precision, self.recall);
        self.f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    }
}

/// Scores of one system: every label, then all together.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SystemScores {
    pub system: String,
    pub labels: BTreeMap<&'static str, Prf>,
    pub all: Prf,
}

/// The report: Sayso's scores, the entity model's alone, and the peer's on the same documents when given.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub documents: usize,
    pub systems: Vec<SystemScores>,
}

/// Reads gold: a UNER `.iob2` file, or GUM's `gold.jsonl`.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, String> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e == "jsonl") { read_gum(&content) } else { Ok(read_uner(&content)) }
}

fn label_of_tag(tag: &str) -> Option<&'static str> {
    LABELS.iter().copied().find(|&l| tag.strip_prefix("B-").or(tag.strip_prefix("I-")) == Some(l))
}

/// UNER sentences grouped into documents by `# newdoc id`.
pub fn read_uner(content: &str) -> Vec<GoldDoc> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut sentence_text: Option<String> = None;
    let mut rows: Vec<(String, String)> = Vec::new();
    let flush = |docs: &mut Vec<GoldDoc>, text: Option<String>, rows: &mut Vec<(String, String)>| {
        if rows.is_empty() {
            return;
        }
        let text = text.unwrap_or_else(|| rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>().join(" "));
        if docs.is_empty() {
            docs.push(GoldDoc { id: format!("doc{:04}", 0), text: String::new(), names: Vec::new() });
        }
        let doc = docs.last_mut().expect("a document");
        if !doc.text.is_empty() {
            doc.text.push(' ');
        }
        let base = doc.text.chars().count();
        let mut byte = 0;
        let mut open: Option<Name> = None;
        for (tok, tag) in rows.drain(..) {
            let Some(found) = text.get(byte..).and_then(|rest| rest.find(&tok)) else { continue };
            let (bs, be) = (byte + found, byte + found + tok.len());
            byte = be;
            let (cs, ce) = (base + text[..bs].chars().count(), base + text[..be].chars().count());
            let label = label_of_tag(&tag);
            match (open.as_mut(), label) {
                (Some(o), Some(l)) if tag.starts_with("I-") && o.label == l => o.end = ce,
                _ => {
                    doc.names.extend(open.take());
                    open = label.map(|label| Name { start: cs, end: ce, label, head: None });
                }
            }
        }
        doc.names.extend(open);
        doc.text.push_str(&text);
    };
    for line in content.lines().chain(std::iter::once("")) {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            flush(&mut docs, sentence_text.take(), &mut rows);
            docs.push(GoldDoc { id: id.trim().to_string(), text: String::new(), names: Vec::new() });
        } else if let Some(t) = line.strip_prefix("# text = ") {
            sentence_text = Some(t.to_string());
        } else if line.trim().is_empty() {
            flush(&mut docs, sentence_text.take(), &mut rows);
        } else if !line.starts_with('#') {
            let mut cols = line.split('\t');
            if let (Some(_), Some(tok), Some(tag)) = (cols.next(), cols.next(), cols.next()) {
                rows.push((tok.to_string(), tag.to_string()));
            }
        }
    }
    docs.retain(|d| !d.text.is_empty());
    for d in &mut docs {
        d.names = tidy(&d.text, std::mem::take(&mut d.names));
    }
    docs
}

/// GUM news documents with their named people, places and organisations.
fn read_gum(content: &str) -> Result<Vec<GoldDoc>, String> {
    #[derive(serde::Deserialize)]
    struct Mention {
        start: usize,
        end: usize,
        etype: String,
        identity: Option<String>,
        head_is_proper: bool,
        head: String,
    }
    #[derive(serde::Deserialize)]
    struct Doc {
        id: String,
        text: String,
        mentions: Vec<Mention>,
    }
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let d: Doc = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let names = d
            .mentions
            .into_iter()
            .filter(|m| m.identity.is_some() && m.head_is_proper)
            .filter_map(|m| {
                let label = match m.etype.as_str() {
                    "person" => "PER",
                    "organization" => "ORG",
                    "place" => "LOC",
                    _ => return None,
                };
                Some(Name { start: m.start, end: m.end, label, head: Some(m.head) })
            })
            .collect();
        out.push(GoldDoc { id: d.id, text: d.text, names });
    }
    Ok(out)
}

/// Sayso's names in `text` with entity model `model` in place of the shipped one when given.
pub fn sayso_names_with(text: &str, model: Option<&Model>) -> Vec<Name> {
    let found = detect::detect_with(text, detect::Explain::Briefly, model);
    let names = found.mentions.iter().filter(|m| m.form == MentionForm::Name).filter_map(|m| {
        let label = match m.label {
            "PERSON" => "PER",
            "ORG" => "ORG",
            "GPE" | "LOC" => "LOC",
            _ => return None,
        };
        Some(Name { start: m.start, end: m.end, label, head: None })
    });
    tidy(text, names.collect())
}

/// The entity model's names alone, without the rules.
pub fn model_names(model: &Model, text: &str) -> Vec<Name> {
    let names = detect::ner::model_names(model, text).into_iter().filter_map(|(start, end, label)| {
        let label = match label {
            "PERSON" => "PER",
            "ORG" => "ORG",
            "GPE" | "LOC" => "LOC",
            _ => return None,
        };
        Some(Name { start, end, label, head: None })
    });
    tidy(text, names.collect())
}

/// A peer's names from its JSON (`entities[{start, end, label}]`, spaCy's labels).
pub fn peer_names(text: &str, json: &str) -> Result<Vec<Name>, String> {
    #[derive(serde::Deserialize)]
    struct Ent {
        start: usize,
        end: usize,
        label: String,
    }
    #[derive(serde::Deserialize)]
    struct Out {
        entities: Vec<Ent>,
    }
    let out: Out = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let names = out.entities.into_iter().filter_map(|e| {
        let label = match e.label.as_str() {
            "PERSON" => "PER",
            "ORG" => "ORG",
            "GPE" | "LOC" | "FAC" => "LOC",
            _ => return None,
        };
        Some(Name { start: e.start, end: e.end, label, head: None })
    });
    Ok(tidy(text, names.collect()))
}

/// Trims a leading "the", drops names inside a longer one, sorts by position.
fn tidy(text: &str, mut names: Vec<Name>) -> Vec<Name> {
    let chars: Vec<char> = text.chars().collect();
    for n in &mut names {
        let word: String = chars.get(n.start..n.end).unwrap_or(&[]).iter().take(4).collect();
        if word.eq_ignore_ascii_case("the ") && n.end > n.start + 4 {
            n.start += 4;
        }
    }
    names.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Name> = Vec::with_capacity(names.len());
    for n in names {
        if out.last().is_some_and(|o: &Name| o.start <= n.start && n.end <= o.end) {
            continue;
        }
        out.push(n);
    }
    out
}

/// Whether prediction `p` matches gold `g` (see the module notes).
pub(crate) fn matches(text: &[char], g: &Name, p: &Name) -> bool {
    g.label == p.label && same_words(text, g, p)
}

/// Whether prediction `p` covers the words of gold `g`, whatever its label.
pub(crate) fn same_words(text: &[char], g: &Name, p: &Name) -> bool {
    match &g.head {
        None => g.start == p.start && g.end == p.end,
        Some(head) => {
            let inside = g.start <= p.start && p.end <= g.end;
            let words: String = text.get(p.start..p.end).unwrap_or(&[]).iter().collect();
            inside && words.split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-').any(|w| w == head)
        }
    }
}

/// A gold name missed or a prediction matching none, for reading what went wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub document: String,
    /// `missed` or `spurious`.
    pub case: &'static str,
    pub label: &'static str,
    pub text: String,
    /// The other side's names overlapping it (`LABEL text`).
    pub overlapping: Vec<String>,
}

/// Adds one document's matches to `scores`, and its errors to `cases`.
pub(crate) fn score_doc(scores: &mut SystemScores, doc: &GoldDoc, predicted: &[Name], cases: Option<&mut Vec<Case>>) {
    let text: Vec<char> = doc.text.chars().collect();
    let mut used = vec![false; doc.names.len()];
    let mut hit = vec![false; predicted.len()];
    for g in &doc.names {
        scores.labels.entry(g.label).or_default().gold += 1;
    }
    for (j, p) in predicted.iter().enumerate() {
        scores.labels.entry(p.label).or_default().predicted += 1;
        if let Some(k) = (0..doc.names.len()).find(|&k| !used[k] && matches(&text, &doc.names[k], p)) {
            used[k] = true;
            hit[j] = true;
            scores.labels.entry(p.label).or_default().matched += 1;
        }
    }
    let Some(cases) = cases else { return };
    let words = |n: &Name| detect::slice_pub(&text, n.start, n.end);
    let around = |n: &Name, others: &[Name]| -> Vec<String> {
        others
            .iter()
            .filter(|o| o.start < n.end && n.start < o.end)
            .map(|o| format!("{} {}", o.label, words(o)))
            .collect()
    };
    let missed = doc.names.iter().zip(&used).filter(|(_, u)| !**u).map(|(g, _)| ("missed", g, around(g, predicted)));
    let spurious =
        predicted.iter().zip(&hit).filter(|(_, h)| !**h).map(|(p, _)| ("spurious", p, around(p, &doc.names)));
    for (case, n, overlapping) in missed.chain(spurious) {
        cases.push(Case { document: doc.id.clone(), case, label: n.label, text: words(n), overlapping });
    }
}

pub(crate) fn finish(mut s: SystemScores) -> SystemScores {
    for l in LABELS {
        s.labels.entry(l).or_default();
    }
    for p in s.labels.values_mut() {
        p.finish();
        s.all.gold += p.gold;
        s.all.predicted += p.predicted;
        s.all.matched += p.matched;
    }
    s.all.finish();
    s
}

/// Scores Sayso and the entity model alone on `docs`, both with `model` (else the shipped one), and the peer
/// when `peer` holds its JSON per document (`<id>.json`).
///
/// Sayso's errors are collected into `cases` when given.
pub fn evaluate(
    docs: &[GoldDoc],
    model: Option<&Model>,
    peer: Option<&Path>,
    mut cases: Option<&mut Vec<Case>>,
) -> Result<Report, String> {
    let shipped = detect::ner::shipped();
    let model = model.or(shipped);
    let mut sayso = SystemScores { system: "sayso".into(), ..Default::default() };
    let mut alone = SystemScores { system: "model".into(), ..Default::default() };
    let mut other = SystemScores { system: "peer".into(), ..Default::default() };
    for d in docs {
        score_doc(&mut sayso, d, &sayso_names_with(&d.text, model), cases.as_deref_mut());
        if let Some(m) = model {
            score_doc(&mut alone, d, &model_names(m, &d.text), None);
        }
        if let Some(dir) = peer {
            let path = dir.join(format!("{}.json", d.id));
            let json = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let names = peer_names(&d.text, &json).map_err(|e| format!("{}: {e}", path.display()))?;
            score_doc(&mut other, d, &names, None);
        }
    }
    let mut systems = vec![finish(sayso)];
    if model.is_some() {
        systems.push(finish(alone));
    }
    if peer.is_some() {
        systems.push(finish(other));
    }
    Ok(Report { documents: docs.len(), systems })
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} documents", self.documents)?;
        writeln!(
            f,
            "{:<8} {:<6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "system", "label", "gold", "pred", "match", "P", "R", "F1"
        )?;
        for s in &self.systems {
            let rows = s.labels.iter().map(|(l, p)| (*l, p)).chain(std::iter::once(("all", &s.all)));
            for (l, p) in rows {
                writeln!(
                    f,
                    "{:<8} {:<6} {:>6} {:>6} {:>6} {:>6.3} {:>6.3} {:>6.3}",
                    s.system, l, p.gold, p.predicted, p.matched, p.precision, p.recall, p.f1
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNER: &str = "# newdoc id = a\n# text = Kori Schulman met Acme Corp.\n\
        1\tKori\tB-PER\t-\t-\n2\tSchulman\tI-PER\t-\t-\n3\tmet\tO\t-\t-\n4\tAcme\tB-ORG\t-\t-\n5\tCorp\tI-ORG\t-\t-\n6\t.\tO\t-\t-\n\n\
        # text = She flew to Paris.\n1\tShe\tO\t-\t-\n2\tflew\tO\t-\t-\n3\tto\tO\t-\t-\n4\tParis\tB-LOC\t-\t-\n5\t.\tO\t-\t-\n\n";

    #[test]
    fn uner_sentences_join_into_one_document_with_offsets() {
        let docs = read_uner(UNER);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "Kori Schulman met Acme Corp. She flew to Paris.");
        let spans: Vec<(usize, usize, &str)> = d.names.iter().map(|n| (n.start, n.end, n.label)).collect();
        assert_eq!(spans, vec![(0, 13, "PER"), (18, 27, "ORG"), (41, 46, "LOC")]);
    }

    #[test]
    fn exact_spans_and_labels_score_and_nothing_else() {
        let d = &read_uner(UNER)[0];
        let mut s = SystemScores::default();
        let n = |start, end, label| Name { start, end, label, head: None };
        let mut cases = Vec::new();
        score_doc(&mut s, d, &[n(0, 13, "PER"), n(18, 22, "ORG"), n(41, 46, "ORG")], Some(&mut cases));
        assert_eq!(cases.len(), 4, "two missed, two spurious: {cases:?}");
        assert_eq!((cases[0].case, cases[0].text.as_str()), ("missed", "Acme Corp"));
        let s = finish(s);
        assert_eq!((s.all.gold, s.all.predicted, s.all.matched), (3, 3, 1));
        assert_eq!(s.labels["PER"].f1, 1.0);
    }

    #[test]
    fn a_leading_the_is_trimmed_from_gold_names_too() {
        let uner = "# newdoc id = b\n# text = They sailed to the Netherlands.\n1\tThey\tO\n2\tsailed\tO\n\
            3\tto\tO\n4\tthe\tB-LOC\n5\tNetherlands\tI-LOC\n6\t.\tO\n\n";
        let d = &read_uner(uner)[0];
        let spans: Vec<(usize, usize)> = d.names.iter().map(|n| (n.start, n.end)).collect();
        assert_eq!(spans, vec![(19, 30)], "{}", d.text);
    }

    #[test]
    fn a_leading_the_and_nested_names_are_tidied() {
        let text = "the University of Texas";
        let n = |start, end, label| Name { start, end, label, head: None };
        let out = tidy(text, vec![n(18, 23, "LOC"), n(0, 23, "ORG")]);
        assert_eq!(out, vec![n(4, 23, "ORG")]);
    }

    #[test]
    fn gum_names_match_inside_with_the_head() {
        let text: Vec<char> = "U.S. President Donald Trump's".chars().collect();
        let g = Name { start: 0, end: 29, label: "PER", head: Some("Trump".into()) };
        let p = |start, end| Name { start, end, label: "PER", head: None };
        assert!(matches(&text, &g, &p(15, 27)));
        assert!(!matches(&text, &g, &p(0, 4)));
    }
}
