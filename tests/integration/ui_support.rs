//! What the window tests share: a file dialog that answers as told, and the harness around the
//! app at the size an analyst's screen has.

use crate::common;

use egui_kittest::Harness;
use sayso::app::{PickKind, Picker, SaysoApp};
use sayso::session::Session;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file dialog that answers with a fixed path, or, like a desktop without a portal, nothing.
pub struct FakePicker(pub Option<PathBuf>);

impl Picker for FakePicker {
    fn pick(&self, _kind: PickKind, _suggested: Option<PathBuf>) -> Option<PathBuf> {
        self.0.clone()
    }
}

/// The app around `session`, its dialogs answering nothing, in a 1400×900 window.
pub fn harness(session: Session) -> Harness<'static, SaysoApp> {
    harness_with(SaysoApp::new(session, Arc::new(FakePicker(None))), egui::vec2(1400.0, 900.0))
}

/// The window of `app` at `size`, after its first frames.
pub fn harness_with(app: SaysoApp, size: egui::Vec2) -> Harness<'static, SaysoApp> {
    let mut h =
        Harness::builder().with_size(size).with_step_dt(0.02).build_ui_state(|ui, app: &mut SaysoApp| app.ui(ui), app);
    h.run();
    h
}

/// The fixture project saved in `dir`.
pub fn fixture_file(dir: &Path) -> PathBuf {
    let path = dir.join("fixture.ron");
    sayso::store::save(&common::project(), &path).unwrap();
    path
}

/// The app with the fixture project open from a file in `dir`.
pub fn open_fixture(dir: &Path) -> (Harness<'static, SaysoApp>, PathBuf) {
    let path = fixture_file(dir);
    (harness(Session::open(&path).unwrap()), path)
}

/// Types `text` as a keyboard does: each key goes down, gives its character and comes up, to
/// whatever has the keyboard (not to a field the test picks).
pub fn type_keys(h: &mut Harness<'static, SaysoApp>, text: &str) {
    for c in text.chars() {
        let key = egui::Key::from_name(&c.to_ascii_uppercase().to_string());
        if let Some(k) = key {
            h.key_down(k);
        }
        h.event(egui::Event::Text(c.to_string()));
        if let Some(k) = key {
            h.key_up(k);
        }
        h.run();
    }
}

/// Replaces the text of the focused field as an analyst does: Ctrl+A, then typing.
pub fn retype(h: &mut Harness<'static, SaysoApp>, text: &str) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.event(egui::Event::Text(text.to_string()));
    h.run();
}

/// A mouse drag from `from` to `to` over a few frames, with `modifiers` held.
pub fn drag(h: &mut Harness<'static, SaysoApp>, from: egui::Pos2, to: egui::Pos2, modifiers: egui::Modifiers) {
    h.event(egui::Event::ModifiersChanged(modifiers));
    h.drag_at(from);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
}
