//! One imported article. Its text never changes after import: every annotation points into it.

use super::text_index::IndexCache;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocId(pub u32);

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "d{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    pub title: String,
    /// Outlet or agency the article came from ("Sputnik", "TASS"); empty when unknown.
    #[serde(default)]
    pub source: String,
    /// Where the article was imported from, as the user named it.
    #[serde(default)]
    pub origin_path: String,
    /// The encoding the file was decoded from ("UTF-8", "windows-1252", …).
    #[serde(default)]
    pub encoding: String,
    /// Who wrote the article; empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// When it was published, as written in its metadata or by the analyst (ISO 8601 preferred,
    /// so documents sort by it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Where it was published.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// SHA-256 of `text` in hex, so a hand-edited text is noticed on load.
    pub hash: String,
    /// Normalised text: `\n` line endings, no BOM.
    pub text: String,
    /// Code point → byte lookups for `text`, so slicing a span costs the same anywhere in it.
    #[serde(skip)]
    index: IndexCache,
}

impl Document {
    pub fn new(id: DocId, title: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Document {
            id,
            title: title.into(),
            source: String::new(),
            origin_path: String::new(),
            encoding: "UTF-8".into(),
            author: String::new(),
            date: String::new(),
            url: String::new(),
            hash: text_hash(&text),
            text,
            index: IndexCache::default(),
        }
    }

    /// Code point ↔ byte lookups for `text`, built once and kept.
    pub fn index(&self) -> std::borrow::Cow<'_, super::TextIndex> {
        self.index.get(&self.text)
    }

    /// The words of a span (clamped to the text), in near-constant time.
    pub fn slice(&self, span: super::Span) -> &str {
        self.index().slice(&self.text, span.start(), span.end())
    }

    /// Whether `hash` still matches `text`.
    pub fn hash_matches(&self) -> bool {
        self.hash == text_hash(&self.text)
    }

    pub fn len_chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// Lower-case hex SHA-256 of a text.
pub fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_tracks_text() {
        let mut doc = Document::new(DocId(1), "t", "abc");
        assert_eq!(doc.hash, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert!(doc.hash_matches());
        doc.text.push('!');
        assert!(!doc.hash_matches());
    }
}
