//! `sayso detect` at corpus scale: a JSON-lines stream on stdin, every core, folders, and output
//! that does not depend on the number of threads.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const ARTICLES: [&str; 3] = [
    "“We will rebuild the bridge by spring,” Mayor Zoë Adams said on Monday.",
    "Officials said the talks would resume. “Nothing is agreed,” Sergei Lavrov told reporters.",
    "The report found that water levels fell. Gessler said the plan would cost €240 million.",
];

fn sayso(args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stream(n: usize) -> String {
    (0..n)
        .map(|i| {
            let line = serde_json::json!({"id": format!("a{i}"), "outlet": "Wire", "text": ARTICLES[i % 3]});
            format!("{line}\n")
        })
        .collect()
}

#[test]
fn a_jsonl_stream_gives_one_line_per_line_in_order_and_bad_lines_say_why() {
    let mut input = stream(150);
    input.push_str("not json\n");
    input.push_str(&format!("{}\n", serde_json::json!({"id": "last", "text": ARTICLES[0]})));
    let out = sayso(&["detect", "--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 152);
    for (i, line) in lines[..150].iter().enumerate() {
        assert_eq!(line["id"], format!("a{i}"), "input order");
        assert_eq!(line["outlet"], "Wire", "fields pass through");
    }
    assert_eq!(lines[0]["quotes"][0]["text"], "“We will rebuild the bridge by spring,”");
    assert_eq!((lines[150]["line"].as_u64(), lines[150]["id"].is_null()), (Some(151), true));
    assert!(lines[150]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(lines[151]["id"], "last", "the stream goes on after a bad line");
}

#[test]
fn output_is_the_same_on_one_thread_and_on_every_core() {
    let dir = tempfile::tempdir().unwrap();
    for (i, text) in ARTICLES.iter().cycle().take(70).enumerate() {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
    }
    std::fs::write(dir.path().join("photo.png"), b"\x89PNG\r\n").unwrap();
    let folder = dir.path().to_str().unwrap();
    let one = sayso(&["detect", "--threads", "1", folder], b"");
    let all = sayso(&["detect", folder], b"");
    assert!(one.status.success() && all.status.success());
    assert_eq!(one.stdout, all.stdout, "byte for byte");
    assert_eq!(one.stdout.iter().filter(|b| **b == b'\n').count(), 70, "a folder gives its articles, in name order");
    let input = stream(200);
    let one = sayso(&["detect", "--jsonl", "--threads", "1"], input.as_bytes());
    let two = sayso(&["detect", "--jsonl", "--threads", "2"], input.as_bytes());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn a_reader_that_stops_reading_ends_the_run_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["detect", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // Far more than a pipe holds; stops when the program has gone.
        let _ = stdin.write_all(stream(20_000).as_bytes());
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.contains("\"id\":\"a0\""));
    // The reader is gone (stdout dropped with the BufReader).
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "exit {:?}", out.status);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{stderr}");
}

#[test]
fn annotate_takes_a_folder_and_makes_the_same_project_on_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for (i, text) in ARTICLES.iter().cycle().take(80).enumerate() {
        std::fs::write(articles.join(format!("{i:03}.txt")), text).unwrap();
    }
    let (one, all) = (dir.path().join("one.ron"), dir.path().join("all.ron"));
    let folder = articles.to_str().unwrap();
    assert!(sayso(&["annotate", folder, "--out", one.to_str().unwrap(), "--threads", "1"], b"").status.success());
    assert!(sayso(&["annotate", folder, "--out", all.to_str().unwrap()], b"").status.success());
    assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&all).unwrap(), "byte for byte");
    let p = sayso::store::load(&one).unwrap().project;
    assert_eq!(p.documents.len(), 80);
    let lavrov = p.entities.iter().filter(|e| e.name.contains("Lavrov")).count();
    assert_eq!(lavrov, 1, "one person across the folder's articles");
}
