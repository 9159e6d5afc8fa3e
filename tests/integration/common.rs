//! Builders shared by the integration tests.

use sayso::model::*;

pub const TEXT: &str = "Talks resume in Geneva\n\n“We will not accept this,” Foreign Minister Sergei Lavrov said on Thursday. \
The minister added that Russia “remains open” to talks.\n\nCafé owners 📰 reacted: “Zoë’s bakery stays open,” one said.";

/// A small project with nested, overlapping and linked annotations in every status.
pub fn project() -> Project {
    let mut p = Project::default();
    let mut doc = Document::new(DocId(1), "Talks resume in Geneva", TEXT);
    doc.source = "Test Wire".into();
    p.documents.push(doc);
    let find = |needle: &str| {
        let byte = TEXT.find(needle).expect("needle in text");
        let start = TEXT[..byte].chars().count();
        Span::new(start, start + needle.chars().count()).unwrap()
    };
    let det = |reason: &str| Origin::Detector { rule: "test".into(), reason: reason.into() };
    p.put_entity(Entity {
        id: EntityId(1),
        label: "PERSON".into(),
        name: "Sergei Lavrov".into(),
        aliases: vec!["Lavrov".into()],
    });
    p.put_entity(Entity { id: EntityId(2), label: "GPE".into(), name: "Geneva".into(), aliases: vec![] });
    let mut add = |id: u64, needle: &str, layer: Layer, label: &str, status: Status| {
        let a = Annotation::new(AnnId(id), DocId(1), find(needle), layer, label, status, det("rule fired"));
        p.put_annotation(a);
    };
    add(1, "“We will not accept this,”", Layer::Quote, "DIRECT", Status::Accepted);
    add(2, "Foreign Minister Sergei Lavrov", Layer::Speaker, "SPEAKER", Status::Accepted);
    add(3, "Sergei Lavrov", Layer::Mention, "PERSON", Status::Suggested);
    add(4, "said", Layer::Cue, "CUE", Status::Suggested);
    add(5, "that Russia “remains open” to talks", Layer::Quote, "MIXED", Status::Suggested);
    add(6, "Russia", Layer::Mention, "GPE", Status::Rejected);
    add(7, "Geneva", Layer::Mention, "GPE", Status::Suggested);
    add(8, "“Zoë’s bakery stays open,”", Layer::Quote, "DIRECT", Status::Suggested);
    let q = p.annotation_mut(AnnId(1)).unwrap();
    q.links.speaker = Some(AnnId(2));
    q.links.cue = Some(AnnId(4));
    q.tags = vec!["needs source".into(), "strong".into()];
    q.note = "Check against the TASS version, \"verbatim\".".into();
    p.annotation_mut(AnnId(2)).unwrap().links.entity = Some(EntityId(1));
    p.annotation_mut(AnnId(3)).unwrap().links.entity = Some(EntityId(1));
    p.annotation_mut(AnnId(7)).unwrap().links.entity = Some(EntityId(2));
    p.annotation_mut(AnnId(8)).unwrap().origin = Origin::Analyst;
    p
}

/// The fixture project saved, with its article text changed as a hand edit of the file would.
pub fn hand_edited(change: impl Fn(&str) -> String) -> String {
    let project = project();
    let ron = sayso::store::to_ron(&project);
    let text = &project.documents[0].text;
    let (old, new) = (ron::to_string(text).unwrap(), ron::to_string(&change(text)).unwrap());
    assert!(ron.contains(&old));
    ron.replacen(&old, &new, 1)
}

/// Asserts that detections on `text` are well formed: every span in range and non-empty, every
/// index pointing at something, entity ids equal to their positions.
pub fn assert_valid_detections(text: &str, d: &sayso::detect::Detections) {
    let n = text.chars().count();
    for q in &d.quotes {
        assert!(q.start < q.end && q.end <= n, "quote {}..{} of {n}", q.start, q.end);
        if let Some((s, e)) = q.cue {
            assert!(s < e && e <= n);
        }
        if let Some(m) = q.speaker {
            assert!(m < d.mentions.len());
        }
        if let Some(p) = q.part_of {
            assert!(p < d.quotes.len());
        }
        if let Some(e) = q.speaker_entity {
            assert!(e < d.entities.len());
        }
    }
    for m in &d.mentions {
        assert!(m.start < m.end && m.end <= n, "mention {}..{} of {n}", m.start, m.end);
        assert!(m.entity < d.entities.len());
        if let Some(a) = m.antecedent {
            assert!(a < d.mentions.len());
        }
    }
    for (i, e) in d.entities.iter().enumerate() {
        assert_eq!(e.id, i);
    }
}
