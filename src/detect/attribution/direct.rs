//! Attribution of direct quotations: `,” he said`, `Smith said: “`, `” ― Jane Doe`, and a name
//! with a colon opening the paragraph (`Cecile Richards: ‘…’`).

use super::*;

/// `,” he said` / `,” said Smith` / `,” according to X` after a quotation ending before token `lt`.
pub(super) fn right_attribution(cx: &mut Ctx, lt: usize, para: usize) -> Option<(usize, (usize, usize), usize)> {
    let doc = cx.doc;
    let n = doc.tokens.len();
    let mut r = lt;
    let mut dash = None;
    while r < n && matches!(doc.punct_char(r), Some(',' | '—' | '–' | '-' | '―')) {
        if !doc.is_punct(r, ',') {
            dash = Some(r);
        }
        r += 1;
    }
    // `” ― Jane Doe` / `”¶- Bernie Sanders.`: a name line after the quotation names its speaker.
    if let Some(d) = dash
        && let Some(sp) = dash_line(cx, d, para)
    {
        return Some((sp, span(doc, d, d + 1), d));
    }
    let in_para = |j: usize| j < n && doc.tokens[j].para() == para;
    if !in_para(r) {
        return None;
    }
    let limit = (r + 30).min(n);
    let limit = (r..limit).find(|&j| !in_para(j) || cx.ments.tok_quote.has(j)).unwrap_or(limit);
    // Inverted: said Smith.
    if let Some(c) = cue_at(cx, r, limit)
        && c.class == CueClass::Speech
        && let Some((sp, e)) = subject_right(cx, c.e, limit)
    {
        mark(cx, c);
        return Some((sp, span(doc, c.s, c.e), e.saturating_sub(1)));
    }
    // Subject then cue: he said / Lavrov also told reporters / the Russian top diplomat stressed /
    // Jennifer Palmieri, the campaign's communications director, said.
    let far = limit.min(r + 30);
    let mut c_s = r + 1;
    while c_s < far {
        // "Rep. Gwen Moore (D-Wis.) said": step over a short parenthesis.
        if doc.is_punct(c_s, '(')
            && let Some(close) = (c_s + 1..(c_s + 10).min(far)).find(|&j| doc.is_punct(j, ')'))
        {
            c_s = close + 1;
            continue;
        }
        if matches!(doc.punct_char(c_s), Some('.' | '?' | '!' | '“' | '”' | '"'))
            && !(doc.is_punct(c_s, '.') && lex_abbrev(cx, c_s))
        {
            break;
        }
        let Some(c) = cue_at(cx, c_s, limit) else {
            c_s += 1;
            continue;
        };
        if c.class != CueClass::Speech || c.source_after {
            return None;
        }
        // The subject opens the attribution, or is a name in apposition to the phrase that does
        // ("…,” Rep. Duncan Hunter’s chief of staff, Joe Kasper, told POLITICO).
        let direct_subject = subject_left(cx, c.s, r).filter(|&(_, (s, _))| {
            s == r
                || (r..s).all(|j| doc.tokens[j].kind == Kind::Punct)
                || s > r + 1
                    && doc.is_punct(s - 1, ',')
                    && (r..s - 1).all(|j| !doc.has(j, lexicon::F_CUE) && doc.punct_char(j) != Some(','))
        });
        let sp = match direct_subject {
            Some((sp, _)) => sp,
            None => {
                // Apposition or relative clause between the name and the cue.
                let mut b = c.s;
                while b > r && (doc.has(b - 1, lexicon::F_AUX) || doc.is_punct(b - 1, ')')) {
                    b -= 1;
                }
                let (sp, np_end) = subject_right(cx, r, c.s)?;
                // "Mr. Morgan of the Sierra Club said": the phrase runs up to the cue.
                let whole = np_end == b;
                if !whole && (b <= r + 1 || !doc.is_punct(b - 1, ',')) {
                    return None;
                }
                if !whole && !doc.is_punct(np_end, ',') && !doc.is_punct(np_end, '(') {
                    return None;
                }
                sp
            }
        };
        mark(cx, c);
        let mut end = c.e;
        // "he said in a statement" / "he told reporters": the attribution runs to the clause end.
        while end < limit && !matches!(doc.punct_char(end), Some('.' | ',' | ';' | ':' | '!' | '?')) && end < c.e + 6 {
            end += 1;
        }
        return Some((sp, span(doc, c.s, c.e), end.saturating_sub(1)));
    }
    None
}

