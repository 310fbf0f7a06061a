//! The import preview: what every row of a sheet would do — create, update, nothing
//! (duplicate), or nothing because of an error named by row, column and reason — before
//! anything is written. Committing re-plans inside the write transaction
//! (`Store::commit_import`), so the plan always matches the database it is applied to.
//!
//! Here: the plan's types and the loop over the rows. A row's cells are read into typed values
//! by `reader.rs`, planned against the database and the rows before it by `rows.rs` (follow-up
//! records and opportunities by `records.rs`), and an existing record is merged with the
//! file's values by `merge.rs`.

mod columns;
mod merge;
mod reader;
mod records;
mod rows;

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::mapping::{header_year, Field};
use super::read::Sheet;
use super::values::{self, Cell, Epoch, ValueError};
use crate::customers::{ContactFields, CustomerFields};
use crate::error::Reason;
use crate::opportunities::{OpportunityFields, Stage};
use crate::trends::PurchaseFields;
use crate::visits::VisitFields;
pub use columns::{check_mapping, skipped_columns, SkipReason, SkippedColumn};
use reader::RowReader;
use rows::Planner;

/// What the rows are.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// Customers, optionally with one contact per row (customer columns repeated).
    Customers,
    /// Contacts of customers already in Dossier, matched by customer name.
    Contacts,
    /// Purchase records (customer, month or date, product, category, quantity, amount).
    Purchases,
    /// Follow-up records (跟进记录) of customers already in Dossier, with one next action each.
    Visits,
    /// Opportunities (商机) of customers already in Dossier.
    Opportunities,
}

impl ImportKind {
    pub const ALL: [ImportKind; 5] = [
        ImportKind::Customers,
        ImportKind::Contacts,
        ImportKind::Purchases,
        ImportKind::Visits,
        ImportKind::Opportunities,
    ];

    /// The fields a column can be mapped to for this kind, in the order the wizard offers them.
    pub const fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            ImportKind::Customers => &[
                CustomerName,
                ShortName,
                Industry,
                Region,
                Province,
                City,
                District,
                Grade,
                Lifecycle,
                Owner,
                Ownership,
                Headcount,
                Founded,
                Website,
                StockCode,
                Headquarters,
                LeadSource,
                Tags,
                Notes,
                Revenue,
                FiscalYear,
                ContactName,
                Title,
                Department,
                Phone,
                Wechat,
                Email,
            ],
            ImportKind::Contacts => &[CustomerName, ContactName, Title, Department, Phone, Wechat, Email],
            ImportKind::Purchases => &[CustomerName, Month, Product, Category, Quantity, Amount],
            // A field the follow-up record gains is one more entry here, in `mapping.rs` (its
            // header synonyms) and in `RowReader::visit`.
            ImportKind::Visits => &[
                CustomerName,
                VisitDate,
                VisitMethod,
                Participants,
                OurParticipants,
                Place,
                Goal,
                Summary,
                Needs,
                NextAction,
                ActionOwner,
                ActionDue,
                DealName,
            ],
            ImportKind::Opportunities => &[
                CustomerName,
                DealName,
                Stage,
                Amount,
                Owner,
                ExpectedClose,
                Probability,
                Needs,
                Competitors,
                QuoteAmount,
                QuoteDate,
                ContractAmount,
                ContractDate,
                LostReason,
                LostNote,
                Notes,
            ],
        }
    }

    /// The fields a file of this kind must have a column for (the wizard asks for them before
    /// the preview; the templates mark them).
    pub const fn required(self) -> &'static [Field] {
        use Field::*;
        match self {
            ImportKind::Customers => &[CustomerName],
            ImportKind::Contacts => &[CustomerName, ContactName],
            ImportKind::Purchases => &[CustomerName, Month, Product],
            ImportKind::Visits => &[CustomerName, VisitDate],
            ImportKind::Opportunities => &[CustomerName, DealName, Amount],
        }
    }

    /// Whether a row matching a stored record can update it (the duplicate rule's 只补空白 and
    /// 覆盖). Purchases, follow-up records and opportunities are matched on what they say, so
    /// a match is the same record: it is skipped.
    pub const fn updates_duplicates(self) -> bool {
        matches!(self, ImportKind::Customers | ImportKind::Contacts)
    }

    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Customers => "customers",
            ImportKind::Contacts => "contacts",
            ImportKind::Purchases => "purchases",
            ImportKind::Visits => "visits",
            ImportKind::Opportunities => "opportunities",
        }
    }
}

