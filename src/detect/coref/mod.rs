//! Grouping mentions into entities.
//!
//! One left-to-right pass that keeps small indexes of what has been seen, so each mention costs
//! a few hash lookups:
//!
//! * gazetteer names share their canonical entry (US = U.S. = United States; UNSC = UN Security
//!   Council);
//! * person names group by surname when the given names agree or one is missing, with
//!   transliteration variants treated as equal (Sergei = Sergey); a lone surname goes to the
//!   most recent person with that surname;
//! * other names group by their lower-cased text, and an all-capitals word by the initials of an
//!   earlier multi-word name ("Free Syrian Army" → FSA);
//! * "the Church" after "the Church of Scientology", "the North" after "North Korea", "the State
//!   of Texas" and "Texas", "Internet Explorer 6" and "IE6" are one entity;
//! * he/she (and his/her …) go to the speaker of the running passage when they name a speaker,
//!   otherwise to the name opening their sentence or the most recent person, skipping people of
//!   the other gender (known from a given-name list, Mr./Mrs./Ms., or a pronoun already resolved
//!   to them; one known to fit wins over one whose gender is unknown); inside a quotation
//!   they go to the nearest fitting person other than the speaker. "the minister", "the Russian
//!   top diplomat" go to the most recent person whose title fits the role, else to the salient
//!   speaker; a title written right before a name belongs to that person, and a title standing
//!   alone ("the Prime Minister said") to the person last introduced with it; "I"/"my" inside a
//!   quotation go to that quotation's speaker, and "we"/"our" to the speaker when that is an
//!   organisation, or to the organisation named with the speaking person ("NASA Administrator
//!   Charles Bolden"). A title or role set off by a comma before a name is that person.
//! * "the festival", "the church", "the country" go to the latest name headed by that word, or
//!   (for place, organisation and event words) the most mentioned recent place, organisation or
//!   event; "it"/"its"/"they" outside quotations go to an organisation, place or thing named in
//!   the same or the previous sentence (see [`things`]).
//!
//! Pronouns and role phrases that resolve to nothing are dropped unless they name a speaker,
//! so the entity list holds only things an analyst would want to see.

mod things;

use super::attribution::Attr;
use super::entities::{MKind, Ment, Mentions};
use super::lexicon;
use super::lexicon::FastMap as HashMap;
use super::tokens::{Doc, Kind};
use super::{Detections, Entity, Mention, MentionForm, Quote, QuoteKind};

const NO_ENTITY: usize = usize::MAX;

