//! The panels around the article: menus, the annotation list, the inspector, the status bar,
//! the shortcut overlay and notices. Each is a function that reads the app and queues commands.

use super::commands::{self, AppCommand, DocField};
use super::link_picker::{LinkKind, mention_label};
use super::quote_filter::QuoteFilter;
use super::{ListTab, NoticeLevel, SaysoApp, palette};
use crate::model::{AnnId, Annotation, DocId, Layer, Project, StatusCounts};
use egui::{RichText, Ui};

const NOTICE_SECONDS: f64 = 4.0;
/// The narrowest the article column gets while side panels are shown: about 50 characters.
const MIN_ARTICLE_WIDTH: f32 = 480.0;
/// Notices shown at once; older ones wait behind a count.
const SHOWN_NOTICES: usize = 3;

/// How wide a side panel may be in a window `width` wide, so that the article keeps a readable
/// column: its default, and its largest.
fn side_panel_sizes(width: f32, panels: usize) -> (f32, f32) {
    let max = ((width - MIN_ARTICLE_WIDTH) / panels.max(1) as f32).max(160.0);
    ((width * 0.22).clamp(200.0, 320.0).min(max), max)
}

/// A menu item for a table command, with its shortcut shown.
fn command_item(app: &mut SaysoApp, ui: &mut Ui, command: AppCommand, enabled: bool) {
    let Some(entry) = commands::entry(&command) else { return };
    let button = egui::Button::new(entry.name).shortcut_text(entry.shortcut_text(ui.ctx()));
    if ui.add_enabled(enabled, button).clicked() {
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
                    if app.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in app.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            app.send(AppCommand::OpenPath(path));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                command_item(app, ui, AppCommand::Save, true);
                command_item(app, ui, AppCommand::SaveAs, true);
                ui.menu_button("Export", |ui| {
                    for format in crate::export::Format::ALL {
                        if ui.button(format!("{}…", format.title())).clicked() {
                            app.send(AppCommand::Export(format));
                            ui.close();
                        }
                    }
                    ui.separator();
                    ui.checkbox(&mut app.export_suggestions, "Include unreviewed suggestions");
                });
                ui.separator();
                command_item(app, ui, AppCommand::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let undo = app.session.history.undo_name().map(|n| format!("Undo {n}"));
                let redo = app.session.history.redo_name().map(|n| format!("Redo {n}"));
                command_item(app, ui, AppCommand::Undo, undo.is_some());
                command_item(app, ui, AppCommand::Redo, redo.is_some());
                ui.separator();
                command_item(app, ui, AppCommand::Find, true);
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
                ui.menu_button("Accept all suggestions of", |ui| {
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

pub fn status_bar(app: &mut SaysoApp, ui: &mut Ui) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let dirty = if app.session.is_dirty() { " ●" } else { "" };
            ui.strong(format!("{}{dirty}", app.session.display_name()));
            if let Some(doc) = app.session.project.document(app.session.doc) {
                let docs = &app.session.project.documents;
                if docs.len() > 1 {
                    ui.separator();
                    let i = docs.iter().position(|d| d.id == doc.id).unwrap_or(0) + 1;
                    ui.label(format!("document {i} of {} · {}", docs.len(), doc.title));
                }
                ui.separator();
                ui.label(&doc.encoding);
            }
            ui.separator();
            let counts = layer_counts(&app.session.project, app.session.doc);
            let total = counts.iter().fold(StatusCounts::default(), |mut t, (_, c)| {
                t.suggested += c.suggested;
                t.accepted += c.accepted;
                t.rejected += c.rejected;
                t
            });
            let mut parts = vec![format!("reviewed {}/{}", total.reviewed(), total.total())];
            parts.extend(counts.iter().map(|(name, c)| format!("{name} {}/{}", c.reviewed(), c.total())));
            ui.label(parts.join(" · "));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new("Tab next · A accept · X reject · F1 keys").weak());
            });
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

/// First words of an annotation's text, for list entries.
pub fn excerpt(project: &Project, a: &Annotation, max_chars: usize) -> String {
    let Some(doc) = project.document(a.doc) else { return String::new() };
    let text = doc.slice(a.span).split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > max_chars {
        let cut: String = text.chars().take(max_chars).collect();
        format!("{}…", cut.trim_end())
    } else {
        text
    }
}

/// The name a quote's speaker goes by: the entity's canonical name, else the mention's words.
fn speaker_name(project: &Project, quote: &Annotation) -> Option<String> {
    let speaker = project.annotation(quote.links.speaker?)?;
    match speaker.links.entity.and_then(|e| project.entity(e)) {
        Some(entity) => Some(entity.name.clone()),
        None => Some(excerpt(project, speaker, 40)),
    }
}

/// The annotations the list shows, in text order, kept until the project, the document, the tab
/// or the quote filter changes: going through every annotation each frame cost time in
/// proportion to the project.
#[derive(Default)]
pub struct ListRows {
    key: Option<(u64, DocId, ListTab, QuoteFilter)>,
    ids: Vec<AnnId>,
}

impl ListRows {
    /// The rows for `tab`; `generation` changes whenever the project does.
    fn ids(&mut self, project: &Project, generation: u64, doc: DocId, tab: ListTab, filter: &QuoteFilter) -> &[AnnId] {
        let fresh = self.key.as_ref().is_some_and(|(g, d, t, f)| (*g, *d, *t) == (generation, doc, tab) && f == filter);
        if !fresh {
            let mut items: Vec<&Annotation> = project
                .annotations_of(doc)
                .filter(|a| match tab {
                    ListTab::Quotes => a.layer == Layer::Quote && filter.matches(project, a),
                    ListTab::Mentions => a.layer == Layer::Mention,
                    ListTab::Other | ListTab::Entities | ListTab::Documents => {
                        !matches!(a.layer, Layer::Quote | Layer::Mention)
                    }
                })
                .collect();
            items.sort_by_key(|a| (a.span.start(), a.span.end()));
            self.ids = items.iter().map(|a| a.id).collect();
            self.key = Some((generation, doc, tab, filter.clone()));
        }
        &self.ids
    }
}

pub fn list_panel(app: &mut SaysoApp, ui: &mut Ui) {
    if !app.show_list {
        return;
    }
    let (size, max) = side_panel_sizes(ui.ctx().content_rect().width(), 1 + app.show_inspector as usize);
    egui::Panel::left("list").resizable(true).default_size(size).size_range(160.0..=max).show(ui, |ui| {
        // Wrapped, so that the tabs never hold the panel wider than the analyst drags it.
        ui.horizontal_wrapped(|ui| {
            let documents = format!("Documents ({})", app.session.project.documents.len());
            ui.selectable_value(&mut app.list_tab, ListTab::Documents, documents);
            ui.selectable_value(&mut app.list_tab, ListTab::Quotes, "Quotes");
            ui.selectable_value(&mut app.list_tab, ListTab::Mentions, "Mentions");
            ui.selectable_value(&mut app.list_tab, ListTab::Other, "Speakers & cues");
            ui.selectable_value(&mut app.list_tab, ListTab::Entities, "Entities");
        });
        ui.separator();
        if app.list_tab == ListTab::Entities {
            entity_list(app, ui);
            return;
        }
        if app.list_tab == ListTab::Documents {
            let generation = app.session.history.generation();
            let commands = app.documents.ui(ui, &app.session.project, generation, app.session.doc);
            for c in commands {
                app.send(c);
            }
            return;
        }
        let doc = app.session.doc;
        let tab = app.list_tab;
        if tab == ListTab::Quotes {
            let focus = std::mem::take(&mut app.focus_quote_filter);
            app.quote_filter.ui(ui, &app.session.project, doc, focus);
            ui.separator();
        }
        let project = &app.session.project;
        let filter = &app.quote_filter;
        let items = app.list_rows.ids(project, app.session.history.generation(), doc, tab, filter);
        if items.is_empty() {
            let empty =
                if tab == ListTab::Quotes && filter.is_active() { "No quote matches." } else { "Nothing here yet." };
            ui.label(RichText::new(empty).weak());
            return;
        }
        let mut clicked = None;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.6;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_height, items.len(), |ui, range| {
            for a in items[range].iter().filter_map(|id| project.annotation(*id)) {
                let color = palette::label_color(&project.schema, &a.label);
                let (title, detail) = match a.layer {
                    Layer::Quote => (
                        format!("“{}”", excerpt(project, a, 60).trim_matches(|c| "\"“”«»„‘’".contains(c))),
                        format!(
                            "{}{} · {} · {}",
                            a.label,
                            if a.links.part_of.is_some() { " (continued)" } else { "" },
                            speaker_name(project, a).unwrap_or_else(|| "no speaker".into()),
                            a.status.name()
                        ),
                    ),
                    _ => (excerpt(project, a, 60), format!("{} · {}", a.label, a.status.name())),
                };
                let selected = app.selected == Some(a.id);
                let response = ui
                    .push_id(a.id.0, |ui| {
                        ui.set_min_height(row_height - ui.spacing().item_spacing.y);
                        ui.horizontal(|ui| {
                            let (rect, _) =
                                ui.allocate_exact_size(egui::vec2(4.0, row_height - 8.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 1.0, color);
                            // Cut to the panel's width, so that the panel can be narrowed.
                            ui.vertical(|ui| {
                                let r = ui.add(egui::Button::selectable(selected, title).truncate());
                                ui.add(egui::Label::new(RichText::new(&detail).small().weak()).truncate());
                                r
                            })
                            .inner
                        })
                        .inner
                    })
                    .inner;
                if response.clicked() {
                    clicked = Some(a.id);
                }
            }
        });
        if let Some(id) = clicked {
            app.send(AppCommand::Select(id));
        }
    });
}

pub fn inspector(app: &mut SaysoApp, ui: &mut Ui) {
    if !app.show_inspector {
        return;
    }
    let (size, max) = side_panel_sizes(ui.ctx().content_rect().width(), 1 + app.show_list as usize);
    egui::Panel::right("inspector").resizable(true).default_size(size).size_range(160.0..=max).show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| inspector_contents(app, ui));
    });
}

