//! Features of one token for the entity tagger, hashed into a fixed-size weight table.
//!
//! Each feature is a template (what it looks at) and a value (what it sees there), hashed together
//! into a bucket index. Values are read straight from the tokenizer's lower-cased arena and the
//! lexicon flags, so computing a token's features allocates nothing. The hash is fixed here (not
//! the standard library's), because the shipped weights depend on it.

use std::cell::Cell;

use super::super::entities;
use super::super::lexicon::{self, Lexicon};
use super::super::tokens::{Doc, Kind};

/// Number of buckets in the weight table (a power of two).
pub const BUCKETS: usize = 1 << 18;

/// What a feature looks at. The discriminant is hashed with the value, so the order is part of
/// the model format: add new templates at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Template {
    Bias,
    Word,
    Prefix,
    Suffix,
    Shape,
    PrevWord,
    NextWord,
    PrevWords,
    NextWords,
    PrevShape,
    NextShape,
    PrevTag,
    PrevTagShape,
    FirstWord,
    Lexicon,
    NextLexicon,
    PrevLexicon,
    Gazetteer,
    Headline,
    WordNextWord,
    Place,
    Suffix2,
    Shapes,
    CasedWord,
}

/// How many features every token has (unused slots repeat the bias).
pub const PER_TOKEN: usize = 24;

/// The lexicon classes the tagger sees, with the words it explains them by.
const FLAGS: &[(u32, &str)] = &[
    (lexicon::F_GIVEN_NAMES, "a given name"),
    (lexicon::F_TITLE_WORDS, "a title"),
    (lexicon::F_ORG_HEADS, "an organisation word"),
    (lexicon::F_NOMINAL_GPE, "a place word"),
    (lexicon::F_PERSON_ROLES, "a role"),
    (lexicon::F_CUE, "a speech verb"),
    (lexicon::F_MONTHS | lexicon::F_WEEKDAYS, "a month or day"),
    (lexicon::F_FUNCTION_WORDS, "a function word"),
    (lexicon::F_ABBREVIATIONS, "an abbreviation"),
    (lexicon::F_NAME_START, "the start of a listed name"),
];

/// What the features look up in a document, once: the gazetteer label of each token (0 none,
/// else `1 + 2 * label + inside`, labels in [`GAZ`]), whether it is in a GeoNames place name (0
/// no, 1 first word, 2 later word), and each token's [`Shape`], made the first time a feature
/// needs it and reused by the token's neighbours.
pub struct Context {
    gazetteer: Vec<u8>,
    places: Vec<u8>,
    shapes: Vec<Cell<Option<Shape>>>,
}

const GAZ: &[&str] = &["PERSON", "ORG", "GPE", "LOC", "NORP"];

