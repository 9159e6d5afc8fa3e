//! The article: a readable column of paragraphs with every annotation drawn over it.
//!
//! Only the paragraphs inside the viewport are laid out and painted. Each paragraph's galley is
//! cached for the current wrap width and font size and holds plain text only; highlights are
//! painted per frame from the galley's row geometry, so accepting or relabelling an annotation
//! never re-lays out text. Heights of paragraphs not yet laid out are estimated and corrected
//! once they scroll into view. Galleys point into egui's font atlas, which egui rebuilds when
//! the theme changes or the atlas fills; a one-letter galley that egui itself caches tells when
//! that happened, and the paragraphs are laid out again.
//!
//! Layers never hide each other: quotes tint the background, cues get a light pill, speakers a
//! box, entity mentions an underline in their type's colour. Suggestions are lighter and dashed;
//! accepted ones solid; rejected ones are not drawn.

use super::palette;
use crate::model::{AnnId, Annotation, AttributionFilter, Document, EntityId, Layer, Project, Status};
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2, pos2, vec2};
use std::collections::HashMap;
use std::sync::Arc;

/// Space between paragraphs, in multiples of the font size.
const PARAGRAPH_GAP: f32 = 0.9;
/// Longest comfortable line, in multiples of the font size (≈ 70 characters).
const MAX_LINE_EMS: f32 = 36.0;

/// One line of the document's text (without its `\n`), in code points and bytes.
#[derive(Debug, Clone, Copy)]
struct Para {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

/// What the view reports back to the app after a frame.
#[derive(Debug, Default)]
pub struct ViewOutput {
    /// The analyst clicked an annotation (the innermost one under the pointer).
    pub clicked: Option<AnnId>,
    /// An end of the selected annotation was dragged and dropped: its id and new start and end.
    pub resized: Option<(AnnId, usize, usize)>,
    /// The click landed on several annotations: all of them, innermost first, and where to list them.
    pub overlaps: Option<(Vec<AnnId>, Pos2)>,
    /// The analyst clicked plain text: clear the selection.
    pub clicked_empty: bool,
}

/// A scroll asked for from the keyboard.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scroll {
    /// A few lines down (positive) or up.
    Lines(f32),
    /// A screenful down (positive) or up, less two lines kept for context.
    Pages(f32),
    Top,
    Bottom,
}

/// What the article draws attention to besides the annotations themselves.
#[derive(Debug, Clone, Copy, Default)]
pub struct Emphasis {
    /// The selected annotation: outlined, with its links drawn.
    pub selected: Option<AnnId>,
    /// Every mention of this entity is highlighted.
    pub entity: Option<EntityId>,
    /// Which attributions are drawn: statements only, or all.
    pub shown: AttributionFilter,
    /// The words of both versions of the conflict being settled (code points), framed.
    pub disputed: Option<(usize, usize)>,
}

/// Per-document layout caches and scroll requests. Nothing here is saved.
#[derive(Default)]
pub struct ArticleView {
    doc_key: Option<(crate::model::DocId, String)>,
    paras: Vec<Para>,
    galleys: HashMap<usize, Arc<Galley>>,
    /// A galley from egui's own cache: when egui hands back another one, its font atlas was
    /// rebuilt and every cached paragraph points into the old one.
    atlas_canary: Option<Arc<Galley>>,
    heights: Vec<f32>,
    /// `tops[i]` is paragraph i's y offset; one extra entry holds the total height.
    tops: Vec<f32>,
    tops_dirty: bool,
    layout_key: (u32, u32),
    /// Annotations of the document, sorted by start, rebuilt when the project changes.
    spans: Vec<(usize, usize, AnnId)>,
    max_span: usize,
    spans_generation: Option<(u64, AttributionFilter)>,
    /// Character offset to bring into view, kept until it is on screen at its laid-out position.
    scroll_to: Option<(usize, u8)>,
    /// The part of the article in view last frame (content y range), so a target already in
    /// view is not scrolled: a click must not move the text under the pointer.
    shown: (f32, f32),
    /// An end of the selected annotation being dragged: id, whether it is the end, and the
    /// character boundary it would move to if dropped now.
    edge_drag: Option<(AnnId, bool, usize)>,
    /// Marked text, for creating an annotation; `anchor` is where the marking started.
    selection: Option<(usize, usize)>,
    anchor: Option<usize>,
    /// A keyboard scroll to carry out next frame.
    scroll_by: Option<Scroll>,
    /// A newly shown document starts at its top, not where the previous one was scrolled to.
    to_top: bool,
}

impl ArticleView {
    /// Asks the view to scroll `offset` into view over the next frames.
    pub fn scroll_to(&mut self, offset: usize) {
        self.scroll_to = Some((offset, 0));
    }

