//! Scoring attribution against PolNeAR (brat standoff: Source / Cue / Content).
//!
//! Choices, stated so the figures can be read:
//!
//! * **Documents.** Every `text/NAME.txt` with at least one `attributions/NAME_*.ann`; when
//!   several annotators did an article, the first file in sorted order is the gold (the corpus
//!   README's rule).
//! * **Gold attributions** are the `E… Attribution…` events that have a Content. A gold
//!   attribution is **direct** when its content starts with a quotation mark (“ " ‘ ' « „ after
//!   leading whitespace; the New York Times writes ''…'' with two apostrophes): PolNeAR's content of a direct quote includes its marks, while
//!   indirect content starts with the reported clause ("that …") and a partial quotation sits
//!   inside a clause. Discontinuous contents (a quote split around "he said", as one argument
//!   with several spans or as `Content` and `Content2`) are one attribution.
//! * **Predictions.** The parts of a split quotation are merged into one attribution (as in the
//!   gold). A partial (mixed) quotation inside a predicted indirect clause is part of that clause
//!   and not scored on its own; one standing alone is scored as an attribution. For the direct
//!   figures only direct predictions count; for "all", every prediction.
//! * **Overlap match.** Texts are compared as sets of word tokens (maximal letter/digit runs); a
//!   prediction matches a gold content when their Jaccard index is ≥ 0.5, one-to-one, best pairs
//!   first — the matching the peer figures use.
//! * **Exact match.** Same first and last word token (so surrounding spaces and the final full
//!   stop outside the marks do not matter, but every word does).
//! * **Types.** Each gold attribution is typed by its cue, source and content with the detector's
//!   own function ([`detect::attribution_type`], the lexicon in `assets/lexicon`): a cue the
//!   lexicon does not know ("mocked", "in") makes a statement, as it does for the detector. The
//!   per-type figures match predictions of one type against gold of the same type, all kinds
//!   together.
//! * **Speaker accuracy** is over overlap-matched pairs whose gold has a Source: correct when the
//!   predicted speaker mention overlaps a gold Source span. Gold sources are the text's words ("he",
//!   "a source"), so the predicted mention is compared, not the resolved entity.

use crate::detect::{self, QuoteKind};
use crate::model::AttributionType;
use serde::Serialize;
use std::fmt;
use std::path::Path;

/// Precision, recall and F1 of one matching, plus speaker accuracy.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub gold: usize,
    pub predicted: usize,
    /// Matched pairs, token overlap (Jaccard ≥ 0.5).
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Matched pairs, same first and last word.
    pub exact_matched: usize,
    pub exact_precision: f64,
    pub exact_recall: f64,
    pub exact_f1: f64,
    /// Overlap-matched pairs whose gold names a source.
    pub speaker_total: usize,
    pub speaker_correct: usize,
    pub speaker_accuracy: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub documents: usize,
    pub direct: Scores,
    pub all: Scores,
    /// Per attribution type, in the order of [`AttributionType::ALL`]: (type name, scores).
    pub by_type: Vec<(&'static str, Scores)>,
    /// Per attribution rule, in the detector's order ([`detect::ATTRIBUTION_RULES`]), in the
    /// all-attributions matching.
    pub by_rule: Vec<RuleScore>,
}

/// How one attribution rule did: how often it fired, how often what it found matched a gold
/// attribution, its precision, and the share of all gold attributions it found (its recall).
#[derive(Debug, Clone, Default, Serialize)]
pub struct RuleScore {
    pub rule: &'static str,
    pub fired: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
}

/// One missed or spurious attribution, for looking at errors.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorCase {
    pub file: String,
    /// "missed", "spurious" or "wrong speaker".
    pub what: &'static str,
    pub direct: bool,
    /// The attribution type of the gold (missed) or of the prediction (spurious, wrong speaker).
    #[serde(rename = "type")]
    pub ty: &'static str,
    pub text: String,
    pub detail: String,
}

#[derive(Debug, Clone)]
struct GoldAttr {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    has_source: bool,
    direct: bool,
    cue: Vec<(usize, usize)>,
    ty: AttributionType,
}

#[derive(Debug, Clone)]
struct PredAttr {
    spans: Vec<(usize, usize)>,
    speaker: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
    direct: bool,
    ty: AttributionType,
    rule: &'static str,
}

