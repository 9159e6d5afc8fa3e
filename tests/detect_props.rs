//! Property: on any Unicode input the detector returns, with every span in range.

use proptest::prelude::*;
use sayso::detect;

fn check(text: &str) {
    let n = text.chars().count();
    let d = detect::detect(text);
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
    }
    for (i, e) in d.entities.iter().enumerate() {
        assert_eq!(e.id, i);
    }
    let _ = detect::to_json("x", text, &d);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn any_unicode(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn news_like_alphabet(text in "[A-Za-z “”\"'‘’«»„,.:;!?\\n—-]{0,400}") {
        check(&text);
    }

    #[test]
    fn words_and_marks(parts in proptest::collection::vec(prop_oneof![
        Just("“".to_string()), Just("”".to_string()), Just("\"".to_string()), Just("’".to_string()), Just("‘".to_string()),
        Just(" said ".to_string()), Just(" Lavrov".to_string()), Just(", ".to_string()), Just(". ".to_string()), Just("\n\n".to_string()),
        Just(" he ".to_string()), Just("U.S.".to_string()), Just(" according to ".to_string()), Just("Mr. ".to_string()), "[a-zA-Z]{1,8}",
    ], 0..80)) {
        check(&parts.concat());
    }
}

#[test]
fn edge_cases() {
    for t in [
        "",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "\n\n“\n\n",
        "said",
        "he said",
        "“a” b",
        "U.S.",
        "$",
        "10:",
        "Dec.",
        "the",
        "„“",
        "«»",
        "‘’",
        "\u{0}",
        "a\u{301}",
    ] {
        check(t);
    }
}