    /// Scrolls the article as PageDown, Space, Home or the arrow keys do.
    pub fn scroll_by(&mut self, scroll: Scroll) {
        self.scroll_by = Some(scroll);
        self.scroll_to = None;
    }

    /// The first character of the first paragraph in view: where the analyst is reading when
    /// nothing is selected or marked.
    pub fn top_offset(&self) -> usize {
        let i = self.tops.partition_point(|&t| t < self.shown.0).min(self.paras.len().saturating_sub(1));
        self.paras.get(i).map_or(0, |p| p.start)
    }

    fn prepare_document(&mut self, doc: &Document) {
        let key = (doc.id, doc.hash.clone());
        if self.doc_key.as_ref() == Some(&key) {
            return;
        }
        self.doc_key = Some(key);
        self.paras.clear();
        let (mut chars, mut bytes) = (0, 0);
        for line in doc.text.split('\n') {
            let n = line.chars().count();
            if !line.trim().is_empty() {
                self.paras.push(Para { start: chars, end: chars + n, byte_start: bytes, byte_end: bytes + line.len() });
            }
            chars += n + 1;
            bytes += line.len() + 1;
        }
        self.galleys.clear();
        self.heights.clear();
        self.spans_generation = None;
        self.selection = None;
        self.anchor = None;
        self.to_top = true;
    }

    fn prepare_spans(&mut self, project: &Project, doc: &Document, generation: u64, shown: AttributionFilter) {
        if self.spans_generation == Some((generation, shown)) {
            return;
        }
        self.spans_generation = Some((generation, shown));
        let hidden = shown.hidden_in(project, doc.id);
        self.spans = project
            .annotations_of(doc.id)
            .filter(|a| a.status != Status::Rejected && !hidden.contains(&a.id))
            .map(|a| (a.span.start(), a.span.end(), a.id))
            .collect();
        self.spans.sort_unstable();
        self.max_span = self.spans.iter().map(|(s, e, _)| e - s).max().unwrap_or(0);
    }

