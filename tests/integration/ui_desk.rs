//! The review desk as a new analyst drives it: keys typed into a dialog stay there, the text
//! stays readable in both themes, a long article scrolls from the keyboard, what was asked for
//! survives a save, marking snaps to words, linking accepts what it links, help fits the screen.

use crate::ui_support::{FakePicker, drag, harness, harness_with, open_fixture, retype, type_keys};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sayso::app::{AppCommand, NoticeLevel, SaysoApp};
use sayso::model::{AnnId, Layer, Status};
use sayso::session::Session;
use std::sync::Arc;

const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

fn statuses(h: &Harness<'static, SaysoApp>) -> Vec<Status> {
    h.state().session.project.annotations.iter().map(|a| a.status).collect()
}

fn ctrl(h: &mut Harness<'static, SaysoApp>, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
    h.run();
}

fn press(h: &mut Harness<'static, SaysoApp>, key: Key) {
    h.key_press(key);
    h.run();
}

/// An article of 150 paragraphs, each with a quotation, as a session of suggestions.
fn long_article(tag: &str) -> Session {
    let text: String = (1..=150)
        .map(|i| format!("Report {tag} {i}. “We will meet again on day {i},” Foreign Minister Sergei Lavrov said.\n\n"))
        .collect();
    Session::from_article_bytes(text.as_bytes(), &format!("{tag}.txt")).unwrap()
}

#[test]
fn keys_typed_into_save_as_stay_in_its_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_fixture(dir.path());
    press(&mut h, Key::Tab);
    let before = statuses(&h);
    h.key_press_modifiers(CTRL_SHIFT, Key::S);
    h.run();
    type_keys(&mut h, "ax");
    assert_eq!(statuses(&h), before, "a and x went into the field, not to the article");
    assert_eq!(h.get_by_label("Path").value(), Some(format!("{}ax", path.display())), "the caret was at the end");
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("Path").is_none(), "Esc cancels");
    assert!(!dir.path().join("fixture.ronax").exists());
    press(&mut h, Key::A);
    assert_ne!(statuses(&h), before, "with the dialog closed, A accepts again");
}

#[test]
fn export_help_and_label_windows_keep_review_keys_off_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(dir.path());
    press(&mut h, Key::Tab);
    let before = statuses(&h);
    h.state_mut().send(AppCommand::Export(sayso::export::Format::Csv));
    h.run();
    type_keys(&mut h, "a");
    assert_eq!(statuses(&h), before);
    press(&mut h, Key::Enter);
    assert!(dir.path().join("fixture.csva").exists(), "Enter confirms the path as typed");

    press(&mut h, Key::F1);
    h.get_by_label_contains("Label as PERSON");
    type_keys(&mut h, "xo");
    assert_eq!(statuses(&h), before, "neither reject nor a label key act behind the help");
    press(&mut h, Key::Escape);
    assert!(h.query_by_label_contains("Label as PERSON").is_none(), "Esc closes the help");

    ctrl(&mut h, Key::L);
    assert!(h.state().modals.show_schema);
    type_keys(&mut h, "x");
    assert_eq!(statuses(&h), before, "nor behind the label editor");
    press(&mut h, Key::Escape);
    assert!(!h.state().modals.show_schema, "Esc closes the label editor");
    press(&mut h, Key::X);
    assert_ne!(statuses(&h), before);
}

#[test]
fn the_labelstudio_export_says_it_also_wrote_the_label_config() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(dir.path());
    h.state_mut().send(AppCommand::Export(sayso::export::Format::LabelStudio));
    h.run();
    press(&mut h, Key::Enter);
    let config = dir.path().join("label_config.xml");
    assert!(config.exists());
    h.get_by_label_contains(&format!("Also wrote {}", config.display()));
}

/// The article's paragraph `text` as painted this frame (the largest text of those words: the
/// inspector may show them too), and the colour it is painted in.
fn painted_text(h: &Harness<'static, SaysoApp>, text: &str) -> (Arc<egui::Galley>, egui::Color32) {
    let size = |t: &egui::epaint::TextShape| t.galley.job.sections[0].format.font_id.size;
    let shapes = h.output().shapes.iter().filter_map(|c| match &c.shape {
        egui::Shape::Text(t) if t.galley.text() == text => Some(t.clone()),
        _ => None,
    });
    let t = shapes.max_by(|a, b| size(a).total_cmp(&size(b))).unwrap_or_else(|| panic!("{text:?} is not on screen"));
    let own = t.galley.job.sections[0].format.color;
    (t.galley.clone(), if own == egui::Color32::PLACEHOLDER { t.fallback_color } else { own })
}

