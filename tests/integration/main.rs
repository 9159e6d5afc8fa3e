//! Sayso's integration tests, in one binary: each module is one area, run as a user or another
//! program would use it. One binary links the GUI stack once rather than once per area.

mod common;
mod export_fixture;

mod agree;
mod cli;
mod detect_entities;
mod detect_long;
mod detect_props;
mod detect_quotes;
mod detect_rules;
mod detect_seed;
mod detect_suggest;
mod edit_documents;
mod edit_props;
mod edit_twins;
mod export_formats;
mod export_roundtrip;
mod import;
mod insights;
mod memory;
mod packaging;
mod reanchor;
mod statements;
mod store;
mod stream;
mod team;

#[cfg(feature = "gui")]
mod hostile;
#[cfg(feature = "gui")]
mod ui;
#[cfg(feature = "gui")]
mod ui_adjudicate;
#[cfg(feature = "gui")]
mod ui_desk;
#[cfg(feature = "gui")]
mod ui_documents;
#[cfg(feature = "gui")]
mod ui_memory;
#[cfg(feature = "gui")]
mod ui_recovery;
#[cfg(feature = "gui")]
mod ui_retrain;
#[cfg(feature = "gui")]
mod ui_review;
#[cfg(feature = "gui")]
mod ui_statements;
#[cfg(feature = "gui")]
mod ui_support;
#[cfg(feature = "gui")]
mod ui_twins;
