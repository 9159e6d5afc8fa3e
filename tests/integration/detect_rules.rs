//! Attribution and grouping rules added after measuring on PolNeAR train and GUM: each a small
//! text showing the construction the rule is for.

use sayso::detect::{self, Detections, QuoteKind};
use sayso::model::AttributionType;

fn run(text: &str) -> (Detections, Vec<char>) {
    (detect::detect(text), text.chars().collect())
}

fn s(c: &[char], a: usize, b: usize) -> String {
    c[a..b].iter().collect()
}

/// (quote text, kind, speaker text) for every quotation.
fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    let (d, c) = run(text);
    d.quotes
        .iter()
        .map(|q| (s(&c, q.start, q.end), q.kind, q.speaker.map(|m| s(&c, d.mentions[m].start, d.mentions[m].end))))
        .collect()
}

fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
    quotes(text).into_iter().find(|q| q.0.starts_with(quote_start)).and_then(|q| q.2)
}

#[test]
fn party_and_state_in_parentheses_do_not_hide_the_speaker() {
    let text = "The bill passed.\n\n“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.";
    let sp = speaker_of(text, "“It is a dog whistle").unwrap_or_default();
    assert!(sp.ends_with("Gwen Moore"), "{sp:?}");
}

#[test]
fn a_dash_line_after_the_quotation_names_the_speaker() {
    let text =
        "Readers wrote in.\n“He scares me.” ― Krystal Correa\n“He is ignorant of our culture.” ― Pamela Padilla\n";
    assert_eq!(speaker_of(text, "“He scares me").as_deref(), Some("Krystal Correa"));
    assert_eq!(speaker_of(text, "“He is ignorant").as_deref(), Some("Pamela Padilla"));
}

#[test]
fn a_cue_right_before_the_quotation_wins_over_a_participle_after_it() {
    let text = "In a statement, Peabody said: \"Patriot Coal was highly successful,\" adding that its value grew.";
    assert_eq!(speaker_of(text, "\"Patriot Coal").as_deref(), Some("Peabody"));
}

#[test]
fn a_name_before_an_apposition_speaks_with_a_cue_at_the_end() {
    let text = "Douglas Brinkley, a historian who attended the session, recalled, \"He said it twice.\"";
    assert_eq!(speaker_of(text, "\"He said it twice").as_deref(), Some("Douglas Brinkley"));
}

#[test]
fn a_participle_takes_the_subject_of_the_sentence() {
    let text = "Anthony Kiedis shared the news on social media last week, writing \"Feels great to support someone.\"";
    assert_eq!(speaker_of(text, "\"Feels great").as_deref(), Some("Anthony Kiedis"));
}

#[test]
fn a_name_and_a_colon_introduce_what_that_source_says() {
    let text = "Elizabeth Warren: Donald Trump Is a Proven Failure in Business.\n\nThe senator spoke on Monday.";
    let q = quotes(text);
    assert!(
        q.iter().any(|(t, k, sp)| t == "Donald Trump Is a Proven Failure in Business"
            && *k == QuoteKind::Indirect
            && sp.as_deref() == Some("Elizabeth Warren")),
        "{q:?}"
    );
    // A label that is not a source ("Editor's note:") is not one.
    assert!(quotes("Editor's note: The story was updated on Monday.").is_empty());
}

#[test]
fn a_later_reported_clause_ends_the_first() {
    let text = "Six in 10 voters said Clinton is honest, and three-quarters said the same of Sanders.";
    let q = quotes(text);
    assert!(q.iter().any(|(t, k, _)| t == "Clinton is honest" && *k == QuoteKind::Indirect), "{q:?}");
    assert!(q.iter().any(|(t, _, sp)| t == "the same of Sanders" && sp.as_deref() == Some("three-quarters")), "{q:?}");
}

#[test]
fn a_relative_clause_after_a_comma_ends_the_reported_clause() {
    let text = "Carter said the emails were exchanges with Eric Fanning, who was his chief of staff at the time.";
    let q = quotes(text);
    assert!(q.iter().any(|(t, _, _)| t == "the emails were exchanges with Eric Fanning"), "{q:?}");
}

#[test]
fn a_relative_that_is_not_the_complementiser() {
    let text = "He said he was too busy to look for evidence that would back up his statements.";
    let q = quotes(text);
    assert!(q.iter().any(|(t, _, _)| t.starts_with("he was too busy")), "{q:?}");
}

#[test]
fn nouns_spelled_like_cues_are_not_cues() {
    for text in ["Clinton used a private email server at the State Department.", "The support for the plan grew."] {
        assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
    }
    // …while the verb still is one.
    assert_eq!(speaker_of("“It was fine,” Trump said of waterboarding.", "“It was fine").as_deref(), Some("Trump"));
}

#[test]
fn a_title_joins_the_person_it_introduces_and_stands_for_them_later() {
    let text = "Prime Minister John Key opened the debate. Later the Prime Minister left the room.";
    let (d, c) = run(text);
    let ent = |w: &str| d.mentions.iter().filter(|m| s(&c, m.start, m.end) == w).map(|m| m.entity).collect::<Vec<_>>();
    let key = ent("John Key")[0];
    assert!(ent("Prime Minister").iter().all(|&e| e == key), "{:?}", d.mentions);
    // The title mention keeps its TITLE label.
    assert!(d.mentions.iter().any(|m| m.label == "TITLE" && m.entity == key));
}

#[test]
fn a_definite_description_refers_back_to_a_name() {
    let text = "The Taiwan Lantern Festival opened on Friday. Crowds filled the festival all night.";
    let (d, c) = run(text);
    let ent = |w: &str| d.mentions.iter().find(|m| s(&c, m.start, m.end) == w).map(|m| m.entity);
    assert!(ent("the festival").is_some());
    assert_eq!(ent("the festival"), ent("Lantern Festival"));
}

#[test]
fn x_of_y_organisations_are_one_name() {
    let text = "He left the Church of Scientology in 2005.";
    let (d, c) = run(text);
    assert!(d.mentions.iter().any(|m| s(&c, m.start, m.end) == "Church of Scientology" && m.label == "ORG"));
}

#[test]
fn a_curly_quotation_closed_by_a_straight_mark_is_still_one() {
    let text = "“Most of the guns come from out of state,\" Clinton said during a panel.";
    assert_eq!(speaker_of(text, "“Most of the guns").as_deref(), Some("Clinton"));
}

#[test]
fn a_one_word_name_on_its_own_line_after_the_quotation() {
    let text = "\"I went to Wall Street before the crash.\"\n\n- Clinton.\n\nClinton tends to overstate it.";
    assert_eq!(speaker_of(text, "\"I went").as_deref(), Some("Clinton"));
}

/// Entity of every mention with this exact text.
fn entities_of(d: &Detections, c: &[char], text: &str) -> Vec<usize> {
    d.mentions.iter().filter(|m| s(c, m.start, m.end) == text).map(|m| m.entity).collect()
}

#[test]
fn a_headline_is_reported_speech_only_with_a_verb_of_saying() {
    let text = "Ministers agree new budget as deficit grows\n\nThe vote was held on Monday.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    let text = "Mayor says new budget is fair to everyone\n\nThe vote was held on Monday.";
    assert!(quotes(text).iter().any(|(t, k, _)| t == "new budget is fair to everyone" && *k == QuoteKind::Indirect));
}

#[test]
fn and_between_capitalised_words_can_be_inside_one_organisation_name() {
    let (d, c) = run("The rangers of Greenpeace Central and Eastern Europe said the plan was reckless.");
    assert!(
        d.mentions.iter().any(|m| s(&c, m.start, m.end) == "Greenpeace Central and Eastern Europe" && m.label == "ORG"),
        "{:?}",
        d.mentions
    );
    let (d, c) = run("Officials from Britain and France signed the treaty.");
    assert!(!entities_of(&d, &c, "Britain").is_empty() && !entities_of(&d, &c, "France").is_empty());
}

