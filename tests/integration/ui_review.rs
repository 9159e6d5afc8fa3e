//! The review loop driven through the window: marking text, labelling, linking, merging,
//! tagging, and undoing it all back to the original file byte for byte.

use crate::common;

use crate::ui_support;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sayso::app::{AppCommand, SaysoApp};
use sayso::model::{AnnId, EntityId, Layer, Status};
use std::path::PathBuf;

fn open_fixture(dir: &tempfile::TempDir) -> (Harness<'static, SaysoApp>, PathBuf) {
    ui_support::open_fixture(dir.path())
}

#[test]
fn drag_over_text_then_hotkey_creates_an_annotation() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let para = h.get_by_label("Talks resume in Geneva").rect();
    // Drag from the start of the headline to about its middle.
    let from = para.left_center() + egui::vec2(1.0, 0.0);
    let to = para.left_center() + egui::vec2(para.width() * 0.45, 0.0);
    ui_support::drag(&mut h, from, to, egui::Modifiers::NONE);
    let (s, e) = h.state().view_selection().expect("dragging marks text");
    assert_eq!(s, 0);
    assert!(e > 3 && e < 22, "{e}");
    let before = h.state().session.project.annotations.len();
    h.key_press(egui::Key::O); // ORG's hotkey in the default schema
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.annotations.len(), before + 1);
    let created = p.annotations.last().unwrap();
    assert_eq!(
        (created.label.as_str(), created.layer.clone(), created.status),
        ("ORG", Layer::Mention, Status::Accepted)
    );
    assert_eq!(created.span.start(), 0);
    assert_eq!(h.state().review.selected, Some(created.id));
}

#[test]
fn double_click_marks_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let para = h.get_by_label("Talks resume in Geneva").rect();
    let pos = para.left_center() + egui::vec2(8.0, 0.0);
    h.hover_at(pos);
    h.run();
    for pressed in [true, false, true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.run();
    assert_eq!(h.state().view_selection(), Some((0, 5)), "“Talks”");
}

#[test]
fn keyboard_review_tab_accept_reject_and_resize() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    h.key_press(egui::Key::Tab);
    h.run();
    let first = h.state().review.selected.expect("Tab selects the first suggestion");
    let a = h.state().session.project.annotation(first).unwrap().clone();
    assert_eq!(a.status, Status::Suggested);
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowRight);
    h.run();
    let resized = h.state().session.project.annotation(first).unwrap().span;
    assert!(resized.end() > a.span.end(), "Alt+→ moves the end one word later");
    h.key_press(egui::Key::X);
    h.run();
    assert_eq!(h.state().session.project.annotation(first).unwrap().status, Status::Rejected);
    assert_ne!(h.state().review.selected, Some(first), "rejecting moves on to the next suggestion");
    let second = h.state().review.selected.unwrap();
    h.key_press(egui::Key::A);
    h.run();
    assert_eq!(h.state().session.project.annotation(second).unwrap().status, Status::Accepted);
}

#[test]
fn link_a_speaker_from_the_inspector() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    h.state_mut().send(AppCommand::Select(AnnId(8)));
    h.run();
    h.get_by_label("Change Speaker").click();
    h.run();
    h.get_by_label_contains("Foreign Minister Sergei Lavrov → Sergei Lavrov · ¶").click();
    h.run();
    let q = h.state().session.project.annotation(AnnId(8)).unwrap();
    assert_eq!(q.links.speaker, Some(AnnId(2)));
    assert!(h.query_by_label("Speaker of this quote").is_none(), "the list closes on a pick");
}

