//! Notices in a corner: information for a few seconds, errors until dismissed, newest on top.

use super::{Notice, NoticeLevel};
use egui::RichText;

const NOTICE_SECONDS: f64 = 4.0;
/// Notices shown at once; older ones wait behind a count.
const SHOWN_NOTICES: usize = 3;

pub fn notices(ctx: &egui::Context, notices: &mut Vec<Notice>) {
    if notices.is_empty() {
        return;
    }
    let now = ctx.input(|i| i.time);
    notices.retain(|n| n.level == NoticeLevel::Error || n.shown_at.is_none_or(|t| now - t < NOTICE_SECONDS));
    let (mut dismiss, mut dismiss_all) = (None, false);
    let hidden = notices.len().saturating_sub(SHOWN_NOTICES);
    egui::Area::new(egui::Id::unique("notices")).anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -36.0]).show(ctx, |ui| {
        ui.set_max_width(420.0);
        // Newest first, at the top of the stack; the oldest wait behind a count.
        for (i, notice) in notices.iter_mut().enumerate().rev().take(SHOWN_NOTICES) {
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
        if hidden > 0 || notices.len() > 1 {
            ui.horizontal(|ui| {
                if hidden > 0 {
                    ui.label(RichText::new(format!("{hidden} older")).small().weak());
                }
                dismiss_all = ui.small_button("Dismiss all").clicked();
            });
        }
    });
    if dismiss_all {
        notices.clear();
    } else if let Some(i) = dismiss {
        notices.remove(i);
    }
    ctx.request_repaint_after(std::time::Duration::from_millis(500));
}
