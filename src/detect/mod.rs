//! Detection: text in, suggested quotes, speakers and entities out.
//!
//! A pure, deterministic function of the text ([`detect`]) built as a short pipeline of small
//! single-purpose passes, each in its own module:
//!
//! 1. [`tokens`] splits the text into word and punctuation tokens, sentences and paragraphs
//!    (code-point offsets; lower-cased word forms kept in one arena so lookups never allocate).
//! 2. [`quotes`] pairs quotation marks with a single stack pass (nesting, multi-paragraph quotes,
//!    apostrophes, unbalanced marks) and classifies each top-level span as direct, partial or not
//!    a quotation at all (scare quotes, titles).
//! 3. [`entities`] finds names, titles, places, organisations, dates and numbers from
//!    capitalisation and the gazetteers in `assets/lexicon`.
//! 4. [`attribution`] finds speech cues (verbs with all inflections, multi-word cues, "according
//!    to") and ties each quotation to a cue and a speaker mention; it also extracts indirect speech.
//! 5. [`coref`] groups mentions into entities (surnames, transliterations, acronyms, aliases,
//!    pronouns and role phrases) and records the chain that justified each link.
//!
//! A long text runs through the pipeline in sections of a few dozen kilobytes whose entities are
//! then joined by name ([`sections`]), so its working data stays in cache.
//!
//! Every pass is linear in the text (look-arounds are bounded windows), no pass allocates per
//! character, and nothing here can panic on any input: indices come from the tokenizer and every
//! slice is bounds-checked with `get`.

mod attribution;
mod coref;
mod entities;
mod json;
mod lexicon;
pub mod ner;
mod quotes;
mod sections;
mod tokens;
mod types;

pub use attribution::rules::{ALL as ATTRIBUTION_RULES, Rule};
pub use json::{Json, to_json, write_line};
pub use sections::NameIndex;
pub use types::{TypeReason, attribution_type, cue_attribution_type};

use crate::model::AttributionType;

use serde::Serialize;
use std::borrow::Cow;

/// Why a mention was proposed: nearly always a fixed phrase, so most mentions allocate nothing
/// for it.
pub type Reason = Cow<'static, str>;

/// How a quotation reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words in quotation marks given as the speaker's own (span includes the marks).
    Direct,
    /// A quoted fragment inside reported speech: … to stop “sabotaging” the process.
    Mixed,
    /// Reported speech without quotation marks; the span is the reported content.
    Indirect,
}

impl QuoteKind {
    /// Label name in the schema (`DIRECT`, `MIXED`, `INDIRECT`).
    pub fn label(self) -> &'static str {
        match self {
            QuoteKind::Direct => "DIRECT",
            QuoteKind::Mixed => "MIXED",
            QuoteKind::Indirect => "INDIRECT",
        }
    }
}

/// A quotation or reported content. Offsets are code points, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// Index into [`Detections::mentions`] of the words naming the speaker.
    pub speaker: Option<usize>,
    /// Index into [`Detections::entities`] of who the speaker is.
    pub speaker_entity: Option<usize>,
    /// The cue verb or phrase, `(start, end)`.
    pub cue: Option<(usize, usize)>,
    /// For later parts of a quotation split around its attribution: index of the first part.
    pub part_of: Option<usize>,
    /// Statement, belief/intent, evidence or question, from the cue's class in the lexicon.
    pub attribution: AttributionType,
    /// Why it has that type ("belief/intent: a verb of thinking or intention").
    pub type_reason: TypeReason,
    /// The id of the rule that found it (`attr.indirect.according_to`; see [`ATTRIBUTION_RULES`]).
    pub rule: &'static str,
    /// Why the detector proposes this; [`Detections::quote_reason`] adds how the speaker was
    /// resolved.
    pub reason: String,
}

/// How a mention names its entity: by name ("Sergei Lavrov", "Monday", "42"), by a description
/// ("the minister", "officials") or by a pronoun ("he", "it").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    Name,
    Nominal,
    Pronoun,
}

impl MentionForm {
    pub fn name(self) -> &'static str {
        match self {
            MentionForm::Name => "name",
            MentionForm::Nominal => "nominal",
            MentionForm::Pronoun => "pronoun",
        }
    }
}

