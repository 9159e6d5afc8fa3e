//! How far two analysts agree on the same articles: `sayso agree A.ron B.ron`.
//!
//! Documents are paired by their text (its SHA-256), so two copies of a project agree whatever
//! ids or titles they gave. Each analyst's *reviewed* work counts (accepted, or made by them);
//! suggestions nobody looked at are nobody's judgement. Agreement is reported per unit kind —
//! quotations, speakers, cues, and each entity label — per document and overall:
//!
//! - **span F1, exact**: `2·|A∩B| / (|A|+|B|)`, spans equal in start and end;
//! - **span F1, overlap**: precision = share of B's spans that overlap one of A's, recall = share
//!   of A's spans that overlap one of B's, F1 their harmonic mean (brat's "overlap" matching);
//! - **Cohen's κ over tokens**: every token of the text is in or out of the kind's spans for each
//!   analyst; κ = (pₒ − pₑ)/(1 − pₑ) with pₑ from each analyst's own rate;
//! - **Krippendorff's α, nominal, over the same tokens** (two coders, no missing values):
//!   α = 1 − Dₒ/Dₑ from the coincidence matrix, Dₑ = Σ_{c≠k} n_c·n_k / (n(n−1));
//! - **speaker links**: of the quotations both marked (overlapping), the share whose speakers
//!   overlap too.
//!
//! Tokens are runs of letters and digits and single other non-space characters, the same for
//! both analysts. κ and α are undefined when neither analyst marked anything of a kind (there is
//! nothing to agree on); they are then left out rather than given as 1.

use crate::model::{Annotation, Layer, Project};
use serde::Serialize;
use std::collections::BTreeMap;

/// Agreement on one kind of unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// `quotes`, `speakers`, `cues` or an entity label (`PERSON` …).
    pub kind: String,
    pub spans_a: usize,
    pub spans_b: usize,
    pub exact_f1: f64,
    pub overlap_f1: f64,
    pub tokens: usize,
    pub kappa: Option<f64>,
    pub alpha: Option<f64>,
}

/// Agreement on the speakers of the quotations both analysts marked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SpeakerLinks {
    /// Quotations both marked (overlapping spans) and both gave a speaker.
    pub both: usize,
    /// Of those, the ones whose speakers overlap.
    pub same: usize,
}

/// One document's agreement, or the whole project's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    pub title: String,
    pub kinds: Vec<Scores>,
    pub speaker_links: SpeakerLinks,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub overall: Part,
    pub documents: Vec<Part>,
    /// Documents of A that B does not have (by text), and the other way round.
    pub only_in_a: usize,
    pub only_in_b: usize,
}

/// Each kind's token labels for both analysts, in document order: what κ and α are computed
/// from (`sayso agree --units` writes them, for checking the figures with other tools).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Units {
    pub kind: String,
    pub a: Vec<u8>,
    pub b: Vec<u8>,
}

type Spans = Vec<(usize, usize)>;

/// The unit kind of an annotation.
fn kind_of(a: &Annotation) -> Option<String> {
    match &a.layer {
        Layer::Quote => Some("quotes".into()),
        Layer::Speaker => Some("speakers".into()),
        Layer::Cue => Some("cues".into()),
        Layer::Mention => Some(a.label.clone()),
        Layer::Custom(_) => None,
    }
}

/// Reviewed spans of one document, by kind.
fn spans(p: &Project, doc: crate::model::DocId) -> BTreeMap<String, Spans> {
    let mut out: BTreeMap<String, Spans> = BTreeMap::new();
    for a in p.annotations_of(doc).filter(|a| a.is_reviewed()) {
        if let Some(kind) = kind_of(a) {
            out.entry(kind).or_default().push((a.span.start(), a.span.end()));
        }
    }
    out
}

