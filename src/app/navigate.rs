//! Moving through the project: selecting an annotation, stepping through suggestions across
//! documents, showing another document.

use super::{NoticeLevel, SaysoApp};
use crate::model::{AnnId, Status};
use crate::review_order::{self, ReviewOrder};

impl SaysoApp {
    pub(super) fn select(&mut self, id: AnnId) {
        if let Some(a) = self.session.project.annotation(id) {
            self.session.doc = a.doc;
            self.view.scroll_to(a.span.start());
            self.review.selected = Some(id);
        }
    }

    /// Moves the selection to the next (or previous) suggestion in the review order (see
    /// [`crate::review_order`]).
    pub(super) fn step_unreviewed(&mut self, forward: bool) {
        match self.prefs.review_order {
            ReviewOrder::Reading => self.step_in_reading_order(forward),
            ReviewOrder::LeastCertainFirst => self.step_least_certain(forward),
        }
    }

    /// The next (or previous) suggestion in order of certainty, after the selected annotation's
    /// place in that order; round to the least certain at the end. One pass, no sorting.
    fn step_least_certain(&mut self, forward: bool) {
        let project = &self.session.project;
        let rank = project.document_ranks();
        let order = self.prefs.review_order;
        let here =
            self.review.selected.and_then(|id| project.annotation(id)).map(|a| review_order::key(order, a, &rank));
        let hidden = self.prefs.attributions.hidden_among(project.annotations.iter());
        let keys = project
            .annotations
            .iter()
            .filter(|a| a.status == Status::Suggested && !hidden.contains(&a.id))
            .map(|a| (review_order::key(order, a, &rank), a.id));
        // The nearest beyond `here` in the stepping direction, else the first from the other end.
        let (mut beyond, mut round) = (None, None);
        for (k, id) in keys {
            let ahead = here.is_none_or(|h| if forward { k > h } else { k < h });
            let slot = if ahead { &mut beyond } else { &mut round };
            let better = |(b, _): &(_, AnnId)| if forward { k < *b } else { k > *b };
            if slot.as_ref().is_none_or(better) {
                *slot = Some((k, id));
            }
        }
        match beyond.or(round) {
            Some((_, id)) => {
                self.view.set_selection(None);
                self.select(id);
            }
            None => self.notify(NoticeLevel::Info, "Everything in this project is reviewed."),
        }
    }

    /// Moves the selection to the next (or previous) suggestion in reading order: on through
    /// the following documents at the end of one, round to the first at the end of the project.
    /// It goes on from where the analyst is: the selected annotation, else the marked text (a
    /// find match), else the first line in view. One pass over the annotations, no sorting: it
    /// runs on every keystroke.
    fn step_in_reading_order(&mut self, forward: bool) {
        let project = &self.session.project;
        let doc = self.session.doc;
        let rank = project.document_ranks();
        let (n, current) = (project.documents.len().max(1), rank.get(&doc).copied().unwrap_or(0));
        let here =
            self.review.selected.and_then(|id| project.annotation(id)).map(|a| (a.span.start(), a.span.end(), a.id));
        let here = here.or_else(|| {
            let at = self.view.selection().map_or_else(|| self.view.top_offset(), |(s, _)| s);
            // Before anything that starts there, so a suggestion at the match comes next.
            (at > 0).then_some((at, 0, AnnId(0)))
        });
        // How far on each suggestion is: documents away in the stepping direction (the current
        // one counts as `n` for what lies behind the analyst in it), then place in the text.
        let mut best: Option<(usize, (usize, usize, AnnId))> = None;
        let hidden = self.prefs.attributions.hidden_among(project.annotations.iter());
        for a in project.annotations.iter().filter(|a| a.status == Status::Suggested && !hidden.contains(&a.id)) {
            let Some(&r) = rank.get(&a.doc) else { continue };
            let k = (a.span.start(), a.span.end(), a.id);
            let away = if forward { (r + n - current) % n } else { (current + n - r) % n };
            let behind = away == 0 && here.is_some_and(|h| if forward { k <= h } else { k >= h });
            let distance = if behind { n } else { away };
            let closer =
                best.is_none_or(|(d, b)| distance < d || (distance == d && if forward { k < b } else { k > b }));
            if closer {
                best = Some((distance, k));
            }
        }
        match best {
            Some((_, (_, _, id))) => {
                // Moving on by keyboard: an earlier click's position must not decide where a
                // split cuts the new selection.
                self.view.set_selection(None);
                self.select(id);
            }
            None => self.notify(NoticeLevel::Info, "Everything in this project is reviewed."),
        }
    }

    /// Shows document `doc` from its top, with nothing selected.
    pub(super) fn show_document(&mut self, doc: crate::model::DocId) {
        if self.session.doc != doc {
            self.session.doc = doc;
            self.review.selected = None;
            self.review.highlight_entity = None;
            self.modals.chooser = None;
            self.view.set_selection(None);
        }
    }

    /// After an undo or redo took the shown document away: show the first one left.
    pub(super) fn keep_a_document_shown(&mut self) {
        if self.session.project.document(self.session.doc).is_none()
            && let Some(first) = self.session.project.documents.first().map(|d| d.id)
        {
            self.show_document(first);
        }
    }

    /// Shows the next (or previous) document in the project's order, round at the ends.
    pub(super) fn step_document(&mut self, forward: bool) {
        let docs = &self.session.project.documents;
        let Some(i) = docs.iter().position(|d| d.id == self.session.doc) else { return };
        let n = docs.len();
        let next = docs[if forward { (i + 1) % n } else { (i + n - 1) % n }].id;
        self.show_document(next);
    }
}
