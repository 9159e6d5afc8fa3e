//! The tagger's weights and its greedy left-to-right decoding.
//!
//! Tags are BIO over four types (person, organisation, location, other name). Only a token that
//! can be part of a name is scored: a capitalised word, or any token right after a name (the "of"
//! in "Bank of England"); every other token is outside, at no cost. Weights are 16-bit integers
//! with one scale, which keeps the table small in memory and in the shipped file.

use std::borrow::Cow;

use super::super::tokens::{Doc, Kind};
use super::features::{self, BUCKETS, Context, PER_TOKEN};

/// Entity types the model tells apart, in tag order (`B-X` = `1 + 2k`, `I-X` = `2 + 2k`).
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// O plus B and I of each type.
pub const CLASSES: usize = 1 + 2 * TYPES.len();
/// The tag for words outside any name.
pub const OUTSIDE: u8 = 0;

const MAGIC: &[u8; 8] = b"SAYSONER";
const VERSION: u8 = 1;

/// Trained weights: `BUCKETS × CLASSES` integers, times `scale`, kept as the file's
/// little-endian bytes so that the shipped model is read where the program holds it, without a
/// 4.7 MB copy.
pub struct Model {
    weights: Cow<'static, [u8]>,
    pub(super) scale: f32,
}

/// A name the model found: tokens `tok.0..tok.1`, its type and how sure it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub tok: (usize, usize),
    /// Index into [`TYPES`].
    pub kind: usize,
    /// The probability of its type against the other types (softmax over the span's scores).
    pub confidence: f32,
}

/// Whether tag `t` may follow tag `prev` (an I-X only continues an X).
pub fn allowed(prev: u8, t: u8) -> bool {
    t == OUTSIDE || t % 2 == 1 || prev != OUTSIDE && prev.div_ceil(2) == t.div_ceil(2)
}

/// Whether token `i` is scored at all, given the tag before it.
pub fn candidate(doc: &Doc, i: usize, prev: u8) -> bool {
    let t = doc.tokens[i];
    prev != OUTSIDE && i > 0 && doc.tokens[i - 1].sent() == t.sent()
        || t.kind == Kind::Word && (t.cap || t.all_caps || doc.lower(i).contains('-'))
}

/// The tag before token `i` as the features see it: none across a sentence boundary.
pub fn prev_tag(doc: &Doc, i: usize, tags: &[u8]) -> u8 {
    match i.checked_sub(1) {
        Some(p) if doc.tokens[p].sent() == doc.tokens[i].sent() => tags[p],
        _ => OUTSIDE,
    }
}

impl Model {
    /// A model of `weights` (`BUCKETS × CLASSES`, row by row) times `scale`.
    pub fn from_weights(weights: &[i16], scale: f32) -> Model {
        Model { weights: Cow::Owned(weights.iter().flat_map(|w| w.to_le_bytes()).collect()), scale }
    }

