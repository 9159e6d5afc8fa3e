//! Exporters for the formats other tools read.
//!
//! [`export`] writes a project in one [`Format`]; `crate::import::from_tool` reads brat, doccano
//! and spaCy files back into a project. Each format lives in its own file, which opens with its
//! offset convention and what the format cannot hold.
//!
//! **Offsets.** Every format here counts Unicode code points into the document's text (Python
//! string indices, end exclusive), which is the model's own unit, so no offset is ever converted:
//! spaCy, doccano and brat define their files that way, and Label Studio's importer was checked to
//! count code points too (`formats.md`: a span after an emoji is at 57–96, not at the UTF-16 58–97).
//! Texts are written as stored: UTF-8, `\n` line endings, no BOM (the CSV alone starts with a BOM,
//! for spreadsheets).
//!
//! **What goes out.** By default only reviewed work ([`Annotation::is_reviewed`]: accepted or made
//! by the analyst); [`Options::include_suggestions`] adds the suggested annotations, marked
//! `suggested` wherever the format can carry a status. Rejected annotations are never exported.
//! Links become relations from the linking annotation to its target: [`SPOKEN_BY`] (quote →
//! speaker), [`CUED_BY`] (quote → cue) and [`PART_OF`] (later part of a split quote → first part).
//! Versions of one statement (the same words reported more than once) carry the statement's name
//! (`s3`) wherever a format has span attributes, since the formats' relations stay inside one
//! document; two versions in one document are also joined by [`SAME_STATEMENT`] (later version →
//! the document's first); import rebuilds the groups, as confirmed ones (whether the analyst had
//! confirmed a group does not go out). A link whose target is not exported is dropped, and every
//! such loss — and anything else a format cannot hold — is counted in [`Report::left_out`]
//! instead of being dropped silently.
//!
//! **Writing.** Writers stream each document straight into a buffered writer, and every file is
//! replaced atomically ([`crate::store::atomic::write_atomic`]): a reader sees the old file or the
//! new one, never half of one. brat's folder is staged first (see [`brat`]).

pub mod brat;
pub mod conll;
pub mod csv;
pub mod doccano;
pub mod labelstudio;
pub mod spacy;

use crate::model::{AnnId, Annotation, DocId, Document, Layer, Project, StatementId, Status, TextIndex};
use crate::store::atomic::write_atomic;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Relation name for quote → speaker links.
pub const SPOKEN_BY: &str = "SPOKEN_BY";
/// Relation name for quote → cue links.
pub const CUED_BY: &str = "CUED_BY";
/// Relation name for later part of a split quote → its first part.
pub const PART_OF: &str = "PART_OF";
/// Relation name for a version of a statement → the first version in the same document.
pub const SAME_STATEMENT: &str = "SAME_STATEMENT";

/// The formats Sayso writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// spaCy / Prodigy JSONL: `{"text", "spans", "relations", "meta"}` per document.
    Spacy,
    /// doccano JSONL: `{"text", "label": [[start, end, label]]}`, plus the relation variant.
    Doccano,
    /// brat standoff: a folder of `.txt` + `.ann` pairs with `annotation.conf`.
    Brat,
    /// A spreadsheet of quotes.
    Csv,
    /// CoNLL-2003-style IOB, one token per line, entity mentions only.
    Conll,
    /// Label Studio JSON tasks plus `label_config.xml`.
    LabelStudio,
}