    /// Annotations overlapping `start..end`, in start order.
    fn spans_in(&self, start: usize, end: usize) -> impl Iterator<Item = (usize, usize, AnnId)> + '_ {
        let first = self.spans.partition_point(|(s, _, _)| *s + self.max_span < start);
        self.spans[first..].iter().take_while(move |(s, _, _)| *s < end).filter(move |(_, e, _)| *e > start).copied()
    }

    /// Draws the article; `generation` changes whenever the project does.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: &Document,
        generation: u64,
        emphasis: Emphasis,
        font_size: f32,
    ) -> ViewOutput {
        let selected = emphasis.selected;
        self.prepare_document(doc);
        self.prepare_spans(project, doc, generation, emphasis.shown);
        self.check_atlas(ui);
        let mut out = ViewOutput::default();
        let column = (font_size * MAX_LINE_EMS).min(ui.available_width() - 2.0 * font_size).max(font_size * 10.0);
        let key = (column.to_bits(), font_size.to_bits());
        if self.layout_key != key || self.heights.len() != self.paras.len() {
            self.layout_key = key;
            self.galleys.clear();
            let per_row = (column / (font_size * 0.5)).max(1.0);
            let row_h = font_size * 1.5;
            self.heights =
                self.paras.iter().map(|p| ((p.end - p.start) as f32 / per_row).ceil().max(1.0) * row_h).collect();
            self.tops_dirty = true;
        }
        if self.tops_dirty {
            self.recompute_tops(font_size);
        }
        let total = self.tops.last().copied().unwrap_or(0.0);

        // Dragging marks text here, so it must not also scroll.
        let no_drag = egui::scroll_area::ScrollSource {
            drag: egui::scroll_area::ScrollSource::NONE.drag,
            ..egui::scroll_area::ScrollSource::ALL
        };
        let mut scroll =
            egui::ScrollArea::vertical().id_salt("article").auto_shrink([false, false]).scroll_source(no_drag);
        if std::mem::take(&mut self.to_top) {
            scroll = scroll.vertical_scroll_offset(0.0);
            self.shown = (0.0, ui.available_height());
        }
        if let Some(by) = self.scroll_by.take() {
            let (top, bottom) = self.shown;
            let line = font_size * 1.5;
            let y = match by {
                Scroll::Lines(n) => top + n * 3.0 * line,
                Scroll::Pages(n) => top + n * ((bottom - top) - 2.0 * line).max(line),
                Scroll::Top => 0.0,
                Scroll::Bottom => total,
            };
            scroll = scroll.vertical_scroll_offset(y.clamp(0.0, (total - (bottom - top)).max(0.0)));
        }
        if let Some((offset, _)) = self.scroll_to {
            let i = self.paras.partition_point(|p| p.end < offset).min(self.paras.len().saturating_sub(1));
            if let Some(&top) = self.tops.get(i) {
                let y_in_para = self
                    .galleys
                    .get(&i)
                    .map_or(0.0, |g| g.pos_from_cursor(CCursor::new(offset.saturating_sub(self.paras[i].start))).min.y);
                let y = top + y_in_para;
                let (shown_top, shown_bottom) = self.shown;
                let in_view = y >= shown_top + 8.0 && y <= shown_bottom - 3.0 * font_size;
                if !in_view {
                    scroll = scroll.vertical_scroll_offset((y - ui.available_height() * 0.3).max(0.0));
                }
            }
        }
        let text_color = palette::article_text(ui.visuals());
        // A long article's thumb would be a few pixels tall: keep it big enough to grab.
        ui.spacing_mut().scroll.handle_min_length = 40.0;
        scroll.show_viewport(ui, |ui, viewport| {
            ui.set_min_height(total);
            self.shown = (viewport.min.y, viewport.max.y);
            let left = ui.max_rect().left() + ((ui.max_rect().width() - column) / 2.0).max(0.0);
            let origin = pos2(left, ui.max_rect().top());
            let first = self.tops.partition_point(|&t| t < viewport.min.y).saturating_sub(1);
            let mut visible = Vec::new();
            for i in first..self.paras.len() {
                if self.tops[i] > viewport.max.y {
                    break;
                }
                let galley = self.galley(ui, doc, i, column, font_size);
                if (galley.size().y - self.heights[i]).abs() > 0.5 {
                    self.heights[i] = galley.size().y;
                    self.tops_dirty = true;
                }
                visible.push((i, origin + vec2(0.0, self.tops[i]), galley));
            }
            let content = Rect::from_min_size(origin, vec2(column, total.max(viewport.height())));
            for (i, pos, galley) in &visible {
                self.paint_paragraph(ui, project, *i, *pos, galley, emphasis);
                let para = self.paras[*i];
                if let Some((s, e)) = self.selection.filter(|(s, e)| *s < para.end && *e > para.start) {
                    let anns = self.paragraph_annotations(project, para);
                    let under = under_at(ui.visuals(), project, &anns, emphasis, s.max(para.start), LAST);
                    let color = palette::tint(ui.visuals(), ui.visuals().selection.bg_fill, palette::MARKED, under);
                    let (s, e) = (s.max(para.start) - para.start, e.min(para.end) - para.start);
                    for r in row_rects(galley, s, e, *pos) {
                        ui.painter().rect_filled(r, 0.0, color);
                    }
                }
                if let Some((s, e)) = emphasis.disputed.filter(|(s, e)| *s < para.end && *e > para.start) {
                    let (s, e) = (s.max(para.start) - para.start, e.min(para.end) - para.start);
                    let stroke = Stroke::new(2.0, ui.visuals().warn_fg_color);
                    for r in row_rects(galley, s, e, *pos) {
                        ui.painter().rect_stroke(r.expand(3.0), 3.0, stroke, egui::StrokeKind::Outside);
                    }
                }
                ui.painter().galley(*pos, galley.clone(), text_color);
                let para_response = ui.interact(
                    Rect::from_min_size(*pos, galley.size()),
                    ui.scope_id().with(("para", i)),
                    Sense::hover(),
                );
                let text = doc.text[para.byte_start..para.byte_end].to_string();
                para_response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
            }
            if let Some(quote) = selected.and_then(|id| project.annotation(id)) {
                self.paint_links(ui, project, quote, &visible);
            }
            // Created after the paragraphs' accessibility nodes, so it is on top and gets the pointer.
            let response = ui.interact(content, ui.scope_id().with("article_text"), Sense::click_and_drag());
            let hovered = response.hover_pos().and_then(|p| self.offset_at(&visible, p));
            if let Some(offset) = hovered.filter(|_| !response.dragged()) {
                let here: Vec<&Annotation> = self.spans_at(offset).filter_map(|id| project.annotation(id)).collect();
                if !here.is_empty() {
                    response.clone().on_hover_ui_at_pointer(|ui| hover_card(ui, project, &here));
                }
            }
            self.pointer_input(&response, &visible, project, doc, &mut out);
            // After the text's own response, so the handles are on top and get the pointer.
            if let Some(a) = selected.and_then(|id| project.annotation(id)) {
                self.edge_handles(ui, a, &visible, &mut out);
            }
            if let Some((offset, frames)) = self.scroll_to {
                let on_screen =
                    visible.iter().any(|(i, _, _)| self.paras[*i].start <= offset && offset <= self.paras[*i].end);
                self.scroll_to =
                    if (on_screen && !self.tops_dirty) || frames > 8 { None } else { Some((offset, frames + 1)) };
                ui.ctx().request_repaint();
            }
        });
        out
    }

    /// Mouse handling: drag selects text, double-click selects a word, shift-click extends the
    /// selection, a plain click selects the innermost annotation (and lists any others under it).
    fn pointer_input(
        &mut self,
        response: &egui::Response,
        visible: &[(usize, Pos2, Arc<Galley>)],
        project: &Project,
        doc: &Document,
        out: &mut ViewOutput,
    ) {
        let pointer = response.interact_pointer_pos();
        let (shift, alt) = response.ctx.input(|i| (i.modifiers.shift, i.modifiers.alt));
        if response.drag_started() {
            let origin = response.ctx.input(|i| i.pointer.press_origin()).or(pointer);
            if let Some(c) = origin.and_then(|p| self.cursor_at(visible, p)) {
                self.anchor = Some(c);
                self.selection = None;
            }
        } else if response.dragged() {
            if let (Some(a), Some(c)) = (self.anchor, pointer.and_then(|p| self.cursor_at(visible, p))) {
                self.selection = marked(doc, a, c, alt);
            }
        } else if response.double_clicked() {
            if let Some(offset) = pointer.and_then(|p| self.offset_at(visible, p)) {
                self.selection = word_at(doc, offset);
                self.anchor = self.selection.map(|(s, _)| s);
            }
        } else if response.clicked() && shift {
            if let (Some(a), Some(c)) = (self.anchor, pointer.and_then(|p| self.cursor_at(visible, p))) {
                self.selection = marked(doc, a, c, alt);
            }
        } else if response.clicked() {
            self.selection = None;
            self.anchor = pointer.and_then(|p| self.cursor_at(visible, p));
            let Some(offset) = pointer.and_then(|p| self.offset_at(visible, p)) else {
                out.clicked_empty = true;
                return;
            };
            let mut here: Vec<(usize, AnnId)> =
                self.spans_at(offset).filter_map(|id| project.annotation(id)).map(|a| (a.span.len(), a.id)).collect();
            here.sort();
            match here.first() {
                Some(&(_, id)) => out.clicked = Some(id),
                None => out.clicked_empty = true,
            }
            if let (true, Some(p)) = (here.len() > 1, pointer) {
                out.overlaps = Some((here.into_iter().map(|(_, id)| id).collect(), p + vec2(0.0, 12.0)));
            }
        }
    }

    /// Draggable handles on the start and end of the selected annotation. While one is dragged
    /// the new extent is outlined; dropping it reports one resize, snapped to a character.
    fn edge_handles(&mut self, ui: &Ui, a: &Annotation, visible: &[(usize, Pos2, Arc<Galley>)], out: &mut ViewOutput) {
        let color = ui.visuals().strong_text_color();
        for end in [false, true] {
            let offset = if end { a.span.end() } else { a.span.start() };
            let Some(edge) = self.edge_rect(visible, offset, end) else { continue };
            let id = ui.scope_id().with(("edge", end));
            let r = ui
                .interact(edge.expand2(vec2(4.0, 0.0)), id, Sense::drag())
                .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
            let name = if end { "Drag to move the end" } else { "Drag to move the start" };
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
            ui.painter().line_segment([edge.center_top(), edge.center_bottom()], Stroke::new(2.0, color));
            ui.painter().circle_filled(if end { edge.center_bottom() } else { edge.center_top() }, 3.5, color);
            if r.dragged()
                && let Some(to) = r.interact_pointer_pos().and_then(|p| self.cursor_at(visible, p))
            {
                self.edge_drag = Some((a.id, end, to));
            }
            if r.drag_stopped()
                && let Some((id, end, to)) = self.edge_drag.take()
            {
                let (s, e) = dragged_extent(a, end, to);
                out.resized = Some((id, s, e));
            }
        }
        if !ui.input(|i| i.pointer.any_down()) {
            self.edge_drag = None; // released elsewhere, or the handle scrolled away
        }
        if let Some((_, end, to)) = self.edge_drag.filter(|(id, _, _)| *id == a.id) {
            let (s, e) = dragged_extent(a, end, to);
            for (i, pos, galley) in visible {
                let para = self.paras[*i];
                if s < para.end && e > para.start {
                    let (ps, pe) = (s.max(para.start) - para.start, e.min(para.end) - para.start);
                    for r in row_rects(galley, ps, pe, *pos) {
                        outline(ui.painter(), r.expand(3.0), Stroke::new(1.5, color), true);
                    }
                }
            }
        }
    }

    /// The thin rectangle of the boundary before character `offset` (after the last one, for an
    /// end), if its paragraph is on screen.
    fn edge_rect(&self, visible: &[(usize, Pos2, Arc<Galley>)], offset: usize, end: bool) -> Option<Rect> {
        let (i, origin, galley) = visible.iter().find(|(i, _, _)| {
            let p = self.paras[*i];
            if end { p.start < offset && offset <= p.end } else { p.start <= offset && offset < p.end }
        })?;
        // A start at a wrapped row's edge belongs to the row it opens, an end to the row it closes.
        let rect = galley.pos_from_cursor(row_cursor(offset - self.paras[*i].start, !end));
        Some(rect.translate(origin.to_vec2()))
    }

    /// The text selection (code points, end exclusive), if the analyst has marked some text.
    pub fn selection(&self) -> Option<(usize, usize)> {
        self.selection
    }

    /// Where the analyst last clicked or started marking text (a code point offset).
    pub fn caret(&self) -> Option<usize> {
        self.anchor
    }

    pub fn set_selection(&mut self, selection: Option<(usize, usize)>) {
        self.selection = selection.filter(|(s, e)| s < e);
        self.anchor = self.selection.map(|(s, _)| s);
    }

    /// The cursor position (between characters) nearest to `pos`, in document code points.
    fn cursor_at(&self, visible: &[(usize, Pos2, Arc<Galley>)], pos: Pos2) -> Option<usize> {
        let k = visible.partition_point(|(_, o, _)| o.y <= pos.y).saturating_sub(1);
        let (i, origin, galley) = visible.get(k)?;
        Some(self.paras[*i].start + galley.cursor_from_pos(pos - *origin).index.0)
    }

    /// Draws the selected quote's links: a solid line to its speaker, a dotted one to its cue.
    fn paint_links(&self, ui: &Ui, project: &Project, quote: &Annotation, visible: &[(usize, Pos2, Arc<Galley>)]) {
        let Some(from) = self.point_at(visible, quote.span.end().saturating_sub(1)) else { return };
        let links = [(quote.links.speaker, false), (quote.links.cue, true)];
        for (target, dotted) in links {
            let Some(t) = target.and_then(|id| project.annotation(id)) else { continue };
            let Some(to) = self.point_at(visible, t.span.start()) else { continue };
            let color = palette::label_color(&project.schema, &t.label);
            let stroke = Stroke::new(1.5, color);
            let points = [from, to];
            if dotted {
                ui.painter().extend(Shape::dotted_line(&points, color, 6.0, 1.2));
            } else {
                ui.painter().line_segment(points, stroke);
            }
            ui.painter().circle_filled(to, 3.0, color);
        }
    }

    /// The bottom of character `offset`, if its paragraph is on screen.
    fn point_at(&self, visible: &[(usize, Pos2, Arc<Galley>)], offset: usize) -> Option<Pos2> {
        let (i, origin, galley) = visible.iter().find(|(i, _, _)| {
            let p = self.paras[*i];
            p.start <= offset && offset < p.end.max(p.start + 1)
        })?;
        let rect = galley.pos_from_cursor(row_cursor(offset - self.paras[*i].start, true));
        Some(*origin + vec2(rect.min.x + 3.0, rect.max.y))
    }

    fn recompute_tops(&mut self, font_size: f32) {
        let gap = font_size * PARAGRAPH_GAP;
        self.tops.clear();
        let mut y = font_size;
        for h in &self.heights {
            self.tops.push(y);
            y += h + gap;
        }
        self.tops.push(y + font_size);
        self.tops_dirty = false;
    }

    /// Forgets every laid-out paragraph if egui rebuilt its font atlas since the last frame.
    fn check_atlas(&mut self, ui: &Ui) {
        let canary = ui.painter().layout_no_wrap("x".into(), FontId::proportional(10.0), Color32::PLACEHOLDER);
        if !self.atlas_canary.as_ref().is_some_and(|old| Arc::ptr_eq(old, &canary)) {
            self.galleys.clear();
            self.atlas_canary = Some(canary);
        }
    }

    /// Paragraph `i` laid out. Its text has no colour of its own (placeholder) but takes the
    /// theme's when painted, so switching theme never leaves text in the old theme's colour.
    fn galley(&mut self, ui: &Ui, doc: &Document, i: usize, column: f32, font_size: f32) -> Arc<Galley> {
        if let Some(g) = self.galleys.get(&i) {
            return g.clone();
        }
        let p = self.paras[i];
        let format = TextFormat {
            font_id: FontId::proportional(font_size),
            color: Color32::PLACEHOLDER,
            line_height: Some(font_size * 1.5),
            ..TextFormat::default()
        };
        let mut job = LayoutJob::single_section(doc.text[p.byte_start..p.byte_end].to_string(), format);
        job.wrap.max_width = column;
        let galley = ui.painter().layout_job(job);
        self.galleys.insert(i, galley.clone());
        galley
    }

    fn offset_at(&self, visible: &[(usize, Pos2, Arc<Galley>)], pos: Pos2) -> Option<usize> {
        let (i, origin, galley) =
            visible.iter().find(|(_, o, g)| Rect::from_min_size(*o, g.size()).expand(2.0).contains(pos))?;
        let cursor = galley.cursor_from_pos(pos - *origin);
        // Character under the pointer: the cursor lands between characters, so look at the left half.
        let rect = galley.pos_from_cursor(cursor);
        let index = if pos.x < rect.min.x + origin.x { cursor.index.0.saturating_sub(1) } else { cursor.index.0 };
        Some(self.paras[*i].start + index)
    }

    fn spans_at(&self, offset: usize) -> impl Iterator<Item = AnnId> + '_ {
        self.spans_in(offset, offset + 1).map(|(_, _, id)| id)
    }

    /// The annotations drawn in paragraph `para`, in start order.
    fn paragraph_annotations<'p>(&self, project: &'p Project, para: Para) -> Vec<&'p Annotation> {
        self.spans_in(para.start, para.end + 1).filter_map(|(_, _, id)| project.annotation(id)).collect()
    }

    fn paint_paragraph(&self, ui: &Ui, project: &Project, i: usize, origin: Pos2, galley: &Galley, emphasis: Emphasis) {
        let visuals = ui.visuals();
        let para = self.paras[i];
        let painter = ui.painter();
        let mut mention_depth: Vec<(usize, usize)> = Vec::new();
        let anns = self.paragraph_annotations(project, para);
        // Back to front: tints, then boxes, then underlines.
        for pass in 0..3 {
            for (k, a) in anns.iter().enumerate() {
                if paint_pass(a) != pass {
                    continue;
                }
                let at = a.span.start().max(para.start);
                let under = |sub| under_at(visuals, project, &anns, emphasis, at, (pass, k, sub));
                let s = a.span.start().max(para.start) - para.start;
                let e = a.span.end().min(para.end) - para.start;
                if s >= e {
                    continue;
                }
                let color = palette::label_color(&project.schema, &a.label);
                let suggested = a.status == Status::Suggested;
                let rects = row_rects(galley, s, e, origin);
                match a.layer {
                    Layer::Quote | Layer::Custom(_) => {
                        let fill = palette::tint(visuals, color, palette::quote_fill(suggested), under(0));
                        for r in &rects {
                            painter.rect_filled(r.expand2(vec2(1.0, 0.0)), 2.0, fill);
                        }
                    }
                    Layer::Cue => {
                        let fill = palette::tint(visuals, color, palette::cue_fill(suggested), under(0));
                        for r in &rects {
                            painter.rect_filled(*r, 4.0, fill);
                            outline(painter, *r, Stroke::new(1.0, color), suggested);
                        }
                    }
                    Layer::Speaker => {
                        for r in &rects {
                            outline(
                                painter,
                                r.expand(1.0),
                                Stroke::new(if suggested { 1.2 } else { 2.0 }, color),
                                suggested,
                            );
                        }
                    }
                    Layer::Mention => {
                        let depth = mention_depth.iter().filter(|(ms, me)| *ms <= s && e <= *me).count() as f32;
                        mention_depth.push((s, e));
                        for r in &rects {
                            let y = r.bottom() - 1.0 - depth * 3.0;
                            let stroke = Stroke::new(if suggested { 1.5 } else { 2.5 }, color);
                            let line = [pos2(r.left(), y), pos2(r.right(), y)];
                            if suggested {
                                painter.extend(Shape::dashed_line(&line, stroke, 4.0, 2.0));
                            } else {
                                painter.line_segment(line, stroke);
                            }
                        }
                    }
                }
                if emphasis.entity.is_some() && a.links.entity == emphasis.entity {
                    // Drawn over the layer's own look so the entity's mentions stand out on any layer.
                    let fill = palette::tint(visuals, color, palette::ENTITY, under(1));
                    for r in &rects {
                        painter.rect_filled(r.expand(2.0), 3.0, fill);
                        painter.rect_stroke(r.expand(2.0), 3.0, Stroke::new(2.0, color), egui::StrokeKind::Outside);
                    }
                }
                if Some(a.id) == emphasis.selected {
                    for r in &rects {
                        painter.rect_stroke(
                            r.expand(3.0),
                            3.0,
                            Stroke::new(2.0, ui.visuals().strong_text_color()),
                            egui::StrokeKind::Outside,
                        );
                    }
                }
            }
        }
    }
}

