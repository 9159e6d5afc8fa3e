//! Word lists, read once from `assets/lexicon/*.txt` (embedded with `include_str!`).
//!
//! The lists are data so a linguist can extend them without touching code. Every lookup is by
//! lower-cased form; multi-word names are keyed by their lower-cased words joined with single
//! spaces, and the longest length of each list bounds the window the matchers try, so matching
//! stays linear. Parsing is forgiving: blank lines and `#` comments are skipped, unknown section
//! names are ignored, so a malformed list can only make the detector miss things, never fail.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::model::AttributionType;

/// A small multiply-rotate hasher (the "Fx" scheme) for short word keys: lexicon lookups run
/// several times per token, and SipHash's DoS resistance buys nothing for embedded word lists.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

const CUE_VERBS: &str = include_str!("../../assets/lexicon/cue_verbs.txt");
const CUE_PHRASES: &str = include_str!("../../assets/lexicon/cue_phrases.txt");
const TITLES: &str = include_str!("../../assets/lexicon/titles.txt");
const GIVEN_NAMES: &str = include_str!("../../assets/lexicon/given_names.txt");
const NAME_VARIANTS: &str = include_str!("../../assets/lexicon/name_variants.txt");
const PLACES: &str = include_str!("../../assets/lexicon/places.txt");
const DEMONYMS: &str = include_str!("../../assets/lexicon/demonyms.txt");
const ORGANISATIONS: &str = include_str!("../../assets/lexicon/organisations.txt");
const GRAMMAR: &str = include_str!("../../assets/lexicon/grammar.txt");
const ATTRIBUTION_TYPES: &str = include_str!("../../assets/lexicon/attribution_types.txt");
const ATTRIBUTION_WORDS: &str = include_str!("../../assets/lexicon/attribution_words.txt");
const NAME_WORDS: &str = include_str!("../../assets/lexicon/name_words.txt");
const GEONAMES: &str = include_str!("../../assets/lexicon/geonames.txt");

/// Bit flags of the word classes a lower-cased word belongs to (see [`Lexicon::flags`]).
pub const F_FUNCTION_WORDS: u32 = 1 << 0;
pub const F_PRONOUNS: u32 = 1 << 1;
pub const F_ABBREVIATIONS: u32 = 1 << 2;
pub const F_SENTENCE_STARTERS: u32 = 1 << 3;
pub const F_AUX: u32 = 1 << 4;
pub const F_MONTHS: u32 = 1 << 5;
pub const F_WEEKDAYS: u32 = 1 << 6;
pub const F_TEMPORAL: u32 = 1 << 7;
pub const F_NUMBER_WORDS: u32 = 1 << 8;
pub const F_UNITS: u32 = 1 << 9;
pub const F_CURRENCIES: u32 = 1 << 10;
pub const F_ORG_HEADS: u32 = 1 << 11;
pub const F_TITLE_INTRO: u32 = 1 << 12;
pub const F_PERSON_DET: u32 = 1 << 13;
pub const F_TITLE_WORDS: u32 = 1 << 14;
pub const F_ROLE_NOUNS: u32 = 1 << 15;
pub const F_GIVEN_NAMES: u32 = 1 << 16;
pub const F_CUE: u32 = 1 << 17;
pub const F_PHRASE: u32 = 1 << 18;
pub const F_PERSON_ROLES: u32 = 1 << 19;
/// A speech verb (`CueClass::Speech`), as opposed to thinking and stance verbs.
pub const F_SPEECH: u32 = 1 << 20;
/// First word of a gazetteer name (places, organisations, demonyms): only such words start a lookup.
pub const F_NAME_START: u32 = 1 << 21;
/// Heads of definite descriptions that can refer back to a name ("the festival").
pub const F_NOMINAL: u32 = 1 << 22;
/// … and may refer to the last place named ("the country").
pub const F_NOMINAL_GPE: u32 = 1 << 23;
/// … or to the last organisation named ("the company").
pub const F_NOMINAL_ORG: u32 = 1 << 24;
/// Given names of women / of men (for he/she resolution).
pub const F_FEMALE: u32 = 1 << 25;
pub const F_MALE: u32 = 1 << 26;
/// Labels before a colon that are not sources ("note", "photo").
pub const F_NOT_SPEAKER: u32 = 1 << 27;
/// Speech verbs that report speech even in a line without final punctuation (a headline).
pub const F_HEADLINE_CUE: u32 = 1 << 28;
/// Heads of descriptions and names of events ("the contest" → the latest named championship).
pub const F_NOMINAL_EVENT: u32 = 1 << 29;
/// Not from a list: set by the tokenizer on a pronoun with a contraction ("I'm", "they've").
pub const F_CONTRACTION: u32 = 1 << 30;

