//! Speaker phrases: the noun phrase left of a cue ("the Russian top diplomat said"), right of it
//! ("said Smith", "according to officials"), a sentence's opening subject, and turning such a
//! phrase into a mention.

use super::*;

/// Index of a mention for the noun phrase `[s, e)`, creating one if needed.
pub(super) fn speaker_mention(cx: &mut Ctx, s: usize, e: usize, head: usize) -> usize {
    if let Some(mi) = cx.tok_ment.get(head) {
        let m = &cx.ments.list[mi];
        if m.kind != MKind::Value && m.kind != MKind::Title && m.label != "NORP" && m.label != "GPE"
            || (m.label == "GPE" && e - s == 1)
        {
            return mi;
        }
    }
    let doc = cx.doc;
    let hw = doc.lower(head);
    let det = doc.lower(s);
    let role = doc.has(head, lexicon::F_PERSON_ROLES) && matches!(det, "the" | "this" | "that");
    let org = doc.has(head, lexicon::F_ORG_HEADS)
        || matches!(
            hw,
            "campaign"
                | "administration"
                | "government"
                | "agency"
                | "ministry"
                | "department"
                | "report"
                | "statement"
                | "poll"
                | "survey"
                | "study"
        )
        // "city documents show", "videos show": a document, a study or data is a source, not a
        // person.
        || cx.lex.document_sources.contains(hw);
    let (a, b) = span(doc, s, e);
    let mut reason = String::with_capacity(b.saturating_sub(a) + 20);
    reason.push_str("speaker phrase \"");
    reason.extend(doc.chars.get(a..b).unwrap_or(&[]));
    reason.push('"');
    let m = Ment {
        start: a,
        end: b,
        tok: (s, e),
        label: if org { "ORG" } else { "PERSON" },
        kind: if role { MKind::Role } else { MKind::Other },
        canonical: None,
        title: None,
        quote: cx.ments.tok_quote.get(s),
        reason: reason.into(),
        margin: None,
    };
    cx.ments.list.push(m);
    let mi = cx.ments.list.len() - 1;
    for t in s..e {
        if !cx.tok_ment.has(t) {
            cx.tok_ment.set(t, mi);
        }
    }
    mi
}

/// The noun phrase ending at token `head` (inclusive), scanning left at most a few tokens.
pub(super) fn np_left(cx: &Ctx, head: usize, floor: usize) -> Option<usize> {
    let doc = cx.doc;
    let lex = cx.lex;
    let t = doc.tokens.get(head)?;
    if t.kind == Kind::Punct {
        return None;
    }
    let hw = doc.lower(head);
    if matches!(hw, "he" | "she" | "they" | "we" | "i" | "you" | "it") {
        return Some(head);
    }
    // A cue word is a verb here, unless it names a document ("a new report says").
    if doc.has(head, lexicon::F_FUNCTION_WORDS | lexicon::F_AUX)
        || doc.has(head, lexicon::F_CUE) && !t.cap && !lex.document_sources.contains(hw)
    {
        return None;
    }
    // "November showed", "the Model 3 showed": a month, a day or a number before a cue is never
    // a speaker because of where it stands ("Theresa May said" is a name and stays one).
    let in_person_name = cx.tok_ment.get(head).is_some_and(|mi| {
        let m = &cx.ments.list[mi];
        m.kind == MKind::Name && m.label == "PERSON" && m.tok.1 - m.tok.0 > 1
    });
    if t.kind == Kind::Number
        || doc.has(head, lexicon::F_MONTHS | lexicon::F_WEEKDAYS | lexicon::F_TEMPORAL | lexicon::F_NUMBER_WORDS)
            && !in_person_name
    {
        return None;
    }
    // "Western states", "American officials' …": a nationality is a modifier, not a speaker.
    // "the Kentucky Republican" has its determiner before a place name.
    let det_at = |j: usize| doc.has(j, lexicon::F_PERSON_DET) && doc.lower(j) != "that";
    let bare = head == floor || !(det_at(head - 1) || head - 1 > floor && doc.tokens[head - 1].cap && det_at(head - 2));
    if lex.names.get(hw).is_some_and(|e| e.label == "NORP") && t.cap && !hw.ends_with('s') && bare {
        return None;
    }
    // An existing name mention covering the head: start there, then extend over titles.
    let mut s = head;
    if let Some(mi) = cx.tok_ment.get(head) {
        s = cx.ments.list[mi].tok.0.min(head);
    }
    let mut steps = 0;
    while s > floor && steps < 6 {
        let p = s - 1;
        let pt = doc.tokens[p];
        let pw = doc.lower(p);
        if pt.kind == Kind::Punct {
            if pw == "." && p > floor && doc.has(p - 1, lexicon::F_ABBREVIATIONS) {
                s = p;
                steps += 1;
                continue;
            }
            break;
        }
        if doc.has(p, lexicon::F_PERSON_DET) && !matches!(pw, "two" | "three" | "four" | "five" | "that") || pw == "'s"
        {
            s = p;
            if pw != "'s" {
                break;
            }
            steps += 1;
            continue;
        }
        if doc.has(p, lexicon::F_FUNCTION_WORDS | lexicon::F_AUX)
            || doc.has(p, lexicon::F_CUE) && !pt.cap
            || pt.kind == Kind::Number && !pt.cap
        {
            break;
        }
        s = p;
        steps += 1;
    }
    // A bare lower-case head needs to be a role noun, a plural, or have a determiner.
    let has_det =
        doc.has(s, lexicon::F_PERSON_DET) || doc.lower(s + 1) == "'s" || (s..head).any(|j| doc.lower(j) == "'s");
    let capped = (s..=head).any(|j| doc.tokens[j].cap);
    let plural = hw.ends_with('s') && hw.len() > 3;
    if !(t.cap || has_det || capped || plural || doc.has(head, lexicon::F_ROLE_NOUNS)) {
        return None;
    }
    // "Cruz also lacks support": a bare word in -s after an auxiliary or an adverb is a verb.
    let after_aux = head > floor && doc.has(head - 1, lexicon::F_AUX);
    if s == head && !t.cap && !has_det && after_aux && !doc.has(head, lexicon::F_ROLE_NOUNS) {
        return None;
    }
    Some(s)
}

