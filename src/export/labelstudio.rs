//! Label Studio: a JSON list of tasks at `OUT`, and `label_config.xml` beside it whose names the
//! tasks use (`<Labels name="label" toName="text">`, `<Relations>`, `<Text name="text">`).
//!
//! ```json
//! [{"data": {"text": "…", "title": "…", "doc_id": 1},
//!   "annotations": [{"result": [
//!     {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
//!      "value": {"start": 57, "end": 96, "text": "“We will …”", "labels": ["DIRECT"]}},
//!     {"id": "r1", "from_name": "attribution", "to_name": "text", "type": "choices",
//!      "value": {"start": 57, "end": 96, "choices": ["statement"]}},
//!     {"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "right", "labels": ["SPOKEN_BY"]}]}],
//!   "predictions": [{"model_version": "sayso", "result": […]}]}]
//! ```
//!
//! Reviewed work goes under `annotations`, suggestions (with `--include-suggestions`) under
//! `predictions`. Region ids are `r` + the annotation's number within its document. A note goes in
//! the region's `meta.text`, as Label Studio's region notes do. A quotation's attribution type is a
//! per-region choice (`<Choices name="attribution" perRegion="true">`) on the same region id; the
//! statement a quotation reports, when other versions of it are exported, another
//! (`<Choices name="statement" perRegion="true">`, one choice per statement: `s3`).
//!
//! **Offsets:** Unicode code points, end exclusive. Label Studio does not document its unit and
//! validates nothing on import; importing through its API (formats.md) showed that it takes Python
//! string indices: `value.text == data.text[start:end]` holds for code points, not for UTF-16.
//!
//! **Cannot hold:** a relation between a reviewed and a suggested annotation (they sit in
//! different result lists), tags, entity links and layers. The report counts each. Not importable.

use super::{DocSel, Error, LeftOut, Relation, Selection, attribution_name, statement_name, write_file};
use crate::model::Annotation;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The names in `label_config.xml` that the tasks refer to.
const LABELS_NAME: &str = "label";
const TEXT_NAME: &str = "text";
/// The per-region choice holding a quotation's attribution type.
const TYPE_NAME: &str = "attribution";
/// The per-region choice naming the statement a quotation reports.
const STATEMENT_NAME: &str = "statement";

#[derive(Serialize)]
struct Task<'a> {
    data: Data<'a>,
    annotations: Vec<Results<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    predictions: Vec<Prediction<'a>>,
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
    title: &'a str,
    doc_id: u32,
}