impl Context {
    /// Marks every token inside a name the lexicon lists (longest match, left to right) and
    /// inside a GeoNames place name.
    pub fn new(doc: &Doc) -> Context {
        let lex = lexicon::get();
        let n = doc.tokens.len();
        let mut marks = vec![0u8; n];
        let mut i = 0;
        while i < n {
            let hit = gazetteer_hit(doc, lex, i);
            let Some((end, label)) = hit else {
                i += 1;
                continue;
            };
            let code = GAZ.iter().position(|&g| g == label).unwrap_or(1) as u8;
            for (j, m) in marks.iter_mut().enumerate().take(end).skip(i) {
                *m = 1 + 2 * code + u8::from(j > i);
            }
            i = end.max(i + 1);
        }
        let mut places = vec![0u8; n];
        let mut i = 0;
        while i < n {
            match place_at(doc, i) {
                Some(end) => {
                    for (j, p) in places.iter_mut().enumerate().take(end).skip(i) {
                        *p = 1 + u8::from(j > i);
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        Context { gazetteer: marks, places, shapes: vec![Cell::new(None); n] }
    }

    fn at(&self, i: usize) -> u8 {
        self.gazetteer.get(i).copied().unwrap_or(0)
    }

    fn place(&self, i: usize) -> u8 {
        self.places.get(i).copied().unwrap_or(0)
    }

    /// The shape of token `i` ("<s>" past the sentence's edge).
    fn shape(&self, doc: &Doc, i: Option<usize>) -> Shape {
        let Some(slot) = i.and_then(|i| self.shapes.get(i)) else { return Shape::of(doc, i) };
        slot.get().unwrap_or_else(|| {
            let shape = Shape::of(doc, i);
            slot.set(Some(shape));
            shape
        })
    }
}

fn gazetteer_hit(doc: &Doc, lex: &'static Lexicon, i: usize) -> Option<(usize, &'static str)> {
    let t = doc.tokens.get(i)?;
    // A listed common word ("may", "bush") counts only with its capital, as for the rules.
    if t.kind != Kind::Word || !(t.cap || t.all_caps) {
        return None;
    }
    entities::gazetteer_at(doc, lex, i, doc.tokens.len()).map(|(e, label, _)| (e, label))
}

/// End of the longest GeoNames place name starting at capitalised word `i`, if any. The key is
/// built in a stack buffer: no allocation per word.
fn place_at(doc: &Doc, i: usize) -> Option<usize> {
    let t = doc.tokens.get(i)?;
    if t.kind != Kind::Word || !t.cap {
        return None;
    }
    let places = lexicon::place_names();
    let sent = t.sent();
    let mut key = [0u8; 96];
    let mut used = 0;
    let mut best = None;
    for j in i..(i + places.max_words).min(doc.tokens.len()) {
        // A place name runs on over capitalised words and short particles ("Rio de Janeiro"):
        // anything else ends the search, so most words cost one lookup.
        let tj = doc.tokens[j];
        if tj.sent() != sent || j > i && !(tj.cap || doc.lower(j).len() <= 3 && tj.kind == Kind::Word) {
            break;
        }
        let w = doc.lower(j).as_bytes();
        let sep = usize::from(j > i);
        if used + sep + w.len() > key.len() {
            break;
        }
        if sep == 1 {
            key[used] = b' ';
        }
        key[used + sep..used + sep + w.len()].copy_from_slice(w);
        used += sep + w.len();
        if std::str::from_utf8(&key[..used]).is_ok_and(|k| places.names.contains(k)) {
            best = Some(j + 1);
        }
    }
    best
}

/// A stable 64-bit mix of bytes (the "Fx" multiply-rotate scheme, fixed here for the model file).
#[derive(Clone, Copy)]
struct Mix(u64);

impl Mix {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn new(t: Template) -> Mix {
        Mix(0).byte(t as u8 + 1)
    }

    fn byte(self, b: u8) -> Mix {
        Mix((self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(Self::K))
    }

    fn word(self, w: u16) -> Mix {
        self.bytes(&w.to_le_bytes())
    }

    fn bytes(self, s: &[u8]) -> Mix {
        s.iter().fold(self, |m, &b| m.byte(b))
    }

    fn bucket(self) -> u32 {
        // The high bits are the best mixed.
        ((self.0 ^ (self.0 >> 29)).wrapping_mul(Self::K) >> (64 - BUCKETS.trailing_zeros())) as u32
    }
}

/// Mixes the same bytes into several hashes at once, each as [`Mix::bytes`] would: every hash is
/// its own chain of multiplications, and side by side the processor runs the chains together.
fn lanes<const N: usize>(mut mixes: [Mix; N], bytes: &[u8]) -> [Mix; N] {
    for &b in bytes {
        for m in &mut mixes {
            *m = m.byte(b);
        }
    }
    mixes
}

/// A token's view for the features: its lower-cased form, or a marker past the sentence's edge.
fn word(doc: &Doc, i: Option<usize>) -> &str {
    match i {
        Some(i) => doc.lower(i),
        None => "<s>",
    }
}

/// The shape of a token: X upper, x lower, d digit, other characters as they are, runs longer
/// than two collapsed ("McDonald" → Xx Xx → "XxXx", "U.S." → "X.X.", "2016" → "dd"); "<s>" past
/// the sentence's edge. Made once per token (see [`Context`]), then mixed in by several
/// templates.
#[derive(Clone, Copy)]
struct Shape {
    bytes: [u8; 16],
    len: usize,
}

impl Shape {
    fn of(doc: &Doc, i: Option<usize>) -> Shape {
        let mut s = Shape { bytes: [0; 16], len: 0 };
        let Some(t) = i.and_then(|i| doc.tokens.get(i)) else {
            s.bytes[..3].copy_from_slice(b"<s>");
            s.len = 3;
            return s;
        };
        let (mut last, mut run) = (0u8, 0);
        for &c in doc.chars.get(t.start()..t.end()).unwrap_or(&[]).iter().take(16) {
            let b = if c.is_uppercase() {
                b'X'
            } else if c.is_lowercase() {
                b'x'
            } else if c.is_ascii_digit() {
                b'd'
            } else if c.is_ascii() {
                c as u8
            } else {
                b'*'
            };
            run = if b == last { run + 1 } else { 1 };
            last = b;
            if run <= 2 {
                s.bytes[s.len] = b;
                s.len += 1;
            }
        }
        s
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Which of [`FLAGS`] token `i` has, one bit each.
fn flags_of(doc: &Doc, i: Option<usize>) -> u16 {
    let Some(t) = i.and_then(|i| doc.tokens.get(i)) else { return 0 };
    FLAGS.iter().enumerate().fold(0u16, |acc, (k, &(f, _))| if t.flags & f != 0 { acc | 1 << k } else { acc })
}

/// The token before and after `i` in its sentence.
fn neighbours(doc: &Doc, i: usize) -> (Option<usize>, Option<usize>, Option<usize>, Option<usize>) {
    let sent = doc.tokens[i].sent();
    let same = |j: usize| doc.tokens.get(j).is_some_and(|t| t.sent() == sent).then_some(j);
    let p1 = i.checked_sub(1).and_then(same);
    let p2 = i.checked_sub(2).and_then(same).filter(|_| p1.is_some());
    let n1 = same(i + 1);
    let n2 = same(i + 2).filter(|_| n1.is_some());
    (p2, p1, n1, n2)
}

/// First `n` characters of `w` (whole when shorter).
fn prefix(w: &str, n: usize) -> &str {
    w.char_indices().nth(n).map_or(w, |(b, _)| &w[..b])
}

/// Last `n` characters of `w`.
fn suffix(w: &str, n: usize) -> &str {
    w.char_indices().rev().nth(n - 1).map_or(w, |(b, _)| &w[b..])
}

/// The feature buckets of token `i`, given the tag chosen for the token before it.
pub fn features(doc: &Doc, context: &Context, i: usize, prev_tag: u8, out: &mut [u32; PER_TOKEN]) {
    let (p2, p1, n1, n2) = neighbours(doc, i);
    let w = doc.lower(i);
    let t = doc.tokens[i];
    let first = entities::sentence_initial(doc, i);
    let f = flags_of(doc, Some(i));
    let shape = |j| context.shape(doc, j);
    let (before, this, after) = (shape(p1), shape(Some(i)), shape(n1));
    let new = Mix::new;
    // Templates that read the same bytes read them together (see [`lanes`]).
    let [word_m, first_word, word_next, cased] = lanes(
        [
            new(Template::Word),
            new(Template::FirstWord).byte(u8::from(first)).byte(u8::from(t.cap)),
            new(Template::WordNextWord),
            new(Template::CasedWord).byte(u8::from(t.cap) + 2 * u8::from(t.all_caps)),
        ],
        w.as_bytes(),
    );
    let [next_word, next_words, word_next] =
        lanes([new(Template::NextWord), new(Template::NextWords), word_next.byte(b' ')], word(doc, n1).as_bytes());
    let prev_words = new(Template::PrevWords).bytes(word(doc, p2).as_bytes()).byte(b' ');
    let [prev_word, prev_words] = lanes([new(Template::PrevWord), prev_words], word(doc, p1).as_bytes());
    let [prev_shape, shapes] = lanes([new(Template::PrevShape), new(Template::Shapes)], before.as_bytes());
    let [shape_m, prev_tag_shape, shapes] =
        lanes([new(Template::Shape), new(Template::PrevTagShape).byte(prev_tag), shapes.byte(b'|')], this.as_bytes());
    let [next_shape, shapes] = lanes([new(Template::NextShape), shapes.byte(b'|')], after.as_bytes());
    let list = [
        new(Template::Bias),
        word_m,
        new(Template::Prefix).bytes(prefix(w, 3).as_bytes()),
        new(Template::Suffix).bytes(suffix(w, 3).as_bytes()),
        shape_m,
        prev_word,
        next_word,
        prev_words,
        next_words.byte(b' ').bytes(word(doc, n2).as_bytes()),
        prev_shape,
        next_shape,
        new(Template::PrevTag).byte(prev_tag),
        prev_tag_shape,
        first_word,
        new(Template::Lexicon).word(f),
        new(Template::NextLexicon).word(flags_of(doc, n1)),
        new(Template::PrevLexicon).word(flags_of(doc, p1)),
        new(Template::Gazetteer).byte(context.at(i)).byte(n1.map_or(0, |n| context.at(n))),
        new(Template::Headline)
            .byte(u8::from(doc.headline.get(t.para()).copied().unwrap_or(false)))
            .byte(u8::from(t.all_caps)),
        word_next,
        new(Template::Place).byte(context.place(i)).byte(n1.map_or(0, |n| context.place(n))),
        new(Template::Suffix2).bytes(suffix(w, 2).as_bytes()).byte(u8::from(t.cap)),
        shapes,
        cased,
    ];
    for (o, m) in out.iter_mut().zip(list) {
        *o = m.bucket();
    }
}

/// Appends words for the analyst saying what feature `k` of token `i` looked at; false, with
/// nothing appended, for the bias and the previous tag (which explain nothing on their own).
pub fn describe(doc: &Doc, context: &Context, i: usize, k: usize, out: &mut String) -> bool {
    let (p2, p1, n1, n2) = neighbours(doc, i);
    let text = |out: &mut String, j: usize| {
        let t = doc.tokens[j];
        out.extend(doc.chars.get(t.start()..t.end()).unwrap_or(&[]));
    };
    let quoted = |out: &mut String, words: &[&str]| {
        out.push('\'');
        for (n, w) in words.iter().enumerate() {
            if n > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
        out.push('\'');
    };
    let the_word = |out: &mut String| {
        out.push_str("the word '");
        text(out, i);
        out.push('\'');
    };
    match k {
        1 | 23 => the_word(out),
        2 => {
            out.push_str("starts ");
            quoted(out, &[prefix(doc.lower(i), 3)]);
        }
        3 | 21 => {
            out.push_str("ends ");
            quoted(out, &[suffix(doc.lower(i), if k == 3 { 3 } else { 2 })]);
        }
        4 | 12 => {
            let t = doc.tokens[i];
            out.push_str(if t.all_caps {
                "all capitals"
            } else if t.cap {
                "capitalised"
            } else {
                "lower case"
            });
        }
        5 => {
            out.push_str("after ");
            quoted(out, &[word(doc, p1)]);
        }
        6 => {
            out.push_str("before ");
            quoted(out, &[word(doc, n1)]);
        }
        7 => {
            out.push_str("after ");
            quoted(out, &[word(doc, p2), word(doc, p1)]);
        }
        8 => {
            out.push_str("before ");
            quoted(out, &[word(doc, n1), word(doc, n2)]);
        }
        9 => out.push_str("the shape of the word before"),
        10 => out.push_str("the shape of the word after"),
        13 if entities::sentence_initial(doc, i) => out.push_str("first in its sentence"),
        13 => the_word(out),
        14 => {
            if !lexicon_words(doc, Some(i), out) {
                out.push_str("in no word list");
            }
        }
        15 | 16 => {
            let at = out.len();
            out.push_str(if k == 15 { "before " } else { "after " });
            if !lexicon_words(doc, if k == 15 { n1 } else { p1 }, out) {
                out.truncate(at);
                return false;
            }
        }
        17 => match context.at(i) {
            0 => out.push_str("not in the gazetteer"),
            g => {
                out.push_str("in the gazetteer (");
                out.push_str(GAZ[usize::from((g - 1) / 2)]);
                out.push(')');
            }
        },
        18 => out.push_str("in a headline"),
        19 => {
            out.push('\'');
            text(out, i);
            out.push_str("' before ");
            quoted(out, &[word(doc, n1)]);
        }
        20 if context.place(i) > 0 => out.push_str("a place name in GeoNames"),
        22 => out.push_str("the shapes of the words around"),
        _ => return false,
    }
    true
}

/// Appends the word lists token `i` is in ("a given name, a title"); false when none.
fn lexicon_words(doc: &Doc, i: Option<usize>, out: &mut String) -> bool {
    let Some(i) = i else { return false };
    let mut any = false;
    for &(_, name) in FLAGS.iter().filter(|&&(f, _)| doc.has(i, f)) {
        if any {
            out.push_str(", ");
        }
        out.push_str(name);
        any = true;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buckets(text: &str, i: usize) -> [u32; PER_TOKEN] {
        let doc = Doc::new(text);
        let context = Context::new(&doc);
        let mut out = [0; PER_TOKEN];
        features(&doc, &context, i, 0, &mut out);
        out
    }

    #[test]
    fn the_same_word_in_the_same_context_has_the_same_features() {
        assert_eq!(buckets("Shares of Acme rose.", 2), buckets("Shares of Acme rose.", 2));
        let (a, b) = (buckets("Shares of Acme rose.", 2), buckets("Shares of Zenith rose.", 2));
        // The word differs; the previous word and the shape do not.
        assert_ne!(a[1], b[1]);
        assert_eq!(a[5], b[5]);
        assert_eq!(a[4], b[4]);
    }

    #[test]
    fn shapes_collapse_runs() {
        let s = |text: &str| buckets(text, 0)[4];
        assert_eq!(s("Vancouver"), s("Paris"));
        assert_ne!(s("Vancouver"), s("NATO"));
        assert_eq!(s("2016"), s("1999"));
    }

    #[test]
    fn the_gazetteer_marks_listed_names() {
        let doc = Doc::new("He flew to the United States on Monday.");
        let context = Context::new(&doc);
        let united = (0..doc.tokens.len()).find(|&i| doc.lower(i) == "united").unwrap();
        assert_eq!(context.at(united) % 2, 1, "first word of a listed name");
        assert_eq!(context.at(united + 1), context.at(united) + 1, "second word inside it");
        assert_eq!(context.at(0), 0);
    }

    #[test]
    fn prefixes_and_suffixes_count_characters() {
        assert_eq!(prefix("zürich", 3), "zür");
        assert_eq!(suffix("zürich", 3), "ich");
        assert_eq!(suffix("ab", 3), "ab");
    }
}
