//! Attribution: which words are reported speech, who says them, and with which cue.
//!
//! Three passes over the quotations and sentences, each looking only at a bounded window
//! around a quotation or a cue, so the whole is linear in the text:
//!
//! 1. **Direct quotations.** A quoted span that stands as a sentence of its own (after a colon,
//!    a comma, a dash or at the start of a sentence, and ending in punctuation or long) is
//!    direct. A cue right before the opening mark wins (`Smith said: “`, `X scolded him: “`,
//!    `According to Woodward, “`), then a name and a colon opening the paragraph (`Cecile
//!    Richards: ‘…’`), then the right side (`,” he said`, `,” said Smith`, `,” Rep. Gwen Moore
//!    (D-Wis.) said`, a dash line `” ― Jane Doe`), then any cue before the opening mark. A
//!    quotation that starts right after the previous quotation's attribution (`“…,” he said.
//!    “…”`) is a later part of that quotation. One with no cue of its own inherits the speaker of
//!    the running passage (the last attribution in the same or the previous two paragraphs).
//! 2. **Indirect speech.** `Name: what they said` lines open the pass (headlines, transcripts).
//!    Each remaining cue with a subject to its left (or an inverted one after it: `…, said
//!    Smith`, or the subject of a coordinated verb: `She greeted them and told them that …`)
//!    reports the clause after it (from "that" when there is one, past the addressee: `told The
//!    Star-Ledger last week she …`) up to the next reported clause (`…, and three-quarters said
//!    …`), or the clause before it (`…, officials said.`). "according to X" works both ways.
//!    Thinking verbs count only with a that-clause. A word spelled like a cue after a
//!    determiner or a preposition ("the support", "an email") is a noun, not a cue.
//! 3. **Partial quotations.** A short quoted fragment inside a sentence is a partial quotation
//!    when that sentence reports speech; otherwise it is a scare quote or a title ("the film
//!    “Jaws”", a “so-called” deal) and is not reported at all.
//!
//! Speakers are mention indices; speaker phrases that are not yet mentions ("a source",
//! "officials") become mentions here. A speaker is never taken from inside the quotation.

use super::QuoteKind;
use super::entities::{MKind, Ment, Mentions};
use super::lexicon::{self, CueClass, Lexicon};
use super::quotes::RawQuote;
use super::tokens::{Doc, Kind, TokenIndex, case_weight};
use super::types::{TypeReason, classify, question_word};
use crate::model::AttributionType;

mod cues;
mod direct;
mod indirect;
pub mod rules;
mod speaker;

use cues::*;
use direct::*;
use indirect::*;
use speaker::*;

/// What a direct quotation's reason ends with when its marks are unusual.
const UNCLOSED: &str = " (no closing mark; ends at the paragraph end)";
const MULTI_PARAGRAPH: &str = " (runs over several paragraphs)";

#[derive(Debug, Clone)]
pub struct Attr {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// Index into the mention list.
    pub speaker: Option<usize>,
    /// Cue span in code points.
    pub cue: Option<(usize, usize)>,
    /// Index into the attribution list (before sorting) of the first part.
    pub part_of: Option<usize>,
    pub reason: String,
    /// The rule that found it ([`rules`]).
    pub rule: &'static str,
    /// Set once every attribution is found ([`set_types`]).
    pub attribution: AttributionType,
    pub type_reason: TypeReason,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    s: usize,
    e: usize,
    class: CueClass,
    /// "according to": the source comes after the cue.
    source_after: bool,
}

struct Ctx<'a> {
    doc: &'a Doc,
    lex: &'static Lexicon,
    ments: &'a mut Mentions,
    /// Best mention covering each token (names and pronouns preferred).
    tok_ment: TokenIndex,
    /// Tokens already used as a cue.
    used_cue: Vec<bool>,
}