/// What to do with a row that matches a record already in Dossier.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum OnDuplicate {
    /// Leave the record as it is.
    #[default]
    Skip,
    /// Fill only the record's empty fields.
    Fill,
    /// Replace the record's fields with the file's non-empty values.
    Overwrite,
}

/// Why a cell was refused.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Problem {
    /// The value cannot be read (`value.text` holds what the cell said).
    Value { value: ValueError },
    /// A required value is missing.
    Required,
    /// Not one of the allowed labels (e.g. a grade of "重要").
    UnknownLabel { text: String },
    /// A contact row names a customer that is not in Dossier.
    UnknownCustomer { name: String },
    /// A follow-up record names a participant who is not a contact of its customer.
    UnknownContact { name: String },
    /// A follow-up record names an opportunity its customer does not have.
    UnknownDeal { name: String },
    /// An opportunity's amount in another currency than 元 (opportunities are kept in 元).
    NotYuan { currency: String },
    /// An opportunity at a stage whose gate needs fields the row leaves empty (报价: the quote
    /// amount and date, …; see `opportunities::stages`).
    StageGate { stage: Stage, missing: Vec<Field> },
    /// A purchase needs at least a month; a year alone is not enough.
    NotAMonth { text: String },
    /// Refused by the same validation as the forms.
    Invalid { reason: Reason, detail: String },
}

/// One refused cell: "第 17 行 · C 列 成立日期: 无法识别 '2023年13月'".
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CellIssue {
    /// 1-based row number as the spreadsheet shows it.
    pub row: usize,
    /// Column letter as the spreadsheet shows it ("C").
    pub column: String,
    pub header: String,
    pub field: Field,
    pub problem: Problem,
}

#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    New,
    Update,
    /// Matches a record and changes nothing (or `skip` was chosen).
    Duplicate,
    /// Repeats an earlier row of the same file.
    DuplicateInFile,
    Error,
}

impl RowStatus {
    /// Every status, in the order the preview's filter lists them.
    pub const ALL: [RowStatus; 5] =
        [RowStatus::New, RowStatus::Update, RowStatus::Duplicate, RowStatus::DuplicateInFile, RowStatus::Error];
}

/// Where a row's contact goes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum CustomerRef {
    Existing(i64),
    /// Created by the row planned at this index (of `Preview::rows`).
    InFile(usize),
}

/// What committing a row does.
#[derive(Clone, Debug, PartialEq, Default)]
pub(crate) struct Ops {
    /// The customer and its name's key (`text::customer_key`, computed once, by the planner).
    pub create_customer: Option<(CustomerFields, String)>,
    pub update_customer: Option<(i64, CustomerFields)>,
    pub create_contact: Option<(CustomerRef, ContactFields)>,
    pub update_contact: Option<(i64, ContactFields)>,
    pub create_purchase: Option<(i64, PurchaseFields)>,
    pub create_visit: Option<(i64, VisitFields)>,
    pub create_opportunity: Option<(i64, OpportunityFields)>,
    /// A year's revenue (万元) for the row's customer.
    pub revenue: Option<(CustomerRef, Revenue)>,
}

/// A year's revenue as a row gives it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Revenue {
    /// `YYYY`, the financial period.
    pub period: String,
    /// 万元, as the financial series keeps it.
    pub amount: f64,
}

#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RowPlan {
    pub row: usize,
    pub status: RowStatus,
    /// The customer (and contact) the row is about, for the preview table.
    pub title: String,
    pub issues: Vec<CellIssue>,
}

#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub new: usize,
    pub update: usize,
    pub duplicate: usize,
    pub duplicate_in_file: usize,
    pub error: usize,
}

impl Counts {
    fn add(&mut self, status: RowStatus) {
        match status {
            RowStatus::New => self.new += 1,
            RowStatus::Update => self.update += 1,
            RowStatus::Duplicate => self.duplicate += 1,
            RowStatus::DuplicateInFile => self.duplicate_in_file += 1,
            RowStatus::Error => self.error += 1,
        }
    }
}