fn inspector_contents(app: &mut SaysoApp, ui: &mut Ui) {
    let project = &app.session.project;
    let Some(a) = app.selected.and_then(|id| project.annotation(id)).cloned() else {
        ui.heading("Inspector");
        ui.label(
            RichText::new(
                "Select a highlight in the article or an entry in the list. Tab jumps to the next suggestion; \
                 mark text and press a label's key to add an annotation.",
            )
            .weak(),
        );
        if let Some((s, e)) = app.view_selection() {
            ui.separator();
            let words = project.document(app.session.doc).and_then(|d| {
                let span = crate::model::Span::new(s, e).ok()?;
                Some(d.slice(span).split_whitespace().collect::<Vec<_>>().join(" "))
            });
            ui.label(RichText::new(format!("“{}”", words.unwrap_or_default())).italics());
            ui.label(RichText::new(format!("characters {s}..{e}")).small().weak());
            ui.label("Label the marked words:");
            label_buttons(app, ui);
        }
        document_fields(app, ui);
        return;
    };
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
    ui.horizontal(|ui| {
        if ui.button("Accept (A)").clicked() {
            app.send(AppCommand::Accept);
        }
        if ui.button("Reject (X)").clicked() {
            app.send(AppCommand::Reject);
        }
        if ui.button("Delete").clicked() {
            app.send(AppCommand::Delete);
        }
    });
    ui.separator();
    ui.label(RichText::new("Why").strong());
    ui.label(app.session.project.annotation(a.id).map(|a| a.origin.describe()).unwrap_or_default());
    ui.separator();
    egui::ComboBox::from_label("Label").selected_text(&a.label).show_ui(ui, |ui| {
        for l in app.session.project.schema.labels.clone() {
            if ui.selectable_label(l.name == a.label, format!("{} ({})", l.name, l.layer.name())).clicked() {
                app.send(AppCommand::ApplyLabel(l.name.clone()));
            }
        }
    });
    let project = &app.session.project;
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
        ui.horizontal(|ui| {
            ui.label(format!("{name}:"));
            let key = commands::entry(&AppCommand::PickLink(kind))
                .and_then(|e| e.keys.first())
                .map(|k| ui.ctx().format_shortcut(k))
                .unwrap_or_default();
            let button = ui.button(shown).on_hover_text(format!("Change ({key})"));
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Change {name}")));
            if button.clicked() {
                app.send(AppCommand::Select(a.id));
                app.send(AppCommand::PickLink(kind));
            }
        });
    }
    let project = &app.session.project;
    if let Some(e) = a.links.entity.and_then(|id| project.entity(id)) {
        let shown = app.highlight_entity == Some(e.id);
        let (highlight, split) = ui
            .horizontal(|ui| {
                let highlight = ui.selectable_label(shown, "Highlight all").on_hover_text("Highlight every mention");
                let split = ui.small_button("Split off").on_hover_text("Make this mention its own entity");
                (highlight.clicked(), split.clicked())
            })
            .inner;
        if highlight {
            app.send(AppCommand::HighlightEntity((!shown).then_some(e.id)));
        }
        if split {
            app.send(AppCommand::SplitMention(a.id));
        }
    }
    ui.separator();
    text_field(app, ui, &a, false);
    text_field(app, ui, &a, true);
}