/// Subject to the left of a cue: skips auxiliaries and adverbs ("has also said").
pub(super) fn subject_left(cx: &mut Ctx, cue_s: usize, floor: usize) -> Option<(usize, (usize, usize))> {
    let doc = cx.doc;
    let mut j = cue_s.checked_sub(1)?;
    let mut skipped = 0;
    // "Sen. Marco Rubio (R-Fla.) said": skip a short parenthesis.
    if doc.is_punct(j, ')') {
        let mut k = j;
        while k > floor && k + 8 > j && !doc.is_punct(k, '(') {
            k -= 1;
        }
        if doc.is_punct(k, '(') && k > floor {
            j = k - 1;
        }
    }
    while j >= floor && skipped < 4 {
        let w = doc.lower(j);
        // "McCallum didn't say whether …", "He didn't suggest retaliation. “…”": a negated cue
        // reports what was not said, and the negation is never part of the speaker's name.
        if matches!(w, "not" | "never") || w.ends_with("n't") {
            return None;
        }
        if doc.has(j, lexicon::F_AUX) || (w.ends_with("ly") && !doc.tokens[j].cap && w.len() > 4) {
            j = j.checked_sub(1)?;
            skipped += 1;
            continue;
        }
        // "the Kentucky Republican on Tuesday dismissed …", "Clinton Tuesday night said …": a day
        // between the subject and the verb is an adjunct, never the speaker.
        if j > floor
            && matches!(w, "morning" | "afternoon" | "evening" | "night")
            && doc.has(j - 1, lexicon::F_WEEKDAYS)
        {
            j -= 1;
        }
        // "The RNC this week announced", "Aides to Mr. Sanders in July said": a time phrase
        // between the subject and the verb is stepped over too.
        let time_word = |k: usize| {
            doc.has(k, lexicon::F_MONTHS | lexicon::F_TEMPORAL)
                && !cx.tok_ment.get(k).is_some_and(|mi| {
                    let m = &cx.ments.list[mi];
                    m.kind == MKind::Name && m.label == "PERSON" && m.tok.1 - m.tok.0 > 1
                })
        };
        if j > floor && (time_word(j) || doc.tokens[j].kind == Kind::Number && time_word(j - 1)) {
            let mut k = j;
            while k > floor
                && (time_word(k)
                    || doc.tokens[k].kind == Kind::Number
                    || matches!(
                        doc.lower(k),
                        "this" | "last" | "next" | "past" | "early" | "late" | "earlier" | "in" | "on" | "mid" | "the"
                    ))
            {
                k -= 1;
            }
            if doc.is_word(k) && !doc.has(k, lexicon::F_FUNCTION_WORDS) {
                j = k;
                skipped += 1;
                continue;
            }
        }
        // "many delegations during the plenary meeting expressed …": a phrase of time or
        // occasion between the subject and the verb is stepped over.
        if let Some(k) = occasion_phrase_start(doc, j, floor) {
            j = k - 1;
            skipped += 1;
            continue;
        }
        if j > floor && (doc.has(j, lexicon::F_WEEKDAYS) || matches!(w, "today" | "yesterday" | "tonight")) {
            j -= 1;
            if j > floor && doc.lower(j) == "on" {
                j -= 1;
            }
            skipped += 1;
            continue;
        }
        break;
    }
    if j < floor || cx.ments.tok_quote.has(j) {
        return None;
    }
    if doc.lower(j) == "who" {
        return relative_antecedent(cx, j, floor);
    }
    // "Almost half said …", "Two in three said …", "most of them said …": a share of a group of
    // people speaks as one.
    if let Some((s, head)) = share_start(cx, j, floor) {
        let mi = speaker_mention(cx, s, j + 1, head);
        return Some((mi, (s, j + 1)));
    }
    // "Humphrey, for example, said": step over a short adverbial set off by commas.
    if doc.is_punct(j, ',')
        && let Some(k) = (j.saturating_sub(4).max(floor)..j).rev().find(|&k| doc.is_punct(k, ','))
        && k + 1 < j
        && k > floor
        && (k + 1..j)
            .all(|x| doc.is_word(x) && !doc.tokens[x].cap && !doc.has(x, lexicon::F_CUE | lexicon::F_ROLE_NOUNS))
        && doc.is_word(k - 1)
    {
        j = k - 1;
        if j < floor {
            return None;
        }
        let s = np_left(cx, j, floor)?;
        let mi = speaker_mention(cx, s, j + 1, j);
        return Some((mi, (s, j + 1)));
    }
    // The name before an apposition or relative clause set off by commas or dashes is the
    // speaker: "Hernan Dario Gomez, Panama coach, said", "Mr. Paulson, who made billions …, told",
    // "Reynolds - Santilli's girlfriend - told".
    let dash = |k: usize| matches!(doc.punct_char(k), Some('—' | '–' | '-'));
    if j > floor && (doc.is_punct(j, ',') || dash(j)) {
        let opener = |k: usize| if dash(j) { dash(k) } else { doc.is_punct(k, ',') };
        // "Sen. Rob Portman (R-Ohio), another incumbent, said": the name before its parenthesis.
        let before_parenthesis = |k: usize| {
            if !doc.is_punct(k - 1, ')') {
                return k;
            }
            (k.saturating_sub(8).max(floor + 1)..k - 1).rev().find(|&p| doc.is_punct(p, '(')).unwrap_or(k)
        };
        let name_ending_at = |k: usize| {
            let k = before_parenthesis(k);
            cx.tok_ment.get(k - 1).filter(|&mi| {
                let m = &cx.ments.list[mi];
                // "Even China, Pyongyang's only ally, said": a country opening the sentence speaks
                // through its government (one later on is where something happened).
                let opens =
                    m.tok.0 == floor || m.tok.0 == floor + 1 && matches!(doc.lower(floor), "even" | "and" | "but");
                let country = m.label == "GPE" && opens;
                m.kind == MKind::Name && (matches!(m.label, "PERSON" | "MISC" | "ORG") || country) && m.tok.1 == k
            })
        };
        // "Wilcox, whose education …, said": a capitalised word opening the sentence before a
        // relative clause is a name even when no list knows it.
        let unknown_name_at = |k: usize| {
            k == floor + 1
                && doc.tokens[floor].cap
                && doc.is_word(floor)
                && !doc.has(floor, lexicon::F_FUNCTION_WORDS | lexicon::F_SENTENCE_STARTERS | lexicon::F_PRONOUNS)
                && cx.tok_ment.get(floor).is_none()
                && matches!(doc.lower(k + 1), "who" | "whose")
        };
        for k in (j.saturating_sub(25).max(floor + 1)..j).rev() {
            // Not past another verb of saying: "…, who said …, told" is two statements, but the
            // cue of a relative clause ("Cruz, who says …, said") is part of the subject.
            if doc.has(k, lexicon::F_CUE) && !doc.tokens[k].cap && !matches!(doc.lower(k - 1), "who" | "which") {
                break;
            }
            if opener(k)
                && let Some(mi) = name_ending_at(k)
            {
                return Some((mi, cx.ments.list[mi].tok));
            }
            if opener(k) && unknown_name_at(k) {
                let mi = speaker_mention(cx, floor, floor + 1, floor);
                return Some((mi, (floor, floor + 1)));
            }
        }
    }
    // Apposition: "Josh Earnest, the press secretary, said".
    if doc.is_punct(j, ',') && j > floor {
        let h = j - 1;
        // "She escalated her criticism on Tuesday, telling CNN …": a day is not an apposition.
        if (doc.has(h, lexicon::F_ROLE_NOUNS) || doc.tokens[h].cap) && !doc.has(h, lexicon::F_WEEKDAYS) {
            let s = np_left(cx, h, floor)?;
            let mi = speaker_mention(cx, s, h + 1, h);
            return Some((mi, (s, h + 1)));
        }
        return None;
    }
    let mut s = np_left(cx, j, floor)?;
    let mut head = j;
    // "Transport ministers from five Danube countries agreed", "Experts on North Korea and
    // nuclear weapons said": the people before the preposition speak, not what their
    // phrase goes on about ("and" joins two things it is about).
    let mut p = s;
    for _ in 0..3 {
        if p > floor && (doc.tokens[p - 1].kind == Kind::Number || doc.has(p - 1, lexicon::F_NUMBER_WORDS)) {
            p -= 1;
        }
        if p <= floor + 1 || !doc.is_word(p - 2) {
            break;
        }
        if matches!(doc.lower(p - 1), "of" | "from" | "on" | "at" | "in" | "with" | "for")
            && (!doc.tokens[p - 2].cap || p - 2 == floor)
            && doc.has(p - 2, lexicon::F_ROLE_NOUNS)
            && let Some(s2) = np_left(cx, p - 2, floor)
        {
            s = s2;
            head = p - 2;
            break;
        }
        match (doc.lower(p - 1), np_left(cx, p - 2, floor)) {
            ("and" | "or", Some(s2)) => p = s2,
            _ => break,
        }
    }
    // "46 percent of voters said", "Nearly eight of 10 voters said": the share is part of the
    // speaker.
    let after_of = if s > floor + 1 && doc.lower(s - 1) == "of" { share_start(cx, s - 2, floor) } else { None };
    let share = after_of.or_else(|| if doc.tokens[s].kind == Kind::Number { share_start(cx, s, floor) } else { None });
    if let Some((s2, _)) = share {
        s = s2;
    }
    // "Trump and Ryan issued a statement describing …": the statement's authors speak.
    if matches!(doc.lower(head), "statement" | "release" | "letter")
        && s > floor
        && matches!(doc.lower(s - 1), "issued" | "released" | "sent" | "put")
        && let Some(mi) = clause_subject(cx, floor, s)
    {
        return Some((mi, cx.ments.list[mi].tok));
    }
    let mi = speaker_mention(cx, s, j + 1, head);
    Some((mi, (s, j + 1)))
}