/// Where a fill comes in painting order: the pass, the annotation's place in its paragraph, and
/// its own fill (0) or its entity's highlight (1).
type PaintOrder = (u8, usize, u8);

/// After every fill of the article: where marked text is painted.
const LAST: PaintOrder = (u8::MAX, 0, 0);

/// The pass an annotation is drawn in: tints, then boxes and pills, then underlines.
fn paint_pass(a: &Annotation) -> u8 {
    match a.layer {
        Layer::Quote | Layer::Custom(_) => 0,
        Layer::Cue | Layer::Speaker => 1,
        Layer::Mention => 2,
    }
}

/// What the fills painted before `before` leave on screen at `offset`: the panel, a quote's
/// tint, a cue's pill, an entity's highlight. Each fill is as strong as the text on it allows.
fn under_at(
    visuals: &egui::Visuals,
    project: &Project,
    anns: &[&Annotation],
    emphasis: Emphasis,
    offset: usize,
    before: PaintOrder,
) -> Color32 {
    let mut fills: Vec<(PaintOrder, Color32, palette::Fill)> = Vec::new();
    for (k, a) in anns.iter().enumerate().filter(|(_, a)| a.span.contains_offset(offset)) {
        let (pass, color) = (paint_pass(a), palette::label_color(&project.schema, &a.label));
        let suggested = a.status == Status::Suggested;
        match a.layer {
            Layer::Quote | Layer::Custom(_) => fills.push(((pass, k, 0), color, palette::quote_fill(suggested))),
            Layer::Cue => fills.push(((pass, k, 0), color, palette::cue_fill(suggested))),
            Layer::Speaker | Layer::Mention => {}
        }
        if emphasis.entity.is_some() && a.links.entity == emphasis.entity {
            fills.push(((pass, k, 1), color, palette::ENTITY));
        }
    }
    fills.retain(|(order, _, _)| *order < before);
    fills.sort_by_key(|(order, _, _)| *order);
    fills.into_iter().fold(visuals.panel_fill, |under, (_, color, fill)| {
        palette::painted(under, palette::tint(visuals, color, fill, under))
    })
}