    /// Reads the format [`Model::to_bytes`] writes; `None` for anything else.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let (weights, scale) = parse(bytes)?;
        Some(Model { weights: Cow::Owned(weights.to_vec()), scale })
    }

    /// As [`Model::from_bytes`], reading the weights where they are (the embedded model).
    pub fn from_static(bytes: &'static [u8]) -> Option<Model> {
        let (weights, scale) = parse(bytes)?;
        Some(Model { weights: Cow::Borrowed(weights), scale })
    }

    /// The file format: magic, version, class and bucket counts, scale, then the weights
    /// (little-endian).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(18 + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(CLASSES as u8);
        out.extend_from_slice(&(BUCKETS as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.weights);
        out
    }

    /// Every weight, row by row.
    pub fn weights(&self) -> impl Iterator<Item = i16> + '_ {
        self.weights.chunks_exact(2).map(le_i16)
    }

    /// Class scores for a token with feature buckets `feats`.
    pub fn scores(&self, feats: &[u32; PER_TOKEN]) -> [i32; CLASSES] {
        let mut s = [0i32; CLASSES];
        for &b in feats {
            let row = 2 * b as usize * CLASSES;
            if let Some(w) = self.weights.get(row..row + 2 * CLASSES) {
                for (s, w) in s.iter_mut().zip(w.chunks_exact(2)) {
                    *s += i32::from(le_i16(w));
                }
            }
        }
        s
    }

    /// The weight of bucket `b` for class `c`.
    pub fn weight(&self, b: u32, c: usize) -> i32 {
        let k = 2 * (b as usize * CLASSES + c);
        self.weights.get(k..k + 2).map_or(0, |w| i32::from(le_i16(w)))
    }

    /// Tags every token greedily, left to right, and returns the names found with every token's
    /// class scores. Where a name starts is decided word by word; its type is then chosen over
    /// all its words ([`Tagged::type_of`]), so "Corp" in "Acme Corp" has its say.
    pub fn tag(&self, doc: &Doc, context: &Context) -> Tagged {
        let n = doc.tokens.len();
        let mut tags = vec![OUTSIDE; n];
        let mut scores: Vec<[i32; CLASSES]> = vec![[0; CLASSES]; n];
        let mut feats = [0u32; PER_TOKEN];
        let mut first_words = Vec::new();
        for i in 0..n {
            let prev = prev_tag(doc, i, &tags);
            if !candidate(doc, i, prev) {
                continue;
            }
            features::features(doc, context, i, prev, &mut feats);
            scores[i] = self.scores(&feats);
            tags[i] = best_allowed(&scores[i], prev);
            // A name's first word: its features explain the name later.
            if tags[i] % 2 == 1 {
                first_words.push((i, feats));
            }
        }
        let mut tagged = Tagged { spans: collect_spans(doc, &tags), scores, scale: self.scale, first_words };
        for k in 0..tagged.spans.len() {
            let (kind, confidence) = tagged.type_of(tagged.spans[k].tok);
            tagged.spans[k].kind = kind;
            tagged.spans[k].confidence = confidence;
        }
        tagged
    }
}

/// What the tagger made of a document: its names and the scores behind them.
pub struct Tagged {
    pub spans: Vec<Span>,
    scores: Vec<[i32; CLASSES]>,
    scale: f32,
    /// The feature buckets of each name's first word, by token, in text order.
    first_words: Vec<(usize, [u32; PER_TOKEN])>,
}

impl Tagged {
    /// The features token `i` was tagged with and the scores they gave, if it opened a name.
    pub fn features_of(&self, i: usize) -> Option<(&[u32; PER_TOKEN], [i32; CLASSES])> {
        let k = self.first_words.binary_search_by_key(&i, |f| f.0).ok()?;
        Some((&self.first_words[k].1, self.scores[i]))
    }

    /// The score of each type for the words `tok` read as one name: the B score of the first
    /// word plus the I scores of the rest.
    fn type_sums(&self, tok: (usize, usize)) -> Option<[f32; TYPES.len()]> {
        let words = self.scores.get(tok.0..tok.1).filter(|w| !w.is_empty())?;
        let mut sums = [0f32; TYPES.len()];
        for (k, sum) in sums.iter_mut().enumerate() {
            let rest: i32 = words[1..].iter().map(|x| x[2 + 2 * k]).sum();
            *sum = (words[0][1 + 2 * k] + rest) as f32 * self.scale;
        }
        Some(sums)
    }

    /// The type of the words `tok` read as one name and its probability against the other types.
    pub fn type_of(&self, tok: (usize, usize)) -> (usize, f32) {
        let Some(sums) = self.type_sums(tok) else { return (0, 0.0) };
        let best = (0..TYPES.len()).fold(0, |a, k| if sums[k] > sums[a] { k } else { a });
        let total: f32 = sums.iter().map(|&x| (x - sums[best]).exp()).sum();
        (best, 1.0 / total.max(1.0))
    }