/// Where a share of a group ending at `j` starts, and the word that names the share: "two in
/// three", "one out of five", "46 percent", "a majority", "most of them", with the hedges before
/// it ("about", "nearly", "more than"). A bare number is not a share ("In 2016 …").
fn share_start(cx: &Ctx, j: usize, floor: usize) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let words = &cx.lex.attribution_words;
    let number = |k: usize| doc.tokens[k].kind == Kind::Number || doc.has(k, lexicon::F_NUMBER_WORDS);
    let share = |k: usize| words.shares.contains(doc.lower(k));
    let mut k = j;
    // "most of them", "two of those".
    if matches!(doc.lower(k), "them" | "us" | "those") && k >= floor + 2 && doc.lower(k - 1) == "of" {
        k -= 2;
    }
    let mut s = if number(k) && k >= floor + 2 && matches!(doc.lower(k - 1), "in" | "of") && number(k - 2) {
        k - 2
    } else if number(k) && k >= floor + 3 && doc.lower(k - 1) == "of" && doc.lower(k - 2) == "out" && number(k - 3) {
        k - 3
    } else if share(k) && doc.is_word(k) || doc.lower(k) == "%" {
        if k > floor && number(k - 1) { k - 1 } else { k }
    } else {
        return None;
    };
    // "%" alone, a number before it.
    if !doc.is_word(s) {
        return None;
    }
    let mut steps = 0;
    while s > floor && steps < 3 && words.share_hedges.contains(doc.lower(s - 1)) {
        s -= 1;
        steps += 1;
    }
    Some((s, k))
}

