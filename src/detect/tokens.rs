//! Tokens, sentences and paragraphs.
//!
//! Words are maximal runs of letters and digits, keeping internal hyphens ("al-Nusra"),
//! internal apostrophes ("doesn't") and the dots of initialisms ("U.S."), but splitting the
//! possessive "'s" off so "Russia's" still matches the gazetteer entry "Russia". Everything else
//! is a one-character punctuation token. Lower-cased forms live in one arena string, so the rest
//! of the pipeline compares `&str`s without allocating per token.
//!
//! Sentences end at `.`, `!`, `?` (and a closing quote after them) before a capital, a digit or
//! an opening quote — unless the word before is a known abbreviation ("Mr.", "Sen.", "Dec.") or
//! an initial — and at every line break. Paragraphs end at blank lines; a text with no blank
//! lines uses single line breaks.

use super::lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Code-point offsets, end exclusive (read through [`Token::start`] and [`Token::end`]).
    start: u32,
    end: u32,
    pub kind: Kind,
    /// Byte range of the lower-cased form in [`Doc::lower`].
    lo: (u32, u32),
    /// First character is upper case.
    pub cap: bool,
    /// Every letter is upper case and there are at least two ("UNSC", "U.S.").
    pub all_caps: bool,
    /// Sentence and paragraph index, kept narrow so a long document's tokens stay compact (read
    /// them through [`Token::sent`] and [`Token::para`]).
    sent: u32,
    para: u32,
    /// Word-class flags from the lexicon (`lexicon::F_*`).
    pub flags: u32,
}

impl Token {
    /// Whether the token counts when telling title case from running text: a word of four
    /// characters or more that is not a function word.
    fn weighs_in_case(&self) -> bool {
        self.kind == Kind::Word && self.end - self.start >= 4 && self.flags & lexicon::F_FUNCTION_WORDS == 0
    }

    /// Code-point offset of the first character.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Code-point offset after the last character.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Index of the sentence in [`Doc::sentences`].
    pub fn sent(&self) -> usize {
        self.sent as usize
    }

    /// Index of the paragraph in [`Doc::paragraphs`].
    pub fn para(&self) -> usize {
        self.para as usize
    }
}

pub struct Doc {
    pub chars: Vec<char>,
    pub tokens: Vec<Token>,
    lower: String,
    /// Token ranges `[start, end)` of sentences.
    pub sentences: Vec<(usize, usize)>,
    /// Code-point ranges of paragraphs (trimmed of surrounding whitespace).
    pub paragraphs: Vec<(usize, usize)>,
    /// Code points of the quotation marks and apostrophes that stand as tokens of their own, in
    /// text order: the only places a quotation can open or close (one inside a word, as in
    /// "doesn't", is always an apostrophe).
    pub marks: Vec<usize>,
    /// Paragraphs that look like headlines (title case, no final full stop).
    pub headline: Vec<bool>,
    /// Short paragraphs that end in a word, not punctuation: headlines in sentence case, bylines.
    pub unpunctuated: Vec<bool>,
    /// Paragraph index of each code point boundary, looked up through `para_of`.
    para_starts: Vec<usize>,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !general_punctuation(c) && c.is_alphanumeric()
}

/// General punctuation (“ ” ’ — … ―): common in news, never a letter nor cased, so it can skip
/// the Unicode tables.
fn general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// A quotation mark or apostrophe of any style.
pub fn is_quote_mark(c: char) -> bool {
    if c.is_ascii() {
        c == '"' || c == '\''
    } else {
        matches!(c, '“' | '„' | '«' | '‟' | '”' | '»' | '‘' | '’' | '‚')
    }
}

