//! A decision on one suggestion carries over to its twins (the same words) in every document of
//! a project, as part of the same undoable step.

use sayso::edit::History;
use sayso::edit::actions::{self, twins, twins::RejectTwins};
use sayso::model::{AnnId, DocId, Document, Layer, Origin, Project, Status};

const GAME: &str = "Pacers beat Knicks in overtime\n\nThe Pacers won 112-108 in New York on Sunday. \
“We never stopped believing,” coach Rick Carlisle said. Fans of the Pacers celebrated in Indianapolis.";
const SIGNING: &str = "Guard joins Indiana\n\nThe Pacers signed a guard on Monday, the club said. \
“He fits the Pacers,” Rick Carlisle told reporters. The Pacers play the Knicks again on Friday.";

/// Two articles that name the same team, with the detector's suggestions, as the window and
/// `sayso annotate` build them.
fn project() -> Project {
    let p = sayso::session::project_from_article(Document::new(DocId(1), "Pacers beat Knicks in overtime", GAME));
    let mut p2 = p.clone();
    let edit = actions::add_documents(&p, vec![Document::new(DocId(2), "Guard joins Indiana", SIGNING)]).unwrap();
    sayso::edit::apply(&mut p2, edit).unwrap();
    p2
}

fn words(p: &Project, id: AnnId) -> String {
    let a = p.annotation(id).unwrap();
    p.document(a.doc).unwrap().slice(a.span).to_string()
}

/// The mention suggestions whose words are exactly `text`, in document order.
fn mentions(p: &Project, text: &str) -> Vec<AnnId> {
    let mut found: Vec<_> = p
        .annotations
        .iter()
        .filter(|a| a.layer == Layer::Mention && a.status == Status::Suggested && words(p, a.id) == text)
        .map(|a| (a.doc, a.span.start(), a.id))
        .collect();
    found.sort();
    found.into_iter().map(|(_, _, id)| id).collect()
}

/// Another entity label than `label`, for a relabel that changes something.
fn other_label(label: &str) -> &'static str {
    if label == "ORG" { "PERSON" } else { "ORG" }
}

#[test]
fn a_relabel_relabels_its_twins_everywhere_as_suggestions_and_one_undo_takes_all_back() {
    let mut p = project();
    let pacers = mentions(&p, "Pacers");
    let docs: std::collections::BTreeSet<DocId> = pacers.iter().map(|id| p.annotation(*id).unwrap().doc).collect();
    assert!(pacers.len() >= 4 && docs.len() == 2, "the team is suggested in both articles: {pacers:?}");
    let (source, reviewed) = (pacers[0], *pacers.last().unwrap());
    let mut h = History::default();
    // The analyst already settled one of them: a decision elsewhere must not undo theirs.
    let accept = actions::set_status(&p, &[reviewed], Status::Accepted).unwrap();
    h.apply(&mut p, "Accept", accept).unwrap();
    let before = p.clone();
    let label = other_label(&p.annotation(source).unwrap().label);
    // The detector took "We" for the team: a pronoun of the entity is no twin of its name.
    let entity = p.annotation(source).unwrap().links.entity.expect("the team is an entity");
    let we: Vec<AnnId> = p
        .annotations
        .iter()
        .filter(|a| a.links.entity == Some(entity) && a.status == Status::Suggested && words(&p, a.id) == "We")
        .map(|a| a.id)
        .collect();
    assert_eq!(we.len(), 1, "the team speaks as \"We\"");
    let twins_of: Vec<AnnId> = pacers[1..pacers.len() - 1].to_vec();
    let (edit, count) = twins::relabel(&p, source, label).unwrap();
    assert_eq!(count, twins_of.len(), "every suggested twin but the reviewed one");
    h.apply(&mut p, "Relabel", edit).unwrap();
    let a = p.annotation(source).unwrap();
    assert_eq!((a.label.as_str(), a.status), (label, Status::Accepted), "the decision itself");
    for id in &twins_of {
        let t = p.annotation(*id).unwrap();
        assert_eq!((t.label.as_str(), t.status), (label, Status::Suggested), "a twin is relabelled, not decided");
        let reason = "as you labelled \"Pacers\" in Pacers beat Knicks in overtime";
        assert_eq!(t.origin, Origin::Detector { rule: twins::RULE.into(), reason: reason.into() });
    }
    assert_eq!(p.annotation(reviewed), before.annotation(reviewed), "reviewed work is untouched");
    assert_eq!(p.annotation(we[0]), before.annotation(we[0]), "the pronoun keeps its label");
    let changed = p.annotations.iter().filter(|a| before.annotation(a.id) != Some(a)).count();
    assert_eq!(changed, twins_of.len() + 1, "nothing but the decision and its twins changed");
    assert_eq!(h.undo(&mut p).as_deref(), Some("Relabel"));
    assert_eq!(p, before, "one undo restores the decision and its propagation");
    h.redo(&mut p);
    assert_eq!(p.annotation(pacers[1]).unwrap().label, label);
}

