//! Indirect speech: the reported clause after a cue (from "that" when there is one, past the
//! addressee and adjuncts), before it (`…, officials said`), around "according to", and the
//! `Name: what they said` lines of headlines and transcripts.

use super::*;

/// Where content can end in sentence `[ss, se)`: before its final punctuation (a closing mark
/// stays).
fn sentence_content_end(doc: &Doc, ss: usize, se: usize) -> usize {
    let mut end = se;
    while end > ss
        && doc.tokens[end - 1].kind == Kind::Punct
        && !matches!(doc.punct_char(end - 1), Some('”' | '"' | '’' | ')'))
    {
        end -= 1;
    }
    end
}

/// `end`, or the first token of the next direct quotation after `from` when that comes first.
fn clip_to_direct(doc: &Doc, directs: &[(usize, usize, usize)], from: usize, end: usize) -> usize {
    let Some(pos) = doc.tokens.get(from).map(|t| t.start()) else { return end };
    directs.get(directs.partition_point(|d| d.0 < pos)).map_or(end, |d| end.min(d.2))
}

fn cue_words(doc: &Doc, cue: Cue) -> String {
    super::super::slice(&doc.chars, doc.tokens[cue.s].start(), doc.tokens[cue.e - 1].end())
}

/// "According to X, CONTENT." / "CONTENT, according to X." / "CONTENT, according to X, CONTENT."
/// — the last as two parts of one quotation, the source's phrase between them.
pub(super) fn according_to(
    cx: &mut Ctx,
    cue: Cue,
    ss: usize,
    se: usize,
    directs: &[(usize, usize, usize)],
) -> Option<(Attr, Option<Attr>)> {
    let doc = cx.doc;
    let end_tok = sentence_content_end(doc, ss, se);
    let (sp, np_end) = subject_right(cx, cue.e, se)?;
    let why = || format!("cue \"{}\"", cue_words(doc, cue));
    let cue_span = span(doc, cue.s, cue.e);
    // "But, according to the poll, …": a connective opening the sentence leaves it initial.
    let mut first = ss;
    while first < cue.s && doc.tokens[first].kind == Kind::Punct {
        first += 1;
    }
    if first < cue.s
        && doc.has(first, lexicon::F_FUNCTION_WORDS)
        && !doc.has(first, lexicon::F_PRONOUNS | lexicon::F_PERSON_DET)
    {
        first += 1;
    }
    let initial = (first..cue.s).all(|j| doc.tokens[j].kind == Kind::Punct);
    let mut after = np_end;
    while after < end_tok && matches!(doc.punct_char(after), Some(',' | ':' | '—' | '–')) {
        after += 1;
    }
    let ce = clip_to_direct(doc, directs, after, end_tok);
    if initial {
        let a = make(cx, rules::INDIRECT_ACCORDING_TO, (after, ce), Some(sp), cue_span, why())?;
        return Some((a, None));
    }
    let mut e = cue.s;
    while e > ss && doc.tokens[e - 1].kind == Kind::Punct {
        e -= 1;
    }
    let head = make(cx, rules::INDIRECT_ACCORDING_TO, (ss, e), Some(sp), cue_span, why())?;
    // "G4S receives, according to one report, $234 million …": the sentence goes on after the
    // source's phrase, set off by commas.
    let aside = doc.is_punct(cue.s - 1, ',') && doc.is_punct(np_end, ',');
    let rest = if aside && (after..ce).filter(|&j| doc.is_word(j)).count() >= 2 {
        make(cx, rules::INDIRECT_ACCORDING_TO, (after, ce), Some(sp), cue_span, why())
    } else {
        None
    };
    Some((head, rest))
}

