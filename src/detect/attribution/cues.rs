//! Speech cues: single verbs (with the context that makes a noun-verb homograph a verb),
//! multi-word cues, a cue right before a quotation, and where a later reported clause begins.

use super::*;

pub(super) fn cue_word(cx: &Ctx, i: usize) -> bool {
    cx.doc.has(i, lexicon::F_SPEECH)
}

/// A cue starting at token `i` (multi-word cues first).
pub(super) fn cue_at(cx: &Ctx, i: usize, se: usize) -> Option<Cue> {
    let doc = cx.doc;
    let t = doc.tokens.get(i)?;
    if t.kind != Kind::Word || t.flags & (lexicon::F_CUE | lexicon::F_PHRASE) == 0 {
        return None;
    }
    let w = doc.lower(i);
    if question_put(cx, i) {
        return Some(Cue { s: i, e: i + 1, class: CueClass::Speech, source_after: false });
    }
    if let Some(phrases) = cx.lex.cue_phrases.get(w).filter(|_| t.flags & lexicon::F_PHRASE != 0) {
        for (rest, source_after) in phrases {
            let end = i + 1 + rest.len();
            if end <= se && rest.iter().enumerate().all(|(k, r)| doc.lower(i + 1 + k) == r) {
                if t.cap && !*source_after && !super::super::entities::sentence_initial(doc, i) {
                    continue;
                }
                return Some(Cue { s: i, e: end, class: CueClass::Speech, source_after: *source_after });
            }
        }
    }
    if t.cap {
        return None;
    }
    let class = *cx.lex.cue_verbs.get(w)?;
    // "the support for", "his remarks", "an email account": after a determiner, a possessive or a
    // preposition, or before "of"/"for", the word is a noun.
    let prev = if i > 0 && doc.tokens[i - 1].sent() == t.sent() { doc.lower(i - 1) } else { "" };
    let determiner = matches!(
        prev,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "'s"
    );
    // "by saying", "after adding": a gerund after a preposition is still the verb.
    let preposition = matches!(prev, "of" | "for" | "in" | "on" | "at" | "with" | "by" | "from") && !w.ends_with("ing");
    let prev_noun_context = determiner || preposition;
    // "said of Mr. Clinton" is still a verb: only forms that can be nouns are tested.
    let verb_form =
        w.ends_with("ed") || matches!(w, "said" | "says" | "told" | "tells" | "wrote" | "spoke" | "thought");
    if prev_noun_context || matches!(doc.lower(i + 1), "of" | "for") && !verb_form {
        return None;
    }
    // "whether Europe could defend itself": a possible act of saying is not one that was done.
    // ("Theresa May said" is a name.)
    if cx.lex.attribution_words.possibility_modals.contains(prev) && !doc.tokens[i - 1].cap {
        return None;
    }
    // "a program called BleachBit": a participle naming the noun before it, not a verb with a
    // speaker.
    if w == "called" && i > 1 && prev_is_naming_head(cx, i) {
        return None;
    }
    // "a new report says", "the survey found": a document noun before a verb is its subject.
    if cx.lex.document_sources.contains(w) && doc.has(i + 1, lexicon::F_CUE) && !doc.tokens[i + 1].cap {
        return None;
    }
    // "Recent reports have revealed": before an auxiliary the word is a noun; "a book written by
    // Marc Headley": before "by" it is a passive, whose speaker is not on its left.
    let next_in_sentence = doc.tokens.get(i + 1).is_some_and(|n| n.sent() == t.sent());
    let noun_form = w.ends_with('s') && !verb_form;
    if next_in_sentence && (noun_form && doc.has(i + 1, lexicon::F_AUX) || doc.lower(i + 1) == "by") {
        return None;
    }
    // "Russia is aimed to …", "the rally was planned": a participle after a form of "be" is a
    // passive, whose subject holds no intention.
    let participle = w.ends_with("ed") || w == "sought";
    let be_at = |j: usize| cx.lex.attribution_words.passive_auxiliaries.contains(doc.lower(j));
    let after_be = i > 0 && be_at(i - 1);
    if class == CueClass::Stance && participle && after_be {
        return None;
    }
    // "The prize was also mentioned, as was …", "He was told.": a speech verb's participle after a
    // form of "be" and before a punctuation mark reports nothing its subject said.
    let adverb = |j: usize| doc.lower(j) == "also" || doc.lower(j).ends_with("ly");
    let passive = after_be || i > 1 && adverb(i - 1) && be_at(i - 2);
    let ends_clause =
        i + 1 >= doc.tokens.len() || doc.punct_char(i + 1).is_some_and(|c| !crate::detect::tokens::is_quote_mark(c));
    if class == CueClass::Speech && (participle || w == "told") && passive && ends_clause {
        return None;
    }
    Some(Cue { s: i, e: i + 1, class, source_after: false })
}

