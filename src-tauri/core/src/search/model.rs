//! What a search finds: its results, grouped by kind.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;

code_enum!(
    /// What a search hit points at.
    HitKind { Customer = "customer", Contact = "contact" }
);

/// One search result.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: HitKind,
    pub id: i64,
    /// The customer to open (the customer itself, or the contact's customer).
    pub customer_id: i64,
    pub title: String,
    pub subtitle: String,
}

/// Search results grouped by type.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub customers: Vec<SearchHit>,
    pub contacts: Vec<SearchHit>,
}
