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

#[test]
fn check_json_on_a_bad_file_prints_json_that_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.ron");
    let text = sayso::store::to_ron(&common::project());
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let out = sayso(&["check", path.to_str().unwrap(), "--json"]);
    assert!(!out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert!(v["error"].as_str().unwrap().contains("the file ends early"), "{v}");
    assert_eq!(v["file"], path.display().to_string());
}

fn sayso_env(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sayso"));
    command.args(args).env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("sayso runs")
}

#[test]
fn version_names_the_package_version_and_the_commit() {
    let out = sayso(&["--version"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with(&format!("sayso {}", env!("CARGO_PKG_VERSION"))), "{text}");
    // Built from a git checkout, it names the commit; from a tarball, the version alone.
    let head =
        Command::new("git").args(["rev-parse", "--short=12", "HEAD"]).current_dir(env!("CARGO_MANIFEST_DIR")).output();
    if let Some(head) = head.ok().filter(|h| h.status.success()) {
        let head = String::from_utf8_lossy(&head.stdout).trim().to_string();
        assert_eq!(text.trim(), format!("sayso {} (commit {head})", env!("CARGO_PKG_VERSION")));
    }
    assert_eq!(stdout(&sayso(&["-V"])), text);
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    for (shell, marker) in [("bash", "complete -F _sayso"), ("zsh", "#compdef sayso"), ("fish", "complete -c sayso")] {
        let out = sayso(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", String::from_utf8_lossy(&out.stderr));
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell} script lacks {marker:?}");
        for sub in ["detect", "annotate", "export", "completions", "man"] {
            assert!(script.contains(sub), "{shell} script does not complete {sub}");
        }
    }
    assert_eq!(sayso(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_prints_a_roff_page_with_the_commands_and_exit_status() {
    let out = sayso(&["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH sayso 1") && page.contains(&format!("sayso {}", env!("CARGO_PKG_VERSION"))), "{page}");
    assert!(!page.contains("commit"), "the page names the release, not the commit");
    for part in [".SH NAME", ".SH SYNOPSIS", "sayso\\-detect(1)", "completions", "Exit status:", "NO_COLOR"] {
        assert!(page.contains(part), "the man page lacks {part:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = sayso(&["man", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let detect = std::fs::read_to_string(dir.path().join("sayso-detect.1")).unwrap();
    assert!(detect.contains(".TH sayso-detect 1") && detect.contains("\\-\\-json"), "{detect}");
    assert!(dir.path().join("sayso-man.1").is_file() && !dir.path().join("sayso-help.1").exists());
}

#[test]
fn exit_status_is_0_for_success_1_for_bad_input_2_for_usage() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "“Yes,” she said.\n").unwrap();
    let good = good.to_str().unwrap();
    assert_eq!(sayso(&["detect", good]).status.code(), Some(0));
    assert_eq!(sayso(&["detect", "/no/such/file.txt"]).status.code(), Some(1));
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format_version: 2, documents: [").unwrap();
    assert_eq!(sayso(&["check", bad.to_str().unwrap()]).status.code(), Some(1));
    for usage in [&["--no-such-option"][..], &["detect"], &["export", good, "--format", "nonsense", "--out", "x"]] {
        let out = sayso(usage);
        assert_eq!(out.status.code(), Some(2), "{usage:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let help = stdout(&sayso(&["--help"]));
    assert!(help.contains("Exit status:") && help.contains("2  usage"), "{help}");
}

#[test]
fn no_color_takes_the_colour_out_of_messages() {
    // CLICOLOR_FORCE colours even a pipe, so the difference NO_COLOR makes can be seen here.
    let coloured = sayso_env(&["--no-such-option"], &[("CLICOLOR_FORCE", "1")]);
    assert!(coloured.stderr.contains(&0x1b), "{}", String::from_utf8_lossy(&coloured.stderr));
    let plain = sayso_env(&["--no-such-option"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert_eq!(plain.status.code(), Some(2));
    assert!(!plain.stderr.contains(&0x1b), "{}", String::from_utf8_lossy(&plain.stderr));
    assert!(String::from_utf8_lossy(&plain.stderr).contains("--no-such-option"));
    let help = sayso_env(&["--help"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(!help.stdout.contains(&0x1b));
}

#[test]
fn quiet_leaves_results_and_errors_only() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, b"\x93We will win,\x94 Lavrov said.\n").unwrap(); // Windows-1252: a note
    let project = dir.path().join("a.ron");
    let (a, p) = (article.to_str().unwrap(), project.to_str().unwrap());
    let loud = sayso(&["annotate", a, "--out", p]);
    assert!(!loud.stdout.is_empty() && !loud.stderr.is_empty());
    for args in
        [&["--quiet", "annotate", a, "--out", p][..], &["annotate", "-q", a, "--out", p], &["check", p, "--quiet"]]
    {
        let out = sayso(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{args:?} printed {out:?}");
    }
    // Results are what was asked for: still printed.
    let detect = sayso(&["detect", "--quiet", a]);
    assert!(stdout(&detect).contains("\"quotes\""));
    assert!(stdout(&sayso(&["check", "-q", "--json", p])).contains("\"documents\":1"));
    // And errors still say what went wrong.
    let missing = sayso(&["-q", "check", "/no/such/project.ron"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(!missing.stderr.is_empty());
}

#[test]
fn several_paths_are_accepted_for_the_window() {
    use sayso::cli::Cli;
    let cli = Cli::try_parse_args(["sayso", "/tmp/a.txt", "/tmp/b.md", "/tmp/c.ron"], true).unwrap();
    assert_eq!(cli.paths.len(), 3);
    assert!(cli.command.is_none());
    // A file named like a command still opens as a file after `--`, as the extra windows are started.
    let cli = Cli::try_parse_args(["sayso", "--", "detect"], true).unwrap();
    assert_eq!(cli.paths, [std::path::PathBuf::from("detect")]);
    assert!(cli.command.is_none());
    // A command is the first word only: after a file, a command's name is one more file.
    let cli = Cli::try_parse_args(["sayso", "-q", "a.txt", "check", "p.ron"], true).unwrap();
    assert_eq!(cli.paths.len(), 3);
    assert!(cli.command.is_none() && cli.quiet);
    let cli = Cli::try_parse_args(["sayso", "-q", "detect", "a.txt"], true).unwrap();
    assert!(cli.paths.is_empty() && matches!(cli.command, Some(sayso::cli::Command::Detect { .. })));
}

#[test]
fn articles_open_together_and_projects_each_in_a_window() {
    use sayso::cli::Windows;
    let paths = |names: &[&str]| names.iter().map(std::path::PathBuf::from).collect::<Vec<_>>();
    assert_eq!(Windows::plan(vec![]), Windows::default());
    let w = Windows::plan(paths(&["p.ron", "a.txt", "q.RON", "b.md", "c.html"]));
    assert_eq!(w.here, Some("a.txt".into()));
    assert_eq!(w.here_also, paths(&["b.md", "c.html"]));
    assert_eq!(w.elsewhere, paths(&["p.ron", "q.RON"]));
    let w = Windows::plan(paths(&["p.ron", "q.ron"]));
    assert_eq!((w.here, w.here_also, w.elsewhere), (Some("p.ron".into()), vec![], paths(&["q.ron"])));
}

/// With no display no window opens, but several files on the command line (what a desktop
/// passes for `Exec=sayso %F`) are not a usage error, and a project starts a process of its own.
#[cfg(feature = "gui")]
#[test]
fn several_files_from_the_desktop_are_not_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, p) = (dir.path().join("a.txt"), dir.path().join("b.txt"), dir.path().join("p.ron"));
    std::fs::write(&a, "One.\n").unwrap();
    std::fs::write(&b, "Two.\n").unwrap();
    sayso::store::save(&common::project(), &p).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args([&a, &p, &b])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    // This window (the two articles) and the project's own.
    assert_eq!(err.matches("cannot open the window").count(), 2, "{err}");
}

#[test]
fn train_ner_from_a_project_writes_its_model_beside_it_and_annotate_and_detect_use_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("markets.txt");
    std::fs::write(&article, "Shares of Zorblax rose. Zorblax said profits grew. Analysts like Zorblax.").unwrap();
    let project = dir.path().join("markets.ron");
    let (a, p) = (article.to_str().unwrap(), project.to_str().unwrap());
    assert!(sayso(&["annotate", a, "--out", p]).status.success());
    let unreviewed = sayso(&["train", "ner", "--from", p]);
    assert_eq!(unreviewed.status.code(), Some(1), "nothing reviewed, nothing learnt");
    assert!(!dir.path().join("markets.ner.bin").exists());
    // The analyst makes every "Zorblax" an organisation.
    let mut loaded = sayso::store::load(&project).unwrap().project;
    let text = loaded.documents[0].text.clone();
    for ann in loaded.annotations.iter_mut().filter(|x| x.layer == sayso::model::Layer::Mention) {
        if text.chars().skip(ann.span.start()).take(ann.span.len()).collect::<String>() == "Zorblax" {
            ann.label = "ORG".into();
            ann.status = sayso::model::Status::Accepted;
        }
    }
    sayso::store::save(&loaded, &project).unwrap();

    let trained = sayso(&["train", "ner", "--from", p]);
    assert!(trained.status.success(), "{}", String::from_utf8_lossy(&trained.stderr));
    assert!(stdout(&trained).contains("retrained on 1 reviewed document(s)"), "{}", stdout(&trained));
    let beside = dir.path().join("markets.ner.bin");
    let first = std::fs::read(&beside).unwrap();
    let again = dir.path().join("again.bin");
    assert!(sayso(&["train", "ner", "--from", p, "--out", again.to_str().unwrap()]).status.success());
    assert_eq!(std::fs::read(&again).unwrap(), first, "the same work gives the same bytes");

    let other = dir.path().join("later.txt");
    std::fs::write(&other, "Yesterday Zorblax said it would hire.").unwrap();
    let o = other.to_str().unwrap();
    let org = |out: &std::process::Output| stdout(out).contains(r#""text":"Zorblax","label":"ORG""#);
    assert!(!org(&sayso(&["detect", o])), "{}", stdout(&sayso(&["detect", o])));
    assert!(org(&sayso(&["detect", o, "--model", beside.to_str().unwrap()])));
    // Annotating into the project's file name uses the model beside it.
    let annotated = sayso(&["annotate", o, "--out", p]);
    assert!(String::from_utf8_lossy(&annotated.stderr).contains("markets.ner.bin"));
    let relabelled = sayso::store::load(&project).unwrap().project;
    assert!(relabelled.annotations.iter().any(|x| x.label == "ORG"));
}
