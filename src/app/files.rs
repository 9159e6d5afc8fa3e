//! Files: the path prompt (typed or picked), opening, adding articles, saving, exporting, and
//! the "save changes?" question with what it was asked for.

use super::article_view::ArticleView;
use super::{AppCommand, MAX_RECENT, NoticeLevel, Pending, QuoteFilter, SaysoApp, focus, list_panel};
use crate::edit::actions;
use crate::session::Session;
use std::path::PathBuf;

impl SaysoApp {
    pub(super) fn poll_dialogs(&mut self) {
        while let Some((purpose, result)) = self.modals.dialogs.poll() {
            let Some(prompt) = self.modals.prompt.as_mut().filter(|p| p.purpose == purpose) else { continue };
            prompt.browsing = false;
            match result {
                Some(path) => {
                    self.modals.prompt = None;
                    self.queue.push(purpose.command(path));
                }
                None => prompt.message = Some("No file was chosen. Type a path here instead.".into()),
            }
        }
    }

    /// Imports articles (files, every article in a folder, the lines of a JSONL file) and adds
    /// them with the detector's suggestions, as one undoable step; says which could not be read.
    pub(super) fn add_paths(&mut self, paths: &[PathBuf]) {
        let (docs, problems) = crate::import::import_paths(paths);
        for problem in problems {
            self.notify(NoticeLevel::Error, problem);
        }
        if docs.is_empty() {
            return;
        }
        let first = self.session.project.next_doc_id();
        let count = docs.len();
        let name = if count == 1 { "Add an article".to_string() } else { format!("Add {count} articles") };
        let model = self.session.entity_model.clone();
        self.edit(&name, |p| actions::add_documents_with(p, docs, model.as_deref()));
        if self.session.project.document(first).is_some() {
            self.show_document(first);
            self.notify(NoticeLevel::Info, format!("{name}: done, with their suggestions."));
        }
    }

    pub(super) fn open_now(&mut self, path: &std::path::Path) {
        match Session::open(path) {
            Ok(session) => {
                let must_reanchor = session.reanchor.as_ref().is_some_and(|r| r.required);
                let old = self.show_session(session);
                self.previous = must_reanchor.then(|| Box::new(old));
                self.remember(path);
                self.report_warnings();
                self.reset_autosave();
            }
            Err(e) => self.notify(NoticeLevel::Error, e.to_string()),
        }
    }

    /// Puts another session on screen with a fresh view; returns the one it replaces.
    pub(super) fn show_session(&mut self, session: Session) -> Session {
        self.review.selected = None;
        self.review.highlight_entity = None;
        self.review.quote_filter = QuoteFilter::default();
        self.modals.chooser = None;
        self.modals.link_picker = None;
        self.view = ArticleView::default();
        // A new session counts its generations from the start again.
        self.list_rows = list_panel::ListRows::default();
        let mut session = session;
        session.project.analyst.clone_from(&self.prefs.analyst);
        std::mem::replace(&mut self.session, session)
    }

    pub(super) fn save_to(&mut self, path: &std::path::Path) {
        match self.session.save_to(path) {
            Ok(()) => {
                self.remember(path);
                self.notify(NoticeLevel::Info, format!("Saved {}", path.display()));
            }
            Err(e) => self.notify(NoticeLevel::Error, format!("Not saved: {e}. The previous file is unchanged.")),
        }
    }

    /// Exports reviewed work; says what the format could not hold instead of dropping it silently.
    pub(super) fn export_to(&mut self, format: crate::export::Format, path: &std::path::Path) {
        let options = crate::export::Options { include_suggestions: self.prefs.export_suggestions };
        match crate::export::export(&self.session.project, format, path, &options) {
            Ok(report) => {
                self.last_export = Some((format, path.to_path_buf()));
                let mut text =
                    format!("Exported {} annotation(s) as {} to {}", report.exported, format.title(), path.display());
                for file in report.files.iter().filter(|f| !f.starts_with(path)) {
                    text.push_str(&format!("\nAlso wrote {}", file.display()));
                }
                for note in &report.left_out {
                    text.push_str(&format!("\nLeft out: {note}"));
                }
                let level = if report.left_out.is_empty() { NoticeLevel::Info } else { NoticeLevel::Error };
                self.notify(level, text);
            }
            Err(e) => self.notify(NoticeLevel::Error, format!("Export failed: {e}")),
        }
    }