/// "Barkley, who said …", "voters who said …": after a noun phrase (and its comma) the relative
/// pronoun at `who` is the speaker, and refers to that phrase when it is a mention.
fn relative_antecedent(cx: &mut Ctx, who: usize, floor: usize) -> Option<(usize, (usize, usize))> {
    let doc = cx.doc;
    let mut h = who.checked_sub(1)?;
    if doc.is_punct(h, ',') {
        h = h.checked_sub(1)?;
    }
    if h < floor {
        return None;
    }
    np_left(cx, h, floor)?;
    let mi = speaker_mention(cx, who, who + 1, who);
    Some((mi, (who, who + 1)))
}

/// Subject right after a cue ("said Smith", "said the minister", "according to officials").
pub(super) fn subject_right(cx: &mut Ctx, from: usize, limit: usize) -> Option<(usize, usize)> {
    let doc = cx.doc;
    let t = doc.tokens.get(from)?;
    if from >= limit || t.kind == Kind::Punct || cx.ments.tok_quote.has(from) {
        return None;
    }
    let w = doc.lower(from);
    if matches!(w, "he" | "she" | "they" | "we" | "i") {
        let mi = speaker_mention(cx, from, from + 1, from);
        return Some((mi, from + 1));
    }
    // Walk to the end of the phrase: words until punctuation, a verb or a clause word.
    let mut e = from;
    let mut head = from;
    let mut past_of = false;
    while e < limit && e < from + 8 {
        // "the email", "a new report": after a determiner a cue word is a noun.
        let after_det = e > from
            && (doc.has(e - 1, lexicon::F_PERSON_DET)
                || doc.is_word(e - 1) && !doc.has(e - 1, lexicon::F_FUNCTION_WORDS | lexicon::F_CUE));
        let tw = doc.lower(e);
        let tt = doc.tokens[e];
        if tt.kind == Kind::Punct {
            if tw == "." && e > from && lex_abbrev(cx, e) {
                e += 1;
                continue;
            }
            break;
        }
        if e > from
            && (matches!(
                tw,
                "that"
                    | "who"
                    | "which"
                    | "in"
                    | "on"
                    | "at"
                    | "during"
                    | "when"
                    | "after"
                    | "before"
                    | "to"
                    | "and"
                    | "but"
                    | "while"
            ) || doc.has(e, lexicon::F_CUE) && !tt.cap && !after_det
                || doc.has(e, lexicon::F_AUX))
        {
            break;
        }
        let function = doc.has(e, lexicon::F_FUNCTION_WORDS);
        if !function || doc.has(e, lexicon::F_PERSON_DET) || matches!(tw, "of" | "for") {
            if matches!(tw, "of" | "for") && e > from {
                // "Mr. Morgan of the Sierra Club": the head comes before "of".
                past_of = true;
            }
            if !function && !past_of {
                head = e;
            }
        } else {
            break;
        }
        e += 1;
    }
    if e == from || doc.has(head, lexicon::F_FUNCTION_WORDS) {
        return None;
    }
    // "according to Afghan Ambassador to the United States Hamdullah Mohib": a title whose
    // complement stopped the walk still leads to the name written after it.
    if let Some(ti) = cx.tok_ment.get(head)
        && cx.ments.list[ti].kind == MKind::Title
        && let Some(ni) = cx.tok_ment.get(cx.ments.list[ti].tok.1)
        && cx.ments.list[ni].title == Some(ti)
    {
        return Some((ni, cx.ments.list[ni].tok.1));
    }
    // Prefer the name mention at the head when the phrase is "Sen. John McCain".
    let mi = speaker_mention(cx, from, e, head);
    Some((mi, e))
}

