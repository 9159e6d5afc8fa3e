//! The menu bar: every command of the table with its shortcut, the recent files, the export
//! formats, the label-wise bulk accept and the theme.

use super::SaysoApp;
use super::commands::{self, AppCommand};
use super::link_picker::LinkKind;
use crate::model::Layer;
use egui::Ui;

/// A menu item for a table command, with its shortcut shown.
fn command_item(app: &mut SaysoApp, ui: &mut Ui, command: AppCommand, enabled: bool) {
    let Some(entry) = commands::entry(&command) else { return };
    let shortcut = entry.shortcut_text(ui.ctx());
    let button = egui::Button::new(entry.name);
    // A command without a key reads as its name alone, also to screen readers.
    let button = if shortcut.is_empty() { button } else { button.shortcut_text(shortcut) };
    if ui.add_enabled(enabled, button).clicked() {
        app.send(command);
        ui.close();
    }
}

/// A menu item for a table command under another name (a recent file's path, a format), with
/// the command's shortcut shown.
fn named_item(app: &mut SaysoApp, ui: &mut Ui, command: AppCommand, name: &str) {
    let shortcut = commands::entry(&command).map(|e| e.shortcut_text(ui.ctx())).unwrap_or_default();
    if ui.add(egui::Button::new(name).shortcut_text(shortcut)).clicked() {
        app.send(command);
        ui.close();
    }
}