#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub sheet: String,
    /// 1-based.
    pub header_row: usize,
    pub headers: Vec<String>,
    pub mapping: Vec<Option<Field>>,
    pub rows: Vec<RowPlan>,
    pub counts: Counts,
    /// Every column that is not imported, with its reason.
    pub skipped: Vec<SkippedColumn>,
    /// The year revenue is imported as, when the file does not say (no year in the revenue
    /// column's header, no year column): the spec's `revenueYear`, else last year. `None`
    /// when no revenue is imported or the file gives its years.
    pub revenue_year: Option<i32>,
}

/// "A", "B", … "Z", "AA", … for a 0-based column index.
pub fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The header row's cells as text (0-based `header_row`).
pub(crate) fn header_texts(sheet: &Sheet, header_row: usize) -> Vec<String> {
    sheet
        .rows
        .get(header_row)
        .map(|r| r.iter().map(|c| values::text(c, Epoch::E1900).unwrap_or_default()).collect())
        .unwrap_or_default()
}

/// Plans the import of `sheet`'s rows below `header_row` (0-based) with `mapping` (one entry
/// per column): the preview, with every row's status and issues. Each row's operations go to
/// `apply` as soon as the row is planned (a commit writes them at once; a preview drops them).
#[allow(clippy::too_many_arguments)]
pub(crate) fn plan(
    conn: &Connection,
    sheet: &Sheet,
    header_row: usize,
    mapping: &[Option<Field>],
    kind: ImportKind,
    mode: OnDuplicate,
    revenue_year: i32,
    apply: &mut dyn FnMut(Ops) -> crate::error::Result<()>,
) -> crate::error::Result<Preview> {
    let mut rows = Vec::new();
    let (headers, counts) = plan_rows(conn, sheet, header_row, mapping, kind, mode, revenue_year, &mut |row, ops| {
        rows.push(row);
        apply(ops)
    })?;
    let skipped = skipped_columns(sheet, header_row, &headers, mapping, kind);
    let revenue_column =
        mapping.iter().position(|m| *m == Some(Field::Revenue)).filter(|_| kind.fields().contains(&Field::Revenue));
    let year_in_file = mapping.contains(&Some(Field::FiscalYear))
        || revenue_column.and_then(|c| headers.get(c)).and_then(|h| header_year(h)).is_some();
    let revenue_year = (revenue_column.is_some() && !year_in_file).then_some(revenue_year);
    Ok(Preview {
        sheet: sheet.name.clone(),
        header_row: header_row + 1,
        headers,
        mapping: mapping.to_vec(),
        rows,
        counts,
        skipped,
        revenue_year,
    })
}

/// Plans row by row, handing each row's plan and what committing it does to `emit` as soon as
/// they are made, so a commit applies them at once instead of holding the plan of the whole
/// sheet (a row's operations hold whole customer and contact records). Returns the headers and
/// the counts. A row's [`CustomerRef::InFile`] is the index of an earlier emitted row.
/// `revenue_year`: the year of revenue the file gives no year for.
#[allow(clippy::too_many_arguments)]
fn plan_rows(
    conn: &Connection,
    sheet: &Sheet,
    header_row: usize,
    mapping: &[Option<Field>],
    kind: ImportKind,
    mode: OnDuplicate,
    revenue_year: i32,
    emit: &mut dyn FnMut(RowPlan, Ops) -> crate::error::Result<()>,
) -> crate::error::Result<(Vec<String>, Counts)> {
    let headers = header_texts(sheet, header_row);
    let mut columns = HashMap::new();
    for (i, f) in mapping.iter().enumerate() {
        if let Some(f) = f {
            if kind.fields().contains(f) {
                columns.entry(*f).or_insert(i);
            }
        }
    }
    let mut planner = Planner::new(conn, kind, mode, columns.contains_key(&Field::ContactName));
    let mut counts = Counts::default();
    for (index, cells) in sheet.rows.iter().enumerate().skip(header_row + 1) {
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let mut r =
            RowReader { cells, row: index + 1, headers: &headers, columns: &columns, revenue_year, issues: vec![] };
        let (status, title, ops) = planner.row(&mut r)?;
        counts.add(status);
        emit(RowPlan { row: index + 1, status, title, issues: r.issues }, ops)?;
    }
    Ok((headers, counts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_like_excel() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
