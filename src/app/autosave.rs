//! When to write recovery files, and the prompt that offers them back. The writing itself is
//! [`crate::recovery::Autosaver`]'s, off the UI thread.

use super::{NoticeLevel, SaysoApp};
use crate::recovery::{self, Autosaver, Offer};
use crate::session::DiskChange;
use std::path::PathBuf;

/// Seconds of quiet after a change before its recovery file is written.
pub const DEFAULT_DELAY: f64 = 3.0;
/// Seconds between looks at the project file on disk.
const DISK_CHECK_EVERY: f64 = 2.0;

pub struct Autosave {
    saver: Autosaver,
    /// Folder for recovery files of never-saved projects; `None` keeps only saved projects safe.
    pub data_dir: Option<PathBuf>,
    pub delay: f64,
    seen_generation: u64,
    changed_at: f64,
    /// The generation last written, and where.
    written: Option<(u64, PathBuf)>,
    disk_checked_at: f64,
    disk_reported: DiskChange,
    pub offer: Option<Offer>,
}

impl Default for Autosave {
    fn default() -> Self {
        Autosave {
            saver: Autosaver::default(),
            data_dir: None,
            delay: DEFAULT_DELAY,
            seen_generation: 0,
            changed_at: 0.0,
            written: None,
            disk_checked_at: f64::NEG_INFINITY,
            disk_reported: DiskChange::None,
            offer: None,
        }
    }
}

impl SaysoApp {
    /// Sets where never-saved projects keep their recovery files (the app uses the user's data
    /// folder; tests a temporary one).
    pub fn set_recovery_dir(&mut self, dir: Option<PathBuf>) {
        self.autosave.data_dir = dir;
    }

    /// Seconds between the last change and its recovery write.
    pub fn set_autosave_delay(&mut self, seconds: f64) {
        self.autosave.delay = seconds;
    }

    /// Waits until queued recovery writes and removals are on disk.
    pub fn flush_autosave(&self) {
        self.autosave.saver.flush();
    }

    /// Looks for unsaved work from an earlier session of the open project and offers it.
    pub fn check_recovery(&mut self) {
        self.autosave.offer = None;
        match recovery::find(&self.session, self.autosave.data_dir.as_deref()) {
            Ok(offer) => self.autosave.offer = offer,
            Err(message) => self.notify(NoticeLevel::Error, message),
        }
    }

