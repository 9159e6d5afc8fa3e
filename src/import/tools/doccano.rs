//! doccano JSONL, read back in either shape `crate::export` writes: sequence labelling
//! (`"label": [[start, end, "LABEL"], …]`) or relations (`"entities"` and `"relations"`, with a
//! quotation's `"attribution"`).

use super::{ForeignText, Importer, for_each_line, json_error};
use crate::export::{Error, Format, Relation, set_attribution};
use crate::model::{AnnId, Project};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
struct LineIn {
    text: String,
    /// Sequence labelling: `[[start, end, label], …]`.
    label: Option<Vec<(usize, usize, String)>>,
    /// Relation shape.
    entities: Option<Vec<EntityIn>>,
    #[serde(default)]
    relations: Vec<RelationIn>,
    doc_id: Option<u32>,
    title: Option<String>,
}

#[derive(Deserialize)]
struct EntityIn {
    id: serde_json::Value,
    start_offset: usize,
    end_offset: usize,
    label: String,
    attribution: Option<String>,
    statement: Option<String>,
}

#[derive(Deserialize)]
struct RelationIn {
    from_id: serde_json::Value,
    to_id: serde_json::Value,
    #[serde(rename = "type")]
    kind: String,
}

pub(crate) fn read(path: &Path) -> Result<Project, Error> {
    let mut importer = Importer::new(Format::Doccano);
    for_each_line(path, |n, raw| {
        let bad = |message: String| Error::Parse { path: path.to_path_buf(), line: n, message };
        let line: LineIn = serde_json::from_str(raw).map_err(|e| json_error(path, n, &e))?;
        let text = ForeignText::new(line.text);
        let title = line.title.unwrap_or_else(|| format!("line {n}"));
        let doc = importer.document(line.doc_id, title, String::new(), path, text.text.clone());
        /// (id, start, end, label, attribution type, statement).
        type SpanIn<'l> = (Option<&'l serde_json::Value>, usize, usize, &'l str, Option<&'l str>, Option<&'l str>);
        let spans: Vec<SpanIn> = match (&line.entities, &line.label) {
            (Some(entities), _) => entities
                .iter()
                .map(|e| {
                    let (attribution, statement) = (e.attribution.as_deref(), e.statement.as_deref());
                    (Some(&e.id), e.start_offset, e.end_offset, e.label.as_str(), attribution, statement)
                })
                .collect(),
            (None, Some(labels)) => labels.iter().map(|(s, e, l)| (None, *s, *e, l.as_str(), None, None)).collect(),
            (None, None) => Vec::new(),
        };
        let mut by_id: HashMap<String, AnnId> = HashMap::new();
        for (k, (id, start, end, label, attribution, statement)) in spans.into_iter().enumerate() {
            let span = text.span(start, end).map_err(|m| bad(format!("span {}: {m}", k + 1)))?;
            let made = importer.annotation(doc, span, label, None);
            if let Some(a) = importer.annotation_mut(made) {
                set_attribution(a, attribution);
            }
            importer.statement(made, statement);
            if let Some(id) = id {
                by_id.insert(id.to_string(), made);
            }
        }
        for (k, r) in line.relations.iter().enumerate() {
            let Some(relation) = Relation::from_name(&r.kind) else { continue };
            let (Some(&from), Some(&to)) = (by_id.get(&r.from_id.to_string()), by_id.get(&r.to_id.to_string())) else {
                return Err(bad(format!(
                    "relation {} ({}) points at an entity id that is not in the line",
                    k + 1,
                    r.kind
                )));
            };
            importer.relate(relation, from, to);
        }
        Ok(())
    })?;
    Ok(importer.finish())
}