/// A mention of an entity, a title or a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// `PERSON`, `ORG`, `GPE`, `LOC`, `NORP`, `MISC` (a name of another kind: an event, a law, a
    /// work), `TITLE`, `DATE`, `TIME`, `MONEY`, `PERCENT`, `QUANTITY` or `CARDINAL`.
    pub label: &'static str,
    /// Index into [`Detections::entities`]; every mention has one (singletons included).
    pub entity: usize,
    /// For pronouns and role phrases: the mention this one was resolved through.
    pub antecedent: Option<usize>,
    /// Name, description or pronoun.
    pub form: MentionForm,
    /// The rule that found it; [`Detections::mention_reason`] adds the chain that resolved it.
    pub reason: Reason,
    /// For a name the entity model typed: its label's probability minus the runner-up's, in
    /// thousandths. Not in the JSON output, which says it in the reason.
    #[serde(skip)]
    pub margin: Option<u16>,
}

/// A real-world thing that one or more mentions refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Equal to the entity's index in [`Detections::entities`].
    pub id: usize,
    pub label: &'static str,
    /// The fullest name it is mentioned by ("Sergei Lavrov").
    pub name: String,
    /// Other surface forms, sorted and unique.
    pub aliases: Vec<String>,
}

/// Everything found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Detections {
    /// In text order.
    pub quotes: Vec<Quote>,
    /// In text order (by start, then longer first).
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

impl Detections {
    /// A mention's reason as shown to the analyst: the rule, and for a pronoun or role phrase the
    /// chain that resolved it ("pronoun: he → the Russian top diplomat → Sergei Lavrov"). Built on
    /// demand, so detection itself never spends time on text nobody reads.
    pub fn mention_reason(&self, text_chars: &[char], mention: usize) -> String {
        let Some(m) = self.mentions.get(mention) else { return String::new() };
        if m.antecedent.is_none() {
            return m.reason.to_string();
        }
        format!("{}: {}", m.reason, self.chain(text_chars, mention))
    }

    /// A quotation's reason as shown to the analyst: the rule, and when the speaker is a pronoun
    /// or role phrase, the chain that resolved it.
    pub fn quote_reason(&self, text_chars: &[char], quote: usize) -> String {
        let Some(q) = self.quotes.get(quote) else { return String::new() };
        match q.speaker.filter(|&s| self.mentions.get(s).is_some_and(|m| m.antecedent.is_some())) {
            Some(s) => format!("{}; speaker {}; {}", q.reason, self.chain(text_chars, s), q.type_reason),
            None => format!("{}; {}", q.reason, q.type_reason),
        }
    }

    /// The chain of mentions a pronoun or role phrase was resolved through, as shown to the analyst:
    /// `he → the Russian top diplomat → Sergei Lavrov`.
    pub fn chain(&self, text_chars: &[char], mention: usize) -> String {
        let mut out = String::new();
        let mut last = 0;
        let mut cur = Some(mention);
        let mut guard = 0;
        while let Some(i) = cur {
            let Some(m) = self.mentions.get(i) else { break };
            if !out.is_empty() {
                out.push_str(" → ");
            }
            let (a, b) = (m.start.min(text_chars.len()), m.end.min(text_chars.len()));
            last = out.len();
            out.extend(&text_chars[a.min(b)..b]);
            cur = m.antecedent;
            guard += 1;
            if guard > 16 {
                break;
            }
        }
        if let Some(e) = self.mentions.get(mention).and_then(|m| self.entities.get(m.entity))
            && out.get(last..) != Some(e.name.as_str())
        {
            if !out.is_empty() {
                out.push_str(" → ");
            }
            out.push_str(&e.name);
        }
        out
    }
}

/// Whether a lower-cased word carries no content of its own (an article, a preposition, a
/// pronoun, an auxiliary), by the lexicon's word classes.
pub fn is_function_word(lower: &str) -> bool {
    lexicon::get().flags(lower) & (lexicon::F_FUNCTION_WORDS | lexicon::F_PRONOUNS | lexicon::F_AUX) != 0
}