/// Runs the three passes; returns attributions in text order.
pub fn attribute(doc: &Doc, quotes: &[RawQuote], ments: &mut Mentions) -> Vec<Attr> {
    let n = doc.tokens.len();
    let mut tok_ment = TokenIndex::new(n);
    for (mi, m) in ments.list.iter().enumerate() {
        for t in m.tok.0..m.tok.1.min(n) {
            if tok_ment.get(t).is_none_or(|o| rank(&ments.list[o]) < rank(m)) {
                tok_ment.set(t, mi);
            }
        }
    }
    let mut cx = Ctx { doc, lex: lexicon::get(), ments, tok_ment, used_cue: vec![false; n] };
    let mut out: Vec<Attr> = Vec::with_capacity(quotes.len() + doc.sentences.len() / 2);
    let mut mixed: Vec<(usize, usize)> = Vec::new();
    // Pass 1: direct quotations.
    let mut last_direct: Option<(usize, usize, usize)> = None; // (attr index, token after it, paragraph)
    for (qi, q) in quotes.iter().enumerate() {
        let Some(&(ft, lt)) = cx.ments.quote_tok.get(qi) else { continue };
        if lt <= ft + 1 {
            continue;
        }
        match shape(&cx, q, ft, lt) {
            Shape::NotQuote => continue,
            Shape::Partial => {
                mixed.push((q.start, q.end));
                continue;
            }
            Shape::Direct => {}
        }
        let extended;
        let (q, lt) = match run_on(&cx, q, ft, lt) {
            Some((end, after)) => {
                extended = RawQuote { end, ..q.clone() };
                (&extended, after)
            }
            None => (q, lt),
        };
        let para = doc.para_of(q.start);
        let marks = if q.unclosed {
            UNCLOSED
        } else if q.multi_para {
            MULTI_PARAGRAPH
        } else {
            ""
        };
        let idx = out.len();
        // A cue right before the opening mark wins: `Smith said: “…”`, `X scolded him: “…”`.
        if strong_left(&cx, ft)
            && let Some((sp, cue, _)) = left_attribution(&mut cx, ft)
        {
            // “…,” he said, “but …”: the cue of the part before, so this is its second part.
            if let Some((pi, _, _)) = last_direct
                && out[pi].cue == Some(cue)
            {
                out.push(second_part(&out, pi, q, marks));
                last_direct = None;
                continue;
            }
            let cue_text = super::slice(&doc.chars, cue.0, cue.1);
            out.push(Attr {
                start: q.start,
                end: q.end,
                kind: QuoteKind::Direct,
                speaker: Some(sp),
                cue: Some(cue),
                part_of: None,
                reason: format!("quotation marks, cue \"{cue_text}\" right before the quotation{marks}"),
                attribution: AttributionType::Statement,
                type_reason: "",
                rule: rules::DIRECT_CUE_RIGHT_BEFORE.id,
            });
            last_direct = None;
            continue;
        }
        // `Cecile Richards: ‘I’m sick of …’`: a name and a colon opening the paragraph.
        if let Some((sp, colon)) = colon_label(&mut cx, ft) {
            out.push(Attr {
                start: q.start,
                end: q.end,
                kind: QuoteKind::Direct,
                speaker: Some(sp),
                cue: Some(span(doc, colon, colon + 1)),
                part_of: None,
                reason: format!("quotation marks after a name and a colon{marks}"),
                attribution: AttributionType::Statement,
                type_reason: "",
                rule: rules::DIRECT_NAME_COLON.id,
            });
            last_direct = None;
            continue;
        }
        // Then the right side: ,” he said / ,” said Smith / ” ― Jane Doe.
        let end_para = doc.para_of(q.end.saturating_sub(1));
        if let Some((sp, cue, _)) = right_attribution(&mut cx, lt, end_para) {
            let cue_text = super::slice(&doc.chars, cue.0, cue.1);
            out.push(Attr {
                start: q.start,
                end: q.end,
                kind: QuoteKind::Direct,
                speaker: Some(sp),
                cue: Some(cue),
                part_of: None,
                reason: format!("quotation marks, cue \"{cue_text}\" after the quotation{marks}"),
                attribution: AttributionType::Statement,
                type_reason: "",
                rule: rules::DIRECT_CUE_AFTER.id,
            });
            last_direct = Some((idx, lt, end_para));
            continue;
        }
        // A later part of a quotation split around its attribution: “…,” he said. “…”
        if let Some((pi, plt, ppara)) = last_direct {
            let close_by = ppara == para
                && ft >= plt
                && ft - plt <= 40
                && (plt..ft).all(|j| {
                    !cx.ments.tok_quote.has(j)
                        && (cx.used_cue[j] || cue_at(&cx, j, ft).is_none_or(|c| c.class != CueClass::Speech))
                });
            if close_by && out[pi].speaker.is_some() && out[pi].cue.is_some() {
                out.push(second_part(&out, pi, q, marks));
                last_direct = None;
                continue;
            }
        }
        // (Not a document's cue from the sentence before: "… noted the findings show …. “…”".)
        if let Some((sp, cue, _)) = left_attribution(&mut cx, ft).filter(|&(sp, _, _)| !document_source(&cx, sp)) {
            let cue_text = super::slice(&doc.chars, cue.0, cue.1);
            out.push(Attr {
                start: q.start,
                end: q.end,
                kind: QuoteKind::Direct,
                speaker: Some(sp),
                cue: Some(cue),
                part_of: None,
                reason: format!("quotation marks, cue \"{cue_text}\" before the quotation{marks}"),
                attribution: AttributionType::Statement,
                type_reason: "",
                rule: rules::DIRECT_CUE_BEFORE.id,
            });
            last_direct = None;
            continue;
        }
        last_direct = None;
        // “Bloodline,” “A Real Woman.”: a title or a slogan in quotation marks that no one is
        // said to say is no quotation.
        if title_cased(doc, ft, lt) {
            continue;
        }
        let (sp, why) = match inherit(&cx, &out, para) {
            Some((sp, name)) => (
                Some(sp),
                format!("quotation marks, no cue of its own; continues the passage attributed to {name}{marks}"),
            ),
            None => (None, format!("quotation marks, no cue or speaker found{marks}")),
        };
        out.push(Attr {
            start: q.start,
            end: q.end,
            kind: QuoteKind::Direct,
            speaker: sp,
            cue: None,
            part_of: None,
            reason: why,
            attribution: AttributionType::Statement,
            type_reason: "",
            rule: if sp.is_some() { rules::DIRECT_PASSAGE.id } else { rules::DIRECT_UNATTRIBUTED.id },
        });
    }
    // Pass 2: indirect speech, sentence by sentence. Direct quotations as sorted spans, so each
    // lookup is a binary search.
    // (start, end, first token), the tokens found with one cursor.
    let mut direct_spans: Vec<(usize, usize, usize)> =
        out.iter().filter(|a| a.kind == QuoteKind::Direct).map(|a| (a.start, a.end, 0)).collect();
    direct_spans.sort_unstable();
    let mut t = 0;
    for d in &mut direct_spans {
        while t < doc.tokens.len() && doc.tokens[t].start() < d.0 {
            t += 1;
        }
        d.2 = t;
    }
    colon_lines(&mut cx, &mut out);
    for si in 0..doc.sentences.len() {
        let (ss, se) = doc.sentences[si];
        let mut i = ss;
        while i < se {
            if cx.used_cue[i] || cx.ments.tok_quote.has(i) {
                i += 1;
                continue;
            }
            let Some(cue) = cue_at(&cx, i, se) else {
                i += 1;
                continue;
            };
            // A headline is not reported speech unless a verb of saying makes it so.
            let bare_line = doc.unpunctuated.get(doc.tokens[ss].para()).copied().unwrap_or(false);
            if bare_line && !(cue.s..cue.e).any(|j| doc.has(j, lexicon::F_HEADLINE_CUE)) {
                i = cue.e;
                continue;
            }
            let found = if cue.source_after {
                according_to(&mut cx, cue, ss, se, &direct_spans)
            } else {
                indirect(&mut cx, cue, ss, se, &direct_spans).map(|a| (a, None))
            };
            if let Some((a, rest)) = found {
                for j in cue.s..cue.e {
                    cx.used_cue[j] = true;
                }
                out.push(a);
                if let Some(mut b) = rest {
                    b.part_of = Some(out.len() - 1);
                    out.push(b);
                }
            }
            i = cue.e;
        }
    }
    // Pass 2b: a quotation with no cue of its own right after reported speech continues that
    // speech ("Cornyn issued a statement regarding … \"Like many Texans, I am …\"").
    follow_reported_speech(&cx, &mut out);
    // Pass 3: partial quotations take the speaker of the reported speech around them.
    let mut indirect_idx: Vec<(usize, usize)> =
        out.iter().enumerate().filter(|(_, a)| a.kind == QuoteKind::Indirect).map(|(i, a)| (a.start, i)).collect();
    indirect_idx.sort_unstable();
    for (s, e) in mixed {
        if term_in_quotes(&cx, s, e) {
            continue;
        }
        // Indirect clauses starting before the fragment (a bounded look back); the outermost one
        // names the speaker ("Lavrov said that Russia aimed to “fight …”" is Lavrov's).
        let upto = indirect_idx.partition_point(|x| x.0 <= s);
        let host = indirect_idx[upto.saturating_sub(8)..upto]
            .iter()
            .map(|&(_, i)| &out[i])
            .filter(|a| e <= a.end + 1)
            .min_by_key(|a| a.start);
        if let Some(h) = host {
            let (sp, cue) = (h.speaker, h.cue);
            let who = sp.map(|m| describe(&cx, m)).unwrap_or_default();
            out.push(Attr {
                start: s,
                end: e,
                kind: QuoteKind::Mixed,
                speaker: sp,
                cue,
                part_of: None,
                reason: format!("partial quotation inside speech reported from {who}"),
                attribution: AttributionType::Statement,
                type_reason: "",
                rule: rules::MIXED_IN_REPORTED.id,
            });
            continue;
        }
        // No reported clause around it: a cue in the same sentence still makes it a quotation,
        // unless it is short or title-cased (“Shark Tank.”, “regional”): a name or a scare quote.
        let ft = doc.token_at_or_after(s);
        let lt = doc.token_at_or_after(e);
        let words: Vec<usize> = (ft..lt).filter(|&j| doc.is_word(j)).collect();
        let title_case = words.iter().all(|&j| doc.tokens[j].cap || doc.has(j, lexicon::F_FUNCTION_WORDS));
        if words.len() < 3 || (title_case && words.len() <= 5) {
            continue;
        }
        let Some(t) = doc.tokens.get(ft) else { continue };
        // `…, ''broadening the base …,'' said Mr. Kamin, who emphasized …`: the cue right after
        // the closing mark is the quotation's, before any other in the sentence.
        if let Some((sp, cue, _)) = right_attribution(&mut cx, lt, t.para()) {
            let cue_text = super::slice(&doc.chars, cue.0, cue.1);
            out.push(Attr {
                start: s,
                end: e,
                kind: QuoteKind::Mixed,
                speaker: Some(sp),
                cue: Some(cue),
                part_of: None,
                reason: format!("partial quotation, cue \"{cue_text}\" after it"),
                attribution: AttributionType::Statement,
                type_reason: "",
                rule: rules::MIXED_CUE_AFTER.id,
            });
            continue;
        }
        let Some(&(ss, se)) = doc.sentences.get(t.sent()) else { continue };
        let mut found = None;
        for j in ss..se {
            if cx.ments.tok_quote.has(j) {
                continue;
            }
            if let Some(c) = cue_at(&cx, j, se)
                && let Some((sp, _)) = subject_left(&mut cx, c.s, ss)
            {
                found = Some((sp, c));
                break;
            }
        }
        if let Some((sp, c)) = found {
            let cue_text = super::slice(&doc.chars, doc.tokens[c.s].start(), doc.tokens[c.e - 1].end());
            out.push(Attr {
                start: s,
                end: e,
                kind: QuoteKind::Mixed,
                speaker: Some(sp),
                cue: Some(span(doc, c.s, c.e)),
                part_of: None,
                reason: format!("partial quotation in a sentence with the cue \"{cue_text}\""),
                attribution: AttributionType::Statement,
                type_reason: "",
                rule: rules::MIXED_CUE_IN_SENTENCE.id,
            });
        }
    }
    set_types(&cx, &mut out);
    things_as_sources(&mut cx, &out);
    // Text order, with part_of re-pointed.
    let mut keys: Vec<(usize, usize, usize)> = out.iter().enumerate().map(|(i, a)| (a.start, a.end, i)).collect();
    keys.sort();
    let order: Vec<usize> = keys.into_iter().map(|k| k.2).collect();
    let new_index = super::reorder(&mut out, &order);
    for a in &mut out {
        a.part_of = a.part_of.and_then(|p| new_index.get(p).copied());
    }
    out
}

