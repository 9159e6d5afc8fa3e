//! Article import: bytes from a file → a [`Document`] with clean, offset-stable text.
//!
//! Decoding uses `encoding_rs` (BOMs: UTF-8, UTF-16LE/BE) and `chardetng` for legacy single-byte
//! files; line endings become `\n` so every later offset counts one character per line break;
//! Markdown is reduced to its readable text. Files that are not articles — binary, empty, or too
//! large to be one — are refused with a message that says which.

mod decode;
mod html;
mod jsonl;
mod markdown;
mod tools;

pub use decode::{Decoded, decode};
pub use html::{WebPage, extract as extract_article};
pub use jsonl::{is_jsonl, read_jsonl, take_article};
pub use tools::{brat_by_annotator, from_tool};

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
    #[error("{path} looks like a binary file ({what}), not an article; open a .txt, .md or .html file")]
    Binary { path: String, what: String },
    #[error("{path}: {message}")]
    NoArticle { path: String, message: String },
}

/// What kind of text a file holds, decided by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Plain,
    Markdown,
    /// A saved web page: the article is taken out of it, with its metadata.
    Html,
}

impl TextKind {
    pub fn of_path(path: &Path) -> TextKind {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown") => TextKind::Markdown,
            Some("html" | "htm" | "xhtml") => TextKind::Html,
            _ => TextKind::Plain,
        }
    }
}

/// Whether a file in a folder of articles is one: plain text, Markdown or a saved web page, by
/// its extension.
pub fn is_article_path(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    path.is_file() && matches!(ext.as_deref(), Some("txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml"))
}

/// An article's text as Sayso reads it, with what the file said about it. Detection needs no
/// more than this; a [`Document`] adds an id and the text's hash.
#[derive(Debug)]
pub struct Article {
    /// Normalised: `\n` line endings, no BOM, never blank.
    pub text: String,
    /// The encoding the bytes were read in ("UTF-8", "windows-1252", …).
    pub encoding: String,
    /// A web page's title, outlet, author, date and URL (empty for other kinds).
    pub page: WebPage,
}

/// Reads the file at `path` as an article, refusing oversized files before reading them.
pub fn read_file(path: &Path) -> Result<Article, ImportError> {
    let shown = path.display().to_string();
    let bytes = read_bytes(path, &shown)?;
    read_article(&bytes, &shown, TextKind::of_path(path))
}

fn read_bytes(path: &Path, shown: &str) -> Result<Vec<u8>, ImportError> {
    let read_err = |e: std::io::Error| ImportError::Read { path: shown.into(), message: e.to_string() };
    let size = std::fs::metadata(path).map_err(read_err)?.len();
    if size > MAX_BYTES {
        return Err(ImportError::TooLarge { path: shown.into(), size });
    }
    std::fs::read(path).map_err(read_err)
}

/// The articles at `paths`: files, folders of them, and JSONL files of many (one per line), in
/// the order given; with a message for each file or line that could not be read.
pub fn import_paths(paths: &[std::path::PathBuf]) -> (Vec<Document>, Vec<String>) {
    let (mut docs, mut problems) = (Vec::new(), Vec::new());
    for result in read_files(&crate::stream::expand_folders(paths)) {
        match result {
            Ok((d, p)) => {
                docs.extend(d);
                problems.extend(p);
            }
            Err(e) => problems.push(e.to_string()),
        }
    }
    (docs, problems)
}

/// A file's documents, and a message for each part of it that is not one (a JSONL line).
pub type FileArticles = (Vec<Document>, Vec<String>);

/// Each file's articles, read and decoded on every core, in the order given: a JSONL file's
/// documents with a message for each line that is not one, any other file's one document.
pub fn read_files(files: &[std::path::PathBuf]) -> Vec<Result<FileArticles, ImportError>> {
    use rayon::prelude::*;
    files
        .par_iter()
        .map(|file| {
            if is_jsonl(file) {
                read_jsonl(file)
            } else {
                import_file(file, DocId(0)).map(|doc| (vec![doc], Vec::new()))
            }
        })
        .collect()
}

/// Reads the file at `path` into a document, refusing oversized files before reading them.
pub fn import_file(path: &Path, id: DocId) -> Result<Document, ImportError> {
    let shown = path.display().to_string();
    let bytes = read_bytes(path, &shown)?;
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
    let Article { text, encoding, page } = read_article(bytes, name, kind)?;
    let title = Some(page.title).filter(|t| !t.is_empty()).or_else(|| title_of(&text));
    let mut doc = Document::new(id, title.unwrap_or_else(|| fallback_title.to_string()), text);
    doc.encoding = encoding;
    doc.source = page.outlet;
    doc.author = page.author;
    doc.date = page.date;
    doc.url = page.url;
    Ok(doc)
}

/// Decodes bytes and takes the article out of them: the text and what the file says about it.
pub fn read_article(bytes: &[u8], name: &str, kind: TextKind) -> Result<Article, ImportError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ImportError::TooLarge { path: name.into(), size: bytes.len() as u64 });
    }
    let declared = if kind == TextKind::Html { html::declared_encoding(bytes) } else { None };
    let decoded = decode::decode_declared(bytes, declared);
    article_from(decoded.map_err(|what| ImportError::Binary { path: name.into(), what })?, name, kind)
}

/// [`read_article`] for text that is already a string, which it takes without a copy.
pub fn read_article_text(text: String, name: &str, kind: TextKind) -> Result<Article, ImportError> {
    if text.len() as u64 > MAX_BYTES {
        return Err(ImportError::TooLarge { path: name.into(), size: text.len() as u64 });
    }
    article_from(decode::check_text(text).map_err(|what| ImportError::Binary { path: name.into(), what })?, name, kind)
}

fn article_from(decoded: Decoded, name: &str, kind: TextKind) -> Result<Article, ImportError> {
    let Decoded { text, encoding } = decoded;
    let text = normalize_line_endings(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty { path: name.into() });
    }
    let mut page = WebPage::default();
    let text = match kind {
        TextKind::Plain => text,
        TextKind::Markdown => markdown::to_text(&text),
        TextKind::Html => {
            page = html::extract(&text).map_err(|message| ImportError::NoArticle { path: name.into(), message })?;
            std::mem::take(&mut page.text)
        }
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty { path: name.into() });
    }
    Ok(Article { text, encoding, page })
}

/// CRLF and lone CR become LF, so a line break is always one code point.
pub fn normalize_line_endings(text: impl Into<String> + AsRef<str>) -> String {
    if !text.as_ref().contains('\r') {
        return text.into();
    }
    let text = text.as_ref();
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