/// How strongly a verb signals reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// say, tell, warn … : takes a quotation or a clause.
    Speech,
    /// think, believe … : only with a that-clause or a clause with a subject.
    Cognition,
    /// decline, want, expect … : only before a to-infinitive.
    Stance,
}

/// A gazetteer entry: label and the canonical name all its aliases share.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub label: &'static str,
    pub canonical: String,
}

#[derive(Default)]
pub struct Lexicon {
    pub cue_verbs: FastMap<String, CueClass>,
    /// Multi-word cues by first word: (remaining words, source follows the cue).
    pub cue_phrases: FastMap<String, Vec<(Vec<String>, bool)>>,
    pub title_words: FastSet<String>,
    pub role_nouns: FastSet<String>,
    /// Role nouns that name one person ("minister", "diplomat").
    pub person_roles: FastSet<String>,
    pub given_names: FastSet<String>,
    pub female_names: FastSet<String>,
    pub male_names: FastSet<String>,
    /// Given name → the first spelling of its variant group.
    pub name_variant: FastMap<String, String>,
    /// Lower-cased name (places, organisations, demonyms) → entry.
    pub names: FastMap<String, NameEntry>,
    /// Longest gazetteer name, in words.
    pub max_name_words: usize,
    /// Beginnings of listed names that a longer listed name goes on from, cut where the tokenizer
    /// cuts ("united" and "united states" for "united states of america", "people" for "people's
    /// republic"): a search for a name stops at the first word no listed name goes on with.
    pub name_prefixes: FastSet<String>,
    pub function_words: FastSet<String>,
    pub pronouns: FastSet<String>,
    pub abbreviations: FastSet<String>,
    pub sentence_starters: FastSet<String>,
    pub aux: FastSet<String>,
    pub months: FastSet<String>,
    pub weekdays: FastSet<String>,
    pub temporal: FastSet<String>,
    pub number_words: FastSet<String>,
    pub units: FastSet<String>,
    /// Units of time: a number of them is a date or period ("three years", "the 5th century").
    pub periods: FastSet<String>,
    pub currencies: FastSet<String>,
    pub org_heads: FastSet<String>,
    pub title_intro: FastSet<String>,
    pub person_det: FastSet<String>,
    pub nominal: FastSet<String>,
    pub nominal_gpe: FastSet<String>,
    pub nominal_org: FastSet<String>,
    pub not_speaker: FastSet<String>,
    pub headline_cues: FastSet<String>,
    pub nominal_event: FastSet<String>,
    /// Cue words and phrases (lower-cased words joined by single spaces) → their attribution type.
    pub cue_types: FastMap<String, AttributionType>,
    /// Places a demonym names (`demonyms.txt`: "Russian = Russia"): countries and nations, which
    /// speak for their governments ("Russia said"), as cities do not.
    pub countries: FastSet<String>,
    /// A demonym's place, both as name keys ("russian" → "russia").
    pub demonym_places: FastMap<String, String>,
    /// Heads of sources that are documents, studies or data ("report", "poll").
    pub document_sources: FastSet<String>,
    /// Every listed word → the classes it belongs to, so a token needs one lookup.
    pub word_flags: FastMap<String, u32>,
    /// Words the attribution rules read around a cue (`attribution_words.txt`).
    pub attribution_words: AttributionWords,
    /// Words the name rules read inside a capitalised run (`name_words.txt`).
    pub name_words: NameWords,
}

/// Sections of `name_words.txt`.
pub const NAME_WORD_SECTIONS: [&str; 14] = [
    "place_head",
    "placed_head",
    "place_word",
    "place_modifier",
    "connector",
    "region",
    "other_head",
    "common_acronym",
    "era",
    "demonym_ending",
    "place_role",
    "run_breaker",
    "day_name_modifier",
    "name_particle",
];