/// Groups the mentions into entities and assembles the detections; also says which entities are
/// named (hold a name, or are a title standing alone), the ones another section of a long text
/// can name again.
pub fn resolve(doc: &Doc, ments: Mentions, attrs: Vec<Attr>) -> (Detections, Vec<bool>) {
    let lex = lexicon::get();
    let mut list = ments.list;
    // A name written right after a title is a person's, whatever type the entity model gave it.
    for i in 0..list.len() {
        if list[i].kind == MKind::Name
            && list[i].title.is_some_and(|t| list.get(t).is_some_and(|x| x.kind == MKind::Title))
        {
            list[i].label = "PERSON";
        }
    }
    let list = list;
    let n = list.len();
    let order = super::entities::text_order(&list);
    // Which mentions name a speaker, and the speaker of each quotation (for "I").
    let mut is_speaker = vec![false; n];
    for a in &attrs {
        if let Some(s) = a.speaker
            && let Some(f) = is_speaker.get_mut(s)
        {
            *f = true;
        }
    }
    // Titles written right before a name ("Foreign Minister Sergei Lavrov").
    let mut titled = vec![false; n];
    for m in &list {
        if let Some(f) = m.title.and_then(|t| titled.get_mut(t)) {
            *f = true;
        }
    }
    // Direct quotations with a speaker, sorted: (start, end, speaker mention).
    let mut quote_spans: Vec<(usize, usize, usize)> = attrs
        .iter()
        .filter(|a| a.kind == QuoteKind::Direct)
        .filter_map(|a| a.speaker.map(|s| (a.start, a.end, s)))
        .collect();
    quote_spans.sort();
    let mut cluster = vec![NO_ENTITY; n];
    // Names of places, organisations and things in text order, for "the festival", "the country".
    let mut recent_names: Vec<usize> = Vec::new();
    let mut antecedent: Vec<Option<usize>> = vec![None; n];
    let mut label_of: Vec<&'static str> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut by_canon: HashMap<&'static str, usize> = HashMap::default();
    let mut by_surname: HashMap<String, Vec<(usize, Option<String>)>> = HashMap::default();
    let mut by_given: HashMap<String, usize> = HashMap::default();
    let mut titles: Vec<(usize, String)> = Vec::new(); // (cluster, lower-cased title text)
    let mut last_person: Option<usize> = None; // mention index
    let mut last_role: Option<usize> = None; // the latest title or role phrase
    // The name that opens the current sentence outside quotations: (sentence, mention).
    let mut sentence_opener: Option<(usize, usize)> = None;
    // People mentioned outside quotations, in text order, and what is known of their gender
    // (from a given name, Mr./Mrs., or a pronoun already resolved to them).
    let mut recent_people: Vec<usize> = Vec::new();
    // People named inside quotations, in text order.
    let mut quoted_people: Vec<usize> = Vec::new();
    let mut gender: HashMap<usize, Gender> = HashMap::default();
    // Person cluster → the organisation or place named right before their name ("NASA
    // Administrator Charles Bolden", "Tunisia's coach Nabil Maaloul").
    let mut affiliation: HashMap<usize, usize> = HashMap::default();
    // Cluster → its latest mention (clusters are dense indices).
    let mut last_of: Vec<usize> = Vec::new();
    // Cluster → how many mentions it has so far (the most talked-about place or organisation is
    // what "the company" most likely means).
    let mut mentions_of: Vec<u32> = Vec::new();
    let mut last_speaker: Option<(usize, usize)> = None; // (mention index, paragraph)
    let new_cluster = |label: &'static str, label_of: &mut Vec<&'static str>| {
        label_of.push(label);
        label_of.len() - 1
    };
    // Speakers in text order, so a pronoun can find the speaker of the passage before it.
    let mut speaker_at: Vec<(usize, usize)> =
        attrs.iter().filter_map(|a| a.speaker.map(|s| (list.get(s).map_or(0, |m| m.start), s))).collect();
    speaker_at.sort();
    let mut sp_cursor = 0;
    let mut previous: Option<usize> = None;
    for &mi in &order {
        let m = &list[mi];
        // "Barkley, who said …": a relative pronoun that speaks is the noun phrase right before it.
        if let Some(p) =
            previous.replace(mi).filter(|&p| relative_pronoun_of(doc, &list[p], m) && cluster[p] != NO_ENTITY)
        {
            cluster[mi] = cluster[p];
            antecedent[mi] = Some(p);
            set_last(&mut last_of, &mut mentions_of, cluster[p], mi);
            continue;
        }
        while sp_cursor < speaker_at.len() && speaker_at[sp_cursor].0 < m.start {
            let s = speaker_at[sp_cursor].1;
            if cluster.get(s).is_some_and(|&c| c != NO_ENTITY && label_of.get(c) == Some(&"PERSON"))
                && list[s].kind != MKind::Other
            {
                last_speaker = Some((s, doc.para_of(list[s].start)));
            }
            sp_cursor += 1;
        }
        match m.kind {
            // Numbers stand alone; equal titles ("Foreign Minister") group.
            MKind::Value => {
                cluster[mi] = new_cluster(m.label, &mut label_of);
            }
            MKind::Title => {
                // A title standing alone ("the Prime Minister said") names the person last
                // introduced with that title.
                // "Cres Eastman, Director of the Institute": a title in apposition to a name.
                let apposition = last_person.filter(|&lp| {
                    in_apposition(doc, m, &list[lp]) && list[lp].kind == MKind::Name && cluster[lp] != NO_ENTITY
                });
                if !titled[mi]
                    && m.label == "TITLE"
                    && let Some(lp) = apposition
                {
                    cluster[mi] = cluster[lp];
                    antecedent[mi] = Some(lp);
                    set_last(&mut last_of, &mut mentions_of, cluster[lp], mi);
                    push_title(&mut titles, cluster[lp], super::slice(&doc.chars, m.start, m.end).to_lowercase());
                    continue;
                }
                if !titled[mi]
                    && m.label == "TITLE"
                    && let Some((c, t)) = titled_person(doc, m, &titles, &last_of)
                {
                    cluster[mi] = c;
                    antecedent[mi] = Some(t);
                    set_last(&mut last_of, &mut mentions_of, c, mi);
                    continue;
                }
                let mut key = String::with_capacity(24);
                key.push_str(m.label);
                for j in m.tok.0..m.tok.1 {
                    key.push(' ');
                    key.push_str(doc.lower(j));
                }
                let c = *by_key.entry(key).or_insert_with(|| new_cluster(m.label, &mut label_of));
                cluster[mi] = c;
            }
            MKind::Name => {
                // "the Church", "the North": one word of a longer name named before.
                // A known person's surname is that person, not a word of a longer name ("the
                // Warhol exhibit" after "the Warhol Factory").
                let surname = m.tok.1 == m.tok.0 + 1 && by_surname.contains_key(lex.given_name_key(doc.lower(m.tok.0)));
                let part_of = things::Recent {
                    names: &recent_names,
                    list: &list,
                    cluster: &cluster,
                    label_of: &label_of,
                    mentions_of: &mentions_of,
                }
                .shortened(doc, m)
                .filter(|_| !surname)
                .map(|t| cluster[t]);
                let bracketed = things::Recent {
                    names: &recent_names,
                    list: &list,
                    cluster: &cluster,
                    label_of: &label_of,
                    mentions_of: &mentions_of,
                }
                .bracketed(doc, m)
                .map(|t| cluster[t]);
                if let Some(c) = bracketed {
                    // The abbreviation or the name written out, when it comes back later.
                    by_key.entry(name_key(&name_words(doc, m))).or_insert(c);
                }
                let part_of = part_of.or(bracketed);
                let c = match part_of {
                    Some(c) => c,
                    None => name_cluster(
                        doc,
                        lex,
                        m,
                        &mut by_key,
                        &mut by_canon,
                        &mut by_surname,
                        &mut by_given,
                        &mut label_of,
                    ),
                };
                cluster[mi] = c;
                // The title written right before a name is that person's ("Foreign Minister
                // Sergei Lavrov"): one entity, the title mention keeping its TITLE label.
                if let Some(t) = m.title.filter(|&t| list.get(t).is_some_and(|x| x.kind == MKind::Title)) {
                    cluster[t] = c;
                }
                // "Co-founder of Google, Sergey Brin", "the Crown prosecutor, Mark Tedeschi": a title
                // or role set off by a comma right before a person's name is that person.
                if let Some(t) = last_role.filter(|&t| {
                    m.label != "ORG"
                        && list[t].tok.1 + 1 == m.tok.0
                        && doc.is_punct(list[t].tok.1, ',')
                        && matches!(label_of.get(c), Some(&"PERSON" | &"MISC"))
                }) {
                    cluster[t] = c;
                    antecedent[t] = Some(mi);
                }
                if let Some(l) = label_of.get_mut(c)
                    && *l == "MISC"
                    && (m.label != "MISC" || is_speaker[mi])
                {
                    *l = if is_speaker[mi] { "PERSON" } else { m.label };
                }
                // Groups named in the plural ("Muslims", "Belgians") can be "they".
                let group = label_of.get(c) == Some(&"NORP") && doc.lower(m.tok.1 - 1).ends_with('s');
                if !matches!(label_of.get(c), Some(&"PERSON" | &"NORP")) || group {
                    recent_names.push(mi);
                }
                if label_of.get(c) == Some(&"PERSON")
                    && let Some(g) = name_gender(doc, m)
                {
                    gender.entry(c).or_insert(g);
                }
                if matches!(label_of.get(c), Some(&"PERSON" | &"MISC")) {
                    let recent = things::Recent {
                        names: &recent_names,
                        list: &list,
                        cluster: &cluster,
                        label_of: &label_of,
                        mentions_of: &mentions_of,
                    };
                    if let Some(org) = recent.affiliation(doc, m) {
                        affiliation.entry(c).or_insert(org);
                    }
                }
                if label_of.get(c) == Some(&"PERSON") && m.quote.is_some() {
                    quoted_people.push(mi);
                }
                if label_of.get(c) == Some(&"PERSON") && m.quote.is_none() {
                    last_person = Some(mi);
                    recent_people.push(mi);
                    if let Some(t) = m.title.and_then(|t| list.get(t)) {
                        // Include a nationality opening the title ("Russian Foreign Minister",
                        // "Austrian Transport Minister": up to two capitalised words between).
                        let from = (1..=3)
                            .map_while(|d| t.tok.0.checked_sub(d).filter(|&p| doc.tokens[p].cap && doc.is_word(p)))
                            .find(|&p| lex.names.get(doc.lower(p)).is_some_and(|e| e.label == "NORP"))
                            .and_then(|p| doc.tokens.get(p))
                            .map_or(t.start, |x| x.start());
                        push_title(&mut titles, c, super::slice(&doc.chars, from, t.end).to_lowercase());
                    }
                }
            }
            MKind::Pronoun => {
                let pg = if matches!(doc.pronoun(m.tok.0), "she" | "her" | "hers" | "herself") {
                    Gender::Female
                } else {
                    Gender::Male
                };
                if m.quote.is_some() {
                    // "he" inside a quotation is someone the speaker talks about: the nearest
                    // person who fits, other than the speaker.
                    let k = quote_spans.partition_point(|q| q.0 <= m.start);
                    let speaker_c = k
                        .checked_sub(1)
                        .and_then(|k| quote_spans.get(k))
                        .filter(|q| m.end <= q.1)
                        .and_then(|q| cluster.get(q.2).copied())
                        .filter(|&c| c != NO_ENTITY);
                    let fits = |t: usize| {
                        cluster[t] != NO_ENTITY
                            && Some(cluster[t]) != speaker_c
                            && gender.get(&cluster[t]).is_none_or(|&g| g == pg)
                    };
                    // A person named earlier in the same quotation comes first ("everybody knows Andy
                    // Warhol's name … because he was").
                    let same_quote = quoted_people.iter().rev().take(8).copied().find(|&t| list[t].quote == m.quote);
                    // Otherwise the person the passage is about: the most mentioned recent one.
                    // One known to be a "he" (or "she") wins over one whose gender is unknown
                    // ("the Marilyn pictures … he" is the painter).
                    let known = |t: usize| fits(t) && gender.contains_key(&cluster[t]);
                    let about = |fit: &dyn Fn(usize) -> bool| {
                        let recent = recent_people.iter().rev().take(16).copied().filter(|&t| fit(t));
                        most_mentioned(recent, &cluster, &mentions_of)
                    };
                    if let Some(t) = same_quote
                        .filter(|&t| known(t))
                        .or_else(|| about(&known))
                        .or_else(|| same_quote.filter(|&t| fits(t)))
                        .or_else(|| about(&fits))
                    {
                        cluster[mi] = cluster[t];
                        antecedent[mi] = Some(t);
                    }
                    continue;
                }
                let para = doc.para_of(m.start);
                let target = if is_speaker[mi] {
                    match last_speaker {
                        Some((s, p))
                            if para <= p + 1
                                || (para <= p + 3
                                    && last_person.is_none_or(|lp| {
                                        list[lp].start < list[s].start || cluster[lp] == cluster[s]
                                    })) =>
                        {
                            Some(s)
                        }
                        _ => last_person,
                    }
                } else {
                    // "Cyd Ho … lost her seat": the name opening the sentence, even one not yet
                    // known to be a person's.
                    let sent = doc.tokens[m.tok.0].sent();
                    let subject = sentence_opener
                        .filter(|&(s, o)| {
                            s == sent
                                && cluster[o] != NO_ENTITY
                                && match label_of.get(cluster[o]) {
                                    Some(&"PERSON") => true,
                                    // One unknown word is as likely a group or a place.
                                    Some(&"MISC") => list[o].tok.1 >= list[o].tok.0 + 2,
                                    _ => false,
                                }
                                && gender.get(&cluster[o]).is_none_or(|&g| g == pg)
                        })
                        .map(|(_, o)| o);
                    if let Some(o) = subject
                        && let Some(l) = label_of.get_mut(cluster[o])
                    {
                        *l = "PERSON";
                    }
                    subject.or(last_person)
                };
                // "she" skips back past men (and "he" past women) to the nearest person known to
                // fit, else the nearest whose gender is unknown (an unlisted given name does not
                // hide a woman already called "she").
                let fits = |t: usize| cluster[t] != NO_ENTITY && gender.get(&cluster[t]).is_none_or(|&g| g == pg);
                let known_fit = |t: usize| cluster[t] != NO_ENTITY && gender.get(&cluster[t]) == Some(&pg);
                let recent = || recent_people.iter().rev().take(32).copied();
                let target = match target {
                    Some(t) if !fits(t) => {
                        recent().find(|&t| known_fit(t)).or_else(|| recent().find(|&t| fits(t))).or(Some(t))
                    }
                    // One whose gender is unknown yields to a person known to fit whom the passage
                    // keeps naming ("Warhol … the Marilyn pictures … he").
                    Some(t) if !known_fit(t) => {
                        let count = |k: usize| mentions_of.get(cluster[k]).copied().unwrap_or(0);
                        let known = most_mentioned(recent().take(8).filter(|&k| known_fit(k)), &cluster, &mentions_of);
                        known.filter(|&k| count(k) > count(t)).or(Some(t))
                    }
                    t => t,
                };
                if let Some(t) = target
                    && cluster[t] != NO_ENTITY
                {
                    cluster[mi] = cluster[t];
                    antecedent[mi] = Some(t);
                    gender.entry(cluster[t]).or_insert(pg);
                }
            }
            MKind::Role => {
                if m.quote.is_some() && !is_speaker[mi] {
                    continue;
                }
                // "Jeff Rathke, the department's spokesman": the person just named.
                if let Some(lp) = last_person.filter(|&lp| {
                    in_apposition(doc, m, &list[lp]) && list[lp].kind == MKind::Name && cluster[lp] != NO_ENTITY
                }) {
                    cluster[mi] = cluster[lp];
                    antecedent[mi] = Some(lp);
                    set_last(&mut last_of, &mut mentions_of, cluster[lp], mi);
                    continue;
                }
                let head = doc.lower(m.tok.1.saturating_sub(1));
                let fits: &[&str] = match head {
                    "diplomat" => &["minister", "secretary", "ambassador", "envoy", "diplomat"],
                    "official" | "leader" | "chief" => &[""],
                    "candidate" | "nominee" => &["candidate", "nominee", "senator", "governor", "secretary"],
                    _ => &[],
                };
                // Nationalities in the role phrase must agree with the title ("the French minister").
                let nats: Vec<&str> = (m.tok.0..m.tok.1)
                    .filter(|&j| lex.names.get(doc.lower(j)).is_some_and(|e| e.label == "NORP"))
                    .map(|j| doc.lower(j))
                    .collect();
                let wanted = |t: &str| {
                    (t.split_whitespace().any(|w| w == head) || fits.iter().any(|f| t.contains(f)))
                        && nats.iter().all(|n| t.split_whitespace().any(|w| w == *n))
                };
                let by_title = titles.iter().rev().take(64).find(|(_, t)| wanted(t)).map(|(c, _)| *c);
                let mut target = None;
                if let Some(c) = by_title {
                    // The latest mention of that person, for the chain.
                    target = last_of.get(c).copied().filter(|&t| t != NO_ENTITY);
                } else if is_speaker[mi] {
                    target = last_speaker.map(|(s, _)| s).or(last_person);
                }
                if let Some(t) = target
                    && cluster[t] != NO_ENTITY
                {
                    cluster[mi] = cluster[t];
                    antecedent[mi] = Some(t);
                    if !is_speaker[mi] {
                        // A role phrase that is not a speaker still counts as a person mention.
                    }
                }
            }
            MKind::SelfRef => {}
            MKind::Nominal | MKind::Neuter => {
                let things = things::Recent {
                    names: &recent_names,
                    list: &list,
                    cluster: &cluster,
                    label_of: &label_of,
                    mentions_of: &mentions_of,
                };
                let target = if m.kind == MKind::Nominal {
                    things.nominal_target(doc, m)
                } else {
                    // "Geneva hosted the talks. It said …": a city does not speak; a country
                    // does, for its government ("Russia … It said").
                    things.pronoun_target(doc, m).filter(|&t| {
                        !is_speaker[mi]
                            || label_of.get(cluster[t]).is_none_or(|&l| l != "GPE")
                            || lexicon::get().countries.contains(&lexicon::name_key(
                                &list[t].canonical.map_or_else(
                                    || super::slice(&doc.chars, list[t].start, list[t].end),
                                    str::to_string,
                                ),
                            ))
                    })
                };
                if let Some(t) = target {
                    cluster[mi] = cluster[t];
                    // Through an earlier "it" or "the company" to the name itself: the chain shown
                    // stays short ("it → Microsoft", not "it → it → it → Microsoft").
                    let via = matches!(list[t].kind, MKind::Nominal | MKind::Neuter);
                    antecedent[mi] = Some(antecedent[t].filter(|_| via).unwrap_or(t));
                    recent_names.push(mi);
                    // A name called "it" is not a person's: an organisation, unless its shape
                    // already says it is an event, a law or an award ("the Trojan War … it").
                    let name = if list[t].kind == MKind::Name { Some(t) } else { antecedent[t] };
                    let event = name.is_some_and(|n| {
                        list[n].kind == MKind::Name && super::entities::other_kind_head(doc, list[n].tok.1 - 1)
                    });
                    if let Some(l) = label_of.get_mut(cluster[t])
                        && *l == "MISC"
                        && !event
                    {
                        *l = "ORG";
                    }
                }
            }
            MKind::Other => {
                let c = new_cluster(m.label, &mut label_of);
                cluster[mi] = c;
            }
        }
        if cluster[mi] != NO_ENTITY {
            set_last(&mut last_of, &mut mentions_of, cluster[mi], mi);
        }
        if matches!(m.kind, MKind::Title | MKind::Role) {
            last_role = Some(mi);
        }
        let sent = doc.tokens.get(m.tok.0).map_or(0, |t| t.sent());
        if sentence_opener.is_none_or(|(s, _)| s != sent) && m.quote.is_none() {
            sentence_opener =
                (m.kind == MKind::Name && super::entities::sentence_initial(doc, m.tok.0)).then_some((sent, mi));
        }
        if (m.kind == MKind::Role || m.kind == MKind::Pronoun) && cluster[mi] != NO_ENTITY && m.quote.is_none() {
            last_person = Some(mi);
            recent_people.push(mi);
        }
    }
    // "I" / "my" inside a quotation: the quotation's speaker; "we" / "our": the speaker when that
    // is an organisation or a place.
    let mut name_at: HashMap<usize, usize> = HashMap::with_capacity_and_hasher(list.len(), Default::default());
    name_at.extend(list.iter().enumerate().filter(|(_, m)| m.kind == MKind::Name).map(|(i, m)| (m.tok.0, i)));
    let mut qi = 0;
    let mut countries: Option<HashMap<usize, usize>> = None;
    for &mi in &order {
        let m = &list[mi];
        let we = m.kind == MKind::Neuter && matches!(doc.pronoun(m.tok.0), "we" | "us" | "our" | "ours");
        if m.kind != MKind::SelfRef && !we {
            continue;
        }
        while qi < quote_spans.len() && quote_spans[qi].1 <= m.start {
            qi += 1;
        }
        let Some(&(_, _, sp)) = quote_spans.get(qi).filter(|q| q.0 <= m.start && m.end <= q.1) else { continue };
        let Some(&c) = cluster.get(sp).filter(|&&c| c != NO_ENTITY) else { continue };
        // A person's "we" is the organisation or place they speak for, when the text says which.
        // Failing that, the organisation the passage is about: the most mentioned one among the
        // names just before ("team member Rodaba Noori told the press, \"we …\"" → the team).
        let target = if !we || label_of.get(c) != Some(&"PERSON") {
            Some(sp)
        } else {
            let para = doc.para_of(m.start);
            affiliation
                .get(&c)
                .copied()
                .or_else(|| {
                    countries
                        .get_or_insert_with(|| countries_of_people(doc, &list, &cluster, &label_of))
                        .get(&c)
                        .copied()
                })
                .or_else(|| apposed_org(doc, &list, &name_at, &cluster, &label_of, sp))
                .or_else(|| {
                    let before = recent_names.partition_point(|&nm| list[nm].start < m.start);
                    let near = recent_names[..before]
                        .iter()
                        .rev()
                        .take(16)
                        .copied()
                        .take_while(|&nm| doc.para_of(list[nm].start) + 1 >= para)
                        .filter(|&nm| cluster[nm] != NO_ENTITY && label_of.get(cluster[nm]) == Some(&"ORG"));
                    most_mentioned(near, &cluster, &mentions_of)
                })
        };
        if let Some(t) = target {
            cluster[mi] = cluster[t];
            antecedent[mi] = Some(t);
        }
    }
    // Speakers that resolved to nothing keep a singleton entity.
    for mi in 0..n {
        if cluster[mi] == NO_ENTITY && is_speaker[mi] {
            cluster[mi] = new_cluster(list[mi].label, &mut label_of);
        }
    }
    finish(doc, list, order, cluster, antecedent, label_of, attrs)
}