/// Indirect speech around a cue in sentence `[ss, se)`.
pub(super) fn indirect(
    cx: &mut Ctx,
    cue: Cue,
    ss: usize,
    se: usize,
    directs: &[(usize, usize, usize)],
) -> Option<Attr> {
    let doc = cx.doc;
    let end_tok = sentence_content_end(doc, ss, se);
    let cue_text = cue_words(doc, cue);
    let cue_span = span(doc, cue.s, cue.e);
    // Whether a direct quotation covers `a..b` (give or take a final mark).
    let inside_direct = |a: usize, b: usize| -> bool {
        let i = directs.partition_point(|d| d.0 <= a);
        i > 0 && directs[i - 1].1 + 1 >= b
    };
    let clip_end = |from: usize, end: usize| clip_to_direct(doc, directs, from, end);
    if question_put(cx, cue.s) {
        return question(cx, cue, clip_end(cue.e, end_tok), cue_span, &cue_text);
    }
    // "Trump has tried to use the ad against Clinton, accusing her of …": a participle after a
    // comma takes the subject of the sentence, never the noun before its comma.
    let participle = cue.s > ss && doc.is_punct(cue.s - 1, ',') && doc.lower(cue.s).ends_with("ing");
    // "… and told them that …", "…, telling CNN that …": a second verb or a participle of the
    // sentence's subject.
    let coordinated = || participle || cue.s > ss && matches!(doc.lower(cue.s - 1), "and" | "but");
    // "…, whom he's alienated, said Larry Sabato, director of …": a speech cue after a comma with a
    // person named right after it is the inverted order, whatever name stands before the comma.
    // `using the tax ''is a misguided approach,'' said Mr. Burman`: a quoted fragment closed by a
    // comma stands where the comma would.
    let mut mark = cue.s;
    while mark > ss
        && cx.ments.tok_quote.has(mark - 1)
        && matches!(doc.punct_char(mark - 1), Some('"' | '”' | '\'' | '’'))
    {
        mark -= 1;
    }
    let comma_before = cue.s > ss
        && (matches!(doc.punct_char(cue.s - 1), Some(',' | '—'))
            || mark < cue.s && mark > ss && doc.is_punct(mark - 1, ','));
    let inverted_first = cue.class == CueClass::Speech && comma_before && person_after(cx, cue.e, end_tok);
    // Failing the sentence's subject ("“…,” Chaffetz said in a statement, adding that …"), the
    // subject of the sentence's earlier speech verb.
    let left = if inverted_first {
        None
    } else if participle
        && let Some(sp) = clause_subject(cx, ss, cue.s)
            .or_else(|| earlier_cue_start(cx, ss, cue.s).and_then(|v| subject_left(cx, v, ss).map(|(sp, _)| sp)))
    {
        Some((sp, (cue.s, cue.s)))
    } else {
        subject_left(cx, cue.s, ss)
    };
    let (sp, (ns, _)) = match left {
        Some(x) => x,
        // "She greeted supporters … and told them that …": the subject of the first verb.
        None if coordinated()
            && let Some(sp) = clause_subject(cx, ss, cue.s) =>
        {
            (sp, (cue.s, cue.s))
        }
        None => {
            // Inverted: CONTENT, said Smith.
            if cue.class != CueClass::Speech || !comma_before {
                return None;
            }
            let (sp, np_end) = subject_right(cx, cue.e, se)?;
            // "…, said Rita Katz, the director of SITE.", "…, said Angie Holan, Politifact's
            // editor.": an apposition or a relative clause may close the sentence.
            // "…, said Mr. Burman (a view echoed by …)." : or an aside in parentheses.
            let apposition =
                doc.is_punct(np_end, ',') && doc.is_word(np_end + 1) && !cx.ments.tok_quote.has(np_end + 1)
                    || doc.is_punct(np_end, '(') && end_tok > np_end && doc.is_punct(end_tok - 1, ')');
            if np_end < end_tok && !apposition {
                return None;
            }
            let mut e = cue.s - 1;
            while e > ss && doc.tokens[e - 1].kind == Kind::Punct {
                e -= 1;
            }
            let (a, b) = span(doc, ss, e);
            if inside_direct(a, b) {
                return None;
            }
            let why = format!("cue \"{cue_text}\" after the reported clause");
            return make(cx, rules::INDIRECT_INVERTED, (after_heading(cx, ss, e), e), Some(sp), cue_span, why);
        }
    };
    // After the cue: skip the addressee and adjuncts up to "that" or a clause.
    let mut k = cue.e;
    let mut that_at = None;
    let look = (cue.e + 10).min(end_tok);
    for j in cue.e..look {
        if cx.ments.tok_quote.has(j)
            || cue_at(cx, j, se).is_some_and(|c| c.class == CueClass::Speech && !doc.tokens[j].cap && j > cue.e)
        {
            break;
        }
        // "said the plan needs work, but that …": a second that-clause; the first has no "that".
        if doc.lower(j) == "that" && j > cue.e && matches!(doc.lower(j - 1), "but" | "and") {
            break;
        }
        if doc.lower(j) == "that" {
            that_at = Some(j);
            break;
        }
        // "said he was too busy to look for evidence that …": a clause has started, so a later
        // "that" is a relative pronoun, not the complementiser.
        if doc.has(j, lexicon::F_AUX) || matches!(doc.lower(j), "he" | "she" | "they" | "we" | "i" | "it") {
            break;
        }
    }
    let lex: &'static lexicon::Lexicon = cx.lex;
    let words = &lex.attribution_words;
    // The speaker stands after a comma: "The plan, he said, …" (content on both sides).
    let before_ok = ns > ss && matches!(doc.punct_char(ns - 1), Some(',' | '—'));
    let object_verb = words.addressee_verbs.contains(doc.lower(cue.s));
    let next = doc.lower(cue.e);
    if cue.class == CueClass::Stance {
        // "declined to comment": the infinitive is the content.
        if next != "to" {
            return None;
        }
        k = cue.e;
    } else if let Some(t) = that_at {
        k = t;
    } else if words.that_only.contains(doc.lower(cue.s)) && !before_ok {
        return None;
    } else if cue.class == CueClass::Cognition {
        // "I think he is right": a clause with its own subject.
        let clause = matches!(next, "he" | "she" | "they" | "it" | "we" | "i" | "you" | "there" | "this")
            || doc.tokens.get(cue.e).is_some_and(|t| t.cap);
        if !clause {
            return None;
        }
        k = cue.e;
    } else {
        // Skip temporal adjuncts and short prepositional phrases ("on Monday", "in a statement").
        loop {
            let w = doc.lower(k);
            if k >= end_tok {
                break;
            }
            if doc.is_punct(k, ',') || doc.is_punct(k, ':') {
                k += 1;
                continue;
            }
            if doc.has(k, lexicon::F_WEEKDAYS | lexicon::F_TEMPORAL)
                || matches!(w, "last" | "this" | "earlier" | "late" | "early" | "recently" | "also")
            {
                k += 1;
                continue;
            }
            if matches!(w, "on" | "in" | "at" | "during" | "via" | "to" | "from" | "through") {
                // A short phrase up to the next clause start.
                let mut e = k + 1;
                while e < end_tok
                    && e < k + 6
                    && !doc.is_punct(e, ',')
                    && (doc.tokens[e].cap
                        || doc.has(e, lexicon::F_PERSON_DET)
                        || doc.has(e, lexicon::F_MONTHS)
                        || doc.tokens[e].kind == Kind::Number
                        || words.adjunct_heads.contains(doc.lower(e)))
                {
                    e += 1;
                }
                let has_head = (k + 1..e).any(|j| words.adjunct_heads.contains(doc.lower(j)));
                let all_dates = (k + 1..e).all(|j| {
                    doc.has(j, lexicon::F_WEEKDAYS | lexicon::F_MONTHS | lexicon::F_PERSON_DET)
                        || doc.tokens[j].kind == Kind::Number
                });
                if e > k + 1 && (has_head || all_dates) {
                    k = e;
                    continue;
                }
                if w == "to" && object_verb {
                    break;
                }
                if (w == "to" || w == "on") && !object_verb {
                    // said to reporters … / called on X to …
                    k = e;
                    continue;
                }
                break;
            }
            break;
        }
        if object_verb && (cue.e - cue.s == 1 || doc.lower(cue.e - 1) == "on") {
            // told reporters …, urged X to …: skip the addressee up to the verb's preposition.
            let preps: &[&str] = match doc.lower(cue.s) {
                "accused" | "accuses" => &["of"],
                "blamed" | "praised" | "criticized" | "criticised" => &["for"],
                "warned" | "warns" => &["of", "against", "about"],
                "told" | "tells" | "telling" | "tell" | "reminded" | "assured" | "informed" => &["about"],
                "asked" | "asks" => &["to", "whether", "if", "about"],
                _ => &["to"],
            };
            let mut e = k;
            while e < end_tok
                && e < k + 10
                && !preps.contains(&doc.lower(e))
                && !matches!(doc.lower(e), "he" | "she" | "they" | "it" | "we" | "i")
                && doc.tokens[e].kind != Kind::Punct
                && !doc.has(e, lexicon::F_AUX)
            {
                e += 1;
            }
            // "the group called the Sea Org was persuaded to …": a name given, not an address.
            if matches!(doc.lower(cue.s), "called" | "calls") && doc.has(e, lexicon::F_AUX) {
                return None;
            }
            let tell =
                matches!(doc.lower(cue.s), "told" | "tells" | "telling" | "tell" | "reminded" | "assured" | "informed");
            let pronoun = matches!(doc.lower(e), "he" | "she" | "they" | "it" | "we" | "i");
            if e < end_tok && preps.contains(&doc.lower(e)) || tell && pronoun {
                // "told The Star-Ledger last week she would …": the clause after the addressee.
                k = e;
            } else if tell && (e >= end_tok || doc.tokens[e].kind == Kind::Punct) && e > k {
                // "…, Tad Devine told The Huffington Post.": only an addressee follows.
                k = end_tok;
            }
        }
        // "… as his father said before he died.": a clause of time with no main clause after it
        // says when, not what ("said when she arrived, the house was empty" keeps its content,
        // and so does "Lenox was a juggernaut, Smith said, until it went bankrupt").
        // "said after the convention he would …": a phrase of time, then what was said. "said as
        // he launched the process" says when, too.
        let subject = |j: usize| matches!(doc.lower(j), "he" | "she" | "they" | "it" | "we" | "i" | "you");
        let time_clause = match doc.lower(k) {
            "when" | "while" => true,
            "before" | "after" | "until" | "since" | "once" | "as" => subject(k + 1),
            _ => false,
        };
        if time_clause && !before_ok && !(k + 2..end_tok).any(|j| doc.is_punct(j, ',') || subject(j)) {
            return None;
        }
    }
    // "the praise from Bush's team", "the report and the strategy behind it": a word that opens
    // no clause after the cue makes the cue a noun, or names where it came from.
    if matches!(doc.lower(k), "and" | "or" | "from") && !before_ok {
        return None;
    }
    // "issued a statement describing …": the participle is the cue of what follows it.
    if cue.e - cue.s > 1 && k < end_tok && doc.has(k, lexicon::F_CUE) && doc.lower(k).ends_with("ing") {
        return None;
    }
    // Content after the cue.
    let ce = clip_end(k, end_tok);
    // "…, and three-quarters said the same": the next reported clause ends this one.
    let ce = next_clause(cx, cue.s, k, ce, se).unwrap_or(ce);
    let ce = subordinate_end(cx, ss, cue.s, k, ce).unwrap_or(ce);
    let ce = comma_clause_end(cx, k, ce).unwrap_or(ce);
    // "…was not intentional; they only learned on Friday …": a semicolon closes the reported clause.
    let ce = (k + 1..ce).find(|&j| doc.is_punct(j, ';') && !cx.ments.tok_quote.has(j)).unwrap_or(ce);
    let ce = relative_clause_end(cx, ss, cue.s, k, ce).unwrap_or(ce);
    let stance_object = words.stance_objects.contains(doc.lower(cue.s));
    let ce = if stance_object { object_end(cx, k, ce) } else { ce };
    let min_words = if stance_object { 1 } else { 2 };
    // "the elite group called the Sea Org": a name alone after the verb is naming, not speech.
    let only_a_name = ce > k
        && ce <= k + 5
        && (k..ce).all(|j| doc.tokens[j].cap || matches!(doc.lower(j), "the" | "of" | "for" | "and"))
        && !doc.has(k, lexicon::F_PRONOUNS);
    if ce > k && !only_a_name && (k..ce).filter(|&j| doc.is_word(j)).count() >= min_words {
        // "The plan, he said, is …": both sides are content.
        // (A bounded look back, so long run-on sentences stay linear.)
        let earlier_cue =
            (ss.max(ns.saturating_sub(40))..ns).any(|j| cue_at(cx, j, se).is_some_and(|c| c.class == CueClass::Speech));
        let cs = if before_ok && doc.is_punct(cue.e, ',') && !earlier_cue { after_heading(cx, ss, ns) } else { k };
        let (rule, why) = if that_at.is_some() {
            (rules::INDIRECT_THAT_CLAUSE, format!("cue \"{cue_text}\" with a that-clause"))
        } else {
            (rules::INDIRECT_CLAUSE_AFTER, format!("cue \"{cue_text}\" followed by a clause"))
        };
        return make(cx, rule, (cs, ce), Some(sp), cue_span, why);
    }
    // Content before: "…, officials said."
    if before_ok && cue.class == CueClass::Speech {
        let mut e = ns - 1;
        while e > ss && doc.tokens[e - 1].kind == Kind::Punct && !matches!(doc.punct_char(e - 1), Some('”' | '"')) {
            e -= 1;
        }
        let (a, b) = span(doc, ss, e);
        if inside_direct(a, b) {
            return None;
        }
        let why = format!("cue \"{cue_text}\" after the reported clause");
        return make(cx, rules::INDIRECT_CLAUSE_BEFORE, (after_heading(cx, ss, e), e), Some(sp), cue_span, why);
    }
    None
}