/// Token boundaries of a text: runs of letters and digits, and single other visible characters.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut n = 0;
    for (i, c) in text.chars().enumerate() {
        n = i + 1;
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((s, i));
        }
        if !c.is_whitespace() {
            out.push((i, i + 1));
        }
    }
    if let Some(s) = start {
        out.push((s, n));
    }
    out
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Whether each token lies inside one of `spans`.
fn labels(tokens: &[(usize, usize)], spans: &[(usize, usize)]) -> Vec<u8> {
    tokens.iter().map(|t| u8::from(spans.iter().any(|s| s.0 <= t.0 && t.1 <= s.1))).collect()
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// Span F1, exact and overlapping.
fn span_f1(a: &Spans, b: &Spans) -> (f64, f64) {
    if a.is_empty() && b.is_empty() {
        return (1.0, 1.0);
    }
    let same = a.iter().filter(|s| b.contains(s)).count();
    let exact = 2.0 * same as f64 / (a.len() + b.len()) as f64;
    let share = |x: &Spans, y: &Spans| {
        if x.is_empty() {
            0.0
        } else {
            x.iter().filter(|s| y.iter().any(|t| overlaps(**s, *t))).count() as f64 / x.len() as f64
        }
    };
    (exact, f1(share(b, a), share(a, b)))
}

/// Cohen's κ of two binary labellings; `None` when chance agreement is total.
pub fn kappa(a: &[u8], b: &[u8]) -> Option<f64> {
    let n = a.len() as f64;
    if n == 0.0 {
        return None;
    }
    let agree = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / n;
    let (pa, pb) = (a.iter().filter(|x| **x == 1).count() as f64 / n, b.iter().filter(|x| **x == 1).count() as f64 / n);
    let chance = pa * pb + (1.0 - pa) * (1.0 - pb);
    (chance < 1.0).then(|| (agree - chance) / (1.0 - chance))
}

/// Krippendorff's α, nominal, for two coders with no missing values; `None` when every value is
/// the same (no variation to explain).
pub fn alpha(a: &[u8], b: &[u8]) -> Option<f64> {
    // Coincidence matrix of values 0 and 1: each unit gives the pairs (a, b) and (b, a).
    let mut o = [[0f64; 2]; 2];
    for (&x, &y) in a.iter().zip(b) {
        o[x as usize][y as usize] += 1.0;
        o[y as usize][x as usize] += 1.0;
    }
    let n_c = [o[0][0] + o[0][1], o[1][0] + o[1][1]];
    let n = n_c[0] + n_c[1];
    let expected = 2.0 * n_c[0] * n_c[1] / (n * (n - 1.0));
    if n < 2.0 || expected == 0.0 {
        return None;
    }
    let observed = (o[0][1] + o[1][0]) / n;
    Some(1.0 - observed / expected)
}

/// Agreement of `a` and `b` on the documents they share, with the token labels behind κ and α.
pub fn agree(a: &Project, b: &Project) -> (Report, Vec<Units>) {
    let by_hash: BTreeMap<&str, &crate::model::Document> = b.documents.iter().map(|d| (d.hash.as_str(), d)).collect();
    let mut documents = Vec::new();
    let mut units: BTreeMap<String, Units> = BTreeMap::new();
    // Every kind's spans over all documents, kept apart by the running offset of the documents
    // before, for the overall span F1.
    let mut totals: BTreeMap<String, (Spans, Spans)> = BTreeMap::new();
    let mut base = 0;
    let mut links = SpeakerLinks::default();
    let mut shared = 0;
    for da in &a.documents {
        let Some(db) = by_hash.get(da.hash.as_str()) else { continue };
        shared += 1;
        let (sa, sb) = (spans(a, da.id), spans(b, db.id));
        let toks = tokens(&da.text);
        let kinds: std::collections::BTreeSet<&String> = sa.keys().chain(sb.keys()).collect();
        let mut scores = Vec::new();
        for kind in kinds {
            let empty = Vec::new();
            let (x, y) = (sa.get(kind).unwrap_or(&empty), sb.get(kind).unwrap_or(&empty));
            let (la, lb) = (labels(&toks, x), labels(&toks, y));
            scores.push(score(kind, x, y, &la, &lb));
            let u = units.entry(kind.clone()).or_insert_with(|| Units { kind: kind.clone(), ..Units::default() });
            u.a.extend(&la);
            u.b.extend(&lb);
            let t = totals.entry(kind.clone()).or_default();
            t.0.extend(x.iter().map(|s| (s.0 + base, s.1 + base)));
            t.1.extend(y.iter().map(|s| (s.0 + base, s.1 + base)));
        }
        base += da.len_chars() + 1;
        let doc_links = speaker_links(a, b, da.id, db.id);
        links.both += doc_links.both;
        links.same += doc_links.same;
        documents.push(Part { title: da.title.clone(), kinds: scores, speaker_links: doc_links });
    }
    let overall = totals.iter().map(|(kind, (x, y))| score(kind, x, y, &units[kind].a, &units[kind].b)).collect();
    let report = Report {
        overall: Part { title: "all documents".into(), kinds: overall, speaker_links: links },
        documents,
        only_in_a: a.documents.len() - shared,
        only_in_b: b.documents.len() - shared,
    };
    (report, units.into_values().collect())
}

/// One kind's scores from both analysts' spans and token labels.
fn score(kind: &str, a: &Spans, b: &Spans, la: &[u8], lb: &[u8]) -> Scores {
    let (exact_f1, overlap_f1) = span_f1(a, b);
    Scores {
        kind: kind.to_string(),
        spans_a: a.len(),
        spans_b: b.len(),
        exact_f1,
        overlap_f1,
        tokens: la.len(),
        kappa: kappa(la, lb),
        alpha: alpha(la, lb),
    }
}

/// Of the quotations both analysts marked (overlapping), those both gave a speaker, and of
/// those the ones with overlapping speakers.
fn speaker_links(a: &Project, b: &Project, da: crate::model::DocId, db: crate::model::DocId) -> SpeakerLinks {
    let quotes = |p: &Project, d| -> Vec<(Annotation, Option<(usize, usize)>)> {
        p.annotations_of(d)
            .filter(|q| q.layer == Layer::Quote && q.is_reviewed())
            .map(|q| {
                let speaker = q.links.speaker.and_then(|s| p.annotation(s)).map(|s| (s.span.start(), s.span.end()));
                (q.clone(), speaker)
            })
            .collect()
    };
    let (qa, qb) = (quotes(a, da), quotes(b, db));
    let mut out = SpeakerLinks::default();
    for (q, speaker) in &qa {
        let span = (q.span.start(), q.span.end());
        let Some(other) = qb.iter().find(|(o, _)| overlaps(span, (o.span.start(), o.span.end()))) else { continue };
        if let (Some(s), Some(t)) = (speaker, other.1) {
            out.both += 1;
            out.same += usize::from(overlaps(*s, t));
        }
    }
    out
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let figure = |x: Option<f64>| x.map_or("–".to_string(), |v| format!("{v:.3}"));
        for part in std::iter::once(&self.overall).chain(&self.documents) {
            writeln!(f, "{}", part.title)?;
            writeln!(
                f,
                "  {:<12} {:>6} {:>6} {:>8} {:>8} {:>7} {:>7}",
                "kind", "A", "B", "F1 exact", "overlap", "κ", "α"
            )?;
            for s in &part.kinds {
                writeln!(
                    f,
                    "  {:<12} {:>6} {:>6} {:>8.3} {:>8.3} {:>7} {:>7}",
                    s.kind,
                    s.spans_a,
                    s.spans_b,
                    s.exact_f1,
                    s.overlap_f1,
                    figure(s.kappa),
                    figure(s.alpha)
                )?;
            }
            let l = part.speaker_links;
            if l.both > 0 {
                writeln!(f, "  speakers of quotations both marked: {} of {} the same", l.same, l.both)?;
            }
        }
        if self.only_in_a + self.only_in_b > 0 {
            writeln!(f, "not compared: {} documents only in A, {} only in B", self.only_in_a, self.only_in_b)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_and_alpha_match_hand_counts() {
        // 10 units, 8 agreements: A says 1 on 4, B on 4, agreeing on 3 ones and 5 zeros.
        let a = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
        let b = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0];
        // pₒ = 0.8, pₑ = 0.4·0.4 + 0.6·0.6 = 0.52 → κ = 0.28/0.48.
        assert!((kappa(&a, &b).unwrap() - 0.28 / 0.48).abs() < 1e-12);
        // n = 20, n₀ = 12, n₁ = 8, Dₒ = 4/20, Dₑ = 2·12·8/(20·19) → α = 1 − 0.2/0.505263….
        assert!((alpha(&a, &b).unwrap() - (1.0 - 0.2 / (192.0 / 380.0))).abs() < 1e-12);
        assert_eq!(kappa(&[0, 0], &[0, 0]), None, "nothing marked: nothing to agree on");
        assert_eq!(alpha(&[1, 1], &[1, 1]), None);
        assert_eq!(kappa(&a, &a), Some(1.0));
    }

    #[test]
    fn span_f1_counts_exact_and_overlapping_spans() {
        let a = vec![(0, 10), (20, 30), (40, 50)];
        let b = vec![(0, 10), (22, 28), (60, 70), (80, 90)];
        let (exact, overlap) = span_f1(&a, &b);
        assert!((exact - 2.0 / 7.0).abs() < 1e-12);
        // precision 2/4 (b's spans overlapping a's), recall 2/3.
        assert!((overlap - f1(0.5, 2.0 / 3.0)).abs() < 1e-12);
    }

    #[test]
    fn tokens_are_words_and_single_signs() {
        let t = tokens("“We won,” Zoë said.");
        let words: Vec<String> =
            t.iter().map(|(s, e)| "“We won,” Zoë said.".chars().skip(*s).take(e - s).collect()).collect();
        assert_eq!(words, ["“", "We", "won", ",", "”", "Zoë", "said", "."]);
    }
}