#[test]
fn speaker_cue_and_entity_are_linked_from_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let original = h.state().session.project.clone();
    h.state_mut().send(AppCommand::Select(AnnId(8)));
    h.run();
    // Ctrl+P: type to filter, Enter links the first match.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    h.run();
    h.get_by_label("Speaker of this quote");
    h.get_by_label("Filter links").type_text("minister");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().session.project.annotation(AnnId(8)).unwrap().links.speaker, Some(AnnId(2)));
    // Ctrl+U: the arrow keys walk the nearby cues.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::U);
    h.run();
    h.get_by_label("Cue of this quote");
    h.key_press(egui::Key::ArrowDown);
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().session.project.annotation(AnnId(8)).unwrap().links.cue, Some(AnnId(4)));
    // Ctrl+G on a mention: attach it to another entity; its words become an alias.
    h.state_mut().send(AppCommand::Select(AnnId(7)));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    h.run();
    h.get_by_label("Filter links").type_text("Sergei");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.annotation(AnnId(7)).unwrap().links.entity, Some(EntityId(1)));
    assert!(p.entity(EntityId(1)).unwrap().aliases.contains(&"Geneva".to_string()));
    // Escape closes a picker without linking; each link was one undo step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Entity this mention names").is_none());
    command_key(&mut h, egui::Key::Z, 3);
    assert_eq!(h.state().session.project, original);
}

#[test]
fn tags_and_note_are_edited_in_the_inspector() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    h.state_mut().send(AppCommand::Select(AnnId(5)));
    h.run();
    h.get_by_label("Tags").click();
    h.run();
    h.get_by_label("Tags").type_text("misleading, needs source");
    h.run();
    h.get_by_label("Note").click(); // moving focus commits the tags
    h.run();
    h.get_by_label("Note").type_text("Compare with the TASS wording.");
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    let a = h.state().session.project.annotation(AnnId(5)).unwrap();
    assert_eq!(a.tags, vec!["misleading".to_string(), "needs source".to_string()]);
    assert_eq!(a.note, "Compare with the TASS wording.");
}

#[test]
fn merge_entities_from_the_entities_panel() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    // A second PERSON entity to merge in.
    h.state_mut().session.project.put_entity(sayso::model::Entity {
        id: EntityId(3),
        label: "PERSON".into(),
        name: "Sergey Lavrov".into(),
        aliases: vec![],
    });
    h.state_mut().session.project.annotation_mut(AnnId(3)).unwrap().links.entity = Some(EntityId(3));
    h.get_by_label("Entities").click();
    h.run();
    h.get_by_label("Sergey Lavrov (1)").click_secondary();
    h.run();
    h.get_by_label("Merge into").click();
    h.run();
    h.get_all_by_label("Sergei Lavrov (1)").last().expect("menu entry").click();
    h.run();
    let p = &h.state().session.project;
    assert!(p.entity(EntityId(3)).is_none());
    assert_eq!(p.annotation(AnnId(3)).unwrap().links.entity, Some(EntityId(1)));
    assert!(p.entity(EntityId(1)).unwrap().aliases.contains(&"Sergey Lavrov".to_string()));
    h.get_by_label("Sergei Lavrov (2 · 1 quoted)");
}

#[test]
fn undo_and_redo_everything_back_to_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_fixture(&dir);
    let original = std::fs::read(&path).unwrap();
    let steps = [
        AppCommand::Select(AnnId(7)),
        AppCommand::Accept,
        AppCommand::Select(AnnId(5)),
        AppCommand::Reject,
        AppCommand::SetTags(AnnId(1), vec!["x".into()]),
        AppCommand::LinkSpeaker(AnnId(8), Some(AnnId(2))),
        AppCommand::AcceptAllOfLabel("DIRECT".into()),
        AppCommand::Select(AnnId(3)),
        AppCommand::SplitMention(AnnId(3)),
        AppCommand::ApplyLabel("ORG".into()),
        AppCommand::Delete,
    ];
    for s in steps {
        h.state_mut().send(s);
        h.run();
    }
    let edited = sayso::store::to_ron(&h.state().session.project);
    assert!(h.state().session.is_dirty());
    command_key(&mut h, egui::Key::Z, 20);
    assert!(!h.state().session.is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(std::fs::read(&path).unwrap(), original, "undone project saves to the original bytes");
    command_key(&mut h, egui::Key::Y, 20);
    assert_eq!(sayso::store::to_ron(&h.state().session.project), edited, "redo restores every change");
}

