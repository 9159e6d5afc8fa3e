//! The menu bar: every command of the table with its shortcut, the recent files, the export
//! formats, the label-wise bulk accept and the theme.

use super::commands::{self, AppCommand};
use super::desk::Desk;
use super::link_picker::LinkKind;
use crate::model::Layer;
use egui::Ui;

/// A menu item for a table command, with its shortcut shown.
fn command_item(ui: &mut Ui, desk: &mut Desk, command: AppCommand, enabled: bool) {
    let Some(entry) = commands::entry(&command) else { return };
    let shortcut = entry.shortcut_text(ui.ctx());
    let button = egui::Button::new(entry.name);
    // A command without a key reads as its name alone, also to screen readers.
    let button = if shortcut.is_empty() { button } else { button.shortcut_text(shortcut) };
    if ui.add_enabled(enabled, button).clicked() {
        desk.send(command);
        ui.close();
    }
}

/// A menu item for a table command under another name (a recent file's path, a format), with
/// the command's shortcut shown.
fn named_item(ui: &mut Ui, desk: &mut Desk, command: AppCommand, name: &str) {
    let shortcut = commands::entry(&command).map(|e| e.shortcut_text(ui.ctx())).unwrap_or_default();
    if ui.add(egui::Button::new(name).shortcut_text(shortcut)).clicked() {
        desk.send(command);
        ui.close();
    }
}

/// What the menus offer beyond what the desk shows: commands that can be chosen only sometimes.
pub struct Offers {
    /// A format and place were exported to, so Export again can write there.
    pub export_again: bool,
    /// No retraining is running, so another can start.
    pub retrain: bool,
}

