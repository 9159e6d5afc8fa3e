//! A JSONL file of articles — one JSON object per line, as `sayso detect --jsonl` reads them and
//! as crawlers and news archives write them — read into documents with their metadata.
//!
//! Each line holds `"text"` (or `"html"`, a saved page read as a `.html` file is) and may hold
//! `"title"`, `"outlet"` (or `"source"`), `"author"`, `"date"`, `"url"` and `"id"`; what the line
//! says wins over what a page's own metadata says. A line that cannot be read is reported by its
//! number and the others are kept.

use super::{Article, ImportError, TextKind, read_article_text};
use crate::model::{DocId, Document};
use serde_json::{Map, Value};
use std::io::BufRead;
use std::path::Path;

/// Whether `path` names a JSONL file of articles, by its extension.
pub fn is_jsonl(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// The documents of the JSONL file at `path`, and a message for each line that is not one.
pub fn read_jsonl(path: &Path) -> Result<super::FileArticles, ImportError> {
    let shown = path.display().to_string();
    let read_err = |e: std::io::Error| ImportError::Read { path: shown.clone(), message: e.to_string() };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let (mut docs, mut problems) = (Vec::new(), Vec::new());
    for (i, line) in std::io::BufReader::new(file).split(b'\n').enumerate() {
        let line = line.map_err(read_err)?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let n = i + 1;
        match document(&line, &format!("{shown}, line {n}")) {
            Ok(mut doc) => {
                doc.origin_path = format!("{shown}:{n}");
                docs.push(doc);
            }
            Err(message) => problems.push(format!("{shown}, line {n}: {message}")),
        }
    }
    if docs.is_empty() && problems.is_empty() {
        return Err(ImportError::Empty { path: shown });
    }
    Ok((docs, problems))
}

/// Reads a line of JSON into `fields` and takes its article out of them: `"text"`, or `"html"`
/// (a saved page). The other fields stay; so does what was read of a line that holds no
/// article, for the error to name the line's `id`. Shared by the stream and JSONL files.
pub fn take_article(line: &[u8], fields: &mut Map<String, Value>) -> Result<(String, TextKind), String> {
    *fields = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return Err("the line is JSON but not an object".into()),
        Err(e) => return Err(format!("the line is not JSON: {e}")),
    };
    let (key, kind) = match (fields.get("text"), fields.get("html")) {
        (Some(Value::String(_)), _) => ("text", TextKind::Plain),
        (Some(_), _) => return Err("\"text\" is not a string".into()),
        (None, Some(Value::String(_))) => ("html", TextKind::Html),
        (None, Some(_)) => return Err("\"html\" is not a string".into()),
        (None, None) => return Err("the line has no \"text\" or \"html\"".into()),
    };
    let Some(Value::String(text)) = fields.remove(key) else { unreachable!("checked above") };
    fields.remove("html");
    Ok((text, kind))
}

/// One line's document.
fn document(line: &[u8], name: &str) -> Result<Document, String> {
    let mut fields = Map::new();
    let (text, kind) = take_article(line, &mut fields)?;
    let Article { text, encoding, page } = read_article_text(text, name, kind).map_err(|e| e.to_string())?;
    let given = |fields: &Map<String, Value>, keys: &[&str]| {
        keys.iter().find_map(|k| match fields.get(*k) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    };
    let title = given(&fields, &["title"])
        .or(Some(page.title).filter(|t| !t.is_empty()))
        .or_else(|| super::title_of(&text))
        .or_else(|| given(&fields, &["id"]))
        .unwrap_or_default();
    let mut doc = Document::new(DocId(0), title, text);
    doc.encoding = encoding;
    doc.source = given(&fields, &["outlet", "source"]).unwrap_or(page.outlet);
    doc.author = given(&fields, &["author"]).unwrap_or(page.author);
    doc.date = given(&fields, &["date"]).unwrap_or(page.date);
    doc.url = given(&fields, &["url"]).unwrap_or(page.url);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_documents_with_their_metadata_and_bad_lines_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed.jsonl");
        let lines = [
            r#"{"id": 7, "outlet": "TASS", "date": "2016-12-08", "url": "https://tass.example/1", "text": "Talks in Geneva\n\n“We will meet,” Lavrov said."}"#,
            "",
            r#"{"id": 8, "text": 5}"#,
            "not json",
            r#"{"id": 9, "title": "Given", "author": "A. Writer", "text": "“Soon,” she said."}"#,
        ];
        std::fs::write(&path, lines.join("\n")).unwrap();
        let (docs, problems) = read_jsonl(&path).unwrap();
        assert_eq!(docs.len(), 2);
        let first = &docs[0];
        assert_eq!(
            (first.title.as_str(), first.source.as_str(), first.date.as_str(), first.url.as_str()),
            ("Talks in Geneva", "TASS", "2016-12-08", "https://tass.example/1")
        );
        assert!(first.origin_path.ends_with("feed.jsonl:1") && first.hash_matches());
        assert_eq!((docs[1].title.as_str(), docs[1].author.as_str()), ("Given", "A. Writer"));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("line 3") && problems[0].contains("not a string"), "{problems:?}");
        assert!(problems[1].contains("line 4") && problems[1].contains("not JSON"), "{problems:?}");
    }

    #[test]
    fn an_empty_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.jsonl");
        std::fs::write(&path, "\n\n").unwrap();
        assert!(matches!(read_jsonl(&path), Err(ImportError::Empty { .. })));
    }
}