/// The word classes of `name_words.txt`, one set per section.
#[derive(Default)]
pub struct NameWords {
    /// Heads of "X of Y" place names ("State of Texas").
    pub place_heads: FastSet<String>,
    /// Heads of "X of Y" organisation names whose Y is a place ("University of Texas"), not a
    /// subject ("Museum of Flight").
    pub placed_heads: FastSet<String>,
    /// Last words of place names ("Ocean", "Park", "Empire").
    pub place_words: FastSet<String>,
    /// Words that make a new place of a listed one before it ("Lower Austria", "New France").
    pub place_modifiers: FastSet<String>,
    /// Small words joining the parts of one name ("Bank of England", "Charles de Gaulle").
    pub connectors: FastSet<String>,
    /// Directions that pair with "and" inside one name ("Central and Eastern Europe").
    pub regions: FastSet<String>,
    /// Heads of names of events, periods, laws and awards ("the Second World War", "the Clean
    /// Air Act"): such a name is MISC, not an organisation or a person.
    pub other_heads: FastSet<String>,
    /// Abbreviations of things, not names ("DNA", "GDP", "TV").
    pub common_acronyms: FastSet<String>,
    /// Era markers that belong to a year ("500 BC", "AD 79").
    pub eras: FastSet<String>,
    /// Endings of words for peoples and nationalities ("Macedonian", "Vietnamese").
    pub demonym_endings: FastSet<String>,
    /// Words whose "of …" is a place: "the mayor of Brisbane", "the kings of Gezer".
    pub place_roles: FastSet<String>,
    /// Capitalised words that start a new sentence, not more of a name, after a heading with no
    /// full stop ("… Elizabeth Quat In the New Territories").
    pub run_breakers: FastSet<String>,
    /// Words that make a day's name a name ("Super Tuesday", "Good Friday").
    pub day_name_modifiers: FastSet<String>,
    /// Particles inside a person's name after its first word ("Charles de Gaulle").
    pub name_particles: FastSet<String>,
}

impl NameWords {
    /// Reads the sectioned list; an unknown section or a word before any section is an error.
    pub fn parse(src: &str) -> Result<NameWords, String> {
        let [
            place_heads,
            placed_heads,
            place_words,
            place_modifiers,
            connectors,
            regions,
            other_heads,
            common_acronyms,
            eras,
            demonym_endings,
            place_roles,
            run_breakers,
            day_name_modifiers,
            name_particles,
        ] = word_sets(src, &NAME_WORD_SECTIONS)?;
        Ok(NameWords {
            place_heads,
            placed_heads,
            place_words,
            place_modifiers,
            connectors,
            regions,
            other_heads,
            common_acronyms,
            eras,
            demonym_endings,
            place_roles,
            run_breakers,
            day_name_modifiers,
            name_particles,
        })
    }
}

/// Sections of `attribution_words.txt`.
pub const ATTRIBUTION_WORD_SECTIONS: [&str; 12] = [
    "adjunct_head",
    "addressee_verb",
    "stance_object",
    "subordinator",
    "content_end",
    "passive_aux",
    "that_only",
    "share",
    "share_hedge",
    "participle_lead",
    "question_opener",
    "possibility_modal",
];

/// The word classes of `attribution_words.txt`, one set per section.
#[derive(Default)]
pub struct AttributionWords {
    /// Heads of phrases between a cue and its content ("in a statement", "on Monday").
    pub adjunct_heads: FastSet<String>,
    /// Verbs addressing someone before the content ("told reporters …").
    pub addressee_verbs: FastSet<String>,
    /// Verbs whose object alone is the attributed content ("criticized the plan").
    pub stance_objects: FastSet<String>,
    /// Words opening a subordinate clause ("While those surveyed said …, …").
    pub subordinators: FastSet<String>,
    /// Words after a comma that end reported content ("…, which …", "…, even though …").
    pub content_ends: FastSet<String>,
    /// Forms of "be" that make a participle after them a passive ("is aimed").
    pub passive_auxiliaries: FastSet<String>,
    /// Speech verbs that report a clause only with "that" after them ("continued his push").
    pub that_only: FastSet<String>,
    /// Words naming a share of a group of people ("half", "most", "percent").
    pub shares: FastSet<String>,
    /// Words hedging a share before it ("about", "nearly", "more than").
    pub share_hedges: FastSet<String>,
    /// Words before a participle that leave it without a subject ("when asked …").
    pub participle_leads: FastSet<String>,
    /// Words opening the question a passive "asked" puts ("whether", "about").
    pub question_openers: FastSet<String>,
    /// Modals before a verb of saying that make it an act that may happen ("could", "may").
    pub possibility_modals: FastSet<String>,
}

