//! What one decision teaches about the rest of the project: the analyst's relabel or rejection
//! of a suggestion carries over to its *twins*, the other suggestions with the same words on the
//! same layer (for a mention, also those naming the same entity), in every document. The
//! decision and what it carries over are one edit, so one undo takes back both. Annotations the
//! analyst has reviewed are never touched: only suggestions learn.

use super::Edit;
use crate::model::{AnnId, Annotation, Entity, Layer, Origin, Project, Status};
use serde::{Deserialize, Serialize};

/// The rule named on a suggestion relabelled after the analyst's own label.
pub const RULE: &str = "analyst-label";

/// What rejecting a suggestion does to its identical twins (same words, layer and label).
/// Accepting carries nothing over: a twin may be right here and wrong there, and the analyst
/// who sees it in its own sentence should say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RejectTwins {
    /// Offer to reject them, as a step of its own.
    #[default]
    Ask,
    /// Reject them with the decision, in the same step.
    Apply,
    /// Leave them alone.
    Off,
}

impl RejectTwins {
    pub const ALL: [RejectTwins; 3] = [RejectTwins::Ask, RejectTwins::Apply, RejectTwins::Off];

    /// What the Edit menu says of each choice.
    pub fn title(self) -> &'static str {
        match self {
            RejectTwins::Ask => "Ask before rejecting the same words elsewhere",
            RejectTwins::Apply => "Reject the same words everywhere",
            RejectTwins::Off => "Reject only the one selected",
        }
    }
}

/// Words compared case-folded with their whitespace collapsed: "the  Pacers" and "The Pacers"
/// are twins, whatever line they were wrapped on.
pub use crate::model::normalise;

fn words_of(project: &Project, a: &Annotation) -> Option<String> {
    Some(normalise(project.document(a.doc)?.slice(a.span)))
}

/// The suggestions `id` teaches about on a relabel: on its layer, with its words, or naming its
/// entity in other words ("Indiana Pacers" for "Pacers"). A pronoun linked to the entity is left
/// alone: what "we" refers to is the detector's guess, and a name's type says nothing of it.
fn relabel_twins(project: &Project, id: AnnId) -> Vec<&Annotation> {
    let Some(a) = project.annotation(id) else { return Vec::new() };
    let words = words_of(project, a);
    let named =
        |t: &Annotation| words_of(project, t).is_some_and(|w| !w.split(' ').all(crate::detect::is_function_word));
    project
        .annotations
        .iter()
        .filter(|t| t.id != id && t.status == Status::Suggested && t.origin != Origin::Analyst && t.layer == a.layer)
        .filter(|t| {
            (a.links.entity.is_some() && t.links.entity == a.links.entity && named(t)) || words_of(project, t) == words
        })
        .collect()
}

/// The suggestions identical to `id`: same layer, label and words, still unreviewed.
pub fn identical(project: &Project, id: AnnId) -> Vec<AnnId> {
    let Some(a) = project.annotation(id) else { return Vec::new() };
    let words = words_of(project, a);
    project
        .annotations
        .iter()
        .filter(|t| t.id != id && t.status == Status::Suggested && t.origin != Origin::Analyst)
        .filter(|t| t.layer == a.layer && t.label == a.label && words_of(project, t) == words)
        .map(|t| t.id)
        .collect()
}