/// Tags (comma-separated) or the note, committed as one undoable step when the field loses focus.
fn text_field(app: &mut SaysoApp, ui: &mut Ui, a: &Annotation, note: bool) {
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
    if app.focus_field == Some(note) {
        response.request_focus();
        app.focus_field = None;
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
        if response.lost_focus() && text != saved {
            app.send(if note {
                AppCommand::SetNote(a.id, text)
            } else {
                AppCommand::SetTags(a.id, text.split(',').map(str::to_string).collect())
            });
        }
    }
}

/// The shown document's title, outlet, author, date and URL, each committed as one undoable
/// step when its field loses the keyboard.
fn document_fields(app: &mut SaysoApp, ui: &mut Ui) {
    let Some(doc) = app.session.project.document(app.session.doc).cloned() else { return };
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
                    app.send(AppCommand::SetDocumentField(doc.id, field, text));
                }
            }
            ui.end_row();
        }
    });
}

/// One button per label, for marking text without remembering hotkeys.
fn label_buttons(app: &mut SaysoApp, ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        for l in app.session.project.schema.labels.clone() {
            let text = match l.hotkey {
                Some(k) => format!("{} ({k})", l.name),
                None => l.name.clone(),
            };
            if ui.button(text).clicked() {
                app.send(AppCommand::ApplyLabel(l.name.clone()));
            }
        }
    });
}

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
fn entity_list(app: &mut SaysoApp, ui: &mut Ui) {
    ui.checkbox(&mut app.entities_everywhere, "All documents");
    let project = &app.session.project;
    let doc = app.session.doc;
    let everywhere = app.entities_everywhere;
    let mut counts: std::collections::BTreeMap<crate::model::EntityId, EntityCounts> = Default::default();
    let shown = project
        .annotations
        .iter()
        .filter(|a| (everywhere || a.doc == doc) && a.status != crate::model::Status::Rejected);
    for a in shown {
        let quoted = (a.layer == Layer::Quote && a.links.part_of.is_none())
            .then(|| super::quote_filter::speaker_entity(project, a))
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
            let response = ui.selectable_label(app.highlight_entity == Some(e.id), format!("{} ({detail})", e.name));
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
        app.send(c);
    }
}