/// Types every attribution by its cue, its source and whether its content asks ([`attribution_type`]).
/// (The same reading as [`super::types::attribution_type`], from the tokens, without copying text.)
fn set_types(cx: &Ctx, out: &mut [Attr]) {
    let doc = cx.doc;
    let mut key = String::new();
    for a in out {
        key.clear();
        if let Some((cs, ce)) = a.cue {
            for t in doc.token_at_or_after(cs)..doc.token_at_or_after(ce) {
                if doc.is_word(t) {
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(doc.lower(t));
                }
            }
        }
        let cue = if key.is_empty() { None } else { cx.lex.cue_type(&key) };
        let document = a.speaker.and_then(|m| cx.ments.list.get(m)).is_some_and(|m| {
            let head = m.tok.1.wrapping_sub(1);
            m.tok.1 > m.tok.0 && !doc.tokens[head].cap && cx.lex.document_sources.contains(doc.lower(head))
        });
        // The content asks: a question mark at its end (inside the closing mark), or a question
        // word first.
        let chars = doc.chars.get(a.start..a.end).unwrap_or(&[]);
        let closing = |c: &&char| matches!(c, '”' | '"' | '’' | '\'' | '»' | ')');
        let last = chars.iter().rev().find(|c| !c.is_whitespace() && !closing(c));
        let first = doc.token_at_or_after(a.start);
        let first = (first..doc.tokens.len().min(first + 2)).find(|&t| doc.is_word(t));
        let asks = last == Some(&'?') || first.is_some_and(|t| question_word(doc.lower(t)));
        (a.attribution, a.type_reason) = classify(cue, document, asks);
    }
}

