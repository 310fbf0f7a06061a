//! dossier-core: everything Dossier knows, without Tauri or a UI (DESIGN §3).
//!
//! - [`model`]: the domain types (also the UI's types, generated into `ui/src/bindings.ts`);
//! - [`store::Store`]: the SQLite file — open/migrate, customers, the 8 profile dimensions,
//!   contacts, settings, delete with undo;
//! - [`search`]: the instant search over customers and contacts (Chinese substrings of any
//!   length, pinyin, initials, phone numbers);
//! - [`powermap`]: the power map (scopes, assessments with history, edges, slots, status light,
//!   layout);
//! - [`profile`]: completeness and staleness of the dimensions; [`signals`]: financial signals;
//! - [`trends`]: purchase trends — chart series, the detectors and their signals;
//! - [`visits`], [`opportunities`], [`risk`], [`activity`]: visit summaries and next actions,
//!   the pipeline with its stage gates, the risk lights, the timeline and the home page;
//! - [`backup`]: verified, rotated snapshots of the database file, and restore;
//! - [`sample`]: the deterministic sample dataset (and its scaled copies for benchmarks).

pub mod activity;
pub mod backup;
pub mod clock;
pub mod db;
pub mod erase;
pub mod error;
pub mod export;
pub mod files;
pub mod import;
pub mod model;
pub mod normalize;
pub mod opportunities;
pub mod powermap;
mod private_file;
pub mod profile;
pub mod risk;
pub mod sample;
pub mod search;
pub mod signals;
pub mod store;
pub mod trends;
pub mod validate;
pub mod visits;
pub mod writer_lock;

#[cfg(test)]
mod bindings;

pub use clock::{Clock, FixedClock, ShiftedClock, SystemClock};
pub use error::{CoreError, Detail, Reason, Result};
pub use store::Store;
