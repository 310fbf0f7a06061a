//! The power map (权力地图, docs/powermap.md): who decides, approves, evaluates, uses,
//! influences and blocks; their support for us; who of our team covers them — per scope.
//!
//! Decisions:
//! - **Scopes.** Every customer has the account-wide map (scope `None`; stored as scope 0,
//!   and the profile's role table is this map's assessments). Named scopes ("2026 MES 项目",
//!   scope `Some(id)`) have their own assessments, slots and positions over the same contacts.
//! - **Edges.** Reports-to is the contact's formal boss (`contact.reports_to`), one per contact
//!   and account-wide: every scope shows it. Influence (directed) and conflict (undirected)
//!   edges belong to a scope: an account-wide edge shows in every scope, a scope's own edge
//!   only there. Refused (`CoreError::Validation`, nothing written): an endpoint that is not a
//!   live contact of the customer (`InvalidReference`, detail `other_customer` or
//!   `not_found`), an edge from a contact to themselves (`InvalidReference`, detail `self`;
//!   for reports-to `Cycle`), the same edge twice — same kind and endpoints (either way round
//!   for conflicts) in the scope or account-wide (`Duplicate`) — and a reports-to cycle
//!   (`Cycle`, detail naming it: "王总 → 李经理 → 王总").
//! - **History.** Every change of an assessment, a reports-to link or an edge appends a row
//!   with the values before and after and the day it counts from: an assessment's own date
//!   when it is back-dated (never before the previous change of the same thing), else today.
//! - **Status** ([`status`]): computed on read for each scope; the account-wide light is also
//!   kept in `customer.power_status` for the customer list, refreshed by every write that
//!   can change it (power-map writes, contact saves and deletes, imports).
//! - **Layout** ([`layout`]): a layered tree of the reports-to forest computed in Rust; the
//!   positions a user drags nodes to are saved per scope and win over it.

pub mod layout;
pub mod model;
pub mod seed;
pub mod state;
pub mod status;
pub(crate) mod store;
pub mod validate;
pub mod view;

pub use model::*;