/// Scores the split folder `dir` (with `text/` and `attributions/`).
pub fn evaluate(dir: &Path) -> Result<Report, String> {
    evaluate_detailed(dir).map(|(r, _)| r)
}

/// Like [`evaluate`], also returning every error case.
pub fn evaluate_detailed(dir: &Path) -> Result<(Report, Vec<ErrorCase>), String> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut texts: Vec<_> = std::fs::read_dir(&text_dir)
        .map_err(|e| format!("cannot read {}: {e}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let mut anns: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("cannot read {}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    let mut report = Report::default();
    let mut acc = [Acc::default(), Acc::default()];
    let mut type_acc: Vec<Acc> = AttributionType::ALL.iter().map(|_| Acc::default()).collect();
    let mut type_errors = Vec::new();
    let mut rule_counts: Vec<(usize, usize)> = vec![(0, 0); detect::ATTRIBUTION_RULES.len()];
    let mut errors = Vec::new();
    for path in texts {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        let prefix = format!("{stem}_");
        let Some(ann) = anns.iter().find(|a| {
            a.starts_with(&prefix)
                && a[prefix.len()..].trim_end_matches(".ann").chars().all(|c| c.is_ascii_alphanumeric())
        }) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let ann_text = std::fs::read_to_string(ann_dir.join(ann)).map_err(|e| format!("cannot read {ann}: {e}"))?;
        let chars: Vec<char> = text.chars().collect();
        let gold = parse_ann(&ann_text, &chars);
        let pred = predictions(&text);
        report.documents += 1;
        let words = word_tokens(&chars);
        for (k, direct_only) in [(0, true), (1, false)] {
            let g: Vec<&GoldAttr> = gold.iter().filter(|g| !direct_only || g.direct).collect();
            let p: Vec<&PredAttr> = pred.iter().filter(|p| !direct_only || p.direct).collect();
            let matched = score_doc(&chars, &words, &g, &p, &mut acc[k], stem, direct_only, &mut errors);
            if !direct_only {
                for (p, m) in p.iter().zip(matched) {
                    if let Some(i) = detect::ATTRIBUTION_RULES.iter().position(|r| r.id == p.rule) {
                        rule_counts[i].0 += 1;
                        rule_counts[i].1 += usize::from(m);
                    }
                }
            }
        }
        for (k, ty) in AttributionType::ALL.into_iter().enumerate() {
            let g: Vec<&GoldAttr> = gold.iter().filter(|g| g.ty == ty).collect();
            let p: Vec<&PredAttr> = pred.iter().filter(|p| p.ty == ty).collect();
            score_doc(&chars, &words, &g, &p, &mut type_acc[k], stem, false, &mut type_errors);
        }
    }
    report.direct = acc[0].scores();
    report.all = acc[1].scores();
    report.by_type = AttributionType::ALL.iter().zip(&type_acc).map(|(t, a)| (t.name(), a.scores())).collect();
    report.by_rule = detect::ATTRIBUTION_RULES
        .iter()
        .zip(&rule_counts)
        .map(|(r, &(fired, matched))| RuleScore {
            rule: r.id,
            fired,
            matched,
            precision: ratio(matched, fired),
            recall: ratio(matched, report.all.gold),
        })
        .collect();
    Ok((report, errors))
}

#[derive(Default)]
struct Acc {
    gold: usize,
    pred: usize,
    matched: usize,
    exact: usize,
    sp_total: usize,
    sp_ok: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

impl Acc {
    fn scores(&self) -> Scores {
        let (p, r) = (ratio(self.matched, self.pred), ratio(self.matched, self.gold));
        let (ep, er) = (ratio(self.exact, self.pred), ratio(self.exact, self.gold));
        Scores {
            gold: self.gold,
            predicted: self.pred,
            matched: self.matched,
            precision: p,
            recall: r,
            f1: f1(p, r),
            exact_matched: self.exact,
            exact_precision: ep,
            exact_recall: er,
            exact_f1: f1(ep, er),
            speaker_total: self.sp_total,
            speaker_correct: self.sp_ok,
            speaker_accuracy: ratio(self.sp_ok, self.sp_total),
        }
    }
}

/// Word tokens: maximal runs of letters and digits, as code-point ranges.
fn word_tokens(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() {
            let s = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Indices of the word tokens overlapping any of `spans`, sorted.
fn token_set(words: &[(usize, usize)], spans: &[(usize, usize)]) -> Vec<usize> {
    let mut out = Vec::new();
    for &(s, e) in spans {
        let mut i = words.partition_point(|w| w.1 <= s);
        while i < words.len() && words[i].0 < e {
            out.push(i);
            i += 1;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn jaccard(a: &[usize], b: &[usize]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 { 0.0 } else { inter as f64 / union as f64 }
}

#[allow(clippy::too_many_arguments)]
fn score_doc(
    chars: &[char],
    words: &[(usize, usize)],
    gold: &[&GoldAttr],
    pred: &[&PredAttr],
    acc: &mut Acc,
    file: &str,
    direct: bool,
    errors: &mut Vec<ErrorCase>,
) -> Vec<bool> {
    let gsets: Vec<Vec<usize>> = gold.iter().map(|g| token_set(words, &g.content)).collect();
    let psets: Vec<Vec<usize>> = pred.iter().map(|p| token_set(words, &p.spans)).collect();
    // Candidate pairs: only gold and predictions that share a token can reach 0.5; index tokens.
    let mut by_token: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for (gi, s) in gsets.iter().enumerate() {
        for &t in s {
            by_token.entry(t).or_default().push(gi);
        }
    }
    let mut pairs = Vec::new();
    for (pi, ps) in psets.iter().enumerate() {
        let mut cands: Vec<usize> = ps.iter().filter_map(|t| by_token.get(t)).flatten().copied().collect();
        cands.sort_unstable();
        cands.dedup();
        for gi in cands {
            let j = jaccard(&gsets[gi], ps);
            if j >= 0.5 {
                pairs.push((j, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gused = vec![false; gold.len()];
    let mut pused = vec![false; pred.len()];
    acc.gold += gold.iter().filter(|g| !g.content.is_empty()).count();
    acc.pred += pred.len();
    for (_, gi, pi) in pairs {
        if gused[gi] || pused[pi] {
            continue;
        }
        gused[gi] = true;
        pused[pi] = true;
        acc.matched += 1;
        let (g, p) = (&gsets[gi], &psets[pi]);
        if g.first() == p.first() && g.last() == p.last() {
            acc.exact += 1;
        }
        if gold[gi].has_source {
            acc.sp_total += 1;
            let ok = pred[pi].speaker.is_some_and(|(s, e)| gold[gi].source.iter().any(|&(a, b)| s < b && a < e));
            if ok {
                acc.sp_ok += 1;
            } else {
                errors.push(ErrorCase {
                    file: file.to_string(),
                    what: "wrong speaker",
                    direct,
                    ty: pred[pi].ty.name(),
                    text: clip(chars, &pred[pi].spans),
                    detail: format!(
                        "after: {:?} gold source {:?}, predicted {:?}",
                        pred[pi]
                            .spans
                            .last()
                            .map(|&(_, e)| crate::detect::slice_pub(chars, e, e + 70))
                            .unwrap_or_default(),
                        gold[gi].source.iter().map(|&(a, b)| crate::detect::slice_pub(chars, a, b)).collect::<Vec<_>>(),
                        pred[pi].speaker.map(|(a, b)| crate::detect::slice_pub(chars, a, b))
                    ),
                });
            }
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if !gused[gi] {
            errors.push(ErrorCase {
                file: file.to_string(),
                what: "missed",
                direct,
                ty: g.ty.name(),
                text: clip(chars, &g.content),
                detail: format!("cue {:?}", clip(chars, &g.cue)),
            });
        }
    }
    for (pi, p) in pred.iter().enumerate() {
        if !pused[pi] {
            errors.push(ErrorCase {
                file: file.to_string(),
                what: "spurious",
                direct,
                ty: p.ty.name(),
                text: clip(chars, &p.spans),
                detail: format!(
                    "cue {:?}, rule {}",
                    p.cue.map(|(a, b)| crate::detect::slice_pub(chars, a, b)).unwrap_or_default(),
                    p.rule
                ),
            });
        }
    }
    pused
}

fn clip(chars: &[char], spans: &[(usize, usize)]) -> String {
    spans.iter().map(|&(a, b)| crate::detect::slice_pub(chars, a, b)).collect::<Vec<_>>().join(" … ")
}

/// Detected attributions, split quotations merged, partial quotations inside clauses dropped.
fn predictions(text: &str) -> Vec<PredAttr> {
    let d = detect::detect_unexplained(text);
    let mut out: Vec<PredAttr> = Vec::new();
    let mut first_of: Vec<Option<usize>> = vec![None; d.quotes.len()];
    let indirect: Vec<(usize, usize)> =
        d.quotes.iter().filter(|q| q.kind == QuoteKind::Indirect).map(|q| (q.start, q.end)).collect();
    for (i, q) in d.quotes.iter().enumerate() {
        if q.kind == QuoteKind::Mixed && indirect.iter().any(|&(s, e)| s <= q.start && q.end <= e + 1) {
            continue;
        }
        if let Some(p) = q.part_of.and_then(|p| first_of.get(p).copied().flatten())
            && let Some(a) = out.get_mut(p)
        {
            a.spans.push((q.start, q.end));
            first_of[i] = Some(p);
            continue;
        }
        let speaker = q.speaker.and_then(|m| d.mentions.get(m)).map(|m| (m.start, m.end));
        first_of[i] = Some(out.len());
        out.push(PredAttr {
            spans: vec![(q.start, q.end)],
            speaker,
            cue: q.cue,
            direct: q.kind == QuoteKind::Direct,
            ty: q.attribution,
            rule: q.rule,
        });
    }
    out
}

/// Reads the gold attributions of one brat file.
fn parse_ann(src: &str, chars: &[char]) -> Vec<GoldAttr> {
    use std::collections::HashMap;
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut events = Vec::new();
    for line in src.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else { continue };
        if id.starts_with('T') && id[1..].chars().all(|c| c.is_ascii_digit()) {
            let Some((_, offsets)) = body.split_once(' ') else { continue };
            let mut v = Vec::new();
            for piece in offsets.split(';') {
                let mut it = piece.split_whitespace().filter_map(|x| x.parse::<usize>().ok());
                if let (Some(a), Some(b)) = (it.next(), it.next())
                    && a < b
                    && b <= chars.len()
                {
                    v.push((a, b));
                }
            }
            spans.insert(id, v);
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let mut content: Vec<(usize, usize)> = Vec::new();
        let mut source = None;
        let mut cue = None;
        for arg in body.split_whitespace() {
            let Some((role, t)) = arg.split_once(':') else { continue };
            match role {
                // A quotation split around its cue is sometimes two arguments, Content and Content2.
                "Content" | "Content2" => content.extend(spans.get(t).into_iter().flatten()),
                "Source" => source = spans.get(t).cloned(),
                "Cue" => cue = spans.get(t).cloned(),
                _ => {}
            }
        }
        if content.is_empty() {
            continue;
        }
        content.sort_unstable();
        let first = content.iter().map(|s| s.0).min().unwrap_or(0);
        let direct = chars
            .iter()
            .skip(first)
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| matches!(c, '“' | '"' | '‘' | '\'' | '«' | '„'));
        let has_source = source.as_ref().is_some_and(|s| !s.is_empty());
        let words = |spans: &Option<Vec<(usize, usize)>>| -> Option<String> {
            let v = spans.as_ref().filter(|v| !v.is_empty())?;
            Some(v.iter().map(|&(a, b)| crate::detect::slice_pub(chars, a, b)).collect::<Vec<_>>().join(" "))
        };
        let content_text =
            content.iter().map(|&(a, b)| crate::detect::slice_pub(chars, a, b)).collect::<Vec<_>>().join(" ");
        let (ty, _) = detect::attribution_type(words(&cue).as_deref(), words(&source).as_deref(), &content_text);
        out.push(GoldAttr {
            content,
            source: source.unwrap_or_default(),
            has_source,
            direct,
            cue: cue.unwrap_or_default(),
            ty,
        });
    }
    out
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "PolNeAR attribution ({} documents)", self.documents)?;
        writeln!(
            f,
            "{:<10} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>8}",
            "", "gold", "pred", "P", "R", "F1", "P=", "R=", "F1=", "speaker"
        )?;
        let by_type = self.by_type.iter().map(|(name, s)| (*name, s));
        for (name, s) in [("direct", &self.direct), ("all", &self.all)].into_iter().chain(by_type) {
            writeln!(
                f,
                "{:<10} {:>6} {:>6} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3} | {:>8.3}  ({}/{})",
                name,
                s.gold,
                s.predicted,
                s.precision,
                s.recall,
                s.f1,
                s.exact_precision,
                s.exact_recall,
                s.exact_f1,
                s.speaker_accuracy,
                s.speaker_correct,
                s.speaker_total
            )?;
        }
        writeln!(f, "{:<32} {:>6} {:>7} | {:>6} {:>6}", "rule", "fired", "matched", "P", "R")?;
        for r in &self.by_rule {
            writeln!(f, "{:<32} {:>6} {:>7} | {:>6.3} {:>6.3}", r.rule, r.fired, r.matched, r.precision, r.recall)?;
        }
        write!(
            f,
            "rules: in the all-attributions matching, R = share of all gold attributions; types: gold typed by its cue with the detector's lexicon, all kinds; P/R/F1: token overlap, Jaccard ≥ 0.5; P=/R=/F1=: exact (same first and last word); speaker: accuracy on overlap-matched pairs with a gold source"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "“We will win,” he said. “And soon.”\n\nThe mayor also said the budget was balanced. \
Critics fear higher taxes.";

    /// Character offsets of `part` in TEXT, as brat writes them.
    fn at(part: &str) -> String {
        let start = TEXT[..TEXT.find(part).unwrap()].chars().count();
        format!("{start} {}", start + part.chars().count())
    }

    fn ann() -> String {
        [
            format!("T1\tSource {}\the", at("he")),
            format!("T2\tCue {}\tsaid", at("said")),
            format!("T3\tContent {}\tx", at("“We will win,”")),
            format!("T4\tContent {}\tx", at("“And soon.”")),
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3 Content2:T4".to_string(),
            format!("T5\tSource {}\tx", at("The mayor")),
            format!("T6\tCue {}\tx", at("also said")),
            format!("T7\tContent {}\tx", at("the budget was balanced")),
            "E2\tAttribution:T6 Source:T5 Cue:T6 Content:T7".to_string(),
            format!("T8\tCue {}\tx", at("fear")),
            format!("T9\tContent {}\tx", at("higher taxes")),
            "E3\tAttribution:T8 Cue:T8 Content:T9".to_string(),
        ]
        .join("\n")
    }

    #[test]
    fn a_quotation_split_over_two_content_arguments_is_one_attribution() {
        let chars: Vec<char> = TEXT.chars().collect();
        let gold = parse_ann(&ann(), &chars);
        assert_eq!(gold.len(), 3);
        assert_eq!(gold[0].content.len(), 2);
        assert!(gold[0].direct && gold[0].has_source);
        assert!(!gold[1].direct && !gold[2].has_source);
    }

    #[test]
    fn scores_count_matches_misses_and_speakers() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("text")).unwrap();
        std::fs::create_dir_all(dir.path().join("attributions")).unwrap();
        std::fs::write(dir.path().join("text/a.txt"), TEXT).unwrap();
        std::fs::write(dir.path().join("attributions/a_1.ann"), ann()).unwrap();
        let (report, errors) = evaluate_detailed(dir.path()).unwrap();
        assert_eq!(report.documents, 1);
        // The split quotation: found whole, with its speaker.
        assert_eq!((report.direct.gold, report.direct.matched, report.direct.exact_matched), (1, 1, 1));
        assert_eq!((report.direct.speaker_total, report.direct.speaker_correct), (1, 1));
        // "Critics fear higher taxes" is an opinion without a that-clause: missed, recall 2/3.
        assert_eq!((report.all.gold, report.all.matched), (3, 2));
        assert!((report.all.recall - 2.0 / 3.0).abs() < 1e-9);
        let missed: Vec<_> = errors.iter().filter(|e| e.what == "missed").map(|e| e.text.as_str()).collect();
        assert_eq!(missed, ["higher taxes"]);
    }
}