#[test]
fn switching_theme_repaints_the_text_on_screen_in_the_new_theme() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(dir.path());
    for (item, visuals) in [("Light theme", egui::Visuals::light()), ("Dark theme", egui::Visuals::dark())] {
        let (before, _) = painted_text(&h, "Talks resume in Geneva");
        h.get_by_label("View").click();
        h.run();
        h.get_by_label(item).click();
        h.run();
        let (after, color) = painted_text(&h, "Talks resume in Geneva");
        assert_eq!(color, visuals.strong_text_color(), "{item}");
        // egui draws each theme's glyphs anew: text laid out for the old ones shows as garbage.
        assert!(!Arc::ptr_eq(&before, &after), "{item}: the paragraph is laid out again");
    }
}

#[test]
fn page_keys_scroll_a_long_article_and_another_document_opens_at_its_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(long_article("one"));
    let length = h.state().session.project.documents[0].text.chars().count();
    assert_eq!(h.state().reading_position(), 0);
    press(&mut h, Key::PageDown);
    let page = h.state().reading_position();
    assert!(page > 0, "PageDown scrolls");
    press(&mut h, Key::Space);
    let two = h.state().reading_position();
    assert!(two > page, "Space scrolls on");
    press(&mut h, Key::ArrowUp);
    assert!(h.state().reading_position() < two, "↑ scrolls back a little");
    press(&mut h, Key::End);
    assert!(h.state().reading_position() > length * 9 / 10, "End goes to the end");
    ctrl(&mut h, Key::Home);
    assert_eq!(h.state().reading_position(), 0, "Ctrl+Home to the top");
    ctrl(&mut h, Key::End);
    assert!(h.state().reading_position() > length * 9 / 10);
    let other = dir.path().join("two.txt");
    std::fs::write(&other, long_article("two").project.documents[0].text.as_bytes()).unwrap();
    h.state_mut().send(AppCommand::OpenPath(other));
    h.run();
    assert_eq!(h.state().session.display_name(), "two.txt (not saved as a project)");
    assert_eq!(h.state().reading_position(), 0, "a new document starts at its top");
}

#[test]
fn tab_goes_on_from_a_find_match_and_find_again_selects_the_old_query() {
    let mut h = harness(long_article("one"));
    ctrl(&mut h, Key::F);
    type_keys(&mut h, "day 120,");
    press(&mut h, Key::Enter);
    let (found, _) = h.state().view_selection().expect("the match is marked");
    press(&mut h, Key::Escape);
    press(&mut h, Key::Tab);
    let selected = h.state().review.selected.expect("Tab selects a suggestion");
    let start = h.state().session.project.annotation(selected).unwrap().span.start();
    assert!(
        start >= found && start < found + 200,
        "the next suggestion after the match ({found}), not the first: {start}"
    );
    assert!(h.state().reading_position() > 0, "and the article stays there");
    ctrl(&mut h, Key::F);
    type_keys(&mut h, "Lavrov");
    assert_eq!(h.get_by_label("Find").value().as_deref(), Some("Lavrov"), "typing replaces the old query");
}

#[test]
fn save_changes_then_save_as_still_opens_the_file_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(SaysoApp::sample_session());
    press(&mut h, Key::Tab);
    press(&mut h, Key::A);
    assert!(h.state().session.is_dirty());
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Other story\n\n“Fine,” she said.\n").unwrap();
    h.state_mut().send(AppCommand::OpenPath(other));
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Save").click();
    h.run();
    let target = dir.path().join("sample.ron");
    retype(&mut h, &target.display().to_string());
    press(&mut h, Key::Enter);
    let saved = sayso::store::load(&target).expect("saved where Save As said").project;
    assert!(saved.annotations.iter().any(|a| a.status == Status::Accepted));
    assert_eq!(h.state().session.display_name(), "other.txt (not saved as a project)", "and then opened");
}

#[test]
fn quit_then_save_then_save_as_saves_and_quits_and_cancel_does_neither() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(SaysoApp::sample_session());
    press(&mut h, Key::Tab);
    press(&mut h, Key::A);
    let close = |h: &mut Harness<'static, SaysoApp>| {
        ctrl(h, Key::Q);
        // What the desktop does with the close the app asked for.
        h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
        h.run();
        h.get_by_label("Save changes?");
        h.get_by_label("Save").click();
        h.run();
    };
    close(&mut h);
    press(&mut h, Key::Escape);
    assert!(!h.state().is_closing() && h.state().session.is_dirty(), "Cancel in Save As: nothing happens");
    close(&mut h);
    let target = dir.path().join("sample.ron");
    retype(&mut h, &target.display().to_string());
    press(&mut h, Key::Enter);
    assert!(target.exists(), "saved");
    assert!(h.state().is_closing(), "and closing");
}

