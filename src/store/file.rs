//! The project file's own shape. It is the model plus, on each annotation, the words its span
//! covered when saved (`text`): readers of a diff see what was marked, and a project whose
//! article text was edited by hand can have its spans found again ([`super::reanchor`]).
//!
//! Format history: 1 — first format; 2 — annotations carry `text`; 3 — quotations carry their
//! attribution type (`attribution: Some(Statement)`). Version 1 files load as they are (without
//! anchors); version 1 and 2 quotations get their type from their cue's words with the cue
//! lexicon, or statement when they have no cue or the cue is not in the lexicon (a quotation
//! found by the older detector was reported speech, which is what statement means); all are
//! written back as version 3. 4 — statements reported in several documents (`statements`, and
//! `statement` in a quotation's links); older files have none, and load as they are.
//! 5 — laid out for merging: ids are allocated in each analyst's range (see
//! [`crate::model::analyst_tag`]), annotations say who made or reviewed them (`analyst`), a
//! merged project keeps its unsettled `conflicts`, and records are written in an order that
//! does not depend on when they were made: documents by the hash of their text, each document's
//! annotations in text order, entities by label and name. Two analysts' additions then land
//! where their words are, not both after the last record, so git merges them line by line
//! without a conflict unless they fall between the same two neighbours. Older files load as
//! they are; their ids stay, and saving writes them in the new order, with each annotation's
//! `origin` last.
//! 6 — the project remembers what the analyst taught (`memory`, last: labels of names, rejected
//! words, entities' names and aliases; lists sorted under alphabet headings, see
//! [`super::memory`]), and a name the entity model typed
//! carries its `margin` over the runner-up label. A format 5 file's memory is filled from the
//! decisions it holds: the speakers and mentions the analyst rejected, and the mentions they
//! accepted under another label than the rule that found them gave (`mention.person` accepted
//! as ORG). A conflict can be over an entity (its `entity`, and each version's `entity`); older
//! files have none, and load as they are.

use crate::model::{
    AnnId, Annotation, AttributionType, Conflict, DocId, Document, Entity, FORMAT_VERSION, Layer, Links, Memory,
    Origin, Project, Schema, Span, Statement, Status,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Serialize)]
struct ProjectOut<'a> {
    format_version: u32,
    documents: Vec<&'a Document>,
    schema: &'a Schema,
    entities: Vec<&'a Entity>,
    annotations: Vec<AnnotationOut<'a>>,
    #[serde(skip_serializing_if = "<[Statement]>::is_empty")]
    statements: &'a [Statement],
    #[serde(skip_serializing_if = "<[Conflict]>::is_empty")]
    conflicts: &'a [Conflict],
}

#[derive(Serialize)]
struct AnnotationOut<'a> {
    id: AnnId,
    doc: DocId,
    span: Span,
    text: &'a str,
    layer: &'a Layer,
    label: &'a str,
    status: Status,
    #[serde(skip_serializing_if = "str::is_empty")]
    analyst: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "Links::is_empty")]
    links: &'a Links,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<AttributionType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    margin: Option<u16>,
    /// Last (format 5 on): it never changes, so every annotation's changeable fields are
    /// separated from the next annotation's by unchanged lines, which git needs to merge changes
    /// to neighbours.
    origin: &'a Origin,
}

/// What a file holds: the project, and the saved words of each annotation (format 2 on).
pub struct Parsed {
    pub project: Project,
    pub anchors: HashMap<AnnId, String>,
}

#[derive(Deserialize)]
struct ProjectIn {
    documents: Vec<Document>,
    schema: Schema,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    annotations: Vec<AnnotationIn>,
    /// Format 4 on.
    #[serde(default)]
    statements: Vec<Statement>,
    /// Format 5 on.
    #[serde(default)]
    conflicts: Vec<Conflict>,
    /// Format 6 on.
    #[serde(default)]
    memory: Memory,
}

#[derive(Deserialize)]
struct AnnotationIn {
    id: AnnId,
    doc: DocId,
    span: Span,
    /// Absent in format 1 files.
    #[serde(default)]
    text: String,
    layer: Layer,
    label: String,
    status: Status,
    /// Format 5 on.
    #[serde(default)]
    analyst: String,
    origin: Origin,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    links: Links,
    /// Format 3 on; older quotations get theirs in [`migrate_attribution_types`].
    #[serde(default)]
    attribution: Option<AttributionType>,
    /// Format 6 on.
    #[serde(default)]
    margin: Option<u16>,
}

