//! spaCy / Prodigy JSONL: one JSON object per document and line.
//!
//! ```json
//! {"text": "…",
//!  "spans": [{"start": 57, "end": 96, "label": "DIRECT", "text": "“We will …”", "id": 1,
//!             "layer": "quote", "status": "accepted", "attribution": "statement", "statement": "s3",
//!             "tags": ["x"], "note": "…", "entity": 3}],
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

use super::{DocSel, Error, LeftOut, Selection, attribution_name, statement_name, status_name, write_file};
use crate::model::Entity;
use serde::{Deserialize, Serialize};
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
    /// Quotations reporting a statement that is reported more than once: its name, shared by
    /// its versions in every document.
    #[serde(skip_serializing_if = "Option::is_none")]
    statement: Option<String>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<u64>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
pub(crate) struct SpanRef<L> {
    pub start: usize,
    pub end: usize,
    pub label: L,
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
            statement: statement_name(a),
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