/// A cursor before character `index`; at a wrapped row's edge, on the next row or the previous.
fn row_cursor(index: usize, next_row: bool) -> CCursor {
    CCursor { index: egui::text::CharIndex(index), prefer_next_row: next_row }
}

/// The text marked by a drag or shift-click from `a` to `c`: whole words, without the spaces or
/// punctuation at its ends (`chars`, with Alt held: exactly what was dragged over).
fn marked(doc: &Document, a: usize, c: usize, chars: bool) -> Option<(usize, usize)> {
    let (s, e) = (a.min(c), a.max(c));
    if s == e {
        return None;
    }
    Some(if chars { (s, e) } else { whole_words(doc, s, e) })
}

/// `s..e` trimmed of spaces and punctuation at its ends, then grown to the words it cuts into.
/// A range with no word in it stays as it is.
fn whole_words(doc: &Document, s: usize, e: usize) -> (usize, usize) {
    let index = doc.index();
    let (text, byte) = (&doc.text, |at: usize| index.byte_of(&doc.text, at));
    let inside = &text[byte(s)..byte(e)];
    let lead = inside.chars().take_while(|c| !c.is_alphanumeric()).count();
    if lead == e - s {
        return (s, e);
    }
    let trail = inside.chars().rev().take_while(|c| !c.is_alphanumeric()).count();
    let (s, e) = (s + lead, e - trail);
    (s - word_reach(text[..byte(s)].chars().rev()), e + word_reach(text[byte(e)..].chars()))
}

