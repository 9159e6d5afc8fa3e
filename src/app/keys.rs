//! The keyboard and dropped files: which keys reach the article, and when a dialog, a menu, a
//! text field or a window over the article keeps them.

use super::{AppCommand, SaysoApp, commands};
use std::path::PathBuf;

impl SaysoApp {
    pub(super) fn handle_keys(&mut self, ctx: &egui::Context) {
        // egui drops a text field's focus on Escape before this runs: a field focused last frame
        // still owns this frame's keys, so it can commit what was typed.
        if ctx.text_edit_focused()
            || self.frame.was_typing
            || self.modals.asking()
            || self.autosave.offer.is_some()
            || self.session.reanchor.is_some()
            || self.frame.popup_was_open
        {
            return; // a text field, a question, a menu or a drop-down list owns the keyboard
        }
        // A window over the article (help, labels, insights, versions side by side) keeps the keys that act on the
        // article away from it; Esc closes the window.
        let window_open = self.modals.window_open() || self.insights.open;
        if window_open && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            self.modals.close_windows();
            self.insights.open = false;
            return;
        }
        if let Some(out) = self.modals.chooser.as_mut().and_then(|c| c.keys(ctx)) {
            self.chooser_output(out);
        }
        if self.find.open && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            // The first Escape closes the find bar and keeps the match marked.
            self.find.open = false;
            return;
        }
        let mut fired = Vec::new();
        let adjudicating = !self.session.project.conflicts.is_empty();
        let hotkeys: Vec<(egui::Key, String)> = self
            .session
            .project
            .schema
            .labels
            .iter()
            .filter_map(|l| Some((egui::Key::from_name(&l.hotkey?.to_ascii_uppercase().to_string())?, l.name.clone())))
            .collect();
        ctx.input_mut(|input| {
            for (key, command) in commands::shortcuts_by_specificity() {
                // 1, 2 and N settle conflicts only while there are any: N is also a label's key.
                let settles = matches!(command, AppCommand::Resolve(_));
                if settles && !adjudicating {
                    continue;
                }
                if !(window_open && command.acts_on_article()) && input.consume_shortcut(key) {
                    fired.push((*command).clone());
                }
            }
            for (key, label) in hotkeys.into_iter().filter(|_| !window_open) {
                if input.consume_key(egui::Modifiers::NONE, key) {
                    fired.push(AppCommand::ApplyLabel(label));
                }
            }
        });
        if !fired.is_empty() {
            // Tab is "next suggestion" here, not egui's focus traversal: keep focus off buttons
            // so the review keys keep working.
            if let Some(id) = ctx.memory(|m| m.focused()) {
                ctx.memory_mut(|m| m.surrender_focus(id));
            }
        }
        self.queue.extend(fired);
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        // One file opens; several join the open project as documents.
        match dropped.len() {
            0 => {}
            1 => self.queue.extend(dropped.into_iter().map(AppCommand::OpenPath)),
            _ => self.queue.push(AppCommand::AddPaths(dropped)),
        }
    }
}