/// `Smith said: “` / `He told reporters, “` / `According to X, “` before the quotation at `ft`.
pub(super) fn left_attribution(cx: &mut Ctx, ft: usize) -> Option<(usize, (usize, usize), usize)> {
    let doc = cx.doc;
    let p = ft.checked_sub(1)?;
    let para = doc.tokens[ft].para();
    // The quotation opens a paragraph after one ending in a colon: look at that sentence.
    let anchor = if doc.tokens[p].para() != para {
        if !doc.is_punct(p, ':') {
            return None;
        }
        p
    } else {
        p
    };
    let sent = doc.tokens[anchor].sent();
    let (ss, _) = *doc.sentences.get(sent)?;
    let floor = ss.max(anchor.saturating_sub(14));
    let mut j = anchor + 1;
    while j > floor {
        j -= 1;
        if cx.ments.tok_quote.has(j) {
            break;
        }
        if let Some(c) = cue_at(cx, j, anchor + 1) {
            if c.class != CueClass::Speech || cx.used_cue[j] {
                continue;
            }
            if c.source_after {
                let (sp, _) = subject_right(cx, c.e, anchor + 1)?;
                mark(cx, c);
                return Some((sp, span(doc, c.s, c.e), ft));
            }
            // "Band member Flea shared the news last week, writing “…”", "Trump attacked Clinton
            // for her support of action in Iraq and Libya, saying, “…”": a participle takes the
            // subject of the sentence, never the noun before its comma.
            let participle = c.e + 2 >= anchor && doc.lower(c.s).ends_with("ing");
            if participle
                && c.s > ss
                && doc.is_punct(c.s - 1, ',')
                && let Some(sp) = clause_subject(cx, ss, c.s)
            {
                mark(cx, c);
                return Some((sp, span(doc, c.s, c.e), ft));
            }
            if let Some((sp, _)) = subject_left(cx, c.s, ss) {
                mark(cx, c);
                return Some((sp, span(doc, c.s, c.e), ft));
            }
            if participle && let Some(sp) = clause_subject(cx, ss, c.s) {
                mark(cx, c);
                return Some((sp, span(doc, c.s, c.e), ft));
            }
            // "Douglas Brinkley, a historian who attended the session, recalled, “…": the name
            // opening the sentence, closed off by an apposition or relative clause.
            if c.e + 2 >= anchor
                && c.s > ss
                && doc.is_punct(c.s - 1, ',')
                && let Some(sp) = sentence_subject(cx, ss, c.s)
            {
                mark(cx, c);
                return Some((sp, span(doc, c.s, c.e), ft));
            }
        }
    }
    None
}

/// `Name: “…”` with the name opening the paragraph: the speaker mention and the colon token.
pub(super) fn colon_label(cx: &mut Ctx, ft: usize) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let colon = ft.checked_sub(1)?;
    let para = doc.tokens[ft].para();
    if !doc.is_punct(colon, ':') || doc.tokens[colon].para() != para || colon == 0 {
        return None;
    }
    let mut start = colon;
    while start > 0 && doc.tokens[start - 1].para() == para && colon - start < 7 {
        start -= 1;
    }
    if start > 0 && doc.tokens[start - 1].para() == para || start == colon {
        return None;
    }
    let label_ok = (start..colon).all(|j| {
        doc.tokens[j].kind == Kind::Word
            && (doc.tokens[j].cap || matches!(doc.lower(j), "to" | "of" | "on" | "the" | "'s"))
    }) && !(start..colon).any(|j| doc.has(j, lexicon::F_NOT_SPEAKER));
    if !label_ok || !doc.tokens[start].cap || heading_label(cx, start, colon) {
        return None;
    }
    let mut se = start + 1;
    while se < colon && doc.tokens[se].cap && !matches!(doc.lower(se), "on" | "to") {
        se += 1;
    }
    Some((speaker_mention(cx, start, se, se - 1), colon))
}

/// `― Jane Doe` after a quotation: the dash at `d`, then a capitalised name ending its line.
/// The line may be the next paragraph when it holds nothing else (`- Bernie Sanders.`).
pub(super) fn dash_line(cx: &mut Ctx, d: usize, para: usize) -> Option<usize> {
    let doc = cx.doc;
    let n = doc.tokens.len();
    let dp = doc.tokens[d].para();
    let first_in_para = d == 0 || doc.tokens[d - 1].para() != dp;
    if dp != para && !(dp == para + 1 && first_in_para) {
        return None;
    }
    let s = d + 1;
    let mut e = s;
    while e < n && e < s + 6 && doc.tokens[e].para() == dp && (doc.tokens[e].cap || doc.is_punct(e, '.') && e > s) {
        if doc.is_punct(e, '.') && !lex_abbrev(cx, e) {
            break;
        }
        e += 1;
    }
    // The name ends its line: nothing but a full stop before the line break.
    let mut end = e;
    if doc.is_punct(end, '.') {
        end += 1;
    }
    // … or a comma and a description ("- Michelle Marks, Philadelphia.").
    let line_end = end >= n || doc.is_punct(e, ',') || {
        let (a, b) = (doc.tokens[end - 1].end(), doc.tokens[end].start());
        doc.chars.get(a..b).is_some_and(|g| g.contains(&'\n'))
    };
    // One word is enough on a line of its own ("- Sanders."), two on the quotation's line.
    let own_line = dp != para;
    if e < s + 1 + usize::from(!own_line)
        || !line_end
        || (s..e).any(|j| doc.has(j, lexicon::F_FUNCTION_WORDS | lexicon::F_CUE))
    {
        return None;
    }
    Some(speaker_mention(cx, s, e, e - 1))
}