/// Screen rectangles covering characters `s..e` of a paragraph galley, one per wrapped row.
fn row_rects(galley: &Galley, s: usize, e: usize, origin: Pos2) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for placed in &galley.rows {
        let row = &placed.row;
        let n = placed.char_count_including_newline().0;
        let (a, b) = (s.max(row_start), e.min(row_start + n));
        if a < b {
            let x0 = row.x_offset(egui::text::CharIndex(a - row_start));
            let x1 = row.x_offset(egui::text::CharIndex(b - row_start));
            let min = origin + placed.pos.to_vec2() + vec2(x0, 0.0);
            rects.push(Rect::from_min_size(min, vec2((x1 - x0).max(1.0), row.height())));
        }
        row_start += n;
        if row_start >= e {
            break;
        }
    }
    rects
}

fn outline(painter: &egui::Painter, r: Rect, stroke: Stroke, dashed: bool) {
    if dashed {
        let pts = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
        painter.extend(Shape::dashed_line(&pts, stroke, 3.0, 2.0));
    } else {
        painter.rect_stroke(r, 3.0, stroke, egui::StrokeKind::Middle);
    }
}

/// The tooltip for the annotations under the pointer: label, status and origin of each.
fn hover_card(ui: &mut Ui, project: &Project, anns: &[&Annotation]) {
    ui.set_max_width(360.0);
    for a in anns {
        let color = palette::label_color(&project.schema, &a.label);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, color);
            ui.strong(&a.label);
            ui.label(format!("· {} · {}", a.layer.name(), a.status.name()));
        });
        ui.label(egui::RichText::new(a.origin.describe()).small());
    }
}

