//! The entity model beside the rules: real constructions, the reason each name carries, and
//! training that gives the same bytes every time.

use sayso::detect::{self, Detections, ner};
use sayso::model::{DocId, Document, Layer, Origin, Project};

/// (text, label, reason) of every named mention.
fn names(text: &str) -> Vec<(String, &'static str, String)> {
    let d: Detections = detect::detect(text);
    let chars: Vec<char> = text.chars().collect();
    d.mentions
        .iter()
        .filter(|m| m.form == detect::MentionForm::Name)
        .map(|m| (chars[m.start..m.end].iter().collect(), m.label, m.reason.to_string()))
        .collect()
}

fn named<'a>(found: &'a [(String, &'static str, String)], text: &str) -> Option<&'a (String, &'static str, String)> {
    found.iter().find(|n| n.0 == text)
}

#[test]
fn a_company_after_shares_of_is_an_organisation_and_says_why() {
    let found = names("Shares of Acme Corp rose 5% on Monday after the company raised its forecast.");
    let acme = named(&found, "Acme Corp").unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(acme.1, "ORG");
    assert!(acme.2.starts_with("model: ORG "), "{}", acme.2);
    assert!(acme.2.contains(" — "), "the features that decided it: {}", acme.2);
}

#[test]
fn a_name_nothing_types_is_another_kind_of_name_not_a_guessed_person() {
    let found = names("The Second World War ended in 1945, and the Clean Air Act followed decades later.");
    for event in ["Second World War", "Clean Air Act"] {
        let n = named(&found, event).unwrap_or_else(|| panic!("{event}: {found:?}"));
        assert_eq!(n.1, "MISC", "{n:?}");
    }
    let found = names("Doris Day sang at the Olympic Games before the Nobel Peace Prize went to Jane Goodall.");
    assert_eq!(named(&found, "Olympic Games").map(|n| n.1), Some("MISC"), "an event: {found:?}");
    assert_eq!(named(&found, "Nobel Peace Prize").map(|n| n.1), Some("MISC"), "an award: {found:?}");
    assert_eq!(named(&found, "Doris Day").map(|n| n.1), Some("PERSON"), "a given name opens it: {found:?}");
    // Speaking makes a name nothing else types a person, as before.
    let found = names("Big Bird said the team played well.");
    let n = named(&found, "Big Bird").unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(n.1, "PERSON", "{n:?}");
    assert!(!n.2.starts_with("model:"), "typed by speaking, not by the model: {n:?}");
}

#[test]
fn a_name_opening_with_a_womans_or_a_mans_name_is_a_persons() {
    let found = names("The mayor met Eunice Yung and Horace Cheung on Monday. Later Bonnie Dunbar visited the museum.");
    for person in ["Eunice Yung", "Horace Cheung", "Bonnie Dunbar"] {
        assert_eq!(named(&found, person).map(|n| n.1), Some("PERSON"), "{person}: {found:?}");
    }
}

#[test]
fn era_markers_belong_to_their_year_and_abbreviations_of_things_are_no_names() {
    let text = "The city was founded in 500 BC and burnt in AD 79. Its DNA and the GDP figures were on TV.";
    let d = detect::detect(text);
    let chars: Vec<char> = text.chars().collect();
    let found: Vec<(String, &str)> =
        d.mentions.iter().map(|m| (chars[m.start..m.end].iter().collect(), m.label)).collect();
    for date in ["500 BC", "AD 79"] {
        assert!(found.iter().any(|(t, l)| t == date && *l == "DATE"), "{date}: {found:?}");
    }
    for word in ["BC", "AD", "DNA", "GDP", "TV"] {
        assert!(!found.iter().any(|(t, _)| t == word), "{word} is no name: {found:?}");
    }
}

#[test]
fn an_older_project_gains_the_label_its_new_suggestions_use_and_undo_removes_it() {
    let mut p = Project::default();
    p.schema.labels.retain(|l| l.name != "MISC");
    let before = p.clone();
    let doc = Document::new(DocId(1), "History", "The Second World War ended in 1945.");
    let edit = sayso::edit::actions::add_documents(&p, vec![doc]).unwrap();
    let undo = sayso::edit::apply(&mut p, edit).unwrap();
    assert!(p.annotations.iter().any(|a| a.label == "MISC"), "{:?}", p.annotations);
    assert!(p.schema.label("MISC").is_some_and(|l| l.layer == Layer::Mention));
    assert!(sayso::store::validate(&p).is_empty(), "{:?}", sayso::store::validate(&p));
    sayso::edit::apply(&mut p, undo).unwrap();
    assert_eq!(p, before);
}

#[test]
fn a_regional_name_is_one_name() {
    let found = names("The plan was approved by Metro Vancouver on Tuesday, officials said.");
    assert!(named(&found, "Metro Vancouver").is_some(), "{found:?}");
    assert!(named(&found, "Metro").is_none() && named(&found, "Vancouver").is_none(), "{found:?}");
}

#[test]
fn a_name_after_a_title_is_a_person_and_the_title_stays() {
    let text = "Foreign Minister Sergei Lavrov met US President Barack Obama in Geneva.";
    let found = names(text);
    assert_eq!(named(&found, "Sergei Lavrov").map(|n| n.1), Some("PERSON"), "{found:?}");
    assert_eq!(named(&found, "Barack Obama").map(|n| n.1), Some("PERSON"), "{found:?}");
    assert_eq!(named(&found, "Geneva").map(|n| n.1), Some("GPE"), "{found:?}");
    let d = detect::detect(text);
    assert!(d.mentions.iter().any(|m| m.label == "TITLE"), "titles are still the rules' work");
}

#[test]
fn a_surname_alone_is_the_person_named_in_full_before() {
    let found = names("Steven Seagal arrived in Moscow on Friday. Seagal said he was happy.");
    let lone: Vec<_> = found.iter().filter(|n| n.0 == "Seagal").collect();
    assert_eq!(lone.len(), 1, "{found:?}");
    assert_eq!(lone[0].1, "PERSON");
    assert_eq!(named(&found, "Moscow").map(|n| n.1), Some("GPE"), "{found:?}");
}

#[test]
fn the_models_reason_reaches_the_suggestion() {
    let text = "Shares of Acme Corp rose on Monday.";
    let mut p = Project::default();
    p.documents.push(Document::new(DocId(1), "t", text));
    sayso::suggest::add_suggestions(&mut p, DocId(1), &detect::detect(text));
    let acme = p.annotations.iter().find(|a| a.layer == Layer::Mention && a.label == "ORG").expect("an ORG suggestion");
    let Origin::Detector { reason, .. } = &acme.origin else { panic!("detector origin") };
    assert!(reason.starts_with("model: ORG"), "{reason}");
    assert!(acme.origin.describe().contains("model: ORG"), "the inspector's line");
}

#[test]
fn training_is_deterministic_and_learns_the_fixture() {
    let sentences = ner::read_iob2(include_str!("../fixtures/ner/tiny.iob2"));
    assert_eq!(sentences.len(), 5);
    let a = ner::train(&sentences, 5).to_bytes();
    let b = ner::train(&sentences, 5).to_bytes();
    assert!(a == b, "the same data gives the same bytes");
    let model = ner::Model::from_bytes(&a).expect("a model");
    let found = ner::model_names(&model, "Shares of Acme Corp rose on Monday.");
    assert_eq!(found, vec![(10, 19, "ORG")]);
    // Other epochs give other weights: the count is part of what makes a model.
    assert!(ner::train(&sentences, 1).to_bytes() != a);
}

#[test]
fn the_shipped_model_loads() {
    assert!(ner::shipped().is_some(), "assets/model/ner.bin is a model");
}

/// (text, label) of every mention, names and values alike.
fn mentions(text: &str) -> Vec<(String, &'static str)> {
    let d = detect::detect(text);
    let chars: Vec<char> = text.chars().collect();
    d.mentions.iter().map(|m| (chars[m.start..m.end].iter().collect(), m.label)).collect()
}

#[test]
fn a_span_of_time_is_a_date_not_a_quantity() {
    let found = mentions("The temple was built in the 5th century BC and restored over three years.");
    for span in ["5th century BC", "three years"] {
        assert!(found.iter().any(|(t, l)| t == span && *l == "DATE"), "{span}: {found:?}");
    }
    assert!(!found.iter().any(|(_, l)| *l == "QUANTITY"), "{found:?}");
}

#[test]
fn a_regnal_number_belongs_to_the_name_and_is_no_name_alone() {
    let found = names("Thutmose III built the gate. Act III of the opera was cut after World War II.");
    assert_eq!(named(&found, "Thutmose III").map(|n| n.1), Some("PERSON"), "{found:?}");
    assert!(named(&found, "III").is_none(), "{found:?}");
    assert_eq!(named(&found, "World War II").map(|n| n.1), Some("MISC"), "an event keeps its type: {found:?}");
}

#[test]
fn a_name_ending_in_a_word_for_a_place_is_a_place() {
    let found = names("Ships crossed the Irish Sea and the Pacific Ocean before reaching Lower Austria.");
    for place in ["Irish Sea", "Pacific Ocean"] {
        assert_eq!(named(&found, place).map(|n| n.1), Some("LOC"), "{place}: {found:?}");
    }
    assert_eq!(named(&found, "Lower Austria").map(|n| n.1), Some("GPE"), "a region keeps its type: {found:?}");
    assert!(named(&found, "Austria").is_none(), "one place, not a direction and a country: {found:?}");
}

#[test]
fn a_monarchs_title_introduces_a_person() {
    let d = detect::detect("Emperor Meiji opened the ports in 1868.");
    let text = "Emperor Meiji opened the ports in 1868.";
    let chars: Vec<char> = text.chars().collect();
    let got: Vec<(String, &str)> =
        d.mentions.iter().map(|m| (chars[m.start..m.end].iter().collect(), m.label)).collect();
    assert!(got.contains(&("Emperor".into(), "TITLE")), "{got:?}");
    assert!(got.contains(&("Meiji".into(), "PERSON")), "{got:?}");
}

#[test]
fn a_name_inside_a_building_keeps_the_person_it_names() {
    let found = names("Donald Trump spoke on Monday. Protesters gathered outside Trump Tower later.");
    assert_eq!(named(&found, "Trump Tower").map(|n| n.1), Some("LOC"), "{found:?}");
    for n in found.iter().filter(|n| n.0 == "Trump") {
        assert_eq!(n.1, "PERSON", "{found:?}");
    }
}

#[test]
fn a_word_for_a_people_used_as_one_is_a_nationality_not_an_organisation() {
    let found = mentions(
        "The Macedonian army crossed the river while the Phoenicians traded with Mycenaean cities. \
         North Korean troops moved south.",
    );
    for people in ["Macedonian", "Phoenicians", "Mycenaean", "North Korean"] {
        let labels: Vec<&str> = found.iter().filter(|(t, _)| t == people).map(|(_, l)| *l).collect();
        assert_eq!(labels, ["NORP"], "{people}: {found:?}");
    }
    // A given name or a surname before a verb keeps its own reading.
    let found = names("Julian Assange arrived. Later Julian spoke to reporters, and Kardashian said nothing.");
    assert!(found.iter().all(|n| n.1 != "NORP"), "{found:?}");
}

#[test]
fn an_event_called_it_stays_an_event_and_a_sea_of_a_place_is_a_place() {
    let found = names("The Trojan War lasted ten years. It was told by Homer. Later ships crossed the Sea of Galilee.");
    assert_eq!(named(&found, "Trojan War").map(|n| n.1), Some("MISC"), "{found:?}");
    assert_eq!(named(&found, "Sea of Galilee").map(|n| n.1), Some("LOC"), "{found:?}");
}

#[test]
fn the_place_of_a_mayor_or_a_king_is_a_place_and_does_not_speak() {
    let text = "The letters came from the kings of Gezer. The Governor-General of Hunan and Hubei banned the \
                trade. The mayor of Brisbane said the roads were closed.";
    let found = names(text);
    for place in ["Gezer", "Hunan", "Hubei", "Brisbane"] {
        let n = named(&found, place).unwrap_or_else(|| panic!("{place}: {found:?}"));
        assert_eq!(n.1, "GPE", "{n:?}");
    }
    let d = detect::detect(text);
    let chars: Vec<char> = text.chars().collect();
    let q = d.quotes.first().expect("the mayor's statement");
    let speaker = q.speaker.map(|s| &d.mentions[s]).map(|m| chars[m.start..m.end].iter().collect::<String>());
    assert_eq!(speaker.as_deref(), Some("The mayor"), "{:?}", d.quotes);
    let who = q.speaker_entity.map(|e| d.entities[e].name.as_str());
    assert!(who.is_none_or(|w| !["Hubei", "Brisbane"].contains(&w)), "a place does not speak: {who:?}");
}

#[test]
fn a_name_after_an_honorific_is_a_person_even_at_the_end_of_a_sentence() {
    for (text, name) in [
        ("The guide was praised by Ms. Gillard.", "Gillard"),
        ("The guide was praised by Mrs. Okonkwo.", "Okonkwo"),
        ("The rules were drafted by Dr Haldane.", "Haldane"),
    ] {
        let found = names(text);
        assert_eq!(named(&found, name).map(|n| n.1), Some("PERSON"), "{text}: {found:?}");
        // The honorific itself is no name.
        assert!(found.iter().all(|n| !n.0.starts_with("M") && !n.0.starts_with("Dr")), "{text}: {found:?}");
    }
}

#[test]
fn what_an_organisation_is_for_is_part_of_its_name_and_its_short_form_the_same() {
    let text = "He joined the National Association for the Advancement of Colored People in 1950. Rebels of the \
                Alliance of Democratic Forces for the Liberation of Congo attacked. A grant from the Andy Warhol \
                Foundation for the Visual Arts followed. Andy Warhol never saw it. The Andy Warhol Foundation said \
                little. Scientists at the University of Sheffield of the UK agreed.";
    let found = names(text);
    for org in [
        "National Association for the Advancement of Colored People",
        "Alliance of Democratic Forces for the Liberation of Congo",
        "Andy Warhol Foundation for the Visual Arts",
    ] {
        assert_eq!(named(&found, org).map(|n| n.1), Some("ORG"), "{org}: {found:?}");
    }
    // "of" runs on only inside a purpose, not after a place.
    assert!(named(&found, "University of Sheffield of the UK").is_none(), "{found:?}");
    // The person inside the foundation's name stays a person; the short form is the foundation.
    let d = detect::detect(text);
    let chars: Vec<char> = text.chars().collect();
    let entity_of = |w: &str| {
        d.mentions
            .iter()
            .filter(|m| chars[m.start..m.end].iter().collect::<String>() == w)
            .map(|m| m.entity)
            .collect::<Vec<_>>()
    };
    let full = entity_of("Andy Warhol Foundation for the Visual Arts");
    assert!(!full.is_empty() && entity_of("Andy Warhol Foundation") == full[..1], "{:?}", d.mentions);
    assert!(
        d.mentions
            .iter()
            .any(|m| m.label == "PERSON" && chars[m.start..m.end].iter().collect::<String>() == "Andy Warhol")
    );
}

#[test]
fn a_verb_form_opening_a_name_is_its_first_word_and_no_place() {
    let text = "Forty percent is paid from the European Union's Connecting Europe Facility. \
                Mayors in Beijing Capital Airport waited.";
    let found = names(text);
    assert_eq!(named(&found, "Connecting Europe Facility").map(|n| n.1), Some("ORG"), "{found:?}");
    assert!(named(&found, "Europe Facility").is_none(), "{found:?}");
    // A listed place ending in "-ing" is no verb form.
    assert!(found.iter().any(|n| n.0.starts_with("Beijing")), "{found:?}");
}

#[test]
fn a_word_the_text_names_as_a_river_alone_is_that_place() {
    let text = "Barges stopped on the Danube on Monday. Danube shipping fell. Officials said the Danube \
                River was at a record low, and the Danube Delta was drying.";
    let d = detect::detect(text);
    let chars: Vec<char> = text.chars().collect();
    let alone: Vec<_> = d
        .mentions
        .iter()
        .filter(|m| chars[m.start..m.end].iter().collect::<String>() == "Danube")
        .map(|m| d.entities[m.entity].label)
        .collect();
    assert!(!alone.is_empty() && alone.iter().all(|&l| l == "LOC"), "{:?}", d.mentions);
}
