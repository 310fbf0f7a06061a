//! The refusals of the 回款 and 交付 forms, before anything is written: each names the first
//! bad field (`installments.1.amount`, `receivedOn`, `milestones.0.actualDate`).

use crate::customers::validate::{full_date, max_len, required};
use crate::error::{CoreError, Reason, Result};
use crate::payments::{fen, MilestoneFields, PaymentFields, PlanInput, CENT};

const MAX_TEXT: usize = 200;
const MAX_NOTE: usize = 1000;

/// An amount in 元 that must be there and above 0.
fn positive(field: &str, value: Option<f64>) -> Result<f64> {
    match value {
        None => Err(CoreError::validation(field, Reason::Required)),
        Some(x) if !x.is_finite() || x < CENT => Err(CoreError::validation_detail(field, Reason::OutOfRange, "> 0")),
        Some(x) => Ok(x),
    }
}

/// A date that must be there and be a real `YYYY-MM-DD`.
fn date(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(CoreError::validation(field, Reason::Required));
    }
    full_date(field, value)
}

/// The plan against the contract amount: each installment above 0 with a due date; the sum
/// above the contract by more than a fen only when the user confirmed it.
pub fn plan(p: &PlanInput, contract_amount: f64) -> Result<()> {
    let mut total = 0.0;
    for (i, inst) in p.installments.iter().enumerate() {
        total += positive(&format!("installments.{i}.amount"), inst.amount)?;
        date(&format!("installments.{i}.dueDate"), &inst.due_date)?;
        max_len(&format!("installments.{i}.condition"), &inst.condition, MAX_TEXT)?;
        max_len(&format!("installments.{i}.note"), &inst.note, MAX_NOTE)?;
    }
    if fen(total - contract_amount) > CENT && !p.confirm_over {
        return Err(CoreError::validation_detail(
            "installments",
            Reason::OverContract,
            fen(contract_amount).to_string(),
        ));
    }
    Ok(())
}

/// A received payment: above 0, dated from the contract's day to today.
pub fn payment(p: &PaymentFields, contract_date: &str, today: &str) -> Result<()> {
    date("receivedOn", &p.received_on)?;
    let day = p.received_on.trim();
    if day < contract_date || day > today {
        return Err(CoreError::validation_detail("receivedOn", Reason::OutOfRange, format!("{contract_date}–{today}")));
    }
    positive("amount", p.amount)?;
    max_len("note", &p.note, MAX_NOTE)
}

/// The milestones: each named, its dates real, the day it was done not after today.
pub fn milestones(list: &[MilestoneFields], today: &str) -> Result<()> {
    for (i, m) in list.iter().enumerate() {
        required(&format!("milestones.{i}.name"), &m.name)?;
        full_date(&format!("milestones.{i}.plannedDate"), &m.planned_date)?;
        let actual = format!("milestones.{i}.actualDate");
        full_date(&actual, &m.actual_date)?;
        if m.actual_date.trim() > today {
            return Err(CoreError::validation_detail(actual, Reason::OutOfRange, format!("≤ {today}")));
        }
        max_len(&format!("milestones.{i}.owner"), &m.owner, MAX_TEXT)?;
    }
    Ok(())
}