/// How many bytes at the start of `bytes` are ASCII, tested eight at a time.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut n = 0;
    for w in &mut words {
        let w = w.try_into().map_or(u64::MAX, u64::from_le_bytes);
        if w & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// "i'm" → ("i", 1), "they've" → ("they", 4): a lower-cased pronoun with a contraction (the
/// lower-cased text spells ’ as '), with the pronoun's length in characters.
fn split_contraction(w: &str) -> Option<(&str, usize)> {
    // The apostrophe can only follow the one to four letters of a pronoun: a few byte tests rule
    // out nearly every word.
    let cut = match w.as_bytes() {
        [b'i', b'\'', _, ..] => 1,
        [b'w' | b'h' | b'i', _, b'\'', _, ..] => 2,
        [b's' | b't', _, _, b'\'', _, ..] => 3,
        [b't', _, _, _, b'\'', _, ..] => 4,
        _ => return None,
    };
    let (base, rest) = w.split_at(cut);
    let pronoun = matches!(base, "i" | "we" | "he" | "she" | "it" | "they");
    // The pronoun is ASCII, so its length in bytes is its length in characters.
    (pronoun && matches!(&rest[1..], "m" | "ll" | "ve" | "d" | "re" | "s")).then_some((base, cut))
}

impl Doc {
    pub fn new(text: &str) -> Doc {
        // One allocation: a text has at most as many characters as bytes.
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        // ASCII runs are copied byte by byte; only the rest is decoded.
        let mut rest = text;
        while !rest.is_empty() {
            let ascii = ascii_prefix_len(rest.as_bytes());
            chars.extend(rest.as_bytes()[..ascii].iter().map(|&b| char::from(b)));
            let mut tail = rest[ascii..].chars();
            chars.extend(tail.next());
            rest = tail.as_str();
        }
        let paragraphs = split_paragraphs(&chars, blank_lines_only(text));
        let para_starts: Vec<usize> = paragraphs.iter().map(|p| p.0).collect();
        let mut tokens = Vec::with_capacity(chars.len() / 5 + 1);
        let mut lower = String::with_capacity(text.len());
        let mut marks = Vec::new();
        let n = chars.len();
        let mut i = 0;
        let mut para = 0;
        while i < n {
            let c = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            while para + 1 < para_starts.len() && para_starts[para + 1] <= i {
                para += 1;
            }
            let start = i;
            let kind;
            // An internal apostrophe: the word may be a contracted pronoun (checked below).
            let mut apostrophe = false;
            if is_word_char(c) {
                let numeric_start = c.is_ascii_digit();
                i += 1;
                loop {
                    if i < n && is_word_char(chars[i]) {
                        i += 1;
                        continue;
                    }
                    // Internal hyphen, apostrophe, dot/comma in numbers, dots of initialisms.
                    if i + 1 < n && is_word_char(chars[i + 1]) {
                        let j = chars[i];
                        if j == '-' || j == '&' {
                            i += 1;
                            continue;
                        }
                        if is_apostrophe(j) {
                            // Split off possessive 's ("Russia's"), keep "doesn't", "O'Brien".
                            let s_next =
                                matches!(chars[i + 1], 's' | 'S') && (i + 2 >= n || !is_word_char(chars[i + 2]));
                            if s_next {
                                break;
                            }
                            apostrophe = true;
                            i += 1;
                            continue;
                        }
                        if (j == '.' || j == ',') && numeric_start && chars[i + 1].is_ascii_digit() {
                            i += 1;
                            continue;
                        }
                        if j == '.'
                            && i - start == 1
                            && chars[start].is_alphabetic()
                            && i + 2 < n
                            && chars[i + 2] == '.'
                            && chars[i + 1].is_alphabetic()
                        {
                            // U.S. / U.N. / D.C. — consume letter-dot pairs.
                            while i + 1 < n
                                && chars[i] == '.'
                                && chars[i + 1].is_alphabetic()
                                && (i + 2 >= n || !is_word_char(chars[i + 2]))
                            {
                                i += 2;
                            }
                            if i < n && chars[i] == '.' {
                                i += 1;
                            }
                            break;
                        }
                    }
                    break;
                }
                kind = if numeric_start { Kind::Number } else { Kind::Word };
            } else if is_apostrophe(c)
                && i + 1 < n
                && matches!(chars[i + 1], 's' | 'S')
                && (i + 2 >= n || !is_word_char(chars[i + 2]))
                && i > 0
                && is_word_char(chars[i - 1])
            {
                i += 2;
                kind = Kind::Word;
            } else {
                i += 1;
                kind = Kind::Punct;
                if is_quote_mark(c) {
                    marks.push(start);
                }
            }
            let lo_start = lower.len();
            let mut letters = 0;
            let mut uppers = 0;
            let first = chars[start];
            if kind == Kind::Punct {
                // One character that is no letter: no capitals, and its own lower case (’ spelled
                // ').
                if first == '\u{2019}' {
                    lower.push('\'');
                } else if first.is_ascii() || general_punctuation(first) {
                    lower.push(first);
                } else {
                    lower.extend(first.to_lowercase());
                }
            } else {
                for &ch in &chars[start..i] {
                    if ch.is_ascii() {
                        // ASCII first: no Unicode tables for most of the text.
                        if ch.is_ascii_alphabetic() {
                            letters += 1;
                            uppers += usize::from(ch.is_ascii_uppercase());
                        }
                        lower.push(ch.to_ascii_lowercase());
                        continue;
                    }
                    if ch.is_alphabetic() {
                        letters += 1;
                        uppers += usize::from(ch.is_uppercase());
                    }
                    if ch == '\u{2019}' {
                        lower.push('\'');
                    } else {
                        lower.extend(ch.to_lowercase());
                    }
                }
            }
            let cap =
                kind != Kind::Punct && if first.is_ascii() { first.is_ascii_uppercase() } else { first.is_uppercase() };
            tokens.push(Token {
                start: narrow(start),
                end: narrow(i),
                kind,
                lo: (lo_start as u32, lower.len() as u32),
                cap,
                all_caps: letters >= 2 && uppers == letters,
                sent: 0,
                para: narrow(para),
                flags: if apostrophe { lexicon::F_CONTRACTION } else { 0 },
            });
        }
        let lex = lexicon::get();
        for t in &mut tokens {
            if t.kind != Kind::Punct {
                let w = lower.get(t.lo.0 as usize..t.lo.1 as usize).unwrap_or("");
                let contraction = t.flags & lexicon::F_CONTRACTION != 0 && split_contraction(w).is_some();
                t.flags = lex.flags(w) | if contraction { lexicon::F_CONTRACTION } else { 0 };
            }
        }
        let mut doc = Doc {
            chars,
            tokens,
            lower,
            sentences: Vec::new(),
            paragraphs,
            marks,
            headline: Vec::new(),
            unpunctuated: Vec::new(),
            para_starts,
        };
        doc.split_sentences();
        doc.mark_headlines();
        doc.uncap_title_case();
        doc
    }

    /// "Francois Hollande Says Donald Trump Is Wrong": in a sentence written in title case, a verb
    /// of saying and the small words (function words, auxiliaries, pronouns) are capitalised by
    /// the style, not as names, and are read as the lower-case words they are, so names stop at
    /// them and the verb is a cue. A given name keeps its capital ("Will Smith").
    fn uncap_title_case(&mut self) {
        const SMALL: u32 = lexicon::F_FUNCTION_WORDS | lexicon::F_AUX | lexicon::F_PRONOUNS;
        for si in 0..self.sentences.len() {
            let (s, e) = self.sentences[si];
            let (words, caps) = case_weight(&self.tokens[s..e]);
            if words < 4 || caps * 10 < words * 9 {
                continue;
            }
            for i in s + 1..e {
                let t = self.tokens[i];
                if !t.cap || t.all_caps || t.kind != Kind::Word || t.flags & lexicon::F_GIVEN_NAMES != 0 {
                    continue;
                }
                let w = self.lower(i);
                let speech_verb = t.flags & lexicon::F_SPEECH != 0
                    && (w.ends_with('s') || w.ends_with("ed") || matches!(w, "said" | "told" | "wrote"));
                if speech_verb || t.flags & SMALL != 0 {
                    self.tokens[i].cap = false;
                }
            }
        }
    }

    /// Lower-cased form of token `i` ("" when out of range).
    pub fn lower(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => self.lower.get(t.lo.0 as usize..t.lo.1 as usize).unwrap_or(""),
            None => "",
        }
    }

    /// A pronoun written with a contraction, as the pronoun alone ("I'm" → "i", "it’s" → "it"),
    /// with its length in characters; `None` for any other token.
    pub fn contracted_pronoun(&self, i: usize) -> Option<(&str, usize)> {
        if !self.has(i, lexicon::F_CONTRACTION) {
            return None;
        }
        split_contraction(self.lower(i))
    }

    /// The word as a pronoun: the contracted form's pronoun ("we've" → "we"), else the word.
    pub fn pronoun(&self, i: usize) -> &str {
        self.contracted_pronoun(i).map_or_else(|| self.lower(i), |(p, _)| p)
    }

    /// Original text of token `i`.
    pub fn text(&self, i: usize) -> String {
        match self.tokens.get(i) {
            Some(t) => super::slice(&self.chars, t.start(), t.end()),
            None => String::new(),
        }
    }

    /// Whether token `i` belongs to any of the word classes in `flags`.
    pub fn has(&self, i: usize, flags: u32) -> bool {
        self.tokens.get(i).is_some_and(|t| t.flags & flags != 0)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct && self.chars.get(t.start()) == Some(&c))
    }

    pub fn punct_char(&self, i: usize) -> Option<char> {
        let t = self.tokens.get(i)?;
        (t.kind == Kind::Punct).then(|| self.chars.get(t.start()).copied()).flatten()
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind != Kind::Punct)
    }

    /// Index of the first token starting at or after code point `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < pos)
    }

    /// Paragraph index containing code point `pos`.
    pub fn para_of(&self, pos: usize) -> usize {
        self.para_starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }

    fn split_sentences(&mut self) {
        let n = self.tokens.len();
        let mut start = 0;
        let mut sents = Vec::new();
        let mut i = 0;
        while i < n {
            let t = self.tokens[i];
            let mut end_here = false;
            // A line break between this token and the next ends the sentence.
            if let Some(next) = self.tokens.get(i + 1) {
                if self.chars.get(t.end()..next.start()).is_some_and(|gap| gap.contains(&'\n')) {
                    end_here = true;
                }
            } else {
                end_here = true;
            }
            let c = self.punct_char(i);
            let terminal = matches!(c, Some('.' | '!' | '?' | '…'))
                || (t.kind == Kind::Word
                    && self.chars.get(t.end().saturating_sub(1)) == Some(&'.')
                    && t.end - t.start > 2);
            if !end_here && terminal {
                // Absorb closing quotes / brackets after the terminal mark.
                let mut j = i + 1;
                while j < n
                    && matches!(self.punct_char(j), Some('"' | '”' | '’' | '\'' | ')' | '»'))
                    && self.tokens[j].start == self.tokens[j - 1].end
                {
                    j += 1;
                }
                let next_ok = match self.tokens.get(j) {
                    Some(nt) => {
                        nt.cap
                            || nt.kind == Kind::Number
                            || matches!(self.chars.get(nt.start()), Some('"' | '“' | '‘' | '«' | '(' | '„' | '—'))
                    }
                    None => true,
                };
                let prev_abbrev = c == Some('.') && i > 0 && {
                    let pt = self.tokens[i - 1];
                    pt.end == t.start
                        && (pt.flags & lexicon::F_ABBREVIATIONS != 0
                            || (pt.kind == Kind::Word && pt.end - pt.start == 1 && pt.cap))
                };
                // "U.S." ends a sentence only before a word that usually starts one.
                let initialism = c != Some('.')
                    && t.kind == Kind::Word
                    && self.tokens.get(j).is_none_or(|nt| nt.flags & lexicon::F_SENTENCE_STARTERS == 0);
                if next_ok && !prev_abbrev && !initialism {
                    i = j - 1;
                    end_here = true;
                }
            }
            if end_here {
                sents.push((start, i + 1));
                start = i + 1;
            }
            i += 1;
        }
        for (si, &(s, e)) in sents.iter().enumerate() {
            for t in &mut self.tokens[s..e] {
                t.sent = narrow(si);
            }
        }
        self.sentences = sents;
    }

    fn mark_headlines(&mut self) {
        let mut headline = vec![false; self.paragraphs.len()];
        let mut unpunctuated = vec![false; self.paragraphs.len()];
        let mut i = 0;
        let n = self.tokens.len();
        while i < n {
            let p = self.tokens[i].para();
            let mut j = i;
            let (mut words, mut caps, mut last_punct, mut all_words) = (0, 0, None, 0);
            while j < n && self.tokens[j].para() == p {
                let t = self.tokens[j];
                all_words += usize::from(t.kind == Kind::Word);
                if t.weighs_in_case() {
                    words += 1;
                    if t.cap {
                        caps += 1;
                    }
                }
                last_punct = self.punct_char(j);
                j += 1;
            }
            if words >= 2
                && caps * 10 >= words * 8
                && !matches!(last_punct, Some('.' | '”' | '"'))
                && let Some(h) = headline.get_mut(p)
            {
                *h = true;
            }
            if last_punct.is_none()
                && all_words <= 20
                && let Some(u) = unpunctuated.get_mut(p)
            {
                *u = true;
            }
            i = j;
        }
        self.headline = headline;
        self.unpunctuated = unpunctuated;
    }
}

