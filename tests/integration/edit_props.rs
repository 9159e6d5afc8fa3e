//! Property: any sequence of analyst actions, undone step by step, gives back the original
//! project exactly; redone, it gives back the edited one.

use crate::common;

use proptest::prelude::*;
use sayso::edit::{History, actions};
use sayso::model::{AnnId, DocId, EntityId, Layer, Project, Span, Status};

#[derive(Debug, Clone)]
enum Action {
    Status(usize, u8),
    Create(usize, usize, usize),
    Delete(usize),
    Relabel(usize, usize),
    Resize(usize, usize, usize),
    Tags(usize, Vec<String>),
    Note(usize, String),
    LinkSpeaker(usize, Option<usize>),
    Merge(u64, u64),
    Rename(u64, String),
    SplitMention(usize),
    AcceptAll(usize),
    RejectWithin(usize, usize),
    SplitQuote(usize, usize),
    JoinQuote(usize, bool),
}

const LABELS: [(&str, Layer); 5] = [
    ("PERSON", Layer::Mention),
    ("GPE", Layer::Mention),
    ("DIRECT", Layer::Quote),
    ("SPEAKER", Layer::Speaker),
    ("CUE", Layer::Cue),
];

fn action() -> impl Strategy<Value = Action> {
    let n = 0usize..40;
    prop_oneof![
        (n.clone(), 0u8..3).prop_map(|(i, s)| Action::Status(i, s)),
        (0usize..200, 1usize..30, 0usize..5).prop_map(|(s, w, l)| Action::Create(s, w, l)),
        n.clone().prop_map(Action::Delete),
        (n.clone(), 0usize..5).prop_map(|(i, l)| Action::Relabel(i, l)),
        (n.clone(), 0usize..200, 0usize..200).prop_map(|(i, s, e)| Action::Resize(i, s, e)),
        (n.clone(), prop::collection::vec("[a-z]{1,6}", 0..3)).prop_map(|(i, t)| Action::Tags(i, t)),
        (n.clone(), "[a-z \"\n]{0,12}").prop_map(|(i, t)| Action::Note(i, t)),
        (n.clone(), prop::option::of(n.clone())).prop_map(|(q, s)| Action::LinkSpeaker(q, s)),
        (1u64..4, 1u64..4).prop_map(|(a, b)| Action::Merge(a, b)),
        (1u64..4, "[A-Za-z ]{1,10}").prop_map(|(e, n)| Action::Rename(e, n)),
        n.clone().prop_map(Action::SplitMention),
        (0usize..5).prop_map(Action::AcceptAll),
        (0usize..200, 1usize..80).prop_map(|(s, w)| Action::RejectWithin(s, w)),
        (n.clone(), 0usize..200).prop_map(|(i, at)| Action::SplitQuote(i, at)),
        (n, any::<bool>()).prop_map(|(i, f)| Action::JoinQuote(i, f)),
    ]
}

/// The edit an action makes on `p`, if it applies; indexes pick among existing annotations.
fn edit_for(p: &Project, action: &Action) -> Option<sayso::edit::Edit> {
    let ann = |i: usize| -> Option<AnnId> { p.annotations.get(i % p.annotations.len().max(1)).map(|a| a.id) };
    let len = p.documents[0].len_chars();
    let doc = DocId(1);
    match action.clone() {
        Action::Status(i, s) => {
            actions::set_status(p, &[ann(i)?], [Status::Suggested, Status::Accepted, Status::Rejected][s as usize])
        }
        Action::Create(s, w, l) => {
            let span = Span::new(s % len, (s % len + w).min(len)).ok()?;
            Some(actions::create(p, doc, span, LABELS[l].1.clone(), LABELS[l].0))
        }
        Action::Delete(i) => actions::delete(p, &[ann(i)?]),
        Action::Relabel(i, l) => actions::relabel(p, ann(i)?, LABELS[l].0),
        Action::Resize(i, s, e) => actions::resize(p, ann(i)?, s.min(len), e.min(len)),
        Action::Tags(i, t) => actions::set_tags(p, ann(i)?, &t),
        Action::Note(i, t) => actions::set_note(p, ann(i)?, &t),
        Action::LinkSpeaker(q, s) => actions::link_speaker(p, ann(q)?, s.and_then(ann)),
        Action::Merge(a, b) => actions::merge_entities(p, EntityId(a), EntityId(b)),
        Action::Rename(e, n) => actions::rename_entity(p, EntityId(e), &n),
        Action::SplitMention(i) => actions::split_mention(p, ann(i)?),
        Action::AcceptAll(l) => actions::accept_all(p, doc, LABELS[l].0),
        Action::RejectWithin(s, w) => actions::reject_within(
            p,
            doc,
            Span::new(s % len, (s % len + w).min(len)).ok()?,
            actions::twins::RejectTwins::Apply,
        ),
        Action::SplitQuote(i, at) => actions::split_quote(p, ann(i)?, at),
        Action::JoinQuote(i, f) => actions::join_quote(p, ann(i)?, f),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn undoing_every_step_restores_the_project_and_redo_replays_it(script in prop::collection::vec(action(), 1..25)) {
        let original = common::project();
        let mut project = original.clone();
        let mut history = History::default();
        let mut steps = 0;
        for action in &script {
            if let Some(edit) = edit_for(&project, action) && history.apply(&mut project, "step", edit).is_ok() {
                steps += 1;
                let problems: Vec<_> = sayso::store::validate(&project)
                    .into_iter()
                    .filter(|p| p.severity == sayso::store::Severity::Error)
                    .collect();
                prop_assert!(problems.is_empty(), "{action:?} left {problems:?}");
            }
        }
        let edited = project.clone();
        for _ in 0..steps {
            prop_assert!(history.undo(&mut project).is_some());
        }
        prop_assert_eq!(&project, &original);
        prop_assert!(!history.is_dirty());
        for _ in 0..steps {
            prop_assert!(history.redo(&mut project).is_some());
        }
        prop_assert_eq!(&project, &edited);
    }
}
