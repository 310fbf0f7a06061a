//! The core's error type. It serialises as `{"type": "...", "data": {...}}`: the UI switches on
//! `type` (and on the `reason` code of a validation error), never on message text.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a field was refused. The UI turns the code into a sentence in the user's language.
#[derive(Serialize, serde::Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Required,
    TooLong,
    /// A customer with the same normalised name exists (`detail` holds its name); on the power
    /// map, an edge that exists ([`Detail::Edge`]) or a second boss ([`Detail::HasBoss`]).
    Duplicate,
    /// A number outside its range (`detail` holds the range, e.g. "0–100").
    OutOfRange,
    /// Not a valid date (`detail` holds the expected form).
    InvalidDate,
    /// Not a valid period (YYYY, YYYY-MM, YYYY-Qn).
    InvalidPeriod,
    /// The same period (or contact) appears twice in one list.
    Repeated,
    InvalidEmail,
    /// Points at a record that does not exist or belongs to another customer.
    InvalidReference,
    /// A contact cannot report to themselves or to someone who reports to them
    /// ([`Detail::Cycle`] holds the loop).
    Cycle,
    /// A payment plan whose installments sum above the contract amount, sent without the
    /// user's confirmation (`detail` holds the contract amount, 元).
    OverContract,
    /// Payment plans, payments and delivery milestones belong to a won deal (成交) only.
    NotWon,
}

/// What a refusal says besides its reason, as data: the UI words each kind itself and never
/// reads text the core wrote. Serialised as `{"kind": "...", ...}`.
#[derive(Serialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Detail {
    #[default]
    None,
    /// Shown as it is beside the reason: a range ("0–100"), an expected form ("YYYY-MM-DD"), a
    /// length limit ("200"), the name that is taken.
    Text { text: String },
    /// Every field a stage gate needs that is missing, in the form's order (the error's
    /// `field` is the first), so the form can ask for exactly those.
    MissingFields { fields: Vec<String> },
    /// The contact already reports to `boss`: one boss each, a second is refused.
    HasBoss { boss: ContactRef },
    /// The reports-to loop a change would close, from the contact round to them again
    /// (`[me, me]` when they would report to themselves).
    Cycle { path: Vec<ContactRef> },
    /// An edge from a contact to themselves.
    ToSelf,
    /// A contact of another customer.
    OtherCustomer,
    /// A contact that does not exist (or is in the trash).
    NoSuchContact,
    /// An edge of this kind between the two exists already: the power map's edge code
    /// (`EdgeKind`, a feature type the foundation does not use, typed as it for the UI).
    Edge {
        #[ts(type = "EdgeKind")]
        edge: String,
    },
}

/// A contact by id with their name, for lists and messages (the power map's and a refusal's).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub struct ContactRef {
    pub id: i64,
    pub name: String,
}

/// The text form, for the CLI's messages and the logs' `Display` of an error.
impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = |list: &[ContactRef]| list.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(" → ");
        match self {
            Detail::None => Ok(()),
            Detail::Text { text } => f.write_str(text),
            Detail::MissingFields { fields } => f.write_str(&fields.join(",")),
            Detail::HasBoss { boss } => write!(f, "boss:{}", boss.name),
            Detail::Cycle { path } => f.write_str(&names(path)),
            Detail::ToSelf => f.write_str("self"),
            Detail::OtherCustomer => f.write_str("other_customer"),
            Detail::NoSuchContact => f.write_str("not_found"),
            Detail::Edge { edge } => f.write_str(edge),
        }
    }
}

#[derive(thiserror::Error, Serialize, TS, Debug, Clone, PartialEq)]
#[serde(tag = "type", content = "data", rename_all = "camelCase")]
pub enum CoreError {
    /// A field of a form is invalid; nothing was written.
    #[error("{field}: {reason:?} {detail}")]
    #[serde(rename_all = "camelCase")]
    Validation { field: String, reason: Reason, detail: Detail },

    #[error("{entity} {id} not found")]
    NotFound { entity: String, id: i64 },

    /// The file exists but is not an SQLite database.
    #[error("{path} is not a Dossier database (not an SQLite file)")]
    NotSqlite { path: String },

    /// An SQLite file of another application.
    #[error("{path} is an SQLite file of another application")]
    NotDossier { path: String },

    /// The file is damaged.
    #[error("{path} is damaged: {detail}")]
    Corrupt { path: String, detail: String },

    /// Written by a newer Dossier: opening it could lose data.
    #[error("{path} was written by a newer Dossier (schema {found}, this version knows {supported})")]
    TooNew { path: String, found: i64, supported: i64 },

    /// A recent database whose file is gone (moved, deleted, on a disk not plugged in): not
    /// created anew at the old place.
    #[error("{path} no longer exists")]
    DatabaseMissing { path: String },

    #[error("cannot open {path}: {detail}")]
    Io { path: String, detail: String },

    /// An import file that cannot be read at all (not a spreadsheet, encrypted, too large…).
    #[error("{error:?}")]
    Unreadable { error: ReadError },

