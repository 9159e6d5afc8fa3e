//! The label schema: which labels exist, on which layer, in which colour and under which hotkey.
//! It is data in the project (and a default in `assets/schema.ron`), so analysts can change it.

use super::Layer;
use serde::{Deserialize, Serialize};

/// An sRGB colour written as `"#rrggbb"` in project files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Color(pub [u8; 3]);

impl TryFrom<String> for Color {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let hex = s.strip_prefix('#').unwrap_or(&s);
        let bad = || format!("colour {s:?} is not of the form \"#rrggbb\"");
        if hex.len() != 6 || !hex.is_ascii() {
            return Err(bad());
        }
        let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        Ok(Color([part(0)?, part(2)?, part(4)?]))
    }
}

impl From<Color> for String {
    fn from(c: Color) -> Self {
        format!("#{:02x}{:02x}{:02x}", c.0[0], c.0[1], c.0[2])
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelDef {
    /// Unique name, as exported ("PERSON", "DIRECT").
    pub name: String,
    pub layer: Layer,
    pub color: Color,
    /// Single key that applies this label to the selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotkey: Option<char>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    pub labels: Vec<LabelDef>,
}

const DEFAULT_SCHEMA: &str = include_str!("../../assets/schema.ron");

impl Default for Schema {
    /// The schema shipped in `assets/schema.ron` (checked by a unit test, so this cannot fail).
    fn default() -> Self {
        ron::from_str(DEFAULT_SCHEMA).unwrap_or_else(|e| panic!("assets/schema.ron is invalid: {e}"))
    }
}

impl Schema {
    pub fn label(&self, name: &str) -> Option<&LabelDef> {
        self.labels.iter().find(|l| l.name == name)
    }

    pub fn labels_on<'a>(&'a self, layer: &'a Layer) -> impl Iterator<Item = &'a LabelDef> + 'a {
        self.labels.iter().filter(move |l| &l.layer == layer)
    }

    /// The colour for a label, grey for one the schema does not know.
    pub fn color_of(&self, name: &str) -> Color {
        self.label(name).map_or(Color([0x88, 0x88, 0x88]), |l| l.color)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_schema_parses_and_is_consistent() {
        let schema: Schema = ron::from_str(DEFAULT_SCHEMA).expect("assets/schema.ron parses");
        let mut names: Vec<_> = schema.labels.iter().map(|l| &l.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), schema.labels.len(), "label names are unique");
        let mut keys: Vec<_> = schema.labels.iter().filter_map(|l| l.hotkey).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "hotkeys are unique");
        for layer in [Layer::Quote, Layer::Speaker, Layer::Cue, Layer::Mention] {
            assert!(schema.labels_on(&layer).next().is_some(), "{layer:?} has a label");
        }
    }

    #[test]
    fn colours_round_trip() {
        let c = Color::try_from("#0a1B2c".to_string()).unwrap();
        assert_eq!(c, Color([0x0a, 0x1b, 0x2c]));
        assert_eq!(String::from(c), "#0a1b2c");
        assert!(Color::try_from("red".to_string()).is_err());
        assert!(Color::try_from("#12345".to_string()).is_err());
    }
}
