//! The project's documents: title, outlet, date and review progress of each, sorted and
//! filtered as the analyst asks, one click (or Ctrl+PgDn / Ctrl+PgUp) from the article.
//!
//! Progress needs a pass over every annotation, so the rows are computed once per change of
//! the project, the sort or the filter, and only the rows in view are drawn: a project of a
//! thousand articles costs the same per frame as one of ten.

use super::AppCommand;
use crate::model::{DocId, Project, Status};
use egui::{RichText, Ui};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// The order documents were added in.
    #[default]
    Added,
    Title,
    Outlet,
    Date,
    /// Least reviewed first: where work remains.
    Progress,
}

impl SortBy {
    const ALL: [SortBy; 5] = [SortBy::Added, SortBy::Title, SortBy::Outlet, SortBy::Date, SortBy::Progress];

    fn name(self) -> &'static str {
        match self {
            SortBy::Added => "as added",
            SortBy::Title => "by title",
            SortBy::Outlet => "by outlet",
            SortBy::Date => "by date",
            SortBy::Progress => "least reviewed first",
        }
    }
}

/// One row of the list.
#[derive(Debug, Clone)]
pub struct DocRow {
    pub id: DocId,
    pub title: String,
    pub outlet: String,
    pub date: String,
    pub reviewed: usize,
    pub total: usize,
}

/// The list's state: how it is sorted and filtered, and its rows for the current project.
#[derive(Default)]
pub struct DocumentsPanel {
    pub sort: SortBy,
    pub filter: String,
    rows: Vec<DocRow>,
    key: Option<(u64, SortBy, String)>,
}

/// Every document with its review progress, in the project's order. One pass over annotations.
pub fn document_rows(project: &Project) -> Vec<DocRow> {
    let mut progress: HashMap<DocId, (usize, usize)> = HashMap::new();
    for a in &project.annotations {
        let p = progress.entry(a.doc).or_default();
        p.1 += 1;
        if a.status != Status::Suggested {
            p.0 += 1;
        }
    }
    project
        .documents
        .iter()
        .map(|d| {
            let (reviewed, total) = progress.get(&d.id).copied().unwrap_or_default();
            DocRow { id: d.id, title: d.title.clone(), outlet: d.source.clone(), date: d.date.clone(), reviewed, total }
        })
        .collect()
}

impl DocumentsPanel {
    /// The rows as sorted and filtered; `generation` changes whenever the project does.
    pub fn rows(&mut self, project: &Project, generation: u64) -> &[DocRow] {
        let key = (generation, self.sort, self.filter.clone());
        if self.key.as_ref() != Some(&key) {
            let needle = self.filter.to_lowercase();
            let mut rows: Vec<DocRow> = document_rows(project)
                .into_iter()
                .filter(|r| {
                    needle.is_empty() || format!("{} {} {}", r.title, r.outlet, r.date).to_lowercase().contains(&needle)
                })
                .collect();
            match self.sort {
                SortBy::Added => {}
                SortBy::Title => rows.sort_by_key(|r| r.title.to_lowercase()),
                SortBy::Outlet => rows.sort_by_key(|r| (r.outlet.to_lowercase(), r.title.to_lowercase())),
                SortBy::Date => rows.sort_by(|a, b| a.date.cmp(&b.date)),
                // Share reviewed, compared without division: a/b < c/d ⇔ a·d < c·b.
                SortBy::Progress => {
                    rows.sort_by(|a, b| (a.reviewed * b.total.max(1)).cmp(&(b.reviewed * a.total.max(1))))
                }
            }
            self.rows = rows;
            self.key = Some(key);
        }
        &self.rows
    }

    /// Draws the list; clicking a row shows its document. Returns what was asked for.
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, generation: u64, current: DocId) -> Vec<AppCommand> {
        let mut commands = Vec::new();
        ui.horizontal_wrapped(|ui| {
            let r = ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("filter").desired_width(120.0));
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Filter documents"));
            let r = egui::ComboBox::from_id_salt("documents-sort").selected_text(self.sort.name()).show_ui(ui, |ui| {
                for s in SortBy::ALL {
                    ui.selectable_value(&mut self.sort, s, s.name());
                }
            });
            r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Sort documents"));
        });
        if ui.button("Add articles…").clicked() {
            commands.push(AppCommand::AddArticles);
        }
        ui.separator();
        let rows = self.rows(project, generation);
        if rows.is_empty() {
            ui.label(RichText::new("No document matches.").weak());
            return commands;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.6;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                ui.push_id(row.id.0, |ui| {
                    ui.set_min_height(row_height - ui.spacing().item_spacing.y);
                    let title = if row.title.is_empty() { "(untitled)" } else { row.title.as_str() };
                    let r = ui.add(egui::Button::selectable(row.id == current, title).truncate());
                    let mut detail: Vec<&str> =
                        [row.outlet.as_str(), row.date.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
                    let progress = format!("reviewed {}/{}", row.reviewed, row.total);
                    detail.push(&progress);
                    ui.add(egui::Label::new(RichText::new(detail.join(" · ")).small().weak()).truncate());
                    if r.clicked() {
                        commands.push(AppCommand::ShowDocument(row.id));
                    }
                    r.context_menu(|ui| {
                        if ui.button("Remove from project").clicked() {
                            commands.push(AppCommand::RemoveDocument(row.id));
                            ui.close();
                        }
                    });
                });
            }
        });
        commands
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnId, Annotation, Document, Layer, Origin, Span};

    #[test]
    fn rows_sort_and_filter_with_their_progress() {
        let mut p = Project::default();
        for (id, title, outlet, date) in [
            (1, "Talks resume", "TASS", "2016-11-25"),
            (2, "Aleppo truce", "Sputnik", "2016-11-24"),
            (3, "Markets", "", ""),
        ] {
            let mut d = Document::new(DocId(id), title, "Some text here.");
            d.source = outlet.into();
            d.date = date.into();
            p.documents.push(d);
        }
        let ann = |id, doc, status| {
            Annotation::new(
                AnnId(id),
                DocId(doc),
                Span::new(0, 4).unwrap(),
                Layer::Quote,
                "DIRECT",
                status,
                Origin::Analyst,
            )
        };
        for a in [
            ann(1, 1, Status::Suggested),
            ann(2, 1, Status::Suggested),
            ann(3, 2, Status::Accepted),
            ann(4, 2, Status::Suggested),
        ] {
            p.put_annotation(a);
        }
        let mut panel = DocumentsPanel::default();
        let ids = |panel: &mut DocumentsPanel, g| panel.rows(&p, g).iter().map(|r| r.id.0).collect::<Vec<_>>();
        assert_eq!(ids(&mut panel, 1), vec![1, 2, 3]);
        let first = &panel.rows(&p, 1)[1];
        assert_eq!((first.reviewed, first.total), (1, 2));
        panel.sort = SortBy::Title;
        assert_eq!(ids(&mut panel, 1), vec![2, 3, 1]);
        panel.sort = SortBy::Date;
        assert_eq!(ids(&mut panel, 1), vec![3, 2, 1], "undated first, then oldest");
        panel.sort = SortBy::Progress;
        assert_eq!(ids(&mut panel, 1), vec![1, 3, 2], "0/2, 0/0, then 1/2");
        panel.filter = "sputnik".into();
        assert_eq!(ids(&mut panel, 1), vec![2]);
    }
}