#[test]
fn she_skips_an_unknown_name_for_a_person_already_called_she() {
    let text = "Transport Minister Zsófia Kertész opened the talks. She warned that costs were rising. \
                Hungary's envoy, Bence Tóth, was more cautious. Michael Brown, an analyst, said the talks would fail.\n\n\
                “We will not wait for the rain,” she said.";
    let (d, c) = run(text);
    let q = d.quotes.iter().find(|q| s(&c, q.start, q.end).starts_with("“We will not wait")).expect("quotation");
    let who = q.speaker_entity.map(|e| d.entities[e].name.clone());
    assert_eq!(who.as_deref(), Some("Zsófia Kertész"));
}

#[test]
fn it_and_its_refer_to_the_organisation_just_named() {
    let (d, c) =
        run("Shares in Nordwind Airlines fell on Monday. It said fuel costs had doubled and its fleet was old.");
    let airline = entities_of(&d, &c, "Nordwind Airlines");
    assert_eq!(airline.len(), 1);
    assert_eq!(entities_of(&d, &c, "It"), airline);
    assert_eq!(entities_of(&d, &c, "its"), airline);
}

#[test]
fn we_in_a_quotation_is_the_organisation_that_speaks() {
    let (d, c) = run("“We will appeal the ruling,” the Harbour Authority said on Friday.");
    let we = entities_of(&d, &c, "We");
    assert_eq!(we, entities_of(&d, &c, "Harbour Authority"));
    assert_eq!(we.len(), 1);
}

#[test]
fn a_name_used_on_its_own_is_also_a_mention_inside_a_longer_name() {
    let (d, c) = run("Clara Voss painted the harbour in 1950. The Clara Voss Foundation now owns the picture.");
    let voss = entities_of(&d, &c, "Clara Voss");
    assert_eq!(voss.len(), 2, "{:?}", d.mentions);
    assert_eq!(voss[0], voss[1]);
}

#[test]
fn one_word_of_a_longer_name_after_the_refers_back_to_it() {
    let (d, c) =
        run("Pilgrims visited the Church of Saint Brendan on Monday. Later the Church said the roof would hold.");
    let church = entities_of(&d, &c, "Church of Saint Brendan");
    assert_eq!(church.len(), 1);
    assert_eq!(entities_of(&d, &c, "Church"), church);
}

#[test]
fn a_version_number_is_part_of_the_name_and_of_its_acronym() {
    let (d, c) =
        run("Engineers at the Skylark Museum restored Orbital Probe 7 last year. The museum said OP7 would fly again.");
    let probe = entities_of(&d, &c, "Orbital Probe 7");
    assert_eq!(probe.len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "OP7"), probe);
    assert_eq!(entities_of(&d, &c, "The museum"), entities_of(&d, &c, "Skylark Museum"));
    // A score is not a version.
    let (d, c) = run("In the final, Sweden 1 – 0 Norway was the result.");
    assert!(entities_of(&d, &c, "Sweden 1").is_empty());
}

#[test]
fn the_event_refers_back_to_a_named_event() {
    let (d, c) = run(
        "Crowds filled the town for the Harbour Games on Sunday. Organisers said the event attracted ten thousand.",
    );
    let games = entities_of(&d, &c, "Harbour Games");
    assert_eq!(games.len(), 1);
    assert_eq!(entities_of(&d, &c, "the event"), games);
}

#[test]
fn a_persons_we_is_the_organisation_named_with_them() {
    let text = "Shares fell on Monday. The Harbour Authority director Ines Calder spoke after the vote.\n\n\
                “We will appeal the ruling,” Calder said.";
    let (d, c) = run(text);
    let we = entities_of(&d, &c, "We");
    assert_eq!(we.len(), 1);
    assert_eq!(we, entities_of(&d, &c, "Harbour Authority"));
}

#[test]
fn a_capital_after_an_opening_quotation_mark_is_no_name() {
    let (d, c) = run("The mayor wrote, “Hoping for rain is not a plan.”");
    assert!(entities_of(&d, &c, "Hoping").is_empty(), "{:?}", d.mentions);
}

#[test]
fn a_title_set_off_by_a_comma_before_a_name_is_that_person() {
    let (d, c) = run("Visitors were greeted by the museum director, Maren Holt, on Friday.");
    let holt = entities_of(&d, &c, "Maren Holt");
    assert_eq!(holt.len(), 1);
    assert_eq!(entities_of(&d, &c, "the museum director"), holt, "{:?}", d.mentions);
}

#[test]
fn british_and_american_spellings_of_an_organisation_are_one_entity() {
    let (d, c) =
        run("Officials at the World Health Organisation met on Monday. Later the World Health Organization said no.");
    let a = entities_of(&d, &c, "World Health Organisation");
    assert_eq!(a.len(), 1);
    assert_eq!(entities_of(&d, &c, "World Health Organization"), a);
}

#[test]
fn the_state_of_a_place_is_the_place() {
    let (d, c) = run("Officials in Texas were angry. The State of Texas will sue, and Texas wants money back.");
    let texas = entities_of(&d, &c, "Texas");
    assert_eq!(texas.len(), 3, "{:?}", d.mentions);
    assert!(texas.iter().all(|&e| e == texas[0]));
    assert_eq!(entities_of(&d, &c, "State of Texas"), vec![texas[0]]);
}

#[test]
fn a_pronoun_prefers_the_name_opening_its_sentence() {
    let text = "Voters met Tom Becker and Ilva Sandqvist on Monday. Ilva Sandqvist of the Green Party lost her seat.";
    let (d, c) = run(text);
    let her = entities_of(&d, &c, "her");
    assert_eq!(her.len(), 1);
    assert!(entities_of(&d, &c, "Ilva Sandqvist").iter().all(|&e| e == her[0]), "{:?}", d.mentions);
}

#[test]
fn a_name_called_it_is_a_thing_not_a_person() {
    let (d, c) = run("Crowds cheered the Silver Arrow on Monday before it left the station.");
    let arrow = entities_of(&d, &c, "Silver Arrow");
    assert_eq!(arrow.len(), 1);
    assert_eq!(entities_of(&d, &c, "it"), arrow);
    assert_ne!(d.entities[arrow[0]].label, "PERSON");
}

#[test]
fn a_place_inside_a_title_or_an_organisation_name_is_a_mention() {
    let (d, c) = run("The talks were led by the Foreign Minister of France, and the Kenya Wildlife Service agreed.");
    assert_eq!(entities_of(&d, &c, "France").len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Kenya").len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Kenya Wildlife Service").len(), 1);
}

#[test]
fn title_words_running_on_to_an_organisation_word_are_part_of_its_name() {
    let (d, c) = run("Rescuers from the Civil Defense Authority arrived on Monday.");
    assert_eq!(entities_of(&d, &c, "Civil Defense Authority").len(), 1, "{:?}", d.mentions);
    assert!(entities_of(&d, &c, "Civil").is_empty());
}

#[test]
fn they_can_be_a_group_named_in_the_plural() {
    let (d, c) = run("On Sunday thousands of Muslims gathered in the square, and their prayers lasted for hours.");
    let muslims = entities_of(&d, &c, "Muslims");
    assert_eq!(muslims.len(), 1);
    assert_eq!(entities_of(&d, &c, "their"), muslims);
}

#[test]
fn a_contracted_pronoun_is_a_mention() {
    let text = "New Zealand's Prime Minister John Key spoke on Monday. He said, \"In the end I'll have one vote.\"";
    let (d, c) = run(text);
    let i = d.mentions.iter().find(|m| s(&c, m.start, m.end) == "I").expect("\"I\" of \"I'll\" is a mention");
    assert_eq!(Some(i.entity), entities_of(&d, &c, "John Key").first().copied(), "{:?}", d.mentions);
}

