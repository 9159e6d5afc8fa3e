//! The Entities tab: entities by type with how often each is named and quoted, merged and
//! renamed from each row's menu, highlighted in the article with a click.

use super::desk::Desk;
use super::{AppCommand, palette};
use crate::model::{AnnId, DocId, Layer};
use egui::{RichText, Ui};

/// How often an entity is named and quoted, and in how many documents.
#[derive(Default)]
struct EntityCounts {
    mentions: usize,
    quotes: usize,
    docs: std::collections::BTreeSet<DocId>,
    first: Option<AnnId>,
}

/// Entities by type with how often each is named and quoted, in the shown document or across
/// the project; merge and rename from each row's menu.
pub(super) fn entity_list(ui: &mut Ui, desk: &mut Desk) {
    let mut everywhere = desk.prefs.entities_everywhere;
    if ui.checkbox(&mut everywhere, "All documents").changed() {
        desk.send(AppCommand::SetEntitiesEverywhere(everywhere));
    }
    let project = &desk.session.project;
    let doc = desk.session.doc;
    let mut counts: std::collections::BTreeMap<crate::model::EntityId, EntityCounts> = Default::default();
    let shown = project
        .annotations
        .iter()
        .filter(|a| (everywhere || a.doc == doc) && a.status != crate::model::Status::Rejected);
    for a in shown {
        let quoted = (a.layer == Layer::Quote && a.links.part_of.is_none())
            .then(|| crate::model::speaker_entity(project, a))
            .flatten();
        if let Some(e) = quoted {
            counts.entry(e).or_default().quotes += 1;
        }
        if let Some(e) = a.links.entity {
            let c = counts.entry(e).or_default();
            c.mentions += 1;
            c.docs.insert(a.doc);
            c.first.get_or_insert(a.id);
        }
    }
    let mut entities: Vec<(&crate::model::Entity, usize, Option<crate::model::AnnId>, String)> = counts
        .iter()
        .filter_map(|(id, c)| {
            let mut detail = format!("{}", c.mentions);
            if c.quotes > 0 {
                detail.push_str(&format!(" · {} quoted", c.quotes));
            }
            if everywhere && c.docs.len() > 1 {
                detail.push_str(&format!(" · {} documents", c.docs.len()));
            }
            Some((project.entity(*id)?, c.mentions, c.first, detail))
        })
        .collect();
    entities.sort_by(|a, b| a.0.label.cmp(&b.0.label).then(b.1.cmp(&a.1)).then(a.0.name.cmp(&b.0.name)));
    let mut commands = Vec::new();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let mut last_label = "";
        for (e, _, first, detail) in &entities {
            if e.label != last_label {
                ui.add_space(4.0);
                ui.label(RichText::new(&e.label).strong().color(palette::label_color(&project.schema, &e.label)));
                last_label = &e.label;
            }
            let response =
                ui.selectable_label(desk.review.highlight_entity == Some(e.id), format!("{} ({detail})", e.name));
            if response.clicked() {
                commands.push(AppCommand::HighlightEntity(Some(e.id)));
                commands.extend(first.map(AppCommand::Select));
            }
            response.context_menu(|ui| {
                ui.menu_button("Merge into", |ui| {
                    for (other, m, _, _) in entities.iter().filter(|(o, _, _, _)| o.id != e.id && o.label == e.label) {
                        if ui.button(format!("{} ({m})", other.name)).clicked() {
                            commands.push(AppCommand::MergeEntities { into: other.id, from: e.id });
                            ui.close();
                        }
                    }
                });
                let id = ui.make_persistent_id(("rename", e.id.0));
                let mut name = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| e.name.clone());
                ui.label("Rename:");
                let edit = ui.text_edit_singleline(&mut name);
                edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New name"));
                if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    commands.push(AppCommand::RenameEntity(e.id, name.clone()));
                    ui.data_mut(|d| d.remove::<String>(id));
                    ui.close();
                } else {
                    ui.data_mut(|d| d.insert_temp(id, name));
                }
                if !e.aliases.is_empty() {
                    ui.label(RichText::new(format!("Also: {}", e.aliases.join(", "))).small().weak());
                }
            });
        }
    });
    for c in commands {
        desk.send(c);
    }
}