/// "The final showed that …", "The data suggest …": the source of an evidence attribution made
/// from the words before its cue is a thing unless its head names people (a role, a group); it is
/// typed as documents and data are (ORG), never PERSON for standing before a verb.
fn things_as_sources(cx: &mut Ctx, out: &[Attr]) {
    let people = lexicon::F_PERSON_ROLES | lexicon::F_ROLE_NOUNS;
    for a in out.iter().filter(|a| a.attribution == AttributionType::Evidence) {
        let Some(m) = a.speaker.and_then(|mi| cx.ments.list.get_mut(mi)) else { continue };
        let head = m.tok.1.wrapping_sub(1);
        let phrase = m.kind == MKind::Other && m.label == "PERSON" && m.tok.1 > m.tok.0;
        if phrase && !cx.doc.tokens[head].cap && !cx.doc.has(head, people) {
            m.label = "ORG";
        }
    }
}

fn rank(m: &Ment) -> u8 {
    match (m.kind, m.label) {
        (MKind::Name, "PERSON") => 6,
        (MKind::Name, "ORG" | "MISC") => 5,
        (MKind::Name, _) => 4,
        (MKind::Pronoun | MKind::Neuter | MKind::Role | MKind::SelfRef | MKind::Nominal, _) => 3,
        (MKind::Other, _) => 2,
        (MKind::Title, _) => 1,
        (MKind::Value, _) => 0,
    }
}

