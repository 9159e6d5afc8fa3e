//! Two analysts' work compared: a PolNeAR-style brat folder read as one project per annotator,
//! and `sayso agree` on them.

use std::path::Path;
use std::process::Command;

const TEXT: &str = "“We will win,” Lavrov said. Kerry said that talks would resume.\nThe mayor thinks it will rain.\n";

/// Two annotators' files for one text, PolNeAR's way: `text/T.txt`, `attributions/T_XXXX.ann`.
fn corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("text")).unwrap();
    std::fs::create_dir_all(dir.join("attributions")).unwrap();
    std::fs::write(dir.join("text/story.txt"), TEXT).unwrap();
    let one = "T1\tContent 0 14\t“We will win,”\nT2\tSource 15 21\tLavrov\nT3\tCue 22 26\tsaid\nT4\tAttribution 22 26\tsaid\n\
               E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n\
               T5\tSource 28 33\tKerry\nT6\tCue 34 38\tsaid\nT7\tContent 39 63\tthat talks would resume.\n\
               T8\tAttribution 34 38\tsaid\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n\
               T9\tDiscuss 64 94\tThe mayor thinks it will rain.\n#1\tAnnotatorNotes T9\tbelief?\n";
    let two = "T1\tContent 1 12\tWe will win\nT2\tSource 15 21\tLavrov\nT3\tCue 22 26\tsaid\n\
               T4\tAttribution 22 26\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n\
               T5\tSource 64 73\tThe mayor\nT6\tCue 74 80\tthinks\nT7\tContent 81 94\tit will rain.\n";
    std::fs::write(dir.join("attributions/story_aaaa.ann"), one).unwrap();
    std::fs::write(dir.join("attributions/story_bbbb.ann"), two).unwrap();
}

fn sayso(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sayso")).args(args).output().unwrap()
}

#[test]
fn each_annotator_becomes_a_project_and_their_agreement_is_measured() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let out = dir.path().join("story.ron");
    let run = sayso(&["import", dir.path().to_str().unwrap(), "--format", "brat", "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let (a, b) = (dir.path().join("story.aaaa.ron"), dir.path().join("story.bbbb.ron"));
    let pa = sayso::store::load(&a).unwrap().project;
    let quotes: Vec<_> = pa.annotations.iter().filter(|x| x.layer == sayso::model::Layer::Quote).collect();
    assert_eq!(quotes.len(), 2, "the Discuss marker is not a quotation");
    let kerry = quotes.iter().find(|q| q.span.start() == 39).unwrap();
    let speaker = pa.annotation(kerry.links.speaker.expect("the event links the source")).unwrap();
    assert_eq!(pa.documents[0].slice(speaker.span), "Kerry");

    let run = sayso(&["agree", a.to_str().unwrap(), b.to_str().unwrap(), "--json"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let kind =
        |k: &str| report["overall"]["kinds"].as_array().unwrap().iter().find(|x| x["kind"] == k).unwrap().clone();
    let quotes = kind("quotes");
    assert_eq!((quotes["spans_a"].as_u64(), quotes["spans_b"].as_u64()), (Some(2), Some(2)));
    assert_eq!(quotes["exact_f1"].as_f64(), Some(0.0), "no quotation has the same span");
    assert_eq!(quotes["overlap_f1"].as_f64(), Some(0.5), "one of two overlaps, each way");
    let speakers = kind("speakers");
    assert_eq!(speakers["exact_f1"].as_f64(), Some(0.5));
    assert!(speakers["kappa"].as_f64().unwrap() > 0.0 && speakers["kappa"].as_f64().unwrap() < 1.0);
    assert_eq!(report["overall"]["speaker_links"]["both"], 1);
    assert_eq!(report["overall"]["speaker_links"]["same"], 1);
    let text = String::from_utf8(sayso(&["agree", a.to_str().unwrap(), b.to_str().unwrap()]).stdout).unwrap();
    assert!(text.contains("speakers of quotations both marked: 1 of 1 the same"), "{text}");
}

#[test]
fn one_project_per_annotator_is_asked_for_when_reading_such_a_folder_as_one() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let err = sayso::import::from_tool(dir.path(), sayso::export::Format::Brat).unwrap_err().to_string();
    assert!(err.contains("2 annotators (aaaa, bbbb)"), "{err}");
}
