//! dossier-core: everything Dossier knows, without Tauri or a UI. One folder per feature, each
//! holding its types, its rules and its store part (`impl Store` blocks: the SQL), over a small
//! foundation; `architecture.rs` checks that the modules form no cycle, that the foundation
//! uses no feature and that SQL stays in the store parts.
//!
//! The foundation: [`db`] (opening a file safely, the migrations, which back-fills a file
//! needs), [`store::Store`] (the one connection every feature's methods hang on), [`clock`],
//! [`error`], [`text`] (name normalisation), [`files`], [`writer_lock`], `private_file` and
//! `codes` (enumerations as stable codes).
//!
//! The features:
//! - [`customers`]: the customer and its eight-dimension profile, its contacts included — types
//!   (also the UI's, generated into `ui/src/bindings.ts`), validation, completeness and
//!   staleness, financial signals;
//! - [`search`]: the instant search over customers and contacts (Chinese substrings of any
//!   length, pinyin, initials, phone numbers);
//! - [`powermap`]: the power map (scopes, assessments with history, edges, slots, status light,
//!   layout);
//! - [`profile`]: the customer page — the whole profile with the power map's light, and its
//!   saves;
//! - [`trends`]: purchase records and summaries, chart series, the detectors and their signals;
//! - [`visits`], [`opportunities`], [`risk`], [`activity`]: visit summaries and next actions,
//!   the pipeline with its stage gates, the risk lights, the timeline and the home page;
//! - [`payments`]: 回款 (the payment plan and the payments received) and 交付 (delivery
//!   milestones) of a won deal;
//! - [`import`], [`export`], [`settings`], [`trash`] (delete, undo, restore), [`backup`]
//!   (verified, rotated snapshots and restore), [`erase`] (彻底删除 of a person), [`sample`]
//!   (the deterministic sample dataset);
//! - `open.rs` opens a file as a [`Store`]: a snapshot of an older file, the migration, then
//!   the back-fills it needs (`backfill.rs`).

pub mod activity;
mod backfill;
pub mod backup;
pub mod clock;
mod codes;
pub mod customers;
pub mod db;
pub mod desktop;
pub mod erase;
pub mod error;
pub mod export;
pub mod files;
pub mod import;
mod open;
pub mod opportunities;
pub mod payments;
pub mod powermap;
mod private_file;
pub mod profile;
pub mod results;
pub mod risk;
pub mod sample;
pub mod search;
pub mod settings;
pub mod store;
pub mod text;
pub mod trash;
pub mod trends;
pub mod visits;
pub mod weekly;
pub mod writer_lock;

#[cfg(test)]
mod architecture;
#[cfg(test)]
mod bindings;

pub use clock::{Clock, FixedClock, ShiftedClock, SystemClock};
pub use error::{CoreError, Detail, Reason, Result};
pub use store::Store;
