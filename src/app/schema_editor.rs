//! The label schema editor: name, layer, colour and hotkey of every label, applied at once and
//! undoable like any other change, with the shipped default one click away.

use super::AppCommand;
use super::desk::Desk;
use crate::model::{Color, LabelDef, Layer, Schema};
use egui::Ui;

const LAYERS: [Layer; 4] = [Layer::Quote, Layer::Speaker, Layer::Cue, Layer::Mention];

pub fn window(ctx: &egui::Context, open: &mut bool, desk: &mut Desk) {
    egui::Window::new("Labels").open(open).default_width(460.0).show(ctx, |ui| contents(ui, desk));
}

fn contents(ui: &mut Ui, desk: &mut Desk) {
    let schema = desk.session.project.schema.clone();
    let mut changed: Option<(Schema, Option<(String, String)>)> = None;
    egui::Grid::new("schema").striped(true).num_columns(5).show(ui, |ui| {
        ui.strong("Name");
        ui.strong("Layer");
        ui.strong("Colour");
        ui.strong("Key");
        ui.label("");
        ui.end_row();
        for (i, label) in schema.labels.iter().enumerate() {
            let mut edited = schema.clone();
            // Name: committed when the field loses focus, so one rename is one undo step.
            let id = ui.make_persistent_id(("label-name", i));
            let mut name = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| label.name.clone());
            let r = ui.add(egui::TextEdit::singleline(&mut name).desired_width(110.0));
            let label_name = label.name.clone();
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("Name of {label_name}")));
            if r.has_focus() {
                ui.data_mut(|d| d.insert_temp(id, name));
            } else {
                ui.data_mut(|d| d.remove::<String>(id));
                let name = name.trim().to_uppercase();
                if r.lost_focus() && !name.is_empty() && name != label.name && schema.label(&name).is_none() {
                    edited.labels[i].name = name.clone();
                    changed = Some((edited.clone(), Some((label.name.clone(), name))));
                }
            }
            let mut layer = label.layer.clone();
            let combo =
                egui::ComboBox::from_id_salt(("layer", i)).selected_text(layer.name().to_string()).show_ui(ui, |ui| {
                    for l in LAYERS {
                        let text = l.name().to_string();
                        ui.selectable_value(&mut layer, l, text);
                    }
                });
            combo.response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("Layer of {label_name}"))
            });
            if layer != label.layer {
                edited.labels[i].layer = layer;
                changed = Some((edited.clone(), None));
            }
            if let Some(rgb) = colour_button(ui, i, label) {
                edited.labels[i].color = Color(rgb);
                changed = Some((edited.clone(), None));
            }
            let mut key = label.hotkey.map(String::from).unwrap_or_default();
            let r = ui.add(egui::TextEdit::singleline(&mut key).desired_width(24.0).char_limit(1));
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("Key of {label_name}")));
            let hotkey = key.chars().next().map(|c| c.to_ascii_lowercase()).filter(|c| c.is_ascii_alphabetic());
            let taken = |c: char| {
                c == 'a' || c == 'x' || schema.labels.iter().any(|l| l.name != label.name && l.hotkey == Some(c))
            };
            if r.changed() && hotkey != label.hotkey && !hotkey.is_some_and(taken) {
                edited.labels[i].hotkey = hotkey;
                changed = Some((edited.clone(), None));
            }
            let used = desk.session.project.annotations.iter().any(|a| a.label == label.name);
            let remove =
                ui.add_enabled(!used, egui::Button::new("Remove")).on_disabled_hover_text("Annotations use this label");
            if remove.clicked() {
                edited.labels.remove(i);
                changed = Some((edited, None));
            }
            ui.end_row();
        }
    });
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button("Add label").clicked() {
            let mut edited = schema.clone();
            let name = (1..).map(|n| format!("LABEL{n}")).find(|n| schema.label(n).is_none()).unwrap_or_default();
            edited.labels.push(LabelDef {
                name,
                layer: Layer::Mention,
                color: Color([0x88, 0x88, 0x88]),
                hotkey: None,
                description: String::new(),
            });
            changed = Some((edited, None));
        }
        if ui.button("Restore default labels").clicked() {
            changed = Some((Schema::default(), None));
        }
    });
    ui.label(
        egui::RichText::new("Keys A and X are taken by accept and reject; a renamed label keeps its annotations.")
            .small()
            .weak(),
    );
    if let Some((schema, rename)) = changed {
        desk.send(AppCommand::SetSchema(Box::new(schema), rename));
    }
}

/// The colour picker of label `i`. While a mouse button is held the picked colour is only shown
/// on the button; it is returned once the button is released, so one drag is one undo step.
fn colour_button(ui: &mut Ui, i: usize, label: &LabelDef) -> Option<[u8; 3]> {
    let id = ui.make_persistent_id(("label-colour", i));
    let mut rgb = ui.data(|d| d.get_temp::<[u8; 3]>(id)).unwrap_or(label.color.0);
    let r = ui.color_edit_button_srgb(&mut rgb);
    let name = label.name.clone();
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Colour of {name}")));
    if r.changed() {
        ui.data_mut(|d| d.insert_temp(id, rgb));
    }
    if ui.input(|i| i.pointer.any_down()) {
        return None;
    }
    let picked = ui.data_mut(|d| d.remove_temp::<[u8; 3]>(id))?;
    (picked != label.color.0).then_some(picked)
}
