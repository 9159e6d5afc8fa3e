//! The seed article: every direct and partial quotation with its exact span, all attributed to
//! Lavrov's single entity, and the named entities an analyst would mark, with their types.

use sayso::detect::{self, Detections, QuoteKind};

const ARTICLE: &str = include_str!("../fixtures/aleppo-lavrov.txt");

fn chars() -> Vec<char> {
    ARTICLE.chars().collect()
}

fn text(c: &[char], s: usize, e: usize) -> String {
    c[s..e].iter().collect()
}

/// Code-point span of the `nth` occurrence of `needle`.
fn find(hay: &str, needle: &str) -> (usize, usize) {
    let byte = hay.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the article"));
    let start = hay[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn lavrov(d: &Detections) -> usize {
    let e = d.entities.iter().find(|e| e.name == "Sergei Lavrov").expect("an entity named Sergei Lavrov");
    e.id
}

#[test]
fn all_thirteen_quotations_with_exact_spans_and_one_speaker() {
    let d = detect::detect(ARTICLE);
    let c = chars();
    let expected: [(&str, QuoteKind); 13] = [
        ("“Combat operations by the Syrian army in east Aleppo have been suspended", QuoteKind::Direct),
        ("“fight terrorists in Syria till the end”", QuoteKind::Mixed),
        ("“Our strategy is very simple", QuoteKind::Direct),
        ("“As for al-Nusra Front, the US doesn’t", QuoteKind::Direct),
        ("“We cannot accept that", QuoteKind::Direct),
        ("“sabotaging”", QuoteKind::Mixed),
        ("“An agreement was reached", QuoteKind::Direct),
        ("“Concrete details will be discussed in Geneva.”", QuoteKind::Direct),
        ("“We reacted to all the steps", QuoteKind::Direct),
        ("“I will touch wood", QuoteKind::Direct),
        ("“But once you tell them", QuoteKind::Direct),
        ("“By the way, I can tell you", QuoteKind::Direct),
        ("“In involves about 8,000 civilians.", QuoteKind::Direct),
    ];
    let lav = lavrov(&d);
    for (opening, kind) in expected {
        let (start, _) = find(ARTICLE, opening);
        let q = d
            .quotes
            .iter()
            .find(|q| q.start == start && q.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} quote at {opening:?}"));
        // Exact span: from the opening mark to its closing mark.
        let t = text(&c, q.start, q.end);
        assert!(t.starts_with('“') && t.ends_with('”'), "{t:?}");
        assert_eq!(t.matches('“').count(), t.matches('”').count(), "balanced: {t:?}");
        assert_eq!(q.speaker_entity, Some(lav), "speaker of {t:?}: {}", q.reason);
        let sp = q.speaker.map(|m| &d.mentions[m]).expect("a speaker mention");
        assert!(sp.end <= q.start || sp.start >= q.end || q.cue.is_none(), "speaker outside the quotation");
    }
    let direct_or_mixed = d.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).count();
    assert_eq!(direct_or_mixed, 13, "exactly the 13 quotations, no quote from an apostrophe");
    // Split quotations are parts of one.
    let (s2, _) = find(ARTICLE, "“Concrete details");
    let (s1, _) = find(ARTICLE, "“An agreement was reached");
    let second = d.quotes.iter().find(|q| q.start == s2).expect("second part");
    let first = second.part_of.map(|p| &d.quotes[p]).expect("part_of");
    assert_eq!(first.start, s1);
}

#[test]
fn lavrov_is_one_entity_with_variants_pronouns_and_roles() {
    let d = detect::detect(ARTICLE);
    let c = chars();
    let lav = lavrov(&d);
    let forms: Vec<String> = d.mentions.iter().filter(|m| m.entity == lav).map(|m| text(&c, m.start, m.end)).collect();
    for needed in ["Sergei Lavrov", "Sergey Lavrov", "Lavrov", "he", "the Russian top diplomat"] {
        assert!(forms.iter().any(|f| f == needed), "{needed:?} not in Lavrov's mentions: {forms:?}");
    }
    // The pronoun's reason shows its chain.
    let he = d
        .quotes
        .iter()
        .filter_map(|q| q.speaker)
        .find(|&m| text(&c, d.mentions[m].start, d.mentions[m].end) == "he")
        .expect("a 'he' speaker");
    let why = d.mention_reason(&c, he);
    assert!(why.starts_with("pronoun: he → ") && why.ends_with("Lavrov"), "{why}");
}

#[test]
fn named_entities_with_types() {
    let d = detect::detect(ARTICLE);
    let c = chars();
    let has = |name: &str, label: &str| d.mentions.iter().any(|m| m.label == label && text(&c, m.start, m.end) == name);
    for (name, label) in [
        ("Aleppo", "GPE"),
        ("Geneva", "GPE"),
        ("Hamburg", "GPE"),
        ("HAMBURG", "GPE"),
        ("Germany", "GPE"),
        ("Syria", "GPE"),
        ("Hmeimim", "GPE"),
        ("al-Nusra Front", "ORG"),
        ("UN Security Council", "ORG"),
        ("UNSC", "ORG"),
        ("TASS", "ORG"),
        ("Sputnik", "ORG"),
        ("John Kerry", "PERSON"),
        ("Staffan De Mistura", "PERSON"),
        ("Foreign Minister", "TITLE"),
        ("UN Special Envoy for Syria", "TITLE"),
        ("December 8", "DATE"),
    ] {
        assert!(has(name, label), "{name} as {label}");
    }
    // UNSC and UN Security Council are one entity.
    let ent = |name: &str| d.mentions.iter().find(|m| text(&c, m.start, m.end) == name).map(|m| m.entity);
    assert_eq!(ent("UNSC"), ent("UN Security Council"));
    // The dateline is not a person.
    assert!(!d.mentions.iter().any(|m| m.label == "PERSON" && ["HAMBURG", "TASS", "Germany"].contains(&text(&c, m.start, m.end).as_str())));
}
