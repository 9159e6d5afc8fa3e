//! Colours: schema colours turned into egui colours, with alpha suited to light and dark themes.

use crate::model::Schema;
use egui::Color32;

pub fn label_color(schema: &Schema, label: &str) -> Color32 {
    let [r, g, b] = schema.color_of(label).0;
    Color32::from_rgb(r, g, b)
}

/// A translucent version of `color` for backgrounds; dark themes need a little more opacity.
pub fn with_alpha(color: Color32, alpha: u8, dark: bool) -> Color32 {
    let alpha = if dark { alpha.saturating_add(alpha / 2) } else { alpha };
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha)
}
