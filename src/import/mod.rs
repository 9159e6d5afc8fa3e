//! Article import: bytes from a file → a [`Document`] with clean, offset-stable text.
//!
//! Decoding uses `encoding_rs` (BOMs: UTF-8, UTF-16LE/BE) and `chardetng` for legacy single-byte
//! files; line endings become `\n` so every later offset counts one character per line break;
//! Markdown is reduced to its readable text. Files that are not articles — binary, empty, or too
//! large to be one — are refused with a message that says which.

mod decode;
mod markdown;

pub use decode::{Decoded, decode};

use crate::model::{DocId, Document};
use std::path::Path;

/// Largest article accepted, in bytes. News articles are kilobytes; anything this large is
/// almost surely not one, and would make the interactive view sluggish.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("{path} is empty: there is no article to open")]
    Empty { path: String },
    #[error("{path} is {size} bytes; Sayso opens articles up to {} MB", MAX_BYTES / (1024 * 1024))]
    TooLarge { path: String, size: u64 },
    #[error("{path} looks like a binary file ({what}), not an article; open a .txt or .md file")]
    Binary { path: String, what: String },
}

/// What kind of text a file holds, decided by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Plain,
    Markdown,
}

impl TextKind {
    pub fn of_path(path: &Path) -> TextKind {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown") => TextKind::Markdown,
            _ => TextKind::Plain,
        }
    }
}

/// Whether a file in a folder of articles is one: plain text or Markdown, by its extension.
pub fn is_article_path(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    path.is_file() && matches!(ext.as_deref(), Some("txt" | "text" | "md" | "markdown"))
}

/// Reads and imports the file at `path`, refusing oversized files before reading them.
pub fn import_file(path: &Path, id: DocId) -> Result<Document, ImportError> {
    let shown = path.display().to_string();
    let read_err = |e: std::io::Error| ImportError::Read { path: shown.clone(), message: e.to_string() };
    let size = std::fs::metadata(path).map_err(read_err)?.len();
    if size > MAX_BYTES {
        return Err(ImportError::TooLarge { path: shown, size });
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut doc = import_bytes(&bytes, &shown, &stem, TextKind::of_path(path), id)?;
    doc.origin_path = shown;
    Ok(doc)
}

/// Imports an article from bytes. `name` is used in messages, `fallback_title` when the text has
/// no usable first line.
pub fn import_bytes(
    bytes: &[u8],
    name: &str,
    fallback_title: &str,
    kind: TextKind,
    id: DocId,
) -> Result<Document, ImportError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ImportError::TooLarge { path: name.into(), size: bytes.len() as u64 });
    }
    let Decoded { text, encoding } = decode(bytes).map_err(|what| ImportError::Binary { path: name.into(), what })?;
    let text = normalize_line_endings(&text);
    let text = match kind {
        TextKind::Plain => text,
        TextKind::Markdown => markdown::to_text(&text),
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty { path: name.into() });
    }
    let title = title_of(&text).unwrap_or_else(|| fallback_title.to_string());
    let mut doc = Document::new(id, title, text);
    doc.encoding = encoding;
    Ok(doc)
}

/// CRLF and lone CR become LF, so a line break is always one code point.
pub fn normalize_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// The first non-empty line, shortened to a title's length.
fn title_of(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let mut title: String = line.chars().take(120).collect();
    if line.chars().count() > 120 {
        title.push('…');
    }
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(normalize_line_endings("a\r\nb\rc\n\r\n"), "a\nb\nc\n\n");
        assert_eq!(normalize_line_endings("plain"), "plain");
    }

    #[test]
    fn title_is_first_line() {
        let doc = import_bytes(b"\n  Headline here \n\nBody.", "x", "fallback", TextKind::Plain, DocId(1)).unwrap();
        assert_eq!(doc.title, "Headline here");
    }
}