/// For each token, an optional index (of a quotation, of a mention) in four bytes, so the table
/// stays small on a long document.
#[derive(Debug, Clone)]
pub struct TokenIndex(Vec<u32>);

impl TokenIndex {
    const NONE: u32 = u32::MAX;

    /// `n` tokens, none with an index.
    pub fn new(n: usize) -> TokenIndex {
        TokenIndex(vec![Self::NONE; n])
    }

    pub fn get(&self, token: usize) -> Option<usize> {
        self.0.get(token).copied().filter(|&v| v != Self::NONE).map(|v| v as usize)
    }

    pub fn has(&self, token: usize) -> bool {
        self.get(token).is_some()
    }

    pub fn set(&mut self, token: usize, index: usize) {
        if let Some(slot) = self.0.get_mut(token) {
            *slot = narrow(index);
        }
    }
}

/// How many of `tokens` weigh in telling title case from running text
/// ([`Token::weighs_in_case`]), and how many of those are capitalised.
pub(super) fn case_weight(tokens: &[Token]) -> (usize, usize) {
    tokens.iter().filter(|t| t.weighs_in_case()).fold((0, 0), |(words, caps), t| (words + 1, caps + usize::from(t.cap)))
}

/// An index stored in 32 bits (a text would need over four billion sentences to exceed it).
fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Whether the text has a blank line (a line break, only whitespace, another line break): then
/// its paragraphs are split at blank lines, otherwise at every line break.
pub fn has_blank_line(text: &str) -> bool {
    text.match_indices('\n')
        .any(|(i, _)| text[i + 1..].trim_start_matches(|c: char| c != '\n' && c.is_whitespace()).starts_with('\n'))
}