#[test]
fn a_rejection_carries_over_to_identical_suggestions_as_the_setting_says() {
    let mut base = project();
    let pacers = mentions(&base, "Pacers");
    let (source, reviewed) = (pacers[0], *pacers.last().unwrap());
    let accept = actions::set_status(&base, &[reviewed], Status::Accepted).unwrap();
    sayso::edit::apply(&mut base, accept).unwrap();
    let status = |p: &Project, id: AnnId| p.annotation(id).unwrap().status;
    let rest = &pacers[1..pacers.len() - 1];
    assert_eq!(twins::identical(&base, source), rest.to_vec(), "identical: same words, layer and label, unreviewed");

    // Off and Ask: the decision alone.
    for setting in [RejectTwins::Off, RejectTwins::Ask] {
        let mut p = base.clone();
        sayso::edit::apply(&mut p, twins::reject(&base, &[source], setting).unwrap()).unwrap();
        assert_eq!(status(&p, source), Status::Rejected);
        assert!(rest.iter().all(|id| status(&p, *id) == Status::Suggested), "{setting:?} leaves the twins");
    }

    // Apply: every identical suggestion in one step, the reviewed one kept; one undo restores all.
    let mut p = base.clone();
    let mut h = History::default();
    let reject = twins::reject(&p, &[source], RejectTwins::Apply).unwrap();
    h.apply(&mut p, "Reject", reject).unwrap();
    assert!(pacers[..pacers.len() - 1].iter().all(|id| status(&p, *id) == Status::Rejected));
    assert_eq!(status(&p, reviewed), Status::Accepted, "the analyst's decision stands");
    h.undo(&mut p);
    assert_eq!(p, base);

    // Ask, answered: the offer is a step of its own, undone apart from the rejection.
    let mut h = History::default();
    let reject = twins::reject(&p, &[source], RejectTwins::Ask).unwrap();
    h.apply(&mut p, "Reject", reject).unwrap();
    let rejected_one = p.clone();
    assert_eq!(twins::identical(&p, source), rest.to_vec(), "still on offer after the rejection");
    let more = twins::reject_identical(&p, source).unwrap();
    h.apply(&mut p, "Reject more", more).unwrap();
    assert!(rest.iter().all(|id| status(&p, *id) == Status::Rejected));
    assert!(twins::reject_identical(&p, source).is_none(), "nothing left to offer");
    h.undo(&mut p);
    assert_eq!(p, rejected_one);
    h.undo(&mut p);
    assert_eq!(p, base);
}

#[test]
fn rejecting_the_marked_suggestions_takes_their_twins_along_when_the_setting_applies() {
    let base = project();
    let pacers = mentions(&base, "Pacers");
    let first = base.annotation(pacers[0]).unwrap().clone();
    let status = |p: &Project, id: AnnId| p.annotation(id).unwrap().status;
    let elsewhere: Vec<AnnId> = pacers.iter().copied().filter(|id| status(&base, *id) == Status::Suggested).collect();
    assert!(elsewhere.iter().any(|id| base.annotation(*id).unwrap().doc != first.doc), "twins in the other article");
    for (setting, carried) in [(RejectTwins::Off, false), (RejectTwins::Apply, true)] {
        let mut p = base.clone();
        let mut h = History::default();
        let edit = actions::reject_within(&p, first.doc, first.span, setting).unwrap();
        h.apply(&mut p, "Reject marked suggestions", edit).unwrap();
        assert_eq!(status(&p, first.id), Status::Rejected);
        let others = elsewhere.iter().filter(|id| **id != first.id);
        assert!(others.clone().all(|id| (status(&p, *id) == Status::Rejected) == carried), "{setting:?}");
        h.undo(&mut p);
        assert_eq!(p, base, "one undo restores the marked suggestions and their twins");
    }
}