impl Format {
    pub const ALL: [Format; 6] =
        [Format::Spacy, Format::Doccano, Format::Brat, Format::Csv, Format::Conll, Format::LabelStudio];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Spacy => "spacy",
            Format::Doccano => "doccano",
            Format::Brat => "brat",
            Format::Csv => "csv",
            Format::Conll => "conll",
            Format::LabelStudio => "labelstudio",
        }
    }

    /// A human name for menus.
    pub fn title(self) -> &'static str {
        match self {
            Format::Spacy => "spaCy / Prodigy JSONL",
            Format::Doccano => "doccano JSONL",
            Format::Brat => "brat standoff (folder)",
            Format::Csv => "CSV of quotes",
            Format::Conll => "CoNLL IOB (entity mentions)",
            Format::LabelStudio => "Label Studio tasks (JSON)",
        }
    }

    /// The usual extension of the output file; empty for brat, which writes a folder.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Spacy | Format::Doccano => "jsonl",
            Format::Brat => "",
            Format::Csv => "csv",
            Format::Conll => "conll",
            Format::LabelStudio => "json",
        }
    }

    /// Whether `--out` names a folder rather than a file.
    pub fn writes_folder(self) -> bool {
        self == Format::Brat
    }

    /// Whether [`import`] reads this format.
    pub fn can_import(self) -> bool {
        matches!(self, Format::Spacy | Format::Doccano | Format::Brat)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Format::ALL.into_iter().find(|f| f.name() == wanted).ok_or_else(|| Error::UnknownFormat(s.to_string()))
    }
}

/// What to export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Also export suggested (unreviewed) annotations, marked with their status.
    pub include_suggestions: bool,
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Every file written, in order.
    pub files: Vec<PathBuf>,
    /// Annotations that went out.
    pub exported: usize,
    /// What the format could not hold, e.g. "3 overlapping mentions (CoNLL has no overlap)".
    pub left_out: Vec<String>,
}

/// Why an export or import failed. Messages name the file, and the line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}:{line}: {message}", path.display())]
    Parse { path: PathBuf, line: usize, message: String },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    #[error("the project cannot be exported: {0}")]
    Project(String),
    #[error("{0} files cannot be imported; import reads brat, doccano and spacy")]
    CannotImport(Format),
    #[error("unknown format {0:?}; expected one of spacy, doccano, brat, csv, conll, labelstudio")]
    UnknownFormat(String),
}

/// Writes `project` in `format` to `out` (a file, or a folder for brat).
pub fn export(project: &Project, format: Format, out: &Path, opts: &Options) -> Result<Report, Error> {
    let selection = Selection::new(project, opts)?;
    let mut left_out = LeftOut::default();
    let files = match format {
        Format::Spacy => spacy::write(&selection, out, &mut left_out)?,
        Format::Doccano => doccano::write(&selection, out, &mut left_out)?,
        Format::Brat => brat::write(&selection, out, &mut left_out)?,
        Format::Csv => csv::write(&selection, out, &mut left_out)?,
        Format::Conll => conll::write(&selection, out, &mut left_out)?,
        Format::LabelStudio => labelstudio::write(&selection, out, &mut left_out)?,
    };
    Ok(Report { files, exported: selection.exported, left_out: left_out.0 })
}

// ---------------------------------------------------------------------------------------------
// Shared by the writers.

/// A link from one exported annotation to another, as a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    SpokenBy,
    CuedBy,
    PartOf,
    /// Not a link: two versions of one statement (`Links::statement`) in one document.
    SameStatement,
}

impl Relation {
    pub(crate) const ALL: [Relation; 4] =
        [Relation::SpokenBy, Relation::CuedBy, Relation::PartOf, Relation::SameStatement];
    /// The relations that are links of the annotation itself.
    const LINKS: [Relation; 3] = [Relation::SpokenBy, Relation::CuedBy, Relation::PartOf];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Relation::SpokenBy => SPOKEN_BY,
            Relation::CuedBy => CUED_BY,
            Relation::PartOf => PART_OF,
            Relation::SameStatement => SAME_STATEMENT,
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.name() == name)
    }

    fn target(self, links: &crate::model::Links) -> Option<AnnId> {
        match self {
            Relation::SpokenBy => links.speaker,
            Relation::CuedBy => links.cue,
            Relation::PartOf => links.part_of,
            Relation::SameStatement => None,
        }
    }

    /// Sets the link a relation stands for; `false` for [`Relation::SameStatement`], which is
    /// no link (the importer groups such versions).
    pub(crate) fn set(self, links: &mut crate::model::Links, target: AnnId) -> bool {
        match self {
            Relation::SpokenBy => links.speaker = Some(target),
            Relation::CuedBy => links.cue = Some(target),
            Relation::PartOf => links.part_of = Some(target),
            Relation::SameStatement => return false,
        }
        true
    }
}