    /// Called every frame: writes a recovery file once changes have rested for `delay`, removes
    /// it when the project is back to its saved state, and notices a project file that moved.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        if let Some(failure) = self.autosave.saver.failure() {
            self.notify(NoticeLevel::Error, failure);
        }
        let now = ctx.input(|i| i.time);
        self.watch_disk(now);
        if self.autosave.offer.is_some() || self.close_confirmed {
            return; // writing now would overwrite the work being offered, or undo "don't save"
        }
        let generation = self.session.history.generation();
        if generation != self.autosave.seen_generation {
            self.autosave.seen_generation = generation;
            self.autosave.changed_at = now;
        }
        if !self.session.is_dirty() {
            self.discard_recovery();
            return;
        }
        if self.autosave.written.as_ref().is_some_and(|(g, _)| *g == generation) {
            return;
        }
        let wait = self.autosave.changed_at + self.autosave.delay - now;
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            return;
        }
        let Some(path) = recovery::path_for(&self.session, self.autosave.data_dir.as_deref()) else { return };
        if let Some((_, old)) = self.autosave.written.take().filter(|(_, old)| *old != path) {
            self.autosave.saver.remove(old); // the project was saved elsewhere since
        }
        let belongs_to = match (&self.session.path, &self.session.source) {
            (Some(p), _) | (None, Some(p)) => p.display().to_string(),
            (None, None) => "an untitled project".to_string(),
        };
        self.autosave.saver.write(path.clone(), self.session.project.clone(), belongs_to);
        self.autosave.written = Some((generation, path));
    }

    /// Removes this session's recovery file, if one was written (a clean save, a close without
    /// saving, undo back to the saved state).
    pub(super) fn discard_recovery(&mut self) {
        if let Some((_, path)) = self.autosave.written.take() {
            self.autosave.saver.remove(path);
        }
    }

    /// Forgets the open session's autosave state: another project is opening.
    pub(super) fn reset_autosave(&mut self) {
        self.discard_recovery();
        self.autosave.seen_generation = self.session.history.generation();
        self.autosave.disk_reported = DiskChange::None;
        self.check_recovery();
    }

    fn watch_disk(&mut self, now: f64) {
        if now - self.autosave.disk_checked_at < DISK_CHECK_EVERY {
            return;
        }
        self.autosave.disk_checked_at = now;
        let change = self.session.disk_change();
        if change == self.autosave.disk_reported {
            return;
        }
        self.autosave.disk_reported = change;
        let name = self.session.display_name();
        match change {
            DiskChange::None => {}
            DiskChange::Gone => self.notify(
                NoticeLevel::Error,
                format!("{name} was moved, deleted or made unreadable on disk. Your work is still open here: Save (Ctrl+S) writes it again, Save As (Ctrl+Shift+S) somewhere else."),
            ),
            DiskChange::Rewritten => self.notify(
                NoticeLevel::Error,
                format!("{name} was changed on disk by another program. Saving here will replace that version; use Save As (Ctrl+Shift+S) to keep both."),
            ),
        }
    }

    /// The "unsaved work found" prompt: restore, discard or keep both.
    pub(super) fn recovery_window(&mut self, ctx: &egui::Context) {
        let Some(offer) = &self.autosave.offer else { return };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
            ui.heading("Unsaved work found");
            ui.label(format!(
                "Sayso found work on {} that was not saved when it last closed: {}.",
                self.session.display_name(),
                offer.describe()
            ));
            ui.label(format!("Recovery file: {}", offer.path.display()));
            ui.label("Keys: R restore, K keep both, D discard.");
            ui.input(|i| {
                for (key, c) in
                    [(egui::Key::R, Choice::Restore), (egui::Key::K, Choice::KeepBoth), (egui::Key::D, Choice::Discard)]
                {
                    if i.key_pressed(key) && i.modifiers.is_none() {
                        choice = Some(c);
                    }
                }
            });
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    choice = Some(Choice::Restore);
                }
                if ui.button("Keep both").on_hover_text("Save the recovered work as a separate project file").clicked()
                {
                    choice = Some(Choice::KeepBoth);
                }
                if ui.button("Discard").clicked() {
                    choice = Some(Choice::Discard);
                }
            });
        });
        let Some(choice) = choice else { return };
        let Some(offer) = self.autosave.offer.take() else { return };
        match choice {
            Choice::Restore => {
                self.session.restore(offer.project);
                // The next autosave replaces the offered file with the restored state.
                self.autosave.written = Some((u64::MAX, offer.path));
                self.notify(NoticeLevel::Info, "Restored unsaved work. Save (Ctrl+S) to keep it.");
            }
            Choice::KeepBoth => {
                let base = self.session.path.clone().unwrap_or_else(|| self.session.suggested_path());
                let copy = recovery::kept_copy_path(&base);
                match crate::store::save(&offer.project, &copy) {
                    Ok(()) => {
                        let _ = std::fs::remove_file(&offer.path);
                        self.notify(
                            NoticeLevel::Info,
                            format!("Recovered work saved as {}; open it with Ctrl+O.", copy.display()),
                        );
                    }
                    Err(e) => {
                        self.notify(NoticeLevel::Error, format!("Could not keep the recovered work: {e}"));
                        self.autosave.offer = Some(offer);
                    }
                }
            }
            Choice::Discard => {
                if let Err(e) = std::fs::remove_file(&offer.path) {
                    self.notify(NoticeLevel::Error, format!("Could not remove {}: {e}", offer.path.display()));
                }
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Choice {
    Restore,
    KeepBoth,
    Discard,
}
