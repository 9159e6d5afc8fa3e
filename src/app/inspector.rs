//! The inspector on the right: the selected annotation's label, status, reason, links, tags and
//! note; with nothing selected, the marked words and the shown document's description.

use super::commands::{self, AppCommand, DocField};
use super::desk::Desk;
use super::link_picker::LinkKind;
use super::list_panel::side_panel_sizes;
use super::palette;
use crate::model::{Annotation, Layer, excerpt, mention_label};
use egui::{RichText, Ui};

pub fn inspector(ui: &mut Ui, desk: &mut Desk) {
    if !desk.prefs.show_inspector {
        return;
    }
    let (size, max) = side_panel_sizes(ui.ctx().content_rect().width(), 1 + desk.prefs.show_list as usize);
    egui::Panel::right("inspector").resizable(true).default_size(size).size_range(160.0..=max).show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| inspector_contents(ui, desk));
    });
}

fn inspector_contents(ui: &mut Ui, desk: &mut Desk) {
    let project = &desk.session.project;
    let Some(a) = desk.review.selected.and_then(|id| project.annotation(id)).cloned() else {
        // An entity's conflict that no mention stands for is shown with nothing selected.
        if let Some(conflict) = desk.current_conflict().cloned() {
            super::adjudicate::versions(ui, desk, &conflict);
        }
        let project = &desk.session.project;
        ui.heading("Inspector");
        ui.label(
            RichText::new(
                "Select a highlight in the article or an entry in the list. Tab jumps to the next suggestion; \
                 mark text and press a label's key to add an annotation.",
            )
            .weak(),
        );
        if let Some((s, e)) = desk.marked {
            ui.separator();
            let words = project.document(desk.session.doc).and_then(|d| {
                let span = crate::model::Span::new(s, e).ok()?;
                Some(d.slice(span).split_whitespace().collect::<Vec<_>>().join(" "))
            });
            ui.label(RichText::new(format!("“{}”", words.unwrap_or_default())).italics());
            ui.label(RichText::new(format!("characters {s}..{e}")).small().weak());
            ui.label("Label the marked words:");
            label_buttons(ui, desk);
        }
        document_fields(ui, desk);
        return;
    };
    let conflicts: Vec<_> = super::adjudicate::conflicts_at(project, a.id).into_iter().cloned().collect();
    for conflict in &conflicts {
        ui.push_id(conflict.id.0, |ui| super::adjudicate::versions(ui, desk, conflict));
    }
    let project = &desk.session.project;
    let color = palette::label_color(&project.schema, &a.label);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, color);
        ui.heading(format!("{} · {}", a.layer.name(), a.label));
    });
    ui.label(RichText::new(a.status.name()).strong());
    ui.add_space(4.0);
    ui.label(RichText::new(excerpt(project, &a, 400)).italics());
    ui.label(RichText::new(format!("characters {}", a.span)).small().weak());
    // Wrapped: on a small screen the three buttons are wider than the panel.
    ui.horizontal_wrapped(|ui| {
        for command in [AppCommand::Accept, AppCommand::Reject, AppCommand::Delete] {
            command_button(ui, desk, command);
        }
    });
    ui.separator();
    ui.label(RichText::new("Why").strong());
    ui.label(desk.session.project.annotation(a.id).map(|a| a.origin.describe()).unwrap_or_default());
    if let crate::model::Origin::Detector { rule, .. } = &a.origin
        && let Some(r) = crate::detect::ATTRIBUTION_RULES.iter().find(|r| r.id == rule)
    {
        ui.label(RichText::new(format!("Rule {}: {}", r.id, r.description)).small().weak());
    }
    if let Some(margin) = a.margin {
        let text = format!("certainty {:.2}: the label's lead over the runner-up", f32::from(margin) / 1000.0);
        ui.label(RichText::new(text).small().weak());
    }
    ui.separator();
    egui::ComboBox::from_label("Label").selected_text(&a.label).show_ui(ui, |ui| {
        for l in desk.session.project.schema.labels.clone() {
            if ui.selectable_label(l.name == a.label, format!("{} ({})", l.name, l.layer.name())).clicked() {
                desk.send(AppCommand::ApplyLabel(l.name.clone()));
            }
        }
    });
    if a.layer == Layer::Quote {
        let current = a.attribution_type();
        let combo = egui::ComboBox::from_label("Type").selected_text(current.title()).show_ui(ui, |ui| {
            for t in crate::model::AttributionType::ALL {
                if ui.selectable_label(t == current, t.title()).clicked() && t != current {
                    desk.send(AppCommand::SetAttributionType(a.id, t));
                }
            }
        });
        combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Attribution type"));
    }
    let project = &desk.session.project;
    let linked = |id: Option<crate::model::AnnId>, show: &dyn Fn(&Annotation) -> String| {
        id.and_then(|id| project.annotation(id)).map_or_else(|| "none".to_string(), show)
    };
    let links = if a.layer == Layer::Quote {
        vec![
            ("Speaker", linked(a.links.speaker, &|s| mention_label(project, s)), LinkKind::Speaker),
            ("Cue", linked(a.links.cue, &|c| excerpt(project, c, 40)), LinkKind::Cue),
        ]
    } else {
        let entity = a.links.entity.and_then(|e| project.entity(e));
        vec![(
            "Entity",
            entity.map_or_else(|| "none".to_string(), |e| format!("{} ({})", e.name, e.label)),
            LinkKind::Entity,
        )]
    };
    for (name, shown, kind) in links {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{name}:"));
            let key = commands::entry(&AppCommand::PickLink(kind))
                .and_then(|e| e.keys.first())
                .map(|k| ui.ctx().format_shortcut(k))
                .unwrap_or_default();
            let button = ui.button(shown).on_hover_text(format!("Change ({key})"));
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Change {name}")));
            if button.clicked() {
                desk.send(AppCommand::Select(a.id));
                desk.send(AppCommand::PickLink(kind));
            }
        });
    }
    let project = &desk.session.project;
    if let Some(e) = a.links.entity.and_then(|id| project.entity(id)) {
        let shown = desk.review.highlight_entity == Some(e.id);
        let (highlight, split) = ui
            .horizontal(|ui| {
                let highlight = ui.selectable_label(shown, "Highlight all").on_hover_text("Highlight every mention");
                let split = ui.small_button("Split off").on_hover_text("Make this mention its own entity");
                (highlight.clicked(), split.clicked())
            })
            .inner;
        if highlight {
            desk.send(AppCommand::HighlightEntity((!shown).then_some(e.id)));
        }
        if split {
            desk.send(AppCommand::SplitMention(a.id));
        }
    }
    super::statements_view::section(ui, desk, &a);
    ui.separator();
    text_field(ui, desk, &a, false);
    text_field(ui, desk, &a, true);
}