/// The word around `offset`: letters, digits, and apostrophes or hyphens inside a word. Only the
/// word itself is read, so a double-click costs the same anywhere in a long article.
fn word_at(doc: &Document, offset: usize) -> Option<(usize, usize)> {
    let byte = doc.index().byte_of(&doc.text, offset);
    let c = doc.text[byte..].chars().next().filter(|c| c.is_alphanumeric())?;
    let before = word_reach(doc.text[..byte].chars().rev());
    let after = word_reach(doc.text[byte + c.len_utf8()..].chars());
    Some((offset - before, offset + 1 + after))
}

/// How far a word runs on through `chars`, up to its last letter or digit: apostrophes and
/// hyphens join letters but do not end a word.
fn word_reach(chars: impl Iterator<Item = char>) -> usize {
    let inner = |c: &char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
    chars.take_while(inner).enumerate().filter(|(_, c)| c.is_alphanumeric()).last().map_or(0, |(i, _)| i + 1)
}

/// The start and end `a` would have with one end dragged to `to`; it never becomes empty.
fn dragged_extent(a: &Annotation, end: bool, to: usize) -> (usize, usize) {
    let (s, e) = (a.span.start(), a.span.end());
    if end { (s, to.max(s + 1)) } else { (to.min(e - 1), e) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    #[test]
    fn a_point_at_a_wrapped_rows_first_character_lies_on_that_row() {
        let ctx = egui::Context::default();
        let output = ctx.run_ui(Default::default(), |ui| {
            let mut job = LayoutJob::single_section("alpha beta gamma delta".into(), TextFormat::default());
            job.wrap.max_width = 60.0;
            let galley = ui.painter().layout_job(job);
            assert!(galley.rows.len() > 1, "the text wraps");
            let second = galley.rows[0].char_count_including_newline().0;
            let end_of_first = galley.pos_from_cursor(row_cursor(second, false));
            let start_of_second = galley.pos_from_cursor(row_cursor(second, true));
            assert!(start_of_second.min.y > end_of_first.min.y, "a start belongs to the row it opens");
            assert!(start_of_second.min.x < end_of_first.min.x, "at the row's left edge");
        });
        output.drop_without_applying_deltas();
    }

    #[test]
    fn double_click_takes_the_whole_word_and_nothing_around_it() {
        // The padding puts the second line past the index's first samples.
        let text = format!("Ça l’homme's -dash- rock'n'roll.\n{}naïve—42x", "é ".repeat(70));
        let doc = Document::new(DocId(1), "t", text.as_str());
        let chars: Vec<char> = text.chars().collect();
        let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let word = |offset| word_at(&doc, offset).map(|(s, e)| chars[s..e].iter().collect::<String>());
        assert_eq!(word_at(&doc, 0), Some((0, 2)), "first word of the text");
        assert_eq!(word(at("homme")).as_deref(), Some("l’homme's"));
        assert_eq!(word(at("dash")).as_deref(), Some("dash"), "hyphens around a word are not in it");
        assert_eq!(word(at("-dash")), None);
        assert_eq!(word(at("n'roll")).as_deref(), Some("rock'n'roll"));
        assert_eq!(word(at(".")), None);
        assert_eq!(word(at(" l’")), None);
        assert_eq!(word(at("\n")), None);
        assert_eq!(word(at("ïve")).as_deref(), Some("naïve"), "a line's first word");
        assert_eq!(word(at("—")), None);
        assert_eq!(word_at(&doc, chars.len() - 1), Some((chars.len() - 3, chars.len())), "last word of the text");
        assert_eq!(word_at(&doc, chars.len()), None);
        assert_eq!(word_at(&doc, chars.len() + 5), None);
    }
}