enum Shape {
    Direct,
    Partial,
    NotQuote,
}

fn span(doc: &Doc, s: usize, e: usize) -> (usize, usize) {
    let a = doc.tokens.get(s).map_or(0, |t| t.start());
    let b = doc.tokens.get(e.saturating_sub(1)).map_or(a, |t| t.end()).max(a + 1);
    (a, b)
}

/// A later part of the quotation `out[pi]`, split around its attribution: same speaker and cue.
fn second_part(out: &[Attr], pi: usize, q: &RawQuote, marks: &str) -> Attr {
    Attr {
        start: q.start,
        end: q.end,
        kind: QuoteKind::Direct,
        speaker: out[pi].speaker,
        cue: out[pi].cue,
        part_of: Some(out[pi].part_of.unwrap_or(pi)),
        reason: format!("quotation marks; continues the quotation split around its attribution{marks}"),
        attribution: AttributionType::Statement,
        type_reason: "",
        rule: rules::DIRECT_SPLIT_PART.id,
    }
}

/// Is a quoted span a quotation, a fragment of one, or a title/scare quote?
fn shape(cx: &Ctx, q: &RawQuote, ft: usize, lt: usize) -> Shape {
    let doc = cx.doc;
    let inner_words = (ft..lt).filter(|&j| doc.is_word(j)).count();
    let last_inner = doc.chars.get(q.end.saturating_sub(2)).copied();
    let ends_punct = q.unclosed || matches!(last_inner, Some(',' | '.' | '!' | '?' | '…' | '—' | '-' | ':' | ';'));
    let prev = ft.checked_sub(1);
    let prev_same_para = prev.is_some_and(|p| doc.tokens[p].para() == doc.tokens[ft].para());
    let left_ok = !prev_same_para
        || prev.is_some_and(|p| {
            matches!(doc.punct_char(p), Some(':' | ',' | '—' | '–' | '(' | '.' | '?' | '!' | ';' | '”' | '"' | '-'))
                || cue_word(cx, p) && !doc.tokens[p].cap
        });
    // Titles: the film “Jaws”, a book called “…”.
    let title_before = (1..=2).any(|d| ft.checked_sub(d).is_some_and(|p| doc.has(p, lexicon::F_TITLE_INTRO)));
    let title_case =
        (ft..lt).filter(|&j| doc.is_word(j)).all(|j| doc.tokens[j].cap || doc.has(j, lexicon::F_FUNCTION_WORDS));
    if (title_before && !ends_punct && inner_words <= 8) || (title_case && !ends_punct && inner_words <= 4 && !left_ok)
    {
        return Shape::NotQuote;
    }
    // 'Legend in the Coal Fields.': a short title-cased line in quotation marks with nothing else
    // in its paragraph is a subheading taken from the story, not words said there.
    let alone_in_para = !prev_same_para && doc.tokens.get(lt).is_none_or(|t| t.para() != doc.tokens[ft].para());
    if alone_in_para && title_case && (2..=8).contains(&inner_words) && !q.multi_para && !q.unclosed {
        return Shape::NotQuote;
    }
    // A title after a lower-case word, comma or not: HBO’s “Real Time,”, the film “Game of
    // Thrones,” (in a headline every word is capitalised, so there it proves nothing).
    let after_lower = prev.is_some_and(|p| {
        prev_same_para
            && doc.is_word(p)
            && !doc.tokens[p].cap
            && !cue_word(cx, p)
            && doc.tokens[p].sent() == doc.tokens[ft].sent()
    });
    // … or in a list of titles: named “Criminal Minds,” “Game of Thrones,” and “Veep”.
    let closing = |k: usize| matches!(doc.punct_char(k), Some('”' | '"'));
    let in_title_list = prev.is_some_and(|p| {
        prev_same_para
            && doc.tokens[p].sent() == doc.tokens[ft].sent()
            && (closing(p) && doc.chars.get(doc.tokens[p].start().wrapping_sub(1)) == Some(&',')
                || p > 0 && (matches!(doc.lower(p), "and" | "or") || doc.is_punct(p, ',')) && closing(p - 1))
    });
    // (One capitalised word after a lower-case one may be an exclamation: “Quiet,” he demanded.)
    let title_position = after_lower && inner_words >= 2 || in_title_list && inner_words >= 1;
    let last_inner_ok = !matches!(last_inner, Some('.' | '!' | '?' | '…'));
    if title_case && title_position && last_inner_ok && inner_words <= 6 && !q.multi_para {
        return Shape::NotQuote;
    }
    // A quotation that starts in lower case continues the reporter's sentence: a fragment.
    let first_letter = doc.chars.get(q.start..q.end).and_then(|cs| cs.iter().find(|c| c.is_alphanumeric()));
    if first_letter.is_some_and(|c| c.is_lowercase()) && !q.multi_para && !continues_split(cx, ft) {
        return Shape::Partial;
    }
    if left_ok && (ends_punct || inner_words >= 4) {
        return Shape::Direct;
    }
    if inner_words >= 6 && ends_punct {
        return Shape::Direct;
    }
    Shape::Partial
}

