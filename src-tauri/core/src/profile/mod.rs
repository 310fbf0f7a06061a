//! The customer page (客户档案): the whole profile as the page shows it — the customer's
//! dimensions and contacts (`customers/`) with the power map's status light (`powermap/`) —
//! and every save that returns it: dimension 1 and the classification, the other dimensions,
//! the contact form, and bulk inserts of complete profiles with their power maps.

mod bulk;
mod contacts;
mod sections;
pub(crate) mod store;

pub use bulk::NewProfile;
