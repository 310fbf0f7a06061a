//! The contacts (联系人) of a customer: how they are stored and searched. The contact types
//! are part of the profile (`customers/model.rs`).

pub(crate) mod store;
