//! The status bar: the project's name and unsaved marker, the shown document, its encoding,
//! review progress per layer, and a merged project's conflict being settled ("conflict 3 of 12").

use super::desk::Desk;
use crate::model::{Layer, Project, StatusCounts};
use egui::{RichText, Ui};

pub fn status_bar(ui: &mut Ui, desk: &Desk) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let dirty = if desk.session.is_dirty() { " ●" } else { "" };
            ui.strong(format!("{}{dirty}", desk.session.display_name()));
            if let Some(doc) = desk.session.project.document(desk.session.doc) {
                let docs = &desk.session.project.documents;
                if docs.len() > 1 {
                    ui.separator();
                    let i = docs.iter().position(|d| d.id == doc.id).unwrap_or(0) + 1;
                    ui.label(format!("document {i} of {} · {}", docs.len(), doc.title));
                }
                ui.separator();
                ui.label(&doc.encoding);
            }
            ui.separator();
            let counts = layer_counts(&desk.session.project, desk.session.doc);
            let total = counts.iter().fold(StatusCounts::default(), |mut t, (_, c)| {
                t.suggested += c.suggested;
                t.accepted += c.accepted;
                t.rejected += c.rejected;
                t
            });
            let mut parts = vec![format!("reviewed {}/{}", total.reviewed(), total.total())];
            parts.extend(counts.iter().map(|(name, c)| format!("{name} {}/{}", c.reviewed(), c.total())));
            ui.label(parts.join(" · "));
            // While conflicts are settled, their keys take the place of the review keys' reminder.
            match super::adjudicate::progress(desk) {
                Some(progress) => {
                    ui.separator();
                    ui.label(RichText::new(progress).strong().color(ui.visuals().warn_fg_color));
                }
                None => {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(RichText::new("Tab next · A accept · X reject · F1 keys").weak());
                    });
                }
            }
        });
    });
}

/// Review progress per layer of one document, in layer order.
fn layer_counts(project: &Project, doc: crate::model::DocId) -> Vec<(String, StatusCounts)> {
    let mut out: Vec<(Layer, StatusCounts)> = Vec::new();
    for a in project.annotations_of(doc) {
        let i = match out.iter().position(|(l, _)| *l == a.layer) {
            Some(i) => i,
            None => {
                out.push((a.layer.clone(), StatusCounts::default()));
                out.len() - 1
            }
        };
        let c = &mut out[i].1;
        match a.status {
            crate::model::Status::Suggested => c.suggested += 1,
            crate::model::Status::Accepted => c.accepted += 1,
            crate::model::Status::Rejected => c.rejected += 1,
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter().map(|(l, c)| (format!("{}s", l.name()), c)).collect()
}