/// Of `candidates` (mentions, newest first), the one whose entity has been mentioned most so far;
/// the newest on a tie. What a passage is about is what it keeps naming.
fn most_mentioned(candidates: impl Iterator<Item = usize>, cluster: &[usize], mentions_of: &[u32]) -> Option<usize> {
    let count = |mi: usize| cluster.get(mi).and_then(|&c| mentions_of.get(c)).copied().unwrap_or(0);
    candidates.enumerate().max_by_key(|&(age, mi)| (count(mi), std::cmp::Reverse(age))).map(|(_, mi)| mi)
}

/// People introduced with a nationality ("Russian Foreign Minister Sergei Lavrov"), by entity,
/// and the country's first mention when the text names it: whom they speak for with "we".
fn countries_of_people(
    doc: &Doc,
    list: &[Ment],
    cluster: &[usize],
    label_of: &[&'static str],
) -> HashMap<usize, usize> {
    let lex = lexicon::get();
    let label = |mi: usize| cluster.get(mi).and_then(|&c| label_of.get(c)).copied();
    let key = |m: &Ment| lexicon::name_key(&super::slice(&doc.chars, m.start, m.end));
    let mut nationality_ending: HashMap<usize, usize> = HashMap::default();
    for (mi, m) in list.iter().enumerate().filter(|(_, m)| m.kind == MKind::Name) {
        if label(mi) == Some("NORP") {
            nationality_ending.insert(m.tok.1, mi);
        }
    }
    // The country each person's nationality names, by the person's cluster.
    let mut wanted: Vec<(usize, &'static str)> = Vec::new();
    for (mi, m) in list.iter().enumerate() {
        let c = cluster[mi];
        if m.kind != MKind::Name || label(mi) != Some("PERSON") || wanted.iter().any(|w| w.0 == c) {
            continue;
        }
        // Only title words between the nationality and the name.
        let found = (1..=3).filter_map(|d| m.tok.0.checked_sub(d)).find_map(|end| {
            let between = (end..m.tok.0).all(|j| doc.tokens[j].cap && doc.has(j, lexicon::F_TITLE_WORDS));
            nationality_ending.get(&end).filter(|_| between)
        });
        if let Some(&n) = found
            && let Some(place) = lex.demonym_places.get(&key(&list[n]))
        {
            wanted.push((c, place.as_str()));
        }
    }
    // Where the text names those countries: the first mention of each (only names of the length
    // of one are read).
    let lengths: Vec<usize> = wanted.iter().map(|w| w.1.chars().count()).collect();
    let mut places: HashMap<&str, usize> = HashMap::default();
    if !wanted.is_empty() {
        for (mi, m) in list.iter().enumerate().filter(|(_, m)| m.kind == MKind::Name) {
            if lengths.contains(&(m.end - m.start))
                && label(mi) == Some("GPE")
                && let k = key(m)
                && let Some(&(_, place)) = wanted.iter().find(|w| w.1 == k)
            {
                places.entry(place).or_insert(mi);
            }
        }
    }
    wanted.iter().filter_map(|&(c, place)| places.get(place).map(|&p| (c, p))).collect()
}

/// The organisation named in an apposition after a speaker's name: "Andrei Vlase, a spokesman
/// for Hidroelectrica" → Hidroelectrica.
fn apposed_org(
    doc: &Doc,
    list: &[Ment],
    name_at: &HashMap<usize, usize>,
    cluster: &[usize],
    label_of: &[&'static str],
    speaker: usize,
) -> Option<usize> {
    let s = list.get(speaker).filter(|m| m.kind == MKind::Name)?;
    let comma = s.tok.1;
    if !doc.is_punct(comma, ',') {
        return None;
    }
    let sent = doc.tokens.get(comma)?.sent();
    for j in comma + 1..comma + 7 {
        let t = doc.tokens.get(j).filter(|t| t.sent() == sent && t.kind == Kind::Word)?;
        if let Some(&o) = name_at.get(&j) {
            // An unknown name after "a spokesman for" is an organisation's too.
            let org = matches!(cluster.get(o).and_then(|&c| label_of.get(c)), Some(&"ORG" | &"MISC"));
            return org.then_some(o);
        }
        if t.cap {
            return None;
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// A person name's gender when the text or the lexicon tells it: Mr./Mrs./Ms. before the name,
/// or a given name listed as a man's or a woman's.
fn name_gender(doc: &Doc, m: &Ment) -> Option<Gender> {
    let first = m.tok.0;
    let before = (1..=2).filter_map(|d| first.checked_sub(d)).find(|&j| doc.is_word(j));
    match before.map(|j| doc.lower(j)) {
        Some("mr") => return Some(Gender::Male),
        Some("mrs" | "ms" | "miss") => return Some(Gender::Female),
        _ => {}
    }
    // A lone word ("Kerry") may be a surname that is also someone's given name.
    if m.tok.1 < first + 2 {
        None
    } else if doc.has(first, lexicon::F_FEMALE) {
        Some(Gender::Female)
    } else if doc.has(first, lexicon::F_MALE) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Whether `m` is set off by a comma right after `name`, with at most a determiner between:
/// "Cres Eastman, Director of the Institute", "John Kerry, the Secretary of State".
fn in_apposition(doc: &Doc, m: &Ment, name: &Ment) -> bool {
    let det = m.tok.0.checked_sub(1).filter(|&j| doc.has(j, lexicon::F_PERSON_DET));
    let comma = det.unwrap_or(m.tok.0).checked_sub(1);
    comma.is_some_and(|k| k > 0 && doc.is_punct(k, ',') && name.tok.1 == k)
}

/// Records `mi` as the latest mention of cluster `c`, and counts it.
/// Whether `m` is the relative pronoun "who" right after `p` (a comma between or not).
fn relative_pronoun_of(doc: &Doc, p: &Ment, m: &Ment) -> bool {
    m.tok.1 == m.tok.0 + 1
        && doc.lower(m.tok.0) == "who"
        && (p.tok.1 == m.tok.0 || p.tok.1 + 1 == m.tok.0 && doc.is_punct(p.tok.1, ','))
}

fn set_last(last_of: &mut Vec<usize>, mentions_of: &mut Vec<u32>, c: usize, mi: usize) {
    if c >= last_of.len() {
        last_of.resize(c + 1, NO_ENTITY);
        mentions_of.resize(c + 1, 0);
    }
    last_of[c] = mi;
    mentions_of[c] += 1;
}

/// The person cluster (and its latest mention) whose title contains the standalone title `m`,
/// or failing that its role word ("Ambassador" → "Afghan Ambassador to the US").
/// Records that cluster `c` was introduced with title `t`. Titles are searched newest first in a
/// window of 64; a repeat ("Foreign Minister Lavrov" again) moves to the front of that window
/// instead of filling it, so the search stays short and reaches as many people.
fn push_title(titles: &mut Vec<(usize, String)>, c: usize, t: String) {
    let window = titles.len().saturating_sub(64);
    if let Some(k) = titles[window..].iter().rposition(|(x, s)| *x == c && *s == t) {
        titles.remove(window + k);
    }
    titles.push((c, t));
}

fn titled_person(doc: &Doc, m: &Ment, titles: &[(usize, String)], last_of: &[usize]) -> Option<(usize, usize)> {
    let words: Vec<&str> = (m.tok.0..m.tok.1).filter(|&j| doc.is_word(j)).map(|j| doc.lower(j)).collect();
    let head = (m.tok.0..m.tok.1).rev().find(|&j| doc.has(j, lexicon::F_PERSON_ROLES)).map(|j| doc.lower(j))?;
    let contains_all = |t: &str| words.iter().all(|w| t.split_whitespace().any(|x| x == *w));
    let recent = || titles.iter().rev().take(64);
    let c = recent()
        .find(|(_, t)| contains_all(t))
        .or_else(|| recent().find(|(_, t)| t.split_whitespace().any(|x| x == head)))
        .map(|(c, _)| *c)?;
    Some((c, last_of.get(c).copied().filter(|&t| t != NO_ENTITY)?))
}

/// Acronym of a multi-word name: capitals of its words, all-capital words and numbers whole
/// ("Internet Explorer 6" → IE6).
fn acronym(doc: &Doc, m: &Ment) -> String {
    let mut acro = String::new();
    for j in m.tok.0..m.tok.1 {
        let Some(t) = doc.tokens.get(j) else { continue };
        if !doc.is_word(j) || left_out_of_acronym(doc.lower(j)) {
            continue;
        }
        if t.all_caps || t.kind == super::tokens::Kind::Number {
            acro.push_str(&doc.lower(j).replace('.', ""));
        } else if let Some(ch) = doc.lower(j).chars().next() {
            acro.push(ch);
        }
    }
    acro
}

/// Words an acronym skips: "United Nations Educational, Scientific and Cultural Organization" →
/// UNESCO.
pub(super) fn left_out_of_acronym(lower: &str) -> bool {
    matches!(lower, "of" | "the" | "for" | "and" | "'s" | "’s")
}

/// Whether a person known by `known` (a normalised given name, or none yet) can be the one named
/// with `given`: the same name, or its initial.
pub(super) fn given_agrees(known: Option<&str>, given: &str) -> bool {
    known.is_none_or(|g| g == given || g.starts_with(given) && given.len() == 1)
}

/// A name's words, lower-cased, without a possessive and without a stance on a place opening it
/// ("pro-Beijing New People's Party" is the party).
fn name_words<'a>(doc: &'a Doc, m: &Ment) -> Vec<&'a str> {
    let names = &lexicon::get().names;
    let mut words: Vec<&str> =
        (m.tok.0..m.tok.1).filter(|&j| doc.is_word(j) && doc.lower(j) != "'s").map(|j| doc.lower(j)).collect();
    let stance =
        |w: &str| w.split_once('-').is_some_and(|(pre, place)| names.get(pre).is_none() && names.get(place).is_some());
    if words.len() >= 2 && stance(words[0]) {
        words.remove(0);
    }
    words
}

/// The key equal names share: their words without a leading "the".
fn name_key(words: &[&str]) -> String {
    let mut key = String::with_capacity(48);
    key.push_str("name:");
    for (i, w) in words.iter().enumerate() {
        if i == 0 && *w == "the" && words.len() > 1 {
            continue;
        }
        if key.len() > 5 {
            key.push(' ');
        }
        key.push_str(w);
    }
    key
}

#[allow(clippy::too_many_arguments)]
fn name_cluster(
    doc: &Doc,
    lex: &'static lexicon::Lexicon,
    m: &Ment,
    by_key: &mut HashMap<String, usize>,
    by_canon: &mut HashMap<&'static str, usize>,
    by_surname: &mut HashMap<String, Vec<(usize, Option<String>)>>,
    by_given: &mut HashMap<String, usize>,
    label_of: &mut Vec<&'static str>,
) -> usize {
    let push = |label: &'static str, label_of: &mut Vec<&'static str>| {
        label_of.push(label);
        label_of.len() - 1
    };
    if let Some(canon) = m.canonical {
        // Canonical names are unique gazetteer strings: the key needs no normalising.
        if let Some(&c) = by_canon.get(canon) {
            return c;
        }
        // Perhaps named before inside a longer name ("the Italian Supreme Court").
        let earlier = by_key.get(&name_key(&name_words(doc, m))).copied();
        let c = earlier.unwrap_or_else(|| push(m.label, label_of));
        by_canon.insert(canon, c);
        // A listed place is abbreviated as any name is ("Los Angeles" → LA).
        if m.tok.1 >= m.tok.0 + 2 {
            by_key.entry(format!("acro:{}", acronym(doc, m))).or_insert(c);
        }
        return c;
    }
    let words = name_words(doc, m);
    let key = name_key(&words);
    // A name of unknown type opening with a nationality is no person's ("Italian Supreme Court"),
    // and one equal to a name seen before is that name.
    let unknown = m.label == "MISC";
    if unknown && let Some(&c) = by_key.get(&key) {
        return c;
    }
    // Not yet known to be a person: "IE … Internet Explorer" (abbreviated first) is one thing.
    let abbreviated = unknown.then(|| acronym(doc, m)).filter(|a| a.chars().count() >= 2);
    if let Some(&c) = abbreviated.as_ref().and_then(|a| by_key.get(&format!("name:{a}"))) {
        return c;
    }
    let national = unknown && without_nationality(lex, &words).len() < words.len();
    if (m.label == "PERSON" || unknown && !national)
        && let Some((given, surname)) = lex.given_and_surname(&words)
    {
        let given = given.to_string();
        let cands = match by_surname.get_mut(surname) {
            Some(v) => v,
            None => by_surname.entry(surname.to_string()).or_default(),
        };
        let found = cands.iter().rev().find(|(_, g)| given_agrees(g.as_deref(), &given)).map(|(c, _)| *c);
        let c = match found {
            Some(c) => {
                // A surname seen alone first now gets its given name.
                for (cc, g) in cands.iter_mut() {
                    if *cc == c && g.is_none() {
                        *g = Some(given.clone());
                    }
                }
                c
            }
            None => {
                let c = push(m.label, label_of);
                cands.push((c, Some(given.clone())));
                c
            }
        };
        by_key.entry(key).or_insert(c);
        by_given.entry(given).or_insert(c);
        if let Some(a) = abbreviated {
            // Not yet known to be a person: "Internet Explorer 6" may come back as IE6.
            by_key.entry(format!("acro:{a}")).or_insert(c);
        }
        return c;
    }
    if words.len() == 1 {
        let w = lex.given_name_key(words[0]).to_string();
        if (m.label != "ORG" || !doc.tokens.get(m.tok.0).is_some_and(|t| t.all_caps))
            && let Some(c) = by_surname.get(&w).and_then(|v| v.last()).map(|(c, _)| *c)
        {
            return c;
        }
        if let Some(&c) = by_key.get(&key) {
            return c;
        }
        if doc.tokens.get(m.tok.0).is_some_and(|t| t.all_caps)
            && let Some(&c) = by_key.get(&format!("acro:{}", words[0].replace('.', "")))
        {
            return c;
        }
        if let Some(&c) = by_key.get(&format!("last:{}", words[0])) {
            return c;
        }
        if (m.label == "PERSON" || m.label == "MISC")
            && let Some(&c) = by_given.get(&w)
            && label_of.get(c) == Some(&"PERSON")
            && m.label == "MISC"
            && lex.given_names.contains(&w)
        {
            return c;
        }
        let label = if m.label == "MISC" { "MISC" } else { m.label };
        let c = push(label, label_of);
        by_key.insert(key, c);
        if label == "PERSON" || label == "MISC" {
            by_surname.entry(w).or_default().push((c, None));
        }
        return c;
    }
    if let Some(&c) = by_key.get(&key) {
        return c;
    }
    // "the State of Texas", "the City of London": the place itself.
    let bare = words.strip_prefix(&["the"]).unwrap_or(&words);
    let place_of = (m.label == "GPE" && bare.get(1) == Some(&"of")).then(|| bare[2..].join(" "));
    if let Some(place) = &place_of {
        let canon = lex.names.get(place.as_str()).map(|e| e.canonical.as_str());
        let known = canon.and_then(|cn| by_canon.get(cn)).or_else(|| by_key.get(&format!("name:{place}")));
        if let Some(&c) = known {
            by_key.insert(key, c);
            return c;
        }
    }
    let acro = acronym(doc, m);
    // The acronym may have come first ("USI … the University of Southern Indiana").
    let earlier = (acro.chars().count() >= 2).then(|| by_key.get(&format!("name:{acro}")).copied()).flatten();
    let c = earlier.unwrap_or_else(|| push(m.label, label_of));
    by_key.insert(key, c);
    if acro.chars().count() >= 2 {
        by_key.entry(format!("acro:{acro}")).or_insert(c);
    }
    // "Google Chrome" … "Chrome", "Space Shuttle Columbia" … "Columbia": a thing's name is
    // shortened to its last word (names with "of" are shortened after it, below).
    if let Some(last) = words.last().filter(|_| !words.contains(&"of")) {
        by_key.entry(format!("last:{last}")).or_insert(c);
    }
    // The place named first as "the State of Texas" is the same when named alone.
    if let Some(place) = place_of {
        if let Some(e) = lex.names.get(place.as_str()) {
            by_canon.entry(e.canonical.as_str()).or_insert(c);
        }
        by_key.entry(format!("name:{place}")).or_insert(c);
    }
    // "Church of Scientology": later "Scientology" alone is the same organisation.
    if m.label == "ORG"
        && let Some(of) = words.iter().position(|w| *w == "of")
        && of > 0
    {
        let rest: Vec<&str> = words[of + 1..].iter().copied().filter(|w| *w != "the").collect();
        if !rest.is_empty() {
            by_key.entry(format!("name:{}", rest.join(" "))).or_insert(c);
        }
        // "the Italian Supreme Court of Cassation" is then "the Supreme Court".
        let before_of = words[..of].strip_prefix(&["the"]).unwrap_or(&words[..of]);
        let kind = without_nationality(lex, before_of);
        if kind.len() >= 2 {
            by_key.entry(format!("name:{}", kind.join(" "))).or_insert(c);
        }
    }
    // "the Andy Warhol Foundation for the Visual Arts" is then "the Andy Warhol Foundation".
    if m.label == "ORG"
        && let Some(f) = words.iter().position(|w| *w == "for")
    {
        let before_for = words[..f].strip_prefix(&["the"]).unwrap_or(&words[..f]);
        if before_for.len() >= 2 {
            by_key.entry(format!("name:{}", before_for.join(" "))).or_insert(c);
        }
    }
    // "the Russian Foreign Ministry" is then "the Foreign Ministry".
    if m.label != "PERSON" {
        let rest = without_nationality(lex, bare);
        if rest.len() >= 2 && rest.len() < bare.len() {
            by_key.entry(format!("name:{}", rest.join(" "))).or_insert(c);
        }
    }
    c
}

/// A name's words without the nationality opening it ("Italian", "Russian").
fn without_nationality<'a, 'w>(lex: &lexicon::Lexicon, words: &'a [&'w str]) -> &'a [&'w str] {
    match words.split_first() {
        Some((first, rest)) if lex.names.get(*first).is_some_and(|e| e.label == "NORP") => rest,
        _ => words,
    }
}

/// Whether the word at `i` is written elsewhere in the text before the last word of a place's
/// name ("Danube" of "the Danube River", "the Danube Delta"): the word alone is that place.
fn names_a_place(doc: &Doc, i: usize) -> bool {
    let word = doc.lower(i);
    let place_words = &lexicon::get().name_words.place_words;
    (0..doc.tokens.len().saturating_sub(1))
        .any(|k| doc.tokens[k + 1].cap && doc.lower(k) == word && place_words.contains(doc.lower(k + 1)))
}

fn finish(
    doc: &Doc,
    mut list: Vec<Ment>,
    order: Vec<usize>,
    cluster: Vec<usize>,
    antecedent: Vec<Option<usize>>,
    label_of: Vec<&'static str>,
    attrs: Vec<Attr>,
) -> (Detections, Vec<bool>) {
    let n = list.len();
    // Keep mentions with an entity; new indices in text order.
    let mut new_index = vec![usize::MAX; n];
    let mut kept = Vec::new();
    for &mi in &order {
        if cluster[mi] != NO_ENTITY {
            new_index[mi] = kept.len();
            kept.push(mi);
        }
    }
    // Entities numbered by first mention (indexed by cluster).
    let mut ent_index: Vec<usize> = vec![usize::MAX; label_of.len()];
    let mut entities: Vec<Entity> = Vec::new();
    let mut best: Vec<(usize, usize)> = Vec::new(); // (score, mention) for the display name
    for &mi in &kept {
        let c = cluster[mi];
        let Some(slot) = ent_index.get_mut(c) else { continue };
        if *slot == usize::MAX {
            // A name of several words nothing typed (never a speaker, never titled, not read by
            // the entity model as a person, an organisation or a place) stays MISC: a name of
            // another kind ("the Second World War", "the Clean Air Act"), not a guessed person.
            // One word written with a capital again and again is most often a team, a company or
            // a band ("the Pacers"), unless the text names the place it is ("the Danube River").
            let mut label = label_of.get(c).copied().unwrap_or("ORG");
            if label == "MISC" && list[mi].tok.1 - list[mi].tok.0 == 1 {
                label = if names_a_place(doc, list[mi].tok.0) { "LOC" } else { "ORG" };
            }
            entities.push(Entity { id: entities.len(), label, name: String::new(), aliases: Vec::new() });
            best.push((0, mi));
            *slot = entities.len() - 1;
        }
        let e = *slot;
        let m = &list[mi];
        let score = match m.kind {
            MKind::Name => 100 + (m.tok.1 - m.tok.0).min(6) * 10 - usize::from(m.canonical.is_some()),
            MKind::Value | MKind::Title => 50,
            MKind::Role | MKind::Other | MKind::Nominal => 20,
            _ => 1,
        };
        if score > best[e].0 {
            best[e] = (score, mi);
        }
    }
    for (e, &(_, mi)) in best.iter().enumerate() {
        let m = &list[mi];
        entities[e].name = match m.canonical {
            Some(c) => c.to_string(),
            None => super::slice(&doc.chars, m.start, m.end),
        };
    }
    let mut mentions: Vec<Mention> = Vec::with_capacity(kept.len());
    for &mi in &kept {
        let reason = std::mem::take(&mut list[mi].reason);
        let m = &list[mi];
        let e = ent_index.get(cluster[mi]).copied().filter(|&e| e != usize::MAX).unwrap_or(0);
        let label = match (m.kind, m.label) {
            (MKind::Name, "MISC") => entities.get(e).map_or("ORG", |x| x.label),
            (MKind::Name, "PERSON") if entities.get(e).is_some_and(|x| x.label != "PERSON") => entities[e].label,
            (MKind::Pronoun | MKind::Neuter | MKind::Role | MKind::SelfRef | MKind::Nominal, _) => {
                entities.get(e).map_or("PERSON", |x| x.label)
            }
            _ => m.label,
        };
        if m.kind == MKind::Name
            && let (Some(ent), Some(surface)) = (entities.get_mut(e), doc.chars.get(m.start..m.end))
        {
            let same = |s: &String| s.chars().eq(surface.iter().copied());
            if !same(&ent.name) && !ent.aliases.iter().any(same) {
                ent.aliases.push(surface.iter().collect());
            }
        }
        mentions.push(Mention {
            start: m.start,
            end: m.end,
            label,
            entity: e,
            antecedent: antecedent[mi].and_then(|a| new_index.get(a).copied()).filter(|&a| a != usize::MAX),
            form: match m.kind {
                MKind::Name | MKind::Value => MentionForm::Name,
                MKind::Pronoun | MKind::Neuter | MKind::SelfRef => MentionForm::Pronoun,
                MKind::Role | MKind::Title | MKind::Nominal | MKind::Other => MentionForm::Nominal,
            },
            reason,
            margin: m.margin.filter(|_| label == m.label),
        });
    }
    for ent in &mut entities {
        ent.aliases.sort();
        ent.aliases.dedup();
    }
    let mut named: Vec<bool> = entities.iter().map(|e| e.label == "TITLE").collect();
    for &mi in &kept {
        if list[mi].kind == MKind::Name
            && let Some(f) = ent_index.get(cluster[mi]).and_then(|&e| named.get_mut(e))
        {
            *f = true;
        }
    }
    let mut d = Detections { quotes: Vec::with_capacity(attrs.len()), mentions, entities };
    for a in attrs {
        let speaker = a.speaker.and_then(|s| new_index.get(s).copied()).filter(|&s| s != usize::MAX);
        let speaker_entity = speaker.and_then(|s| d.mentions.get(s)).map(|m| m.entity);
        d.quotes.push(Quote {
            start: a.start,
            end: a.end,
            kind: a.kind,
            speaker,
            speaker_entity,
            cue: a.cue,
            part_of: a.part_of,
            attribution: a.attribution,
            type_reason: a.type_reason,
            rule: a.rule,
            reason: a.reason,
        });
    }
    (d, named)
}