#[test]
fn shortcut_overlay_lists_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    h.key_press(egui::Key::F1);
    h.run();
    assert!(h.get_all_by_label("Keyboard shortcuts").count() >= 1);
    h.get_by_label("Next unreviewed");
    h.get_by_label("End one word later");
}

#[test]
fn find_a_word_and_annotate_the_match() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_label("Find").type_text("RUSSIA");
    h.run();
    h.get_by_label("1 matches");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("1 of 1");
    let text = &h.state().session.project.documents[0].text;
    let start = text[..text.find("Russia").unwrap()].chars().count();
    assert_eq!(h.state().view_selection(), Some((start, start + 6)));
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Find").is_none(), "Escape closes the find bar");
    assert_eq!(h.state().view_selection(), Some((start, start + 6)), "and keeps the match marked");
    h.key_press(egui::Key::N); // NORP's hotkey
    h.run();
    let created = h.state().session.project.annotations.last().unwrap();
    assert_eq!((created.label.as_str(), created.span.start()), ("NORP", start));
}

#[test]
fn schema_editor_renames_a_label_sets_a_key_and_restores_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let original = h.state().session.project.clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run();
    h.get_by_label("Name of CUE").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Name of CUE").type_text("verb");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let p = &h.state().session.project;
    let names: Vec<_> = p.schema.labels.iter().map(|l| l.name.clone()).collect();
    assert!(p.schema.label("VERB").is_some(), "{names:?}");
    assert_eq!(p.annotation(AnnId(4)).unwrap().label, "VERB", "annotations follow the rename");
    h.get_by_label("Key of TIME").click();
    h.run();
    h.get_by_label("Key of TIME").type_text("h");
    h.run();
    assert_eq!(h.state().session.project.schema.label("TIME").unwrap().hotkey, Some('h'));
    h.get_by_label("Restore default labels").click();
    h.run();
    assert_eq!(h.state().session.project.schema, sayso::model::Schema::default());
    h.key_press(egui::Key::Escape);
    h.run();
    command_key(&mut h, egui::Key::Z, 3);
    assert_eq!(h.state().session.project, original);
}

#[test]
fn accept_all_of_a_label_from_the_review_menu() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label("Accept all suggestions of").click();
    h.run();
    h.get_by_label("GPE").click();
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.annotation(AnnId(7)).unwrap().status, Status::Accepted, "the suggested GPE is accepted");
    assert_eq!(p.annotation(AnnId(6)).unwrap().status, Status::Rejected, "a rejected GPE stays rejected");
    assert_eq!(p.annotation(AnnId(3)).unwrap().status, Status::Suggested, "other labels are untouched");
}

/// A plain left click at a point, as a mouse would.
/// Presses Ctrl/⌘ + `key` `times` times, one frame each ("undo three steps").
fn command_key(h: &mut Harness<'static, SaysoApp>, key: egui::Key, times: usize) {
    for _ in 0..times {
        h.key_press_modifiers(egui::Modifiers::COMMAND, key);
        h.run();
    }
}

fn click_at(h: &mut Harness<'static, SaysoApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    // A tooltip may open under the pointer and keep repainting; that is fine here.
    let _ = h.try_run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    let _ = h.try_run();
}

/// The code-point span of `needle` in the fixture's text.
fn span_of(needle: &str) -> sayso::model::Span {
    let text = common::TEXT;
    let start = text[..text.find(needle).unwrap()].chars().count();
    sayso::model::Span::new(start, start + needle.chars().count()).unwrap()
}

