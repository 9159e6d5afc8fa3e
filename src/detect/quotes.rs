//! Pairing quotation marks.
//!
//! One left-to-right pass with a small stack over the characters, so the cost is linear and an
//! odd number of marks only loses the one unpaired quotation:
//!
//! * Double marks (“ ” „ « » ") open and close top-level quotations; single marks (‘ ’ ') only
//!   nest inside them or stand alone when clearly used as marks. „low-high“ closes with “, and
//!   straight marks are decided by the characters around them (space before → opening).
//! * An apostrophe is never a mark: ’ or ' between letters (doesn’t), after a plural with no
//!   open single quote (militants’), or before a two-digit year or "n" (’90s, rock ’n’ roll).
//! * A paragraph that ends inside a quotation continues it when the next paragraph opens with
//!   the same kind of mark (the news convention for quotes spanning paragraphs), or when the next
//!   paragraph's first double mark can only close (a writer who does not repeat it). Otherwise
//!   the opening mark is unbalanced: the quotation is cut at the paragraph end when it starts the
//!   paragraph (a missing closing mark), or dropped, and never runs on into the next paragraph.
//!
//! Nested quotations are kept inside their outer quotation; only top-level spans are reported.

use super::tokens::Doc;

/// A top-level quoted span, marks included.
#[derive(Debug, Clone)]
pub struct RawQuote {
    pub start: usize,
    pub end: usize,
    /// Closed at a paragraph end rather than by a mark.
    pub unclosed: bool,
    /// Runs over more than one paragraph.
    pub multi_para: bool,
    /// Single marks were used at top level (‘…’).
    #[allow(dead_code)]
    pub single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    pos: usize,
    family: Family,
    /// The opening character, to know which closing marks fit.
    mark: char,
    multi_para: bool,
    /// Where the paragraph containing the opening mark starts.
    para_start: usize,
}

fn is_space_or_start(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '"' | '„' | '«' | '‘' | ':')
    })
}

fn is_end_like(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || (!c.is_alphanumeric() && !matches!(c, '\'' | '’')))
}

