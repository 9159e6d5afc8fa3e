//! Long texts in sections. A document of hundreds of kilobytes is detected section by section,
//! each a few dozen kilobytes cut at a paragraph break that no quotation crosses, and the
//! sections' entities are then joined by name. Every pass then works on data that stays in the
//! processor's cache, so a long document goes as fast per byte as a short article (in one pass
//! over the whole text, a 3.4 MB document ran at under two thirds of the speed). A text of
//! article size is one section and is detected exactly as before.

use super::lexicon::{self, FastMap};
use super::{Detections, Entity};

/// Sections aim at this many bytes; a text up to half as long again stays whole.
pub const SECTION_BYTES: usize = 32 * 1024;

/// Byte ranges of the sections of `text`, in order, covering it.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    split_at(text, SECTION_BYTES)
}

fn split_at(text: &str, target: usize) -> Vec<(usize, usize)> {
    let len = text.len();
    if len <= target + target / 2 {
        return vec![(0, len)];
    }
    // Paragraphs as the tokenizer sees them: blank-line separated in hard-wrapped text, else lines.
    let blank_mode = super::tokens::blank_lines_only(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut para_start = 0;
    let mut i = 0;
    while let Some(nl) = text.get(i..).and_then(|rest| rest.find('\n')) {
        let at = i + nl;
        let next = if blank_mode { blank_line_after(text, at + 1) } else { Some(skip_space(text, at + 1)) };
        let Some(next) = next else {
            i = at + 1;
            continue;
        };
        // Tested only once a section is long enough.
        if next - start >= target
            && len - next >= target / 2
            && quotes_closed(&text[para_start..at])
            && opens_fresh(&text[next..])
        {
            out.push((start, next));
            start = next;
        }
        para_start = next;
        i = next.max(at + 1);
    }
    out.push((start, len));
    out
}

/// Where the next paragraph starts when a blank line (only whitespace up to another line break)
/// follows the line break that ends before byte `from`.
fn blank_line_after(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let gap = rest.find(|c: char| c == '\n' || !c.is_whitespace())?;
    rest[gap..].starts_with('\n').then(|| skip_space(text, from + gap))
}

/// The first byte from `from` on that is not whitespace (or the end).
fn skip_space(text: &str, from: usize) -> usize {
    text.get(from..).and_then(|rest| rest.find(|c: char| !c.is_whitespace())).map_or(text.len(), |k| from + k)
}

/// A paragraph that reads on its own: it opens with a capital or a digit, not a quotation mark
/// (a quotation running on), a lower-case word (a broken line), a pronoun or a connective (which
/// lean on the paragraph before: "He added …", "But …").
fn opens_fresh(para: &str) -> bool {
    if !para.chars().next().is_some_and(|c| c.is_alphanumeric() && !c.is_lowercase()) {
        return false;
    }
    let word: String = para.chars().take_while(|c| c.is_alphabetic()).take(10).flat_map(char::to_lowercase).collect();
    !matches!(
        word.as_str(),
        "he" | "she"
            | "they"
            | "it"
            | "his"
            | "her"
            | "their"
            | "its"
            | "we"
            | "i"
            | "this"
            | "that"
            | "these"
            | "those"
            | "but"
            | "and"
            | "so"
            | "yet"
            | "or"
            | "also"
            | "still"
            | "however"
            | "meanwhile"
            | "then"
    )
}

/// A paragraph after which no quotation runs on: its straight double quotes pair up and it
/// closes as many curly quotes and guillemets as it opens. (The paragraph that opens a quotation
/// running over several paragraphs leaves it open, so no section ends there.)
fn quotes_closed(para: &str) -> bool {
    let (mut straight, mut opens, mut closes) = (0usize, 0usize, 0usize);
    for c in para.chars() {
        match c {
            '"' => straight += 1,
            '“' | '„' | '«' => opens += 1,
            '”' | '»' => closes += 1,
            _ => {}
        }
    }
    straight % 2 == 0 && opens == closes
}

/// Joins the detections of consecutive sections into one document's: offsets shifted, indices
/// re-pointed, and entities named alike in different sections made one.
#[derive(Default)]
pub struct Merge {
    out: Detections,
    /// Code points before the next section.
    offset: usize,
    /// The names of the entities so far.
    names: NameIndex<usize>,
}

/// Entities' names, found again as grouping within a text finds them: the same name or alias;
/// for a person the same surname with a matching given name (or none: Sergey → Sergei); else
/// the same acronym (UN Security Council / UNSC). Sections of a long text are joined with it,
/// and so are the documents of a project.
pub struct NameIndex<K> {
    /// Family (`p:` people, `t:` titles, `o:` everything else) + lower-cased name form → entity.
    by_form: FastMap<String, K>,
    /// Surname → people with it and their given name, if known.
    by_surname: FastMap<String, Vec<(K, Option<String>)>>,
}

impl<K> Default for NameIndex<K> {
    fn default() -> Self {
        NameIndex { by_form: FastMap::default(), by_surname: FastMap::default() }
    }
}

impl<K: Copy + PartialEq> NameIndex<K> {
    /// The entity registered before that an entity of `label` named `name` (also known as
    /// `aliases`) is.
    pub fn find(&self, label: &str, name: &str, aliases: &[String]) -> Option<K> {
        let family = family(label);
        let forms = || std::iter::once(name).chain(aliases.iter().map(String::as_str));
        if let Some(g) = forms().find_map(|f| self.by_form.get(&form_key(family, f)).copied()) {
            return Some(g);
        }
        if family == 'o' {
            return forms().find_map(|f| self.by_form.get(&acronym_key(f)?).copied());
        }
        if family != 'p' {
            return None;
        }
        let lex = lexicon::get();
        let multi = forms().filter_map(|f| person_parts(lex, f)).find_map(|(given, surname)| {
            let cands = self.by_surname.get(&surname)?;
            cands.iter().rev().find(|(_, g)| super::coref::given_agrees(g.as_deref(), &given)).map(|(c, _)| *c)
        });
        multi.or_else(|| {
            forms()
                .filter(|f| !f.contains(char::is_whitespace))
                .find_map(|f| self.by_surname.get(lex.given_name_key(&f.to_lowercase()))?.last().map(|(c, _)| *c))
        })
    }

    /// Records an entity's names so that later ones find it.
    pub fn register(&mut self, g: K, label: &str, name: &str, aliases: &[String]) {
        let family = family(label);
        let lex = lexicon::get();
        for f in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            self.by_form.entry(form_key(family, f)).or_insert(g);
            if family == 'o'
                && let Some(key) = acronym_key(f)
            {
                self.by_form.entry(key).or_insert(g);
            }
            if family != 'p' {
                continue;
            }
            match person_parts(lex, f) {
                Some((given, surname)) => {
                    let cands = self.by_surname.entry(surname).or_default();
                    match cands.iter_mut().find(|(c, _)| *c == g) {
                        Some((_, known @ None)) => *known = Some(given),
                        Some(_) => {}
                        None => cands.push((g, Some(given))),
                    }
                }
                None => {
                    let cands = self.by_surname.entry(lex.given_name_key(&f.to_lowercase()).to_string()).or_default();
                    if !cands.iter().any(|(c, _)| *c == g) {
                        cands.push((g, None));
                    }
                }
            }
        }
    }
}

