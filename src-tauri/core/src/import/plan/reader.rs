//! Reading one data row of an import into typed values (a customer, a contact, a purchase),
//! collecting an issue per unreadable cell, named by row, column letter and header.

use std::collections::HashMap;

use super::{column_letter, CellIssue, Problem};
use crate::customers::{ContactFields, CustomerFields};
use crate::error::{CoreError, Reason};
use crate::import::labels;
use crate::import::mapping::Field;
use crate::import::values::{self, Cell, Epoch, ValueError};
use crate::text::clean_name;
use crate::trends::PurchaseFields;

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
pub(super) struct RowReader<'a> {
    pub cells: &'a [Cell],
    /// 1-based, as the spreadsheet numbers it.
    pub row: usize,
    pub headers: &'a [String],
    pub columns: &'a HashMap<Field, usize>,
    pub issues: Vec<CellIssue>,
}

impl RowReader<'_> {
    fn cell(&self, f: Field) -> Option<&Cell> {
        self.columns.get(&f).map(|&c| self.cells.get(c).unwrap_or(&Cell::Empty))
    }

    /// Records a problem with field `f`'s cell. "Required" is left out when the cell already
    /// has a more specific problem (an error cell, a formula, undecodable text).
    pub fn issue(&mut self, f: Field, problem: Problem) {
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
    pub fn name(&mut self, f: Field) -> String {
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

    pub fn customer(&mut self) -> CustomerFields {
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

    pub fn contact(&mut self) -> ContactFields {
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

    pub fn purchase(&mut self) -> PurchaseFields {
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
    pub fn validated(&mut self, r: crate::error::Result<()>) {
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