#[test]
fn a_title_with_to_leads_to_the_name_after_it() {
    let text = "According to Afghan Ambassador to the United States Hamdullah Mohib, the visit was a success.";
    let (d, c) = run(text);
    assert_eq!(d.quotes.len(), 1);
    let sp = d.quotes[0].speaker.map(|m| s(&c, d.mentions[m].start, d.mentions[m].end));
    assert_eq!(sp.as_deref(), Some("Hamdullah Mohib"));
    assert!(
        d.mentions.iter().any(|m| m.label == "TITLE" && s(&c, m.start, m.end) == "Ambassador to the United States")
    );
    assert!(s(&c, d.quotes[0].start, d.quotes[0].end).starts_with("the visit"));
}

#[test]
fn the_name_before_an_apposition_is_the_speaker() {
    let text = "After the match, Hernan Dario Gomez, Panama coach, said, \"I think we have learned a lot.\"";
    assert_eq!(speaker_of(text, "\"I think").as_deref(), Some("Hernan Dario Gomez"));
}

#[test]
fn a_quotation_after_reported_speech_continues_it() {
    let text =
        "Senator John Cornyn issued a statement regarding the decision. \"Like many Texans, I am disappointed.\"";
    assert_eq!(speaker_of(text, "\"Like many").as_deref(), Some("John Cornyn"));
}

#[test]
fn a_pronoun_in_a_quotation_goes_to_the_person_named_in_it() {
    let text = "Kathryn Waters spoke at the gallery. \"Everybody knows Andy Warhol because he was a personality,\" Waters said.";
    let (d, c) = run(text);
    let he = entities_of(&d, &c, "he");
    assert_eq!(he.len(), 1);
    assert_eq!(entities_of(&d, &c, "Andy Warhol"), he, "{:?}", d.mentions);
}

#[test]
fn a_subject_after_of_is_not_a_name_of_its_own() {
    let (d, c) = run("Visitors to the Museum of Flight in Seattle and the University of Texas were many.");
    assert!(entities_of(&d, &c, "Flight").is_empty(), "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Texas").len(), 1, "{:?}", d.mentions);
}