/// The question a passive "asked" puts ("Asked on Monday whether …, she said"): from the word
/// that opens it to the reporter's comma; the one who asked when "by" names them.
fn question(cx: &mut Ctx, cue: Cue, end: usize, cue_span: (usize, usize), cue_text: &str) -> Option<Attr> {
    let doc = cx.doc;
    let mut k = cue.e;
    let mut asker = None;
    if doc.lower(k) == "by" {
        let (sp, np_end) = subject_right(cx, k + 1, end)?;
        asker = Some(sp);
        k = np_end;
    }
    // Past a phrase of time or place ("on Monday", "in an interview") to the question.
    let opens = |j: usize| cx.lex.attribution_words.question_openers.contains(doc.lower(j));
    let q = (k..(k + 8).min(end)).find(|&j| opens(j) || doc.tokens[j].kind == Kind::Punct)?;
    if !opens(q) {
        return None;
    }
    let cs = if doc.lower(q) == "about" { q + 1 } else { q };
    let ce = clause_comma(cx, cs, end).unwrap_or(end);
    make(cx, rules::INDIRECT_QUESTION_PUT, (cs, ce), asker, cue_span, format!("question put with \"{cue_text}\""))
}

/// Where the last cue already used before `before` in the sentence starting at `ss` begins (outside
/// quotations).
fn earlier_cue_start(cx: &Ctx, ss: usize, before: usize) -> Option<usize> {
    let mut v = (ss..before).rev().find(|&j| cx.used_cue[j] && !cx.ments.tok_quote.has(j))?;
    while v > ss && cx.used_cue[v - 1] {
        v -= 1;
    }
    Some(v)
}