impl AttributionWords {
    /// Reads the sectioned list; an unknown section or a word before any section is an error.
    pub fn parse(src: &str) -> Result<AttributionWords, String> {
        let [
            adjunct_heads,
            addressee_verbs,
            stance_objects,
            subordinators,
            content_ends,
            passive_auxiliaries,
            that_only,
            shares,
            share_hedges,
            participle_leads,
            question_openers,
            possibility_modals,
        ] = word_sets(src, &ATTRIBUTION_WORD_SECTIONS)?;
        Ok(AttributionWords {
            adjunct_heads,
            addressee_verbs,
            stance_objects,
            subordinators,
            content_ends,
            passive_auxiliaries,
            that_only,
            shares,
            share_hedges,
            participle_leads,
            question_openers,
            possibility_modals,
        })
    }
}

/// The lower-cased words of each of the `known` sections of a sectioned list, in the order of
/// `known` (see [`sections_checked`] for what is refused).
fn word_sets<const N: usize>(src: &str, known: &[&str; N]) -> Result<[FastSet<String>; N], String> {
    let mut sets: [FastSet<String>; N] = std::array::from_fn(|_| FastSet::default());
    for (section, line) in sections_checked(src, known)? {
        if let Some(k) = known.iter().position(|&s| s == section) {
            sets[k].extend(line.split_whitespace().map(str::to_lowercase));
        }
    }
    Ok(sets)
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

/// Place names from GeoNames (`geonames.txt`), a feature of the entity model only: far more
/// names than the rules' gazetteer, with ordinary words among them ("Mobile", "Reading"), so a
/// hit is evidence to weigh, never a decision.
pub struct PlaceNames {
    /// Keys as [`name_key`] makes them: the file's lines as they are, so loading copies nothing.
    pub names: FastSet<&'static str>,
    /// Longest name, in words.
    pub max_words: usize,
}

/// The GeoNames place names, parsed on first use.
pub fn place_names() -> &'static PlaceNames {
    static PLACES: OnceLock<PlaceNames> = OnceLock::new();
    PLACES.get_or_init(|| {
        let mut names: FastSet<&'static str> = FastSet::default();
        names.reserve(GEONAMES.len() / 12);
        names.extend(lines(GEONAMES));
        let max_words = names.iter().map(|n| n.bytes().filter(|&b| b == b' ').count() + 1).max().unwrap_or(1);
        PlaceNames { names, max_words }
    })
}

/// The lexicon, parsed on first use.
pub fn get() -> &'static Lexicon {
    LEXICON.get_or_init(Lexicon::load)
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Sections of `grammar.txt`.
pub const GRAMMAR_SECTIONS: &[&str] = &[
    "function",
    "pronoun",
    "abbreviation",
    "starter",
    "aux",
    "month",
    "weekday",
    "temporal",
    "number",
    "unit",
    "period",
    "currency",
    "org_head",
    "title_intro",
    "person_det",
    "nominal",
    "nominal_gpe",
    "nominal_org",
    "nominal_event",
    "not_speaker",
    "headline_cue",
];

/// Sections of `attribution_types.txt`.
pub const ATTRIBUTION_TYPE_SECTIONS: &[&str] = &["statement", "belief", "evidence", "question", "document_source"];

/// The lines of a sectioned list as (section, line), comments and blank lines skipped. A line
/// before the first section or a section not in `known` is an error naming it, so a typo in a
/// list cannot silently switch it off.
pub fn sections_checked<'a>(src: &'a str, known: &[&str]) -> Result<Vec<(&'a str, &'a str)>, String> {
    let mut out = Vec::new();
    let mut section: Option<&str> = None;
    for (n, raw) in src.lines().enumerate() {
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            if !known.contains(&name) {
                return Err(format!("line {}: unknown section [{name}] (known: {})", n + 1, known.join(", ")));
            }
            section = Some(name);
            continue;
        }
        match section {
            Some(s) => out.push((s, l)),
            None => return Err(format!("line {}: {l:?} comes before any section", n + 1)),
        }
    }
    Ok(out)
}