/// The subject opening the clause at `ss` when a later coordinated verb is the cue: a pronoun
/// or the name of a person or an organisation, followed by a word.
pub(super) fn clause_subject(cx: &mut Ctx, ss: usize, limit: usize) -> Option<usize> {
    let doc = cx.doc;
    let mut s = ss;
    while s < limit && doc.tokens[s].kind == Kind::Punct {
        s += 1;
    }
    // "In a brief interview, Ms. Conway rejected … and said": past an opening phrase to its comma.
    if s < limit
        && doc.has(s, lexicon::F_FUNCTION_WORDS)
        && !doc.has(s, lexicon::F_PRONOUNS | lexicon::F_PERSON_DET)
        && let Some(c) = (s + 1..(s + 12).min(limit)).find(|&j| doc.is_punct(j, ','))
    {
        s = c + 1;
    }
    if s + 1 >= limit || cx.ments.tok_quote.has(s) {
        return None;
    }
    if matches!(doc.lower(s), "he" | "she" | "they" | "we" | "i") {
        return Some(speaker_mention(cx, s, s + 1, s));
    }
    // "Ms. Conway rejected …": a title before the name.
    let mut t = s;
    while t + 1 < limit
        && cx.tok_ment.get(t).is_none()
        && (doc.tokens[t].cap && doc.has(t, lexicon::F_TITLE_WORDS | lexicon::F_ABBREVIATIONS) || doc.is_punct(t, '.'))
    {
        t += 1;
    }
    if t > s && cx.tok_ment.get(t).is_some() {
        s = t;
    }
    let verb_like =
        |j: usize| !doc.tokens[j].cap && (doc.has(j, lexicon::F_CUE | lexicon::F_AUX) || doc.lower(j).ends_with("ed"));
    // The first verb of the clause, regular or not ("left", "met").
    let first_verb =
        |j: usize| verb_like(j) || doc.is_word(j) && !doc.tokens[j].cap && !doc.has(j, lexicon::F_FUNCTION_WORDS);
    // "Democrats met on Monday and said": a party's or a nation's people, named in the plural.
    let group = |m: &Ment| m.label == "NORP" && doc.lower(m.tok.1 - 1).ends_with('s');
    // "Democratic presidential nominee Hillary Clinton chimed in …": a nationality or party and a
    // title before the name.
    if let Some(mi) = cx.tok_ment.get(s)
        && cx.ments.list[mi].label == "NORP"
        && !group(&cx.ments.list[mi])
    {
        let after = cx.ments.list[mi].tok.1;
        let title_word = |j: usize| {
            doc.is_word(j) && !verb_like(j) && !doc.has(j, lexicon::F_FUNCTION_WORDS) && cx.tok_ment.get(j).is_none()
        };
        let name = (after..(after + 4).min(limit)).find(|&j| !title_word(j));
        if let Some(n) = name.filter(|&n| n > after)
            && let Some(pi) = cx.tok_ment.get(n)
            && cx.ments.list[pi].tok.0 == n
            && cx.ments.list[pi].label == "PERSON"
        {
            s = n;
        }
    }
    if let Some(mi) = cx.tok_ment.get(s) {
        let m = &cx.ments.list[mi];
        let named = m.kind == MKind::Name && (matches!(m.label, "PERSON" | "MISC" | "ORG") || group(m));
        let fits = m.tok.0 == s && m.tok.1 < limit && doc.is_word(m.tok.1);
        // "The mayor rejected the offer, saying …": a role right before the first verb; so is a
        // speaker phrase an earlier cue of the sentence found ("A campaign spokesman criticized
        // the route and said …").
        let role = matches!(m.kind, MKind::Role | MKind::Other) && fits && first_verb(m.tok.1);
        return (fits && (named || role)).then_some(mi);
    }
    // "Critics attacked the decision, arguing …": people named by their role, in the plural.
    if doc.tokens[s].cap && doc.lower(s).ends_with('s') && doc.has(s, lexicon::F_ROLE_NOUNS) && first_verb(s + 1) {
        return Some(speaker_mention(cx, s, s + 1, s));
    }
    // "A spokesman for the mayor defended the route and said …": a determiner and a role noun
    // (or an organisation's head), then the first verb.
    if !doc.has(s, lexicon::F_PERSON_DET) {
        return None;
    }
    // "The Arizona Republican survived … and says": a party's or nation's member, one person.
    let member = |j: usize| {
        cx.tok_ment.get(j).is_some_and(|mi| cx.ments.list[mi].label == "NORP" && cx.ments.list[mi].tok.1 == j + 1)
            && !doc.lower(j).ends_with('s')
    };
    let role =
        |j: usize| doc.has(j, lexicon::F_ROLE_NOUNS | lexicon::F_PERSON_ROLES | lexicon::F_ORG_HEADS) || member(j);
    let verb = (s + 2..(s + 5).min(limit)).find(|&j| !doc.is_word(j) || verb_like(j))?;
    let phrase_ok = doc.is_word(verb) && (s + 1..verb).any(role) && role(verb - 1);
    phrase_ok.then(|| speaker_mention(cx, s, verb, verb - 1))
}

