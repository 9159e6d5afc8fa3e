//! What a decision teaches the project's [`Memory`], worked out from the edit that carries it
//! out, so every way of deciding (keys, menus, the inspector, bulk actions) teaches alike, and
//! the lesson is part of the same undoable step.
//!
//! Taught: a name the analyst relabels (mention layer), words they reject as a speaker or as a
//! mention's label, and an entity they rename, merge another into, or attach a mention to (its
//! canonical name and aliases). Accepting words once rejected forgets the rejection. Suggestions
//! that stay suggestions (twins relabelled along) teach nothing: no one decided on them. Of an
//! entity's aliases only names are remembered: "she" or "the minister" attached to a person here
//! would pull every pronoun and role phrase of a later article into that person.

use super::Edit;
use crate::model::{Annotation, EntityId, Layer, Memory, Project, Status};
use std::collections::BTreeSet;

/// `edit` with the lessons it teaches appended as one [`Edit::SetMemory`] (unchanged when it
/// teaches nothing).
pub fn learn(project: &Project, edit: Edit) -> Edit {
    let mut flat = Vec::new();
    flatten(&edit, &mut flat);
    // An edit that sets the memory itself (taking in a team's file) is built on.
    let base = flat
        .iter()
        .rev()
        .find_map(|e| match e {
            Edit::SetMemory(m) => Some(&**m),
            _ => None,
        })
        .unwrap_or(&project.memory);
    let mut memory = base.clone();
    let removed: Vec<&str> = flat
        .iter()
        .filter_map(|e| match e {
            Edit::RemoveEntity(id) => project.entity(*id).map(|e| e.name.as_str()),
            _ => None,
        })
        .collect();
    let mut attached = BTreeSet::new();
    for e in &flat {
        if let Edit::PutAnnotation(new) = e
            && let Some(old) = project.annotation(new.id)
        {
            decided(project, old, new, &mut memory);
            if old.links.entity != new.links.entity && new.status != Status::Suggested {
                attached.extend(new.links.entity);
            }
        }
    }
    for e in &flat {
        if let Edit::PutEntity(new) = e
            && let Some(old) = project.entity(new.id)
        {
            let merged = removed.iter().any(|name| new.aliases.iter().any(|a| a == name));
            if old.name != new.name || merged || attached.contains(&new.id) {
                memory.teach_name(&new.label, &new.name, &names_only(&new.aliases));
            }
        }
    }
    // A mention attached to an entity whose names did not change: the entity is confirmed all
    // the same.
    for id in attached.iter().filter(|id| !flat.iter().any(|e| matches!(e, Edit::PutEntity(x) if x.id == **id))) {
        remember_entity(project, *id, &mut memory);
    }
    if memory == *base {
        return edit;
    }
    let step = Edit::SetMemory(Box::new(memory));
    match edit {
        Edit::Batch(mut edits) => {
            edits.push(step);
            Edit::Batch(edits)
        }
        other => Edit::Batch(vec![other, step]),
    }
}

fn flatten<'a>(edit: &'a Edit, out: &mut Vec<&'a Edit>) {
    match edit {
        Edit::Batch(edits) => edits.iter().for_each(|e| flatten(e, out)),
        other => out.push(other),
    }
}

fn remember_entity(project: &Project, id: EntityId, memory: &mut Memory) {
    if let Some(e) = project.entity(id) {
        memory.teach_name(&e.label, &e.name, &names_only(&e.aliases));
    }
}

/// The aliases that are names: their first and last words that are not function words are
/// capitalised ("Porțile de Fier", "UN"), unlike pronouns and descriptions ("she", "the
/// minister", "the Austrian minister").
fn names_only(aliases: &[String]) -> Vec<String> {
    let capital = |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let name = |alias: &&String| {
        let content: Vec<&str> =
            alias.split_whitespace().filter(|w| !crate::detect::is_function_word(&w.to_lowercase())).collect();
        content.first().is_some_and(capital) && content.last().is_some_and(capital)
    };
    aliases.iter().filter(name).cloned().collect()
}

/// The lesson of one annotation's change from `old` to `new`, if the analyst decided on it.
fn decided(project: &Project, old: &Annotation, new: &Annotation, memory: &mut Memory) {
    if new.status == Status::Suggested || old.span != new.span {
        return;
    }
    let Some(words) = project.document(new.doc).map(|d| d.slice(new.span)) else { return };
    let named = matches!(old.layer, Layer::Mention | Layer::Speaker);
    if new.status == Status::Rejected && old.status != Status::Rejected && named {
        memory.teach_rejection(words, &old.layer, &old.label);
    } else if new.status == Status::Accepted && new.layer == Layer::Mention && new.label != old.label {
        memory.teach_label(words, &new.layer, &new.label);
    } else if new.status == Status::Accepted && old.status != Status::Accepted {
        memory.forget_rejection(words, &new.layer, &new.label);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnId, Annotation, DocId, Document, Entity, Origin, Span};

    #[test]
    fn a_pronoun_attached_to_a_person_is_no_name_to_remember() {
        let text = "Sergei Lavrov spoke. She said the minister agreed.";
        let mut p = Project::default();
        p.documents.push(Document::new(DocId(1), "t", text));
        p.put_entity(Entity { id: EntityId(1), label: "PERSON".into(), name: "Sergei Lavrov".into(), aliases: vec![] });
        let det = Origin::Detector { rule: "test".into(), reason: "test".into() };
        for (id, s, e) in [(1, 21, 24), (2, 30, 42)] {
            let span = Span::new(s, e).unwrap();
            p.put_annotation(Annotation::new(
                AnnId(id),
                DocId(1),
                span,
                Layer::Mention,
                "PERSON",
                Status::Suggested,
                det.clone(),
            ));
        }
        let mut h = crate::edit::History::default();
        for id in [1, 2] {
            let edit = crate::edit::actions::attach_entity(&p, AnnId(id), Some(EntityId(1))).unwrap();
            h.apply(&mut p, "Attach", edit).unwrap();
        }
        assert_eq!(p.entity(EntityId(1)).unwrap().aliases, ["She", "the minister"], "the entity lists them");
        assert_eq!(p.memory.names.len(), 1);
        assert!(p.memory.names[0].aliases.is_empty(), "the memory does not: {:?}", p.memory.names);
        assert_eq!(
            names_only(&["Porțile de Fier".into(), "the Austrian minister".into(), "UN".into()]),
            ["Porțile de Fier", "UN"]
        );
    }
}
