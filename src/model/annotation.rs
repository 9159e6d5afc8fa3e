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
    pub origin: Origin,
    /// Free tags, kept sorted and unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
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
            origin,
            tags: Vec::new(),
            note: String::new(),
            links: Links::default(),
        }
    }

    /// Accepted or analyst-made work: what exports include by default.
    pub fn is_reviewed(&self) -> bool {
        self.status == Status::Accepted || (self.origin == Origin::Analyst && self.status != Status::Rejected)
    }
}
