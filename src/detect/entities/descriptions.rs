//! Descriptions: pronouns, role phrases ("the minister") and definite descriptions ("the
//! festival") that coreference may resolve to a name.

use super::{MKind, Ment, ment};
use crate::detect::lexicon;
use crate::detect::tokens::{Doc, Kind};

/// The mention for pronoun `w` at token `i` (`inside` a quotation or not), if it is one that can
/// refer to a person or a thing; "we" and "I" count only inside quotations.
pub(super) fn pronoun_mention(doc: &Doc, i: usize, w: &str, inside: bool) -> Option<Ment> {
    if matches!(w, "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself") {
        Some(ment(doc, i, i + 1, "PERSON", MKind::Pronoun, "pronoun"))
    } else if matches!(w, "it" | "its" | "they" | "them" | "their")
        || matches!(w, "we" | "us" | "our" | "ours") && inside
    {
        // Unresolved, "they said" is more likely people than an organisation.
        let label = if w.starts_with("it") { "ORG" } else { "PERSON" };
        Some(ment(doc, i, i + 1, label, MKind::Neuter, "pronoun"))
    } else if matches!(w, "i" | "me" | "my" | "myself") && inside {
        Some(ment(doc, i, i + 1, "PERSON", MKind::SelfRef, "first person inside a quotation"))
    } else {
        None
    }
}

/// "the Russian top diplomat": a determiner, up to three modifiers, a role noun. Returns the end.
pub(super) fn role_phrase(doc: &Doc, i: usize) -> Option<usize> {
    let sent = doc.tokens.get(i)?.sent();
    for e in i + 1..(i + 5).min(doc.tokens.len()) {
        let t = doc.tokens[e];
        if t.sent() != sent || t.kind != Kind::Word {
            return None;
        }
        if doc.has(e, lexicon::F_PERSON_ROLES) {
            // Not "the minister's" and not part of a longer noun ("the president elect").
            return Some(e + 1);
        }
        if doc.has(e, lexicon::F_FUNCTION_WORDS | lexicon::F_CUE) {
            return None;
        }
    }
    None
}

/// "the festival", "the Afghan team", "this science competition": a determiner, up to three
/// modifiers and a head from the `[nominal]` list, not followed by "of" (which would make it a
/// different thing: "the city of …" is handled as a name). Returns the end.
pub(super) fn nominal_phrase(doc: &Doc, i: usize) -> Option<usize> {
    let sent = doc.tokens.get(i)?.sent();
    for e in i + 1..(i + 5).min(doc.tokens.len()) {
        let t = doc.tokens[e];
        if t.sent() != sent || t.kind != Kind::Word || t.cap && doc.has(e, lexicon::F_NOMINAL) {
            return None;
        }
        if doc.has(e, lexicon::F_NOMINAL) {
            let next = doc.lower(e + 1);
            // Not a modifier of a longer noun ("the country music star"), not "the city of …".
            // A speech verb or a past tense after it is a verb, not a noun ("the museum said", "the
            // event drew").
            let verb = doc.has(e + 1, lexicon::F_CUE) || next.len() > 4 && next.ends_with("ed");
            if doc.is_word(e + 1)
                && next != "'s"
                && !verb
                && !doc.has(e + 1, lexicon::F_FUNCTION_WORDS | lexicon::F_AUX)
                || next == "of"
            {
                return None;
            }
            return Some(e + 1);
        }
        if doc.has(e, lexicon::F_FUNCTION_WORDS | lexicon::F_CUE | lexicon::F_PERSON_ROLES) {
            return None;
        }
    }
    None
}