/// A button for a table command, named as the table names it, with its key ("Accept (A)").
fn command_button(ui: &mut Ui, desk: &mut Desk, command: AppCommand) {
    let Some(entry) = commands::entry(&command) else { return };
    let key = entry.shortcut_text(ui.ctx());
    let text = if key.is_empty() { entry.name.to_string() } else { format!("{} ({key})", entry.name) };
    if ui.button(text).clicked() {
        desk.send(command);
    }
}

/// Tags (comma-separated) or the note, committed as one undoable step when the field loses focus.
fn text_field(ui: &mut Ui, desk: &mut Desk, a: &Annotation, note: bool) {
    let id = ui.make_persistent_id(("field", note, a.id.0));
    let saved = if note { a.note.clone() } else { a.tags.join(", ") };
    let mut text = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| saved.clone());
    ui.label(if note { "Analyst's note" } else { "Tags (comma-separated)" });
    let response = if note {
        ui.add(egui::TextEdit::multiline(&mut text).desired_rows(3).desired_width(f32::INFINITY))
    } else {
        ui.add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
    };
    let name = if note { "Note" } else { "Tags" };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
    if desk.review.focus_field == Some(note) {
        response.request_focus();
        desk.review.focus_field = None;
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
        if response.lost_focus() && text != saved {
            desk.send(if note {
                AppCommand::SetNote(a.id, text)
            } else {
                AppCommand::SetTags(a.id, text.split(',').map(str::to_string).collect())
            });
        }
    }
}

/// The shown document's title, outlet, author, date and URL, each committed as one undoable
/// step when its field loses the keyboard.
fn document_fields(ui: &mut Ui, desk: &mut Desk) {
    let Some(doc) = desk.session.project.document(desk.session.doc).cloned() else { return };
    ui.separator();
    ui.label(RichText::new("Document").strong());
    egui::Grid::new("document-fields").num_columns(2).show(ui, |ui| {
        for field in DocField::ALL {
            let id = ui.make_persistent_id(("doc-field", doc.id.0, field.name()));
            let saved = field.of(&mut doc.clone()).clone();
            let mut text = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| saved.clone());
            ui.label(field.name());
            let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY));
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("Document {}", field.name()))
            });
            if r.has_focus() {
                ui.data_mut(|d| d.insert_temp(id, text));
            } else {
                ui.data_mut(|d| d.remove::<String>(id));
                if r.lost_focus() && text.trim() != saved {
                    desk.send(AppCommand::SetDocumentField(doc.id, field, text));
                }
            }
            ui.end_row();
        }
    });
}

/// One button per label, for marking text without remembering hotkeys.
fn label_buttons(ui: &mut Ui, desk: &mut Desk) {
    ui.horizontal_wrapped(|ui| {
        for l in desk.session.project.schema.labels.clone() {
            let text = match l.hotkey {
                Some(k) => format!("{} ({k})", l.name),
                None => l.name.clone(),
            };
            if ui.button(text).clicked() {
                desk.send(AppCommand::ApplyLabel(l.name.clone()));
            }
        }
    });
}