    /// The user cancelled a long operation; nothing was written.
    #[error("cancelled")]
    Cancelled,

    /// This import was already undone.
    #[error("import {id} was already undone")]
    AlreadyUndone { id: i64 },

    /// A contact, visit summary or opportunity cannot come back from the trash while its
    /// customer is in it (`trash_id`: the customer's entry, to restore first).
    #[error("customer {customer_id} ({name}) is in the trash")]
    #[serde(rename_all = "camelCase")]
    CustomerInTrash { customer_id: i64, name: String, trash_id: Option<i64> },

    /// No database is open (the start-up one could not be opened).
    #[error("no database is open")]
    Closed,

    /// The database file is open in another process (a second app, the CLI): one writer per
    /// file (`writer_lock.rs`).
    #[error("{path} is open in another Dossier")]
    InUse { path: String },

    /// The disk (or the user's quota) is full. `path` is the file being written when known (an
    /// export), `null` for the database itself, whose failed transaction was rolled back.
    #[error("the disk is full{}", path.as_deref().map(|p| format!(" ({p})")).unwrap_or_default())]
    DiskFull { path: Option<String> },

    /// Another connection kept the database locked longer than the busy timeout; nothing was
    /// written, trying again later may work.
    #[error("the database is busy")]
    Busy,

    /// A backup could not be written, or a file cannot be restored from (`reason` says why;
    /// a file that is not a Dossier database gets the errors of opening one: `notSqlite`,
    /// `notDossier`, `corrupt`, `tooNew`).
    #[error("backup {reason:?} at {path}: {detail}")]
    Backup { reason: BackupFailure, path: String, detail: String },

    /// Any other database failure (a bug).
    #[error("database error: {detail}")]
    Database { detail: String },

    /// A command was given a file no dialog issued (or one chosen for something else): the page
    /// cannot name files itself (src/files.rs).
    #[error("no file chosen for this")]
    FileNotChosen,

    /// An export would have replaced the open database or one of its -wal/-shm files.
    #[error("{path} is the open database")]
    WouldOverwriteDatabase { path: String },
}

impl CoreError {
    pub fn validation(field: impl Into<String>, reason: Reason) -> Self {
        Self::refusal(field, reason, Detail::None)
    }

    /// A refusal with a text shown as it is beside the reason ([`Detail::Text`]).
    pub fn validation_detail(field: impl Into<String>, reason: Reason, text: impl Into<String>) -> Self {
        Self::refusal(field, reason, Detail::Text { text: text.into() })
    }

    /// A refusal with typed facts the UI words itself.
    pub fn refusal(field: impl Into<String>, reason: Reason, detail: Detail) -> Self {
        CoreError::Validation { field: field.into(), reason, detail }
    }

    pub fn not_found(entity: &str, id: i64) -> Self {
        CoreError::NotFound { entity: entity.into(), id }
    }

    /// A failed read or write of the file at `path`: a full disk is [`CoreError::DiskFull`], so
    /// the UI can say so; anything else is [`CoreError::Io`].
    pub fn io(path: impl Into<String>, e: &std::io::Error) -> Self {
        let path = path.into();
        if is_disk_full(e) {
            CoreError::DiskFull { path: Some(path) }
        } else {
            CoreError::Io { path, detail: e.to_string() }
        }
    }
}

/// ENOSPC and EDQUOT (std names them `StorageFull` and `QuotaExceeded`).
fn is_disk_full(e: &std::io::Error) -> bool {
    matches!(e.kind(), std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded)
}

/// SQLite's "full", "busy" and "locked" become their own variants here, where every rusqlite
/// error turns into a `CoreError`, so every caller reports them the same way.
impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => CoreError::DiskFull { path: None },
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => CoreError::Busy,
            _ => CoreError::Database { detail: e.to_string() },
        }
    }
}

