//! What organisations, places and things are referred back to by: "the company", "the country",
//! "it", "its", "they".
//!
//! Both look only at the names of the last few sentences (a bounded window over the names seen so
//! far, in text order), so each mention costs a handful of comparisons.

use super::super::entities::Ment;
use super::super::lexicon;
use super::super::tokens::Doc;
use super::NO_ENTITY;

/// Names of places, organisations and things seen so far, in text order.
pub(super) struct Recent<'a> {
    /// Mention indices (names, and descriptions and pronouns already resolved to one).
    pub names: &'a [usize],
    pub list: &'a [Ment],
    pub cluster: &'a [usize],
    pub label_of: &'a [&'static str],
    /// Mentions so far of each cluster.
    pub mentions_of: &'a [u32],
}

/// How many recent names a description or pronoun may look back over.
const WINDOW: usize = 64;

impl Recent<'_> {
    fn window(&self) -> impl Iterator<Item = usize> + '_ {
        self.names.iter().rev().take(WINDOW).copied()
    }

    fn label(&self, mi: usize) -> Option<&'static str> {
        self.cluster.get(mi).filter(|&&c| c != NO_ENTITY).and_then(|&c| self.label_of.get(c)).copied()
    }

    /// What "the festival" / "the country" refers back to: the latest name headed by the same
    /// word, else (for place, organisation and event heads) the most mentioned recent name of that
    /// kind.
    pub fn nominal_target(&self, doc: &Doc, m: &Ment) -> Option<usize> {
        let h = m.tok.1.checked_sub(1)?;
        let head = doc.lower(h);
        // The head word heads the name: its last word, or the word before "of" ("the church" →
        // "Church of Scientology"; not "the city" → "City Lantern Festival").
        let named = self.window().find(|&nm| {
            self.list.get(nm).is_some_and(|x| {
                let last = x.tok.1 - 1;
                doc.lower(last) == head || (x.tok.0..last).any(|j| doc.lower(j) == head && doc.lower(j + 1) == "of")
            })
        });
        if named.is_some() {
            return named;
        }
        let event = |nm: usize| {
            self.list.get(nm).is_some_and(|x| x.tok.1 > x.tok.0 && doc.has(x.tok.1 - 1, lexicon::F_NOMINAL_EVENT))
        };
        let fits: &dyn Fn(usize) -> bool = if doc.has(h, lexicon::F_NOMINAL_GPE) {
            &|nm| self.label(nm) == Some("GPE")
        } else if doc.has(h, lexicon::F_NOMINAL_ORG) {
            &|nm| self.label(nm) == Some("ORG")
        } else if doc.has(h, lexicon::F_NOMINAL_EVENT) {
            &event
        } else {
            return None;
        };
        // The most mentioned one of that kind in the window; the latest on a tie.
        super::most_mentioned(self.window().filter(|&nm| fits(nm)), self.cluster, self.mentions_of)
    }

    /// "the Church" after "the Church of Scientology", "the North" after "North Korea": a single
    /// capitalised word after "the" that is one word of a longer name named before.
    pub fn shortened(&self, doc: &Doc, m: &Ment) -> Option<usize> {
        let (s, e) = m.tok;
        let inside_longer = doc.tokens.get(e).is_some_and(|t| t.cap && doc.is_word(e));
        if e != s + 1 || m.canonical.is_some() || s == 0 || doc.lower(s - 1) != "the" || inside_longer {
            return None;
        }
        let word = doc.lower(s);
        self.window().find(|&nm| {
            self.list.get(nm).is_some_and(|x| {
                x.tok.1 > x.tok.0 + 1
                    && x.tok.1 <= s
                    && (x.tok.0..x.tok.1).any(|j| doc.is_word(j) && doc.lower(j) == word)
            }) && self.label(nm).is_some_and(|l| l != "PERSON")
        })
    }

    /// What "it" / "its" / "they" refers back to: an organisation, place or thing (or a name not
    /// yet known to be a person's) named in the same or the previous sentence.
    pub fn pronoun_target(&self, doc: &Doc, m: &Ment) -> Option<usize> {
        // Inside a quotation "it" is more often an idea than a name from the narrative, and "we" is
        // the speaker's (see `resolve`).
        if m.quote.is_some() || pleonastic(doc, m.tok.0) {
            return None;
        }
        let plural = doc.pronoun(m.tok.0).starts_with("th");
        let sent = doc.tokens.get(m.tok.0)?.sent();
        let sent_of = |nm: usize| self.list.get(nm).and_then(|x| doc.tokens.get(x.tok.0)).map(|t| t.sent());
        // The nearest sentence with a candidate, and in it the first candidate (the subject, more
        // often than not).
        let mut best: Option<usize> = None;
        for nm in self.window() {
            let Some(s) = sent_of(nm) else { break };
            if s + 1 < sent || best.is_some_and(|b| sent_of(b) != Some(s)) {
                break;
            }
            // "they" names an organisation or a team far more often than a country.
            let place = matches!(self.label(nm), Some("GPE" | "LOC"));
            let group = self.label(nm) == Some("NORP");
            if matches!(self.label(nm), Some("ORG" | "MISC")) || place && !plural || group && plural {
                best = Some(nm);
            }
        }
        best
    }

    /// The name an abbreviation in brackets stands for, or the abbreviation a name in brackets
    /// spells out: "the European Union (EU)", "CEI (Italian Episcopal Conference)", and "the Union
    /// of Rationalist Atheists and Agnostics (UAAR)", where the name found ends a word or two before
    /// the bracket and starts with the abbreviation's letter.
    pub fn bracketed(&self, doc: &Doc, m: &Ment) -> Option<usize> {
        let (s, e) = m.tok;
        // A nationality opening the name in brackets may stand apart ("(Italian Episcopal …").
        let open = (1..=2)
            .filter_map(|d| s.checked_sub(d))
            .find(|&o| doc.is_punct(o, '('))
            .filter(|&o| doc.is_punct(e, ')') && (o + 1..s).all(|j| doc.tokens.get(j).is_some_and(|t| t.cap)))?;
        let abbreviation = |x: &Ment| x.tok.1 == x.tok.0 + 1 && doc.tokens.get(x.tok.0).is_some_and(|t| t.all_caps);
        let initial = |x: &Ment| doc.lower(x.tok.0).chars().next();
        let sent = doc.tokens.get(s)?.sent();
        self.window().take(4).find(|&nm| {
            self.list.get(nm).is_some_and(|x| {
                let adjacent = x.tok.1 == open && (abbreviation(m) || abbreviation(x));
                let spelled = x.tok.1 < open
                    && x.tok.1 + 2 >= open
                    && abbreviation(m)
                    && initial(x) == initial(m)
                    && (x.tok.1..open).all(|j| doc.is_word(j))
                    && doc.tokens.get(x.tok.0).is_some_and(|t| t.sent() == sent);
                adjacent || spelled
            }) && self.label(nm).is_some_and(|l| l != "PERSON")
        })
    }

    /// The organisation or place a person's name is introduced with: a name ending at most three
    /// words before it, with only title or role words (and a possessive) between.
    pub fn affiliation(&self, doc: &Doc, person: &Ment) -> Option<usize> {
        let start = person.tok.0;
        let nm = self.names.iter().rev().take(3).copied().find(|&nm| {
            self.list.get(nm).is_some_and(|x| x.tok.1 <= start && x.tok.1 + 3 >= start && x.tok.1 > x.tok.0)
        })?;
        let x = self.list.get(nm)?;
        let between_ok = (x.tok.1..start)
            .all(|j| doc.lower(j) == "'s" || doc.is_word(j) && !doc.has(j, lexicon::F_FUNCTION_WORDS | lexicon::F_CUE));
        (between_ok && matches!(self.label(nm), Some("ORG" | "GPE"))).then_some(nm)
    }
}

