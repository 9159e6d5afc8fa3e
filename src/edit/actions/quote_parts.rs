//! Split quotations: one quotation interrupted by its attribution ("“We will win,” he said, “and
//! soon.”") is several Quote annotations, the later parts linked to the first by `part_of`.

use super::Edit;
use crate::model::{AnnId, Annotation, Layer, Project, Span, Status};

/// The first part of the quotation `a` belongs to.
fn root_of(a: &Annotation) -> AnnId {
    a.links.part_of.unwrap_or(a.id)
}

/// Every part of the quotation whose first part is `root`, in id order.
fn parts_of(project: &Project, root: &Annotation) -> Vec<Annotation> {
    let id = root.id;
    project.annotations_of(root.doc).filter(|a| a.id == id || a.links.part_of == Some(id)).cloned().collect()
}

/// Splits a quote at code point `at` into two parts of one quotation. Spaces at the cut belong to
/// neither part; the new second part shares the quotation's speaker, cue and tags.
pub fn split_quote(project: &Project, id: AnnId, at: usize) -> Option<Edit> {
    let a = project.annotation(id).filter(|a| a.layer == Layer::Quote)?;
    let chars: Vec<char> = project.document(a.doc)?.slice(a.span).chars().collect();
    let cut = at.checked_sub(a.span.start()).filter(|c| *c > 0 && *c < chars.len())?;
    let mut left = cut;
    while left > 0 && chars[left - 1].is_whitespace() {
        left -= 1;
    }
    let mut right = cut;
    while right < chars.len() && chars[right].is_whitespace() {
        right += 1;
    }
    let start = a.span.start();
    let mut head = a.clone();
    head.span = Span::new(start, start + left).ok()?;
    let mut tail = a.clone();
    tail.id = project.next_ann_id();
    tail.span = Span::new(start + right, a.span.end()).ok()?;
    tail.links.part_of = Some(root_of(a));
    tail.note.clear();
    for part in [&mut head, &mut tail] {
        if part.status == Status::Suggested {
            part.status = Status::Accepted;
        }
    }
    Some(Edit::Batch(vec![Edit::PutAnnotation(Box::new(head)), Edit::PutAnnotation(Box::new(tail))]))
}

/// Where to split a quote when the analyst did not say: the space nearest its middle.
pub fn middle_cut(project: &Project, id: AnnId) -> Option<usize> {
    let a = project.annotation(id)?;
    let text = project.document(a.doc)?.slice(a.span);
    let middle = a.span.len() / 2;
    text.chars()
        .enumerate()
        .filter(|(i, c)| *i > 0 && c.is_whitespace())
        .min_by_key(|(i, _)| i.abs_diff(middle))
        .map(|(i, _)| a.span.start() + i)
}

/// Joins a quote with the nearest quote before (or after) it. Two parts of one quotation become
/// one span again; two separate quotations become parts of one, sharing the earlier one's
/// speaker and cue (or the later one's, where the earlier has none).
pub fn join_quote(project: &Project, id: AnnId, forward: bool) -> Option<Edit> {
    let a = project.annotation(id).filter(|a| a.layer == Layer::Quote)?;
    let key = |q: &Annotation| (q.span.start(), q.span.end(), q.id);
    let others = project
        .annotations_of(a.doc)
        .filter(|q| q.layer == Layer::Quote && q.id != a.id && q.status != Status::Rejected);
    let neighbour = if forward {
        others.filter(|q| key(q) > key(a)).min_by_key(|q| key(q))
    } else {
        others.filter(|q| key(q) < key(a)).max_by_key(|q| key(q))
    }?;
    let (earlier, later) = if forward { (a, neighbour) } else { (neighbour, a) };
    if root_of(earlier) == root_of(later) {
        Some(merge_parts(project, earlier, later))
    } else {
        link_quotations(project, earlier, later)
    }
}

/// Two parts of one quotation become one annotation, keeping the earlier part's id.
fn merge_parts(project: &Project, earlier: &Annotation, later: &Annotation) -> Edit {
    let mut kept = earlier.clone();
    kept.span = Span::new(earlier.span.start(), earlier.span.end().max(later.span.end())).unwrap_or(earlier.span);
    kept.tags.extend(later.tags.iter().cloned());
    kept.tags.sort();
    kept.tags.dedup();
    if kept.note.is_empty() {
        kept.note = later.note.clone();
    }
    if kept.status == Status::Suggested {
        kept.status = Status::Accepted;
    }
    let first_removed = later.links.part_of.is_none();
    if first_removed {
        // The removed part was the first: the kept one takes its place.
        kept.links.part_of = None;
    }
    // Whatever pointed at the removed part (other parts, a quote naming it as speaker or cue)
    // now points at the part that absorbed it.
    let redirect = |target: &mut Option<AnnId>, owner: AnnId| {
        if *target == Some(later.id) {
            *target = (owner != kept.id).then_some(kept.id);
        }
    };
    for link in [&mut kept.links.speaker, &mut kept.links.cue, &mut kept.links.part_of] {
        redirect(link, kept.id);
    }
    let mut edits = vec![Edit::PutAnnotation(Box::new(kept.clone()))];
    for other in project.annotations.iter().filter(|o| o.id != later.id && o.id != kept.id) {
        let mut changed = other.clone();
        for link in [&mut changed.links.speaker, &mut changed.links.cue, &mut changed.links.part_of] {
            redirect(link, other.id);
        }
        if changed != *other {
            edits.push(Edit::PutAnnotation(Box::new(changed)));
        }
    }
    edits.push(Edit::RemoveAnnotation(later.id));
    Edit::Batch(edits)
}

