//! What a search finds: its results, grouped by kind.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::code_enum;

code_enum!(
    /// What a search hit points at: a customer, a contact, a follow-up record (跟进记录), a deal
    /// (商机) or a supplier named in a profile (供应商, dimension 7).
    HitKind { Customer = "customer", Contact = "contact", Visit = "visit", Opportunity = "opportunity", Supplier = "supplier" }
);

code_enum!(
    /// Which value of a hit the query was found in: its name (the title), a deal's competitor or
    /// the competitor it was lost to, or a field of a follow-up record.
    MatchField { Name = "name", Competitor = "competitor", LostTo = "lost_to", Goal = "goal", Summary = "summary", Decision = "decision", Need = "need", Objection = "objection", Commitment = "commitment", Quote = "quote", CompetitorNews = "competitor_news", Risk = "risk", Opportunity = "opportunity", Action = "action" }
);

/// Where the query was found: the value cut around the match, which is given apart so the page
/// marks it without building HTML.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    pub field: MatchField,
    /// The text before the match (cut, with "…", when long; the whole title for `name`).
    pub before: String,
    /// The match as written.
    pub matched: String,
    pub after: String,
}

/// One search result.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: HitKind,
    pub id: i64,
    /// The customer to open (the customer itself, or the one the hit belongs to).
    pub customer_id: i64,
    pub title: String,
    pub subtitle: String,
    /// Where the query is in the hit's text, when it is there as typed (not when found through
    /// the pinyin of a name or the digits of a phone number).
    pub snippet: Option<Snippet>,
}

/// Search results grouped by kind.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub customers: Vec<SearchHit>,
    pub contacts: Vec<SearchHit>,
    /// Follow-up records (跟进记录), newest first.
    pub visits: Vec<SearchHit>,
    pub opportunities: Vec<SearchHit>,
    /// Suppliers named in the customers' profiles: our competitors there.
    pub suppliers: Vec<SearchHit>,
    /// Customers and contacts of a large import whose search entries are still being written
    /// (0 once the index has caught up). Meanwhile they are found by their names only.
    pub pending_index: i64,
}

/// The search index's tables found damaged by the check after the open
/// (`Store::check_search_index`): the user is told once that the index is being rebuilt from
/// the records, nothing they made touched, or why it could not be.
#[derive(Serialize, TS, Clone, Debug, PartialEq)]
#[serde(tag = "type", content = "data", rename_all = "camelCase")]
pub enum SearchIndexRepair {
    /// Emptied and being written again from the records: the customers and contacts by the
    /// catch-up (its count follows, as after a large import), the rest at once.
    Rebuilding,
    /// The rebuild failed: the file is damaged beyond the search index (`corrupt`), or could
    /// not be written (`diskFull`, `busy`).
    Failed { error: crate::error::CoreError },
}