#[derive(Serialize)]
struct Results<'a> {
    result: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Prediction<'a> {
    model_version: &'static str,
    result: Vec<Item<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a> {
    Region {
        id: String,
        from_name: &'static str,
        to_name: &'static str,
        #[serde(rename = "type")]
        kind: &'static str,
        value: Value<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        meta: Option<Meta<'a>>,
    },
    /// A quotation's attribution type or statement: a per-region choice on the same region id.
    Choice {
        id: String,
        from_name: &'static str,
        to_name: &'static str,
        #[serde(rename = "type")]
        kind: &'static str,
        value: ChoiceValue,
    },
    Relation {
        from_id: String,
        to_id: String,
        #[serde(rename = "type")]
        kind: &'static str,
        direction: &'static str,
        labels: [&'static str; 1],
    },
}

#[derive(Serialize)]
struct Value<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: [&'a str; 1],
}

#[derive(Serialize)]
struct ChoiceValue {
    start: usize,
    end: usize,
    choices: [Cow<'static, str>; 1],
}

#[derive(Serialize)]
struct Meta<'a> {
    text: [&'a str; 1],
}

/// The result list of one side (reviewed or suggested); counts relations that cross sides.
fn result<'a>(selection: &Selection<'a>, d: &DocSel<'a>, reviewed: bool, crossing: &mut usize) -> Vec<Item<'a>> {
    let mine = |a: &Annotation| a.is_reviewed() == reviewed;
    let mut items = Vec::new();
    for &a in d.anns.iter().filter(|a| mine(a)) {
        items.push(Item::Region {
            id: format!("r{}", selection.local(a)),
            from_name: LABELS_NAME,
            to_name: TEXT_NAME,
            kind: "labels",
            value: Value { start: a.span.start(), end: a.span.end(), text: d.text_of(a), labels: [&a.label] },
            meta: (!a.note.is_empty()).then_some(Meta { text: [&a.note] }),
        });
        let choices =
            [(TYPE_NAME, attribution_name(a).map(Cow::Borrowed)), (STATEMENT_NAME, statement_name(a).map(Cow::Owned))];
        for (from_name, choice) in choices {
            let Some(choice) = choice else { continue };
            items.push(Item::Choice {
                id: format!("r{}", selection.local(a)),
                from_name,
                to_name: TEXT_NAME,
                kind: "choices",
                value: ChoiceValue { start: a.span.start(), end: a.span.end(), choices: [choice] },
            });
        }
    }
    for &a in d.anns.iter().filter(|a| mine(a)) {
        for (relation, to, target) in selection.relations(a) {
            if !mine(target) {
                *crossing += 1;
                continue;
            }
            items.push(Item::Relation {
                from_id: format!("r{}", selection.local(a)),
                to_id: format!("r{to}"),
                kind: "relation",
                direction: "right",
                labels: [relation.name()],
            });
        }
    }
    items
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn write_config(selection: &Selection, w: &mut dyn Write) -> io::Result<()> {
    w.write_all(b"<View>\n")?;
    writeln!(w, "  <Labels name=\"{LABELS_NAME}\" toName=\"{TEXT_NAME}\">")?;
    for label in selection.labels() {
        let color = String::from(selection.project.schema.color_of(label));
        writeln!(w, "    <Label value=\"{}\" background=\"{color}\"/>", xml_escape(label))?;
    }
    w.write_all(b"  </Labels>\n  <Relations>\n")?;
    for relation in Relation::ALL {
        writeln!(w, "    <Relation value=\"{}\"/>", relation.name())?;
    }
    w.write_all(b"  </Relations>\n")?;
    writeln!(w, "  <Choices name=\"{TYPE_NAME}\" toName=\"{TEXT_NAME}\" perRegion=\"true\">")?;
    for t in crate::model::AttributionType::ALL {
        writeln!(w, "    <Choice value=\"{}\"/>", t.name())?;
    }
    w.write_all(b"  </Choices>\n")?;
    let statements = selection.statement_names();
    if !statements.is_empty() {
        writeln!(w, "  <Choices name=\"{STATEMENT_NAME}\" toName=\"{TEXT_NAME}\" perRegion=\"true\">")?;
        for s in statements {
            writeln!(w, "    <Choice value=\"{s}\"/>")?;
        }
        w.write_all(b"  </Choices>\n")?;
    }
    writeln!(w, "  <Text name=\"{TEXT_NAME}\" value=\"$text\"/>")?;
    w.write_all(b"</View>\n")
}

/// Where the label config goes: `label_config.xml` in the tasks' folder.
pub fn config_path(out: &Path) -> PathBuf {
    out.with_file_name("label_config.xml")
}

pub(crate) fn write(selection: &Selection, out: &Path, left_out: &mut LeftOut) -> Result<Vec<PathBuf>, Error> {
    let all = || selection.docs.iter().flat_map(|d| d.anns.iter());
    left_out.add(all().filter(|a| !a.tags.is_empty()).count(), "annotation's tags", "annotations' tags");
    left_out.add(all().filter(|a| a.links.entity.is_some()).count(), "entity link", "entity links");
    left_out.dangling(selection);
    let mut crossing = 0;
    let tasks = write_file(out, |w| {
        w.write_all(b"[")?;
        for (i, d) in selection.docs.iter().enumerate() {
            w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            let reviewed = result(selection, d, true, &mut crossing);
            let suggested = result(selection, d, false, &mut crossing);
            let task = Task {
                data: Data { text: &d.doc.text, title: &d.doc.title, doc_id: d.doc.id.0 },
                annotations: vec![Results { result: reviewed }],
                predictions: if suggested.is_empty() {
                    Vec::new()
                } else {
                    vec![Prediction { model_version: "sayso", result: suggested }]
                },
            };
            serde_json::to_writer(&mut *w, &task)?;
        }
        w.write_all(b"\n]\n")
    })?;
    left_out.add(
        crossing,
        "relation between a reviewed and a suggested annotation (Label Studio keeps them in separate results)",
        "relations between reviewed and suggested annotations (Label Studio keeps them in separate results)",
    );
    let config = write_file(&config_path(out), |w| write_config(selection, w))?;
    Ok(vec![tasks, config])
}
