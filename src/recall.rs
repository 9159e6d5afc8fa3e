//! New suggestions checked against what the analyst taught ([`crate::model::Memory`]): a name they labelled
//! takes their label, words they rejected arrive rejected (and a quotation does not keep a
//! rejected speaker). Each changed suggestion says so in its reason, and stays a suggestion or
//! a rejection the analyst can overturn. Grouping names under a remembered canonical entity is
//! done as entities are matched ([`crate::suggest::EntityNames::remember`]).

use crate::model::{AnnId, DocId, Document, Layer, Origin, Project, Status};
use std::collections::{HashMap, HashSet};

/// The rule named on a suggestion relabelled by the memory.
pub const LABEL_RULE: &str = "memory.label";
/// The rule named on a suggestion rejected by the memory.
pub const REJECT_RULE: &str = "memory.rejected";

/// Applies the project's memory to the detector's suggestions in `docs`; returns how many it
/// changed. The analyst's own work is left alone. One pass over the annotations, however many
/// documents: `sayso annotate` calls it once for a whole corpus.
pub fn recall(project: &mut Project, docs: &[DocId]) -> usize {
    if project.memory.is_empty() {
        return 0;
    }
    let Project { documents, annotations, schema, memory, .. } = project;
    let wanted: HashSet<DocId> = docs.iter().copied().collect();
    let texts: HashMap<DocId, &Document> =
        documents.iter().filter(|d| wanted.contains(&d.id)).map(|d| (d.id, d)).collect();
    let mut changed = 0;
    let mut rejected_speakers: HashSet<AnnId> = HashSet::new();
    for a in annotations.iter_mut().filter(|a| a.status == Status::Suggested) {
        let Origin::Detector { .. } = a.origin else { continue };
        let Some(words) = texts.get(&a.doc).map(|d| d.slice(a.span)) else { continue };
        if a.layer == Layer::Mention
            && let Some(l) = memory.label_of(words, &a.layer)
            && l.label != a.label
            && schema.label(&l.label).is_some_and(|d| d.layer == a.layer)
        {
            a.label.clone_from(&l.label);
            a.margin = None;
            a.origin = Origin::Detector { rule: LABEL_RULE.into(), reason: format!("as you labelled \"{}\"", l.words) };
            changed += 1;
        }
        if let Some(r) = memory.rejection_of(words, &a.layer, &a.label) {
            a.status = Status::Rejected;
            let reason = format!("as you rejected \"{}\" as {}", r.words, r.label);
            a.origin = Origin::Detector { rule: REJECT_RULE.into(), reason };
            if a.layer == Layer::Speaker {
                rejected_speakers.insert(a.id);
            }
            changed += 1;
        }
    }
    for a in annotations.iter_mut().filter(|a| a.layer == Layer::Quote) {
        if a.links.speaker.is_some_and(|s| rejected_speakers.contains(&s)) {
            a.links.speaker = None;
        }
    }
    changed
}
