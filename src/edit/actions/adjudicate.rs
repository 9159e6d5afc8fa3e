//! Settling a merged project's conflicts: keep the first analyst's version, the second's, or
//! neither. Each choice is one undoable step that puts the chosen version in place of the
//! annotation (or entity) standing for the conflict and drops the conflict.

use super::super::Edit;
use crate::model::{Annotation, Conflict, ConflictId, Entity, EntityId, Project};

/// Which version of a disputed annotation stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    First,
    Second,
    Neither,
}

impl Choice {
    /// What the step is called in the undo history.
    pub fn title(self) -> &'static str {
        match self {
            Choice::First => "Keep the first version",
            Choice::Second => "Keep the second version",
            Choice::Neither => "Keep neither version",
        }
    }
}

/// Settles conflict `id` with `choice`. Choosing the version that stands in the project keeps it
/// as it stands, with whatever the adjudicator changed in it; the other version replaces it. A
/// chosen version's links to records that no longer exist are dropped, so the result is always a
/// valid project.
pub fn resolve(project: &Project, id: ConflictId, choice: Choice) -> Option<Edit> {
    let conflict = project.conflict(id)?;
    if let Some(entity) = conflict.entity {
        return Some(resolve_entity(project, conflict, entity, choice));
    }
    let standing = if conflict.first.annotation.is_some() { Choice::First } else { Choice::Second };
    if choice == standing && project.annotation(conflict.ann).is_some() {
        return Some(Edit::RemoveConflict(id));
    }
    let chosen = match choice {
        Choice::First => conflict.first.annotation.as_ref(),
        Choice::Second => conflict.second.annotation.as_ref(),
        Choice::Neither => None,
    };
    let mut edits = match chosen {
        Some(version) => vec![Edit::PutAnnotation(Box::new(linkable(project, version, conflict.ann)))],
        None if project.annotation(conflict.ann).is_some() => match super::delete(project, &[conflict.ann]) {
            Some(Edit::Batch(edits)) => edits,
            other => other.into_iter().collect(),
        },
        None => Vec::new(),
    };
    // Deleting the annotation already settles its conflict.
    if !edits.contains(&Edit::RemoveConflict(id)) {
        edits.push(Edit::RemoveConflict(id));
    }
    Some(Edit::Batch(edits))
}

/// Settles an entity's conflict. The first version stands, so keeping it keeps the entity as it
/// stands; keeping the second gives the entity that version's label or name where they were
/// disputed, the standing name joining its aliases (a name is never wrong, only not the canonical one); keeping neither
/// removes the entity, its mentions staying without it. An entity removed since (merged into
/// another) is settled as it is.
fn resolve_entity(project: &Project, conflict: &Conflict, entity: EntityId, choice: Choice) -> Edit {
    let mut edits = Vec::new();
    if let Some(standing) = project.entity(entity) {
        match (choice, conflict.second.entity.as_ref()) {
            (Choice::First, _) | (Choice::Second, None) => {}
            (Choice::Second, Some(version)) => {
                let disputed = |field: &str| conflict.fields.iter().any(|f| f == field);
                let mut chosen: Entity = standing.clone();
                if disputed("entity label") {
                    chosen.label.clone_from(&version.label);
                }
                if disputed("entity name") {
                    chosen.aliases.push(std::mem::replace(&mut chosen.name, version.name.clone()));
                }
                chosen.aliases.extend(version.aliases.iter().cloned());
                chosen.aliases.retain(|n| *n != chosen.name);
                chosen.aliases.sort();
                chosen.aliases.dedup();
                if chosen != *standing {
                    edits.push(Edit::PutEntity(chosen));
                }
            }
            (Choice::Neither, _) => {
                for a in project.annotations.iter().filter(|a| a.links.entity == Some(entity)) {
                    let mut unlinked = a.clone();
                    unlinked.links.entity = None;
                    edits.push(Edit::PutAnnotation(Box::new(unlinked)));
                }
                edits.push(Edit::RemoveEntity(entity));
            }
        }
    }
    edits.push(Edit::RemoveConflict(conflict.id));
    Edit::Batch(edits)
}

