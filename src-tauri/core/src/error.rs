//! The core's error type. It serialises as `{"type": "...", "data": {...}}`: the UI switches on
//! `type` (and on the `reason` code of a validation error), never on message text.

use serde::Serialize;
use ts_rs::TS;

/// Why a field was refused. The UI turns the code into a sentence in the user's language.
#[derive(Serialize, serde::Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Required,
    TooLong,
    /// A customer with the same normalised name exists (`detail` holds its name).
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
    /// A contact cannot report to themselves or to someone who reports to them.
    Cycle,
}

#[derive(thiserror::Error, Serialize, TS, Debug, Clone, PartialEq)]
#[serde(tag = "type", content = "data", rename_all = "camelCase")]
pub enum CoreError {
    /// A field of a form is invalid; nothing was written.
    #[error("{field}: {reason:?} {detail}")]
    #[serde(rename_all = "camelCase")]
    Validation { field: String, reason: Reason, detail: String },

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

    #[error("cannot open {path}: {detail}")]
    Io { path: String, detail: String },

    /// An import file that cannot be read at all (not a spreadsheet, encrypted, too large…).
    #[error("{error:?}")]
    Unreadable { error: crate::import::read::ReadError },

    /// The user cancelled a long operation; nothing was written.
    #[error("cancelled")]
    Cancelled,

    /// This import was already undone.
    #[error("import {id} was already undone")]
    AlreadyUndone { id: i64 },

    /// No database is open (the start-up one could not be opened).
    #[error("no database is open")]
    Closed,

    /// A backup could not be written, or a file cannot be restored from (`reason` says why;
    /// a file that is not a Dossier database gets the errors of opening one: `notSqlite`,
    /// `notDossier`, `corrupt`, `tooNew`).
    #[error("backup {reason:?} at {path}: {detail}")]
    Backup { reason: crate::backup::BackupFailure, path: String, detail: String },

    /// Any other database failure (a bug or a full disk).
    #[error("database error: {detail}")]
    Database { detail: String },
}

impl CoreError {
    pub fn validation(field: impl Into<String>, reason: Reason) -> Self {
        CoreError::Validation { field: field.into(), reason, detail: String::new() }
    }

    pub fn validation_detail(
        field: impl Into<String>,
        reason: Reason,
        detail: impl Into<String>,
    ) -> Self {
        CoreError::Validation { field: field.into(), reason, detail: detail.into() }
    }

    pub fn not_found(entity: &str, id: i64) -> Self {
        CoreError::NotFound { entity: entity.into(), id }
    }
}

impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        CoreError::Database { detail: e.to_string() }
    }
}

impl From<rusqlite_migration::Error> for CoreError {
    fn from(e: rusqlite_migration::Error) -> Self {
        CoreError::Database { detail: e.to_string() }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
