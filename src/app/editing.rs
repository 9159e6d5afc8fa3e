//! Changes the analyst makes to annotations from the window: statuses, labels, resizing by
//! words, splitting and joining quotes, each one undoable step through the session's history.

use super::{NoticeLevel, SaysoApp};
use crate::edit::actions;
use crate::edit::actions::twins::RejectTwins;
use crate::model::Status;

impl SaysoApp {
    /// Applies an action built from the project as one undoable step; says so if it fails.
    pub(super) fn edit(&mut self, name: &str, build: impl FnOnce(&crate::model::Project) -> Option<crate::edit::Edit>) {
        if let Some(edit) = build(&self.session.project)
            && let Err(e) = self.session.apply(name, edit)
        {
            self.notify(NoticeLevel::Error, e.to_string());
        }
    }

    /// With text marked: create an annotation with `label` there. Otherwise relabel the selection.
    pub(super) fn apply_label(&mut self, label: &str) {
        let doc = self.session.doc;
        if let Some((s, e)) = self.view.selection() {
            let Some(layer) = self.session.project.schema.label(label).map(|l| l.layer.clone()) else { return };
            let Ok(span) = crate::model::Span::new(s, e) else { return };
            let id = self.session.project.next_ann_id();
            self.edit(&format!("Create {label}"), |p| Some(actions::create(p, doc, span, layer, label)));
            self.view.set_selection(None);
            if self.session.project.annotation(id).is_some() {
                self.review.selected = Some(id);
            }
        } else if let Some(id) = self.review.selected {
            let Some((edit, twins)) = actions::twins::relabel(&self.session.project, id, label) else { return };
            let name = match twins {
                0 => format!("Relabel as {label}"),
                n => format!("Relabel as {label} (and {n} like it)"),
            };
            match self.session.apply(&name, edit) {
                Err(e) => self.notify(NoticeLevel::Error, e.to_string()),
                Ok(()) if twins > 0 => {
                    let text = format!("Relabelled {twins} more suggestion{} like it as {label}.", plural(twins));
                    self.notify(NoticeLevel::Info, text);
                }
                Ok(()) => {}
            }
        }
    }

    /// Moves one end of the selected annotation by a character or a word.
    pub(super) fn nudge(&mut self, end: bool, forward: bool, words: bool) {
        let Some(a) = self.review.selected.and_then(|id| self.session.project.annotation(id)) else { return };
        let Some(doc) = self.session.project.document(a.doc) else { return };
        let (id, start, stop) = (a.id, a.span.start(), a.span.end());
        let at = if end { stop } else { start };
        let moved = if words {
            // A start goes to a word's first letter, an end to its last: never a space inside.
            match (end, forward) {
                (true, false) => previous_word_end(doc, at),
                (false, true) => next_word_start(doc, at),
                _ => word_boundary(doc, at, forward),
            }
        } else if forward {
            at + 1
        } else {
            at.saturating_sub(1)
        };
        let (s, e) = if end { (start, moved) } else { (moved, stop) };
        self.edit("Resize", |p| actions::resize(p, id, s, e));
    }

    /// Splits the selected quote, or the quote under the marked text, at the start of the marked
    /// text, else at the caret (where the quote was clicked), else at the space nearest its middle.
    pub(super) fn split_quote(&mut self) {
        let project = &self.session.project;
        let is_quote = |a: &&crate::model::Annotation| a.layer == crate::model::Layer::Quote;
        let marked = self.view.selection();
        let quote = self.review.selected.and_then(|id| project.annotation(id)).filter(is_quote).or_else(|| {
            let (s, _) = marked?;
            project.annotations_of(self.session.doc).filter(is_quote).find(|a| a.span.contains_offset(s))
        });
        let Some(quote) = quote else {
            self.notify(NoticeLevel::Info, "Select a quote to split, or mark text inside one.");
            return;
        };
        let inside = |at: usize| at > quote.span.start() && at < quote.span.end();
        let id = quote.id;
        let at = marked
            .and_then(|(s, e)| [s, e].into_iter().find(|at| inside(*at)))
            .or(self.view.caret().filter(|at| inside(*at)))
            .or_else(|| actions::middle_cut(project, id));
        let Some(at) = at else { return };
        self.edit("Split quote", |p| actions::split_quote(p, id, at));
        self.review.selected = Some(id);
        self.view.set_selection(None);
    }

    /// Joins the selected quote with its neighbour; the selection follows into the joined quote.
    pub(super) fn join_quote(&mut self, forward: bool) {
        let Some(a) = self.review.selected.and_then(|id| self.session.project.annotation(id)) else { return };
        let (id, doc, span) = (a.id, a.doc, a.span);
        self.edit("Join quotes", |p| actions::join_quote(p, id, forward));
        if self.session.project.annotation(id).is_none() {
            self.review.selected = self
                .session
                .project
                .annotations_of(doc)
                .find(|q| q.layer == crate::model::Layer::Quote && q.span.contains(span))
                .map(|q| q.id);
        }
    }

