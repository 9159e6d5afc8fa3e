//! F1: every key of the command table and the schema's label keys, in a window that fits the
//! screen.

use super::commands;
use crate::model::Schema;
use egui::RichText;

/// Every key: the command table's, then the label keys of the project's schema. It fits any
/// window (it scrolls) and closes with Esc, F1 or its ✕.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool, schema: &Schema) {
    let height = (ctx.content_rect().height() - 120.0).max(160.0);
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(RichText::new("Esc closes this window").small().weak());
            egui::ScrollArea::vertical().max_height(height - 40.0).min_scrolled_height(height - 40.0).show(ui, |ui| {
                egui::Grid::new("keys").striped(true).show(ui, |ui| {
                    for entry in commands::TABLE {
                        ui.label(entry.name);
                        let keys: Vec<String> = entry.keys.iter().map(|k| ctx.format_shortcut(k)).collect();
                        if keys.is_empty() {
                            ui.label(RichText::new("in the menus").weak());
                        } else {
                            ui.label(RichText::new(keys.join("  or  ")).monospace());
                        }
                        ui.end_row();
                    }
                    for l in schema.labels.iter().filter(|l| l.hotkey.is_some()) {
                        ui.label(format!("Label as {} ({}), or relabel", l.name, l.layer.name()));
                        ui.label(RichText::new(l.hotkey.map(|k| k.to_string()).unwrap_or_default()).monospace());
                        ui.end_row();
                    }
                });
            });
        });
}