/// Serialises `project` in the file's shape and order (see the module comment).
pub fn serialize(project: &Project, config: ron::ser::PrettyConfig) -> Result<String, ron::Error> {
    let docs: HashMap<DocId, &Document> = project.documents.iter().map(|d| (d.id, d)).collect();
    let mut documents: Vec<&Document> = project.documents.iter().collect();
    documents.sort_by(|a, b| (&a.hash, a.id).cmp(&(&b.hash, b.id)));
    let rank: HashMap<DocId, usize> = documents.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    let mut annotations: Vec<&Annotation> = project.annotations.iter().collect();
    annotations.sort_by_key(|a| (rank.get(&a.doc).copied(), a.span.start(), a.span.end(), a.id));
    let mut entities: Vec<&Entity> = project.entities.iter().collect();
    entities.sort_by(|a, b| (&a.label, &a.name, a.id).cmp(&(&b.label, &b.name, b.id)));
    let annotations = annotations
        .into_iter()
        .map(|a| AnnotationOut {
            id: a.id,
            doc: a.doc,
            span: a.span,
            text: docs.get(&a.doc).map_or("", |d| d.slice(a.span)),
            layer: &a.layer,
            label: &a.label,
            status: a.status,
            analyst: &a.analyst,
            origin: &a.origin,
            tags: &a.tags,
            note: &a.note,
            links: &a.links,
            attribution: a.attribution,
            margin: a.margin,
        })
        .collect();
    let out = ProjectOut {
        format_version: FORMAT_VERSION,
        documents,
        schema: &project.schema,
        entities,
        annotations,
        statements: &project.statements,
        conflicts: &project.conflicts,
    };
    let mut text = ron::ser::to_string_pretty(&out, config)?;
    // The memory goes last, written by its own writer (headed lists: see `super::memory`).
    if text.ends_with("\n)") {
        text.truncate(text.len() - 1);
        super::memory::write_record(&project.memory, "    ", &mut text);
        text.push(')');
    }
    Ok(text)
}

/// Parses a file whose version (`version`) was already checked.
pub fn parse(text: &str, version: u32) -> Result<Parsed, ron::error::SpannedError> {
    let file: ProjectIn = ron::from_str(text)?;
    let mut anchors = HashMap::new();
    let annotations = file
        .annotations
        .into_iter()
        .map(|a| {
            if !a.text.is_empty() {
                anchors.insert(a.id, a.text);
            }
            Annotation {
                id: a.id,
                doc: a.doc,
                span: a.span,
                layer: a.layer,
                label: a.label,
                status: a.status,
                analyst: a.analyst,
                origin: a.origin,
                tags: a.tags,
                note: a.note,
                links: a.links,
                attribution: a.attribution,
                margin: a.margin,
            }
        })
        .collect();
    let mut project = Project {
        format_version: FORMAT_VERSION,
        documents: file.documents,
        schema: file.schema,
        entities: file.entities,
        annotations,
        statements: file.statements,
        conflicts: file.conflicts,
        memory: file.memory,
        analyst: String::new(),
    };
    if version < 3 {
        migrate_attribution_types(&mut project);
    }
    if version < 6 {
        migrate_memory(&mut project);
    }
    project.memory.canonicalize();
    Ok(Parsed { project, anchors })
}

/// Formats 1 and 2 → 3: every quotation gets an attribution type, from the words of its cue
/// annotation when it has one the lexicon knows, else statement.
pub fn migrate_attribution_types(project: &mut Project) {
    let cue_types: HashMap<AnnId, AttributionType> = project
        .annotations
        .iter()
        .filter(|a| a.layer == Layer::Cue)
        .filter_map(|a| {
            let words = project.document(a.doc)?.slice(a.span);
            Some((a.id, crate::detect::cue_attribution_type(words)?))
        })
        .collect();
    for a in &mut project.annotations {
        if a.layer == Layer::Quote && a.attribution.is_none() {
            let from_cue = a.links.cue.and_then(|c| cue_types.get(&c).copied());
            a.attribution = Some(from_cue.unwrap_or(AttributionType::Statement));
        }
    }
}

/// Formats 1 to 5 → 6: the memory holds the decisions the file already records. A mention keeps
/// the rule that found it (`mention.person`) when the analyst relabels it, so one accepted under
/// another label was relabelled.
pub fn migrate_memory(project: &mut Project) {
    let mut memory = Memory::default();
    for a in project.annotations.iter().filter(|a| matches!(a.layer, Layer::Mention | Layer::Speaker)) {
        let Origin::Detector { rule, .. } = &a.origin else { continue };
        let Some(words) = project.document(a.doc).map(|d| d.slice(a.span)) else { continue };
        match a.status {
            Status::Rejected => memory.teach_rejection(words, &a.layer, &a.label),
            Status::Accepted if a.layer == Layer::Mention => {
                let found_as = rule.strip_prefix("mention.").unwrap_or_default();
                if !found_as.is_empty() && !found_as.eq_ignore_ascii_case(&a.label) {
                    memory.teach_label(words, &a.layer, &a.label);
                }
            }
            _ => {}
        }
    }
    memory.absorb(&project.memory);
    project.memory = memory;
}