/// Relabels `id` as [`super::relabel`] does, and its twins with it: they take the label (and its
/// layer) but stay suggestions, saying why: `as you labelled "Pacers" in <document>`. Also says
/// how many twins were relabelled, for the step's name.
pub fn relabel(project: &Project, id: AnnId, label: &str) -> Option<(Edit, usize)> {
    let decision = super::relabel(project, id, label)?;
    let a = project.annotation(id)?;
    let layer = project.schema.label(label)?.layer.clone();
    let doc = project.document(a.doc)?;
    let reason = format!("as you labelled \"{}\" in {}", doc.slice(a.span), doc.title);
    let mut edits = vec![decision];
    for twin in relabel_twins(project, id).into_iter().filter(|t| t.label != label || t.layer != layer) {
        let origin = Origin::Detector { rule: RULE.to_string(), reason: reason.clone() };
        let relabelled = Annotation { label: label.to_string(), layer: layer.clone(), origin, ..twin.clone() };
        edits.push(Edit::PutAnnotation(Box::new(relabelled)));
    }
    let twins = edits.len() - 1;
    // The entity the mention names is of the kind the analyst just said ("Pacers" an ORG).
    if let Some(entity) = a.links.entity.and_then(|e| project.entity(e)).filter(|e| e.label != label)
        && layer == Layer::Mention
    {
        edits.push(Edit::PutEntity(Entity { label: label.to_string(), ..entity.clone() }));
    }
    Some((Edit::Batch(edits), twins))
}

/// Rejects `ids`, and with [`RejectTwins::Apply`] every suggestion identical to one of them.
pub fn reject(project: &Project, ids: &[AnnId], twins: RejectTwins) -> Option<Edit> {
    let mut all = ids.to_vec();
    if twins == RejectTwins::Apply {
        all.extend(ids.iter().flat_map(|id| identical(project, *id)));
    }
    super::set_status(project, &all, Status::Rejected)
}

/// Rejects the suggestions identical to `id` (the answer to [`RejectTwins::Ask`]).
pub fn reject_identical(project: &Project, id: AnnId) -> Option<Edit> {
    super::set_status(project, &identical(project, id), Status::Rejected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Document, EntityId, Span};

    /// "Pacers" three times (once in capitals with spaces doubled), "Indiana" once,
    /// linked to the team's entity.
    fn project() -> Project {
        let text = "Pacers won. Indiana lost nothing. THE   PACERS? the pacers";
        let mut p = Project::default();
        p.documents.push(Document::new(DocId(1), "Game", text));
        let at = |needle: &str| {
            let s = text.find(needle).unwrap();
            Span::new(s, s + needle.len()).unwrap()
        };
        let det = Origin::Detector { rule: "test".into(), reason: "test".into() };
        for (id, needle) in [(1, "Pacers"), (2, "Indiana"), (3, "THE   PACERS"), (4, "the pacers")] {
            let a = Annotation::new(
                AnnId(id),
                DocId(1),
                at(needle),
                Layer::Mention,
                "PERSON",
                Status::Suggested,
                det.clone(),
            );
            p.put_annotation(a);
        }
        p.put_entity(Entity {
            id: EntityId(1),
            label: "PERSON".into(),
            name: "Indiana Pacers".into(),
            aliases: vec![],
        });
        p.annotation_mut(AnnId(1)).unwrap().links.entity = Some(EntityId(1));
        p.annotation_mut(AnnId(2)).unwrap().links.entity = Some(EntityId(1));
        p
    }

    #[test]
    fn words_are_compared_case_folded_with_spaces_collapsed() {
        assert_eq!(normalise(" THE \n  Pacers "), "the pacers");
        let p = project();
        assert_eq!(identical(&p, AnnId(3)), vec![AnnId(4)]);
        assert!(identical(&p, AnnId(1)).is_empty(), "other words are no twins");
    }

    #[test]
    fn a_relabelled_mention_takes_the_mentions_of_its_entity_along() {
        let mut p = project();
        let (edit, twins) = relabel(&p, AnnId(1), "ORG").unwrap();
        assert_eq!(twins, 1);
        crate::edit::apply(&mut p, edit).unwrap();
        let label = |id| p.annotation(AnnId(id)).unwrap().label.clone();
        assert_eq!([label(1), label(2), label(3)], ["ORG", "ORG", "PERSON"], "same entity, other words");
        assert_eq!(p.entity(EntityId(1)).unwrap().label, "ORG", "the entity is of the new kind too");
    }
}