    /// Writes every insights table as CSV into `dir`, as `sayso insights` does.
    pub(super) fn save_insights(&mut self, dir: &std::path::Path) {
        let generation = self.session.history.generation();
        let tables = self.insights.tables(&self.session.project, generation).to_vec();
        match crate::insights::save(&tables, dir, true) {
            Ok(saved) => {
                let files = saved.len() + saved.iter().filter(|s| s.chart.is_some()).count();
                let text =
                    format!("Saved {} tables and their charts ({files} files) in {}", tables.len(), dir.display());
                self.notify(NoticeLevel::Info, text);
            }
            Err(e) => self.notify(NoticeLevel::Error, format!("Tables not saved in {}: {e}", dir.display())),
        }
    }

    pub(super) fn remember(&mut self, path: &std::path::Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    pub(super) fn prompt_window(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.modals.prompt.as_mut() else { return };
        let (title, action) = prompt.purpose.wording();
        let mut submit = false;
        let mut cancel = false;
        let mut browse = false;
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label("Path:");
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0).hint_text("/path/to/file"));
                edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Path"));
                if std::mem::take(&mut prompt.focus) {
                    focus::take_keyboard(ui, &edit, &prompt.text, false);
                }
                if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    submit = true;
                }
                if let Some(m) = &prompt.message {
                    ui.colored_label(ui.visuals().warn_fg_color, m);
                }
                ui.horizontal(|ui| {
                    submit |= ui.button(action).clicked();
                    browse = ui.add_enabled(!prompt.browsing, egui::Button::new("Browse…")).clicked();
                    cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
                    if prompt.browsing {
                        ui.spinner();
                    }
                });
            });
        if browse {
            prompt.browsing = true;
            let suggested = (!prompt.text.is_empty()).then(|| PathBuf::from(&prompt.text));
            self.modals.dialogs.start(prompt.purpose, suggested, ctx);
        } else if cancel {
            self.modals.prompt = None;
            self.modals.after_save = None;
        } else if submit {
            let text = prompt.text.trim();
            if text.is_empty() {
                prompt.message = Some("Type a path first.".into());
                return;
            }
            let path = PathBuf::from(text);
            let purpose = prompt.purpose;
            self.modals.prompt = None;
            self.queue.push(purpose.command(path));
        }
    }

    pub(super) fn confirm_window(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.modals.pending.clone() else { return };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("confirm_unsaved")).show(ctx, |ui| {
            ui.heading("Save changes?");
            ui.label(format!("{} has unsaved changes.", self.session.display_name()));
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(0);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    choice = Some(2);
                }
            });
        });
        let Some(choice) = choice else { return };
        self.modals.pending = None;
        if choice == 0 {
            match self.session.path.clone() {
                Some(path) => self.save_to(&path),
                None => {
                    // Saved once Save As has a path; cancelling it cancels what was asked.
                    self.apply(AppCommand::SaveAs, ctx);
                    self.modals.after_save = Some(pending);
                    return;
                }
            }
            if self.session.is_dirty() {
                return; // the save failed; keep the window and the work
            }
        }
        if choice == 2 {
            return;
        }
        self.carry_on(pending, ctx);
    }

    /// Closes the window or opens the file asked for, once the changes are saved or dropped.
    pub(super) fn carry_on(&mut self, pending: Pending, ctx: &egui::Context) {
        // Saved, or the analyst chose to drop the changes: either way no recovery is needed.
        self.discard_recovery();
        match pending {
            Pending::Close => {
                self.flush_autosave();
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Open(path) => self.open_now(&path),
        }
    }

    /// Called when the window is asked to close: with unsaved changes, ask first.
    pub(super) fn intercept_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.session.is_dirty() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modals.pending = Some(Pending::Close);
        }
    }
}
