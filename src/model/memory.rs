//! What the analyst taught, kept with the project so that it outlasts the suggestions it was
//! taught on: the labels they gave names ("Pacers" is an ORG), the words they rejected as a
//! speaker or a label ("KEEPING SCORE" is no speaker), and the canonical names of entities with
//! their aliases. New articles are detected with it ([`crate::recall`]).
//!
//! Words are kept as the analyst saw them and compared case-folded with their whitespace
//! collapsed, so "the  Pacers" and "The Pacers" are one lesson. Every list is kept sorted by its
//! key and holds one entry per key: the same lessons give the same file, and two analysts'
//! additions merge line by line.

use super::Layer;
use serde::{Deserialize, Serialize};

/// Words compared case-folded with their whitespace collapsed.
pub fn normalise(words: &str) -> String {
    words.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// Words the analyst gave a label on a layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labelled {
    pub words: String,
    pub layer: Layer,
    pub label: String,
}

/// Words the analyst rejected with a label on a layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    pub words: String,
    pub layer: Layer,
    pub label: String,
}

/// An entity's canonical name and the other names the analyst grouped under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub label: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// One entry of the memory, as the analyst sees and removes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lesson {
    Label(Labelled),
    Rejection(Rejected),
    Name(Named),
}

impl std::fmt::Display for Lesson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Lesson::Label(l) => write!(f, "\"{}\" is {} ({})", l.words, l.label, l.layer.name()),
            Lesson::Rejection(r) => write!(f, "\"{}\" is no {} ({})", r.words, r.label, r.layer.name()),
            Lesson::Name(n) if n.aliases.is_empty() => write!(f, "{} ({})", n.name, n.label),
            Lesson::Name(n) => write!(f, "{} ({}) also: {}", n.name, n.label, n.aliases.join(", ")),
        }
    }
}

/// Every list is written, empty or not, so that each kind of lesson has its place in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memory {
    #[serde(default)]
    pub labels: Vec<Labelled>,
    #[serde(default)]
    pub rejected: Vec<Rejected>,
    #[serde(default)]
    pub names: Vec<Named>,
}

type LabelKey = (String, Layer);
type RejectKey = (String, Layer, String);
type NameKey = (String, String);

fn label_key(l: &Labelled) -> LabelKey {
    (normalise(&l.words), l.layer.clone())
}

fn reject_key(r: &Rejected) -> RejectKey {
    (normalise(&r.words), r.layer.clone(), r.label.clone())
}

fn name_key(n: &Named) -> NameKey {
    (normalise(&n.name), n.label.clone())
}

/// Inserts `entry` in its place in `list` (sorted by `key`), replacing the one with its key.
fn upsert<T, K: Ord>(list: &mut Vec<T>, entry: T, key: impl Fn(&T) -> K) {
    let k = key(&entry);
    match list.binary_search_by(|e| key(e).cmp(&k)) {
        Ok(i) => list[i] = entry,
        Err(i) => list.insert(i, entry),
    }
}

impl Memory {
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.rejected.is_empty() && self.names.is_empty()
    }

    pub fn len(&self) -> usize {
        self.labels.len() + self.rejected.len() + self.names.len()
    }

    /// Every entry, labels first, then rejections, then names, each in its sorted order.
    pub fn lessons(&self) -> impl Iterator<Item = Lesson> + '_ {
        let labels = self.labels.iter().cloned().map(Lesson::Label);
        let rejected = self.rejected.iter().cloned().map(Lesson::Rejection);
        labels.chain(rejected).chain(self.names.iter().cloned().map(Lesson::Name))
    }

    /// The label the analyst gave `words` on `layer`.
    pub fn label_of(&self, words: &str, layer: &Layer) -> Option<&Labelled> {
        let k = (normalise(words), layer.clone());
        self.labels.binary_search_by(|l| label_key(l).cmp(&k)).ok().map(|i| &self.labels[i])
    }

    /// Whether the analyst rejected `words` with `label` on `layer`.
    pub fn rejection_of(&self, words: &str, layer: &Layer, label: &str) -> Option<&Rejected> {
        let k = (normalise(words), layer.clone(), label.to_string());
        self.rejected.binary_search_by(|r| reject_key(r).cmp(&k)).ok().map(|i| &self.rejected[i])
    }

    /// Remembers that `words` are a `label` on `layer`: a rejection of them as that label goes.
    pub fn teach_label(&mut self, words: &str, layer: &Layer, label: &str) {
        let entry = Labelled { words: words.trim().to_string(), layer: layer.clone(), label: label.to_string() };
        self.forget_rejection(words, layer, label);
        upsert(&mut self.labels, entry, label_key);
    }

    /// Remembers that `words` are no `label` on `layer`: a remembered label of them as that goes.
    pub fn teach_rejection(&mut self, words: &str, layer: &Layer, label: &str) {
        if self.label_of(words, layer).is_some_and(|l| l.label == label) {
            let k = (normalise(words), layer.clone());
            self.labels.retain(|l| label_key(l) != k);
        }
        let entry = Rejected { words: words.trim().to_string(), layer: layer.clone(), label: label.to_string() };
        upsert(&mut self.rejected, entry, reject_key);
    }

    /// Forgets a rejection of `words` as `label` (the analyst accepted them after all).
    pub fn forget_rejection(&mut self, words: &str, layer: &Layer, label: &str) {
        let k = (normalise(words), layer.clone(), label.to_string());
        self.rejected.retain(|r| reject_key(r) != k);
    }

    /// Remembers an entity's canonical name and aliases. Entries for names now among its
    /// aliases (entities merged into it, its old name) go: they are this entity.
    pub fn teach_name(&mut self, label: &str, name: &str, aliases: &[String]) {
        let aliases = clean_aliases(name, aliases);
        let gone: Vec<NameKey> = aliases.iter().map(|a| (normalise(a), label.to_string())).collect();
        self.names.retain(|n| !gone.contains(&name_key(n)));
        upsert(&mut self.names, Named { label: label.to_string(), name: name.trim().to_string(), aliases }, name_key);
    }

    /// Removes one entry; false when the memory does not hold it.
    pub fn forget(&mut self, lesson: &Lesson) -> bool {
        let before = self.len();
        match lesson {
            Lesson::Label(l) => self.labels.retain(|x| x != l),
            Lesson::Rejection(r) => self.rejected.retain(|x| x != r),
            Lesson::Name(n) => self.names.retain(|x| x != n),
        }
        self.len() != before
    }

    /// Takes in `other`'s lessons (a team's shared file); where both hold a lesson on the same
    /// words, `other`'s wins.
    pub fn absorb(&mut self, other: &Memory) {
        for l in &other.labels {
            self.teach_label(&l.words, &l.layer, &l.label);
        }
        for r in &other.rejected {
            self.teach_rejection(&r.words, &r.layer, &r.label);
        }
        for n in &other.names {
            self.teach_name(&n.label, &n.name, &n.aliases);
        }
    }

    /// Puts entries read from a file (perhaps edited by hand) in their one order, one per key
    /// (the last written wins, as when taught in turn), aliases sorted. Nothing else changes, so
    /// a memory read back from its file is the memory written.
    pub fn canonicalize(&mut self) {
        order(&mut self.labels, label_key);
        order(&mut self.rejected, reject_key);
        for n in &mut self.names {
            n.aliases = clean_aliases(&n.name, &n.aliases);
        }
        order(&mut self.names, name_key);
    }
}

