//! Quotation phenomena from the detection issue, one small text each.

use sayso::detect::{self, Detections, QuoteKind};

fn quotes(text: &str) -> (Detections, Vec<(String, QuoteKind, Option<String>)>) {
    let d = detect::detect(text);
    let c: Vec<char> = text.chars().collect();
    let s = |a: usize, b: usize| c[a..b].iter().collect::<String>();
    let out = d
        .quotes
        .iter()
        .map(|q| (s(q.start, q.end), q.kind, q.speaker.map(|m| s(d.mentions[m].start, d.mentions[m].end))))
        .collect();
    (d, out)
}

fn direct(text: &str) -> Vec<(String, Option<String>)> {
    quotes(text).1.into_iter().filter(|q| q.1 == QuoteKind::Direct).map(|q| (q.0, q.2)).collect()
}

#[test]
fn every_quotation_mark_style() {
    for (text, quote) in [
        ("“We will win,” Smith said.", "“We will win,”"),
        ("\"We will win,\" Smith said.", "\"We will win,\""),
        ("«We will win,» Smith said.", "«We will win,»"),
        ("‘We will win,’ Smith said.", "‘We will win,’"),
        ("„We will win,“ Smith said.", "„We will win,“"),
    ] {
        let got = direct(text);
        assert_eq!(got, vec![(quote.to_string(), Some("Smith".to_string()))], "{text}");
    }
}

#[test]
fn nested_quotes_stay_inside_the_outer_one() {
    let got = direct("“He told me ‘go away’ and left,” the witness said.");
    assert_eq!(got, vec![("“He told me ‘go away’ and left,”".to_string(), Some("the witness".to_string()))]);
}

#[test]
fn split_quote_is_one_quotation_with_one_speaker() {
    let text = "“The talks failed,” he said. “We will try again.”";
    let (d, q) = quotes(text);
    assert_eq!(q.len(), 2);
    assert_eq!(d.quotes[1].part_of, Some(0));
    assert_eq!(q[0].2, q[1].2);
    assert_eq!(q[1].2.as_deref(), Some("he"));
}

#[test]
fn quote_over_several_paragraphs() {
    let text = "The mayor spoke at length.\n\n“The first thing is the budget.\n\n“The second thing is the roads,” Mayor Jane Doe said.\n\nThen she left.";
    let got = direct(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.starts_with("“The first thing") && got[0].0.ends_with("roads,”"));
    assert_eq!(got[0].1.as_deref(), Some("Jane Doe"));
}