/// `“You squeezed employees to the breaking point” to drive up the stock price, she said`,
/// `said that, “Of course he will defend himself” against what …`: a quotation closed with no
/// punctuation of its own and run on in its sentence by the reporter's lower-case words, with no
/// speech cue before the next punctuation mark (`” he said`), reports the whole clause. Returns
/// where the clause ends: its last character and the punctuation token after it.
fn run_on(cx: &Ctx, q: &RawQuote, ft: usize, lt: usize) -> Option<(usize, usize)> {
    let doc = cx.doc;
    if q.unclosed || q.multi_para {
        return None;
    }
    // The last character inside the marks (`''` and `”` alike).
    let inner_end = doc.chars[..q.end].iter().rposition(|&c| !crate::detect::tokens::is_quote_mark(c))?;
    if matches!(doc.chars[inner_end], ',' | '.' | '!' | '?' | '…' | '—' | '-' | ':' | ';') {
        return None;
    }
    let (sent, para) = (doc.tokens[ft].sent(), doc.tokens[ft].para());
    let same_sentence = |j: usize| doc.tokens.get(j).is_some_and(|t| t.sent() == sent && t.para() == para);
    if !same_sentence(lt) || !doc.is_word(lt) || doc.tokens[lt].cap {
        return None;
    }
    let limit = (lt + 40).min(doc.tokens.len());
    let end = (lt..limit).find(|&j| !same_sentence(j) || doc.tokens[j].kind == Kind::Punct)?;
    if end < lt + 2 || (lt..end).any(|j| cue_word(cx, j)) {
        return None;
    }
    Some((doc.tokens[end - 1].end(), end))
}