/// `version` under id `ann`, without links to annotations, entities or statements the project
/// no longer has.
fn linkable(project: &Project, version: &Annotation, ann: crate::model::AnnId) -> Annotation {
    let mut a = version.clone();
    a.id = ann;
    for slot in [&mut a.links.speaker, &mut a.links.cue, &mut a.links.part_of] {
        if slot.is_some_and(|t| t == ann || project.annotation(t).is_none()) {
            *slot = None;
        }
    }
    if a.links.entity.is_some_and(|e| project.entity(e).is_none()) {
        a.links.entity = None;
    }
    if a.links.statement.is_some_and(|s| project.statement(s).is_none()) {
        a.links.statement = None;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{AnnId, Conflict, DocId, Document, Layer, Origin, Span, Status, Version};

    fn merged() -> Project {
        let mut p = Project::default();
        p.documents.push(Document::new(DocId(1), "t", "Lavrov said no."));
        let mine = Annotation::new(
            AnnId(1),
            DocId(1),
            Span::new(0, 6).unwrap(),
            Layer::Mention,
            "PERSON",
            Status::Accepted,
            Origin::Analyst,
        );
        let theirs = Annotation { label: "ORG".into(), analyst: "bob".into(), ..mine.clone() };
        p.put_annotation(mine.clone());
        p.put_conflict(Conflict {
            id: ConflictId(1),
            doc: DocId(1),
            ann: AnnId(1),
            fields: vec!["label".into()],
            first: Version { analyst: "alice".into(), annotation: Some(mine), entity: None },
            second: Version { analyst: "bob".into(), annotation: Some(theirs), entity: None },
            entity: None,
        });
        p
    }

    #[test]
    fn each_choice_settles_the_conflict_and_undoes() {
        for (choice, label) in [(Choice::First, Some("PERSON")), (Choice::Second, Some("ORG")), (Choice::Neither, None)]
        {
            let mut p = merged();
            p.analyst = "carol".into();
            let before = p.clone();
            let mut h = History::default();
            let edit = resolve(&p, ConflictId(1), choice).unwrap();
            h.apply(&mut p, choice.title(), edit).unwrap();
            assert!(p.conflicts.is_empty());
            assert_eq!(p.annotation(AnnId(1)).map(|a| a.label.as_str()), label);
            if choice == Choice::Second {
                assert_eq!(p.annotation(AnnId(1)).unwrap().analyst, "bob", "the chosen version keeps its author");
            }
            h.undo(&mut p);
            assert_eq!(p, before);
        }
    }

    /// Alice relabelled entity 1 ("Lavrov", mentioned by annotation 1) ORG, Bob GPE and renamed it.
    fn entity_dispute() -> Project {
        use crate::model::{Entity, EntityId};
        let mut p = merged();
        p.conflicts.clear();
        p.annotation_mut(AnnId(1)).unwrap().links.entity = Some(EntityId(1));
        let mine = Entity { id: EntityId(1), label: "ORG".into(), name: "Lavrov".into(), aliases: vec![] };
        let theirs = Entity { label: "GPE".into(), name: "Sergei Lavrov".into(), ..mine.clone() };
        p.put_entity(mine.clone());
        let version = |analyst: &str, e: Entity| Version { analyst: analyst.into(), annotation: None, entity: Some(e) };
        p.put_conflict(Conflict {
            id: ConflictId(1),
            doc: DocId(1),
            ann: AnnId(1),
            fields: vec!["entity label".into(), "entity name".into()],
            first: version("alice", mine),
            second: version("bob", theirs),
            entity: Some(EntityId(1)),
        });
        p
    }

    #[test]
    fn each_choice_settles_an_entitys_conflict_and_undoes() {
        use crate::model::EntityId;
        let expected = [
            (Choice::First, Some(("ORG", "Lavrov", vec![]))),
            (Choice::Second, Some(("GPE", "Sergei Lavrov", vec!["Lavrov".to_string()]))),
            (Choice::Neither, None),
        ];
        for (choice, entity) in expected {
            let mut p = entity_dispute();
            let before = p.clone();
            let mut h = History::default();
            let edit = resolve(&p, ConflictId(1), choice).unwrap();
            h.apply(&mut p, choice.title(), edit).unwrap();
            assert!(p.conflicts.is_empty());
            let got = p.entity(EntityId(1)).map(|e| (e.label.as_str(), e.name.as_str(), e.aliases.clone()));
            assert_eq!(got, entity, "{choice:?}");
            let link = p.annotation(AnnId(1)).unwrap().links.entity;
            assert_eq!(link, entity.map(|_| EntityId(1)), "neither unlinks the mention, which stays");
            h.undo(&mut p);
            assert_eq!(p, before);
        }
    }

    #[test]
    fn deleting_the_mention_an_entitys_conflict_stood_at_leaves_it_to_settle() {
        let mut p = entity_dispute();
        let edit = super::super::delete(&p, &[AnnId(1)]).unwrap();
        crate::edit::apply(&mut p, edit).unwrap();
        assert_eq!(p.conflicts.len(), 1);
        assert_eq!(p.conflicts[0].stands_at(&p), None);
    }

    #[test]
    fn keeping_the_standing_version_keeps_the_adjudicators_edits() {
        let mut p = merged();
        let edit = crate::edit::actions::set_note(&p, AnnId(1), "checked the tape").unwrap();
        crate::edit::apply(&mut p, edit).unwrap();
        let edit = resolve(&p, ConflictId(1), Choice::First).unwrap();
        crate::edit::apply(&mut p, edit).unwrap();
        assert_eq!(p.annotation(AnnId(1)).unwrap().note, "checked the tape");
        assert!(p.conflicts.is_empty());
    }

    #[test]
    fn deleting_a_disputed_annotation_settles_its_conflict() {
        let mut p = merged();
        let edit = super::super::delete(&p, &[AnnId(1)]).unwrap();
        crate::edit::apply(&mut p, edit).unwrap();
        assert!(p.conflicts.is_empty() && p.annotations.is_empty());
    }
}
