//! A small list of the annotations under one spot of the article, for picking one of several
//! overlapping highlights (a name inside a speaker inside a quote) in one go.

use crate::model::excerpt;
use crate::model::{AnnId, Project};
use egui::{Key, Modifiers, Pos2};

pub struct OverlapChooser {
    /// Innermost first.
    ids: Vec<AnnId>,
    /// Where to show it: under the click, or (opened from the keyboard) the top of the window.
    at: Option<Pos2>,
    current: usize,
}

pub enum ChooserOutput {
    /// Arrow keys moved to this annotation; the list stays open.
    Select(AnnId),
    /// The analyst clicked this annotation; the list closes.
    Pick(AnnId),
    Close,
}

impl OverlapChooser {
    /// A chooser over `ids`; `current` is the one selected now.
    pub fn new(ids: Vec<AnnId>, at: Option<Pos2>, current: Option<AnnId>) -> Self {
        let current = current.and_then(|c| ids.iter().position(|id| *id == c)).unwrap_or(0);
        OverlapChooser { ids, at, current }
    }

    /// ↑/↓ move the selection through the list, Enter or Escape close it.
    pub fn keys(&mut self, ctx: &egui::Context) -> Option<ChooserOutput> {
        let (up, down, close) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::Enter) || i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if close {
            return Some(ChooserOutput::Close);
        }
        let n = self.ids.len();
        if up || down {
            self.current = if down { (self.current + 1) % n } else { (self.current + n - 1) % n };
            return Some(ChooserOutput::Select(self.ids[self.current]));
        }
        None
    }

    pub fn ui(&mut self, ctx: &egui::Context, project: &Project) -> Option<ChooserOutput> {
        let mut out = None;
        let area = egui::Area::new(egui::Id::unique("overlap-chooser")).order(egui::Order::Foreground);
        let area = match self.at {
            Some(at) => area.fixed_pos(at),
            None => area.anchor(egui::Align2::CENTER_TOP, [0.0, 80.0]),
        };
        let shown = area.show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(egui::RichText::new("Overlapping annotations").strong());
                for (k, id) in self.ids.iter().enumerate() {
                    let Some(a) = project.annotation(*id) else { continue };
                    let text = format!("{}: {}", a.label, excerpt(project, a, 40));
                    if ui.selectable_label(k == self.current, text).clicked() {
                        out = Some(ChooserOutput::Pick(*id));
                    }
                }
                ui.label(egui::RichText::new("↑ ↓ to choose · Enter to close").small().weak());
            });
        });
        let outside = ctx.input(|i| {
            i.pointer.any_pressed() && i.pointer.interact_pos().is_some_and(|p| !shown.response.rect.contains(p))
        });
        if outside && out.is_none() {
            out = Some(ChooserOutput::Close);
        }
        out
    }
}
