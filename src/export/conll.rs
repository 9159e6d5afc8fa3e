//! CoNLL-2003-style IOB for entity mentions: one token per line as `TOKEN _ _ TAG`, tags in IOB2
//! (`B-PERSON`, `I-PERSON`, `O`), a `-DOCSTART- -X- -X- O` line before each document and a blank
//! line at each line break of the text (CoNLL's sentence separator). spaCy's `conll_ner` converter
//! and most NER toolkits read it (first column the word, last the tag).
//!
//! **Tokens:** split at whitespace; punctuation is a token of its own (`spring.”` is `spring`, `.`,
//! `”`) except `'`, `’`, `-`, `.`, `,` between two letters or digits (`don't`, `1,000`, `U.S`); and
//! always at a mention's edges, so every mention covers whole tokens. Combining accents stay with
//! their letter.
//!
//! **Offsets:** none are written — the token sequence is the text with whitespace removed.
//!
//! **Cannot hold:** anything but the mention layer (quotes, speakers, cues, custom layers),
//! overlapping or nested mentions (the earliest-starting, then longest, is kept), relations, entity
//! links, statuses, tags and notes. The report counts each kind that was left out. Not importable.

use super::{DocSel, Error, LeftOut, Selection, write_file};
use crate::model::{Annotation, Layer};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›' | '—' | '–' | '…')
}

/// Punctuation kept inside a word when it sits between two letters or digits.
fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',')
}

/// Token ranges (code points) of `chars`, with a boundary forced wherever `cut[i]` is true.
fn tokens(chars: &[char], cut: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if cut[i]
            && let Some(s) = start.take()
        {
            out.push((s, i));
        }
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
            continue;
        }
        let inner = joins(c)
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
            && !cut[i]
            && !cut[i + 1];
        if is_punct(c) && !inner {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
            out.push((i, i + 1));
            continue;
        }
        start.get_or_insert(i);
    }
    if let Some(s) = start {
        out.push((s, chars.len()));
    }
    out
}

/// The mentions CoNLL can hold: no two overlap. Returns them and how many overlapping ones were dropped.
fn non_overlapping<'p>(d: &DocSel<'p>) -> (Vec<&'p Annotation>, usize) {
    let mut mentions: Vec<&Annotation> = d.anns.iter().copied().filter(|a| a.layer == Layer::Mention).collect();
    mentions.sort_by_key(|a| (a.span.start(), std::cmp::Reverse(a.span.end()), a.id));
    let mut kept: Vec<&Annotation> = Vec::with_capacity(mentions.len());
    let mut dropped = 0;
    for a in mentions {
        if kept.last().is_some_and(|k| k.span.overlaps(a.span)) {
            dropped += 1;
        } else {
            kept.push(a);
        }
    }
    (kept, dropped)
}

fn write_doc(d: &DocSel, mentions: &[&Annotation], w: &mut dyn Write) -> io::Result<()> {
    let chars: Vec<char> = d.doc.text.chars().collect();
    let mut cut = vec![false; chars.len() + 1];
    for m in mentions {
        cut[m.span.start()] = true;
        cut[m.span.end()] = true;
    }
    w.write_all(b"-DOCSTART- -X- -X- O\n\n")?;
    let mut next = mentions.iter().peekable();
    let mut prev_end: Option<usize> = None;
    let mut buf = String::new();
    for (s, e) in tokens(&chars, &cut) {
        while next.peek().is_some_and(|m| m.span.end() <= s) {
            next.next();
        }
        let tag = match next.peek() {
            Some(m) if m.span.start() == s => Some(("B", m.label.as_str())),
            Some(m) if m.span.start() < s => Some(("I", m.label.as_str())),
            _ => None,
        };
        if let Some(p) = prev_end
            && tag.is_none_or(|t| t.0 == "B")
            && chars[p..s].contains(&'\n')
        {
            w.write_all(b"\n")?;
        }
        buf.clear();
        buf.extend(&chars[s..e]);
        match tag {
            Some((iob, label)) => writeln!(w, "{buf} _ _ {iob}-{}", label.replace(char::is_whitespace, "_"))?,
            None => writeln!(w, "{buf} _ _ O")?,
        }
        prev_end = Some(e);
    }
    w.write_all(b"\n")
}

pub(crate) fn write(selection: &Selection, out: &Path, left_out: &mut LeftOut) -> Result<Vec<PathBuf>, Error> {
    let mut kept = Vec::with_capacity(selection.docs.len());
    let mut overlapping = 0;
    for d in &selection.docs {
        let (mentions, dropped) = non_overlapping(d);
        overlapping += dropped;
        kept.push(mentions);
    }
    let all = || selection.docs.iter().flat_map(|d| d.anns.iter());
    left_out.add(
        all().filter(|a| a.layer != Layer::Mention).count(),
        "quote, speaker, cue or custom-layer annotation (CoNLL holds entity mentions only)",
        "quote, speaker, cue and custom-layer annotations (CoNLL holds entity mentions only)",
    );
    left_out.add(
        overlapping,
        "overlapping or nested mention (CoNLL has no overlap)",
        "overlapping or nested mentions (CoNLL has no overlap)",
    );
    left_out.add(selection.relation_count(), "relation (CoNLL has none)", "relations (CoNLL has none)");
    left_out.add(
        all().filter(|a| a.layer == Layer::Mention && a.links.entity.is_some()).count(),
        "entity link (CoNLL has none)",
        "entity links (CoNLL has none)",
    );
    let file = write_file(out, |w| {
        for (d, mentions) in selection.docs.iter().zip(&kept) {
            write_doc(d, mentions, w)?;
        }
        Ok(())
    })?;
    Ok(vec![file])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let cut = vec![false; chars.len() + 1];
        tokens(&chars, &cut).into_iter().map(|(s, e)| chars[s..e].iter().collect()).collect()
    }

    #[test]
    fn splits_punctuation_but_keeps_words_whole() {
        assert_eq!(words("by spring.” Critics"), ["by", "spring", ".", "”", "Critics"]);
        assert_eq!(words("don't pay 1,000 U.S. dollars"), ["don't", "pay", "1,000", "U.S", ".", "dollars"]);
        assert_eq!(words("Cafe\u{301} 📰 owners"), ["Cafe\u{301}", "📰", "owners"]);
    }
}
