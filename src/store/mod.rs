//! Loading and saving projects as RON.
//!
//! Files are pretty-printed and deterministic (same project, same bytes) so analysts can keep them
//! in git. Loading is strict about what it cannot trust — future format versions, damaged syntax,
//! spans outside their text, duplicate ids, dangling links — and reports every problem with enough
//! context to fix it, instead of panicking or silently dropping data.

pub mod atomic;
mod file;
pub mod markers;
pub mod memory;
pub mod reanchor;
mod validate;

pub use validate::{Problem, Severity, validate};

use crate::model::{FORMAT_VERSION, Project};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Why a project could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write {path}: {}", describe_write_error(source))]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{path} is not a Sayso project: it is not UTF-8 text")]
    NotText { path: PathBuf },
    #[error("{path}:{line}:{col}: damaged project file: {message}")]
    Syntax { path: PathBuf, line: usize, col: usize, message: String },
    #[error(
        "{path} was written by a newer Sayso (project format {found}); this version reads formats up to {supported}. Update Sayso to open it."
    )]
    FutureVersion { path: PathBuf, found: u32, supported: u32 },
    #[error(
        "{path} was written by a newer Sayso (memory format {found}); this version reads memory formats up to {}. Update Sayso to read it.",
        memory::MEMORY_FORMAT
    )]
    FutureMemory { path: PathBuf, found: u32 },
    #[error("{path} has project format {found}, which no Sayso version wrote (formats start at 1)")]
    UnknownVersion { path: PathBuf, found: u32 },
    #[error(
        "{path} has {} unresolved git merge conflict(s): both sides changed the same records.\n{}\nSettle them with `sayso merge` on the two sides (and their base), e.g.:\n  git show :2:{name} > ours.ron; git show :3:{name} > theirs.ron; git show :1:{name} > base.ron\n  sayso merge ours.ron theirs.ron --base base.ron --out {name}",
        hunks.len(),
        hunks.iter().map(|h| format!("  - {h}")).collect::<Vec<_>>().join("\n"),
        name = path.display()
    )]
    GitConflict { path: PathBuf, hunks: Vec<markers::Hunk> },
    #[error("{path} is inconsistent ({} problem(s)):\n{}", problems.len(), problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid { path: PathBuf, problems: Vec<Problem> },
}

/// The OS message, with the cause an analyst can act on spelled out first.
fn describe_write_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            format!("the disk is full ({e}); free some space or save somewhere else")
        }
        std::io::ErrorKind::ReadOnlyFilesystem => format!("the disk is read-only ({e}); save somewhere else"),
        _ => e.to_string(),
    }
}

/// A loaded project and the warnings found in it (errors refuse the load instead).
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    pub warnings: Vec<Problem>,
    /// The article text was edited outside Sayso and spans no longer sit on their words.
    pub reanchor: Option<Reanchor>,
}

/// Re-anchoring on offer for a project whose article text changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reanchor {
    pub plans: Vec<reanchor::Plan>,
    /// Some spans fall outside the changed text: the project cannot be used before re-anchoring.
    pub required: bool,
}

impl Reanchor {
    /// Applies the plans to `project` (see [`reanchor::apply`]).
    pub fn apply(&self, project: &mut Project) {
        reanchor::apply(project, &self.plans);
    }
}

impl std::fmt::Display for Reanchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plans: Vec<String> = self.plans.iter().map(|p| p.to_string()).collect();
        write!(f, "{}", plans.join("\n"))
    }
}

/// Only the version, read before the rest so a newer file is refused with a clear message
/// rather than a confusing syntax error about fields this version does not know.
#[derive(Deserialize)]
#[serde(rename = "Project")]
struct VersionProbe {
    format_version: u32,
}

/// The layout of Sayso's RON files: pretty, four spaces, one record a line.
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .compact_arrays(false)
}

/// The RON text of a project: pretty, with a stable layout and order.
pub fn to_ron(project: &Project) -> String {
    let config = pretty();
    let mut normalized;
    let project = if is_canonical(project) {
        project
    } else {
        normalized = project.clone();
        canonicalize(&mut normalized);
        &normalized
    };
    // Serialising plain data with string keys cannot fail.
    let body = file::serialize(project, config).unwrap_or_else(|e| panic!("project serialisation failed: {e}"));
    format!("// Sayso project. Offsets are Unicode code points, end exclusive.\n{body}\n")
}

