//! Colours: schema colours turned into egui colours, and the fills drawn under the article's
//! text kept light enough (or dark enough) that the text on them stays readable.
//!
//! Readability is measured as WCAG contrast. Every fill is given a strength, and is drawn no
//! stronger than keeps the article's text at 5:1 on what it is painted over (the panel, or the
//! fills already under it: a cue's pill in a quote, marked text over both), so the words keep
//! WCAG AA (4.5:1) wherever fills stack, whatever colours the analyst picks in the label editor.

use crate::model::Schema;
use egui::{Color32, Visuals};

/// The contrast every fill keeps with the text on what lies under it: AA with a margin.
const MIN_CONTRAST: f32 = 5.0;

/// How strongly a fill is drawn: its opacity in the light theme; the dark theme takes half as
/// much again to show as clearly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fill(pub f32);

/// An entity whose mentions are all highlighted.
pub const ENTITY: Fill = Fill(0.27);
/// Text marked by a drag, a double-click or a find match.
pub const MARKED: Fill = Fill(0.6);

/// The tint of a quote (or a custom layer's span): lighter while it is a suggestion.
pub fn quote_fill(suggested: bool) -> Fill {
    Fill(if suggested { 0.16 } else { 0.35 })
}

/// The pill behind a cue.
pub fn cue_fill(suggested: bool) -> Fill {
    Fill(if suggested { 0.18 } else { 0.31 })
}

pub fn label_color(schema: &Schema, label: &str) -> Color32 {
    let [r, g, b] = schema.color_of(label).0;
    Color32::from_rgb(r, g, b)
}

/// The article's text: the theme's strongest text colour, the most room for tints under it.
pub fn article_text(visuals: &Visuals) -> Color32 {
    visuals.strong_text_color()
}

/// `color` as a translucent fill under the article's text, painted over the opaque `under`: as
/// strong as `fill` asks, but no stronger than keeps the text readable on it.
pub fn tint(visuals: &Visuals, color: Color32, fill: Fill, under: Color32) -> Color32 {
    let text = article_text(visuals);
    let mut alpha = if visuals.dark_mode { fill.0 * 1.5 } else { fill.0 }.min(1.0);
    while alpha > 0.0 && contrast(text, over(under, color, alpha)) < MIN_CONTRAST {
        alpha = (alpha - 0.02).max(0.0);
    }
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), (alpha * 255.0).floor() as u8)
}

/// What a fill returned by [`tint`] leaves on screen, painted over the opaque `under`.
pub fn painted(under: Color32, fill: Color32) -> Color32 {
    // Color32 holds premultiplied values: unmultiply to blend as egui paints.
    let [r, g, b, a] = fill.to_srgba_unmultiplied();
    over(under, Color32::from_rgb(r, g, b), a as f32 / 255.0)
}

/// `color` at `alpha` painted over the opaque `under`, blended as egui blends (in sRGB values).
fn over(under: Color32, color: Color32, alpha: f32) -> Color32 {
    let mix = |u: u8, c: u8| (u as f32 + (c as f32 - u as f32) * alpha).round() as u8;
    Color32::from_rgb(mix(under.r(), color.r()), mix(under.g(), color.g()), mix(under.b(), color.b()))
}

/// WCAG contrast ratio of two opaque colours, from 1 (none) to 21.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG relative luminance.
fn luminance(c: Color32) -> f32 {
    let channel = |v: u8| {
        let v = v as f32 / 255.0;
        if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Layer;

    /// WCAG AA for body text.
    const AA: f32 = 4.5;

    /// Paints `fill` in `color` over `under` as the article does, returning what is on screen.
    fn layer(visuals: &Visuals, under: Color32, color: Color32, fill: Fill) -> Color32 {
        painted(under, tint(visuals, color, fill, under))
    }

    /// Everything that can lie under one character, back to front, for every label colour of
    /// the shipped schema: a quote's tint, then a cue's pill or a highlighted entity's mention
    /// in it (mentions and speakers have no fill of their own), then marked text over them;
    /// suggested and accepted; in both themes; and the strength each fill keeps.
    #[test]
    fn every_text_and_fill_the_article_draws_reaches_wcag_aa_in_both_themes() {
        let schema = Schema::default();
        let of = |layers: &[Layer]| -> Vec<Color32> {
            let labels = schema.labels.iter().filter(|l| layers.contains(&l.layer));
            labels.map(|l| label_color(&schema, &l.name)).collect()
        };
        let (quotes, cues, named) = (of(&[Layer::Quote]), of(&[Layer::Cue]), of(&[Layer::Mention, Layer::Speaker]));
        assert!(!quotes.is_empty() && !cues.is_empty() && !named.is_empty());
        for visuals in [Visuals::dark(), Visuals::light()] {
            let (bg, text, dark) = (visuals.panel_fill, article_text(&visuals), visuals.dark_mode);
            assert!(contrast(text, bg) >= 15.0, "plain text, dark {dark}");
            let marked = visuals.selection.bg_fill;
            for suggested in [true, false] {
                for &q in &quotes {
                    let quote = layer(&visuals, bg, q, quote_fill(suggested));
                    assert!(contrast(quote, bg) > 1.05, "quote {q:?} is still visible, dark {dark}");
                    let inner = (cues.iter().map(|&c| ("cue", c, cue_fill(suggested))))
                        .chain(named.iter().map(|&m| ("entity", m, ENTITY)));
                    for (what, c, fill) in inner {
                        let alone = layer(&visuals, bg, c, fill);
                        let in_quote = layer(&visuals, quote, c, fill);
                        for (stack, under) in [
                            ("quote", quote),
                            ("alone", alone),
                            ("in a quote", in_quote),
                            ("marked, in a quote", layer(&visuals, in_quote, marked, MARKED)),
                            ("marked", layer(&visuals, alone, marked, MARKED)),
                        ] {
                            let ratio = contrast(text, under);
                            assert!(
                                ratio >= AA,
                                "{what} {stack}: {ratio:.2}:1 (quote {q:?}, {what} {c:?}, suggested {suggested}, \
                                 dark {dark})"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_colour_too_strong_for_the_text_is_drawn_lighter_not_unreadable() {
        for visuals in [Visuals::dark(), Visuals::light()] {
            let (bg, text) = (visuals.panel_fill, article_text(&visuals));
            for color in [Color32::YELLOW, Color32::WHITE, Color32::BLACK, Color32::from_rgb(0, 0, 255)] {
                let on_screen = layer(&visuals, bg, color, Fill(1.0));
                assert!(contrast(text, on_screen) >= MIN_CONTRAST, "{color:?} dark {}", visuals.dark_mode);
            }
        }
        let blue = tint(&Visuals::light(), Color32::from_rgb(0, 0, 255), Fill(0.1), Color32::WHITE);
        assert_eq!(blue.a(), 25, "a light fill that keeps the text readable is drawn as asked");
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::RED, Color32::RED) - 1.0).abs() < 0.001);
    }
}
