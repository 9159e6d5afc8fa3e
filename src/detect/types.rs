//! Attribution types: statement, belief/intent, evidence or question, from the cue's class in
//! the lexicon (`assets/lexicon/attribution_types.txt`, `cue_verbs.txt`).
//!
//! One function types the detector's attributions, the gold's when scoring, and the quotations of
//! older project files, so all three agree on what a statement is. It reads words only: the cue,
//! the head of the source and whether the content asks.

use super::lexicon::{self, name_key};
use crate::model::AttributionType;

/// Why an attribution has its type, as shown to the analyst.
pub type TypeReason = &'static str;

/// The type a cue gives an attribution on its own ("said" → statement, "believes" → belief,
/// "found" → evidence, "asked" → question), or `None` when no word of it is in the lexicon.
pub fn cue_attribution_type(cue: &str) -> Option<AttributionType> {
    lexicon::get().cue_type(&name_key(cue.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// The type of an attribution with cue words `cue`, source words `source` and content `content`,
/// and why. No cue (a quotation continuing a passage, a `Name:` line) or a cue the lexicon does not
/// know makes a statement.
pub fn attribution_type(cue: Option<&str>, source: Option<&str>, content: &str) -> (AttributionType, TypeReason) {
    classify(cue.and_then(cue_attribution_type), source.is_some_and(document_source), asks(content))
}

/// The type from what [`attribution_type`] reads: the cue's own type, whether the source is a
/// document or data, whether the content asks. (The detector computes the three from its tokens.)
pub(crate) fn classify(cue: Option<AttributionType>, document: bool, asks: bool) -> (AttributionType, TypeReason) {
    let Some(ty) = cue else {
        return if document {
            (AttributionType::Evidence, "evidence: the source is a document or data")
        } else {
            (AttributionType::Statement, "statement: reported speech")
        };
    };
    match ty {
        AttributionType::Statement if document => {
            (AttributionType::Evidence, "evidence: the source is a document or data")
        }
        AttributionType::Statement => (AttributionType::Statement, "statement: a verb of saying"),
        AttributionType::Belief => (AttributionType::Belief, "belief/intent: a verb of thinking or intention"),
        AttributionType::Evidence => (AttributionType::Evidence, "evidence: a verb of finding or seeming"),
        AttributionType::Question if asks => (AttributionType::Question, "question: the quotation asks"),
        AttributionType::Question => (AttributionType::Statement, "statement: a request (asked … to …)"),
    }
}

/// Words that open an indirect question ("asked whether …").
pub(crate) fn question_word(w: &str) -> bool {
    matches!(w, "whether" | "if" | "why" | "how" | "what" | "when" | "where" | "who" | "whom" | "which")
}

/// Whether the source's head (its last word) names a document, a study or data ("a new report",
/// "city documents"); a name ("Reuters", "The Report Group") is not one.
fn document_source(source: &str) -> bool {
    let key = name_key(source);
    let Some(head) = key.rsplit(' ').next() else { return false };
    let capitalised =
        source.split_whitespace().last().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    !capitalised && lexicon::get().document_sources.contains(head.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether reported content asks: it ends with a question mark (inside or before its closing
/// mark), or it is an indirect question ("whether …", "if …", "why …").
fn asks(content: &str) -> bool {
    let t = content.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '”' | '"' | '’' | '\'' | '»' | ')'));
    if t.ends_with('?') {
        return true;
    }
    let first =
        content.split(|c: char| !c.is_alphanumeric() && c != '\'').find(|w| !w.is_empty()).unwrap_or("").to_lowercase();
    question_word(&first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttributionType::*;

    fn ty(cue: &str, source: &str, content: &str) -> AttributionType {
        attribution_type(Some(cue), Some(source), content).0
    }

    #[test]
    fn the_cue_decides_the_type() {
        assert_eq!(ty("said", "Smith", "the plan was dead"), Statement);
        assert_eq!(ty("according to", "officials", "the plan was dead"), Statement);
        assert_eq!(ty("believes", "Smith", "the plan is dead"), Belief);
        assert_eq!(ty("wants", "Smith", "to end the plan"), Belief);
        assert_eq!(ty("supports", "Smith", "the plan"), Belief);
        assert_eq!(ty("found", "the court", "the plan was unlawful"), Evidence);
        assert_eq!(ty("seemed", "Smith", "to back the plan"), Evidence);
        assert_eq!(attribution_type(None, Some("he"), "“We will win.”").0, Statement);
    }

    #[test]
    fn a_document_source_makes_evidence() {
        assert_eq!(ty("says", "a new report", "emissions rose"), Evidence);
        assert_eq!(ty("according to", "city documents", "the cost doubled"), Evidence);
        assert_eq!(ty("says", "the mayor", "the cost doubled"), Statement);
        // A name ending in such a word is an organisation, not a document.
        assert_eq!(ty("said", "Consumer Reports", "the car is safe"), Statement);
    }

    #[test]
    fn a_question_verb_asks_only_when_its_content_asks() {
        assert_eq!(ty("asked", "Smith", "whether the plan was dead"), Question);
        assert_eq!(ty("asked", "Smith", "“Why now?”"), Question);
        assert_eq!(ty("asked", "Smith", "voters to back the plan"), Statement);
        // A direct quotation ending in a question mark with a verb of saying stays a statement.
        assert_eq!(ty("said", "Smith", "“Why now?”"), Statement);
    }
}
