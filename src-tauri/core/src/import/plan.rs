//! The import preview: what every row of a sheet would do — create, update, nothing
//! (duplicate), or nothing because of an error named by row, column and reason — before
//! anything is written. Committing re-plans inside the write transaction
//! (`Store::commit_import`), so the plan always matches the database it is applied to.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::labels;
use super::mapping::Field;
use super::read::Sheet;
use super::values::{self, Cell, Epoch, ValueError};
use crate::customers::store::{customer_by_short_name, existing_customer};
use crate::customers::validate;
use crate::customers::{ContactFields, CustomerFields};
use crate::error::{CoreError, Reason};
use crate::text::{clean_name, contact_key, customer_key, digits};
use crate::trends::purchases::purchase_exists;
use crate::trends::PurchaseFields;

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
}

impl ImportKind {
    pub const ALL: [ImportKind; 3] = [ImportKind::Customers, ImportKind::Contacts, ImportKind::Purchases];

    /// The fields a column can be mapped to for this kind, in the order the wizard offers them.
    pub const fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            ImportKind::Customers => &[
                CustomerName,
                ShortName,
                Industry,
                Region,
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
                ContactName,
                Title,
                Department,
                Phone,
                Wechat,
                Email,
            ],
            ImportKind::Contacts => &[CustomerName, ContactName, Title, Department, Phone, Wechat, Email],
            ImportKind::Purchases => &[CustomerName, Month, Product, Category, Quantity, Amount],
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Customers => "customers",
            ImportKind::Contacts => "contacts",
            ImportKind::Purchases => "purchases",
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
    pub create_customer: Option<CustomerFields>,
    pub update_customer: Option<(i64, CustomerFields)>,
    pub create_contact: Option<(CustomerRef, ContactFields)>,
    pub update_contact: Option<(i64, ContactFields)>,
    pub create_purchase: Option<(i64, PurchaseFields)>,
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

/// The form field names of [`validate`] that a column can hold.
fn field_of_form(name: &str) -> Option<Field> {
    Some(match name {
        "name" => Field::CustomerName,
        "shortName" => Field::ShortName,
        "industry" => Field::Industry,
        "region" => Field::Region,
        "owner" => Field::Owner,
        "headcount" => Field::Headcount,
        "founded" => Field::Founded,
        "website" => Field::Website,
        "stockCode" => Field::StockCode,
        "headquarters" => Field::Headquarters,
        "title" => Field::Title,
        "department" => Field::Department,
        "phone" => Field::Phone,
        "wechat" => Field::Wechat,
        "email" => Field::Email,
        _ => return None,
    })
}

/// Reads one data row into typed values, collecting an issue per unreadable cell.
struct RowReader<'a> {
    cells: &'a [Cell],
    row: usize,
    headers: &'a [String],
    columns: &'a HashMap<Field, usize>,
    issues: Vec<CellIssue>,
}