/// "it is impossible to be sure that …", "it was not clear whether …", "it's time to …": an "it"
/// that stands for the clause after it refers to nothing named before.
fn pleonastic(doc: &Doc, i: usize) -> bool {
    if doc.lower(i) != "it" {
        return false;
    }
    let n = doc.tokens.len();
    let mut j = i + 1;
    let mut verb = false;
    while j < n && j < i + 5 {
        match doc.lower(j) {
            "is" | "was" | "'s" | "be" | "been" | "seems" | "seemed" | "appears" | "appeared" | "remains"
            | "remained" | "becomes" | "became" => verb = true,
            "will" | "would" | "may" | "might" | "could" | "can" | "must" | "should" | "has" | "had" | "have"
            | "not" | "n't" => {}
            _ => break,
        }
        j += 1;
    }
    if !verb {
        return false;
    }
    let opens_clause =
        |k: usize| matches!(doc.lower(k), "to" | "that" | "whether" | "if" | "why" | "how" | "when" | "for");
    // Degree words before the adjective ("so hard to", "very clear that"; "likely that" is the
    // adjective itself).
    let degree = |k: usize| {
        let w = doc.lower(k);
        matches!(w, "very" | "so" | "too" | "more" | "less" | "quite" | "still" | "also")
            || w.ends_with("ly") && w.len() > 4
    };
    while j + 1 < n && degree(j) && !opens_clause(j + 1) {
        j += 1;
    }
    j + 1 < n
        && doc.is_word(j)
        && !doc.tokens[j].cap
        && !doc.has(j, lexicon::F_FUNCTION_WORDS | lexicon::F_PRONOUNS)
        && opens_clause(j + 1)
}