/// Splits a name into lower-cased words the way the tokenizer would ("U.S." stays whole, the
/// possessive is split off), joined with single spaces.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            if c == '\u{2019}' {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon::default();
        let mut class = CueClass::Speech;
        for l in lines(CUE_VERBS) {
            match l {
                "[speech]" => class = CueClass::Speech,
                "[cognition]" => class = CueClass::Cognition,
                "[stance]" => class = CueClass::Stance,
                _ => {
                    for w in l.split_whitespace() {
                        lex.cue_verbs.entry(w.to_lowercase()).or_insert(class);
                    }
                }
            }
        }
        for l in lines(CUE_PHRASES) {
            let (source_after, rest) = match l.strip_prefix('<') {
                Some(r) => (true, r),
                None => (false, l),
            };
            let words: Vec<String> = rest.split_whitespace().map(str::to_lowercase).collect();
            if let Some((first, tail)) = words.split_first() {
                lex.cue_phrases.entry(first.clone()).or_default().push((tail.to_vec(), source_after));
            }
        }
        for v in lex.cue_phrases.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        let mut section = "";
        for l in lines(TITLES) {
            if l.starts_with('[') {
                section = l;
                continue;
            }
            let set = match section {
                "[role]" => &mut lex.role_nouns,
                "[person_role]" => &mut lex.person_roles,
                _ => &mut lex.title_words,
            };
            set.extend(l.split_whitespace().map(str::to_lowercase));
        }
        let mut section = "";
        for l in lines(GIVEN_NAMES) {
            if l.starts_with('[') {
                section = l;
                continue;
            }
            let set = match section {
                "[female]" => &mut lex.female_names,
                "[male]" => &mut lex.male_names,
                _ => &mut lex.given_names,
            };
            set.extend(l.split_whitespace().map(str::to_lowercase));
        }
        // A name that is almost always a woman's or a man's is a given name too.
        let gendered: Vec<String> = lex.female_names.iter().chain(&lex.male_names).cloned().collect();
        lex.given_names.extend(gendered);
        for l in lines(NAME_VARIANTS) {
            let words: Vec<String> = l.split_whitespace().map(str::to_lowercase).collect();
            if let Some(first) = words.first() {
                for w in &words {
                    lex.name_variant.insert(w.clone(), first.clone());
                }
            }
        }
        let mut label: &'static str = "GPE";
        for l in lines(PLACES) {
            match l {
                "[GPE]" => label = "GPE",
                "[LOC]" => label = "LOC",
                _ => lex.add_names(l, label),
            }
        }
        for l in lines(ORGANISATIONS) {
            lex.add_names(l, "ORG");
        }
        for l in lines(DEMONYMS) {
            // "Russian = Russia": the demonym is its own NORP entity (measured on GUM: folding it
            // into the place's entity groups worse); the place names the country a person
            // introduced with the demonym speaks for.
            let name = l.split('=').next().unwrap_or("").trim();
            if let Some(place) = l.split('=').nth(1).map(str::trim).filter(|p| !p.is_empty()) {
                lex.countries.insert(name_key(place));
                lex.demonym_places.insert(name_key(name), name_key(place));
            }
            if !name.is_empty() {
                let key = name_key(name);
                lex.names.entry(key).or_insert(NameEntry { label: "NORP", canonical: name.to_string() });
            }
        }
        // A malformed shipped list is a bug: `sections_checked` is tested to accept every file.
        for (section, l) in sections_checked(GRAMMAR, GRAMMAR_SECTIONS).unwrap_or_default() {
            let set = match section {
                "function" => &mut lex.function_words,
                "pronoun" => &mut lex.pronouns,
                "abbreviation" => &mut lex.abbreviations,
                "starter" => &mut lex.sentence_starters,
                "aux" => &mut lex.aux,
                "month" => &mut lex.months,
                "weekday" => &mut lex.weekdays,
                "temporal" => &mut lex.temporal,
                "number" => &mut lex.number_words,
                "unit" => &mut lex.units,
                "period" => &mut lex.periods,
                "currency" => &mut lex.currencies,
                "org_head" => &mut lex.org_heads,
                "title_intro" => &mut lex.title_intro,
                "person_det" => &mut lex.person_det,
                "nominal" => &mut lex.nominal,
                "nominal_gpe" => &mut lex.nominal_gpe,
                "nominal_org" => &mut lex.nominal_org,
                "not_speaker" => &mut lex.not_speaker,
                "headline_cue" => &mut lex.headline_cues,
                "nominal_event" => &mut lex.nominal_event,
                _ => continue,
            };
            set.extend(l.split_whitespace().map(str::to_lowercase));
        }
        // A malformed shipped list is a bug: `sections_checked` is tested to accept every file.
        for (section, line) in sections_checked(ATTRIBUTION_TYPES, ATTRIBUTION_TYPE_SECTIONS).unwrap_or_default() {
            let ty = match section {
                "statement" => AttributionType::Statement,
                "belief" => AttributionType::Belief,
                "evidence" => AttributionType::Evidence,
                "question" => AttributionType::Question,
                _ => {
                    lex.document_sources.extend(line.split_whitespace().map(str::to_lowercase));
                    continue;
                }
            };
            match line.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
                Some(phrase) => {
                    lex.cue_types.entry(name_key(phrase)).or_insert(ty);
                }
                None => {
                    for w in line.split_whitespace() {
                        lex.cue_types.entry(w.to_lowercase()).or_insert(ty);
                    }
                }
            }
        }
        let mut flags: FastMap<String, u32> = FastMap::default();
        for w in &lex.function_words {
            *flags.entry(w.clone()).or_default() |= F_FUNCTION_WORDS;
        }
        for w in &lex.pronouns {
            *flags.entry(w.clone()).or_default() |= F_PRONOUNS;
        }
        for w in &lex.abbreviations {
            *flags.entry(w.clone()).or_default() |= F_ABBREVIATIONS;
        }
        for w in &lex.sentence_starters {
            *flags.entry(w.clone()).or_default() |= F_SENTENCE_STARTERS;
        }
        for w in &lex.aux {
            *flags.entry(w.clone()).or_default() |= F_AUX;
        }
        for w in &lex.months {
            *flags.entry(w.clone()).or_default() |= F_MONTHS;
        }
        for w in &lex.weekdays {
            *flags.entry(w.clone()).or_default() |= F_WEEKDAYS;
        }
        for w in &lex.temporal {
            *flags.entry(w.clone()).or_default() |= F_TEMPORAL;
        }
        for w in &lex.number_words {
            *flags.entry(w.clone()).or_default() |= F_NUMBER_WORDS;
        }
        for w in &lex.units {
            *flags.entry(w.clone()).or_default() |= F_UNITS;
        }
        for w in &lex.currencies {
            *flags.entry(w.clone()).or_default() |= F_CURRENCIES;
        }
        for w in &lex.org_heads {
            *flags.entry(w.clone()).or_default() |= F_ORG_HEADS;
        }
        for w in &lex.title_intro {
            *flags.entry(w.clone()).or_default() |= F_TITLE_INTRO;
        }
        for w in &lex.person_det {
            *flags.entry(w.clone()).or_default() |= F_PERSON_DET;
        }
        for w in &lex.title_words {
            *flags.entry(w.clone()).or_default() |= F_TITLE_WORDS;
        }
        for w in &lex.role_nouns {
            *flags.entry(w.clone()).or_default() |= F_ROLE_NOUNS;
        }
        for w in &lex.given_names {
            *flags.entry(w.clone()).or_default() |= F_GIVEN_NAMES;
        }
        for (set, flag) in [
            (&lex.nominal, F_NOMINAL),
            (&lex.nominal_gpe, F_NOMINAL_GPE),
            (&lex.nominal_org, F_NOMINAL_ORG),
            (&lex.not_speaker, F_NOT_SPEAKER),
            (&lex.headline_cues, F_HEADLINE_CUE),
            (&lex.nominal_event, F_NOMINAL_EVENT),
        ] {
            for w in set {
                *flags.entry(w.clone()).or_default() |= flag;
            }
        }
        for w in &lex.female_names {
            *flags.entry(w.clone()).or_default() |= F_FEMALE;
        }
        for w in &lex.male_names {
            *flags.entry(w.clone()).or_default() |= F_MALE;
        }
        for w in &lex.person_roles {
            *flags.entry(w.clone()).or_default() |= F_PERSON_ROLES;
        }
        for (w, class) in &lex.cue_verbs {
            let speech = if *class == CueClass::Speech { F_SPEECH } else { 0 };
            *flags.entry(w.clone()).or_default() |= F_CUE | speech;
        }
        for key in lex.names.keys() {
            for (cut, _) in key.match_indices(' ').chain(key.match_indices("'s")) {
                if cut > 0 {
                    lex.name_prefixes.insert(key[..cut].to_string());
                }
            }
            let first = key.split(' ').next().unwrap_or("");
            // "russia's": the tokenizer splits the possessive off.
            let first = first.strip_suffix("'s").unwrap_or(first);
            *flags.entry(first.to_string()).or_default() |= F_NAME_START;
        }
        for w in lex.cue_phrases.keys() {
            *flags.entry(w.clone()).or_default() |= F_PHRASE;
        }
        lex.word_flags = flags;
        // A malformed shipped list is a bug: the test below parses the shipped file.
        lex.attribution_words = AttributionWords::parse(ATTRIBUTION_WORDS).unwrap_or_default();
        lex.name_words = NameWords::parse(NAME_WORDS).unwrap_or_default();
        lex
    }

    /// The attribution type of a cue (its words lower-cased, joined by single spaces): the whole
    /// cue when listed, else its first word listed in `attribution_types.txt` or `cue_verbs.txt`
    /// (auxiliaries and negation skipped); a multi-word cue of `cue_phrases.txt` is a statement.
    pub fn cue_type(&self, key: &str) -> Option<AttributionType> {
        if let Some(&t) = self.cue_types.get(key) {
            return Some(t);
        }
        if !key.contains(' ') {
            return self.cue_verbs.get(key).map(|class| match class {
                CueClass::Speech => AttributionType::Statement,
                CueClass::Cognition | CueClass::Stance => AttributionType::Belief,
            });
        }
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        // A multi-word cue listed whole (its first word starts the phrase).
        for (i, w) in words.iter().enumerate() {
            let Some(phrases) = self.cue_phrases.get(*w) else { continue };
            let rest = &words[i + 1..];
            if phrases.iter().any(|(tail, _)| rest.starts_with(&tail.iter().map(String::as_str).collect::<Vec<_>>())) {
                let whole = words[i..].join(" ");
                return Some(self.cue_types.get(&whole).copied().unwrap_or(AttributionType::Statement));
            }
        }
        for w in &words {
            if self.aux.contains(*w) && !self.cue_verbs.contains_key(*w) || matches!(*w, "not" | "n't" | "no") {
                continue;
            }
            if let Some(&t) = self.cue_types.get(*w) {
                return Some(t);
            }
            if let Some(class) = self.cue_verbs.get(*w) {
                return Some(match class {
                    CueClass::Speech => AttributionType::Statement,
                    CueClass::Cognition | CueClass::Stance => AttributionType::Belief,
                });
            }
        }
        None
    }

    fn add_names(&mut self, line: &str, label: &'static str) {
        let mut parts = line.split('=').map(str::trim).filter(|p| !p.is_empty());
        let Some(canonical) = parts.next() else { return };
        for name in std::iter::once(canonical).chain(parts) {
            let key = name_key(name);
            let words = key.split(' ').count() + key.matches("'s").count();
            self.max_name_words = self.max_name_words.max(words + 1);
            // British and American spellings name the same body ("World Health Organisation").
            if key.contains("organization") {
                let british = key.replace("organization", "organisation");
                self.names.entry(british).or_insert(NameEntry { label, canonical: canonical.to_string() });
            }
            self.names.entry(key).or_insert(NameEntry { label, canonical: canonical.to_string() });
        }
    }

    /// Word-class flags of a lower-cased word (0 when unlisted).
    pub fn flags(&self, lower: &str) -> u32 {
        self.word_flags.get(lower).copied().unwrap_or(0)
    }

    /// The variant-group representative of a given name ("sergey" → "sergei").
    pub fn given_name_key<'a>(&'a self, lower: &'a str) -> &'a str {
        self.name_variant.get(lower).map_or(lower, String::as_str)
    }

    /// A person's name of two or more lower-cased words as (given name, surname), both as
    /// variant-group keys. The given name is the first listed one before the surname
    /// ("scientologist tom cruise" → tom), else the first word.
    pub fn given_and_surname<'a>(&'a self, words: &[&'a str]) -> Option<(&'a str, &'a str)> {
        let (&last, rest) = words.split_last().filter(|(_, rest)| !rest.is_empty())?;
        let given = rest.iter().copied().find(|w| self.given_names.contains(*w)).unwrap_or(rest[0]);
        Some((self.given_name_key(given), self.given_name_key(last)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_name_is_stored_as_its_own_key() {
        let places = place_names();
        assert!(places.names.len() > 30_000);
        for line in lines(GEONAMES) {
            assert_eq!(name_key(line), line, "a line of geonames.txt that lookups would never match");
        }
        assert!(places.names.contains("rio de janeiro") && places.names.contains("a coruña"));
    }

    #[test]
    fn the_section_parser_rejects_unknown_sections() {
        assert!(sections_checked(ATTRIBUTION_TYPES, ATTRIBUTION_TYPE_SECTIONS).is_ok());
        assert!(sections_checked(GRAMMAR, GRAMMAR_SECTIONS).is_ok());
        let err = sections_checked("[statement]\nsay\n[beleif]\nthink\n", ATTRIBUTION_TYPE_SECTIONS).unwrap_err();
        assert!(err.contains("line 3") && err.contains("[beleif]"), "{err}");
        assert!(sections_checked("say\n", ATTRIBUTION_TYPE_SECTIONS).is_err());
    }

    #[test]
    fn name_words_parse_and_reject_unknown_sections() {
        let words = NameWords::parse(NAME_WORDS).expect("shipped list parses");
        assert!(words.place_heads.contains("republic") && words.connectors.contains("van"));
        assert!(words.regions.contains("eastern"));
        assert!(words.run_breakers.contains("during") && words.day_name_modifiers.contains("super"));
        assert!(words.name_particles.contains("bin") && !words.name_particles.contains("of"));
        assert!(NameWords::parse("[connector]\nof\n[conector]\nde\n").is_err());
    }

    #[test]
    fn attribution_words_parse_and_reject_unknown_sections() {
        let words = AttributionWords::parse(ATTRIBUTION_WORDS).expect("shipped list parses");
        assert!(words.adjunct_heads.contains("statement") && words.addressee_verbs.contains("told"));
        assert!(words.stance_objects.contains("endorsed") && words.subordinators.contains("while"));
        assert!(words.that_only.contains("continued") && !words.that_only.contains("said"));
        let err =
            AttributionWords::parse("[adjunct_head]\nstatement\n[adjunct_heads]\nrally\n").err().unwrap_or_default();
        assert!(err.contains("line 3") && err.contains("[adjunct_heads]"), "{err}");
    }

    #[test]
    fn cues_are_typed_by_their_words() {
        let lex = get();
        let t = |cue: &str| lex.cue_type(&name_key(cue));
        assert_eq!(t("said"), Some(AttributionType::Statement));
        assert_eq!(t("has not said"), Some(AttributionType::Statement));
        assert_eq!(t("according to"), Some(AttributionType::Statement));
        assert_eq!(t("told reporters"), Some(AttributionType::Statement));
        assert_eq!(t("believes"), Some(AttributionType::Belief));
        assert_eq!(t("plans"), Some(AttributionType::Belief));
        assert_eq!(t("is expected"), Some(AttributionType::Belief));
        assert_eq!(t("expressed hope"), Some(AttributionType::Belief));
        assert_eq!(t("found"), Some(AttributionType::Evidence));
        assert_eq!(t("seemed"), Some(AttributionType::Evidence));
        assert_eq!(t("asked"), Some(AttributionType::Question));
        assert_eq!(t(":"), None);
        assert_eq!(t("walked"), None);
    }
}