/// Where a phrase of time or occasion ending at `end` starts ("during the plenary meeting",
/// "amid the protests"): its preposition, with only lower-case words after it and a word before.
fn occasion_phrase_start(doc: &Doc, end: usize, floor: usize) -> Option<usize> {
    let k = (end.saturating_sub(5).max(floor + 1)..end)
        .rev()
        .find(|&k| matches!(doc.lower(k), "during" | "amid" | "amidst" | "throughout" | "following"))?;
    let plain = (k + 1..=end).all(|x| doc.is_word(x) && !doc.tokens[x].cap);
    (plain && doc.is_word(k - 1)).then_some(k)
}

/// A person name opening the sentence at `ss` (after "As" or opening punctuation) and followed by
/// a comma before `limit`.
pub(super) fn sentence_subject(cx: &Ctx, ss: usize, limit: usize) -> Option<usize> {
    let doc = cx.doc;
    let mut s = ss;
    while s < limit && (doc.tokens[s].kind == Kind::Punct || doc.lower(s) == "as") {
        s += 1;
    }
    let mi = cx.tok_ment.get(s)?;
    let m = &cx.ments.list[mi];
    let person = m.kind == MKind::Name && matches!(m.label, "PERSON" | "MISC");
    let after = m.tok.1;
    (person && m.tok.0 == s && after < limit && doc.is_punct(after, ',')).then_some(mi)
}

