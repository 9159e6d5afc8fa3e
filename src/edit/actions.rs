//! User actions as edits. Each function reads the project and returns the [`Edit`] that carries
//! the action out (or `None` when there is nothing to do), leaving application and undo to
//! [`super::History`].

use super::Edit;
use crate::model::{AnnId, Annotation, DocId, Entity, EntityId, Layer, Origin, Project, Span, Status};

/// Sets the status of the given annotations. Accepting a quote also accepts its speaker and cue,
/// so one keystroke confirms the whole attribution.
pub fn set_status(project: &Project, ids: &[AnnId], status: Status) -> Option<Edit> {
    let mut targets: Vec<AnnId> = ids.to_vec();
    if status == Status::Accepted {
        for id in ids {
            if let Some(a) = project.annotation(*id).filter(|a| a.layer == Layer::Quote) {
                targets.extend(a.links.speaker);
                targets.extend(a.links.cue);
            }
        }
    }
    targets.sort();
    targets.dedup();
    let edits: Vec<Edit> = targets
        .iter()
        .filter_map(|id| project.annotation(*id))
        .filter(|a| a.status != status)
        .map(|a| Edit::PutAnnotation(Box::new(Annotation { status, ..a.clone() })))
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// A new analyst-made annotation (accepted: the analyst made it on purpose).
pub fn create(project: &Project, doc: DocId, span: Span, layer: Layer, label: &str) -> Edit {
    let id = project.next_ann_id();
    Edit::PutAnnotation(Box::new(Annotation::new(id, doc, span, layer, label, Status::Accepted, Origin::Analyst)))
}

/// Deletes annotations and clears every link that pointed at them.
pub fn delete(project: &Project, ids: &[AnnId]) -> Option<Edit> {
    let mut edits = Vec::new();
    for a in &project.annotations {
        if ids.contains(&a.id) {
            continue;
        }
        let mut links = a.links.clone();
        for slot in [&mut links.speaker, &mut links.cue, &mut links.part_of] {
            if slot.is_some_and(|t| ids.contains(&t)) {
                *slot = None;
            }
        }
        if links != a.links {
            edits.push(Edit::PutAnnotation(Box::new(Annotation { links, ..a.clone() })));
        }
    }
    edits.extend(ids.iter().filter(|id| project.annotation(**id).is_some()).map(|id| Edit::RemoveAnnotation(*id)));
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Changes one annotation with `change`; an analyst's change to a suggestion accepts it.
pub fn modify(project: &Project, id: AnnId, change: impl FnOnce(&mut Annotation)) -> Option<Edit> {
    let old = project.annotation(id)?;
    let mut new = old.clone();
    change(&mut new);
    if new == *old {
        return None;
    }
    if new.status == Status::Suggested && (new.span != old.span || new.label != old.label) {
        new.status = Status::Accepted;
    }
    Some(Edit::PutAnnotation(Box::new(new)))
}

/// Moves every mention of `from` to `into`, keeps `from`'s names as aliases, and removes `from`.
pub fn merge_entities(project: &Project, into: EntityId, from: EntityId) -> Option<Edit> {
    if into == from {
        return None;
    }
    let target = project.entity(into)?;
    let source = project.entity(from)?;
    let mut merged: Entity = target.clone();
    merged.aliases.push(source.name.clone());
    merged.aliases.extend(source.aliases.iter().cloned());
    merged.aliases.retain(|a| *a != merged.name);
    merged.aliases.sort();
    merged.aliases.dedup();
    let mut edits = vec![Edit::PutEntity(merged)];
    for a in project.annotations.iter().filter(|a| a.links.entity == Some(from)) {
        let mut moved = a.clone();
        moved.links.entity = Some(into);
        edits.push(Edit::PutAnnotation(Box::new(moved)));
    }
    edits.push(Edit::RemoveEntity(from));
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{Document, Links};

    fn project() -> Project {
        let mut p = Project::default();
        p.documents.push(Document::new(DocId(1), "t", "“We will win,” he said."));
        let mk = |id, s, e, layer, label: &str| {
            Annotation::new(
                AnnId(id),
                DocId(1),
                Span::new(s, e).unwrap(),
                layer,
                label,
                Status::Suggested,
                Origin::Detector { rule: "test".into(), reason: "test".into() },
            )
        };
        let mut quote = mk(1, 0, 14, Layer::Quote, "DIRECT");
        quote.links = Links { speaker: Some(AnnId(2)), cue: Some(AnnId(3)), ..Links::default() };
        p.put_annotation(quote);
        p.put_annotation(mk(2, 15, 17, Layer::Speaker, "SPEAKER"));
        p.put_annotation(mk(3, 18, 22, Layer::Cue, "CUE"));
        p
    }

    #[test]
    fn accepting_a_quote_accepts_its_speaker_and_cue_and_undoes() {
        let mut p = project();
        let before = p.clone();
        let mut h = History::default();
        let edit = set_status(&p, &[AnnId(1)], Status::Accepted).unwrap();
        h.apply(&mut p, "Accept", edit).unwrap();
        assert!(p.annotations.iter().all(|a| a.status == Status::Accepted));
        assert!(h.is_dirty());
        h.undo(&mut p);
        assert_eq!(p, before);
        assert!(!h.is_dirty());
        h.redo(&mut p);
        assert!(p.annotations.iter().all(|a| a.status == Status::Accepted));
    }

    #[test]
    fn delete_clears_links() {
        let mut p = project();
        let mut h = History::default();
        let edit = delete(&p, &[AnnId(2)]).unwrap();
        h.apply(&mut p, "Delete", edit).unwrap();
        assert!(p.annotation(AnnId(2)).is_none());
        assert_eq!(p.annotation(AnnId(1)).unwrap().links.speaker, None);
    }

    #[test]
    fn out_of_range_span_is_refused_and_batch_rolls_back() {
        let mut p = project();
        let before = p.clone();
        let bad = Annotation { span: Span::new(0, 999).unwrap(), ..p.annotation(AnnId(3)).unwrap().clone() };
        let batch = Edit::Batch(vec![
            set_status(&p, &[AnnId(2)], Status::Rejected).unwrap(),
            Edit::PutAnnotation(Box::new(bad)),
        ]);
        assert!(crate::edit::apply(&mut p, batch).is_err());
        assert_eq!(p, before);
    }
}
