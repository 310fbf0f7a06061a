//! The user-tunable settings (设置): their types, their validation, and their storage in the
//! database.

mod model;
mod store;
pub mod validate;

pub use model::*;
