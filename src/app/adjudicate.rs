//! Settling a merged project's conflicts: F8 steps through them in reading order (as Tab steps
//! through suggestions), both versions are shown side by side in the inspector and marked in the
//! article, and 1, 2 or N keeps the first version, the second, or neither, as one undoable step.
//! A conflict over an entity is shown at its first mention (or with nothing selected, when
//! nothing mentions it), with both analysts' label and name for it.

use super::desk::Desk;
use super::{AppCommand, NoticeLevel, Review, SaysoApp};
use crate::edit::actions::{self, Choice};
use crate::model::{AnnId, Annotation, Conflict, ConflictId, Entity, Project, Span, excerpt};
use egui::{RichText, Ui};

/// The project's conflicts in reading order: by document, then where the disputed words start.
pub(super) fn in_reading_order(project: &Project) -> Vec<&Conflict> {
    let rank = project.document_ranks();
    let place = |c: &Conflict| {
        let a = c.stands_at(project).and_then(|id| project.annotation(id));
        a.map_or((rank.get(&c.doc).copied(), 0), |a| (rank.get(&a.doc).copied(), a.span.start()))
    };
    let mut all: Vec<&Conflict> = project.conflicts.iter().collect();
    all.sort_by_cached_key(|c| (place(c), c.id));
    all
}

/// The conflicts shown at annotation `ann`: its own, then its entity's.
pub(super) fn conflicts_at(project: &Project, ann: AnnId) -> Vec<&Conflict> {
    let entity = project.annotation(ann).and_then(|a| a.links.entity);
    let own = project.conflict_of(ann);
    let of_entity = project.conflicts.iter().filter(|c| c.entity.is_some() && c.entity == entity);
    own.into_iter().chain(of_entity.filter(|c| c.stands_at(project) == Some(ann))).collect()
}

/// The conflict being settled: the one last shown while the selection is where it stands, else
/// the first shown at the selected annotation.
pub(super) fn current<'p>(project: &'p Project, review: &Review) -> Option<&'p Conflict> {
    let shown = review.shown_conflict.and_then(|id| project.conflict(id));
    shown
        .filter(|c| c.stands_at(project) == review.selected)
        .or_else(|| conflicts_at(project, review.selected?).first().copied())
}

/// Where both versions' words are: the stretch the article frames for a conflict.
pub(super) fn extent(c: &Conflict) -> Option<Span> {
    let spans: Vec<Span> = c.versions().iter().filter_map(|v| v.annotation.as_ref().map(|a| a.span)).collect();
    let start = spans.iter().map(|s| s.start()).min()?;
    let end = spans.iter().map(|s| s.end()).max()?;
    Span::new(start, end).ok()
}

impl SaysoApp {
    /// The conflict being settled (see [`current`]).
    pub(super) fn current_conflict(&self) -> Option<&Conflict> {
        current(&self.session.project, &self.review)
    }

    /// Shows the next (or previous) conflict after the current one, round to the first.
    pub(super) fn step_conflict(&mut self, forward: bool) {
        let order: Vec<ConflictId> = in_reading_order(&self.session.project).iter().map(|c| c.id).collect();
        if order.is_empty() {
            self.notify(NoticeLevel::Info, "No conflicts left to settle.");
            return;
        }
        let at = self.current_conflict().and_then(|c| order.iter().position(|id| *id == c.id));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => order.len() - 1,
            (Some(i), true) => (i + 1) % order.len(),
            (Some(i), false) => (i + order.len() - 1) % order.len(),
        };
        self.show_conflict(order[next]);
    }

    pub(super) fn show_conflict(&mut self, id: ConflictId) {
        if let Some(c) = self.session.project.conflict(id) {
            let at = c.stands_at(&self.session.project);
            self.view.set_selection(None);
            self.review.shown_conflict = Some(id);
            match at {
                Some(ann) => self.select(ann),
                None => self.review.selected = None,
            }
        }
    }

    /// Settles the shown conflict and shows the next. With none shown, shows the first instead:
    /// a key never settles a conflict the analyst has not seen.
    pub(super) fn resolve_conflict(&mut self, choice: Choice) {
        let Some(id) = self.current_conflict().map(|c| c.id) else {
            self.step_conflict(true);
            return;
        };
        let position = in_reading_order(&self.session.project).iter().position(|c| c.id == id).unwrap_or(0);
        self.edit(choice.title(), |p| actions::resolve(p, id, choice));
        self.review.selected = None;
        let order: Vec<ConflictId> = in_reading_order(&self.session.project).iter().map(|c| c.id).collect();
        match order.get(position).or(order.first()) {
            Some(next) => self.show_conflict(*next),
            None => self.notify(NoticeLevel::Info, "Every conflict is settled: save to keep the result."),
        }
    }
}