/// Sorts `list` by `key`, keeping the last of the entries that share one.
fn order<T, K: Ord>(list: &mut Vec<T>, key: impl Fn(&T) -> K) {
    list.reverse();
    list.sort_by_key(|e| key(e));
    list.dedup_by(|later, kept| key(later) == key(kept));
}

/// Aliases trimmed, sorted and unique, without empty ones or the name itself.
fn clean_aliases(name: &str, aliases: &[String]) -> Vec<String> {
    let mut aliases: Vec<String> = aliases.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    aliases.retain(|a| normalise(a) != normalise(name));
    aliases.sort();
    aliases.dedup();
    aliases
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lessons_are_kept_sorted_one_per_key_and_contradictions_replace_each_other() {
        let mut m = Memory::default();
        m.teach_label("Pacers", &Layer::Mention, "PERSON");
        m.teach_label("Celtics", &Layer::Mention, "ORG");
        m.teach_label("the  PACERS", &Layer::Mention, "ORG");
        m.teach_label("pacers", &Layer::Mention, "ORG");
        assert_eq!(m.labels.iter().map(|l| l.words.as_str()).collect::<Vec<_>>(), ["Celtics", "pacers", "the  PACERS"]);
        assert_eq!(m.label_of("PACERS", &Layer::Mention).unwrap().label, "ORG");
        m.teach_rejection("Pacers", &Layer::Mention, "ORG");
        assert!(m.label_of("Pacers", &Layer::Mention).is_none(), "rejecting the label forgets it");
        assert!(m.rejection_of("pacers", &Layer::Mention, "ORG").is_some());
        m.teach_label("Pacers", &Layer::Mention, "ORG");
        assert!(m.rejection_of("pacers", &Layer::Mention, "ORG").is_none(), "and labelling forgets the rejection");
        m.teach_name("PERSON", "Sergey Lavrov", &[]);
        m.teach_name("PERSON", "Sergei Lavrov", &["Lavrov".into(), "Sergey Lavrov".into(), "Lavrov".into()]);
        assert_eq!(m.names.len(), 1, "the merged name is an alias now");
        assert_eq!(m.names[0].aliases, ["Lavrov", "Sergey Lavrov"]);
        let entry = m.lessons().next().unwrap();
        assert!(m.forget(&entry) && !m.forget(&entry));
    }

    #[test]
    fn absorbing_a_shuffled_copy_gives_the_same_memory() {
        let mut a = Memory::default();
        a.teach_label("Pacers", &Layer::Mention, "ORG");
        a.teach_rejection("KEEPING SCORE", &Layer::Speaker, "SPEAKER");
        a.teach_name("ORG", "Indiana Pacers", &["Pacers".into()]);
        let mut shuffled = a.clone();
        shuffled.labels.reverse();
        shuffled.labels.extend(a.labels.clone());
        shuffled.canonicalize();
        assert_eq!(shuffled, a);
        let mut b = Memory::default();
        b.teach_label("pacers", &Layer::Mention, "GPE");
        b.absorb(&a);
        assert_eq!(b.label_of("Pacers", &Layer::Mention).unwrap().label, "ORG", "the file taken in wins");
    }
}
