//! The headless commands, run as a user would run them.

use crate::common;

use std::process::Command;

fn sayso(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sayso")).args(args).output().expect("sayso runs")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn help_lists_the_subcommands() {
    let out = stdout(&sayso(&["--help"]));
    for sub in ["check", "detect", "annotate", "eval", "export", "import"] {
        assert!(out.contains(sub), "{sub} missing from:\n{out}");
    }
}

#[test]
fn check_summarises_a_project_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    sayso::store::save(&common::project(), &path).unwrap();
    let p = path.to_str().unwrap();
    let text = sayso(&["check", p]);
    assert!(text.status.success());
    assert!(
        stdout(&text).contains("1 document(s), 8 annotation(s) (5 suggested, 2 accepted, 1 rejected)"),
        "{}",
        stdout(&text)
    );
    let json = sayso(&["check", p, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["documents"], 1);
    assert_eq!(v["annotations"], 8);
    assert_eq!(v["by_status"], serde_json::json!({"suggested": 5, "accepted": 2, "rejected": 1}));
    assert_eq!(v["by_layer"]["quote"]["accepted"], 1);
}

#[test]
fn check_fails_with_the_error_on_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let text = sayso::store::to_ron(&common::project());
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let out = sayso(&["check", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.ron:") && err.contains("damaged project file"), "{err}");
}

#[test]
fn annotate_then_check_and_detect_json() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Talks\n\n“We will win,” Foreign Minister Sergei Lavrov said on Thursday.\n").unwrap();
    let project = dir.path().join("a.ron");
    let out = sayso(&["annotate", article.to_str().unwrap(), "--out", project.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let loaded = sayso::store::load(&project).unwrap().project;
    assert!(loaded.annotations.iter().any(|a| a.label == "DIRECT"));
    let out = sayso(&["detect", article.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let quote = &v["quotes"][0];
    assert_eq!(quote["text"], "“We will win,”");
    assert_eq!((quote["start"].as_u64(), quote["end"].as_u64()), (Some(7), Some(21)));
    assert_eq!(quote["speaker"]["text"].as_str().map(|s| s.ends_with("Lavrov")), Some(true));
    assert_eq!(quote["type"], "statement");
    assert_eq!(quote["quotation"], 0);
    let forms: Vec<(&str, &str)> = v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["text"].as_str().unwrap(), m["form"].as_str().unwrap()))
        .collect();
    assert!(forms.contains(&("Sergei Lavrov", "name")), "{forms:?}");
}

#[test]
fn detect_json_types_quotes_and_joins_the_parts_of_a_split_quotation() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    let text = "Talks\n\n“We will win,” the minister said. “And soon.”\n\nThe mayor believes that the budget is balanced, \
                and he said it would stay so.\n";
    std::fs::write(&article, text).unwrap();
    let out = sayso(&["detect", article.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    let find = |start: &str| quotes.iter().find(|q| q["text"].as_str().unwrap().starts_with(start)).unwrap();
    let (first, second) = (find("“We will win"), find("“And soon"));
    assert_eq!(first["quotation"], second["quotation"], "one quotation in two parts");
    assert_ne!(first["quotation"], find("that the budget")["quotation"]);
    assert_eq!(find("that the budget")["type"], "belief");
    let forms: Vec<(&str, &str)> = v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["text"].as_str().unwrap(), m["form"].as_str().unwrap()))
        .collect();
    assert!(forms.contains(&("he", "pronoun")) && forms.contains(&("the minister", "nominal")), "{forms:?}");
}

#[test]
fn detect_reports_unreadable_files_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "“Yes,” she said.\n").unwrap();
    let out = sayso(&["detect", "/no/such/file.txt", good.to_str().unwrap(), "--json"]);
    assert!(!out.status.success());
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
}
