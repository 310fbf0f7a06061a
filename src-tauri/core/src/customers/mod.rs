//! The customer (客户) and its eight-dimension profile: the types, their validation,
//! completeness and staleness, the financial signals, and how they are stored.

pub(crate) mod bulk;
pub mod completeness;
mod model;
pub(crate) mod search;
pub(crate) mod sections;
pub mod signals;
pub(crate) mod store;
pub mod validate;

pub use bulk::NewProfile;
pub use model::*;