impl Merge {
    /// Adds the next section: its text, its detections, and which of its entities are named
    /// (groups of names or titles, which can recur in another section, as numbers and unresolved
    /// pronouns do not).
    pub fn add(&mut self, text: &str, d: Detections, named: &[bool]) {
        let (mb, qb, off) = (self.out.mentions.len(), self.out.quotes.len(), self.offset);
        let mut global = Vec::with_capacity(d.entities.len());
        for (e, ent) in d.entities.into_iter().enumerate() {
            let keyed = named.get(e).copied().unwrap_or(false);
            let found = if keyed { self.find(&ent) } else { None };
            let g = found.unwrap_or(self.out.entities.len());
            if keyed {
                self.register(g, &ent);
            }
            match found {
                Some(g) => self.absorb(g, &ent),
                None => self.out.entities.push(Entity { id: g, ..ent }),
            }
            global.push(g);
        }
        let to_global = |e: usize| global.get(e).copied().unwrap_or(0);
        self.out.mentions.extend(d.mentions.into_iter().map(|mut m| {
            m.start += off;
            m.end += off;
            m.entity = to_global(m.entity);
            m.antecedent = m.antecedent.map(|a| a + mb);
            m
        }));
        self.out.quotes.extend(d.quotes.into_iter().map(|mut q| {
            q.start += off;
            q.end += off;
            q.speaker = q.speaker.map(|s| s + mb);
            q.speaker_entity = q.speaker_entity.map(to_global);
            q.cue = q.cue.map(|(a, b)| (a + off, b + off));
            q.part_of = q.part_of.map(|p| p + qb);
            q
        }));
        self.offset += text.chars().count();
    }