/// Whether only blank lines separate paragraphs: the text has blank lines and is hard-wrapped
/// (no line longer than a wrapped line ever is). A text that also puts paragraphs on single lines
/// ("…hazard.”⏎Martha Allen, a delegate, criticized …") breaks at every line.
pub fn blank_lines_only(text: &str) -> bool {
    /// Longer than any hard-wrapped line (wrapping is at 72 to 80 characters).
    const WRAPPED_LINE: usize = 100;
    has_blank_line(text) && text.lines().all(|l| l.chars().nth(WRAPPED_LINE).is_none())
}

/// Paragraph ranges: split at blank lines when `has_blank`, else at every line break.
fn split_paragraphs(chars: &[char], has_blank: bool) -> Vec<(usize, usize)> {
    let n = chars.len();
    let mut paras = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        if chars[i] == '\n' {
            let mut j = i + 1;
            let mut blank = !has_blank;
            while j < n && chars[j].is_whitespace() {
                if chars[j] == '\n' {
                    blank = true;
                }
                j += 1;
            }
            if blank {
                push_trimmed(chars, start, i, &mut paras);
                start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(chars, start, n, &mut paras);
    if paras.is_empty() {
        paras.push((0, n));
    }
    paras
}

fn push_trimmed(chars: &[char], mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s < e {
        out.push((s, e));
    }
}
