//! Statements reported in several documents, as undoable steps: proposing groups of versions,
//! confirming a group, taking a quotation out of one (split), putting it into another's (join).

use super::Edit;
use crate::model::{AnnId, Annotation, DocId, Layer, Project, Statement, StatementId, Status};
use crate::statements::{Version, day_of, find};
use std::collections::{BTreeMap, BTreeSet};

/// The quotations that can be versions of a statement: first parts of quotations not rejected,
/// whose speaker is a known entity.
fn versions(project: &Project) -> Vec<Version<'_>> {
    let docs: BTreeMap<DocId, _> = project.documents.iter().map(|d| (d.id, d)).collect();
    project
        .annotations
        .iter()
        .filter(|a| a.layer == Layer::Quote && a.status != Status::Rejected && a.links.part_of.is_none())
        .filter_map(|a| {
            let doc = docs.get(&a.doc)?;
            Some(Version {
                quote: a.id,
                doc: a.doc,
                speaker: crate::model::speaker_entity(project, a)?,
                text: doc.slice(a.span),
                day: day_of(&doc.date),
            })
        })
        .collect()
}

/// Proposes the statements that quotations in `docs` share with quotations elsewhere in the
/// project (every document when `docs` is empty). A version of a statement already grouped joins
/// that group.
pub fn suggest_statements(project: &Project, docs: &[DocId]) -> Option<Edit> {
    let versions = versions(project);
    let found = find(&versions, |v| docs.is_empty() || docs.contains(&v.doc));
    let mut edits = Vec::new();
    let mut next = project.next_statement_id();
    for (quotes, reason) in found {
        let existing = quotes.iter().find_map(|q| project.annotation(*q)?.links.statement);
        let id = existing.unwrap_or_else(|| {
            let id = next;
            next.0 += 1;
            edits.push(Edit::PutStatement(Statement { id, status: Status::Suggested, reason }));
            id
        });
        for q in quotes {
            if let Some(a) = project.annotation(q).filter(|a| a.links.statement.is_none()) {
                edits.push(linked(a, Some(id)));
            }
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Applies [`suggest_statements`] over the whole project at once (for a project being built, as
/// `sayso annotate` does, where there is nothing to undo).
pub fn group_statements(project: &mut Project) {
    if let Some(edit) = suggest_statements(project, &[]) {
        // Built from this project, so every record it names exists.
        let _ = super::super::apply(project, edit);
    }
}

/// The analyst confirms that the versions of `id` report one statement.
pub fn confirm_statement(project: &Project, id: StatementId) -> Option<Edit> {
    let s = project.statement(id)?;
    (s.status != Status::Accepted).then(|| Edit::PutStatement(Statement { status: Status::Accepted, ..s.clone() }))
}

/// Takes `quote` out of its statement: it reports something else. A statement left in one
/// document only is no group any more and goes.
pub fn leave_statement(project: &Project, quote: AnnId) -> Option<Edit> {
    let a = project.annotation(quote)?;
    let id = a.links.statement?;
    let mut edits = vec![linked(a, None)];
    let rest: Vec<&Annotation> = project.versions_of(id).filter(|v| v.id != quote).collect();
    if documents(&rest) < 2 {
        edits.extend(rest.into_iter().map(|v| linked(v, None)));
        edits.push(Edit::RemoveStatement(id));
    }
    Some(Edit::Batch(edits))
}

/// Puts `quote` (with its own group, if it has one) into the statement of `other`, creating a
/// confirmed statement when `other` has none: the analyst says they report the same words.
pub fn join_statement(project: &Project, quote: AnnId, other: AnnId) -> Option<Edit> {
    let (a, b) = (project.annotation(quote)?, project.annotation(other)?);
    if quote == other || (a.links.statement.is_some() && a.links.statement == b.links.statement) {
        return None;
    }
    let mut edits = Vec::new();
    let id = match b.links.statement {
        Some(id) => {
            edits.extend(confirm_statement(project, id));
            id
        }
        None => {
            let id = project.next_statement_id();
            let reason = "grouped by the analyst".to_string();
            edits.push(Edit::PutStatement(Statement { id, status: Status::Accepted, reason }));
            edits.push(linked(b, Some(id)));
            id
        }
    };
    match a.links.statement {
        Some(old) => {
            edits.extend(project.versions_of(old).map(|v| linked(v, Some(id))));
            edits.push(Edit::RemoveStatement(old));
        }
        None => edits.push(linked(a, Some(id))),
    }
    Some(Edit::Batch(edits))
}

/// The statements that the removal of the annotations `removed` leaves in one document only:
/// they go too, and their last versions' links with them.
pub fn dissolved_by(project: &Project, removed: &BTreeSet<AnnId>) -> BTreeSet<StatementId> {
    project
        .statements
        .iter()
        .filter(|s| documents(&project.versions_of(s.id).filter(|v| !removed.contains(&v.id)).collect::<Vec<_>>()) < 2)
        .map(|s| s.id)
        .collect()
}

/// How many documents the versions come from.
fn documents(versions: &[&Annotation]) -> usize {
    versions.iter().map(|v| v.doc).collect::<BTreeSet<DocId>>().len()
}

fn linked(a: &Annotation, statement: Option<StatementId>) -> Edit {
    let mut a = a.clone();
    a.links.statement = statement;
    Edit::PutAnnotation(Box::new(a))
}
