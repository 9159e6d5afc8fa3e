//! A half-open range of code points that is never empty or reversed.

use serde::{Deserialize, Serialize};

/// Why a span could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span {start}..{end} is empty or reversed")]
    Empty { start: usize, end: usize },
    #[error("span {start}..{end} runs past the end of the text ({len} characters)")]
    OutOfRange { start: usize, end: usize, len: usize },
}

/// `start..end` in code points. Construction checks `start < end`; checking against a text is
/// [`Span::check_within`], done once when a project is loaded and whenever an edit makes a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Result<Self, SpanError> {
        if start < end { Ok(Span { start, end }) } else { Err(SpanError::Empty { start, end }) }
    }

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Never true: spans are non-empty by construction. Present because clippy expects it beside `len`.
    pub fn is_empty(self) -> bool {
        false
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains_offset(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Checks the span against a text of `len` code points.
    pub fn check_within(self, len: usize) -> Result<(), SpanError> {
        if self.end <= len { Ok(()) } else { Err(SpanError::OutOfRange { start: self.start, end: self.end, len }) }
    }
}

impl TryFrom<(usize, usize)> for Span {
    type Error = SpanError;
    fn try_from((start, end): (usize, usize)) -> Result<Self, Self::Error> {
        Span::new(start, end)
    }
}

impl From<Span> for (usize, usize) {
    fn from(span: Span) -> Self {
        (span.start, span.end)
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty_and_reversed() {
        assert!(Span::new(3, 3).is_err());
        assert!(Span::new(4, 3).is_err());
        assert_eq!(Span::new(1, 4).unwrap().len(), 3);
    }

    #[test]
    fn relations() {
        let a = Span::new(0, 10).unwrap();
        let b = Span::new(2, 5).unwrap();
        let c = Span::new(10, 12).unwrap();
        assert!(a.contains(b) && !b.contains(a));
        assert!(a.overlaps(b) && !a.overlaps(c));
        assert_eq!(a.check_within(9), Err(SpanError::OutOfRange { start: 0, end: 10, len: 9 }));
    }
}