/// Whether a person is named at `at`: a name, or a determiner and a role noun within a few words
/// ("the company's chief executive"), followed by a comma, a relative pronoun or the end.
fn person_after(cx: &Ctx, at: usize, end: usize) -> bool {
    let doc = cx.doc;
    let phrase_end = match cx.tok_ment.get(at).map(|mi| &cx.ments.list[mi]) {
        Some(m) if m.tok.0 == at && m.kind == MKind::Name && m.label == "PERSON" => m.tok.1,
        _ if doc.has(at, lexicon::F_PERSON_DET) => {
            let e = (at + 1..(at + 6).min(end))
                .find(|&j| doc.tokens[j].kind == Kind::Punct || matches!(doc.lower(j), "who" | "whose"))
                .unwrap_or((at + 6).min(end));
            if !(at + 1..e).any(|j| doc.has(j, lexicon::F_ROLE_NOUNS | lexicon::F_PERSON_ROLES)) {
                return false;
            }
            e
        }
        _ => return false,
    };
    phrase_end >= end || doc.is_punct(phrase_end, ',') || matches!(doc.lower(phrase_end), "who" | "whose")
}

/// "While those surveyed said Bush has the experience, Trump is …": speech reported inside a
/// subordinate clause opening the sentence ends at the comma that closes the clause.
fn subordinate_end(cx: &Ctx, ss: usize, cue_s: usize, from: usize, to: usize) -> Option<usize> {
    let doc = cx.doc;
    let first = (ss..cue_s).find(|&j| doc.is_word(j))?;
    if !cx.lex.attribution_words.subordinators.contains(doc.lower(first))
        || (first..cue_s).any(|j| doc.is_punct(j, ','))
    {
        return None;
    }
    clause_comma(cx, from, to)
}

