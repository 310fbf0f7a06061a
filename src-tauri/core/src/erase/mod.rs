//! 彻底删除 (erasing a person): a contact removed from every table and every stored copy of
//! their details, as personal-information law (PIPL) asks when a person wants to be forgotten.
//! The store's side is `erase/store.rs`, `erase/links.rs` and `erase/free_text.rs`; this
//! module holds what it is told by: the report, the person's *needles* (the values that
//! identify them in free text and files) and how text and JSON are scrubbed of them, and
//! [`holds_person`] for files such as backups.
//!
//! Decisions:
//! - Links by id are cut exactly: their role assessments, positions and influence/conflict
//!   edges go with the row, the contacts who reported to them lose that link, opportunities
//!   drop them from their key persons, and visit summaries drop them from the customer's
//!   participants. A participant is *removed*, not replaced by a placeholder: the recap sent
//!   to the customer lists the participants, and a placeholder there (or in the visit form,
//!   as a contact nobody can pick) would say more than it helps.
//! - Records about them alone go: their power-map history (assessments, their reports-to,
//!   edges to or from them), their import history rows (the fields an import wrote or
//!   overwrote), their trash entry. Another contact's reports-to history keeps the change but
//!   not them ("李经理: (someone) → 王总" reads as "李经理: — → 王总").
//! - Free text of their customer's records (visit summaries and their JSON lists, next
//!   actions, opportunities, power-map notes and history, the other contacts' cards, the
//!   profile's dimensions, the trash's copies, the import history of that customer and its
//!   contacts) has each needle replaced by [`PLACEHOLDER`]. Needles of one character are not
//!   replaced (a one-character name would wreck every sentence), nor is an ASCII needle inside
//!   a longer ASCII word or number ("Tom" in "Tomorrow", a phone inside a longer number).
//!   Names of organisations (the customer's own name) and the identity fields of other
//!   contacts (name, phone, WeChat, e-mail) are never rewritten, even when equal to a needle.
//! - The pages are freed: the erase runs with `secure_delete` on (freed content is overwritten
//!   with zeros), the full-text indexes are merged so their segments drop the deleted entries,
//!   then `VACUUM` rewrites the file and a `TRUNCATE` checkpoint empties the WAL, so neither
//!   file keeps the person's bytes (tests/all/erase.rs searches both).

mod free_text;
mod links;
mod scrub;
mod store;
mod traces;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use scrub::{scrub_cell, Needles};
pub use traces::holds_person;

/// What replaces a needle in free text.
pub const PLACEHOLDER: &str = "（已删除的联系人）";

/// What an erase removed, counted per place, for the message after it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct EraseReport {
    pub contact_id: i64,
    /// The name they had (the message says whom it erased).
    pub name: String,
    pub customer_id: i64,
    pub customer_name: String,
    /// Their role assessments, in every scope of the power map.
    pub assessments: i64,
    /// Influence and conflict edges to or from them.
    pub edges: i64,
    /// Contacts who reported to them and lost that link.
    pub reports_cut: i64,
    /// Power-map history rows removed (about them, or an edge of theirs).
    pub history_removed: i64,
    /// Other contacts' reports-to history rows that named them, kept without them.
    pub history_rewritten: i64,
    /// Visit summaries (live or in the trash) they were removed from as a participant.
    pub visits: i64,
    /// Opportunities (live or in the trash) they were removed from as a key person.
    pub opportunities: i64,
    /// Import history rows holding their fields.
    pub import_rows: i64,
    /// Their own trash entry (1 when they were in the trash) and other entries rewritten.
    pub trash_entries: i64,
    /// Text cells elsewhere in which a needle was replaced by [`PLACEHOLDER`].
    pub text_cells: i64,
    /// Search-index entries removed.
    pub search_entries: i64,
    /// The values searched for in text and files: name, phone (as typed and as digits),
    /// WeChat, e-mail. Kept in Rust (the caller checks backups with [`holds_person`]); never
    /// sent to the page.
    #[serde(skip)]
    #[ts(skip)]
    pub needles: Vec<String>,
    /// The listed backup snapshots that still hold them (file names, newest first): the UI
    /// offers to delete them (`Store::delete_snapshots`).
    pub backups_holding: Vec<String>,
    /// False when the backup folder could not be read, so `backups_holding` is not known.
    pub backups_checked: bool,
}
