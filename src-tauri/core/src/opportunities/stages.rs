//! Stage gates and the validation of the opportunity form (see the module doc of
//! [`super`] for the rules). Pure: the store passes in what it knows (the needs recorded in
//! the opportunity's visit summaries).

use super::{OpportunityFields, Stage};
use crate::customers::validate::{full_date, max_len, range_f, range_i, required};
use crate::error::{CoreError, Detail, Reason, Result};

/// The open stages in order (成交 follows 合同; 丢单 can follow any).
pub const PIPELINE: [Stage; 7] =
    [Stage::Initiation, Stage::Needs, Stage::Solution, Stage::Quote, Stage::Negotiation, Stage::Contract, Stage::Won];

/// The position of a stage in [`PIPELINE`]; 丢单 has none.
pub fn rank(stage: Stage) -> Option<usize> {
    PIPELINE.iter().position(|&s| s == stage)
}

/// The fields a stage itself requires that are missing (camelCase field names).
fn missing_at(stage: Stage, f: &OpportunityFields, visit_needs: i64) -> Vec<&'static str> {
    let blank = |s: &str| s.trim().is_empty();
    let mut missing = Vec::new();
    match stage {
        Stage::Needs if visit_needs == 0 && blank(&f.needs) => missing.push("needs"),
        Stage::Quote => {
            if f.quote_amount.is_none() {
                missing.push("quoteAmount");
            }
            if blank(&f.quote_date) {
                missing.push("quoteDate");
            }
        }
        // 成交 follows 合同, so it needs the contract through the stages before it.
        Stage::Contract => {
            if f.contract_amount.is_none() {
                missing.push("contractAmount");
            }
            if blank(&f.contract_date) {
                missing.push("contractDate");
            }
        }
        Stage::Lost => {
            let review = f.lost_review.clone().unwrap_or_default();
            if review.reason.is_none() {
                missing.push("lostReview.reason");
            }
            if blank(&review.text) {
                missing.push("lostReview.text");
            }
        }
        _ => {}
    }
    missing
}

/// Everything missing to be at `f.stage`: the fields of that stage and of every stage before
/// it (丢单: the review only). `visit_needs`: needs recorded in the opportunity's visits.
pub fn missing_fields(f: &OpportunityFields, visit_needs: i64) -> Vec<&'static str> {
    let Some(at) = rank(f.stage) else { return missing_at(Stage::Lost, f, visit_needs) };
    PIPELINE[..=at].iter().flat_map(|&s| missing_at(s, f, visit_needs)).collect()
}

/// Refuses a stage whose required fields are missing, naming the first and listing all.
pub fn check_gate(f: &OpportunityFields, visit_needs: i64) -> Result<()> {
    let missing = missing_fields(f, visit_needs);
    match missing.first() {
        None => Ok(()),
        Some(first) => {
            let fields = missing.iter().map(|f| f.to_string()).collect();
            Err(CoreError::refusal(*first, Reason::Required, Detail::MissingFields { fields }))
        }
    }
}

fn positive(field: &str, value: Option<f64>) -> Result<()> {
    match value {
        Some(v) if !v.is_finite() || v <= 0.0 => Err(CoreError::validation_detail(field, Reason::OutOfRange, "> 0")),
        _ => Ok(()),
    }
}

/// The form's own rules (the gate and the references to contacts and scopes are checked by
/// the store).
pub fn validate(f: &OpportunityFields) -> Result<()> {
    required("name", &f.name)?;
    max_len("owner", &f.owner, 200)?;
    if f.amount.is_none() {
        return Err(CoreError::validation("amount", Reason::Required));
    }
    positive("amount", f.amount)?;
    range_i("probability", f.probability, 0, 100)?;
    full_date("expectedClose", &f.expected_close)?;
    range_f("budget", f.budget, 0.0, 1e13)?;
    positive("quoteAmount", f.quote_amount)?;
    full_date("quoteDate", &f.quote_date)?;
    positive("contractAmount", f.contract_amount)?;
    full_date("contractDate", &f.contract_date)?;
    for (i, c) in f.competitors.iter().enumerate() {
        required(&format!("competitors.{i}"), c)?;
    }
    max_len("needs", &f.needs, 20_000)?;
    max_len("notes", &f.notes, 20_000)?;
    if let Some(r) = &f.lost_review {
        max_len("lostReview.lostTo", &r.lost_to, 200)?;
        max_len("lostReview.text", &r.text, 20_000)?;
        max_len("lostReview.next", &r.next, 20_000)?;
    }
    Ok(())
}