/// "criticized the Affordable Care Act as a “crazy system” during a campaign stop", "denounced the
/// annexation in an on-air diatribe": what a stance verb attributes is its object (and how it was
/// called); a phrase of time or occasion after it is the reporter's.
fn object_end(cx: &Ctx, from: usize, to: usize) -> usize {
    let doc = cx.doc;
    let words = &cx.lex.attribution_words;
    let occasion = |j: usize| {
        (j + 1..(j + 5).min(to)).take_while(|&h| doc.is_word(h)).any(|h| {
            words.adjunct_heads.contains(doc.lower(h))
                || doc.has(h, lexicon::F_WEEKDAYS | lexicon::F_MONTHS | lexicon::F_TEMPORAL)
        })
    };
    (from + 1..to)
        .find(|&j| {
            !cx.ments.tok_quote.has(j)
                && match doc.lower(j) {
                    "during" | "before" | "after" | "when" | "while" | "until" | "since" | "because" | "amid"
                    | "despite" | "following" => true,
                    "in" | "on" | "at" => occasion(j),
                    _ => false,
                }
        })
        .unwrap_or(to)
}

/// The first comma after `from` and before `to` that is the reporter's, not a quotation's.
fn clause_comma(cx: &Ctx, from: usize, to: usize) -> Option<usize> {
    (from + 1..to).find(|&j| cx.doc.is_punct(j, ',') && !cx.ments.tok_quote.has(j))
}

