//! Purchase trends (采购行为数据, docs/trends.md): what a customer bought month by month, the
//! charts of it, and the signals that tell the account manager what changed.
//!
//! - [`month`]: months as consecutive integers;
//! - [`series`]: a customer's purchases per product and month, and the chart series;
//! - [`detect`]: the detectors, pure functions on one product's monthly series;
//! - [`explain`]: the one-line Chinese explanation and the amount units;
//! - [`signals`]: a customer's signals (purchases and financials) in feed order;
//! - [`model`]: the types the UI sees.
//!
//! The store side (loading, the purchase records, the cached feed) is `trends/store.rs`,
//! `trends/purchases.rs` and `trends/cache.rs` (what the feed's cache keeps and how a change of
//! month or threshold is brought in without reading the purchase rows).

mod cache;
pub mod detect;
pub mod explain;
pub mod model;
pub mod month;
pub mod purchase_summary;
pub(crate) mod purchases;
pub mod series;
pub mod signals;
mod store;
pub mod validate;

pub use model::*;
