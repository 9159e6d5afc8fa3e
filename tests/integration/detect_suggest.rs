//! Suggestions land in the project: linked, labelled from the schema, with reasons.

use sayso::detect;
use sayso::model::{AttributionType, DocId, Document, Layer, Origin, Project, Status};

#[test]
fn seed_article_suggestions_are_linked() {
    let text = include_str!("../fixtures/aleppo-lavrov.txt");
    let mut p = Project::default();
    p.documents.push(Document::new(DocId(1), "aleppo", text));
    let d = detect::detect(text);
    sayso::suggest::add_suggestions(&mut p, DocId(1), &d);
    assert!(p.annotations.windows(2).all(|w| w[0].id < w[1].id));
    assert!(p.entities.windows(2).all(|w| w[0].id < w[1].id));
    let len = text.chars().count();
    for a in &p.annotations {
        assert_eq!(a.status, Status::Suggested);
        assert!(a.span.check_within(len).is_ok());
        assert!(p.schema.label(&a.label).is_some(), "label {} in the schema", a.label);
        let Origin::Detector { reason, .. } = &a.origin else { panic!("detector origin") };
        assert!(!reason.is_empty());
    }
    let quotes: Vec<_> = p.annotations.iter().filter(|a| a.layer == Layer::Quote && a.label != "INDIRECT").collect();
    assert_eq!(quotes.len(), 13);
    let lavrov = p.entities.iter().find(|e| e.name == "Sergei Lavrov").expect("Lavrov").id;
    for q in quotes {
        // Each quotation names the rule that found it and carries its type.
        let Origin::Detector { rule, .. } = &q.origin else { panic!("detector origin") };
        assert!(detect::ATTRIBUTION_RULES.iter().any(|r| r.id == rule), "{rule}");
        assert_eq!(q.attribution, Some(AttributionType::Statement), "{q:?}");
        let sp = q.links.speaker.and_then(|id| p.annotation(id)).expect("speaker link");
        assert_eq!(sp.layer, Layer::Speaker);
        assert_eq!(sp.links.entity, Some(lavrov));
        if let Some(first) = q.links.part_of {
            assert_eq!(p.annotation(first).map(|a| &a.layer), Some(&Layer::Quote));
        }
    }
    // A second article about the same person reuses the entity.
    let text2 = "Sergei Lavrov said on Friday that talks would resume.";
    p.documents.push(Document::new(DocId(2), "second", text2));
    let n = p.entities.len();
    sayso::suggest::add_suggestions(&mut p, DocId(2), &detect::detect(text2));
    assert!(p.annotations_of(DocId(2)).any(|a| a.links.entity == Some(lavrov)));
    assert!(p.entities.len() <= n + 2);
}

#[test]
fn a_person_named_differently_in_another_article_is_one_entity_across_the_project() {
    let sputnik = "Syrian army halts operations\n\nRussian Foreign Minister Sergei Lavrov said on Thursday that \
combat operations were suspended. The UN Security Council will meet.";
    let tass = "Evacuation under way\n\n“A column of people is leaving,” Sergey Lavrov told reporters. \
Lavrov said the UNSC resolution stood.";
    let mut p = Project::default();
    let mut names = sayso::suggest::EntityNames::default();
    for (id, text) in [(1, sputnik), (2, tass)] {
        sayso::session::add_with_suggestions(&mut p, Document::new(DocId(id), "t", text), &mut names);
    }
    let people: Vec<_> = p.entities.iter().filter(|e| e.label == "PERSON").collect();
    assert_eq!(people.len(), 1, "Sergei and Sergey Lavrov are one person: {people:?}");
    assert!(people[0].aliases.iter().any(|a| a == "Sergey Lavrov"), "{:?}", people[0]);
    let lavrov = people[0].id;
    for doc in [DocId(1), DocId(2)] {
        assert!(p.annotations_of(doc).any(|a| a.links.entity == Some(lavrov)), "{doc} names him");
    }
    let council = |d: DocId| {
        p.annotations_of(d).filter_map(|a| a.links.entity).find(|e| p.entity(*e).is_some_and(|e| e.label == "ORG"))
    };
    assert!(council(DocId(1)).is_some());
    assert_eq!(council(DocId(1)), council(DocId(2)), "UN Security Council and UNSC are one organisation");
}
