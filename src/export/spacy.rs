//! spaCy / Prodigy JSONL: one JSON object per document and line.
//!
//! ```json
//! {"text": "…",
//!  "spans": [{"start": 57, "end": 96, "label": "DIRECT", "text": "“We will …”", "id": 1,
//!             "layer": "quote", "status": "accepted", "attribution": "statement", "tags": ["x"],
//!             "note": "…", "entity": 3}],
//!  "relations": [{"head_id": 1, "child_id": 2, "label": "SPOKEN_BY",
//!                 "head_span": {"start": 57, "end": 96, "label": "DIRECT"},
//!                 "child_span": {"start": 34, "end": 50, "label": "SPEAKER"}}],
//!  "entities": [{"id": 3, "label": "PERSON", "name": "Zoë Adams", "aliases": ["Adams"]}],
//!  "meta": {"doc_id": 1, "title": "…", "source": "…"}}
//! ```
//!
//! **Offsets:** Unicode code points, end exclusive — Python string indices, what
//! `Doc.char_span(start, end)` takes. `text` repeats the covered text so readers can check it.
//!
//! **Cannot hold:** nothing Sayso exports is lost, but Prodigy's token indices (`token_start`,
//! `head`, `child`) are not written, since spaCy's tokeniser decides them; relations point at
//! spans by `id` and repeat the spans' offsets in `head_span`/`child_span`. Overlapping spans are
//! fine here (they belong in `doc.spans`, not `doc.ents`). On import, `status` is ignored (every
//! annotation comes in accepted); `layer` is kept.

use super::{
    DocSel, Error, ForeignText, Format, Importer, LeftOut, Relation, Selection, attribution_name, for_each_line,
    json_error, set_attribution, status_name, write_file,
};
use crate::model::{AnnId, Entity, EntityId, Layer, Project};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelationOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    entities: Vec<&'a Entity>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    text: &'a str,
    id: usize,
    layer: &'a str,
    status: &'static str,
    /// Quotations only: statement, belief, evidence or question.
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<&'static str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<u64>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
struct SpanRef<L> {
    start: usize,
    end: usize,
    label: L,
}

#[derive(Serialize)]
struct RelationOut<'a> {
    head_id: usize,
    child_id: usize,
    label: &'static str,
    head_span: SpanRef<&'a str>,
    child_span: SpanRef<&'a str>,
}

#[derive(Serialize)]
struct Meta<'a> {
    doc_id: u32,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    source: &'a str,
}

fn line<'a>(selection: &Selection<'a>, d: &DocSel<'a>) -> Line<'a> {
    let mut entities: Vec<&Entity> = Vec::new();
    let mut spans = Vec::with_capacity(d.anns.len());
    let mut relations = Vec::new();
    for &a in &d.anns {
        let entity = a.links.entity.and_then(|id| selection.project.entity(id));
        if let Some(e) = entity
            && !entities.iter().any(|x| x.id == e.id)
        {
            entities.push(e);
        }
        spans.push(SpanOut {
            start: a.span.start(),
            end: a.span.end(),
            label: &a.label,
            text: d.text_of(a),
            id: selection.local(a),
            layer: a.layer.name(),
            status: status_name(a),
            attribution: attribution_name(a),
            tags: &a.tags,
            note: &a.note,
            entity: entity.map(|e| e.id.0),
        });
        for (relation, child_id, child) in selection.relations(a) {
            relations.push(RelationOut {
                head_id: selection.local(a),
                child_id,
                label: relation.name(),
                head_span: SpanRef { start: a.span.start(), end: a.span.end(), label: &a.label },
                child_span: SpanRef { start: child.span.start(), end: child.span.end(), label: &child.label },
            });
        }
    }
    entities.sort_by_key(|e| e.id);
    Line {
        text: &d.doc.text,
        spans,
        relations,
        entities,
        meta: Meta { doc_id: d.doc.id.0, title: &d.doc.title, source: &d.doc.source },
    }
}

pub(crate) fn write(selection: &Selection, out: &Path, left_out: &mut LeftOut) -> Result<Vec<PathBuf>, Error> {
    let entity_links = selection
        .docs
        .iter()
        .flat_map(|d| d.anns.iter())
        .filter(|a| a.links.entity.is_some_and(|id| selection.project.entity(id).is_none()))
        .count();
    left_out.add(entity_links, "link to a missing entity", "links to missing entities");
    left_out.dangling(selection);
    let file = write_file(out, |w| {
        for d in &selection.docs {
            serde_json::to_writer(&mut *w, &line(selection, d))?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })?;
    Ok(vec![file])
}

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
            if let Some(a) = importer.annotation_mut(head) {
                relation.set(&mut a.links, child);
            }
        }
        Ok(())
    })?;
    Ok(importer.finish())
}