    /// Accepts or rejects the selected annotation. A rejection carries over to the same words
    /// elsewhere as the analyst chose (Edit menu): with them, not at all, or on offer.
    pub(super) fn set_status(&mut self, status: Status) {
        let Some(id) = self.review.selected else { return };
        let project = &self.session.project;
        // Only a rejection carries over; an acceptance need not look for twins.
        let identical = if status == Status::Rejected { actions::twins::identical(project, id).len() } else { 0 };
        let (edit, name) = match status {
            Status::Rejected => {
                let name = match (self.prefs.reject_twins, identical) {
                    (RejectTwins::Apply, n) if n > 0 => format!("Reject (and {n} like it)"),
                    _ => "Reject".to_string(),
                };
                (actions::twins::reject(project, &[id], self.prefs.reject_twins), name)
            }
            _ => (actions::set_status(project, &[id], status), "Accept".to_string()),
        };
        if let Some(edit) = edit {
            match self.session.apply(&name, edit) {
                Err(e) => self.notify(NoticeLevel::Error, e.to_string()),
                Ok(())
                    if status == Status::Rejected && self.prefs.reject_twins == RejectTwins::Ask && identical > 0 =>
                {
                    self.modals.twin_offer = Some(super::twin_offer::TwinOffer::new(&self.session, id, identical));
                }
                Ok(()) => {}
            }
        }
        self.step_unreviewed(true);
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The next word boundary after (or before) code point `at`: the end of the next word going
/// forward, the start of the previous word going back. Only the characters passed over are read,
/// so a keystroke costs the same anywhere in a long article.
fn word_boundary(doc: &crate::model::Document, at: usize, forward: bool) -> usize {
    let index = doc.index();
    let at = at.min(index.len_chars());
    let byte = index.byte_of(&doc.text, at);
    if forward { at + across_word(doc.text[byte..].chars()) } else { at - across_word(doc.text[..byte].chars().rev()) }
}

/// The end of the word before the one `at` is in or after: where an end moved back a word stops.
fn previous_word_end(doc: &crate::model::Document, at: usize) -> usize {
    let index = doc.index();
    let at = at.min(index.len_chars());
    let mut chars = doc.text[..index.byte_of(&doc.text, at)].chars().rev().peekable();
    let mut n = 0;
    while chars.next_if(|c| c.is_alphanumeric()).is_some() {
        n += 1;
    }
    while chars.next_if(|c| !c.is_alphanumeric()).is_some() {
        n += 1;
    }
    at - n
}

/// The start of the word after the one `at` is in: where a start moved on a word stops.
fn next_word_start(doc: &crate::model::Document, at: usize) -> usize {
    let index = doc.index();
    let at = at.min(index.len_chars());
    let mut chars = doc.text[index.byte_of(&doc.text, at)..].chars().peekable();
    let mut n = 0;
    while chars.next_if(|c| c.is_alphanumeric()).is_some() {
        n += 1;
    }
    while chars.next_if(|c| !c.is_alphanumeric()).is_some() {
        n += 1;
    }
    at + n
}

/// How many of `chars` lie up to the end of the first word: any characters before it, then it.
fn across_word(chars: impl Iterator<Item = char>) -> usize {
    let mut chars = chars.peekable();
    let mut n = 0;
    while chars.next_if(|c| !c.is_alphanumeric()).is_some() {
        n += 1;
    }
    while chars.next_if(|c| c.is_alphanumeric()).is_some() {
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Document};

    #[test]
    pub(super) fn alt_arrows_stop_at_word_ends() {
        let pad = "é ".repeat(70);
        let text = format!("{pad}l’homme va — naïve, 42x!");
        let doc = Document::new(DocId(1), "t", text.as_str());
        let len = text.chars().count();
        let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let (l, homme) = (at("l’homme"), at("homme"));
        assert_eq!(word_boundary(&doc, l, true), l + 1, "an apostrophe ends a word here");
        assert_eq!(word_boundary(&doc, homme + 2, true), homme + 5);
        assert_eq!(word_boundary(&doc, homme + 5, true), at(" —"), "spaces before the next word are passed");
        assert_eq!(word_boundary(&doc, at(" —"), true), at(", 42"), "through the dash to the end of “naïve”");
        assert_eq!(word_boundary(&doc, at("!"), true), len, "the end of the text");
        assert_eq!(word_boundary(&doc, len, true), len);
        assert_eq!(word_boundary(&doc, len + 3, true), len);
        assert_eq!(word_boundary(&doc, len, false), at("42x"));
        assert_eq!(word_boundary(&doc, at("ïve"), false), at("naïve"));
        assert_eq!(word_boundary(&doc, at("naïve"), false), at("va"));
        assert_eq!(word_boundary(&doc, l, false), l - 2, "back to the last “é”");
        assert_eq!(word_boundary(&doc, 1, false), 0, "the start of the text");
        assert_eq!(word_boundary(&doc, 0, false), 0);
    }

    #[test]
    pub(super) fn a_start_moves_to_a_word_start_and_an_end_to_a_word_end() {
        let text = "the defense ministry, said";
        let doc = Document::new(DocId(1), "t", text);
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(next_word_start(&doc, at("defense")), at("ministry"), "no space before the new start");
        assert_eq!(next_word_start(&doc, at("fense")), at("ministry"));
        assert_eq!(next_word_start(&doc, at("ministry")), at("said"), "past the comma too");
        assert_eq!(previous_word_end(&doc, at(", said")), at(" ministry"), "no space after the new end");
        assert_eq!(previous_word_end(&doc, at("said") + 4), at(", said"), "nor a comma");
        assert_eq!(previous_word_end(&doc, 3), 0);
        assert_eq!(next_word_start(&doc, text.len()), text.len());
    }
}