#[test]
fn marking_snaps_to_whole_words_and_alt_arrows_keep_spaces_out() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(dir.path());
    let para = h.get_by_label("Talks resume in Geneva").rect();
    let drag = |h: &mut Harness<'static, SaysoApp>, modifiers: Modifiers| {
        let (from, to) = (
            para.left_center() + egui::vec2(para.width() * 0.1, 0.0),
            para.left_center() + egui::vec2(para.width() * 0.45, 0.0),
        );
        drag(h, from, to, modifiers);
        h.state().view_selection().expect("dragging marks text")
    };
    assert_eq!(drag(&mut h, Modifiers::NONE), (0, 12), "“Talks resume”, not “lks resu”");
    h.get_by_label("“Talks resume”");
    let (s, e) = drag(&mut h, Modifiers::ALT);
    assert!(s > 0 && e < 12 && e - s > 3, "Alt marks characters: {s}..{e}");

    h.state_mut().send(AppCommand::Select(AnnId(1)));
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run();
    let words = |h: &Harness<'static, SaysoApp>| {
        let p = &h.state().session.project;
        p.documents[0].slice(p.annotation(AnnId(1)).unwrap().span).to_string()
    };
    assert_eq!(words(&h), "“We will not accept this", "the end stops after a word, not before a comma");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run();
    assert_eq!(words(&h), "“We will not accept", "nor before a space");
    h.key_press_modifiers(Modifiers { shift: true, ..Modifiers::ALT }, Key::ArrowRight);
    h.run();
    assert_eq!(words(&h), "We will not accept", "the start moves to the next word's first letter");
}

#[test]
fn linking_a_speaker_by_keyboard_accepts_the_quote_with_its_cue_and_tells_mentions_apart() {
    let mut h = harness(SaysoApp::sample_session());
    let p = &h.state().session.project;
    let quote = p
        .annotations
        .iter()
        .find(|a| {
            a.layer == Layer::Quote
                && a.status == Status::Suggested
                && a.links.cue.is_some()
                && a.links.speaker.is_some()
        })
        .expect("the sample has a quote with a cue and a speaker");
    let (id, cue, speaker) = (quote.id, quote.links.cue.unwrap(), quote.links.speaker.unwrap());
    h.state_mut().send(AppCommand::Select(id));
    h.run();
    ctrl(&mut h, Key::P);
    let rows: Vec<String> = h.query_all_by_label_contains(" · ¶").filter_map(|n| n.accesskit_node().label()).collect();
    assert!(rows.len() > 1, "{rows:?}");
    let mut distinct = rows.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), rows.len(), "every candidate can be told apart: {rows:?}");
    press(&mut h, Key::Enter);
    let p = &h.state().session.project;
    for (what, ann) in [("quote", id), ("cue", cue), ("speaker", speaker)] {
        assert_eq!(p.annotation(ann).unwrap().status, Status::Accepted, "the {what} is accepted");
    }
}

#[test]
fn at_1024_by_768_the_article_keeps_a_readable_column_and_help_fits() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::ui_support::fixture_file(dir.path());
    let app = SaysoApp::new(Session::open(&path).unwrap(), Arc::new(FakePicker(None)));
    let mut h = harness_with(app, egui::vec2(1024.0, 768.0));
    let para = h.get_by_label_contains("Foreign Minister Sergei Lavrov said").rect();
    assert!(para.width() >= 440.0, "article column {} px", para.width());
    press(&mut h, Key::F1);
    let first = h.get_by_label("Esc closes this window").rect();
    assert!(first.top() >= 0.0, "{first:?}");
    h.get_by_label_contains("Label as DATE").scroll_to_me();
    h.run();
    let last = h.get_by_label_contains("Label as DATE").rect();
    assert!(last.top() > first.bottom() && last.bottom() <= 768.0, "the last row scrolls into view: {last:?}");
    h.get_by_label_contains("Label as ORG");
    press(&mut h, Key::Escape);
    ctrl(&mut h, Key::B);
    assert!(h.query_by_label("Speakers & cues").is_none(), "Ctrl+B hides the list");
    let wide = h.get_by_label_contains("Foreign Minister Sergei Lavrov said").rect();
    assert!(wide.width() > para.width());
    ctrl(&mut h, Key::B);
    h.get_by_label("Speakers & cues");

    // With a suggestion selected, the inspector's buttons wrap inside its column instead of
    // widening it under the article.
    press(&mut h, Key::Tab);
    let para = h.get_by_label_contains("Foreign Minister Sergei Lavrov said").rect();
    for button in ["Accept (A)", "Reject (X)", "Delete annotation (Delete)"] {
        let r = h.get_by_label(button).rect();
        assert!(r.left() > para.right() && r.right() <= 1024.0, "{button} at {r:?}, article ends at {}", para.right());
    }
}

