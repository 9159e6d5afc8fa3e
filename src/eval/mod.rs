//! Measuring the detector against annotated corpora.
//!
//! Evaluation reads gold files from disk (the detector itself never does I/O) and scores what
//! [`crate::detect::detect`] finds. Reports are plain data (serde `Serialize`) with a `Display`
//! table, so the CLI can print either.

pub mod ner;
pub mod polnear;
pub mod simulate;
