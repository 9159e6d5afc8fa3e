//! The list on the left: the tabs (documents, quotes, mentions, speakers and cues, entities, and
//! a merged project's conflicts) and the annotation lists, drawn only where in view.

use super::desk::Desk;
use super::documents_panel::DocumentsPanel;
use super::quote_filter::QuoteFilter;
use super::{AppCommand, ListTab, palette};
use crate::model::{AnnId, Annotation, AttributionFilter, DocId, Layer, Project, excerpt};
use crate::review_order::ReviewOrder;
use egui::{RichText, Ui};

/// The narrowest the article column gets while side panels are shown: about 50 characters.
const MIN_ARTICLE_WIDTH: f32 = 480.0;

/// How wide a side panel may be in a window `width` wide, so that the article keeps a readable
/// column: its default, and its largest.
pub(super) fn side_panel_sizes(width: f32, panels: usize) -> (f32, f32) {
    let max = ((width - MIN_ARTICLE_WIDTH) / panels.max(1) as f32).max(160.0);
    ((width * 0.22).clamp(200.0, 320.0).min(max), max)
}

/// The name a quote's speaker goes by: the entity's canonical name, else the mention's words.
fn speaker_name(project: &Project, quote: &Annotation) -> Option<String> {
    let speaker = project.annotation(quote.links.speaker?)?;
    match speaker.links.entity.and_then(|e| project.entity(e)) {
        Some(entity) => Some(entity.name.clone()),
        None => Some(excerpt(project, speaker, 40)),
    }
}

/// The annotations the list shows, in the review order (text order, or the least certain
/// first), kept until the project, the document, the tab, the order or the quote filter
/// changes: going through every annotation each frame cost time in proportion to the project.
#[derive(Default)]
pub struct ListRows {
    key: Option<(u64, DocId, ListTab, QuoteFilter, AttributionFilter, ReviewOrder)>,
    ids: Vec<AnnId>,
}

impl ListRows {
    /// The rows for `tab`; `generation` changes whenever the project does.
    fn ids(
        &mut self,
        project: &Project,
        view: (u64, DocId, ListTab, AttributionFilter, ReviewOrder),
        filter: &QuoteFilter,
    ) -> &[AnnId] {
        let (generation, doc, tab, shown, order) = view;
        let fresh = self.key.as_ref().is_some_and(|(g, d, t, f, s, o)| {
            (*g, *d, *t, *s, *o) == (generation, doc, tab, shown, order) && f == filter
        });
        if !fresh {
            let hidden = shown.hidden_in(project, doc);
            let mut items: Vec<&Annotation> = project
                .annotations_of(doc)
                .filter(|a| !hidden.contains(&a.id))
                .filter(|a| match tab {
                    ListTab::Quotes => a.layer == Layer::Quote && filter.matches(project, a),
                    ListTab::Mentions => a.layer == Layer::Mention,
                    ListTab::Other | ListTab::Entities | ListTab::Documents | ListTab::Conflicts => {
                        !matches!(a.layer, Layer::Quote | Layer::Mention)
                    }
                })
                .collect();
            let rank = std::collections::HashMap::new();
            items.sort_by_key(|a| crate::review_order::key(order, a, &rank));
            self.ids = items.iter().map(|a| a.id).collect();
            self.key = Some((generation, doc, tab, filter.clone(), shown, order));
        }
        &self.ids
    }
}

pub fn list_panel(ui: &mut Ui, desk: &mut Desk, rows: &mut ListRows, documents: &mut DocumentsPanel) {
    if !desk.prefs.show_list {
        return;
    }
    let (size, max) = side_panel_sizes(ui.ctx().content_rect().width(), 1 + desk.prefs.show_inspector as usize);
    egui::Panel::left("list").resizable(true).default_size(size).size_range(160.0..=max).show(ui, |ui| {
        // Wrapped, so that the tabs never hold the panel wider than the analyst drags it.
        ui.horizontal_wrapped(|ui| {
            let documents = format!("Documents ({})", desk.session.project.documents.len());
            ui.selectable_value(&mut desk.review.list_tab, ListTab::Documents, documents);
            ui.selectable_value(&mut desk.review.list_tab, ListTab::Quotes, "Quotes");
            ui.selectable_value(&mut desk.review.list_tab, ListTab::Mentions, "Mentions");
            ui.selectable_value(&mut desk.review.list_tab, ListTab::Other, "Speakers & cues");
            ui.selectable_value(&mut desk.review.list_tab, ListTab::Entities, "Entities");
            let conflicts = desk.session.project.conflicts.len();
            if conflicts == 0 && desk.review.list_tab == ListTab::Conflicts {
                desk.review.list_tab = ListTab::Quotes;
            }
            if conflicts > 0 {
                ui.selectable_value(&mut desk.review.list_tab, ListTab::Conflicts, format!("Conflicts ({conflicts})"));
            }
        });
        ui.separator();
        if desk.review.list_tab == ListTab::Conflicts {
            super::adjudicate::conflict_list(ui, desk);
            return;
        }
        if desk.review.list_tab == ListTab::Entities {
            super::entities_panel::entity_list(ui, desk);
            return;
        }
        if desk.review.list_tab == ListTab::Documents {
            let generation = desk.session.history.generation();
            for c in documents.ui(ui, &desk.session.project, generation, desk.session.doc) {
                desk.send(c);
            }
            return;
        }
        let doc = desk.session.doc;
        let tab = desk.review.list_tab;
        if tab == ListTab::Quotes {
            let focus = std::mem::take(&mut desk.review.focus_quote_filter);
            desk.review.quote_filter.ui(ui, &desk.session.project, doc, focus);
            ui.separator();
        }
        let project = &desk.session.project;
        let filter = &desk.review.quote_filter;
        let view = (desk.session.history.generation(), doc, tab, desk.prefs.attributions, desk.prefs.review_order);
        let items = rows.ids(project, view, filter);
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
                            "{} {}{} · {} · {}",
                            a.label,
                            a.attribution_type().name(),
                            if a.links.part_of.is_some() { " (continued)" } else { "" },
                            speaker_name(project, a).unwrap_or_else(|| "no speaker".into()),
                            a.status.name()
                        ),
                    ),
                    _ => (excerpt(project, a, 60), format!("{} · {}", a.label, a.status.name())),
                };
                let selected = desk.review.selected == Some(a.id);
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
            desk.send(AppCommand::Select(id));
        }
    });
}