pub fn menu_bar(ui: &mut Ui, desk: &mut Desk, offers: Offers) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                command_item(ui, desk, AppCommand::Open, true);
                command_item(ui, desk, AppCommand::AddArticles, true);
                ui.menu_button("Open Recent", |ui| {
                    if desk.prefs.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for (n, path) in desk.prefs.recent.clone().iter().enumerate() {
                        named_item(ui, desk, AppCommand::OpenRecent(n), &path.display().to_string());
                    }
                });
                ui.separator();
                command_item(ui, desk, AppCommand::Save, true);
                command_item(ui, desk, AppCommand::SaveAs, true);
                ui.menu_button("Export", |ui| {
                    for format in crate::export::Format::ALL {
                        let command = AppCommand::Export(format);
                        let name = commands::entry(&command).and_then(|e| e.name.strip_prefix(commands::EXPORT_AS));
                        named_item(ui, desk, command, name.unwrap_or(format.title()));
                    }
                    ui.separator();
                    command_item(ui, desk, AppCommand::ExportAgain, offers.export_again);
                    ui.separator();
                    let mut suggestions = desk.prefs.export_suggestions;
                    if ui.checkbox(&mut suggestions, "Include unreviewed suggestions").changed() {
                        desk.send(AppCommand::SetExportSuggestions(suggestions));
                    }
                });
                command_item(ui, desk, AppCommand::ImportMemory, true);
                command_item(ui, desk, AppCommand::ExportMemory, true);
                ui.separator();
                command_item(ui, desk, AppCommand::Quit, true);
            });
            // Edit holds a text field (the analyst's name): clicking into it must not close the menu.
            let keep_open =
                egui::containers::menu::MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
            egui::containers::menu::MenuButton::new("Edit").config(keep_open).ui(ui, |ui| {
                let undo = desk.session.history.undo_name().map(|n| format!("Undo {n}"));
                let redo = desk.session.history.redo_name().map(|n| format!("Redo {n}"));
                command_item(ui, desk, AppCommand::Undo, undo.is_some());
                command_item(ui, desk, AppCommand::Redo, redo.is_some());
                ui.separator();
                command_item(ui, desk, AppCommand::Find, true);
                command_item(ui, desk, AppCommand::ToggleMemory, true);
                ui.separator();
                analyst_field(ui, desk);
                ui.separator();
                ui.label("Rejecting a suggestion:");
                for choice in crate::edit::actions::twins::RejectTwins::ALL {
                    if ui.radio(desk.prefs.reject_twins == choice, choice.title()).clicked() {
                        desk.send(AppCommand::SetRejectTwins(choice));
                        ui.close();
                    }
                }
            });
            ui.menu_button("Review", |ui| {
                let has = desk.review.selected.is_some();
                command_item(ui, desk, AppCommand::Accept, has);
                command_item(ui, desk, AppCommand::Reject, has);
                command_item(ui, desk, AppCommand::ChooseOverlapping, has);
                ui.separator();
                command_item(ui, desk, AppCommand::NextUnreviewed, true);
                command_item(ui, desk, AppCommand::PreviousUnreviewed, true);
                ui.separator();
                let layer = desk.review.selected.and_then(|id| desk.session.project.annotation(id)).map(|a| &a.layer);
                let (quote, mention) = (layer == Some(&Layer::Quote), layer.is_some_and(|l| *l != Layer::Quote));
                command_item(ui, desk, AppCommand::PickLink(LinkKind::Speaker), quote);
                command_item(ui, desk, AppCommand::PickLink(LinkKind::Cue), quote);
                command_item(ui, desk, AppCommand::PickLink(LinkKind::Entity), mention);
                command_item(ui, desk, AppCommand::PickLink(LinkKind::MergeInto), mention);
                command_item(ui, desk, AppCommand::PickLink(LinkKind::Rename), mention);
                command_item(ui, desk, AppCommand::SplitSelectedMention, mention);
                command_item(ui, desk, AppCommand::EditField { note: false }, has);
                command_item(ui, desk, AppCommand::EditField { note: true }, has);
                ui.separator();
                command_item(ui, desk, AppCommand::SplitQuote, quote || desk.marked.is_some());
                command_item(ui, desk, AppCommand::JoinQuote { forward: false }, quote);
                command_item(ui, desk, AppCommand::JoinQuote { forward: true }, quote);
                ui.separator();
                command_item(ui, desk, AppCommand::RejectInSelection, desk.marked.is_some());
                ui.separator();
                let conflicts = !desk.session.project.conflicts.is_empty();
                command_item(ui, desk, AppCommand::StepConflict(true), conflicts);
                command_item(ui, desk, AppCommand::StepConflict(false), conflicts);
                ui.separator();
                command_item(ui, desk, AppCommand::RetrainEntityModel, offers.retrain);
                ui.menu_button("Accept all suggestions of", |ui| {
                    command_item(ui, desk, AppCommand::AcceptAllLikeSelected, has);
                    ui.separator();
                    for label in desk.session.project.schema.labels.iter().map(|l| l.name.clone()).collect::<Vec<_>>() {
                        if ui.button(&label).clicked() {
                            desk.send(AppCommand::AcceptAllOfLabel(label));
                            ui.close();
                        }
                    }
                });
            });
            ui.menu_button("View", |ui| {
                command_item(ui, desk, AppCommand::EditLabels, true);
                command_item(ui, desk, AppCommand::ToggleInsights, true);
                ui.separator();
                for preset in crate::model::AttributionFilter::ALL {
                    if ui.radio(desk.prefs.attributions == preset, preset.title()).clicked() {
                        desk.send(AppCommand::ShowAttributions(preset));
                        ui.close();
                    }
                }
                ui.separator();
                for order in crate::review_order::ReviewOrder::ALL {
                    if ui.radio(desk.prefs.review_order == order, order.title()).clicked() {
                        desk.send(AppCommand::SetReviewOrder(order));
                        ui.close();
                    }
                }
                ui.separator();
                command_item(ui, desk, AppCommand::ZoomIn, true);
                command_item(ui, desk, AppCommand::ZoomOut, true);
                ui.separator();
                command_item(ui, desk, AppCommand::ToggleList, true);
                command_item(ui, desk, AppCommand::ToggleInspector, true);
                ui.separator();
                theme_items(ui);
            });
            ui.menu_button("Help", |ui| {
                command_item(ui, desk, AppCommand::ToggleShortcuts, true);
            });
        });
    });
}

/// The analyst's name, committed when the field loses the keyboard: what they create or review
/// carries it, and their new ids come from its range, so two analysts' copies merge.
fn analyst_field(ui: &mut Ui, desk: &mut Desk) {
    let id = ui.make_persistent_id("analyst");
    let mut text = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| desk.prefs.analyst.clone());
    ui.label("Analyst (your name, for team work):");
    let response = ui.add(egui::TextEdit::singleline(&mut text).hint_text("e.g. alice"));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Analyst"));
    if response.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
        if text.trim() != desk.prefs.analyst {
            desk.send(AppCommand::SetAnalyst(text));
        }
    } else {
        ui.data_mut(|d| d.insert_temp(id, text));
    }
}

/// Light, dark or the system's theme, in words (the symbol font lacks egui's theme icons).
fn theme_items(ui: &mut Ui) {
    let current = ui.ctx().options(|o| o.theme_preference);
    for (preference, name) in [
        (egui::ThemePreference::Light, "Light theme"),
        (egui::ThemePreference::Dark, "Dark theme"),
        (egui::ThemePreference::System, "Theme of the system"),
    ] {
        if ui.radio(current == preference, name).clicked() {
            ui.ctx().set_theme(preference);
            ui.close();
        }
    }
}