#[test]
fn keyboard_splits_a_quote_at_a_found_word_and_joins_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let original = h.state().session.project.clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_label("Find").type_text("bakery");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run();
    let p = &h.state().session.project;
    let tail = p.annotations.last().unwrap().clone();
    assert_eq!(p.annotation(AnnId(8)).unwrap().span, span_of("“Zoë’s"));
    assert_eq!(tail.span, span_of("bakery stays open,”"));
    assert_eq!((tail.layer.clone(), tail.links.part_of), (Layer::Quote, Some(AnnId(8))));
    assert_eq!(h.state().review.selected, Some(AnnId(8)));
    h.get_by_label("DIRECT statement (continued) · no speaker · accepted");
    h.key_press_modifiers(egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT), egui::Key::J);
    h.run();
    let p = &h.state().session.project;
    assert!(p.annotation(tail.id).is_none(), "the parts are one quote again");
    assert_eq!(p.annotation(AnnId(8)).unwrap().span, span_of("“Zoë’s bakery stays open,”"));
    // Two separate quotes become parts of one quotation with one speaker.
    h.state_mut().send(AppCommand::Select(AnnId(5)));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::J);
    h.run();
    let part = h.state().session.project.annotation(AnnId(5)).unwrap();
    assert_eq!((part.links.part_of, part.links.speaker), (Some(AnnId(1)), Some(AnnId(2))));
    command_key(&mut h, egui::Key::Z, 3);
    assert_eq!(h.state().session.project, original, "each split and join is one undo step");
    h.key_press_modifiers(egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT), egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.history.undo_name(), Some("Split quote"), "Ctrl+Shift+Z redoes, not undoes");
}

#[test]
fn mouse_splits_a_quote_where_it_was_clicked_and_joins_it_from_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let original = h.state().session.project.clone();
    let para = h.get_by_label_contains("Café owners").rect();
    click_at(&mut h, para.left_center() + egui::vec2(para.width() * 0.62, 0.0));
    assert_eq!(h.state().review.selected, Some(AnnId(8)));
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label_contains("Split quote at caret").click();
    h.run();
    let p = &h.state().session.project;
    let (head, tail) = (p.annotation(AnnId(8)).unwrap().span, p.annotations.last().unwrap().clone());
    let whole = span_of("“Zoë’s bakery stays open,”");
    assert_eq!(tail.links.part_of, Some(AnnId(8)));
    assert!(head.start() == whole.start() && tail.span.end() == whole.end() && head.end() < tail.span.start());
    h.get_by_label("Review").click();
    h.run();
    h.get_by_label_contains("Join quote with next quote").click();
    h.run();
    assert_eq!(h.state().session.project.annotation(AnnId(8)).unwrap().span, whole);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.project, original);
}

#[test]
fn dragging_a_label_colour_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let original = h.state().session.project.clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run();
    h.get_by_label("Colour of CUE").click();
    h.run();
    // The picker's red channel: drag it right over many frames.
    let red = h.get_all_by_role(egui::accesskit::Role::SpinButton).next().expect("a channel field").rect();
    let start = red.center();
    h.drag_at(start);
    h.run();
    for step in 1..=10 {
        h.hover_at(start + egui::vec2(step as f32 * 6.0, 0.0));
        h.run();
        assert_eq!(h.state().session.project.schema, original.schema, "nothing is applied mid-drag");
    }
    h.drop_at(start + egui::vec2(60.0, 0.0));
    h.run();
    let cue = h.state().session.project.schema.label("CUE").unwrap().color;
    assert_ne!(cue, original.schema.label("CUE").unwrap().color, "the drop applies the colour");
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.project, original, "one undo takes the whole drag back");
}

