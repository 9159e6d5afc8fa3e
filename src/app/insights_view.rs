//! Insights: who is quoted how often, by outlet and over time, how (direct, mixed, indirect) and
//! by what kind of source, as bar charts with their tables. The tables are those of
//! `sayso insights` ([`crate::insights`]), computed once per change of the project.

use super::AppCommand;
use super::desk::Desk;
use crate::insights::Table;
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

/// Bars shown per chart; the table below lists as many, the CSV file every row.
const TOP: usize = 12;

#[derive(Default)]
pub struct InsightsView {
    pub open: bool,
    pub include_suggestions: bool,
    cache: Option<(u64, bool, Vec<Table>)>,
}

impl InsightsView {
    /// The tables for the project as it is; `generation` changes whenever the project does.
    pub fn tables(&mut self, project: &crate::model::Project, generation: u64) -> &[Table] {
        let key = (generation, self.include_suggestions);
        if self.cache.as_ref().is_none_or(|(g, s, _)| (*g, *s) != key) {
            let tables = crate::insights::tables(project, self.include_suggestions);
            self.cache = Some((key.0, key.1, tables));
        }
        self.cache.as_ref().map_or(&[], |(_, _, t)| t.as_slice())
    }
}

/// Horizontal bars with their labels beside them, largest on top.
fn bar_chart(ui: &mut Ui, id: &str, series: &[(String, f64)]) {
    let shown = &series[..series.len().min(TOP)];
    let n = shown.len();
    let bars: Vec<Bar> = shown
        .iter()
        .enumerate()
        .map(|(i, (label, v))| Bar::new((n - 1 - i) as f64, *v).name(label).width(0.7))
        .collect();
    let labels: Vec<String> = shown.iter().rev().map(|(l, _)| l.clone()).collect();
    Plot::new(id)
        .height(24.0 * n.max(2) as f32 + 30.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| plot.bar_chart(BarChart::new(id, bars).horizontal()));
}

pub fn window(ctx: &egui::Context, view: &mut InsightsView, desk: &mut Desk) {
    if !view.open {
        return;
    }
    let mut open = true;
    let mut commands = Vec::new();
    let height = (ctx.content_rect().height() - 120.0).max(200.0);
    let top_left = ctx.content_rect().center() - egui::vec2(300.0, height / 2.0);
    let window = egui::Window::new("Insights").open(&mut open).default_pos(top_left).default_width(600.0);
    window.default_height(height).max_height(height).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.checkbox(&mut view.include_suggestions, "Count suggestions too");
            if ui.button("Save the charts (PNG) and tables (CSV)…").clicked() {
                commands.push(AppCommand::AskInsightsFolder);
            }
        });
        let generation = desk.session.history.generation();
        let tables = view.tables(&desk.session.project, generation);
        egui::ScrollArea::vertical().show(ui, |ui| {
            for table in tables {
                ui.add_space(6.0);
                ui.label(RichText::new(table.title).strong());
                let series = crate::insights::chart::series(table);
                if series.is_empty() {
                    ui.label(RichText::new("Nothing to count yet: accept quotes, or count suggestions too.").weak());
                    continue;
                }
                bar_chart(ui, table.name, &series);
                egui::CollapsingHeader::new(match table.rows.len() {
                    1 => "Table (1 row)".to_string(),
                    n => format!("Table ({n} rows)"),
                })
                .id_salt(table.name)
                .show(ui, |ui| {
                    egui::Grid::new(("insights-table", table.name)).striped(true).show(ui, |ui| {
                        for c in &table.columns {
                            ui.strong(*c);
                        }
                        ui.end_row();
                        for row in table.rows.iter().take(TOP) {
                            for cell in row {
                                ui.label(cell);
                            }
                            ui.end_row();
                        }
                    });
                });
            }
        });
    });
    view.open = open;
    for c in commands {
        desk.send(c);
    }
}