/// "conflict 3 of 12" for the status bar, with the keys that settle it; `None` without conflicts.
pub(super) fn progress(desk: &Desk) -> Option<String> {
    let order = in_reading_order(&desk.session.project);
    if order.is_empty() {
        return None;
    }
    let current = desk.current_conflict().map(|c| c.id);
    Some(match order.iter().position(|c| Some(c.id) == current) {
        Some(i) => {
            let c = order[i];
            format!(
                "conflict {} of {} · 1 {} · 2 {} · N neither",
                i + 1,
                order.len(),
                c.first.analyst,
                c.second.analyst
            )
        }
        None => format!("{} conflicts · F8 next", order.len()),
    })
}

/// The inspector's side-by-side view of a disputed annotation's two versions, with the keys.
pub(super) fn versions(ui: &mut Ui, desk: &mut Desk, c: &Conflict) {
    ui.label(RichText::new(format!("Conflict: {}", c.fields.join(", "))).strong().color(ui.visuals().warn_fg_color));
    let project = &desk.session.project;
    let mut chosen = None;
    ui.columns(2, |columns| {
        for (i, (column, version)) in columns.iter_mut().zip(c.versions()).enumerate() {
            // Ragged right: justified columns would spread a narrow column's words apart.
            column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.label(RichText::new(format!("{} · {}", i + 1, version.analyst)).strong());
                match (&version.entity, &version.annotation) {
                    (Some(e), _) => describe_entity(ui, e, &c.fields),
                    (None, Some(a)) => describe(ui, project, a, &c.fields),
                    (None, None) => {
                        ui.label(RichText::new("(does not have it)").italics());
                    }
                }
                let key = if i == 0 { "1" } else { "2" };
                if ui.button(format!("Keep {} ({key})", version.analyst)).clicked() {
                    chosen = Some(if i == 0 { Choice::First } else { Choice::Second });
                }
            });
        }
    });
    if ui.button("Keep neither (N)").clicked() {
        chosen = Some(Choice::Neither);
    }
    if let Some(choice) = chosen {
        desk.send(AppCommand::ShowConflict(c.id));
        desk.send(AppCommand::Resolve(choice));
    }
    ui.separator();
}

/// One version's fields, the disputed ones in bold.
fn describe(ui: &mut Ui, project: &Project, a: &Annotation, disputed: &[String]) {
    let line = |ui: &mut Ui, field: &str, text: String| {
        let text = RichText::new(text);
        ui.label(if disputed.iter().any(|d| d == field) { text.strong() } else { text.weak() });
    };
    line(ui, "label", format!("{} ({})", a.label, a.layer.name()));
    line(ui, "status", a.status.name().to_string());
    let words = excerpt(project, a, 80);
    line(ui, "span", format!("“{}” {}", words.trim_matches(|c| "\"“”«»„‘’".contains(c)), a.span));
    let words = |id| project.annotation(id).map_or_else(|| "(gone)".to_string(), |s| excerpt(project, s, 30));
    if let Some(s) = a.links.speaker {
        line(ui, "speaker", format!("speaker: {}", words(s)));
    }
    if let Some(e) = a.links.entity {
        let name = project.entity(e).map_or_else(|| e.to_string(), |e| e.name.clone());
        line(ui, "entity", format!("entity: {name}"));
    }
    if !a.note.is_empty() {
        line(ui, "note", format!("note: {}", a.note));
    }
}

/// One analyst's version of a disputed entity, the disputed fields in bold.
fn describe_entity(ui: &mut Ui, e: &Entity, disputed: &[String]) {
    let line = |ui: &mut Ui, field: &str, text: String| {
        let text = RichText::new(text);
        ui.label(if disputed.iter().any(|d| d == field) { text.strong() } else { text.weak() });
    };
    line(ui, "entity label", format!("entity label: {}", e.label));
    line(ui, "entity name", format!("entity name: {}", e.name));
    if !e.aliases.is_empty() {
        line(ui, "aliases", format!("also: {}", e.aliases.join(", ")));
    }
}

/// The Conflicts tab of the list: every conflict of the project, in reading order.
pub(super) fn conflict_list(ui: &mut Ui, desk: &mut Desk) {
    let project = &desk.session.project;
    let current = desk.current_conflict().map(|c| c.id);
    let mut clicked = None;
    let order = in_reading_order(project);
    // Only the rows in view are drawn: a merge of two corpora leaves hundreds of conflicts.
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.6;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_height, order.len(), |ui, range| {
        for c in &order[range] {
            let words = match c.entity {
                Some(e) => format!("entity {}", project.entity(e).map_or_else(|| e.to_string(), |e| e.name.clone())),
                None => project.annotation(c.ann).map(|a| excerpt(project, a, 50)).unwrap_or_default(),
            };
            ui.push_id(c.id.0, |ui| {
                ui.set_min_height(row_height - ui.spacing().item_spacing.y);
                let title = format!("{} · {}", c.id, words);
                if ui.add(egui::Button::selectable(current == Some(c.id), title).truncate()).clicked() {
                    clicked = Some(c.id);
                }
                let detail = format!("{}: {} / {}", c.fields.join(", "), c.first.analyst, c.second.analyst);
                ui.add(egui::Label::new(RichText::new(detail).small().weak()).truncate());
            });
        }
    });
    if let Some(id) = clicked {
        desk.send(AppCommand::ShowConflict(id));
    }
}