/// "Asked whether he would run, Smith said …", "… said when asked by a reporter if …", "he was
/// asked about it": a passive "asked" puts a question to someone; who asked is named after "by",
/// or not at all, and is never the subject before it.
pub(super) fn question_put(cx: &Ctx, i: usize) -> bool {
    let doc = cx.doc;
    if doc.lower(i) != "asked" {
        return false;
    }
    let t = doc.tokens[i];
    let words = &cx.lex.attribution_words;
    let be_at = |j: usize| words.passive_auxiliaries.contains(doc.lower(j));
    let prev = |k: usize| i >= k && doc.tokens[i - k].sent() == t.sent();
    super::super::entities::sentence_initial(doc, i)
        || prev(1) && (words.participle_leads.contains(doc.lower(i - 1)) || be_at(i - 1))
        // "was often asked", "is also asked": one adverb between.
        || prev(2) && be_at(i - 2) && doc.is_word(i - 1) && !doc.tokens[i - 1].cap && !doc.has(i - 1, lexicon::F_PERSON_DET)
}

/// Whether the words before "called" at `i` are an indefinite noun phrase it names ("a program",
/// "an elite group"); after a comma the speaker may stand before it ("Trump, in a tweet, called").
fn prev_is_naming_head(cx: &Ctx, i: usize) -> bool {
    let doc = cx.doc;
    let p = i - 1;
    let noun = doc.is_word(p)
        && !doc.tokens[p].cap
        && !doc.has(p, lexicon::F_PRONOUNS | lexicon::F_AUX | lexicon::F_FUNCTION_WORDS)
        && !doc.lower(p).ends_with("ly");
    noun && (p.saturating_sub(3)..p).any(|j| matches!(doc.lower(j), "a" | "an"))
}

/// Whether a speech cue sits right before the opening mark at `ft`: `said: “`, `told him, “`.
pub(super) fn strong_left(cx: &Ctx, ft: usize) -> bool {
    let doc = cx.doc;
    let Some(p) = ft.checked_sub(1) else { return false };
    if !(doc.is_punct(p, ':') || doc.is_punct(p, ',')) || doc.tokens[p].para() != doc.tokens[ft].para() {
        return false;
    }
    // A speech verb or a multi-word cue ("According to Woodward, “…”") just before the mark.
    (p.saturating_sub(4)..p).any(|j| {
        !cx.used_cue[j]
            && !cx.ments.tok_quote.has(j)
            && (cue_word(cx, j) || cue_at(cx, j, p).is_some_and(|c| c.e > c.s + 1 && c.class == CueClass::Speech))
    })
}