impl RowReader<'_> {
    fn cell(&self, f: Field) -> Option<&Cell> {
        self.columns.get(&f).map(|&c| self.cells.get(c).unwrap_or(&Cell::Empty))
    }

    /// Records a problem with field `f`'s cell. "Required" is left out when the cell already
    /// has a more specific problem (an error cell, a formula, undecodable text).
    fn issue(&mut self, f: Field, problem: Problem) {
        if problem == Problem::Required && self.issues.iter().any(|i| i.field == f) {
            return;
        }
        let col = self.columns.get(&f).copied().unwrap_or(0);
        self.issues.push(CellIssue {
            row: self.row,
            column: column_letter(col),
            header: self.headers.get(col).cloned().unwrap_or_default(),
            field: f,
            problem,
        });
    }

    fn text(&mut self, f: Field) -> String {
        match self.cell(f).map(|c| values::text(c, Epoch::E1900)) {
            None => String::new(),
            Some(Ok(t)) => t,
            Some(Err(e)) => {
                self.issue(f, Problem::Value { value: e });
                String::new()
            }
        }
    }

    /// A name cell as names are stored, without invisible characters ([`clean_name`]).
    fn name(&mut self, f: Field) -> String {
        clean_name(&self.text(f))
    }

    fn label<T>(&mut self, f: Field, parse: fn(&str) -> Option<T>) -> Option<T> {
        let t = self.text(f);
        if t.is_empty() {
            return None;
        }
        let v = parse(&t);
        if v.is_none() {
            self.issue(f, Problem::UnknownLabel { text: t });
        }
        v
    }

    fn date(&mut self, f: Field) -> String {
        match self.cell(f).map(|c| values::date(c, Epoch::E1900)) {
            None | Some(Ok(None)) => String::new(),
            Some(Ok(Some(d))) => d,
            Some(Err(e)) => {
                self.issue(f, Problem::Value { value: e });
                String::new()
            }
        }
    }

    fn whole_number(&mut self, f: Field) -> Option<i64> {
        match self.cell(f).map(values::amount) {
            None | Some(Ok(None)) => None,
            Some(Ok(Some(n))) if n.fract() == 0.0 => Some(n as i64),
            Some(Ok(Some(n))) => {
                self.issue(f, Problem::Value { value: ValueError::UnrecognizedNumber(n.to_string()) });
                None
            }
            Some(Err(e)) => {
                self.issue(f, Problem::Value { value: e });
                None
            }
        }
    }

    fn customer(&mut self) -> CustomerFields {
        CustomerFields {
            name: self.name(Field::CustomerName),
            short_name: self.name(Field::ShortName),
            ownership: self.label(Field::Ownership, labels::ownership),
            industry: self.text(Field::Industry),
            region: self.text(Field::Region),
            headcount: self.whole_number(Field::Headcount),
            founded: self.date(Field::Founded),
            stock_code: self.text(Field::StockCode),
            headquarters: self.text(Field::Headquarters),
            subsidiaries: String::new(),
            website: self.text(Field::Website),
            grade: self.label(Field::Grade, labels::grade),
            lifecycle: self.label(Field::Lifecycle, labels::lifecycle),
            owner: self.text(Field::Owner),
            collaborators: String::new(),
            lead_source: self.label(Field::LeadSource, labels::lead_source),
            tags: self
                .text(Field::Tags)
                .split([',', '，', '、', ';', '；', ' '])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    fn contact(&mut self) -> ContactFields {
        ContactFields {
            name: self.name(Field::ContactName),
            title: self.text(Field::Title),
            department: self.text(Field::Department),
            phone: self.text(Field::Phone),
            wechat: self.text(Field::Wechat),
            email: self.text(Field::Email),
            ..Default::default()
        }
    }

    fn number(&mut self, f: Field) -> Option<f64> {
        match self.cell(f).map(values::amount) {
            None | Some(Ok(None)) => None,
            Some(Ok(n)) => n,
            Some(Err(e)) => {
                self.issue(f, Problem::Value { value: e });
                None
            }
        }
    }

    fn purchase(&mut self) -> PurchaseFields {
        let date = self.date(Field::Month);
        let month = date.get(..7).unwrap_or_default().to_string();
        if date.len() == 4 {
            self.issue(Field::Month, Problem::NotAMonth { text: date.clone() });
        } else if date.is_empty() {
            self.issue(Field::Month, Problem::Required);
        }
        let currency = self.cell(Field::Amount).map(values::currency).unwrap_or("CNY").to_string();
        let p = PurchaseFields {
            day: if date.len() == 10 { date.clone() } else { String::new() },
            month,
            product: self.text(Field::Product),
            category: self.text(Field::Category),
            quantity: self.number(Field::Quantity),
            amount: self.number(Field::Amount),
            currency,
        };
        if p.product.is_empty() {
            self.issue(Field::Product, Problem::Required);
        }
        p
    }

    /// Runs a form validation and turns its error into an issue on the right column.
    fn validated(&mut self, r: crate::error::Result<()>) {
        if let Err(CoreError::Validation { field, reason, detail }) = r {
            let f = field_of_form(&field).unwrap_or(Field::CustomerName);
            let problem = if reason == Reason::Required {
                Problem::Required
            } else {
                Problem::Invalid { reason, detail: detail.to_string() }
            };
            self.issue(f, problem);
        }
    }
}

/// Sets `dst` from `src` per the duplicate rule; true when it changed.
fn merge_text(dst: &mut String, src: &str, mode: OnDuplicate) -> bool {
    let take = !src.is_empty() && (mode == OnDuplicate::Overwrite || dst.trim().is_empty()) && dst != src;
    if take {
        *dst = src.to_string();
    }
    take
}

fn merge_opt<T: PartialEq + Clone>(dst: &mut Option<T>, src: &Option<T>, mode: OnDuplicate) -> bool {
    let take = src.is_some() && (mode == OnDuplicate::Overwrite || dst.is_none()) && dst != src;
    if take {
        *dst = src.clone();
    }
    take
}

/// The existing customer with the file's values merged in, if anything changes.
fn merge_customer(existing: &CustomerFields, file: &CustomerFields, mode: OnDuplicate) -> Option<CustomerFields> {
    if mode == OnDuplicate::Skip {
        return None;
    }
    let mut m = existing.clone();
    let changed = [
        merge_text(&mut m.short_name, &file.short_name, mode),
        merge_opt(&mut m.ownership, &file.ownership, mode),
        merge_text(&mut m.industry, &file.industry, mode),
        merge_text(&mut m.region, &file.region, mode),
        merge_opt(&mut m.headcount, &file.headcount, mode),
        merge_text(&mut m.founded, &file.founded, mode),
        merge_text(&mut m.stock_code, &file.stock_code, mode),
        merge_text(&mut m.headquarters, &file.headquarters, mode),
        merge_text(&mut m.website, &file.website, mode),
        merge_opt(&mut m.grade, &file.grade, mode),
        merge_opt(&mut m.lifecycle, &file.lifecycle, mode),
        merge_text(&mut m.owner, &file.owner, mode),
        merge_opt(&mut m.lead_source, &file.lead_source, mode),
    ];
    let mut tags_changed = false;
    for t in &file.tags {
        if !m.tags.contains(t) {
            m.tags.push(t.clone());
            tags_changed = true;
        }
    }
    (changed.iter().any(|c| *c) || tags_changed).then_some(m)
}

fn merge_contact(existing: &ContactFields, file: &ContactFields, mode: OnDuplicate) -> Option<ContactFields> {
    if mode == OnDuplicate::Skip {
        return None;
    }
    let mut m = existing.clone();
    let changed = [
        merge_text(&mut m.title, &file.title, mode),
        merge_text(&mut m.department, &file.department, mode),
        merge_text(&mut m.phone, &file.phone, mode),
        merge_text(&mut m.wechat, &file.wechat, mode),
        merge_text(&mut m.email, &file.email, mode),
    ];
    changed.iter().any(|c| *c).then_some(m)
}

/// A contact of `customer_id` with the same normalised name or the same phone digits.
fn existing_contact(
    conn: &Connection,
    customer_id: i64,
    c: &ContactFields,
) -> crate::error::Result<Option<(i64, ContactFields)>> {
    let (name, phone) = (contact_key(&c.name), digits(&c.phone));
    Ok(crate::customers::contacts::load_contacts(conn, customer_id)?
        .into_iter()
        .find(|x| contact_key(&x.fields.name) == name || (!phone.is_empty() && digits(&x.fields.phone) == phone))
        .map(|x| (x.id, x.fields)))
}

/// The customer a row names: by normalised name, else by exact short name.
fn named_customer(conn: &Connection, name: &str) -> crate::error::Result<Option<i64>> {
    Ok(match existing_customer(conn, &customer_key(name))? {
        Some((id, _)) => Some(id),
        None => customer_by_short_name(conn, name)?,
    })
}

/// Plans the import of `sheet`'s rows below `header_row` (0-based) with `mapping` (one entry
/// per column): the preview, with every row's status and issues.
pub fn plan(
    conn: &Connection,
    sheet: &Sheet,
    header_row: usize,
    mapping: &[Option<Field>],
    kind: ImportKind,
    mode: OnDuplicate,
) -> crate::error::Result<Preview> {
    let mut rows = Vec::new();
    let (headers, counts) = plan_rows(conn, sheet, header_row, mapping, kind, mode, &mut |row, _ops| {
        rows.push(row);
        Ok(())
    })?;
    Ok(Preview {
        sheet: sheet.name.clone(),
        header_row: header_row + 1,
        headers,
        mapping: mapping.to_vec(),
        rows,
        counts,
    })
}

/// Plans row by row, handing each row's plan and what committing it does to `emit` as soon as
/// they are made, so a commit applies them at once instead of holding the plan of the whole
/// sheet (a row's operations hold whole customer and contact records). Returns the headers and
/// the counts. A row's [`CustomerRef::InFile`] is the index of an earlier emitted row.
pub(crate) fn plan_rows(
    conn: &Connection,
    sheet: &Sheet,
    header_row: usize,
    mapping: &[Option<Field>],
    kind: ImportKind,
    mode: OnDuplicate,
    emit: &mut dyn FnMut(RowPlan, Ops) -> crate::error::Result<()>,
) -> crate::error::Result<(Vec<String>, Counts)> {
    let headers: Vec<String> = sheet
        .rows
        .get(header_row)
        .map(|r| r.iter().map(|c| values::text(c, Epoch::E1900).unwrap_or_default()).collect())
        .unwrap_or_default();
    let mut columns = HashMap::new();
    for (i, f) in mapping.iter().enumerate() {
        if let Some(f) = f {
            if kind.fields().contains(f) {
                columns.entry(*f).or_insert(i);
            }
        }
    }
    let has_contacts = columns.contains_key(&Field::ContactName);
    let mut counts = Counts::default();
    let mut planned = 0;
    let mut emit = |row: RowPlan, ops: Ops| -> crate::error::Result<()> {
        counts.add(row.status);
        emit(row, ops)
    };
    // Customers met in this file: normalised name → where they are (or will be).
    let mut customers_in_file: HashMap<String, CustomerRef> = HashMap::new();
    // Contacts met in this file: (customer, normalised name).
    let mut contacts_seen: std::collections::HashSet<(String, String)> = Default::default();
    let mut last_customer_name = String::new();
    let mut purchases_seen: std::collections::HashSet<String> = Default::default();

    for (index, cells) in sheet.rows.iter().enumerate().skip(header_row + 1) {
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let mut r = RowReader { cells, row: index + 1, headers: &headers, columns: &columns, issues: vec![] };
        if kind == ImportKind::Purchases {
            let mut name = r.name(Field::CustomerName);
            let p = r.purchase();
            // A customer cell merged over its purchase rows arrives empty below the first.
            let unreadable = r.issues.iter().any(|i| i.field == Field::CustomerName);
            if name.is_empty() && !unreadable && !p.product.is_empty() {
                name = last_customer_name.clone();
            } else if !name.is_empty() {
                last_customer_name = name.clone();
            }
            let title = format!("{name} · {} · {}", p.month, p.product);
            let mut ops = Ops::default();
            let mut status = RowStatus::Error;
            if name.is_empty() {
                r.issue(Field::CustomerName, Problem::Required);
            } else if r.issues.is_empty() {
                match named_customer(conn, &name)? {
                    None => r.issue(Field::CustomerName, Problem::UnknownCustomer { name: name.clone() }),
                    Some(id) => {
                        let key = format!(
                            "{id}|{}|{}|{}|{:?}|{:?}|{}",
                            p.month, p.day, p.product, p.quantity, p.amount, p.currency
                        );
                        status = if !purchases_seen.insert(key) {
                            RowStatus::DuplicateInFile
                        } else if purchase_exists(conn, id, &p)? {
                            RowStatus::Duplicate
                        } else {
                            ops.create_purchase = Some((id, p));
                            RowStatus::New
                        };
                    }
                }
            }
            if !r.issues.is_empty() {
                status = RowStatus::Error;
            }
            emit(RowPlan { row: index + 1, status, title, issues: r.issues }, ops)?;
            planned += 1;
            continue;
        }
        let mut customer = r.customer();
        let contact = if has_contacts { Some(r.contact()) } else { None };
        let contact = contact.filter(|c| !c.name.is_empty() || !c.phone.is_empty());
        // Merged customer cells over several contact rows arrive empty below the first.
        if customer.name.is_empty() && contact.is_some() && !last_customer_name.is_empty() {
            customer.name = last_customer_name.clone();
        }
        if customer.name.is_empty() {
            r.issue(Field::CustomerName, Problem::Required);
        } else {
            last_customer_name = customer.name.clone();
        }
        let key = customer_key(&customer.name);
        let mut ops = Ops::default();
        let mut in_file_duplicate = false;
        let title = match &contact {
            Some(c) => format!("{} · {}", customer.name, c.name),
            None => customer.name.clone(),
        };

        if r.issues.is_empty() {
            // The customer part.
            let target = if let Some(earlier) = customers_in_file.get(&key) {
                in_file_duplicate = true;
                Some(earlier.clone())
            } else {
                match (existing_customer(conn, &key)?, kind) {
                    (Some((id, fields)), ImportKind::Customers) => {
                        ops.update_customer = merge_customer(&fields, &customer, mode).map(|m| (id, m));
                        if let Some((_, m)) = &ops.update_customer {
                            r.validated(validate::customer(m));
                        }
                        Some(CustomerRef::Existing(id))
                    }
                    (Some((id, _)), ImportKind::Contacts) => Some(CustomerRef::Existing(id)),
                    (None, ImportKind::Customers) => {
                        r.validated(validate::customer(&customer));
                        ops.create_customer = Some(customer.clone());
                        None
                    }
                    (_, ImportKind::Purchases) => None, // planned above
                    (None, ImportKind::Contacts) => match customer_by_short_name(conn, &customer.name)? {
                        Some(id) => Some(CustomerRef::Existing(id)),
                        None => {
                            r.issue(Field::CustomerName, Problem::UnknownCustomer { name: customer.name.clone() });
                            None
                        }
                    },
                }
            };
            // The contact part.
            if let (Some(c), true) = (&contact, r.issues.is_empty()) {
                r.validated(validate::contact(c));
                let seen_key = (key.clone(), contact_key(&c.name));
                if !contacts_seen.insert(seen_key) {
                    in_file_duplicate = true;
                } else {
                    let existing = match &target {
                        Some(CustomerRef::Existing(id)) => existing_contact(conn, *id, c)?,
                        _ => None,
                    };
                    match existing {
                        Some((id, fields)) => ops.update_contact = merge_contact(&fields, c, mode).map(|m| (id, m)),
                        None => {
                            let to = target.clone().unwrap_or(CustomerRef::InFile(planned));
                            ops.create_contact = Some((to, c.clone()));
                        }
                    }
                }
            }
        }
        let status = if !r.issues.is_empty() {
            ops = Ops::default();
            RowStatus::Error
        } else if ops.create_customer.is_some() || ops.create_contact.is_some() {
            RowStatus::New
        } else if ops.update_customer.is_some() || ops.update_contact.is_some() {
            RowStatus::Update
        } else if in_file_duplicate {
            RowStatus::DuplicateInFile
        } else {
            RowStatus::Duplicate
        };
        if status != RowStatus::Error {
            let here = match (&ops.create_customer, &ops.create_contact, &ops.update_customer) {
                (Some(_), _, _) => Some(CustomerRef::InFile(planned)),
                (_, _, Some((id, _))) => Some(CustomerRef::Existing(*id)),
                (_, Some((to, _)), _) => Some(to.clone()),
                _ => existing_customer(conn, &key)?.map(|(id, _)| CustomerRef::Existing(id)),
            };
            if let Some(here) = here {
                customers_in_file.entry(key).or_insert(here);
            }
        }
        emit(RowPlan { row: index + 1, status, title, issues: r.issues }, ops)?;
        planned += 1;
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

    #[test]
    fn fill_merges_only_empty_fields_and_overwrite_replaces() {
        let existing = CustomerFields { name: "甲".into(), industry: "制造".into(), ..Default::default() };
        let file =
            CustomerFields {
                name: "甲".into(), industry: "化工".into(), region: "苏州".into(), ..Default::default()
            };
        let filled = merge_customer(&existing, &file, OnDuplicate::Fill).unwrap();
        assert_eq!((filled.industry.as_str(), filled.region.as_str()), ("制造", "苏州"));
        let over = merge_customer(&existing, &file, OnDuplicate::Overwrite).unwrap();
        assert_eq!(over.industry, "化工");
        assert_eq!(merge_customer(&existing, &file, OnDuplicate::Skip), None);
        assert_eq!(merge_customer(&over, &file, OnDuplicate::Overwrite), None, "nothing left to change");
    }
}