/// Makes the later quotation's parts parts of the earlier one.
fn link_quotations(project: &Project, earlier: &Annotation, later: &Annotation) -> Option<Edit> {
    let root = project.annotation(root_of(earlier))?;
    let other_root = project.annotation(root_of(later))?;
    let speaker = root.links.speaker.or(other_root.links.speaker);
    let cue = root.links.cue.or(other_root.links.cue);
    let mut edits = Vec::new();
    for mut part in parts_of(project, root).into_iter().chain(parts_of(project, other_root)) {
        let old = part.clone();
        part.links.speaker = speaker;
        part.links.cue = cue;
        if part.id != root.id {
            part.links.part_of = Some(root.id);
        }
        if part != old {
            edits.push(Edit::PutAnnotation(Box::new(part)));
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{DocId, Document, Links, Origin};

    const TEXT: &str = "“We will win,” he said, “and soon.” “Later,” she said.";

    fn span_of(needle: &str) -> Span {
        let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
        Span::new(start, start + needle.chars().count()).unwrap()
    }

    fn project() -> Project {
        let mut p = Project::default();
        p.documents.push(Document::new(DocId(1), "t", TEXT));
        let mk = |id, needle: &str, layer, label: &str| {
            let origin = Origin::Detector { rule: "test".into(), reason: "test".into() };
            Annotation::new(AnnId(id), DocId(1), span_of(needle), layer, label, Status::Suggested, origin)
        };
        let mut first = mk(1, "“We will win,” he said, “and soon.”", Layer::Quote, "DIRECT");
        first.links = Links { speaker: Some(AnnId(2)), ..Links::default() };
        p.put_annotation(first);
        p.put_annotation(mk(2, "he", Layer::Speaker, "SPEAKER"));
        p.put_annotation(mk(3, "“Later,”", Layer::Quote, "DIRECT"));
        p
    }

    #[test]
    fn split_then_join_restores_one_quote_and_undoes() {
        let mut p = project();
        let before = p.clone();
        let mut h = History::default();
        let at = span_of(" he said").start();
        let edit = split_quote(&p, AnnId(1), at).unwrap();
        h.apply(&mut p, "Split", edit).unwrap();
        let (head, tail) = (p.annotation(AnnId(1)).unwrap(), p.annotation(AnnId(4)).unwrap());
        assert_eq!(head.span, span_of("“We will win,”"));
        assert_eq!(tail.span, span_of("he said, “and soon.”"));
        assert_eq!(tail.links.part_of, Some(AnnId(1)));
        assert_eq!(tail.links.speaker, Some(AnnId(2)), "parts share the speaker");
        assert!(split_quote(&p, AnnId(1), head.span.start()).is_none(), "no empty part");
        let edit = join_quote(&p, AnnId(4), false).unwrap();
        h.apply(&mut p, "Join", edit).unwrap();
        assert!(p.annotation(AnnId(4)).is_none());
        assert_eq!(p.annotation(AnnId(1)).unwrap().span, before.annotation(AnnId(1)).unwrap().span);
        while h.undo(&mut p).is_some() {}
        assert_eq!(p, before);
    }

    #[test]
    fn joining_separate_quotes_makes_one_quotation_with_one_speaker() {
        let mut p = project();
        let edit = join_quote(&p, AnnId(1), true).unwrap();
        crate::edit::apply(&mut p, edit).unwrap();
        let later = p.annotation(AnnId(3)).unwrap();
        assert_eq!(later.links.part_of, Some(AnnId(1)));
        assert_eq!(later.links.speaker, Some(AnnId(2)));
        assert_eq!(later.span, span_of("“Later,”"), "linking keeps both spans");
        assert!(join_quote(&p, AnnId(3), true).is_none(), "nothing after the last quote");
    }

    #[test]
    fn merging_away_the_first_part_keeps_the_others_attached() {
        let mut p = project();
        // An odd but valid file: the quotation's first part comes last in the text.
        p.annotation_mut(AnnId(1)).unwrap().links.part_of = Some(AnnId(3));
        let at = span_of(" he said").start();
        let edit = split_quote(&p, AnnId(1), at).unwrap();
        crate::edit::apply(&mut p, edit).unwrap();
        assert_eq!(p.annotation(AnnId(4)).unwrap().links.part_of, Some(AnnId(3)));
        let edit = join_quote(&p, AnnId(4), true).unwrap();
        crate::edit::apply(&mut p, edit).unwrap();
        assert!(p.annotation(AnnId(3)).is_none());
        assert_eq!(p.annotation(AnnId(4)).unwrap().links.part_of, None, "the kept part is now the first");
        assert_eq!(p.annotation(AnnId(1)).unwrap().links.part_of, Some(AnnId(4)));
        let cut = middle_cut(&p, AnnId(4)).unwrap();
        assert_eq!(TEXT.chars().nth(cut), Some(' '), "cuts at a space");
    }
}