    /// The whole document's detections.
    pub fn finish(mut self) -> Detections {
        for e in &mut self.out.entities {
            e.aliases.retain(|a| *a != e.name);
            e.aliases.sort();
            e.aliases.dedup();
        }
        self.out
    }

    fn find(&self, ent: &Entity) -> Option<usize> {
        self.names.find(ent.label, &ent.name, &ent.aliases)
    }

    fn register(&mut self, g: usize, ent: &Entity) {
        self.names.register(g, ent.label, &ent.name, &ent.aliases);
    }

    /// Adds a section's entity to an earlier one: its forms become aliases, and the fuller name
    /// (more words) is the one shown.
    fn absorb(&mut self, g: usize, ent: &Entity) {
        let Some(target) = self.out.entities.get_mut(g) else { return };
        target.aliases.extend(ent.aliases.iter().cloned());
        if ent.name.split_whitespace().count() > target.name.split_whitespace().count() {
            let old = std::mem::replace(&mut target.name, ent.name.clone());
            target.aliases.push(old);
        } else {
            target.aliases.push(ent.name.clone());
        }
    }
}

/// People are matched among people, titles among titles, everything else among everything else
/// (a place named in one section may be tagged an organisation in another).
fn family(label: &str) -> char {
    match label {
        "PERSON" => 'p',
        "TITLE" => 't',
        _ => 'o',
    }
}

/// A name's key: family, then its lower-cased words without a leading "the".
fn form_key(family: char, form: &str) -> String {
    let mut key = String::with_capacity(form.len() + 2);
    key.push(family);
    key.push(':');
    let mut words = form.split_whitespace().peekable();
    if words.peek().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.next();
    }
    for (i, w) in words.enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
    key
}

/// The acronym a name is known by, as a key: an acronym itself ("UNSC", "U.S."), or the initials
/// of a name of several words ("UN Security Council" → unsc; acronyms and numbers in it count
/// whole, "of", "the", "for" and "and" not at all). None for a single word in lower or title case.
fn acronym_key(form: &str) -> Option<String> {
    let words: Vec<&str> = form.split_whitespace().collect();
    let caps = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    let mut key = String::from("a:");
    match words[..] {
        [word] if caps(word) => key.extend(word.chars().filter(|&c| c != '.').flat_map(char::to_lowercase)),
        [_] | [] => return None,
        _ => {
            for w in words {
                if super::coref::left_out_of_acronym(&w.to_lowercase()) {
                    continue;
                }
                if caps(w) || w.chars().any(|c| c.is_ascii_digit()) {
                    key.extend(w.chars().filter(|&c| c != '.').flat_map(char::to_lowercase));
                } else {
                    key.extend(w.chars().next().into_iter().flat_map(char::to_lowercase));
                }
            }
        }
    }
    (key.chars().count() >= 4).then_some(key)
}