    /// How far the best type of the words `tok` stands above the runner-up in probability, in
    /// thousandths: how little the model doubts the label it gives.
    pub fn margin_of(&self, tok: (usize, usize)) -> u16 {
        let Some(sums) = self.type_sums(tok) else { return 0 };
        let top = sums.iter().copied().fold(f32::MIN, f32::max);
        let mut p = sums.map(|x| (x - top).exp());
        let total: f32 = p.iter().sum();
        p.sort_by(|a, b| b.total_cmp(a));
        let margin = (p[0] - p[1]) / total;
        (margin * 1000.0).round().clamp(0.0, 1000.0) as u16
    }
}

/// The weight stored in two little-endian bytes.
fn le_i16(w: &[u8]) -> i16 {
    i16::from_le_bytes([w[0], w[1]])
}

/// The weights' bytes and the scale of a model file, if it is one this build reads.
fn parse(bytes: &[u8]) -> Option<(&[u8], f32)> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (&[version, classes], rest) = rest.split_first_chunk::<2>()?;
    let (buckets, rest) = rest.split_first_chunk::<4>()?;
    let (scale, rest) = rest.split_first_chunk::<4>()?;
    let ok = version == VERSION
        && usize::from(classes) == CLASSES
        && u32::from_le_bytes(*buckets) as usize == BUCKETS
        && rest.len() == 2 * BUCKETS * CLASSES;
    ok.then(|| (rest, f32::from_le_bytes(*scale)))
}

/// The best-scoring tag that may follow `prev` (ties go to the lower tag, so outside first).
pub fn best_allowed(scores: &[i32; CLASSES], prev: u8) -> u8 {
    let mut best = OUTSIDE;
    for t in 1..CLASSES as u8 {
        if allowed(prev, t) && scores[usize::from(t)] > scores[usize::from(best)] {
            best = t;
        }
    }
    best
}

/// Names from a tag sequence: a B and the I's of the same type after it, not ending on
/// punctuation. Type and confidence are settled by the caller.
fn collect_spans(doc: &Doc, tags: &[u8]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == OUTSIDE || t.is_multiple_of(2) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < tags.len() && tags[e] == t + 1 {
            e += 1;
        }
        let mut last = e;
        while last > i + 1 && !doc.is_word(last - 1) {
            last -= 1;
        }
        out.push(Span { tok: (i, last), kind: usize::from((t - 1) / 2), confidence: 1.0 });
        i = e;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_tags_only_continue_their_own_type() {
        assert!(allowed(OUTSIDE, 1));
        assert!(!allowed(OUTSIDE, 2));
        assert!(allowed(1, 2));
        assert!(allowed(2, 2));
        assert!(!allowed(1, 4));
        assert!(allowed(4, 3));
    }

    #[test]
    fn the_file_format_round_trips_and_rejects_other_bytes() {
        let mut weights = vec![0i16; BUCKETS * CLASSES];
        weights[7] = -3;
        weights[BUCKETS * CLASSES - 1] = 12;
        let m = Model::from_weights(&weights, 0.25);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.weights().collect::<Vec<_>>(), weights);
        assert_eq!(back.weight(0, 7), -3);
        assert_eq!(back.weight(BUCKETS as u32 - 1, CLASSES - 1), 12);
        assert_eq!(back.scale, 0.25);
        let bytes: &'static [u8] = m.to_bytes().leak();
        assert_eq!(Model::from_static(bytes).unwrap().to_bytes(), bytes);
        assert!(Model::from_bytes(b"").is_none());
        assert!(Model::from_bytes(&m.to_bytes()[..100]).is_none());
    }

    #[test]
    fn the_highest_allowed_score_wins() {
        let mut s = [0i32; CLASSES];
        s[2] = 9; // I-PER, not allowed after O
        s[3] = 4; // B-ORG
        assert_eq!(best_allowed(&s, OUTSIDE), 3);
        assert_eq!(best_allowed(&s, 1), 2);
        assert_eq!(best_allowed(&[0; CLASSES], OUTSIDE), OUTSIDE);
    }
}
