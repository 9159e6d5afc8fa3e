//! The attribution rules by name: a stable id for each way the detector finds a quotation and
//! its speaker, with what it finds. The id is carried into every quotation ([`super::Attr::rule`],
//! [`crate::detect::Quote::rule`]), into the suggestion's origin, and counted by `sayso eval`,
//! which prints each rule's precision, so a weak rule shows itself.
//!
//! The table lists the rules in the order they are tried on one quotation or cue: for a quoted
//! span the direct rules top to bottom (the first that finds a speaker wins), then indirect
//! speech sentence by sentence, then partial quotations inside what the first two found.

/// A named rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, `attr.<kind>.<what it finds>`.
    pub id: &'static str,
    /// One line: what it finds, with an example.
    pub description: &'static str,
}

macro_rules! rules {
    ($($name:ident = $id:literal : $desc:literal;)*) => {
        $(pub const $name: Rule = Rule { id: $id, description: $desc };)*
        /// Every attribution rule, in the order they are tried.
        pub const ALL: &[Rule] = &[$($name),*];
    };
}

rules! {
    DIRECT_CUE_RIGHT_BEFORE = "attr.direct.cue_right_before":
        "a cue right before the opening mark: Smith said: “…”, According to Woodward, “…”";
    DIRECT_NAME_COLON = "attr.direct.name_colon":
        "a name and a colon opening the paragraph: Cecile Richards: ‘…’";
    DIRECT_CUE_AFTER = "attr.direct.cue_after":
        "a cue and its subject after the closing mark: ,” he said / ,” said Smith / ” ― Jane Doe";
    DIRECT_SPLIT_PART = "attr.direct.split_part":
        "a later part of a quotation split around its attribution: “…,” he said. “…”";
    DIRECT_CUE_BEFORE = "attr.direct.cue_before":
        "a cue and its subject earlier before the opening mark";
    DIRECT_PASSAGE = "attr.direct.passage":
        "no cue of its own: the speaker of the running passage (within two paragraphs)";
    DIRECT_AFTER_REPORTED = "attr.direct.after_reported":
        "no cue of its own, right after reported speech: that speech's speaker";
    DIRECT_UNATTRIBUTED = "attr.direct.unattributed":
        "words in quotation marks standing as a sentence, no cue or speaker found";
    INDIRECT_NAME_COLON_LINE = "attr.indirect.name_colon_line":
        "a short name and a colon opening a paragraph, then what that source says: CLINTON: …";
    INDIRECT_ACCORDING_TO = "attr.indirect.according_to":
        "a source after the cue: according to officials, …  /  …, according to officials";
    INDIRECT_INVERTED = "attr.indirect.inverted":
        "the reported clause, then the cue and its subject: …, said Smith";
    INDIRECT_QUESTION_PUT = "attr.indirect.question_put":
        "a question a passive \"asked\" puts, its asker after \"by\" or unnamed: Asked whether …, she said";
    INDIRECT_THAT_CLAUSE = "attr.indirect.that_clause":
        "a subject, a cue and a that-clause: Smith said that …";
    INDIRECT_CLAUSE_AFTER = "attr.indirect.clause_after":
        "a subject, a cue and a clause or an infinitive after it: Smith said the plan …, declined to …";
    INDIRECT_CLAUSE_BEFORE = "attr.indirect.clause_before":
        "the reported clause, then the subject and the cue: …, officials said";
    MIXED_IN_REPORTED = "attr.mixed.in_reported":
        "a quoted fragment inside reported speech takes its speaker: … to stop “sabotaging” …";
    MIXED_CUE_AFTER = "attr.mixed.cue_after":
        "a quoted fragment closed by a comma and a cue with its subject: …, ''broadening …,'' said Smith";
    MIXED_CUE_IN_SENTENCE = "attr.mixed.cue_in_sentence":
        "a quoted fragment of three words or more in a sentence with a cue and its subject";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut ids: Vec<&str> = ALL.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        assert!(ALL.iter().all(|r| r.id.starts_with("attr.") && !r.description.is_empty()));
    }
}
