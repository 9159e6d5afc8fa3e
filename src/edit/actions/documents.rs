//! Documents as one undoable step each: adding articles with the detector's suggestions,
//! removing one with everything marked in it, editing its title, outlet, author, date and URL.

use super::Edit;
use crate::model::{AnnId, DocId, Document, Project};

/// Adds `docs` (their ids are given anew, after the project's) with the detector's suggestions,
/// checked against what the project remembers ([`crate::recall`]). Entities named in them join
/// the project's entities of the same name, as on import, or the canonical entity the analyst
/// grouped the name under.
pub fn add_documents(project: &Project, docs: Vec<Document>) -> Option<Edit> {
    add_documents_with(project, docs, None)
}

/// [`add_documents`], with the project's own entity model when it has one.
pub fn add_documents_with(
    project: &Project,
    docs: Vec<Document>,
    model: Option<&crate::detect::ner::Model>,
) -> Option<Edit> {
    if docs.is_empty() {
        return None;
    }
    // Detection writes into a project; a copy holding the entities (not the annotations, which
    // it only numbers after) gives the new records without copying the whole project.
    let first_ann = project.next_ann_id();
    let mut scratch = Project {
        documents: Vec::new(),
        entities: project.entities.clone(),
        annotations: Vec::new(),
        schema: project.schema.clone(),
        format_version: project.format_version,
        statements: Vec::new(),
        conflicts: Vec::new(),
        memory: project.memory.clone(),
        analyst: project.analyst.clone(),
    };
    let scratch_first = scratch.next_ann_id();
    let mut next_doc = project.next_doc_id();
    let mut edits = Vec::new();
    let mut names = crate::suggest::EntityNames::default();
    names.remember(&mut scratch);
    let mut added = Vec::new();
    for mut doc in docs {
        doc.id = next_doc;
        next_doc.0 += 1;
        edits.push(Edit::PutDocument(Box::new(doc.clone())));
        let (id, found) = (doc.id, crate::detect::detect_with(&doc.text, crate::detect::Explain::Names, model));
        scratch.documents.push(doc);
        crate::suggest::add_suggestions_with(&mut scratch, id, &found, &mut names);
        added.push(id);
    }
    crate::recall::recall(&mut scratch, &added);
    if scratch.schema != project.schema {
        edits.insert(0, Edit::SetSchema(Box::new(scratch.schema.clone())));
    }
    let mentioned: std::collections::HashSet<_> = scratch.annotations.iter().filter_map(|a| a.links.entity).collect();
    for e in &scratch.entities {
        let known = project.entity(e.id);
        if known != Some(e) && (known.is_some() || mentioned.contains(&e.id)) {
            edits.push(Edit::PutEntity(e.clone()));
        }
    }
    // The scratch project numbered its annotations from the start of the analyst's range: they
    // continue after the project's.
    let shift = |id: AnnId| AnnId(id.0 - scratch_first.0 + first_ann.0);
    for mut a in scratch.annotations {
        a.id = shift(a.id);
        for slot in [&mut a.links.speaker, &mut a.links.cue, &mut a.links.part_of] {
            *slot = slot.map(shift);
        }
        edits.push(Edit::PutAnnotation(Box::new(a)));
    }
    // Statements the new articles report again, found on the project as it will be.
    if !project.documents.is_empty() || added.len() > 1 {
        let mut after = project.clone();
        if crate::edit::apply(&mut after, Edit::Batch(edits.clone())).is_ok() {
            edits.extend(super::suggest_statements(&after, &added));
        }
    }
    Some(Edit::Batch(edits))
}

/// Removes a document, every annotation in it, the entities only it named and the statements
/// only it reported again.
pub fn remove_document(project: &Project, doc: DocId) -> Option<Edit> {
    project.document(doc)?;
    let removed: std::collections::BTreeSet<AnnId> = project.annotations_of(doc).map(|a| a.id).collect();
    let dissolved = super::dissolved_by(project, &removed);
    let mut edits: Vec<Edit> = project
        .annotations
        .iter()
        .filter(|a| a.doc != doc && a.links.statement.is_some_and(|s| dissolved.contains(&s)))
        .map(|a| {
            let mut a = a.clone();
            a.links.statement = None;
            Edit::PutAnnotation(Box::new(a))
        })
        .collect();
    edits.extend(removed.iter().map(|id| Edit::RemoveAnnotation(*id)));
    edits.extend(dissolved.into_iter().map(crate::edit::Edit::RemoveStatement));
    let elsewhere: std::collections::HashSet<_> =
        project.annotations.iter().filter(|a| a.doc != doc).filter_map(|a| a.links.entity).collect();
    let here: std::collections::BTreeSet<_> = project.annotations_of(doc).filter_map(|a| a.links.entity).collect();
    edits.extend(here.into_iter().filter(|e| !elsewhere.contains(e)).map(Edit::RemoveEntity));
    edits.push(Edit::RemoveDocument(doc));
    Some(Edit::Batch(edits))
}

/// Changes a document's metadata (never its text).
pub fn set_document_meta(project: &Project, doc: DocId, change: impl FnOnce(&mut Document)) -> Option<Edit> {
    let mut d = project.document(doc)?.clone();
    change(&mut d);
    d.text.clone_from(&project.document(doc)?.text);
    (project.document(doc) != Some(&d)).then(|| Edit::PutDocument(Box::new(d)))
}