impl From<rusqlite_migration::Error> for CoreError {
    fn from(e: rusqlite_migration::Error) -> Self {
        match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            e => CoreError::Database { detail: e.to_string() },
        }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// Why a backup could not be written or a snapshot cannot be used (`CoreError::Backup`).
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BackupFailure {
    /// The folder the user chose does not exist (an unplugged drive, a cloud folder moved).
    FolderMissing,
    /// The folder (or the database's folder, for a restore) cannot be written to.
    NotWritable,
    DiskFull,
    /// The copy did not pass its check (`PRAGMA integrity_check`, a Dossier file); it was
    /// deleted and does not count.
    Unverified,
    /// A restore named a file that is not one of the listed snapshots.
    UnknownSnapshot,
    /// Any other file-system failure (`detail` says which).
    Failed,
}

/// Why a file could not be read at all (row-level problems are reported per cell later).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(tag = "type", content = "data", rename_all = "camelCase")]
pub enum ReadError {
    /// A spreadsheet container (zip, OLE) that cannot be read: damaged or truncated
    /// (`reason` from the parser).
    #[serde(rename_all = "camelCase")]
    Unreadable { file: String, reason: String },
    /// Password-protected workbook.
    Encrypted { file: String },
    /// The requested sheet does not exist.
    #[serde(rename_all = "camelCase")]
    NoSuchSheet { file: String, sheet: String, available: Vec<String> },
    /// No sheet holds any data.
    Empty { file: String },
    /// Past the limits above (`what`: "cells", "rows", "columns", or "bytes" for
    /// [`MAX_TEXT_BYTES`] and [`MAX_PART_BYTES`]; `sheet` is then the part or file that is
    /// too big when it is not a sheet).
    #[serde(rename_all = "camelCase")]
    TooLarge { file: String, sheet: String, what: String, limit: u64 },
    /// Neither a workbook (Excel, WPS, LibreOffice) nor a text table: another kind of file
    /// with a spreadsheet's name, e.g. a web page or a document.
    UnknownFormat { file: String },
    /// The sheet has one row at most — a header without data rows below it.
    #[serde(rename_all = "camelCase")]
    HeaderOnly { file: String, sheet: String },
    /// The mapping imports two columns or more as one field (`field`, the field's code):
    /// only one of them could be kept. `columns` are their letters, `headers` their headers.
    #[serde(rename_all = "camelCase")]
    DuplicateMapping { file: String, sheet: String, field: String, columns: Vec<String>, headers: Vec<String> },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite_error(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn a_full_disk_and_a_busy_database_have_their_own_variants() {
        assert_eq!(CoreError::from(sqlite_error(rusqlite::ffi::SQLITE_FULL)), CoreError::DiskFull { path: None });
        assert_eq!(CoreError::from(sqlite_error(rusqlite::ffi::SQLITE_BUSY)), CoreError::Busy);
        assert_eq!(CoreError::from(sqlite_error(rusqlite::ffi::SQLITE_LOCKED)), CoreError::Busy);
        // Extended codes (here SQLITE_BUSY_SNAPSHOT) count as their primary code.
        assert_eq!(CoreError::from(sqlite_error(rusqlite::ffi::SQLITE_BUSY | (2 << 8))), CoreError::Busy);
        assert!(matches!(CoreError::from(sqlite_error(rusqlite::ffi::SQLITE_CONSTRAINT)), CoreError::Database { .. }));

        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(CoreError::io("/tmp/报表.xlsx", &full), CoreError::DiskFull { path: Some("/tmp/报表.xlsx".into()) });
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert!(matches!(CoreError::io("/x", &denied), CoreError::Io { .. }));
        let json = serde_json::to_value(CoreError::Busy).unwrap();
        assert_eq!(json, serde_json::json!({"type": "busy"}));
        let json = serde_json::to_value(CoreError::DiskFull { path: None }).unwrap();
        assert_eq!(json, serde_json::json!({"type": "diskFull", "data": {"path": null}}));
    }

    #[test]
    fn a_refusal_carries_its_facts_as_data() {
        let json = |e: CoreError| serde_json::to_value(e).unwrap()["data"]["detail"].clone();
        assert_eq!(json(CoreError::validation("name", Reason::Required)), serde_json::json!({"kind": "none"}));
        assert_eq!(
            json(CoreError::validation_detail("headcount", Reason::OutOfRange, "0–100")),
            serde_json::json!({"kind": "text", "text": "0–100"})
        );
        let fields = vec!["quoteAmount".to_string(), "quoteDate".to_string()];
        assert_eq!(
            json(CoreError::refusal("quoteAmount", Reason::Required, Detail::MissingFields { fields })),
            serde_json::json!({"kind": "missingFields", "fields": ["quoteAmount", "quoteDate"]})
        );
        let (wang, li) = (ContactRef { id: 1, name: "王总".into() }, ContactRef { id: 2, name: "李经理".into() });
        let boss = CoreError::refusal("to", Reason::Duplicate, Detail::HasBoss { boss: li.clone() });
        assert_eq!(boss.to_string(), "to: Duplicate boss:李经理", "the CLI's text as before");
        assert_eq!(json(boss), serde_json::json!({"kind": "hasBoss", "boss": {"id": 2, "name": "李经理"}}));
        let cycle =
            CoreError::refusal("reportsTo", Reason::Cycle, Detail::Cycle { path: vec![wang.clone(), li, wang] });
        assert_eq!(cycle.to_string(), "reportsTo: Cycle 王总 → 李经理 → 王总");
        assert_eq!(
            json(cycle),
            serde_json::json!({"kind": "cycle", "path": [{"id": 1, "name": "王总"}, {"id": 2, "name": "李经理"}, {"id": 1, "name": "王总"}]})
        );
        let edge = CoreError::refusal("to", Reason::Duplicate, Detail::Edge { edge: "influences".into() });
        assert_eq!(json(edge), serde_json::json!({"kind": "edge", "edge": "influences"}));
        assert_eq!(
            json(CoreError::refusal("to", Reason::InvalidReference, Detail::ToSelf)),
            serde_json::json!({"kind": "toSelf"})
        );
    }
}