/// "said the emails were exchanges with Fanning, who was his chief of staff …": a relative or
/// concessive clause after a comma is the reporter's addition, so the content ends at the comma.
fn comma_clause_end(cx: &Ctx, from: usize, to: usize) -> Option<usize> {
    let doc = cx.doc;
    (from + 2..to.saturating_sub(1)).find(|&j| {
        doc.is_punct(j, ',')
            && !cx.ments.tok_quote.has(j)
            && cx.lex.attribution_words.content_ends.contains(doc.lower(j + 1))
            // "…, but that he would not …": the same cue's second that-clause.
            && doc.lower(j + 2) != "that"
    })
}

/// "Cruz, who says he is a conservative, said …": speech reported in a relative clause ends at
/// the comma that closes the clause.
fn relative_clause_end(cx: &Ctx, ss: usize, cue_s: usize, from: usize, to: usize) -> Option<usize> {
    let doc = cx.doc;
    let before = (ss..cue_s).rev().find(|&j| !doc.has(j, lexicon::F_AUX))?;
    if doc.lower(before) != "who" {
        return None;
    }
    clause_comma(cx, from, to)
}

/// Where reported content that opens its sentence at `ss` starts: after a heading and its colon
/// when the sentence opens a paragraph with one ("JAPAN ECONOMY: Exports fell, the ministry said").
fn after_heading(cx: &Ctx, ss: usize, limit: usize) -> usize {
    let doc = cx.doc;
    let opens_para = ss == 0 || doc.tokens[ss - 1].para() != doc.tokens[ss].para();
    let colon = (ss + 1..(ss + 7).min(limit)).find(|&j| doc.is_punct(j, ':'));
    match colon {
        Some(c) if opens_para && heading_label(cx, ss, c) => c + 1,
        _ => ss,
    }
}

