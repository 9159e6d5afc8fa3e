//! Projects whose article text was edited by hand: the saved words of each annotation find
//! their place again, and what cannot be found is named.

use crate::common;

use common::hand_edited;
use sayso::model::{AnnId, AttributionType, Layer, Project};
use sayso::store::{self, StoreError};
use std::path::Path;

fn load(text: &str) -> Result<store::Loaded, StoreError> {
    store::from_ron(text, Path::new("edited.ron"))
}

fn words(p: &Project, id: u64) -> String {
    let a = p.annotation(AnnId(id)).unwrap();
    p.document(a.doc).unwrap().slice(a.span).to_string()
}

#[test]
fn saved_files_carry_each_annotations_words() {
    let ron = store::to_ron(&common::project());
    assert!(ron.contains("text: \"Sergei Lavrov\""), "{ron}");
    assert!(ron.contains("text: \"“Zoë’s bakery stays open,”\""));
}

#[test]
fn format_1_files_load_and_are_written_back_in_the_current_format() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-1.ron");
    let v1 = std::fs::read_to_string(&path).unwrap();
    assert!(v1.contains("format_version: 1") && v1.matches("text: ").count() == 4, "only documents have text");
    let loaded = store::load(&path).unwrap();
    assert!(loaded.reanchor.is_none() && loaded.warnings.is_empty());
    let now = store::to_ron(&loaded.project);
    assert!(now.contains("format_version: 6") && now.contains("text: \"Sergei Lavrov\""));
    // Every quotation got an attribution type on the way (its cue is "said": a statement).
    let quotes: Vec<_> = loaded.project.annotations.iter().filter(|a| a.layer == Layer::Quote).collect();
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|a| a.attribution == Some(AttributionType::Statement)));
    assert_eq!(load(&now).unwrap().project, loaded.project);
}

#[test]
fn a_sentence_added_before_the_annotations_moves_every_span_with_its_words() {
    let text = hand_edited(|t| t.replace("“We will not", "Updated at 10:40.\n\n“We will not"));
    let loaded = load(&text).unwrap();
    let reanchor = loaded.reanchor.clone().expect("re-anchoring is offered");
    assert!(!reanchor.required, "every span is still inside the longer text");
    let plan = &reanchor.plans[0];
    assert_eq!(plan.moved.len(), 7, "{reanchor}");
    assert_eq!(plan.kept, 1, "Geneva, before the insertion, stays: {reanchor}");
    assert!(plan.lost.is_empty());
    let mut project = loaded.project;
    reanchor.apply(&mut project);
    let original = common::project();
    for a in &original.annotations {
        assert_eq!(words(&project, a.id.0), words(&original, a.id.0));
    }
    assert!(project.documents[0].hash_matches());
    assert!(store::validate(&project).is_empty(), "consistent again");
}

#[test]
fn words_that_are_gone_are_named_and_their_links_cleared() {
    let text = hand_edited(|t| t.replace("“We will not accept this,”", "A statement was read out."));
    let loaded = load(&text).unwrap();
    let reanchor = loaded.reanchor.clone().unwrap();
    let plan = &reanchor.plans[0];
    assert_eq!(plan.lost.iter().map(|(id, _, _)| *id).collect::<Vec<_>>(), vec![AnnId(1)]);
    let report = reanchor.to_string();
    assert!(report.contains("a1 DIRECT ““We will not accept this,””"), "{report}");
    let mut project = loaded.project;
    reanchor.apply(&mut project);
    assert!(project.annotation(AnnId(1)).is_none());
    assert!(store::validate(&project).is_empty());
    assert_eq!(words(&project, 2), "Foreign Minister Sergei Lavrov");
}

#[test]
fn spans_past_a_shortened_text_require_re_anchoring_instead_of_refusing_the_file() {
    let text = hand_edited(|t| t.replacen("Talks resume in Geneva\n\n", "", 1));
    let loaded = load(&text).unwrap();
    let reanchor = loaded.reanchor.clone().unwrap();
    assert!(reanchor.required, "{reanchor}");
    assert_eq!(reanchor.plans[0].lost.len(), 1, "Geneva went with the headline: {reanchor}");
    let mut project = loaded.project;
    reanchor.apply(&mut project);
    assert_eq!(words(&project, 8), "“Zoë’s bakery stays open,”");
}

#[test]
fn without_saved_words_spans_past_the_text_are_still_an_error() {
    let text = hand_edited(|t| t.replacen("Talks resume in Geneva\n\n", "", 1));
    // As a format 1 file: annotations without their words (the line after each span).
    let lines: Vec<&str> = text.lines().collect();
    let stripped: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || !lines[i - 1].contains("span: ("))
        .map(|(_, l)| *l)
        .collect();
    let stripped = stripped.join("\n");
    let err = load(&stripped).unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert!(err.to_string().contains("runs past the end"), "{err}");
}

#[test]
fn check_and_reanchor_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.ron");
    std::fs::write(&path, hand_edited(|t| t.replace("“We will not", "Updated.\n\n“We will not"))).unwrap();
    let sayso = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_sayso")).args(args).output().unwrap();
    let p = path.to_str().unwrap();
    let check = sayso(&["check", p]);
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(
        check.status.success() && err.contains("`sayso reanchor` would do this") && err.contains("7 moved"),
        "{err}"
    );
    let fixed = sayso(&["reanchor", p]);
    assert!(fixed.status.success(), "{}", String::from_utf8_lossy(&fixed.stderr));
    let loaded = store::load(&path).unwrap();
    assert!(loaded.reanchor.is_none() && loaded.warnings.is_empty());
    assert_eq!(words(&loaded.project, 1), "“We will not accept this,”");
}
