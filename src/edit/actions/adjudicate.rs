//! Settling a merged project's conflicts: keep the first analyst's version, the second's, or
//! neither. Each choice is one undoable step that puts the chosen version in place of the
//! annotation standing for the conflict and drops the conflict.

use super::super::Edit;
use crate::model::{Annotation, ConflictId, Project};

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
            first: Version { analyst: "alice".into(), annotation: Some(mine) },
            second: Version { analyst: "bob".into(), annotation: Some(theirs) },
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