/// A person's name of two or more words as (given name, surname), normalised for
/// transliteration (Sergey → Sergei) as grouping within a text does.
fn person_parts(lex: &lexicon::Lexicon, form: &str) -> Option<(String, String)> {
    let lower: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<&str> = lower.iter().map(String::as_str).collect();
    lex.given_and_surname(&words).map(|(given, surname)| (given.to_string(), surname.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_one_section() {
        assert_eq!(split_at("One paragraph.\n\nAnother.", 100), vec![(0, 24)]);
    }

    #[test]
    fn sections_end_at_paragraph_breaks_outside_quotations() {
        let para = "Aleppo was quiet, the minister said.\n\n";
        let open = "“We will stay,\n\n";
        let cont = "“and we will not leave,” he said.\n\n";
        let text = format!("{}{open}{cont}{}", para.repeat(3), para.repeat(6));
        let parts = split_at(&text, 100);
        assert!(parts.len() > 1);
        assert_eq!(parts.first().map(|p| p.0), Some(0));
        assert_eq!(parts.last().map(|p| p.1), Some(text.len()));
        for w in parts.windows(2) {
            assert_eq!(w[0].1, w[1].0, "sections are contiguous");
        }
        for &(_, b) in &parts[..parts.len() - 1] {
            assert!(text[b..].starts_with("Aleppo"), "cut at {b}: {:?}", &text[b..]);
        }
    }

    #[test]
    fn sections_never_open_on_a_pronoun_or_connective() {
        assert!(opens_fresh("Lavrov said."));
        assert!(opens_fresh("2016 was a year."));
        for para in ["He said.", "But then.", "“We will,” he said.", "and so on.", "It is."] {
            assert!(!opens_fresh(para), "{para}");
        }
    }

    /// One section's detections: one mention per entity, named as given.
    fn section(names: &[(&'static str, &str)]) -> (String, Detections, Vec<bool>) {
        let mut d = Detections::default();
        let mut text = String::new();
        for (i, (label, name)) in names.iter().enumerate() {
            let start = text.chars().count();
            text.push_str(name);
            text.push_str(". ");
            d.entities.push(Entity { id: i, label, name: name.to_string(), aliases: Vec::new() });
            d.mentions.push(super::super::Mention {
                start,
                end: start + name.chars().count(),
                label,
                entity: i,
                antecedent: None,
                form: super::super::MentionForm::Name,
                reason: "name".into(),
                margin: None,
            });
        }
        (text, d, vec![true; names.len()])
    }

    /// The entity names after joining the sections, and the entity of each mention.
    fn joined(sections: &[&[(&'static str, &str)]]) -> (Vec<String>, Vec<usize>) {
        let mut merge = Merge::default();
        for names in sections {
            let (text, d, named) = section(names);
            merge.add(&text, d, &named);
        }
        let d = merge.finish();
        (d.entities.iter().map(|e| e.name.clone()).collect(), d.mentions.iter().map(|m| m.entity).collect())
    }

    #[test]
    fn sections_join_people_by_name_surname_and_transliteration() {
        let first: &[(&str, &str)] = &[("PERSON", "Hillary Clinton"), ("PERSON", "Bill Clinton"), ("PERSON", "Lavrov")];
        let second: &[(&str, &str)] =
            &[("PERSON", "Sergey Lavrov"), ("PERSON", "Hillary Clinton"), ("PERSON", "Clinton")];
        let (names, of) = joined(&[first, second]);
        // Lavrov gains his given name; Hillary is found again; "Clinton" alone is the latest one.
        assert_eq!(names, ["Hillary Clinton", "Bill Clinton", "Sergey Lavrov"]);
        assert_eq!(of, [0, 1, 2, 2, 0, 1]);
    }

    #[test]
    fn sections_join_organisations_by_acronym_either_way() {
        let (names, of) = joined(&[&[("ORG", "UN Security Council")], &[("ORG", "UNSC"), ("ORG", "Unsc Holdings")]]);
        assert_eq!(names, ["UN Security Council", "Unsc Holdings"]);
        assert_eq!(of, [0, 0, 1]);
        let (_, of) = joined(&[&[("GPE", "U.S.")], &[("GPE", "United States")], &[("PERSON", "Us")]]);
        assert_eq!(of, [0, 0, 1]);
    }

    #[test]
    fn names_key_without_case_or_article() {
        assert_eq!(form_key('o', "The  United Nations"), "o:united nations");
        assert_eq!(form_key('p', "Sergei Lavrov"), "p:sergei lavrov");
    }
}
