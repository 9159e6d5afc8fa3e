//! Annotations made in other tools, read into a new project: brat standoff, doccano JSONL and
//! spaCy JSONL, in the shapes `crate::export` writes them (and the tools themselves do).
//!
//! Import makes every annotation accepted, with origin `Imported { format }`, numbers annotations
//! in file order and keeps the document and entity ids a Sayso export wrote, so export → import →
//! export gives identical files. Texts with CRLF line endings or a BOM are normalised and their
//! offsets shifted to match.

mod brat;
mod doccano;
mod spacy;

pub use brat::read_by_annotator as brat_by_annotator;

use crate::export::{Error, Format, Relation};
use crate::model::{
    AnnId, Annotation, Color, DocId, Document, Entity, EntityId, LabelDef, Layer, Origin, Project, Span, Statement,
    StatementId, Status, TextIndex,
};
use std::collections::HashMap;
use std::path::Path;

/// Reads a brat folder (or one `.ann`/`.txt` pair), a doccano JSONL file or a spaCy JSONL file into
/// a new project with the default schema; labels it does not know are added to the schema.
pub fn from_tool(path: &Path, format: Format) -> Result<Project, Error> {
    match format {
        Format::Spacy => spacy::read(path),
        Format::Doccano => doccano::read(path),
        Format::Brat => brat::read(path),
        other => Err(Error::CannotImport(other)),
    }
}

/// Reads a whole UTF-8 file.
pub(crate) fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    String::from_utf8(bytes).map_err(|e| Error::Invalid {
        path: path.to_path_buf(),
        message: format!("not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()),
    })
}

// ---------------------------------------------------------------------------------------------
// Shared by the importers.

/// A text as another tool stored it, normalised to the model's form (no BOM, `\n` line endings),
/// with the map from the tool's code-point offsets to the normalised ones.
pub(crate) struct ForeignText {
    /// The text as read, for checking the span texts a file repeats.
    pub raw: String,
    pub raw_index: TextIndex,
    pub text: String,
    /// Code-point offsets (in `raw`) of the characters removed by normalising, ascending.
    removed: Vec<usize>,
}

impl ForeignText {
    pub fn new(raw: String) -> Self {
        let mut text = String::with_capacity(raw.len());
        let mut removed = Vec::new();
        let mut chars = raw.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\u{feff}' if i == 0 => removed.push(i),
                '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => removed.push(i),
                '\r' => text.push('\n'),
                c => text.push(c),
            }
        }
        let raw_index = TextIndex::new(&raw);
        ForeignText { raw, raw_index, text, removed }
    }

    pub fn raw_len(&self) -> usize {
        self.raw_index.len_chars()
    }

    /// The raw text of `start..end`.
    pub fn raw_slice(&self, start: usize, end: usize) -> &str {
        self.raw_index.slice(&self.raw, start, end)
    }

    fn map(&self, offset: usize) -> usize {
        offset - self.removed.partition_point(|&r| r < offset)
    }

    /// Checks a span given in the tool's offsets and maps it onto the normalised text.
    pub fn span(&self, start: usize, end: usize) -> Result<Span, String> {
        if end > self.raw_len() {
            return Err(format!("span {start}..{end} runs past the end of the text ({} characters)", self.raw_len()));
        }
        Span::new(self.map(start), self.map(end)).map_err(|e| e.to_string())
    }
}

/// Builds the project an import returns.
pub(crate) struct Importer {
    project: Project,
    origin: Origin,
    format: Format,
    /// A statement's name in the files (`s3`) → the group it became here.
    statements: HashMap<String, StatementId>,
}

impl Importer {
    pub fn new(format: Format) -> Self {
        Importer {
            project: Project::default(),
            origin: Origin::Imported { format: format.name().to_string() },
            format,
            statements: HashMap::new(),
        }
    }

    /// Adds a document, keeping the id `wanted` when it is free.
    pub fn document(&mut self, wanted: Option<u32>, title: String, source: String, from: &Path, text: String) -> DocId {
        let id = match wanted {
            Some(n) if self.project.document(DocId(n)).is_none() => DocId(n),
            _ => self.project.next_doc_id(),
        };
        let mut doc = Document::new(id, title, text);
        doc.source = source;
        doc.origin_path = from.display().to_string();
        self.project.documents.push(doc);
        id
    }

