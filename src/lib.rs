//! Sayso: find who said what in news articles, review it, and save it as a project.
//!
//! Data flows one way: `import` turns bytes into a [`model::Document`], `detect` turns text into
//! suggestions, `edit` is the only code that changes a [`model::Project`], `store` saves and loads
//! it, `export` writes other tools' formats, `insights` counts who is quoted, and `app` draws it
//! all with egui.

pub mod agree;
#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod detect;
pub mod edit;
pub mod eval;
pub mod export;
pub mod import;
pub mod insights;
pub mod merge;
pub mod model;
pub mod progress;
pub mod recall;
pub mod recovery;
pub mod retrain;
pub mod review_order;
pub mod session;
pub mod statements;
pub mod store;
pub mod stream;
pub mod suggest;