/// Finds top-level quotations in the document.
pub fn find_quotes(doc: &Doc) -> Vec<RawQuote> {
    let chars = &doc.chars;
    let n = chars.len();
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let paras = &doc.paragraphs;
    let marks = &doc.marks;
    let mut mi = 0;
    let mut pi = 0;
    let mut i = 0;
    while i < n {
        // Paragraph end: decide what happens to open quotations.
        while pi < paras.len() && i >= paras[pi].1 {
            let (ps, pe) = paras[pi];
            let next_open = paras.get(pi + 1).and_then(|&(s, _)| chars.get(s).copied());
            // A quotation running on repeats its own style of mark: a paragraph opening with a
            // curly mark after one opened with a straight mark starts a new quotation (an article
            // quoting another, each with its own marks).
            let outer_mark = stack.iter().find(|o| o.family == Family::Double).map(|o| o.mark);
            let reopens = next_open.is_some_and(|c| {
                matches!(c, '“' | '"' | '«' | '„') && outer_mark.is_none_or(|m| (m == '"') == (c == '"'))
            });
            // Some writers do not repeat the mark: the quotation goes on when the next paragraph's
            // first double mark closes it ("…\n\nWe could've scored … early." After the match …).
            let open_double = stack.iter().any(|o| o.family == Family::Double);
            let closes_later =
                open_double && !reopens && paras.get(pi + 1).is_some_and(|&(s, e)| first_double_closes(chars, s, e));
            let continues = reopens || closes_later;
            // Keep only the outermost double quotation open across the break, if it continues.
            let outer = stack
                .iter()
                .position(|o| o.family == Family::Double && (o.pos == o.para_start || o.multi_para || closes_later));
            match (outer, continues) {
                (Some(k), true) => {
                    stack.truncate(k + 1);
                    if let Some(o) = stack.last_mut() {
                        o.multi_para = true;
                    }
                    // Skip the repeated opening mark of the next paragraph.
                    if let Some(&(s, _)) = paras.get(pi + 1).filter(|_| reopens) {
                        i = i.max(s + 1);
                    }
                }
                _ => {
                    if let Some(o) = stack.first() {
                        // A missing closing mark: cut at the paragraph end when the quotation
                        // opened the paragraph (or a multi-paragraph quote ends here), or when
                        // the next paragraph opens with a mark, the convention of a quotation
                        // running on ("…,” Rubio said. “But presidents …¶“I'm not …").
                        let opened_para = o.pos == o.para_start || o.multi_para || reopens;
                        if opened_para && o.family == Family::Double && pe > o.pos + 1 && (o.pos >= ps || o.multi_para)
                        {
                            out.push(RawQuote {
                                start: o.pos,
                                end: pe,
                                unclosed: true,
                                multi_para: o.multi_para,
                                single: false,
                            });
                        }
                    }
                    stack.clear();
                }
            }
            pi += 1;
        }
        if i >= n {
            break;
        }
        // Most characters are not marks: jump to the next mark the tokenizer found, or to the
        // paragraph end.
        let limit = paras.get(pi).map_or(n, |p| p.1).min(n);
        while mi < marks.len() && marks[mi] < i {
            mi += 1;
        }
        i = marks.get(mi).copied().unwrap_or(n).min(limit);
        if i >= limit {
            continue;
        }
        let c = chars[i];
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        let para_start = paras.get(pi).map_or(0, |p| p.0);
        let top_double = stack.iter().rev().find(|o| o.family == Family::Double).map(|o| o.mark);
        match c {
            '“' | '„' | '«' | '‟' => {
                // „low-high“: the high mark closes an open low mark.
                if c == '“' && top_double == Some('„') {
                    close(&mut stack, &mut out, Family::Double, i);
                } else if c == '“' && top_double == Some('“') && is_end_like(next) && !is_space_or_start(prev) {
                    // A typo'd closing mark (“…“).
                    close(&mut stack, &mut out, Family::Double, i);
                } else {
                    stack.push(Open { pos: i, family: Family::Double, mark: c, multi_para: false, para_start });
                }
            }
            '”' | '»' if top_double.is_some() => {
                close(&mut stack, &mut out, Family::Double, i);
            }
            '"' => {
                let opener_like = is_space_or_start(prev) && next.is_some_and(|c| !c.is_whitespace());
                let closer_like = prev.is_some_and(|c| !c.is_whitespace()) && is_end_like(next);
                let straight_open = top_double == Some('"');
                if straight_open && (closer_like || !opener_like) {
                    close(&mut stack, &mut out, Family::Double, i);
                } else if top_double.is_some() && closer_like && !opener_like {
                    // Mixed marks, a common slip: “…," closes with a straight mark.
                    close(&mut stack, &mut out, Family::Double, i);
                } else if opener_like || (!closer_like && !straight_open) {
                    stack.push(Open { pos: i, family: Family::Double, mark: '"', multi_para: false, para_start });
                }
            }
            '‘' | '\'' | '’' | '‚' => {
                let single_open = stack.last().is_some_and(|o| o.family == Family::Single);
                let between_letters =
                    prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
                if between_letters {
                    // doesn't, O'Brien, rock’n’roll: an apostrophe.
                } else if opens_single(chars, i, prev, next) && c != '’' {
                    stack.push(Open { pos: i, family: Family::Single, mark: c, multi_para: false, para_start });
                } else if single_open && closes_single(chars, i, prev, next) {
                    close(&mut stack, &mut out, Family::Single, i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    // End of text inside a quotation: same rule as a paragraph end with no continuation.
    if let Some(o) = stack.first()
        && o.family == Family::Double
        && (o.pos == o.para_start || o.multi_para)
    {
        let end = paras.last().map_or(n, |p| p.1).max(o.pos + 1).min(n);
        if end > o.pos + 1 {
            out.push(RawQuote { start: o.pos, end, unclosed: true, multi_para: o.multi_para, single: false });
        }
    }
    out.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
    // Keep top-level spans only (a closed nested quote can be pushed before its outer one).
    let mut top: Vec<RawQuote> = Vec::with_capacity(out.len());
    for q in out {
        if top.last().is_some_and(|t| q.start < t.end) {
            continue;
        }
        top.push(q);
    }
    top
}

/// Whether the first double quotation mark in `[s, e)` can only be a closing one: ” or », or a
/// straight mark after a non-space and before a space or punctuation. Scans one paragraph, and
/// only at a paragraph break inside a quotation, so the pass stays linear.
fn first_double_closes(chars: &[char], s: usize, e: usize) -> bool {
    let e = e.min(chars.len());
    let Some(i) = (s..e).find(|&i| matches!(chars[i], '"' | '“' | '”' | '„' | '«' | '»')) else {
        return false;
    };
    match chars[i] {
        '”' | '»' => true,
        '"' => i > s && !chars[i - 1].is_whitespace() && is_end_like(chars.get(i + 1).copied()),
        _ => false,
    }
}

/// Whether a single mark opens a quotation: after a space or an opening mark and before a word,
/// but not an elision like ’90s, 'em, 'til or rock 'n' roll.
fn opens_single(chars: &[char], i: usize, prev: Option<char>, next: Option<char>) -> bool {
    if !is_space_or_start(prev) || next.is_none_or(|c| c.is_whitespace()) {
        return false;
    }
    // The next word, lower-cased ASCII, at most five characters (no allocation).
    let mut buf = [0u8; 5];
    let mut len = 0;
    for &c in chars.iter().skip(i + 1).take(5) {
        if !c.is_alphanumeric() {
            break;
        }
        buf[len] = if c.is_ascii() { c.to_ascii_lowercase() as u8 } else { b'~' };
        len += 1;
    }
    let word = std::str::from_utf8(&buf[..len]).unwrap_or("");
    let after = chars.get(i + 1 + len).copied();
    let elision = matches!(word, "n" | "em" | "til" | "tis" | "cause" | "twas" | "bout" | "nuff")
        || (word.len() >= 2
            && word.bytes().take(2).all(|c| c.is_ascii_digit())
            && (word.len() == 2 || word.ends_with('s')));
    !(elision && (word != "n" || is_end_like(after)))
}

/// Whether a single mark closes an open single quotation: after a non-space and not before a
/// letter. A plural possessive (militants’ pullout) before a lower-case word stays an apostrophe.
fn closes_single(chars: &[char], i: usize, prev: Option<char>, next: Option<char>) -> bool {
    if prev.is_none_or(char::is_whitespace) || !is_end_like(next) {
        return false;
    }
    if matches!(prev, Some('s' | 'S'))
        && next == Some(' ')
        && let Some(c) = chars.get(i + 2)
        && c.is_lowercase()
    {
        return false;
    }
    true
}

fn close(stack: &mut Vec<Open>, out: &mut Vec<RawQuote>, family: Family, i: usize) {
    let Some(k) = stack.iter().rposition(|o| o.family == family) else { return };
    let o = stack[k];
    stack.truncate(k);
    if i > o.pos {
        out.push(RawQuote {
            start: o.pos,
            end: i + 1,
            unclosed: false,
            multi_para: o.multi_para,
            single: family == Family::Single,
        });
    }
}