/// Every key: the command table's, then the label keys of the project's schema. It fits any
/// window (it scrolls) and closes with Esc, F1 or its ✕.
pub fn shortcuts_window(app: &mut SaysoApp, ctx: &egui::Context) {
    let mut open = app.show_shortcuts;
    let height = (ctx.content_rect().height() - 120.0).max(160.0);
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
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
                        ui.label(RichText::new(keys.join("  or  ")).monospace());
                        ui.end_row();
                    }
                    for l in app.session.project.schema.labels.iter().filter(|l| l.hotkey.is_some()) {
                        ui.label(format!("Label as {} ({}), or relabel", l.name, l.layer.name()));
                        ui.label(RichText::new(l.hotkey.map(|k| k.to_string()).unwrap_or_default()).monospace());
                        ui.end_row();
                    }
                });
            });
        });
    app.show_shortcuts = open;
}

pub fn notices(app: &mut SaysoApp, ctx: &egui::Context) {
    if app.notices.is_empty() {
        return;
    }
    let now = ctx.input(|i| i.time);
    app.notices.retain(|n| n.level == NoticeLevel::Error || n.shown_at.is_none_or(|t| now - t < NOTICE_SECONDS));
    let (mut dismiss, mut dismiss_all) = (None, false);
    let hidden = app.notices.len().saturating_sub(SHOWN_NOTICES);
    egui::Area::new(egui::Id::unique("notices")).anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -36.0]).show(ctx, |ui| {
        ui.set_max_width(420.0);
        // Newest first, at the top of the stack; the oldest wait behind a count.
        for (i, notice) in app.notices.iter_mut().enumerate().rev().take(SHOWN_NOTICES) {
            notice.shown_at.get_or_insert(now);
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let (icon, color) = match notice.level {
                        NoticeLevel::Error => ("⚠", ui.visuals().error_fg_color),
                        NoticeLevel::Info => ("ℹ", ui.visuals().text_color()),
                    };
                    ui.colored_label(color, icon);
                    ui.label(&notice.text);
                    if ui.small_button("✕").clicked() {
                        dismiss = Some(i);
                    }
                });
            });
        }
        if hidden > 0 || app.notices.len() > 1 {
            ui.horizontal(|ui| {
                if hidden > 0 {
                    ui.label(RichText::new(format!("{hidden} older")).small().weak());
                }
                dismiss_all = ui.small_button("Dismiss all").clicked();
            });
        }
    });
    if dismiss_all {
        app.notices.clear();
    } else if let Some(i) = dismiss {
        app.notices.remove(i);
    }
    ctx.request_repaint_after(std::time::Duration::from_millis(500));
}