#[test]
fn a_middle_initial_stays_in_the_name() {
    let (d, c) = run("The book was written by L. Ron Hubbard. Later Steven F. Udvar-Hazy gave money to the museum.");
    assert_eq!(entities_of(&d, &c, "L. Ron Hubbard").len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Steven F. Udvar-Hazy").len(), 1, "{:?}", d.mentions);
}

#[test]
fn nouns_and_passives_are_not_speech_cues() {
    for text in [
        "He carried a copy of the book Blown for Good, written by Marc Headley.",
        "The elite group called the Sea Org was first persuaded to travel back to California.",
    ] {
        let q = quotes(text);
        assert!(q.is_empty(), "{text}: {q:?}");
    }
}

#[test]
fn we_is_the_organisation_named_after_the_speaker() {
    let text = "Officials denied it. \"The turbines are running,\" said Andrei Vlase, a spokesman for Hidroelectrica. \"We release what nature gives us.\"";
    let (d, c) = run(text);
    let org = entities_of(&d, &c, "Hidroelectrica");
    assert_eq!(org.len(), 1);
    assert_eq!(entities_of(&d, &c, "We"), org, "{:?}", d.mentions);
}

#[test]
fn we_of_a_person_with_no_organisation_nearby_stays_unresolved() {
    let text = "The Danube Commission met on Monday.\n\nThe weather was dry.\n\nThe river fell again.\n\n\"We are worried,\" Leonore Gessler said.";
    let (d, c) = run(text);
    let commission = entities_of(&d, &c, "Danube Commission");
    assert!(entities_of(&d, &c, "We").iter().all(|e| !commission.contains(e)), "{:?}", d.mentions);
}

#[test]
fn people_from_a_place_speak_not_the_place() {
    let text = "Transport ministers from five Danube countries agreed on Wednesday to dredge the river.";
    let q = quotes(text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Transport ministers from five Danube countries"));
}

#[test]
fn a_second_verb_of_the_speaker_ends_the_reported_clause() {
    let q = quotes("Spicer said the party was not in a crisis and called the convention a formality.");
    assert!(q.iter().any(|q| q.0 == "the party was not in a crisis" && q.1 == QuoteKind::Indirect), "{q:?}");
    // In another tense the verb belongs to the reported clause.
    let q = quotes("Kasich says he spoke to Trump and warned him about violence.");
    assert!(q.iter().any(|q| q.0 == "he spoke to Trump and warned him about violence"), "{q:?}");
}

#[test]
fn a_day_between_the_subject_and_the_cue_is_not_the_speaker() {
    let q = quotes("In a statement, the Kentucky Republican on Tuesday said the new rules were illegal.");
    assert!(q.iter().any(|q| q.2.as_deref() == Some("the Kentucky Republican")), "{q:?}");
    let q = quotes("Paul Tuesday night said the new rules were illegal.");
    assert!(q.iter().any(|q| q.2.as_deref() == Some("Paul")), "{q:?}");
    let q = quotes("She escalated her criticism on Tuesday, telling CNN that Trump is a fake.");
    assert!(q.iter().any(|q| q.0 == "that Trump is a fake" && q.2.as_deref() == Some("She")), "{q:?}");
}

#[test]
fn a_speaker_after_the_clause_may_carry_an_apposition() {
    let text = "The race has helped drive voters to the polls, said Steven Taylor, a professor at American University.";
    let q = quotes(text);
    assert!(
        q.iter()
            .any(|q| q.0 == "The race has helped drive voters to the polls" && q.2.as_deref() == Some("Steven Taylor")),
        "{q:?}"
    );
}

#[test]
fn the_name_before_a_relative_clause_or_a_dashed_apposition_speaks() {
    let text = "Mr. Paulson, who made billions of dollars on a bet against subprime mortgages, told investors \
that the concerns were overblown.";
    let sp = speaker_of(text, "that the concerns").unwrap_or_default();
    assert!(sp.ends_with("Paulson"), "{sp:?}");
    let text = "Sarah Reynolds - his girlfriend and co-host on his YouTube channel - told The Washington Post \
that his views changed in 2002.";
    assert_eq!(speaker_of(text, "that his views").as_deref(), Some("Sarah Reynolds"));
    let text = "Intro.\n\nThe Danube Commission, which oversees navigation on the river, said in a statement \
that 312 vessels were waiting.";
    assert_eq!(speaker_of(text, "that 312").as_deref(), Some("Danube Commission"));
}

#[test]
fn a_place_that_is_also_a_given_name_opens_a_person_name() {
    let text = "The match was close.\n\nChad Smith met Georgia Jones in Amman. Jordan and Chad sent envoys.";
    let (d, c) = run(text);
    let labelled: Vec<(String, &str)> = d.mentions.iter().map(|m| (s(&c, m.start, m.end), m.label)).collect();
    for want in [("Chad Smith", "PERSON"), ("Georgia Jones", "PERSON"), ("Jordan", "GPE"), ("Chad", "GPE")] {
        assert!(labelled.iter().any(|(t, l)| t == want.0 && *l == want.1), "{want:?} in {labelled:?}");
    }
}

#[test]
fn a_name_in_apposition_after_the_quotation_speaks() {
    let text = "Intro.\n\n“Positions are gonna soften on Donald Trump,” California Rep. Duncan Hunter’s chief of staff, \
Joe Kasper, told POLITICO.";
    assert_eq!(speaker_of(text, "“Positions").as_deref(), Some("Joe Kasper"));
}

#[test]
fn a_statement_issued_speaks_for_its_author() {
    let q =
        quotes("Intro.\n\nPaul Ryan issued a statement describing the meeting as a very positive step toward unity.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "the meeting as a very positive step toward unity");
    assert_eq!(q[0].2.as_deref(), Some("Paul Ryan"));
}

/// (quote text, speaker text, speaker's entity label, attribution type) for every quotation.
fn typed(text: &str) -> Vec<(String, Option<String>, Option<&'static str>, AttributionType)> {
    let (d, c) = run(text);
    d.quotes
        .iter()
        .map(|q| {
            let m = q.speaker.map(|m| &d.mentions[m]);
            (
                s(&c, q.start, q.end),
                m.map(|m| s(&c, m.start, m.end)),
                m.map(|m| d.entities[m.entity].label),
                q.attribution,
            )
        })
        .collect()
}

#[test]
fn a_negated_cue_reports_nothing_and_the_negation_is_no_part_of_a_name() {
    for text in [
        "Intro.\n\nMcCallum didn't say whether the plan would go ahead.",
        "Intro.\n\nThe mayor didn’t explain why the budget was cut.",
        "Intro.\n\nThe campaign did not respond to a request for comment.",
    ] {
        let q = typed(text);
        assert!(q.is_empty(), "{text}: {q:?}");
    }
    // The name before a negated verb is still found for a later cue of the same sentence.
    let q = typed("Intro.\n\n“We are not done,” said McCallum, who didn’t run again.");
    assert_eq!(q[0].1.as_deref(), Some("McCallum"), "{q:?}");
}

#[test]
fn a_month_a_day_or_a_number_before_a_cue_is_never_the_speaker() {
    let q =
        typed("Intro.\n\nNovember showed that sales were rising again.\n\nThe Model 3 showed that demand is strong.");
    assert!(q.is_empty(), "{q:?}");
    // A time phrase between the subject and the verb is stepped over.
    let q = typed("Intro.\n\nThe Republican National Committee this week announced that it would open a website.");
    assert_eq!(q[0].1.as_deref(), Some("Republican National Committee"), "{q:?}");
    let q = typed("Intro.\n\nAides to Mr. Sanders in July said that they wanted strong planks.");
    assert!(q[0].1.as_deref().is_some_and(|s| s.ends_with("Sanders") || s.starts_with("Aides")), "{q:?}");
    // A month that is a person's name stays one.
    let q = typed("Intro.\n\nTheresa May said that the talks would go on.");
    assert_eq!(q[0].1.as_deref(), Some("Theresa May"), "{q:?}");
}

#[test]
fn a_document_or_data_is_the_source_of_evidence_not_a_person() {
    for (text, source) in [
        ("Intro.\n\nCity documents show the cost rose to $4 million.", "City documents"),
        ("Intro.\n\nVideos show that the officers were standing nearby.", "Videos"),
        ("Intro.\n\nA new report says that emissions rose last year.", "A new report"),
        // "reports" before an auxiliary is a noun, the source, not a cue.
        ("Recent reports have revealed that the defector was arrested in California.", "Recent reports"),
    ] {
        let q = typed(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(q[0].1.as_deref(), Some(source));
        assert_ne!(q[0].2, Some("PERSON"), "{text}: {q:?}");
        assert_eq!(q[0].3, AttributionType::Evidence, "{text}");
    }
}

#[test]
fn the_cue_gives_the_attribution_its_type() {
    let q = typed(
        "Intro.\n\nThe mayor said that the budget was balanced. Critics believe that taxes will rise. \
The council plans to cut the budget. A study found that rents rose. She asked whether the vote was fair.",
    );
    let types: Vec<AttributionType> = q.iter().map(|x| x.3).collect();
    use AttributionType::*;
    assert_eq!(types, [Statement, Belief, Belief, Evidence, Question], "{q:?}");
}

#[test]
fn a_quotation_is_not_given_to_a_document_whose_cue_is_in_the_sentence_before() {
    let text = "Intro.\n\nHeald noted the findings show pollution reduction is also important. \"An air-quality \
cleanup would improve crop yields. Ozone is something that we understand.\"";
    assert_eq!(speaker_of(text, "\"An air").as_deref(), Some("Heald"));
}

#[test]
fn a_heading_before_a_colon_is_not_a_source() {
    for text in [
        "Sports\n\nKEEPING SCORE: The Raptors beat the Celtics 110-99 on Sunday night.",
        "Markets\n\nJAPAN ECONOMY: Exports fell for a third month in a row.",
        "Campaign\n\nThe Latest: Cruz to give away an engraved shotgun to a supporter.",
    ] {
        let q = typed(text);
        assert!(q.iter().all(|x| x.1.as_deref().is_none_or(|s| !text.contains(&format!("{s}:")))), "{text}: {q:?}");
    }
    // Reported speech after a heading starts after its colon.
    let q = typed("Markets\n\nJAPAN ECONOMY: Exports fell for a third month, the ministry said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!((q[0].0.as_str(), q[0].1.as_deref()), ("Exports fell for a third month", Some("the ministry")));
    // A name before a colon still speaks, in capitals too.
    for (text, who) in [
        ("Debate\n\nCLINTON: Honestly, we have to do more for working families.", "CLINTON"),
        ("Debate\n\nHILLARY CLINTON: We have to do more for working families.", "HILLARY CLINTON"),
    ] {
        let q = typed(text);
        assert!(q.iter().any(|x| x.1.as_deref() == Some(who)), "{text}: {q:?}");
    }
}

#[test]
fn each_quotation_names_the_rule_that_found_it() {
    for (text, start, rule) in [
        ("Intro.\n\n“We will win,” he said.", "“We will win", "attr.direct.cue_after"),
        ("Intro.\n\nThe minister said: “We will win.”", "“We will win", "attr.direct.cue_right_before"),
        ("Intro.\n\nAccording to officials, the plan is dead.", "the plan", "attr.indirect.according_to"),
        ("Intro.\n\nThe mayor said that the budget was balanced.", "that the budget", "attr.indirect.that_clause"),
        ("Intro.\n\nThe budget is balanced, the mayor said.", "The budget", "attr.indirect.clause_before"),
    ] {
        let d = detect::detect(text);
        let c: Vec<char> = text.chars().collect();
        let q = d.quotes.iter().find(|q| s(&c, q.start, q.end).starts_with(start)).expect(text);
        assert_eq!(q.rule, rule, "{text}");
    }
}

#[test]
fn it_speaks_for_a_country_but_not_for_a_city() {
    let speaker_entity = |text: &str| -> Option<(&'static str, String)> {
        let d = detect::detect(text);
        let q = d.quotes.iter().find(|q| q.speaker.is_some())?;
        q.speaker_entity.map(|e| (d.entities[e].label, d.entities[e].name.clone()))
    };
    let city = speaker_entity("Intro.\n\nGeneva hosted the talks. It said the meeting was useful.");
    assert!(city.as_ref().is_none_or(|(_, name)| name != "Geneva"), "{city:?}");
    let country = speaker_entity("Intro.\n\nRussia rejected the plan. It said the proposal was one-sided.");
    assert_eq!(country.map(|(_, n)| n).as_deref(), Some("Russia"));
}

#[test]
fn a_name_before_its_parenthesis_and_an_apposition_speaks() {
    let text = "And Sen. Rob Portman (R-Ohio), another incumbent, said he had not thought about enlisting Cruz.";
    assert_eq!(speaker_of(text, "he had not thought").as_deref(), Some("Rob Portman"));
}

#[test]
fn an_unlisted_name_before_a_relative_clause_speaks() {
    let text = "Wilcox, whose education was paid for by the military, said he would like to see more of it.";
    assert_eq!(speaker_of(text, "he would like").as_deref(), Some("Wilcox"));
    // A cue inside the relative clause is part of the subject, not a second speaker.
    let text = "Cruz, who says Trump is attacking him, said GOP voters should go with him.";
    assert_eq!(speaker_of(text, "GOP voters").as_deref(), Some("Cruz"));
}

#[test]
fn an_apposition_of_any_shape_may_close_an_inverted_attribution() {
    let text = "The Internet has sped up such misinformation, said Angie Drobnic Holan, Politifact's editor.";
    assert_eq!(speaker_of(text, "The Internet has").as_deref(), Some("Angie Drobnic Holan"));
}

#[test]
fn speech_reported_in_an_opening_subordinate_clause_ends_at_its_comma() {
    let q = quotes("While those surveyed said Jeb Bush has the best experience, Trump is the one voters trust.");
    assert!(q.iter().any(|q| q.0 == "Jeb Bush has the best experience"), "{q:?}");
    // A sentence without a subordinator is unchanged.
    let q = quotes("Officials said Jeb Bush has the best experience, the strongest record and the most money.");
    assert!(q.iter().any(|q| q.0.starts_with("Jeb Bush") && q.0.ends_with("most money")), "{q:?}");
}

#[test]
fn a_person_named_after_a_cue_that_follows_a_comma_speaks_whatever_stands_before_it() {
    let text = "Cruz has little backing from colleagues in Congress, whom he has alienated with his rhetoric, \
                said Larry Sabato, director of the Center for Politics.";
    let q = quotes(text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("Cruz has little backing") && q[0].0.ends_with("rhetoric"), "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Larry Sabato"));
    let text = "The plant is under intense pressure from imports, said the company's chief executive, John Ferriola.";
    assert_eq!(speaker_of(text, "The plant").as_deref(), Some("the company's chief executive"));
}

#[test]
fn a_second_verb_takes_the_subject_after_an_opening_phrase_or_a_role() {
    let text =
        "In a brief interview, Ms. Conway rejected the idea and said that Mr. Manafort was not being diminished.";
    assert_eq!(speaker_of(text, "that Mr. Manafort").as_deref(), Some("Conway"));
    let text = "A campaign spokesman defended the route and said the police had trained for months.";
    assert_eq!(speaker_of(text, "the police had").as_deref(), Some("A campaign spokesman"));
    // A word that is not a role does not become a speaker.
    let q = quotes("The old route crossed the square and said little about anything at all.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_bare_word_in_s_after_an_adverb_is_a_verb_not_a_speaker() {
    let q = quotes("Cruz also lacks support from his Republican colleagues in Congress.");
    assert!(q.iter().all(|q| q.2.as_deref() != Some("lacks")), "{q:?}");
    // A plural subject still speaks.
    assert_eq!(speaker_of("Officials also said the talks would resume.", "the talks").as_deref(), Some("Officials"));
}

#[test]
fn party_and_state_after_a_comma_do_not_end_the_attribution() {
    let text = "Clinton supports the bill.\n\n“Our assumption is that the veto will be overridden,” Senate \
                Majority Leader Mitch McConnell, R-Ky., said Tuesday.";
    let sp = speaker_of(text, "“Our assumption").unwrap_or_default();
    assert!(sp.ends_with("Mitch McConnell"), "{sp:?}");
}

#[test]
fn a_possessive_my_opens_a_speaker() {
    let text = "I grew up in Ohio.\n\n“We live in Satan's kingdom,” my father often said.";
    assert_eq!(speaker_of(text, "“We live").as_deref(), Some("my father"));
}

#[test]
fn a_participle_after_a_comma_takes_the_subject_not_the_noun_before_the_comma() {
    let text = "Donald Trump spoke in Ohio.\n\nDuring a speech earlier in the day, Trump attacked Clinton for \
                her support of military action in Iraq and Libya, saying, \"She's trigger-happy and very unstable.\"";
    assert_eq!(speaker_of(text, "\"She's trigger-happy").as_deref(), Some("Trump"));
}

#[test]
fn a_quotation_after_a_long_attribution_continues_the_same_speaker() {
    let text = "\"Subpoenas are not optional,\" panel Chairman Rep. Jason Chaffetz said after Pagliano \
                failed to show up at the second committee hearing of the oversight panel in the past two weeks. \"Mr. Pagliano is a crucial fact witness in this investigation.\"";
    let sp = speaker_of(text, "\"Mr. Pagliano").unwrap_or_default();
    assert!(sp.ends_with("Jason Chaffetz"), "{sp:?}");
}

#[test]
fn an_unknown_name_opening_a_sentence_before_who_is_a_person_and_the_speaker() {
    let text = "The Clinton campaign released an ad this week.\n\nRucker Culpepper, who runs Clinton's \
                get-out-the-vote effort for military families, said, \"Trump has been disrespecting our veterans.\"";
    assert_eq!(speaker_of(text, "\"Trump has been").as_deref(), Some("Rucker Culpepper"));
    let (d, c) = run(text);
    let person = d.mentions.iter().find(|m| s(&c, m.start, m.end) == "Rucker Culpepper").expect("a mention");
    assert_eq!(person.label, "PERSON");
}

#[test]
fn a_heading_in_capitals_before_a_colon_names_no_one() {
    let text = "The Raptors beat Boston on Sunday.\n\nKEEPING SCORE: Toronto has won six straight games at home.\n\n\
                DONALD TRUMP: the candidate spoke in Ohio.";
    let (d, c) = run(text);
    let names: Vec<(String, &str)> = d.mentions.iter().map(|m| (s(&c, m.start, m.end), m.label)).collect();
    assert!(!names.iter().any(|(n, _)| n.contains("KEEPING") || n.contains("SCORE")), "{names:?}");
    assert!(names.iter().any(|(n, l)| n == "DONALD TRUMP" && *l == "PERSON"), "{names:?}");
}

#[test]
fn words_in_quotation_marks_after_so_called_are_a_term_not_a_quotation() {
    let text = "The so-called “middle man” took a cut, the report said.";
    let found = quotes(text);
    assert!(!found.iter().any(|q| q.0 == "“middle man”"), "{found:?}");
}

#[test]
fn the_source_of_evidence_before_its_cue_is_a_thing_not_a_person() {
    let text = "The final showed that the team had improved, the coach said.";
    let (d, c) = run(text);
    let labels: Vec<(String, &str)> = d.mentions.iter().map(|m| (s(&c, m.start, m.end), m.label)).collect();
    assert!(labels.iter().any(|(t, l)| t == "The final" && *l == "ORG"), "{labels:?}");
    assert!(labels.iter().any(|(t, l)| t == "the coach" && *l == "PERSON"), "{labels:?}");
}

#[test]
fn a_participle_after_be_is_a_passive_not_an_intention() {
    let text = "Lavrov said that Russia is aimed to fight terrorists in Syria till the end.";
    let q = quotes(text);
    assert!(q.iter().all(|(_, _, sp)| sp.as_deref() == Some("Lavrov")), "{q:?}");
}

#[test]
fn who_after_a_name_speaks_for_that_name() {
    let text = "Charles Barkley, who said he typically votes Democratic, likes Kasich.";
    let (d, c) = run(text);
    let q = d.quotes.iter().find(|q| s(&c, q.start, q.end) == "he typically votes Democratic").expect("quotation");
    let who = q.speaker_entity.map(|e| d.entities[e].name.clone());
    assert_eq!(who.as_deref(), Some("Charles Barkley"));
}

#[test]
fn an_abbreviation_in_brackets_is_the_name_before_it() {
    let (d, c) = run("The Union of Rationalist Atheists and Agnostics (UAAR) will appeal. UAAR said it was sure.");
    let u = entities_of(&d, &c, "UAAR");
    assert_eq!(u.len(), 2, "{:?}", d.mentions);
    assert!(u.iter().all(|&e| Some(&e) == entities_of(&d, &c, "Union of Rationalist Atheists").first()));
    let (d, c) = run("The head of CEI (Italian Episcopal Conference) spoke on Sunday.");
    assert_eq!(entities_of(&d, &c, "CEI"), entities_of(&d, &c, "Episcopal Conference"), "{:?}", d.mentions);
}

#[test]
fn a_listed_place_is_the_same_as_its_abbreviation() {
    let (d, c) = run("The fire started in Los Angeles on Monday. Officers of the LA Sheriff's office were sent.");
    let la = entities_of(&d, &c, "LA");
    assert_eq!(la.len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Los Angeles"), la);
}

#[test]
fn the_last_word_of_a_products_name_is_the_product() {
    let (d, c) = run("Google Chrome is gaining users. Firefox is nearly tied with Chrome this month.");
    let chrome = entities_of(&d, &c, "Chrome");
    assert_eq!(chrome.len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Google Chrome"), chrome);
}

#[test]
fn a_known_persons_surname_is_the_person_not_a_word_of_a_longer_name() {
    let (d, c) = run(
        "Andy Warhol founded the Warhol Factory in New York. Critics still praise the Warhol exhibit at the museum.",
    );
    let warhol = entities_of(&d, &c, "Warhol");
    assert_eq!(warhol.len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Andy Warhol"), warhol);
}

#[test]
fn he_in_a_quotation_is_a_man_before_someone_of_unknown_gender() {
    let (d, c) =
        run("Andy Warhol painted soup cans in the sixties.\n\n\"People loved his pictures of Marilyn, and he was \
         ground-breaking,\" curator Kathryn Waters said.");
    assert_eq!(entities_of(&d, &c, "he"), entities_of(&d, &c, "Andy Warhol"), "{:?}", d.mentions);
}

#[test]
fn a_title_or_role_after_a_name_and_a_comma_is_that_person() {
    let (d, c) = run("The State Department said John Kerry, the Secretary of State, called on Monday.");
    let kerry = entities_of(&d, &c, "John Kerry");
    assert_eq!(entities_of(&d, &c, "Secretary of State"), kerry, "{:?}", d.mentions);
    let (d, c) = run("Intro.\n\nJeff Rathke, the department spokesman, said the talks went well.");
    assert_eq!(entities_of(&d, &c, "the department spokesman"), entities_of(&d, &c, "Jeff Rathke"));
}

#[test]
fn a_name_after_a_title_is_a_person_to_group_by_surname() {
    let (d, c) = run("Intro.\n\nAccording to Afghan Ambassador to the United States Hamdullah Mohib, the team showed \
         progress. Later, Ambassador Hamdullah Mohib said more.");
    let mohib = entities_of(&d, &c, "Hamdullah Mohib");
    assert_eq!(mohib.len(), 2, "{:?}", d.mentions);
    assert_eq!(mohib[0], mohib[1], "{:?}", d.mentions);
    assert_eq!(d.entities[mohib[0]].label, "PERSON");
}

#[test]
fn a_name_opening_with_a_nationality_is_the_same_without_it() {
    let (d, c) =
        run("Intro.\n\nThe case went to the Italian Supreme Court of Cassation last year. Later the Supreme Court \
         ruled against the city.");
    let court = entities_of(&d, &c, "Supreme Court");
    assert_eq!(court.len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Italian Supreme Court"), court);
}

#[test]
fn a_stance_on_a_place_before_a_name_is_not_part_of_it() {
    let (d, c) =
        run("Intro.\n\nThe pro-Beijing New People's Party won two seats, and New People's Party leader Regina Ip was \
         re-elected.");
    let party = entities_of(&d, &c, "New People's Party");
    assert_eq!(party.len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "pro-Beijing New People's Party"), party);
}

#[test]
fn a_name_of_unknown_type_spells_out_an_abbreviation_used_before() {
    let (d, c) = run(
        "Intro.\n\nUsers were told to update to a newer IE. Since then the share of Internet Explorer is slipping.",
    );
    let ie = entities_of(&d, &c, "IE");
    assert_eq!(ie.len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Internet Explorer"), ie);
}

#[test]
fn the_last_word_of_a_products_name_is_the_product_even_before_a_verb() {
    let (d, c) = run("Intro.\n\nGoogle Chrome is gaining, and Chrome continues to surge.");
    let chrome = entities_of(&d, &c, "Chrome");
    assert_eq!(chrome.len(), 1, "{:?}", d.mentions);
    assert_eq!(entities_of(&d, &c, "Google Chrome"), chrome);
}

#[test]
fn he_goes_past_someone_of_unknown_gender_to_the_man_the_passage_is_about() {
    let (d, c) = run(
        "Andy Warhol painted soup cans. Critics said Warhol loved fame. Pictures of Marilyn sold well, and he kept \
         painting them.",
    );
    assert_eq!(entities_of(&d, &c, "he"), entities_of(&d, &c, "Andy Warhol"), "{:?}", d.mentions);
}

#[test]
fn a_phrase_of_occasion_between_subject_and_verb_is_not_the_speaker() {
    let text =
        "Lavrov said many delegations during the plenary meeting expressed concern over the situation in Aleppo.";
    let found = quotes(text);
    let nested = found.iter().find(|q| q.0.starts_with("over the situation")).expect("the delegations' concern");
    assert_eq!(nested.2.as_deref(), Some("many delegations"), "{found:?}");
}

#[test]
fn a_word_of_a_title_is_no_name_of_its_own() {
    let text = "The Russian top diplomat called on UN Special Envoy for Syria Staffan De Mistura to stop the delay.";
    let (d, c) = run(text);
    let names: Vec<(String, &str)> = d.mentions.iter().map(|m| (s(&c, m.start, m.end), m.label)).collect();
    assert!(!names.iter().any(|(n, l)| n == "Envoy" && *l == "PERSON"), "{names:?}");
    assert!(names.iter().any(|(n, l)| n == "Staffan De Mistura" && *l == "PERSON"), "{names:?}");
}

#[test]
fn people_named_by_what_they_know_about_speak_not_the_subject() {
    let text = "Tensions rose again.\n\nExperts on China and nuclear weapons said the test was a step forward.";
    assert_eq!(speaker_of(text, "the test was").as_deref(), Some("Experts on China and nuclear weapons"));
}

#[test]
fn a_country_opening_the_sentence_speaks_through_its_government() {
    let text = "The launch drew protests.\n\nEven China, Pyongyang's only ally, said it was opposed to the test.";
    assert_eq!(speaker_of(text, "it was opposed").as_deref(), Some("China"));
}

#[test]
fn a_party_named_in_the_plural_speaks_after_a_first_verb() {
    let text = "The vote was delayed.\n\nDemocrats met on Monday, and said they would oppose the bill.";
    assert_eq!(speaker_of(text, "they would oppose").as_deref(), Some("Democrats"));
}

#[test]
fn a_second_cue_with_that_ends_the_first_statement_whatever_its_tense() {
    let text =
        "The race is close.\n\nHis aides say it's too early to call the race but noted that Scott won the county.";
    let q = quotes(text);
    let first = q.iter().find(|q| q.0.starts_with("it's too early")).expect("first statement");
    assert!(!first.0.contains("but"), "{:?}", first.0);
}

#[test]
fn a_participle_of_saying_speaks_for_a_role_or_people_named_by_their_role() {
    let text = "The vote was delayed.\n\nThe mayor left the meeting on Monday, saying that he would never vote for it.\n\nCritics attacked the decision, arguing that it was a mistake.";
    assert_eq!(speaker_of(text, "that he would never").as_deref(), Some("The mayor"));
    assert_eq!(speaker_of(text, "that it was a mistake").as_deref(), Some("Critics"));
}

#[test]
fn a_clause_of_time_after_the_cue_says_when_not_what() {
    let text = "The farm stayed.\n\nHe kept the land, as his father said before he died.\n\nThe mayor smiled and said as he launched the process.\n\nTrump said after the convention he would not accept the endorsement.";
    let q = quotes(text);
    assert!(!q.iter().any(|q| q.0.starts_with("before he died") || q.0.starts_with("as he launched")), "{q:?}");
    assert!(q.iter().any(|q| q.0.contains("he would not accept")), "{q:?}");
}

#[test]
fn a_verb_that_reports_only_with_that_goes_on_or_keeps_without_it() {
    let text = "The race tightened.\n\nCruz continued his assault on Mr. Bush.\n\nClinton maintains a wide lead over Sanders.\n\nThe senator maintained that the deal was fair.";
    let q = quotes(text);
    assert!(!q.iter().any(|q| q.0.starts_with("his assault") || q.0.starts_with("a wide lead")), "{q:?}");
    assert_eq!(speaker_of(text, "that the deal was fair").as_deref(), Some("The senator"));
}

#[test]
fn a_cue_followed_by_and_or_from_is_a_noun_not_a_report() {
    let text = "The debate ended.\n\nGetting praise from Bush's team isn't likely to help Rubio.\n\nThe senator said from the start that the deal was fair.";
    let q = quotes(text);
    assert!(!q.iter().any(|q| q.0.starts_with("from Bush")), "{q:?}");
    assert!(q.iter().any(|q| q.0.contains("the deal was fair")), "{q:?}");
}

#[test]
fn a_passive_speech_verb_before_a_stop_reports_nothing_its_subject_said() {
    for text in [
        "The Clean Air Act and the Nobel Peace Prize were also mentioned, as was the DNA of the city.",
        "The mayor was told, and the council was informed.",
    ] {
        assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
    }
    // Active, the same verb reports.
    let q = quotes("The mayor told reporters, as was expected, that the bridge would close.");
    assert!(q.iter().any(|q| q.2.as_deref() == Some("The mayor")), "{q:?}");
}

#[test]
fn a_fragment_closed_by_a_comma_and_an_inverted_cue_is_that_speakers() {
    // The cue right after the fragment, not a later verb in the sentence, attributes it.
    let text = "As for complexity, ''broadening the base inevitably involves a certain amount of \
                administration,'' said Mr. Kamin, who emphasized that her proposals would simplify returns.";
    assert_eq!(speaker_of(text, "''broadening").as_deref(), Some("Kamin"));
    // The reporter's words before the fragment are reported speech of the same speaker, an aside
    // in parentheses closing the sentence or not.
    let text = "However laudable the goal, using the tax ''is a misguided approach,'' said Mr. Burman \
                (a view echoed by everyone I interviewed).";
    let found = quotes(text);
    assert!(
        found.iter().any(|q| q.1 == QuoteKind::Indirect
            && q.0.starts_with("However laudable")
            && q.2.as_deref() == Some("Burman")),
        "{found:?}"
    );
}

#[test]
fn a_title_cased_line_in_quotation_marks_alone_is_a_subheading() {
    let text = "\"These are strange days,\" said Peter Morgan, a lawyer.\n\n'Legend in the Coal Fields.'\n\n\
                Bankruptcy is like a chess game.\n\n\"We will not stop now.\"\n";
    let found = quotes(text);
    assert!(!found.iter().any(|q| q.0.contains("Legend")), "{found:?}");
    // A sentence of its own in quotation marks still continues the passage.
    assert!(found.iter().any(|q| q.0.contains("We will not stop now")), "{found:?}");
}

#[test]
fn a_scare_quote_inside_a_phrase_is_no_quotation_but_a_fragment_that_ends_one_is() {
    let text = "Police warned parents about \"sextortion\" schemes targeting teens. \
                The minister called on the rebels to stop \"sabotaging\" the talks, officials said. \
                She said workers \"deserve better than this.\"";
    let found = quotes(text);
    assert!(!found.iter().any(|q| q.1 == QuoteKind::Mixed && q.0.contains("sextortion")), "{found:?}");
    assert!(found.iter().any(|q| q.1 == QuoteKind::Mixed && q.0.contains("deserve better")), "{found:?}");
    assert!(found.iter().any(|q| q.1 == QuoteKind::Mixed && q.0.contains("sabotaging")), "{found:?}");
}

#[test]
fn the_reporters_words_running_on_from_a_quotation_are_part_of_it() {
    let text = "The hearing went on.\n\n“You squeezed employees to the breaking point” to drive up the stock price, \
Warren said. Spokeswoman Jessica Ditto said via email that, “Of course Mr. Trump is going to defend himself” against \
what the campaign sees as an attack. “I love you” he said.";
    let q = quotes(text);
    let find = |start: &str| q.iter().find(|x| x.0.starts_with(start)).unwrap_or_else(|| panic!("{start}: {q:?}"));
    let warren = find("“You squeezed");
    assert_eq!(warren.0, "“You squeezed employees to the breaking point” to drive up the stock price");
    assert_eq!((warren.1, warren.2.as_deref()), (QuoteKind::Direct, Some("Warren")));
    let ditto = find("“Of course");
    assert!(ditto.0.ends_with("against what the campaign sees as an attack"), "{ditto:?}");
    assert_eq!(ditto.2.as_deref(), Some("Jessica Ditto"));
    // A cue right after the closing mark is the attribution, not more of the clause.
    assert_eq!(find("“I love you").0, "“I love you”");
    // The clause is one attribution: no reported speech of its own around the quotation.
    assert_eq!(q.iter().filter(|x| x.0.contains("stock price")).count(), 1, "{q:?}");
}

#[test]
fn a_paragraph_opening_with_another_style_of_mark_starts_a_new_quotation() {
    // An article quoting another paragraph by paragraph with straight marks, the quoted article's
    // own quotations curly.
    let text = "The piece goes on:\n\n\"Kevin was snoring.\n\n“Here he is, babe,” she said. “Donald’s here.”";
    let q = quotes(text);
    assert!(q.iter().any(|x| x.0 == "“Here he is, babe,”" && x.2.as_deref() == Some("she")), "{q:?}");
    // The same style of mark carries a quotation over the break.
    let text = "He went on.\n\n“We will win.\n\n“We will win big,” he said.";
    let q = quotes(text);
    assert!(q.iter().any(|x| x.0.starts_with("“We will win.") && x.0.ends_with("big,”")), "{q:?}");
}

#[test]
fn a_song_is_attributed_to_its_singer_but_a_song_sung_is_not_reported_speech() {
    let text = "The clip aired on Friday.\n\n“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton.";
    assert_eq!(speaker_of(text, "“Promise mama").as_deref(), Some("Blige"));
    assert!(quotes("The choir sang the national anthem before the game.").is_empty());
}

#[test]
fn a_participle_after_a_comma_reports_what_the_subject_of_the_sentence_says() {
    let text = "Trump has tried to use the ad against Clinton, accusing her of being asleep during the attack.";
    assert_eq!(speaker_of(text, "her of being asleep").as_deref(), Some("Trump"));
}

#[test]
fn a_persons_we_is_the_country_of_the_nationality_named_with_them() {
    let text = "Finnish Foreign Minister Aino Lahti spoke in Oslo on Monday about the Arctic Council, which \
                met there. Finland wants the council to act.\n\n“We cannot accept that,” Lahti said.";
    let (d, c) = run(text);
    let we = entities_of(&d, &c, "We");
    assert_eq!(we.len(), 1);
    assert_eq!(we, entities_of(&d, &c, "Finland"), "{:?}", d.mentions);
}

#[test]
fn an_it_standing_for_the_clause_after_it_refers_to_nothing_named() {
    let text = "Ministers met in Geneva on Friday. The minister admitted that it is impossible to be sure that \
                the meeting will take place. Geneva said it was ready.";
    let (d, c) = run(text);
    let at = |phrase: &str| text[..text.find(phrase).unwrap()].chars().count();
    let mention_at = |start: usize| d.mentions.iter().find(|m| m.start == start);
    assert!(mention_at(at("it is impossible")).is_none(), "{:?}", d.mentions);
    // An "it" that is the subject of its own clause still refers back.
    let geneva = entities_of(&d, &c, "Geneva")[0];
    assert_eq!(mention_at(at("it was ready")).map(|m| m.entity), Some(geneva));
}

#[test]
fn a_participle_after_a_quotation_and_its_cue_reports_what_that_speaker_adds() {
    let text = "The panel met.\n\n“Immunity deals should not be a requirement,” Chairman Jason Chaffetz said in a \
                statement, adding that the agreements were handed out like candy.";
    assert_eq!(speaker_of(text, "that the agreements").as_deref(), Some("Jason Chaffetz"));
}

#[test]
fn a_party_and_a_title_before_the_name_open_the_subject_of_a_participle() {
    let text = "Democratic presidential nominee Hillary Clinton chimed in on Twitter, saying that officials \
                should release the videos.";
    assert_eq!(speaker_of(text, "that officials").as_deref(), Some("Hillary Clinton"));
}

#[test]
fn a_stance_verb_attributes_its_object_not_the_occasion_after_it() {
    let q =
        quotes("Bill Clinton criticized the Affordable Care Act as a crazy system during a campaign stop in Flint.");
    assert!(q.iter().any(|x| x.0 == "the Affordable Care Act as a crazy system"), "{q:?}");
    let q = quotes("The host denounced the annexation in a statement on Monday.");
    assert!(q.iter().any(|x| x.0 == "the annexation"), "{q:?}");
    // A place in the object stays part of it.
    let q = quotes("The mayor criticized the police killings in Ferguson.");
    assert!(q.iter().any(|x| x.0 == "the police killings in Ferguson"), "{q:?}");
}

#[test]
fn a_semicolon_closes_the_reported_clause() {
    let q = quotes("Officials said the timing was not intentional; they only learned of it on Friday.");
    assert!(q.iter().any(|x| x.0 == "the timing was not intentional"), "{q:?}");
}

#[test]
fn mocking_thanking_and_citing_attribute_their_object() {
    let q = quotes("Senator Mary Walsh cited the bill on Tuesday. Her rival mocked the idea.");
    assert!(q.iter().any(|x| x.0 == "the bill" && x.2.as_deref() == Some("Mary Walsh")), "{q:?}");
    assert!(q.iter().any(|x| x.0 == "the idea" && x.2.as_deref() == Some("Her rival")), "{q:?}");
    // A word spelled like the verb after a determiner is a noun.
    assert!(quotes("The cited case was lost in the final.").is_empty());
}

#[test]
fn a_share_of_a_group_speaks_in_a_poll() {
    let text = "The poll was taken in May. Almost half said they wanted a nominee from outside. About one in \
                five said they would stay home. Most of them said the economy was poor. About 46 percent of \
                voters said the state was on the wrong track.";
    assert_eq!(speaker_of(text, "they wanted").as_deref(), Some("Almost half"));
    assert_eq!(speaker_of(text, "they would stay").as_deref(), Some("About one in five"));
    assert_eq!(speaker_of(text, "the economy").as_deref(), Some("Most of them"));
    assert_eq!(speaker_of(text, "the state").as_deref(), Some("About 46 percent of voters"));
    // A number alone before a verb is no share of anyone.
    assert!(quotes("In 2016 said nothing of the kind.").is_empty());
}

#[test]
fn a_passive_asked_puts_a_question_whose_asker_is_not_the_subject() {
    let text = "When asked by a reporter whether the plan would work, Trump said, \"You tell me.\" Asked if the \
                comments had rattled them, Ryan said he was not worried.";
    let q = quotes(text);
    assert!(q.iter().any(|x| x.0 == "whether the plan would work" && x.2.as_deref() == Some("a reporter")), "{q:?}");
    assert!(q.iter().any(|x| x.0 == "if the comments had rattled them" && x.2.is_none()), "{q:?}");
    assert!(q.iter().any(|x| x.0 == "he was not worried" && x.2.as_deref() == Some("Ryan")), "{q:?}");
    // The one asked is never the one who asks.
    let q = quotes("He is often asked about her views.");
    assert!(q.iter().all(|x| x.2.as_deref() != Some("He")), "{q:?}");
    // An active "asked" keeps its subject.
    assert_eq!(speaker_of("She asked whether the plan would work.", "whether").as_deref(), Some("She"));
}

#[test]
fn a_title_case_headline_reads_its_verb_of_saying_as_a_verb() {
    let text = "Francois Hollande Says Donald Trump Is Wrong About Europe\n\nThe French president spoke on Monday.";
    let (d, c) = run(text);
    let names: Vec<String> = d.mentions.iter().map(|m| s(&c, m.start, m.end)).collect();
    assert!(names.iter().any(|n| n == "Francois Hollande"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Says")), "{names:?}");
    assert_eq!(speaker_of(text, "Donald Trump").as_deref(), Some("Francois Hollande"));
    // Only a title-case line: a capitalised verb in running text is left as it is.
    let (d, c) = run("The film Simon Says Goodbye opened in Paris on Monday to good reviews.");
    assert!(d.quotes.is_empty(), "{:?}", d.quotes.iter().map(|q| s(&c, q.start, q.end)).collect::<Vec<_>>());
}

#[test]
fn a_party_member_named_by_place_is_the_subject_of_a_second_verb() {
    let text = "The Arizona Republican survived five years in prison and says such techniques are inhumane.";
    assert_eq!(speaker_of(text, "such techniques").as_deref(), Some("The Arizona Republican"));
}

#[test]
fn according_to_set_off_by_commas_splits_one_quotation_around_its_source() {
    let text = "G4S receives, according to one report, $234 million in security contracts. But, according to \
                the poll, most voters remain undecided.";
    let (d, c) = run(text);
    let parts: Vec<(String, Option<usize>)> = d.quotes.iter().map(|q| (s(&c, q.start, q.end), q.part_of)).collect();
    let first = parts.iter().position(|p| p.0 == "G4S receives").expect("the part before the source");
    assert!(parts.iter().any(|p| p.0 == "$234 million in security contracts" && p.1 == Some(first)), "{parts:?}");
    // A connective before "according to" leaves the source's phrase at the start.
    assert!(parts.iter().any(|p| p.0 == "most voters remain undecided"), "{parts:?}");
}

#[test]
fn a_second_that_clause_after_but_goes_on_with_the_same_statement() {
    let q =
        quotes("Kasich said the country needs to secure the border, but that he would not support mass deportation.");
    assert!(
        q.iter()
            .any(|x| x.0 == "the country needs to secure the border, but that he would not support mass deportation"),
        "{q:?}"
    );
    let q = quotes("She said the booking had been made a year ahead but that she was never told why.");
    assert!(q.iter().any(|x| x.0.starts_with("the booking") && x.0.ends_with("never told why")), "{q:?}");
}

#[test]
fn called_after_an_indefinite_noun_names_it_and_reports_nothing() {
    let text = "He deleted the archive using a program called BleachBit, which prevents recovery.";
    assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    // A speaker before "called" still calls something something.
    let q = quotes("Senator Ted Cruz called the group abhorrent in a tweet on Sunday.");
    assert!(q.iter().any(|x| x.2.as_deref() == Some("Ted Cruz")), "{q:?}");
}

#[test]
fn a_verb_of_saying_after_a_modal_of_possibility_reports_nothing() {
    let text = "A reporter asked whether Europe could defend itself without Washington.";
    let q = quotes(text);
    assert!(!q.iter().any(|x| x.0.starts_with("itself")), "{q:?}");
    assert!(q.iter().any(|x| x.0.starts_with("whether Europe")), "the question is still put: {q:?}");
    let q = quotes("Some voters may blame trade deals for the plight of the working class.");
    assert!(q.is_empty(), "{q:?}");
    // The act that was done still reports: "defended itself".
    let q = quotes("The ministry defended the decision on Monday, saying the plan was lawful.");
    assert!(q.iter().any(|x| x.2.as_deref() == Some("The ministry") || x.2.as_deref() == Some("ministry")), "{q:?}");
}

#[test]
fn a_title_in_quotation_marks_that_no_one_says_is_no_quotation() {
    let text = "Intro.\n\nThe network aired “Bloodline,” a drama about a family in Florida, on Friday. \
                Her memoir, “A Real Woman.” sold well.";
    let q = quotes(text);
    assert!(q.iter().all(|x| !x.0.contains("Bloodline") && !x.0.contains("Real Woman")), "{q:?}");
    // A title someone is said to say is still a quotation, and a sentence quoted alone still is.
    let q = quotes("Intro.\n\n“Peace Through Strength,” Trump said on Monday.");
    assert_eq!(q.len(), 1, "{q:?}");
    let q = quotes("Intro.\n\nThe crowd waited. “We are not going anywhere.”");
    assert_eq!(q.len(), 1, "{q:?}");
}