/// “It seems to me they need each other,” he said of Trump, “because …”: a quotation opening
/// after a comma that follows a quotation closed by a comma and its cue is that quotation's second
/// part, whatever its first letter.
fn continues_split(cx: &Ctx, ft: usize) -> bool {
    let doc = cx.doc;
    let Some(p) = ft.checked_sub(1).filter(|&p| matches!(doc.punct_char(p), Some(',' | '—'))) else { return false };
    let Some(k) = (p.saturating_sub(16)..p).rev().find(|&k| matches!(doc.punct_char(k), Some('”' | '"'))) else {
        return false;
    };
    let comma_inside = doc.tokens[k].start() > 0 && doc.chars.get(doc.tokens[k].start() - 1) == Some(&',');
    comma_inside
        && doc.tokens[k].sent() == doc.tokens[ft].sent()
        && (k + 1..p).all(|j| !cx.ments.tok_quote.has(j))
        && (k + 1..p).any(|j| cue_word(cx, j))
}

/// A title or a name in quotation marks inside reported speech (“Silent Night”, the “Great
/// Satan”, “R” or “D”): up to four words, each capitalised (function words aside), after a
/// lower-case word, are what something is called, not words someone is reported to have said;
/// so is a scare quote inside a phrase.
fn term_in_quotes(cx: &Ctx, s: usize, e: usize) -> bool {
    let doc = cx.doc;
    let ft = doc.token_at_or_after(s);
    let lt = doc.token_at_or_after(e);
    let words: Vec<usize> = (ft..lt).filter(|&j| doc.is_word(j)).collect();
    // In a headline every word is capitalised, the quoted ones too (Trump Is ‘Disqualifying’):
    // only after a lower-case word do capitals mark a name.
    let after_lower = ft
        .checked_sub(1)
        .is_some_and(|p| doc.is_word(p) && !doc.tokens[p].cap && doc.tokens[p].sent() == doc.tokens[ft].sent());
    let named = after_lower
        && (1..=4).contains(&words.len())
        && words.iter().all(|&j| doc.tokens[j].cap || doc.has(j, lexicon::F_FUNCTION_WORDS))
        && !words.iter().all(|&j| doc.has(j, lexicon::F_FUNCTION_WORDS));
    // "about “sextortion” schemes", "a “middle man” role": one or two quoted words a noun follows
    // are a term the writer holds at a distance, not words someone said (a verb with its object
    // stays a fragment: to stop “sabotaging” the talks).
    let runs_on = doc.tokens.get(lt).is_some_and(|t| {
        t.kind == Kind::Word
            && !t.cap
            && t.sent() == doc.tokens[ft].sent()
            && !doc.has(lt, lexicon::F_CUE | lexicon::F_FUNCTION_WORDS | lexicon::F_PRONOUNS)
    });
    named || (1..=2).contains(&words.len()) && runs_on
}

fn mark(cx: &mut Ctx, c: Cue) {
    for j in c.s..c.e {
        if let Some(u) = cx.used_cue.get_mut(j) {
            *u = true;
        }
    }
}

