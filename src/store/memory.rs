//! The memory as RON text: in the project file, and as a file of its own (`team.memory.ron`) to
//! share what analysts taught across projects and between the analysts of a team.
//!
//! Each list is sorted by its words and headed by comments that cut the alphabet in five
//! (`// a–e` … `// u–z, others`), written even when empty. Two analysts who each teach a lesson
//! then add lines under different headings, which git merges, unless their words fall between
//! the same two neighbours (the same limit as for entities, see the README). The headings are
//! comments: readers ignore them.

use super::StoreError;
use crate::model::{Memory, normalise};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::path::Path;

/// The memory file format this build writes.
pub const MEMORY_FORMAT: u32 = 1;

/// Where each heading's words start (digits and punctuation sort first, letters beyond `z` last).
const HEADINGS: [(char, &str); 5] = [('\0', "a–e"), ('f', "f–j"), ('k', "k–o"), ('p', "p–t"), ('u', "u–z, others")];

/// The `memory: ( … )` record, each line indented by `indent`, ending in a newline.
pub fn write_record(memory: &Memory, indent: &str, out: &mut String) {
    let inner = format!("{indent}    ");
    let _ = writeln!(out, "{indent}memory: (");
    write_list(out, &inner, "labels", &memory.labels, |l| normalise(&l.words));
    write_list(out, &inner, "rejected", &memory.rejected, |r| normalise(&r.words));
    write_list(out, &inner, "names", &memory.names, |n| normalise(&n.name));
    let _ = writeln!(out, "{indent}),");
}

fn write_list<T: Serialize>(out: &mut String, indent: &str, name: &str, list: &[T], words: impl Fn(&T) -> String) {
    let entry_indent = format!("{indent}    ");
    let _ = writeln!(out, "{indent}{name}: [");
    let mut entries = list.iter().peekable();
    for (k, (_, heading)) in HEADINGS.iter().enumerate() {
        let _ = writeln!(out, "{entry_indent}// {heading}");
        let next_start = HEADINGS.get(k + 1).map(|(c, _)| *c);
        while let Some(entry) =
            entries.next_if(|e| next_start.is_none_or(|c| words(e).chars().next().unwrap_or('\0') < c))
        {
            // Serialising plain data with string keys cannot fail.
            let text = ron::ser::to_string_pretty(entry, super::pretty()).unwrap_or_default();
            for line in text.lines() {
                let _ = writeln!(out, "{entry_indent}{line}");
            }
            out.insert(out.len() - 1, ',');
        }
    }
    let _ = writeln!(out, "{indent}],");
}

#[derive(Deserialize)]
struct FileIn {
    memory_format: u32,
    #[serde(default)]
    memory: Memory,
}

/// The file's text: the memory in its canonical order.
pub fn to_ron(memory: &Memory) -> String {
    let mut sorted = memory.clone();
    sorted.canonicalize();
    let mut text =
        String::from("// Sayso memory: what analysts taught (labels of names, rejected words, entities' names).\n");
    let _ = writeln!(text, "(\n    memory_format: {MEMORY_FORMAT},");
    write_record(&sorted, "    ", &mut text);
    text.push_str(")\n");
    text
}

/// Reads a memory file.
pub fn load(path: &Path) -> Result<Memory, StoreError> {
    let bytes = std::fs::read(path).map_err(|source| StoreError::Read { path: path.into(), source })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| StoreError::NotText { path: path.into() })?;
    let file: FileIn = ron::from_str(text).map_err(|e| StoreError::Syntax {
        path: path.into(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if file.memory_format > MEMORY_FORMAT {
        return Err(StoreError::FutureMemory { path: path.into(), found: file.memory_format });
    }
    let mut memory = file.memory;
    memory.canonicalize();
    Ok(memory)
}

/// Writes a memory file atomically.
pub fn save(memory: &Memory, path: &Path) -> Result<(), StoreError> {
    super::atomic::write_bytes_atomic(path, to_ron(memory).as_bytes())
        .map_err(|source| StoreError::Write { path: path.into(), source })
}
