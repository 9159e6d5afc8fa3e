//! Annotations: a labelled span on one layer, with its review status and where it came from.

use super::{DocId, EntityId, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct AnnId(pub u64);

impl std::fmt::Display for AnnId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a{}", self.0)
    }
}

/// What kind of thing an annotation marks. Layers decide how it is drawn and which links make sense.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Layer {
    /// Reported content: a direct, mixed or indirect quotation.
    Quote,
    /// The words naming who speaks ("Lavrov", "he", "the minister").
    Speaker,
    /// The verb or phrase that introduces speech ("said", "according to").
    Cue,
    /// A mention of a person, organisation, place, date, number …
    Mention,
    /// A layer the analyst defined in the schema.
    Custom(String),
}

impl Layer {
    pub fn name(&self) -> &str {
        match self {
            Layer::Quote => "quote",
            Layer::Speaker => "speaker",
            Layer::Cue => "cue",
            Layer::Mention => "mention",
            Layer::Custom(name) => name,
        }
    }

    /// Parses the names `name` gives, so CLIs and schema editors can round-trip them.
    pub fn from_name(name: &str) -> Layer {
        match name {
            "quote" => Layer::Quote,
            "speaker" => Layer::Speaker,
            "cue" => Layer::Cue,
            "mention" => Layer::Mention,
            other => Layer::Custom(other.to_string()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    Suggested,
    Accepted,
    Rejected,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Suggested => "suggested",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
        }
    }
}

/// Who made an annotation, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Proposed by a detector rule; `reason` is shown to the analyst ("cue 'said' after quote").
    Detector { rule: String, reason: String },
    /// Made (or reshaped) by the analyst.
    Analyst,
    /// Brought in from another tool's file.
    Imported { format: String },
}

impl Origin {
    pub fn describe(&self) -> String {
        match self {
            Origin::Detector { rule, reason } => format!("detector ({rule}): {reason}"),
            Origin::Analyst => "analyst".to_string(),
            Origin::Imported { format } => format!("imported from {format}"),
        }
    }
}

/// What kind of attribution a quotation is, from the class of its cue (`assets/lexicon`).
///
/// Analysts of who said what mostly want *statements*; beliefs and intentions, evidence from
/// documents and data, and questions are attributions too, but not things a person said as such.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AttributionType {
    /// Said, told, added, according to, wrote, tweeted …: what someone said.
    Statement,
    /// Thinks, believes, wants, plans, hopes, vows, fears …: what someone thinks or means to do.
    Belief,
    /// Found, showed, a report says, documents show, a poll finds, seems …: what evidence shows.
    Evidence,
    /// Asked whether …, “…?” asked X: the text asks.
    Question,
}

impl AttributionType {
    pub const ALL: [AttributionType; 4] =
        [AttributionType::Statement, AttributionType::Belief, AttributionType::Evidence, AttributionType::Question];

    /// The name used in exports, JSON and the CLI: `statement`, `belief`, `evidence`, `question`.
    pub fn name(self) -> &'static str {
        match self {
            AttributionType::Statement => "statement",
            AttributionType::Belief => "belief",
            AttributionType::Evidence => "evidence",
            AttributionType::Question => "question",
        }
    }

    /// What the analyst reads: "statement", "belief/intent", "evidence", "question".
    pub fn title(self) -> &'static str {
        match self {
            AttributionType::Belief => "belief/intent",
            other => other.name(),
        }
    }

    /// Parses [`AttributionType::name`] (and "belief/intent", "intent").
    pub fn from_name(name: &str) -> Option<AttributionType> {
        match name.trim().to_ascii_lowercase().as_str() {
            "statement" => Some(AttributionType::Statement),
            "belief" | "belief/intent" | "intent" => Some(AttributionType::Belief),
            "evidence" => Some(AttributionType::Evidence),
            "question" => Some(AttributionType::Question),
            _ => None,
        }
    }
}

/// Which attributions a view shows: the presets "What people said" and "All attributions".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AttributionFilter {
    /// Statements only ("What people said").
    Statements,
    /// Every attribution ("All attributions").
    #[default]
    All,
}