pub fn menu_bar(app: &mut SaysoApp, ui: &mut Ui) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                command_item(app, ui, AppCommand::Open, true);
                command_item(app, ui, AppCommand::AddArticles, true);
                ui.menu_button("Open Recent", |ui| {
                    if app.prefs.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for (n, path) in app.prefs.recent.clone().iter().enumerate() {
                        named_item(app, ui, AppCommand::OpenRecent(n), &path.display().to_string());
                    }
                });
                ui.separator();
                command_item(app, ui, AppCommand::Save, true);
                command_item(app, ui, AppCommand::SaveAs, true);
                ui.menu_button("Export", |ui| {
                    for format in crate::export::Format::ALL {
                        let command = AppCommand::Export(format);
                        let name = commands::entry(&command).and_then(|e| e.name.strip_prefix(commands::EXPORT_AS));
                        named_item(app, ui, command, name.unwrap_or(format.title()));
                    }
                    ui.separator();
                    let again = app.last_export.is_some();
                    command_item(app, ui, AppCommand::ExportAgain, again);
                    ui.separator();
                    ui.checkbox(&mut app.prefs.export_suggestions, "Include unreviewed suggestions");
                });
                command_item(app, ui, AppCommand::ImportMemory, true);
                command_item(app, ui, AppCommand::ExportMemory, true);
                ui.separator();
                command_item(app, ui, AppCommand::Quit, true);
            });
            // Edit holds a text field (the analyst's name): clicking into it must not close the menu.
            let keep_open =
                egui::containers::menu::MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
            egui::containers::menu::MenuButton::new("Edit").config(keep_open).ui(ui, |ui| {
                let undo = app.session.history.undo_name().map(|n| format!("Undo {n}"));
                let redo = app.session.history.redo_name().map(|n| format!("Redo {n}"));
                command_item(app, ui, AppCommand::Undo, undo.is_some());
                command_item(app, ui, AppCommand::Redo, redo.is_some());
                ui.separator();
                command_item(app, ui, AppCommand::Find, true);
                command_item(app, ui, AppCommand::ToggleMemory, true);
                ui.separator();
                analyst_field(app, ui);
                ui.separator();
                ui.label("Rejecting a suggestion:");
                for choice in crate::edit::actions::twins::RejectTwins::ALL {
                    if ui.radio(app.prefs.reject_twins == choice, choice.title()).clicked() {
                        app.send(AppCommand::SetRejectTwins(choice));
                        ui.close();
                    }
                }
            });
            ui.menu_button("Review", |ui| {
                let has = app.selected.is_some();
                command_item(app, ui, AppCommand::Accept, has);
                command_item(app, ui, AppCommand::Reject, has);
                command_item(app, ui, AppCommand::ChooseOverlapping, has);
                ui.separator();
                command_item(app, ui, AppCommand::NextUnreviewed, true);
                command_item(app, ui, AppCommand::PreviousUnreviewed, true);
                ui.separator();
                let layer = app.selected.and_then(|id| app.session.project.annotation(id)).map(|a| &a.layer);
                let (quote, mention) = (layer == Some(&Layer::Quote), layer.is_some_and(|l| *l != Layer::Quote));
                command_item(app, ui, AppCommand::PickLink(LinkKind::Speaker), quote);
                command_item(app, ui, AppCommand::PickLink(LinkKind::Cue), quote);
                command_item(app, ui, AppCommand::PickLink(LinkKind::Entity), mention);
                command_item(app, ui, AppCommand::PickLink(LinkKind::MergeInto), mention);
                command_item(app, ui, AppCommand::PickLink(LinkKind::Rename), mention);
                command_item(app, ui, AppCommand::SplitSelectedMention, mention);
                command_item(app, ui, AppCommand::EditField { note: false }, has);
                command_item(app, ui, AppCommand::EditField { note: true }, has);
                ui.separator();
                command_item(app, ui, AppCommand::SplitQuote, quote || app.view_selection().is_some());
                command_item(app, ui, AppCommand::JoinQuote { forward: false }, quote);
                command_item(app, ui, AppCommand::JoinQuote { forward: true }, quote);
                ui.separator();
                command_item(app, ui, AppCommand::RejectInSelection, app.view_selection().is_some());
                ui.separator();
                let conflicts = !app.session.project.conflicts.is_empty();
                command_item(app, ui, AppCommand::StepConflict(true), conflicts);
                command_item(app, ui, AppCommand::StepConflict(false), conflicts);
                ui.separator();
                command_item(app, ui, AppCommand::RetrainEntityModel, !app.retraining.running());
                ui.menu_button("Accept all suggestions of", |ui| {
                    command_item(app, ui, AppCommand::AcceptAllLikeSelected, has);
                    ui.separator();
                    for label in app.session.project.schema.labels.iter().map(|l| l.name.clone()).collect::<Vec<_>>() {
                        if ui.button(&label).clicked() {
                            app.send(AppCommand::AcceptAllOfLabel(label));
                            ui.close();
                        }
                    }
                });
            });
            ui.menu_button("View", |ui| {
                command_item(app, ui, AppCommand::EditLabels, true);
                command_item(app, ui, AppCommand::ToggleInsights, true);
                ui.separator();
                for preset in crate::model::AttributionFilter::ALL {
                    if ui.radio(app.prefs.attributions == preset, preset.title()).clicked() {
                        app.prefs.attributions = preset;
                        ui.close();
                    }
                }
                ui.separator();
                for order in crate::review_order::ReviewOrder::ALL {
                    if ui.radio(app.prefs.review_order == order, order.title()).clicked() {
                        app.send(AppCommand::SetReviewOrder(order));
                        ui.close();
                    }
                }
                ui.separator();
                command_item(app, ui, AppCommand::ZoomIn, true);
                command_item(app, ui, AppCommand::ZoomOut, true);
                ui.separator();
                command_item(app, ui, AppCommand::ToggleList, true);
                command_item(app, ui, AppCommand::ToggleInspector, true);
                ui.separator();
                theme_items(ui);
            });
            ui.menu_button("Help", |ui| {
                command_item(app, ui, AppCommand::ToggleShortcuts, true);
            });
        });
    });
}

/// The analyst's name, committed when the field loses the keyboard: what they create or review
/// carries it, and their new ids come from its range, so two analysts' copies merge.
fn analyst_field(app: &mut SaysoApp, ui: &mut Ui) {
    let id = ui.make_persistent_id("analyst");
    let mut text = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| app.prefs.analyst.clone());
    ui.label("Analyst (your name, for team work):");
    let response = ui.add(egui::TextEdit::singleline(&mut text).hint_text("e.g. alice"));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Analyst"));
    if response.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
        if text.trim() != app.prefs.analyst {
            app.send(AppCommand::SetAnalyst(text));
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
