//! The Memory window (Edit → Memory…): what the project remembers of the analyst's decisions,
//! one row per entry with a button that forgets it (undoable), and the team file's import and
//! export. Forgetting goes through the edit layer like every change.

use super::desk::Desk;
use super::{AppCommand, NoticeLevel, SaysoApp};
use crate::edit::actions;
use crate::model::Lesson;
use egui::{RichText, Ui};
use std::path::Path;

pub fn window(ctx: &egui::Context, shown: &mut bool, desk: &mut Desk) {
    if !*shown {
        return;
    }
    let mut open = true;
    let mut commands = Vec::new();
    // Over the article's top, clear of the menu bar and the list's tabs.
    let at = ctx.content_rect().center_top() + egui::vec2(-210.0, 60.0);
    egui::Window::new("Memory").open(&mut open).default_width(420.0).default_pos(at).show(ctx, |ui| {
        let memory = &desk.session.project.memory;
        ui.label(
            RichText::new("What this project learned from your decisions. Articles added later are detected with it.")
                .weak(),
        );
        ui.horizontal(|ui| {
            if ui.button("Import…").clicked() {
                commands.push(AppCommand::ImportMemory);
            }
            if ui.button("Export…").clicked() {
                commands.push(AppCommand::ExportMemory);
            }
        });
        ui.separator();
        if memory.is_empty() {
            ui.label(RichText::new("Nothing yet: relabel a name, reject a speaker, merge two entities.").weak());
            return;
        }
        egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for (heading, lessons) in sections(memory.lessons()) {
                ui.label(RichText::new(heading).strong());
                for lesson in lessons {
                    rows(ui, lesson, &mut commands);
                }
            }
        });
    });
    if !open {
        *shown = false;
    }
    for c in commands {
        desk.send(c);
    }
}

/// The entries under their headings, in the memory's order.
fn sections(lessons: impl Iterator<Item = Lesson>) -> Vec<(&'static str, Vec<Lesson>)> {
    let mut out: Vec<(&'static str, Vec<Lesson>)> = Vec::new();
    for lesson in lessons {
        let heading = match lesson {
            Lesson::Label(_) => "Labels you gave",
            Lesson::Rejection(_) => "Words you rejected",
            Lesson::Name(_) => "Entities' names",
        };
        match out.last_mut() {
            Some((h, list)) if *h == heading => list.push(lesson),
            _ => out.push((heading, vec![lesson])),
        }
    }
    out
}

fn rows(ui: &mut Ui, lesson: Lesson, commands: &mut Vec<AppCommand>) {
    ui.horizontal(|ui| {
        let text = lesson.to_string();
        let forget = ui.button("Forget").on_hover_text("Remove this entry (undoable)");
        ui.add(egui::Label::new(text).truncate());
        if forget.clicked() {
            commands.push(AppCommand::Forget(lesson));
        }
    });
}

impl SaysoApp {
    /// Forgets one entry of the memory, as an undoable step.
    pub(super) fn forget(&mut self, lesson: &Lesson) {
        self.edit(&format!("Forget {lesson}"), |p| actions::memory::forget(p, lesson));
    }

    /// Writes the project's memory to a file a team can share.
    pub(super) fn export_memory(&mut self, path: &Path) {
        let memory = &self.session.project.memory;
        match crate::store::memory::save(memory, path) {
            Ok(()) => {
                let text = format!("Exported the memory ({} entries) to {}", memory.len(), path.display());
                self.notify(NoticeLevel::Info, text);
            }
            Err(e) => self.notify(NoticeLevel::Error, format!("Memory not exported: {e}")),
        }
    }

    /// Takes a shared memory file in and applies it to the suggestions, as one undoable step.
    pub(super) fn import_memory(&mut self, path: &Path) {
        let shared = match crate::store::memory::load(path) {
            Ok(m) => m,
            Err(e) => return self.notify(NoticeLevel::Error, format!("Memory not imported: {e}")),
        };
        let Some((edit, changed)) = actions::memory::import(&self.session.project, &shared) else {
            return self.notify(NoticeLevel::Info, "The project already remembers all of it.");
        };
        match self.session.apply("Import memory", edit) {
            Ok(()) => {
                let text = format!("Imported {} entries; {changed} suggestion(s) changed.", shared.len());
                self.notify(NoticeLevel::Info, text);
            }
            Err(e) => self.notify(NoticeLevel::Error, e.to_string()),
        }
    }
}