#[test]
fn quote_over_paragraphs_without_the_mark_repeated() {
    let text = "After the match, the coach said, \"We learned a lot today.\n\nIt was an emotional day for all of us.\" Then the players left.\n\nThe next paragraph is plain.";
    let got = direct(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.starts_with("\"We learned") && got[0].0.ends_with("of us.\""), "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("the coach"));
}

#[test]
fn apostrophes_are_never_quotes() {
    let text =
        "The militants’ pullout doesn’t matter, US’ officials said of the ’90s and rock ’n’ roll. Russia’s army left.";
    let (_, q) = quotes(text);
    assert!(q.iter().all(|(t, k, _)| *k == QuoteKind::Indirect || !t.is_empty() && !t.starts_with('’')), "{q:?}");
    assert!(q.iter().all(|(_, k, _)| *k == QuoteKind::Indirect), "{q:?}");
}

#[test]
fn unbalanced_mark_does_not_swallow_the_document() {
    let text = "He said “this never closes.\n\nThe next paragraph is plain.\n\n“But this one is fine,” she said.";
    let got = direct(text);
    assert!(got.iter().any(|(t, s)| t == "“But this one is fine,”" && s.as_deref() == Some("she")), "{got:?}");
    assert!(got.iter().all(|(t, _)| !t.contains("next paragraph")), "{got:?}");
}

#[test]
fn scare_quotes_and_titles_are_not_quotations() {
    let (_, q) = quotes("They signed a “so-called” deal after watching the film “Jaws” on Friday.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn partial_quote_inside_reported_speech() {
    let (_, q) = quotes("The minister called on the envoy to stop “sabotaging” the process.");
    assert!(
        q.iter().any(|(t, k, s)| t == "“sabotaging”" && *k == QuoteKind::Mixed && s.as_deref() == Some("The minister")),
        "{q:?}"
    );
}

#[test]
fn indirect_speech_forms() {
    for (text, content, speaker) in [
        ("Smith said that the plan would fail.", "that the plan would fail", "Smith"),
        ("Smith said the plan would fail.", "the plan would fail", "Smith"),
        ("The plan would fail, Smith said.", "The plan would fail", "Smith"),
        ("According to Smith, the plan would fail.", "the plan would fail", "Smith"),
        ("The plan would fail, according to officials.", "The plan would fail", "officials"),
        ("Smith told reporters on Monday that the plan would fail.", "that the plan would fail", "Smith"),
        ("Smith warned that the plan would fail.", "that the plan would fail", "Smith"),
        ("Smith denied that the plan would fail.", "that the plan would fail", "Smith"),
        ("The plan would fail, said Smith.", "The plan would fail", "Smith"),
    ] {
        let (_, q) = quotes(text);
        assert!(
            q.iter().any(|(t, k, s)| t == content && *k == QuoteKind::Indirect && s.as_deref() == Some(speaker)),
            "{text}: {q:?}"
        );
    }
}

#[test]
fn a_word_inside_the_quote_is_never_its_speaker() {
    let text = "“Smith said nothing,” the spokesman said.";
    let got = direct(text);
    assert_eq!(got, vec![("“Smith said nothing,”".to_string(), Some("the spokesman".to_string()))]);
}

#[test]
fn datelines_and_agency_credits_are_not_people() {
    let text = "HAMBURG /Germany/, December 8. /TASS/. Russia will attend, Lavrov said.";
    let d = detect::detect(text);
    let c: Vec<char> = text.chars().collect();
    let s = |a: usize, b: usize| c[a..b].iter().collect::<String>();
    let label = |w: &str| d.mentions.iter().find(|m| s(m.start, m.end) == w).map(|m| m.label);
    assert_eq!(label("HAMBURG"), Some("GPE"));
    assert_eq!(label("Germany"), Some("GPE"));
    assert_eq!(label("TASS"), Some("ORG"));
    assert_eq!(label("December 8"), Some("DATE"));
}

#[test]
fn json_has_the_issue_shape() {
    let text = "“We will win,” Sergei Lavrov said. Sergey Lavrov left.";
    let d = detect::detect(text);
    let v = detect::to_json("a.txt", text, &d);
    assert_eq!(v["file"], "a.txt");
    assert_eq!(v["chars"], text.chars().count());
    let q = &v["quotes"][0];
    assert_eq!(q["kind"], "direct");
    assert_eq!(q["text"], "“We will win,”");
    assert_eq!(q["speaker"]["text"], "Sergei Lavrov");
    assert_eq!(q["cue"]["text"], "said");
    assert!(q["speaker_entity"].is_u64());
    let m = v["mentions"].as_array().expect("mentions");
    let ents: Vec<_> = m.iter().filter(|m| m["label"] == "PERSON").map(|m| m["entity"].clone()).collect();
    assert!(ents.len() >= 2 && ents.iter().all(|e| *e == ents[0]), "{m:?}");
    assert!(v["entities"][0]["name"].is_string());
}

#[test]
fn a_title_in_quotation_marks_inside_reported_speech_is_not_a_quotation() {
    let text = "Intro.\n\nShe said shoppers pay more for items labeled “Made in the U.S.A.,” as she told MSNBC’s \
“Morning Joe.”";
    let d = detect::detect(text);
    let chars: Vec<char> = text.chars().collect();
    let mixed: Vec<String> = d
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Mixed)
        .map(|q| chars[q.start..q.end].iter().collect())
        .collect();
    assert!(mixed.is_empty(), "{mixed:?}");
    // A partial quotation that a verb of saying governs stays one.
    let text = "Intro.\n\nThe minister called on the rebels to stop “sabotaging” the peace process.";
    let d = detect::detect(text);
    assert!(d.quotes.iter().any(|q| q.kind == QuoteKind::Mixed), "{:?}", d.quotes);
}

#[test]
fn titles_in_quotation_marks_inside_a_sentence_are_not_quotations() {
    for text in [
        "Intro.\n\nHe was a guest on “The Late Show With Stephen Colbert,” where he spoke about taxes.",
        "Intro.\n\nCruz named “Criminal Minds,” “Game of Thrones,” and “Veep” as his top shows.",
    ] {
        let d = detect::detect(text);
        let chars: Vec<char> = text.chars().collect();
        let found: Vec<String> = d.quotes.iter().map(|q| chars[q.start..q.end].iter().collect()).collect();
        assert!(found.iter().all(|q| !q.starts_with('“')), "{text}: {found:?}");
    }
    // One word after the previous quotation is not a title: “Quiet,” he demanded.
    let text = "Intro.\n\n“Let me talk.” “Quiet,” he demanded.";
    let d = detect::detect(text);
    assert!(d.quotes.iter().any(|q| q.cue.is_some()), "{:?}", d.quotes);
}

#[test]
fn a_quotation_left_open_before_a_paragraph_that_reopens_ends_with_its_paragraph() {
    let text = "“Trump says what people want to say,” Rubio said. “But presidents can’t say anything.\n\n\
                “I'm not interested in being politically correct,\" he continued.";
    let (d, q) = quotes(text);
    let second = q.iter().position(|q| q.0.starts_with("“But presidents")).expect("the open part is a quotation");
    assert_eq!(q[second].0, "“But presidents can’t say anything.");
    assert_eq!(q[second].2.as_deref(), Some("Rubio"));
    assert_eq!(d.quotes[second].part_of, Some(0), "it continues Rubio's quotation");
}

#[test]
fn single_lines_are_paragraphs_in_a_text_that_is_not_hard_wrapped() {
    // Blank lines between some paragraphs, single line breaks between others.
    let text = "Delegates spoke.\n\n“Guns have been a public health crisis for a very long time and should be \
                treated as such,” said Adrian Mapp, a Clinton delegate. “Guns have no place in our neighborhoods.”\n\
                Martha Allen, a Sanders delegate from Vermont, criticized her state’s lax gun laws.";
    let got = direct(text);
    assert_eq!(got[1], ("“Guns have no place in our neighborhoods.”".to_string(), Some("Adrian Mapp".to_string())));
    // Hard-wrapped text keeps its paragraphs across single line breaks.
    let wrapped = "Delegates spoke.\n\n“Guns have no place in our neighborhoods,” said\nAdrian Mapp, a delegate.";
    assert_eq!(direct(wrapped)[0].1.as_deref(), Some("Adrian Mapp"));
}

#[test]
fn a_second_part_in_lower_case_after_the_cue_continues_the_quotation() {
    let text = "“It seems to me they have every incentive to find common ground,” he said of Trump and Ryan, \
                “because to be successful they both need one another.”";
    let (d, q) = quotes(text);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, QuoteKind::Direct);
    assert_eq!(q[1].2.as_deref(), Some("he"));
    assert_eq!(d.quotes[1].part_of, Some(0));
    // A fragment after a cue with no quotation before it stays a fragment.
    let (_, q) = quotes("He said of Trump and Ryan, “because to be successful they both need one another.”");
    assert!(q.iter().all(|q| q.1 != QuoteKind::Direct), "{q:?}");
}
