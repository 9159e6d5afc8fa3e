//! Who is quoted how often: the tables behind the Insights view and `sayso insights`.
//!
//! The unit is a quotation: a split quotation ("“We will win,” he said, “and soon.”") counts
//! once, by its first part. Rejected work never counts; suggestions count only when asked for,
//! so that by default the figures are the analyst's reviewed work. A quotation's speaker is the
//! entity its speaker mention names, else the mention's own words, else "(no speaker)".

pub mod chart;

use crate::model::{Annotation, Layer, Project, Status, excerpt};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The speaker of quotations whose speaker is not marked.
pub const NO_SPEAKER: &str = "(no speaker)";
/// The outlet or date of documents that do not say.
pub const UNKNOWN: &str = "(unknown)";

/// One table: a name, column headings and rows of cells, ready for a chart or a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file stem it is written under (`speakers` → `speakers.csv`).
    pub name: &'static str,
    pub title: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as CSV (RFC 4180), header first.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&self.columns)?;
        for row in &self.rows {
            w.write_record(row)?;
        }
        let bytes = w.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Who speaks in one quotation: the name shown and the kind of source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Source {
    name: String,
    /// The entity's label (PERSON, ORG, NORP …), or "unlinked" / "none".
    kind: String,
}

/// One quotation as the tables count it.
struct Counted<'p> {
    quote: &'p Annotation,
    source: Source,
    outlet: String,
    date: String,
}

fn sources(project: &Project, include_suggestions: bool) -> Vec<Counted<'_>> {
    let counts = |a: &Annotation| a.status != Status::Rejected && (include_suggestions || a.is_reviewed());
    project
        .annotations
        .iter()
        .filter(|a| a.layer == Layer::Quote && a.links.part_of.is_none() && counts(a))
        .map(|quote| {
            let speaker =
                quote.links.speaker.and_then(|id| project.annotation(id)).filter(|s| s.status != Status::Rejected);
            let source = match speaker {
                None => Source { name: NO_SPEAKER.into(), kind: "none".into() },
                Some(s) => match s.links.entity.and_then(|e| project.entity(e)) {
                    Some(e) => Source { name: e.name.clone(), kind: e.label.clone() },
                    None => Source { name: excerpt(project, s, 60), kind: "unlinked".into() },
                },
            };
            let doc = project.document(quote.doc);
            let or_unknown =
                |s: Option<&String>| s.filter(|s| !s.is_empty()).cloned().unwrap_or_else(|| UNKNOWN.into());
            Counted {
                quote,
                source,
                outlet: or_unknown(doc.map(|d| &d.source)),
                date: or_unknown(doc.map(|d| &d.date)),
            }
        })
        .collect()
}

/// The files one table was saved as.
pub struct Saved<'a> {
    pub table: &'a Table,
    pub csv: PathBuf,
    /// Its chart, when asked for and the table has bars to draw.
    pub chart: Option<PathBuf>,
}

/// Writes each table as `DIR/NAME.csv` and, with `charts`, its chart as `DIR/NAME.png` (every
/// file atomically, the folder created if missing).
pub fn save<'a>(tables: &'a [Table], dir: &Path, charts: bool) -> Result<Vec<Saved<'a>>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let write = |file: PathBuf, bytes: &[u8]| {
        crate::store::atomic::write_bytes_atomic(&file, bytes)
            .map_err(|e| format!("writing {}: {e}", file.display()))?;
        Ok::<PathBuf, String>(file)
    };
    let mut saved = Vec::new();
    for table in tables {
        let text = table.to_csv().map_err(|e| format!("writing CSV: {e}"))?;
        let csv = write(dir.join(format!("{}.csv", table.name)), text.as_bytes())?;
        let png = if charts { chart::png(table)? } else { None };
        let chart = png.map(|png| write(dir.join(format!("{}.png", table.name)), &png)).transpose()?;
        saved.push(Saved { table, csv, chart });
    }
    Ok(saved)
}

/// Every table, from reviewed work or (`include_suggestions`) from suggestions too.
pub fn tables(project: &Project, include_suggestions: bool) -> Vec<Table> {
    let counted = sources(project, include_suggestions);
    let total = counted.len();
    let share = |n: usize| if total == 0 { "0.000".to_string() } else { format!("{:.3}", n as f64 / total as f64) };

    let mut by_speaker: BTreeMap<&Source, (usize, BTreeSet<_>)> = BTreeMap::new();
    let mut by_outlet: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut by_date: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut by_label: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &counted {
        let s = by_speaker.entry(&c.source).or_default();
        s.0 += 1;
        s.1.insert(c.quote.doc);
        *by_outlet.entry((&c.outlet, &c.source.name)).or_default() += 1;
        *by_date.entry((&c.date, &c.source.name)).or_default() += 1;
        *by_label.entry(&c.quote.label).or_default() += 1;
        *by_kind.entry(source_kind(&c.source.kind)).or_default() += 1;
    }
    let mut speakers: Vec<(&Source, usize, usize)> = by_speaker.iter().map(|(s, (n, d))| (*s, *n, d.len())).collect();
    speakers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut outlets: Vec<((&str, &str), usize)> = by_outlet.into_iter().collect();
    outlets.sort_by(|a, b| a.0.0.cmp(b.0.0).then(b.1.cmp(&a.1)).then(a.0.1.cmp(b.0.1)));
    vec![
        Table {
            name: "speakers",
            title: "Who is quoted",
            columns: vec!["speaker", "type", "quotes", "articles"],
            rows: speakers
                .iter()
                .map(|(s, n, d)| vec![s.name.clone(), s.kind.clone(), n.to_string(), d.to_string()])
                .collect(),
        },
        Table {
            name: "speakers_by_outlet",
            title: "Who is quoted, by outlet",
            columns: vec!["outlet", "speaker", "quotes"],
            rows: outlets.iter().map(|((o, s), n)| vec![o.to_string(), s.to_string(), n.to_string()]).collect(),
        },
        Table {
            name: "speakers_by_date",
            title: "Who is quoted, over time",
            columns: vec!["date", "speaker", "quotes"],
            rows: by_date.iter().map(|((d, s), n)| vec![d.to_string(), s.to_string(), n.to_string()]).collect(),
        },
        Table {
            name: "quote_kinds",
            title: "Direct, mixed and indirect quotation",
            columns: vec!["label", "quotes", "share"],
            rows: by_label.iter().map(|(l, n)| vec![l.to_string(), n.to_string(), share(*n)]).collect(),
        },
        Table {
            name: "source_kinds",
            title: "People, organisations and others as sources",
            columns: vec!["source", "quotes", "share"],
            rows: by_kind.iter().map(|(k, n)| vec![k.to_string(), n.to_string(), share(*n)]).collect(),
        },
    ]
}

/// The kind of source an entity label stands for, in words.
fn source_kind(label: &str) -> &'static str {
    match label {
        "PERSON" => "people",
        "ORG" => "organisations",
        "NORP" => "groups (nationalities, parties)",
        "none" => "no speaker marked",
        "unlinked" => "speaker not linked to an entity",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_cells_with_commas_and_quotes() {
        let t = Table {
            name: "t",
            title: "T",
            columns: vec!["speaker", "quotes"],
            rows: vec![vec!["Lavrov, Sergei".into(), "2".into()], vec!["the \"minister\"".into(), "1".into()]],
        };
        assert_eq!(t.to_csv().unwrap(), "speaker,quotes\n\"Lavrov, Sergei\",2\n\"the \"\"minister\"\"\",1\n");
    }
}
