//! The order the analyst reviews suggestions in: as they stand in the text, or the least
//! certain first, so that the first keystrokes settle what the detector doubted most.
//!
//! How certain a suggestion is: for a name the entity model typed, the margin between its
//! label's probability and the runner-up's ([`crate::model::Annotation::margin`]). Everything
//! else (quotations, speakers, cues, names from the rules' word lists, dates and numbers) is
//! rule-made and counts as certain: the rules decide without a score, and they are measured
//! precise on the evaluation data. Among suggestions equally certain, reading order decides:
//! document by document, then by place in the text.

use crate::model::{Annotation, DocId};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ReviewOrder {
    /// As they stand in the text, document after document.
    #[default]
    Reading,
    /// The least certain first.
    LeastCertainFirst,
}

impl ReviewOrder {
    pub const ALL: [ReviewOrder; 2] = [ReviewOrder::Reading, ReviewOrder::LeastCertainFirst];

    /// The name the View menu gives it.
    pub fn title(self) -> &'static str {
        match self {
            ReviewOrder::Reading => "Review in reading order",
            ReviewOrder::LeastCertainFirst => "Review the least certain first",
        }
    }
}

/// How certain the detector is of a suggestion, 0 (a toss-up) to 1000 (no doubt).
pub fn certainty(a: &Annotation) -> u16 {
    a.margin.unwrap_or(1000)
}

/// Where `a` comes in `order`: the smaller the key, the sooner. `rank` gives each document's
/// place in the project.
pub fn key(order: ReviewOrder, a: &Annotation, rank: &HashMap<DocId, usize>) -> (u16, usize, usize, usize, u64) {
    let doubt = match order {
        ReviewOrder::Reading => 0,
        ReviewOrder::LeastCertainFirst => certainty(a),
    };
    (doubt, rank.get(&a.doc).copied().unwrap_or(usize::MAX), a.span.start(), a.span.end(), a.id.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnId, Layer, Origin, Span, Status};

    #[test]
    fn the_least_certain_come_first_and_rule_made_ones_keep_reading_order_after_them() {
        let mk = |id, start, margin| {
            let det = Origin::Detector { rule: "test".into(), reason: "test".into() };
            let span = Span::new(start, start + 1).unwrap();
            let mut a = Annotation::new(AnnId(id), DocId(1), span, Layer::Mention, "ORG", Status::Suggested, det);
            a.margin = margin;
            a
        };
        let anns = [mk(1, 0, None), mk(2, 5, Some(900)), mk(3, 9, Some(120)), mk(4, 12, None)];
        let rank = HashMap::from([(DocId(1), 0)]);
        let order = |o| {
            let mut ids: Vec<&Annotation> = anns.iter().collect();
            ids.sort_by_key(|a| key(o, a, &rank));
            ids.iter().map(|a| a.id.0).collect::<Vec<_>>()
        };
        assert_eq!(order(ReviewOrder::Reading), [1, 2, 3, 4]);
        assert_eq!(order(ReviewOrder::LeastCertainFirst), [3, 2, 1, 4]);
    }
}
