//! spaCy / Prodigy JSONL, read back: spans with their layer, attribution type, tags, note and
//! entity, relations by span id (or by the spans' offsets), entities and document metadata.
//! `status` is ignored: every annotation comes in accepted.

use super::{ForeignText, Importer, for_each_line, json_error};
use crate::export::spacy::SpanRef;
use crate::export::{Error, Format, Relation, set_attribution};
use crate::model::{AnnId, Entity, EntityId, Layer, Project};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
struct LineIn {
    text: String,
    #[serde(default)]
    spans: Vec<SpanIn>,
    #[serde(default)]
    relations: Vec<RelationIn>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    meta: MetaIn,
}

#[derive(Deserialize)]
struct SpanIn {
    start: usize,
    end: usize,
    label: String,
    text: Option<String>,
    id: Option<serde_json::Value>,
    layer: Option<String>,
    attribution: Option<String>,
    statement: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    note: String,
    entity: Option<u64>,
}

#[derive(Deserialize)]
struct RelationIn {
    label: String,
    head_id: Option<serde_json::Value>,
    child_id: Option<serde_json::Value>,
    head_span: Option<SpanRef<String>>,
    child_span: Option<SpanRef<String>>,
}

#[derive(Deserialize, Default)]
struct MetaIn {
    doc_id: Option<u32>,
    title: Option<String>,
    #[serde(default)]
    source: String,
}

pub(crate) fn read(path: &Path) -> Result<Project, Error> {
    let mut importer = Importer::new(Format::Spacy);
    for_each_line(path, |n, raw| {
        let bad = |message: String| Error::Parse { path: path.to_path_buf(), line: n, message };
        let line: LineIn = serde_json::from_str(raw).map_err(|e| json_error(path, n, &e))?;
        let text = ForeignText::new(line.text);
        let title = line.meta.title.unwrap_or_else(|| format!("line {n}"));
        let doc = importer.document(line.meta.doc_id, title, line.meta.source, path, text.text.clone());
        for entity in line.entities {
            importer.entity(entity);
        }
        let mut made: Vec<(AnnId, &SpanIn)> = Vec::with_capacity(line.spans.len());
        for (k, s) in line.spans.iter().enumerate() {
            let span = text.span(s.start, s.end).map_err(|m| bad(format!("span {}: {m}", k + 1)))?;
            if let Some(given) = &s.text
                && given != text.raw_slice(s.start, s.end)
            {
                return Err(bad(format!(
                    "span {} ({}..{}) says {given:?} but the text there is {:?}",
                    k + 1,
                    s.start,
                    s.end,
                    text.raw_slice(s.start, s.end)
                )));
            }
            let id = importer.annotation(doc, span, &s.label, s.layer.as_deref().map(Layer::from_name));
            let entity = s.entity.map(EntityId);
            if let Some(e) = entity
                && !importer.has_entity(e)
            {
                let name = text.raw_slice(s.start, s.end).to_string();
                importer.entity(Entity { id: e, label: s.label.clone(), name, aliases: Vec::new() });
            }
            if let Some(a) = importer.annotation_mut(id) {
                a.tags = s.tags.clone();
                a.note = s.note.clone();
                a.links.entity = entity;
                set_attribution(a, s.attribution.as_deref());
            }
            importer.statement(id, s.statement.as_deref());
            made.push((id, s));
        }
        let by_id: HashMap<String, AnnId> =
            made.iter().filter_map(|(id, s)| Some((s.id.as_ref()?.to_string(), *id))).collect();
        let find = |id: &Option<serde_json::Value>, span: &Option<SpanRef<String>>| -> Option<AnnId> {
            if let Some(found) = id.as_ref().and_then(|v| by_id.get(&v.to_string())) {
                return Some(*found);
            }
            let span = span.as_ref()?;
            made.iter().find(|(_, s)| s.start == span.start && s.end == span.end && s.label == span.label).map(|x| x.0)
        };
        for (k, r) in line.relations.iter().enumerate() {
            let Some(relation) = Relation::from_name(&r.label) else { continue };
            let (Some(head), Some(child)) = (find(&r.head_id, &r.head_span), find(&r.child_id, &r.child_span)) else {
                return Err(bad(format!("relation {} ({}) points at a span that is not in the line", k + 1, r.label)));
            };
            importer.relate(relation, head, child);
        }
        Ok(())
    })?;
    Ok(importer.finish())
}