/// Where a later reported clause starts in `[from, to)`: a speech cue with its own subject after
/// a comma or a conjunction ("…, and three-quarters said …", "…, but six in 10 said …"). Returns
/// the token where the current content should end.
pub(super) fn next_clause(cx: &Ctx, cue: usize, from: usize, to: usize, se: usize) -> Option<usize> {
    let doc = cx.doc;
    // A bounded window: a reported clause rarely runs past 80 tokens, and run-on text stays linear.
    for j in from + 2..to.min(from + 80) {
        // "said the plan was dead and called him …": a second verb of the same subject, in the
        // cue's own tense, starts that subject's next statement.
        if matches!(doc.lower(j - 1), "and" | "but")
            && !doc.tokens[j].cap
            && cx.lex.cue_verbs.get(doc.lower(j)).is_some_and(|c| *c != CueClass::Cognition)
            // "say it's too early … but noted that Scott won": a cue with its "that" starts the
            // next statement whatever its tense.
            && (same_form(doc.lower(cue), doc.lower(j)) || doc.lower(j + 1) == "that")
        {
            let mut e = j - 1;
            while e > from && doc.is_punct(e - 1, ',') {
                e -= 1;
            }
            return Some(e);
        }
        // "…, echoing a memo from …": a participial phrase after a comma ends the content.
        if doc.is_punct(j - 1, ',')
            && doc.is_word(j)
            && !doc.tokens[j].cap
            && doc.lower(j).ends_with("ing")
            && doc.lower(j).len() > 5
        {
            return Some(j - 1);
        }
        if cx.ments.tok_quote.has(j)
            || doc.tokens[j].cap
            || !cue_at(cx, j, se).is_some_and(|c| c.class == CueClass::Speech)
        {
            continue;
        }
        // Walk back over the subject (and auxiliaries) to a comma or conjunction.
        let mut b = j;
        while b > from + 1 && j - b < 6 {
            let p = b - 1;
            if doc.tokens[p].kind == Kind::Punct || matches!(doc.lower(p), "and" | "but" | "while" | "whereas") {
                break;
            }
            b = p;
        }
        // "said the plan was sound but that it was late": a second that-clause of the same cue.
        if b == j || b <= from + 1 || doc.lower(b) == "that" {
            continue;
        }
        let p = b - 1;
        let boundary =
            doc.is_punct(p, ',') || doc.is_punct(p, ';') || matches!(doc.lower(p), "and" | "but" | "while" | "whereas");
        if !boundary
            || doc.has(b, lexicon::F_FUNCTION_WORDS) && !doc.has(b, lexicon::F_PERSON_DET | lexicon::F_PRONOUNS)
        {
            continue;
        }
        // End before the conjunction and its comma.
        let mut e = p;
        while e > from
            && (doc.tokens[e - 1].kind == Kind::Punct || matches!(doc.lower(e), "and" | "but"))
            && doc.is_punct(e - 1, ',')
        {
            e -= 1;
        }
        return Some(e);
    }
    None
}

/// Whether two verbs are in the same inflection: "said … and called", "says … and tells".
fn same_form(a: &str, b: &str) -> bool {
    fn form(w: &str) -> u8 {
        const PAST: &[&str] = &["said", "told", "wrote", "spoke", "thought", "gave", "made", "took", "felt", "knew"];
        if w.ends_with("ing") {
            1
        } else if w.ends_with("ed") || PAST.contains(&w) {
            2
        } else if w.ends_with('s') && !w.ends_with("ss") {
            3
        } else {
            4
        }
    }
    form(a) == form(b)
}

pub(super) fn lex_abbrev(cx: &Ctx, dot: usize) -> bool {
    dot > 0
        && (cx.doc.has(dot - 1, lexicon::F_ABBREVIATIONS)
            || cx.doc.tokens[dot - 1].end() - cx.doc.tokens[dot - 1].start() == 1 && cx.doc.tokens[dot - 1].cap
            || party_and_state(cx.doc.lower(dot - 1)))
}

/// A legislator's party and state as American news writes them after the name: "R-Ky."
/// ("McConnell, R-Ky., said"), "D-Mass.".
fn party_and_state(lower: &str) -> bool {
    lower
        .strip_prefix(['r', 'd', 'i'])
        .and_then(|s| s.strip_prefix('-'))
        .is_some_and(|state| (2..=5).contains(&state.len()) && state.bytes().all(|b| b.is_ascii_lowercase()))
}