    /// Adds an accepted annotation. `layer` is taken from the schema when not given; an unknown
    /// label is added to the schema (on the mention layer unless `layer` says otherwise).
    pub fn annotation(&mut self, doc: DocId, span: Span, label: &str, layer: Option<Layer>) -> AnnId {
        let known = self.project.schema.label(label).map(|l| l.layer.clone());
        let layer = match (layer, known) {
            (Some(layer), _) => layer,
            (None, Some(layer)) => layer,
            (None, None) => Layer::Mention,
        };
        if self.project.schema.label(label).is_none() {
            self.project.schema.labels.push(LabelDef {
                name: label.to_string(),
                layer: layer.clone(),
                color: Color([0x88, 0x88, 0x88]),
                hotkey: None,
                description: String::new(),
            });
        }
        let id = self.project.next_ann_id();
        self.project.put_annotation(Annotation::new(
            id,
            doc,
            span,
            layer,
            label,
            Status::Accepted,
            self.origin.clone(),
        ));
        id
    }

    pub fn annotation_mut(&mut self, id: AnnId) -> Option<&mut Annotation> {
        self.project.annotation_mut(id)
    }

    /// Carries a relation read from the file: a link, or two versions of one statement.
    pub fn relate(&mut self, relation: Relation, from: AnnId, to: AnnId) {
        let linked = self.project.annotation_mut(from).is_some_and(|a| relation.set(&mut a.links, to));
        if !linked && relation == Relation::SameStatement {
            self.same_statement(from, to);
        }
    }

    /// Makes the quotation a version of the statement the files call `name`; `None` leaves it.
    pub fn statement(&mut self, id: AnnId, name: Option<&str>) {
        let Some(name) = name.filter(|n| !n.is_empty()) else { return };
        let group = match self.statements.get(name) {
            Some(group) => *group,
            None => {
                let group = self.new_statement();
                self.statements.insert(name.to_string(), group);
                group
            }
        };
        if let Some(a) = self.project.annotation_mut(id).filter(|a| a.layer == Layer::Quote) {
            a.links.statement = Some(group);
        }
    }

    /// Puts two quotations in one statement group: the one `to` has, else the one `from` has,
    /// else a new one (the rest of `from`'s group comes along).
    fn same_statement(&mut self, from: AnnId, to: AnnId) {
        let group_of = |p: &Project, id: AnnId| p.annotation(id).and_then(|a| a.links.statement);
        let (old, kept) = (group_of(&self.project, from), group_of(&self.project, to));
        let group = match (old, kept) {
            (_, Some(group)) | (Some(group), None) => group,
            (None, None) => self.new_statement(),
        };
        for a in self.project.annotations.iter_mut().filter(|a| a.layer == Layer::Quote) {
            if a.id == from || a.id == to || (old.is_some() && a.links.statement == old) {
                a.links.statement = Some(group);
            }
        }
    }

    fn new_statement(&mut self) -> StatementId {
        let id = self.project.next_statement_id();
        let reason = format!("read from {}", self.format.title());
        self.project.put_statement(Statement { id, status: Status::Accepted, reason });
        id
    }

    pub fn has_entity(&self, id: EntityId) -> bool {
        self.project.entity(id).is_some()
    }

    pub fn entity(&mut self, entity: Entity) {
        if !self.has_entity(entity.id) {
            self.project.put_entity(entity);
        }
    }

    pub fn next_entity_id(&self) -> EntityId {
        self.project.next_entity_id()
    }

    /// The project read; a statement left with one version (the others were not exported) is
    /// no group.
    pub fn finish(mut self) -> Project {
        let mut versions: HashMap<StatementId, usize> = HashMap::new();
        for s in self.project.annotations.iter().filter_map(|a| a.links.statement) {
            *versions.entry(s).or_default() += 1;
        }
        let grouped = |s: &StatementId| versions.get(s).is_some_and(|n| *n >= 2);
        self.project.statements.retain(|s| grouped(&s.id));
        for a in &mut self.project.annotations {
            a.tags.sort();
            a.tags.dedup();
            if a.links.statement.is_some_and(|s| !grouped(&s)) {
                a.links.statement = None;
            }
        }
        self.project
    }
}

/// A line-numbered JSON error.
pub(crate) fn json_error(path: &Path, line: usize, e: &serde_json::Error) -> Error {
    Error::Parse { path: path.to_path_buf(), line, message: e.to_string() }
}

/// Reads a JSONL file line by line, skipping blank lines; `f` gets the 1-based line number.
pub(crate) fn for_each_line<F>(path: &Path, mut f: F) -> Result<(), Error>
where
    F: FnMut(usize, &str) -> Result<(), Error>,
{
    let text = read_text(path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    for (i, line) in text.lines().enumerate() {
        if !line.trim().is_empty() {
            f(i + 1, line)?;
        }
    }
    Ok(())
}
