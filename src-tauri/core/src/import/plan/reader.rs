//! Reading one data row of an import into typed values (a customer, a contact, a purchase, a
//! follow-up record, an opportunity), collecting an issue per unreadable cell, named by row,
//! column letter and header.

use std::collections::HashMap;

use super::{column_letter, CellIssue, Problem, Revenue};
use crate::customers::{ContactFields, CustomerFields};
use crate::error::{CoreError, Reason};
use crate::import::labels;
use crate::import::mapping::{header_year, Field};
use crate::import::values::{self, Cell, Epoch, ValueError};
use crate::opportunities::{LostReview, OpportunityFields};
use crate::text::clean_name;
use crate::trends::PurchaseFields;
use crate::visits::{ActionFields, Need, VisitFields};

/// Which column holds a form field a validation names: `Some(field)` for the ones a column
/// can hold.
pub(super) type FormField = fn(&str) -> Option<Field>;

/// The customer and contact forms' field names (`customers::validate`).
pub(super) fn customer_form_field(name: &str) -> Option<Field> {
    Some(match name {
        "name" => Field::CustomerName,
        "shortName" => Field::ShortName,
        "industry" => Field::Industry,
        "region" => Field::Region,
        "notes" => Field::Notes,
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

/// The follow-up record form's field names (`visits::validate`: `needs.0.text`,
/// `actions.0.dueDate`).
pub(super) fn visit_form_field(name: &str) -> Option<Field> {
    let head = name.split('.').next().unwrap_or_default();
    let last = name.rsplit('.').next().unwrap_or_default();
    Some(match (head, last) {
        ("date", _) => Field::VisitDate,
        ("place", _) => Field::Place,
        ("goal", _) => Field::Goal,
        ("summary", _) => Field::Summary,
        ("ourParticipants", _) => Field::OurParticipants,
        ("customerParticipants", _) => Field::Participants,
        ("needs", _) => Field::Needs,
        ("opportunityId", _) => Field::DealName,
        ("actions", "owner") => Field::ActionOwner,
        ("actions", "dueDate") => Field::ActionDue,
        ("actions", _) => Field::NextAction,
        _ => return None,
    })
}

/// The opportunity form's field names (`opportunities::stages`).
pub(super) fn opportunity_form_field(name: &str) -> Option<Field> {
    let head = name.split('.').next().unwrap_or_default();
    Some(match head {
        "name" => Field::DealName,
        "owner" => Field::Owner,
        "amount" => Field::Amount,
        "stage" => Field::Stage,
        "probability" => Field::Probability,
        "expectedClose" => Field::ExpectedClose,
        "needs" => Field::Needs,
        "competitors" => Field::Competitors,
        "quoteAmount" => Field::QuoteAmount,
        "quoteDate" => Field::QuoteDate,
        "contractAmount" => Field::ContractAmount,
        "contractDate" => Field::ContractDate,
        "notes" => Field::Notes,
        "lostReview" if name.ends_with("reason") => Field::LostReason,
        "lostReview" => Field::LostNote,
        _ => return None,
    })
}

/// A cell holding a list (participants, competitors): split at the separators people type
/// between names.
fn list(text: &str, separators: &[char]) -> Vec<String> {
    text.split(separators).map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect()
}

/// Between names: commas, 、, semicolons, line breaks.
const NAME_SEPARATORS: &[char] = &[',', '，', '、', ';', '；', '\n'];
/// Between sentences (a visit's needs): semicolons and line breaks.
const LINE_SEPARATORS: &[char] = &[';', '；', '\n'];

/// A follow-up record as a row gives it: the form's fields, with the customer's participants
/// and the opportunity still as names (the planner finds them).
pub(super) struct RowVisit {
    pub fields: VisitFields,
    pub participants: Vec<String>,
    pub deal: String,
}

/// Reads one data row into typed values, collecting an issue per unreadable cell.
pub(super) struct RowReader<'a> {
    pub cells: &'a [Cell],
    /// 1-based, as the spreadsheet numbers it.
    pub row: usize,
    pub headers: &'a [String],
    pub columns: &'a HashMap<Field, usize>,
    /// The year of revenue the file gives no year for.
    pub revenue_year: i32,
    pub issues: Vec<CellIssue>,
}

/// A revenue cell in 万元: a cell with its own unit ("1.2亿", "3500万元", "800000元") as it
/// says; a bare number in the header's unit ("年营收（元）", "（亿元）"), else in 万元, the unit
/// customer lists and the financial series use.
fn revenue_wan(cell: &Cell, header: &str) -> Result<Option<f64>, ValueError> {
    let Some(yuan) = values::amount(cell)? else { return Ok(None) };
    let says_unit = matches!(cell, Cell::Text(t) if t.contains(['万', '亿', '千', '元', '¥', '￥']));
    if says_unit {
        return Ok(Some(yuan / 1e4));
    }
    let factor = if header.contains('亿') {
        1e4
    } else if header.contains('万') {
        1.0
    } else if header.contains('元') {
        1e-4
    } else {
        1.0
    };
    Ok(Some(yuan * factor))
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
            region: values::region(
                &[Field::Region, Field::Province, Field::City, Field::District].map(|f| self.text(f)),
            ),
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
            notes: self.text(Field::Notes),
        }
    }

    /// The row's revenue with its year: the year in the revenue column's header, else the
    /// row's year column, else [`RowReader::revenue_year`]. `None` when the cell is empty or
    /// unreadable (an issue then).
    pub fn revenue(&mut self) -> Option<Revenue> {
        let column = *self.columns.get(&Field::Revenue)?;
        let header = self.headers.get(column).cloned().unwrap_or_default();
        let amount = match revenue_wan(self.cells.get(column).unwrap_or(&Cell::Empty), &header) {
            Ok(a) => a?,
            Err(e) => {
                self.issue(Field::Revenue, Problem::Value { value: e });
                return None;
            }
        };
        let year = match header_year(&header) {
            Some(y) => y,
            None if self.text_is_empty(Field::FiscalYear) => self.revenue_year,
            None => {
                let text = self.text(Field::FiscalYear);
                match header_year(&text) {
                    Some(y) => y,
                    None => {
                        if !text.is_empty() {
                            let problem = Problem::Invalid { reason: Reason::InvalidPeriod, detail: text };
                            self.issue(Field::FiscalYear, problem);
                        }
                        return None;
                    }
                }
            }
        };
        Some(Revenue { period: year.to_string(), amount })
    }

    fn text_is_empty(&self, f: Field) -> bool {
        self.cell(f).is_none_or(|c| *c == Cell::Empty)
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

    /// A follow-up record. No method given reads as 面谈, the form's default; one next action
    /// from the 下一步 columns (an owner or a due date without the action is refused by the
    /// validation, on the action's column).
    pub fn visit(&mut self) -> RowVisit {
        let date = self.date(Field::VisitDate);
        if date.is_empty() {
            self.issue(Field::VisitDate, Problem::Required);
        }
        let method = self.label(Field::VisitMethod, labels::visit_method).unwrap_or_default();
        let participants = list(&self.text(Field::Participants), NAME_SEPARATORS);
        let our_participants =
            list(&self.text(Field::OurParticipants), NAME_SEPARATORS).iter().map(|n| n.as_str().into()).collect();
        let needs = list(&self.text(Field::Needs), LINE_SEPARATORS)
            .into_iter()
            .map(|text| Need { text, ..Default::default() })
            .collect();
        let action = ActionFields {
            what: self.text(Field::NextAction),
            owner: self.text(Field::ActionOwner),
            ..Default::default()
        };
        let action = ActionFields { due_date: self.date(Field::ActionDue), ..action };
        let has_action = !(action.what.is_empty() && action.owner.is_empty() && action.due_date.is_empty());
        let fields = VisitFields {
            date,
            method,
            place: self.text(Field::Place),
            our_participants,
            goal: self.text(Field::Goal),
            summary: self.text(Field::Summary),
            needs,
            actions: if has_action { vec![action] } else { Vec::new() },
            ..Default::default()
        };
        RowVisit { fields, participants, deal: self.name(Field::DealName) }
    }

    /// An opportunity: no stage given reads as 立项; its amount must be in 元.
    pub fn opportunity(&mut self) -> OpportunityFields {
        if let Some(currency) = self.cell(Field::Amount).map(values::currency).filter(|c| *c != "CNY") {
            self.issue(Field::Amount, Problem::NotYuan { currency: currency.to_string() });
        }
        let stage = self.label(Field::Stage, labels::stage).unwrap_or_default();
        let probability = match self.cell(Field::Probability).map(values::percent) {
            None | Some(Ok(None)) => None,
            Some(Ok(Some(p))) => Some(p.round() as i64),
            Some(Err(e)) => {
                self.issue(Field::Probability, Problem::Value { value: e });
                None
            }
        };
        let reason = self.label(Field::LostReason, labels::lost_reason);
        let lost_text = self.text(Field::LostNote);
        OpportunityFields {
            name: self.name(Field::DealName),
            owner: self.text(Field::Owner),
            amount: self.number(Field::Amount),
            stage,
            probability,
            expected_close: self.date(Field::ExpectedClose),
            competitors: list(&self.text(Field::Competitors), NAME_SEPARATORS),
            needs: self.text(Field::Needs),
            quote_amount: self.number(Field::QuoteAmount),
            quote_date: self.date(Field::QuoteDate),
            contract_amount: self.number(Field::ContractAmount),
            contract_date: self.date(Field::ContractDate),
            notes: self.text(Field::Notes),
            lost_review: (reason.is_some() || !lost_text.is_empty()).then(|| LostReview {
                reason,
                text: lost_text,
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    /// Runs a form validation and turns its error into an issue on the column `form_field`
    /// says holds the field it names.
    pub fn validated(&mut self, r: crate::error::Result<()>, form_field: FormField) {
        if let Err(CoreError::Validation { field, reason, detail }) = r {
            let f = form_field(&field).unwrap_or(Field::CustomerName);
            let problem = if reason == Reason::Required {
                Problem::Required
            } else {
                Problem::Invalid { reason, detail: detail.to_string() }
            };
            self.issue(f, problem);
        }
    }
}
