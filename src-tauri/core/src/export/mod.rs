//! Excel exports ("Excel in and out for the team meeting", docs/export.md): the team report with
//! native charts ([`team_report`]), one customer's printable profile for a visit
//! ([`customer_profile`]), the import templates ([`template`]) and the list of refused cells
//! of an import ([`error_report`]) — files colleagues open in Excel, WPS or LibreOffice
//! without Dossier.
//!
//! Rules every sheet follows, so a colleague's Excel never runs or mangles what an AM typed:
//! user text is written with `write_string` only (a name like `=1+1` stays text, never a
//! formula), codes and phone numbers stay text, and numbers carry a number format.

mod cells;
mod errors;
mod labels;
mod lost_deals;
mod overview;
mod payments;
mod pipeline;
mod profile;
mod purchases;
mod report;
mod results;
mod stages;
mod team;
mod template;
mod trend_signals;
mod visits;
mod weekly;

use std::path::Path;

use rust_xlsxwriter::{Workbook, XlsxError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::weekly::PeriodQuery;

pub use errors::{error_report, reason_text};
pub use profile::customer_profile;
pub use team::{team_report, team_report_of};
pub use template::template;
pub use weekly::weekly_report;

/// The language of headers, titles and enumeration labels. User text is never translated.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    Zh,
    En,
}

impl Language {
    /// Picks the Chinese or the English spelling.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Language::Zh => zh,
            Language::En => en,
        }
    }
}

/// What the user chose in the export dialog.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportOptions {
    pub language: Language,
    /// Include the sensitive contact fields (hobbies, preferences, family; docs/contacts.md).
    /// Off by default: an exported file travels further than the app.
    pub include_personal: bool,
}

/// Which part of the team's work a team report covers (the export dialog's filters).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct TeamFilter {
    /// The 负责人 whose customers and deals it lists; empty: everyone.
    pub owners: Vec<String>,
    /// The period of its visit summaries, lost deals, 回款 (installments due, payments
    /// received) and 交付 (milestones planned or done, and those late today); `None`: all
    /// time. Customers, open deals and the forecast are as they stand today whatever the
    /// period.
    pub period: Option<PeriodQuery>,
}

/// A finished workbook, not yet written anywhere: the app saves it where the user chose,
/// tests read its bytes.
pub struct Xlsx(Workbook);

impl Xlsx {
    /// The `.xlsx` package as bytes.
    pub fn to_bytes(mut self) -> Result<Vec<u8>> {
        self.0.save_to_buffer().map_err(|e| xlsx_error("", e))
    }

    /// Writes the file. The package is built in memory first and written all or nothing
    /// ([`crate::files::write_atomically`]), so a failure (a read-only folder, a full disk, a
    /// file open in Excel on Windows) leaves the file that was there before as it was.
    pub fn save(self, path: &Path) -> Result<()> {
        crate::files::write_atomically(path, &self.to_bytes()?)
    }
}

/// rust_xlsxwriter's errors are I/O (its temporary files) or limits it enforces; both read
/// to the user as "could not write the export" (or "the disk is full").
fn xlsx_error(path: &str, e: XlsxError) -> CoreError {
    match &e {
        XlsxError::IoError(io) => CoreError::io(path, io),
        _ => CoreError::Io { path: path.to_string(), detail: e.to_string() },
    }
}

impl From<XlsxError> for CoreError {
    fn from(e: XlsxError) -> Self {
        xlsx_error("", e)
    }
}
