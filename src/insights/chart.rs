//! A table's chart as a PNG image, for reports and slides: horizontal bars, largest on top, the
//! same bars the Insights view draws. Drawn with plotters into memory and encoded as PNG, with
//! the font Sayso ships, so it looks the same on every machine and needs no display.

use super::Table;
use plotters::prelude::*;
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The font of the charts (and of the window): DejaVu Sans, shipped in `assets/fonts/`.
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Bars drawn at most: the rest of a long table is in its CSV.
pub const TOP: usize = 15;
const WIDTH: u32 = 900;
const BAR: u32 = 28;

/// The table's bars: the first column's values with their `quotes` summed, in table order.
pub fn series(table: &Table) -> Vec<(String, f64)> {
    let Some(column) = table.columns.iter().position(|c| *c == "quotes") else { return Vec::new() };
    let mut out: Vec<(String, f64)> = Vec::new();
    for row in &table.rows {
        let n = row.get(column).and_then(|c| c.parse::<f64>().ok());
        let (Some(label), Some(n)) = (row.first(), n) else { continue };
        match out.iter_mut().find(|(l, _)| l == label) {
            Some((_, total)) => *total += n,
            None => out.push((label.clone(), n)),
        }
    }
    out
}

/// The chart of `table` as PNG bytes, or `None` when it has nothing to draw.
pub fn png(table: &Table) -> Result<Option<Vec<u8>>, String> {
    let all = series(table);
    if all.is_empty() {
        return Ok(None);
    }
    register_font();
    let shown = &all[..all.len().min(TOP)];
    let height = 80 + BAR * shown.len() as u32;
    let mut pixels = vec![255u8; (WIDTH * height * 3) as usize];
    draw(table.title, shown, &mut pixels, height).map_err(|e| format!("drawing the chart: {e}"))?;
    let image = image::RgbImage::from_raw(WIDTH, height, pixels).ok_or("the chart's pixels do not fit its size")?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, image::ImageFormat::Png).map_err(|e| format!("encoding the chart: {e}"))?;
    Ok(Some(bytes.into_inner()))
}

fn draw(
    title: &str,
    shown: &[(String, f64)],
    pixels: &mut [u8],
    height: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = BitMapBackend::with_buffer(pixels, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let max = shown.iter().map(|(_, v)| *v).fold(1.0, f64::max);
    let n = shown.len();
    let longest = shown.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0).min(40) as u32;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(16 + 8 * longest)
        .build_cartesian_2d(0.0..max * 1.08, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .x_desc("quotations")
        .label_style(("sans-serif", 14))
        .draw()?;
    // Largest on top: the first bar is the top row.
    let bar = RGBColor(0x3b, 0x6e, 0xa8).filled();
    let row = |i: usize| (n - 1 - i) as f64;
    chart.draw_series(
        shown.iter().enumerate().map(|(i, (_, v))| Rectangle::new([(0.0, row(i) + 0.15), (*v, row(i) + 0.85)], bar)),
    )?;
    // Each bar's name, right-aligned before the axis.
    let style = TextStyle::from(("sans-serif", 14).into_font()).pos(Pos::new(HPos::Right, VPos::Center));
    for (i, (label, _)) in shown.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(0.0, row(i) + 0.5));
        let text = if label.chars().count() > 40 {
            format!("{}…", label.chars().take(39).collect::<String>())
        } else {
            label.clone()
        };
        root.draw(&Text::new(text, (x - 8, y), style.clone()))?;
    }
    root.present()?;
    Ok(())
}

/// plotters draws text with fonts registered by name; ours is registered once.
fn register_font() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // The bytes are a valid TrueType font shipped with Sayso; a failure would only mean
        // charts without text, never a crash.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::Table;

    #[test]
    fn tables_by_outlet_are_charted_as_totals_per_outlet() {
        let table = Table {
            name: "speakers_by_outlet",
            title: "t",
            columns: vec!["outlet", "speaker", "quotes"],
            rows: vec![
                vec!["Sputnik".into(), "Sergei Lavrov".into(), "3".into()],
                vec!["Sputnik".into(), "John Kerry".into(), "1".into()],
                vec!["TASS".into(), "Sergei Lavrov".into(), "2".into()],
            ],
        };
        assert_eq!(series(&table), vec![("Sputnik".to_string(), 4.0), ("TASS".to_string(), 2.0)]);
        let kinds = Table {
            name: "quote_kinds",
            title: "t",
            columns: vec!["label", "quotes", "share"],
            rows: vec![vec!["DIRECT".into(), "1".into(), "1.000".into()]],
        };
        assert_eq!(series(&kinds), vec![("DIRECT".to_string(), 1.0)], "counts, not shares");
    }
}