#[test]
fn notices_stack_newest_first_and_can_all_be_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(dir.path());
    for i in 1..=5 {
        h.state_mut().notify(NoticeLevel::Error, format!("problem number {i}"));
    }
    h.run();
    let (newest, older) = (h.get_by_label("problem number 5").rect(), h.get_by_label("problem number 4").rect());
    assert!(newest.top() < older.top(), "the newest is on top");
    assert!(h.query_by_label("problem number 1").is_none(), "the oldest wait behind a count");
    h.get_by_label("2 older");
    h.get_by_label("Dismiss all").click();
    h.run();
    assert!(h.state().notices.is_empty());
}

#[test]
fn a_file_that_cannot_open_at_start_leaves_an_empty_desk_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("photo.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (session, error) = sayso::app::first_session(Some(&bad));
    assert!(session.project.documents.is_empty(), "not the sample in its place");
    assert!(error.unwrap().contains("PNG"));
    let (sample, none) = sayso::app::first_session(None);
    assert_eq!((sample.project.documents.len(), none), (1, None));
}

#[test]
fn what_people_said_shows_statements_only_and_the_inspector_sets_a_quotes_type() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = crate::common::project();
    project.annotation_mut(AnnId(5)).unwrap().attribution = Some(sayso::model::AttributionType::Belief);
    let path = dir.path().join("typed.ron");
    sayso::store::save(&project, &path).unwrap();
    let mut h = harness(Session::open(&path).unwrap());
    let belief = "“that Russia “remains open” to talks”";
    h.get_by_label(belief);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("What people said").click();
    h.run();
    assert!(h.query_by_label(belief).is_none(), "a belief is not what was said");
    for _ in 0..4 {
        press(&mut h, Key::Tab);
        assert_ne!(h.state().review.selected, Some(AnnId(5)), "Tab passes it by");
    }
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("All attributions").click();
    h.run();
    h.get_by_label(belief);
    h.state_mut().send(AppCommand::Select(AnnId(8)));
    h.run();
    h.get_by_label("Attribution type").click();
    h.run();
    h.get_by_label("evidence").click();
    h.run();
    let ty =
        |h: &Harness<'static, SaysoApp>| h.state().session.project.annotation(AnnId(8)).unwrap().attribution_type();
    assert_eq!(ty(&h), sayso::model::AttributionType::Evidence);
    ctrl(&mut h, Key::Z);
    assert_eq!(ty(&h), sayso::model::AttributionType::Statement, "undoable");
}

#[test]
fn recent_files_export_again_and_accept_all_work_from_keys_the_help_lists() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_fixture(dir.path());
    let other = dir.path().join("other.ron");
    std::fs::copy(&path, &other).unwrap();
    h.state_mut().prefs.recent = vec![path.clone(), other.clone()];

    press(&mut h, Key::F1);
    for name in [
        "Open recent file 2",
        "Export as CSV of quotes…",
        "Export again, to the same file",
        "Accept all suggestions with the selected one's label",
    ] {
        h.get_by_label(name);
    }
    h.get_by_label("Alt+2");
    press(&mut h, Key::Escape);

    h.key_press_modifiers(Modifiers::ALT, Key::Num2);
    h.run();
    assert_eq!(h.state().session.path.as_deref(), Some(other.as_path()), "Alt+2 opens the second recent file");

    // Export again writes the last export anew: here after accepting a suggestion.
    h.key_press_modifiers(CTRL_SHIFT, Key::E);
    h.run();
    h.get_by_label_contains("Nothing exported yet");
    h.state_mut().prefs.export_suggestions = false;
    h.state_mut().send(AppCommand::Export(sayso::export::Format::Spacy));
    h.run();
    press(&mut h, Key::Enter);
    let jsonl = dir.path().join("other.jsonl");
    let before = std::fs::read_to_string(&jsonl).unwrap();

    press(&mut h, Key::Tab);
    let selected = h.state().review.selected.expect("Tab selects a suggestion");
    let label = h.state().session.project.annotation(selected).unwrap().label.clone();
    let doc = h.state().session.doc;
    let suggested_of_label = |h: &Harness<'static, SaysoApp>| {
        let p = &h.state().session.project;
        p.annotations.iter().filter(|a| a.doc == doc && a.label == label && a.status == Status::Suggested).count()
    };
    assert!(suggested_of_label(&h) > 0);
    h.key_press_modifiers(CTRL_SHIFT, Key::A);
    h.run();
    assert_eq!(suggested_of_label(&h), 0, "Ctrl+Shift+A accepts every suggestion labelled {label}");

    h.key_press_modifiers(CTRL_SHIFT, Key::E);
    h.run();
    let after = std::fs::read_to_string(&jsonl).unwrap();
    let spans = |s: &str| s.matches("\"start\":").count();
    assert!(spans(&after) > spans(&before), "the accepted suggestions are in the file written again");
}
