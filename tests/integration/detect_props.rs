//! Property: on any Unicode input, short or long enough to go in sections, the detector returns,
//! with every span in range.

use crate::common;

use proptest::prelude::*;
use sayso::detect;

fn check(text: &str) {
    let d = detect::detect(text);
    common::assert_valid_detections(text, &d);
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    /// Texts long enough to be detected in sections, cut wherever their paragraphs allow.
    #[test]
    fn long_texts_in_sections(paras in proptest::collection::vec("[A-Z][A-Za-z “”\"’«»,.:!?—-]{0,300}", 1..12), sep in prop_oneof![Just("\n\n"), Just("\n"), Just(" ")]) {
        let mut text = String::new();
        while text.len() < 110_000 {
            for p in &paras {
                text.push_str(p);
                text.push_str(sep);
            }
        }
        check(&text);
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
