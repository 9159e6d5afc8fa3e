//! A long document is detected in sections whose entities are joined: it must read as its
//! articles do one by one, with one entity per person across the whole text.

use crate::common;

use sayso::detect::{self, Detections};

const SEED: &str = include_str!("../fixtures/aleppo-lavrov.txt");
const SAMPLE: &str = include_str!("../../assets/sample-article.txt");

/// The two articles, alternating, as one document of about 190 KB (several sections); returns
/// it and the code-point offset of each article.
fn long_document() -> (String, Vec<(usize, &'static str)>) {
    let mut text = String::new();
    let mut parts = Vec::new();
    for i in 0..60 {
        let article = if i % 2 == 0 { SEED.trim() } else { SAMPLE.trim() };
        parts.push((text.chars().count(), article));
        text.push_str(article);
        text.push_str("\n\n");
    }
    (text, parts)
}

/// Quotations as (start, end, kind, speaker words), offsets shifted by `offset`.
fn quotes(d: &Detections, chars: &[char], offset: usize) -> Vec<(usize, usize, &'static str, String)> {
    d.quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.and_then(|s| d.mentions.get(s)).map(|m| chars[m.start..m.end].iter().collect());
            (q.start + offset, q.end + offset, q.kind.label(), speaker.unwrap_or_default())
        })
        .collect()
}

#[test]
fn long_document_finds_what_its_articles_do_alone() {
    let (text, parts) = long_document();
    assert!(text.len() > 150_000, "long enough for several sections");
    let whole = detect::detect(&text);
    common::assert_valid_detections(&text, &whole);
    let chars: Vec<char> = text.chars().collect();
    let mut expected = Vec::new();
    for &(offset, article) in &parts {
        let alone = detect::detect(article);
        let article_chars: Vec<char> = article.chars().collect();
        expected.extend(quotes(&alone, &article_chars, offset));
    }
    assert_eq!(quotes(&whole, &chars, 0), expected);
    assert!(whole.mentions.windows(2).all(|w| w[0].start <= w[1].start), "mentions in text order");
}

#[test]
fn a_person_is_one_entity_across_the_whole_document() {
    let (text, _) = long_document();
    let d = detect::detect(&text);
    let chars: Vec<char> = text.chars().collect();
    let words = |m: &detect::Mention| chars[m.start..m.end].iter().collect::<String>();
    let lavrov: Vec<usize> = d
        .mentions
        .iter()
        .filter(|m| matches!(words(m).as_str(), "Sergei Lavrov" | "Sergey Lavrov" | "Lavrov"))
        .map(|m| m.entity)
        .collect();
    assert!(lavrov.len() >= 90, "Lavrov named in every copy of the seed article: {}", lavrov.len());
    assert!(lavrov.iter().all(|&e| e == lavrov[0]), "one entity for Lavrov throughout");
    let entity = &d.entities[lavrov[0]];
    assert_eq!(entity.name, "Sergei Lavrov");
    assert!(entity.aliases.iter().any(|a| a == "Sergey Lavrov"), "{:?}", entity.aliases);
    // Every quotation of his, in every section, names the same entity.
    let his = d.quotes.iter().filter(|q| q.speaker_entity == Some(lavrov[0])).count();
    let alone = detect::detect(SEED.trim());
    let per_copy = alone
        .quotes
        .iter()
        .filter(|q| q.speaker_entity.is_some_and(|e| alone.entities[e].name == "Sergei Lavrov"))
        .count();
    assert_eq!(his, per_copy * 30);
    // Named people, places and organisations are not split between sections: one entity per name.
    let named = |e: &&detect::Entity| e.name.split(' ').all(|w| w.starts_with(char::is_uppercase));
    let mut people: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| matches!(e.label, "PERSON" | "ORG" | "GPE" | "LOC"))
        .filter(named)
        .map(|e| e.name.as_str())
        .collect();
    assert!(people.len() >= 20, "{people:?}");
    let n = people.len();
    people.sort();
    people.dedup();
    assert_eq!(people.len(), n, "a name on two entities");
}
