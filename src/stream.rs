//! `sayso detect --jsonl`: a stream of articles in, a stream of detections out, for pipelines
//! (GNU parallel, Spark's `rdd.pipe`) that feed one program JSON lines on stdin.
//!
//! Each input line is `{"id": …, "text": "…"}` or `{"id": …, "html": "…"}` (a saved page, whose
//! article and metadata are read as a file's are, and sent back as `"text"`, `"title"`, `"author"`
//! …) with any other fields (`url`, `outlet`, `date`, `title` …), which are passed through ahead
//! of the detections. One output line per input line,
//! in input order, whatever the number of threads; a line that cannot be read gives
//! `{"id": …, "line": N, "error": "…"}` and the stream goes on. Lines are read and detected a
//! chunk at a time, so memory stays bounded on an endless stream. A reader that stops reading
//! (a closed pipe) ends the run quietly.

use crate::import::TextKind;
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Inputs detected at once, on every core, before their results are written in order.
pub const CHUNK: usize = 64;

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

/// Texts up to this size have their result written out by the thread that detected them; a
/// larger one's is written by the writer straight to stdout, so no copy of it is held.
const BUFFER_BELOW: usize = 256 * 1024;

/// A chunk also ends when its texts reach this many bytes: what one chunk holds is bounded.
pub const CHUNK_BYTES: usize = 4 * 1024 * 1024;

/// Where a result is serialised: a buffer of its own keeps serde's many small writes off the
/// dynamic call to the output behind it.
pub type Sink<'a> = std::io::BufWriter<&'a mut dyn Write>;

/// Writes one text's result.
pub type Writing = Box<dyn FnOnce(&mut Sink) -> std::io::Result<()> + Send>;

/// One input's result, in the order the inputs came.
pub enum Output {
    /// Already serialised (short texts, error lines).
    Line(Vec<u8>),
    /// To be serialised by the writer, in place.
    Later(Writing),
    /// Nothing to write; the message goes to stderr.
    Failed(String),
}

impl Output {
    /// The output for a text of `len` bytes that `write` serialises.
    pub fn of(len: usize, write: impl FnOnce(&mut Sink) -> std::io::Result<()> + Send + 'static) -> Output {
        if len < BUFFER_BELOW {
            let mut line = Vec::with_capacity(len * 5 + 64);
            let mut sink = Sink::with_capacity(8 * 1024, &mut line);
            match write(&mut sink).and_then(|()| sink.flush()) {
                Ok(()) => {
                    drop(sink);
                    Output::Line(line)
                }
                Err(e) => Output::Failed(e.to_string()),
            }
        } else {
            Output::Later(Box::new(write))
        }
    }

    /// Writes it to `out`; a failed input is reported on stderr through `report`.
    pub fn write_to(self, out: &mut dyn Write, report: impl FnOnce(&str)) -> std::io::Result<()> {
        match self {
            Output::Line(bytes) => out.write_all(&bytes),
            Output::Later(write) => {
                let mut sink = Sink::with_capacity(64 * 1024, out);
                write(&mut sink)?;
                sink.flush()
            }
            Output::Failed(message) => {
                report(&message);
                Ok(())
            }
        }
    }
}

/// Splits `items` into runs of at most [`CHUNK`] items and about [`CHUNK_BYTES`] bytes (an item
/// larger than that is a run of its own).
pub fn chunks<T>(items: &[T], bytes: impl Fn(&T) -> usize) -> Vec<&[T]> {
    let mut runs = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        if i > start && (i - start == CHUNK || size + bytes(item) > CHUNK_BYTES) {
            runs.push(&items[start..i]);
            (start, size) = (i, 0);
        }
        size += bytes(item);
    }
    if start < items.len() {
        runs.push(&items[start..]);
    }
    runs
}

/// Detects every line of stdin and writes one line of JSON for each to stdout.
/// Names are typed by `model` instead of the built-in entity model when given.
pub fn detect_stream(model: Option<&crate::detect::ner::Model>) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut number = 0usize;
    let progress = crate::progress::lines();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut bytes = 0;
        while chunk.len() < CHUNK && bytes < CHUNK_BYTES {
            let mut line = String::new();
            match input.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => {
                    number += 1;
                    bytes += line.len();
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
        let outputs: Vec<Output> = chunk.into_par_iter().map(|(n, line)| output_for(n, line, model)).collect();
        progress.inc(outputs.len() as u64);
        for output in outputs {
            if let Err(e) = output.write_to(&mut out, |_| ()) {
                return closed_pipe_is_fine(e);
            }
        }
        if let Err(e) = out.flush() {
            return closed_pipe_is_fine(e);
        }
    }
    progress.finish_and_clear();
    Ok(ExitCode::SUCCESS)
}

/// The output for input line `n` of the stream, as [`detect_stream`] writes it: one line of
/// JSON, the detections or what is wrong with the line.
pub fn line_output(n: usize, line: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = output_for(n, Ok(line.to_string()), None).write_to(&mut bytes, |_| ());
    bytes
}

