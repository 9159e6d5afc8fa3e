//! The only code that changes a [`Project`]. Every change is an [`Edit`]; applying one returns
//! its exact inverse, which is what makes undo/redo, the unsaved-changes marker and autosave
//! follow from one place. User actions ("accept", "merge entities") are built in `actions` as
//! batches of these few primitive edits.

pub mod actions;
pub mod diff;
mod history;
mod learn;

pub use history::History;
pub use learn::learn;

use crate::model::{
    AnnId, Annotation, Conflict, ConflictId, DocId, Document, Entity, EntityId, Memory, Project, Schema, Statement,
    StatementId, Status,
};

/// A primitive change. `Put*` inserts or replaces by id.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    PutAnnotation(Box<Annotation>),
    RemoveAnnotation(AnnId),
    PutEntity(Entity),
    RemoveEntity(EntityId),
    SetSchema(Box<Schema>),
    /// Adds a document, or replaces one's metadata (its text never changes).
    PutDocument(Box<Document>),
    /// Removes a document that no annotation points into any more.
    RemoveDocument(DocId),
    PutStatement(Statement),
    RemoveStatement(StatementId),
    PutConflict(Box<Conflict>),
    RemoveConflict(ConflictId),
    /// Replaces what the project remembers of the analyst's decisions.
    SetMemory(Box<Memory>),
    Batch(Vec<Edit>),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("annotation {0} does not exist")]
    NoAnnotation(AnnId),
    #[error("entity {0} does not exist")]
    NoEntity(EntityId),
    #[error("annotation {id}: {message}")]
    BadAnnotation { id: AnnId, message: String },
    #[error("document {0} does not exist")]
    NoDocument(DocId),
    #[error("document {id}: {message}")]
    BadDocument { id: DocId, message: String },
    #[error("statement {0} does not exist")]
    NoStatement(StatementId),
    #[error("conflict {0} does not exist")]
    NoConflict(ConflictId),
}

/// Applies `edit` and returns the edit that undoes it. On error the project is unchanged.
pub fn apply(project: &mut Project, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::PutAnnotation(a) => {
            check_annotation(project, &a)?;
            let id = a.id;
            let old = project.annotation(id).cloned();
            project.put_annotation(*a);
            Ok(match old {
                Some(old) => Edit::PutAnnotation(Box::new(old)),
                None => Edit::RemoveAnnotation(id),
            })
        }
        Edit::RemoveAnnotation(id) => {
            let old = project.remove_annotation(id).ok_or(EditError::NoAnnotation(id))?;
            Ok(Edit::PutAnnotation(Box::new(old)))
        }
        Edit::PutEntity(e) => {
            let id = e.id;
            let old = project.entity(id).cloned();
            project.put_entity(e);
            Ok(match old {
                Some(old) => Edit::PutEntity(old),
                None => Edit::RemoveEntity(id),
            })
        }
        Edit::RemoveEntity(id) => {
            let old = project.remove_entity(id).ok_or(EditError::NoEntity(id))?;
            Ok(Edit::PutEntity(old))
        }
        Edit::SetSchema(schema) => Ok(Edit::SetSchema(Box::new(std::mem::replace(&mut project.schema, *schema)))),
        Edit::PutDocument(doc) => {
            let id = doc.id;
            let old = project.document(id).cloned();
            if old.as_ref().is_some_and(|old| old.text != doc.text) {
                let message = "its text cannot change: annotations point into it".to_string();
                return Err(EditError::BadDocument { id, message });
            }
            project.put_document(*doc);
            Ok(match old {
                Some(old) => Edit::PutDocument(Box::new(old)),
                None => Edit::RemoveDocument(id),
            })
        }
        Edit::RemoveDocument(id) => {
            if project.annotations.iter().any(|a| a.doc == id) {
                let message = "annotations still point into it".to_string();
                return Err(EditError::BadDocument { id, message });
            }
            let old = project.remove_document(id).ok_or(EditError::NoDocument(id))?;
            Ok(Edit::PutDocument(Box::new(old)))
        }
        Edit::PutStatement(statement) => {
            let id = statement.id;
            let old = project.statement(id).cloned();
            project.put_statement(statement);
            Ok(match old {
                Some(old) => Edit::PutStatement(old),
                None => Edit::RemoveStatement(id),
            })
        }
        Edit::RemoveStatement(id) => {
            let old = project.remove_statement(id).ok_or(EditError::NoStatement(id))?;
            Ok(Edit::PutStatement(old))
        }
        Edit::PutConflict(conflict) => {
            let id = conflict.id;
            let old = project.conflict(id).cloned();
            project.put_conflict(*conflict);
            Ok(match old {
                Some(old) => Edit::PutConflict(Box::new(old)),
                None => Edit::RemoveConflict(id),
            })
        }
        Edit::RemoveConflict(id) => {
            let old = project.remove_conflict(id).ok_or(EditError::NoConflict(id))?;
            Ok(Edit::PutConflict(Box::new(old)))
        }
        Edit::SetMemory(memory) => Ok(Edit::SetMemory(Box::new(std::mem::replace(&mut project.memory, *memory)))),
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for edit in edits {
                match apply(project, edit) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(e) => {
                        // Roll back what this batch already did, so a failed batch changes nothing.
                        for inverse in inverses.into_iter().rev() {
                            let _ = apply(project, inverse);
                        }
                        return Err(e);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Batch(inverses))
        }
    }
}

/// Names the analyst at work (`project.analyst`) on each annotation `edit` creates or changes
/// and leaves reviewed, so a later merge can say whose version is whose. An annotation given
/// another analyst's name on purpose (a version chosen when settling a conflict) keeps it, and
/// suggestions stay unnamed: the detector made them.
pub fn stamp(project: &Project, edit: Edit) -> Edit {
    if project.analyst.is_empty() {
        return edit;
    }
    match edit {
        Edit::PutAnnotation(mut a) => {
            let old = project.annotation(a.id);
            let keeps_name = old.is_none_or(|o| o.analyst == a.analyst);
            if keeps_name && a.status != Status::Suggested && old != Some(&*a) {
                a.analyst.clone_from(&project.analyst);
            }
            Edit::PutAnnotation(a)
        }
        Edit::Batch(edits) => Edit::Batch(edits.into_iter().map(|e| stamp(project, e)).collect()),
        other => other,
    }
}

/// An annotation must point into an existing document, within its text. Status, tag and link
/// changes keep the span, so they skip the count of the text's characters.
fn check_annotation(project: &Project, a: &Annotation) -> Result<(), EditError> {
    if project.annotation(a.id).is_some_and(|old| old.doc == a.doc && old.span == a.span) {
        return Ok(());
    }
    let bad = |message: String| EditError::BadAnnotation { id: a.id, message };
    let doc = project.document(a.doc).ok_or_else(|| bad(format!("document {} does not exist", a.doc)))?;
    a.span.check_within(doc.len_chars()).map_err(|e| bad(e.to_string()))
}