/// `Roger Stone: Don’t Trust the Voting Machines`, `CLINTON: Honestly, …`, `Q: …`: a short name
/// opening a paragraph, a colon, then what that source says, to the paragraph end.
pub(super) fn colon_lines(cx: &mut Ctx, out: &mut Vec<Attr>) {
    let doc = cx.doc;
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let para = doc.tokens[i].para();
        let mut pe = i;
        while pe < n && doc.tokens[pe].para() == para {
            pe += 1;
        }
        let start = i;
        i = pe;
        let Some(colon) = (start + 1..(start + 7).min(pe)).find(|&j| doc.is_punct(j, ':')) else { continue };
        // The colon follows its word directly ("Obama:", not "10 : 30") and is not quoted.
        if cx.ments.tok_quote.has(colon) || doc.tokens[colon].start() != doc.tokens[colon - 1].end() {
            continue;
        }
        let label_ok = (start..colon).all(|j| {
            let t = doc.tokens[j];
            t.kind == Kind::Word && (t.cap || matches!(doc.lower(j), "to" | "of" | "the" | "and" | "'s"))
                || doc.is_punct(j, '.') && j > start && lex_abbrev(cx, j)
        }) && !(start..colon)
            .any(|j| doc.has(j, lexicon::F_NOT_SPEAKER) || doc.tokens[j].kind == Kind::Number);
        let mut ce = pe;
        while ce > colon + 1
            && doc.tokens[ce - 1].kind == Kind::Punct
            && !matches!(doc.punct_char(ce - 1), Some('”' | '"' | '’'))
        {
            ce -= 1;
        }
        let words = (colon + 1..ce).filter(|&j| doc.is_word(j)).count();
        if !label_ok
            || words < 3
            || (colon + 1..ce).any(|j| cx.ments.tok_quote.has(j) && j == colon + 1)
            || heading_label(cx, start, colon)
        {
            continue;
        }
        // The speaker: the first name group ("Clinton" in "Clinton to Planned Parenthood").
        let mut se = start + 1;
        while se < colon && (doc.tokens[se].cap || doc.is_punct(se, '.')) {
            se += 1;
        }
        let sp = speaker_mention(cx, start, se, se - 1);
        if let Some(u) = cx.used_cue.get_mut(colon) {
            *u = true;
        }
        let cue = span(doc, colon, colon + 1);
        let why = "a name and a colon opening the paragraph".to_string();
        if let Some(a) = make(cx, rules::INDIRECT_NAME_COLON_LINE, (colon + 1, ce), Some(sp), cue, why) {
            out.push(a);
        }
    }
}
