//! Giving a dialog's text field the keyboard when it opens, with the caret where typing should
//! go: after a suggested path (to extend it), or over an old query (to replace it).

use egui::text::{CCursor, CCursorRange};
use egui::text_edit::TextEditState;

/// Focuses `field` and places its caret at the end of `text`, or selects all of it.
pub fn take_keyboard(ui: &egui::Ui, field: &egui::Response, text: &str, select_all: bool) {
    field.request_focus();
    let end = CCursor::new(text.chars().count());
    let range = if select_all { CCursorRange::two(CCursor::new(0), end) } else { CCursorRange::one(end) };
    let mut state = TextEditState::load(ui.ctx(), field.id).unwrap_or_default();
    state.cursor.set_char_range(Some(range));
    state.store(ui.ctx(), field.id);
}