#[test]
fn quotes_list_filters_by_status_speaker_and_label() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    h.get_by_label("Filter by status").click();
    h.run();
    h.get_by_label("accepted").click();
    h.run();
    assert!(h.query_by_label("“Zoë’s bakery stays open,”").is_none(), "a suggested quote is filtered out");
    h.get_by_label("“We will not accept this,”");
    h.get_by_label("Filter by status").click();
    h.run();
    h.get_by_label("any status").click();
    h.run();
    h.get_by_label("Filter by speaker").click();
    h.run();
    h.get_by_label("Sergei Lavrov").click();
    h.run();
    assert_eq!(h.state().review.quote_filter.speaker, Some(Some(EntityId(1))));
    h.get_by_label("“We will not accept this,”");
    assert!(h.query_by_label("“Zoë’s bakery stays open,”").is_none());
    h.get_by_label("Clear filters").click();
    h.run();
    h.get_by_label("Filter by label").click();
    h.run();
    h.get_by_label("MIXED").click();
    h.run();
    assert!(h.query_by_label("“We will not accept this,”").is_none());
    h.get_by_label("“that Russia “remains open” to talks”");
    // The filters are reachable from the keyboard: Ctrl+Shift+F focuses them.
    h.get_by_label("Clear filters").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT), egui::Key::F);
    h.run();
    assert!(h.get_by_label("Filter by speaker").is_focused(), "the speaker filter has the keyboard");
    h.key_press(egui::Key::Enter);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().review.quote_filter.speaker, Some(None), "arrow keys pick “no speaker entity”");
}

#[test]
fn filtered_quotes_list_follows_edits_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let zoe = "“Zoë’s bakery stays open,”";
    h.state_mut().review.quote_filter.status = Some(Status::Accepted);
    h.run();
    assert!(h.query_by_label(zoe).is_none(), "a suggested quote is filtered out");
    for command in [AppCommand::Select(AnnId(8)), AppCommand::Accept, AppCommand::ClearSelection] {
        h.state_mut().send(command);
    }
    h.run();
    h.get_by_label(zoe);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.query_by_label(zoe).is_none(), "undo takes it off the list again");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    h.get_by_label(zoe);
}

#[test]
fn picking_an_entity_highlights_its_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    h.get_by_label("Entities").click();
    h.run();
    h.get_by_label("Sergei Lavrov (2 · 1 quoted)").click();
    h.run();
    assert_eq!(h.state().review.highlight_entity, Some(EntityId(1)));
    assert_eq!(h.state().review.selected, Some(AnnId(2)), "and its first mention is selected");
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().review.highlight_entity, None);
    // Keyboard: Tab to a mention, Ctrl+E highlights its entity, again stops.
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(h.state().review.selected, Some(AnnId(7)));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert_eq!(h.state().review.highlight_entity, Some(EntityId(2)));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert_eq!(h.state().review.highlight_entity, None);
}

#[test]
fn clicking_overlapping_highlights_lists_them_to_pick_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    // Find “Lavrov” on the paragraph's first row by clicking along it.
    let para = h.get_by_label_contains("Foreign Minister Sergei Lavrov").rect();
    let mut x = para.left() + 2.0;
    while h.state().review.selected != Some(AnnId(3)) {
        assert!(x < para.right(), "a click lands on the PERSON mention");
        click_at(&mut h, egui::pos2(x, para.top() + 10.0));
        x += 8.0;
    }
    h.get_by_label("Overlapping annotations");
    h.get_by_label("SPEAKER: Foreign Minister Sergei Lavrov").click();
    h.run();
    assert_eq!(h.state().review.selected, Some(AnnId(2)), "the chosen annotation is selected");
    assert!(h.query_by_label("Overlapping annotations").is_none(), "and the list closes");
    // From the keyboard: Ctrl+Enter lists what overlaps the selection, arrows choose.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    h.run();
    h.get_by_label("PERSON: Sergei Lavrov");
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(h.state().review.selected, Some(AnnId(3)));
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label("Overlapping annotations").is_none());
    h.key_press(egui::Key::A);
    h.run();
    assert_eq!(h.state().session.project.annotation(AnnId(3)).unwrap().status, Status::Accepted);
}

