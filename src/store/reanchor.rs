//! Finding spans again after an article's text was edited outside Sayso. Each annotation's
//! saved words are looked for near where they were, shifted by how far the annotation before
//! it moved (an inserted sentence moves everything after it alike); what cannot be found is
//! reported by name, never silently dropped.

use crate::model::{AnnId, DocId, Document, Project, Span, TextIndex};
use std::collections::{HashMap, HashSet};

/// How far around the expected place to look before searching the whole text.
const WINDOW: usize = 4000;

/// What re-anchoring one document would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub doc: DocId,
    /// Annotations whose words were found elsewhere, with their new spans.
    pub moved: Vec<(AnnId, Span)>,
    /// Annotations whose words are gone from the text: id, label and the words.
    pub lost: Vec<(AnnId, String, String)>,
    /// Annotations still on their words.
    pub kept: usize,
}

impl std::fmt::Display for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "document {}: {} annotation(s) on their words", self.doc, self.kept)?;
        write!(f, ", {} moved to follow their words", self.moved.len())?;
        if !self.lost.is_empty() {
            write!(f, ", {} whose words are gone:", self.lost.len())?;
            for (id, label, text) in &self.lost {
                let short: String = text.chars().take(60).collect();
                let more = if short.len() < text.len() { "…" } else { "" };
                write!(f, "\n  - {id} {label} “{short}{more}”")?;
            }
        }
        Ok(())
    }
}

/// Plans for every document whose text no longer matches its hash and whose annotations no
/// longer all sit on their saved words (`anchors`).
pub fn plan(project: &Project, anchors: &HashMap<AnnId, String>) -> Vec<Plan> {
    project
        .documents
        .iter()
        .filter(|d| !d.hash_matches())
        .map(|doc| plan_document(project, doc, anchors))
        .filter(|p| !p.moved.is_empty() || !p.lost.is_empty())
        .collect()
}

fn plan_document(project: &Project, doc: &Document, anchors: &HashMap<AnnId, String>) -> Plan {
    let mut plan = Plan { doc: doc.id, moved: Vec::new(), lost: Vec::new(), kept: 0 };
    let mut annotations: Vec<_> = project.annotations_of(doc.id).collect();
    annotations.sort_by_key(|a| (a.span.start(), a.id));
    let index = doc.index();
    let len = index.len_chars();
    let mut shift: isize = 0;
    for a in annotations {
        let Some(words) = anchors.get(&a.id).filter(|w| !w.is_empty()) else { continue };
        if a.span.end() <= len && doc.slice(a.span) == words {
            plan.kept += 1;
            shift = 0;
            continue;
        }
        let expected = a.span.start().saturating_add_signed(shift);
        match find_nearest(&doc.text, &index, words, expected) {
            Some(start) => {
                let end = start + words.chars().count();
                shift = start as isize - a.span.start() as isize;
                if let Ok(span) = Span::new(start, end) {
                    plan.moved.push((a.id, span));
                }
            }
            None => plan.lost.push((a.id, a.label.clone(), words.clone())),
        }
    }
    plan
}

/// The start (code points) of the occurrence of `words` closest to `expected`.
fn find_nearest(text: &str, index: &TextIndex, words: &str, expected: usize) -> Option<usize> {
    let nearest = |from_char: usize, to_char: usize| {
        let from = index.byte_of(text, from_char);
        let to = index.byte_of(text, to_char);
        text.get(from..to)?
            .match_indices(words)
            .map(|(b, _)| index.char_of(text, from + b))
            .min_by_key(|&c| c.abs_diff(expected))
    };
    let words_len = words.chars().count();
    nearest(expected.saturating_sub(WINDOW), expected + WINDOW + words_len).or_else(|| nearest(0, usize::MAX))
}

/// Applies plans: moves spans, removes annotations whose words are gone (and links to them),
/// and records the current text's hash so the project is consistent again.
pub fn apply(project: &mut Project, plans: &[Plan]) {
    for plan in plans {
        for &(id, span) in &plan.moved {
            if let Some(a) = project.annotation_mut(id) {
                a.span = span;
            }
        }
        let lost: HashSet<AnnId> = plan.lost.iter().map(|(id, _, _)| *id).collect();
        project.annotations.retain(|a| !lost.contains(&a.id));
        for a in &mut project.annotations {
            for link in [&mut a.links.speaker, &mut a.links.cue, &mut a.links.part_of] {
                if link.is_some_and(|t| lost.contains(&t)) {
                    *link = None;
                }
            }
        }
        if let Some(doc) = project.documents.iter_mut().find(|d| d.id == plan.doc) {
            doc.hash = crate::model::text_hash(&doc.text);
        }
    }
}