/// Whether a lower-cased word is a personal title ("president", "mr"), by the lexicon.
pub fn is_title_word(lower: &str) -> bool {
    lexicon::get().flags(lower) & lexicon::F_TITLE_WORDS != 0
}

/// Runs the whole pipeline on one text, every suggestion with its reason. A long text goes
/// section by section ([`sections`]).
pub fn detect(text: &str) -> Detections {
    detect_with(text, Explain::Names, None)
}

/// What [`detect`] finds, where the entity model's names need no explanation beyond "entity
/// model" (the JSON output and the scorers show no reasons; writing them is a fifth of the
/// model's cost).
pub fn detect_unexplained(text: &str) -> Detections {
    detect_with(text, Explain::Briefly, None)
}

/// Whether the names the entity model types say why in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explain {
    Names,
    Briefly,
}

/// The pipeline with entity model `model` (a project's own, retrained from its reviewed work)
/// in place of the shipped one when given.
pub fn detect_with(text: &str, explain: Explain, model: Option<&ner::Model>) -> Detections {
    let parts = sections::split(text);
    if parts.len() == 1 {
        return detect_section(text, explain, model).0;
    }
    let mut merge = sections::Merge::default();
    for (a, b) in parts {
        let section = text.get(a..b).unwrap_or("");
        let (d, named) = detect_section(section, explain, model);
        merge.add(section, d, &named);
    }
    merge.finish()
}

/// The pipeline on one section, with which of its entities are named.
fn detect_section(text: &str, explain: Explain, model: Option<&ner::Model>) -> (Detections, Vec<bool>) {
    let doc = tokens::Doc::new(text);
    let raw = quotes::find_quotes(&doc);
    let mut ents = entities::find_mentions(&doc, &raw);
    if let Some(model) = model.or(ner::shipped()) {
        ner::apply(&doc, &mut ents, explain, model);
    }
    let attr = attribution::attribute(&doc, &raw, &mut ents);
    coref::resolve(&doc, ents, attr)
}

/// Rearranges `items` in place so that position `k` holds what was at `order[k]` (`order` a
/// permutation of the indices; anything else leaves `items` unchanged). Follows each cycle with
/// swaps: no second copy of a long document's mentions is allocated.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let n = items.len();
    let mut seen = vec![false; n];
    if order.len() != n || !order.iter().all(|&i| i < n && !std::mem::replace(&mut seen[i], true)) {
        return;
    }
    let mut done = vec![false; n];
    for start in 0..n {
        let mut k = start;
        while !done[k] {
            done[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// Puts `items` in the given order (`order[k]` is the index of the item that goes to `k`) and
/// returns where each item went, for re-pointing the indices items hold to one another.
pub(crate) fn reorder<T>(items: &mut [T], order: &[usize]) -> Vec<usize> {
    let mut new_index = vec![0; items.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(x) = new_index.get_mut(old) {
            *x = new;
        }
    }
    permute(items, order);
    new_index
}

/// The text of `start..end` (code points), clamped.
pub(crate) fn slice(chars: &[char], start: usize, end: usize) -> String {
    let end = end.min(chars.len());
    let start = start.min(end);
    chars[start..end].iter().collect()
}

/// The text of `start..end` in a char slice, clamped (shared with the evaluation code).
pub fn slice_pub(chars: &[char], start: usize, end: usize) -> String {
    slice(chars, start, end)
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_follows_every_cycle() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e'];
        // Position k receives what was at order[k]: a 3-cycle, a fixed point and a swap.
        permute(&mut v, &[2, 0, 1, 3, 4]);
        assert_eq!(v, ['c', 'a', 'b', 'd', 'e']);
        let mut w = vec![10, 20, 30, 40];
        permute(&mut w, &[3, 2, 1, 0]);
        assert_eq!(w, [40, 30, 20, 10]);
    }

    #[test]
    fn permute_ignores_what_is_not_a_permutation() {
        let mut v = vec![1, 2, 3];
        permute(&mut v, &[0, 0, 1]);
        permute(&mut v, &[0, 1]);
        permute(&mut v, &[0, 1, 7]);
        assert_eq!(v, [1, 2, 3]);
    }
}