#[test]
fn dragging_the_end_of_a_selected_quote_resizes_it_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let original = h.state().session.project.clone();
    h.get_by_label("“Zoë’s bakery stays open,”").click();
    h.run();
    let handle = h.get_by_label("Drag to move the end").rect().center();
    h.drag_at(handle);
    h.run();
    for step in 1..=6 {
        h.hover_at(handle - egui::vec2(step as f32 * 10.0, 0.0));
        h.run();
    }
    assert_eq!(h.state().session.project, original, "nothing changes until the drop");
    h.drop_at(handle - egui::vec2(60.0, 0.0));
    h.run();
    let p = &h.state().session.project;
    let (was, now) = (original.annotation(AnnId(8)).unwrap().span, p.annotation(AnnId(8)).unwrap().span);
    assert_eq!(now.start(), was.start());
    assert!(now.end() < was.end() && now.end() > was.start(), "{was} → {now}");
    // The start handle moves the start, snapped to a character.
    let handle = h.get_by_label("Drag to move the start").rect().center();
    h.drag_at(handle);
    h.run();
    h.hover_at(handle + egui::vec2(12.0, 0.0));
    h.run();
    h.drop_at(handle + egui::vec2(12.0, 0.0));
    h.run();
    let moved = h.state().session.project.annotation(AnnId(8)).unwrap().span;
    assert!(moved.start() > was.start() && moved.end() == now.end(), "{now} → {moved}");
    command_key(&mut h, egui::Key::Z, 2);
    assert_eq!(h.state().session.project, original, "each drag is one undo step");
}

#[test]
fn a_quote_reached_by_tab_splits_in_its_middle_not_at_an_old_click() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    // An earlier mark inside the last quote, then the keyboard moves on and back to it.
    let bakery = span_of("bakery");
    h.state_mut().set_view_selection(Some((bakery.start(), bakery.end())));
    for _ in 0..20 {
        if h.state().review.selected == Some(AnnId(8)) {
            break;
        }
        h.key_press(egui::Key::Tab);
        h.run();
    }
    assert_eq!(h.state().review.selected, Some(AnnId(8)));
    let middle = sayso::edit::actions::middle_cut(&h.state().session.project, AnnId(8)).unwrap();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run();
    let head = h.state().session.project.annotation(AnnId(8)).unwrap().span;
    assert!(head.end() <= middle && head.end() + 1 >= middle, "cut at {} for middle {middle}", head.end());
}

#[test]
fn tags_notes_and_entities_are_edited_from_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_fixture(&dir);
    let original = h.state().session.project.clone();
    h.state_mut().send(AppCommand::Select(AnnId(7)));
    h.run();
    // Ctrl+T / Ctrl+N put the keyboard in the tags and the note; Enter or Escape commits.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::T);
    h.run();
    h.get_by_label("Tags").type_text("place, checked");
    h.key_press(egui::Key::Enter);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Note").type_text("Dateline, not a venue");
    h.key_press(egui::Key::Escape);
    h.run();
    let a = h.state().session.project.annotation(AnnId(7)).unwrap().clone();
    assert_eq!((a.tags, a.note.as_str()), (vec!["checked".to_string(), "place".to_string()], "Dateline, not a venue"));
    // F2 renames the mention's entity.
    h.key_press(egui::Key::F2);
    h.run();
    h.get_by_label("Entity name").type_text(" (Switzerland)");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().session.project.entity(EntityId(2)).unwrap().name, "Geneva (Switzerland)");
    // Ctrl+M merges it into another entity; Ctrl+Shift+G splits the mention off again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    h.run();
    h.get_by_label("Filter links").type_text("sergei");
    h.key_press(egui::Key::Enter);
    h.run();
    let p = &h.state().session.project;
    assert!(p.entity(EntityId(2)).is_none());
    assert_eq!(p.annotation(AnnId(7)).unwrap().links.entity, Some(EntityId(1)));
    h.key_press_modifiers(egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT), egui::Key::G);
    h.run();
    let split = h.state().session.project.annotation(AnnId(7)).unwrap().links.entity.unwrap();
    assert_ne!(split, EntityId(1), "the mention has an entity of its own");
    command_key(&mut h, egui::Key::Z, 5);
    assert_eq!(h.state().session.project, original, "five keyboard edits, five undo steps");
}
