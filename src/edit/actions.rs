//! User actions as edits. Each function reads the project and returns the [`Edit`] that carries
//! the action out (or `None` when there is nothing to do), leaving application and undo to
//! [`super::History`].

mod adjudicate;
mod documents;
pub mod memory;
mod quote_parts;
mod statements;
pub mod twins;

pub use adjudicate::{Choice, resolve};
pub use documents::{add_documents, add_documents_with, remove_document, set_document_meta};
pub use quote_parts::{join_quote, middle_cut, split_quote};
pub use statements::{
    confirm_statement, dissolved_by, group_statements, join_statement, leave_statement, suggest_statements,
};

use super::Edit;
use crate::model::{
    AnnId, Annotation, AttributionType, DocId, Entity, EntityId, Layer, Origin, Project, Schema, Span, Status,
};

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

/// Sets the attribution type of the given quotations and of every part of the quotations they
/// belong to (the parts of a split quotation are one attribution). Other layers are left alone.
pub fn set_attribution_type(project: &Project, ids: &[AnnId], ty: AttributionType) -> Option<Edit> {
    let first = |a: &Annotation| a.links.part_of.unwrap_or(a.id);
    let quotations: Vec<AnnId> =
        ids.iter().filter_map(|id| project.annotation(*id)).filter(|a| a.layer == Layer::Quote).map(first).collect();
    let edits: Vec<Edit> = project
        .annotations
        .iter()
        .filter(|a| a.layer == Layer::Quote && quotations.contains(&first(a)) && a.attribution != Some(ty))
        .map(|a| Edit::PutAnnotation(Box::new(Annotation { attribution: Some(ty), ..a.clone() })))
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// A new analyst-made annotation (accepted: the analyst made it on purpose).
pub fn create(project: &Project, doc: DocId, span: Span, layer: Layer, label: &str) -> Edit {
    let id = project.next_ann_id();
    Edit::PutAnnotation(Box::new(Annotation::new(id, doc, span, layer, label, Status::Accepted, Origin::Analyst)))
}

/// Deletes annotations and clears every link that pointed at them; a statement left with one
/// version goes, and so does a conflict the annotation stood for (deleting it settles it: neither
/// version is kept).
pub fn delete(project: &Project, ids: &[AnnId]) -> Option<Edit> {
    let mut edits = Vec::new();
    let dissolved = dissolved_by(project, &ids.iter().copied().collect());
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
        if links.statement.is_some_and(|s| dissolved.contains(&s)) {
            links.statement = None;
        }
        if links != a.links {
            edits.push(Edit::PutAnnotation(Box::new(Annotation { links, ..a.clone() })));
        }
    }
    edits.extend(ids.iter().filter(|id| project.annotation(**id).is_some()).map(|id| Edit::RemoveAnnotation(*id)));
    edits.extend(dissolved.into_iter().map(Edit::RemoveStatement));
    // An entity's conflict outlives the mention it was found at: the entity is still disputed.
    let settled = project.conflicts.iter().filter(|c| c.entity.is_none() && ids.contains(&c.ann));
    edits.extend(settled.map(|c| Edit::RemoveConflict(c.id)));
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

/// Gives an annotation another label, moving it to that label's layer.
pub fn relabel(project: &Project, id: AnnId, label: &str) -> Option<Edit> {
    let layer = project.schema.label(label)?.layer.clone();
    modify(project, id, |a| {
        a.label = label.to_string();
        a.layer = layer;
    })
}

/// Moves an annotation's start or end. Refuses spans that would be empty or leave the text.
pub fn resize(project: &Project, id: AnnId, start: usize, end: usize) -> Option<Edit> {
    let a = project.annotation(id)?;
    let len = project.document(a.doc)?.len_chars();
    let span = Span::new(start, end).ok().filter(|s| s.check_within(len).is_ok())?;
    modify(project, id, |a| a.span = span)
}

/// Replaces an annotation's tags (trimmed, sorted, unique, empty ones dropped).
pub fn set_tags(project: &Project, id: AnnId, tags: &[String]) -> Option<Edit> {
    let mut tags: Vec<String> = tags.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
    tags.sort();
    tags.dedup();
    modify(project, id, |a| a.tags = tags)
}

pub fn set_note(project: &Project, id: AnnId, note: &str) -> Option<Edit> {
    modify(project, id, |a| a.note = note.to_string())
}

/// Links a quote (all parts of a split quotation) to its speaker mention; `None` unlinks.
/// An analyst's link confirms the quote.
pub fn link_speaker(project: &Project, quote: AnnId, speaker: Option<AnnId>) -> Option<Edit> {
    link_quotation(project, quote, |links| &mut links.speaker, speaker)
}

/// Links a quote (all parts of a split quotation) to the cue that introduces it; `None` unlinks.
pub fn link_cue(project: &Project, quote: AnnId, cue: Option<AnnId>) -> Option<Edit> {
    link_quotation(project, quote, |links| &mut links.cue, cue)
}

fn link_quotation(
    project: &Project,
    quote: AnnId,
    slot: fn(&mut crate::model::Links) -> &mut Option<AnnId>,
    target: Option<AnnId>,
) -> Option<Edit> {
    let first = project.annotation(quote)?.links.part_of.unwrap_or(quote);
    let mut along = Vec::new();
    let mut edits: Vec<Edit> = project
        .annotations
        .iter()
        .filter(|a| a.id == first || a.links.part_of == Some(first))
        .filter_map(|a| {
            let mut a = a.clone();
            // Picking the speaker already linked confirms it: the quote is accepted all the same.
            if *slot(&mut a.links) == target && a.status != Status::Suggested {
                return None;
            }
            *slot(&mut a.links) = target;
            if a.status == Status::Suggested {
                a.status = Status::Accepted;
            }
            if a.status == Status::Accepted {
                along.extend(a.links.speaker);
                along.extend(a.links.cue);
            }
            Some(Edit::PutAnnotation(Box::new(a)))
        })
        .collect();
    // Linking accepts the quote; its speaker and cue come along, as when it is accepted by key,
    // so no export drops the cue of a quote the analyst confirmed.
    along.sort();
    along.dedup();
    edits.extend(
        along
            .iter()
            .filter_map(|id| project.annotation(*id))
            .filter(|a| a.status == Status::Suggested)
            .map(|a| Edit::PutAnnotation(Box::new(Annotation { status: Status::Accepted, ..a.clone() }))),
    );
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Makes a mention refer to another entity (`None`: to none). Its words join the entity's
/// aliases, so the entity lists every way the text names it.
pub fn attach_entity(project: &Project, mention: AnnId, entity: Option<EntityId>) -> Option<Edit> {
    let a = project.annotation(mention)?;
    if a.links.entity == entity {
        return None;
    }
    let mut edits = Vec::new();
    if let Some(e) = entity {
        let mut target = project.entity(e)?.clone();
        let words = project.document(a.doc)?.slice(a.span).to_string();
        if words != target.name && !target.aliases.contains(&words) {
            target.aliases.push(words);
            target.aliases.sort();
            edits.push(Edit::PutEntity(target));
        }
    }
    let mut moved = a.clone();
    moved.links.entity = entity;
    if moved.status == Status::Suggested {
        moved.status = Status::Accepted;
    }
    edits.push(Edit::PutAnnotation(Box::new(moved)));
    Some(Edit::Batch(edits))
}

/// Gives an entity another canonical name; the old name stays as an alias.
pub fn rename_entity(project: &Project, id: EntityId, name: &str) -> Option<Edit> {
    let name = name.trim();
    let old = project.entity(id)?;
    if name.is_empty() || name == old.name {
        return None;
    }
    let mut e = old.clone();
    e.aliases.push(std::mem::replace(&mut e.name, name.to_string()));
    e.aliases.retain(|a| a != name);
    e.aliases.sort();
    e.aliases.dedup();
    Some(Edit::PutEntity(e))
}

/// Detaches a mention from its entity into a new entity of the same type, named by its words.
pub fn split_mention(project: &Project, id: AnnId) -> Option<Edit> {
    let a = project.annotation(id)?;
    let old = project.entity(a.links.entity?)?;
    let doc = project.document(a.doc)?;
    let name = doc.slice(a.span).to_string();
    let entity = Entity { id: project.next_entity_id(), label: old.label.clone(), name, aliases: Vec::new() };
    let mut moved = a.clone();
    moved.links.entity = Some(entity.id);
    Some(Edit::Batch(vec![Edit::PutEntity(entity), Edit::PutAnnotation(Box::new(moved))]))
}

/// Accepts every suggestion with `label` in one document.
pub fn accept_all(project: &Project, doc: DocId, label: &str) -> Option<Edit> {
    let ids: Vec<AnnId> = project
        .annotations_of(doc)
        .filter(|a| a.label == label && a.status == Status::Suggested)
        .map(|a| a.id)
        .collect();
    set_status(project, &ids, Status::Accepted)
}

/// Rejects every suggestion that lies inside `span` of one document, and with
/// [`twins::RejectTwins::Apply`] the suggestions identical to them across the project.
pub fn reject_within(project: &Project, doc: DocId, span: Span, twins: twins::RejectTwins) -> Option<Edit> {
    let ids: Vec<AnnId> = project
        .annotations_of(doc)
        .filter(|a| span.contains(a.span) && a.status == Status::Suggested)
        .map(|a| a.id)
        .collect();
    twins::reject(project, &ids, twins)
}

/// Replaces the schema. A label renamed from `old` to `new` carries its annotations along, so
/// nothing is left with a label the schema no longer knows.
pub fn set_schema(project: &Project, schema: Schema, rename: Option<(&str, &str)>) -> Option<Edit> {
    if schema == project.schema {
        return None;
    }
    let mut edits = vec![Edit::SetSchema(Box::new(schema))];
    if let Some((old, new)) = rename {
        for a in project.annotations.iter().filter(|a| a.label == old) {
            edits.push(Edit::PutAnnotation(Box::new(Annotation { label: new.to_string(), ..a.clone() })));
        }
        for e in project.entities.iter().filter(|e| e.label == old) {
            edits.push(Edit::PutEntity(Entity { label: new.to_string(), ..e.clone() }));
        }
    }
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
    fn merge_then_split_and_undo_everything() {
        let mut p = project();
        p.put_entity(Entity { id: EntityId(1), label: "PERSON".into(), name: "Sergei Lavrov".into(), aliases: vec![] });
        p.put_entity(Entity { id: EntityId(2), label: "PERSON".into(), name: "Sergey Lavrov".into(), aliases: vec![] });
        p.annotation_mut(AnnId(2)).unwrap().links.entity = Some(EntityId(2));
        let before = p.clone();
        let mut h = History::default();
        let edit = merge_entities(&p, EntityId(1), EntityId(2)).unwrap();
        h.apply(&mut p, "Merge", edit).unwrap();
        assert!(p.entity(EntityId(2)).is_none());
        assert_eq!(p.entity(EntityId(1)).unwrap().aliases, vec!["Sergey Lavrov".to_string()]);
        assert_eq!(p.annotation(AnnId(2)).unwrap().links.entity, Some(EntityId(1)));
        let edit = split_mention(&p, AnnId(2)).unwrap();
        h.apply(&mut p, "Split", edit).unwrap();
        assert_eq!(p.entity(EntityId(2)).unwrap().name, "he");
        let edit = rename_entity(&p, EntityId(1), "S. Lavrov").unwrap();
        h.apply(&mut p, "Rename", edit).unwrap();
        assert!(p.entity(EntityId(1)).unwrap().aliases.contains(&"Sergei Lavrov".to_string()));
        while h.undo(&mut p).is_some() {}
        assert_eq!(p, before);
    }

    #[test]
    fn setting_a_type_sets_every_part_of_the_quotation_and_undoes() {
        let mut p = project();
        let mut part = p.annotation(AnnId(1)).unwrap().clone();
        part.id = AnnId(4);
        part.links = Links { part_of: Some(AnnId(1)), ..Links::default() };
        p.put_annotation(part);
        let before = p.clone();
        let mut h = History::default();
        // Chosen from the later part: both parts change, the cue does not.
        let edit = set_attribution_type(&p, &[AnnId(4), AnnId(3)], AttributionType::Belief).unwrap();
        h.apply(&mut p, "Type", edit).unwrap();
        let ty = |p: &Project, id| p.annotation(AnnId(id)).unwrap().attribution;
        assert_eq!(
            (ty(&p, 1), ty(&p, 4), ty(&p, 3)),
            (Some(AttributionType::Belief), Some(AttributionType::Belief), None)
        );
        assert!(set_attribution_type(&p, &[AnnId(1)], AttributionType::Belief).is_none(), "nothing to do");
        h.undo(&mut p);
        assert_eq!(p, before);
    }

    #[test]
    fn relabel_resize_tags_and_bulk() {
        let mut p = project();
        let mut h = History::default();
        let edit = relabel(&p, AnnId(1), "INDIRECT").unwrap();
        h.apply(&mut p, "Relabel", edit).unwrap();
        assert_eq!(p.annotation(AnnId(1)).unwrap().status, Status::Accepted, "editing a suggestion accepts it");
        assert!(resize(&p, AnnId(1), 0, 999).is_none(), "cannot leave the text");
        assert!(resize(&p, AnnId(1), 5, 5).is_none(), "cannot be empty");
        let edit = resize(&p, AnnId(1), 1, 13).unwrap();
        h.apply(&mut p, "Resize", edit).unwrap();
        assert_eq!(p.annotation(AnnId(1)).unwrap().span, Span::new(1, 13).unwrap());
        let edit = set_tags(&p, AnnId(1), &[" b".into(), "a".into(), "b".into(), "".into()]).unwrap();
        h.apply(&mut p, "Tags", edit).unwrap();
        assert_eq!(p.annotation(AnnId(1)).unwrap().tags, vec!["a".to_string(), "b".to_string()]);
        let edit = accept_all(&p, DocId(1), "CUE").unwrap();
        h.apply(&mut p, "Accept all", edit).unwrap();
        assert_eq!(p.annotation(AnnId(3)).unwrap().status, Status::Accepted);
        let edit = reject_within(&p, DocId(1), Span::new(14, 23).unwrap(), twins::RejectTwins::Off).unwrap();
        h.apply(&mut p, "Reject", edit).unwrap();
        assert_eq!(p.annotation(AnnId(2)).unwrap().status, Status::Rejected);
    }

    #[test]
    fn renaming_a_label_in_the_schema_relabels_its_annotations_and_undoes() {
        let mut p = project();
        let before = p.clone();
        let mut schema = p.schema.clone();
        schema.labels.iter_mut().find(|l| l.name == "CUE").unwrap().name = "VERB".into();
        let mut h = History::default();
        let edit = set_schema(&p, schema, Some(("CUE", "VERB"))).unwrap();
        h.apply(&mut p, "Rename label", edit).unwrap();
        assert_eq!(p.annotation(AnnId(3)).unwrap().label, "VERB");
        assert!(p.schema.label("VERB").is_some() && p.schema.label("CUE").is_none());
        h.undo(&mut p);
        assert_eq!(p, before);
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