/// Whether the words `[s, e)` before a colon are a heading or a label rather than a source:
/// "KEEPING SCORE:", "JAPAN ECONOMY:", "FIX IS IN:", "The Latest:". A source before a colon is a
/// name ("CLINTON:", "Hillary Clinton:", "SEN. SANDERS:", "WHITE HOUSE:") or a role.
pub(super) fn heading_label(cx: &Ctx, s: usize, e: usize) -> bool {
    let doc = cx.doc;
    let words: Vec<usize> = (s..e).filter(|&j| doc.is_word(j)).collect();
    if words.len() < 2 {
        return false;
    }
    let known_name = cx.lex.names.contains_key(&lexicon::name_key(&super::super::slice(
        &doc.chars,
        doc.tokens[s].start(),
        doc.tokens[e - 1].end(),
    )));
    let person_word =
        |j: usize| doc.has(j, lexicon::F_GIVEN_NAMES | lexicon::F_ABBREVIATIONS | lexicon::F_PERSON_ROLES);
    // Several words in capitals: a heading, unless a given name or a title makes it a person's name.
    let all_caps = words.iter().all(|&j| {
        let w = doc.chars.get(doc.tokens[j].start()..doc.tokens[j].end()).unwrap_or(&[]);
        w.iter().filter(|c| c.is_alphabetic()).count() >= 2 && !w.iter().any(|c| c.is_lowercase())
    });
    if all_caps && !known_name && !words.iter().any(|&j| person_word(j)) {
        return true;
    }
    // "The Latest:", "The Ninth Circle:": a description with an article whose head names neither a
    // role nor an organisation.
    let head = words[words.len() - 1];
    doc.lower(s) == "the"
        && !known_name
        && !doc.has(head, lexicon::F_ROLE_NOUNS | lexicon::F_PERSON_ROLES | lexicon::F_ORG_HEADS)
        // A gazetteer name ending the label ("The Associated Press") is a source.
        && cx.tok_ment.get(head).is_none_or(|mi| cx.ments.list[mi].canonical.is_none())
}
