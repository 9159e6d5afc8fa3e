//! One statement, reported twice: quotations of the same person in different articles that give
//! the same statement — the same briefing carried by two wire services, a quote picked up by
//! another outlet.
//!
//! Two versions are one statement when, in this order: their words are the same once case and
//! punctuation are set aside; they share a run of [`SHARED_RUN`] words; or their content words
//! overlap (Dice over word stems ≥ [`OVERLAP`], with at least [`OVERLAP_WORDS`] in common). The
//! last test is what finds a statement translated twice ("combat operations by the Syrian army in
//! east Aleppo have been suspended" / "the Syrian army suspended active combat operations in
//! Eastern Aleppo"), where the words are the same but their order is not, which an edit distance
//! over words would miss. Versions must have one speaker entity, and, when both articles are
//! dated, be published within [`DAYS_APART`] days of each other.

use crate::model::{AnnId, DocId, EntityId};
use std::collections::{BTreeMap, BTreeSet};

/// Words in a row two versions must share to be taken for one statement.
pub const SHARED_RUN: usize = 6;
/// Least Dice overlap of the versions' content-word stems.
pub const OVERLAP: f64 = 0.4;
/// Fewest content-word stems the versions must have in common for the overlap test.
pub const OVERLAP_WORDS: usize = 4;
/// Most days between the publication of two versions.
pub const DAYS_APART: i64 = 3;
/// Letters of a word kept as its stem: "operations" and "operation", "evacuation" and
/// "evacuate", "east" and "eastern" meet.
const STEM: usize = 5;

/// A quotation that may be a version of a statement reported elsewhere.
#[derive(Debug, Clone)]
pub struct Version<'a> {
    pub quote: AnnId,
    pub doc: DocId,
    pub speaker: EntityId,
    pub text: &'a str,
    /// Publication day (days since 1970), when the article's date says it.
    pub day: Option<i64>,
}

/// How two versions were found to be one statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Likeness {
    /// The same words, case and punctuation aside.
    Same,
    /// A run of words both share.
    Shared(String),
    /// The share of content words both have.
    Overlap(f64),
}

impl Likeness {
    /// A reason an analyst reads in the inspector.
    pub fn reason(&self) -> String {
        match self {
            Likeness::Same => "the same words".to_string(),
            Likeness::Shared(run) => format!("both say “{run}”"),
            Likeness::Overlap(share) => format!("{:.0} % of their content words in common", share * 100.0),
        }
    }

    fn strength(&self) -> f64 {
        match self {
            Likeness::Same => 3.0,
            Likeness::Shared(_) => 2.0,
            Likeness::Overlap(share) => *share,
        }
    }
}

/// Lower-cased words, punctuation dropped.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Stems of the words that carry content.
fn stems(words: &[String]) -> BTreeSet<String> {
    words
        .iter()
        .filter(|w| w.chars().count() > 2 && !crate::detect::is_function_word(w))
        .map(|w| w.chars().take(STEM).collect())
        .collect()
}

/// The longest run of words both texts have, as words.
fn longest_run<'w>(a: &'w [String], b: &[String]) -> &'w [String] {
    // Dynamic programming over the two word lists, one row at a time: quotations are short.
    let mut best = (0, 0);
    let mut row = vec![0usize; b.len() + 1];
    for (i, wa) in a.iter().enumerate() {
        let mut diagonal = 0;
        for (j, wb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if wa == wb { diagonal + 1 } else { 0 };
            if row[j + 1] > best.0 {
                best = (row[j + 1], i + 1);
            }
            diagonal = above;
        }
    }
    &a[best.1 - best.0..best.1]
}

/// Whether two versions' words give one statement, and how.
pub fn likeness(a: &str, b: &str) -> Option<Likeness> {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return None;
    }
    if wa == wb {
        return Some(Likeness::Same);
    }
    let run = longest_run(&wa, &wb);
    if run.len() >= SHARED_RUN {
        return Some(Likeness::Shared(run.join(" ")));
    }
    let (sa, sb) = (stems(&wa), stems(&wb));
    let common = sa.intersection(&sb).count();
    let dice = 2.0 * common as f64 / (sa.len() + sb.len()) as f64;
    (common >= OVERLAP_WORDS && dice >= OVERLAP).then_some(Likeness::Overlap(dice))
}