/// Whether a parse error says the text stopped rather than that it is wrong: the parser ran
/// out of text (inside a string or a comment, or with only white space after the error).
fn ends_early(e: &ron::error::SpannedError, text: &str) -> bool {
    use ron::Error::{Eof, ExpectedStringEnd, UnclosedBlockComment};
    if matches!(e.code, Eof | ExpectedStringEnd | UnclosedBlockComment) {
        return true;
    }
    let mut lines = text.lines().skip(e.span.end.line.saturating_sub(1));
    let rest_of_line: String =
        lines.next().map_or(String::new(), |l| l.chars().skip(e.span.end.col.saturating_sub(1)).collect());
    rest_of_line.trim().is_empty() && lines.all(|l| l.trim().is_empty())
}

/// Parses RON text into a project, migrating older formats and validating everything.
pub fn from_ron(text: &str, path: &Path) -> Result<Loaded, StoreError> {
    let syntax = |e: ron::error::SpannedError| StoreError::Syntax {
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: if ends_early(&e, text) {
            "the file ends early, in the middle of the project: it was cut short (an interrupted copy or \
             download, or a full disk)"
                .to_string()
        } else {
            e.code.to_string()
        },
    };
    let hunks = markers::find(text);
    if !hunks.is_empty() {
        return Err(StoreError::GitConflict { path: path.into(), hunks });
    }
    let probe: VersionProbe = ron::from_str(text).map_err(syntax)?;
    match probe.format_version {
        0 => return Err(StoreError::UnknownVersion { path: path.into(), found: 0 }),
        v if v > FORMAT_VERSION => {
            return Err(StoreError::FutureVersion { path: path.into(), found: v, supported: FORMAT_VERSION });
        }
        _ => {}
    }
    let parsed = file::parse(text, probe.format_version).map_err(syntax)?;
    let mut project = parsed.project;
    canonicalize(&mut project);
    let plans = reanchor::plan(&project, &parsed.anchors);
    let errors_of = |p: &Project| -> (Vec<Problem>, Vec<Problem>) {
        validate(p).into_iter().partition(|p| p.severity == Severity::Error)
    };
    let (errors, warnings) = errors_of(&project);
    let mut required = false;
    if !errors.is_empty() {
        // Spans past the end of a hand-edited text are fine if re-anchoring puts them right.
        let mut fixed = project.clone();
        reanchor::apply(&mut fixed, &plans);
        let (fixed_errors, _) = errors_of(&fixed);
        if plans.is_empty() || !fixed_errors.is_empty() {
            return Err(StoreError::Invalid { path: path.into(), problems: errors });
        }
        required = true;
    }
    let reanchor = (!plans.is_empty()).then_some(Reanchor { plans, required });
    Ok(Loaded { project, warnings, reanchor })
}

/// Reads and parses a project file.
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    let bytes = std::fs::read(path).map_err(|source| StoreError::Read { path: path.into(), source })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| StoreError::NotText { path: path.into() })?;
    from_ron(text, path)
}

/// Saves atomically: the previous file survives any failure intact.
pub fn save(project: &Project, path: &Path) -> Result<(), StoreError> {
    let text = to_ron(project);
    atomic::write_bytes_atomic(path, text.as_bytes()).map_err(|source| StoreError::Write { path: path.into(), source })
}

fn is_canonical(p: &Project) -> bool {
    p.annotations.is_sorted_by_key(|a| a.id)
        && p.entities.is_sorted_by_key(|e| e.id)
        && p.documents.is_sorted_by_key(|d| d.id)
        && p.conflicts.is_sorted_by_key(|c| c.id)
        && p.annotations.iter().all(|a| is_sorted_set(&a.tags))
        && p.entities.iter().all(|e| is_sorted_set(&e.aliases))
        && {
            let mut memory = p.memory.clone();
            memory.canonicalize();
            memory == p.memory
        }
}

fn is_sorted_set(v: &[String]) -> bool {
    v.windows(2).all(|w| w[0] < w[1])
}

/// Puts a project in its one stable order: records by id, tags and aliases sorted and unique.
pub fn canonicalize(p: &mut Project) {
    p.annotations.sort_by_key(|a| a.id);
    p.entities.sort_by_key(|e| e.id);
    p.documents.sort_by_key(|d| d.id);
    p.conflicts.sort_by_key(|c| c.id);
    for a in &mut p.annotations {
        a.tags.sort();
        a.tags.dedup();
    }
    for e in &mut p.entities {
        e.aliases.sort();
        e.aliases.dedup();
    }
    p.memory.canonicalize();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        atomic::write_bytes_atomic(&path, b"old").unwrap();
        let full = atomic::write_atomic(&path, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        });
        let err = StoreError::Write { path: path.clone(), source: full.unwrap_err() };
        assert!(err.to_string().contains("the disk is full"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
    }
}