/// The output for input line `n`: its detections, or what is wrong with it.
fn output_for(n: usize, line: Result<String, String>, model: Option<&crate::detect::ner::Model>) -> Output {
    let mut fields = Map::new();
    match line.and_then(|line| detect_line(line, &mut fields, model)) {
        Ok(output) => output,
        Err(error) => {
            let id = fields.remove("id").unwrap_or(Value::Null);
            let mut bytes =
                serde_json::to_vec(&serde_json::json!({"id": id, "line": n, "error": error})).unwrap_or_default();
            bytes.push(b'\n');
            Output::Line(bytes)
        }
    }
}

/// Detects one input line; `fields` keeps what was read of it, for the error line if it fails.
fn detect_line(
    line: String,
    fields: &mut Map<String, Value>,
    model: Option<&crate::detect::ner::Model>,
) -> Result<Output, String> {
    let (text, kind) = crate::import::take_article(line.as_bytes(), fields)?;
    drop(line);
    // The same checks, line-ending normalisation and page reading as a file's, so offsets agree.
    let name = if kind == TextKind::Html { "the page" } else { "the text" };
    let article = crate::import::read_article_text(text, name, kind).map_err(|e| e.to_string())?;
    // A page's article is sent back with what its metadata says, where the line did not say it:
    // offsets are into that text.
    if kind == TextKind::Html {
        let page = &article.page;
        for (key, value) in [
            ("title", &page.title),
            ("outlet", &page.outlet),
            ("author", &page.author),
            ("date", &page.date),
            ("url", &page.url),
        ] {
            if !value.is_empty() && !fields.contains_key(key) {
                fields.insert(key.to_string(), Value::String(value.clone()));
            }
        }
        fields.insert("text".to_string(), Value::String(article.text.clone()));
    }
    let fields = std::mem::take(fields);
    let found = crate::detect::detect_with(&article.text, crate::detect::Explain::Briefly, model);
    Ok(Output::of(article.text.len(), move |out| {
        let kept: Vec<(&str, &Value)> = fields.iter().map(|(k, v)| (k.as_str(), v)).collect();
        let json = crate::detect::Json { fields: &kept, file: None, text: &article.text, detections: &found };
        crate::detect::write_line(out, &json)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(n: usize, line: &str) -> Value {
        serde_json::from_slice(&line_output(n, line)).unwrap()
    }

    #[test]
    fn a_line_keeps_its_fields_and_a_bad_line_says_why() {
        let v = parsed(1, r#"{"id": 7, "outlet": "TASS", "text": "“We will win,” Lavrov said."}"#);
        assert_eq!((v["id"].as_i64(), v["outlet"].as_str()), (Some(7), Some("TASS")));
        assert_eq!(v["quotes"][0]["text"], "“We will win,”");
        assert!(v.get("text").is_none(), "the text is not echoed");
        for (line, error) in [
            (r#"{"id": "a", "text": 3}"#, "not a string"),
            (r#"{"id": "a"}"#, "no \"text\" or \"html\""),
            (r#"{"id": "a", "html": "<ul><li><a href='/'>Home</a></li></ul>"}"#, "no article"),
            (r#"{"id": "a", "html": 5}"#, "not a string"),
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

    #[test]
    fn chunks_are_bounded_by_count_and_by_bytes() {
        let lens = |runs: Vec<&[usize]>| runs.iter().map(|r| r.len()).collect::<Vec<_>>();
        assert_eq!(lens(chunks(&vec![10; 150], |&n| n)), [CHUNK, CHUNK, 150 - 2 * CHUNK]);
        let big = CHUNK_BYTES / 2 + 1;
        assert_eq!(lens(chunks(&[big, big, 1, CHUNK_BYTES * 3, 1], |&n| n)), [1, 2, 1, 1], "a large text is alone");
        assert!(chunks(&[] as &[usize], |&n| n).is_empty());
    }

    #[test]
    fn a_large_text_is_written_in_place_with_the_same_bytes() {
        let text = "“We will not give up,” the mayor said. ".repeat(BUFFER_BELOW / 30);
        let line = serde_json::json!({"id": 1, "text": text}).to_string();
        let Ok(Output::Later(_)) = detect_line(line.clone(), &mut Map::new(), None) else {
            panic!("a large text is written later")
        };
        let out = parsed(1, &line);
        assert_eq!(out["quotes"].as_array().unwrap().len(), text.matches("said").count());
    }

    #[test]
    fn a_page_in_the_stream_gives_its_article_text_and_metadata() {
        let body = "<p>“We will not reopen the mine,” the company’s chief executive, Ana Reyes, said on Monday \
                    after a meeting with union leaders that lasted most of the weekend in the town hall.</p>"
            .repeat(2);
        let html = format!(
            "<html><head><title>Mine stays shut</title><meta name=\"author\" content=\"Lee Park\"></head>\
             <body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
        );
        let line = serde_json::json!({"id": 3, "html": html, "title": "Given title"}).to_string();
        let v = parsed(1, &line);
        assert_eq!(
            (v["id"].as_i64(), v["title"].as_str(), v["author"].as_str()),
            (Some(3), Some("Given title"), Some("Lee Park"))
        );
        let text = v["text"].as_str().unwrap();
        assert!(text.starts_with("“We will not reopen the mine,”") && !text.contains("Home"), "{text}");
        let quote = &v["quotes"][0];
        let (start, end) = (quote["start"].as_u64().unwrap() as usize, quote["end"].as_u64().unwrap() as usize);
        assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), quote["text"].as_str().unwrap());
    }
}