/// One document and the annotations of it that go out, in id order.
pub(crate) struct DocSel<'p> {
    pub doc: &'p Document,
    pub index: TextIndex,
    pub anns: Vec<&'p Annotation>,
}

impl<'p> DocSel<'p> {
    /// The text an annotation covers.
    pub fn text_of(&self, a: &Annotation) -> &'p str {
        self.index.slice(&self.doc.text, a.span.start(), a.span.end())
    }
}

/// The annotations an export writes, grouped by document, with local numbers (1, 2, … per
/// document in id order) that the formats use as region ids.
pub(crate) struct Selection<'p> {
    pub project: &'p Project,
    pub docs: Vec<DocSel<'p>>,
    pub exported: usize,
    /// Exported annotation → its local number.
    local: HashMap<AnnId, usize>,
    /// The first exported version of each statement in each document.
    first_version: HashMap<(DocId, StatementId), AnnId>,
    /// Links whose target does not go out.
    pub dangling_links: usize,
}

impl<'p> Selection<'p> {
    pub fn new(project: &'p Project, opts: &Options) -> Result<Self, Error> {
        let mut slot: HashMap<DocId, usize> = HashMap::with_capacity(project.documents.len());
        let mut docs = Vec::with_capacity(project.documents.len());
        for doc in &project.documents {
            if slot.insert(doc.id, docs.len()).is_some() {
                return Err(Error::Project(format!("two documents have the id {}", doc.id)));
            }
            docs.push(DocSel { doc, index: TextIndex::new(&doc.text), anns: Vec::new() });
        }
        let mut local = HashMap::with_capacity(project.annotations.len());
        let mut first_version = HashMap::new();
        let mut exported = 0;
        for a in &project.annotations {
            let wanted = a.status != Status::Rejected && (a.is_reviewed() || opts.include_suggestions);
            if !wanted {
                continue;
            }
            let Some(&i) = slot.get(&a.doc) else {
                return Err(Error::Project(format!("annotation {} belongs to a missing document {}", a.id, a.doc)));
            };
            let sel = &mut docs[i];
            if let Err(e) = a.span.check_within(sel.index.len_chars()) {
                return Err(Error::Project(format!("annotation {} in {} ({}): {e}", a.id, a.doc, sel.doc.title)));
            }
            sel.anns.push(a);
            local.insert(a.id, sel.anns.len());
            if let Some(s) = quoted_statement(a) {
                first_version.entry((a.doc, s)).or_insert(a.id);
            }
            exported += 1;
        }
        let mut selection = Selection { project, docs, exported, local, first_version, dangling_links: 0 };
        let mut dangling = 0;
        for d in &selection.docs {
            for a in &d.anns {
                dangling += Relation::LINKS
                    .into_iter()
                    .filter(|r| r.target(&a.links).is_some_and(|t| selection.target(a, t).is_none()))
                    .count();
            }
        }
        selection.dangling_links = dangling;
        Ok(selection)
    }

    /// The local number of an exported annotation in the same document as `from`.
    fn target(&self, from: &Annotation, to: AnnId) -> Option<usize> {
        let n = *self.local.get(&to)?;
        let same_doc = self.project.annotation(to).is_some_and(|t| t.doc == from.doc);
        same_doc.then_some(n)
    }

    /// The local number of an annotation that goes out.
    pub fn local(&self, a: &Annotation) -> usize {
        self.local.get(&a.id).copied().unwrap_or(0)
    }

