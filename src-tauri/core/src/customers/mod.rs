//! The customer (客户) and its eight-dimension profile: the types (the contacts' and the power
//! map's light included), their validation, completeness and staleness, the financial signals,
//! and the rows of the customer's and its contacts' tables. The whole customer page and its
//! saves, which also take in the power map, are `profile/`.

pub(crate) mod catch_up;
pub mod completeness;
pub(crate) mod contacts;
pub(crate) mod lifecycle;
mod model;
pub(crate) mod search;
pub(crate) mod sections;
pub mod signals;
pub(crate) mod store;
pub mod validate;

pub use catch_up::CATCH_UP_CHUNK;
pub use model::*;