/// Groups of versions that give one statement, each with the reason of its strongest pair.
/// Only pairs from different documents are compared, and only pairs with at least one version
/// for which `is_new` holds (so adding articles compares them with the rest, not the rest anew).
pub fn find(versions: &[Version], is_new: impl Fn(&Version) -> bool) -> Vec<(Vec<AnnId>, String)> {
    let mut by_speaker: BTreeMap<EntityId, Vec<usize>> = BTreeMap::new();
    for (i, v) in versions.iter().enumerate() {
        by_speaker.entry(v.speaker).or_default().push(i);
    }
    let mut parent: Vec<usize> = (0..versions.len()).collect();
    let mut best: BTreeMap<usize, Likeness> = BTreeMap::new();
    for members in by_speaker.values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (a, b) = (&versions[i], &versions[j]);
                let far_apart = matches!((a.day, b.day), (Some(x), Some(y)) if (x - y).abs() > DAYS_APART);
                if a.doc == b.doc || far_apart || !(is_new(a) || is_new(b)) {
                    continue;
                }
                let Some(like) = likeness(a.text, b.text) else { continue };
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                let (keep, gone) = (ri.min(rj), ri.max(rj));
                parent[gone] = keep;
                let strongest = [best.remove(&gone), best.remove(&keep), Some(like)]
                    .into_iter()
                    .flatten()
                    .max_by(|x, y| x.strength().total_cmp(&y.strength()));
                if let Some(s) = strongest {
                    best.insert(keep, s);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<AnnId>> = BTreeMap::new();
    for (i, v) in versions.iter().enumerate() {
        let r = root(&mut parent, i);
        if best.contains_key(&r) {
            groups.entry(r).or_default().push(v.quote);
        }
    }
    groups
        .into_iter()
        .map(|(r, mut quotes)| {
            quotes.sort();
            (quotes, best[&r].reason())
        })
        .collect()
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Days since 1970-01-01 of a date written `YYYY-MM-DD…` (ISO 8601, as page metadata gives it).
pub fn day_of(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let (y, m, d): (i64, i64, i64) =
        (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil date (proleptic Gregorian), counting years from March.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// For showing two versions side by side: each word of `text` with whether the other version
/// has it too (by stem), so the words that differ can be marked.
pub fn marked_words<'t>(text: &'t str, other: &str) -> Vec<(&'t str, bool)> {
    let theirs: BTreeSet<String> = words(other).iter().map(|w| w.chars().take(STEM).collect()).collect();
    text.split_inclusive(char::is_whitespace)
        .map(|piece| {
            let stem: String = words(piece).first().map(|w| w.chars().take(STEM).collect()).unwrap_or_default();
            (piece, stem.is_empty() || theirs.contains(&stem))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likeness_in_order_of_strength() {
        assert_eq!(likeness("“We will win,” ", "we will WIN"), Some(Likeness::Same));
        let shared = likeness(
            "the talks in Geneva will decide the fate of the ceasefire, he said",
            "He added that the talks in Geneva will decide the fate of the region",
        );
        assert_eq!(shared, Some(Likeness::Shared("the talks in geneva will decide the fate of the".into())));
        let translated = likeness(
            "Combat operations by the Syrian army in east Aleppo have been suspended because the largest operation of evacuation of civilians is being carried out",
            "today the Syrian army suspended active combat operations in Eastern Aleppo as another large-scale operation to evacuate civilians is being held",
        );
        assert!(matches!(translated, Some(Likeness::Overlap(s)) if s > 0.4), "{translated:?}");
        assert_eq!(
            likeness("Concrete details will be discussed in Geneva.", "over the humanitarian situation in Aleppo"),
            None
        );
        assert_eq!(likeness("", "anything"), None);
    }

    #[test]
    fn groups_join_across_documents_only_for_one_speaker_and_near_dates() {
        let v = |q, doc, speaker, text, day| Version {
            quote: AnnId(q),
            doc: DocId(doc),
            speaker: EntityId(speaker),
            text,
            day,
        };
        let versions = [
            v(1, 1, 7, "we will rebuild the bridge by spring", Some(100)),
            v(2, 2, 7, "We will rebuild the bridge by spring.", Some(101)),
            v(3, 3, 7, "we will rebuild the bridge by spring", Some(130)),
            v(4, 2, 8, "we will rebuild the bridge by spring", Some(101)),
            v(5, 1, 7, "We will rebuild the bridge by spring!", Some(100)),
        ];
        let groups = find(&versions, |_| true);
        assert_eq!(groups, [(vec![AnnId(1), AnnId(2), AnnId(5)], "the same words".to_string())]);
        assert!(find(&versions, |v| v.quote == AnnId(3)).is_empty(), "only the new are compared");
    }

    #[test]
    fn dates_count_days() {
        assert_eq!(day_of("1970-01-01"), Some(0));
        assert_eq!(day_of("2016-12-08T10:00:00+03:00"), Some(17_143));
        assert_eq!(day_of("2024-03-01").zip(day_of("2024-02-28")).map(|(a, b)| a - b), Some(2));
        assert_eq!(day_of("December 8"), None);
    }

    #[test]
    fn differing_words_are_marked() {
        let marked = marked_words("the army suspended combat", "combat operations by the army were suspended");
        assert_eq!(marked, [("the ", true), ("army ", true), ("suspended ", true), ("combat", true)]);
        let marked = marked_words("active combat", "combat");
        assert_eq!(marked, [("active ", false), ("combat", true)]);
    }
}