/// Gives a cue-less direct quotation the speaker of the reported speech just before it, when that
/// comes after whatever the quotation inherited from (pass 1 sees direct quotations only).
fn follow_reported_speech(cx: &Ctx, out: &mut [Attr]) {
    let mut cued: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .filter(|(_, a)| a.speaker.is_some() && a.cue.is_some())
        .map(|(i, a)| (a.start, i))
        .collect();
    cued.sort_unstable();
    for qi in 0..out.len() {
        let q = &out[qi];
        if q.kind != QuoteKind::Direct || q.cue.is_some() || q.part_of.is_some() {
            continue;
        }
        let k = cued.partition_point(|x| x.0 < q.start);
        let Some(&(_, mut li)) = k.checked_sub(1).and_then(|k| cued.get(k)) else { continue };
        // Reported speech nested in other reported speech ("Lavrov said that Russia aimed to …")
        // belongs to the outer speaker.
        if let Some(&(_, oi)) = cued[k.saturating_sub(8)..k.saturating_sub(1)]
            .iter()
            .find(|&&(_, oi)| out[oi].start <= out[li].start && out[li].end <= out[oi].end)
        {
            li = oi;
        }
        let l = &out[li];
        if l.kind != QuoteKind::Indirect || cx.doc.para_of(q.start) > cx.doc.para_of(l.start) + 2 {
            continue;
        }
        let sp = l.speaker;
        let marks = [UNCLOSED, MULTI_PARAGRAPH].into_iter().find(|m| q.reason.ends_with(m)).unwrap_or("");
        let name = sp.map(|m| describe(cx, m)).unwrap_or_default();
        out[qi].reason =
            format!("quotation marks, no cue of its own; continues the speech reported from {name}{marks}");
        out[qi].speaker = sp;
        out[qi].rule = rules::DIRECT_AFTER_REPORTED.id;
    }
}

/// Whether the words between tokens `ft` and `lt` are written as a title: a dozen words at most,
/// every one that weighs in case ([`case_weight`]) capitalised.
fn title_cased(doc: &Doc, ft: usize, lt: usize) -> bool {
    /// Longer than any title or slogan quoted as one.
    const TITLE_WORDS: usize = 12;
    let tokens = doc.tokens.get(ft..lt).unwrap_or(&[]);
    let (words, caps) = case_weight(tokens);
    tokens.iter().filter(|t| t.kind != Kind::Punct).count() <= TITLE_WORDS && words > 0 && caps == words
}

/// The speaker of the running passage: the last attribution with a speaker within two paragraphs.
fn inherit(cx: &Ctx, out: &[Attr], para: usize) -> Option<(usize, String)> {
    let last = out.iter().rev().find(|a| a.speaker.is_some())?;
    let lp = cx.doc.para_of(last.start);
    if para > lp + 2 {
        return None;
    }
    let sp = last.speaker?;
    Some((sp, describe(cx, sp)))
}

/// Whether mention `m` names a document, a study or data ("the findings", "a new report").
fn document_source(cx: &Ctx, m: usize) -> bool {
    cx.ments
        .list
        .get(m)
        .is_some_and(|m| m.tok.1 > m.tok.0 && cx.lex.document_sources.contains(cx.doc.lower(m.tok.1 - 1)))
}

fn describe(cx: &Ctx, m: usize) -> String {
    cx.ments.list.get(m).map(|m| super::slice(&cx.doc.chars, m.start, m.end)).unwrap_or_default()
}

fn make(
    cx: &Ctx,
    rule: rules::Rule,
    (cs, ce): (usize, usize),
    sp: Option<usize>,
    cue: (usize, usize),
    reason: String,
) -> Option<Attr> {
    let doc = cx.doc;
    if ce <= cs || (cs..ce).filter(|&j| doc.is_word(j)).count() < 1 {
        return None;
    }
    let (a, b) = span(doc, cs, ce);
    // One allocation for the reason: the speaker's words are copied straight from the text.
    let mut why = String::with_capacity(reason.len() + 48);
    why.push_str("reported speech: ");
    why.push_str(&reason);
    if let Some(m) = sp.and_then(|sp| cx.ments.list.get(sp)) {
        why.push_str(", speaker \"");
        why.extend(doc.chars.get(m.start..m.end).unwrap_or(&[]));
        why.push('"');
    }
    Some(Attr {
        start: a,
        end: b,
        kind: QuoteKind::Indirect,
        speaker: sp,
        cue: Some(cue),
        part_of: None,
        reason: why,
        attribution: AttributionType::Statement,
        type_reason: "",
        rule: rule.id,
    })
}