impl AttributionFilter {
    pub const ALL: [AttributionFilter; 2] = [AttributionFilter::Statements, AttributionFilter::All];

    /// The preset's name as the View menu shows it.
    pub fn title(self) -> &'static str {
        match self {
            AttributionFilter::Statements => "What people said",
            AttributionFilter::All => "All attributions",
        }
    }

    /// Whether an annotation is shown under this preset. Only quotations are filtered; a quote
    /// without a stored type counts as a statement. (The cue and speaker of a hidden quotation
    /// are hidden with it: see [`AttributionFilter::hidden_in`].)
    pub fn shows(self, a: &Annotation) -> bool {
        match self {
            AttributionFilter::All => true,
            AttributionFilter::Statements => {
                a.layer != Layer::Quote || a.attribution_type() == AttributionType::Statement
            }
        }
    }
}

impl AttributionFilter {
    /// The annotations of `doc` this preset hides: quotations of other types, and the cues and
    /// speakers only they link to.
    pub fn hidden_in(self, project: &super::Project, doc: super::DocId) -> std::collections::HashSet<AnnId> {
        self.hidden_among(project.annotations_of(doc))
    }

    /// [`AttributionFilter::hidden_in`] over any annotations (a document's, a project's).
    pub fn hidden_among<'a>(self, anns: impl Iterator<Item = &'a Annotation>) -> std::collections::HashSet<AnnId> {
        let mut hidden = std::collections::HashSet::new();
        if self == AttributionFilter::All {
            return hidden;
        }
        let mut kept = std::collections::HashSet::new();
        for a in anns.filter(|a| a.layer == Layer::Quote) {
            let links = [a.links.cue, a.links.speaker].into_iter().flatten();
            if self.shows(a) {
                kept.extend(links);
            } else {
                hidden.insert(a.id);
                hidden.extend(links);
            }
        }
        hidden.retain(|id| !kept.contains(id));
        hidden
    }
}

/// Links from an annotation to others and to an entity. Absent links are omitted from the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    /// Quote → the speaker mention that says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<AnnId>,
    /// Quote → the cue that introduces it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<AnnId>,
    /// Mention or speaker → the entity it refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityId>,
    /// Later part of a split quote → the first part, so the parts read as one quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<AnnId>,
    /// Quote → the statement it reports, with its versions in other articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<super::StatementId>,
}

impl Links {
    pub fn is_empty(&self) -> bool {
        *self == Links::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: AnnId,
    pub doc: DocId,
    pub span: Span,
    pub layer: Layer,
    /// A label name from the project's schema ("PERSON", "DIRECT", …).
    pub label: String,
    pub status: Status,
    /// Who made or last reviewed it (empty for suggestions and work from before analysts were
    /// named), so a merge can say whose version is whose.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub analyst: String,
    pub origin: Origin,
    /// Free tags, kept sorted and unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// For a quotation: what kind of attribution it is (absent on other layers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<AttributionType>,
    /// For a name the entity model typed: how far its label's probability stood above the
    /// runner-up's, in thousandths (0: a toss-up, 1000: no doubt). Review can put the least
    /// certain first; rule-made suggestions have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<u16>,
}

impl Annotation {
    /// A fresh annotation with no tags, note or links.
    pub fn new(
        id: AnnId,
        doc: DocId,
        span: Span,
        layer: Layer,
        label: impl Into<String>,
        status: Status,
        origin: Origin,
    ) -> Self {
        Annotation {
            id,
            doc,
            span,
            layer,
            label: label.into(),
            status,
            analyst: String::new(),
            origin,
            tags: Vec::new(),
            note: String::new(),
            links: Links::default(),
            attribution: None,
            margin: None,
        }
    }

    /// The attribution type of a quotation: the stored one, else statement (what a quote made by
    /// hand or loaded from a format without types is taken to be).
    pub fn attribution_type(&self) -> AttributionType {
        self.attribution.unwrap_or(AttributionType::Statement)
    }

    /// Accepted or analyst-made work: what exports include by default.
    pub fn is_reviewed(&self) -> bool {
        self.status == Status::Accepted || (self.origin == Origin::Analyst && self.status != Status::Rejected)
    }
}
