//! The same statement in other reports: the inspector's section for a quotation that belongs to
//! a statement group (its versions, with the words that differ marked; confirm, not the same,
//! go to a version) or could join one, and the window that sets the versions side by side.

use super::AppCommand;
use super::desk::Desk;
use crate::model::{Annotation, Layer, Project, Status, excerpt, speaker_entity};
use crate::statements::marked_words;
use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

/// The inspector's "Same statement" section for the quotation `a`.
pub fn section(ui: &mut Ui, desk: &mut Desk, a: &Annotation) {
    if a.layer != Layer::Quote || a.links.part_of.is_some() {
        return;
    }
    ui.separator();
    ui.label(RichText::new("Same statement elsewhere").strong());
    let project = &desk.session.project;
    let mut commands = Vec::new();
    match a.links.statement.and_then(|s| project.statement(s)) {
        Some(s) => {
            let state = if s.status == Status::Accepted { "confirmed" } else { "suggested" };
            ui.label(RichText::new(format!("{state}: {}", s.reason)).small().weak());
            let own = project.document(a.doc).map_or("", |d| d.slice(a.span));
            for v in project.versions_of(s.id).filter(|v| v.id != a.id) {
                version_row(ui, project, v, own, &mut commands);
            }
            ui.horizontal_wrapped(|ui| {
                if s.status != Status::Accepted
                    && ui.button("Confirm").on_hover_text("They report one statement").clicked()
                {
                    commands.push(AppCommand::ConfirmStatement(s.id));
                }
                if ui.button("Not the same").on_hover_text("Take this quotation out of the group").clicked() {
                    commands.push(AppCommand::LeaveStatement(a.id));
                }
                if ui.button("Side by side").clicked() {
                    commands.push(AppCommand::CompareStatement(Some(s.id)));
                }
            });
        }
        None => {
            let others = candidates(project, a);
            if others.is_empty() {
                ui.label(RichText::new("None found: no quotation of this speaker in another document.").weak());
            } else {
                let header = egui::CollapsingHeader::new(format!("Same as… ({})", others.len()))
                    .id_salt(("join-statement", a.id));
                header.show(ui, |ui| {
                    for other in others {
                        let title = project.document(other.doc).map_or("", |d| d.title.as_str());
                        let text = format!("{} — {title}", excerpt(project, other, 60));
                        let button =
                            ui.add(egui::Button::new(text).wrap()).on_hover_text("The same statement as this one");
                        if button.clicked() {
                            commands.push(AppCommand::JoinStatement(a.id, other.id));
                        }
                    }
                });
            }
        }
    }
    for c in commands {
        desk.send(c);
    }
}

/// Another version: its document, its words with those the selected version lacks marked, and a
/// button that goes to it.
fn version_row(ui: &mut Ui, project: &Project, v: &Annotation, own: &str, commands: &mut Vec<AppCommand>) {
    let title = project.document(v.doc).map_or("", |d| d.title.as_str());
    let words = project.document(v.doc).map_or("", |d| d.slice(v.span));
    ui.group(|ui| {
        // The button first, so a long title is cut to the room left rather than widening the panel.
        ui.horizontal(|ui| {
            let go = ui.small_button("Go").on_hover_text("Show this version in its document");
            go.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Go to the version in {title}"))
            });
            if go.clicked() {
                commands.push(AppCommand::Select(v.id));
            }
            ui.add(egui::Label::new(RichText::new(title).strong()).truncate()).on_hover_text(title);
        });
        ui.label(marked(ui, words, own));
    });
}

/// `text` laid out with the words `other` does not have in the strong colour, underlined.
fn marked(ui: &Ui, text: &str, other: &str) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let visuals = &ui.style().visuals;
    for (piece, shared) in marked_words(text, other) {
        let format = if shared {
            TextFormat::simple(font.clone(), visuals.text_color())
        } else {
            TextFormat {
                underline: egui::Stroke::new(1.0, visuals.strong_text_color()),
                ..TextFormat::simple(font.clone(), visuals.strong_text_color())
            }
        };
        job.append(piece, 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    job
}

/// Quotations of the same speaker in other documents, that `a` could be the same statement as.
fn candidates<'p>(project: &'p Project, a: &Annotation) -> Vec<&'p Annotation> {
    let Some(speaker) = speaker_entity(project, a) else { return Vec::new() };
    project
        .annotations
        .iter()
        .filter(|q| q.layer == Layer::Quote && q.doc != a.doc && q.links.part_of.is_none())
        .filter(|q| q.status != Status::Rejected && speaker_entity(project, q) == Some(speaker))
        .collect()
}

/// The window that sets a statement's versions side by side, one column per document, each with
/// the words the first version does not have marked.
pub fn window(ctx: &egui::Context, shown: &mut Option<crate::model::StatementId>, desk: &mut Desk) {
    let Some(id) = *shown else { return };
    let project = &desk.session.project;
    let versions: Vec<&Annotation> = project.versions_of(id).collect();
    if versions.len() < 2 {
        *shown = None;
        return;
    }
    let mut open = true;
    let mut commands = Vec::new();
    let slice = |v: &Annotation| project.document(v.doc).map_or("", |d| d.slice(v.span));
    let width = (versions.len() as f32 * 280.0).min(ctx.content_rect().width() - 40.0);
    egui::Window::new("Same statement, side by side")
        .open(&mut open)
        .default_width(width)
        .default_pos(ctx.content_rect().center() - egui::vec2(width / 2.0, 220.0))
        .show(ctx, |ui| {
            if let Some(s) = project.statement(id) {
                ui.label(RichText::new(&s.reason).weak());
            }
            ui.columns(versions.len(), |columns| {
                for (i, (column, v)) in columns.iter_mut().zip(&versions).enumerate() {
                    // Left-aligned, not justified: columns stretch their contents otherwise.
                    column.vertical(|ui| {
                        let doc = project.document(v.doc);
                        ui.label(RichText::new(doc.map_or("", |d| d.title.as_str())).strong());
                        if let Some(d) = doc.filter(|d| !d.source.is_empty() || !d.date.is_empty()) {
                            ui.label(RichText::new(format!("{} {}", d.source, d.date)).small().weak());
                        }
                        // Each version is compared with the next one round the table.
                        let other = slice(versions[(i + 1) % versions.len()]);
                        ui.label(marked(ui, slice(v), other));
                        if ui.small_button("Go").clicked() {
                            commands.push(AppCommand::Select(v.id));
                        }
                    });
                }
            });
        });
    if !open {
        *shown = None;
    }
    for c in commands {
        desk.send(c);
    }
}