    /// The relations from `a` whose targets go out: (relation, target's local number, target).
    pub fn relations(&self, a: &'p Annotation) -> impl Iterator<Item = (Relation, usize, &'p Annotation)> + '_ {
        let same_statement = a
            .links
            .statement
            .and_then(|s| self.first_version.get(&(a.doc, s)))
            .filter(|first| **first != a.id)
            .map(|first| (Relation::SameStatement, *first));
        let links = Relation::LINKS.into_iter().filter_map(move |r| Some((r, r.target(&a.links)?)));
        links.chain(same_statement).filter_map(move |(r, to)| {
            let n = self.target(a, to)?;
            Some((r, n, self.project.annotation(to)?))
        })
    }

    /// Every statement name an exported quotation carries, in order, once each.
    pub fn statement_names(&self) -> Vec<String> {
        let mut ids: Vec<StatementId> = self.first_version.keys().map(|(_, s)| *s).collect();
        ids.sort();
        ids.dedup();
        ids.iter().map(StatementId::to_string).collect()
    }

    /// Every label in the schema, then any label used by an exported annotation that it lacks.
    pub fn labels(&self) -> Vec<&'p str> {
        let mut names: Vec<&str> = self.project.schema.labels.iter().map(|l| l.name.as_str()).collect();
        for d in &self.docs {
            for a in &d.anns {
                if !names.contains(&a.label.as_str()) {
                    names.push(&a.label);
                }
            }
        }
        names
    }

    pub fn relation_count(&self) -> usize {
        self.docs.iter().flat_map(|d| d.anns.iter()).map(|a| self.relations(a).count()).sum()
    }
}

/// The status written for an exported annotation: reviewed work is `accepted`.
/// A quotation's attribution type as exports write it (`statement`, `belief`, `evidence`,
/// `question`; a quotation without a stored type is a statement); `None` for other layers.
pub(crate) fn attribution_name(a: &Annotation) -> Option<&'static str> {
    (a.layer == Layer::Quote).then(|| a.attribution_type().name())
}

/// The name of the statement a quotation reports (`s3`), shared by its versions in every
/// document; `None` for a quotation of no statement and for other layers.
pub(crate) fn statement_name(a: &Annotation) -> Option<String> {
    quoted_statement(a).map(|s| s.to_string())
}

/// The statement a quotation reports; `None` for other layers.
fn quoted_statement(a: &Annotation) -> Option<StatementId> {
    a.links.statement.filter(|_| a.layer == Layer::Quote)
}

/// Reads an exported attribution type back onto an imported quotation.
pub(crate) fn set_attribution(a: &mut Annotation, name: Option<&str>) {
    if a.layer == Layer::Quote
        && let Some(t) = name.and_then(crate::model::AttributionType::from_name)
    {
        a.attribution = Some(t);
    }
}

pub(crate) fn status_name(a: &Annotation) -> &'static str {
    if a.is_reviewed() { "accepted" } else { "suggested" }
}

/// What a format could not hold, phrased for the report.
#[derive(Debug, Default)]
pub(crate) struct LeftOut(Vec<String>);

impl LeftOut {
    /// Records `n` things if there are any: `one` is the singular phrase, `many` the plural.
    pub fn add(&mut self, n: usize, one: &str, many: &str) {
        match n {
            0 => {}
            1 => self.0.push(format!("1 {one}")),
            n => self.0.push(format!("{n} {many}")),
        }
    }

    /// Records the links whose targets were not exported.
    pub fn dangling(&mut self, selection: &Selection) {
        self.add(
            selection.dangling_links,
            "link to an annotation that was not exported",
            "links to annotations that were not exported",
        );
    }
}

/// Writes one file atomically, creating its folder if needed.
pub(crate) fn write_file<F>(path: &Path, write: F) -> Result<PathBuf, Error>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let err = |source| Error::Write { path: path.to_path_buf(), source };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    write_atomic(path, write).map_err(err)?;
    Ok(path.to_path_buf())
}
