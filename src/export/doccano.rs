//! doccano JSONL, in both shapes doccano 1.8 imports (see `formats.md`):
//!
//! - `OUT` (sequence labelling): `{"text", "label": [[start, end, "LABEL"], …], "doc_id", "title"}`;
//! - `OUT-STEM.relations.jsonl` beside it ("JSONL (Relation)"): `{"text", "entities": [{"id",
//!   "start_offset", "end_offset", "label", "attribution"}], "relations": [{"id", "from_id", "to_id", "type"}],
//!   "doc_id", "title"}`. Entity and relation ids run across the whole file.
//!
//! A quotation's entity in the relation file carries its attribution type (`"attribution":
//! "statement"`, also `belief`, `evidence`, `question`), which import reads back.
//!
//! doccano keeps unknown top-level keys (`doc_id`, `title`) as the example's metadata.
//!
//! **Offsets:** Unicode code points, end exclusive. Files are plain UTF-8 without BOM; in doccano
//! pick the UTF-8 encoding explicitly (its "Auto" detection misreads UTF-8 with emoji).
//!
//! **Cannot hold:** statuses (with `--include-suggestions` suggested spans are indistinguishable
//! from reviewed ones; the report says how many), tags, notes, entity links and layers. Overlapping
//! spans are written, but doccano drops them unless the project allows overlapping spans.
//! Relations exist only in the relation file. Import reads either shape.

use super::{
    DocSel, Error, ForeignText, Format, Importer, LeftOut, Relation, Selection, attribution_name, for_each_line,
    json_error, set_attribution, write_file,
};
use crate::model::{AnnId, Project};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Serialize)]
struct SpansLine<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    doc_id: u32,
    title: &'a str,
}

#[derive(Serialize)]
struct RelationsLine<'a> {
    text: &'a str,
    entities: Vec<EntityOut<'a>>,
    relations: Vec<RelationOut>,
    doc_id: u32,
    title: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: usize,
    start_offset: usize,
    end_offset: usize,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<&'static str>,
}

#[derive(Serialize)]
struct RelationOut {
    id: usize,
    from_id: usize,
    to_id: usize,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// The relation file's name: `x.jsonl` → `x.relations.jsonl`.
pub fn relations_path(out: &Path) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "doccano".into());
    out.with_file_name(format!("{stem}.relations.jsonl"))
}

fn spans_line<'a>(d: &DocSel<'a>) -> SpansLine<'a> {
    SpansLine {
        text: &d.doc.text,
        label: d.anns.iter().map(|a| (a.span.start(), a.span.end(), a.label.as_str())).collect(),
        doc_id: d.doc.id.0,
        title: &d.doc.title,
    }
}

/// `first_entity` and `first_relation` are the ids before this line's first ones.
fn relations_line<'a>(
    selection: &Selection<'a>,
    d: &DocSel<'a>,
    first_entity: usize,
    first_relation: &mut usize,
) -> RelationsLine<'a> {
    let entities = d
        .anns
        .iter()
        .map(|a| EntityOut {
            id: first_entity + selection.local(a),
            start_offset: a.span.start(),
            end_offset: a.span.end(),
            label: &a.label,
            attribution: attribution_name(a),
        })
        .collect();
    let mut relations = Vec::new();
    for &a in &d.anns {
        for (relation, to, _) in selection.relations(a) {
            *first_relation += 1;
            relations.push(RelationOut {
                id: *first_relation,
                from_id: first_entity + selection.local(a),
                to_id: first_entity + to,
                kind: relation.name(),
            });
        }
    }
    RelationsLine { text: &d.doc.text, entities, relations, doc_id: d.doc.id.0, title: &d.doc.title }
}

pub(crate) fn write(selection: &Selection, out: &Path, left_out: &mut LeftOut) -> Result<Vec<PathBuf>, Error> {
    let all = || selection.docs.iter().flat_map(|d| d.anns.iter());
    let suggested = all().filter(|a| !a.is_reviewed()).count();
    left_out.add(
        suggested,
        "suggestion written without its status (doccano has no status)",
        "suggestions written without their status (doccano has no status)",
    );
    left_out.add(all().filter(|a| !a.tags.is_empty()).count(), "annotation's tags", "annotations' tags");
    left_out.add(all().filter(|a| !a.note.is_empty()).count(), "note", "notes");
    left_out.add(all().filter(|a| a.links.entity.is_some()).count(), "entity link", "entity links");
    left_out.dangling(selection);
    let spans = write_file(out, |w| {
        for d in &selection.docs {
            serde_json::to_writer(&mut *w, &spans_line(d))?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })?;
    let relations = write_file(&relations_path(out), |w| {
        let (mut entity, mut relation) = (0, 0);
        for d in &selection.docs {
            serde_json::to_writer(&mut *w, &relations_line(selection, d, entity, &mut relation))?;
            w.write_all(b"\n")?;
            entity += d.anns.len();
        }
        Ok(())
    })?;
    Ok(vec![spans, relations])
}

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
        type SpanIn<'l> = (Option<&'l serde_json::Value>, usize, usize, &'l str, Option<&'l str>);
        let spans: Vec<SpanIn> = match (&line.entities, &line.label) {
            (Some(entities), _) => entities
                .iter()
                .map(|e| (Some(&e.id), e.start_offset, e.end_offset, e.label.as_str(), e.attribution.as_deref()))
                .collect(),
            (None, Some(labels)) => labels.iter().map(|(s, e, l)| (None, *s, *e, l.as_str(), None)).collect(),
            (None, None) => Vec::new(),
        };
        let mut by_id: HashMap<String, AnnId> = HashMap::new();
        for (k, (id, start, end, label, attribution)) in spans.into_iter().enumerate() {
            let span = text.span(start, end).map_err(|m| bad(format!("span {}: {m}", k + 1)))?;
            let made = importer.annotation(doc, span, label, None);
            if let Some(a) = importer.annotation_mut(made) {
                set_attribution(a, attribution);
            }
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
            if let Some(a) = importer.annotation_mut(from) {
                relation.set(&mut a.links, to);
            }
        }
        Ok(())
    })?;
    Ok(importer.finish())
}
