//! `sayso detect --jsonl`: a stream of articles in, a stream of detections out, for pipelines
//! (GNU parallel, Spark's `rdd.pipe`) that feed one program JSON lines on stdin.
//!
//! Each input line is `{"id": …, "text": "…"}` with any other fields (`url`, `outlet`, `date`,
//! `title` …), which are passed through ahead of the detections. One output line per input line,
//! in input order, whatever the number of threads; a line that cannot be read gives
//! `{"id": …, "line": N, "error": "…"}` and the stream goes on. Lines are read and detected a
//! chunk at a time, so memory stays bounded on an endless stream. A reader that stops reading
//! (a closed pipe) ends the run quietly.

use rayon::prelude::*;
use serde_json::{Map, Value};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Inputs detected at once, on every core, before their results are written in order.
pub const CHUNK: usize = 64;

/// The largest text accepted on a line, as for a file.
const MAX_TEXT_BYTES: usize = crate::import::MAX_BYTES as usize;

/// Files as given, with each folder replaced by the articles in it (sorted by name).
pub fn expand_folders(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(|e| Some(e.ok()?.path()))
                    .filter(|p| crate::import::is_article_path(p))
                    .collect();
                found.sort();
                files.extend(found);
            }
            Err(_) => files.push(path.clone()),
        }
    }
    files
}

/// A write error: a reader that went away (`head`, a closed pipe) ends the run without a word;
/// anything else is an error.
pub fn closed_pipe_is_fine(e: std::io::Error) -> anyhow::Result<ExitCode> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(anyhow::Error::new(e).context("writing the output"))
    }
}

/// Detects every line of stdin and writes one line of JSON for each to stdout.
pub fn detect_stream() -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut number = 0usize;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK {
            let mut line = String::new();
            match input.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => {
                    number += 1;
                    if !line.trim().is_empty() {
                        chunk.push((number, Ok(line)));
                    }
                }
                // Bytes that are not UTF-8: that line is reported, the stream goes on.
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                    number += 1;
                    let mut rest = Vec::new();
                    let _ = input.read_until(b'\n', &mut rest);
                    chunk.push((number, Err("the line is not UTF-8 text".to_string())));
                }
                Err(e) => return Err(anyhow::Error::new(e).context("reading stdin")),
            }
        }
        if chunk.is_empty() {
            break;
        }
        let lines: Vec<Vec<u8>> = chunk.par_iter().map(|(n, line)| output_line(*n, line.as_deref())).collect();
        for line in lines {
            if let Err(e) = out.write_all(&line) {
                return closed_pipe_is_fine(e);
            }
        }
        if let Err(e) = out.flush() {
            return closed_pipe_is_fine(e);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The output for input line `n` of the stream, as [`detect_stream`] writes it: one line of
/// JSON, the detections or what is wrong with the line.
pub fn line_output(n: usize, line: &str) -> Vec<u8> {
    output_line(n, Ok(line))
}

/// The output for input line `n`: its detections, or what is wrong with it.
fn output_line(n: usize, line: Result<&str, &String>) -> Vec<u8> {
    let mut fields = Map::new();
    let result = line.map_err(String::clone).and_then(|line| detect_line(line, &mut fields));
    match result {
        Ok(bytes) => bytes,
        Err(error) => {
            let id = fields.remove("id").unwrap_or(Value::Null);
            let mut bytes =
                serde_json::to_vec(&serde_json::json!({"id": id, "line": n, "error": error})).unwrap_or_default();
            bytes.push(b'\n');
            bytes
        }
    }
}

/// Detects one input line; `fields` keeps what was read of it, for the error line if it fails.
fn detect_line(line: &str, fields: &mut Map<String, Value>) -> Result<Vec<u8>, String> {
    *fields = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return Err("the line is JSON but not an object".into()),
        Err(e) => return Err(format!("the line is not JSON: {e}")),
    };
    let text = match (fields.get("text"), fields.get("html")) {
        (Some(Value::String(t)), _) => t.clone(),
        (Some(_), _) => return Err("\"text\" is not a string".into()),
        (None, Some(_)) => return Err("\"html\" is not read yet: send the article's text as \"text\"".into()),
        (None, None) => return Err("the line has no \"text\"".into()),
    };
    if text.len() > MAX_TEXT_BYTES {
        return Err(format!("the text is {} bytes, over the limit of {MAX_TEXT_BYTES}", text.len()));
    }
    // The same decoding checks and line-ending normalisation as a file's, so offsets agree.
    let doc = crate::import::import_bytes(
        text.as_bytes(),
        "the text",
        "",
        crate::import::TextKind::Plain,
        crate::model::DocId(1),
    )
    .map_err(|e| e.to_string())?;
    let found = crate::detect::detect(&doc.text);
    let kept: Vec<(&str, &Value)> =
        fields.iter().filter(|(k, _)| !matches!(k.as_str(), "text" | "html")).map(|(k, v)| (k.as_str(), v)).collect();
    let json = crate::detect::Json { fields: &kept, file: None, text: &doc.text, detections: &found };
    let mut bytes = Vec::with_capacity(doc.text.len() * 2);
    crate::detect::write_line(&mut bytes, &json).map_err(|e| e.to_string())?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(n: usize, line: &str) -> Value {
        serde_json::from_slice(&output_line(n, Ok(line))).unwrap()
    }

    #[test]
    fn a_line_keeps_its_fields_and_a_bad_line_says_why() {
        let v = parsed(1, r#"{"id": 7, "outlet": "TASS", "text": "“We will win,” Lavrov said."}"#);
        assert_eq!((v["id"].as_i64(), v["outlet"].as_str()), (Some(7), Some("TASS")));
        assert_eq!(v["quotes"][0]["text"], "“We will win,”");
        assert!(v.get("text").is_none(), "the text is not echoed");
        for (line, error) in [
            (r#"{"id": "a", "text": 3}"#, "not a string"),
            (r#"{"id": "a"}"#, "no \"text\""),
            (r#"{"id": "a", "html": "<p>x</p>"}"#, "html"),
            ("not json", "not JSON"),
            ("[1, 2]", "not an object"),
            (r#"{"id": 1, "text": "\u0000\u0000binary"}"#, "control characters"),
            (r#"{"id": 1, "text": "   "}"#, "empty"),
        ] {
            let v = parsed(4, line);
            assert_eq!(v["line"], 4, "{line}");
            assert!(v["error"].as_str().unwrap().contains(error), "{line}: {v}");
        }
        assert_eq!(parsed(2, r#"{"id": "x9"}"#)["id"], "x9", "the id is kept on an error");
    }
}
